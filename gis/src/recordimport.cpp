#include "gis/recordimport.h"

#include "gis/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace gis {

namespace {

const std::vector<std::string> kCodeNames{"kode_desa", "kode_pekon", "kd_desa", "kode_wilayah", "kode_kemendagri",
                                          "kode_kelurahan", "kode_desa_kelurahan", "kdepum"};
const std::vector<std::string> kPekonNames{"nama_pekon", "nama_desa", "nama_kelurahan", "pekon", "desa", "kelurahan",
                                           "desa_kelurahan", "pekon_kelurahan"};
const std::vector<std::string> kKecNames{"kecamatan", "nama_kecamatan", "kec", "nama_kec"};
const std::vector<std::string> kHouseholdNames{"no_kk", "nomor_kk", "nokk", "id_keluarga", "id_kk", "id_rumah_tangga",
                                               "idbdt", "id_art_kk", "kk"};
const std::vector<std::string> kStatusNames{"status", "status_dtsen", "status_dtks", "status_kesejahteraan"};
const std::vector<std::string> kDesilNames{"desil", "desil_nasional", "desil_kesejahteraan", "peringkat_desil"};
const std::vector<std::string> kMemberNames{"jumlah_art", "jml_art", "jumlah_anggota", "jumlah_anggota_keluarga"};

} // namespace

