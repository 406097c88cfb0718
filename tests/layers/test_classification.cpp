// Classification, colour ramps and Indonesian number formatting (pure, no painting).
#include "layers/classification.h"
#include "layers/colorramp.h"
#include "layers/numberformat.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <tuple>
#include <vector>

using namespace layers;
using ::testing::ElementsAre;

TEST(Classification, EqualIntervalEndsAtMaximum)
{
    EXPECT_THAT(equalIntervalBreaks(0.0, 10.0, 4), ElementsAre(2.5, 5.0, 7.5, 10.0));
    EXPECT_THAT(equalIntervalBreaks(5.0, 20.0, 3), ElementsAre(10.0, 15.0, 20.0));
    EXPECT_THAT(equalIntervalBreaks(3.0, 3.0, 2), ElementsAre(3.0, 3.0));
}

TEST(Classification, QuantileOfOneToTenInFiveClasses)
{
    // 2 values per class: {1,2} {3,4} {5,6} {7,8} {9,10}; order of input does not matter
    EXPECT_THAT(quantileBreaks({10, 3, 1, 7, 2, 9, 4, 8, 6, 5}, 5), ElementsAre(2.0, 4.0, 6.0, 8.0, 10.0));
    // 1..10 in 4 classes: ranks ceil(2.5)=3, 5, ceil(7.5)=8, 10
    EXPECT_THAT(quantileBreaks({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 4), ElementsAre(3.0, 5.0, 8.0, 10.0));
    // NaN ignored
    EXPECT_THAT(quantileBreaks({1.0, NAN, 3.0, 2.0}, 3), ElementsAre(1.0, 2.0, 3.0));
}

TEST(Classification, RejectsInvalidClassCounts)
{
    EXPECT_THROW(equalIntervalBreaks(0.0, 10.0, 0), std::invalid_argument);
    EXPECT_THROW(equalIntervalBreaks(0.0, 10.0, -3), std::invalid_argument);
    EXPECT_THROW(quantileBreaks({1.0, 2.0}, 0), std::invalid_argument);
    EXPECT_THROW(naturalBreaks({1.0, 2.0}, 0), std::invalid_argument);
    EXPECT_THROW(quantileBreaks({}, 3), std::invalid_argument);
    EXPECT_THROW(equalIntervalBreaks(10.0, 0.0, 3), std::invalid_argument);
    EXPECT_THROW(Classification(ClassificationMethod::Quantile, {1.0, 2.0}, 0), std::invalid_argument);
}

TEST(Classification, NaturalBreaksSeparatesClusters)
{
    EXPECT_THAT(naturalBreaks({1, 2, 3, 10, 11, 12, 30, 31}, 3), ElementsAre(3.0, 12.0, 31.0));
    EXPECT_THAT(naturalBreaks({4, 4, 9}, 5), ElementsAre(4.0, 9.0)) << "one class per distinct value";
}

TEST(Classification, ClassIndexUsesUpperBoundsInclusive)
{
    const std::vector<double> breaks{2.5, 5.0, 7.5, 10.0};
    EXPECT_EQ(classIndex(breaks, 0.0), 0);
    EXPECT_EQ(classIndex(breaks, 2.5), 0);
    EXPECT_EQ(classIndex(breaks, 2.5000001), 1);
    EXPECT_EQ(classIndex(breaks, 7.5), 2);
    EXPECT_EQ(classIndex(breaks, 10.0), 3);
    EXPECT_EQ(classIndex(breaks, 11.0), 3) << "above the maximum: last class";
    EXPECT_EQ(classIndex(breaks, NAN), -1);
    EXPECT_EQ(classIndex({}, 1.0), -1);
}

TEST(Classification, CountsAndIndonesianLabels)
{
    const Classification c(ClassificationMethod::EqualInterval, {10.0, 12.5, 13.0, 15.0, 20.0}, 4);
    EXPECT_THAT(c.upperBounds(), ElementsAre(12.5, 15.0, 17.5, 20.0));
    EXPECT_THAT(c.counts(), ElementsAre(2, 2, 0, 1));
    EXPECT_EQ(c.decimals(), 1);
    EXPECT_EQ(c.label(0), "10,0 – 12,5");
    EXPECT_EQ(c.label(1), "12,5 – 15,0");
    EXPECT_EQ(c.label(3), "17,5 – 20,0");
    EXPECT_EQ(c.label(1, 2), "12,50 – 15,00");
}

TEST(Classification, LargeNumbersGetThousandsDots)
{
    const Classification c(ClassificationMethod::EqualInterval, {0.0, 1500.0, 12000.0}, 2);
    EXPECT_EQ(c.decimals(), 0);
    EXPECT_EQ(c.label(0), "0 – 6.000");
    EXPECT_EQ(c.label(1), "6.000 – 12.000");
}

TEST(Classification, RepeatedValuesMergeEqualBreaks)
{
    const Classification c(ClassificationMethod::Quantile, {1.0, 1.0, 1.0, 1.0, 2.0}, 5);
    EXPECT_THAT(c.upperBounds(), ElementsAre(1.0, 2.0));
    EXPECT_THAT(c.counts(), ElementsAre(4, 1));
}

TEST(NumberFormat, DecimalCommaThousandsDot)
{
    EXPECT_EQ(formatNumber(12345.678, 1), "12.345,7");
    EXPECT_EQ(formatNumber(12.5, 1), "12,5");
    EXPECT_EQ(formatNumber(1234567.0, 0), "1.234.567");
    EXPECT_EQ(formatNumber(999.0, 0), "999");
    EXPECT_EQ(formatNumber(-1234.5, 2), "-1.234,50");
    EXPECT_EQ(formatNumber(-0.04, 1), "0,0");
    EXPECT_EQ(formatDateId(2025, 11, 28), "28 November 2025");
    EXPECT_EQ(formatDateId(2019, 8, 1), "1 Agustus 2019");
}

TEST(ColorRamp, YlOrRdFiveClassesExactColorBrewerValues)
{
    const auto colors = colorBrewer("YlOrRd", 5);
    ASSERT_EQ(colors.size(), 5u);
    EXPECT_EQ(colors[0].name().toStdString(), "#ffffb2");
    EXPECT_EQ(colors[1].name().toStdString(), "#fecc5c");
    EXPECT_EQ(colors[2].name().toStdString(), "#fd8d3c");
    EXPECT_EQ(colors[3].name().toStdString(), "#f03b20");
    EXPECT_EQ(colors[4].name().toStdString(), "#bd0026");
}

TEST(ColorRamp, EveryRampHasThreeToNineClasses)
{
    for (const std::string& name : rampNames()) {
        for (int k = 3; k <= 9; ++k) {
            const auto colors = colorBrewer(name, k);
            ASSERT_EQ(colors.size(), static_cast<std::size_t>(k)) << name << " " << k;
            for (const QColor& c : colors)
                EXPECT_TRUE(c.isValid()) << name << " " << k;
            // sequential: each colour darker than the previous
            for (std::size_t i = 1; i < colors.size(); ++i)
                EXPECT_LT(colors[i].lightnessF(), colors[i - 1].lightnessF()) << name << " " << k << " " << i;
            EXPECT_NE(colors.front(), noDataColor());
        }
    }
    EXPECT_EQ(colorBrewer("Blues", 3)[2].name().toStdString(), "#3182bd");
    EXPECT_EQ(colorBrewer("Purples", 9)[8].name().toStdString(), "#3f007d");
    EXPECT_EQ(colorBrewer("YlGnBu", 7)[0].name().toStdString(), "#ffffcc");
    EXPECT_EQ(noDataColor().name().toStdString(), "#d9d9d9");
    EXPECT_STREQ(kDefaultRamp, "YlOrRd");
}

TEST(ColorRamp, RejectsUnknownNamesAndClassCounts)
{
    EXPECT_THROW(colorBrewer("Rainbow", 5), std::invalid_argument);
    EXPECT_THROW(colorBrewer("YlOrRd", 2), std::invalid_argument);
    EXPECT_THROW(colorBrewer("YlOrRd", 10), std::invalid_argument);
    EXPECT_EQ(rampColors("YlOrRd", 1).size(), 1u);
    EXPECT_THAT(rampColors("YlOrRd", 2), ElementsAre(QColor("#ffeda0"), QColor("#f03b20")));
}

// ---------------------------------------------------------------------------------------
// Natural breaks (Ckmeans), standard deviation classes, method names
// ---------------------------------------------------------------------------------------

namespace {

/// Sum of squared deviations from the class means when each value goes to classIndex().
double withinClassSquares(const std::vector<double>& values, const std::vector<double>& breaks)
{
    std::vector<std::vector<double>> members(breaks.size());
    for (double v : values)
        members[static_cast<std::size_t>(classIndex(breaks, v))].push_back(v);
    double total = 0.0;
    for (const auto& m : members) {
        if (m.empty())
            continue;
        double mean = 0.0;
        for (double v : m)
            mean += v;
        mean /= static_cast<double>(m.size());
        for (double v : m)
            total += (v - mean) * (v - mean);
    }
    return total;
}

double squaresOfRun(const std::vector<double>& sorted, std::size_t first, std::size_t end)
{
    double mean = 0.0;
    for (std::size_t i = first; i < end; ++i)
        mean += sorted[i];
    mean /= static_cast<double>(end - first);
    double total = 0.0;
    for (std::size_t i = first; i < end; ++i)
        total += (sorted[i] - mean) * (sorted[i] - mean);
    return total;
}

/// The least sum of squares over every way to cut the sorted values into `classes`
/// non-empty runs (cuts between equal values included).
double bruteForceLeastSquares(const std::vector<double>& sorted, std::size_t first, std::size_t classes)
{
    if (classes == 1)
        return squaresOfRun(sorted, first, sorted.size());
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t end = first + 1; end + classes - 1 <= sorted.size(); ++end)
        best = std::min(best, squaresOfRun(sorted, first, end) + bruteForceLeastSquares(sorted, end, classes - 1));
    return best;
}

/// The textbook O(k·n²) dynamic programme (Fisher / Jenks), in long double.
double quadraticLeastSquares(std::vector<double> values, std::size_t classes)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const long double inf = std::numeric_limits<long double>::infinity();
    std::vector<long double> previous(n + 1, inf), current(n + 1, inf);
    previous[0] = 0.0L; // best[j][e]: values [0, e) in j classes
    for (std::size_t j = 1; j <= classes; ++j) {
        std::fill(current.begin(), current.end(), inf);
        for (std::size_t e = 1; e <= n; ++e) {
            long double sum = 0.0L, sumSq = 0.0L;
            for (std::size_t s = e; s-- > 0;) { // last class [s, e)
                sum += values[s];
                sumSq += static_cast<long double>(values[s]) * values[s];
                const long double squares = sumSq - sum * sum / static_cast<long double>(e - s);
                if (previous[s] != inf)
                    current[e] = std::min(current[e], previous[s] + squares);
            }
        }
        std::swap(previous, current);
    }
    return static_cast<double>(previous[n]);
}

