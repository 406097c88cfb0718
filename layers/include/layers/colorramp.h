#pragma once
/// \file colorramp.h
/// ColorBrewer colour schemes (Cynthia A. Brewer, Pennsylvania State University,
/// colorbrewer2.org; Apache-2.0 style licence) with their exact published values: sequential
/// for choropleths, diverging for values around a midpoint, qualitative for categories; and
/// the fixed colours of LISA cluster maps.
/// \note Pure functions over constant tables (built once, thread-safe); any thread.
#include <QColor>

#include <string>
#include <vector>

namespace layers {

/// \brief The default ramp: YlOrRd, colour-blind safe and print friendly.
inline constexpr const char* kDefaultRamp = "YlOrRd";

/// \brief What a scheme is for (ColorBrewer's three types).
enum class RampKind {
    Sequential,  ///< light to dark, for ordered values (choropleths)
    Diverging,   ///< two hues from a light midpoint, for values above and below a centre
    Qualitative, ///< distinct hues without order, for categories
};

/// \brief Names of the available sequential ramps: YlOrRd, OrRd, Reds, Blues, Greens, YlGnBu, Purples.
std::vector<std::string> rampNames();
/// \brief rampNames(), then the diverging RdBu, RdYlBu, PuOr, BrBG, PiYG, then the qualitative
/// Set2, Dark2, Paired.
std::vector<std::string> allRampNames();
/// \brief True when \a name is one of rampNames() (case-sensitive).
bool hasRamp(const std::string& name);

/// \brief The kind of the scheme \a name (one of allRampNames(), case-sensitive).
/// \throws std::invalid_argument for an unknown name.
RampKind rampKind(const std::string& name);

/// \brief The largest number of classes colorBrewer() has for \a name: 9, but 8 for Set2 and
/// Dark2 and 12 for Paired. \throws std::invalid_argument for an unknown name.
int maxRampClasses(const std::string& name);

/// \brief ColorBrewer's colour-blind flag for \a name with \a classes colours. Only schemes
/// ColorBrewer marks safe count; those it marks "possibly" safe do not. Every sequential and
/// diverging scheme here is safe at all its counts; Set2 and Dark2 only with 3 colours,
/// Paired with 3 or 4. \throws std::invalid_argument for an unknown name.
bool isColorBlindSafe(const std::string& name, int classes);
/// \brief True when \a name is colour-blind safe with every class count it has (see the
/// two-argument form): the sequential and diverging schemes, none of the qualitative ones.
/// \throws std::invalid_argument for an unknown name.
bool isColorBlindSafe(const std::string& name);

/// \brief The ColorBrewer scheme \a name (any of allRampNames()) with \a classes colours:
/// sequential lightest first; diverging in ColorBrewer's order, from the first-named hue
/// through the light midpoint (RdBu: red … blue); qualitative in published order.
/// \throws std::invalid_argument for an unknown name or classes outside 3..maxRampClasses().
std::vector<QColor> colorBrewer(const std::string& name, int classes);

/// \brief \a classes colours for a map: colorBrewer() for 3 classes and more; for 1 the
/// middle and for 2 the outer colours of the 3-class scheme (the first 1 or 2 colours of a
/// qualitative scheme).
/// \throws std::invalid_argument for an unknown name or classes outside 1..maxRampClasses().
std::vector<QColor> rampColors(const std::string& name, int classes);

/// \brief \a count colours for categories from the qualitative scheme \a name: its published
/// colours in order; beyond maxRampClasses() the scheme repeats, each further round mixed
/// further towards white (40 %, 64 %, 78 %, …); all colours stay distinct (and none is white)
/// for eight rounds: 64 colours of Set2 or Dark2, 96 of Paired.
/// \throws std::invalid_argument when \a name is not a qualitative scheme or count < 0.
std::vector<QColor> qualitativeColors(const std::string& name, int count);

/// \brief Fill of a LISA cluster on a cluster map, by the names gis::clusterName() gives:
/// "high-high" #d7191c, "low-low" #2c7bb6 (the saturated ends of RdYlBu, which print better
/// than GeoDa's pure #ff0000 and #0000ff), "low-high" #a7adf9 and "high-low" #f4ada8 (GeoDa's
/// light blue and pink), "not significant" #eeeeee (GeoDa). "not tested" — an island or an
/// area without a value, also accepted as "no neighbours", "no neighbors" and "island" — is
/// noDataColor() #d9d9d9, so it takes the same noDataHatchColor() hatching as other areas
/// without a value. ASCII case is ignored.
/// \throws std::invalid_argument for any other name.
QColor lisaClusterColor(const std::string& cluster);

/// \brief Fill of areas without a value: #d9d9d9 (neutral light grey, distinct from every ramp).
QColor noDataColor();
/// \brief Hatching drawn over the no-data fill so it reads in black and white: #969696.
QColor noDataHatchColor();

} // namespace layers
