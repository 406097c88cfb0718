// The reach step of placement: the radius search (coverageLists, also used by pokdarwis) and
// the distances and reach lists by road. See detail/placementreach.h.
#include "detail/placementreach.h"

#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/geodesicsearch.h"
#include "gis/measure.h"
#include "gis/network.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gis {

std::vector<std::vector<std::uint32_t>> coverageLists(const std::vector<Point>& candidates,
                                                      const std::vector<Point>& demandPoints, double radiusKm,
                                                      unsigned threads)
{
    if (!(radiusKm > 0.0) || !std::isfinite(radiusKm))
        throw Error(fmt::format("placement: the radius must be a positive number of km (got {})", radiusKm));
    std::vector<std::vector<std::uint32_t>> out(candidates.size());
    if (demandPoints.empty())
        return out;
    // The demand points are indexed and each candidate queries them: distances are measured
    // candidate -> demand, hits come in ascending index order, the radius is inclusive.
    const GeodesicPointIndex index(demandPoints);
    const auto hits = index.withinRadiusOfEach(candidates, radiusKm * 1000.0, threads);
    for (std::size_t c = 0; c < hits.size(); ++c) {
        out[c].reserve(hits[c].size());
        for (const GeodesicPointIndex::Hit& h : hits[c])
            out[c].push_back(static_cast<std::uint32_t>(h.index));
    }
    return out;
}

namespace detail {

std::vector<std::vector<double>> minutesFrom(const RoadNetwork& roads, const std::vector<Point>& sources,
                                             const std::vector<Point>& targets)
{
    std::vector<std::vector<double>> out;
    out.reserve(sources.size());
    for (const Point& s : sources)
        out.push_back(roads.travelMinutesFrom(s, targets));
    return out;
}

std::vector<std::vector<std::uint32_t>> pointsWithinReach(const std::vector<Point>& sources,
                                                          const std::vector<Point>& targets, double reach,
                                                          const std::vector<std::vector<double>>* minutes)
{
    if (!minutes)
        return coverageLists(sources, targets, reach, 0);
    std::vector<std::vector<std::uint32_t>> out(minutes->size());
    for (std::size_t s = 0; s < minutes->size(); ++s)
        for (std::size_t t = 0; t < targets.size(); ++t)
            if ((*minutes)[s][t] <= reach)
                out[s].push_back(static_cast<std::uint32_t>(t));
    return out;
}

NearestSources nearestSources(const std::vector<Point>& sources, const std::vector<Point>& targets,
                              const RoadNetwork* roads)
{
    NearestSources out;
    out.distance.assign(targets.size(), std::numeric_limits<double>::infinity());
    out.index.assign(targets.size(), -1);
    if (sources.empty())
        return out;
    if (roads) {
        const auto nearest = roads->nearestTravel(sources, targets);
        for (std::size_t t = 0; t < targets.size(); ++t) {
            out.distance[t] = nearest[t].minutes;
            out.index[t] = nearest[t].source;
        }
    } else {
        const NearestPointIndex index(sources);
        for (std::size_t t = 0; t < targets.size(); ++t) {
            const auto hit = index.nearest(targets[t]);
            out.distance[t] = hit.distanceM / 1000.0;
            out.index[t] = static_cast<long long>(hit.index);
        }
    }
    return out;
}

NearestSources nearestOfMatrix(const std::vector<std::vector<double>>& minutes, std::size_t targetCount)
{
    NearestSources out;
    out.distance.assign(targetCount, std::numeric_limits<double>::infinity());
    out.index.assign(targetCount, -1);
    for (std::size_t s = 0; s < minutes.size(); ++s)
        for (std::size_t t = 0; t < targetCount; ++t)
            if (minutes[s][t] < out.distance[t]) {
                out.distance[t] = minutes[s][t];
                out.index[t] = static_cast<long long>(s);
            }
    return out;
}

} // namespace detail

} // namespace gis
