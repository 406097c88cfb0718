#pragma once
/// \file demodem.h
/// The embedded demo's DEM: an ILLUSTRATIVE terrain for Tanggamus, generated deterministically
/// (not measured heights): 0 m at the coast (the edge of the project's land), rising inland
/// and to the Bukit Barisan ridge north-west of Semangka Bay (west of Kota Agung), the Ulubelu
/// upland in the north and the Gunung Tanggamus massif at about 2,100 m north-east of Kota
/// Agung (104.68 E, 5.42 S). Import a real DEM (DEMNAS, SRTM) for real work.
#include "gis/raster.h"

namespace gis {

/// \brief The illustrative DEM on regencyRasterTarget(\a ds, \a resolutionM): metres, in the
/// regency's UTM zone, 0 over the sea. The same every call. \throws Error without areas.
RasterGrid buildDemoDem(const Dataset& ds, double resolutionM = 100.0);

} // namespace gis
