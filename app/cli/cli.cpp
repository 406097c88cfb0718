#include "cli/cli.h"
#include "cli/analyze.h"
#include "cli/common.h"
#include "cli/copy.h"
#include "cli/export.h"
#include "cli/exportlogcmd.h"
#include "cli/exportrecords.h"
#include "cli/hotspots.h"
#include "cli/importcmd.h"
#include "cli/mapcmd.h"
#include "cli/place.h"
#include "cli/pokdarwis.h"
#include "cli/roads.h"
#include "cli/travel.h"

#include "gis/categories.h"
#include "gis/codes.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/outputpath.h"
#include "gis/project.h"
#include "gis/rasterstore.h"
#include "layers/thematicmap.h"

#include <CLI/CLI.hpp>
#include <QGuiApplication>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace app::cli {

namespace {

std::string thousands(double value)
{
    // Indonesian grouping: 73.770
    std::string digits = fmt::format("{:.0f}", value);
    std::string out;
    const bool negative = !digits.empty() && digits[0] == '-';
    if (negative)
        digits.erase(0, 1);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

void printCategories(const gis::Dataset& ds, std::ostream& out);

void printSummary(const gis::Dataset& ds, std::ostream& out)
{
    std::size_t pekon = 0, kelurahan = 0;
    for (const gis::Area* a : ds.villages())
        (a->kind == "kelurahan" ? kelurahan : pekon)++;
    fmt::print(out, "dataset:     {}\n", ds.metaValue("dataset_name", ds.metaValue("regency_name", "(unnamed)")));
    fmt::print(out, "provenance:  {}\n",
               ds.isIllustrative() ? "ILLUSTRATIVE (Data ilustrasi: not official figures)"
                                   : ds.metaValue("provenance", "unknown"));
    fmt::print(out, "crs:         EPSG:4326 (WGS 84)\n");
    fmt::print(out, "areas:       {} kecamatan, {} pekon, {} kelurahan\n", ds.areasOfKind("kecamatan").size(), pekon,
               kelurahan);
    std::map<std::string, int> kinds;
    for (const gis::Facility& f : ds.facilities)
        kinds[f.kind]++;
    std::string facilityList;
    for (const auto& [kind, n] : kinds)
        facilityList += fmt::format("{}{} {}", facilityList.empty() ? "" : ", ", n, kind);
    fmt::print(out, "facilities:  {}\n", facilityList.empty() ? "none" : facilityList);
    if (!ds.roads.empty())
        fmt::print(out, "roads:       {} roads in {} classes (from {})\n", ds.roads.roads.size(),
                   ds.roads.speedsKmh.size(), ds.metaValue("jalan_sumber", "an import"));
    for (const gis::IndicatorInfo& info : gis::availableIndicators(ds)) {
        if (info.derived)
            continue;
        for (const std::string& period : ds.periods(info.key)) {
            double total = 0;
            for (const auto& [code, v] : gis::indicatorValues(ds, info.key, period))
                total += v;
            fmt::print(out, "indicator:   {} {} total {} ({})\n", info.key, period, thousands(total), info.unit);
        }
    }
    for (const std::string& period : ds.periods("miskin")) {
        double poor = 0, population = 0;
        for (const auto& [code, v] : gis::indicatorValues(ds, "miskin", period))
            poor += v;
        try {
            for (const auto& [code, v] : gis::indicatorValues(ds, "penduduk", period))
                population += v;
        } catch (const gis::Error&) {
        }
        if (population > 0)
            fmt::print(out, "poverty:     {} {:.2f} % of {} people\n", period, 100.0 * poor / population,
                       thousands(population));
    }
    printCategories(ds, out);
}

/// Each category's villages per level and period; for a yes/no category also the villages with
/// "Tidak" per kecamatan (the pekon without a SIKS-NG operator, internet, ...).
void printCategories(const gis::Dataset& ds, std::ostream& out)
{
    const std::size_t villages = ds.villages().size();
    for (const std::string& key : gis::categoryKeys(ds)) {
        const std::optional<gis::CategoryScale> scale = gis::categoryScale(ds, key);
        for (const std::string& period : gis::categoryPeriods(ds, key)) {
            std::vector<std::size_t> counts(scale->levels.size(), 0);
            const std::map<std::string, std::size_t> levels = gis::categoryLevels(ds, key, period);
            for (const auto& [code, level] : levels)
                ++counts[level];
            std::string list;
            for (std::size_t i = 0; i < counts.size(); ++i)
                list += fmt::format("{}{} {}", list.empty() ? "" : ", ", counts[i], scale->levels[i]);
            fmt::print(out, "category:    {} {} ({}): {}; {} without a level\n", key, period,
                       scale->name == "idm" ? "IDM" : scale->isYesNo() ? "yes/no" : "levels", list,
                       villages - std::min(villages, levels.size()));
            if (!scale->isYesNo())
                continue;
            const auto all = ds.villages();
            const bool pekon =
                std::any_of(all.begin(), all.end(), [](const gis::Area* a) { return a->kind == "pekon"; });
            fmt::print(out, "  {} '{}' per kecamatan ({}):\n", pekon ? "pekon" : "desa", scale->levels.front(), key);
            for (const gis::KecamatanLevelCount& k :
                 gis::countLevelByKecamatan(ds, key, scale->levels.front(), period)) {
                const std::string name = k.kecamatanName.empty() ? k.kecamatanCode : k.kecamatanName;
                fmt::print(out, "    {:<24} {:>4} of {:>3}{}\n", name, k.atLevel, k.villages,
                           k.noValue ? fmt::format(" ({} without a level)", k.noValue) : std::string());
            }
        }
    }
}

int fail(std::ostream& err, ExitCode code, const std::string& message)
{
    fmt::print(err, "sasaran-cli: error: {}\n", message);
    return static_cast<int>(code);
}

/// The options and positionals that name a file the command writes.
bool isOutputOption(const std::string& name)
{
    return name == "--out" || name == "--report" || name == "--reference-report" || name == "--write-scheme" || name == "--save-template"
        || name == "OUT" || name == "DST";
}

void collectPaths(const CLI::App& app, std::vector<std::pair<std::string, std::string>>& outputs,
                  std::vector<std::string>& inputs)
{
    for (const CLI::Option* option : app.get_options()) {
        if (option->count() == 0)
            continue;
        const std::string name = option->get_name();
        for (const std::string& value : option->results())
            if (isOutputOption(name))
                outputs.emplace_back(name, value);
            else
                inputs.push_back(value);
    }
    for (const CLI::App* sub : app.get_subcommands())
        collectPaths(*sub, outputs, inputs);
}

/// Refuses, before the command runs, an output that is the project or an input of the command
/// (a report written over the project destroys it) or a folder, device or FIFO.
void checkOutputs(const CLI::App& cli)
{
    std::vector<std::pair<std::string, std::string>> outputs;
    std::vector<std::string> inputs;
    collectPaths(cli, outputs, inputs);
    for (const auto& [name, path] : outputs) {
        try {
            gis::checkOutputPath(path, inputs);
        } catch (gis::OutputError& e) {
            e.addHint(" (" + name + ")");
            throw;
        }
    }
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    CLI::App cli{"Sasaran: poverty-program planning maps and analyses for a regency.\n"
                 "PROJECT is a *.sasaran.sqlite file, or :default for the embedded Tanggamus data "
                 "(illustrative boundaries and values).",
                 "sasaran-cli"};
    cli.require_subcommand(1);
    cli.footer("Exit codes: 0 ok, 1 failed, 2 usage error, 3 input error (a file, or a project location that is "
               "malformed, missing, newer than this program or without PostGIS), 4 output error, 5 project busy "
               "(another writer; try again), 6 server not reached (unreachable, connection refused, login failed, "
               "connection lost).");

    std::string demoOut;
    auto* demo = cli.add_subcommand("demo", "Build the embedded Tanggamus dataset as a project file");
    demo->add_option("OUT", demoOut, "Project file to write (*.sasaran.sqlite)")->required();

    std::string infoProject;
    auto* info = cli.add_subcommand("info", "Summarise a project: areas, facilities, indicators, provenance");
    info->add_option("PROJECT", infoProject, "Project file or :default")->required();

    MapCommandOptions mapOptions, atlasOptions, reportOptions;
    auto* map = addMapCommand(cli, mapOptions);
    auto* atlas = addAtlasCommand(cli, atlasOptions);
    auto* report = addReportCommand(cli, reportOptions);

    AnalyzeOptions analyzeOptions;
    auto* analyze = addAnalyzeCommand(cli, analyzeOptions);

    BoundaryCommandOptions newOptions, importBoundaryOptions;
    auto* newProject = addNewCommand(cli, newOptions);
    CLI::App* importBoundaries = nullptr;
    auto* importCmd = addImportCommand(cli, importBoundaryOptions, importBoundaries);
    DataImportOptions dataImportOptions;
    CLI::App *importTable = nullptr, *importRecords = nullptr, *importFacilities = nullptr;
    addDataImportCommands(importCmd, dataImportOptions, importTable, importRecords, importFacilities);
    std::string aliasProject, aliasCode, aliasName;
    auto* importAlias = importCmd->add_subcommand(
        "alias", "Add another name for a pekon (an old or local spelling) so tables with it match exactly");
    importAlias->add_option("PROJECT", aliasProject, "Project file")->required();
    importAlias->add_option("CODE", aliasCode, "Kemendagri code of the pekon, e.g. 18.06.20.2005")->required();
    importAlias->add_option("NAME", aliasName, "The other name, as tables write it")->required();
    RasterImportOptions rasterImportOptions;
    auto* importRaster = addImportRasterCommand(importCmd, rasterImportOptions);
    RoadImportCommandOptions roadImportOptions;
    auto* importRoads = addImportRoadsCommand(importCmd, roadImportOptions);
    TravelOptions travelOptions;
    auto* travel = addTravelCommand(cli, travelOptions);
    ExportCommandOptions exportOptions;
    auto* exportCmd = addExportCommand(cli, exportOptions);
    HotspotsOptions hotspotsOptions;
    auto* hotspots = addHotspotsCommand(cli, hotspotsOptions);
    PlaceOptions placeOptions;
    auto* place = addPlaceCommand(cli, placeOptions);
    PokdarwisCommandOptions pokdarwisOptions;
    auto* pokdarwis = addPokdarwisCommand(cli, pokdarwisOptions);
    std::string programsProject;
    auto* programs = addProgramsCommand(cli, programsProject);
    CopyCommandOptions copyOptions;
    auto* copy = addCopyCommand(cli, copyOptions);
    GrantCommandOptions grantOptions;
    auto* grant = addGrantCommand(cli, grantOptions);
    ExportRecordsOptions exportRecordsOptions;
    auto* exportRecords = addExportRecordsCommand(cli, exportRecordsOptions);
    std::string logProject;
    auto* logCmd = addLogCommand(cli, logProject);

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        cli.parse(reversed);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e, out, err);
        return code == 0 ? 0 : static_cast<int>(ExitCode::Usage);
    }

