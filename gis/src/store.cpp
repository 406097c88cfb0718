#include "gis/store.h"

#include "detail/filestore.h"
#include "detail/serverstore.h"
#include "gis/error.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace gis {

namespace {

std::atomic<int> gBusyTimeoutMs{-1};

} // namespace

void setProjectBusyTimeout(int milliseconds)
{
    gBusyTimeoutMs = std::max(0, milliseconds);
}

int projectBusyTimeout()
{
    const int set = gBusyTimeoutMs.load();
    if (set >= 0)
        return set;
    if (const char* env = std::getenv("SASARAN_BUSY_TIMEOUT_MS")) {
        char* end = nullptr;
        const long ms = std::strtol(env, &end, 10);
        if (end != env && *end == '\0' && ms >= 0)
            return static_cast<int>(std::min(ms, 3600L * 1000));
    }
    return 10000;
}

bool isServerLocation(const std::string& location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<ProjectStore> openProject(const std::string& location, OpenMode mode)
{
    if (isServerLocation(location)) {
#ifdef SASARAN_WITH_POSTGRES
        return detail::openServerProject(location, mode);
#else
        throw ProjectError("'" + location.substr(0, location.find('@') == std::string::npos ? location.size() : 13)
                           + "...' is a PostgreSQL project, but this build of Sasaran has no PostgreSQL support");
#endif
    }
    return detail::openFileProject(location, mode);
}

std::unique_ptr<ProjectStore> createProject(const std::string& location, const Dataset& ds, bool replace)
{
    if (isServerLocation(location)) {
#ifdef SASARAN_WITH_POSTGRES
        return detail::createServerProject(location, ds, replace);
#else
        throw ProjectError("'" + location.substr(0, 13)
                           + "...' is a PostgreSQL project, but this build of Sasaran has no PostgreSQL support");
#endif
    }
    return detail::createFileProject(location, ds, replace);
}

void recordExport(const std::string& location, const ExportLogEntry& entry)
{
    // A server project is opened read-only: a reader may add to the log (the owner grants it),
    // never to the data. A file is opened for writing (its schema upgraded first).
    const OpenMode mode = isServerLocation(location) ? OpenMode::ReadOnly : OpenMode::ReadWrite;
    openProject(location, mode)->appendExportLog(entry);
}

std::vector<ExportLogEntry> readExportLog(const std::string& location)
{
    return openProject(location, OpenMode::ReadOnly)->exportLog();
}

bool ProjectChanges::empty() const
{
    return upsertAreas.empty() && removeAreaCodes.empty() && upsertValues.empty() && removeValuesOfKeyPeriod.empty()
        && removeValues.empty() && addFacilities.empty() && updateFacilities.empty() && removeFacilityIds.empty()
        && addAliases.empty() && bpsCodes.empty() && removeBpsCodes.empty() && meta.empty() && !backgroundLand
        && addPrograms.empty() && upsertCategories.empty() && removeCategories.empty() && !roads
        && carriedExportLog.empty();
}

namespace {

bool sameGeometry(const MultiPolygon& a, const MultiPolygon& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Polygon& p, const Polygon& q) {
        return p.exterior == q.exterior && p.holes == q.holes;
    });
}

bool sameArea(const Area& a, const Area& b)
{
    return a.code == b.code && a.name == b.name && a.kind == b.kind && a.parentCode == b.parentCode
        && sameGeometry(a.geometry, b.geometry);
}

bool sameFacility(const Facility& a, const Facility& b)
{
    return a.id == b.id && a.kind == b.kind && a.name == b.name && a.status == b.status && a.year == b.year
        && a.locatedBy == b.locatedBy && a.areaCode == b.areaCode && a.location == b.location;
}

/// (area code, key, period, source) as one string: the key of an indicator value.
std::string valueKey(const IndicatorValue& v)
{
    std::string k;
    k.reserve(v.areaCode.size() + v.key.size() + v.period.size() + v.source.size() + 3);
    k.append(v.areaCode).push_back('\x1f');
    k.append(v.key).push_back('\x1f');
    k.append(v.period).push_back('\x1f');
    k.append(v.source);
    return k;
}

void diffAreas(const Dataset& before, const Dataset& after, ProjectChanges& c)
{
    std::unordered_map<std::string_view, const Area*> old;
    old.reserve(before.areas.size());
    for (const Area& a : before.areas)
        old.emplace(a.code, &a);
    std::unordered_set<std::string_view> kept;
    kept.reserve(after.areas.size());
    for (const Area& a : after.areas)
        kept.insert(a.code);
    // The order of the areas both hold: unchanged, or everything is written again in the new order.
    std::vector<std::string_view> oldOrder, newOrder;
    for (const Area& a : before.areas)
        if (kept.count(a.code))
            oldOrder.push_back(a.code);
    for (const Area& a : after.areas)
        if (old.count(a.code))
            newOrder.push_back(a.code);
    const bool reordered = oldOrder != newOrder;
    for (const Area& a : before.areas)
        if (reordered || !kept.count(a.code))
            c.removeAreaCodes.push_back(a.code);
    for (const Area& a : after.areas) {
        auto it = old.find(a.code);
        if (reordered || it == old.end() || !sameArea(*it->second, a)) {
            c.upsertAreas.push_back(a);
            if (auto cached = after.areaCache.find(a.code); cached != after.areaCache.end())
                c.areaCache.emplace(a.code, cached->second);
        }
    }
}

