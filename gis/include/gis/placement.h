#pragma once
/// \file placement.h
/// Facility placement: where N new sites of a facility kind should go.
///
/// - Maximal covering (MCLP): choose N candidate villages to maximise the demand (an
///   indicator, default "miskin") covered within a radius (geodesic km between
///   point-on-surface points) or, with a RoadNetwork, within T minutes. What the existing
///   facilities of the kind already cover counts as covered and stays fixed.
/// - p-median: choose N candidates to minimise the total demand-weighted distance (km, or
///   minutes with roads) from each village to its nearest facility, existing ones included.
///
/// Both solve by a greedy start improved by vertex substitution (swap) until no single swap
/// helps, then a few seeded rounds of iterated local search (perturb, swap again, keep the
/// better). Candidates are scanned in an order shuffled by a seed (std::mt19937_64 and an
/// explicit Fisher-Yates shuffle, so the same seed gives the same answer on every platform).
///
/// Capacity (optional, PlacementOptions::capacity): each facility, existing or new, serves at
/// most that many units of demand. Demand is then assigned nearest-first over all facilities
/// together (assignNearestFirst): every (facility, village) pair the facility may serve is taken
/// in increasing distance, and each pair moves as much demand as the village still needs and the
/// facility can still take; a village's demand may be split between facilities. MCLP then
/// maximises the demand served within reach; p-median minimises the demand-weighted distance of
/// the served demand plus a penalty per unit left unserved. The same greedy + swap + perturbation
/// search runs, each candidate set evaluated by running the assignment.
/// Without a capacity every facility serves all the demand within reach (the solvers above).
///
/// Threads: every function here is pure (reads its arguments, returns a new value, keeps no
/// state) except savePlacementRun, which appends to the Dataset it is given, and the writers,
/// which write their file. So placeFacilities, evaluateSites, summarisePlacement and the solvers
/// may run on a worker thread while the caller keeps the Dataset (and the RoadNetwork of the
/// options) alive and unmodified; several may run at once on the same Dataset. coverageLists
/// may start worker threads of its own and joins them before it returns. A run goes to its end
/// (seconds on a regency; the solvers' passes are bounded) unless it is given a
/// PlacementControl, whose stop token ends it early (PlacementCancelled) and whose progress
/// callback hears how far it is.
#include "gis/dataset.h"
#include "gis/error.h"
#include "gis/placementrun.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace gis {

class RoadNetwork;

/// \brief Progress and cancellation of a run, for a caller running it in the background.
/// Both are used on the thread that runs the placement; the stop token may be requested from
/// any thread (std::stop_source::request_stop).
struct PlacementControl {
    /// Checked between steps of the search (every candidate scanned, every round): once stop is
    /// requested the run throws PlacementCancelled at its next check and returns nothing.
    std::stop_token stop;
    /// Called with the fraction done (0..1, never decreasing) between steps; may be empty.
    std::function<void(double fraction)> progress;
};

/// \brief A run ended early because its PlacementControl asked it to stop.
class PlacementCancelled : public Error {
public:
    PlacementCancelled();
};

// ---------------------------------------------------------------------------------------
// Solvers on abstract instances (indices only; used by placeFacilities, tests and benchmarks)
// ---------------------------------------------------------------------------------------

/// \brief A maximal-covering instance.
struct CoverageInstance {
    std::vector<double> demand;                     ///< weight per demand point (>= 0)
    std::vector<std::vector<std::uint32_t>> covers; ///< per candidate: demand points within reach, ascending
    std::vector<char> alreadyCovered;               ///< per demand point (empty = none): covered by existing facilities
};

/// \brief A p-median instance: a dense candidate x demand matrix of distances.
struct MedianInstance {
    std::vector<double> demand; ///< weight per demand point (>= 0)
    std::size_t candidateCount = 0;
    std::vector<double> distance; ///< [candidate * demand.size() + point], finite
    /// Per demand point: distance to the nearest existing facility (empty or +infinity = none).
    std::vector<double> existingDistance;
};

struct SolverOptions {
    std::uint64_t seed = 20190; ///< order in which the swap phase scans candidates
    bool swap = true;           ///< false = the greedy answer only
    /// Rounds of iterated local search after the first local optimum: replace 1..N/4 random
    /// sites (seeded), swap to a local optimum again, keep the result when it is better.
    int perturbations = 30;
    /// Optional progress and cancellation (not owned; must outlive the call). The search reports
    /// fractions between progressFrom and progressTo.
    const PlacementControl* control = nullptr;
    double progressFrom = 0.0;
    double progressTo = 1.0;
};

