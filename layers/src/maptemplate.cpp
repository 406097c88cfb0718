#include "layers/maptemplate.h"

#include "gis/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

namespace layers {

namespace {

constexpr const char* kMetaPrefix = "template.";

/// Every key a map template may have (what mapTemplateToJson writes).
const std::vector<std::string> kTemplateKeys = {
    "name",  "title",     "subtitle", "indicator", "layer",      "period", "method",    "classes", "ramp",  "breaks",
    "paper", "landscape", "dpi",      "labels",    "facilities", "inset",  "kecamatan", "lang",    "maker", "coverage",
    "compare"};

std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// Refuses a key no template has (a typo such as "clases" would be ignored silently).
void checkKeys(const nlohmann::json& j, const std::vector<std::string>& known, const std::string& where,
               const std::string& source)
{
    for (const auto& item : j.items()) {
        if (std::find(known.begin(), known.end(), item.key()) != known.end())
            continue;
        std::string closest = known.front();
        for (const std::string& k : known)
            if (editDistance(item.key(), k) < editDistance(item.key(), closest))
                closest = k;
        throw gis::Error("map template " + source + ": unknown key '" + where + item.key() + "'; did you mean '" + where
                         + closest + "'? (keys: " +
                         [&] {
                             std::string list;
                             for (const std::string& k : known)
                                 list += (list.empty() ? "" : ", ") + k;
                             return list;
                         }()
                         + ")");
    }
}

} // namespace

ClassificationMethod classificationFromKey(const std::string& key)
{
    const auto method = methodFromName(key);
    if (!method)
        throw gis::Error("unknown classification '" + key + "'; use quantile, equal, natural, stddev or manual");
    return *method;
}

std::string mapTemplateToJson(const MapTemplate& t)
{
    const ThematicMapSpec& s = t.spec;
    nlohmann::json j;
    j["name"] = t.name;
    j["title"] = s.title;
    j["subtitle"] = s.subtitle;
    j["indicator"] = s.indicatorKey;
    j["layer"] = t.layer;
    j["period"] = s.period;
    j["compare"] = s.comparePeriod;
    j["method"] = methodKey(s.method);
    j["classes"] = s.classCount;
    j["ramp"] = s.ramp;
    j["breaks"] = s.manualBreaks;
    j["paper"] = paperName(s.page.paper);
    j["landscape"] = s.page.landscape;
    j["dpi"] = s.page.dpi;
    j["labels"] = {{"kecamatan", s.showLabels}, {"pekon", s.showVillageLabels}};
    j["facilities"] = s.showFacilities;
    j["inset"] = s.showInset;
    j["kecamatan"] = s.focusArea;
    j["lang"] = s.lang == Lang::En ? "en" : "id";
    j["maker"] = s.maker;
    j["coverage"] = {{"kind", s.coverageKind}, {"radius_km", s.coverageRadiusKm}};
    return j.dump(2);
}

MapTemplate mapTemplateFromJson(const std::string& json, const std::string& source)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        // parse_error, and out_of_range for a number such as 1e999: say what, without the library's tag.
        const std::string what = e.what();
        const std::size_t tagEnd = what.rfind("] ", 40);
        throw gis::Error("map template " + source + ": not valid JSON: "
                         + (tagEnd == std::string::npos ? what : what.substr(tagEnd + 2))
                         + " (numbers must be finite; NaN and Infinity are not JSON)");
    }
    if (!j.is_object())
        throw gis::Error("map template " + source + ": not a JSON object");
    checkKeys(j, kTemplateKeys, "", source);
    if (j.contains("labels") && j.at("labels").is_object())
        checkKeys(j.at("labels"), {"kecamatan", "pekon"}, "labels.", source);
    if (j.contains("coverage") && j.at("coverage").is_object())
        checkKeys(j.at("coverage"), {"kind", "radius_km"}, "coverage.", source);
    MapTemplate t;
    ThematicMapSpec& s = t.spec;
    std::string key;
    try {
        auto text = [&](const char* k, std::string& target) {
            key = k;
            if (j.contains(k))
                target = j.at(k).get<std::string>();
        };
        text("name", t.name);
        text("title", s.title);
        text("subtitle", s.subtitle);
        text("indicator", s.indicatorKey);
        text("layer", t.layer);
        text("period", s.period);
        text("compare", s.comparePeriod);
        text("ramp", s.ramp);
        text("kecamatan", s.focusArea);
        text("maker", s.maker);
        key = "method";
        if (j.contains("method"))
            s.method = classificationFromKey(j.at("method").get<std::string>());
        key = "classes";
        if (j.contains("classes"))
            s.classCount = j.at("classes").get<int>();
        key = "breaks";
        if (j.contains("breaks"))
            s.manualBreaks = j.at("breaks").get<std::vector<double>>();
        key = "paper";
        if (j.contains("paper")) {
            const auto paper = paperFromName(j.at("paper").get<std::string>());
            if (!paper)
                throw gis::Error("use A4, A3, A2, A1, A0 or letter");
            s.page.paper = *paper;
        }
        key = "landscape";
        if (j.contains("landscape"))
            s.page.landscape = j.at("landscape").get<bool>();
        key = "dpi";
        if (j.contains("dpi"))
            s.page.dpi = j.at("dpi").get<double>();
        key = "labels";
        if (j.contains("labels")) {
            s.showLabels = j.at("labels").value("kecamatan", s.showLabels);
            s.showVillageLabels = j.at("labels").value("pekon", s.showVillageLabels);
        }
        key = "facilities";
        if (j.contains("facilities"))
            s.showFacilities = j.at("facilities").get<bool>();
        key = "inset";
        if (j.contains("inset"))
            s.showInset = j.at("inset").get<bool>();
        key = "lang";
        if (j.contains("lang")) {
            const auto lang = langFromName(j.at("lang").get<std::string>());
            if (!lang)
                throw gis::Error("use id or en");
            s.lang = *lang;
        }
        key = "coverage";
        if (j.contains("coverage")) {
            s.coverageKind = j.at("coverage").value("kind", std::string());
            s.coverageRadiusKm = j.at("coverage").value("radius_km", 0.0);
        }
    } catch (const nlohmann::json::exception& e) {
        throw gis::Error("map template " + source + ": key '" + key + "' has the wrong type (" + e.what() + ")");
    } catch (const gis::Error& e) {
        throw gis::Error("map template " + source + ": key '" + key + "': " + e.what());
    }
    if (!std::isfinite(s.coverageRadiusKm) || s.coverageRadiusKm < 0.0)
        throw gis::Error("map template " + source + ": coverage radius_km must be a distance of 0 km or more");
    if (s.classCount < 1 || s.classCount > 9)
        throw gis::Error("map template " + source + ": classes must be 1..9");
    if (!(s.page.dpi >= 30.0 && s.page.dpi <= 1200.0))
        throw gis::Error("map template " + source + ": dpi must be 30..1200");
    return t;
}

