#include "detail/geos.h"

#include "gis/error.h"

#include <cstdarg>
#include <utility>

namespace gis::detail {

GeosContext& GeosContext::forThisThread()
{
    thread_local GeosContext context;
    return context;
}

GeosContext::GeosContext() : mHandle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(mHandle, &GeosContext::onMessage, this);
}

GeosContext::~GeosContext()
{
    GEOS_finish_r(mHandle);
}

void GeosContext::onMessage(const char* message, void* self)
{
    static_cast<GeosContext*>(self)->mLastError = message ? message : "";
}

std::string GeosContext::takeLastError()
{
    return std::exchange(mLastError, {});
}

GeosGeomPtr checked(GEOSGeometry* raw, const char* operation)
{
    if (!raw) {
        std::string why = GeosContext::forThisThread().takeLastError();
        throw GeometryError(std::string("geometry operation '") + operation + "' failed"
                            + (why.empty() ? std::string{} : ": " + why));
    }
    return GeosGeomPtr(raw);
}

namespace {

GEOSCoordSequence* sequenceOf(const std::vector<Point>& pts)
{
    static_assert(sizeof(Point) == 2 * sizeof(double));
    // Point is two packed doubles: the buffer layout GEOS expects for XY.
    return GEOSCoordSeq_copyFromBuffer_r(geosHandle(), reinterpret_cast<const double*>(pts.data()),
                                         static_cast<unsigned>(pts.size()), 0, 0);
}

GEOSGeometry* ringOf(const Ring& ring)
{
    Ring closed = ring;
    if (!closed.empty() && !(closed.front() == closed.back()))
        closed.push_back(closed.front());
    return GEOSGeom_createLinearRing_r(geosHandle(), sequenceOf(closed));
}

std::vector<Point> pointsOf(const GEOSGeometry* g)
{
    auto h = geosHandle();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    std::vector<Point> pts(n);
    if (n > 0)
        GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double*>(pts.data()), 0, 0);
    return pts;
}

void appendPolygons(const GEOSGeometry* g, MultiPolygon& out)
{
    auto h = geosHandle();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g))
            return;
        Polygon poly;
        poly.exterior = pointsOf(GEOSGetExteriorRing_r(h, g));
        const int holes = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < holes; ++i)
            poly.holes.push_back(pointsOf(GEOSGetInteriorRingN_r(h, g, i)));
        out.push_back(std::move(poly));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i)
            appendPolygons(GEOSGetGeometryN_r(h, g, i), out);
    }
}

} // namespace

GeosGeomPtr toGeos(const MultiPolygon& mp)
{
    auto h = geosHandle();
    std::vector<GEOSGeometry*> polys;
    polys.reserve(mp.size());
    for (const Polygon& p : mp) {
        GEOSGeometry* shell = ringOf(p.exterior);
        std::vector<GEOSGeometry*> holes;
        for (const Ring& r : p.holes)
            holes.push_back(ringOf(r));
        polys.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
    }
    return checked(GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(), static_cast<unsigned>(polys.size())),
                   "build multipolygon");
}

GeosGeomPtr toGeos(Point p)
{
    return checked(GEOSGeom_createPointFromXY_r(geosHandle(), p.x, p.y), "build point");
}

GeosGeomPtr toGeos(const LineString& line)
{
    return checked(GEOSGeom_createLineString_r(geosHandle(), sequenceOf(line)), "build line");
}

MultiPolygon polygonsFromGeos(const GEOSGeometry* g)
{
    MultiPolygon out;
    if (g)
        appendPolygons(g, out);
    return out;
}

Point pointFromGeos(const GEOSGeometry* g)
{
    double x = 0, y = 0;
    GEOSGeomGetX_r(geosHandle(), g, &x);
    GEOSGeomGetY_r(geosHandle(), g, &y);
    return {x, y};
}

} // namespace gis::detail
