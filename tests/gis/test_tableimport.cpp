// Importing indicator tables: encodings, separators, Indonesian numbers, title/total rows,
// joins by name and code, periods, replace, validation and XLSX.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/tableimport.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using testutil::storedValue;
using testutil::valueCount;

std::string readAll(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// An office table as Excel saves it on a Windows PC: Windows-1252, ';', decimal comma,
/// title rows, a blank row and a JUMLAH row, misspelt and prefixed names.
std::string officeTableCp1252()
{
    return "REKAPITULASI PENDUDUK MISKIN \x96 KABUPATEN TANGGAMUS;;;;;\r\n"
           "Sumber: TKPK Kab. Tanggamus;;;;;\r\n"
           ";;;;;\r\n"
           "No;Kecamatan;Pekon;Jumlah Penduduk;Penduduk Miskin;Persentase\r\n"
           "1;Wonosobo;Banjar Negara;1.735;210;12,10\r\n"
           "2;Pugung;Way Piring;2.048;301;14,70\r\n"
           "3;Kota Agung;Kel. Kuripan;3.120;150;4,81\r\n"
           "4;Wonosobo;Pekon  KARANG ANYAR;1.001;99;9,89\r\n"
           ";;;;;\r\n"
           "JUMLAH;;;7.904;760;9,62\r\n";
}

gis::TableImportOptions officeOptions(const std::string& period)
{
    gis::TableImportOptions o;
    o.period = period;
    o.indicators = {{"penduduk", "Jumlah Penduduk"}, {"miskin", "penduduk miskin"}, {"persen_miskin", "Persentase"}};
    o.nameField = "Pekon";
    o.kecamatanField = "Kecamatan";
    return o;
}

} // namespace

TEST(TableImport, IndonesianNumbersAreDecidedPerColumn)
{
    const auto thousands = gis::decideNumberStyle({"1.735", "2.048", "310"});
    EXPECT_EQ(thousands.style, gis::NumberStyle::Indonesian);
    EXPECT_TRUE(thousands.ambiguous);
    const auto mixed = gis::decideNumberStyle({"1.735", "12,48"});
    EXPECT_EQ(mixed.style, gis::NumberStyle::Indonesian);
    EXPECT_FALSE(mixed.ambiguous);
    EXPECT_DOUBLE_EQ(*gis::parseNumber("1.735", mixed.style), 1735.0);
    EXPECT_DOUBLE_EQ(*gis::parseNumber("12,48", mixed.style), 12.48);
    EXPECT_DOUBLE_EQ(*gis::parseNumber("1.234.567,5", mixed.style), 1234567.5);
    const auto english = gis::decideNumberStyle({"12.48", "3.5", "1,735"});
    EXPECT_EQ(english.style, gis::NumberStyle::English);
    EXPECT_DOUBLE_EQ(*gis::parseNumber("12.48", english.style), 12.48);
    EXPECT_DOUBLE_EQ(*gis::parseNumber("1,735", english.style), 1735.0);
    EXPECT_FALSE(gis::parseNumber("dua", gis::NumberStyle::Indonesian).has_value());
    EXPECT_FALSE(gis::parseNumber("12.4", gis::NumberStyle::Indonesian).has_value());
}

