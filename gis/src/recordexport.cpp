// The anonymised and by-name tiers of DTSEN/DTKS records (see recordexport.h).
#include "gis/recordexport.h"

#include "detail/atomicoutput.h"
#include "detail/rawtable.h"
#include "detail/recordcolumns.h"
#include "gis/error.h"
#include "gis/export.h"
#include "gis/namematch.h"
#include "gis/personaldata.h"
#include "gis/store.h"
#include "gis/tableimport.h"
#include "gis/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace gis {

namespace {

namespace fs = std::filesystem;

/// True when \a cell holds 16 digits once spaces, dots and dashes are dropped: the length of
/// a NIK and of a family card (KK) number.
bool looksLikeNik(const std::string& cell)
{
    std::size_t digits = 0;
    for (char c : cell) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (c != ' ' && c != '.' && c != '-' && c != '\'')
            return false;
    }
    return digits == 16;
}

/// File systems a by-name list must not be written to: shared over a network.
bool isNetworkFileSystem(const std::string& type)
{
    static const std::set<std::string> kNetwork{"nfs",  "nfs4",      "cifs",       "smb3",   "smbfs",
                                                "9p",   "afs",       "ceph",       "glusterfs", "fuse.sshfs",
                                                "davfs", "fuse.davfs2", "fuse.rclone", "fuse.gvfsd-fuse"};
    return kNetwork.count(type) > 0;
}

/// The type of the file system holding \a folder (the mount point with the longest match in
/// /proc/self/mounts), or "" when unknown.
std::string fileSystemOf(const fs::path& folder)
{
    std::ifstream mounts("/proc/self/mounts");
    std::string line, best, bestType;
    const std::string target = folder.string();
    while (std::getline(mounts, line)) {
        std::istringstream in(line);
        std::string device, point, type;
        if (!(in >> device >> point >> type))
            continue;
        const bool under = target == point || point == "/"
            || (target.rfind(point, 0) == 0 && target.size() > point.size() && target[point.size()] == '/');
        if (under && point.size() >= best.size()) {
            best = point;
            bestType = type;
        }
    }
    return bestType;
}

/// The header names (headerKey) the anonymised tier refuses to keep.
bool isPersonalHeader(const std::string& header)
{
    const std::string key = headerKey(header);
    const auto& names = detail::personalColumnNames();
    if (std::find(names.begin(), names.end(), key) != names.end())
        return true;
    // nama_..., nik_..., alamat_..., no_kk_...: the families of those columns
    for (const char* prefix : {"nik", "nama", "alamat", "no_kk", "nomor_kk", "tgl_lahir", "tanggal_lahir"})
        if (key == prefix || key.rfind(std::string(prefix) + "_", 0) == 0)
            return true;
    return false;
}

} // namespace

RecordTier recordTierFromName(const std::string& name)
{
    if (name == "anonymised" || name == "anonymized" || name == "anonim")
        return RecordTier::Anonymised;
    if (name == "by-name" || name == "by_name" || name == "byname")
        return RecordTier::ByName;
    throw Error("the records tier must be anonymised or by-name, not '" + name
                    + "' (the aggregate tier is the project's own export)",
                {"tier"});
}

std::string recordTierName(RecordTier tier)
{
    return tier == RecordTier::ByName ? "by-name" : "anonymised";
}

std::string RecordExportReport::text() const
{
    std::string t = fmt::format("records:     {}\ntier:        {}\n", input, tier);
    t += fmt::format("rows:        {} read, {} written, {} without a pekon of the project (not written), {} left out "
                     "by the filters\n",
                     rows, written, unmatched, filtered);
    std::string c;
    for (const std::string& name : columns)
        c += (c.empty() ? "" : ", ") + name;
    if (tier == "by-name")
        t += "columns:     every column of the file, with the matched pekon (kode_sasaran, pekon_sasaran)\n";
    else
        t += "columns:     " + c + "\n";
    t += "output:      " + output + "\n";
    if (!noticePath.empty())
        t += "notice:      " + noticePath + " (TERBATAS: keep it with the file)\n";
    return t;
}

