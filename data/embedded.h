#pragma once
// The default dataset's source files, compiled into the program (see data/CMakeLists.txt).
#include <span>
#include <string_view>

namespace sasaran_data {

struct EmbeddedFile {
    std::string_view path;    ///< relative to data/, e.g. "tanggamus/wilayah.csv"
    std::string_view content; ///< the file's bytes
};

/// \brief All embedded files, in the order data/CMakeLists.txt lists them.
std::span<const EmbeddedFile> embeddedFiles();

} // namespace sasaran_data
