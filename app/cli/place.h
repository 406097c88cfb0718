#pragma once
/// \file place.h
/// `sasaran-cli place`: where N new facilities of a kind should go (maximal covering or
/// p-median), with the demand each covers, and `sasaran-cli pokdarwis` (see pokdarwis.h).
#include "cli/roads.h"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

struct PlaceOptions {
    std::string project; ///< project file or ":default"
    std::string kind;    ///< facility kind, e.g. PUSKESSOS
    std::size_t count = 0;
    double radiusKm = 0.0;       ///< 0 = not given
    double minutes = 0.0;        ///< 0 = not given (needs roads, stored or --roads, or travel)
    bool travel = false;         ///< minutes over terrain (gis::TerrainTravelMinutes)
    double travelResolutionM = 100.0;
    std::string method = "mclp"; ///< mclp | pmedian
    std::string demand = "miskin";
    std::string period;
    std::string candidates; ///< rule or list of codes (see gis::PlacementOptions)
    std::uint64_t seed = 20190;
    double capacity = 0.0; ///< demand units one facility serves at most; 0 = unlimited
    bool save = false;     ///< store the run in the project (table program)
    std::string out;       ///< CSV or GeoPackage to write
    std::string roads;     ///< road lines FILE[:LAYER]
    std::string roadClassField;
    std::string roadSpeeds; ///< "primary=60,ferry=15"
    double defaultSpeedKmh = 30.0;
    double offroadSpeedKmh = 5.0;
};

/// \brief Adds the `place` subcommand to \a cli, bound to \a options; returns it.
CLI::App* addPlaceCommand(CLI::App& cli, PlaceOptions& options);

/// \brief Runs the placement, writes the CSV or GeoPackage and prints the sites in order of marginal gain,
/// coverage before and after, the 2SFCA access ratio, and (MCLP) what the same number of
/// facilities in the highest-priority pekon would cover (the figures of gis::summarisePlacement).
/// \throws UsageError for a wrong combination of options, gis::Error for the caller to turn into
/// an exit code (a gis::PlacementError comes back as a gis::Error naming the option).
int runPlace(const PlaceOptions& options, std::ostream& out, std::ostream& err);

/// \brief Adds the `programs` subcommand (saved placement runs side by side) to \a cli.
CLI::App* addProgramsCommand(CLI::App& cli, std::string& project);

/// \brief Prints the saved runs of \a project, one line each. \throws UsageError for :default, gis::Error.
int runPrograms(const std::string& project, std::ostream& out, std::ostream& err);

/// \brief The lower-case extension of \a path when it is .csv or .gpkg.
/// \throws UsageError naming \a command and \a path otherwise.
std::string tableOutputExtension(const std::string& command, const std::string& path);

} // namespace app::cli
