// The desktop workspace driven through its real widgets (offscreen): wheel, drag and box zoom
// on the canvas, layers toggled by key, the classification changed in the style editor, the
// status bar, the export dialog, the language switch and the error messages.
#include "cliutil.h"
#include "gis/crs.h"
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/project.h"
#include "gis/rasterstore.h"
#include "layers/classification.h"
#include "testutil.h"
#include "ui/exportdialog.h"
#include "ui/language.h"
#include "ui/layerspanel.h"
#include "ui/legendpanel.h"
#include "ui/mainwindow.h"
#include "ui/mapcanvas.h"
#include "ui/profilepanel.h"
#include "ui/renderjob.h"
#include "ui/searchpanel.h"
#include "ui/statuspanel.h"
#include "ui/stylepanel.h"
#include "ui/tablepanel.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QSpinBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <set>

using app::ui::MainWindow;
using app::ui::MapCanvas;

namespace {

class Desktop : public ::testing::Test {
protected:
    void SetUp() override
    {
        mLocaleBefore = QLocale();
        ASSERT_TRUE(app::ui::applyLanguage(app::ui::UiLanguage::Indonesian)) << "sasaran_id.qm is embedded";
        window.setLanguage(app::ui::UiLanguage::Indonesian); // menus built before SetUp: again in Bahasa
        window.resize(1300, 850);
        window.openDefaultDataset();
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        waitForFrame();
    }
    void TearDown() override
    {
        // other suites in this process test the widgets with their English source texts
        app::ui::applyLanguage(app::ui::UiLanguage::English);
        QLocale::setDefault(mLocaleBefore);
    }
    void waitForFrame()
    {
        ASSERT_TRUE(QTest::qWaitFor([&] { return canvas()->frameIsCurrent(); }, 10000));
    }
    MapCanvas* canvas() { return window.canvas(); }

    void wheel(QPointF at, int delta)
    {
        QWheelEvent event(at, canvas()->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas(), &event);
    }
    void mouse(QEvent::Type type, QPointF at, Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = {})
    {
        const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
        QMouseEvent event(type, at, canvas()->mapToGlobal(at), button, buttons, modifiers);
        QApplication::sendEvent(canvas(), &event);
    }
    void drag(QPointF from, QPointF to, Qt::KeyboardModifiers modifiers = {})
    {
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton, modifiers);
        for (int i = 1; i <= 5; ++i)
            mouse(QEvent::MouseMove, from + (to - from) * (i / 5.0), Qt::LeftButton, modifiers);
        mouse(QEvent::MouseButtonRelease, to, Qt::NoButton, modifiers);
    }
    QAction* action(const char* name) { return window.findChild<QAction*>(QString::fromLatin1(name)); }

    QLocale mLocaleBefore;
    MainWindow window;
};

QImage frameOf(MapCanvas* canvas)
{
    return canvas->frame().copy();
}

} // namespace

TEST_F(Desktop, WheelZoomKeepsTheLonLatUnderTheCursor)
{
    const QPointF cursor(412.0, 277.0);
    const gis::Point before = canvas()->toLonLat(cursor);
    const double heightBefore = canvas()->view().height();
    wheel(cursor, 120); // one notch in
    const gis::Point after = canvas()->toLonLat(cursor);
    EXPECT_NEAR(after.x, before.x, 1e-6);
    EXPECT_NEAR(after.y, before.y, 1e-6);
    EXPECT_NEAR(canvas()->view().height() / heightBefore, 0.8, 0.01);
    wheel(cursor, -240); // two notches out
    const gis::Point out = canvas()->toLonLat(cursor);
    EXPECT_NEAR(out.x, before.x, 1e-6);
    EXPECT_NEAR(out.y, before.y, 1e-6);
    waitForFrame();
}

TEST_F(Desktop, DragPansByTheDraggedPixels)
{
    const QPointF from(500, 400), to(380, 470);
    const gis::Point grabbed = canvas()->toLonLat(from);
    const double degPerPx = 1.0 / canvas()->transform().pixelsPerDegreeLat();
    drag(from, to);
    const gis::Point under = canvas()->toLonLat(to);
    EXPECT_NEAR(under.x, grabbed.x, 1e-6);
    EXPECT_NEAR(under.y, grabbed.y, 1e-6);
    // the map moved 70 px down: the point now under the press lay 70 px higher (further north)
    const gis::Point moved = canvas()->toLonLat(from);
    EXPECT_NEAR((moved.y - grabbed.y) / degPerPx, 70.0, 0.5);
    waitForFrame();
}

