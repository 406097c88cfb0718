// Geometry operations and ellipsoidal measures against independently worked values.
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "gis/spatialindex.h"

#include <gtest/gtest.h>

#include <numbers>

using namespace gis;

namespace {

MultiPolygon square(double x0, double y0, double side)
{
    return {Polygon{{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}, {}}};
}

} // namespace

TEST(Measure, OneDegreeCellAtTheEquatorIs12308Km2)
{
    // GeographicLib / PROJ value for the WGS 84 1°x1° cell at the equator (a sphere of
    // radius 6371 km would give about 12,364 km²).
    EXPECT_NEAR(geodesicAreaKm2(square(0, 0, 1)), 12308.8, 0.5);
}

TEST(Measure, AreaDoesNotDependOnRingOrientationAndSubtractsHoles)
{
    Polygon clockwise{{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}, {}};
    EXPECT_NEAR(geodesicAreaM2(clockwise) / 1e6, 12308.8, 0.5);
    Polygon withHole = square(0, 0, 1).front();
    withHole.holes.push_back(square(0.25, 0.25, 0.5).front().exterior);
    // The hole is a quarter of the cell (to well under 0.1 % so close to the equator).
    EXPECT_NEAR(geodesicAreaM2(withHole) / geodesicAreaM2(square(0, 0, 1).front()), 0.75, 0.001);
}

TEST(Measure, GeodesicDistancesOnTheEquatorAndMeridian)
{
    // Along the equator the geodesic is the equator: a * 1° in radians = 111,319.4908 m.
    EXPECT_NEAR(geodesicDistanceM({0, 0}, {1, 0}), 6378137.0 * std::numbers::pi / 180.0, 0.001);
    // One degree of meridian arc from the equator on WGS 84: 110,574.389 m.
    EXPECT_NEAR(geodesicDistanceM({0, 0}, {0, 1}), 110574.389, 0.01);
    EXPECT_DOUBLE_EQ(geodesicDistanceM({104.6, -5.5}, {104.6, -5.5}), 0.0);
}

TEST(Measure, DestinationIsTheInverseOfDistance)
{
    const Point start{104.625, -5.495};
    const Point end = geodesicDestination(start, 37.0, 12345.0);
    EXPECT_NEAR(geodesicDistanceM(start, end), 12345.0, 1e-6);
}

TEST(GeometryOps, BowTieIsRepairedIntoTwoTriangles)
{
    const MultiPolygon bowTie = multiPolygonFromWkt("POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))");
    std::string reason;
    EXPECT_FALSE(isValid(bowTie, &reason));
    EXPECT_NE(reason.find("Self-intersection"), std::string::npos) << reason;
    const RepairResult fixed = makeValid(bowTie);
    EXPECT_FALSE(fixed.wasValid);
    EXPECT_TRUE(isValid(fixed.geometry));
    ASSERT_EQ(fixed.geometry.size(), 2u);
    // Two triangles, base 2 and height 1 each.
    EXPECT_NEAR(planarArea(fixed.geometry), 2.0, 1e-12);
}

TEST(GeometryOps, ValidGeometryPassesThroughUnchanged)
{
    const RepairResult r = makeValid(square(0, 0, 1));
    EXPECT_TRUE(r.wasValid);
    EXPECT_NEAR(planarArea(r.geometry), 1.0, 1e-12);
}

TEST(GeometryOps, PointOnSurfaceLiesInsideAConcavePolygonWhoseCentroidDoesNot)
{
    // A "C": the centroid falls in the notch.
    const MultiPolygon c = multiPolygonFromWkt("POLYGON((0 0, 3 0, 3 1, 1 1, 1 2, 3 2, 3 3, 0 3, 0 0))");
    const Point centre = centroid(c);
    PolygonIndex index({c});
    EXPECT_FALSE(index.locate(centre).has_value()) << centre.x << " " << centre.y;
    EXPECT_TRUE(index.locate(pointOnSurface(c)).has_value());
}

TEST(GeometryOps, VoronoiCellsOfTwoSeedsSplitASquareInHalves)
{
    const auto cells = voronoiCells({{0.25, 0.5}, {0.75, 0.5}}, square(0, 0, 1));
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_NEAR(planarArea(cells[0]), 0.5, 1e-12);
    EXPECT_NEAR(planarArea(cells[1]), 0.5, 1e-12);
    EXPECT_LT(extentOf(cells[0]).maxX, 0.5 + 1e-12) << "cell 0 belongs to the left seed";
}

TEST(GeometryOps, UnionOfAdjacentSquaresIsOneRectangle)
{
    const MultiPolygon u = unionAll({square(0, 0, 1), square(1, 0, 1)});
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(planarArea(u), 2.0, 1e-12);
    EXPECT_NEAR(planarArea(intersection(square(0, 0, 2), square(1, 1, 2))), 1.0, 1e-12);
}

TEST(GeometryOps, BadWktIsAnErrorNamingTheText)
{
    try {
        multiPolygonFromWkt("POLYGON((0 0, 1 1");
        FAIL() << "expected GeometryError";
    } catch (const GeometryError& e) {
        EXPECT_NE(std::string(e.what()).find("POLYGON((0 0"), std::string::npos) << e.what();
    }
}

TEST(SpatialIndex, LocatesPointsInConstructedPolygons)
{
    MultiPolygon donut = square(0, 0, 4);
    donut.front().holes.push_back(square(1, 1, 2).front().exterior);
    const std::vector<MultiPolygon> polygons{donut, square(10, 0, 1), square(1.5, 1.5, 1)};
    PolygonIndex index(polygons);
    EXPECT_EQ(index.locate({0.5, 0.5}), std::optional<std::size_t>(0));
    EXPECT_EQ(index.locate({10.5, 0.5}), std::optional<std::size_t>(1));
    EXPECT_EQ(index.locate({2.0, 2.0}), std::optional<std::size_t>(2)) << "inside the hole, in the island";
    EXPECT_EQ(index.locate({1.2, 1.2}), std::nullopt) << "in the hole, outside the island";
    EXPECT_EQ(index.locate({5.0, 5.0}), std::nullopt);
    EXPECT_EQ(index.locate({4.0, 2.0}), std::optional<std::size_t>(0)) << "the boundary counts as inside";
}

TEST(SpatialIndex, JoinAssignsEveryPointOrNone)
{
    const auto joined = joinPointsToPolygons({{0.5, 0.5}, {1.5, 0.5}, {9, 9}}, {square(0, 0, 1), square(1, 0, 1)});
    ASSERT_EQ(joined.size(), 3u);
    EXPECT_EQ(joined[0], std::optional<std::size_t>(0));
    EXPECT_EQ(joined[1], std::optional<std::size_t>(1));
    EXPECT_EQ(joined[2], std::nullopt);
}
