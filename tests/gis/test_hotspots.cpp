// Hotspots: queen contiguity with a tolerance, k nearest neighbours, global Moran's I with a
// permutation test, LISA clusters and Benjamini-Hochberg; checked against hand-worked cases,
// brute force, the embedded Tanggamus data and (when present) the real boundary file.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/hotspots.h"
#include "gis/measure.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <numeric>

using namespace gis;

namespace {

/// Options without a stop token (aggregate initialisation would leave it out with a warning).
MoranOptions moranOptions(int permutations, std::uint64_t seed)
{
    MoranOptions o;
    o.permutations = permutations;
    o.seed = seed;
    return o;
}

LisaOptions lisaOptions(int permutations, std::uint64_t seed, double alpha, bool fdr)
{
    LisaOptions o;
    o.permutations = permutations;
    o.seed = seed;
    o.alpha = alpha;
    o.fdr = fdr;
    return o;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

MultiPolygon square(double x0, double y0, double x1, double y1)
{
    return {Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}}};
}

/// rows x cols cells of \a size degrees from (x0, y0); cell (r, c) is index r * cols + c.
std::vector<MultiPolygon> grid(std::size_t rows, std::size_t cols, double size = 1.0, double x0 = 0.0, double y0 = 0.0)
{
    std::vector<MultiPolygon> out;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c)
            out.push_back(square(x0 + static_cast<double>(c) * size, y0 + static_cast<double>(r) * size,
                                 x0 + static_cast<double>(c + 1) * size, y0 + static_cast<double>(r + 1) * size));
    return out;
}

/// Cells of \a size degrees in a row along the parallel at latitude -5.5 (Tanggamus).
std::vector<MultiPolygon> row(std::size_t n, double size = 0.01)
{
    return grid(1, n, size, 104.6, -5.5);
}

