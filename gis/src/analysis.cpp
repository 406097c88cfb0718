#include "gis/analysis.h"

#include "detail/textfile.h"

#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/export.h"
#include "gis/indicators.h"
#include "gis/islands.h"
#include "gis/network.h"
#include "gis/smoothing.h"
#include "gis/measure.h"
#include "gis/spatialindex.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <limits>
#include <locale>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// a(1 - e²) on WGS 84: the smallest meridian radius of curvature (at the equator), metres.
constexpr double kMinMeridianRadiusM = 6378137.0 * (1.0 - 0.0066943799901413165);
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

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




const char* toString(Direction d) { return d == Direction::HigherIsWorse ? "higher_is_worse" : "higher_is_better"; }

const char* toString(Normalisation n)
{
    switch (n) {
    case Normalisation::MinMax: return "minmax";
    case Normalisation::ZScore: return "zscore";
    case Normalisation::PercentileRank: return "percentile_rank";
    }
    return "minmax";
}

const char* toString(MissingRule r)
{
    switch (r) {
    case MissingRule::ExcludeVillage: return "exclude_village";
    case MissingRule::FillWorst: return "fill_worst";
    case MissingRule::FillMedian: return "fill_median";
    }
    return "exclude_village";
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/// Oriented normalised values (higher = more priority) of the villages in \a use.
std::vector<double> normalise(const std::vector<double>& x, const std::vector<std::size_t>& use,
                              const SchemeIndicator& ind)
{
    std::vector<double> out(x.size(), kNaN);
    const bool reverse = ind.direction == Direction::HigherIsBetter;
    const double n = static_cast<double>(use.size());
    switch (ind.normalisation) {
    case Normalisation::MinMax: {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i : use) {
            lo = std::min(lo, x[i]);
            hi = std::max(hi, x[i]);
        }
        for (std::size_t i : use)
            out[i] = hi > lo ? (reverse ? hi - x[i] : x[i] - lo) / (hi - lo) : 0.0;
        break;
    }
    case Normalisation::ZScore: {
        double mean = 0.0;
        for (std::size_t i : use)
            mean += x[i];
        mean /= n;
        double ss = 0.0;
        for (std::size_t i : use)
            ss += (x[i] - mean) * (x[i] - mean);
        const double sd = std::sqrt(ss / n);
        for (std::size_t i : use)
            out[i] = sd > 0 ? (reverse ? -1.0 : 1.0) * (x[i] - mean) / sd : 0.0;
        break;
    }
    case Normalisation::PercentileRank: {
        std::vector<double> sorted;
        for (std::size_t i : use)
            sorted.push_back(x[i]);
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i : use) {
            if (use.size() < 2) {
                out[i] = 0.0;
                continue;
            }
            const auto below = static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), x[i]) - sorted.begin());
            const auto equal = static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), x[i])
                                                   - std::lower_bound(sorted.begin(), sorted.end(), x[i]));
            const double pr = (below + (equal - 1.0) / 2.0) / (n - 1.0);
            out[i] = reverse ? 1.0 - pr : pr;
        }
        break;
    }
    }
    return out;
}

[[noreturn]] void badField(const std::string& source, const std::string& field, const std::string& why)
{
    throw DataSourceError(source, "priority scheme field '" + field + "' " + why);
}

} // namespace

// ---------------------------------------------------------------------------------------

std::string kindColumnName(const std::string& kind)
{
    std::string out;
    for (unsigned char c : kind)
        out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
    return out;
}

