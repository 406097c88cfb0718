// Islands: villages on land not connected to the mainland (the part holding the capital), on a
// hand-built dataset (two mainland squares with a sliver gap, an island, a village straddling
// the sea) and on the embedded Tanggamus data (the pekon of Pulau Tabuan).
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/islands.h"
#include "gis/measure.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

using namespace gis;

namespace {

Polygon square(double x0, double y0, double x1, double y1)
{
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
}

Area village(const std::string& code, MultiPolygon geometry)
{
    return Area{code, "Pekon " + code, "pekon", "99.01.01", std::move(geometry)};
}

/// Mainland: A [0,0.1]x[0,0.1] and B, 11 m east of A (a sliver gap, as real boundary files
/// have); C an island 22 km east; D straddles the sea: one part on the mainland north of A, one
/// on a second island. E has no polygon. Capital inside A.
Dataset seaDataset()
{
    Dataset ds;
    ds.areas.push_back({"99.01", "Kabupaten Uji", "kabupaten", "99", {square(0, 0, 0.4, 0.2)}});
    ds.areas.push_back(village("99.01.01.2001", {square(0, 0, 0.1, 0.1)}));
    ds.areas.push_back(village("99.01.01.2002", {square(0.1001, 0, 0.2, 0.1)}));
    ds.areas.push_back(village("99.01.01.2003", {square(0.3, 0, 0.35, 0.05)}));
    ds.areas.push_back(village("99.01.01.2004", {square(0, 0.1, 0.1, 0.15), square(0.3, 0.1, 0.35, 0.15)}));
    ds.areas.push_back(village("99.01.01.2005", {}));
    ds.meta["capital_lon"] = "0.05";
    ds.meta["capital_lat"] = "0.05";
    return ds;
}

} // namespace

TEST(Islands, FlagsIslandsAndStraddlingVillages)
{
    const Dataset ds = seaDataset();
    const IslandResult r = islandFlags(ds);
    ASSERT_EQ(r.villages.size(), 5u);
    EXPECT_EQ(r.landParts, 3u); // mainland (A+B+D's north part), C's island, D's island
    EXPECT_TRUE(r.mainlandPointOnLand);

    const IslandFlag* a = r.find("99.01.01.2001");
    const IslandFlag* b = r.find("99.01.01.2002");
    const IslandFlag* c = r.find("99.01.01.2003");
    const IslandFlag* d = r.find("99.01.01.2004");
    const IslandFlag* e = r.find("99.01.01.2005");
    ASSERT_TRUE(a && b && c && d && e);
    EXPECT_EQ(a->status, IslandStatus::Mainland);
    EXPECT_EQ(b->status, IslandStatus::Mainland); // the 11 m sliver does not cut B off
    EXPECT_EQ(a->offMainlandKm2, 0.0);
    EXPECT_EQ(c->status, IslandStatus::Island);
    EXPECT_EQ(d->status, IslandStatus::PartlyIsland);
    EXPECT_EQ(e->status, IslandStatus::NoGeometry);

    const double cKm2 = geodesicAreaKm2({square(0.3, 0, 0.35, 0.05)});
    const double dIslandKm2 = geodesicAreaKm2({square(0.3, 0.1, 0.35, 0.15)});
    EXPECT_NEAR(c->offMainlandKm2, cKm2, 1e-9 * cKm2);
    EXPECT_NEAR(c->areaKm2, cKm2, 1e-9 * cKm2);
    EXPECT_NEAR(d->offMainlandKm2, dIslandKm2, 1e-6 * dIslandKm2);
    // 0.05 x 0.05 degree near the equator: 5.566 km x 5.529 km = 30.77 km2.
    EXPECT_NEAR(dIslandKm2, 30.77, 0.01);
    EXPECT_NEAR(d->areaKm2, dIslandKm2 + geodesicAreaKm2({square(0, 0.1, 0.1, 0.15)}), 1e-6);

    EXPECT_EQ(r.count(IslandStatus::Mainland), 2u);
    EXPECT_EQ(r.count(IslandStatus::Island), 1u);
    EXPECT_EQ(r.count(IslandStatus::PartlyIsland), 1u);
    EXPECT_EQ(islandStatusName(IslandStatus::PartlyIsland), "partly_island");
    EXPECT_EQ(islandStatusName(d->status), "partly_island");
}

