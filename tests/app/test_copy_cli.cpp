// sasaran-cli copy and grant, in-process, against the server of SASARAN_TEST_PG_URI
// (scripts/test.sh starts one); skipped with a message without it.
#include "cliutil.h"
#include "gis/raster.h"
#include "gis/rasterstore.h"
#include "gis/store.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using testutil::runCli;

namespace {

std::string serverUri()
{
    const char* uri = std::getenv("SASARAN_TEST_PG_URI");
    return uri ? uri : "";
}

std::string projectUri(const std::string& test)
{
    return serverUri() + "?project=c" + std::to_string(::getpid()) + "_" + test;
}

} // namespace

TEST(CliCopy, DemoToServerToFileGivesTheSameAnalysisPlacementAndExport)
{
    if (serverUri().empty())
        GTEST_SKIP() << "SASARAN_TEST_PG_URI is not set: no PostgreSQL server (scripts/test.sh starts one)";
    const fs::path dir = testutil::tempDir("cli_copy");
    const std::string demo = (dir / "demo.sasaran.sqlite").string();
    const std::string back = (dir / "back.sasaran.sqlite").string();
    const std::string server = projectUri("demo");
    ASSERT_EQ(runCli({"demo", demo}).code, 0);
    auto r = runCli({"copy", demo, server, "--replace"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("copied 323 areas"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(", 1 raster(s)"), std::string::npos) << "the demo DEM goes to the server: " << r.out;

    // An existing destination is refused unless --replace, and left as it was.
    r = runCli({"copy", demo, server});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--replace"), std::string::npos) << r.err;

    r = runCli({"copy", server, back});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(", 1 raster(s)"), std::string::npos) << "and comes back: " << r.out;
    // The DEM on the server and back in a file is the demo's, cell for cell.
    const auto original = gis::loadRaster(demo, gis::RasterKind::Dem);
    ASSERT_TRUE(original.has_value());
    for (const std::string& project : {server, back}) {
        const auto dem = gis::loadRaster(project, gis::RasterKind::Dem);
        ASSERT_TRUE(dem.has_value()) << project;
        EXPECT_EQ(dem->source, original->source);
        EXPECT_EQ(dem->period, original->period);
        EXPECT_EQ(dem->importedAt, original->importedAt);
        ASSERT_EQ(dem->grid.width, original->grid.width);
        ASSERT_EQ(dem->grid.height, original->grid.height);
        EXPECT_EQ(dem->grid.crs, original->grid.crs);
        EXPECT_EQ(dem->grid.originX, original->grid.originX);
        EXPECT_EQ(dem->grid.originY, original->grid.originY);
        EXPECT_EQ(std::memcmp(dem->grid.values.data(), original->grid.values.data(),
                              original->grid.values.size() * sizeof(float)),
                  0)
            << project << ": every DEM cell, bit for bit (NaN included)";
    }
    EXPECT_EQ(gis::storedRasterKinds(server), std::vector<gis::RasterKind>{gis::RasterKind::Dem});
    // The commands on the file that went file -> server -> file give the same tables as on the
    // demo file (analysis, export, placement: every value, in the one CSV number format).
    for (const std::string& project : {demo, back}) {
        const std::string tag = project == demo ? "file" : "back";
        r = runCli({"analyze", project, "--out", (dir / ("analyze_" + tag + ".csv")).string()});
        ASSERT_EQ(r.code, 0) << tag << ": " << r.err;
        r = runCli({"export", project, "--out", (dir / ("export_" + tag + ".csv")).string()});
        ASSERT_EQ(r.code, 0) << tag << ": " << r.err;
        r = runCli({"place", project, "--kind", "PUSKESSOS", "--count", "3", "--radius-km", "5", "--out",
                    (dir / ("place_" + tag + ".csv")).string()});
        ASSERT_EQ(r.code, 0) << tag << ": " << r.err;
    }
    for (const std::string what : {"analyze", "export", "place"}) {
        const std::string file = testutil::readFile(dir / (what + "_file.csv"));
        ASSERT_GT(file.size(), 1000u) << what;
        EXPECT_EQ(testutil::readFile(dir / (what + "_back.csv")), file)
            << what << " differs after file -> server -> file";
    }
}

TEST(CliCopy, BadLocationsFailWithOneLineAndAnExitCodeByClass)
{
    const fs::path dir = testutil::tempDir("cli_copy_bad");
    auto r = runCli({"copy", ":default", "postgresql://127.0.0.1:5432/sasaran"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("?project=NAME"), std::string::npos) << r.err;
    r = runCli({"copy", ":default", "postgresql://u:rahasia@127.0.0.1/sasaran?project=x"});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(r.err.find("rahasia"), std::string::npos) << r.err;
    r = runCli({"copy", ":default", "postgresql://u@127.0.0.1:1/sasaran?project=x&connect_timeout=3"});
    EXPECT_EQ(r.code, 6) << "an unreachable server (connection refused): its own exit code, not bad input";
    EXPECT_NE(r.err.find("cannot reach the PostgreSQL server"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    r = runCli({"info", "postgresql://u@127.0.0.1:1/sasaran?project=x&connect_timeout=3"});
    EXPECT_EQ(r.code, 6) << "any command, not only copy: " << r.err;
    r = runCli({"info", "postgresql://u@127.0.0.1:notaport/sasaran?project=x"});
    EXPECT_EQ(r.code, 3) << "a malformed URI is bad input: " << r.err;
    EXPECT_NE(r.err.find("malformed PostgreSQL URI"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    r = runCli({"grant", (dir / "x.sasaran.sqlite").string(), "--reader", "someone"});
    EXPECT_EQ(r.code, 2);
}

TEST(CliCopy, AFileNewerThanTheProgramIsBadInputInOneLine)
{
    const fs::path dir = testutil::tempDir("cli_copy_newer");
    const std::string demo = (dir / "demo.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", demo}).code, 0);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(demo.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"info", demo}, {"copy", demo, (dir / "c.sasaran.sqlite").string()}}) {
        const auto r = runCli(args);
        EXPECT_EQ(r.code, 3) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
    }
    EXPECT_FALSE(fs::exists(dir / "c.sasaran.sqlite")) << "nothing half-written";
}

TEST(CliCopy, EachBadServerLocationHasOneLineAndTheExitCodeOfItsClass)
{
    if (serverUri().empty())
        GTEST_SKIP() << "SASARAN_TEST_PG_URI is not set: no PostgreSQL server (scripts/test.sh starts one)";
    auto expectOneLine = [](const testutil::CliResult& r, int code, const std::string& says, const std::string& what) {
        EXPECT_EQ(r.code, code) << what << ": " << r.err;
        EXPECT_NE(r.err.find(says), std::string::npos) << what << ": " << r.err;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << what << ", one line: " << r.err;
    };
    // A role the server does not know: the login is refused (the class of a wrong password).
    std::string stranger = serverUri();
    stranger.replace(stranger.find("://") + 3, stranger.find('@') - stranger.find("://") - 3, "tidak_dikenal");
    expectOneLine(runCli({"info", stranger + "?project=x"}), 6, "refused the login", "unknown role");
    // A database without PostGIS (scripts/pgtest.sh makes one beside the test database).
    std::string noPostgis = serverUri();
    noPostgis.replace(noPostgis.rfind('/'), std::string::npos, "/sasaran_nopostgis");
    expectOneLine(runCli({"info", noPostgis + "?project=x"}), 3, "has no PostGIS", "no PostGIS");
    // A project name that does not exist.
    expectOneLine(runCli({"info", projectUri("tidak_ada")}), 3, "does not exist", "unknown project");
    // A schema newer than the program.
    const std::string newer = projectUri("newer");
    ASSERT_EQ(runCli({"copy", ":default", newer, "--replace"}).code, 0);
    const std::string schema = newer.substr(newer.find("project=") + 8);
    ASSERT_EQ(std::system(("psql -X -q '" + serverUri() + "' -c \"UPDATE " + schema
                           + ".meta SET value = '99' WHERE key = 'schema_version'\" >/dev/null")
                              .c_str()),
              0);
    expectOneLine(runCli({"info", newer}), 3, "newer than this program", "newer schema");
    expectOneLine(runCli({"export", newer, "--out", (testutil::tempDir("cli_copy_newer_server") / "e.csv").string()}),
                  3, "newer than this program", "newer schema, export");
    EXPECT_EQ(
        std::system(("psql -X -q '" + serverUri() + "' -c 'DROP SCHEMA " + schema + " CASCADE' >/dev/null").c_str()),
        0);
}

TEST(CliCopy, FileToFileKeepsTheRasters)
{
    const fs::path dir = testutil::tempDir("cli_copy_rasters");
    const std::string demo = (dir / "demo.sasaran.sqlite").string();
    const std::string copy = (dir / "salinan.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", demo}).code, 0);
    const auto r = runCli({"copy", demo, copy});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(", 1 raster(s)"), std::string::npos) << r.out;
    const auto original = gis::loadRaster(demo, gis::RasterKind::Dem);
    const auto copied = gis::loadRaster(copy, gis::RasterKind::Dem);
    ASSERT_TRUE(original && copied);
    EXPECT_EQ(copied->grid.width, original->grid.width);
    EXPECT_EQ(copied->grid.height, original->grid.height);
    EXPECT_EQ(copied->grid.crs, original->grid.crs);
    EXPECT_EQ(std::memcmp(copied->grid.values.data(), original->grid.values.data(),
                          original->grid.values.size() * sizeof(float)),
              0)
        << "every DEM cell, bit for bit (NaN included)";
    EXPECT_EQ(copied->source, original->source);

    // Replaced by a project without rasters (the embedded data), the copy keeps no stale DEM.
    ASSERT_EQ(runCli({"copy", ":default", copy, "--replace"}).code, 0);
    EXPECT_FALSE(gis::loadRaster(copy, gis::RasterKind::Dem).has_value());
    EXPECT_TRUE(gis::storedRasterKinds(copy).empty());
}

