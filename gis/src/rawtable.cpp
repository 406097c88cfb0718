// The raw-table module: CSV/XLSX cells as text, encodings, header rows, Indonesian numbers
// (declared in gis/tableimport.h and detail/rawtable.h), shared by the table, record and facility imports.
#include "detail/rawtable.h"

#include "detail/ogrhandles.h"
#include "gis/error.h"
#include "gis/tableimport.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

namespace gis {

namespace {

/// Layer or sheet names quoted and joined, for a message.
std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
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
        cell = trimmed(cell);
    return out;
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
    // Records, not lines: a line break inside a quoted cell (RFC 4180, Alt+Enter in Excel) belongs
    // to the cell. A quote toggles the state; a doubled quote toggles it twice.
    std::vector<std::string> lines;
    {
        std::string record;
        bool quoted = false;
        for (char c : text) {
            if (c == '"')
                quoted = !quoted;
            if (c == '\n' && !quoted) {
                if (!record.empty() && record.back() == '\r')
                    record.pop_back();
                lines.push_back(std::move(record));
                record.clear();
                continue;
            }
            record += c;
        }
        if (!record.empty()) {
            if (record.back() == '\r')
                record.pop_back();
            lines.push_back(std::move(record));
        }
    }
    // Separator: the one giving the most lines with the modal (largest) field count.
    std::size_t bestScore = 0;
    t.separator = ',';
    for (char sep : {',', ';', '\t'}) {
        std::map<std::size_t, std::size_t> counts;
        for (const std::string& l : lines)
            if (!trimmed(l).empty())
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

/// Sets GDAL configuration options for this thread while it lives (GDAL 3.6's XLSX driver takes
/// no open options, only OGR_XLSX_HEADERS and OGR_XLSX_FIELD_TYPES), then restores them.
class ThreadConfigOption {
public:
    ThreadConfigOption(const char* key, const char* value) : mKey(key)
    {
        if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) {
            mOld = old;
            mHadOld = true;
        }
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ThreadConfigOption() { CPLSetThreadLocalConfigOption(mKey, mHadOld ? mOld.c_str() : nullptr); }
    ThreadConfigOption(const ThreadConfigOption&) = delete;
    ThreadConfigOption& operator=(const ThreadConfigOption&) = delete;

private:
    const char* mKey;
    std::string mOld;
    bool mHadOld = false;
};

/// References of the formula cells (<c r="C3"><f>...</f></c>) without a cached value (<v>) in
/// worksheet \a index (0-based, workbook order) of the XLSX \a path. GDAL reads them as empty.
std::vector<std::string> formulasWithoutValue(const std::string& path, int index)
{
    const std::string member = "/vsizip/" + path + "/xl/worksheets/sheet" + std::to_string(index + 1) + ".xml";
    VSIStatBufL st{};
    constexpr vsi_l_offset kLargestScanned = 256u << 20; // a larger sheet is left to GDAL's own limits
    if (VSIStatL(member.c_str(), &st) != 0 || static_cast<vsi_l_offset>(st.st_size) > kLargestScanned)
        return {};
    VSILFILE* fp = VSIFOpenL(member.c_str(), "rb");
    if (!fp)
        return {};
    std::string xml(static_cast<std::size_t>(st.st_size), '\0');
    xml.resize(VSIFReadL(xml.data(), 1, xml.size(), fp));
    VSIFCloseL(fp);
    std::vector<std::string> refs;
    for (std::size_t at = xml.find("<c "); at != std::string::npos; at = xml.find("<c ", at + 1)) {
        const std::size_t tagEnd = xml.find('>', at);
        if (tagEnd == std::string::npos)
            break;
        if (xml[tagEnd - 1] == '/')
            continue; // <c .../>: an empty cell
        const std::size_t close = xml.find("</c>", tagEnd);
        if (close == std::string::npos)
            break;
        const std::string_view body(xml.data() + tagEnd + 1, close - tagEnd - 1);
        const bool formula = body.find("<f>") != std::string_view::npos || body.find("<f ") != std::string_view::npos;
        const bool value = body.find("<v>") != std::string_view::npos || body.find("<is>") != std::string_view::npos;
        if (formula && !value) {
            const std::string_view tag(xml.data() + at, tagEnd - at);
            const std::size_t r = tag.find(" r=\"");
            refs.emplace_back(r == std::string_view::npos ? "?" : tag.substr(r + 4, tag.find('"', r + 4) - r - 4));
        }
    }
    return refs;
}

/// The sheet of a spreadsheet opened as OGR layers: the named one, else the first.
OGRLayer& spreadsheetLayer(GDALDataset& ds, const std::string& path, const std::string& sheet)
{
    OGRLayer* layer = sheet.empty() ? ds.GetLayer(0) : ds.GetLayerByName(sheet.c_str());
    if (!layer) {
        std::vector<std::string> names;
        for (int i = 0; i < ds.GetLayerCount(); ++i)
            names.emplace_back(ds.GetLayer(i)->GetName());
        throw DataSourceError(path, fmt::format("it has no sheet '{}'; its sheets are {}", sheet, joinNames(names)),
                              {"layer"});
    }
    return *layer;
}

/// Every row of a sheet read with HEADERS=DISABLE (XLSX and ODS), as trimmed text, with its
/// sheet row number: the drivers number features by sheet row (1-based).
void readSpreadsheetRows(OGRLayer& layer, RawTable& t)
{
    long next = 1;
    for (auto& feature : layer) {
        std::vector<std::string> row;
        for (int i = 0; i < feature->GetFieldCount(); ++i)
            row.push_back(feature->IsFieldSetAndNotNull(i) ? trimmed(feature->GetFieldAsString(i)) : std::string{});
        long number = static_cast<long>(feature->GetFID());
        if (number < next)
            number = next;
        next = number + 1;
        t.rows.push_back(std::move(row));
        t.rowNumbers.push_back(number);
    }
}

/// Refuses a spreadsheet (a zip) whose parts unpack to more than a table can sensibly hold: a
/// zip bomb (a few MB unpacking to GBs) would otherwise be inflated in memory by the driver.
void checkUnpackedSize(const std::string& path)
{
    constexpr vsi_l_offset kLargestUnpacked = 512ull << 20;
    const std::string root = "/vsizip/" + path;
    detail::GdalErrorCollector quiet; // not a zip: the driver's own open says so
    char** members = VSIReadDirRecursive(root.c_str());
    vsi_l_offset total = 0;
    for (char** m = members; m && *m; ++m) {
        VSIStatBufL st{};
        if (VSIStatL((root + "/" + *m).c_str(), &st) == 0 && !VSI_ISDIR(st.st_mode))
            total += static_cast<vsi_l_offset>(st.st_size);
    }
    CSLDestroy(members);
    if (total > kLargestUnpacked)
        throw DataSourceError(path, fmt::format("its parts unpack to {} MB, more than the {} MB a table may have "
                                                "(a damaged or hostile file?); save the sheet as .csv, or split it",
                                                total >> 20, kLargestUnpacked >> 20));
}

RawTable readXlsx(const std::string& path, const std::string& sheet)
{
    detail::ensureGdalRegistered();
    checkUnpackedSize(path);
    detail::GdalErrorCollector errors;
    // Every row a data row and every cell text: the header row is found by findHeaderRow, and
    // codes such as 1806012001 keep their digits. Kept for the whole read: the driver loads a
    // sheet when its layer is first read.
    const ThreadConfigOption headers("OGR_XLSX_HEADERS", "DISABLE");
    const ThreadConfigOption types("OGR_XLSX_FIELD_TYPES", "STRING");
    const char* const drivers[] = {"XLSX", nullptr};
    const char* const openOptions[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, openOptions, nullptr));
    if (!ds)
        throw DataSourceError(path,
                              "GDAL's XLSX driver cannot open it (" + errors.takeFailures()
                                  + "); save it again from the spreadsheet program as .xlsx or .csv");
    OGRLayer* layer = &spreadsheetLayer(*ds, path, sheet);
    RawTable t;
    t.path = path;
    t.encoding = "XLSX";
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        if (ds->GetLayer(i) == layer)
            t.formulasWithoutValue = formulasWithoutValue(path, i);
    readSpreadsheetRows(*layer, t);
    return t;
}

/// The layer of \a ds to read as a table: the one named, else the only layer, else the only
/// layer without geometry (a GeoPackage's attribute table beside its map layers).
OGRLayer* tableLayer(GDALDataset& ds, const std::string& path, const std::string& name)
{
    std::vector<std::string> names;
    std::vector<OGRLayer*> withoutGeometry;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        OGRLayer* layer = ds.GetLayer(i);
        names.emplace_back(layer->GetName());
        if (layer->GetGeomType() == wkbNone)
            withoutGeometry.push_back(layer);
    }
    if (names.empty())
        throw DataSourceError(path, "it holds no layer");
    if (!name.empty()) {
        if (OGRLayer* layer = ds.GetLayerByName(name.c_str()))
            return layer;
        throw DataSourceError(path, fmt::format("it has no layer '{}'; its layers are {}", name, joinNames(names)),
                              {"layer"});
    }
    if (names.size() == 1)
        return ds.GetLayer(0);
    if (withoutGeometry.size() == 1)
        return withoutGeometry.front();
    throw DataSourceError(path,
                          fmt::format("it has {} layers ({}); name the one that holds the table", names.size(),
                                      joinNames(names)),
                          {"layer"});
}

/// A number field's value as text that parseNumber reads in NumberStyle::English: '.' decimals
/// and no thousands separator, the shortest text giving the same double.
std::string numberText(const OGRFeature& feature, int field, OGRFieldType type)
{
    if (type == OFTInteger || type == OFTInteger64)
        return std::to_string(feature.GetFieldAsInteger64(field));
    return fmt::format("{}", feature.GetFieldAsDouble(field));
}

/// Any other OGR source (GeoPackage, Shapefile/DBF, GeoJSON, ...): the field names as the first
/// row, then one row per feature, numbered as in the layer saved as CSV (header row 1).
RawTable readOgrTable(const std::string& path, const std::string& layerName)
{
    detail::ensureGdalRegistered();
    detail::GdalErrorCollector errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr,
                                              nullptr));
    if (!ds) {
        const std::string why = errors.takeFailures();
        throw DataSourceError(path, "GDAL cannot read it as a table or map layer" + (why.empty() ? "" : " (" + why + ")")
                                        + "; save it as CSV, XLSX, ODS, GeoPackage, Shapefile or GeoJSON");
    }
    OGRLayer* layer = tableLayer(*ds, path, layerName);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    RawTable t;
    t.path = path;
    t.encoding = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "OGR";
    t.layer = layer->GetName();
    std::vector<std::string> header;
    std::vector<OGRFieldType> types;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        header.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        types.push_back(defn->GetFieldDefn(i)->GetType());
        const bool number = types.back() == OFTInteger || types.back() == OFTInteger64 || types.back() == OFTReal;
        t.typedNumberColumns.push_back(number);
    }
    t.rows.push_back(std::move(header));
    t.rowNumbers.push_back(1);
    long next = 2;
    layer->ResetReading();
    for (auto& feature : *layer) {
        std::vector<std::string> row;
        for (int i = 0; i < feature->GetFieldCount(); ++i) {
            if (!feature->IsFieldSetAndNotNull(i))
                row.emplace_back();
            else if (t.typedNumberColumns[static_cast<std::size_t>(i)])
                row.push_back(numberText(*feature, i, types[static_cast<std::size_t>(i)]));
            else
                row.push_back(trimmed(feature->GetFieldAsString(i)));
        }
        t.rows.push_back(std::move(row));
        t.rowNumbers.push_back(next++);
    }
    if (errors.failureCount() > 0)
        throw DataSourceError(path, "reading layer '" + t.layer + "' failed (" + errors.takeFailures() + ")");
    return t;
}

