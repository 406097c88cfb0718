// Dissolving by coverage union (gis::unionCoverage: cancelled edges, else GEOS's coverage
// union) against the full overlay union (gis::unionAll): hand-worked squares, the demo's
// kecamatan and the real Lampung desa.
#include "gis/boundaryimport.h"
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

using namespace gis;

namespace {

MultiPolygon square(double x0, double y0, double side)
{
    return {Polygon{{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}, {}}};
}

/// Relative difference of two areas (0 when both are 0).
double relativeDifference(double a, double b)
{
    const double scale = std::max(std::abs(a), std::abs(b));
    return scale == 0.0 ? 0.0 : std::abs(a - b) / scale;
}

/// Twice the signed shoelace area of a ring (positive counter-clockwise).
double twiceSignedArea(const Ring& r)
{
    double sum = 0.0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i)
        sum += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    return sum;
}

/// Geodesic areas of the coverage union and of the full union of each group's parts agree to
/// 1e-9 relative, and so do the sums of the parts' areas where the parts were found not to
/// overlap; where edges were cancelled the polygons cover the same ground as the full union's
/// and have the same surface point. Returns how many groups each path served.
std::map<DissolvePath, std::size_t> expectBothPathsAgree(const std::map<std::string, std::vector<MultiPolygon>>& groups)
{
    std::map<DissolvePath, std::size_t> byPath;
    for (const auto& [code, parts] : groups) {
        DissolvePath path = DissolvePath::FullUnion;
        const MultiPolygon fast = unionCoverage(parts, &path);
        const MultiPolygon full = unionAll(parts);
        ++byPath[path];
        const double fastKm2 = geodesicAreaKm2(fast), fullKm2 = geodesicAreaKm2(full);
        EXPECT_GT(fullKm2, 0.0) << code;
        EXPECT_LE(relativeDifference(fastKm2, fullKm2), 1e-9) << code << ": " << fastKm2 << " vs " << fullKm2;
        EXPECT_TRUE(isValid(fast)) << code;
        EXPECT_EQ(fast.size(), full.size()) << code << ": the same number of polygons";
        if (partsDoNotOverlap(path)) {
            double partsKm2 = 0.0;
            for (const MultiPolygon& p : parts)
                partsKm2 += geodesicAreaKm2(p);
            EXPECT_LE(relativeDifference(partsKm2, fullKm2), 1e-9) << code << ": the parts' sum";
        }
        if (path == DissolvePath::CancelledEdges) {
            EXPECT_LE(planarArea(difference(fast, full)) + planarArea(difference(full, fast)), 1e-12 * planarArea(full))
                << code;
            const Point a = pointOnSurface(fast), b = pointOnSurface(full);
            EXPECT_NEAR(a.x, b.x, 1e-12) << code;
            EXPECT_NEAR(a.y, b.y, 1e-12) << code;
        }
    }
    return byPath;
}

} // namespace

TEST(Dissolve, TwoSquaresSharingAnEdgeAreOneRectangleByCancelledEdges)
{
    DissolvePath path = DissolvePath::FullUnion;
    const MultiPolygon u = unionCoverage({square(0, 0, 1), square(1, 0, 1)}, &path);
    EXPECT_EQ(path, DissolvePath::CancelledEdges);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(planarArea(u), 2.0, 1e-12);
    EXPECT_TRUE(u.front().holes.empty());
    // The shared edge (1,0)-(1,1) is gone; its ends stay as vertices of the outline: 6 + closing.
    EXPECT_EQ(u.front().exterior.size(), 7u);
    EXPECT_EQ(u.front().exterior.front(), u.front().exterior.back());
    EXPECT_LT(twiceSignedArea(u.front().exterior), 0.0) << "shell clockwise, as GEOS writes it";
}

