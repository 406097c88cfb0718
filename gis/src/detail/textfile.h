#pragma once
// Writing small text outputs (CSV tables) safely. Private to gis/.
#include <string>

namespace gis::detail {

/// \brief Writes \a content to \a path through a temporary file in the same folder and a
/// rename, so \a path is either the old file or the complete new one.
/// \throws OutputError naming \a path.
void writeFileAtomically(const std::string& path, const std::string& content);

/// \brief A CSV text field: always quoted, inner quotes doubled.
std::string csvQuoted(const std::string& text);

} // namespace gis::detail
