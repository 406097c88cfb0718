// The canvas's frame job: facility symbols stamped from one small image per kind must give the
// pixels that drawing each symbol gives, and reach circles a few pixels wide (drawn as ellipses
// fitted to the geodesic circle) must cover what the 60-point geodesic circle covers.
#include "gis/measure.h"
#include "layers/facilitysymbol.h"
#include "layers/maptransform.h"
#include "ui/renderjob.h"
#include "ui/workspace.h"

#include <QPainter>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>

namespace {

using app::ui::FrameRequest;
using app::ui::RenderLayers;

/// The example's frame request with only the layers named in \a visible shown.
FrameRequest requestShowing(const app::ui::Workspace& ws, std::initializer_list<const char*> visible,
                            double zoomOut = 1.0)
{
    FrameRequest r;
    r.map = ws.map();
    auto layers = std::make_shared<RenderLayers>(*ws.renderLayers());
    for (app::ui::LayerEntry& e : layers->layers) {
        e.visible = false;
        e.opacity = 1.0;
        for (const char* id : visible)
            if (e.id == QLatin1String(id))
                e.visible = true;
    }
    r.layers = layers;
    const gis::Extent full = ws.map()->fullExtent();
    const gis::Point c = full.center();
    r.view.include(gis::Point{c.x - full.width() * zoomOut / 2, c.y - full.height() * zoomOut / 2});
    r.view.include(gis::Point{c.x + full.width() * zoomOut / 2, c.y + full.height() * zoomOut / 2});
    r.sizePx = QSize(900, 600);
    return r;
}

int maxChannelDifference(const QImage& a, const QImage& b, int* differing = nullptr)
{
    int worst = 0, count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            const int d = std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                    std::abs(qBlue(p) - qBlue(q))});
            worst = std::max(worst, d);
            count += d > 0;
        }
    if (differing)
        *differing = count;
    return worst;
}

} // namespace

TEST(RenderJob, StampedFacilitySymbolsGiveThePixelsOfDrawnSymbols)
{
    app::ui::Workspace ws;
    ws.openExample();
    const std::atomic<bool> cancelled{false};
    for (const char* kind : {"BUMDES", "PUSKESSOS"}) {
        const std::string layerId = std::string("facility:") + kind;
        const FrameRequest withSymbols = requestShowing(ws, {"pekon", layerId.c_str()});
        const QImage stamped = app::ui::renderFrame(withSymbols, cancelled);
        QImage drawn = app::ui::renderFrame(requestShowing(ws, {"pekon"}), cancelled);
        ASSERT_FALSE(stamped.isNull());
        ASSERT_FALSE(drawn.isNull());
        int differingFromPlain = 0;
        maxChannelDifference(stamped, drawn, &differingFromPlain);
        EXPECT_GT(differingFromPlain, 100) << kind << ": the symbols were drawn";
        // the reference: each symbol drawn with its own paths at the facility's whole pixel
        const layers::MapTransform t(withSymbols.view, QRectF(QPointF(0, 0), QSizeF(withSymbols.sizePx)));
        QPainter painter(&drawn);
        int symbols = 0;
        for (const app::ui::MapPoint& f : withSymbols.layers->facilities) {
            if (f.kind != kind)
                continue;
            const QPointF px = t.toPixel(f.lonLat);
            if (!QRectF(QPointF(-10, -10), QSizeF(withSymbols.sizePx) + QSizeF(20, 20)).contains(px))
                continue;
            layers::drawFacilitySymbol(painter, kind, QPointF(std::round(px.x()), std::round(px.y())), 13.0);
            ++symbols;
        }
        painter.end();
        EXPECT_GT(symbols, 1) << kind;
        int differing = 0;
        EXPECT_LE(maxChannelDifference(stamped, drawn, &differing), 2) << kind;
        EXPECT_LT(differing, stamped.width() * stamped.height() / 100) << kind;
    }
}

TEST(RenderJob, SmallReachCirclesCoverWhatTheGeodesicCircleCovers)
{
    app::ui::Workspace ws;
    ws.openExample();
    const std::atomic<bool> cancelled{false};
    // zoomed out 8 times: a 5 km circle is about 8 pixels across, drawn as a fitted ellipse
    const FrameRequest request = requestShowing(ws, {"reach:PUSKESSOS"}, 8.0);
    const QImage ellipses = app::ui::renderFrame(request, cancelled);
    ASSERT_FALSE(ellipses.isNull());
    // the reference: the 60-point geodesic circles, as drawn for large circles
    QImage polygons(ellipses.size(), QImage::Format_ARGB32_Premultiplied);
    polygons.fill(layers::mapSeaColor());
    const layers::MapTransform t(request.view, QRectF(QPointF(0, 0), QSizeF(request.sizePx)));
    {
        QPainter painter(&polygons);
        painter.setRenderHint(QPainter::Antialiasing);
        QColor fill = layers::facilityKindColor("PUSKESSOS");
        fill.setAlphaF(0.18);
        painter.setPen(QPen(layers::facilityKindColor("PUSKESSOS"), 1.2));
        painter.setBrush(fill);
        int circles = 0;
        for (const app::ui::MapPoint& f : request.layers->facilities) {
            if (f.kind != "PUSKESSOS")
                continue;
            QPolygonF circle;
            for (int a = 0; a < 360; a += 6)
                circle << t.toPixel(gis::geodesicDestination(f.lonLat, a, request.layers->reachRadiusKm * 1000.0));
            EXPECT_LT(circle.boundingRect().width(), 24.0) << "the case must take the ellipse path";
            painter.drawPolygon(circle);
            ++circles;
        }
        ASSERT_GE(circles, 2);
    }
    auto covered = [](const QImage& image) {
        const QRgb sea = layers::mapSeaColor().rgb();
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                n += image.pixel(x, y) != sea;
        return n;
    };
    const int byEllipse = covered(ellipses), byPolygon = covered(polygons);
    ASSERT_GT(byPolygon, 50);
    EXPECT_NEAR(byEllipse, byPolygon, byPolygon * 0.1);
}
