// The travel-time raster on printed maps (layers/travelmap.h): a hand-made lon/lat grid of
// known minutes drawn under the village outlines, each cell in its class's colour; the legend's
// classes in minutes; a project's raster (the demo's illustrative DEM) named in the sources.
#include "layers/maplayers.h"
#include "layers/maptransform.h"
#include "layers/thematicmap.h"
#include "layers/travelmap.h"

#include "gis/demo.h"
#include "gis/error.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace layers;

namespace {

const gis::Dataset& demo()
{
    static const gis::Dataset ds = gis::buildDefaultDataset();
    return ds;
}

ThematicMapSpec plainSpec()
{
    ThematicMapSpec spec;
    spec.layer = baseLayer(demo());
    spec.showLabels = false;
    spec.showFacilities = false;
    spec.showInset = false;
    return spec;
}

/// Share of the pixels in a 9 x 9 box around \a at that are \a color (an outline may cross it).
double shareOf(const QImage& image, QPoint at, const QColor& color)
{
    int hits = 0, all = 0;
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx, ++all)
            hits += image.pixelColor(at + QPoint(dx, dy)) == color ? 1 : 0;
    return static_cast<double>(hits) / all;
}

} // namespace

TEST(TravelMap, MinutesFallIntoTheirClasses)
{
    const std::vector<double> b = defaultTravelBreaks();
    ASSERT_EQ(b, (std::vector<double>{15, 30, 60, 120}));
    EXPECT_EQ(travelClassOf(0.0f, b), 0);
    EXPECT_EQ(travelClassOf(15.0f, b), 0) << "an upper bound belongs to its class";
    EXPECT_EQ(travelClassOf(15.5f, b), 1);
    EXPECT_EQ(travelClassOf(59.9f, b), 2);
    EXPECT_EQ(travelClassOf(120.0f, b), 3);
    EXPECT_EQ(travelClassOf(600.0f, b), 4);
    EXPECT_EQ(travelClassOf(std::numeric_limits<float>::infinity(), b), 5);
    EXPECT_EQ(travelClassOf(std::numeric_limits<float>::quiet_NaN(), b), -1);
    EXPECT_THROW(checkTravelBreaks({30, 15}), gis::Error);
    EXPECT_THROW(checkTravelBreaks({}), gis::Error);
    EXPECT_THROW(checkTravelBreaks({0, 15}), gis::Error);
}

