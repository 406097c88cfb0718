#include "gis/project.h"

#include "detail/rasterstore.h"
#include "detail/sqlite.h"
#include "detail/wkb.h"
#include "gis/error.h"
#include "gis/placementrun.h"

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <iterator>
#include <future>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace gis {

using detail::SpatialiteConnection;
using detail::Statement;

namespace {

bool hasTable(const SpatialiteConnection& db, const std::string& name)
{
    Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, name);
    return q.step();
}

/// Version 1: the first released schema (as written by the first saveProject).
void createSchemaVersion1(SpatialiteConnection& db)
{
    // Only WGS 84 is registered: every geometry of a project is EPSG:4326.
    db.exec("SELECT InitSpatialMetadata(0, 'WGS84')");
    db.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    db.exec("CREATE TABLE wilayah (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, "
            "parent_code TEXT)");
    db.exec("SELECT AddGeometryColumn('wilayah', 'geom', 4326, 'MULTIPOLYGON', 'XY')");
    db.exec("CREATE INDEX wilayah_parent ON wilayah(parent_code)");
    db.exec("CREATE TABLE fasilitas (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT, status TEXT, "
            "year INTEGER, located_by TEXT NOT NULL, wilayah_code TEXT)");
    db.exec("SELECT AddGeometryColumn('fasilitas', 'geom', 4326, 'POINT', 'XY')");
    db.exec("CREATE TABLE indikator (wilayah_code TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT NULL, "
            "value REAL NOT NULL, source TEXT NOT NULL, imported_at TEXT NOT NULL, "
            "PRIMARY KEY (wilayah_code, key, period, source))");
    db.exec("CREATE TABLE latar (name TEXT PRIMARY KEY)");
    db.exec("SELECT AddGeometryColumn('latar', 'geom', 4326, 'MULTIPOLYGON', 'XY')");
}

bool hasSpatialIndex(const SpatialiteConnection& db, const std::string& table)
{
    Statement q(db, "SELECT spatial_index_enabled FROM geometry_columns WHERE f_table_name = ?");
    q.bind(1, table);
    return q.step() && q.integer(0) != 0;
}

/// Version 2: code crosswalk, aliases, spatial index on latar, boundary provenance in meta.
void migrateTo2(SpatialiteConnection& db)
{
    db.exec("CREATE TABLE IF NOT EXISTS kode_bps (code TEXT PRIMARY KEY, bps_code TEXT NOT NULL)");
    db.exec("CREATE INDEX IF NOT EXISTS kode_bps_bps ON kode_bps(bps_code)");
    db.exec("CREATE TABLE IF NOT EXISTS alias (wilayah_code TEXT NOT NULL, name TEXT NOT NULL, "
            "source TEXT NOT NULL DEFAULT '', PRIMARY KEY (wilayah_code, name))");
    if (!hasTable(db, "latar")) {
        db.exec("CREATE TABLE latar (name TEXT PRIMARY KEY)");
        db.exec("SELECT AddGeometryColumn('latar', 'geom', 4326, 'MULTIPOLYGON', 'XY')");
    }
    if (!hasSpatialIndex(db, "latar"))
        db.exec("SELECT CreateSpatialIndex('latar', 'geom')");
    // Boundaries of a version-1 project were whatever its provenance said.
    db.exec("INSERT OR IGNORE INTO meta (key, value) SELECT 'boundary_provenance', value FROM meta "
            "WHERE key = 'provenance'");
}

/// Version 3: each area's ellipsoidal area, stored with a fingerprint of the geometry it was
/// computed from (Dataset::areaCache), so large projects need not recompute it on every analysis.
void migrateTo3(SpatialiteConnection& db)
{
    db.exec("ALTER TABLE wilayah ADD COLUMN area_km2 REAL");
    db.exec("ALTER TABLE wilayah ADD COLUMN area_vertices INTEGER");
    db.exec("ALTER TABLE wilayah ADD COLUMN area_coordinate_sum REAL");
}

