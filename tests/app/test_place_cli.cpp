// sasaran-cli place and pokdarwis, run in-process.
#include "cliutil.h"
#include "testutil.h"

#include "../gis/sqlprobe.h"
#include "gis/project.h"

#include <fmt/format.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

std::size_t lineCount(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line))
        ++n;
    return n;
}

} // namespace

TEST(PlaceCli, TenPuskessosWithinFiveKmReportBothChoices)
{
    const auto dir = testutil::tempDir("place_cli");
    const std::string csv = (dir / "place.csv").string();
    const auto r = testutil::runCli(
        {"place", ":default", "--kind", "PUSKESSOS", "--count", "10", "--radius-km", "5", "--out", csv});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("sites in order of marginal gain"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("covered before:"), std::string::npos);
    EXPECT_NE(r.out.find("the 10 highest-priority pekon (default scheme) would cover"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2SFCA access"), std::string::npos);
    std::cout << r.out;
    EXPECT_EQ(lineCount(csv), 303u);
}

TEST(PlaceCli, PMedianAndUsageErrors)
{
    const auto dir = testutil::tempDir("place_cli_pmedian");
    const std::string csv = (dir / "p.csv").string();
    auto r = testutil::runCli({"place", ":default", "--kind", "BUMDES", "--count", "5", "--radius-km", "5", "--method",
                               "pmedian", "--out", csv});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("demand-weighted km"), std::string::npos) << r.out;

    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--out", csv});
    EXPECT_EQ(r.code, 2);
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--minutes", "30", "--out", csv});
    EXPECT_EQ(r.code, 2);
    r = testutil::runCli(
        {"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5", "--save", "--out", csv});
    EXPECT_EQ(r.code, 2);
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5", "--out",
                          (dir / "missing" / "p.csv").string()});
    EXPECT_EQ(r.code, 4) << r.err;
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5",
                          "--candidates", "18.99.99.9999", "--out", csv});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("18.99.99.9999"), std::string::npos);
}

