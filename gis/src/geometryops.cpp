#include "gis/geometryops.h"

#include "detail/edgedissolve.h"
#include "detail/geos.h"
#include "gis/error.h"

#include <geos_c.h>

#include <cmath>

namespace gis {

using detail::checked;
using detail::GeosGeomPtr;
using detail::geosHandle;
using detail::polygonsFromGeos;
using detail::toGeos;

namespace {

struct WktReaderDeleter {
    void operator()(GEOSWKTReader* r) const noexcept { GEOSWKTReader_destroy_r(geosHandle(), r); }
};
struct WktWriterDeleter {
    void operator()(GEOSWKTWriter* w) const noexcept { GEOSWKTWriter_destroy_r(geosHandle(), w); }
};
struct GeosStringDeleter {
    void operator()(char* s) const noexcept { GEOSFree_r(geosHandle(), s); }
};

} // namespace

MultiPolygon multiPolygonFromWkt(const std::string& wkt)
{
    std::unique_ptr<GEOSWKTReader, WktReaderDeleter> reader(GEOSWKTReader_create_r(geosHandle()));
    GEOSGeometry* raw = GEOSWKTReader_read_r(geosHandle(), reader.get(), wkt.c_str());
    if (!raw)
        throw GeometryError("cannot parse WKT '" + wkt.substr(0, 40) + (wkt.size() > 40 ? "...'" : "'") + ": "
                            + detail::GeosContext::forThisThread().takeLastError());
    GeosGeomPtr g(raw);
    const int type = GEOSGeomTypeId_r(geosHandle(), g.get());
    if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON)
        throw GeometryError("WKT '" + wkt.substr(0, 40) + "' is not a polygon or multipolygon");
    return polygonsFromGeos(g.get());
}

std::string toWkt(const MultiPolygon& mp)
{
    GeosGeomPtr g = toGeos(mp);
    std::unique_ptr<GEOSWKTWriter, WktWriterDeleter> writer(GEOSWKTWriter_create_r(geosHandle()));
    GEOSWKTWriter_setTrim_r(geosHandle(), writer.get(), 1);
    std::unique_ptr<char, GeosStringDeleter> text(GEOSWKTWriter_write_r(geosHandle(), writer.get(), g.get()));
    return text ? std::string(text.get()) : std::string{};
}

bool isValid(const MultiPolygon& mp, std::string* reason)
{
    GeosGeomPtr g = toGeos(mp);
    const char valid = GEOSisValid_r(geosHandle(), g.get());
    if (valid == 2)
        throw GeometryError("validity check failed: " + detail::GeosContext::forThisThread().takeLastError());
    if (!valid && reason) {
        std::unique_ptr<char, GeosStringDeleter> why(GEOSisValidReason_r(geosHandle(), g.get()));
        *reason = why ? why.get() : "invalid";
    }
    return valid == 1;
}

RepairResult makeValid(const MultiPolygon& mp)
{
    RepairResult result;
    std::string reason;
    if (isValid(mp, &reason)) {
        result.geometry = mp;
        return result;
    }
    result.wasValid = false;
    result.reason = reason;
    GeosGeomPtr g = toGeos(mp);
    // The "structure" method keeps the area a planner sees (a bow-tie keeps both lobes).
    std::unique_ptr<GEOSMakeValidParams, void (*)(GEOSMakeValidParams*)> params(
        GEOSMakeValidParams_create_r(geosHandle()),
        [](GEOSMakeValidParams* p) { GEOSMakeValidParams_destroy_r(geosHandle(), p); });
    GEOSMakeValidParams_setMethod_r(geosHandle(), params.get(), GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(geosHandle(), params.get(), 0);
    GeosGeomPtr fixed = checked(GEOSMakeValidWithParams_r(geosHandle(), g.get(), params.get()), "make valid");
    result.geometry = polygonsFromGeos(fixed.get());
    return result;
}

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b)
{
    GeosGeomPtr ga = toGeos(a), gb = toGeos(b);
    return polygonsFromGeos(checked(GEOSIntersection_r(geosHandle(), ga.get(), gb.get()), "intersection").get());
}

MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b)
{
    GeosGeomPtr ga = toGeos(a), gb = toGeos(b);
    return polygonsFromGeos(checked(GEOSDifference_r(geosHandle(), ga.get(), gb.get()), "difference").get());
}

MultiPolygon unionAll(const std::vector<MultiPolygon>& parts)
{
    MultiPolygon all;
    for (const MultiPolygon& mp : parts)
        all.insert(all.end(), mp.begin(), mp.end());
    if (all.empty())
        return {};
    // A multipolygon whose parts overlap is invalid as such, but GEOSUnaryUnion accepts it.
    GeosGeomPtr g = toGeos(all);
    return polygonsFromGeos(checked(GEOSUnaryUnion_r(geosHandle(), g.get()), "union").get());
}

