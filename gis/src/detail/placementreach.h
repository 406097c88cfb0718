#pragma once
/// \file placementreach.h
/// The reach step of a placement run (private to sasaran_gis): which demand points a facility
/// reaches and at what distance, as geodesic km or as travel minutes along a RoadNetwork.
/// The radius search itself is gis::coverageLists (placement.h, defined in placementreach.cpp;
/// pokdarwis uses it too), a query of the shared geodesic search module (gis/geodesicsearch.h).
/// Pure functions of their arguments; they run on the caller's thread (coverageLists may use
/// worker threads of its own and joins them before returning).
#include "gis/placement.h"

#include <cstdint>
#include <vector>

namespace gis::detail {

/// Minutes from each source to every target (one Dijkstra per source); +infinity where no road leads.
std::vector<std::vector<double>> minutesFrom(const RoadNetwork& roads, const std::vector<Point>& sources,
                                             const std::vector<Point>& targets);

/// Per source: the targets within \a reach, ascending. Without \a minutes, geodesic km
/// (coverageLists); with it (a minutesFrom matrix of the same sources), travel minutes.
std::vector<std::vector<std::uint32_t>> pointsWithinReach(const std::vector<Point>& sources,
                                                          const std::vector<Point>& targets, double reach,
                                                          const std::vector<std::vector<double>>* minutes);

/// Per target: the nearest of \a sources (index, -1 when there are none) and its distance
/// (km, or minutes along \a roads when given; +infinity when none reaches).
struct NearestSources {
    std::vector<double> distance;
    std::vector<long long> index;
};
NearestSources nearestSources(const std::vector<Point>& sources, const std::vector<Point>& targets,
                              const RoadNetwork* roads);
/// The same from a [source][target] matrix of minutes (a travel model's).
NearestSources nearestOfMatrix(const std::vector<std::vector<double>>& minutes, std::size_t targetCount);

} // namespace gis::detail
