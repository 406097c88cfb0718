// Boundary import: any OGR village layer -> the area list of a project (see boundaryimport.h).
#include "gis/boundaryimport.h"

#include "gis/codes.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "gis/referencenaming.h"
#include "gis/spatialindex.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <future>
#include <optional>
#include <set>
#include <thread>
#include <type_traits>
#include <variant>

namespace gis {

namespace {

/// Text of a code field: a code stored as a number keeps all its digits ("1806202005").
std::string codeText(const FieldValue& v)
{
    if (const double* d = std::get_if<double>(&v))
        if (std::isfinite(*d) && *d == std::floor(*d) && std::fabs(*d) < 1e15)
            return fmt::format("{:.0f}", *d);
    return fieldText(v);
}

/// The field named by the user (must exist), else the first candidate present, else -1.
int chooseField(const VectorData& data, const std::string& given, std::initializer_list<const char*> candidates,
                const char* what)
{
    if (!given.empty()) {
        const int i = data.fieldIndex(given);
        if (i < 0) {
            std::string list;
            for (const auto& n : data.fieldNames)
                list += (list.empty() ? "" : ", ") + n;
            throw DataSourceError(
                data.path,
                fmt::format("there is no {} field '{}'; the layer '{}' has: {}", what, given, data.layerName, list));
        }
        return i;
    }
    for (const char* c : candidates) {
        const int i = data.fieldIndex(c);
        if (i >= 0)
            return i;
    }
    return -1;
}

std::string fieldName(const VectorData& data, int i)
{
    return i < 0 ? std::string{} : data.fieldNames[static_cast<std::size_t>(i)];
}

std::string mostCommon(const std::map<std::string, int>& counts)
{
    std::string best;
    int n = 0;
    for (const auto& [value, count] : counts)
        if (count > n) {
            best = value;
            n = count;
        }
    return best;
}

struct Group {
    std::vector<long long> fids;
    std::vector<MultiPolygon> parts;
    std::string name;
    std::string bps;
};

/// Name for comparison: lower case, single spaces, without administrative prefixes.
std::string nameKey(const std::string& name)
{
    std::string s;
    bool space = false;
    for (unsigned char c : asciiLower(trimmed(name))) {
        if (std::isspace(c) || c == '_') {
            space = !s.empty();
            continue;
        }
        if (space)
            s += ' ';
        space = false;
        s += static_cast<char>(c);
    }
    for (const char* prefix : {"kelurahan ", "kecamatan ", "kel. ", "kel ", "pekon ", "desa ", "kampung ", "tiyuh "})
        if (s.rfind(prefix, 0) == 0)
            return s.substr(std::string(prefix).size());
    return s;
}

template <typename T>
std::string joinList(const std::vector<T>& items, std::size_t limit = 0)
{
    std::string out;
    std::size_t n = 0;
    for (const auto& item : items) {
        if (limit && n == limit) {
            out += fmt::format(", ... ({} more)", items.size() - limit);
            break;
        }
        out += (out.empty() ? "" : ", ") + fmt::format("{}", item);
        ++n;
    }
    return out;
}

} // namespace

std::pair<std::string, std::string> splitSourceAndLayer(const std::string& text)
{
    std::error_code ec;
    if (std::filesystem::exists(text, ec))
        return {text, {}};
    const std::size_t colon = text.rfind(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < text.size() && text.find('/', colon) == std::string::npos
        && std::filesystem::exists(text.substr(0, colon), ec))
        return {text.substr(0, colon), text.substr(colon + 1)};
    return {text, {}};
}

namespace {

/// The fields of a village layer that the import reads (-1: absent).
struct BoundaryFields {
    int code = -1, name = -1, parent = -1, bps = -1, regency = -1;
};

BoundaryFields chooseBoundaryFields(const VectorData& data, const std::string& path,
                                    const BoundaryImportOptions& options, BoundaryImportReport& report)
{
    BoundaryFields f;
    f.code = chooseField(data, options.codeField,
                         {"KDEPUM", "kode", "kode_desa", "kd_desa", "kode_wilayah", "kode_kemendagri", "kode_kemdagri",
                          "code", "KDCPUM", "KDPKAB"},
                         "code");
    if (f.code < 0) {
        if (data.fieldIndex("IDDESA") >= 0 || data.fieldIndex("KDEBPS") >= 0)
            throw DataSourceError(path,
                                  "the layer '" + data.layerName
                                      + "' has only BPS codes (IDDESA/KDEBPS), which differ from the Kemendagri "
                                        "codes a project is keyed by (Tanggamus is 1802 for BPS, 18.06 for "
                                        "Kemendagri); name a Kemendagri code field, or use a "
                                        "file that has one (e.g. BIG's KDEPUM)",
                                  {"code field"});
        throw DataSourceError(path,
                              "no code field found in layer '" + data.layerName
                                  + "' (looked for KDEPUM, kode, "
                                    "kode_desa, code, ...); name the code field. Fields: "
                                  + joinList(data.fieldNames),
                              {"code field"});
    }
    f.name = chooseField(data, options.nameField,
                         {"NAMOBJ", "WADMKD", "NMDESA", "nama", "nama_desa", "name", "desa", "NAMA_DESA"}, "name");
    f.parent = chooseField(data, options.parentField, {"WADMKC", "NMKEC", "kecamatan", "nama_kec", "nama_kecamatan"},
                           "kecamatan name");
    f.bps = chooseField(data, options.bpsField, {"KDEBPS", "IDDESA", "kode_bps"}, "BPS code");
    if (f.bps == f.code)
        f.bps = -1;
    f.regency = chooseField(data, options.regencyField, {"WADMKK", "NMKAB", "kabupaten"}, "kabupaten name");
    report.codeField = fieldName(data, f.code);
    report.nameField = fieldName(data, f.name);
    report.parentField = fieldName(data, f.parent);
    report.bpsField = fieldName(data, f.bps);
    report.regencyField = fieldName(data, f.regency);
    return f;
}

using NameCounts = std::map<std::string, std::map<std::string, int>>; // area code -> name -> villages naming it

/// The features grouped by code, and the kecamatan and kabupaten names their villages give.
struct FeatureGroups {
    std::map<std::string, Group> byCode;
    NameCounts kecNames, kabNames;
};

FeatureGroups groupFeatures(const VectorData& data, const std::vector<std::string>& rawCodes,
                            const BoundaryFields& fields, const std::string& filter, BoundaryImportReport& report)
{
    FeatureGroups out;
    auto text = [](const VectorFeature& f, int i) { return trimmed(fieldText(f.values[static_cast<std::size_t>(i)])); };
    for (std::size_t i = 0; i < data.features.size(); ++i) {
        const VectorFeature& f = data.features[i];
        const AreaCode code = parseAreaCode(rawCodes[i]);
        if (!code.valid() || code.scheme == CodeScheme::Bps) {
            report.rejected.push_back({f.fid,
                                       rawCodes[i].empty()
                                           ? "no code in field '" + report.codeField + "': not imported"
                                           : fmt::format("code '{}' is not a Kemendagri code ({}): not imported",
                                                         rawCodes[i], code.valid() ? "a BPS code" : "wrong shape")});
            continue;
        }
        if (!filter.empty() && code.text.rfind(filter, 0) != 0) {
            ++report.filteredOut;
            continue;
        }
        Group& g = out.byCode[code.text];
        g.fids.push_back(f.fid);
        if (!f.geometry.polygons.empty())
            g.parts.push_back(f.geometry.polygons);
        else if (f.geometry.type != GeometryType::None)
            report.warnings.push_back({f.fid, "geometry is not a polygon: the area " + code.text + " has no boundary"});
        if (fields.name >= 0 && g.name.empty())
            g.name = text(f, fields.name);
        if (fields.bps >= 0 && g.bps.empty())
            g.bps = trimmed(codeText(f.values[static_cast<std::size_t>(fields.bps)]));
        if (code.level == 4) {
            if (fields.parent >= 0)
                if (const std::string kec = text(f, fields.parent); !kec.empty())
                    out.kecNames[parentKemendagriCode(code.text)][kec]++;
            if (fields.regency >= 0)
                if (const std::string kab = text(f, fields.regency); !kab.empty())
                    out.kabNames[code.text.substr(0, 5)][kab]++;
        }
    }
    return out;
}

/// One area per code (the polygons of its features merged), by Kemendagri level.
std::map<int, std::vector<Area>> areasByLevel(std::map<std::string, Group>& groups,
                                              const BoundaryImportOptions& options, BoundarySet& set)
{
    BoundaryImportReport& report = set.report;
    std::map<int, std::vector<Area>> byLevel;
    for (auto& [code, g] : groups) {
        if (g.fids.size() > 1)
            report.duplicates.push_back({code, g.fids});
        Area a;
        a.code = code;
        a.name = g.name;
        a.parentCode = parentKemendagriCode(code);
        a.geometry = g.parts.size() == 1 ? g.parts.front() : g.parts.empty() ? MultiPolygon{} : unionAll(g.parts);
        const int level = kemendagriLevel(code);
        a.kind = level == 4 ? (isKelurahanCode(code) ? "kelurahan" : options.villageKind)
            : level == 3    ? "kecamatan"
            : level == 2    ? "kabupaten"
                            : "provinsi";
        if (level == 4 && a.geometry.size() > 1)
            report.multipart.push_back(code);
        if (!g.bps.empty()) {
            set.bpsCodes[code] = g.bps;
            ++report.bpsPairs;
        }
        byLevel[level].push_back(std::move(a));
    }
    return byLevel;
}

/// How one level is dissolved from the level below.
struct DissolveLevel {
    const char* kind;                   ///< "kecamatan", "kabupaten"
    std::string namePrefix;             ///< name when no village names it: prefix + code
    bool skipEmptyParts = false;        ///< leave parts without geometry out of the union
    std::size_t* namedByCode = nullptr; ///< counts the areas named prefix + code, when given
    /// In: whether to try the coverage union; out: whether it served most of this level (the
    /// level above, dissolved from this one's results, is a coverage only if this one was).
    bool* coverageWorks = nullptr;
    /// Geodesic areas known by code: those of the level below are read, those of the dissolved
    /// areas added where their parts do not overlap (a clean coverage's area is its parts' sum).
    std::map<std::string, double>* km2 = nullptr;
};

/// Geodesic km² of \a areas on the cores, by code (the dissolved levels sum them).
std::map<std::string, double> geodesicAreasKm2(const std::vector<Area>& areas)
{
    std::vector<double> km2(areas.size());
    std::atomic<std::size_t> nextChunk{0};
    auto measure = [&] {
        constexpr std::size_t kChunk = 64;
        for (std::size_t from = nextChunk.fetch_add(kChunk); from < areas.size(); from = nextChunk.fetch_add(kChunk))
            for (std::size_t i = from; i < std::min(from + kChunk, areas.size()); ++i)
                km2[i] = geodesicAreaKm2(areas[i].geometry);
    };
    auto helper = std::async(std::launch::async, measure);
    measure();
    helper.get();
    std::map<std::string, double> byCode;
    for (std::size_t i = 0; i < areas.size(); ++i)
        byCode.emplace_hint(byCode.end(), areas[i].code, km2[i]);
    return byCode;
}

/// The areas of \a level that the file lacks, dissolved from the areas \a below with the same
/// parent code and named as most of their villages name them. Returns how many were added;
/// \a level ends sorted by code.
std::size_t dissolveMissing(std::vector<Area>& level, const std::vector<Area>& below, const NameCounts& names,
                            const DissolveLevel& how)
{
    std::map<std::string, std::vector<MultiPolygon>> parts;
    std::map<std::string, std::optional<double>> partsKm2; // empty when a part's area is unknown
    for (const Area& a : below) {
        auto& list = parts[a.parentCode];
        if (!how.skipEmptyParts || !a.geometry.empty())
            list.push_back(a.geometry);
        auto [sum, added] = partsKm2.try_emplace(a.parentCode, 0.0);
        auto known = how.km2->find(a.code);
        if (known == how.km2->end())
            sum->second.reset();
        else if (sum->second)
            *sum->second += known->second;
    }
    std::set<std::string> present;
    for (const Area& a : level)
        present.insert(a.code);
    // The unions are independent: spread them over the cores (each thread its own GEOS context).
    std::vector<const std::vector<MultiPolygon>*> toDissolve;
    for (const auto& [code, list] : parts)
        if (!present.count(code))
            toDissolve.push_back(&list);
    std::vector<MultiPolygon> dissolved(toDissolve.size());
    std::vector<char> withoutOverlap(toDissolve.size(), 0);
    // Real boundaries are seldom noded as a coverage and then every attempt fails after doing
    // its work: once most of the first few have failed, the rest go straight to the full union.
    std::atomic<std::size_t> next{0}, tried{0}, byCoverage{0};
    auto work = [&] {
        for (std::size_t i = next++; i < toDissolve.size(); i = next++) {
            constexpr std::size_t kProbe = 8;
            if (!*how.coverageWorks || (tried >= kProbe && 2 * byCoverage < tried)) {
                dissolved[i] = unionAll(*toDissolve[i]);
                continue;
            }
            DissolvePath path = DissolvePath::FullUnion;
            dissolved[i] = unionCoverage(*toDissolve[i], &path);
            withoutOverlap[i] = partsDoNotOverlap(path) ? 1 : 0;
            if (path == DissolvePath::SinglePolygon)
                continue; // tells nothing about the coverage
            byCoverage += path == DissolvePath::FullUnion ? 0 : 1;
            ++tried;
        }
    };
    const std::size_t helpers =
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()) - 1, toDissolve.size() / 2);
    std::vector<std::future<void>> running;
    for (std::size_t t = 0; t < helpers; ++t)
        running.push_back(std::async(std::launch::async, work));
    work();
    for (auto& r : running)
        r.get(); // rethrows a helper's GeometryError
    if (tried > 0)
        *how.coverageWorks = 2 * byCoverage >= tried;
    std::size_t added = 0;
    for (auto& [code, list] : parts) {
        if (present.count(code))
            continue;
        Area a;
        a.code = code;
        a.kind = how.kind;
        a.parentCode = parentKemendagriCode(code);
        auto named = names.find(code);
        a.name = named == names.end() ? std::string{} : mostCommon(named->second);
        if (a.name.empty()) {
            a.name = how.namePrefix + code;
            if (how.namedByCode)
                ++*how.namedByCode;
        }
        if (withoutOverlap[added] && partsKm2.at(code))
            (*how.km2)[code] = *partsKm2.at(code);
        a.geometry = std::move(dissolved[added]);
        ++added;
        level.push_back(std::move(a));
    }
    std::sort(level.begin(), level.end(), [](const Area& a, const Area& b) { return a.code < b.code; });
    return added;
}

} // namespace