struct SolverResult {
    /// Chosen candidates in order of marginal gain: each the one adding most to those before it
    /// (and to the existing facilities).
    std::vector<std::size_t> chosen;
    /// Per chosen site, its marginal gain in that order: demand newly covered (MCLP) or the
    /// reduction of the demand-weighted distance (p-median).
    std::vector<double> gain;
    double objective = 0.0;       ///< covered demand incl. existing (MCLP) or weighted distance (p-median)
    double greedyObjective = 0.0; ///< the same after the greedy start
    std::size_t swaps = 0;        ///< improving swaps made (in all local-search rounds, kept or not)
};

/// \brief MCLP by greedy + swap. Fewer sites than \a count when there are fewer candidates.
/// \throws Error when a cover list names a demand point out of range.
SolverResult solveMaxCover(const CoverageInstance& instance, std::size_t count, const SolverOptions& options = {});
/// \brief Demand covered by existing facilities plus \a sites.
double coveredDemand(const CoverageInstance& instance, const std::vector<std::size_t>& sites);

/// \brief p-median by greedy + swap (fast interchange with nearest/second-nearest lists).
/// \throws Error when the matrix size does not match.
SolverResult solvePMedian(const MedianInstance& instance, std::size_t count, const SolverOptions& options = {});
/// \brief Demand-weighted distance to the nearest of the existing facilities and \a sites.
/// Demand reachable from none costs nothing (it is reported by placeFacilities instead).
double medianCost(const MedianInstance& instance, const std::vector<std::size_t>& sites);

// ---------------------------------------------------------------------------------------
// Capacitated placement
// ---------------------------------------------------------------------------------------

/// \brief A demand point a facility may serve, at a distance (km or minutes).
struct FacilityReach {
    std::uint32_t point = 0;
    double distance = 0.0;
};

/// \brief A capacitated instance: existing facilities stay open; candidates may be opened.
/// Reach lists: MCLP, the points within reach; p-median, every point the facility reaches.
struct CapacitatedInstance {
    std::vector<double> demand;                                ///< per demand point (>= 0)
    std::vector<std::vector<FacilityReach>> existing;          ///< per existing facility
    std::vector<std::vector<FacilityReach>> candidates;        ///< per candidate
    double capacity = std::numeric_limits<double>::infinity(); ///< demand units per facility (> 0)
};

/// \brief What the capacitated solver optimises.
enum class CapacitatedGoal {
    MaxServed, ///< MCLP: most demand served (within the reach lists); among equals, least Σ served × distance
    MinCost    ///< p-median: least Σ served × distance + unservedPenalty × unserved demand
};

/// \brief One flow of the nearest-first assignment: \a amount of point's demand served by a facility.
struct ServiceFlow {
    std::size_t facility = 0; ///< existing index, or existing.size() + candidate index
    std::uint32_t point = 0;
    double amount = 0.0;
    double distance = 0.0;
};

struct CapacitatedAssignment {
    std::vector<ServiceFlow> flows; ///< in the order assigned (increasing distance)
    std::vector<double> servedAt;   ///< per demand point
    std::vector<double> servedBy;   ///< per facility: existing, then candidates (all, 0 when closed)
    double served = 0.0;            ///< total demand served
    double cost = 0.0;              ///< Σ amount × distance
};

/// \brief Nearest-first assignment with the existing facilities and the candidates \a sites
/// open. Pairs are taken by increasing distance; ties by facility (existing first, then
/// candidates by index) and then by point index, so a set gives the same answer in any order.
/// \throws Error when the capacity is not positive or a reach list names a point out of range.
CapacitatedAssignment assignNearestFirst(const CapacitatedInstance& instance, const std::vector<std::size_t>& sites);

/// \brief The penalty per unserved demand unit of CapacitatedGoal::MinCost: 10 x the largest
/// distance in the reach lists + 1, so serving one more unit always outweighs any distance.
double unservedPenalty(const CapacitatedInstance& instance);

