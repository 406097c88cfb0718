// Schema migrations: a version-1 file (as the first release wrote it) is upgraded in one
// transaction with its data kept; a newer file is refused.
#include "gis/error.h"
#include "gis/project.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <spatialite.h>

using namespace gis;
using testutil::execAll;

namespace {

/// A version-1 project written with raw SQL, the way saveProject wrote it at version 1.
void writeVersion1(const std::string& path)
{
    execAll(path, {
        "BEGIN",
        "SELECT InitSpatialMetadata(0, 'WGS84')",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE wilayah (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent_code TEXT)",
        "SELECT AddGeometryColumn('wilayah', 'geom', 4326, 'MULTIPOLYGON', 'XY')",
        "CREATE INDEX wilayah_parent ON wilayah(parent_code)",
        "CREATE TABLE fasilitas (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT, status TEXT, "
        "year INTEGER, located_by TEXT NOT NULL, wilayah_code TEXT)",
        "SELECT AddGeometryColumn('fasilitas', 'geom', 4326, 'POINT', 'XY')",
        "CREATE TABLE indikator (wilayah_code TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT NULL, "
        "value REAL NOT NULL, source TEXT NOT NULL, imported_at TEXT NOT NULL, "
        "PRIMARY KEY (wilayah_code, key, period, source))",
        "CREATE TABLE latar (name TEXT PRIMARY KEY)",
        "SELECT AddGeometryColumn('latar', 'geom', 4326, 'MULTIPOLYGON', 'XY')",
        "INSERT INTO meta VALUES ('schema_version', '1'), ('provenance', 'illustrative'), ('capital_lon', '104.6')",
        "INSERT INTO wilayah VALUES ('18.06.20.2005', 'Gisting Bawah', 'pekon', '18.06.20', "
        "GeomFromText('MULTIPOLYGON(((104.7 -5.4, 104.8 -5.4, 104.8 -5.3, 104.7 -5.4)))', 4326))",
        "INSERT INTO fasilitas VALUES (1, 'PUSKESSOS', 'Puskessos Gisting Bawah', 'aktif', 2019, 'survey', "
        "'18.06.20.2005', MakePoint(104.75, -5.38, 4326))",
        "INSERT INTO indikator VALUES ('18.06.20.2005', 'miskin', '2018', 321, 'test', '2019-01-01T00:00:00Z')",
        "SELECT CreateSpatialIndex('wilayah', 'geom')",
        "SELECT CreateSpatialIndex('fasilitas', 'geom')",
        "COMMIT",
    });
}

} // namespace

TEST(Migration, Version1FileIsUpgradedWithItsDataKept)
{
    const auto dir = testutil::tempDir("migration_v1");
    const std::string path = (dir / "old.sasaran.sqlite").string();
    writeVersion1(path);
    EXPECT_EQ(projectSchemaVersion(path), 1);
    {
        const Dataset readOnly = loadProject(path); // an old file reads without being changed
        EXPECT_EQ(readOnly.areas.size(), 1u);
        EXPECT_EQ(projectSchemaVersion(path), 1);
    }
    const Dataset ds = openProjectForWriting(path);
    EXPECT_EQ(projectSchemaVersion(path), kProjectSchemaVersion);
    ASSERT_EQ(ds.areas.size(), 1u);
    EXPECT_EQ(ds.areas[0].name, "Gisting Bawah");
    ASSERT_EQ(ds.facilities.size(), 1u);
    EXPECT_EQ(ds.facilities[0].year, 2019);
    ASSERT_EQ(ds.indicators.size(), 1u);
    EXPECT_EQ(ds.indicators[0].value, 321);
    EXPECT_EQ(ds.metaValue("boundary_provenance"), "illustrative") << "recorded by migration 2";
    EXPECT_EQ(ds.metaValue("capital_lon"), "104.6");

    testutil::SqlProbe sql(path);
    EXPECT_EQ(sql.number("SELECT count(*) FROM sqlite_master WHERE name IN ('kode_bps', 'alias')"), 2);
    EXPECT_EQ(sql.number("SELECT spatial_index_enabled FROM geometry_columns WHERE f_table_name = 'latar'"), 1);
    EXPECT_EQ(sql.number("SELECT count(*) FROM geometry_columns WHERE spatial_index_enabled = 1"), 3);
    EXPECT_EQ(upgradeProject(path), kProjectSchemaVersion) << "a second upgrade does nothing";
}

TEST(Migration, ANewFileAndAnUpgradedFileHaveTheSameTables)
{
    const auto dir = testutil::tempDir("migration_same");
    const std::string old = (dir / "old.sasaran.sqlite").string();
    const std::string fresh = (dir / "new.sasaran.sqlite").string();
    writeVersion1(old);
    upgradeProject(old);
    Dataset ds;
    ds.meta["provenance"] = "real";
    saveProject(ds, fresh);
    const std::string tables = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = "
                               "'table' AND name NOT LIKE 'idx_%' ORDER BY name)";
    testutil::SqlProbe a(old), b(fresh);
    EXPECT_EQ(a.text(tables), b.text(tables));
}

TEST(Migration, ANewerFileIsRefusedAndLeftUnchanged)
{
    const auto dir = testutil::tempDir("migration_newer");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    writeVersion1(path);
    execAll(path, {"UPDATE meta SET value = '99' WHERE key = 'schema_version'"});
    try {
        upgradeProject(path);
        FAIL();
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("p.sasaran.sqlite"), std::string::npos) << e.what();
    }
    EXPECT_THROW(loadProject(path), ProjectError);
    testutil::SqlProbe sql(path);
    EXPECT_EQ(sql.text("SELECT value FROM meta WHERE key = 'schema_version'"), "99");
}
