#pragma once
/// \file common.h
/// Helpers shared by the sasaran-cli command files.
#include "gis/dataset.h"
#include "gis/demo.h"
#include "gis/project.h"

#include <string>

namespace app::cli {

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