std::vector<std::size_t> ids(std::initializer_list<std::size_t> list)
{
    return list;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------

TEST(QueenContiguity, GridOfUnitSquares)
{
    // 0 1 2      queen: centre 4 has all 8 others, corners 3, edge middles 5.
    // 3 4 5      (rook, by shared edges only, would give the centre 4 and a corner 2:
    // 6 7 8       the diagonal cells touch at a single point, which queen counts.)
    const SpatialWeights w = queenContiguity(grid(3, 3), 50.0);
    ASSERT_EQ(w.size(), 9u);
    EXPECT_EQ(w.neighbours[4], ids({0, 1, 2, 3, 5, 6, 7, 8}));
    EXPECT_EQ(w.neighbours[0], ids({1, 3, 4}));
    EXPECT_EQ(w.neighbours[8], ids({4, 5, 7}));
    EXPECT_EQ(w.neighbours[1], ids({0, 2, 3, 4, 5}));
    EXPECT_TRUE(w.isSymmetric());
    EXPECT_TRUE(w.islands().empty());
    // Row-standardised.
    for (std::size_t i = 0; i < w.size(); ++i) {
        EXPECT_NEAR(std::accumulate(w.weights[i].begin(), w.weights[i].end(), 0.0), 1.0, 1e-15);
    }
    EXPECT_DOUBLE_EQ(w.weights[4][0], 0.125);
    // Tolerance 0 still finds touching cells (distance 0).
    EXPECT_EQ(queenContiguity(grid(3, 3), 0.0).neighbours[4].size(), 8u);
}

TEST(QueenContiguity, ToleranceBridgesASmallGap)
{
    // Two 0.01° squares at latitude -5.5 separated by a 10 m gap (measured geodesically east
    // along the shared latitude of the lower corners).
    const Point corner{104.61, -5.5};
    const Point across = geodesicDestination(corner, 90.0, 10.0);
    const double gapDeg = across.x - corner.x;
    ASSERT_GT(gapDeg, 8e-5);
    ASSERT_LT(gapDeg, 1e-4);
    const std::vector<MultiPolygon> pair{square(104.60, -5.5, 104.61, -5.49),
                                         square(104.61 + gapDeg, -5.5, 104.62 + gapDeg, -5.49)};
    EXPECT_EQ(queenContiguity(pair, 50.0).neighbours[0], ids({1}));
    EXPECT_EQ(queenContiguity(pair, 10.5).neighbours[0], ids({1}));
    EXPECT_TRUE(queenContiguity(pair, 9.5).neighbours[0].empty());
    const SpatialWeights tight = queenContiguity(pair, 1.0);
    EXPECT_TRUE(tight.neighbours[0].empty());
    EXPECT_EQ(tight.islands(), ids({0, 1}));
    EXPECT_THROW(queenContiguity(pair, -1.0), Error);
}

TEST(QueenContiguity, IslandIsReportedAndLeftOutOfTheStatistics)
{
    std::vector<MultiPolygon> polygons = row(5);
    polygons.push_back(square(105.5, -5.5, 105.51, -5.49)); // 100 km east: an island
    polygons.push_back({});                                 // no geometry: also an island
    const SpatialWeights w = queenContiguity(polygons, 50.0);
    EXPECT_EQ(w.islands(), ids({5, 6}));
    EXPECT_EQ(w.neighbours[2], ids({1, 3}));

    // The hand-worked row below, with the island's and the empty area's values left out.
    const MoranResult m = globalMoran({2, 0, 4, 0, 4, 100, 7}, w, moranOptions(0, 1));
    EXPECT_EQ(m.n, 5u);
    EXPECT_EQ(m.islands, ids({5, 6}));
    EXPECT_NEAR(m.i, -0.875, 1e-12);
    const LisaResult l = localMoran({2, 0, 4, 0, 4, 100, 7}, w, lisaOptions(99, 1, 0.05, false));
    EXPECT_EQ(l.cluster[5], Cluster::NotTested);
    EXPECT_TRUE(std::isnan(l.localI[5]));
}

TEST(KnnWeights, MatchesBruteForceOnTheEmbeddedVillages)
{
    const Dataset ds = buildDefaultDataset();
    std::vector<MultiPolygon> polygons;
    for (const Area* a : ds.villages())
        polygons.push_back(a->geometry);
    const SpatialWeights w = knnWeights(polygons, 6);
    ASSERT_EQ(w.size(), polygons.size());
    std::vector<Point> points;
    for (const auto& p : polygons)
        points.push_back(pointOnSurface(p));
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::vector<std::pair<double, std::size_t>> all;
        for (std::size_t j = 0; j < points.size(); ++j)
            if (j != i)
                all.emplace_back(geodesicDistanceM(points[i], points[j]), j);
        std::sort(all.begin(), all.end());
        std::vector<std::size_t> expected;
        for (std::size_t t = 0; t < 6; ++t)
            expected.push_back(all[t].second);
        std::sort(expected.begin(), expected.end());
        ASSERT_EQ(w.neighbours[i], expected) << "village " << i;
        EXPECT_DOUBLE_EQ(w.weights[i][0], 1.0 / 6.0);
    }
    EXPECT_THROW(knnWeights(std::vector<Point>{{0, 0}, {1, 1}}, 2), Error);
    EXPECT_THROW(knnWeights(std::vector<Point>{{0, 0}, {1, 1}}, 0), Error);
}

TEST(KnnWeights, TiesAndTwinPointsAreDeterministic)
{
    // Areas 0, 2 and 4 share one point; 1 and 3 share another 1.1 km away; 5 is far.
    const Point a{104.62, -5.50}, b{104.63, -5.50}, far{105.5, -5.0};
    const SpatialWeights w = knnWeights(std::vector<Point>{a, b, a, b, a, far}, 2);
    // Area 0: its twins 2 and 4 at distance 0 (never itself).
    EXPECT_EQ(w.neighbours[0], ids({2, 4}));
    EXPECT_EQ(w.neighbours[2], ids({0, 4}));
    // Area 1: its twin 3 at 0, then the three copies of a tie at one distance: the lowest, 0.
    EXPECT_EQ(w.neighbours[1], ids({0, 3}));
    // Area 5: b is nearer than a (to the east); of the b copies 1 and 3 both come.
    ASSERT_LT(geodesicDistanceM(far, b), geodesicDistanceM(far, a));
    EXPECT_EQ(w.neighbours[5], ids({1, 3}));
}

// ---------------------------------------------------------------------------------------
// Global Moran's I
// ---------------------------------------------------------------------------------------

