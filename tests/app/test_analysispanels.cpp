// The hotspots and POKDARWIS panels driven through their widgets: options set with keys, the
// button clicked, the result computed off the GUI thread; the figures equal the library's,
// computed here independently with the same options, and the map shows them.
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
#include "gis/store.h"
#include "testutil.h"
#include "ui/hotspotspanel.h"
#include "ui/language.h"
#include "ui/pokdarwispanel.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

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

/// Replaces the spin box's text by typing, as a user does, and confirms with Enter.
void typeInto(QAbstractSpinBox* box, const QString& text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

} // namespace

TEST(HotspotsPanel, KNearestWithFdrGivesTheLibrarysMoransIAndClustersOnTheMap)
{
    Workspace ws;
    ws.openExample();
    HotspotsPanel panel(&ws);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));

    auto* weights = child<QComboBox>(panel, "hotspotWeights");
    auto* k = child<QSpinBox>(panel, "hotspotK");
    auto* tolerance = child<QDoubleSpinBox>(panel, "hotspotTolerance");
    EXPECT_FALSE(k->isEnabled()) << "k belongs to the nearest-neighbour weights";
    weights->setFocus();
    QTest::keyClick(weights, Qt::Key_Down); // "k nearest"
    ASSERT_EQ(weights->currentData().toInt(), static_cast<int>(gis::WeightsKind::Knn));
    EXPECT_TRUE(k->isEnabled());
    EXPECT_FALSE(tolerance->isEnabled());
    typeInto(k, QStringLiteral("4"));
    typeInto(child<QSpinBox>(panel, "hotspotPermutations"), QStringLiteral("199"));
    QTest::mouseClick(child<QCheckBox>(panel, "hotspotFdr"), Qt::LeftButton);

    QSignalSpy computed(&panel, &HotspotsPanel::computed);
    QTest::mouseClick(child<QPushButton>(panel, "hotspotCompute"), Qt::LeftButton);
    ASSERT_TRUE(computed.wait(30000));
    ASSERT_TRUE(computed.front().front().toBool()) << panel.summaryText().toStdString();

    gis::HotspotOptions expected;
    expected.period = ws.period().toStdString();
    expected.weights = gis::WeightsKind::Knn;
    expected.k = 4;
    expected.permutations = 199;
    expected.fdr = true;
    const gis::HotspotResult independent = gis::analyzeHotspots(*ws.dataset(), "poverty_rate", expected);
    ASSERT_NE(panel.result(), nullptr);
    EXPECT_DOUBLE_EQ(panel.result()->global.i, independent.global.i);
    EXPECT_DOUBLE_EQ(panel.result()->global.pValue, independent.global.pValue);
    EXPECT_EQ(panel.result()->clusterCounts, independent.clusterCounts);
    EXPECT_EQ(panel.result()->options.k, 4u);

    // the map shows these clusters, and the summary names Moran's I in Indonesian numbers
    EXPECT_EQ(ws.themeKey(), QStringLiteral("lisa:poverty_rate"));
    ASSERT_NE(ws.hotspots(), nullptr);
    EXPECT_EQ(ws.hotspots()->clusterCounts, independent.clusterCounts);
    for (const gis::HotspotRow& row : independent.rows)
        ASSERT_EQ(ws.mapSpec().layer->categories.at(row.kode), gis::clusterName(row.cluster)) << row.kode;
    EXPECT_TRUE(panel.summaryText().contains(app::ui::formatNumber(independent.global.i, 3)))
        << panel.summaryText().toStdString();
    EXPECT_EQ(ws.hotspotOptions(QStringLiteral("poverty_rate")).k, 4u) << "a period change keeps these options";
}

TEST(HotspotsPanel, AnotherIndicatorBecomesALayerOfItsOwn)
{
    Workspace ws;
    ws.openExample();
    HotspotsPanel panel(&ws);
    auto* indicator = child<QComboBox>(panel, "hotspotIndicator");
    const int density = indicator->findData(QStringLiteral("poor_density_km2"));
    ASSERT_GE(density, 0);
    indicator->setCurrentIndex(density);
    typeInto(child<QSpinBox>(panel, "hotspotPermutations"), QStringLiteral("99"));
    QSignalSpy computed(&panel, &HotspotsPanel::computed);
    panel.compute();
    ASSERT_TRUE(computed.wait(30000));
    const auto& themes = ws.themes();
    EXPECT_TRUE(std::any_of(themes.begin(), themes.end(), [](const app::ui::ThemeInfo& t) {
        return t.key == QStringLiteral("lisa:poor_density_km2") && t.kind == app::ui::ThemeInfo::Kind::Lisa;
    }));
    EXPECT_EQ(ws.themeKey(), QStringLiteral("lisa:poor_density_km2"));
    gis::HotspotOptions expected;
    expected.period = ws.period().toStdString();
    expected.permutations = 99;
    EXPECT_EQ(ws.hotspots()->clusterCounts,
              gis::analyzeHotspots(*ws.dataset(), "poor_density_km2", expected).clusterCounts);
}

