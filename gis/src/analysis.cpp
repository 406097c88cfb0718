#include "gis/analysis.h"

#include "detail/textfile.h"
#include "gis/categories.h"

#include "gis/error.h"
#include "gis/export.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/islands.h"
#include "gis/measure.h"
#include "gis/network.h"
#include "gis/smoothing.h"
#include "gis/spatialindex.h"
#include "gis/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <future>
#include <limits>
#include <locale>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<double> parseNumber(const std::string& text)
{
    if (text.empty())
        return std::nullopt;
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    double v = 0.0;
    in >> v;
    if (in.fail() || !in.eof() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// Villages by code, so that code-keyed records fill per-village columns in one pass instead of
/// through a map per key. A project's codes are unique, but an in-memory dataset may repeat one:
/// every village of a code is kept, so results match lookups by code exactly.
class VillagesByCode {
public:
    explicit VillagesByCode(const std::vector<const Area*>& villages) : mNextOfSameCode(villages.size(), kNone)
    {
        mFirst.reserve(villages.size());
        // Backwards, so that each code's chain runs in village order.
        for (std::size_t i = villages.size(); i-- > 0;) {
            auto [it, inserted] = mFirst.try_emplace(villages[i]->code, i);
            if (!inserted) {
                mNextOfSameCode[i] = it->second;
                it->second = i;
            }
        }
    }
    std::size_t size() const noexcept { return mNextOfSameCode.size(); }
    /// Calls \a visit with the index of every village of \a code, in village order.
    template <class Visit>
    void forEach(std::string_view code, Visit visit) const
    {
        const auto it = mFirst.find(code);
        for (std::size_t i = it == mFirst.end() ? kNone : it->second; i != kNone; i = mNextOfSameCode[i])
            visit(i);
    }
    /// The last village of \a code: the one a code -> index map filled in village order keeps.
    std::optional<std::size_t> last(std::string_view code) const
    {
        std::optional<std::size_t> found;
        forEach(code, [&](std::size_t i) { found = i; });
        return found;
    }

private:
    static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    std::unordered_map<std::string_view, std::size_t> mFirst; ///< views of the villages' codes
    std::vector<std::size_t> mNextOfSameCode;
};

/// Stored values of \a key and \a period, one per village (NaN where none); a later record of
/// the same code replaces an earlier one.
std::vector<double> storedColumn(const Dataset& ds, const VillagesByCode& byCode, const std::string& key,
                                 const std::string& period)
{
    std::vector<double> column(byCode.size(), kNaN);
    for (const IndicatorValue& v : ds.indicators)
        if (v.key == key && v.period == period)
            byCode.forEach(v.areaCode, [&](std::size_t i) { column[i] = v.value; });
    return column;
}

} // namespace

// ---------------------------------------------------------------------------------------

std::string kindColumnName(const std::string& kind)
{
    std::string out = asciiLower(kind);
    for (char& c : out)
        c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

Point capitalOf(const Dataset& ds)
{
    const auto lon = parseNumber(ds.metaValue("capital_lon"));
    const auto lat = parseNumber(ds.metaValue("capital_lat"));
    if (!lon || !lat)
        throw Error("the project has no regency capital: set the meta values 'capital_lon' and 'capital_lat' "
                    "(WGS 84 degrees, e.g. 104.62 and -5.50 for Kota Agung) before analysing remoteness");
    return {*lon, *lat};
}

std::optional<std::size_t> VillageMeasuresResult::kindIndex(const std::string& kind) const
{
    const auto it = std::lower_bound(kinds.begin(), kinds.end(), kind);
    if (it == kinds.end() || *it != kind)
        return std::nullopt;
    return static_cast<std::size_t>(it - kinds.begin());
}

namespace {

std::size_t requireKind(const VillageMeasuresResult& result, const std::string& kind)
{
    if (const auto k = result.kindIndex(kind))
        return *k;
    std::string present;
    for (const std::string& k : result.kinds)
        present += (present.empty() ? "" : ", ") + k;
    throw Error("the dataset has no facility of kind '" + kind
                + "'; kinds present: " + (present.empty() ? std::string("none") : present));
}

} // namespace

int VillageMeasuresResult::facilityCount(const VillageMeasures& village, const std::string& kind) const
{
    return village.facilityCount.at(requireKind(*this, kind));
}

double VillageMeasuresResult::nearestKm(const VillageMeasures& village, const std::string& kind) const
{
    return village.nearestKm.at(requireKind(*this, kind));
}

namespace {

/// Where remoteness to the kecamatan is measured to, by kecamatan code: its capital from meta
/// "kecamatan_capital_lon.<code>" and "kecamatan_capital_lat.<code>", else its point-on-surface.
std::map<std::string, Point> kecamatanCapitals(const Dataset& ds)
{
    std::map<std::string, Point> out;
    for (const Area* k : ds.areasOfKind("kecamatan")) {
        const auto klon = parseNumber(ds.metaValue("kecamatan_capital_lon." + k->code));
        const auto klat = parseNumber(ds.metaValue("kecamatan_capital_lat." + k->code));
        out[k->code] = klon && klat ? Point{*klon, *klat} : ds.surfacePoint(*k);
    }
    return out;
}

} // namespace

VillageMeasuresResult computeVillageMeasures(const Dataset& ds, const std::string& period)
{
    VillageMeasuresResult result;
    const std::vector<const Area*> villages = ds.villages();
    if (villages.empty())
        throw Error("the dataset has no pekon, kelurahan or desa areas to analyse");

    result.capital = capitalOf(ds);
    result.period = period.empty() ? latestPeriod(ds, "miskin") : period;

    const VillagesByCode byCode(villages);
    const std::vector<double> penduduk = storedColumn(ds, byCode, "penduduk", result.period);
    const std::vector<double> miskin = storedColumn(ds, byCode, "miskin", result.period);

    std::set<std::string> kindSet;
    for (const Facility& f : ds.facilities)
        kindSet.insert(f.kind);
    result.kinds.assign(kindSet.begin(), kindSet.end());
    const std::size_t kindCount = result.kinds.size();

    // Facility -> village: its areaCode when it names a village, else point-in-polygon.
    // Counts are flat, [village * kindCount + kind].
    std::vector<int> counts(villages.size() * kindCount, 0);
    std::vector<std::vector<Point>> pointsByKind(kindCount);
    {
        std::unique_ptr<PolygonIndex> pip;
        for (const Facility& f : ds.facilities) {
            const std::size_t kind = *result.kindIndex(f.kind);
            pointsByKind[kind].push_back(f.location);
            std::optional<std::size_t> where = f.areaCode.empty() ? std::nullopt : byCode.last(f.areaCode);
            if (!where) {
                if (!pip) {
                    std::vector<const MultiPolygon*> polygons;
                    polygons.reserve(villages.size());
                    for (const Area* v : villages)
                        polygons.push_back(&v->geometry);
                    pip = std::make_unique<PolygonIndex>(polygons);
                }
                where = pip->locate(f.location);
            }
            if (where)
                counts[*where * kindCount + kind]++;
        }
    }

    std::vector<NearestPointIndex> nearestByKind;
    nearestByKind.reserve(kindCount);
    for (std::vector<Point>& points : pointsByKind)
        nearestByKind.emplace_back(std::move(points));

    const std::map<std::string, Point> kecamatanPoint = kecamatanCapitals(ds);
    std::map<std::string, std::string> kecamatanName;
    for (const Area* k : ds.areasOfKind("kecamatan"))
        kecamatanName[k->code] = k->name;

    // Each village is independent: split them over the cores. Every worker reads shared,
    // immutable inputs and writes only its own villages; GEOS runs in each thread's own
    // context (detail::GeosContext).
    result.villages.resize(villages.size());
    auto measureRange = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            const Area& a = *villages[i];
            VillageMeasures& m = result.villages[i];
            m.code = a.code;
            m.name = a.name;
            m.kecamatanCode = a.parentCode;
            if (auto it = kecamatanName.find(a.parentCode); it != kecamatanName.end())
                m.kecamatanName = it->second;
            m.point = ds.surfacePoint(a);
            m.areaKm2 = ds.areaKm2(a);
            m.penduduk = penduduk[i];
            m.miskin = miskin[i];
            m.povertyRate = m.penduduk > 0 ? 100.0 * m.miskin / m.penduduk : kNaN;
            m.poorDensityKm2 = m.areaKm2 > 0 ? m.miskin / m.areaKm2 : kNaN;
            const auto villageCounts = counts.begin() + static_cast<std::ptrdiff_t>(i * kindCount);
            m.facilityCount.assign(villageCounts, villageCounts + static_cast<std::ptrdiff_t>(kindCount));
            m.nearestKm.resize(kindCount);
            for (std::size_t k = 0; k < kindCount; ++k)
                m.nearestKm[k] = m.facilityCount[k] > 0 ? 0.0 : nearestByKind[k].nearest(m.point).distanceM / 1000.0;
            m.distCapitalKm = geodesicDistanceM(m.point, result.capital) / 1000.0;
            const auto kp = kecamatanPoint.find(a.parentCode);
            m.distKecamatanKm = kp == kecamatanPoint.end() ? kNaN : geodesicDistanceM(m.point, kp->second) / 1000.0;
        }
    };
    const std::size_t workers = villages.size() < 2000
        ? 1
        : std::max<std::size_t>(1, std::min<std::size_t>(8, std::thread::hardware_concurrency()));
    std::vector<std::future<void>> running;
    const std::size_t chunk = (villages.size() + workers - 1) / workers;
    for (std::size_t w = 1; w < workers; ++w)
        running.push_back(std::async(std::launch::async, measureRange, std::min(villages.size(), w * chunk),
                                     std::min(villages.size(), (w + 1) * chunk)));
    measureRange(0, std::min(villages.size(), chunk));
    for (auto& r : running)
        r.get(); // rethrows a worker's error here, in the caller's thread
    return result;
}

