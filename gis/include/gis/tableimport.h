#pragma once
/// \file tableimport.h
/// Importing indicator tables (CSV in UTF-8 or Windows-1252 with ',' or ';', and XLSX) into a
/// project: header row found below title rows, blank and total (JUMLAH/TOTAL) rows skipped,
/// Indonesian numbers (1.735 thousands, 12,48 decimals) decided per column, rows joined to
/// pekon by code or by name within kecamatan (gis::NameMatcher), values validated, and every
/// row's outcome written to a match report. Also the pieces the record and facility imports share.
/// \note Thread safety: readRawTable(), the header, column and number functions are pure or open
/// their own file, and may run on worker threads. RowJoiner::join() is const and may be called
/// from several threads on one joiner while its Dataset is not changed. importTable(),
/// storeValues() and addFuzzyAliases() change the Dataset: call them with exclusive access to it.
#include "gis/dataset.h"
#include "gis/importchanges.h"
#include "gis/namematch.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gis {

/// \brief Cells of a spreadsheet or CSV as text (UTF-8), row by row.
struct RawTable {
    std::string path;
    std::string encoding; ///< "UTF-8", "Windows-1252" (converted) or "XLSX"
    char separator = 0;   ///< CSV: ',' ';' or '\t'
    std::vector<std::vector<std::string>> rows;
    std::vector<long> rowNumbers; ///< 1-based row (line) number in the file of each row
    /// XLSX: references (e.g. "C3") of formula cells the file stores without a computed value
    /// (read as empty); the table import refuses such a file.
    std::vector<std::string> formulasWithoutValue;
    std::string layer; ///< the layer or sheet read (ODS and OGR sources)
    /// OGR sources: per column, true when the layer stores it as a number (integer or real); its
    /// cells then hold plain text with '.' decimals (NumberStyle::English), never thousands separators.
    std::vector<bool> typedNumberColumns;
};

bool isValidUtf8(std::string_view text);
std::string cp1252ToUtf8(std::string_view text);

/// \brief Reads a CSV (encoding and separator detected), an XLSX or ODS sheet (GDAL's drivers,
/// every cell as text), or a layer of any other OGR source (GeoPackage, Shapefile or its .dbf,
/// GeoJSON, ...: the field names as row 1, then one row per feature, numbered as in the layer
/// saved as CSV). \a sheet names the sheet or layer; empty = the first sheet, or the only layer,
/// or the only layer without geometry. \throws DataSourceError naming the file, and for a missing
/// or unchosen layer the layers the file has (parameters() {"layer"}).
RawTable readRawTable(const std::string& path, const std::string& sheet = {});

/// \brief Header text compared loosely: lower case, spaces/underscores/dots collapsed.
std::string headerKey(std::string_view text);

/// \brief Index of the first row containing every name of \a required (headerKey), or -1.
int findHeaderRow(const RawTable& table, const std::vector<std::string>& required);

/// \brief Column of \a name in \a header (headerKey), or -1.
int columnIndex(const std::vector<std::string>& header, const std::string& name);

/// \brief First column whose headerKey is one of \a names (in the order of \a names), or -1.
int findColumn(const std::vector<std::string>& header, const std::vector<std::string>& names);

bool isBlankRow(const std::vector<std::string>& row);
/// \brief A row whose text cells say JUMLAH, TOTAL or JML (a sum row, never a pekon).
bool isTotalRow(const std::vector<std::string>& row);

enum class NumberStyle {
    Plain,      ///< no separators seen
    Indonesian, ///< '.' thousands, ',' decimals
    English,    ///< ',' thousands, '.' decimals
};

struct NumberColumn {
    NumberStyle style = NumberStyle::Plain;
    bool ambiguous = false; ///< every value fits both readings (e.g. only "1.735"): Indonesian taken
    std::string explanation;
};

/// \brief Decides how a column's numbers are written from all of its cells.
NumberColumn decideNumberStyle(const std::vector<std::string>& cells);

/// \brief Parses one cell in \a style; nullopt when it is not a number (empty is nullopt too).
std::optional<double> parseNumber(std::string_view cell, NumberStyle style);

/// \brief Which columns identify the area of a row.
struct JoinColumns {
    int code = -1;
    int name = -1;
    int kecamatan = -1;
};

/// \brief The outcome of joining one row.
struct RowMatch {
    long row = 0; ///< row number in the file
    MatchKind kind = MatchKind::Unmatched;
    std::string how; ///< "code", "name", "alias", "fuzzy (distance 1)", ...
    std::string codeInFile, nameInFile, kecamatanInFile;
    std::string code, matchedName;
    std::string candidates; ///< "; "-separated when ambiguous
    std::string note;
};

