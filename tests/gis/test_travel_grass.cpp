// Cross-check of the cost-distance engine against GRASS GIS r.cost (knight's moves) on the same
// synthetic terrain: speed falls with height on a DEM of two hills (5 km/h at sea level, 1.8 km/h
// at 1,000 m), friction = minutes per cell. Both accumulate (friction_a + friction_b) / 2 x step
// length along 16 directions (r.cost averages four cells on a knight's move), so they must agree
// within 5 % away from the start. Skips with a message when GRASS (grass-core) is absent.
// Tobler's direction-dependent slope term is checked by hand-worked grids in test_travel.cpp:
// r.walk uses Aitken-Langmuir walking costs, not Tobler's function, so it is no reference for it.
#include "gis/raster.h"
#include "gis/travel.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

using namespace gis;

namespace {

bool haveGrass()
{
    return std::system("command -v grass > /dev/null 2>&1") == 0;
}

} // namespace

TEST(TravelGrass, CostDistanceMatchesGrassRCostWithin5Percent)
{
    if (!haveGrass())
        GTEST_SKIP() << "GRASS GIS is not installed (Debian: apt-get install grass-core); the r.cost cross-check "
                        "is skipped";
    const int size = 80;
    const double cell = 100.0;
    FrictionGrid grid = FrictionGrid::flat(size, size, cell, "EPSG:32748", 500000.0, 9400000.0);
    RasterGrid friction = grid.shape.sameShape(0.0f);
    for (int r = 0; r < size; ++r)
        for (int c = 0; c < size; ++c) {
            const double h = 1200.0 * std::exp(-(std::pow(c - 25, 2) + std::pow(r - 30, 2)) / 200.0)
                + 800.0 * std::exp(-(std::pow(c - 60, 2) + std::pow(r - 55, 2)) / 300.0);
            const double kmh = 5.0 * std::exp(-h / 1000.0);
            grid.setWalkKmh(grid.shape.index(c, r), kmh);
            // r.cost takes the cost of crossing one cell (its distances are in cells): minutes per cell.
            friction.values[friction.index(c, r)] = static_cast<float>(0.06 / kmh * cell);
        }
    const Point start = grid.shape.cellCenter(40, 40);
    const TravelResult ours = travelTimes(grid, {start});

    const auto dir = testutil::tempDir("travel_grass");
    const std::string frictionTif = (dir / "friction.tif").string();
    const std::string costTif = (dir / "cost.tif").string();
    writeGeoTiff(friction, frictionTif);
    const std::string script = (dir / "run.sh").string();
    testutil::writeFile(script,
                        "set -e\n"
                        "r.in.gdal -o input="
                            + frictionTif
                            + " output=friction --quiet\n"
                              "g.region raster=friction --quiet\n"
                              "r.cost -k input=friction output=cost start_coordinates="
                            + std::to_string(start.x) + "," + std::to_string(start.y)
                            + " --quiet\n"
                              "r.out.gdal -f input=cost output="
                            + costTif + " type=Float32 --quiet\n");
    const std::string command =
        "grass --tmp-location EPSG:32748 --exec bash " + script + " > " + (dir / "grass.log").string() + " 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << "GRASS failed; see " << (dir / "grass.log").string();
    const RasterGrid grass = readRasterFile(costTif);
    ASSERT_EQ(grass.width, size);
    ASSERT_EQ(grass.height, size);
    ASSERT_DOUBLE_EQ(grass.originX, grid.shape.originX);

    double worst = 0.0;
    std::size_t compared = 0;
    for (std::size_t i = 0; i < grass.values.size(); ++i) {
        const double g = grass.values[i], o = ours.minutes.values[i];
        ASSERT_FALSE(std::isnan(o));
        if (std::isnan(g) || g < 10.0)
            continue;
        worst = std::max(worst, std::fabs(o - g) / g);
        ++compared;
    }
    EXPECT_GT(compared, 5000u);
    EXPECT_LT(worst, 0.05) << "largest relative difference from r.cost";
    RecordProperty("worst_relative_difference", std::to_string(worst));
    std::printf("r.cost cross-check: %zu cells, largest relative difference %.4f\n", compared, worst);
}
