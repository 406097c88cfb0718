#include "cli/copy.h"

#include "cli/cli.h"
#include "cli/common.h"
#include "gis/error.h"
#include "gis/project.h"
#include "gis/projectcopy.h"
#include "gis/serveraccess.h"
#include "gis/store.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>

namespace app::cli {

CLI::App* addCopyCommand(CLI::App& cli, CopyCommandOptions& options)
{
    auto* cmd = cli.add_subcommand(
        "copy",
        "Copy a whole project between stores: file to server (postgresql://...?project=NAME), server to "
        "file, file to file; all or nothing");
    cmd->add_option("SRC", options.source, "Project file, server URI or :default")->required();
    cmd->add_option("DST", options.destination, "Project file or server URI to create")->required();
    cmd->add_flag("--replace", options.replace, "Replace a project already at DST");
    return cmd;
}

int runCopy(const CopyCommandOptions& options, std::ostream& out, std::ostream&)
{
    if (options.source == options.destination)
        throw UsageError("SRC and DST are the same project ('" + options.source + "')");
    if (options.destination == kDefaultProjectName)
        throw UsageError("DST cannot be :default (the embedded data is read-only)");
    const bool fromDefault = options.source == kDefaultProjectName;
    if (!fromDefault && !gis::projectExists(options.source))
        gis::openProject(options.source, gis::OpenMode::ReadOnly); // throws the store's "missing" error
    if (!options.replace && gis::projectExists(options.destination))
        throw UsageError("a project already exists at '" + options.destination
                         + "'; add --replace to overwrite it (nothing was changed)");
    const gis::ProjectCopyResult copied = fromDefault
        ? gis::copyDatasetToProject(gis::buildDefaultDataset(), options.destination, options.replace)
        : gis::copyProject(options.source, options.destination, options.replace);
    fmt::print(out, "copied {} areas, {} facilities, {} indicator values, {} saved runs{}{}\n  from {}\n  to   {}\n",
               copied.areas, copied.facilities, copied.values, copied.programs,
               copied.rastersCopied == 0 ? "" : fmt::format(", {} raster(s)", copied.rastersCopied),
               copied.exportLogRows == 0 ? "" : fmt::format(", {} export-log rows", copied.exportLogRows),
               options.source,
               gis::isServerLocation(copied.destination) ? copied.destination
                                                         : std::filesystem::absolute(copied.destination).string());
    return 0;
}

CLI::App* addGrantCommand(CLI::App& cli, GrantCommandOptions& options)
{
    auto* cmd = cli.add_subcommand(
        "grant",
        "Let a PostgreSQL role read (--reader) or edit (--editor: values, facilities, aliases, saved runs) "
        "a server project; only the owner replaces boundaries and grants");
    cmd->add_option("PROJECT", options.project, "Server project: postgresql://USER@HOST/DB?project=NAME")->required();
    auto* reader = cmd->add_option("--reader", options.reader, "Role that may read the project");
    auto* editor = cmd->add_option("--editor", options.editor, "Role that may also write values and facilities");
    reader->excludes(editor);
    cmd->add_option("--prefix", options.prefix,
                    "Restrict the role to the areas under this code (row-level security), e.g. 18.06");
    return cmd;
}

int runGrant(const GrantCommandOptions& options, std::ostream& out, std::ostream&)
{
    if (options.reader.empty() && options.editor.empty())
        throw UsageError("grant needs --reader ROLE or --editor ROLE");
    if (!gis::isServerLocation(options.project))
        throw UsageError("'" + options.project
                         + "' is not a server project (postgresql://...?project=NAME); access "
                           "to a project file is its file permissions");
    const bool editor = !options.editor.empty();
    const std::string& role = editor ? options.editor : options.reader;
    gis::grantProjectAccess(options.project, role, editor ? gis::ProjectAccess::Editor : gis::ProjectAccess::Reader,
                            options.prefix);
    fmt::print(out, "granted {} {} access to {}{}\n", role, editor ? "editor" : "reader", options.project,
               options.prefix.empty() ? std::string() : " (areas under " + options.prefix + " only)");
    return 0;
}

} // namespace app::cli
