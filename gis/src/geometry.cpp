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
    double sum = 0.0;
    for (const Polygon& p : mp) {
        for (Point pt : p.exterior)
            sum += pt.x + pt.y;
        for (const Ring& h : p.holes)
            for (Point pt : h)
                sum += pt.x + pt.y;
    }
    return sum;
}

} // namespace gis
