// Roads in the desktop: the import wizard's roads page driven by keys and clicks, then the
// "Jalan" layer on the map (drawn in its class colours, toggled off by the layer list), the
// placement panel's travel-time choice and the POKDARWIS road criterion enabled, and a
// placement by road minutes equal to the library's on the stored roads.
#include "gis/placement.h"
#include "gis/roadlayer.h"
#include "gis/store.h"
#include "layers/maptransform.h"
#include "layers/roadstyle.h"
#include "layers/thematicmap.h"
#include "testutil.h"
#include "ui/exportdialog.h"
#include "ui/importwizard.h"
#include "ui/mainwindow.h"
#include "ui/mapcanvas.h"
#include "ui/layerspanel.h"
#include "ui/placementpanel.h"
#include "ui/pokdarwispanel.h"
#include "ui/roadimportpage.h"
#include "ui/workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <filesystem>

using app::ui::ImportWizard;
using app::ui::MainWindow;
namespace fs = std::filesystem;

namespace {

/// The national road along the coast east of Kota Agung and a kabupaten road inland.
constexpr const char* kRoads = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},
  "features":[
   {"type":"Feature","properties":{"nama":"Jl. Lintas Barat","kelas":"Jalan Nasional"},
    "geometry":{"type":"LineString","coordinates":[[104.625,-5.495],[104.75,-5.49],[104.9,-5.495]]}},
   {"type":"Feature","properties":{"nama":"Jl. Gisting","kelas":"jalan kabupaten"},
    "geometry":{"type":"LineString","coordinates":[[104.625,-5.495],[104.62,-5.40],[104.60,-5.30]]}}]})";

void click(QAbstractButton* button)
{
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(button->isEnabled()) << button->text().toStdString();
    QTest::mouseClick(button, Qt::LeftButton);
}

int pixelsNear(const QImage& image, const QColor& colour, int tolerance = 12)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < tolerance;
        }
    return n;
}

class RoadsDesktop : public ::testing::Test {
protected:
    void SetUp() override
    {
        dir = testutil::tempDir("roads_desktop");
        roads = dir / "jalan.geojson";
        testutil::writeFile(roads, kRoads);
        window.resize(1500, 950);
        window.openDefaultDataset();
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ASSERT_TRUE(window.workspace()->canEdit());
        waitForFrame();
    }
    void waitForFrame()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.canvas()->frameIsCurrent(); }, 10000));
    }

    /// Walks the wizard to the roads page with the file typed in and Roads chosen by the keyboard.
    void openRoadsPage(ImportWizard& wizard)
    {
        wizard.show();
        QComboBox* kind = wizard.kindBox();
        kind->setFocus();
        for (int i = 0; i < kind->count() && kind->currentData().toInt() != int(ImportWizard::Kind::Roads); ++i)
            QTest::keyClick(kind, Qt::Key_Down);
        ASSERT_EQ(kind->currentData().toInt(), int(ImportWizard::Kind::Roads));
        QTest::keyClicks(wizard.fileEdit(), QString::fromStdString(roads.string()));
        click(wizard.button(QWizard::NextButton));
        ASSERT_EQ(wizard.currentId(), ImportWizard::RoadsPage);
    }

    fs::path dir, roads;
    MainWindow window;
};

} // namespace

