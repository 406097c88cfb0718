// The priority panel driven through its real widgets (offscreen): a weight moved by key or mouse
// scores the pekon again as gis::scorePriority does with the same weights, and the map and the
// table (with the rank change) follow; a scheme saved is in the project file and loads again;
// the default is restorable; saving is disabled with a note on a project that cannot be
// written; rank stability computed in the background is gis::prioritySensitivity's.
#include "gis/analysis.h"
#include "gis/priority.h"
#include "gis/store.h"
#include "layers/maplayers.h"
#include "layers/thematicmap.h"
#include "testutil.h"
#include "ui/mainwindow.h"
#include "ui/prioritypanel.h"
#include "ui/profilepanel.h"
#include "ui/stylepanel.h"
#include "ui/tablepanel.h"
#include "ui/villagetablemodel.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

#include <cmath>

using app::ui::MainWindow;
using app::ui::PriorityPanel;
using app::ui::VillageTableModel;

namespace {

std::vector<std::string> codesOf(const gis::AnalysisTable& t)
{
    std::vector<std::string> codes;
    for (const auto& row : t.rows)
        codes.push_back(row.kode);
    return codes;
}

class PriorityPanelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.resize(1400, 900);
        window.openDefaultDataset();
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        showDocks();
        // the inputs of an analysis made here, apart from the workspace's
        baseline = gis::analyzeVillages(*window.workspace()->dataset(), window.workspace()->period().toStdString());
    }
    void showDocks()
    {
        window.findChild<QDockWidget*>(QStringLiteral("priorityDock"))->raise();
        window.findChild<QDockWidget*>(QStringLiteral("tableDock"))->show();
        QApplication::processEvents();
    }
    PriorityPanel* panel() { return window.priorityPanel(); }
    app::ui::Workspace* ws() { return window.workspace(); }
    VillageTableModel* model() { return window.tablePanel()->model(); }
    int columnOf(const char* key) { return model()->columnOfKey(QString::fromLatin1(key)); }
    /// The table's value of \a key for pekon \a code.
    QVariant cell(const std::string& code, const char* key, int role = VillageTableModel::RawValueRole)
    {
        const int row = model()->rowOfCode(QString::fromStdString(code));
        return model()->data(model()->index(row, columnOf(key)), role);
    }
    void click(QWidget* w)
    {
        ASSERT_TRUE(w->isVisible()) << w->objectName().toStdString();
        ASSERT_TRUE(w->isEnabled()) << w->objectName().toStdString();
        QTest::mouseClick(w, Qt::LeftButton);
    }

    MainWindow window;
    gis::AnalysisTable baseline;
};

} // namespace

TEST_F(PriorityPanelTest, ListsTheSchemeIndicatorsByTheirLabels)
{
    const gis::PriorityScheme def = gis::defaultPriorityScheme();
    ASSERT_EQ(panel()->indicatorCount(), static_cast<int>(def.indicators.size()));
    for (int i = 0; i < panel()->indicatorCount(); ++i) {
        const QString key = QString::fromStdString(def.indicators[static_cast<std::size_t>(i)].key);
        EXPECT_EQ(panel()->indicatorLabel(i)->text(), VillageTableModel::columnLabel(key));
        EXPECT_NE(panel()->indicatorLabel(i)->text(), key) << "a label, not the key";
        EXPECT_EQ(panel()->shareLabel(i)->text(), QStringLiteral("20 %")) << "five equal weights";
        EXPECT_TRUE(panel()->weightSlider(i)->isVisible());
    }
    EXPECT_EQ(panel()->indicatorLabel(0)->text(), QStringLiteral("Poverty rate (%)"));
    EXPECT_FALSE(panel()->discardButton()->isEnabled()) << "nothing edited yet";
}

