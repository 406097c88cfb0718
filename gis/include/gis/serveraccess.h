#pragma once
/// \file serveraccess.h
/// Who may read and write a project on a PostgreSQL/PostGIS server (see store.h).
#include <string>

namespace gis {

enum class ProjectAccess {
    Reader, ///< sees the project (SELECT)
    Editor, ///< also writes indicator values, facilities, aliases, saved runs and meta entries;
            ///< only the owner replaces boundaries and grants
};

/// \brief Grants \a role \a access to the server project at \a location (a
/// `postgresql://...?project=NAME` URI); the caller must own the project. A non-empty
/// \a codePrefix (e.g. "18.06") restricts the role by row-level security to the areas under
/// that code and their values, facilities and aliases; granting several prefixes adds them.
/// \throws ProjectError naming the location (not a server location, not the owner, no such
/// role or project, unreachable).
void grantProjectAccess(const std::string& location, const std::string& role, ProjectAccess access,
                        const std::string& codePrefix = {});

} // namespace gis
