// The priority library functions the CLI, the map and the desktop share: which scheme a name
// means (resolvePriorityScheme) and why a village scores high (topContributions), checked on a
// three-village scheme worked by hand.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/error.h"
#include "gis/priority.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

using namespace gis;

namespace {

/// x: higher is worse, weight 2; y: higher is better, weight 1; z: higher is worse, weight 1.
/// Weights sum to 4, so w = 0.5, 0.25, 0.25, and all min-max (no rescaling).
///   x = 10, 20, 30   -> n = 0, 0.5, 1
///   y =  5,  1,  3   -> reversed (5 - y) / 4 = 0, 1, 0.5
///   z =  0,  1,  1   -> n = 0, 1, 1
/// Points = 100 w n:
///   A: x 0,  y 0,    z 0   -> score 0,    rank 3
///   B: x 25, y 25,   z 25  -> score 75,   rank 2 (three equal contributions)
///   C: x 50, y 12.5, z 25  -> score 87.5, rank 1
PriorityScheme handScheme()
{
    PriorityScheme s;
    s.name = "hand";
    s.indicators = {{"x", Direction::HigherIsWorse, Normalisation::MinMax, 2.0},
                    {"y", Direction::HigherIsBetter, Normalisation::MinMax, 1.0},
                    {"z", Direction::HigherIsWorse, Normalisation::MinMax, 1.0}};
    return s;
}

const std::vector<std::string> kCodes = {"A", "B", "C"};
const std::map<std::string, std::vector<double>> kValues = {{"x", {10, 20, 30}}, {"y", {5, 1, 3}}, {"z", {0, 1, 1}}};

} // namespace

TEST(PriorityWhy, TopContributionsOfAHandWorkedScheme)
{
    const PriorityScheme scheme = handScheme();
    const PriorityResult r = scorePriority(scheme, kCodes, kValues);
    ASSERT_EQ(r.rank, (std::vector<int>{3, 2, 1}));
    EXPECT_NEAR(r.score[2], 87.5, 1e-12);
    EXPECT_NEAR(r.score[1], 75.0, 1e-12);

    const std::vector<ScoreContribution> c = topContributions(scheme, r, 2, 3);
    ASSERT_EQ(c.size(), 3u);
    EXPECT_EQ(c[0].key, "x");
    EXPECT_EQ(c[0].indicator, 0u);
    EXPECT_NEAR(c[0].points, 50.0, 1e-12);
    EXPECT_EQ(c[1].key, "z");
    EXPECT_EQ(c[1].indicator, 2u);
    EXPECT_NEAR(c[1].points, 25.0, 1e-12);
    EXPECT_EQ(c[2].key, "y");
    EXPECT_NEAR(c[2].points, 12.5, 1e-12);

    // Two largest only.
    const std::vector<ScoreContribution> two = topContributions(scheme, r, 2, 2);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[1].key, "z");

    // B: three contributions of 25 points each: the scheme's order decides.
    const std::vector<ScoreContribution> b = topContributions(scheme, r, 1, 3);
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(b[0].key, "x");
    EXPECT_EQ(b[1].key, "y");
    EXPECT_EQ(b[2].key, "z");
    for (const ScoreContribution& part : b)
        EXPECT_NEAR(part.points, 25.0, 1e-12);

    // A scores 0: every contribution 0, still in the scheme's order.
    const std::vector<ScoreContribution> a = topContributions(scheme, r, 0, 5);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0].key, "x");
    EXPECT_EQ(a[0].points, 0.0);

    EXPECT_EQ(villagesByRank(r), (std::vector<std::size_t>{2, 1, 0}));
    EXPECT_THROW(topContributions(scheme, r, 3), Error);
    PriorityScheme shorter = scheme;
    shorter.indicators.pop_back();
    EXPECT_THROW(topContributions(shorter, r, 0), Error);
}