namespace {

std::array<double, 3> unitVector(Point p)
{
    const double lat = p.y * kDegToRad, lon = p.x * kDegToRad;
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

constexpr std::size_t kLeafSize = 8;

} // namespace

Point capitalOf(const Dataset& ds)
{
    const auto lon = parseNumber(ds.metaValue("capital_lon"));
    const auto lat = parseNumber(ds.metaValue("capital_lat"));
    if (!lon || !lat)
        throw Error("the project has no regency capital: set the meta values 'capital_lon' and 'capital_lat' "
                    "(WGS 84 degrees, e.g. 104.62 and -5.50 for Kota Agung) before analysing remoteness");
    return {*lon, *lat};
}

NearestPointIndex::NearestPointIndex(std::vector<Point> points) : mPoints(std::move(points))
{
    mUnit.reserve(mPoints.size());
    for (Point p : mPoints)
        mUnit.push_back(unitVector(p));
    mOrder.resize(mPoints.size());
    std::iota(mOrder.begin(), mOrder.end(), std::size_t{0});
    if (!mPoints.empty())
        build(0, mPoints.size());
}

std::size_t NearestPointIndex::build(std::size_t begin, std::size_t end)
{
    const std::size_t id = mNodes.size();
    mNodes.push_back({{1e9, 1e9, 1e9}, {-1e9, -1e9, -1e9}, begin, end, 0, 0});
    Node box = mNodes[id];
    for (std::size_t i = begin; i < end; ++i)
        for (int k = 0; k < 3; ++k) {
            box.lo[k] = std::min(box.lo[k], mUnit[mOrder[i]][static_cast<std::size_t>(k)]);
            box.hi[k] = std::max(box.hi[k], mUnit[mOrder[i]][static_cast<std::size_t>(k)]);
        }
    if (end - begin > kLeafSize) {
        int axis = 0;
        for (int k = 1; k < 3; ++k)
            if (box.hi[k] - box.lo[k] > box.hi[axis] - box.lo[axis])
                axis = k;
        const std::size_t mid = begin + (end - begin) / 2;
        const auto a = static_cast<std::size_t>(axis);
        std::nth_element(mOrder.begin() + static_cast<std::ptrdiff_t>(begin), mOrder.begin() + static_cast<std::ptrdiff_t>(mid),
                         mOrder.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::size_t x, std::size_t y) { return mUnit[x][a] < mUnit[y][a]; });
        box.left = build(begin, mid);
        box.right = build(mid, end);
    }
    mNodes[id] = box;
    return id;
}

namespace {

/// The squared chord between unit vectors beyond which every point is farther than \a bestM:
/// the bound kMinMeridianRadiusM * angle * (1 - 1e-9) > bestM solved for the chord once per
/// improvement of the best, so that pruning compares squared chords without asin and sqrt.
double prunableChord2(double bestM)
{
    const double maxAngle = bestM / (kMinMeridianRadiusM * (1.0 - 1e-9));
    if (!(maxAngle < 3.14159265358979323846))
        return std::numeric_limits<double>::infinity(); // no chord (at most 2) can rule a point out
    const double chord = 2.0 * std::sin(maxAngle / 2.0);
    return chord * chord;
}

} // namespace

void NearestPointIndex::search(std::size_t nodeId, const double q[3], Point query, Hit& best,
                               double& prunableChord2Limit) const
{
    const Node& node = mNodes[nodeId];
    // Nearest possible squared chord from q to the box: when even that is beyond the limit,
    // the geodesic lower bound of every point in the box exceeds the best distance so far.
    double chord2 = 0.0;
    for (int k = 0; k < 3; ++k) {
        const double d = q[k] < node.lo[k] ? node.lo[k] - q[k] : q[k] > node.hi[k] ? q[k] - node.hi[k] : 0.0;
        chord2 += d * d;
    }
    if (chord2 > prunableChord2Limit)
        return;
    if (node.left == 0) {
        // Nearest by angle first, so the first geodesic is usually the answer and the bound
        // rules out the rest without computing theirs.
        std::array<std::pair<double, std::size_t>, kLeafSize> candidates{};
        std::size_t count = 0;
        for (std::size_t i = node.begin; i < node.end; ++i) {
            const std::size_t idx = mOrder[i];
            const auto& u = mUnit[idx];
            const double c2 = (u[0] - q[0]) * (u[0] - q[0]) + (u[1] - q[1]) * (u[1] - q[1]) + (u[2] - q[2]) * (u[2] - q[2]);
            candidates[count++] = {c2, idx};
        }
        std::sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(count));
        for (std::size_t k = 0; k < count; ++k) {
            const auto [c2, idx] = candidates[k];
            if (c2 > prunableChord2Limit)
                break; // sorted: every later candidate is at least as far
            const double d = geodesicDistanceM(query, mPoints[idx]);
            if (d < best.distanceM || (d == best.distanceM && idx < best.index)) {
                best = {idx, d};
                prunableChord2Limit = prunableChord2(d);
            }
        }
        return;
    }
    // Visit the child whose box is nearer first, so the bound tightens early.
    auto gap = [&](const Node& n) {
        double g = 0.0;
        for (int k = 0; k < 3; ++k) {
            const double d = q[k] < n.lo[k] ? n.lo[k] - q[k] : q[k] > n.hi[k] ? q[k] - n.hi[k] : 0.0;
            g += d * d;
        }
        return g;
    };
    const bool leftFirst = gap(mNodes[node.left]) <= gap(mNodes[node.right]);
    search(leftFirst ? node.left : node.right, q, query, best, prunableChord2Limit);
    search(leftFirst ? node.right : node.left, q, query, best, prunableChord2Limit);
}

