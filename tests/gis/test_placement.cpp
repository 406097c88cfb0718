// Facility placement: maximal covering and p-median by greedy + swap, checked on hand-worked
// instances and against exact optima from GLPK (glp_intopt), plus the Tanggamus demo figures.
#include "gis/placement.h"

#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/network.h"
#include "testutil.h"

#include <glpk.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>

using namespace gis;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

std::set<std::size_t> asSet(const std::vector<std::size_t>& v)
{
    return {v.begin(), v.end()};
}

/// Exact MCLP by GLPK: max Σ w_d y_d, y_d <= Σ_{c covers d} x_c, Σ x_c = N, x binary, 0 <= y <= 1.
/// Demand already covered is a constant.
double glpkMaxCover(const CoverageInstance& inst, std::size_t count)
{
    const std::size_t nD = inst.demand.size(), nC = inst.covers.size();
    std::vector<std::vector<int>> coveredBy(nD);
    for (std::size_t c = 0; c < nC; ++c)
        for (std::uint32_t d : inst.covers[c])
            coveredBy[d].push_back(static_cast<int>(c));
    double base = 0.0;
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MAX);
    glp_add_cols(lp, static_cast<int>(nC + nD));
    for (std::size_t c = 0; c < nC; ++c) {
        glp_set_col_kind(lp, static_cast<int>(c + 1), GLP_BV);
    }
    for (std::size_t d = 0; d < nD; ++d) {
        const int col = static_cast<int>(nC + d + 1);
        const bool pre = !inst.alreadyCovered.empty() && inst.alreadyCovered[d];
        if (pre)
            base += inst.demand[d];
        glp_set_col_bnds(lp, col, GLP_DB, 0.0, pre ? 0.0 : 1.0);
        if (pre)
            glp_set_col_bnds(lp, col, GLP_FX, 0.0, 0.0);
        glp_set_obj_coef(lp, col, inst.demand[d]);
    }
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    int row = 0;
    for (std::size_t d = 0; d < nD; ++d) {
        ++row;
        glp_add_rows(lp, 1);
        glp_set_row_bnds(lp, row, GLP_UP, 0.0, 0.0); // y_d - Σ x_c <= 0
        ia.push_back(row), ja.push_back(static_cast<int>(nC + d + 1)), ar.push_back(1.0);
        for (int c : coveredBy[d])
            ia.push_back(row), ja.push_back(c + 1), ar.push_back(-1.0);
    }
    ++row;
    glp_add_rows(lp, 1);
    glp_set_row_bnds(lp, row, GLP_FX, static_cast<double>(count), static_cast<double>(count));
    for (std::size_t c = 0; c < nC; ++c)
        ia.push_back(row), ja.push_back(static_cast<int>(c + 1)), ar.push_back(1.0);
    glp_load_matrix(lp, static_cast<int>(ia.size() - 1), ia.data(), ja.data(), ar.data());
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    const int rc = glp_intopt(lp, &parm);
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(glp_mip_status(lp), GLP_OPT);
    const double value = glp_mip_obj_val(lp) + base;
    glp_delete_prob(lp);
    return value;
}

