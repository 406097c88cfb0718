#pragma once
/// \file dataset.h
/// The in-memory project: area units, facilities, indicator values and metadata
/// (the tables of DESIGN.md). Geometries are EPSG:4326.
#include "gis/geometry.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gis {

/// \brief An administrative area: pekon, kelurahan, kecamatan or kabupaten.
struct Area {
    std::string code; ///< Kemendagri code, text, dotted: "18.06.20.2005"
    std::string name;
    std::string kind;       ///< "pekon", "kelurahan", "kecamatan", "kabupaten"
    std::string parentCode; ///< "18.06.20" for a pekon, "18.06" for a kecamatan
    MultiPolygon geometry;
};

struct Facility {
    long long id = 0;
    std::string kind; ///< BUMDES, PUSKESSOS, PUSKESMAS, WISATA, ...
    std::string name;
    std::string status;
    int year = 0;          ///< 0 = unknown
    std::string locatedBy; ///< "survey", "pekon" (the pekon's point-on-surface), "approximate"
    std::string areaCode;  ///< the pekon it lies in
    Point location;
};

struct IndicatorValue {
    std::string areaCode;
    std::string key;    ///< "penduduk", "miskin", ...
    std::string period; ///< "2018", "2019-S1"
    double value = 0.0;
    std::string source;
    std::string importedAt; ///< ISO 8601 UTC
};

/// \brief A text (categorical) indicator value of an area: a level of the key's scale (see
/// gis/categories.h), e.g. the IDM status "Berkembang" or "Tidak" for "has a SIKS-NG operator".
/// Stored in the project's `kategori` table, one per area, key and period.
struct CategoryValue {
    std::string areaCode;
    std::string key;    ///< "status_idm", "operator_siks", ...
    std::string period; ///< "2024"
    std::string level;  ///< the scale's own spelling of the level ("Sangat Tertinggal", "Ya")
    std::string source;
    std::string importedAt; ///< ISO 8601 UTC
};

/// \brief Another name under which an area is known (an old spelling, a name in an office's
/// table), so that a later import matches it exactly. Stored in the project's `alias` table.
struct AreaAlias {
    std::string areaCode; ///< Kemendagri code of the area
    std::string name;     ///< the other name, as written
    std::string source;   ///< where it came from: "user", "fuzzy match <file>", ...
};

inline bool isVillageKind(const std::string& kind)
{
    return kind == "pekon" || kind == "kelurahan" || kind == "desa";
}

/// \brief One chosen site of a saved placement run (table `program_site`).
struct ProgramSite {
    int rank = 0;     ///< 1 = largest marginal gain
    std::string code; ///< village code of the site
    std::string name;
    Point point;         ///< the village's point-on-surface (lon, lat)
    double gain = 0.0;   ///< marginal gain in the run's order (see gis::PlacedSite)
    double served = 0.0; ///< demand assigned to the site
};

/// \brief A saved placement run (tables `program` and `program_site`), so that runs with
/// different parameters can be compared ("10 Puskessos within 5 km" against "10 within 30
/// minutes"). Made from a gis::PlacementResult by gis::savePlacementRun.
struct PlacementRun {
    long long id = 0;               ///< unique in the project, ascending in order of saving
    std::string createdUtc;         ///< ISO 8601 UTC, e.g. 2026-11-28T22:40:00Z
    std::string kind;               ///< facility kind, e.g. PUSKESSOS
    std::string method;             ///< "mclp" or "pmedian"
    std::size_t count = 0;          ///< new sites asked for
    std::optional<double> radiusKm; ///< reach in km (runs without roads)
    std::optional<double> minutes;  ///< reach in travel minutes (runs along roads)
    std::string demandKey;          ///< indicator used as demand, e.g. miskin
    std::string period;
    std::string candidates;         ///< candidate rule or code list; "without_kind" = the default
    std::optional<double> capacity; ///< demand units one facility serves; none = unlimited
    std::uint64_t seed = 0;
    std::size_t candidateCount = 0;
    std::size_t existingCount = 0;
    double totalDemand = 0.0;
    /// Demand covered (MCLP: within reach; p-median: reached by some facility), served under the
    /// capacity when there is one, by the existing facilities and with the new sites. Unknown
    /// for p-median runs saved before the program table (their JSON did not carry it).
    std::optional<double> coveredBefore;
    std::optional<double> coveredAfter;
    /// p-median: demand-weighted distance (km, or minutes with roads) before and after; none for MCLP.
    std::optional<double> costBefore;
    std::optional<double> costAfter;
    std::vector<ProgramSite> sites; ///< in order of marginal gain (rank 1, 2, ...)
    std::string json;               ///< parameters and result as compact JSON (gis::placementToJson)
};

