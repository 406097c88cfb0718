// The PostgreSQL/PostGIS project store: one schema per project, the same logical tables as the
// SpatiaLite file (see project.h), geometry as geometry(MultiPolygon|Point, 4326) with GiST
// indexes, sent and read as WKB.
//
// Writers of one project take a transaction-scoped advisory lock on it, so their row-level
// changes apply one after another and neither is lost; readers read one REPEATABLE READ
// snapshot and never wait for writers.
#include "detail/pgstore.h"
#include "detail/serverstore.h"

#include "detail/pg.h"
#include "detail/projectschema.h"
#include "detail/wkb.h"
#include "gis/error.h"
#include "gis/geometry.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "gis/project.h"
#include "gis/raster.h"
#include "gis/serveraccess.h"
#include "gis/text.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>

namespace gis::detail {

namespace {

constexpr const char* kReadOnlyMessage = "proyek hanya-baca: tidak punya hak tulis";

/// The export log (gis/exportlog.h, schema version 7); the role writing a row is the server's
/// current_user and the time the server's.
void createExportLogTable(PgConnection& db, const std::string& s)
{
    db.exec("CREATE TABLE IF NOT EXISTS " + s
            + ".export_log (id bigserial PRIMARY KEY, utc text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', "
              "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), what text NOT NULL, tier text NOT NULL, path text NOT NULL, "
              "user_name text NOT NULL DEFAULT current_user, personal_data boolean NOT NULL)");
}

/// Text indicator values (schema version 8), with the row security of the other per-area tables.
void createCategoryTable(PgConnection& db, const std::string& s)
{
    db.exec("CREATE TABLE " + s
            + ".kategori (wilayah_code text COLLATE \"C\" NOT NULL, key text NOT NULL, period text NOT NULL, "
              "level text NOT NULL, source text NOT NULL, imported_at text NOT NULL, ord bigserial NOT NULL, "
              "PRIMARY KEY (wilayah_code, key, period))");
    db.exec("CREATE INDEX kategori_key_period ON " + s + ".kategori (key, period)");
}

/// The row security of kategori (created after in_scope).
void secureCategoryTable(PgConnection& db, const std::string& s)
{
    db.exec("ALTER TABLE " + s + ".kategori ENABLE ROW LEVEL SECURITY");
    db.exec("CREATE POLICY by_code_prefix ON " + s + ".kategori USING (" + s + ".in_scope(wilayah_code)) WITH CHECK ("
            + s + ".in_scope(wilayah_code))");
}

/// The road layer (schema version 9): created with a new project, and added to an older one
/// when its owner opens it for writing.
void createRoadTables(PgConnection& db, const std::string& s)
{
    db.exec("CREATE TABLE IF NOT EXISTS " + s
            + ".jalan (id bigint PRIMARY KEY, kelas text NOT NULL, geom geometry(MultiLineString, 4326))");
    db.exec("CREATE INDEX IF NOT EXISTS jalan_geom ON " + s + ".jalan USING gist (geom)");
    db.exec("CREATE TABLE IF NOT EXISTS " + s
            + ".jalan_kecepatan (kelas text PRIMARY KEY, kmh double precision NOT NULL)");
}

/// The rasters (gis/rasterstore.h): created with a new project; an older one gets it from its
/// owner's first raster import.
void createRasterTable(PgConnection& db, const std::string& s)
{
    db.exec("CREATE TABLE IF NOT EXISTS " + s
            + ".raster (kind text PRIMARY KEY, source text NOT NULL, period text, resolution_m double precision "
              "NOT NULL, crs text NOT NULL, imported_at text NOT NULL, attributes text, tiff bytea NOT NULL)");
}

void insertRoads(PgConnection& db, const std::string& s, const RoadLayer& layer)
{
    long long id = 0;
    for (const Road& r : layer.roads)
        db.query("INSERT INTO " + s + ".jalan (id, kelas, geom) VALUES ($1, $2, ST_SetSRID(ST_GeomFromWKB($3), 4326))",
                 {pgInteger(++id), PgParam::text(r.roadClass),
                  PgParam::bytes(multiLineStringToWkb(r.lines))});
    for (const auto& [cls, kmh] : layer.speedsKmh)
        db.query("INSERT INTO " + s + ".jalan_kecepatan (kelas, kmh) VALUES ($1, $2)",
                 {PgParam::text(cls), pgNumber(kmh)});
}

/// The project's tables and indexes (created empty; indexes after a bulk load are built by
/// createIndexes).
void createTables(PgConnection& db, const std::string& s)
{
    db.exec("CREATE SCHEMA " + s);
    db.exec("CREATE TABLE " + s + ".meta (key text PRIMARY KEY, value text NOT NULL)");
    db.exec("CREATE TABLE " + s
            + ".wilayah (code text COLLATE \"C\" PRIMARY KEY, name text NOT NULL, "
              "kind text NOT NULL, parent_code text COLLATE \"C\", geom geometry(MultiPolygon, 4326), "
              "area_km2 double precision, area_vertices bigint, area_coordinate_sum double precision, "
              "surface_lon double precision, surface_lat double precision, ord bigserial NOT NULL)");
    db.exec("CREATE TABLE " + s
            + ".fasilitas (id bigint PRIMARY KEY, kind text NOT NULL, name text, status text, "
              "year integer, located_by text NOT NULL, wilayah_code text COLLATE \"C\", geom geometry(Point, 4326))");
    db.exec("CREATE TABLE " + s
            + ".indikator (wilayah_code text COLLATE \"C\" NOT NULL, key text NOT NULL, "
              "period text NOT NULL, value double precision NOT NULL, source text NOT NULL, imported_at text NOT NULL, "
              "ord bigserial NOT NULL, PRIMARY KEY (wilayah_code, key, period, source))");
    createCategoryTable(db, s);
    db.exec("CREATE TABLE " + s + ".latar (name text PRIMARY KEY, geom geometry(MultiPolygon, 4326))");
    db.exec("CREATE TABLE " + s + ".kode_bps (code text COLLATE \"C\" PRIMARY KEY, bps_code text NOT NULL)");
    db.exec("CREATE TABLE " + s
            + ".alias (wilayah_code text COLLATE \"C\" NOT NULL, name text NOT NULL, "
              "source text NOT NULL DEFAULT '', ord bigserial NOT NULL, PRIMARY KEY (wilayah_code, name))");
    db.exec(
        "CREATE TABLE " + s
        + ".program (id bigint PRIMARY KEY, created_utc text NOT NULL, kind text NOT NULL, "
          "method text NOT NULL CHECK (method IN ('mclp', 'pmedian')), count bigint NOT NULL, "
          "radius_km double precision, minutes double precision, demand_key text NOT NULL, period text NOT NULL, "
          "candidates text NOT NULL, capacity double precision, seed bigint NOT NULL, "
          "candidate_count bigint NOT NULL, existing_count bigint NOT NULL, total_demand double precision NOT NULL, "
          "covered_before double precision, covered_after double precision, cost_before double precision, "
          "cost_after double precision, result_json text NOT NULL)");
    db.exec("CREATE TABLE " + s + ".program_site (program_id bigint NOT NULL REFERENCES " + s
            + ".program(id) ON DELETE CASCADE, rank integer NOT NULL, kode text NOT NULL, nama text NOT NULL, "
              "lon double precision NOT NULL, lat double precision NOT NULL, gain double precision NOT NULL, "
              "served double precision NOT NULL, PRIMARY KEY (program_id, rank))");
    createExportLogTable(db, s);
    createRoadTables(db, s);
    createRasterTable(db, s);
    // Row-level security by area code prefix: a role listed here sees and writes only the rows
    // of areas under one of its prefixes; roles not listed are not restricted by it. The owner
    // is never restricted (row security does not apply to a table's owner).
    db.exec("CREATE TABLE " + s
            + ".akses (role name NOT NULL, code_prefix text COLLATE \"C\" NOT NULL, "
              "PRIMARY KEY (role, code_prefix))");
    db.exec("CREATE FUNCTION " + s
            + ".in_scope(area_code text) RETURNS boolean LANGUAGE sql STABLE AS $$ "
              "SELECT NOT EXISTS (SELECT 1 FROM "
            + s + ".akses WHERE role = current_user) OR EXISTS (SELECT 1 FROM " + s
            + ".akses a WHERE a.role = current_user AND (area_code = a.code_prefix OR "
              "left(area_code, length(a.code_prefix) + 1) = a.code_prefix || '.')) $$");
    for (const auto& [table, column] :
         {std::pair{"wilayah", "code"}, std::pair{"fasilitas", "wilayah_code"}, std::pair{"indikator", "wilayah_code"},
          std::pair{"alias", "wilayah_code"}, std::pair{"kode_bps", "code"}}) {
        const std::string t = s + "." + table;
        db.exec("ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY");
        db.exec(std::string("CREATE POLICY by_code_prefix ON ") + t + " USING (" + s + ".in_scope(" + column
                + ")) WITH CHECK (" + s + ".in_scope(" + column + "))");
    }
    secureCategoryTable(db, s);
}

void createIndexes(PgConnection& db, const std::string& s)
{
    db.exec("CREATE INDEX wilayah_parent ON " + s + ".wilayah (parent_code)");
    db.exec("CREATE INDEX wilayah_ord ON " + s + ".wilayah (ord)");
    db.exec("CREATE INDEX wilayah_geom ON " + s + ".wilayah USING gist (geom)");
    db.exec("CREATE INDEX fasilitas_wilayah ON " + s + ".fasilitas (wilayah_code)");
    db.exec("CREATE INDEX fasilitas_geom ON " + s + ".fasilitas USING gist (geom)");
    db.exec("CREATE INDEX indikator_key_period ON " + s + ".indikator (key, period)");
    db.exec("CREATE INDEX latar_geom ON " + s + ".latar USING gist (geom)");
    db.exec("CREATE INDEX kode_bps_bps ON " + s + ".kode_bps (bps_code)");
    db.exec("ANALYZE " + s + ".wilayah");
    db.exec("ANALYZE " + s + ".indikator");
}

using Field = std::optional<std::string_view>;

class CopyRows {
public:
    void field(const Field& v)
    {
        if (!mFirst)
            mLine += '\t';
        mFirst = false;
        PgConnection::appendCopyField(mLine, v);
    }
    void field(const std::string& v) { field(Field(v)); }
    void number(double v)
    {
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
        (void)ec;
        field(Field(std::string_view(buffer, static_cast<std::size_t>(end - buffer))));
    }
    void number(const std::optional<double>& v)
    {
        if (v)
            number(*v);
        else
            field(Field());
    }
    void integer(long long v) { field(std::to_string(v)); }
    void hex(const std::string& bytes)
    {
        if (!mFirst)
            mLine += '\t';
        mFirst = false;
        PgConnection::appendHex(mLine, bytes);
    }
    void end()
    {
        mRows.push_back(std::move(mLine));
        mLine.clear();
        mFirst = true;
    }
    const std::vector<std::string>& rows() const { return mRows; }
    bool empty() const { return mRows.empty(); }

private:
    std::vector<std::string> mRows;
    std::string mLine;
    bool mFirst = true;
};

std::optional<Point> storedSurfacePoint(const Dataset& ds, const Area& a)
{
    if (a.geometry.empty())
        return std::nullopt;
    try {
        return ds.surfacePoint(a);
    } catch (const GeometryError&) {
        return std::nullopt;
    }
}

/// Rows of wilayah (code, name, kind, parent_code, geom, area_km2, area_vertices,
/// area_coordinate_sum, surface_lon, surface_lat), the stored measures taken from \a ds's cache
/// when they still belong to the geometry.
CopyRows areaRows(const Dataset& ds, const std::vector<Area>& areas)
{
    CopyRows rows;
    for (const Area& a : areas) {
        rows.field(a.code);
        rows.field(a.name);
        rows.field(a.kind);
        rows.field(a.parentCode.empty() ? Field() : Field(a.parentCode));
        if (a.geometry.empty())
            rows.field(Field());
        else
            rows.hex(multiPolygonToWkb(a.geometry));
        rows.number(ds.areaKm2(a));
        rows.integer(static_cast<long long>(vertexCount(a.geometry)));
        rows.number(coordinateSum(a.geometry));
        const std::optional<Point> p = storedSurfacePoint(ds, a);
        rows.number(p ? std::optional<double>(p->x) : std::nullopt);
        rows.number(p ? std::optional<double>(p->y) : std::nullopt);
        rows.end();
    }
    return rows;
}
constexpr const char* kAreaColumns = "code, name, kind, parent_code, geom, area_km2, area_vertices, "
                                     "area_coordinate_sum, surface_lon, surface_lat";

CopyRows facilityRows(const std::vector<Facility>& facilities)
{
    CopyRows rows;
    for (const Facility& f : facilities) {
        rows.integer(f.id);
        rows.field(f.kind);
        rows.field(f.name);
        rows.field(f.status);
        if (f.year > 0)
            rows.integer(f.year);
        else
            rows.field(Field());
        rows.field(f.locatedBy);
        rows.field(f.areaCode);
        rows.hex(pointToWkb(f.location));
        rows.end();
    }
    return rows;
}
constexpr const char* kFacilityColumns = "id, kind, name, status, year, located_by, wilayah_code, geom";

CopyRows valueRows(const std::vector<IndicatorValue>& values)
{
    CopyRows rows;
    for (const IndicatorValue& v : values) {
        rows.field(v.areaCode);
        rows.field(v.key);
        rows.field(v.period);
        rows.number(v.value);
        rows.field(v.source);
        rows.field(v.importedAt);
        rows.end();
    }
    return rows;
}
constexpr const char* kValueColumns = "wilayah_code, key, period, value, source, imported_at";

CopyRows categoryRows(const std::vector<CategoryValue>& values)
{
    CopyRows rows;
    for (const CategoryValue& v : values) {
        rows.field(v.areaCode);
        rows.field(v.key);
        rows.field(v.period);
        rows.field(v.level);
        rows.field(v.source);
        rows.field(v.importedAt);
        rows.end();
    }
    return rows;
}
constexpr const char* kCategoryColumns = "wilayah_code, key, period, level, source, imported_at";

void insertPrograms(PgConnection& db, const std::string& s, const std::vector<PlacementRun>& runs)
{
    CopyRows programs, sites;
    for (const PlacementRun& run : runs) {
        programs.integer(run.id);
        programs.field(run.createdUtc);
        programs.field(run.kind);
        programs.field(run.method);
        programs.integer(static_cast<long long>(run.count));
        programs.number(run.radiusKm);
        programs.number(run.minutes);
        programs.field(run.demandKey);
        programs.field(run.period);
        programs.field(run.candidates);
        programs.number(run.capacity);
        // Signed 64-bit, as in the file: the seed's bits are kept.
        programs.integer(static_cast<long long>(run.seed));
        programs.integer(static_cast<long long>(run.candidateCount));
        programs.integer(static_cast<long long>(run.existingCount));
        programs.number(run.totalDemand);
        programs.number(run.coveredBefore);
        programs.number(run.coveredAfter);
        programs.number(run.costBefore);
        programs.number(run.costAfter);
        programs.field(run.json);
        programs.end();
        for (const ProgramSite& site : run.sites) {
            sites.integer(run.id);
            sites.integer(site.rank);
            sites.field(site.code);
            sites.field(site.name);
            sites.number(site.point.x);
            sites.number(site.point.y);
            sites.number(site.gain);
            sites.number(site.served);
            sites.end();
        }
    }
    if (!programs.empty())
        db.copyIn(
            "COPY " + s
                + ".program (id, created_utc, kind, method, count, radius_km, minutes, demand_key, "
                  "period, candidates, capacity, seed, candidate_count, existing_count, total_demand, covered_before, "
                  "covered_after, cost_before, cost_after, result_json) FROM STDIN",
            programs.rows());
    if (!sites.empty())
        db.copyIn("COPY " + s + ".program_site (program_id, rank, kode, nama, lon, lat, gain, served) FROM STDIN",
                  sites.rows());
}

/// Records the role writing and the time (inside the caller's write transaction): see
/// ProjectChangeStamp.
void recordServerChange(PgConnection& db, const std::string& s)
{
    db.exec("INSERT INTO " + s
            + ".meta (key, value) VALUES ('changed_by', current_user::text), ('changed_utc', "
              "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
}

void writeContent(PgConnection& db, const std::string& s, const Dataset& ds)
{
    {
        CopyRows meta;
        meta.field(std::string("schema_version"));
        meta.field(std::to_string(kProjectSchemaVersion));
        meta.end();
        for (const auto& [key, value] : ds.meta) {
            if (key == "schema_version" || isStoreBookkeeping(key))
                continue;
            meta.field(key);
            meta.field(value);
            meta.end();
        }
        db.copyIn("COPY " + s + ".meta (key, value) FROM STDIN", meta.rows());
    }
    if (!ds.areas.empty())
        db.copyIn("COPY " + s + ".wilayah (" + kAreaColumns + ") FROM STDIN", areaRows(ds, ds.areas).rows());
    if (!ds.facilities.empty())
        db.copyIn("COPY " + s + ".fasilitas (" + kFacilityColumns + ") FROM STDIN", facilityRows(ds.facilities).rows());
    if (!ds.indicators.empty())
        db.copyIn("COPY " + s + ".indikator (" + kValueColumns + ") FROM STDIN", valueRows(ds.indicators).rows());
    if (!ds.categories.empty())
        db.copyIn("COPY " + s + ".kategori (" + kCategoryColumns + ") FROM STDIN", categoryRows(ds.categories).rows());
    if (!ds.bpsCodes.empty()) {
        CopyRows rows;
        for (const auto& [code, bps] : ds.bpsCodes) {
            rows.field(code);
            rows.field(bps);
            rows.end();
        }
        db.copyIn("COPY " + s + ".kode_bps (code, bps_code) FROM STDIN", rows.rows());
    }
    if (!ds.aliases.empty()) {
        // The file keeps the first of duplicate (code, name) pairs: so does this.
        std::set<std::pair<std::string, std::string>> seen;
        CopyRows rows;
        for (const AreaAlias& a : ds.aliases) {
            if (!seen.insert({a.areaCode, a.name}).second)
                continue;
            rows.field(a.areaCode);
            rows.field(a.name);
            rows.field(a.source);
            rows.end();
        }
        db.copyIn("COPY " + s + ".alias (wilayah_code, name, source) FROM STDIN", rows.rows());
    }
    if (!ds.backgroundLand.empty())
        db.query("INSERT INTO " + s + ".latar (name, geom) VALUES ('daratan', ST_SetSRID(ST_GeomFromWKB($1), 4326))",
                 {PgParam::bytes(multiPolygonToWkb(ds.backgroundLand))});
    insertPrograms(db, s, ds.programs);
    insertRoads(db, s, ds.roads);
}

std::string codeFilter(const std::string& column, bool hasPrefix)
{
    // Under the "C" collation the codes below P are exactly those between "P." and "P/".
    if (!hasPrefix)
        return "TRUE";
    return "(" + column + " = $1 OR (" + column + " > $1 || '.' AND " + column + " < $1 || '/'))";
}

/// The message for a failed statement, in the data's words.
ProjectError serverError(const ServerLocation& loc, const std::string& doing, const PgError& e)
{
    if (e.sqlState() == "42501")
        return ProjectError(std::string(kReadOnlyMessage) + " untuk " + doing + " di '" + loc.display + "' (" + e.what()
                                + "); minta pemilik proyek memberi hak editor; nothing was changed",
                            ProjectProblem::ReadOnly);
    if (e.sqlState().rfind("08", 0) == 0 || e.sqlState().empty())
        return ProjectError("lost the connection to the PostgreSQL server of '" + loc.display + "' while " + doing
                                + ": " + e.what() + "; nothing was changed, try again",
                            ProjectProblem::Unreachable);
    return ProjectError("cannot " + doing + " in '" + loc.display + "': " + e.what() + "; nothing was changed");
}

class PgProjectStore final : public ProjectStore {
public:
    PgProjectStore(ServerLocation loc, std::unique_ptr<PgConnection> db)
            : mLoc(std::move(loc)), mDb(std::move(db)), mSchema(mDb->quoteIdentifier(mLoc.project))
    {
        refreshState();
    }

    std::string location() const override { return mLoc.display; }
    bool readOnly() const override { return mReadOnly || mOpenedReadOnly; }
    /// Opened with OpenMode::ReadOnly: refuses writes whatever the role may do.
    void openReadOnly() { mOpenedReadOnly = true; }
    int schemaVersion() const override { return mVersion; }

    Dataset read(const ProjectReadOptions& options) const override
    {
        try {
            PgTransaction tx(*mDb, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            Dataset ds = readIn(options);
            tx.commit();
            return ds;
        } catch (const PgError& e) {
            throw serverError(mLoc, "read the project", e);
        }
    }

    std::vector<long long> write(const ProjectChanges& changes) override
    {
        if (mReadOnly)
            throw ProjectError(std::string(kReadOnlyMessage) + " pada '" + mLoc.display + "' (role " + mRole
                                   + " may only read it); ask the project's owner to grant editor access; "
                                     "nothing was changed",
                               ProjectProblem::ReadOnly);
        if (mOpenedReadOnly)
            throw ProjectError("project '" + mLoc.display + "' was opened read-only; nothing was changed",
                               ProjectProblem::ReadOnly);
        try {
            PgTransaction tx(*mDb);
            mDb->query("SELECT pg_advisory_xact_lock(hashtext($1))", {PgParam::text("sasaran." + mLoc.project)});
            std::vector<long long> ids = writeIn(changes);
            recordServerChange(*mDb, mSchema);
            tx.commit();
            return ids;
        } catch (const PgError& e) {
            throw serverError(mLoc, "write the changes", e);
        }
    }

    std::optional<ProjectChangeStamp> lastChange() const override
    {
        try {
            PgResult r =
                mDb->query("SELECT key, value FROM " + mSchema + ".meta WHERE key IN ('changed_by', 'changed_utc')");
            ProjectChangeStamp stamp;
            for (int i = 0; i < r.rows(); ++i)
                (r.text(i, 0) == kChangedByKey ? stamp.user : stamp.utc) = r.text(i, 1);
            if (stamp.utc.empty())
                return std::nullopt;
            return stamp;
        } catch (const PgError& e) {
            throw serverError(mLoc, "read who changed the project last", e);
        }
    }

    void appendExportLog(const ExportLogEntry& entry) override
    {
        // Whatever the open mode: the server's grants decide (readers are granted INSERT here).
        try {
            PgTransaction tx(*mDb);
            mDb->query("INSERT INTO " + mSchema + ".export_log (what, tier, path, personal_data) VALUES ($1, $2, $3, "
                                                  "$4::boolean)",
                       {PgParam::text(entry.what), PgParam::text(entry.tier), PgParam::text(entry.path),
                        PgParam::text(entry.personalData ? "true" : "false")});
            tx.commit();
        } catch (const PgError& e) {
            if (e.sqlState() == "42P01")
                throw ProjectError("project '" + mLoc.display
                                       + "' has no export log yet (a project of schema version 6); its owner adds it "
                                         "by opening the project once for writing (any import or copy)",
                                   ProjectProblem::ReadOnly);
            throw serverError(mLoc, "write the export log", e);
        }
    }

    std::vector<ExportLogEntry> exportLog() const override
    {
        std::vector<ExportLogEntry> log;
        try {
            PgResult exists = mDb->query("SELECT to_regclass($1) IS NOT NULL", {PgParam::text(mSchema + ".export_log")});
            if (exists.text(0, 0) != "t")
                return log;
            PgResult r = mDb->query("SELECT utc, what, tier, path, user_name, personal_data::text FROM " + mSchema
                                    + ".export_log ORDER BY id");
            for (int i = 0; i < r.rows(); ++i)
                log.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                               r.text(i, 5) == "true"});
        } catch (const PgError& e) {
            throw serverError(mLoc, "read the export log", e);
        }
        return log;
    }

    PgConnection& connection() { return *mDb; }
    const std::string& schema() const { return mSchema; }

private:
    void refreshState()
    {
        PgResult r =
            mDb->query("SELECT value, current_user::text, has_table_privilege(current_user, $1, 'INSERT')::text "
                       "FROM "
                           + mSchema + ".meta WHERE key = 'schema_version'",
                       {PgParam::text(mSchema + ".indikator")});
        mVersion = r.rows() ? std::atoi(r.text(0, 0).c_str()) : 0;
        mRole = r.rows() ? r.text(0, 1) : "";
        mReadOnly = r.rows() ? r.text(0, 2) != "true" : true;
        PgResult t = mDb->query("SELECT to_regclass($1) IS NOT NULL", {PgParam::text(mSchema + ".kategori")});
        mHasCategories = t.text(0, 0) == "t";
    }

    bool hasCategoryTable() const { return mHasCategories; }

public:
    /// Brings an older project to this schema when this role owns it (only the owner may create
    /// tables in it): version 7 adds export_log, version 8 kategori, version 9 jalan and
    /// jalan_kecepatan. Other roles keep using it as it is (an editor's export is then not
    /// logged, and it cannot write categories or roads).
    void upgradeIfOwner()
    {
        if (mVersion >= kProjectSchemaVersion || mReadOnly || mOpenedReadOnly)
            return;
        try {
            PgResult owner =
                mDb->query("SELECT pg_get_userbyid(nspowner) = current_user FROM pg_namespace WHERE nspname = $1",
                           {PgParam::text(mLoc.project)});
            if (owner.rows() == 0 || owner.text(0, 0) != "t")
                return;
            PgTransaction tx(*mDb);
            mDb->query("SELECT pg_advisory_xact_lock(hashtext($1))", {PgParam::text("sasaran." + mLoc.project)});
            createExportLogTable(*mDb, mSchema);
            createRoadTables(*mDb, mSchema);
            PgResult t = mDb->query("SELECT to_regclass($1) IS NOT NULL", {PgParam::text(mSchema + ".kategori")});
            if (t.text(0, 0) != "t") {
                createCategoryTable(*mDb, mSchema);
                secureCategoryTable(*mDb, mSchema);
            }
            mDb->query("UPDATE " + mSchema + ".meta SET value = $1 WHERE key = 'schema_version'",
                       {PgParam::text(std::to_string(kProjectSchemaVersion))});
            tx.commit();
        } catch (const PgError& e) {
            throw serverError(mLoc, "upgrade the project to schema version " + std::to_string(kProjectSchemaVersion),
                              e);
        }
        mVersionBeforeOpen = mVersion;
        refreshState();
    }

    int versionBeforeOpen() const override { return mVersionBeforeOpen ? mVersionBeforeOpen : mVersion; }

private:

    Dataset readIn(const ProjectReadOptions& options) const
    {
        Dataset ds;
        const bool prefix = !options.codePrefix.empty();
        const std::vector<PgParam> params =
            prefix ? std::vector<PgParam>{PgParam::text(options.codePrefix)} : std::vector<PgParam>{};
        const std::string& s = mSchema;
        {
            PgResult r = mDb->query("SELECT key, value FROM " + s + ".meta");
            for (int i = 0; i < r.rows(); ++i)
                if (!isStoreBookkeeping(r.text(i, 0)))
                    ds.meta[r.text(i, 0)] = r.text(i, 1);
        }
        if (has(options.parts, ProjectPart::Areas)) {
            PgResult r = mDb->query(std::string("SELECT code, name, kind, coalesce(parent_code, ''), ")
                                        + (options.areaGeometry ? "ST_AsBinary(geom)" : "NULL::bytea")
                                        + ", area_km2::text, area_vertices::text, area_coordinate_sum::text, "
                                          "surface_lon::text, surface_lat::text FROM "
                                        + s + ".wilayah WHERE " + codeFilter("code", prefix) + " ORDER BY ord",
                                    params, true);
            ds.areas.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i) {
                Area a{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), {}};
                if (!r.isNull(i, 4))
                    a.geometry = geometryFromWkb(std::string(r.view(i, 4))).polygons;
                if (!r.isNull(i, 5) && !r.isNull(i, 6) && !r.isNull(i, 7)) {
                    CachedArea& cached = ds.areaCache[a.code];
                    cached = {r.number(i, 5), static_cast<std::size_t>(r.integer(i, 6)), r.number(i, 7), std::nullopt};
                    if (!r.isNull(i, 8) && !r.isNull(i, 9))
                        cached.surfacePoint = Point{r.number(i, 8), r.number(i, 9)};
                }
                ds.areas.push_back(std::move(a));
            }
        }
        if (has(options.parts, ProjectPart::Facilities)) {
            PgResult r = mDb->query(
                "SELECT id::text, kind, coalesce(name, ''), coalesce(status, ''), "
                "coalesce(year, 0)::text, located_by, coalesce(wilayah_code, ''), ST_AsBinary(geom) "
                "FROM "
                    + s + ".fasilitas WHERE " + codeFilter("wilayah_code", prefix) + " ORDER BY fasilitas.id",
                params, true);
            ds.facilities.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i) {
                Facility f;
                f.id = r.integer(i, 0);
                f.kind = r.text(i, 1);
                f.name = r.text(i, 2);
                f.status = r.text(i, 3);
                f.year = static_cast<int>(r.integer(i, 4));
                f.locatedBy = r.text(i, 5);
                f.areaCode = r.text(i, 6);
                if (!r.isNull(i, 7)) {
                    const Geometry g = geometryFromWkb(std::string(r.view(i, 7)));
                    if (!g.points.empty())
                        f.location = g.points.front();
                }
                ds.facilities.push_back(std::move(f));
            }
        }
        if (has(options.parts, ProjectPart::Indicators)) {
            std::vector<PgParam> valueParams = params;
            std::string pairs;
            for (const auto& [key, period] : options.valueKeyPeriods) {
                pairs += (pairs.empty() ? "(" : ", (") + std::string("$") + std::to_string(valueParams.size() + 1)
                    + ", $" + std::to_string(valueParams.size() + 2) + ")";
                valueParams.push_back(PgParam::text(key));
                valueParams.push_back(PgParam::text(period));
            }
            PgResult r =
                mDb->query("SELECT wilayah_code, key, period, value::text, source, imported_at FROM " + s
                               + ".indikator WHERE " + codeFilter("wilayah_code", prefix)
                               + (pairs.empty() ? "" : " AND (key, period) IN (" + pairs + ")") + " ORDER BY ord",
                           valueParams, true);
            ds.indicators.reserve(static_cast<std::size_t>(r.rows()));
            for (int i = 0; i < r.rows(); ++i)
                ds.indicators.push_back(
                    {r.text(i, 0), r.text(i, 1), r.text(i, 2), r.number(i, 3), r.text(i, 4), r.text(i, 5)});
        }
        if (has(options.parts, ProjectPart::Indicators) && hasCategoryTable()) {
            std::vector<PgParam> valueParams = params;
            std::string pairs;
            for (const auto& [key, period] : options.valueKeyPeriods) {
                pairs += (pairs.empty() ? "(" : ", (") + std::string("$") + std::to_string(valueParams.size() + 1)
                    + ", $" + std::to_string(valueParams.size() + 2) + ")";
                valueParams.push_back(PgParam::text(key));
                valueParams.push_back(PgParam::text(period));
            }
            PgResult r = mDb->query("SELECT " + std::string(kCategoryColumns) + " FROM " + s + ".kategori WHERE "
                                        + codeFilter("wilayah_code", prefix)
                                        + (pairs.empty() ? "" : " AND (key, period) IN (" + pairs + ")")
                                        + " ORDER BY ord",
                                    valueParams);
            for (int i = 0; i < r.rows(); ++i)
                ds.categories.push_back(
                    {r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5)});
        }
        if (has(options.parts, ProjectPart::Aliases)) {
            PgResult r = mDb->query("SELECT wilayah_code, name, source FROM " + s + ".alias WHERE "
                                        + codeFilter("wilayah_code", prefix) + " ORDER BY ord",
                                    params);
            for (int i = 0; i < r.rows(); ++i)
                ds.aliases.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
        }
        if (has(options.parts, ProjectPart::BpsCodes)) {
            PgResult r =
                mDb->query("SELECT code, bps_code FROM " + s + ".kode_bps WHERE " + codeFilter("code", prefix), params);
            for (int i = 0; i < r.rows(); ++i)
                ds.bpsCodes[r.text(i, 0)] = r.text(i, 1);
        }
        if (has(options.parts, ProjectPart::Background)) {
            PgResult r = mDb->query("SELECT ST_AsBinary(geom) FROM " + s + ".latar WHERE name = 'daratan'", {}, true);
            if (r.rows() && !r.isNull(0, 0))
                ds.backgroundLand = geometryFromWkb(std::string(r.view(0, 0))).polygons;
        }
        if (has(options.parts, ProjectPart::Programs))
            ds.programs = readPrograms();
        if (has(options.parts, ProjectPart::Roads) && hasRoadTables())
            readRoads(ds);
        return ds;
    }

    /// An older project a reader opens (or one not yet upgraded) has no road tables; a role granted
    /// access before its owner's upgrade added them may not read them yet: both read no roads.
    bool hasRoadTables() const
    {
        PgResult r = mDb->query(
            "SELECT coalesce(has_table_privilege(to_regclass($1), 'SELECT') AND "
            "has_table_privilege(to_regclass($2), 'SELECT'), false)::text",
            {PgParam::text(mSchema + ".jalan"), PgParam::text(mSchema + ".jalan_kecepatan")});
        return r.text(0, 0) == "true";
    }

    void readRoads(Dataset& ds) const
    {
        const std::string& s = mSchema;
        PgResult r = mDb->query("SELECT kelas, ST_AsBinary(geom) FROM " + s + ".jalan ORDER BY id", {}, true);
        for (int i = 0; i < r.rows(); ++i) {
            Road road;
            road.roadClass = r.text(i, 0);
            if (!r.isNull(i, 1))
                road.lines = geometryFromWkb(std::string(r.view(i, 1))).lines;
            ds.roads.roads.push_back(std::move(road));
        }
        PgResult k = mDb->query("SELECT kelas, kmh::text FROM " + s + ".jalan_kecepatan");
        for (int i = 0; i < k.rows(); ++i)
            ds.roads.speedsKmh[k.text(i, 0)] = k.number(i, 1);
    }

    std::vector<PlacementRun> readPrograms() const
    {
        const std::string& s = mSchema;
        std::vector<PlacementRun> runs;
        std::map<long long, std::size_t> byId;
        PgResult r =
            mDb->query("SELECT id::text, created_utc, kind, method, count::text, radius_km::text, minutes::text, "
                       "demand_key, period, candidates, capacity::text, seed::text, candidate_count::text, "
                       "existing_count::text, total_demand::text, covered_before::text, covered_after::text, "
                       "cost_before::text, cost_after::text, result_json FROM "
                       + s + ".program ORDER BY program.id");
        auto optional = [&](int row, int column) {
            return r.isNull(row, column) ? std::nullopt : std::optional<double>(r.number(row, column));
        };
        for (int i = 0; i < r.rows(); ++i) {
            PlacementRun run;
            run.id = r.integer(i, 0);
            run.createdUtc = r.text(i, 1);
            run.kind = r.text(i, 2);
            run.method = r.text(i, 3);
            run.count = static_cast<std::size_t>(r.integer(i, 4));
            run.radiusKm = optional(i, 5);
            run.minutes = optional(i, 6);
            run.demandKey = r.text(i, 7);
            run.period = r.text(i, 8);
            run.candidates = r.text(i, 9);
            run.capacity = optional(i, 10);
            run.seed = static_cast<std::uint64_t>(r.integer(i, 11));
            run.candidateCount = static_cast<std::size_t>(r.integer(i, 12));
            run.existingCount = static_cast<std::size_t>(r.integer(i, 13));
            run.totalDemand = r.number(i, 14);
            run.coveredBefore = optional(i, 15);
            run.coveredAfter = optional(i, 16);
            run.costBefore = optional(i, 17);
            run.costAfter = optional(i, 18);
            run.json = r.text(i, 19);
            byId[run.id] = runs.size();
            runs.push_back(std::move(run));
        }
        PgResult sites =
            mDb->query("SELECT program_id::text, rank::text, kode, nama, lon::text, lat::text, gain::text, "
                       "served::text FROM "
                       + s + ".program_site ORDER BY program_site.program_id, program_site.rank");
        for (int i = 0; i < sites.rows(); ++i) {
            auto it = byId.find(sites.integer(i, 0));
            if (it == byId.end())
                continue;
            runs[it->second].sites.push_back({static_cast<int>(sites.integer(i, 1)),
                                              sites.text(i, 2),
                                              sites.text(i, 3),
                                              {sites.number(i, 4), sites.number(i, 5)},
                                              sites.number(i, 6),
                                              sites.number(i, 7)});
        }
        return runs;
    }

    /// A temporary table shaped like \a table (its \a columns), filled from \a rows, dropped at commit.
    void stage(const std::string& temp, const std::string& table, const std::string& columns, const CopyRows& rows)
    {
        mDb->exec("CREATE TEMP TABLE " + temp + " ON COMMIT DROP AS SELECT " + columns + " FROM " + mSchema + "."
                  + table + " WITH NO DATA");
        mDb->exec("ALTER TABLE " + temp + " ADD COLUMN n bigserial");
        mDb->copyIn("COPY " + temp + " (" + columns + ") FROM STDIN", rows.rows());
    }

    /// HeldValueRule for the values staged in new_value (under the project's advisory lock, so
    /// what is found was committed by another writer after this command read the project).
    void meetHeldValues(const ProjectChanges& c)
    {
        if (c.heldValues == HeldValueRule::Refuse)
            refuseHeld("new_value", "indikator", "values");
        else if (c.heldValues == HeldValueRule::Replace)
            mDb->exec("DELETE FROM " + mSchema
                      + ".indikator v USING new_value n WHERE v.wilayah_code = n.wilayah_code AND v.key = n.key "
                        "AND v.period = n.period AND v.source <> n.source");
    }

    void refuseHeld(const std::string& staged, const std::string& table, const std::string& what)
    {
        PgResult held = mDb->query("SELECT count(*) FROM " + mSchema + "." + table + " v JOIN " + staged
                                   + " n ON v.wilayah_code = n.wilayah_code AND v.key = n.key AND v.period = n.period");
        const long long n = held.integer(0, 0);
        if (n > 0)
            throw ProjectError("project '" + mLoc.display + "' now holds " + std::to_string(n) + " " + what
                               + " for the same pekon and period, written since this import read the project "
                                 "(another import at the same time?); nothing was written: run the import again "
                                 "to see them, and replace them if meant");
    }

    std::vector<long long> writeIn(const ProjectChanges& c)
    {
        const std::string& s = mSchema;
        auto oneColumn = [](const auto& items, auto&& value) {
            CopyRows rows;
            for (const auto& item : items) {
                value(rows, item);
                rows.end();
            }
            return rows;
        };
        if (!c.removeAreaCodes.empty()) {
            stage("gone_area", "wilayah", "code",
                  oneColumn(c.removeAreaCodes, [](CopyRows& r, const std::string& code) { r.field(code); }));
            mDb->exec("DELETE FROM " + s + ".wilayah w USING gone_area g WHERE w.code = g.code");
        }
        if (!c.upsertAreas.empty()) {
            // The stored area and surface point come from the cache the changes carry while its
            // fingerprint matches the geometry; a new geometry is measured anew.
            Dataset known;
            known.areaCache = c.areaCache;
            stage("new_area", "wilayah", kAreaColumns, areaRows(known, c.upsertAreas));
            // The last change of a code wins; new codes take their places in the order given, an
            // existing code keeps its place.
            mDb->exec("INSERT INTO " + s + ".wilayah (" + kAreaColumns + ") SELECT " + kAreaColumns
                      + " FROM (SELECT DISTINCT ON (code) * FROM new_area ORDER BY code, n DESC) latest ORDER BY n "
                        "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
                        "parent_code = excluded.parent_code, geom = excluded.geom, area_km2 = excluded.area_km2, "
                        "area_vertices = excluded.area_vertices, area_coordinate_sum = excluded.area_coordinate_sum, "
                        "surface_lon = excluded.surface_lon, surface_lat = excluded.surface_lat");
        }
        if (!c.removeValuesOfKeyPeriod.empty()) {
            stage("gone_kp", "indikator", "key, period",
                  oneColumn(c.removeValuesOfKeyPeriod, [](CopyRows& r, const std::pair<std::string, std::string>& kp) {
                      r.field(kp.first);
                      r.field(kp.second);
                  }));
            mDb->exec("DELETE FROM " + s + ".indikator v USING gone_kp g WHERE v.key = g.key AND v.period = g.period");
        }
        if (!c.removeValues.empty()) {
            stage("gone_value", "indikator", "wilayah_code, key, period, source",
                  oneColumn(c.removeValues, [](CopyRows& r, const IndicatorValue& v) {
                      r.field(v.areaCode);
                      r.field(v.key);
                      r.field(v.period);
                      r.field(v.source);
                  }));
            mDb->exec("DELETE FROM " + s
                      + ".indikator v USING gone_value g WHERE v.wilayah_code = g.wilayah_code "
                        "AND v.key = g.key AND v.period = g.period AND v.source = g.source");
        }
        if (!c.upsertValues.empty()) {
            stage("new_value", "indikator", kValueColumns, valueRows(c.upsertValues));
            meetHeldValues(c);
            mDb->exec("INSERT INTO " + s + ".indikator (" + kValueColumns + ") SELECT " + kValueColumns
                      + " FROM (SELECT DISTINCT ON (wilayah_code, key, period, source) * FROM new_value "
                        "ORDER BY wilayah_code, key, period, source, n DESC) latest ORDER BY n "
                        "ON CONFLICT (wilayah_code, key, period, source) DO UPDATE SET value = excluded.value, "
                        "imported_at = excluded.imported_at");
        }
        if (!c.removeCategories.empty() || !c.upsertCategories.empty()) {
            if (!hasCategoryTable())
                throw ProjectError("project '" + mLoc.display + "' has schema version " + std::to_string(mVersion)
                                   + ", which keeps no category values; let its owner open it once for writing "
                                     "with this version of Sasaran (that adds the table); nothing was changed");
        }
        if (!c.removeCategories.empty()) {
            stage("gone_category", "kategori", "wilayah_code, key, period",
                  oneColumn(c.removeCategories, [](CopyRows& r, const CategoryValue& v) {
                      r.field(v.areaCode);
                      r.field(v.key);
                      r.field(v.period);
                  }));
            mDb->exec("DELETE FROM " + s
                      + ".kategori v USING gone_category g WHERE v.wilayah_code = g.wilayah_code "
                        "AND v.key = g.key AND v.period = g.period");
        }
        if (!c.upsertCategories.empty()) {
            stage("new_category", "kategori", kCategoryColumns, categoryRows(c.upsertCategories));
            if (c.heldValues == HeldValueRule::Refuse)
                refuseHeld("new_category", "kategori", "category levels");
            mDb->exec("INSERT INTO " + s + ".kategori (" + kCategoryColumns + ") SELECT " + kCategoryColumns
                      + " FROM (SELECT DISTINCT ON (wilayah_code, key, period) * FROM new_category "
                        "ORDER BY wilayah_code, key, period, n DESC) latest ORDER BY n "
                        "ON CONFLICT (wilayah_code, key, period) DO UPDATE SET level = excluded.level, "
                        "source = excluded.source, imported_at = excluded.imported_at");
        }
        if (!c.removeFacilityIds.empty()) {
            stage("gone_facility", "fasilitas", "id",
                  oneColumn(c.removeFacilityIds, [](CopyRows& r, long long id) { r.integer(id); }));
            mDb->exec("DELETE FROM " + s + ".fasilitas f USING gone_facility g WHERE f.id = g.id");
        }
        if (!c.updateFacilities.empty() || !c.addFacilities.empty()) {
            std::vector<Facility> all = c.updateFacilities;
            long long next = 0;
            if (std::any_of(c.addFacilities.begin(), c.addFacilities.end(),
                            [](const Facility& f) { return f.id == 0; })) {
                PgResult r = mDb->query("SELECT coalesce(max(id), 0)::text FROM " + s + ".fasilitas");
                next = r.integer(0, 0);
                for (const Facility& f : c.addFacilities)
                    next = std::max(next, f.id);
            }
            for (Facility f : c.addFacilities) {
                if (f.id == 0)
                    f.id = ++next;
                all.push_back(std::move(f));
            }
            stage("new_facility", "fasilitas", kFacilityColumns, facilityRows(all));
            mDb->exec("INSERT INTO " + s + ".fasilitas (" + kFacilityColumns + ") SELECT DISTINCT ON (id) "
                      + kFacilityColumns
                      + " FROM new_facility ORDER BY id, n DESC ON CONFLICT (id) DO UPDATE SET "
                        "kind = excluded.kind, name = excluded.name, status = excluded.status, year = excluded.year, "
                        "located_by = excluded.located_by, wilayah_code = excluded.wilayah_code, geom = excluded.geom");
        }
        if (!c.addAliases.empty()) {
            stage("new_alias", "alias", "wilayah_code, name, source",
                  oneColumn(c.addAliases, [](CopyRows& r, const AreaAlias& a) {
                      r.field(a.areaCode);
                      r.field(a.name);
                      r.field(a.source);
                  }));
            mDb->exec("INSERT INTO " + s
                      + ".alias (wilayah_code, name, source) SELECT wilayah_code, name, source "
                        "FROM new_alias ORDER BY n ON CONFLICT (wilayah_code, name) DO NOTHING");
        }
        for (const std::string& code : c.removeBpsCodes)
            mDb->query("DELETE FROM " + s + ".kode_bps WHERE code = $1", {PgParam::text(code)});
        for (const auto& [code, bps] : c.bpsCodes)
            mDb->query("INSERT INTO " + s
                           + ".kode_bps (code, bps_code) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE "
                             "SET bps_code = excluded.bps_code",
                       {PgParam::text(code), PgParam::text(bps)});
        for (const auto& [key, value] : c.meta) {
            if (key == "schema_version" || isStoreBookkeeping(key))
                continue;
            if (value)
                mDb->query("INSERT INTO " + s
                               + ".meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE "
                                 "SET value = excluded.value",
                           {PgParam::text(key), PgParam::text(*value)});
            else
                mDb->query("DELETE FROM " + s + ".meta WHERE key = $1", {PgParam::text(key)});
        }
        if (c.backgroundLand) {
            mDb->exec("DELETE FROM " + s + ".latar WHERE name = 'daratan'");
            if (!c.backgroundLand->empty())
                mDb->query("INSERT INTO " + s
                               + ".latar (name, geom) VALUES ('daratan', "
                                 "ST_SetSRID(ST_GeomFromWKB($1), 4326))",
                           {PgParam::bytes(multiPolygonToWkb(*c.backgroundLand))});
        }
        for (const ExportLogEntry& e : c.carriedExportLog)
            mDb->query("INSERT INTO " + s
                           + ".export_log (utc, what, tier, path, user_name, personal_data) VALUES ($1, $2, $3, $4, "
                             "$5, $6::boolean)",
                       {PgParam::text(e.utc), PgParam::text(e.what), PgParam::text(e.tier), PgParam::text(e.path),
                        PgParam::text(e.user), PgParam::text(e.personalData ? "true" : "false")});
        if (c.roads) {
            mDb->exec("DELETE FROM " + s + ".jalan");
            mDb->exec("DELETE FROM " + s + ".jalan_kecepatan");
            insertRoads(*mDb, s, *c.roads);
        }
        std::vector<long long> ids;
        if (!c.addPrograms.empty()) {
            PgResult r = mDb->query("SELECT coalesce(max(id), 0)::text FROM " + s + ".program");
            long long next = r.integer(0, 0);
            std::vector<PlacementRun> runs = c.addPrograms;
            for (PlacementRun& run : runs) {
                run.id = ++next;
                ids.push_back(run.id);
            }
            insertPrograms(*mDb, s, runs);
        }
        return ids;
    }

    ServerLocation mLoc;
    std::unique_ptr<PgConnection> mDb;
    std::string mSchema;
    std::string mRole;
    bool mReadOnly = true;
    bool mOpenedReadOnly = false;
    int mVersion = 0;
    int mVersionBeforeOpen = 0; ///< set when upgradeIfOwner upgraded the project
    bool mHasCategories = false;
};

} // namespace

