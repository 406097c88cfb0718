#include "cli/exportrecords.h"

#include "cli/common.h"
#include "cli/exportlogcmd.h"
#include "cli/flaghints.h"
#include "gis/codes.h"
#include "gis/error.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <sstream>

namespace app::cli {

namespace {

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

} // namespace

CLI::App* addExportRecordsCommand(CLI::App& cli, ExportRecordsOptions& o)
{
    auto* cmd = cli.add_subcommand(
        "export-records",
        "Export a DTSEN/DTKS extract per person: anonymised (no NIK, KK, name or address) or, explicitly, by name "
        "to a local file");
    cmd->add_option("RECORDS", o.records, "The extract (CSV or XLSX), as given to import records")->required();
    cmd->add_option("--project", o.project, "Project whose pekon the rows are joined to (and whose log records it)")
        ->required();
    cmd->add_option("--out", o.out, "Output .csv (with FILE.TERBATAS.txt beside it)")->required();
    cmd->add_option("--tier", o.tier,
                    "anonymised: pekon, desil, status and --keep columns only; by-name: every column, names and "
                    "NIK included (needs --confirm-personal-data)")
        ->check(CLI::IsMember({"anonymised", "by-name"}))
        ->capture_default_str();
    cmd->add_flag("--confirm-personal-data", o.confirmPersonalData,
                  "by-name: confirm that names, NIK and addresses are written, to a local file only");
    cmd->add_option("--keep", o.keep,
                    "anonymised: further columns to keep, separated by commas (refused when they hold identifiers)");
    cmd->add_option("--area", o.area, "Only the rows of pekon under this code (a kecamatan or a pekon)");
    cmd->add_option("--desil", o.desil, "Only the rows of these desil, separated by commas (e.g. 1,2)");
    cmd->add_option("--code-field", o.library.codeField, "Pekon code column (default: detect)");
    cmd->add_option("--name-field", o.library.nameField, "Pekon name column (default: detect)");
    cmd->add_option("--kecamatan-field", o.library.kecamatanField, "Kecamatan column (default: detect)");
    cmd->add_option("--household-field", o.library.householdField, "Household (KK) column (default: detect)");
    cmd->add_option("--status-field", o.library.statusField, "Status column (default: detect)");
    cmd->add_option("--desil-field", o.library.desilField, "Desil column (default: detect)");
    cmd->add_option("--header-row", o.library.headerRow, "Row number of the header (default: detect)");
    cmd->add_option("--sheet", o.library.sheet, "XLSX sheet (default: the first)");
    cmd->add_flag("--no-fuzzy", o.noFuzzy, "Join pekon names only exactly");
    return cmd;
}

int runExportRecords(const ExportRecordsOptions& given, std::ostream& out, std::ostream& err)
{
    ExportRecordsOptions o = given;
    o.library.tier = gis::recordTierFromName(o.tier);
    o.library.fuzzy = !o.noFuzzy;
    o.library.keepColumns = splitList(o.keep);
    o.library.areaPrefix = o.area.empty() ? std::string() : gis::normaliseKemendagriCode(o.area);
    for (const std::string& d : splitList(o.desil)) {
        try {
            std::size_t used = 0;
            const int n = std::stoi(d, &used);
            if (used != d.size() || n < 1 || n > 10)
                throw std::invalid_argument(d);
            o.library.desil.push_back(n);
        } catch (const std::exception&) {
            throw UsageError("--desil: '" + d + "' is not a desil from 1 to 10");
        }
    }
    if (o.library.tier == gis::RecordTier::ByName) {
        if (!o.confirmPersonalData)
            throw UsageError("--tier by-name writes names, NIK and addresses: add --confirm-personal-data to confirm, "
                             "or use --tier anonymised");
        if (!o.library.keepColumns.empty())
            throw UsageError("--keep is for --tier anonymised (by-name writes every column)");
        gis::checkByNameDestination(o.out, o.project);
    }
    const gis::Dataset ds = openProjectOrDefault(o.project);
    const gis::RecordExportReport report =
        withFlagHints([&] { return gis::exportRecords(ds, o.records, o.out, o.library); });
    fmt::print(out, "{}", report.text());
    fmt::print(out, "wrote records: {}\n", std::filesystem::absolute(o.out).string());
    if (o.library.tier == gis::RecordTier::ByName)
        fmt::print(err,
                   "sasaran-cli: warning: {} holds names, NIK and addresses of {} people (DATA PRIBADI, UU 27/2022): "
                   "keep it on this computer, never send it by e-mail or chat or put it in a shared folder, and delete "
                   "it when the verification is done\n",
                   o.out, report.written);
    else
        fmt::print(err,
                   "sasaran-cli: warning: {} holds one row per person of a DTSEN/DTKS extract (TERBATAS, without NIK, "
                   "KK, names or addresses): for planning only, do not pass it on\n",
                   o.out);
    logOutput(o.project, "export-records", o.tier, o.out, true, out, err);
    return 0;
}

} // namespace app::cli