std::vector<double> distinctSorted(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

} // namespace

TEST(Classification, NaturalBreaksHandWorked)
{
    // {0,1,5,6,20} in 2: {0,1,5,6}|{20} leaves 26, {0,1,5}|{6,20} 14 + 98, {0,1}|{5,6,20} 0.5 + 140.7
    EXPECT_THAT(naturalBreaks({20, 0, 6, 1, 5}, 2), ElementsAre(6.0, 20.0));
    // in 3: {0,1}|{5,6}|{20} leaves 0.5 + 0.5 + 0
    EXPECT_THAT(naturalBreaks({0, 1, 5, 6, 20}, 3), ElementsAre(1.0, 6.0, 20.0));
    // repeated values: {1,1,1,2}|{9,9,10} leaves 0.75 + 0.667; in 3 {1,1,1}|{2}|{9,9,10} leaves 0.667
    EXPECT_THAT(naturalBreaks({1, 1, 1, 2, 9, 9, 10}, 2), ElementsAre(2.0, 10.0));
    EXPECT_THAT(naturalBreaks({1, 1, 1, 2, 9, 9, 10}, 3), ElementsAre(1.0, 2.0, 10.0));
    EXPECT_THAT(naturalBreaks({7.5, NAN, 7.5}, 1), ElementsAre(7.5));
    EXPECT_THAT(naturalBreaks({3, 1, 2}, 3), ElementsAre(1.0, 2.0, 3.0)) << "as many classes as values";
    EXPECT_THAT(naturalBreaks({5, 5, 5, 5}, 4), ElementsAre(5.0));
    EXPECT_THROW(naturalBreaks({NAN}, 2), std::invalid_argument);
}

