#include "cli/place.h"

#include "cli/common.h"
#include "cli/travel.h"
#include "gis/error.h"
#include "gis/network.h"
#include "gis/placement.h"
#include "gis/project.h"
#include "gis/text.h"
#include "gis/vectorio.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cmath>
#include <filesystem>
#include <optional>

namespace app::cli {

CLI::App* addPlaceCommand(CLI::App& cli, PlaceOptions& options)
{
    auto* place = cli.add_subcommand(
        "place", "Where N new facilities of a kind should go: maximal covering (mclp) or p-median, as a CSV table");
    place->add_option("PROJECT", options.project, "Project file or :default")->required();
    place->add_option("--kind", options.kind, "Facility kind, e.g. PUSKESSOS or BUMDES")->required();
    place->add_option("--count", options.count, "Number of new sites")->required()->check(CLI::Range(1, 1000000));
    place->add_option("--radius-km", options.radiusKm, "Reach in km (geodesic between pekon points)")
        ->check(CLI::PositiveNumber);
    place->add_option("--minutes", options.minutes,
                      "Reach in travel minutes along --roads or the project's road layer (with --travel: over "
                      "terrain)")
        ->check(CLI::PositiveNumber);
    place->add_flag("--travel", options.travel,
                    "With --minutes: reach in terrain travel minutes (walking on the DEM's slopes, roads at their "
                    "class speeds, ferries), as `sasaran-cli travel`");
    place->add_option("--travel-resolution-m", options.travelResolutionM, "Cell size of the --travel grid, metres")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    place->add_option("--method", options.method, "mclp (maximal covering) or pmedian")
        ->check(CLI::IsMember({"mclp", "pmedian"}))
        ->capture_default_str();
    place->add_option("--demand", options.demand, "Demand indicator")->capture_default_str();
    place->add_option("--period", options.period, "Period of the demand (default: the latest)");
    place->add_option("--candidates", options.candidates,
                      "Candidate pekon: a rule such as priority_rank<=100, or codes separated by commas "
                      "(default: pekon without the kind)");
    place->add_option("--seed", options.seed, "Seed of the swap phase")->capture_default_str();
    place
        ->add_option("--capacity", options.capacity,
                     "Demand units one facility (existing or new) serves at most, e.g. households per Puskessos; "
                     "demand is assigned nearest-first")
        ->check(CLI::PositiveNumber);
    place->add_flag("--save", options.save, "Store the run in the project (table program; see `programs`)");
    place
        ->add_option("--out", options.out,
                     "FILE.csv (one row per pekon) or FILE.gpkg (layers lokasi_baru: sites, desa: pekon polygons)")
        ->required();
    place->add_option("--roads", options.roads,
                      "Road (and ferry) lines FILE[:LAYER] for --minutes (default: the project's road layer)");
    place->add_option("--road-class-field", options.roadClassField, "Field of --roads holding the road class");
    place->add_option("--road-speeds", options.roadSpeeds, "Speeds by class in km/h, e.g. primary=60,ferry=15");
    place->add_option("--default-speed", options.defaultSpeedKmh, "km/h for roads of no listed class")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    place->add_option("--offroad-speed", options.offroadSpeedKmh, "km/h from a pekon to the road")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    return place;
}

namespace {

/// The command-line option that sets \a parameter.
const char* optionOf(gis::PlacementParameter parameter)
{
    switch (parameter) {
    case gis::PlacementParameter::Count:
        return "--count";
    case gis::PlacementParameter::RadiusKm:
        return "--radius-km";
    case gis::PlacementParameter::Minutes:
        return "--minutes";
    case gis::PlacementParameter::Capacity:
        return "--capacity";
    case gis::PlacementParameter::Candidates:
        return "--candidates";
    }
    return "";
}

void checkPlaceUsage(const PlaceOptions& options)
{
    const bool useMinutes = options.minutes > 0.0;
    if ((options.radiusKm > 0.0) == useMinutes)
        throw UsageError("place needs exactly one of --radius-km R or --minutes T");
    if (options.travel && !useMinutes)
        throw UsageError("--travel measures the reach in minutes: give --minutes T, not --radius-km");
    if (options.save && options.project == kDefaultProjectName)
        throw UsageError("--save needs a project file, not :default "
                         "(make one with `sasaran-cli demo FILE.sasaran.sqlite`)");
}

gis::PlacementOptions placementOptionsOf(const PlaceOptions& options, const gis::RoadNetwork* roads)
{
    gis::PlacementOptions po;
    po.kind = options.kind;
    po.count = options.count;
    po.method = options.method == "pmedian" ? gis::PlacementMethod::PMedian : gis::PlacementMethod::MaxCover;
    po.radiusKm = options.radiusKm;
    po.minutes = options.minutes;
    po.roads = roads;
    po.demandKey = options.demand;
    po.period = options.period;
    po.candidates = options.candidates;
    po.seed = options.seed;
    if (options.capacity > 0.0)
        po.capacity = options.capacity;
    return po;
}

/// The run's parameters and the sites in order of marginal gain.
void printSites(std::ostream& out, const PlaceOptions& options, const gis::PlacementResult& result)
{
    const bool mclp = result.options.method == gis::PlacementMethod::MaxCover;
    const bool useRoads = result.roadsUsed;
    const std::string reach =
        useRoads ? fmt::format("{:g} {}minutes", options.minutes, result.travelUsed ? "terrain " : "")
                 : fmt::format("{:g} km", options.radiusKm);
    const std::string unit = useRoads ? "min" : "km";
    fmt::print(out, "place: {} new {} by {} {} {}; demand {} {} (total {:.0f}); {} candidates, {} existing\n",
               result.sites.size(), options.kind, mclp ? "maximal covering" : "p-median",
               mclp ? "within" : "with reach", reach, options.demand, result.period, result.totalDemand,
               result.candidateCount, result.existingCount);
    const bool capacitated = result.options.capacity.has_value();
    if (capacitated)
        fmt::print(out, "capacity: {:g} {} per {} (existing and new), demand assigned nearest-first{}\n",
                   options.capacity, options.demand, options.kind,
                   mclp ? std::string()
                        : fmt::format("; unserved demand counts {:.1f} {} per unit in the objective",
                                      result.unservedPenalty, unit));
    fmt::print(out, "sites in order of marginal gain ({}):\n",
               mclp ? (capacitated ? "demand newly served" : "demand newly covered")
                    : (capacitated ? fmt::format("reduction of demand x {} with unserved demand penalised", unit)
                                   : fmt::format("reduction of demand x {}", unit)));
    for (std::size_t k = 0; k < result.sites.size(); ++k) {
        const gis::PlacedSite& s = result.sites[k];
        fmt::print(out, "{:>4}. {} {} ({:.5f}, {:.5f}): +{:.0f}, serves {:.0f} of {:.0f} within reach\n", k + 1, s.code,
                   s.name, s.point.x, s.point.y, s.gain, s.served, s.withinReach);
    }
}

/// The figures of gis::summarisePlacement.
void printSummary(std::ostream& out, const PlaceOptions& options, const gis::PlacementResult& result,
                  const gis::PlacementSummary& summary)
{
    const std::string unit = result.roadsUsed ? "min" : "km";
    const bool capacitated = summary.capacitated;
    if (capacitated)
        fmt::print(out,
                   "served under capacity: before {:.0f}, after {:.0f} of {:.0f} ({:.1f} %); unserved {:.0f}; "
                   "pekon partly served {}, not served {}\n",
                   result.servedBefore, result.servedAfter, result.totalDemand, summary.servedPercent, summary.unserved,
                   summary.partlyServed, summary.notServed);
    const std::string unreachable =
        result.unreachable ? fmt::format("; {} pekon unreachable", result.unreachable) : std::string();
    if (summary.maxCover) {
        fmt::print(out,
                   "{} before: {:.0f} of {:.0f} ({:.1f} %); after: {:.0f} ({:.1f} %); newly {} {:.0f} "
                   "(greedy start {:.0f}, {} improving swaps)\n",
                   capacitated ? "served within reach" : "covered", result.before, result.totalDemand,
                   summary.beforePercent, result.after, summary.afterPercent, capacitated ? "served" : "covered",
                   summary.newly, result.greedyAfter, result.swaps);
        if (const auto& p = summary.priority)
            fmt::print(out,
                       "the {} highest-priority pekon (default scheme) would {}: {:.0f} ({:.1f} %); newly "
                       "{} {:.0f}, against {:.0f} by this proposal\n",
                       p->count, capacitated ? "serve" : "cover", p->after, p->afterPercent,
                       capacitated ? "served" : "covered", p->newly, summary.newly);
        if (const auto& a = summary.access)
            fmt::print(out,
                       "2SFCA access ({} per 1,000 {} within reach, demand-weighted mean): before {:.3f}, after "
                       "{:.3f}; pekon with none in reach: before {}, after {}\n",
                       options.kind, options.demand, a->meanBefore, a->meanAfter, a->noneBefore, a->noneAfter);
    } else if (capacitated) {
        const bool none = std::isnan(result.before);
        fmt::print(out,
                   "demand-weighted {} of the served demand to its {}: before {} ({:.0f} served{}), after {:.1f} "
                   "({:.0f} served, mean {:.2f} {} per unit; greedy+swap made {} swaps){}\n",
                   unit, options.kind, none ? std::string("- (none exist)") : fmt::format("{:.1f}", result.before),
                   result.servedBefore,
                   none ? std::string() : fmt::format(", mean {:.2f} {}", summary.meanDistanceBefore, unit),
                   result.after, result.servedAfter, summary.meanDistanceAfter, unit, result.swaps, unreachable);
    } else {
        fmt::print(out,
                   "demand-weighted {} to the nearest {}: before {}, after {:.1f} (mean {:.2f} {} per unit of "
                   "demand; greedy+swap made {} swaps){}\n",
                   unit, options.kind,
                   std::isnan(result.before) ? std::string("- (none exist)") : fmt::format("{:.1f}", result.before),
                   result.after, summary.meanDistanceAfter, unit, result.swaps, unreachable);
    }
}

} // namespace

std::string tableOutputExtension(const std::string& command, const std::string& path)
{
    const std::string extension = gis::asciiLower(std::filesystem::path(path).extension().string());
    if (extension == ".csv" || extension == ".gpkg")
        return extension;
    throw UsageError(fmt::format("{} cannot write '{}': unknown extension '{}'; give --out a .csv or .gpkg file",
                                 command, path, extension));
}

int runPlace(const PlaceOptions& options, std::ostream& out, std::ostream& /*err*/)
{
    checkPlaceUsage(options);
    const std::string extension = tableOutputExtension("place", options.out);

    gis::Dataset ds = openProjectOrDefault(options.project);
    std::optional<CommandRoads> roads;
    std::optional<gis::TerrainModel> terrain;
    std::optional<gis::TerrainTravelMinutes> terrainMinutes;
    std::string minutesSource;
    if (options.minutes > 0.0 && options.travel) {
        terrain = buildTerrainModel(ds, {options.project, options.travelResolutionM, options.roads,
                                         options.roadClassField, options.roadSpeeds, options.defaultSpeedKmh, {}});
        terrainMinutes.emplace(terrain->grid);
        minutesSource = "terrain travel: " + terrain->summary;
    } else if (options.minutes > 0.0) {
        roads = commandRoads(ds, {options.roads, options.roadClassField, options.roadSpeeds, options.defaultSpeedKmh,
                                  options.offroadSpeedKmh});
        if (!roads)
            throw UsageError("--minutes needs roads: the project has no road layer (sasaran-cli import roads PROJECT "
                             "FILE), so give --roads FILE, or use --travel for minutes over terrain");
        minutesSource = "roads: " + roads->source;
    }
    gis::PlacementOptions po = placementOptionsOf(options, roads ? &roads->network : nullptr);
    if (terrainMinutes)
        po.travel = &*terrainMinutes;
    gis::PlacementResult result;
    gis::PlacementSummary summary;
    try {
        result = gis::placeFacilities(ds, po);
        if (extension == ".gpkg")
            gis::writePlacementGpkg(ds, result, options.out);
        else
            gis::writePlacementCsv(result, options.out);
        summary = gis::summarisePlacement(ds, po, result);
    } catch (const gis::PlacementError& e) {
        // The library names the setting; the command line knows the option that sets it.
        throw gis::Error(fmt::format("{} (option {})", e.what(), optionOf(e.parameter())));
    }

    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    if (!minutesSource.empty())
        fmt::print(out, "reach in minutes by {}\n", minutesSource);
    printSites(out, options, result);
    printSummary(out, options, result, summary);
    fmt::print(out, "wrote {}: {}\n", extension == ".gpkg" ? "layers lokasi_baru and desa" : "table",
               std::filesystem::absolute(options.out).string());
    if (options.save) {
        const gis::Dataset before = copyOfParts(ds, gis::ProjectPart::Meta | gis::ProjectPart::Programs);
        gis::savePlacementRun(ds, result, gis::isoUtcNow());
        // The store numbers the run when it writes it: another run saved meanwhile keeps its id.
        const std::vector<long long> ids =
            writeChanges(options.project, before, ds, gis::ProjectPart::Meta | gis::ProjectPart::Programs);
        const long long id = ids.empty() ? 0 : ids.front();
        fmt::print(out, "saved as program {} in the project (table program; list with `sasaran-cli programs {}`)\n", id,
                   options.project);
    }
    return 0;
}

CLI::App* addProgramsCommand(CLI::App& cli, std::string& project)
{
    auto* cmd =
        cli.add_subcommand("programs", "List the placement runs saved in a project (place --save) side by side");
    cmd->add_option("PROJECT", project, "Project file")->required();
    return cmd;
}

int runPrograms(const std::string& project, std::ostream& out, std::ostream& /*err*/)
{
    if (project == kDefaultProjectName)
        throw UsageError("programs needs a project file, not :default (the embedded data keeps no runs)");
    const std::vector<gis::PlacementRun> runs = gis::loadPlacementRuns(project);
    if (runs.empty()) {
        fmt::print(out, "no saved placement runs in {} (save one with `sasaran-cli place ... --save`)\n", project);
        return 0;
    }
    auto number = [](const std::optional<double>& v, const char* format) {
        return v ? fmt::format(fmt::runtime(format), *v) : std::string("-");
    };
    fmt::print(out, "{:>3}  {:<20}  {:<10}  {:<7}  {:>4}  {:<8}  {:<12}  {:>8}  {:<22}  {}\n", "id", "saved (UTC)",
               "kind", "method", "N", "reach", "demand", "capacity", "covered before -> after",
               "weighted distance before -> after");
    for (const gis::PlacementRun& r : runs) {
        const std::string reach = r.minutes ? fmt::format("{:g} min", *r.minutes)
            : r.radiusKm                    ? fmt::format("{:g} km", *r.radiusKm)
                                            : std::string("-");
        const std::string covered = number(r.coveredBefore, "{:.0f}") + " -> " + number(r.coveredAfter, "{:.0f}");
        const std::string cost = r.method == "pmedian"
            ? number(r.costBefore, "{:.1f}") + " -> " + number(r.costAfter, "{:.1f}")
            : std::string("-");
        fmt::print(out, "{:>3}  {:<20}  {:<10}  {:<7}  {:>4}  {:<8}  {:<12}  {:>8}  {:<22}  {}\n", r.id, r.createdUtc,
                   r.kind, r.method, r.count, reach, r.demandKey + (r.period.empty() ? "" : " " + r.period),
                   number(r.capacity, "{:g}"), covered, cost);
    }
    fmt::print(out, "{} runs; sites: table program_site of the project\n", runs.size());
    return 0;
}

} // namespace app::cli