NearestPointIndex::Hit NearestPointIndex::nearest(Point query) const
{
    if (mPoints.empty())
        throw Error("nearest-point search over an empty set of points");
    Hit best{0, std::numeric_limits<double>::infinity()};
    double limit = prunableChord2(best.distanceM);
    const auto u = unitVector(query);
    const double q[3] = {u[0], u[1], u[2]};
    search(0, q, query, best, limit);
    return best;
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
    throw Error("the dataset has no facility of kind '" + kind + "'; kinds present: "
                + (present.empty() ? std::string("none") : present));
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
    const std::size_t workers =
        villages.size() < 2000 ? 1 : std::max<std::size_t>(1, std::min<std::size_t>(8, std::thread::hardware_concurrency()));
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

PriorityScheme defaultPriorityScheme()
{
    PriorityScheme s;
    s.name = "remote-area priority";
    for (const char* key : {"poverty_rate", "poor_density_km2", "dist_puskessos_km", "no_bumdes", "dist_capital_km"})
        s.indicators.push_back({key, Direction::HigherIsWorse, Normalisation::MinMax, 1.0});
    s.missing = MissingRule::ExcludeVillage;
    return s;
}

std::size_t PriorityResult::excludedCount() const
{
    return static_cast<std::size_t>(std::count(rank.begin(), rank.end(), 0));
}

std::string PriorityResult::missingReport(MissingRule rule) const
{
    if (missing.empty())
        return "missing values: none";
    std::string text = fmt::format("missing values: {} (rule {}", missing.size(), toString(rule));
    text += rule == MissingRule::ExcludeVillage ? fmt::format(": {} village(s) without a score)", excludedCount())
                                                : std::string(")");
    std::size_t shown = 0;
    for (const MissingValue& m : missing) {
        if (shown++ == 20) {
            text += fmt::format("; and {} more", missing.size() - 20);
            break;
        }
        text += fmt::format("; {} {}", m.code, m.key);
        if (!std::isnan(m.filledWith))
            text += fmt::format(" filled with {}", csvNumber(m.filledWith));
    }
    return text;
}

PriorityResult scorePriority(const PriorityScheme& scheme, const std::vector<std::string>& codes,
                             const std::map<std::string, std::vector<double>>& values)
{
    const std::string who = "priority scheme '" + scheme.name + "'";
    if (scheme.indicators.empty())
        throw Error(who + " has no indicators");
    double weightSum = 0.0;
    std::set<std::string> seen;
    for (const SchemeIndicator& ind : scheme.indicators) {
        if (!std::isfinite(ind.weight) || ind.weight < 0)
            throw Error(who + ": indicator '" + ind.key + "' has weight " + fmt::format("{}", ind.weight)
                        + "; weights must be finite and >= 0");
        if (!seen.insert(ind.key).second)
            throw Error(who + ": indicator '" + ind.key + "' appears twice");
        if (!values.count(ind.key)) {
            std::string keys;
            for (const auto& [k, v] : values)
                keys += (keys.empty() ? "" : ", ") + k;
            throw Error(who + ": unknown indicator '" + ind.key + "'; available: " + keys);
        }
        if (values.at(ind.key).size() != codes.size())
            throw Error(who + ": indicator '" + ind.key + "' has a value count different from the village count");
        weightSum += ind.weight;
    }
    if (!(weightSum > 0))
        throw Error(who + ": the weights sum to 0");

    const std::size_t nVillages = codes.size();
    const std::size_t nInd = scheme.indicators.size();
    PriorityResult r;
    r.score.assign(nVillages, kNaN);
    r.rank.assign(nVillages, 0);
    r.contribution.assign(nVillages, std::vector<double>(nInd, kNaN));

    // Missing values: fill or exclude, reported either way.
    std::vector<std::vector<double>> x(nInd);
    std::vector<bool> excluded(nVillages, false);
    for (std::size_t k = 0; k < nInd; ++k) {
        const SchemeIndicator& ind = scheme.indicators[k];
        x[k] = values.at(ind.key);
        std::vector<double> present;
        for (double v : x[k])
            if (std::isfinite(v))
                present.push_back(v);
        double fill = kNaN;
        if (!present.empty() && scheme.missing == MissingRule::FillWorst)
            fill = ind.direction == Direction::HigherIsWorse ? *std::max_element(present.begin(), present.end())
                                                             : *std::min_element(present.begin(), present.end());
        else if (!present.empty() && scheme.missing == MissingRule::FillMedian)
            fill = median(present);
        for (std::size_t i = 0; i < nVillages; ++i) {
            if (std::isfinite(x[k][i]))
                continue;
            r.missing.push_back({codes[i], ind.key, fill});
            if (std::isnan(fill))
                excluded[i] = true;
            x[k][i] = fill;
        }
    }
    // With ExcludeVillage, statistics use the villages that have every value.
    std::vector<std::size_t> use;
    for (std::size_t i = 0; i < nVillages; ++i)
        if (!excluded[i])
            use.push_back(i);
    if (use.empty())
        return r;

    bool anyZ = false;
    std::vector<std::vector<double>> norm(nInd);
    for (std::size_t k = 0; k < nInd; ++k) {
        norm[k] = normalise(x[k], use, scheme.indicators[k]);
        anyZ = anyZ || scheme.indicators[k].normalisation == Normalisation::ZScore;
    }
    std::vector<double> composite(nVillages, kNaN);
    for (std::size_t i : use) {
        double c = 0.0;
        for (std::size_t k = 0; k < nInd; ++k)
            c += scheme.indicators[k].weight / weightSum * norm[k][i];
        composite[i] = c;
    }
    r.rescaled = anyZ;
    if (!anyZ) {
        for (std::size_t i : use) {
            double total = 0.0;
            for (std::size_t k = 0; k < nInd; ++k) {
                r.contribution[i][k] = 100.0 * scheme.indicators[k].weight / weightSum * norm[k][i];
                total += r.contribution[i][k];
            }
            r.score[i] = total;
        }
    } else {
        std::size_t lowest = use.front(), highest = use.front();
        for (std::size_t i : use) {
            if (composite[i] < composite[lowest])
                lowest = i;
            if (composite[i] > composite[highest])
                highest = i;
        }
        const double span = composite[highest] - composite[lowest];
        for (std::size_t i : use) {
            double total = 0.0;
            for (std::size_t k = 0; k < nInd; ++k) {
                r.contribution[i][k] = span > 0 ? 100.0 * scheme.indicators[k].weight / weightSum
                                                      * (norm[k][i] - norm[k][lowest]) / span
                                                : 0.0;
                total += r.contribution[i][k];
            }
            r.score[i] = total;
        }
    }

    std::vector<std::size_t> order = use;
    auto key = [&](std::size_t i) { return std::llround(r.score[i] * 1e9); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto ka = key(a), kb = key(b);
        return ka != kb ? ka > kb : codes[a] < codes[b];
    });
    for (std::size_t pos = 0; pos < order.size(); ++pos)
        r.rank[order[pos]] = static_cast<int>(pos + 1);
    return r;
}

