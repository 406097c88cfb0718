#include "gis/recordimport.h"

#include "detail/importcommit.h"
#include "detail/recordcolumns.h"
#include "detail/rawtable.h"
#include "gis/error.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

namespace gis {

namespace {

const std::vector<std::string> kCodeNames{"kode_desa",           "kode_pekon",      "kd_desa",
                                          "kode_wilayah",        "kode_kemendagri", "kode_kelurahan",
                                          "kode_desa_kelurahan", "kdepum"};
const std::vector<std::string>& kPekonNames = detail::kPekonNameColumns;
const std::vector<std::string>& kKecNames = detail::kKecamatanColumns;
const std::vector<std::string> kHouseholdNames{"no_kk",           "nomor_kk", "nokk",      "id_keluarga", "id_kk",
                                               "id_rumah_tangga", "idbdt",    "id_art_kk", "kk"};
const std::vector<std::string> kStatusNames{"status", "status_dtsen", "status_dtks", "status_kesejahteraan"};
const std::vector<std::string> kDesilNames{"desil", "desil_nasional", "desil_kesejahteraan", "peringkat_desil"};
const std::vector<std::string> kMemberNames{"jumlah_art", "jml_art", "jumlah_anggota", "jumlah_anggota_keluarga"};

} // namespace

namespace detail {

/// A status column that holds names or free text (columns shifted, a wrong column named) must
/// not turn personal data into indicator keys. Record status as SIKS-NG gives it, then the
/// welfare categories of DTKS/DTSEN.
std::string statusCategory(const std::string& cell)
{
    static const std::map<std::string, std::string> kStatus{
        {"aktif", "aktif"},
        {"tidak_aktif", "tidak_aktif"},
        {"non_aktif", "tidak_aktif"},
        {"nonaktif", "tidak_aktif"},
        {"meninggal", "meninggal"},
        {"meninggal_dunia", "meninggal"},
        {"pindah", "pindah"},
        {"sangat_miskin", "sangat_miskin"},
        {"miskin", "miskin"},
        {"hampir_miskin", "hampir_miskin"},
        {"rentan_miskin", "rentan_miskin"},
        {"rentan", "rentan_miskin"},
        {"tidak_miskin", "tidak_miskin"},
        {"non_miskin", "tidak_miskin"},
    };
    const std::string key = headerKey(cell);
    if (key.empty())
        return "kosong";
    auto it = kStatus.find(key);
    return it == kStatus.end() ? "lainnya" : it->second;
}

const std::vector<std::string>& personalColumnNames()
{
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names{"nik",          "no_nik",       "nomor_nik",     "nik_kepala_keluarga",
                                       "nik_krt",      "nama",         "nama_lengkap",  "nama_art",
                                       "nama_krt",     "nama_kepala",  "nama_kepala_keluarga",
                                       "nama_ibu",     "nama_ibu_kandung", "alamat",    "alamat_lengkap",
                                       "alamat_rumah", "rt",           "rw",            "rt_rw",
                                       "tempat_lahir", "tanggal_lahir", "tgl_lahir",    "no_hp",
                                       "nomor_hp",     "telepon",      "no_telepon",    "email"};
        names.insert(names.end(), kHouseholdNames.begin(), kHouseholdNames.end());
        return names;
    }();
    return kNames;
}

} // namespace detail

namespace {

using detail::RecordColumns;
using detail::statusCategory;

} // namespace

const std::vector<std::string>& recordStatusCategories()
{
    static const std::vector<std::string> kCategories{
        "aktif",         "tidak_aktif",   "meninggal",    "pindah", "sangat_miskin", "miskin",
        "hampir_miskin", "rentan_miskin", "tidak_miskin", "kosong", "lainnya"};
    return kCategories;
}

