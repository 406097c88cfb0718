// The table filter language: hand-worked rows, precedence, missing values, errors with positions.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/filterexpression.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Columns: nama (text 0), kecamatan (text 1), poverty_rate (number 0), n_bumdes (number 1).
const std::vector<gis::FilterColumn> kColumns = {
    {"nama", true, 0}, {"kecamatan", true, 1}, {"poverty_rate", false, 0}, {"n_bumdes", false, 1}};

struct Row : gis::FilterRow {
    std::string nama, kecamatan;
    double rate, bumdes;
    Row(std::string n, std::string k, double r, double b)
            : nama(std::move(n)), kecamatan(std::move(k)), rate(r), bumdes(b)
    {}
    double number(std::size_t i) const override { return i == 0 ? rate : bumdes; }
    std::string_view text(std::size_t i) const override { return i == 0 ? nama : kecamatan; }
};

const std::vector<Row> kRows = {
    {"Gisting Bawah", "Gisting", 25.0, 0}, // 0
    {"Sri Katon", "Pugung", 18.0, 1},      // 1
    {"Way Pring", "Wonosobo", 30.5, 0},    // 2
    {"Kuripan", "Kota Agung", kNaN, 0},    // 3: rate missing
    {"Banjar Negeri", "Pugung", 20.0, 2},  // 4
};

/// Indices of kRows matching \a expression.
std::vector<std::size_t> matching(const std::string& expression)
{
    const gis::FilterExpression e = gis::FilterExpression::compile(expression, kColumns);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < kRows.size(); ++i)
        if (e.matches(kRows[i]))
            out.push_back(i);
    return out;
}

using V = std::vector<std::size_t>;

gis::FilterError errorOf(const std::string& expression)
{
    try {
        gis::FilterExpression::compile(expression, kColumns);
    } catch (const gis::FilterError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for: " << expression;
    return gis::FilterError("none", 0);
}

} // namespace

TEST(FilterExpression, ComparisonsOnHandWorkedRows)
{
    EXPECT_EQ(matching("poverty_rate > 20"), (V{0, 2}));
    EXPECT_EQ(matching("poverty_rate >= 20"), (V{0, 2, 4}));
    EXPECT_EQ(matching("poverty_rate < 20"), (V{1}));
    EXPECT_EQ(matching("poverty_rate <= 20"), (V{1, 4}));
    EXPECT_EQ(matching("poverty_rate = 20"), (V{4}));
    EXPECT_EQ(matching("poverty_rate != 20"), (V{0, 1, 2})); // the missing rate compares false
    EXPECT_EQ(matching("poverty_rate <> 20"), (V{0, 1, 2}));
    EXPECT_EQ(matching("n_bumdes = 0"), (V{0, 2, 3}));
    EXPECT_EQ(matching("poverty_rate > 20 and n_bumdes = 0"), (V{0, 2}));
    EXPECT_EQ(matching("POVERTY_RATE > 2e1 AND n_bumdes == 0"), (V{0, 2}));
    EXPECT_EQ(matching("-1 < n_bumdes"), (V{0, 1, 2, 3, 4}));
    EXPECT_EQ(matching("poverty_rate > n_bumdes"), (V{0, 1, 2, 4}));
    EXPECT_EQ(matching(""), (V{0, 1, 2, 3, 4}));
    EXPECT_EQ(matching("   "), (V{0, 1, 2, 3, 4}));
}

TEST(FilterExpression, TextInAndBetween)
{
    EXPECT_EQ(matching("kecamatan = 'Pugung'"), (V{1, 4}));
    EXPECT_EQ(matching("kecamatan = \"pugung\""), (V{1, 4})); // ASCII case ignored
    EXPECT_EQ(matching("kecamatan in ('Pugung', 'Wonosobo')"), (V{1, 2, 4}));
    EXPECT_EQ(matching("kecamatan not in ('Pugung', 'Wonosobo')"), (V{0, 3}));
    EXPECT_EQ(matching("n_bumdes in (1, 2)"), (V{1, 4}));
    EXPECT_EQ(matching("poverty_rate between 20 and 30.5"), (V{0, 2, 4})); // inclusive
    EXPECT_EQ(matching("poverty_rate not between 20 and 30"), (V{1, 2}));  // missing stays out
    EXPECT_EQ(matching("poverty_rate between 18 and 25 and n_bumdes = 0"), (V{0}));
    EXPECT_EQ(matching("nama < 'H'"), (V{0, 4}));
    EXPECT_EQ(matching("nama = 'Sri ''Katon'''"), (V{}));
}

TEST(FilterExpression, NotBindsTighterThanAndTighterThanOr)
{
    // or < and: a or (b and c)
    EXPECT_EQ(matching("n_bumdes = 2 or poverty_rate > 20 and n_bumdes = 0"), (V{0, 2, 4}));
    EXPECT_EQ(matching("(n_bumdes = 2 or poverty_rate > 20) and n_bumdes = 0"), (V{0, 2}));
    // not before and: (not a) and b
    EXPECT_EQ(matching("not n_bumdes = 0 and poverty_rate > 19"), (V{4}));
    EXPECT_EQ(matching("not (n_bumdes = 0 and poverty_rate > 19)"), (V{1, 3, 4}));
    // not over a missing value: the comparison is false, so its negation is true
    EXPECT_EQ(matching("not poverty_rate > 20"), (V{1, 3, 4}));
    EXPECT_EQ(matching("not not n_bumdes = 1"), (V{1}));
}