void diffValues(const Dataset& before, const Dataset& after, ProjectChanges& c)
{
    std::unordered_map<std::string, const IndicatorValue*> old;
    old.reserve(before.indicators.size());
    for (const IndicatorValue& v : before.indicators)
        old.emplace(valueKey(v), &v);
    std::unordered_set<std::string> present;
    present.reserve(after.indicators.size());
    for (const IndicatorValue& v : after.indicators) {
        std::string key = valueKey(v);
        auto it = old.find(key);
        if (it == old.end() || it->second->value != v.value || it->second->importedAt != v.importedAt)
            c.upsertValues.push_back(v);
        present.insert(std::move(key));
    }
    for (const IndicatorValue& v : before.indicators)
        if (!present.count(valueKey(v)))
            c.removeValues.push_back(v);
}

/// (area code, key, period) as one string: the key of a category value.
std::string categoryKey(const CategoryValue& v)
{
    return v.areaCode + '\x1f' + v.key + '\x1f' + v.period;
}

void diffCategories(const Dataset& before, const Dataset& after, ProjectChanges& c)
{
    std::unordered_map<std::string, const CategoryValue*> old;
    for (const CategoryValue& v : before.categories)
        old.emplace(categoryKey(v), &v);
    std::unordered_set<std::string> present;
    for (const CategoryValue& v : after.categories) {
        std::string key = categoryKey(v);
        auto it = old.find(key);
        if (it == old.end() || it->second->level != v.level || it->second->source != v.source
            || it->second->importedAt != v.importedAt)
            c.upsertCategories.push_back(v);
        present.insert(std::move(key));
    }
    for (const CategoryValue& v : before.categories)
        if (!present.count(categoryKey(v)))
            c.removeCategories.push_back(v);
}

void diffFacilities(const Dataset& before, const Dataset& after, ProjectChanges& c)
{
    std::unordered_map<long long, const Facility*> old;
    for (const Facility& f : before.facilities)
        old.emplace(f.id, &f);
    std::unordered_set<long long> present;
    for (const Facility& f : after.facilities) {
        auto it = f.id > 0 ? old.find(f.id) : old.end();
        if (it == old.end()) {
            Facility added = f;
            added.id = 0; // the store gives the next free id at write time
            c.addFacilities.push_back(std::move(added));
            continue;
        }
        present.insert(f.id);
        if (!sameFacility(*it->second, f))
            c.updateFacilities.push_back(f);
    }
    for (const Facility& f : before.facilities)
        if (!present.count(f.id))
            c.removeFacilityIds.push_back(f.id);
}

} // namespace

ProjectChanges changesOfImport(const Dataset& before, const ImportChanges& changes)
{
    ProjectChanges c;
    if (!changes.values.empty() && !before.indicators.empty()) {
        // (area, key, period) -> the source of the new value: a held value of that key with
        // another source is replaced; one with the same source is overwritten by the upsert.
        std::unordered_map<std::string, const std::string*> incoming;
        incoming.reserve(changes.values.size());
        auto areaKeyPeriod = [](const IndicatorValue& v) { return v.areaCode + '\x1f' + v.key + '\x1f' + v.period; };
        for (const IndicatorValue& v : changes.values)
            incoming.emplace(areaKeyPeriod(v), &v.source);
        for (const IndicatorValue& held : before.indicators)
            if (auto it = incoming.find(areaKeyPeriod(held)); it != incoming.end() && *it->second != held.source)
                c.removeValues.push_back(held);
    }
    c.upsertValues = changes.values;
    c.upsertCategories = changes.categories; // one level per (area, key, period): the upsert replaces
    for (const auto& [key, value] : changes.meta)
        c.meta[key] = value;
    c.addAliases = changes.aliases;
    for (Facility f : changes.facilities) {
        f.id = 0;
        c.addFacilities.push_back(std::move(f));
    }
    return c;
}

ProjectChanges changesBetween(const Dataset& before, const Dataset& after, ProjectPart parts)
{
    ProjectChanges c;
    if (has(parts, ProjectPart::Meta)) {
        for (const auto& [key, value] : after.meta) {
            auto it = before.meta.find(key);
            if (it == before.meta.end() || it->second != value)
                c.meta[key] = value;
        }
        for (const auto& [key, value] : before.meta)
            if (!after.meta.count(key))
                c.meta[key] = std::nullopt;
    }
    if (has(parts, ProjectPart::Areas))
        diffAreas(before, after, c);
    if (has(parts, ProjectPart::Indicators)) {
        diffValues(before, after, c);
        diffCategories(before, after, c);
    }
    if (has(parts, ProjectPart::Facilities))
        diffFacilities(before, after, c);
    if (has(parts, ProjectPart::Aliases)) {
        std::set<std::pair<std::string, std::string>> old;
        for (const AreaAlias& a : before.aliases)
            old.insert({a.areaCode, a.name});
        for (const AreaAlias& a : after.aliases)
            if (old.insert({a.areaCode, a.name}).second)
                c.addAliases.push_back(a);
    }
    if (has(parts, ProjectPart::BpsCodes)) {
        for (const auto& [code, bps] : after.bpsCodes) {
            auto it = before.bpsCodes.find(code);
            if (it == before.bpsCodes.end() || it->second != bps)
                c.bpsCodes[code] = bps;
        }
        for (const auto& [code, bps] : before.bpsCodes)
            if (!after.bpsCodes.count(code))
                c.removeBpsCodes.push_back(code);
    }
    if (has(parts, ProjectPart::Background) && !sameGeometry(before.backgroundLand, after.backgroundLand))
        c.backgroundLand = after.backgroundLand;
    if (has(parts, ProjectPart::Roads) && !(before.roads == after.roads))
        c.roads = after.roads;
    if (has(parts, ProjectPart::Programs)) {
        std::set<long long> old;
        for (const PlacementRun& r : before.programs)
            old.insert(r.id);
        for (const PlacementRun& r : after.programs)
            if (r.id == 0 || !old.count(r.id))
                c.addPrograms.push_back(r);
    }
    return c;
}

} // namespace gis
