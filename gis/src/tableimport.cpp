#include "gis/tableimport.h"

#include "detail/ogrhandles.h"
#include "gis/codes.h"
#include "gis/error.h"

#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace gis {

namespace {

std::string trim(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> splitCsv(const std::string& line, char sep)
{
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == sep && !quoted) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    for (std::string& cell : out)
        cell = trim(cell);
    return out;
}

std::string csvQuote(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

RawTable readCsv(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataSourceError(path, "the file cannot be opened; check the name and the folder");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    RawTable t;
    t.path = path;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.erase(0, 3);
    if (isValidUtf8(text)) {
        t.encoding = "UTF-8";
    } else {
        t.encoding = "Windows-1252";
        text = cp1252ToUtf8(text);
    }
    std::vector<std::string> lines;
    std::string line;
    std::istringstream stream(text);
    while (std::getline(stream, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    // Separator: the one giving the most lines with the modal (largest) field count.
    std::size_t bestScore = 0;
    t.separator = ',';
    for (char sep : {',', ';', '\t'}) {
        std::map<std::size_t, std::size_t> counts;
        for (const std::string& l : lines)
            if (!trim(l).empty())
                counts[splitCsv(l, sep).size()]++;
        std::size_t score = 0;
        for (const auto& [fields, n] : counts)
            if (fields > 1)
                score = std::max(score, n * fields);
        if (score > bestScore) {
            bestScore = score;
            t.separator = sep;
        }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        t.rows.push_back(splitCsv(lines[i], t.separator));
        t.rowNumbers.push_back(static_cast<long>(i + 1));
    }
    return t;
}

RawTable readXlsx(const std::string& path, const std::string& sheet)
{
    detail::ensureGdalRegistered();
    detail::GdalErrorCollector errors;
    const char* const drivers[] = {"XLSX", nullptr};
    const char* const openOptions[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                              openOptions, nullptr));
    if (!ds)
        throw DataSourceError(path, "GDAL's XLSX driver cannot open it (" + errors.takeFailures() +
                                        "); save it again from the spreadsheet program as .xlsx or .csv");
    OGRLayer* layer = sheet.empty() ? ds->GetLayer(0) : ds->GetLayerByName(sheet.c_str());
    if (!layer)
        throw DataSourceError(path, "it has no sheet '" + sheet + "'");
    RawTable t;
    t.path = path;
    t.encoding = "XLSX";
    long next = 1;
    for (auto& feature : *layer) {
        std::vector<std::string> row;
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            row.push_back(feature->IsFieldSetAndNotNull(i) ? trim(feature->GetFieldAsString(i)) : std::string{});
        // The driver numbers features by sheet row (1-based) when HEADERS=DISABLE.
        long number = static_cast<long>(feature->GetFID());
        if (number < next)
            number = next;
        next = number + 1;
        t.rows.push_back(std::move(row));
        t.rowNumbers.push_back(number);
    }
    return t;
}

bool fitsIndonesian(const std::string& s)
{
    // -?d{1,3}(.ddd)+(,d+)?  or  -?d+,d+  or  -?d+
    std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
    const std::size_t comma = s.find(',');
    const std::string whole = s.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
    if (comma != std::string::npos) {
        const std::string frac = s.substr(comma + 1);
        if (frac.empty() || !std::all_of(frac.begin(), frac.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return false;
    }
    if (whole.empty())
        return false;
    if (whole.find('.') == std::string::npos)
        return std::all_of(whole.begin(), whole.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    std::size_t groupStart = 0;
    bool first = true;
    while (true) {
        const std::size_t dot = whole.find('.', groupStart);
        const std::string group = whole.substr(groupStart, dot == std::string::npos ? std::string::npos : dot - groupStart);
        if (group.empty() || !std::all_of(group.begin(), group.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return false;
        if (first ? group.size() > 3 : group.size() != 3)
            return false;
        first = false;
        if (dot == std::string::npos)
            break;
        groupStart = dot + 1;
    }
    return true;
}

std::string swapSeparators(const std::string& s)
{
    std::string out = s;
    for (char& c : out) {
        if (c == '.')
            c = ',';
        else if (c == ',')
            c = '.';
    }
    return out;
}

bool hasSeparator(const std::string& s) { return s.find_first_of(".,") != std::string::npos; }

std::string cleanNumberText(std::string_view cell)
{
    std::string s;
    for (char c : cell)
        if (c != ' ' && c != '\xA0')
            s += c;
    return s;
}

} // namespace

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        if (c < 0x80)
            extra = 0;
        else if ((c & 0xE0) == 0xC0 && c >= 0xC2)
            extra = 1;
        else if ((c & 0xF0) == 0xE0)
            extra = 2;
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (i + extra >= text.size())
            return false;
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                return false;
        i += extra + 1;
    }
    return true;
}

std::string cp1252ToUtf8(std::string_view text)
{
    static const char16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        unsigned cp = c;
        if (c >= 0x80 && c < 0xA0)
            cp = high[c - 0x80];
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

RawTable readRawTable(const std::string& path, const std::string& sheet)
{
    if (!std::filesystem::exists(path))
        throw DataSourceError(path, "the file does not exist; check the name and the folder");
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".xlsx" || ext == ".xlsm")
        return readXlsx(path, sheet);
    if (ext == ".xls")
        throw DataSourceError(path, "old Excel .xls files are not read; save it as .xlsx or .csv");
    return readCsv(path);
}

std::string headerKey(std::string_view text)
{
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80)
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    return out;
}

int columnIndex(const std::vector<std::string>& header, const std::string& name)
{
    const std::string key = headerKey(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (headerKey(header[i]) == key)
            return static_cast<int>(i);
    return -1;
}

int findColumn(const std::vector<std::string>& header, const std::vector<std::string>& names)
{
    for (const std::string& n : names) {
        const int i = columnIndex(header, n);
        if (i >= 0)
            return i;
    }
    return -1;
}

int findHeaderRow(const RawTable& table, const std::vector<std::string>& required)
{
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        bool all = true;
        for (const std::string& name : required)
            if (columnIndex(table.rows[r], name) < 0)
                all = false;
        if (all)
            return static_cast<int>(r);
    }
    return -1;
}

bool isBlankRow(const std::vector<std::string>& row)
{
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim(c).empty(); });
}

bool isTotalRow(const std::vector<std::string>& row)
{
    for (const std::string& cell : row) {
        const std::string k = headerKey(cell);
        if (k == "jumlah" || k == "total" || k == "jml" || k.rfind("jumlah_", 0) == 0 || k.rfind("total_", 0) == 0
            || k == "grand_total")
            return true;
    }
    return false;
}

NumberColumn decideNumberStyle(const std::vector<std::string>& cells)
{
    NumberColumn result;
    std::size_t withSep = 0, idFits = 0, enFits = 0;
    for (const std::string& raw : cells) {
        const std::string s = cleanNumberText(raw);
        if (s.empty() || !hasSeparator(s))
            continue;
        ++withSep;
        if (fitsIndonesian(s))
            ++idFits;
        if (fitsIndonesian(swapSeparators(s)))
            ++enFits;
    }
    if (withSep == 0) {
        result.explanation = "whole numbers";
        return result;
    }
    if (idFits == withSep && enFits == withSep) {
        result.style = NumberStyle::Indonesian;
        result.ambiguous = true;
        result.explanation = "AMBIGUOUS: every value fits both '.' as thousands and '.' as decimals; read the "
                             "Indonesian way ('.' thousands, ',' decimals) - check the column";
    } else if (idFits >= enFits) {
        result.style = NumberStyle::Indonesian;
        result.explanation = "Indonesian ('.' thousands, ',' decimals)";
    } else {
        result.style = NumberStyle::English;
        result.explanation = "English (',' thousands, '.' decimals)";
    }
    return result;
}

std::optional<double> parseNumber(std::string_view cell, NumberStyle style)
{
    std::string s = cleanNumberText(cell);
    if (s.empty())
        return std::nullopt;
    if (style == NumberStyle::English)
        s = swapSeparators(s);
    if (!fitsIndonesian(s))
        return std::nullopt;
    std::string plain;
    for (char c : s) {
        if (c == '.')
            continue;
        plain += c == ',' ? '.' : c;
    }
    try {
        std::size_t used = 0;
        const double v = std::stod(plain, &used);
        if (used != plain.size())
            return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

RowJoiner::RowJoiner(const Dataset& ds, JoinColumns columns, const std::vector<std::string>& codes,
                     const std::string& fileLabel, bool allowFuzzy)
    : mDs(ds), mColumns(columns), mNames(ds, allowFuzzy)
{
    if (mColumns.code < 0) {
        mSchemeNote = "name within kecamatan";
        return;
    }
    std::vector<std::string> regencies;
    for (const Area* a : ds.areasOfKind("kabupaten"))
        regencies.push_back(a->code);
    std::vector<std::string> present;
    for (const std::string& c : codes)
        if (!trim(c).empty() && parseAreaCode(c).valid())
            present.push_back(c);
    const CodeSchemeGuess guess = detectCodeScheme(present, regencies);
    if (guess.scheme == CodeScheme::Bps) {
        if (ds.bpsCodes.empty())
            throw Error("'" + fileLabel + "' is coded with BPS codes (" + guess.explanation +
                        "); BPS codes differ from the Kemendagri codes of the project and need a code "
                        "crosswalk: import boundaries that carry both (BIG's KDEPUM and KDEBPS), or join by "
                        "name with --name-field and --kecamatan-field");
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
    auto cell = [&](int i) { return i >= 0 && static_cast<std::size_t>(i) < row.size() ? row[static_cast<std::size_t>(i)] : std::string{}; };
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
    const NameMatch n = mNames.match(m.nameInFile, m.kecamatanInFile);
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

void writeMatchReport(const std::vector<RowMatch>& matches, const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw OutputError("cannot write the match report '" + path + "'; check that the folder exists and is writable");
    out << "row,status,how,code_in_file,name_in_file,kecamatan_in_file,matched_code,matched_name,candidates,note\n";
    for (const RowMatch& m : matches)
        out << m.row << ',' << matchKindName(m.kind) << ',' << csvQuote(m.how) << ',' << csvQuote(m.codeInFile) << ','
            << csvQuote(m.nameInFile) << ',' << csvQuote(m.kecamatanInFile) << ',' << csvQuote(m.code) << ','
            << csvQuote(m.matchedName) << ',' << csvQuote(m.candidates) << ',' << csvQuote(m.note) << '\n';
    if (!out)
        throw OutputError("writing the match report '" + path + "' failed");
}

std::string defaultReportPath(const std::string& input)
{
    std::filesystem::path p(input);
    p.replace_extension();
    return p.string() + ".match.csv";
}

std::size_t addFuzzyAliases(Dataset& ds, const std::vector<RowMatch>& matches, const std::string& fileLabel)
{
    std::size_t added = 0;
    for (const RowMatch& m : matches) {
        if (m.kind != MatchKind::Fuzzy)
            continue;
        const bool known = std::any_of(ds.aliases.begin(), ds.aliases.end(), [&](const AreaAlias& a) {
            return a.areaCode == m.code && normaliseAreaName(a.name) == normaliseAreaName(m.nameInFile);
        });
        if (known)
            continue;
        ds.aliases.push_back({m.code, m.nameInFile, "fuzzy match " + fileLabel});
        ++added;
    }
    return added;
}

StoreResult storeValues(Dataset& ds, std::vector<IndicatorValue> values, bool replace)
{
    StoreResult r;
    std::set<std::tuple<std::string, std::string, std::string>> incoming;
    for (const IndicatorValue& v : values)
        incoming.insert({v.areaCode, v.key, v.period});
    std::map<std::string, std::size_t> conflictsBySource;
    std::set<std::string> periods;
    for (const IndicatorValue& v : ds.indicators) {
        if (incoming.count({v.areaCode, v.key, v.period})) {
            conflictsBySource[v.source.empty() ? "(no source)" : v.source]++;
            periods.insert(v.period);
        }
    }
    if (!conflictsBySource.empty()) {
        std::string sources;
        std::size_t total = 0;
        for (const auto& [source, n] : conflictsBySource) {
            sources += fmt::format("{}{} from '{}'", sources.empty() ? "" : ", ", n, source);
            total += n;
        }
        std::string periodList;
        for (const std::string& p : periods)
            periodList += (periodList.empty() ? "" : ", ") + p;
        if (!replace) {
            r.message = fmt::format("the project already holds {} of these values for period {} ({}); nothing was "
                                    "written. Give --replace to replace them, or another --period",
                                    total, periodList, sources);
            return r;
        }
        r.replaced = total;
        r.message = fmt::format("replacing {} existing values of period {} ({})", total, periodList, sources);
        ds.indicators.erase(std::remove_if(ds.indicators.begin(), ds.indicators.end(),
                                           [&](const IndicatorValue& v) {
                                               return incoming.count({v.areaCode, v.key, v.period}) > 0;
                                           }),
                            ds.indicators.end());
    }
    for (IndicatorValue& v : values)
        ds.indicators.push_back(std::move(v));
    r.stored = true;
    return r;
}

std::string isoNowUtc()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string TableImportReport::text() const
{
    std::string t;
    t += fmt::format("file:        {} ({}{})\n", path, encoding,
                     separator ? fmt::format(", separator '{}'", separator == '\t' ? std::string("tab") : std::string(1, separator)) : std::string{});
    t += fmt::format("header:      row {}\n", headerRow);
    t += fmt::format("joined by:   {}\n", joinedBy);
    for (const std::string& n : numberNotes)
        t += "numbers:     " + n + "\n";
    if (!totalRows.empty()) {
        std::string rows;
        for (long r : totalRows)
            rows += (rows.empty() ? "" : ", ") + std::to_string(r);
        t += "skipped:     total row(s) " + rows + " (not a pekon)\n";
    }
    if (!blankRows.empty())
        t += fmt::format("skipped:     {} blank row(s)\n", blankRows.size());
    t += "matched:     " + summarise(matches).text() + "\n";
    for (const RowMatch& m : matches) {
        if (m.kind == MatchKind::Fuzzy)
            t += fmt::format("  fuzzy      row {}: '{}' -> {} {} ({})\n", m.row, m.nameInFile, m.code, m.matchedName, m.how);
        else if (m.kind == MatchKind::Ambiguous)
            t += fmt::format("  ambiguous  row {}: '{}' ({}) could be: {}\n", m.row, m.nameInFile, m.kecamatanInFile, m.candidates);
        else if (m.kind == MatchKind::Unmatched)
            t += fmt::format("  unmatched  row {}: '{}{}'{}\n", m.row, m.codeInFile,
                             m.codeInFile.empty() || m.nameInFile.empty() ? m.nameInFile : " " + m.nameInFile,
                             m.note.empty() ? "" : " (" + m.note + ")");
    }
    for (const RowProblem& p : problems)
        t += fmt::format("  problem    row {}: {}\n", p.row, p.message);
    for (const std::string& n : notes)
        t += "note:        " + n + "\n";
    if (!reportPath.empty())
        t += "report:      " + reportPath + "\n";
    if (written)
        t += fmt::format("imported:    {} values (source '{}')\n", valuesWritten, source);
    else
        t += "NOT IMPORTED: " + stopReason + "\n";
    return t;
}

TableImportReport importTable(Dataset& ds, const std::string& path, const TableImportOptions& options)
{
    if (options.period.empty())
        throw Error("give the period of the values with --period (e.g. 2019)");
    if (options.indicators.empty())
        throw Error("give at least one --indicator KEY=COLUMN");
    TableImportReport report;
    report.path = path;
    report.source = options.source.empty() ? std::filesystem::path(path).filename().string() : options.source;
    const RawTable table = readRawTable(path, options.sheet);
    report.encoding = table.encoding;
    report.separator = table.separator;

    std::vector<std::string> required;
    for (const auto& [key, column] : options.indicators)
        required.push_back(column);
    for (const std::string* f : {&options.codeField, &options.nameField, &options.kecamatanField})
        if (!f->empty())
            required.push_back(*f);
    int header = -1;
    if (options.headerRow > 0) {
        header = options.headerRow - 1;
        for (std::size_t i = 0; i < table.rowNumbers.size(); ++i)
            if (table.rowNumbers[i] == options.headerRow)
                header = static_cast<int>(i);
        if (static_cast<std::size_t>(header) >= table.rows.size())
            throw DataSourceError(path, fmt::format("it has no row {} (--header-row)", options.headerRow));
        for (const std::string& name : required)
            if (columnIndex(table.rows[static_cast<std::size_t>(header)], name) < 0)
                throw DataSourceError(path, fmt::format("row {} (--header-row) has no column '{}'", options.headerRow, name));
    } else {
        header = findHeaderRow(table, required);
        if (header < 0) {
            std::string names;
            for (const std::string& n : required)
                names += (names.empty() ? "'" : ", '") + n + "'";
            throw DataSourceError(path, "no row holds all the columns " + names +
                                            "; check the column names (case and spacing are ignored) or name the "
                                            "header row with --header-row");
        }
    }
    const auto& head = table.rows[static_cast<std::size_t>(header)];
    report.headerRow = table.rowNumbers[static_cast<std::size_t>(header)];

    JoinColumns cols;
    cols.code = options.codeField.empty() ? -1 : columnIndex(head, options.codeField);
    cols.name = options.nameField.empty() ? -1 : columnIndex(head, options.nameField);
    cols.kecamatan = options.kecamatanField.empty() ? -1 : columnIndex(head, options.kecamatanField);
    if (options.codeField.empty() && options.nameField.empty()) {
        cols.code = findColumn(head, {"kode", "kode_desa", "kode_pekon", "kd_desa", "kode_wilayah", "kode_kemendagri",
                                      "kode_kelurahan", "kode_desa_kelurahan", "code", "kdepum"});
        cols.name = findColumn(head, {"nama_pekon", "nama_desa", "nama_kelurahan", "pekon", "desa", "kelurahan",
                                      "desa_kelurahan", "pekon_kelurahan", "nama", "name", "wadmkd", "namobj"});
    }
    if (options.kecamatanField.empty())
        cols.kecamatan = findColumn(head, {"kecamatan", "nama_kecamatan", "kec", "nama_kec", "wadmkc"});
    if (cols.code < 0 && cols.name < 0)
        throw DataSourceError(path, "no code or name column was found in the header (row " +
                                        std::to_string(report.headerRow) +
                                        "); name one with --code-field or --name-field and --kecamatan-field");

    // Data rows: below the header, without blank and total rows.
    std::vector<std::size_t> dataRows;
    for (std::size_t r = static_cast<std::size_t>(header) + 1; r < table.rows.size(); ++r) {
        if (isBlankRow(table.rows[r]))
            report.blankRows.push_back(table.rowNumbers[r]);
        else if (isTotalRow(table.rows[r]))
            report.totalRows.push_back(table.rowNumbers[r]);
        else
            dataRows.push_back(r);
    }
    auto cell = [&](std::size_t r, int c) {
        const auto& row = table.rows[r];
        return c >= 0 && static_cast<std::size_t>(c) < row.size() ? row[static_cast<std::size_t>(c)] : std::string{};
    };
    std::vector<std::string> codes;
    for (std::size_t r : dataRows)
        codes.push_back(cell(r, cols.code));
    const std::string label = std::filesystem::path(path).filename().string();
    const RowJoiner joiner(ds, cols, codes, label, options.fuzzy);
    report.joinedBy = joiner.schemeNote();

    // Numbers per indicator column.
    struct IndicatorColumn {
        std::string key, name;
        int index;
        NumberColumn style;
    };
    std::vector<IndicatorColumn> indicatorColumns;
    for (const auto& [key, column] : options.indicators) {
        const int index = columnIndex(head, column);
        std::vector<std::string> cells;
        for (std::size_t r : dataRows)
            cells.push_back(cell(r, index));
        NumberColumn style = decideNumberStyle(cells);
        report.numberNotes.push_back(fmt::format("{} ('{}'): {}", key, column, style.explanation));
        indicatorColumns.push_back({key, column, index, style});
    }

    // Join and validate.
    std::vector<IndicatorValue> values;
    std::map<std::string, long> firstRowOfCode;
    std::map<std::string, std::vector<std::string>> cellsOfCode;
    const std::string importedAt = isoNowUtc();
    std::size_t invalidRows = 0, duplicateRows = 0;
    std::vector<RowProblem> duplicateProblems;
    for (std::size_t r : dataRows) {
        const long number = table.rowNumbers[r];
        RowMatch m = joiner.join(table.rows[r], number);
        report.matches.push_back(m);
        if (m.kind != MatchKind::Exact && m.kind != MatchKind::Fuzzy)
            continue;
        std::vector<std::string> rowCells;
        for (const IndicatorColumn& ic : indicatorColumns)
            rowCells.push_back(cell(r, ic.index));
        auto seen = firstRowOfCode.find(m.code);
        if (seen != firstRowOfCode.end()) {
            const bool identical = cellsOfCode[m.code] == rowCells;
            duplicateProblems.push_back({number, fmt::format("duplicate row for {} {} (first at row {}{})", m.code,
                                                             m.matchedName, seen->second,
                                                             identical ? ", identical values" : ", DIFFERENT values")});
            ++duplicateRows;
            continue;
        }
        firstRowOfCode[m.code] = number;
        cellsOfCode[m.code] = rowCells;
        std::vector<IndicatorValue> rowValues;
        std::vector<std::string> rowProblems;
        std::map<std::string, double> byKey;
        for (const IndicatorColumn& ic : indicatorColumns) {
            const std::string text = cell(r, ic.index);
            if (trim(text).empty() || trim(text) == "-")
                continue;
            const auto v = parseNumber(text, ic.style.style);
            if (!v) {
                rowProblems.push_back(fmt::format("'{}' in column '{}' is not a number", text, ic.name));
                continue;
            }
            if (*v < 0) {
                rowProblems.push_back(fmt::format("negative count {} in column '{}'", text, ic.name));
                continue;
            }
            byKey[ic.key] = *v;
            rowValues.push_back({m.code, ic.key, options.period, *v, report.source, importedAt});
        }
        if (byKey.count("miskin")) {
            double population = -1;
            if (byKey.count("penduduk")) {
                population = byKey["penduduk"];
            } else {
                for (const IndicatorValue& v : ds.indicators)
                    if (v.areaCode == m.code && v.key == "penduduk" && v.period == options.period)
                        population = v.value;
            }
            if (population >= 0 && byKey["miskin"] > population)
                rowProblems.push_back(fmt::format("miskin {} is above penduduk {}", byKey["miskin"], population));
        }
        for (const std::string& p : rowProblems)
            report.problems.push_back({number, p});
        if (!rowProblems.empty()) {
            ++invalidRows;
            continue;
        }
        for (IndicatorValue& v : rowValues)
            values.push_back(std::move(v));
    }
    for (const RowProblem& p : duplicateProblems)
        report.problems.push_back(p);
    std::sort(report.problems.begin(), report.problems.end(),
              [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });

    report.reportPath = options.reportPath.empty() ? defaultReportPath(path) : options.reportPath;
    writeMatchReport(report.matches, report.reportPath);

    if (invalidRows > 0 && !options.skipInvalid) {
        report.stopReason = fmt::format("{} row(s) with invalid values (listed above); fix the file, or give "
                                        "--skip-invalid to import the other rows", invalidRows);
        return report;
    }
    if (duplicateRows > 0 && !options.keepFirstDuplicate) {
        report.stopReason = fmt::format("{} duplicate row(s) for one pekon (listed above); fix the file, or give "
                                        "--keep-first-duplicate to keep the first row of each pekon", duplicateRows);
        return report;
    }
    if (invalidRows > 0)
        report.notes.push_back(fmt::format("{} row(s) with invalid values skipped (--skip-invalid)", invalidRows));
    if (duplicateRows > 0)
        report.notes.push_back(fmt::format("{} duplicate row(s) ignored, first row kept (--keep-first-duplicate)", duplicateRows));

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
        report.notes.push_back(fmt::format("{} fuzzy match(es) added to the alias table: the next import matches them "
                                           "exactly", aliases));
    ds = std::move(updated);
    report.valuesWritten = count;
    report.written = true;
    return report;
}

} // namespace gis
