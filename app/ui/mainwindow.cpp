#include "ui/mainwindow.h"

#include "ui/exportdialog.h"
#include "ui/hotspotspanel.h"
#include "ui/importwizard.h"
#include "ui/layerspanel.h"
#include "ui/legendpanel.h"
#include "ui/mapcanvas.h"
#include "ui/pokdarwispanel.h"
#include "ui/prioritypanel.h"
#include "ui/placementpanel.h"
#include "ui/profilepanel.h"
#include "ui/projectactions.h"
#include "ui/searchpanel.h"
#include "ui/sharedprojects.h"
#include "ui/statuspanel.h"
#include "ui/stylepanel.h"
#include "ui/tablepanel.h"
#include "ui/workspace.h"

#include <QActionGroup>
#include <QComboBox>
#include <QDockWidget>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>
#include <set>

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

MainWindow::MainWindow(QWidget* parent)
        : QMainWindow(parent), mWorkspace(new Workspace(this)), mProject(new ProjectActions(mWorkspace, this)),
          mShared(new SharedProjects(mWorkspace, mProject, this))
{
    connect(mProject, &ProjectActions::message, this, [this](const QString& text) { statusBar()->showMessage(text); });
    resize(1500, 940);
    connect(mWorkspace, &Workspace::projectChanged, this, &MainWindow::updateTitle);
    buildUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::setupAnalysisDocks(QDockWidget* besides)
{
    mHotspots = new HotspotsPanel(mWorkspace, this);
    mPokdarwis = new PokdarwisPanel(mWorkspace, this);
    QDockWidget* hotspots = dock(this, tr("Hotspots"), "hotspotsDock", mHotspots, Qt::RightDockWidgetArea);
    QDockWidget* pokdarwis = dock(this, tr("POKDARWIS"), "pokdarwisDock", mPokdarwis, Qt::RightDockWidgetArea);
    tabifyDockWidget(besides, hotspots);
    tabifyDockWidget(hotspots, pokdarwis);
    besides->raise(); // the profile stays in front; the analyses are one tab away
}

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
    QDockWidget* layersDock = dock(this, tr("Layers"), "layersDock", mLayers, Qt::LeftDockWidgetArea);
    QDockWidget* styleDock = dock(this, tr("Style"), "styleDock", mStyle, Qt::LeftDockWidgetArea);
    QDockWidget* legend = dock(this, tr("Legend"), "legendDock", mLegend, Qt::RightDockWidgetArea);
    resizeDocks({legend}, {260}, Qt::Horizontal);
    mSearch = new SearchPanel(this);
    mProfile = new ProfilePanel(this);
    mTable = new TablePanel(this);
    mSearch->setMaximumHeight(mSearch->sizeHint().height());
    QDockWidget* search = dock(this, tr("Search"), "searchDock", mSearch, Qt::RightDockWidgetArea);
    QDockWidget* profile = dock(this, tr("Pekon profile"), "profileDock", mProfile, Qt::RightDockWidgetArea);
    splitDockWidget(search, legend, Qt::Vertical);
    splitDockWidget(legend, profile, Qt::Vertical);
    resizeDocks({legend, profile}, {330, 420}, Qt::Vertical);
    resizeDocks({layersDock, styleDock}, {280, 520}, Qt::Vertical);
    // the priority weights, beside the style (a tab): the map shows the score they make
    mPriority = new PriorityPanel(mWorkspace, this);
    tabifyDockWidget(styleDock, dock(this, tr("Priority"), "priorityDock", mPriority, Qt::LeftDockWidgetArea));
    styleDock->raise();
    dock(this, tr("Pekon table"), "tableDock", mTable, Qt::BottomDockWidgetArea)->hide();
    setupAnalysisDocks(profile);
    wirePanels();
    setupPlacementDock();
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
    mShared->install(); // the read-only note and who changed the project last
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
    action(
        file, tr("&New project from a boundary file…"), "actionNew", [this] { mProject->chooseNew(); },
        QKeySequence::New);
    action(
        file, tr("&Open project…"), "actionOpen", [this] { mProject->chooseOpen(); }, QKeySequence::Open);
    QMenu* recent = file->addMenu(tr("&Recent projects"));
    mProject->fillRecentMenu(recent);
    connect(mProject, &ProjectActions::recentChanged, recent, [this, recent] { mProject->fillRecentMenu(recent); });
    action(file, tr("Open the &Tanggamus example"), "actionExample", &MainWindow::openDefaultDataset);
    action(
        file, tr("&Save a copy…"), "actionSaveCopy", [this] { mProject->chooseSaveCopy(); }, QKeySequence::SaveAs);
    setupImportAction(file);
    mShared->addActions(file);
    file->addSeparator();
    QAction* exportAction =
        action(file, tr("&Export map…"), "actionExportMap", &MainWindow::exportMap, QKeySequence(Qt::CTRL | Qt::Key_E));
    action(file, tr("Export &atlas per kecamatan…"), "actionExportAtlas", [this] { mProject->chooseAtlas(); });
    action(file, tr("Export meeting &pack (Rakor)…"), "actionExportReport", [this] { mProject->chooseReport(); });
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

void MainWindow::wirePanels()
{
    auto feed = [this] {
        mTable->setData(mWorkspace->dataset(), mWorkspace->analysis());
        mProfile->setData(mWorkspace->dataset(), mWorkspace->analysis(), mWorkspace->hotspots());
    };
    feed();
    mSearch->setDataset(mWorkspace->dataset());
    connect(mWorkspace, &Workspace::projectChanged, mSearch, [this] { mSearch->setDataset(mWorkspace->dataset()); });
    connect(mWorkspace, &Workspace::analysisChanged, mTable, feed);
    connect(mWorkspace, &Workspace::mapChanged, mProfile,
            [this] { mProfile->setData(mWorkspace->dataset(), mWorkspace->analysis(), mWorkspace->hotspots()); });
    // one selection for map, table and profile: each side sets it, the others follow
    connect(mWorkspace, &Workspace::selectionChanged, mTable, [this] {
        QStringList codes;
        for (const std::string& c : mWorkspace->selection())
            codes << QString::fromStdString(c);
        mTable->setSelectedCodes(codes);
    });
    connect(mWorkspace, &Workspace::currentVillageChanged, mProfile, [this] {
        if (!mWorkspace->currentVillage().empty())
            mProfile->showVillage(QString::fromStdString(mWorkspace->currentVillage()));
    });
    connect(mTable, &TablePanel::selectionChanged, this, [this](const QStringList& codes) {
        std::set<std::string> selection;
        for (const QString& c : codes)
            selection.insert(c.toStdString());
        mWorkspace->setSelection(selection);
        if (codes.size() == 1)
            mWorkspace->setCurrentVillage(codes.front().toStdString());
    });
    auto zoomTo = [this](const QStringList& codes) {
        std::set<std::string> set;
        for (const QString& c : codes)
            set.insert(c.toStdString());
        if (const auto e = mWorkspace->extentOf(set))
            mCanvas->zoomToExtent(*e);
    };
    connect(mTable, &TablePanel::zoomToRequested, this, zoomTo);
    connect(mSearch, &SearchPanel::villageChosen, this, [this, zoomTo](const QString& code) {
        mWorkspace->setSelection({code.toStdString()});
        mWorkspace->setCurrentVillage(code.toStdString());
        zoomTo({code});
    });
    connect(mSearch, &SearchPanel::kecamatanChosen, this, [zoomTo](const QString& code) { zoomTo({code}); });
}

void MainWindow::setupPlacementDock()
{
    // the placement panel is tall: it scrolls inside its dock, a tab beside the style panel
    mPlacement = new PlacementPanel(mWorkspace, this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(mPlacement);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(std::min(430, mPlacement->minimumSizeHint().width() + 20));
    QDockWidget* placement = dock(this, tr("Placement"), "placementDock", scroll, Qt::LeftDockWidgetArea);
    if (auto* style = findChild<QDockWidget*>(QStringLiteral("styleDock")))
        tabifyDockWidget(style, placement);
    if (auto* style = findChild<QDockWidget*>(QStringLiteral("styleDock")))
        style->raise();
    mProject->setReportProgram(0); // a rebuilt panel starts with the latest run again
    connect(mPlacement, &PlacementPanel::reportRunChosen, mProject, &ProjectActions::setReportProgram);
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

bool MainWindow::openProject(const QString& location)
{
    return mProject->open(location);
}

void MainWindow::openDefaultDataset()
{
    mWorkspace->openExample();
}

bool MainWindow::newProjectFrom(const QString& boundaryFile, const QString& projectPath)
{
    return mProject->newFrom(boundaryFile, projectPath);
}

bool MainWindow::exportAtlasTo(const QString& path)
{
    return mProject->exportAtlasTo(path);
}

bool MainWindow::exportReportTo(const QString& path)
{
    return mProject->exportReportTo(path);
}

QString MainWindow::identify(gis::Point lonLat)
{
    const auto map = mWorkspace->map();
    if (!map)
        return {};
    const auto code = map->villageAt(lonLat);
    mWorkspace->setCurrentVillage(code.value_or(std::string()));
    mWorkspace->setSelection(code ? std::set<std::string>{*code} : std::set<std::string>{});
    QString text;
    if (!code) {
        text = tr("No pekon at %1°, %2°").arg(formatNumber(lonLat.x, 4), formatNumber(lonLat.y, 4));
    } else {
        const ThemeInfo* theme = mWorkspace->theme();
        const auto value = map->valueForArea(*code);
        text = tr("%1 (%2), Kec. %3: %4 = %5")
                   .arg(mWorkspace->villageName(*code), QString::fromStdString(*code),
                        mWorkspace->kecamatanNameOf(*code), theme ? theme->label : QString(),
                        value ? formatValue(*value,
                                            theme && theme->kind != ThemeInfo::Kind::Priority ? theme->unit : QString())
                              : tr("no data"));
    }
    statusBar()->showMessage(text);
    return text;
}

void MainWindow::setupImportAction(QMenu* file)
{
    QAction* importAction = file->addAction(tr("&Import data…"), this, &MainWindow::openImportWizard);
    importAction->setObjectName(QStringLiteral("actionImport"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    auto update = [this, importAction] {
        importAction->setEnabled(mWorkspace->canEdit());
        const QString why = mWorkspace->hasProject()
            ? tr("Import is off: this project cannot be changed (%1)").arg(mWorkspace->readOnlyReason())
            : tr("Import is off: open a project first");
        importAction->setStatusTip(mWorkspace->canEdit() ? tr("Import a table, records, facilities or boundaries")
                                                         : why);
        importAction->setToolTip(importAction->statusTip());
    };
    connect(mWorkspace, &Workspace::projectChanged, importAction, update);
    update();
}

void MainWindow::openImportWizard()
{
    if (!mWorkspace->canEdit())
        return;
    ImportWizard wizard(mWorkspace, this);
    connect(&wizard, &ImportWizard::imported, this, [this](const QString& summary) { statusBar()->showMessage(summary); });
    wizard.exec();
}

void MainWindow::exportMap()
{
    if (!mWorkspace->hasProject())
        return;
    ExportDialog dialog(mWorkspace, mCanvas->view(), this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(dialog.logNote().isEmpty() ? tr("The map was exported")
                                                            : tr("The map was exported") + QStringLiteral(" — ")
                                                                  + dialog.logNote());
}

} // namespace ui
} // namespace app