std::string RecordImportReport::text() const
{
    std::string t = fmt::format("file:        {} ({})\nheader:      row {}\nrows are:    {}\njoined by:   {}\n", path,
                                encoding, headerRow, unit == "household" ? "households" : "persons", joinedBy);
    t += fmt::format("rows:        {} read, {} counted in {} pekon\n", rows, rowsCounted, pekon);
    t += "matched:     " + summarise(matches).text() + " (distinct pekon as written)\n";
    for (const RowMatch& m : matches) {
        if (m.kind == MatchKind::Unmatched && m.codeInFile.empty() && m.nameInFile.empty())
            t += fmt::format("  {:<10} row {} ({})\n", matchKindName(m.kind), m.row, m.note);
        else if (m.kind == MatchKind::Fuzzy)
            t += fmt::format("  fuzzy      '{}' -> {} {} ({}; {})\n", clippedForMessage(m.nameInFile), m.code, m.matchedName, m.how,
                             m.note);
        else if (m.kind != MatchKind::Exact)
            t += fmt::format("  {:<10} '{}' ({}){}\n", matchKindName(m.kind), clippedForMessage(m.codeInFile + m.nameInFile), m.note,
                             m.candidates.empty() ? "" : " could be: " + m.candidates);
    }
    for (const RowProblem& p : problems)
        t += fmt::format("  problem    row {}: {}\n", p.row, p.message);
    for (const std::string& n : notes)
        t += "note:        " + n + "\n";
    if (!keys.empty()) {
        std::string k;
        for (const std::string& key : keys)
            k += (k.empty() ? "" : ", ") + key;
        t += "indicators:  " + k + "\n";
    }
    if (!reportPath.empty())
        t += "report:      " + reportPath + "\n";
    t += "privacy:     NIK, names and addresses were counted only: none is stored, printed or reported\n";
    if (written)
        t += fmt::format("imported:    {} values (source '{}')\n", valuesWritten, source);
    else
        t += "NOT IMPORTED: " + stopReason + "\n";
    return t;
}

namespace {

JoinColumns pekonColumns(const std::vector<std::string>& r, const RecordImportOptions& options)
{
    JoinColumns c;
    c.code = options.codeField.empty() ? findColumn(r, kCodeNames) : columnIndex(r, options.codeField);
    c.name = options.nameField.empty() ? findColumn(r, kPekonNames) : columnIndex(r, options.nameField);
    c.kecamatan = options.kecamatanField.empty() ? findColumn(r, kKecNames) : columnIndex(r, options.kecamatanField);
    return c;
}

} // namespace

RecordColumns detail::recordColumns(const RawTable& table, const std::string& path, const RecordImportOptions& options)
{
    int header = -1;
    for (std::size_t i = 0; i < table.rows.size() && header < 0; ++i) {
        if (options.headerRow > 0 ? table.rowNumbers[i] == options.headerRow : true) {
            const JoinColumns c = pekonColumns(table.rows[i], options);
            if (c.code >= 0 || c.name >= 0 || options.headerRow > 0)
                header = static_cast<int>(i);
        }
    }
    if (header < 0)
        throw DataSourceError(path,
                              "no header row with a pekon code or name column was found; name the code "
                              "field or the name field (and the kecamatan field), or give the header row",
                              {"code field", "name field", "kecamatan field", "header row"});
    RecordColumns cols;
    cols.header = static_cast<std::size_t>(header);
    const auto& head = table.rows[cols.header];
    cols.join = pekonColumns(head, options);
    if (!options.codeField.empty() && cols.join.code < 0)
        throw DataSourceError(path, "it has no column '" + options.codeField + "' (the code field given)",
                              {"code field"});
    if (!options.nameField.empty() && cols.join.name < 0)
        throw DataSourceError(path, "it has no column '" + options.nameField + "' (the name field given)",
                              {"name field"});
    if (cols.join.code < 0 && cols.join.name < 0)
        throw DataSourceError(path, "the header has no pekon code or name column");
    auto named = [&](const std::string& given, const std::vector<std::string>& names, const char* option) {
        if (given.empty())
            return findColumn(head, names);
        const int i = columnIndex(head, given);
        if (i < 0)
            throw DataSourceError(path, fmt::format("it has no column '{}' (the {} given)", given, option), {option});
        return i;
    };
    cols.household = named(options.householdField, kHouseholdNames, "household field");
    cols.status = named(options.statusField, kStatusNames, "status field");
    cols.desil = named(options.desilField, kDesilNames, "desil field");
    cols.members = findColumn(head, kMemberNames);
    return cols;
}

