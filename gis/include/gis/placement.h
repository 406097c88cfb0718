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
/// Capacities are not modelled (every facility serves all the demand within reach).
#include "gis/dataset.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace gis {

class RoadNetwork;

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
    std::vector<double> demand;           ///< weight per demand point (>= 0)
    std::size_t candidateCount = 0;
    std::vector<double> distance;         ///< [candidate * demand.size() + point], finite
    /// Per demand point: distance to the nearest existing facility (empty or +infinity = none).
    std::vector<double> existingDistance;
};

struct SolverOptions {
    std::uint64_t seed = 20190;   ///< order in which the swap phase scans candidates
    bool swap = true;             ///< false = the greedy answer only
    /// Rounds of iterated local search after the first local optimum: replace 1..N/4 random
    /// sites (seeded), swap to a local optimum again, keep the result when it is better.
    int perturbations = 30;
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

/// \brief For each candidate, the demand points within \a radiusKm (geodesic), found through a
/// latitude/longitude grid (not all pairs); optionally on several threads (0 = hardware).
std::vector<std::vector<std::uint32_t>> coverageLists(const std::vector<Point>& candidates,
                                                      const std::vector<Point>& demandPoints, double radiusKm,
                                                      unsigned threads = 1);

// ---------------------------------------------------------------------------------------
// Placement on a dataset
// ---------------------------------------------------------------------------------------

enum class PlacementMethod { MaxCover, PMedian };

struct PlacementOptions {
    std::string kind = "PUSKESSOS";     ///< facility kind (Facility::kind, compared exactly)
    std::size_t count = 10;             ///< new sites
    PlacementMethod method = PlacementMethod::MaxCover;
    double radiusKm = 5.0;              ///< reach without roads
    double minutes = 30.0;              ///< reach with roads
    const RoadNetwork* roads = nullptr; ///< set: reach and distance are travel minutes along it
    std::string demandKey = "miskin";   ///< indicator (stored or derived) used as demand; missing = 0
    std::string period;                 ///< empty = the latest of the demand key
    /// Candidates: empty = villages without a facility of the kind; a rule
    /// "<column><op><number>" on an analysis-table column with op one of <=, <, >=, >, ==
    /// (e.g. "priority_rank<=100", default priority scheme); or a comma-separated list of codes
    /// ("18.06.20.2005,18.06.19.2001", or "codes:..." ).
    std::string candidates;
    std::uint64_t seed = 20190;
};

struct PlacedSite {
    std::string code;
    std::string name;
    Point point;
    double gain = 0.0;            ///< demand newly covered (MCLP) or weighted-distance reduction (p-median)
    double served = 0.0;          ///< demand assigned to this site (nearest facility)
};

/// \brief Which facility serves a village: the nearest one (existing or new) within reach
/// for MCLP, the nearest for p-median.
struct VillageAssignment {
    std::string code;
    std::string name;
    double demand = 0.0;
    bool coveredBefore = false;   ///< MCLP: within reach of an existing facility
    bool coveredAfter = false;    ///< MCLP: within reach of an existing or new one
    std::string servedBy;         ///< village code of a new site, "existing:<facility id>", or empty
    std::string servedByName;
    double distance = std::numeric_limits<double>::quiet_NaN(); ///< km, or minutes with roads; NaN = none
    /// MCLP: 2SFCA access (facilities per 1,000 demand within reach) before and after; NaN for p-median.
    double accessBefore = std::numeric_limits<double>::quiet_NaN();
    double accessAfter = std::numeric_limits<double>::quiet_NaN();
};

struct PlacementResult {
    PlacementOptions options;     ///< as run (roads is only echoed as roadsUsed)
    bool roadsUsed = false;
    std::string period;
    std::size_t candidateCount = 0;
    std::size_t existingCount = 0;
    double totalDemand = 0.0;
    /// MCLP: covered demand; p-median: demand-weighted distance (km or minutes) over the villages
    /// some facility reaches (before: those an existing one reaches; NaN without existing ones).
    double before = 0.0;
    double after = 0.0;
    double greedyAfter = 0.0;     ///< after the greedy start, before swaps
    std::size_t swaps = 0;
    std::size_t unreachable = 0;  ///< p-median with roads: villages no existing or new facility reaches
    std::vector<PlacedSite> sites; ///< in order of marginal gain
    std::vector<VillageAssignment> villages; ///< in Dataset::villages() order
};

/// \brief Runs the placement. \throws Error for an unknown demand key, a bad candidate rule
/// or unknown code, no candidates, count 0, or a radius/minutes that is not positive.
PlacementResult placeFacilities(const Dataset& ds, const PlacementOptions& options);

/// \brief Evaluates fixed new sites (village codes) the same way: what putting the facilities
/// there would cover. Sites keep the order given; gains are marginal in that order.
/// \throws Error for an unknown code.
PlacementResult evaluateSites(const Dataset& ds, const PlacementOptions& options, const std::vector<std::string>& codes);

/// \brief Codes of the \a n highest-priority villages (analyzeVillages, default scheme).
std::vector<std::string> topPriorityCodes(const Dataset& ds, std::size_t n, const std::string& period = {});

/// \brief Compact JSON of a run: parameters, sites, totals (village assignments left out).
std::string placementToJson(const PlacementResult& result);
/// \brief Stores the run in ds.meta under "program.<timestampUtc>" (ISO 8601, e.g.
/// 2026-11-28T22:40:00Z; a suffix -2, -3 ... when taken) and returns the key. (The proper home
/// is a `program` table; until it has a migration the meta table carries the runs.)
std::string savePlacementRun(Dataset& ds, const PlacementResult& result, const std::string& timestampUtc);

/// \brief CSV, one row per village: kode, nama, demand, covered_before, covered_after,
/// served_by, served_by_name, distance (km or min), new_site_order (1.. for chosen sites, empty
/// otherwise), gain. Written atomically. \throws OutputError naming the file.
void writePlacementCsv(const PlacementResult& result, const std::string& path);

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
