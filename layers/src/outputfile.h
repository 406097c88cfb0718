#pragma once
// Error handling shared by the map, atlas and report writers (private to layers).
#include "gis/error.h"
#include "gis/outputpath.h"
#include "gis/text.h"

#include <QBuffer>
#include <QGuiApplication>

#include <filesystem>
#include <string>

namespace layers::detail {

[[noreturn]] inline void cannotWrite(const std::string& path, const std::string& why)
{
    throw gis::OutputError("cannot write '" + path + "': " + why);
}

/// Checks the output path up front (its folder exists; it is no folder, device or FIFO), so a
/// wrong path is reported before the rendering; then opens the in-memory buffer the writer fills.
inline void openForWriting(QBuffer& buffer, const std::string& path)
{
    gis::checkOutputPath(path);
    const std::filesystem::path folder = std::filesystem::absolute(path).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        cannotWrite(path,
                    "folder '" + folder.string()
                        + "' does not exist (check that the folder exists and is "
                          "writable)");
    if (!buffer.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannotWrite(path, buffer.errorString().toStdString());
}

inline void requireGuiApplication(const std::string& path)
{
    if (!QGuiApplication::instance())
        cannotWrite(path,
                    "rendering text needs a QGuiApplication (create one, with QT_QPA_PLATFORM=offscreen "
                    "when headless)");
}

/// Writes what the writer put in \a buffer to \a path: a temporary beside it, every write and
/// the fsync checked, renamed into place only when complete (a full disk leaves no cut file).
inline void finishFile(QBuffer& buffer, const std::string& path)
{
    buffer.close();
    const QByteArray& bytes = buffer.data();
    if (bytes.isEmpty())
        cannotWrite(path, "the writer produced nothing");
    gis::writeTextFileAtomically(path, std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

} // namespace layers::detail
