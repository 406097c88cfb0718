// sasaran-cli new / import boundaries / export, in-process.
#include "cliutil.h"
#include "gis/project.h"
#include "gis/rasterstore.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

using testutil::runCli;
namespace fs = std::filesystem;

namespace {

/// A GeoJSON village layer in the BIG style: codes without dots, KDEBPS, NAMOBJ, WADMKC.
std::string bigStyleGeoJson()
{
    struct V {
        const char* code;
        const char* bps;
        const char* name;
        const char* kec;
        double x, y;
    };
    const V villages[] = {
        {"1899012001", "1899010001", "Sukamaju", "Alpha", 104.00, -5.00},
        {"1899012002", "1899010002", "Pusat Kota", "Alpha", 104.01, -5.00},
        {"1899022001", "1899020001", "Way Kecil", "Beta", 104.00, -5.01},
    };
    std::string features;
    for (const V& v : villages) {
        features += fmt::format(
            "{}{{\"type\":\"Feature\",\"properties\":{{\"KDEPUM\":\"{}\",\"KDEBPS\":\"{}\",\"NAMOBJ\":\"{}\","
            "\"WADMKC\":\"{}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{},{}],[{},{}],[{},{}],[{},{}],"
            "[{},{}]]]}}}}",
            features.empty() ? "" : ",", v.code, v.bps, v.name, v.kec, v.x, v.y, v.x + 0.01, v.y, v.x + 0.01,
            v.y + 0.01, v.x, v.y + 0.01, v.x, v.y);
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
}

} // namespace

TEST(ImportCli, NewWithForceOverAProjectKeepsNoneOfItsRasters)
{
    const auto dir = testutil::tempDir("cli_new_force");
    const auto boundaries = dir / "desa.geojson";
    testutil::writeFile(boundaries, bigStyleGeoJson());
    const std::string project = (dir / "p.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", project}).code, 0);
    ASSERT_EQ(gis::storedRasterKinds(project).size(), 1u) << "the demo keeps its illustrative DEM";
    const auto r = runCli({"new", project, "--boundaries", boundaries.string(), "--force"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(gis::loadProject(project).villages().size(), 3u);
    EXPECT_TRUE(gis::storedRasterKinds(project).empty()) << "Tanggamus's DEM does not belong to the new boundaries";
}

TEST(ImportCli, NewProjectFromABoundaryFileThenExport)
{
    const auto dir = testutil::tempDir("cli_new");
    const auto boundaries = dir / "desa.geojson";
    testutil::writeFile(boundaries, bigStyleGeoJson());
    const std::string project = (dir / "p.sasaran.sqlite").string();
    auto r = runCli(
        {"new", project, "--boundaries", boundaries.string(), "--capital", "Pusat Kota", "--edition", "BIG 2023"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("3 read"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 kecamatan (2 dissolved"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Pusat Kota"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    EXPECT_EQ(ds.villages().size(), 3u);
    EXPECT_EQ(ds.metaValue("boundary_edition"), "BIG 2023");
    EXPECT_EQ(ds.bpsCodes.at("18.99.01.2002"), "1899010002");
    EXPECT_FALSE(ds.metaValue("capital_lon").empty());

    r = runCli({"new", project, "--boundaries", boundaries.string()});
    EXPECT_EQ(r.code, 2) << "an existing project is not overwritten without --force";

    r = runCli({"info", project});
    ASSERT_EQ(r.code, 0) << r.err;

    const std::string shp = (dir / "out.shp").string();
    r = runCli({"export", project, "--out", shp});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(gis::readVector(shp).features.size(), 3u);

    r = runCli({"new", (dir / "q.sasaran.sqlite").string(), "--boundaries", (dir / "none.gpkg").string()});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("none.gpkg"), std::string::npos) << r.err;
}

TEST(ImportCli, ImportRealBoundariesIntoTheDemoProject)
{
    const std::string real = testutil::sharedData("tanggamus/desa.gpkg");
    if (real.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg is not present";
    const auto dir = testutil::tempDir("cli_import_boundaries");
    const std::string project = (dir / "t.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", project}).code, 0);
    auto r = runCli({"import", "boundaries", project, real + ":desa", "--edition", "Kepmendagri 300.2.2-2430/2025"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("302 read"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("not in list: 0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("missing:     0"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("604 values kept"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    EXPECT_EQ(ds.metaValue("provenance"), "real");
    EXPECT_EQ(ds.indicators.size(), 604u);
    EXPECT_EQ(ds.facilities.size(), 161u);

    const std::string gpkg = (dir / "t.gpkg").string();
    r = runCli({"export", project, "--out", gpkg, "--period", "2018"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("ILLUSTRATIVE"), std::string::npos) << "values are still illustrative";
    EXPECT_EQ(gis::readVector(gpkg).features.size(), 302u);

    r = runCli({"import", "boundaries", project, (dir / "missing.shp").string()});
    EXPECT_EQ(r.code, 3);
}
