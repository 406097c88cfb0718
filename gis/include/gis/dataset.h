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

inline bool isVillageKind(const std::string& kind) { return kind == "pekon" || kind == "kelurahan" || kind == "desa"; }

struct Dataset {
    std::vector<Area> areas;
    std::vector<Facility> facilities;
    std::vector<IndicatorValue> indicators;
    std::map<std::string, std::string> meta;   ///< provenance, capital, licences, ...
    /// Land around and beyond the areas (from a coastline), drawn as the map's background
    /// so that neighbouring land is not shown as sea. Not an area: it has no code or values.
    MultiPolygon backgroundLand;

    const Area* findArea(const std::string& code) const;
    /// \brief Pekon and kelurahan (the village level), in stored order.
    std::vector<const Area*> villages() const;
    std::vector<const Area*> areasOfKind(const std::string& kind) const;
    /// \brief Periods present for an indicator key, sorted.
    std::vector<std::string> periods(const std::string& key) const;
    /// \brief True when meta "provenance" says "illustrative".
    bool isIllustrative() const;
    std::string metaValue(const std::string& key, const std::string& fallback = {}) const;
    Extent extent() const;
};

} // namespace gis