// ---------------------------------------------------------------------------------------

std::size_t AnalysisTable::column(const std::string& name) const
{
    auto it = std::find(columns.begin(), columns.end(), name);
    if (it == columns.end()) {
        std::string list;
        for (const auto& c : columns)
            list += (list.empty() ? "" : ", ") + c;
        throw Error("the analysis table has no column '" + name + "'; columns: " + list);
    }
    return static_cast<std::size_t>(it - columns.begin());
}

namespace {

/// \a scheme with every indicator that names one of \a categories normalised by its rank on the scale.
PriorityScheme withScaleRanks(PriorityScheme scheme, const std::vector<std::string>& categories)
{
    for (SchemeIndicator& ind : scheme.indicators)
        if (std::find(categories.begin(), categories.end(), ind.key) != categories.end())
            ind.normalisation = Normalisation::ScaleRank;
    return scheme;
}

} // namespace

AnalysisTable analyzeVillages(const Dataset& ds, const std::string& period, const PriorityScheme& scheme)
{
    VillageMeasuresResult m = computeVillageMeasures(ds, period);
    const std::size_t n = m.villages.size();

    std::vector<std::string> kinds = m.kinds;
    for (const char* required : {"BUMDES", "PUSKESSOS"})
        if (std::find(kinds.begin(), kinds.end(), required) == kinds.end())
            kinds.emplace_back(required);
    std::sort(kinds.begin(), kinds.end());

    std::set<std::string> kelurahan;
    for (const Area& a : ds.areas)
        if (a.kind == "kelurahan")
            kelurahan.insert(a.code);

    // Every numeric measure by column name (also what scheme keys can name). A name met twice
    // (two kinds with one column name) gets its values appended, as scorePriority then reports.
    std::map<std::string, std::vector<double>> measures;
    auto add = [&](const std::string& name, auto valueOfVillage) {
        auto& col = measures[name];
        col.reserve(col.size() + n);
        for (std::size_t i = 0; i < n; ++i)
            col.push_back(valueOfVillage(m.villages[i], i));
    };
    add("area_km2", [](const VillageMeasures& v, std::size_t) { return v.areaKm2; });
    add("penduduk", [](const VillageMeasures& v, std::size_t) { return v.penduduk; });
    add("miskin", [](const VillageMeasures& v, std::size_t) { return v.miskin; });
    add("poverty_rate", [](const VillageMeasures& v, std::size_t) { return v.povertyRate; });
    add("poor_density_km2", [](const VillageMeasures& v, std::size_t) { return v.poorDensityKm2; });
    add("dist_capital_km", [](const VillageMeasures& v, std::size_t) { return v.distCapitalKm; });
    add("dist_kecamatan_km", [](const VillageMeasures& v, std::size_t) { return v.distKecamatanKm; });
    for (const std::string& kind : kinds) {
        const std::string c = kindColumnName(kind);
        const std::optional<std::size_t> k = m.kindIndex(kind); // none: no facility of the kind at all
        add("n_" + c,
            [&](const VillageMeasures& v, std::size_t) { return k ? static_cast<double>(v.facilityCount[*k]) : 0.0; });
        add("no_" + c, [&](const VillageMeasures& v, std::size_t) {
            // A BUMDes is a desa's enterprise: a kelurahan cannot have one, so lacking one is no gap.
            if (kind == "BUMDES" && kelurahan.count(v.code))
                return 0.0;
            return !k || v.facilityCount[*k] == 0 ? 1.0 : 0.0;
        });
        add("dist_" + c + "_km", [&](const VillageMeasures& v, std::size_t) { return k ? v.nearestKm[*k] : kNaN; });
    }
    const std::vector<const Area*> villages = ds.villages(); // the order of m.villages
    const VillagesByCode byCode(villages);
    // Stored indicators of the period (other than the columns above) are scheme keys too.
    std::set<std::string> storedKeys;
    for (const IndicatorValue& v : ds.indicators)
        if (v.period == m.period)
            storedKeys.insert(v.key);
    for (const std::string& key : storedKeys) {
        if (measures.count(key))
            continue;
        const std::vector<double> values = storedColumn(ds, byCode, key, m.period);
        add(key, [&](const VillageMeasures&, std::size_t i) { return values[i]; });
    }

    // Categories: the rank of the level on its scale is a scheme input, the level a text column.
    std::vector<std::string> categories;
    std::vector<std::vector<std::string>> categoryTexts;
    for (const std::string& key : categoryKeys(ds)) {
        const std::optional<CategoryScale> scale = categoryScale(ds, key);
        const std::vector<std::string> periods = categoryPeriods(ds, key);
        if (!scale || measures.count(key))
            continue; // a number indicator of the same key keeps the name
        const std::string use = periods.empty() || std::binary_search(periods.begin(), periods.end(), m.period)
            ? m.period
            : periods.back();
        const std::map<std::string, std::size_t> levels = categoryLevels(ds, key, use);
        std::vector<std::string> texts(n);
        add(key, [&](const VillageMeasures& v, std::size_t i) {
            const auto it = levels.find(v.code);
            if (it == levels.end())
                return kNaN;
            texts[i] = scale->levels[it->second];
            return scaleRank(it->second, scale->levels.size());
        });
        categories.push_back(key);
        categoryTexts.push_back(std::move(texts));
    }

    std::vector<std::string> codes;
    codes.reserve(n);
    for (const VillageMeasures& v : m.villages)
        codes.push_back(v.code);
    {
        // Raw rates of small pekon are noisy: the Empirical Bayes rate borrows from the regency.
        // The same figures as empiricalBayesPovertyRate(ds, period), from the columns at hand.
        std::vector<double> smoothed(n, kNaN);
        try {
            const EmpiricalBayesResult eb = empiricalBayesRates(measures.at("miskin"), measures.at("penduduk"));
            for (std::size_t i = 0; i < n; ++i)
                if (!std::isnan(eb.rate[i])) // by code: a later village of a repeated code wins
                    byCode.forEach(codes[i], [&](std::size_t j) { smoothed[j] = 100.0 * eb.rate[i]; });
        } catch (const Error&) {
            // no miskin/penduduk for the period: the column stays empty
        }
        add("poverty_rate_eb", [&](const VillageMeasures&, std::size_t i) { return smoothed[i]; });
    }

    AnalysisTable t;
    t.period = m.period;
    t.scheme = withScaleRanks(scheme, categories);
    t.textColumns = categories;
    t.categoryKeys = categories;
    // The rows take the names now, so that the per-village measures (every value is in the
    // columns above) are freed before the scores and the row values are allocated.
    t.rows.reserve(n);
    for (VillageMeasures& v : m.villages)
        t.rows.push_back({std::move(v.code), std::move(v.name), std::move(v.kecamatanName), {}, {}});
    m.villages = {};
    t.priority = scorePriority(t.scheme, codes, measures);

    t.columns = {"area_km2",          "penduduk",        "miskin",         "poverty_rate",
                 "poor_density_km2",  "n_bumdes",        "n_puskessos",    "dist_bumdes_km",
                 "dist_puskessos_km", "dist_capital_km", "priority_score", "priority_rank"};
    for (const SchemeIndicator& ind : scheme.indicators)
        t.columns.push_back("contrib_" + ind.key);
    for (const std::string& kind : kinds) {
        if (kind == "BUMDES" || kind == "PUSKESSOS")
            continue;
        t.columns.push_back("n_" + kindColumnName(kind));
        t.columns.push_back("dist_" + kindColumnName(kind) + "_km");
    }
    t.columns.push_back("dist_kecamatan_km");
    t.columns.push_back("poverty_rate_eb");

    // Where each column's values come from, resolved once rather than by name in every row.
    struct ColumnSource {
        enum { Measure, Score, Rank, Contribution } what = Measure;
        const std::vector<double>* measure = nullptr;
        std::size_t indicator = 0;
    };
    std::vector<ColumnSource> sources;
    sources.reserve(t.columns.size());
    for (const std::string& c : t.columns) {
        ColumnSource source;
        if (c == "priority_score")
            source.what = ColumnSource::Score;
        else if (c == "priority_rank")
            source.what = ColumnSource::Rank;
        else if (c.rfind("contrib_", 0) == 0) {
            source.what = ColumnSource::Contribution;
            const std::string key = c.substr(8);
            while (scheme.indicators[source.indicator].key != key)
                ++source.indicator;
        } else
            source.measure = &measures.at(c);
        sources.push_back(source);
    }

    for (std::size_t i = 0; i < n; ++i) {
        AnalysisTable::Row& row = t.rows[i];
        for (const std::vector<std::string>& texts : categoryTexts)
            row.texts.push_back(texts[i]);
        row.values.reserve(sources.size());
        for (const ColumnSource& source : sources) {
            switch (source.what) {
            case ColumnSource::Score:
                row.values.push_back(t.priority.score[i]);
                break;
            case ColumnSource::Rank:
                row.values.push_back(t.priority.rank[i] > 0 ? static_cast<double>(t.priority.rank[i]) : kNaN);
                break;
            case ColumnSource::Contribution:
                row.values.push_back(t.priority.contribution[i][source.indicator]);
                break;
            case ColumnSource::Measure:
                row.values.push_back((*source.measure)[i]);
                break;
            }
        }
    }
    t.inputs = std::move(measures);
    return t;
}