TEST(PokdarwisPanel, RanksWithTheWeightsTypedAndAClickSelectsThePekon)
{
    Workspace ws;
    ws.openExample();
    ASSERT_TRUE(ws.canEdit());
    // three attractions (WISATA) at the point-on-surface of three pekon, added as a user would
    const auto villages = ws.dataset()->villages();
    ASSERT_GT(villages.size(), 200u);
    const auto wisataBefore = std::count_if(ws.dataset()->facilities.begin(), ws.dataset()->facilities.end(),
                                            [](const gis::Facility& f) { return f.kind == "WISATA"; });
    gis::ProjectChanges changes;
    for (std::size_t i : {10u, 11u, 150u}) {
        const gis::Area& a = *villages[i];
        changes.addFacilities.push_back(
            {0, "WISATA", "Objek uji " + a.name, "", 0, "survey", a.code, ws.dataset()->surfacePoint(a)});
    }
    ws.commit(changes);

    PokdarwisPanel panel(&ws);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    typeInto(child<QSpinBox>(panel, "pokdarwisWeight_attractions_near"), QStringLiteral("60"));
    typeInto(child<QSpinBox>(panel, "pokdarwisWeight_dist_capital_km"), QStringLiteral("10"));
    typeInto(child<QSpinBox>(panel, "pokdarwisWeight_poverty_rate"), QStringLiteral("30"));
    typeInto(child<QDoubleSpinBox>(panel, "pokdarwisRadius"), QStringLiteral("5"));

    QSignalSpy ranked(&panel, &PokdarwisPanel::ranked);
    QTest::mouseClick(child<QPushButton>(panel, "pokdarwisRank"), Qt::LeftButton);
    ASSERT_TRUE(ranked.wait(30000));
    ASSERT_TRUE(ranked.front().front().toBool()) << panel.summaryText().toStdString();

    gis::PriorityScheme scheme = gis::defaultPokdarwisScheme(false);
    for (gis::SchemeIndicator& ind : scheme.indicators)
        ind.weight = ind.key == "attractions_near" ? 0.6 : ind.key == "dist_capital_km" ? 0.1 : 0.3;
    gis::PokdarwisOptions options;
    options.radiusKm = 5.0;
    options.period = ws.period().toStdString();
    const gis::PokdarwisResult independent = gis::rankPokdarwisSites(*ws.dataset(), options, scheme);
    EXPECT_EQ(independent.attractionCount, static_cast<std::size_t>(wisataBefore) + 3u)
        << "the commit is in the ranking";
    std::vector<const gis::PokdarwisResult::Row*> byRank;
    for (const auto& row : independent.rows)
        if (row.rank > 0)
            byRank.push_back(&row);
    std::sort(byRank.begin(), byRank.end(), [](const auto* a, const auto* b) { return a->rank < b->rank; });
    ASSERT_GE(byRank.size(), 3u);

    QTableWidget* table = panel.table();
    for (int r = 0; r < 3; ++r) {
        EXPECT_EQ(table->item(r, 0)->data(Qt::UserRole + 1).toString().toStdString(), byRank[r]->code) << r;
        EXPECT_EQ(table->item(r, 1)->text().toStdString(), byRank[r]->name);
        EXPECT_NEAR(table->item(r, 3)->data(Qt::UserRole).toDouble(), byRank[r]->score, 1e-9);
    }
    // the map shows the score of every ranked pekon
    EXPECT_EQ(ws.themeKey(), QStringLiteral("pokdarwis"));
    ASSERT_TRUE(ws.mapSpec().layer.has_value());
    EXPECT_EQ(ws.mapSpec().layer->values.size(), byRank.size());
    EXPECT_DOUBLE_EQ(ws.mapSpec().layer->values.at(byRank.front()->code), byRank.front()->score);
    EXPECT_TRUE(
        panel.summaryText().contains(app::ui::formatCount(static_cast<long long>(independent.attractionCount))));

    // a click on the second row selects that pekon on the map
    const QRect cell = table->visualItemRect(table->item(1, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    EXPECT_EQ(ws.currentVillage(), byRank[1]->code);
    EXPECT_EQ(ws.selection(), std::set<std::string>{byRank[1]->code});
}

TEST(PokdarwisPanel, AllWeightsZeroIsRefusedWithAReason)
{
    Workspace ws;
    ws.openExample();
    PokdarwisPanel panel(&ws);
    for (const char* name :
         {"pokdarwisWeight_attractions_near", "pokdarwisWeight_dist_capital_km", "pokdarwisWeight_poverty_rate"})
        typeInto(child<QSpinBox>(panel, name), QStringLiteral("0"));
    QTest::mouseClick(child<QPushButton>(panel, "pokdarwisRank"), Qt::LeftButton);
    EXPECT_FALSE(panel.isRunning());
    EXPECT_FALSE(panel.summaryText().isEmpty());
    EXPECT_EQ(ws.pokdarwis(), nullptr);
}
