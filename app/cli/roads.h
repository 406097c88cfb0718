#pragma once
/// \file roads.h
/// `sasaran-cli import roads` (the project's road layer, gis/roadlayer.h) and the --roads
/// options shared by analyze, place, travel and pokdarwis: a --roads file when given, else the
/// project's stored roads.
#include "gis/network.h"
#include "gis/vectorio.h"

#include <optional>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace gis {
struct Dataset;
}

namespace app::cli {

/// \brief Reads FILE[:LAYER] (any OGR source) reprojected to lon/lat.
/// \throws gis::DataSourceError naming the file.
gis::VectorData readLineLayer(const std::string& fileAndLayer);
/// \brief The lines of a road layer FILE[:LAYER], for drawing on maps.
/// \throws gis::DataSourceError naming the file, also when it holds no lines.
std::vector<gis::LineString> readRoadLines(const std::string& fileAndLayer);

/// \brief Reads a road layer FILE[:LAYER] into a network; \a speeds is "class=kmh,...".
/// \throws gis::Error (DataSourceError for an unreadable file, Error for bad speeds).
gis::RoadNetwork readRoadLayer(const std::string& fileAndLayer, const std::string& classField,
                               const std::string& speeds, double defaultSpeedKmh, double offroadSpeedKmh);

/// \brief The --roads options of a command.
struct RoadOptions {
    std::string file;       ///< FILE[:LAYER]; empty = the project's road layer
    std::string classField; ///< with file: field of the class
    std::string speeds;     ///< with file: "primary=60,ferry=15"
    double defaultSpeedKmh = 30.0;
    double offroadSpeedKmh = 5.0;
};

/// \brief The roads a command uses, and a line saying which they are.
struct CommandRoads {
    gis::RoadNetwork network;
    std::string source; ///< "file roads.gpkg" or "the project's road layer (12 roads)"
};
/// \brief The --roads file when given (it overrides the project's), else the project's road
/// layer (Dataset::roads) at its class speeds; nullopt when there is neither.
std::optional<CommandRoads> commandRoads(const gis::Dataset& ds, const RoadOptions& options);

struct RoadImportCommandOptions {
    std::string project;
    std::string source;     ///< FILE[:LAYER]
    std::string classField; ///< empty = detect (gis::roadClassFieldCandidates)
    std::string speeds;     ///< JSON file of class -> km/h over the defaults; empty = the defaults
};

/// \brief The `import roads` subcommand under \a importCmd.
CLI::App* addImportRoadsCommand(CLI::App* importCmd, RoadImportCommandOptions& options);
/// \brief Replaces the project's road layer in one transaction and prints what it holds.
int runImportRoads(const RoadImportCommandOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