void rescoreAnalysis(AnalysisTable& table, const PriorityScheme& given)
{
    const PriorityScheme scheme = withScaleRanks(given, table.categoryKeys);
    std::vector<std::string> codes;
    codes.reserve(table.rows.size());
    for (const AnalysisTable::Row& row : table.rows)
        codes.push_back(row.kode);
    PriorityResult scored = scorePriority(scheme, codes, table.inputs); // throws before any change

    std::set<std::string> oldContributions;
    for (const SchemeIndicator& ind : table.scheme.indicators)
        oldContributions.insert("contrib_" + ind.key);
    // The new column order and, per column, the old column it keeps (or what it is scored from).
    constexpr std::size_t kScore = static_cast<std::size_t>(-1), kRank = kScore - 1, kContribution = kScore - 2;
    std::vector<std::string> columns;
    std::vector<std::size_t> source;    // old column index, or kScore / kRank / kContribution
    std::vector<std::size_t> indicator; // for kContribution
    auto addContributions = [&] {
        for (std::size_t k = 0; k < scheme.indicators.size(); ++k) {
            columns.push_back("contrib_" + scheme.indicators[k].key);
            source.push_back(kContribution);
            indicator.push_back(k);
        }
    };
    bool placed = false;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const std::string& name = table.columns[c];
        if (oldContributions.count(name))
            continue;
        columns.push_back(name);
        source.push_back(name == "priority_score" ? kScore : name == "priority_rank" ? kRank : c);
        indicator.push_back(0);
        if (name == "priority_rank") {
            addContributions();
            placed = true;
        }
    }
    if (!placed)
        addContributions();

    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const std::vector<double>& old = table.rows[i].values;
        std::vector<double> values;
        values.reserve(columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (source[c] == kScore)
                values.push_back(scored.score[i]);
            else if (source[c] == kRank)
                values.push_back(scored.rank[i] > 0 ? static_cast<double>(scored.rank[i]) : kNaN);
            else if (source[c] == kContribution)
                values.push_back(scored.contribution[i][indicator[c]]);
            else
                values.push_back(old[source[c]]);
        }
        table.rows[i].values = std::move(values);
    }
    table.columns = std::move(columns);
    table.scheme = scheme;
    table.priority = std::move(scored);
}

