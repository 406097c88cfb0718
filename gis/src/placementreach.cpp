// The reach step of placement: the radius search (coverageLists, also used by pokdarwis) and
// the distances and reach lists by road. See detail/placementreach.h.
#include "detail/placementreach.h"

#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/measure.h"
#include "gis/network.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>
#include <unordered_map>

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
    // A degree of latitude is at least 110.57 km on WGS 84; 110 leaves a margin.
    const double dLat = radiusKm / 110.0;
    const double cell = std::max(dLat, 1e-4);
    auto cellOf = [&](double v) { return static_cast<long long>(std::floor(v / cell)); };
    auto key = [](long long ix, long long iy) { return (ix << 32) ^ (iy & 0xffffffffLL); };
    std::unordered_map<long long, std::vector<std::uint32_t>> grid;
    for (std::size_t d = 0; d < demandPoints.size(); ++d)
        grid[key(cellOf(demandPoints[d].x), cellOf(demandPoints[d].y))].push_back(static_cast<std::uint32_t>(d));
    const double radiusM = radiusKm * 1000.0;

    auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
            const Point p = candidates[c];
            const double maxLat = std::min(89.999, std::fabs(p.y) + dLat);
            const double cosLat = std::cos(maxLat * 3.14159265358979323846 / 180.0);
            // A degree of longitude is at least 111.32 cos(lat) km (the parallel's length).
            const double dLon = cosLat > 1e-6 ? radiusKm / (111.0 * cosLat) : 360.0;
            std::vector<std::uint32_t>& list = out[c];
            if (dLon >= 180.0) {
                for (std::size_t d = 0; d < demandPoints.size(); ++d)
                    if (geodesicDistanceM(p, demandPoints[d]) <= radiusM)
                        list.push_back(static_cast<std::uint32_t>(d));
                continue;
            }
            for (long long ix = cellOf(p.x - dLon); ix <= cellOf(p.x + dLon); ++ix)
                for (long long iy = cellOf(p.y - dLat); iy <= cellOf(p.y + dLat); ++iy) {
                    auto it = grid.find(key(ix, iy));
                    if (it == grid.end())
                        continue;
                    for (std::uint32_t d : it->second) {
                        const Point q = demandPoints[d];
                        if (std::fabs(q.y - p.y) > dLat || std::fabs(q.x - p.x) > dLon)
                            continue;
                        if (geodesicDistanceM(p, q) <= radiusM)
                            list.push_back(d);
                    }
                }
            std::sort(list.begin(), list.end());
        }
    };
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, candidates.size() / 64)));
    if (threads <= 1) {
        work(0, candidates.size());
    } else {
        std::vector<std::thread> pool;
        const std::size_t chunk = (candidates.size() + threads - 1) / threads;
        for (unsigned t = 0; t < threads; ++t) {
            const std::size_t b = std::min(candidates.size(), t * chunk);
            const std::size_t e = std::min(candidates.size(), b + chunk);
            pool.emplace_back(work, b, e);
        }
        for (auto& th : pool)
            th.join();
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

} // namespace detail

} // namespace gis
