#include "gis/hotspots.h"

#include "detail/textfile.h"

#include "detail/geos.h"
#include "gis/error.h"
#include "gis/geodesicsearch.h"
#include "gis/geodesy.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/smoothing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <system_error>
#include <utility>

namespace gis {

namespace {

using detail::geosHandle;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// No direction has more metres per degree than this on WGS 84 (the meridian degree at the
/// poles is 111,694 m; the parallel degree at most 111,320 m).
constexpr double kMaxMetresPerDegree = 111700.0;
/// The meridian degree is at least this long (at the equator): a(1 - e²)·π/180 = 110,574.3 m,
/// rounded down.
constexpr double kMinMeridianDegreeM = 110574.0;
static_assert(kMinMeridianDegreeM <= geodesy::kMinMeridianRadiusM * geodesy::kDegToRad);
/// The parallel degree is at least this times cos(latitude): a·π/180 = 111,319.5 m, rounded down.
constexpr double kEquatorDegreeM = 111319.0;
static_assert(kEquatorDegreeM <= geodesy::kSemiMajorAxisM * geodesy::kDegToRad);

std::string geosFailure(const char* operation)
{
    std::string why = detail::GeosContext::forThisThread().takeLastError();
    return std::string("geometry operation '") + operation + "' failed" + (why.empty() ? std::string{} : ": " + why);
}

/// Uniform integer in [0, n), the same on every platform (std::uniform_int_distribution is not).
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t n)
{
    const std::uint64_t threshold = (0 - n) % n; // 2^64 mod n: reject the incomplete last block
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold)
            return r % n;
    }
}

/// One-sided pseudo p-value: extremes are the permuted values at or beyond the observed on
/// its side of their distribution.
double pseudoP(double observed, const std::vector<double>& permuted)
{
    std::size_t above = 0, below = 0;
    for (double v : permuted) {
        if (v >= observed)
            ++above;
        if (v <= observed)
            ++below;
    }
    const std::size_t extremes = std::min(above, below);
    return (static_cast<double>(extremes) + 1.0) / (static_cast<double>(permuted.size()) + 1.0);
}

/// The z-values (x - mean) of the members, and their mean.
std::vector<double> deviations(const std::vector<double>& values, const StatisticSubset& subset, double& mean)
{
    const std::size_t n = subset.members.size();
    if (n < 3)
        throw Error(fmt::format("Moran's I needs at least 3 areas that have a value and a neighbour with a value; "
                                "found {} ({} islands, {} without a value)",
                                n, subset.islands.size(), subset.missing.size()));
    double sum = 0.0;
    for (std::size_t m : subset.members)
        sum += values[m];
    mean = sum / static_cast<double>(n);
    std::vector<double> z(n);
    double ss = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        z[k] = values[subset.members[k]] - mean;
        ss += z[k] * z[k];
    }
    if (!(ss > 0.0))
        throw Error(fmt::format("Moran's I is undefined: all {} areas taking part have the same value ({})", n, mean));
    return z;
}

double lagOf(const SpatialWeights& w, const std::vector<double>& z, std::size_t i)
{
    double lag = 0.0;
    for (std::size_t t = 0; t < w.neighbours[i].size(); ++t)
        lag += w.weights[i][t] * z[w.neighbours[i][t]];
    return lag;
}

/// Σ_i z_i · lag_i / Σ z_i² (row-standardised, so n / S0 = 1).
double moranOf(const SpatialWeights& w, const std::vector<double>& z, double ss)
{
    double cross = 0.0;
    for (std::size_t i = 0; i < z.size(); ++i)
        cross += z[i] * lagOf(w, z, i);
    return cross / ss;
}

double sumOfSquares(const std::vector<double>& z)
{
    double ss = 0.0;
    for (double v : z)
        ss += v * v;
    return ss;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------

std::vector<std::size_t> SpatialWeights::islands() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        if (neighbours[i].empty())
            out.push_back(i);
    return out;
}

bool SpatialWeights::isSymmetric() const
{
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        for (std::size_t j : neighbours[i])
            if (!std::binary_search(neighbours[j].begin(), neighbours[j].end(), i))
                return false;
    return true;
}

