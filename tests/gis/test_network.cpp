// Road network travel time: Dijkstra on a hand-built network with hand-worked minutes, snapping
// a point to the middle of an edge, unreachable parts, multi-source against single-source runs,
// gap snapping, and a GeoJSON road layer read through readVector with speeds by class.
// Edge lengths are independent values: Vincenty's inverse formula on WGS 84 (written apart
// from PROJ) and a * pi / 180 for one degree along the equator.
#include "gis/error.h"
#include "gis/measure.h"
#include "gis/network.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace gis;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Geodesic lengths in metres (Vincenty inverse, WGS 84, computed independently of PROJ).
constexpr double kAB = 111319.4908;       // (0,0)-(1,0): one degree along the equator, a * pi / 180
constexpr double kMeridian = 110574.3886; // (0,0)-(0,1) and (1,0)-(1,1)
constexpr double kDC = 111302.6493;       // (0,1)-(1,1)
constexpr double kAC = 156899.5683;       // (0,0)-(1,1), the diagonal
constexpr double kOff001 = 1105.7428;     // (0.5,0)-(0.5,-0.01)

double minutes(double metres, double kmh)
{
    return metres / 1000.0 / kmh * 60.0;
}

const Point A{0, 0}, B{1, 0}, C{1, 1}, D{0, 1};

/// Square A-B-C-D with diagonal A-C; AB, BC at 60 km/h, CD, DA at 30 km/h, the diagonal at \a diagKmh.
RoadNetwork square(double diagKmh, std::vector<LineString> extra = {}, std::vector<double> extraSpeeds = {})
{
    std::vector<LineString> lines{{A, B}, {B, C}, {C, D}, {D, A}, {A, C}};
    std::vector<double> speeds{60, 60, 30, 30, diagKmh};
    lines.insert(lines.end(), extra.begin(), extra.end());
    speeds.insert(speeds.end(), extraSpeeds.begin(), extraSpeeds.end());
    return RoadNetwork::fromLines(lines, speeds);
}

} // namespace

TEST(Network, IndependentLengthsAgreeWithGeodesic)
{
    // The constants above against PROJ's geodesic (Vincenty is good to 0.5 mm).
    EXPECT_NEAR(geodesicDistanceM(A, B), kAB, 1e-3);
    EXPECT_NEAR(geodesicDistanceM(A, D), kMeridian, 1e-3);
    EXPECT_NEAR(geodesicDistanceM(D, C), kDC, 1e-3);
    EXPECT_NEAR(geodesicDistanceM(A, C), kAC, 1e-3);
}

TEST(Network, BuildsSquareWithDiagonal)
{
    const RoadNetwork net = square(40);
    EXPECT_EQ(net.nodeCount(), 4u);
    EXPECT_EQ(net.edgeCount(), 5u);
    EXPECT_EQ(net.componentCount(), 1u);
    EXPECT_EQ(net.snappedJoins(), 0u);
    EXPECT_TRUE(net.notes().empty());
    EXPECT_NEAR(net.edges()[0].minutes, minutes(kAB, 60), 1e-5);
}

TEST(Network, RouteChoiceDependsOnSpeed)
{
    // Diagonal at 40 km/h: 156.90 km -> 235.35 min; via B at 60 km/h: 221.89 min.
    const double viaB = minutes(kAB, 60) + minutes(kMeridian, 60);
    EXPECT_NEAR(viaB, 221.8938794, 1e-6);
    {
        const RoadNetwork net = square(40);
        EXPECT_NEAR(net.travelMinutes(A, C), viaB, 1e-5);
        EXPECT_NEAR(net.travelMinutes(C, A), viaB, 1e-5);
        // A to D: the direct 30 km/h road (221.15 min) beats every detour.
        EXPECT_NEAR(net.travelMinutes(A, D), minutes(kMeridian, 30), 1e-5);
        // B to D: via A (60 + 30 km/h) = 111.32 + 221.15 = 332.47; via C (60 + 30) = 110.57 + 222.61.
        EXPECT_NEAR(net.travelMinutes(B, D), minutes(kAB, 60) + minutes(kMeridian, 30), 1e-5);
        EXPECT_DOUBLE_EQ(net.travelMinutes(A, A), 0.0);
    }
    {
        // Diagonal at 50 km/h: 188.28 min, now faster than via B.
        const RoadNetwork net = square(50);
        EXPECT_NEAR(net.travelMinutes(A, C), minutes(kAC, 50), 1e-5);
        EXPECT_NEAR(net.travelMinutes(A, C), 188.2794820, 1e-5);
        // D to B now goes D-A-B (221.15 + 111.32) vs D-C-B (222.61 + 110.57) vs D-A-C-B: hand-worked min.
        const double dab = minutes(kMeridian, 30) + minutes(kAB, 60);
        const double dcb = minutes(kDC, 30) + minutes(kMeridian, 60);
        EXPECT_NEAR(net.travelMinutes(D, B), std::min(dab, dcb), 1e-5);
    }
}