BoundaryFilePreview previewBoundaries(const std::string& path, const BoundaryImportOptions& options,
                                      std::size_t maxSamples)
{
    BoundaryFilePreview preview;
    preview.path = path;
    preview.layers = listLayers(path);
    const VectorData data = readAttributes(path, options.layer);
    preview.layer = data.layerName;
    preview.fields = data.fieldNames;
    preview.sourceCrs = data.sourceCrs;
    preview.features = data.features.size();

    BoundaryImportReport report;
    BoundaryFields fields;
    try {
        fields = chooseBoundaryFields(data, path, options, report);
    } catch (const DataSourceError& e) {
        preview.problem = e.what();
        preview.problemKind = BoundaryFilePreview::Problem::NoCodeField;
        for (const auto* given : {&options.codeField, &options.nameField, &options.parentField, &options.bpsField,
                                  &options.regencyField})
            if (!given->empty() && data.fieldIndex(*given) < 0) {
                preview.problemKind = BoundaryFilePreview::Problem::UnknownField;
                return preview;
            }
        if (preview.problem.find("BPS") != std::string::npos)
            preview.problemKind = BoundaryFilePreview::Problem::BpsCodes;
    }
    preview.codeField = report.codeField;
    preview.nameField = report.nameField;
    preview.parentField = report.parentField;
    preview.bpsField = report.bpsField;
    preview.regencyField = report.regencyField;
    if (fields.code < 0)
        return preview;

    std::vector<std::string> rawCodes;
    for (const VectorFeature& f : data.features)
        rawCodes.push_back(codeText(f.values[static_cast<std::size_t>(fields.code)]));
    const CodeSchemeGuess guess = detectCodeScheme(rawCodes);
    if (guess.scheme == CodeScheme::Bps) {
        preview.problem = "the codes of field '" + report.codeField + "' are BPS codes (" + guess.explanation
            + "); a project is keyed by Kemendagri codes: choose the Kemendagri code field";
        preview.problemKind = BoundaryFilePreview::Problem::BpsCodes;
        return preview;
    }
    auto text = [&](const VectorFeature& f, int i) {
        return i < 0 ? std::string{} : trimmed(fieldText(f.values[static_cast<std::size_t>(i)]));
    };
    const std::string filter = normaliseKemendagriCode(options.filter).empty() ? options.filter
                                                                              : normaliseKemendagriCode(options.filter);
    const AreaReference& reference = AreaReference::national();
    std::map<std::string, BoundaryFilePreview::Regency> regencies;
    std::map<std::string, std::map<std::string, int>> regencyNamesInFile;
    for (std::size_t i = 0; i < data.features.size(); ++i) {
        const AreaCode code = parseAreaCode(rawCodes[i]);
        if (!code.valid() || code.scheme == CodeScheme::Bps) {
            ++preview.unreadable;
            continue;
        }
        if (code.level != 4) {
            ++preview.otherLevels;
            continue;
        }
        ++preview.villages;
        const std::string regency = code.text.substr(0, 5);
        BoundaryFilePreview::Regency& r = regencies[regency];
        r.code = regency;
        ++r.villages;
        if (fields.regency >= 0)
            if (std::string n = text(data.features[i], fields.regency); !n.empty())
                ++regencyNamesInFile[regency][n];
        if (preview.samples.size() < maxSamples && code.text.rfind(filter, 0) == 0) {
            BoundaryFilePreview::Sample sample{code.text, text(data.features[i], fields.name),
                                               text(data.features[i], fields.parent)};
            // what the import will take from the reference where the file says nothing
            if (sample.name.empty()) {
                sample.name = reference.displayName(code.text);
                sample.nameFromReference = !sample.name.empty();
            }
            if (sample.kecamatan.empty()) {
                sample.kecamatan = reference.displayName(parentKemendagriCode(code.text));
                sample.kecamatanFromReference = !sample.kecamatan.empty();
            }
            preview.samples.push_back(std::move(sample));
        }
    }
    for (auto& [code, r] : regencies) {
        r.name = reference.displayName(code);
        if (r.name.empty()) {
            auto names = regencyNamesInFile.find(code);
            r.name = names == regencyNamesInFile.end() ? std::string{}
                                                       : splitRegencyName(mostCommon(names->second)).display;
        }
        preview.regencies.push_back(std::move(r));
    }
    if (preview.villages == 0 && preview.problem.empty()) {
        preview.problemKind = BoundaryFilePreview::Problem::NoVillageCodes;
        preview.problem = fmt::format("none of the {} features of layer '{}' has a village code in field '{}'",
                                      data.features.size(), data.layerName, report.codeField);
    }
    return preview;
}

