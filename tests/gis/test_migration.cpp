// Schema migrations: a version-1 file (as the first release wrote it) is upgraded in one
// transaction with its data kept; a newer file is refused.
#include "gis/error.h"
#include "gis/project.h"
#include "gis/store.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <spatialite.h>
#include <sqlite3.h>

using namespace gis;
using testutil::execAll;

namespace {

/// A version-1 project written with raw SQL, the way saveProject wrote it at version 1.
void writeVersion1(const std::string& path)
{
    execAll(
        path,
        {
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
    EXPECT_EQ(sql.number("SELECT count(*) FROM geometry_columns WHERE spatial_index_enabled = 1"), 4)
        << "wilayah, fasilitas, latar (migration 2) and jalan (migration 7)";
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

namespace {

/// A project of \a version (1 to 6) as that release wrote it: the version-1 file plus, in raw
/// SQL, the schema each later release added, with a row in each new table.
void writeVersion(const std::string& path, int version)
{
    writeVersion1(path);
    std::vector<std::string> sql{"BEGIN"};
    if (version >= 2) {
        sql.insert(
            sql.end(),
            {
                "CREATE TABLE kode_bps (code TEXT PRIMARY KEY, bps_code TEXT NOT NULL)",
                "CREATE INDEX kode_bps_bps ON kode_bps(bps_code)",
                "CREATE TABLE alias (wilayah_code TEXT NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL DEFAULT '', "
                "PRIMARY KEY (wilayah_code, name))",
                "SELECT CreateSpatialIndex('latar', 'geom')",
                "INSERT INTO meta VALUES ('boundary_provenance', 'illustrative')",
                "INSERT INTO kode_bps VALUES ('18.06.20.2005', '1806200005')",
                "INSERT INTO alias VALUES ('18.06.20.2005', 'Gisting Bawa', 'user')",
            });
    }
    if (version >= 3)
        sql.insert(sql.end(),
                   {"ALTER TABLE wilayah ADD COLUMN area_km2 REAL",
                    "ALTER TABLE wilayah ADD COLUMN area_vertices INTEGER",
                    "ALTER TABLE wilayah ADD COLUMN area_coordinate_sum REAL",
                    // the fingerprint of the stored triangle: 4 vertices, sum of all x and y
                    "UPDATE wilayah SET area_km2 = 55.5, area_vertices = 4, "
                    "area_coordinate_sum = 104.7 - 5.4 + 104.8 - 5.4 + 104.8 - 5.3 + 104.7 - 5.4"});
    if (version >= 4)
        sql.insert(
            sql.end(),
            {
                "CREATE TABLE program (id INTEGER PRIMARY KEY, created_utc TEXT NOT NULL, kind TEXT NOT NULL, "
                "method TEXT NOT NULL CHECK (method IN ('mclp', 'pmedian')), count INTEGER NOT NULL, radius_km REAL, "
                "minutes REAL, demand_key TEXT NOT NULL, period TEXT NOT NULL, candidates TEXT NOT NULL, capacity "
                "REAL, "
                "seed INTEGER NOT NULL, candidate_count INTEGER NOT NULL, existing_count INTEGER NOT NULL, "
                "total_demand REAL NOT NULL, covered_before REAL, covered_after REAL, cost_before REAL, cost_after "
                "REAL, "
                "result_json TEXT NOT NULL)",
                "CREATE TABLE program_site (program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE, "
                "rank INTEGER NOT NULL, kode TEXT NOT NULL, nama TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, "
                "gain REAL NOT NULL, served REAL NOT NULL, PRIMARY KEY (program_id, rank))",
                "INSERT INTO program VALUES (1, '2026-01-01T00:00:00Z', 'PUSKESSOS', 'mclp', 1, 5, NULL, 'miskin', "
                "'2018', 'without_kind', NULL, 7, 1, 1, 321, 0, 321, NULL, NULL, '{}')",
                "INSERT INTO program_site VALUES (1, 1, '18.06.20.2005', 'Gisting Bawah', 104.75, -5.37, 321, 321)",
            });
    if (version >= 5)
        sql.insert(sql.end(),
                   {"ALTER TABLE wilayah ADD COLUMN surface_lon REAL",
                    "ALTER TABLE wilayah ADD COLUMN surface_lat REAL",
                    "UPDATE wilayah SET surface_lon = 104.77, surface_lat = -5.36"});
    if (version >= 6) // the in-place store's indexes and revision (version 6 as released)
        sql.insert(sql.end(), {"CREATE INDEX indikator_key_period ON indikator(key, period)",
                               "CREATE INDEX fasilitas_wilayah ON fasilitas(wilayah_code)",
                               "INSERT INTO meta (key, value) VALUES ('store_revision', '1')"});
    if (version >= 7) // the export log (version 7 as released)
        sql.push_back("CREATE TABLE export_log (id INTEGER PRIMARY KEY, utc TEXT NOT NULL, what TEXT NOT NULL, "
                      "tier TEXT NOT NULL, path TEXT NOT NULL, user_name TEXT NOT NULL, personal_data INTEGER NOT NULL)");
    if (version >= 8) // categories (version 8 as released)
        sql.insert(sql.end(), {"CREATE TABLE kategori (wilayah_code TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT "
                               "NULL, level TEXT NOT NULL, source TEXT NOT NULL, imported_at TEXT NOT NULL, PRIMARY KEY "
                               "(wilayah_code, key, period))",
                               "CREATE INDEX kategori_key_period ON kategori(key, period)"});
    sql.push_back("UPDATE meta SET value = '" + std::to_string(version) + "' WHERE key = 'schema_version'");
    sql.push_back("COMMIT");
    execAll(path, sql);
}

} // namespace

TEST(Migration, AFileOfEveryEarlierVersionIsUpgradedInPlaceWithItsDataKept)
{
    for (int version = 1; version < kProjectSchemaVersion; ++version) {
        SCOPED_TRACE("schema version " + std::to_string(version));
        const auto dir = testutil::tempDir("migration_each_" + std::to_string(version));
        const std::string path = (dir / "old.sasaran.sqlite").string();
        writeVersion(path, version);
        ASSERT_EQ(projectSchemaVersion(path), version);
        EXPECT_EQ(openProject(path, OpenMode::ReadOnly)->read().areas.size(), 1u);
        EXPECT_EQ(projectSchemaVersion(path), version) << "a read-only open does not upgrade";
        {
            const auto store = openProject(path, OpenMode::ReadWrite);
            EXPECT_EQ(store->versionBeforeOpen(), version);
            EXPECT_EQ(store->schemaVersion(), kProjectSchemaVersion);
            const Dataset ds = store->read();
            ASSERT_EQ(ds.areas.size(), 1u);
            EXPECT_EQ(ds.areas[0].name, "Gisting Bawah");
            ASSERT_EQ(ds.facilities.size(), 1u);
            ASSERT_EQ(ds.indicators.size(), 1u);
            EXPECT_EQ(ds.indicators[0].value, 321);
            EXPECT_EQ(ds.metaValue("boundary_provenance"), "illustrative");
            EXPECT_FALSE(ds.meta.count("store_revision")) << "the store's own bookkeeping is not project meta";
            EXPECT_EQ(ds.aliases.size(), version >= 2 ? 1u : 0u);
            EXPECT_EQ(ds.bpsCodes.size(), version >= 2 ? 1u : 0u);
            EXPECT_EQ(ds.programs.size(), version >= 4 ? 1u : 0u);
            if (version >= 3) {
                EXPECT_DOUBLE_EQ(ds.areaCache.at("18.06.20.2005").km2, 55.5);
            }
            if (version >= 5) {
                ASSERT_TRUE(ds.areaCache.at("18.06.20.2005").surfacePoint);
                EXPECT_DOUBLE_EQ(ds.areaCache.at("18.06.20.2005").surfacePoint->x, 104.77);
            }
            // The upgraded file takes a write like a new one.
            ProjectChanges c;
            c.upsertValues.push_back({"18.06.20.2005", "miskin", "2019", 300, "test", "t"});
            c.upsertCategories.push_back({"18.06.20.2005", "status_idm", "2024", "Maju", "test", "t"}); // schema 8
            store->write(c);
        }
        EXPECT_EQ(projectSchemaVersion(path), kProjectSchemaVersion);
        testutil::SqlProbe sql(path);
        EXPECT_EQ(sql.text("PRAGMA integrity_check"), "ok");
        EXPECT_EQ(sql.number("SELECT count(*) FROM indikator"), 2);
        EXPECT_EQ(sql.text("SELECT level FROM kategori WHERE wilayah_code = '18.06.20.2005'"), "Maju");
        EXPECT_EQ(sql.number("SELECT count(*) FROM sqlite_master WHERE name IN ('indikator_key_period', "
                             "'fasilitas_wilayah', 'kode_bps', 'alias', 'program', 'program_site')"),
                  6);
        EXPECT_EQ(sql.number("SELECT count(*) FROM export_log"), 0) << "version 7: the export log, empty";
        EXPECT_EQ(sql.number("SELECT count(*) FROM pragma_table_info('wilayah') WHERE name IN ('area_km2', "
                             "'surface_lon')"),
                  2);
        EXPECT_EQ(sql.number("SELECT count(*) FROM sqlite_master WHERE name IN ('jalan', 'jalan_kecepatan')"), 2)
            << "migration 7";
        EXPECT_EQ(sql.number("SELECT geometry_type FROM geometry_columns WHERE f_table_name = 'jalan'"), 5)
            << "MULTILINESTRING XY";
    }
}