TEST(Network, PointOffRoadSnapsToMiddleOfEdge)
{
    const RoadNetwork net = square(40);
    const Point p{0.5, -0.01}; // 1,105.74 m south of the middle of A-B
    const RoadSnap s = net.snap(p);
    ASSERT_TRUE(s.onNetwork);
    EXPECT_NEAR(s.point.x, 0.5, 1e-12);
    EXPECT_NEAR(s.point.y, 0.0, 1e-12);
    EXPECT_NEAR(s.fraction, 0.5, 1e-12);
    EXPECT_NEAR(s.offRoadM, kOff001, 1e-3);

    const double walk = minutes(kOff001, 5); // 13.2689 min at 5 km/h
    EXPECT_NEAR(walk, 13.2689136, 1e-6);
    EXPECT_NEAR(net.travelMinutes(p, B), walk + minutes(kAB / 2, 60), 1e-5);
    EXPECT_NEAR(net.travelMinutes(p, A), walk + minutes(kAB / 2, 60), 1e-5);
    EXPECT_NEAR(net.travelMinutes(p, C), walk + minutes(kAB / 2, 60) + minutes(kMeridian, 60), 1e-5);
    // Two points off the same edge: along the edge between their snaps, walking both gaps.
    EXPECT_NEAR(net.travelMinutes({0.25, -0.01}, {0.75, -0.01}), 2 * walk + minutes(kAB / 2, 60), 1e-4);

    // A different off-road speed: 2.5 km/h doubles the walk.
    RoadNetwork::Options slow;
    slow.offRoadSpeedKmh = 2.5;
    const RoadNetwork slowNet = RoadNetwork::fromLines({{A, B}}, {60}, slow);
    EXPECT_NEAR(slowNet.travelMinutes(p, B), 2 * walk + minutes(kAB / 2, 60), 1e-5);
    // A maximum snapping distance shorter than the gap: not on the network.
    RoadNetwork::Options near;
    near.maxSnapDistanceM = 1000;
    const RoadNetwork nearNet = RoadNetwork::fromLines({{A, B}}, {60}, near);
    EXPECT_FALSE(nearNet.snap(p).onNetwork);
    EXPECT_EQ(nearNet.travelMinutes(p, B), kInf);
}

TEST(Network, DisconnectedComponentsAreInfinite)
{
    const RoadNetwork net = square(40, {{{5, 0}, {6, 0}}}, {60});
    EXPECT_EQ(net.componentCount(), 2u);
    EXPECT_EQ(net.travelMinutes(A, {5.5, 0}), kInf);
    EXPECT_NEAR(net.travelMinutes({5, 0}, {6, 0}), minutes(kAB, 60), 1e-5);
    const auto from = net.travelMinutesFrom(A, {B, {5.5, 0.001}, {6, 0}});
    ASSERT_EQ(from.size(), 3u);
    EXPECT_NEAR(from[0], minutes(kAB, 60), 1e-5);
    EXPECT_EQ(from[1], kInf);
    EXPECT_EQ(from[2], kInf);
    const auto nearest = net.nearestTravel({{5.5, 0}}, {A, {6, 0}});
    EXPECT_EQ(nearest[0].minutes, kInf);
    EXPECT_EQ(nearest[0].source, -1);
    EXPECT_EQ(nearest[1].source, 0);

    // An empty network and no sources: infinity, no crash.
    const RoadNetwork empty = RoadNetwork::fromLines({});
    EXPECT_EQ(empty.nodeCount(), 0u);
    EXPECT_EQ(empty.travelMinutes(A, B), kInf);
    EXPECT_FALSE(empty.snap(A).onNetwork);
    EXPECT_EQ(net.nearestMinutes({}, {A}).front(), kInf);
    EXPECT_TRUE(net.nearestMinutes({A}, {}).empty());
}

