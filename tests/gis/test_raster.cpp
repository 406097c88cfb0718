// Rasters onto the regency grid: a plane warped from lon/lat into UTM keeps its values at the
// cell centres (checked against the plane's formula at the centres' lon/lat), tiles mosaic,
// GeoTIFF bytes round-trip, the project keeps a raster across saveProject, and bad inputs
// (no CRS, feet, a land-cover class missing from the speed table, no overlap) each get a
// clear error.
#include "gis/crs.h"
#include "gis/demo.h"
#include "gis/demodem.h"
#include "gis/error.h"
#include "gis/project.h"
#include "gis/raster.h"
#include "gis/rasterstore.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace gis;
using ::testing::HasSubstr;

namespace {

/// A Float32 GeoTIFF over [lon0, lon0 + w*step] x [lat0 - h*step, lat0] with value f(lon, lat)
/// at each cell centre.
template <typename F>
void writeLonLatTiff(const std::string& path, double lon0, double lat0, double step, int w, int h, F f,
                     const char* crs = "EPSG:4326", const char* unit = nullptr)
{
    GDALAllRegister();
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), w, h, 1, GDT_Float32, nullptr));
    double gt[6] = {lon0, step, 0, lat0, 0, -step};
    ds->SetGeoTransform(gt);
    if (crs) {
        OGRSpatialReference srs;
        srs.SetFromUserInput(crs);
        ds->SetSpatialRef(&srs);
    }
    std::vector<float> values(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            values[static_cast<std::size_t>(r * w + c)] =
                static_cast<float>(f(lon0 + (c + 0.5) * step, lat0 - (r + 0.5) * step));
    GDALRasterBand* band = ds->GetRasterBand(1);
    if (unit)
        band->SetUnitType(unit);
    EXPECT_EQ(band->RasterIO(GF_Write, 0, 0, w, h, values.data(), w, h, GDT_Float32, 0, 0), CE_None);
}

RasterTarget smallUtmTarget()
{
    // 10 x 8 km in UTM 48S around Kota Agung, 200 m cells.
    const CoordinateTransform toUtm("EPSG:4326", "EPSG:32748");
    const Point centre = toUtm.forward({104.62, -5.50});
    RasterTarget t;
    t.crs = "EPSG:32748";
    t.resolutionM = 200.0;
    t.extent.minX = std::floor(centre.x / 200.0) * 200.0 - 5000.0;
    t.extent.maxX = t.extent.minX + 10000.0;
    t.extent.maxY = std::floor(centre.y / 200.0) * 200.0 + 4000.0;
    t.extent.minY = t.extent.maxY - 8000.0;
    return t;
}

double plane(double lon, double lat)
{
    return 100.0 + 2000.0 * (lon - 104.5) + 1000.0 * (lat + 5.6);
}

} // namespace

TEST(Raster, WarpsALonLatPlaneIntoUtm)
{
    const auto dir = testutil::tempDir("raster_warp");
    const std::string tif = (dir / "plane.tif").string();
    writeLonLatTiff(tif, 104.5, -5.4, 0.001, 250, 200, plane);
    const RasterTarget target = smallUtmTarget();
    const RasterGrid g = warpRaster({tif}, target, RasterKind::Dem);
    EXPECT_EQ(g.width, 50);
    EXPECT_EQ(g.height, 40);
    EXPECT_EQ(g.crs, "EPSG:32748");
    const CoordinateTransform toLonLat("EPSG:32748", "EPSG:4326");
    for (int r = 0; r < g.height; r += 7)
        for (int c = 0; c < g.width; c += 9) {
            const Point ll = toLonLat.forward(g.cellCenter(c, r));
            // Bilinear interpolation of a plane is exact; GDAL's approximate transformer (error up to
            // 1/8 of a source cell, 14 m here, on a slope of 0.018 per metre) leaves up to 0.25.
            EXPECT_NEAR(g.values[g.index(c, r)], plane(ll.x, ll.y), 0.3) << c << "," << r;
        }
}