// ---------------------------------------------------------------------------------------

std::string schemeToJson(const PriorityScheme& scheme)
{
    nlohmann::ordered_json j;
    j["name"] = scheme.name;
    j["missing"] = toString(scheme.missing);
    j["indicators"] = nlohmann::ordered_json::array();
    for (const SchemeIndicator& ind : scheme.indicators) {
        nlohmann::ordered_json e;
        e["key"] = ind.key;
        e["direction"] = toString(ind.direction);
        e["normalisation"] = toString(ind.normalisation);
        e["weight"] = ind.weight;
        j["indicators"].push_back(e);
    }
    return j.dump(2) + "\n";
}

PriorityScheme schemeFromJson(const std::string& text, const std::string& source)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw DataSourceError(source, std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object())
        throw DataSourceError(source, "a priority scheme must be a JSON object with \"name\" and \"indicators\"");
    PriorityScheme s;
    if (!j.contains("name") || !j["name"].is_string())
        badField(source, "name", "is missing or not a string");
    s.name = j["name"].get<std::string>();
    if (j.contains("missing")) {
        const auto& m = j["missing"];
        const std::string v = m.is_string() ? m.get<std::string>() : std::string{};
        if (v == "exclude_village")
            s.missing = MissingRule::ExcludeVillage;
        else if (v == "fill_worst")
            s.missing = MissingRule::FillWorst;
        else if (v == "fill_median")
            s.missing = MissingRule::FillMedian;
        else
            badField(source, "missing", "must be \"exclude_village\", \"fill_worst\" or \"fill_median\"");
    }
    if (!j.contains("indicators") || !j["indicators"].is_array() || j["indicators"].empty())
        badField(source, "indicators", "must be a non-empty array");
    const auto& list = j["indicators"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = fmt::format("indicators[{}]", i);
        const auto& e = list[i];
        if (!e.is_object())
            badField(source, at, "must be an object with key, direction, normalisation and weight");
        SchemeIndicator ind;
        if (!e.contains("key") || !e["key"].is_string() || e["key"].get<std::string>().empty())
            badField(source, at + ".key", "is missing or not a non-empty string");
        ind.key = e["key"].get<std::string>();
        if (e.contains("direction")) {
            const std::string d = e["direction"].is_string() ? e["direction"].get<std::string>() : std::string{};
            if (d == "higher_is_worse")
                ind.direction = Direction::HigherIsWorse;
            else if (d == "higher_is_better")
                ind.direction = Direction::HigherIsBetter;
            else
                badField(source, at + ".direction", "must be \"higher_is_worse\" or \"higher_is_better\"");
        }
        if (e.contains("normalisation")) {
            const std::string n = e["normalisation"].is_string() ? e["normalisation"].get<std::string>() : std::string{};
            if (n == "minmax")
                ind.normalisation = Normalisation::MinMax;
            else if (n == "zscore")
                ind.normalisation = Normalisation::ZScore;
            else if (n == "percentile_rank")
                ind.normalisation = Normalisation::PercentileRank;
            else
                badField(source, at + ".normalisation", "must be \"minmax\", \"zscore\" or \"percentile_rank\"");
        }
        if (e.contains("weight")) {
            if (!e["weight"].is_number() || !std::isfinite(e["weight"].get<double>()) || e["weight"].get<double>() < 0)
                badField(source, at + ".weight", "must be a number >= 0");
            ind.weight = e["weight"].get<double>();
        }
        for (const SchemeIndicator& earlier : s.indicators)
            if (earlier.key == ind.key)
                badField(source, at + ".key", "repeats indicator '" + ind.key + "'");
        s.indicators.push_back(ind);
    }
    double sum = 0.0;
    for (const SchemeIndicator& ind : s.indicators)
        sum += ind.weight;
    if (!(sum > 0))
        badField(source, "indicators", "has weights that sum to 0; give at least one a positive weight");
    return s;
}

