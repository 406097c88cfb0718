// The illustrative demo DEM (demodem.h): a few smooth landforms placed at their real positions,
// damped to 0 m at the coast through a distance-to-sea transform.
#include "gis/demodem.h"

#include "gis/crs.h"

#include "detail/rasterise.h"

#include <algorithm>
#include <cmath>

namespace gis {

namespace {

struct Landform {
    Point from; ///< lon/lat; a ridge runs from `from` to `to`, a peak has from == to
    Point to;
    double heightM;
    double widthM; ///< Gaussian half-width across the ridge or around the peak
};

// Positions from topographic maps of Lampung (approximate, for illustration).
const Landform kLandforms[] = {
    {{104.20, -5.08}, {104.56, -5.44}, 1450.0, 6000.0}, // Bukit Barisan, NW shore of Semangka Bay
    {{104.58, -5.30}, {104.58, -5.30}, 900.0, 9000.0},  // Ulubelu upland
    {{104.68, -5.42}, {104.68, -5.42}, 2100.0, 5000.0}, // Gunung Tanggamus (2,102 m)
};

double distanceToSegment(Point p, Point a, Point b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

} // namespace

RasterGrid buildDemoDem(const Dataset& ds, double resolutionM)
{
    const RasterTarget target = regencyRasterTarget(ds, resolutionM);
    RasterGrid dem;
    dem.crs = target.crs;
    dem.cellSize = resolutionM;
    dem.originX = target.extent.minX;
    dem.originY = target.extent.maxY;
    dem.width = static_cast<int>(std::lround(target.extent.width() / resolutionM));
    dem.height = static_cast<int>(std::lround(target.extent.height() / resolutionM));
    dem.values.assign(dem.cellCount(), 0.0f);

    std::vector<const MultiPolygon*> land;
    for (const Area& a : ds.areas)
        land.push_back(&a.geometry);
    if (!ds.backgroundLand.empty())
        land.push_back(&ds.backgroundLand);
    const std::vector<std::int32_t> isLand = detail::rasteriseIds(dem, land);

    // Distance to the sea (metres), two-pass chamfer (3-4) transform.
    const int w = dem.width, h = dem.height;
    const float big = 1e9f;
    std::vector<float> coast(dem.cellCount(), big);
    for (std::size_t i = 0; i < coast.size(); ++i)
        if (!isLand[i])
            coast[i] = 0.0f;
    const float a = static_cast<float>(resolutionM), b = static_cast<float>(resolutionM * std::sqrt(2.0));
    auto at = [&](int c, int r) -> float& { return coast[dem.index(c, r)]; };
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) {
            float& v = at(c, r);
            if (c > 0)
                v = std::min(v, at(c - 1, r) + a);
            if (r > 0)
                v = std::min(v, at(c, r - 1) + a);
            if (c > 0 && r > 0)
                v = std::min(v, at(c - 1, r - 1) + b);
            if (c + 1 < w && r > 0)
                v = std::min(v, at(c + 1, r - 1) + b);
        }
    for (int r = h - 1; r >= 0; --r)
        for (int c = w - 1; c >= 0; --c) {
            float& v = at(c, r);
            if (c + 1 < w)
                v = std::min(v, at(c + 1, r) + a);
            if (r + 1 < h)
                v = std::min(v, at(c, r + 1) + a);
            if (c + 1 < w && r + 1 < h)
                v = std::min(v, at(c + 1, r + 1) + b);
            if (c > 0 && r + 1 < h)
                v = std::min(v, at(c - 1, r + 1) + b);
        }

    const CoordinateTransform toGrid("EPSG:4326", dem.crs);
    std::vector<Landform> forms;
    for (const Landform& f : kLandforms)
        forms.push_back({toGrid.forward(f.from), toGrid.forward(f.to), f.heightM, f.widthM});
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) {
            const std::size_t i = dem.index(c, r);
            if (!isLand[i])
                continue;
            const Point p = dem.cellCenter(c, r);
            const double inland = coast[i];
            double height = std::min(350.0, 0.04 * inland); // coastal plain rising 40 m per km
            for (const Landform& f : forms) {
                const double d = distanceToSegment(p, f.from, f.to);
                height = std::max(height, f.heightM * std::exp(-0.5 * (d / f.widthM) * (d / f.widthM)));
            }
            // Deterministic valleys and spurs so that slopes vary (amplitude grows with height).
            const double relief = std::sin(p.x / 1700.0) * std::cos(p.y / 2300.0) + 0.5 * std::sin((p.x + p.y) / 900.0);
            height += relief * 0.06 * height;
            height *= 1.0 - std::exp(-inland / 1500.0); // 0 m at the coast
            dem.values[i] = static_cast<float>(std::max(0.0, height));
        }
    return dem;
}

} // namespace gis
