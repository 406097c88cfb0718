#pragma once
/// \file project.h
/// The project file: one SpatiaLite database (*.sasaran.sqlite) with the tables wilayah,
/// fasilitas, indikator, latar, kode_bps, alias, program, program_site, jalan, jalan_kecepatan
/// and meta of DESIGN.md.
///
/// Schema versions and migrations:
/// - meta "schema_version" holds the version. Version 1 is the first released schema
///   (meta, wilayah, fasilitas, indikator, latar). Version 2 adds `kode_bps` (Kemendagri ->
///   BPS code crosswalk), `alias` (other names of areas) and the spatial index on `latar`, and
///   records meta "boundary_provenance". Version 3 stores each area's ellipsoidal area with
///   a fingerprint of its geometry. Version 4 keeps saved placement runs in tables `program`
///   (one row per run: id, created_utc, kind, method, count, radius_km | minutes, demand_key,
///   period, candidates, capacity, seed, candidate_count, existing_count, total_demand,
///   covered_before, covered_after, cost_before, cost_after, result_json) and `program_site`
///   (program_id, rank, kode, nama, lon, lat, gain, served); the migration moves the meta
///   "program.<time>" JSON entries of older files there (entries that are not readable runs
///   stay in meta). Version 5 stores each area's point-on-surface under the same fingerprint
///   as its area. Version 7 adds the export log, table `export_log` (id, utc, what, tier, path,
///   user_name, personal_data; exportlog.h).
///   Version 9 adds the road layer: `jalan` (id, kelas, geom MULTILINESTRING) and
///   `jalan_kecepatan` (kelas, kmh).
/// - A new file is created at version 1 and brought up by the same numbered migrations an
///   older file goes through, so both paths give the same schema.
/// - upgradeProject() (and openProjectForWriting()) run the missing migrations on the file in
///   place, all in one transaction with SQLite's rollback journal: a crash leaves the old
///   version. loadProject() reads any version up to kProjectSchemaVersion without writing.
///   A file newer than this program is refused.
///
/// Writing: saveProject() always writes the whole dataset to a temporary file beside the
/// target (one transaction) and renames it over the target (atomic on POSIX file systems),
/// for new and existing projects alike: readers and a crash see either the old file or the
/// complete new one, never a half-written one. Temporary files left by a killed writer
/// ("NAME.tmp-PID" whose process is gone) are removed by the next save.
#include "gis/dataset.h"

#include <string>
#include <vector>

namespace gis {

constexpr int kProjectSchemaVersion = 9;

/// \brief Writes \a ds as a project file (new, or replacing an existing one). The file is
/// built beside \a path under a temporary name and renamed over it only when complete, so
/// \a path is never half-written. \throws ProjectError naming the file.
void saveProject(const Dataset& ds, const std::string& path);

/// \brief Reads a project file of any version up to kProjectSchemaVersion (read-only; an older
/// file is read as it is, without upgrading it). \throws ProjectError naming the file when it
/// is missing, not a Sasaran project, or newer than this program.
Dataset loadProject(const std::string& path);

/// \brief The saved placement runs of a project file, by ascending id, with their parameters,
/// sites and totals, read without loading the rest of the project (a file before version 4 is
/// read from its meta entries, without upgrading it). \throws ProjectError naming the file.
std::vector<PlacementRun> loadPlacementRuns(const std::string& path);

/// \brief The schema version a project file declares. \throws ProjectError.
int projectSchemaVersion(const std::string& path);

/// \brief Upgrades the file in place to kProjectSchemaVersion, running each missing migration
/// in order inside one transaction. Returns the version the file had. \throws ProjectError
/// naming the file when it is newer than this program or a migration fails (the file is then
/// unchanged).
int upgradeProject(const std::string& path);

/// \brief upgradeProject() then loadProject(): what a command that will save the project back
/// calls first.
Dataset openProjectForWriting(const std::string& path);

/// \brief SQLite's structural check of a project file (PRAGMA quick_check: every page, b-tree
/// and record format; it reads the whole file once). Server locations are not checked.
/// \throws ProjectError naming the file and the first problems when the file is damaged.
void checkProjectIntegrity(const std::string& path);

} // namespace gis
