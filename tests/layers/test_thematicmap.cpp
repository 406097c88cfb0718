// The thematic map on a small hand-built dataset: classes, colours, pixels, page and export.
#include "layers/colorramp.h"
#include "layers/maptransform.h"
#include "layers/thematicmap.h"

#include "gis/categories.h"
#include "gis/error.h"
#include "testutil.h"

#include <QImage>
#include <QPainter>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

using namespace layers;
using ::testing::HasSubstr;

namespace {

gis::MultiPolygon square(double lon0, double lat0, double size)
{
    gis::Polygon p;
    p.exterior = {{lon0, lat0}, {lon0 + size, lat0}, {lon0 + size, lat0 + size}, {lon0, lat0 + size}, {lon0, lat0}};
    return {p};
}

void addValue(gis::Dataset& ds, const std::string& code, const std::string& key, double value)
{
    ds.indicators.push_back({code, key, "2018", value, "test", "2025-01-01T00:00:00Z"});
}

/// 2 × 2 pekon of 0.1° near Tanggamus (5.5° S), two kecamatan (west and east column), one
/// kabupaten. Poverty rates: A 5 %, B 10 %, C 20 %, D no value.
///     C | D        (north)
///     A | B        (south)
gis::Dataset smallDataset(bool illustrative = true)
{
    gis::Dataset ds;
    const double lon = 104.5, lat = -5.6, s = 0.1;
    ds.areas.push_back({"99.01", "Contoh", "kabupaten", "99", square(lon, lat, 2 * s)});
    gis::MultiPolygon west, east;
    west.push_back({{{lon, lat}, {lon + s, lat}, {lon + s, lat + 2 * s}, {lon, lat + 2 * s}, {lon, lat}}, {}});
    east.push_back(
        {{{lon + s, lat}, {lon + 2 * s, lat}, {lon + 2 * s, lat + 2 * s}, {lon + s, lat + 2 * s}, {lon + s, lat}}, {}});
    ds.areas.push_back({"99.01.01", "Barat", "kecamatan", "99.01", west});
    ds.areas.push_back({"99.01.02", "Timur", "kecamatan", "99.01", east});
    ds.areas.push_back({"99.01.01.2001", "Pekon A", "pekon", "99.01.01", square(lon, lat, s)});
    ds.areas.push_back({"99.01.02.2002", "Pekon B", "pekon", "99.01.02", square(lon + s, lat, s)});
    ds.areas.push_back({"99.01.01.2003", "Pekon C", "pekon", "99.01.01", square(lon, lat + s, s)});
    ds.areas.push_back({"99.01.02.2004", "Pekon D", "pekon", "99.01.02", square(lon + s, lat + s, s)});
    addValue(ds, "99.01.01.2001", "penduduk", 2000);
    addValue(ds, "99.01.01.2001", "miskin", 100);
    addValue(ds, "99.01.02.2002", "penduduk", 3000);
    addValue(ds, "99.01.02.2002", "miskin", 300);
    addValue(ds, "99.01.01.2003", "penduduk", 1500);
    addValue(ds, "99.01.01.2003", "miskin", 300);
    // a facility near the corner of A, away from every centre
    gis::Facility bumdes;
    bumdes.id = 1;
    bumdes.kind = "BUMDES";
    bumdes.name = "BUMDes A";
    bumdes.areaCode = "99.01.01.2001";
    bumdes.location = {lon + 0.015, lat + 0.015};
    ds.facilities.push_back(bumdes);
    gis::Facility puskessos = bumdes;
    puskessos.id = 2;
    puskessos.kind = "PUSKESSOS";
    puskessos.name = "Puskessos C";
    puskessos.areaCode = "99.01.01.2003";
    puskessos.location = {lon + 0.085, lat + 0.185};
    ds.facilities.push_back(puskessos);
    if (illustrative)
        ds.meta["provenance"] = "illustrative";
    ds.meta["indicator_source"] = "Contoh angka uji";
    ds.meta["boundary_source"] = "Kotak uji";
    return ds;
}

ThematicMapSpec threeClassSpec()
{
    ThematicMapSpec spec;
    spec.indicatorKey = "poverty_rate";
    spec.classCount = 3;
    spec.showLabels = false;
    spec.printedDate = "1 Januari 2025";
    return spec;
}

QImage renderToImage(const ThematicMap& map, QSize size, const gis::Extent& view)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    map.renderMap(painter, QRectF(QPointF(0, 0), QSizeF(size)), view);
    painter.end();
    return image;
}

