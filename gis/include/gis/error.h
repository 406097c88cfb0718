#pragma once
/// \file error.h
/// Typed errors thrown inside gis/; the CLI and GUI turn them into messages at their edge.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace gis {

/// \brief Base of every error a user's input can cause. what() is a complete sentence that
/// names the file, row or feature and says what to do, in the data's words (never a command-line
/// option). When the fix is to give or change a parameter of the call, parameters() names it as
/// data ("period", "crs", "code field", ...), so that an edge (the CLI, the desktop) can add how
/// that parameter is given there with addHint() and rethrow the same object.
/// \note An Error is not shared between threads; copy it to hand it over.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::vector<std::string> parameters = {})
            : std::runtime_error(message), mMessage(message), mParameters(std::move(parameters))
    {}
    explicit Error(const char* message) : Error(std::string(message)) {}

    const char* what() const noexcept override { return mMessage.c_str(); }
    /// \brief The parameters to give or change, in the data's words; empty when none would help.
    const std::vector<std::string>& parameters() const noexcept { return mParameters; }
    /// \brief Appends \a hint to what() (e.g. the name under which the caller offers the parameter).
    void addHint(const std::string& hint) { mMessage += hint; }

private:
    std::string mMessage;
    std::vector<std::string> mParameters;
};

/// \brief A file or data source could not be opened or read.
class DataSourceError : public Error {
public:
    DataSourceError(std::string path, const std::string& why, std::vector<std::string> parameters = {})
            : Error("cannot read '" + path + "': " + why, std::move(parameters)), mPath(std::move(path))
    {}
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

/// \brief What kind of trouble a ProjectError is, for an edge that answers each differently
/// (the CLI's exit codes; the desktop's "try again" versus "choose another file").
enum class ProjectProblem {
    Other,
    Missing,     ///< no project at the location
    Unreachable, ///< its server cannot be reached, or the connection was lost
    Busy,        ///< another process holds the project's write lock past the timeout
    ReadOnly,    ///< this user may only read it
};

/// \brief A project could not be created, opened, read or written.
class ProjectError : public Error {
public:
    explicit ProjectError(const std::string& message, ProjectProblem problem = ProjectProblem::Other)
            : Error(message), mProblem(problem)
    {}
    ProjectProblem problem() const noexcept { return mProblem; }

private:
    ProjectProblem mProblem;
};

} // namespace gis