TEST_F(RoadsDesktop, WizardImportsRoadsThatShowOnTheMapAndEnableTravelTime)
{
    app::ui::Workspace* ws = window.workspace();
    // before: no roads, so the road choices are off and say why
    EXPECT_FALSE(ws->hasRoads());
    EXPECT_FALSE(window.placementPanel()->roadsButton()->isEnabled());
    EXPECT_TRUE(window.placementPanel()->roadsNote()->text().contains(QStringLiteral("Import a road layer")));
    EXPECT_FALSE(window.pokdarwisPanel()->roadsBox()->isEnabled());
    EXPECT_FALSE(window.pokdarwisPanel()->roadsNote()->text().isEmpty());
    EXPECT_LT(ws->layerList()->rowOf(QStringLiteral("roads")), 0);

    ImportWizard wizard(ws, &window);
    openRoadsPage(wizard);
    app::ui::RoadImportPage* page = wizard.roadsPage();
    // the class field is detected ("kelas") and its classes listed with their default speeds
    ASSERT_TRUE(page->planned().has_value()) << page->note()->text().toStdString();
    EXPECT_EQ(page->planned()->classField, "kelas");
    QTableWidget* classes = page->classTable();
    ASSERT_EQ(classes->rowCount(), 2);
    EXPECT_EQ(classes->item(0, 0)->text(), QStringLiteral("jalan kabupaten"));
    EXPECT_EQ(classes->item(0, 3)->text(), QStringLiteral("40"));
    EXPECT_EQ(classes->item(1, 0)->text(), QStringLiteral("jalan nasional"));
    EXPECT_EQ(classes->item(1, 3)->text(), QStringLiteral("60"));
    // the name field as class: its classes have no speed, and the page says so
    QComboBox* field = page->classFieldBox();
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("nama"));
    ASSERT_EQ(field->currentData().toString(), QStringLiteral("nama"));
    EXPECT_FALSE(page->planned().has_value());
    EXPECT_TRUE(page->note()->text().contains(QStringLiteral("have no speed"))) << page->note()->text().toStdString();
    EXPECT_FALSE(wizard.button(QWizard::FinishButton)->isEnabled());
    QTest::qWait(QApplication::keyboardInputInterval() + 100); // a new keyboard search
    QTest::keyClicks(field, QStringLiteral("kelas"));
    ASSERT_EQ(field->currentData().toString(), QStringLiteral("kelas"));
    ASSERT_TRUE(page->planned().has_value());
    // a speed table typed in: kabupaten roads at 35 km/h
    const fs::path speeds = dir / "kecepatan.json";
    testutil::writeFile(speeds, R"({"jalan kabupaten": 35})");
    page->speedsEdit()->setFocus();
    QTest::keyClicks(page->speedsEdit(), QString::fromStdString(speeds.string()));
    QTest::keyClick(page->speedsEdit(), Qt::Key_Return);
    ASSERT_TRUE(page->planned().has_value());
    EXPECT_EQ(classes->item(0, 3)->text(), QStringLiteral("35"));
    QTest::qWait(50);
    // for the docs: SASARAN_SCREENSHOT_DIR=docs keeps the page as desktop_jalan.png
    if (const QString shots = qEnvironmentVariable("SASARAN_SCREENSHOT_DIR"); !shots.isEmpty())
        wizard.grab().save(QDir(shots).filePath(QStringLiteral("desktop_jalan.png")));

    click(wizard.button(QWizard::FinishButton));
    EXPECT_TRUE(wizard.resultText().contains(QStringLiteral("2 road"))) << wizard.resultText().toStdString();

    // in the project file, through the store
    const gis::Dataset stored =
        gis::openProject(ws->storeLocation().toStdString(), gis::OpenMode::ReadOnly)->read();
    ASSERT_EQ(stored.roads.roads.size(), 2u);
    EXPECT_EQ(stored.roads.speedsKmh.at("jalan kabupaten"), 35.0);
    EXPECT_EQ(stored.metaValue("jalan_sumber"), "jalan.geojson:jalan") << "the file and the layer chosen";

    // the layer list has "Jalan", the panels offer roads
    ASSERT_TRUE(ws->hasRoads());
    const int roadsRow = ws->layerList()->rowOf(QStringLiteral("roads"));
    ASSERT_GE(roadsRow, 0);
    EXPECT_LT(roadsRow, ws->layerList()->rowOf(QStringLiteral("pekon"))) << "over the areas";
    EXPECT_GT(roadsRow, ws->layerList()->rowOf(QStringLiteral("facility:BUMDES"))) << "under the facilities";
    EXPECT_TRUE(window.placementPanel()->roadsButton()->isEnabled());
    EXPECT_TRUE(window.placementPanel()->roadsNote()->isHidden());
    EXPECT_TRUE(window.pokdarwisPanel()->roadsBox()->isEnabled());

    // on the map: the national road's red where it runs, gone when the layer is switched off
    window.canvas()->zoomToExtent([] {
        gis::Extent e;
        e.include(gis::Point{104.6, -5.55});
        e.include(gis::Point{104.95, -5.25});
        return e;
    }());
    waitForFrame();
    const QColor major = layers::roadCoreColor(layers::RoadTier::Major);
    QImage frame = window.canvas()->frame().copy();
    const QPointF onRoad = window.canvas()->transform().toPixel({104.8125, -5.4917}); // on the second segment
    int nearRoad = 0;
    for (int dy = -3; dy <= 3; ++dy)
        nearRoad += pixelsNear(frame.copy(int(onRoad.x()) - 3, int(onRoad.y()) + dy, 7, 1), major);
    EXPECT_GT(nearRoad, 0) << "red at the road's place";
    const int before = pixelsNear(frame, major);
    EXPECT_GT(before, 50);
    {
        // the export dialog's page draws the roads shown, with their legend rows
        app::ui::ExportDialog dialog(ws, window.canvas()->view(), &window);
        const layers::ThematicMapSpec spec = dialog.spec();
        ASSERT_EQ(spec.roads.size(), 2u);
        const auto tiers = layers::roadTiersPresent(spec.roads);
        ASSERT_EQ(tiers.size(), 2u);
        EXPECT_EQ(layers::roadTierLabel(tiers[0], false), QStringLiteral("Jalan nasional/provinsi"));
        const layers::ThematicMap map(*window.dataset(), spec);
        QImage exported(1188, 840, QImage::Format_RGB32);
        QPainter painter(&exported);
        const layers::PageResult result = map.renderPage(painter, QRectF(0, 0, 1188, 840), 100.0);
        painter.end();
        const QPointF onPage = layers::MapTransform(result.view, result.framePx).toPixel({104.8125, -5.4917});
        int red = 0;
        for (int dy = -3; dy <= 3; ++dy)
            red += pixelsNear(exported.copy(int(onPage.x()) - 3, int(onPage.y()) + dy, 7, 1), major);
        EXPECT_GT(red, 0) << "the national road on the exported page";
    }
    QListView* list = window.layersPanel()->list();
    list->setFocus();
    list->setCurrentIndex(ws->layerList()->index(roadsRow));
    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_FALSE(ws->layerList()->entry(QStringLiteral("roads"))->visible);
    waitForFrame();
    EXPECT_LT(pixelsNear(window.canvas()->frame(), major), before / 20) << "the Jalan layer is off";
    app::ui::ExportDialog hidden(ws, window.canvas()->view(), &window);
    EXPECT_TRUE(hidden.spec().roads.empty()) << "a hidden road layer is not exported";
}

