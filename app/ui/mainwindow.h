#pragma once
/// \file mainwindow.h
/// The desktop's main window: wires the workspace, the map canvas, the panels (one file each)
/// and the menus. It holds no data of its own and no analysis.
/// \note GUI thread only.
#include "gis/dataset.h"
#include "ui/language.h"

#include <QMainWindow>

class QComboBox;
class QDockWidget;
class QMenu;

namespace app {
namespace ui {

class HotspotsPanel;
class LayersPanel;
class PokdarwisPanel;
class LegendPanel;
class MapCanvas;
class PriorityPanel;
class PlacementPanel;
class ProfilePanel;
class SearchPanel;
class SharedProjects;
class TablePanel;
class ProjectActions;
class StatusPanel;
class StylePanel;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// \brief Opens a project file or server URI; a message box in plain words on error.
    bool openProject(const QString& location);
    /// \brief Shows the embedded Tanggamus dataset (illustrative).
    void openDefaultDataset();
    /// \brief Makes a project from a village boundary file, saved at \a projectPath, and opens it.
    bool newProjectFrom(const QString& boundaryFile, const QString& projectPath);

    Workspace* workspace() const { return mWorkspace; }
    MapCanvas* canvas() const { return mCanvas; }
    StylePanel* stylePanel() const { return mStyle; }
    LegendPanel* legendPanel() const { return mLegend; }
    LayersPanel* layersPanel() const { return mLayers; }
    StatusPanel* statusPanel() const { return mStatus; }
    TablePanel* tablePanel() const { return mTable; }
    HotspotsPanel* hotspotsPanel() const { return mHotspots; }
    PokdarwisPanel* pokdarwisPanel() const { return mPokdarwis; }
    ProfilePanel* profilePanel() const { return mProfile; }
    SearchPanel* searchPanel() const { return mSearch; }
    SharedProjects* sharedProjects() const { return mShared; }
    PriorityPanel* priorityPanel() const { return mPriority; }
    PlacementPanel* placementPanel() const { return mPlacement; }
    ProjectActions* projectActions() const { return mProject; }
    /// \brief The layer chooser of the style panel (keys as item data).
    QComboBox* indicatorBox() const;
    const gis::Dataset* dataset() const;
    /// \brief Identifies the pekon at \a lonLat: highlights it and describes it in the status bar.
    QString identify(gis::Point lonLat);
    /// \brief Writes the atlas per kecamatan (PDF) on a worker thread with a progress dialog.
    bool exportAtlasTo(const QString& path);
    /// \brief Writes the meeting pack (PDF) on a worker thread with a progress dialog.
    bool exportReportTo(const QString& path);
    /// \brief Switches the UI language (saved for the next start) and rebuilds menus and panels.
    void setLanguage(UiLanguage language);

private:
    void buildUi();
    void buildMenus();
    void wirePanels();
    /// \brief The docks of the analyses that the CLI also has (hotspots, POKDARWIS), tabbed
    /// behind \a besides.
    void setupAnalysisDocks(QDockWidget* besides);
    void setupPlacementDock();
    void updateTitle();
    void exportMap();
    void setupImportAction(QMenu* file);
    void openImportWizard();

    Workspace* mWorkspace = nullptr;
    ProjectActions* mProject = nullptr;
    MapCanvas* mCanvas = nullptr;
    StylePanel* mStyle = nullptr;
    LegendPanel* mLegend = nullptr;
    LayersPanel* mLayers = nullptr;
    StatusPanel* mStatus = nullptr;
    TablePanel* mTable = nullptr;
    HotspotsPanel* mHotspots = nullptr;
    PokdarwisPanel* mPokdarwis = nullptr;
    ProfilePanel* mProfile = nullptr;
    SearchPanel* mSearch = nullptr;
    SharedProjects* mShared = nullptr;
    PriorityPanel* mPriority = nullptr;
    PlacementPanel* mPlacement = nullptr;
};

} // namespace ui
} // namespace app
