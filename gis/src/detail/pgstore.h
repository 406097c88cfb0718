#pragma once
// The PostGIS store's location parsing and access grants. Private to gis/ (pgstore.cpp).
#include "gis/store.h"

#include <memory>
#include <string>

namespace gis::detail {

class PgConnection;

/// \brief A parsed `postgresql://...?project=NAME` location.
struct ServerLocation {
    std::string conninfo; ///< the URI without `project` (what libpq is given); never a password
    std::string project;  ///< the project's schema name
    std::string display;  ///< for messages: the location as given (it carries no password)
};

bool isPostgresUri(const std::string& location);
/// \throws ProjectError for a malformed URI, a missing or unusable project name, or a password in it.
ServerLocation parseServerLocation(const std::string& location);
/// \brief Connects and checks PostGIS. \throws ProjectError (unreachable, no PostGIS).
std::unique_ptr<PgConnection> connectServer(const ServerLocation& loc);

/// \brief GRANTs \a role read (or, \a editor, value/facility/alias/program/meta write) access to
/// the project; a non-empty \a codePrefix also restricts the role, by row-level security, to the
/// rows of areas under that code prefix. Only the project's owner may grant. \throws ProjectError.
void grantServerAccess(const std::string& location, const std::string& role, bool editor,
                       const std::string& codePrefix);

} // namespace gis::detail
