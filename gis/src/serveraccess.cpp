// grantProjectAccess: the PostGIS store's grants, or a clear refusal without libpq.
#include "gis/serveraccess.h"

#include "gis/error.h"

#ifdef SASARAN_WITH_POSTGRES
#include "detail/pgstore.h"
#endif

namespace gis {

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
