#include "gis/tableimport.h"

#include "detail/importcommit.h"
#include "detail/rawtable.h"
#include "gis/categories.h"
#include "gis/codes.h"
#include "gis/error.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

namespace gis {

RowJoiner::RowJoiner(const Dataset& ds, JoinColumns columns, const std::vector<std::string>& codes,
                     const std::string& fileLabel, bool allowFuzzy)
        : mDs(ds), mColumns(columns)
{
    if (mColumns.code < 0 || mColumns.name >= 0)
        mNames.emplace(ds, allowFuzzy); // a join by code alone never asks for a name
    if (mColumns.code < 0) {
        mSchemeNote = "name within kecamatan";
        return;
    }
    std::vector<std::string> regencies;
    for (const Area* a : ds.areasOfKind("kabupaten"))
        regencies.push_back(a->code);
    std::vector<std::string> present;
    for (const std::string& c : codes)
        if (!trimmed(c).empty() && parseAreaCode(c).valid())
            present.push_back(c);
    const CodeSchemeGuess guess = detectCodeScheme(present, regencies);
    if (guess.scheme == CodeScheme::Bps) {
        if (ds.bpsCodes.empty())
            throw Error("'" + fileLabel + "' is coded with BPS codes (" + guess.explanation
                            + "); BPS codes differ from the Kemendagri codes of the project and need a code "
                              "crosswalk: import boundaries that carry both (BIG's KDEPUM and KDEBPS), or join by "
                              "name: give the name field and the kecamatan field",
                        {"name field", "kecamatan field"});
        mBps = true;
        for (const auto& [kemendagri, bps] : ds.bpsCodes)
            mBpsToKemendagri.emplace_back(parseAreaCode(bps).text, kemendagri);
        std::sort(mBpsToKemendagri.begin(), mBpsToKemendagri.end());
        mSchemeNote = "code (BPS, through the project's crosswalk)";
    } else {
        mSchemeNote = "code (Kemendagri)";
    }
}

RowMatch RowJoiner::join(const std::vector<std::string>& row, long rowNumber) const
{
    auto cell = [&](int i) {
        return i >= 0 && static_cast<std::size_t>(i) < row.size() ? row[static_cast<std::size_t>(i)] : std::string{};
    };
    RowMatch m;
    m.row = rowNumber;
    m.codeInFile = cell(mColumns.code);
    m.nameInFile = cell(mColumns.name);
    m.kecamatanInFile = cell(mColumns.kecamatan);
    if (mColumns.code >= 0) {
        const AreaCode code = parseAreaCode(m.codeInFile);
        std::string kemendagri;
        if (mBps) {
            auto it = std::lower_bound(mBpsToKemendagri.begin(), mBpsToKemendagri.end(),
                                       std::make_pair(code.text, std::string{}));
            if (it != mBpsToKemendagri.end() && it->first == code.text)
                kemendagri = it->second;
        } else if (code.scheme != CodeScheme::Bps) {
            kemendagri = code.text;
        }
        const Area* area = kemendagri.empty() ? nullptr : mDs.findArea(kemendagri);
        if (area && isVillageKind(area->kind)) {
            m.kind = MatchKind::Exact;
            m.how = "code";
            m.code = area->code;
            m.matchedName = area->name;
        } else {
            m.note = m.codeInFile.empty() ? "no code" : "code not among the project's villages";
        }
        if (m.kind == MatchKind::Exact || mColumns.name < 0)
            return m;
    }
    const NameMatch n = mNames->match(m.nameInFile, m.kecamatanInFile);
    m.kind = n.kind;
    m.how = n.how;
    m.code = n.code;
    m.matchedName = n.matchedName;
    for (const std::string& c : n.candidates)
        m.candidates += (m.candidates.empty() ? "" : "; ") + c;
    if (!n.note.empty())
        m.note += (m.note.empty() ? "" : "; ") + n.note;
    return m;
}

std::string MatchSummary::text() const
{
    return fmt::format("{} exact, {} fuzzy, {} ambiguous, {} unmatched", exact, fuzzy, ambiguous, unmatched);
}

MatchSummary summarise(const std::vector<RowMatch>& matches)
{
    MatchSummary s;
    for (const RowMatch& m : matches) {
        switch (m.kind) {
        case MatchKind::Exact:
            ++s.exact;
            break;
        case MatchKind::Fuzzy:
            ++s.fuzzy;
            break;
        case MatchKind::Ambiguous:
            ++s.ambiguous;
            break;
        case MatchKind::Unmatched:
            ++s.unmatched;
            break;
        }
    }
    return s;
}

std::string isoNowUtc()
{
    return isoUtcNow();
}

std::string TableImportReport::text() const
{
    std::string t;
    t += fmt::format(
        "file:        {} ({}{})\n", path, encoding,
        separator ? fmt::format(", separator '{}'", separator == '\t' ? std::string("tab") : std::string(1, separator))
                  : std::string{});
    t += fmt::format("header:      row {}\n", headerRow);
    t += fmt::format("joined by:   {}\n", joinedBy);
    for (const std::string& n : numberNotes)
        t += "numbers:     " + n + "\n";
    for (const std::string& n : categoryNotes)
        t += "category:    " + n + "\n";
    if (!totalRows.empty()) {
        std::string rows;
        for (long r : totalRows)
            rows += (rows.empty() ? "" : ", ") + std::to_string(r);
        t += "skipped:     total row(s) " + rows + " (not a pekon)\n";
    }
    if (!blankRows.empty())
        t += fmt::format("skipped:     {} blank row(s)\n", blankRows.size());
    t += "matched:     " + summarise(matches).text() + "\n";
    // The first rows of each kind; the match report lists them all.
    constexpr std::size_t kListed = 20;
    std::map<MatchKind, std::size_t> listed, notListed;
    for (const RowMatch& m : matches) {
        if (m.kind == MatchKind::Exact)
            continue;
        if (listed[m.kind]++ >= kListed) {
            ++notListed[m.kind];
            continue;
        }
        if (m.kind == MatchKind::Fuzzy)
            t += fmt::format("  fuzzy      row {}: '{}' -> {} {} ({})\n", m.row, clippedForMessage(m.nameInFile), m.code, m.matchedName,
                             m.how);
        else if (m.kind == MatchKind::Ambiguous)
            t += fmt::format("  ambiguous  row {}: '{}' ({}) could be: {}\n", m.row, clippedForMessage(m.nameInFile),
                             clippedForMessage(m.kecamatanInFile),
                             m.candidates);
        else if (m.kind == MatchKind::Unmatched)
            t += fmt::format("  unmatched  row {}: '{}{}'{}\n", m.row, clippedForMessage(m.codeInFile),
                             clippedForMessage(m.codeInFile.empty() || m.nameInFile.empty() ? m.nameInFile
                                                                                            : " " + m.nameInFile),
                             m.note.empty() ? "" : " (" + m.note + ")");
    }
    for (const auto& [kind, n] : notListed)
        t += fmt::format("  ... and {} more {} row(s), listed in the match report\n", n, matchKindName(kind));
    std::size_t problemsListed = 0;
    for (const RowProblem& p : problems)
        if (problemsListed++ < kListed)
            t += fmt::format("  problem    row {}: {}\n", p.row, p.message);
    if (problems.size() > kListed)
        t += fmt::format("  ... and {} more problem(s)\n", problems.size() - kListed);
    for (const std::string& n : notes)
        t += "note:        " + n + "\n";
    if (!reportPath.empty())
        t += "report:      " + reportPath + "\n";
    if (written && categoriesWritten > 0)
        t += fmt::format("imported:    {} values and {} category values (source '{}')\n", valuesWritten,
                         categoriesWritten, source);
    else if (written)
        t += fmt::format("imported:    {} values (source '{}')\n", valuesWritten, source);
    else
        t += "NOT IMPORTED: " + stopReason + "\n";
    return t;
}

namespace {

/// The columns the options name, each of which the header row must hold.
std::vector<std::string> requiredColumns(const TableImportOptions& options)
{
    std::vector<std::string> required;
    for (const auto& [key, column] : options.indicators)
        required.push_back(column);
    for (const auto& [key, column] : options.categories)
        required.push_back(column);
    for (const std::string* f : {&options.codeField, &options.nameField, &options.kecamatanField})
        if (!f->empty())
            required.push_back(*f);
    return required;
}

/// Index in table.rows of the header: the row given, or the first holding every required column.
std::size_t locateHeader(const RawTable& table, const std::string& path, const TableImportOptions& options)
{
    const std::vector<std::string> required = requiredColumns(options);
    if (options.headerRow > 0) {
        int header = detail::rowOfNumber(table, options.headerRow);
        if (header < 0)
            header = options.headerRow - 1;
        if (static_cast<std::size_t>(header) >= table.rows.size())
            throw DataSourceError(path, fmt::format("it has no row {} (the header row given)", options.headerRow),
                                  {"header row"});
        for (const std::string& name : required)
            if (columnIndex(table.rows[static_cast<std::size_t>(header)], name) < 0)
                throw DataSourceError(
                    path, fmt::format("row {} (the header row given) has no column '{}'", options.headerRow, name),
                    {"header row"});
        return static_cast<std::size_t>(header);
    }
    const int header = findHeaderRow(table, required);
    if (header < 0) {
        std::string names;
        for (const std::string& n : required)
            names += (names.empty() ? "'" : ", '") + n + "'";
        throw DataSourceError(path,
                              "no row holds all the columns " + names
                                  + "; check the column names (case and spacing are ignored) or give the "
                                    "header row",
                              {"header row"});
    }
    return static_cast<std::size_t>(header);
}

JoinColumns tableJoinColumns(const std::vector<std::string>& head, const TableImportOptions& options,
                             const std::string& path, long headerRow)
{
    JoinColumns cols;
    cols.code = options.codeField.empty() ? -1 : columnIndex(head, options.codeField);
    cols.name = options.nameField.empty() ? -1 : columnIndex(head, options.nameField);
    cols.kecamatan = options.kecamatanField.empty() ? -1 : columnIndex(head, options.kecamatanField);
    if (options.codeField.empty() && options.nameField.empty()) {
        cols.code = findColumn(head,
                               {"kode", "kode_desa", "kode_pekon", "kd_desa", "kode_wilayah", "kode_kemendagri",
                                "kode_kelurahan", "kode_desa_kelurahan", "code", "kdepum"});
        cols.name = findColumn(head,
                               {"nama_pekon", "nama_desa", "nama_kelurahan", "pekon", "desa", "kelurahan",
                                "desa_kelurahan", "pekon_kelurahan", "nama", "name", "wadmkd", "namobj"});
    }
    if (options.kecamatanField.empty())
        cols.kecamatan = findColumn(head, {"kecamatan", "nama_kecamatan", "kec", "nama_kec", "wadmkc"});
    if (cols.code < 0 && cols.name < 0)
        throw DataSourceError(path,
                              "no code or name column was found in the header (row " + std::to_string(headerRow)
                                  + "); name the code field, or the name field and the kecamatan field",
                              {"code field", "name field", "kecamatan field"});
    return cols;
}

/// Data rows below the header, without blank and total rows (which the report lists).
std::vector<std::size_t> dataRowsBelow(const RawTable& table, std::size_t header, TableImportReport& report)
{
    std::vector<std::size_t> dataRows;
    for (std::size_t r = header + 1; r < table.rows.size(); ++r) {
        if (isBlankRow(table.rows[r]))
            report.blankRows.push_back(table.rowNumbers[r]);
        else if (isTotalRow(table.rows[r]))
            report.totalRows.push_back(table.rowNumbers[r]);
        else
            dataRows.push_back(r);
    }
    return dataRows;
}

struct IndicatorColumn {
    std::string key, name;
    int index;
    NumberColumn style;
};

/// Each indicator column with its number style, decided from all of its data cells.
std::vector<IndicatorColumn> indicatorColumns(const RawTable& table, const std::vector<std::string>& head,
                                              const std::vector<std::size_t>& dataRows,
                                              const TableImportOptions& options, TableImportReport& report)
{
    std::vector<IndicatorColumn> columns;
    for (const auto& [key, column] : options.indicators) {
        const int index = columnIndex(head, column);
        std::vector<std::string> cells;
        for (std::size_t r : dataRows)
            cells.push_back(detail::cellAt(table.rows[r], index));
        const bool typed = index >= 0 && static_cast<std::size_t>(index) < table.typedNumberColumns.size()
            && table.typedNumberColumns[static_cast<std::size_t>(index)];
        NumberColumn style = typed ? NumberColumn{NumberStyle::English, false, "numbers stored as numbers in the layer"}
                                   : decideNumberStyle(cells);
        report.numberNotes.push_back(fmt::format("{} ('{}'): {}", key, column, style.explanation));
        columns.push_back({key, column, index, style});
    }
    return columns;
}

/// Cells of matched rows that give no value: counted for the summary, never dropped silently.
struct MissingCells {
    std::size_t empty = 0;  ///< an empty cell
    std::size_t nihil = 0;  ///< "-": BPS's "nihil" (none)
    std::size_t ragged = 0; ///< the row ends before the column
};

struct CategoryColumn {
    std::string key, name;
    int index;
    CategoryScale scale;
};

/// Each category column with its scale: the levels given, the one the project keeps for the
/// key, or the known scale its values belong to.
std::vector<CategoryColumn> categoryColumns(const Dataset& ds, const RawTable& table,
                                            const std::vector<std::string>& head,
                                            const std::vector<std::size_t>& dataRows,
                                            const TableImportOptions& options, TableImportReport& report)
{
    std::vector<CategoryColumn> columns;
    for (const auto& [key, column] : options.categories) {
        const int index = columnIndex(head, column);
        std::vector<std::string> cells;
        for (std::size_t r : dataRows)
            cells.push_back(detail::cellAt(table.rows[r], index));
        const std::optional<CategoryScale> held = categoryScale(ds, key);
        auto given = options.levels.find(key);
        if (given == options.levels.end())
            given = options.levels.find("");
        CategoryScale scale;
        std::string how;
        if (given != options.levels.end()) {
            scale = scaleOfLevels(given->second);
            if (held && held->levels != scale.levels)
                throw Error(fmt::format("the project keeps category '{}' with the scale {}, not {}; give the same "
                                        "levels, or import under another key",
                                        key, held->description(), scale.description()),
                            {"levels"});
            how = "as given";
        } else if (held) {
            scale = *held;
            how = "as the project keeps it";
        } else if (const std::optional<CategoryScale> known = recogniseScale(cells)) {
            scale = *known;
            how = "recognised from the values";
        } else {
            std::string examples;
            for (const std::string& c : cells)
                if (!trimmed(c).empty() && examples.size() < 60)
                    examples += (examples.empty() ? "'" : ", '") + trimmed(c) + "'";
            throw DataSourceError(table.path,
                                  fmt::format("column '{}' (category '{}') holds no level of a known scale (IDM: "
                                              "Sangat Tertinggal ... Mandiri; yes/no: ada/tidak, ya/tidak, 1/0); "
                                              "its values ({}) need their levels given in order, lowest first",
                                              column, key, examples),
                                  {"levels"});
        }
        report.categoryNotes.push_back(fmt::format("{} ('{}'): {}, {}", key, column, scale.description(), how));
        columns.push_back({key, column, index, std::move(scale)});
    }
    return columns;
}

/// The category levels of one joined row, or the problems that keep it out.
std::vector<std::string> rowCategories(const std::vector<std::string>& row, const RowMatch& m,
                                       const std::vector<CategoryColumn>& columns, const TableImportOptions& options,
                                       const std::string& source, const std::string& importedAt,
                                       std::vector<CategoryValue>& values, MissingCells& missing)
{
    std::vector<std::string> problems;
    for (const CategoryColumn& cc : columns) {
        if (cc.index >= 0 && static_cast<std::size_t>(cc.index) >= row.size()) {
            ++missing.ragged;
            continue;
        }
        const std::string text = trimmed(detail::cellAt(row, cc.index));
        if (text.empty()) {
            ++missing.empty;
            continue;
        }
        if (text == "-") {
            ++missing.nihil;
            continue;
        }
        const std::optional<std::size_t> level = cc.scale.levelOf(text);
        if (!level) {
            problems.push_back(
                fmt::format("'{}' in column '{}' is not a level of {}", clippedForMessage(text), cc.name, cc.scale.description()));
            continue;
        }
        values.push_back({m.code, cc.key, options.period, cc.scale.levels[*level], source, importedAt});
    }
    return problems;
}

/// The project's population (penduduk) of the period per area code: what a row's poor count
/// (miskin) is checked against when the table has no population column.
std::unordered_map<std::string, double> heldPopulation(const Dataset& ds, const std::string& period)
{
    std::unordered_map<std::string, double> population;
    for (const IndicatorValue& v : ds.indicators)
        if (v.key == "penduduk" && v.period == period)
            population[v.areaCode] = v.value; // the last held value, as a scan would find it
    return population;
}


/// The values of one joined row, or the problems that keep it out.
std::vector<std::string> rowValues(const std::unordered_map<std::string, double>& population,
                                   const std::vector<std::string>& row, const RowMatch& m,
                                   const std::vector<IndicatorColumn>& columns, const TableImportOptions& options,
                                   const std::string& source, const std::string& importedAt,
                                   std::vector<IndicatorValue>& values, MissingCells& missing)
{
    std::vector<std::string> problems;
    std::map<std::string, double> byKey;
    for (const IndicatorColumn& ic : columns) {
        const std::string text = detail::cellAt(row, ic.index);
        if (ic.index >= 0 && static_cast<std::size_t>(ic.index) >= row.size()) {
            ++missing.ragged;
            continue;
        }
        if (trimmed(text).empty()) {
            ++missing.empty;
            continue;
        }
        if (trimmed(text) == "-") {
            ++missing.nihil;
            continue;
        }
        const auto v = parseNumber(text, ic.style.style);
        if (!v) {
            problems.push_back(fmt::format("'{}' in column '{}' is not a number", clippedForMessage(text), ic.name));
            continue;
        }
        if (*v < 0) {
            problems.push_back(fmt::format("negative count {} in column '{}'", clippedForMessage(text), ic.name));
            continue;
        }
        byKey[ic.key] = *v;
        values.push_back({m.code, ic.key, options.period, *v, source, importedAt});
    }
    if (byKey.count("miskin")) {
        double people = -1;
        if (byKey.count("penduduk")) {
            people = byKey["penduduk"];
        } else if (const auto held = population.find(m.code); held != population.end()) {
            people = held->second;
        }
        if (people >= 0 && byKey["miskin"] > people)
            problems.push_back(fmt::format("miskin {} is above penduduk {}", byKey["miskin"], people));
    }
    return problems;
}

struct JoinedValues {
    std::vector<IndicatorValue> values;
    std::vector<CategoryValue> categories;
    std::size_t invalidRows = 0, duplicateRows = 0;
    std::size_t rows = 0, matchedRows = 0;
    MissingCells missing;
};

/// Joins every data row, keeps the first row of each pekon and validates its values.
JoinedValues joinAndValidate(const Dataset& ds, const RawTable& table, const std::vector<std::size_t>& dataRows,
                             const RowJoiner& joiner, const std::vector<IndicatorColumn>& columns,
                             const std::vector<CategoryColumn>& categoryColumns, const TableImportOptions& options,
                             TableImportReport& report)
{
    JoinedValues out;
    std::unordered_map<std::string, long> firstRowOfCode; // lookups only: the order comes from the rows
    std::unordered_map<std::string, std::vector<std::string>> cellsOfCode;
    firstRowOfCode.reserve(dataRows.size());
    cellsOfCode.reserve(dataRows.size());
    const std::string importedAt = isoUtcNow();
    std::vector<RowProblem> duplicateProblems;
    const std::unordered_map<std::string, double> population = heldPopulation(ds, options.period);
    for (std::size_t r : dataRows) {
        const long number = table.rowNumbers[r];
        RowMatch m = joiner.join(table.rows[r], number);
        report.matches.push_back(m);
        ++out.rows;
        if (m.kind != MatchKind::Exact && m.kind != MatchKind::Fuzzy)
            continue;
        ++out.matchedRows;
        std::vector<std::string> rowCells;
        for (const IndicatorColumn& ic : columns)
            rowCells.push_back(detail::cellAt(table.rows[r], ic.index));
        for (const CategoryColumn& cc : categoryColumns)
            rowCells.push_back(detail::cellAt(table.rows[r], cc.index));
        auto seen = firstRowOfCode.find(m.code);
        if (seen != firstRowOfCode.end()) {
            const bool identical = cellsOfCode[m.code] == rowCells;
            duplicateProblems.push_back(
                {number,
                 fmt::format("duplicate row for {} {} (first at row {}{})", m.code, m.matchedName, seen->second,
                             identical ? ", identical values" : ", DIFFERENT values")});
            ++out.duplicateRows;
            continue;
        }
        firstRowOfCode[m.code] = number;
        cellsOfCode[m.code] = rowCells;
        std::vector<IndicatorValue> values;
        std::vector<std::string> problems =
            rowValues(population, table.rows[r], m, columns, options, report.source, importedAt, values,
                      out.missing);
        std::vector<CategoryValue> levels;
        for (std::string& p : rowCategories(table.rows[r], m, categoryColumns, options, report.source, importedAt,
                                            levels, out.missing))
            problems.push_back(std::move(p));
        for (const std::string& p : problems)
            report.problems.push_back({number, p});
        if (!problems.empty()) {
            ++out.invalidRows;
            continue;
        }
        for (IndicatorValue& v : values)
            out.values.push_back(std::move(v));
        for (CategoryValue& v : levels)
            out.categories.push_back(std::move(v));
    }
    for (const RowProblem& p : duplicateProblems)
        report.problems.push_back(p);
    std::sort(report.problems.begin(), report.problems.end(),
              [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
    return out;
}

/// The commit request: invalid or duplicate rows block it unless the options allow them.
detail::CommitRequest commitRequest(const std::string& path, const TableImportOptions& options, JoinedValues joined)
{
    detail::CommitRequest request;
    request.inputPath = path;
    request.reportPath = options.reportPath;
    request.projectLocation = options.projectLocation;
    request.fileLabel = std::filesystem::path(path).filename().string();
    request.replace = options.replace;
    request.aliasNote = ": the next import matches them exactly";
    if (joined.invalidRows > 0 && !options.skipInvalid) {
        request.blockedReason = fmt::format("{} row(s) with invalid values (listed above); fix the file, or skip the "
                                            "invalid rows to import the other rows",
                                            joined.invalidRows);
        request.blockedParameters = {"skip invalid"};
    } else if (joined.duplicateRows > 0 && !options.keepFirstDuplicate) {
        request.blockedReason = fmt::format("{} duplicate row(s) for one pekon (listed above); fix the file, or keep "
                                            "the first row of each pekon",
                                            joined.duplicateRows);
        request.blockedParameters = {"keep first duplicate"};
    }
    if (request.blockedReason.empty() && joined.values.empty() && joined.categories.empty()) {
        request.blockedReason = joined.rows == 0
            ? std::string("the file has no data row below its header; nothing to import")
            : fmt::format("nothing to import: {} of {} data row(s) matched a pekon of the project and they give "
                          "no value; check the code or name column and the values",
                          joined.matchedRows, joined.rows);
    }
    const MissingCells& missing = joined.missing;
    if (missing.empty + missing.nihil + missing.ragged > 0)
        request.notes.push_back(fmt::format("{} cell(s) of matched rows give no value and were not stored: {} empty, "
                                            "{} '-' (nihil), {} missing from rows shorter than the header",
                                            missing.empty + missing.nihil + missing.ragged, missing.empty,
                                            missing.nihil, missing.ragged));
    if (joined.invalidRows > 0)
        request.notes.push_back(fmt::format("{} row(s) with invalid values skipped, as asked", joined.invalidRows));
    if (joined.duplicateRows > 0)
        request.notes.push_back(
            fmt::format("{} duplicate row(s) ignored, first row kept as asked", joined.duplicateRows));
    request.values = std::move(joined.values);
    request.categories = std::move(joined.categories);
    return request;
}

} // namespace

TableImportReport importTable(Dataset& ds, const std::string& path, const TableImportOptions& options)
{
    if (options.period.empty())
        throw Error("give the period of the values (e.g. 2019)", {"period"});
    if (options.indicators.empty() && options.categories.empty())
        throw Error("give at least one indicator or category as KEY=COLUMN", {"indicator", "category"});
    for (const auto& [key, column] : options.categories)
        for (const auto& [numberKey, numberColumn] : options.indicators)
            if (key == numberKey)
                throw Error("'" + key + "' is given both as a number indicator and as a category; give it once",
                            {"indicator", "category"});
    TableImportReport report;
    report.path = path;
    report.source = options.source.empty() ? std::filesystem::path(path).filename().string() : options.source;
    const RawTable table = readRawTable(path, options.sheet);
    report.encoding = table.encoding;
    report.separator = table.separator;

    const std::size_t header = locateHeader(table, path, options);
    const auto& head = table.rows[header];
    report.headerRow = table.rowNumbers[header];
    const JoinColumns cols = tableJoinColumns(head, options, path, report.headerRow);
    const std::vector<std::size_t> dataRows = dataRowsBelow(table, header, report);
    std::vector<std::string> codes;
    for (std::size_t r : dataRows)
        codes.push_back(detail::cellAt(table.rows[r], cols.code));
    const RowJoiner joiner(ds, cols, codes, std::filesystem::path(path).filename().string(), options.fuzzy);
    report.joinedBy = joiner.schemeNote();

    const std::vector<IndicatorColumn> columns = indicatorColumns(table, head, dataRows, options, report);
    const std::vector<CategoryColumn> categories = categoryColumns(ds, table, head, dataRows, options, report);
    JoinedValues joined = joinAndValidate(ds, table, dataRows, joiner, columns, categories, options, report);
    // Villages of the project that the file gives no level: they simply have no value.
    for (const CategoryColumn& cc : categories) {
        std::set<std::string> valued;
        for (const CategoryValue& v : joined.categories)
            if (v.key == cc.key)
                valued.insert(v.areaCode);
        const std::size_t villages = ds.villages().size();
        report.categoryNotes.push_back(fmt::format("{}: {} of {} villages of the project get a level, {} get none "
                                                   "(not in the file, or no level given)",
                                                   cc.key, valued.size(), villages, villages - valued.size()));
    }
    detail::CommitRequest request = commitRequest(path, options, std::move(joined));
    for (const CategoryColumn& cc : categories)
        request.meta[categoryMetaKey(cc.key)] = scaleToJson(cc.scale);
    if (!table.formulasWithoutValue.empty()) {
        std::string first;
        for (std::size_t i = 0; i < std::min<std::size_t>(table.formulasWithoutValue.size(), 10); ++i)
            first += (first.empty() ? "" : ", ") + table.formulasWithoutValue[i];
        request.blockedReason = fmt::format(
            "{} formula cell(s) have no computed value saved in the file (first: {}), so they would import as "
            "empty; open the file in the spreadsheet program and save it again (it then stores the values), or "
            "save the sheet as CSV",
            table.formulasWithoutValue.size(), first);
        request.blockedParameters.clear();
    }
    detail::commitImport(ds, report, std::move(request));
    return report;
}

} // namespace gis
