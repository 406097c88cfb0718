#pragma once
/// \file workspace.h
/// The desktop's one owner of state: the project (read through gis/store.h), the period, the
/// theme shown on the pekon layer, its style, the priority scheme, the analysis table, the
/// layer list and the selection. Panels read from it and ask it for changes; they never hold
/// or touch the dataset themselves. Every change is signalled.
/// \note GUI thread only. The render and export snapshots it hands out (ThematicMap, RenderLayers)
/// are immutable values that any thread may read.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/hotspots.h"
#include "gis/placement.h"
#include "gis/pokdarwis.h"
#include "gis/store.h"
#include "layers/classification.h"
#include "layers/thematicmap.h"
#include "layers/travelmap.h"
#include "ui/layerlist.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPainterPath>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stop_token>
#include <string>
#include <tuple>
#include <vector>

namespace gis {
class ProjectStore;
struct ProjectChanges;
struct ProjectChangeStamp;
} // namespace gis

namespace app {
namespace ui {

/// \brief What the pekon layer can show: a stored or derived indicator, the priority score of
/// the current scheme, or the LISA clusters of an indicator.
struct ThemeInfo {
    enum class Kind { Indicator, Priority, Lisa, Pokdarwis };
    Kind kind = Kind::Indicator;
    QString key; ///< indicator key; "priority"; "lisa:<indicator key>"; "pokdarwis"
    QString label;
    QString unit;
};

/// \brief How the pekon layer is classified and coloured.
struct LayerStyle {
    layers::ClassificationMethod method = layers::ClassificationMethod::Quantile;
    int classCount = 5;
    QString ramp = QStringLiteral("YlOrRd");
    std::vector<double> manualBreaks; ///< upper bounds, ascending; used when method is Manual
    bool operator==(const LayerStyle&) const = default;
};

/// \brief A named point drawn on the map (facility or label anchor), copied out of the dataset.
struct MapPoint {
    std::string kind; ///< facility kind, or "pekon" / "kecamatan" for labels
    std::string name;
    std::string code; ///< area code (labels) or the facility's pekon
    gis::Point lonLat;
};

/// \brief Sites proposed by a placement run (the placement panel's), drawn above the facilities
/// as numbered rings with their reach. Empty sites = none shown.
struct ProposalOverlay {
    std::string kind;                        ///< facility kind of the sites
    std::vector<layers::ProposedSite> sites; ///< rank 1 = the largest marginal gain
    double reachKm = 0.0;                    ///< > 0: a circle of this radius around each site
    QString name;                            ///< the layer's name in the layer list
};

/// \brief The placement result the placement panel shows, kept by the workspace so that a panel
/// built again (after a language switch) shows it too.
struct PlacementShown {
    gis::PlacementResult result;
    gis::PlacementSummary summary;
    bool saved = false; ///< saved in the project as a placement run
};

/// \brief The travel-time layer asked for: minutes over terrain (layers::projectTravelRaster)
/// to the nearest facility of a kind or to the regency capital, in classes of minutes.
struct TravelLayerRequest {
    std::string destination;                                    ///< a facility kind as stored, or "capital"
    std::vector<double> breaks = layers::defaultTravelBreaks(); ///< class upper bounds in minutes
    double resolutionM = 100.0;                                 ///< the terrain model's cell size (the CLI's default)
    bool operator==(const TravelLayerRequest&) const = default;
};

/// \brief Everything a render job needs besides the thematic map: immutable once built.
struct RenderLayers {
    std::vector<LayerEntry> layers;      ///< top first (the list order of the panel)
    std::vector<MapPoint> facilities;    ///< all facilities
    std::vector<MapPoint> villageLabels; ///< pekon name anchors
    std::vector<MapPoint> kecamatanLabels;
    double reachRadiusKm = 5.0;
    ProposalOverlay proposals; ///< drawn by the layer "proposals"
    /// The project's road layer by tier, drawn by the layer "roads" (shared: not copied per frame).
    std::shared_ptr<const std::vector<layers::MapRoad>> roads;
};

class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    /// \brief Opens a project file path or a `postgresql://…?project=NAME` URI, for editing when
    /// this user may write it, else read-only (see canEdit()).
    /// \throws gis::Error as gis::openProject does; the state is unchanged then.
    void openProject(const QString& location);
    /// \brief Shows the embedded Tanggamus example (illustrative). It lives in a temporary
    /// project file, so edits work as on any project; "save a copy" keeps them.
    void openExample();