/// \brief Greedy + swap + perturbation on a capacitated instance, each set evaluated by
/// assignNearestFirst. SolverResult::objective is the served demand (MaxServed) or the
/// penalised cost (MinCost); gains are the marginal increase of served demand or decrease of
/// the penalised cost. Fewer sites than \a count when there are fewer candidates.
SolverResult solveCapacitated(const CapacitatedInstance& instance, std::size_t count, CapacitatedGoal goal,
                              const SolverOptions& options = {});

/// \brief For each candidate, the demand points within \a radiusKm (geodesic), found through a
/// latitude/longitude grid (not all pairs); optionally on several threads (0 = hardware).
std::vector<std::vector<std::uint32_t>> coverageLists(const std::vector<Point>& candidates,
                                                      const std::vector<Point>& demandPoints, double radiusKm,
                                                      unsigned threads = 1);

// ---------------------------------------------------------------------------------------
// Placement on a dataset
// ---------------------------------------------------------------------------------------

enum class PlacementMethod { MaxCover, PMedian };

/// \brief The setting of PlacementOptions an error is about, so that a caller can point at its
/// own control for it (a command-line option, a field of a form).
enum class PlacementParameter {
    Count,     ///< PlacementOptions::count
    RadiusKm,  ///< PlacementOptions::radiusKm (the reach without roads)
    Minutes,   ///< PlacementOptions::minutes (the reach with roads)
    Capacity,  ///< PlacementOptions::capacity
    Candidates ///< PlacementOptions::candidates (the rule, or none selected, or too many for p-median)
};

/// \brief A placement setting is missing, out of range or selects nothing; what() says so in
/// the data's words and parameter() says which setting to change.
class PlacementError : public Error {
public:
    PlacementError(PlacementParameter parameter, const std::string& what);
    PlacementParameter parameter() const noexcept { return mParameter; }

private:
    PlacementParameter mParameter;
};

/// \brief Travel minutes by another model than a RoadNetwork, e.g. over terrain (gis/travel.h,
/// TerrainTravelMinutes: walking on slope, roads at their class speeds, ferries).
/// minutesFrom may run on the placement's worker thread; it must only read shared state.
class TravelMinutesModel {
public:
    virtual ~TravelMinutesModel() = default;
    /// \brief [source][target]: minutes from each target to each source (people travel to the
    /// facility), +infinity where none leads. Values above \a reachMinutes may be +infinity too
    /// (a model may stop searching there).
    virtual std::vector<std::vector<double>> minutesFrom(const std::vector<Point>& sources,
                                                         const std::vector<Point>& targets,
                                                         double reachMinutes) const = 0;
};

struct PlacementOptions {
    std::string kind = "PUSKESSOS"; ///< facility kind (Facility::kind, compared exactly)
    std::size_t count = 10;         ///< new sites
    PlacementMethod method = PlacementMethod::MaxCover;
    double radiusKm = 5.0;              ///< reach without roads
    double minutes = 30.0;              ///< reach with roads
    const RoadNetwork* roads = nullptr; ///< set: reach and distance are travel minutes along it
    /// Set (and roads not): reach and distance are travel minutes by this model (place --travel).
    const TravelMinutesModel* travel = nullptr;
    std::string demandKey = "miskin";   ///< indicator (stored or derived) used as demand; missing = 0
    std::string period;                 ///< empty = the latest of the demand key
    /// Candidates: empty = villages without a facility of the kind; a rule
    /// "<column><op><number>" on an analysis-table column with op one of <=, <, >=, >, ==
    /// (e.g. "priority_rank<=100", default priority scheme); or a comma-separated list of codes
    /// ("18.06.20.2005,18.06.19.2001", or "codes:..." ).
    std::string candidates;
    std::uint64_t seed = 20190;
    /// Demand units one facility (existing or new) serves at most, e.g. households per
    /// Puskessos; none = unlimited. Demand is then assigned nearest-first (see the file comment).
    std::optional<double> capacity;
};

struct PlacedSite {
    std::string code;
    std::string name;
    Point point;
    /// Demand newly covered (MCLP; with a capacity, newly served) or the reduction of the
    /// demand-weighted distance (p-median; with a capacity, of the penalised cost).
    double gain = 0.0;
    double served = 0.0;      ///< demand assigned to this site (nearest facility; nearest-first under capacity)
    double withinReach = 0.0; ///< demand of the villages within reach of the site (radius or minutes)
};

