// Naming imported areas from the national reference (see referencenaming.h).
#include "gis/referencenaming.h"

#include "gis/codes.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/store.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

namespace gis {

namespace {

const char* levelWord(int level)
{
    switch (level) {
    case 1:
        return "province";
    case 2:
        return "kabupaten/kota";
    case 3:
        return "kecamatan";
    case 4:
        return "village";
    default:
        return "area";
    }
}

/// The level of an area: from its code, else from its kind.
int areaLevel(const Area& a)
{
    if (const int level = kemendagriLevel(a.code))
        return level;
    if (a.kind == "kecamatan")
        return 3;
    if (a.kind == "kabupaten" || a.kind == "kota")
        return 2;
    return isVillageKind(a.kind) ? 4 : 0;
}

/// The name an area of \a level gets from the reference entry.
std::string referenceForm(const ReferenceEntry& e)
{
    if (e.level == 2)
        return splitRegencyName(e.name).display;
    if (e.level == 1)
        return titleCasedIfUpper(e.name);
    return std::string(e.name);
}

bool hasLowerCase(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c) != 0; });
}

bool hasLetter(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

std::string quotedOrDash(const std::string& s)
{
    return s.empty() ? std::string("no name") : "'" + s + "'";
}

/// Name key for capital matching: like referenceNameKey but "kota" is never a prefix (Kota Agung).
std::string capitalKey(std::string_view name)
{
    return referenceNameKey(name, 4);
}

/// "LON,LAT" in decimal degrees?
bool looksLikeCoordinates(const std::string& spec)
{
    const std::size_t comma = spec.find(',');
    if (comma == std::string::npos)
        return false;
    for (const std::string& part : {trimmed(spec.substr(0, comma)), trimmed(spec.substr(comma + 1))}) {
        char* end = nullptr;
        if (part.empty())
            return false;
        std::strtod(part.c_str(), &end);
        if (end != part.c_str() + part.size())
            return false;
    }
    return true;
}

} // namespace

bool isNameFromCode(const Area& area)
{
    const std::string name = trimmed(area.name);
    if (name.empty() || name == area.code)
        return true;
    const AreaCode asCode = parseAreaCode(name);
    if (asCode.valid() && asCode.text == area.code)
        return true;
    // One word, a space, the code: "Kecamatan 18.10.01", "KABUPATEN 18.10", "Desa 1810012001".
    const std::size_t space = name.find(' ');
    if (space == std::string::npos || name.find(' ', space + 1) != std::string::npos)
        return false;
    const AreaCode tail = parseAreaCode(std::string_view(name).substr(space + 1));
    return tail.valid() && tail.text == area.code;
}

std::string referenceNameKey(std::string_view raw, int level)
{
    std::string s = asciiLower(trimmed(raw));
    static const char* const kPrefixes[] = {"kecamatan ", "kabupaten ", "kab. ",    "kab ",     "desa ",
                                            "pekon ",     "kelurahan ", "kel. ",    "kel ",     "kampung ",
                                            "tiyuh ",     "nagari ",    "gampong ", "provinsi "};
    for (const char* prefix : kPrefixes) {
        const std::string_view p(prefix);
        if ((p == "kabupaten " || p == "kab. " || p == "kab ") && level != 2)
            continue;
        if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
            s.erase(0, p.size());
            break;
        }
    }
    if (level == 2 && s.rfind("kota ", 0) == 0 && s.size() > 5)
        s.erase(0, 5);
    if (level == 2 && s.rfind("administrasi ", 0) == 0 && s.size() > 13)
        s.erase(0, 13);
    std::string key;
    for (unsigned char c : s)
        if (std::isalnum(c) || c >= 0x80)
            key += static_cast<char>(c);
    return key;
}

