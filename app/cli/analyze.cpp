#include "cli/analyze.h"

#include "cli/common.h"
#include "cli/roads.h"
#include "cli/travel.h"
#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/network.h"
#include "gis/periodchange.h"
#include "gis/project.h"
#include "gis/text.h"
#include "gis/vectorio.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <vector>

namespace app::cli {

gis::PriorityScheme resolveScheme(const gis::Dataset& ds, const std::string& fileOrName)
{
    return gis::resolvePriorityScheme(ds, fileOrName);
}

CLI::App* addAnalyzeCommand(CLI::App& cli, AnalyzeOptions& options)
{
    auto* analyze = cli.add_subcommand(
        "analyze", "Per-pekon poverty, service coverage, remoteness and the priority score, as a CSV table");
    analyze->add_option("PROJECT", options.project, "Project file or :default");
    analyze->add_option("--period", options.period, "Period, e.g. 2018 (default: the latest)");
    analyze->add_option("--compare", options.compare,
                        "Earlier period: adds <key>_<period> and change_<key> (later minus earlier; poverty_rate "
                        "in percentage points) for every indicator held in both periods");
    analyze->add_option("--scheme", options.schemeFile,
                        "Priority scheme: a JSON file, or the name of one kept in the project "
                        "(default: remote-area priority; see --write-scheme)");
    analyze->add_flag("--keep-scheme", options.keepScheme, "Keep the scheme used in the project file, by its name");
    analyze->add_option("--out", options.out, "CSV table to write, one row per pekon");
    analyze->add_option("--write-scheme", options.writeScheme,
                        "Write the default priority scheme to this JSON file, to edit and pass to --scheme");
    analyze
        ->add_option("--sensitivity", options.sensitivityDraws,
                     "Monte Carlo draws of perturbed weights; adds rank_min, rank_max and top_share columns")
        ->check(CLI::Range(0, 100000));
    analyze->add_option("--perturb", options.perturbation, "Relative weight perturbation for --sensitivity")
        ->check(CLI::Range(0.0, 0.99))
        ->capture_default_str();
    analyze->add_option("--top", options.topN, "N of \"stays in the top N\" for --sensitivity")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    analyze->add_option("--seed", options.seed, "Seed for --sensitivity")->capture_default_str();
    analyze->add_flag("!--no-islands", options.islands, "Leave out the island_status and island_km2 columns");
    analyze->add_option("--roads", options.roads,
                        "Road (and ferry) lines, any OGR format, FILE[:LAYER]: adds travel times in minutes "
                        "(default: the project's road layer, when it has one)");
    analyze->add_option("--road-class-field", options.roadClassField, "Field of --roads holding the road class");
    analyze->add_option("--road-speeds", options.roadSpeeds, "Speeds by class in km/h, e.g. primary=60,ferry=15");
    analyze->add_option("--default-speed", options.defaultSpeedKmh, "km/h for roads of no listed class")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    analyze->add_option("--offroad-speed", options.offroadSpeedKmh, "km/h from a pekon or facility to the road")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    analyze->add_flag("--travel", options.travel, "Add terrain travel minutes per pekon (DEM, land cover, --roads)");
    analyze->add_option("--travel-resolution-m", options.travelResolutionM, "Cell size for --travel, metres")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    return analyze;
}

int runAnalyze(const AnalyzeOptions& options, std::ostream& out, std::ostream& /*err*/)
{
    if (!options.writeScheme.empty()) {
        gis::saveScheme(gis::defaultPriorityScheme(), options.writeScheme);
        fmt::print(out, "wrote scheme: {}\n", std::filesystem::absolute(options.writeScheme).string());
        if (options.out.empty() && options.project.empty())
            return 0;
    }
    if (options.project.empty() || options.out.empty()) {
        throw UsageError("analyze needs PROJECT and --out FILE.csv (or only --write-scheme FILE.json)");
    }
    const std::string extension = gis::asciiLower(std::filesystem::path(options.out).extension().string());
    if (extension != ".csv" && extension != ".gpkg" && extension != ".xlsx" && extension != ".geojson"
        && extension != ".shp") {
        throw UsageError(fmt::format("analyze writes .csv, .gpkg, .xlsx, .geojson or .shp (got '{}')", options.out));
    }

    gis::Dataset ds = openProjectOrDefault(options.project);
    const gis::PriorityScheme scheme = resolveScheme(ds, options.schemeFile);
    if (options.keepScheme) {
        if (options.project == kDefaultProjectName) {
            throw UsageError(fmt::format("--keep-scheme needs a project file, not {}", kDefaultProjectName));
        }
        const gis::Dataset before = copyOfParts(ds, gis::ProjectPart::Meta);
        gis::storeScheme(ds, scheme);
        writeChanges(options.project, before, ds, gis::ProjectPart::Meta);
        fmt::print(out, "kept scheme '{}' in {}\n", scheme.name, options.project);
    }
    // a scheme weighing terrain travel columns is scored once they are measured (the first pass
    // scores without them)
    const bool terrainScheme = !gis::terrainKeysOf(scheme).empty();
    if (terrainScheme)
        gis::checkTerrainScheme(ds, rasterProjectFile(options.project), scheme);
    gis::PriorityScheme firstPass = scheme;
    std::erase_if(firstPass.indicators,
                  [](const gis::SchemeIndicator& i) { return i.key.rfind("terrain_", 0) == 0; });
    if (firstPass.indicators.empty())
        firstPass = gis::defaultPriorityScheme();
    gis::AnalysisTable table = gis::analyzeVillages(ds, options.period, terrainScheme ? firstPass : scheme);
    const bool terrain = options.travel || terrainScheme;
    const std::string terrainSummary = terrain ? addTerrainColumns(table, ds,
                                                                   {options.project,
                                                                    options.travelResolutionM,
                                                                    options.roads,
                                                                    options.roadClassField,
                                                                    options.roadSpeeds,
                                                                    options.defaultSpeedKmh,
                                                                    {}})
                                               : std::string();
    if (terrainScheme)
        gis::rescoreAnalysis(table, scheme);
    std::optional<gis::SensitivityResult> sensitivity;
    if (options.sensitivityDraws > 0) {
        gis::SensitivityOptions so;
        so.draws = options.sensitivityDraws;
        so.perturbation = options.perturbation;
        so.topN = options.topN;
        so.seed = options.seed;
        sensitivity = gis::prioritySensitivity(table, so);
        table.columns.insert(table.columns.end(), {"rank_min", "rank_max", "top_share"});
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            auto rankOrNaN = [](int r) { return r > 0 ? static_cast<double>(r) : std::nan(""); };
            table.rows[i].values.push_back(rankOrNaN(sensitivity->rankMin[i]));
            table.rows[i].values.push_back(rankOrNaN(sensitivity->rankMax[i]));
            table.rows[i].values.push_back(sensitivity->topShare[i]);
        }
    }
    std::size_t onIslands = 0;
    if (options.islands)
        onIslands = gis::addIslandColumns(table, ds);
    std::optional<std::size_t> unreachable;
    std::string roadSummary;
    if (const std::optional<CommandRoads> roads = commandRoads(
            ds, {options.roads, options.roadClassField, options.roadSpeeds, options.defaultSpeedKmh,
                 options.offroadSpeedKmh})) {
        unreachable = gis::addTravelColumns(table, ds, roads->network);
        roadSummary = fmt::format("{} nodes, {} edges, {} connected parts, from {}", roads->network.nodeCount(),
                                  roads->network.edgeCount(), roads->network.componentCount(), roads->source);
    }
    std::vector<std::string> compared;
    if (!options.compare.empty()) {
        try {
            compared = gis::addChangeColumns(table, ds, options.compare);
        } catch (const gis::Error& e) {
            throw gis::Error(std::string("--compare: ") + e.what());
        }
    }
    gis::writeAnalysisTable(table, ds, options.out);

    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    fmt::print(out, "period: {}; scheme: {} ({} indicators{})\n", table.period.empty() ? "-" : table.period,
               scheme.name, scheme.indicators.size(),
               table.priority.rescaled ? ", z-score composite rescaled to 0-100" : "");
    fmt::print(out, "{}\n", table.priority.missingReport(scheme.missing));
    for (const char* column : {"dist_bumdes_km", "dist_puskessos_km", "dist_capital_km"}) {
        double sum = 0;
        std::size_t n = 0;
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            const double v = table.value(i, column);
            if (!std::isnan(v)) {
                sum += v;
                ++n;
            }
        }
        if (n > 0)
            fmt::print(out, "mean {}: {:.2f}\n", column, sum / static_cast<double>(n));
    }

    const std::vector<std::size_t> order = gis::villagesByRank(table.priority);
    fmt::print(out, "top {} by priority (rank, score, pekon, kecamatan: largest contributions in points)\n",
               std::min<std::size_t>(10, order.size()));
    for (std::size_t pos = 0; pos < order.size() && pos < 10; ++pos) {
        const std::size_t i = order[pos];
        const auto& row = table.rows[i];
        const std::vector<gis::ScoreContribution> top = gis::topContributions(scheme, table.priority, i, 3);
        std::string why;
        for (std::size_t j = 0; j < top.size(); ++j)
            why += fmt::format("{}{} {:.1f}", j ? ", " : "", top[j].key, top[j].points);
        fmt::print(out, "{:>3}. {:6.2f}  {} {} ({}): {}\n", table.priority.rank[i], table.priority.score[i], row.kode,
                   row.nama, row.kecamatan, why);
    }
    if (options.islands)
        fmt::print(out, "islands: {} pekon lie partly or wholly on islands (island_status 1 or 2)\n", onIslands);
    if (unreachable)
        fmt::print(out, "roads: {}; {} pekon-destination pairs unreachable by road (empty travel cells)\n", roadSummary,
                   *unreachable);
    if (terrain)
        fmt::print(out, "{}\n", terrainSummary);
    if (!compared.empty()) {
        std::string keys;
        for (const std::string& k : compared)
            keys += (keys.empty() ? "" : ", ") + k;
        fmt::print(out, "change {} -> {}: columns <key>_{} and change_<key> for {}\n", options.compare, table.period,
                   gis::earlierColumn("", options.compare).substr(1), keys);
        if (std::find(compared.begin(), compared.end(), "poverty_rate") != compared.end()) {
            const std::size_t c = table.column("change_poverty_rate");
            std::size_t n = 0, down = 0, up = 0;
            double sum = 0.0;
            for (const auto& row : table.rows) {
                const double v = row.values[c];
                if (std::isnan(v))
                    continue;
                ++n;
                sum += v;
                down += v < 0 ? 1 : 0;
                up += v > 0 ? 1 : 0;
            }
            fmt::print(out,
                       "change_poverty_rate (percentage points): {} of {} pekon hold both periods; {} down, {} up, "
                       "mean {:+.2f}\n",
                       n, table.rows.size(), down, up, n ? sum / static_cast<double>(n) : 0.0);
        }
    }
    if (sensitivity) {
        int stable = 0;
        for (double share : sensitivity->topShare)
            stable += share >= 1.0 ? 1 : 0;
        fmt::print(out,
                   "sensitivity: weights +-{:.0f} %, {} draws (seed {}): {} pekon stay in the top {} in every draw\n",
                   100.0 * options.perturbation, options.sensitivityDraws, options.seed, stable, options.topN);
    }
    fmt::print(out, "wrote table: {} ({} rows)\n", std::filesystem::absolute(options.out).string(), table.rows.size());
    return 0;
}

} // namespace app::cli
