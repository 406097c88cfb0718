// Indicator tables from any OGR source (a GeoPackage layer, a Shapefile's DBF, GeoJSON
// properties, ODS), each generated here by ogr2ogr from one CSV and imported to the same stored
// values as that CSV; layer choice and its errors; where the match report goes.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/tableimport.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <tuple>

namespace fs = std::filesystem;

namespace {

using testutil::storedValue;

/// Four Tanggamus pekon: whole counts, decimals with '.', and one value (1.5) that is a decimal.
const char* kTwinCsv = "kode,penduduk,miskin,persen\n"
                       "18.06.01.1003,3120,150,4.81\n"
                       "18.06.03.2019,1735,210,12.1\n"
                       "18.06.11.2020,2048,301,14.7\n"
                       "18.06.03.2001,1001,15,1.5\n";

const char* kTwinGeoJson = R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kode": "18.06.01.1003", "penduduk": 3120, "miskin": 150, "persen": 4.81},
 "geometry": {"type": "Point", "coordinates": [104.62, -5.49]}},
{"type": "Feature", "properties": {"kode": "18.06.03.2019", "penduduk": 1735, "miskin": 210, "persen": 12.1},
 "geometry": {"type": "Point", "coordinates": [104.70, -5.40]}},
{"type": "Feature", "properties": {"kode": "18.06.11.2020", "penduduk": 2048, "miskin": 301, "persen": 14.7},
 "geometry": {"type": "Point", "coordinates": [104.80, -5.30]}},
{"type": "Feature", "properties": {"kode": "18.06.03.2001", "penduduk": 1001, "miskin": 15, "persen": 1.5},
 "geometry": {"type": "Point", "coordinates": [104.75, -5.35]}}]})";

bool run(const std::string& command)
{
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

std::string q(const fs::path& p)
{
    return "'" + p.string() + "'";
}

gis::TableImportOptions twinOptions(const fs::path& dir, const std::string& report)
{
    gis::TableImportOptions o;
    o.period = "2030";
    o.indicators = {{"penduduk", "penduduk"}, {"miskin", "miskin"}, {"persen_miskin", "persen"}};
    o.codeField = "kode";
    o.reportPath = (dir / report).string();
    return o;
}

using Values = std::map<std::tuple<std::string, std::string>, double>;

Values valuesOf(const gis::Dataset& ds)
{
    Values out;
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.period == "2030")
            out[{v.areaCode, v.key}] = v.value;
    return out;
}

/// The rows of a match report without its header.
std::string reportRows(const fs::path& path)
{
    const std::string text = testutil::readFile(path);
    return text.substr(text.find('\n') + 1);
}

} // namespace

TEST(TableImportOgr, EveryOgrSourceStoresWhatItsCsvTwinStores)
{
    const fs::path dir = testutil::tempDir("table_ogr_twins");
    const fs::path csv = dir / "twin.csv";
    const fs::path geojson = dir / "twin.geojson";
    testutil::writeFile(csv, kTwinCsv);
    testutil::writeFile(geojson, kTwinGeoJson);

    gis::Dataset fromCsv = gis::buildDefaultDataset();
    const gis::TableImportReport csvReport = gis::importTable(fromCsv, csv.string(), twinOptions(dir, "csv.match.csv"));
    ASSERT_TRUE(csvReport.written) << csvReport.text();
    const Values expected = valuesOf(fromCsv);
    ASSERT_EQ(expected.size(), 12u);
    // the hand-read figures: 1.5 is one and a half, 1735 people
    EXPECT_DOUBLE_EQ(storedValue(fromCsv, "18.06.03.2001", "persen_miskin", "2030"), 1.5);
    EXPECT_DOUBLE_EQ(storedValue(fromCsv, "18.06.03.2019", "penduduk", "2030"), 1735.0);

    // A GeoPackage with the table (typed columns by AUTODETECT_TYPE) beside a point layer.
    const fs::path gpkg = dir / "twin.gpkg";
    ASSERT_TRUE(run("ogr2ogr -f GPKG " + q(gpkg) + " " + q(csv) + " -nln penduduk -oo AUTODETECT_TYPE=YES"));
    ASSERT_TRUE(run("ogr2ogr -update -f GPKG " + q(gpkg) + " " + q(geojson) + " -nln titik"));
    // a Shapefile's DBF alone, a Shapefile by its .shp, GeoJSON properties
    const fs::path dbf = dir / "twin.dbf";
    ASSERT_TRUE(run("ogr2ogr -f 'ESRI Shapefile' " + q(dbf) + " " + q(csv) + " -oo AUTODETECT_TYPE=YES"));
    const fs::path shp = dir / "titik.shp";
    ASSERT_TRUE(run("ogr2ogr -f 'ESRI Shapefile' " + q(shp) + " " + q(geojson)));

    struct Leg {
        std::string name;
        fs::path path;
        std::string layer;
    };
    std::vector<Leg> legs = {{"gpkg (only table layer)", gpkg, ""},
                             {"gpkg:penduduk", gpkg, "penduduk"},
                             {"dbf", dbf, ""},
                             {"shp", shp, ""},
                             {"geojson", geojson, ""}};
    const fs::path ods = dir / "twin.ods";
    if (run("ogr2ogr -f ODS " + q(ods) + " " + q(csv)))
        legs.push_back({"ods", ods, ""});
    else
        std::cout << "[  NOTE    ] GDAL's ODS driver cannot write here: the ODS leg is left out\n";

    const std::string csvRows = reportRows(dir / "csv.match.csv");
    for (const Leg& leg : legs) {
        SCOPED_TRACE(leg.name);
        gis::Dataset ds = gis::buildDefaultDataset();
        gis::TableImportOptions o = twinOptions(dir, "leg.match.csv");
        o.sheet = leg.layer;
        const gis::TableImportReport report = gis::importTable(ds, leg.path.string(), o);
        ASSERT_TRUE(report.written) << report.text();
        EXPECT_EQ(report.headerRow, 1);
        EXPECT_EQ(valuesOf(ds), expected);
        // the same rows as the CSV: row 1 the field names, each feature a row below
        EXPECT_EQ(reportRows(dir / "leg.match.csv"), csvRows);
    }
    ASSERT_EQ(gis::readRawTable(gpkg.string()).layer, "penduduk");
}