/// \brief Which facility serves a village: the nearest one (existing or new) within reach
/// for MCLP, the nearest for p-median.
struct VillageAssignment {
    std::string code;
    std::string name;
    double demand = 0.0;
    bool coveredBefore = false; ///< MCLP: within reach of an existing facility
    bool coveredAfter = false;  ///< MCLP: within reach of an existing or new one
    std::string servedBy;       ///< village code of a new site, "existing:<facility id>", or empty
    std::string servedByName;
    double distance = std::numeric_limits<double>::quiet_NaN(); ///< km, or minutes with roads; NaN = none
    /// Demand served by some facility (all of it when covered/reached without a capacity;
    /// under a capacity, what the nearest-first assignment gave it) and what is left.
    double served = 0.0;
    double unserved = 0.0;
    /// Under a capacity: how many facilities share its demand (servedBy is the nearest of them).
    std::size_t servingFacilities = 0;
    /// MCLP: 2SFCA access (facilities per 1,000 demand within reach) before and after; NaN for p-median.
    double accessBefore = std::numeric_limits<double>::quiet_NaN();
    double accessAfter = std::numeric_limits<double>::quiet_NaN();
};

struct PlacementResult {
    PlacementOptions options; ///< as run (roads and travel are only echoed as roadsUsed, travelUsed)
    bool roadsUsed = false;  ///< reach and distances are minutes (along roads, or by the travel model)
    bool travelUsed = false; ///< the minutes are the travel model's (terrain), not a road network's
    std::string period;
    std::size_t candidateCount = 0;
    std::size_t existingCount = 0;
    double totalDemand = 0.0;
    /// MCLP: covered demand; p-median: demand-weighted distance (km or minutes) over the villages
    /// some facility reaches (before: those an existing one reaches; NaN without existing ones).
    double before = 0.0;
    double after = 0.0;
    double greedyAfter = 0.0; ///< after the greedy start, before swaps
    std::size_t swaps = 0;
    std::size_t unreachable = 0; ///< p-median with roads: villages no existing or new facility reaches
    /// Demand served by the existing facilities alone and by all (MCLP: within reach; both
    /// under the capacity when there is one). Without a capacity, MCLP's equal before/after.
    double servedBefore = 0.0;
    double servedAfter = 0.0;
    /// p-median under a capacity: the penalty counted per unserved demand unit; NaN otherwise.
    double unservedPenalty = std::numeric_limits<double>::quiet_NaN();
    std::vector<PlacedSite> sites;           ///< in order of marginal gain
    std::vector<VillageAssignment> villages; ///< in Dataset::villages() order
};

/// \brief Runs the placement. \throws PlacementError for count 0, a radius, minutes or capacity
/// that is not positive, a bad candidate rule, no candidates, or (p-median) more candidates x
/// villages than the distance matrix may hold; Error for an unknown demand key or code.
PlacementResult placeFacilities(const Dataset& ds, const PlacementOptions& options);
/// \brief The same, with progress reported and a stop honoured through \a control.
/// \throws PlacementCancelled once control.stop is requested (the Dataset is untouched), and as
/// the overload above.
PlacementResult placeFacilities(const Dataset& ds, const PlacementOptions& options, const PlacementControl& control);

/// \brief Evaluates fixed new sites (village codes) the same way: what putting the facilities
/// there would cover. Sites keep the order given; gains are marginal in that order.
/// \throws Error for an unknown code.
PlacementResult evaluateSites(const Dataset& ds, const PlacementOptions& options,
                              const std::vector<std::string>& codes);

/// \brief Codes of the \a n highest-priority villages (analyzeVillages, default scheme).
std::vector<std::string> topPriorityCodes(const Dataset& ds, std::size_t n, const std::string& period = {});

// ---------------------------------------------------------------------------------------
// The figures shown after a run
// ---------------------------------------------------------------------------------------

/// \brief What the same number of sites in the highest-priority villages would do (MCLP).
struct PriorityComparison {
    std::size_t count = 0;     ///< sites compared (the n highest-priority villages; fewer if fewer are ranked)
    double after = 0.0;        ///< demand they would cover (under a capacity: serve) with the existing ones
    double afterPercent = 0.0; ///< of the total demand
    double newly = 0.0;        ///< demand they would newly cover (serve)
};

