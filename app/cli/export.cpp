#include "cli/export.h"

#include "cli/common.h"
#include "cli/exportlogcmd.h"
#include "cli/flaghints.h"
#include "gis/export.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>

namespace app::cli {

CLI::App* addExportCommand(CLI::App& cli, ExportCommandOptions& options)
{
    auto* cmd = cli.add_subcommand(
        "export", "Export pekon with all indicators of a period to GeoPackage, Shapefile, GeoJSON, CSV or XLSX");
    cmd->add_option("PROJECT", options.project, "Project file or :default")->required();
    cmd->add_option("--out", options.out,
                    "Output: .gpkg (with a fasilitas layer), .shp, .geojson, .csv or .xlsx (lon/lat of each pekon's "
                    "point-on-surface instead of polygons)")
        ->required();
    cmd->add_option("--period", options.period, "Indicator period (default: the project's default, else the latest)");
    cmd->add_option("--small-count-threshold", options.smallCountThreshold,
                    "DTSEN/DTKS-derived counts from 1 to N-1 are written empty so no family can be recognised; "
                    "0 writes them all (only for the office's own use)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    return cmd;
}

int runExport(const ExportCommandOptions& options, std::ostream& out, std::ostream& err)
{
    const gis::Dataset ds = openProjectOrDefault(options.project);
    gis::ExportOptions exportOptions;
    exportOptions.period = options.period;
    exportOptions.smallCountThreshold = options.smallCountThreshold;
    const gis::ExportReport report = withFlagHints([&] { return gis::exportProject(ds, options.out, exportOptions); });
    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE data (Data ilustrasi): not official figures\n");
    fmt::print(out, "{}", report.text());
    fmt::print(out, "wrote export: {}\n", std::filesystem::absolute(options.out).string());
    if (!report.noticePath.empty())
        fmt::print(err,
                   "sasaran-cli: warning: {} carries DTSEN-derived values (TERBATAS) and has no room for a note: "
                   "the notice is in {}; send both together, or neither\n",
                   options.out, report.noticePath);
    logOutput(options.project, "export", "aggregate", options.out, !report.restrictedNotice.empty(), out, err);
    return 0;
}

} // namespace app::cli
