#pragma once
/// \file locator.h
/// Coarse land of Indonesia and its neighbours (DCW-GMT country polygons, simplified to about
/// 2 km; data/locator/, made by data/tools/make_locator.py) for the inset locator map of printed
/// pages. Not for analysis: islands under ~30 km² are left out.
#include "gis/geometry.h"

namespace gis {

struct LocatorLand {
    MultiPolygon indonesia;
    MultiPolygon neighbours; ///< Malaysia, Singapore, Brunei, Timor-Leste, Papua New Guinea, the Philippines, Thailand,
                             ///< Australia
};

/// \brief The embedded locator land, parsed on first use (thread-safe).
const LocatorLand& locatorLand();

} // namespace gis
