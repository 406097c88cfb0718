#pragma once
/// \file facilityimport.h
/// Importing facilities (BUMDES, Puskessos, schools, ...) into a project: surveyed points from
/// any OGR source or a CSV/XLSX with longitude and latitude columns (in either order: the order
/// that puts the points inside the project's extent is taken and reported), or, when a row only
/// names its pekon (code, or name within kecamatan as for tables), placed at that pekon's
/// point-on-surface with located_by "pekon".
///
/// Points inside no village are KEPT (located_by "survey", areaCode empty) and listed in the
/// report: a facility just across the regency border still serves it, and a wrong coordinate
/// must be seen to be fixed, not silently dropped. Rows whose pekon is ambiguous or unmatched
/// cannot be placed: they are not imported and are listed in the report and the match report.
/// A row identical to a facility already in the project (kind, name, point) is not added again.
/// \note Thread safety: importFacilities() changes the Dataset; call it with exclusive access to
/// it (the file may be read on any thread).
#include "gis/dataset.h"
#include "gis/tableimport.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis {

struct FacilityImportOptions {
    std::string kind;       ///< kind for every row (upper-cased), or
    std::string kindField;  ///< the column holding the kind
    std::string labelField; ///< facility name column; empty = detect (nama_fasilitas, nama_unit, nama, name)
    std::string codeField, nameField, kecamatanField; ///< pekon columns, as for tables; empty = detect
    std::string lonField,
        latField; ///< coordinate columns; empty = detect (lon/longitude/bujur/x, lat/latitude/lintang/y)
    std::string statusField, yearField; ///< empty = detect (status; tahun/year)
    std::string layer;                  ///< OGR layer or XLSX sheet
    int headerRow = 0;                  ///< CSV/XLSX: 1-based header row; 0 = find it
    std::string assumedCrs;             ///< OGR sources without CRS
    std::string reportPath;             ///< empty = defaultReportPath
    std::string projectLocation;        ///< where the project lives (default report beside it; never overwritten)
    bool fuzzy = true;
};

struct FacilityImportReport {
    std::string path;
    std::string mode; ///< "points" or "pekon"
    std::size_t rowsRead = 0, imported = 0, alreadyPresent = 0;
    bool swappedColumns = false;      ///< the named lon/lat columns were the other way round
    std::vector<long> outside;        ///< rows/features imported but inside no village
    std::vector<RowProblem> problems; ///< rows not imported, and why
    std::vector<RowMatch> matches;    ///< pekon mode
    std::string reportPath;           ///< pekon mode: match report written
    std::size_t aliasesAdded = 0;
    ImportChanges changes; ///< the facilities and aliases applied to the dataset
    std::string text() const;
};

/// \brief Adds the facilities of \a path to \a ds. \throws DataSourceError / Error for an
/// unreadable file or when neither coordinates nor a pekon column is found.
FacilityImportReport importFacilities(Dataset& ds, const std::string& path, const FacilityImportOptions& options);

} // namespace gis
