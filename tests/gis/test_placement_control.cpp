// Progress and cancellation of a placement run (gis::PlacementControl), as the desktop's
// background job uses them: the same answer as a run without a control, progress that only
// grows to 1, and a stop that ends the run at once with PlacementCancelled.
#include "gis/placement.h"

#include "gis/demo.h"
#include "gis/error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stop_token>
#include <vector>

using namespace gis;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

PlacementOptions fivePuskessos(PlacementMethod method)
{
    PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 5;
    o.method = method;
    o.radiusKm = 5.0;
    return o;
}

} // namespace

TEST(PlacementControl, ProgressGrowsToOneAndTheAnswerIsTheSame)
{
    for (PlacementMethod method : {PlacementMethod::MaxCover, PlacementMethod::PMedian}) {
        const PlacementOptions o = fivePuskessos(method);
        std::vector<double> seen;
        PlacementControl control;
        control.progress = [&seen](double f) { seen.push_back(f); };
        const PlacementResult with = placeFacilities(tanggamus(), o, control);
        const PlacementResult without = placeFacilities(tanggamus(), o);
        ASSERT_EQ(with.sites.size(), 5u);
        ASSERT_EQ(with.sites.size(), without.sites.size());
        for (std::size_t k = 0; k < with.sites.size(); ++k) {
            EXPECT_EQ(with.sites[k].code, without.sites[k].code) << "site " << k + 1;
            EXPECT_DOUBLE_EQ(with.sites[k].gain, without.sites[k].gain);
        }
        EXPECT_DOUBLE_EQ(with.after, without.after);
        ASSERT_GE(seen.size(), 5u) << "progress is reported along the way, not only at the end";
        EXPECT_DOUBLE_EQ(seen.front(), 0.0);
        EXPECT_DOUBLE_EQ(seen.back(), 1.0);
        for (std::size_t i = 1; i < seen.size(); ++i)
            EXPECT_GE(seen[i], seen[i - 1]) << "progress never goes back (step " << i << ")";
        // the search reports in its own range, between reading the input and the assignment
        EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](double f) { return f > 0.15 && f < 0.95; }));
    }
}

TEST(PlacementControl, AStopRequestedBeforeTheRunEndsItAtOnce)
{
    std::stop_source stop;
    stop.request_stop();
    PlacementControl control;
    control.stop = stop.get_token();
    int calls = 0;
    control.progress = [&calls](double) { ++calls; };
    EXPECT_THROW(placeFacilities(tanggamus(), fivePuskessos(PlacementMethod::MaxCover), control), PlacementCancelled);
    EXPECT_EQ(calls, 0) << "nothing is reported once a stop is asked for";
}

TEST(PlacementControl, AStopDuringTheSearchEndsTheRunWithoutAResult)
{
    for (PlacementMethod method : {PlacementMethod::MaxCover, PlacementMethod::PMedian}) {
        std::stop_source stop;
        PlacementControl control;
        control.stop = stop.get_token();
        double last = 0.0;
        // as a user pressing cancel while the search runs: the stop comes from the callback
        control.progress = [&](double f) {
            last = f;
            if (f > 0.2)
                stop.request_stop();
        };
        PlacementOptions o = fivePuskessos(method);
        try {
            placeFacilities(tanggamus(), o, control);
            ADD_FAILURE() << "the run should have stopped";
        } catch (const PlacementCancelled& e) {
            EXPECT_NE(std::string(e.what()).find("stopped"), std::string::npos) << e.what();
        }
        EXPECT_LT(last, 0.95) << "the run stopped inside the search, not after it";
    }
}

TEST(PlacementControl, TheCapacitatedSearchStopsToo)
{
    std::stop_source stop;
    PlacementControl control;
    control.stop = stop.get_token();
    control.progress = [&](double f) {
        if (f > 0.16)
            stop.request_stop();
    };
    PlacementOptions o = fivePuskessos(PlacementMethod::MaxCover);
    o.capacity = 300.0;
    EXPECT_THROW(placeFacilities(tanggamus(), o, control), PlacementCancelled);
    // and a cancelled run leaves nothing behind: the same options run to the end afterwards
    const PlacementResult full = placeFacilities(tanggamus(), o);
    EXPECT_EQ(full.sites.size(), 5u);
}
