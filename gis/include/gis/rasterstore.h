#pragma once
/// \file rasterstore.h
/// Rasters kept in the project file: table `raster`, one row per kind (dem, landcover,
/// population), created on the first import:
///
///     raster(kind TEXT PRIMARY KEY, source TEXT, period TEXT, resolution_m REAL, crs TEXT,
///            imported_at TEXT, attributes TEXT, tiff BLOB)
///
/// `tiff` is a DEFLATE-compressed Float32 GeoTIFF of the grid already clipped to the regency and
/// warped to its UTM zone (gis::encodeGeoTiff), so the project stays one self-contained file;
/// `attributes` is JSON (the land-cover speed table under "speeds"). Importing a kind again
/// replaces its row. This module opens the SpatiaLite file itself, in one BEGIN IMMEDIATE
/// transaction per write. saveProject() copies the table over when it rewrites a file.
///
/// A server location (`postgresql://...?project=NAME`) keeps the same row in the schema's
/// `raster` table (`tiff` bytea), in one transaction per write; only the project's owner writes
/// it, every role that may read the project reads it. Every function below takes either.
#include "gis/raster.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gis {

struct StoredRaster {
    RasterKind kind = RasterKind::Dem;
    std::string source;     ///< the file(s) imported, as given
    std::string period;     ///< edition or year of the data, free text; may be empty
    std::string importedAt; ///< ISO 8601 UTC
    std::string attributes; ///< JSON object; {"speeds": {...}} for land cover
    RasterGrid grid;
};

/// \brief Writes (or replaces) the row of \a raster.kind in the project file \a projectPath.
/// \throws ProjectError naming the file (it is then unchanged).
void storeRaster(const std::string& projectPath, const StoredRaster& raster);
/// \brief The stored raster of \a kind, or nullopt when none was imported (or the file has no
/// raster table). \throws ProjectError naming the file when it cannot be read.
std::optional<StoredRaster> loadRaster(const std::string& projectPath, RasterKind kind);
/// \brief Kinds stored in the project, for summaries. \throws ProjectError.
std::vector<RasterKind> storedRasterKinds(const std::string& projectPath);
/// \brief Makes the rasters of the project file \a toProject those of \a fromProject (every
/// kind, byte for byte; kinds \a toProject held before are removed), in one transaction.
/// Returns how many were copied. For a copy of a whole project: its Dataset holds no rasters.
/// Between a file and a server (either way) the grids are read and written again, one
/// transaction on the destination.
/// \throws ProjectError naming the file (\a toProject is then unchanged).
std::size_t copyRasters(const std::string& fromProject, const std::string& toProject);
/// \brief Removes every raster of the project file (its content was replaced by one without).
void removeRasters(const std::string& projectPath);

} // namespace gis
