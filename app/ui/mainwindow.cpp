#include "ui/mainwindow.h"

#include "gis/boundaryimport.h"
#include "gis/store.h"
#include "layers/meetingpack.h"
#include "ui/exportdialog.h"
#include "ui/layerspanel.h"
#include "ui/legendpanel.h"
#include "ui/mapcanvas.h"
#include "ui/statuspanel.h"
#include "ui/stylepanel.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

namespace app {
namespace ui {

namespace {

QDockWidget* dock(QMainWindow* window, const QString& title, const char* name, QWidget* panel, Qt::DockWidgetArea area)
{
    auto* d = new QDockWidget(title, window);
    d->setObjectName(QString::fromLatin1(name));
    d->setWidget(panel);
    window->addDockWidget(area, d);
    return d;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), mWorkspace(new Workspace(this))
{
    resize(1500, 940);
    connect(mWorkspace, &Workspace::projectChanged, this, &MainWindow::updateTitle);
    buildUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    const gis::Extent view = mCanvas ? mCanvas->view() : gis::Extent{};
    for (QDockWidget* d : findChildren<QDockWidget*>())
        delete d;
    for (QToolBar* t : findChildren<QToolBar*>())
        delete t;
    delete mStatus;
    menuBar()->clear();
    // clear() keeps the menus (and the action groups) alive: remove them, they hold the old
    // language. Later, not now: the action that switched the language is one of theirs.
    const QObjectList old = menuBar()->children(); // a copy: setParent() changes the list
    for (QObject* o : old)
        if (qobject_cast<QMenu*>(o) || qobject_cast<QActionGroup*>(o)) {
            o->setParent(nullptr);
            o->deleteLater();
        }
    mCanvas = new MapCanvas(mWorkspace, this);
    setCentralWidget(mCanvas); // deletes the previous canvas
    if (!view.isEmpty())
        mCanvas->setView(view);
    mLayers = new LayersPanel(mWorkspace, this);
    mStyle = new StylePanel(mWorkspace, this);
    mLegend = new LegendPanel(mWorkspace, this);
    dock(this, tr("Layers"), "layersDock", mLayers, Qt::LeftDockWidgetArea);
    dock(this, tr("Style"), "styleDock", mStyle, Qt::LeftDockWidgetArea);
    QDockWidget* legend = dock(this, tr("Legend"), "legendDock", mLegend, Qt::RightDockWidgetArea);
    resizeDocks({legend}, {260}, Qt::Horizontal);
    mStatus = new StatusPanel(mWorkspace, mCanvas, this);
    statusBar()->addPermanentWidget(mStatus);
    connect(mCanvas, &MapCanvas::clicked, this, &MainWindow::identify);
    connect(mCanvas, &MapCanvas::measureChanged, this, [this] {
        if (mCanvas->measurePoints().size() < 2)
            return;
        QString text = tr("Distance %1 km").arg(formatNumber(mCanvas->measuredLengthM() / 1000.0, 2));
        if (mCanvas->measurePoints().size() >= 3)
            text += tr("; area of the closed shape %1 km²").arg(formatNumber(mCanvas->measuredAreaM2() / 1e6, 2));
        statusBar()->showMessage(text);
    });
    buildMenus();
    updateTitle();
}

void MainWindow::buildMenus()
{
    auto action = [this](QMenu* menu, const QString& text, const char* name, auto slot, const QKeySequence& keys = {}) {
        QAction* a = menu->addAction(text, this, slot);
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(keys);
        return a;
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    action(file, tr("&New project from a boundary file…"), "actionNew", &MainWindow::chooseNewProject,
           QKeySequence::New);
    action(file, tr("&Open project…"), "actionOpen", &MainWindow::chooseProject, QKeySequence::Open);
    mRecentMenu = file->addMenu(tr("&Recent projects"));
    rebuildRecentMenu();
    action(file, tr("Open the &Tanggamus example"), "actionExample", &MainWindow::openDefaultDataset);
    action(file, tr("&Save a copy…"), "actionSaveCopy", &MainWindow::saveCopy, QKeySequence::SaveAs);
    file->addSeparator();
    QAction* exportAction =
        action(file, tr("&Export map…"), "actionExportMap", &MainWindow::exportMap, QKeySequence(Qt::CTRL | Qt::Key_E));
    action(file, tr("Export &atlas per kecamatan…"), "actionExportAtlas", [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export atlas"), QStringLiteral("atlas_kecamatan.pdf"), tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            exportAtlasTo(path);
    });
    action(file, tr("Export meeting &pack (Rakor)…"), "actionExportReport", [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export meeting pack"),
                                                          QStringLiteral("bahan_rakor.pdf"), tr("PDF files (*.pdf)"));
        if (!path.isEmpty())
            exportReportTo(path);
    });
    file->addSeparator();
    action(file, tr("&Quit"), "actionQuit", &QWidget::close, QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* full = action(
        view, tr("Whole &regency"), "actionFullExtent", [this] { mCanvas->zoomToFullExtent(); },
        QKeySequence(Qt::CTRL | Qt::Key_0));
    QMenu* kecamatan = view->addMenu(tr("Zoom to &kecamatan"));
    kecamatan->setObjectName(QStringLiteral("menuKecamatan"));
    for (const auto& [code, name] : mWorkspace->kecamatanList())
        kecamatan->addAction(name, this, [this, c = code] {
            if (const auto e = mWorkspace->kecamatanExtent(c))
                mCanvas->zoomToExtent(*e);
        });
    action(view, tr("Zoom to the &selection"), "actionZoomSelection", [this] {
        if (const auto e = mWorkspace->extentOf(mWorkspace->selection()))
            mCanvas->zoomToExtent(*e);
    });
    action(view, tr("&Clear the selection"), "actionClearSelection", [this] { mWorkspace->setSelection({}); });
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    auto* group = new QActionGroup(menuBar());
    auto tool = [&](const QString& text, const char* name, MapCanvas::Tool t) {
        QAction* a = action(tools, text, name, [this, t] { mCanvas->setTool(t); });
        a->setCheckable(true);
        a->setChecked(mCanvas->tool() == t);
        group->addAction(a);
        return a;
    };
    QAction* pan = tool(tr("&Pan and identify"), "actionPan", MapCanvas::Tool::Pan);
    QAction* box = tool(tr("&Zoom to a box"), "actionBoxZoom", MapCanvas::Tool::BoxZoom);
    QAction* measure = tool(tr("&Measure distance and area"), "actionMeasure", MapCanvas::Tool::Measure);

    QMenu* language = menuBar()->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(menuBar());
    for (UiLanguage l : {UiLanguage::Indonesian, UiLanguage::English}) {
        QAction* a = action(
            language, l == UiLanguage::Indonesian ? QStringLiteral("Bahasa Indonesia") : QStringLiteral("English"),
            l == UiLanguage::Indonesian ? "actionLanguageId" : "actionLanguageEn", [this, l] { setLanguage(l); });
        a->setCheckable(true);
        a->setChecked(currentLanguage() == l);
        languages->addAction(a);
    }

    QToolBar* bar = addToolBar(tr("Map tools"));
    bar->setObjectName(QStringLiteral("mapToolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction* a : {full, pan, box, measure, exportAction})
        bar->addAction(a);
}

void MainWindow::setLanguage(UiLanguage language)
{
    applyLanguage(language);
    mWorkspace->retranslate();
    buildUi();
}

void MainWindow::updateTitle()
{
    setWindowTitle(mWorkspace->hasProject() ? tr("Sasaran — %1").arg(mWorkspace->title()) : QStringLiteral("Sasaran"));
}

QComboBox* MainWindow::indicatorBox() const
{
    return mStyle->themeBox();
}

const gis::Dataset* MainWindow::dataset() const
{
    return mWorkspace->dataset();
}

void MainWindow::showError(const QString& title, const QString& text)
{
    statusBar()->showMessage(text);
    QMessageBox::warning(this, title, text);
}

bool MainWindow::openProject(const QString& location)
{
    try {
        mWorkspace->openProject(location);
        addRecent(location);
        return true;
    } catch (const std::exception& e) {
        showError(UserMessages::title(UserAction::OpenProject),
                  UserMessages::forError(e, UserAction::OpenProject, location));
        return false;
    }
}

void MainWindow::openDefaultDataset()
{
    mWorkspace->openExample();
}

bool MainWindow::newProjectFrom(const QString& boundaryFile, const QString& projectPath)
{
    try {
        gis::BoundarySet set = gis::readBoundaries(boundaryFile.toStdString());
        gis::createProject(projectPath.toStdString(), gis::newProjectFromBoundaries(std::move(set)), false);
    } catch (const std::exception& e) {
        showError(UserMessages::title(UserAction::NewProject),
                  UserMessages::forError(e, UserAction::NewProject, boundaryFile));
        return false;
    }
    return openProject(projectPath);
}

QString MainWindow::identify(gis::Point lonLat)
{
    const auto map = mWorkspace->map();
    if (!map)
        return {};
    const auto code = map->villageAt(lonLat);
    mWorkspace->setCurrentVillage(code.value_or(std::string()));
    QString text;
    if (!code) {
        text = tr("No pekon at %1°, %2°").arg(formatNumber(lonLat.x, 4), formatNumber(lonLat.y, 4));
    } else {
        const ThemeInfo* theme = mWorkspace->theme();
        const auto value = map->valueForArea(*code);
        text = tr("%1 (%2), Kec. %3: %4 = %5")
                   .arg(mWorkspace->villageName(*code), QString::fromStdString(*code),
                        mWorkspace->kecamatanNameOf(*code), theme ? theme->label : QString(),
                        value ? formatValue(*value, theme ? theme->unit : QString()) : tr("no data"));
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

void MainWindow::chooseNewProject()
{
    const QString boundaries = QFileDialog::getOpenFileName(
        this, tr("Village boundaries"), QString(), tr("Boundary files (*.gpkg *.shp *.geojson *.json);;All files (*)"));
    if (boundaries.isEmpty())
        return;
    const QString project = QFileDialog::getSaveFileName(this, tr("Save the new project as"),
                                                         QFileInfo(boundaries).completeBaseName() + ".sasaran.sqlite",
                                                         tr("Sasaran projects (*.sasaran.sqlite)"));
    if (!project.isEmpty())
        newProjectFrom(boundaries, project);
}

void MainWindow::saveCopy()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a copy"), QStringLiteral("salinan.sasaran.sqlite"),
                                                      tr("Sasaran projects (*.sasaran.sqlite)"));
    if (path.isEmpty())
        return;
    try {
        mWorkspace->saveCopy(path);
        statusBar()->showMessage(tr("Saved a copy as %1").arg(QFileInfo(path).fileName()));
        addRecent(path);
    } catch (const std::exception& e) {
        showError(UserMessages::title(UserAction::SaveProject),
                  UserMessages::forError(e, UserAction::SaveProject, path));
    }
}

void MainWindow::addRecent(const QString& location)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(location);
    recent.prepend(location);
    settings.setValue(QStringLiteral("recentProjects"), recent.mid(0, 8));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    mRecentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString& location : recent)
        mRecentMenu->addAction(QFileInfo(location).fileName(), this, [this, location] { openProject(location); });
    mRecentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::exportMap()
{
    if (!mWorkspace->hasProject())
        return;
    ExportDialog dialog(mWorkspace, mCanvas->view(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(tr("The map was exported"));
}

bool MainWindow::runInBackground(const QString& label, const std::function<void()>& work, const QString& target,
                                 int action)
{
    QProgressDialog progress(label, QString(), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    // the worker reads the dataset only; the GUI thread does not change it meanwhile
    watcher.setFuture(QtConcurrent::run([work, target, action]() -> QString {
        try {
            work();
            return {};
        } catch (const std::exception& e) {
            return UserMessages::forError(e, static_cast<UserAction>(action), target);
        }
    }));
    loop.exec();
    const QString error = watcher.result();
    if (!error.isEmpty()) {
        showError(UserMessages::title(static_cast<UserAction>(action)), error);
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(QFileInfo(target).fileName()));
    return true;
}

bool MainWindow::exportAtlasTo(const QString& path)
{
    const gis::Dataset* ds = mWorkspace->dataset();
    const gis::AnalysisTable* table = mWorkspace->analysis();
    if (!ds || !table)
        return false;
    layers::AtlasOptions options;
    options.style.page.landscape = false;
    options.style.lang = pageLanguage();
    return runInBackground(
        tr("Writing the atlas per kecamatan…"),
        [ds, table, options, p = path.toStdString()] { layers::exportAtlas(*ds, *table, options, p); }, path,
        static_cast<int>(UserAction::ExportAtlas));
}

bool MainWindow::exportReportTo(const QString& path)
{
    const gis::Dataset* ds = mWorkspace->dataset();
    const gis::AnalysisTable* table = mWorkspace->analysis();
    if (!ds || !table)
        return false;
    layers::ReportOptions options;
    options.lang = pageLanguage();
    return runInBackground(
        tr("Writing the meeting pack…"),
        [ds, table, options, p = path.toStdString()] { layers::exportReport(*ds, *table, options, p); }, path,
        static_cast<int>(UserAction::ExportReport));
}

} // namespace ui
} // namespace app
