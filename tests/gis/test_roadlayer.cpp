// The project's road layer (gis/roadlayer.h): made from a line layer and checked, stored, and
// used for travel minutes exactly as the same roads read from a file; and placement reach over
// terrain (TerrainTravelMinutes) on a hand-worked flat grid.
#include "gis/roadlayer.h"

#include "gis/crs.h"
#include "gis/error.h"
#include "gis/placement.h"
#include "gis/project.h"
#include "gis/store.h"
#include "gis/travel.h"
#include "gis/vectorio.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

using namespace gis;

namespace {

std::string messageOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

VectorData layerOf()
{
    VectorData d;
    d.path = "jalan.gpkg";
    d.type = GeometryType::Line;
    d.fieldNames = {"kelas"};
    return d;
}

Extent box(double minX, double minY, double maxX, double maxY)
{
    Extent e;
    e.include(Point{minX, minY});
    e.include(Point{maxX, maxY});
    return e;
}

/// 0.1 degree of longitude on the equator of WGS 84: a * pi / 180 * 0.1 = 11,131.949 m.
constexpr double kTenthDegreeOnEquatorM = 6378137.0 * 3.14159265358979 / 180.0 * 0.1;

} // namespace

TEST(RoadLayer, DefaultSpeedsCoverIndonesianAndOsmClassesAndFerries)
{
    const auto s = defaultRoadSpeeds();
    EXPECT_EQ(s.at("jalan nasional"), 60);
    EXPECT_EQ(s.at("jalan provinsi"), 50);
    EXPECT_EQ(s.at("jalan kabupaten"), 40);
    EXPECT_EQ(s.at("jalan desa"), 25);
    EXPECT_EQ(s.at("jalan setapak"), 5);
    EXPECT_EQ(s.at("primary"), 60);
    EXPECT_EQ(s.at("secondary"), 50);
    EXPECT_EQ(s.at("tertiary"), 40);
    EXPECT_EQ(s.at("residential"), 25);
    EXPECT_EQ(s.at("track"), 15);
    EXPECT_EQ(s.at("path"), 5);
    EXPECT_EQ(s.at("ferry"), 15);
    EXPECT_EQ(roadClassKey("  Jalan_Kabupaten "), "jalan kabupaten");
    EXPECT_EQ(roadClassKey("living_street"), "living street");
}

TEST(RoadLayer, SpeedTableJsonOverridesTheDefaultsAndRefusesBadSpeeds)
{
    const auto s = roadSpeedsFromJson(R"({"Jalan Kabupaten": 35, "jalan tambang": 20})", "kecepatan.json");
    EXPECT_EQ(s.at("jalan kabupaten"), 35);
    EXPECT_EQ(s.at("jalan tambang"), 20);
    EXPECT_EQ(s.at("ferry"), 15) << "the defaults stay";
    const std::string bad = messageOf([] { roadSpeedsFromJson(R"({"ferry": -3})", "kecepatan.json"); });
    EXPECT_NE(bad.find("kecepatan.json"), std::string::npos) << bad;
    EXPECT_NE(bad.find("'ferry'"), std::string::npos) << bad;
    EXPECT_NE(bad.find("not a positive number"), std::string::npos) << bad;
    EXPECT_NE(messageOf([] { roadSpeedsFromJson("[1, 2]", "k.json"); }).find("not a JSON object"), std::string::npos);
}

