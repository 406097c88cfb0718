#pragma once
// Writing small result tables (placement sites, ranked pekon) as GeoPackage layers through
// OGR. Private to gis/: callers describe layers in plain C++, GDAL stays in gpkgwriter.cpp.
#include "gis/geometry.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gis::detail {

enum class FieldKind { Text, Real, Integer };

struct OutputField {
    std::string name;
    FieldKind kind = FieldKind::Real;
};

/// A cell: empty (NULL), text, number (NaN is written as NULL) or integer.
using FieldValue = std::variant<std::monostate, std::string, double, long long>;

struct OutputFeature {
    std::vector<FieldValue> values; ///< one per field of the layer
    std::optional<Point> point;     ///< for point layers
    MultiPolygon polygons;          ///< for polygon layers (empty = no geometry)
};

enum class LayerGeometry { Point, MultiPolygon };

struct OutputLayer {
    std::string name;
    LayerGeometry geometry = LayerGeometry::MultiPolygon;
    std::vector<OutputField> fields;
    std::vector<OutputFeature> features;
};

/// \brief Writes \a layers (EPSG:4326) as a new GeoPackage replacing \a path. The file is built
/// beside \a path under a temporary name and renamed into place only when complete.
/// \throws OutputError naming \a path (missing folder, GDAL failure).
void writeGeoPackage(const std::string& path, const std::vector<OutputLayer>& layers);

} // namespace gis::detail
