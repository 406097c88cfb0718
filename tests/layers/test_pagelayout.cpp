// Printed pages on the embedded Tanggamus data: paper, scale bar, labels, focus pages, the
// atlas and the meeting report, checked against independent computations and the PDF text.
#include "layers/colorramp.h"
#include "layers/maplayers.h"
#include "layers/maptemplate.h"
#include "layers/maptransform.h"
#include "layers/meetingpack.h"
#include "layers/thematicmap.h"

#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "gis/placement.h"
#include "testutil.h"

#include <QImage>
#include <QPainter>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

using namespace layers;
using ::testing::HasSubstr;

namespace {

const gis::Dataset& tanggamus()
{
    static const gis::Dataset ds = gis::buildDefaultDataset();
    return ds;
}

const gis::AnalysisTable& tanggamusAnalysis()
{
    static const gis::AnalysisTable table = gis::analyzeVillages(tanggamus());
    return table;
}

struct RenderedPage {
    QImage image;
    PageResult result;
};

RenderedPage renderPage(const ThematicMap& map, double dpi, const PageExtras& extras = {})
{
    const QSizeF px = map.spec().page.sizePx(dpi);
    RenderedPage r;
    r.image = QImage(QSize(static_cast<int>(px.width()), static_cast<int>(px.height())), QImage::Format_RGB32);
    const int dpm = static_cast<int>(std::lround(dpi / 0.0254));
    r.image.setDotsPerMeterX(dpm);
    r.image.setDotsPerMeterY(dpm);
    QPainter painter(&r.image);
    r.result = map.renderPage(painter, QRectF(QPointF(0, 0), px), dpi, extras);
    return r;
}

const gis::Area& areaNamed(const std::string& kind, const std::string& name)
{
    for (const gis::Area& a : tanggamus().areas)
        if (a.kind == kind && a.name == name)
            return a;
    throw std::runtime_error("no " + kind + " " + name);
}

} // namespace

TEST(Paper, SizesInMillimetres)
{
    EXPECT_EQ(paperSizeMm(Paper::A4, false), QSizeF(210, 297));
    EXPECT_EQ(paperSizeMm(Paper::A4, true), QSizeF(297, 210));
    EXPECT_EQ(paperSizeMm(Paper::A0, true), QSizeF(1189, 841));
    EXPECT_EQ(paperSizeMm(Paper::Letter, false), QSizeF(215.9, 279.4));
    EXPECT_EQ(paperFromName("a3"), Paper::A3);
    EXPECT_FALSE(paperFromName("B5").has_value());
    PageSetup a3;
    a3.paper = Paper::A3;
    a3.landscape = true;
    // 420 mm at 100 dpi = 1653.5 px
    EXPECT_NEAR(a3.sizePx(100).width(), 420 / 25.4 * 100, 1e-9);
}

TEST(PageLayout, ScaleBarClaimsTheGroundDistanceItSpans)
{
    for (const Paper paper : {Paper::A4, Paper::A3, Paper::A0}) {
        ThematicMapSpec spec;
        spec.page.paper = paper;
        spec.page.landscape = true;
        spec.printedDate = "1 Januari 2026";
        const ThematicMap map(tanggamus(), spec);
        const double dpi = paper == Paper::A0 ? 40.0 : 120.0;
        const RenderedPage page = renderPage(map, dpi);
        const PageResult& r = page.result;
        ASSERT_GT(r.scaleBarPx, 10.0);
        ASSERT_GT(r.scaleBarKm, 0.0);
        // independently: the ground distance between the pixels the bar spans, on the parallel
        // it is true at, through the frame's own transform
        const MapTransform t(r.view, r.framePx);
        const double y = t.toPixel({r.view.center().x, r.scaleBarAt.y}).y();
        const double x0 = r.framePx.center().x() - r.scaleBarPx / 2.0;
        const gis::Point a = t.toLonLat(QPointF(x0, y)), b = t.toLonLat(QPointF(x0 + r.scaleBarPx, y));
        const double groundM = gis::geodesicDistanceM(a, b);
        EXPECT_NEAR(groundM / (r.scaleBarKm * 1000.0), 1.0, 0.01) << paperName(paper);
        // and the printed 1 : N is the same ratio, paper length against ground length
        const double paperM = r.scaleBarPx / dpi * 0.0254;
        EXPECT_NEAR(r.scaleDenominator / (groundM / paperM), 1.0, 0.01) << paperName(paper);
    }
}

