#pragma once
/// \file store.h
/// The project store: where a project lives (a SpatiaLite file, or one schema of a shared
/// PostgreSQL/PostGIS database) and the only way commands and the desktop read and write it.
///
/// A command opens the store, reads what it needs (all of the project, or only the areas under
/// a code prefix and only the layers asked for), and writes exactly what it changed as one
/// ProjectChanges, in one transaction. Nothing rewrites the whole project.
///
/// Locations:
/// - a file path (`*.sasaran.sqlite`): the SpatiaLite store (WAL journal, BEGIN IMMEDIATE,
///   busy timeout; a second writer waits its turn);
/// - a libpq URI with a `project` query parameter,
///   `postgresql://user@host:port/db?project=NAME`: the PostGIS store, one PostgreSQL schema per
///   project. `project` is removed from the URI before connecting; passwords come from
///   ~/.pgpass, PGPASSFILE or PGPASSWORD and never appear in location(), a log or an error.
///
/// \note A ProjectStore owns one connection and is used by one thread at a time; open one
/// store per thread. Reads see one consistent state; readers never block writers.
#include "gis/dataset.h"
#include "gis/exportlog.h"
#include "gis/importchanges.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gis {

/// \brief The parts of a project a read asks for (bit flags).
enum class ProjectPart : unsigned {
    Meta = 1u << 0,  ///< always read, whatever else is asked
    Areas = 1u << 1, ///< wilayah, with stored areas and surface points (Dataset::areaCache)
    Facilities = 1u << 2,
    Indicators = 1u << 3, ///< indikator, and the category values (kategori)
    Aliases = 1u << 4,
    BpsCodes = 1u << 5,
    Background = 1u << 6, ///< latar: land around the areas
    Programs = 1u << 7,   ///< saved placement runs
    Roads = 1u << 8,      ///< jalan: the road layer and its speeds
    All = 0x1ffu,
};
constexpr ProjectPart operator|(ProjectPart a, ProjectPart b)
{
    return static_cast<ProjectPart>(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}
constexpr bool has(ProjectPart set, ProjectPart part)
{
    return (static_cast<unsigned>(set) & static_cast<unsigned>(part)) != 0;
}

struct ProjectReadOptions {
    ProjectPart parts = ProjectPart::All;
    /// Only areas whose code is this prefix or starts with it followed by '.' (e.g. "18.06"),
    /// with the facilities, values and aliases of those areas. Empty: the whole project.
    std::string codePrefix;
    /// False: areas come without their geometry (code, name, kind, parent and the stored
    /// area/surface point only), for commands that only match codes and names (table imports).
    bool areaGeometry = true;
    /// Non-empty: of the indicator values, only those of these (key, period) pairs, in stored
    /// order. An import reads only the values it may replace or check against, so neither its
    /// read nor its diff grows with the rest of the project. Applies to category values too.
    std::vector<std::pair<std::string, std::string>> valueKeyPeriods;
};

/// \brief What upserted values and category levels do with a value or level the project holds,
/// at write time, for the same (area code, key, period) under another source that the command
/// did not list in its removals: typically one another process wrote after this command read
/// the project (writers take turns, so the write sees it).
enum class HeldValueRule {
    AsListed, ///< nothing beyond what the changes list (a diff of what was read)
    Replace,  ///< remove the held values of another source (an import with replace: the latest import wins)
    Refuse,   ///< fail the write, nothing changed (an import without replace must not overwrite)
};

/// \brief What one command changed, written by ProjectStore::write in one transaction.
/// Everything not named here stays as it is.
struct ProjectChanges {
    /// Areas inserted or replaced, keyed by code (geometry, name, kind, parent; the stored area
    /// and surface point are recomputed for the new geometry).
    std::vector<Area> upsertAreas;
    /// Stored areas/surface points known for upserted areas (e.g. Dataset::areaCache): used only
    /// while an entry's fingerprint matches the area's geometry, else recomputed.
    std::map<std::string, CachedArea> areaCache;
    /// Areas removed by code (before upsertAreas). Their values and aliases stay unless named in
    /// removeValues (a boundary import keeps the values of codes that are no longer areas).
    /// Removing every area and upserting them in a new order stores the new order.
    std::vector<std::string> removeAreaCodes;

    /// Indicator values inserted or replaced, keyed by (area code, key, period, source).
    std::vector<IndicatorValue> upsertValues;
    /// Before upsertValues: remove every value of these (key, period) pairs (an import with
    /// replace of a whole period).
    std::vector<std::pair<std::string, std::string>> removeValuesOfKeyPeriod;
    /// Before upsertValues: remove these values, keyed by (areaCode, key, period, source); the
    /// other fields are ignored.
    std::vector<IndicatorValue> removeValues;
    /// How upsertValues and upsertCategories meet what is held then for their (area, key, period).
    HeldValueRule heldValues = HeldValueRule::AsListed;

    /// Category values inserted or replaced, keyed by (area code, key, period): a project holds one
    /// level per area, key and period (table `kategori`).
    std::vector<CategoryValue> upsertCategories;
    /// Before upsertCategories: remove these, keyed by (areaCode, key, period).
    std::vector<CategoryValue> removeCategories;

    /// Facilities added; an id of 0 gets the next free id.
    std::vector<Facility> addFacilities;
    /// Facilities replaced by id (e.g. their pekon re-derived after new boundaries).
    std::vector<Facility> updateFacilities;
    std::vector<long long> removeFacilityIds;

    std::vector<AreaAlias> addAliases;           ///< kept unless the same (code, name) exists
    std::map<std::string, std::string> bpsCodes; ///< Kemendagri -> BPS, inserted or replaced
    std::vector<std::string> removeBpsCodes;     ///< Kemendagri codes whose crosswalk entry goes

    /// Meta entries set (value) or removed (nullopt): provenance, capital, schemes
    /// ("skema.NAME"), map templates ("template.NAME"), ...
    std::map<std::string, std::optional<std::string>> meta;

    std::optional<MultiPolygon> backgroundLand; ///< replaces latar when set

    /// Placement runs appended; ids are assigned in order (the highest id + 1 ...).
    std::vector<PlacementRun> addPrograms;

    /// Replaces the whole road layer (its roads and speeds) when set; an empty layer removes it.
    std::optional<RoadLayer> roads;

    /// Export-log rows appended as they are, with their own time and user (a copy carries the
    /// source's log); appendExportLog is for a new export.
    std::vector<ExportLogEntry> carriedExportLog;

    bool empty() const;
};

/// \brief Who last wrote a project and when. Every write transaction of either store (a write,
/// a create, a replace, an upgrade) records it; it is the store's bookkeeping, never part of
/// Dataset::meta.
struct ProjectChangeStamp {
    std::string user; ///< file store: the OS user name; server store: the PostgreSQL role (current_user)
    std::string utc;  ///< ISO 8601 UTC to the second, e.g. "2026-12-01T14:05:00Z"
    bool operator==(const ProjectChangeStamp&) const = default;
};

/// \brief A project in a store. Create with openProject() or createProject().
class ProjectStore {
public:
    virtual ~ProjectStore() = default;

    /// \brief The path, or the URI without its password: for messages.
    virtual std::string location() const = 0;
    /// \brief True when this user may only read (a reader's server project).
    virtual bool readOnly() const = 0;
    virtual int schemaVersion() const = 0;
    /// \brief The schema version the project had before this (ReadWrite) open upgraded it;
    /// schemaVersion() when nothing was upgraded.
    virtual int versionBeforeOpen() const { return schemaVersion(); }

    /// \brief Reads the parts asked for, in one consistent snapshot.
    /// \throws ProjectError naming location().
    virtual Dataset read(const ProjectReadOptions& options = {}) const = 0;

    /// \brief Writes \a changes in one transaction: all of them or none. Returns the ids given
    /// to changes.addPrograms, in order. \throws ProjectError (read-only, busy past the
    /// timeout, a constraint) naming location(); the project is then unchanged.
    virtual std::vector<long long> write(const ProjectChanges& changes) = 0;

    /// \brief Who last wrote the project and when, as stored now (read afresh, not from the last
    /// read's snapshot); nullopt for a project no write of this version has touched yet.
    /// \throws ProjectError naming location() when the store cannot be read.
    virtual std::optional<ProjectChangeStamp> lastChange() const { return std::nullopt; }

    /// \brief Appends one row to the export log (exportlog.h) in its own transaction; the store
    /// sets its time and user. Does not count as a change of the project (lastChange() stays).
    /// The server store tries even when opened read-only (the server's grants decide).
    /// \throws ProjectError naming location() when the row cannot be written.
    virtual void appendExportLog(const ExportLogEntry& entry) = 0;
    /// \brief The export log, oldest first. \throws ProjectError naming location().
    virtual std::vector<ExportLogEntry> exportLog() const = 0;
};

enum class OpenMode { ReadOnly, ReadWrite };

/// \brief Opens an existing project at a file path or `postgresql://...?project=NAME` URI.
/// ReadWrite upgrades an older schema in place first (one transaction).
/// \throws ProjectError naming the location when it is missing, not a project, newer than this
/// program, unreachable, or (ReadWrite) not writable by this user.
std::unique_ptr<ProjectStore> openProject(const std::string& location, OpenMode mode = OpenMode::ReadWrite);

/// \brief Creates a project at \a location holding \a ds (all or nothing). An existing project
/// there is refused unless \a replace. \throws ProjectError.
std::unique_ptr<ProjectStore> createProject(const std::string& location, const Dataset& ds, bool replace = false);

/// \brief True when \a location is a PostgreSQL URI rather than a file path.
bool isServerLocation(const std::string& location);

/// \brief What a command changed between the project it read (\a before) and the dataset it
/// made of it (\a after), for ProjectStore::write. Only the parts in \a parts are compared
/// (a command that only imported values passes Indicators | Aliases | Meta, so \a before need
/// hold only those). Areas are compared by code (name, kind, parent, geometry); values by (area
/// code, key, period, source); facilities by id (a facility with an id \a before lacks is added
/// with id 0, so the store gives it the next free id and two writers never collide); aliases by
/// (code, name); programs by id (new ones are appended). When the areas kept changed their
/// order, every area is removed and upserted again so the new order is stored.
ProjectChanges changesBetween(const Dataset& before, const Dataset& after, ProjectPart parts = ProjectPart::All);

/// \brief The store writes of an import (table, records, facilities) decided as \a changes on
/// the project read as \a before, without comparing whole datasets: its values are upserted,
/// the held values they replace (same area, key and period, another source) removed, its
/// aliases added, and its facilities added (id 0: the store gives the next free ids).
/// \a before need hold only the values of the (key, period) pairs the import touched.
ProjectChanges changesOfImport(const Dataset& before, const ImportChanges& changes);

/// \brief How long a file project's writer waits for another process's write to finish before
/// giving up with "proyek sedang dipakai oleh proses lain" (default 10 s; the environment
/// variable SASARAN_BUSY_TIMEOUT_MS overrides the default). Affects stores opened afterwards;
/// set it before opening stores in other threads.
void setProjectBusyTimeout(int milliseconds);
int projectBusyTimeout();

} // namespace gis
