// Classification, colour ramps and Indonesian number formatting (pure, no painting).
#include "layers/classification.h"
#include "layers/colorramp.h"
#include "layers/numberformat.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

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
