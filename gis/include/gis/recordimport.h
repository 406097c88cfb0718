#pragma once
/// \file recordimport.h
/// Importing DTSEN/DTKS (SIKS-NG) individual-level extracts: one row per person or household
/// with NIK, name, address and the pekon (name or code), optionally a household id, a status and
/// the official desil (1-10). Rows are joined to pekon as for tables and counted per pekon:
///   dtsen_jiwa        individuals (person rows; household rows: the sum of a member-count
///                     column such as jumlah_art when present),
///   dtsen_kk          households (distinct household ids of person rows, or household rows),
///   dtsen_desil_N     households in desil N (persons when there is no household id),
///                     as given in the file: the desil is imported, never computed,
///   dtsen_status_S    rows per status S, one of recordStatusCategories(): a cell that is none
///                     of them counts as "lainnya" and blank as "kosong", so no cell value ever
///                     becomes a key.
/// Values are written for the pekon that have rows in the extract; other pekon get none.
///
/// PRIVACY: NIK, names and addresses are read only to be counted. They are never stored in the
/// project, printed, logged or written to the match report, which holds only pekon names and
/// codes as written in the file, per distinct pekon (not per person). A pekon value that matches
/// no pekon (perhaps a name in a shifted column) is reported by its row number and row count
/// only, and a desil outside 1-10 by its row number.
/// \note Thread safety: importRecords() changes the Dataset; call it with exclusive access to it
/// (the file may be read on any thread).
#include "gis/dataset.h"
#include "gis/tableimport.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis {

struct RecordImportOptions {
    std::string period;                                  ///< required
    std::string codeField, nameField, kecamatanField;    ///< pekon columns; empty = detect
    std::string householdField, statusField, desilField; ///< empty = detect
    std::string unit = "auto";                           ///< "person", "household" or "auto"
    std::string sheet;
    int headerRow = 0;
    std::string source;     ///< empty = the file name
    std::string reportPath; ///< empty = defaultReportPath
    std::string projectLocation; ///< where the project lives (default report beside it; never overwritten)
    bool replace = false;
    bool fuzzy = true;
};

struct RecordImportReport : ImportOutcome {
    std::string path, encoding, source, unit;
    long headerRow = 0;
    std::string joinedBy;
    std::size_t rows = 0, rowsCounted = 0, pekon = 0;
    // matches: one per distinct pekon as written (first row, note "N rows")
    std::vector<RowProblem> problems; ///< invalid desil etc. (no personal data)
    std::vector<std::string> keys;    ///< indicator keys written
    std::string text() const;
};

/// \brief The status categories a status cell is counted as (keys dtsen_status_<category>).
const std::vector<std::string>& recordStatusCategories();

/// \brief Aggregates the extract into \a ds (unchanged when the report says written = false).
/// \throws DataSourceError / Error for an unreadable file or no pekon column.
RecordImportReport importRecords(Dataset& ds, const std::string& path, const RecordImportOptions& options);

} // namespace gis
