// The desktop's travel-time layer driven through the layers panel: switched on for the example's
// regency capital it puts the raster of layers::projectTravelRaster into the map spec (the same
// cells and minutes as a call of its own), the legend lists its classes in minutes (Bahasa), off
// and on again shows the kept result without computing, other classes compute once, a commit
// drops the results, the rendered frame shows the class colour inside a pekon, the export dialog
// prints it, and choosing another theme turns it off.
#include "gis/measure.h"
#include "gis/store.h"
#include "layers/maptransform.h"
#include "layers/travelmap.h"
#include "ui/language.h"
#include "ui/layerspanel.h"
#include "ui/legendpanel.h"
#include "ui/exportdialog.h"
#include "ui/renderjob.h"
#include "ui/stylepanel.h"
#include "ui/workspace.h"
#include "testutil.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

using app::ui::LayersPanel;
using app::ui::LegendPanel;
using app::ui::Workspace;

namespace {

/// Clicks the check box in the title of a checkable group box, where the user would.
void clickGroupCheck(QGroupBox* box)
{
    QStyleOptionGroupBox option;
    option.initFrom(box);
    option.subControls = QStyle::SC_GroupBoxCheckBox | QStyle::SC_GroupBoxLabel;
    option.features = QStyleOptionFrame::None;
    option.text = box->title();
    option.lineWidth = 1;
    option.state |= QStyle::State_On;
    const QRect check = box->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxCheckBox, box);
    QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, check.center());
}

bool waitForRaster(const Workspace& ws)
{
    return QTest::qWaitFor([&ws] { return ws.travelRaster() != nullptr; }, 120000);
}

/// NaN-aware equality of two grids: size, placement and every value.
void expectSameGrid(const gis::RasterGrid& a, const gis::RasterGrid& b)
{
    ASSERT_EQ(a.width, b.width);
    ASSERT_EQ(a.height, b.height);
    EXPECT_DOUBLE_EQ(a.originX, b.originX);
    EXPECT_DOUBLE_EQ(a.originY, b.originY);
    EXPECT_DOUBLE_EQ(a.cellSize, b.cellSize);
    ASSERT_EQ(a.values.size(), b.values.size());
    std::size_t differing = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        const float x = a.values[i], y = b.values[i];
        if (!(std::isnan(x) && std::isnan(y)) && x != y)
            ++differing;
    }
    EXPECT_EQ(differing, 0u) << "cells whose minutes differ";
}

class TravelLayer : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(app::ui::applyLanguage(app::ui::UiLanguage::Indonesian));
        ws.openExample();
        panel = std::make_unique<LayersPanel>(&ws);
        legend = std::make_unique<LegendPanel>(&ws);
        panel->resize(320, 520);
        panel->show();
        legend->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    }
    void TearDown() override
    {
        panel.reset();
        legend.reset();
        ws.waitForTravel();
    }

    Workspace ws;
    std::unique_ptr<LayersPanel> panel;
    std::unique_ptr<LegendPanel> legend;
};

} // namespace

