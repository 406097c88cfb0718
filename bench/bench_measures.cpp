// Benchmarks of the core measures on the embedded dataset (reports figures; not a test).
#include "gis/demo.h"
#include "gis/measure.h"
#include "gis/project.h"
#include "gis/spatialindex.h"

#include <benchmark/benchmark.h>

#include <filesystem>

namespace {

const gis::Dataset& tanggamus()
{
    static const gis::Dataset ds = gis::buildDefaultDataset();
    return ds;
}

void BM_BuildDefaultDataset(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::buildDefaultDataset());
}
BENCHMARK(BM_BuildDefaultDataset)->Unit(benchmark::kMillisecond);

void BM_GeodesicAreaOfAllPekon(benchmark::State& state)
{
    const auto villages = tanggamus().villages();
    for (auto _ : state) {
        double total = 0;
        for (const gis::Area* a : villages)
            total += gis::geodesicAreaKm2(a->geometry);
        benchmark::DoNotOptimize(total);
    }
}
BENCHMARK(BM_GeodesicAreaOfAllPekon)->Unit(benchmark::kMicrosecond);

void BM_PointInPolygonJoinOfFacilities(benchmark::State& state)
{
    std::vector<gis::MultiPolygon> polygons;
    for (const gis::Area* a : tanggamus().villages())
        polygons.push_back(a->geometry);
    std::vector<gis::Point> points;
    for (const gis::Facility& f : tanggamus().facilities)
        points.push_back(f.location);
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::joinPointsToPolygons(points, polygons));
}
BENCHMARK(BM_PointInPolygonJoinOfFacilities)->Unit(benchmark::kMicrosecond);

void BM_SaveAndLoadProject(benchmark::State& state)
{
    const auto path = std::filesystem::temp_directory_path() / "bench.sasaran.sqlite";
    for (auto _ : state) {
        gis::saveProject(tanggamus(), path.string());
        benchmark::DoNotOptimize(gis::loadProject(path.string()));
    }
    std::filesystem::remove(path);
}
BENCHMARK(BM_SaveAndLoadProject)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
