// Issue 15: hostile inputs (NaN, impossible coordinates), valid inputs that were misread (XLSX
// header in row 1, multi-line CSV cells) and full disks.
#include "../../gis/src/detail/atomicoutput.h"
#include "gis/dataset.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometry.h"
#include "gis/network.h"
#include "gis/outputpath.h"
#include "gis/placement.h"
#include "gis/tableimport.h"
#include "gis/text.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <cpl_vsi.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <cmath>
#include <functional>
#include <limits>

namespace fs = std::filesystem;

namespace {

/// Writes a GeoPackage layer of lines; NaN vertices go through as written.
void writeLines(const fs::path& path, const std::vector<std::vector<std::pair<double, double>>>& lines)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr out(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(out);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = out->CreateLayer("jalan", &srs, wkbLineString, nullptr);
    ASSERT_NE(layer, nullptr);
    for (const auto& line : lines) {
        OGRFeature f(layer->GetLayerDefn());
        OGRLineString g;
        for (const auto& [x, y] : line)
            g.addPoint(x, y);
        f.SetGeometry(&g);
        ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
}

std::string messageOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(Reliability, NanVerticesInRoadsAreRefusedNamingTheFeatureInsteadOfHanging)
{
    const auto dir = testutil::tempDir("rel_nan_roads");
    const fs::path roads = dir / "r.gpkg";
    const double nan = std::numeric_limits<double>::quiet_NaN();
    writeLines(roads,
               {{{104.60, -5.40}, {104.62, -5.40}},
                {{104.62, -5.40}, {nan, -5.41}, {104.64, -5.42}},
                {{104.64, -5.42}, {104.66, std::numeric_limits<double>::infinity()}}});
    const auto start = std::chrono::steady_clock::now();
    const std::string why = messageOf([&] { gis::readVector(roads.string()); });
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    EXPECT_NE(why.find("r.gpkg"), std::string::npos) << why;
    EXPECT_NE(why.find("feature fid 2"), std::string::npos) << why;
    EXPECT_NE(why.find("not a number"), std::string::npos) << why;
    EXPECT_NE(why.find("2 of 3 features"), std::string::npos) << why;

    // Lines given in memory: refused as well; a built network never walks a NaN weight.
    EXPECT_THROW(gis::RoadNetwork::fromLines({{{104.6, -5.4}, {nan, -5.4}}}), gis::Error);
    const gis::RoadNetwork net = gis::RoadNetwork::fromLines({{{104.60, -5.40}, {104.61, -5.40}}}, {40.0});
    // 0.01 degree of longitude at 5.4 S: 1,106.9 m on the ellipsoid; at 40 km/h 1.66 minutes.
    EXPECT_NEAR(net.travelMinutes({104.60, -5.40}, {104.61, -5.40}), 1.1069 / 40.0 * 60.0, 0.02);
}

TEST(Reliability, PointsOrPolygonsAsRoadsAreRefused)
{
    gis::VectorData data;
    data.path = "titik.geojson";
    gis::VectorFeature f;
    f.geometry.type = gis::GeometryType::Point;
    f.geometry.points = {{104.6, -5.4}};
    data.features = {f, f};
    const std::string why = messageOf([&] { gis::RoadNetwork::fromVector(data, "", {}, 30.0); });
    EXPECT_NE(why.find("titik.geojson"), std::string::npos) << why;
    EXPECT_NE(why.find("none of its 2 features is a line"), std::string::npos) << why;
}

TEST(Reliability, ImpossibleCoordinatesAreRefusedWithAHint)
{
    const auto dir = testutil::tempDir("rel_coordinates");
    auto geojson = [&](const std::string& name, const std::string& coordinates) {
        const fs::path p = dir / name;
        testutil::writeFile(p,
                            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                            "{\"kode\":\"1\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                                + coordinates + "}}]}");
        return p.string();
    };
    std::string why = messageOf([&] { gis::readVector(geojson("swapped.geojson", "[-5.4, 104.6]")); });
    EXPECT_NE(why.find("swapped.geojson"), std::string::npos) << why;
    EXPECT_NE(why.find("feature fid 0"), std::string::npos) << why;
    EXPECT_NE(why.find("latitude and longitude are swapped"), std::string::npos) << why;
    why = messageOf([&] { gis::readVector(geojson("utm.geojson", "[452000, 9401000]")); });
    EXPECT_NE(why.find("metres"), std::string::npos) << why;
    why = messageOf([&] { gis::readVector(geojson("plus360.geojson", "[464.6, -5.4]")); });
    EXPECT_NE(why.find("subtract 360"), std::string::npos) << why;
    why = messageOf([&] { gis::readVector(geojson("lat95.geojson", "[104.6, 95.0]")); });
    EXPECT_NE(why.find("latitude -90..90"), std::string::npos) << why;
    // A good point reads.
    const gis::VectorData ok = gis::readVector(geojson("ok.geojson", "[104.6, -5.4]"));
    ASSERT_EQ(ok.features.size(), 1u);
    EXPECT_DOUBLE_EQ(ok.features[0].geometry.points.at(0).x, 104.6);
}