TEST(RoadLayer, BadInputIsNamedByFeatureAndNothingIsDropped)
{
    const auto speeds = defaultRoadSpeeds();
    const Extent regency = box(0.0, 0.0, 0.2, 0.1);
    /// The message for a layer of \a lines good roads followed by \a last.
    auto failure = [&](int goodLines, const std::function<void(VectorFeature&)>& last) {
        VectorData d = layerOf();
        d.features.resize(static_cast<std::size_t>(goodLines) + 1);
        for (int i = 0; i < goodLines; ++i) {
            VectorFeature& f = d.features[static_cast<std::size_t>(i)];
            f.fid = i + 1;
            f.geometry.type = GeometryType::Line;
            f.geometry.lines.push_back({{0.0, 0.05}, {0.1, 0.05}});
            f.values.emplace_back(std::string("jalan kabupaten"));
        }
        VectorFeature& f = d.features.back();
        f.values.emplace_back(std::string("jalan desa"));
        last(f);
        return messageOf([&] { roadLayerFromVector(d, "kelas", speeds, regency); });
    };
    auto line = [](long long fid, LineString points) {
        return [fid, points](VectorFeature& f) {
            f.fid = fid;
            f.geometry.type = GeometryType::Line;
            f.geometry.lines.push_back(points);
        };
    };

    std::string m = failure(1, [](VectorFeature& f) {
        f.fid = 7;
        f.geometry.type = GeometryType::Polygon;
        f.geometry.polygons.push_back(Polygon{{{0, 0}, {0.1, 0}, {0.1, 0.1}, {0, 0}}, {}});
    });
    EXPECT_NE(m.find("jalan.gpkg"), std::string::npos) << m;
    EXPECT_NE(m.find("feature 2 (fid 7) is a polygon, not a road line"), std::string::npos) << m;
    m = failure(0, [](VectorFeature& f) {
        f.fid = 3;
        f.geometry.type = GeometryType::Point;
        f.geometry.points.push_back({0.05, 0.05});
    });
    EXPECT_NE(m.find("feature 1 (fid 3) is a point, not a road line"), std::string::npos) << m;

    m = failure(1, line(9, {{0.05, 0.05}}));
    EXPECT_NE(m.find("feature 2 (fid 9) has a line of fewer than two distinct points (1 vertex)"), std::string::npos)
        << m;
    m = failure(0, line(4, {{0.05, 0.05}, {0.05, 0.05}}));
    EXPECT_NE(m.find("fewer than two distinct points (2 vertices)"), std::string::npos) << m;

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    m = failure(2, line(12, {{0.0, 0.0}, {nan, 0.05}}));
    EXPECT_NE(m.find("feature 3 (fid 12) has a vertex that is not a number"), std::string::npos) << m;
    m = failure(0, line(5, {{0.0, 0.0}, {0.1, inf}}));
    EXPECT_NE(m.find("feature 1 (fid 5) has a vertex that is not a number"), std::string::npos) << m;

    VectorData classes = layerOf();
    const char* names[] = {"jalan kabupaten", "Jalan Tambang", "Jalan Tambang", "kebun"};
    for (int i = 0; i < 4; ++i) {
        VectorFeature& f = classes.features.emplace_back();
        f.fid = i + 1;
        f.geometry.type = GeometryType::Line;
        f.geometry.lines.push_back({{0.0, 0.0}, {0.1, 0.01 * i}});
        f.values.emplace_back(std::string(names[i]));
    }
    m = messageOf([&] { roadLayerFromVector(classes, "kelas", speeds, regency); });
    EXPECT_NE(m.find("2 road classes of field 'kelas' have no speed: 'Jalan Tambang' (2 features), 'kebun' (1 feature)"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("add them to the speed table"), std::string::npos) << m;

    VectorData far = layerOf();
    {
        VectorFeature& f = far.features.emplace_back();
        f.fid = 1;
        f.geometry.type = GeometryType::Line;
        f.geometry.lines.push_back({{110.0, -7.0}, {110.1, -7.0}});
        f.values.emplace_back(std::string("primary"));
    }
    m = messageOf([&] { roadLayerFromVector(far, "kelas", speeds, regency); });
    EXPECT_NE(m.find("nowhere near the project's areas"), std::string::npos) << m;
    m = messageOf([&] { roadLayerFromVector(far, "fungsi", speeds, regency); });
    EXPECT_NE(m.find("no field 'fungsi' for the road class; the layer's fields are: kelas"), std::string::npos) << m;
}

TEST(RoadLayer, ClassFieldIsDetectedAndEveryFeatureKeptWithItsParts)
{
    VectorData d = layerOf();
    d.fieldNames = {"nama", "highway"};
    VectorFeature& multi = d.features.emplace_back();
    multi.fid = 1;
    multi.geometry.type = GeometryType::Line;
    multi.geometry.lines = {{{0.0, 0.0}, {0.1, 0.0}}, {{0.1, 0.0}, {0.1, 0.1}}};
    multi.values.emplace_back(std::string("Jl. Pantai"));
    multi.values.emplace_back(std::string("primary"));
    VectorFeature& ferry = d.features.emplace_back();
    ferry.fid = 2;
    ferry.geometry.type = GeometryType::Line;
    ferry.geometry.lines = {{{0.1, 0.1}, {0.2, 0.1}}};
    ferry.values.emplace_back(std::string("Kapal"));
    ferry.values.emplace_back(std::string("ferry"));
    const RoadLayerImport made = roadLayerFromVector(d, "", defaultRoadSpeeds(), box(0, 0, 0.2, 0.1));
    EXPECT_EQ(made.classField, "highway");
    ASSERT_EQ(made.layer.roads.size(), 2u);
    EXPECT_EQ(made.layer.roads[0].lines.size(), 2u);
    EXPECT_EQ(made.layer.roads[0].roadClass, "primary");
    EXPECT_EQ(made.layer.speedsKmh, (std::map<std::string, double>{{"ferry", 15.0}, {"primary", 60.0}}))
        << "the speeds of the classes present";
    EXPECT_EQ(made.roadsByClass.at("ferry"), 1u);
}

TEST(RoadLayer, StoredRoadsGiveTheSameMinutesAsTheFileAndTheHandWorkedValue)
{
    const auto dir = testutil::tempDir("roadlayer_minutes");
    // Two roads meeting at (0.1, 0): one along the equator (kabupaten, 40 km/h), one north (ferry, 15 km/h).
    const auto file = dir / "jalan.geojson";
    testutil::writeFile(file, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},
      "features":[
       {"type":"Feature","properties":{"kelas":"Jalan Kabupaten"},
        "geometry":{"type":"LineString","coordinates":[[0.0,0.0],[0.05,0.0],[0.1,0.0]]}},
       {"type":"Feature","properties":{"kelas":"ferry"},
        "geometry":{"type":"MultiLineString","coordinates":[[[0.1,0.0],[0.1,0.05]],[[0.1,0.05],[0.1,0.1]]]}}]})");
    const VectorData data = readVector(file.string());
    const RoadLayerImport made = roadLayerFromVector(data, "kelas", defaultRoadSpeeds(), box(0, 0, 0.2, 0.1));

    Dataset ds;
    ds.meta["provenance"] = "illustrative";
    ds.areas.push_back({"18.06.01.2001", "Pekon Satu", "pekon", "18.06.01",
                        {Polygon{{{0, 0}, {0.2, 0}, {0.2, 0.1}, {0, 0.1}, {0, 0}}, {}}}});
    const auto project = dir / "p.sasaran.sqlite";
    createProject(project.string(), ds);
    ProjectChanges c;
    c.roads = made.layer;
    openProject(project.string())->write(c);
    const Dataset back = openProject(project.string(), OpenMode::ReadOnly)->read();
    ASSERT_EQ(back.roads, made.layer);

    const RoadNetwork stored = roadNetworkOf(back.roads);
    const RoadNetwork fromFile =
        RoadNetwork::fromVector(data, "kelas", {{"jalan kabupaten", 40.0}, {"ferry", 15.0}}, 30.0);
    const Point start{0.0, 0.0}, corner{0.1, 0.0}, end{0.1, 0.1};
    EXPECT_DOUBLE_EQ(stored.travelMinutes(start, end), fromFile.travelMinutes(start, end));
    EXPECT_DOUBLE_EQ(stored.travelMinutes(start, corner), fromFile.travelMinutes(start, corner));
    // By hand: 11,131.95 m at 40 km/h = 16.698 min along the equator.
    EXPECT_NEAR(stored.travelMinutes(start, corner), kTenthDegreeOnEquatorM / 1000.0 / 40.0 * 60.0, 0.01);
    // 0.1 degree north from the equator is 11,057.4 m of meridian arc: at 15 km/h, 44.23 min more.
    EXPECT_NEAR(stored.travelMinutes(start, end), 16.698 + 11.0574 / 15.0 * 60.0, 0.02);

    // SpatiaLite agrees on what was stored: two rows, the kabupaten road's geodesic length.
    testutil::SqlProbe sql(project.string());
    EXPECT_EQ(sql.number("SELECT count(*) FROM jalan"), 2);
    EXPECT_EQ(sql.text("SELECT GeometryType(geom) FROM jalan WHERE id = 2"), "MULTILINESTRING");
    EXPECT_NEAR(sql.number("SELECT GeodesicLength(geom) FROM jalan WHERE id = 1"), kTenthDegreeOnEquatorM, 0.5);
    EXPECT_EQ(sql.number("SELECT kmh FROM jalan_kecepatan WHERE kelas = 'ferry'"), 15);
    // the terrain model gets the same roads at the same speeds
    const auto travel = travelRoadsOf(back.roads);
    ASSERT_EQ(travel.size(), stored.edgeCount());
    EXPECT_EQ(travel.front().kmh, 40.0);
    EXPECT_EQ(travel.back().kmh, 15.0);
}