std::unique_ptr<PgConnection> connectServer(const ServerLocation& loc)
{
    std::unique_ptr<PgConnection> db;
    try {
        db = std::make_unique<PgConnection>(loc.conninfo, serverPassword(loc.display));
    } catch (const PgError& e) {
        const std::string why = e.what();
        const bool login = why.find("authentication failed") != std::string::npos
            || why.find("no password supplied") != std::string::npos
            || (why.find("role \"") != std::string::npos && why.find("does not exist") != std::string::npos);
        if (login)
            throw ProjectError("the PostgreSQL server of '" + loc.display + "' refused the login: " + why
                                   + "; check the user in the URI and its password in ~/.pgpass (or PGPASSFILE, "
                                     "PGPASSWORD)",
                               ProjectProblem::Unreachable);
        throw ProjectError("cannot reach the PostgreSQL server of '" + loc.display + "': " + why
                               + "; check the host, port, user and database, that the server runs, and the password "
                                 "in ~/.pgpass (or PGPASSFILE, PGPASSWORD)",
                           ProjectProblem::Unreachable);
    }
    try {
        PgResult r = db->query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'");
        if (r.rows() == 0)
            throw ProjectError("the database of '" + loc.display
                               + "' has no PostGIS; ask its owner to run "
                                 "CREATE EXTENSION postgis in it");
    } catch (const PgError& e) {
        throw ProjectError("cannot query the PostgreSQL server of '" + loc.display + "': " + e.what());
    }
    return db;
}

