#include "gis/indicators.h"

#include "gis/categories.h"
#include "gis/error.h"
#include "gis/measure.h"

#include <algorithm>
#include <set>

namespace gis {

namespace {

struct DerivedDefinition {
    const char* key;
    const char* label;
    const char* unit;
};

const DerivedDefinition kDerived[] = {
    {"poverty_rate", "Tingkat kemiskinan", "%"},
    {"poor_density_km2", "Kepadatan penduduk miskin", "jiwa/km²"},
    {"pop_density_km2", "Kepadatan penduduk", "jiwa/km²"},
    {"area_km2", "Luas wilayah", "km²"},
};

IndicatorInfo storedInfo(const std::string& key)
{
    if (key == "penduduk")
        return {key, "Jumlah penduduk", "jiwa", false};
    if (key == "miskin")
        return {key, "Jumlah penduduk miskin", "jiwa", false};
    // counted from a DTSEN/DTKS extract (recordimport.h): labelled for titles and legends
    if (key == "dtsen_jiwa")
        return {key, "Jumlah jiwa DTSEN", "jiwa", false};
    if (key == "dtsen_kk")
        return {key, "Jumlah keluarga (KK) DTSEN", "KK", false};
    if (key.rfind("dtsen_desil_", 0) == 0)
        return {key, "Keluarga desil " + key.substr(12) + " DTSEN", "KK", false};
    if (key.rfind("dtsen_status_", 0) == 0) {
        std::string status = key.substr(13);
        std::replace(status.begin(), status.end(), '_', ' ');
        return {key, "Baris DTSEN berstatus " + status, "baris", false};
    }
    return {key, key, "", false};
}

std::map<std::string, double> storedValues(const Dataset& ds, const std::string& key, const std::string& period)
{
    // Sorted first and inserted at the end: a national dataset has 84,000 values per key, and
    // inserting them in file order costs a tree search each.
    std::vector<const IndicatorValue*> rows;
    for (const IndicatorValue& v : ds.indicators)
        if (v.key == key && v.period == period)
            rows.push_back(&v);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const IndicatorValue* a, const IndicatorValue* b) { return a->areaCode < b->areaCode; });
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (i + 1 == rows.size() || rows[i + 1]->areaCode != rows[i]->areaCode) // the last of a code wins
            out.emplace_hint(out.end(), rows[i]->areaCode, rows[i]->value);
    return out;
}

/// scale × numerator / denominator for the codes in both with a positive denominator.
std::map<std::string, double> ratioOf(const std::map<std::string, double>& numerator,
                                      const std::map<std::string, double>& denominator, double scale)
{
    std::map<std::string, double> out;
    auto d = denominator.begin();
    for (const auto& [code, n] : numerator) {
        while (d != denominator.end() && d->first < code)
            ++d;
        if (d != denominator.end() && d->first == code && d->second > 0)
            out.emplace_hint(out.end(), code, scale * n / d->second);
    }
    return out;
}

std::map<std::string, double> areasKm2(const Dataset& ds)
{
    std::map<std::string, double> out;
    for (const Area* a : ds.villages())
        out[a->code] = ds.areaKm2(*a);
    return out;
}

std::string knownKeys(const Dataset& ds)
{
    std::string list;
    for (const IndicatorInfo& info : availableIndicators(ds))
        list += (list.empty() ? "" : ", ") + info.key;
    return list;
}

} // namespace