TEST_F(TravelLayer, CapitalRasterMatchesItsOwnComputationAndTheLegendListsTheClasses)
{
    ASSERT_FALSE(ws.mapSpec().travel.has_value());
    const std::vector<std::string> destinations = ws.travelDestinations();
    ASSERT_FALSE(destinations.empty());
    EXPECT_EQ(destinations.front(), "capital") << "the example has its regency capital";
    EXPECT_EQ(panel->travelDestination()->count(), static_cast<int>(destinations.size()));
    EXPECT_EQ(panel->travelDestination()->itemText(0), QStringLiteral("ibu kota kabupaten"));
    EXPECT_EQ(panel->travelClasses()->text(), QStringLiteral("15, 30, 60, 120")) << "the CLI's classes";

    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(panel->travelBox()->isChecked());
    ASSERT_TRUE(ws.travelRequest().has_value());
    EXPECT_EQ(ws.travelRequest()->destination, "capital");
    EXPECT_TRUE(ws.travelComputing());
    EXPECT_EQ(panel->travelStatus()->text(), QStringLiteral("Menghitung waktu tempuh…"));
    ASSERT_TRUE(waitForRaster(ws));
    EXPECT_EQ(ws.travelComputations(), 1);
    EXPECT_FALSE(ws.travelComputing());
    EXPECT_TRUE(panel->travelStatus()->text().isEmpty());

    ASSERT_TRUE(ws.mapSpec().travel.has_value());
    const layers::TravelRaster& shown = *ws.mapSpec().travel;
    const layers::TravelRaster own = layers::projectTravelRaster(
        *ws.dataset(), ws.storeLocation().toStdString(), "capital", {15.0, 30.0, 60.0, 120.0}, layers::Lang::Id, 100.0);
    expectSameGrid(shown.minutes, own.minutes);
    EXPECT_EQ(shown.breaksMinutes, own.breaksMinutes);
    EXPECT_EQ(shown.label, "Waktu tempuh ke ibu kota kabupaten (menit)");
    // the raster has timed cells inside the regency, the capital's own cell among the nearest
    std::size_t timed = 0;
    float nearest = INFINITY;
    for (float m : shown.minutes.values)
        if (std::isfinite(m)) {
            ++timed;
            nearest = std::min(nearest, m);
        }
    EXPECT_GT(timed, 1000u);
    EXPECT_LT(nearest, 2.0f);

    EXPECT_EQ(legend->heading(), QStringLiteral("Waktu tempuh ke ibu kota kabupaten (menit)"));
    const QStringList expected{QStringLiteral("0–15 menit"),  QStringLiteral("15–30 menit"),
                               QStringLiteral("30–60 menit"), QStringLiteral("60–120 menit"),
                               QStringLiteral("> 120 menit"), QStringLiteral("Tidak terjangkau")};
    ASSERT_GE(legend->rows().size(), 6u);
    for (int i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(legend->rows()[static_cast<std::size_t>(i)].text, expected[i]);
        EXPECT_EQ(legend->rows()[static_cast<std::size_t>(i)].count, -1) << "cells, not pekon";
    }
    EXPECT_TRUE(legend->texts().contains(QString::fromStdString(shown.source)))
        << "the model's sources (illustrative DEM) under the classes";
    EXPECT_NE(shown.source.find("ilustrasi"), std::string::npos) << shown.source;
}

