#pragma once
/// \file analyze.h
/// `sasaran-cli analyze`: the per-pekon analysis table and the priority ranking.
#include "gis/analysis.h"
#include "gis/dataset.h"

#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

struct AnalyzeOptions {
    std::string project;      ///< project file or ":default"
    std::string period;       ///< empty = the latest period of "miskin"
    std::string compare;      ///< earlier period: adds <key>_<compare> and change_<key> (gis/periodchange.h)
    std::string schemeFile;   ///< empty = the default remote-area priority scheme; a JSON file or a kept scheme's name
    bool keepScheme = false;  ///< keep the scheme used in the project file
    std::string out;          ///< CSV to write
    std::string writeScheme;  ///< when set, the default scheme is written here as JSON
    int sensitivityDraws = 0; ///< > 0: add rank_min, rank_max, top_share from perturbed weights
    double perturbation = 0.2;
    int topN = 30;
    unsigned long long seed = 20190;
    bool islands = true;        ///< add island_status and island_km2
    std::string roads;          ///< road line layer FILE[:LAYER]; adds travel_*_min columns
    std::string roadClassField; ///< field naming the road class (empty: every road at the default speed)
    std::string roadSpeeds;     ///< "primary=60,secondary=40,ferry=15" (km/h by class)
    double defaultSpeedKmh = 30.0;
    double offroadSpeedKmh = 5.0;
    bool travel = false; ///< add terrain travel columns (cli/travel.h) on the project's DEM and the roads
    double travelResolutionM = 100.0;
};

/// \brief The priority scheme named by --scheme: gis::resolvePriorityScheme (kept here for the
/// commands that call it by this name).
/// \throws gis::Error (DataSourceError for an unreadable file) naming it.
gis::PriorityScheme resolveScheme(const gis::Dataset& ds, const std::string& fileOrName);

/// \brief Adds the `analyze` subcommand to \a cli, bound to \a options; returns it.
CLI::App* addAnalyzeCommand(CLI::App& cli, AnalyzeOptions& options);

/// \brief Runs the analysis: writes the CSV and prints the top 10 by priority with their
/// largest contributions to \a out. Returns an exit code for usage errors (2);
/// \throws gis::Error (DataSourceError for an unreadable scheme, OutputError for an
/// unwritable file) for the caller to turn into an exit code.
int runAnalyze(const AnalyzeOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
