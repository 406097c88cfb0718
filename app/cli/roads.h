#pragma once
/// \file roads.h
/// The --roads options shared by analyze, place and pokdarwis.
#include "gis/network.h"
#include "gis/vectorio.h"

#include <string>

namespace app::cli {

/// \brief Reads FILE[:LAYER] (any OGR source) reprojected to lon/lat.
/// \throws gis::DataSourceError naming the file.
gis::VectorData readLineLayer(const std::string& fileAndLayer);
/// \brief The lines of a road layer FILE[:LAYER], for drawing on maps.
/// \throws gis::DataSourceError naming the file, also when it holds no lines.
std::vector<gis::LineString> readRoadLines(const std::string& fileAndLayer);

/// \brief Reads a road layer FILE[:LAYER] into a network; \a speeds is "class=kmh,...".
/// \throws gis::Error (DataSourceError for an unreadable file, Error for bad speeds).
gis::RoadNetwork readRoadLayer(const std::string& fileAndLayer, const std::string& classField,
                               const std::string& speeds, double defaultSpeedKmh, double offroadSpeedKmh);

} // namespace app::cli
