#pragma once
#include "layers/thematicmap.h"

#include <QImage>
#include <QWidget>

#include <memory>

namespace app::ui {

/// \brief Shows a thematic map; wheel zooms, dragging pans. Draws a cached image that is
/// re-rendered only when the map, the view or the size changes.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);

    void setMap(std::shared_ptr<const layers::ThematicMap> map);
    const layers::ThematicMap* map() const { return mMap.get(); }
    /// \brief The lon/lat extent shown.
    gis::Extent view() const { return mView; }
    void zoomToFullExtent();

signals:
    /// \brief A click (press and release without dragging) at this lon/lat.
    void clicked(gis::Point lonLat);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void rerender();
    gis::Point pixelToLonLat(QPointF px) const;

    std::shared_ptr<const layers::ThematicMap> mMap;
    gis::Extent mView;
    QImage mImage;
    QPoint mDragStart;
    gis::Extent mDragStartView;
    bool mDragging = false;
};

} // namespace app::ui
