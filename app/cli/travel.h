#pragma once
/// \file travel.h
/// `sasaran-cli import raster` and `sasaran-cli travel`: rasters into the project, travel time
/// over terrain to the nearest facility of a kind or to the capital (GeoTIFF, isochrones,
/// coverage with capacity), and the terrain columns of `analyze --travel`.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/terrainmodel.h"
#include "gis/travel.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace app::cli {

struct RasterImportOptions {
    std::string project;
    std::vector<std::string> files; ///< one raster, a VRT, or several tiles
    std::string kind;               ///< dem | landcover | population
    std::string speeds;             ///< land cover: JSON file class -> km/h or null
    std::string period;             ///< edition or year, free text
    double resolutionM = 100.0;
    double marginM = 2000.0;
};

/// \brief The terrain model's inputs shared by travel and analyze --travel.
struct TerrainOptions {
    std::string project; ///< project file or ":default" (its illustrative DEM)
    double resolutionM = 100.0;
    std::string roads; ///< FILE[:LAYER]
    std::string roadClassField;
    std::string roadSpeeds; ///< "primary=60,ferry=15"
    double defaultSpeedKmh = 30.0;
    std::string barriers; ///< FILE[:LAYER] of lines (rivers without bridges)
};

struct TravelOptions {
    TerrainOptions terrain;
    std::string to;                 ///< facility kind or "capital"
    std::string out;                ///< .tif minutes, .gpkg isochrones, .csv coverage
    std::string isochrones;         ///< "30,60,120"
    double coverageCapacity = 0.0;  ///< > 0: coverage with capacity (people per facility)
    double coverageMinutes = 120.0; ///< how far a facility's reach goes for coverage
};

/// \brief gis::buildTerrainModel with the road and barrier files of \a options read here.
/// \throws gis::Error as the inputs' readers do.
gis::TerrainModel buildTerrainModel(const gis::Dataset& ds, const TerrainOptions& options);
/// \brief The project file holding \a project's rasters: empty for the embedded default.
std::string rasterProjectFile(const std::string& project);

/// \brief The `import raster` subcommand under \a importCmd.
CLI::App* addImportRasterCommand(CLI::App* importCmd, RasterImportOptions& options);
int runImportRaster(const RasterImportOptions& options, std::ostream& out, std::ostream& err);

CLI::App* addTravelCommand(CLI::App& cli, TravelOptions& options);
int runTravel(const TravelOptions& options, std::ostream& out, std::ostream& err);

/// \brief The demo's illustrative DEM (gis::buildDemoDem, 100 m) kept in the new project \a path.
void keepDemoDem(const gis::Dataset& ds, const std::string& path);

/// \brief analyze --travel: appends the terrain columns (gis::addTerrainTravelColumns) and
/// returns the line to print.
std::string addTerrainColumns(gis::AnalysisTable& table, const gis::Dataset& ds, const TerrainOptions& options);

} // namespace app::cli
