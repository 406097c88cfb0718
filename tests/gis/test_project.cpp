// The project file: round trip, atomic save, and the same answers from SpatiaLite SQL.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/project.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>

using namespace gis;
namespace fs = std::filesystem;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

using testutil::SqlProbe;

/// Runs SQL on a project file with SpatiaLite loaded, e.g. to store a geometry in a form
/// saveProject never writes.
void execWithSpatialite(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    void* cache = spatialite_alloc_connection();
    spatialite_init_ex(db, cache, 0);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << sql << ": " << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
    spatialite_cleanup_ex(cache);
}

Ring square(double x, double y, double size)
{
    return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}

} // namespace

TEST(Project, RoundTripKeepsEveryAreaFacilityAndValue)
{
    const auto dir = testutil::tempDir("project_roundtrip");
    const std::string path = (dir / "t.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    const Dataset back = loadProject(path);
    ASSERT_EQ(back.areas.size(), tanggamus().areas.size());
    for (std::size_t i = 0; i < back.areas.size(); ++i) {
        EXPECT_EQ(back.areas[i].code, tanggamus().areas[i].code);
        EXPECT_EQ(back.areas[i].parentCode, tanggamus().areas[i].parentCode);
        EXPECT_EQ(vertexCount(back.areas[i].geometry), vertexCount(tanggamus().areas[i].geometry));
        EXPECT_DOUBLE_EQ(geodesicAreaKm2(back.areas[i].geometry), geodesicAreaKm2(tanggamus().areas[i].geometry));
    }
    ASSERT_EQ(back.facilities.size(), tanggamus().facilities.size());
    for (std::size_t i = 0; i < back.facilities.size(); ++i) {
        EXPECT_EQ(back.facilities[i].kind, tanggamus().facilities[i].kind);
        EXPECT_EQ(back.facilities[i].areaCode, tanggamus().facilities[i].areaCode);
        EXPECT_EQ(back.facilities[i].location, tanggamus().facilities[i].location);
    }
    ASSERT_EQ(back.indicators.size(), tanggamus().indicators.size());
    EXPECT_EQ(back.meta, [] {
        auto m = tanggamus().meta;
        m["schema_version"] = std::to_string(kProjectSchemaVersion);
        return m;
    }());
    EXPECT_TRUE(back.isIllustrative());
}

TEST(Project, SpatialiteSqlAgreesWithTheLibrary)
{
    const auto dir = testutil::tempDir("project_sql");
    const std::string path = (dir / "t.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    SqlProbe sql(path);
    EXPECT_EQ(sql.number("SELECT count(*) FROM wilayah WHERE kind IN ('pekon', 'kelurahan')"), 302);
    EXPECT_EQ(sql.number("SELECT count(*) FROM wilayah WHERE kind = 'kecamatan'"), 20);
    EXPECT_EQ(sql.number("SELECT sum(value) FROM indikator WHERE key = 'miskin' AND period = '2018'"), 73770);
    EXPECT_EQ(sql.number("SELECT count(DISTINCT wilayah_code) FROM fasilitas WHERE kind = 'BUMDES'"), 132);
    EXPECT_EQ(sql.text("SELECT w.code FROM fasilitas f JOIN wilayah w ON Within(f.geom, w.geom) "
                       "WHERE f.kind = 'PUSKESSOS' AND w.kind IN ('pekon','kelurahan') AND f.name LIKE '%Gisting%'"),
              "18.06.20.2005");
    EXPECT_EQ(sql.number("SELECT count(*) FROM geometry_columns"), 4) << "wilayah, fasilitas, latar, jalan";
    EXPECT_GT(sql.number("SELECT ST_Area(geom, 1) / 1e6 FROM latar WHERE name = 'daratan'"), 5000) << "background land";
    EXPECT_EQ(sql.number("SELECT sum(IsValid(geom)) FROM wilayah"), static_cast<double>(tanggamus().areas.size()));
    // SpatiaLite's ellipsoidal area differs from GeographicLib's by up to ~2e-4 relative.
    for (const char* code : {"18.06.20.2005", "18.06.17.2012", "18.06.01.1001"}) {
        const double sqlKm2 =
            sql.number(std::string("SELECT ST_Area(geom, 1) / 1e6 FROM wilayah WHERE code = '") + code + "'");
        const double libKm2 = geodesicAreaKm2(tanggamus().findArea(code)->geometry);
        EXPECT_NEAR(sqlKm2, libKm2, libKm2 * 5e-4) << code;
    }
}

TEST(Project, SavingReplacesTheWholeFileAndLeavesNoTemporaryFile)
{
    const auto dir = testutil::tempDir("project_replace");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    Dataset small;
    small.meta["provenance"] = "real";
    small.areas.push_back({"18.06.99.2001",
                           "Contoh",
                           "pekon",
                           "18.06.99",
                           {Polygon{{{104, -5}, {104.1, -5}, {104.1, -5.1}, {104, -5}}, {}}}});
    saveProject(tanggamus(), path);
    saveProject(small, path);
    const Dataset back = loadProject(path);
    EXPECT_EQ(back.areas.size(), 1u);
    EXPECT_FALSE(back.isIllustrative());
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename(), "p.sasaran.sqlite") << "left behind: " << entry.path();
}

TEST(Project, AFailedSaveKeepsTheOldFile)
{
    const auto dir = testutil::tempDir("project_failed_save");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    Dataset broken = tanggamus();
    broken.areas.push_back(broken.areas.back()); // duplicate code: the primary key refuses it
    EXPECT_THROW(saveProject(broken, path), ProjectError);
    const Dataset back = loadProject(path);
    EXPECT_EQ(back.areas.size(), tanggamus().areas.size());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
        ++files;
    EXPECT_EQ(files, 1u);
}

TEST(Project, ErrorsNameTheFile)
{
    const auto dir = testutil::tempDir("project_errors");
    const std::string missing = (dir / "missing.sasaran.sqlite").string();
    try {
        loadProject(missing);
        FAIL();
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.sasaran.sqlite"), std::string::npos) << e.what();
    }
    const std::string notProject = (dir / "other.sqlite").string();
    {
        sqlite3* db = nullptr;
        sqlite3_open(notProject.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE x (a)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    try {
        loadProject(notProject);
        FAIL();
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("not a Sasaran project"), std::string::npos) << e.what();
    }
    EXPECT_THROW(saveProject(tanggamus(), (dir / "no_such_folder" / "x.sasaran.sqlite").string()), ProjectError);
}

TEST(Project, ANewerSchemaIsRefused)
{
    const auto dir = testutil::tempDir("project_newer");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    Dataset ds;
    ds.meta["provenance"] = "real";
    saveProject(ds, path);
    {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "UPDATE meta SET value = '999' WHERE key = 'schema_version'", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    try {
        loadProject(path);
        FAIL();
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
    }
}

TEST(Project, StoredAreasAreUsedOnlyForTheGeometryTheyWereComputedFrom)
{
    const auto dir = testutil::tempDir("project_area_cache");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    Dataset back = loadProject(path);
    const Area& gisting = *back.findArea("18.06.20.2005");
    ASSERT_TRUE(back.areaCache.count(gisting.code));
    EXPECT_DOUBLE_EQ(back.areaCache.at(gisting.code).km2, geodesicAreaKm2(gisting.geometry));
    EXPECT_DOUBLE_EQ(back.areaKm2(gisting), geodesicAreaKm2(gisting.geometry));
    // A stale cache entry is ignored: the area follows the geometry.
    back.areaCache[gisting.code].km2 = 1e6;
    EXPECT_DOUBLE_EQ(back.areaKm2(gisting), 1e6) << "same geometry: the stored figure is used";
    Area edited = gisting;
    edited.geometry.front().exterior.front().x += 0.001;
    edited.geometry.front().exterior.back() = edited.geometry.front().exterior.front();
    EXPECT_DOUBLE_EQ(back.areaKm2(edited), geodesicAreaKm2(edited.geometry)) << "edited geometry is measured anew";
    SqlProbe sql(path);
    EXPECT_NEAR(sql.number("SELECT area_km2 FROM wilayah WHERE code = '18.06.20.2005'"),
                sql.number("SELECT ST_Area(geom, 1) / 1e6 FROM wilayah WHERE code = '18.06.20.2005'"),
                geodesicAreaKm2(gisting.geometry) * 5e-4);
}

TEST(Project, PolygonPartsAndHolesReadBackExactly)
{
    const auto dir = testutil::tempDir("project_parts_holes");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    Dataset ds;
    Area a{"99.01.01.2001", "Berlubang", "pekon", "99.01.01", {}};
    a.geometry = {Polygon{square(104.0, -5.5, 0.1), {square(104.02, -5.48, 0.01), square(104.05, -5.45, 0.02)}},
                  Polygon{square(104.3, -5.5, 0.05), {}}};
    // A coordinate that is no short decimal, so any conversion through text would show.
    a.geometry[1].exterior[2] = {104.35000000000001, -5.4500000000000002};
    ds.areas.push_back(a);
    ds.areas.push_back(Area{"99.01.01.2002", "Tanpa batas", "pekon", "99.01.01", {}});
    saveProject(ds, path);
    const Dataset back = loadProject(path);
    ASSERT_EQ(back.areas.size(), 2u);
    ASSERT_EQ(back.areas[0].geometry.size(), 2u);
    for (std::size_t p = 0; p < 2; ++p) {
        EXPECT_EQ(back.areas[0].geometry[p].exterior, a.geometry[p].exterior);
        EXPECT_EQ(back.areas[0].geometry[p].holes, a.geometry[p].holes);
    }
    EXPECT_TRUE(back.areas[1].geometry.empty());
}

TEST(Project, GeometryStoredInAnotherSpatialiteFormIsStillRead)
{
    // A compressed geometry (as another SpatiaLite tool may store it) is read through AsBinary.
    const auto dir = testutil::tempDir("project_compressed");
    const std::string path = (dir / "t.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    execWithSpatialite(path, "UPDATE wilayah SET geom = CompressGeometry(geom) WHERE code = '18.06.20.2005'");
    {
        SqlProbe sql(path);
        // A SpatiaLite MultiPolygon BLOB: class 6 at byte 40, the part count, then each part
        // marked 0x69 and its class: 3 for a plain XY Polygon, 1000003 when compressed.
        ASSERT_EQ(sql.text("SELECT hex(substr(geom, 40, 13)) FROM wilayah WHERE code = '18.06.20.2005'"),
                  "06000000010000006943420F00")
            << "the test needs a stored form other than a plain XY MultiPolygon";
    }
    const Dataset back = loadProject(path);
    const Area& original = *tanggamus().findArea("18.06.20.2005");
    const Area& read = *back.findArea("18.06.20.2005");
    ASSERT_EQ(vertexCount(read.geometry), vertexCount(original.geometry));
    // Compression keeps coordinates to about 1e-6 degrees (float offsets between vertices).
    for (std::size_t p = 0; p < original.geometry.size(); ++p)
        for (std::size_t i = 0; i < original.geometry[p].exterior.size(); ++i) {
            EXPECT_NEAR(read.geometry[p].exterior[i].x, original.geometry[p].exterior[i].x, 1e-5);
            EXPECT_NEAR(read.geometry[p].exterior[i].y, original.geometry[p].exterior[i].y, 1e-5);
        }
    EXPECT_EQ(back.findArea("18.06.20.2001")->geometry.front().exterior,
              tanggamus().findArea("18.06.20.2001")->geometry.front().exterior);
}

TEST(Project, StoredSurfacePointsAreUsedOnlyForTheGeometryTheyWereComputedFrom)
{
    const auto dir = testutil::tempDir("project_surface_points");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    Dataset back = loadProject(path);
    for (const Area& a : back.areas) {
        ASSERT_TRUE(back.areaCache.count(a.code)) << a.code;
        ASSERT_TRUE(back.areaCache.at(a.code).surfacePoint.has_value()) << a.code;
        EXPECT_EQ(*back.areaCache.at(a.code).surfacePoint, pointOnSurface(a.geometry)) << a.code;
        EXPECT_EQ(back.surfacePoint(a), pointOnSurface(a.geometry)) << a.code;
    }
    const Area& gisting = *back.findArea("18.06.20.2005");
    back.areaCache[gisting.code].surfacePoint = Point{1.0, 2.0};
    EXPECT_EQ(back.surfacePoint(gisting), (Point{1.0, 2.0})) << "same geometry: the stored point is used";
    Area edited = gisting;
    edited.geometry.front().exterior.front().x += 0.001;
    edited.geometry.front().exterior.back() = edited.geometry.front().exterior.front();
    EXPECT_EQ(back.surfacePoint(edited), pointOnSurface(edited.geometry)) << "edited geometry: computed anew";
    // Every stored point lies in its area, by SpatiaLite's own test.
    SqlProbe sql(path);
    EXPECT_EQ(sql.number("SELECT count(*) FROM wilayah WHERE surface_lon IS NULL OR surface_lat IS NULL"), 0);
    EXPECT_EQ(sql.number("SELECT count(*) FROM wilayah "
                         "WHERE NOT ST_Intersects(MakePoint(surface_lon, surface_lat, 4326), geom)"),
              0);
}
