// Boundary import: real Tanggamus boundaries, a BIG-style shapefile, replacing the
// illustrative boundaries of the demo project, and the report of duplicates and unknown codes.
#include "gis/boundaryimport.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "gis/project.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace gis;

namespace {

struct BigVillage {
    std::string kdepum; // without dots, as BIG writes it
    std::string kdebps;
    std::string name;
    std::string kecamatan;
    double x = 0, y = 0; // lower-left corner of a 0.01 degree square
};

/// Writes a BIG/RBI-style village shapefile (KDEPUM, KDEBPS, NAMOBJ, WADMKC, WADMKK).
void writeBigShapefile(const std::string& path, const std::vector<BigVillage>& villages)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(ds, nullptr);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    OGRLayer* layer = ds->CreateLayer("ADMINISTRASIDESA_AR", &srs, wkbPolygon, nullptr);
    for (const char* name : {"KDEPUM", "KDEBPS", "NAMOBJ", "WADMKC", "WADMKK"}) {
        OGRFieldDefn f(name, OFTString);
        f.SetWidth(50);
        layer->CreateField(&f);
    }
    for (const BigVillage& v : villages) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        f->SetField("KDEPUM", v.kdepum.c_str());
        f->SetField("KDEBPS", v.kdebps.c_str());
        f->SetField("NAMOBJ", v.name.c_str());
        f->SetField("WADMKC", v.kecamatan.c_str());
        f->SetField("WADMKK", "Contoh");
        // corners on a 1e-4 degree grid: neighbours share them bit for bit (a clean coverage)
        auto grid = [](double d) { return std::round(d * 1e4) / 1e4; };
        OGRLinearRing ring;
        ring.addPoint(grid(v.x), grid(v.y));
        ring.addPoint(grid(v.x + 0.01), grid(v.y));
        ring.addPoint(grid(v.x + 0.01), grid(v.y + 0.01));
        ring.addPoint(grid(v.x), grid(v.y + 0.01));
        ring.closeRings();
        OGRPolygon polygon;
        polygon.addRing(&ring);
        f->SetGeometry(&polygon);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
}

std::vector<BigVillage> sampleVillages()
{
    return {
        {"1899012001", "1899010001", "Sukamaju", "Alpha", 104.00, -5.00},
        {"1899012002", "1899010002", "Sukadana", "Alpha", 104.01, -5.00},
        {"1899011001", "1899010003", "Pasar", "Alpha", 104.02, -5.00},
        {"1899022001", "1899020001", "Way Kecil", "Beta", 104.00, -5.01},
        {"1899022002", "1899020002", "Way Besar", "Beta", 104.01, -5.01},
    };
}

} // namespace