ReferenceNamingReport nameAreasFromReference(std::vector<Area>& areas, const AreaReference& reference)
{
    ReferenceNamingReport report;
    report.edition = reference.edition();
    std::vector<Area*> ordered;
    for (Area& a : areas)
        ordered.push_back(&a);
    std::sort(ordered.begin(), ordered.end(), [](const Area* a, const Area* b) { return a->code < b->code; });
    for (Area* a : ordered) {
        const int level = areaLevel(*a);
        const ReferenceEntry* e = level > 0 ? reference.find(a->code) : nullptr;
        const bool fromCode = isNameFromCode(*a);
        if (!e) {
            if (level > 0)
                report.unknown.push_back({a->code, level, fromCode ? std::string{} : a->name});
            continue;
        }
        const std::string official = referenceForm(*e);
        if (fromCode) {
            a->name = official;
            ++report.named[e->level];
            continue;
        }
        if (a->name == official)
            continue;
        if (referenceNameKey(a->name, e->level) != referenceNameKey(official, e->level)) {
            report.differences.push_back({a->code, e->level, a->name, official});
            // A kabupaten/kota keeps the file's name, but its type comes from the reference.
            if (e->level == 2) {
                const RegencyName inFile = splitRegencyName(a->name);
                const RegencyName ref = splitRegencyName(official);
                if (inFile.type == RegencyType::Unknown && ref.type != RegencyType::Unknown)
                    a->name = (ref.type == RegencyType::Kota ? "Kota " : "Kabupaten ") + inFile.bare;
            }
            continue;
        }
        // The same name but for case or spacing: capitals and kabupaten/kota take the reference's form.
        if (e->level <= 2 || (hasLetter(a->name) && !hasLowerCase(a->name))) {
            a->name = official;
            ++report.recased;
        }
    }
    return report;
}

void nameBoundariesFromReference(BoundarySet& set, const AreaReference& reference)
{
    set.report.reference = nameAreasFromReference(set.areas, reference);
    std::size_t byCode = 0;
    for (const Area& a : set.areas) {
        if (a.kind == "kecamatan" && isNameFromCode(a))
            ++byCode;
        if (!set.regencyCode.empty() && a.code == set.regencyCode)
            set.regencyName = a.name;
    }
    set.report.kecamatanNamedByCode = byCode;
}

void nameProjectFromReference(Dataset& ds, const ReferenceNamingReport& naming, const AreaReference& reference)
{
    std::size_t named = 0;
    for (Area& a : ds.areas)
        if (isNameFromCode(a))
            if (const ReferenceEntry* e = reference.find(a.code)) {
                a.name = referenceForm(*e);
                ++named;
            }
    for (std::size_t level = 1; level <= 4; ++level)
        named += naming.named[level];

    const std::string regencyCode = ds.metaValue("regency_code");
    const auto fromCode = [](const std::string& name, const std::string& code) {
        return isNameFromCode({code, name, "", "", {}});
    };
    std::set<std::string> provinces;
    for (const Area& a : ds.areas)
        if (kemendagriLevel(a.code) > 0)
            provinces.insert(a.code.substr(0, 2));
    const std::string provinceCode = !regencyCode.empty() ? regencyCode.substr(0, 2)
        : provinces.size() == 1                           ? *provinces.begin()
                                                          : std::string{};
    if (!regencyCode.empty()) {
        const std::string official = reference.displayName(regencyCode);
        if (!official.empty()) {
            if (fromCode(ds.metaValue("regency_name"), regencyCode))
                ds.meta["regency_name"] = official;
            if (fromCode(ds.metaValue("dataset_name"), regencyCode))
                ds.meta["dataset_name"] = ds.metaValue("regency_name");
        }
    } else if (!provinceCode.empty() && ds.metaValue("dataset_name").empty()) {
        const std::string province = reference.displayName(provinceCode);
        if (!province.empty())
            ds.meta["dataset_name"] = "Provinsi " + province;
    }
    if (!provinceCode.empty() && ds.metaValue("province").empty()) {
        const std::string province = reference.displayName(provinceCode);
        if (!province.empty())
            ds.meta["province"] = province;
    }
    if (!naming.edition.empty())
        ds.meta["reference_edition"] = naming.edition;
    if (named > 0)
        ds.meta["names_source"] = reference.edition() + " (ODbL), kode Kemendagri";
}