namespace {

void appendColumn(AnalysisTable& table, const std::string& name, const std::vector<double>& values)
{
    table.columns.push_back(name);
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        table.rows[i].values.push_back(values[i]);
}

} // namespace

std::size_t addIslandColumns(AnalysisTable& table, const Dataset& ds)
{
    const IslandResult islands = islandFlags(ds);
    std::vector<double> status, offKm2;
    std::size_t onIslands = 0;
    for (const AnalysisTable::Row& row : table.rows) {
        const IslandFlag* flag = islands.find(row.kode);
        double s = kNaN, km2 = kNaN;
        if (flag && flag->status != IslandStatus::NoGeometry) {
            s = flag->status == IslandStatus::Island ? 2.0 : flag->status == IslandStatus::PartlyIsland ? 1.0 : 0.0;
            km2 = flag->offMainlandKm2;
            onIslands += s > 0 ? 1 : 0;
        }
        status.push_back(s);
        offKm2.push_back(km2);
    }
    appendColumn(table, "island_status", status);
    appendColumn(table, "island_km2", offKm2);
    return onIslands;
}

std::size_t addTravelColumns(AnalysisTable& table, const Dataset& ds, const RoadNetwork& roads)
{
    std::map<std::string, Point> pointOf;
    std::map<std::string, std::string> kecamatanOf;
    for (const Area* a : ds.villages()) {
        if (!a->geometry.empty())
            pointOf[a->code] = ds.surfacePoint(*a);
        kecamatanOf[a->code] = a->parentCode;
    }
    std::vector<Point> points;
    std::vector<bool> known;
    for (const AnalysisTable::Row& row : table.rows) {
        auto it = pointOf.find(row.kode);
        known.push_back(it != pointOf.end());
        points.push_back(it != pointOf.end() ? it->second : Point{});
    }
    std::size_t unreachable = 0;
    auto finite = [&](std::vector<double> minutes) {
        for (std::size_t i = 0; i < minutes.size(); ++i) {
            if (!known[i] || !std::isfinite(minutes[i])) {
                unreachable += known[i] ? 1 : 0;
                minutes[i] = kNaN;
            }
        }
        return minutes;
    };
    const Point capital = capitalOf(ds);
    appendColumn(table, "travel_capital_min", finite(roads.travelMinutesFrom(capital, points)));

    // To the village's kecamatan capital (the point dist_kecamatan_km measures to): one road
    // search from each kecamatan to its own villages. NaN, and not unreachable, without one.
    const std::map<std::string, Point> kecamatanPoint = kecamatanCapitals(ds);
    std::map<std::string, std::vector<std::size_t>> rowsOfKecamatan;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto parent = kecamatanOf.find(table.rows[i].kode);
        if (known[i] && parent != kecamatanOf.end() && kecamatanPoint.count(parent->second))
            rowsOfKecamatan[parent->second].push_back(i);
    }
    std::vector<double> toKecamatan(table.rows.size(), kNaN);
    for (const auto& [kecamatan, rows] : rowsOfKecamatan) {
        std::vector<Point> targets;
        targets.reserve(rows.size());
        for (std::size_t i : rows)
            targets.push_back(points[i]);
        const std::vector<double> minutes = roads.travelMinutesFrom(kecamatanPoint.at(kecamatan), targets);
        for (std::size_t j = 0; j < rows.size(); ++j) {
            if (std::isfinite(minutes[j]))
                toKecamatan[rows[j]] = minutes[j];
            else
                ++unreachable;
        }
    }
    appendColumn(table, "travel_kecamatan_min", toKecamatan);
    std::map<std::string, std::vector<Point>> byKind;
    for (const Facility& f : ds.facilities)
        byKind[f.kind].push_back(f.location);
    for (const auto& [kind, sources] : byKind)
        appendColumn(table, "travel_" + kindColumnName(kind) + "_min", finite(roads.nearestMinutes(sources, points)));
    return unreachable;
}