TEST_F(Desktop, ShiftDragZoomsToTheBoxAndZoomHasLimits)
{
    const gis::Extent full = window.workspace()->map()->fullExtent();
    // full extent leaves a margin on every side
    const gis::Extent v = canvas()->view();
    EXPECT_LT(v.minX, full.minX);
    EXPECT_GT(v.maxX, full.maxX);
    EXPECT_LT(v.minY, full.minY);
    EXPECT_GT(v.maxY, full.maxY);

    const QPointF a(400, 300), b(520, 380);
    const gis::Point la = canvas()->toLonLat(a), lb = canvas()->toLonLat(b);
    drag(a, b, Qt::ShiftModifier);
    const gis::Extent box = canvas()->view();
    EXPECT_LE(box.minX, std::min(la.x, lb.x) + 1e-9);
    EXPECT_GE(box.maxX, std::max(la.x, lb.x) - 1e-9);
    EXPECT_LE(box.minY, std::min(la.y, lb.y) + 1e-9);
    EXPECT_GE(box.maxY, std::max(la.y, lb.y) - 1e-9);
    EXPECT_LT(box.height(), v.height() / 3);

    for (int i = 0; i < 60; ++i)
        wheel(QPointF(450, 350), 120);
    EXPECT_GE(std::max(canvas()->view().height(), canvas()->view().width()), 0.005 - 1e-12);
    for (int i = 0; i < 120; ++i)
        wheel(QPointF(450, 350), -120);
    EXPECT_LE(std::max(canvas()->view().height(), canvas()->view().width()),
              4.0 * std::max(full.width(), full.height()) * 1.0001);
    waitForFrame();
}

TEST_F(Desktop, TogglingALayerChangesTheRenderedImage)
{
    const QImage before = frameOf(canvas());
    QListView* list = window.layersPanel()->list();
    auto* model = window.workspace()->layerList();
    const int row = model->rowOf(QStringLiteral("facility:BUMDES"));
    ASSERT_GE(row, 0);
    list->setFocus();
    list->setCurrentIndex(model->index(row));
    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_FALSE(model->entry(QStringLiteral("facility:BUMDES"))->visible);
    waitForFrame();
    const QImage without = frameOf(canvas());
    ASSERT_EQ(without.size(), before.size());
    EXPECT_NE(without, before);
    // the green triangles are gone: fewer pixels of the BUMDES green
    auto green = [](const QImage& image) {
        int n = 0;
        const QColor bumdes(0x1a, 0x98, 0x50);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - bumdes.red()) + std::abs(c.green() - bumdes.green())
                        + std::abs(c.blue() - bumdes.blue())
                    < 40;
            }
        return n;
    };
    EXPECT_LT(green(without), green(before) / 2);
    // the legend no longer lists BUMDes
    EXPECT_FALSE(window.legendPanel()->texts().join('\n').contains(QStringLiteral("BUMDes")));
}

TEST_F(Desktop, ChangingTheClassificationMethodChangesTheLegend)
{
    QComboBox* method = window.stylePanel()->methodBox();
    const auto rowsBefore = window.legendPanel()->rows();
    method->setFocus();
    QTest::keyClick(method, Qt::Key_Down); // quantiles -> equal intervals
    ASSERT_EQ(window.workspace()->style().method, layers::ClassificationMethod::EqualInterval);
    const std::map<std::string, double> values = gis::indicatorValues(*window.dataset(), "poverty_rate");
    std::vector<double> v;
    for (const auto& [code, value] : values)
        v.push_back(value);
    const layers::Classification expected(layers::ClassificationMethod::EqualInterval, v, 5);
    const auto& rows = window.legendPanel()->rows();
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(expected.classCount()));
    for (int i = 0; i < expected.classCount(); ++i) {
        EXPECT_DOUBLE_EQ(rows[static_cast<std::size_t>(i)].upper, expected.upperBound(i));
        EXPECT_DOUBLE_EQ(rows[static_cast<std::size_t>(i)].lower, expected.lowerBound(i));
        EXPECT_EQ(rows[static_cast<std::size_t>(i)].count, expected.count(i));
    }
    EXPECT_NE(rows[0].upper, rowsBefore[0].upper);
    // three classes by key: the legend follows at once
    QSpinBox* classes = window.stylePanel()->classesBox();
    classes->setFocus();
    QTest::keyClick(classes, Qt::Key_Down);
    QTest::keyClick(classes, Qt::Key_Down);
    EXPECT_EQ(window.legendPanel()->rows().size(), 3u);
    // the class bounds use the Indonesian decimal comma
    EXPECT_TRUE(window.legendPanel()->rows()[0].text.contains(QRegularExpression("\\d,\\d")))
        << window.legendPanel()->rows()[0].text.toStdString();
    waitForFrame();
}