TEST(BoundaryImport, BigShapefileWithCodesWithoutDots)
{
    const auto dir = testutil::tempDir("boundary_big");
    const std::string path = (dir / "desa.shp").string();
    writeBigShapefile(path, sampleVillages());
    const BoundarySet set = readBoundaries(path);
    EXPECT_EQ(set.report.codeField, "KDEPUM");
    EXPECT_EQ(set.report.nameField, "NAMOBJ");
    EXPECT_EQ(set.report.parentField, "WADMKC");
    EXPECT_EQ(set.report.bpsField, "KDEBPS");
    EXPECT_EQ(set.report.featuresRead, 5u);
    EXPECT_EQ(set.report.villages, 5u);
    EXPECT_EQ(set.report.kecamatan, 2u);
    EXPECT_EQ(set.report.kecamatanDissolved, 2u);
    EXPECT_EQ(set.report.kabupaten, 1u);
    ASSERT_EQ(set.areas.size(), 8u);
    EXPECT_EQ(set.areas[0].code, "18.99.01.1001") << "sorted by code";
    EXPECT_EQ(set.areas[0].kind, "kelurahan");
    EXPECT_EQ(set.areas[1].kind, "desa");
    EXPECT_EQ(set.areas[1].parentCode, "18.99.01");
    const auto kec =
        std::find_if(set.areas.begin(), set.areas.end(), [](const Area& a) { return a.code == "18.99.01"; });
    ASSERT_NE(kec, set.areas.end());
    EXPECT_EQ(kec->name, "Alpha") << "named from WADMKC";
    EXPECT_NEAR(planarArea(kec->geometry), 3e-4, 1e-9) << "three 0.01 degree squares dissolved";
    // The dissolved kecamatan's area is its villages' sum (they do not overlap), which is the
    // union's own geodesic area; the new project stores it without measuring again.
    double villagesKm2 = 0.0;
    for (const Area& a : set.areas)
        if (a.parentCode == "18.99.01")
            villagesKm2 += geodesicAreaKm2(a.geometry);
    ASSERT_TRUE(set.areaCache.count("18.99.01"));
    EXPECT_NEAR(villagesKm2, 3 * 1.10898 * 1.10583, 0.002) << "three cells of 1.109 km (east) by 1.106 km at 5 S";
    EXPECT_EQ(set.areaCache.at("18.99.01").km2, villagesKm2);
    EXPECT_NEAR(set.areaCache.at("18.99.01").km2, geodesicAreaKm2(kec->geometry), 1e-12 * villagesKm2);
    EXPECT_EQ(set.areaCache.at("18.99.01").vertices, vertexCount(kec->geometry));
    double regencyKm2 = 0.0;
    for (const Area& a : set.areas)
        if (a.kind == "desa" || a.kind == "kelurahan")
            regencyKm2 += geodesicAreaKm2(a.geometry);
    ASSERT_TRUE(set.areaCache.count("18.99"));
    EXPECT_NEAR(set.areaCache.at("18.99").km2, regencyKm2, 1e-12 * regencyKm2) << "the five cells";
    EXPECT_EQ(set.regencyCode, "18.99");
    EXPECT_EQ(set.regencyName, "Contoh");
    EXPECT_EQ(set.bpsCodes.at("18.99.01.2001"), "1899010001") << "KDEBPS kept as the crosswalk";

    // Kept through a project file.
    Dataset ds = newProjectFromBoundaries(set, "Way Besar");
    EXPECT_EQ(ds.metaValue("provenance"), "real");
    EXPECT_EQ(ds.metaValue("capital_name"), "Way Besar");
    EXPECT_NEAR(std::stod(ds.metaValue("capital_lon")), 104.015, 0.006);
    const std::string project = (dir / "p.sasaran.sqlite").string();
    saveProject(ds, project);
    const Dataset loaded = loadProject(project);
    EXPECT_EQ(loaded.bpsCodes.size(), 5u);
    EXPECT_EQ(loaded.areaCache.at("18.99.01").km2, villagesKm2) << "the sum stored";
}

TEST(BoundaryImport, DuplicatesUnknownCodesAndMissingVillagesAreReported)
{
    const auto dir = testutil::tempDir("boundary_report");
    const std::string path = (dir / "desa.shp").string();
    auto villages = sampleVillages();
    villages.push_back({"1899012001", "1899010001", "Sukamaju", "Alpha", 104.03, -5.00}); // second part, same code
    villages.push_back({"abc", "", "Tanpa Kode", "Alpha", 104.04, -5.00});                // unusable code
    writeBigShapefile(path, villages);
    BoundarySet set = readBoundaries(path);
    ASSERT_EQ(set.report.duplicates.size(), 1u);
    EXPECT_EQ(set.report.duplicates[0].code, "18.99.01.2001");
    EXPECT_EQ(set.report.duplicates[0].fids.size(), 2u);
    ASSERT_EQ(set.report.rejected.size(), 1u) << "never dropped silently";
    EXPECT_EQ(set.report.rejected[0].fid, 6);
    EXPECT_EQ(set.report.multipart, std::vector<std::string>{"18.99.01.2001"}) << "the merged duplicate";
    compareWithList(set, {"18.99.01.2001", "18.99.01.2002", "18.99.01.2003"});
    EXPECT_EQ(set.report.missingFromFile, std::vector<std::string>{"18.99.01.2003"});
    EXPECT_EQ(set.report.notInList, (std::vector<std::string>{"18.99.01.1001", "18.99.02.2001", "18.99.02.2002"}));
    const std::string text = set.report.text();
    EXPECT_NE(text.find("fid 6"), std::string::npos) << text;
    EXPECT_NE(text.find("18.99.01.2003"), std::string::npos) << text;
}

TEST(BoundaryImport, BpsCodedFileIsRefusedWithAnExplanation)
{
    const auto dir = testutil::tempDir("boundary_bps");
    const std::string path = (dir / "desa.shp").string();
    writeBigShapefile(path, sampleVillages());
    BoundaryImportOptions options;
    options.codeField = "KDEBPS";
    try {
        readBoundaries(path, options);
        FAIL();
    } catch (const DataSourceError& e) {
        EXPECT_NE(std::string(e.what()).find("BPS"), std::string::npos) << e.what();
    }
}