/// \brief One road of the project's road layer (table `jalan`): a line feature of the source
/// and its class. Ferry links are roads of class "ferry".
struct Road {
    std::string roadClass;         ///< as written in the source, e.g. "Jalan Kabupaten", "primary"
    std::vector<LineString> lines; ///< the feature's parts (EPSG:4326), each of 2 or more points
    bool operator==(const Road&) const = default;
};

/// \brief The project's road layer (tables `jalan` and `jalan_kecepatan`): the roads and the
/// speed of each class, used for travel minutes (gis/roadlayer.h) and drawn on maps.
struct RoadLayer {
    std::vector<Road> roads;
    /// km/h by class, keys lower case and trimmed (gis::roadClassKey); every road's class has one.
    std::map<std::string, double> speedsKmh;
    bool empty() const noexcept { return roads.empty(); }
    bool operator==(const RoadLayer&) const = default;
};

/// \brief An area's ellipsoidal area (and its point-on-surface) as stored in a project, with
/// the fingerprint of the geometry they were computed from (vertexCount and coordinateSum).
struct CachedArea {
    double km2 = 0.0;
    std::size_t vertices = 0;
    double coordinateSum = 0.0;
    /// gis::pointOnSurface of the same geometry; absent in files before it was stored.
    std::optional<Point> surfacePoint;
};

/// \brief Dataset::findArea's index of areas by code: built on first use and rebuilt when a
/// looked-up entry no longer matches (Dataset::areas was reordered, grown or edited). A copy
/// starts empty (it is rebuilt for the copy's own vector). Safe to use from several threads at
/// once (one mutex).
class AreaCodeIndex {
public:
    AreaCodeIndex() = default;
    AreaCodeIndex(const AreaCodeIndex&) {}
    AreaCodeIndex& operator=(const AreaCodeIndex&) { return *this; }
    /// \brief The area of \a areas with \a code, or null: O(1) for a hit; a code that is not
    /// there costs one pass over \a areas (to be sure the index is not stale).
    const Area* find(const std::vector<Area>& areas, const std::string& code) const;

private:
    mutable std::mutex mMutex;
    mutable std::unordered_map<std::string, std::size_t> mPosition;
    mutable const Area* mBuiltFor = nullptr;
    mutable std::size_t mBuiltSize = 0;
};

struct Dataset {
    std::vector<Area> areas;
    std::vector<Facility> facilities;
    std::vector<IndicatorValue> indicators;
    /// Text (categorical) values (table `kategori`); read and written with the indicators. The
    /// scale of each key is in meta "kategori.<key>" (gis::categoryScale).
    std::vector<CategoryValue> categories;
    std::map<std::string, std::string> meta; ///< provenance, capital, licences, ...
    /// Land around and beyond the areas (from a coastline), drawn as the map's background
    /// so that neighbouring land is not shown as sea. Not an area: it has no code or values.
    MultiPolygon backgroundLand;
    /// Areas by code as read from the project; used only while the geometry's fingerprint
    /// still matches, so an edited geometry is always measured anew.
    std::map<std::string, CachedArea> areaCache;
    /// Code crosswalk: Kemendagri code -> BPS code (from a boundary file carrying both, e.g.
    /// BIG's KDEPUM and KDEBPS). Stored in the project's `kode_bps` table.
    std::map<std::string, std::string> bpsCodes;
    /// Other names of areas (table `alias`).
    std::vector<AreaAlias> aliases;
    /// Saved placement runs, by ascending id (tables `program` and `program_site`).
    std::vector<PlacementRun> programs;
    /// The road layer (empty when none was imported).
    RoadLayer roads;

    /// Index for findArea (see AreaCodeIndex); nothing to maintain by hand.
    AreaCodeIndex areaIndex;

    /// \brief The area with \a code, or null; through areaIndex, never a linear search for a hit.
    const Area* findArea(const std::string& code) const;
    /// \brief Ellipsoidal area of \a area in km² (gis::geodesicAreaKm2), from areaCache when
    /// the cached value belongs to this very geometry.
    double areaKm2(const Area& area) const;
    /// \brief gis::pointOnSurface of \a area's geometry, from areaCache when the cached point
    /// belongs to this very geometry. \throws GeometryError for an empty geometry.
    Point surfacePoint(const Area& area) const;
    /// \brief Pekon and kelurahan (the village level), in stored order.
    std::vector<const Area*> villages() const;
    std::vector<const Area*> areasOfKind(const std::string& kind) const;
    /// \brief Periods present for an indicator key, sorted.
    std::vector<std::string> periods(const std::string& key) const;
    /// \brief True when meta "provenance" says "illustrative", or when real boundaries were
    /// imported into an illustrative project and meta "values_provenance" still says
    /// "illustrative" (the figures are then still not official).
    bool isIllustrative() const;
    std::string metaValue(const std::string& key, const std::string& fallback = {}) const;
    Extent extent() const;
};

} // namespace gis