/// Exact p-median by GLPK: min Σ w_d dist z_cd + w_d e_d z_Ed, Σ_c z_cd + z_Ed = 1, z_cd <= x_c,
/// Σ x_c = N (z_Ed only when an existing facility is there).
double glpkPMedian(const MedianInstance& inst, std::size_t count)
{
    const std::size_t nD = inst.demand.size(), nC = inst.candidateCount;
    glp_prob* lp = glp_create_prob();
    glp_set_obj_dir(lp, GLP_MIN);
    // Columns: x_c (1..nC), z_cd (nC + c*nD + d + 1), z_Ed (nC + nC*nD + d + 1).
    const int nCols = static_cast<int>(nC + nC * nD + nD);
    glp_add_cols(lp, nCols);
    for (std::size_t c = 0; c < nC; ++c)
        glp_set_col_kind(lp, static_cast<int>(c + 1), GLP_BV);
    for (std::size_t c = 0; c < nC; ++c)
        for (std::size_t d = 0; d < nD; ++d) {
            const int col = static_cast<int>(nC + c * nD + d + 1);
            glp_set_col_bnds(lp, col, GLP_DB, 0.0, 1.0);
            glp_set_obj_coef(lp, col, inst.demand[d] * inst.distance[c * nD + d]);
        }
    for (std::size_t d = 0; d < nD; ++d) {
        const int col = static_cast<int>(nC + nC * nD + d + 1);
        const bool has = !inst.existingDistance.empty() && std::isfinite(inst.existingDistance[d]);
        if (has) {
            glp_set_col_bnds(lp, col, GLP_DB, 0.0, 1.0);
            glp_set_obj_coef(lp, col, inst.demand[d] * inst.existingDistance[d]);
        } else {
            glp_set_col_bnds(lp, col, GLP_FX, 0.0, 0.0);
        }
    }
    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0.0};
    int row = 0;
    for (std::size_t d = 0; d < nD; ++d) {
        glp_add_rows(lp, 1);
        ++row;
        glp_set_row_bnds(lp, row, GLP_FX, 1.0, 1.0);
        for (std::size_t c = 0; c < nC; ++c)
            ia.push_back(row), ja.push_back(static_cast<int>(nC + c * nD + d + 1)), ar.push_back(1.0);
        ia.push_back(row), ja.push_back(static_cast<int>(nC + nC * nD + d + 1)), ar.push_back(1.0);
    }
    for (std::size_t c = 0; c < nC; ++c)
        for (std::size_t d = 0; d < nD; ++d) {
            glp_add_rows(lp, 1);
            ++row;
            glp_set_row_bnds(lp, row, GLP_UP, 0.0, 0.0); // z_cd - x_c <= 0
            ia.push_back(row), ja.push_back(static_cast<int>(nC + c * nD + d + 1)), ar.push_back(1.0);
            ia.push_back(row), ja.push_back(static_cast<int>(c + 1)), ar.push_back(-1.0);
        }
    glp_add_rows(lp, 1);
    ++row;
    glp_set_row_bnds(lp, row, GLP_FX, static_cast<double>(count), static_cast<double>(count));
    for (std::size_t c = 0; c < nC; ++c)
        ia.push_back(row), ja.push_back(static_cast<int>(c + 1)), ar.push_back(1.0);
    glp_load_matrix(lp, static_cast<int>(ia.size() - 1), ia.data(), ja.data(), ar.data());
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.msg_lev = GLP_MSG_OFF;
    const int rc = glp_intopt(lp, &parm);
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(glp_mip_status(lp), GLP_OPT);
    const double value = glp_mip_obj_val(lp);
    glp_delete_prob(lp);
    return value;
}

/// The hand-built covering instance (unit weights except d4 = 0.5):
///   c0 covers {d1, d2, d4} = 2.5, c1 covers {d0, d1} = 2, c2 covers {d2, d3} = 2.
/// With N = 2, greedy takes c0 (2.5) then c1 or c2 (+1) = 3.5; the optimum is {c1, c2} = 4
/// (every pair: c0+c1 = 3.5, c0+c2 = 3.5, c1+c2 = 4). One swap (c0 out, c2 or c1 in) reaches it.
CoverageInstance handCover()
{
    CoverageInstance inst;
    inst.demand = {1, 1, 1, 1, 0.5};
    inst.covers = {{1, 2, 4}, {0, 1}, {2, 3}};
    return inst;
}

/// Points on a line at 0, 1, 2, 10, 11, 12 (unit demand), a candidate at each, distance |x - y|.
MedianInstance lineMedian(const std::vector<double>& existingAt = {})
{
    const std::vector<double> x{0, 1, 2, 10, 11, 12};
    MedianInstance inst;
    inst.demand.assign(x.size(), 1.0);
    inst.candidateCount = x.size();
    for (double c : x)
        for (double d : x)
            inst.distance.push_back(std::fabs(c - d));
    if (!existingAt.empty()) {
        inst.existingDistance.assign(x.size(), std::numeric_limits<double>::infinity());
        for (std::size_t d = 0; d < x.size(); ++d)
            for (double e : existingAt)
                inst.existingDistance[d] = std::min(inst.existingDistance[d], std::fabs(e - x[d]));
    }
    return inst;
}

/// The Tanggamus covering instance: demand miskin at the pekon points, candidates the pekon
/// without a Puskessos, the two existing Puskessos covering what lies within the radius.
struct TanggamusInstance {
    CoverageInstance cover;
    MedianInstance median;
    std::vector<std::size_t> candidateVillage;
};