bool serverProjectExists(PgConnection& db, const std::string& project)
{
    PgResult r = db.query("SELECT to_regclass(quote_ident($1) || '.meta') IS NOT NULL", {PgParam::text(project)});
    return r.text(0, 0) == "t";
}

namespace {

/// A connection to the server project at \a location, refused when the project does not exist.
std::unique_ptr<PgConnection> connectToProject(const ServerLocation& loc)
{
    std::unique_ptr<PgConnection> db = connectServer(loc);
    try {
        if (!serverProjectExists(*db, loc.project))
            throw ProjectError("project '" + loc.project + "' does not exist in the database of '" + loc.display
                                   + "' (or this role may not see it); copy a project there first, or check the name",
                               ProjectProblem::Missing);
    } catch (const PgError& e) {
        throw serverError(loc, "open the project", e);
    }
    return db;
}

} // namespace

std::unique_ptr<ProjectStore> openServerProject(const std::string& location, OpenMode mode)
{
    ServerLocation loc = parseServerLocation(location);
    std::unique_ptr<PgConnection> db = connectToProject(loc);
    try {
        PgResult v =
            db->query("SELECT value FROM " + db->quoteIdentifier(loc.project) + ".meta WHERE key = 'schema_version'");
        const int version = v.rows() ? std::atoi(v.text(0, 0).c_str()) : 0;
        if (version > kProjectSchemaVersion)
            throw ProjectError("project '" + loc.display + "' has schema version " + std::to_string(version)
                               + ", newer than this program (up to " + std::to_string(kProjectSchemaVersion)
                               + "); update Sasaran to open it");
        if (version < 1)
            throw ProjectError("schema '" + loc.project + "' in '" + loc.display
                               + "' is not a Sasaran project "
                                 "(its meta has no schema_version)");
    } catch (const PgError& e) {
        throw serverError(loc, "open the project", e);
    }
    auto store = std::make_unique<PgProjectStore>(loc, std::move(db));
    if (mode == OpenMode::ReadOnly)
        store->openReadOnly();
    else if (store->readOnly())
        throw ProjectError(std::string(kReadOnlyMessage) + " pada '" + loc.display
                               + "'; this role may only read the project: ask its owner to grant editor access",
                           ProjectProblem::ReadOnly);
    else
        store->upgradeIfOwner();
    return store;
}