SpatialWeights SpatialWeights::fromNeighbours(std::vector<std::vector<std::size_t>> lists)
{
    SpatialWeights w;
    const std::size_t n = lists.size();
    for (std::size_t i = 0; i < n; ++i) {
        auto& list = lists[i];
        for (std::size_t j : list)
            if (j >= n)
                throw Error(
                    fmt::format("spatial weights: area {} has neighbour {}, but there are only {} areas", i, j, n));
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
        list.erase(std::remove(list.begin(), list.end(), i), list.end());
        w.weights.emplace_back(list.size(), list.empty() ? 0.0 : 1.0 / static_cast<double>(list.size()));
    }
    w.neighbours = std::move(lists);
    return w;
}

SpatialWeights queenContiguity(const std::vector<MultiPolygon>& polygons, double toleranceM)
{
    if (!std::isfinite(toleranceM) || toleranceM < 0.0)
        throw Error(fmt::format("queen contiguity: the tolerance must be 0 or more metres (got {})", toleranceM));
    auto h = geosHandle();
    const std::size_t n = polygons.size();
    std::vector<detail::GeosGeomPtr> geometries;
    std::vector<detail::GeosPreparedPtr> prepared;
    std::vector<Extent> extents(n);
    std::vector<std::size_t> ids(n);
    geometries.reserve(n);
    prepared.reserve(n);
    detail::GeosTreePtr tree(GEOSSTRtree_create_r(h, 10));
    for (std::size_t i = 0; i < n; ++i) {
        geometries.push_back(detail::toGeos(polygons[i]));
        prepared.emplace_back(GEOSPrepare_r(h, geometries.back().get()));
        if (!prepared.back())
            throw GeometryError(geosFailure("prepare"));
        extents[i] = extentOf(polygons[i]);
        ids[i] = i;
        if (!extents[i].isEmpty())
            GEOSSTRtree_insert_r(h, tree.get(), geometries.back().get(), &ids[i]);
    }

    std::vector<std::vector<std::size_t>> lists(n);
    const double sureDeg = toleranceM / kMaxMetresPerDegree;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < n; ++i) {
        const Extent& e = extents[i];
        if (e.isEmpty())
            continue;
        const double latMargin = toleranceM / kMinMeridianDegreeM;
        const double maxAbsLat = std::min(89.0, std::max(std::fabs(e.minY), std::fabs(e.maxY)) + latMargin);
        const double metresPerDegree =
            std::min(kMinMeridianDegreeM, kEquatorDegreeM * std::cos(geodesy::radians(maxAbsLat)));
        const double maybeDeg = toleranceM / metresPerDegree * 1.001;
        detail::GeosGeomPtr box = detail::checked(
            GEOSGeom_createRectangle_r(h, e.minX - maybeDeg, e.minY - maybeDeg, e.maxX + maybeDeg, e.maxY + maybeDeg),
            "envelope");
        candidates.clear();
        GEOSSTRtree_query_r(
            h, tree.get(), box.get(),
            [](void* item, void* userdata) {
                static_cast<std::vector<std::size_t>*>(userdata)->push_back(*static_cast<const std::size_t*>(item));
            },
            &candidates);
        std::sort(candidates.begin(), candidates.end());
        for (std::size_t j : candidates) {
            if (j <= i)
                continue;
            char within = GEOSPreparedDistanceWithin_r(h, prepared[i].get(), geometries[j].get(), sureDeg);
            if (within == 2)
                throw GeometryError(geosFailure("distance within"));
            bool neighbours = within == 1;
            if (!neighbours && toleranceM > 0.0) {
                within = GEOSPreparedDistanceWithin_r(h, prepared[i].get(), geometries[j].get(), maybeDeg);
                if (within == 2)
                    throw GeometryError(geosFailure("distance within"));
                if (within == 1) {
                    GEOSCoordSequence* seq = GEOSPreparedNearestPoints_r(h, prepared[i].get(), geometries[j].get());
                    if (!seq)
                        throw GeometryError(geosFailure("nearest points"));
                    Point a, b;
                    GEOSCoordSeq_getXY_r(h, seq, 0, &a.x, &a.y);
                    GEOSCoordSeq_getXY_r(h, seq, 1, &b.x, &b.y);
                    GEOSCoordSeq_destroy_r(h, seq);
                    neighbours = geodesicDistanceM(a, b) <= toleranceM;
                }
            }
            if (neighbours) {
                lists[i].push_back(j);
                lists[j].push_back(i);
            }
        }
    }
    return SpatialWeights::fromNeighbours(std::move(lists));
}

