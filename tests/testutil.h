#pragma once
// Helpers shared by the test executables: temporary folders and the shared real data.
#include "gis/dataset.h"
#include "gis/store.h"
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace testutil {

/// \brief The stored value of (area code, key, period) in \a ds; -1 when there is none.
inline double storedValue(const gis::Dataset& ds, const std::string& code, const std::string& key,
                          const std::string& period)
{
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.areaCode == code && v.key == key && v.period == period)
            return v.value;
    return -1;
}

/// \brief How many values of (key, period) \a ds holds.
inline std::size_t valueCount(const gis::Dataset& ds, const std::string& key, const std::string& period)
{
    std::size_t n = 0;
    for (const gis::IndicatorValue& v : ds.indicators)
        n += v.key == key && v.period == period ? 1 : 0;
    return n;
}

/// \brief The miskin values of \a period, each doubled: a commit that changes the poverty rate of
/// every pekon.
inline gis::ProjectChanges doubledPoor(const gis::Dataset& ds, const std::string& period)
{
    gis::ProjectChanges changes;
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.key == "miskin" && v.period == period) {
            gis::IndicatorValue doubled = v;
            doubled.value = 2.0 * v.value;
            changes.upsertValues.push_back(doubled);
        }
    return changes;
}

/// A fresh folder for one test, under the build tree (SASARAN_TEST_TMP) or the system temp.
inline std::filesystem::path tempDir(const std::string& name)
{
    const char* root = std::getenv("SASARAN_TEST_TMP");
    std::filesystem::path dir = root ? std::filesystem::path(root) : std::filesystem::path(SASARAN_TEST_TMP_DIR);
    dir /= name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void writeFile(const std::filesystem::path& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

/// Splits one CSV line (quoted fields may hold commas and doubled quotes).
inline std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> out(1);
    bool inQuotes = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (inQuotes && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            out.back() += '"';
            ++i;
        } else if (c == '"') {
            inQuotes = !inQuotes;
        } else if (c == ',' && !inQuotes) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

/// ../shared/data/<relative>, or "" when the shared data is not present.
inline std::string sharedData(const std::string& relative)
{
    const char* root = std::getenv("SASARAN_SHARED_DATA");
    if (!root)
        root = SASARAN_SHARED_DATA_DIR;
    const auto path = std::filesystem::path(root) / relative;
    return std::filesystem::exists(path) ? path.string() : std::string{};
}

/// The whole file as bytes.
inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// True when poppler-utils (pdftotext, pdfinfo) is installed (scripts/setup.sh installs it).
inline bool havePoppler()
{
    return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0;
}

/// The text of a PDF by pdftotext (UTF-8, reading order), "" when it fails.
inline std::string pdfText(const std::filesystem::path& pdf)
{
    const auto txt = std::filesystem::path(pdf).replace_extension(".txt");
    const std::string command = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "'";
    if (std::system(command.c_str()) != 0)
        return {};
    return readFile(txt);
}

/// The page count pdfinfo reports, -1 when it fails.
inline int pdfPageCount(const std::filesystem::path& pdf)
{
    const auto info = std::filesystem::path(pdf).replace_extension(".info");
    const std::string command = "pdfinfo '" + pdf.string() + "' > '" + info.string() + "'";
    if (std::system(command.c_str()) != 0)
        return -1;
    const std::string text = readFile(info);
    const auto at = text.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(text.substr(at + 6));
}

} // namespace testutil
