#include "layers/colorramp.h"

#include "gis/text.h"

#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string_view>

namespace layers {

namespace {

/// One scheme as published on colorbrewer2.org (values checked against the site's
/// colorbrewer_schemes.js). Sequential and diverging schemes differ per class count, so
/// byCount holds the 3..9-class schemes as concatenated 6-digit hex colours; a qualitative
/// scheme with n colours is the first n of its largest, so `all` holds only that one.
struct Scheme {
    RampKind kind;
    std::array<std::string_view, 7> byCount; // 3..9 classes (sequential, diverging)
    std::string_view all;                    // every colour (qualitative)
    int maxClasses;
    /// Largest class count ColorBrewer flags colour-blind safe ('blind' 1 in
    /// colorbrewer_schemes.js; 2, "possibly safe", is not counted). The diverging schemes are
    /// flagged safe up to 11, beyond the 9 kept here.
    int colorBlindSafeUpTo;
};

Scheme sequential(std::array<std::string_view, 7> byCount)
{
    return {RampKind::Sequential, byCount, {}, 9, 9};
}

Scheme diverging(std::array<std::string_view, 7> byCount)
{
    return {RampKind::Diverging, byCount, {}, 9, 9};
}

Scheme qualitative(std::string_view all, int colorBlindSafeUpTo)
{
    return {RampKind::Qualitative, {}, all, static_cast<int>(all.size() / 6), colorBlindSafeUpTo};
}

const std::map<std::string, Scheme, std::less<>>& schemes()
{
    static const std::map<std::string, Scheme, std::less<>> kSchemes = {
        {"YlOrRd",
         sequential({"ffeda0feb24cf03b20", "ffffb2fecc5cfd8d3ce31a1c", "ffffb2fecc5cfd8d3cf03b20bd0026",
                     "ffffb2fed976feb24cfd8d3cf03b20bd0026", "ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026",
                     "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026",
                     "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026"})},
        {"OrRd",
         sequential({"fee8c8fdbb84e34a33", "fef0d9fdcc8afc8d59d7301f", "fef0d9fdcc8afc8d59e34a33b30000",
                     "fef0d9fdd49efdbb84fc8d59e34a33b30000", "fef0d9fdd49efdbb84fc8d59ef6548d7301f990000",
                     "fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301f990000",
                     "fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301fb300007f0000"})},
        {"Reds",
         sequential({"fee0d2fc9272de2d26", "fee5d9fcae91fb6a4acb181d", "fee5d9fcae91fb6a4ade2d26a50f15",
                     "fee5d9fcbba1fc9272fb6a4ade2d26a50f15", "fee5d9fcbba1fc9272fb6a4aef3b2ccb181d99000d",
                     "fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181d99000d",
                     "fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181da50f1567000d"})},
        {"Blues",
         sequential({"deebf79ecae13182bd", "eff3ffbdd7e76baed62171b5", "eff3ffbdd7e76baed63182bd08519c",
                     "eff3ffc6dbef9ecae16baed63182bd08519c", "eff3ffc6dbef9ecae16baed64292c62171b5084594",
                     "f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594",
                     "f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b"})},
        {"Greens",
         sequential({"e5f5e0a1d99b31a354", "edf8e9bae4b374c476238b45", "edf8e9bae4b374c47631a354006d2c",
                     "edf8e9c7e9c0a1d99b74c47631a354006d2c", "edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32",
                     "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32",
                     "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b"})},
        {"YlGnBu",
         sequential({"edf8b17fcdbb2c7fb8", "ffffcca1dab441b6c4225ea8", "ffffcca1dab441b6c42c7fb8253494",
                     "ffffccc7e9b47fcdbb41b6c42c7fb8253494", "ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84",
                     "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84",
                     "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58"})},
        {"Purples",
         sequential({"efedf5bcbddc756bb1", "f2f0f7cbc9e29e9ac86a51a3", "f2f0f7cbc9e29e9ac8756bb154278f",
                     "f2f0f7dadaebbcbddc9e9ac8756bb154278f", "f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486",
                     "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486",
                     "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d"})},
        {"RdBu",
         diverging({"ef8a62f7f7f767a9cf", "ca0020f4a58292c5de0571b0", "ca0020f4a582f7f7f792c5de0571b0",
                    "b2182bef8a62fddbc7d1e5f067a9cf2166ac", "b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac",
                    "b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac",
                    "b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac"})},
        {"RdYlBu",
         diverging({"fc8d59ffffbf91bfdb", "d7191cfdae61abd9e92c7bb6", "d7191cfdae61ffffbfabd9e92c7bb6",
                    "d73027fc8d59fee090e0f3f891bfdb4575b4", "d73027fc8d59fee090ffffbfe0f3f891bfdb4575b4",
                    "d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4",
                    "d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4"})},
        {"PuOr",
         diverging({"f1a340f7f7f7998ec3", "e66101fdb863b2abd25e3c99", "e66101fdb863f7f7f7b2abd25e3c99",
                    "b35806f1a340fee0b6d8daeb998ec3542788", "b35806f1a340fee0b6f7f7f7d8daeb998ec3542788",
                    "b35806e08214fdb863fee0b6d8daebb2abd28073ac542788",
                    "b35806e08214fdb863fee0b6f7f7f7d8daebb2abd28073ac542788"})},
        {"BrBG",
         diverging({"d8b365f5f5f55ab4ac", "a6611adfc27d80cdc1018571", "a6611adfc27df5f5f580cdc1018571",
                    "8c510ad8b365f6e8c3c7eae55ab4ac01665e", "8c510ad8b365f6e8c3f5f5f5c7eae55ab4ac01665e",
                    "8c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e",
                    "8c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e"})},
        {"PiYG",
         diverging({"e9a3c9f7f7f7a1d76a", "d01c8bf1b6dab8e1864dac26", "d01c8bf1b6daf7f7f7b8e1864dac26",
                    "c51b7de9a3c9fde0efe6f5d0a1d76a4d9221", "c51b7de9a3c9fde0eff7f7f7e6f5d0a1d76a4d9221",
                    "c51b7dde77aef1b6dafde0efe6f5d0b8e1867fbc414d9221",
                    "c51b7dde77aef1b6dafde0eff7f7f7e6f5d0b8e1867fbc414d9221"})},
        {"Set2", qualitative("66c2a5fc8d628da0cbe78ac3a6d854ffd92fe5c494b3b3b3", 3)},
        {"Dark2", qualitative("1b9e77d95f027570b3e7298a66a61ee6ab02a6761d666666", 3)},
        {"Paired", qualitative("a6cee31f78b4b2df8a33a02cfb9a99e31a1cfdbf6fff7f00cab2d66a3d9affff99b15928", 4)},
    };
    return kSchemes;
}

const Scheme& findScheme(const std::string& name)
{
    const auto& all = schemes();
    const auto it = all.find(name);
    if (it == all.end()) {
        std::string known;
        for (const auto& n : allRampNames())
            known += (known.empty() ? "" : ", ") + n;
        throw std::invalid_argument("unknown colour ramp '" + name + "' (available: " + known + ")");
    }
    return it->second;
}

std::vector<QColor> parseHex(std::string_view hex, std::size_t count)
{
    std::vector<QColor> colors;
    for (std::size_t i = 0; i < count && i * 6 + 6 <= hex.size(); ++i) {
        const std::string text = "#" + std::string(hex.substr(i * 6, 6));
        colors.emplace_back(QColor::fromString(text.c_str()));
    }
    return colors;
}

/// \a color moved the fraction \a t of the way to white.
QColor towardsWhite(const QColor& color, double t)
{
    const auto mix = [t](int channel) { return static_cast<int>(std::lround(channel + (255 - channel) * t)); };
    return QColor(mix(color.red()), mix(color.green()), mix(color.blue()));
}

} // namespace

std::vector<std::string> rampNames()
{
    return {"YlOrRd", "OrRd", "Reds", "Blues", "Greens", "YlGnBu", "Purples"};
}

std::vector<std::string> allRampNames()
{
    std::vector<std::string> names = rampNames();
    for (const char* name : {"RdBu", "RdYlBu", "PuOr", "BrBG", "PiYG", "Set2", "Dark2", "Paired"})
        names.emplace_back(name);
    return names;
}

bool hasRamp(const std::string& name)
{
    // Only the sequential ramps: the choropleth validates its ramp with this.
    const auto it = schemes().find(name);
    return it != schemes().end() && it->second.kind == RampKind::Sequential;
}

RampKind rampKind(const std::string& name)
{
    return findScheme(name).kind;
}

int maxRampClasses(const std::string& name)
{
    return findScheme(name).maxClasses;
}

bool isColorBlindSafe(const std::string& name, int classes)
{
    const Scheme& scheme = findScheme(name);
    return classes >= 1 && classes <= scheme.colorBlindSafeUpTo;
}

bool isColorBlindSafe(const std::string& name)
{
    const Scheme& scheme = findScheme(name);
    return scheme.colorBlindSafeUpTo >= scheme.maxClasses;
}

std::vector<QColor> colorBrewer(const std::string& name, int classes)
{
    const Scheme& scheme = findScheme(name);
    if (classes < 3 || classes > scheme.maxClasses)
        throw std::invalid_argument("colour ramp '" + name + "' has schemes for 3 to "
                                    + std::to_string(scheme.maxClasses) + " classes (asked for "
                                    + std::to_string(classes) + ")");
    const auto count = static_cast<std::size_t>(classes);
    if (scheme.kind == RampKind::Qualitative)
        return parseHex(scheme.all, count);
    return parseHex(scheme.byCount[count - 3], count);
}

std::vector<QColor> rampColors(const std::string& name, int classes)
{
    if (classes >= 3)
        return colorBrewer(name, classes);
    if (classes < 1)
        throw std::invalid_argument("a colour ramp needs at least one class (asked for " + std::to_string(classes)
                                    + ")");
    const auto three = colorBrewer(name, 3);
    if (rampKind(name) == RampKind::Qualitative)
        return {three.begin(), three.begin() + classes};
    if (classes == 1)
        return {three[1]};
    return {three[0], three[2]};
}

std::vector<QColor> qualitativeColors(const std::string& name, int count)
{
    const Scheme& scheme = findScheme(name);
    if (scheme.kind != RampKind::Qualitative)
        throw std::invalid_argument("colour ramp '" + name + "' is not qualitative (Set2, Dark2, Paired are)");
    if (count < 0)
        throw std::invalid_argument("qualitativeColors: negative count " + std::to_string(count));
    const std::vector<QColor> base = parseHex(scheme.all, static_cast<std::size_t>(scheme.maxClasses));
    std::vector<QColor> colors;
    colors.reserve(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i) {
        const std::size_t round = i / base.size();
        const QColor& original = base[i % base.size()];
        colors.push_back(round == 0 ? original
                                    : towardsWhite(original, 1.0 - std::pow(0.6, static_cast<double>(round))));
    }
    return colors;
}

QColor lisaClusterColor(const std::string& cluster)
{
    const std::string name = gis::asciiLower(cluster);
    if (name == "high-high")
        return QColor(0xd7, 0x19, 0x1c);
    if (name == "low-low")
        return QColor(0x2c, 0x7b, 0xb6);
    if (name == "low-high")
        return QColor(0xa7, 0xad, 0xf9);
    if (name == "high-low")
        return QColor(0xf4, 0xad, 0xa8);
    if (name == "not significant")
        return QColor(0xee, 0xee, 0xee);
    if (name == "not tested" || name == "no neighbours" || name == "no neighbors" || name == "island")
        return noDataColor();
    throw std::invalid_argument("unknown LISA cluster '" + cluster
                                + "' (high-high, low-low, low-high, high-low, not significant, not tested)");
}

QColor noDataColor()
{
    return QColor(0xd9, 0xd9, 0xd9);
}

QColor noDataHatchColor()
{
    return QColor(0x96, 0x96, 0x96);
}

} // namespace layers
