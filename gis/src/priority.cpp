#include "gis/priority.h"

#include "detail/textfile.h"

#include "gis/error.h"
#include "gis/text.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const char* toString(Direction d)
{
    return d == Direction::HigherIsWorse ? "higher_is_worse" : "higher_is_better";
}

const char* toString(Normalisation n)
{
    switch (n) {
    case Normalisation::MinMax:
        return "minmax";
    case Normalisation::ZScore:
        return "zscore";
    case Normalisation::PercentileRank:
        return "percentile_rank";
    case Normalisation::ScaleRank:
        return "scale_rank";
    }
    return "minmax";
}

const char* toString(MissingRule r)
{
    switch (r) {
    case MissingRule::ExcludeVillage:
        return "exclude_village";
    case MissingRule::FillWorst:
        return "fill_worst";
    case MissingRule::FillMedian:
        return "fill_median";
    }
    return "exclude_village";
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/// Oriented normalised values (higher = more priority) of the villages in \a use.
std::vector<double> normalise(const std::vector<double>& x, const std::vector<std::size_t>& use,
                              const SchemeIndicator& ind)
{
    std::vector<double> out(x.size(), kNaN);
    const bool reverse = ind.direction == Direction::HigherIsBetter;
    const double n = static_cast<double>(use.size());
    switch (ind.normalisation) {
    case Normalisation::MinMax: {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (std::size_t i : use) {
            lo = std::min(lo, x[i]);
            hi = std::max(hi, x[i]);
        }
        for (std::size_t i : use)
            out[i] = hi > lo ? (reverse ? hi - x[i] : x[i] - lo) / (hi - lo) : 0.0;
        break;
    }
    case Normalisation::ZScore: {
        double mean = 0.0;
        for (std::size_t i : use)
            mean += x[i];
        mean /= n;
        double ss = 0.0;
        for (std::size_t i : use)
            ss += (x[i] - mean) * (x[i] - mean);
        const double sd = std::sqrt(ss / n);
        for (std::size_t i : use)
            out[i] = sd > 0 ? (reverse ? -1.0 : 1.0) * (x[i] - mean) / sd : 0.0;
        break;
    }
    case Normalisation::ScaleRank:
        for (std::size_t i : use)
            out[i] = reverse ? 1.0 - x[i] : x[i];
        break;
    case Normalisation::PercentileRank: {
        std::vector<double> sorted;
        for (std::size_t i : use)
            sorted.push_back(x[i]);
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i : use) {
            if (use.size() < 2) {
                out[i] = 0.0;
                continue;
            }
            const auto below =
                static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), x[i]) - sorted.begin());
            const auto equal = static_cast<double>(std::upper_bound(sorted.begin(), sorted.end(), x[i])
                                                   - std::lower_bound(sorted.begin(), sorted.end(), x[i]));
            const double pr = (below + (equal - 1.0) / 2.0) / (n - 1.0);
            out[i] = reverse ? 1.0 - pr : pr;
        }
        break;
    }
    }
    return out;
}

[[noreturn]] void badField(const std::string& source, const std::string& field, const std::string& why)
{
    throw DataSourceError(source, "priority scheme field '" + field + "' " + why);
}

} // namespace

// ---------------------------------------------------------------------------------------

PriorityScheme defaultPriorityScheme()
{
    PriorityScheme s;
    s.name = "remote-area priority";
    for (const char* key : {"poverty_rate", "poor_density_km2", "dist_puskessos_km", "no_bumdes", "dist_capital_km"})
        s.indicators.push_back({key, Direction::HigherIsWorse, Normalisation::MinMax, 1.0});
    s.missing = MissingRule::ExcludeVillage;
    return s;
}

std::size_t PriorityResult::excludedCount() const
{
    return static_cast<std::size_t>(std::count(rank.begin(), rank.end(), 0));
}

std::string PriorityResult::missingReport(MissingRule rule) const
{
    if (missing.empty())
        return "missing values: none";
    std::string text = fmt::format("missing values: {} (rule {}", missing.size(), toString(rule));
    text += rule == MissingRule::ExcludeVillage ? fmt::format(": {} village(s) without a score)", excludedCount())
                                                : std::string(")");
    std::size_t shown = 0;
    for (const MissingValue& m : missing) {
        if (shown++ == 20) {
            text += fmt::format("; and {} more", missing.size() - 20);
            break;
        }
        text += fmt::format("; {} {}", m.code, m.key);
        if (!std::isnan(m.filledWith))
            text += fmt::format(" filled with {}", csvNumber(m.filledWith));
    }
    return text;
}

