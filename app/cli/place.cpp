#include "cli/place.h"

#include "cli/common.h"
#include "gis/error.h"
#include "gis/network.h"
#include "gis/placement.h"
#include "gis/project.h"
#include "gis/vectorio.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

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
    place->add_option("--minutes", options.minutes, "Reach in travel minutes along --roads")->check(CLI::PositiveNumber);
    place->add_option("--method", options.method, "mclp (maximal covering) or pmedian")
        ->check(CLI::IsMember({"mclp", "pmedian"}))
        ->capture_default_str();
    place->add_option("--demand", options.demand, "Demand indicator")->capture_default_str();
    place->add_option("--period", options.period, "Period of the demand (default: the latest)");
    place->add_option("--candidates", options.candidates,
                      "Candidate pekon: a rule such as priority_rank<=100, or codes separated by commas "
                      "(default: pekon without the kind)");
    place->add_option("--seed", options.seed, "Seed of the swap phase")->capture_default_str();
    place->add_option("--capacity", options.capacity,
                      "Demand units one facility (existing or new) serves at most, e.g. households per Puskessos; "
                      "demand is assigned nearest-first")
        ->check(CLI::PositiveNumber);
    place->add_flag("--save", options.save, "Store the run in the project (table program; see `programs`)");
    place->add_option("--out", options.out,
                      "FILE.csv (one row per pekon) or FILE.gpkg (layers lokasi_baru: sites, desa: pekon polygons)")
        ->required();
    place->add_option("--roads", options.roads, "Road (and ferry) lines FILE[:LAYER], needed for --minutes");
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

std::string utcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

double percent(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

} // namespace

std::string tableOutputExtension(const std::string& command, const std::string& path, std::ostream& err)
{
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".csv" || extension == ".gpkg")
        return extension;
    fmt::print(err, "sasaran-cli: error: {} cannot write '{}': unknown extension '{}'; give --out a .csv or .gpkg file\n",
               command, path, extension);
    return {};
}