TEST(Reliability, XlsxWithTheHeaderInRowOneAndNumbersReadsEveryRowAsText)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
        GTEST_SKIP() << "GDAL's XLSX driver cannot write here";
    const auto dir = testutil::tempDir("rel_xlsx_header");
    const fs::path file = dir / "t.xlsx";
    {
        GDALDatasetUniquePtr out(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(out);
        OGRLayer* layer = out->CreateLayer("desa", nullptr, wkbNone, nullptr);
        OGRFieldDefn code("kode", OFTString), value("miskin", OFTReal);
        ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
        ASSERT_EQ(layer->CreateField(&value), OGRERR_NONE);
        for (const auto& [c, v] :
             std::vector<std::pair<const char*, double>>{{"18.06.20.2005", 12.5}, {"18.06.19.2001", 7}}) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField(0, c);
            f.SetField(1, v);
            ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
        }
    }
    const gis::RawTable t = gis::readRawTable(file.string());
    ASSERT_EQ(t.rows.size(), 3u) << "the header row is a row of the table";
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"kode", "miskin"}));
    EXPECT_EQ(t.rowNumbers[0], 1);
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"18.06.20.2005", "12.5"}));
    EXPECT_EQ(t.rows[2], (std::vector<std::string>{"18.06.19.2001", "7"}));
    EXPECT_EQ(gis::findHeaderRow(t, {"kode", "miskin"}), 0);
}

TEST(Reliability, QuotedCsvCellsWithLineBreaksStayOneRow)
{
    const auto dir = testutil::tempDir("rel_csv_multiline");
    const fs::path file = dir / "t.csv";
    testutil::writeFile(file,
                        "kode,catatan,miskin\r\n18.06.20.2005,\"baris satu\r\nbaris \"\"dua\"\"\",12\r\n"
                        "18.06.19.2001,biasa,7\r\n");
    const gis::RawTable t = gis::readRawTable(file.string());
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"18.06.20.2005", "baris satu\r\nbaris \"dua\"", "12"}));
    EXPECT_EQ(t.rows[2], (std::vector<std::string>{"18.06.19.2001", "biasa", "7"}));
    EXPECT_EQ(t.rowNumbers[2], 3);
}

