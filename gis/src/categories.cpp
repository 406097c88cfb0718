#include "gis/categories.h"

#include "gis/error.h"
#include "gis/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace gis {

namespace {

/// Lower case, spaces and underscores collapsed to one space, trimmed.
std::string levelKey(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : asciiLower(trimmed(text))) {
        if (c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

const std::vector<std::string>& kIdmLevels()
{
    static const std::vector<std::string> levels = {"Sangat Tertinggal", "Tertinggal", "Berkembang", "Maju",
                                                    "Mandiri"};
    return levels;
}

} // namespace

std::optional<std::size_t> CategoryScale::levelOf(std::string_view text) const
{
    const std::string key = levelKey(text);
    if (key.empty())
        return std::nullopt;
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levelKey(levels[i]) == key)
            return i;
    if (isYesNo()) {
        static const std::set<std::string> no = {"tidak", "tidak ada", "t", "0", "no", "n", "belum", "belum ada"};
        static const std::set<std::string> yes = {"ya", "ada", "y", "1", "yes", "sudah", "sudah ada"};
        if (no.count(key))
            return 0;
        if (yes.count(key))
            return 1;
    }
    return std::nullopt;
}

std::string CategoryScale::description() const
{
    std::string order;
    for (const std::string& l : levels)
        order += (order.empty() ? "" : " < ") + l;
    if (name == "idm")
        return "IDM (" + order + ")";
    if (isYesNo())
        return "yes/no (" + order + "; ada/tidak, ya/tidak, y/t, 1/0)";
    return "levels " + order;
}

CategoryScale idmScale()
{
    return {"idm", kIdmLevels()};
}

CategoryScale yesNoScale()
{
    return {"ya_tidak", {"Tidak", "Ya"}};
}

CategoryScale scaleOfLevels(std::string_view commaSeparated)
{
    CategoryScale scale;
    scale.name = "levels";
    std::string_view rest = commaSeparated;
    while (true) {
        const auto comma = rest.find(',');
        const std::string level = trimmed(rest.substr(0, comma));
        if (level.empty())
            throw Error(fmt::format("the levels '{}' have an empty level; give them in order separated by commas, "
                                    "e.g. \"Rendah,Sedang,Tinggi\"",
                                    commaSeparated),
                        {"levels"});
        if (scale.levelOf(level))
            throw Error(fmt::format("the levels '{}' name '{}' twice", commaSeparated, level), {"levels"});
        scale.levels.push_back(level);
        if (comma == std::string_view::npos)
            break;
        rest = rest.substr(comma + 1);
    }
    if (scale.levels.size() < 2)
        throw Error(fmt::format("the levels '{}' name only one level; a scale needs two or more, lowest first",
                                commaSeparated),
                    {"levels"});
    return scale;
}

std::optional<CategoryScale> recogniseScale(const std::vector<std::string>& values)
{
    std::optional<CategoryScale> best;
    std::size_t bestCount = 0;
    for (const CategoryScale& scale : {idmScale(), yesNoScale()}) {
        std::size_t count = 0;
        for (const std::string& v : values)
            if (scale.levelOf(v))
                ++count;
        if (count > bestCount) {
            best = scale;
            bestCount = count;
        }
    }
    return best;
}

std::string categoryLabel(const std::string& key)
{
    const std::string k = asciiLower(key);
    if (k == "idm" || k == "status_idm" || k.rfind("status_idm_", 0) == 0)
        return "Status IDM";
    std::string label = key;
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

std::string categoryMetaKey(const std::string& key)
{
    return "kategori." + key;
}

std::string scaleToJson(const CategoryScale& scale)
{
    return nlohmann::json{{"scale", scale.name}, {"levels", scale.levels}}.dump();
}

CategoryScale scaleFromJson(const std::string& json, const std::string& what)
{
    try {
        const nlohmann::json j = nlohmann::json::parse(json);
        CategoryScale scale;
        scale.name = j.at("scale").get<std::string>();
        scale.levels = j.at("levels").get<std::vector<std::string>>();
        if (scale.levels.size() < 2)
            throw Error(what + " has fewer than two levels");
        return scale;
    } catch (const nlohmann::json::exception& e) {
        throw Error(what + " is not a category scale (" + e.what() + ")");
    }
}

std::optional<CategoryScale> categoryScale(const Dataset& ds, const std::string& key)
{
    const auto it = ds.meta.find(categoryMetaKey(key));
    if (it == ds.meta.end())
        return std::nullopt;
    return scaleFromJson(it->second, "meta '" + it->first + "'");
}

std::vector<std::string> categoryKeys(const Dataset& ds)
{
    std::vector<std::string> keys;
    const std::string prefix = categoryMetaKey("");
    for (auto it = ds.meta.lower_bound(prefix); it != ds.meta.end() && it->first.rfind(prefix, 0) == 0; ++it)
        keys.push_back(it->first.substr(prefix.size()));
    return keys;
}

std::vector<std::string> categoryPeriods(const Dataset& ds, const std::string& key)
{
    std::set<std::string> periods;
    for (const CategoryValue& v : ds.categories)
        if (v.key == key)
            periods.insert(v.period);
    return {periods.begin(), periods.end()};
}

std::map<std::string, std::size_t> categoryLevels(const Dataset& ds, const std::string& key,
                                                  const std::string& period)
{
    const std::optional<CategoryScale> scale = categoryScale(ds, key);
    if (!scale)
        throw Error("'" + key + "' is not a category of the project");
    std::string use = period;
    if (use.empty()) {
        const std::vector<std::string> periods = categoryPeriods(ds, key);
        if (periods.empty())
            return {};
        use = periods.back();
    }
    std::map<std::string, std::size_t> out;
    for (const CategoryValue& v : ds.categories)
        if (v.key == key && v.period == use)
            if (const auto level = scale->levelOf(v.level))
                out[v.areaCode] = *level;
    return out;
}

double scaleRank(std::size_t index, std::size_t levelCount)
{
    return levelCount < 2 ? 0.0 : static_cast<double>(index) / static_cast<double>(levelCount - 1);
}

std::vector<KecamatanLevelCount> countLevelByKecamatan(const Dataset& ds, const std::string& key,
                                                       const std::string& level, const std::string& period)
{
    const std::optional<CategoryScale> scale = categoryScale(ds, key);
    if (!scale)
        throw Error("'" + key + "' is not a category of the project");
    const std::optional<std::size_t> wanted = scale->levelOf(level);
    if (!wanted)
        throw Error(fmt::format("'{}' is no level of '{}', whose scale is {}", level, key, scale->description()));
    const std::map<std::string, std::size_t> levels = categoryLevels(ds, key, period);
    std::map<std::string, KecamatanLevelCount> byKecamatan;
    for (const Area* village : ds.villages()) {
        KecamatanLevelCount& k = byKecamatan[village->parentCode];
        k.kecamatanCode = village->parentCode;
        ++k.villages;
        const auto it = levels.find(village->code);
        if (it == levels.end())
            ++k.noValue;
        else if (it->second == *wanted)
            ++k.atLevel;
    }
    std::vector<KecamatanLevelCount> out;
    for (auto& [code, k] : byKecamatan) {
        if (const Area* kec = ds.findArea(code))
            k.kecamatanName = kec->name;
        out.push_back(std::move(k));
    }
    return out;
}

} // namespace gis
