#pragma once
/// \file export.h
/// `sasaran-cli export PROJECT --out FILE.(gpkg|shp|geojson|csv|xlsx) [--period P]`.
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

struct ExportCommandOptions {
    std::string project; ///< project file or ":default"
    std::string out;
    std::string period; ///< empty = the default period
    int smallCountThreshold = 5; ///< gis::ExportOptions::smallCountThreshold
};

/// \brief Adds `export` to \a cli, bound to \a options; returns it.
CLI::App* addExportCommand(CLI::App& cli, ExportCommandOptions& options);

/// \brief Runs the export and prints its report. \throws gis::Error for the caller to map.
int runExport(const ExportCommandOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