TEST(Dissolve, RingsOfEitherOrientationCancel)
{
    // The right square given clockwise: its shared edge still cancels the left one's.
    MultiPolygon right = square(1, 0, 1);
    std::reverse(right.front().exterior.begin(), right.front().exterior.end());
    DissolvePath path = DissolvePath::FullUnion;
    const MultiPolygon u = unionCoverage({square(0, 0, 1), right}, &path);
    EXPECT_EQ(path, DissolvePath::CancelledEdges);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(planarArea(u), 2.0, 1e-12);
}

TEST(Dissolve, AnIslandInALakeKeepsItsOwnPolygonAndTheLakeGoesToTheOuterShell)
{
    // A 5x5 block of unit squares without the ring of eight around the centre: the outer polygon
    // with a 3x3 hole, and the centre square alone inside the hole.
    std::vector<MultiPolygon> parts;
    for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y)
            if (std::max(std::abs(x - 2), std::abs(y - 2)) != 1)
                parts.push_back(square(x, y, 1));
    DissolvePath path = DissolvePath::FullUnion;
    const MultiPolygon u = unionCoverage(parts, &path);
    EXPECT_EQ(path, DissolvePath::CancelledEdges);
    ASSERT_EQ(u.size(), 2u);
    const auto outer = planarArea({u[0]}) > planarArea({u[1]}) ? 0 : 1;
    EXPECT_NEAR(planarArea({u[outer]}), 16.0, 1e-12);
    ASSERT_EQ(u[outer].holes.size(), 1u);
    EXPECT_GT(twiceSignedArea(u[outer].holes.front()), 0.0) << "hole counter-clockwise";
    EXPECT_NEAR(twiceSignedArea(u[outer].holes.front()), 18.0, 1e-12) << "the 3x3 lake";
    EXPECT_NEAR(planarArea({u[1 - outer]}), 1.0, 1e-12);
    EXPECT_TRUE(u[1 - outer].holes.empty());
    EXPECT_TRUE(isValid(u));
}

TEST(Dissolve, SquaresTouchingAtACornerAreLeftToGeos)
{
    // A 2x2 block and a square meeting it at its corner (2, 2): two remaining edges leave that
    // node, so the way round is left to GEOS's coverage union (two polygons touching there).
    DissolvePath path = DissolvePath::CancelledEdges;
    const MultiPolygon u =
        unionCoverage({square(0, 0, 1), square(1, 0, 1), square(0, 1, 1), square(1, 1, 1), square(2, 2, 1)}, &path);
    EXPECT_EQ(path, DissolvePath::CoverageUnion);
    EXPECT_EQ(u.size(), 2u);
    EXPECT_NEAR(planarArea(u), 5.0, 1e-12);
    EXPECT_TRUE(isValid(u));
    path = DissolvePath::CancelledEdges;
    const MultiPolygon twice = unionCoverage({square(0, 0, 1), square(0, 0, 1)}, &path);
    EXPECT_EQ(path, DissolvePath::FullUnion) << "the same square twice overlaps";
    EXPECT_NEAR(planarArea(twice), 1.0, 1e-12);
}

TEST(Dissolve, FourSquaresAroundAHoleKeepTheHole)
{
    // A 3x3 block of unit squares without the centre one: area 8 with a unit hole.
    std::vector<MultiPolygon> parts;
    for (int x = 0; x < 3; ++x)
        for (int y = 0; y < 3; ++y)
            if (x != 1 || y != 1)
                parts.push_back(square(x, y, 1));
    DissolvePath path = DissolvePath::FullUnion;
    const MultiPolygon u = unionCoverage(parts, &path);
    EXPECT_EQ(path, DissolvePath::CancelledEdges);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_EQ(u.front().holes.size(), 1u);
    EXPECT_NEAR(planarArea(u), 8.0, 1e-12);
}

TEST(Dissolve, OverlappingPartsFallBackToTheFullUnion)
{
    // Overlap of 0.5: the parts sum to 2, their union is 1.5.
    DissolvePath path = DissolvePath::CancelledEdges;
    const MultiPolygon u = unionCoverage({square(0, 0, 1), square(0.5, 0, 1)}, &path);
    EXPECT_EQ(path, DissolvePath::FullUnion);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(planarArea(u), 1.5, 1e-12);
}