void checkByNameDestination(const std::string& outPath, const std::string& projectLocation)
{
    auto refuse = [&](const std::string& why) {
        throw OutputError("a by-name list (names, NIK, addresses) is written only to a local file: '" + outPath + "' "
                          + why);
    };
    if (outPath.find("://") != std::string::npos)
        refuse("is a server or URL, not a local file");
    if (outPath.rfind("//", 0) == 0 || outPath.rfind("\\\\", 0) == 0)
        refuse("is a network share path");
    const fs::path target = fs::absolute(outPath).lexically_normal();
    if (!projectLocation.empty() && !isServerLocation(projectLocation)) {
        const fs::path project = fs::absolute(projectLocation).lexically_normal();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            if (target == fs::path(project.string() + suffix))
                refuse("is the project (" + projectLocation + "): the project keeps aggregates only");
        std::error_code ec;
        if (fs::exists(target, ec) && fs::exists(project, ec) && fs::equivalent(target, project, ec))
            refuse("is the project (" + projectLocation + "): the project keeps aggregates only");
    }
    std::error_code ec;
    fs::path folder = target.parent_path();
    const fs::path resolved = fs::weakly_canonical(folder, ec);
    if (!ec)
        folder = resolved;
    const std::string type = fileSystemOf(folder);
    if (isNetworkFileSystem(type))
        refuse("is on a network file system (" + type + ", a shared folder); write it to this computer's own disk");
}

