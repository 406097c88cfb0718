// The PostgreSQL/PostGIS project store, against a real server: SASARAN_TEST_PG_URI names a
// database with PostGIS whose role may create schemas and roles (scripts/test.sh starts a
// throwaway cluster and sets it). Without it the tests skip with a message.
#include "../../gis/src/detail/pg.h"
#include "../../gis/src/detail/pgstore.h"
#include "../../gis/src/detail/serverstore.h"

#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometry.h"
#include "gis/measure.h"
#include "gis/project.h"
#include "gis/serveraccess.h"
#include "gis/store.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <thread>

using namespace gis;

namespace {

std::string serverUri()
{
    const char* uri = std::getenv("SASARAN_TEST_PG_URI");
    return uri ? uri : "";
}

#define REQUIRE_SERVER()                                                                                               \
    if (serverUri().empty())                                                                                           \
    GTEST_SKIP() << "SASARAN_TEST_PG_URI is not set: no PostgreSQL server for the PostGIS store tests "                \
                    "(scripts/test.sh starts one)"

/// A project name unique to this test and process (ctest runs tests in parallel processes).
std::string projectName(const std::string& test)
{
    std::string name = "t" + std::to_string(::getpid()) + "_" + test;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name;
}

std::string projectUri(const std::string& name, const std::string& base = serverUri())
{
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "project=" + name;
}

/// The server URI with another user (trust authentication in the test cluster).
std::string uriAs(const std::string& role)
{
    const std::string base = serverUri();
    const std::size_t start = base.find("://") + 3;
    const std::size_t at = base.find('@', start);
    return base.substr(0, start) + role + base.substr(at);
}

/// The test database's own connection, for setup and independent checks in SQL.
detail::PgConnection admin()
{
    return detail::PgConnection(serverUri());
}

long long countSql(detail::PgConnection& db, const std::string& sql)
{
    return db.query(sql).integer(0, 0);
}

void dropProject(const std::string& name)
{
    auto db = admin();
    db.exec("DROP SCHEMA IF EXISTS " + db.quoteIdentifier(name) + " CASCADE");
}

/// Two regencies of two villages each: 18.01 (Lampung Selatan) and 18.06 (Tanggamus).
Dataset twoRegencies()
{
    Dataset ds;
    auto square = [](double x, double y) {
        return MultiPolygon{Polygon{{{x, y}, {x + 0.1, y}, {x + 0.1, y + 0.1}, {x, y + 0.1}, {x, y}}, {}}};
    };
    ds.areas = {{"18.01.01.2001", "Satu A", "desa", "18.01.01", square(105.0, -5.5)},
                {"18.01.01.2002", "Dua A", "desa", "18.01.01", square(105.1, -5.5)},
                {"18.06.01.2001", "Satu B", "pekon", "18.06.01", square(104.6, -5.4)},
                {"18.06.01.2002", "Dua B", "pekon", "18.06.01", square(104.7, -5.4)}};
    for (const Area& a : ds.areas)
        ds.indicators.push_back({a.code, "penduduk", "2024", 1000.0, "uji", "2026-12-01T00:00:00Z"});
    ds.meta["provenance"] = "illustrative";
    return ds;
}

} // namespace

TEST(PgStoreLocation, ParsesTheProjectOutAndRefusesPasswordsAndBadNames)
{
    const auto loc = detail::parseServerLocation("postgresql://sasaran@127.0.0.1:5432/sasaran?project=tanggamus");
    EXPECT_EQ(loc.project, "tanggamus");
    EXPECT_EQ(loc.conninfo.find("project="), std::string::npos);
    EXPECT_NE(loc.conninfo.find("postgresql://sasaran@127.0.0.1:5432/sasaran?"), std::string::npos);
    EXPECT_TRUE(detail::isPostgresUri("postgres://h/db?project=a"));
    EXPECT_FALSE(detail::isPostgresUri("/tmp/x.sasaran.sqlite"));

    try {
        detail::parseServerLocation("postgresql://sasaran:rahasia99@127.0.0.1/sasaran?project=t");
        FAIL() << "a password in the URI must be refused";
    } catch (const ProjectError& e) {
        EXPECT_EQ(std::string(e.what()).find("rahasia99"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("~/.pgpass"), std::string::npos) << e.what();
    }
    EXPECT_THROW(detail::parseServerLocation("postgresql://h/db?project=t&password=rahasia99"), ProjectError);
    try {
        detail::parseServerLocation("postgresql://127.0.0.1/sasaran");
        FAIL();
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("?project=NAME"), std::string::npos) << e.what();
    }
    EXPECT_THROW(detail::parseServerLocation("postgresql://h/db?project=Robert;DROP"), ProjectError);
    try {
        detail::parseServerLocation("postgresql://h:notaport/db?project=ok");
        FAIL() << "a malformed URI must be refused";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("malformed PostgreSQL URI"), std::string::npos) << e.what();
    }
    try {
        detail::parseServerLocation("postgresql://h/db?project=ok&colour=blue");
        FAIL() << "an unknown connection parameter must be refused";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("malformed PostgreSQL URI"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("colour"), std::string::npos) << e.what();
    }
}