TEST(PageLayout, LargerPaperShowsTheRegencyAtALargerScale)
{
    ThematicMapSpec a4, a0;
    a4.page.paper = Paper::A4;
    a0.page.paper = Paper::A0;
    const RenderedPage p4 = renderPage(ThematicMap(tanggamus(), a4), 60.0);
    const RenderedPage p0 = renderPage(ThematicMap(tanggamus(), a0), 30.0);
    // A0 is 4 times A4 on a side, and the map frame grows nearly as much
    EXPECT_GT(p4.result.scaleDenominator / p0.result.scaleDenominator, 3.0);
    EXPECT_EQ(p4.result.utmZone, "48S");
}

TEST(PageLayout, LabelsNeverOverlapAndKeepPekonNames)
{
    ThematicMapSpec spec;
    spec.focusArea = areaNamed("kecamatan", "Kota Agung").code;
    spec.showVillageLabels = true;
    spec.page.landscape = false;
    const ThematicMap map(tanggamus(), spec);
    const RenderedPage page = renderPage(map, 150.0);
    const auto& boxes = page.result.labelBoxes;
    ASSERT_GE(boxes.size(), 10u);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_TRUE(page.result.framePx.contains(boxes[i])) << page.result.labels[i];
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(boxes[i].intersects(boxes[j])) << page.result.labels[i] << " / " << page.result.labels[j];
    }
    EXPECT_THAT(page.result.labels, ::testing::Contains("Pardasuka"));
}

TEST(PageLayout, FocusPageColoursItsPekonAndGreysTheOthers)
{
    ThematicMapSpec spec;
    const gis::Area& kotaAgung = areaNamed("kecamatan", "Kota Agung");
    spec.focusArea = kotaAgung.code;
    spec.showLabels = false;
    spec.showFacilities = false;
    spec.showInset = false;
    const ThematicMap map(tanggamus(), spec);
    const RenderedPage page = renderPage(map, 150.0);
    const MapTransform t(page.result.view, page.result.framePx);
    int inside = 0, outside = 0;
    for (const gis::Area* v : tanggamus().villages()) {
        const gis::Point p = gis::pointOnSurface(v->geometry);
        const QPointF px = t.toPixel(p);
        if (!page.result.framePx.adjusted(20, 20, -20, -20).contains(px))
            continue;
        const QColor seen = page.image.pixelColor(px.toPoint());
        if (v->parentCode == kotaAgung.code) {
            EXPECT_EQ(seen, map.colorForArea(v->code)) << v->name;
            ++inside;
        } else {
            EXPECT_EQ(seen, QColor(0xdc, 0xdc, 0xdc)) << v->name;
            ++outside;
        }
    }
    EXPECT_EQ(inside, 16);
    EXPECT_GE(outside, 5);
    // the legend counts only the focus: 16 pekon in all
    int counted = 0;
    for (const LegendEntry& e : map.legendEntries())
        counted += e.count;
    EXPECT_EQ(counted, 16);
}

TEST(PageLayout, ProposedSitesAndCoverageAreDrawn)
{
    ThematicMapSpec spec;
    spec.layer = baseLayer(tanggamus());
    spec.showLabels = false;
    spec.showFacilities = false;
    spec.showInset = false;
    const gis::Area& site = areaNamed("pekon", "Pardasuka");
    spec.proposedSites = {{1, site.code, site.name, gis::pointOnSurface(site.geometry)}};
    spec.proposedKind = "PUSKESSOS";
    const ThematicMap map(tanggamus(), spec);
    const RenderedPage page = renderPage(map, 150.0);
    const MapTransform t(page.result.view, page.result.framePx);
    // the site's disc is drawn in the proposal colour, left of its centre (the number is white)
    const QPointF at = t.toPixel(spec.proposedSites[0].location) - QPointF(150.0 / 25.4 * 1.2, 0);
    EXPECT_EQ(page.image.pixelColor(at.toPoint()), QColor(0x08, 0x51, 0x9c));
}

