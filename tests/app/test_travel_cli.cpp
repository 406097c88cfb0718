// sasaran-cli import raster and travel, run in-process on the demo project (its illustrative
// DEM): the minutes GeoTIFF (0 at the capital, growing away from it, nodata over the sea),
// isochrone polygons, coverage per pekon, analyze --travel columns, and the usage and input errors.
#include "cliutil.h"
#include "testutil.h"

#include "gis/crs.h"
#include "gis/project.h"
#include "gis/raster.h"
#include "gis/rasterstore.h"
#include "layers/travelmap.h"

#include <QImage>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace fs = std::filesystem;
using testutil::runCli;

namespace {

std::vector<std::vector<std::string>> readCsv(const fs::path& path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line))
        rows.push_back(testutil::splitCsvLine(line));
    return rows;
}

std::string demoProject(const fs::path& dir)
{
    const std::string project = (dir / "t.sasaran.sqlite").string();
    const auto r = runCli({"demo", project});
    EXPECT_EQ(r.code, 0) << r.err;
    return project;
}

void writeTiff(const std::string& path, bool withCrs)
{
    GDALAllRegister();
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), 100, 100, 1, GDT_Float32, nullptr));
    double gt[6] = {104.2, 0.01, 0, -5.0, 0, -0.01};
    ds->SetGeoTransform(gt);
    if (withCrs) {
        OGRSpatialReference srs;
        srs.SetFromUserInput("EPSG:4326");
        ds->SetSpatialRef(&srs);
    }
    std::vector<float> v(10000);
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<float>(i % 100) * 10.0f;
    EXPECT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 100, 100, v.data(), 100, 100, GDT_Float32, 0, 0), CE_None);
}

} // namespace

TEST(CliTravel, DemoKeepsItsDemAndTravelWritesMinutesToTheCapital)
{
    const auto dir = testutil::tempDir("cli_travel_capital");
    const std::string project = demoProject(dir);
    const auto dem = gis::loadRaster(project, gis::RasterKind::Dem);
    ASSERT_TRUE(dem.has_value());
    EXPECT_EQ(dem->grid.cellSize, 100.0);

    const std::string tif = (dir / "capital.tif").string();
    const auto r = runCli({"travel", project, "--to", "capital", "--out", tif, "--resolution-m", "500"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("minutes to the capital"), std::string::npos) << r.out;
    const gis::RasterGrid minutes = gis::readRasterFile(tif);
    EXPECT_EQ(minutes.cellSize, 500.0);
    const gis::CoordinateTransform toGrid("EPSG:4326", minutes.crs);
    int c = 0, row = 0;
    ASSERT_TRUE(minutes.cellOf(toGrid.forward({104.62, -5.50}), c, row)); // Kota Agung (meta capital)
    float nearest = 1e9f;
    for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
            const float v = minutes.values[minutes.index(c + dc, row + dr)];
            if (!std::isnan(v))
                nearest = std::min(nearest, v);
        }
    EXPECT_LT(nearest, 6.0f) << "the capital's own cell (or its neighbour on a coarse coast) is 0 minutes away";
    float maxValue = 0;
    std::size_t nodata = 0;
    for (float v : minutes.values) {
        if (std::isnan(v))
            ++nodata;
        else
            maxValue = std::max(maxValue, v);
    }
    EXPECT_GT(maxValue, 300.0f) << "hours away on foot across the regency";
    EXPECT_GT(nodata, 0u) << "the sea is nodata";
}

