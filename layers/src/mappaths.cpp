#include "thematicmap_p.h"

#include "gis/measure.h"

#include <QPaintDevice>
#include <QPaintEngine>

#include <algorithm>
#include <cmath>

namespace layers::detail {

namespace {

double ringAreaDeg2(const gis::Ring& ring)
{
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return std::fabs(twice) / 2.0;
}

/// \a px with every vertex rounded to a grid of \a gridPx and repeated vertices dropped, or \a px
/// itself when that leaves fewer than three distinct vertices. Rounding each vertex on its own
/// (unlike thinning along the ring) keeps a boundary that two neighbours share identical in both,
/// so no seam opens between their fills.
QPolygonF snappedToGrid(QPolygonF px, double gridPx)
{
    const double inverse = 1.0 / gridPx;
    QPolygonF out;
    out.reserve(px.size());
    for (const QPointF& p : px) {
        const QPointF q(std::nearbyint(p.x() * inverse) * gridPx, std::nearbyint(p.y() * inverse) * gridPx);
        if (out.isEmpty() || q != out.back())
            out << q;
    }
    // fewer than three distinct vertices and the closing one: a speck, drawn as it was
    return out.size() < 4 ? px : out;
}

/// Adds one ring, already in device pixels, to \a path: cut to \a clip when valid, thinned to
/// \a minStepPx when positive, rounded to a grid of \a gridPx when positive.
void addPixelRing(QPainterPath& path, QPolygonF px, double minStepPx, const QRectF& clip, double gridPx)
{
    if (clip.isValid() && !clip.contains(px.boundingRect())) {
        px = clipToRect(px, clip);
        if (px.size() < 3)
            return;
    }
    if (gridPx > 0.0)
        px = snappedToGrid(std::move(px), gridPx);
    if (minStepPx > 0.0 && px.size() > 8) {
        QPolygonF kept;
        kept.reserve(px.size());
        kept << px.front();
        const double min2 = minStepPx * minStepPx;
        for (qsizetype i = 1; i + 1 < px.size(); ++i) {
            const QPointF delta = px[i] - kept.back();
            if (delta.x() * delta.x() + delta.y() * delta.y() >= min2)
                kept << px[i];
        }
        kept << px.back();
        if (kept.size() >= 4)
            px = std::move(kept);
    }
    path.addPolygon(px);
    path.closeSubpath();
}

/// Appends \a mp's rings (of at least 3 points) to \a store.
RingRange appendRings(RingStore& store, const gis::MultiPolygon& mp)
{
    RingRange range{static_cast<std::uint32_t>(store.rings.size()), 0};
    auto add = [&store, &range](const gis::Ring& ring) {
        if (ring.size() < 3)
            return;
        store.rings.emplace_back(static_cast<std::uint32_t>(store.points.size()),
                                 static_cast<std::uint32_t>(ring.size()));
        for (const gis::Point& p : ring)
            store.points.emplace_back(p.x, p.y);
        ++range.count;
    };
    for (const gis::Polygon& polygon : mp) {
        add(polygon.exterior);
        for (const gis::Ring& hole : polygon.holes)
            add(hole);
    }
    return range;
}

/// An interior point for a label: the middle of the widest inside run of a few horizontal scan
/// lines through the largest part (robust for concave shapes, unlike the centroid).
gis::Point labelPointOf(const gis::MultiPolygon& mp)
{
    const gis::Polygon* largest = nullptr;
    double largestArea = -1.0;
    for (const gis::Polygon& p : mp) {
        const double a = ringAreaDeg2(p.exterior);
        if (a > largestArea) {
            largestArea = a;
            largest = &p;
        }
    }
    if (!largest || largest->exterior.empty())
        return {};
    gis::Extent e;
    for (const gis::Point& p : largest->exterior)
        e.include(p);
    gis::Point best = e.center();
    double bestScore = -1.0;
    constexpr int kLines = 15;
    for (int k = 1; k < kLines; ++k) {
        const double fraction = static_cast<double>(k) / kLines;
        const double y = e.minY + e.height() * fraction;
        std::vector<double> xs;
        auto scan = [&xs, y](const gis::Ring& ring) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const gis::Point a = ring[i], b = ring[i + 1];
                if ((a.y <= y && b.y > y) || (b.y <= y && a.y > y))
                    xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        };
        scan(largest->exterior);
        for (const gis::Ring& hole : largest->holes)
            scan(hole);
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double width = xs[i + 1] - xs[i];
            // prefer runs near the vertical middle
            const double score = width * (1.0 - 0.6 * std::fabs(fraction - 0.5));
            if (score > bestScore) {
                bestScore = score;
                best = {(xs[i] + xs[i + 1]) / 2.0, y};
            }
        }
    }
    return best;
}

} // namespace

std::vector<QPolygonF> ringsOf(const gis::MultiPolygon& mp)
{
    std::vector<QPolygonF> rings;
    auto addRing = [&rings](const gis::Ring& ring) {
        if (ring.size() < 3)
            return;
        QPolygonF polygon;
        polygon.reserve(static_cast<qsizetype>(ring.size()));
        for (const gis::Point& p : ring)
            polygon << QPointF(p.x, p.y);
        rings.push_back(std::move(polygon));
    };
    for (const gis::Polygon& polygon : mp) {
        addRing(polygon.exterior);
        for (const gis::Ring& hole : polygon.holes)
            addRing(hole);
    }
    return rings;
}