std::string slurp(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(ThematicMap, ClassifiesVillagesAndBuildsTheTitle)
{
    const ThematicMap map(smallDataset(), threeClassSpec());
    EXPECT_EQ(map.period(), "2018");
    EXPECT_THAT(map.classification().upperBounds(), ::testing::ElementsAre(5.0, 10.0, 20.0));
    EXPECT_EQ(map.classForArea("99.01.01.2001"), 0);
    EXPECT_EQ(map.classForArea("99.01.02.2002"), 1);
    EXPECT_EQ(map.classForArea("99.01.01.2003"), 2);
    EXPECT_EQ(map.classForArea("99.01.02.2004"), -1);
    EXPECT_EQ(map.classForArea("no.such.code"), -1);
    EXPECT_DOUBLE_EQ(*map.valueForArea("99.01.01.2003"), 20.0);
    EXPECT_FALSE(map.valueForArea("99.01.02.2004").has_value());
    EXPECT_EQ(map.colorForArea("99.01.01.2001"), QColor("#ffeda0"));
    EXPECT_EQ(map.colorForArea("99.01.02.2002"), QColor("#feb24c"));
    EXPECT_EQ(map.colorForArea("99.01.01.2003"), QColor("#f03b20"));
    EXPECT_EQ(map.colorForArea("99.01.02.2004"), noDataColor());
    EXPECT_EQ(map.noDataCount(), 1);
    EXPECT_EQ(map.title(), "Tingkat Kemiskinan per Pekon — Kabupaten Contoh, 2018");
    EXPECT_THAT(map.sources(), HasSubstr("Indikator: Contoh angka uji"));
    EXPECT_THAT(map.sources(), HasSubstr("Batas wilayah: Kotak uji"));
    EXPECT_TRUE(map.isIllustrative());

    const auto legend = map.legendEntries();
    ASSERT_EQ(legend.size(), 4u);
    EXPECT_EQ(legend[0].label, "5,0 – 5,0");
    EXPECT_EQ(legend[1].label, "5,0 – 10,0");
    EXPECT_EQ(legend[2].label, "10,0 – 20,0");
    EXPECT_EQ(legend[2].count, 1);
    EXPECT_TRUE(legend[3].noData);
    EXPECT_EQ(legend[3].label, "Tidak ada data");
    EXPECT_EQ(legend[3].count, 1);
    const auto facilities = map.facilityLegendEntries();
    ASSERT_EQ(facilities.size(), 2u);
    EXPECT_EQ(facilities[0].label, "BUMDes");
    EXPECT_EQ(facilities[0].count, 1);
    EXPECT_EQ(facilities[1].label, "Puskessos");

    const gis::Extent e = map.fullExtent();
    EXPECT_DOUBLE_EQ(e.minX, 104.5);
    EXPECT_NEAR(e.maxY, -5.4, 1e-12);
}

TEST(ThematicMap, RegencyNameFromMetaAndExplicitTitle)
{
    auto ds = smallDataset();
    ds.meta["regency_name"] = "Kota Uji";
    auto spec = threeClassSpec();
    spec.indicatorKey = "miskin";
    EXPECT_EQ(ThematicMap(ds, spec).title(), "Jumlah Penduduk Miskin per Pekon — Kota Uji, 2018");
    spec.title = "Judul sendiri";
    EXPECT_EQ(ThematicMap(ds, spec).title(), "Judul sendiri");
}

TEST(ThematicMap, UnknownIndicatorRampOrClassCountThrowsGisError)
{
    const auto ds = smallDataset();
    auto spec = threeClassSpec();
    spec.indicatorKey = "no_such_indicator";
    EXPECT_THROW(ThematicMap(ds, spec), gis::Error);
    spec = threeClassSpec();
    spec.ramp = "Rainbow";
    EXPECT_THROW(ThematicMap(ds, spec), gis::Error);
    spec = threeClassSpec();
    spec.classCount = 0;
    EXPECT_THROW(ThematicMap(ds, spec), gis::Error);
    spec.classCount = 10;
    EXPECT_THROW(ThematicMap(ds, spec), gis::Error);
}

TEST(ThematicMap, MapTransformKeepsShapesSquareAtTheirLatitude)
{
    gis::Extent view;
    view.include(gis::Point{104.5, -5.6});
    view.include(gis::Point{104.7, -5.4});
    const MapTransform t(view, QRectF(0, 0, 400, 400));
    const QPointF a = t.toPixel({104.5, -5.6});
    const QPointF b = t.toPixel({104.6, -5.5});
    const double cosLat = std::cos(-5.5 * M_PI / 180.0);
    EXPECT_NEAR((b.x() - a.x()) / (a.y() - b.y()), cosLat, 1e-9) << "x scaled by cos(mid-latitude)";
    EXPECT_NEAR(t.toPixel(view.center()).x(), 200.0, 1e-9);
    EXPECT_NEAR(t.toPixel(view.center()).y(), 200.0, 1e-9);
    EXPECT_NEAR(a.y() - t.toPixel({104.5, -5.4}).y(), 400.0, 1e-9) << "height fills the target";
    const gis::Point back = t.toLonLat(b);
    EXPECT_NEAR(back.x, 104.6, 1e-12);
    EXPECT_NEAR(back.y, -5.5, 1e-12);
}

TEST(ThematicMapRender, PixelAtVillageCentreHasItsClassColour)
{
    const ThematicMap map(smallDataset(), threeClassSpec());
    const QSize size(400, 400);
    const gis::Extent view = paddedExtent(map.fullExtent(), 0.05);
    const QImage image = renderToImage(map, size, view);
    const MapTransform t(view, QRectF(0, 0, size.width(), size.height()));
    const auto pixelAt = [&](gis::Point lonLat) {
        const QPointF p = t.toPixel(lonLat);
        return image.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()));
    };
    // A (5 %, class 0), B (10 %, class 1), C (20 %, class 2)
    EXPECT_EQ(pixelAt({104.55, -5.55}), map.colorForArea("99.01.01.2001"));
    EXPECT_EQ(pixelAt({104.55, -5.55}), colorBrewer("YlOrRd", 3)[0]);
    EXPECT_EQ(pixelAt({104.65, -5.55}), colorBrewer("YlOrRd", 3)[1]);
    EXPECT_EQ(pixelAt({104.55, -5.45}), map.colorForArea("99.01.01.2003"));
    EXPECT_EQ(pixelAt({104.55, -5.45}), QColor("#f03b20"));

    // D has no value: no-data grey (with hatching lines, so most pixels around the centre)
    const QPointF dc = t.toPixel({104.65, -5.45});
    int grey = 0, total = 0;
    for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx, ++total)
            grey += image.pixelColor(static_cast<int>(dc.x()) + dx, static_cast<int>(dc.y()) + dy) == noDataColor();
    EXPECT_GE(grey, total / 2) << grey << " of " << total << " pixels are no-data grey";
    EXPECT_EQ(map.colorForArea("99.01.02.2004"), noDataColor());

    // outside the regency: sea (light blue, not a class colour)
    const QColor sea = image.pixelColor(2, 2);
    EXPECT_GT(sea.blue(), sea.red());
}

