// DTSEN/DTKS individual records: counted per pekon; NIK, names and addresses never leave the import.
#include "gis/demo.h"
#include "gis/export.h"
#include "gis/project.h"
#include "gis/recordimport.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using testutil::storedValue;
using testutil::valueCount;

struct Person {
    const char* nik;
    const char* nama;
    const char* alamat;
    const char* kk;
    const char* pekon;
    const char* kecamatan;
    const char* status;
    const char* desil;
};

const Person kPeople[] = {
    {"1806209912340001", "Zulkarnaen Mawardiputra", "Jalan Rahasia Sekali 17", "KK-A1", "Gisting Bawah", "Gisting",
     "Aktif", "1"},
    {"1806209912340002", "Siti Nurhalizaqwerty", "Jalan Rahasia Sekali 17", "KK-A1", "Gisting Bawah", "Gisting",
     "Aktif", "1"},
    {"1806209912340003", "Bambang Kusumoxyz", "Gang Tersembunyi 3", "KK-A2", "Pekon Gisting Bawah", "Gisting",
     "Tidak Aktif", "2"},
    {"1806199912340004", "Yohana Pardedequux", "Dusun Sunyi RT 01", "KK-B1", "Batu Keramat", "Kota Agung Timur",
     "Aktif", "4"},
    {"1806999912340005", "Rahmat Hidayatzzz", "Lorong Gelap 9", "KK-C1", "Negeri Tak Ada", "Gisting", "Aktif", "3"},
};

std::string extractCsv()
{
    std::string csv = "EKSPOR DATA DTSEN - SIKS-NG\nNIK,Nama Lengkap,Alamat,No KK,Desa,Kecamatan,Status,Desil\n";
    for (const Person& p : kPeople)
        csv += std::string(p.nik) + "," + p.nama + "," + p.alamat + "," + p.kk + "," + p.pekon + "," + p.kecamatan + ","
            + p.status + "," + p.desil + "\n";
    return csv;
}

std::string readAll(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(RecordImport, CountsPersonsHouseholdsDesilAndStatusPerPekon)
{
    const auto dir = testutil::tempDir("records_counts");
    const auto file = dir / "dtsen.csv";
    testutil::writeFile(file, extractCsv());
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::RecordImportOptions o;
    o.period = "2025-S1";
    const auto report = gis::importRecords(ds, file.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(report.unit, "person");
    EXPECT_EQ(report.rows, 5u);
    EXPECT_EQ(report.rowsCounted, 4u);
    EXPECT_EQ(report.pekon, 2u);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_jiwa", "2025-S1"), 3.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_kk", "2025-S1"), 2.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_desil_1", "2025-S1"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_desil_2", "2025-S1"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_desil_3", "2025-S1"), 0.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_status_aktif", "2025-S1"), 2.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_status_tidak_aktif", "2025-S1"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.19.2001", "dtsen_jiwa", "2025-S1"), 1.0); // Batu Keramat -> Batu Kramat
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.19.2001", "dtsen_desil_4", "2025-S1"), 1.0);
    EXPECT_EQ(gis::summarise(report.matches).unmatched, 1u);
    // Same period and source again: refused without replace.
    const auto again = gis::importRecords(ds, file.string(), o);
    EXPECT_FALSE(again.written);
    // The library names the parameter to change as data; the CLI adds "--replace".
    EXPECT_NE(again.stopReason.find("Replace them"), std::string::npos) << again.stopReason;
    EXPECT_EQ(again.stopParameters, (std::vector<std::string>{"replace", "period"}));
}