/// \a ring cut to \a clip (Sutherland–Hodgman, one rectangle side at a time). Parts outside
/// become runs along the rectangle's sides; with \a clip a little larger than the painter's clip
/// they are never seen, and a kecamatan page no longer carries the whole regency's vertices.
QPolygonF clipToRect(const QPolygonF& ring, const QRectF& clip)
{
    QPolygonF current = ring;
    auto pass = [&current](auto inside, auto cross) {
        if (current.isEmpty())
            return;
        QPolygonF out;
        out.reserve(current.size());
        QPointF previous = current.back();
        for (const QPointF& p : current) {
            if (inside(p)) {
                if (!inside(previous))
                    out << cross(previous, p);
                out << p;
            } else if (inside(previous)) {
                out << cross(previous, p);
            }
            previous = p;
        }
        current = std::move(out);
    };
    auto atX = [](QPointF a, QPointF b, double x) {
        return QPointF(x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()));
    };
    auto atY = [](QPointF a, QPointF b, double y) {
        return QPointF(a.x() + (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()), y);
    };
    pass([&](QPointF p) { return p.x() >= clip.left(); }, [&](QPointF a, QPointF b) { return atX(a, b, clip.left()); });
    pass([&](QPointF p) { return p.x() <= clip.right(); },
         [&](QPointF a, QPointF b) { return atX(a, b, clip.right()); });
    pass([&](QPointF p) { return p.y() >= clip.top(); }, [&](QPointF a, QPointF b) { return atY(a, b, clip.top()); });
    pass([&](QPointF p) { return p.y() <= clip.bottom(); },
         [&](QPointF a, QPointF b) { return atY(a, b, clip.bottom()); });
    return current;
}

QPainterPath pixelPath(const std::vector<QPolygonF>& rings, const QTransform& xf, double minStepPx, const QRectF& clip,
                       double gridPx)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF& ring : rings)
        addPixelRing(path, xf.map(ring), minStepPx, clip, gridPx);
    return path;
}

QPainterPath pixelPath(const RingStore& store, RingRange range, const QTransform& xf, double minStepPx,
                       const QRectF& clip, double gridPx)
{
    // copied, then mapped as a whole: QTransform's polygon map is faster than point by point
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    QPolygonF lonLat;
    for (std::uint32_t r = range.first; r < range.first + range.count; ++r) {
        const auto [first, count] = store.rings[r];
        lonLat.resize(static_cast<qsizetype>(count));
        std::copy(store.points.begin() + first, store.points.begin() + first + count, lonLat.begin());
        addPixelRing(path, xf.map(lonLat), minStepPx, clip, gridPx);
    }
    return path;
}

double vertexGridPx(const QPainter& painter)
{
    const QPaintDevice* device = painter.device();
    if (device && device->devType() == QInternal::Image)
        return 0.5;
    const QPaintEngine* engine = painter.paintEngine();
    return engine && engine->type() == QPaintEngine::Pdf ? 0.125 : 0.0;
}

/// Odd-even point in polygon over a shape's rings (crossing number).
bool ringsContain(const RingStore& store, RingRange range, QPointF p)
{
    bool inside = false;
    for (std::uint32_t r = range.first; r < range.first + range.count; ++r) {
        const auto [first, count] = store.rings[r];
        const QPointF* v = store.points.data() + first;
        for (std::uint32_t i = 0, j = count - 1; i < count; j = i++)
            if ((v[i].y() > p.y()) != (v[j].y() > p.y())
                && p.x() < (v[j].x() - v[i].x()) * (p.y() - v[i].y()) / (v[j].y() - v[i].y()) + v[i].x())
                inside = !inside;
    }
    return inside;
}

/// \a mp without holes and parts smaller than \a minKm2 (approximately, from degrees): a
/// kecamatan or regency dissolved from real village boundaries keeps the sliver gaps between
/// them as holes and crumbs, which its heavy border would draw as stray strokes.
gis::MultiPolygon withoutSlivers(const gis::MultiPolygon& mp, double minKm2)
{
    gis::MultiPolygon out;
    for (const gis::Polygon& p : mp) {
        if (p.exterior.empty())
            continue;
        const double kmPerDegLat = 110.574, kmPerDegLon = 111.320 * std::cos(p.exterior.front().y * M_PI / 180.0);
        auto km2 = [&](const gis::Ring& r) { return ringAreaDeg2(r) * kmPerDegLat * kmPerDegLon; };
        if (km2(p.exterior) < minKm2)
            continue;
        gis::Polygon kept;
        kept.exterior = p.exterior;
        for (const gis::Ring& hole : p.holes)
            if (km2(hole) >= minKm2)
                kept.holes.push_back(hole);
        out.push_back(std::move(kept));
    }
    return out.empty() ? mp : out;
}

Shape shapeOf(RingStore& store, const gis::Area& area, bool withLabelPoint, double minPartKm2)
{
    Shape s;
    s.code = area.code;
    s.name = area.name;
    s.rings = appendRings(store, minPartKm2 > 0.0 ? withoutSlivers(area.geometry, minPartKm2) : area.geometry);
    s.extent = gis::extentOf(area.geometry);
    if (withLabelPoint)
        s.labelAt = labelPointOf(area.geometry);
    return s;
}

} // namespace layers::detail
