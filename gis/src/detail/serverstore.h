#pragma once
// The PostgreSQL/PostGIS store's entry points, called by gis::openProject/createProject
// (gis/src/store.cpp) for server locations. Private to gis/. Implemented in pgstore*.cpp when
// the library is built with SASARAN_WITH_POSTGRES; otherwise store.cpp refuses server locations.
#include "gis/store.h"

#include <memory>
#include <string>

namespace gis::detail {

std::unique_ptr<ProjectStore> openServerProject(const std::string& location, OpenMode mode);
std::unique_ptr<ProjectStore> createServerProject(const std::string& location, const Dataset& ds, bool replace);

} // namespace gis::detail
