#pragma once
/// \file analysis.h
/// Per-village analysis: poverty density and rate, service coverage (facilities inside and
/// distance to the nearest of each kind), remoteness (distance to the regency capital and to
/// the kecamatan), and the composite priority score with each indicator's contribution.
///
/// Distances are geodesic on WGS 84 (PROJ's geodesic routines), in km, measured from the
/// village's point-on-surface (gis::pointOnSurface, a point guaranteed inside the polygon).
/// Missing numbers are NaN (written as empty cells in CSV).
#include "gis/dataset.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gis {

// ---------------------------------------------------------------------------------------
// Per-village measures
// ---------------------------------------------------------------------------------------

/// \brief Measures of one village (pekon/kelurahan) for one period.
struct VillageMeasures {
    std::string code;            ///< Kemendagri code, text
    std::string name;
    std::string kecamatanCode;   ///< parent code; empty when the area has none
    std::string kecamatanName;   ///< empty when the parent kecamatan is not in the dataset
    Point point;                 ///< point-on-surface of the village polygon (EPSG:4326)
    double areaKm2 = 0.0;        ///< ellipsoidal area
    double penduduk = 0.0;       ///< population; NaN when missing for the period
    double miskin = 0.0;         ///< poor people; NaN when missing for the period
    double povertyRate = 0.0;    ///< 100 * miskin / penduduk (%); NaN when either is missing or penduduk is 0
    double poorDensityKm2 = 0.0; ///< miskin / area_km2 (people per km²); NaN when miskin is missing
    /// By kind, in VillageMeasuresResult::kinds order (flat, not a map per village: national
    /// projects have 84,000 villages): facilities inside the village.
    std::vector<int> facilityCount;
    /// By kind, in VillageMeasuresResult::kinds order: km to the nearest (0 when one is inside).
    std::vector<double> nearestKm;
    double distCapitalKm = 0.0;  ///< km to the regency capital (meta capital_lon/capital_lat)
    /// km to the kecamatan's point-on-surface (or to the kecamatan capital when meta gives
    /// "kecamatan_capital_lon.<code>" and "kecamatan_capital_lat.<code>"); NaN without a kecamatan.
    double distKecamatanKm = 0.0;
};

struct VillageMeasuresResult {
    std::string period;                   ///< the period used (the latest of "miskin" when none given)
    std::vector<std::string> kinds;       ///< facility kinds present in the dataset, sorted
    Point capital;                        ///< the regency capital used
    std::vector<VillageMeasures> villages; ///< in Dataset::villages() order

    /// \brief Position of \a kind in kinds; nullopt when the dataset has no facility of that kind.
    std::optional<std::size_t> kindIndex(const std::string& kind) const;
    /// \brief Facilities of \a kind inside \a village. \throws Error for a kind not in kinds.
    int facilityCount(const VillageMeasures& village, const std::string& kind) const;
    /// \brief km from \a village to the nearest facility of \a kind. \throws Error for a kind not in kinds.
    double nearestKm(const VillageMeasures& village, const std::string& kind) const;
};

/// \brief Computes the per-village measures.
/// Facility counts use Facility::areaCode when it names a village, else point-in-polygon
/// (gis::PolygonIndex; a point on a shared boundary counts for the first village found).
/// Nearest distances use NearestPointIndex (exact, see there).
/// \param period empty = the latest period of "miskin"
/// \throws Error when meta "capital_lon"/"capital_lat" are absent or not numbers (the message
/// says how to set the capital) or when the dataset has no villages.
VillageMeasuresResult computeVillageMeasures(const Dataset& ds, const std::string& period = {});

