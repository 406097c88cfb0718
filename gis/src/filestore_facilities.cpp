// Facilities added to a SpatiaLite project file. A large batch (an import of thousands of points)
// writes its R*Tree rows with one prepared statement instead of SpatiaLite's per-row trigger,
// whose RTreeAlign() builds and runs an SQL statement for every point (most of the write's time).
#include "detail/filestore.h"
#include "detail/sqlite.h"
#include "detail/wkb.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gis::detail {

namespace {

constexpr std::size_t kBulkFacilities = 500;

/// SpatiaLite's per-row triggers of fasilitas.geom that the bulk path does itself: the spatial
/// index (gii_) and the last-insert time (tmi_). Dropped inside the write transaction and made
/// again from their own SQL before it commits (a failed write rolls both back).
class PerRowTriggersOff {
public:
    explicit PerRowTriggersOff(SpatialiteConnection& db) : mDb(db)
    {
        Statement q(db,
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fasilitas' "
                    "AND name IN ('gii_fasilitas_geom', 'tmi_fasilitas_geom')");
        while (q.step())
            mSaved.emplace_back(q.text(0), q.text(1));
        for (const auto& [name, sql] : mSaved)
            db.exec("DROP TRIGGER \"" + name + "\"");
    }
    bool indexed() const
    {
        return std::any_of(mSaved.begin(), mSaved.end(), [](const auto& t) { return t.first == "gii_fasilitas_geom"; });
    }
    bool timed() const
    {
        return std::any_of(mSaved.begin(), mSaved.end(), [](const auto& t) { return t.first == "tmi_fasilitas_geom"; });
    }
    void restore()
    {
        for (const auto& [name, sql] : mSaved)
            mDb.exec(sql);
        mSaved.clear();
    }

private:
    SpatialiteConnection& mDb;
    std::vector<std::pair<std::string, std::string>> mSaved;
};

void bindFacility(Statement& q, const Facility& f)
{
    q.bind(1, f.kind).bind(2, f.name).bind(3, f.status);
    if (f.year > 0)
        q.bind(4, static_cast<long long>(f.year));
    else
        q.bindNull(4);
    q.bind(5, f.locatedBy).bind(6, f.areaCode).bindBlob(7, pointToWkb(f.location));
}

} // namespace

void addFacilities(SpatialiteConnection& db, const std::vector<Facility>& facilities)
{
    if (facilities.empty())
        return;
    long long nextId = 1;
    {
        Statement q(db, "SELECT coalesce(max(id), 0) + 1 FROM fasilitas");
        if (q.step())
            nextId = q.integer(0);
    }
    std::optional<PerRowTriggersOff> off;
    if (facilities.size() >= kBulkFacilities)
        off.emplace(db);
    const bool ownIndex = off && off->indexed();
    Statement add(db,
                  "INSERT INTO fasilitas (kind, name, status, year, located_by, wilayah_code, geom, id) "
                  "VALUES (?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4326), ?)");
    std::optional<Statement> unindex, index;
    if (ownIndex) {
        // What the trigger does: the old entry of the id goes, the point's box comes (the R*Tree
        // rounds a box outwards to its 32-bit floats, as RTreeAlign does).
        unindex.emplace(db, "DELETE FROM idx_fasilitas_geom WHERE pkid = ?");
        index.emplace(db, "INSERT INTO idx_fasilitas_geom (pkid, xmin, xmax, ymin, ymax) VALUES (?, ?, ?, ?, ?)");
    }
    for (const Facility& f : facilities) {
        bindFacility(add, f);
        const long long id = f.id > 0 ? f.id : nextId;
        nextId = std::max(nextId, id + 1);
        add.bind(8, id).run();
        if (ownIndex) {
            unindex->bind(1, id).run();
            index->bind(1, id).bind(2, f.location.x).bind(3, f.location.x).bind(4, f.location.y).bind(5, f.location.y);
            index->run();
        }
    }
    if (!off)
        return;
    if (off->timed())
        db.exec("UPDATE geometry_columns_time SET last_insert = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE Lower(f_table_name) = Lower('fasilitas') AND Lower(f_geometry_column) = Lower('geom')");
    off->restore();
}

} // namespace gis::detail
