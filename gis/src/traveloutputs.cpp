// What the travel grid gives: isochrone polygons, per-village columns, coverage with capacity.
#include "gis/travel.h"

#include "gis/analysis.h"
#include "gis/crs.h"
#include "gis/error.h"
#include "gis/text.h"

#include "detail/atomicoutput.h"
#include "detail/ogrhandles.h"
#include "detail/rasterise.h"

#include <gdal_alg.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<double> metaNumber(const Dataset& ds, const std::string& key)
{
    const std::string text = trimmed(ds.metaValue(key));
    if (text.empty())
        return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        return used == text.size() ? std::optional<double>(v) : std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string driverFor(const std::string& path)
{
    const std::string ext = asciiLower(std::filesystem::path(path).extension().string());
    if (ext == ".gpkg")
        return "GPKG";
    if (ext == ".geojson" || ext == ".json")
        return "GeoJSON";
    if (ext == ".shp")
        return "ESRI Shapefile";
    throw OutputError("cannot write '" + path + "': isochrones are written as .gpkg, .geojson or .shp");
}

} // namespace

std::size_t writeIsochrones(const RasterGrid& minutes, const std::vector<double>& breaks, const std::string& path)
{
    if (breaks.empty() || !std::is_sorted(breaks.begin(), breaks.end())
        || std::adjacent_find(breaks.begin(), breaks.end()) != breaks.end() || !(breaks.front() > 0))
        throw Error("isochrone breaks must be ascending positive minutes, e.g. 30,60,120");
    detail::ensureGdalRegistered();
    detail::GdalErrorCollector errors;
    const std::string driverName = driverFor(path);

    // The classed grid: class k+1 for minutes in (breaks[k-1], breaks[k]], 0 beyond or unreachable.
    std::vector<std::int32_t> classes(minutes.cellCount(), 0);
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const float v = minutes.values[i];
        if (std::isnan(v))
            continue;
        const auto it = std::lower_bound(breaks.begin(), breaks.end(), static_cast<double>(v));
        if (it != breaks.end())
            classes[i] = static_cast<std::int32_t>(it - breaks.begin()) + 1;
    }
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr raster(mem->Create("", minutes.width, minutes.height, 1, GDT_Int32, nullptr));
    double gt[6] = {minutes.originX, minutes.cellSize, 0.0, minutes.originY, 0.0, -minutes.cellSize};
    raster->SetGeoTransform(gt);
    GDALRasterBand* band = raster->GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, minutes.width, minutes.height, classes.data(), minutes.width, minutes.height,
                       GDT_Int32, 0, 0)
        != CE_None)
        throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
    band->SetNoDataValue(0); // the band is its own mask: class 0 is not polygonised

    detail::AtomicOutput output(path, detail::AtomicOutput::Kind::File);
    const std::filesystem::path& temp = output.tempPath();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    std::size_t count = 0;
    {
        GDALDatasetUniquePtr out(driver->Create(temp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!out)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
        OGRSpatialReference srs;
        srs.SetFromUserInput(minutes.crs.c_str());
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRLayer* layer = out->CreateLayer("isochrone", &srs, wkbPolygon, nullptr);
        if (!layer)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
        OGRFieldDefn classField("class", OFTInteger);
        layer->CreateField(&classField);
        if (GDALPolygonize(band, band, OGRLayer::ToHandle(layer), 0, nullptr, nullptr, nullptr) != CE_None)
            throw OutputError("cannot polygonise the isochrones for '" + path + "': " + errors.takeFailures());
        // Minutes per class, written after polygonising (GDALPolygonize fills only the class).
        OGRFieldDefn minField("min_minutes", OFTReal), maxField("max_minutes", OFTReal);
        layer->CreateField(&minField);
        layer->CreateField(&maxField);
        if (out->StartTransaction() != OGRERR_NONE)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
        layer->ResetReading();
        std::vector<std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)>> features;
        while (OGRFeature* f = layer->GetNextFeature())
            features.emplace_back(f, &OGRFeature::DestroyFeature);
        for (auto& f : features) {
            const int k = f->GetFieldAsInteger("class");
            f->SetField("min_minutes", k >= 2 ? breaks[static_cast<std::size_t>(k) - 2] : 0.0);
            f->SetField("max_minutes", breaks[static_cast<std::size_t>(k) - 1]);
            if (layer->SetFeature(f.get()) != OGRERR_NONE)
                throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
            ++count;
        }
        if (out->CommitTransaction() != OGRERR_NONE)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
        out.reset();
        if (errors.failureCount() > 0)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
    }
    output.commit();
    return count;
}

