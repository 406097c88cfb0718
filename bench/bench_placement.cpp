// Placement at national scale: 84,000 synthetic villages as demand points (miskin), 20,000
// candidate villages (every 4.2nd), N = 500 new Puskessos within 10 km, by maximal covering
// (greedy + swap). Coverage lists come from a latitude/longitude grid (not all pairs), built on
// every hardware thread. Reports wall time of the whole placeFacilities call and of the solver
// on its own; asserts nothing.
#include "gis/geometryops.h"
#include "gis/placement.h"
#include "synthetic.h"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

const gis::Dataset& syntheticDataset()
{
    static const gis::Dataset ds = bench::makeSyntheticDataset();
    return ds;
}

std::string candidateCodes(const gis::Dataset& ds, std::size_t count)
{
    const auto villages = ds.villages();
    std::string codes;
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = k * villages.size() / count;
        codes += (codes.empty() ? "" : ",") + villages[i]->code;
    }
    return codes;
}

void BM_PlaceMclpNationalScale(benchmark::State& state)
{
    const gis::Dataset& ds = syntheticDataset();
    gis::PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 500;
    o.radiusKm = 10.0;
    o.candidates = candidateCodes(ds, 20000);
    gis::PlacementResult result;
    for (auto _ : state) {
        result = gis::placeFacilities(ds, o);
        benchmark::DoNotOptimize(result);
    }
    state.counters["villages"] = static_cast<double>(result.villages.size());
    state.counters["candidates"] = static_cast<double>(result.candidateCount);
    state.counters["existing"] = static_cast<double>(result.existingCount);
    state.counters["sites"] = static_cast<double>(result.sites.size());
    state.counters["covered_before"] = result.before;
    state.counters["covered_after"] = result.after;
    state.counters["greedy_after"] = result.greedyAfter;
    state.counters["swaps"] = static_cast<double>(result.swaps);
}
BENCHMARK(BM_PlaceMclpNationalScale)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

/// The solver alone on the same demand points, 20,000 candidates and 500 sites, with a 60 km
/// radius (about 100 villages in each list, so sites compete) and no existing facilities.
void BM_SolveMaxCover84kBy20k(benchmark::State& state)
{
    const gis::Dataset& ds = syntheticDataset();
    const auto villages = ds.villages();
    std::vector<gis::Point> points;
    for (const gis::Area* a : villages)
        points.push_back(gis::pointOnSurface(a->geometry));
    std::vector<gis::Point> candidates;
    for (std::size_t k = 0; k < 20000; ++k)
        candidates.push_back(points[k * points.size() / 20000]);
    gis::CoverageInstance inst;
    inst.demand.assign(points.size(), 1.0);
    for (std::size_t i = 0; i < points.size(); ++i)
        inst.demand[i] = 1.0 + static_cast<double>((i * 2654435761u) % 1000);
    inst.covers = gis::coverageLists(candidates, points, 60.0, 0);
    std::size_t pairs = 0;
    for (const auto& l : inst.covers)
        pairs += l.size();
    gis::SolverResult r;
    for (auto _ : state) {
        r = gis::solveMaxCover(inst, 500);
        benchmark::DoNotOptimize(r);
    }
    state.counters["cover_pairs"] = static_cast<double>(pairs);
    state.counters["greedy"] = r.greedyObjective;
    state.counters["after_swap"] = r.objective;
    state.counters["swaps"] = static_cast<double>(r.swaps);
}
BENCHMARK(BM_SolveMaxCover84kBy20k)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
