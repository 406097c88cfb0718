// The placement panel driven through its widgets on the Tanggamus example: a run of 3 BUMDES
// sites puts 3 numbered proposals on the map with the figures of an independent gis placement
// call; saving writes a run into the project file; cancel stops a run without a result or a
// write; two saved runs are compared side by side and the chosen one is the meeting pack's.
#include "gis/analysis.h"
#include "gis/placement.h"
#include "gis/store.h"
#include "layers/facilitysymbol.h"
#include "testutil.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/mapcanvas.h"
#include "ui/placementpanel.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

using app::ui::MainWindow;
using app::ui::PlacementPanel;

namespace {

class PlacementPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.resize(1500, 950);
        window.openDefaultDataset();
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("placementDock"));
        ASSERT_NE(dock, nullptr) << "the panel is a dock of the main window";
        dock->show();
        dock->raise();
        ASSERT_NE(panel(), nullptr);
        ASSERT_TRUE(QTest::qWaitFor([&] { return window.canvas()->frameIsCurrent(); }, 10000));
    }

    PlacementPanel* panel() { return window.placementPanel(); }
    app::ui::Workspace* workspace() { return window.workspace(); }

    /// Picks the item whose data is \a value by the keyboard, as a user would.
    static void choose(QComboBox* box, const QString& value)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Home);
        for (int i = 0; i < box->count() && box->currentData().toString() != value; ++i)
            QTest::keyClick(box, Qt::Key_Down);
        ASSERT_EQ(box->currentData().toString(), value);
    }
    static void type(QAbstractSpinBox* spin, const QString& text)
    {
        spin->setFocus();
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, text);
        QTest::keyClick(spin, Qt::Key_Tab);
    }
    static void click(QAbstractButton* button)
    {
        ASSERT_TRUE(button->isEnabled()) << button->text().toStdString();
        QTest::mouseClick(button, Qt::LeftButton);
    }
    static void clickRow(QTableWidget* table, int row)
    {
        table->scrollToItem(table->item(row, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 1)).center());
    }

    /// Sets kind, count and the rest through the widgets and waits for the run to end.
    void runThroughTheWidgets(const QString& kind, int count)
    {
        choose(panel()->kindBox(), kind);
        type(panel()->countSpin(), QString::number(count));
        ASSERT_EQ(panel()->countSpin()->value(), count);
        QSignalSpy finished(panel(), &PlacementPanel::runFinished);
        click(panel()->runButton());
        ASSERT_TRUE(finished.wait(60000)) << "the run ends";
        ASSERT_FALSE(panel()->running());
        ASSERT_TRUE(panel()->result().has_value()) << panel()->statusLabel()->text().toStdString();
    }

    std::vector<gis::PlacementRun> programsInTheFile()
    {
        return gis::openProject(workspace()->storeLocation().toStdString(), gis::OpenMode::ReadOnly)->read().programs;
    }

    MainWindow window;
};

gis::PlacementOptions bumdesOptions(const QString& period, std::size_t count)
{
    gis::PlacementOptions o;
    o.kind = "BUMDES";
    o.count = count;
    o.method = gis::PlacementMethod::MaxCover;
    o.radiusKm = 5.0;
    o.period = period.toStdString();
    return o;
}

/// Pixels within \a half of \a at close to the proposed sites' blue.
int bluePixelsAround(const QImage& image, QPointF at, int half)
{
    const QColor blue = layers::proposedSiteFillColor();
    int n = 0;
    for (int y = int(at.y()) - half; y <= int(at.y()) + half; ++y)
        for (int x = int(at.x()) - half; x <= int(at.x()) + half; ++x) {
            if (!image.rect().contains(x, y))
                continue;
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - blue.red()) + std::abs(c.green() - blue.green()) + std::abs(c.blue() - blue.blue())
                < 40)
                ++n;
        }
    return n;
}

} // namespace

