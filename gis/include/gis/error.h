#pragma once
/// \file error.h
/// Typed errors thrown inside gis/; the CLI and GUI turn them into messages at their edge.
#include <stdexcept>
#include <string>

namespace gis {

/// \brief Base of every error a user's input can cause. what() is a complete sentence that
/// names the file, row or feature and says what to do.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// \brief A file or data source could not be opened or read.
class DataSourceError : public Error {
public:
    DataSourceError(std::string path, const std::string& why)
        : Error("cannot read '" + path + "': " + why), mPath(std::move(path)) {}
    const std::string& path() const noexcept { return mPath; }

private:
    std::string mPath;
};

/// \brief A coordinate reference system is missing, unknown, or cannot be transformed.
class CrsError : public Error {
public:
    using Error::Error;
};

/// \brief A geometry operation failed (GEOS reported an error).
class GeometryError : public Error {
public:
    using Error::Error;
};

/// \brief An output file (map, table, export) could not be written.
class OutputError : public Error {
public:
    using Error::Error;
};

/// \brief A project file could not be created, opened, read or written.
class ProjectError : public Error {
public:
    using Error::Error;
};

} // namespace gis
