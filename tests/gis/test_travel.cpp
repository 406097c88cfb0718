// Travel time over terrain on hand-worked grids: flat ground along 16 directions against
// distance / Tobler's flat speed, a uniform slope up and down against Tobler's formula, a road
// at 40 km/h, a river barrier with one bridge, the sea with one ferry, nodata cells, coverage
// with capacity counted by hand, and isochrone polygons with their areas.
#include "gis/error.h"
#include "gis/travel.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stop_token>
#include <thread>

using namespace gis;

namespace {

constexpr double kFlatKmh = 5.036742; // 6 exp(-0.175), Tobler on flat ground
constexpr double kCell = 100.0;

double walkMinutes(double metres, double kmh = kFlatKmh)
{
    return metres / 1000.0 / kmh * 60.0;
}

Point centreOf(const FrictionGrid& g, int c, int r)
{
    return g.shape.cellCenter(c, r);
}

float minutesAt(const TravelResult& r, int c, int row)
{
    return r.minutes.values[r.minutes.index(c, row)];
}

} // namespace

TEST(Travel, ToblerFunction)
{
    EXPECT_NEAR(toblerFlatKmh(), kFlatKmh, 1e-6);
    EXPECT_NEAR(toblerKmh(-0.05), 6.0, 1e-12); // the fastest: slightly downhill
    EXPECT_NEAR(toblerKmh(0.10), 6.0 * std::exp(-0.525), 1e-12);
    EXPECT_NEAR(toblerKmh(-0.10), 6.0 * std::exp(-0.175), 1e-12);
}

TEST(Travel, FlatTerrainWithin3PercentAlong16Directions)
{
    const FrictionGrid g = FrictionGrid::flat(121, 121, kCell);
    const TravelResult r = travelTimes(g, {centreOf(g, 60, 60)});
    ASSERT_TRUE(r.unplaced.empty());
    EXPECT_EQ(minutesAt(r, 60, 60), 0.0f);
    for (int k = 0; k < 16; ++k) {
        const double angle = k * std::numbers::pi / 8.0;
        const int dc = static_cast<int>(std::lround(50 * std::cos(angle)));
        const int dr = static_cast<int>(std::lround(50 * std::sin(angle)));
        const double expected = walkMinutes(std::hypot(dc, dr) * kCell);
        const double got = minutesAt(r, 60 + dc, 60 + dr);
        EXPECT_NEAR(got / expected, 1.0, 0.03) << "direction " << k << " (" << dc << ", " << dr << ")";
    }
    // The 16 move directions themselves are exact.
    EXPECT_NEAR(minutesAt(r, 110, 60), walkMinutes(5000.0), 1e-3);
    EXPECT_NEAR(minutesAt(r, 80, 100), walkMinutes(std::hypot(20, 40) * kCell), 1e-3);
}

TEST(Travel, AStopRequestedEndsTheRunWithTravelCancelled)
{
    const FrictionGrid g = FrictionGrid::flat(400, 400, kCell); // 160,000 cells: the check comes twice
    std::stop_source stop;
    stop.request_stop();
    EXPECT_THROW(travelTimes(g, {centreOf(g, 200, 200)}, false, std::numeric_limits<double>::infinity(),
                             stop.get_token()),
                 TravelCancelled);
    // A stop from another thread while it runs: the run ends early, cancelled, or (on a machine
    // fast enough to finish first) complete; never a partial result.
    std::stop_source later;
    std::thread stopper([&later] { later.request_stop(); });
    try {
        const TravelResult r =
            travelTimes(g, {centreOf(g, 200, 200)}, false, std::numeric_limits<double>::infinity(), later.get_token());
        EXPECT_NEAR(minutesAt(r, 399, 200), walkMinutes(199 * kCell), 1e-2) << "complete when it was not stopped";
    } catch (const TravelCancelled&) {
    }
    stopper.join();
    // Without a stop source nothing changes.
    const TravelResult whole = travelTimes(g, {centreOf(g, 200, 200)});
    EXPECT_NEAR(minutesAt(whole, 399, 200), walkMinutes(199 * kCell), 1e-2);
}

