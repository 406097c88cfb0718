#pragma once
/// \file hotspots.h
/// Spatial weights (queen contiguity with a tolerance, k nearest neighbours), global Moran's I
/// with a permutation test, and local Moran (LISA) clusters with an optional False Discovery
/// Rate correction. Everything is seeded: the same inputs and seed give the same results.
///
/// \note Thread safety: no function here keeps state between calls (each permutation test owns
/// its random generator, seeded from the options), so all may run at the same time on different
/// or the same const inputs; analyzeHotspots only reads the Dataset. GEOS work (queenContiguity)
/// runs in the calling thread's own GEOS context.
#include "gis/dataset.h"
#include "gis/error.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

namespace gis {

// ---------------------------------------------------------------------------------------
// Spatial weights
// ---------------------------------------------------------------------------------------

/// \brief Row-standardised spatial weights: neighbours[i] sorted ascending, weights[i][k] =
/// 1 / neighbours[i].size(). An area without neighbours is an island.
struct SpatialWeights {
    std::vector<std::vector<std::size_t>> neighbours;
    std::vector<std::vector<double>> weights;

    std::size_t size() const noexcept { return neighbours.size(); }
    /// \brief Areas without neighbours, ascending.
    std::vector<std::size_t> islands() const;
    /// \brief True when j is a neighbour of i exactly when i is a neighbour of j.
    bool isSymmetric() const;
    /// \brief Builds row-standardised weights from neighbour lists (sorted, duplicates and
    /// self-links removed). \throws Error when an index is out of range.
    static SpatialWeights fromNeighbours(std::vector<std::vector<std::size_t>> neighbours);
};

/// \brief Queen contiguity with a tolerance: i and j are neighbours when their polygons come
/// within \a toleranceM metres of each other (touching at a single corner is enough, which is
/// what makes it "queen" rather than "rook"; overlaps count too).
///
/// The tolerance bridges the sliver gaps that simplified boundary files have between
/// neighbours. Candidates come from a GEOS STRtree with the envelopes expanded by the tolerance
/// in degrees at the area's latitude; each is then tested with GEOS planar distance in degrees
/// (prepared geometry): a planar distance d° is certainly within the tolerance when
/// d° · 111,700 m ≤ toleranceM (no direction has more metres per degree on WGS 84), and
/// otherwise, when it could be, the geodesic distance between GEOS's nearest points decides.
/// Polygons are EPSG:4326 degrees. Empty polygons are islands.
/// \throws Error when \a toleranceM is negative or not finite; GeometryError if GEOS fails.
SpatialWeights queenContiguity(const std::vector<MultiPolygon>& polygons, double toleranceM = 50.0);

/// \brief k nearest neighbours by geodesic distance (WGS 84) between points (EPSG:4326);
/// ties broken by the lower index; an area is never its own neighbour, but another area at the
/// same point is one. Not symmetric in general. Exact: GeodesicPointIndex::nearestK
/// (geodesicsearch.h, where the pruning bound is proved).
/// \throws Error when k is 0 or not less than the number of points.
SpatialWeights knnWeights(const std::vector<Point>& points, std::size_t k);

/// \brief k nearest neighbours between the polygons' point-on-surface points.
SpatialWeights knnWeights(const std::vector<MultiPolygon>& polygons, std::size_t k);

// ---------------------------------------------------------------------------------------
// Moran's I
// ---------------------------------------------------------------------------------------

/// \brief Which areas take part in the statistics: those with a finite value and at least one
/// neighbour that takes part. Weights are restricted to the taking-part areas and
/// row-standardised again; areas left with no neighbours are islands (repeated until stable).
struct StatisticSubset {
    std::vector<std::size_t> members; ///< indices of the areas taking part, ascending
    std::vector<std::size_t> islands; ///< areas with a value but no neighbour with a value
    std::vector<std::size_t> missing; ///< areas without a (finite) value
    SpatialWeights weights;           ///< over members (indices into members)
};

StatisticSubset statisticSubset(const std::vector<double>& values, const SpatialWeights& weights);

struct MoranOptions {
    int permutations = 999;     ///< 0 = no permutation test (p and z are NaN)
    std::uint64_t seed = 12345; ///< std::mt19937_64 seed
    std::stop_token stop;       ///< requested (from any thread): HotspotsCancelled at the next permutation
};

/// \brief A hotspot computation stopped through its options' stop token; it returned nothing.
class HotspotsCancelled : public Error {
public:
    HotspotsCancelled();
};

/// \brief Global Moran's I of the areas taking part (see StatisticSubset), row-standardised:
///     z_i = x_i - mean(x),   I = (n / S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i²   with S0 = n.
/// The permutation test shuffles the values over the areas \a permutations times; with
/// `extremes` the permuted I at or beyond the observed on its side of their distribution
/// (min of ≥ and ≤ counts), pseudo p = (extremes + 1) / (permutations + 1) (one-sided, as
/// PySAL's p_sim). zPermutation = (I - mean of permuted I) / their standard deviation.
struct MoranResult {
    double i = 0.0;
    double expected = 0.0; ///< E[I] = -1 / (n - 1)
    double pValue = 0.0;   ///< pseudo p from the permutations
    double zPermutation = 0.0;
    double permutedMean = 0.0;
    double permutedSd = 0.0;
    int permutations = 0;
    std::size_t n = 0; ///< areas taking part
    std::vector<std::size_t> islands;
    std::vector<std::size_t> missing;
};

/// \throws Error when fewer than 3 areas take part or all their values are equal.
MoranResult globalMoran(const std::vector<double>& values, const SpatialWeights& weights,
                        const MoranOptions& options = {});

// ---------------------------------------------------------------------------------------
// Local Moran (LISA)
// ---------------------------------------------------------------------------------------

enum class Cluster { NotSignificant, HighHigh, LowLow, HighLow, LowHigh, NotTested };

/// \brief "high-high", "low-low", "high-low", "low-high", "not significant", "not tested"
/// (not tested: an island or an area without a value).
std::string clusterName(Cluster c);

struct LisaOptions {
    int permutations = 999;
    std::uint64_t seed = 12345;
    double alpha = 0.05; ///< significant when p <= alpha (or BH-significant with fdr)
    bool fdr = false;    ///< Benjamini-Hochberg over the tested areas at level alpha
    std::stop_token stop; ///< requested (from any thread): HotspotsCancelled at the next area
};

/// \brief Local Moran per area, in the input order:
///     I_i = (z_i / m2) · Σ_j w_ij z_j,   m2 = Σ_k z_k² / n,   lag_i = Σ_j w_ij x_j.
/// Conditional permutation: z_i stays, |N_i| values are drawn without replacement from the
/// other areas taking part; pseudo p as for the global test. The cluster is the quadrant of
/// (z_i, lag_i - mean): high-high when both are above the mean, etc., when significant.
/// Areas not taking part have NaN numbers and Cluster::NotTested.
struct LisaResult {
    std::vector<double> localI;
    std::vector<double> lag; ///< spatial lag of the value (weighted mean of the neighbours)
    std::vector<double> pValue;
    std::vector<Cluster> cluster;
    double mean = 0.0; ///< mean value of the areas taking part
    std::map<Cluster, std::size_t> counts() const;
};

/// \throws Error as globalMoran.
LisaResult localMoran(const std::vector<double>& values, const SpatialWeights& weights,
                      const LisaOptions& options = {});

/// \brief Benjamini-Hochberg: with p sorted ascending p_(1) ≤ ... ≤ p_(m), the largest k with
/// p_(k) ≤ k·alpha/m; the k smallest are significant. NaN p-values are ignored (not counted
/// in m, never significant). Returned in input order.
std::vector<bool> benjaminiHochberg(const std::vector<double>& pValues, double alpha);

// ---------------------------------------------------------------------------------------
// The per-village hotspot analysis
// ---------------------------------------------------------------------------------------

enum class WeightsKind { Queen, Knn };

struct HotspotOptions {
    std::string period; ///< empty = the latest period of the key (of miskin for derived keys)
    WeightsKind weights = WeightsKind::Queen;
    double toleranceM = 50.0; ///< queen
    std::size_t k = 6;        ///< knn
    int permutations = 999;
    std::uint64_t seed = 12345;
    double alpha = 0.05;
    bool fdr = false;
    /// Requested (from any thread): analyzeHotspots throws HotspotsCancelled at its next check
    /// (between permutations of the global test, between areas of the local one).
    std::stop_token stop;
};

struct HotspotRow {
    std::string kode;
    std::string nama;
    std::string kecamatan; ///< kecamatan name ("" when not in the dataset)
    double value = 0.0;    ///< NaN when missing
    double lag = 0.0;
    double localI = 0.0;
    double pValue = 0.0;
    Cluster cluster = Cluster::NotTested;
    std::size_t nNeighbours = 0; ///< in the weights (before leaving out areas without values)
};

struct HotspotResult {
    std::string key;
    std::string period;
    HotspotOptions options;
    MoranResult global;
    std::vector<HotspotRow> rows; ///< Dataset::villages() order
    std::vector<std::string> islandCodes;
    std::vector<std::string> missingCodes;
    std::map<Cluster, std::size_t> clusterCounts;
};

/// \brief Values of \a key per village code: any key indicatorValues accepts, plus
/// `poverty_rate_eb` (empiricalBayesPovertyRate, %).
std::map<std::string, double> hotspotValues(const Dataset& ds, const std::string& key, const std::string& period = {});

/// \brief Weights, global Moran and LISA of \a key over the villages.
/// \throws Error for an unknown key, no values, or as globalMoran; GeometryError from GEOS.
HotspotResult analyzeHotspots(const Dataset& ds, const std::string& key, const HotspotOptions& options = {});

/// \brief CSV, one row per village: kode, nama, kecamatan, value, lag, local_i, p_value,
/// cluster, n_neighbours (text quoted, missing numbers empty). Written under a temporary name
/// beside \a path and renamed over it. \throws OutputError naming the file.
void writeHotspotsCsv(const HotspotResult& result, const std::string& path);

} // namespace gis
