#include "cli/travel.h"

#include "cli/common.h"
#include "cli/roads.h"
#include "gis/crs.h"
#include "gis/demodem.h"
#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/rasterstore.h"
#include "gis/roadlayer.h"
#include "gis/text.h"
#include "gis/vectorio.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

namespace app::cli {

namespace {

std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw gis::DataSourceError(path, "cannot open the file");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string extensionOf(const std::string& path)
{
    return gis::asciiLower(std::filesystem::path(path).extension().string());
}

std::vector<double> parseBreaks(const std::string& text)
{
    std::vector<double> breaks;
    std::stringstream items(text);
    std::string item;
    while (std::getline(items, item, ',')) {
        try {
            std::size_t used = 0;
            const std::string t = gis::trimmed(item);
            breaks.push_back(std::stod(t, &used));
            if (used != t.size())
                throw std::invalid_argument(t);
        } catch (const std::exception&) {
            throw UsageError("--isochrones: '" + item + "' is not a number of minutes (e.g. 30,60,120)");
        }
    }
    if (breaks.empty())
        throw UsageError("--isochrones needs minutes, e.g. 30,60,120");
    return breaks;
}

/// The latest penduduk per pekon, for spreading people over cells when no population raster exists.
std::map<std::string, double> latestPopulation(const gis::Dataset& ds)
{
    const std::vector<std::string> periods = ds.periods("penduduk");
    if (periods.empty())
        return {};
    std::map<std::string, double> people;
    for (const auto& [code, v] : gis::indicatorValues(ds, "penduduk", periods.back()))
        people[code] = v;
    return people;
}

} // namespace

std::string rasterProjectFile(const std::string& project)
{
    return project == kDefaultProjectName ? std::string() : project;
}

gis::TerrainModel buildTerrainModel(const gis::Dataset& ds, const TerrainOptions& options)
{
    gis::TerrainModelOptions model;
    model.resolutionM = options.resolutionM;
    if (!options.roads.empty()) {
        const gis::RoadNetwork roads =
            readRoadLayer(options.roads, options.roadClassField, options.roadSpeeds, options.defaultSpeedKmh, 5.0);
        model.roads = gis::roadsOf(roads);
        model.roadsDescription = fmt::format("{} road segments of file {}", model.roads->size(), options.roads);
    }
    if (!options.barriers.empty())
        model.barriers = readRoadLines(options.barriers);
    try {
        return gis::buildTerrainModel(ds, rasterProjectFile(options.project), model);
    } catch (const gis::ProjectError& e) {
        const std::string what = e.what();
        if (what.find("speed table") != std::string::npos)
            throw gis::ProjectError(what + " (import raster --kind landcover --speeds FILE.json)");
        throw;
    }
}

CLI::App* addImportRasterCommand(CLI::App* importCmd, RasterImportOptions& options)
{
    auto* cmd = importCmd->add_subcommand(
        "raster",
        "Keep a raster in the project (DEM, land cover or population), clipped to the regency in its UTM zone");
    cmd->add_option("PROJECT", options.project, "Project file")->required();
    cmd->add_option("FILE", options.files, "Raster file(s): GeoTIFF, VRT, several tiles are mosaicked")->required();
    cmd->add_option("--kind", options.kind, "dem, landcover or population")->required();
    cmd->add_option("--speeds", options.speeds, "Land cover: JSON file of class -> km/h (null = impassable)");
    cmd->add_option("--period", options.period, "Edition or year of the data, e.g. DEMNAS 2018");
    cmd->add_option("--resolution-m", options.resolutionM, "Cell size kept in the project, metres")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--margin-m", options.marginM, "Margin kept around the regency, metres")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    return cmd;
}

int runImportRaster(const RasterImportOptions& options, std::ostream& out, std::ostream&)
{
    gis::RasterKind kind;
    try {
        kind = gis::rasterKindFromName(options.kind);
    } catch (const gis::Error& e) {
        throw UsageError(std::string("--kind: ") + e.what());
    }
    if (kind == gis::RasterKind::LandCover && options.speeds.empty())
        throw UsageError("a land-cover raster needs --speeds FILE.json (class -> km/h, null = impassable)");
    if (kind != gis::RasterKind::LandCover && !options.speeds.empty())
        throw UsageError("--speeds is for --kind landcover only");
    const gis::Dataset ds = gis::loadProject(options.project);
    const gis::RasterTarget target = gis::regencyRasterTarget(ds, options.resolutionM, options.marginM);
    gis::StoredRaster stored;
    stored.kind = kind;
    stored.grid = gis::warpRaster(options.files, target, kind);
    for (const std::string& f : options.files)
        stored.source += (stored.source.empty() ? "" : ", ") + std::filesystem::path(f).filename().string();
    stored.period = options.period;
    nlohmann::json attributes = nlohmann::json::object();
    if (kind == gis::RasterKind::LandCover) {
        const gis::LandCoverSpeeds speeds = gis::parseLandCoverSpeeds(readTextFile(options.speeds), options.speeds);
        gis::checkLandCoverClasses(stored.grid, speeds, options.files.front());
        attributes["speeds"] = nlohmann::json::parse(gis::landCoverSpeedsToJson(speeds));
    }
    stored.attributes = attributes.dump();
    gis::storeRaster(options.project, stored);
    double lo = INFINITY, hi = -INFINITY, sum = 0;
    std::size_t valid = 0;
    for (float v : stored.grid.values)
        if (!std::isnan(v)) {
            lo = std::min(lo, static_cast<double>(v));
            hi = std::max(hi, static_cast<double>(v));
            sum += v;
            ++valid;
        }
    fmt::print(out, "raster {}: {} x {} cells of {} m in {} ({:.1f} % with data), values {:.1f} to {:.1f}{}\n",
               gis::rasterKindName(kind), stored.grid.width, stored.grid.height, options.resolutionM, target.crs,
               100.0 * static_cast<double>(valid) / static_cast<double>(stored.grid.cellCount()), lo, hi,
               kind == gis::RasterKind::Population ? fmt::format(", {:.0f} people", sum) : "");
    fmt::print(out, "kept in {} (table raster, kind {})\n", options.project, gis::rasterKindName(kind));
    return 0;
}

namespace {

void addTerrainOptions(CLI::App* cmd, TerrainOptions& o)
{
    cmd->add_option("--resolution-m", o.resolutionM, "Cell size of the travel grid, metres")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--roads", o.roads, "Road and ferry lines, FILE[:LAYER] (default: the project's road layer)");
    cmd->add_option("--road-class-field", o.roadClassField, "Field of --roads holding the road class");
    cmd->add_option("--road-speeds", o.roadSpeeds, "Speeds by class in km/h, e.g. primary=60,ferry=15");
    cmd->add_option("--default-speed", o.defaultSpeedKmh, "km/h for roads of no listed class")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    cmd->add_option("--barriers", o.barriers, "Barrier lines (rivers without bridges), FILE[:LAYER]");
}

} // namespace

CLI::App* addTravelCommand(CLI::App& cli, TravelOptions& options)
{
    auto* cmd = cli.add_subcommand(
        "travel", "Travel time over terrain (walking by Tobler on the DEM, roads, ferries) to the nearest facility");
    cmd->add_option("PROJECT", options.terrain.project, "Project file or :default")->required();
    cmd->add_option("--to", options.to, "Facility kind (e.g. PUSKESMAS) or capital")->required();
    cmd->add_option("--out", options.out,
                    "FILE.tif: minutes per cell; FILE.gpkg with --isochrones; FILE.csv with --coverage-capacity")
        ->required();
    cmd->add_option("--isochrones", options.isochrones, "Minutes of the isochrone polygons, e.g. 30,60,120");
    cmd->add_option("--coverage-capacity", options.coverageCapacity,
                    "People one facility serves: coverage per pekon (nearest people first)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--coverage-minutes", options.coverageMinutes, "Farthest reach of a facility for coverage")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    addTerrainOptions(cmd, options.terrain);
    return cmd;
}

int runTravel(const TravelOptions& options, std::ostream& out, std::ostream&)
{
    const std::string ext = extensionOf(options.out);
    const bool coverage = options.coverageCapacity > 0;
    if (coverage && ext != ".csv")
        throw UsageError("--coverage-capacity writes a table: give --out FILE.csv");
    if (!options.isochrones.empty() && !(ext == ".gpkg" || ext == ".geojson" || ext == ".shp"))
        throw UsageError("--isochrones writes polygons: give --out FILE.gpkg (or .geojson, .shp)");
    if (!coverage && options.isochrones.empty() && ext != ".tif" && ext != ".tiff")
        throw UsageError("--out must be FILE.tif (minutes per cell), or FILE.gpkg with --isochrones, or FILE.csv "
                         "with --coverage-capacity");
    const std::vector<double> breaks =
        options.isochrones.empty() ? std::vector<double>{} : parseBreaks(options.isochrones);

    const gis::Dataset ds = openProjectOrDefault(options.terrain.project);
    const auto started = std::chrono::steady_clock::now();
    const gis::TerrainModel model = buildTerrainModel(ds, options.terrain);
    const gis::CoordinateTransform toGrid("EPSG:4326", model.grid.shape.crs);
    gis::TravelDestination destination;
    try {
        destination = gis::travelDestination(ds, options.to);
    } catch (const gis::Error& e) {
        if (destination.capital || gis::asciiLower(options.to) == "capital")
            throw;
        throw UsageError(std::string("--to: ") + e.what());
    }
    std::vector<gis::Point> targets;
    for (const gis::Point& p : destination.lonLat)
        targets.push_back(toGrid.forward(p));
    const std::string what = destination.capital ? std::string("the capital")
                                                 : fmt::format("the nearest of {} {}", targets.size(), options.to);
    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    fmt::print(out, "{}\n", model.summary);

    if (coverage) {
        const std::vector<const gis::Area*> villages = ds.villages();
        const std::vector<std::int32_t> areaOfCell = gis::areaIndexGrid(model.grid.shape, villages);
        const gis::RasterGrid people = gis::populationOnGrid(
            model.grid.shape, ds, model.population ? &*model.population : nullptr, latestPopulation(ds));
        const gis::CoverageResult c =
            gis::coverageWithCapacity(model.grid, people, areaOfCell, villages.size(), targets,
                                      options.coverageCapacity, options.coverageMinutes);
        std::string csv = "kode,nama,kecamatan,people,covered,not_covered,covered_pct\n";
        double total = 0, covered = 0;
        for (std::size_t k = 0; k < villages.size(); ++k) {
            const gis::Area* parent = ds.findArea(villages[k]->parentCode);
            csv += gis::csvQuoted(villages[k]->code) + "," + gis::csvQuoted(villages[k]->name) + ","
                + gis::csvQuoted(parent ? parent->name : "") + ",";
            gis::appendCsvNumber(csv, std::round(c.totalByArea[k]));
            csv += ",";
            gis::appendCsvNumber(csv, std::round(c.coveredByArea[k]));
            csv += ",";
            gis::appendCsvNumber(csv, std::round(c.totalByArea[k] - c.coveredByArea[k]));
            csv += ",";
            gis::appendCsvNumber(csv,
                                 c.totalByArea[k] > 0
                                     ? std::round(1000.0 * c.coveredByArea[k] / c.totalByArea[k]) / 10.0
                                     : std::nan(""));
            csv += "\n";
            total += c.totalByArea[k];
            covered += c.coveredByArea[k];
        }
        gis::writeTextFileAtomically(options.out, csv);
        fmt::print(out,
                   "coverage: {} facilities of {:.0f} people each within {:.0f} minutes ({}), in the order "
                   "they are stored: {:.0f} of {:.0f} people covered ({:.1f} %)\n",
                   targets.size(), options.coverageCapacity, options.coverageMinutes,
                   model.population ? "population raster" : "penduduk spread over each pekon's cells", covered, total,
                   total > 0 ? 100.0 * covered / total : 0.0);
        fmt::print(out, "wrote table: {} ({} rows)\n", std::filesystem::absolute(options.out).string(),
                   villages.size());
        return 0;
    }

    const gis::TravelResult result = gis::travelTimes(model.grid, targets);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::size_t reached = 0, land = 0, beyond60 = 0;
    double sum = 0, maxMinutes = 0;
    for (std::size_t i = 0; i < result.minutes.values.size(); ++i) {
        if (!std::isfinite(model.grid.walkPace[i]))
            continue;
        ++land;
        const float v = result.minutes.values[i];
        if (std::isnan(v))
            continue;
        ++reached;
        sum += v;
        maxMinutes = std::max(maxMinutes, static_cast<double>(v));
        beyond60 += v > 60.0f ? 1 : 0;
    }
    if (!result.unplaced.empty())
        fmt::print(out, "{} target(s) lie off the grid or in the sea, not used\n", result.unplaced.size());
    fmt::print(out,
               "minutes to {}: {} of {} land cells reached, mean {:.1f}, max {:.0f}, {:.1f} % beyond 60 "
               "minutes ({:.2f} s)\n",
               what, reached, land, reached ? sum / static_cast<double>(reached) : 0.0, maxMinutes,
               reached ? 100.0 * static_cast<double>(beyond60) / static_cast<double>(reached) : 0.0, seconds);
    if (!breaks.empty()) {
        const std::size_t n = gis::writeIsochrones(result.minutes, breaks, options.out);
        fmt::print(out, "wrote isochrones: {} ({} polygons, {} minutes)\n",
                   std::filesystem::absolute(options.out).string(), n, options.isochrones);
    } else {
        gis::writeGeoTiff(result.minutes, options.out);
        fmt::print(out, "wrote travel-time raster: {} (Float32 minutes, nodata -9999 where unreachable)\n",
                   std::filesystem::absolute(options.out).string());
    }
    return 0;
}

void keepDemoDem(const gis::Dataset& ds, const std::string& path)
{
    gis::StoredRaster dem;
    dem.kind = gis::RasterKind::Dem;
    dem.source = "illustrative (generated by Sasaran, not measured heights)";
    dem.period = "illustrative";
    dem.grid = gis::buildDemoDem(ds, 100.0);
    gis::storeRaster(path, dem);
}

std::string addTerrainColumns(gis::AnalysisTable& table, const gis::Dataset& ds, const TerrainOptions& options)
{
    const gis::TerrainModel model = buildTerrainModel(ds, options);
    const std::size_t incomplete =
        gis::addTerrainTravelColumns(table, ds, model.grid, model.population ? &*model.population : nullptr);
    return fmt::format("terrain travel: {}; weights: {}; {} pekon with an unreachable destination (empty cells)",
                       model.summary, model.population ? "population raster" : "area (no population raster)",
                       incomplete);
}

} // namespace app::cli
