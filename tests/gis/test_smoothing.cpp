// Empirical Bayes smoothed rates (Marshall 1991, global, method of moments): checked against
// estimates worked by hand, the clamp of a negative prior variance, zero populations, and the
// shrinkage of small-population rates toward the global rate.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/smoothing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace gis;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TEST(EmpiricalBayes, MatchesMarshallsEstimatesWorkedByHand)
{
    // O = (5, 4, 11), P = (10, 40, 50)
    // r = (0.5, 0.1, 0.22); ΣO = 20, ΣP = 100, b = 0.2; n = 3, P̄ = 100/3
    // s² = [10·0.3² + 40·(-0.1)² + 50·0.02²] / 100 = (0.9 + 0.4 + 0.02) / 100 = 0.0132
    // a  = s² - b/P̄ = 0.0132 - 0.2·3/100 = 0.0132 - 0.006 = 0.0072
    // b/P_i = (0.02, 0.005, 0.004)
    // C = 0.0072 / (0.0072 + b/P_i) = (0.0072/0.0272, 0.0072/0.0122, 0.0072/0.0112)
    //   = (9/34, 36/61, 9/14)
    // EB = b + C·(r - b) = (0.2 + 0.3·9/34, 0.2 - 0.1·36/61, 0.2 + 0.02·9/14)
    //    = (0.27941176..., 0.14098360..., 0.21285714...)
    const EmpiricalBayesResult r = empiricalBayesRates({5, 4, 11}, {10, 40, 50});
    EXPECT_DOUBLE_EQ(r.globalRate, 0.2);
    EXPECT_NEAR(r.meanPopulation, 100.0 / 3.0, 1e-12);
    EXPECT_NEAR(r.rateVariance, 0.0132, 1e-15);
    EXPECT_NEAR(r.priorVariance, 0.0072, 1e-15);
    EXPECT_FALSE(r.varianceClamped);
    EXPECT_EQ(r.used, 3u);
    ASSERT_EQ(r.rate.size(), 3u);
    EXPECT_NEAR(r.shrinkage[0], 9.0 / 34.0, 1e-12);
    EXPECT_NEAR(r.shrinkage[1], 36.0 / 61.0, 1e-12);
    EXPECT_NEAR(r.shrinkage[2], 9.0 / 14.0, 1e-12);
    EXPECT_NEAR(r.rate[0], 0.2 + 0.3 * 9.0 / 34.0, 1e-12);
    EXPECT_NEAR(r.rate[1], 0.2 - 0.1 * 36.0 / 61.0, 1e-12);
    EXPECT_NEAR(r.rate[2], 0.2 + 0.02 * 9.0 / 14.0, 1e-12);
    EXPECT_DOUBLE_EQ(r.rawRate[0], 0.5);
}

TEST(EmpiricalBayes, ShrinksSmallPopulationRatesTowardTheGlobalRate)
{
    // The smallest area (P = 10) keeps least of its own rate.
    const EmpiricalBayesResult r = empiricalBayesRates({5, 4, 11}, {10, 40, 50});
    EXPECT_LT(r.shrinkage[0], r.shrinkage[1]);
    EXPECT_LT(r.shrinkage[1], r.shrinkage[2]);
    for (std::size_t i = 0; i < 3; ++i) {
        // Each smoothed rate lies between the global rate and the raw rate.
        EXPECT_LE(std::min(r.globalRate, r.rawRate[i]), r.rate[i]);
        EXPECT_GE(std::max(r.globalRate, r.rawRate[i]), r.rate[i]);
    }
    // Two areas with the same raw rate 0.5: the one with 10 people is pulled further toward b.
    const EmpiricalBayesResult two = empiricalBayesRates({5, 500, 50, 40}, {10, 1000, 500, 400});
    EXPECT_DOUBLE_EQ(two.rawRate[0], two.rawRate[1]);
    EXPECT_LT(std::fabs(two.rate[0] - two.globalRate), std::fabs(two.rate[1] - two.globalRate));
    EXPECT_LT(two.rate[0], two.rate[1]);
}

TEST(EmpiricalBayes, ClampsANegativeVarianceEstimateToZero)
{
    // All raw rates equal b = 0.01, so s² = 0 and a = 0 - 0.01/200 < 0 -> a = 0: every EB rate is b.
    const EmpiricalBayesResult r = empiricalBayesRates({1, 2, 3}, {100, 200, 300});
    EXPECT_TRUE(r.varianceClamped);
    EXPECT_EQ(r.priorVariance, 0.0);
    for (double v : r.rate)
        EXPECT_NEAR(v, 0.01, 1e-15);
    for (double c : r.shrinkage)
        EXPECT_EQ(c, 0.0);
}

TEST(EmpiricalBayes, LeavesOutZeroPopulationsAndMissingValues)
{
    // The two left-out areas do not change the estimates of the hand-worked example.
    const EmpiricalBayesResult r = empiricalBayesRates({5, 0, 4, kNaN, 11}, {10, 0, 40, 30, 50});
    EXPECT_EQ(r.used, 3u);
    EXPECT_EQ(r.zeroPopulation, 1u);
    EXPECT_EQ(r.missing, 1u);
    EXPECT_TRUE(std::isnan(r.rate[1]));
    EXPECT_TRUE(std::isnan(r.rate[3]));
    EXPECT_NEAR(r.rate[4], 0.2 + 0.02 * 9.0 / 14.0, 1e-12);
    // Zero counts everywhere: every rate is 0, nothing divides by zero.
    const EmpiricalBayesResult zero = empiricalBayesRates({0, 0}, {10, 20});
    EXPECT_EQ(zero.rate[0], 0.0);
    EXPECT_EQ(zero.rate[1], 0.0);
}

TEST(EmpiricalBayes, RejectsBadInput)
{
    EXPECT_THROW(empiricalBayesRates({1, 2}, {10}), Error);
    EXPECT_THROW(empiricalBayesRates({-1, 2}, {10, 20}), Error);
    EXPECT_THROW(empiricalBayesRates({1, 2}, {10, std::numeric_limits<double>::infinity()}), Error);
    EXPECT_THROW(empiricalBayesRates({1, 2}, {0, 0}), Error);
}

TEST(EmpiricalBayes, PovertyRateOfTheEmbeddedDatasetKeepsTheRegencyRate)
{
    const Dataset ds = buildDefaultDataset();
    const auto raw = indicatorValues(ds, "poverty_rate");
    const auto eb = empiricalBayesPovertyRate(ds);
    ASSERT_EQ(eb.size(), raw.size());
    // Σ P_i·EB_i = Σ P_i·b + Σ C_i·P_i·(r_i - b): not exactly Σ O, but the population-weighted
    // mean stays close to the regency rate, and the smoothed rates spread less than the raw ones.
    const auto population = indicatorValues(ds, "penduduk");
    const auto poor = indicatorValues(ds, "miskin");
    double sumP = 0, sumO = 0, sumEb = 0;
    double rawMin = 1e9, rawMax = -1e9, ebMin = 1e9, ebMax = -1e9;
    for (const auto& [code, v] : eb) {
        sumP += population.at(code);
        sumO += poor.at(code);
        sumEb += population.at(code) * v / 100.0;
        rawMin = std::min(rawMin, raw.at(code));
        rawMax = std::max(rawMax, raw.at(code));
        ebMin = std::min(ebMin, v);
        ebMax = std::max(ebMax, v);
    }
    EXPECT_NEAR(sumEb / sumP, sumO / sumP, 0.005);
    EXPECT_GE(ebMin, rawMin);
    EXPECT_LE(ebMax, rawMax);
}