    // --- editing -------------------------------------------------------------------------
    /// \brief True when the open project can be changed from the app.
    bool canEdit() const { return mStore != nullptr && mReadOnlyReason.isEmpty(); }
    /// \brief Why the project cannot be changed, in the UI language ("" when it can).
    const QString& readOnlyReason() const { return mReadOnlyReason; }
    /// \brief Writes \a changes to the project in one transaction (all or nothing), then reads the
    /// project again, so what others wrote meanwhile shows too. The period, theme, style, scheme,
    /// selection and layer visibility stay where they still exist. Returns the ids the store gave
    /// to changes.addPrograms. Emits projectDataChanged() (not projectChanged()).
    /// \throws gis::Error (read-only, busy, a constraint); the project and the state are unchanged then.
    std::vector<long long> commit(const gis::ProjectChanges& changes);
    /// \brief The store of the open project (null for none), for panels that read a part of it
    /// in the background through their own store: use storeLocation() to open one per thread.
    const QString& storeLocation() const { return mStoreLocation; }
    /// \brief Takes \a ds as the project, shown as \a title; \a location is where it lives ("" = nowhere).
    /// It has no store, so it cannot be edited (canEdit() is false).
    void setDataset(gis::Dataset ds, const QString& title, const QString& location);
    /// \brief Names the themes and layers again in the UI language and redraws (after a
    /// language switch); visibility, order and opacity stay.
    void retranslate();
    /// \brief Writes a copy of the project to a new file. \throws gis::Error.
    void saveCopy(const QString& path) const;
    /// \brief Who last wrote the open project and when, read from its store now (nullopt without a
    /// store, when none is recorded, or when the store cannot say).
    std::optional<gis::ProjectChangeStamp> lastChange() const;
    /// \brief Records an output written from the project (\a what: map, atlas, report) in its
    /// export log (gis/exportlog.h). Returns "" when recorded (or there is no store), else a
    /// sentence for the user saying the log was not written and why (the output stays).
    QString recordExport(const QString& what, const QString& path, bool personalData) const;

    bool hasProject() const { return mDataset != nullptr; }
    /// \brief True when the project has a road layer (travel minutes by road are possible).
    bool hasRoads() const { return mDataset && !mDataset->roads.empty(); }
    /// \brief The project, for panels' setters that take a const dataset (read-only, GUI thread).
    const gis::Dataset* dataset() const { return mDataset.get(); }
    const QString& title() const { return mTitle; }
    const QString& location() const { return mLocation; }

    // --- period, themes, style, scheme -----------------------------------------------------
    QStringList periods() const;
    const QString& period() const { return mPeriod; }
    void setPeriod(const QString& period);
    /// \brief The earlier period an indicator map is compared with ("" = none): the pekon layer
    /// then draws the change from it to period() (later minus earlier) on a diverging ramp
    /// centred on zero (layers::resolveMap). Cleared when it becomes the period itself.
    const QString& comparePeriod() const { return mComparePeriod; }
    void setComparePeriod(const QString& period);

    /// \brief The themes of this project, without duplicates (e.g. miskin per km² is the
    /// poverty density already listed).
    const std::vector<ThemeInfo>& themes() const { return mThemes; }
    const QString& themeKey() const { return mThemeKey; }
    const ThemeInfo* theme() const;
    /// \brief Shows the theme \a key on the pekon layer; another theme than the current one turns
    /// the travel-time layer off (it is drawn in place of the theme).
    void setTheme(const QString& key);

    /// \brief The levels of the category theme shown, lowest first (empty for other themes).
    QStringList themeLevels() const;
    /// \brief "" = every level; else only the pekon at this level of the category theme are
    /// coloured (layers::onlyLevelLayer), e.g. "Tidak" for the pekon without it. Cleared when
    /// the theme changes.
    const QString& onlyLevel() const { return mOnlyLevel; }
    void setOnlyLevel(const QString& level);