PriorityResult scorePriority(const PriorityScheme& scheme, const std::vector<std::string>& codes,
                             const std::map<std::string, std::vector<double>>& values)
{
    const std::string who = "priority scheme '" + scheme.name + "'";
    if (scheme.indicators.empty())
        throw Error(who + " has no indicators");
    double weightSum = 0.0;
    std::set<std::string> seen;
    for (const SchemeIndicator& ind : scheme.indicators) {
        if (!std::isfinite(ind.weight) || ind.weight < 0)
            throw Error(who + ": indicator '" + ind.key + "' has weight " + fmt::format("{}", ind.weight)
                        + "; weights must be finite and >= 0");
        if (!seen.insert(ind.key).second)
            throw Error(who + ": indicator '" + ind.key + "' appears twice");
        if (!values.count(ind.key)) {
            std::string keys;
            for (const auto& [k, v] : values)
                keys += (keys.empty() ? "" : ", ") + k;
            throw Error(who + ": unknown indicator '" + ind.key + "'; available: " + keys);
        }
        if (values.at(ind.key).size() != codes.size())
            throw Error(who + ": indicator '" + ind.key + "' has a value count different from the village count");
        weightSum += ind.weight;
    }
    if (!(weightSum > 0))
        throw Error(who + ": the weights sum to 0");

    const std::size_t nVillages = codes.size();
    const std::size_t nInd = scheme.indicators.size();
    PriorityResult r;
    r.score.assign(nVillages, kNaN);
    r.rank.assign(nVillages, 0);
    r.contribution.assign(nVillages, std::vector<double>(nInd, kNaN));

    // Missing values: fill or exclude, reported either way.
    std::vector<std::vector<double>> x(nInd);
    std::vector<bool> excluded(nVillages, false);
    for (std::size_t k = 0; k < nInd; ++k) {
        const SchemeIndicator& ind = scheme.indicators[k];
        x[k] = values.at(ind.key);
        std::vector<double> present;
        for (double v : x[k])
            if (std::isfinite(v))
                present.push_back(v);
        double fill = kNaN;
        if (!present.empty() && scheme.missing == MissingRule::FillWorst)
            fill = ind.direction == Direction::HigherIsWorse ? *std::max_element(present.begin(), present.end())
                                                             : *std::min_element(present.begin(), present.end());
        else if (!present.empty() && scheme.missing == MissingRule::FillMedian)
            fill = median(present);
        for (std::size_t i = 0; i < nVillages; ++i) {
            if (std::isfinite(x[k][i]))
                continue;
            r.missing.push_back({codes[i], ind.key, fill});
            if (std::isnan(fill))
                excluded[i] = true;
            x[k][i] = fill;
        }
    }
    // With ExcludeVillage, statistics use the villages that have every value.
    std::vector<std::size_t> use;
    for (std::size_t i = 0; i < nVillages; ++i)
        if (!excluded[i])
            use.push_back(i);
    if (use.empty())
        return r;

    bool anyZ = false;
    std::vector<std::vector<double>> norm(nInd);
    for (std::size_t k = 0; k < nInd; ++k) {
        norm[k] = normalise(x[k], use, scheme.indicators[k]);
        anyZ = anyZ || scheme.indicators[k].normalisation == Normalisation::ZScore;
    }
    std::vector<double> composite(nVillages, kNaN);
    for (std::size_t i : use) {
        double c = 0.0;
        for (std::size_t k = 0; k < nInd; ++k)
            c += scheme.indicators[k].weight / weightSum * norm[k][i];
        composite[i] = c;
    }
    r.rescaled = anyZ;
    if (!anyZ) {
        for (std::size_t i : use) {
            double total = 0.0;
            for (std::size_t k = 0; k < nInd; ++k) {
                r.contribution[i][k] = 100.0 * scheme.indicators[k].weight / weightSum * norm[k][i];
                total += r.contribution[i][k];
            }
            r.score[i] = total;
        }
    } else {
        std::size_t lowest = use.front(), highest = use.front();
        for (std::size_t i : use) {
            if (composite[i] < composite[lowest])
                lowest = i;
            if (composite[i] > composite[highest])
                highest = i;
        }
        const double span = composite[highest] - composite[lowest];
        for (std::size_t i : use) {
            double total = 0.0;
            for (std::size_t k = 0; k < nInd; ++k) {
                r.contribution[i][k] = span > 0
                    ? 100.0 * scheme.indicators[k].weight / weightSum * (norm[k][i] - norm[k][lowest]) / span
                    : 0.0;
                total += r.contribution[i][k];
            }
            r.score[i] = total;
        }
    }

    std::vector<std::size_t> order = use;
    auto key = [&](std::size_t i) { return std::llround(r.score[i] * 1e9); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto ka = key(a), kb = key(b);
        return ka != kb ? ka > kb : codes[a] < codes[b];
    });
    for (std::size_t pos = 0; pos < order.size(); ++pos)
        r.rank[order[pos]] = static_cast<int>(pos + 1);
    return r;
}

// ---------------------------------------------------------------------------------------

