// sasaran-cli hotspots, run in-process: the CSV's columns and rows, the printed summary, usage
// and input errors.
#include "cliutil.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<std::vector<std::string>> readCsvRows(const fs::path& path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line))
        rows.push_back(testutil::splitCsvLine(line));
    return rows;
}

std::string slurp(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(CliHotspots, WritesOneRowPerPekonAndPrintsMoransI)
{
    const auto dir = testutil::tempDir("cli_hotspots");
    const auto csv = dir / "hotspots.csv";
    const auto r = testutil::runCli({"hotspots", ":default", "--indicator", "poverty_rate", "--period", "2018",
                                     "--permutations", "199", "--seed", "7", "--out", csv.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Moran's I: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("E[I]: -0.0033"), std::string::npos) << r.out; // -1/301
    EXPECT_NE(r.out.find("islands left out"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("high-high"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("302 rows"), std::string::npos) << r.out;

    const auto rows = readCsvRows(csv);
    ASSERT_EQ(rows.size(), 303u);
    EXPECT_EQ(rows[0],
              (std::vector<std::string>{"kode", "nama", "kecamatan", "value", "lag", "local_i", "p_value", "cluster",
                                        "n_neighbours"}));
    std::size_t islands = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 9u) << i;
        EXPECT_EQ(rows[i][0].rfind("18.06.", 0), 0u) << rows[i][0];
        EXPECT_FALSE(rows[i][3].empty()) << i;
        if (rows[i][8] == "0") {
            // An island: left out of the statistics, its numbers empty.
            ++islands;
            EXPECT_EQ(rows[i][7], "not tested");
            EXPECT_TRUE(rows[i][6].empty());
        } else {
            EXPECT_FALSE(rows[i][6].empty());
        }
    }
    EXPECT_LE(islands, 2u);
    EXPECT_NE(r.out.find(fmt::format("islands left out (no neighbour with a value): {}", islands)), std::string::npos)
        << r.out;

    // Same seed, same file.
    const auto csv2 = dir / "again.csv";
    const auto r2 = testutil::runCli({"hotspots", ":default", "--indicator", "poverty_rate", "--period", "2018",
                                      "--permutations", "199", "--seed", "7", "--out", csv2.string()});
    ASSERT_EQ(r2.code, 0) << r2.err;
    EXPECT_EQ(slurp(csv), slurp(csv2));
}

TEST(CliHotspots, SmoothedRateWithKnnWeightsAndFdr)
{
    const auto dir = testutil::tempDir("cli_hotspots_eb");
    const auto csv = dir / "eb.csv";
    const auto r = testutil::runCli({"hotspots", ":default", "--indicator", "poverty_rate_eb", "--weights", "knn",
                                     "--k", "5", "--permutations", "99", "--fdr", "--out", csv.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("5 nearest neighbours"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("FDR"), std::string::npos) << r.out;
    const auto rows = readCsvRows(csv);
    ASSERT_EQ(rows.size(), 303u);
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_EQ(rows[i][8], "5");
}

TEST(CliHotspots, ExitCodes)
{
    const auto dir = testutil::tempDir("cli_hotspots_errors");
    const std::string csv = (dir / "x.csv").string();
    EXPECT_EQ(
        testutil::runCli({"hotspots", ":default", "--indicator", "poverty_rate", "--weights", "rook", "--out", csv})
            .code,
        2);
    EXPECT_EQ(testutil::runCli({"hotspots", ":default", "--out", csv}).code, 2); // no --indicator
    const auto missing = testutil::runCli(
        {"hotspots", (dir / "missing.sasaran.sqlite").string(), "--indicator", "poverty_rate", "--out", csv});
    EXPECT_EQ(missing.code, 3) << missing.err;
    EXPECT_NE(missing.err.find("missing.sasaran.sqlite"), std::string::npos) << missing.err;
    const auto unwritable = testutil::runCli({"hotspots", ":default", "--indicator", "poverty_rate", "--permutations",
                                              "9", "--out", (dir / "no" / "x.csv").string()});
    EXPECT_EQ(unwritable.code, 4) << unwritable.err;
    const auto badKey =
        testutil::runCli({"hotspots", ":default", "--indicator", "nonsense", "--permutations", "9", "--out", csv});
    EXPECT_EQ(badKey.code, 1);
    EXPECT_NE(badKey.err.find("poverty_rate_eb"), std::string::npos) << badKey.err;
    EXPECT_FALSE(fs::exists(csv));
}
