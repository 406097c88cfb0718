#pragma once
/// \file geodesicsearch.h
/// The one exact geodesic neighbour search of Sasaran: the nearest point, the k nearest points
/// and all points within a radius, over lon/lat points (EPSG:4326 degrees, x = longitude,
/// y = latitude), by geodesic distance on WGS 84 (gis::geodesicDistanceM, PROJ's geodesic
/// routines). The results are those of a brute-force scan over every point, only faster.
///
/// How the search prunes, and why that never changes a result
/// ---------------------------------------------------------
/// Points are kept in a kd-tree of unit vectors u(φ, λ) = (cos φ cos λ, cos φ sin λ, sin φ),
/// geodetic latitude φ and longitude λ taken as on a unit sphere. On an ellipsoid of revolution
/// the line element is ds² = M(φ)² dφ² + N(φ)² cos²φ dλ², with the meridian radius of curvature
/// M(φ) = a(1 - e²)/(1 - e² sin²φ)^(3/2) ≥ a(1 - e²) and the prime-vertical radius
/// N(φ) = a/(1 - e² sin²φ)^(1/2) ≥ a > a(1 - e²). Hence ds ≥ a(1 - e²)·dσ, where
/// dσ² = dφ² + cos²φ dλ² is the line element of the unit sphere in the same coordinates. Every
/// path between two points (the geodesic included) is therefore at least a(1 - e²) =
/// geodesy::kMinMeridianRadiusM (6,335,439 m) times the length of its image on the unit sphere,
/// and that image is at least the great-circle angle θ between the two unit vectors:
///
///     geodesic distance ≥ a(1 - e²) · θ,   θ = 2 asin(chord / 2).
///
/// A tree box whose nearest possible chord to the query gives a lower bound above the distance a
/// result must beat (the best so far, the k-th best so far, or the radius) holds no point of the
/// result, so it is skipped. The bound is shrunk by 1e-9 relative against rounding of the unit
/// vectors, and a box is skipped only when its bound is strictly above the limit, so points at
/// exactly the limit are always measured. This bound is at least as tight as the latitude bound
/// a(1 - e²)·|Δφ| (θ ≥ |Δφ|) and holds everywhere, poles and antimeridian included.
///
/// Ordering and ties: distances are compared exactly as computed by geodesicDistanceM(query,
/// point) (always in that argument order); equally distant points are ordered by their index,
/// lower first. So results are deterministic and equal a brute-force scan with the same rule.
///
/// \note Thread safety: a GeodesicPointIndex is immutable after construction; every const
/// member may be called from any number of threads at once. withinRadiusOfEach() itself runs
/// on several threads when asked to.
#include "gis/geometry.h"

#include <array>
#include <cstddef>
#include <limits>
#include <vector>

namespace gis {

class GeodesicPointIndex {
public:
    /// The index value that names no point (the default of \a skip below).
    static constexpr std::size_t kNoPoint = std::numeric_limits<std::size_t>::max();

    /// \brief Indexes \a points (copied in; indices below are positions in this vector).
    explicit GeodesicPointIndex(std::vector<Point> points);

    struct Hit {
        std::size_t index = 0;  ///< index into the constructor's points
        double distanceM = 0.0; ///< geodesic distance from the query, metres
    };

    /// \brief The nearest point (the lowest index among equally near ones).
    /// \throws Error when the index holds no point.
    Hit nearest(Point query) const;

    /// \brief The \a k nearest points, nearest first (equal distances: lower index first);
    /// fewer when the index holds fewer. The point of index \a skip (e.g. the query's own point
    /// when the query is one of the indexed points) is left out, by index, not by position:
    /// another point at the same place is still found, at distance 0.
    std::vector<Hit> nearestK(Point query, std::size_t k, std::size_t skip = kNoPoint) const;

    /// \brief Every point whose geodesic distance from \a query is at most \a radiusM metres
    /// (inclusive: a point at exactly radiusM is in), by ascending index. An empty result for a
    /// negative or NaN radius; every point for +infinity.
    std::vector<Hit> withinRadius(Point query, double radiusM) const;

    /// \brief withinRadius() for each of \a queries, on up to \a threads threads (0 = one per
    /// hardware core; at most one thread per 64 queries). The same result for any thread count.
    std::vector<std::vector<Hit>> withinRadiusOfEach(const std::vector<Point>& queries, double radiusM,
                                                     unsigned threads = 1) const;

    std::size_t size() const noexcept { return mPoints.size(); }
    const std::vector<Point>& points() const noexcept { return mPoints; }

private:
    struct Node {
        double lo[3], hi[3];     ///< bounding box of the node's unit vectors
        std::size_t begin, end;  ///< range in mOrder
        std::size_t left, right; ///< child nodes; 0 for a leaf (the root is never a child)
    };
    struct Query;
    std::size_t build(std::size_t begin, std::size_t end);
    /// Visits the points the bound cannot rule out, nearest boxes first; \a query holds the
    /// limit (as a squared chord) and what to do with each measured point.
    void search(std::size_t node, Query& query) const;

    std::vector<Point> mPoints;               ///< as given
    std::vector<std::array<double, 3>> mUnit; ///< unit vectors, by point index
    std::vector<std::size_t> mOrder;          ///< point indices, grouped by tree node
    std::vector<Node> mNodes;
};

} // namespace gis