/// \brief Exact nearest-neighbour search among points by geodesic distance.
///
/// Points are kept in a kd-tree of unit vectors (geodetic latitude and longitude taken as on a
/// sphere). The bound that makes pruning exact: on an ellipsoid of revolution the line element
/// is ds² = M(φ)² dφ² + N(φ)² cos²φ dλ², with the meridian radius M(φ) ≥ a(1 - e²) =
/// 6,335,439 m and the prime-vertical radius N(φ) ≥ a > a(1 - e²) on WGS 84, so every path
/// (the geodesic included) is at least a(1 - e²) times the angle between the two unit vectors.
/// A tree box whose nearest possible angle gives a bound above the best geodesic distance so
/// far cannot hold a nearer point, so pruning never changes the result (the bound is shrunk by
/// 1e-9 relative against rounding). Ties go to the lower index.
class NearestPointIndex {
public:
    explicit NearestPointIndex(std::vector<Point> points);
    struct Hit {
        std::size_t index = 0;   ///< index into the constructor's points
        double distanceM = 0.0;  ///< geodesic distance in metres
    };
    /// \brief The nearest point (lowest index among equally near ones); \throws Error when empty.
    Hit nearest(Point query) const;
    std::size_t size() const noexcept { return mPoints.size(); }

private:
    struct Node {
        double lo[3], hi[3];       ///< bounding box of the node's unit vectors
        std::size_t begin, end;    ///< range in mOrder
        std::size_t left, right;   ///< child nodes; 0 for a leaf (the root is never a child)
    };
    std::size_t build(std::size_t begin, std::size_t end);
    /// \a prunableChord2Limit: squared chord beyond which a point cannot beat \a best.
    void search(std::size_t node, const double q[3], Point query, Hit& best, double& prunableChord2Limit) const;

    std::vector<Point> mPoints;              ///< as given
    std::vector<std::array<double, 3>> mUnit; ///< unit vectors, by point index
    std::vector<std::size_t> mOrder;         ///< point indices, grouped by tree node
    std::vector<Node> mNodes;
};

/// \brief Column-name form of a facility kind: lower case, other than [a-z0-9] becomes '_'
/// ("PUSKESSOS" -> "puskessos", so columns n_puskessos and dist_puskessos_km).
std::string kindColumnName(const std::string& kind);

/// \brief The regency capital from meta capital_lon / capital_lat (WGS 84 degrees).
/// \throws Error telling the user to set them when they are missing.
Point capitalOf(const Dataset& ds);

// ---------------------------------------------------------------------------------------
// Priority score
// ---------------------------------------------------------------------------------------

enum class Direction { HigherIsWorse, HigherIsBetter };

/// How an indicator's values are brought to a common scale, oriented so that higher means
/// more priority (for HigherIsBetter the scale is reversed):
/// - MinMax: (x - min) / (max - min), in [0, 1]; 0 for every village when max == min.
/// - ZScore: (x - mean) / sd with the population standard deviation (divide by n); 0 when sd == 0.
/// - PercentileRank: (below + (equal - 1) / 2) / (n - 1), in [0, 1] (ties get the mid rank);
///   0 when n == 1.
enum class Normalisation { MinMax, ZScore, PercentileRank };

/// What happens to a village that lacks a value of a scheme indicator. Every case is reported.
/// Statistics (min, max, mean, ...) are always computed over the villages that have a value.
enum class MissingRule {
    ExcludeVillage, ///< the village gets no score and no rank
    FillWorst,      ///< the indicator's worst observed value (max if higher is worse, else min)
    FillMedian,     ///< the indicator's median observed value
};

struct SchemeIndicator {
    std::string key;   ///< a column of the analysis table (e.g. poverty_rate, dist_puskessos_km),
                       ///< no_<kind> (1 when the village has none inside), or a stored indicator key
    Direction direction = Direction::HigherIsWorse;
    Normalisation normalisation = Normalisation::MinMax;
    double weight = 1.0; ///< >= 0; weights are divided by their sum
};

struct PriorityScheme {
    std::string name;
    std::vector<SchemeIndicator> indicators;
    MissingRule missing = MissingRule::ExcludeVillage;
};

/// \brief The default "remote-area priority" scheme: poverty_rate, poor_density_km2,
/// dist_puskessos_km, no_bumdes, dist_capital_km; all higher-is-worse, min-max, equal weights;
/// villages missing a value are excluded (and reported).
PriorityScheme defaultPriorityScheme();

/// \brief A filled or excluded missing value.
struct MissingValue {
    std::string code;   ///< village code
    std::string key;    ///< indicator key
    double filledWith;  ///< NaN when the village was excluded
};