TEST(GlobalMoran, FiveAreasInARowWorkedByHand)
{
    // Areas 1-2-3-4-5 in a row; row-standardised: w(1,2) = w(5,4) = 1, the others 1/2 each side.
    // x = (2, 0, 4, 0, 4), mean 2, z = (0, -2, 2, -2, 2), Σz² = 16
    // lag z = (z2, (z1+z3)/2, (z2+z4)/2, (z3+z5)/2, z4) = (-2, 1, -2, 2, -2)
    // Σ z·lag = 0·(-2) + (-2)·1 + 2·(-2) + (-2)·2 + 2·(-2) = -14
    // I = (n/S0)·Σ z·lag / Σz² = (5/5)·(-14/16) = -0.875;   E[I] = -1/(5-1) = -0.25
    const SpatialWeights w = queenContiguity(row(5), 50.0);
    EXPECT_EQ(w.neighbours[0], ids({1}));
    EXPECT_EQ(w.neighbours[2], ids({1, 3}));
    const MoranResult m = globalMoran({2, 0, 4, 0, 4}, w, moranOptions(99, 7));
    EXPECT_NEAR(m.i, -0.875, 1e-12);
    EXPECT_NEAR(m.expected, -0.25, 1e-15);
    EXPECT_EQ(m.n, 5u);
    EXPECT_GT(m.pValue, 0.0);
    EXPECT_LE(m.pValue, 1.0);
}

TEST(GlobalMoran, FourAreasInARowWorkedByHand)
{
    // x = (1, 2, 3, 4), mean 2.5, z = (-1.5, -0.5, 0.5, 1.5), Σz² = 5
    // lag z = (-0.5, (-1.5+0.5)/2, (-0.5+1.5)/2, 0.5) = (-0.5, -0.5, 0.5, 0.5)
    // Σ z·lag = 0.75 + 0.25 + 0.25 + 0.75 = 2;  I = 2/5 = 0.4;  E[I] = -1/3
    const MoranResult m = globalMoran({1, 2, 3, 4}, queenContiguity(row(4), 50.0), moranOptions(0, 1));
    EXPECT_NEAR(m.i, 0.4, 1e-12);
    EXPECT_NEAR(m.expected, -1.0 / 3.0, 1e-15);
    EXPECT_TRUE(std::isnan(m.pValue));
}

TEST(GlobalMoran, PermutationPValueIsSeededAndSmallForStrongPatterns)
{
    // 8 x 8 grid of 1° cells: the left half 0, the right half 1 (plus a small gradient so that
    // values differ): strongly positive under queen weights.
    const std::vector<MultiPolygon> cells = grid(8, 8);
    std::vector<double> halves, checker;
    std::vector<Point> centres;
    for (std::size_t r = 0; r < 8; ++r)
        for (std::size_t c = 0; c < 8; ++c) {
            halves.push_back((c < 4 ? 0.0 : 1.0) + 0.01 * static_cast<double>(r));
            checker.push_back(static_cast<double>((r + c) % 2));
            centres.push_back({static_cast<double>(c) + 0.5, static_cast<double>(r) + 0.5});
        }
    const SpatialWeights queen = queenContiguity(cells, 50.0);
    const MoranResult a = globalMoran(halves, queen, moranOptions(999, 42));
    const MoranResult b = globalMoran(halves, queen, moranOptions(999, 42));
    EXPECT_EQ(a.pValue, b.pValue);
    EXPECT_EQ(a.zPermutation, b.zPermutation);
    EXPECT_GT(a.i, 0.5);
    EXPECT_DOUBLE_EQ(a.pValue, 1.0 / 1000.0); // no permutation reaches it
    EXPECT_GT(a.zPermutation, 5.0);

    // A checkerboard with the 4 nearest neighbours (the edge-sharing cells: at the equator a
    // degree north is 110.6 km, a degree east 111.3 km, a diagonal 157 km): strongly negative.
    // (With queen weights the four diagonal neighbours share the colour and I is near 0.)
    const SpatialWeights knn = knnWeights(centres, 4);
    EXPECT_EQ(knn.neighbours[9], ids({1, 8, 10, 17}));
    const MoranResult c = globalMoran(checker, knn, moranOptions(999, 42));
    EXPECT_LT(c.i, -0.7);
    EXPECT_DOUBLE_EQ(c.pValue, 1.0 / 1000.0);
    EXPECT_LT(c.zPermutation, -5.0);
    EXPECT_GT(globalMoran(checker, queen, moranOptions(0, 1)).i, -0.3);

    // Randomly placed values are not significant most of the time; the p-value depends on the seed
    // but is identical for the same seed.
    std::vector<double> noise(64);
    for (std::size_t i = 0; i < 64; ++i)
        noise[i] = static_cast<double>((i * 37) % 64);
    const MoranResult n1 = globalMoran(noise, queen, moranOptions(999, 3));
    const MoranResult n2 = globalMoran(noise, queen, moranOptions(999, 3));
    EXPECT_EQ(n1.pValue, n2.pValue);
}

