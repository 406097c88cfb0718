#pragma once
/// \file common.h
/// Helpers shared by the sasaran-cli command files.
#include "gis/dataset.h"
#include "gis/demo.h"
#include "gis/project.h"

#include <stdexcept>
#include <string>

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

} // namespace app::cli
