#pragma once
/// \file hotspots.h
/// `sasaran-cli hotspots`: global Moran's I and local clusters (LISA) of an indicator.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

struct HotspotsOptions {
    std::string project;           ///< project file or ":default"
    std::string indicator;         ///< any indicatorValues key, or poverty_rate_eb
    std::string period;            ///< empty = the latest
    std::string weights = "queen"; ///< queen | knn
    std::size_t k = 6;
    double toleranceM = 50.0;
    int permutations = 999;
    std::uint64_t seed = 12345;
    double alpha = 0.05;
    bool fdr = false;
    std::string out; ///< CSV to write
};

/// \brief Adds the `hotspots` subcommand to \a cli, bound to \a options; returns it.
CLI::App* addHotspotsCommand(CLI::App& cli, HotspotsOptions& options);

/// \brief Runs the analysis, writes the CSV and prints Moran's I, its permutation p-value and
/// z, the islands left out and the count per cluster to \a out.
/// \throws gis::Error (ProjectError for a missing project, OutputError for an unwritable file)
/// for the caller to turn into an exit code.
int runHotspots(const HotspotsOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