TEST(Dissolve, NeighbourWithoutTheSharedVertexGivesTheFullUnionsArea)
{
    // The 2x2 square's right edge has no vertex at (2, 1) where its two unit neighbours meet.
    const std::vector<MultiPolygon> parts{square(0, 0, 2), square(2, 0, 1), square(2, 1, 1)};
    const MultiPolygon u = unionCoverage(parts);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(planarArea(u), 6.0, 1e-12);
    EXPECT_TRUE(isValid(u));
    EXPECT_TRUE(u.front().holes.empty());
}

TEST(Dissolve, PartsWithAGapKeepTheGap)
{
    // Two squares 0.1 apart stay two polygons.
    const MultiPolygon u = unionCoverage({square(0, 0, 1), square(1.1, 0, 1)});
    EXPECT_EQ(u.size(), 2u);
    EXPECT_NEAR(planarArea(u), 2.0, 1e-12);
    EXPECT_TRUE(unionCoverage({}).empty());
}

TEST(Dissolve, DemoKecamatanAndRegencyAreasAreTheFullUnions)
{
    const Dataset ds = buildDefaultDataset();
    std::map<std::string, std::vector<MultiPolygon>> byKecamatan, byKabupaten;
    for (const Area* v : ds.villages()) {
        byKecamatan[v->parentCode].push_back(v->geometry);
        byKabupaten[v->code.substr(0, 5)].push_back(v->geometry);
    }
    ASSERT_EQ(byKecamatan.size(), 20u);
    ASSERT_EQ(byKabupaten.size(), 1u);
    // The demo's kecamatan are clean coverages of their pekon (all but a few take the fast
    // path); the regency's 318 polygons are not noded as one, so the full union decides there.
    auto byPath = expectBothPathsAgree(byKecamatan);
    EXPECT_GE(byPath[DissolvePath::CancelledEdges] + byPath[DissolvePath::CoverageUnion], 15u);
    EXPECT_GE(byPath[DissolvePath::CancelledEdges], 1u);
    expectBothPathsAgree(byKabupaten);
}

TEST(Dissolve, LampungKecamatanAndKabupatenAreasAreTheFullUnions)
{
    const std::string path = testutil::sharedData("lampung/boundaries.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/lampung/boundaries.gpkg is not present (SASARAN_SHARED_DATA names "
                        "another folder)";
    BoundaryImportOptions options;
    options.layer = "desa";
    const BoundarySet set = readBoundaries(path, options);
    std::map<std::string, std::vector<MultiPolygon>> byKecamatan, byKabupaten;
    std::map<std::string, double> dissolvedKm2;
    for (const Area& a : set.areas) {
        if (a.kind == "kecamatan" || a.kind == "kabupaten")
            dissolvedKm2[a.code] = geodesicAreaKm2(a.geometry);
        else if (!a.geometry.empty()) {
            byKecamatan[a.code.substr(0, 8)].push_back(a.geometry);
            byKabupaten[a.code.substr(0, 5)].push_back(a.geometry);
        }
    }
    ASSERT_GT(byKecamatan.size(), 200u);
    ASSERT_GT(byKabupaten.size(), 10u);
    // The areas `new` stores for the dissolved kecamatan and kabupaten are those of the full union.
    for (const auto* groups : {&byKecamatan, &byKabupaten})
        for (const auto& [code, parts] : *groups) {
            ASSERT_TRUE(dissolvedKm2.count(code)) << code;
            const double fullKm2 = geodesicAreaKm2(unionAll(parts));
            EXPECT_LE(relativeDifference(dissolvedKm2.at(code), fullKm2), 1e-9)
                << code << ": " << dissolvedKm2.at(code) << " vs " << fullKm2;
        }
    // These desa are not noded as a coverage (neighbours seldom share their vertices), so most
    // groups fall back to the full union; whichever path served, the areas agree.
    expectBothPathsAgree(byKecamatan);
}
