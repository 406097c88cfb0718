// `sasaran-cli import roads` and the commands that use the stored roads when no --roads file
// is given: analyze, place --minutes, place --travel, pokdarwis and map.
#include "cliutil.h"
#include "testutil.h"

#include "gis/project.h"
#include "layers/roadstyle.h"

#include <QColor>
#include <QImage>

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using testutil::runCli;

namespace {

/// A national road along the coast east of Kota Agung and a kabupaten road inland from it.
constexpr const char* kRoads = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},
  "features":[
   {"type":"Feature","properties":{"kelas":"Jalan Nasional"},
    "geometry":{"type":"LineString","coordinates":[[104.625,-5.495],[104.75,-5.49],[104.9,-5.495]]}},
   {"type":"Feature","properties":{"kelas":"jalan kabupaten"},
    "geometry":{"type":"LineString","coordinates":[[104.625,-5.495],[104.62,-5.40],[104.60,-5.30]]}}]})";

struct ProjectWithRoads {
    fs::path dir, project, roads;
    explicit ProjectWithRoads(const std::string& name)
    {
        dir = testutil::tempDir(name);
        project = dir / "t.sasaran.sqlite";
        roads = dir / "jalan.geojson";
        testutil::writeFile(roads, kRoads);
        EXPECT_EQ(runCli({"demo", project.string()}).code, 0);
    }
};

std::vector<std::vector<std::string>> readCsv(const fs::path& path)
{
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(testutil::readFile(path));
    std::string line;
    while (std::getline(in, line))
        rows.push_back(testutil::splitCsvLine(line));
    return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name)
{
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

int pixelsOf(const QImage& image, const QColor& colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == colour ? 1 : 0;
    return n;
}

} // namespace

TEST(RoadsCli, ImportKeepsTheRoadsWithTheirClassesAndSpeeds)
{
    const ProjectWithRoads p("roads_cli_import");
    const auto r = runCli({"import", "roads", p.project.string(), p.roads.string(), "--class-field", "kelas"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("roads: 2 features in 2 classes"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("jalan nasional: 1,"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("60 km/h"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("40 km/h"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(p.project.string());
    ASSERT_EQ(ds.roads.roads.size(), 2u);
    EXPECT_EQ(ds.roads.roads[0].roadClass, "Jalan Nasional");
    EXPECT_EQ(ds.roads.speedsKmh.at("jalan kabupaten"), 40.0);
    EXPECT_EQ(ds.metaValue("jalan_sumber"), "jalan.geojson");
    const auto info = runCli({"info", p.project.string()});
    EXPECT_NE(info.out.find("roads:       2 roads in 2 classes (from jalan.geojson)"), std::string::npos) << info.out;

    // A speed table overrides a default; importing again replaces the roads (not adds to them).
    const auto speeds = p.dir / "kecepatan.json";
    testutil::writeFile(speeds, R"({"jalan kabupaten": 35})");
    ASSERT_EQ(runCli({"import", "roads", p.project.string(), p.roads.string(), "--speeds", speeds.string()}).code, 0);
    const gis::Dataset again = gis::loadProject(p.project.string());
    EXPECT_EQ(again.roads.roads.size(), 2u);
    EXPECT_EQ(again.roads.speedsKmh.at("jalan kabupaten"), 35.0);
}

TEST(RoadsCli, BadRoadsAreInputErrorsAndTheProjectKeepsItsRoads)
{
    const ProjectWithRoads p("roads_cli_bad");
    ASSERT_EQ(runCli({"import", "roads", p.project.string(), p.roads.string()}).code, 0);
    const auto polygons = p.dir / "wilayah.geojson";
    testutil::writeFile(polygons, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"Polygon","coordinates":[[[104.6,-5.5],[104.7,-5.5],[104.7,-5.4],[104.6,-5.5]]]}}]})");
    auto r = runCli({"import", "roads", p.project.string(), polygons.string()});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("feature 1 (fid 0) is a polygon, not a road line"), std::string::npos) << r.err;
    const auto unknown = p.dir / "kebun.geojson";
    testutil::writeFile(unknown, R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"kelas":"jalan kebun"},"geometry":{"type":"LineString","coordinates":[[104.6,-5.5],[104.7,-5.5]]}}]})");
    r = runCli({"import", "roads", p.project.string(), unknown.string(), "--class-field", "kelas"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("1 road class of field 'kelas' has no speed: 'jalan kebun' (1 feature)"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("--speeds FILE.json"), std::string::npos) << r.err;
    const auto far = p.dir / "jawa.geojson";
    testutil::writeFile(far, R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"highway":"primary"},"geometry":{"type":"LineString","coordinates":[[110.4,-7.0],[110.5,-7.0]]}}]})");
    r = runCli({"import", "roads", p.project.string(), far.string()});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("nowhere near the project's areas"), std::string::npos) << r.err;
    EXPECT_EQ(gis::loadProject(p.project.string()).roads.roads.size(), 2u) << "nothing was written";
}

