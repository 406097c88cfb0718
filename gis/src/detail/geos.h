#pragma once
// GEOS reentrant API: one context per thread, owned geometries, conversions to and from
// the plain value types of gis/geometry.h. Private to gis/.
#include "gis/geometry.h"

#include <geos_c.h>

#include <memory>
#include <string>

namespace gis::detail {

/// \brief The calling thread's GEOS context; errors are recorded, never thrown from the callback.
class GeosContext {
public:
    static GeosContext& forThisThread();
    GEOSContextHandle_t handle() const noexcept { return mHandle; }
    /// \brief The last error GEOS reported on this thread, cleared by the call.
    std::string takeLastError();

    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    ~GeosContext();

private:
    GeosContext();
    static void onMessage(const char* message, void* self);
    GEOSContextHandle_t mHandle = nullptr;
    std::string mLastError;
};

inline GEOSContextHandle_t geosHandle()
{
    return GeosContext::forThisThread().handle();
}

struct GeosGeomDeleter {
    void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(geosHandle(), g); }
};
using GeosGeomPtr = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

struct GeosPreparedDeleter {
    void operator()(const GEOSPreparedGeometry* g) const noexcept { GEOSPreparedGeom_destroy_r(geosHandle(), g); }
};
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

struct GeosTreeDeleter {
    void operator()(GEOSSTRtree* t) const noexcept { GEOSSTRtree_destroy_r(geosHandle(), t); }
};
using GeosTreePtr = std::unique_ptr<GEOSSTRtree, GeosTreeDeleter>;

/// \brief Takes ownership of a GEOS result; throws GeometryError with GEOS's message when null.
GeosGeomPtr checked(GEOSGeometry* raw, const char* operation);

GeosGeomPtr toGeos(const MultiPolygon& mp);
GeosGeomPtr toGeos(Point p);
GeosGeomPtr toGeos(const LineString& line);
/// \brief Polygonal parts of any GEOS geometry (points and lines in a collection are left out).
MultiPolygon polygonsFromGeos(const GEOSGeometry* g);
Point pointFromGeos(const GEOSGeometry* g);

} // namespace gis::detail