TEST(GlobalMoran, RejectsConstantValuesAndTooFewAreas)
{
    const SpatialWeights w = queenContiguity(row(4), 50.0);
    EXPECT_THROW(globalMoran({3, 3, 3, 3}, w), Error);
    EXPECT_THROW(globalMoran({1, 2, kNaN, kNaN}, w), Error);
    EXPECT_THROW(globalMoran({1, 2, 3}, w), Error); // size mismatch
}

// ---------------------------------------------------------------------------------------
// LISA and FDR
// ---------------------------------------------------------------------------------------

TEST(LocalMoran, ClusterLabelsOnAConstructedGrid)
{
    // 7 x 7 queen grid, value = column (0..6): low on the left, high on the right; mean 3.
    // A value of 7 at (row 3, column 0) among low neighbours: high-low.
    // A value of -1 at (3, 6) among high neighbours: low-high. (The mean stays 147/49 = 3.)
    // Edge cells (1,0), (5,0) are low among low: low-low; (1,6), (5,6) high-high.
    // (Outliers must stay moderate: a value of 20 in the pool would be drawn by about 1 in 10
    // conditional permutations of a 5-neighbour cell and by itself make the p-values ~0.1.)
    const std::size_t n = 7;
    std::vector<double> values;
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c)
            values.push_back(static_cast<double>(c));
    auto at = [&](std::size_t r, std::size_t c) { return r * n + c; };
    values[at(3, 0)] = 7;
    values[at(3, 6)] = -1;
    const SpatialWeights w = queenContiguity(grid(n, n), 50.0);
    const LisaResult l = localMoran(values, w, lisaOptions(9999, 2019, 0.05, false));

    EXPECT_EQ(l.cluster[at(3, 0)], Cluster::HighLow);
    EXPECT_EQ(l.cluster[at(3, 6)], Cluster::LowHigh);
    EXPECT_EQ(l.cluster[at(1, 0)], Cluster::LowLow);
    EXPECT_EQ(l.cluster[at(5, 0)], Cluster::LowLow);
    EXPECT_EQ(l.cluster[at(1, 6)], Cluster::HighHigh);
    EXPECT_EQ(l.cluster[at(5, 6)], Cluster::HighHigh);
    EXPECT_LT(l.pValue[at(1, 0)], 0.01);

    // The corner (0,0) = 0 has neighbours 1, 0, 1 (sum 2). Its conditional permutations draw 3
    // of the other 48 values: five 0, the 7, seven each of 1..5, six 6 and the -1. Triples with a
    // sum <= 2 (as extreme as observed): without the -1, {0,0,0} C(5,3) = 10, {0,0,1} 10·7 = 70,
    // {0,0,2} 70, {0,1,1} 5·21 = 105 -> 255; with the -1 the other two sum <= 3: {0,0} 10,
    // {0,1} 35, {0,2} 35, {0,3} 35, {1,1} 21, {1,2} 49 -> 185. Exact tail 440 / C(48,3) =
    // 440 / 17,296 = 0.02544; the pseudo p with 9,999 permutations has a standard error of 0.0016.
    EXPECT_NEAR(l.pValue[at(0, 0)], 440.0 / 17296.0, 0.005);
    EXPECT_EQ(l.cluster[at(0, 0)], Cluster::LowLow);
    EXPECT_EQ(l.cluster[at(3, 3)], Cluster::NotSignificant); // the mean column: z = 3 - mean ≈ 0

    // Local I and lag by hand for (0,0): neighbours (0,1) = 1, (1,0) = 0, (1,1) = 1, lag = 2/3.
    double mean = 0;
    for (double v : values)
        mean += v;
    mean /= 49.0;
    double m2 = 0;
    for (double v : values)
        m2 += (v - mean) * (v - mean);
    m2 /= 49.0;
    EXPECT_NEAR(l.mean, mean, 1e-12);
    EXPECT_NEAR(l.lag[at(0, 0)], 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(l.localI[at(0, 0)], (0.0 - mean) / m2 * (2.0 / 3.0 - mean), 1e-12);

    // Every significant label agrees with the quadrant of (value - mean, lag - mean).
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double z = values[i] - mean, zl = l.lag[i] - mean;
        switch (l.cluster[i]) {
        case Cluster::HighHigh:
            EXPECT_TRUE(z > 0 && zl > 0) << i;
            break;
        case Cluster::LowLow:
            EXPECT_TRUE(z < 0 && zl < 0) << i;
            break;
        case Cluster::HighLow:
            EXPECT_TRUE(z > 0 && zl < 0) << i;
            break;
        case Cluster::LowHigh:
            EXPECT_TRUE(z < 0 && zl > 0) << i;
            break;
        case Cluster::NotSignificant:
            EXPECT_GT(l.pValue[i], 0.05) << i;
            break;
        case Cluster::NotTested:
            ADD_FAILURE() << i;
            break;
        }
    }
    // The sum of the local I is n times the global I (row-standardised: Σ I_i = n·I).
    const double sumLocal = std::accumulate(l.localI.begin(), l.localI.end(), 0.0);
    EXPECT_NEAR(sumLocal, 49.0 * globalMoran(values, w, moranOptions(0, 1)).i, 1e-9);

    // Seeded: the same seed gives the same p-values; FDR is never more permissive.
    const LisaResult again = localMoran(values, w, lisaOptions(9999, 2019, 0.05, false));
    EXPECT_EQ(again.pValue, l.pValue);
    const LisaResult fdr = localMoran(values, w, lisaOptions(9999, 2019, 0.05, true));
    EXPECT_EQ(fdr.pValue, l.pValue);
    EXPECT_EQ(fdr.cluster[at(0, 0)], Cluster::NotSignificant); // p 0.025 does not survive BH over 49 tests
    const auto counts = l.counts(), fdrCounts = fdr.counts();
    EXPECT_GE(fdrCounts.at(Cluster::NotSignificant), counts.at(Cluster::NotSignificant));
    EXPECT_EQ(fdr.cluster[at(3, 0)], Cluster::HighLow);
}

