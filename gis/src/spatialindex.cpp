#include "gis/spatialindex.h"

#include "detail/geos.h"

namespace gis {

using detail::geosHandle;

struct PolygonIndex::Impl {
    std::vector<detail::GeosGeomPtr> geometries;
    std::vector<detail::GeosPreparedPtr> prepared;
    std::vector<std::size_t> ids; // tree items point into this, one per polygon
    detail::GeosTreePtr tree;

    /// \a polygonAt(i) gives the i-th polygon, whether held by value or by pointer.
    template <class PolygonAt>
    Impl(std::size_t count, PolygonAt polygonAt)
    {
        auto h = geosHandle();
        ids.resize(count);
        geometries.reserve(count);
        prepared.reserve(count);
        tree.reset(GEOSSTRtree_create_r(h, 10));
        for (std::size_t i = 0; i < count; ++i) {
            const MultiPolygon& polygon = polygonAt(i);
            geometries.push_back(detail::toGeos(polygon));
            prepared.emplace_back(GEOSPrepare_r(h, geometries.back().get()));
            ids[i] = i;
            if (!polygon.empty())
                GEOSSTRtree_insert_r(h, tree.get(), geometries.back().get(), &ids[i]);
        }
    }
};

PolygonIndex::PolygonIndex(const std::vector<MultiPolygon>& polygons)
        : mImpl(
            std::make_unique<Impl>(polygons.size(), [&](std::size_t i) -> const MultiPolygon& { return polygons[i]; }))
{}

PolygonIndex::PolygonIndex(const std::vector<const MultiPolygon*>& polygons)
        : mImpl(
            std::make_unique<Impl>(polygons.size(), [&](std::size_t i) -> const MultiPolygon& { return *polygons[i]; }))
{}

PolygonIndex::~PolygonIndex() = default;

std::size_t PolygonIndex::size() const noexcept
{
    return mImpl->geometries.size();
}

std::optional<std::size_t> PolygonIndex::locate(Point p) const
{
    auto h = geosHandle();
    detail::GeosGeomPtr point = detail::toGeos(p);
    struct Query {
        const Impl* impl;
        const GEOSGeometry* point;
        std::optional<std::size_t> found;
    } query{mImpl.get(), point.get(), std::nullopt};
    GEOSSTRtree_query_r(
        h, mImpl->tree.get(), point.get(),
        [](void* item, void* userdata) {
            auto* q = static_cast<Query*>(userdata);
            const std::size_t id = *static_cast<const std::size_t*>(item);
            // Lowest index wins, so the answer does not depend on the tree's visiting order.
            if (q->found && *q->found < id)
                return;
            if (GEOSPreparedIntersects_r(geosHandle(), q->impl->prepared[id].get(), q->point) == 1)
                q->found = id;
        },
        &query);
    return query.found;
}

std::vector<std::optional<std::size_t>> joinPointsToPolygons(const std::vector<Point>& points,
                                                             const std::vector<MultiPolygon>& polygons)
{
    PolygonIndex index(polygons);
    std::vector<std::optional<std::size_t>> result;
    result.reserve(points.size());
    for (Point p : points)
        result.push_back(index.locate(p));
    return result;
}

} // namespace gis
