#pragma once
/// \file colorramp.h
/// ColorBrewer sequential colour schemes (Cynthia A. Brewer, Pennsylvania State University,
/// colorbrewer2.org; Apache-2.0 style licence) with their exact published values.
#include <QColor>

#include <string>
#include <vector>

namespace layers {

/// \brief The default ramp: YlOrRd, colour-blind safe and print friendly.
inline constexpr const char* kDefaultRamp = "YlOrRd";

/// \brief Names of the available sequential ramps: YlOrRd, OrRd, Reds, Blues, Greens, YlGnBu, Purples.
std::vector<std::string> rampNames();
/// \brief True when \a name is one of rampNames() (case-sensitive).
bool hasRamp(const std::string& name);

/// \brief The ColorBrewer scheme \a name with \a classes colours, lightest first.
/// \throws std::invalid_argument for an unknown name or classes outside 3..9.
std::vector<QColor> colorBrewer(const std::string& name, int classes);

/// \brief \a classes colours for a map: colorBrewer() for 3..9 classes; for 1 the middle and
/// for 2 the outer colours of the 3-class scheme.
/// \throws std::invalid_argument for an unknown name or classes outside 1..9.
std::vector<QColor> rampColors(const std::string& name, int classes);

/// \brief Fill of areas without a value: #d9d9d9 (neutral light grey, distinct from every ramp).
QColor noDataColor();
/// \brief Hatching drawn over the no-data fill so it reads in black and white: #969696.
QColor noDataHatchColor();

} // namespace layers