TEST(PlaceCli, SaveStoresTheRunInTheProgramTableAndProgramsListsIt)
{
    const auto dir = testutil::tempDir("place_cli_save");
    const std::string project = (dir / "t.sasaran.sqlite").string();
    ASSERT_EQ(testutil::runCli({"demo", project}).code, 0);
    auto r = testutil::runCli({"programs", project});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("no saved placement runs"), std::string::npos) << r.out;
    r = testutil::runCli({"place", project, "--kind", "PUSKESSOS", "--count", "3", "--radius-km", "5", "--save",
                          "--out", (dir / "p.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("saved as program 1 in the project"), std::string::npos) << r.out;
    r = testutil::runCli({"place", project, "--kind", "PUSKESSOS", "--count", "3", "--radius-km", "5", "--capacity",
                          "2000", "--save", "--out", (dir / "p2.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("saved as program 2"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    ASSERT_EQ(ds.programs.size(), 2u);
    EXPECT_EQ(ds.programs[0].count, 3u);
    EXPECT_FALSE(ds.programs[0].capacity);
    EXPECT_EQ(ds.programs[1].capacity, 2000.0);
    for (const auto& [key, value] : ds.meta)
        EXPECT_NE(key.rfind("program.", 0), 0u) << key;

    testutil::SqlProbe sql(project);
    EXPECT_EQ(sql.number("SELECT count(*) FROM program"), 2);
    EXPECT_EQ(sql.number("SELECT count(*) FROM program_site"), 6);

    r = testutil::runCli({"programs", project});
    ASSERT_EQ(r.code, 0) << r.err;
    std::cout << r.out;
    const auto covered = [](const gis::PlacementRun& run) {
        return fmt::format("{:.0f} -> {:.0f}", *run.coveredBefore, *run.coveredAfter);
    };
    EXPECT_NE(r.out.find(covered(ds.programs[0])), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(covered(ds.programs[1])), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 runs"), std::string::npos) << r.out;
    EXPECT_EQ(testutil::runCli({"programs", ":default"}).code, 2);
    EXPECT_EQ(testutil::runCli({"programs", (dir / "none.sqlite").string()}).code, 3);
}

TEST(PlaceCli, CapacityAndGeoPackageOutput)
{
    const auto dir = testutil::tempDir("place_cli_gpkg");
    const std::string gpkg = (dir / "place.gpkg").string();
    const auto r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "10", "--radius-km", "5",
                                     "--capacity", "2000", "--out", gpkg});
    ASSERT_EQ(r.code, 0) << r.err;
    std::cout << r.out;
    EXPECT_NE(r.out.find("capacity: 2000 miskin per PUSKESSOS"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("served under capacity"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("wrote layers lokasi_baru and desa"), std::string::npos) << r.out;
    testutil::SqlProbe sql(gpkg);
    EXPECT_EQ(sql.number("SELECT count(*) FROM lokasi_baru"), 10);
    EXPECT_EQ(sql.number("SELECT count(*) FROM desa"), 302);
    EXPECT_LE(sql.number("SELECT max(served) FROM lokasi_baru"), 2000);
    // Villages get from new sites what the sites serve; the rest comes from the two existing ones.
    const double fromExisting =
        sql.number("SELECT sum(served) FROM desa") - sql.number("SELECT sum(served) FROM lokasi_baru");
    EXPECT_GE(fromExisting, -1e-6);
    EXPECT_LE(fromExisting, 2 * 2000 + 1e-6);
    EXPECT_EQ(sql.number("SELECT count(*) FROM desa WHERE new_site_order IS NOT NULL"), 10);
    EXPECT_EQ(sql.number("SELECT count(*) FROM gpkg_contents WHERE data_type = 'features'"), 2);
}

TEST(PlaceCli, UnknownOutputExtensionIsRefusedNamingTheFile)
{
    const auto dir = testutil::tempDir("place_cli_ext");
    const std::string bad = (dir / "sites.shp").string();
    auto r = testutil::runCli(
        {"place", ":default", "--kind", "PUSKESSOS", "--count", "2", "--radius-km", "5", "--out", bad});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(".csv or .gpkg"), std::string::npos) << r.err;
    r = testutil::runCli({"pokdarwis", ":default", "--out", (dir / "rank.xlsx").string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find((dir / "rank.xlsx").string()), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(bad));
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "2", "--radius-km", "5", "--capacity",
                          "0", "--out", (dir / "p.csv").string()});
    EXPECT_EQ(r.code, 2) << "a capacity must be positive";
}

TEST(PokdarwisCli, RanksAndWritesCsv)
{
    const auto dir = testutil::tempDir("pokdarwis_cli");
    const std::string csv = (dir / "pokdarwis.csv").string();
    const auto r = testutil::runCli({"pokdarwis", ":default", "--out", csv});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("top 10 candidates"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("attractions_near"), std::string::npos);
    EXPECT_EQ(lineCount(csv), 303u);
    const auto bad = testutil::runCli({"pokdarwis", ":default", "--out", (dir / "x" / "p.csv").string()});
    EXPECT_EQ(bad.code, 4);
    const std::string gpkg = (dir / "pokdarwis.gpkg").string();
    const auto g = testutil::runCli({"pokdarwis", ":default", "--out", gpkg});
    ASSERT_EQ(g.code, 0) << g.err;
    EXPECT_NE(g.out.find("wrote layer pokdarwis"), std::string::npos) << g.out;
    testutil::SqlProbe sql(gpkg);
    EXPECT_EQ(sql.number("SELECT count(*) FROM pokdarwis"), 302);
    EXPECT_EQ(sql.number("SELECT min(rank) FROM pokdarwis"), 1);
    EXPECT_EQ(sql.number("SELECT count(*) FROM pokdarwis WHERE rank IS NULL"),
              sql.number("SELECT count(*) FROM pokdarwis WHERE has_pokdarwis = 1")
                  + sql.number("SELECT count(*) FROM pokdarwis WHERE has_pokdarwis = 0 AND score IS NULL"));
    const auto gb = testutil::runCli({"pokdarwis", ":default", "--out", (dir / "x" / "p.gpkg").string()});
    EXPECT_EQ(gb.code, 4);
    EXPECT_NE(gb.err.find("p.gpkg"), std::string::npos) << gb.err;
}

TEST(PlaceCli, ASettingTheLibraryRefusesIsNamedByItsOption)
{
    const auto dir = testutil::tempDir("place_cli_option");
    auto r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "2", "--radius-km", "5",
                               "--candidates", "priority_rank<=many", "--out", (dir / "p.csv").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("priority_rank<=many"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("(option --candidates)"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "p.csv"));
    // Usage errors are exit code 2 with one "sasaran-cli: error:" line naming the options.
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "2", "--radius-km", "5", "--minutes",
                          "10", "--out", (dir / "p.csv").string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "sasaran-cli: error: place needs exactly one of --radius-km R or --minutes T\n");
    r = testutil::runCli({"programs", ":default"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("programs needs a project file"), std::string::npos) << r.err;
}