TEST(CliGrant, AReaderMayCopyTheProjectOutButNotReplaceIt)
{
    if (serverUri().empty())
        GTEST_SKIP() << "SASARAN_TEST_PG_URI is not set: no PostgreSQL server (scripts/test.sh starts one)";
    const fs::path dir = testutil::tempDir("cli_grant");
    const std::string server = projectUri("grant");
    ASSERT_EQ(runCli({"copy", ":default", server, "--replace"}).code, 0);
    const std::string role = "c" + std::to_string(::getpid()) + "_pembaca";
    ASSERT_EQ(std::system(("psql -X -q '" + serverUri() + "' -c 'DROP ROLE IF EXISTS " + role + "' -c 'CREATE ROLE "
                           + role + " LOGIN' >/dev/null")
                              .c_str()),
              0);
    auto r = runCli({"grant", server, "--reader", role});
    ASSERT_EQ(r.code, 0) << r.err;
    std::string asReader = server;
    asReader.replace(asReader.find("://") + 3, asReader.find('@') - asReader.find("://") - 3, role);
    // A reader may read (copy the project out) but not replace it.
    r = runCli({"copy", asReader, (dir / "lokal.sasaran.sqlite").string()});
    EXPECT_EQ(r.code, 0) << r.err;
    r = runCli({"copy", ":default", asReader, "--replace"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("hanya-baca"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

TEST(CliGrant, TheOwnerImportsRastersOnTheServerAndReadersTravelOnThem)
{
    if (serverUri().empty())
        GTEST_SKIP() << "SASARAN_TEST_PG_URI is not set: no PostgreSQL server (scripts/test.sh starts one)";
    const fs::path dir = testutil::tempDir("cli_server_raster");
    const std::string demo = (dir / "demo.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", demo}).code, 0);
    // A project from the embedded data: no raster; the owner then keeps the demo's DEM in it.
    const std::string server = projectUri("raster");
    ASSERT_EQ(runCli({"copy", ":default", server, "--replace"}).code, 0);
    EXPECT_TRUE(gis::storedRasterKinds(server).empty());
    const auto demoDem = gis::loadRaster(demo, gis::RasterKind::Dem);
    ASSERT_TRUE(demoDem.has_value());
    const std::string tif = (dir / "dem.tif").string();
    {
        std::ofstream out(tif, std::ios::binary);
        const std::string bytes = gis::encodeGeoTiff(demoDem->grid);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    auto r = runCli({"import", "raster", server, tif, "--kind", "dem", "--period", "uji"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto kept = gis::loadRaster(server, gis::RasterKind::Dem);
    ASSERT_TRUE(kept.has_value());
    EXPECT_EQ(kept->source, "dem.tif");
    EXPECT_EQ(kept->period, "uji");
    EXPECT_EQ(kept->grid.cellSize, 100.0);

    // A role granted reading after the raster table exists reads the DEM: its travel times are
    // the file's, cell for cell (the file project holds the same DEM).
    const std::string role = "c" + std::to_string(::getpid()) + "_baca_dem";
    ASSERT_EQ(std::system(("psql -X -q '" + serverUri() + "' -c 'DROP ROLE IF EXISTS " + role + "' -c 'CREATE ROLE "
                           + role + " LOGIN' >/dev/null")
                              .c_str()),
              0);
    ASSERT_EQ(runCli({"grant", server, "--reader", role}).code, 0);
    std::string asReader = server;
    asReader.replace(asReader.find("://") + 3, asReader.find('@') - asReader.find("://") - 3, role);
    const std::string file = (dir / "file.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"copy", ":default", file}).code, 0);
    ASSERT_EQ(runCli({"import", "raster", file, tif, "--kind", "dem", "--period", "uji"}).code, 0);
    r = runCli({"travel", asReader, "--to", "PUSKESMAS", "--out", (dir / "server.tif").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli({"travel", file, "--to", "PUSKESMAS", "--out", (dir / "file.tif").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const gis::RasterGrid fromServer = gis::decodeGeoTiff(testutil::readFile(dir / "server.tif"), "server.tif");
    const gis::RasterGrid fromFile = gis::decodeGeoTiff(testutil::readFile(dir / "file.tif"), "file.tif");
    ASSERT_EQ(fromServer.values.size(), fromFile.values.size());
    ASSERT_GT(fromFile.values.size(), 100000u);
    EXPECT_EQ(std::memcmp(fromServer.values.data(), fromFile.values.data(), fromFile.values.size() * sizeof(float)),
              0)
        << "the server's DEM gives the file's minutes";

    // Only the owner replaces a raster; the project keeps the owner's.
    r = runCli({"import", "raster", asReader, tif, "--kind", "dem", "--period", "lain"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("only the owner"), std::string::npos) << r.err;
    EXPECT_EQ(gis::loadRaster(server, gis::RasterKind::Dem)->period, "uji");

    // A project from before server rasters has no raster table: the owner's first import makes
    // it, and the roles that could read the project before read it too.
    const std::string schema = server.substr(server.find("project=") + 8);
    ASSERT_EQ(std::system(("psql -X -q '" + serverUri() + "' -c 'DROP TABLE " + schema + ".raster' >/dev/null").c_str()),
              0);
    EXPECT_TRUE(gis::storedRasterKinds(asReader).empty());
    ASSERT_EQ(runCli({"import", "raster", server, tif, "--kind", "dem", "--period", "baru"}).code, 0);
    const auto seen = gis::loadRaster(asReader, gis::RasterKind::Dem);
    ASSERT_TRUE(seen.has_value()) << "the reader reads the new table";
    EXPECT_EQ(seen->period, "baru");
}

TEST(CliCopy, TheExportLogGoesWithTheProjectWithItsTimesAndUsers)
{
    const fs::path dir = testutil::tempDir("cli_copy_exportlog");
    const std::string demo = (dir / "demo.sasaran.sqlite").string();
    const std::string copy = (dir / "salinan.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", demo}).code, 0);
    ASSERT_EQ(runCli({"export", demo, "--out", (dir / "tabel.csv").string()}).code, 0);
    ASSERT_EQ(runCli({"map", demo, "--out", (dir / "peta.png").string()}).code, 0);
    const std::vector<gis::ExportLogEntry> logged = gis::openProject(demo, gis::OpenMode::ReadOnly)->exportLog();
    ASSERT_EQ(logged.size(), 2u);
    EXPECT_EQ(logged[0].what, "export");
    EXPECT_EQ(logged[1].what, "map");

    auto r = runCli({"copy", demo, copy});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(", 2 export-log rows"), std::string::npos) << r.out;
    EXPECT_EQ(gis::openProject(copy, gis::OpenMode::ReadOnly)->exportLog(), logged)
        << "the same rows, with the times and users of the exports, not of the copy";

    if (serverUri().empty())
        GTEST_SKIP() << "file to file checked; SASARAN_TEST_PG_URI is not set for file -> server -> file";
    const std::string server = projectUri("exportlog");
    const std::string back = (dir / "kembali.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"copy", demo, server, "--replace"}).code, 0);
    EXPECT_EQ(gis::openProject(server, gis::OpenMode::ReadOnly)->exportLog(), logged);
    ASSERT_EQ(runCli({"copy", server, back}).code, 0);
    EXPECT_EQ(gis::openProject(back, gis::OpenMode::ReadOnly)->exportLog(), logged);
}