PriorityScheme loadScheme(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataSourceError(path, "the priority scheme file does not exist or cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return schemeFromJson(text.str(), path);
}

void saveScheme(const PriorityScheme& scheme, const std::string& path)
{
    detail::writeFileAtomically(path, schemeToJson(scheme));
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
        add("n_" + c, [&](const VillageMeasures& v, std::size_t) {
            return k ? static_cast<double>(v.facilityCount[*k]) : 0.0;
        });
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
    t.scheme = scheme;
    // The rows take the names now, so that the per-village measures (every value is in the
    // columns above) are freed before the scores and the row values are allocated.
    t.rows.reserve(n);
    for (VillageMeasures& v : m.villages)
        t.rows.push_back({std::move(v.code), std::move(v.name), std::move(v.kecamatanName), {}});
    m.villages = {};
    t.priority = scorePriority(scheme, codes, measures);

    t.columns = {"area_km2", "penduduk", "miskin", "poverty_rate", "poor_density_km2", "n_bumdes", "n_puskessos",
                 "dist_bumdes_km", "dist_puskessos_km", "dist_capital_km", "priority_score", "priority_rank"};
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
        row.values.reserve(sources.size());
        for (const ColumnSource& source : sources) {
            switch (source.what) {
            case ColumnSource::Score: row.values.push_back(t.priority.score[i]); break;
            case ColumnSource::Rank:
                row.values.push_back(t.priority.rank[i] > 0 ? static_cast<double>(t.priority.rank[i]) : kNaN);
                break;
            case ColumnSource::Contribution: row.values.push_back(t.priority.contribution[i][source.indicator]); break;
            case ColumnSource::Measure: row.values.push_back((*source.measure)[i]); break;
            }
        }
    }
    t.inputs = std::move(measures);
    return t;
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

void storeScheme(Dataset& ds, const PriorityScheme& scheme)
{
    if (scheme.name.empty())
        throw Error("a priority scheme needs a name to be kept in the project");
    ds.meta["skema." + scheme.name] = schemeToJson(scheme);
}

std::vector<std::string> storedSchemeNames(const Dataset& ds)
{
    std::vector<std::string> names;
    for (const auto& [key, value] : ds.meta)
        if (key.rfind("skema.", 0) == 0)
            names.push_back(key.substr(6));
    return names;
}

PriorityScheme storedScheme(const Dataset& ds, const std::string& name)
{
    auto it = ds.meta.find("skema." + name);
    if (it == ds.meta.end()) {
        std::string kept;
        for (const std::string& n : storedSchemeNames(ds))
            kept += (kept.empty() ? "" : ", ") + n;
        throw Error("the project keeps no priority scheme named '" + name + "'; it keeps: "
                    + (kept.empty() ? std::string("none") : kept));
    }
    return schemeFromJson(it->second, "scheme '" + name + "' of the project");
}

void writeAnalysisTable(const AnalysisTable& table, const Dataset& ds, const std::string& path)
{
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".csv") {
        writeAnalysisCsv(table, path);
        return;
    }
    std::map<std::string, const Area*> byCode;
    for (const Area* a : ds.villages())
        byCode[a->code] = a;
    VillageTable out;
    out.columns = table.columns;
    for (const AnalysisTable::Row& row : table.rows) {
        auto it = byCode.find(row.kode);
        if (it == byCode.end())
            throw Error("analysis row " + row.kode + " is not a village of the project");
        out.villages.push_back(it->second);
        out.values.push_back(row.values);
    }
    writeVillageTable(ds, path, out);
}