TEST(Islands, GapToleranceAndMainlandChoice)
{
    const Dataset ds = seaDataset();
    // Without a tolerance, the 11 m sliver cuts B off as an "island".
    IslandOptions none;
    none.gapToleranceM = 0;
    const IslandResult strict = islandFlags(ds, none);
    EXPECT_EQ(strict.landParts, 4u);
    EXPECT_EQ(strict.find("99.01.01.2002")->status, IslandStatus::Island);
    // A tolerance wider than the 22 km strait joins everything.
    IslandOptions wide;
    wide.gapToleranceM = 30000;
    const IslandResult joined = islandFlags(ds, wide);
    EXPECT_EQ(joined.landParts, 1u);
    EXPECT_EQ(joined.count(IslandStatus::Mainland), 4u);
    // The mainland chosen by a point on C's island: A and B become the "island".
    const IslandResult fromC = islandFlags(ds, Point{0.32, 0.02});
    EXPECT_EQ(fromC.find("99.01.01.2003")->status, IslandStatus::Mainland);
    EXPECT_EQ(fromC.find("99.01.01.2001")->status, IslandStatus::Island);
    // A point at sea: the nearest land part is the mainland, and that is noted.
    const IslandResult atSea = islandFlags(ds, Point{0.05, -0.05});
    EXPECT_FALSE(atSea.mainlandPointOnLand);
    EXPECT_EQ(atSea.find("99.01.01.2001")->status, IslandStatus::Mainland);
    EXPECT_FALSE(atSea.notes.empty());
    // An exclave joined to the mainland only through land outside the villages (background
    // land, e.g. a neighbouring regency): an island without it, mainland with it.
    Dataset exclave = ds;
    exclave.areas.push_back(village("99.01.01.2006", {square(0.5, 0.5, 0.6, 0.6)}));
    EXPECT_EQ(islandFlags(exclave).find("99.01.01.2006")->status, IslandStatus::Island);
    exclave.backgroundLand = {square(-0.1, 0, 0, 0.7), square(-0.1, 0.6, 0.6, 0.7)};
    const IslandResult withLand = islandFlags(exclave);
    EXPECT_EQ(withLand.find("99.01.01.2006")->status, IslandStatus::Mainland);
    EXPECT_EQ(withLand.find("99.01.01.2003")->status, IslandStatus::Island);
    IslandOptions villagesOnly;
    villagesOnly.useBackgroundLand = false;
    EXPECT_EQ(islandFlags(exclave, villagesOnly).find("99.01.01.2006")->status, IslandStatus::Island);
    // No capital in the meta: a clear error.
    Dataset noCapital = ds;
    noCapital.meta.clear();
    EXPECT_THROW(islandFlags(noCapital), Error);
}

TEST(Islands, TanggamusPulauTabuanIsFlagged)
{
    const Dataset ds = buildDefaultDataset();
    const IslandResult r = islandFlags(ds);
    const auto villages = ds.villages();
    ASSERT_EQ(r.villages.size(), villages.size());
    std::size_t tabuan = 0;
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const Point p = pointOnSurface(villages[i]->geometry);
        const bool nearTabuan = std::abs(p.x - 104.82) < 0.08 && std::abs(p.y + 5.80) < 0.08;
        if (r.villages[i].status != IslandStatus::Mainland)
            std::cout << "  " << islandStatusName(r.villages[i].status) << ": " << villages[i]->code << " "
                      << villages[i]->name << " (" << p.x << ", " << p.y << "), " << r.villages[i].offMainlandKm2
                      << " of " << r.villages[i].areaKm2 << " km2 off the mainland\n";
        if (nearTabuan && r.villages[i].status != IslandStatus::Mainland)
            ++tabuan;
    }
    std::cout << "  Tanggamus: " << r.landParts << " land parts; " << r.count(IslandStatus::Mainland) << " mainland, "
              << r.count(IslandStatus::PartlyIsland) << " partly island, " << r.count(IslandStatus::Island)
              << " island\n";
    // Pulau Tabuan (104.78-104.86 E, 5.76-5.85 S in the coastline) carries Guring and Suka Banjar
    // in the illustrative boundaries.
    EXPECT_GE(tabuan, 2u);
    EXPECT_EQ(r.find("18.06.16.2005")->status, IslandStatus::Island);
    EXPECT_EQ(r.find("18.06.09.2030")->status, IslandStatus::Island);
    EXPECT_GE(r.landParts, 2u);
    EXPECT_GE(r.count(IslandStatus::Mainland), villages.size() - 10);
    EXPECT_EQ(r.count(IslandStatus::NoGeometry), 0u);
    // Sri Katon's illustrative polygon lies inside the regency on Sumatra (no longer a detached
    // piece of the coarse outline): mainland through the background land and from the villages alone.
    EXPECT_EQ(r.find("18.06.12.2017")->status, IslandStatus::Mainland);
    IslandOptions villagesOnly;
    villagesOnly.useBackgroundLand = false;
    const IslandResult alone = islandFlags(ds, villagesOnly);
    EXPECT_EQ(alone.find("18.06.12.2017")->status, IslandStatus::Mainland);
    EXPECT_EQ(alone.find("18.06.16.2005")->status, IslandStatus::Island);
    std::cout << "  villages only: " << alone.landParts << " land parts; " << alone.count(IslandStatus::Mainland)
              << " mainland, " << alone.count(IslandStatus::PartlyIsland) << " partly island, "
              << alone.count(IslandStatus::Island) << " island\n";
}