TEST(PgStore, DemoRoundTripKeepsEveryAreaValueFacilityAndStoredMeasure)
{
    REQUIRE_SERVER();
    const std::string name = projectName("roundtrip");
    dropProject(name);
    const Dataset ds = buildDefaultDataset();
    auto store = detail::createServerProject(projectUri(name), ds, false);
    EXPECT_FALSE(store->readOnly());
    EXPECT_EQ(store->schemaVersion(), kProjectSchemaVersion);
    EXPECT_EQ(store->location(), projectUri(name));

    const Dataset back = store->read();
    ASSERT_EQ(back.areas.size(), ds.areas.size());
    for (std::size_t i = 0; i < ds.areas.size(); ++i) {
        EXPECT_EQ(back.areas[i].code, ds.areas[i].code);
        EXPECT_EQ(back.areas[i].name, ds.areas[i].name);
        EXPECT_EQ(back.areas[i].parentCode, ds.areas[i].parentCode);
        EXPECT_EQ(vertexCount(back.areas[i].geometry), vertexCount(ds.areas[i].geometry));
        EXPECT_EQ(coordinateSum(back.areas[i].geometry), coordinateSum(ds.areas[i].geometry));
        // The stored area is the one measured on the geometry, and is used from the cache.
        EXPECT_DOUBLE_EQ(back.areaKm2(back.areas[i]), geodesicAreaKm2(ds.areas[i].geometry));
        EXPECT_TRUE(back.areaCache.count(ds.areas[i].code));
    }
    ASSERT_EQ(back.indicators.size(), ds.indicators.size());
    for (std::size_t i = 0; i < ds.indicators.size(); ++i) {
        EXPECT_EQ(back.indicators[i].areaCode, ds.indicators[i].areaCode);
        EXPECT_EQ(back.indicators[i].value, ds.indicators[i].value); // exact: float8 text round trip
    }
    // Facilities come back by id, as from the file.
    std::vector<Facility> byId = ds.facilities;
    std::sort(byId.begin(), byId.end(), [](const Facility& x, const Facility& y) { return x.id < y.id; });
    ASSERT_EQ(back.facilities.size(), byId.size());
    for (std::size_t i = 0; i < byId.size(); ++i) {
        EXPECT_EQ(back.facilities[i].id, byId[i].id);
        EXPECT_EQ(back.facilities[i].kind, byId[i].kind);
        EXPECT_EQ(back.facilities[i].location.x, byId[i].location.x);
        EXPECT_EQ(back.facilities[i].location.y, byId[i].location.y);
    }
    EXPECT_EQ(back.meta.at("provenance"), ds.meta.at("provenance"));
    EXPECT_EQ(back.meta.at("schema_version"), std::to_string(kProjectSchemaVersion));
    EXPECT_EQ(vertexCount(back.backgroundLand), vertexCount(ds.backgroundLand));

    // PostGIS agrees with the library: the spheroid area of the regency's villages, and every
    // geometry valid in its GiST-indexed column.
    auto db = admin();
    const std::string s = db.quoteIdentifier(name);
    double libraryKm2 = 0.0;
    for (const Area* a : ds.villages())
        libraryKm2 += geodesicAreaKm2(a->geometry);
    const double postgisKm2 = db.query("SELECT sum(ST_Area(geom::geography)) / 1e6 FROM " + s
                                       + ".wilayah WHERE kind IN ('pekon', 'kelurahan', 'desa')")
                                  .number(0, 0);
    EXPECT_NEAR(postgisKm2, libraryKm2, libraryKm2 * 1e-6);
    // From the catalog tables, not pg_indexes: its pg_get_indexdef() is evaluated for every index
    // in the database before the schema filter, and fails on one a parallel test is dropping.
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM pg_class i JOIN pg_namespace n ON n.oid = i.relnamespace "
                           "JOIN pg_am a ON a.oid = i.relam WHERE i.relkind = 'i' AND a.amname = 'gist' "
                           "AND n.nspname = '"
                               + name + "'"),
              4)
        << "wilayah, fasilitas, latar, jalan";
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + s + ".wilayah WHERE ST_SRID(geom) <> 4326"), 0);
    dropProject(name);
}