TEST(BenjaminiHochberg, HandWorkedStepUp)
{
    // m = 6 (the NaN is not counted), alpha = 0.05, thresholds k·0.05/6:
    //   k:      1       2       3       4       5       6
    //   p(k):   0.005   0.01    0.03    0.04    0.041   0.20
    //   thr:    0.00833 0.01667 0.025   0.03333 0.04167 0.05
    //   p<=thr: yes     yes     no      no      yes     no
    // The largest k that passes is 5, so the five smallest are significant (0.03 and 0.04 too,
    // although each fails its own threshold: BH steps up).
    const std::vector<double> p{0.01, 0.04, 0.03, 0.005, 0.20, kNaN, 0.041};
    const std::vector<bool> expected{true, true, true, true, false, false, true};
    EXPECT_EQ(benjaminiHochberg(p, 0.05), expected);
    // With 0.042 instead of 0.041 nothing passes beyond k = 2.
    const std::vector<double> q{0.01, 0.04, 0.03, 0.005, 0.20, kNaN, 0.042};
    const std::vector<bool> expectedQ{true, false, false, true, false, false, false};
    EXPECT_EQ(benjaminiHochberg(q, 0.05), expectedQ);
    EXPECT_EQ(benjaminiHochberg({}, 0.05), std::vector<bool>{});
}

// ---------------------------------------------------------------------------------------
// Real and embedded data
// ---------------------------------------------------------------------------------------

