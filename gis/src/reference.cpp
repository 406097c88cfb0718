// The national reference of codes and names (see reference.h; the format is documented in
// data/tools/update_reference.py, which writes it).
#include "gis/reference.h"

#include "embedded.h"
#include "gis/codes.h"
#include "gis/error.h"
#include "gis/text.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace gis {

namespace {

constexpr std::string_view kEmbeddedPath = "reference/wilayah.txt.gz";

/// z_stream with inflateEnd on every path.
class Inflater {
public:
    Inflater()
    {
        // 15 + 32: a gzip or a zlib header, detected automatically.
        if (inflateInit2(&mStream, 15 + 32) != Z_OK)
            throw Error("zlib could not start decompressing");
    }
    ~Inflater() { inflateEnd(&mStream); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
    z_stream* get() { return &mStream; }

private:
    z_stream mStream{};
};

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool hasLowerCase(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c) != 0; });
}

/// Case-insensitive ASCII prefix test; on a match \a rest is what follows.
bool stripPrefix(std::string_view s, std::string_view prefix, std::string_view& rest)
{
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    rest = s.substr(prefix.size());
    return true;
}

} // namespace

std::string inflateBytes(std::string_view compressed, const std::string& what)
{
    Inflater inflater;
    z_stream* z = inflater.get();
    z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z->avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[1 << 16];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z->next_out = reinterpret_cast<Bytef*>(buffer);
        z->avail_out = sizeof buffer;
        rc = inflate(z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            throw Error(fmt::format("{} is not valid gzip data ({})", what, z->msg ? z->msg : "truncated"));
        out.append(buffer, sizeof buffer - z->avail_out);
        if (rc == Z_OK && z->avail_in == 0 && z->avail_out != 0)
            throw Error(what + " is not valid gzip data (it ends early)");
    }
    return out;
}

std::string titleCasedIfUpper(std::string_view name)
{
    std::string out(name);
    if (hasLowerCase(name))
        return out;
    bool wordStart = true;
    for (char& ch : out) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalpha(c)) {
            ch = static_cast<char>(wordStart ? std::toupper(c) : std::tolower(c));
            wordStart = false;
        } else {
            // A new word after a space, hyphen, bracket or slash; not after an apostrophe ("Ki'e").
            wordStart = c == ' ' || c == '-' || c == '(' || c == '/' || c == '.';
        }
    }
    return out;
}

RegencyName splitRegencyName(std::string_view raw)
{
    const std::string name = trimmed(raw);
    RegencyName r;
    std::string_view rest;
    std::string_view displayPrefix;
    if (stripPrefix(name, "kabupaten ", rest) || stripPrefix(name, "kab. ", rest) || stripPrefix(name, "kab ", rest)) {
        r.type = RegencyType::Kabupaten;
        displayPrefix = "Kabupaten ";
    } else if (stripPrefix(name, "kota ", rest)) {
        r.type = RegencyType::Kota;
        displayPrefix = "Kota ";
    } else {
        r.bare = r.display = titleCasedIfUpper(name);
        return r;
    }
    rest = std::string_view(rest).substr(std::min(rest.find_first_not_of(' '), rest.size()));
    // DKI Jakarta's "Kota Administrasi Jakarta Barat", "Kabupaten Administrasi Kepulauan Seribu".
    std::string_view bare;
    const bool administrative = stripPrefix(rest, "administrasi ", bare);
    if (!administrative)
        bare = rest;
    r.bare = titleCasedIfUpper(bare);
    r.display = std::string(displayPrefix) + (administrative ? "Administrasi " : "") + r.bare;
    return r;
}

