// Area codes: Kemendagri and BPS schemes, kept as text (see codes.h).
#include "gis/codes.h"

#include "gis/text.h"

#include <algorithm>
#include <cctype>

namespace gis {

namespace {

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::vector<std::string_view> splitDots(std::string_view s)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        parts.push_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return parts;
}

/// Dotted Kemendagri text of an undotted code of 2, 4, 6 or 10 digits.
std::string dotted(std::string_view digits)
{
    std::string out(digits.substr(0, 2));
    if (digits.size() >= 4)
        out.append(".").append(digits.substr(2, 2));
    if (digits.size() >= 6)
        out.append(".").append(digits.substr(4, 2));
    if (digits.size() >= 10)
        out.append(".").append(digits.substr(6, 4));
    return out;
}

} // namespace

std::string codeSchemeName(CodeScheme scheme)
{
    switch (scheme) {
    case CodeScheme::Kemendagri:
        return "Kemendagri";
    case CodeScheme::Bps:
        return "BPS";
    case CodeScheme::Unknown:
        break;
    }
    return "unknown";
}

AreaCode parseAreaCode(std::string_view raw)
{
    const std::string trimmedRaw = trimmed(raw);
    std::string_view s = trimmedRaw;
    AreaCode code;
    code.text = std::string(s);
    // A code stored as a number by a spreadsheet or a DBF real field: "1806202005.0".
    if (s.size() > 2 && s.substr(s.size() - 2) == ".0" && allDigits(s.substr(0, s.size() - 2)) && s.size() - 2 != 2)
        s.remove_suffix(2);

    if (s.find('.') != std::string_view::npos) {
        const auto parts = splitDots(s);
        static constexpr std::size_t widths[] = {2, 2, 2, 4};
        if (parts.size() > 4)
            return code;
        for (std::size_t i = 0; i < parts.size(); ++i)
            if (!allDigits(parts[i]) || parts[i].size() != widths[i])
                return code;
        code.level = static_cast<int>(parts.size());
        code.scheme = CodeScheme::Kemendagri;
        code.text = std::string(s);
        return code;
    }
    if (!allDigits(s))
        return code;
    switch (s.size()) {
    case 2:
        code.level = 1;
        code.scheme = CodeScheme::Unknown;
        code.text = std::string(s);
        return code;
    case 4:
        code.level = 2;
        code.scheme = CodeScheme::Unknown;
        code.text = dotted(s);
        return code;
    case 6:
        code.level = 3;
        code.scheme = CodeScheme::Kemendagri;
        code.text = dotted(s);
        return code;
    case 7:
        code.level = 3;
        code.scheme = CodeScheme::Bps;
        code.text = std::string(s);
        return code;
    case 10:
        code.level = 4;
        if (s[6] == '1' || s[6] == '2') {
            code.scheme = CodeScheme::Kemendagri;
            code.text = dotted(s);
        } else if (s[6] == '0') {
            code.scheme = CodeScheme::Bps;
            code.text = std::string(s);
        } else {
            code.level = 0; // neither scheme numbers a village this way
        }
        return code;
    default:
        return code;
    }
}

std::string normaliseKemendagriCode(std::string_view raw)
{
    const AreaCode c = parseAreaCode(raw);
    if (!c.valid() || c.scheme == CodeScheme::Bps)
        return {};
    return c.text;
}

int kemendagriLevel(std::string_view code)
{
    const AreaCode c = parseAreaCode(code);
    return (c.valid() && c.scheme != CodeScheme::Bps && c.text == code) ? c.level : 0;
}

std::string parentKemendagriCode(std::string_view code)
{
    const std::size_t dot = code.rfind('.');
    return dot == std::string_view::npos ? std::string{} : std::string(code.substr(0, dot));
}

bool isKelurahanCode(std::string_view code)
{
    return kemendagriLevel(code) == 4 && code[9] == '1';
}

CodeSchemeGuess detectCodeScheme(const std::vector<std::string>& codes, const std::vector<std::string>& knownRegencies)
{
    CodeSchemeGuess g;
    std::size_t knownRegency = 0, unknownRegency = 0;
    for (const std::string& raw : codes) {
        if (trimmed(raw).empty())
            continue;
        const AreaCode c = parseAreaCode(raw);
        if (!c.valid()) {
            ++g.invalid;
            continue;
        }
        if (c.scheme == CodeScheme::Kemendagri && raw.find('.') == std::string::npos && c.level <= 2) {
            ++g.ambiguous;
        } else if (c.scheme == CodeScheme::Kemendagri && c.level >= 3) {
            ++g.kemendagri;
        } else if (c.scheme == CodeScheme::Bps) {
            ++g.bps;
        } else if (c.scheme == CodeScheme::Kemendagri) {
            ++g.kemendagri; // dotted "18.06": only Kemendagri writes dots
        } else {
            ++g.ambiguous;
        }
        if (c.level == 2 && !knownRegencies.empty()) {
            if (std::find(knownRegencies.begin(), knownRegencies.end(), c.text) != knownRegencies.end())
                ++knownRegency;
            else
                ++unknownRegency;
        }
    }
    if (g.kemendagri == 0 && g.bps == 0 && (knownRegency > 0 || unknownRegency > 0)) {
        // Only kabupaten-level codes: decide by the regencies the project knows.
        g.kemendagri += knownRegency;
        g.bps += unknownRegency;
    }
    if (g.kemendagri > g.bps) {
        g.scheme = CodeScheme::Kemendagri;
        g.explanation = std::to_string(g.kemendagri) + " codes have the Kemendagri form (PP.KK.CC.DDDD)";
    } else if (g.bps > g.kemendagri) {
        g.scheme = CodeScheme::Bps;
        g.explanation = std::to_string(g.bps)
            + " codes have the BPS form (PPKKCCCDDD, kecamatan of 3 digits) and need a code crosswalk "
              "to join Kemendagri-coded areas";
    } else {
        g.explanation = g.kemendagri + g.bps == 0 ? "no code decides between the Kemendagri and BPS schemes"
                                                  : "as many codes look Kemendagri as BPS";
    }
    return g;
}

} // namespace gis
