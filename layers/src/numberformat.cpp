#include "layers/numberformat.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace layers {

std::string formatNumber(double value, int decimals)
{
    if (std::isnan(value))
        return "–";
    if (std::isinf(value))
        return value > 0 ? "∞" : "-∞";
    decimals = std::clamp(decimals, 0, 12);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string digits(buffer);
    std::string fraction;
    if (const auto dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.erase(dot);
    }
    std::string grouped;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        grouped += digits[i];
        const std::size_t remaining = n - i - 1;
        if (remaining > 0 && remaining % 3 == 0)
            grouped += '.';
    }
    std::string result = grouped;
    if (!fraction.empty())
        result += "," + fraction;
    // No "-0,0": a negative value that rounds to zero is written as zero.
    const bool allZero = result.find_first_not_of("0.,") == std::string::npos;
    if (value < 0 && !allZero)
        result.insert(result.begin(), '-');
    return result;
}

std::string formatDateId(int year, int month, int day)
{
    static constexpr std::array<const char*, 12> kMonths = {"Januari",   "Februari", "Maret",    "April",
                                                            "Mei",       "Juni",     "Juli",     "Agustus",
                                                            "September", "Oktober",  "November", "Desember"};
    const char* monthName = (month >= 1 && month <= 12) ? kMonths[static_cast<std::size_t>(month - 1)] : "?";
    return std::to_string(day) + " " + monthName + " " + std::to_string(year);
}

} // namespace layers
