// grantProjectAccess: the PostGIS store's grants, or a clear refusal without libpq.
#include "gis/serveraccess.h"

#include "gis/error.h"

#include <map>
#include <mutex>

#ifdef SASARAN_WITH_POSTGRES
#include "detail/pgstore.h"
#endif

namespace gis {

namespace {

std::mutex gPasswordMutex;

/// Passwords by server key, in memory only.
std::map<std::string, std::string>& passwords()
{
    static std::map<std::string, std::string> kept;
    return kept;
}

/// The URI before its query: user, host, port and database.
std::string serverKey(const std::string& location)
{
    return location.substr(0, location.find('?'));
}

} // namespace

void setServerPassword(const std::string& location, const std::string& password)
{
    if (password.empty()) {
        forgetServerPassword(location);
        return;
    }
    const std::lock_guard<std::mutex> lock(gPasswordMutex);
    passwords()[serverKey(location)] = password;
}

void forgetServerPassword(const std::string& location)
{
    const std::lock_guard<std::mutex> lock(gPasswordMutex);
    passwords().erase(serverKey(location));
}

std::optional<std::string> serverPassword(const std::string& location)
{
    const std::lock_guard<std::mutex> lock(gPasswordMutex);
    auto it = passwords().find(serverKey(location));
    if (it == passwords().end())
        return std::nullopt;
    return it->second;
}

void grantProjectAccess(const std::string& location, const std::string& role, ProjectAccess access,
                        const std::string& codePrefix)
{
#ifdef SASARAN_WITH_POSTGRES
    if (!detail::isPostgresUri(location))
        throw ProjectError("'" + location
                           + "' is a project file: access is granted only on a PostgreSQL server "
                             "project (postgresql://...?project=NAME); a file's access is its file permissions");
    detail::grantServerAccess(location, role, access == ProjectAccess::Editor, codePrefix);
#else
    (void)role;
    (void)access;
    (void)codePrefix;
    throw ProjectError("this Sasaran was built without PostgreSQL support; cannot grant access on '" + location + "'");
#endif
}

} // namespace gis
