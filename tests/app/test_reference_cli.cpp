// sasaran-cli new with names from the national reference: Pringsewu (18.10) and Kota Bandar Lampung
// (18.71) from the shared Lampung desa layer alone, which has codes and village names only.
#include "cliutil.h"
#include "gis/project.h"
#include "gis/reference.h"
#include "gis/text.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

using testutil::runCli;

namespace {

std::string lampungDesa()
{
    const std::string path = testutil::sharedData("lampung/boundaries.gpkg");
    return path.empty() ? path : path + ":desa";
}

} // namespace

TEST(ReferenceCli, PringsewuNamedFromTheReferenceWithItsCapitalByName)
{
    const std::string desa = lampungDesa();
    if (desa.empty())
        GTEST_SKIP() << "../shared/data/lampung/boundaries.gpkg is not present";
    const auto dir = testutil::tempDir("cli_reference_pringsewu");
    const std::string project = (dir / "p.sasaran.sqlite").string();

    // Two villages share the name: refused with both listed, and nothing written.
    auto r = runCli({"new", project, "--boundaries", desa, "--filter", "18.10", "--capital", "Sidodadi"});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("18.10.04.2010 Sidodadi (desa, Kecamatan Pardasuka); 18.10.05.2029 Sidodadi (desa, "
                         "Kecamatan Pagelaran)"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(project));

    r = runCli({"new", project, "--boundaries", desa, "--filter", "18.10", "--capital", "Pringsewu"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("9 kecamatan (9 dissolved from villages, 0 named by code)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("reference:   idn-area-data 4.0.1: named 0 province, 1 kabupaten/kota, 9 kecamatan"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("capital:     Pringsewu"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Kecamatan 18.10"), std::string::npos) << r.out;

    const gis::Dataset ds = gis::loadProject(project);
    EXPECT_EQ(ds.metaValue("regency_name"), "Kabupaten Pringsewu");
    EXPECT_EQ(ds.metaValue("dataset_name"), "Kabupaten Pringsewu");
    EXPECT_EQ(ds.metaValue("province"), "Lampung");
    EXPECT_EQ(ds.findArea("18.10.01")->name, "Pringsewu");
    EXPECT_EQ(ds.findArea("18.10.09")->name, "Pagelaran Utara");
    EXPECT_EQ(ds.areasOfKind("kecamatan").size(), 9u);

    r = runCli({"info", project});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("dataset:     Kabupaten Pringsewu"), std::string::npos) << r.out;

    // Re-importing the same boundaries keeps the names, and a village name is a capital too.
    r = runCli({"import", "boundaries", project, desa, "--filter", "18.10", "--capital", "Pringsewu Barat"});
    ASSERT_EQ(r.code, 0) << r.err;
    const gis::Dataset again = gis::loadProject(project);
    EXPECT_EQ(again.findArea("18.10.01")->name, "Pringsewu");
    EXPECT_EQ(again.metaValue("capital_name"), "Pringsewu Barat");
    EXPECT_NE(again.metaValue("capital_source").find("18.10.01.1004 Pringsewu Barat (kelurahan, Kecamatan Pringsewu)"),
              std::string::npos)
        << again.metaValue("capital_source");
}

