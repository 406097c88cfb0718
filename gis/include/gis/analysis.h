#pragma once
/// \file analysis.h
/// Per-village analysis: poverty density and rate, service coverage (facilities inside and
/// distance to the nearest of each kind), remoteness (distance to the regency capital and to
/// the kecamatan), and the composite priority score with each indicator's contribution.
///
/// Distances are geodesic on WGS 84 (PROJ's geodesic routines), in km, measured from the
/// village's point-on-surface (gis::pointOnSurface, a point guaranteed inside the polygon).
/// Missing numbers are NaN (written as empty cells in CSV). The priority score itself
/// (normalisation, weights, schemes, sensitivity) is in priority.h, included here.
///
/// \note Thread safety: the functions here keep no state between calls. computeVillageMeasures,
/// analyzeVillages, prioritySensitivity and writeAnalysis* only read the Dataset and may run at
/// the same time as other readers of it (computeVillageMeasures runs its own worker threads for
/// large datasets); addIslandColumns and addTravelColumns change only the AnalysisTable they are
/// given. An AnalysisTable is a plain value: not to be changed while another thread reads it.
#include "gis/dataset.h"
#include "gis/geodesicsearch.h"
#include "gis/priority.h"

#include <cstddef>
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
    std::string code; ///< Kemendagri code, text
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
    double distCapitalKm = 0.0; ///< km to the regency capital (meta capital_lon/capital_lat)
    /// km to the kecamatan's point-on-surface (or to the kecamatan capital when meta gives
    /// "kecamatan_capital_lon.<code>" and "kecamatan_capital_lat.<code>"); NaN without a kecamatan.
    double distKecamatanKm = 0.0;
};

struct VillageMeasuresResult {
    std::string period;                    ///< the period used (the latest of "miskin" when none given)
    std::vector<std::string> kinds;        ///< facility kinds present in the dataset, sorted
    Point capital;                         ///< the regency capital used
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

/// \brief The exact nearest-point search by geodesic distance, by its older name: see
/// GeodesicPointIndex (geodesicsearch.h) for the bound that makes its pruning exact.
using NearestPointIndex = GeodesicPointIndex;

/// \brief Column-name form of a facility kind: lower case, other than [a-z0-9] becomes '_'
/// ("PUSKESSOS" -> "puskessos", so columns n_puskessos and dist_puskessos_km).
std::string kindColumnName(const std::string& kind);

/// \brief The regency capital from meta capital_lon / capital_lat (WGS 84 degrees).
/// \throws Error telling the user to set them when they are missing.
Point capitalOf(const Dataset& ds);

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
        std::vector<std::string> texts; ///< one per text column; empty = no value
    };
    std::string period;
    PriorityScheme scheme;
    std::vector<std::string> columns; ///< numeric column names
    /// Text columns: the project's categories (gis::categoryKeys), each the village's level in
    /// the table's period, or in the category's latest period when it has none for that one.
    std::vector<std::string> textColumns;
    /// The categories among the scoring inputs: AnalysisTable::inputs holds each one's rank on
    /// its scale (gis::scaleRank, NaN without a level), and a scheme indicator naming one is
    /// normalised by that rank (Normalisation::ScaleRank) whatever the scheme says.
    std::vector<std::string> categoryKeys;
    std::vector<Row> rows;
    PriorityResult priority; ///< in row order
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

/// \brief Scores \a table again with \a scheme from its cached inputs (AnalysisTable::inputs),
/// measuring nothing again (a few milliseconds for a regency): replaces scheme, priority, the
/// priority_score and priority_rank values and the contrib_ columns (one per indicator of
/// \a scheme, right after priority_rank, as analyzeVillages places them). Every other column
/// keeps its values and order; the result equals analyzeVillages with \a scheme.
/// \throws Error as scorePriority does (e.g. a key the inputs lack); the table is unchanged then.
void rescoreAnalysis(AnalysisTable& table, const PriorityScheme& scheme);

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
// Rank sensitivity (the types and the scheme-level function are in priority.h)
// ---------------------------------------------------------------------------------------

/// \brief Scores the villages again with each scheme weight perturbed at random (seeded), and
/// reports for each village the range of ranks it takes and how often it stays in the top N.
/// The unperturbed ranking is counted as one of the draws.
/// \throws Error for options out of range (draws < 1, perturbation outside [0, 1), topN < 1).
SensitivityResult prioritySensitivity(const AnalysisTable& table, const SensitivityOptions& options = {});

} // namespace gis