int runPlace(const PlaceOptions& options, std::ostream& out, std::ostream& err)
{
    const bool useRoads = options.minutes > 0.0;
    if ((options.radiusKm > 0.0) == useRoads) {
        fmt::print(err, "sasaran-cli: error: place needs exactly one of --radius-km R or --minutes T (with --roads)\n");
        return 2;
    }
    if (useRoads && options.roads.empty()) {
        fmt::print(err, "sasaran-cli: error: --minutes needs --roads FILE (road lines for travel time)\n");
        return 2;
    }
    if (options.save && options.project == kDefaultProjectName) {
        fmt::print(err, "sasaran-cli: error: --save needs a project file, not :default "
                        "(make one with `sasaran-cli demo FILE.sasaran.sqlite`)\n");
        return 2;
    }
    const std::string extension = tableOutputExtension("place", options.out, err);
    if (extension.empty())
        return 2;

    gis::Dataset ds = openProjectOrDefault(options.project);
    std::optional<gis::RoadNetwork> roads;
    if (useRoads)
        roads = readRoadLayer(options.roads, options.roadClassField, options.roadSpeeds, options.defaultSpeedKmh,
                              options.offroadSpeedKmh);
    gis::PlacementOptions po;
    po.kind = options.kind;
    po.count = options.count;
    po.method = options.method == "pmedian" ? gis::PlacementMethod::PMedian : gis::PlacementMethod::MaxCover;
    po.radiusKm = options.radiusKm;
    po.minutes = options.minutes;
    po.roads = roads ? &*roads : nullptr;
    po.demandKey = options.demand;
    po.period = options.period;
    po.candidates = options.candidates;
    po.seed = options.seed;
    if (options.capacity > 0.0)
        po.capacity = options.capacity;
    const gis::PlacementResult result = gis::placeFacilities(ds, po);
    if (extension == ".gpkg")
        gis::writePlacementGpkg(ds, result, options.out);
    else
        gis::writePlacementCsv(result, options.out);

    const bool mclp = po.method == gis::PlacementMethod::MaxCover;
    const std::string reach = useRoads ? fmt::format("{:g} minutes", options.minutes)
                                       : fmt::format("{:g} km", options.radiusKm);
    const std::string unit = useRoads ? "min" : "km";
    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    fmt::print(out, "place: {} new {} by {} {} {}; demand {} {} (total {:.0f}); {} candidates, {} existing\n",
               result.sites.size(), options.kind, mclp ? "maximal covering" : "p-median", mclp ? "within" : "with reach",
               reach, options.demand, result.period, result.totalDemand, result.candidateCount, result.existingCount);
    const bool capacitated = po.capacity.has_value();
    if (capacitated)
        fmt::print(out, "capacity: {:g} {} per {} (existing and new), demand assigned nearest-first{}\n", options.capacity,
                   options.demand, options.kind,
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
    if (capacitated) {
        std::size_t partly = 0, none = 0;
        for (const gis::VillageAssignment& a : result.villages) {
            if (!(a.demand > 0))
                continue;
            if (a.served <= 0)
                ++none;
            else if (a.unserved > 0)
                ++partly;
        }
        fmt::print(out, "served under capacity: before {:.0f}, after {:.0f} of {:.0f} ({:.1f} %); unserved {:.0f}; "
                        "pekon partly served {}, not served {}\n",
                   result.servedBefore, result.servedAfter, result.totalDemand,
                   percent(result.servedAfter, result.totalDemand), result.totalDemand - result.servedAfter, partly,
                   none);
    }
    if (mclp) {
        fmt::print(out, "{} before: {:.0f} of {:.0f} ({:.1f} %); after: {:.0f} ({:.1f} %); newly {} {:.0f} "
                        "(greedy start {:.0f}, {} improving swaps)\n",
                   capacitated ? "served within reach" : "covered", result.before, result.totalDemand,
                   percent(result.before, result.totalDemand), result.after, percent(result.after, result.totalDemand),
                   capacitated ? "served" : "covered", result.after - result.before, result.greedyAfter, result.swaps);
        const std::vector<std::string> top = gis::topPriorityCodes(ds, options.count, options.period);
        if (!top.empty()) {
            const gis::PlacementResult priority = gis::evaluateSites(ds, po, top);
            fmt::print(out, "the {} highest-priority pekon (default scheme) would {}: {:.0f} ({:.1f} %); newly "
                            "{} {:.0f}, against {:.0f} by this proposal\n",
                       top.size(), capacitated ? "serve" : "cover", priority.after,
                       percent(priority.after, priority.totalDemand), capacitated ? "served" : "covered",
                       priority.after - priority.before, result.after - result.before);
        }
        double sumBefore = 0, sumAfter = 0, demandSum = 0;
        std::size_t noneBefore = 0, noneAfter = 0;
        for (const gis::VillageAssignment& a : result.villages) {
            if (!(a.demand > 0))
                continue;
            sumBefore += a.demand * a.accessBefore;
            sumAfter += a.demand * a.accessAfter;
            demandSum += a.demand;
            noneBefore += a.accessBefore > 0 ? 0 : 1;
            noneAfter += a.accessAfter > 0 ? 0 : 1;
        }
        if (demandSum > 0)
            fmt::print(out, "2SFCA access ({} per 1,000 {} within reach, demand-weighted mean): before {:.3f}, after "
                            "{:.3f}; pekon with none in reach: before {}, after {}\n",
                       options.kind, options.demand, sumBefore / demandSum, sumAfter / demandSum, noneBefore, noneAfter);
    } else if (capacitated) {
        auto mean = [](double cost, double served) { return served > 0 ? cost / served : 0.0; };
        fmt::print(out, "demand-weighted {} of the served demand to its {}: before {} ({:.0f} served{}), after {:.1f} "
                        "({:.0f} served, mean {:.2f} {} per unit; greedy+swap made {} swaps){}\n",
                   unit, options.kind, std::isnan(result.before) ? std::string("- (none exist)") : fmt::format("{:.1f}", result.before),
                   result.servedBefore,
                   std::isnan(result.before) ? std::string()
                                             : fmt::format(", mean {:.2f} {}", mean(result.before, result.servedBefore), unit),
                   result.after, result.servedAfter, mean(result.after, result.servedAfter), unit, result.swaps,
                   result.unreachable ? fmt::format("; {} pekon unreachable", result.unreachable) : std::string());
    } else {
        fmt::print(out, "demand-weighted {} to the nearest {}: before {}, after {:.1f} (mean {:.2f} {} per unit of "
                        "demand; greedy+swap made {} swaps){}\n",
                   unit, options.kind, std::isnan(result.before) ? std::string("- (none exist)") : fmt::format("{:.1f}", result.before),
                   result.after, result.totalDemand > 0 ? result.after / result.totalDemand : 0.0, unit, result.swaps,
                   result.unreachable ? fmt::format("; {} pekon unreachable", result.unreachable) : std::string());
    }
    fmt::print(out, "wrote {}: {}\n", extension == ".gpkg" ? "layers lokasi_baru and desa" : "table",
               std::filesystem::absolute(options.out).string());
    if (options.save) {
        const gis::Dataset before = copyOfParts(ds, gis::ProjectPart::Meta | gis::ProjectPart::Programs);
        gis::savePlacementRun(ds, result, utcTimestamp());
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
    auto* cmd = cli.add_subcommand("programs", "List the placement runs saved in a project (place --save) side by side");
    cmd->add_option("PROJECT", project, "Project file")->required();
    return cmd;
}

int runPrograms(const std::string& project, std::ostream& out, std::ostream& err)
{
    if (project == kDefaultProjectName) {
        fmt::print(err, "sasaran-cli: error: programs needs a project file, not :default (the embedded data keeps no runs)\n");
        return 2;
    }
    const std::vector<gis::PlacementRun> runs = gis::loadPlacementRuns(project);
    if (runs.empty()) {
        fmt::print(out, "no saved placement runs in {} (save one with `sasaran-cli place ... --save`)\n", project);
        return 0;
    }
    auto number = [](const std::optional<double>& v, const char* format) {
        return v ? fmt::format(fmt::runtime(format), *v) : std::string("-");
    };
    fmt::print(out, "{:>3}  {:<20}  {:<10}  {:<7}  {:>4}  {:<8}  {:<12}  {:>8}  {:<22}  {}\n", "id", "saved (UTC)", "kind",
               "method", "N", "reach", "demand", "capacity", "covered before -> after", "weighted distance before -> after");
    for (const gis::PlacementRun& r : runs) {
        const std::string reach = r.minutes ? fmt::format("{:g} min", *r.minutes)
                                  : r.radiusKm ? fmt::format("{:g} km", *r.radiusKm)
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