BoundarySet readBoundaries(const std::string& path, const BoundaryImportOptions& options)
{
    ReadOptions ro;
    ro.layer = options.layer;
    ro.assumedCrs = options.assumedCrs;
    const VectorData data = readVector(path, ro);

    BoundarySet set;
    set.edition = options.edition;
    BoundaryImportReport& report = set.report;
    report.path = path;
    report.layer = data.layerName;
    report.sourceCrs = data.sourceCrs;
    report.featuresRead = data.features.size();
    report.repaired = data.repaired;
    report.warnings = data.warnings;
    const BoundaryFields fields = chooseBoundaryFields(data, path, options, report);

    // The scheme of the code column decides before anything is built.
    std::vector<std::string> rawCodes;
    for (const VectorFeature& f : data.features)
        rawCodes.push_back(codeText(f.values[static_cast<std::size_t>(fields.code)]));
    const CodeSchemeGuess guess = detectCodeScheme(rawCodes);
    if (guess.scheme == CodeScheme::Bps)
        throw DataSourceError(path,
                              "the codes of field '" + report.codeField + "' are BPS codes (" + guess.explanation
                                  + "); a project is keyed by Kemendagri codes: name the Kemendagri code "
                                    "field",
                              {"code field"});
    report.codeScheme = "Kemendagri";

    const std::string filter = options.filter.empty()     ? std::string{}
        : normaliseKemendagriCode(options.filter).empty() ? options.filter
                                                          : normaliseKemendagriCode(options.filter);
    FeatureGroups groups = groupFeatures(data, rawCodes, fields, filter, report);
    std::map<int, std::vector<Area>> byLevel = areasByLevel(groups.byCode, options, set);

    // Kecamatan and kabupaten missing from the file: dissolved from their villages (kecamatan).
    // A kecamatan in the file without a name takes the one its villages give.
    for (Area& k : byLevel[3])
        if (k.name.empty()) {
            auto names = groups.kecNames.find(k.code);
            k.name = names == groups.kecNames.end() ? "Kecamatan " + k.code : mostCommon(names->second);
        }
    bool coverageWorks = true;
    std::map<std::string, double> km2 = geodesicAreasKm2(byLevel[4]);
    report.kecamatanDissolved =
        dissolveMissing(byLevel[3], byLevel[4], groups.kecNames,
                        {"kecamatan", "Kecamatan ", true, &report.kecamatanNamedByCode, &coverageWorks, &km2});
    report.kabupatenDissolved = dissolveMissing(byLevel[2], byLevel[3], groups.kabNames,
                                                {"kabupaten", "Kabupaten ", false, nullptr, &coverageWorks, &km2});

    for (int level : {4, 3, 2, 1})
        for (Area& a : byLevel[level]) {
            if (a.name.empty())
                a.name = a.code;
            if (auto known = km2.find(a.code); known != km2.end())
                set.areaCache[a.code] =
                    CachedArea{known->second, vertexCount(a.geometry), coordinateSum(a.geometry), {}};
            set.areas.push_back(std::move(a));
        }
    report.villages = byLevel[4].size();
    report.kecamatan = byLevel[3].size();
    report.kabupaten = byLevel[2].size();
    if (byLevel[2].size() == 1) {
        set.regencyCode = set.areas[report.villages + report.kecamatan].code;
        set.regencyName = set.areas[report.villages + report.kecamatan].name;
    }
    if (set.areas.empty())
        throw DataSourceError(path,
                              fmt::format("no area could be imported from layer '{}' ({} features, {} without a "
                                          "usable code, {} outside the filter '{}')",
                                          data.layerName, data.features.size(), report.rejected.size(),
                                          report.filteredOut, options.filter));
    const std::size_t withPolygon = static_cast<std::size_t>(
        std::count_if(set.areas.begin(), set.areas.end(), [](const Area& a) { return !a.geometry.empty(); }));
    if (withPolygon == 0) {
        std::size_t noGeometry = 0;
        for (const FeatureNote& w : report.warnings)
            noGeometry += w.message.find("no geometry") != std::string::npos ? 1 : 0;
        throw DataSourceError(path,
                              fmt::format("none of the {} areas of layer '{}' has a usable polygon ({} of {} "
                                          "features have a null or empty geometry, the others could not be "
                                          "repaired or transformed); nothing was imported. Check that the file "
                                          "holds the boundary polygons",
                                          set.areas.size(), data.layerName, noGeometry, data.features.size()));
    }
    nameBoundariesFromReference(set);
    return set;
}

