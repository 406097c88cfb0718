#pragma once
// Polygons burnt onto a grid (GDALRasterizeGeometries). Private to gis/.
#include "gis/raster.h"

#include <cstdint>
#include <vector>

namespace gis::detail {

/// \brief Cell -> 1 + index of the last polygon in \a polygons (EPSG:4326) whose interior holds
/// the cell's centre; 0 for none. \throws Error when GDAL fails.
std::vector<std::int32_t> rasteriseIds(const RasterGrid& shape, const std::vector<const MultiPolygon*>& polygons);

} // namespace gis::detail