TEST_F(Desktop, ThePriorityScoreIsALayer)
{
    QComboBox* theme = window.stylePanel()->themeBox();
    const int priority = theme->findData(QStringLiteral("priority"));
    ASSERT_GE(priority, 0);
    theme->setCurrentIndex(priority);
    ASSERT_NE(window.workspace()->map(), nullptr);
    EXPECT_EQ(window.workspace()->map()->indicator().key, "priority_score");
    EXPECT_TRUE(window.legendPanel()->heading().contains(QStringLiteral("Skor prioritas")));
    // no duplicate entries: miskin per km² is the poverty density already listed
    EXPECT_LT(theme->findData(QStringLiteral("miskin_per_km2")), 0);
    EXPECT_GE(theme->findData(QStringLiteral("poor_density_km2")), 0);
    waitForFrame();
}

TEST_F(Desktop, AClickHighlightsThePekonAndNamesItWithIndonesianNumbers)
{
    const gis::Area* gisting = window.dataset()->findArea("18.06.20.2005");
    ASSERT_NE(gisting, nullptr);
    const QPointF px = canvas()->transform().toPixel(gis::pointOnSurface(gisting->geometry));
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, px.toPoint());
    EXPECT_EQ(window.workspace()->currentVillage(), "18.06.20.2005");
    const QString message = window.statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QStringLiteral("Gisting Bawah"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QRegularExpression("\\d+,\\d\\d\u00a0%"))) << message.toStdString();
}

TEST_F(Desktop, StatusBarShowsScaleCursorAndProvenance)
{
    app::ui::StatusPanel* status = window.statusPanel();
    EXPECT_TRUE(status->scaleText().startsWith(QStringLiteral("Skala 1:"))) << status->scaleText().toStdString();
    const QPointF at(600, 420);
    mouse(QEvent::MouseMove, at, Qt::NoButton);
    const gis::Point lonLat = canvas()->toLonLat(at);
    EXPECT_TRUE(status->cursorText().contains(app::ui::formatNumber(lonLat.x, 5)))
        << status->cursorText().toStdString();
    const gis::Point utm = gis::CoordinateTransform("EPSG:4326", "EPSG:32748").forward(lonLat);
    EXPECT_TRUE(status->utmText().contains(app::ui::formatCount(std::llround(utm.x))))
        << status->utmText().toStdString();
    EXPECT_TRUE(status->utmText().contains(QStringLiteral("48S")));
    EXPECT_EQ(status->boundaryText(), QStringLiteral("Batas wilayah: ilustrasi (bukan resmi)"));
    EXPECT_EQ(status->valueText(), QStringLiteral("Angka: ilustrasi (bukan angka resmi)"));

    // real boundaries with illustrative values say exactly that
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.meta["provenance"] = "real";
    ds.meta["boundary_provenance"] = "real";
    ds.meta["boundary_source"] = "desa.gpkg";
    ds.meta["values_provenance"] = "illustrative";
    window.workspace()->setDataset(std::move(ds), QStringLiteral("t"), QString());
    EXPECT_EQ(status->boundaryText(), QStringLiteral("Batas wilayah: desa.gpkg"));
    EXPECT_EQ(status->valueText(), QStringLiteral("Angka: ilustrasi (bukan angka resmi)"));
    waitForFrame();
}

TEST_F(Desktop, MeasuresGeodesicDistanceAndArea)
{
    action("actionMeasure")->trigger();
    ASSERT_EQ(canvas()->tool(), MapCanvas::Tool::Measure);
    const std::vector<QPoint> clicks{{300, 300}, {600, 300}, {600, 500}};
    for (const QPoint& p : clicks)
        QTest::mouseClick(canvas(), Qt::LeftButton, {}, p);
    ASSERT_EQ(canvas()->measurePoints().size(), 3u);
    const gis::Point a = canvas()->toLonLat(clicks[0]), b = canvas()->toLonLat(clicks[1]),
                     c = canvas()->toLonLat(clicks[2]);
    EXPECT_NEAR(canvas()->measuredLengthM(), gis::geodesicDistanceM(a, b) + gis::geodesicDistanceM(b, c), 1e-6);
    // a right triangle of ~ 300 x 200 px: half the product of its legs within 1 %
    const double legs = gis::geodesicDistanceM(a, b) * gis::geodesicDistanceM(b, c) / 2.0;
    EXPECT_NEAR(canvas()->measuredAreaM2() / legs, 1.0, 0.01);
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(QStringLiteral("Jarak ")));
    action("actionPan")->trigger();
}

