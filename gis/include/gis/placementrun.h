#pragma once
/// \file placementrun.h
/// Reading a saved placement run from its JSON form. Kept apart from placement.h so that the
/// project store can read old files' runs without depending on the placement analysis.
#include "gis/dataset.h"

#include <string>

namespace gis {

/// \brief A run from its JSON (placementToJson, or a meta "program.*" entry of a project saved
/// before the program table), created at \a createdUtc; id 0. \throws Error when the JSON is
/// not a placement run (no kind, method, count or sites).
/// \note Pure; may be called from any thread.
PlacementRun placementRunFromJson(const std::string& json, const std::string& createdUtc);

} // namespace gis
