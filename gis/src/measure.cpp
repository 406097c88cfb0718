#include "gis/measure.h"

#include "gis/geodesy.h"

#include <geodesic.h>

#include <cmath>

namespace gis {

namespace {

const geod_geodesic& wgs84()
{
    static const geod_geodesic geod = [] {
        geod_geodesic g{};
        geod_init(&g, geodesy::kSemiMajorAxisM, geodesy::kFlattening);
        return g;
    }();
    return geod;
}

double ringAreaM2(const Ring& ring)
{
    std::size_t n = ring.size();
    if (n > 1 && ring.front() == ring.back())
        --n; // geod_polygonarea closes the ring itself
    if (n < 3)
        return 0.0;
    std::vector<double> lats(n), lons(n);
    for (std::size_t i = 0; i < n; ++i) {
        lons[i] = ring[i].x;
        lats[i] = ring[i].y;
    }
    double area = 0.0, perimeter = 0.0;
    geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(n), &area, &perimeter);
    return std::abs(area);
}

} // namespace

double geodesicAreaM2(const Polygon& polygon)
{
    double area = ringAreaM2(polygon.exterior);
    for (const Ring& hole : polygon.holes)
        area -= ringAreaM2(hole);
    return area;
}

double geodesicAreaKm2(const MultiPolygon& mp)
{
    double m2 = 0.0;
    for (const Polygon& p : mp)
        m2 += geodesicAreaM2(p);
    return m2 / 1e6;
}

double geodesicDistanceM(Point a, Point b)
{
    double s12 = 0.0;
    geod_inverse(&wgs84(), a.y, a.x, b.y, b.x, &s12, nullptr, nullptr); // no azimuths: less work
    return s12;
}

Point geodesicDestination(Point from, double azimuthDeg, double distanceM)
{
    double lat = 0.0, lon = 0.0, azi2 = 0.0;
    geod_direct(&wgs84(), from.y, from.x, azimuthDeg, distanceM, &lat, &lon, &azi2);
    return {lon, lat};
}

} // namespace gis