std::string regencyTitle(const Dataset& ds, const AreaReference& reference)
{
    const std::vector<const Area*> regencies = ds.areasOfKind("kabupaten");
    std::string name = ds.metaValue("regency_name");
    std::string code = ds.metaValue("regency_code");
    if (name.empty() && regencies.size() > 1)
        return ds.metaValue("dataset_name"); // "Provinsi Lampung": several regencies
    if (name.empty() && !regencies.empty())
        name = regencies.front()->name;
    if (code.empty() && regencies.size() == 1)
        code = regencies.front()->code;
    if (name.empty())
        return {};
    if (name.rfind("Provinsi ", 0) == 0)
        return name;
    const RegencyName given = splitRegencyName(name);
    const std::string official = kemendagriLevel(code) == 2 ? reference.displayName(code) : std::string();
    const RegencyType officialType = official.empty() ? RegencyType::Unknown : splitRegencyName(official).type;
    if (given.type != RegencyType::Unknown) {
        // a prefix the reference contradicts ("Kabupaten Bandar Lampung" for 18.71): the reference's name
        return officialType != RegencyType::Unknown && officialType != given.type ? official : given.display;
    }
    RegencyType type = officialType;
    if (type == RegencyType::Unknown && kemendagriLevel(code) == 2) // Kemendagri numbers cities from 71
        type = std::atoi(code.substr(3, 2).c_str()) >= 71 ? RegencyType::Kota : RegencyType::Kabupaten;
    return (type == RegencyType::Kota ? "Kota " : "Kabupaten ") + titleCasedIfUpper(given.bare);
}

std::string ReferenceNamingReport::text() const
{
    if (edition.empty())
        return {};
    std::string out = fmt::format("reference:   {}: named {} province, {} kabupaten/kota, {} kecamatan and {} villages "
                                  "that the file does not name{}; {} codes it does not know, {} names that differ\n",
                                  edition, named[1], named[2], named[3], named[4],
                                  recased ? fmt::format(" ({} more written as it writes them)", recased) : "",
                                  unknown.size(), differences.size());
    const std::string fullList = reportPath.empty() ? std::string() : fmt::format("; all of them in {}", reportPath);
    for (std::size_t i = 0; i < unknown.size() && i < listedInText; ++i)
        out += fmt::format("  not in the reference: {} {} ({} in the file; an obsolete or mistyped code?)\n",
                           levelWord(unknown[i].level), unknown[i].code, quotedOrDash(unknown[i].nameInFile));
    if (unknown.size() > listedInText)
        out += fmt::format("  ... and {} more codes not in the reference{}\n", unknown.size() - listedInText,
                           fullList);
    for (std::size_t i = 0; i < differences.size() && i < listedInText; ++i) {
        const ReferenceNameDifference& d = differences[i];
        out += fmt::format("  name differs: {} {}: {} in the file, {} in the reference ({})\n", levelWord(d.level),
                           d.code, d.inFile, d.inReference, edition);
    }
    if (differences.size() > listedInText)
        out += fmt::format("  ... and {} more names that differ{}\n", differences.size() - listedInText, fullList);
    if (!reportPath.empty() && unknown.size() <= listedInText && differences.size() <= listedInText)
        out += fmt::format("  reference report: {}\n", reportPath);
    return out;
}

void writeReferenceReport(const ReferenceNamingReport& report, const std::vector<ImportFinding>& importFindings,
                          const std::string& path)
{
    std::string out = "finding,level,code,name_in_file,name_in_reference,edition,fid,note\n";
    out.reserve(out.size() + (report.unknown.size() + report.differences.size() + importFindings.size()) * 80);
    const std::string edition = csvQuoted(report.edition);
    for (const ReferenceUnknownCode& u : report.unknown)
        out.append("not_in_reference,")
            .append(csvQuoted(levelWord(u.level)))
            .append(1, ',')
            .append(csvQuoted(u.code))
            .append(1, ',')
            .append(csvQuoted(u.nameInFile))
            .append(",,")
            .append(edition)
            .append(",,\n");
    for (const ReferenceNameDifference& d : report.differences)
        out.append("name_differs,")
            .append(csvQuoted(levelWord(d.level)))
            .append(1, ',')
            .append(csvQuoted(d.code))
            .append(1, ',')
            .append(csvQuoted(d.inFile))
            .append(1, ',')
            .append(csvQuoted(d.inReference))
            .append(1, ',')
            .append(edition)
            .append(",,\n");
    for (const ImportFinding& f : importFindings)
        out.append(csvQuoted(f.finding))
            .append(1, ',')
            .append(f.code.empty() ? std::string() : csvQuoted(levelWord(kemendagriLevel(f.code))))
            .append(1, ',')
            .append(csvQuoted(f.code))
            .append(",,,,")
            .append(f.fid ? std::to_string(*f.fid) : std::string())
            .append(1, ',')
            .append(csvQuoted(f.note))
            .append(1, '\n');
    writeTextFileAtomically(path, out);
}