TEST(TableImport, Cp1252SemicolonTitleAndTotalRowsMisspeltNames)
{
    const auto dir = testutil::tempDir("table_cp1252");
    const auto file = dir / "rekap kemiskinan.csv";
    testutil::writeFile(file, officeTableCp1252());
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions options = officeOptions("2019");
    options.projectLocation = (dir / "p.sasaran.sqlite").string(); // the report goes beside it
    const auto report = gis::importTable(ds, file.string(), options);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(report.encoding, "Windows-1252");
    EXPECT_EQ(report.separator, ';');
    EXPECT_EQ(report.headerRow, 4);
    EXPECT_EQ(report.totalRows, std::vector<long>{10});
    ASSERT_EQ(report.matches.size(), 4u);
    EXPECT_EQ(report.matches[0].kind, gis::MatchKind::Fuzzy);
    EXPECT_EQ(report.matches[0].code, "18.06.03.2019");
    EXPECT_EQ(report.matches[0].matchedName, "Banjar Negoro");
    EXPECT_EQ(report.matches[1].kind, gis::MatchKind::Fuzzy);
    EXPECT_EQ(report.matches[1].code, "18.06.11.2020");
    EXPECT_EQ(report.matches[2].kind, gis::MatchKind::Exact);
    EXPECT_EQ(report.matches[2].code, "18.06.01.1003");
    EXPECT_EQ(report.matches[3].code, "18.06.03.2001");
    EXPECT_EQ(report.valuesWritten, 12u);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2019", "penduduk", "2019"), 1735.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.11.2020", "miskin", "2019"), 301.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.01.1003", "persen_miskin", "2019"), 4.81);
    EXPECT_EQ(valueCount(ds, "penduduk", "2019"), 4u); // the JUMLAH row is not a pekon
    EXPECT_NE(report.text().find("AMBIGUOUS"), std::string::npos) << report.text();
    for (const gis::IndicatorValue& v : ds.indicators) {
        if (v.period == "2019") {
            EXPECT_EQ(v.source, "rekap kemiskinan.csv");
            EXPECT_EQ(v.importedAt.size(), 20u);
        }
    }
    // The match report lists every row with its outcome.
    const std::string csv = readAll(report.reportPath);
    EXPECT_EQ(fs::path(report.reportPath).parent_path(), dir);
    EXPECT_NE(csv.find("5,fuzzy,fuzzy (distance 2),,Banjar Negara,Wonosobo,18.06.03.2019,Banjar Negoro"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("6,fuzzy,fuzzy (distance 1),,Way Piring,Pugung,18.06.11.2020,Way Pring"), std::string::npos)
        << csv;
    // The confirmed fuzzy matches are aliases now: the next import matches them exactly.
    ASSERT_EQ(ds.aliases.size(), 2u);
    EXPECT_EQ(ds.aliases[1].name, "Way Piring");
    const auto again = gis::importTable(ds, file.string(), officeOptions("2020"));
    ASSERT_TRUE(again.written) << again.text();
    EXPECT_EQ(again.matches[1].kind, gis::MatchKind::Exact);
    EXPECT_EQ(again.matches[1].how, "alias");
    EXPECT_EQ(ds.aliases.size(), 2u);
    // Periods are kept side by side.
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2019", "penduduk", "2019"), 1735.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2019", "penduduk", "2020"), 1735.0);
}

TEST(TableImport, AmbiguousAndUnmatchedNamesAreNeverWritten)
{
    const auto dir = testutil::tempDir("table_ambiguous");
    const auto file = dir / "bumdes.csv";
    testutil::writeFile(file, "nama_desa,jumlah_unit\nBanjar Agung,2\nGisting Bawah,1\nDesa Antah Berantah,4\n");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2019";
    o.indicators = {{"bumdes_unit", "jumlah_unit"}};
    o.nameField = "nama_desa";
    o.reportPath = (dir / "laporan.csv").string();
    const auto report = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(report.written);
    const auto s = gis::summarise(report.matches);
    EXPECT_EQ(s.exact, 1u);
    EXPECT_EQ(s.ambiguous, 1u);
    EXPECT_EQ(s.unmatched, 1u);
    EXPECT_EQ(valueCount(ds, "bumdes_unit", "2019"), 1u);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "bumdes_unit", "2019"), 1.0);
    const std::string csv = readAll(dir / "laporan.csv");
    EXPECT_NE(csv.find("2,ambiguous,same name in several areas,,Banjar Agung,,,,18.06.21.2003 Banjar Agung; "
                       "18.06.24.2006 Banjar Agung"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("4,unmatched"), std::string::npos) << csv;
}