TEST_F(Desktop, ExportsTheCurrentViewToPdf)
{
    for (int i = 0; i < 3; ++i)
        wheel(QPointF(700, 380), 120);
    const gis::Extent view = canvas()->view();
    app::ui::ExportDialog dialog(window.workspace(), view, &window);
    ASSERT_EQ(dialog.extentBox()->currentData().toString(), QStringLiteral("view"));
    dialog.titleEdit()->setText(QStringLiteral("Peta uji tampilan"));
    const layers::ThematicMapSpec spec = dialog.spec();
    ASSERT_TRUE(spec.view.has_value());
    // the page shows the view: it covers it and is no wider in both directions
    const layers::ThematicMap map(*window.dataset(), spec);
    QImage page(1188, 840, QImage::Format_RGB32);
    QPainter painter(&page);
    const layers::PageResult result = map.renderPage(painter, QRectF(0, 0, 1188, 840), 100.0);
    painter.end();
    EXPECT_LE(result.view.minX, view.minX + 1e-9);
    EXPECT_GE(result.view.maxX, view.maxX - 1e-9);
    EXPECT_LE(result.view.minY, view.minY + 1e-9);
    EXPECT_GE(result.view.maxY, view.maxY - 1e-9);
    EXPECT_TRUE(std::abs(result.view.width() / view.width() - 1) < 0.1
                || std::abs(result.view.height() / view.height() - 1) < 0.1);
    EXPECT_FALSE(dialog.preview()->pixmap().isNull()) << "the dialog shows a preview";

    const auto dir = testutil::tempDir("desktop_export_view");
    const auto pdf = dir / "tampilan.pdf";
    dialog.exportTo(QString::fromStdString(pdf.string()));
    ASSERT_TRUE(std::filesystem::exists(pdf));
    if (testutil::havePoppler()) {
        EXPECT_EQ(testutil::pdfPageCount(pdf), 1);
        EXPECT_NE(testutil::pdfText(pdf).find("Peta uji tampilan"), std::string::npos);
    }
}

namespace {

/// Every text a user can read in the window's chrome: actions, menus, dock titles, panel labels,
/// combo box items, layer names and the legend.
QStringList visibleTexts(MainWindow& window)
{
    QStringList out;
    for (QAction* a : window.findChildren<QAction*>())
        if (!a->text().isEmpty())
            out << a->text() << a->toolTip();
    for (QMenu* m : window.findChildren<QMenu*>())
        out << m->title();
    for (QDockWidget* d : window.findChildren<QDockWidget*>())
        out << d->windowTitle();
    for (QLabel* l : window.findChildren<QLabel*>())
        out << l->text();
    for (QComboBox* c : window.findChildren<QComboBox*>())
        for (int i = 0; i < c->count(); ++i)
            out << c->itemText(i);
    for (QWidget* w : window.findChildren<QWidget*>())
        if (!w->toolTip().isEmpty())
            out << w->toolTip();
    auto* model = window.workspace()->layerList();
    for (int i = 0; i < model->rowCount(); ++i)
        out << model->index(i).data().toString();
    out << window.legendPanel()->texts();
    return out;
}

} // namespace

TEST_F(Desktop, LanguageSwitchLeavesNoEnglishInTheIndonesianUi)
{
    action("actionLanguageEn")->trigger();
    EXPECT_TRUE(visibleTexts(window).contains(QStringLiteral("&File")));
    EXPECT_EQ(app::ui::savedLanguage(), app::ui::UiLanguage::English) << "the choice persists";
    action("actionLanguageId")->trigger();
    EXPECT_EQ(app::ui::savedLanguage(), app::ui::UiLanguage::Indonesian);
    // English words of the UI's vocabulary that have no place in Indonesian text
    const std::set<QString> english{
        "the",        "of",      "and",          "to",       "from",      "with",     "for",       "open",
        "file",       "project", "new",          "save",     "copy",      "export",   "map",       "meeting",
        "pack",       "quit",    "view",         "whole",    "regency",   "zoom",     "selection", "clear",
        "tools",      "pan",     "identify",     "box",      "measure",   "distance", "language",  "layers",
        "layer",      "style",   "legend",       "opacity",  "move",      "up",       "down",      "period",
        "priority",   "scheme",  "classes",      "colours",  "quantiles", "equal",    "intervals", "standard",
        "deviations", "names",   "facilities",   "reach",    "thematic",  "score",    "hotspots",  "base",
        "boundaries", "values",  "illustrative", "official", "imported",  "none",     "scale",     "recent",
        "example",    "tick",    "show",         "drawn",    "chosen",    "breaks",   "when",      "they",
        "fit",        "current", "close",        "title",    "paper",     "template", "no",        "data",
        "or",
    };
    // allowed: the language's own name, product and format names, and the Jenks method's name
    const QStringList allowed{"English", "Natural breaks (Jenks)", "natural breaks (Jenks)"};
    QStringList offending;
    for (QString text : visibleTexts(window)) {
        for (const QString& a : allowed)
            text.remove(a);
        text.remove(QLatin1Char('&'));
        for (const QString& word : text.split(QRegularExpression("[^\\p{L}]+"), Qt::SkipEmptyParts))
            if (english.count(word.toLower()) && word != QStringLiteral("data")) // "data" is Indonesian too
                offending << text;
    }
    offending.removeDuplicates();
    EXPECT_TRUE(offending.isEmpty()) << offending.join(" | ").toStdString();
    EXPECT_TRUE(visibleTexts(window).contains(QStringLiteral("&Berkas")));
}