TEST_F(TravelLayer, OffAndOnAgainKeepsTheResultAndOtherClassesComputeOnce)
{
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(waitForRaster(ws));
    const std::shared_ptr<const layers::TravelRaster> first = ws.travelRaster();
    ASSERT_EQ(ws.travelComputations(), 1);

    clickGroupCheck(panel->travelBox());
    EXPECT_FALSE(panel->travelBox()->isChecked());
    EXPECT_FALSE(ws.travelRequest().has_value());
    EXPECT_FALSE(ws.mapSpec().travel.has_value()) << "back to the pekon fills";
    EXPECT_NE(legend->heading(), QStringLiteral("Waktu tempuh ke ibu kota kabupaten (menit)"));
    EXPECT_TRUE(legend->rows().empty() || legend->rows().front().count >= 0) << "the pekon classes again";

    clickGroupCheck(panel->travelBox());
    EXPECT_FALSE(ws.travelComputing()) << "the kept result, at once";
    EXPECT_EQ(ws.travelRaster(), first) << "the same result, not a new one";
    EXPECT_TRUE(ws.mapSpec().travel.has_value());
    EXPECT_EQ(ws.travelComputations(), 1);

    // other classes: typed into the field, computed once, then the default again from the keep
    QLineEdit* classes = panel->travelClasses();
    classes->setFocus();
    QTest::keyClick(classes, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(classes, QStringLiteral("30, 90"));
    QTest::keyClick(classes, Qt::Key_Return);
    ASSERT_TRUE(ws.travelRequest().has_value());
    EXPECT_EQ(ws.travelRequest()->breaks, (std::vector<double>{30.0, 90.0}));
    ASSERT_TRUE(waitForRaster(ws));
    EXPECT_EQ(ws.travelComputations(), 2);
    const QStringList rows = legend->texts();
    EXPECT_TRUE(rows.contains(QStringLiteral("30–90 menit"))) << rows.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("> 90 menit")));

    QTest::keyClick(classes, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(classes, QStringLiteral("30, 20"));
    QTest::keyClick(classes, Qt::Key_Return);
    EXPECT_EQ(ws.travelRequest()->breaks, (std::vector<double>{30.0, 90.0})) << "descending classes refused";
    EXPECT_EQ(panel->travelStatus()->text(),
              QStringLiteral("Berikan 1 sampai 8 batas kelas dalam menit bulat, naik, mis. 15, 30, 60, 120."));

    QTest::keyClick(classes, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(classes, QStringLiteral("15, 30, 60, 120"));
    QTest::keyClick(classes, Qt::Key_Return);
    EXPECT_EQ(ws.travelRaster(), first);
    EXPECT_EQ(ws.travelComputations(), 2);
}

TEST_F(TravelLayer, ACommitDropsTheResultAndTheLayerIsComputedAgain)
{
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(waitForRaster(ws));
    const std::shared_ptr<const layers::TravelRaster> before = ws.travelRaster();
    ASSERT_TRUE(ws.canEdit());
    ws.commit(testutil::doubledPoor(*ws.dataset(), ws.dataset()->periods("miskin").back()));
    EXPECT_EQ(ws.travelRaster(), nullptr) << "computed on the data before the commit: dropped";
    EXPECT_FALSE(ws.mapSpec().travel.has_value());
    EXPECT_TRUE(ws.travelRequest().has_value()) << "the layer stays on";
    EXPECT_TRUE(panel->travelBox()->isChecked());
    ASSERT_TRUE(waitForRaster(ws));
    EXPECT_EQ(ws.travelComputations(), 2);
    EXPECT_NE(ws.travelRaster(), before);
    expectSameGrid(ws.travelRaster()->minutes, before->minutes); // the values changed, not the terrain

    // another project drops the layer and its results
    ws.openExample();
    EXPECT_FALSE(ws.travelRequest().has_value());
    EXPECT_FALSE(panel->travelBox()->isChecked());
    EXPECT_FALSE(ws.mapSpec().travel.has_value());
}

TEST_F(TravelLayer, TheFrameShowsTheClassColourInsideAPekon)
{
    auto frame = [&ws = ws] {
        app::ui::FrameRequest r;
        r.map = ws.map();
        auto layers = std::make_shared<app::ui::RenderLayers>(*ws.renderLayers());
        for (app::ui::LayerEntry& e : layers->layers)
            e.visible = e.id == QLatin1String("pekon");
        r.layers = layers;
        r.view = ws.map()->fullExtent();
        r.sizePx = QSize(900, 600);
        return app::ui::renderFrame(r, std::atomic<bool>{false});
    };
    const QImage without = frame();
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(waitForRaster(ws));
    const QImage with = frame();
    ASSERT_FALSE(without.isNull());
    ASSERT_FALSE(with.isNull());

    // the largest pekon's inner point is far from its outline: there the pixel is the colour
    // of the class of the raster cell under it, not the theme's fill
    const gis::Area* largest = nullptr;
    for (const gis::Area* a : ws.dataset()->villages())
        if (!largest || ws.dataset()->areaKm2(*a) > ws.dataset()->areaKm2(*largest))
            largest = a;
    ASSERT_NE(largest, nullptr);
    const gis::Point inner = ws.dataset()->surfacePoint(*largest);
    const layers::MapTransform t(ws.map()->fullExtent(), QRectF(0, 0, 900, 600));
    const QPoint px = t.toPixel(inner).toPoint();
    const layers::TravelRaster& travel = *ws.travelRaster();
    const gis::RasterGrid& g = travel.minutes;
    const int col = static_cast<int>(std::floor((inner.x - g.originX) / g.cellSize));
    const int row = static_cast<int>(std::floor((g.originY - inner.y) / g.cellSize));
    ASSERT_TRUE(col >= 0 && col < g.width && row >= 0 && row < g.height);
    const int k = layers::travelClassOf(g.values[g.index(col, row)], travel.breaksMinutes);
    ASSERT_GE(k, 0) << "a pekon's cell is drawn";
    const QColor expected = layers::travelClassColors(travel.breaksMinutes)[static_cast<std::size_t>(k)];
    const QColor got = with.pixelColor(px), plain = without.pixelColor(px);
    EXPECT_NE(got.rgb(), plain.rgb()) << "the travel layer changed the pixel";
    EXPECT_LE(std::abs(got.red() - expected.red()), 6);
    EXPECT_LE(std::abs(got.green() - expected.green()), 6);
    EXPECT_LE(std::abs(got.blue() - expected.blue()), 6);
}

TEST_F(TravelLayer, TheExportDialogPrintsTheLayerShown)
{
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(waitForRaster(ws));
    app::ui::ExportDialog dialog(&ws, ws.map()->fullExtent());
    const layers::ThematicMapSpec spec = dialog.spec();
    ASSERT_TRUE(spec.travel.has_value()) << "the page draws what the screen shows";
    expectSameGrid(spec.travel->minutes, ws.travelRaster()->minutes);
    const layers::ThematicMap page(*ws.dataset(), spec);
    EXPECT_NE(page.title().find("Waktu Tempuh ke Ibu Kota Kabupaten"), std::string::npos) << page.title();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("png")));
    const QString path = dir.filePath(QStringLiteral("waktu_tempuh.png"));
    dialog.exportTo(path);
    EXPECT_FALSE(QImage(path).isNull()) << path.toStdString();
}

