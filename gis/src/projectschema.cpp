// The project file's schema: version 1 and the numbered migrations after it, and the rows of
// saved placement runs that a migration moves. See detail/projectschema.h and project.h.
#include "detail/projectschema.h"

#include "gis/error.h"
#include "gis/placementrun.h"
#include "gis/project.h"

#include <iterator>
#include <map>
#include <string>
#include <utility>

namespace gis::detail {

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
    Statement q(db,
                "INSERT INTO program (id, created_utc, kind, method, count, radius_km, minutes, demand_key, period, "
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
    Statement site(db,
                   "INSERT INTO program_site (program_id, rank, kode, nama, lon, lat, gain, served) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const ProgramSite& ps : run.sites)
        site.bind(1, run.id)
            .bind(2, static_cast<long long>(ps.rank))
            .bind(3, ps.code)
            .bind(4, ps.name)
            .bind(5, ps.point.x)
            .bind(6, ps.point.y)
            .bind(7, ps.gain)
            .bind(8, ps.served)
            .run();
}

std::vector<PlacementRun> readPrograms(const SpatialiteConnection& db)
{
    std::vector<PlacementRun> runs;
    std::map<long long, std::size_t> byId;
    Statement q(db,
                "SELECT id, created_utc, kind, method, count, radius_km, minutes, demand_key, period, candidates, "
                "capacity, seed, candidate_count, existing_count, total_demand, covered_before, covered_after, "
                "cost_before, cost_after, result_json FROM program ORDER BY id");
    auto optional = [&](int column) {
        return q.isNull(column) ? std::nullopt : std::optional<double>(q.number(column));
    };
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
    Statement sites(db,
                    "SELECT program_id, rank, kode, nama, lon, lat, gain, served FROM program_site "
                    "ORDER BY program_id, rank");
    while (sites.step()) {
        auto it = byId.find(sites.integer(0));
        if (it == byId.end())
            continue; // a site of a deleted run (foreign keys are not enforced by default)
        runs[it->second].sites.push_back({static_cast<int>(sites.integer(1)),
                                          sites.text(2),
                                          sites.text(3),
                                          {sites.number(4), sites.number(5)},
                                          sites.number(6),
                                          sites.number(7)});
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

/// Version 6 (the in-place store): indexes for the store's keyed writes and partial reads, and
/// meta "store_revision", which every write of the store raises (two connections reading one
/// project in parallel check it to know they see the same state).
void migrateTo6StoreIndexes(SpatialiteConnection& db)
{
    db.exec("CREATE INDEX IF NOT EXISTS indikator_key_period ON indikator(key, period)");
    db.exec("CREATE INDEX IF NOT EXISTS fasilitas_wilayah ON fasilitas(wilayah_code)");
    db.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('store_revision', '1')");
}

/// Version 7: the export log (gis/exportlog.h), one row per output written from the project.
void migrateTo7ExportLog(SpatialiteConnection& db)
{
    db.exec("CREATE TABLE IF NOT EXISTS export_log (id INTEGER PRIMARY KEY, utc TEXT NOT NULL, what TEXT NOT NULL, "
            "tier TEXT NOT NULL, path TEXT NOT NULL, user_name TEXT NOT NULL, personal_data INTEGER NOT NULL)");
}

/// Version 8 (categories): text indicator values, one level per area, key and period (their
/// scale is in meta "kategori.<key>", see gis/categories.h).
void migrateTo8Categories(SpatialiteConnection& db)
{
    db.exec("CREATE TABLE IF NOT EXISTS kategori (wilayah_code TEXT NOT NULL, key TEXT NOT NULL, period TEXT NOT NULL, "
            "level TEXT NOT NULL, source TEXT NOT NULL, imported_at TEXT NOT NULL, "
            "PRIMARY KEY (wilayah_code, key, period))");
    db.exec("CREATE INDEX IF NOT EXISTS kategori_key_period ON kategori(key, period)");
}

/// Version 9 (roads): the project's road layer, `jalan` (one row per road feature: its class
/// and its lines) and `jalan_kecepatan` (km/h per class, keys lower case).
void migrateTo9Roads(SpatialiteConnection& db)
{
    if (!hasTable(db, "jalan")) {
        db.exec("CREATE TABLE jalan (id INTEGER PRIMARY KEY, kelas TEXT NOT NULL)");
        db.exec("SELECT AddGeometryColumn('jalan', 'geom', 4326, 'MULTILINESTRING', 'XY')");
    }
    if (!hasSpatialIndex(db, "jalan"))
        db.exec("SELECT CreateSpatialIndex('jalan', 'geom')");
    db.exec("CREATE TABLE IF NOT EXISTS jalan_kecepatan (kelas TEXT PRIMARY KEY, kmh REAL NOT NULL)");
}

struct Migration {
    int version; ///< the version the file has after it
    void (*apply)(SpatialiteConnection&);
};

/// The numbered migrations, in order. Append only: never edit a released one.
constexpr Migration kMigrations[] = {
    {2, &migrateTo2}, {3, &migrateTo3}, {4, &migrateTo4}, {5, &migrateTo5SurfacePoints}, {6, &migrateTo6StoreIndexes},
    {7, &migrateTo7ExportLog},
    {8, &migrateTo8Categories},
    {9, &migrateTo9Roads},
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

} // namespace gis::detail