TEST(FilterExpression, ErrorsSayWhatWasExpectedAndWhere)
{
    gis::FilterError e = errorOf("povrty_rate > 20");
    EXPECT_EQ(e.position(), 1u);
    EXPECT_NE(std::string(e.what()).find("unknown column 'povrty_rate' at position 1"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("did you mean 'poverty_rate'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("columns are: nama, kecamatan, poverty_rate, n_bumdes"), std::string::npos);

    e = errorOf("poverty_rate > 20 and n_bumdes 0");
    EXPECT_EQ(e.position(), 32u);
    EXPECT_NE(std::string(e.what()).find("expected a comparison"), std::string::npos) << e.what();

    e = errorOf("poverty_rate >");
    EXPECT_EQ(e.position(), 15u);
    EXPECT_NE(std::string(e.what()).find("found the end"), std::string::npos) << e.what();

    e = errorOf("(poverty_rate > 20");
    EXPECT_EQ(e.position(), 19u);
    EXPECT_NE(std::string(e.what()).find("expected ')'"), std::string::npos);

    e = errorOf("kecamatan = 'Pugung");
    EXPECT_EQ(e.position(), 13u);
    EXPECT_NE(std::string(e.what()).find("not closed"), std::string::npos);

    e = errorOf("kecamatan = Pugung");
    EXPECT_EQ(e.position(), 13u);
    EXPECT_NE(std::string(e.what()).find("unknown column 'Pugung'"), std::string::npos);

    e = errorOf("kecamatan = 5");
    EXPECT_EQ(e.position(), 13u);
    EXPECT_NE(std::string(e.what()).find("column 'kecamatan' holds text"), std::string::npos) << e.what();

    e = errorOf("poverty_rate = 'tinggi'");
    EXPECT_EQ(e.position(), 16u);
    EXPECT_NE(std::string(e.what()).find("holds numbers"), std::string::npos) << e.what();

    e = errorOf("n_bumdes in (1 2)");
    EXPECT_EQ(e.position(), 16u);
    EXPECT_NE(std::string(e.what()).find("expected ',' or ')'"), std::string::npos);

    e = errorOf("poverty_rate between 1 or 2");
    EXPECT_EQ(e.position(), 24u);

    e = errorOf("n_bumdes = 0 n_bumdes = 1");
    EXPECT_EQ(e.position(), 14u);

    e = errorOf("n_bumdes = 0 & x");
    EXPECT_EQ(e.position(), 14u);
    EXPECT_NE(std::string(e.what()).find("unexpected character '&'"), std::string::npos);

    // positions count characters, not UTF-8 bytes
    e = errorOf("nama = 'Pekon Sukamaju ≠' or");
    EXPECT_EQ(e.position(), 29u);
}

TEST(FilterExpression, OnTheDemoAnalysisTableAndFast)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const gis::FilterExpression e = gis::FilterExpression::compile("poverty_rate > 20 and n_bumdes = 0", table);
    const std::size_t rate = table.column("poverty_rate");
    const std::size_t bumdes = table.column("n_bumdes");
    std::size_t expected = 0, got = 0;
    for (const auto& row : table.rows) {
        const bool want = row.values[rate] > 20 && row.values[bumdes] == 0;
        expected += want ? 1 : 0;
        got += e.matches(row) ? 1 : 0;
        EXPECT_EQ(e.matches(row), want) << row.kode;
    }
    EXPECT_EQ(got, expected);
    EXPECT_GT(expected, 0u);
    EXPECT_LT(expected, table.rows.size());

    const gis::FilterExpression byKecamatan = gis::FilterExpression::compile("kecamatan in ('Pugung')", table);
    std::size_t pugung = 0;
    for (const auto& row : table.rows)
        pugung += row.kecamatan == "Pugung" ? 1 : 0;
    std::size_t pugungMatched = 0;
    for (const auto& row : table.rows)
        pugungMatched += byKecamatan.matches(row) ? 1 : 0;
    EXPECT_EQ(pugungMatched, pugung);
    EXPECT_GT(pugung, 0u);

    // 84,000 rows (the demo's 302 rows repeated): the count equals the rows' own test
    // (timing: bench/bench_desktop, not a timed test)
    const gis::FilterExpression complex =
        gis::FilterExpression::compile("(poverty_rate > 20 and n_bumdes = 0) or kecamatan in ('Pugung', 'Wonosobo') or "
                                       "dist_capital_km between 10 and 40",
                                       table);
    const std::size_t bumdesColumn = table.column("n_bumdes"), rateColumn = table.column("poverty_rate"),
                      capitalColumn = table.column("dist_capital_km");
    std::size_t count = 0, expectedCount = 0;
    for (std::size_t i = 0; i < 84000; ++i) {
        const auto& row = table.rows[i % table.rows.size()];
        count += complex.matches(row) ? 1 : 0;
        const double r = row.values[rateColumn], b = row.values[bumdesColumn], c = row.values[capitalColumn];
        expectedCount +=
            ((r > 20 && b == 0) || row.kecamatan == "Pugung" || row.kecamatan == "Wonosobo" || (c >= 10 && c <= 40))
            ? 1
            : 0;
    }
    EXPECT_GT(count, 0u);
    EXPECT_EQ(count, expectedCount);
}