TEST(PgStore, ReadsOnlyTheAreasUnderACodePrefixAndTheirValues)
{
    REQUIRE_SERVER();
    const std::string name = projectName("prefix");
    dropProject(name);
    const Dataset ds = buildDefaultDataset();
    detail::createServerProject(projectUri(name), ds, false);
    const std::string prefix = "18.06.20";
    std::set<std::string> expected;
    for (const Area& a : ds.areas)
        if (a.code == prefix || a.code.rfind(prefix + ".", 0) == 0)
            expected.insert(a.code);
    ASSERT_GT(expected.size(), 3u);
    std::size_t expectedValues = 0;
    for (const IndicatorValue& v : ds.indicators)
        expectedValues += expected.count(v.areaCode);

    auto store = detail::openServerProject(projectUri(name), OpenMode::ReadOnly);
    ProjectReadOptions options;
    options.codePrefix = prefix;
    options.parts = ProjectPart::Areas | ProjectPart::Indicators;
    const Dataset part = store->read(options);
    std::set<std::string> got;
    for (const Area& a : part.areas)
        got.insert(a.code);
    EXPECT_EQ(got, expected);
    EXPECT_EQ(part.indicators.size(), expectedValues);
    EXPECT_TRUE(part.facilities.empty()); // not asked for
    EXPECT_FALSE(part.meta.empty());      // always read

    options.areaGeometry = false;
    const Dataset noGeometry = store->read(options);
    ASSERT_EQ(noGeometry.areas.size(), expected.size());
    EXPECT_TRUE(noGeometry.areas.front().geometry.empty());
    dropProject(name);
}

TEST(PgStore, WritesOnlyTheChangesInOneTransaction)
{
    REQUIRE_SERVER();
    const std::string name = projectName("write");
    dropProject(name);
    const Dataset ds = twoRegencies();
    auto store = detail::createServerProject(projectUri(name), ds, false);

    ProjectChanges c;
    c.upsertValues.push_back({"18.01.01.2001", "penduduk", "2024", 1234.5, "uji", "2026-12-01T01:00:00Z"});
    c.upsertValues.push_back({"18.01.01.2002", "miskin", "2024", 77.0, "uji", "2026-12-01T01:00:00Z"});
    Facility f;
    f.kind = "BUMDES";
    f.locatedBy = "survey";
    f.areaCode = "18.01.01.2001";
    f.location = {105.05, -5.45};
    c.addFacilities = {f, f};
    c.addAliases.push_back({"18.06.01.2002", "Dua Be", "user"});
    c.meta["capital_lon"] = "104.6";
    PlacementRun run;
    run.createdUtc = "2026-12-01T01:00:00Z";
    run.kind = "PUSKESSOS";
    run.method = "mclp";
    run.count = 1;
    run.radiusKm = 5.0;
    run.demandKey = "miskin";
    run.period = "2024";
    run.candidates = "without_kind";
    run.seed = 18446744073709551615ull; // the largest seed keeps its bits
    run.sites.push_back({1, "18.01.01.2002", "Dua A", {105.15, -5.45}, 77.0, 77.0});
    run.json = "{}";
    c.addPrograms = {run, run};
    const std::vector<long long> ids = store->write(c);
    EXPECT_EQ(ids, (std::vector<long long>{1, 2}));

    const Dataset back = store->read();
    ASSERT_EQ(back.indicators.size(), 5u);
    EXPECT_EQ(back.indicators[0].value, 1234.5); // replaced in place, keeping its order
    EXPECT_EQ(back.indicators[4].key, "miskin");
    ASSERT_EQ(back.facilities.size(), 2u);
    EXPECT_EQ(back.facilities[0].id, 1);
    EXPECT_EQ(back.facilities[1].id, 2);
    EXPECT_EQ(back.aliases.size(), 1u);
    EXPECT_EQ(back.meta.at("capital_lon"), "104.6");
    ASSERT_EQ(back.programs.size(), 2u);
    EXPECT_EQ(back.programs[1].seed, 18446744073709551615ull);
    ASSERT_EQ(back.programs[1].sites.size(), 1u);
    EXPECT_EQ(back.programs[1].sites[0].code, "18.01.01.2002");

    // A new geometry is measured anew; a removed area goes; the rest stays as it was.
    ProjectChanges b;
    Area bigger = ds.areas[0];
    bigger.geometry =
        MultiPolygon{Polygon{{{105.0, -5.5}, {105.2, -5.5}, {105.2, -5.3}, {105.0, -5.3}, {105.0, -5.5}}, {}}};
    b.upsertAreas = {bigger};
    b.removeAreaCodes = {"18.06.01.2002"};
    b.meta["capital_lon"] = std::nullopt;
    store->write(b);
    const Dataset after = store->read();
    ASSERT_EQ(after.areas.size(), 3u);
    EXPECT_EQ(after.areas[0].code, "18.01.01.2001"); // kept its place
    EXPECT_NEAR(after.areaKm2(after.areas[0]), geodesicAreaKm2(bigger.geometry), 1e-9);
    EXPECT_GT(after.areaKm2(after.areas[0]), 3.9 * geodesicAreaKm2(ds.areas[0].geometry));
    EXPECT_EQ(after.meta.count("capital_lon"), 0u);
    EXPECT_EQ(after.indicators.size(), 5u); // values of a removed area stay unless named

    // A failing change leaves everything as it was: a program with an unknown method.
    ProjectChanges bad;
    bad.upsertValues.push_back({"18.06.01.2001", "penduduk", "2025", 1.0, "uji", "x"});
    PlacementRun wrong = run;
    wrong.method = "unknown";
    bad.addPrograms = {wrong};
    EXPECT_THROW(store->write(bad), ProjectError);
    const Dataset unchanged = store->read();
    EXPECT_EQ(unchanged.indicators.size(), 5u);
    EXPECT_EQ(unchanged.programs.size(), 2u);
    dropProject(name);
}

