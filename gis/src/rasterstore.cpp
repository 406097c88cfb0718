// Table `raster` of the project file (see rasterstore.h): the one place that reads and writes it.
#include "gis/rasterstore.h"

#include "gis/error.h"
#include "gis/store.h"
#include "gis/text.h"

#include "detail/rasterstore.h"
#include "detail/serverstore.h"
#include "detail/sqlite.h"

#include <filesystem>

namespace gis {

namespace {

using detail::SpatialiteConnection;
using detail::Statement;

constexpr const char* kCreateRasterTable =
    "CREATE TABLE IF NOT EXISTS raster (kind TEXT PRIMARY KEY, source TEXT NOT NULL, period TEXT, "
    "resolution_m REAL NOT NULL, crs TEXT NOT NULL, imported_at TEXT NOT NULL, attributes TEXT, "
    "tiff BLOB NOT NULL)";

bool hasRasterTable(const SpatialiteConnection& db)
{
    Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'raster'");
    return q.step();
}

void requireProject(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist: create it first (demo, new or import boundaries)");
}

/// Binds the columns of \a r (tiff = its encoded grid) to an INSERT of every column of table
/// raster, in their order, and runs it.
void insertRasterRow(Statement& put, const StoredRaster& r, const std::string& tiff)
{
    put.bind(1, rasterKindName(r.kind)).bind(2, r.source);
    if (r.period.empty())
        put.bindNull(3);
    else
        put.bind(3, r.period);
    put.bind(4, r.grid.cellSize).bind(5, r.grid.crs);
    put.bind(6, r.importedAt.empty() ? isoUtcNow() : r.importedAt);
    put.bind(7, r.attributes.empty() ? std::string("{}") : r.attributes);
    put.bindBlob(8, tiff);
    put.run();
}

#ifndef SASARAN_WITH_POSTGRES
[[noreturn]] void noServerSupport(const std::string& location)
{
    throw ProjectError("'" + location.substr(0, 13)
                       + "...' is a PostgreSQL project, but this build of Sasaran has no PostgreSQL support");
}
#endif

/// Runs \a work inside BEGIN IMMEDIATE ... COMMIT on \a db, rolled back when it throws.
template <typename Work>
void inWriteTransaction(SpatialiteConnection& db, Work&& work)
{
    db.exec("BEGIN IMMEDIATE");
    try {
        work();
        db.exec("COMMIT");
    } catch (...) {
        try {
            db.exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

/// Makes \a rasters the only rasters of the project file \a path, in one transaction.
void replaceFileRasters(const std::string& path, const std::vector<StoredRaster>& rasters)
{
    requireProject(path);
    std::vector<std::string> tiffs;
    for (const StoredRaster& r : rasters)
        tiffs.push_back(encodeGeoTiff(r.grid));
    SpatialiteConnection db(path, SQLITE_OPEN_READWRITE);
    inWriteTransaction(db, [&] {
        db.exec(kCreateRasterTable);
        db.exec("DELETE FROM raster");
        Statement put(db,
                      "INSERT INTO raster (kind, source, period, resolution_m, crs, imported_at, attributes, tiff) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < rasters.size(); ++i)
            insertRasterRow(put, rasters[i], tiffs[i]);
    });
    db.close();
}

} // namespace

void storeRaster(const std::string& projectPath, const StoredRaster& raster)
{
    if (isServerLocation(projectPath)) {
#ifdef SASARAN_WITH_POSTGRES
        return detail::storeServerRaster(projectPath, raster);
#else
        noServerSupport(projectPath);
#endif
    }
    requireProject(projectPath);
    const std::string tiff = encodeGeoTiff(raster.grid);
    SpatialiteConnection db(projectPath, SQLITE_OPEN_READWRITE);
    inWriteTransaction(db, [&] {
        db.exec(kCreateRasterTable);
        Statement put(db,
                      "INSERT OR REPLACE INTO raster (kind, source, period, resolution_m, crs, imported_at, "
                      "attributes, tiff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insertRasterRow(put, raster, tiff);
    });
    db.close();
}

std::optional<StoredRaster> loadRaster(const std::string& projectPath, RasterKind kind)
{
    if (isServerLocation(projectPath)) {
#ifdef SASARAN_WITH_POSTGRES
        return detail::loadServerRaster(projectPath, kind);
#else
        noServerSupport(projectPath);
#endif
    }
    requireProject(projectPath);
    SpatialiteConnection db(projectPath, SQLITE_OPEN_READONLY);
    if (!hasRasterTable(db))
        return std::nullopt;
    Statement q(db, "SELECT source, period, imported_at, attributes, tiff FROM raster WHERE kind = ?");
    q.bind(1, rasterKindName(kind));
    if (!q.step())
        return std::nullopt;
    StoredRaster r;
    r.kind = kind;
    r.source = q.text(0);
    r.period = q.isNull(1) ? std::string() : q.text(1);
    r.importedAt = q.text(2);
    r.attributes = q.isNull(3) ? std::string("{}") : q.text(3);
    r.grid = decodeGeoTiff(q.blob(4), projectPath + " (raster " + rasterKindName(kind) + ")");
    return r;
}

std::vector<RasterKind> storedRasterKinds(const std::string& projectPath)
{
    if (isServerLocation(projectPath)) {
#ifdef SASARAN_WITH_POSTGRES
        return detail::serverRasterKinds(projectPath);
#else
        noServerSupport(projectPath);
#endif
    }
    requireProject(projectPath);
    SpatialiteConnection db(projectPath, SQLITE_OPEN_READONLY);
    std::vector<RasterKind> kinds;
    if (!hasRasterTable(db))
        return kinds;
    Statement q(db, "SELECT kind FROM raster ORDER BY kind");
    while (q.step()) {
        try {
            kinds.push_back(rasterKindFromName(q.text(0)));
        } catch (const Error&) {
            // A kind written by a newer program: not ours to list.
        }
    }
    return kinds;
}

std::size_t copyRasters(const std::string& fromProject, const std::string& toProject)
{
    if (isServerLocation(fromProject) || isServerLocation(toProject)) {
        // Through the grids: the server keeps the same GeoTIFF encoding, written anew.
        std::vector<StoredRaster> rasters;
        for (RasterKind kind : storedRasterKinds(fromProject))
            if (std::optional<StoredRaster> r = loadRaster(fromProject, kind))
                rasters.push_back(std::move(*r));
        if (!isServerLocation(toProject)) {
            replaceFileRasters(toProject, rasters);
            return rasters.size();
        }
#ifdef SASARAN_WITH_POSTGRES
        detail::replaceServerRasters(toProject, rasters);
        return rasters.size();
#else
        noServerSupport(toProject);
#endif
    }
    requireProject(fromProject);
    requireProject(toProject);
    SpatialiteConnection db(toProject, SQLITE_OPEN_READWRITE);
    std::size_t copied = 0;
    inWriteTransaction(db, [&] {
        // The copy's rasters are the source's: none of the replaced project's stay behind.
        db.exec(kCreateRasterTable);
        db.exec("DELETE FROM raster");
        detail::copyRasterTable(db, fromProject);
        Statement count(db, "SELECT COUNT(*) FROM raster");
        copied = count.step() ? static_cast<std::size_t>(count.integer(0)) : 0;
    });
    db.close();
    return copied;
}

void removeRasters(const std::string& projectPath)
{
    if (isServerLocation(projectPath)) {
#ifdef SASARAN_WITH_POSTGRES
        return detail::replaceServerRasters(projectPath, {});
#else
        noServerSupport(projectPath);
#endif
    }
    requireProject(projectPath);
    SpatialiteConnection db(projectPath, SQLITE_OPEN_READWRITE);
    if (hasRasterTable(db))
        db.exec("DELETE FROM raster");
    db.close();
}

void detail::copyRasterTable(SpatialiteConnection& db, const std::string& fromPath)
{
    std::error_code ec;
    if (!std::filesystem::exists(fromPath, ec))
        return;
    SpatialiteConnection old(fromPath, SQLITE_OPEN_READONLY);
    if (!hasRasterTable(old))
        return;
    db.exec(kCreateRasterTable);
    Statement read(old, "SELECT kind, source, period, resolution_m, crs, imported_at, attributes, tiff FROM raster");
    Statement put(db,
                  "INSERT OR REPLACE INTO raster (kind, source, period, resolution_m, crs, imported_at, "
                  "attributes, tiff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    while (read.step()) {
        put.bind(1, read.text(0)).bind(2, read.text(1));
        if (read.isNull(2))
            put.bindNull(3);
        else
            put.bind(3, read.text(2));
        put.bind(4, read.number(3)).bind(5, read.text(4)).bind(6, read.text(5));
        if (read.isNull(6))
            put.bindNull(7);
        else
            put.bind(7, read.text(6));
        put.bindBlob(8, read.blob(7));
        put.run();
    }
}

} // namespace gis
