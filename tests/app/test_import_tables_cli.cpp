// sasaran-cli import table / records / facilities, in-process.
#include "cliutil.h"
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "gis/project.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using testutil::runCli;
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

} // namespace

TEST(ImportTablesCli, TableImportReportsMatchesAndKeepsPeriods)
{
    const auto dir = testutil::tempDir("cli_import_table");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    const auto file = dir / "miskin 2019.csv";
    testutil::writeFile(file,
                        "Tabel 1. Penduduk miskin;;\n;;\nKecamatan;Nama Pekon;Miskin\nPugung;Way Piring;1.204\n"
                        "Wonosobo;Banjar Negara;98\n;Banjar Agung;7\nJUMLAH;;1.309\n");
    auto r = runCli({"import", "table", project, file.string(), "--period", "2019", "--indicator", "miskin=Miskin",
                     "--name-field", "Nama Pekon", "--kecamatan-field", "Kecamatan", "--report",
                     (dir / "laporan.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("0 exact, 2 fuzzy, 1 ambiguous, 0 unmatched"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("'Way Piring' -> 18.06.11.2020 Way Pring"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("total row(s) 7"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(dir / "laporan.csv"));
    gis::Dataset ds = gis::loadProject(project);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.11.2020", "miskin", "2019"), 1204.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2019", "miskin", "2019"), 98.0);
    EXPECT_EQ(ds.aliases.size(), 2u);
    const double before2018 = storedValue(ds, "18.06.11.2020", "miskin", "2018");
    EXPECT_GE(before2018, 0.0); // the embedded 2018 values are kept beside 2019

    // Same period and source again: refused, file unchanged; --replace then replaces.
    const std::string bytes = readAll(project);
    r = runCli({"import", "table", project, file.string(), "--period", "2019", "--indicator", "miskin=Miskin",
                "--name-field", "Nama Pekon", "--kecamatan-field", "Kecamatan"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("--replace"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("2 exact, 0 fuzzy, 1 ambiguous"), std::string::npos) << r.out; // aliases used
    EXPECT_EQ(readAll(project), bytes);
    EXPECT_TRUE(fs::exists(dir / "miskin 2019.match.csv"));
    r = runCli({"import", "table", project, file.string(), "--period", "2019", "--indicator", "miskin=Miskin",
                "--name-field", "Nama Pekon", "--kecamatan-field", "Kecamatan", "--replace"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("replacing 2 existing values"), std::string::npos) << r.out;
}

TEST(ImportTablesCli, DuplicateRowsStopTheImportAndLeaveTheFileUnchanged)
{
    const auto dir = testutil::tempDir("cli_import_dup");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    const auto file = dir / "dup.csv";
    testutil::writeFile(file, "kode,penduduk\n1806202005,1000\n1806202005,1000\n1806192001,500\n");
    const std::string bytes = readAll(project);
    auto r =
        runCli({"import", "table", project, file.string(), "--period", "2019", "--indicator", "penduduk=penduduk"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.out.find("row 3: duplicate row for 18.06.20.2005"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("--keep-first-duplicate"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(project), bytes);
    r = runCli({"import", "table", project, file.string(), "--period", "2019", "--indicator", "penduduk=penduduk",
                "--keep-first-duplicate"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_DOUBLE_EQ(storedValue(gis::loadProject(project), "18.06.19.2001", "penduduk", "2019"), 500.0);
    r = runCli({"import", "table", project, file.string(), "--period", "2019", "--indicator", "penduduk"});
    EXPECT_EQ(r.code, 2);
}

TEST(ImportTablesCli, RecordsAndFacilities)
{
    const auto dir = testutil::tempDir("cli_import_records");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    const gis::Dataset base = gis::buildDefaultDataset();
    gis::saveProject(base, project);
    const auto records = dir / "dtks.csv";
    testutil::writeFile(records,
                        "nik;nama;alamat;kode_desa;desil\n"
                        "1806207777000001;Kartolo Rahasiawan;Jl. Sembunyi 1;1806202005;1\n"
                        "1806207777000002;Sumirah Rahasiawati;Jl. Sembunyi 2;1806202005;3\n");
    auto r = runCli({"import", "records", project, records.string(), "--period", "2024"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    for (const char* secret : {"1806207777000001", "Kartolo", "Sumirah", "Sembunyi"}) {
        EXPECT_EQ(r.out.find(secret), std::string::npos) << secret;
        EXPECT_EQ(r.err.find(secret), std::string::npos) << secret;
        EXPECT_EQ(readAll(project).find(secret), std::string::npos) << secret;
        EXPECT_EQ(readAll(dir / "dtks.match.csv").find(secret), std::string::npos) << secret;
    }
    gis::Dataset ds = gis::loadProject(project);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_jiwa", "2024"), 2.0);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "dtsen_desil_3", "2024"), 1.0);

    const auto facilities = dir / "posyandu.csv";
    testutil::writeFile(facilities, "nama,kode_desa\nPosyandu Gisting Bawah,18.06.20.2005\n");
    r = runCli({"import", "facilities", project, facilities.string(), "--kind", "POSYANDU"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    ds = gis::loadProject(project);
    ASSERT_EQ(ds.facilities.size(), base.facilities.size() + 1);
    const gis::Facility& f = ds.facilities.back();
    EXPECT_EQ(f.name, "Posyandu Gisting Bawah");
    EXPECT_EQ(f.locatedBy, "pekon");
    EXPECT_EQ(f.areaCode, "18.06.20.2005");
    const gis::Point expected = gis::pointOnSurface(ds.findArea("18.06.20.2005")->geometry);
    EXPECT_NEAR(f.location.x, expected.x, 1e-9);
}

TEST(ImportTablesCli, AUserAliasMakesAnOldSpellingMatchExactly)
{
    const auto dir = testutil::tempDir("cli_import_alias");
    const auto project = dir / "t.sasaran.sqlite";
    ASSERT_EQ(testutil::runCli({"demo", project.string()}).code, 0);
    // "Talang Rejo" is no misspelling an edit distance would accept for Way Pring: only an alias helps.
    auto r = testutil::runCli({"import", "alias", project.string(), "1806112020", "Talang Rejo Lama"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("alias 'Talang Rejo Lama' -> 18.06.11.2020 Way Pring"), std::string::npos) << r.out;
    const auto file = dir / "t.csv";
    testutil::writeFile(file, "Kecamatan,Nama Pekon,Miskin\nPugung,Talang Rejo Lama,321\n");
    r = testutil::runCli({"import", "table", project.string(), file.string(), "--period", "2021", "--indicator",
                          "miskin=Miskin", "--name-field", "Nama Pekon", "--kecamatan-field", "Kecamatan"});
    ASSERT_EQ(r.code, 0) << r.err;
    const gis::Dataset ds = gis::loadProject(project.string());
    bool found = false;
    for (const gis::IndicatorValue& v : ds.indicators)
        found = found || (v.areaCode == "18.06.11.2020" && v.period == "2021" && v.key == "miskin" && v.value == 321);
    EXPECT_TRUE(found) << r.out;
    r = testutil::runCli({"import", "alias", project.string(), "18.06.99.9999", "X"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("18.06.99.9999"), std::string::npos) << r.err;
}

TEST(ImportTablesCli, LibraryParametersGetTheirOptionNamesAtTheCliEdge)
{
    const auto dir = testutil::tempDir("cli_import_flags");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);

    // UTM metres in a CSV that declares no CRS: the library names the parameter "crs", the CLI "--crs".
    const auto points = dir / "titik_utm.csv";
    testutil::writeFile(points, "kode,lon,lat\n18.06.20.2005,500000,9400000\n");
    auto r = runCli({"new", (dir / "q.sasaran.sqlite").string(), "--boundaries", points.string()});
    EXPECT_EQ(r.code, 3) << r.err << r.out;
    EXPECT_NE(r.err.find("titik_utm.csv"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("give the CRS of the columns"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("(option --crs)"), std::string::npos) << r.err;

    // A boundary layer without a code field: "code field" becomes "--code-field".
    const auto nocode = dir / "tanpa_kode.geojson";
    testutil::writeFile(nocode,
                        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        "\"properties\":{\"nama\":\"Sukamaju\"},\"geometry\":{\"type\":\"Polygon\","
                        "\"coordinates\":[[[104,-5],[104.01,-5],[104.01,-4.99],[104,-5]]]}}]}");
    r = runCli({"new", (dir / "r.sasaran.sqlite").string(), "--boundaries", nocode.string()});
    EXPECT_EQ(r.code, 3) << r.err << r.out;
    EXPECT_NE(r.err.find("name the code field. Fields: nama (option --code-field)"), std::string::npos) << r.err;

    // A named header row that lacks a column: "header row" becomes "--header-row".
    const auto table = dir / "t.csv";
    testutil::writeFile(table, "kode_desa,miskin\n18.06.20.2005,5\n");
    r = runCli({"import", "table", project, table.string(), "--period", "2019", "--indicator", "miskin=Miskin",
                "--header-row", "2"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("row 2 (the header row given) has no column 'Miskin' (option --header-row)"),
              std::string::npos)
        << r.err;

    // Records with an unknown household column: the CLI names --household-field.
    r = runCli({"import", "records", project, table.string(), "--period", "2024", "--household-field", "no_kk"});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("it has no column 'no_kk' (the household field given) (option --household-field)"),
              std::string::npos)
        << r.err;
}