void writeAnalysisTable(const AnalysisTable& table, const Dataset& ds, const std::string& path)
{
    const std::string extension = asciiLower(std::filesystem::path(path).extension().string());
    if (extension == ".csv") {
        writeAnalysisCsv(table, path);
        return;
    }
    std::map<std::string, const Area*> byCode;
    for (const Area* a : ds.villages())
        byCode[a->code] = a;
    VillageTable out;
    out.columns = table.columns;
    out.textColumns = table.textColumns;
    for (const AnalysisTable::Row& row : table.rows) {
        auto it = byCode.find(row.kode);
        if (it == byCode.end())
            throw Error("analysis row " + row.kode + " is not a village of the project");
        out.villages.push_back(it->second);
        out.values.push_back(row.values);
        out.texts.push_back(row.texts);
    }
    writeVillageTable(ds, path, out);
}

SensitivityResult prioritySensitivity(const AnalysisTable& table, const SensitivityOptions& options)
{
    std::vector<std::string> codes;
    codes.reserve(table.rows.size());
    for (const AnalysisTable::Row& row : table.rows)
        codes.push_back(row.kode);
    return prioritySensitivity(table.scheme, codes, table.inputs, options);
}

void writeAnalysisCsv(const AnalysisTable& table, const std::string& path)
{
    std::string text = "kode,nama,kecamatan";
    for (const std::string& c : table.columns)
        text += "," + c;
    for (const std::string& c : table.textColumns)
        text += "," + c;
    text += "\n";
    // Appended in place (no string per cell) into room for about 12 characters a number, so
    // a national table is not copied as it grows.
    text.reserve(text.size() + table.rows.size() * (48 + 12 * table.columns.size()));
    for (const AnalysisTable::Row& row : table.rows) {
        text += detail::csvQuoted(row.kode);
        text += ',';
        text += detail::csvQuoted(row.nama);
        text += ',';
        text += detail::csvQuoted(row.kecamatan);
        for (double v : row.values) {
            text += ',';
            appendCsvNumber(text, v);
        }
        for (std::size_t c = 0; c < table.textColumns.size(); ++c) {
            text += ',';
            if (c < row.texts.size() && !row.texts[c].empty())
                text += detail::csvQuoted(row.texts[c]);
        }
        text += '\n';
    }
    detail::writeFileAtomically(path, text);
}

} // namespace gis