TEST(BoundaryImport, RealTanggamusNewProject)
{
    const std::string path = testutil::sharedData("tanggamus/desa.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg is not present";
    BoundarySet set = readBoundaries(path);
    EXPECT_EQ(set.report.codeField, "kode");
    EXPECT_EQ(set.report.nameField, "nama");
    EXPECT_EQ(set.report.featuresRead, 302u);
    EXPECT_EQ(set.report.villages, 302u);
    EXPECT_EQ(set.report.kecamatan, 20u);
    EXPECT_EQ(set.report.kecamatanDissolved, 20u);
    EXPECT_EQ(set.report.kabupaten, 1u);
    EXPECT_TRUE(set.report.duplicates.empty());
    EXPECT_TRUE(set.report.rejected.empty());
    std::vector<std::string> list;
    const Dataset embedded = buildDefaultDataset();
    for (const Area* v : embedded.villages())
        list.push_back(v->code);
    compareWithList(set, list);
    EXPECT_TRUE(set.report.notInList.empty()) << set.report.text();
    EXPECT_TRUE(set.report.missingFromFile.empty()) << set.report.text();

    const Dataset ds = newProjectFromBoundaries(set, "Kota Agung");
    EXPECT_EQ(ds.metaValue("regency_code"), "18.06");
    EXPECT_EQ(ds.metaValue("capital_name"), "Kota Agung");
    const double lon = std::stod(ds.metaValue("capital_lon")), lat = std::stod(ds.metaValue("capital_lat"));
    EXPECT_NEAR(lon, 104.62, 0.1) << "Kota Agung";
    EXPECT_NEAR(lat, -5.49, 0.1);
}

TEST(BoundaryImport, ReplacingIllustrativeBoundariesKeepsValuesAndFacilities)
{
    const std::string path = testutil::sharedData("tanggamus/desa.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg is not present";
    Dataset ds = buildDefaultDataset();
    ASSERT_TRUE(ds.isIllustrative());
    const std::size_t indicators = ds.indicators.size(), facilities = ds.facilities.size();
    EXPECT_EQ(indicators, 604u);
    EXPECT_EQ(facilities, 161u);
    const std::string kecName = ds.findArea("18.06.20")->name;

    BoundaryImportOptions options;
    options.edition = "cahyadsn 2025";
    BoundarySet set = readBoundaries(path, options);
    const ReplaceReport r = replaceBoundaries(ds, set);
    EXPECT_EQ(r.keptFromBefore, 0u);
    EXPECT_TRUE(r.facilitiesOutside.empty()) << r.text();
    EXPECT_EQ(r.indicatorsWithoutArea, 0u);
    EXPECT_EQ(ds.findArea("18.06.20")->name, kecName) << "a kecamatan named by code keeps the project's name";
    EXPECT_EQ(ds.findArea("18.06.20.2005")->kind, "pekon") << "the project's word for a village is kept";

    const auto dir = testutil::tempDir("boundary_replace");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    saveProject(ds, project);
    const Dataset back = loadProject(project);
    EXPECT_EQ(back.indicators.size(), indicators);
    EXPECT_EQ(back.facilities.size(), facilities);
    EXPECT_EQ(back.villages().size(), 302u);
    EXPECT_EQ(back.metaValue("provenance"), "real");
    EXPECT_EQ(back.metaValue("boundary_provenance"), "real");
    EXPECT_EQ(back.metaValue("boundary_edition"), "cahyadsn 2025");
    EXPECT_NE(back.metaValue("boundary_source").find("desa.gpkg"), std::string::npos);
    EXPECT_TRUE(back.isIllustrative()) << "the figures are still illustrative: maps keep saying so";
    // Every facility lies in the village its code names.
    std::vector<MultiPolygon> polygons;
    for (const Area* v : back.villages())
        polygons.push_back(v->geometry);
    for (const Facility& f : back.facilities) {
        const Area* a = back.findArea(f.areaCode);
        ASSERT_NE(a, nullptr) << f.id;
        EXPECT_TRUE(isVillageKind(a->kind));
    }
}

TEST(BoundaryImport, CapitalByCoordinatesAndAmbiguousNames)
{
    std::vector<Area> areas = {
        {"18.99.01.2001", "Sukamaju", "desa", "18.99.01", {Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}, {}}}},
        {"18.99.02.2001", "Sukamaju", "desa", "18.99.02", {Polygon{{{2, 0}, {3, 0}, {3, 1}, {2, 0}}, {}}}},
    };
    EXPECT_EQ(findCapital(areas, "104.5,-5.4").location, (Point{104.5, -5.4}));
    EXPECT_THROW(findCapital(areas, "Sukamaju"), Error);
    EXPECT_EQ(findCapital(areas, "18.99.02.2001").name, "Sukamaju");
    EXPECT_THROW(findCapital(areas, "Nowhere"), Error);
    EXPECT_EQ(splitSourceAndLayer("/no/such/file.gpkg:desa").first, "/no/such/file.gpkg:desa");
}