TEST_F(PriorityPanelTest, MovingAWeightReScoresTheRankingTheMapAndTheTable)
{
    const std::vector<std::string> codes = codesOf(baseline);
    ASSERT_EQ(ws()->analysis()->priority.rank, baseline.priority.rank);
    const auto mapBefore = ws()->map();

    // poverty rate three page steps up (50 -> 80: weight 1.6 against 1.0), by the keyboard
    QSlider* slider = panel()->weightSlider(0);
    slider->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(slider, Qt::Key_PageUp);
    EXPECT_EQ(slider->value(), 80);
    // the capital's distance dragged down by the mouse: a click left of the handle pages down
    QSlider* capital = panel()->weightSlider(4);
    QTest::mouseClick(capital, Qt::LeftButton, {}, QPoint(4, capital->height() / 2));
    EXPECT_EQ(capital->value(), 40);

    gis::PriorityScheme expected = gis::defaultPriorityScheme();
    expected.indicators[0].weight = 1.6;
    expected.indicators[4].weight = 0.8;
    const gis::PriorityResult independent = gis::scorePriority(expected, codes, baseline.inputs);
    const gis::AnalysisTable* now = ws()->analysis();
    ASSERT_NE(now, nullptr);
    EXPECT_TRUE(ws()->schemeEdited());
    EXPECT_EQ(now->priority.rank, independent.rank);
    EXPECT_NE(now->priority.rank, baseline.priority.rank) << "the weights reorder the pekon";
    EXPECT_NEAR(now->scheme.indicators[0].weight, 1.6, 1e-12);
    EXPECT_EQ(panel()->shareLabel(0)->text(), QStringLiteral("30 %")) << "1.6 of 5.4";

    // the map shows the new score: its values and classes changed
    EXPECT_EQ(ws()->themeKey(), QStringLiteral("priority"));
    const auto map = ws()->map();
    ASSERT_NE(map, nullptr);
    ASSERT_NE(map, mapBefore);
    int classChanged = 0;
    layers::ThematicMapSpec defaultSpec = ws()->mapSpec();
    defaultSpec.layer = layers::priorityLayer(baseline, defaultSpec.lang);
    const layers::ThematicMap defaultMap(*ws()->dataset(), defaultSpec);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const auto v = map->valueForArea(codes[i]);
        if (std::isnan(independent.score[i])) {
            EXPECT_FALSE(v.has_value());
            continue;
        }
        ASSERT_TRUE(v.has_value()) << codes[i];
        EXPECT_NEAR(*v, independent.score[i], 1e-9) << codes[i];
        classChanged += map->classForArea(codes[i]) != defaultMap.classForArea(codes[i]);
    }
    EXPECT_GT(classChanged, 0) << "some pekon change colour";

    // the table: new ranks and the change against the default scheme, shown ▲ / ▼ / =
    ASSERT_GE(columnOf("rank_change"), 0);
    int up = 0, down = 0, same = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (independent.rank[i] == 0)
            continue;
        EXPECT_EQ(cell(codes[i], "priority_rank").toDouble(), independent.rank[i]);
        const int change = baseline.priority.rank[i] - independent.rank[i];
        const QString shown = cell(codes[i], "rank_change", Qt::DisplayRole).toString();
        if (change > 0) {
            ++up;
            EXPECT_EQ(shown, QStringLiteral("▲%1").arg(change)) << codes[i];
        } else if (change < 0) {
            ++down;
            EXPECT_EQ(shown, QStringLiteral("▼%1").arg(-change)) << codes[i];
        } else {
            ++same;
            EXPECT_EQ(shown, QStringLiteral("=")) << codes[i];
        }
    }
    EXPECT_GT(up, 0);
    EXPECT_GT(down, 0);

    // sortable by a click on its heading: the largest rise first (or last), missing values last
    QHeaderView* header = window.tablePanel()->view()->horizontalHeader();
    const int column = columnOf("rank_change");
    window.tablePanel()->view()->scrollTo(model()->index(0, column));
    QApplication::processEvents();
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(header->sortIndicatorSection(), column);
    const bool descending = header->sortIndicatorOrder() == Qt::DescendingOrder;
    double previous = descending ? INFINITY : -INFINITY;
    for (int r = 0; r < model()->rowCount(); ++r) {
        const double v = model()->data(model()->index(r, column), VillageTableModel::RawValueRole).toDouble();
        if (std::isnan(v))
            continue;
        EXPECT_TRUE(descending ? v <= previous : v >= previous) << "row " << r;
        previous = v;
    }

    // another weight moved: the sort stays, the change is still against the default scheme
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown);
    EXPECT_EQ(header->sortIndicatorSection(), model()->columnOfKey(QStringLiteral("rank_change")));
    expected.indicators[0].weight = 1.4;
    const gis::PriorityResult again = gis::scorePriority(expected, codes, baseline.inputs);
    EXPECT_EQ(ws()->analysis()->priority.rank, again.rank);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (again.rank[i] > 0) {
            EXPECT_EQ(cell(codes[i], "rank_change").toDouble(), baseline.priority.rank[i] - again.rank[i]);
        }
    }
    EXPECT_GE(panel()->lastRescoreMs(), 0.0);
}