    const LayerStyle& style() const { return mStyle; }
    void setStyle(const LayerStyle& style);

    /// \brief "" = the default remote-area scheme, else a scheme stored in the project.
    QStringList schemeNames() const;
    const QString& schemeName() const { return mScheme; }
    void setScheme(const QString& name);

    // --- the priority scheme being edited (the Priority panel) -----------------------------
    /// \brief Scores the analysis again with \a scheme (not saved) from the values the analysis
    /// cached (gis::rescoreAnalysis: nothing is measured again), adds the column rank_change
    /// after priority_rank (rank with the chosen scheme minus rank now: positive = moved up; NaN
    /// when either is unranked), drops the rank stability, and redraws. Kept over a period change and commit().
    /// Emits analysisChanged() and mapChanged().
    /// \throws gis::Error as gis::scorePriority does; the state is unchanged then.
    void setEditedScheme(const gis::PriorityScheme& scheme);
    /// \brief True while the analysis is scored with an edited scheme; setScheme() ends it.
    bool schemeEdited() const { return mEditedScheme.has_value(); }
    /// \brief The scheme chosen with setScheme() (stored or the default), before any editing.
    gis::PriorityScheme chosenScheme() const;
    /// \brief Adds rank stability columns to the analysis after the rank (and its change):
    /// rank_best, rank_worst and top<N>_share (% of draws in the top N). Ignored (false) when \a scheme is not the one the
    /// analysis is scored with now (a result that arrived after a weight moved), or sized for
    /// other rows. Dropped when the scoring changes. Emits analysisChanged().
    bool setSensitivity(const gis::PriorityScheme& scheme, const gis::SensitivityResult& result);
    /// \brief The rank stability shown in the analysis (null when none or dropped).
    const gis::SensitivityResult* sensitivity() const { return mSensitivity ? &*mSensitivity : nullptr; }

    /// \brief The analysis of the current period and scheme (null without a project).
    const gis::AnalysisTable* analysis() const { return mAnalysis ? &*mAnalysis : nullptr; }
    /// \brief The LISA clusters while the pekon layer shows them (null otherwise).
    const gis::HotspotResult* hotspots() const { return mHotspots ? &*mHotspots : nullptr; }
    /// \brief The snapshot the pekon layer draws (null without a project or when it failed:
    /// see mapError()).
    std::shared_ptr<const layers::ThematicMap> map() const { return mMap; }
    const QString& mapError() const { return mMapError; }
    /// \brief The spec the current map was built from (for export).
    const layers::ThematicMapSpec& mapSpec() const { return mSpec; }

    // --- results computed off the GUI thread by their panels -------------------------------
    /// \brief The project as it is now, kept alive for a background job even when the workspace
    /// moves on (another project, a commit): it is never changed in place. Null without a project.
    std::shared_ptr<const gis::Dataset> datasetSnapshot() const { return mDataset; }
    /// \brief Shows \a result as the theme "lisa:<key>" (added to themes() when new) and, with
    /// \a makeCurrent, makes it the pekon layer (else the map is redrawn only when it shows that
    /// theme). A result for another period than the current one is ignored (false). Kept
    /// through commit() and retranslate(); another project drops it.
    bool showHotspots(gis::HotspotResult result, bool makeCurrent = true);
    /// \brief The hotspot analyses the panel computed for the current period (by indicator key),
    /// for the meeting pack.
    std::vector<gis::HotspotResult> computedHotspots() const;
    /// \brief The options the LISA theme of \a key was last computed with (defaults when none).
    gis::HotspotOptions hotspotOptions(const QString& indicatorKey) const;
    /// \brief Shows a POKDARWIS ranking as the theme "pokdarwis" and, with \a makeCurrent, makes
    /// it the pekon layer. Kept through commit() and retranslate(); another project drops it.
    void showPokdarwis(gis::PokdarwisResult result, bool makeCurrent = true);
    /// \brief The ranking shown (null until one was computed for this project).
    const gis::PokdarwisResult* pokdarwis() const { return mPokdarwis ? &*mPokdarwis : nullptr; }