TEST(CliTravel, IsochronesCoverageAndAnalyzeColumns)
{
    const auto dir = testutil::tempDir("cli_travel_outputs");
    const std::string project = demoProject(dir);
    const std::string gpkg = (dir / "iso.gpkg").string();
    auto r = runCli(
        {"travel", project, "--to", "PUSKESMAS", "--isochrones", "30,60,120", "--out", gpkg, "--resolution-m", "500"});
    ASSERT_EQ(r.code, 0) << r.err;
    GDALDatasetUniquePtr iso(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(iso);
    ASSERT_NE(iso->GetLayerByName("isochrone"), nullptr);
    EXPECT_GT(iso->GetLayerByName("isochrone")->GetFeatureCount(), 0);

    const std::string csv = (dir / "coverage.csv").string();
    r = runCli({"travel", project, "--to", "PUSKESMAS", "--coverage-capacity", "20000", "--out", csv, "--resolution-m",
                "500"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto rows = readCsv(csv);
    ASSERT_GT(rows.size(), 100u);
    EXPECT_EQ(
        rows[0],
        (std::vector<std::string>{"kode", "nama", "kecamatan", "people", "covered", "not_covered", "covered_pct"}));
    double people = 0, covered = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const double p = std::stod(rows[i][3]), cov = std::stod(rows[i][4]), not_ = std::stod(rows[i][5]);
        EXPECT_LE(cov, p + 0.5);
        EXPECT_NEAR(cov + not_, p, 1.0);
        people += p;
        covered += cov;
    }
    EXPECT_GT(covered, 0.0);
    EXPECT_LT(covered, people);

    const std::string table = (dir / "analyze.csv").string();
    r = runCli({"analyze", project, "--travel", "--travel-resolution-m", "500", "--out", table});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("terrain travel:"), std::string::npos);
    const auto analysis = readCsv(table);
    const auto& header = analysis[0];
    for (const char* column : {"terrain_capital_min", "terrain_puskesmas_min", "terrain_puskesmas_over60_pct"})
        ASSERT_NE(std::find(header.begin(), header.end(), column), header.end()) << column;
    const std::size_t col = static_cast<std::size_t>(
        std::find(header.begin(), header.end(), "terrain_puskesmas_over60_pct") - header.begin());
    std::size_t filled = 0;
    for (std::size_t i = 1; i < analysis.size(); ++i)
        if (!analysis[i][col].empty()) {
            const double share = std::stod(analysis[i][col]);
            EXPECT_GE(share, 0.0);
            EXPECT_LE(share, 100.0);
            ++filled;
        }
    EXPECT_GT(filled, analysis.size() / 2);
}

TEST(CliTravel, ImportRasterKeepsItAndBadInputsAreClear)
{
    const auto dir = testutil::tempDir("cli_import_raster");
    const std::string project = demoProject(dir);
    const std::string good = (dir / "dem.tif").string(), nocrs = (dir / "nocrs.tif").string();
    writeTiff(good, true);
    writeTiff(nocrs, false);
    auto r = runCli({"import", "raster", project, good, "--kind", "dem", "--resolution-m", "500", "--period", "test"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto dem = gis::loadRaster(project, gis::RasterKind::Dem);
    ASSERT_TRUE(dem.has_value());
    EXPECT_EQ(dem->source, "dem.tif");
    EXPECT_EQ(dem->period, "test");
    EXPECT_EQ(dem->grid.cellSize, 500.0);

    r = runCli({"import", "raster", project, nocrs, "--kind", "dem"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("nocrs.tif"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no coordinate reference system"), std::string::npos) << r.err;

    r = runCli({"import", "raster", project, good, "--kind", "landcover"});
    EXPECT_EQ(r.code, 2) << "land cover without --speeds";
    const std::string speeds = (dir / "speeds.json").string();
    testutil::writeFile(speeds, R"({"0": 4, "10": 3})");
    r = runCli({"import", "raster", project, good, "--kind", "landcover", "--speeds", speeds, "--resolution-m", "500"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("not in the speed table"), std::string::npos) << r.err;

    r = runCli({"travel", project, "--to", "NOSUCHKIND", "--out", (dir / "x.tif").string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("NOSUCHKIND"), std::string::npos);
    r = runCli({"travel", project, "--to", "capital", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 2);
}

TEST(CliTravel, MapDrawsTheTravelRasterWithItsLegend)
{
    const auto dir = testutil::tempDir("cli_travel_map");
    const std::string project = demoProject(dir);
    const std::string png = (dir / "travel.png").string();
    auto r = runCli({"map", project, "--travel", "PUSKESMAS", "--travel-resolution-m", "1000", "--out", png, "--width",
                     "1200", "--height", "850"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Waktu Tempuh ke Puskesmas Terdekat"), std::string::npos) << r.out;
    QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    // every timed class of the default classes appears on the page (the raster and its legend)
    const std::vector<QColor> colors = layers::travelClassColors(layers::defaultTravelBreaks());
    for (std::size_t k = 0; k + 1 < colors.size(); ++k) {
        std::size_t n = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                n += image.pixelColor(x, y) == colors[k] ? 1 : 0;
        EXPECT_GT(n, 20u) << "class " << k;
    }
    r = runCli({"map", project, "--travel", "capital", "--travel-classes", "30,90", "--travel-resolution-m", "1000",
                "--out", (dir / "capital.pdf").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GT(fs::file_size(dir / "capital.pdf"), 10000u);

    r = runCli({"map", project, "--travel", "NOSUCHKIND", "--out", (dir / "x.png").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("--travel: the project has no facility of kind 'NOSUCHKIND'"), std::string::npos) << r.err;
    r = runCli({"map", project, "--travel", "capital", "--travel-classes", "60,30", "--out", (dir / "x.png").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("--travel-classes"), std::string::npos) << r.err;
    r = runCli({"map", project, "--travel", "capital", "--layer", "priority", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 2) << r.err;
    r = runCli({"map", project, "--travel-classes", "30,60", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 2) << r.err;
}

TEST(CliTravel, SchemeWeighingTerrainMinutesScoresWithThemOrSaysTheDemIsMissing)
{
    const auto dir = testutil::tempDir("cli_travel_scheme");
    const std::string project = demoProject(dir);
    const fs::path scheme = dir / "terrain.json";
    testutil::writeFile(scheme, R"({"name": "medan", "missing": "exclude_village", "indicators": [
        {"key": "terrain_puskesmas_min", "direction": "higher_is_worse", "normalisation": "minmax", "weight": 1}]})");
    const fs::path csv = dir / "terrain.csv";
    auto r = runCli({"analyze", project, "--scheme", scheme.string(), "--travel-resolution-m", "1000", "--out",
                     csv.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("terrain travel:"), std::string::npos) << "the terrain columns are measured without --travel";
    const auto rows = readCsv(csv);
    ASSERT_GT(rows.size(), 100u);
    const auto& header = rows[0];
    auto col = [&](const std::string& name) {
        const auto it = std::find(header.begin(), header.end(), name);
        EXPECT_NE(it, header.end()) << name;
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t minutes = col("terrain_puskesmas_min"), score = col("priority_score"),
                      contrib = col("contrib_terrain_puskesmas_min");
    // by hand: one indicator, min-max, higher is worse: score = 100 (t - min) / (max - min)
    double lo = 1e300, hi = -1e300;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (!rows[i][minutes].empty()) {
            lo = std::min(lo, std::stod(rows[i][minutes]));
            hi = std::max(hi, std::stod(rows[i][minutes]));
        }
    ASSERT_GT(hi, lo);
    std::size_t checked = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        if (rows[i][minutes].empty()) {
            EXPECT_TRUE(rows[i][score].empty()) << "a pekon without a reachable cell is excluded";
            continue;
        }
        const double expected = 100.0 * (std::stod(rows[i][minutes]) - lo) / (hi - lo);
        EXPECT_NEAR(std::stod(rows[i][score]), expected, 0.02) << rows[i][0];
        EXPECT_NEAR(std::stod(rows[i][contrib]), expected, 0.02) << rows[i][0];
        ++checked;
    }
    EXPECT_GT(checked, 100u);

    // a project without a DEM (not illustrative, none imported): a clear error naming the keys
    gis::Dataset plain = gis::loadProject(project);
    plain.meta["provenance"] = "official";
    plain.meta["values_provenance"] = "official";
    const std::string noDem = (dir / "nodem.sasaran.sqlite").string();
    gis::saveProject(plain, noDem);
    ASSERT_FALSE(gis::loadRaster(noDem, gis::RasterKind::Dem).has_value());
    r = runCli({"analyze", noDem, "--scheme", scheme.string(), "--out", (dir / "x.csv").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("weighs travel time over terrain (terrain_puskesmas_min)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("has no DEM"), std::string::npos) << r.err;
}
