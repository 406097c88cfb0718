#pragma once
/// \file exportlog.h
/// The export log of a project: one row per output a command wrote from it (export, map,
/// atlas, report, export-records), so the office can say what left it, when, in which tier and
/// by whom, and whether it carried DTSEN-derived (personal-data) figures (UU 27/2022).
///
/// A row is written in its own transaction with nothing else, after the output is complete; it
/// does not change the project's "last changed by" stamp (an export changes no data). Both
/// stores keep it: table `export_log` (schema version 7). The log holds no personal data: only
/// the output's path and the tier.
#include <string>
#include <vector>

namespace gis {

/// \brief One row of the export log.
struct ExportLogEntry {
    std::string utc;          ///< ISO 8601 UTC to the second; set by the store when written
    std::string what;         ///< the command: export, map, atlas, report, export-records
    std::string tier;         ///< aggregate, anonymised or by-name (see recordexport.h)
    std::string path;         ///< the output file, absolute
    std::string user;         ///< set by the store: the OS user (file) or the PostgreSQL role (server)
    bool personalData = false; ///< the output carries DTSEN-derived values (or records)
    bool operator==(const ExportLogEntry&) const = default;
};

/// \brief Appends \a entry to the export log of the project at \a location (file path or
/// server URI), in one transaction. A file project is opened for writing (an older schema is
/// upgraded first); a server project takes the row from any role the owner granted access to
/// (readers too: the log is the one thing they may add).
/// \throws ProjectError naming the location when it cannot be written (a read-only file, a
/// role without the grant, a busy file past the timeout); the output itself is not affected.
void recordExport(const std::string& location, const ExportLogEntry& entry);

/// \brief The export log, oldest first (empty for a project of a version before the log).
/// \throws ProjectError naming the location.
std::vector<ExportLogEntry> readExportLog(const std::string& location);

} // namespace gis