    try {
        checkOutputs(cli);
        if (*demo) {
            const gis::Dataset ds = gis::buildDefaultDataset();
            gis::createProject(demoOut, ds, true);
            gis::removeRasters(demoOut); // a project replaced here keeps none of its old ones
            keepDemoDem(ds, demoOut);
            printSummary(ds, out);
            fmt::print(out, "wrote project: {}\n", std::filesystem::absolute(demoOut).string());
            return 0;
        }
        if (*info) {
            if (infoProject != ":default")
                gis::checkProjectIntegrity(infoProject); // info is the command that says a file is sound
            printSummary(openProjectOrDefault(infoProject), out);
            return 0;
        }
        if (*map)
            return runMap(mapOptions, *map, out, err);
        if (*atlas)
            return runAtlas(atlasOptions, *atlas, out, err);
        if (*report)
            return runReport(reportOptions, *report, out, err);
        if (*analyze)
            return runAnalyze(analyzeOptions, out, err);
        if (*importAlias) {
            const auto store = gis::openProject(aliasProject, gis::OpenMode::ReadWrite);
            gis::ProjectReadOptions read;
            read.parts = gis::ProjectPart::Meta | gis::ProjectPart::Areas | gis::ProjectPart::Aliases;
            read.areaGeometry = false;
            const gis::Dataset ds = store->read(read);
            const gis::Area* area = ds.findArea(gis::normaliseKemendagriCode(aliasCode));
            if (!area)
                return fail(err, ExitCode::InputError,
                            "project '" + aliasProject + "' has no area with code '" + aliasCode + "'");
            for (const gis::AreaAlias& a : ds.aliases)
                if (a.areaCode == area->code && a.name == aliasName) {
                    fmt::print(out, "{} {} already has the alias '{}'\n", area->code, area->name, aliasName);
                    return 0;
                }
            gis::ProjectChanges changes;
            changes.addAliases.push_back({area->code, aliasName, "user"});
            store->write(changes);
            fmt::print(out, "alias '{}' -> {} {} kept in {}\n", aliasName, area->code, area->name, aliasProject);
            return 0;
        }
        if (*newProject)
            return runNew(newOptions, out, err);
        if (*importBoundaries)
            return runImportBoundaries(importBoundaryOptions, out, err);
        if (*importTable)
            return runImportTable(dataImportOptions, out, err);
        if (*importRecords)
            return runImportRecords(dataImportOptions, out, err);
        if (*importFacilities)
            return runImportFacilities(dataImportOptions, out, err);
        if (*importRaster)
            return runImportRaster(rasterImportOptions, out, err);
        if (*importRoads)
            return runImportRoads(roadImportOptions, out, err);
        if (*travel)
            return runTravel(travelOptions, out, err);
        if (*exportRecords)
            return runExportRecords(exportRecordsOptions, out, err);
        if (*logCmd)
            return runLog(logProject, out);
        if (*exportCmd)
            return runExport(exportOptions, out, err);
        if (*hotspots)
            return runHotspots(hotspotsOptions, out, err);
        if (*place)
            return runPlace(placeOptions, out, err);
        if (*pokdarwis)
            return runPokdarwis(pokdarwisOptions, out, err);
        if (*programs)
            return runPrograms(programsProject, out, err);
        if (*copy)
            return runCopy(copyOptions, out, err);
        if (*grant)
            return runGrant(grantOptions, out, err);
    } catch (const UsageError& e) {
        return fail(err, ExitCode::Usage, e.what());
    } catch (const gis::ProjectError& e) {
        if (e.problem() == gis::ProjectProblem::Busy)
            return fail(err, ExitCode::TryAgain, e.what());
        if (e.problem() == gis::ProjectProblem::Unreachable)
            return fail(err, ExitCode::Connection, e.what());
        std::string message = e.what();
        if (message.find("does not exist; check the path, or create the project first") != std::string::npos)
            message += " (sasaran-cli new PROJECT --boundaries FILE, or sasaran-cli demo PROJECT)";
        return fail(err, ExitCode::InputError, message);
    } catch (const gis::DataSourceError& e) {
        return fail(err, ExitCode::InputError, e.what());
    } catch (const gis::OutputError& e) {
        return fail(err, ExitCode::OutputError, e.what());
    } catch (const gis::Error& e) {
        return fail(err, ExitCode::Failed, e.what());
    } catch (const std::exception& e) {
        return fail(err, ExitCode::Failed, std::string("unexpected failure: ") + e.what());
    }
    return static_cast<int>(ExitCode::Usage);
}

} // namespace app::cli
