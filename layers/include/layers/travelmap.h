#pragma once
/// \file travelmap.h
/// The travel-time raster of a map (ThematicMapSpec::travel): minutes over terrain to the
/// nearest facility of a kind or to the capital (gis/terrainmodel.h), classed in minutes
/// (0-15, 15-30, 30-60, 60-120, > 120 and "unreachable" by default) on a sequential ramp, drawn
/// under the pekon outlines instead of their fills, with its own legend block.
/// \note Functions of their arguments; projectTravelRaster() reads the project file's rasters.
#include "gis/dataset.h"
#include "layers/page.h"
#include "layers/thematicmap.h"

#include <QColor>

#include <stop_token>
#include <string>
#include <vector>

namespace layers {

/// \brief The default classes: upper bounds in minutes.
std::vector<double> defaultTravelBreaks();
/// \brief \throws gis::Error unless \a breaks are 1 to 8 positive minutes, strictly ascending.
void checkTravelBreaks(const std::vector<double>& breaks);

/// \brief The class of \a minutes: i for (breaks[i-1], breaks[i]] (class 0 from 0), breaks.size()
/// beyond the last break, breaks.size() + 1 for +infinity (unreachable), -1 for NaN (nothing drawn).
int travelClassOf(float minutes, const std::vector<double>& breaks);
/// \brief Colours of the classes of travelClassOf: a sequential ramp (YlGnBu, light = near) for
/// the breaks.size() + 1 timed classes, then grey for unreachable.
std::vector<QColor> travelClassColors(const std::vector<double>& breaks);
/// \brief Legend rows of the classes, e.g. "0–15 menit", "> 120 menit", "Tidak terjangkau"
/// (counts are -1: cells, not villages, carry the classes).
std::vector<LegendEntry> travelLegendEntries(const TravelRaster& travel, Lang lang);

/// \brief The travel raster of a project: gis::buildTerrainModel (its DEM, land cover and road
/// layer at \a resolutionM), travel times to \a to ("KIND" or "capital"), kept inside the
/// project's villages, on a lon/lat grid, with its label and sources line in \a lang.
/// \a projectFile holds the rasters; empty = none (the embedded demo).
/// \throws gis::Error for an unknown kind (listing the kinds), a missing capital or bad breaks.
/// A stop requested on \a stop (from any thread) ends it early with gis::TravelCancelled.
TravelRaster projectTravelRaster(const gis::Dataset& ds, const std::string& projectFile, const std::string& to,
                                 const std::vector<double>& breaks, Lang lang, double resolutionM = 100.0,
                                 std::stop_token stop = {});

} // namespace layers