TEST_F(Desktop, ANonProjectFileGivesAPlainIndonesianMessage)
{
    const auto dir = testutil::tempDir("desktop_not_a_project");
    const auto path = dir / "catatan.sasaran.sqlite";
    std::ofstream(path) << "ini bukan basis data, hanya catatan rapat\n";
    QString text, title;
    QTimer::singleShot(0, [&] {
        for (int i = 0; i < 200 && text.isEmpty(); ++i) {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                    text = box->text();
                    title = box->windowTitle();
                    box->button(QMessageBox::Ok)->click();
                }
            if (text.isEmpty())
                QTest::qWait(10);
        }
    });
    EXPECT_FALSE(window.openProject(QString::fromStdString(path.string())));
    EXPECT_EQ(title, QStringLiteral("Buka proyek"));
    EXPECT_TRUE(text.contains(QStringLiteral("Berkas “catatan.sasaran.sqlite” bukan proyek Sasaran")))
        << text.toStdString();
    for (const char* raw : {"SELECT", "sqlite_master", "meta", "sasaran-cli", "--", "database", "in:"})
        EXPECT_FALSE(text.contains(QString::fromLatin1(raw))) << raw << " in " << text.toStdString();
    // a missing file and a foreign server URI get their own sentences
    const QString missing =
        app::ui::UserMessages::forError(gis::ProjectError("project '/x/y.sasaran.sqlite' does not exist"),
                                        app::ui::UserAction::OpenProject, QStringLiteral("/x/y.sasaran.sqlite"));
    EXPECT_EQ(missing,
              QStringLiteral("Berkas “y.sasaran.sqlite” tidak ditemukan. Periksa folder dan namanya, atau "
                             "pilih proyek lain."));
    EXPECT_EQ(window.dataset()->villages().size(), 302u) << "the example stays open";
}

TEST_F(Desktop, RecentProjectsAndSaveACopy)
{
    const auto dir = testutil::tempDir("desktop_recent");
    const QString copy = QString::fromStdString((dir / "salinan.sasaran.sqlite").string());
    window.workspace()->saveCopy(copy);
    ASSERT_TRUE(window.openProject(copy));
    EXPECT_EQ(window.dataset()->villages().size(), 302u);
    bool listed = false;
    for (QMenu* m : window.findChildren<QMenu*>())
        if (m->title() == QStringLiteral("Proyek &terakhir"))
            for (QAction* a : m->actions())
                listed = listed || a->text() == QStringLiteral("salinan.sasaran.sqlite");
    EXPECT_TRUE(listed);
    waitForFrame();
}

TEST_F(Desktop, SaveACopyKeepsTheProjectsDem)
{
    const auto dir = testutil::tempDir("desktop_copy_dem");
    const std::string demo = (dir / "demo.sasaran.sqlite").string();
    ASSERT_EQ(testutil::runCli({"demo", demo}).code, 0);
    ASSERT_TRUE(window.openProject(QString::fromStdString(demo)));
    const std::string copy = (dir / "salinan.sasaran.sqlite").string();
    window.workspace()->saveCopy(QString::fromStdString(copy));
    const auto original = gis::loadRaster(demo, gis::RasterKind::Dem);
    const auto copied = gis::loadRaster(copy, gis::RasterKind::Dem);
    ASSERT_TRUE(original.has_value());
    ASSERT_TRUE(copied.has_value()) << "the DEM lives in the file, outside the dataset";
    EXPECT_EQ(copied->grid.width, original->grid.width);
    EXPECT_EQ(copied->grid.values.size(), original->grid.values.size());
    EXPECT_EQ(std::memcmp(copied->grid.values.data(), original->grid.values.data(),
                          original->grid.values.size() * sizeof(float)),
              0);
    waitForFrame();
}

