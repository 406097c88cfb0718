#include "gis/personaldata.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gis {

bool isPersonalDataDerived(const std::string& key)
{
    return key.rfind("dtsen_", 0) == 0 || key.find("_dtsen_") != std::string::npos;
}

bool isPersonalDataCount(const std::string& key)
{
    if (key == "dtsen_jiwa" || key == "dtsen_kk")
        return true;
    if (key.rfind("dtsen_status_", 0) == 0)
        return key.size() > 13;
    if (key.rfind("dtsen_desil_", 0) == 0) {
        const std::string n = key.substr(12);
        return !n.empty() && n.size() <= 2 && std::all_of(n.begin(), n.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
    }
    return false;
}

bool anyPersonalDataDerived(const std::vector<std::string>& keys)
{
    return std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return isPersonalDataDerived(k); });
}

std::string publishedCount(double value, int threshold, const std::string& formatted)
{
    return isSmallCount(value, threshold) ? "<" + std::to_string(threshold) : formatted;
}

std::string personalDataSources(const Dataset& ds, const std::string& period)
{
    std::vector<std::string> sources, periods;
    for (const IndicatorValue& v : ds.indicators) {
        if (!isPersonalDataDerived(v.key) || (!period.empty() && v.period != period))
            continue;
        if (std::find(sources.begin(), sources.end(), v.source) == sources.end())
            sources.push_back(v.source);
        if (std::find(periods.begin(), periods.end(), v.period) == periods.end())
            periods.push_back(v.period);
    }
    if (sources.empty())
        return {};
    auto joined = [](const std::vector<std::string>& parts) {
        std::string out;
        for (const std::string& p : parts)
            out += (out.empty() ? "" : ", ") + p;
        return out;
    };
    return "DTSEN/DTKS: " + joined(sources) + ", periode " + joined(periods);
}

bool isSmallCount(double value, int threshold)
{
    return threshold > 1 && std::isfinite(value) && value >= 1.0 && value < threshold;
}

std::string restrictedNotice(int threshold, std::size_t suppressedValues, bool counts)
{
    std::string notice =
        "TERBATAS: memuat angka turunan data DTSEN/DTKS (data pribadi, UU 27/2022); hanya untuk keperluan "
        "perencanaan, jangan disebarkan ulang.";
    if (!counts)
        notice += " Nilai dihitung dari jumlah DTSEN (skor atau kategori), bukan jumlah orang.";
    else if (threshold > 1)
        notice += fmt::format(" Jumlah 1 sampai {} disembunyikan (kosong) agar keluarga tidak dapat dikenali: {} "
                              "nilai.",
                              threshold - 1, suppressedValues);
    else
        notice += " Jumlah kecil TIDAK disembunyikan.";
    return notice;
}

} // namespace gis