    // --- the travel-time layer (workspacetravel.cpp) ----------------------------------------
    /// \brief Where travel times can go to: "capital" when the project has one (meta
    /// capital_lon/lat), then each facility kind present, in the facility layers' order.
    std::vector<std::string> travelDestinations() const;
    /// \brief Shows the travel-time raster of \a request under the pekon outlines in place of
    /// their fills (as `map --travel`; the legend shows its classes). A result computed before for
    /// the same request, project data and language is shown at once; else it is computed off the
    /// GUI thread (a request that changes meanwhile waits for it, and a result no longer asked for
    /// is kept but not shown; cancelTravel() stops it). Emits travelChanged() and, when the map
    /// changes, mapChanged(). Ignored without a project. \throws gis::Error for bad classes.
    void showTravel(const TravelLayerRequest& request);
    /// \brief Stops the computation running (within milliseconds; nothing of it is kept) and
    /// switches the layer off when it waited for it; travelCancelled() then says so until the
    /// next showTravel(). No-op when nothing is computed.
    void cancelTravel();
    /// \brief True after cancelTravel() stopped the layer's computation (until showTravel()).
    bool travelCancelled() const { return mTravelCancelled; }
    /// \brief Back to the pekon fills; the results computed stay for showTravel().
    void hideTravel();
    /// \brief The request shown or being computed (nullopt when the layer is off).
    const std::optional<TravelLayerRequest>& travelRequest() const { return mTravelRequest; }
    /// \brief True while the requested raster is being computed.
    bool travelComputing() const;
    /// \brief Why the last computation failed, in the UI language ("" when it did not).
    const QString& travelError() const { return mTravelError; }
    /// \brief The raster the map shows (null while computing, when off or failed).
    std::shared_ptr<const layers::TravelRaster> travelRaster() const;
    /// \brief How many travel rasters were computed since the workspace was made (tests count it).
    int travelComputations() const { return mTravelComputations; }
    /// \brief Waits for a running travel computation and takes its result (tests; the destructor).
    void waitForTravel();

    // --- layers --------------------------------------------------------------------------
    LayerListModel* layerList() const { return mLayers; }
    /// \brief A snapshot of the layer list and the points it draws, for one render job.
    std::shared_ptr<const RenderLayers> renderLayers() const;

    // --- places and selection ------------------------------------------------------------
    /// \brief Kecamatan (code, name) in code order.
    std::vector<std::pair<QString, QString>> kecamatanList() const;
    std::optional<gis::Extent> extentOf(const std::set<std::string>& codes) const;
    std::optional<gis::Extent> kecamatanExtent(const QString& code) const;
    /// \brief The village's outline in lon/lat (cached), empty for an unknown code.
    QPainterPath villagePath(const std::string& code) const;
    /// \brief Name and kecamatan name of a village ("" when unknown).
    QString villageName(const std::string& code) const;
    QString kecamatanNameOf(const std::string& villageCode) const;
    /// \brief Provenance of the boundaries and of the values, each as one sentence.
    QString boundaryProvenance() const;
    QString valueProvenance() const;

    const std::set<std::string>& selection() const { return mSelection; }
    void setSelection(const std::set<std::string>& codes);
    const std::string& currentVillage() const { return mCurrent; }
    /// \brief The pekon identified last (highlighted on the map); "" clears it.
    void setCurrentVillage(const std::string& code);

