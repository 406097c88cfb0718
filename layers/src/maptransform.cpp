#include "layers/maptransform.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace layers {

gis::Extent paddedExtent(const gis::Extent& extent, double fraction)
{
    if (extent.isEmpty())
        return extent;
    const double pad = std::max(std::max(extent.width(), extent.height()) * fraction, 1e-6);
    gis::Extent e = extent;
    e.minX -= pad;
    e.minY -= pad;
    e.maxX += pad;
    e.maxY += pad;
    return e;
}

MapTransform::MapTransform(const gis::Extent& viewIn, const QRectF& targetPx) : mTarget(targetPx)
{
    gis::Extent view = viewIn;
    if (view.isEmpty())
        view = gis::Extent{-1.0, -1.0, 1.0, 1.0};
    if (view.width() <= 0.0 || view.height() <= 0.0)
        view = paddedExtent(view, 0.0);
    const double midLat = std::clamp(view.center().y, -89.0, 89.0);
    mCosLat = std::cos(midLat * std::numbers::pi / 180.0);
    const double w = std::max(targetPx.width(), 1.0);
    const double h = std::max(targetPx.height(), 1.0);
    mScale = std::min(w / (view.width() * mCosLat), h / view.height());
    const gis::Point c = view.center();
    const QPointF pc = targetPx.center();
    // px = pc.x + (lon - c.x) * cos * s ;  py = pc.y - (lat - c.y) * s
    mTransform =
        QTransform(mCosLat * mScale, 0.0, 0.0, -mScale, pc.x() - c.x * mCosLat * mScale, pc.y() + c.y * mScale);
    mInverse = mTransform.inverted();
}

QPointF MapTransform::toPixel(gis::Point lonLat) const noexcept
{
    return mTransform.map(QPointF(lonLat.x, lonLat.y));
}

gis::Point MapTransform::toLonLat(QPointF px) const noexcept
{
    const QPointF p = mInverse.map(px);
    return {p.x(), p.y()};
}

gis::Extent MapTransform::visibleExtent() const noexcept
{
    gis::Extent e;
    const gis::Point a = toLonLat(mTarget.topLeft());
    const gis::Point b = toLonLat(mTarget.bottomRight());
    e.include(a);
    e.include(b);
    return e;
}

} // namespace layers
