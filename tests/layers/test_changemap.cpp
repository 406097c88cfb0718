// The change map: later minus earlier on a diverging ramp centred on zero, classes symmetric
// around zero, both periods in the title and legend; values worked out by hand.
#include "gis/demo.h"
#include "layers/classification.h"
#include "layers/colorramp.h"
#include "layers/maprecipe.h"
#include "layers/thematicmap.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace layers;
using ::testing::HasSubstr;

namespace {

/// Poverty rate 2023 -> 2024: Kuripan 10 -> 8 % (-2 points), Banjar Negoro 15 -> 10 % (-5),
/// pekon 18.06.03.2001 5 -> 8 % (+3), Way Pring 2024 only (no change).
gis::Dataset twoPeriods()
{
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.indicators.clear();
    auto add = [&](const std::string& code, const std::string& period, double penduduk, double miskin) {
        ds.indicators.push_back({code, "penduduk", period, penduduk, "uji", ""});
        ds.indicators.push_back({code, "miskin", period, miskin, "uji", ""});
    };
    add("18.06.01.1003", "2023", 1000, 100);
    add("18.06.01.1003", "2024", 1000, 80);
    add("18.06.03.2019", "2023", 2000, 300);
    add("18.06.03.2019", "2024", 2500, 250);
    add("18.06.03.2001", "2023", 1000, 50);
    add("18.06.03.2001", "2024", 1000, 80);
    add("18.06.11.2020", "2024", 400, 60);
    return ds;
}

} // namespace

TEST(ChangeMap, SymmetricBreaksAreRoundAndCentredOnZero)
{
    EXPECT_EQ(symmetricBreaks({-5.0, -2.0, 3.0}, 5), (std::vector<double>{-3, -1, 1, 3, 5}));
    // an even count becomes odd, so zero lies inside the middle (neutral) class
    EXPECT_EQ(symmetricBreaks({-5.0, -2.0, 3.0}, 4).size(), 5u);
    const std::vector<double> small = symmetricBreaks({0.3, -0.1}, 5); // width 0.2
    ASSERT_EQ(small.size(), 5u);
    const double expected[] = {-0.3, -0.1, 0.1, 0.3, 0.5};
    for (std::size_t i = 0; i < 5; ++i)
        EXPECT_NEAR(small[i], expected[i], 1e-12) << i;
    EXPECT_EQ(symmetricBreaks({}, 3), (std::vector<double>{-0.5, 0.5, 1.5}));
    EXPECT_EQ(symmetricBreaks({12.0}, 3), (std::vector<double>{-5, 5, 15})); // width 10 holds +-12
}

TEST(ChangeMap, DivergingRampCentredOnZeroWithBothPeriodsInTitleAndLegend)
{
    const gis::Dataset ds = twoPeriods();
    MapTemplate t;
    t.spec.indicatorKey = "change_poverty_rate";
    t.spec.period = "2024";
    t.spec.comparePeriod = "2023";
    const ResolvedMap resolved = resolveMap(ds, t);
    ASSERT_TRUE(resolved.spec.layer);
    EXPECT_EQ(resolved.spec.layer->values.size(), 3u);
    EXPECT_DOUBLE_EQ(resolved.spec.layer->values.at("18.06.03.2019"), -5.0);
    const ThematicMap map(ds, resolved.spec);
    EXPECT_THAT(map.title(), HasSubstr("Perubahan Tingkat Kemiskinan per Pekon"));
    EXPECT_THAT(map.title(), HasSubstr("2023 \u2192 2024"));
    EXPECT_THAT(map.subtitle(), HasSubstr("Perubahan tingkat kemiskinan (poin persen), periode 2023 \u2192 2024"));

    // values -5, -2, +3: the largest change is 5, so five classes of width 2 from -5 to +5
    const std::vector<double> upper = map.classification().upperBounds();
    ASSERT_EQ(upper, (std::vector<double>{-3, -1, 1, 3, 5}));
    for (std::size_t i = 0; i + 1 < upper.size(); ++i)
        EXPECT_DOUBLE_EQ(upper[i], -upper[upper.size() - 2 - i]) << "interior breaks mirror around zero";
    // decreases blue, increases red, the class holding zero ColorBrewer's neutral #f7f7f7
    const std::vector<QColor>& colours = map.classColors();
    ASSERT_EQ(colours.size(), 5u);
    EXPECT_EQ(colours[0], QColor("#0571b0"));
    EXPECT_EQ(colours[2], QColor("#f7f7f7"));
    EXPECT_EQ(colours[4], QColor("#ca0020"));
    EXPECT_EQ(map.colorForArea("18.06.03.2019"), QColor("#0571b0"));
    EXPECT_EQ(map.colorForArea("18.06.03.2001"), colours[3]);
    EXPECT_EQ(map.classForArea("18.06.01.1003"), 1);
    EXPECT_EQ(map.classForArea("18.06.11.2020"), -1) << "no 2023 value: no data, not zero";

    const std::vector<LegendEntry> legend = map.legendEntries();
    ASSERT_EQ(legend.size(), 6u);
    const int counts[] = {1, 1, 0, 1, 0};
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(legend[static_cast<std::size_t>(i)].count, counts[i]) << legend[static_cast<std::size_t>(i)].label;
    EXPECT_TRUE(legend[5].noData);
    EXPECT_EQ(legend[5].count, static_cast<int>(ds.villages().size()) - 3);

    // --compare left out: the change of what, since when, is asked
    MapTemplate without = t;
    without.spec.comparePeriod.clear();
    try {
        resolveMap(ds, without);
        FAIL();
    } catch (const TemplateError& e) {
        EXPECT_EQ(e.parameter(), "compare");
        EXPECT_THAT(e.what(), HasSubstr("name the earlier period to compare with"));
    }
    // a plain indicator with a compare period maps its change too
    MapTemplate plain = t;
    plain.spec.indicatorKey = "poverty_rate";
    EXPECT_EQ(resolveMap(ds, plain).spec.layer->key, "change_poverty_rate");
}
