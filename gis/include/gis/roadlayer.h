#pragma once
/// \file roadlayer.h
/// The project's road layer (Dataset::roads, tables `jalan` and `jalan_kecepatan`): made from a
/// line layer with a class field and a speed table, checked before anything is stored, and
/// turned into the road network (travel minutes, gis/network.h) and the terrain model's roads
/// (gis/travel.h) wherever a command or the desktop needs roads.
///
/// Default speeds (km/h; a speed table given with an import adds classes or overrides these):
/// - Indonesian road status (UU 38/2004): jalan nasional 60, jalan provinsi 50, jalan kabupaten
///   40, jalan kota 30, jalan desa 25, jalan setapak 5 (also without "jalan ": nasional, ...);
///   road function as in BIG's RBI: arteri 60, kolektor 50, lokal 30, lingkungan 20; "jalan" 30.
/// - OpenStreetMap highway=: motorway 80, trunk 60, primary 60, secondary 50, tertiary 40,
///   unclassified 30, residential 25, service 20, living_street 15, track 15, path 5, footway 5,
///   steps 3 (and the *_link classes at their road's speed).
/// - ferry 15 (a ferry line is a road over the sea at a boat's speed).
/// Class names are compared lower case with spaces trimmed and "_" read as " " (roadClassKey).
#include "gis/dataset.h"
#include "gis/network.h"
#include "gis/travel.h"

#include <map>
#include <string>
#include <vector>

namespace gis {

struct VectorData;

/// \brief The key a class is looked up by: lower case, trimmed, '_' and runs of spaces as one space.
std::string roadClassKey(const std::string& roadClass);

/// \brief The documented default speed table (keys as roadClassKey gives them).
std::map<std::string, double> defaultRoadSpeeds();

/// \brief Reads a speed table, a JSON object {"class": km/h, ...}, and lays it over the
/// defaults. \a source names it in messages. \throws Error naming \a source and the class for
/// anything that is not an object of positive finite numbers.
std::map<std::string, double> roadSpeedsFromJson(const std::string& json, const std::string& source);

/// \brief Field names tried, in order, when no class field is named: highway (OSM), fclass
/// (Geofabrik), kelas, class, fungsi, jenis, remark (BIG RBI).
const std::vector<std::string>& roadClassFieldCandidates();

/// \brief What roadLayerFromVector made, with its notes.
struct RoadLayerImport {
    RoadLayer layer;
    std::string classField;                 ///< the field used ("" = none: every road "jalan")
    std::map<std::string, std::size_t> roadsByClass; ///< as stored (class keys)
    std::vector<std::string> notes;         ///< one sentence each (e.g. the field chosen)
};

/// \brief Makes the project's road layer from the features of a line layer (any CRS, already
/// reprojected to EPSG:4326 by readVector). \a classField empty = the first of
/// roadClassFieldCandidates() the layer has, else every road is of class "jalan". The layer's
/// speeds are those of \a speedsKmh for the classes present. Nothing is dropped: \throws Error
/// naming the file and the feature (by its number, 1-based, and fid) for a point or polygon
/// feature, a feature without geometry, a line of fewer than two distinct points, a vertex
/// that is not a finite number; naming every class without a speed (with its feature count)
/// and what to do; for a class field the layer lacks (listing its fields); and when no road
/// comes within 5 km of \a regency (an empty extent skips that check).
RoadLayerImport roadLayerFromVector(const VectorData& data, const std::string& classField,
                                    const std::map<std::string, double>& speedsKmh, const Extent& regency);

/// \brief The road network of a stored layer, each road at its class's speed.
/// \throws Error naming the class when a road's class has no speed (a hand-edited project).
RoadNetwork roadNetworkOf(const RoadLayer& layer, const RoadNetworkOptions& options = {});

/// \brief The stored roads as roads of the terrain model, at their classes' speeds.
std::vector<TravelInputs::Road> travelRoadsOf(const RoadLayer& layer);

/// \brief Every line of the layer (for drawing), in stored order.
std::vector<LineString> roadLinesOf(const RoadLayer& layer);

} // namespace gis