TEST(TravelMap, LegendListsTheClassesInMinutes)
{
    TravelRaster travel;
    const std::vector<LegendEntry> rows = travelLegendEntries(travel, Lang::Id);
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_EQ(rows[0].label, "0\u201315 menit");
    EXPECT_EQ(rows[1].label, "15\u201330 menit");
    EXPECT_EQ(rows[2].label, "30\u201360 menit");
    EXPECT_EQ(rows[3].label, "60\u2013120 menit");
    EXPECT_EQ(rows[4].label, "> 120 menit");
    EXPECT_EQ(rows[5].label, "Tidak terjangkau");
    const std::vector<QColor> colors = travelClassColors(travel.breaksMinutes);
    for (std::size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(rows[i].color, colors[i]) << i;
    // the ramp is sequential: each timed class darker than the one before
    for (std::size_t i = 1; i < 5; ++i)
        EXPECT_LT(colors[i].lightness(), colors[i - 1].lightness()) << i;
    EXPECT_EQ(travelLegendEntries(travel, Lang::En)[5].label, "Unreachable");

    travel.breaksMinutes = {30, 90};
    const auto three = travelLegendEntries(travel, Lang::En);
    ASSERT_EQ(three.size(), 4u);
    EXPECT_EQ(three[1].label, "30\u201390 minutes");
    EXPECT_EQ(three[2].label, "> 90 minutes");
}

TEST(TravelMap, EachCellIsDrawnInItsClassColourUnderTheOutlines)
{
    // six cells of 0.03 degrees in a row over Tanggamus, one per class (and a no-data cell after)
    TravelRaster travel;
    gis::RasterGrid& g = travel.minutes;
    g.crs = "EPSG:4326";
    g.width = 7;
    g.height = 1;
    g.cellSize = 0.03;
    g.originX = 104.66;
    g.originY = -5.30;
    const float inf = std::numeric_limits<float>::infinity();
    g.values = {10.0f, 20.0f, 45.0f, 90.0f, 200.0f, inf, std::numeric_limits<float>::quiet_NaN()};
    ThematicMapSpec spec = plainSpec();
    spec.travel = travel;
    const ThematicMap map(demo(), spec);
    const std::vector<LegendEntry> legend = map.legendEntries();
    ASSERT_EQ(legend.size(), 6u) << "the raster's classes are the legend's";

    const gis::Extent view{104.60, -5.40, 104.95, -5.25};
    QImage image(QSize(1400, 600), QImage::Format_RGB32);
    QPainter painter(&image);
    map.renderMap(painter, QRectF(0, 0, 1400, 600), view);
    painter.end();
    const MapTransform t(view, QRectF(0, 0, 1400, 600));
    const std::vector<QColor> colors = travelClassColors(travel.breaksMinutes);
    for (int c = 0; c < 6; ++c) {
        const QPoint at = t.toPixel({g.originX + (c + 0.5) * g.cellSize, g.originY - 0.5 * g.cellSize}).toPoint();
        EXPECT_GT(shareOf(image, at, colors[static_cast<std::size_t>(c)]), 0.7) << "cell " << c;
        for (std::size_t other = 0; other < colors.size(); ++other) {
            if (other != static_cast<std::size_t>(c)) {
                EXPECT_EQ(shareOf(image, at, colors[other]), 0.0) << "cell " << c << " class " << other;
            }
        }
    }
    // the no-data cell shows the map beneath (no class colour), the cells' ends are where the grid ends
    const QPoint noData = t.toPixel({g.originX + 6.5 * g.cellSize, g.originY - 0.5 * g.cellSize}).toPoint();
    for (const QColor& color : colors)
        EXPECT_EQ(shareOf(image, noData, color), 0.0);
    const QPoint above = t.toPixel({g.originX + 0.5 * g.cellSize, g.originY + 0.01}).toPoint();
    EXPECT_EQ(shareOf(image, above, colors[0]), 0.0);
    // the pekon outlines are drawn over the raster: somewhere in the coloured row a dark outline pixel
    int outline = 0;
    const int y0 = t.toPixel({104.7, g.originY - 0.015}).toPoint().y();
    for (int x = t.toPixel({g.originX, 0}).toPoint().x(); x < t.toPixel({g.originX + 6 * g.cellSize, 0}).x(); ++x)
        outline += image.pixelColor(x, y0).lightness() < 110 && image.pixelColor(x, y0) != colors[4]
            && image.pixelColor(x, y0) != colors[5];
    EXPECT_GT(outline, 0) << "village outlines cross the row";
}

TEST(TravelMap, DemoRasterIsZeroAtTheCapitalAndNamesItsIllustrativeDem)
{
    const TravelRaster travel =
        projectTravelRaster(demo(), "", "capital", defaultTravelBreaks(), Lang::Id, 1000.0);
    const gis::RasterGrid& g = travel.minutes;
    ASSERT_EQ(g.crs, "EPSG:4326");
    int c = 0, r = 0;
    ASSERT_TRUE(g.cellOf({104.62, -5.50}, c, r)); // Kota Agung, the demo's capital
    float nearest = 1e9f;
    for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
            const float v = g.values[g.index(c + dc, r + dr)];
            if (std::isfinite(v))
                nearest = std::min(nearest, v);
        }
    EXPECT_LT(nearest, 15.0f) << "the capital is in the first class";
    std::size_t far = 0, drawn = 0;
    for (float v : g.values) {
        drawn += std::isnan(v) ? 0 : 1;
        far += v > 120.0f ? 1 : 0;
    }
    EXPECT_GT(far, 0u) << "the mountains are hours away on foot";
    EXPECT_GT(drawn, 1000u);
    EXPECT_NE(travel.source.find("DEM: ilustrasi"), std::string::npos) << travel.source;
    EXPECT_EQ(travel.label, "Waktu tempuh ke ibu kota kabupaten (menit)");

    ThematicMapSpec spec = plainSpec();
    spec.travel = travel;
    const ThematicMap map(demo(), spec);
    EXPECT_EQ(map.sources().rfind(travel.source, 0), 0u) << map.sources();
    EXPECT_NE(map.title().find("Waktu Tempuh ke Ibu Kota Kabupaten"), std::string::npos) << map.title();
    EXPECT_THROW(projectTravelRaster(demo(), "", "NOSUCHKIND", defaultTravelBreaks(), Lang::Id, 1000.0), gis::Error);
}
