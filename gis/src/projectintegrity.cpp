// checkProjectIntegrity (gis/project.h): a damaged page in a table or index that a command
// does not read would otherwise go unnoticed until it is needed.
#include "detail/sqlite.h"
#include "gis/error.h"
#include "gis/project.h"
#include "gis/store.h"

#include <filesystem>

namespace gis {

void checkProjectIntegrity(const std::string& path)
{
    if (isServerLocation(path) || !std::filesystem::is_regular_file(path))
        return; // a server checks its own pages; a missing file is reported by the open
    detail::SpatialiteConnection db(path, SQLITE_OPEN_READONLY);
    std::string problems;
    int count = 0;
    try {
        detail::Statement q(db, "PRAGMA quick_check(5)");
        while (q.step()) {
            const std::string line = q.text(0);
            if (line == "ok")
                return;
            problems += (count++ ? "; " : "") + line;
        }
    } catch (const ProjectError& e) {
        problems = e.what(); // e.g. "database disk image is malformed" before any row
    }
    throw ProjectError("project '" + path + "' is damaged (SQLite's check found: " + problems
                       + "); restore it from a backup");
}

} // namespace gis
