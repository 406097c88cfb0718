#include "cli/pokdarwis.h"

#include "cli/common.h"
#include "cli/place.h"
#include "cli/roads.h"
#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/network.h"
#include "gis/pokdarwis.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <numeric>
#include <optional>

namespace app::cli {

CLI::App* addPokdarwisCommand(CLI::App& cli, PokdarwisCommandOptions& options)
{
    auto* cmd = cli.add_subcommand(
        "pokdarwis", "Rank pekon as candidates for a new POKDARWIS: attractions, access and poverty, as a CSV table");
    cmd->add_option("PROJECT", options.project, "Project file or :default")->required();
    cmd->add_option("--out", options.out, "FILE.csv or FILE.gpkg (polygon layer pokdarwis), one row per pekon")
        ->required();
    cmd->add_option("--period", options.period, "Period (default: the latest)");
    cmd->add_option("--radius-km", options.radiusKm, "Attractions (WISATA) within this distance count as near")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--scheme", options.schemeFile,
                    "Weights as a priority-scheme JSON; keys: attractions_near, attractions_inside, "
                    "nearest_attraction_km, dist_capital_km, poverty_rate, miskin (with --roads also "
                    "travel_capital_min, road_gap_km)");
    cmd->add_option("--roads", options.roads,
                    "Road lines FILE[:LAYER]: access by travel time and road gap (default: the project's road "
                    "layer, when it has one)");
    cmd->add_option("--road-class-field", options.roadClassField, "Field of --roads holding the road class");
    cmd->add_option("--road-speeds", options.roadSpeeds, "Speeds by class in km/h, e.g. primary=60,ferry=15");
    cmd->add_option("--default-speed", options.defaultSpeedKmh, "km/h for roads of no listed class")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--offroad-speed", options.offroadSpeedKmh, "km/h from a pekon to the road")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    return cmd;
}

int runPokdarwis(const PokdarwisCommandOptions& options, std::ostream& out, std::ostream& /*err*/)
{
    const std::string extension = tableOutputExtension("pokdarwis", options.out);
    const gis::Dataset ds = openProjectOrDefault(options.project);
    const std::optional<CommandRoads> roads =
        commandRoads(ds, {options.roads, options.roadClassField, options.roadSpeeds, options.defaultSpeedKmh,
                          options.offroadSpeedKmh});
    gis::PokdarwisOptions po;
    po.radiusKm = options.radiusKm;
    po.period = options.period;
    po.roads = roads ? &roads->network : nullptr;
    const gis::PriorityScheme scheme = options.schemeFile.empty() ? gis::defaultPokdarwisScheme(roads.has_value())
                                                                  : gis::loadScheme(options.schemeFile);
    const gis::PokdarwisResult result = gis::rankPokdarwisSites(ds, po, scheme);
    if (extension == ".gpkg")
        gis::writePokdarwisGpkg(ds, result, options.out);
    else
        gis::writePokdarwisCsv(result, options.out);

    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    std::size_t withGroup = 0;
    for (const auto& row : result.rows)
        withGroup += row.hasGroup ? 1 : 0;
    fmt::print(out,
               "pokdarwis: {} pekon, {} attractions (WISATA), {} pekon already with a POKDARWIS (not ranked); "
               "scheme: {}\n",
               result.rows.size(), result.attractionCount, withGroup, scheme.name);
    std::string weights;
    double total = 0;
    for (const auto& ind : scheme.indicators)
        total += ind.weight;
    for (const auto& ind : scheme.indicators)
        weights += fmt::format("{}{} {:.0f} %", weights.empty() ? "" : ", ", ind.key, 100.0 * ind.weight / total);
    fmt::print(out, "weights: {}\n{}\n", weights, result.missingReport);
    if (roads)
        fmt::print(out, "roads: {}\n", roads->source);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < result.rows.size(); ++i)
        if (result.rows[i].rank > 0)
            order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return result.rows[a].rank < result.rows[b].rank; });
    fmt::print(out, "top {} candidates (rank, score, pekon, kecamatan: contributions in points)\n",
               std::min<std::size_t>(10, order.size()));
    for (std::size_t pos = 0; pos < order.size() && pos < 10; ++pos) {
        const auto& row = result.rows[order[pos]];
        std::string why;
        for (std::size_t k = 0; k < scheme.indicators.size(); ++k)
            why += fmt::format("{}{} {:.1f}", k ? ", " : "", scheme.indicators[k].key, row.contribution[k]);
        fmt::print(out, "{:>3}. {:6.2f}  {} {} ({}): {}\n", row.rank, row.score, row.code, row.name, row.kecamatan,
                   why);
    }
    fmt::print(out, "wrote {}: {}\n", extension == ".gpkg" ? "layer pokdarwis" : "table",
               std::filesystem::absolute(options.out).string());
    return 0;
}

} // namespace app::cli
