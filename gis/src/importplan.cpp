#include "gis/importplan.h"

#include "detail/rawtable.h"
#include "gis/error.h"
#include "gis/namematch.h"
#include "gis/text.h"

#include <algorithm>
#include <utility>

namespace gis {

namespace {

std::size_t filledCells(const std::vector<std::string>& row)
{
    return static_cast<std::size_t>(
        std::count_if(row.begin(), row.end(), [](const std::string& c) { return !trimmed(c).empty(); }));
}

bool sameAlias(const AreaAlias& a, const AreaAlias& b)
{
    return a.areaCode == b.areaCode && normaliseAreaName(a.name) == normaliseAreaName(b.name);
}

/// The project as read, with the hand matches as aliases (so their rows match by alias).
std::vector<AreaAlias> addPicked(Dataset& ds, const std::vector<AreaAlias>& picked)
{
    std::vector<AreaAlias> added = userAliases(ds, picked);
    ds.aliases.insert(ds.aliases.end(), added.begin(), added.end());
    return added;
}

/// changesOfImport of \a changes, with the hand matches added first.
ProjectChanges withUserAliases(const Dataset& before, const ImportChanges& changes, const std::vector<AreaAlias>& added)
{
    ProjectChanges out = changesOfImport(before, changes);
    out.addAliases.insert(out.addAliases.begin(), added.begin(), added.end());
    return out;
}

} // namespace

std::size_t guessHeaderRow(const RawTable& table)
{
    const std::size_t scan = std::min<std::size_t>(table.rows.size(), 50);
    std::size_t fullest = 0;
    for (std::size_t i = 0; i < scan; ++i)
        fullest = std::max(fullest, filledCells(table.rows[i]));
    for (std::size_t i = 0; i < scan; ++i)
        if (fullest > 0 && filledCells(table.rows[i]) == fullest)
            return i;
    return 0;
}

TablePreview previewTable(const std::string& path, const std::string& sheet, long headerRow, std::size_t maxRows,
                          bool personalData)
{
    const RawTable table = readRawTable(path, sheet);
    TablePreview preview;
    preview.encoding = table.encoding;
    preview.separator = table.separator;
    if (table.rows.empty())
        throw DataSourceError(path, "the file holds no rows");
    std::size_t header = guessHeaderRow(table);
    if (headerRow > 0) {
        const int given = detail::rowOfNumber(table, headerRow);
        if (given < 0)
            throw DataSourceError(path, "it has no row " + std::to_string(headerRow) + " (the header row given)",
                                  {"header row"});
        header = static_cast<std::size_t>(given);
    }
    preview.headerRow = table.rowNumbers[header];
    preview.header = table.rows[header];
    preview.personalData = personalData || hasPersonalDataColumns(preview.header);
    for (std::size_t r = header + 1; r < table.rows.size(); ++r) {
        if (isBlankRow(table.rows[r]))
            continue;
        ++preview.dataRows;
        if (!preview.personalData && preview.rows.size() < maxRows)
            preview.rows.push_back(table.rows[r]);
    }
    return preview;
}

bool hasPersonalDataColumns(const std::vector<std::string>& header)
{
    static const std::vector<std::string> personal{"nik",
                                                   "no nik",
                                                   "nomor nik",
                                                   "no kk",
                                                   "nomor kk",
                                                   "nokk",
                                                   "no kartu keluarga",
                                                   "nama lengkap",
                                                   "nama art",
                                                   "nama kepala keluarga",
                                                   "nama krt",
                                                   "alamat",
                                                   "alamat lengkap"};
    return findColumn(header, personal) >= 0;
}

std::vector<AreaAlias> userAliases(const Dataset& ds, const std::vector<AreaAlias>& picked)
{
    std::vector<AreaAlias> added;
    for (const AreaAlias& p : picked) {
        if (p.areaCode.empty() || trimmed(p.name).empty())
            continue;
        const auto same = [&](const AreaAlias& a) { return sameAlias(a, p); };
        if (std::any_of(ds.aliases.begin(), ds.aliases.end(), same) || std::any_of(added.begin(), added.end(), same))
            continue;
        added.push_back({p.areaCode, p.name, "user"});
    }
    return added;
}

ProjectReadOptions tableImportReadOptions(const TableImportOptions& options)
{
    ProjectReadOptions read = recordImportReadOptions();
    for (const auto& [key, column] : options.indicators)
        read.valueKeyPeriods.emplace_back(key, options.period);
    for (const auto& [key, column] : options.categories)
        read.valueKeyPeriods.emplace_back(key, options.period);
    read.valueKeyPeriods.emplace_back("penduduk", options.period);
    return read;
}

ProjectReadOptions recordImportReadOptions()
{
    ProjectReadOptions read;
    read.parts =
        ProjectPart::Meta | ProjectPart::Areas | ProjectPart::Indicators | ProjectPart::Aliases | ProjectPart::BpsCodes;
    read.areaGeometry = false; // codes and names are matched, never geometry
    return read;
}

namespace {

/// A values import (table or records) planned on the part of the project it reads: the hand
/// matches added first, then \a import run on that copy.
template <typename Plan, typename Import>
Plan planValuesImport(const ProjectStore& store, const ProjectReadOptions& read, const std::vector<AreaAlias>& picked,
                      bool replace, Import import)
{
    Dataset ds = store.read(read);
    Plan plan;
    plan.userAliases = addPicked(ds, picked);
    Dataset before; // changesOfImport compares the values held, nothing else: no copy of the areas
    before.indicators = ds.indicators;
    plan.report = import(ds);
    if (plan.report.written) {
        plan.changes = withUserAliases(before, plan.report.changes, plan.userAliases);
        // Values another import wrote after this read are replaced, or refused, as the user asked
        // of the values this read found.
        plan.changes.heldValues = replace ? HeldValueRule::Replace : HeldValueRule::Refuse;
    }
    return plan;
}

} // namespace

TableImportPlan planTableImport(const ProjectStore& store, const std::string& path, const TableImportOptions& options,
                                const std::vector<AreaAlias>& picked)
{
    TableImportOptions located = options;
    if (located.projectLocation.empty())
        located.projectLocation = store.location();
    return planValuesImport<TableImportPlan>(store, tableImportReadOptions(located), picked, located.replace,
                                             [&](Dataset& ds) { return importTable(ds, path, located); });
}

RecordImportPlan planRecordImport(const ProjectStore& store, const std::string& path,
                                  const RecordImportOptions& options, const std::vector<AreaAlias>& picked)
{
    RecordImportOptions located = options;
    if (located.projectLocation.empty())
        located.projectLocation = store.location();
    return planValuesImport<RecordImportPlan>(store, recordImportReadOptions(), picked, located.replace,
                                              [&](Dataset& ds) { return importRecords(ds, path, located); });
}

FacilityImportPlan planFacilityImport(const ProjectStore& store, const std::string& path,
                                      const FacilityImportOptions& options, const std::vector<AreaAlias>& picked)
{
    // Points need the villages' geometry; held facilities are checked for repeats; values, runs,
    // roads and the background are not read.
    ProjectReadOptions read;
    read.parts =
        ProjectPart::Meta | ProjectPart::Areas | ProjectPart::Facilities | ProjectPart::Aliases | ProjectPart::BpsCodes;
    Dataset ds = store.read(read);
    FacilityImportPlan plan;
    plan.userAliases = addPicked(ds, picked);
    Dataset before;
    before.meta = ds.meta;
    before.aliases = ds.aliases;
    FacilityImportOptions located = options;
    if (located.projectLocation.empty())
        located.projectLocation = store.location();
    plan.report = importFacilities(ds, path, located);
    if (!plan.report.changes.empty() || !plan.userAliases.empty())
        plan.changes = withUserAliases(before, plan.report.changes, plan.userAliases);
    return plan;
}

BoundaryImportPlan planBoundaryImport(const ProjectStore& store, const std::string& path,
                                      const BoundaryImportOptions& options, const std::string& capitalSpec)
{
    const Dataset before = store.read();
    BoundarySet set = readBoundaries(path, options);
    Dataset after = before;
    BoundaryImportPlan plan;
    plan.replaced = replaceBoundaries(after, set, capitalSpec);
    plan.report = std::move(set.report);
    plan.changes = changesBetween(before, after, kBoundaryImportParts);
    return plan;
}

} // namespace gis