SpatialWeights knnWeights(const std::vector<Point>& points, std::size_t k)
{
    const std::size_t n = points.size();
    if (k == 0 || k >= n)
        throw Error(fmt::format("k-nearest-neighbour weights: k must be between 1 and the number of areas less one "
                                "({}); got {}",
                                n == 0 ? 0 : n - 1, k));
    // Each area's k nearest others, by index: a second area at the same point is still a
    // neighbour (at distance 0). Ties go to the lower index (GeodesicPointIndex).
    const GeodesicPointIndex index(points);
    std::vector<std::vector<std::size_t>> lists(n);
    for (std::size_t i = 0; i < n; ++i)
        for (const GeodesicPointIndex::Hit& hit : index.nearestK(points[i], k, i))
            lists[i].push_back(hit.index);
    return SpatialWeights::fromNeighbours(std::move(lists));
}

SpatialWeights knnWeights(const std::vector<MultiPolygon>& polygons, std::size_t k)
{
    std::vector<Point> points;
    points.reserve(polygons.size());
    for (const MultiPolygon& mp : polygons) {
        if (mp.empty())
            throw Error("k-nearest-neighbour weights: an area has no geometry; give every area a polygon");
        points.push_back(pointOnSurface(mp));
    }
    return knnWeights(points, k);
}

// ---------------------------------------------------------------------------------------
// Moran's I
// ---------------------------------------------------------------------------------------

StatisticSubset statisticSubset(const std::vector<double>& values, const SpatialWeights& weights)
{
    if (values.size() != weights.size())
        throw Error(fmt::format("Moran's I: {} values for {} areas in the weights", values.size(), weights.size()));
    const std::size_t n = values.size();
    StatisticSubset s;
    std::vector<bool> member(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        member[i] = std::isfinite(values[i]);
        if (!member[i])
            s.missing.push_back(i);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (!member[i])
                continue;
            const auto& list = weights.neighbours[i];
            if (std::none_of(list.begin(), list.end(), [&](std::size_t j) { return static_cast<bool>(member[j]); })) {
                member[i] = false;
                s.islands.push_back(i);
                changed = true;
            }
        }
    }
    std::sort(s.islands.begin(), s.islands.end());
    std::vector<std::size_t> at(n, n);
    for (std::size_t i = 0; i < n; ++i)
        if (member[i]) {
            at[i] = s.members.size();
            s.members.push_back(i);
        }
    std::vector<std::vector<std::size_t>> lists(s.members.size());
    for (std::size_t k = 0; k < s.members.size(); ++k)
        for (std::size_t j : weights.neighbours[s.members[k]])
            if (member[j])
                lists[k].push_back(at[j]);
    s.weights = SpatialWeights::fromNeighbours(std::move(lists));
    return s;
}

HotspotsCancelled::HotspotsCancelled() : Error("hotspots: stopped before the end; nothing was computed") {}

MoranResult globalMoran(const std::vector<double>& values, const SpatialWeights& weights, const MoranOptions& options)
{
    const StatisticSubset subset = statisticSubset(values, weights);
    double mean = 0.0;
    std::vector<double> z = deviations(values, subset, mean);
    const double ss = sumOfSquares(z);
    const std::size_t n = z.size();

    MoranResult r;
    r.n = n;
    r.islands = subset.islands;
    r.missing = subset.missing;
    r.i = moranOf(subset.weights, z, ss);
    r.expected = -1.0 / static_cast<double>(n - 1);
    r.permutations = std::max(0, options.permutations);
    if (r.permutations == 0) {
        r.pValue = r.zPermutation = r.permutedMean = r.permutedSd = kNaN;
        return r;
    }
    std::mt19937_64 rng(options.seed);
    std::vector<double> permuted(static_cast<std::size_t>(r.permutations));
    for (double& value : permuted) {
        if (options.stop.stop_requested())
            throw HotspotsCancelled();
        for (std::size_t t = n - 1; t > 0; --t)
            std::swap(z[t], z[uniformBelow(rng, t + 1)]);
        value = moranOf(subset.weights, z, ss);
    }
    double sum = 0.0;
    for (double v : permuted)
        sum += v;
    r.permutedMean = sum / static_cast<double>(permuted.size());
    double var = 0.0;
    for (double v : permuted)
        var += (v - r.permutedMean) * (v - r.permutedMean);
    r.permutedSd = permuted.size() > 1 ? std::sqrt(var / static_cast<double>(permuted.size() - 1)) : 0.0;
    r.zPermutation = r.permutedSd > 0.0 ? (r.i - r.permutedMean) / r.permutedSd : kNaN;
    r.pValue = pseudoP(r.i, permuted);
    return r;
}

