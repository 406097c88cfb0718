#pragma once
/// \file geometryops.h
/// Planar geometry operations through the GEOS reentrant C API (one context per thread).
/// GEOS is unit-blind: these work in the coordinates given (degrees for project data);
/// for areas and distances in metres use measure.h.
#include "gis/geometry.h"

#include <string>
#include <vector>

namespace gis {

/// \brief Result of checking and repairing a polygon geometry.
struct RepairResult {
    MultiPolygon geometry; ///< valid geometry (the input when it was already valid)
    bool wasValid = true;
    std::string reason; ///< GEOS's reason when it was invalid, e.g. "Self-intersection[...]"
};

/// \brief Parses WKT of a Polygon or MultiPolygon. \throws GeometryError naming the text's start.
MultiPolygon multiPolygonFromWkt(const std::string& wkt);
/// \brief Writes a MultiPolygon as WKT.
std::string toWkt(const MultiPolygon& mp);

/// \brief Checks validity; when invalid, repairs with GEOSMakeValid keeping polygonal parts.
/// \throws GeometryError if GEOS fails.
RepairResult makeValid(const MultiPolygon& mp);
bool isValid(const MultiPolygon& mp, std::string* reason = nullptr);

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b);
MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b);
/// \brief Union of many polygons (cascaded), e.g. dissolving pekon into a kecamatan.
MultiPolygon unionAll(const std::vector<MultiPolygon>& parts);
/// \brief Which way gis::unionCoverage dissolved.
enum class DissolvePath {
    SinglePolygon,  ///< one polygon: nothing to dissolve
    CancelledEdges, ///< a clean coverage: shared edges cancelled, the rest chained into rings
    CoverageUnion,  ///< GEOSCoverageUnion_r (a coverage whose rings touch at nodes)
    FullUnion,      ///< not a coverage: the full overlay union of unionAll
};
/// \brief Whether the parts were found not to overlap, so that the union's area is their sum.
inline bool partsDoNotOverlap(DissolvePath path)
{
    return path != DissolvePath::FullUnion;
}
/// \brief The same union as unionAll for parts that form a coverage (neighbours share their
/// boundary vertex for vertex, nothing overlaps), computed by cancelling shared edges in
/// n log n time. The result is checked (valid; for GEOS's coverage union also the area equal to
/// the parts' summed planar area within 1e-11 relative); where the check fails the full union of
/// unionAll is returned. \a path, when given, tells which path gave the result. Thread-safe (the
/// calling thread's GEOS context). \throws GeometryError if the fallback union fails.
MultiPolygon unionCoverage(const std::vector<MultiPolygon>& parts, DissolvePath* path = nullptr);
/// \brief Planar area in squared coordinate units (degrees² for project data).
double planarArea(const MultiPolygon& mp);

/// \brief Planar centroid (may lie outside a concave or multipart polygon).
Point centroid(const MultiPolygon& mp);
/// \brief A point guaranteed to lie inside the polygon (GEOSPointOnSurface).
Point pointOnSurface(const MultiPolygon& mp);

/// \brief Voronoi cells of \a seeds clipped to \a clip: cell i belongs to seed i (empty if
/// the seed's cell misses the clip area). Seeds must be distinct.
std::vector<MultiPolygon> voronoiCells(const std::vector<Point>& seeds, const MultiPolygon& clip);

/// \brief Simplifies with Douglas-Peucker, preserving topology; tolerance in coordinate units.
MultiPolygon simplify(const MultiPolygon& mp, double tolerance);

} // namespace gis
