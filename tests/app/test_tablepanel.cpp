// The table panel driven with keys and mouse clicks on the demo: the filter against a count
// computed from analyzeVillages, sorting against std::sort, selection both ways, CSV/XLSX export.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/tableimport.h"
#include "gis/text.h"
#include "testutil.h"
#include "ui/tablepanel.h"
#include "ui/villagetablemodel.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <set>

namespace {

using app::ui::TablePanel;
using app::ui::VillageTableModel;

struct Demo {
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::AnalysisTable table = gis::analyzeVillages(ds);
};

const Demo& demo()
{
    static const Demo d;
    return d;
}

QStringList codesWhere(const gis::AnalysisTable& t, const std::function<bool(const gis::AnalysisTable::Row&)>& keep)
{
    QStringList out;
    for (const auto& row : t.rows)
        if (keep(row))
            out << QString::fromStdString(row.kode);
    return out;
}

void clickHeader(QTableView* view, int column)
{
    QHeaderView* header = view->horizontalHeader();
    view->scrollTo(view->model()->index(0, column));
    const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
}

void clickRow(QTableView* view, int row, Qt::KeyboardModifiers modifiers = {})
{
    const QModelIndex index = view->model()->index(row, 1);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
}

QStringList shownCodes(const VillageTableModel* model)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->codeAt(r);
    return out;
}

} // namespace

TEST(TablePanel, FilterTypedAndEnteredKeepsTheRowsAnalyzeGivesAndSelectsThem)
{
    const Demo& d = demo();
    TablePanel panel;
    panel.resize(900, 600);
    panel.setData(&d.ds, &d.table);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    EXPECT_EQ(panel.model()->rowCount(), 302);
    EXPECT_EQ(panel.countLabel()->text(), QStringLiteral("302 of 302 pekon"));

    const std::size_t rate = d.table.column("poverty_rate");
    const std::size_t bumdes = d.table.column("n_bumdes");
    const QStringList expected =
        codesWhere(d.table, [&](const auto& r) { return r.values[rate] > 20 && r.values[bumdes] == 0; });
    ASSERT_GT(expected.size(), 0);

    QSignalSpy selection(&panel, &TablePanel::selectionChanged);
    panel.filterEdit()->setFocus();
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("poverty_rate > 20 and n_bumdes = 0"));
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    EXPECT_FALSE(panel.filterErrorLabel()->isVisible());
    EXPECT_EQ(panel.model()->rowCount(), expected.size());
    EXPECT_EQ(panel.countLabel()->text(), QStringLiteral("%1 of 302 pekon").arg(expected.size()));
    EXPECT_EQ(shownCodes(panel.model()), expected);
    ASSERT_GE(selection.count(), 1);
    EXPECT_EQ(selection.last().at(0).toStringList(), expected); // the map follows the filter
    EXPECT_EQ(panel.selectedCodes(), expected);

    // clearing the filter shows everything again and clears the selection
    panel.filterEdit()->selectAll();
    QTest::keyClick(panel.filterEdit(), Qt::Key_Backspace);
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    EXPECT_EQ(panel.model()->rowCount(), 302);
    EXPECT_TRUE(selection.last().at(0).toStringList().isEmpty());
}

TEST(TablePanel, AFilterErrorIsShownWithItsPositionAndKeepsTheRows)
{
    const Demo& d = demo();
    TablePanel panel;
    panel.setData(&d.ds, &d.table);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("povrty_rate > 20"));
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    EXPECT_TRUE(panel.filterErrorLabel()->isVisible());
    const QString message = panel.filterErrorLabel()->text();
    EXPECT_TRUE(message.contains(QStringLiteral("at character 1"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("unknown column 'povrty_rate'"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("did you mean 'poverty_rate'"))) << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("SELECT")));
    EXPECT_EQ(panel.model()->rowCount(), 302);

    panel.filterEdit()->clear();
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("kecamatan in ('Pugung', 'Wonosobo')"));
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    EXPECT_FALSE(panel.filterErrorLabel()->isVisible());
    const QStringList expected =
        codesWhere(d.table, [](const auto& r) { return r.kecamatan == "Pugung" || r.kecamatan == "Wonosobo"; });
    EXPECT_EQ(shownCodes(panel.model()), expected);
}