namespace {

/// Three pekon on a flat grid in UTM 48S, on one row, 2 km and 6 km east of the first: 100 m
/// cells, walking everywhere at Tobler's flat 5.0367 km/h.
struct FlatRow {
    FrictionGrid grid = FrictionGrid::flat(100, 20, 100.0, "EPSG:32748", 500000.0, 9400000.0);
    Dataset ds;
    FlatRow()
    {
        const CoordinateTransform utm("EPSG:4326", "EPSG:32748");
        const double y = 9400000.0 - 1050.0; // row 10's centre
        const double xs[] = {501050.0, 503050.0, 507050.0};
        const char* codes[] = {"18.06.01.2001", "18.06.01.2002", "18.06.01.2003"};
        const double demand[] = {1.0, 1.0, 10.0};
        for (int i = 0; i < 3; ++i) {
            // a 20 m square around the point, so its point-on-surface is in the point's cell
            Ring ring;
            for (const auto& [dx, dy] : {std::pair{-10.0, -10.0}, {10.0, -10.0}, {10.0, 10.0}, {-10.0, 10.0}, {-10.0, -10.0}})
                ring.push_back(utm.inverse({xs[i] + dx, y + dy}));
            ds.areas.push_back({codes[i], std::string("Pekon ") + char('A' + i), "pekon", "18.06.01", {Polygon{ring, {}}}});
            ds.indicators.push_back({codes[i], "miskin", "2024", demand[i], "uji", "t"});
        }
    }
};

} // namespace

