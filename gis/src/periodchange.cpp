#include "gis/periodchange.h"

#include "gis/error.h"
#include "gis/indicators.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace gis {

namespace {

constexpr const char* kChangePrefix = "change_";

/// Keys with at least one stored value in \a period.
std::set<std::string> storedKeysIn(const Dataset& ds, const std::string& period)
{
    std::set<std::string> keys;
    for (const IndicatorValue& v : ds.indicators)
        if (v.period == period)
            keys.insert(v.key);
    return keys;
}

std::string heldPeriods(const Dataset& ds)
{
    std::set<std::string> periods;
    for (const IndicatorValue& v : ds.indicators)
        periods.insert(v.period);
    std::string list;
    for (const std::string& p : periods)
        list += (list.empty() ? "" : ", ") + p;
    return list.empty() ? std::string("none") : list;
}

std::string lowerFirst(std::string s)
{
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z')
        s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

} // namespace

std::string changeKey(const std::string& key)
{
    return kChangePrefix + key;
}

std::string changedIndicator(const std::string& key)
{
    const std::string prefix = kChangePrefix;
    return key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 ? key.substr(prefix.size())
                                                                                     : std::string{};
}

std::string earlierColumn(const std::string& key, const std::string& period)
{
    std::string safe = period;
    for (char& c : safe)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
    return key + "_" + safe;
}

std::vector<std::string> comparableIndicators(const Dataset& ds, const std::string& later, const std::string& earlier)
{
    const std::set<std::string> inLater = storedKeysIn(ds, later);
    const std::set<std::string> inEarlier = storedKeysIn(ds, earlier);
    std::vector<std::string> keys;
    std::set_intersection(inLater.begin(), inLater.end(), inEarlier.begin(), inEarlier.end(),
                          std::back_inserter(keys));
    const auto both = [&](const char* k) { return inLater.count(k) && inEarlier.count(k); };
    if (both("miskin") && both("penduduk"))
        keys.emplace_back("poverty_rate");
    if (both("miskin"))
        keys.emplace_back("poor_density_km2");
    if (both("penduduk"))
        keys.emplace_back("pop_density_km2");
    return keys;
}

PeriodChange periodChange(const Dataset& ds, const std::string& key, const std::string& later,
                          const std::string& earlier)
{
    if (later == earlier)
        throw Error("the change of '" + key + "' needs two different periods (both are '" + later + "')",
                    {"compare"});
    PeriodChange c;
    c.key = key;
    c.later = later;
    c.earlier = earlier;
    const IndicatorInfo info = indicatorInfo(ds, key);
    c.label = "Perubahan " + lowerFirst(info.label);
    c.unit = info.unit == "%" ? std::string("poin persen") : info.unit;
    c.laterValues = indicatorValues(ds, key, later);
    c.earlierValues = indicatorValues(ds, key, earlier);
    for (const auto& [code, value] : c.laterValues) {
        const auto before = c.earlierValues.find(code);
        if (before != c.earlierValues.end() && std::isfinite(value) && std::isfinite(before->second))
            c.change.emplace_hint(c.change.end(), code, value - before->second);
    }
    return c;
}

std::vector<std::string> addChangeColumns(AnalysisTable& table, const Dataset& ds, const std::string& earlier)
{
    if (earlier == table.period)
        throw Error("the period to compare with is the analysed period itself (" + earlier
                        + "); give an earlier period. Periods held: " + heldPeriods(ds),
                    {"compare"});
    const std::vector<std::string> keys = comparableIndicators(ds, table.period, earlier);
    if (keys.empty())
        throw Error("no indicator is held in both period " + table.period + " and period " + earlier
                        + "; periods held: " + heldPeriods(ds),
                    {"compare", "period"});
    const double nan = std::nan("");
    for (const std::string& key : keys) {
        const PeriodChange c = periodChange(ds, key, table.period, earlier);
        const bool hasLater =
            std::find(table.columns.begin(), table.columns.end(), key) != table.columns.end();
        if (!hasLater)
            table.columns.push_back(key);
        table.columns.push_back(earlierColumn(key, earlier));
        table.columns.push_back(changeKey(key));
        for (AnalysisTable::Row& row : table.rows) {
            const auto later = c.laterValues.find(row.kode);
            const auto before = c.earlierValues.find(row.kode);
            const auto change = c.change.find(row.kode);
            if (!hasLater)
                row.values.push_back(later == c.laterValues.end() ? nan : later->second);
            row.values.push_back(before == c.earlierValues.end() ? nan : before->second);
            row.values.push_back(change == c.change.end() ? nan : change->second);
        }
    }
    return keys;
}

} // namespace gis
