// Scoring an analysis again from its cached inputs (the desktop's weight sliders) gives exactly
// what a fresh analysis with that scheme gives; the sensitivity with progress draws the same
// weights as without and stops when told to.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

void expectSameTable(const gis::AnalysisTable& a, const gis::AnalysisTable& b)
{
    ASSERT_EQ(a.columns, b.columns);
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        ASSERT_EQ(a.rows[i].kode, b.rows[i].kode);
        for (std::size_t c = 0; c < a.columns.size(); ++c) {
            const double x = a.rows[i].values[c], y = b.rows[i].values[c];
            if (std::isnan(x) || std::isnan(y))
                EXPECT_TRUE(std::isnan(x) && std::isnan(y)) << a.rows[i].kode << " " << a.columns[c];
            else
                EXPECT_NEAR(x, y, 1e-9) << a.rows[i].kode << " " << a.columns[c];
        }
    }
    EXPECT_EQ(a.priority.rank, b.priority.rank);
    EXPECT_EQ(gis::schemeToJson(a.scheme), gis::schemeToJson(b.scheme));
}

} // namespace

TEST(RescoreAnalysis, EqualsAFreshAnalysisWithTheEditedScheme)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    gis::AnalysisTable table = gis::analyzeVillages(ds);

    gis::PriorityScheme edited = gis::defaultPriorityScheme();
    edited.name = "diubah";
    edited.indicators[0].weight = 3.0;                               // poverty_rate counts triple
    edited.indicators[1].normalisation = gis::Normalisation::ZScore; // poor_density_km2
    edited.indicators[2].direction = gis::Direction::HigherIsBetter; // dist_puskessos_km
    edited.indicators.erase(edited.indicators.begin() + 3);          // no_bumdes dropped
    edited.indicators.push_back({"penduduk", gis::Direction::HigherIsWorse, gis::Normalisation::PercentileRank, 0.5});
    edited.missing = gis::MissingRule::FillMedian;

    const std::vector<int> before = table.priority.rank;
    gis::rescoreAnalysis(table, edited);
    const gis::AnalysisTable fresh = gis::analyzeVillages(ds, {}, edited);
    expectSameTable(table, fresh);
    EXPECT_NE(table.priority.rank, before) << "the edited weights reorder the pekon";
    EXPECT_EQ(table.column("contrib_penduduk"), table.column("priority_rank") + 5)
        << "contributions follow the rank, in the scheme's order";
    EXPECT_THROW(table.column("contrib_no_bumdes"), gis::Error) << "a dropped indicator's column goes";

    // back to the default: the first table again
    gis::rescoreAnalysis(table, gis::defaultPriorityScheme());
    expectSameTable(table, gis::analyzeVillages(ds));
}

TEST(RescoreAnalysis, AnUnknownKeyLeavesTheTableUnchanged)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    gis::AnalysisTable table = gis::analyzeVillages(ds);
    const gis::AnalysisTable copy = table;
    gis::PriorityScheme bad = gis::defaultPriorityScheme();
    bad.indicators.push_back({"tidak_ada", gis::Direction::HigherIsWorse, gis::Normalisation::MinMax, 1.0});
    EXPECT_THROW(gis::rescoreAnalysis(table, bad), gis::Error);
    expectSameTable(table, copy);
}

TEST(RescoreAnalysis, SensitivityWithProgressDrawsTheSameAndStopsWhenTold)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    std::vector<std::string> codes;
    for (const auto& row : table.rows)
        codes.push_back(row.kode);
    gis::SensitivityOptions options;
    options.draws = 40;
    options.topN = 10;
    options.seed = 7;

    std::vector<int> seen;
    const auto withProgress =
        gis::prioritySensitivity(table.scheme, codes, table.inputs, options, [&](int done, int total) {
            EXPECT_EQ(total, 40);
            seen.push_back(done);
            return true;
        });
    ASSERT_TRUE(withProgress.has_value());
    ASSERT_EQ(seen.size(), 40u);
    EXPECT_EQ(seen.front(), 1);
    EXPECT_EQ(seen.back(), 40);
    const gis::SensitivityResult plain = gis::prioritySensitivity(table, options);
    EXPECT_EQ(withProgress->rankMin, plain.rankMin);
    EXPECT_EQ(withProgress->rankMax, plain.rankMax);
    EXPECT_EQ(withProgress->topShare, plain.topShare);

    int calls = 0;
    const auto stopped = gis::prioritySensitivity(table.scheme, codes, table.inputs, options,
                                                  [&](int done, int) { return ++calls, done < 5; });
    EXPECT_FALSE(stopped.has_value());
    EXPECT_EQ(calls, 5) << "no draw after the callback said stop";
}
