#pragma once
/// \file copy.h
/// `sasaran-cli copy SRC DST [--replace]`: a whole project between any two stores (a file, a
/// `postgresql://...?project=NAME` server project), and
/// `sasaran-cli grant PROJECT (--reader ROLE | --editor ROLE) [--prefix CODE]`.
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

struct CopyCommandOptions {
    std::string source;      ///< project file, server URI or ":default"
    std::string destination; ///< project file or server URI
    bool replace = false;
};

CLI::App* addCopyCommand(CLI::App& cli, CopyCommandOptions& options);
/// \brief Copies all of SRC to DST in one transaction (DST unchanged on any error).
/// \throws gis::Error or UsageError for the caller to map.
int runCopy(const CopyCommandOptions& options, std::ostream& out, std::ostream& err);

struct GrantCommandOptions {
    std::string project;
    std::string reader;
    std::string editor;
    std::string prefix;
};

CLI::App* addGrantCommand(CLI::App& cli, GrantCommandOptions& options);
int runGrant(const GrantCommandOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
