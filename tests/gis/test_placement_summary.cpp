// The figures printed after a placement run (gis::summarisePlacement), on hand-built results
// whose figures are worked out by hand below, and the errors that name the setting to change.
#include "gis/placement.h"

#include "gis/demo.h"
#include "gis/error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

using namespace gis;

namespace {

VillageAssignment village(const std::string& code, double demand, double served, double accessBefore,
                          double accessAfter)
{
    VillageAssignment a;
    a.code = code;
    a.name = "Pekon " + code;
    a.demand = demand;
    a.served = served;
    a.unserved = demand - served;
    a.accessBefore = accessBefore;
    a.accessAfter = accessAfter;
    return a;
}

/// Five villages, 1,000 units of demand: A 400, B 300, C 200, D 100, E 0.
PlacementResult fiveVillages(PlacementMethod method, std::optional<double> capacity)
{
    PlacementResult r;
    r.options.method = method;
    r.options.capacity = capacity;
    r.totalDemand = 1000.0;
    return r;
}

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

} // namespace

TEST(PlacementSummary, MaxCoverCoverageAndAccessByHand)
{
    PlacementResult r = fiveVillages(PlacementMethod::MaxCover, std::nullopt);
    // Covered before: A (400); after: A, B and D (800).
    r.before = 400.0;
    r.after = 800.0;
    r.villages = {village("A", 400, 400, 2.5, 2.5), village("B", 300, 300, 0.0, 1.0), village("C", 200, 0, 0.0, 0.0),
                  village("D", 100, 100, 0.0, 5.0), village("E", 0, 0, 0.0, 0.0)};
    const PlacementSummary s = summarisePlacement(r);
    EXPECT_TRUE(s.maxCover);
    EXPECT_FALSE(s.capacitated);
    EXPECT_DOUBLE_EQ(s.beforePercent, 40.0);
    EXPECT_DOUBLE_EQ(s.afterPercent, 80.0);
    EXPECT_DOUBLE_EQ(s.newly, 400.0);
    ASSERT_TRUE(s.access);
    // Demand-weighted over A-D (E has no demand): before 400 x 2.5 / 1000 = 1.0;
    // after (400 x 2.5 + 300 x 1 + 200 x 0 + 100 x 5) / 1000 = 1800 / 1000 = 1.8.
    EXPECT_DOUBLE_EQ(s.access->meanBefore, 1.0);
    EXPECT_DOUBLE_EQ(s.access->meanAfter, 1.8);
    EXPECT_EQ(s.access->noneBefore, 3u); // B, C, D
    EXPECT_EQ(s.access->noneAfter, 1u);  // C
    EXPECT_EQ(s.partlyServed, 0u);
    EXPECT_EQ(s.notServed, 0u);
    EXPECT_TRUE(std::isnan(s.meanDistanceAfter));
    EXPECT_FALSE(s.priority) << "only the dataset overload compares with the priority sites";
}

TEST(PlacementSummary, CapacityCountsPekonPartlyAndNotServed)
{
    PlacementResult r = fiveVillages(PlacementMethod::MaxCover, 250.0);
    // A gets 250 of 400 (partly), B all 300, C none of 200, D 50 of 100 (partly), E has no demand.
    r.villages = {village("A", 400, 250, 0, 0), village("B", 300, 300, 0, 0), village("C", 200, 0, 0, 0),
                  village("D", 100, 50, 0, 0), village("E", 0, 0, 0, 0)};
    r.servedBefore = r.before = 250.0;
    r.servedAfter = r.after = 600.0;
    const PlacementSummary s = summarisePlacement(r);
    EXPECT_TRUE(s.capacitated);
    EXPECT_EQ(s.partlyServed, 2u);
    EXPECT_EQ(s.notServed, 1u);
    EXPECT_DOUBLE_EQ(s.servedPercent, 60.0);
    EXPECT_DOUBLE_EQ(s.unserved, 400.0);
    EXPECT_DOUBLE_EQ(s.beforePercent, 25.0);
    EXPECT_DOUBLE_EQ(s.afterPercent, 60.0);
    EXPECT_DOUBLE_EQ(s.newly, 350.0);
    ASSERT_TRUE(s.access);
    EXPECT_EQ(s.access->noneBefore, 4u);
    EXPECT_DOUBLE_EQ(s.access->meanAfter, 0.0);
}

