// sasaran-cli analyze, run in-process: the table's columns and rows, the ranking, scheme files.
#include "cliutil.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using testutil::CliResult;
using testutil::runCli;

std::vector<std::vector<std::string>> readCsv(const fs::path& path)
{
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line))
        rows.push_back(testutil::splitCsvLine(line));
    return rows;
}

std::size_t indexOf(const std::vector<std::string>& header, const std::string& name)
{
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << name;
    return static_cast<std::size_t>(it - header.begin());
}

} // namespace

TEST(CliAnalyze, WritesTheTableWithTheRequiredColumnsAndRanking)
{
    const auto dir = testutil::tempDir("cli_analyze");
    const auto csv = dir / "prioritas.csv";
    const CliResult r = runCli({"analyze", ":default", "--period", "2018", "--out", csv.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("top 10 by priority"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("  1. "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ILLUSTRATIVE"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("302 rows"), std::string::npos) << r.out;

    const auto rows = readCsv(csv);
    ASSERT_EQ(rows.size(), 303u);
    const std::vector<std::string> required{"kode",
                                            "nama",
                                            "kecamatan",
                                            "area_km2",
                                            "penduduk",
                                            "miskin",
                                            "poverty_rate",
                                            "poor_density_km2",
                                            "n_bumdes",
                                            "n_puskessos",
                                            "dist_bumdes_km",
                                            "dist_puskessos_km",
                                            "dist_capital_km",
                                            "priority_score",
                                            "priority_rank"};
    const auto& header = rows[0];
    ASSERT_GE(header.size(), required.size());
    EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + static_cast<long>(required.size())), required);
    for (const char* contrib : {"contrib_poverty_rate", "contrib_poor_density_km2", "contrib_dist_puskessos_km",
                                "contrib_no_bumdes", "contrib_dist_capital_km"})
        EXPECT_EQ(header[indexOf(header, contrib)], contrib);
    EXPECT_EQ(header[header.size() - 4], "dist_kecamatan_km");
    EXPECT_EQ(header[header.size() - 3], "poverty_rate_eb");
    EXPECT_EQ(header[header.size() - 2], "island_status");
    EXPECT_EQ(header.back(), "island_km2");
    // The two illustrative pekon on Pulau Tabuan are wholly on the island.
    const std::size_t island = indexOf(header, "island_status");
    int wholly = 0;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i][island] == "2") {
            ++wholly;
            EXPECT_TRUE(rows[i][0] == "18.06.16.2005" || rows[i][0] == "18.06.09.2030") << rows[i][0];
        }
    EXPECT_EQ(wholly, 2);

    const std::size_t score = indexOf(header, "priority_score"), rank = indexOf(header, "priority_rank");
    double maxScore = -1, rankOneScore = -2;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), header.size()) << i;
        EXPECT_EQ(rows[i][0].rfind("18.06.", 0), 0u) << rows[i][0];
        const double s = std::stod(rows[i][score]);
        maxScore = std::max(maxScore, s);
        if (rows[i][rank] == "1")
            rankOneScore = s;
    }
    EXPECT_EQ(rankOneScore, maxScore);
    EXPECT_GT(maxScore, 0.0);
    EXPECT_LE(maxScore, 100.0);
}

