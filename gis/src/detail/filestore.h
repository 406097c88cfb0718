#pragma once
// The SpatiaLite file store (gis/src/project.cpp), called by gis::openProject/createProject.
// Private to gis/.
#include "gis/store.h"

#include <memory>
#include <string>

namespace gis::detail {

std::unique_ptr<ProjectStore> openFileProject(const std::string& path, OpenMode mode);
std::unique_ptr<ProjectStore> createFileProject(const std::string& path, const Dataset& ds, bool replace);

class SpatialiteConnection;
/// \brief Applies c.heldValues inside the caller's write transaction, before the upserts
/// (filestore_heldvalues.cpp). \throws ProjectError for HeldValueRule::Refuse when something is held.
void applyHeldValueRule(SpatialiteConnection& db, const ProjectChanges& c);
/// \brief Inserts \a facilities (an id of 0 gets the next free id) inside the caller's write
/// transaction, a large batch with its spatial index rows written directly (filestore_facilities.cpp).
void addFacilities(SpatialiteConnection& db, const std::vector<Facility>& facilities);

} // namespace gis::detail