TEST(Classification, NaturalBreaksEqualBruteForceOnSmallSets)
{
    std::mt19937 random(20251128);
    std::uniform_int_distribution<int> sizeOf(1, 12), classesOf(1, 4), smallInteger(0, 9), coin(0, 1);
    std::uniform_real_distribution<double> real(-50.0, 150.0);
    int compared = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        const auto n = static_cast<std::size_t>(sizeOf(random));
        const int k = classesOf(random);
        const bool repeats = coin(random) == 1; // small integers: many repeated values
        std::vector<double> values;
        for (std::size_t i = 0; i < n; ++i)
            values.push_back(repeats ? smallInteger(random) : real(random));
        const std::vector<double> breaks = naturalBreaks(values, k);
        const std::vector<double> distinct = distinctSorted(values);
        if (distinct.size() <= static_cast<std::size_t>(k)) {
            EXPECT_EQ(breaks, distinct) << "one class per distinct value, trial " << trial;
            continue;
        }
        ASSERT_EQ(breaks.size(), static_cast<std::size_t>(k)) << "trial " << trial;
        EXPECT_TRUE(std::is_sorted(breaks.begin(), breaks.end()));
        EXPECT_EQ(std::adjacent_find(breaks.begin(), breaks.end()), breaks.end()) << "no empty class";
        EXPECT_EQ(breaks.back(), distinct.back());
        std::vector<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        const double best = bruteForceLeastSquares(sorted, 0, static_cast<std::size_t>(k));
        EXPECT_NEAR(withinClassSquares(values, breaks), best, 1e-9 * (1.0 + best)) << "trial " << trial;
        ++compared;
    }
    EXPECT_GT(compared, 1500);
}