/// \brief The score of each village, in the order of the codes given.
///
/// composite = Σ wᵢ·nᵢ with nᵢ the oriented normalised value and Σ wᵢ = 1.
/// - When no indicator uses ZScore, every nᵢ is in [0, 1]: score = 100·composite and the
///   contribution of indicator i is 100·wᵢ·nᵢ points.
/// - When any indicator uses ZScore the composite is unbounded, so it is mapped to 0-100 by
///   min-max over the scored villages: score = 100·(c - c_min)/(c_max - c_min), and the
///   contribution of indicator i is 100·wᵢ·(nᵢ - nᵢ of the lowest-scoring village)/(c_max - c_min),
///   i.e. points relative to the lowest-priority village (may be negative). All score 0 when
///   c_max == c_min.
/// In both cases the contributions of a village sum to its score.
/// Rank 1 = highest priority; equal scores (to 1e-9 points) are ordered by code.
struct PriorityResult {
    std::vector<double> score;                     ///< NaN when excluded
    std::vector<int> rank;                         ///< 0 when excluded
    std::vector<std::vector<double>> contribution; ///< [village][indicator], NaN when excluded
    std::vector<MissingValue> missing;             ///< every missing value and what was done
    bool rescaled = false;                         ///< true when the composite was min-max rescaled
    std::size_t excludedCount() const;
    /// \brief One-paragraph report of the missing-value rule and what it did.
    std::string missingReport(MissingRule rule) const;
};

/// \brief Scores villages with a scheme.
/// \param codes village codes (ties in score are broken by code)
/// \param values indicator key -> one value per code (NaN = missing)
/// \throws Error when the scheme is empty, a weight is negative or not finite, the weights sum
/// to 0, a key is repeated, or a key has no column in \a values (the message lists the keys).
PriorityResult scorePriority(const PriorityScheme& scheme, const std::vector<std::string>& codes,
                             const std::map<std::string, std::vector<double>>& values);

/// \brief Scheme as JSON text:
/// {"name": ..., "missing": "exclude_village"|"fill_worst"|"fill_median",
///  "indicators": [{"key": ..., "direction": "higher_is_worse"|"higher_is_better",
///                  "normalisation": "minmax"|"zscore"|"percentile_rank", "weight": 1.0}, ...]}
std::string schemeToJson(const PriorityScheme& scheme);
/// \brief Parses scheme JSON; \a source names the file in messages.
/// \throws DataSourceError naming \a source and the bad field (e.g. indicators[2].direction).
PriorityScheme schemeFromJson(const std::string& json, const std::string& source);
/// \brief Reads a scheme file. \throws DataSourceError naming the file and the bad field.
PriorityScheme loadScheme(const std::string& path);

/// \brief Keeps \a scheme in the project's metadata (key "skema.<name>", JSON), replacing one of
/// the same name; saved with the project. \throws Error when the scheme has no name.
void storeScheme(Dataset& ds, const PriorityScheme& scheme);
/// \brief Names of the schemes kept in the project, sorted.
std::vector<std::string> storedSchemeNames(const Dataset& ds);
/// \brief A scheme kept in the project. \throws Error listing the kept names when there is none.
PriorityScheme storedScheme(const Dataset& ds, const std::string& name);
/// \brief Writes a scheme file atomically. \throws OutputError naming the file.
void saveScheme(const PriorityScheme& scheme, const std::string& path);

// ---------------------------------------------------------------------------------------
// The analysis table
// ---------------------------------------------------------------------------------------

/// \brief One row per village: kode, nama, kecamatan (name) and the numeric columns, in order:
/// area_km2, penduduk, miskin, poverty_rate, poor_density_km2, n_bumdes, n_puskessos,
/// dist_bumdes_km, dist_puskessos_km, dist_capital_km, priority_score, priority_rank;
/// contrib_<key> for each scheme indicator; then n_<kind> and dist_<kind>_km of the other
/// facility kinds (sorted); then dist_kecamatan_km (to the kecamatan's point-on-surface).
/// A kind with no facility in the dataset has n_ = 0 and an empty (NaN) dist_ column.
struct AnalysisTable {
    struct Row {
        std::string kode;
        std::string nama;
        std::string kecamatan;
        std::vector<double> values; ///< one per column; NaN = missing (priority_rank NaN when excluded)
    };
    std::string period;
    PriorityScheme scheme;
    std::vector<std::string> columns; ///< numeric column names
    std::vector<Row> rows;
    PriorityResult priority;          ///< in row order
    /// Every value a scheme key can name, per village in row order (the scoring inputs), so a
    /// caller can score again, e.g. with perturbed weights (prioritySensitivity).
    std::map<std::string, std::vector<double>> inputs;

