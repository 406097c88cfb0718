#include "gis/text.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iterator>

namespace gis {

std::string asciiLower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trimmed(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

std::string isoUtcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", tm);
}

void appendCsvNumber(std::string& out, double v)
{
    if (std::isnan(v))
        return;
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        fmt::format_to(std::back_inserter(out), "{:.0f}", v);
        return;
    }
    const std::size_t start = out.size();
    fmt::format_to(std::back_inserter(out), "{:.6f}", v);
    while (out.size() > start && out.back() == '0')
        out.pop_back();
    if (out.size() > start && out.back() == '.')
        out.pop_back();
    if (out.size() - start == 2 && out[start] == '-' && out[start + 1] == '0')
        out.erase(start, 1); // "-0" from rounding a small negative number
}

std::string csvNumber(double v)
{
    std::string s;
    appendCsvNumber(s, v);
    return s;
}

std::string csvSafeText(std::string_view text)
{
    if (!text.empty()) {
        const char first = text.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
            return "'" + std::string(text);
    }
    return std::string(text);
}

std::string csvQuoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : csvSafeText(text)) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string clippedForMessage(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    std::size_t cut = maxBytes > 20 ? maxBytes - 20 : maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // not inside a multi-byte character
    std::size_t characters = 0;
    for (char c : text)
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return fmt::format("{}... ({} characters)", text.substr(0, cut), characters);
}

} // namespace gis