TEST_F(PlacementPanelTest, ThreeBumdesAreNumberedOnTheMapWithTheLibrarysFigures)
{
    // no road network in the project: travel time is off and says why
    EXPECT_FALSE(panel()->roadsButton()->isEnabled());
    EXPECT_TRUE(panel()->distanceButton()->isChecked());
    EXPECT_FALSE(panel()->roadsNote()->text().isEmpty());
    EXPECT_TRUE(panel()->roadsNote()->isVisible());

    runThroughTheWidgets(QStringLiteral("BUMDES"), 3);

    // the same call made independently
    const gis::Dataset& ds = *workspace()->dataset();
    const gis::PlacementOptions o = bumdesOptions(workspace()->period(), 3);
    const gis::PlacementResult expected = gis::placeFacilities(ds, o);
    const gis::PlacementSummary summary = gis::summarisePlacement(ds, o, expected);
    const gis::PlacementResult& got = *panel()->result();
    ASSERT_EQ(expected.sites.size(), 3u);
    ASSERT_EQ(got.sites.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(got.sites[k].code, expected.sites[k].code) << "site " << k + 1;
        EXPECT_DOUBLE_EQ(got.sites[k].gain, expected.sites[k].gain);
    }
    EXPECT_DOUBLE_EQ(got.before, expected.before);
    EXPECT_DOUBLE_EQ(got.after, expected.after);
    EXPECT_GT(expected.after, expected.before) << "three new BUMDES reach more poor people";
    ASSERT_TRUE(summary.access && summary.priority);
    ASSERT_TRUE(panel()->summary().access && panel()->summary().priority);
    EXPECT_DOUBLE_EQ(panel()->summary().access->meanAfter, summary.access->meanAfter);
    EXPECT_DOUBLE_EQ(panel()->summary().priority->after, summary.priority->after);

    // the figures as shown (English source texts; numbers in the UI locale)
    const QString figures = panel()->figuresLabel()->text();
    auto count = [](double v) { return app::ui::formatCount(std::llround(v)); };
    EXPECT_TRUE(figures.contains(count(expected.before))) << figures.toStdString();
    EXPECT_TRUE(figures.contains(count(expected.after))) << figures.toStdString();
    EXPECT_TRUE(figures.contains(app::ui::formatNumber(summary.afterPercent, 1) + QStringLiteral(" %")));
    EXPECT_TRUE(figures.contains(app::ui::formatNumber(summary.access->meanAfter, 3))) << figures.toStdString();
    EXPECT_TRUE(figures.contains(count(summary.priority->after))) << "what the highest-priority pekon would reach";
    ASSERT_EQ(panel()->sitesTable()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        EXPECT_EQ(panel()->sitesTable()->item(row, 0)->text(), QString::number(row + 1));
        EXPECT_EQ(panel()->sitesTable()->item(row, 1)->text(),
                  QString::fromStdString(expected.sites[static_cast<std::size_t>(row)].name));
    }

    // on the map: a proposals layer above the pekon layer with the 3 sites numbered by gain
    const auto layers = workspace()->renderLayers();
    ASSERT_EQ(layers->proposals.sites.size(), 3u);
    EXPECT_EQ(layers->proposals.kind, "BUMDES");
    EXPECT_DOUBLE_EQ(layers->proposals.reachKm, 5.0);
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(layers->proposals.sites[k].rank, static_cast<int>(k + 1));
        EXPECT_EQ(layers->proposals.sites[k].code, expected.sites[k].code);
    }
    const int proposalsRow = workspace()->layerList()->rowOf(QStringLiteral("proposals"));
    ASSERT_GE(proposalsRow, 0);
    EXPECT_LT(proposalsRow, workspace()->layerList()->rowOf(QStringLiteral("pekon"))) << "drawn over the pekon";
    EXPECT_TRUE(workspace()->layerList()->entry(QStringLiteral("proposals"))->visible);
    // the frame drawn has the proposed sites' blue disc at each site
    window.canvas()->zoomToFullExtent();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.canvas()->frameIsCurrent(); }, 10000));
    const QImage frame = window.canvas()->frame();
    for (const gis::PlacedSite& site : expected.sites) {
        const QPointF px = window.canvas()->transform().toPixel(site.point);
        EXPECT_GE(bluePixelsAround(frame, px * frame.devicePixelRatio(), 8), 30) << site.code;
    }
    // nothing saved yet
    EXPECT_TRUE(programsInTheFile().empty());
}

