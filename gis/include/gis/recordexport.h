#pragma once
/// \file recordexport.h
/// Export tiers of DTSEN/DTKS data, as P3KE has them:
///   - aggregate (exportProject, export.h): per-pekon counts from the project, small counts
///     suppressed; the default and the only tier that is built from the project;
///   - anonymised: one row per person or household of a records file with only the pekon (code
///     and name as the project has them, kecamatan), the desil (1-10, else empty), the status as
///     one of recordStatusCategories() and columns the caller names that hold no identifier.
///     NIK, KK number, household ids, names, addresses, birth data and phone numbers are never
///     written, and a named column whose header says it holds them, or one of whose cells looks
///     like a NIK/KK number (16 digits), is refused;
///   - by-name: every column of the records file as read (names, NIK, addresses included) with the
///     matched pekon, for a verification list; only to a local file (checkByNameDestination) and
///     only when asked for explicitly.
/// The project stores aggregates only, so both record tiers read the records file again.
/// Every output is TERBATAS: a CSV with the notice in FILE.TERBATAS.txt beside it.
/// \note Thread safety: reads \a ds (it must not change meanwhile); any thread.
#include "gis/dataset.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis {

enum class RecordTier { Anonymised, ByName };

/// \brief "anonymised" / "by-name". \throws Error for another word.
RecordTier recordTierFromName(const std::string& name);
std::string recordTierName(RecordTier tier);

struct RecordExportOptions {
    RecordTier tier = RecordTier::Anonymised;
    std::string codeField, nameField, kecamatanField; ///< pekon columns; empty = detect (as import)
    std::string householdField, statusField, desilField;
    std::string sheet;
    int headerRow = 0;
    bool fuzzy = true;
    /// Anonymised: further columns of the file to keep (e.g. jumlah_art); refused when personal.
    std::vector<std::string> keepColumns;
    std::string areaPrefix; ///< only rows of pekon under this code (a kecamatan, a pekon); empty = all
    std::vector<int> desil; ///< only rows of these desil; empty = all rows
};

struct RecordExportReport {
    std::string input, output, tier;
    std::size_t rows = 0;      ///< data rows read
    std::size_t written = 0;   ///< rows written
    std::size_t unmatched = 0; ///< rows whose pekon is not in the project (or ambiguous): not written
    std::size_t filtered = 0;  ///< rows left out by the area or desil filter
    std::vector<std::string> columns; ///< as written
    std::string noticePath;           ///< FILE.TERBATAS.txt
    std::string text() const;         ///< never holds a cell of the file
};

/// \brief Refuses a by-name destination that is not a local file: a server URI or any URL, a
/// network path (//host/share, \\host\share), a folder on a network file system (nfs, cifs/smb,
/// sshfs, davfs, 9p, ...: from /proc/self/mounts), or the project itself (\a projectLocation and
/// its -wal/-shm/-journal files). \throws OutputError saying why.
void checkByNameDestination(const std::string& outPath, const std::string& projectLocation);

/// \brief Writes the records of \a recordsPath in the tier of \a options to \a outPath (.csv),
/// joining each row's pekon to \a ds as the records import does. Text cells are written
/// formula-safe (csvSafeText). \throws DataSourceError naming the records file (no pekon column,
/// a kept column that is personal or missing); OutputError naming \a outPath.
RecordExportReport exportRecords(const Dataset& ds, const std::string& recordsPath, const std::string& outPath,
                                 const RecordExportOptions& options);

} // namespace gis
