#pragma once
/// \file projectcopy.h
/// A whole project copied from one store to another (file to server, server to file, file to
/// file), all or nothing: what the CLI `copy` command and the desktop's copy actions both run.
#include "gis/dataset.h"

#include <cstddef>
#include <string>

namespace gis {

/// \brief What one copy wrote.
struct ProjectCopyResult {
    std::size_t areas = 0, facilities = 0, values = 0, programs = 0;
    std::size_t rastersCopied = 0; ///< the source's DEM, land cover, population (files and servers alike)
    std::size_t exportLogRows = 0; ///< the source's export log, carried with its times and users
    std::string destination;       ///< the created project's location (a server URI without password)
};

/// \brief True when a project is already at \a location (a file there, or a server project this
/// role can open). \throws ProjectError when the server cannot be asked (unreachable, no PostGIS,
/// a malformed URI).
bool projectExists(const std::string& location);

/// \brief Copies all of the project at \a source to a new project at \a destination in one
/// transaction; an existing project there is refused unless \a replace (then replaced). A file
/// destination gets the rasters of a file source and keeps none of a replaced file's. The source's
/// export log follows, with its times and users, in a second transaction (when that one fails,
/// the error says the copy lacks its log).
/// \throws ProjectError naming the location (missing source, existing destination, unreachable,
/// not allowed); \a destination is unchanged then.
ProjectCopyResult copyProject(const std::string& source, const std::string& destination, bool replace = false);

/// \brief As copyProject, from a dataset held in memory (e.g. the embedded example): a file
/// destination keeps no raster.
ProjectCopyResult copyDatasetToProject(const Dataset& ds, const std::string& destination, bool replace = false);

} // namespace gis