TEST_F(PlacementPanelTest, SavingStoresTheRunInTheProjectFile)
{
    ASSERT_TRUE(workspace()->canEdit());
    runThroughTheWidgets(QStringLiteral("BUMDES"), 3);
    ASSERT_TRUE(panel()->saveButton()->isEnabled());
    click(panel()->saveButton());
    EXPECT_FALSE(panel()->saveButton()->isEnabled()) << "saved once";

    const std::vector<gis::PlacementRun> runs = programsInTheFile();
    ASSERT_EQ(runs.size(), 1u);
    const gis::PlacementRun& run = runs.front();
    EXPECT_EQ(run.kind, "BUMDES");
    EXPECT_EQ(run.method, "mclp");
    EXPECT_EQ(run.count, 3u);
    ASSERT_TRUE(run.radiusKm.has_value());
    EXPECT_DOUBLE_EQ(*run.radiusKm, 5.0);
    const gis::PlacementResult expected =
        gis::placeFacilities(*workspace()->dataset(), bumdesOptions(workspace()->period(), 3));
    ASSERT_EQ(run.sites.size(), 3u);
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(run.sites[k].rank, static_cast<int>(k + 1));
        EXPECT_EQ(run.sites[k].code, expected.sites[k].code);
    }
    ASSERT_TRUE(run.coveredBefore && run.coveredAfter);
    EXPECT_NEAR(*run.coveredAfter, expected.after, 1e-6);
    // listed in the panel
    ASSERT_EQ(panel()->runsTable()->rowCount(), 1);
    EXPECT_EQ(panel()->runsTable()->item(0, 0)->text(), QString::number(run.id));
    // the proposals stay on the map through the commit
    EXPECT_EQ(workspace()->renderLayers()->proposals.sites.size(), 3u);
}

TEST_F(PlacementPanelTest, AProjectThatCannotBeEditedSavesNothingAndSaysWhy)
{
    gis::Dataset copy = *workspace()->dataset();
    workspace()->setDataset(std::move(copy), QStringLiteral("copy"), QString());
    ASSERT_FALSE(workspace()->canEdit());
    runThroughTheWidgets(QStringLiteral("BUMDES"), 3); // runs on an immutable copy
    EXPECT_EQ(panel()->result()->sites.size(), 3u);
    EXPECT_FALSE(panel()->saveButton()->isEnabled());
    EXPECT_EQ(panel()->saveNote()->text(), workspace()->readOnlyReason());
    EXPECT_EQ(panel()->saveResult(), 0);
}

TEST_F(PlacementPanelTest, CancelStopsARunWithoutAResultOrAWrite)
{
    // a long run: p-median under a capacity with many sites
    choose(panel()->methodBox(), QStringLiteral("pmedian"));
    click(panel()->capacityCheck());
    type(panel()->capacitySpin(), QStringLiteral("200"));
    choose(panel()->kindBox(), QStringLiteral("PUSKESSOS"));
    type(panel()->countSpin(), QStringLiteral("40"));
    QSignalSpy finished(panel(), &PlacementPanel::runFinished);
    QElapsedTimer started;
    started.start();
    click(panel()->runButton());
    EXPECT_LT(started.elapsed(), 50) << "starting a run does not block the GUI";
    EXPECT_TRUE(panel()->running());
    EXPECT_TRUE(panel()->cancelButton()->isEnabled());
    EXPECT_FALSE(panel()->runButton()->isEnabled());
    // the GUI keeps answering while the worker runs
    QTest::qWait(100);
    click(panel()->cancelButton());
    ASSERT_TRUE(finished.wait(20000)) << "the run stops soon after cancel";
    EXPECT_FALSE(panel()->running());
    EXPECT_FALSE(panel()->result().has_value());
    EXPECT_TRUE(panel()->statusLabel()->text().contains(QStringLiteral("Stopped"))) << "says so";
    EXPECT_FALSE(panel()->saveButton()->isEnabled());
    EXPECT_EQ(panel()->sitesTable()->rowCount(), 0);
    EXPECT_TRUE(workspace()->renderLayers()->proposals.sites.empty()) << "nothing proposed on the map";
    EXPECT_EQ(workspace()->layerList()->rowOf(QStringLiteral("proposals")), -1);
    EXPECT_TRUE(programsInTheFile().empty()) << "nothing written";
    EXPECT_TRUE(panel()->runButton()->isEnabled()) << "a new run can start";
}

