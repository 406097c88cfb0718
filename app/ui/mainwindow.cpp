#include "ui/mainwindow.h"

#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/project.h"
#include "layers/meetingpack.h"
#include "layers/thematicmap.h"
#include "ui/mapcanvas.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
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
    fileMenu->addAction(tr("Export &atlas per kecamatan…"), this, &MainWindow::exportAtlas);
    fileMenu->addAction(tr("Export meeting &pack (Rakor)…"), this, &MainWindow::exportReport);
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

    auto* legendDock = new QDockWidget(tr("Legend"), this);
    legendDock->setObjectName("legendDock");
    mLegend = new QListWidget(legendDock);
    mLegend->setObjectName("legend");
    mLegend->setSelectionMode(QAbstractItemView::NoSelection);
    mLegend->setIconSize(QSize(22, 14));
    legendDock->setWidget(mLegend);
    addDockWidget(Qt::RightDockWidgetArea, legendDock);
    connect(mCanvas, &MapCanvas::clicked, this, &MainWindow::identify);

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
        updateLegend();
        statusBar()->showMessage(tr("%1 areas; click a pekon to see its value").arg(mDataset->villages().size()));
    } catch (const gis::Error& e) {
        statusBar()->showMessage(QString::fromStdString(e.what()));
    }
}

void MainWindow::updateLegend()
{
    mLegend->clear();
    const layers::ThematicMap* map = mCanvas->map();
    if (!map)
        return;
    auto swatch = [](const QColor& colour, bool hatched) {
        QPixmap pixmap(22, 14);
        pixmap.fill(colour);
        QPainter painter(&pixmap);
        painter.setPen(QColor(0x80, 0x80, 0x80));
        if (hatched)
            painter.setBrush(QBrush(QColor(0x96, 0x96, 0x96), Qt::BDiagPattern));
        painter.drawRect(0, 0, 21, 13);
        return QIcon(pixmap);
    };
    auto* heading = new QListWidgetItem(
        QString::fromStdString(map->indicator().label + " (" + map->indicator().unit + "), " + map->period()), mLegend);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    for (const layers::LegendEntry& e : map->legendEntries())
        new QListWidgetItem(swatch(e.color, e.noData),
                            tr("%1   (%2)").arg(QString::fromStdString(e.label)).arg(e.count), mLegend);
    for (const layers::FacilityLegendEntry& f : map->facilityLegendEntries())
        new QListWidgetItem(tr("%1: %2").arg(QString::fromStdString(f.label)).arg(f.count), mLegend);
    if (map->isIllustrative())
        new QListWidgetItem(tr("Data ilustrasi — batas dan angka bukan data resmi"), mLegend);
}

QString MainWindow::identify(gis::Point lonLat)
{
    const layers::ThematicMap* map = mCanvas->map();
    if (!map || !mDataset)
        return {};
    const auto code = map->villageAt(lonLat);
    QString text;
    if (!code) {
        text = tr("No pekon at %1, %2").arg(lonLat.x, 0, 'f', 4).arg(lonLat.y, 0, 'f', 4);
    } else {
        const gis::Area* area = mDataset->findArea(*code);
        const gis::Area* parent = area ? mDataset->findArea(area->parentCode) : nullptr;
        const auto value = map->valueForArea(*code);
        text = tr("%1 %2 (%3), Kec. %4: %5 = %6")
                   .arg(QString::fromStdString(area ? area->kind : ""), QString::fromStdString(area ? area->name : ""),
                        QString::fromStdString(*code), QString::fromStdString(parent ? parent->name : "?"),
                        QString::fromStdString(map->indicator().label),
                        value ? QString::number(*value, 'f', 2) + " " + QString::fromStdString(map->indicator().unit)
                              : tr("no data"));
    }
    statusBar()->showMessage(text);
    return text;
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

void MainWindow::exportAtlas()
{
    if (!mDataset)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export atlas"), QStringLiteral("atlas_kecamatan.pdf"),
                                                      tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportAtlasTo(path);
}

void MainWindow::exportReport()
{
    if (!mDataset)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export meeting pack"),
                                                      QStringLiteral("bahan_rakor.pdf"), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportReportTo(path);
}

bool MainWindow::exportAtlasTo(const QString& path)
{
    if (!mDataset)
        return false;
    try {
        layers::AtlasOptions options;
        options.style.page.landscape = false;
        const int pages = layers::exportAtlas(*mDataset, gis::analyzeVillages(*mDataset), options, path.toStdString());
        statusBar()->showMessage(tr("Wrote %1 (%2 pages)").arg(path).arg(pages));
        return true;
    } catch (const gis::Error& e) {
        QMessageBox::warning(this, tr("Export atlas"), QString::fromStdString(e.what()));
        return false;
    }
}

bool MainWindow::exportReportTo(const QString& path)
{
    if (!mDataset)
        return false;
    try {
        const int pages = layers::exportReport(*mDataset, gis::analyzeVillages(*mDataset), layers::ReportOptions{},
                                               path.toStdString());
        statusBar()->showMessage(tr("Wrote %1 (%2 pages)").arg(path).arg(pages));
        return true;
    } catch (const gis::Error& e) {
        QMessageBox::warning(this, tr("Export meeting pack"), QString::fromStdString(e.what()));
        return false;
    }
}

} // namespace app::ui
