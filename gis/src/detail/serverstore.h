#pragma once
// The PostgreSQL/PostGIS store's entry points, called by gis::openProject/createProject
// (gis/src/store.cpp) for server locations. Private to gis/. Implemented in pgstore*.cpp when
// the library is built with SASARAN_WITH_POSTGRES; otherwise store.cpp refuses server locations.
#include "gis/rasterstore.h"
#include "gis/store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gis::detail {

std::unique_ptr<ProjectStore> openServerProject(const std::string& location, OpenMode mode);
std::unique_ptr<ProjectStore> createServerProject(const std::string& location, const Dataset& ds, bool replace);

/// The rasters of a server project (gis/rasterstore.h for the file's): table `raster` of its
/// schema, `tiff` as bytea. Only the project's owner writes them (they cover the whole regency,
/// which no area-scoped editor owns); everyone who may read the project reads them.
void storeServerRaster(const std::string& location, const StoredRaster& raster);
std::optional<StoredRaster> loadServerRaster(const std::string& location, RasterKind kind);
std::vector<RasterKind> serverRasterKinds(const std::string& location);
/// Makes \a rasters the project's only rasters (none: removes every one), in one transaction.
void replaceServerRasters(const std::string& location, const std::vector<StoredRaster>& rasters);

} // namespace gis::detail
