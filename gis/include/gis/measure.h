#pragma once
/// \file measure.h
/// Ellipsoidal measures on WGS 84 with PROJ's geodesic routines (GeographicLib's algorithms).
/// Input coordinates are EPSG:4326 degrees, x = longitude, y = latitude.
/// \note All functions are pure and may be called from any thread (the WGS 84 geodesic is built
/// once, thread-safely, and then only read).
#include "gis/geometry.h"

namespace gis {

/// \brief Geodesic area of a polygon (holes subtracted), in square metres.
double geodesicAreaM2(const Polygon& polygon);
/// \brief Geodesic area of all parts, in square kilometres.
double geodesicAreaKm2(const MultiPolygon& mp);
/// \brief Geodesic (shortest on the ellipsoid) distance between two points, in metres.
double geodesicDistanceM(Point a, Point b);
/// \brief Point reached from \a from going \a distanceM metres at \a azimuthDeg (clockwise from north).
Point geodesicDestination(Point from, double azimuthDeg, double distanceM);

} // namespace gis