TEST(PgStore, TwoClientsWritingAtOnceKeepBothChanges)
{
    REQUIRE_SERVER();
    const std::string name = projectName("concurrent");
    dropProject(name);
    const Dataset ds = buildDefaultDataset();
    detail::createServerProject(projectUri(name), ds, false);
    const auto villages = ds.villages();
    auto writer = [&](const std::string& period, int rounds) {
        auto store = detail::openServerProject(projectUri(name), OpenMode::ReadWrite);
        for (int round = 0; round < rounds; ++round) {
            // Each round: what a command does, read, then write its own change.
            const Dataset now = store->read({ProjectPart::Indicators, {}, false, {}});
            ProjectChanges c;
            for (std::size_t i = 0; i < villages.size(); i += 10)
                c.upsertValues.push_back({villages[i]->code, "uji", period + "-" + std::to_string(round),
                                          static_cast<double>(i), "uji", "t"});
            Facility f;
            f.kind = "UJI" + period;
            f.locatedBy = "survey";
            f.location = {104.6, -5.4};
            c.addFacilities = {f};
            PlacementRun run;
            run.kind = "UJI";
            run.method = "mclp";
            run.json = "{}";
            c.addPrograms = {run};
            (void)now;
            store->write(c);
        }
    };
    std::thread a(writer, "A", 10), b(writer, "B", 10);
    a.join();
    b.join();
    auto db = admin();
    const std::string s = db.quoteIdentifier(name);
    const long long perRound = static_cast<long long>((villages.size() + 9) / 10);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + s + ".indikator WHERE key = 'uji'"), 20 * perRound);
    EXPECT_EQ(countSql(db, "SELECT count(DISTINCT period) FROM " + s + ".indikator WHERE key = 'uji'"), 20);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + s + ".fasilitas WHERE kind LIKE 'UJI%'"), 20);
    EXPECT_EQ(countSql(db, "SELECT count(DISTINCT id) FROM " + s + ".fasilitas"),
              static_cast<long long>(ds.facilities.size()) + 20);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + s + ".program"), 20);
    EXPECT_EQ(countSql(db, "SELECT max(id) FROM " + s + ".program"), 20);
    dropProject(name);
}