void compareWithList(BoundarySet& set, const std::vector<std::string>& villageCodes)
{
    std::set<std::string> list(villageCodes.begin(), villageCodes.end());
    std::set<std::string> inFile;
    set.report.comparedWithList = true;
    set.report.notInList.clear();
    set.report.missingFromFile.clear();
    for (const Area& a : set.areas)
        if (isVillageKind(a.kind) || kemendagriLevel(a.code) == 4) {
            inFile.insert(a.code);
            if (!list.count(a.code))
                set.report.notInList.push_back(a.code);
        }
    for (const std::string& c : list)
        if (!inFile.count(c))
            set.report.missingFromFile.push_back(c);
}

namespace {

constexpr std::size_t listedInText = ReferenceNamingReport::listedInText;

/// "  ... and 12 more repaired polygons; all of them in t.reference.csv\n" when \a total exceeds
/// what the text shows, "" otherwise.
std::string moreLine(std::size_t total, const char* what, const std::string& reportPath)
{
    if (total <= listedInText)
        return {};
    return fmt::format("  ... and {} more {}{}\n", total - listedInText, what,
                       reportPath.empty() ? "" : "; all of them in " + reportPath);
}

/// A list of codes on one line, cut at listedInText with how many more and where they all are.
std::string codeList(const std::vector<std::string>& codes, const std::string& reportPath)
{
    if (codes.empty())
        return {};
    std::string out = ": " + joinList(codes, listedInText);
    if (codes.size() > listedInText && !reportPath.empty())
        out.insert(out.size() - 1, "; all of them in " + reportPath);
    return out;
}

} // namespace

