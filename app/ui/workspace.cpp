#include "ui/workspace.h"

#include "gis/categories.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/hotspots.h"
#include "gis/indicators.h"
#include "gis/project.h"
#include "gis/rasterstore.h"
#include "gis/store.h"
#include "layers/facilitysymbol.h"
#include "layers/maplayers.h"
#include "layers/maprecipe.h"
#include "ui/language.h"
#include "ui/usermessage.h"

#include <QFileInfo>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace app {
namespace ui {

namespace {

/// Derived keys that repeat another entry of the list: miskin per km² is the poverty density,
/// penduduk per km² the population density, miskin per 1,000 the poverty rate (times ten).
bool isDuplicateTheme(const std::string& key)
{
    return key == "miskin_per_km2" || key == "penduduk_per_km2" || key == "miskin_per_1000";
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

Workspace::Workspace(QObject* parent) : QObject(parent), mLayers(new LayerListModel(this))
{
    connect(mLayers, &LayerListModel::layersEdited, this, &Workspace::layersChanged);
}

Workspace::~Workspace()
{
    if (mTravelWatcher) { // the job reads a snapshot of the data, but must not outlive its watcher
        mTravelStop.request_stop();
        mTravelWatcher->waitForFinished();
    }
}

void Workspace::openProject(const QString& location)
{
    std::unique_ptr<gis::ProjectStore> store;
    QString readOnlyReason;
    try {
        store = gis::openProject(location.toStdString(), gis::OpenMode::ReadWrite);
        if (store->readOnly())
            readOnlyReason = tr("You may only read this project on the server: ask its owner for write access.");
    } catch (const gis::ProjectError& e) {
        if (e.problem() != gis::ProjectProblem::ReadOnly)
            throw;
        store = gis::openProject(location.toStdString(), gis::OpenMode::ReadOnly);
        readOnlyReason = gis::isServerLocation(location.toStdString())
            ? tr("You may only read this project on the server: ask its owner for write access.")
            : tr("The project file cannot be written (read-only file or folder): save a copy to edit it.");
    }
    gis::Dataset ds = store->read();
    const QString title =
        gis::isServerLocation(location.toStdString()) ? qs(store->location()) : QFileInfo(location).fileName();
    takeStore(std::move(store), location, readOnlyReason);
    mExampleDir.reset();
    installDataset(std::move(ds), title, location);
}

void Workspace::openExample()
{
    auto dir = std::make_unique<QTemporaryDir>();
    gis::Dataset ds = gis::buildDefaultDataset();
    std::unique_ptr<gis::ProjectStore> store;
    if (dir->isValid()) {
        const QString path = dir->filePath(QStringLiteral("contoh.sasaran.sqlite"));
        try {
            store = gis::createProject(path.toStdString(), ds);
        } catch (const gis::Error&) {
            store.reset(); // no writable temporary folder: the example still shows, read-only
        }
    }
    if (store)
        takeStore(std::move(store), dir->filePath(QStringLiteral("contoh.sasaran.sqlite")), QString());
    else
        takeStore(nullptr, QString(), tr("No temporary folder can be written, so the example cannot be edited."));
    mExampleDir = std::move(dir);
    installDataset(std::move(ds), tr("Tanggamus (example)"), QString());
}

void Workspace::takeStore(std::unique_ptr<gis::ProjectStore> store, const QString& storeLocation,
                          const QString& readOnlyReason)
{
    mStore = std::move(store);
    mStoreLocation = mStore ? storeLocation : QString();
    mReadOnlyReason = readOnlyReason;
}

std::vector<long long> Workspace::commit(const gis::ProjectChanges& changes)
{
    if (!mStore)
        throw gis::ProjectError(tr("No project is open for editing.").toStdString(), gis::ProjectProblem::ReadOnly);
    if (!mReadOnlyReason.isEmpty())
        throw gis::ProjectError(mReadOnlyReason.toStdString(), gis::ProjectProblem::ReadOnly);
    std::vector<long long> ids = mStore->write(changes);
    reloadKeepingView();
    return ids;
}

std::optional<gis::ProjectChangeStamp> Workspace::lastChange() const
{
    if (!mStore)
        return std::nullopt;
    try {
        return mStore->lastChange();
    } catch (const gis::Error&) {
        return std::nullopt; // said nowhere else: the status bar then shows no line
    }
}

QString Workspace::recordExport(const QString& what, const QString& path, bool personalData) const
{
    if (!mStore)
        return {};
    gis::ExportLogEntry entry;
    entry.what = what.toStdString();
    entry.tier = "aggregate";
    entry.path = QFileInfo(path).absoluteFilePath().toStdString();
    entry.personalData = personalData;
    try {
        mStore->appendExportLog(entry);
        return {};
    } catch (const gis::Error& e) {
        return tr("The file was written, but the export log of the project could not be: %1")
            .arg(QString::fromStdString(e.what()));
    }
}

void Workspace::reloadKeepingView()
{
    gis::Dataset ds = mStore->read();
    const QString period = mPeriod, theme = mThemeKey, scheme = mScheme, onlyLevel = mOnlyLevel;
    const std::optional<gis::PriorityScheme> edited = mEditedScheme;
    const LayerStyle style = mStyle;
    const std::set<std::string> selection = mSelection;
    const std::string current = mCurrent;
    const std::vector<LayerEntry> layersBefore = mLayers->entries();

    // the results the panels computed stay shown (the panels compute them again on the new data)
    ProposalOverlay proposals = std::move(mProposals);
    std::optional<PlacementShown> placement = std::move(mPlacementShown);
    std::map<std::string, gis::HotspotResult> hotspots = std::move(mLisaResults);
    std::optional<gis::PokdarwisResult> pokdarwis = std::move(mPokdarwis);
    const std::optional<TravelLayerRequest> travel = mTravelRequest;
    QSignalBlocker block(this); // one projectDataChanged() below, not setDataset's signals
    installDataset(std::move(ds), mTitle, mLocation);
    mProposals = std::move(proposals);
    mPlacementShown = std::move(placement);
    mLisaResults = std::move(hotspots);
    mPokdarwis = std::move(pokdarwis);
    // the travel layer stays on and is computed again on the new data (its results were dropped)
    mTravelRequest = travel;
    startTravelJob();
    if (periods().contains(period))
        mPeriod = period;
    if (scheme.isEmpty() || schemeNames().contains(scheme)) {
        mScheme = scheme;
        mEditedScheme = edited;
    }
    rebuildAnalysis();
    rebuildThemes();
    if (std::any_of(mThemes.begin(), mThemes.end(), [&](const ThemeInfo& t) { return t.key == theme; })) {
        mThemeKey = theme;
        mStyle = style;
        if (themeLevels().contains(onlyLevel))
            mOnlyLevel = onlyLevel;
    }
    for (const std::string& code : selection)
        if (mDataset->findArea(code))
            mSelection.insert(code);
    if (mDataset->findArea(current))
        mCurrent = current;
    // the layers the user arranged keep their place, visibility and opacity; new ones (a new
    // facility kind) come where the defaults put them
    std::vector<LayerEntry> entries;
    std::vector<LayerEntry> defaults = defaultLayers();
    for (const LayerEntry& old : layersBefore) {
        auto it = std::find_if(defaults.begin(), defaults.end(), [&](const LayerEntry& e) { return e.id == old.id; });
        if (it == defaults.end())
            continue;
        LayerEntry kept = *it;
        kept.visible = old.visible;
        kept.opacity = old.opacity;
        entries.push_back(kept);
        defaults.erase(it);
    }
    for (const LayerEntry& added : defaults) {
        // new roads go right over the pekon layer (under the facilities); anything else on top
        const auto pekon = std::find_if(entries.begin(), entries.end(),
                                        [](const LayerEntry& e) { return e.id == QLatin1String("pekon"); });
        entries.insert(added.id == QLatin1String("roads") ? pekon : entries.begin(), added);
    }
    mLayers->setEntries({}); // installDataset gave the defaults; these carry the user's choices
    mLayers->setEntries(std::move(entries));
    rebuildMap();
    block.unblock();
    emit projectDataChanged();
    emit periodChanged();
    emit analysisChanged();
    emit selectionChanged();
    emit currentVillageChanged();
    emit layersChanged();
    emit mapChanged();
    emit travelChanged();
}

void Workspace::saveCopy(const QString& path) const
{
    if (!mDataset)
        return;
    gis::createProject(path.toStdString(), *mDataset, false);
    // The DEM and other rasters live beside the Dataset, in the project's raster table.
    if (!mLocation.isEmpty())
        gis::copyRasters(mLocation.toStdString(), path.toStdString());
}

void Workspace::setDataset(gis::Dataset ds, const QString& title, const QString& location)
{
    takeStore(nullptr, QString(), tr("This project is not stored anywhere: save a copy to edit it."));
    mExampleDir.reset();
    installDataset(std::move(ds), title, location);
}

void Workspace::installDataset(gis::Dataset ds, const QString& title, const QString& location)
{
    mDataset = std::make_shared<const gis::Dataset>(std::move(ds));
    mLisaResults.clear();
    mPokdarwis.reset();
    mTravelRequest.reset();
    mTravelCancelled = false;
    dropTravelResults();
    mTitle = title;
    mLocation = location;
    mSelection.clear();
    mCurrent.clear();
    mPaths.clear();
    mProposals = {};
    mPlacementShown.reset();
    mStyle = LayerStyle{};
    mComparePeriod.clear();
    mOnlyLevel.clear();
    mScheme.clear();
    mEditedScheme.reset();

    mRoads = std::make_shared<const std::vector<layers::MapRoad>>(layers::mapRoadsOf(mDataset->roads));
    mFacilities.clear();
    for (const gis::Facility& f : mDataset->facilities)
        mFacilities.push_back({f.kind, f.name, f.areaCode, f.location});
    mVillageLabels.clear();
    mKecamatanLabels.clear();
    for (const gis::Area& a : mDataset->areas) {
        if (a.geometry.empty())
            continue;
        if (gis::isVillageKind(a.kind))
            mVillageLabels.push_back({a.kind, a.name, a.code, mDataset->surfacePoint(a)});
        else if (a.kind == "kecamatan")
            mKecamatanLabels.push_back({a.kind, a.name, a.code, mDataset->surfacePoint(a)});
    }

    const std::vector<std::string> periods = mDataset->periods("miskin");
    mPeriod = periods.empty() ? QString() : qs(periods.back());
    rebuildAnalysis();
    rebuildThemes();
    const bool hasRate =
        std::any_of(mThemes.begin(), mThemes.end(), [](const ThemeInfo& t) { return t.key == "poverty_rate"; });
    mThemeKey = hasRate ? QStringLiteral("poverty_rate") : mThemes.front().key;

    mLayers->setEntries({}); // a new project starts from the default order
    mLayers->setEntries(defaultLayers());

    rebuildMap();
    emit projectChanged();
    emit periodChanged();
    emit analysisChanged();
    emit selectionChanged();
    emit currentVillageChanged();
    emit layersChanged();
    emit mapChanged();
    emit travelChanged();
}

std::vector<LayerEntry> Workspace::defaultLayers() const
{
    // the layer list: top first
    std::vector<LayerEntry> entries;
    entries.push_back({QStringLiteral("labels:kecamatan"), tr("Kecamatan names"), true, 1.0});
    entries.push_back({QStringLiteral("labels:pekon"), tr("Pekon names (when they fit)"), true, 1.0});
    if (!mProposals.sites.empty())
        entries.push_back({QStringLiteral("proposals"), mProposals.name, true, 1.0});
    std::vector<std::string> kinds;
    for (const MapPoint& f : mFacilities)
        if (std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end())
            kinds.push_back(f.kind);
    const std::vector<std::string> symbolised = layers::symbolisedFacilityKinds();
    std::stable_sort(kinds.begin(), kinds.end(), [&](const std::string& a, const std::string& b) {
        auto rank = [&](const std::string& k) {
            auto it = std::find(symbolised.begin(), symbolised.end(), k);
            return it == symbolised.end() ? symbolised.size() : static_cast<std::size_t>(it - symbolised.begin());
        };
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    for (const std::string& k : kinds)
        entries.push_back({QStringLiteral("facility:") + qs(k),
                           tr("Facilities: %1").arg(qs(layers::facilityKindLabel(k))), true, 1.0});
    for (const std::string& k : kinds)
        entries.push_back({QStringLiteral("reach:") + qs(k),
                           tr("Reach of %1 (%2 km)").arg(qs(layers::facilityKindLabel(k)), formatNumber(5.0, 0)), false,
                           0.6});
    if (!mDataset->roads.empty())
        entries.push_back({QStringLiteral("roads"), tr("Jalan (roads)"), true, 1.0});
    entries.push_back({QStringLiteral("pekon"), tr("Pekon (thematic layer)"), true, 1.0});
    return entries;
}

void Workspace::retranslate()
{
    if (!mDataset)
        return;
    rebuildThemes();
    mLayers->setEntries(defaultLayers());
    startTravelJob(); // its labels are in the page language: kept per language
    rebuildMap();
    emit layersChanged();
    emit mapChanged();
    emit travelChanged();
}

QStringList Workspace::periods() const
{
    QStringList out;
    if (mDataset)
        for (const std::string& p : mDataset->periods("miskin"))
            out << qs(p);
    return out;
}

void Workspace::setPeriod(const QString& period)
{
    if (!mDataset || period == mPeriod)
        return;
    mPeriod = period;
    if (mComparePeriod == mPeriod)
        mComparePeriod.clear();
    rebuildAnalysis();
    rebuildMap();
    emit periodChanged();
    emit analysisChanged();
    emit mapChanged();
}

void Workspace::setComparePeriod(const QString& period)
{
    const QString earlier = period == mPeriod ? QString() : period;
    if (!mDataset || earlier == mComparePeriod)
        return;
    mComparePeriod = earlier;
    rebuildMap();
    emit mapChanged();
}

const ThemeInfo* Workspace::theme() const
{
    for (const ThemeInfo& t : mThemes)
        if (t.key == mThemeKey)
            return &t;
    return nullptr;
}

void Workspace::setTheme(const QString& key)
{
    if (!mDataset || key == mThemeKey)
        return;
    if (std::none_of(mThemes.begin(), mThemes.end(), [&](const ThemeInfo& t) { return t.key == key; }))
        return;
    mThemeKey = key;
    mOnlyLevel.clear();
    mStyle.manualBreaks.clear();
    if (mStyle.method == layers::ClassificationMethod::Manual)
        mStyle.method = layers::ClassificationMethod::Quantile;
    // another theme chosen: it is shown, so the travel layer (drawn in place of it) goes off
    const bool travelWasOn = std::exchange(mTravelRequest, std::nullopt).has_value();
    rebuildMap();
    emit mapChanged();
    if (travelWasOn)
        emit travelChanged();
}

QStringList Workspace::themeLevels() const
{
    QStringList out;
    const ThemeInfo* t = theme();
    if (!mDataset || !t || t->kind != ThemeInfo::Kind::Indicator)
        return out;
    if (const std::optional<gis::CategoryScale> scale = gis::categoryScale(*mDataset, t->key.toStdString()))
        for (const std::string& level : scale->levels)
            out << qs(level);
    return out;
}

void Workspace::setOnlyLevel(const QString& level)
{
    if (!mDataset || level == mOnlyLevel || (!level.isEmpty() && !themeLevels().contains(level)))
        return;
    mOnlyLevel = level;
    rebuildMap();
    emit mapChanged();
}

void Workspace::setStyle(const LayerStyle& style)
{
    if (style == mStyle)
        return;
    mStyle = style;
    rebuildMap();
    emit mapChanged();
}

QStringList Workspace::schemeNames() const
{
    QStringList out{QString()};
    if (mDataset)
        for (const std::string& s : gis::storedSchemeNames(*mDataset))
            out << qs(s);
    return out;
}

void Workspace::setScheme(const QString& name)
{
    if (!mDataset || (name == mScheme && !mEditedScheme))
        return;
    mScheme = name;
    mEditedScheme.reset();
    rebuildAnalysis();
    rebuildMap();
    emit analysisChanged();
    emit mapChanged();
}

void Workspace::rebuildAnalysis()
{
    mAnalysis.reset();
    mChosenRanks.clear();
    mSensitivity.reset();
    try {
        mAnalysis = gis::analyzeVillages(*mDataset, mPeriod.toStdString(), chosenScheme());
        mChosenRanks = mAnalysis->priority.rank;
    } catch (const gis::Error&) {
        // a project with boundaries only (no values, no capital) has no analysis: the map still shows
    }
    applyEditedScheme();
}

void Workspace::rebuildThemes()
{
    mThemes.clear();
    for (const gis::IndicatorInfo& info : gis::availableIndicators(*mDataset)) {
        if (isDuplicateTheme(info.key))
            continue;
        try {
            if (gis::indicatorValues(*mDataset, info.key).empty())
                continue;
        } catch (const gis::Error&) {
            continue; // a derived indicator whose inputs are missing
        }
        mThemes.push_back({ThemeInfo::Kind::Indicator, qs(info.key), qs(info.label), qs(info.unit)});
    }
    if (mAnalysis)
        mThemes.push_back(
            {ThemeInfo::Kind::Priority, QStringLiteral("priority"), tr("Priority score"), QStringLiteral("0–100")});
    const bool hasRate =
        std::any_of(mThemes.begin(), mThemes.end(), [](const ThemeInfo& t) { return t.key == "poverty_rate"; });
    if (hasRate)
        mThemes.push_back({ThemeInfo::Kind::Lisa, QStringLiteral("lisa:poverty_rate"),
                           tr("Hotspots (LISA) of the poverty rate"), QString()});
    for (auto it = mLisaResults.begin(); it != mLisaResults.end();) {
        const std::string& key = it->first;
        std::string label;
        try {
            label = gis::indicatorInfo(*mDataset, key).label;
        } catch (const gis::Error&) {
            it = mLisaResults.erase(it); // its indicator is gone from the project (after a commit)
            continue;
        }
        if (key != "poverty_rate")
            mThemes.push_back({ThemeInfo::Kind::Lisa, QStringLiteral("lisa:") + qs(key),
                               tr("Hotspots (LISA) of %1").arg(qs(label)), QString()});
        ++it;
    }
    if (mPokdarwis)
        mThemes.push_back({ThemeInfo::Kind::Pokdarwis, QStringLiteral("pokdarwis"), tr("POKDARWIS candidate score"),
                           QStringLiteral("0–100")});
    mThemes.push_back({ThemeInfo::Kind::Indicator, QStringLiteral("base"), tr("Base map (areas only)"), QString()});
}

void Workspace::rebuildMap()
{
    mMap.reset();
    mHotspots.reset();
    mMapError.clear();
    if (!mDataset)
        return;
    layers::ThematicMapSpec spec;
    spec.lang = pageLanguage();
    spec.method = mStyle.method;
    spec.classCount = mStyle.classCount;
    spec.ramp = mStyle.ramp.toStdString();
    if (mStyle.method == layers::ClassificationMethod::Manual)
        spec.manualBreaks = mStyle.manualBreaks;
    spec.showFacilities = false; // facilities, labels and reach are layers of their own
    spec.showLabels = false;
    spec.showVillageLabels = false;
    const ThemeInfo* t = theme();
    try {
        if (const std::shared_ptr<const layers::TravelRaster> travel = travelRaster()) {
            // the travel raster replaces the pekon fills, as `map --travel` draws it
            spec.layer = layers::baseLayer(*mDataset, spec.lang);
            spec.travel = *travel;
        } else if (!t || t->key == "base") {
            spec.layer = layers::baseLayer(*mDataset, spec.lang);
        } else if (t->kind == ThemeInfo::Kind::Priority && mAnalysis) {
            spec.layer = layers::priorityLayer(*mAnalysis, spec.lang);
        } else if (t->kind == ThemeInfo::Kind::Lisa) {
            const std::string key = t->key.mid(5).toStdString();
            auto cached = mLisaResults.find(key);
            if (cached != mLisaResults.end() && cached->second.period == mPeriod.toStdString()) {
                mHotspots = cached->second;
            } else {
                // another period than the panel computed: the same options, on this period (fast
                // on a regency; the panel computes large projects in the background)
                gis::HotspotOptions options = hotspotOptions(qs(key));
                options.period = mPeriod.toStdString();
                mHotspots = gis::analyzeHotspots(*mDataset, key, options);
            }
            spec.layer = layers::lisaLayer(*mHotspots, spec.lang, gis::indicatorInfo(*mDataset, key).label);
        } else if (t->kind == ThemeInfo::Kind::Pokdarwis && mPokdarwis) {
            spec.layer = layers::pokdarwisLayer(*mPokdarwis, spec.lang);
        } else {
            spec.indicatorKey = t->key.toStdString();
            std::vector<std::string> keyPeriods = mDataset->periods(spec.indicatorKey);
            if (keyPeriods.empty()) // a category keeps its periods apart from the numbers
                keyPeriods = gis::categoryPeriods(*mDataset, spec.indicatorKey);
            // a stored key without the chosen period shows its own latest period
            if (keyPeriods.empty()
                || std::find(keyPeriods.begin(), keyPeriods.end(), mPeriod.toStdString()) != keyPeriods.end())
                spec.period = mPeriod.toStdString();
            if (!mComparePeriod.isEmpty() && spec.indicatorKey != "area_km2") {
                // the change from the earlier period: the same recipe as `map --compare`
                layers::MapTemplate change;
                change.spec = spec;
                change.spec.period = mPeriod.toStdString();
                change.spec.comparePeriod = mComparePeriod.toStdString();
                spec = layers::resolveMap(*mDataset, change).spec;
            } else if (!mOnlyLevel.isEmpty()) {
                // only the pekon at one level: the same recipe as `map --only-level`
                layers::MapTemplate only;
                only.spec = spec;
                only.onlyLevel = mOnlyLevel.toStdString();
                spec = layers::resolveMap(*mDataset, only).spec;
            }
        }
        mMap = std::make_shared<const layers::ThematicMap>(*mDataset, spec);
    } catch (const std::exception& e) {
        mMapError = UserMessages::forError(e, UserAction::ShowMap, mLocation);
        // fall back to the areas so the map is never blank
        spec.layer = layers::baseLayer(*mDataset, spec.lang);
        spec.travel.reset();
        spec.manualBreaks.clear();
        spec.manualMinimum.reset();
        mMap = std::make_shared<const layers::ThematicMap>(*mDataset, spec);
    }
    mSpec = spec;
}

bool Workspace::showHotspots(gis::HotspotResult result, bool makeCurrent)
{
    if (!mDataset || result.period != mPeriod.toStdString())
        return false;
    const QString key = QStringLiteral("lisa:") + qs(result.key);
    mLisaResults[result.key] = std::move(result);
    rebuildThemes();
    emit themesChanged();
    showResultTheme(key, makeCurrent);
    return true;
}

void Workspace::showResultTheme(const QString& key, bool makeCurrent)
{
    if (makeCurrent) {
        mThemeKey.clear(); // setTheme below redraws even when the theme was shown already
        setTheme(key);
    } else if (mThemeKey == key) {
        rebuildMap();
        emit mapChanged();
    }
}

std::vector<gis::HotspotResult> Workspace::computedHotspots() const
{
    std::vector<gis::HotspotResult> out;
    for (const auto& [key, result] : mLisaResults)
        if (result.period == mPeriod.toStdString())
            out.push_back(result);
    return out;
}

gis::HotspotOptions Workspace::hotspotOptions(const QString& indicatorKey) const
{
    auto it = mLisaResults.find(indicatorKey.toStdString());
    return it == mLisaResults.end() ? gis::HotspotOptions{} : it->second.options;
}

void Workspace::showPokdarwis(gis::PokdarwisResult result, bool makeCurrent)
{
    if (!mDataset)
        return;
    mPokdarwis = std::move(result);
    rebuildThemes();
    emit themesChanged();
    showResultTheme(QStringLiteral("pokdarwis"), makeCurrent);
}

std::shared_ptr<const RenderLayers> Workspace::renderLayers() const
{
    auto r = std::make_shared<RenderLayers>();
    r->layers = mLayers->entries();
    r->facilities = mFacilities;
    r->villageLabels = mVillageLabels;
    r->kecamatanLabels = mKecamatanLabels;
    r->proposals = mProposals;
    r->roads = mRoads;
    return r;
}

void Workspace::setProposals(ProposalOverlay overlay)
{
    if (!mDataset)
        return;
    mProposals = std::move(overlay);
    // the other layers keep their order and settings; the proposals come under the labels
    std::vector<LayerEntry> entries = mLayers->entries();
    const QString id = QStringLiteral("proposals");
    auto it = std::find_if(entries.begin(), entries.end(), [&](const LayerEntry& e) { return e.id == id; });
    if (mProposals.sites.empty()) {
        if (it != entries.end())
            entries.erase(it);
    } else if (it != entries.end()) {
        it->name = mProposals.name;
    } else {
        auto under = std::find_if(entries.begin(), entries.end(),
                                  [](const LayerEntry& e) { return !e.id.startsWith(QLatin1String("labels:")); });
        entries.insert(under, {id, mProposals.name, true, 1.0});
    }
    mLayers->setEntries({}); // setEntries would append a new layer at the bottom: give the order
    mLayers->setEntries(std::move(entries));
    emit layersChanged();
}

std::vector<std::pair<QString, QString>> Workspace::kecamatanList() const
{
    std::vector<std::pair<QString, QString>> out;
    for (const MapPoint& k : mKecamatanLabels)
        out.emplace_back(qs(k.code), qs(k.name));
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<gis::Extent> Workspace::extentOf(const std::set<std::string>& codes) const
{
    if (!mDataset || codes.empty())
        return std::nullopt;
    gis::Extent e;
    for (const std::string& c : codes)
        if (const gis::Area* a = mDataset->findArea(c))
            for (const gis::Polygon& p : a->geometry)
                for (const gis::Point& pt : p.exterior)
                    e.include(pt);
    if (e.isEmpty())
        return std::nullopt;
    return e;
}

std::optional<gis::Extent> Workspace::kecamatanExtent(const QString& code) const
{
    return extentOf({code.toStdString()});
}

QPainterPath Workspace::villagePath(const std::string& code) const
{
    if (auto it = mPaths.find(code); it != mPaths.end())
        return it->second;
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    if (const gis::Area* a = mDataset ? mDataset->findArea(code) : nullptr)
        for (const gis::Polygon& p : a->geometry) {
            auto addRing = [&path](const gis::Ring& ring) {
                if (ring.empty())
                    return;
                path.moveTo(ring.front().x, ring.front().y);
                for (std::size_t i = 1; i < ring.size(); ++i)
                    path.lineTo(ring[i].x, ring[i].y);
                path.closeSubpath();
            };
            addRing(p.exterior);
            for (const gis::Ring& hole : p.holes)
                addRing(hole);
        }
    mPaths.emplace(code, path);
    return path;
}

QString Workspace::villageName(const std::string& code) const
{
    const gis::Area* a = mDataset ? mDataset->findArea(code) : nullptr;
    return a ? qs(a->name) : QString();
}

QString Workspace::kecamatanNameOf(const std::string& villageCode) const
{
    const gis::Area* a = mDataset ? mDataset->findArea(villageCode) : nullptr;
    const gis::Area* k = a ? mDataset->findArea(a->parentCode) : nullptr;
    return k ? qs(k->name) : QString();
}

QString Workspace::boundaryProvenance() const
{
    if (!mDataset)
        return {};
    const std::string boundary = mDataset->metaValue("boundary_provenance", mDataset->metaValue("provenance"));
    const QString source = qs(mDataset->metaValue("boundary_source"));
    if (boundary == "real")
        return source.isEmpty() ? tr("Boundaries: imported") : tr("Boundaries: %1").arg(source);
    return tr("Boundaries: illustrative (not official)");
}

QString Workspace::valueProvenance() const
{
    if (!mDataset)
        return {};
    const std::string values = mDataset->metaValue("values_provenance", mDataset->metaValue("provenance"));
    if (values == "illustrative")
        return tr("Values: illustrative (not official figures)");
    const QString source = qs(mDataset->metaValue("indicator_source"));
    if (mDataset->indicators.empty())
        return tr("Values: none imported yet");
    return source.isEmpty() ? tr("Values: imported") : tr("Values: %1").arg(source);
}

// --- the priority scheme being edited -------------------------------------------------------

namespace {

/// Columns the workspace adds to the analysis: the rank change and the rank stability.
bool isSensitivityColumn(const std::string& c)
{
    return c == "rank_best" || c == "rank_worst" || (c.rfind("top", 0) == 0 && c.size() > 9 && c.ends_with("_share"));
}

void dropColumns(gis::AnalysisTable& table, bool (*drop)(const std::string&))
{
    std::vector<std::size_t> keep;
    std::vector<std::string> columns;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (!drop(table.columns[c])) {
            keep.push_back(c);
            columns.push_back(table.columns[c]);
        }
    if (columns.size() == table.columns.size())
        return;
    for (gis::AnalysisTable::Row& row : table.rows) {
        std::vector<double> values;
        values.reserve(keep.size());
        for (std::size_t c : keep)
            values.push_back(row.values[c]);
        row.values = std::move(values);
    }
    table.columns = std::move(columns);
}

/// Puts column \a name right after column \a after (at the end when there is none), so the rank
/// change and stability sit beside the rank in the table.
void insertColumn(gis::AnalysisTable& table, const std::string& after, const std::string& name,
                  const std::vector<double>& values)
{
    const auto it = std::find(table.columns.begin(), table.columns.end(), after);
    const std::size_t at =
        it == table.columns.end() ? table.columns.size() : static_cast<std::size_t>(it - table.columns.begin()) + 1;
    table.columns.insert(table.columns.begin() + static_cast<std::ptrdiff_t>(at), name);
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        table.rows[i].values.insert(table.rows[i].values.begin() + static_cast<std::ptrdiff_t>(at), values[i]);
}

} // namespace

gis::PriorityScheme Workspace::chosenScheme() const
{
    if (mScheme.isEmpty() || !mDataset)
        return gis::defaultPriorityScheme();
    return gis::storedScheme(*mDataset, mScheme.toStdString());
}

void Workspace::applyEditedScheme()
{
    if (!mEditedScheme || !mAnalysis)
        return;
    try {
        gis::rescoreAnalysis(*mAnalysis, *mEditedScheme); // unchanged when it throws
    } catch (const gis::Error&) {
        mEditedScheme.reset(); // e.g. the new period lacks an indicator of the edited scheme
        return;
    }
    addRankChange();
}

void Workspace::addRankChange()
{
    mSensitivity.reset(); // computed for other weights
    dropColumns(*mAnalysis, [](const std::string& c) { return c == "rank_change" || isSensitivityColumn(c); });
    const std::vector<int>& now = mAnalysis->priority.rank;
    std::vector<double> change(now.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < now.size() && i < mChosenRanks.size(); ++i)
        if (now[i] > 0 && mChosenRanks[i] > 0)
            change[i] = static_cast<double>(mChosenRanks[i] - now[i]);
    insertColumn(*mAnalysis, "priority_rank", "rank_change", change);
}

void Workspace::setEditedScheme(const gis::PriorityScheme& scheme)
{
    if (!mAnalysis)
        return;
    gis::rescoreAnalysis(*mAnalysis, scheme); // throws with the state unchanged
    mEditedScheme = scheme;
    addRankChange();
    const ThemeInfo* t = theme();
    if (t && t->kind == ThemeInfo::Kind::Priority)
        rebuildMap();
    emit analysisChanged();
    emit mapChanged();
}

bool Workspace::setSensitivity(const gis::PriorityScheme& scheme, const gis::SensitivityResult& result)
{
    if (!mAnalysis || result.rankMin.size() != mAnalysis->rows.size()
        || gis::schemeToJson(scheme) != gis::schemeToJson(mAnalysis->scheme))
        return false;
    dropColumns(*mAnalysis, isSensitivityColumn);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> best, worst, share;
    for (std::size_t i = 0; i < result.rankMin.size(); ++i) {
        best.push_back(result.rankMin[i] > 0 ? result.rankMin[i] : nan);
        worst.push_back(result.rankMax[i] > 0 ? result.rankMax[i] : nan);
        share.push_back(result.rankMin[i] > 0 ? 100.0 * result.topShare[i] : nan);
    }
    const std::string after = mEditedScheme ? "rank_change" : "priority_rank";
    const std::string shareColumn = "top" + std::to_string(result.options.topN) + "_share";
    insertColumn(*mAnalysis, after, shareColumn, share);
    insertColumn(*mAnalysis, after, "rank_worst", worst);
    insertColumn(*mAnalysis, after, "rank_best", best);
    mSensitivity = result;
    emit analysisChanged();
    return true;
}

void Workspace::setSelection(const std::set<std::string>& codes)
{
    if (codes == mSelection)
        return;
    mSelection = codes;
    emit selectionChanged();
}

void Workspace::setCurrentVillage(const std::string& code)
{
    if (code == mCurrent)
        return;
    mCurrent = code;
    emit currentVillageChanged();
}

} // namespace ui
} // namespace app