TEST(Travel, UniformSlopeUphillAndDownhillDifferByTobler)
{
    FrictionGrid g = FrictionGrid::flat(81, 21, kCell);
    g.elevation.resize(g.cellCount());
    for (int r = 0; r < 21; ++r)
        for (int c = 0; c < 81; ++c)
            g.elevation[g.shape.index(c, r)] = static_cast<float>(0.10 * c * kCell); // 10 % rising east
    const TravelResult r = travelTimes(g, {centreOf(g, 40, 10)});
    // From 3 km west the way TO the target climbs at +10 %; from 3 km east it descends at -10 %.
    const double uphill = walkMinutes(3000.0, 6.0 * std::exp(-3.5 * 0.15));
    const double downhill = walkMinutes(3000.0, 6.0 * std::exp(-3.5 * 0.05));
    EXPECT_NEAR(minutesAt(r, 10, 10), uphill, 0.01 * uphill);
    EXPECT_NEAR(minutesAt(r, 70, 10), downhill, 0.01 * downhill);
    EXPECT_NEAR(uphill / downhill, std::exp(3.5 * 0.10), 1e-9);
}

TEST(Travel, RoadAt40KmhAcrossTheGrid)
{
    FrictionGrid g = FrictionGrid::flat(81, 81, kCell);
    g.burnLine({centreOf(g, 0, 40), centreOf(g, 80, 40)}, 40.0);
    const TravelResult r = travelTimes(g, {centreOf(g, 40, 40)});
    // Along the road: 4 km at 40 km/h = 6 minutes.
    EXPECT_NEAR(minutesAt(r, 0, 40), 6.0, 1e-3);
    EXPECT_NEAR(minutesAt(r, 80, 40), 6.0, 1e-3);
    // 1 km off the road at its end: walk to the road at the refraction point (sin = 5.04/40,
    // 127 m along), then ride: sqrt(127² + 1000²) m at 5.04 + 3,873 m at 40 = 17.81 minutes.
    const double x = 1000.0 * std::tan(std::asin(kFlatKmh / 40.0));
    const double expected = walkMinutes(std::hypot(x, 1000.0)) + walkMinutes(4000.0 - x, 40.0);
    EXPECT_NEAR(minutesAt(r, 0, 50), expected, 0.03 * expected);
    EXPECT_LT(minutesAt(r, 0, 50), walkMinutes(std::hypot(4000.0, 1000.0)));
}

TEST(Travel, RiverBarrierWithOneBridge)
{
    FrictionGrid g = FrictionGrid::flat(81, 61, kCell);
    g.burnLine({centreOf(g, 40, 0), centreOf(g, 40, 60)}, 0.0, /*asBarrier=*/true);
    const TravelResult none = travelTimes(g, {centreOf(g, 20, 40)});
    EXPECT_TRUE(std::isnan(minutesAt(none, 60, 40))) << "no bridge: the far bank is unreachable";
    EXPECT_TRUE(std::isnan(minutesAt(none, 41, 40)));
    EXPECT_NEAR(minutesAt(none, 39, 40), walkMinutes(1900.0), 1e-3);

    g.burnLine({centreOf(g, 35, 10), centreOf(g, 45, 10)}, 40.0); // the bridge road
    const TravelResult r = travelTimes(g, {centreOf(g, 20, 40)});
    // Walk (60,40) -> (45,10), the road to (35,10), walk to (20,40).
    const double leg = std::hypot(15, 30) * kCell;
    const double expected = 2 * walkMinutes(leg) + walkMinutes(1000.0, 40.0);
    EXPECT_NEAR(minutesAt(r, 60, 40), expected, 0.03 * expected);
    EXPECT_GT(minutesAt(r, 41, 40), 60.0f) << "the near side of the far bank is still a long walk round";
}