bool BoundaryImportReport::listsLongerThanText() const
{
    for (std::size_t n : {repaired.size(), warnings.size(), rejected.size(), multipart.size(), duplicates.size(),
                          notInList.size(), missingFromFile.size()})
        if (n > listedInText)
            return true;
    return false;
}

std::vector<ImportFinding> BoundaryImportReport::findings() const
{
    std::vector<ImportFinding> out;
    out.reserve(repaired.size() + warnings.size() + rejected.size() + multipart.size() + duplicates.size()
                + notInList.size() + missingFromFile.size());
    for (const FeatureNote& n : repaired)
        out.push_back({"repaired", {}, n.fid, n.message});
    for (const std::string& code : multipart)
        out.push_back({"multipart", code, std::nullopt, {}});
    for (const DuplicateCode& d : duplicates)
        out.push_back({"duplicate_code", d.code, std::nullopt, "fids " + joinList(d.fids)});
    for (const FeatureNote& n : rejected)
        out.push_back({"not_imported", {}, n.fid, n.message});
    for (const FeatureNote& n : warnings)
        out.push_back({"warning", {}, n.fid, n.message});
    for (const std::string& code : notInList)
        out.push_back({"not_in_project", code, std::nullopt, {}});
    for (const std::string& code : missingFromFile)
        out.push_back({"missing_from_file", code, std::nullopt, {}});
    return out;
}

