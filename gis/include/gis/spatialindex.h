#pragma once
/// \file spatialindex.h
/// Point-in-polygon lookup through a GEOS STRtree of prepared polygons.
#include "gis/geometry.h"

#include <memory>
#include <optional>
#include <vector>

namespace gis {

/// \brief An index over polygons for point lookups.
/// \note Holds GEOS objects of the thread that built it: use it from that thread only.
class PolygonIndex {
public:
    explicit PolygonIndex(const std::vector<MultiPolygon>& polygons);
    /// \brief The same over polygons held elsewhere (e.g. a dataset's areas), without copying them.
    explicit PolygonIndex(const std::vector<const MultiPolygon*>& polygons);
    ~PolygonIndex();
    PolygonIndex(const PolygonIndex&) = delete;
    PolygonIndex& operator=(const PolygonIndex&) = delete;

    /// \brief Index of the first polygon containing \a p (boundary counts as inside), if any.
    std::optional<std::size_t> locate(Point p) const;
    std::size_t size() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> mImpl;
};

/// \brief For each point, the index of the polygon containing it (nullopt when none does).
std::vector<std::optional<std::size_t>> joinPointsToPolygons(const std::vector<Point>& points,
                                                             const std::vector<MultiPolygon>& polygons);

} // namespace gis
