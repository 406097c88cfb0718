// sasaran-cli place and pokdarwis, run in-process.
#include "cliutil.h"
#include "testutil.h"

#include "gis/project.h"

#include <gtest/gtest.h>

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
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5", "--save",
                          "--out", csv});
    EXPECT_EQ(r.code, 2);
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5", "--out",
                          (dir / "missing" / "p.csv").string()});
    EXPECT_EQ(r.code, 4) << r.err;
    r = testutil::runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5",
                          "--candidates", "18.99.99.9999", "--out", csv});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("18.99.99.9999"), std::string::npos);
}

TEST(PlaceCli, SaveStoresTheRunInTheProject)
{
    const auto dir = testutil::tempDir("place_cli_save");
    const std::string project = (dir / "t.sasaran.sqlite").string();
    ASSERT_EQ(testutil::runCli({"demo", project}).code, 0);
    const auto r = testutil::runCli({"place", project, "--kind", "PUSKESSOS", "--count", "3", "--radius-km", "5",
                                     "--save", "--out", (dir / "p.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("saved run in the project as meta program."), std::string::npos);
    const gis::Dataset ds = gis::loadProject(project);
    bool found = false;
    for (const auto& [key, value] : ds.meta) {
        if (key.rfind("program.", 0) == 0) {
            found = true;
            EXPECT_NE(value.find("\"count\":3"), std::string::npos) << value;
        }
    }
    EXPECT_TRUE(found);
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
}