std::string BoundaryImportReport::text() const
{
    std::string out;
    out += fmt::format("boundaries:  {} (layer {}, CRS {})\n", path, layer, sourceCrs);
    out += fmt::format("fields:      code {}, name {}, kecamatan name {}, BPS code {}, kabupaten name {}\n",
                       codeField.empty() ? "-" : codeField, nameField.empty() ? "-" : nameField,
                       parentField.empty() ? "-" : parentField, bpsField.empty() ? "-" : bpsField,
                       regencyField.empty() ? "-" : regencyField);
    out += fmt::format("features:    {} read, {} outside the filter, {} without a usable code\n", featuresRead,
                       filteredOut, rejected.size());
    out += fmt::format("areas:       {} villages, {} kecamatan ({} dissolved from villages, {} named by code), "
                       "{} kabupaten ({} dissolved)\n",
                       villages, kecamatan, kecamatanDissolved, kecamatanNamedByCode, kabupaten, kabupatenDissolved);
    out +=
        fmt::format("repaired:    {}{}\n", repaired.size(), repaired.empty() ? "" : " (invalid polygons made valid)");
    for (std::size_t i = 0; i < repaired.size() && i < listedInText; ++i)
        out += fmt::format("  fid {}: {}\n", repaired[i].fid, repaired[i].message);
    out += moreLine(repaired.size(), "repaired polygons", reportPath);
    out += fmt::format("multipart:   {}{}\n", multipart.size(), codeList(multipart, reportPath));
    out += fmt::format("duplicates:  {} codes given by more than one feature (their polygons merged)\n",
                       duplicates.size());
    for (std::size_t i = 0; i < duplicates.size() && i < listedInText; ++i)
        out += fmt::format("  {}: fids {}\n", duplicates[i].code, joinList(duplicates[i].fids));
    out += moreLine(duplicates.size(), "duplicated codes", reportPath);
    for (std::size_t i = 0; i < rejected.size() && i < listedInText; ++i)
        out += fmt::format("  not imported: fid {}: {}\n", rejected[i].fid, rejected[i].message);
    out += moreLine(rejected.size(), "features not imported", reportPath);
    for (std::size_t i = 0; i < warnings.size() && i < listedInText; ++i)
        out += fmt::format("  warning: fid {}: {}\n", warnings[i].fid, warnings[i].message);
    out += moreLine(warnings.size(), "warnings", reportPath);
    out += reference.text();
    if (bpsPairs > 0)
        out += fmt::format("crosswalk:   {} Kemendagri -> BPS code pairs kept (field {})\n", bpsPairs, bpsField);
    if (!comparedWithList) {
        out += "area list:   none to compare with (a new project takes its list from the file)\n";
        return out;
    }
    out += fmt::format("not in list: {}{}\n", notInList.size(), codeList(notInList, reportPath));
    out += fmt::format("missing:     {} villages of the list not in the file{}\n", missingFromFile.size(),
                       codeList(missingFromFile, reportPath));
    return out;
}