std::string defaultReferenceReportPath(const std::string& projectLocation)
{
    if (projectLocation.empty() || isServerLocation(projectLocation))
        return "reference.csv"; // the current folder
    const std::filesystem::path project(projectLocation);
    std::string name = project.filename().string();
    for (const std::string suffix : {".sasaran.sqlite", ".sqlite"})
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            name.resize(name.size() - suffix.size());
            break;
        }
    return (project.parent_path() / (name + ".reference.csv")).string();
}

Capital resolveCapital(const std::vector<Area>& areas, const std::string& spec)
{
    if (looksLikeCoordinates(spec))
        return findCapital(areas, spec);
    const std::string asCode = normaliseKemendagriCode(spec);
    if (!asCode.empty())
        for (const Area& a : areas)
            if (a.code == asCode)
                return findCapital(areas, spec);

    std::map<std::string, const Area*> byCode;
    for (const Area& a : areas)
        byCode[a.code] = &a;
    const auto describe = [&](const Area& a) {
        std::string where;
        const auto parent = byCode.find(a.parentCode.empty() ? parentKemendagriCode(a.code) : a.parentCode);
        if (parent != byCode.end() && isVillageKind(a.kind))
            where = ", Kecamatan " + parent->second->name;
        else if (parent != byCode.end() && a.kind == "kecamatan")
            where = ", " + parent->second->name;
        return fmt::format("{} {} ({}{})", a.code, a.name, a.kind, where);
    };

    const std::string key = capitalKey(spec);
    if (key.empty())
        throw Error("capital '" + spec + "' is not a name, an area code or LON,LAT");
    for (const bool kecamatanPass : {true, false}) {
        std::vector<const Area*> hits;
        for (const Area& a : areas)
            if ((kecamatanPass ? a.kind == "kecamatan" : isVillageKind(a.kind)) && !a.geometry.empty()
                && capitalKey(a.name) == key)
                hits.push_back(&a);
        if (hits.size() == 1) {
            const Area& a = *hits.front();
            Capital c;
            c.name = a.name;
            c.location = pointOnSurface(a.geometry);
            c.how = "point-on-surface of " + describe(a);
            return c;
        }
        if (hits.size() > 1) {
            std::string list;
            for (const Area* a : hits)
                list += (list.empty() ? "" : "; ") + describe(*a);
            throw Error(fmt::format("capital '{}' matches {} {}: {}; give the code of one of them or LON,LAT", spec,
                                    hits.size(), kecamatanPass ? "kecamatan" : "villages", list));
        }
    }
    std::string similar;
    std::size_t shown = 0, total = 0;
    for (const Area& a : areas)
        if ((a.kind == "kecamatan" || isVillageKind(a.kind)) && capitalKey(a.name).find(key) != std::string::npos) {
            if (shown < 10) {
                similar += (similar.empty() ? "" : "; ") + describe(a);
                ++shown;
            }
            ++total;
        }
    if (total > shown)
        similar += fmt::format("; ... ({} more)", total - shown);
    throw Error("capital '" + spec + "' matches no kecamatan or village name or code"
                + (similar.empty() ? std::string{} : "; names containing it: " + similar)
                + "; give its name as the project writes it, an area code, or LON,LAT in decimal degrees");
}

} // namespace gis