TEST(Network, MultiSourceEqualsMinimumOfSingleSourceRuns)
{
    // A 6 x 6 grid of streets 0.02 degrees apart with seeded random speeds, some missing links.
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> speed(10, 80), coord(-0.01, 0.11);
    std::bernoulli_distribution keep(0.85);
    std::vector<LineString> lines;
    std::vector<double> speeds;
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 5; ++j) {
            const double a = i * 0.02, b0 = j * 0.02, b1 = (j + 1) * 0.02;
            if (keep(rng)) {
                lines.push_back({{a, b0}, {a, b1}});
                speeds.push_back(speed(rng));
            }
            if (keep(rng)) {
                lines.push_back({{b0, a}, {b1, a}});
                speeds.push_back(speed(rng));
            }
        }
    const RoadNetwork net = RoadNetwork::fromLines(lines, speeds);
    std::vector<Point> sources, queries;
    for (int i = 0; i < 4; ++i)
        sources.push_back({coord(rng), coord(rng)});
    for (int i = 0; i < 40; ++i)
        queries.push_back({coord(rng), coord(rng)});
    queries.push_back(sources[2]); // a query at a source: only the gap twice
    const auto multi = net.nearestTravel(sources, queries);
    std::vector<std::vector<double>> single;
    for (const Point& s : sources)
        single.push_back(net.travelMinutesFrom(s, queries));
    for (std::size_t q = 0; q < queries.size(); ++q) {
        double best = kInf;
        for (std::size_t s = 0; s < sources.size(); ++s)
            best = std::min(best, single[s][q]);
        if (std::isinf(best)) {
            EXPECT_EQ(multi[q].minutes, kInf) << "query " << q;
        } else {
            EXPECT_NEAR(multi[q].minutes, best, 1e-9 * best) << "query " << q;
            EXPECT_NEAR(single[static_cast<std::size_t>(multi[q].source)][q], best, 1e-9 * best) << "query " << q;
        }
        // Symmetry: from the query to a source equals from the source to the query.
        const double back = net.travelMinutes(queries[q], sources[0]);
        if (std::isinf(single[0][q]))
            EXPECT_EQ(back, kInf) << "query " << q;
        else
            EXPECT_NEAR(back, single[0][q], 1e-9 * (1 + single[0][q])) << "query " << q;
    }
    EXPECT_NEAR(multi.back().minutes, 2 * minutes(net.snap(sources[2]).offRoadM, 5), 1e-9);
}

