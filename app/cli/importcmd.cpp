#include "cli/importcmd.h"

#include "cli/common.h"
#include "cli/flaghints.h"

#include "gis/error.h"
#include "gis/importplan.h"
#include "gis/outputpath.h"
#include "gis/project.h"
#include "gis/reference.h"
#include "gis/rasterstore.h"
#include "gis/store.h"

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
    cmd->add_option("--name-field", options.read.nameField,
                    "Name field (default: detect NAMOBJ, WADMKD, NMDESA, nama)");
    cmd->add_option("--parent-field", options.read.parentField,
                    "Kecamatan name field (default: detect WADMKC, NMKEC); without one, dissolved kecamatan are "
                    "named by code");
    cmd->add_option("--bps-field", options.read.bpsField, "BPS code field kept as crosswalk (default: detect KDEBPS)");
    cmd->add_option("--crs", options.read.assumedCrs,
                    "CRS of the coordinates when the file declares none, an unreadable one, or one its coordinates "
                    "contradict, e.g. EPSG:4326");
    cmd->add_option("--edition", options.read.edition, "Edition/vintage of the boundaries, recorded in the project");
    cmd->add_option("--filter", options.read.filter,
                    "Keep only areas whose code starts with this, e.g. 18.10 for one regency of a province file");
    cmd->add_option("--capital", options.capital,
                    "Regency capital: a kecamatan or village name (\"Kota Agung\"), an area code, or LON,LAT");
    cmd->add_option("--reference-report", options.referenceReport,
                    "CSV of every code the national reference does not know, every name that differs from it and "
                    "every entry of a list the terminal shows only the first 20 of (default: PROJECT's name with "
                    ".reference.csv beside it; written when there is any)");
}

/// The reference's findings and every list of the report in full go to a CSV when the terminal
/// shows only their start (or there is any reference finding at all).
void writeReportFindings(gis::BoundaryImportReport& report, const BoundaryCommandOptions& options,
                         const std::string& input)
{
    gis::ReferenceNamingReport& reference = report.reference;
    if (reference.unknown.empty() && reference.differences.empty() && !report.listsLongerThanText())
        return;
    const std::string path = options.referenceReport.empty() ? gis::defaultReferenceReportPath(options.project)
                                                             : options.referenceReport;
    gis::checkOutputPath(path, {input, options.project});
    gis::writeReferenceReport(reference, report.findings(), path);
    reference.reportPath = path;
    report.reportPath = path;
}

std::string layerAndFile(BoundaryCommandOptions& options)
{
    auto [file, layer] = gis::splitSourceAndLayer(options.source);
    if (!layer.empty())
        options.read.layer = layer;
    return file;
}

