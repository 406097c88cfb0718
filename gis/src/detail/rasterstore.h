#pragma once
// The raster table's part in saveProject's rewrite. Private to gis/.
#include "detail/sqlite.h"

#include <string>

namespace gis::detail {

/// \brief Copies table `raster` of the project file \a fromPath (when it exists and has one)
/// into \a db, inside the caller's transaction, so rewriting a project keeps its rasters.
/// \throws ProjectError naming the file.
void copyRasterTable(SpatialiteConnection& db, const std::string& fromPath);

} // namespace gis::detail
