#pragma once
/// \file cli.h
/// The sasaran-cli commands as a library, so tests run them in-process.
#include <ostream>
#include <string>
#include <vector>

namespace app::cli {

/// Exit codes, documented in --help.
enum class ExitCode : int {
    Ok = 0,
    Failed = 1,      ///< the command ran and failed (an error message says why)
    Usage = 2,       ///< the command line was wrong
    InputError = 3,  ///< a file could not be read, or the data was not usable
    OutputError = 4, ///< a file could not be written
    TryAgain = 5,    ///< the project is busy: another process is writing it
    Connection = 6,  ///< its PostgreSQL server cannot be reached, refused the login, or the connection was lost
};

/// \brief Runs sasaran-cli with \a args (without the program name), writing results to \a out
/// and messages to \a err. Never throws.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace app::cli
