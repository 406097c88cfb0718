#pragma once
// The project file's schema and migrations (private to sasaran_gis; used by the file store in
// project.cpp). Every function works inside the caller's transaction on the caller's thread.
#include "detail/sqlite.h"
#include "gis/dataset.h"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gis::detail {

/// Meta keys of the last write (see ProjectChangeStamp): bookkeeping, kept out of Dataset::meta
/// by both stores.
inline constexpr const char* kChangedByKey = "changed_by";
inline constexpr const char* kChangedUtcKey = "changed_utc";
inline bool isStoreBookkeeping(const std::string& key)
{
    return key == "store_revision" || key == kChangedByKey || key == kChangedUtcKey;
}

bool hasTable(const SpatialiteConnection& db, const std::string& name);
bool hasColumn(const SpatialiteConnection& db, const std::string& table, const std::string& column);
/// Rows of \a table, so that large projects fill each vector once.
std::size_t rowCount(const SpatialiteConnection& db, const std::string& table);

/// A new file's schema: version 1, then every migration (the same path an old file takes).
void createSchema(SpatialiteConnection& db);
/// Runs the migrations after version \a from and records kProjectSchemaVersion.
void migrate(SpatialiteConnection& db, int from);
/// The version the file declares. \throws ProjectError naming \a path when it is not a project
/// or is newer than this program.
int readVersion(const SpatialiteConnection& db, const std::string& path);

void insertProgram(SpatialiteConnection& db, const PlacementRun& run);
std::vector<PlacementRun> readPrograms(const SpatialiteConnection& db);
/// Runs kept in meta "program.<time>" entries before schema 4, with their meta keys.
std::vector<std::pair<std::string, PlacementRun>> legacyPrograms(const std::map<std::string, std::string>& meta);

} // namespace gis::detail