TEST(ThematicMapRender, FacilitySymbolsAreDrawnWhenAsked)
{
    const auto ds = smallDataset();
    auto spec = threeClassSpec();
    const gis::Extent view = paddedExtent(ThematicMap(ds, spec).fullExtent(), 0.05);
    const QSize size(400, 400);
    const QImage with = renderToImage(ThematicMap(ds, spec), size, view);
    spec.showFacilities = false;
    const QImage without = renderToImage(ThematicMap(ds, spec), size, view);
    const MapTransform t(view, QRectF(0, 0, size.width(), size.height()));
    const QPointF p = t.toPixel(ds.facilities[0].location); // BUMDES: green triangle
    const QColor c = with.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()) + 1);
    EXPECT_GT(c.green(), c.red()) << c.name().toStdString();
    EXPECT_EQ(without.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()) + 1), QColor("#ffeda0"));
}

TEST(ThematicMapRender, PageRendersWithoutPainterErrors)
{
    const ThematicMap map(smallDataset(), threeClassSpec());
    QImage page(1169, 827, QImage::Format_RGB32); // A4 landscape at 100 dpi
    page.fill(Qt::black);
    QPainter painter(&page);
    map.renderPage(painter, QRectF(0, 0, page.width(), page.height()), 100.0);
    painter.end();
    EXPECT_EQ(page.pixelColor(3, 3), QColor(Qt::white)) << "page background";
    // the map frame holds the regency: somewhere the class colours appear
    bool sawClassColour = false;
    for (int y = 0; y < page.height() && !sawClassColour; y += 2)
        for (int x = 0; x < page.width() && !sawClassColour; x += 2)
            sawClassColour = page.pixelColor(x, y) == QColor("#f03b20");
    EXPECT_TRUE(sawClassColour);
}