RecordExportReport exportRecords(const Dataset& ds, const std::string& recordsPath, const std::string& outPath,
                                 const RecordExportOptions& options)
{
    if (asciiLower(fs::path(outPath).extension().string()) != ".csv")
        throw OutputError("cannot write records to '" + outPath + "': records are written as a .csv file");
    RecordExportReport report;
    report.input = recordsPath;
    report.output = outPath;
    report.tier = recordTierName(options.tier);

    const RawTable table = readRawTable(recordsPath, options.sheet);
    RecordImportOptions columnsOf;
    columnsOf.codeField = options.codeField;
    columnsOf.nameField = options.nameField;
    columnsOf.kecamatanField = options.kecamatanField;
    columnsOf.householdField = options.householdField;
    columnsOf.statusField = options.statusField;
    columnsOf.desilField = options.desilField;
    columnsOf.headerRow = options.headerRow;
    const detail::RecordColumns cols = detail::recordColumns(table, recordsPath, columnsOf);
    const std::vector<std::string>& head = table.rows[cols.header];

    // Anonymised: the columns kept besides the fixed ones, each checked to hold no identifier.
    std::vector<int> kept;
    if (options.tier == RecordTier::Anonymised)
        for (const std::string& name : options.keepColumns) {
            const int c = columnIndex(head, name);
            if (c < 0)
                throw DataSourceError(recordsPath, "it has no column '" + name + "' to keep");
            if (isPersonalHeader(head[static_cast<std::size_t>(c)]) || c == cols.household)
                throw DataSourceError(recordsPath, "the column '" + name
                                                       + "' holds personal data (NIK, KK, household id, name, "
                                                         "address, birth data or phone): the anonymised tier never "
                                                         "writes it");
            for (std::size_t r = cols.header + 1; r < table.rows.size(); ++r)
                if (looksLikeNik(detail::cellAt(table.rows[r], c)))
                    throw DataSourceError(recordsPath, fmt::format("the column '{}' holds a 16-digit number in row {} "
                                                                   "(a NIK or KK number?): the anonymised tier never "
                                                                   "writes it",
                                                                   name, table.rowNumbers[r]));
            kept.push_back(c);
        }

    std::vector<std::size_t> dataRows;
    for (std::size_t r = cols.header + 1; r < table.rows.size(); ++r)
        if (!isBlankRow(table.rows[r]) && !isTotalRow(table.rows[r]))
            dataRows.push_back(r);
    report.rows = dataRows.size();
    std::vector<std::string> codes;
    for (std::size_t r : dataRows)
        codes.push_back(detail::cellAt(table.rows[r], cols.join.code));
    const RowJoiner joiner(ds, cols.join, codes, fs::path(recordsPath).filename().string(), options.fuzzy);

    std::map<std::string, const Area*> kecamatan;
    for (const Area* k : ds.areasOfKind("kecamatan"))
        kecamatan[k->code] = k;

    std::string csv;
    if (options.tier == RecordTier::Anonymised) {
        report.columns = {"kode", "pekon", "kode_kec", "kecamatan", "desil", "status"};
        for (int c : kept)
            report.columns.push_back(head[static_cast<std::size_t>(c)]);
    } else {
        report.columns = {"kode_sasaran", "pekon_sasaran"};
        report.columns.insert(report.columns.end(), head.begin(), head.end());
    }
    for (std::size_t i = 0; i < report.columns.size(); ++i)
        csv += (i ? "," : "") + csvQuoted(report.columns[i]);
    csv += '\n';

    std::map<std::tuple<std::string, std::string, std::string>, std::string> codeOf; // pekon as written -> code
    for (std::size_t r : dataRows) {
        const auto& row = table.rows[r];
        const auto key =
            std::make_tuple(detail::cellAt(row, cols.join.code), normaliseAreaName(detail::cellAt(row, cols.join.name)),
                            normaliseAreaName(detail::cellAt(row, cols.join.kecamatan)));
        auto it = codeOf.find(key);
        if (it == codeOf.end()) {
            const RowMatch m = joiner.join(row, table.rowNumbers[r]);
            const bool joined = m.kind == MatchKind::Exact || m.kind == MatchKind::Fuzzy;
            it = codeOf.emplace(key, joined ? m.code : std::string()).first;
        }
        const std::string& code = it->second;
        if (code.empty()) {
            ++report.unmatched;
            continue;
        }
        if (!options.areaPrefix.empty() && code != options.areaPrefix && code.rfind(options.areaPrefix + ".", 0) != 0) {
            ++report.filtered;
            continue;
        }
        std::optional<int> desil;
        if (cols.desil >= 0) {
            const auto n = parseNumber(detail::cellAt(row, cols.desil), NumberStyle::Indonesian);
            if (n && *n >= 1 && *n <= 10 && std::floor(*n) == *n)
                desil = static_cast<int>(*n);
        }
        if (!options.desil.empty()
            && (!desil || std::find(options.desil.begin(), options.desil.end(), *desil) == options.desil.end())) {
            ++report.filtered;
            continue;
        }
        const Area* pekon = ds.findArea(code);
        const Area* kec = nullptr;
        if (pekon)
            if (auto k = kecamatan.find(pekon->parentCode); k != kecamatan.end())
                kec = k->second;
        csv += csvQuoted(code) + "," + csvQuoted(pekon ? pekon->name : "");
        if (options.tier == RecordTier::Anonymised) {
            csv += "," + csvQuoted(pekon ? pekon->parentCode : "") + "," + csvQuoted(kec ? kec->name : "") + ",";
            if (desil)
                csv += std::to_string(*desil);
            csv += "," + csvQuoted(cols.status >= 0 ? detail::statusCategory(detail::cellAt(row, cols.status)) : "");
            for (int c : kept)
                csv += "," + csvQuoted(detail::cellAt(row, c));
        } else {
            for (std::size_t c = 0; c < head.size(); ++c)
                csv += "," + csvQuoted(detail::cellAt(row, static_cast<int>(c)));
        }
        csv += '\n';
        ++report.written;
    }

    const std::string notice =
        options.tier == RecordTier::ByName
        ? "TERBATAS - DATA PRIBADI BY NAME BY ADDRESS: berisi NIK, nama dan alamat dari data DTSEN/DTKS (UU 27/2022). "
          "Hanya untuk verifikasi oleh petugas yang berwenang; simpan di komputer ini, jangan dikirim lewat surel, "
          "grup pesan atau folder bersama; hapus setelah selesai."
        : "TERBATAS: data DTSEN/DTKS per orang tanpa NIK, nomor KK, nama dan alamat (anonim, UU 27/2022); tetap data "
          "turunan data pribadi: hanya untuk keperluan perencanaan, jangan disebarkan ulang.";
    detail::AtomicOutput out(outPath, detail::AtomicOutput::Kind::Folder);
    out.write(csv, out.target().filename().string());
    report.noticePath = restrictedNoticePath(out.target().string());
    out.write(notice + "\n", fs::path(report.noticePath).filename().string());
    out.commit();
    return report;
}

} // namespace gis
