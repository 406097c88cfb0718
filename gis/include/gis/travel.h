#pragma once
/// \file travel.h
/// Travel time over terrain (AccessMod-style cost distance): a friction grid from a DEM, land
/// cover, roads, ferries, the sea and barriers, and Dijkstra on a 16-neighbour grid to the
/// nearest of a set of targets (facilities of a kind, or the capital).
///
/// The model, per move from cell a to a neighbour b (8 neighbours and the 8 knight's moves, as
/// GRASS r.walk; step length d = 1, √2 or √5 cells):
/// - Walking: speed = the cell's flat-ground speed (land cover's km/h, else Tobler's flat
///   5.04 km/h) × Tobler(s) / Tobler(0), with Tobler(s) = 6 exp(-3.5 |s + 0.05|) km/h and
///   s = (h_b - h_a) / d the slope in the direction of travel (uphill is slower than downhill).
///   Time = d/2 at a's speed + d/2 at b's speed. Only between walkable cells: land (inside the
///   project's areas or background land), with a height when there is a DEM, and of a land-cover
///   class with a speed.
/// - Roads (and ferries, which are roads over the sea): between two road cells, d/2 at each
///   cell's road speed, regardless of slope. The better of walking and road is taken.
/// - Barriers (rivers without bridges) are lines burnt into cells: no walking into, out of or
///   past a barrier cell; a road crossing the barrier (its cell is road and barrier) is a bridge.
/// - Diagonal and knight's moves pass two intermediate cells: both must be walkable (walking) or
///   not a barrier without road (roads), so moves do not cut corners of the sea or jump rivers.
///
/// Times are minutes TO the nearest target: Dijkstra runs from the targets over reversed moves,
/// so walking uphill to a facility costs what walking uphill costs.
///
/// Thread safety: functions are reentrant; a FrictionGrid is a value read concurrently by
/// travelTimes runs.
#include "gis/placement.h"
#include "gis/raster.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stop_token>
#include <string>
#include <vector>

namespace gis {

struct AnalysisTable;
class RoadNetwork;

/// Tobler's hiking function: km/h on slope \a s (rise over run, signed in the direction of travel).
double toblerKmh(double slope);
/// Tobler's speed on flat ground, 6 exp(-0.175) = 5.0367 km/h.
double toblerFlatKmh();

/// \brief The friction surface. Paces are minutes per metre; +infinity = impassable that way.
struct FrictionGrid {
    RasterGrid shape;                  ///< placement and CRS (its values are unused and empty)
    std::vector<float> elevation;      ///< m; empty = flat terrain
    std::vector<float> walkPace;       ///< flat-ground walking pace (min/m); +inf = not walkable
    std::vector<float> roadPace;       ///< road or ferry pace (min/m); +inf = no road
    std::vector<std::uint8_t> barrier; ///< 1 = a barrier line crosses the cell