TEST_F(Desktop, PekonNamesAppearOnlyWhenTheyFit)
{
    auto* model = window.workspace()->layerList();
    auto frameWithNames = [&](bool shown) {
        model->setVisible(QStringLiteral("labels:pekon"), shown);
        waitForFrame();
        return frameOf(canvas());
    };
    // the whole regency: 302 names do not fit, so none is drawn
    EXPECT_EQ(frameWithNames(true), frameWithNames(false));
    EXPECT_FALSE(app::ui::villageLabelsFit(302, QSizeF(900, 700)));
    const QPointF centre = QRectF(canvas()->rect()).center();
    for (int i = 0; i < 10; ++i)
        wheel(centre, 120);
    EXPECT_NE(frameWithNames(true), frameWithNames(false));
}

TEST_F(Desktop, ANewProjectFromRealBoundariesIsNotABlankMap)
{
    const auto desa = testutil::sharedData("tanggamus/desa.gpkg");
    if (desa.empty())
        GTEST_SKIP() << "shared Tanggamus boundaries not present";
    const auto dir = testutil::tempDir("desktop_new_project");
    const QString project = QString::fromStdString((dir / "baru.sasaran.sqlite").string());
    ASSERT_TRUE(window.newProjectFrom(QString::fromStdString(desa), project));
    EXPECT_GT(window.dataset()->villages().size(), 250u);
    EXPECT_TRUE(window.statusPanel()->boundaryText().startsWith(QStringLiteral("Batas wilayah: desa.gpkg")))
        << window.statusPanel()->boundaryText().toStdString();
    EXPECT_EQ(window.statusPanel()->valueText(), QStringLiteral("Angka: belum ada yang diimpor"));
    waitForFrame();
    // the areas are drawn: many more colours than the sea alone
    std::set<QRgb> colours;
    const QImage frame = frameOf(canvas());
    for (int y = 0; y < frame.height(); y += 4)
        for (int x = 0; x < frame.width(); x += 4)
            colours.insert(frame.pixel(x, y));
    EXPECT_GT(colours.size(), 6u);
}

TEST_F(Desktop, ANewViewSupersedesTheRunningFrame)
{
    const int before = canvas()->framesFinished();
    const QPointF centre = QRectF(canvas()->rect()).center();
    for (int i = 0; i < 20; ++i)
        wheel(centre + QPointF(i, 0), i % 2 ? 120 : -120); // each notch starts a new view at once
    waitForFrame();
    const int drawn = canvas()->framesFinished() - before;
    EXPECT_GE(drawn, 1);
    EXPECT_LT(drawn, 20) << "views that were superseded while drawing are not finished";
    EXPECT_TRUE(canvas()->frameIsCurrent());
}

TEST_F(Desktop, LisaClustersAreALayerWithIndonesianNames)
{
    QComboBox* theme = window.stylePanel()->themeBox();
    const int lisa = theme->findData(QStringLiteral("lisa:poverty_rate"));
    ASSERT_GE(lisa, 0);
    theme->setCurrentIndex(lisa);
    ASSERT_TRUE(window.workspace()->map()->isCategorical());
    const QString legend = window.legendPanel()->texts().join('\n');
    EXPECT_TRUE(legend.contains(QStringLiteral("tinggi-tinggi"))) << legend.toStdString();
    EXPECT_FALSE(legend.contains(QStringLiteral("high-high"))) << legend.toStdString();
    EXPECT_FALSE(legend.contains(QStringLiteral("not significant"))) << legend.toStdString();
    // every village is in one cluster row: the counts add up to the 302 pekon
    int total = 0;
    for (const auto& row : window.legendPanel()->rows())
        total += row.count;
    EXPECT_EQ(total, 302);
    waitForFrame();
}

