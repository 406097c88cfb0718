#pragma once
/// \file roads.h
/// The --roads options shared by analyze, place and pokdarwis.
#include "gis/network.h"

#include <string>

namespace app::cli {

/// \brief Reads a road layer FILE[:LAYER] into a network; \a speeds is "class=kmh,...".
/// \throws gis::Error (DataSourceError for an unreadable file, Error for bad speeds).
gis::RoadNetwork readRoadLayer(const std::string& fileAndLayer, const std::string& classField,
                               const std::string& speeds, double defaultSpeedKmh, double offroadSpeedKmh);

} // namespace app::cli
