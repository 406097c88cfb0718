#include "ui/renderjob.h"

#include "gis/measure.h"
#include "layers/facilitysymbol.h"
#include "layers/labelplacement.h"
#include "layers/maptransform.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace app {
namespace ui {

namespace {

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
    for (const MapPoint& f : r.facilities) {
        if (f.kind != kind || cancelled)
            continue;
        if (f.lonLat.x < visible.minX - marginDeg || f.lonLat.x > visible.maxX + marginDeg
            || f.lonLat.y < visible.minY - marginDeg || f.lonLat.y > visible.maxY + marginDeg)
            continue;
        QPolygonF circle;
        for (int a = 0; a < 360; a += 6)
            circle << t.toPixel(gis::geodesicDestination(f.lonLat, a, r.reachRadiusKm * 1000.0));
        painter.drawPolygon(circle);
    }
}

void drawFacilities(QPainter& painter, const layers::MapTransform& t, const RenderLayers& r, const std::string& kind)
{
    const QRectF target = t.targetPx().adjusted(-10, -10, 10, 10);
    for (const MapPoint& f : r.facilities) {
        if (f.kind != kind)
            continue;
        const QPointF px = t.toPixel(f.lonLat);
        if (target.contains(px))
            layers::drawFacilitySymbol(painter, kind, px, 13.0);
    }
}

void drawLabels(QPainter& painter, const layers::MapTransform& t, const std::vector<MapPoint>& anchors, bool kecamatan,
                std::vector<QRectF>& placed, const std::atomic<bool>& cancelled)
{
    QFont font = painter.font();
    font.setPointSizeF(kecamatan ? 9.0 : 7.5);
    font.setBold(kecamatan);
    font.setCapitalization(kecamatan ? QFont::AllUppercase : QFont::MixedCase);
    const QFontMetricsF metrics(font, painter.device());
    const QRectF bounds = t.targetPx();
    std::vector<layers::LabelRequest> requests;
    std::vector<int> visible;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        const QPointF px = t.toPixel(anchors[i].lonLat);
        if (!bounds.contains(px))
            continue;
        visible.push_back(static_cast<int>(i));
    }
    if (!kecamatan && !villageLabelsFit(static_cast<int>(visible.size()), bounds.size()))
        return;
    for (int i : visible) {
        const QPointF px = t.toPixel(anchors[static_cast<std::size_t>(i)].lonLat);
        const QString text = QString::fromStdString(anchors[static_cast<std::size_t>(i)].name);
        QSizeF size = metrics.size(Qt::TextSingleLine, kecamatan ? text.toUpper() : text);
        std::vector<QRectF> positions = layers::candidatePositions(px, size, 3.0);
        positions.resize(kecamatan ? 1 : 5);
        requests.push_back({i, kecamatan ? 1.0 : 0.0, positions});
    }
    if (cancelled)
        return;
    const std::vector<layers::PlacedLabel> result = layers::placeLabels(requests, bounds, 2.0, placed);
    painter.setFont(font);
    for (const layers::PlacedLabel& p : result) {
        const QString text = QString::fromStdString(anchors[static_cast<std::size_t>(p.id)].name);
        QPainterPath path;
        path.addText(p.box.left(), p.box.top() + metrics.ascent(), font, text);
        painter.setPen(
            QPen(QColor(255, 255, 255, 220), kecamatan ? 3.0 : 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kecamatan ? QColor(0x30, 0x30, 0x30) : QColor(0x40, 0x40, 0x50));
        painter.drawPath(path);
        placed.push_back(p.box);
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
    std::vector<QRectF> placedLabels;
    const std::vector<LayerEntry>& list = request.layers->layers;
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
        } else if (id.rfind("reach:", 0) == 0) {
            drawReach(painter, t, *request.layers, id.substr(6), cancelled);
        } else if (id.rfind("facility:", 0) == 0) {
            drawFacilities(painter, t, *request.layers, id.substr(9));
        } else if (id == "labels:kecamatan") {
            drawLabels(painter, t, request.layers->kecamatanLabels, true, placedLabels, cancelled);
        } else if (id == "labels:pekon") {
            drawLabels(painter, t, request.layers->villageLabels, false, placedLabels, cancelled);
        }
        painter.restore();
    }
    if (cancelled)
        return {};
    return image;
}

} // namespace ui
} // namespace app
