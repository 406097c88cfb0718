// The PostGIS store at national scale (not a timed test; figures in bench/README.md):
//   SASARAN_TEST_PG_URI=postgresql://... build/bench/bench_pgstore [FILE.sasaran.sqlite]
// copies the 84,000-village synthetic project file -> server -> file, then times the analysis
// reading the project from the file and from the server (load + analyzeVillages), each
// best of three. Prints wall times and peak memory; asserts nothing.
#include "../gis/src/detail/serverstore.h"

#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/project.h"
#include "synthetic.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>

namespace {

double seconds(const std::function<void()>& job)
{
    const auto start = std::chrono::steady_clock::now();
    job();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double bestOf3(const std::function<void()>& job)
{
    double best = 1e300;
    for (int i = 0; i < 3; ++i)
        best = std::min(best, seconds(job));
    return best;
}

double peakMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char** argv)
{
    const char* base = std::getenv("SASARAN_TEST_PG_URI");
    if (!base) {
        std::fprintf(stderr,
                     "bench_pgstore: set SASARAN_TEST_PG_URI (bash scripts/pgtest.sh build/bench/bench_pgstore)\n");
        return 2;
    }
    try {
        std::string file =
            argc > 1 ? argv[1] : (std::filesystem::temp_directory_path() / "sasaran_bench_84k.sasaran.sqlite").string();
        if (!std::filesystem::exists(file) || gis::projectSchemaVersion(file) < gis::kProjectSchemaVersion)
            gis::saveProject(bench::makeSyntheticDataset(), file);
        const std::string server = std::string(base) + "?project=bench_84k";
        const std::string back = file + ".back.sasaran.sqlite";

        gis::Dataset ds;
        const double load = seconds([&] { ds = gis::loadProject(file); });
        std::printf("villages %zu, facilities %zu, values %zu; file read %.2f s\n", ds.areas.size(),
                    ds.facilities.size(), ds.indicators.size(), load);
        const double toServer = seconds([&] { gis::detail::createServerProject(server, ds, true); });
        std::printf("copy file -> server (read file + create schema, COPY, indexes): %.2f s\n", load + toServer);
        gis::Dataset fromServer;
        const double serverRead =
            seconds([&] { fromServer = gis::detail::openServerProject(server, gis::OpenMode::ReadOnly)->read(); });
        const double toFile = seconds([&] { gis::saveProject(fromServer, back); });
        std::printf("copy server -> file (read server + write file): %.2f s\n", serverRead + toFile);
        fromServer = {};
        ds = {};

        const double analyzeFile = bestOf3([&] {
            const gis::Dataset d = gis::loadProject(file);
            (void)gis::analyzeVillages(d);
        });
        const double analyzeServer = bestOf3([&] {
            const gis::Dataset d = gis::detail::openServerProject(server, gis::OpenMode::ReadOnly)->read();
            (void)gis::analyzeVillages(d);
        });
        const double readFile = bestOf3([&] { (void)gis::loadProject(file); });
        const double readServer =
            bestOf3([&] { (void)gis::detail::openServerProject(server, gis::OpenMode::ReadOnly)->read(); });
        std::printf("read: file %.2f s, server %.2f s\n", readFile, readServer);
        std::printf("analyze (read + analyzeVillages): file %.2f s, server %.2f s, ratio %.2f\n", analyzeFile,
                    analyzeServer, analyzeServer / analyzeFile);
        std::printf("peak %.0f MiB\n", peakMb());
        std::filesystem::remove(back);
    } catch (const gis::Error& e) {
        std::fprintf(stderr, "bench_pgstore: %s\n", e.what());
        return 1;
    }
    return 0;
}
