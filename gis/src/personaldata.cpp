#include "gis/personaldata.h"

#include <fmt/format.h>

#include <cmath>

namespace gis {

bool isPersonalDataDerived(const std::string& key)
{
    return key.rfind("dtsen_", 0) == 0;
}

bool isSmallCount(double value, int threshold)
{
    return threshold > 1 && std::isfinite(value) && value >= 1.0 && value < threshold;
}

std::string restrictedNotice(int threshold, std::size_t suppressedValues)
{
    std::string notice =
        "TERBATAS: memuat angka turunan data DTSEN/DTKS (data pribadi, UU 27/2022); hanya untuk keperluan "
        "perencanaan, jangan disebarkan ulang.";
    if (threshold > 1)
        notice += fmt::format(" Jumlah 1 sampai {} disembunyikan (kosong) agar keluarga tidak dapat dikenali: {} "
                              "nilai.",
                              threshold - 1, suppressedValues);
    else
        notice += " Jumlah kecil TIDAK disembunyikan.";
    return notice;
}

} // namespace gis