TEST(Reliability, AFullDiskIsReportedAndLeavesNoFile)
{
    const auto dir = testutil::tempDir("rel_full_disk");
    const fs::path target = dir / "t.csv";
    testutil::writeFile(target, "old\n");
    // /dev/full: the kernel's full disk; every write fails with ENOSPC.
    std::string why = messageOf([] { gis::detail::writeWholeFile("/dev/full", std::string(100, 'x'), "t.csv"); });
    EXPECT_NE(why.find("writing failed after 0 of 100 bytes"), std::string::npos) << why;
    EXPECT_NE(why.find("No space left on device"), std::string::npos) << why;

    // A disk with 10 bytes free: the old file stays, no temporary is left.
    gis::detail::setSimulatedFreeBytesForTesting(10);
    why = messageOf([&] { gis::writeTextFileAtomically(target.string(), std::string(100, 'y')); });
    gis::detail::setSimulatedFreeBytesForTesting(-1);
    EXPECT_NE(why.find("t.csv"), std::string::npos) << why;
    EXPECT_NE(why.find("after 10 of 100 bytes"), std::string::npos) << why;
    EXPECT_EQ(testutil::readFile(target), "old\n");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++entries;
    EXPECT_EQ(entries, 1u) << "no temporary left";
}

TEST(Reliability, OutputPathCheck)
{
    const auto dir = testutil::tempDir("rel_output_check");
    const fs::path input = dir / "in.csv";
    testutil::writeFile(input, "a\n");
    EXPECT_NO_THROW(gis::checkOutputPath((dir / "new.csv").string(), {input.string()}));
    EXPECT_NO_THROW(gis::checkOutputPath((dir / "in2.csv").string(), {input.string(), "missing.csv"}));
    const std::string why = messageOf([&] { gis::checkOutputPath((dir / "." / "in.csv").string(), {input.string()}); });
    EXPECT_NE(why.find("being read"), std::string::npos) << why;
    EXPECT_THROW(gis::checkOutputPath(dir.string()), gis::OutputError);
    EXPECT_THROW(gis::checkOutputPath("/dev/null"), gis::OutputError);
}

TEST(Reliability, TheAreaFingerprintSeesSwappedAxes)
{
    // A 0.5 x 1 degree rectangle and the same with x and y swapped: same vertex count and the
    // same plain x + y sum (the old fingerprint), different geometry.
    const gis::Ring ring = {{1.0, 2.0}, {1.5, 2.0}, {1.5, 3.0}, {1.0, 3.0}, {1.0, 2.0}};
    gis::Ring swapped;
    for (const gis::Point& p : ring)
        swapped.push_back({p.y, p.x});
    const gis::MultiPolygon original = {gis::Polygon{ring, {}}};
    const gis::MultiPolygon flipped = {gis::Polygon{swapped, {}}};
    double plainOriginal = 0, plainFlipped = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        plainOriginal += ring[i].x + ring[i].y;
        plainFlipped += swapped[i].x + swapped[i].y;
    }
    ASSERT_DOUBLE_EQ(plainOriginal, plainFlipped);
    EXPECT_NE(gis::coordinateSum(original), gis::coordinateSum(flipped));

    // A cached area of the original is not used for the swapped geometry.
    gis::Dataset ds;
    gis::Area a;
    a.code = "99.01.01.2001";
    a.kind = "pekon";
    a.geometry = original;
    ds.areas.push_back(a);
    ds.areaCache[a.code] = gis::CachedArea{999.0, gis::vertexCount(original), gis::coordinateSum(original), {}};
    EXPECT_DOUBLE_EQ(ds.areaKm2(ds.areas[0]), 999.0) << "the cache of the same geometry is used";
    ds.areas[0].geometry = flipped;
    // Measured anew: 1 degree of longitude x 0.5 degree of latitude at 1-1.5 N, on the ellipsoid
    // about 111.29 km x 55.29 km = 6,153 km2.
    EXPECT_NEAR(ds.areaKm2(ds.areas[0]), 6153.0, 10.0);
}