TEST(Travel, SeaWithOneFerry)
{
    FrictionGrid g = FrictionGrid::flat(80, 41, kCell);
    for (int r = 0; r < 41; ++r)
        for (int c = 30; c < 50; ++c)
            g.setWalkKmh(g.shape.index(c, r), 0.0); // the sea
    const TravelResult none = travelTimes(g, {centreOf(g, 10, 20)});
    EXPECT_TRUE(std::isnan(minutesAt(none, 70, 20)));
    EXPECT_TRUE(std::isnan(minutesAt(none, 40, 20)));

    g.burnLine({centreOf(g, 25, 20), centreOf(g, 55, 20)}, 20.0); // the ferry, landing at cols 25 and 55
    const TravelResult r = travelTimes(g, {centreOf(g, 10, 20)});
    // Walk 1.5 km to the landing, 3 km by ferry at 20 km/h, walk 1.5 km.
    const double expected = 2 * walkMinutes(1500.0) + walkMinutes(3000.0, 20.0);
    EXPECT_NEAR(minutesAt(r, 70, 20), expected, 0.01 * expected);
    EXPECT_TRUE(std::isnan(minutesAt(r, 40, 10))) << "the sea off the ferry line stays impassable";
}

TEST(Travel, NodataCellsAreImpassable)
{
    FrictionGrid g = FrictionGrid::flat(41, 41, kCell);
    g.elevation.assign(g.cellCount(), 50.0f);
    FrictionGrid wall = g;
    for (int r = 18; r <= 22; ++r)
        for (int c = 18; c <= 22; ++c)
            g.elevation[g.shape.index(c, r)] = std::nanf("");
    // buildFrictionGrid turns missing heights into impassable cells; do the same by hand here.
    for (std::size_t i = 0; i < g.cellCount(); ++i)
        if (std::isnan(g.elevation[i]))
            g.walkPace[i] = std::numeric_limits<float>::infinity();
    const TravelResult r = travelTimes(g, {centreOf(g, 10, 20)});
    EXPECT_TRUE(std::isnan(minutesAt(r, 20, 20)));
    // Round the 5 x 5 hole: longer than straight through, still reachable.
    EXPECT_GT(minutesAt(r, 30, 20), walkMinutes(2000.0));
    EXPECT_LT(minutesAt(r, 30, 20), walkMinutes(2000.0) * 1.2);

    for (int row = 0; row < 41; ++row)
        wall.walkPace[wall.shape.index(25, row)] = std::numeric_limits<float>::infinity();
    const TravelResult cut = travelTimes(wall, {centreOf(wall, 10, 20)});
    EXPECT_TRUE(std::isnan(minutesAt(cut, 30, 20)));
}

TEST(Travel, TargetsOutsideOrInTheSeaAndMaxMinutes)
{
    FrictionGrid g = FrictionGrid::flat(21, 21, kCell);
    for (int c = 0; c < 21; ++c)
        g.setWalkKmh(g.shape.index(c, 0), 0.0);
    const TravelResult r = travelTimes(g, {Point{0.0, 0.0}, centreOf(g, 10, 0)}, true, 10.0);
    ASSERT_EQ(r.unplaced.size(), 1u);
    EXPECT_EQ(r.unplaced[0], 0u);
    EXPECT_EQ(minutesAt(r, 10, 1), 0.0f) << "the target in the sea moves to the nearest land cell";
    EXPECT_EQ(r.nearest[r.minutes.index(10, 5)], 1);
    EXPECT_TRUE(std::isnan(minutesAt(r, 10, 20))) << "beyond 10 minutes (19 cells = 22.6 minutes)";
}