TEST(Network, SnapsDigitisingGapsWithinTolerance)
{
    const double halfMetre = 0.5 / (kAB / 1.0); // degrees of longitude for 0.5 m at the equator
    // End-to-end gap of 0.5 m: joined (default tolerance 1 m).
    const RoadNetwork joined = RoadNetwork::fromLines({{A, B}, {{1 + halfMetre, 0}, {2, 0}}}, {60, 60});
    EXPECT_EQ(joined.componentCount(), 1u);
    EXPECT_EQ(joined.snappedJoins(), 1u);
    EXPECT_NEAR(joined.travelMinutes(A, {2, 0}), minutes(2 * kAB, 60), 1e-3);
    // A gap of 5 m: two parts.
    const RoadNetwork apart = RoadNetwork::fromLines({{A, B}, {{1 + 10 * halfMetre, 0}, {2, 0}}}, {60, 60});
    EXPECT_EQ(apart.componentCount(), 2u);
    EXPECT_EQ(apart.travelMinutes(A, {2, 0}), kInf);
    // A T-junction whose end stops 0.55 m short of the other road's middle (no vertex there).
    const RoadNetwork tee = RoadNetwork::fromLines({{A, {2, 0}}, {{1, 0.000005}, {1, 1}}}, {60, 60});
    EXPECT_EQ(tee.componentCount(), 1u);
    EXPECT_EQ(tee.nodeCount(), 4u);
    EXPECT_EQ(tee.edgeCount(), 3u);
    EXPECT_EQ(tee.snappedJoins(), 2u); // the vertex put into the road, and the end merged with it
    EXPECT_NEAR(tee.travelMinutes(A, {1, 1}), minutes(kAB + kMeridian, 60), 1e-2);
    // Crossing roads without a shared vertex are not joined (a bridge).
    const RoadNetwork bridge = RoadNetwork::fromLines({{{0, -1}, {0, 1}}, {{-1, 0}, {1, 0}}}, {60, 60});
    EXPECT_EQ(bridge.componentCount(), 2u);
    // Degenerate lines and bad speeds are left out and noted.
    const RoadNetwork noted = RoadNetwork::fromLines({{A, B}, {A}, {C, D}}, {60, 60, 0});
    EXPECT_EQ(noted.edgeCount(), 1u);
    EXPECT_EQ(noted.notes().size(), 2u);
    EXPECT_THROW(RoadNetwork::fromLines({{A, B}}, {60, 30}), Error);
}

TEST(Network, ReadsGeoJsonRoadsWithSpeedsByClass)
{
    const auto dir = testutil::tempDir("network_geojson");
    const auto path = (dir / "roads.geojson").string();
    testutil::writeFile(path, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"kelas": "Primary", "nama": "jalan 1"},
  "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 0]]}},
 {"type": "Feature", "properties": {"kelas": "ferry", "nama": "kapal"},
  "geometry": {"type": "LineString", "coordinates": [[1, 0], [2, 0]]}},
 {"type": "Feature", "properties": {"kelas": "track", "nama": "jalan setapak"},
  "geometry": {"type": "MultiLineString", "coordinates": [[[2, 0], [3, 0]], [[3, 0], [3, 1]]]}},
 {"type": "Feature", "properties": {"kelas": "primary", "nama": "titik"},
  "geometry": {"type": "Point", "coordinates": [9, 9]}}
]})");
    const VectorData roads = readVector(path);
    const std::map<std::string, double> speedByClass{{"primary", 60}, {"Ferry", 15}};
    const RoadNetwork net = RoadNetwork::fromVector(roads, "kelas", speedByClass, 20);
    EXPECT_EQ(net.edgeCount(), 4u);
    EXPECT_EQ(net.componentCount(), 1u);
    // 1 degree at 60 + 1 degree by ferry at 15 + 1 degree of track at the default 20 km/h.
    EXPECT_NEAR(net.travelMinutes({0, 0}, {3, 0}), minutes(kAB, 60) + minutes(kAB, 15) + minutes(kAB, 20), 1e-4);
    EXPECT_NEAR(net.travelMinutes({0, 0}, {3, 0}), 890.5559264, 1e-4);
    EXPECT_NEAR(net.travelMinutes({0, 0}, {3, 1}), 890.5559264 + minutes(kMeridian, 20), 1e-4);
    // The point feature and the defaulted class are noted.
    ASSERT_EQ(net.notes().size(), 2u);
    EXPECT_NE(net.notes()[0].find("not lines"), std::string::npos);
    EXPECT_NE(net.notes()[1].find("track"), std::string::npos);
    // No class field: everything at the default.
    const RoadNetwork flat = RoadNetwork::fromVector(roads, "", {}, 30);
    EXPECT_NEAR(flat.travelMinutes({0, 0}, {3, 0}), minutes(3 * kAB, 30), 1e-4);
    EXPECT_THROW(RoadNetwork::fromVector(roads, "kls", speedByClass, 20), Error);
    EXPECT_THROW(RoadNetwork::fromVector(roads, "kelas", {{"ferry", -1}}, 20), Error);
}
