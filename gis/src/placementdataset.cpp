// Placement on a dataset, in named steps: the input (demand, existing facilities, candidates),
// the reach (who reaches whom, km or minutes), the solve (an index-only solver), the assignment
// of each village to the facility that serves it, and the summary figures of the result.
#include "gis/placement.h"

#include "detail/placementreach.h"

#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/network.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <sstream>
#include <unordered_map>

namespace gis {

PlacementCancelled::PlacementCancelled() : Error("placement: the run was stopped before it finished") {}

PlacementError::PlacementError(PlacementParameter parameter, const std::string& what)
        : Error(what), mParameter(parameter)
{}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------------------------
// Step 1: the input
// ---------------------------------------------------------------------------------------

struct Prepared {
    std::vector<const Area*> villages;
    std::vector<Point> points;
    std::vector<double> demand;
    std::string period;
    std::vector<const Facility*> existing;
    std::vector<Point> existingPoints;
    std::vector<std::size_t> candidates; ///< village indices
    std::vector<Point> candidatePoints;
    std::unordered_map<std::string, std::size_t> byCode;
};

std::vector<std::string> splitCodes(std::string text)
{
    if (text.rfind("codes:", 0) == 0)
        text = text.substr(6);
    std::vector<std::string> codes;
    std::stringstream items(text);
    std::string item;
    while (std::getline(items, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty())
            codes.push_back(item);
    }
    return codes;
}

std::size_t villageIndexOf(const Prepared& p, const std::string& code)
{
    auto it = p.byCode.find(code);
    if (it == p.byCode.end())
        throw Error("placement: '" + code + "' is not the code of a pekon or kelurahan in the project");
    return it->second;
}

/// The villages without a facility of the kind.
std::vector<std::size_t> villagesWithoutKind(const Prepared& p)
{
    std::vector<char> has(p.villages.size(), 0);
    for (const Facility* f : p.existing) {
        auto it = p.byCode.find(f->areaCode);
        if (it != p.byCode.end())
            has[it->second] = 1;
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < p.villages.size(); ++i)
        if (!has[i])
            out.push_back(i);
    return out;
}

std::vector<std::size_t> selectCandidates(const Dataset& ds, const Prepared& p, const PlacementOptions& options)
{
    const std::string& rule = options.candidates;
    if (rule.empty())
        return villagesWithoutKind(p);
    std::vector<std::size_t> out;
    std::size_t opPos = std::string::npos, opLen = 0;
    for (const char* op : {"<=", ">=", "==", "<", ">"}) {
        const auto pos = rule.find(op);
        if (pos != std::string::npos && (opPos == std::string::npos || pos < opPos)) {
            opPos = pos;
            opLen = std::string(op).size();
        }
    }
    if (opPos == std::string::npos) {
        for (const std::string& code : splitCodes(rule))
            out.push_back(villageIndexOf(p, code));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    std::string column = rule.substr(0, opPos);
    const std::string op = rule.substr(opPos, opLen);
    std::string number = rule.substr(opPos + opLen);
    column.erase(0, column.find_first_not_of(" \t"));
    column.erase(column.find_last_not_of(" \t") + 1);
    double threshold = 0.0;
    try {
        std::size_t used = 0;
        threshold = std::stod(number, &used);
        if (number.find_first_not_of(" \t", used) != std::string::npos)
            throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
        throw PlacementError(PlacementParameter::Candidates,
                             "placement: candidate rule '" + rule + "' must be COLUMN" + op
                                 + "NUMBER, e.g. priority_rank<=100");
    }
    const AnalysisTable table = analyzeVillages(ds, p.period);
    const std::size_t col = table.column(column);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const double v = table.rows[r].values[col];
        if (std::isnan(v) || (column == "priority_rank" && v == 0.0))
            continue;
        const bool keep = op == "<=" ? v <= threshold
            : op == ">="             ? v >= threshold
            : op == "=="             ? v == threshold
            : op == "<"              ? v < threshold
                                     : v > threshold;
        if (keep)
            out.push_back(villageIndexOf(p, table.rows[r].kode));
    }
    std::sort(out.begin(), out.end());
    return out;
}

void checkOptions(const PlacementOptions& options)
{
    if (options.count == 0)
        throw PlacementError(PlacementParameter::Count, "placement: the number of new sites must be at least 1");
    const bool byMinutes = options.roads || options.travel;
    if (byMinutes && !(options.minutes > 0.0))
        throw PlacementError(PlacementParameter::Minutes,
                             "placement: the reach in travel minutes must be a positive number");
    if (!byMinutes && !(options.radiusKm > 0.0))
        throw PlacementError(PlacementParameter::RadiusKm,
                             "placement: the reach radius in km must be a positive number");
    if (options.capacity && !(*options.capacity > 0.0 && std::isfinite(*options.capacity)))
        throw PlacementError(PlacementParameter::Capacity,
                             fmt::format("placement: the capacity must be a positive number of demand units (got {})",
                                         *options.capacity));
}

/// Demand at each village's point-on-surface, the existing facilities and the candidates.
Prepared prepareInput(const Dataset& ds, const PlacementOptions& options, const std::vector<std::string>* fixedCodes)
{
    checkOptions(options);
    Prepared p;
    p.villages = ds.villages();
    if (p.villages.empty())
        throw Error("placement: the project has no pekon or kelurahan");
    p.period = options.period.empty() ? latestPeriod(ds, options.demandKey) : options.period;
    const std::map<std::string, double> values = indicatorValues(ds, options.demandKey, p.period);
    for (const Area* a : p.villages) {
        p.points.push_back(ds.surfacePoint(*a)); // names an area without a polygon
        auto it = values.find(a->code);
        const double v = it == values.end() ? 0.0 : it->second;
        p.demand.push_back(std::isfinite(v) && v > 0.0 ? v : 0.0);
    }
    for (const Facility& f : ds.facilities)
        if (f.kind == options.kind) {
            p.existing.push_back(&f);
            p.existingPoints.push_back(f.location);
        }
    for (std::size_t i = 0; i < p.villages.size(); ++i)
        p.byCode.emplace(p.villages[i]->code, i);
    if (fixedCodes) {
        for (const std::string& code : *fixedCodes)
            p.candidates.push_back(villageIndexOf(p, code));
    } else {
        p.candidates = selectCandidates(ds, p, options);
    }
    if (p.candidates.empty())
        throw PlacementError(PlacementParameter::Candidates,
                             "placement: no candidate pekon (every pekon already has a " + options.kind
                                 + ", or the candidate rule selects none)");
    if (!fixedCodes && options.count > p.candidates.size())
        throw PlacementError(PlacementParameter::Count,
                             fmt::format("placement: {} new sites asked for, but there are only {} candidate pekon "
                                         "(of {}); ask for at most {} sites",
                                         options.count, p.candidates.size(), p.villages.size(), p.candidates.size()));
    for (std::size_t i : p.candidates)
        p.candidatePoints.push_back(p.points[i]);
    const std::size_t nC = p.candidates.size(), nV = p.villages.size();
    if (options.method == PlacementMethod::PMedian && nC * nV > 60'000'000)
        throw PlacementError(PlacementParameter::Candidates,
                             fmt::format("placement: p-median keeps a full distance matrix and {} candidates x {} "
                                         "pekon is too large; narrow the candidates (a rule or a list of codes)",
                                         nC, nV));
    return p;
}

// ---------------------------------------------------------------------------------------
// Step 2: the reach
// ---------------------------------------------------------------------------------------

struct Reach {
    bool byMinutes = false;                           ///< roads or a travel model: minutes, not km
    double reach = 0.0;                               ///< km, or minutes with roads
    detail::NearestSources existing;                  ///< per village: the nearest existing facility
    std::vector<std::vector<double>> candMinutes;     ///< roads: [candidate][village]
    std::vector<std::vector<double>> existingMinutes; ///< roads: [existing][village]
    std::vector<std::vector<std::uint32_t>> covers;   ///< MCLP: per candidate, the villages within reach
    const Prepared* p = nullptr;

