// The desktop window, offscreen: it opens the example and a project file and draws the map.
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "gis/project.h"
#include "testutil.h"
#include "ui/legendpanel.h"
#include "ui/mainwindow.h"
#include "ui/mapcanvas.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QImage>
#include <QTest>
#include <gtest/gtest.h>

#include <set>

namespace {

int distinctColours(const QImage& image)
{
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

TEST(MainWindow, ShowsTheExampleAsAPovertyMap)
{
    app::ui::MainWindow window;
    window.resize(1200, 800);
    window.openDefaultDataset();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_NE(window.dataset(), nullptr);
    EXPECT_EQ(window.dataset()->villages().size(), 302u);
    EXPECT_EQ(window.indicatorBox()->currentData().toString(), QStringLiteral("poverty_rate"));
    ASSERT_NE(window.workspace()->map(), nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.canvas()->frameIsCurrent(); }, 10000));
    const QImage shot = window.canvas()->grab().toImage();
    EXPECT_GT(distinctColours(shot), 6) << "the canvas shows a map, not an empty widget";
}

TEST(MainWindow, SwitchingTheIndicatorRedrawsTheMap)
{
    app::ui::MainWindow window;
    window.openDefaultDataset();
    const auto* before = window.workspace()->map().get();
    const int density = window.indicatorBox()->findData(QStringLiteral("poor_density_km2"));
    ASSERT_GE(density, 0);
    window.indicatorBox()->setCurrentIndex(density);
    ASSERT_NE(window.workspace()->map(), nullptr);
    EXPECT_NE(window.workspace()->map().get(), before);
    EXPECT_EQ(window.workspace()->map()->indicator().key, "poor_density_km2");
}

TEST(MainWindow, OpensAProjectFile)
{
    const auto dir = testutil::tempDir("mainwindow_open");
    const std::string path = (dir / "t.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), path);
    app::ui::MainWindow window;
    ASSERT_TRUE(window.openProject(QString::fromStdString(path)));
    EXPECT_EQ(window.dataset()->areasOfKind("kecamatan").size(), 20u);
    EXPECT_TRUE(window.windowTitle().contains("t.sasaran.sqlite"));
}

TEST(MainWindow, LegendListsTheClassesAndAClickNamesThePekon)
{
    app::ui::MainWindow window;
    window.openDefaultDataset();
    // heading, five classes, four facility kinds, the illustrative note (the no-data row only
    // when some pekon has no value)
    const QStringList legend = window.legendPanel()->texts();
    ASSERT_GE(legend.size(), 7);
    EXPECT_TRUE(legend.at(0).contains("Tingkat kemiskinan"));
    int classes = 0;
    for (const QString& text : legend)
        classes += text.contains(QStringLiteral("(6")) ? 1 : 0; // about 60 pekon each
    EXPECT_EQ(classes, 5);
    const gis::Area* gisting = window.dataset()->findArea("18.06.20.2005");
    ASSERT_NE(gisting, nullptr);
    const QString text = window.identify(gis::pointOnSurface(gisting->geometry));
    EXPECT_TRUE(text.contains("Gisting Bawah")) << text.toStdString();
    EXPECT_TRUE(text.contains("Gisting")) << text.toStdString();
    EXPECT_TRUE(text.contains("%")) << text.toStdString();
}

TEST(MainWindow, ExportsTheAtlasAndTheMeetingPack)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "poppler-utils not installed: PDF pages not counted";
    app::ui::MainWindow window;
    window.openDefaultDataset();
    const auto dir = testutil::tempDir("ui_export_pack");
    const auto atlas = dir / "atlas.pdf";
    const auto pack = dir / "rakor.pdf";
    ASSERT_TRUE(window.exportAtlasTo(QString::fromStdString(atlas.string())));
    ASSERT_TRUE(window.exportReportTo(QString::fromStdString(pack.string())));
    EXPECT_EQ(testutil::pdfPageCount(atlas), 21);
    EXPECT_EQ(testutil::pdfPageCount(pack), 6) << "2 findings pages + 4";
}
