#include "cli/exportlogcmd.h"

#include "cli/common.h"
#include "gis/error.h"
#include "gis/exportlog.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>

namespace app::cli {

void logOutput(const std::string& project, const std::string& what, const std::string& tier,
               const std::string& outPath, bool personalData, std::ostream& out, std::ostream& err)
{
    if (project == kDefaultProjectName) {
        fmt::print(out, "export log:  not kept ({} is the embedded example, not a project file)\n",
                   kDefaultProjectName);
        return;
    }
    gis::ExportLogEntry entry;
    entry.what = what;
    entry.tier = tier;
    entry.path = std::filesystem::absolute(outPath).lexically_normal().string();
    entry.personalData = personalData;
    try {
        gis::recordExport(project, entry);
        fmt::print(out, "export log:  recorded in {} ({}, tier {}{})\n", project, what, tier,
                   personalData ? ", with DTSEN-derived values" : "");
    } catch (const gis::Error& e) {
        fmt::print(err, "sasaran-cli: warning: the output was written, but the export log of {} was not: {}\n",
                   project, e.what());
    }
}

CLI::App* addLogCommand(CLI::App& cli, std::string& project)
{
    auto* cmd = cli.add_subcommand("log",
                                   "List the export log: every export, map, atlas, report and records export "
                                   "written from the project (time, what, tier, file, user, DTSEN)");
    cmd->add_option("PROJECT", project, "Project file or postgresql://...?project=NAME")->required();
    return cmd;
}

int runLog(const std::string& project, std::ostream& out)
{
    const auto log = gis::readExportLog(project);
    fmt::print(out, "export log of {}: {} entries\n", project, log.size());
    if (log.empty())
        return 0;
    fmt::print(out, "{:<20}  {:<14}  {:<10}  {:<12}  {:<5}  {}\n", "utc", "what", "tier", "user", "dtsen", "file");
    for (const gis::ExportLogEntry& e : log)
        fmt::print(out, "{:<20}  {:<14}  {:<10}  {:<12}  {:<5}  {}\n", e.utc, e.what, e.tier,
                   e.user.empty() ? "-" : e.user, e.personalData ? "yes" : "no", e.path);
    return 0;
}

} // namespace app::cli