    /// Distance from candidate c to village v: km, or minutes (+infinity when no road leads there).
    double candDistance(std::size_t c, std::size_t v) const
    {
        return byMinutes ? candMinutes[c][v] : geodesicDistanceM(p->candidatePoints[c], p->points[v]) / 1000.0;
    }
    double existingDistance(std::size_t f, std::size_t v) const
    {
        return byMinutes ? existingMinutes[f][v] : geodesicDistanceM(p->existingPoints[f], p->points[v]) / 1000.0;
    }
};

Reach computeReach(const Prepared& p, const PlacementOptions& options)
{
    const bool mclp = options.method == PlacementMethod::MaxCover;
    Reach r;
    r.p = &p;
    r.byMinutes = options.roads || options.travel;
    r.reach = r.byMinutes ? options.minutes : options.radiusKm;
    if (options.travel && !options.roads) {
        // A travel model may stop at the reach for MCLP; p-median needs every distance.
        const double limit = mclp ? options.minutes : std::numeric_limits<double>::infinity();
        r.candMinutes = options.travel->minutesFrom(p.candidatePoints, p.points, limit);
        r.existingMinutes = options.travel->minutesFrom(p.existingPoints, p.points, limit);
        r.existing = detail::nearestOfMatrix(r.existingMinutes, p.points.size());
    } else {
        r.existing = detail::nearestSources(p.existingPoints, p.points, options.roads);
        if (options.roads) {
            r.candMinutes = detail::minutesFrom(*options.roads, p.candidatePoints, p.points);
            if (mclp || options.capacity)
                r.existingMinutes = detail::minutesFrom(*options.roads, p.existingPoints, p.points);
        }
    }
    if (mclp)
        r.covers =
            detail::pointsWithinReach(p.candidatePoints, p.points, r.reach, r.byMinutes ? &r.candMinutes : nullptr);
    return r;
}

// ---------------------------------------------------------------------------------------
// Step 3: the solve
// ---------------------------------------------------------------------------------------

/// Fixed sites (evaluateSites): every candidate open, gains marginal in the order given.
template <typename CostAfter>
SolverResult fixedSitesResult(std::size_t n, double startValue, CostAfter valueWith)
{
    SolverResult solved;
    std::vector<std::size_t> sofar;
    double prev = startValue;
    for (std::size_t c = 0; c < n; ++c) {
        sofar.push_back(c);
        const double now = valueWith(sofar);
        solved.chosen.push_back(c);
        solved.gain.push_back(now - prev);
        prev = now;
    }
    solved.objective = solved.greedyObjective = prev;
    return solved;
}

/// The solver's seed and, for a run with a control, its progress range: the search is 15..95 %
/// of a run (input and reach before it, the assignment after it).
SolverOptions solverOptionsOf(const PlacementOptions& options, const PlacementControl* control)
{
    SolverOptions solverOptions;
    solverOptions.seed = options.seed;
    solverOptions.control = control;
    solverOptions.progressFrom = 0.15;
    solverOptions.progressTo = 0.95;
    return solverOptions;
}

/// Progress of a run outside the search, and its stop.
void runCheckpoint(const PlacementControl* control, double fraction)
{
    if (!control)
        return;
    if (control->stop.stop_requested())
        throw PlacementCancelled();
    if (control->progress)
        control->progress(fraction);
}

/// MCLP without a capacity; sets result.before/after (covered demand).
SolverResult solveMaxCoverRun(const Prepared& p, const Reach& r, const PlacementOptions& options, bool fixed,
                              const PlacementControl* control, PlacementResult& result)
{
    const std::size_t nV = p.villages.size();
    CoverageInstance inst;
    inst.demand = p.demand;
    inst.alreadyCovered.resize(nV, 0);
    for (std::size_t v = 0; v < nV; ++v)
        inst.alreadyCovered[v] = r.existing.distance[v] <= r.reach ? 1 : 0;
    inst.covers = r.covers;
    SolverResult solved;
    if (fixed) {
        std::vector<char> cov(inst.alreadyCovered);
        for (std::size_t c = 0; c < inst.covers.size(); ++c) {
            double g = 0.0;
            for (std::uint32_t d : inst.covers[c])
                if (!cov[d]) {
                    g += p.demand[d];
                    cov[d] = 1;
                }
            solved.chosen.push_back(c);
            solved.gain.push_back(g);
        }
        solved.objective = solved.greedyObjective = coveredDemand(inst, solved.chosen);
    } else {
        SolverOptions solverOptions = solverOptionsOf(options, control);
        solved = solveMaxCover(inst, options.count, solverOptions);
    }
    result.before = coveredDemand(inst, {});
    result.after = solved.objective;
    return solved;
}

/// p-median without a capacity (costs are set by the assignment step).
SolverResult solvePMedianRun(const Prepared& p, const Reach& r, const PlacementOptions& options, bool fixed,
                             const PlacementControl* control)
{
    const std::size_t nV = p.villages.size(), nC = p.candidates.size();
    MedianInstance inst;
    inst.demand = p.demand;
    inst.candidateCount = nC;
    inst.existingDistance = r.existing.distance;
    inst.distance.resize(nC * nV);
    double maxFinite = 0.0;
    for (std::size_t c = 0; c < nC; ++c)
        for (std::size_t v = 0; v < nV; ++v) {
            const double d = r.candDistance(c, v);
            inst.distance[c * nV + v] = d;
            if (std::isfinite(d))
                maxFinite = std::max(maxFinite, d);
        }
    // Unreachable pairs (roads only) get a penalty above every real distance.
    for (double& d : inst.distance)
        if (!std::isfinite(d))
            d = 10.0 * maxFinite + 1.0;
    if (fixed)
        return fixedSitesResult(nC, -medianCost(inst, {}),
                                [&](const std::vector<std::size_t>& sites) { return -medianCost(inst, sites); });
    SolverOptions solverOptions = solverOptionsOf(options, control);
    return solvePMedian(inst, options.count, solverOptions);
}

struct CapacitatedRun {
    CapacitatedInstance instance;
    SolverResult solved;
    CapacitatedAssignment after;
};

/// Every facility's reach list: MCLP the villages within reach, p-median all it reaches.
CapacitatedInstance capacitatedInstance(const Prepared& p, const Reach& r, bool mclp, double capacity)
{
    const std::size_t nV = p.villages.size(), nC = p.candidates.size();
    CapacitatedInstance inst;
    inst.demand = p.demand;
    inst.capacity = capacity;
    inst.candidates.resize(nC);
    for (std::size_t c = 0; c < nC; ++c) {
        if (mclp) {
            for (std::uint32_t v : r.covers[c])
                inst.candidates[c].push_back({v, r.candDistance(c, v)});
        } else {
            for (std::size_t v = 0; v < nV; ++v)
                if (const double d = r.candDistance(c, v); std::isfinite(d))
                    inst.candidates[c].push_back({static_cast<std::uint32_t>(v), d});
        }
    }
    inst.existing.resize(p.existing.size());
    for (std::size_t f = 0; f < p.existing.size(); ++f)
        for (std::size_t v = 0; v < nV; ++v) {
            const double d = r.existingDistance(f, v);
            if (mclp ? d <= r.reach : std::isfinite(d))
                inst.existing[f].push_back({static_cast<std::uint32_t>(v), d});
        }
    return inst;
}

/// Under a capacity; sets the served, before/after and penalty figures of \a result.
CapacitatedRun solveCapacitatedRun(const Prepared& p, const Reach& r, const PlacementOptions& options, bool fixed,
                                   const PlacementControl* control, PlacementResult& result)
{
    const bool mclp = options.method == PlacementMethod::MaxCover;
    CapacitatedRun run;
    run.instance = capacitatedInstance(p, r, mclp, *options.capacity);
    const CapacitatedInstance& inst = run.instance;
    const double penalty = unservedPenalty(inst);
    if (fixed) {
        auto valueWith = [&](const std::vector<std::size_t>& sites) {
            const CapacitatedAssignment a = assignNearestFirst(inst, sites);
            return mclp ? a.served : -(a.cost + penalty * std::max(0.0, result.totalDemand - a.served));
        };
        run.solved = fixedSitesResult(p.candidates.size(), valueWith({}), valueWith);
        if (!mclp)
            run.solved.objective = run.solved.greedyObjective = -run.solved.objective;
    } else {
        SolverOptions solverOptions = solverOptionsOf(options, control);
        run.solved = solveCapacitated(inst, options.count, mclp ? CapacitatedGoal::MaxServed : CapacitatedGoal::MinCost,
                                      solverOptions);
    }
    const CapacitatedAssignment before = assignNearestFirst(inst, {});
    run.after = assignNearestFirst(inst, run.solved.chosen);
    result.servedBefore = before.served;
    result.servedAfter = run.after.served;
    if (mclp) {
        result.before = before.served;
        result.after = run.after.served;
        result.greedyAfter = run.solved.greedyObjective;
    } else {
        result.before = p.existing.empty() ? kNaN : before.cost;
        result.after = run.after.cost;
        result.greedyAfter = kNaN;
        result.unservedPenalty = penalty;
    }
    return run;
}

// ---------------------------------------------------------------------------------------
// Step 4: the assignment of villages to facilities
// ---------------------------------------------------------------------------------------

/// The label of a facility in VillageAssignment::servedBy.
std::string existingLabel(const Facility& f)
{
    return fmt::format("existing:{}", f.id);
}

/// Under a capacity: each village served by the facilities of the nearest-first flows.
/// Returns the demand each candidate serves.
std::vector<double> assignUnderCapacity(const Prepared& p, const Reach& r, const CapacitatedRun& run, bool mclp,
                                        PlacementResult& result)
{
    const std::size_t nV = p.villages.size(), nE = p.existing.size();
    // Flows come nearest first: a village's first flow is from its nearest serving facility.
    for (const ServiceFlow& flow : run.after.flows) {
        VillageAssignment& a = result.villages[flow.point];
        if (a.servingFacilities++ > 0)
            continue;
        a.distance = flow.distance;
        if (flow.facility < nE) {
            a.servedBy = existingLabel(*p.existing[flow.facility]);
            a.servedByName = p.existing[flow.facility]->name;
        } else {
            const Area* site = p.villages[p.candidates[flow.facility - nE]];
            a.servedBy = site->code;
            a.servedByName = site->name;
        }
    }
    std::vector<char> reachedAfter(nV, 0);
    for (std::size_t c : run.solved.chosen)
        for (const FacilityReach& fr : run.instance.candidates[c])
            if (!mclp || fr.distance <= r.reach)
                reachedAfter[fr.point] = 1;
    for (std::size_t v = 0; v < nV; ++v) {
        VillageAssignment& a = result.villages[v];
        a.served = run.after.servedAt[v];
        a.unserved = std::max(0.0, a.demand - a.served);
        // Covered = within reach (MCLP) or reached at all (p-median), whatever the capacity.
        a.coveredAfter =
            mclp ? (a.coveredBefore || reachedAfter[v]) : (std::isfinite(r.existing.distance[v]) || reachedAfter[v]);
        if (!mclp && !a.coveredAfter)
            ++result.unreachable;
    }
    std::vector<double> servedBySite(p.candidates.size(), 0.0);
    for (std::size_t c = 0; c < p.candidates.size(); ++c)
        servedBySite[c] = run.after.servedBy[nE + c];
    return servedBySite;
}

/// Without a capacity: each village served by its nearest facility (within reach for MCLP), which
/// serves all its demand. Returns the demand each candidate serves.
std::vector<double> assignToNearest(const Prepared& p, const Reach& r, const SolverResult& solved, bool mclp,
                                    PlacementResult& result)
{
    const std::size_t nV = p.villages.size();
    const std::vector<double>& existingDist = r.existing.distance;
    for (std::size_t v = 0; v < nV; ++v) {
        VillageAssignment& a = result.villages[v];
        const long long e = r.existing.index[v];
        if (e >= 0 && std::isfinite(existingDist[v]) && (!mclp || a.coveredBefore)) {
            const Facility* f = p.existing[static_cast<std::size_t>(e)];
            a.servedBy = existingLabel(*f);
            a.servedByName = f->name;
            a.distance = existingDist[v];
        }
    }
    std::vector<long long> siteOf(nV, -1);
    auto offer = [&](std::size_t c, std::size_t v, double d) {
        VillageAssignment& a = result.villages[v];
        if ((mclp && !(d <= r.reach)) || !std::isfinite(d))
            return;
        if (std::isnan(a.distance) || d < a.distance) {
            a.distance = d;
            a.servedBy = p.villages[p.candidates[c]]->code;
            a.servedByName = p.villages[p.candidates[c]]->name;
            siteOf[v] = static_cast<long long>(c);
        }
    };
    for (std::size_t c : solved.chosen) {
        if (mclp) {
            for (std::uint32_t v : r.covers[c])
                offer(c, v, r.candDistance(c, v));
        } else {
            for (std::size_t v = 0; v < nV; ++v)
                offer(c, v, r.candDistance(c, v));
        }
    }
    std::vector<double> servedBySite(p.candidates.size(), 0.0);
    for (std::size_t v = 0; v < nV; ++v) {
        VillageAssignment& a = result.villages[v];
        a.coveredAfter = mclp ? (a.coveredBefore || siteOf[v] >= 0) : !std::isnan(a.distance);
        if (siteOf[v] >= 0)
            servedBySite[static_cast<std::size_t>(siteOf[v])] += a.demand;
        a.served = a.coveredAfter ? a.demand : 0.0;
        a.unserved = a.demand - a.served;
        a.servingFacilities = a.served > 0.0 ? 1 : 0;
        result.servedAfter += a.served;
        if (mclp ? a.coveredBefore : std::isfinite(existingDist[v]))
            result.servedBefore += a.demand;
    }
    if (!mclp) {
        // Costs over the villages some facility reaches (real distances, no penalty).
        double before = 0.0, after = 0.0;
        for (std::size_t v = 0; v < nV; ++v) {
            const VillageAssignment& a = result.villages[v];
            if (std::isnan(a.distance)) {
                ++result.unreachable;
                continue;
            }
            after += a.demand * a.distance;
            if (std::isfinite(existingDist[v]))
                before += a.demand * existingDist[v];
        }
        result.before = p.existing.empty() ? kNaN : before;
        result.after = after;
    }
    result.greedyAfter = mclp ? solved.greedyObjective : kNaN;
    return servedBySite;
}

// ---------------------------------------------------------------------------------------
// Step 5: the summary figures (access ratio, the chosen sites)
// ---------------------------------------------------------------------------------------

/// 2SFCA access (MCLP reach): facilities per 1,000 demand within reach, before and after.
void addAccessRatios(const Prepared& p, const Reach& r, const SolverResult& solved, PlacementResult& result)
{
    std::vector<std::vector<std::uint32_t>> existingCovers;
    if (!p.existing.empty())
        existingCovers =
            detail::pointsWithinReach(p.existingPoints, p.points, r.reach, r.byMinutes ? &r.existingMinutes : nullptr);
    const std::vector<double> before = accessRatio2sfca(p.demand, existingCovers);
    for (std::size_t c : solved.chosen)
        existingCovers.push_back(r.covers[c]);
    const std::vector<double> after = accessRatio2sfca(p.demand, existingCovers);
    for (std::size_t v = 0; v < p.villages.size(); ++v) {
        result.villages[v].accessBefore = before[v];
        result.villages[v].accessAfter = after[v];
    }
}

void addSites(const Prepared& p, const Reach& r, const SolverResult& solved, const std::vector<double>& servedBySite,
              bool mclp, PlacementResult& result)
{
    for (std::size_t k = 0; k < solved.chosen.size(); ++k) {
        const std::size_t c = solved.chosen[k];
        PlacedSite site;
        site.code = p.villages[p.candidates[c]]->code;
        site.name = p.villages[p.candidates[c]]->name;
        site.point = p.candidatePoints[c];
        site.gain = solved.gain[k];
        site.served = servedBySite[c];
        if (mclp) {
            for (std::uint32_t v : r.covers[c])
                site.withinReach += p.demand[v];
        } else {
            for (std::size_t v = 0; v < p.villages.size(); ++v)
                if (r.candDistance(c, v) <= r.reach)
                    site.withinReach += p.demand[v];
        }
        result.sites.push_back(site);
    }
}

/// The result's parameters and one assignment per village with its demand and prior cover.
PlacementResult startResult(const Prepared& p, const Reach& r, const PlacementOptions& options)
{
    PlacementResult result;
    result.options = options;
    result.options.roads = nullptr;
    result.options.travel = nullptr;
    result.roadsUsed = options.roads != nullptr || options.travel != nullptr;
    result.travelUsed = options.travel != nullptr && options.roads == nullptr;
    result.period = p.period;
    result.candidateCount = p.candidates.size();
    result.existingCount = p.existing.size();
    result.totalDemand = std::accumulate(p.demand.begin(), p.demand.end(), 0.0);
    result.villages.resize(p.villages.size());
    for (std::size_t v = 0; v < p.villages.size(); ++v) {
        VillageAssignment& a = result.villages[v];
        a.code = p.villages[v]->code;
        a.name = p.villages[v]->name;
        a.demand = p.demand[v];
        a.coveredBefore = r.existing.distance[v] <= r.reach;
    }
    return result;
}

PlacementResult run(const Dataset& ds, const PlacementOptions& options, const std::vector<std::string>* fixedCodes,
                    const PlacementControl* control)
{
    runCheckpoint(control, 0.0);
    const Prepared p = prepareInput(ds, options, fixedCodes);
    runCheckpoint(control, 0.05);
    const Reach r = computeReach(p, options);
    runCheckpoint(control, 0.15);
    const bool mclp = options.method == PlacementMethod::MaxCover;
    const bool fixed = fixedCodes != nullptr;
    PlacementResult result = startResult(p, r, options);
    SolverResult solved;
    std::vector<double> servedBySite;
    if (options.capacity) {
        CapacitatedRun capacitated = solveCapacitatedRun(p, r, options, fixed, control, result);
        servedBySite = assignUnderCapacity(p, r, capacitated, mclp, result);
        solved = std::move(capacitated.solved);
    } else {
        solved = mclp ? solveMaxCoverRun(p, r, options, fixed, control, result)
                      : solvePMedianRun(p, r, options, fixed, control);
        servedBySite = assignToNearest(p, r, solved, mclp, result);
    }
    result.swaps = solved.swaps;
    if (mclp)
        addAccessRatios(p, r, solved, result);
    addSites(p, r, solved, servedBySite, mclp, result);
    runCheckpoint(control, 1.0);
    return result;
}

} // namespace

PlacementResult placeFacilities(const Dataset& ds, const PlacementOptions& options)
{
    return run(ds, options, nullptr, nullptr);
}

PlacementResult placeFacilities(const Dataset& ds, const PlacementOptions& options, const PlacementControl& control)
{
    return run(ds, options, nullptr, &control);
}

PlacementResult evaluateSites(const Dataset& ds, const PlacementOptions& options, const std::vector<std::string>& codes)
{
    return run(ds, options, &codes, nullptr);
}

std::vector<std::string> topPriorityCodes(const Dataset& ds, std::size_t n, const std::string& period)
{
    const AnalysisTable table = analyzeVillages(ds, period);
    std::vector<std::pair<int, std::string>> ranked;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (table.priority.rank[r] > 0)
            ranked.emplace_back(table.priority.rank[r], table.rows[r].kode);
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t k = 0; k < ranked.size() && k < n; ++k)
        out.push_back(ranked[k].second);
    return out;
}

} // namespace gis
