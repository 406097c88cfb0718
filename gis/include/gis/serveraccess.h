#pragma once
/// \file serveraccess.h
/// Who may read and write a project on a PostgreSQL/PostGIS server (see store.h).
#include <optional>
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

/// \brief Keeps \a password in this process's memory for connections to the server named by
/// \a location (a `postgresql://USER@HOST:PORT/DB...` URI: the part before `?` is the key, so
/// every project of that user, server and database shares it). libpq receives it beside the
/// URI, never inside it, so it appears in no location(), message or log; nothing writes it
/// anywhere (a user who wants it kept uses ~/.pgpass). An empty password forgets it.
/// \note Thread-safe: a background job's own store connects with it too.
void setServerPassword(const std::string& location, const std::string& password);
/// \brief Drops the password kept for \a location's server (no-op when none is kept).
void forgetServerPassword(const std::string& location);
/// \brief The password kept for \a location's server, if any (for the store's connections).
std::optional<std::string> serverPassword(const std::string& location);

} // namespace gis
