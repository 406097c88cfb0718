#include "cli/importcmd.h"

#include "gis/error.h"
#include "gis/project.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>

namespace app::cli {

namespace {

void addFieldOptions(CLI::App* cmd, BoundaryCommandOptions& options)
{
    cmd->add_option("--code-field", options.read.codeField,
                    "Kemendagri code field (default: detect KDEPUM, kode, kode_desa, code, ...)");
    cmd->add_option("--name-field", options.read.nameField, "Name field (default: detect NAMOBJ, WADMKD, NMDESA, nama)");
    cmd->add_option("--parent-field", options.read.parentField,
                    "Kecamatan name field (default: detect WADMKC, NMKEC); without one, dissolved kecamatan are "
                    "named by code");
    cmd->add_option("--bps-field", options.read.bpsField, "BPS code field kept as crosswalk (default: detect KDEBPS)");
    cmd->add_option("--crs", options.read.assumedCrs, "CRS to assume when the file declares none, e.g. EPSG:4326");
    cmd->add_option("--edition", options.read.edition, "Edition/vintage of the boundaries, recorded in the project");
    cmd->add_option("--filter", options.read.filter,
                    "Keep only areas whose code starts with this, e.g. 18.10 for one regency of a province file");
    cmd->add_option("--capital", options.capital,
                    "Regency capital: a kecamatan or village name (\"Kota Agung\"), an area code, or LON,LAT");
}

std::string layerAndFile(BoundaryCommandOptions& options)
{
    auto [file, layer] = gis::splitSourceAndLayer(options.source);
    if (!layer.empty())
        options.read.layer = layer;
    return file;
}

} // namespace

CLI::App* addNewCommand(CLI::App& cli, BoundaryCommandOptions& options)
{
    auto* cmd = cli.add_subcommand("new", "Create a project for any regency from its own boundary file");
    cmd->add_option("PROJECT", options.project, "Project file to create (*.sasaran.sqlite)")->required();
    cmd->add_option("--boundaries", options.source, "Boundary file, FILE or FILE:LAYER (any OGR vector format)")
        ->required();
    addFieldOptions(cmd, options);
    cmd->add_option("--village-kind", options.read.villageKind,
                    "Word for a desa-coded village: desa, pekon, kampung, tiyuh, ...")
        ->capture_default_str();
    cmd->add_flag("--force", options.force, "Replace PROJECT when it exists");
    return cmd;
}

CLI::App* addImportCommand(CLI::App& cli, BoundaryCommandOptions& options, CLI::App*& boundaries)
{
    auto* importCmd = cli.add_subcommand("import", "Import data into a project");
    importCmd->require_subcommand(1);
    boundaries = importCmd->add_subcommand(
        "boundaries", "Replace the boundaries of a project from a boundary file, keeping indicators and facilities");
    boundaries->add_option("PROJECT", options.project, "Project file (*.sasaran.sqlite)")->required();
    boundaries->add_option("FILE", options.source, "Boundary file, FILE or FILE:LAYER")->required();
    addFieldOptions(boundaries, options);
    return importCmd;
}

int runNew(const BoundaryCommandOptions& given, std::ostream& out, std::ostream& err)
{
    BoundaryCommandOptions options = given;
    if (std::filesystem::exists(options.project) && !options.force) {
        fmt::print(err, "sasaran-cli: error: '{}' exists; use 'sasaran-cli import boundaries' to replace its "
                        "boundaries, or --force to create it anew\n",
                   options.project);
        return 2;
    }
    const std::string file = layerAndFile(options);
    gis::BoundarySet set = gis::readBoundaries(file, options.read);
    fmt::print(out, "{}", set.report.text());
    const gis::Dataset ds = gis::newProjectFromBoundaries(std::move(set), options.capital);
    gis::saveProject(ds, options.project);
    if (ds.meta.count("capital_lon"))
        fmt::print(out, "capital:     {} ({}, {}; {})\n", ds.metaValue("capital_name"), ds.metaValue("capital_lon"),
                   ds.metaValue("capital_lat"), ds.metaValue("capital_source"));
    else
        fmt::print(out, "capital:     not set (give --capital \"NAME\" or LON,LAT; analyze needs it)\n");
    fmt::print(out, "wrote project: {}\n", std::filesystem::absolute(options.project).string());
    return 0;
}

int runImportBoundaries(const BoundaryCommandOptions& given, std::ostream& out, std::ostream&)
{
    BoundaryCommandOptions options = given;
    const int before = gis::projectSchemaVersion(options.project);
    gis::Dataset ds = gis::openProjectForWriting(options.project);
    if (before < gis::kProjectSchemaVersion)
        fmt::print(out, "upgraded:    project schema {} -> {}\n", before, gis::kProjectSchemaVersion);
    const std::string file = layerAndFile(options);
    gis::BoundarySet set = gis::readBoundaries(file, options.read);
    const gis::ReplaceReport replaced = gis::replaceBoundaries(ds, set, options.capital);
    fmt::print(out, "{}{}", set.report.text(), replaced.text());
    gis::saveProject(ds, options.project);
    fmt::print(out, "provenance:  boundaries real ({}{}){}\n", ds.metaValue("boundary_source"),
               ds.metaValue("boundary_edition").empty() ? "" : ", edition " + ds.metaValue("boundary_edition"),
               ds.metaValue("values_provenance") == "illustrative" ? "; indicator values and facilities still illustrative"
                                                                   : "");
    fmt::print(out, "wrote project: {}\n", std::filesystem::absolute(options.project).string());
    return 0;
}

} // namespace app::cli