SensitivityResult prioritySensitivity(const AnalysisTable& table, const SensitivityOptions& options)
{
    if (options.draws < 1 || options.perturbation < 0.0 || options.perturbation >= 1.0 || options.topN < 1)
        throw Error("sensitivity needs draws >= 1, a perturbation in [0, 1) and top N >= 1");
    const std::size_t n = table.rows.size();
    std::vector<std::string> codes;
    for (const AnalysisTable::Row& row : table.rows)
        codes.push_back(row.kode);

    SensitivityResult result;
    result.options = options;
    result.rankMin.assign(n, 0);
    result.rankMax.assign(n, 0);
    result.topShare.assign(n, 0.0);
    std::vector<int> inTop(n, 0);
    auto record = [&](const PriorityResult& p) {
        for (std::size_t i = 0; i < n; ++i) {
            const int r = p.rank[i];
            if (r <= 0)
                continue;
            result.rankMin[i] = result.rankMin[i] == 0 ? r : std::min(result.rankMin[i], r);
            result.rankMax[i] = std::max(result.rankMax[i], r);
            if (r <= options.topN)
                ++inTop[i];
        }
    };
    record(table.priority);
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> factor(1.0 - options.perturbation, 1.0 + options.perturbation);
    for (int draw = 1; draw < options.draws; ++draw) {
        PriorityScheme perturbed = table.scheme;
        for (SchemeIndicator& ind : perturbed.indicators)
            ind.weight *= factor(rng);
        record(scorePriority(perturbed, codes, table.inputs));
    }
    for (std::size_t i = 0; i < n; ++i)
        result.topShare[i] = static_cast<double>(inTop[i]) / static_cast<double>(options.draws);
    return result;
}

void writeAnalysisCsv(const AnalysisTable& table, const std::string& path)
{
    std::string text = "kode,nama,kecamatan";
    for (const std::string& c : table.columns)
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
        text += '\n';
    }
    detail::writeFileAtomically(path, text);
}

} // namespace gis
