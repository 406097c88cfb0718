#pragma once
// Well-known binary for the geometry kinds a project stores (Point, MultiPolygon),
// little-endian, XY. Private to gis/.
#include "gis/geometry.h"

#include <string>

namespace gis::detail {

std::string pointToWkb(Point p);
std::string multiPolygonToWkb(const MultiPolygon& mp);
/// \brief Decodes a Point, Polygon or MultiPolygon (either byte order). \throws GeometryError.
Geometry geometryFromWkb(const std::string& wkb);

} // namespace gis::detail