std::unique_ptr<ProjectStore> createServerProject(const std::string& location, const Dataset& ds, bool replace)
{
    ServerLocation loc = parseServerLocation(location);
    {
        std::unique_ptr<PgConnection> db = connectServer(loc);
        try {
            const std::string s = db->quoteIdentifier(loc.project);
            PgTransaction tx(*db);
            db->query("SELECT pg_advisory_xact_lock(hashtext($1))", {PgParam::text("sasaran." + loc.project)});
            PgResult exists = db->query("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)::text",
                                        {PgParam::text(loc.project)});
            if (exists.text(0, 0) == "true") {
                if (!replace)
                    throw ProjectError("project '" + loc.display
                                       + "' already exists; nothing was changed (replace "
                                         "it explicitly to overwrite it)");
                db->exec("DROP SCHEMA " + s + " CASCADE");
            }
            createTables(*db, s);
            writeContent(*db, s, ds);
            recordServerChange(*db, s);
            createIndexes(*db, s);
            tx.commit();
        } catch (const PgError& e) {
            throw serverError(loc, "create the project", e);
        }
    }
    return openServerProject(location, OpenMode::ReadWrite);
}

void grantServerAccess(const std::string& location, const std::string& role, bool editor, const std::string& codePrefix)
{
    ServerLocation loc = parseServerLocation(location);
    std::unique_ptr<PgConnection> db = connectServer(loc);
    try {
        if (!serverProjectExists(*db, loc.project))
            throw ProjectError("project '" + loc.project + "' does not exist in the database of '" + loc.display + "'",
                               ProjectProblem::Missing);
        PgResult known = db->query("SELECT 1 FROM pg_roles WHERE rolname = $1", {PgParam::text(role)});
        if (known.rows() == 0)
            throw ProjectError("role '" + role + "' does not exist on the server of '" + loc.display
                               + "'; create it first (CREATE ROLE " + role + " LOGIN)");
        const std::string s = db->quoteIdentifier(loc.project);
        const std::string r = db->quoteIdentifier(role);
        PgTransaction tx(*db);
        PgResult owner =
            db->query("SELECT pg_get_userbyid(nspowner) = current_user FROM pg_namespace WHERE nspname = $1",
                      {PgParam::text(loc.project)});
        if (owner.rows() == 0 || owner.text(0, 0) != "t")
            throw ProjectError("only the owner of project '" + loc.display + "' may grant access to it");
        createExportLogTable(*db, s); // a project from before schema 7 gets it now
        db->exec("GRANT USAGE ON SCHEMA " + s + " TO " + r);
        db->exec("GRANT SELECT ON ALL TABLES IN SCHEMA " + s + " TO " + r);
        db->exec("GRANT EXECUTE ON FUNCTION " + s + ".in_scope(text) TO " + r);
        if (editor) {
            for (const char* table :
                 {"indikator", "kategori", "fasilitas", "alias", "program", "program_site", "meta", "jalan",
                  "jalan_kecepatan"})
                db->exec("GRANT INSERT, UPDATE, DELETE ON " + s + "." + table + " TO " + r);
            db->exec("GRANT USAGE ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r);
        } else {
            db->exec("REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + s + " FROM " + r);
        }
        // Everyone who may read the project logs what they export from it (exportlog.h).
        db->exec("GRANT INSERT ON " + s + ".export_log TO " + r);
        db->exec("GRANT USAGE ON SEQUENCE " + s + ".export_log_id_seq TO " + r);
        if (!codePrefix.empty())
            db->query("INSERT INTO " + s + ".akses (role, code_prefix) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      {PgParam::text(role), PgParam::text(codePrefix)});
        tx.commit();
    } catch (const PgError& e) {
        throw serverError(loc, "grant access", e);
    }
}

namespace {

bool hasServerRasterTable(PgConnection& db, const std::string& project)
{
    PgResult r = db.query("SELECT to_regclass(quote_ident($1) || '.raster') IS NOT NULL", {PgParam::text(project)});
    return r.text(0, 0) == "t";
}

/// Writes \a rasters (after removing every raster first when \a replaceAll) in one transaction,
/// as the project's owner.
void writeServerRasters(const std::string& location, const std::vector<StoredRaster>& rasters, bool replaceAll)
{
    const ServerLocation loc = parseServerLocation(location);
    std::unique_ptr<PgConnection> db = connectToProject(loc);
    const std::string s = db->quoteIdentifier(loc.project);
    std::vector<std::string> tiffs;
    tiffs.reserve(rasters.size());
    for (const StoredRaster& r : rasters)
        tiffs.push_back(encodeGeoTiff(r.grid));
    try {
        PgTransaction tx(*db);
        PgResult owner =
            db->query("SELECT pg_get_userbyid(nspowner) = current_user FROM pg_namespace WHERE nspname = $1",
                      {PgParam::text(loc.project)});
        if (owner.rows() == 0 || owner.text(0, 0) != "t")
            throw ProjectError("only the owner of project '" + loc.display
                                   + "' may import rasters into it (a raster covers the whole regency); ask the owner "
                                     "to import it; nothing was changed",
                               ProjectProblem::ReadOnly);
        db->query("SELECT pg_advisory_xact_lock(hashtext($1))", {PgParam::text("sasaran." + loc.project)});
        if (!hasServerRasterTable(*db, loc.project)) {
            createRasterTable(*db, s);
            // Whoever may read the project's areas may read its rasters (grants of older projects
            // cover only the tables that existed then).
            PgResult readers = db->query(
                "SELECT DISTINCT grantee::text FROM information_schema.role_table_grants WHERE table_schema = $1 "
                "AND table_name = 'wilayah' AND privilege_type = 'SELECT' AND grantee::text <> current_user",
                {PgParam::text(loc.project)});
            for (int i = 0; i < readers.rows(); ++i)
                db->exec("GRANT SELECT ON " + s + ".raster TO " + db->quoteIdentifier(readers.text(i, 0)));
        }
        if (replaceAll)
            db->exec("DELETE FROM " + s + ".raster");
        for (std::size_t i = 0; i < rasters.size(); ++i) {
            const StoredRaster& r = rasters[i];
            db->query("INSERT INTO " + s
                          + ".raster (kind, source, period, resolution_m, crs, imported_at, attributes, tiff) "
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (kind) DO UPDATE SET "
                            "source = EXCLUDED.source, period = EXCLUDED.period, resolution_m = EXCLUDED.resolution_m, "
                            "crs = EXCLUDED.crs, imported_at = EXCLUDED.imported_at, attributes = EXCLUDED.attributes, "
                            "tiff = EXCLUDED.tiff",
                      {PgParam::text(rasterKindName(r.kind)), PgParam::text(r.source),
                       r.period.empty() ? PgParam::null() : PgParam::text(r.period), pgNumber(r.grid.cellSize),
                       PgParam::text(r.grid.crs), PgParam::text(r.importedAt.empty() ? isoUtcNow() : r.importedAt),
                       PgParam::text(r.attributes.empty() ? std::string("{}") : r.attributes),
                       PgParam::bytes(tiffs[i])});
        }
        tx.commit();
    } catch (const PgError& e) {
        throw serverError(loc, "write the rasters", e);
    }
}

} // namespace

void storeServerRaster(const std::string& location, const StoredRaster& raster)
{
    writeServerRasters(location, {raster}, false);
}

void replaceServerRasters(const std::string& location, const std::vector<StoredRaster>& rasters)
{
    writeServerRasters(location, rasters, true);
}

std::optional<StoredRaster> loadServerRaster(const std::string& location, RasterKind kind)
{
    const ServerLocation loc = parseServerLocation(location);
    std::unique_ptr<PgConnection> db = connectToProject(loc);
    const std::string s = db->quoteIdentifier(loc.project);
    try {
        if (!hasServerRasterTable(*db, loc.project))
            return std::nullopt;
        PgResult meta = db->query("SELECT source, period, imported_at, attributes FROM " + s + ".raster WHERE kind = $1",
                                  {PgParam::text(rasterKindName(kind))});
        if (meta.rows() == 0)
            return std::nullopt;
        PgResult tiff = db->query("SELECT tiff FROM " + s + ".raster WHERE kind = $1",
                                  {PgParam::text(rasterKindName(kind))}, true);
        if (tiff.rows() == 0)
            return std::nullopt; // replaced by none between the two statements
        StoredRaster r;
        r.kind = kind;
        r.source = meta.text(0, 0);
        r.period = meta.isNull(0, 1) ? std::string() : meta.text(0, 1);
        r.importedAt = meta.text(0, 2);
        r.attributes = meta.isNull(0, 3) ? std::string("{}") : meta.text(0, 3);
        r.grid = decodeGeoTiff(tiff.text(0, 0), loc.display + " (raster " + rasterKindName(kind) + ")");
        return r;
    } catch (const PgError& e) {
        throw serverError(loc, "read the rasters", e);
    }
}

std::vector<RasterKind> serverRasterKinds(const std::string& location)
{
    const ServerLocation loc = parseServerLocation(location);
    std::unique_ptr<PgConnection> db = connectToProject(loc);
    std::vector<RasterKind> kinds;
    try {
        if (!hasServerRasterTable(*db, loc.project))
            return kinds;
        PgResult r = db->query("SELECT kind FROM " + db->quoteIdentifier(loc.project) + ".raster ORDER BY kind");
        for (int i = 0; i < r.rows(); ++i) {
            try {
                kinds.push_back(rasterKindFromName(r.text(i, 0)));
            } catch (const Error&) {
                // A kind written by a newer program: not ours to list.
            }
        }
    } catch (const PgError& e) {
        throw serverError(loc, "read the rasters", e);
    }
    return kinds;
}

} // namespace gis::detail