TEST_F(PriorityPanelTest, DirectionNormalisationAndTheMissingRuleScoreAsTheLibrary)
{
    const std::vector<std::string> codes = codesOf(baseline);
    QComboBox* direction = panel()->directionBox(2); // distance to the Puskessos
    direction->setFocus();
    QTest::keyClick(direction, Qt::Key_Down);
    QComboBox* normalisation = panel()->normalisationBox(1); // poor per km²
    normalisation->setFocus();
    QTest::keyClick(normalisation, Qt::Key_Down); // z-score
    QComboBox* missing = panel()->missingBox();
    missing->setFocus();
    QTest::keyClick(missing, Qt::Key_Down); // fill the worst

    gis::PriorityScheme expected = gis::defaultPriorityScheme();
    expected.indicators[2].direction = gis::Direction::HigherIsBetter;
    expected.indicators[1].normalisation = gis::Normalisation::ZScore;
    expected.missing = gis::MissingRule::FillWorst;
    const gis::PriorityResult independent = gis::scorePriority(expected, codes, baseline.inputs);
    EXPECT_EQ(ws()->analysis()->priority.rank, independent.rank);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (!std::isnan(independent.score[i])) {
            EXPECT_NEAR(ws()->analysis()->priority.score[i], independent.score[i], 1e-9);
        }
    }
    EXPECT_NE(gis::schemeToJson(ws()->analysis()->scheme).find("zscore"), std::string::npos);
}