TEST_F(PlacementPanelTest, TwoRunsAreComparedAndTheChosenOneIsInTheMeetingPack)
{
    runThroughTheWidgets(QStringLiteral("BUMDES"), 3);
    click(panel()->saveButton());
    runThroughTheWidgets(QStringLiteral("PUSKESSOS"), 2);
    click(panel()->saveButton());
    const std::vector<gis::PlacementRun> runs = programsInTheFile();
    ASSERT_EQ(runs.size(), 2u);
    ASSERT_EQ(panel()->runsTable()->rowCount(), 2);

    clickRow(panel()->runsTable(), 0);
    clickRow(panel()->runsTable(), 1);
    QTableWidget* compare = panel()->compareTable();
    ASSERT_TRUE(compare->isVisible()) << "two selected: side by side";
    ASSERT_EQ(compare->columnCount(), 2);
    EXPECT_EQ(compare->horizontalHeaderItem(0)->text(), QStringLiteral("Proposal %1").arg(runs[0].id));
    EXPECT_EQ(compare->horizontalHeaderItem(1)->text(), QStringLiteral("Proposal %1").arg(runs[1].id));
    auto rowNamed = [&](const QString& name) {
        for (int r = 0; r < compare->rowCount(); ++r)
            if (compare->verticalHeaderItem(r)->text() == name)
                return r;
        return -1;
    };
    const int kindRow = rowNamed(QStringLiteral("Kind")), sitesRow = rowNamed(QStringLiteral("Sites"));
    const int afterRow = rowNamed(QStringLiteral("Reached after"));
    ASSERT_GE(kindRow, 0);
    ASSERT_GE(sitesRow, 0);
    ASSERT_GE(afterRow, 0);
    EXPECT_EQ(compare->item(kindRow, 0)->text(), QStringLiteral("BUMDes"));
    EXPECT_EQ(compare->item(kindRow, 1)->text(), QStringLiteral("Puskessos"));
    EXPECT_EQ(compare->item(sitesRow, 0)->text(), QStringLiteral("3"));
    EXPECT_EQ(compare->item(sitesRow, 1)->text(), QStringLiteral("2"));
    EXPECT_EQ(compare->item(afterRow, 0)->text(), app::ui::formatCount(std::llround(*runs[0].coveredAfter)));
    EXPECT_EQ(compare->item(afterRow, 1)->text(), app::ui::formatCount(std::llround(*runs[1].coveredAfter)));

    // keep only the first (the earlier, not the latest) and choose it for the pack
    clickRow(panel()->runsTable(), 1);
    EXPECT_FALSE(compare->isVisible());
    QSignalSpy chosen(panel(), &PlacementPanel::reportRunChosen);
    click(panel()->reportRunButton());
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.front().front().toLongLong(), runs[0].id);
    EXPECT_EQ(panel()->reportRunId(), runs[0].id);
    EXPECT_FALSE(panel()->runsTable()->item(0, 7)->text().isEmpty()) << "marked as the pack's";
    EXPECT_TRUE(panel()->runsTable()->item(1, 7)->text().isEmpty());
    // show it on the map
    click(panel()->showRunButton());
    EXPECT_EQ(workspace()->renderLayers()->proposals.sites.size(), 3u);
    EXPECT_EQ(workspace()->renderLayers()->proposals.sites.front().code, runs[0].sites.front().code);

    const auto dir = testutil::tempDir("placementpanel_pack");
    const auto pdf = dir / "bahan_rakor.pdf";
    ASSERT_TRUE(window.exportReportTo(QString::fromStdString(pdf.string())));
    ASSERT_TRUE(std::filesystem::exists(pdf));
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext is not installed";
    const std::string text = testutil::pdfText(pdf);
    const bool id = app::ui::pageLanguage() == layers::Lang::Id; // the pack speaks the UI's language
    EXPECT_NE(text.find(id ? "Usulan Lokasi 3 BUMDes Baru" : "Proposed Sites for 3 BUMDes"), std::string::npos)
        << "the chosen run's proposals";
    EXPECT_EQ(text.find(id ? "Usulan Lokasi 2 Puskessos Baru" : "Proposed Sites for 2 Puskessos"), std::string::npos)
        << "not the latest run's";
    EXPECT_NE(text.find((id ? "(usulan " : "(proposal ") + std::to_string(runs[0].id) + ","), std::string::npos);
    EXPECT_NE(text.find(runs[0].sites.front().name), std::string::npos) << "its sites are in the table";
    // the map page's legend counts the chosen run's sites and names their kind
    EXPECT_NE(text.find(id ? "Usulan lokasi baru (3)" : "Proposed new sites (3)"), std::string::npos);
    EXPECT_NE(text.find(id ? "urutan manfaat; BUMDes" : "order of gain; BUMDes"), std::string::npos);
}