// ---------------------------------------------------------------------------------------
// LISA
// ---------------------------------------------------------------------------------------

std::string clusterName(Cluster c)
{
    switch (c) {
    case Cluster::HighHigh:
        return "high-high";
    case Cluster::LowLow:
        return "low-low";
    case Cluster::HighLow:
        return "high-low";
    case Cluster::LowHigh:
        return "low-high";
    case Cluster::NotSignificant:
        return "not significant";
    case Cluster::NotTested:
        return "not tested";
    }
    return "not tested";
}

std::map<Cluster, std::size_t> LisaResult::counts() const
{
    std::map<Cluster, std::size_t> out;
    for (Cluster c : cluster)
        out[c]++;
    return out;
}

std::vector<bool> benjaminiHochberg(const std::vector<double>& pValues, double alpha)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i]))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pValues[a] < pValues[b]; });
    const double m = static_cast<double>(order.size());
    std::size_t cut = 0; // number significant
    for (std::size_t r = 0; r < order.size(); ++r)
        if (pValues[order[r]] <= static_cast<double>(r + 1) * alpha / m)
            cut = r + 1;
    std::vector<bool> out(pValues.size(), false);
    for (std::size_t r = 0; r < cut; ++r)
        out[order[r]] = true;
    return out;
}

LisaResult localMoran(const std::vector<double>& values, const SpatialWeights& weights, const LisaOptions& options)
{
    const StatisticSubset subset = statisticSubset(values, weights);
    double mean = 0.0;
    const std::vector<double> z = deviations(values, subset, mean);
    const std::size_t n = z.size();
    const double m2 = sumOfSquares(z) / static_cast<double>(n);
    const SpatialWeights& w = subset.weights;

    LisaResult r;
    r.mean = mean;
    r.localI.assign(values.size(), kNaN);
    r.lag.assign(values.size(), kNaN);
    r.pValue.assign(values.size(), kNaN);
    r.cluster.assign(values.size(), Cluster::NotTested);

    const int permutations = std::max(0, options.permutations);
    std::mt19937_64 rng(options.seed);
    std::vector<std::size_t> pool(n), where(n);
    std::iota(pool.begin(), pool.end(), std::size_t{0});
    std::iota(where.begin(), where.end(), std::size_t{0});
    auto swapPool = [&](std::size_t a, std::size_t b) {
        std::swap(pool[a], pool[b]);
        where[pool[a]] = a;
        where[pool[b]] = b;
    };
    std::vector<double> permuted(static_cast<std::size_t>(permutations));
    std::vector<double> localZLag(n);
    std::vector<double> p(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
        if (options.stop.stop_requested())
            throw HotspotsCancelled();
        const double zLag = lagOf(w, z, i);
        localZLag[i] = zLag;
        const double observed = z[i] / m2 * zLag;
        r.localI[subset.members[i]] = observed;
        r.lag[subset.members[i]] = zLag + mean;
        if (permutations == 0)
            continue;
        // Conditional permutation: i keeps its value; its |N_i| neighbours' values are drawn
        // without replacement from the other n - 1 areas (i is kept at the end of the pool).
        swapPool(where[i], n - 1);
        const std::size_t k = w.neighbours[i].size();
        for (double& value : permuted) {
            double lag = 0.0;
            for (std::size_t t = 0; t < k; ++t) {
                swapPool(t, t + uniformBelow(rng, n - 1 - t));
                lag += w.weights[i][t] * z[pool[t]];
            }
            value = z[i] / m2 * lag;
        }
        p[i] = pseudoP(observed, permuted);
    }

    std::vector<bool> significant(n, false);
    if (options.fdr) {
        significant = benjaminiHochberg(p, options.alpha);
    } else {
        for (std::size_t i = 0; i < n; ++i)
            significant[i] = !std::isnan(p[i]) && p[i] <= options.alpha;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = subset.members[i];
        r.pValue[at] = p[i];
        if (!significant[i]) {
            r.cluster[at] = Cluster::NotSignificant;
            continue;
        }
        const bool high = z[i] > 0.0;
        const bool highLag = localZLag[i] > 0.0;
        r.cluster[at] =
            high ? (highLag ? Cluster::HighHigh : Cluster::HighLow) : (highLag ? Cluster::LowHigh : Cluster::LowLow);
    }
    return r;
}

