#pragma once
/// \file mapcanvas.h
/// The map view of the workspace. Frames are drawn off the GUI thread (renderjob.h) from an
/// immutable snapshot; while a job draws, the last frame is shown shifted and scaled to the
/// current view; a new view cancels the running job. Drag pans, the wheel zooms at the cursor,
/// Shift+drag (or the box tool) zooms to a box; the current pekon and the selection are outlined.
/// \note GUI thread only.
#include "gis/geometry.h"
#include "layers/maptransform.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QLabel;

namespace app {
namespace ui {

class Workspace;

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Pan, BoxZoom, Measure };

    explicit MapCanvas(Workspace* workspace, QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// \brief The lon/lat extent the widget shows (fills it).
    gis::Extent view() const;
    /// \brief Shows at least \a extent (within the zoom limits) and draws it.
    void setView(const gis::Extent& extent);
    /// \brief The whole project with a margin.
    void zoomToFullExtent();
    /// \brief \a extent with a margin of 8 %.
    void zoomToExtent(const gis::Extent& extent);
    /// \brief Zooms by \a factor (< 1 zooms in) keeping the lon/lat under \a anchorPx in place.
    void zoomAt(double factor, QPointF anchorPx);

    /// \brief The renderer's transform of the current view (pixels are logical widget pixels).
    layers::MapTransform transform() const;
    gis::Point toLonLat(QPointF px) const { return transform().toLonLat(px); }
    /// \brief Map scale 1 : N at the centre for this screen's DPI.
    double scaleDenominator() const;

    void setTool(Tool tool);
    Tool tool() const { return mTool; }
    /// \brief The measure tool's points (lon/lat) and its geodesic length (m) and area (m², from
    /// three points on).
    const std::vector<gis::Point>& measurePoints() const { return mMeasure; }
    double measuredLengthM() const;
    double measuredAreaM2() const;
    void clearMeasure();

    /// \brief True when the frame shown was drawn for the current view and content.
    bool frameIsCurrent() const { return mFrameGeneration == mGeneration && !mFrame.isNull(); }
    const QImage& frame() const { return mFrame; }
    /// \brief Number of frames started and finished since construction (for tests and benchmarks).
    int framesFinished() const { return mFramesFinished; }

public slots:
    /// \brief Draws again (after the map, the layers or the view changed).
    void requestRender();

signals:
    /// \brief A click (press and release without dragging) at this lon/lat with the pan tool.
    void clicked(gis::Point lonLat);
    void cursorMoved(gis::Point lonLat);
    void viewChanged();
    void frameReady();
    void measureChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QRectF area() const { return QRectF(QPointF(0, 0), QSizeF(size())); }
    /// \a extent clamped to the zoom limits, keeping its centre.
    gis::Extent limited(gis::Extent extent) const;
    /// \a extent shifted so that \a lonLat lands on \a px.
    gis::Extent anchored(gis::Extent extent, gis::Point lonLat, QPointF px) const;
    void startJob();
    void jobFinished();
    void drawOverlays(QPainter& painter, const layers::MapTransform& t);
    /// Shows the TERBATAS badge while the map shows DTSEN-derived figures (hidden otherwise).
    void updateRestrictedBadge();

    Workspace* mWorkspace;
    QLabel* mRestrictedBadge = nullptr;
    gis::Extent mView;
    Tool mTool = Tool::Pan;

    // frames
    QFutureWatcher<QImage> mWatcher;
    std::shared_ptr<std::atomic<bool>> mCancel;
    int mGeneration = 0;
    int mJobGeneration = -1;
    int mFrameGeneration = -1;
    int mFramesFinished = 0;
    bool mPending = false;
    gis::Extent mJobView;
    QImage mFrame;
    gis::Extent mFrameView; ///< the visible extent the frame covers

    // mouse
    enum class Drag { None, Pan, Box };
    Drag mDrag = Drag::None;
    QPointF mPressPx;
    QPointF mLastPx;
    gis::Point mPressLonLat;
    gis::Extent mPressView;
    bool mMoved = false;
    std::vector<gis::Point> mMeasure;
    bool mMeasureDone = false;
    bool mSkipRelease = false;
};

} // namespace ui
} // namespace app