AreaReference::AreaReference(std::string text) : mText(std::move(text))
{
    std::string_view all(mText);
    std::string province, regency, kecamatan;
    int previousVillage = -1;
    std::size_t lineNumber = 0;
    const auto bad = [&](const std::string& why) {
        return Error(fmt::format("the reference of area names, line {}: {}", lineNumber, why));
    };
    const auto digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    };
    mEntries.reserve(std::count(all.begin(), all.end(), '\n'));
    std::size_t pos = 0;
    while (pos < all.size()) {
        std::size_t end = all.find('\n', pos);
        if (end == std::string_view::npos)
            end = all.size();
        std::string_view line = all.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            continue;
        if (line.front() == '#') {
            std::string_view value;
            if (stripPrefix(line, "# edition: ", value))
                mEdition = std::string(value);
            else if (stripPrefix(line, "# licence: ", value))
                mLicence = std::string(value);
            continue;
        }
        ReferenceEntry e;
        if (line.front() == ' ') {
            if (previousVillage < 0 || previousVillage >= 9999)
                throw bad("a village without a number follows no numbered village");
            e.level = 4;
            e.name = line.substr(1);
            ++previousVillage;
            e.code = kecamatan;
            e.code += '.';
            for (int divisor = 1000; divisor > 0; divisor /= 10)
                e.code += static_cast<char>('0' + previousVillage / divisor % 10);
        } else {
            const std::size_t space = line.find(' ');
            if (space == std::string_view::npos || space + 1 >= line.size())
                throw bad("expected a code, a space and a name");
            std::string_view head = line.substr(0, space);
            e.name = line.substr(space + 1);
            const char marker = head.front();
            if (marker == '.' || marker == ':')
                head.remove_prefix(1);
            if (!digits(head))
                throw bad(fmt::format("'{}' is not a code", line.substr(0, space)));
            if (marker == '.' && head.size() == 2 && !province.empty()) {
                e.level = 2;
                regency = e.code = province + "." + std::string(head);
                kecamatan.clear();
            } else if (marker == ':' && head.size() == 2 && !regency.empty()) {
                e.level = 3;
                kecamatan = e.code = regency + "." + std::string(head);
            } else if (head.size() == 2 && marker != '.' && marker != ':') {
                e.level = 1;
                province = e.code = std::string(head);
                regency.clear();
                kecamatan.clear();
            } else if (head.size() == 4 && !kecamatan.empty()) {
                e.level = 4;
                previousVillage = std::stoi(std::string(head));
                e.code = kecamatan + "." + std::string(head);
            } else {
                throw bad(fmt::format("'{}' is not a code in its place (province 2 digits, '.' kabupaten, ':' "
                                      "kecamatan, village 4 digits after a kecamatan)",
                                      line.substr(0, space)));
            }
            if (e.level != 4)
                previousVillage = -1;
        }
        if (!mEntries.empty() && !(mEntries.back().code < e.code))
            throw bad(
                fmt::format("code {} is not after {} (the file must be in code order)", e.code, mEntries.back().code));
        ++mCounts[e.level];
        mEntries.push_back(std::move(e));
    }
    if (mEdition.empty())
        throw Error("the reference of area names has no '# edition:' line");
}

const AreaReference& AreaReference::national()
{
    static std::once_flag once;
    static std::unique_ptr<AreaReference> reference;
    std::call_once(once, [] {
        for (const auto& f : sasaran_data::embeddedFiles())
            if (f.path == kEmbeddedPath) {
                reference = std::make_unique<AreaReference>(inflateBytes(f.content, std::string(kEmbeddedPath)));
                return;
            }
        throw Error(std::string(kEmbeddedPath) + " is not compiled into this program (see data/CMakeLists.txt)");
    });
    return *reference;
}

const ReferenceEntry* AreaReference::find(std::string_view code) const
{
    const std::string key = code.find('.') == std::string_view::npos ? normaliseKemendagriCode(code) : trimmed(code);
    if (key.empty())
        return nullptr;
    const auto it = std::lower_bound(mEntries.begin(), mEntries.end(), key,
                                     [](const ReferenceEntry& e, const std::string& k) { return e.code < k; });
    return it != mEntries.end() && it->code == key ? &*it : nullptr;
}

std::string AreaReference::displayName(std::string_view code) const
{
    const ReferenceEntry* e = find(code);
    if (!e)
        return {};
    if (e->level == 2)
        return splitRegencyName(e->name).display;
    if (e->level == 1)
        return titleCasedIfUpper(e->name);
    return std::string(e->name);
}

std::vector<const ReferenceEntry*> AreaReference::children(std::string_view code) const
{
    std::vector<const ReferenceEntry*> out;
    if (code.empty()) {
        for (const ReferenceEntry& e : mEntries)
            if (e.level == 1)
                out.push_back(&e);
        return out;
    }
    const ReferenceEntry* parent = find(code);
    if (!parent || parent->level >= 4)
        return out;
    // Code order is parent-before-child order: the descendants follow the parent directly.
    const std::string prefix = parent->code + ".";
    for (auto it = mEntries.begin() + (parent - mEntries.data()) + 1;
         it != mEntries.end() && startsWith(it->code, prefix); ++it)
        if (it->level == parent->level + 1)
            out.push_back(&*it);
    return out;
}

std::size_t AreaReference::count(int level) const noexcept
{
    return level >= 1 && level <= 4 ? mCounts[level] : 0;
}

} // namespace gis