TEST(RecordImport, NoNikNameOrAddressInTheProjectExportsOrReport)
{
    const auto dir = testutil::tempDir("records_privacy");
    const auto input = dir / "input";
    const auto output = dir / "output";
    fs::create_directories(input);
    fs::create_directories(output);
    const auto file = input / "dtsen_2025.csv";
    testutil::writeFile(file, extractCsv());
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::RecordImportOptions o;
    o.period = "2025-S1";
    o.reportPath = (output / "match.csv").string();
    const auto report = gis::importRecords(ds, file.string(), o);
    ASSERT_TRUE(report.written);
    const std::string project = (output / "p.sasaran.sqlite").string();
    gis::saveProject(ds, project);
    const gis::Dataset reloaded = gis::loadProject(project);
    EXPECT_DOUBLE_EQ(storedValue(reloaded, "18.06.20.2005", "dtsen_jiwa", "2025-S1"), 3.0);
    gis::ExportOptions e;
    e.period = "2025-S1";
    for (const char* name : {"p.gpkg", "p.shp", "p.geojson", "p.csv", "p.xlsx"})
        gis::exportProject(reloaded, (output / name).string(), e);
    std::vector<std::string> secrets;
    for (const Person& p : kPeople) {
        secrets.push_back(p.nik);
        secrets.push_back(p.nama);
        secrets.push_back(p.alamat);
    }
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(output)) {
        if (!entry.is_regular_file())
            continue;
        ++files;
        const std::string bytes = readAll(entry.path());
        for (const std::string& s : secrets)
            EXPECT_EQ(bytes.find(s), std::string::npos) << s << " found in " << entry.path();
    }
    EXPECT_GE(files, 8u); // project, gpkg, shp+shx+dbf+prj, geojson, csv, xlsx, match report
    const std::string text = report.text();
    for (const std::string& s : secrets)
        EXPECT_EQ(text.find(s), std::string::npos) << s << " printed";
}

// Columns shifted by one: the status column holds names, the desil column NIK, the pekon column
// addresses. Nothing of them becomes a key, a message or a line of the match report.
TEST(RecordImport, ShiftedColumnsLeakNoCellIntoKeysMessagesOrTheReport)
{
    const auto dir = testutil::tempDir("records_shifted");
    const auto file = dir / "geser.csv";
    std::string csv = "NIK,Desa,Kecamatan,Status,Desil\n";
    // a well-formed row, then rows whose cells slid one column to the right
    csv += "1806209912340101,Gisting Bawah,Gisting,Miskin,2\n";
    csv += "1806209912340102,Gisting Bawah,Gisting,Rentan,3\n";
    csv += "1806209912340103,Gisting Bawah,Gisting,Zulkarnaen Mawardiputra,1806209912340103\n";
    csv += "1806209912340104,Jalan Rahasia Sekali 17,Gisting,Siti Nurhalizaqwerty,1806209912340104\n";
    csv += "1806209912340105,Gisting Bawah,Gisting,,\n";
    testutil::writeFile(file, csv);
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::RecordImportOptions o;
    o.period = "2025-S2";
    o.reportPath = (dir / "laporan.csv").string();
    const auto report = gis::importRecords(ds, file.string(), o);
    ASSERT_TRUE(report.written) << report.text();

    // counted by category, hand-worked: Gisting Bawah has rows 2, 3, 4 and 6 (row 5 names no pekon)
    const std::string code = "18.06.20.2005";
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_jiwa", "2025-S2"), 4.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_status_miskin", "2025-S2"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_status_rentan_miskin", "2025-S2"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_status_lainnya", "2025-S2"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_status_kosong", "2025-S2"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_desil_2", "2025-S2"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, code, "dtsen_desil_3", "2025-S2"), 1.0);
    const auto& categories = gis::recordStatusCategories();
    for (const gis::IndicatorValue& v : ds.indicators) {
        if (v.key.rfind("dtsen_status_", 0) == 0) {
            EXPECT_NE(std::find(categories.begin(), categories.end(), v.key.substr(13)), categories.end()) << v.key;
        }
    }
    EXPECT_EQ(gis::summarise(report.matches).unmatched, 1u);

    const std::string text = report.text();
    const std::string written = readAll(dir / "laporan.csv");
    for (const char* secret : {"Zulkarnaen", "Mawardiputra", "Siti Nurhalizaqwerty", "Jalan Rahasia",
                               "1806209912340103", "1806209912340104", "zulkarnaen"}) {
        EXPECT_EQ(text.find(secret), std::string::npos) << secret << " printed:\n" << text;
        EXPECT_EQ(written.find(secret), std::string::npos) << secret << " in the match report";
        for (const gis::IndicatorValue& v : ds.indicators)
            ASSERT_EQ(v.key.find(secret), std::string::npos) << v.key;
    }
    // what is wrong is still said, by row: the desil of row 4, the unmatched pekon of row 5
    EXPECT_NE(text.find("row 4: the desil is not a whole number from 1 to 10"), std::string::npos) << text;
    EXPECT_NE(text.find("unmatched  row 5"), std::string::npos) << text;
    EXPECT_NE(text.find("counted as dtsen_status_lainnya"), std::string::npos) << text;
}