TEST(RoadsCli, AnalyzeAndPlaceUseTheStoredRoadsLikeTheSameFile)
{
    const ProjectWithRoads p("roads_cli_use");
    ASSERT_EQ(runCli({"import", "roads", p.project.string(), p.roads.string(), "--class-field", "kelas"}).code, 0);
    const std::vector<std::string> fileRoads = {"--roads", p.roads.string(), "--road-class-field", "kelas",
                                                "--road-speeds", "jalan nasional=60,jalan kabupaten=40"};
    // analyze: travel minutes from the stored roads equal those from the file at the same speeds
    const auto stored = runCli({"analyze", p.project.string(), "--out", (p.dir / "a.csv").string()});
    ASSERT_EQ(stored.code, 0) << stored.err;
    EXPECT_NE(stored.out.find("from the project's road layer (2 roads)"), std::string::npos) << stored.out;
    std::vector<std::string> args = {"analyze", p.project.string(), "--out", (p.dir / "b.csv").string()};
    args.insert(args.end(), fileRoads.begin(), fileRoads.end());
    const auto fromFile = runCli(args);
    ASSERT_EQ(fromFile.code, 0) << fromFile.err;
    EXPECT_NE(fromFile.out.find("from file " + p.roads.string()), std::string::npos) << fromFile.out;
    const auto a = readCsv(p.dir / "a.csv"), b = readCsv(p.dir / "b.csv");
    const std::size_t minutes = column(a[0], "travel_capital_min");
    ASSERT_LT(minutes, a[0].size());
    ASSERT_EQ(a.size(), b.size());
    int compared = 0;
    for (std::size_t i = 1; i < a.size(); ++i) {
        EXPECT_EQ(a[i][minutes], b[i][minutes]) << a[i][0];
        compared += a[i][minutes].empty() ? 0 : 1;
    }
    EXPECT_EQ(compared, 302);

    // place --minutes without --roads: the stored roads, the same sites as with the file
    const auto place = runCli({"place", p.project.string(), "--kind", "PUSKESSOS", "--count", "3", "--minutes", "30",
                               "--out", (p.dir / "p.csv").string()});
    ASSERT_EQ(place.code, 0) << place.err;
    EXPECT_NE(place.out.find("reach in minutes by roads: the project's road layer (2 roads)"), std::string::npos)
        << place.out;
    args = {"place", p.project.string(), "--kind", "PUSKESSOS", "--count", "3", "--minutes", "30", "--out",
            (p.dir / "q.csv").string()};
    args.insert(args.end(), fileRoads.begin(), fileRoads.end());
    const auto placeFile = runCli(args);
    ASSERT_EQ(placeFile.code, 0) << placeFile.err;
    auto sitesOf = [](const std::string& out) {
        const std::size_t from = out.find("sites in order");
        return out.substr(from, out.find("wrote table") - from);
    };
    EXPECT_EQ(sitesOf(place.out), sitesOf(placeFile.out));
    EXPECT_EQ(testutil::readFile(p.dir / "p.csv"), testutil::readFile(p.dir / "q.csv"));

    // a project without roads says what to do
    const auto none = runCli({"place", ":default", "--kind", "PUSKESSOS", "--count", "3", "--minutes", "30", "--out",
                              (p.dir / "r.csv").string()});
    EXPECT_EQ(none.code, 2);
    EXPECT_NE(none.err.find("the project has no road layer (sasaran-cli import roads PROJECT FILE)"), std::string::npos)
        << none.err;

    const auto pok = runCli({"pokdarwis", p.project.string(), "--out", (p.dir / "k.csv").string()});
    ASSERT_EQ(pok.code, 0) << pok.err;
    EXPECT_NE(pok.out.find("POKDARWIS suitability (roads)"), std::string::npos) << pok.out;
    EXPECT_NE(pok.out.find("roads: the project's road layer (2 roads)"), std::string::npos) << pok.out;
}

TEST(RoadsCli, PlaceByTerrainTravelUsesTheTravelModel)
{
    const ProjectWithRoads p("roads_cli_travel");
    ASSERT_EQ(runCli({"import", "roads", p.project.string(), p.roads.string(), "--class-field", "kelas"}).code, 0);
    const auto r = runCli({"place", p.project.string(), "--kind", "PUSKESSOS", "--count", "2", "--minutes", "60",
                           "--travel", "--travel-resolution-m", "1000", "--out", (p.dir / "t.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("reach in minutes by terrain travel: grid"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("road segments of the project's road layer (2 roads at their class speeds)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("within 60 terrain minutes"), std::string::npos) << r.out;
    const auto usage = runCli({"place", p.project.string(), "--kind", "PUSKESSOS", "--count", "2", "--radius-km", "5",
                               "--travel", "--out", (p.dir / "u.csv").string()});
    EXPECT_EQ(usage.code, 2);
    EXPECT_NE(usage.err.find("--travel measures the reach in minutes"), std::string::npos) << usage.err;
}

TEST(RoadsCli, MapDrawsTheStoredRoadsByClassUnlessAskedNotTo)
{
    const ProjectWithRoads p("roads_cli_map");
    ASSERT_EQ(runCli({"import", "roads", p.project.string(), p.roads.string(), "--class-field", "kelas"}).code, 0);
    const auto with = p.dir / "with.png", without = p.dir / "without.png";
    auto r = runCli({"map", p.project.string(), "--out", with.string(), "--dpi", "150"});
    ASSERT_EQ(r.code, 0) << r.err;
    r = runCli({"map", p.project.string(), "--out", without.string(), "--dpi", "150", "--no-roads"});
    ASSERT_EQ(r.code, 0) << r.err;
    const QColor major = layers::roadCoreColor(layers::RoadTier::Major);
    const QColor regency = layers::roadCoreColor(layers::RoadTier::Collector);
    const QImage a(QString::fromStdString(with.string())), b(QString::fromStdString(without.string()));
    ASSERT_FALSE(a.isNull());
    EXPECT_GT(pixelsOf(a, major), 100) << "the national road (and its legend row) in red";
    EXPECT_GT(pixelsOf(a, regency), 50) << "the kabupaten road in orange";
    EXPECT_EQ(pixelsOf(b, major), 0);
    EXPECT_EQ(pixelsOf(b, regency), 0);
}