TEST(PageLayout, CategoricalLisaLayerHasOneLegendRowPerCluster)
{
    gis::HotspotOptions options;
    options.permutations = 99;
    const auto hotspots = gis::analyzeHotspots(tanggamus(), "poverty_rate", options);
    ThematicMapSpec spec;
    spec.layer = lisaLayer(hotspots);
    const ThematicMap map(tanggamus(), spec);
    EXPECT_TRUE(map.isCategorical());
    const auto entries = map.legendEntries();
    ASSERT_EQ(entries.size(), 7u); // 6 clusters + no data
    EXPECT_EQ(entries[0].label, "tinggi-tinggi (titik panas)") << "a Bahasa page says the clusters in Bahasa";
    EXPECT_EQ(entries[0].category, "high-high");
    EXPECT_EQ(entries[0].color, lisaClusterColor("high-high"));
    EXPECT_EQ(entries[4].label, "tidak signifikan");
    spec.layer = lisaLayer(hotspots, Lang::En);
    EXPECT_EQ(ThematicMap(tanggamus(), spec).legendEntries()[1].label, "low-low (cold spot)");
    int total = 0;
    for (const auto& e : entries)
        total += e.count;
    EXPECT_EQ(total, 302);
    EXPECT_EQ(static_cast<std::size_t>(entries[0].count),
              hotspots.clusterCounts.count(gis::Cluster::HighHigh) ? hotspots.clusterCounts.at(gis::Cluster::HighHigh)
                                                                   : 0u);
    EXPECT_THROW((void)map.classification(), gis::Error);
}

TEST(PageLayout, ManualBreaksMakeTheGivenClasses)
{
    ThematicMapSpec spec;
    spec.manualBreaks = {10.0, 15.0, 30.0};
    const ThematicMap map(tanggamus(), spec);
    EXPECT_THAT(map.classification().upperBounds(), ::testing::ElementsAre(10.0, 15.0, 30.0));
    int below10 = 0;
    for (const auto& [code, v] : gis::indicatorValues(tanggamus(), "poverty_rate", "2018"))
        if (v <= 10.0)
            ++below10;
    EXPECT_EQ(map.legendEntries()[0].count, below10);
}

TEST(MapTemplate, JsonRoundTripAndProjectStore)
{
    MapTemplate t;
    t.name = "rakor-a3";
    t.layer = "priority";
    t.spec.title = "Prioritas 2019";
    t.spec.page.paper = Paper::A3;
    t.spec.page.landscape = false;
    t.spec.manualBreaks = {20, 40, 60};
    t.spec.showVillageLabels = true;
    t.spec.lang = Lang::En;
    t.spec.coverageKind = "PUSKESSOS";
    t.spec.coverageRadiusKm = 5;
    const MapTemplate back = mapTemplateFromJson(mapTemplateToJson(t), "test");
    EXPECT_EQ(back.name, "rakor-a3");
    EXPECT_EQ(back.layer, "priority");
    EXPECT_EQ(back.spec.title, "Prioritas 2019");
    EXPECT_EQ(back.spec.page.paper, Paper::A3);
    EXPECT_FALSE(back.spec.page.landscape);
    EXPECT_THAT(back.spec.manualBreaks, ::testing::ElementsAre(20.0, 40.0, 60.0));
    EXPECT_TRUE(back.spec.showVillageLabels);
    EXPECT_EQ(back.spec.lang, Lang::En);
    EXPECT_EQ(back.spec.coverageRadiusKm, 5.0);

    gis::Dataset ds = tanggamus();
    storeMapTemplate(ds, t);
    EXPECT_THAT(storedMapTemplateNames(ds), ::testing::ElementsAre("rakor-a3"));
    EXPECT_EQ(storedMapTemplate(ds, "rakor-a3").spec.title, "Prioritas 2019");
    try {
        (void)storedMapTemplate(ds, "lain");
        FAIL() << "expected an error";
    } catch (const gis::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("kept: rakor-a3"));
    }
    try {
        (void)mapTemplateFromJson(R"({"paper": "B5"})", "'peta.json'");
        FAIL() << "expected an error";
    } catch (const gis::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("'peta.json'"));
        EXPECT_THAT(e.what(), HasSubstr("paper"));
    }
}

