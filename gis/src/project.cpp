#include "gis/project.h"

#include "detail/filestore.h"
#include "detail/projectschema.h"
#include "detail/rasterstore.h"
#include "detail/sqlite.h"
#include "detail/wkb.h"
#include "gis/error.h"
#include "gis/placementrun.h"
#include "gis/store.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gis {

using detail::isStoreBookkeeping;
using detail::kChangedByKey;
using detail::kChangedUtcKey;
using detail::SpatialiteConnection;
using detail::Statement;

namespace {

using detail::createSchema;
using detail::hasColumn;
using detail::hasTable;
using detail::insertProgram;
using detail::legacyPrograms;
using detail::migrate;
using detail::readPrograms;
using detail::readVersion;
using detail::rowCount;

/// Removes "NAME.tmp-PID" files beside \a target whose writer process no longer exists.
void removeStaleTemporaries(const std::filesystem::path& target)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string prefix = target.filename().string() + ".tmp-";
    for (fs::directory_iterator it(target.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0)
            continue;
        const std::string pidText = name.substr(prefix.size());
        if (pidText.empty() || pidText.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const long pid = std::stol(pidText);
        if (pid == ::getpid() || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
            std::error_code ignored;
            fs::remove(it->path(), ignored);
            for (const char* suffix : {"-journal", "-wal", "-shm"})
                fs::remove(it->path().string() + suffix, ignored);
        }
    }
}

/// The point-on-surface to store for \a area; none for an empty geometry or one GEOS cannot
/// handle (it is then computed, or its error raised, when it is used).
std::optional<Point> surfacePointOf(const Dataset& ds, const Area& area)
{
    if (area.geometry.empty())
        return std::nullopt;
    try {
        return ds.surfacePoint(area);
    } catch (const GeometryError&) {
        return std::nullopt;
    }
}

void insertRoads(SpatialiteConnection& db, const RoadLayer& layer)
{
    Statement road(db, "INSERT INTO jalan (id, kelas, geom) VALUES (?, ?, GeomFromWKB(?, 4326))");
    long long id = 0;
    for (const Road& r : layer.roads)
        road.bind(1, ++id).bind(2, r.roadClass).bindBlob(3, detail::multiLineStringToWkb(r.lines)).run();
    Statement speed(db, "INSERT INTO jalan_kecepatan (kelas, kmh) VALUES (?, ?)");
    for (const auto& [cls, kmh] : layer.speedsKmh)
        speed.bind(1, cls).bind(2, kmh).run();
}

/// Decodes stored geometry BLOBs: the plain XY layout every writer stores, directly; a BLOB that
/// starts as that layout yet is malformed is damaged (SpatiaLite's own parser trusts its counts and
/// crashes on them); any other form through SpatiaLite's AsBinary, prepared when first needed.
/// \a damaged(reason) makes the error that names the row.
class StoredGeometryReader {
public:
    explicit StoredGeometryReader(const SpatialiteConnection& db) : mDb(db) {}

    template <typename Damaged>
    MultiPolygon polygons(std::string_view stored, const Damaged& damaged)
    {
        if (auto polygons = detail::polygonsFromSpatialiteBlob(stored))
            return std::move(*polygons);
        if (detail::hasPlainPolygonBlobHeader(stored))
            throw damaged("a count beyond the stored bytes");
        return throughSpatialite(stored, damaged).polygons;
    }

    template <typename Damaged>
    std::vector<LineString> lines(std::string_view stored, const Damaged& damaged)
    {
        if (auto lines = detail::linesFromSpatialiteBlob(stored))
            return std::move(*lines);
        if (detail::hasPlainLineBlobHeader(stored))
            throw damaged("a count beyond the stored bytes");
        return throughSpatialite(stored, damaged).lines;
    }

private:
    template <typename Damaged>
    Geometry throughSpatialite(std::string_view stored, const Damaged& damaged)
    {
        if (!mAsWkb)
            mAsWkb.emplace(mDb, "SELECT AsBinary(?)");
        mAsWkb->reset();
        mAsWkb->bindBlob(1, std::string(stored));
        // SpatiaLite gives NULL for bytes that are no geometry: damaged, never an empty shape
        // (which is stored as NULL)
        if (!mAsWkb->step() || mAsWkb->isNull(0))
            throw damaged("not a SpatiaLite geometry");
        try {
            return detail::geometryFromWkb(mAsWkb->blob(0));
        } catch (const GeometryError& e) {
            throw damaged(e.what());
        }
    }