TEST(TablePanel, HeaderClicksSortAsStdSortDoes)
{
    const Demo& d = demo();
    TablePanel panel;
    panel.resize(1000, 600);
    panel.setData(&d.ds, &d.table);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    const int column = panel.model()->columnOfKey(QStringLiteral("poverty_rate"));
    ASSERT_GE(column, 0);
    EXPECT_EQ(panel.model()->headerData(column, Qt::Horizontal).toString(), QStringLiteral("Poverty rate (%)"));
    const std::size_t c = d.table.column("poverty_rate");

    auto expectedOrder = [&](Qt::SortOrder order) {
        std::vector<std::size_t> idx(d.table.rows.size());
        std::iota(idx.begin(), idx.end(), 0);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            const double va = d.table.rows[a].values[c], vb = d.table.rows[b].values[c];
            if (std::isnan(va) || std::isnan(vb))
                return !std::isnan(va) && std::isnan(vb);
            return order == Qt::AscendingOrder ? va < vb : va > vb;
        });
        QStringList out;
        for (std::size_t i : idx)
            out << QString::fromStdString(d.table.rows[i].kode);
        return out;
    };

    clickHeader(panel.view(), column);
    const Qt::SortOrder first = panel.view()->horizontalHeader()->sortIndicatorOrder();
    EXPECT_EQ(panel.view()->horizontalHeader()->sortIndicatorSection(), column);
    EXPECT_EQ(shownCodes(panel.model()), expectedOrder(first));
    clickHeader(panel.view(), column);
    const Qt::SortOrder second = panel.view()->horizontalHeader()->sortIndicatorOrder();
    EXPECT_NE(first, second);
    EXPECT_EQ(shownCodes(panel.model()), expectedOrder(second));
    // the cells show analyze's values in the locale's format
    const int top = panel.model()->rowOfCode(expectedOrder(second).front());
    EXPECT_EQ(top, 0);
    EXPECT_EQ(panel.model()->data(panel.model()->index(0, column)).toString(),
              QLocale().toString(d.table.rows[static_cast<std::size_t>(panel.model()->tableRow(0))].values[c], 'f', 2));
}

TEST(TablePanel, RowClicksSelectAndTheMapSelectsWithoutEcho)
{
    const Demo& d = demo();
    TablePanel panel;
    panel.resize(900, 600);
    panel.setData(&d.ds, &d.table);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy selection(&panel, &TablePanel::selectionChanged);
    QSignalSpy zoom(&panel, &TablePanel::zoomToRequested);

    clickRow(panel.view(), 3);
    ASSERT_GE(selection.count(), 1);
    EXPECT_EQ(selection.last().at(0).toStringList(), QStringList{QString::fromStdString(d.table.rows[3].kode)});
    clickRow(panel.view(), 7, Qt::ControlModifier);
    EXPECT_EQ(
        selection.last().at(0).toStringList(),
        (QStringList{QString::fromStdString(d.table.rows[3].kode), QString::fromStdString(d.table.rows[7].kode)}));

    const int before = selection.count();
    const QStringList fromMap = {QString::fromStdString(d.table.rows[10].kode),
                                 QString::fromStdString(d.table.rows[200].kode)};
    panel.setSelectedCodes(fromMap);
    EXPECT_EQ(selection.count(), before); // no loop back to the map
    EXPECT_EQ(panel.selectedCodes(), fromMap);

    const QModelIndex index = panel.model()->index(5, 1);
    // the view reports a double click only on the row the first press went to
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualRect(index).center());
    QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualRect(index).center());
    ASSERT_EQ(zoom.count(), 1);
    EXPECT_EQ(zoom.last().at(0).toStringList(), QStringList{QString::fromStdString(d.table.rows[5].kode)});
}