/// The tables of saved placement runs (schema version 4).
void createProgramTables(SpatialiteConnection& db)
{
    // covered_*: demand covered within reach (MCLP) or reached (p-median), served under the
    // capacity when there is one; cost_*: p-median's demand-weighted distance (km or minutes).
    db.exec("CREATE TABLE program (id INTEGER PRIMARY KEY, created_utc TEXT NOT NULL, kind TEXT NOT NULL, "
            "method TEXT NOT NULL CHECK (method IN ('mclp', 'pmedian')), count INTEGER NOT NULL, radius_km REAL, "
            "minutes REAL, demand_key TEXT NOT NULL, period TEXT NOT NULL, candidates TEXT NOT NULL, capacity REAL, "
            "seed INTEGER NOT NULL, candidate_count INTEGER NOT NULL, existing_count INTEGER NOT NULL, "
            "total_demand REAL NOT NULL, covered_before REAL, covered_after REAL, cost_before REAL, cost_after REAL, "
            "result_json TEXT NOT NULL)");
    db.exec("CREATE TABLE program_site (program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE, "
            "rank INTEGER NOT NULL, kode TEXT NOT NULL, nama TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, "
            "gain REAL NOT NULL, served REAL NOT NULL, PRIMARY KEY (program_id, rank))");
}