TEST(PgStore, AnExistingProjectIsRefusedUnlessReplaced)
{
    REQUIRE_SERVER();
    const std::string name = projectName("replace");
    dropProject(name);
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    Dataset other = twoRegencies();
    other.areas.resize(1);
    try {
        detail::createServerProject(projectUri(name), other, false);
        FAIL() << "an existing project must be refused";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos) << e.what();
    }
    EXPECT_EQ(detail::openServerProject(projectUri(name), OpenMode::ReadOnly)->read().areas.size(), 4u);
    auto replaced = detail::createServerProject(projectUri(name), other, true);
    EXPECT_EQ(replaced->read().areas.size(), 1u);
    dropProject(name);
}

TEST(PgStore, BadLocationsGetOneClearLineEach)
{
    REQUIRE_SERVER();
    auto message = [](const std::string& location) {
        try {
            detail::openServerProject(location, OpenMode::ReadOnly);
        } catch (const ProjectError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    // Unreachable: nothing listens on port 1.
    std::string m = message("postgresql://sasaran_test@127.0.0.1:1/sasaran_test?project=x&connect_timeout=3");
    EXPECT_NE(m.find("cannot reach the PostgreSQL server"), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
    // A database without PostGIS (scripts/pgtest.sh makes one beside the test database).
    std::string noPostgis = serverUri();
    noPostgis.replace(noPostgis.rfind('/'), std::string::npos, "/sasaran_nopostgis");
    m = message(projectUri("x", noPostgis));
    EXPECT_NE(m.find("has no PostGIS"), std::string::npos) << m;
    // A project that does not exist.
    m = message(projectUri("tidak_ada"));
    EXPECT_NE(m.find("project 'tidak_ada' does not exist"), std::string::npos) << m;
    // A schema newer than this program.
    const std::string name = projectName("newer");
    dropProject(name);
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    {
        auto db = admin();
        db.exec("UPDATE " + db.quoteIdentifier(name) + ".meta SET value = '99' WHERE key = 'schema_version'");
    }
    m = message(projectUri(name));
    EXPECT_NE(m.find("schema version 99, newer than this program"), std::string::npos) << m;
    dropProject(name);
}

TEST(PgStore, AnOlderProjectGainsTheCategoryTableWhenItsOwnerOpensItForWriting)
{
    REQUIRE_SERVER();
    const std::string name = projectName("schema6");
    dropProject(name);
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    {
        auto db = admin();
        const std::string s = db.quoteIdentifier(name);
        db.exec("DROP TABLE " + s + ".kategori");
        db.exec("UPDATE " + s + ".meta SET value = '6' WHERE key = 'schema_version'");
    }
    {
        const auto reader = openProject(projectUri(name), OpenMode::ReadOnly);
        EXPECT_EQ(reader->schemaVersion(), 6);
        EXPECT_TRUE(reader->read().categories.empty()) << "a version-6 project reads without the table";
    }
    const auto store = openProject(projectUri(name), OpenMode::ReadWrite);
    EXPECT_EQ(store->versionBeforeOpen(), 6);
    EXPECT_EQ(store->schemaVersion(), kProjectSchemaVersion);
    ProjectChanges c;
    c.upsertCategories.push_back({"18.06.01.2001", "status_idm", "2024", "Maju", "idm.csv", "t"});
    store->write(c);
    const Dataset ds = openProject(projectUri(name), OpenMode::ReadOnly)->read();
    ASSERT_EQ(ds.categories.size(), 1u);
    EXPECT_EQ(ds.categories[0].level, "Maju");
    auto db = admin();
    EXPECT_EQ(db.query("SELECT relrowsecurity::text FROM pg_class WHERE oid = to_regclass($1)",
                       {detail::PgParam::text(db.quoteIdentifier(name) + ".kategori")})
                  .text(0, 0),
              "true")
        << "the added table has the row security of the other per-area tables";
    dropProject(name);
}

TEST(PgStore, AReaderMayReadButNotWriteAndNothingChanges)
{
    REQUIRE_SERVER();
    const std::string name = projectName("reader");
    const std::string reader = name + "_pembaca", editor = name + "_editor";
    dropProject(name);
    auto db = admin();
    db.exec("DROP ROLE IF EXISTS " + reader + "; CREATE ROLE " + reader + " LOGIN");
    db.exec("DROP ROLE IF EXISTS " + editor + "; CREATE ROLE " + editor + " LOGIN");
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    grantProjectAccess(projectUri(name), reader, ProjectAccess::Reader);
    grantProjectAccess(projectUri(name), editor, ProjectAccess::Editor);

    auto asReader = detail::openServerProject(projectUri(name, uriAs(reader)), OpenMode::ReadOnly);
    EXPECT_TRUE(asReader->readOnly());
    EXPECT_EQ(asReader->read().areas.size(), 4u);
    ProjectChanges c;
    c.upsertValues.push_back({"18.01.01.2001", "penduduk", "2025", 1.0, "uji", "t"});
    try {
        asReader->write(c);
        FAIL() << "a reader's write must fail";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("proyek hanya-baca: tidak punya hak tulis"), std::string::npos)
            << e.what();
    }
    try {
        detail::openServerProject(projectUri(name, uriAs(reader)), OpenMode::ReadWrite);
        FAIL() << "a reader cannot open the project for writing";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("hanya-baca"), std::string::npos) << e.what();
    }
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + db.quoteIdentifier(name) + ".indikator"), 4);

    // An editor writes values but may not replace boundaries.
    auto asEditor = detail::openServerProject(projectUri(name, uriAs(editor)), OpenMode::ReadWrite);
    EXPECT_FALSE(asEditor->readOnly());
    asEditor->write(c);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + db.quoteIdentifier(name) + ".indikator"), 5);
    ProjectChanges boundaries;
    boundaries.removeAreaCodes = {"18.01.01.2001"};
    EXPECT_THROW(asEditor->write(boundaries), ProjectError);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + db.quoteIdentifier(name) + ".wilayah"), 4);
    // Only the owner grants.
    EXPECT_THROW(grantProjectAccess(projectUri(name, uriAs(editor)), reader, ProjectAccess::Editor), ProjectError);
    asReader.reset();
    asEditor.reset();
    dropProject(name);
    db.exec("DROP ROLE " + reader + "; DROP ROLE " + editor);
}