Capital findCapital(const std::vector<Area>& areas, const std::string& spec)
{
    Capital c;
    // "LON,LAT"
    const std::size_t comma = spec.find(',');
    if (comma != std::string::npos) {
        try {
            std::size_t used1 = 0, used2 = 0;
            const std::string a = trimmed(spec.substr(0, comma)), b = trimmed(spec.substr(comma + 1));
            const double lon = std::stod(a, &used1), lat = std::stod(b, &used2);
            if (used1 == a.size() && used2 == b.size()) {
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
                    throw Error("capital '" + spec + "' is not LON,LAT in decimal degrees (longitude first)");
                c.location = {lon, lat};
                c.how = "coordinates given";
                return c;
            }
        } catch (const std::invalid_argument&) {
        } catch (const std::out_of_range&) {
        }
    }
    const std::string key = nameKey(spec);
    const std::string asCode = normaliseKemendagriCode(spec);
    for (const char* pass : {"code", "kecamatan", "village"}) {
        std::vector<const Area*> hits;
        for (const Area& a : areas) {
            const bool match = std::string(pass) == "code" ? (!asCode.empty() && a.code == asCode)
                : std::string(pass) == "kecamatan"         ? (a.kind == "kecamatan" && nameKey(a.name) == key)
                                                           : (isVillageKind(a.kind) && nameKey(a.name) == key);
            if (match && !a.geometry.empty())
                hits.push_back(&a);
        }
        if (hits.size() == 1) {
            c.name = hits.front()->name;
            c.location = pointOnSurface(hits.front()->geometry);
            c.how =
                fmt::format("point-on-surface of {} {} {}", hits.front()->kind, hits.front()->code, hits.front()->name);
            return c;
        }
        if (hits.size() > 1) {
            std::string list;
            for (const Area* a : hits)
                list += fmt::format("{}{} {} ({})", list.empty() ? "" : ", ", a->code, a->name, a->kind);
            throw Error("capital '" + spec + "' matches several areas: " + list
                        + "; give the code of one of them or LON,LAT");
        }
    }
    std::string similar;
    std::size_t shown = 0;
    for (const Area& a : areas)
        if (!key.empty() && nameKey(a.name).find(key) != std::string::npos && shown++ < 10)
            similar += fmt::format("{}{} {} ({})", similar.empty() ? "" : ", ", a.code, a.name, a.kind);
    throw Error("capital '" + spec + "' matches no kecamatan or village name or code"
                + (similar.empty() ? std::string{} : "; names containing it: " + similar)
                + "; give its name as written in the boundary file, an area code, or LON,LAT in decimal degrees");
}

namespace {

void setCapital(Dataset& ds, const std::string& capitalSpec)
{
    if (capitalSpec.empty())
        return;
    const Capital c = resolveCapital(ds.areas, capitalSpec);
    ds.meta["capital_name"] = c.name.empty() ? capitalSpec : c.name;
    ds.meta["capital_lon"] = fmt::format("{}", c.location.x);
    ds.meta["capital_lat"] = fmt::format("{}", c.location.y);
    ds.meta["capital_source"] = c.how;
}

void setBoundaryMeta(Dataset& ds, const BoundarySet& set)
{
    ds.meta["provenance"] = "real";
    ds.meta["boundary_provenance"] = "real";
    ds.meta["boundary_source"] = std::filesystem::path(set.report.path).filename().string()
        + (set.report.layer.empty() ? "" : " (layer " + set.report.layer + ")");
    if (!set.edition.empty())
        ds.meta["boundary_edition"] = set.edition;
    else
        ds.meta.erase("boundary_edition");
    ds.meta["boundary_imported_at"] = isoUtcNow();
    ds.meta["boundary_source_crs"] = set.report.sourceCrs;
}

} // namespace

Dataset newProjectFromBoundaries(BoundarySet set, const std::string& capitalSpec)
{
    Dataset ds;
    ds.areas = std::move(set.areas);
    ds.areaCache = std::move(set.areaCache);
    ds.bpsCodes = std::move(set.bpsCodes);
    setBoundaryMeta(ds, set);
    if (!set.regencyCode.empty()) {
        ds.meta["regency_code"] = set.regencyCode;
        ds.meta["regency_name"] = set.regencyName;
        ds.meta["dataset_name"] = set.regencyName;
    }
    ds.meta["created_at"] = isoUtcNow();
    setCapital(ds, capitalSpec);
    nameProjectFromReference(ds, set.report.reference);
    return ds;
}

