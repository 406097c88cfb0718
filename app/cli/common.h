#pragma once
/// \file common.h
/// Helpers shared by the sasaran-cli command files.
#include "gis/dataset.h"
#include "gis/demo.h"
#include "gis/project.h"
#include "gis/store.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace app::cli {

/// \brief The command line itself is wrong (a missing or conflicting option, a value of the wrong
/// form): run() prints "sasaran-cli: error: <what>" and exits with ExitCode::Usage (2). Commands
/// throw it instead of printing and returning 2 by hand.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The PROJECT argument that names the embedded Tanggamus dataset.
inline constexpr const char* kDefaultProjectName = ":default";

/// \brief Reads a project file, or builds the embedded dataset for ":default".
/// \throws gis::ProjectError naming the file.
inline gis::Dataset openProjectOrDefault(const std::string& project)
{
    if (project == kDefaultProjectName)
        return gis::buildDefaultDataset();
    return gis::loadProject(project);
}

/// \brief A copy of only \a parts of \a ds (what a command may change), to compare with after
/// the command: gis::changesBetween(before, after, parts).
inline gis::Dataset copyOfParts(const gis::Dataset& ds, gis::ProjectPart parts)
{
    using gis::ProjectPart;
    gis::Dataset copy;
    copy.meta = ds.meta;
    if (gis::has(parts, ProjectPart::Areas)) {
        copy.areas = ds.areas;
        copy.areaCache = ds.areaCache;
    }
    if (gis::has(parts, ProjectPart::Facilities))
        copy.facilities = ds.facilities;
    if (gis::has(parts, ProjectPart::Indicators))
        copy.indicators = ds.indicators;
    if (gis::has(parts, ProjectPart::Aliases))
        copy.aliases = ds.aliases;
    if (gis::has(parts, ProjectPart::BpsCodes))
        copy.bpsCodes = ds.bpsCodes;
    if (gis::has(parts, ProjectPart::Background))
        copy.backgroundLand = ds.backgroundLand;
    if (gis::has(parts, ProjectPart::Programs))
        copy.programs = ds.programs;
    if (gis::has(parts, ProjectPart::Roads))
        copy.roads = ds.roads;
    return copy;
}

/// \brief Writes to PROJECT only what changed in \a parts between \a before and \a after, in
/// one transaction (a second writer at the same time keeps its own changes). Returns the ids the
/// store gave to new placement runs. \throws gis::ProjectError (busy, read-only, ...).
inline std::vector<long long> writeChanges(const std::string& project, const gis::Dataset& before,
                                           const gis::Dataset& after, gis::ProjectPart parts)
{
    const auto store = gis::openProject(project, gis::OpenMode::ReadWrite);
    return store->write(gis::changesBetween(before, after, parts));
}

} // namespace app::cli
