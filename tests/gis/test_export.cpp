// Export round trips: every format read back with gis::readVector, values unchanged.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/export.h"
#include "gis/indicators.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace gis;
namespace fs = std::filesystem;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

double number(const FieldValue& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<long long>(&v))
        return static_cast<double>(*i);
    const std::string t = fieldText(v);
    return t.empty() ? NAN : std::stod(t);
}

void checkRoundTrip(const std::string& file, bool polygons)
{
    const auto dir = testutil::tempDir("export_" + fs::path(file).extension().string().substr(1));
    const std::string path = (dir / file).string();
    const ExportReport report = exportProject(tanggamus(), path);
    EXPECT_EQ(report.period, "2018");
    EXPECT_EQ(report.villages, 302u);
    const VectorData back = readVector(path);
    ASSERT_EQ(back.features.size(), 302u) << path;
    EXPECT_EQ(back.type, polygons ? GeometryType::Polygon : GeometryType::Point) << path;
    const int kode = back.fieldIndex("kode");
    ASSERT_GE(kode, 0);
    for (const char* key : {"penduduk", "miskin"}) {
        const int column = back.fieldIndex(key);
        ASSERT_GE(column, 0) << key << " in " << path;
        const auto expected = indicatorValues(tanggamus(), key, "2018");
        std::size_t compared = 0;
        for (const VectorFeature& f : back.features) {
            const std::string code = fieldText(f.values[static_cast<std::size_t>(kode)]);
            auto it = expected.find(code);
            ASSERT_NE(it, expected.end()) << code;
            EXPECT_DOUBLE_EQ(number(f.values[static_cast<std::size_t>(column)]), it->second) << code << " " << key;
            ++compared;
        }
        EXPECT_EQ(compared, 302u);
    }
    EXPECT_EQ(fieldText(back.features.front().values[static_cast<std::size_t>(kode)]),
              tanggamus().villages().front()->code)
        << "codes stay text";
    if (polygons) {
        EXPECT_EQ(back.features.front().geometry.polygons.size(), tanggamus().villages().front()->geometry.size());
    }
    // Nothing but the output is left in the folder (the temporary folder is gone).
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().stem(), fs::path(file).stem()) << entry.path();
}

} // namespace

TEST(Export, GeoPackageRoundTripWithFacilitiesLayer)
{
    checkRoundTrip("t.gpkg", true);
    const auto dir = testutil::tempDir("export_gpkg_facilities");
    const std::string path = (dir / "f.gpkg").string();
    const ExportReport report = exportProject(tanggamus(), path);
    EXPECT_EQ(report.facilities, tanggamus().facilities.size());
    ReadOptions options;
    options.layer = "fasilitas";
    const VectorData facilities = readVector(path, options);
    ASSERT_EQ(facilities.features.size(), tanggamus().facilities.size());
    EXPECT_EQ(facilities.features[0].geometry.points.at(0), tanggamus().facilities[0].location);
}

TEST(Export, ShapefileRoundTrip)
{
    checkRoundTrip("t.shp", true);
}
TEST(Export, GeoJsonRoundTrip)
{
    checkRoundTrip("t.geojson", true);
}
TEST(Export, CsvRoundTripWithPointOnSurface)
{
    checkRoundTrip("t.csv", false);
}

TEST(Export, XlsxIsWritten)
{
    const auto dir = testutil::tempDir("export_xlsx");
    const std::string path = (dir / "t.xlsx").string();
    const ExportReport report = exportProject(tanggamus(), path);
    EXPECT_EQ(report.facilities, tanggamus().facilities.size());
    EXPECT_TRUE(fs::exists(path));
    EXPECT_GT(fs::file_size(path), 10000u);
}

TEST(Export, ShapefileNamesFitInTenCharactersWithoutCollisions)
{
    const auto names = shortFieldNames({"kode", "rumah_tangga_dtks", "rumah_tangga_miskin", "rumah_tang", "penduduk"});
    EXPECT_EQ(names[0], "kode");
    EXPECT_EQ(names[3], "rumah_tang") << "a name that fits keeps it";
    EXPECT_EQ(names[1], "rumah_tan1");
    EXPECT_EQ(names[2], "rumah_tan2");
    for (const auto& n : names)
        EXPECT_LE(n.size(), 10u);

    Dataset ds = tanggamus();
    for (const Area* v : ds.villages())
        ds.indicators.push_back({v->code, "rumah_tangga_dtks", "2018", 7.0, "test", "2026-01-01T00:00:00Z"});
    const auto dir = testutil::tempDir("export_shp_names");
    const ExportReport report = exportProject(ds, (dir / "t.shp").string());
    ASSERT_EQ(report.renamed.size(), 1u);
    EXPECT_EQ(report.renamed[0].first, "rumah_tangga_dtks");
    const VectorData back = readVector((dir / "t.shp").string());
    const int column = back.fieldIndex(report.renamed[0].second);
    ASSERT_GE(column, 0);
    EXPECT_DOUBLE_EQ(number(back.features[0].values[static_cast<std::size_t>(column)]), 7.0);
}

TEST(Export, ErrorsNameTheFile)
{
    const auto dir = testutil::tempDir("export_errors");
    const std::string unknown = (dir / "t.docx").string();
    try {
        exportProject(tanggamus(), unknown);
        FAIL();
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find("t.docx"), std::string::npos);
    }
    EXPECT_THROW(exportProject(tanggamus(), (dir / "missing" / "t.gpkg").string()), OutputError);
    EXPECT_THROW(exportProject(tanggamus(), (dir / "t.gpkg").string(), {"1999"}), Error);
}

TEST(Export, TemporariesOfDeadProcessesAreCleanedAndNoneIsLeft)
{
    const auto dir = testutil::tempDir("export_temporaries");
    // A process that has ended (its pid is free) and one that runs (our parent).
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    const fs::path stale = dir / (".t.tmp-" + std::to_string(child));
    const fs::path alive = dir / (".t.tmp-" + std::to_string(::getppid()));
    fs::create_directory(stale);
    testutil::writeFile(stale / "t.csv", "left by a crash\n");
    fs::create_directory(alive);

    const std::string path = (dir / "t.csv").string();
    const ExportReport report = exportProject(tanggamus(), path);
    EXPECT_EQ(report.villages, tanggamus().villages().size());
    EXPECT_TRUE(fs::exists(path));
    EXPECT_FALSE(fs::exists(stale)) << "the temporary of an ended process is removed";
    EXPECT_TRUE(fs::exists(alive)) << "the temporary of a running process is left alone";
    fs::remove_all(alive);
    std::vector<std::string> temporaries;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos)
            temporaries.push_back(entry.path().filename().string());
    EXPECT_EQ(temporaries, std::vector<std::string>{}) << "the export's own temporary is gone";
}
