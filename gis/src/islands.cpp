#include "gis/islands.h"

#include "detail/geos.h"
#include "gis/error.h"
#include "gis/geodesy.h"
#include "gis/geometryops.h"
#include "gis/measure.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace gis {

using detail::checked;
using detail::GeosGeomPtr;
using detail::geosHandle;
using detail::GeosPreparedPtr;
using detail::polygonsFromGeos;
using detail::toGeos;

namespace {

std::optional<double> parseNumber(const std::string& s)
{
    if (s.empty())
        return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size() || !std::isfinite(v))
            return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

std::string islandStatusName(IslandStatus status)
{
    switch (status) {
    case IslandStatus::Mainland:
        return "mainland";
    case IslandStatus::PartlyIsland:
        return "partly_island";
    case IslandStatus::Island:
        return "island";
    case IslandStatus::NoGeometry:
        return "no_geometry";
    }
    return "unknown";
}

const IslandFlag* IslandResult::find(const std::string& code) const
{
    for (const auto& f : villages)
        if (f.code == code)
            return &f;
    return nullptr;
}

std::size_t IslandResult::count(IslandStatus status) const
{
    return static_cast<std::size_t>(
        std::count_if(villages.begin(), villages.end(), [&](const IslandFlag& f) { return f.status == status; }));
}

IslandResult islandFlags(const Dataset& ds, const IslandOptions& options)
{
    const auto lon = parseNumber(ds.metaValue("capital_lon"));
    const auto lat = parseNumber(ds.metaValue("capital_lat"));
    if (!lon || !lat)
        throw Error("the project has no regency capital: set the meta values 'capital_lon' and 'capital_lat' "
                    "(degrees, WGS 84) so that islands can be told from the mainland");
    return islandFlags(ds, Point{*lon, *lat}, options);
}

IslandResult islandFlags(const Dataset& ds, Point mainlandPoint, const IslandOptions& options)
{
    IslandResult result;
    result.mainlandPoint = mainlandPoint;
    const auto villages = ds.villages();
    std::vector<MultiPolygon> geoms;
    for (const Area* a : villages)
        if (!a->geometry.empty())
            geoms.push_back(a->geometry);
    result.villages.reserve(villages.size());
    if (geoms.empty()) {
        for (const Area* a : villages)
            result.villages.push_back({a->code, IslandStatus::NoGeometry, 0.0, 0.0});
        return result;
    }
    auto h = geosHandle();

    // Land parts: union, then close gaps narrower than the tolerance.
    if (options.useBackgroundLand && !ds.backgroundLand.empty()) {
        geoms.push_back(ds.backgroundLand);
        result.notes.push_back("the background land (coastline) is part of the land: villages joined to the mainland "
                               "through it are mainland");
    }
    const MultiPolygon land = unionAll(geoms);
    const double latitude = extentOf(land).center().y;
    const double metresPerDegreeLon = 111320.0 * std::max(std::cos(geodesy::radians(latitude)), 0.01);
    // Half the gap from each side; the smaller metres-per-degree (longitude) so the buffer is at
    // least that wide in every direction.
    const double bufferDeg = std::max(options.gapToleranceM, 0.0) / 2.0 / std::min(metresPerDegreeLon, 110574.0);
    GeosGeomPtr landGeom = toGeos(land);
    GeosGeomPtr closed = bufferDeg > 0.0 ? checked(GEOSBuffer_r(h, landGeom.get(), bufferDeg, 4), "buffer the land")
                                         : checked(GEOSUnaryUnion_r(h, landGeom.get()), "union the land");
    const MultiPolygon parts = polygonsFromGeos(closed.get());
    result.landParts = parts.size();

    // The mainland: the part holding the point, else the nearest part.
    GeosGeomPtr point = toGeos(mainlandPoint);
    std::size_t mainland = 0;
    double nearest = std::numeric_limits<double>::infinity();
    std::vector<GeosGeomPtr> partGeoms;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        partGeoms.push_back(toGeos(MultiPolygon{parts[i]}));
        double d = 0.0;
        if (GEOSDistance_r(h, partGeoms.back().get(), point.get(), &d) != 1)
            throw GeometryError("distance to a land part failed: "
                                + detail::GeosContext::forThisThread().takeLastError());
        if (d < nearest) {
            nearest = d;
            mainland = i;
        }
    }
    result.mainlandPointOnLand = nearest == 0.0;
    if (!result.mainlandPointOnLand)
        result.notes.push_back(fmt::format("the capital ({:.5f}, {:.5f}) lies on no village polygon: the nearest land "
                                           "part, {:.3f} degrees away, is taken as the mainland",
                                           mainlandPoint.x, mainlandPoint.y, nearest));
    GeosPreparedPtr prepared(GEOSPrepare_r(h, partGeoms[mainland].get()));
    const double minOffKm2 = std::max(options.minOffMainlandKm2, 1e-6); // at least 1 m² of numerical noise
    std::size_t ignored = 0;

    for (const Area* a : villages) {
        IslandFlag flag;
        flag.code = a->code;
        if (a->geometry.empty()) {
            flag.status = IslandStatus::NoGeometry;
            result.notes.push_back(fmt::format("village {} ({}) has no polygon: not flagged", a->code, a->name));
            result.villages.push_back(flag);
            continue;
        }
        flag.areaKm2 = geodesicAreaKm2(a->geometry);
        GeosGeomPtr g = toGeos(a->geometry);
        if (GEOSPreparedContains_r(h, prepared.get(), g.get()) == 1) {
            flag.status = IslandStatus::Mainland;
        } else if (GEOSPreparedIntersects_r(h, prepared.get(), g.get()) != 1) {
            flag.status = IslandStatus::Island;
            flag.offMainlandKm2 = flag.areaKm2;
        } else {
            const MultiPolygon off = polygonsFromGeos(
                checked(GEOSDifference_r(h, g.get(), partGeoms[mainland].get()), "village minus mainland").get());
            const double offKm2 = off.empty() ? 0.0 : geodesicAreaKm2(off);
            if (offKm2 < minOffKm2) {
                flag.status = IslandStatus::Mainland;
                if (offKm2 >= 1e-6)
                    ++ignored;
            } else if (offKm2 >= flag.areaKm2 - 1e-6) {
                flag.status = IslandStatus::Island;
                flag.offMainlandKm2 = flag.areaKm2;
            } else {
                flag.status = IslandStatus::PartlyIsland;
                flag.offMainlandKm2 = offKm2;
            }
        }
        result.villages.push_back(flag);
    }
    if (ignored > 0)
        result.notes.push_back(
            fmt::format("{} village(s) with less than {} km² off the mainland (a sliver or rock) counted as mainland",
                        ignored, options.minOffMainlandKm2));
    return result;
}

} // namespace gis