/// \brief Joins rows to the dataset's villages.
class RowJoiner {
public:
    /// \brief Decides the code scheme of the code column from \a codes. \throws Error when the
    /// codes are BPS codes and the project has no crosswalk (Dataset::bpsCodes) for them.
    RowJoiner(const Dataset& ds, JoinColumns columns, const std::vector<std::string>& codes,
              const std::string& fileLabel, bool allowFuzzy = true);
    RowMatch join(const std::vector<std::string>& row, long rowNumber) const;
    std::string schemeNote() const { return mSchemeNote; }

private:
    const Dataset& mDs;
    JoinColumns mColumns;
    std::optional<NameMatcher> mNames; ///< only when rows may be matched by name
    bool mBps = false;
    std::vector<std::pair<std::string, std::string>> mBpsToKemendagri;
    std::string mSchemeNote;
};

/// \brief Counts of each kind of match.
struct MatchSummary {
    std::size_t exact = 0, fuzzy = 0, ambiguous = 0, unmatched = 0;
    std::string text() const;
};
MatchSummary summarise(const std::vector<RowMatch>& matches);

/// \brief Writes the match report CSV (row, status, how, code_in_file, name_in_file,
/// kecamatan_in_file, matched_code, matched_name, candidates, note). \throws OutputError.
void writeMatchReport(const std::vector<RowMatch>& matches, const std::string& path);

/// \brief Default report path: "<input file name without extension>.match.csv" beside the project
/// file \a projectLocation, or in the current folder for a server project or none. Never beside
/// the input: that may be a shared or read-only folder.
std::string defaultReportPath(const std::string& input, const std::string& projectLocation);

/// \brief Adds accepted fuzzy matches to Dataset::aliases (once per code and name).
std::size_t addFuzzyAliases(Dataset& ds, const std::vector<RowMatch>& matches, const std::string& fileLabel);

/// \brief Values to store for one period and source. Existing values of the same area, key and
/// period are conflicts: without \a replace nothing is changed and the conflicts are described
/// in the returned text; with it they are removed first. Returns {replaced count, message}.
struct StoreResult {
    bool stored = false;
    std::size_t replaced = 0;
    std::string message;
    std::vector<std::string> parameters; ///< not stored: what to change ("replace", "period"), as Error::parameters()
};
StoreResult storeValues(Dataset& ds, std::vector<IndicatorValue> values, bool replace);

/// \brief Current time as ISO 8601 UTC ("2026-11-28T22:00:00Z").
std::string isoNowUtc();

struct TableImportOptions {
    std::string period;                                          ///< required
    std::vector<std::pair<std::string, std::string>> indicators; ///< key -> column
    /// Text (categorical) indicators: key -> column. Each column's scale is, in this order: the
    /// levels given in \a levels, the scale the project already keeps for the key, or the known
    /// scale its values belong to (gis::recogniseScale: IDM, yes/no). A value outside the scale is
    /// an invalid row.
    std::vector<std::pair<std::string, std::string>> categories;
    /// Levels in order, lowest first, comma-separated ("Rendah,Sedang,Tinggi"), per category key;
    /// the key "" applies to every category without its own entry.
    std::map<std::string, std::string> levels;
    std::string codeField, nameField, kecamatanField;            ///< empty = detect
    int headerRow = 0;                                           ///< 1-based; 0 = find it
    std::string sheet;                                           ///< XLSX sheet; empty = the first
    std::string source;                                          ///< empty = the file name
    std::string reportPath;                                      ///< empty = defaultReportPath
    std::string projectLocation; ///< where the project lives (default report beside it; never overwritten)
    bool replace = false;
    bool keepFirstDuplicate = false;
    bool skipInvalid = false;
    bool fuzzy = true;
};

/// \brief A problem with a value, by row.
struct RowProblem {
    long row = 0;
    std::string message;
};

/// \brief What a table or record import did (the common part of their reports).
struct ImportOutcome {
    std::string reportPath; ///< match report written
    std::vector<RowMatch> matches;
    std::vector<std::string> notes; ///< duplicates kept, invalid skipped, replaced, aliases added
    std::size_t valuesWritten = 0;
    std::size_t categoriesWritten = 0; ///< category values (levels) among the changes
    bool written = false;                    ///< false: the dataset was left unchanged
    std::string stopReason;                  ///< why nothing was written
    std::vector<std::string> stopParameters; ///< what to change so it is written, as Error::parameters()
    ImportChanges changes;                   ///< what was applied to the dataset (empty when not written)
};

struct TableImportReport : ImportOutcome {
    std::string path, encoding, source;
    char separator = 0;
    long headerRow = 0;
    std::string joinedBy; ///< "code (Kemendagri)", "name within kecamatan", ...
    std::vector<long> totalRows, blankRows;
    std::vector<std::string> numberNotes; ///< per column: style and ambiguity
    std::vector<std::string> categoryNotes; ///< per category column: its scale, and the villages left without a value
    std::vector<RowProblem> problems;     ///< validation
    std::string text() const;
};

/// \brief Imports a table into \a ds (unchanged when the report says written = false). Writes the
/// match report. \throws DataSourceError / Error for an unreadable file, missing columns, or a
/// BPS-coded table without crosswalk.
TableImportReport importTable(Dataset& ds, const std::string& path, const TableImportOptions& options);

} // namespace gis
