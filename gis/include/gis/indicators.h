#pragma once
/// \file indicators.h
/// Per-area values of stored and derived indicators.
#include "gis/dataset.h"

#include <map>
#include <string>
#include <vector>

namespace gis {

/// \brief Describes an indicator a map or table can show.
struct IndicatorInfo {
    std::string key;
    std::string label; ///< Bahasa Indonesia, for legends: "Tingkat kemiskinan (%)"
    std::string unit;  ///< "%", "jiwa/km²", "jiwa", "km²"
    bool derived = false;
    /// A category (text levels, gis/categories.h): its values here are the level's position
    /// on the scale (0 = lowest); maps draw it by level.
    bool categorical = false;
};

/// \brief Stored keys of the dataset plus the derived ones (area_km2, poverty_rate,
/// poor_density_km2, pop_density_km2), then the categories (categorical = true).
std::vector<IndicatorInfo> availableIndicators(const Dataset& ds);
/// \brief Info for a key; \throws Error listing the available keys when it is unknown.
IndicatorInfo indicatorInfo(const Dataset& ds, const std::string& key);

/// \brief Values of \a key for every village-level area that has one, keyed by area code.
/// Derived: poverty_rate = 100 * miskin / penduduk (percent); poor_density_km2 = miskin /
/// area_km2; pop_density_km2 = penduduk / area_km2; area_km2 = ellipsoidal area.
/// \param period empty = the latest period of the key (or of miskin for derived keys)
/// \throws Error when the key is unknown or has no values for the period.
std::map<std::string, double> indicatorValues(const Dataset& ds, const std::string& key,
                                              const std::string& period = {});

/// \brief The period indicatorValues uses for \a key when none is given.
std::string latestPeriod(const Dataset& ds, const std::string& key);

} // namespace gis
