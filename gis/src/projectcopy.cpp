#include "gis/projectcopy.h"

#include "gis/error.h"
#include "gis/rasterstore.h"
#include "gis/store.h"

#include <fmt/format.h>

#include <filesystem>

namespace gis {

namespace {

ProjectCopyResult created(const Dataset& ds, const std::string& destination, bool replace,
                          const std::vector<ExportLogEntry>& exportLog = {})
{
    ProjectCopyResult result;
    const std::unique_ptr<ProjectStore> store = createProject(destination, ds, replace);
    result.destination = store->location();
    if (!exportLog.empty()) {
        // Who exported what from the project, personal data above all, goes where the project goes.
        ProjectChanges log;
        log.carriedExportLog = exportLog;
        try {
            store->write(log);
        } catch (const ProjectError& e) {
            throw ProjectError(fmt::format("the project was copied to '{}' but not its export log ({} rows): {}; copy it "
                                           "again, replacing the copy",
                                           result.destination, exportLog.size(), e.what()),
                               e.problem());
        }
        result.exportLogRows = exportLog.size();
    }
    result.areas = ds.areas.size();
    result.facilities = ds.facilities.size();
    result.values = ds.indicators.size();
    result.programs = ds.programs.size();
    return result;
}

} // namespace

bool projectExists(const std::string& location)
{
    if (!isServerLocation(location))
        return std::filesystem::exists(location);
    try {
        openProject(location, OpenMode::ReadOnly);
        return true;
    } catch (const ProjectError& e) {
        // Missing means free; anything else (unreachable, no PostGIS, a malformed URI) is the
        // error to report.
        if (e.problem() == ProjectProblem::Missing)
            return false;
        throw;
    }
}

ProjectCopyResult copyProject(const std::string& source, const std::string& destination, bool replace)
{
    const std::unique_ptr<ProjectStore> from = openProject(source, OpenMode::ReadOnly);
    const Dataset ds = from->read();
    const std::vector<ExportLogEntry> exportLog = from->exportLog();
    ProjectCopyResult result = created(ds, destination, replace, exportLog);
    result.rastersCopied = copyRasters(source, destination);
    return result;
}

ProjectCopyResult copyDatasetToProject(const Dataset& ds, const std::string& destination, bool replace)
{
    ProjectCopyResult result = created(ds, destination, replace);
    removeRasters(destination);
    return result;
}

} // namespace gis