TEST_F(PriorityPanelTest, ASavedSchemeIsInTheProjectFileLoadsAgainAndTheDefaultIsRestorable)
{
    const auto dir = testutil::tempDir("priority_panel_save");
    const std::string path = (dir / "skema.sasaran.sqlite").string();
    ws()->saveCopy(QString::fromStdString(path));
    ASSERT_TRUE(window.openProject(QString::fromStdString(path)));
    ASSERT_TRUE(ws()->canEdit());
    showDocks();

    QSlider* slider = panel()->weightSlider(1);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown); // poor per km²: 50 -> 40, weight 0.8
    QTest::keyClick(slider, Qt::Key_PageDown); // 30: 0.6
    const gis::PriorityScheme edited = panel()->editedScheme();
    EXPECT_NEAR(edited.indicators[1].weight, 0.6, 1e-12);
    const std::vector<int> editedRanks = ws()->analysis()->priority.rank;

    QTest::keyClicks(panel()->nameEdit(), QStringLiteral("Kepadatan rendah"));
    click(panel()->saveButton());
    EXPECT_EQ(ws()->schemeName(), QStringLiteral("Kepadatan rendah"));
    EXPECT_FALSE(ws()->schemeEdited()) << "saved: the scheme is the chosen one now";
    EXPECT_EQ(ws()->analysis()->priority.rank, editedRanks);
    EXPECT_TRUE(panel()->saveNote()->text().contains(QStringLiteral("Kepadatan rendah")));

    // in the file, read through a store of its own
    {
        const gis::Dataset stored = gis::openProject(path, gis::OpenMode::ReadOnly)->read();
        const auto it = stored.meta.find("skema.Kepadatan rendah");
        ASSERT_NE(it, stored.meta.end());
        const gis::PriorityScheme kept = gis::schemeFromJson(it->second, "skema.Kepadatan rendah");
        EXPECT_EQ(kept.name, "Kepadatan rendah");
        ASSERT_EQ(kept.indicators.size(), edited.indicators.size());
        for (std::size_t i = 0; i < kept.indicators.size(); ++i) {
            EXPECT_EQ(kept.indicators[i].key, edited.indicators[i].key);
            EXPECT_NEAR(kept.indicators[i].weight, edited.indicators[i].weight, 1e-12);
        }
    }

    // the default restored: its weights, the default ranking
    click(panel()->defaultButton());
    EXPECT_TRUE(ws()->schemeName().isEmpty());
    EXPECT_EQ(gis::schemeToJson(ws()->analysis()->scheme), gis::schemeToJson(gis::defaultPriorityScheme()));
    EXPECT_EQ(ws()->analysis()->priority.rank, baseline.priority.rank);
    EXPECT_EQ(panel()->weightSlider(1)->value(), 50);
    EXPECT_EQ(columnOf("rank_change"), -1) << "nothing edited";

    // loaded again through the scheme box of the style panel (the file opened anew)
    ASSERT_TRUE(window.openProject(QString::fromStdString(path)));
    showDocks();
    QComboBox* schemes = window.stylePanel()->findChild<QComboBox*>(QStringLiteral("schemeBox"));
    ASSERT_NE(schemes, nullptr);
    const int index = schemes->findData(QStringLiteral("Kepadatan rendah"));
    ASSERT_GE(index, 0);
    schemes->setCurrentIndex(index);
    EXPECT_EQ(ws()->schemeName(), QStringLiteral("Kepadatan rendah"));
    EXPECT_EQ(ws()->analysis()->priority.rank, editedRanks);
    EXPECT_NEAR(panel()->editedScheme().indicators[1].weight, 0.6, 1e-12);
    EXPECT_EQ(panel()->shareLabel(1)->text(), QStringLiteral("13 %")) << "0.6 of 4.6";

    // an edit undone goes back to the saved weights
    slider = panel()->weightSlider(1);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    EXPECT_TRUE(ws()->schemeEdited());
    click(panel()->discardButton());
    EXPECT_FALSE(ws()->schemeEdited());
    EXPECT_EQ(ws()->analysis()->priority.rank, editedRanks);
}

TEST_F(PriorityPanelTest, SavingIsDisabledWithANoteWhenTheProjectCannotBeWritten)
{
    gis::Dataset copy = *ws()->dataset();
    ws()->setDataset(std::move(copy), QStringLiteral("lepas"), QString());
    ASSERT_FALSE(ws()->canEdit());
    EXPECT_FALSE(panel()->saveButton()->isEnabled());
    EXPECT_FALSE(panel()->nameEdit()->isEnabled());
    EXPECT_TRUE(panel()->saveNote()->isVisible());
    EXPECT_TRUE(panel()->saveNote()->text().contains(ws()->readOnlyReason()))
        << panel()->saveNote()->text().toStdString();
    EXPECT_FALSE(panel()->saveScheme(QStringLiteral("tidak")));
    EXPECT_FALSE(ws()->schemeNames().contains(QStringLiteral("tidak")));
    // weighing still works: it writes nothing
    QSlider* slider = panel()->weightSlider(0);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    EXPECT_TRUE(ws()->schemeEdited());
}