TEST(TablePanel, ExportsExactlyTheSelectionWithAnalyzesValues)
{
    const Demo& d = demo();
    TablePanel panel;
    panel.setData(&d.ds, &d.table);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QTest::keyClicks(panel.filterEdit(), QStringLiteral("n_puskessos > 0 or priority_rank <= 3"));
    QTest::keyClick(panel.filterEdit(), Qt::Key_Return);
    const std::size_t pk = d.table.column("n_puskessos"), rank = d.table.column("priority_rank");
    const QStringList expected =
        codesWhere(d.table, [&](const auto& r) { return r.values[pk] > 0 || r.values[rank] <= 3; });
    ASSERT_EQ(panel.selectedCodes(), expected);
    ASSERT_GE(expected.size(), 3); // the top three and the two Puskessos pekon

    const auto dir = testutil::tempDir("tablepanel_export");
    const std::string csv = (dir / "pilihan.csv").string();
    QString error;
    ASSERT_TRUE(panel.exportSelection(QString::fromStdString(csv), &error)) << error.toStdString();
    const gis::RawTable read = gis::readRawTable(csv);
    ASSERT_EQ(read.rows.size(), static_cast<std::size_t>(expected.size()) + 1);
    EXPECT_EQ(read.rows[0][0], "kode");
    EXPECT_EQ(read.rows[0].size(), 3 + d.table.columns.size());
    for (std::size_t r = 1; r < read.rows.size(); ++r) {
        const std::string code = read.rows[r][0];
        EXPECT_EQ(QString::fromStdString(code), expected[static_cast<qsizetype>(r - 1)]);
        const auto row =
            std::find_if(d.table.rows.begin(), d.table.rows.end(), [&](const auto& x) { return x.kode == code; });
        ASSERT_NE(row, d.table.rows.end());
        EXPECT_EQ(read.rows[r][1], row->nama);
        for (std::size_t c = 0; c < d.table.columns.size(); ++c)
            EXPECT_EQ(read.rows[r][3 + c], gis::csvNumber(row->values[c])) << code << " " << d.table.columns[c];
    }

    const std::string xlsx = (dir / "pilihan.xlsx").string();
    ASSERT_TRUE(panel.exportSelection(QString::fromStdString(xlsx), &error)) << error.toStdString();
    // read back through GDAL (its XLSX driver takes the first row as the field names)
    GDALAllRegister();
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> book(
        GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY), [](GDALDataset* p) { GDALClose(p); });
    ASSERT_NE(book, nullptr);
    OGRLayer* sheet = book->GetLayer(0);
    ASSERT_NE(sheet, nullptr);
    EXPECT_EQ(sheet->GetFeatureCount(), expected.size());
    std::set<std::string> codes;
    sheet->ResetReading();
    while (OGRFeature* raw = sheet->GetNextFeature()) {
        const std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> f(raw, OGRFeature::DestroyFeature);
        const std::string code = f->GetFieldAsString("kode");
        codes.insert(code);
        const auto row =
            std::find_if(d.table.rows.begin(), d.table.rows.end(), [&](const auto& x) { return x.kode == code; });
        ASSERT_NE(row, d.table.rows.end()) << code;
        EXPECT_NEAR(f->GetFieldAsDouble("priority_score"), row->values[d.table.column("priority_score")], 1e-9);
        EXPECT_NEAR(f->GetFieldAsDouble("poverty_rate"), row->values[d.table.column("poverty_rate")], 1e-9);
    }
    EXPECT_EQ(codes.size(), static_cast<std::size_t>(expected.size()));
    for (const QString& code : expected)
        EXPECT_TRUE(codes.count(code.toStdString())) << code.toStdString();

    EXPECT_FALSE(panel.exportSelection(QString::fromStdString((dir / "x.txt").string()), &error));
    EXPECT_TRUE(error.contains(QStringLiteral(".csv")));
}

TEST(VillageTableModel, SortsAndFilters84000Rows)
{
    const Demo& d = demo();
    gis::AnalysisTable big;
    big.columns = d.table.columns;
    big.rows.reserve(84000);
    for (std::size_t i = 0; i < 84000; ++i) {
        gis::AnalysisTable::Row row = d.table.rows[i % d.table.rows.size()];
        row.kode += "." + std::to_string(i);
        row.values[0] += static_cast<double>(i) * 1e-6; // distinct areas
        big.rows.push_back(std::move(row));
    }
    VillageTableModel model;
    model.setTable(&big);
    const int column = model.columnOfKey(QStringLiteral("priority_score"));
    // Timing: bench/bench_desktop (BM_TableSort84000 ...), not a timed test.
    model.sort(column, Qt::DescendingOrder);
    for (int r = 1; r < model.rowCount(); ++r) {
        const double a = model.data(model.index(r - 1, column), VillageTableModel::RawValueRole).toDouble();
        const double b = model.data(model.index(r, column), VillageTableModel::RawValueRole).toDouble();
        if (!std::isnan(b)) {
            ASSERT_GE(a, b) << r;
        }
    }
    model.sort(model.columnOfKey(QStringLiteral("nama")), Qt::AscendingOrder);
    const int name = model.columnOfKey(QStringLiteral("nama"));
    for (int r = 1; r < model.rowCount(); ++r)
        ASSERT_LE(gis::asciiLower(model.data(model.index(r - 1, name)).toString().toStdString())
                      .compare(gis::asciiLower(model.data(model.index(r, name)).toString().toStdString())),
                  0)
            << r;
    ASSERT_TRUE(model.setFilterExpression(QStringLiteral("poverty_rate > 20 and n_bumdes = 0")));
    std::size_t expected = 0;
    const std::size_t rate = big.column("poverty_rate"), bumdes = big.column("n_bumdes");
    for (const auto& row : big.rows)
        expected += row.values[rate] > 20 && row.values[bumdes] == 0 ? 1 : 0;
    EXPECT_EQ(static_cast<std::size_t>(model.rowCount()), expected);
}