TEST_F(TravelLayer, ChoosingAnotherThemeTurnsTheLayerOff)
{
    app::ui::StylePanel style(&ws);
    style.show();
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(waitForRaster(ws));
    auto* theme = style.findChild<QComboBox*>(QStringLiteral("themeBox"));
    ASSERT_NE(theme, nullptr);
    const int priority = theme->findData(QStringLiteral("priority"));
    ASSERT_GE(priority, 0);
    theme->setFocus();
    while (theme->currentIndex() != priority)
        QTest::keyClick(theme, theme->currentIndex() < priority ? Qt::Key_Down : Qt::Key_Up);
    EXPECT_EQ(ws.themeKey(), QStringLiteral("priority"));
    EXPECT_FALSE(ws.travelRequest().has_value());
    EXPECT_FALSE(ws.mapSpec().travel.has_value());
    EXPECT_FALSE(panel->travelBox()->isChecked());
}

TEST_F(TravelLayer, ALanguageSwitchLabelsTheLayerAgainAndKeepsBothLanguages)
{
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(waitForRaster(ws));
    const std::shared_ptr<const layers::TravelRaster> indonesian = ws.travelRaster();
    ASSERT_TRUE(app::ui::applyLanguage(app::ui::UiLanguage::English));
    ws.retranslate();
    ASSERT_TRUE(waitForRaster(ws));
    EXPECT_EQ(ws.travelComputations(), 2) << "the page labels are in the page language";
    EXPECT_EQ(ws.mapSpec().travel->label, "Travel time to the regency capital (minutes)");
    expectSameGrid(ws.travelRaster()->minutes, indonesian->minutes);
    EXPECT_EQ(legend->rows().front().text, QStringLiteral("0–15 minutes"));
    ASSERT_TRUE(app::ui::applyLanguage(app::ui::UiLanguage::Indonesian));
    ws.retranslate();
    EXPECT_EQ(ws.travelRaster(), indonesian) << "kept per language";
    EXPECT_EQ(ws.travelComputations(), 2);
}

