#pragma once
// Well-known binary for the geometry kinds a project stores (Point, MultiPolygon, MultiLineString),
// little-endian, XY. Private to gis/.
#include "gis/geometry.h"

#include <optional>
#include <string>
#include <string_view>

namespace gis::detail {

std::string pointToWkb(Point p);
std::string multiPolygonToWkb(const MultiPolygon& mp);
std::string multiLineStringToWkb(const std::vector<LineString>& lines);
/// \brief Decodes a Point, (Multi)LineString, Polygon or MultiPolygon (either byte order).
/// \throws GeometryError.
Geometry geometryFromWkb(const std::string& wkb);

/// \brief Decodes SpatiaLite's own geometry BLOB (a geometry column's stored value) straight
/// into polygons when it is a plain XY Polygon or MultiPolygon, the form every project writer
/// stores; this skips SpatiaLite's parse and WKB export (AsBinary) for each area.
/// \returns nullopt for anything else (compressed, Z/M, another class, or not well formed):
/// the caller then reads that value through AsBinary, as before.
std::optional<MultiPolygon> polygonsFromSpatialiteBlob(std::string_view blob);

/// \brief True when \a blob starts as a plain XY Polygon or MultiPolygon SpatiaLite BLOB (the
/// layout polygonsFromSpatialiteBlob reads): when that decoder still refuses it, it is damaged.
bool hasPlainPolygonBlobHeader(std::string_view blob);

/// \brief As polygonsFromSpatialiteBlob, for a plain XY LineString or MultiLineString (a road).
std::optional<std::vector<LineString>> linesFromSpatialiteBlob(std::string_view blob);

/// \brief As hasPlainPolygonBlobHeader, for a LineString or MultiLineString BLOB.
bool hasPlainLineBlobHeader(std::string_view blob);

} // namespace gis::detail
