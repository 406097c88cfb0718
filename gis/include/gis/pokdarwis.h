#pragma once
/// \file pokdarwis.h
/// POKDARWIS (community tourism-awareness group) site ranking: which pekon are the best
/// candidates for a new group, from attractions (WISATA points inside the pekon or within a
/// radius of its point-on-surface), access (distance or travel time to the regency capital and,
/// with roads, the gap to the nearest road), and poverty (tourism jobs where they are needed).
/// Pekon that already have a POKDARWIS are listed but not ranked. The weights are a
/// gis::PriorityScheme scored with gis::scorePriority, so each indicator's contribution is shown.
///
/// Threads: defaultPokdarwisScheme and rankPokdarwisSites are pure (they read the Dataset and
/// the RoadNetwork of the options and return a new value), so they may run on a worker thread
/// while the caller keeps both alive and unmodified; the writers only write their file. A stop
/// token in the options ends a ranking between its steps (PokdarwisCancelled).
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/error.h"

#include <stop_token>
#include <string>
#include <vector>

namespace gis {

class RoadNetwork;

struct PokdarwisOptions {
    std::string attractionKind = "WISATA"; ///< facility kind of attractions
    std::string groupKind = "POKDARWIS";   ///< facility kind of existing groups (not ranked)
    double radiusKm = 10.0;                ///< attractions within this of the pekon count too
    const RoadNetwork* roads = nullptr;    ///< set: travel_capital_min and road_gap_km
    std::string period;                    ///< empty = the latest of miskin
    /// Requested (from any thread): the ranking throws PokdarwisCancelled at its next step.
    std::stop_token stop;
};

/// \brief A ranking stopped through PokdarwisOptions::stop; it returned nothing.
class PokdarwisCancelled : public Error {
public:
    PokdarwisCancelled();
};

/// \brief Default weights. Without roads: attractions_near 0.4 (more is better for tourism, so
/// it raises the score), dist_capital_km 0.3 (nearer is better), poverty_rate 0.3 (poorer first).
/// With roads: attractions_near 0.4, travel_capital_min 0.2, road_gap_km 0.1, poverty_rate 0.3.
/// Min-max normalisation; pekon missing a value are excluded (and reported).
PriorityScheme defaultPokdarwisScheme(bool withRoads = false);

struct PokdarwisResult {
    std::string period;
    PriorityScheme scheme;
    /// Indicator columns: attractions_inside, attractions_near, nearest_attraction_km,
    /// dist_capital_km, poverty_rate, miskin; with roads also travel_capital_min, road_gap_km.
    std::vector<std::string> columns;
    struct Row {
        std::string code;
        std::string name;
        std::string kecamatan;
        bool hasGroup = false;            ///< an existing POKDARWIS lies in the pekon: not ranked
        std::vector<double> values;       ///< one per column (NaN = missing)
        double score = 0.0;               ///< NaN when not ranked
        int rank = 0;                     ///< 1 = best candidate; 0 when not ranked
        std::vector<double> contribution; ///< per scheme indicator, points; NaN when not ranked
    };
    std::vector<Row> rows; ///< in Dataset::villages() order
    std::string missingReport;
    std::size_t attractionCount = 0;
};

/// \brief Ranks the pekon. \a scheme keys must be columns of the result.
/// \throws Error as computeVillageMeasures and scorePriority do, or for a radius that is not positive.
PokdarwisResult rankPokdarwisSites(const Dataset& ds, const PokdarwisOptions& options, const PriorityScheme& scheme);
/// \brief With defaultPokdarwisScheme(options.roads != nullptr).
PokdarwisResult rankPokdarwisSites(const Dataset& ds, const PokdarwisOptions& options = {});

/// \brief CSV: kode, nama, kecamatan, has_pokdarwis, the columns, score, rank, contrib_<key>.
/// Written atomically. \throws OutputError naming the file.
void writePokdarwisCsv(const PokdarwisResult& result, const std::string& path);

/// \brief GeoPackage with one polygon layer `pokdarwis`: the pekon of \a ds with the CSV's
/// columns (rank and score NULL where not ranked). Written beside \a path and renamed into
/// place. \throws OutputError naming the file.
void writePokdarwisGpkg(const Dataset& ds, const PokdarwisResult& result, const std::string& path);

} // namespace gis
