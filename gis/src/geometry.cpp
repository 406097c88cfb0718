#include "gis/geometry.h"

namespace gis {

Extent extentOf(const MultiPolygon& mp)
{
    Extent e;
    for (const Polygon& p : mp)
        for (Point pt : p.exterior)
            e.include(pt);
    return e;
}

Extent extentOf(const Geometry& g)
{
    Extent e = extentOf(g.polygons);
    for (Point p : g.points)
        e.include(p);
    for (const LineString& l : g.lines)
        for (Point p : l)
            e.include(p);
    return e;
}

std::size_t vertexCount(const MultiPolygon& mp)
{
    std::size_t n = 0;
    for (const Polygon& p : mp) {
        n += p.exterior.size();
        for (const Ring& h : p.holes)
            n += h.size();
    }
    return n;
}

double coordinateSum(const MultiPolygon& mp)
{
    // x and y weigh differently, and the weight cycles with the vertex's position, so swapped axes,
    // a reversed or rotated ring and moved vertices change the sum (x + y did not). Sums stored
    // with the old plain x + y no longer match, so those cache entries count as stale and are
    // measured again.
    constexpr double kYWeight = 1.6180339887498949;
    double sum = 0.0;
    std::size_t position = 0;
    auto add = [&](Point pt) {
        const double weight = 1.0 + static_cast<double>(position++ % 7) * 0.125;
        sum += weight * (pt.x + kYWeight * pt.y);
    };
    for (const Polygon& p : mp) {
        for (Point pt : p.exterior)
            add(pt);
        for (const Ring& h : p.holes)
            for (Point pt : h)
                add(pt);
    }
    return sum;
}

} // namespace gis
