#include "detail/importcommit.h"

#include "detail/textfile.h"
#include "gis/error.h"
#include "gis/outputpath.h"
#include "gis/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_set>

namespace gis {

namespace {

/// The match report's quoting: only fields that need it (the report's format since it exists),
/// after neutralising a leading formula character (csvSafeText: a name in the file such as
/// "=HYPERLINK(...)" must not run when the report is opened in a spreadsheet).
std::string csvQuote(const std::string& text)
{
    const std::string s = csvSafeText(text);
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

/// (area, key, period) as one string: a value replaces the held value of the same key.
std::string valueKey(const IndicatorValue& v)
{
    std::string key;
    key.reserve(v.areaCode.size() + v.key.size() + v.period.size() + 2);
    key.append(v.areaCode).append(1, '\x1f').append(v.key).append(1, '\x1f').append(v.period);
    return key;
}

std::unordered_set<std::string> keysOf(const std::vector<IndicatorValue>& values)
{
    std::unordered_set<std::string> keys;
    keys.reserve(values.size());
    for (const IndicatorValue& v : values)
        keys.insert(valueKey(v));
    return keys;
}

/// (area, key, period) of a category value: one level per area, key and period.
std::string categoryKey(const CategoryValue& v)
{
    return v.areaCode + '\x1f' + v.key + '\x1f' + v.period;
}

bool hasAlias(const std::vector<AreaAlias>& aliases, const std::string& code, const std::string& name)
{
    return std::any_of(aliases.begin(), aliases.end(), [&](const AreaAlias& a) {
        return a.areaCode == code && normaliseAreaName(a.name) == normaliseAreaName(name);
    });
}

} // namespace

void writeMatchReport(const std::vector<RowMatch>& matches, const std::string& path)
{
    std::string out = "row,status,how,code_in_file,name_in_file,kecamatan_in_file,matched_code,matched_name,"
                      "candidates,note\n";
    out.reserve(out.size() + matches.size() * 96); // one string, not a stream: 84,000 rows at national scale
    for (const RowMatch& m : matches) {
        out.append(std::to_string(m.row)).append(1, ',').append(matchKindName(m.kind));
        for (const std::string* field : {&m.how, &m.codeInFile, &m.nameInFile, &m.kecamatanInFile, &m.code,
                                         &m.matchedName, &m.candidates, &m.note})
            out.append(1, ',').append(csvQuote(*field));
        out.append(1, '\n');
    }
    detail::writeFileAtomically(path, out);
}

std::string defaultReportPath(const std::string& input, const std::string& projectLocation)
{
    const std::string name = std::filesystem::path(input).stem().string() + ".match.csv";
    if (projectLocation.empty() || isServerLocation(projectLocation))
        return name; // the current folder
    return (std::filesystem::path(projectLocation).parent_path() / name).string();
}

void applyImportChanges(Dataset& ds, const ImportChanges& changes)
{
    if (!changes.values.empty() && !ds.indicators.empty()) {
        const std::unordered_set<std::string> incoming = keysOf(changes.values);
        ds.indicators.erase(std::remove_if(ds.indicators.begin(), ds.indicators.end(),
                                           [&](const IndicatorValue& v) { return incoming.count(valueKey(v)) > 0; }),
                            ds.indicators.end());
        ds.indicators.insert(ds.indicators.end(), changes.values.begin(), changes.values.end());
    }
    if (!changes.categories.empty()) {
        std::unordered_set<std::string> incoming;
        for (const CategoryValue& v : changes.categories)
            incoming.insert(categoryKey(v));
        ds.categories.erase(std::remove_if(ds.categories.begin(), ds.categories.end(),
                                           [&](const CategoryValue& v) { return incoming.count(categoryKey(v)) > 0; }),
                            ds.categories.end());
        ds.categories.insert(ds.categories.end(), changes.categories.begin(), changes.categories.end());
    }
    for (const auto& [key, value] : changes.meta)
        ds.meta[key] = value;
    ds.aliases.insert(ds.aliases.end(), changes.aliases.begin(), changes.aliases.end());
    ds.facilities.insert(ds.facilities.end(), changes.facilities.begin(), changes.facilities.end());
}

std::size_t addFuzzyAliases(Dataset& ds, const std::vector<RowMatch>& matches, const std::string& fileLabel)
{
    ImportChanges changes;
    changes.aliases = detail::planFuzzyAliases(ds, matches, fileLabel);
    applyImportChanges(ds, changes);
    return changes.aliases.size();
}

StoreResult storeValues(Dataset& ds, std::vector<IndicatorValue> values, bool replace)
{
    ImportChanges changes;
    StoreResult r = detail::planValues(ds, std::move(values), replace, changes);
    if (r.stored)
        applyImportChanges(ds, changes);
    return r;
}

namespace detail {

std::vector<AreaAlias> planFuzzyAliases(const Dataset& ds, const std::vector<RowMatch>& matches,
                                        const std::string& fileLabel)
{
    std::vector<AreaAlias> added;
    for (const RowMatch& m : matches) {
        if (m.kind != MatchKind::Fuzzy)
            continue;
        if (hasAlias(ds.aliases, m.code, m.nameInFile) || hasAlias(added, m.code, m.nameInFile))
            continue;
        added.push_back({m.code, m.nameInFile, "fuzzy match " + fileLabel});
    }
    return added;
}

StoreResult planValues(const Dataset& ds, std::vector<IndicatorValue> values, bool replace, ImportChanges& changes)
{
    StoreResult r;
    // Nothing held (e.g. a new period, read alone): nothing to conflict with.
    const std::unordered_set<std::string> incoming =
        ds.indicators.empty() ? std::unordered_set<std::string>() : keysOf(values);
    std::map<std::string, std::size_t> conflictsBySource;
    std::set<std::string> periods;
    for (const IndicatorValue& v : ds.indicators) {
        if (incoming.count(valueKey(v))) {
            conflictsBySource[v.source.empty() ? "(no source)" : v.source]++;
            periods.insert(v.period);
        }
    }
    if (!conflictsBySource.empty()) {
        std::string sources;
        std::size_t total = 0;
        for (const auto& [source, n] : conflictsBySource) {
            sources += fmt::format("{}{} from '{}'", sources.empty() ? "" : ", ", n, source);
            total += n;
        }
        std::string periodList;
        for (const std::string& p : periods)
            periodList += (periodList.empty() ? "" : ", ") + p;
        if (!replace) {
            r.message = fmt::format("the project already holds {} of these values for period {} ({}); nothing was "
                                    "written. Replace them, or give another period",
                                    total, periodList, sources);
            r.parameters = {"replace", "period"};
            return r;
        }
        r.replaced = total;
        r.message = fmt::format("replacing {} existing values of period {} ({})", total, periodList, sources);
    }
    changes.values = std::move(values);
    changes.replaced = r.replaced;
    r.stored = true;
    return r;
}

void commitImport(Dataset& ds, ImportOutcome& outcome, CommitRequest request)
{
    outcome.reportPath = request.reportPath.empty() ? defaultReportPath(request.inputPath, request.projectLocation)
                                                    : request.reportPath;
    checkOutputPath(outcome.reportPath, {request.inputPath, request.projectLocation});
    writeMatchReport(outcome.matches, outcome.reportPath);
    if (!request.blockedReason.empty()) {
        outcome.stopReason = std::move(request.blockedReason);
        outcome.stopParameters = std::move(request.blockedParameters);
        return;
    }
    for (std::string& note : request.notes)
        outcome.notes.push_back(std::move(note));

    ImportChanges changes;
    const std::size_t count = request.values.size();
    const std::size_t categoryCount = request.categories.size();
    const StoreResult stored = planValues(ds, std::move(request.values), request.replace, changes);
    if (!stored.stored) {
        outcome.stopReason = stored.message;
        outcome.stopParameters = stored.parameters;
        return;
    }
    if (!stored.message.empty())
        outcome.notes.push_back(stored.message);
    if (!request.categories.empty()) {
        // Held levels of the same area, key and period conflict like held numbers do.
        std::unordered_set<std::string> incoming;
        for (const CategoryValue& v : request.categories)
            incoming.insert(categoryKey(v));
        std::size_t held = 0;
        std::set<std::string> periods;
        for (const CategoryValue& v : ds.categories)
            if (incoming.count(categoryKey(v))) {
                ++held;
                periods.insert(v.key + " " + v.period);
            }
        std::string which;
        for (const std::string& p : periods)
            which += (which.empty() ? "" : ", ") + p;
        if (held > 0 && !request.replace) {
            outcome.stopReason = fmt::format("the project already holds {} of these category values ({}); nothing "
                                             "was written. Replace them, or give another period",
                                             held, which);
            outcome.stopParameters = {"replace", "period"};
            return;
        }
        if (held > 0)
            outcome.notes.push_back(fmt::format("replacing {} existing category values ({})", held, which));
        changes.categories = std::move(request.categories);
        changes.categoriesReplaced = held;
        changes.meta = std::move(request.meta);
    }
    changes.aliases = planFuzzyAliases(ds, outcome.matches, request.fileLabel);
    if (!changes.aliases.empty())
        outcome.notes.push_back(
            fmt::format("{} fuzzy match(es) added to the alias table{}", changes.aliases.size(), request.aliasNote));
    applyImportChanges(ds, changes);
    outcome.changes = std::move(changes);
    outcome.valuesWritten = count;
    outcome.categoriesWritten = categoryCount;
    outcome.written = true;
}

} // namespace detail

} // namespace gis