TEST(Raster, MosaicsTwoTiles)
{
    const auto dir = testutil::tempDir("raster_mosaic");
    const std::string west = (dir / "west.tif").string(), east = (dir / "east.tif").string();
    writeLonLatTiff(west, 104.5, -5.4, 0.001, 120, 200, plane);
    writeLonLatTiff(east, 104.62, -5.4, 0.001, 130, 200, plane);
    const RasterTarget target = smallUtmTarget();
    const RasterGrid g = warpRaster({west, east}, target, RasterKind::Dem);
    std::size_t nan = 0;
    for (float v : g.values)
        nan += std::isnan(v) ? 1 : 0;
    EXPECT_EQ(nan, 0u) << "the two tiles cover the whole target between them";
    const CoordinateTransform toLonLat("EPSG:32748", "EPSG:4326");
    const Point ll = toLonLat.forward(g.cellCenter(25, 20));
    EXPECT_NEAR(g.values[g.index(25, 20)], plane(ll.x, ll.y), 0.3) << "across the seam of the tiles";
}

TEST(Raster, RasterWithoutCrsIsRefused)
{
    const auto dir = testutil::tempDir("raster_nocrs");
    const std::string tif = (dir / "nocrs.tif").string();
    writeLonLatTiff(tif, 104.5, -5.4, 0.001, 50, 50, plane, nullptr);
    try {
        warpRaster({tif}, smallUtmTarget(), RasterKind::Dem);
        FAIL() << "expected an error";
    } catch (const DataSourceError& e) {
        EXPECT_THAT(e.what(), HasSubstr("nocrs.tif"));
        EXPECT_THAT(e.what(), HasSubstr("no coordinate reference system"));
    }
}

TEST(Raster, DemInFeetIsRefused)
{
    const auto dir = testutil::tempDir("raster_feet");
    const std::string unitFt = (dir / "unit_ft.tif").string();
    writeLonLatTiff(unitFt, 104.5, -5.4, 0.001, 250, 200, plane, "EPSG:4326", "ft");
    try {
        warpRaster({unitFt}, smallUtmTarget(), RasterKind::Dem);
        FAIL() << "expected an error";
    } catch (const DataSourceError& e) {
        EXPECT_THAT(e.what(), HasSubstr("unit_ft.tif"));
        EXPECT_THAT(e.what(), HasSubstr("not metres"));
    }
    // No unit written, but heights of Gunung Tanggamus in feet (6,900) plus a peak at 29,000.
    const std::string high = (dir / "high.tif").string();
    writeLonLatTiff(high, 104.5, -5.4, 0.001, 250, 200,
                    [](double lon, double) { return lon > 104.6 ? 29000.0 : 6900.0; });
    try {
        warpRaster({high}, smallUtmTarget(), RasterKind::Dem);
        FAIL() << "expected an error";
    } catch (const DataSourceError& e) {
        EXPECT_THAT(e.what(), HasSubstr("feet"));
    }
    // The same file is fine as population.
    EXPECT_NO_THROW(warpRaster({high}, smallUtmTarget(), RasterKind::Population));
}

TEST(Raster, RasterThatDoesNotOverlapIsRefused)
{
    const auto dir = testutil::tempDir("raster_overlap");
    const std::string tif = (dir / "java.tif").string();
    writeLonLatTiff(tif, 110.0, -7.0, 0.001, 50, 50, plane);
    try {
        warpRaster({tif}, smallUtmTarget(), RasterKind::Dem);
        FAIL() << "expected an error";
    } catch (const DataSourceError& e) {
        EXPECT_THAT(e.what(), HasSubstr("java.tif"));
        EXPECT_THAT(e.what(), HasSubstr("does not overlap"));
    }
}

TEST(Raster, LandCoverClassesAndTheSpeedTable)
{
    const LandCoverSpeeds speeds = parseLandCoverSpeeds(R"({"10": 4.0, "80": null, "50": 0})", "speeds.json");
    ASSERT_EQ(speeds.size(), 3u);
    EXPECT_DOUBLE_EQ(*speeds.at(10), 4.0);
    EXPECT_FALSE(speeds.at(80).has_value());
    EXPECT_FALSE(speeds.at(50).has_value());
    EXPECT_EQ(parseLandCoverSpeeds(landCoverSpeedsToJson(speeds), "x"), speeds);
    EXPECT_THROW(parseLandCoverSpeeds(R"({"forest": 3})", "speeds.json"), Error);
    EXPECT_THROW(parseLandCoverSpeeds(R"({"10": "fast"})", "speeds.json"), Error);

    RasterGrid g{3, 1, 0, 0, 100, "EPSG:32748", {10.0f, 80.0f, 30.0f}};
    try {
        checkLandCoverClasses(g, speeds, "lc.tif");
        FAIL() << "expected an error";
    } catch (const DataSourceError& e) {
        EXPECT_THAT(e.what(), HasSubstr("lc.tif"));
        EXPECT_THAT(e.what(), HasSubstr("class(es) 30 are not in the speed table"));
    }
    g.values[2] = 10.0f;
    EXPECT_NO_THROW(checkLandCoverClasses(g, speeds, "lc.tif"));
}