TEST(CliAnalyze, WriteSchemeThenUseIt)
{
    const auto dir = testutil::tempDir("cli_analyze_scheme");
    const auto scheme = dir / "skema.json";
    CliResult r = runCli({"analyze", "--write-scheme", scheme.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    ASSERT_TRUE(fs::exists(scheme));
    std::ifstream in(scheme);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(json.find("\"dist_puskessos_km\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"no_bumdes\""), std::string::npos) << json;

    const auto csv = dir / "hasil.csv";
    r = runCli({"analyze", ":default", "--scheme", scheme.string(), "--out", csv.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(readCsv(csv).size(), 303u);
}

TEST(CliAnalyze, UnknownSchemeFileIsAnInputErrorNamingTheFile)
{
    const auto dir = testutil::tempDir("cli_analyze_missing");
    const auto missing = dir / "tidak-ada.json";
    const auto csv = dir / "hasil.csv";
    const CliResult r = runCli({"analyze", ":default", "--scheme", missing.string(), "--out", csv.string()});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find(missing.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(csv));
}

TEST(CliAnalyze, UsageErrors)
{
    EXPECT_EQ(runCli({"analyze", ":default"}).code, 2);
    const auto dir = testutil::tempDir("cli_analyze_usage");
    EXPECT_EQ(runCli({"analyze", ":default", "--out", (dir / "x.docx").string()}).code, 2);
    const CliResult xlsx = runCli({"analyze", ":default", "--out", (dir / "x.xlsx").string()});
    EXPECT_EQ(xlsx.code, 0) << xlsx.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "x.xlsx"));
    const CliResult r = runCli({"analyze", ":default", "--out", (dir / "no-folder" / "x.csv").string()});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("no-folder"), std::string::npos) << r.err;
}

TEST(CliAnalyze, RoadsAddTravelMinutesAlongTheNetwork)
{
    const auto dir = testutil::tempDir("cli_analyze_roads");
    // One straight road due east from Kota Agung (104.625 E, 5.495 S) at 36 km/h: 0.6 km a minute.
    const auto roads = dir / "jalan.geojson";
    testutil::writeFile(roads, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},
      "features":[{"type":"Feature","properties":{"kelas":"kolektor"},
      "geometry":{"type":"LineString","coordinates":[[104.625,-5.495],[104.9,-5.495]]}}]})");
    const auto csv = dir / "analisis.csv";
    const auto r = runCli({"analyze", ":default", "--out", csv.string(), "--roads", roads.string(),
                           "--road-class-field", "kelas", "--road-speeds", "kolektor=36", "--offroad-speed", "6"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("roads: 2 nodes, 1 edges, 1 connected parts"), std::string::npos) << r.out;
    const auto rows = readCsv(csv);
    const auto& header = rows[0];
    const std::size_t capital = indexOf(header, "travel_capital_min");
    ASSERT_LT(capital, header.size());
    EXPECT_LT(indexOf(header, "travel_puskessos_min"), header.size());
    int withTime = 0;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (!rows[i][capital].empty()) {
            ++withTime;
            EXPECT_GT(std::stod(rows[i][capital]), 0.0) << rows[i][0];
        }
    EXPECT_EQ(withTime, 302) << "every pekon walks to the one road, then drives";

    const auto bad =
        runCli({"analyze", ":default", "--out", csv.string(), "--roads", roads.string(), "--road-speeds", "kolektor"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("--road-speeds"), std::string::npos) << bad.err;
}

TEST(CliAnalyze, SchemesAreKeptInTheProjectAndUsedByName)
{
    const auto dir = testutil::tempDir("cli_analyze_keep_scheme");
    const auto project = dir / "t.sasaran.sqlite";
    ASSERT_EQ(runCli({"demo", project.string()}).code, 0);
    const auto schemeFile = dir / "skema.json";
    testutil::writeFile(schemeFile, R"({"name": "hanya kemiskinan", "missing": "exclude_village",
      "indicators": [{"key": "poverty_rate", "direction": "higher_is_worse", "normalisation": "minmax", "weight": 1}]})");
    const auto first = runCli({"analyze", project.string(), "--scheme", schemeFile.string(), "--keep-scheme", "--out",
                               (dir / "a.csv").string()});
    ASSERT_EQ(first.code, 0) << first.err;
    EXPECT_NE(first.out.find("kept scheme 'hanya kemiskinan'"), std::string::npos) << first.out;
    const auto byName =
        runCli({"analyze", project.string(), "--scheme", "hanya kemiskinan", "--out", (dir / "b.csv").string()});
    ASSERT_EQ(byName.code, 0) << byName.err;
    EXPECT_NE(byName.out.find("scheme: hanya kemiskinan (1 indicators"), std::string::npos) << byName.out;
    const auto unknown =
        runCli({"analyze", project.string(), "--scheme", "tidak ada", "--out", (dir / "c.csv").string()});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_NE(unknown.err.find("hanya kemiskinan"), std::string::npos) << "lists the kept schemes: " << unknown.err;
}
