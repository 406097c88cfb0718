// The file store's small writes at national scale (not a timed test; figures in bench/README.md):
//   build/bench/bench_storewrite FILE.sasaran.sqlite
// works on a copy of FILE (e.g. the 84,000-village project of make_synthetic). One iteration
// is what a desktop edit or a one-value import costs the store: open the project for writing,
// write one indicator value in one transaction, close (the WAL checkpointed into the file).
#include "gis/store.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace {

std::string gProject; // the working copy

std::string firstVillageCode()
{
    auto store = gis::openProject(gProject, gis::OpenMode::ReadOnly);
    gis::ProjectReadOptions options;
    options.parts = gis::ProjectPart::Areas;
    options.areaGeometry = false;
    const gis::Dataset ds = store->read(options);
    return ds.villages().front()->code;
}

void BM_OneValueChange(benchmark::State& state)
{
    const std::string code = firstVillageCode();
    double value = 0;
    for (auto _ : state) {
        auto store = gis::openProject(gProject, gis::OpenMode::ReadWrite);
        gis::ProjectChanges change;
        change.upsertValues.push_back({code, "miskin", "2099", value += 1, "bench", "2026-12-02T00:00:00Z"});
        store->write(change);
    }
}
BENCHMARK(BM_OneValueChange)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_OneValueChangeOnOpenStore(benchmark::State& state)
{
    const std::string code = firstVillageCode();
    auto store = gis::openProject(gProject, gis::OpenMode::ReadWrite);
    double value = 0;
    for (auto _ : state) {
        gis::ProjectChanges change;
        change.upsertValues.push_back({code, "miskin", "2099", value += 1, "bench", "2026-12-02T00:00:00Z"});
        store->write(change);
    }
}
BENCHMARK(BM_OneValueChangeOnOpenStore)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_storewrite FILE.sasaran.sqlite\n");
        return 2;
    }
    gProject = (std::filesystem::temp_directory_path() / "bench_storewrite.sasaran.sqlite").string();
    std::filesystem::copy_file(argv[1], gProject, std::filesystem::copy_options::overwrite_existing);
    benchmark::RunSpecifiedBenchmarks();
    std::filesystem::remove(gProject);
    return 0;
}