TEST(QueenContiguity, EmbeddedTanggamusVillagesAllHaveNeighboursButGenuineIslands)
{
    const Dataset ds = buildDefaultDataset();
    const auto villages = ds.villages();
    std::vector<MultiPolygon> polygons;
    for (const Area* a : villages)
        polygons.push_back(a->geometry);
    ASSERT_EQ(polygons.size(), 302u);
    const SpatialWeights w = queenContiguity(polygons, 50.0);
    EXPECT_TRUE(w.isSymmetric());
    // An island must be genuine: no other village's bounding box comes within 0.01° (> 1 km).
    std::string islands;
    for (std::size_t i : w.islands()) {
        islands += villages[i]->code + " " + villages[i]->name + "; ";
        Extent e = extentOf(polygons[i]);
        e.include(Point{e.minX - 0.01, e.minY - 0.01});
        e.include(Point{e.maxX + 0.01, e.maxY + 0.01});
        for (std::size_t j = 0; j < polygons.size(); ++j) {
            if (j != i) {
                EXPECT_FALSE(extentOf(polygons[j]).intersects(e)) << villages[i]->name << " near " << villages[j]->name;
            }
        }
    }
    EXPECT_LE(w.islands().size(), 2u) << islands;
    std::size_t links = 0;
    for (const auto& list : w.neighbours)
        links += list.size();

    const HotspotResult r = analyzeHotspots(ds, "poverty_rate", {});
    EXPECT_EQ(r.rows.size(), 302u);
    EXPECT_EQ(r.global.n + r.islandCodes.size() + r.missingCodes.size(), 302u);
    std::size_t total = 0;
    for (const auto& [cluster, count] : r.clusterCounts)
        total += count;
    EXPECT_EQ(total, 302u);
    EXPECT_EQ(r.clusterCounts.count(Cluster::NotTested) ? r.clusterCounts.at(Cluster::NotTested) : 0u,
              r.islandCodes.size() + r.missingCodes.size());
    // Repeats exactly (NaN for the islands).
    const HotspotResult again = analyzeHotspots(ds, "poverty_rate", {});
    EXPECT_EQ(again.global.pValue, r.global.pValue);
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        if (std::isnan(r.rows[i].pValue)) {
            ASSERT_TRUE(std::isnan(again.rows[i].pValue));
        } else {
            ASSERT_EQ(again.rows[i].pValue, r.rows[i].pValue);
        }
    }
    std::cout << "[ info ] embedded Tanggamus, queen 50 m: islands " << w.islands().size() << " (" << islands
              << "), mean neighbours " << static_cast<double>(links) / 302.0 << "; poverty_rate Moran's I "
              << r.global.i << ", p " << r.global.pValue << ", z " << r.global.zPermutation << "\n";
}

TEST(QueenContiguity, RealTanggamusBoundariesWithTheDefaultTolerance)
{
    const std::string path = testutil::sharedData("tanggamus/desa.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg is not present (set SASARAN_SHARED_DATA)";
    const VectorData data = readVector(path);
    std::vector<MultiPolygon> polygons;
    for (const VectorFeature& f : data.features)
        polygons.push_back(f.geometry.polygons);
    ASSERT_EQ(polygons.size(), 302u);
    const SpatialWeights w = queenContiguity(polygons, 50.0);
    const SpatialWeights exact = queenContiguity(polygons, 0.0);
    EXPECT_TRUE(w.isSymmetric());
    EXPECT_TRUE(exact.isSymmetric());
    const int nameField = data.fieldIndex("nama");
    std::string islands;
    for (std::size_t i : w.islands())
        islands += fieldText(data.features[i].values.at(static_cast<std::size_t>(nameField))) + "; ";
    std::size_t links = 0, exactLinks = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        links += w.neighbours[i].size();
        exactLinks += exact.neighbours[i].size();
        // The tolerance only adds neighbours.
        for (std::size_t j : exact.neighbours[i])
            EXPECT_TRUE(std::binary_search(w.neighbours[i].begin(), w.neighbours[i].end(), j));
    }
    std::cout << "[ info ] real desa.gpkg: villages without neighbours: 50 m " << w.islands().size() << " (" << islands
              << "), 0 m " << exact.islands().size() << "; links 50 m " << links / 2 << ", 0 m " << exactLinks / 2
              << "\n";
    EXPECT_LE(w.islands().size(), 3u) << islands;
    EXPECT_LE(w.islands().size(), exact.islands().size());
    EXPECT_GT(links, exactLinks);
}

TEST(Hotspots, WritesTheCsvAtomicallyAndNamesTheFileOnFailure)
{
    const Dataset ds = buildDefaultDataset();
    HotspotOptions o;
    o.permutations = 99;
    o.weights = WeightsKind::Knn;
    const HotspotResult r = analyzeHotspots(ds, "poverty_rate_eb", o);
    EXPECT_EQ(r.global.n, 302u);
    for (const HotspotRow& row : r.rows)
        EXPECT_EQ(row.nNeighbours, 6u);
    const auto dir = testutil::tempDir("hotspots_csv");
    const auto csv = dir / "h.csv";
    writeHotspotsCsv(r, csv.string());
    std::ifstream in(csv);
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header, "kode,nama,kecamatan,value,lag,local_i,p_value,cluster,n_neighbours");
    EXPECT_FALSE(std::filesystem::exists(csv.string() + ".tmp-sasaran"));
    const std::string bad = (dir / "no" / "such" / "h.csv").string();
    try {
        writeHotspotsCsv(r, bad);
        ADD_FAILURE() << "expected OutputError";
    } catch (const OutputError& e) {
        EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
    EXPECT_THROW(analyzeHotspots(ds, "no_such_key", o), Error);
}
