#pragma once
// The SpatiaLite file store (gis/src/project.cpp), called by gis::openProject/createProject.
// Private to gis/.
#include "gis/store.h"

#include <memory>
#include <string>

namespace gis::detail {

std::unique_ptr<ProjectStore> openFileProject(const std::string& path, OpenMode mode);
std::unique_ptr<ProjectStore> createFileProject(const std::string& path, const Dataset& ds, bool replace);

} // namespace gis::detail
