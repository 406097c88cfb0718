#pragma once
/// \file crs.h
/// Coordinate transformations through PROJ. Axis order is normalised for visualisation
/// (x = longitude/easting) once, when the transformation is created.
#include "gis/geometry.h"

#include <memory>
#include <string>

namespace gis {

/// \brief A transformation between two CRSs, each given as "EPSG:N", WKT or PROJ string.
/// \note Owns its own PROJ context: use one object from one thread at a time.
class CoordinateTransform {
public:
    /// \throws CrsError naming the definition that PROJ does not understand.
    CoordinateTransform(const std::string& sourceCrs, const std::string& targetCrs);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;

    /// \throws CrsError if the point cannot be transformed.
    Point forward(Point p) const;
    Point inverse(Point p) const;
    MultiPolygon forward(const MultiPolygon& mp) const;

private:
    struct Impl;
    std::unique_ptr<Impl> mImpl;
};

/// \brief "EPSG:327NN" (south) or "EPSG:326NN" (north): the WGS 84 UTM zone of a lon/lat point.
std::string utmCrsFor(Point lonLat);

} // namespace gis
