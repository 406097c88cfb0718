#pragma once
/// \file network.h
/// Travel time along a road network (roads, paths, ferry links) built from line geometries in
/// EPSG:4326: a graph whose nodes are the lines' vertices, edges weighted by geodesic length /
/// speed in minutes, Dijkstra from one or many sources, and query points snapped to the
/// nearest point on the nearest edge with an off-road speed for the gap.
///
/// - Nodes: every vertex of every line. Vertices within RoadNetwork::Options::snapToleranceM
///   (default 1 m) of each other become one node, so digitising gaps where two roads nearly
///   meet are joined. A line's end vertex lying within the tolerance of another line's
///   segment (a T-junction digitised without a shared vertex) is joined to that segment at the
///   nearest point. Two lines that cross without a vertex in common (a bridge over a road) are
///   not joined.
/// - Edges are two-way. A ferry or boat line (class "ferry" in a road layer) is an edge like
///   any other, at its own speed.
/// - Travel between two points = off-road gap from the first point to its nearest point on the
///   network + along the network + the gap from the network to the second point; gaps are
///   geodesic at the off-road speed (default 5 km/h, walking). There is no direct off-road
///   route between the two points: the network is the only way (otherwise islands would be
///   reached by walking across the sea).
/// - Unreachable (points snapped to different connected components, an empty network, or a
///   gap longer than Options::maxSnapDistanceM) = +infinity. Nothing throws for that.
/// \note Thread safety: building a RoadNetwork reads only its input; a built network is
/// immutable, so its const queries (travel times, nearest facility) may run from several
/// threads at once.
#include "gis/geometry.h"

#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gis {

struct VectorData;

/// \brief Where a point meets the network.
struct RoadSnap {
    bool onNetwork = false; ///< false when the network is empty or the gap exceeds the maximum
    Point point;            ///< nearest point on the nearest edge (EPSG:4326)
    double offRoadM = std::numeric_limits<double>::infinity(); ///< geodesic gap from the query point
    std::size_t edge = 0;                                      ///< index of the edge snapped to
    double fraction = 0.0;                                     ///< position along the edge from its first node, 0..1
};

/// \brief Minutes to the nearest of several sources, and which one.
struct NearestTravel {
    double minutes = std::numeric_limits<double>::infinity(); ///< +infinity when unreachable
    long long source = -1;                                    ///< index into the sources, -1 when unreachable
};

/// \brief How a RoadNetwork joins lines and reaches points off the road.
struct RoadNetworkOptions {
    double snapToleranceM = 1.0;  ///< vertices (and line ends on segments) closer than this are joined
    double offRoadSpeedKmh = 5.0; ///< speed across the gap between a point and the network
    /// A point farther than this from every edge is not on the network (its travel time is
    /// +infinity). Default: no limit.
    double maxSnapDistanceM = std::numeric_limits<double>::infinity();
};

/// \brief A road graph for travel-time queries. A value type (no C handles): copy it, or query
/// it from several threads at once (queries are const and keep no state).
class RoadNetwork {
public:
    using Options = RoadNetworkOptions;

    struct Edge {
        std::size_t from = 0; ///< node index
        std::size_t to = 0;   ///< node index
        double lengthM = 0.0; ///< geodesic length
        double speedKmh = 0.0;
        double minutes = 0.0; ///< lengthM / speed
        std::size_t line = 0; ///< fromLines: index into its lines; fromVector: index into VectorData::features
    };

    RoadNetwork() = default;

    /// \brief Builds from lines with one speed per line (km/h); \a speedsKmh empty = 30 km/h for
    /// all. A line with fewer than 2 distinct points, or a speed that is not positive and finite,
    /// is left out and listed in notes().
    /// \throws Error when \a speedsKmh is neither empty nor one per line.
    static RoadNetwork fromLines(const std::vector<LineString>& lines, const std::vector<double>& speedsKmh = {},
                                 const Options& options = {});
    /// \brief Builds from line features read by readVector (GeometryType::Line; other features are
    /// skipped and noted). Speed of a feature: speedByClass[value of \a classField] (class names
    /// matched case-insensitively, spaces trimmed), else \a defaultSpeedKmh; classes that fall
    /// back to the default are counted in notes(). \a classField empty = every line at the default.
    /// \throws Error when \a classField is not a field of the layer or a speed is not positive.
    static RoadNetwork fromVector(const VectorData& data, const std::string& classField,
                                  const std::map<std::string, double>& speedByClass, double defaultSpeedKmh,
                                  const Options& options = {});

    std::size_t nodeCount() const noexcept { return mNodes.size(); }
    std::size_t edgeCount() const noexcept { return mEdges.size(); }
    /// \brief Number of connected components (parts not joined by any edge).
    std::size_t componentCount() const noexcept { return mComponentCount; }
    /// \brief Number of node joins made by the snapping tolerance (vertices merged + line ends
    /// put onto segments), a measure of digitising gaps in the source.
    std::size_t snappedJoins() const noexcept { return mSnappedJoins; }
    const std::vector<Point>& nodes() const noexcept { return mNodes; }
    const std::vector<Edge>& edges() const noexcept { return mEdges; }
    /// \brief Component id of a node.
    std::size_t componentOf(std::size_t node) const { return mComponent.at(node); }
    /// \brief What was skipped or defaulted while building, one sentence each.
    const std::vector<std::string>& notes() const noexcept { return mNotes; }
    const Options& options() const noexcept { return mOptions; }

    /// \brief Nearest point on the nearest edge (through a grid index of the segments).
    RoadSnap snap(Point p) const;

    /// \brief Minutes from \a from to \a to (+infinity when unreachable).
    double travelMinutes(Point from, Point to) const;
    /// \brief Minutes from \a source to each target, with one Dijkstra run.
    std::vector<double> travelMinutesFrom(Point source, const std::vector<Point>& targets) const;
    /// \brief For each query point, minutes to the nearest of \a sources (e.g. all facilities of a
    /// kind) and its index, with one multi-source Dijkstra run. Edges are two-way, so "from the
    /// point to the nearest facility" and "from the nearest facility to the point" are the same.
    std::vector<NearestTravel> nearestTravel(const std::vector<Point>& sources,
                                             const std::vector<Point>& queries) const;
    /// \brief Minutes only of nearestTravel (+infinity where unreachable or \a sources is empty).
    std::vector<double> nearestMinutes(const std::vector<Point>& sources, const std::vector<Point>& queries) const;

private:
    struct SegmentGrid; ///< grid index of the edges (immutable once built, shared by copies)

    void build(std::vector<LineString> lines, const std::vector<double>& speeds,
               const std::vector<std::size_t>& lineIds);
    void linkAdjacency();
    void buildGrid();
    /// Runs Dijkstra from seeds (node, minutes, label); fills dist and label per node.
    void dijkstra(const std::vector<std::pair<std::size_t, double>>& seeds, const std::vector<long long>& seedLabels,
                  std::vector<double>& dist, std::vector<long long>& label) const;

    Options mOptions;
    std::vector<Point> mNodes;
    std::vector<Edge> mEdges;
    std::vector<std::size_t> mAdjStart; ///< CSR adjacency: node -> [start, start+1) in mAdj
    std::vector<std::size_t> mAdj;      ///< edge indices
    std::vector<std::size_t> mComponent;
    std::size_t mComponentCount = 0;
    std::size_t mSnappedJoins = 0;
    std::shared_ptr<const SegmentGrid> mGrid;
    std::vector<std::string> mNotes;
};

} // namespace gis