MultiPolygon unionCoverage(const std::vector<MultiPolygon>& parts, DissolvePath* path)
{
    DissolvePath ignored;
    DissolvePath& took = path ? *path : ignored;
    took = DissolvePath::FullUnion;
    MultiPolygon all;
    for (const MultiPolygon& mp : parts)
        all.insert(all.end(), mp.begin(), mp.end());
    if (all.empty())
        return {};
    if (all.size() == 1) {
        took = DissolvePath::SinglePolygon;
        return all;
    }
    // A clean coverage (neighbours sharing their vertices, no overlaps) dissolves by cancelling
    // its shared edges; only a valid result is the union (rings that cross mean overlapping parts).
    detail::CancelledEdges cancelled = detail::dissolveByCancellingEdges(all);
    if (cancelled.dissolved && GEOSisValid_r(geosHandle(), toGeos(*cancelled.dissolved).get()) == 1) {
        took = DissolvePath::CancelledEdges;
        return std::move(*cancelled.dissolved);
    }
    (void)detail::GeosContext::forThisThread().takeLastError();
    GeosGeomPtr g = toGeos(all);
    // GEOSCoverageUnion_r also cancels the edges that two parts share, where rings touch at a
    // node too. Its result is accepted only when it is valid and keeps the parts' summed area;
    // otherwise (slivers, overlaps, edges that do not match) the full overlay union decides.
    GEOSGeometry* raw = cancelled.sharesMostEdges ? GEOSCoverageUnion_r(geosHandle(), g.get()) : nullptr;
    if (raw) {
        GeosGeomPtr coverage(raw);
        double partsArea = 0.0, unionArea = 0.0;
        const bool measured = GEOSArea_r(geosHandle(), g.get(), &partsArea) == 1
            && GEOSArea_r(geosHandle(), coverage.get(), &unionArea) == 1;
        constexpr double kRelativeAreaTolerance = 1e-11;
        if (measured && partsArea > 0.0 && std::abs(unionArea - partsArea) <= kRelativeAreaTolerance * partsArea
            && GEOSisValid_r(geosHandle(), coverage.get()) == 1) {
            took = DissolvePath::CoverageUnion;
            return polygonsFromGeos(coverage.get());
        }
    } else {
        // not noded as a coverage (real boundaries seldom are) or overlapping: fall back
        (void)detail::GeosContext::forThisThread().takeLastError();
    }
    return polygonsFromGeos(checked(GEOSUnaryUnion_r(geosHandle(), g.get()), "union").get());
}

double planarArea(const MultiPolygon& mp)
{
    GeosGeomPtr g = toGeos(mp);
    double area = 0.0;
    if (!GEOSArea_r(geosHandle(), g.get(), &area))
        throw GeometryError("planar area failed: " + detail::GeosContext::forThisThread().takeLastError());
    return area;
}

Point centroid(const MultiPolygon& mp)
{
    if (mp.empty())
        throw GeometryError("centroid of an empty polygon");
    GeosGeomPtr g = toGeos(mp);
    return detail::pointFromGeos(checked(GEOSGetCentroid_r(geosHandle(), g.get()), "centroid").get());
}

Point pointOnSurface(const MultiPolygon& mp)
{
    if (mp.empty())
        throw GeometryError("point on surface of an empty polygon");
    GeosGeomPtr g = toGeos(mp);
    return detail::pointFromGeos(checked(GEOSPointOnSurface_r(geosHandle(), g.get()), "point on surface").get());
}

std::vector<MultiPolygon> voronoiCells(const std::vector<Point>& seeds, const MultiPolygon& clip)
{
    std::vector<MultiPolygon> cells(seeds.size());
    if (seeds.empty())
        return cells;
    auto h = geosHandle();
    std::vector<GEOSGeometry*> pts;
    for (Point p : seeds)
        pts.push_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));
    GeosGeomPtr multipoint = checked(
        GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, pts.data(), static_cast<unsigned>(pts.size())), "seeds");
    GeosGeomPtr clipGeom = toGeos(clip);
    // The envelope must cover the clip area, or GEOS clips the diagram to the seeds' hull.
    GeosGeomPtr envelope = checked(GEOSEnvelope_r(h, clipGeom.get()), "envelope");
    GeosGeomPtr diagram = checked(GEOSVoronoiDiagram_r(h, multipoint.get(), envelope.get(), 0.0, 0), "voronoi");

    // GEOS returns cells in no guaranteed order: match each cell to the seed it contains.
    const int n = GEOSGetNumGeometries_r(h, diagram.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), i);
        detail::GeosPreparedPtr preparedCell(GEOSPrepare_r(h, cell));
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            if (!cells[s].empty())
                continue;
            if (GEOSPreparedIntersects_r(h, preparedCell.get(), pts[s]) == 1) {
                cells[s] = polygonsFromGeos(checked(GEOSIntersection_r(h, cell, clipGeom.get()), "clip cell").get());
                if (cells[s].empty())
                    cells[s] = MultiPolygon{}; // seed's cell misses the clip area
                break;
            }
        }
    }
    return cells;
}

MultiPolygon simplify(const MultiPolygon& mp, double tolerance)
{
    GeosGeomPtr g = toGeos(mp);
    return polygonsFromGeos(
        checked(GEOSTopologyPreserveSimplify_r(geosHandle(), g.get(), tolerance), "simplify").get());
}

} // namespace gis