TEST(TableImport, ByCodePeriodsReplaceAndBpsCodes)
{
    const auto dir = testutil::tempDir("table_code");
    const auto file = dir / "internet.csv";
    testutil::writeFile(file, "kode_desa,akses_internet\n1806202005,1\n18.06.19.2001,0\n");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2019";
    o.indicators = {{"internet", "akses_internet"}};
    ASSERT_TRUE(gis::importTable(ds, file.string(), o).written);
    EXPECT_EQ(gis::importTable(ds, file.string(), o).written, false);
    const auto refused = gis::importTable(ds, file.string(), o);
    // The library names the parameter to change as data; the CLI adds "--replace" (test_import_tables_cli).
    EXPECT_NE(refused.stopReason.find("Replace them"), std::string::npos) << refused.stopReason;
    EXPECT_EQ(refused.stopParameters, (std::vector<std::string>{"replace", "period"}));
    EXPECT_NE(refused.stopReason.find("internet.csv"), std::string::npos) << refused.stopReason;
    o.period = "2020";
    testutil::writeFile(file, "kode_desa,akses_internet\n1806202005,0\n18.06.19.2001,1\n");
    ASSERT_TRUE(gis::importTable(ds, file.string(), o).written);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "internet", "2019"), 1.0); // 2019 kept
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "internet", "2020"), 0.0);
    o.period = "2019";
    o.replace = true;
    const auto replaced = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(replaced.written);
    EXPECT_NE(replaced.text().find("replacing 2 existing values"), std::string::npos) << replaced.text();
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "internet", "2019"), 0.0);
    EXPECT_EQ(valueCount(ds, "internet", "2019"), 2u);

    // BPS codes: refused without a crosswalk, joined through one.
    const auto bpsFile = dir / "bps.csv";
    testutil::writeFile(bpsFile, "kode,nilai\n1802050001,7\n1802050002,8\n");
    gis::TableImportOptions b;
    b.period = "2019";
    b.indicators = {{"nilai", "nilai"}};
    try {
        gis::importTable(ds, bpsFile.string(), b);
        FAIL() << "a BPS-coded table was joined without a crosswalk";
    } catch (const gis::Error& e) {
        EXPECT_NE(std::string(e.what()).find("crosswalk"), std::string::npos) << e.what();
    }
    EXPECT_EQ(valueCount(ds, "nilai", "2019"), 0u);
    ds.bpsCodes["18.06.20.2005"] = "1802050001";
    const auto viaCrosswalk = gis::importTable(ds, bpsFile.string(), b);
    ASSERT_TRUE(viaCrosswalk.written);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "nilai", "2019"), 7.0);
    EXPECT_EQ(gis::summarise(viaCrosswalk.matches).unmatched, 1u);
}

TEST(TableImport, ValidationStopsBeforeWritingUnlessAnOptionSaysHow)
{
    const auto dir = testutil::tempDir("table_validation");
    const auto file = dir / "bad.csv";
    testutil::writeFile(file,
                        "kode,penduduk,miskin\n"
                        "18.06.20.2005,1000,100\n"
                        "18.06.20.2005,1000,100\n"
                        "18.06.19.2001,-5,1\n"
                        "18.06.03.2019,abc,1\n"
                        "18.06.11.2020,100,200\n"
                        "18.06.03.2001,500,50\n");
    gis::Dataset ds = gis::buildDefaultDataset();
    const std::size_t before = ds.indicators.size();
    gis::TableImportOptions o;
    o.period = "2021";
    o.indicators = {{"penduduk", "penduduk"}, {"miskin", "miskin"}};
    const auto stopped = gis::importTable(ds, file.string(), o);
    EXPECT_FALSE(stopped.written);
    EXPECT_EQ(ds.indicators.size(), before);
    ASSERT_EQ(stopped.problems.size(), 4u) << stopped.text();
    EXPECT_EQ(stopped.problems[0].row, 3);
    EXPECT_NE(stopped.problems[0].message.find("duplicate"), std::string::npos);
    EXPECT_EQ(stopped.problems[1].row, 4);
    EXPECT_NE(stopped.problems[1].message.find("negative"), std::string::npos);
    EXPECT_EQ(stopped.problems[2].row, 5);
    EXPECT_NE(stopped.problems[2].message.find("not a number"), std::string::npos);
    EXPECT_EQ(stopped.problems[3].row, 6);
    EXPECT_NE(stopped.problems[3].message.find("above penduduk"), std::string::npos);

    o.skipInvalid = true;
    EXPECT_FALSE(gis::importTable(ds, file.string(), o).written); // duplicates still stop it
    o.keepFirstDuplicate = true;
    const auto done = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(done.written) << done.text();
    EXPECT_EQ(valueCount(ds, "penduduk", "2021"), 2u);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2001", "miskin", "2021"), 50.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.11.2020", "miskin", "2021"), -1.0);
}

