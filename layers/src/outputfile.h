#pragma once
// Error handling shared by the map, atlas and report writers (private to layers).
#include "gis/error.h"

#include <QFile>
#include <QGuiApplication>

#include <string>

namespace layers::detail {

[[noreturn]] inline void cannotWrite(const std::string& path, const std::string& why)
{
    throw gis::OutputError("cannot write '" + path + "': " + why);
}

/// Opens the output file up front, so an unwritable path is reported with its reason.
inline void openForWriting(QFile& file, const std::string& path)
{
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannotWrite(path, file.errorString().toStdString() + " (check that the folder exists and is writable)");
}

inline void requireGuiApplication(const std::string& path)
{
    if (!QGuiApplication::instance())
        cannotWrite(path,
                    "rendering text needs a QGuiApplication (create one, with QT_QPA_PLATFORM=offscreen "
                    "when headless)");
}

inline void finishFile(QFile& file, const std::string& path)
{
    file.close();
    if (file.error() != QFileDevice::NoError)
        cannotWrite(path, file.errorString().toStdString());
}

} // namespace layers::detail
