// The one geodesic neighbour search (gis/geodesicsearch.h): nearest, k nearest and within a
// radius, each checked against a brute-force scan over every point with the same distance
// function and tie rule, over Indonesia (both sides of the equator) and over the whole globe.
#include "gis/error.h"
#include "gis/geodesicsearch.h"
#include "gis/geodesy.h"
#include "gis/measure.h"
#include "gis/placement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <utility>
#include <vector>

using namespace gis;

namespace {

using Hit = GeodesicPointIndex::Hit;

/// Every point by (distance, index), computed one by one: the reference the index must equal.
std::vector<Hit> bruteForceByDistance(const std::vector<Point>& points, Point query, std::size_t skip)
{
    std::vector<Hit> all;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (i != skip)
            all.push_back({i, geodesicDistanceM(query, points[i])});
    std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
        return a.distanceM < b.distanceM || (a.distanceM == b.distanceM && a.index < b.index);
    });
    return all;
}

std::vector<Hit> bruteForceWithin(const std::vector<Point>& points, Point query, double radiusM)
{
    std::vector<Hit> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double d = geodesicDistanceM(query, points[i]);
        if (d <= radiusM)
            out.push_back({i, d});
    }
    return out;
}

void expectSameHits(const std::vector<Hit>& actual, const std::vector<Hit>& expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(actual[i].index, expected[i].index) << "hit " << i;
        EXPECT_EQ(actual[i].distanceM, expected[i].distanceM) << "hit " << i;
    }
}

/// Random points over Indonesia's extent (95-141 E, 11 S-6 N: both sides of the equator), with
/// a dense cluster (villages a few hundred metres apart) and exact duplicates for ties.
std::vector<Point> indonesianPoints(std::mt19937& rng, int count)
{
    std::uniform_real_distribution<double> lon(95.0, 141.0), lat(-11.0, 6.0);
    std::uniform_real_distribution<double> nearEquator(-0.05, 0.05);
    std::vector<Point> pts;
    for (int i = 0; i < count; ++i)
        pts.push_back({lon(rng), lat(rng)});
    for (int i = 0; i < count / 4; ++i)
        pts.push_back({109.3 + nearEquator(rng), nearEquator(rng)}); // around Pontianak, on the equator
    for (int i = 0; i < count / 10; ++i)
        pts.push_back(pts[static_cast<std::size_t>(i) * 3]); // duplicates at higher indices
    return pts;
}

} // namespace

TEST(GeodesicSearch, NearestEqualsBruteForceOverIndonesia)
{
    std::mt19937 rng(7);
    const std::vector<Point> pts = indonesianPoints(rng, 600);
    const GeodesicPointIndex index(pts);
    std::uniform_real_distribution<double> lon(94.0, 142.0), lat(-12.0, 7.0);
    for (int q = 0; q < 300; ++q) {
        const Point p = q % 5 == 0 ? pts[static_cast<std::size_t>(q)] : Point{lon(rng), lat(rng)};
        const Hit expected = bruteForceByDistance(pts, p, GeodesicPointIndex::kNoPoint).front();
        const Hit hit = index.nearest(p);
        EXPECT_EQ(hit.index, expected.index);
        EXPECT_EQ(hit.distanceM, expected.distanceM);
    }
    // A query on a duplicated point: distance 0, the lower index of the two.
    EXPECT_EQ(index.nearest(pts[3]).index, 3u);
    EXPECT_EQ(index.nearest(pts[3]).distanceM, 0.0);
    EXPECT_THROW(GeodesicPointIndex({}).nearest({0, 0}), Error);
}

TEST(GeodesicSearch, NearestKEqualsBruteForceWithDeterministicTies)
{
    std::mt19937 rng(11);
    const std::vector<Point> pts = indonesianPoints(rng, 500);
    const GeodesicPointIndex index(pts);
    for (std::size_t i = 0; i < pts.size(); i += 7) {
        for (std::size_t k : {1u, 4u, 9u}) {
            const std::vector<Hit> all = bruteForceByDistance(pts, pts[i], i);
            const std::vector<Hit> expected(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k));
            expectSameHits(index.nearestK(pts[i], k, i), expected);
        }
    }
    // More than there are: all of them, nearest first. k = 0 or an empty index: nothing.
    const GeodesicPointIndex three({{105.0, -5.0}, {105.1, -5.0}, {105.3, -5.0}});
    const std::vector<Hit> all = three.nearestK({105.0, -5.0}, 10);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].index, 0u);
    EXPECT_EQ(all[1].index, 1u);
    EXPECT_EQ(all[2].index, 2u);
    EXPECT_TRUE(three.nearestK({105.0, -5.0}, 0).empty());
    EXPECT_TRUE(GeodesicPointIndex({}).nearestK({0, 0}, 3).empty());
}

