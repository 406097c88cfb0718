#pragma once
/// \file renderjob.h
/// One frame of the desktop map, drawn from an immutable snapshot: the pekon layer (a
/// ThematicMap) and the other layers (facilities by kind, reach circles, kecamatan and pekon
/// names) in the layer list's order. Runs on a worker thread.
/// \note renderFrame() touches only its request (shared immutable data) and may run on any
/// thread, several at once; it stops early, returning a null image, once \a cancelled is set.
#include "layers/thematicmap.h"
#include "ui/workspace.h"

#include <QImage>
#include <QSize>

#include <atomic>
#include <memory>

namespace app {
namespace ui {

struct FrameRequest {
    std::shared_ptr<const layers::ThematicMap> map;
    std::shared_ptr<const RenderLayers> layers;
    gis::Extent view; ///< lon/lat that must be visible (fitted like MapTransform does)
    QSize sizePx;     ///< logical pixels
    double pixelRatio = 1.0;
};

/// \brief Draws \a request; a null image when cancelled or when there is nothing to draw.
QImage renderFrame(const FrameRequest& request, const std::atomic<bool>& cancelled);

/// \brief Pekon names are drawn when each visible pekon has room for its name: at most one
/// visible anchor per \a pixelsPerLabel square pixels of the map.
bool villageLabelsFit(int visibleAnchors, QSizeF mapSizePx, double pixelsPerLabel = 3600.0);

} // namespace ui
} // namespace app
