#pragma once
/// \file memoryoutput.h
/// GDAL writes an output into memory (/vsimem/), then every byte goes to disk through the
/// checked writes of AtomicOutput: GDAL's drivers (GeoJSON, XLSX, CSV, Shapefile) ignore the
/// result of their own writes, so a full disk would leave a cut file behind "success". Private.
#include "detail/atomicoutput.h"

#include <string>

namespace gis::detail {

/// \brief A folder in GDAL's memory file system, removed with everything in it on destruction.
/// \note One object per output and thread.
class MemoryFolder {
public:
    MemoryFolder();
    ~MemoryFolder();
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;

    /// \brief The /vsimem/ path of \a name inside the folder, for GDAL to create.
    std::string pathOf(const std::string& name) const;
    /// \brief Writes every file of the folder through \a output: a File output takes the one
    /// file \a fileName, a Folder output every file under its name. \throws OutputError.
    void saveTo(AtomicOutput& output, const std::string& fileName) const;

private:
    std::string mFolder;
};

} // namespace gis::detail
