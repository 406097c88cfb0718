// Change between periods, hand-worked on three pekon of two periods: later minus earlier, the
// poverty rate in percentage points, and no change (not zero) where the earlier period is missing.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/periodchange.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

// Kuripan, Banjar Negoro, Way Pring
const std::string kA = "18.06.01.1003", kB = "18.06.03.2019", kC = "18.06.11.2020";

/// Two periods: A and B in both, C only in 2024.
///   A: penduduk 1000 -> 1000, miskin 100 -> 80: 10 % -> 8 %   (-2 points)
///   B: penduduk 2000 -> 2500, miskin 300 -> 250: 15 % -> 10 % (-5 points)
///   C: penduduk 400, miskin 60 in 2024 only: 15 %, no change
gis::Dataset twoPeriods()
{
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.indicators.clear();
    auto add = [&](const std::string& code, const std::string& key, const std::string& period, double v) {
        ds.indicators.push_back({code, key, period, v, "uji", "2026-12-03T00:00:00Z"});
    };
    add(kA, "penduduk", "2023", 1000);
    add(kA, "miskin", "2023", 100);
    add(kB, "penduduk", "2023", 2000);
    add(kB, "miskin", "2023", 300);
    add(kA, "penduduk", "2024", 1000);
    add(kA, "miskin", "2024", 80);
    add(kB, "penduduk", "2024", 2500);
    add(kB, "miskin", "2024", 250);
    add(kC, "penduduk", "2024", 400);
    add(kC, "miskin", "2024", 60);
    add(kC, "idm_skor", "2024", 0.61); // held in one period only: not compared
    return ds;
}

std::size_t rowOf(const gis::AnalysisTable& t, const std::string& code)
{
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        if (t.rows[i].kode == code)
            return i;
    throw std::runtime_error("no row " + code);
}

} // namespace

TEST(PeriodChange, ChangeColumnsAreLaterMinusEarlierAndEmptyWithoutTheEarlierPeriod)
{
    const gis::Dataset ds = twoPeriods();
    EXPECT_EQ(gis::comparableIndicators(ds, "2024", "2023"),
              (std::vector<std::string>{"miskin", "penduduk", "poverty_rate", "poor_density_km2", "pop_density_km2"}));

    gis::AnalysisTable table = gis::analyzeVillages(ds, "2024");
    ASSERT_EQ(table.period, "2024");
    const std::size_t before = table.columns.size();
    const std::vector<std::string> keys = gis::addChangeColumns(table, ds, "2023");
    EXPECT_EQ(keys.size(), 5u);
    // each key: its earlier value and its change (and the later value when analyze lacks it)
    const std::vector<std::string> added(table.columns.begin() + static_cast<std::ptrdiff_t>(before),
                                         table.columns.end());
    EXPECT_EQ(added, (std::vector<std::string>{"miskin_2023", "change_miskin", "penduduk_2023", "change_penduduk",
                                               "poverty_rate_2023", "change_poverty_rate", "poor_density_km2_2023",
                                               "change_poor_density_km2", "pop_density_km2", "pop_density_km2_2023",
                                               "change_pop_density_km2"}));
    for (const auto& row : table.rows)
        ASSERT_EQ(row.values.size(), table.columns.size());

    const std::size_t a = rowOf(table, kA), b = rowOf(table, kB), c = rowOf(table, kC);
    EXPECT_DOUBLE_EQ(table.value(a, "miskin_2023"), 100.0);
    EXPECT_DOUBLE_EQ(table.value(a, "change_miskin"), -20.0);
    EXPECT_DOUBLE_EQ(table.value(a, "poverty_rate_2023"), 10.0);
    EXPECT_DOUBLE_EQ(table.value(a, "change_poverty_rate"), -2.0); // percentage points, not -20 %
    EXPECT_DOUBLE_EQ(table.value(b, "change_penduduk"), 500.0);
    EXPECT_DOUBLE_EQ(table.value(b, "poverty_rate"), 10.0);
    EXPECT_DOUBLE_EQ(table.value(b, "change_poverty_rate"), -5.0);
    const double areaA = ds.areaKm2(*ds.findArea(kA));
    EXPECT_NEAR(table.value(a, "change_poor_density_km2"), (80.0 - 100.0) / areaA, 1e-9);
    // C has 2024 only: its 2023 cells and its change are empty, not 0
    EXPECT_DOUBLE_EQ(table.value(c, "poverty_rate"), 15.0);
    EXPECT_TRUE(std::isnan(table.value(c, "poverty_rate_2023")));
    EXPECT_TRUE(std::isnan(table.value(c, "change_poverty_rate")));
    EXPECT_TRUE(std::isnan(table.value(c, "change_miskin")));
    // a pekon with no value in either period has no change either
    const std::size_t other = rowOf(table, "18.06.20.2005");
    EXPECT_TRUE(std::isnan(table.value(other, "change_penduduk")));

    const gis::PeriodChange rate = gis::periodChange(ds, "poverty_rate", "2024", "2023");
    EXPECT_EQ(rate.unit, "poin persen");
    EXPECT_EQ(rate.label, "Perubahan tingkat kemiskinan");
    EXPECT_EQ(rate.change.size(), 2u);
    EXPECT_EQ(rate.change.count(kC), 0u);
}

TEST(PeriodChange, ComparingWithTheSamePeriodOrOneWithoutValuesIsRefused)
{
    const gis::Dataset ds = twoPeriods();
    gis::AnalysisTable table = gis::analyzeVillages(ds, "2024");
    try {
        gis::addChangeColumns(table, ds, "2024");
        FAIL();
    } catch (const gis::Error& e) {
        EXPECT_NE(std::string(e.what()).find("is the analysed period itself (2024)"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("Periods held: 2023, 2024"), std::string::npos) << e.what();
    }
    try {
        gis::addChangeColumns(table, ds, "2019");
        FAIL();
    } catch (const gis::Error& e) {
        EXPECT_NE(std::string(e.what()).find("no indicator is held in both period 2024 and period 2019"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(gis::earlierColumn("miskin", "2024-03"), "miskin_2024_03");
    EXPECT_EQ(gis::changedIndicator("change_poverty_rate"), "poverty_rate");
    EXPECT_EQ(gis::changedIndicator("poverty_rate"), "");
}