TEST(GeodesicSearch, EqualDistancesGoToTheLowerIndex)
{
    // Four copies of two places: the ties are exact (the same coordinates), so only the index
    // can order them. Skipping index 0 (the query's own point) still finds its twin, index 2.
    const Point a{104.62, -5.50}, b{104.70, -5.40};
    const GeodesicPointIndex index({a, b, a, b, a, b});
    const std::vector<Hit> hits = index.nearestK(a, 3, 0);
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(hits[0].index, 2u);
    EXPECT_EQ(hits[0].distanceM, 0.0);
    EXPECT_EQ(hits[1].index, 4u);
    EXPECT_EQ(hits[2].index, 1u); // the first of the three copies of b
    EXPECT_EQ(hits[2].distanceM, geodesicDistanceM(a, b));
    EXPECT_EQ(index.nearest(b).index, 1u);
    // Symmetric about the query along the equator: the same distance both ways, lower index first.
    const GeodesicPointIndex sides({{106.0, 0.0}, {104.0, 0.0}, {105.0, 1.5}});
    ASSERT_EQ(geodesicDistanceM({105.0, 0.0}, {106.0, 0.0}), geodesicDistanceM({105.0, 0.0}, {104.0, 0.0}));
    EXPECT_EQ(sides.nearest({105.0, 0.0}).index, 0u);
    EXPECT_EQ(sides.nearestK({105.0, 0.0}, 1)[0].index, 0u);
}

TEST(GeodesicSearch, WithinRadiusEqualsBruteForce)
{
    std::mt19937 rng(3);
    const std::vector<Point> pts = indonesianPoints(rng, 800);
    const GeodesicPointIndex index(pts);
    std::uniform_real_distribution<double> lon(95.0, 141.0), lat(-11.0, 6.0);
    for (double radiusM : {500.0, 5000.0, 150000.0, 1500000.0}) {
        for (int q = 0; q < 60; ++q) {
            const Point p = q % 3 == 0 ? Point{109.3, 0.001 * q} : Point{lon(rng), lat(rng)};
            expectSameHits(index.withinRadius(p, radiusM), bruteForceWithin(pts, p, radiusM));
        }
    }
    // 1,500 km from the middle reaches across the equator: points on both sides are in.
    const std::vector<Hit> wide = index.withinRadius({118.0, -2.5}, 1500000.0);
    EXPECT_TRUE(std::any_of(wide.begin(), wide.end(), [&](const Hit& h) { return pts[h.index].y > 0.5; }));
    EXPECT_TRUE(std::any_of(wide.begin(), wide.end(), [&](const Hit& h) { return pts[h.index].y < -5.0; }));
    EXPECT_EQ(index.withinRadius({118.0, -2.5}, std::numeric_limits<double>::infinity()).size(), pts.size());
    EXPECT_TRUE(index.withinRadius({118.0, -2.5}, -1.0).empty());
    EXPECT_TRUE(index.withinRadius({118.0, -2.5}, std::nan("")).empty());
}

TEST(GeodesicSearch, RadiusIsInclusive)
{
    // As placement's coverage: a point at exactly the radius is within it, one metre-fraction
    // more is not.
    const Point centre{104.62, -5.50}, edge{104.70, -5.43}, outside{104.80, -5.30};
    const GeodesicPointIndex index({outside, edge, centre});
    const double d = geodesicDistanceM(centre, edge);
    const std::vector<Hit> at = index.withinRadius(centre, d);
    ASSERT_EQ(at.size(), 2u);
    EXPECT_EQ(at[0].index, 1u);
    EXPECT_EQ(at[0].distanceM, d);
    EXPECT_EQ(at[1].index, 2u);
    EXPECT_EQ(at[1].distanceM, 0.0);
    const std::vector<Hit> below = index.withinRadius(centre, std::nextafter(d, 0.0));
    ASSERT_EQ(below.size(), 1u);
    EXPECT_EQ(below[0].index, 2u);
}

