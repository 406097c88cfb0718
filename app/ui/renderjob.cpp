#include "ui/renderjob.h"

#include "gis/measure.h"
#include "layers/facilitysymbol.h"
#include "layers/labelplacement.h"
#include "layers/maptransform.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace app {
namespace ui {

namespace {

/// Screen pixels per millimetre of a road's width: about 96 dpi, so roads look as on paper.
constexpr double kScreenPxPerMm = 3.78;

/// Reach circles under this many pixels of radius are drawn as screen ellipses fitted to the
/// geodesic circle's east and north points: at a national view there are thousands, and 60
/// geodesic points for a circle two pixels wide was a large part of the frame.
constexpr double kSmallReachRadiusPx = 24.0;

void drawReach(QPainter& painter, const layers::MapTransform& t, const RenderLayers& r, const std::string& kind,
               const std::atomic<bool>& cancelled)
{
    const QColor colour = layers::facilityKindColor(kind);
    QColor fill = colour;
    fill.setAlphaF(0.18);
    painter.setPen(QPen(colour, 1.2));
    painter.setBrush(fill);
    const gis::Extent visible = t.visibleExtent();
    const double marginDeg = r.reachRadiusKm / 100.0;
    const double radiusM = r.reachRadiusKm * 1000.0;
    for (const MapPoint& f : r.facilities) {
        if (f.kind != kind || cancelled)
            continue;
        if (f.lonLat.x < visible.minX - marginDeg || f.lonLat.x > visible.maxX + marginDeg
            || f.lonLat.y < visible.minY - marginDeg || f.lonLat.y > visible.maxY + marginDeg)
            continue;
        const QPointF centre = t.toPixel(f.lonLat);
        const QPointF east = t.toPixel(gis::geodesicDestination(f.lonLat, 90.0, radiusM));
        const QPointF north = t.toPixel(gis::geodesicDestination(f.lonLat, 0.0, radiusM));
        const double rx = std::abs(east.x() - centre.x());
        const double ry = std::abs(north.y() - centre.y());
        if (std::max(rx, ry) < kSmallReachRadiusPx) {
            painter.drawEllipse(centre, rx, ry);
            continue;
        }
        QPolygonF circle;
        for (int a = 0; a < 360; a += 6)
            circle << t.toPixel(gis::geodesicDestination(f.lonLat, a, radiusM));
        painter.drawPolygon(circle);
    }
}

/// A facility kind's symbol drawn once into a small image, to be stamped at each facility: a
/// national view shows tens of thousands of symbols, and filling each one's antialiased paths
/// was more than half of the frame. Stamps land on whole device pixels.
struct SymbolStamp {
    QImage image;
    QPointF offset; ///< from the facility's pixel to the image's top left (logical pixels)
};

SymbolStamp symbolStamp(const std::string& kind, double sizePx, double pixelRatio)
{
    // the star reaches 1.1 of the radius, plus its white outline and antialiasing
    const int side = 2 * static_cast<int>(std::ceil((sizePx * 0.6 + 2.0) * pixelRatio));
    SymbolStamp stamp;
    stamp.image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
    stamp.image.setDevicePixelRatio(pixelRatio);
    stamp.image.fill(Qt::transparent);
    const double half = side / 2.0 / pixelRatio;
    {
        QPainter painter(&stamp.image);
        layers::drawFacilitySymbol(painter, kind, QPointF(half, half), sizePx);
    }
    stamp.offset = QPointF(-half, -half);
    return stamp;
}

void drawFacilities(QPainter& painter, const layers::MapTransform& t, const RenderLayers& r, const std::string& kind,
                    double pixelRatio)
{
    constexpr double kSymbolPx = 13.0;
    const QRectF target = t.targetPx().adjusted(-10, -10, 10, 10);
    const SymbolStamp stamp = symbolStamp(kind, kSymbolPx, pixelRatio);
    for (const MapPoint& f : r.facilities) {
        if (f.kind != kind)
            continue;
        const QPointF px = t.toPixel(f.lonLat);
        if (!target.contains(px))
            continue;
        const QPointF device(std::round(px.x() * pixelRatio), std::round(px.y() * pixelRatio));
        painter.drawImage(device / pixelRatio + stamp.offset, stamp.image);
    }
}

/// The placement panel's proposed sites: their reach (when in km) under the numbered rings,
/// the lowest rank drawn last so it stays on top.
void drawProposals(QPainter& painter, const layers::MapTransform& t, const ProposalOverlay& p,
                   const std::atomic<bool>& cancelled)
{
    const QColor colour = layers::proposedSiteFillColor();
    if (p.reachKm > 0.0) {
        QColor fill = colour;
        fill.setAlphaF(0.12);
        painter.setPen(QPen(colour, 1.4, Qt::DashLine));
        painter.setBrush(fill);
        for (const layers::ProposedSite& s : p.sites) {
            if (cancelled)
                return;
            QPolygonF circle;
            for (int a = 0; a < 360; a += 4)
                circle << t.toPixel(gis::geodesicDestination(s.location, a, p.reachKm * 1000.0));
            painter.drawPolygon(circle);
        }
    }
    const QRectF target = t.targetPx().adjusted(-20, -20, 20, 20);
    for (auto it = p.sites.rbegin(); it != p.sites.rend(); ++it) {
        const QPointF px = t.toPixel(it->location);
        if (target.contains(px))
            layers::drawProposedSiteSymbol(painter, px, 9.0, it->rank);
    }
}

struct LabelSet {
    QFont font;
    double ascent = 0.0;
    std::vector<layers::PlacedLabel> placed;
};

/// Places the names of \a anchors avoiding \a obstacles (and adds their boxes to them).
LabelSet placeLabelSet(QPaintDevice* device, const layers::MapTransform& t, const std::vector<MapPoint>& anchors,
                       bool kecamatan, std::vector<QRectF>& obstacles)
{
    LabelSet set;
    set.font.setPointSizeF(kecamatan ? 9.0 : 7.5);
    set.font.setBold(kecamatan);
    set.font.setCapitalization(kecamatan ? QFont::AllUppercase : QFont::MixedCase);
    const QFontMetricsF metrics(set.font, device);
    set.ascent = metrics.ascent();
    const QRectF bounds = t.targetPx();
    std::vector<int> visible;
    for (std::size_t i = 0; i < anchors.size(); ++i)
        if (bounds.contains(t.toPixel(anchors[i].lonLat)))
            visible.push_back(static_cast<int>(i));
    if (!kecamatan && !villageLabelsFit(static_cast<int>(visible.size()), bounds.size()))
        return set;
    std::vector<layers::LabelRequest> requests;
    for (int i : visible) {
        const MapPoint& a = anchors[static_cast<std::size_t>(i)];
        const QString text = QString::fromStdString(a.name);
        const QSizeF size = metrics.size(Qt::TextSingleLine, kecamatan ? text.toUpper() : text);
        std::vector<QRectF> positions = layers::candidatePositions(t.toPixel(a.lonLat), size, 3.0);
        positions.resize(kecamatan ? 1 : 5);
        requests.push_back({i, 0.0, positions});
    }
    set.placed = layers::placeLabels(requests, bounds, 2.0, obstacles);
    for (const layers::PlacedLabel& p : set.placed)
        obstacles.push_back(p.box);
    return set;
}

void paintLabels(QPainter& painter, const LabelSet& set, const std::vector<MapPoint>& anchors, bool kecamatan)
{
    for (const layers::PlacedLabel& p : set.placed) {
        QString text = QString::fromStdString(anchors[static_cast<std::size_t>(p.id)].name);
        if (kecamatan)
            text = text.toUpper();
        QPainterPath path;
        path.addText(p.box.left(), p.box.top() + set.ascent, set.font, text);
        painter.setPen(
            QPen(QColor(255, 255, 255, 220), kecamatan ? 3.0 : 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kecamatan ? QColor(0x30, 0x30, 0x30) : QColor(0x40, 0x40, 0x50));
        painter.drawPath(path);
    }
}

} // namespace

bool villageLabelsFit(int visibleAnchors, QSizeF mapSizePx, double pixelsPerLabel)
{
    return visibleAnchors > 0 && visibleAnchors * pixelsPerLabel <= mapSizePx.width() * mapSizePx.height();
}

QImage renderFrame(const FrameRequest& request, const std::atomic<bool>& cancelled)
{
    if (!request.map || !request.layers || request.sizePx.isEmpty() || request.view.isEmpty())
        return {};
    QImage image(request.sizePx * request.pixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(request.pixelRatio);
    image.fill(layers::mapSeaColor());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF target(QPointF(0, 0), QSizeF(request.sizePx));
    const layers::MapTransform t(request.view, target);
    const std::vector<LayerEntry>& list = request.layers->layers;
    auto shown = [&list](const char* id) {
        return std::any_of(list.begin(), list.end(),
                           [id](const LayerEntry& e) { return e.id == QLatin1String(id) && e.visible; });
    };
    // kecamatan names are placed first, pekon names around them
    std::vector<QRectF> obstacles;
    LabelSet kecamatanLabels, villageLabels;
    if (shown("labels:kecamatan"))
        kecamatanLabels = placeLabelSet(&image, t, request.layers->kecamatanLabels, true, obstacles);
    if (cancelled)
        return {};
    if (shown("labels:pekon"))
        villageLabels = placeLabelSet(&image, t, request.layers->villageLabels, false, obstacles);
    // the list is top first: draw from its end
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        if (cancelled)
            return {};
        if (!it->visible || it->opacity <= 0.0)
            continue;
        painter.save();
        painter.setOpacity(it->opacity);
        const std::string id = it->id.toStdString();
        if (id == "pekon") {
            request.map->renderMap(painter, target, request.view);
        } else if (id == "roads") {
            if (request.layers->roads)
                layers::drawRoads(painter, *request.layers->roads, [&t](gis::Point p) { return t.toPixel(p); },
                                  kScreenPxPerMm);
        } else if (id == "proposals") {
            drawProposals(painter, t, request.layers->proposals, cancelled);
        } else if (id.rfind("reach:", 0) == 0) {
            drawReach(painter, t, *request.layers, id.substr(6), cancelled);
        } else if (id.rfind("facility:", 0) == 0) {
            drawFacilities(painter, t, *request.layers, id.substr(9), request.pixelRatio);
        } else if (id == "labels:kecamatan") {
            paintLabels(painter, kecamatanLabels, request.layers->kecamatanLabels, true);
        } else if (id == "labels:pekon") {
            paintLabels(painter, villageLabels, request.layers->villageLabels, false);
        }
        painter.restore();
    }
    if (cancelled)
        return {};
    return image;
}

} // namespace ui
} // namespace app