TEST(Raster, GeoTiffBytesRoundTrip)
{
    RasterGrid g{4, 3, 500000.0, 9400000.0, 30.0, "EPSG:32748", {}};
    for (int i = 0; i < 12; ++i)
        g.values.push_back(i == 5 ? std::nanf("") : static_cast<float>(i) * 1.5f);
    const RasterGrid back = decodeGeoTiff(encodeGeoTiff(g), "bytes");
    EXPECT_EQ(back.width, 4);
    EXPECT_EQ(back.height, 3);
    EXPECT_EQ(back.crs, "EPSG:32748");
    EXPECT_DOUBLE_EQ(back.originX, 500000.0);
    EXPECT_DOUBLE_EQ(back.originY, 9400000.0);
    EXPECT_DOUBLE_EQ(back.cellSize, 30.0);
    for (std::size_t i = 0; i < 12; ++i) {
        if (i == 5)
            EXPECT_TRUE(std::isnan(back.values[i]));
        else
            EXPECT_EQ(back.values[i], g.values[i]);
    }
    const auto dir = testutil::tempDir("raster_write");
    writeGeoTiff(g, (dir / "g.tif").string());
    const RasterGrid file = readRasterFile((dir / "g.tif").string());
    EXPECT_TRUE(std::isnan(file.values[5])) << "nodata comes back as NaN";
    EXPECT_EQ(file.values[11], 16.5f);
}

TEST(Raster, ProjectKeepsTheRasterAcrossSaves)
{
    const auto dir = testutil::tempDir("raster_store");
    const std::string project = (dir / "t.sasaran.sqlite").string();
    const Dataset ds = buildDefaultDataset();
    saveProject(ds, project);
    EXPECT_FALSE(loadRaster(project, RasterKind::Dem).has_value());
    StoredRaster r;
    r.kind = RasterKind::Dem;
    r.source = "illustrative";
    r.grid = buildDemoDem(ds, 500.0);
    storeRaster(project, r);
    saveProject(loadProject(project), project); // a rewrite by another command
    const auto back = loadRaster(project, RasterKind::Dem);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->source, "illustrative");
    EXPECT_EQ(back->grid.width, r.grid.width);
    EXPECT_EQ(back->grid.values, r.grid.values);
    EXPECT_EQ(storedRasterKinds(project), std::vector<RasterKind>{RasterKind::Dem});
}

TEST(Raster, DemoDemRisesFromTheCoastToGunungTanggamus)
{
    const Dataset ds = buildDefaultDataset();
    const RasterGrid dem = buildDemoDem(ds, 500.0);
    EXPECT_EQ(dem.values, buildDemoDem(ds, 500.0).values) << "deterministic";
    const CoordinateTransform toUtm("EPSG:4326", dem.crs);
    int c = 0, r = 0;
    ASSERT_TRUE(dem.cellOf(toUtm.forward({104.68, -5.42}), c, r));
    EXPECT_GT(dem.values[dem.index(c, r)], 1800.0f);
    EXPECT_LT(dem.values[dem.index(c, r)], 2300.0f);
    float maxValue = 0;
    for (float v : dem.values)
        maxValue = std::max(maxValue, v);
    EXPECT_LT(maxValue, 2300.0f);
    EXPECT_EQ(*std::min_element(dem.values.begin(), dem.values.end()), 0.0f) << "the sea is at 0 m";
    ASSERT_TRUE(dem.cellOf(toUtm.forward({104.62, -5.50}), c, r)); // Kota Agung, on the coast
    EXPECT_LT(dem.values[dem.index(c, r)], 300.0f);
}