MapTemplate loadMapTemplate(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw gis::DataSourceError(path, "cannot read the map template: no such file or not readable");
    std::ostringstream text;
    text << in.rdbuf();
    return mapTemplateFromJson(text.str(), "'" + path + "'");
}

void storeMapTemplate(gis::Dataset& ds, const MapTemplate& t)
{
    if (t.name.empty())
        throw gis::Error("a map template kept in a project needs a name");
    ds.meta[kMetaPrefix + t.name] = mapTemplateToJson(t);
}

std::vector<std::string> storedMapTemplateNames(const gis::Dataset& ds)
{
    std::vector<std::string> names;
    for (const auto& [key, value] : ds.meta)
        if (key.rfind(kMetaPrefix, 0) == 0)
            names.push_back(key.substr(std::string(kMetaPrefix).size()));
    return names;
}

MapTemplate storedMapTemplate(const gis::Dataset& ds, const std::string& name)
{
    const auto it = ds.meta.find(kMetaPrefix + name);
    if (it == ds.meta.end()) {
        std::string known;
        for (const auto& n : storedMapTemplateNames(ds))
            known += (known.empty() ? "" : ", ") + n;
        throw gis::Error("the project keeps no map template '" + name + "'"
                         + (known.empty() ? std::string("; it keeps none (keep a map's settings under a name first)")
                                          : "; kept: " + known));
    }
    return mapTemplateFromJson(it->second, "'" + name + "' in the project");
}

} // namespace layers