TEST(Classification, NaturalBreaksEqualQuadraticProgramme)
{
    // 600 values in four skewed clusters, as poverty rates are: the O(k·n log n) answer has the
    // same sum of squares as the plain O(k·n²) programme for every class count.
    std::mt19937 random(7);
    std::vector<double> values;
    const std::vector<std::tuple<double, double, int>> clusters{
        {4.0, 1.5, 250}, {11.0, 2.0, 200}, {19.0, 1.0, 100}, {32.0, 4.0, 50}};
    for (const auto& [centre, spread, count] : clusters) {
        std::normal_distribution<double> normal(centre, spread);
        for (int i = 0; i < count; ++i)
            values.push_back(std::round(normal(random) * 100.0) / 100.0);
    }
    for (int k = 2; k <= 9; ++k) {
        const double expected = quadraticLeastSquares(values, static_cast<std::size_t>(k));
        EXPECT_NEAR(withinClassSquares(values, naturalBreaks(values, k)), expected, 1e-9 * expected) << k;
    }
}

TEST(Classification, NaturalBreaksOfNationalScaleIsLocallyOptimal)
{
    // 84,000 values, 7 classes (the speed is in bench_classify). No brute force at this size:
    // moving any break to the neighbouring distinct value must not lower the sum of squares,
    // and the result must beat quantile and equal-interval breaks.
    std::mt19937 random(84000);
    std::lognormal_distribution<double> rate(2.3, 0.55);
    std::vector<double> values(84000);
    for (double& v : values)
        v = std::round(std::min(rate(random), 95.0) * 1000.0) / 1000.0;
    const std::vector<double> breaks = naturalBreaks(values, 7);
    ASSERT_EQ(breaks.size(), 7u);
    const double squares = withinClassSquares(values, breaks);
    const std::vector<double> distinct = distinctSorted(values);
    EXPECT_EQ(breaks.back(), distinct.back());
    for (std::size_t b = 0; b + 1 < breaks.size(); ++b) {
        const auto at = std::lower_bound(distinct.begin(), distinct.end(), breaks[b]);
        ASSERT_TRUE(at != distinct.end() && *at == breaks[b]) << "breaks are data values";
        for (const std::ptrdiff_t step : {-1, 1}) {
            const std::ptrdiff_t moved = (at - distinct.begin()) + step;
            if (moved < 0 || moved >= static_cast<std::ptrdiff_t>(distinct.size()))
                continue;
            std::vector<double> other = breaks;
            other[b] = distinct[static_cast<std::size_t>(moved)];
            if ((b > 0 && other[b] <= other[b - 1]) || other[b] >= other[b + 1])
                continue;
            EXPECT_GE(withinClassSquares(values, other), squares * (1.0 - 1e-12)) << "break " << b;
        }
    }
    EXPECT_LT(squares, withinClassSquares(values, quantileBreaks(values, 7)));
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    EXPECT_LT(squares, withinClassSquares(values, equalIntervalBreaks(*lo, *hi, 7)));
}