TEST(MapExport, PngHasTheAskedPixelSize)
{
    const auto dir = testutil::tempDir("layers_export_png");
    const auto path = dir / "peta.png";
    exportMap(smallDataset(), threeClassSpec(), path.string(), QSize(1200, 850));
    ASSERT_TRUE(std::filesystem::exists(path));
    const QImage image(QString::fromStdString(path.string()));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1200, 850));
    if (const char* keep = std::getenv("SASARAN_KEEP_RENDER"))
        image.save(QString::fromUtf8(keep));
}

TEST(MapExport, PdfIsVectorWithSearchableTitleAndIllustrativeNote)
{
    const auto dir = testutil::tempDir("layers_export_pdf");
    const auto path = dir / "peta.pdf";
    const auto ds = smallDataset(true);
    exportMap(ds, threeClassSpec(), path.string());
    ASSERT_TRUE(std::filesystem::exists(path));
    const std::string bytes = slurp(path);
    ASSERT_GE(bytes.size(), 5u);
    EXPECT_EQ(bytes.substr(0, 5), "%PDF-");

    if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed: PDF text not checked";
    const auto txt = dir / "peta.txt";
    const std::string command = "pdftotext -enc UTF-8 '" + path.string() + "' '" + txt.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const std::string text = slurp(txt);
    EXPECT_THAT(text, HasSubstr("Tingkat Kemiskinan per Pekon — Kabupaten Contoh, 2018"));
    EXPECT_THAT(text, HasSubstr("Data ilustrasi"));
    EXPECT_THAT(text, HasSubstr("Dicetak: 1 Januari 2025"));
    EXPECT_THAT(text, HasSubstr("10,0 – 20,0"));
    EXPECT_THAT(text, HasSubstr("Puskessos"));
}

