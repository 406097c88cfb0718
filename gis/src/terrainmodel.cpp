// The project's travel model assembled from its rasters and road layer (terrainmodel.h).
#include "gis/terrainmodel.h"

#include "gis/crs.h"
#include "gis/demodem.h"
#include "gis/error.h"
#include "gis/rasterstore.h"
#include "gis/roadlayer.h"
#include "gis/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace gis {

namespace {

std::optional<StoredRaster> storedOrNone(const std::string& projectFile, RasterKind kind)
{
    if (projectFile.empty())
        return std::nullopt;
    return loadRaster(projectFile, kind);
}

} // namespace

TerrainModel buildTerrainModel(const Dataset& ds, const std::string& projectFile, const TerrainModelOptions& options)
{
    const auto stopHere = [&options] {
        if (options.stop.stop_requested())
            throw TravelCancelled();
    };
    TerrainModel model;
    const RasterTarget target = regencyRasterTarget(ds, options.resolutionM);
    TravelInputs inputs;
    std::optional<RasterGrid> demoDem;
    const std::optional<StoredRaster> dem = storedOrNone(projectFile, RasterKind::Dem);
    std::string demText;
    if (dem) {
        inputs.dem = &dem->grid;
        model.demSource = dem->source;
        model.demIllustrative = dem->period == "illustrative";
        demText = "DEM " + dem->source;
    } else if (projectFile.empty() || ds.isIllustrative()) {
        demoDem = buildDemoDem(ds, options.resolutionM);
        inputs.dem = &*demoDem;
        model.demSource = "illustrative";
        model.demIllustrative = true;
        demText = "illustrative DEM";
    } else {
        demText = "no DEM (flat terrain: the project holds no elevation raster)";
    }
    stopHere();
    const std::optional<StoredRaster> landCover = storedOrNone(projectFile, RasterKind::LandCover);
    if (landCover) {
        inputs.landCover = &landCover->grid;
        const nlohmann::json attributes = nlohmann::json::parse(landCover->attributes, nullptr, false);
        if (!attributes.is_object() || !attributes.contains("speeds"))
            throw ProjectError("the land-cover raster in '" + projectFile
                               + "' has no speed table: import it again with its speeds");
        inputs.landCoverSpeeds = parseLandCoverSpeeds(attributes["speeds"].dump(), projectFile);
    }
    for (const Area& a : ds.areas)
        inputs.land.push_back(a.geometry);
    if (!ds.backgroundLand.empty())
        inputs.land.push_back(ds.backgroundLand);
    std::string roadText = "no roads";
    if (options.roads) {
        inputs.roads = *options.roads;
        roadText = options.roadsDescription;
    } else if (!ds.roads.empty()) {
        inputs.roads = travelRoadsOf(ds.roads);
        roadText = fmt::format("{} road segments of the project's road layer ({} roads at their class speeds)",
                               inputs.roads.size(), ds.roads.roads.size());
    }
    inputs.barriers = options.barriers;
    stopHere();
    model.grid = buildFrictionGrid(target, inputs);
    stopHere();
    if (const std::optional<StoredRaster> population = storedOrNone(projectFile, RasterKind::Population))
        model.population = resampleGrid(population->grid, target, RasterKind::Population);
    model.summary =
        fmt::format("grid {} x {} cells of {} m in {}; {}; {}{}{}", model.grid.shape.width, model.grid.shape.height,
                    options.resolutionM, target.crs, demText, landCover ? "land cover " + landCover->source + "; " : "",
                    roadText, inputs.barriers.empty() ? "" : fmt::format("; {} barrier lines", inputs.barriers.size()));
    return model;
}

std::vector<std::string> terrainKeysOf(const PriorityScheme& scheme)
{
    std::vector<std::string> keys;
    for (const SchemeIndicator& i : scheme.indicators)
        if (i.key.rfind("terrain_", 0) == 0)
            keys.push_back(i.key);
    return keys;
}

bool hasTerrainDem(const Dataset& ds, const std::string& projectFile)
{
    if (projectFile.empty() || ds.isIllustrative())
        return true;
    return loadRaster(projectFile, RasterKind::Dem).has_value();
}

void checkTerrainScheme(const Dataset& ds, const std::string& projectFile, const PriorityScheme& scheme)
{
    const std::vector<std::string> keys = terrainKeysOf(scheme);
    if (keys.empty() || hasTerrainDem(ds, projectFile))
        return;
    std::string list;
    for (const std::string& k : keys)
        list += (list.empty() ? "" : ", ") + k;
    throw Error("the priority scheme '" + scheme.name + "' weighs travel time over terrain (" + list
                + ") but the project '" + projectFile
                + "' has no DEM: import one (a DEMNAS or SRTM GeoTIFF) as a raster of kind dem, or leave these "
                  "indicators out of the scheme");
}

