#include "gis/indicators.h"

#include "gis/error.h"
#include "gis/measure.h"

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
    return {key, key, "", false};
}

std::map<std::string, double> storedValues(const Dataset& ds, const std::string& key, const std::string& period)
{
    std::map<std::string, double> out;
    for (const IndicatorValue& v : ds.indicators)
        if (v.key == key && v.period == period)
            out[v.areaCode] = v.value;
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
    std::set<std::string> stored;
    for (const IndicatorValue& v : ds.indicators)
        stored.insert(v.key);
    std::vector<IndicatorInfo> out;
    for (const std::string& key : stored)
        out.push_back(storedInfo(key));
    for (const DerivedDefinition& d : kDerived)
        out.push_back({d.key, d.label, d.unit, true});
    // Any stored count per km² and per 1,000 people.
    for (const std::string& key : stored) {
        const IndicatorInfo base = storedInfo(key);
        out.push_back({key + "_per_km2", base.label + " per km²", base.unit.empty() ? "per km²" : base.unit + "/km²", true});
        if (key != "penduduk")
            out.push_back({key + "_per_1000", base.label + " per 1.000 penduduk", "per 1.000 jiwa", true});
    }
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
    return periods.empty() ? std::string{} : periods.back();
}

std::map<std::string, double> indicatorValues(const Dataset& ds, const std::string& key, const std::string& period)
{
    indicatorInfo(ds, key); // throws for an unknown key
    const std::string p = period.empty() ? latestPeriod(ds, key) : period;
    std::map<std::string, double> out;
    if (key == "area_km2")
        return areasKm2(ds);
    if (key == "poverty_rate") {
        auto poor = storedValues(ds, "miskin", p);
        auto population = storedValues(ds, "penduduk", p);
        for (const auto& [code, n] : poor) {
            auto it = population.find(code);
            if (it != population.end() && it->second > 0)
                out[code] = 100.0 * n / it->second;
        }
    } else if (key == "poor_density_km2" || key == "pop_density_km2") {
        auto counts = storedValues(ds, key == "poor_density_km2" ? "miskin" : "penduduk", p);
        auto areas = areasKm2(ds);
        for (const auto& [code, n] : counts) {
            auto it = areas.find(code);
            if (it != areas.end() && it->second > 0)
                out[code] = n / it->second;
        }
    } else if (const auto [base, suffix] = splitRateKey(key); !base.empty() && ds.periods(base).size() > 0) {
        const auto counts = storedValues(ds, base, p);
        const auto per = suffix == "_per_km2" ? areasKm2(ds) : storedValues(ds, "penduduk", p);
        const double scale = suffix == "_per_km2" ? 1.0 : 1000.0;
        for (const auto& [code, n] : counts) {
            auto it = per.find(code);
            if (it != per.end() && it->second > 0)
                out[code] = scale * n / it->second;
        }
    } else {
        out = storedValues(ds, key, p);
    }
    if (out.empty())
        throw Error("indicator '" + key + "' has no values" + (p.empty() ? std::string{} : " for period " + p)
                    + "; periods with values: "
                    + [&] {
                          std::string list;
                          for (const auto& q : ds.periods(key == "poverty_rate" ? "miskin" : key))
                              list += (list.empty() ? "" : ", ") + q;
                          return list.empty() ? std::string("none") : list;
                      }());
    return out;
}

} // namespace gis
