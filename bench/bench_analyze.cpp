// The whole analyze job at national scale: read the project file of 84,000 synthetic villages
// (60 vertices each) and 60,000 facilities, then compute every per-village measure and the
// priority score. Reports wall time and peak memory; asserts nothing.
#include "gis/analysis.h"
#include "gis/project.h"
#include "synthetic.h"

#include <benchmark/benchmark.h>
#include <sys/resource.h>


namespace {

double peakMemoryMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_AnalyzeNationalScale(benchmark::State& state)
{
    const std::string path = bench::syntheticProjectFile();
    std::size_t rows = 0;
    for (auto _ : state) {
        const gis::Dataset ds = gis::loadProject(path);
        const gis::AnalysisTable table = gis::analyzeVillages(ds);
        rows = table.rows.size();
        benchmark::DoNotOptimize(table);
    }
    state.counters["villages"] = static_cast<double>(rows);
    state.counters["peak_MB"] = peakMemoryMb();
}
BENCHMARK(BM_AnalyzeNationalScale)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_LoadProjectNationalScale(benchmark::State& state)
{
    const std::string path = bench::syntheticProjectFile();
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::loadProject(path));
}
BENCHMARK(BM_LoadProjectNationalScale)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_MeasuresNationalScale(benchmark::State& state)
{
    const gis::Dataset ds = gis::loadProject(bench::syntheticProjectFile());
    for (auto _ : state)
        benchmark::DoNotOptimize(gis::computeVillageMeasures(ds));
}
BENCHMARK(BM_MeasuresNationalScale)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