namespace {

/// Household rows when asked, or (auto) when every row has its own household id.
std::string decideUnit(const RawTable& table, const std::vector<std::size_t>& dataRows, int householdColumn,
                       const std::string& asked)
{
    if (asked != "auto") {
        if (asked != "person" && asked != "household")
            throw Error("the unit of a row must be person, household or auto, not '" + asked + "'", {"unit"});
        return asked;
    }
    if (householdColumn < 0 || dataRows.empty())
        return "person";
    std::set<std::string> ids;
    for (std::size_t r : dataRows)
        ids.insert(detail::cellAt(table.rows[r], householdColumn));
    return ids.size() == dataRows.size() && !ids.count("") ? "household" : "person";
}

struct Counts {
    double persons = 0;
    double householdRows = 0;
    std::set<std::string> households;
    std::map<int, std::set<std::string>> desilHouseholds;
    std::map<int, double> desilRows;
    std::map<std::string, double> status;
};

/// Adds one joined row to its pekon's counts; problems (no personal data) go to the report.
void countRow(const std::vector<std::string>& row, long number, const RecordColumns& cols, const std::string& unit,
              Counts& c, RecordImportReport& report)
{
    const std::string hh = detail::cellAt(row, cols.household);
    if (unit == "person") {
        c.persons += 1;
        if (!hh.empty())
            c.households.insert(hh);
    } else {
        c.householdRows += 1;
        if (cols.members >= 0) {
            const auto n = parseNumber(detail::cellAt(row, cols.members), NumberStyle::Indonesian);
            if (n && *n >= 0)
                c.persons += *n;
            else
                report.problems.push_back({number, "member count is not a number"});
        }
    }
    if (cols.desil >= 0) {
        const std::string d = detail::cellAt(row, cols.desil);
        const auto n = parseNumber(d, NumberStyle::Indonesian);
        if (d.empty()) {
            // no desil given: not counted in any desil
        } else if (!n || *n < 1 || *n > 10 || std::floor(*n) != *n) {
            // the cell is not echoed: a shifted column puts a NIK or a name here
            report.problems.push_back({number, "the desil is not a whole number from 1 to 10: not counted in any desil"});
        } else {
            const int desil = static_cast<int>(*n);
            if (unit == "person" && cols.household >= 0 && !hh.empty())
                c.desilHouseholds[desil].insert(hh);
            else
                c.desilRows[desil] += 1;
        }
    }
    if (cols.status >= 0)
        c.status[statusCategory(detail::cellAt(row, cols.status))] += 1;
}

/// Joins each distinct pekon as written once and counts its rows.
std::map<std::string, Counts> countPerPekon(const RawTable& table, const std::vector<std::size_t>& dataRows,
                                            const RecordColumns& cols, const RowJoiner& joiner,
                                            RecordImportReport& report)
{
    std::map<std::string, Counts> perPekon;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> matchIndex; // as written -> matches
    std::vector<std::size_t> rowsPerMatch;
    for (std::size_t r : dataRows) {
        const auto& row = table.rows[r];
        const auto key =
            std::make_tuple(detail::cellAt(row, cols.join.code), normaliseAreaName(detail::cellAt(row, cols.join.name)),
                            normaliseAreaName(detail::cellAt(row, cols.join.kecamatan)));
        auto it = matchIndex.find(key);
        if (it == matchIndex.end()) {
            it = matchIndex.emplace(key, report.matches.size()).first;
            RowMatch m = joiner.join(row, table.rowNumbers[r]);
            if (m.kind == MatchKind::Unmatched) {
                // a value that names no pekon may be a person's name or NIK (columns shifted):
                // reported by its first row and its row count only
                m.codeInFile.clear();
                m.nameInFile.clear();
                m.kecamatanInFile.clear();
                m.candidates.clear();
                m.note = "pekon value not shown (personal data file)";
            }
            report.matches.push_back(std::move(m));
            rowsPerMatch.push_back(0);
        }
        rowsPerMatch[it->second]++;
        const RowMatch& m = report.matches[it->second];
        if (m.kind != MatchKind::Exact && m.kind != MatchKind::Fuzzy)
            continue;
        ++report.rowsCounted;
        countRow(row, table.rowNumbers[r], cols, report.unit, perPekon[m.code], report);
    }
    for (std::size_t i = 0; i < report.matches.size(); ++i)
        report.matches[i].note +=
            (report.matches[i].note.empty() ? "" : "; ") + std::to_string(rowsPerMatch[i]) + " rows";
    return perPekon;
}

/// The indicator values of the counts (keys as in recordimport.h).
std::vector<IndicatorValue> recordValues(const std::map<std::string, Counts>& perPekon, const RecordColumns& cols,
                                         const RecordImportOptions& options, RecordImportReport& report)
{
    std::vector<IndicatorValue> values;
    std::set<std::string> keys;
    const std::string importedAt = isoUtcNow();
    auto add = [&](const std::string& code, const std::string& key, double v) {
        values.push_back({code, key, options.period, v, report.source, importedAt});
        keys.insert(key);
    };
    const std::string& unit = report.unit;
    for (const auto& [code, c] : perPekon) {
        if (unit == "person" || cols.members >= 0)
            add(code, "dtsen_jiwa", c.persons);
        if (unit == "household")
            add(code, "dtsen_kk", c.householdRows);
        else if (cols.household >= 0)
            add(code, "dtsen_kk", static_cast<double>(c.households.size()));
        if (cols.desil >= 0) {
            for (int d = 1; d <= 10; ++d) {
                double n = 0;
                if (auto h = c.desilHouseholds.find(d); h != c.desilHouseholds.end())
                    n += static_cast<double>(h->second.size());
                if (auto h = c.desilRows.find(d); h != c.desilRows.end())
                    n += h->second;
                add(code, "dtsen_desil_" + std::to_string(d), n);
            }
        }
        for (const auto& [status, n] : c.status)
            add(code, "dtsen_status_" + status, n);
    }
    report.keys.assign(keys.begin(), keys.end());
    double other = 0;
    for (const auto& [code, c] : perPekon)
        if (auto it = c.status.find("lainnya"); it != c.status.end())
            other += it->second;
    if (other > 0)
        report.notes.push_back(fmt::format(
            "{} rows have a status that is none of aktif, tidak aktif, meninggal, pindah, sangat miskin, miskin, "
            "hampir miskin, rentan miskin or tidak miskin: counted as dtsen_status_lainnya (their values are not "
            "shown)",
            other));
    return values;
}

} // namespace