    const SpatialiteConnection& mDb;
    std::optional<Statement> mAsWkb;
};

void readRoads(const SpatialiteConnection& db, Dataset& ds)
{
    if (!hasTable(db, "jalan"))
        return;
    {
        Statement q(db, "SELECT kelas, geom, id FROM jalan ORDER BY id");
        StoredGeometryReader geometry(db);
        while (q.step()) {
            Road r;
            r.roadClass = q.text(0);
            if (!q.isNull(1))
                r.lines = geometry.lines(q.blobView(1), [&](const std::string& why) {
                    return ProjectError(fmt::format("project '{}': the stored line of road {} (class '{}') is damaged "
                                                    "({}); import the roads again, or restore the project from a backup",
                                                    db.path(), q.integer(2), r.roadClass, why));
                });
            ds.roads.roads.push_back(std::move(r));
        }
    }
    Statement q(db, "SELECT kelas, kmh FROM jalan_kecepatan");
    while (q.step())
        ds.roads.speedsKmh[q.text(0)] = q.number(1);
}

void writeContent(SpatialiteConnection& db, const Dataset& ds, bool createSpatialIndexes = true)
{
    // schema_version was written by createSchema(); store_revision belongs to the store.
    Statement meta(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    for (const auto& [key, value] : ds.meta)
        if (key != "schema_version" && !isStoreBookkeeping(key))
            meta.bind(1, key).bind(2, value).run();

    Statement area(db,
                   "INSERT INTO wilayah (code, name, kind, parent_code, geom, area_km2, area_vertices, "
                   "area_coordinate_sum, surface_lon, surface_lat) "
                   "VALUES (?, ?, ?, ?, GeomFromWKB(?, 4326), ?, ?, ?, ?, ?)");
    // Geodesic areas and surface points are most of a new project's cost after the dissolve;
    // computed on two threads (each its own GEOS context), then written in order on this one.
    std::vector<CachedArea> cachedAreas(ds.areas.size());
    std::atomic<std::size_t> nextChunk{0};
    auto measure = [&ds, &cachedAreas, &nextChunk] {
        constexpr std::size_t kChunk = 64;
        for (std::size_t from = nextChunk.fetch_add(kChunk); from < ds.areas.size(); from = nextChunk.fetch_add(kChunk))
            for (std::size_t i = from; i < std::min(from + kChunk, ds.areas.size()); ++i) {
                const Area& a = ds.areas[i];
                cachedAreas[i] = CachedArea{ds.areaKm2(a), vertexCount(a.geometry), coordinateSum(a.geometry),
                                            surfacePointOf(ds, a)};
            }
    };
    auto helper = std::async(std::launch::async, measure);
    measure();
    helper.get();
    for (std::size_t i = 0; i < ds.areas.size(); ++i) {
        const Area& a = ds.areas[i];
        const CachedArea& cached = cachedAreas[i];
        area.bind(6, cached.km2).bind(7, static_cast<long long>(cached.vertices)).bind(8, cached.coordinateSum);
        if (cached.surfacePoint)
            area.bind(9, cached.surfacePoint->x).bind(10, cached.surfacePoint->y);
        else
            area.bindNull(9).bindNull(10);
        area.bind(1, a.code).bind(2, a.name).bind(3, a.kind);
        if (a.parentCode.empty())
            area.bindNull(4);
        else
            area.bind(4, a.parentCode);
        if (a.geometry.empty())
            area.bindNull(5);
        else
            area.bindBlob(5, detail::multiPolygonToWkb(a.geometry));
        area.run();
    }

    Statement facility(db,
                       "INSERT INTO fasilitas (id, kind, name, status, year, located_by, wilayah_code, geom) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4326))");
    for (const Facility& f : ds.facilities) {
        facility.bind(1, f.id).bind(2, f.kind).bind(3, f.name).bind(4, f.status);
        if (f.year > 0)
            facility.bind(5, static_cast<long long>(f.year));
        else
            facility.bindNull(5);
        facility.bind(6, f.locatedBy).bind(7, f.areaCode).bindBlob(8, detail::pointToWkb(f.location)).run();
    }

    Statement value(db,
                    "INSERT INTO indikator (wilayah_code, key, period, value, source, imported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)");
    for (const IndicatorValue& v : ds.indicators)
        value.bind(1, v.areaCode)
            .bind(2, v.key)
            .bind(3, v.period)
            .bind(4, v.value)
            .bind(5, v.source)
            .bind(6, v.importedAt)
            .run();

    Statement category(db,
                       "INSERT INTO kategori (wilayah_code, key, period, level, source, imported_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)");
    for (const CategoryValue& v : ds.categories)
        category.bind(1, v.areaCode)
            .bind(2, v.key)
            .bind(3, v.period)
            .bind(4, v.level)
            .bind(5, v.source)
            .bind(6, v.importedAt)
            .run();

    Statement crosswalk(db, "INSERT INTO kode_bps (code, bps_code) VALUES (?, ?)");
    for (const auto& [code, bps] : ds.bpsCodes)
        crosswalk.bind(1, code).bind(2, bps).run();

    Statement alias(db, "INSERT OR IGNORE INTO alias (wilayah_code, name, source) VALUES (?, ?, ?)");
    for (const AreaAlias& a : ds.aliases)
        alias.bind(1, a.areaCode).bind(2, a.name).bind(3, a.source).run();

    if (!ds.backgroundLand.empty()) {
        Statement land(db, "INSERT INTO latar (name, geom) VALUES ('daratan', GeomFromWKB(?, 4326))");
        land.bindBlob(1, detail::multiPolygonToWkb(ds.backgroundLand)).run();
    }

    for (const PlacementRun& run : ds.programs)
        insertProgram(db, run);

    insertRoads(db, ds.roads);

    if (createSpatialIndexes) {
        db.exec("SELECT CreateSpatialIndex('wilayah', 'geom')");
        db.exec("SELECT CreateSpatialIndex('fasilitas', 'geom')");
    }
}

/// The runs of an open project: table program, or (a file before schema 4, read without
/// upgrading) its meta "program.*" entries, whose keys are then dropped from \a meta when given.
std::vector<PlacementRun> programsOf(const SpatialiteConnection& db, std::map<std::string, std::string>* meta)
{
    if (hasTable(db, "program"))
        return readPrograms(db);
    std::map<std::string, std::string> own;
    if (!meta) {
        Statement q(db, "SELECT key, value FROM meta WHERE key LIKE 'program.%'");
        while (q.step())
            own[q.text(0)] = q.text(1);
    }
    std::vector<PlacementRun> runs;
    for (auto& [key, run] : legacyPrograms(meta ? *meta : own)) {
        if (meta)
            meta->erase(key);
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace

namespace {

/// SQL condition on \a column for ProjectReadOptions::codePrefix (bound as parameter \a index and
/// \a index + 1 and + 2): the prefix itself or a code under it. Uses the column's index.
std::string prefixCondition(const std::string& column)
{
    return "(" + column + " = ? OR (" + column + " > ? AND " + column + " < ?))";
}

/// Binds prefixCondition's three parameters from \a first.
void bindPrefix(Statement& q, int first, const std::string& prefix)
{
    // Codes under "18.06" lie in ("18.06.", "18.06/"): '/' is the character after '.'.
    q.bind(first, prefix).bind(first + 1, prefix + ".").bind(first + 2, prefix + "/");
}

ProjectError damagedGeometry(const SpatialiteConnection& db, const Area& a, const std::string& why)
{
    return ProjectError("project '" + db.path() + "': the stored boundary of area " + a.code + " (" + a.name
                        + ") is damaged (" + why
                        + "); restore the project from a backup, or import the boundaries again");
}

/// The areas, with their stored areas and surface points (Dataset::areaCache).
void readAreas(const SpatialiteConnection& db, Dataset& ds, const ProjectReadOptions& options)
{
    const bool storedAreas = hasColumn(db, "wilayah", "area_km2");
    const bool storedPoints = storedAreas && hasColumn(db, "wilayah", "surface_lon");
    const bool withGeometry = options.areaGeometry;
    StoredGeometryReader geometry(db);
    Statement q(db,
                std::string("SELECT code, name, kind, parent_code, ") + (withGeometry ? "geom" : "NULL")
                    + (storedAreas ? ", area_km2, area_vertices, area_coordinate_sum" : "")
                    + (storedPoints ? ", surface_lon, surface_lat" : "") + " FROM wilayah"
                    + (options.codePrefix.empty() ? "" : " WHERE " + prefixCondition("code")) + " ORDER BY rowid");
    if (!options.codePrefix.empty())
        bindPrefix(q, 1, options.codePrefix);
    else
        ds.areas.reserve(rowCount(db, "wilayah"));
    while (q.step()) {
        Area a;
        a.code = q.text(0);
        a.name = q.text(1);
        a.kind = q.text(2);
        a.parentCode = q.text(3);
        if (!q.isNull(4))
            a.geometry =
                geometry.polygons(q.blobView(4), [&](const std::string& why) { return damagedGeometry(db, a, why); });
        if (storedAreas && !q.isNull(5) && !q.isNull(6) && !q.isNull(7)) {
            CachedArea& cached = ds.areaCache[a.code];
            cached = {q.number(5), static_cast<std::size_t>(q.integer(6)), q.number(7), std::nullopt};
            if (storedPoints && !q.isNull(8) && !q.isNull(9))
                cached.surfacePoint = Point{q.number(8), q.number(9)};
        }
        ds.areas.push_back(std::move(a));
    }
}

/// Everything but the meta values, the areas and the programs: facilities, background land,
/// indicator values, the code crosswalk and aliases (the parts \a options asks for).
void readAllButAreas(const SpatialiteConnection& db, Dataset& ds, const ProjectReadOptions& options)
{
    const std::string& prefix = options.codePrefix;
    auto where = [&](const std::string& column) {
        return prefix.empty() ? std::string() : " WHERE " + prefixCondition(column);
    };
    if (has(options.parts, ProjectPart::Facilities)) {
        Statement q(db,
                    "SELECT id, kind, name, status, year, located_by, wilayah_code, AsBinary(geom), geom IS NULL "
                    "FROM fasilitas"
                        + where("wilayah_code") + " ORDER BY id");
        if (!prefix.empty())
            bindPrefix(q, 1, prefix);
        else
            ds.facilities.reserve(rowCount(db, "fasilitas"));
        while (q.step()) {
            Facility f;
            f.id = q.integer(0);
            f.kind = q.text(1);
            f.name = q.text(2);
            f.status = q.text(3);
            f.year = q.isNull(4) ? 0 : static_cast<int>(q.integer(4));
            f.locatedBy = q.text(5);
            f.areaCode = q.text(6);
            if (q.isNull(7) && q.integer(8) == 0) // SpatiaLite's NULL for bytes that are no geometry
                throw ProjectError("project '" + db.path() + "': the stored point of facility " + std::to_string(f.id)
                                   + " (" + f.name + ") is damaged (not a SpatiaLite geometry); restore the project "
                                   "from a backup, or import the facilities again");
            if (!q.isNull(7)) {
                try {
                    const Geometry g = detail::geometryFromWkb(q.blob(7));
                    if (!g.points.empty())
                        f.location = g.points.front();
                } catch (const GeometryError& e) {
                    throw ProjectError("project '" + db.path() + "': the stored point of facility " + std::to_string(f.id)
                                       + " (" + f.name + ") is damaged (" + e.what()
                                       + "); restore the project from a backup, or import the facilities again");
                }
            }
            ds.facilities.push_back(std::move(f));
        }
    }
    if (has(options.parts, ProjectPart::Background) && hasTable(db, "latar")) {
        Statement q(db, "SELECT geom FROM latar WHERE name = 'daratan'");
        if (q.step() && !q.isNull(0)) {
            ds.backgroundLand = StoredGeometryReader(db).polygons(q.blobView(0), [&](const std::string& why) {
                return ProjectError(fmt::format("project '{}': the stored background land is damaged ({}); import the "
                                                "boundaries again, or restore the project from a backup",
                                                db.path(), why));
            });
        }
    }
    if (has(options.parts, ProjectPart::Indicators) && options.valueKeyPeriods.empty()) {
        Statement q(db,
                    "SELECT wilayah_code, key, period, value, source, imported_at FROM indikator"
                        + where("wilayah_code") + " ORDER BY rowid");
        if (!prefix.empty())
            bindPrefix(q, 1, prefix);
        else
            ds.indicators.reserve(rowCount(db, "indikator"));
        while (q.step())
            ds.indicators.push_back({q.text(0), q.text(1), q.text(2), q.number(3), q.text(4), q.text(5)});
    } else if (has(options.parts, ProjectPart::Indicators)) {
        // One indexed lookup (indikator_key_period) per pair; merged back into stored order.
        Statement q(db,
                    "SELECT rowid, wilayah_code, key, period, value, source, imported_at FROM indikator "
                    "WHERE key = ? AND period = ?"
                        + (prefix.empty() ? std::string() : " AND " + prefixCondition("wilayah_code")));
        std::vector<std::pair<long long, IndicatorValue>> found;
        std::set<std::pair<std::string, std::string>> asked;
        for (const auto& [key, period] : options.valueKeyPeriods) {
            if (!asked.insert({key, period}).second)
                continue;
            q.reset();
            q.bind(1, key).bind(2, period);
            if (!prefix.empty())
                bindPrefix(q, 3, prefix);
            while (q.step())
                found.push_back({q.integer(0), {q.text(1), q.text(2), q.text(3), q.number(4), q.text(5), q.text(6)}});
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        ds.indicators.reserve(found.size());
        for (auto& [rowid, value] : found)
            ds.indicators.push_back(std::move(value));
    }
    if (has(options.parts, ProjectPart::Indicators) && hasTable(db, "kategori")) {
        Statement q(db,
                    "SELECT wilayah_code, key, period, level, source, imported_at FROM kategori"
                        + where("wilayah_code") + " ORDER BY rowid");
        if (!prefix.empty())
            bindPrefix(q, 1, prefix);
        std::set<std::pair<std::string, std::string>> asked(options.valueKeyPeriods.begin(),
                                                            options.valueKeyPeriods.end());
        while (q.step()) {
            CategoryValue v{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)};
            if (asked.empty() || asked.count({v.key, v.period}))
                ds.categories.push_back(std::move(v));
        }
    }
    if (has(options.parts, ProjectPart::BpsCodes) && hasTable(db, "kode_bps")) {
        Statement q(db, "SELECT code, bps_code FROM kode_bps" + where("code") + " ORDER BY code");
        if (!prefix.empty())
            bindPrefix(q, 1, prefix);
        while (q.step())
            ds.bpsCodes[q.text(0)] = q.text(1);
    }
    if (has(options.parts, ProjectPart::Aliases) && hasTable(db, "alias")) {
        Statement q(db, "SELECT wilayah_code, name, source FROM alias" + where("wilayah_code") + " ORDER BY rowid");
        if (!prefix.empty())
            bindPrefix(q, 1, prefix);
        while (q.step())
            ds.aliases.push_back({q.text(0), q.text(1), q.text(2)});
    }
}

bool fileWritable(const std::string& path)
{
    const std::filesystem::path p = std::filesystem::absolute(path);
    return ::access(p.c_str(), W_OK) == 0 && ::access(p.parent_path().c_str(), W_OK) == 0;
}

/// A connection for reading. Opened read-write (with query_only) when the file and its folder
/// are writable, so that whichever connection closes last, reader or writer, checkpoints the
/// WAL and removes the -wal and -shm files: the project is then complete in its one file.
std::unique_ptr<SpatialiteConnection> openReader(const std::string& path)
{
    // Each connection is used by one thread at a time: SQLite need not lock on every call.
    if (fileWritable(path)) {
        auto db = std::make_unique<SpatialiteConnection>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
        db->exec("PRAGMA query_only = 1");
        return db;
    }
    return std::make_unique<SpatialiteConnection>(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
}

std::string busyMessage(const std::string& path)
{
    return "project '" + path
        + "': proyek sedang dipakai oleh proses lain (another process has been writing it for "
          "more than "
        + std::to_string(projectBusyTimeout() / 1000.0).substr(0, 4)
        + " s, and it was left unchanged); coba lagi (try again when that process has finished)";
}

/// Runs \a sql, turning SQLite's "busy" after the timeout into busyMessage.
void execOrBusy(SpatialiteConnection& db, const std::string& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(db.handle(), sql.c_str(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return;
    std::string why = message ? message : sqlite3_errmsg(db.handle());
    sqlite3_free(message);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        throw ProjectError(busyMessage(db.path()), ProjectProblem::Busy);
    throw ProjectError("project '" + db.path() + "': " + why + " (in: " + sql.substr(0, 80) + ")");
}

/// Takes the write lock (waiting up to the busy timeout), runs \a body and commits; on any
/// error rolls back and rethrows, leaving the project as it was.
template <typename Body>
void writeTransaction(SpatialiteConnection& db, Body&& body)
{
    execOrBusy(db, "BEGIN IMMEDIATE");
    try {
        body();
        execOrBusy(db, "COMMIT");
    } catch (...) {
        sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

/// The name of the OS user this process runs as ("" when it has none).
std::string osUserName()
{
    passwd entry{};
    passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(geteuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
        return found->pw_name;
    for (const char* variable : {"USER", "LOGNAME"})
        if (const char* v = std::getenv(variable); v && *v)
            return v;
    return {};
}

/// Records who writes and when (inside the caller's write transaction): see ProjectChangeStamp.
void recordChange(SpatialiteConnection& db)
{
    Statement set(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    set.bind(1, std::string(kChangedByKey)).bind(2, osUserName()).run();
    set.bind(1, std::string(kChangedUtcKey)).bind(2, isoUtcNow()).run();
}

/// Raises meta "store_revision" and records the change (inside the caller's write transaction).
void bumpRevision(SpatialiteConnection& db)
{
    recordChange(db);
    db.exec("INSERT INTO meta (key, value) VALUES ('store_revision', '1') ON CONFLICT(key) DO UPDATE SET "
            "value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)");
}

std::string revisionOf(const SpatialiteConnection& db)
{
    Statement q(db, "SELECT value FROM meta WHERE key = 'store_revision'");
    return q.step() ? q.text(0) : std::string();
}

/// Puts the file in WAL mode (persistent in the file): readers then never block a writer.
void useWal(SpatialiteConnection& db)
{
    {
        Statement q(db, "PRAGMA journal_mode");
        if (q.step() && q.text(0) == "wal")
            return;
    }
    execOrBusy(db, "PRAGMA journal_mode = WAL");
}

/// Reads \a options' parts of an open project (inside the caller's read transaction on \a db;
/// \a second, when given, is a connection that sees the same state, used in parallel).
Dataset readProject(SpatialiteConnection& db, SpatialiteConnection* second, const ProjectReadOptions& options)
{
    Dataset ds;
    {
        Statement q(db, "SELECT key, value FROM meta");
        while (q.step())
            if (!isStoreBookkeeping(q.text(0)))
                ds.meta[q.text(0)] = q.text(1);
    }
    Dataset rest;
    const bool wantsAreas = has(options.parts, ProjectPart::Areas);
    std::future<void> restRead; // declared last: its destructor waits for the reader first
    if (second && wantsAreas)
        restRead = std::async(std::launch::async, [&] { readAllButAreas(*second, rest, options); });
    if (wantsAreas)
        readAreas(db, ds, options); // an error here comes first, as in a one-part-after-another read
    if (restRead.valid())
        restRead.get(); // rethrows the reader's error
    else
        readAllButAreas(db, rest, options);
    ds.facilities = std::move(rest.facilities);
    ds.backgroundLand = std::move(rest.backgroundLand);
    ds.indicators = std::move(rest.indicators);
    ds.categories = std::move(rest.categories);
    ds.bpsCodes = std::move(rest.bpsCodes);
    ds.aliases = std::move(rest.aliases);
    if (has(options.parts, ProjectPart::Roads))
        readRoads(db, ds);
    if (has(options.parts, ProjectPart::Programs))
        ds.programs = programsOf(db, &ds.meta);
    else
        for (auto it = ds.meta.lower_bound("program."); it != ds.meta.end() && it->first.rfind("program.", 0) == 0;)
            it = ds.meta.erase(it); // runs of an old file are not meta, asked for or not
    return ds;
}

CachedArea cachedAreaFor(const Area& area, const std::map<std::string, CachedArea>& given)
{
    Dataset probe; // Dataset::areaKm2/surfacePoint use the given cache only for this very geometry
    if (auto it = given.find(area.code); it != given.end())
        probe.areaCache[area.code] = it->second;
    return {probe.areaKm2(area), vertexCount(area.geometry), coordinateSum(area.geometry), surfacePointOf(probe, area)};
}

void applyChanges(SpatialiteConnection& db, const ProjectChanges& c, std::vector<long long>& programIds)
{
    {
        Statement set(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
        Statement remove(db, "DELETE FROM meta WHERE key = ?");
        for (const auto& [key, value] : c.meta) {
            if (key == "schema_version" || isStoreBookkeeping(key))
                continue;
            if (value)
                set.bind(1, key).bind(2, *value).run();
            else
                remove.bind(1, key).run();
        }
    }
    if (!c.removeAreaCodes.empty()) {
        Statement remove(db, "DELETE FROM wilayah WHERE code = ?");
        for (const std::string& code : c.removeAreaCodes)
            remove.bind(1, code).run();
    }
    if (!c.upsertAreas.empty()) {
        Statement area(db,
                       "INSERT INTO wilayah (code, name, kind, parent_code, geom, area_km2, area_vertices, "
                       "area_coordinate_sum, surface_lon, surface_lat) "
                       "VALUES (?, ?, ?, ?, GeomFromWKB(?, 4326), ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
                       "name = excluded.name, kind = excluded.kind, parent_code = excluded.parent_code, "
                       "geom = excluded.geom, area_km2 = excluded.area_km2, area_vertices = excluded.area_vertices, "
                       "area_coordinate_sum = excluded.area_coordinate_sum, surface_lon = excluded.surface_lon, "
                       "surface_lat = excluded.surface_lat");
        for (const Area& a : c.upsertAreas) {
            const CachedArea cached = cachedAreaFor(a, c.areaCache);
            area.bind(1, a.code).bind(2, a.name).bind(3, a.kind);
            if (a.parentCode.empty())
                area.bindNull(4);
            else
                area.bind(4, a.parentCode);
            if (a.geometry.empty())
                area.bindNull(5);
            else
                area.bindBlob(5, detail::multiPolygonToWkb(a.geometry));
            area.bind(6, cached.km2).bind(7, static_cast<long long>(cached.vertices)).bind(8, cached.coordinateSum);
            if (cached.surfacePoint)
                area.bind(9, cached.surfacePoint->x).bind(10, cached.surfacePoint->y);
            else
                area.bindNull(9).bindNull(10);
            area.run();
        }
    }
    if (!c.removeValuesOfKeyPeriod.empty()) {
        Statement remove(db, "DELETE FROM indikator WHERE key = ? AND period = ?");
        for (const auto& [key, period] : c.removeValuesOfKeyPeriod)
            remove.bind(1, key).bind(2, period).run();
    }
    if (!c.removeValues.empty()) {
        Statement remove(db, "DELETE FROM indikator WHERE wilayah_code = ? AND key = ? AND period = ? AND source = ?");
        for (const IndicatorValue& v : c.removeValues)
            remove.bind(1, v.areaCode).bind(2, v.key).bind(3, v.period).bind(4, v.source).run();
    }
    detail::applyHeldValueRule(db, c);
    if (!c.upsertValues.empty()) {
        Statement value(db,
                        "INSERT INTO indikator (wilayah_code, key, period, value, source, imported_at) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(wilayah_code, key, period, source) DO UPDATE SET "
                        "value = excluded.value, imported_at = excluded.imported_at");
        for (const IndicatorValue& v : c.upsertValues) // c outlives each run(): no copies of the text
            value.bindStatic(1, v.areaCode)
                .bindStatic(2, v.key)
                .bindStatic(3, v.period)
                .bind(4, v.value)
                .bindStatic(5, v.source)
                .bindStatic(6, v.importedAt)
                .run();
    }
    if (!c.removeCategories.empty()) {
        Statement remove(db, "DELETE FROM kategori WHERE wilayah_code = ? AND key = ? AND period = ?");
        for (const CategoryValue& v : c.removeCategories)
            remove.bind(1, v.areaCode).bind(2, v.key).bind(3, v.period).run();
    }
    if (!c.upsertCategories.empty()) {
        Statement category(db,
                           "INSERT INTO kategori (wilayah_code, key, period, level, source, imported_at) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(wilayah_code, key, period) DO UPDATE SET "
                           "level = excluded.level, source = excluded.source, imported_at = excluded.imported_at");
        for (const CategoryValue& v : c.upsertCategories)
            category.bind(1, v.areaCode)
                .bind(2, v.key)
                .bind(3, v.period)
                .bind(4, v.level)
                .bind(5, v.source)
                .bind(6, v.importedAt)
                .run();
    }
    if (!c.removeFacilityIds.empty()) {
        Statement remove(db, "DELETE FROM fasilitas WHERE id = ?");
        for (long long id : c.removeFacilityIds)
            remove.bind(1, id).run();
    }
    auto bindFacility = [](Statement& q, const Facility& f) {
        q.bind(1, f.kind).bind(2, f.name).bind(3, f.status);
        if (f.year > 0)
            q.bind(4, static_cast<long long>(f.year));
        else
            q.bindNull(4);
        q.bind(5, f.locatedBy).bind(6, f.areaCode).bindBlob(7, detail::pointToWkb(f.location));
    };
    if (!c.updateFacilities.empty()) {
        Statement update(db,
                         "UPDATE fasilitas SET kind = ?, name = ?, status = ?, year = ?, located_by = ?, "
                         "wilayah_code = ?, geom = GeomFromWKB(?, 4326) WHERE id = ?");
        for (const Facility& f : c.updateFacilities) {
            bindFacility(update, f);
            update.bind(8, f.id).run();
        }
    }
    detail::addFacilities(db, c.addFacilities);
    if (!c.addAliases.empty()) {
        Statement alias(db, "INSERT OR IGNORE INTO alias (wilayah_code, name, source) VALUES (?, ?, ?)");
        for (const AreaAlias& a : c.addAliases)
            alias.bind(1, a.areaCode).bind(2, a.name).bind(3, a.source).run();
    }
    if (!c.removeBpsCodes.empty()) {
        Statement remove(db, "DELETE FROM kode_bps WHERE code = ?");
        for (const std::string& code : c.removeBpsCodes)
            remove.bind(1, code).run();
    }
    if (!c.bpsCodes.empty()) {
        Statement crosswalk(db, "INSERT OR REPLACE INTO kode_bps (code, bps_code) VALUES (?, ?)");
        for (const auto& [code, bps] : c.bpsCodes)
            crosswalk.bind(1, code).bind(2, bps).run();
    }
    if (c.roads) {
        db.exec("DELETE FROM jalan");
        db.exec("DELETE FROM jalan_kecepatan");
        insertRoads(db, *c.roads);
    }
    if (!c.carriedExportLog.empty()) {
        Statement q(db, "INSERT INTO export_log (utc, what, tier, path, user_name, personal_data) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
        for (const ExportLogEntry& e : c.carriedExportLog) {
            q.reset();
            q.bind(1, e.utc).bind(2, e.what).bind(3, e.tier).bind(4, e.path).bind(5, e.user);
            q.bind(6, static_cast<long long>(e.personalData ? 1 : 0)).run();
        }
    }
    if (c.backgroundLand) {
        db.exec("DELETE FROM latar WHERE name = 'daratan'");
        if (!c.backgroundLand->empty()) {
            Statement land(db, "INSERT INTO latar (name, geom) VALUES ('daratan', GeomFromWKB(?, 4326))");
            land.bindBlob(1, detail::multiPolygonToWkb(*c.backgroundLand)).run();
        }
    }
    if (!c.addPrograms.empty()) {
        long long nextId = 1;
        {
            Statement q(db, "SELECT coalesce(max(id), 0) + 1 FROM program");
            if (q.step())
                nextId = q.integer(0);
        }
        for (PlacementRun run : c.addPrograms) {
            run.id = nextId++;
            insertProgram(db, run);
            programIds.push_back(run.id);
        }
    }
}

/// Removes every row of a project (its schema stays), inside the caller's transaction.
void clearContent(SpatialiteConnection& db)
{
    for (const char* sql :
         {"DELETE FROM meta WHERE key NOT IN ('schema_version', 'store_revision', 'changed_by', 'changed_utc')",
          "DELETE FROM program_site", "DELETE FROM program", "DELETE FROM alias", "DELETE FROM kode_bps",
          "DELETE FROM indikator", "DELETE FROM kategori", "DELETE FROM fasilitas", "DELETE FROM latar", "DELETE FROM wilayah",
          "DELETE FROM jalan", "DELETE FROM jalan_kecepatan"})
        db.exec(sql);
}

class FileStore final : public ProjectStore {
public:
    FileStore(const std::string& path, OpenMode mode) : mPath(path), mMode(mode)
    {
        if (!std::filesystem::exists(path))
            throw ProjectError("project '" + path + "' does not exist", ProjectProblem::Missing);
        if (mode == OpenMode::ReadOnly) {
            mDb = openReader(path);
            mVersion = readVersion(*mDb, path);
            return;
        }
        if (!fileWritable(path))
            throw ProjectError("project '" + path
                                   + "' is read-only for this user (tidak punya hak tulis); ask its "
                                     "owner for write access, or copy it",
                               ProjectProblem::ReadOnly);
        mDb = std::make_unique<SpatialiteConnection>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
        mVersion = readVersion(*mDb, path);
        useWal(*mDb);
        // A big write (a national table: ~170,000 values into three b-trees) touches pages all
        // over the indexes; SQLite's default 2 MB cache would evict and re-read them.
        mDb->exec("PRAGMA cache_size = -65536");
        if (mVersion < kProjectSchemaVersion)
            upgrade();
    }

    std::string location() const override { return mPath; }
    bool readOnly() const override { return mMode == OpenMode::ReadOnly; }
    int schemaVersion() const override { return mVersion; }
    int versionBeforeOpen() const override { return mVersionBefore ? *mVersionBefore : mVersion; }

    std::optional<ProjectChangeStamp> lastChange() const override
    {
        Statement q(*mDb, "SELECT key, value FROM meta WHERE key IN ('changed_by', 'changed_utc')");
        ProjectChangeStamp stamp;
        while (q.step())
            (q.text(0) == kChangedByKey ? stamp.user : stamp.utc) = q.text(1);
        if (stamp.utc.empty())
            return std::nullopt;
        return stamp;
    }

    Dataset read(const ProjectReadOptions& options) const override
    {
        // One read transaction: one consistent state even while others write (WAL).
        mDb->exec("BEGIN");
        try {
            const std::string revision = revisionOf(*mDb);
            // A second connection reads the parts other than the areas in parallel, when it is
            // sure to see the same state: every write raises store_revision.
            std::unique_ptr<SpatialiteConnection> second;
            if (!revision.empty() && has(options.parts, ProjectPart::Areas) && options.codePrefix.empty()) {
                try {
                    second = openReader(mPath);
                    second->exec("BEGIN");
                    if (revisionOf(*second) != revision)
                        second.reset();
                } catch (const ProjectError&) {
                    second.reset();
                }
            }
            Dataset ds = readProject(*mDb, second.get(), options);
            if (second)
                second->exec("COMMIT");
            mDb->exec("COMMIT");
            return ds;
        } catch (...) {
            sqlite3_exec(mDb->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    }

    std::vector<long long> write(const ProjectChanges& changes) override
    {
        if (readOnly())
            throw ProjectError("project '" + mPath + "' was opened read-only; nothing was written",
                               ProjectProblem::ReadOnly);
        std::vector<long long> ids;
        if (changes.empty())
            return ids;
        writeTransaction(*mDb, [&] {
            applyChanges(*mDb, changes, ids);
            bumpRevision(*mDb);
        });
        return ids;
    }

    void appendExportLog(const ExportLogEntry& entry) override
    {
        if (readOnly())
            throw ProjectError("project '" + mPath + "' was opened read-only; the export log was not written",
                               ProjectProblem::ReadOnly);
        // Its own transaction, without bumpRevision: an export changes no data of the project.
        writeTransaction(*mDb, [&] {
            Statement q(*mDb, "INSERT INTO export_log (utc, what, tier, path, user_name, personal_data) "
                              "VALUES (?, ?, ?, ?, ?, ?)");
            q.bind(1, isoUtcNow()).bind(2, entry.what).bind(3, entry.tier).bind(4, entry.path);
            q.bind(5, osUserName()).bind(6, static_cast<long long>(entry.personalData ? 1 : 0)).run();
        });
    }

    std::vector<ExportLogEntry> exportLog() const override
    {
        std::vector<ExportLogEntry> log;
        if (!hasTable(*mDb, "export_log"))
            return log; // a file from before schema 7 opened read-only
        Statement q(*mDb, "SELECT utc, what, tier, path, user_name, personal_data FROM export_log ORDER BY id");
        while (q.step())
            log.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5) != 0});
        return log;
    }

    /// Replaces the whole content by \a ds in one transaction (createProject with replace).
    void replaceContent(const Dataset& ds)
    {
        writeTransaction(*mDb, [&] {
            clearContent(*mDb);
            writeContent(*mDb, ds, false);
            bumpRevision(*mDb);
        });
    }

private:
    void upgrade()
    {
        const int from = mVersion;
        try {
            writeTransaction(*mDb, [&] {
                // Another process may have upgraded it while this one waited for the lock.
                const int now = readVersion(*mDb, mPath);
                if (now < kProjectSchemaVersion) {
                    migrate(*mDb, now);
                    bumpRevision(*mDb);
                }
            });
        } catch (const ProjectError& e) {
            if (std::string(e.what()).find("proyek sedang dipakai") != std::string::npos)
                throw;
            throw ProjectError("cannot upgrade project '" + mPath + "' from schema version " + std::to_string(from)
                               + ": " + e.what() + "; the file is unchanged");
        }
        mVersionBefore = from;
        mVersion = kProjectSchemaVersion;
    }

    std::string mPath;
    OpenMode mMode;
    std::unique_ptr<SpatialiteConnection> mDb;
    int mVersion = 0;
    std::optional<int> mVersionBefore;
};

/// Writes \a ds as a new file at \a target: built under a temporary name beside it in one
/// transaction and renamed over it (atomic), so \a target is never half-written.
void writeNewFile(const Dataset& ds, const std::string& path)
{
    namespace fs = std::filesystem;
    const fs::path target = fs::absolute(path);
    if (!target.has_filename())
        throw ProjectError("cannot save project: '" + path + "' is not a file name");
    std::error_code ec;
    if (!target.parent_path().empty() && !fs::exists(target.parent_path(), ec))
        throw ProjectError("cannot save project '" + path + "': folder '" + target.parent_path().string()
                           + "' does not exist");
    removeStaleTemporaries(target);
    const fs::path temp = target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    auto removeTemp = [&] {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            fs::remove(temp.string() + suffix, ec);
    };
    removeTemp();
    try {
        SpatialiteConnection db(temp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("PRAGMA journal_mode = WAL"); // kept in the file: readers never block its writers
        db.exec("BEGIN");
        createSchema(db);
        writeContent(db, ds);
        recordChange(db);
        detail::copyRasterTable(db, target.string()); // rasters are not in the Dataset (rasterstore.h)
        db.exec("COMMIT");
        db.close(); // the last connection: the WAL is checkpointed into the file and removed
    } catch (...) {
        removeTemp();
        throw;
    }
    fs::rename(temp, target, ec);
    if (ec) {
        removeTemp();
        throw ProjectError("cannot save project '" + path + "': " + ec.message());
    }
}

/// True when \a path is a Sasaran project this program can write in place.
bool isWritableProject(const std::string& path)
{
    try {
        SpatialiteConnection db(path, SQLITE_OPEN_READONLY);
        readVersion(db, path);
        return true;
    } catch (const ProjectError&) {
        return false;
    }
}

} // namespace

namespace detail {

std::unique_ptr<ProjectStore> openFileProject(const std::string& path, OpenMode mode)
{
    return std::make_unique<FileStore>(path, mode);
}

std::unique_ptr<ProjectStore> createFileProject(const std::string& path, const Dataset& ds, bool replace)
{
    const bool exists = std::filesystem::exists(path);
    if (exists && !replace)
        throw ProjectError("project '" + path + "' already exists; it was left unchanged");
    if (exists && fileWritable(path) && isWritableProject(path)) {
        // In place, in one transaction: a process that has the project open keeps writing into
        // this very file (a rename would leave its writes in a file nobody reads any more).
        auto store = std::make_unique<FileStore>(path, OpenMode::ReadWrite);
        store->replaceContent(ds);
        return store;
    }
    writeNewFile(ds, path);
    return std::make_unique<FileStore>(path, OpenMode::ReadWrite);
}

} // namespace detail

void saveProject(const Dataset& ds, const std::string& path)
{
    createProject(path, ds, true);
}

Dataset loadProject(const std::string& path)
{
    if (!isServerLocation(path) && !std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist; check the path, or create the project first",
                           ProjectProblem::Missing);
    return openProject(path, OpenMode::ReadOnly)->read();
}

std::vector<PlacementRun> loadPlacementRuns(const std::string& path)
{
    if (isServerLocation(path)) {
        ProjectReadOptions options;
        options.parts = ProjectPart::Meta | ProjectPart::Programs;
        return openProject(path, OpenMode::ReadOnly)->read(options).programs;
    }
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist", ProjectProblem::Missing);
    auto db = openReader(path);
    readVersion(*db, path);
    return programsOf(*db, nullptr);
}

int projectSchemaVersion(const std::string& path)
{
    if (isServerLocation(path))
        return openProject(path, OpenMode::ReadOnly)->schemaVersion();
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist", ProjectProblem::Missing);
    auto db = openReader(path);
    return readVersion(*db, path);
}

int upgradeProject(const std::string& path)
{
    if (!isServerLocation(path) && !std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist; check the path, or create the project first",
                           ProjectProblem::Missing);
    const auto store = openProject(path, OpenMode::ReadWrite);
    return store->versionBeforeOpen();
}

Dataset openProjectForWriting(const std::string& path)
{
    upgradeProject(path);
    return loadProject(path);
}

} // namespace gis