std::vector<IndicatorInfo> availableIndicators(const Dataset& ds)
{
    // A dataset has few keys and many values: a short list checked in place is much cheaper
    // than a set insertion per value (168,000 values in a national dataset).
    std::vector<const std::string*> distinct;
    for (const IndicatorValue& v : ds.indicators)
        if (std::none_of(distinct.begin(), distinct.end(), [&v](const std::string* k) { return *k == v.key; }))
            distinct.push_back(&v.key);
    std::set<std::string> stored;
    for (const std::string* k : distinct)
        stored.insert(*k);
    std::vector<IndicatorInfo> out;
    for (const std::string& key : stored)
        out.push_back(storedInfo(key));
    for (const DerivedDefinition& d : kDerived)
        out.push_back({d.key, d.label, d.unit, true});
    // Any stored count per km² and per 1,000 people.
    for (const std::string& key : stored) {
        const IndicatorInfo base = storedInfo(key);
        out.push_back(
            {key + "_per_km2", base.label + " per km²", base.unit.empty() ? "per km²" : base.unit + "/km²", true});
        if (key != "penduduk")
            out.push_back({key + "_per_1000", base.label + " per 1.000 penduduk", "per 1.000 jiwa", true});
    }
    for (const std::string& key : categoryKeys(ds))
        if (!stored.count(key))
            out.push_back({key, categoryLabel(key), "", false, true});
    return out;
}

IndicatorInfo indicatorInfo(const Dataset& ds, const std::string& key)
{
    for (const IndicatorInfo& info : availableIndicators(ds))
        if (info.key == key)
            return info;
    throw Error("unknown indicator '" + key + "'; available: " + knownKeys(ds));
}

namespace {

/// "miskin_per_km2" -> ("miskin", "_per_km2"); no suffix -> ("", "").
std::pair<std::string, std::string> splitRateKey(const std::string& key)
{
    for (const char* suffix : {"_per_km2", "_per_1000"}) {
        const std::string s = suffix;
        if (key.size() > s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0)
            return {key.substr(0, key.size() - s.size()), s};
    }
    return {};
}

} // namespace

std::string latestPeriod(const Dataset& ds, const std::string& key)
{
    if (const auto [base, suffix] = splitRateKey(key); !base.empty()) {
        auto periods = ds.periods(base);
        return periods.empty() ? std::string{} : periods.back();
    }
    const bool derived = key == "poverty_rate" || key == "poor_density_km2";
    const std::string source = derived ? "miskin" : key == "pop_density_km2" ? "penduduk" : key;
    if (key == "area_km2")
        return {};
    auto periods = ds.periods(source);
    if (periods.empty() && categoryScale(ds, key))
        periods = categoryPeriods(ds, key);
    return periods.empty() ? std::string{} : periods.back();
}

std::map<std::string, double> indicatorValues(const Dataset& ds, const std::string& key, const std::string& period)
{
    const IndicatorInfo info = indicatorInfo(ds, key); // throws for an unknown key
    const std::string p = period.empty() ? latestPeriod(ds, key) : period;
    std::map<std::string, double> out;
    if (info.categorical) {
        for (const auto& [code, level] : categoryLevels(ds, key, p))
            out.emplace(code, static_cast<double>(level));
        if (out.empty())
            throw Error("category '" + key + "' has no values" + (p.empty() ? std::string{} : " for period " + p));
        return out;
    }
    if (key == "area_km2")
        return areasKm2(ds);
    if (key == "poverty_rate") {
        out = ratioOf(storedValues(ds, "miskin", p), storedValues(ds, "penduduk", p), 100.0);
    } else if (key == "poor_density_km2" || key == "pop_density_km2") {
        out = ratioOf(storedValues(ds, key == "poor_density_km2" ? "miskin" : "penduduk", p), areasKm2(ds), 1.0);
    } else if (const auto [base, suffix] = splitRateKey(key); !base.empty() && ds.periods(base).size() > 0) {
        const auto per = suffix == "_per_km2" ? areasKm2(ds) : storedValues(ds, "penduduk", p);
        out = ratioOf(storedValues(ds, base, p), per, suffix == "_per_km2" ? 1.0 : 1000.0);
    } else {
        out = storedValues(ds, key, p);
    }
    if (out.empty())
        throw Error("indicator '" + key + "' has no values" + (p.empty() ? std::string{} : " for period " + p)
                    + "; periods with values: " + [&] {
                          std::string list;
                          for (const auto& q : ds.periods(key == "poverty_rate" ? "miskin" : key))
                              list += (list.empty() ? "" : ", ") + q;
                          return list.empty() ? std::string("none") : list;
                      }());
    return out;
}

} // namespace gis
