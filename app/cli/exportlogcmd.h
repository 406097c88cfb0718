#pragma once
/// \file exportlogcmd.h
/// The export log at the CLI's edge: every command that publishes an output (export, map,
/// atlas, report, export-records) records it in the project (gis/exportlog.h), and
/// `sasaran-cli log PROJECT` lists the log.
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace app::cli {

/// \brief Records one written output in the export log of \a project and says so on \a out.
/// When the log cannot be written (a read-only file, a role without the grant, the project
/// busy) the output stays, and a warning on \a err says the log was not written and why: the
/// file exists either way, and refusing it after writing would not undo it. The embedded
/// example (":default") has no project to log to; a note says so.
void logOutput(const std::string& project, const std::string& what, const std::string& tier,
               const std::string& outPath, bool personalData, std::ostream& out, std::ostream& err);

CLI::App* addLogCommand(CLI::App& cli, std::string& project);
int runLog(const std::string& project, std::ostream& out);

} // namespace app::cli