TEST_F(Desktop, AClickOnTheMapShowsTheProfileAndSelectsTheTableRow)
{
    const gis::Area* gisting = window.dataset()->findArea("18.06.20.2005");
    ASSERT_NE(gisting, nullptr);
    const QPointF px = canvas()->transform().toPixel(gis::pointOnSurface(gisting->geometry));
    QTest::mouseClick(canvas(), Qt::LeftButton, {}, px.toPoint());
    EXPECT_EQ(window.profilePanel()->currentCode(), QStringLiteral("18.06.20.2005"));
    // the profile's values are analyze's: its poverty rate, in the Indonesian format
    const gis::AnalysisTable& table = *window.workspace()->analysis();
    std::size_t row = 0;
    while (row < table.rows.size() && table.rows[row].kode != "18.06.20.2005")
        ++row;
    ASSERT_LT(row, table.rows.size());
    const QString text = window.profilePanel()->plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Gisting Bawah"))) << text.toStdString();
    EXPECT_TRUE(text.contains(app::ui::formatNumber(table.value(row, "priority_score"), 2))) << text.toStdString();
    EXPECT_EQ(window.tablePanel()->selectedCodes(), QStringList{QStringLiteral("18.06.20.2005")});
    EXPECT_EQ(window.workspace()->selection(), std::set<std::string>{"18.06.20.2005"});
}

TEST_F(Desktop, SearchingAPekonSelectsAndZoomsToIt)
{
    const double fullHeight = canvas()->view().height();
    QLineEdit* edit = window.searchPanel()->lineEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Gisting Bawah"));
    // the completer's list is open over the window: take its first entry as a user would
    QWidget* popup = window.searchPanel()->completer()->popup();
    if (popup && popup->isVisible()) {
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
    } else {
        QTest::keyClick(edit, Qt::Key_Return);
    }
    EXPECT_EQ(window.workspace()->selection(), std::set<std::string>{"18.06.20.2005"});
    const gis::Area* gisting = window.dataset()->findArea("18.06.20.2005");
    const gis::Point inside = gis::pointOnSurface(gisting->geometry);
    const gis::Extent view = canvas()->view();
    EXPECT_TRUE(inside.x > view.minX && inside.x < view.maxX && inside.y > view.minY && inside.y < view.maxY);
    EXPECT_LT(view.height(), fullHeight / 5);
    EXPECT_EQ(window.profilePanel()->currentCode(), QStringLiteral("18.06.20.2005"));
    waitForFrame();
}

TEST_F(Desktop, FilteringTheTableSelectsOnTheMapAndBack)
{
    QLineEdit* filter = window.tablePanel()->filterEdit();
    filter->setFocus();
    QTest::keyClicks(filter, QStringLiteral("poverty_rate > 20"));
    QTest::keyClick(filter, Qt::Key_Return);
    std::set<std::string> expected;
    const gis::AnalysisTable& table = *window.workspace()->analysis();
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (table.value(r, "poverty_rate") > 20)
            expected.insert(table.rows[r].kode);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(window.workspace()->selection(), expected);
    // zoom to the selection covers every selected pekon
    window.findChild<QAction*>(QStringLiteral("actionZoomSelection"))->trigger();
    const gis::Extent view = canvas()->view();
    for (const std::string& code : expected) {
        const gis::Point p = gis::pointOnSurface(window.dataset()->findArea(code)->geometry);
        EXPECT_TRUE(p.x > view.minX && p.x < view.maxX && p.y > view.minY && p.y < view.maxY) << code;
    }
    // and back: clearing the selection on the map clears the table's
    window.findChild<QAction*>(QStringLiteral("actionClearSelection"))->trigger();
    EXPECT_TRUE(window.tablePanel()->selectedCodes().isEmpty());
    waitForFrame();
}