std::string schemeToJson(const PriorityScheme& scheme)
{
    nlohmann::ordered_json j;
    j["name"] = scheme.name;
    j["missing"] = toString(scheme.missing);
    j["indicators"] = nlohmann::ordered_json::array();
    for (const SchemeIndicator& ind : scheme.indicators) {
        nlohmann::ordered_json e;
        e["key"] = ind.key;
        e["direction"] = toString(ind.direction);
        e["normalisation"] = toString(ind.normalisation);
        e["weight"] = ind.weight;
        j["indicators"].push_back(e);
    }
    return j.dump(2) + "\n";
}

PriorityScheme schemeFromJson(const std::string& text, const std::string& source)
{
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // parse_error, and out_of_range for a number such as 1e999: say what, without the library's tag.
        const std::string what = e.what();
        const std::size_t tagEnd = what.rfind("] ", 40);
        throw DataSourceError(source, "not valid JSON: " + (tagEnd == std::string::npos ? what : what.substr(tagEnd + 2))
                                          + " (numbers must be finite; NaN and Infinity are not JSON)");
    }
    if (!j.is_object())
        throw DataSourceError(source, "a priority scheme must be a JSON object with \"name\" and \"indicators\"");
    PriorityScheme s;
    if (!j.contains("name") || !j["name"].is_string())
        badField(source, "name", "is missing or not a string");
    s.name = j["name"].get<std::string>();
    if (j.contains("missing")) {
        const auto& m = j["missing"];
        const std::string v = m.is_string() ? m.get<std::string>() : std::string{};
        if (v == "exclude_village")
            s.missing = MissingRule::ExcludeVillage;
        else if (v == "fill_worst")
            s.missing = MissingRule::FillWorst;
        else if (v == "fill_median")
            s.missing = MissingRule::FillMedian;
        else
            badField(source, "missing", "must be \"exclude_village\", \"fill_worst\" or \"fill_median\"");
    }
    if (!j.contains("indicators") || !j["indicators"].is_array() || j["indicators"].empty())
        badField(source, "indicators", "must be a non-empty array");
    const auto& list = j["indicators"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = fmt::format("indicators[{}]", i);
        const auto& e = list[i];
        if (!e.is_object())
            badField(source, at, "must be an object with key, direction, normalisation and weight");
        SchemeIndicator ind;
        if (!e.contains("key") || !e["key"].is_string() || e["key"].get<std::string>().empty())
            badField(source, at + ".key", "is missing or not a non-empty string");
        ind.key = e["key"].get<std::string>();
        if (e.contains("direction")) {
            const std::string d = e["direction"].is_string() ? e["direction"].get<std::string>() : std::string{};
            if (d == "higher_is_worse")
                ind.direction = Direction::HigherIsWorse;
            else if (d == "higher_is_better")
                ind.direction = Direction::HigherIsBetter;
            else
                badField(source, at + ".direction", "must be \"higher_is_worse\" or \"higher_is_better\"");
        }
        if (e.contains("normalisation")) {
            const std::string n =
                e["normalisation"].is_string() ? e["normalisation"].get<std::string>() : std::string{};
            if (n == "minmax")
                ind.normalisation = Normalisation::MinMax;
            else if (n == "zscore")
                ind.normalisation = Normalisation::ZScore;
            else if (n == "percentile_rank")
                ind.normalisation = Normalisation::PercentileRank;
            else if (n == "scale_rank")
                ind.normalisation = Normalisation::ScaleRank;
            else
                badField(source, at + ".normalisation", "must be \"minmax\", \"zscore\", \"percentile_rank\" or \"scale_rank\"");
        }
        if (e.contains("weight")) {
            if (!e["weight"].is_number() || !std::isfinite(e["weight"].get<double>()) || e["weight"].get<double>() < 0)
                badField(source, at + ".weight", "must be a number >= 0");
            ind.weight = e["weight"].get<double>();
        }
        for (const SchemeIndicator& earlier : s.indicators)
            if (earlier.key == ind.key)
                badField(source, at + ".key", "repeats indicator '" + ind.key + "'");
        s.indicators.push_back(ind);
    }
    double sum = 0.0;
    for (const SchemeIndicator& ind : s.indicators)
        sum += ind.weight;
    if (!(sum > 0))
        badField(source, "indicators", "has weights that sum to 0; give at least one a positive weight");
    return s;
}