TanggamusInstance tanggamusInstance(double radiusKm, std::size_t candidateStride = 1)
{
    const Dataset& ds = tanggamus();
    const auto villages = ds.villages();
    const auto poor = indicatorValues(ds, "miskin");
    std::vector<Point> points;
    TanggamusInstance t;
    for (const Area* a : villages) {
        points.push_back(pointOnSurface(a->geometry));
        auto it = poor.find(a->code);
        t.cover.demand.push_back(it == poor.end() ? 0.0 : it->second);
    }
    std::vector<Point> existing;
    std::set<std::string> hasOne;
    for (const Facility& f : ds.facilities)
        if (f.kind == "PUSKESSOS") {
            existing.push_back(f.location);
            hasOne.insert(f.areaCode);
        }
    std::vector<Point> cand;
    std::size_t k = 0;
    for (std::size_t i = 0; i < villages.size(); ++i)
        if (!hasOne.count(villages[i]->code) && (k++ % candidateStride) == 0) {
            cand.push_back(points[i]);
            t.candidateVillage.push_back(i);
        }
    t.cover.covers = coverageLists(cand, points, radiusKm);
    t.cover.alreadyCovered.assign(points.size(), 0);
    t.median.demand = t.cover.demand;
    t.median.candidateCount = cand.size();
    t.median.existingDistance.assign(points.size(), std::numeric_limits<double>::infinity());
    for (std::size_t d = 0; d < points.size(); ++d) {
        for (const Point& e : existing) {
            const double km = geodesicDistanceM(e, points[d]) / 1000.0;
            t.median.existingDistance[d] = std::min(t.median.existingDistance[d], km);
            if (km <= radiusKm)
                t.cover.alreadyCovered[d] = 1;
        }
    }
    for (const Point& c : cand)
        for (const Point& p : points)
            t.median.distance.push_back(geodesicDistanceM(c, p) / 1000.0);
    return t;
}

} // namespace

TEST(PlacementSolver, HandBuiltCoverGreedyIsImprovedBySwapToTheOptimum)
{
    const CoverageInstance inst = handCover();
    SolverOptions greedyOnly;
    greedyOnly.swap = false;
    const SolverResult greedy = solveMaxCover(inst, 2, greedyOnly);
    EXPECT_DOUBLE_EQ(greedy.objective, 3.5);
    EXPECT_EQ(greedy.chosen.front(), 0u);

    const SolverResult r = solveMaxCover(inst, 2);
    EXPECT_DOUBLE_EQ(r.greedyObjective, 3.5);
    EXPECT_DOUBLE_EQ(r.objective, 4.0);
    EXPECT_EQ(asSet(r.chosen), (std::set<std::size_t>{1, 2}));
    EXPECT_GE(r.swaps, 1u);
    // Marginal gains in order: 2 then 2; they sum to the coverage.
    ASSERT_EQ(r.gain.size(), 2u);
    EXPECT_DOUBLE_EQ(r.gain[0] + r.gain[1], 4.0);
    EXPECT_DOUBLE_EQ(glpkMaxCover(inst, 2), 4.0);
    EXPECT_DOUBLE_EQ(coveredDemand(inst, r.chosen), 4.0);
}

TEST(PlacementSolver, HandBuiltCoverCountsExistingCoverage)
{
    // Existing facilities cover d2 and d3. N = 1: c0 adds d1 + d4 = 1.5, c1 adds d0 + d1 = 2,
    // c2 adds nothing; optimum c1, total 2 (existing) + 2 = 4.
    CoverageInstance inst = handCover();
    inst.alreadyCovered = {0, 0, 1, 1, 0};
    const SolverResult r = solveMaxCover(inst, 1);
    ASSERT_EQ(r.chosen.size(), 1u);
    EXPECT_EQ(r.chosen[0], 1u);
    EXPECT_DOUBLE_EQ(r.gain[0], 2.0);
    EXPECT_DOUBLE_EQ(r.objective, 4.0);
    EXPECT_DOUBLE_EQ(glpkMaxCover(inst, 1), 4.0);
    EXPECT_DOUBLE_EQ(coveredDemand(inst, {}), 2.0);
}

