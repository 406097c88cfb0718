#pragma once
/// \file pokdarwis.h
/// `sasaran-cli pokdarwis`: ranking of pekon as candidates for a new POKDARWIS.
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

struct PokdarwisCommandOptions {
    std::string project; ///< project file or ":default"
    std::string out;     ///< CSV or GeoPackage to write
    std::string period;
    double radiusKm = 10.0; ///< attractions within this count as near
    std::string schemeFile; ///< scheme JSON (keys: columns of the ranking); empty = default
    std::string roads;      ///< road lines FILE[:LAYER]: travel time instead of distance
    std::string roadClassField;
    std::string roadSpeeds;
    double defaultSpeedKmh = 30.0;
    double offroadSpeedKmh = 5.0;
};

CLI::App* addPokdarwisCommand(CLI::App& cli, PokdarwisCommandOptions& options);

/// \brief Ranks, writes the CSV or GeoPackage and prints the top 10 with their largest contributions.
/// \throws gis::Error for the caller to turn into an exit code.
int runPokdarwis(const PokdarwisCommandOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