TEST(Reliability, MoreSitesThanCandidatesIsRefused)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    gis::PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 1'000'000;
    // The embedded dataset: 302 pekon, two of them with a Puskessos, so 300 candidates.
    const std::string why = messageOf([&] { gis::placeFacilities(ds, o); });
    EXPECT_NE(why.find("1000000 new sites asked for, but there are only 300 candidate pekon (of 302)"),
              std::string::npos)
        << why;
    o.count = 5;
    const gis::PlacementResult five = gis::placeFacilities(ds, o);
    EXPECT_EQ(five.sites.size(), 5u);
    EXPECT_EQ(five.candidateCount, 300u);
}

TEST(Reliability, NihilAndRaggedCellsAreCountedInTheSummary)
{
    const auto dir = testutil::tempDir("rel_nihil");
    const fs::path file = dir / "t.csv";
    // 18.06.20.2005: both values; 18.06.19.2001: '-' for miskin; 18.06.03.2001: a short row
    // (no penduduk); 18.06.03.2019: an empty miskin.
    testutil::writeFile(file,
                        "kode,miskin,penduduk\n18.06.20.2005,12,400\n18.06.19.2001,-,300\n18.06.03.2001,5\n"
                        "18.06.03.2019,,250\n");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2031";
    o.indicators = {{"miskin", "miskin"}, {"penduduk", "penduduk"}};
    o.codeField = "kode";
    o.reportPath = (dir / "t.match.csv").string();
    const gis::TableImportReport report = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(report.valuesWritten, 5u);
    EXPECT_NE(report.text().find("3 cell(s) of matched rows give no value and were not stored: 1 empty, 1 '-' "
                                 "(nihil), 1 missing from rows shorter than the header"),
              std::string::npos)
        << report.text();
}

TEST(Reliability, HeaderOnlyTablesAndAllUnknownCodesImportNothingWithOneSummary)
{
    const auto dir = testutil::tempDir("rel_nothing_to_import");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2031";
    o.indicators = {{"miskin", "miskin"}};
    o.codeField = "kode";
    o.projectLocation = (dir / "p.sasaran.sqlite").string(); // the reports go beside it
    const fs::path headerOnly = dir / "kosong.csv";
    testutil::writeFile(headerOnly, "kode,miskin\n");
    gis::TableImportReport report = gis::importTable(ds, headerOnly.string(), o);
    EXPECT_FALSE(report.written);
    EXPECT_NE(report.text().find("no data row below its header"), std::string::npos) << report.text();

    // 500 codes of no pekon: not imported, 20 rows listed and one line for the other 480.
    std::string rows = "kode,miskin\n";
    for (int i = 0; i < 500; ++i)
        rows += fmt::format("99.99.99.{},{}\n", 2000 + i, i);
    const fs::path unknown = dir / "asing.csv";
    testutil::writeFile(unknown, rows);
    report = gis::importTable(ds, unknown.string(), o);
    EXPECT_FALSE(report.written);
    const std::string text = report.text();
    EXPECT_NE(text.find("nothing to import: 0 of 500 data row(s) matched"), std::string::npos) << text;
    std::size_t listed = 0;
    for (std::size_t at = text.find("  unmatched  row"); at != std::string::npos;
         at = text.find("  unmatched  row", at + 1))
        ++listed;
    EXPECT_EQ(listed, 20u);
    EXPECT_NE(text.find("... and 480 more unmatched row(s), listed in the match report"), std::string::npos) << text;
    std::size_t reportRows = 0;
    for (char c : testutil::readFile(dir / "asing.match.csv"))
        reportRows += c == '\n' ? 1 : 0;
    EXPECT_EQ(reportRows, 501u) << "the match report lists every row";
}