// ---------------------------------------------------------------------------------------
// The per-village analysis
// ---------------------------------------------------------------------------------------

std::map<std::string, double> hotspotValues(const Dataset& ds, const std::string& key, const std::string& period)
{
    if (key == "poverty_rate_eb")
        return empiricalBayesPovertyRate(ds, period);
    const auto available = availableIndicators(ds);
    if (std::none_of(available.begin(), available.end(), [&](const IndicatorInfo& info) { return info.key == key; })) {
        std::string keys;
        for (const IndicatorInfo& info : available)
            keys += (keys.empty() ? "" : ", ") + info.key;
        throw Error(fmt::format("unknown indicator '{}' for hotspots; use one of: {}, poverty_rate_eb (Empirical "
                                "Bayes smoothed poverty rate, %)",
                                key, keys));
    }
    return indicatorValues(ds, key, period);
}

HotspotResult analyzeHotspots(const Dataset& ds, const std::string& key, const HotspotOptions& options)
{
    HotspotResult result;
    result.key = key;
    result.options = options;
    result.period = !options.period.empty() ? options.period
        : key == "poverty_rate_eb"          ? latestPeriod(ds, "miskin")
                                            : latestPeriod(ds, key);
    const std::map<std::string, double> byCode = hotspotValues(ds, key, options.period);
    const std::vector<const Area*> villages = ds.villages();
    if (villages.empty())
        throw Error("hotspots: the dataset has no pekon or kelurahan");

    std::vector<MultiPolygon> polygons;
    std::vector<double> values;
    for (const Area* a : villages) {
        polygons.push_back(a->geometry);
        const auto it = byCode.find(a->code);
        values.push_back(it == byCode.end() ? kNaN : it->second);
    }
    const SpatialWeights w = options.weights == WeightsKind::Queen ? queenContiguity(polygons, options.toleranceM)
                                                                   : knnWeights(polygons, options.k);
    if (options.stop.stop_requested())
        throw HotspotsCancelled();
    result.global = globalMoran(values, w, MoranOptions{options.permutations, options.seed, options.stop});
    const LisaResult lisa = localMoran(
        values, w, LisaOptions{options.permutations, options.seed, options.alpha, options.fdr, options.stop});
    result.clusterCounts = lisa.counts();
    for (std::size_t i : result.global.islands)
        result.islandCodes.push_back(villages[i]->code);
    for (std::size_t i : result.global.missing)
        result.missingCodes.push_back(villages[i]->code);
    for (std::size_t i = 0; i < villages.size(); ++i) {
        HotspotRow row;
        row.kode = villages[i]->code;
        row.nama = villages[i]->name;
        if (const Area* parent = ds.findArea(villages[i]->parentCode))
            row.kecamatan = parent->name;
        row.value = values[i];
        row.lag = lisa.lag[i];
        row.localI = lisa.localI[i];
        row.pValue = lisa.pValue[i];
        row.cluster = lisa.cluster[i];
        row.nNeighbours = w.neighbours[i].size();
        result.rows.push_back(std::move(row));
    }
    return result;
}

void writeHotspotsCsv(const HotspotResult& result, const std::string& path)
{
    std::string text = "kode,nama,kecamatan,value,lag,local_i,p_value,cluster,n_neighbours\n";
    for (const HotspotRow& row : result.rows) {
        text += detail::csvQuoted(row.kode) + "," + detail::csvQuoted(row.nama) + "," + detail::csvQuoted(row.kecamatan)
            + ",";
        text += csvNumber(row.value) + "," + csvNumber(row.lag) + "," + csvNumber(row.localI) + ",";
        text += csvNumber(row.pValue) + "," + detail::csvQuoted(clusterName(row.cluster)) + ",";
        text += fmt::format("{}\n", row.nNeighbours);
    }
    detail::writeFileAtomically(path, text);
}

} // namespace gis