/// An ODS sheet, read as XLSX is: every row a data row, every cell text.
RawTable readOds(const std::string& path, const std::string& sheet)
{
    detail::ensureGdalRegistered();
    checkUnpackedSize(path);
    detail::GdalErrorCollector errors;
    const ThreadConfigOption headers("OGR_ODS_HEADERS", "DISABLE");
    const ThreadConfigOption types("OGR_ODS_FIELD_TYPES", "STRING");
    const char* const drivers[] = {"ODS", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds)
        throw DataSourceError(path, "GDAL's ODS driver cannot open it (" + errors.takeFailures()
                                        + "); save it again from the spreadsheet program as .ods, .xlsx or .csv");
    OGRLayer* layer = &spreadsheetLayer(*ds, path, sheet);
    RawTable t;
    t.path = path;
    t.encoding = "ODS";
    t.layer = layer->GetName();
    readSpreadsheetRows(*layer, t);
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
        if (frac.empty() || !std::all_of(frac.begin(), frac.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            }))
            return false;
    }
    if (whole.empty())
        return false;
    if (whole.find('.') == std::string::npos)
        return std::all_of(whole.begin(), whole.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    std::size_t groupStart = 0;
    bool first = true;
    while (true) {
        const std::size_t dot = whole.find('.', groupStart);
        const std::string group =
            whole.substr(groupStart, dot == std::string::npos ? std::string::npos : dot - groupStart);
        if (group.empty() || !std::all_of(group.begin(), group.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c));
            }))
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