void insertProgram(SpatialiteConnection& db, const PlacementRun& run)
{
    Statement q(db, "INSERT INTO program (id, created_utc, kind, method, count, radius_km, minutes, demand_key, period, "
                    "candidates, capacity, seed, candidate_count, existing_count, total_demand, covered_before, "
                    "covered_after, cost_before, cost_after, result_json) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto optional = [&](int index, const std::optional<double>& v) {
        if (v)
            q.bind(index, *v);
        else
            q.bindNull(index);
    };
    q.bind(1, run.id).bind(2, run.createdUtc).bind(3, run.kind).bind(4, run.method);
    q.bind(5, static_cast<long long>(run.count));
    optional(6, run.radiusKm);
    optional(7, run.minutes);
    q.bind(8, run.demandKey).bind(9, run.period).bind(10, run.candidates);
    optional(11, run.capacity);
    // SQLite integers are signed 64-bit: the seed's bits are kept (a seed above 2^63 reads negative in SQL).
    q.bind(12, static_cast<long long>(run.seed));
    q.bind(13, static_cast<long long>(run.candidateCount)).bind(14, static_cast<long long>(run.existingCount));
    q.bind(15, run.totalDemand);
    optional(16, run.coveredBefore);
    optional(17, run.coveredAfter);
    optional(18, run.costBefore);
    optional(19, run.costAfter);
    q.bind(20, run.json).run();
    Statement site(db, "INSERT INTO program_site (program_id, rank, kode, nama, lon, lat, gain, served) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const ProgramSite& ps : run.sites)
        site.bind(1, run.id).bind(2, static_cast<long long>(ps.rank)).bind(3, ps.code).bind(4, ps.name)
            .bind(5, ps.point.x).bind(6, ps.point.y).bind(7, ps.gain).bind(8, ps.served)
            .run();
}

std::vector<PlacementRun> readPrograms(const SpatialiteConnection& db)
{
    std::vector<PlacementRun> runs;
    std::map<long long, std::size_t> byId;
    Statement q(db, "SELECT id, created_utc, kind, method, count, radius_km, minutes, demand_key, period, candidates, "
                    "capacity, seed, candidate_count, existing_count, total_demand, covered_before, covered_after, "
                    "cost_before, cost_after, result_json FROM program ORDER BY id");
    auto optional = [&](int column) { return q.isNull(column) ? std::nullopt : std::optional<double>(q.number(column)); };
    while (q.step()) {
        PlacementRun run;
        run.id = q.integer(0);
        run.createdUtc = q.text(1);
        run.kind = q.text(2);
        run.method = q.text(3);
        run.count = static_cast<std::size_t>(q.integer(4));
        run.radiusKm = optional(5);
        run.minutes = optional(6);
        run.demandKey = q.text(7);
        run.period = q.text(8);
        run.candidates = q.text(9);
        run.capacity = optional(10);
        run.seed = static_cast<std::uint64_t>(q.integer(11));
        run.candidateCount = static_cast<std::size_t>(q.integer(12));
        run.existingCount = static_cast<std::size_t>(q.integer(13));
        run.totalDemand = q.number(14);
        run.coveredBefore = optional(15);
        run.coveredAfter = optional(16);
        run.costBefore = optional(17);
        run.costAfter = optional(18);
        run.json = q.text(19);
        byId[run.id] = runs.size();
        runs.push_back(std::move(run));
    }
    Statement sites(db, "SELECT program_id, rank, kode, nama, lon, lat, gain, served FROM program_site "
                        "ORDER BY program_id, rank");
    while (sites.step()) {
        auto it = byId.find(sites.integer(0));
        if (it == byId.end())
            continue; // a site of a deleted run (foreign keys are not enforced by default)
        runs[it->second].sites.push_back({static_cast<int>(sites.integer(1)), sites.text(2), sites.text(3),
                                          {sites.number(4), sites.number(5)}, sites.number(6), sites.number(7)});
    }
    return runs;
}

/// Placement runs kept in meta "program.<UTC time>[-N]" entries (before schema 4), in key
/// order (which is the order of saving), numbered from 1. Entries that are not readable runs
/// are left out (and stay in meta, so nothing is lost).
std::vector<std::pair<std::string, PlacementRun>> legacyPrograms(const std::map<std::string, std::string>& meta)
{
    std::vector<std::pair<std::string, PlacementRun>> out;
    const std::string prefix = "program.";
    for (auto it = meta.lower_bound(prefix); it != meta.end() && it->first.rfind(prefix, 0) == 0; ++it) {
        std::string created = it->first.substr(prefix.size());
        // A second run in the same second was saved as "<time>-2": the time ends at its Z.
        if (const auto z = created.rfind('Z'); z != std::string::npos)
            created.erase(z + 1);
        try {
            PlacementRun run = placementRunFromJson(it->second, created);
            run.id = static_cast<long long>(out.size() + 1);
            out.emplace_back(it->first, std::move(run));
        } catch (const Error&) {
        }
    }
    return out;
}

/// Version 4: placement runs in tables `program` and `program_site` instead of meta
/// "program.*" JSON entries, which are moved there.
void migrateTo4(SpatialiteConnection& db)
{
    createProgramTables(db);
    std::map<std::string, std::string> meta;
    {
        Statement q(db, "SELECT key, value FROM meta WHERE key LIKE 'program.%'");
        while (q.step())
            meta[q.text(0)] = q.text(1);
    }
    Statement remove(db, "DELETE FROM meta WHERE key = ?");
    for (const auto& [key, run] : legacyPrograms(meta)) {
        insertProgram(db, run);
        remove.bind(1, key).run();
    }
}

/// Rows of \a table, so that large projects fill each vector once instead of growing it by
/// doubling (which touches about twice the memory).
std::size_t rowCount(const SpatialiteConnection& db, const std::string& table)
{
    Statement q(db, "SELECT count(*) FROM " + table);
    return q.step() ? static_cast<std::size_t>(q.integer(0)) : 0;
}

bool hasColumn(const SpatialiteConnection& db, const std::string& table, const std::string& column)
{
    Statement q(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    q.bind(1, table).bind(2, column);
    return q.step();
}

/// Version 5 (surface points): each area's point-on-surface beside its stored area, under the
/// same geometry fingerprint (Dataset::surfacePoint), so analysing a national project needs no
/// GEOS pass over every polygon. Self-contained: it only adds two nullable columns to wilayah.
void migrateTo5SurfacePoints(SpatialiteConnection& db)
{
    if (!hasColumn(db, "wilayah", "surface_lon"))
        db.exec("ALTER TABLE wilayah ADD COLUMN surface_lon REAL");
    if (!hasColumn(db, "wilayah", "surface_lat"))
        db.exec("ALTER TABLE wilayah ADD COLUMN surface_lat REAL");
}

struct Migration {
    int version;                          ///< the version the file has after it
    void (*apply)(SpatialiteConnection&);
};

/// The numbered migrations, in order. Append only: never edit a released one.
constexpr Migration kMigrations[] = {
    {2, &migrateTo2},
    {3, &migrateTo3},
    {4, &migrateTo4},
    {5, &migrateTo5SurfacePoints},
};
static_assert(std::size(kMigrations) == kProjectSchemaVersion - 1, "one migration per version after 1");

/// Runs the migrations after \a from (inside the caller's transaction) and records the version.
void migrate(SpatialiteConnection& db, int from)
{
    for (const Migration& m : kMigrations)
        if (m.version > from)
            m.apply(db);
    Statement q(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)");
    q.bind(1, std::to_string(kProjectSchemaVersion)).run();
}

void createSchema(SpatialiteConnection& db)
{
    createSchemaVersion1(db);
    db.exec("INSERT INTO meta (key, value) VALUES ('schema_version', '1')");
    migrate(db, 1);
}

int readVersion(const SpatialiteConnection& db, const std::string& path)
{
    for (const char* table : {"meta", "wilayah", "fasilitas", "indikator"})
        if (!hasTable(db, table))
            throw ProjectError("'" + path + "' is not a Sasaran project (it has no table '" + table + "')");
    Statement q(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    int version = 0;
    if (q.step()) {
        try {
            version = std::stoi(q.text(0));
        } catch (const std::exception&) {
            throw ProjectError("project '" + path + "' has an unreadable schema version '" + q.text(0) + "'");
        }
    }
    if (version > kProjectSchemaVersion)
        throw ProjectError("project '" + path + "' has schema version " + std::to_string(version)
                           + ", newer than this program understands (" + std::to_string(kProjectSchemaVersion)
                           + "); update Sasaran to open it");
    return version;
}

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
            fs::remove(it->path().string() + "-journal", ignored);
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

void writeContent(SpatialiteConnection& db, const Dataset& ds)
{
    // schema_version was written by createSchema().
    Statement meta(db, "INSERT INTO meta (key, value) VALUES (?, ?)");
    for (const auto& [key, value] : ds.meta)
        if (key != "schema_version")
            meta.bind(1, key).bind(2, value).run();

    Statement area(db, "INSERT INTO wilayah (code, name, kind, parent_code, geom, area_km2, area_vertices, "
                       "area_coordinate_sum, surface_lon, surface_lat) "
                       "VALUES (?, ?, ?, ?, GeomFromWKB(?, 4326), ?, ?, ?, ?, ?)");
    for (const Area& a : ds.areas) {
        const CachedArea cached{ds.areaKm2(a), vertexCount(a.geometry), coordinateSum(a.geometry), surfacePointOf(ds, a)};
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

    Statement facility(db, "INSERT INTO fasilitas (id, kind, name, status, year, located_by, wilayah_code, geom) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4326))");
    for (const Facility& f : ds.facilities) {
        facility.bind(1, f.id).bind(2, f.kind).bind(3, f.name).bind(4, f.status);
        if (f.year > 0)
            facility.bind(5, static_cast<long long>(f.year));
        else
            facility.bindNull(5);
        facility.bind(6, f.locatedBy).bind(7, f.areaCode).bindBlob(8, detail::pointToWkb(f.location)).run();
    }

    Statement value(db, "INSERT INTO indikator (wilayah_code, key, period, value, source, imported_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)");
    for (const IndicatorValue& v : ds.indicators)
        value.bind(1, v.areaCode).bind(2, v.key).bind(3, v.period).bind(4, v.value).bind(5, v.source)
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

    db.exec("SELECT CreateSpatialIndex('wilayah', 'geom')");
    db.exec("SELECT CreateSpatialIndex('fasilitas', 'geom')");
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

void saveProject(const Dataset& ds, const std::string& path)
{
    namespace fs = std::filesystem;
    const fs::path target = fs::absolute(path);
    if (!target.has_filename())
        throw ProjectError("cannot save project: '" + path + "' is not a file name");
    std::error_code ec;
    if (!target.parent_path().empty() && !fs::exists(target.parent_path(), ec))
        throw ProjectError("cannot save project '" + path + "': folder '" + target.parent_path().string()
                           + "' does not exist");
    // Build under a temporary name in the same folder, then rename: the rename is atomic,
    // so readers see either the old file or the complete new one.
    removeStaleTemporaries(target);
    const fs::path temp = target.parent_path() / (target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    fs::remove(temp, ec);
    try {
        SpatialiteConnection db(temp.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("PRAGMA journal_mode = DELETE");
        db.exec("BEGIN");
        createSchema(db);
        writeContent(db, ds);
        detail::copyRasterTable(db, target.string()); // rasters are not in the Dataset (rasterstore.h)
        db.exec("COMMIT");
        db.close();
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw ProjectError("cannot save project '" + path + "': " + ec.message());
    }
}

namespace {

/// The areas, with their stored areas and surface points (Dataset::areaCache).
void readAreas(const SpatialiteConnection& db, Dataset& ds)
{
    const bool storedAreas = hasColumn(db, "wilayah", "area_km2");
    const bool storedPoints = storedAreas && hasColumn(db, "wilayah", "surface_lon");
    // The stored BLOB is decoded directly (detail::polygonsFromSpatialiteBlob); any other
    // form goes through SpatiaLite's AsBinary, prepared only when first needed.
    std::optional<Statement> asWkb;
    Statement q(db, std::string("SELECT code, name, kind, parent_code, geom")
                        + (storedAreas ? ", area_km2, area_vertices, area_coordinate_sum" : "")
                        + (storedPoints ? ", surface_lon, surface_lat" : "") + " FROM wilayah ORDER BY rowid");
    ds.areas.reserve(rowCount(db, "wilayah"));
    while (q.step()) {
        Area a;
        a.code = q.text(0);
        a.name = q.text(1);
        a.kind = q.text(2);
        a.parentCode = q.text(3);
        if (!q.isNull(4)) {
            const std::string_view stored = q.blobView(4);
            if (auto polygons = detail::polygonsFromSpatialiteBlob(stored)) {
                a.geometry = std::move(*polygons);
            } else {
                if (!asWkb)
                    asWkb.emplace(db, "SELECT AsBinary(?)");
                asWkb->reset();
                asWkb->bindBlob(1, std::string(stored));
                if (asWkb->step() && !asWkb->isNull(0))
                    a.geometry = detail::geometryFromWkb(asWkb->blob(0)).polygons;
            }
        }
        if (storedAreas && !q.isNull(5) && !q.isNull(6) && !q.isNull(7)) {
            CachedArea& cached = ds.areaCache[a.code];
            cached = {q.number(5), static_cast<std::size_t>(q.integer(6)), q.number(7), std::nullopt};
            if (storedPoints && !q.isNull(8) && !q.isNull(9))
                cached.surfacePoint = Point{q.number(8), q.number(9)};
        }
        ds.areas.push_back(std::move(a));
    }
}

/// Everything but the meta values and the areas: facilities, background land, indicator
/// values, the code crosswalk and aliases.
void readAllButAreas(const SpatialiteConnection& db, Dataset& ds)
{
    {
        Statement q(db, "SELECT id, kind, name, status, year, located_by, wilayah_code, AsBinary(geom) "
                        "FROM fasilitas ORDER BY id");
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
            if (!q.isNull(7)) {
                const Geometry g = detail::geometryFromWkb(q.blob(7));
                if (!g.points.empty())
                    f.location = g.points.front();
            }
            ds.facilities.push_back(std::move(f));
        }
    }
    if (hasTable(db, "latar")) {
        Statement q(db, "SELECT AsBinary(geom) FROM latar WHERE name = 'daratan'");
        if (q.step() && !q.isNull(0))
            ds.backgroundLand = detail::geometryFromWkb(q.blob(0)).polygons;
    }
    {
        Statement q(db, "SELECT wilayah_code, key, period, value, source, imported_at FROM indikator ORDER BY rowid");
        ds.indicators.reserve(rowCount(db, "indikator"));
        while (q.step())
            ds.indicators.push_back({q.text(0), q.text(1), q.text(2), q.number(3), q.text(4), q.text(5)});
    }
    if (hasTable(db, "kode_bps")) {
        Statement q(db, "SELECT code, bps_code FROM kode_bps ORDER BY code");
        while (q.step())
            ds.bpsCodes[q.text(0)] = q.text(1);
    }
    if (hasTable(db, "alias")) {
        Statement q(db, "SELECT wilayah_code, name, source FROM alias ORDER BY rowid");
        while (q.step())
            ds.aliases.push_back({q.text(0), q.text(1), q.text(2)});
    }
}

/// Which file \a path names now (device and inode); nullopt when it cannot be told.
std::optional<std::pair<dev_t, ino_t>> fileIdentity(const std::string& path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return std::pair{info.st_dev, info.st_ino};
}

} // namespace

Dataset loadProject(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist; create one with 'sasaran-cli demo " + path + "'");
    const auto identity = fileIdentity(path);
    // Each connection is used by one thread at a time: SQLite need not lock on every call.
    constexpr int kReadFlags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    SpatialiteConnection db(path, kReadFlags);
    readVersion(db, path);

    Dataset ds;
    {
        Statement q(db, "SELECT key, value FROM meta");
        while (q.step())
            ds.meta[q.text(0)] = q.text(1);
    }
    // The areas (most of a large project's bytes) and the rest are read at the same time,
    // through a second connection. saveProject replaces a file by renaming a new one over
    // it, so the second connection is used only when the path still names the file the
    // first one opened; otherwise everything is read through the first, one part after another.
    std::optional<SpatialiteConnection> second;
    try {
        second.emplace(path, kReadFlags);
    } catch (const ProjectError&) {
        second.reset();
    }
    if (!identity || fileIdentity(path) != identity)
        second.reset();
    Dataset rest;
    std::future<void> restRead; // declared last: its destructor waits for the reader first
    if (second)
        restRead = std::async(std::launch::async, [&] { readAllButAreas(*second, rest); });
    readAreas(db, ds); // an error here comes first, as in a one-part-after-another read
    if (restRead.valid())
        restRead.get(); // rethrows the reader's error
    else
        readAllButAreas(db, rest);
    ds.facilities = std::move(rest.facilities);
    ds.backgroundLand = std::move(rest.backgroundLand);
    ds.indicators = std::move(rest.indicators);
    ds.bpsCodes = std::move(rest.bpsCodes);
    ds.aliases = std::move(rest.aliases);
    ds.programs = programsOf(db, &ds.meta);
    return ds;
}

std::vector<PlacementRun> loadPlacementRuns(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist");
    SpatialiteConnection db(path, SQLITE_OPEN_READONLY);
    readVersion(db, path);
    return programsOf(db, nullptr);
}

int projectSchemaVersion(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist");
    SpatialiteConnection db(path, SQLITE_OPEN_READONLY);
    return readVersion(db, path);
}

int upgradeProject(const std::string& path)
{
    if (!std::filesystem::exists(path))
        throw ProjectError("project '" + path + "' does not exist; create one with 'sasaran-cli new' or "
                           "'sasaran-cli demo'");
    SpatialiteConnection db(path, SQLITE_OPEN_READWRITE);
    const int version = readVersion(db, path);
    if (version == kProjectSchemaVersion)
        return version;
    // The rollback journal makes the whole upgrade atomic: a crash or an error leaves the old file.
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("BEGIN IMMEDIATE");
    try {
        migrate(db, version);
        db.exec("COMMIT");
    } catch (const std::exception& e) {
        try {
            db.exec("ROLLBACK");
        } catch (...) {
        }
        throw ProjectError("cannot upgrade project '" + path + "' from schema version " + std::to_string(version)
                           + ": " + e.what() + "; the file is unchanged");
    }
    db.close();
    return version;
}

Dataset openProjectForWriting(const std::string& path)
{
    upgradeProject(path);
    return loadProject(path);
}

} // namespace gis
