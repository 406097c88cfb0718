#pragma once
/// \file raster.h
/// Rasters of the travel model (a DEM, land cover, population): read any GDAL raster (GeoTIFF,
/// a VRT mosaic, several tiles at once, any CRS), warped and clipped onto one grid in the
/// regency's UTM zone, and GeoTIFF bytes for keeping a grid in the project (rasterstore.h).
///
/// A RasterGrid is a plain value (no GDAL handle): row-major floats from the top-left cell,
/// square cells in metres of a projected CRS, NaN where there is no data. Copy it freely
/// between threads.
#include "gis/dataset.h"
#include "gis/geometry.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gis {

/// \brief A north-up grid of float values. Cell (col, row) covers x in [originX + col*cellSize,
/// originX + (col+1)*cellSize) and y in (originY - (row+1)*cellSize, originY - row*cellSize].
struct RasterGrid {
    int width = 0;
    int height = 0;
    double originX = 0.0;      ///< x of the grid's left edge (metres in crs)
    double originY = 0.0;      ///< y of the grid's top edge (metres in crs)
    double cellSize = 0.0;     ///< metres, square cells
    std::string crs;           ///< "EPSG:32748" or WKT
    std::vector<float> values; ///< width*height, row-major from the top; NaN = no data

    std::size_t cellCount() const noexcept
    {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    }
    std::size_t index(int col, int row) const noexcept
    {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(col);
    }
    Point cellCenter(int col, int row) const noexcept
    {
        return {originX + (col + 0.5) * cellSize, originY - (row + 0.5) * cellSize};
    }
    /// \brief The cell holding \a p (grid CRS); false when outside the grid.
    bool cellOf(Point p, int& col, int& row) const noexcept
    {
        const double c = std::floor((p.x - originX) / cellSize);
        const double r = std::floor((originY - p.y) / cellSize);
        if (!(c >= 0 && r >= 0 && c < width && r < height))
            return false;
        col = static_cast<int>(c);
        row = static_cast<int>(r);
        return true;
    }
    Extent extent() const noexcept
    {
        return {originX, originY - height * cellSize, originX + width * cellSize, originY};
    }
    /// \brief A grid of the same shape, CRS and placement, filled with \a fill.
    RasterGrid sameShape(float fill = std::numeric_limits<float>::quiet_NaN()) const
    {
        RasterGrid g{width, height, originX, originY, cellSize, crs, {}};
        g.values.assign(cellCount(), fill);
        return g;
    }
};

enum class RasterKind { Dem, LandCover, Population };

/// "dem", "landcover", "population"
std::string rasterKindName(RasterKind kind);
/// \throws Error naming the value and the three kinds.
RasterKind rasterKindFromName(const std::string& name);

/// \brief The grid rasters are brought onto: CRS, extent (in that CRS, snapped to whole cells)
/// and cell size.
struct RasterTarget {
    std::string crs;
    Extent extent;
    double resolutionM = 100.0;
};

/// \brief The regency's UTM zone (gis::utmCrsFor of the areas' centre). \throws Error without areas.
std::string regencyUtmCrs(const Dataset& ds);
/// \brief The areas' extent in their UTM zone plus \a marginM on each side, snapped outwards to
/// multiples of \a resolutionM. \throws Error without areas or for a resolution that is not positive.
RasterTarget regencyRasterTarget(const Dataset& ds, double resolutionM, double marginM = 2000.0);

/// \brief Reads one or more rasters (tiles are mosaicked; later files win where they overlap)
/// band 1, warped onto \a target: bilinear for a DEM, nearest neighbour for land cover (class
/// codes must stay codes), summed for population (people per cell stay people).
/// Checks: every file has a CRS; the data overlap the target; a DEM is in metres (the SRS's
/// vertical unit, else values above 9,000, the highest land on earth, mean feet or a wrong file).
/// \throws DataSourceError naming the file and what to do.
RasterGrid warpRaster(const std::vector<std::string>& paths, const RasterTarget& target, RasterKind kind);

/// \brief \a grid brought onto \a target the way warpRaster brings a file (same resampling by kind).
/// \throws DataSourceError as warpRaster.
RasterGrid resampleGrid(const RasterGrid& grid, const RasterTarget& target, RasterKind kind);
/// \brief The target a grid itself is on.
RasterTarget targetOf(const RasterGrid& grid);

/// \brief Land-cover speed table: class code -> walking speed in km/h on flat ground, or
/// nullopt = impassable (water, swamp).
using LandCoverSpeeds = std::map<int, std::optional<double>>;
/// \brief Parses JSON {"10": 4.0, "80": null, ...} or {"classes": {...}}. \throws Error naming
/// \a sourceName and the bad entry.
LandCoverSpeeds parseLandCoverSpeeds(const std::string& json, const std::string& sourceName);
std::string landCoverSpeedsToJson(const LandCoverSpeeds& speeds);
/// \brief \throws DataSourceError naming \a sourceName and the classes present in \a grid
/// but missing from \a speeds.
void checkLandCoverClasses(const RasterGrid& grid, const LandCoverSpeeds& speeds, const std::string& sourceName);

/// \brief Writes a Float32 GeoTIFF (DEFLATE), nodata = \a nodata where the grid has NaN.
/// Written beside \a path and renamed. \throws OutputError naming the file.
void writeGeoTiff(const RasterGrid& grid, const std::string& path, float nodata = -9999.0f);
/// \brief The bytes of a DEFLATE-compressed Float32 GeoTIFF of \a grid (NaN kept as NaN).
std::string encodeGeoTiff(const RasterGrid& grid);
/// \brief Reads GeoTIFF bytes made by encodeGeoTiff (or any single-band raster) back into a
/// grid. \throws DataSourceError naming \a sourceName.
RasterGrid decodeGeoTiff(const std::string& bytes, const std::string& sourceName);
/// \brief Reads band 1 of a raster file as it is (no warping; nodata -> NaN). The raster must be
/// north-up with square cells. \throws DataSourceError naming the file.
RasterGrid readRasterFile(const std::string& path);

} // namespace gis