TEST(PgStore, RolesRestrictedToTheirRegencySeeAndWriteOnlyTheirOwnRows)
{
    REQUIRE_SERVER();
    const std::string name = projectName("rls");
    const std::string selatan = name + "_1801", tanggamus = name + "_1806";
    dropProject(name);
    auto db = admin();
    db.exec("DROP ROLE IF EXISTS " + selatan + "; CREATE ROLE " + selatan + " LOGIN");
    db.exec("DROP ROLE IF EXISTS " + tanggamus + "; CREATE ROLE " + tanggamus + " LOGIN");
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    grantProjectAccess(projectUri(name), selatan, ProjectAccess::Editor, "18.01");
    grantProjectAccess(projectUri(name), tanggamus, ProjectAccess::Editor, "18.06");

    auto a = detail::openServerProject(projectUri(name, uriAs(selatan)), OpenMode::ReadWrite);
    auto b = detail::openServerProject(projectUri(name, uriAs(tanggamus)), OpenMode::ReadWrite);
    const Dataset seenA = a->read(), seenB = b->read();
    ASSERT_EQ(seenA.areas.size(), 2u);
    ASSERT_EQ(seenB.areas.size(), 2u);
    for (const Area& area : seenA.areas)
        EXPECT_EQ(area.code.rfind("18.01.", 0), 0u) << area.code;
    for (const IndicatorValue& v : seenB.indicators)
        EXPECT_EQ(v.areaCode.rfind("18.06.", 0), 0u) << v.areaCode;
    EXPECT_EQ(seenB.indicators.size(), 2u);

    // Each writes its own rows; a row of the other regency is refused and nothing is written.
    ProjectChanges own;
    own.upsertValues.push_back({"18.06.01.2001", "miskin", "2024", 100.0, "uji", "t"});
    b->write(own);
    ProjectChanges foreign;
    foreign.upsertValues.push_back({"18.01.01.2002", "miskin", "2024", 5.0, "uji", "t"});
    foreign.upsertValues.push_back({"18.06.01.2002", "miskin", "2024", 5.0, "uji", "t"});
    EXPECT_THROW(b->write(foreign), ProjectError);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + db.quoteIdentifier(name) + ".indikator WHERE key = 'miskin'"), 1);
    EXPECT_EQ(a->read().indicators.size(), 2u); // B's new value is not A's to see
    EXPECT_EQ(b->read().indicators.size(), 3u);
    a.reset();
    b.reset();
    dropProject(name);
    db.exec("DROP ROLE " + selatan + "; DROP ROLE " + tanggamus);
}

