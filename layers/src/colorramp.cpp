#include "layers/colorramp.h"

#include <array>
#include <map>
#include <stdexcept>
#include <string_view>

namespace layers {

namespace {

/// Each entry: the 3..9-class schemes as concatenated 6-digit hex colours (colorbrewer2.org).
using Schemes = std::array<std::string_view, 7>;

const std::map<std::string, Schemes, std::less<>>& schemes()
{
    static const std::map<std::string, Schemes, std::less<>> kSchemes = {
        {"YlOrRd",
         {"ffeda0feb24cf03b20", "ffffb2fecc5cfd8d3ce31a1c", "ffffb2fecc5cfd8d3cf03b20bd0026",
          "ffffb2fed976feb24cfd8d3cf03b20bd0026", "ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026",
          "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026",
          "ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026"}},
        {"OrRd",
         {"fee8c8fdbb84e34a33", "fef0d9fdcc8afc8d59d7301f", "fef0d9fdcc8afc8d59e34a33b30000",
          "fef0d9fdd49efdbb84fc8d59e34a33b30000", "fef0d9fdd49efdbb84fc8d59ef6548d7301f990000",
          "fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301f990000",
          "fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301fb300007f0000"}},
        {"Reds",
         {"fee0d2fc9272de2d26", "fee5d9fcae91fb6a4acb181d", "fee5d9fcae91fb6a4ade2d26a50f15",
          "fee5d9fcbba1fc9272fb6a4ade2d26a50f15", "fee5d9fcbba1fc9272fb6a4aef3b2ccb181d99000d",
          "fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181d99000d",
          "fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181da50f1567000d"}},
        {"Blues",
         {"deebf79ecae13182bd", "eff3ffbdd7e76baed62171b5", "eff3ffbdd7e76baed63182bd08519c",
          "eff3ffc6dbef9ecae16baed63182bd08519c", "eff3ffc6dbef9ecae16baed64292c62171b5084594",
          "f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594",
          "f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b"}},
        {"Greens",
         {"e5f5e0a1d99b31a354", "edf8e9bae4b374c476238b45", "edf8e9bae4b374c47631a354006d2c",
          "edf8e9c7e9c0a1d99b74c47631a354006d2c", "edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32",
          "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32",
          "f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b"}},
        {"YlGnBu",
         {"edf8b17fcdbb2c7fb8", "ffffcca1dab441b6c4225ea8", "ffffcca1dab441b6c42c7fb8253494",
          "ffffccc7e9b47fcdbb41b6c42c7fb8253494", "ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84",
          "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84",
          "ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58"}},
        {"Purples",
         {"efedf5bcbddc756bb1", "f2f0f7cbc9e29e9ac86a51a3", "f2f0f7cbc9e29e9ac8756bb154278f",
          "f2f0f7dadaebbcbddc9e9ac8756bb154278f", "f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486",
          "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486",
          "fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d"}},
    };
    return kSchemes;
}

const Schemes& findScheme(const std::string& name)
{
    const auto& all = schemes();
    const auto it = all.find(name);
    if (it == all.end()) {
        std::string known;
        for (const auto& n : rampNames())
            known += (known.empty() ? "" : ", ") + n;
        throw std::invalid_argument("unknown colour ramp '" + name + "' (available: " + known + ")");
    }
    return it->second;
}

} // namespace

std::vector<std::string> rampNames()
{
    return {"YlOrRd", "OrRd", "Reds", "Blues", "Greens", "YlGnBu", "Purples"};
}

bool hasRamp(const std::string& name)
{
    return schemes().contains(name);
}

std::vector<QColor> colorBrewer(const std::string& name, int classes)
{
    const Schemes& scheme = findScheme(name);
    if (classes < 3 || classes > 9)
        throw std::invalid_argument("colour ramp '" + name + "' has schemes for 3 to 9 classes (asked for "
                                    + std::to_string(classes) + ")");
    const std::string_view hex = scheme[static_cast<std::size_t>(classes - 3)];
    std::vector<QColor> colors;
    for (std::size_t i = 0; i + 6 <= hex.size(); i += 6) {
        const std::string text = "#" + std::string(hex.substr(i, 6));
        colors.emplace_back(QColor::fromString(text.c_str()));
    }
    return colors;
}

std::vector<QColor> rampColors(const std::string& name, int classes)
{
    if (classes >= 3)
        return colorBrewer(name, classes);
    if (classes < 1)
        throw std::invalid_argument("a colour ramp needs at least one class (asked for " + std::to_string(classes)
                                    + ")");
    const auto three = colorBrewer(name, 3);
    if (classes == 1)
        return {three[1]};
    return {three[0], three[2]};
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