ReplaceReport replaceBoundaries(Dataset& ds, BoundarySet& set, const std::string& capitalSpec)
{
    ReplaceReport r;
    r.areasBefore = ds.areas.size();
    std::vector<std::string> listCodes;
    for (const Area* v : ds.villages())
        listCodes.push_back(v->code);
    compareWithList(set, listCodes);

    std::map<std::string, const Area*> old;
    for (const Area& a : ds.areas)
        old[a.code] = &a;
    std::vector<Area> areas = set.areas;
    std::set<std::string> codes;
    for (Area& a : areas) {
        codes.insert(a.code);
        auto it = old.find(a.code);
        if (it == old.end())
            continue;
        const Area& before = *it->second;
        // A feature without a polygon never erases a good stored boundary.
        if (a.geometry.empty() && !before.geometry.empty()) {
            a.geometry = before.geometry;
            ++r.keptGeometry;
        }
        // The project's name wins over a name made from the code; its kind (pekon/desa) is kept.
        if (a.name == a.code || a.name == "Kecamatan " + a.code || a.name == "Kabupaten " + a.code)
            a.name = before.name;
        if (isVillageKind(a.kind) && isVillageKind(before.kind))
            a.kind = before.kind;
    }
    for (const Area& a : ds.areas)
        if (!codes.count(a.code)) {
            areas.push_back(a);
            ++r.keptFromBefore;
        }
    ds.areas = std::move(areas);
    r.areasAfter = ds.areas.size();
    // Areas measured while reading, for the geometries that changed (each is used only while
    // its geometry's fingerprint matches; an unchanged one keeps its stored area and point).
    for (const auto& [code, cached] : set.areaCache)
        if (auto it = ds.areaCache.find(code); it == ds.areaCache.end() || it->second.vertices != cached.vertices
            || it->second.coordinateSum != cached.coordinateSum)
            ds.areaCache[code] = cached;
    for (const auto& [code, bps] : set.bpsCodes)
        ds.bpsCodes[code] = bps;

    // Facilities: keyed by their pekon; re-derive or move with the new boundaries.
    std::vector<const Area*> villages = ds.villages();
    std::vector<MultiPolygon> polygons;
    std::map<std::string, std::size_t> villageIndex;
    for (std::size_t i = 0; i < villages.size(); ++i) {
        polygons.push_back(villages[i]->geometry);
        villageIndex[villages[i]->code] = i;
    }
    const PolygonIndex index(polygons);
    std::map<std::string, Point> surfacePoint;
    for (Facility& f : ds.facilities) {
        if (f.locatedBy == "pekon") {
            auto it = villageIndex.find(f.areaCode);
            if (it != villageIndex.end() && !villages[it->second]->geometry.empty()) {
                auto p = surfacePoint.find(f.areaCode);
                if (p == surfacePoint.end())
                    p = surfacePoint.emplace(f.areaCode, pointOnSurface(villages[it->second]->geometry)).first;
                if (!(f.location == p->second)) {
                    f.location = p->second;
                    ++r.facilitiesMoved;
                }
                continue;
            }
        }
        const auto hit = index.locate(f.location);
        if (!hit) {
            r.facilitiesOutside.push_back(f.id);
            continue;
        }
        if (villages[*hit]->code != f.areaCode) {
            f.areaCode = villages[*hit]->code;
            ++r.facilitiesReassigned;
        }
    }
    r.indicatorsKept = ds.indicators.size();
    std::set<std::string> allCodes;
    for (const Area& a : ds.areas)
        allCodes.insert(a.code);
    for (const IndicatorValue& v : ds.indicators)
        if (!allCodes.count(v.areaCode))
            ++r.indicatorsWithoutArea;

    const bool wasIllustrative = ds.isIllustrative();
    setBoundaryMeta(ds, set);
    if (wasIllustrative && (!ds.indicators.empty() || !ds.facilities.empty())) {
        ds.meta["values_provenance"] = "illustrative";
        ds.meta["notice"] =
            "Data ilustrasi: batas wilayah resmi, tetapi angka indikator dan fasilitas bukan data resmi";
    }
    if (ds.metaValue("regency_code").empty() && !set.regencyCode.empty()) {
        ds.meta["regency_code"] = set.regencyCode;
        ds.meta["regency_name"] = set.regencyName;
    }
    nameProjectFromReference(ds, set.report.reference);
    setCapital(ds, capitalSpec);
    return r;
}

std::string ReplaceReport::text() const
{
    std::string out = fmt::format("areas:       {} before, {} after ({} of the project missing from the file kept with "
                                  "their previous boundary)\n",
                                  areasBefore, areasAfter, keptFromBefore);
    if (keptGeometry > 0)
        out += fmt::format("kept:        {} areas without a polygon in the file keep their previous boundary\n",
                           keptGeometry);
    out += fmt::format("facilities:  {} moved to their pekon's new point-on-surface, {} given a new area code by "
                       "point-in-polygon, {} inside no village (code kept){}{}\n",
                       facilitiesMoved, facilitiesReassigned, facilitiesOutside.size(),
                       facilitiesOutside.empty() ? "" : ": ids ", joinList(facilitiesOutside));
    out += fmt::format("indicators:  {} values kept, {} of them for codes that are not areas\n", indicatorsKept,
                       indicatorsWithoutArea);
    return out;
}

} // namespace gis