TEST(PriorityWhy, AnExcludedVillageHasNoContributions)
{
    // D lacks y: excluded, so A, B and C are scored as above (statistics over the scored ones).
    const PriorityScheme scheme = handScheme();
    auto values = kValues;
    values["x"].push_back(40);
    values["y"].push_back(std::numeric_limits<double>::quiet_NaN());
    values["z"].push_back(0);
    const PriorityResult r = scorePriority(scheme, {"A", "B", "C", "D"}, values);
    EXPECT_EQ(r.rank, (std::vector<int>{3, 2, 1, 0}));
    EXPECT_TRUE(topContributions(scheme, r, 3).empty());
    EXPECT_NEAR(topContributions(scheme, r, 2, 1).at(0).points, 50.0, 1e-12);
    EXPECT_EQ(villagesByRank(r), (std::vector<std::size_t>{2, 1, 0}));
}

TEST(PriorityWhy, ResolveSchemeByFileNameOrDefault)
{
    Dataset ds;
    // Empty: the default scheme.
    EXPECT_EQ(resolvePriorityScheme(ds, "").name, defaultPriorityScheme().name);
    EXPECT_EQ(resolvePriorityScheme(ds, "").indicators.size(), 5u);

    // A file: read from it.
    const std::filesystem::path dir = testutil::tempDir("priority_resolve");
    const std::string file = (dir / "hand.json").string();
    saveScheme(handScheme(), file);
    const PriorityScheme fromFile = resolvePriorityScheme(ds, file);
    EXPECT_EQ(fromFile.name, "hand");
    ASSERT_EQ(fromFile.indicators.size(), 3u);
    EXPECT_EQ(fromFile.indicators[1].key, "y");
    EXPECT_EQ(fromFile.indicators[1].direction, Direction::HigherIsBetter);
    EXPECT_EQ(fromFile.indicators[0].weight, 2.0);

    // A name: the scheme kept in the project under it.
    PriorityScheme kept = handScheme();
    kept.name = "kept one";
    kept.indicators[2].weight = 3.0;
    storeScheme(ds, kept);
    const PriorityScheme byName = resolvePriorityScheme(ds, "kept one");
    EXPECT_EQ(byName.name, "kept one");
    EXPECT_EQ(byName.indicators[2].weight, 3.0);

    // Not kept: the message lists what is; a .json that is not there names the file.
    try {
        resolvePriorityScheme(ds, "other");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("kept one"), std::string::npos) << e.what();
    }
    const std::string absent = (dir / "absent.json").string();
    try {
        resolvePriorityScheme(ds, absent);
        FAIL() << "expected an error";
    } catch (const DataSourceError& e) {
        EXPECT_NE(std::string(e.what()).find("absent.json"), std::string::npos) << e.what();
    }
}

TEST(PrioritySensitivity, SchemeLevelEqualsTableLevel)
{
    // The scheme-level function is what the table-level one calls: the same ranks and shares.
    const PriorityScheme scheme = handScheme();
    SensitivityOptions o;
    o.draws = 40;
    o.perturbation = 0.5;
    o.topN = 1;
    o.seed = 3;
    const SensitivityResult r = prioritySensitivity(scheme, kCodes, kValues, o);
    // A is last whatever the weights (0 points on every indicator); C ranks first in the
    // unperturbed draw, so its best rank is 1.
    EXPECT_EQ(r.rankMin[0], 3);
    EXPECT_EQ(r.rankMax[0], 3);
    EXPECT_EQ(r.rankMin[2], 1);
    EXPECT_EQ(r.topShare[0], 0.0);
    EXPECT_NEAR(r.topShare[1] + r.topShare[2], 1.0, 1e-12); // one village is first in each draw

    AnalysisTable table;
    table.scheme = scheme;
    for (const std::string& code : kCodes)
        table.rows.push_back({code, code, "", {}, {}});
    table.inputs = kValues;
    table.priority = scorePriority(scheme, kCodes, kValues);
    const SensitivityResult t = prioritySensitivity(table, o);
    EXPECT_EQ(t.rankMin, r.rankMin);
    EXPECT_EQ(t.rankMax, r.rankMax);
    EXPECT_EQ(t.topShare, r.topShare);
}