namespace {

void writePointShapefile(const fs::path& path, int count)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr out(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(out);
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    OGRLayer* layer = out->CreateLayer(path.stem().c_str(), &srs, wkbPoint, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn code("kode", OFTString);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    for (int i = 0; i < count; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, std::to_string(i).c_str());
        OGRPoint p(104.6 + 0.01 * i, -5.4);
        f.SetGeometry(&p);
        ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
}

} // namespace

TEST(Reliability, ADbfWithFewerRecordsThanTheShpIsRefused)
{
    const auto dir = testutil::tempDir("rel_dbf_short");
    writePointShapefile(dir / "desa.shp", 3);
    writePointShapefile(dir / "lain.shp", 1);
    EXPECT_EQ(gis::readVector((dir / "desa.shp").string()).features.size(), 3u);
    fs::copy_file(dir / "lain.dbf", dir / "desa.dbf", fs::copy_options::overwrite_existing);
    const std::string why = messageOf([&] { gis::readVector((dir / "desa.shp").string()); });
    EXPECT_NE(why.find("desa.shp"), std::string::npos) << why;
    EXPECT_NE(why.find("its .dbf has 1 records but its .shp has 3 shapes"), std::string::npos) << why;
}

TEST(Reliability, XlsxFormulaCellsWithoutASavedValueStopTheImport)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
        GTEST_SKIP() << "GDAL's XLSX driver cannot write here";
    const auto dir = testutil::tempDir("rel_xlsx_formula");
    const fs::path written = dir / "asli.xlsx";
    {
        GDALDatasetUniquePtr out(driver->Create(written.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(out);
        OGRLayer* layer = out->CreateLayer("desa", nullptr, wkbNone, nullptr);
        OGRFieldDefn code("kode", OFTString), value("miskin", OFTInteger);
        ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
        ASSERT_EQ(layer->CreateField(&value), OGRERR_NONE);
        for (const auto& [c, v] :
             std::vector<std::pair<const char*, int>>{{"18.06.20.2005", 4321}, {"18.06.19.2001", 7}}) {
            OGRFeature f(layer->GetLayerDefn());
            f.SetField(0, c);
            f.SetField(1, v);
            ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
        }
    }
    // The same workbook with the cell 4321 turned into a formula without a saved value, as a
    // program that does not compute formulas writes it.
    const fs::path formula = dir / "rumus.xlsx";
    const std::string from = "/vsizip/" + written.string();
    char** members = VSIReadDirRecursive(from.c_str());
    bool replaced = false;
    for (char** m = members; m && *m; ++m) {
        const std::string name = *m;
        VSIStatBufL st{};
        if (VSIStatL((from + "/" + name).c_str(), &st) != 0 || VSI_ISDIR(st.st_mode))
            continue;
        std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
        VSILFILE* in = VSIFOpenL((from + "/" + name).c_str(), "rb");
        ASSERT_NE(in, nullptr);
        ASSERT_EQ(VSIFReadL(bytes.data(), 1, bytes.size(), in), bytes.size());
        VSIFCloseL(in);
        if (name == "xl/worksheets/sheet1.xml") {
            const std::size_t at = bytes.find("<v>4321</v>");
            ASSERT_NE(at, std::string::npos) << bytes;
            bytes.replace(at, 11, "<f>A2*0+4321</f>");
            replaced = true;
        }
        VSILFILE* out = VSIFOpenL(("/vsizip/" + formula.string() + "/" + name).c_str(), "wb");
        ASSERT_NE(out, nullptr);
        ASSERT_EQ(VSIFWriteL(bytes.data(), 1, bytes.size(), out), bytes.size());
        VSIFCloseL(out);
    }
    CSLDestroy(members);
    ASSERT_TRUE(replaced);

    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2031";
    o.indicators = {{"miskin", "miskin"}};
    o.codeField = "kode";
    const gis::TableImportReport ok = gis::importTable(ds, written.string(), o);
    EXPECT_TRUE(ok.written) << ok.text();
    EXPECT_EQ(ok.valuesWritten, 2u);
    o.replace = true;
    const gis::TableImportReport report = gis::importTable(ds, formula.string(), o);
    EXPECT_FALSE(report.written);
    EXPECT_NE(report.text().find("1 formula cell(s) have no computed value saved in the file (first: B2)"),
              std::string::npos)
        << report.text();
}
