// Dissolving by coverage union (gis::unionCoverage) against the full overlay union
// (gis::unionAll): hand-worked squares, the demo's kecamatan and the real Lampung desa.
#include "gis/boundaryimport.h"
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "testutil.h"

#include <gtest/gtest.h>

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

/// Geodesic areas of the coverage union and of the full union of each group's parts agree to
/// 1e-9 relative; returns how many groups the coverage union served.
std::size_t expectBothPathsAgree(const std::map<std::string, std::vector<MultiPolygon>>& groups)
{
    std::size_t byCoverage = 0;
    for (const auto& [code, parts] : groups) {
        bool usedCoverage = false;
        const MultiPolygon fast = unionCoverage(parts, &usedCoverage);
        const MultiPolygon full = unionAll(parts);
        byCoverage += usedCoverage ? 1 : 0;
        const double fastKm2 = geodesicAreaKm2(fast), fullKm2 = geodesicAreaKm2(full);
        EXPECT_GT(fullKm2, 0.0) << code;
        EXPECT_LE(relativeDifference(fastKm2, fullKm2), 1e-9) << code << ": " << fastKm2 << " vs " << fullKm2;
        EXPECT_TRUE(isValid(fast)) << code;
        EXPECT_EQ(fast.size(), full.size()) << code << ": the same number of polygons";
    }
    return byCoverage;
}

} // namespace

TEST(Dissolve, TwoSquaresSharingAnEdgeAreOneRectangleByCoverageUnion)
{
    bool usedCoverage = false;
    const MultiPolygon u = unionCoverage({square(0, 0, 1), square(1, 0, 1)}, &usedCoverage);
    EXPECT_TRUE(usedCoverage);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(planarArea(u), 2.0, 1e-12);
    EXPECT_TRUE(u.front().holes.empty());
}

TEST(Dissolve, FourSquaresAroundAHoleKeepTheHole)
{
    // A 3x3 block of unit squares without the centre one: area 8 with a unit hole.
    std::vector<MultiPolygon> parts;
    for (int x = 0; x < 3; ++x)
        for (int y = 0; y < 3; ++y)
            if (x != 1 || y != 1)
                parts.push_back(square(x, y, 1));
    bool usedCoverage = false;
    const MultiPolygon u = unionCoverage(parts, &usedCoverage);
    EXPECT_TRUE(usedCoverage);
    ASSERT_EQ(u.size(), 1u);
    EXPECT_EQ(u.front().holes.size(), 1u);
    EXPECT_NEAR(planarArea(u), 8.0, 1e-12);
}

TEST(Dissolve, OverlappingPartsFallBackToTheFullUnion)
{
    // Overlap of 0.5: the parts sum to 2, their union is 1.5.
    bool usedCoverage = true;
    const MultiPolygon u = unionCoverage({square(0, 0, 1), square(0.5, 0, 1)}, &usedCoverage);
    EXPECT_FALSE(usedCoverage);
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
    EXPECT_GE(expectBothPathsAgree(byKecamatan), 15u);
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
