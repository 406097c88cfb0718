// Tests of gis::CoordinateTransform and gis::utmCrsFor against values worked out by hand.
#include "gis/crs.h"
#include "gis/error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

namespace {

using ::testing::HasSubstr;

constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;
constexpr double kUtmK0 = 0.9996;

/// Meridian arc length from the equator to latitude \a latDeg on WGS 84 (Helmert's series in
/// n; truncation error far below a millimetre). Independent of PROJ.
double meridianArc_m(double latDeg)
{
    const double n = kWgs84F / (2.0 - kWgs84F);
    const double n2 = n * n, n3 = n2 * n, n4 = n3 * n;
    const double phi = latDeg * std::numbers::pi / 180.0;
    const double a = kWgs84A / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0);
    return a
        * (phi - (1.5 * n - 9.0 / 16.0 * n3) * std::sin(2.0 * phi)
           + (15.0 / 16.0 * n2 - 15.0 / 32.0 * n4) * std::sin(4.0 * phi) - 35.0 / 48.0 * n3 * std::sin(6.0 * phi)
           + 315.0 / 512.0 * n4 * std::sin(8.0 * phi));
}

} // namespace

TEST(Crs, UtmZoneOnCentralMeridianAtEquatorIsFalseOrigin)
{
    // Zone 48 has its central meridian at 105 E: easting there is the false easting 500 000 m;
    // at the equator a southern-hemisphere zone gives the false northing 10 000 000 m.
    const gis::CoordinateTransform toUtm("EPSG:4326", "EPSG:32748");
    const gis::Point p = toUtm.forward({105.0, 0.0});
    EXPECT_NEAR(p.x, 500000.0, 1e-6);
    EXPECT_NEAR(p.y, 10000000.0, 1e-6);
}

TEST(Crs, UtmNorthingOnCentralMeridianMatchesMeridianArc)
{
    // On the central meridian, northing = false northing + k0 * meridian arc.
    const gis::CoordinateTransform toUtm("EPSG:4326", "EPSG:32748");
    const gis::Point p = toUtm.forward({105.0, -5.49});
    EXPECT_NEAR(p.x, 500000.0, 1e-6);
    const double expected = 10000000.0 + kUtmK0 * meridianArc_m(-5.49);
    EXPECT_NEAR(p.y, expected, 1e-3) << "meridian arc " << meridianArc_m(-5.49);
    // A sanity check on the hand formula itself: 1 degree of latitude near the equator is
    // about 110.6 km on WGS 84.
    EXPECT_NEAR(meridianArc_m(1.0), 110574.4, 0.5);
}

TEST(Crs, TanggamusPointRoundTripsThroughUtm48S)
{
    const gis::CoordinateTransform toUtm("EPSG:4326", "EPSG:32748");
    const gis::Point lonLat{104.62, -5.49};
    const gis::Point utm = toUtm.forward(lonLat);
    // West of the central meridian (105 E) and south of the equator.
    EXPECT_LT(utm.x, 500000.0);
    EXPECT_GT(utm.x, 400000.0);
    EXPECT_LT(utm.y, 10000000.0);
    EXPECT_NEAR(utm.y, 10000000.0 + kUtmK0 * meridianArc_m(-5.49), 200.0); // off-meridian term small
    const gis::Point back = toUtm.inverse(utm);
    EXPECT_NEAR(back.x, lonLat.x, 1e-9);
    EXPECT_NEAR(back.y, lonLat.y, 1e-9);
}

TEST(Crs, ForwardOfMultiPolygonTransformsEveryVertex)
{
    const gis::CoordinateTransform toUtm("EPSG:4326", "EPSG:32748");
    gis::Polygon square;
    square.exterior = {{105.0, 0.0}, {105.0, -5.49}, {104.62, -5.49}, {104.62, 0.0}, {105.0, 0.0}};
    square.holes.push_back({{104.9, -1.0}, {104.8, -1.0}, {104.8, -2.0}, {104.9, -1.0}});
    const gis::MultiPolygon out = toUtm.forward(gis::MultiPolygon{square});
    ASSERT_EQ(out.size(), 1u);
    ASSERT_EQ(out[0].exterior.size(), 5u);
    ASSERT_EQ(out[0].holes.size(), 1u);
    EXPECT_NEAR(out[0].exterior[0].x, 500000.0, 1e-6);
    EXPECT_NEAR(out[0].exterior[0].y, 10000000.0, 1e-6);
    EXPECT_NEAR(out[0].exterior[1].y, 10000000.0 + kUtmK0 * meridianArc_m(-5.49), 1e-3);
    const gis::Point hole0 = toUtm.forward({104.9, -1.0});
    EXPECT_EQ(out[0].holes[0][0], hole0);
}

