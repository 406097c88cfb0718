// HeldValueRule in the SpatiaLite file store: what an import's values meet at write time. The
// writer holds the write lock (BEGIN IMMEDIATE), so what it finds here is what another process
// committed after this command read the project.
#include "detail/filestore.h"
#include "detail/sqlite.h"
#include "gis/error.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

namespace gis::detail {

namespace {

/// (key, period) -> the sources its upserted values come from.
std::map<std::pair<std::string, std::string>, std::set<std::string>> keyPeriodsOf(
    const std::vector<IndicatorValue>& values)
{
    std::map<std::pair<std::string, std::string>, std::set<std::string>> out;
    for (const IndicatorValue& v : values)
        out[{v.key, v.period}].insert(v.source);
    return out;
}

ProjectError heldMeanwhile(const std::string& path, std::size_t held, const std::string& what)
{
    return ProjectError(fmt::format("project '{}' now holds {} {} for the same pekon and period, written since this "
                                    "import read the project (another import at the same time?); nothing was "
                                    "written: run the import again to see them, and replace them if meant",
                                    path, held, what));
}

void refuseHeld(SpatialiteConnection& db, const ProjectChanges& c)
{
    std::size_t held = 0;
    std::set<std::string> which;
    Statement any(db, "SELECT 1 FROM indikator WHERE key = ? AND period = ? LIMIT 1");
    Statement one(db, "SELECT 1 FROM indikator WHERE wilayah_code = ? AND key = ? AND period = ? LIMIT 1");
    for (const auto& [keyPeriod, sources] : keyPeriodsOf(c.upsertValues)) {
        any.bind(1, keyPeriod.first).bind(2, keyPeriod.second);
        const bool some = any.step();
        any.reset();
        if (!some)
            continue; // the usual case, a period new to the project: one index probe
        for (const IndicatorValue& v : c.upsertValues) {
            if (v.key != keyPeriod.first || v.period != keyPeriod.second)
                continue;
            one.bind(1, v.areaCode).bind(2, v.key).bind(3, v.period);
            if (one.step()) {
                ++held;
                which.insert(v.key + " " + v.period);
            }
            one.reset();
        }
    }
    Statement level(db, "SELECT 1 FROM kategori WHERE wilayah_code = ? AND key = ? AND period = ? LIMIT 1");
    std::size_t heldLevels = 0;
    for (const CategoryValue& v : c.upsertCategories) {
        level.bind(1, v.areaCode).bind(2, v.key).bind(3, v.period);
        heldLevels += level.step() ? 1 : 0;
        level.reset();
    }
    if (held > 0) {
        std::string list;
        for (const std::string& w : which)
            list += (list.empty() ? "" : ", ") + w;
        throw heldMeanwhile(db.path(), held, "values (" + list + ")");
    }
    if (heldLevels > 0)
        throw heldMeanwhile(db.path(), heldLevels, "category levels");
}

void replaceHeld(SpatialiteConnection& db, const ProjectChanges& c)
{
    Statement other(db, "SELECT 1 FROM indikator WHERE key = ? AND period = ? AND source <> ? LIMIT 1");
    Statement remove(db, "DELETE FROM indikator WHERE wilayah_code = ? AND key = ? AND period = ? AND source <> ?");
    for (const auto& [keyPeriod, sources] : keyPeriodsOf(c.upsertValues)) {
        bool some = false;
        for (const std::string& source : sources) {
            other.bind(1, keyPeriod.first).bind(2, keyPeriod.second).bind(3, source);
            some = some || other.step();
            other.reset();
        }
        if (!some)
            continue; // nothing of another source held for this key and period
        for (const IndicatorValue& v : c.upsertValues)
            if (v.key == keyPeriod.first && v.period == keyPeriod.second)
                remove.bind(1, v.areaCode).bind(2, v.key).bind(3, v.period).bind(4, v.source).run();
    }
    // Category levels: one per (area, key, period), so the upsert itself replaces.
}

} // namespace

void applyHeldValueRule(SpatialiteConnection& db, const ProjectChanges& c)
{
    if (c.heldValues == HeldValueRule::Refuse)
        refuseHeld(db, c);
    else if (c.heldValues == HeldValueRule::Replace)
        replaceHeld(db, c);
}

} // namespace gis::detail
