#pragma once
/// \file geodesy.h
/// The WGS 84 ellipsoid and angle conversions, in one place. Areas and distances themselves
/// are computed by PROJ's geodesic routines (gis/measure.h); these constants serve the fast
/// bounds and local scales built on top of them.
#include <numbers>

namespace gis::geodesy {

inline constexpr double kSemiMajorAxisM = 6378137.0;                              ///< WGS 84 a, metres
inline constexpr double kFlattening = 1.0 / 298.257223563;                        ///< WGS 84 f
inline constexpr double kEccentricitySquared = kFlattening * (2.0 - kFlattening); ///< e²
/// The smallest meridian radius of curvature, a(1 - e²), at the equator: no arc of a meridian
/// is shorter per radian, so it bounds geodesic distances from below.
inline constexpr double kMinMeridianRadiusM = kSemiMajorAxisM * (1.0 - kEccentricitySquared);
inline constexpr double kDegToRad = std::numbers::pi / 180.0;

constexpr double radians(double degrees)
{
    return degrees * kDegToRad;
}
constexpr double degrees(double radians)
{
    return radians / kDegToRad;
}

} // namespace gis::geodesy
