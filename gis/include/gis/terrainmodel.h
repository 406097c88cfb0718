#pragma once
/// \file terrainmodel.h
/// The project's travel model put together (what `travel`, `analyze --travel`, `map --travel`
/// and the desktop's travel-time layer share): the friction grid from the project's rasters
/// (its DEM, else the demo's illustrative DEM for an illustrative project, else flat terrain),
/// land cover, road layer and barriers, and the destinations named "KIND" or "capital".
/// \note Functions of their arguments; they open the project file read-only for its rasters.
#include "gis/dataset.h"
#include "gis/priority.h"
#include "gis/travel.h"

#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace gis {

struct TerrainModelOptions {
    double resolutionM = 100.0;
    /// Roads and ferries to use instead of the project's road layer (a file read by the caller).
    std::optional<std::vector<TravelInputs::Road>> roads;
    std::string roadsDescription; ///< what \a roads are, for the summary ("12 road segments of file r.gpkg")
    std::vector<LineString> barriers;
    std::stop_token stop; ///< requested (from any thread): TravelCancelled between the model's steps
};

struct TerrainModel {
    FrictionGrid grid;
    std::optional<RasterGrid> population; ///< an imported population raster, on the grid
    std::string summary;                  ///< one line: grid, DEM, land cover, roads, barriers
    std::string demSource;                ///< "DEMNAS tile.tif", "illustrative" or empty (flat)
    bool demIllustrative = false;         ///< the demo's generated DEM (no stored one)
};

/// \brief Builds the model of \a ds. \a projectFile is the SpatiaLite file holding the rasters
/// (gis/rasterstore.h); empty = none (the embedded demo). \throws Error from the rasters'
/// readers (a land-cover raster without its speed table names the file).
TerrainModel buildTerrainModel(const Dataset& ds, const std::string& projectFile, const TerrainModelOptions& options);

/// \brief The keys of \a scheme that name terrain travel columns (terrain_<kind>_min,
/// terrain_<kind>_over60_pct, terrain_capital_min: gis::addTerrainTravelColumns).
std::vector<std::string> terrainKeysOf(const PriorityScheme& scheme);
/// \brief True when the model of \a ds has a DEM: one imported into \a projectFile, or the
/// illustrative one of an illustrative project (or of the embedded demo, \a projectFile empty).
/// \throws ProjectError when the file cannot be read.
bool hasTerrainDem(const Dataset& ds, const std::string& projectFile);
/// \brief \throws Error naming the scheme and its terrain keys when \a scheme weighs terrain
/// travel columns and \a ds has no DEM (hasTerrainDem), saying how to import one.
void checkTerrainScheme(const Dataset& ds, const std::string& projectFile, const PriorityScheme& scheme);

/// \brief Where travel goes to: the facilities of a kind or the regency capital.
struct TravelDestination {
    std::vector<Point> lonLat; ///< EPSG:4326
    bool capital = false;
    std::string kind; ///< the facility kind as stored ("PUSKESMAS"); empty for the capital
};
/// \brief \a to = a facility kind (ASCII case-insensitive) or "capital" (meta capital_lon/lat).
/// \throws Error listing the project's facility kinds when none has that kind, or naming the
/// meta values when the capital is not set.
TravelDestination travelDestination(const Dataset& ds, const std::string& to);

/// \brief Minutes for drawing: the result's minutes where reached, +infinity on passable cells
/// that no target reaches, NaN where nothing can be (the sea without a ferry, off the land).
RasterGrid travelMinutesForMap(const FrictionGrid& grid, const TravelResult& result);

/// \brief \a grid (any projected CRS) on a north-up EPSG:4326 grid covering it, cells of about
/// the same ground size, each taking the value of the source cell under its centre (nearest, so
/// minutes and +infinity stay as they are). Exact transforms on a lattice every 8 cells,
/// interpolated between (sub-metre at regency scale).
RasterGrid lonLatGrid(const RasterGrid& grid);

} // namespace gis