TEST(TableImportOgr, NumbersStoredAsNumbersAreNeverReadAsThousands)
{
    // 1.735 stored as a real is one point seven: in a CSV the same text would be read the
    // Indonesian way (1.735 = 1735) and reported as ambiguous.
    const fs::path dir = testutil::tempDir("table_ogr_typed");
    const fs::path geojson = dir / "rasio.geojson";
    testutil::writeFile(geojson, R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"kode": "18.06.01.1003", "rasio": 1.735}, "geometry": null},
{"type": "Feature", "properties": {"kode": "18.06.03.2019", "rasio": 2.5}, "geometry": null}]})");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2030";
    o.indicators = {{"rasio", "rasio"}};
    o.reportPath = (dir / "r.match.csv").string();
    const gis::TableImportReport report = gis::importTable(ds, geojson.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.01.1003", "rasio", "2030"), 1.735);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2019", "rasio", "2030"), 2.5);
    EXPECT_NE(report.text().find("numbers stored as numbers in the layer"), std::string::npos) << report.text();
}

TEST(TableImportOgr, ALayerThatIsNotThereIsNamedWithTheLayersTheFileHas)
{
    const fs::path dir = testutil::tempDir("table_ogr_layers");
    const fs::path csv = dir / "twin.csv";
    testutil::writeFile(csv, kTwinCsv);
    const fs::path gpkg = dir / "dua.gpkg";
    ASSERT_TRUE(run("ogr2ogr -f GPKG " + q(gpkg) + " " + q(csv) + " -nln miskin_2023"));
    ASSERT_TRUE(run("ogr2ogr -update -f GPKG " + q(gpkg) + " " + q(csv) + " -nln miskin_2024"));

    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o = twinOptions(dir, "x.match.csv");
    o.sheet = "miskin_2025";
    try {
        gis::importTable(ds, gpkg.string(), o);
        FAIL() << "a missing layer was accepted";
    } catch (const gis::DataSourceError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot read '" + gpkg.string()
                                             + "': it has no layer 'miskin_2025'; its layers are 'miskin_2023', "
                                               "'miskin_2024'");
        EXPECT_EQ(e.parameters(), std::vector<std::string>{"layer"});
    }
    // Two tables and none named: which one is asked, not guessed.
    o.sheet.clear();
    try {
        gis::importTable(ds, gpkg.string(), o);
        FAIL() << "one of two tables was guessed";
    } catch (const gis::DataSourceError& e) {
        EXPECT_NE(std::string(e.what()).find("it has 2 layers ('miskin_2023', 'miskin_2024'); name the one that "
                                             "holds the table"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "x.match.csv")) << "nothing is written when the file cannot be read";
    o.sheet = "miskin_2024";
    EXPECT_TRUE(gis::importTable(ds, gpkg.string(), o).written);
}

TEST(TableImportOgr, TheMatchReportGoesBesideTheProjectNeverBesideTheInput)
{
    const fs::path dir = testutil::tempDir("table_ogr_report");
    fs::create_directories(dir / "shared");
    fs::create_directories(dir / "projects");
    const fs::path input = dir / "shared" / "rekap.csv";
    testutil::writeFile(input, kTwinCsv);
    const std::string project = (dir / "projects" / "p.sasaran.sqlite").string();

    EXPECT_EQ(gis::defaultReportPath(input.string(), project), (dir / "projects" / "rekap.match.csv").string());
    EXPECT_EQ(gis::defaultReportPath(input.string(), "postgresql://u@h/db?project=x"), "rekap.match.csv");

    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o = twinOptions(dir, "");
    o.reportPath.clear();
    o.projectLocation = project;
    const gis::TableImportReport report = gis::importTable(ds, input.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(report.reportPath, (dir / "projects" / "rekap.match.csv").string());
    EXPECT_TRUE(fs::exists(dir / "projects" / "rekap.match.csv"));
    EXPECT_FALSE(fs::exists(dir / "shared" / "rekap.match.csv"));

    // A report path that is the project or the input is refused before anything is written.
    testutil::writeFile(project, "not really a project, but it exists");
    for (const std::string& bad : {project, input.string()}) {
        gis::Dataset fresh = gis::buildDefaultDataset();
        o.reportPath = bad;
        o.period = "2031";
        EXPECT_THROW(gis::importTable(fresh, input.string(), o), gis::OutputError) << bad;
        EXPECT_EQ(testutil::valueCount(fresh, "miskin", "2031"), 0u);
    }
    EXPECT_EQ(testutil::readFile(project), "not really a project, but it exists");
    EXPECT_EQ(testutil::readFile(input), kTwinCsv);
}
