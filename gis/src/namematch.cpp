#include "gis/namematch.h"

#include "gis/codes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>

namespace gis {

std::string normaliseAreaName(std::string_view name)
{
    std::string flat;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80)
            flat += static_cast<char>(std::tolower(u));
        else if (!flat.empty() && flat.back() != ' ')
            flat += ' ';
    }
    while (!flat.empty() && flat.back() == ' ')
        flat.pop_back();
    static const std::array<std::string_view, 8> prefixes{"pekon ",   "desa ",  "kelurahan ", "kel ",
                                                          "kampung ", "tiyuh ", "kecamatan ", "kec "};
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (std::string_view p : prefixes) {
            if (flat.size() > p.size() && flat.compare(0, p.size(), p) == 0) {
                flat.erase(0, p.size());
                stripped = true;
            }
        }
    }
    return flat;
}

std::size_t damerauDistance(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::size_t fuzzyThreshold(std::size_t length)
{
    return length < 4 ? 0 : std::max<std::size_t>(1, length / 4);
}

std::string matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::Exact:
        return "exact";
    case MatchKind::Fuzzy:
        return "fuzzy";
    case MatchKind::Ambiguous:
        return "ambiguous";
    case MatchKind::Unmatched:
        break;
    }
    return "unmatched";
}

NameMatcher::NameMatcher(const Dataset& ds, bool allowFuzzy) : mFuzzy(allowFuzzy)
{
    for (const Area& a : ds.areas) {
        if (isVillageKind(a.kind))
            mVillages.push_back({a.code, a.name, a.parentCode, normaliseAreaName(a.name)});
        else if (a.kind == "kecamatan")
            mKecamatan.push_back({a.code, a.name, a.parentCode, normaliseAreaName(a.name)});
    }
    for (const AreaAlias& alias : ds.aliases) {
        const Area* area = ds.findArea(alias.areaCode);
        if (area)
            mAliases.push_back({area->code, area->name, area->parentCode, normaliseAreaName(alias.name)});
    }
}

NameMatch NameMatcher::matchIn(const std::vector<const Entry*>& villages, const std::string& key) const
{
    NameMatch result;
    auto candidateText = [](const Entry& e) { return e.code + " " + e.name; };
    std::vector<const Entry*> exact;
    for (const Entry* e : villages)
        if (e->key == key)
            exact.push_back(e);
    if (exact.empty()) {
        for (const Entry& alias : mAliases) {
            if (alias.key != key)
                continue;
            const bool inScope =
                std::any_of(villages.begin(), villages.end(), [&](const Entry* v) { return v->code == alias.code; });
            const bool known =
                std::any_of(exact.begin(), exact.end(), [&](const Entry* v) { return v->code == alias.code; });
            if (inScope && !known) {
                for (const Entry* v : villages)
                    if (v->code == alias.code)
                        exact.push_back(v);
            }
        }
        result.how = "alias";
    } else {
        result.how = "name";
    }
    if (exact.size() == 1) {
        result.kind = MatchKind::Exact;
        result.code = exact.front()->code;
        result.matchedName = exact.front()->name;
        return result;
    }
    if (exact.size() > 1) {
        // One of several areas of this name is named so by an alias (a person matched this name
        // to it by hand): the alias decides.
        const Entry* chosen = nullptr;
        bool several = false;
        for (const Entry& alias : mAliases) {
            if (alias.key != key)
                continue;
            for (const Entry* e : exact) {
                if (e->code != alias.code)
                    continue;
                several = several || (chosen != nullptr && chosen != e);
                chosen = e;
            }
        }
        if (chosen && !several) {
            result.kind = MatchKind::Exact;
            result.code = chosen->code;
            result.matchedName = chosen->name;
            result.how = "alias";
            return result;
        }
        result.kind = MatchKind::Ambiguous;
        for (const Entry* e : exact)
            result.candidates.push_back(candidateText(*e));
        result.how = "same name in several areas";
        return result;
    }
    result.how.clear();
    const std::size_t limit = fuzzyThreshold(key.size());
    if (!mFuzzy || limit == 0)
        return result;
    std::size_t best = std::numeric_limits<std::size_t>::max(), second = best;
    std::vector<const Entry*> bestEntries;
    for (const Entry* e : villages) {
        const std::size_t d = damerauDistance(key, e->key);
        if (d < best) {
            second = best;
            best = d;
            bestEntries = {e};
        } else if (d == best) {
            bestEntries.push_back(e);
            second = d;
        } else if (d < second) {
            second = d;
        }
    }
    if (best > limit)
        return result;
    result.distance = best;
    // Clearly better than the next one: unique, and the runner-up at least 2 edits further.
    if (bestEntries.size() == 1 && (second == std::numeric_limits<std::size_t>::max() || second >= best + 2)) {
        result.kind = MatchKind::Fuzzy;
        result.code = bestEntries.front()->code;
        result.matchedName = bestEntries.front()->name;
        result.how = "fuzzy (distance " + std::to_string(best) + ")";
        return result;
    }
    result.kind = MatchKind::Ambiguous;
    result.how = "fuzzy: no clear best";
    for (const Entry* e : villages)
        if (damerauDistance(key, e->key) <= best + 1)
            result.candidates.push_back(candidateText(*e));
    return result;
}

NameMatch NameMatcher::match(const std::string& village, const std::string& kecamatan) const
{
    const std::string key = normaliseAreaName(village);
    NameMatch none;
    if (key.empty()) {
        none.note = "no name";
        return none;
    }
    std::vector<const Entry*> scope;
    std::string note;
    if (!kecamatan.empty()) {
        const AreaCode code = parseAreaCode(kecamatan);
        std::string kecCode;
        if (code.valid() && code.level == 3 && code.scheme == CodeScheme::Kemendagri) {
            kecCode = code.text;
        } else {
            const std::string kecKey = normaliseAreaName(kecamatan);
            std::vector<const Entry*> found;
            for (const Entry& k : mKecamatan)
                if (k.key == kecKey)
                    found.push_back(&k);
            if (found.empty() && mFuzzy && fuzzyThreshold(kecKey.size()) > 0) {
                std::size_t best = std::numeric_limits<std::size_t>::max();
                for (const Entry& k : mKecamatan) {
                    const std::size_t d = damerauDistance(kecKey, k.key);
                    if (d < best) {
                        best = d;
                        found = {&k};
                    } else if (d == best) {
                        found.push_back(&k);
                    }
                }
                if (best > fuzzyThreshold(kecKey.size()))
                    found.clear();
            }
            if (found.size() == 1)
                kecCode = found.front()->code;
        }
        if (!kecCode.empty()) {
            for (const Entry& v : mVillages)
                if (v.parentCode == kecCode)
                    scope.push_back(&v);
        } else {
            note = "kecamatan '" + kecamatan + "' not found: searched the whole regency";
        }
    }
    if (scope.empty()) {
        for (const Entry& v : mVillages)
            scope.push_back(&v);
    }
    NameMatch result = matchIn(scope, key);
    if (result.note.empty())
        result.note = note;
    return result;
}

} // namespace gis
