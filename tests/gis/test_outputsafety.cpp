// Outputs that others open: CSV cells that a spreadsheet would run as formulas are neutralised
// (OWASP), numbers keep their sign; CSV and Shapefile exports of DTSEN-derived values carry their
// TERBATAS notice in a file beside them; which keys count as DTSEN-derived; the export log of
// both stores (see storesuite.cpp for the server).
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/export.h"
#include "gis/hotspots.h"
#include "gis/personaldata.h"
#include "gis/project.h"
#include "gis/recordexport.h"
#include "gis/store.h"
#include "gis/tableimport.h"
#include "gis/text.h"
#include "gis/text.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

/// The example with four pekon renamed to text a spreadsheet would run, and a negative value.
gis::Dataset withHostileNames()
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const char* names[] = {"=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1", "-x"};
    auto villages = ds.villages();
    for (std::size_t i = 0; i < 4; ++i)
        for (gis::Area& a : ds.areas)
            if (a.code == villages[i]->code)
                a.name = names[i];
    ds.indicators.push_back({villages[0]->code, "pertumbuhan", "2018", -3.5, "uji", ""});
    return ds;
}

/// The lines of a CSV file, each split into cells (quotes removed).
std::vector<std::vector<std::string>> csvRows(const fs::path& path)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(testutil::readFile(path));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        rows.push_back(testutil::splitCsvLine(line));
    }
    return rows;
}

/// The cell of column \a column in the row whose column "kode" is \a code.
std::string cellOf(const std::vector<std::vector<std::string>>& rows, const std::string& code,
                   const std::string& column)
{
    const auto& head = rows.at(0);
    const auto kode = std::find(head.begin(), head.end(), "kode") - head.begin();
    const auto col = std::find(head.begin(), head.end(), column) - head.begin();
    for (const auto& r : rows)
        if (r.size() > static_cast<std::size_t>(std::max(kode, col)) && r[static_cast<std::size_t>(kode)] == code)
            return r[static_cast<std::size_t>(col)];
    return "<absent>";
}

} // namespace

