// Diverging and qualitative ColorBrewer schemes, colour-blind flags, LISA cluster colours.
#include "gis/hotspots.h"
#include "layers/colorramp.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace layers;
using ::testing::ElementsAre;

namespace {

std::vector<std::string> hex(const std::vector<QColor>& colors)
{
    std::vector<std::string> out;
    for (const QColor& c : colors)
        out.push_back(c.name().toStdString());
    return out;
}

/// WCAG relative luminance (linearised sRGB): how light a colour looks, unlike HSL lightness,
/// which rates a pale blue above a pale yellow.
double relativeLuminance(const QColor& c)
{
    const auto linear = [](int channel) {
        const double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

} // namespace

TEST(ColorRamp, DivergingExactColorBrewerValues)
{
    EXPECT_THAT(hex(colorBrewer("RdBu", 5)), ElementsAre("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"));
    EXPECT_THAT(hex(colorBrewer("RdBu", 3)), ElementsAre("#ef8a62", "#f7f7f7", "#67a9cf"));
    EXPECT_THAT(
        hex(colorBrewer("RdYlBu", 9)),
        ElementsAre("#d73027", "#f46d43", "#fdae61", "#fee090", "#ffffbf", "#e0f3f8", "#abd9e9", "#74add1", "#4575b4"));
    EXPECT_THAT(hex(colorBrewer("PuOr", 4)), ElementsAre("#e66101", "#fdb863", "#b2abd2", "#5e3c99"));
    EXPECT_THAT(hex(colorBrewer("BrBG", 7)),
                ElementsAre("#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"));
    EXPECT_THAT(hex(colorBrewer("PiYG", 6)),
                ElementsAre("#c51b7d", "#e9a3c9", "#fde0ef", "#e6f5d0", "#a1d76a", "#4d9221"));
    EXPECT_THAT(hex(colorBrewer("RdBu", 8)),
                ElementsAre("#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"));
}

TEST(ColorRamp, QualitativeExactColorBrewerValues)
{
    EXPECT_THAT(hex(colorBrewer("Set2", 8)),
                ElementsAre("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"));
    EXPECT_THAT(hex(colorBrewer("Dark2", 8)),
                ElementsAre("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"));
    EXPECT_THAT(hex(colorBrewer("Paired", 12)),
                ElementsAre("#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c", "#fdbf6f", "#ff7f00",
                            "#cab2d6", "#6a3d9a", "#ffff99", "#b15928"));
    EXPECT_THAT(hex(colorBrewer("Dark2", 3)), ElementsAre("#1b9e77", "#d95f02", "#7570b3"));
}

TEST(ColorRamp, NamesKindsAndClassCounts)
{
    EXPECT_THAT(rampNames(), ElementsAre("YlOrRd", "OrRd", "Reds", "Blues", "Greens", "YlGnBu", "Purples"))
        << "the choropleth's list stays sequential";
    EXPECT_THAT(allRampNames(),
                ElementsAre("YlOrRd", "OrRd", "Reds", "Blues", "Greens", "YlGnBu", "Purples", "RdBu", "RdYlBu", "PuOr",
                            "BrBG", "PiYG", "Set2", "Dark2", "Paired"));
    for (const std::string& name : rampNames()) {
        EXPECT_EQ(rampKind(name), RampKind::Sequential) << name;
        EXPECT_TRUE(hasRamp(name)) << name;
    }
    for (const char* name : {"RdBu", "RdYlBu", "PuOr", "BrBG", "PiYG"}) {
        EXPECT_EQ(rampKind(name), RampKind::Diverging) << name;
        EXPECT_EQ(maxRampClasses(name), 9) << name;
        EXPECT_FALSE(hasRamp(name)) << "hasRamp() is the choropleth's check: sequential only";
    }
    for (const char* name : {"Set2", "Dark2", "Paired"})
        EXPECT_EQ(rampKind(name), RampKind::Qualitative) << name;
    EXPECT_EQ(maxRampClasses("YlOrRd"), 9);
    EXPECT_EQ(maxRampClasses("Set2"), 8);
    EXPECT_EQ(maxRampClasses("Dark2"), 8);
    EXPECT_EQ(maxRampClasses("Paired"), 12);
    EXPECT_THROW(rampKind("Spectral"), std::invalid_argument);
    EXPECT_THROW(maxRampClasses("rdbu"), std::invalid_argument) << "case-sensitive";

    for (const std::string& name : allRampNames()) {
        for (int k = 3; k <= maxRampClasses(name); ++k) {
            const auto colors = colorBrewer(name, k);
            ASSERT_EQ(colors.size(), static_cast<std::size_t>(k)) << name << " " << k;
            std::set<QRgb> distinct;
            for (const QColor& c : colors) {
                EXPECT_TRUE(c.isValid()) << name << " " << k;
                distinct.insert(c.rgb());
            }
            EXPECT_EQ(distinct.size(), colors.size()) << name << " " << k;
            EXPECT_EQ(distinct.count(noDataColor().rgb()), 0u) << name << " " << k;
        }
        EXPECT_THROW(colorBrewer(name, 2), std::invalid_argument);
        EXPECT_THROW(colorBrewer(name, maxRampClasses(name) + 1), std::invalid_argument);
    }
}

TEST(ColorRamp, DivergingSchemesDarkenAwayFromTheirMiddle)
{
    for (const char* name : {"RdBu", "RdYlBu", "PuOr", "BrBG", "PiYG"}) {
        for (int k = 3; k <= 9; ++k) {
            const auto colors = colorBrewer(name, k);
            // luminance falls from the middle (one colour for odd k, two for even) outwards
            const std::size_t right = static_cast<std::size_t>(k) / 2;
            const std::size_t left = k % 2 == 1 ? right : right - 1;
            for (std::size_t i = right; i + 1 < colors.size(); ++i)
                EXPECT_GT(relativeLuminance(colors[i]), relativeLuminance(colors[i + 1]))
                    << name << " " << k << " " << i;
            for (std::size_t i = left; i > 0; --i)
                EXPECT_GT(relativeLuminance(colors[i]), relativeLuminance(colors[i - 1]))
                    << name << " " << k << " " << i;
        }
    }
}

TEST(ColorRamp, QualitativeSchemesAreNestedAsPublished)
{
    for (const char* name : {"Set2", "Dark2", "Paired"}) {
        const auto all = colorBrewer(name, maxRampClasses(name));
        for (int k = 3; k <= maxRampClasses(name); ++k)
            EXPECT_EQ(colorBrewer(name, k), std::vector<QColor>(all.begin(), all.begin() + k)) << name << " " << k;
    }
}

TEST(ColorRamp, RampColorsForOneAndTwoClasses)
{
    EXPECT_THAT(hex(rampColors("RdBu", 1)), ElementsAre("#f7f7f7")) << "the neutral middle";
    EXPECT_THAT(hex(rampColors("RdBu", 2)), ElementsAre("#ef8a62", "#67a9cf"));
    EXPECT_THAT(hex(rampColors("Set2", 2)), ElementsAre("#66c2a5", "#fc8d62")) << "qualitative: the first colours";
    EXPECT_THAT(hex(rampColors("Set2", 1)), ElementsAre("#66c2a5"));
    EXPECT_EQ(rampColors("Paired", 11).size(), 11u);
    EXPECT_THROW(rampColors("Set2", 9), std::invalid_argument);
    EXPECT_THROW(rampColors("RdBu", 0), std::invalid_argument);
}

TEST(ColorRamp, ColorBlindFlagsFollowColorBrewer)
{
    for (const std::string& name : allRampNames()) {
        if (rampKind(name) == RampKind::Qualitative)
            continue;
        EXPECT_TRUE(isColorBlindSafe(name)) << name;
        for (int k = 3; k <= 9; ++k)
            EXPECT_TRUE(isColorBlindSafe(name, k)) << name << " " << k;
    }
    EXPECT_TRUE(isColorBlindSafe("Set2", 3));
    EXPECT_FALSE(isColorBlindSafe("Set2", 4)) << "ColorBrewer: only possibly safe";
    EXPECT_TRUE(isColorBlindSafe("Dark2", 3));
    EXPECT_FALSE(isColorBlindSafe("Dark2", 7));
    EXPECT_TRUE(isColorBlindSafe("Paired", 4));
    EXPECT_FALSE(isColorBlindSafe("Paired", 5));
    for (const char* name : {"Set2", "Dark2", "Paired"})
        EXPECT_FALSE(isColorBlindSafe(name)) << name << " is not safe with all its colours";
    EXPECT_FALSE(isColorBlindSafe("RdBu", 0));
    EXPECT_THROW(isColorBlindSafe("Rainbow"), std::invalid_argument);
    EXPECT_THROW(isColorBlindSafe("Rainbow", 3), std::invalid_argument);
}

TEST(ColorRamp, QualitativeColorsCycleLighter)
{
    EXPECT_TRUE(qualitativeColors("Set2", 0).empty());
    EXPECT_EQ(qualitativeColors("Dark2", 2), std::vector<QColor>(rampColors("Dark2", 2)));
    EXPECT_EQ(qualitativeColors("Paired", 12), colorBrewer("Paired", 12));

    const auto colors = qualitativeColors("Set2", 20);
    ASSERT_EQ(colors.size(), 20u);
    EXPECT_EQ(std::vector<QColor>(colors.begin(), colors.begin() + 8), colorBrewer("Set2", 8));
    // 9th: #66c2a5 40 % of the way to white: 102 + 0.4·153 = 163.2, 194 + 0.4·61 = 218.4, 165 + 0.4·90 = 201
    EXPECT_EQ(colors[8].name().toStdString(), "#a3dac9");
    // 17th: 64 % of the way: 102 + 0.64·153 = 199.92, 194 + 0.64·61 = 233.04, 165 + 0.64·90 = 222.6
    EXPECT_EQ(colors[16].name().toStdString(), "#c8e9df");
    for (std::size_t i = 8; i < colors.size(); ++i)
        EXPECT_GT(relativeLuminance(colors[i]), relativeLuminance(colors[i - 8])) << i;

    for (const char* name : {"Set2", "Dark2", "Paired"}) {
        const auto many = qualitativeColors(name, 8 * maxRampClasses(name));
        std::set<QRgb> distinct;
        for (const QColor& c : many)
            distinct.insert(c.rgb());
        EXPECT_EQ(distinct.size(), many.size()) << name;
        EXPECT_EQ(distinct.count(QColor(Qt::white).rgb()), 0u) << name;
    }
    EXPECT_THROW(qualitativeColors("YlOrRd", 3), std::invalid_argument);
    EXPECT_THROW(qualitativeColors("RdBu", 3), std::invalid_argument);
    EXPECT_THROW(qualitativeColors("Set2", -1), std::invalid_argument);
}

TEST(ColorRamp, LisaClusterColorsForEveryHotspotsCluster)
{
    EXPECT_EQ(lisaClusterColor("high-high").name().toStdString(), "#d7191c");
    EXPECT_EQ(lisaClusterColor("low-low").name().toStdString(), "#2c7bb6");
    EXPECT_EQ(lisaClusterColor("low-high").name().toStdString(), "#a7adf9");
    EXPECT_EQ(lisaClusterColor("high-low").name().toStdString(), "#f4ada8");
    EXPECT_EQ(lisaClusterColor("not significant").name().toStdString(), "#eeeeee");
    EXPECT_EQ(lisaClusterColor("not tested"), noDataColor());
    EXPECT_EQ(lisaClusterColor("no neighbours"), noDataColor());
    EXPECT_EQ(lisaClusterColor("no neighbors"), noDataColor());
    EXPECT_EQ(lisaClusterColor("island"), noDataColor());
    EXPECT_EQ(lisaClusterColor("High-High"), lisaClusterColor("high-high"));

    // every name gis::clusterName() writes (hotspots CSV, reports) has its own colour
    std::set<QRgb> distinct;
    const auto clusters = {gis::Cluster::NotSignificant, gis::Cluster::HighHigh, gis::Cluster::LowLow,
                           gis::Cluster::HighLow,        gis::Cluster::LowHigh,  gis::Cluster::NotTested};
    for (gis::Cluster c : clusters) {
        QColor color;
        ASSERT_NO_THROW(color = lisaClusterColor(gis::clusterName(c))) << gis::clusterName(c);
        distinct.insert(color.rgb());
    }
    EXPECT_EQ(distinct.size(), clusters.size());
    EXPECT_THROW(lisaClusterColor("hot"), std::invalid_argument);
    EXPECT_THROW(lisaClusterColor(""), std::invalid_argument);
}