TEST(PlacementSummary, PMedianMeanDistancesByHand)
{
    // Under a capacity the means are over the served demand: 1200 km / 400 = 3, 1500 / 600 = 2.5.
    PlacementResult r = fiveVillages(PlacementMethod::PMedian, 250.0);
    r.before = 1200.0;
    r.servedBefore = 400.0;
    r.after = 1500.0;
    r.servedAfter = 600.0;
    PlacementSummary s = summarisePlacement(r);
    EXPECT_FALSE(s.maxCover);
    EXPECT_DOUBLE_EQ(s.meanDistanceBefore, 3.0);
    EXPECT_DOUBLE_EQ(s.meanDistanceAfter, 2.5);
    EXPECT_FALSE(s.access);
    EXPECT_DOUBLE_EQ(s.unserved, 400.0);
    r.before = std::numeric_limits<double>::quiet_NaN(); // no existing facility
    s = summarisePlacement(r);
    EXPECT_TRUE(std::isnan(s.meanDistanceBefore));
    EXPECT_DOUBLE_EQ(s.meanDistanceAfter, 2.5);

    // Without a capacity: after over the total demand (2500 / 1000), before over the demand an
    // existing facility reaches (3000 / 600).
    PlacementResult u = fiveVillages(PlacementMethod::PMedian, std::nullopt);
    u.before = 3000.0;
    u.servedBefore = 600.0;
    u.after = 2500.0;
    s = summarisePlacement(u);
    EXPECT_DOUBLE_EQ(s.meanDistanceBefore, 5.0);
    EXPECT_DOUBLE_EQ(s.meanDistanceAfter, 2.5);
    EXPECT_EQ(s.partlyServed, 0u);
    u.totalDemand = 0.0;
    EXPECT_DOUBLE_EQ(summarisePlacement(u).meanDistanceAfter, 0.0);
}

TEST(PlacementSummary, NoDemandGivesZeroPercentAndNoAccess)
{
    PlacementResult r = fiveVillages(PlacementMethod::MaxCover, std::nullopt);
    r.totalDemand = 0.0;
    r.villages = {village("E", 0, 0, 0, 0)};
    const PlacementSummary s = summarisePlacement(r);
    EXPECT_DOUBLE_EQ(s.beforePercent, 0.0);
    EXPECT_DOUBLE_EQ(s.afterPercent, 0.0);
    EXPECT_FALSE(s.access);
}

TEST(PlacementSummary, TanggamusComparisonIsTheTopPriorityPekonEvaluated)
{
    PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 10;
    o.radiusKm = 5.0;
    const PlacementResult placed = placeFacilities(tanggamus(), o);
    const PlacementSummary s = summarisePlacement(tanggamus(), o, placed);
    ASSERT_TRUE(s.priority);
    const PlacementResult top = evaluateSites(tanggamus(), o, topPriorityCodes(tanggamus(), 10));
    EXPECT_EQ(s.priority->count, 10u);
    EXPECT_DOUBLE_EQ(s.priority->after, top.after);
    EXPECT_DOUBLE_EQ(s.priority->newly, top.after - top.before);
    EXPECT_DOUBLE_EQ(s.priority->afterPercent, 100.0 * top.after / top.totalDemand);
    EXPECT_GT(s.newly, s.priority->newly) << "the MCLP proposal covers more than the top-priority pekon";
    // The figures printed by `place` for this run (README, CLI test): 4272 and 37303 of 73770.
    EXPECT_NEAR(s.beforePercent, 100.0 * 4272 / 73770, 0.01);
    EXPECT_NEAR(s.afterPercent, 100.0 * 37303 / 73770, 0.01);

    o.method = PlacementMethod::PMedian;
    const PlacementResult median = placeFacilities(tanggamus(), o);
    EXPECT_FALSE(summarisePlacement(tanggamus(), o, median).priority) << "p-median has no coverage to compare";
}

TEST(PlacementErrors, NameTheSettingAsDataAndNoCommandLineOption)
{
    PlacementOptions o;
    o.count = 0;
    try {
        placeFacilities(tanggamus(), o);
        FAIL() << "count 0 must be refused";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.parameter(), PlacementParameter::Count);
        EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
    }
    o.count = 2;
    o.radiusKm = 0.0;
    try {
        placeFacilities(tanggamus(), o);
        FAIL() << "a radius of 0 must be refused";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.parameter(), PlacementParameter::RadiusKm);
        EXPECT_NE(std::string(e.what()).find("radius in km"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
    }
    o.radiusKm = 5.0;
    o.capacity = -1.0;
    try {
        placeFacilities(tanggamus(), o);
        FAIL() << "a negative capacity must be refused";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.parameter(), PlacementParameter::Capacity);
        EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
    }
    o.capacity.reset();
    o.candidates = "priority_rank<=many";
    try {
        placeFacilities(tanggamus(), o);
        FAIL() << "a rule without a number must be refused";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.parameter(), PlacementParameter::Candidates);
        EXPECT_NE(std::string(e.what()).find("priority_rank<=many"), std::string::npos) << e.what();
    }
    // A rule that selects none.
    o.candidates = "priority_rank<0";
    try {
        placeFacilities(tanggamus(), o);
        FAIL() << "no candidates must be refused";
    } catch (const PlacementError& e) {
        EXPECT_EQ(e.parameter(), PlacementParameter::Candidates);
    }
}
