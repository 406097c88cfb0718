#include "ui/mapcanvas.h"

#include "layers/maptransform.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace app::ui {

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(400, 300);
    setMouseTracking(false);
}

void MapCanvas::setMap(std::shared_ptr<const layers::ThematicMap> map)
{
    const bool first = !mMap;
    mMap = std::move(map);
    if (first || mView.isEmpty())
        mView = mMap ? mMap->fullExtent() : gis::Extent{};
    rerender();
}

void MapCanvas::zoomToFullExtent()
{
    if (mMap)
        mView = mMap->fullExtent();
    rerender();
}

void MapCanvas::rerender()
{
    if (width() <= 0 || height() <= 0)
        return;
    mImage = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    mImage.setDevicePixelRatio(devicePixelRatioF());
    mImage.fill(palette().window().color());
    if (mMap && !mView.isEmpty()) {
        QPainter painter(&mImage);
        painter.setRenderHint(QPainter::Antialiasing);
        mMap->renderMap(painter, QRectF(QPointF(0, 0), QSizeF(size())), mView);
    }
    update();
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (mDragging) {
        painter.fillRect(rect(), palette().window());
        painter.drawImage(mapFromGlobal(QCursor::pos()) - mDragStart, mImage);
    } else {
        painter.drawImage(QPoint(0, 0), mImage);
    }
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    rerender();
}

gis::Point MapCanvas::pixelToLonLat(QPointF px) const
{
    // the renderer's own transform (rerender() draws into the same rectangle), guards included
    return layers::MapTransform(mView, QRectF(QPointF(0, 0), QSizeF(size()))).toLonLat(px);
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    if (mView.isEmpty())
        return;
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const gis::Point anchor = pixelToLonLat(event->position());
    gis::Extent v;
    v.include(gis::Point{anchor.x + (mView.minX - anchor.x) * factor, anchor.y + (mView.minY - anchor.y) * factor});
    v.include(gis::Point{anchor.x + (mView.maxX - anchor.x) * factor, anchor.y + (mView.maxY - anchor.y) * factor});
    mView = v;
    rerender();
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    mDragging = true;
    mDragStart = event->position().toPoint();
    mDragStartView = mView;
}

void MapCanvas::mouseMoveEvent(QMouseEvent*)
{
    if (mDragging)
        update();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (!mDragging)
        return;
    mDragging = false;
    if ((event->position().toPoint() - mDragStart).manhattanLength() < 4) {
        update();
        emit clicked(pixelToLonLat(event->position()));
        return;
    }
    const gis::Point from = pixelToLonLat(mDragStart);
    const gis::Point to = pixelToLonLat(event->position());
    mView.minX -= to.x - from.x;
    mView.maxX -= to.x - from.x;
    mView.minY -= to.y - from.y;
    mView.maxY -= to.y - from.y;
    rerender();
}

} // namespace app::ui