TEST_F(RoadsDesktop, PlacementByRoadMinutesUsesTheStoredRoads)
{
    app::ui::Workspace* ws = window.workspace();
    ImportWizard wizard(ws, &window);
    openRoadsPage(wizard);
    click(wizard.button(QWizard::FinishButton));
    ASSERT_TRUE(ws->hasRoads());

    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("placementDock"));
    ASSERT_NE(dock, nullptr);
    dock->show();
    app::ui::PlacementPanel* panel = window.placementPanel();
    click(panel->roadsButton());
    ASSERT_TRUE(panel->roadsButton()->isChecked());
    QSignalSpy finished(panel, &app::ui::PlacementPanel::runFinished);
    click(panel->runButton());
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(panel->result().has_value()) << panel->statusLabel()->text().toStdString();
    EXPECT_TRUE(panel->result()->roadsUsed);

    // the same run by the library on the roads read back from the project
    const gis::Dataset ds = gis::openProject(ws->storeLocation().toStdString(), gis::OpenMode::ReadOnly)->read();
    const gis::RoadNetwork network = gis::roadNetworkOf(ds.roads);
    gis::PlacementOptions o = panel->options();
    o.roads = &network;
    const gis::PlacementResult expected = gis::placeFacilities(ds, o);
    ASSERT_EQ(panel->result()->sites.size(), expected.sites.size());
    for (std::size_t k = 0; k < expected.sites.size(); ++k)
        EXPECT_EQ(panel->result()->sites[k].code, expected.sites[k].code) << k;
    EXPECT_DOUBLE_EQ(panel->result()->after, expected.after);
    EXPECT_DOUBLE_EQ(panel->result()->options.minutes, 30.0);
}