TEST_F(PriorityPanelTest, RankStabilityInTheBackgroundIsThatOfTheLibraryInTableAndProfile)
{
    // a weight moved first: the stability is that of the edited scheme
    QSlider* slider = panel()->weightSlider(3);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown);
    const gis::PriorityScheme scheme = ws()->analysis()->scheme;

    auto setBox = [](QSpinBox* box, int value) {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QString::number(value));
        QTest::keyClick(box, Qt::Key_Enter);
        ASSERT_EQ(box->value(), value);
    };
    setBox(panel()->drawsBox(), 40);
    setBox(panel()->topNBox(), 15);
    setBox(panel()->perturbationBox(), 30);
    click(panel()->stabilityButton());
    EXPECT_TRUE(panel()->stabilityRunning() || ws()->sensitivity());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel()->stabilityRunning(); }, 30000));
    ASSERT_NE(ws()->sensitivity(), nullptr) << panel()->stabilityLabel()->text().toStdString();

    gis::SensitivityOptions options;
    options.draws = 40;
    options.topN = 15;
    options.perturbation = 0.3;
    options.seed = PriorityPanel::kSeed;
    const std::vector<std::string> codes = codesOf(baseline);
    const gis::SensitivityResult expected = gis::prioritySensitivity(scheme, codes, baseline.inputs, options);
    ASSERT_GE(columnOf("rank_best"), 0);
    ASSERT_GE(columnOf("top15_share"), 0);
    int moved = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (expected.rankMin[i] == 0)
            continue;
        EXPECT_EQ(cell(codes[i], "rank_best").toDouble(), expected.rankMin[i]) << codes[i];
        EXPECT_EQ(cell(codes[i], "rank_worst").toDouble(), expected.rankMax[i]) << codes[i];
        EXPECT_NEAR(cell(codes[i], "top15_share").toDouble(), 100.0 * expected.topShare[i], 1e-9) << codes[i];
        moved += expected.rankMin[i] != expected.rankMax[i];
    }
    EXPECT_GT(moved, 0) << "a ±30 % change moves some ranks";
    EXPECT_EQ(model()->headerData(columnOf("top15_share"), Qt::Horizontal).toString(),
              QStringLiteral("In the top 15 (% of draws)"));

    // in the profile of a pekon that moved
    std::size_t pick = 0;
    while (expected.rankMin[pick] == expected.rankMax[pick] || expected.rankMin[pick] == 0)
        ++pick;
    ws()->setCurrentVillage(codes[pick]);
    const QString text = window.profilePanel()->plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("from %1 to %2").arg(expected.rankMin[pick]).arg(expected.rankMax[pick])))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Rank change against the scheme before editing")));

    // a weight moved again: the stability was for the weights before, so it goes
    QTest::keyClick(slider, Qt::Key_PageDown);
    EXPECT_EQ(ws()->sensitivity(), nullptr);
    EXPECT_EQ(columnOf("rank_best"), -1);
}

TEST_F(PriorityPanelTest, RankStabilityCanBeCancelledAndTheGuiStaysResponsive)
{
    QSpinBox* draws = panel()->drawsBox();
    draws->setFocus();
    draws->selectAll();
    QTest::keyClicks(draws, QStringLiteral("10000"));
    QTest::keyClick(draws, Qt::Key_Enter);
    click(panel()->stabilityButton());
    ASSERT_TRUE(panel()->stabilityRunning());
    EXPECT_TRUE(panel()->progressBar()->isVisible());
    EXPECT_TRUE(panel()->cancelButton()->isEnabled());
    EXPECT_FALSE(panel()->stabilityButton()->isEnabled());
    // the event loop runs while it computes: the progress bar moves
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->progressBar()->value() > 0; }, 10000));
    click(panel()->cancelButton());
    EXPECT_FALSE(panel()->stabilityRunning());
    EXPECT_EQ(ws()->sensitivity(), nullptr);
    EXPECT_EQ(columnOf("rank_best"), -1);
    EXPECT_EQ(panel()->stabilityLabel()->text(), QStringLiteral("Cancelled."));
    EXPECT_TRUE(panel()->stabilityButton()->isEnabled());
}