std::vector<std::int32_t> areaIndexGrid(const RasterGrid& shape, const std::vector<const Area*>& areas)
{
    std::vector<const MultiPolygon*> polygons;
    for (const Area* a : areas)
        polygons.push_back(&a->geometry);
    std::vector<std::int32_t> ids = detail::rasteriseIds(shape, polygons);
    std::vector<bool> seen(areas.size(), false);
    for (std::int32_t& id : ids) {
        id -= 1;
        if (id >= 0)
            seen[static_cast<std::size_t>(id)] = true;
    }
    // A village smaller than a cell: its point-on-surface's cell.
    const CoordinateTransform toGrid("EPSG:4326", shape.crs);
    for (std::size_t k = 0; k < areas.size(); ++k) {
        if (seen[k] || areas[k]->geometry.empty())
            continue;
        Dataset none;
        int c = 0, r = 0;
        if (shape.cellOf(toGrid.forward(none.surfacePoint(*areas[k])), c, r))
            ids[shape.index(c, r)] = static_cast<std::int32_t>(k);
    }
    return ids;
}

RasterGrid populationOnGrid(const RasterGrid& shape, const Dataset& ds, const RasterGrid* population,
                            const std::map<std::string, double>& peopleByCode)
{
    if (population)
        return resampleGrid(*population, targetOf(shape), RasterKind::Population);
    RasterGrid grid = shape.sameShape(0.0f);
    const std::vector<const Area*> villages = ds.villages();
    const std::vector<std::int32_t> ids = areaIndexGrid(shape, villages);
    std::vector<std::size_t> cells(villages.size(), 0);
    for (std::int32_t id : ids)
        if (id >= 0)
            ++cells[static_cast<std::size_t>(id)];
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] < 0)
            continue;
        const std::size_t k = static_cast<std::size_t>(ids[i]);
        const auto it = peopleByCode.find(villages[k]->code);
        if (it != peopleByCode.end() && std::isfinite(it->second))
            grid.values[i] = static_cast<float>(it->second / static_cast<double>(cells[k]));
    }
    return grid;
}

