// sasaran-cli with two periods: analyze --compare adds the earlier values and the change, map
// draws the change, atlas and report gain a change page; import table reads any OGR source with
// FILE:LAYER and writes its match report beside the project, never beside the input.
#include "cliutil.h"
#include "gis/demo.h"
#include "gis/project.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using testutil::runCli;
using ::testing::HasSubstr;

namespace {

/// One row per pekon of a CSV written by analyze, by kode.
std::map<std::string, std::map<std::string, std::string>> csvByKode(const fs::path& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = testutil::splitCsvLine(line);
    std::map<std::string, std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        const std::vector<std::string> cells = testutil::splitCsvLine(line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
            row[header[i]] = cells[i];
        rows[row["kode"]] = row;
    }
    return rows;
}

/// A demo project with a 2019 table: every pekon but Way Pring, each with 10 fewer poor people
/// than in 2018 and the same population. Returns the 2018 (penduduk, miskin) by code.
std::map<std::string, std::pair<double, double>> twoPeriodProject(const fs::path& dir, const std::string& project)
{
    EXPECT_EQ(runCli({"demo", project}).code, 0);
    const gis::Dataset ds = gis::loadProject(project);
    std::map<std::string, std::pair<double, double>> held;
    for (const gis::IndicatorValue& v : ds.indicators) {
        if (v.period != "2018")
            continue;
        if (v.key == "penduduk")
            held[v.areaCode].first = v.value;
        else if (v.key == "miskin")
            held[v.areaCode].second = v.value;
    }
    std::string csv = "kode,penduduk,miskin\n";
    for (const auto& [code, pm] : held)
        if (code != "18.06.11.2020")
            csv += code + "," + std::to_string(static_cast<long>(pm.first)) + ","
                + std::to_string(static_cast<long>(pm.second) - 10) + "\n";
    testutil::writeFile(dir / "2019.csv", csv);
    const auto r = runCli({"import", "table", project, (dir / "2019.csv").string(), "--period", "2019", "--indicator",
                           "penduduk=penduduk", "--indicator", "miskin=miskin", "--code-field", "kode"});
    EXPECT_EQ(r.code, 0) << r.err << r.out;
    return held;
}

std::vector<std::string> fieldNames(const fs::path& path)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_VECTOR));
    std::vector<std::string> names;
    if (!ds)
        return names;
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    return names;
}

} // namespace

