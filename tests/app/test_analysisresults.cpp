// The analysis results of the desktop driven through their widgets: Cancel stops a hotspot or
// POKDARWIS computation with nothing shown; the results stay on the map and in the panels
// through a commit (and are computed again on the new data) and through a language switch; the
// legend lists the proposed sites with their count.
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
#include "gis/store.h"
#include "ui/hotspotspanel.h"
#include "ui/language.h"
#include "ui/legendpanel.h"
#include "ui/mainwindow.h"
#include "ui/pokdarwispanel.h"
#include "ui/workspace.h"
#include "testutil.h"

#include <QAction>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

using app::ui::HotspotsPanel;
using app::ui::PokdarwisPanel;
using app::ui::Workspace;

namespace {

template <typename T>
T* child(QWidget& parent, const char* name)
{
    T* w = parent.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

void typeInto(QAbstractSpinBox* box, const QString& text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

} // namespace

TEST(AnalysisCancel, CancelStopsTheHotspotsWithNothingShown)
{
    Workspace ws;
    ws.openExample();
    HotspotsPanel panel(&ws);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    auto* cancel = child<QPushButton>(panel, "hotspotCancel");
    EXPECT_FALSE(cancel->isEnabled()) << "nothing to cancel yet";
    typeInto(child<QSpinBox>(panel, "hotspotPermutations"), QStringLiteral("9999"));
    const QString themeBefore = ws.themeKey();
    QSignalSpy computed(&panel, &HotspotsPanel::computed);
    QTest::mouseClick(child<QPushButton>(panel, "hotspotCompute"), Qt::LeftButton);
    ASSERT_TRUE(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(computed.wait(60000));
    EXPECT_FALSE(computed.front().front().toBool());
    EXPECT_TRUE(panel.summaryText().startsWith(QStringLiteral("Stopped"))) << panel.summaryText().toStdString();
    EXPECT_EQ(panel.result(), nullptr);
    EXPECT_TRUE(ws.computedHotspots().empty()) << "nothing kept";
    EXPECT_EQ(ws.themeKey(), themeBefore) << "the map is unchanged";
    EXPECT_FALSE(cancel->isEnabled());
    EXPECT_TRUE(child<QPushButton>(panel, "hotspotCompute")->isEnabled());
}

TEST(AnalysisCancel, CancelStopsThePokdarwisRankingWithNothingShown)
{
    Workspace ws;
    ws.openExample();
    PokdarwisPanel panel(&ws);
    // The demo ranking can end before a click arrives: the job waits here for the stop (10 s at most).
    panel.setJobStartHook([](const std::stop_token& stop) {
        for (int i = 0; i < 1000 && !stop.stop_requested(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    });
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    auto* cancel = child<QPushButton>(panel, "pokdarwisCancel");
    QSignalSpy ranked(&panel, &PokdarwisPanel::ranked);
    QTest::mouseClick(child<QPushButton>(panel, "pokdarwisRank"), Qt::LeftButton);
    ASSERT_TRUE(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(ranked.wait(60000));
    EXPECT_FALSE(ranked.front().front().toBool());
    EXPECT_TRUE(panel.summaryText().startsWith(QStringLiteral("Stopped"))) << panel.summaryText().toStdString();
    EXPECT_EQ(ws.pokdarwis(), nullptr);
    EXPECT_EQ(panel.table()->rowCount(), 0);
    EXPECT_NE(ws.themeKey(), QStringLiteral("pokdarwis"));
}

TEST(AnalysisResults, ACommitKeepsTheResultsShownAndComputesThemAgainOnTheNewData)
{
    Workspace ws;
    ws.openExample();
    HotspotsPanel hotspots(&ws);
    PokdarwisPanel pokdarwis(&ws);
    typeInto(child<QSpinBox>(hotspots, "hotspotPermutations"), QStringLiteral("99"));
    QSignalSpy computed(&hotspots, &HotspotsPanel::computed);
    QTest::mouseClick(child<QPushButton>(hotspots, "hotspotCompute"), Qt::LeftButton);
    ASSERT_TRUE(computed.wait(30000));
    QSignalSpy ranked(&pokdarwis, &PokdarwisPanel::ranked);
    QTest::mouseClick(child<QPushButton>(pokdarwis, "pokdarwisRank"), Qt::LeftButton);
    ASSERT_TRUE(ranked.wait(30000));
    ASSERT_TRUE(ranked.front().front().toBool()) << pokdarwis.summaryText().toStdString();
    ASSERT_EQ(ws.themeKey(), QStringLiteral("pokdarwis"));
    const int rows = pokdarwis.table()->rowCount();
    ASSERT_GT(rows, 0);

    app::ui::PlacementShown placement; // as the placement panel keeps its result
    placement.result.options.count = 7;
    placement.saved = true;
    ws.keepPlacement(placement);

    const std::string period = ws.period().toStdString();
    ws.commit(testutil::doubledPoor(*ws.dataset(), period));
    // right after the commit: still on the map and in the panels
    ASSERT_NE(ws.pokdarwis(), nullptr);
    ASSERT_TRUE(ws.keptPlacement().has_value()) << "the placement shown is kept through a commit";
    EXPECT_EQ(ws.keptPlacement()->result.options.count, 7u);
    EXPECT_TRUE(ws.keptPlacement()->saved);
    EXPECT_EQ(ws.themeKey(), QStringLiteral("pokdarwis"));
    ASSERT_TRUE(ws.mapSpec().layer.has_value());
    EXPECT_EQ(ws.mapSpec().layer->key, "pokdarwis_score");
    EXPECT_EQ(pokdarwis.table()->rowCount(), rows);
    EXPECT_EQ(ws.computedHotspots().size(), 1u);
    EXPECT_NE(hotspots.result(), nullptr);
    EXPECT_FALSE(hotspots.summaryText().isEmpty());

    // then both are computed again on the doubled counts, without taking over the map
    ranked.clear();
    computed.clear();
    ASSERT_TRUE(ranked.wait(30000));
    ASSERT_TRUE(ranked.front().front().toBool());
    if (computed.isEmpty()) {
        ASSERT_TRUE(computed.wait(30000));
    }
    ASSERT_TRUE(computed.front().front().toBool());
    gis::PokdarwisOptions options = pokdarwis.options();
    const gis::PokdarwisResult independent = gis::rankPokdarwisSites(*ws.dataset(), options, pokdarwis.scheme());
    const auto miskin = std::find(independent.columns.begin(), independent.columns.end(), "miskin");
    const std::size_t column = static_cast<std::size_t>(miskin - independent.columns.begin());
    ASSERT_EQ(ws.pokdarwis()->rows.size(), independent.rows.size());
    for (std::size_t i = 0; i < independent.rows.size(); ++i) {
        ASSERT_EQ(ws.pokdarwis()->rows[i].rank, independent.rows[i].rank) << independent.rows[i].code;
        ASSERT_EQ(ws.pokdarwis()->rows[i].values[column], independent.rows[i].values[column]);
    }
    gis::HotspotOptions ho = hotspots.options();
    const gis::HotspotResult again = gis::analyzeHotspots(*ws.dataset(), "poverty_rate", ho);
    EXPECT_DOUBLE_EQ(ws.computedHotspots().front().global.i, again.global.i) << "computed on the new values";
    EXPECT_EQ(ws.themeKey(), QStringLiteral("pokdarwis")) << "the refresh does not switch the map";
}

TEST(AnalysisResults, TheLegendListsTheProposedSitesWithTheirCount)
{
    Workspace ws;
    ws.openExample();
    app::ui::LegendPanel legend(&ws);
    app::ui::ProposalOverlay overlay;
    overlay.kind = "PUSKESSOS";
    overlay.name = QStringLiteral("Proposed Puskessos");
    const gis::Area* a = ws.dataset()->villages().front();
    for (int rank = 1; rank <= 3; ++rank)
        overlay.sites.push_back({rank, a->code, a->name, ws.dataset()->surfacePoint(*a)});
    ws.setProposals(overlay);
    EXPECT_TRUE(legend.texts().contains(QStringLiteral("Proposed new sites (3)"))) << legend.texts().join('|').toStdString();
    ws.layerList()->setVisible(QStringLiteral("proposals"), false);
    EXPECT_FALSE(legend.texts().contains(QStringLiteral("Proposed new sites (3)"))) << "a hidden layer has no row";
}
