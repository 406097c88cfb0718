#pragma once
/// \file maptransform.h
/// The screen projection of the maps: equirectangular with x scaled by cos(mid-latitude), so
/// shapes near the equator and at 5–10° S keep their proportions (true scale along that
/// parallel). Lon/lat are EPSG:4326 degrees (x = longitude); pixels are device pixels.
#include "gis/geometry.h"

#include <QPointF>
#include <QRectF>
#include <QTransform>

namespace layers {

/// \brief \a extent grown by \a fraction of its larger side on every side (at least a tiny
/// amount, so a point or a line gets an area).
gis::Extent paddedExtent(const gis::Extent& extent, double fraction);

/// \brief Maps lon/lat to pixels: fits a view extent into a target rectangle, keeping the
/// aspect ratio and centring it. Value type; any thread.
class MapTransform {
public:
    MapTransform() = default;
    /// \param view lon/lat extent that must be visible (empty or degenerate: grown a little)
    /// \param targetPx the rectangle on the paint device, in device pixels
    MapTransform(const gis::Extent& view, const QRectF& targetPx);

    QPointF toPixel(gis::Point lonLat) const noexcept;
    gis::Point toLonLat(QPointF px) const noexcept;
    /// \brief The affine map from lon/lat to pixels (for QPainterPath::map / QTransform::map).
    const QTransform& transform() const noexcept { return mTransform; }
    /// \brief Pixels per degree of latitude (a degree of longitude is this × xScale()).
    double pixelsPerDegreeLat() const noexcept { return mScale; }
    /// \brief cos(mid-latitude of the view): the x scale factor of the projection.
    double xScale() const noexcept { return mCosLat; }
    /// \brief The lon/lat extent covering the whole target rectangle (≥ the view).
    gis::Extent visibleExtent() const noexcept;
    const QRectF& targetPx() const noexcept { return mTarget; }

private:
    QRectF mTarget;
    double mCosLat = 1.0;
    double mScale = 1.0;
    QTransform mTransform;
    QTransform mInverse;
};

} // namespace layers