TEST(CompareCli, AnalyzeAddsEarlierValuesAndTheChangeForEveryIndicatorOfBothPeriods)
{
    const fs::path dir = testutil::tempDir("cli_compare_analyze");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    const auto held = twoPeriodProject(dir, project);

    const fs::path out = dir / "c.csv";
    auto r = runCli({"analyze", project, "--period", "2019", "--compare", "2018", "--out", out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("change 2018 -> 2019: columns <key>_2018 and change_<key> for miskin, penduduk, "
                                 "poverty_rate, poor_density_km2, pop_density_km2"));
    EXPECT_THAT(r.out, HasSubstr("change_poverty_rate (percentage points): 301 of 302 pekon hold both periods; 301 "
                                 "down, 0 up"));
    const auto rows = csvByKode(out);
    ASSERT_EQ(rows.size(), 302u);
    // Kuripan: 10 fewer poor of the same population: -1000 / penduduk percentage points
    const auto& [penduduk, miskin] = held.at("18.06.01.1003");
    const auto& kuripan = rows.at("18.06.01.1003");
    EXPECT_DOUBLE_EQ(std::stod(kuripan.at("miskin_2018")), miskin);
    EXPECT_DOUBLE_EQ(std::stod(kuripan.at("change_miskin")), -10.0);
    EXPECT_DOUBLE_EQ(std::stod(kuripan.at("change_penduduk")), 0.0);
    EXPECT_NEAR(std::stod(kuripan.at("poverty_rate_2018")), 100.0 * miskin / penduduk, 1e-6);
    EXPECT_NEAR(std::stod(kuripan.at("change_poverty_rate")), -1000.0 / penduduk, 1e-6);
    // Way Pring has no 2019 value: empty cells, not 0
    const auto& wayPring = rows.at("18.06.11.2020");
    EXPECT_EQ(wayPring.at("change_poverty_rate"), "");
    EXPECT_EQ(wayPring.at("change_miskin"), "");
    EXPECT_NE(wayPring.at("poverty_rate_2018"), "");

    // The same columns in GeoJSON and XLSX.
    for (const char* ext : {".geojson", ".xlsx"}) {
        const fs::path file = dir / (std::string("c") + ext);
        r = runCli({"analyze", project, "--period", "2019", "--compare", "2018", "--out", file.string()});
        ASSERT_EQ(r.code, 0) << r.err;
        const std::vector<std::string> names = fieldNames(file);
        for (const char* column : {"poverty_rate_2018", "change_poverty_rate", "change_miskin", "penduduk_2018"})
            EXPECT_NE(std::find(names.begin(), names.end(), column), names.end()) << ext << " " << column;
    }

    // The analysed period itself, or one without values: refused, named by the option.
    r = runCli({"analyze", project, "--period", "2019", "--compare", "2019", "--out", out.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("--compare: the period to compare with is the analysed period itself (2019)"));
    r = runCli({"analyze", project, "--period", "2019", "--compare", "2010", "--out", out.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("no indicator is held in both period 2019 and period 2010; periods held: 2018, 2019"));
}

TEST(CompareCli, MapAtlasAndReportShowTheChangeWithBothPeriods)
{
    const fs::path dir = testutil::tempDir("cli_compare_maps");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    twoPeriodProject(dir, project);

    const fs::path map = dir / "change.pdf";
    auto r = runCli({"map", project, "--indicator", "change_poverty_rate", "--period", "2019", "--compare", "2018",
                     "--out", map.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("Perubahan Tingkat Kemiskinan per Pekon — Kabupaten Tanggamus, 2018 → 2019"));
    r = runCli({"map", project, "--indicator", "change_poverty_rate", "--out", map.string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("--compare: the map of 'change_poverty_rate' shows the change between two periods"));

    const fs::path atlas = dir / "atlas.pdf";
    r = runCli({"atlas", project, "--period", "2019", "--compare", "2018", "--preset", "email", "--out",
                atlas.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("22 pages: cover + change 2018 -> 2019 + 20 kecamatan"));
    const fs::path report = dir / "rakor.pdf";
    r = runCli({"report", project, "--period", "2019", "--out", (dir / "plain.pdf").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli({"report", project, "--period", "2019", "--compare", "2018", "--out", report.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    if (!testutil::havePoppler())
        GTEST_SKIP() << "poppler-utils not installed: page texts not checked";
    EXPECT_THAT(testutil::pdfText(map), HasSubstr("periode 2018 → 2019"));
    EXPECT_EQ(testutil::pdfPageCount(atlas), 22);
    EXPECT_THAT(testutil::pdfText(atlas), HasSubstr("Perubahan Tingkat Kemiskinan per Pekon"));
    EXPECT_EQ(testutil::pdfPageCount(report), testutil::pdfPageCount(dir / "plain.pdf") + 1);
    EXPECT_THAT(testutil::pdfText(report), HasSubstr("Kabupaten Tanggamus, 2018 → 2019"));
}

TEST(CompareCli, ImportTableReadsAGeoPackageLayerAndReportsBesideTheProject)
{
    const fs::path dir = testutil::tempDir("cli_import_ogr_table");
    fs::create_directories(dir / "bersama");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", project}).code, 0);
    const fs::path csv = dir / "bersama" / "rekap.csv";
    testutil::writeFile(csv, "kode,miskin\n18.06.01.1003,140\n18.06.03.2019,200\n");
    const fs::path gpkg = dir / "bersama" / "rekap.gpkg";
    ASSERT_EQ(std::system(("ogr2ogr -f GPKG '" + gpkg.string() + "' '" + csv.string()
                           + "' -nln miskin_2019 -oo AUTODETECT_TYPE=YES >/dev/null 2>&1")
                              .c_str()),
              0);
    ASSERT_EQ(std::system(("ogr2ogr -update -f GPKG '" + gpkg.string() + "' '" + csv.string()
                           + "' -nln lain >/dev/null 2>&1")
                              .c_str()),
              0);
    fs::permissions(dir / "bersama", fs::perms::owner_read | fs::perms::owner_exec);

    auto r = runCli({"import", "table", project, gpkg.string() + ":tidak_ada", "--period", "2019", "--indicator",
                     "miskin=miskin"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_THAT(r.err, HasSubstr("it has no layer 'tidak_ada'; its layers are 'miskin_2019', 'lain'"));
    EXPECT_THAT(r.err, HasSubstr("--layer"));
    r = runCli({"import", "table", project, gpkg.string(), "--period", "2019", "--indicator", "miskin=miskin"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_THAT(r.err, HasSubstr("name the one that holds the table"));

    r = runCli({"import", "table", project, gpkg.string() + ":miskin_2019", "--period", "2019", "--indicator",
                "miskin=miskin"});
    fs::permissions(dir / "bersama", fs::perms::owner_all);
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_THAT(r.out, HasSubstr("report:      " + (dir / "rekap.match.csv").string()));
    EXPECT_TRUE(fs::exists(dir / "rekap.match.csv"));
    EXPECT_FALSE(fs::exists(dir / "bersama" / "rekap.match.csv"));
    const gis::Dataset ds = gis::loadProject(project);
    EXPECT_DOUBLE_EQ(testutil::storedValue(ds, "18.06.01.1003", "miskin", "2019"), 140.0);
    EXPECT_DOUBLE_EQ(testutil::storedValue(ds, "18.06.03.2019", "miskin", "2019"), 200.0);

    // --report naming the project itself is refused, the project unchanged
    const std::string bytes = testutil::readFile(project);
    r = runCli({"import", "table", project, gpkg.string() + ":miskin_2019", "--period", "2020", "--indicator",
                "miskin=miskin", "--report", project});
    EXPECT_NE(r.code, 0);
    EXPECT_EQ(testutil::readFile(project), bytes);
}