TravelDestination travelDestination(const Dataset& ds, const std::string& to)
{
    TravelDestination d;
    if (asciiLower(to) == "capital") {
        const double lon = std::atof(ds.metaValue("capital_lon", "nan").c_str());
        const double lat = std::atof(ds.metaValue("capital_lat", "nan").c_str());
        if (!std::isfinite(lon) || !std::isfinite(lat))
            throw Error("the project has no regency capital: set the meta values 'capital_lon' and 'capital_lat'");
        d.capital = true;
        d.lonLat.push_back({lon, lat});
        return d;
    }
    std::map<std::string, int> kinds;
    for (const Facility& f : ds.facilities) {
        kinds[f.kind]++;
        if (asciiLower(f.kind) == asciiLower(to)) {
            d.lonLat.push_back(f.location);
            d.kind = f.kind;
        }
    }
    if (d.lonLat.empty()) {
        std::string list;
        for (const auto& [k, n] : kinds)
            list += (list.empty() ? "" : ", ") + k;
        throw Error("the project has no facility of kind '" + to + "' (kinds: " + (list.empty() ? "none" : list)
                    + ", or capital)");
    }
    return d;
}

RasterGrid travelMinutesForMap(const FrictionGrid& grid, const TravelResult& result)
{
    RasterGrid out = result.minutes;
    for (std::size_t i = 0; i < out.values.size(); ++i) {
        if (!std::isnan(out.values[i]))
            continue;
        const bool passable = std::isfinite(grid.walkPace[i]) || std::isfinite(grid.roadPace[i]);
        if (passable)
            out.values[i] = std::numeric_limits<float>::infinity();
    }
    return out;
}

RasterGrid lonLatGrid(const RasterGrid& grid)
{
    const CoordinateTransform toLonLat(grid.crs, "EPSG:4326");
    // the bounding box of the grid's edges in lon/lat
    Extent box;
    const Extent e = grid.extent();
    constexpr int kEdgeSteps = 32;
    for (int k = 0; k <= kEdgeSteps; ++k) {
        const double fx = e.minX + e.width() * k / kEdgeSteps, fy = e.minY + e.height() * k / kEdgeSteps;
        box.include(toLonLat.forward({fx, e.minY}));
        box.include(toLonLat.forward({fx, e.maxY}));
        box.include(toLonLat.forward({e.minX, fy}));
        box.include(toLonLat.forward({e.maxX, fy}));
    }
    const double metresPerDegree = 111320.0;
    RasterGrid out;
    out.crs = "EPSG:4326";
    out.cellSize = grid.cellSize / metresPerDegree;
    out.originX = box.minX;
    out.originY = box.maxY;
    out.width = std::max(1, static_cast<int>(std::ceil(box.width() / out.cellSize)));
    out.height = std::max(1, static_cast<int>(std::ceil(box.height() / out.cellSize)));
    out.values.assign(out.cellCount(), std::numeric_limits<float>::quiet_NaN());
    const CoordinateTransform toGrid("EPSG:4326", grid.crs);
    constexpr int kStep = 8;
    const int latticeW = out.width / kStep + 2, latticeH = out.height / kStep + 2;
    std::vector<Point> lattice(static_cast<std::size_t>(latticeW) * static_cast<std::size_t>(latticeH));
    for (int r = 0; r < latticeH; ++r)
        for (int c = 0; c < latticeW; ++c)
            lattice[static_cast<std::size_t>(r) * latticeW + c] =
                toGrid.forward({out.originX + (c * kStep + 0.5) * out.cellSize,
                                out.originY - (r * kStep + 0.5) * out.cellSize});
    for (int r = 0; r < out.height; ++r) {
        const int lr = r / kStep;
        const double fr = static_cast<double>(r % kStep) / kStep;
        for (int c = 0; c < out.width; ++c) {
            const int lc = c / kStep;
            const double fc = static_cast<double>(c % kStep) / kStep;
            auto at = [&](int dc, int dr) -> const Point& {
                return lattice[static_cast<std::size_t>(lr + dr) * latticeW + (lc + dc)];
            };
            const Point& p00 = at(0, 0);
            const Point& p10 = at(1, 0);
            const Point& p01 = at(0, 1);
            const Point& p11 = at(1, 1);
            const Point p{(1 - fr) * ((1 - fc) * p00.x + fc * p10.x) + fr * ((1 - fc) * p01.x + fc * p11.x),
                          (1 - fr) * ((1 - fc) * p00.y + fc * p10.y) + fr * ((1 - fc) * p01.y + fc * p11.y)};
            int col = 0, row = 0;
            if (grid.cellOf(p, col, row))
                out.values[out.index(c, r)] = grid.values[grid.index(col, row)];
        }
    }
    return out;
}

} // namespace gis