TEST(Crs, UtmCrsForPicksWgs84Zone)
{
    EXPECT_EQ(gis::utmCrsFor({104.62, -5.49}), "EPSG:32748"); // Tanggamus
    EXPECT_EQ(gis::utmCrsFor({106.82, -6.2}), "EPSG:32748");  // Jakarta
    EXPECT_EQ(gis::utmCrsFor({95.3, 5.55}), "EPSG:32646");    // Banda Aceh, north
    EXPECT_EQ(gis::utmCrsFor({-0.1, 51.5}), "EPSG:32630");
    EXPECT_EQ(gis::utmCrsFor({-180.0, -10.0}), "EPSG:32701");
    EXPECT_EQ(gis::utmCrsFor({180.0, 10.0}), "EPSG:32601"); // 180 E is 180 W
    EXPECT_EQ(gis::utmCrsFor({102.0, 0.0}), "EPSG:32648");  // zone 48 starts at 102 E
    EXPECT_THROW(gis::utmCrsFor({100.0, 95.0}), gis::CrsError);
}

TEST(Crs, IndonesianCrsAreKnown)
{
    // DGN95 / Indonesia TM-3 zone 48.1: central meridian 103.5 E, k0 0.9999,
    // false easting 200 000 m, false northing 1 500 000 m. DGN95 -> WGS 84 is a null shift.
    const gis::CoordinateTransform toTm3("EPSG:4326", "EPSG:23833");
    const gis::Point origin = toTm3.forward({103.5, 0.0});
    EXPECT_NEAR(origin.x, 200000.0, 1e-3);
    EXPECT_NEAR(origin.y, 1500000.0, 1e-3);
    const gis::Point back = toTm3.inverse(toTm3.forward({104.62, -5.49}));
    EXPECT_NEAR(back.x, 104.62, 1e-9);
    EXPECT_NEAR(back.y, -5.49, 1e-9);

    // SRGI2013 (the national reference frame): within a metre of WGS 84.
    const gis::CoordinateTransform toSrgi("EPSG:4326", "EPSG:9470");
    const gis::Point srgi = toSrgi.forward({104.62, -5.49});
    EXPECT_NEAR(srgi.x, 104.62, 1e-4);
    EXPECT_NEAR(srgi.y, -5.49, 1e-4);

    // SRGI2013 / UTM 48S.
    const gis::CoordinateTransform toSrgiUtm("EPSG:4326", "EPSG:9488");
    const gis::Point su = toSrgiUtm.forward({105.0, 0.0});
    EXPECT_NEAR(su.x, 500000.0, 1.0);
    EXPECT_NEAR(su.y, 10000000.0, 1.0);
}

TEST(Crs, ProjStringWithoutTypeCrsIsTakenAsCrs)
{
    const gis::CoordinateTransform toUtm("EPSG:4326", "+proj=utm +zone=48 +south +datum=WGS84");
    const gis::Point p = toUtm.forward({105.0, 0.0});
    EXPECT_NEAR(p.x, 500000.0, 1e-6);
    EXPECT_NEAR(p.y, 10000000.0, 1e-6);
}

TEST(Crs, UnknownCrsThrowsCrsErrorNamingIt)
{
    try {
        gis::CoordinateTransform bad("EPSG:4326", "EPSG:999999");
        FAIL() << "no CrsError";
    } catch (const gis::CrsError& e) {
        EXPECT_THAT(e.what(), HasSubstr("EPSG:999999"));
    }
    EXPECT_THROW(gis::CoordinateTransform("not a crs at all", "EPSG:4326"), gis::CrsError);
    EXPECT_THROW(gis::CoordinateTransform("", "EPSG:4326"), gis::CrsError);
    // An operation is not a CRS.
    EXPECT_THROW(gis::CoordinateTransform("+proj=pipeline +step +proj=axisswap +order=2,1", "EPSG:4326"),
                 gis::CrsError);
}

TEST(Crs, MovedTransformStillWorks)
{
    gis::CoordinateTransform a("EPSG:4326", "EPSG:32748");
    gis::CoordinateTransform b(std::move(a));
    EXPECT_NEAR(b.forward({105.0, 0.0}).x, 500000.0, 1e-6);
    gis::CoordinateTransform c("EPSG:4326", "EPSG:4326");
    c = std::move(b);
    EXPECT_NEAR(c.forward({105.0, 0.0}).y, 10000000.0, 1e-6);
}

TEST(Crs, UntransformablePointThrowsCrsError)
{
    const gis::CoordinateTransform toUtm("EPSG:4326", "EPSG:32748");
    EXPECT_THROW(toUtm.forward({std::nan(""), 0.0}), gis::CrsError);
}
