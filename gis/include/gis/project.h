#pragma once
/// \file project.h
/// The project file: one SpatiaLite database (*.sasaran.sqlite) with the tables wilayah,
/// fasilitas, indikator and meta of DESIGN.md.
#include "gis/dataset.h"

#include <string>

namespace gis {

constexpr int kProjectSchemaVersion = 1;

/// \brief Writes \a ds as a new project file. The file is built beside \a path under a
/// temporary name and renamed over it only when complete, so \a path is never half-written.
/// \throws ProjectError naming the file.
void saveProject(const Dataset& ds, const std::string& path);

/// \brief Reads a project file. \throws ProjectError naming the file when it is missing,
/// not a Sasaran project, or newer than this program.
Dataset loadProject(const std::string& path);

} // namespace gis