TEST(PlacementSolver, MoreSitesThanCandidatesTakesAll)
{
    const SolverResult r = solveMaxCover(handCover(), 10);
    EXPECT_EQ(r.chosen.size(), 3u);
    EXPECT_DOUBLE_EQ(r.objective, 4.5);
}

TEST(PlacementSolver, HandBuiltPMedian)
{
    // Two clusters {0,1,2} and {10,11,12}: N = 2 puts one at each centre (1 and 11), cost 4.
    const MedianInstance inst = lineMedian();
    const SolverResult r = solvePMedian(inst, 2);
    EXPECT_EQ(asSet(r.chosen), (std::set<std::size_t>{1, 4}));
    EXPECT_DOUBLE_EQ(r.objective, 4.0);
    EXPECT_NEAR(glpkPMedian(inst, 2), 4.0, 1e-9);
    // N = 1: the median of the six points is anywhere in [2, 10]: site 2 gives 2+1+0+8+9+10 = 30.
    const SolverResult one = solvePMedian(inst, 1);
    EXPECT_DOUBLE_EQ(one.objective, 30.0);
    EXPECT_NEAR(glpkPMedian(inst, 1), 30.0, 1e-9);
}

TEST(PlacementSolver, HandBuiltPMedianWithExistingFacility)
{
    // An existing facility at 11 alone: 11+10+9+1+0+1 = 32. One new site at 1 serves 0, 1, 2
    // at cost 2 (the existing one keeps 10, 11, 12 at cost 2): total 4, a gain of 28. Any other
    // site is worse (at 2: 2+1+0+2 = 5; at 0: 0+1+2+2 = 5).
    const MedianInstance inst = lineMedian({11});
    EXPECT_DOUBLE_EQ(medianCost(inst, {}), 32.0);
    const SolverResult r = solvePMedian(inst, 1);
    ASSERT_EQ(r.chosen.size(), 1u);
    EXPECT_EQ(r.chosen[0], 1u);
    EXPECT_DOUBLE_EQ(r.objective, 4.0);
    EXPECT_DOUBLE_EQ(r.gain[0], 28.0);
    EXPECT_NEAR(glpkPMedian(inst, 1), 4.0, 1e-9);
}

TEST(PlacementSolver, SameSeedSameAnswer)
{
    const TanggamusInstance t = tanggamusInstance(8.0);
    SolverOptions a, b;
    a.seed = b.seed = 7;
    const SolverResult r1 = solveMaxCover(t.cover, 15, a);
    const SolverResult r2 = solveMaxCover(t.cover, 15, b);
    EXPECT_EQ(r1.chosen, r2.chosen);
    EXPECT_EQ(r1.objective, r2.objective);
}

TEST(PlacementSolver, CoverageListsMatchBruteForce)
{
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> lon(104.3, 105.2), lat(-5.8, -5.0);
    std::vector<Point> cand, dem;
    for (int i = 0; i < 60; ++i)
        cand.push_back({lon(rng), lat(rng)});
    for (int i = 0; i < 400; ++i)
        dem.push_back({lon(rng), lat(rng)});
    for (unsigned threads : {1u, 2u}) {
        const auto lists = coverageLists(cand, dem, 7.5, threads);
        for (std::size_t c = 0; c < cand.size(); ++c) {
            std::vector<std::uint32_t> brute;
            for (std::size_t d = 0; d < dem.size(); ++d)
                if (geodesicDistanceM(cand[c], dem[d]) <= 7500.0)
                    brute.push_back(static_cast<std::uint32_t>(d));
            EXPECT_EQ(lists[c], brute) << "candidate " << c;
        }
    }
    EXPECT_THROW(coverageLists(cand, dem, 0.0), Error);
}