TEST_F(Desktop, TheChangeFromAnEarlierPeriodIsAMapWithBothPeriodsInItsLegend)
{
    // 2019: every pekon but Way Pring, a tenth fewer poor in every other pekon, a tenth more in the rest
    gis::Dataset ds = gis::buildDefaultDataset();
    std::vector<gis::IndicatorValue> later;
    int n = 0;
    for (const gis::IndicatorValue& v : ds.indicators) {
        if (v.period != "2018" || v.areaCode == "18.06.11.2020" || (v.key != "miskin" && v.key != "penduduk"))
            continue;
        gis::IndicatorValue w = v;
        w.period = "2019";
        if (v.key == "miskin")
            w.value = std::round(v.value * (n++ % 2 ? 1.1 : 0.9));
        later.push_back(w);
    }
    ds.indicators.insert(ds.indicators.end(), later.begin(), later.end());
    window.workspace()->setDataset(std::move(ds), QStringLiteral("dua periode"), QString());
    ASSERT_EQ(window.workspace()->period(), QStringLiteral("2019"));

    QComboBox* compare = window.stylePanel()->compareBox();
    ASSERT_NE(compare, nullptr);
    ASSERT_TRUE(compare->isEnabled()) << "two periods and an indicator shown";
    EXPECT_EQ(compare->currentIndex(), 0) << "no comparison until one is chosen";
    EXPECT_EQ(compare->count(), 2) << "(none) and 2018: the period shown is not offered";
    compare->setFocus();
    QTest::keyClick(compare, Qt::Key_Down);
    ASSERT_EQ(compare->currentText(), QStringLiteral("2018"));
    EXPECT_EQ(window.workspace()->comparePeriod(), QStringLiteral("2018"));

    ASSERT_NE(window.workspace()->map(), nullptr);
    EXPECT_EQ(window.workspace()->map()->indicator().key, "change_poverty_rate");
    EXPECT_TRUE(window.legendPanel()->heading().contains(QStringLiteral("Perubahan tingkat kemiskinan")))
        << window.legendPanel()->heading().toStdString();
    EXPECT_TRUE(window.legendPanel()->texts().join(QLatin1Char('\n')).contains(QStringLiteral("2018 → 2019")))
        << window.legendPanel()->texts().join(QLatin1Char('\n')).toStdString();
    // five classes from -W·5/2 to +W·5/2: the bounds mirror around zero; Way Pring has no change
    const auto& rows = window.legendPanel()->rows();
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_DOUBLE_EQ(rows[0].lower, -rows[4].upper);
    EXPECT_DOUBLE_EQ(rows[1].upper, -rows[3].lower);
    EXPECT_LT(rows[2].lower, 0.0);
    EXPECT_GT(rows[2].upper, 0.0);
    EXPECT_TRUE(rows[5].noData);
    EXPECT_EQ(rows[5].count, 1);
    EXPECT_EQ(window.workspace()->map()->classForArea("18.06.11.2020"), -1);
    EXPECT_EQ(window.workspace()->map()->classColors().at(2), QColor("#f7f7f7")) << "no change: the neutral middle";
    waitForFrame();

    // back to no comparison: the poverty rate of 2019 again
    QTest::keyClick(compare, Qt::Key_Up);
    EXPECT_TRUE(window.workspace()->comparePeriod().isEmpty());
    EXPECT_EQ(window.workspace()->map()->indicator().key, "poverty_rate");
    // the priority score has no change map: the choice is off
    QComboBox* theme = window.stylePanel()->themeBox();
    theme->setCurrentIndex(theme->findData(QStringLiteral("priority")));
    EXPECT_FALSE(compare->isEnabled());
}

TEST_F(Desktop, ALanguageSwitchKeepsTheHotspotsRankingAndProposalsShownInThePanels)
{
    // The panels are built again in the other language; the results they showed stay.
    const auto find = [this](const char* name) { return window.findChild<QWidget*>(QString::fromLatin1(name)); };
    QTest::mouseClick(static_cast<QPushButton*>(find("hotspotCompute")), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.workspace()->computedHotspots().empty(); }, 60000));
    auto* summary = static_cast<QLabel*>(find("hotspotSummary"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return summary->text().contains(QStringLiteral("Moran")); }, 10000));
    const QString hotspotsInBahasa = summary->text();

    QTest::mouseClick(static_cast<QPushButton*>(find("pokdarwisRank")), Qt::LeftButton);
    auto* ranking = static_cast<QTableWidget*>(find("pokdarwisTable"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return ranking->rowCount() > 0; }, 60000));
    const int rankingRows = ranking->rowCount();
    const QString firstCandidate = ranking->item(0, 1)->text();

    QTest::mouseClick(static_cast<QPushButton*>(find("placementRun")), Qt::LeftButton);
    auto* sites = static_cast<QTableWidget*>(find("placementSites"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return sites->rowCount() > 0; }, 60000));
    const int siteRows = sites->rowCount();
    const QString firstSite = sites->item(0, 1)->text();
    const std::size_t proposals = window.workspace()->proposals().sites.size();
    ASSERT_GT(proposals, 0u);

    action("actionLanguageEn")->trigger();
    QTest::qWait(50); // the old panels are deleted later
    summary = static_cast<QLabel*>(find("hotspotSummary"));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("Moran"))) << summary->text().toStdString();
    EXPECT_NE(summary->text(), hotspotsInBahasa) << "in English now";
    ranking = static_cast<QTableWidget*>(find("pokdarwisTable"));
    ASSERT_EQ(ranking->rowCount(), rankingRows);
    EXPECT_EQ(ranking->item(0, 1)->text(), firstCandidate);
    sites = static_cast<QTableWidget*>(find("placementSites"));
    ASSERT_EQ(sites->rowCount(), siteRows);
    EXPECT_EQ(sites->item(0, 1)->text(), firstSite);
    EXPECT_EQ(window.workspace()->proposals().sites.size(), proposals) << "and on the map";
    action("actionLanguageId")->trigger();
}