TEST(ReferenceCli, KotaBandarLampungIsAKota)
{
    const std::string desa = lampungDesa();
    if (desa.empty())
        GTEST_SKIP() << "../shared/data/lampung/boundaries.gpkg is not present";
    const auto dir = testutil::tempDir("cli_reference_bandar_lampung");
    const std::string project = (dir / "b.sasaran.sqlite").string();
    const auto r = runCli({"new", project, "--boundaries", desa, "--filter", "18.71", "--capital", "Enggal"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("1 kabupaten/kota, 20 kecamatan"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    EXPECT_EQ(ds.metaValue("regency_name"), "Kota Bandar Lampung");
    EXPECT_EQ(ds.findArea("18.71")->name, "Kota Bandar Lampung");
    EXPECT_EQ(ds.findArea("18.71.17")->name, "Enggal");
    EXPECT_EQ(ds.metaValue("capital_name"), "Enggal");

    // The map title says Kota, and no kecamatan label is a code.
    const auto map = runCli({"map", project, "--indicator", "area_km2", "--out", (dir / "b.pdf").string()});
    ASSERT_EQ(map.code, 0) << map.err;
    EXPECT_NE(map.out.find("Luas Wilayah per Desa — Kota Bandar Lampung"), std::string::npos) << map.out;
    if (testutil::havePoppler()) {
        const std::string text = testutil::pdfText(dir / "b.pdf");
        EXPECT_NE(text.find("TANJUNGKARANG PUSAT"), std::string::npos) << text;
        EXPECT_EQ(gis::asciiLower(text).find("kecamatan 18.71"), std::string::npos) << text;
        EXPECT_NE(text.find("Nama dan kode wilayah: idn-area-data 4.0.1"), std::string::npos) << text;
        EXPECT_EQ(text.find("Kabupaten"), std::string::npos) << "a Kota's legend and inset say Kota: " << text;
    }

    // The atlas of the city says Kota on every page (values for each
    // village: 1000 people, 100 + the village's number poor).
    std::string csv = "kode,penduduk,miskin\n";
    int n = 0;
    for (const gis::Area* v : ds.villages())
        csv += v->code + ",1000," + std::to_string(100 + n++ % 50) + "\n";
    testutil::writeFile(dir / "nilai.csv", csv);
    auto r2 = runCli({"import", "table", project, (dir / "nilai.csv").string(), "--period", "2024", "--indicator",
                      "penduduk=penduduk", "--indicator", "miskin=miskin", "--code-field", "kode"});
    ASSERT_EQ(r2.code, 0) << r2.err << r2.out;
    // (the city has no facilities, so no priority score: the atlas maps the poverty rate)
    r2 = runCli({"atlas", project, "--indicator", "poverty_rate", "--preset", "email", "--out",
                 (dir / "atlas.pdf").string()});
    ASSERT_EQ(r2.code, 0) << r2.err;
    if (testutil::havePoppler()) {
        for (const char* pdf : {"atlas.pdf"}) {
            const std::string text = testutil::pdfText(dir / pdf);
            EXPECT_NE(text.find("Kota Bandar Lampung"), std::string::npos) << pdf;
            EXPECT_EQ(text.find("Kabupaten"), std::string::npos) << pdf << ": " << text.substr(0, 3000);
            EXPECT_EQ(text.find("di kabupaten"), std::string::npos) << pdf;
        }
    }
}

TEST(ReferenceCli, LongFindingsGoToTheReferenceReportAndTheTerminalShowsTheirStart)
{
    // 30 villages of Kecamatan Kota Agung (18.06.01) under codes the reference lacks, and the
    // first 25 villages of Tanggamus in the reference under another name: each list is longer
    // than the terminal shows.
    const gis::AreaReference& reference = gis::AreaReference::national();
    std::vector<std::pair<std::string, std::string>> villages; // code, name in the file
    for (int i = 0; i < 30; ++i)
        villages.emplace_back(fmt::format("18.06.01.{}", 2901 + i), fmt::format("Pekon Baru {}", i + 1));
    std::vector<std::string> renamed;
    for (const gis::ReferenceEntry& e : reference.entries())
        if (e.level == 4 && e.code.rfind("18.06.", 0) == 0 && renamed.size() < 25) {
            villages.emplace_back(std::string(e.code), fmt::format("Nama Lain {}", renamed.size() + 1));
            renamed.emplace_back(e.code);
        }
    ASSERT_EQ(renamed.size(), 25u) << "Tanggamus has 25 villages in the reference at least";
    std::string geojson = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const double x = 104.6 + 0.01 * static_cast<double>(i % 10), y = -5.5 + 0.01 * static_cast<double>(i / 10);
        geojson += fmt::format(R"({}{{"type":"Feature","properties":{{"kode":"{}","nama":"{}"}},)"
                               R"("geometry":{{"type":"Polygon","coordinates":[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                               i ? "," : "", villages[i].first, villages[i].second, x, y, x + 0.01, y, x + 0.01,
                               y + 0.01, x, y + 0.01, x, y);
    }
    geojson += "]}";
    const auto dir = testutil::tempDir("cli_reference_report");
    testutil::writeFile(dir / "desa.geojson", geojson);
    const std::string project = (dir / "t.sasaran.sqlite").string();
    auto r = runCli({"new", project, "--boundaries", (dir / "desa.geojson").string(), "--capital", "Nama Lain 1"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("30 codes it does not know, 25 names that differ"), std::string::npos) << r.out;
    const std::string report = (dir / "t.reference.csv").string();
    EXPECT_NE(r.out.find("  ... and 10 more codes not in the reference; all of them in " + report), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("  ... and 5 more names that differ; all of them in " + report), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("18.06.01.2920 ('Pekon Baru 20' in the file"), std::string::npos) << "the 20th is shown";
    EXPECT_EQ(r.out.find("18.06.01.2921"), std::string::npos) << "the 21st is in the file only: " << r.out;

    // The CSV holds every finding, one row each, with the names of both sides.
    const std::string csv = testutil::readFile(report);
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(csv);
    for (std::string line; std::getline(lines, line);)
        rows.push_back(testutil::splitCsvLine(line));
    ASSERT_EQ(rows.size(), 1u + 30u + 25u) << csv.substr(0, 500);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"finding", "level", "code", "name_in_file", "name_in_reference",
                                                 "edition", "fid", "note"}));
    EXPECT_EQ(rows[30], (std::vector<std::string>{"not_in_reference", "village", "18.06.01.2930", "Pekon Baru 30",
                                                  "", "idn-area-data 4.0.1", "", ""}));
    EXPECT_EQ(rows[31][0], "name_differs");
    EXPECT_EQ(rows[31][2], renamed[0]);
    EXPECT_EQ(rows[31][3], "Nama Lain 1");
    EXPECT_EQ(rows[31][4], reference.find(renamed[0])->name);

    // A report path of the caller's choosing; the project itself is refused as one.
    r = runCli({"import", "boundaries", project, (dir / "desa.geojson").string(), "--reference-report",
                (dir / "nama.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "nama.csv"));
    r = runCli({"import", "boundaries", project, (dir / "desa.geojson").string(), "--reference-report", project});
    EXPECT_NE(r.code, 0);
    EXPECT_NO_THROW(gis::loadProject(project)) << "the project is still a project";
}

TEST(ReferenceCli, LongBoundaryListsShowTheirStartAndGoWholeToTheReport)
{
    // 24 villages of Tanggamus under their reference names, each of two squares (multipart), and
    // 23 features without a code: both lists are longer than the terminal's 20.
    const gis::AreaReference& reference = gis::AreaReference::national();
    std::vector<std::pair<std::string, std::string>> villages;
    for (const gis::ReferenceEntry& e : reference.entries())
        if (e.level == 4 && e.code.rfind("18.06.", 0) == 0 && villages.size() < 24)
            villages.emplace_back(std::string(e.code), std::string(e.name));
    ASSERT_EQ(villages.size(), 24u);
    const auto square = [](double x, double y) {
        return fmt::format("[[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]", x, y, x + 0.004, y, x + 0.004, y + 0.004,
                           x, y + 0.004, x, y);
    };
    std::string features;
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const double x = 104.6 + 0.01 * static_cast<double>(i % 6), y = -5.5 + 0.01 * static_cast<double>(i / 6);
        features += fmt::format(R"({}{{"type":"Feature","properties":{{"kode":"{}","nama":"{}"}},)"
                                R"("geometry":{{"type":"MultiPolygon","coordinates":[{},{}]}}}})",
                                i ? "," : "", villages[i].first, villages[i].second, square(x, y),
                                square(x + 0.005, y + 0.005));
    }
    for (int i = 0; i < 23; ++i)
        features += fmt::format(R"(,{{"type":"Feature","properties":{{"kode":"","nama":"Tanpa Kode {}"}},)"
                                R"("geometry":{{"type":"Polygon","coordinates":{}}}}})",
                                i + 1, square(104.5, -5.6 + 0.01 * i));
    const auto dir = testutil::tempDir("cli_boundary_report");
    testutil::writeFile(dir / "desa.geojson", R"({"type":"FeatureCollection","features":[)" + features + "]}");
    const std::string project = (dir / "t.sasaran.sqlite").string();
    auto r = runCli({"new", project, "--boundaries", (dir / "desa.geojson").string(), "--capital", "104.6,-5.5"});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string report = (dir / "t.reference.csv").string();
    EXPECT_NE(r.out.find("multipart:   24: " + villages[0].first + ", "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(villages[19].first + ", ... (4 more; all of them in " + report + ")\n"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find(villages[20].first), std::string::npos) << "the 21st is in the report only: " << r.out;
    EXPECT_NE(r.out.find("  ... and 3 more features not imported; all of them in " + report), std::string::npos)
        << r.out;
    std::size_t notImportedLines = 0;
    for (std::size_t at = r.out.find("  not imported: fid"); at != std::string::npos;
         at = r.out.find("  not imported: fid", at + 1))
        ++notImportedLines;
    EXPECT_EQ(notImportedLines, 20u);

    std::vector<std::vector<std::string>> rows;
    {
        std::istringstream lines(testutil::readFile(report));
        for (std::string line; std::getline(lines, line);)
            rows.push_back(testutil::splitCsvLine(line));
    }
    std::map<std::string, std::size_t> byFinding;
    for (std::size_t i = 1; i < rows.size(); ++i)
        ++byFinding[rows[i].at(0)];
    EXPECT_EQ(byFinding["multipart"], 24u);
    EXPECT_EQ(byFinding["not_imported"], 23u);
    EXPECT_EQ(byFinding.size(), 2u) << "names are the reference's: nothing else to report";
    const auto last = std::find_if(rows.begin(), rows.end(), [&](const auto& row) {
        return row.at(0) == "multipart" && row.at(2) == villages[23].first;
    });
    ASSERT_NE(last, rows.end()) << "the 24th multipart village is in the report";
    EXPECT_EQ(last->at(1), "village");

    // Replacing them from a file without the last 22 villages: "missing" shows 20 and the count.
    std::string fewer;
    for (std::size_t i = 0; i < 2; ++i)
        fewer += fmt::format(R"({}{{"type":"Feature","properties":{{"kode":"{}","nama":"{}"}},)"
                             R"("geometry":{{"type":"Polygon","coordinates":{}}}}})",
                             i ? "," : "", villages[i].first, villages[i].second,
                             square(104.6 + 0.01 * static_cast<double>(i), -5.5));
    testutil::writeFile(dir / "dua.geojson", R"({"type":"FeatureCollection","features":[)" + fewer + "]}");
    r = runCli({"import", "boundaries", project, (dir / "dua.geojson").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("missing:     22 villages of the list not in the file: " + villages[2].first + ", "),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(villages[21].first + ", ... (2 more; all of them in " + report + ")"), std::string::npos)
        << r.out;
    rows.clear();
    std::istringstream lines(testutil::readFile(report));
    for (std::string line; std::getline(lines, line);)
        rows.push_back(testutil::splitCsvLine(line));
    ASSERT_EQ(rows.size(), 1u + 22u);
    EXPECT_EQ(rows.back().at(0), "missing_from_file");
    EXPECT_EQ(rows.back().at(2), villages[23].first);
}
