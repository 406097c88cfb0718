#pragma once
// Writing small text outputs (CSV tables) safely. Private to gis/.
#include "gis/text.h"

#include <string>

namespace gis::detail {

/// \brief Writes \a content to \a path through a temporary file in the same folder and a
/// rename, so \a path is either the old file or the complete new one.
/// \throws OutputError naming \a path.
void writeFileAtomically(const std::string& path, const std::string& content);

using gis::csvQuoted; // moved to gis/text.h

} // namespace gis::detail
