#pragma once
/// \file outputpath.h
/// The one check of an output path before anything is written to it.
/// \note Pure functions of the file system; safe from any thread.
#include <string>
#include <vector>

namespace gis {

/// \brief Refuses an output path that writing would destroy or replace wrongly: a path that is
/// one of \a inputs (the same file, also through another spelling, a link or a hard link) or
/// whose existing entry is not a regular file (a folder, a device such as /dev/full, a FIFO, a
/// socket). An absent path, or a regular file that is no input, passes. Inputs that do not exist
/// are ignored.
/// \throws OutputError naming \a output (and the input it would overwrite).
void checkOutputPath(const std::string& output, const std::vector<std::string>& inputs = {});

} // namespace gis