TEST_F(TravelLayer, CancelStopsTheComputationKeepsNothingAndTheCellSizeIsTheUsers)
{
    QSpinBox* cellSize = panel->travelResolution();
    EXPECT_EQ(cellSize->value(), 100) << "the CLI's default";
    QPushButton* cancel = panel->travelCancel();
    EXPECT_FALSE(cancel->isVisible()) << "nothing to cancel";
    clickGroupCheck(panel->travelBox());
    ASSERT_TRUE(ws.travelComputing());
    EXPECT_EQ(ws.travelRequest()->resolutionM, 100.0);
    EXPECT_TRUE(cancel->isVisible());
    EXPECT_EQ(cancel->text(), QStringLiteral("Batal"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    EXPECT_FALSE(ws.travelRequest().has_value()) << "the layer goes off";
    EXPECT_FALSE(panel->travelBox()->isChecked());
    EXPECT_TRUE(ws.travelCancelled());
    EXPECT_FALSE(cancel->isVisible());
    EXPECT_EQ(panel->travelStatus()->text(),
              QStringLiteral("Dibatalkan; nyalakan lapisan untuk menghitungnya lagi."));
    EXPECT_FALSE(ws.mapSpec().travel.has_value()) << "the pekon fills";
    ws.waitForTravel();
    EXPECT_EQ(ws.travelComputations(), 1);
    EXPECT_EQ(ws.travelRaster(), nullptr);

    // Nothing of the stopped run was kept: on again, it is computed anew.
    clickGroupCheck(panel->travelBox());
    EXPECT_TRUE(ws.travelComputing()) << "not a kept result";
    EXPECT_FALSE(ws.travelCancelled());
    EXPECT_EQ(ws.travelComputations(), 2);
    ASSERT_TRUE(waitForRaster(ws));

    // A coarser cell, two steps of 50 m up, is computed at that size.
    cellSize->setFocus();
    QTest::keyClick(cellSize, Qt::Key_Up);
    QTest::keyClick(cellSize, Qt::Key_Up);
    EXPECT_EQ(cellSize->value(), 200);
    ASSERT_TRUE(ws.travelRequest().has_value());
    EXPECT_EQ(ws.travelRequest()->resolutionM, 200.0);
    ASSERT_TRUE(waitForRaster(ws));
    ws.waitForTravel(); // the 150 m request of the first step, computed meanwhile, is kept too
    EXPECT_EQ(ws.travelRequest()->resolutionM, 200.0);
    const std::shared_ptr<const layers::TravelRaster> coarse = ws.travelRaster();
    ASSERT_NE(coarse, nullptr);
    EXPECT_NE(coarse->source.find("200 m"), std::string::npos) << coarse->source;
    const layers::TravelRaster own = layers::projectTravelRaster(*ws.dataset(), ws.storeLocation().toStdString(),
                                                                 "capital", layers::defaultTravelBreaks(),
                                                                 layers::Lang::Id, 200.0);
    expectSameGrid(coarse->minutes, own.minutes);

    // A cancel is said until another project opens.
    clickGroupCheck(panel->travelBox()); // off
    clickGroupCheck(panel->travelBox()); // on: the kept 200 m result, nothing to cancel
    cancel->click();
    EXPECT_FALSE(ws.travelCancelled()) << "nothing was running";
    panel->travelResolution()->setFocus();
    QTest::keyClick(panel->travelResolution(), Qt::Key_Up); // 250 m: computed
    ASSERT_TRUE(ws.travelComputing());
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(ws.travelCancelled());
    ws.waitForTravel();
    ws.openExample();
    EXPECT_FALSE(ws.travelCancelled());
    EXPECT_NE(panel->travelStatus()->text(), QStringLiteral("Dibatalkan; nyalakan lapisan untuk menghitungnya lagi."));
}