TEST(PgStore, EveryWriteRecordsTheRoleAndTheUtcTimeAndReadersSeeIt)
{
    REQUIRE_SERVER();
    const std::string name = projectName("stamp");
    const std::string reader = name + "_pembaca", editor = name + "_editor";
    dropProject(name);
    auto db = admin();
    db.exec("DROP ROLE IF EXISTS " + reader + "; CREATE ROLE " + reader + " LOGIN");
    db.exec("DROP ROLE IF EXISTS " + editor + "; CREATE ROLE " + editor + " LOGIN");
    const std::string owner = db.query("SELECT current_user::text").text(0, 0);
    const std::string before = db.query("SELECT to_char(now() AT TIME ZONE 'UTC' - interval '1 second', "
                                        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
                                   .text(0, 0);
    auto store = detail::createServerProject(projectUri(name), twoRegencies(), false);
    ASSERT_TRUE(store->lastChange().has_value()) << "creating a project is a write";
    EXPECT_EQ(store->lastChange()->user, owner);
    EXPECT_GE(store->lastChange()->utc, before);
    EXPECT_EQ(store->lastChange()->utc.size(), 20u) << store->lastChange()->utc;
    EXPECT_EQ(store->read().meta.count("changed_by"), 0u) << "bookkeeping, not project meta";
    grantProjectAccess(projectUri(name), reader, ProjectAccess::Reader);
    grantProjectAccess(projectUri(name), editor, ProjectAccess::Editor);

    // The editor's write names the editor; the reader sees who and when.
    auto asEditor = detail::openServerProject(projectUri(name, uriAs(editor)), OpenMode::ReadWrite);
    ProjectChanges c;
    c.upsertValues.push_back({"18.01.01.2001", "penduduk", "2025", 1.0, "uji", "t"});
    asEditor->write(c);
    const std::string s = db.quoteIdentifier(name);
    EXPECT_EQ(db.query("SELECT value FROM " + s + ".meta WHERE key = 'changed_by'").text(0, 0), editor);
    auto asReader = detail::openServerProject(projectUri(name, uriAs(reader)), OpenMode::ReadOnly);
    ASSERT_TRUE(asReader->lastChange().has_value());
    EXPECT_EQ(asReader->lastChange()->user, editor);
    EXPECT_EQ(asReader->lastChange()->utc,
              db.query("SELECT value FROM " + s + ".meta WHERE key = 'changed_utc'").text(0, 0));
    EXPECT_GE(asReader->lastChange()->utc, before);
    EXPECT_EQ(store->lastChange()->user, editor) << "read afresh by the owner's store too";
    asReader.reset();
    asEditor.reset();
    store.reset();
    dropProject(name);
    db.exec("DROP ROLE " + reader + "; DROP ROLE " + editor);
}

TEST(PgStore, APasswordKeptInMemoryIsGivenToLibpqAndAppearsInNoLocationOrError)
{
    REQUIRE_SERVER();
    const std::string name = projectName("password");
    dropProject(name);
    const std::string uri = projectUri(name);
    setServerPassword(uri, "rahasia-99");
    EXPECT_EQ(serverPassword(serverUri() + "?project=lain").value_or(""), "rahasia-99")
        << "kept per server, user and database, for every project there";
    auto store = detail::createServerProject(uri, twoRegencies(), false);
    EXPECT_EQ(store->location().find("rahasia"), std::string::npos);
    // A wrong host port fails with libpq's reason, never the password.
    const std::string unreachable = "postgresql://nobody@127.0.0.1:1/none?project=x";
    setServerPassword(unreachable, "rahasia-99");
    try {
        openProject(unreachable, OpenMode::ReadOnly);
        FAIL() << "port 1 has no server";
    } catch (const ProjectError& e) {
        EXPECT_EQ(std::string(e.what()).find("rahasia"), std::string::npos) << e.what();
    }
    forgetServerPassword(unreachable);
    forgetServerPassword(uri);
    EXPECT_FALSE(serverPassword(uri).has_value());
    store.reset();
    dropProject(name);
}

TEST(PgStore, EveryRoleGrantedAccessLogsItsExportsAndAnOlderProjectGetsTheLogTable)
{
    REQUIRE_SERVER();
    const std::string name = projectName("exportlog");
    const std::string reader = name + "_pembaca";
    dropProject(name);
    auto db = admin();
    db.exec("DROP ROLE IF EXISTS " + reader + "; CREATE ROLE " + reader + " LOGIN");
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    const std::string s = db.quoteIdentifier(name);

    // A project from before the log (schema 6): opened read-only it lists nothing and cannot take
    // a row; the owner's next writable open adds the table and records the version.
    db.exec("DROP TABLE " + s + ".export_log; UPDATE " + s + ".meta SET value = '6' WHERE key = 'schema_version'");
    EXPECT_TRUE(readExportLog(projectUri(name)).empty());
    EXPECT_THROW(recordExport(projectUri(name), {"", "map", "aggregate", "/tmp/x.pdf", "", false}), ProjectError);
    EXPECT_EQ(openProject(projectUri(name), OpenMode::ReadWrite)->schemaVersion(), kProjectSchemaVersion);
    EXPECT_EQ(db.query("SELECT value FROM " + s + ".meta WHERE key = 'schema_version'").text(0, 0),
              std::to_string(kProjectSchemaVersion));

    grantProjectAccess(projectUri(name), reader, ProjectAccess::Reader);
    recordExport(projectUri(name), {"", "export", "aggregate", "/srv/a.gpkg", "", true});
    recordExport(projectUri(name, uriAs(reader)), {"", "export-records", "anonymised", "/home/d/r.csv", "", true});
    const auto log = readExportLog(projectUri(name, uriAs(reader)));
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].what, "export");
    EXPECT_EQ(log[1].what, "export-records");
    EXPECT_EQ(log[1].tier, "anonymised");
    EXPECT_EQ(log[1].path, "/home/d/r.csv");
    EXPECT_EQ(log[1].user, reader) << "the role that wrote the row, as the server knows it";
    EXPECT_TRUE(log[1].personalData);
    EXPECT_EQ(log[1].utc.size(), 20u) << log[1].utc;
    // ... while the reader still cannot change anything else
    ProjectChanges c;
    c.upsertValues.push_back({"18.01.01.2001", "penduduk", "2025", 1.0, "uji", "t"});
    EXPECT_THROW(openProject(projectUri(name, uriAs(reader)), OpenMode::ReadOnly)->write(c), ProjectError);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + s + ".export_log"), 2);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM " + s + ".export_log WHERE personal_data"), 2);
    dropProject(name);
    db.exec("DROP ROLE " + reader);
}