TEST(PlacementSolver, TanggamusMaxCoverWithin2PercentOfGlpk)
{
    // 302 pekon, 300 candidates (pekon without a Puskessos), radius 5 km, N = 10.
    const TanggamusInstance t = tanggamusInstance(5.0);
    ASSERT_EQ(t.cover.covers.size(), 300u);
    const SolverResult r = solveMaxCover(t.cover, 10);
    const double opt = glpkMaxCover(t.cover, 10);
    std::cout << "[tanggamus mclp 5 km N=10] greedy " << r.greedyObjective << ", greedy+swap " << r.objective
              << ", GLPK optimum " << opt << ", gap " << 100.0 * (opt - r.objective) / opt << " %\n";
    EXPECT_LE(r.objective, opt + 1e-6);
    EXPECT_GE(r.objective, 0.98 * opt);
    // A larger radius gives heavier overlap.
    const TanggamusInstance wide = tanggamusInstance(12.0);
    const SolverResult rw = solveMaxCover(wide.cover, 10);
    const double optWide = glpkMaxCover(wide.cover, 10);
    std::cout << "[tanggamus mclp 12 km N=10] greedy+swap " << rw.objective << ", GLPK optimum " << optWide << ", gap "
              << 100.0 * (optWide - rw.objective) / optWide << " %\n";
    EXPECT_LE(rw.objective, optWide + 1e-6);
    EXPECT_GE(rw.objective, 0.98 * optWide);
}

TEST(PlacementSolver, TanggamusPMedianWithin2PercentOfGlpk)
{
    // 302 demand points, every 4th pekon without a Puskessos as a candidate (75), N = 10.
    const TanggamusInstance t = tanggamusInstance(5.0, 4);
    const SolverResult r = solvePMedian(t.median, 10);
    const double opt = glpkPMedian(t.median, 10);
    std::cout << "[tanggamus p-median 75 candidates N=10] greedy " << r.greedyObjective << ", greedy+swap "
              << r.objective << ", GLPK optimum " << opt << ", gap " << 100.0 * (r.objective - opt) / opt << " %\n";
    EXPECT_GE(r.objective, opt - 1e-6);
    EXPECT_LE(r.objective, 1.02 * opt);
    EXPECT_NEAR(medianCost(t.median, r.chosen), r.objective, 1e-6 * r.objective);
}

TEST(PlacementSolver, RandomInstancesWithin2PercentOfGlpk)
{
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 3; ++trial) {
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const std::size_t nD = 120, nC = 60;
        std::vector<std::pair<double, double>> dp(nD), cp(nC);
        for (auto& p : dp)
            p = {unit(rng), unit(rng)};
        for (auto& p : cp)
            p = {unit(rng), unit(rng)};
        CoverageInstance cover;
        MedianInstance median;
        median.candidateCount = nC;
        for (std::size_t d = 0; d < nD; ++d)
            cover.demand.push_back(std::floor(1 + 99 * unit(rng)));
        median.demand = cover.demand;
        cover.covers.resize(nC);
        for (std::size_t c = 0; c < nC; ++c)
            for (std::size_t d = 0; d < nD; ++d) {
                const double dist = std::hypot(cp[c].first - dp[d].first, cp[c].second - dp[d].second);
                median.distance.push_back(dist);
                if (dist <= 0.15)
                    cover.covers[c].push_back(static_cast<std::uint32_t>(d));
            }
        SolverOptions options;
        options.seed = static_cast<std::uint64_t>(trial);
        const SolverResult rc = solveMaxCover(cover, 8, options);
        const double oc = glpkMaxCover(cover, 8);
        EXPECT_GE(rc.objective, 0.98 * oc) << "trial " << trial;
        const SolverResult rm = solvePMedian(median, 6, options);
        const double om = glpkPMedian(median, 6);
        EXPECT_LE(rm.objective, 1.02 * om) << "trial " << trial;
        std::cout << "[random " << trial << "] mclp " << rc.objective << " / " << oc << ", p-median " << rm.objective
                  << " / " << om << "\n";
    }
}

TEST(PlacementSolver, AccessRatio2sfcaHandWorked)
{
    // Facility 0 reaches d0 (100) and d1 (300): R0 = 1/400; facility 1 reaches d1: R1 = 1/300.
    // A_d0 = 1000/400 = 2.5; A_d1 = 2.5 + 1000/300; A_d2 = 0.
    const auto a = accessRatio2sfca({100, 300, 50}, {{0, 1}, {1}});
    EXPECT_DOUBLE_EQ(a[0], 2.5);
    EXPECT_DOUBLE_EQ(a[1], 2.5 + 1000.0 / 300.0);
    EXPECT_DOUBLE_EQ(a[2], 0.0);
}

// ---------------------------------------------------------------------------------------
// On the dataset
// ---------------------------------------------------------------------------------------