TEST_F(PlacementPanelTest, CandidatesFromARuleOrTheSelection)
{
    // a rule on a column: the 40 highest-priority pekon
    choose(panel()->candidateBox(), QString::number(static_cast<int>(PlacementPanel::CandidateSource::Rule)));
    EXPECT_TRUE(panel()->ruleColumnBox()->isVisible());
    choose(panel()->ruleColumnBox(), QStringLiteral("priority_rank"));
    choose(panel()->ruleOperatorBox(), QStringLiteral("<="));
    type(panel()->ruleValueSpin(), QStringLiteral("40"));
    EXPECT_EQ(panel()->options().candidates, "priority_rank<=40");
    runThroughTheWidgets(QStringLiteral("PUSKESSOS"), 3);
    const gis::AnalysisTable& table = *workspace()->analysis();
    for (const gis::PlacedSite& site : panel()->result()->sites)
        for (std::size_t r = 0; r < table.rows.size(); ++r)
            if (table.rows[r].kode == site.code) {
                EXPECT_LE(table.value(r, "priority_rank"), 40.0) << site.code;
            }
    EXPECT_EQ(panel()->result()->candidateCount, 40u);

    // the pekon selected on the map: nothing selected, nothing to run on
    choose(panel()->candidateBox(), QString::number(static_cast<int>(PlacementPanel::CandidateSource::Selection)));
    workspace()->setSelection({});
    EXPECT_FALSE(panel()->runButton()->isEnabled()) << "asks for a selection first";
    std::set<std::string> picked;
    for (const gis::Area* v : workspace()->dataset()->villages()) {
        picked.insert(v->code);
        if (picked.size() == 4)
            break;
    }
    workspace()->setSelection(picked);
    EXPECT_TRUE(panel()->runButton()->isEnabled());
    runThroughTheWidgets(QStringLiteral("PUSKESSOS"), 2);
    EXPECT_EQ(panel()->result()->candidateCount, 4u);
    for (const gis::PlacedSite& site : panel()->result()->sites)
        EXPECT_TRUE(picked.count(site.code)) << site.code << " is one of the selected pekon";
}
