#include "ui/mainwindow.h"

#include "gis/demo.h"
#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/project.h"
#include "layers/thematicmap.h"
#include "ui/mapcanvas.h"

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace app::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Sasaran"));
    resize(1280, 860);
    mCanvas = new MapCanvas(this);
    setCentralWidget(mCanvas);

    auto* fileMenu = menuBar()->addMenu(tr("&Project"));
    fileMenu->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseProject);
    fileMenu->addAction(tr("Open &Tanggamus example"), this, &MainWindow::openDefaultDataset);
    fileMenu->addAction(tr("&Export map…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportMap);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* toolbar = addToolBar(tr("Map"));
    toolbar->setObjectName("mapToolbar");
    toolbar->addWidget(new QLabel(tr(" Indicator: "), toolbar));
    mIndicator = new QComboBox(toolbar);
    mIndicator->setObjectName("indicatorBox");
    mIndicator->setMinimumWidth(280);
    toolbar->addWidget(mIndicator);
    toolbar->addAction(tr("Full extent"), mCanvas, &MapCanvas::zoomToFullExtent);
    connect(mIndicator, &QComboBox::currentIndexChanged, this, &MainWindow::showIndicator);

    mProvenance = new QLabel(this);
    statusBar()->addPermanentWidget(mProvenance);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProject(const QString& path)
{
    try {
        auto ds = std::make_unique<gis::Dataset>(gis::loadProject(path.toStdString()));
        setDataset(std::move(ds), path);
        return true;
    } catch (const gis::Error& e) {
        QMessageBox::warning(this, tr("Open project"), QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::openDefaultDataset()
{
    try {
        setDataset(std::make_unique<gis::Dataset>(gis::buildDefaultDataset()), tr("Tanggamus (example)"));
    } catch (const gis::Error& e) {
        QMessageBox::critical(this, tr("Example data"), QString::fromStdString(e.what()));
    }
}

void MainWindow::setDataset(std::unique_ptr<gis::Dataset> ds, const QString& title)
{
    mDataset = std::move(ds);
    setWindowTitle(tr("Sasaran — %1").arg(title));
    mProvenance->setText(mDataset->isIllustrative() ? tr("Data ilustrasi — batas dan angka bukan data resmi")
                                                    : QString::fromStdString(mDataset->metaValue("boundary_source")));
    const QSignalBlocker blocker(mIndicator);
    mIndicator->clear();
    for (const gis::IndicatorInfo& info : gis::availableIndicators(*mDataset))
        mIndicator->addItem(QString::fromStdString(info.label + (info.unit.empty() ? "" : " (" + info.unit + ")")),
                            QString::fromStdString(info.key));
    const int rate = mIndicator->findData(QStringLiteral("poverty_rate"));
    mIndicator->setCurrentIndex(rate >= 0 ? rate : 0);
    showIndicator();
    mCanvas->zoomToFullExtent();
}

void MainWindow::showIndicator()
{
    if (!mDataset || mIndicator->currentIndex() < 0)
        return;
    layers::ThematicMapSpec spec;
    spec.indicatorKey = mIndicator->currentData().toString().toStdString();
    try {
        mCanvas->setMap(std::make_shared<const layers::ThematicMap>(*mDataset, spec));
        statusBar()->showMessage(tr("%1 areas").arg(mDataset->villages().size()));
    } catch (const gis::Error& e) {
        statusBar()->showMessage(QString::fromStdString(e.what()));
    }
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("Sasaran projects (*.sasaran.sqlite);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::exportMap()
{
    if (!mDataset)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export map"), QStringLiteral("peta.pdf"),
                                                      tr("PDF (*.pdf);;PNG (*.png);;SVG (*.svg)"));
    if (path.isEmpty())
        return;
    layers::ThematicMapSpec spec;
    spec.indicatorKey = mIndicator->currentData().toString().toStdString();
    try {
        layers::exportMap(*mDataset, spec, path.toStdString());
        statusBar()->showMessage(tr("Wrote %1").arg(path));
    } catch (const gis::Error& e) {
        QMessageBox::warning(this, tr("Export map"), QString::fromStdString(e.what()));
    }
}

} // namespace app::ui
