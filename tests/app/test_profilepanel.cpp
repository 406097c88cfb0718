// The profile panel: a click on a table row shows that pekon's profile with analyze's values,
// formatted in the application's locale (Indonesian: 12,48).
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/islands.h"
#include "ui/profilepanel.h"
#include "ui/tablepanel.h"
#include "ui/villagetablemodel.h"

#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <gtest/gtest.h>

namespace {

struct LocaleGuard {
    QLocale before;
    explicit LocaleGuard(const QLocale& l) { QLocale::setDefault(l); }
    ~LocaleGuard() { QLocale::setDefault(before); }
};

std::size_t rowOf(const gis::AnalysisTable& t, const std::string& code)
{
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        if (t.rows[i].kode == code)
            return i;
    return t.rows.size();
}

} // namespace

TEST(ProfilePanel, ShowsAnalyzesValuesInIndonesianNumbers)
{
    const LocaleGuard guard(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const gis::IslandResult islands = gis::islandFlags(ds);
    app::ui::ProfilePanel panel;
    panel.resize(420, 700);
    panel.setData(&ds, &table, nullptr, &islands);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));

    const std::string code = "18.06.20.2005"; // Gisting Bawah
    const std::size_t row = rowOf(table, code);
    ASSERT_LT(row, table.rows.size());
    panel.showVillage(QString::fromStdString(code));
    const QString text = panel.plainText();
    const double rate = table.value(row, "poverty_rate");
    const QString rateText = QLocale(QLocale::Indonesian).toString(rate, 'f', 2);
    EXPECT_TRUE(rateText.contains(',')) << rateText.toStdString();
    EXPECT_TRUE(text.contains(rateText)) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromStdString(table.rows[row].nama)));
    EXPECT_TRUE(text.contains(QString::fromStdString(table.rows[row].kecamatan)));
    EXPECT_TRUE(text.contains(QStringLiteral("Poverty rate (%)")));
    const int rank = static_cast<int>(table.value(row, "priority_rank"));
    EXPECT_TRUE(text.contains(QStringLiteral("Rank: %1 of").arg(rank))) << text.toStdString();
    const double penduduk = table.value(row, "penduduk");
    ASSERT_GE(penduduk, 1000.0);
    EXPECT_TRUE(text.contains(QLocale(QLocale::Indonesian).toString(static_cast<qlonglong>(penduduk))))
        << "population with the Indonesian group separator";
    EXPECT_TRUE(text.contains(QStringLiteral("On the mainland")));
    ASSERT_NE(panel.profile(), nullptr);
    EXPECT_EQ(panel.profile()->rank, rank);
    // nothing cut off: the text wraps to the width, no horizontal scroll bar
    EXPECT_FALSE(panel.browser()->horizontalScrollBar()->isVisible());

    panel.showVillage(QStringLiteral("99.99.99.9999"));
    EXPECT_EQ(panel.profile(), nullptr);
    EXPECT_TRUE(panel.plainText().contains(QStringLiteral("no pekon with the code 99.99.99.9999")));
}

TEST(ProfilePanel, AClickOnATableRowShowsThatPekon)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    app::ui::TablePanel tablePanel;
    app::ui::ProfilePanel profile;
    tablePanel.resize(900, 500);
    tablePanel.setData(&ds, &table);
    profile.setData(&ds, &table);
    QObject::connect(&tablePanel, &app::ui::TablePanel::selectionChanged, &profile, [&](const QStringList& codes) {
        if (!codes.isEmpty())
            profile.showVillage(codes.front());
    });
    tablePanel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&tablePanel));
    const QModelIndex index = tablePanel.model()->index(12, 1);
    QTest::mouseClick(tablePanel.view()->viewport(), Qt::LeftButton, {}, tablePanel.view()->visualRect(index).center());
    EXPECT_EQ(profile.currentCode(), QString::fromStdString(table.rows[12].kode));
    ASSERT_NE(profile.profile(), nullptr);
    EXPECT_DOUBLE_EQ(profile.profile()->score, table.value(12, "priority_score"));
    EXPECT_TRUE(
        profile.plainText().contains(app::ui::VillageTableModel::formatNumber(table.value(12, "priority_score"))));
}