    /// \brief Index of a numeric column. \throws Error listing the columns when unknown.
    std::size_t column(const std::string& name) const;
    double value(std::size_t row, const std::string& name) const { return rows.at(row).values.at(column(name)); }
};

/// \brief Builds the table: computeVillageMeasures, then scorePriority with \a scheme.
/// \throws Error as those do.
AnalysisTable analyzeVillages(const Dataset& ds, const std::string& period = {},
                              const PriorityScheme& scheme = defaultPriorityScheme());

/// \brief Writes the table as CSV: UTF-8, comma separator, '.' decimal point, a header row,
/// text fields quoted (so codes stay text), missing values empty. Written beside \a path
/// under a temporary name and renamed over it when complete.
/// \throws OutputError naming the file.
void writeAnalysisCsv(const AnalysisTable& table, const std::string& path);

/// \brief Writes the table by \a path's extension: .csv (writeAnalysisCsv), or .gpkg, .geojson,
/// .shp with each pekon's polygon, or .xlsx with lon/lat of its point-on-surface (through
/// gis::writeVillageTable; GPKG and XLSX also get the facilities). Written atomically.
/// \throws OutputError naming the file; Error for an unknown extension.
void writeAnalysisTable(const AnalysisTable& table, const Dataset& ds, const std::string& path);

// ---------------------------------------------------------------------------------------
// Remoteness columns added on request
// ---------------------------------------------------------------------------------------

class RoadNetwork;

/// \brief Appends island_status (0 mainland, 1 partly on an island, 2 wholly on an island)
/// and island_km2 (km² of the village off the mainland) from gis::islandFlags: the mainland
/// is the land part holding the regency capital, joined across sliver gaps and through the
/// coastline land around the areas (Dataset::backgroundLand).
/// \returns the number of villages partly or wholly on islands.
std::size_t addIslandColumns(AnalysisTable& table, const Dataset& ds);

/// \brief Appends travel_capital_min, travel_kecamatan_min and travel_<kind>_min (minutes along
/// \a roads to the regency capital, to the village's kecamatan capital (the point
/// dist_kecamatan_km measures to; NaN without a kecamatan) and to the nearest facility of each
/// kind, with the off-road gaps at the network's off-road speed) for every village; NaN where
/// unreachable.
/// \returns the number of village-destination pairs that were unreachable.
std::size_t addTravelColumns(AnalysisTable& table, const Dataset& ds, const RoadNetwork& roads);

// ---------------------------------------------------------------------------------------
// Rank sensitivity
// ---------------------------------------------------------------------------------------

struct SensitivityOptions {
    int draws = 500;              ///< Monte Carlo draws of perturbed weights
    double perturbation = 0.2;    ///< each weight drawn uniformly in [w(1-p), w(1+p)]
    int topN = 30;                ///< "stays in the top N" is counted against this N
    std::uint64_t seed = 20190;   ///< same seed, same result
};

struct SensitivityResult {
    std::vector<int> rankMin;     ///< per village (row order); 0 when the village is never ranked
    std::vector<int> rankMax;
    std::vector<double> topShare; ///< fraction of draws (0-1) in which the village ranks <= topN
    SensitivityOptions options;
};

/// \brief Scores the villages again with each scheme weight perturbed at random (seeded), and
/// reports for each village the range of ranks it takes and how often it stays in the top N.
/// The unperturbed ranking is counted as one of the draws.
/// \throws Error for options out of range (draws < 1, perturbation outside [0, 1), topN < 1).
SensitivityResult prioritySensitivity(const AnalysisTable& table, const SensitivityOptions& options = {});

} // namespace gis
