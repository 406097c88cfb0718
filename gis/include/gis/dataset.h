#pragma once
/// \file dataset.h
/// The in-memory project: area units, facilities, indicator values and metadata
/// (the tables of DESIGN.md). Geometries are EPSG:4326.
#include "gis/geometry.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gis {

/// \brief An administrative area: pekon, kelurahan, kecamatan or kabupaten.
struct Area {
    std::string code;        ///< Kemendagri code, text, dotted: "18.06.20.2005"
    std::string name;
    std::string kind;        ///< "pekon", "kelurahan", "kecamatan", "kabupaten"
    std::string parentCode;  ///< "18.06.20" for a pekon, "18.06" for a kecamatan
    MultiPolygon geometry;
};

struct Facility {
    long long id = 0;
    std::string kind;        ///< BUMDES, PUSKESSOS, PUSKESMAS, WISATA, ...
    std::string name;
    std::string status;
    int year = 0;            ///< 0 = unknown
    std::string locatedBy;   ///< "survey", "pekon" (the pekon's point-on-surface), "approximate"
    std::string areaCode;    ///< the pekon it lies in
    Point location;
};

struct IndicatorValue {
    std::string areaCode;
    std::string key;         ///< "penduduk", "miskin", ...
    std::string period;      ///< "2018", "2019-S1"
    double value = 0.0;
    std::string source;
    std::string importedAt;  ///< ISO 8601 UTC
};

/// \brief Another name under which an area is known (an old spelling, a name in an office's
/// table), so that a later import matches it exactly. Stored in the project's `alias` table.
struct AreaAlias {
    std::string areaCode;    ///< Kemendagri code of the area
    std::string name;        ///< the other name, as written
    std::string source;      ///< where it came from: "user", "fuzzy match <file>", ...
};

inline bool isVillageKind(const std::string& kind) { return kind == "pekon" || kind == "kelurahan" || kind == "desa"; }

/// \brief An area's ellipsoidal area (and its point-on-surface) as stored in a project, with
/// the fingerprint of the geometry they were computed from (vertexCount and coordinateSum).
struct CachedArea {
    double km2 = 0.0;
    std::size_t vertices = 0;
    double coordinateSum = 0.0;
    /// gis::pointOnSurface of the same geometry; absent in files before it was stored.
    std::optional<Point> surfacePoint;
};

struct Dataset {
    std::vector<Area> areas;
    std::vector<Facility> facilities;
    std::vector<IndicatorValue> indicators;
    std::map<std::string, std::string> meta;   ///< provenance, capital, licences, ...
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