    std::size_t cellCount() const noexcept { return shape.cellCount(); }
    /// \brief A flat, walkable grid at Tobler's flat speed (tests and building blocks).
    static FrictionGrid flat(int width, int height, double cellSize, const std::string& crs = "EPSG:32748",
                             double originX = 500000.0, double originY = 9400000.0);
    /// \brief Sets walking speed km/h of one cell (0 = not walkable).
    void setWalkKmh(std::size_t cell, double kmh);
    void setRoadKmh(std::size_t cell, double kmh);
    /// \brief Burns lines (in the grid's CRS) as roads at \a kmh (the faster speed wins where
    /// roads meet) or, with \a asBarrier, as barriers. Lines are 4-connected on the grid.
    void burnLine(const LineString& lineInGridCrs, double kmh, bool asBarrier = false);
};

/// \brief What goes into the friction grid. Geometries are EPSG:4326.
struct TravelInputs {
    const RasterGrid* dem = nullptr;       ///< any grid (resampled bilinear); nullptr = flat
    const RasterGrid* landCover = nullptr; ///< class codes (resampled nearest); nullptr = 5.04 km/h everywhere
    LandCoverSpeeds landCoverSpeeds;       ///< required with landCover
    std::vector<MultiPolygon> land;        ///< walkable land (areas, background land); empty = all land
    struct Road {
        LineString line;
        double kmh = 0.0;
    };
    std::vector<Road> roads;          ///< roads and ferries
    std::vector<LineString> barriers; ///< rivers without bridges
};

/// \brief Builds the friction grid on \a target. \throws Error (a land-cover class missing from
/// the speed table, rasters that do not overlap the grid).
FrictionGrid buildFrictionGrid(const RasterTarget& target, const TravelInputs& inputs);
/// \brief The roads of a RoadNetwork (its edges at their speeds) as TravelInputs roads.
std::vector<TravelInputs::Road> roadsOf(const RoadNetwork& network);

struct TravelResult {
    RasterGrid minutes;                ///< minutes to the nearest target; NaN = unreachable
    std::vector<std::int32_t> nearest; ///< per cell: index of the target reached, -1 none (when asked)
    std::vector<std::size_t> unplaced; ///< targets outside the grid or with no passable cell within 5 cells
};

/// \brief Thrown by travelTimes() and buildTerrainModel() when their stop token was requested.
class TravelCancelled : public Error {
public:
    TravelCancelled();
};

/// \brief Minutes from every cell to the nearest of \a targets (points in the grid's CRS), up
/// to \a maxMinutes (cells beyond stay NaN). A target on an impassable cell moves to the
/// nearest passable cell within 5 cells. Flat arrays and one binary heap; no allocation per cell.
/// A stop requested on \a stop (from any thread) ends the run within a few milliseconds with
/// TravelCancelled.
TravelResult travelTimes(const FrictionGrid& grid, const std::vector<Point>& targets, bool withNearest = false,
                         double maxMinutes = std::numeric_limits<double>::infinity(), std::stop_token stop = {});
/// \brief travelTimes for several target sets at once, on up to two threads (one run per set).
std::vector<TravelResult> travelTimesMany(const FrictionGrid& grid, const std::vector<std::vector<Point>>& targetSets);

/// \brief Writes isochrone polygons (GeoPackage or any OGR vector format by extension): the
/// cells of \a minutes classed by \a breaks (ascending minutes; class i = (breaks[i-1],
/// breaks[i]]) and polygonised (GDALPolygonize), fields min_minutes and max_minutes, in the
/// grid's CRS. Cells beyond the last break are left out. \throws OutputError naming the file.
/// \returns the number of polygons written.
std::size_t writeIsochrones(const RasterGrid& minutes, const std::vector<double>& breaks, const std::string& path);

/// \brief For each area: the index grid of the areas (cell -> area index, -1 none), cells whose
/// centre lies inside the area's polygon; an area without such a cell gets the cell of its
/// point-on-surface. \a areas are EPSG:4326.
std::vector<std::int32_t> areaIndexGrid(const RasterGrid& shape, const std::vector<const Area*>& areas);

/// \brief Terrain travel columns for the analysis table, per village (row): mean minutes over
/// the village's cells to the nearest facility of each kind (terrain_<kind>_min), the share of
/// cells beyond 60 minutes (terrain_<kind>_over60_pct, 0-100) and the mean minutes to the
/// capital (terrain_capital_min). Cells are weighted by \a population (people per cell on the
/// friction grid's shape) when given, else equally (area-weighted); unreachable cells count as
/// beyond 60 minutes and are left out of the mean. Columns are also put in AnalysisTable::inputs.
/// \returns the number of villages with no reachable cell for some destination.
std::size_t addTerrainTravelColumns(AnalysisTable& table, const Dataset& ds, const FrictionGrid& grid,
                                    const RasterGrid* population);

/// \brief Population on the grid: \a population resampled (summed) when given, else each
/// village's \a peopleByCode spread equally over its cells.
RasterGrid populationOnGrid(const RasterGrid& shape, const Dataset& ds, const RasterGrid* population,
                            const std::map<std::string, double>& peopleByCode);

/// \brief AccessMod-style geographic coverage with capacity. Rule: facilities are processed in
/// the given order (AccessMod's "process facilities in order"); each takes the people nearest
/// to it in travel time, cell after cell in increasing minutes up to \a maxMinutes, until its
/// \a capacity is used (the last cell partly); people taken are removed before the next facility.
struct CoverageResult {
    std::vector<double> servedByFacility; ///< people served, per facility
    std::vector<double> coveredByArea;    ///< people covered, per area (in the areas' order)
    std::vector<double> totalByArea;      ///< people, per area
};
CoverageResult coverageWithCapacity(const FrictionGrid& grid, const RasterGrid& population,
                                    const std::vector<std::int32_t>& areaOfCell, std::size_t areaCount,
                                    const std::vector<Point>& facilitiesInGridCrs, double capacity, double maxMinutes);

/// \brief Placement reach over terrain (place --travel): minutes from a demand point (a pekon's
/// point-on-surface, EPSG:4326) to a site = the travel time of the grid cell holding the point
/// to the site's cell (travelTimes with the site as target, so uphill to the facility costs
/// what it costs). One Dijkstra per site, stopped at the reach for maximal covering; points off
/// the grid or on impassable cells are +infinity. Keeps a reference to \a grid.
class TerrainTravelMinutes final : public TravelMinutesModel {
public:
    explicit TerrainTravelMinutes(const FrictionGrid& grid) : mGrid(grid) {}
    std::vector<std::vector<double>> minutesFrom(const std::vector<Point>& sources, const std::vector<Point>& targets,
                                                 double reachMinutes) const override;

private:
    const FrictionGrid& mGrid;
};

} // namespace gis