TEST(GeodesicSearch, WorksOverTheWholeGlobe)
{
    // The bound holds everywhere: poles and the antimeridian included.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90), edge(179.0, 180.0);
    std::vector<Point> pts;
    for (int i = 0; i < 300; ++i)
        pts.push_back({lon(rng), lat(rng)});
    for (int i = 0; i < 40; ++i)
        pts.push_back({i % 2 ? edge(rng) : -edge(rng), lat(rng) / 10.0}); // both sides of 180°
    pts.push_back({0.0, 90.0});
    pts.push_back({0.0, -89.999});
    const GeodesicPointIndex index(pts);
    for (int q = 0; q < 80; ++q) {
        const Point p = q < 10 ? Point{q % 2 ? 179.9 : -179.9, 0.1 * q} : Point{lon(rng), lat(rng)};
        const std::vector<Hit> all = bruteForceByDistance(pts, p, GeodesicPointIndex::kNoPoint);
        EXPECT_EQ(index.nearest(p).index, all.front().index);
        expectSameHits(index.nearestK(p, 5), std::vector<Hit>(all.begin(), all.begin() + 5));
        expectSameHits(index.withinRadius(p, 800000.0), bruteForceWithin(pts, p, 800000.0));
    }
}

TEST(GeodesicSearch, WithinRadiusOfEachIsTheSameOnAnyThreadCount)
{
    std::mt19937 rng(9);
    const std::vector<Point> demand = indonesianPoints(rng, 400);
    const std::vector<Point> candidates = indonesianPoints(rng, 300);
    const GeodesicPointIndex index(demand);
    const auto one = index.withinRadiusOfEach(candidates, 60000.0, 1);
    const auto four = index.withinRadiusOfEach(candidates, 60000.0, 4);
    ASSERT_EQ(one.size(), candidates.size());
    ASSERT_EQ(four.size(), candidates.size());
    std::size_t pairs = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        expectSameHits(one[c], bruteForceWithin(demand, candidates[c], 60000.0));
        expectSameHits(four[c], one[c]);
        pairs += one[c].size();
    }
    EXPECT_GT(pairs, candidates.size()); // not trivially empty
}

TEST(GeodesicSearch, WithinRadiusOfEachEqualsPlacementCoverageLists)
{
    // placement's coverageLists (a latitude/longitude grid, an independent implementation) gives
    // for each candidate the demand points within the radius: the same lists, index by index.
    std::mt19937 rng(13);
    const std::vector<Point> demand = indonesianPoints(rng, 500);
    const std::vector<Point> candidates = indonesianPoints(rng, 200);
    for (double radiusKm : {2.0, 25.0, 300.0}) {
        const auto lists = coverageLists(candidates, demand, radiusKm, 1);
        const auto hits = GeodesicPointIndex(demand).withinRadiusOfEach(candidates, radiusKm * 1000.0, 1);
        ASSERT_EQ(lists.size(), hits.size());
        for (std::size_t c = 0; c < lists.size(); ++c) {
            ASSERT_EQ(lists[c].size(), hits[c].size()) << "candidate " << c << ", " << radiusKm << " km";
            for (std::size_t j = 0; j < lists[c].size(); ++j)
                EXPECT_EQ(lists[c][j], hits[c][j].index);
        }
    }
}

TEST(GeodesicSearch, TheBoundHoldsOnMeasuredDistances)
{
    // The pruning bound of the header: geodesic distance >= a(1 - e²) * angle between unit vectors.
    std::mt19937 rng(17);
    std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
    for (int i = 0; i < 2000; ++i) {
        const Point p{lon(rng), lat(rng)}, q{lon(rng), lat(rng)};
        auto unit = [](Point x) {
            const double la = geodesy::radians(x.y), lo = geodesy::radians(x.x);
            return std::array<double, 3>{std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la)};
        };
        const auto u = unit(p), v = unit(q);
        const double chord =
            std::sqrt((u[0] - v[0]) * (u[0] - v[0]) + (u[1] - v[1]) * (u[1] - v[1]) + (u[2] - v[2]) * (u[2] - v[2]));
        const double angle = 2.0 * std::asin(std::min(1.0, chord / 2.0));
        EXPECT_GE(geodesicDistanceM(p, q), geodesy::kMinMeridianRadiusM * angle * (1.0 - 1e-9));
    }
}