    // --- proposed sites ------------------------------------------------------------------
    /// \brief Shows \a overlay as the layer "proposals" (under the labels; removed when it has no
    /// sites). Kept through commit(); another project clears it. Emits layersChanged().
    void setProposals(ProposalOverlay overlay);
    const ProposalOverlay& proposals() const { return mProposals; }
    /// \brief Keeps the placement result the panel shows (nullopt: none). Kept through commit();
    /// another project drops it.
    void keepPlacement(std::optional<PlacementShown> shown) { mPlacementShown = std::move(shown); }
    const std::optional<PlacementShown>& keptPlacement() const { return mPlacementShown; }

signals:
    /// \brief Another project was opened: panels start over.
    void projectChanged();
    /// \brief The same project changed through commit(): panels keep their state and refresh.
    void projectDataChanged();
    /// \brief themes() changed (a panel added a LISA or POKDARWIS result) without a new project.
    void themesChanged();
    void periodChanged();
    void analysisChanged();
    /// \brief The pekon layer's map (theme, style, period or scheme) changed.
    void mapChanged();
    void layersChanged();
    void selectionChanged();
    void currentVillageChanged();
    /// \brief The travel-time layer was switched, its result arrived or its computation failed.
    void travelChanged();

private:
    void takeStore(std::unique_ptr<gis::ProjectStore> store, const QString& storeLocation,
                   const QString& readOnlyReason);
    void reloadKeepingView();
    void installDataset(gis::Dataset ds, const QString& title, const QString& location);
    void rebuildThemes();
    std::vector<LayerEntry> defaultLayers() const;
    void rebuildAnalysis();
    void rebuildMap();
    void showResultTheme(const QString& key, bool makeCurrent);
    void applyEditedScheme();
    void addRankChange();
    /// The key of a travel result: the request, in a page language.
    using TravelKey = std::tuple<std::string, std::vector<double>, double, int>;
    TravelKey travelKey(const TravelLayerRequest& request) const;
    /// The project file holding the rasters, as the CLI's map command reads them ("" = none).
    std::string travelProjectFile() const;
    void startTravelJob();
    void travelJobFinished();
    /// Drops the travel results (the data or the project changed); the request stays.
    void dropTravelResults();

    std::shared_ptr<const gis::Dataset> mDataset;           ///< replaced, never changed in place (snapshots)
    std::map<std::string, gis::HotspotResult> mLisaResults; ///< by indicator key, from the panel
    std::optional<gis::PokdarwisResult> mPokdarwis;
    std::unique_ptr<gis::ProjectStore> mStore;
    std::unique_ptr<QTemporaryDir> mExampleDir; ///< holds the example's project file
    QString mStoreLocation, mReadOnlyReason;
    QString mTitle, mLocation, mPeriod, mThemeKey, mScheme, mMapError;
    QString mComparePeriod;
    QString mOnlyLevel;
    std::vector<ThemeInfo> mThemes;
    LayerStyle mStyle;
    std::optional<gis::AnalysisTable> mAnalysis;
    std::optional<gis::HotspotResult> mHotspots;
    std::optional<gis::PriorityScheme> mEditedScheme;
    std::vector<int> mChosenRanks; ///< per analysis row, with the chosen scheme (0 = unranked)
    std::optional<gis::SensitivityResult> mSensitivity;
    layers::ThematicMapSpec mSpec;
    std::shared_ptr<const layers::ThematicMap> mMap;
    LayerListModel* mLayers = nullptr;
    std::vector<MapPoint> mFacilities, mVillageLabels, mKecamatanLabels;
    std::shared_ptr<const std::vector<layers::MapRoad>> mRoads; ///< the project's road layer, drawn by "roads"
    std::set<std::string> mSelection;
    std::string mCurrent;
    ProposalOverlay mProposals;
    std::optional<PlacementShown> mPlacementShown;
    mutable std::map<std::string, QPainterPath> mPaths;

    struct TravelOutcome {
        std::shared_ptr<const layers::TravelRaster> raster;
        std::string error;
        bool cancelled = false;
    };
    std::optional<TravelLayerRequest> mTravelRequest;
    std::map<TravelKey, std::shared_ptr<const layers::TravelRaster>> mTravelResults;
    QFutureWatcher<TravelOutcome>* mTravelWatcher = nullptr;
    std::shared_ptr<const gis::Dataset> mTravelRunningOn; ///< the data the running job reads
    TravelKey mTravelRunningKey;
    QString mTravelError;
    int mTravelComputations = 0;
    std::stop_source mTravelStop; ///< of the running job
    bool mTravelCancelled = false;
};

} // namespace ui
} // namespace app
