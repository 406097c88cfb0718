#pragma once
// Shared pieces of the fuzz targets: the input as a temporary file for readers that take a path.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fuzz {

/// A file in $TMPDIR (or /tmp) private to this process, rewritten for every input.
inline std::string writeInput(const std::uint8_t* data, std::size_t size, const std::string& suffix)
{
    const char* tmp = std::getenv("TMPDIR");
    const std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/sasaran-fuzz-" + std::to_string(getpid()) + suffix;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

} // namespace fuzz