TEST(RoadLayer, PlacementReachInTerrainMinutesIsHandWorked)
{
    const FlatRow row;
    const TerrainTravelMinutes terrain(row.grid);
    const double flat = 5.03674; // Tobler: 6 exp(-0.175) km/h
    const double aToB = 2.0 / flat * 60.0, bToC = 4.0 / flat * 60.0, aToC = 6.0 / flat * 60.0; // 23.8, 47.6, 71.5 min

    PlacementOptions po;
    po.kind = "PUSKESSOS";
    po.count = 1;
    po.method = PlacementMethod::PMedian;
    po.travel = &terrain;
    po.minutes = 60.0;
    // p-median: C's demand of 10 pulls the site there; A is 71.5 and B 47.6 minutes away.
    PlacementResult r = placeFacilities(row.ds, po);
    ASSERT_EQ(r.sites.size(), 1u);
    EXPECT_EQ(r.sites[0].code, "18.06.01.2003");
    EXPECT_TRUE(r.roadsUsed && r.travelUsed);
    EXPECT_NEAR(r.villages[0].distance, aToC, 0.03 * aToC) << "straight-line error of the 16-neighbour grid";
    EXPECT_NEAR(r.villages[1].distance, bToC, 0.03 * bToC);
    EXPECT_NEAR(r.villages[2].distance, 0.0, 1e-9);
    EXPECT_NEAR(r.after, aToC + bToC, 0.03 * (aToC + bToC)) << "demand-weighted minutes";

    // MCLP within 50 minutes: a site at B reaches A (23.8) and C (47.6): 12 of 12 covered.
    po.method = PlacementMethod::MaxCover;
    po.minutes = 50.0;
    r = placeFacilities(row.ds, po);
    ASSERT_EQ(r.sites.size(), 1u);
    EXPECT_EQ(r.sites[0].code, "18.06.01.2002");
    EXPECT_DOUBLE_EQ(r.after, 12.0);
    // within 45 minutes B no longer reaches C: C alone (10) beats A+B (2)
    po.minutes = 45.0;
    r = placeFacilities(row.ds, po);
    EXPECT_EQ(r.sites[0].code, "18.06.01.2003");
    EXPECT_DOUBLE_EQ(r.after, 10.0);
    EXPECT_LT(aToB, 45.0);
}

TEST(RoadLayer, TerrainMinutesFollowARoadAtItsClassSpeed)
{
    // The same row with a kabupaten road (40 km/h) from A to C: A to C is 6 km / 40 km/h = 9 min.
    FlatRow row;
    const CoordinateTransform toGrid("EPSG:4326", "EPSG:32748");
    RoadLayer layer;
    layer.roads.push_back(
        {"Jalan Kabupaten", {{toGrid.inverse({501050.0, 9398950.0}), toGrid.inverse({507050.0, 9398950.0})}}});
    layer.speedsKmh = {{"jalan kabupaten", 40.0}};
    for (const TravelInputs::Road& road : travelRoadsOf(layer)) {
        LineString inGrid;
        for (const Point& p : road.line)
            inGrid.push_back(toGrid.forward(p));
        row.grid.burnLine(inGrid, road.kmh);
    }
    const TerrainTravelMinutes terrain(row.grid);
    const std::vector<Point> a{row.ds.surfacePoint(row.ds.areas[0])};
    const std::vector<Point> c{row.ds.surfacePoint(row.ds.areas[2])};
    const double minutes = terrain.minutesFrom(a, c, 1e9)[0][0];
    EXPECT_NEAR(minutes, 6.0 / 40.0 * 60.0, 0.2) << minutes;
}