TEST(PgStore, AnOlderProjectGetsTheRoadTablesWhenItsOwnerOpensItForWriting)
{
    REQUIRE_SERVER();
    const std::string name = projectName("roads_upgrade");
    dropProject(name);
    detail::createServerProject(projectUri(name), twoRegencies(), false);
    auto db = admin();
    const std::string s = db.quoteIdentifier(name);
    // as a version 6 project was: no road tables
    db.exec("DROP TABLE " + s + ".jalan; DROP TABLE " + s + ".jalan_kecepatan; UPDATE " + s
            + ".meta SET value = '6' WHERE key = 'schema_version'");
    {
        auto reading = detail::openServerProject(projectUri(name), OpenMode::ReadOnly);
        EXPECT_EQ(reading->schemaVersion(), 6);
        EXPECT_TRUE(reading->read().roads.empty()) << "an old project reads without roads";
    }
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + name + "' AND tablename = 'jalan'"),
              0)
        << "a read-only open changes nothing";
    auto writing = detail::openServerProject(projectUri(name), OpenMode::ReadWrite);
    EXPECT_EQ(writing->schemaVersion(), kProjectSchemaVersion);
    EXPECT_EQ(countSql(db, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + name
                               + "' AND tablename IN ('jalan', 'jalan_kecepatan')"),
              2);
    ProjectChanges c;
    c.roads = RoadLayer{{{"jalan desa", {{{104.6, -5.4}, {104.7, -5.35}}}}}, {{"jalan desa", 25.0}}};
    writing->write(c);
    EXPECT_EQ(writing->read().roads, *c.roads);
    EXPECT_NEAR(static_cast<double>(countSql(
                    db, "SELECT round(ST_Length(geom::geography))::bigint FROM " + s + ".jalan WHERE id = 1")),
                12374.0, 200.0)
        << "PostGIS measures the stored line: about 12.4 km";
    writing.reset();
    dropProject(name);
}
