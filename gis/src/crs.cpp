// Coordinate transformations through PROJ.
//
// Each CoordinateTransform owns one PJ_CONTEXT and one PJ (the normalised transformation),
// both held by unique_ptrs with deleters. The PJ is declared after the context so that it is
// destroyed first. Axis order is fixed once, at construction, with
// proj_normalize_for_visualization: x = longitude/easting, y = latitude/northing.
#include "gis/crs.h"

#include "gis/error.h"

#include <proj.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <utility>

namespace gis {

namespace {

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const noexcept { proj_context_destroy(ctx); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;

struct ProjDeleter {
    void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

/// Receives PROJ's log lines for one context (instead of stderr) and keeps the last error.
/// A C callback: it never throws.
struct ProjLog {
    std::string lastError;

    static void onLog(void* self, int level, const char* message)
    {
        if (!self || !message || level > PJ_LOG_ERROR)
            return;
        try {
            static_cast<ProjLog*>(self)->lastError = message;
        } catch (...) {
        }
    }
};

/// PROJ's explanation of the context's last failure: the logged message (e.g. "crs not found"),
/// else the errno text, else \a fallback.
std::string projErrorText(PJ_CONTEXT* ctx, const ProjLog& log, const char* fallback)
{
    if (!log.lastError.empty())
        return log.lastError;
    const int err = proj_context_errno(ctx);
    const char* text = err ? proj_context_errno_string(ctx, err) : nullptr;
    return text && *text ? std::string(text) : std::string(fallback);
}

/// Creates the CRS object for \a definition or throws CrsError naming it.
ProjPtr createCrs(PJ_CONTEXT* ctx, ProjLog& log, const std::string& definition, const char* role)
{
    log.lastError.clear();
    if (definition.empty())
        throw CrsError(fmt::format("the {} CRS is empty: give it as \"EPSG:N\", WKT or a PROJ string", role));
    // A bare PROJ string ("+proj=utm +zone=48 +south") describes an operation unless it says
    // +type=crs; given where a CRS is expected, a CRS is what the user means.
    std::string text = definition;
    if (text.find("+proj=") != std::string::npos && text.find("+type=crs") == std::string::npos
        && text.find("+proj=pipeline") == std::string::npos)
        text += " +type=crs";
    ProjPtr crs(proj_create(ctx, text.c_str()));
    if (!crs)
        throw CrsError(fmt::format("PROJ does not understand the {} CRS '{}' ({}): give it as "
                                   "\"EPSG:N\", WKT or a PROJ string",
                                   role, definition, projErrorText(ctx, log, "unknown definition")));
    if (!proj_is_crs(crs.get()))
        throw CrsError(fmt::format("'{}' is not a coordinate reference system (PROJ reads it as "
                                   "an operation); give the {} CRS as \"EPSG:N\" or WKT",
                                   definition, role));
    return crs;
}

bool isFinite(const PJ_COORD& c) noexcept
{
    return std::isfinite(c.xy.x) && std::isfinite(c.xy.y); // PROJ marks failures with HUGE_VAL
}

} // namespace

struct CoordinateTransform::Impl {
    std::string source;
    std::string target;
    ProjLog log;            // outlives the context that points to it
    ProjContextPtr context; // declared before the transformation: destroyed after it
    ProjPtr transform;      // normalised for visualisation (x = lon/easting)

    Point apply(Point p, PJ_DIRECTION direction) const
    {
        proj_errno_reset(transform.get());
        PJ_COORD in = proj_coord(p.x, p.y, 0.0, HUGE_VAL);
        const PJ_COORD out = proj_trans(transform.get(), direction, in);
        if (!isFinite(out)) {
            const int err = proj_errno(transform.get());
            const char* text = err ? proj_context_errno_string(context.get(), err) : nullptr;
            const bool fwd = direction == PJ_FWD;
            throw CrsError(fmt::format("cannot transform the point ({}, {}) from {} to {}: {}", p.x, p.y,
                                       fwd ? source : target, fwd ? target : source,
                                       text && *text ? text : "outside the area of use"));
        }
        return {out.xy.x, out.xy.y};
    }
};

CoordinateTransform::CoordinateTransform(const std::string& sourceCrs, const std::string& targetCrs)
        : mImpl(std::make_unique<Impl>())
{
    mImpl->source = sourceCrs;
    mImpl->target = targetCrs;
    mImpl->context.reset(proj_context_create());
    if (!mImpl->context)
        throw CrsError("cannot create a PROJ context (out of memory?)");
    PJ_CONTEXT* ctx = mImpl->context.get();
    // PROJ's messages go into CrsError, not to stderr.
    proj_log_level(ctx, PJ_LOG_ERROR);
    proj_log_func(ctx, &mImpl->log, &ProjLog::onLog);

    const ProjPtr src = createCrs(ctx, mImpl->log, sourceCrs, "source");
    const ProjPtr dst = createCrs(ctx, mImpl->log, targetCrs, "target");
    mImpl->log.lastError.clear();

    ProjPtr op(proj_create_crs_to_crs_from_pj(ctx, src.get(), dst.get(), nullptr, nullptr));
    if (!op)
        throw CrsError(fmt::format("PROJ finds no transformation from {} to {}: {}", sourceCrs, targetCrs,
                                   projErrorText(ctx, mImpl->log, "no operation")));
    mImpl->transform.reset(proj_normalize_for_visualization(ctx, op.get()));
    if (!mImpl->transform)
        throw CrsError(fmt::format("cannot normalise the axis order of the transformation from "
                                   "{} to {}: {}",
                                   sourceCrs, targetCrs, projErrorText(ctx, mImpl->log, "unknown error")));
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

Point CoordinateTransform::forward(Point p) const
{
    return mImpl->apply(p, PJ_FWD);
}

Point CoordinateTransform::inverse(Point p) const
{
    return mImpl->apply(p, PJ_INV);
}

MultiPolygon CoordinateTransform::forward(const MultiPolygon& mp) const
{
    MultiPolygon out = mp;
    auto transformRing = [this](Ring& ring) {
        for (Point& p : ring)
            p = mImpl->apply(p, PJ_FWD);
    };
    for (Polygon& polygon : out) {
        transformRing(polygon.exterior);
        for (Ring& hole : polygon.holes)
            transformRing(hole);
    }
    return out;
}

std::string utmCrsFor(Point lonLat)
{
    if (!std::isfinite(lonLat.x) || !std::isfinite(lonLat.y) || lonLat.y < -90.0 || lonLat.y > 90.0)
        throw CrsError(fmt::format("({}, {}) is not a longitude/latitude point: no UTM zone", lonLat.x, lonLat.y));
    // Normalise longitude to [-180, 180) so that e.g. 190 deg falls in zone 2.
    double lon = std::fmod(lonLat.x + 180.0, 360.0);
    if (lon < 0.0)
        lon += 360.0;
    int zone = static_cast<int>(std::floor(lon / 6.0)) + 1;
    zone = std::clamp(zone, 1, 60);
    // Standard zones only (the Norway/Svalbard exceptions are not applied): the zone of the
    // point's meridian is what a planner expects to see on a printed map.
    return fmt::format("EPSG:{}", (lonLat.y < 0.0 ? 32700 : 32600) + zone);
}

} // namespace gis