std::size_t addTerrainTravelColumns(AnalysisTable& table, const Dataset& ds, const FrictionGrid& grid,
                                    const RasterGrid* population)
{
    const RasterGrid& shape = grid.shape;
    std::map<std::string, std::size_t> rowOf;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        rowOf[table.rows[i].kode] = i;
    std::vector<const Area*> areas;
    std::vector<std::size_t> rowOfArea;
    for (const Area* a : ds.villages()) {
        const auto it = rowOf.find(a->code);
        if (it == rowOf.end())
            continue;
        areas.push_back(a);
        rowOfArea.push_back(it->second);
    }
    const std::vector<std::int32_t> areaOfCell = areaIndexGrid(shape, areas);

    const CoordinateTransform toGrid("EPSG:4326", shape.crs);
    std::vector<std::string> names;
    std::vector<std::vector<Point>> targetSets;
    std::map<std::string, std::vector<Point>> byKind;
    for (const Facility& f : ds.facilities)
        byKind[asciiLower(f.kind)].push_back(toGrid.forward(f.location));
    for (auto& [kind, points] : byKind) {
        names.push_back(kind);
        targetSets.push_back(std::move(points));
    }
    const auto lon = metaNumber(ds, "capital_lon"), lat = metaNumber(ds, "capital_lat");
    if (lon && lat) {
        names.push_back("capital");
        targetSets.push_back({toGrid.forward(Point{*lon, *lat})});
    }
    const std::vector<TravelResult> runs = travelTimesMany(grid, targetSets);

    std::set<std::size_t> incomplete;
    for (std::size_t s = 0; s < runs.size(); ++s) {
        const std::vector<float>& minutes = runs[s].minutes.values;
        std::vector<double> weightSum(areas.size(), 0.0), reachedWeight(areas.size(), 0.0),
            minutesSum(areas.size(), 0.0), beyondWeight(areas.size(), 0.0);
        for (std::size_t i = 0; i < areaOfCell.size(); ++i) {
            if (areaOfCell[i] < 0)
                continue;
            const std::size_t k = static_cast<std::size_t>(areaOfCell[i]);
            const double w = population ? std::max(0.0, static_cast<double>(population->values[i])) : 1.0;
            if (!std::isfinite(w) || w == 0.0)
                continue;
            weightSum[k] += w;
            if (std::isnan(minutes[i])) {
                beyondWeight[k] += w;
                continue;
            }
            reachedWeight[k] += w;
            minutesSum[k] += w * minutes[i];
            if (minutes[i] > 60.0f)
                beyondWeight[k] += w;
        }
        std::vector<double> mean(table.rows.size(), kNaN), beyond(table.rows.size(), kNaN);
        for (std::size_t k = 0; k < areas.size(); ++k) {
            const std::size_t row = rowOfArea[k];
            if (weightSum[k] > 0)
                beyond[row] = 100.0 * beyondWeight[k] / weightSum[k];
            if (reachedWeight[k] > 0)
                mean[row] = minutesSum[k] / reachedWeight[k];
            else
                incomplete.insert(row);
        }
        const std::string meanName = "terrain_" + names[s] + "_min";
        table.columns.push_back(meanName);
        for (std::size_t i = 0; i < table.rows.size(); ++i)
            table.rows[i].values.push_back(mean[i]);
        table.inputs[meanName] = mean;
        if (names[s] != "capital") {
            const std::string beyondName = "terrain_" + names[s] + "_over60_pct";
            table.columns.push_back(beyondName);
            for (std::size_t i = 0; i < table.rows.size(); ++i)
                table.rows[i].values.push_back(beyond[i]);
            table.inputs[beyondName] = beyond;
        }
    }
    return incomplete.size();
}

CoverageResult coverageWithCapacity(const FrictionGrid& grid, const RasterGrid& population,
                                    const std::vector<std::int32_t>& areaOfCell, std::size_t areaCount,
                                    const std::vector<Point>& facilities, double capacity, double maxMinutes)
{
    if (!(capacity > 0))
        throw Error(fmt::format("a facility capacity of {} people is not positive", capacity));
    if (population.cellCount() != grid.cellCount() || areaOfCell.size() != grid.cellCount())
        throw Error("the population grid does not match the travel grid");
    CoverageResult result;
    result.servedByFacility.assign(facilities.size(), 0.0);
    result.coveredByArea.assign(areaCount, 0.0);
    result.totalByArea.assign(areaCount, 0.0);
    std::vector<double> remaining(grid.cellCount(), 0.0);
    for (std::size_t i = 0; i < remaining.size(); ++i) {
        const float v = population.values[i];
        remaining[i] = std::isfinite(v) && v > 0 ? v : 0.0;
        if (areaOfCell[i] >= 0)
            result.totalByArea[static_cast<std::size_t>(areaOfCell[i])] += remaining[i];
    }
    std::vector<std::size_t> order;
    for (std::size_t f = 0; f < facilities.size(); ++f) {
        const TravelResult reach = travelTimes(grid, {facilities[f]}, false, maxMinutes);
        order.clear();
        for (std::size_t i = 0; i < remaining.size(); ++i)
            if (!std::isnan(reach.minutes.values[i]) && remaining[i] > 0)
                order.push_back(i);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return reach.minutes.values[a] < reach.minutes.values[b]
                || (reach.minutes.values[a] == reach.minutes.values[b] && a < b);
        });
        double left = capacity;
        for (std::size_t i : order) {
            if (left <= 0)
                break;
            const double take = std::min(left, remaining[i]);
            remaining[i] -= take;
            left -= take;
            result.servedByFacility[f] += take;
            if (areaOfCell[i] >= 0)
                result.coveredByArea[static_cast<std::size_t>(areaOfCell[i])] += take;
        }
    }
    return result;
}

} // namespace gis