TEST(CsvSafety, FormulaStartsGetAQuoteAndOtherTextIsUnchanged)
{
    EXPECT_EQ(gis::csvSafeText("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(gis::csvSafeText("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(gis::csvSafeText("+1"), "'+1");
    EXPECT_EQ(gis::csvSafeText("-x"), "'-x");
    EXPECT_EQ(gis::csvSafeText("\tx"), "'\tx");
    EXPECT_EQ(gis::csvSafeText("\rx"), "'\rx");
    EXPECT_EQ(gis::csvSafeText("Gisting Bawah"), "Gisting Bawah");
    EXPECT_EQ(gis::csvSafeText("a=b"), "a=b") << "only the first character counts";
    EXPECT_EQ(gis::csvSafeText(""), "");
    EXPECT_EQ(gis::csvQuoted("=1+2"), "\"'=1+2\"");
    EXPECT_EQ(gis::csvQuoted("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(gis::csvNumber(-3.5), "-3.5") << "numbers are not text cells";
}

TEST(CsvSafety, ExportAndAnalysisCsvNeutraliseNamesButKeepNegativeNumbers)
{
    const gis::Dataset ds = withHostileNames();
    const auto villages = ds.villages();
    const auto dir = testutil::tempDir("csv_safety");

    // export (GDAL's CSV driver)
    gis::ExportOptions period;
    period.period = "2018";
    gis::exportProject(ds, (dir / "export.csv").string(), period);
    const auto exported = csvRows(dir / "export.csv");
    EXPECT_EQ(cellOf(exported, villages[0]->code, "nama"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(cellOf(exported, villages[1]->code, "nama"), "'@SUM(A1)");
    EXPECT_EQ(cellOf(exported, villages[2]->code, "nama"), "'+1");
    EXPECT_EQ(cellOf(exported, villages[3]->code, "nama"), "'-x");
    EXPECT_EQ(cellOf(exported, villages[0]->code, "pertumbuhan"), "-3.5") << "a numeric column keeps its sign";
    EXPECT_EQ(testutil::readFile(dir / "export.csv").find(",=HYPERLINK"), std::string::npos);

    // analyze (Sasaran's own CSV writer), with a negative number in its first column
    gis::AnalysisTable table = gis::analyzeVillages(ds, "2018");
    ASSERT_EQ(table.rows[0].kode, villages[0]->code);
    table.rows[0].values[0] = -3.5;
    gis::writeAnalysisTable(table, ds, (dir / "analisis.csv").string());
    const auto analysed = csvRows(dir / "analisis.csv");
    EXPECT_EQ(cellOf(analysed, villages[0]->code, "nama"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(cellOf(analysed, villages[3]->code, "nama"), "'-x");
    // every numeric cell still reads as a number (none was given a quote)
    const auto& head = analysed[0];
    std::size_t negatives = 0;
    for (std::size_t r = 1; r < analysed.size(); ++r)
        for (std::size_t c = 3; c < analysed[r].size() && c < head.size(); ++c) {
            const std::string& cell = analysed[r][c];
            if (cell.empty())
                continue;
            EXPECT_NE(cell[0], '\'') << head[c] << " row " << r;
            EXPECT_NO_THROW((void)std::stod(cell)) << head[c] << ": " << cell;
            negatives += cell[0] == '-';
        }
    EXPECT_GE(negatives, 1u);
    EXPECT_EQ(cellOf(analysed, villages[0]->code, head[3]), "-3.5") << "a numeric column keeps its sign";

    // hotspots
    gis::HotspotOptions hot;
    hot.permutations = 99;
    gis::writeHotspotsCsv(gis::analyzeHotspots(ds, "poverty_rate", hot), (dir / "lisa.csv").string());
    const auto lisa = csvRows(dir / "lisa.csv");
    EXPECT_EQ(cellOf(lisa, villages[1]->code, "nama"), "'@SUM(A1)");
}

TEST(CsvSafety, MatchReportNeutralisesNamesAsWrittenInTheFile)
{
    gis::RowMatch m;
    m.row = 4;
    m.kind = gis::MatchKind::Unmatched;
    m.nameInFile = "=HYPERLINK(\"http://x\",\"klik\")";
    m.kecamatanInFile = "@SUM(A1)";
    const auto dir = testutil::tempDir("csv_safety_report");
    gis::writeMatchReport({m}, (dir / "r.csv").string());
    const auto rows = csvRows(dir / "r.csv");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][4], "'=HYPERLINK(\"http://x\",\"klik\")");
    EXPECT_EQ(rows[1][5], "'@SUM(A1)");
    EXPECT_EQ(rows[1][0], "4");
}

TEST(PersonalDataExport, CsvAndShapefileGetTheNoticeInAFileBesideThem)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const auto villages = ds.villages();
    ds.indicators.push_back({villages[0]->code, "dtsen_jiwa", "2018", 3, "dtsen_uji.csv", ""});
    ds.indicators.push_back({villages[1]->code, "dtsen_jiwa", "2018", 40, "dtsen_uji.csv", ""});
    const auto dir = testutil::tempDir("personal_export_sidecar");
    for (const char* name : {"desa.csv", "desa.shp"}) {
        const gis::ExportReport report = gis::exportProject(ds, (dir / name).string());
        const fs::path sidecar = dir / "desa.TERBATAS.txt";
        EXPECT_EQ(report.noticePath, sidecar.string()) << name;
        ASSERT_TRUE(fs::exists(sidecar)) << name;
        const std::string text = testutil::readFile(sidecar);
        EXPECT_NE(text.find("TERBATAS"), std::string::npos);
        EXPECT_NE(text.find("1 sampai 4"), std::string::npos);
        EXPECT_NE(text.find(": 1 nilai"), std::string::npos) << text;
        EXPECT_NE(report.text().find("desa.TERBATAS.txt"), std::string::npos);
        fs::remove(sidecar);
    }
    // no DTSEN values: no notice file
    const gis::ExportReport plain = gis::exportProject(gis::buildDefaultDataset(), (dir / "biasa.csv").string());
    EXPECT_TRUE(plain.noticePath.empty());
    EXPECT_FALSE(fs::exists(dir / "biasa.TERBATAS.txt"));
    // GPKG keeps its notice inside: nothing beside it
    gis::exportProject(ds, (dir / "desa.gpkg").string());
    EXPECT_FALSE(fs::exists(dir / "desa.TERBATAS.txt"));
}

TEST(PersonalData, CountsDerivedKeysPublishedCountsAndTheExtractNamed)
{
    EXPECT_TRUE(gis::isPersonalDataCount("dtsen_jiwa"));
    EXPECT_TRUE(gis::isPersonalDataCount("dtsen_kk"));
    EXPECT_TRUE(gis::isPersonalDataCount("dtsen_desil_10"));
    EXPECT_TRUE(gis::isPersonalDataCount("dtsen_status_miskin"));
    EXPECT_FALSE(gis::isPersonalDataCount("dtsen_desil_1_pct")) << "a share, not a count";
    EXPECT_FALSE(gis::isPersonalDataCount("contrib_dtsen_jiwa"));
    EXPECT_TRUE(gis::isPersonalDataDerived("contrib_dtsen_jiwa"));
    EXPECT_TRUE(gis::isPersonalDataDerived("lisa_dtsen_desil_1"));
    EXPECT_TRUE(gis::isPersonalDataDerived("dtsen_desil_1_pct"));
    EXPECT_FALSE(gis::isPersonalDataDerived("contrib_poverty_rate"));
    EXPECT_TRUE(gis::anyPersonalDataDerived({"poverty_rate", "dtsen_kk"}));
    EXPECT_FALSE(gis::anyPersonalDataDerived({"poverty_rate", "no_puskessos"}));
    EXPECT_EQ(gis::publishedCount(3, 5, "3"), "<5");
    EXPECT_EQ(gis::publishedCount(0, 5, "0"), "0");
    EXPECT_EQ(gis::publishedCount(5, 5, "5"), "5");
    EXPECT_EQ(gis::publishedCount(3, 0, "3"), "3");
    EXPECT_EQ(gis::publishedCount(9, 10, "9"), "<10");

    gis::Dataset ds;
    ds.indicators = {{"18.06.01.2001", "dtsen_jiwa", "2025-S1", 12, "dtsen_tanggamus_2025.csv", ""},
                     {"18.06.01.2002", "dtsen_jiwa", "2025-S1", 3, "dtsen_tanggamus_2025.csv", ""},
                     {"18.06.01.2001", "dtsen_jiwa", "2024-S2", 9, "dtks_2024.xlsx", ""},
                     {"18.06.01.2001", "miskin", "2025-S1", 100, "bps.csv", ""}};
    EXPECT_EQ(gis::personalDataSources(ds, "2025-S1"), "DTSEN/DTKS: dtsen_tanggamus_2025.csv, periode 2025-S1");
    EXPECT_EQ(gis::personalDataSources(ds, ""),
              "DTSEN/DTKS: dtsen_tanggamus_2025.csv, dtks_2024.xlsx, periode 2025-S1, 2024-S2");
    EXPECT_EQ(gis::personalDataSources(ds, "2018"), "");
}

TEST(ExportLog, FileProjectKeepsOneRowPerOutputWithoutChangingTheProject)
{
    const auto dir = testutil::tempDir("export_log_file");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    const auto stampBefore = gis::openProject(project, gis::OpenMode::ReadOnly)->lastChange();
    ASSERT_TRUE(stampBefore);
    const std::string revision = testutil::SqlProbe(project).text("SELECT value FROM meta WHERE key = 'store_revision'");
    gis::recordExport(project, {"", "export", "aggregate", "/tmp/a.gpkg", "", true});
    gis::recordExport(project, {"", "map", "aggregate", "/tmp/b.pdf", "", false});
    const auto log = gis::readExportLog(project);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].what, "export");
    EXPECT_EQ(log[0].tier, "aggregate");
    EXPECT_EQ(log[0].path, "/tmp/a.gpkg");
    EXPECT_TRUE(log[0].personalData);
    EXPECT_EQ(log[1].what, "map");
    EXPECT_FALSE(log[1].personalData);
    EXPECT_EQ(log[0].utc.size(), 20u) << log[0].utc; // 2026-12-03T10:00:00Z
    EXPECT_EQ(log[0].utc.back(), 'Z');
    EXPECT_FALSE(log[0].user.empty()) << "the OS user";

    testutil::SqlProbe sql(project);
    EXPECT_EQ(sql.number("SELECT count(*) FROM export_log"), 2);
    EXPECT_EQ(sql.number("SELECT personal_data FROM export_log WHERE what = 'export'"), 1);
    EXPECT_EQ(sql.text("SELECT value FROM meta WHERE key = 'store_revision'"), revision)
        << "a log row is not a change of the project's data";
    EXPECT_EQ(gis::openProject(project, gis::OpenMode::ReadOnly)->lastChange(), stampBefore);
    EXPECT_EQ(sql.text("SELECT value FROM meta WHERE key = 'schema_version'"),
              std::to_string(gis::kProjectSchemaVersion));
}

TEST(RecordExport, ByNameListsGoOnlyToALocalFileOutsideTheProject)
{
    const auto dir = testutil::tempDir("byname_destination");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    auto refusal = [&](const std::string& out) {
        try {
            gis::checkByNameDestination(out, project);
        } catch (const gis::OutputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_NE(refusal("postgresql://u@h/db?project=p").find("server or URL"), std::string::npos);
    EXPECT_NE(refusal("https://drive.example/x.csv").find("server or URL"), std::string::npos);
    EXPECT_NE(refusal("//kantor/bersama/x.csv").find("network share"), std::string::npos);
    EXPECT_NE(refusal("\\\\kantor\\bersama\\x.csv").find("network share"), std::string::npos);
    EXPECT_NE(refusal(project).find("is the project"), std::string::npos);
    EXPECT_NE(refusal(project + "-wal").find("is the project"), std::string::npos);
    EXPECT_EQ(refusal((dir / "verifikasi.csv").string()), "accepted");
    EXPECT_EQ(gis::recordTierFromName("anonymised"), gis::RecordTier::Anonymised);
    EXPECT_EQ(gis::recordTierFromName("by-name"), gis::RecordTier::ByName);
    EXPECT_THROW(gis::recordTierFromName("aggregate"), gis::Error);
}

TEST(ClippedForMessage, ShortTextStaysLongTextIsCutAtACharacterWithItsLength)
{
    EXPECT_EQ(gis::clippedForMessage("Way Pring"), "Way Pring");
    EXPECT_EQ(gis::clippedForMessage(std::string(80, 'x')), std::string(80, 'x'));
    EXPECT_EQ(gis::clippedForMessage(std::string(100'000, '7')), std::string(60, '7') + "... (100000 characters)");
    // "é" is two bytes: a 41-byte limit cuts at byte 21, inside the 11th é, so the cut moves back
    // to byte 20; the length counts characters, not bytes.
    std::string accents;
    for (int i = 0; i < 50; ++i)
        accents += "\xC3\xA9";
    const std::string clipped = gis::clippedForMessage(accents, 41); // cut at byte 21: inside the 11th é
    EXPECT_EQ(clipped, accents.substr(0, 20) + "... (50 characters)");
}