TEST(TableImport, XlsxWithTitleRowsWrittenByGdal)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
        GTEST_SKIP() << "GDAL's XLSX driver cannot write here (ogrinfo --formats); XLSX import not tested";
    const auto dir = testutil::tempDir("table_xlsx");
    const auto file = dir / "opensid.xlsx";
    {
        GDALDatasetUniquePtr out(driver->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(out);
        OGRLayer* layer = out->CreateLayer("Data", nullptr, wkbNone, nullptr);
        ASSERT_NE(layer, nullptr);
        for (const char* name : {"A", "B", "C"}) {
            OGRFieldDefn field(name, OFTString);
            ASSERT_EQ(layer->CreateField(&field), OGRERR_NONE);
        }
        const std::vector<std::vector<const char*>> rows = {
            {"Data Penduduk Miskin per Desa", "", ""},
            {"Kecamatan", "Desa", "Miskin"},
            {"Gisting", "Gisting Bawah", "1.204"},
            {"Kota Agung Timur", "Batu Keramat", "310"},
            {"TOTAL", "", "1.514"},
        };
        for (const auto& r : rows) {
            OGRFeature feature(layer->GetLayerDefn());
            for (int i = 0; i < 3; ++i)
                if (*r[static_cast<std::size_t>(i)])
                    feature.SetField(i, r[static_cast<std::size_t>(i)]);
            ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
        }
    }
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2019";
    o.indicators = {{"miskin", "Miskin"}};
    o.nameField = "Desa";
    o.kecamatanField = "Kecamatan";
    const auto report = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(report.encoding, "XLSX");
    EXPECT_EQ(report.totalRows.size(), 1u);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "miskin", "2019"), 1204.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.19.2001", "miskin", "2019"), 310.0);
    EXPECT_EQ(report.matches[1].kind, gis::MatchKind::Fuzzy);
}

TEST(TableImport, TheReportListsExactlyTheChangesApplied)
{
    const auto dir = testutil::tempDir("table_changes");
    const auto file = dir / "rekap kemiskinan.csv";
    testutil::writeFile(file, officeTableCp1252());
    gis::Dataset ds = gis::buildDefaultDataset();
    const std::size_t valuesBefore = ds.indicators.size();
    const auto first = gis::importTable(ds, file.string(), officeOptions("2019"));
    ASSERT_TRUE(first.written) << first.text();
    // 4 pekon x 3 indicators, none held before; the two fuzzy names become aliases.
    EXPECT_EQ(first.changes.values.size(), 12u);
    EXPECT_EQ(first.changes.replaced, 0u);
    ASSERT_EQ(first.changes.aliases.size(), 2u);
    EXPECT_EQ(first.changes.aliases[0].areaCode, "18.06.03.2019");
    EXPECT_EQ(first.changes.aliases[0].name, "Banjar Negara");
    EXPECT_EQ(first.changes.aliases[0].source, "fuzzy match rekap kemiskinan.csv");
    EXPECT_EQ(first.changes.aliases[1].name, "Way Piring");
    EXPECT_TRUE(first.changes.facilities.empty());
    EXPECT_EQ(ds.indicators.size(), valuesBefore + 12);

    // The same period again, replacing: 12 values replace 12, no alias is new, the count stays.
    auto options = officeOptions("2019");
    options.replace = true;
    const auto again = gis::importTable(ds, file.string(), options);
    ASSERT_TRUE(again.written) << again.text();
    EXPECT_EQ(again.changes.values.size(), 12u);
    EXPECT_EQ(again.changes.replaced, 12u);
    EXPECT_TRUE(again.changes.aliases.empty());
    EXPECT_EQ(ds.indicators.size(), valuesBefore + 12);

    // Applying a report's changes to the dataset as it was gives the dataset the import made.
    gis::Dataset replay = gis::buildDefaultDataset();
    gis::applyImportChanges(replay, first.changes);
    gis::Dataset imported = gis::buildDefaultDataset();
    ASSERT_TRUE(gis::importTable(imported, file.string(), officeOptions("2019")).written);
    ASSERT_EQ(replay.indicators.size(), imported.indicators.size());
    ASSERT_EQ(replay.aliases.size(), imported.aliases.size());
    for (std::size_t i = valuesBefore; i < replay.indicators.size(); ++i) {
        EXPECT_EQ(replay.indicators[i].areaCode, imported.indicators[i].areaCode);
        EXPECT_EQ(replay.indicators[i].key, imported.indicators[i].key);
        EXPECT_DOUBLE_EQ(replay.indicators[i].value, imported.indicators[i].value);
    }

    // Refused (held values, no replace): nothing listed, nothing changed.
    const auto refused = gis::importTable(ds, file.string(), officeOptions("2019"));
    EXPECT_FALSE(refused.written);
    EXPECT_TRUE(refused.changes.empty());
    EXPECT_EQ(ds.indicators.size(), valuesBefore + 12);
}