TEST(Atlas, CoverPlusOnePagePerKecamatanWithTablesAndLegends)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext/pdfinfo (poppler-utils) not installed: atlas PDF not checked";
    const auto dir = testutil::tempDir("layers_atlas");
    const auto path = dir / "atlas.pdf";
    AtlasOptions options;
    options.style.printedDate = "1 Januari 2026";
    options.style.page.landscape = false;
    const int pages = exportAtlas(tanggamus(), tanggamusAnalysis(), options, path.string());
    EXPECT_EQ(pages, 21);
    EXPECT_EQ(testutil::pdfPageCount(path), 21);
    const std::string text = testutil::pdfText(path);
    EXPECT_THAT(text, HasSubstr("Atlas per Kecamatan"));
    EXPECT_THAT(text, HasSubstr("Kecamatan Kota Agung, Kabupaten Tanggamus"));
    EXPECT_THAT(text, HasSubstr("Halaman 21 / 21"));
    // the priority classes of the regency, as the legend prints them
    ThematicMapSpec style = options.style;
    style.layer = priorityLayer(tanggamusAnalysis());
    const ThematicMap regency(tanggamus(), style);
    for (int i = 0; i < regency.classification().classCount(); ++i)
        EXPECT_THAT(text, HasSubstr(regency.classification().label(i)));
    // every pekon is named in some page table, with its code
    for (const gis::Area* v : tanggamus().villages()) {
        EXPECT_THAT(text, HasSubstr(v->code));
        EXPECT_THAT(text, HasSubstr(v->name));
    }
}

TEST(Report, MeetingPackWithAndWithoutAPlacementRun)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext/pdfinfo (poppler-utils) not installed: report PDF not checked";
    const auto dir = testutil::tempDir("layers_report");
    ReportOptions options;
    options.printedDate = "1 Januari 2026";
    const auto plain = dir / "rakor.pdf";
    EXPECT_EQ(exportReport(tanggamus(), tanggamusAnalysis(), options, plain.string()), 6) << "2 findings pages + 4";
    EXPECT_EQ(testutil::pdfPageCount(plain), 6);
    std::string text = testutil::pdfText(plain);
    EXPECT_THAT(text, HasSubstr("Skor Prioritas per Pekon"));
    EXPECT_THAT(text, HasSubstr("Kepadatan"));
    EXPECT_THAT(text, HasSubstr("Fasilitas dan Jangkauan Puskessos"));
    EXPECT_THAT(text, HasSubstr("Pekon Prioritas Teratas (30)"));
    // the first of the top-30 table is the rank-1 pekon of the analysis
    const auto& table = tanggamusAnalysis();
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (table.value(i, "priority_rank") == 1.0) {
            EXPECT_THAT(text, HasSubstr(table.rows[i].nama));
        }
    }

    gis::Dataset ds = tanggamus();
    gis::PlacementOptions place;
    place.kind = "PUSKESSOS";
    place.count = 3;
    place.radiusKm = 5.0;
    const gis::PlacementResult run = gis::placeFacilities(ds, place);
    (void)gis::savePlacementRun(ds, run, "2026-01-01T00:00:00Z");
    const auto withRun = dir / "rakor_usulan.pdf";
    options.lang = Lang::En;
    EXPECT_EQ(exportReport(ds, tanggamusAnalysis(), options, withRun.string()), 8) << "2 findings pages + 6";
    text = testutil::pdfText(withRun);
    EXPECT_THAT(text, HasSubstr("Top Priority Villages"));
    EXPECT_THAT(text, HasSubstr("Proposed Sites for 3 Puskessos"));
    for (const auto& site : run.sites)
        EXPECT_THAT(text, HasSubstr(site.name));
}
