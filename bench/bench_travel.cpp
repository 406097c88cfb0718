// Travel time over terrain at regency scale (reports figures; not a test): a synthetic DEM
// with ridges and valleys (0-2,100 m), a road every 5 km at 40 km/h, the sea along one edge.
// - Tanggamus extent at 100 m: 1,732 x 1,732 = 3.0 M cells, to the nearest of 20 facilities.
// - One kecamatan at 30 m: 20 x 20 km = 667 x 667 = 0.44 M cells, to the nearest of 3.
// Peak memory is reported as the process's maximum resident set (ru_maxrss) after the run.
#include "gis/travel.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cmath>
#include <random>

namespace {

gis::FrictionGrid syntheticTerrain(int size, double cellM)
{
    gis::FrictionGrid g = gis::FrictionGrid::flat(size, size, cellM);
    g.elevation.resize(g.cellCount());
    const double extent = size * cellM;
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            const double x = c * cellM, y = r * cellM;
            const double ridge = 1050.0 * (1.0 + std::sin(x / 9000.0) * std::cos(y / 7000.0));
            g.elevation[g.shape.index(c, r)] = static_cast<float>(ridge * std::min(1.0, y / (0.2 * extent)));
            if (y < 0.05 * extent)
                g.setWalkKmh(g.shape.index(c, r), 0.0); // the sea along the top edge
        }
    for (double x = 2500.0; x < extent; x += 5000.0) {
        const gis::Point top = g.shape.cellCenter(static_cast<int>(x / cellM), 0);
        const gis::Point bottom = g.shape.cellCenter(static_cast<int>(x / cellM), size - 1);
        g.burnLine({top, bottom}, 40.0);
        g.burnLine({g.shape.cellCenter(0, static_cast<int>(x / cellM)),
                    g.shape.cellCenter(size - 1, static_cast<int>(x / cellM))},
                   40.0);
    }
    return g;
}

std::vector<gis::Point> facilities(const gis::FrictionGrid& g, int n)
{
    std::mt19937 rng(17);
    std::uniform_int_distribution<int> pick(g.shape.height / 10, g.shape.height - 1);
    std::vector<gis::Point> points;
    for (int i = 0; i < n; ++i)
        points.push_back(g.shape.cellCenter(pick(rng), pick(rng)));
    return points;
}

void report(benchmark::State& state, const gis::FrictionGrid& g)
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["cells_M"] = static_cast<double>(g.cellCount()) / 1e6;
    state.counters["peak_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_TravelTanggamus100mFrom20Facilities(benchmark::State& state)
{
    const gis::FrictionGrid g = syntheticTerrain(1732, 100.0);
    const std::vector<gis::Point> targets = facilities(g, 20);
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::travelTimes(g, targets));
    report(state, g);
}
BENCHMARK(BM_TravelTanggamus100mFrom20Facilities)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TravelKecamatan30mFrom3Facilities(benchmark::State& state)
{
    const gis::FrictionGrid g = syntheticTerrain(667, 30.0);
    const std::vector<gis::Point> targets = facilities(g, 3);
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::travelTimes(g, targets));
    report(state, g);
}
BENCHMARK(BM_TravelKecamatan30mFrom3Facilities)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_TravelFourKindsOnTwoCores(benchmark::State& state)
{
    const gis::FrictionGrid g = syntheticTerrain(1732, 100.0);
    const std::vector<std::vector<gis::Point>> sets = {facilities(g, 20), facilities(g, 40), facilities(g, 60),
                                                       facilities(g, 1)};
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::travelTimesMany(g, sets));
    report(state, g);
}
BENCHMARK(BM_TravelFourKindsOnTwoCores)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