TEST(Travel, ManyTargetSetsMatchSingleRuns)
{
    FrictionGrid g = FrictionGrid::flat(60, 50, kCell);
    g.elevation.resize(g.cellCount());
    for (std::size_t i = 0; i < g.cellCount(); ++i)
        g.elevation[i] = static_cast<float>(std::fmod(static_cast<double>(i) * 7.3, 40.0));
    const std::vector<std::vector<Point>> sets = {
        {centreOf(g, 5, 5)}, {centreOf(g, 50, 40), centreOf(g, 20, 30)}, {centreOf(g, 30, 1)}};
    const std::vector<TravelResult> many = travelTimesMany(g, sets);
    ASSERT_EQ(many.size(), 3u);
    for (std::size_t s = 0; s < sets.size(); ++s) {
        const TravelResult one = travelTimes(g, sets[s]);
        EXPECT_EQ(one.minutes.values, many[s].minutes.values) << "set " << s;
    }
}

TEST(Travel, CoverageWithCapacityTakesTheNearestPeopleFirst)
{
    const FrictionGrid g = FrictionGrid::flat(21, 21, kCell);
    RasterGrid people = g.shape.sameShape(1.0f);
    std::vector<std::int32_t> area(g.cellCount(), 0);
    for (int r = 0; r < 21; ++r)
        area[g.shape.index(0, r)] = 1; // the west column is a second area
    // Facility 1 at the centre takes its 9 nearest cells (itself, 4 at 100 m, 4 at 141 m);
    // facility 2 at the same place then takes the next ring: 4 at 200 m and 5 of the 8 at 224 m.
    const CoverageResult c =
        coverageWithCapacity(g, people, area, 2, {centreOf(g, 10, 10), centreOf(g, 10, 10)}, 9.0, 120.0);
    EXPECT_DOUBLE_EQ(c.servedByFacility[0], 9.0);
    EXPECT_DOUBLE_EQ(c.servedByFacility[1], 9.0);
    EXPECT_DOUBLE_EQ(c.totalByArea[0], 441.0 - 21.0);
    EXPECT_DOUBLE_EQ(c.totalByArea[1], 21.0);
    EXPECT_DOUBLE_EQ(c.coveredByArea[0], 18.0);
    EXPECT_DOUBLE_EQ(c.coveredByArea[1], 0.0);
    // With a reach of 1.2 minutes (100 m = 1.19 minutes) only 5 cells are in reach.
    const CoverageResult near = coverageWithCapacity(g, people, area, 2, {centreOf(g, 10, 10)}, 100.0, 1.2);
    EXPECT_DOUBLE_EQ(near.servedByFacility[0], 5.0);
    EXPECT_THROW(coverageWithCapacity(g, people, area, 2, {centreOf(g, 10, 10)}, 0.0, 60.0), Error);
}

TEST(Travel, IsochronePolygonsHaveTheirClassAreas)
{
    const FrictionGrid g = FrictionGrid::flat(61, 61, kCell);
    const TravelResult r = travelTimes(g, {centreOf(g, 30, 30)});
    std::size_t within15 = 0, within30 = 0;
    for (float v : r.minutes.values) {
        within15 += v <= 15.0f ? 1 : 0;
        within30 += (v > 15.0f && v <= 30.0f) ? 1 : 0;
    }
    const auto dir = testutil::tempDir("travel_isochrones");
    const std::string path = (dir / "iso.gpkg").string();
    const std::size_t written = writeIsochrones(r.minutes, {15.0, 30.0}, path);
    EXPECT_GE(written, 2u);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("isochrone");
    ASSERT_NE(layer, nullptr);
    double area15 = 0, area30 = 0;
    for (auto& f : *layer) {
        const double a = f->GetGeometryRef()->toPolygon()->get_Area();
        (f->GetFieldAsDouble("max_minutes") == 15.0 ? area15 : area30) += a;
        if (f->GetFieldAsDouble("max_minutes") == 30.0) {
            EXPECT_EQ(f->GetFieldAsDouble("min_minutes"), 15.0);
        }
    }
    EXPECT_NEAR(area15, within15 * kCell * kCell, 1.0);
    EXPECT_NEAR(area30, within30 * kCell * kCell, 1.0);
    EXPECT_THROW(writeIsochrones(r.minutes, {30.0, 15.0}, path), Error);
}
