// The figures shown after a placement run: coverage and service before and after, villages
// partly or not served, mean distances, the 2SFCA access ratio, and the comparison with the
// same number of sites in the highest-priority villages.
#include "gis/placement.h"

#include <cmath>
#include <limits>

namespace gis {

namespace {

double percent(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

PlacementSummary summarisePlacement(const PlacementResult& result)
{
    PlacementSummary s;
    s.maxCover = result.options.method == PlacementMethod::MaxCover;
    s.capacitated = result.options.capacity.has_value();
    const double total = result.totalDemand;
    if (s.capacitated) {
        for (const VillageAssignment& a : result.villages) {
            if (!(a.demand > 0))
                continue;
            if (a.served <= 0)
                ++s.notServed;
            else if (a.unserved > 0)
                ++s.partlyServed;
        }
        s.servedPercent = percent(result.servedAfter, total);
        s.unserved = total - result.servedAfter;
    }
    if (s.maxCover) {
        s.beforePercent = percent(result.before, total);
        s.afterPercent = percent(result.after, total);
        s.newly = result.after - result.before;
        double sumBefore = 0, sumAfter = 0, demandSum = 0;
        AccessSummary access;
        for (const VillageAssignment& a : result.villages) {
            if (!(a.demand > 0))
                continue;
            sumBefore += a.demand * a.accessBefore;
            sumAfter += a.demand * a.accessAfter;
            demandSum += a.demand;
            access.noneBefore += a.accessBefore > 0 ? 0 : 1;
            access.noneAfter += a.accessAfter > 0 ? 0 : 1;
        }
        if (demandSum > 0) {
            access.meanBefore = sumBefore / demandSum;
            access.meanAfter = sumAfter / demandSum;
            s.access = access;
        }
    } else if (s.capacitated) {
        auto mean = [](double cost, double served) { return served > 0 ? cost / served : 0.0; };
        s.meanDistanceBefore = std::isnan(result.before) ? kNaN : mean(result.before, result.servedBefore);
        s.meanDistanceAfter = mean(result.after, result.servedAfter);
    } else {
        s.meanDistanceBefore = std::isnan(result.before) ? kNaN
            : result.servedBefore > 0                    ? result.before / result.servedBefore
                                                         : 0.0;
        s.meanDistanceAfter = total > 0 ? result.after / total : 0.0;
    }
    return s;
}

PlacementSummary summarisePlacement(const Dataset& ds, const PlacementOptions& options, const PlacementResult& result)
{
    PlacementSummary s = summarisePlacement(result);
    if (!s.maxCover)
        return s;
    const std::vector<std::string> top = topPriorityCodes(ds, options.count, options.period);
    if (top.empty())
        return s;
    const PlacementResult priority = evaluateSites(ds, options, top);
    PriorityComparison c;
    c.count = top.size();
    c.after = priority.after;
    c.afterPercent = percent(priority.after, priority.totalDemand);
    c.newly = priority.after - priority.before;
    s.priority = c;
    return s;
}

} // namespace gis
