// Roads on printed maps (layers/roadstyle.h): each tier in its own colour where the road runs,
// major roads over minor ones, and a legend row per tier present.
#include "layers/maplayers.h"
#include "layers/meetingpack.h"
#include "layers/maptransform.h"
#include "layers/roadstyle.h"
#include "layers/thematicmap.h"

#include "gis/analysis.h"
#include "gis/demo.h"
#include "testutil.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

#include <cmath>

using namespace layers;

TEST(RoadStyle, ClassesFallIntoTiers)
{
    EXPECT_EQ(roadTierOf("Jalan Nasional"), RoadTier::Major);
    EXPECT_EQ(roadTierOf("primary"), RoadTier::Major);
    EXPECT_EQ(roadTierOf("jalan_kabupaten"), RoadTier::Collector);
    EXPECT_EQ(roadTierOf("tertiary"), RoadTier::Collector);
    EXPECT_EQ(roadTierOf("jalan desa"), RoadTier::Local);
    EXPECT_EQ(roadTierOf("a class nobody knows"), RoadTier::Local);
    EXPECT_EQ(roadTierOf("Jalan Setapak"), RoadTier::Path);
    EXPECT_EQ(roadTierOf("track"), RoadTier::Path);
    EXPECT_EQ(roadTierOf("ferry"), RoadTier::Ferry);
}

TEST(RoadStyle, EachTierIsDrawnInItsColourWhereTheRoadRuns)
{
    static const gis::Dataset ds = gis::buildDefaultDataset();
    gis::RoadLayer layer;
    // an east-west national road and a north-south kabupaten road that cross at (104.75, -5.40)
    layer.roads.push_back({"Jalan Nasional", {{{104.60, -5.40}, {104.90, -5.40}}}});
    layer.roads.push_back({"Jalan Kabupaten", {{{104.75, -5.30}, {104.75, -5.50}}}});
    layer.speedsKmh = {{"jalan nasional", 60}, {"jalan kabupaten", 40}};
    ThematicMapSpec spec;
    spec.layer = baseLayer(ds);
    spec.showLabels = false;
    spec.showFacilities = false;
    spec.showInset = false;
    spec.roads = mapRoadsOf(layer);
    ASSERT_EQ(spec.roads.size(), 2u);
    const ThematicMap map(ds, spec);
    const double dpi = 150.0;
    const QSizeF px = map.spec().page.sizePx(dpi);
    QImage image(QSize(int(px.width()), int(px.height())), QImage::Format_RGB32);
    QPainter painter(&image);
    const PageResult r = map.renderPage(painter, QRectF(QPointF(0, 0), px), dpi);
    painter.end();
    const MapTransform t(r.view, r.framePx);
    const QColor major = roadCoreColor(RoadTier::Major), collector = roadCoreColor(RoadTier::Collector);
    // a line's edge pixels blend with its casing: look within 1 px across the line
    auto near = [&](gis::Point p, const QColor& c) {
        const QPoint at = t.toPixel(p).toPoint();
        for (int d = -1; d <= 1; ++d)
            if (image.pixelColor(at + QPoint(d, 0)) == c || image.pixelColor(at + QPoint(0, d)) == c)
                return true;
        return false;
    };
    EXPECT_TRUE(near({104.68, -5.40}, major));
    EXPECT_TRUE(near({104.75, -5.46}, collector));
    EXPECT_TRUE(near({104.75, -5.40}, major)) << "the national road on top";
    EXPECT_FALSE(near({104.75, -5.40}, collector)) << "the national road on top";
    // off the road (3 mm away): neither colour
    const QPointF off = t.toPixel({104.68, -5.40}) + QPointF(0, dpi / 25.4 * 3.0);
    EXPECT_NE(image.pixelColor(off.toPoint()), major);
    // the legend describes both tiers
    const auto tiers = roadTiersPresent(spec.roads);
    ASSERT_EQ(tiers.size(), 2u);
    EXPECT_EQ(roadTierLabel(tiers[0], false), QStringLiteral("Jalan nasional/provinsi"));
    EXPECT_EQ(roadTierLabel(tiers[1], false), QStringLiteral("Jalan kabupaten"));
}

TEST(RoadStyle, TheMeetingPackDrawsTheProjectsRoadsWithTheirLegendRows)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) not installed: the pack is not read back";
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.roads.roads.push_back({"Jalan Nasional", {{{104.60, -5.40}, {104.90, -5.40}}}});
    ds.roads.roads.push_back({"Jalan Kabupaten", {{{104.75, -5.30}, {104.75, -5.50}}}});
    ds.roads.speedsKmh = {{"jalan nasional", 60}, {"jalan kabupaten", 40}};
    const gis::AnalysisTable table = gis::analyzeVillages(ds, "2018");
    const auto dir = testutil::tempDir("roads_meeting_pack");
    ReportOptions options;
    options.findings = false;
    options.printedDate = "1 Desember 2026";
    auto count = [](const std::string& text, const std::string& word) {
        std::size_t n = 0;
        for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
            ++n;
        return n;
    };
    const auto with = dir / "with.pdf";
    exportReport(ds, table, options, with.string());
    const std::string text = testutil::pdfText(with);
    // the priority, density and facility maps each list both tiers in their legend
    EXPECT_GE(count(text, "Jalan nasional/provinsi"), 3u) << text.substr(0, 2000);
    EXPECT_GE(count(text, "Jalan kabupaten"), 3u);
    options.roads = false;
    const auto without = dir / "without.pdf";
    exportReport(ds, table, options, without.string());
    EXPECT_EQ(count(testutil::pdfText(without), "Jalan nasional/provinsi"), 0u);
}