/// \brief The 2SFCA access ratio over the villages with demand (MCLP), demand-weighted.
struct AccessSummary {
    double meanBefore = 0.0;    ///< facilities per 1,000 demand within reach, existing facilities only
    double meanAfter = 0.0;     ///< the same with the new sites
    std::size_t noneBefore = 0; ///< villages with demand and no facility within reach, before
    std::size_t noneAfter = 0;  ///< and after
};

/// \brief The summary figures of a run (printed by the CLI after a run, shown by the desktop).
/// Percentages are of PlacementResult::totalDemand (0 when there is no demand).
struct PlacementSummary {
    bool maxCover = true; ///< MCLP (else p-median)
    bool capacitated = false;
    /// MCLP: result.before and result.after (covered, or served within reach under a capacity)
    /// as percentages, and the demand newly covered (served), after - before.
    double beforePercent = 0.0;
    double afterPercent = 0.0;
    double newly = 0.0;
    /// Under a capacity: served after as a percentage, the demand left unserved, and the
    /// villages with demand that are served only in part or not at all.
    double servedPercent = 0.0;
    double unserved = 0.0;
    std::size_t partlyServed = 0;
    std::size_t notServed = 0;
    /// p-median: mean distance (km or minutes) per unit of demand. Under a capacity, over the
    /// served demand (before: NaN when no facility exists); without one, after over the total
    /// demand and before over the demand some existing facility reaches (NaN when none exist).
    double meanDistanceBefore = std::numeric_limits<double>::quiet_NaN();
    double meanDistanceAfter = std::numeric_limits<double>::quiet_NaN();
    std::optional<AccessSummary> access;        ///< MCLP with demand
    std::optional<PriorityComparison> priority; ///< MCLP, from the dataset overload only
};

/// \brief The summary of \a result alone (no priority comparison). Pure.
PlacementSummary summarisePlacement(const PlacementResult& result);

/// \brief The same plus, for MCLP, the comparison with options.count sites in the
/// highest-priority villages (topPriorityCodes for options.period, evaluated by evaluateSites
/// with \a options, the options the run was made with, roads included).
/// \throws Error as evaluateSites does.
PlacementSummary summarisePlacement(const Dataset& ds, const PlacementOptions& options, const PlacementResult& result);

/// \brief Compact JSON of a run: parameters, sites, totals (village assignments left out).
std::string placementToJson(const PlacementResult& result);

/// \brief The run in its stored form (id 0 until saved), created at \a timestampUtc.
PlacementRun placementRunOf(const PlacementResult& result, const std::string& timestampUtc);

/// \brief Appends the run to ds.programs with the next free id (saved with the project, tables
/// `program` and `program_site`) and returns that id.
long long savePlacementRun(Dataset& ds, const PlacementResult& result, const std::string& timestampUtc);

/// \brief CSV, one row per village: kode, nama, demand, covered_before, covered_after,
/// served_by, served_by_name, distance (km or min), new_site_order (1.. for chosen sites, empty
/// otherwise), gain, served, unserved. Written atomically. \throws OutputError naming the file.
void writePlacementCsv(const PlacementResult& result, const std::string& path);

/// \brief GeoPackage with two layers: `lokasi_baru`, a point per chosen site (rank, kode, nama,
/// gain, covered = demand within reach, served), and `desa`, the village polygons of \a ds
/// with the CSV's columns (which facility serves each, at what distance, served/unserved).
/// Written beside \a path and renamed into place. \throws OutputError naming the file.
void writePlacementGpkg(const Dataset& ds, const PlacementResult& result, const std::string& path);

// ---------------------------------------------------------------------------------------
// Access ratio (two-step floating catchment)
// ---------------------------------------------------------------------------------------

/// \brief 2SFCA with a uniform catchment: for each facility j, R_j = 1 / (demand within reach
/// of j); for each demand point i, A_i = 1000 * Σ R_j over the facilities within reach of i
/// (facilities per 1,000 demand, e.g. per 1,000 poor). \a facilityCovers: per facility, the
/// demand points within reach. A facility reaching no demand contributes nothing.
std::vector<double> accessRatio2sfca(const std::vector<double>& demand,
                                     const std::vector<std::vector<std::uint32_t>>& facilityCovers);

} // namespace gis