TEST(MapExport, PdfOfRealDataHasNoIllustrativeNote)
{
    const auto dir = testutil::tempDir("layers_export_pdf_real");
    const auto path = dir / "peta.pdf";
    exportMap(smallDataset(false), threeClassSpec(), path.string());
    if (std::system("command -v pdftotext >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const auto txt = dir / "peta.txt";
    ASSERT_EQ(std::system(("pdftotext -enc UTF-8 '" + path.string() + "' '" + txt.string() + "'").c_str()), 0);
    EXPECT_THAT(slurp(txt), ::testing::Not(HasSubstr("ilustrasi")));
}

TEST(MapExport, SvgIsWritten)
{
    const auto dir = testutil::tempDir("layers_export_svg");
    const auto path = dir / "peta.SVG";
    exportMap(smallDataset(), threeClassSpec(), path.string());
    const std::string svg = slurp(path);
    EXPECT_THAT(svg, HasSubstr("<svg"));
    EXPECT_THAT(svg, HasSubstr("Kabupaten Contoh"));
}

TEST(MapExport, UnknownExtensionThrowsNamingTheFile)
{
    const auto dir = testutil::tempDir("layers_export_bad");
    const std::string path = (dir / "peta.bmpx").string();
    try {
        exportMap(smallDataset(), threeClassSpec(), path);
        FAIL() << "expected gis::Error";
    } catch (const gis::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr(path));
        EXPECT_THAT(e.what(), HasSubstr(".png"));
    }
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(MapExport, UnwritablePathThrowsNamingTheFile)
{
    const auto dir = testutil::tempDir("layers_export_unwritable");
    for (const char* name : {"peta.png", "peta.pdf", "peta.svg"}) {
        const std::string path = (dir / "no_such_folder" / name).string();
        try {
            exportMap(smallDataset(), threeClassSpec(), path);
            FAIL() << "expected gis::Error for " << path;
        } catch (const gis::Error& e) {
            EXPECT_THAT(e.what(), HasSubstr(path));
        }
    }
}

TEST(ThematicMap, VillageAtFindsTheContainingVillage)
{
    const ThematicMap map(smallDataset(), threeClassSpec());
    EXPECT_EQ(map.villageAt({104.55, -5.55}).value_or(""), "99.01.01.2001");
    EXPECT_EQ(map.villageAt({104.65, -5.45}).value_or(""), "99.01.02.2004");
    EXPECT_FALSE(map.villageAt({104.0, -5.0}).has_value());
}

TEST(ThematicMapRender, SnapshotRendersIdenticallyFromWorkerThreads)
{
    auto spec = threeClassSpec();
    spec.showLabels = true;
    const ThematicMap map(smallDataset(), spec);
    const gis::Extent view = paddedExtent(map.fullExtent(), 0.05);
    const QImage reference = renderToImage(map, QSize(300, 300), view);
    QImage a, b;
    std::thread ta([&] { a = renderToImage(map, QSize(300, 300), view); });
    std::thread tb([&] { b = renderToImage(map, QSize(300, 300), view); });
    ta.join();
    tb.join();
    EXPECT_EQ(a, reference);
    EXPECT_EQ(b, reference);
}

TEST(ThematicMapRender, LandOutsideTheAreasIsDrawnAsLandNotSea)
{
    gis::Dataset ds = smallDataset();
    // Land reaching from far west up to the middle of the villages; east of it is sea.
    ds.backgroundLand = {gis::Polygon{{{104.0, -6.0}, {104.6, -6.0}, {104.6, -5.0}, {104.0, -5.0}, {104.0, -6.0}}, {}}};
    const ThematicMap map(ds, threeClassSpec());
    const QSize size(400, 400);
    const gis::Extent view = paddedExtent(map.fullExtent(), 0.05);
    const QImage image = renderToImage(map, size, view);
    const MapTransform t(view, QRectF(0, 0, size.width(), size.height()));
    const auto pixelAt = [&](gis::Point lonLat) {
        const QPointF p = t.toPixel(lonLat);
        return image.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()));
    };
    const gis::Extent areas = map.fullExtent();
    const double midLat = (areas.minY + areas.maxY) / 2.0;
    EXPECT_EQ(pixelAt({areas.minX - 0.005, midLat}), mapBackgroundLandColor()) << "west of the areas, on land";
    EXPECT_EQ(pixelAt({areas.maxX + 0.005, midLat}), mapSeaColor()) << "east of the areas, at sea";
    EXPECT_EQ(pixelAt({104.55, -5.55}), map.colorForArea("99.01.01.2001")) << "areas are drawn over the land";
}