std::string RecordImportReport::text() const
{
    std::string t = fmt::format("file:        {} ({})\nheader:      row {}\nrows are:    {}\njoined by:   {}\n", path,
                                encoding, headerRow, unit == "household" ? "households" : "persons", joinedBy);
    t += fmt::format("rows:        {} read, {} counted in {} pekon\n", rows, rowsCounted, pekon);
    t += "matched:     " + summarise(matches).text() + " (distinct pekon as written)\n";
    for (const RowMatch& m : matches) {
        if (m.kind == MatchKind::Fuzzy)
            t += fmt::format("  fuzzy      '{}' -> {} {} ({}; {})\n", m.nameInFile, m.code, m.matchedName, m.how, m.note);
        else if (m.kind != MatchKind::Exact)
            t += fmt::format("  {:<10} '{}{}' ({}){}\n", matchKindName(m.kind), m.codeInFile, m.nameInFile, m.note,
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

RecordImportReport importRecords(Dataset& ds, const std::string& path, const RecordImportOptions& options)
{
    if (options.period.empty())
        throw Error("give the period of the extract with --period (e.g. 2025-S1)");
    RecordImportReport report;
    report.path = path;
    report.source = options.source.empty() ? std::filesystem::path(path).filename().string() : options.source;
    const RawTable table = readRawTable(path, options.sheet);
    report.encoding = table.encoding;

    auto pekonColumns = [&](const std::vector<std::string>& r) {
        JoinColumns c;
        c.code = options.codeField.empty() ? findColumn(r, kCodeNames) : columnIndex(r, options.codeField);
        c.name = options.nameField.empty() ? findColumn(r, kPekonNames) : columnIndex(r, options.nameField);
        c.kecamatan = options.kecamatanField.empty() ? findColumn(r, kKecNames) : columnIndex(r, options.kecamatanField);
        return c;
    };
    int header = -1;
    for (std::size_t i = 0; i < table.rows.size() && header < 0; ++i) {
        if (options.headerRow > 0 ? table.rowNumbers[i] == options.headerRow : true) {
            const JoinColumns c = pekonColumns(table.rows[i]);
            if (c.code >= 0 || c.name >= 0 || options.headerRow > 0)
                header = static_cast<int>(i);
        }
    }
    if (header < 0)
        throw DataSourceError(path, "no header row with a pekon code or name column was found; name it with "
                                    "--code-field or --name-field (and --kecamatan-field), or give --header-row");
    const auto& head = table.rows[static_cast<std::size_t>(header)];
    report.headerRow = table.rowNumbers[static_cast<std::size_t>(header)];
    JoinColumns join = pekonColumns(head);
    if (!options.codeField.empty() && join.code < 0)
        throw DataSourceError(path, "it has no column '" + options.codeField + "' (--code-field)");
    if (!options.nameField.empty() && join.name < 0)
        throw DataSourceError(path, "it has no column '" + options.nameField + "' (--name-field)");
    if (join.code < 0 && join.name < 0)
        throw DataSourceError(path, "the header has no pekon code or name column");
    auto named = [&](const std::string& given, const std::vector<std::string>& names, const char* option) {
        if (given.empty())
            return findColumn(head, names);
        const int i = columnIndex(head, given);
        if (i < 0)
            throw DataSourceError(path, fmt::format("it has no column '{}' ({})", given, option));
        return i;
    };
    const int hhCol = named(options.householdField, kHouseholdNames, "--household-field");
    const int statusCol = named(options.statusField, kStatusNames, "--status-field");
    const int desilCol = named(options.desilField, kDesilNames, "--desil-field");
    const int membersCol = findColumn(head, kMemberNames);

    std::vector<std::size_t> dataRows;
    for (std::size_t r = static_cast<std::size_t>(header) + 1; r < table.rows.size(); ++r)
        if (!isBlankRow(table.rows[r]) && !isTotalRow(table.rows[r]))
            dataRows.push_back(r);
    report.rows = dataRows.size();
    auto cell = [&](std::size_t r, int c) {
        const auto& row = table.rows[r];
        return c >= 0 && static_cast<std::size_t>(c) < row.size() ? row[static_cast<std::size_t>(c)] : std::string{};
    };

    // Unit: household rows when asked, or (auto) when every row has its own household id.
    std::string unit = options.unit;
    if (unit == "auto") {
        unit = "person";
        if (hhCol >= 0 && !dataRows.empty()) {
            std::set<std::string> ids;
            for (std::size_t r : dataRows)
                ids.insert(cell(r, hhCol));
            if (ids.size() == dataRows.size() && !ids.count(""))
                unit = "household";
        }
    } else if (unit != "person" && unit != "household") {
        throw Error("--unit must be person, household or auto");
    }
    report.unit = unit;

    std::vector<std::string> codes;
    for (std::size_t r : dataRows)
        codes.push_back(cell(r, join.code));
    const std::string label = std::filesystem::path(path).filename().string();
    const RowJoiner joiner(ds, join, codes, label, options.fuzzy);
    report.joinedBy = joiner.schemeNote();

    struct Counts {
        double persons = 0;
        double householdRows = 0;
        std::set<std::string> households;
        std::map<int, std::set<std::string>> desilHouseholds;
        std::map<int, double> desilRows;
        std::map<std::string, double> status;
    };
    std::map<std::string, Counts> perPekon;
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> matchIndex; // as written -> matches
    std::vector<std::size_t> rowsPerMatch;
    for (std::size_t r : dataRows) {
        const long number = table.rowNumbers[r];
        const auto key = std::make_tuple(cell(r, join.code), normaliseAreaName(cell(r, join.name)),
                                         normaliseAreaName(cell(r, join.kecamatan)));
        auto it = matchIndex.find(key);
        if (it == matchIndex.end()) {
            it = matchIndex.emplace(key, report.matches.size()).first;
            report.matches.push_back(joiner.join(table.rows[r], number));
            rowsPerMatch.push_back(0);
        }
        rowsPerMatch[it->second]++;
        const RowMatch& m = report.matches[it->second];
        if (m.kind != MatchKind::Exact && m.kind != MatchKind::Fuzzy)
            continue;
        Counts& c = perPekon[m.code];
        ++report.rowsCounted;
        const std::string hh = cell(r, hhCol);
        if (unit == "person") {
            c.persons += 1;
            if (!hh.empty())
                c.households.insert(hh);
        } else {
            c.householdRows += 1;
            if (membersCol >= 0) {
                const auto n = parseNumber(cell(r, membersCol), NumberStyle::Indonesian);
                if (n && *n >= 0)
                    c.persons += *n;
                else
                    report.problems.push_back({number, "member count is not a number"});
            }
        }
        if (desilCol >= 0) {
            const std::string d = cell(r, desilCol);
            const auto n = parseNumber(d, NumberStyle::Indonesian);
            if (d.empty()) {
                // no desil given: not counted in any desil
            } else if (!n || *n < 1 || *n > 10 || std::floor(*n) != *n) {
                report.problems.push_back({number, "desil '" + d + "' is not 1-10: not counted in any desil"});
            } else {
                const int desil = static_cast<int>(*n);
                if (unit == "person" && hhCol >= 0 && !hh.empty())
                    c.desilHouseholds[desil].insert(hh);
                else
                    c.desilRows[desil] += 1;
            }
        }
        if (statusCol >= 0) {
            const std::string s = headerKey(cell(r, statusCol));
            c.status[s.empty() ? "kosong" : s] += 1;
        }
    }
    for (std::size_t i = 0; i < report.matches.size(); ++i)
        report.matches[i].note += (report.matches[i].note.empty() ? "" : "; ") + std::to_string(rowsPerMatch[i]) + " rows";
    report.pekon = perPekon.size();

    std::vector<IndicatorValue> values;
    std::set<std::string> keys;
    const std::string importedAt = isoNowUtc();
    auto add = [&](const std::string& code, const std::string& key, double v) {
        values.push_back({code, key, options.period, v, report.source, importedAt});
        keys.insert(key);
    };
    for (const auto& [code, c] : perPekon) {
        if (unit == "person" || membersCol >= 0)
            add(code, "dtsen_jiwa", c.persons);
        if (unit == "household")
            add(code, "dtsen_kk", c.householdRows);
        else if (hhCol >= 0)
            add(code, "dtsen_kk", static_cast<double>(c.households.size()));
        if (desilCol >= 0) {
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

    report.reportPath = options.reportPath.empty() ? defaultReportPath(path) : options.reportPath;
    writeMatchReport(report.matches, report.reportPath);
    const std::size_t count = values.size();
    Dataset updated = ds;
    const StoreResult stored = storeValues(updated, std::move(values), options.replace);
    if (!stored.stored) {
        report.stopReason = stored.message;
        return report;
    }
    if (!stored.message.empty())
        report.notes.push_back(stored.message);
    const std::size_t aliases = addFuzzyAliases(updated, report.matches, label);
    if (aliases > 0)
        report.notes.push_back(fmt::format("{} fuzzy match(es) added to the alias table", aliases));
    ds = std::move(updated);
    report.valuesWritten = count;
    report.written = true;
    return report;
}

} // namespace gis