TEST(Placement, TanggamusTenPuskessosBeatTopPriorityPekon)
{
    PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 10;
    o.radiusKm = 5.0;
    const PlacementResult placed = placeFacilities(tanggamus(), o);
    ASSERT_EQ(placed.sites.size(), 10u);
    EXPECT_EQ(placed.candidateCount, 300u);
    EXPECT_EQ(placed.existingCount, 2u);
    const std::vector<std::string> top = topPriorityCodes(tanggamus(), 10);
    ASSERT_EQ(top.size(), 10u);
    const PlacementResult priority = evaluateSites(tanggamus(), o, top);
    std::cout << "[tanggamus] poor covered within 5 km: existing " << placed.before << "; 10 new Puskessos (MCLP) "
              << placed.after << " (+" << placed.after - placed.before << "); 10 highest-priority pekon "
              << priority.after << " (+" << priority.after - priority.before << ") of " << placed.totalDemand << "\n";
    EXPECT_GE(placed.after, priority.after);
    EXPECT_DOUBLE_EQ(placed.before, priority.before);
    // Gains are in decreasing order and add up.
    double sum = 0;
    for (std::size_t k = 0; k < placed.sites.size(); ++k) {
        sum += placed.sites[k].gain;
        if (k > 0) {
            EXPECT_GE(placed.sites[k - 1].gain, placed.sites[k].gain - 1e-9);
        }
    }
    EXPECT_NEAR(sum, placed.after - placed.before, 1e-6);
    // Each village is assigned consistently.
    double covered = 0;
    for (const VillageAssignment& a : placed.villages)
        if (a.coveredAfter) {
            covered += a.demand;
            EXPECT_FALSE(a.servedBy.empty()) << a.code;
            EXPECT_LE(a.distance, 5.0) << a.code;
            EXPECT_GE(a.accessAfter, a.accessBefore) << a.code;
        }
    EXPECT_NEAR(covered, placed.after, 1e-6);
    // The same as the solver on the hand-assembled instance.
    const TanggamusInstance t = tanggamusInstance(5.0);
    EXPECT_NEAR(solveMaxCover(t.cover, 10).objective, placed.after, 1e-6);
}

TEST(Placement, PMedianOnTanggamusReducesWeightedDistance)
{
    PlacementOptions o;
    o.method = PlacementMethod::PMedian;
    o.count = 5;
    const PlacementResult r = placeFacilities(tanggamus(), o);
    ASSERT_EQ(r.sites.size(), 5u);
    EXPECT_LT(r.after, r.before);
    double gains = 0;
    for (const PlacedSite& s : r.sites)
        gains += s.gain;
    EXPECT_NEAR(gains, r.before - r.after, 1e-6 * r.before);
    for (const VillageAssignment& a : r.villages)
        EXPECT_FALSE(std::isnan(a.distance)) << a.code;
}

TEST(Placement, CandidateRulesAndLists)
{
    PlacementOptions o;
    o.count = 3;
    o.candidates = "priority_rank<=100";
    const PlacementResult byRule = placeFacilities(tanggamus(), o);
    EXPECT_GT(byRule.candidateCount, 0u);
    EXPECT_LE(byRule.candidateCount, 100u);
    const auto top = topPriorityCodes(tanggamus(), 100);
    for (const PlacedSite& s : byRule.sites)
        EXPECT_NE(std::find(top.begin(), top.end(), s.code), top.end()) << s.code;

    const auto villages = tanggamus().villages();
    o.candidates = villages[5]->code + ", " + villages[9]->code;
    o.count = 1;
    const PlacementResult byList = placeFacilities(tanggamus(), o);
    EXPECT_EQ(byList.candidateCount, 2u);
    ASSERT_EQ(byList.sites.size(), 1u);

    o.candidates = "18.99.99.9999";
    EXPECT_THROW(placeFacilities(tanggamus(), o), Error);
    o.candidates = "priority_rank<=abc";
    EXPECT_THROW(placeFacilities(tanggamus(), o), Error);
    o.candidates = "no_such_column<=3";
    EXPECT_THROW(placeFacilities(tanggamus(), o), Error);
    o.candidates.clear();
    o.count = 0;
    EXPECT_THROW(placeFacilities(tanggamus(), o), Error);
    o.count = 1;
    o.radiusKm = -1;
    EXPECT_THROW(placeFacilities(tanggamus(), o), Error);
}

