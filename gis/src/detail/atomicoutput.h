#pragma once
/// \file atomicoutput.h
/// The one write-beside-and-rename mechanism of gis/ (text files, GeoPackages, exports). Private.
#include <filesystem>
#include <string>
#include <string_view>

namespace gis::detail {

/// \brief A temporary file or folder beside \a target, renamed into place by commit().
///
/// The temporary is named ".<stem>.tmp-<pid><extension>" (a file keeps the target's extension,
/// which GDAL drivers choose by; a folder has none, because GDAL's /vsizip/ would take a folder
/// named "x.xlsx..." for the archive). Construction removes such temporaries of this process and
/// of processes no longer running (left by a crash); destruction without commit() removes the
/// temporary, together with SQLite's side files (-journal, -wal, -shm) of a temporary file.
/// \note One object per output and thread; two processes writing the same target race on the
/// final rename only (the last one wins, each file complete).
class AtomicOutput {
public:
    enum class Kind { File, Folder };

    /// \throws OutputError naming \a target when its folder does not exist, a folder cannot be
    /// created, or \a target exists and is not a regular file (a folder, device or FIFO is never
    /// replaced).
    AtomicOutput(const std::string& target, Kind kind);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    /// \brief Where to write: the temporary file, or the temporary folder.
    const std::filesystem::path& tempPath() const noexcept { return mTemp; }
    Kind kind() const noexcept { return mKind; }
    /// \brief The target as an absolute path.
    const std::filesystem::path& target() const noexcept { return mTarget; }

    /// \brief Writes \a bytes as the temporary file (File) or as the file \a member of the
    /// temporary folder (Folder; empty: the target's name), checking every write, fsync and close.
    /// \throws OutputError naming the target (disk full, I/O error); the temporary is removed by
    /// the destructor.
    void write(std::string_view bytes, const std::string& member = {});

    /// \brief File: renames the temporary onto the target. Folder: renames every file in it into
    /// the target's folder (each rename atomic; a Shapefile has several). \throws OutputError.
    void commit();

private:
    std::string mGiven; ///< the target as given, for messages
    std::filesystem::path mTarget, mTemp;
    Kind mKind;
    bool mCommitted = false;
};

/// \brief Writes \a bytes to \a path (created or truncated) with checked writes, fsync and close;
/// \a given names the output in messages. \throws OutputError.
void writeWholeFile(const std::filesystem::path& path, std::string_view bytes, const std::string& given);

/// \brief Tests only: from now on every checked write of this process behaves like a disk with
/// \a bytes free (it fails with ENOSPC once they are used); -1 restores normal writes.
void setSimulatedFreeBytesForTesting(long long bytes) noexcept;

} // namespace gis::detail