RecordImportReport importRecords(Dataset& ds, const std::string& path, const RecordImportOptions& options)
{
    if (options.period.empty())
        throw Error("give the period of the extract (e.g. 2025-S1)", {"period"});
    RecordImportReport report;
    report.path = path;
    report.source = options.source.empty() ? std::filesystem::path(path).filename().string() : options.source;
    const RawTable table = readRawTable(path, options.sheet);
    report.encoding = table.encoding;
    const RecordColumns cols = detail::recordColumns(table, path, options);
    report.headerRow = table.rowNumbers[cols.header];

    std::vector<std::size_t> dataRows;
    for (std::size_t r = cols.header + 1; r < table.rows.size(); ++r)
        if (!isBlankRow(table.rows[r]) && !isTotalRow(table.rows[r]))
            dataRows.push_back(r);
    report.rows = dataRows.size();
    report.unit = decideUnit(table, dataRows, cols.household, options.unit);

    std::vector<std::string> codes;
    for (std::size_t r : dataRows)
        codes.push_back(detail::cellAt(table.rows[r], cols.join.code));
    const std::string label = std::filesystem::path(path).filename().string();
    const RowJoiner joiner(ds, cols.join, codes, label, options.fuzzy);
    report.joinedBy = joiner.schemeNote();

    const std::map<std::string, Counts> perPekon = countPerPekon(table, dataRows, cols, joiner, report);
    report.pekon = perPekon.size();
    detail::CommitRequest request;
    request.inputPath = path;
    request.reportPath = options.reportPath;
    request.projectLocation = options.projectLocation;
    request.fileLabel = label;
    request.replace = options.replace;
    request.values = recordValues(perPekon, cols, options, report);
    detail::commitImport(ds, report, std::move(request));
    return report;
}

} // namespace gis