TEST(Placement, RunIsSavedAsATypedProgramWithItsJson)
{
    Dataset ds = tanggamus();
    PlacementOptions o;
    o.count = 2;
    const PlacementResult r = placeFacilities(ds, o);
    EXPECT_EQ(savePlacementRun(ds, r, "2026-11-28T12:00:00Z"), 1);
    EXPECT_EQ(savePlacementRun(ds, r, "2026-11-28T12:00:00Z"), 2);
    ASSERT_EQ(ds.programs.size(), 2u);
    const PlacementRun& run = ds.programs[0];
    EXPECT_EQ(run.createdUtc, "2026-11-28T12:00:00Z");
    EXPECT_EQ(run.kind, "PUSKESSOS");
    EXPECT_EQ(run.method, "mclp");
    EXPECT_EQ(run.count, 2u);
    EXPECT_EQ(run.radiusKm, 5.0);
    EXPECT_FALSE(run.minutes);
    EXPECT_FALSE(run.capacity);
    EXPECT_EQ(run.candidates, "without_kind");
    EXPECT_EQ(run.coveredBefore, r.before);
    EXPECT_EQ(run.coveredAfter, r.after);
    EXPECT_FALSE(run.costAfter);
    ASSERT_EQ(run.sites.size(), 2u);
    EXPECT_EQ(run.sites[0].rank, 1);
    EXPECT_EQ(run.sites[0].code, r.sites[0].code);
    EXPECT_EQ(run.sites[1].served, r.sites[1].served);
    EXPECT_NE(run.json.find("\"kind\":\"PUSKESSOS\""), std::string::npos);
    EXPECT_NE(run.json.find("\"radius_km\":5"), std::string::npos);
    EXPECT_EQ(run.json.find('\n'), std::string::npos);
    EXPECT_EQ(ds.meta.count("program.2026-11-28T12:00:00Z"), 0u) << "runs no longer live in meta";
}

TEST(Placement, CsvIsWrittenAndBadPathIsAnOutputError)
{
    PlacementOptions o;
    o.count = 3;
    const PlacementResult r = placeFacilities(tanggamus(), o);
    const auto dir = testutil::tempDir("placement_csv");
    const std::string path = (dir / "place.csv").string();
    writePlacementCsv(r, path);
    std::ifstream in(path);
    std::string line;
    std::size_t lines = 0, sites = 0;
    std::getline(in, line);
    EXPECT_EQ(line.rfind("kode,nama,demand,covered_before,covered_after,served_by", 0), 0u);
    while (std::getline(in, line)) {
        ++lines;
        const auto cells = testutil::splitCsvLine(line);
        if (!cells.at(10).empty())
            ++sites;
    }
    EXPECT_EQ(lines, tanggamus().villages().size());
    EXPECT_EQ(sites, 3u);
    EXPECT_THROW(writePlacementCsv(r, (dir / "missing" / "x.csv").string()), OutputError);
}

TEST(Placement, TravelMinutesAlongARoadNetwork)
{
    // A star of roads from the capital to every pekon point at 30 km/h: reach is 30 minutes.
    const Dataset& ds = tanggamus();
    const Point capital = capitalOf(ds);
    std::vector<LineString> lines;
    for (const Area* a : ds.villages())
        lines.push_back(LineString{capital, pointOnSurface(a->geometry)});
    const RoadNetwork roads = RoadNetwork::fromLines(lines);
    PlacementOptions o;
    o.count = 3;
    o.minutes = 30.0;
    o.roads = &roads;
    const PlacementResult r = placeFacilities(ds, o);
    ASSERT_EQ(r.sites.size(), 3u);
    EXPECT_TRUE(r.roadsUsed);
    EXPECT_GE(r.after, r.before);
    double covered = 0;
    for (const VillageAssignment& a : r.villages) {
        if (a.coveredAfter) {
            covered += a.demand;
            EXPECT_LE(a.distance, 30.0) << a.code;
        }
    }
    EXPECT_NEAR(covered, r.after, 1e-6);
    EXPECT_NE(placementToJson(r).find("\"minutes\":30"), std::string::npos);
    o.method = PlacementMethod::PMedian;
    const PlacementResult m = placeFacilities(ds, o);
    EXPECT_EQ(m.sites.size(), 3u);
    EXPECT_LE(m.after, m.before);
}