bool hasSeparator(const std::string& s)
{
    return s.find_first_of(".,") != std::string::npos;
}

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
    const std::string ext = asciiLower(std::filesystem::path(path).extension().string());
    if (ext == ".xlsx" || ext == ".xlsm")
        return readXlsx(path, sheet);
    if (ext == ".xls")
        throw DataSourceError(path, "old Excel .xls files are not read; save it as .xlsx or .csv");
    if (ext == ".ods")
        return readOds(path, sheet);
    if (ext == ".csv" || ext == ".txt" || ext == ".tsv" || ext.empty())
        return readCsv(path);
    detail::ensureGdalRegistered();
    {
        detail::GdalErrorCollector quiet;
        // a file no GDAL vector driver recognises is read as text, as before (a CSV named .dat)
        if (!GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr))
            return readCsv(path);
    }
    return readOgrTable(path, sheet);
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
    return std::all_of(row.begin(), row.end(), [](const std::string& c) { return trimmed(c).empty(); });
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

namespace detail {

std::string cellAt(const std::vector<std::string>& row, int column)
{
    return column >= 0 && static_cast<std::size_t>(column) < row.size() ? row[static_cast<std::size_t>(column)]
                                                                        : std::string{};
}

int rowOfNumber(const RawTable& table, long rowNumber)
{
    for (std::size_t i = 0; i < table.rowNumbers.size(); ++i)
        if (table.rowNumbers[i] == rowNumber)
            return static_cast<int>(i);
    return -1;
}

} // namespace detail

} // namespace gis
