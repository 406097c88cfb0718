// Rasters onto the regency grid: GDALWarp into an in-memory dataset, GeoTIFF bytes through
// /vsimem/. Every GDAL handle is owned (GDALDatasetUniquePtr, the warp options' deleter, the
// /vsimem/ file removed by a guard).
#include "gis/raster.h"

#include "detail/atomicoutput.h"

#include "gis/crs.h"
#include "gis/error.h"
#include "gis/text.h"

#include "detail/ogrhandles.h"

#include <gdal_utils.h>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>

namespace gis {

namespace {

using detail::GdalErrorCollector;

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
/// Higher than any land on earth (Everest 8,849 m): a DEM above it is in feet or is not a DEM.
constexpr double kHighestLandM = 9000.0;

struct WarpOptionsDeleter {
    void operator()(GDALWarpAppOptions* o) const noexcept { GDALWarpAppOptionsFree(o); }
};

/// A /vsimem/ file removed when the guard goes (also after an exception).
struct VsiMemFile {
    std::string name;
    explicit VsiMemFile(const char* stem)
    {
        static std::atomic<unsigned long long> counter{0};
        name = fmt::format("/vsimem/sasaran-{}-{}.tif", stem, counter.fetch_add(1));
    }
    ~VsiMemFile() { VSIUnlink(name.c_str()); }
    VsiMemFile(const VsiMemFile&) = delete;
    VsiMemFile& operator=(const VsiMemFile&) = delete;
};

std::string wktOf(const std::string& crs)
{
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        throw CrsError("'" + crs + "' is not a coordinate reference system GDAL understands");
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

/// "EPSG:N" when the SRS has an EPSG code, else its WKT.
std::string crsText(const OGRSpatialReference& srs)
{
    const char* name = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (name && code && std::string(name) == "EPSG")
        return std::string("EPSG:") + code;
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

GDALDatasetUniquePtr createMemory(const RasterGrid& grid)
{
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    if (!mem)
        throw Error("GDAL has no MEM driver (a broken GDAL installation)");
    GDALDatasetUniquePtr ds(mem->Create("", grid.width, grid.height, 1, GDT_Float32, nullptr));
    if (!ds)
        throw Error(fmt::format("cannot create a {} x {} raster in memory", grid.width, grid.height));
    double gt[6] = {grid.originX, grid.cellSize, 0.0, grid.originY, 0.0, -grid.cellSize};
    ds->SetGeoTransform(gt);
    ds->SetProjection(wktOf(grid.crs).c_str());
    return ds;
}

void writeBand(GDALDataset& ds, const RasterGrid& grid, const std::vector<float>& values)
{
    GDALRasterBand* band = ds.GetRasterBand(1);
    if (band->RasterIO(GF_Write, 0, 0, grid.width, grid.height, const_cast<float*>(values.data()), grid.width,
                       grid.height, GDT_Float32, 0, 0)
        != CE_None)
        throw OutputError("cannot write raster values: " + std::string(CPLGetLastErrorMsg()));
}

/// Band 1 of \a ds as floats, nodata -> NaN.
std::vector<float> readBand(GDALDataset& ds, const std::string& sourceName)
{
    GDALRasterBand* band = ds.GetRasterBand(1);
    if (!band)
        throw DataSourceError(sourceName, "the raster has no band");
    const int w = ds.GetRasterXSize(), h = ds.GetRasterYSize();
    std::vector<float> values(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    if (band->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, GDT_Float32, 0, 0) != CE_None)
        throw DataSourceError(sourceName, "cannot read the raster values: " + std::string(CPLGetLastErrorMsg()));
    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    if (hasNoData && !std::isnan(noData)) {
        const float nd = static_cast<float>(noData);
        for (float& v : values)
            if (v == nd)
                v = kNaNf;
    }
    return values;
}

/// Metres per unit of the DEM's heights when the file says (vertical CRS or band unit); 1 otherwise.
double verticalUnitToMetres(GDALDataset& ds, const OGRSpatialReference* srs, std::string& unitName)
{
    if (srs && (srs->IsCompound() || srs->IsVertical())) {
        const char* name = nullptr;
        const double toMetres = srs->GetTargetLinearUnits("VERT_CS", &name);
        if (toMetres > 0) {
            unitName = name ? name : "";
            return toMetres;
        }
    }
    if (GDALRasterBand* band = ds.GetRasterBand(1)) {
        const std::string unit = asciiLower(trimmed(band->GetUnitType()));
        unitName = unit;
        if (unit == "ft" || unit == "foot" || unit == "feet" || unit == "us survey foot" || unit == "ftus")
            return 0.3048;
    }
    return 1.0;
}

} // namespace

std::string rasterKindName(RasterKind kind)
{
    switch (kind) {
    case RasterKind::Dem:
        return "dem";
    case RasterKind::LandCover:
        return "landcover";
    case RasterKind::Population:
        return "population";
    }
    return "dem";
}

RasterKind rasterKindFromName(const std::string& name)
{
    const std::string n = asciiLower(trimmed(name));
    if (n == "dem")
        return RasterKind::Dem;
    if (n == "landcover" || n == "land-cover" || n == "land_cover")
        return RasterKind::LandCover;
    if (n == "population")
        return RasterKind::Population;
    throw Error("'" + name + "' is not a raster kind: use dem, landcover or population");
}

std::string regencyUtmCrs(const Dataset& ds)
{
    const Extent e = ds.extent();
    if (e.isEmpty())
        throw Error("the project has no areas: a raster grid needs the regency's extent");
    return utmCrsFor(e.center());
}

RasterTarget regencyRasterTarget(const Dataset& ds, double resolutionM, double marginM)
{
    if (!(resolutionM > 0) || !std::isfinite(resolutionM))
        throw Error(fmt::format("a raster resolution of {} m is not a positive number of metres", resolutionM));
    RasterTarget target;
    target.crs = regencyUtmCrs(ds);
    target.resolutionM = resolutionM;
    const CoordinateTransform toUtm("EPSG:4326", target.crs);
    Extent e;
    for (const Area& a : ds.areas)
        for (const Polygon& p : a.geometry)
            for (Point q : p.exterior)
                e.include(toUtm.forward(q));
    if (e.isEmpty())
        throw Error("the project's areas have no geometry: a raster grid needs the regency's extent");
    e.minX = std::floor((e.minX - marginM) / resolutionM) * resolutionM;
    e.minY = std::floor((e.minY - marginM) / resolutionM) * resolutionM;
    e.maxX = std::ceil((e.maxX + marginM) / resolutionM) * resolutionM;
    e.maxY = std::ceil((e.maxY + marginM) / resolutionM) * resolutionM;
    target.extent = e;
    return target;
}

RasterGrid warpRaster(const std::vector<std::string>& paths, const RasterTarget& target, RasterKind kind)
{
    detail::ensureGdalRegistered();
    GdalErrorCollector errors;
    if (paths.empty())
        throw Error("no raster file given");
    std::vector<GDALDatasetUniquePtr> sources;
    std::vector<GDALDatasetH> handles;
    std::string names;
    for (const std::string& path : paths) {
        names += (names.empty() ? "" : ", ") + path;
        if (!std::filesystem::exists(path) && path.rfind("/vsi", 0) != 0)
            throw DataSourceError(path, "no such file");
        GDALDatasetUniquePtr src(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
        if (!src)
            throw DataSourceError(path, "not a raster GDAL can read (" + errors.takeFailures() + ")");
        const OGRSpatialReference* srs = src->GetSpatialRef();
        if (!srs || srs->IsEmpty())
            throw DataSourceError(path,
                                  "the raster has no coordinate reference system: assign the one it was made "
                                  "in (e.g. gdal_edit.py -a_srs EPSG:4326 FILE) and import it again");
        if (kind == RasterKind::Dem) {
            std::string unit;
            const double toMetres = verticalUnitToMetres(*src, srs, unit);
            if (std::fabs(toMetres - 1.0) > 1e-6)
                throw DataSourceError(path,
                                      fmt::format("the heights are in {} ({} m each), not metres: convert them "
                                                  "to metres (multiply every height by {}) and import again",
                                                  unit.empty() ? "another unit" : unit, toMetres, toMetres));
        }
        handles.push_back(GDALDataset::ToHandle(src.get()));
        sources.push_back(std::move(src));
    }

    RasterGrid grid;
    grid.crs = target.crs;
    grid.cellSize = target.resolutionM;
    grid.originX = target.extent.minX;
    grid.originY = target.extent.maxY;
    grid.width = static_cast<int>(std::lround(target.extent.width() / target.resolutionM));
    grid.height = static_cast<int>(std::lround(target.extent.height() / target.resolutionM));
    if (grid.width <= 0 || grid.height <= 0)
        throw Error("the regency's raster grid is empty");
    GDALDatasetUniquePtr dst = createMemory(grid);
    dst->GetRasterBand(1)->SetNoDataValue(std::nan(""));
    dst->GetRasterBand(1)->Fill(std::nan("")); // cells no source reaches stay no data

    // Tiles in one CRS are mosaicked into one VRT first, so that resampling kernels see across
    // the seams; tiles in different CRSs are warped one after the other.
    GDALDatasetUniquePtr mosaic;
    if (handles.size() > 1) {
        bool sameCrs = true;
        for (const auto& src : sources)
            sameCrs = sameCrs && src->GetSpatialRef()->IsSame(sources.front()->GetSpatialRef());
        if (sameCrs) {
            int vrtUsageError = 0;
            mosaic.reset(GDALDataset::FromHandle(
                GDALBuildVRT("", static_cast<int>(handles.size()), handles.data(), nullptr, nullptr, &vrtUsageError)));
            if (!mosaic || vrtUsageError)
                throw DataSourceError(names, "cannot mosaic the tiles (" + errors.takeFailures() + ")");
            handles = {GDALDataset::ToHandle(mosaic.get())};
        }
    }

    const char* resampling = kind == RasterKind::Dem ? "bilinear" : kind == RasterKind::LandCover ? "near" : "sum";
    std::vector<const char*> argv = {"-r", resampling, "-wo", "INIT_DEST=NO_DATA", "-dstnodata", "nan", nullptr};
    std::unique_ptr<GDALWarpAppOptions, WarpOptionsDeleter> options(
        GDALWarpAppOptionsNew(const_cast<char**>(argv.data()), nullptr));
    int usageError = 0;
    GDALDatasetH out = GDALWarp(nullptr, GDALDataset::ToHandle(dst.get()), static_cast<int>(handles.size()),
                                handles.data(), options.get(), &usageError);
    if (!out || usageError)
        throw DataSourceError(names, "cannot warp the raster onto the regency's grid (" + errors.takeFailures() + ")");
    grid.values = readBand(*dst, names);

    std::size_t valid = 0;
    float maxValue = -std::numeric_limits<float>::infinity();
    for (float v : grid.values)
        if (!std::isnan(v)) {
            ++valid;
            maxValue = std::max(maxValue, v);
        }
    if (valid == 0)
        throw DataSourceError(names,
                              fmt::format("the raster does not overlap the regency (the grid {} x {} km in {} "
                                          "around the areas got no value): is it the right file, with the "
                                          "right CRS?",
                                          target.extent.width() / 1000.0, target.extent.height() / 1000.0, target.crs));
    if (kind == RasterKind::Dem && maxValue > kHighestLandM)
        throw DataSourceError(names,
                              fmt::format("heights reach {:.0f}, higher than any land on earth: the DEM is "
                                          "probably in feet (multiply by 0.3048) or is not a DEM",
                                          maxValue));
    return grid;
}

RasterGrid resampleGrid(const RasterGrid& grid, const RasterTarget& target, RasterKind kind)
{
    const RasterTarget own = targetOf(grid);
    if (own.crs == target.crs && own.resolutionM == target.resolutionM && own.extent.minX == target.extent.minX
        && own.extent.maxY == target.extent.maxY && own.extent.maxX == target.extent.maxX
        && own.extent.minY == target.extent.minY)
        return grid;
    VsiMemFile file("resample");
    const std::string bytes = encodeGeoTiff(grid);
    VSILFILE* f = VSIFileFromMemBuffer(file.name.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                       bytes.size(), FALSE);
    if (!f)
        throw Error("cannot resample a raster in memory");
    VSIFCloseL(f);
    return warpRaster({file.name}, target, kind);
}

RasterTarget targetOf(const RasterGrid& grid)
{
    return {grid.crs, grid.extent(), grid.cellSize};
}

LandCoverSpeeds parseLandCoverSpeeds(const std::string& json, const std::string& sourceName)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw Error("'" + sourceName + "' is not JSON: " + e.what());
    }
    if (doc.is_object() && doc.contains("classes"))
        doc = doc["classes"];
    if (!doc.is_object() || doc.empty())
        throw Error("'" + sourceName + "' must map land-cover classes to km/h, e.g. {\"10\": 4.0, \"80\": null}");
    LandCoverSpeeds speeds;
    for (const auto& [key, value] : doc.items()) {
        int code = 0;
        try {
            std::size_t used = 0;
            code = std::stoi(key, &used);
            if (used != key.size())
                throw std::invalid_argument(key);
        } catch (const std::exception&) {
            throw Error("'" + sourceName + "': the class '" + key + "' is not a whole number (a land-cover code)");
        }
        if (value.is_null()) {
            speeds[code] = std::nullopt;
        } else if (value.is_number() && value.get<double>() >= 0 && std::isfinite(value.get<double>())) {
            const double v = value.get<double>();
            speeds[code] = v > 0 ? std::optional<double>(v) : std::nullopt;
        } else {
            throw Error("'" + sourceName + "': the speed of class " + key
                        + " must be km/h (a number >= 0) or null for impassable");
        }
    }
    return speeds;
}

std::string landCoverSpeedsToJson(const LandCoverSpeeds& speeds)
{
    nlohmann::json doc = nlohmann::json::object();
    for (const auto& [code, speed] : speeds)
        doc[std::to_string(code)] = speed ? nlohmann::json(*speed) : nlohmann::json(nullptr);
    return doc.dump();
}

void checkLandCoverClasses(const RasterGrid& grid, const LandCoverSpeeds& speeds, const std::string& sourceName)
{
    std::set<long long> missing;
    for (float v : grid.values)
        if (!std::isnan(v) && !speeds.count(static_cast<int>(std::lround(v))))
            missing.insert(std::lround(v));
    if (missing.empty())
        return;
    std::string list;
    for (long long c : missing) {
        if (list.size() > 80) {
            list += ", ...";
            break;
        }
        list += (list.empty() ? "" : ", ") + std::to_string(c);
    }
    throw DataSourceError(sourceName,
                          "land-cover class(es) " + list
                              + " are not in the speed table: add each with its km/h (or null for "
                                "impassable) and import again");
}

std::string encodeGeoTiff(const RasterGrid& grid)
{
    detail::ensureGdalRegistered();
    GdalErrorCollector errors;
    VsiMemFile file("grid");
    {
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        const char* create[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", nullptr};
        GDALDatasetUniquePtr ds(
            gtiff->Create(file.name.c_str(), grid.width, grid.height, 1, GDT_Float32, const_cast<char**>(create)));
        if (!ds)
            throw OutputError("cannot encode a GeoTIFF in memory: " + errors.takeFailures());
        double gt[6] = {grid.originX, grid.cellSize, 0.0, grid.originY, 0.0, -grid.cellSize};
        ds->SetGeoTransform(gt);
        ds->SetProjection(wktOf(grid.crs).c_str());
        ds->GetRasterBand(1)->SetNoDataValue(std::nan(""));
        writeBand(*ds, grid, grid.values);
    }
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(file.name.c_str(), &length, FALSE);
    if (!data)
        throw OutputError("cannot encode a GeoTIFF in memory");
    return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length));
}

namespace {

RasterGrid gridFromDataset(GDALDataset& ds, const std::string& sourceName)
{
    double gt[6] = {};
    if (ds.GetGeoTransform(gt) != CE_None)
        throw DataSourceError(sourceName, "the raster has no georeferencing (geotransform)");
    if (gt[2] != 0.0 || gt[4] != 0.0 || gt[5] >= 0.0 || std::fabs(std::fabs(gt[1]) - std::fabs(gt[5])) > 1e-6 * gt[1])
        throw DataSourceError(sourceName, "the raster is not north-up with square cells: warp it first");
    const OGRSpatialReference* srs = ds.GetSpatialRef();
    if (!srs || srs->IsEmpty())
        throw DataSourceError(sourceName, "the raster has no coordinate reference system");
    RasterGrid grid;
    grid.width = ds.GetRasterXSize();
    grid.height = ds.GetRasterYSize();
    grid.originX = gt[0];
    grid.originY = gt[3];
    grid.cellSize = gt[1];
    grid.crs = crsText(*srs);
    grid.values = readBand(ds, sourceName);
    return grid;
}

} // namespace

RasterGrid decodeGeoTiff(const std::string& bytes, const std::string& sourceName)
{
    detail::ensureGdalRegistered();
    GdalErrorCollector errors;
    VsiMemFile file("read");
    // The buffer stays ours (bTakeOwnership FALSE); the copy lives until the file is unlinked.
    std::string copy = bytes;
    VSILFILE* f = VSIFileFromMemBuffer(file.name.c_str(), reinterpret_cast<GByte*>(copy.data()), copy.size(), FALSE);
    if (!f)
        throw DataSourceError(sourceName, "cannot open the stored raster");
    VSIFCloseL(f);
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.name.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        throw DataSourceError(sourceName,
                              "the stored raster is not a readable GeoTIFF (" + errors.takeFailures() + ")");
    RasterGrid grid = gridFromDataset(*ds, sourceName);
    ds.reset();
    return grid;
}

RasterGrid readRasterFile(const std::string& path)
{
    detail::ensureGdalRegistered();
    GdalErrorCollector errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        throw DataSourceError(path, "not a raster GDAL can read (" + errors.takeFailures() + ")");
    return gridFromDataset(*ds, path);
}

void writeGeoTiff(const RasterGrid& grid, const std::string& path, float nodata)
{
    detail::ensureGdalRegistered();
    GdalErrorCollector errors;
    detail::AtomicOutput output(path, detail::AtomicOutput::Kind::File);
    const std::filesystem::path& temp = output.tempPath();
    {
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        const char* create[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", nullptr};
        GDALDatasetUniquePtr ds(
            gtiff->Create(temp.string().c_str(), grid.width, grid.height, 1, GDT_Float32, const_cast<char**>(create)));
        if (!ds)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
        double gt[6] = {grid.originX, grid.cellSize, 0.0, grid.originY, 0.0, -grid.cellSize};
        ds->SetGeoTransform(gt);
        ds->SetProjection(wktOf(grid.crs).c_str());
        ds->GetRasterBand(1)->SetNoDataValue(nodata);
        std::vector<float> values = grid.values;
        for (float& v : values)
            if (std::isnan(v))
                v = nodata;
        writeBand(*ds, grid, values);
        ds.reset(); // closes and flushes (GDALDataset::Close is newer than Debian's GDAL)
        if (errors.failureCount() > 0)
            throw OutputError("cannot write '" + path + "': " + errors.takeFailures());
    }
    output.commit();
}

} // namespace gis