PriorityScheme loadScheme(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataSourceError(path, "the priority scheme file does not exist or cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return schemeFromJson(text.str(), path);
}

void saveScheme(const PriorityScheme& scheme, const std::string& path)
{
    detail::writeFileAtomically(path, schemeToJson(scheme));
}

void storeScheme(Dataset& ds, const PriorityScheme& scheme)
{
    if (scheme.name.empty())
        throw Error("a priority scheme needs a name to be kept in the project");
    ds.meta["skema." + scheme.name] = schemeToJson(scheme);
}

std::vector<std::string> storedSchemeNames(const Dataset& ds)
{
    std::vector<std::string> names;
    for (const auto& [key, value] : ds.meta)
        if (key.rfind("skema.", 0) == 0)
            names.push_back(key.substr(6));
    return names;
}

PriorityScheme storedScheme(const Dataset& ds, const std::string& name)
{
    auto it = ds.meta.find("skema." + name);
    if (it == ds.meta.end()) {
        std::string kept;
        for (const std::string& n : storedSchemeNames(ds))
            kept += (kept.empty() ? "" : ", ") + n;
        throw Error("the project keeps no priority scheme named '" + name
                    + "'; it keeps: " + (kept.empty() ? std::string("none") : kept));
    }
    return schemeFromJson(it->second, "scheme '" + name + "' of the project");
}

PriorityScheme resolvePriorityScheme(const Dataset& ds, const std::string& fileOrName)
{
    if (fileOrName.empty())
        return defaultPriorityScheme();
    const bool isFile = std::filesystem::exists(fileOrName) || !std::filesystem::path(fileOrName).extension().empty();
    return isFile ? loadScheme(fileOrName) : storedScheme(ds, fileOrName);
}

// ---------------------------------------------------------------------------------------

std::vector<ScoreContribution> topContributions(const PriorityScheme& scheme, const PriorityResult& result,
                                                std::size_t village, std::size_t count)
{
    if (village >= result.contribution.size())
        throw Error(fmt::format("the priority result has {} villages; there is no village {}",
                                result.contribution.size(), village));
    const std::vector<double>& contribution = result.contribution[village];
    if (contribution.size() != scheme.indicators.size())
        throw Error(fmt::format("the priority result has {} contributions per village but scheme '{}' has {} "
                                "indicators; score with the same scheme",
                                contribution.size(), scheme.name, scheme.indicators.size()));
    if (village >= result.rank.size() || result.rank[village] <= 0)
        return {};
    std::vector<std::size_t> order(contribution.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return contribution[a] > contribution[b]; });
    std::vector<ScoreContribution> out;
    for (std::size_t j = 0; j < order.size() && j < count; ++j)
        out.push_back({order[j], scheme.indicators[order[j]].key, contribution[order[j]]});
    return out;
}

std::vector<std::size_t> villagesByRank(const PriorityResult& result)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < result.rank.size(); ++i)
        if (result.rank[i] > 0)
            order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return result.rank[a] < result.rank[b]; });
    return order;
}

SensitivityResult prioritySensitivity(const PriorityScheme& scheme, const std::vector<std::string>& codes,
                                      const std::map<std::string, std::vector<double>>& values,
                                      const SensitivityOptions& options)
{
    return *prioritySensitivity(scheme, codes, values, options, SensitivityProgress{});
}

std::optional<SensitivityResult> prioritySensitivity(const PriorityScheme& scheme,
                                                     const std::vector<std::string>& codes,
                                                     const std::map<std::string, std::vector<double>>& values,
                                                     const SensitivityOptions& options,
                                                     const SensitivityProgress& progress)
{
    if (options.draws < 1 || options.perturbation < 0.0 || options.perturbation >= 1.0 || options.topN < 1)
        throw Error("sensitivity needs draws >= 1, a perturbation in [0, 1) and top N >= 1");
    const std::size_t n = codes.size();

    SensitivityResult result;
    result.options = options;
    result.rankMin.assign(n, 0);
    result.rankMax.assign(n, 0);
    result.topShare.assign(n, 0.0);
    std::vector<int> inTop(n, 0);
    auto record = [&](const PriorityResult& p) {
        for (std::size_t i = 0; i < n; ++i) {
            const int r = p.rank[i];
            if (r <= 0)
                continue;
            result.rankMin[i] = result.rankMin[i] == 0 ? r : std::min(result.rankMin[i], r);
            result.rankMax[i] = std::max(result.rankMax[i], r);
            if (r <= options.topN)
                ++inTop[i];
        }
    };
    record(scorePriority(scheme, codes, values));
    if (progress && !progress(1, options.draws))
        return std::nullopt;
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> factor(1.0 - options.perturbation, 1.0 + options.perturbation);
    for (int draw = 1; draw < options.draws; ++draw) {
        PriorityScheme perturbed = scheme;
        for (SchemeIndicator& ind : perturbed.indicators)
            ind.weight *= factor(rng);
        record(scorePriority(perturbed, codes, values));
        if (progress && !progress(draw + 1, options.draws))
            return std::nullopt;
    }
    for (std::size_t i = 0; i < n; ++i)
        result.topShare[i] = static_cast<double>(inTop[i]) / static_cast<double>(options.draws);
    return result;
}

} // namespace gis