/// The project opened for writing, saying so when its schema was upgraded.
std::unique_ptr<gis::ProjectStore> openStoreForImport(const std::string& project, std::ostream& out)
{
    auto store = gis::openProject(project, gis::OpenMode::ReadWrite);
    if (store->versionBeforeOpen() < store->schemaVersion())
        fmt::print(out, "upgraded:    project schema {} -> {}\n", store->versionBeforeOpen(), store->schemaVersion());
    return store;
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

int runNew(const BoundaryCommandOptions& given, std::ostream& out, std::ostream&)
{
    BoundaryCommandOptions options = given;
    if (std::filesystem::exists(options.project) && !options.force)
        throw UsageError(fmt::format("'{}' exists; use 'sasaran-cli import boundaries' to replace its boundaries, or "
                                     "--force to create it anew",
                                     options.project));
    const std::string file = layerAndFile(options);
    gis::BoundarySet set = withFlagHints([&] { return gis::readBoundaries(file, options.read); });
    writeReportFindings(set.report, options, file);
    fmt::print(out, "{}", set.report.text());
    const gis::Dataset ds = gis::newProjectFromBoundaries(std::move(set), options.capital);
    gis::createProject(options.project, ds, options.force);
    if (options.force)
        gis::removeRasters(options.project); // rasters of the project it replaced belong to other boundaries
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
    const auto store = openStoreForImport(options.project, out);
    const std::string file = layerAndFile(options);
    gis::BoundaryImportPlan plan =
        withFlagHints([&] { return gis::planBoundaryImport(*store, file, options.read, options.capital); });
    writeReportFindings(plan.report, options, file);
    fmt::print(out, "{}{}", plan.report.text(), plan.replaced.text());
    store->write(plan.changes);
    gis::ProjectReadOptions metaOnly;
    metaOnly.parts = gis::ProjectPart::Meta;
    const gis::Dataset ds = store->read(metaOnly);
    fmt::print(out, "provenance:  boundaries real ({}{}){}\n", ds.metaValue("boundary_source"),
               ds.metaValue("boundary_edition").empty() ? "" : ", edition " + ds.metaValue("boundary_edition"),
               ds.metaValue("values_provenance") == "illustrative"
                   ? "; indicator values and facilities still illustrative"
                   : "");
    fmt::print(out, "wrote project: {}\n", std::filesystem::absolute(options.project).string());
    return 0;
}

namespace {

void addJoinOptions(CLI::App* cmd, std::string& code, std::string& name, std::string& kecamatan, int& headerRow,
                    std::string& report, bool& noFuzzy)
{
    cmd->add_option("--code-field", code,
                    "Column with the pekon's Kemendagri code (BPS codes need the project's "
                    "crosswalk); default: detect kode, kode_desa, ...");
    cmd->add_option("--name-field", name, "Column with the pekon's name (matched within its kecamatan)");
    cmd->add_option("--kecamatan-field", kecamatan, "Column with the kecamatan name (default: detect kecamatan)");
    cmd->add_option("--header-row", headerRow, "Row number of the header (default: found)");
    cmd->add_option("--report", report,
                    "Match report CSV (default: FILE.match.csv beside the project, or in the current folder for a "
                    "server project; never beside the input)");
    cmd->add_flag("--no-fuzzy", noFuzzy, "Accept exact (and alias) name matches only");
}

std::string absolutePath(const std::string& p)
{
    return std::filesystem::absolute(p).string();
}

} // namespace

void addDataImportCommands(CLI::App* importCmd, DataImportOptions& options, CLI::App*& table, CLI::App*& records,
                           CLI::App*& facilities)
{
    table = importCmd->add_subcommand(
        "table", "Import indicator values for a period from a table: CSV, XLSX, ODS or any OGR layer's attributes");
    table->add_option("PROJECT", options.project, "Project file (*.sasaran.sqlite)")->required();
    table->add_option("FILE", options.file,
                      "CSV (UTF-8 or Windows-1252, ',' or ';'), XLSX, ODS, or FILE[:LAYER] of a GeoPackage, "
                      "Shapefile (.shp or .dbf), GeoJSON or other OGR source (its attribute table)")
        ->required();
    table->add_option("--period", options.table.period, "Period of the values, e.g. 2019 or 2019-S1")->required();
    table->add_option("--indicator", options.indicators, "KEY=COLUMN, e.g. miskin=\"Jumlah Penduduk Miskin\"; repeat");
    table->add_option("--category", options.categories,
                      "KEY=COLUMN of text levels, e.g. status_idm=\"STATUS IDM\" (IDM and yes/no scales are "
                      "recognised); repeat");
    table->add_option("--levels", options.levels,
                      "Levels of a category in order, lowest first: \"A,B,C\" for every --category, or "
                      "KEY=A,B,C for one; repeat");
    addJoinOptions(table, options.table.codeField, options.table.nameField, options.table.kecamatanField,
                   options.table.headerRow, options.table.reportPath, options.noFuzzy);
    table->add_option("--sheet,--layer", options.table.sheet,
                      "XLSX/ODS sheet or layer (default: the first sheet; the only layer, or the only layer "
                      "without geometry); FILE:LAYER says the same");
    table->add_option("--source", options.table.source, "Source recorded with each value (default: the file name)");
    table->add_flag("--replace", options.table.replace, "Replace values already held for the same period and pekon");
    table->add_flag("--keep-first-duplicate", options.table.keepFirstDuplicate,
                    "Import the first of several rows for one pekon instead of stopping");
    table->add_flag(
        "--skip-invalid", options.table.skipInvalid,
        "Leave out rows with invalid values (negative, not a number, miskin above penduduk) instead of stopping");

    records = importCmd->add_subcommand(
        "records",
        "Import a DTSEN/DTKS extract (one row per person or household) as counts per pekon; NIK, names and "
        "addresses are never stored");
    records->add_option("PROJECT", options.project, "Project file (*.sasaran.sqlite)")->required();
    records->add_option("FILE", options.file, "CSV or XLSX extract")->required();
    records->add_option("--period", options.records.period, "Period of the extract, e.g. 2025-S1")->required();
    addJoinOptions(records, options.records.codeField, options.records.nameField, options.records.kecamatanField,
                   options.records.headerRow, options.records.reportPath, options.noFuzzy);
    records->add_option("--household-field", options.records.householdField,
                        "Household id column (default: detect no_kk, id_keluarga)");
    records->add_option("--status-field", options.records.statusField, "Status column (default: detect status)");
    records->add_option("--desil-field", options.records.desilField, "Desil column (default: detect desil)");
    records->add_option("--unit", options.records.unit, "What a row is: person, household or auto")
        ->check(CLI::IsMember({"auto", "person", "household"}))
        ->capture_default_str();
    records->add_option("--sheet,--layer", options.records.sheet,
                        "XLSX/ODS sheet or layer (default: the first sheet, or the only layer)");
    records->add_option("--source", options.records.source, "Source recorded with each value (default: the file name)");
    records->add_flag("--replace", options.records.replace,
                      "Replace values already held for the same period and pekon");

    facilities = importCmd->add_subcommand(
        "facilities", "Import facilities from points (any OGR format, CSV/XLSX with lon/lat) or placed at their pekon");
    facilities->add_option("PROJECT", options.project, "Project file (*.sasaran.sqlite)")->required();
    facilities->add_option("FILE", options.file, "Points file, or a table naming each facility's pekon")->required();
    auto* kind =
        facilities->add_option("--kind", options.facilities.kind, "Kind of every facility: BUMDES, PUSKESSOS, ...");
    auto* kindField = facilities->add_option("--kind-field", options.facilities.kindField, "Column holding the kind");
    kind->excludes(kindField);
    addJoinOptions(facilities, options.facilities.codeField, options.facilities.nameField,
                   options.facilities.kecamatanField, options.facilities.headerRow, options.facilities.reportPath,
                   options.noFuzzy);
    facilities->add_option("--label-field", options.facilities.labelField,
                           "Column with the facility's own name (default: detect nama_fasilitas, nama, name)");
    facilities->add_option("--lon-field", options.facilities.lonField, "Longitude column (default: detect)");
    facilities->add_option("--lat-field", options.facilities.latField, "Latitude column (default: detect)");
    facilities->add_option("--layer", options.facilities.layer, "Layer (or XLSX sheet)");
    facilities->add_option(
        "--crs", options.facilities.assumedCrs,
        "CRS of the coordinates when the file declares none, an unreadable one, or one its coordinates contradict");
}

namespace {

/// Prints an import's report, then writes the plan only when the import was written
/// (exit 0), or says why nothing was imported (exit 3, project unchanged).
template <typename Plan>
int finishImport(gis::ProjectStore& store, const std::string& project, const Plan& plan, std::ostream& out,
                 std::ostream& err)
{
    fmt::print(out, "{}", plan.report.text());
    if (!plan.report.written) {
        fmt::print(err, "sasaran-cli: error: nothing imported from {}: {}{}\n", plan.report.path, plan.report.stopReason,
                   flagHint(plan.report.stopParameters));
        return 3;
    }
    // The import says what it changed: no comparison of the project before and after.
    store.write(plan.changes);
    fmt::print(out, "wrote project: {}\n", absolutePath(project));
    return 0;
}

} // namespace

namespace {

/// FILE:LAYER into the file and its sheet or layer (the same as --sheet/--layer).
void splitFileAndLayer(std::string& file, std::string& sheet)
{
    auto [path, layer] = gis::splitSourceAndLayer(file);
    if (layer.empty())
        return;
    if (!sheet.empty() && sheet != layer)
        throw UsageError(fmt::format("FILE '{}' names layer '{}' and --sheet/--layer names '{}'; give one", file,
                                     layer, sheet));
    file = std::move(path);
    sheet = std::move(layer);
}

} // namespace

int runImportTable(const DataImportOptions& given, std::ostream& out, std::ostream& err)
{
    DataImportOptions options = given;
    splitFileAndLayer(options.file, options.table.sheet);
    options.table.fuzzy = !options.noFuzzy;
    for (const std::string& spec : options.indicators) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
            throw UsageError(fmt::format("--indicator '{}' must be KEY=COLUMN", spec));
        options.table.indicators.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
    }
    for (const std::string& spec : options.categories) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
            throw UsageError(fmt::format("--category '{}' must be KEY=COLUMN", spec));
        options.table.categories.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
    }
    if (options.table.indicators.empty() && options.table.categories.empty())
        throw UsageError("give at least one --indicator KEY=COLUMN or --category KEY=COLUMN");
    for (const std::string& spec : options.levels) {
        // "KEY=A,B,C" names one category; "A,B,C" (no '=' before the first comma) is for all.
        const auto eq = spec.find('=');
        const bool forKey = eq != std::string::npos && eq > 0 && spec.find(',') > eq;
        options.table.levels[forKey ? spec.substr(0, eq) : std::string()] = forKey ? spec.substr(eq + 1) : spec;
    }
    const auto store = openStoreForImport(options.project, out);
    const gis::TableImportPlan plan =
        withFlagHints([&] { return gis::planTableImport(*store, options.file, options.table); });
    return finishImport(*store, options.project, plan, out, err);
}

int runImportRecords(const DataImportOptions& given, std::ostream& out, std::ostream& err)
{
    DataImportOptions options = given;
    splitFileAndLayer(options.file, options.records.sheet);
    options.records.fuzzy = !options.noFuzzy;
    const auto store = openStoreForImport(options.project, out);
    const gis::RecordImportPlan plan =
        withFlagHints([&] { return gis::planRecordImport(*store, options.file, options.records); });
    return finishImport(*store, options.project, plan, out, err);
}

int runImportFacilities(const DataImportOptions& given, std::ostream& out, std::ostream&)
{
    DataImportOptions options = given;
    options.facilities.fuzzy = !options.noFuzzy;
    const auto store = openStoreForImport(options.project, out);
    const gis::FacilityImportPlan plan =
        withFlagHints([&] { return gis::planFacilityImport(*store, options.file, options.facilities); });
    fmt::print(out, "{}", plan.report.text());
    store->write(plan.changes);
    fmt::print(out, "wrote project: {}\n", absolutePath(options.project));
    return 0;
}

} // namespace app::cli
