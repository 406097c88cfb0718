#pragma once
// Runs sasaran-cli in-process and keeps what it printed.
#include "cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

namespace testutil {

struct CliResult {
    int code = -1;
    std::string out;
    std::string err;
};

inline CliResult runCli(const std::vector<std::string>& args)
{
    std::ostringstream out, err;
    CliResult r;
    r.code = app::cli::run(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace testutil