TEST(Classification, StandardDeviationHandWorked)
{
    // mean 5, population standard deviation 2 (squares 9+1+1+1+0+0+4+16 = 32, 32/8 = 4)
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    // odd: middle class 5 ± 1
    EXPECT_THAT(standardDeviationBreaks(values, 3), ElementsAre(4.0, 6.0, 9.0));
    // even: a break at the mean, then every σ
    EXPECT_THAT(standardDeviationBreaks(values, 4), ElementsAre(3.0, 5.0, 7.0, 9.0));
    // 5: breaks 2, 4, 6, 8 all inside [2, 9]; 2 is the minimum and keeps a class of its own
    EXPECT_THAT(standardDeviationBreaks(values, 5), ElementsAre(2.0, 4.0, 6.0, 8.0, 9.0));
    // 6: breaks 1, 3, 5, 7, 9: 1 is below the minimum, 9 is the maximum
    EXPECT_THAT(standardDeviationBreaks(values, 6), ElementsAre(3.0, 5.0, 7.0, 9.0));
    // 7: breaks 0, 2, 4, 6, 8, 10: 0 and 10 fall outside
    EXPECT_THAT(standardDeviationBreaks(values, 7), ElementsAre(2.0, 4.0, 6.0, 8.0, 9.0));
    EXPECT_THAT(standardDeviationBreaks(values, 2), ElementsAre(5.0, 9.0));
    EXPECT_THAT(standardDeviationBreaks(values, 1), ElementsAre(9.0));
    EXPECT_THAT(standardDeviationBreaks({3, 3, NAN, 3}, 5), ElementsAre(3.0)) << "σ = 0: one class";
    EXPECT_THROW(standardDeviationBreaks(values, 0), std::invalid_argument);
    EXPECT_THROW(standardDeviationBreaks({NAN}, 3), std::invalid_argument);

    const Classification c(ClassificationMethod::StandardDeviation, values, 3);
    EXPECT_EQ(c.method(), ClassificationMethod::StandardDeviation);
    EXPECT_THAT(c.upperBounds(), ElementsAre(4.0, 6.0, 9.0));
    EXPECT_THAT(c.counts(), ElementsAre(4, 2, 2));
    EXPECT_EQ(c.label(0), "2,0 – 4,0");
}

TEST(Classification, ManualBreaksReportTheirMethod)
{
    const Classification c(0.0, {10.0, 20.0, 50.0}, {5.0, 15.0, 15.0, 45.0});
    EXPECT_EQ(c.method(), ClassificationMethod::Manual);
    EXPECT_THAT(c.counts(), ElementsAre(1, 2, 1));
    EXPECT_EQ(methodName(c.method()), "batas manual");
    EXPECT_THROW(Classification(ClassificationMethod::Manual, {1.0, 2.0, 3.0}, 2), std::invalid_argument);
}

TEST(Classification, MethodNamesAndKeysRoundTrip)
{
    EXPECT_EQ(methodName(ClassificationMethod::Quantile), "kuantil");
    EXPECT_EQ(methodName(ClassificationMethod::EqualInterval), "interval sama");
    EXPECT_EQ(methodName(ClassificationMethod::NaturalBreaks), "natural breaks (Jenks)");
    EXPECT_EQ(methodName(ClassificationMethod::StandardDeviation), "simpangan baku");
    EXPECT_EQ(methodName(ClassificationMethod::Manual), "batas manual");

    EXPECT_EQ(methodKey(ClassificationMethod::Quantile), "quantile");
    EXPECT_EQ(methodKey(ClassificationMethod::EqualInterval), "equal");
    EXPECT_EQ(methodKey(ClassificationMethod::NaturalBreaks), "natural");
    EXPECT_EQ(methodKey(ClassificationMethod::StandardDeviation), "stddev");
    EXPECT_EQ(methodKey(ClassificationMethod::Manual), "manual");

    for (auto m :
         {ClassificationMethod::Quantile, ClassificationMethod::EqualInterval, ClassificationMethod::NaturalBreaks,
          ClassificationMethod::StandardDeviation, ClassificationMethod::Manual}) {
        EXPECT_EQ(methodFromName(methodKey(m)), m) << methodKey(m);
        EXPECT_EQ(methodFromName(methodName(m)), m) << methodName(m);
    }
    EXPECT_EQ(methodFromName("StdDev"), ClassificationMethod::StandardDeviation);
    EXPECT_EQ(methodFromName("Simpangan Baku"), ClassificationMethod::StandardDeviation);
    EXPECT_EQ(methodFromName("interval sama"), ClassificationMethod::EqualInterval);
    EXPECT_EQ(methodFromName("jenks"), std::nullopt);
    EXPECT_EQ(methodFromName(""), std::nullopt);
    EXPECT_EQ(methodFromName("quantile "), std::nullopt);
}