TEST(ThematicMap, CategoryIsDrawnByLevelWithCountsPerLevel)
{
    auto ds = smallDataset();
    ds.meta["kategori.status_idm"] = gis::scaleToJson(gis::idmScale());
    ds.categories.push_back({"99.01.01.2001", "status_idm", "2024", "Sangat Tertinggal", "idm.csv", ""});
    ds.categories.push_back({"99.01.02.2002", "status_idm", "2024", "Mandiri", "idm.csv", ""});
    ds.categories.push_back({"99.01.01.2003", "status_idm", "2024", "Mandiri", "idm.csv", ""});
    ThematicMapSpec spec;
    spec.indicatorKey = "status_idm";
    const ThematicMap map(ds, spec);
    ASSERT_TRUE(map.isCategorical());
    EXPECT_EQ(map.period(), "2024");
    const auto legend = map.legendEntries();
    ASSERT_EQ(legend.size(), 6u); // the five levels in the scale's order, then no data
    const std::vector<std::string> levels = {"Sangat Tertinggal", "Tertinggal", "Berkembang", "Maju", "Mandiri"};
    const std::vector<int> counts = {1, 0, 0, 0, 2}; // A; none; none; none; B and C
    // ColorBrewer RdYlGn, 5 classes: red for the most need, green for Mandiri
    const std::vector<QColor> ramp = {QColor("#d7191c"), QColor("#fdae61"), QColor("#ffffbf"), QColor("#a6d96a"),
                                      QColor("#1a9641")};
    for (std::size_t i = 0; i < levels.size(); ++i) {
        EXPECT_EQ(legend[i].label, levels[i]);
        EXPECT_EQ(legend[i].count, counts[i]) << levels[i];
        EXPECT_EQ(legend[i].color, ramp[i]) << levels[i];
    }
    EXPECT_TRUE(legend[5].noData);
    EXPECT_EQ(legend[5].count, 1); // D
    // red for the most need, green for Mandiri
    EXPECT_GT(legend[0].color.red(), legend[0].color.green());
    EXPECT_GT(legend[4].color.green(), legend[4].color.red());
    EXPECT_EQ(map.colorForArea("99.01.01.2001"), ramp[0]);
    EXPECT_EQ(map.colorForArea("99.01.01.2003"), ramp[4]);
    EXPECT_EQ(map.colorForArea("99.01.02.2004"), noDataColor());
    EXPECT_THAT(map.title(), HasSubstr("Status IDM"));
    EXPECT_THAT(map.title(), HasSubstr("2024"));

    // the pixels at the centres of A and C are those colours
    spec.showLabels = false;
    spec.showFacilities = false;
    const ThematicMap plain(ds, spec);
    const QSize size(400, 400);
    const gis::Extent view = paddedExtent(plain.fullExtent(), 0.05);
    const QImage image = renderToImage(plain, size, view);
    const MapTransform t(view, QRectF(0, 0, size.width(), size.height()));
    const auto pixelAt = [&](gis::Point lonLat) {
        const QPointF p = t.toPixel(lonLat);
        return image.pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()));
    };
    EXPECT_EQ(pixelAt({104.55, -5.55}), ramp[0]);
    EXPECT_EQ(pixelAt({104.55, -5.45}), ramp[4]);

    // a yes/no category: Tidak red, Ya green, two levels
    ds.meta["kategori.internet"] = gis::scaleToJson(gis::yesNoScale());
    ds.categories.push_back({"99.01.01.2001", "internet", "2025", "Tidak", "t", ""});
    ds.categories.push_back({"99.01.02.2002", "internet", "2025", "Tidak", "t", ""});
    ds.categories.push_back({"99.01.01.2003", "internet", "2025", "Ya", "t", ""});
    spec.indicatorKey = "internet";
    const ThematicMap yesNo(ds, spec);
    const auto entries = yesNo.legendEntries();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].label, "Tidak");
    EXPECT_EQ(entries[0].count, 2);
    EXPECT_EQ(entries[1].label, "Ya");
    EXPECT_EQ(entries[1].count, 1);
    EXPECT_EQ(entries[2].count, 1);
    EXPECT_EQ(entries[0].color, QColor("#d7191c"));
    EXPECT_EQ(entries[1].color, QColor("#1a9641"));
}
