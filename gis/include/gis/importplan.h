#pragma once
/// \file importplan.h
/// An import decided before anything is written: the project is read from its store (only the
/// parts the import needs), the file is imported into that copy, and what the store must write is
/// returned as ProjectChanges. The command line writes the plan at once; the desktop's import
/// wizard shows the report first, lets the user match rows by hand (kept as aliases with source
/// "user"), and writes the plan in one transaction only when asked.
/// Also the first rows of a table file, to choose its columns.
/// \note Thread safety: every function here reads its own file and the given store; call it on the
/// thread that owns \a store (a worker opens its own with gis::openProject). The results are plain
/// values that any thread may read.
#include "gis/boundaryimport.h"
#include "gis/facilityimport.h"
#include "gis/recordimport.h"
#include "gis/store.h"
#include "gis/tableimport.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis {

/// \brief The head of a table file (CSV or XLSX sheet) for choosing its columns.
struct TablePreview {
    std::string encoding; ///< as RawTable::encoding
    char separator = 0;   ///< CSV separator, 0 for XLSX
    long headerRow = 0;   ///< 1-based row number of the header in the file
    std::vector<std::string> header;
    /// The first data rows below the header (cells as text); always empty for personal data.
    std::vector<std::vector<std::string>> rows;
    std::size_t dataRows = 0;  ///< non-blank rows below the header
    bool personalData = false; ///< asked for, or the header names a NIK, KK number, name or address column
};

/// \brief True when \a header names a column of personal data (NIK, KK number, a person's name or
/// address: nik, no_kk, nama_lengkap, nama_art, nama_kepala_keluarga, alamat, ...).
bool hasPersonalDataColumns(const std::vector<std::string>& header);

/// \brief Index in \a table.rows of the likely header: the first of the first 50 rows with as many
/// filled cells as the fullest of them (title rows above a header fill fewer cells). 0 when empty.
std::size_t guessHeaderRow(const RawTable& table);

/// \brief Reads the head of \a path. \a headerRow: 1-based row number, 0 = guessHeaderRow. With
/// \a personalData (a DTSEN/DTKS extract) only the header and the count of rows are returned: no
/// cell below the header leaves this function; nor when the header names personal data columns. \throws DataSourceError
/// naming the file.
TablePreview previewTable(const std::string& path, const std::string& sheet, long headerRow, std::size_t maxRows,
                          bool personalData);

/// \brief Aliases for names matched by hand: each of \a picked (code, name as written) not yet in
/// \a ds.aliases (same code and name, compared as normaliseAreaName), with source "user".
std::vector<AreaAlias> userAliases(const Dataset& ds, const std::vector<AreaAlias>& picked);

/// \brief What the store reads for a table import: areas without geometry, aliases, crosswalk,
/// and of the values only those the table may replace or check (its keys and penduduk, in its period).
ProjectReadOptions tableImportReadOptions(const TableImportOptions& options);
/// \brief What the store reads for a records import (areas without geometry, values, aliases, crosswalk).
ProjectReadOptions recordImportReadOptions();

struct TableImportPlan {
    TableImportReport report;           ///< report.written false: changes is empty
    std::vector<AreaAlias> userAliases; ///< the hand matches added (also in changes.addAliases)
    ProjectChanges changes;
};
/// \brief Imports \a path into the project of \a store as read now, with the hand matches
/// \a picked added as aliases first (so their rows match by alias). Nothing is written.
/// \throws as importTable, and ProjectError when the store cannot be read.
TableImportPlan planTableImport(const ProjectStore& store, const std::string& path, const TableImportOptions& options,
                                const std::vector<AreaAlias>& picked = {});

struct RecordImportPlan {
    RecordImportReport report;
    std::vector<AreaAlias> userAliases;
    ProjectChanges changes;
};
/// \brief As planTableImport, for a DTSEN/DTKS extract (counts per pekon only, see recordimport.h).
RecordImportPlan planRecordImport(const ProjectStore& store, const std::string& path,
                                  const RecordImportOptions& options, const std::vector<AreaAlias>& picked = {});

struct FacilityImportPlan {
    FacilityImportReport report;
    std::vector<AreaAlias> userAliases;
    ProjectChanges changes; ///< empty when no facility is new
};
/// \brief As planTableImport, for facilities (the areas with their geometry, the facilities held,
/// aliases and crosswalk are read; no values).
FacilityImportPlan planFacilityImport(const ProjectStore& store, const std::string& path,
                                      const FacilityImportOptions& options, const std::vector<AreaAlias>& picked = {});

struct BoundaryImportPlan {
    BoundaryImportReport report; ///< what the file gave, compared with the project's villages
    ReplaceReport replaced;      ///< what replacing changed besides the areas
    ProjectChanges changes;
};
/// \brief Replaces the project's boundaries by those of \a path (replaceBoundaries), keeping its
/// values and facilities. Nothing is written. \throws as readBoundaries.
BoundaryImportPlan planBoundaryImport(const ProjectStore& store, const std::string& path,
                                      const BoundaryImportOptions& options, const std::string& capitalSpec = {});

/// \brief The parts a boundary import may change (for changesBetween).
constexpr ProjectPart kBoundaryImportParts =
    ProjectPart::Meta | ProjectPart::Areas | ProjectPart::Facilities | ProjectPart::BpsCodes | ProjectPart::Aliases;

} // namespace gis
