#include "ui/mapcanvas.h"

#include "gis/measure.h"
#include "ui/renderjob.h"
#include "ui/workspace.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace app {
namespace ui {

namespace {

/// Smallest view height (degrees of latitude, about 550 m) and the largest (times the project).
constexpr double kMinViewHeightDeg = 0.005;
constexpr double kMaxViewFactor = 4.0;
constexpr double kFullExtentMargin = 0.04;

gis::Extent shifted(gis::Extent e, double dx, double dy)
{
    e.minX += dx;
    e.maxX += dx;
    e.minY += dy;
    e.maxY += dy;
    return e;
}

gis::Extent scaledAround(const gis::Extent& e, gis::Point anchor, double factor)
{
    gis::Extent v;
    v.include(gis::Point{anchor.x + (e.minX - anchor.x) * factor, anchor.y + (e.minY - anchor.y) * factor});
    v.include(gis::Point{anchor.x + (e.maxX - anchor.x) * factor, anchor.y + (e.maxY - anchor.y) * factor});
    return v;
}

} // namespace

MapCanvas::MapCanvas(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    setObjectName(QStringLiteral("mapCanvas"));
    setMinimumSize(400, 300);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    connect(&mWatcher, &QFutureWatcher<QImage>::finished, this, &MapCanvas::jobFinished);
    connect(mWorkspace, &Workspace::projectChanged, this, &MapCanvas::zoomToFullExtent);
    connect(mWorkspace, &Workspace::mapChanged, this, &MapCanvas::requestRender);
    connect(mWorkspace, &Workspace::mapChanged, this, &MapCanvas::updateRestrictedBadge);
    connect(mWorkspace, &Workspace::layersChanged, this, &MapCanvas::requestRender);
    connect(mWorkspace, &Workspace::selectionChanged, this, qOverload<>(&QWidget::update));
    connect(mWorkspace, &Workspace::currentVillageChanged, this, qOverload<>(&QWidget::update));
    mRestrictedBadge = new QLabel(this);
    mRestrictedBadge->setObjectName(QStringLiteral("restrictedBadge"));
    mRestrictedBadge->setStyleSheet(QStringLiteral("QLabel { color: #a01010; background: rgba(255, 255, 255, 235); "
                                                   "border: 2px solid #a01010; padding: 3px 6px; }"));
    mRestrictedBadge->setWordWrap(true);
    mRestrictedBadge->setMaximumWidth(340);
    mRestrictedBadge->move(10, 10);
    mRestrictedBadge->hide();
    updateRestrictedBadge();
    if (mWorkspace->hasProject())
        zoomToFullExtent();
}

void MapCanvas::updateRestrictedBadge()
{
    const auto map = mWorkspace->map();
    const bool restricted = map && !map->restrictedNotice().empty();
    if (restricted) {
        const int threshold = map->spec().smallCountThreshold;
        const QString hidden = threshold > 1
            ? tr("counts from 1 to %1 are shown as no data so that no family can be recognised.").arg(threshold - 1)
            : tr("small counts are shown.");
        mRestrictedBadge->setText(QStringLiteral("<b>%1</b><br>%2 %3")
                                      .arg(tr("RESTRICTED"),
                                           tr("Figures derived from DTSEN/DTKS personal data (UU 27/2022):"),
                                           hidden.toHtmlEscaped()));
        mRestrictedBadge->setToolTip(QString::fromStdString(map->restrictedNotice()));
        mRestrictedBadge->adjustSize();
    }
    mRestrictedBadge->setVisible(restricted);
}

MapCanvas::~MapCanvas()
{
    if (mCancel)
        mCancel->store(true);
    mWatcher.waitForFinished();
}

layers::MapTransform MapCanvas::transform() const
{
    return layers::MapTransform(mView, area());
}

gis::Extent MapCanvas::view() const
{
    return transform().visibleExtent();
}

gis::Extent MapCanvas::limited(gis::Extent e) const
{
    const auto map = mWorkspace->map();
    if (e.isEmpty())
        return e;
    const gis::Point c = e.center();
    double factor = 1.0;
    if (e.height() < kMinViewHeightDeg && e.width() < kMinViewHeightDeg)
        factor = kMinViewHeightDeg / std::max(e.height(), e.width());
    if (map) {
        const gis::Extent full = map->fullExtent();
        const double maxSide = std::max(full.width(), full.height()) * kMaxViewFactor;
        const double side = std::max(e.width(), e.height());
        if (side > maxSide)
            factor = maxSide / side;
    }
    return factor == 1.0 ? e : scaledAround(e, c, factor);
}

gis::Extent MapCanvas::anchored(gis::Extent e, gis::Point lonLat, QPointF px) const
{
    // The x scale depends on the view's mid-latitude, so a shift changes it slightly: a few
    // corrections with the renderer's own transform converge far below a pixel.
    for (int i = 0; i < 12; ++i) {
        const layers::MapTransform t(e, area());
        const QPointF d = t.toPixel(lonLat) - px;
        if (std::abs(d.x()) < 1e-9 && std::abs(d.y()) < 1e-9)
            break;
        const double ppd = t.pixelsPerDegreeLat();
        e = shifted(e, d.x() / (ppd * t.xScale()), -d.y() / ppd);
    }
    return e;
}

void MapCanvas::setView(const gis::Extent& extent)
{
    if (extent.isEmpty())
        return;
    mView = limited(extent);
    emit viewChanged();
    requestRender();
}

void MapCanvas::zoomToFullExtent()
{
    if (const auto map = mWorkspace->map())
        setView(layers::paddedExtent(map->fullExtent(), kFullExtentMargin));
}

void MapCanvas::zoomToExtent(const gis::Extent& extent)
{
    setView(layers::paddedExtent(extent, 0.08));
}

void MapCanvas::zoomAt(double factor, QPointF anchorPx)
{
    if (mView.isEmpty())
        return;
    const layers::MapTransform t = transform();
    const gis::Point anchor = t.toLonLat(anchorPx);
    const gis::Extent wanted = limited(scaledAround(t.visibleExtent(), anchor, factor));
    mView = anchored(wanted, anchor, anchorPx);
    emit viewChanged();
    requestRender();
}

double MapCanvas::scaleDenominator() const
{
    if (mView.isEmpty() || width() < 2)
        return 0.0;
    const layers::MapTransform t = transform();
    const QPointF c = area().center();
    const double metresPerPixel =
        gis::geodesicDistanceM(t.toLonLat(c - QPointF(50, 0)), t.toLonLat(c + QPointF(50, 0))) / 100.0;
    const double metresPerScreenPixel = 0.0254 / std::max(1, logicalDpiX());
    return metresPerPixel / metresPerScreenPixel;
}

void MapCanvas::requestRender()
{
    ++mGeneration;
    mPending = true;
    if (mWatcher.isRunning()) {
        mCancel->store(true); // it finishes early; jobFinished() starts the newest view
        return;
    }
    startJob();
}

void MapCanvas::startJob()
{
    mPending = false;
    if (!mWorkspace->map() || mView.isEmpty() || width() <= 0 || height() <= 0) {
        update();
        return;
    }
    FrameRequest request;
    request.map = mWorkspace->map();
    request.layers = mWorkspace->renderLayers();
    request.view = mView;
    request.sizePx = size();
    request.pixelRatio = devicePixelRatioF();
    mCancel = std::make_shared<std::atomic<bool>>(false);
    mJobGeneration = mGeneration;
    mJobView = view();
    mWatcher.setFuture(QtConcurrent::run([request, cancel = mCancel]() { return renderFrame(request, *cancel); }));
}

void MapCanvas::jobFinished()
{
    const QImage image = mWatcher.result();
    if (!image.isNull()) {
        mFrame = image;
        mFrameView = mJobView;
        mFrameGeneration = mJobGeneration;
        ++mFramesFinished;
        update();
        emit frameReady();
    }
    if (mPending)
        startJob();
}

void MapCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0xdc, 0xe6, 0xee));
    const layers::MapTransform t = transform();
    if (!mFrame.isNull() && !mFrameView.isEmpty()) {
        // the last frame where its extent lies in the current view: shifted while panning,
        // scaled while zooming, until the new frame arrives
        const QRectF target(t.toPixel({mFrameView.minX, mFrameView.maxY}),
                            t.toPixel({mFrameView.maxX, mFrameView.minY}));
        painter.setRenderHint(QPainter::SmoothPixmapTransform, !frameIsCurrent());
        painter.drawImage(target, mFrame);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    drawOverlays(painter, t);
}

void MapCanvas::drawOverlays(QPainter& painter, const layers::MapTransform& t)
{
    const QTransform& toPx = t.transform();
    painter.setBrush(Qt::NoBrush);
    if (!mWorkspace->selection().empty()) {
        QColor fill(0x1f, 0x5f, 0xbf, 50);
        for (const std::string& code : mWorkspace->selection()) {
            const QPainterPath path = toPx.map(mWorkspace->villagePath(code));
            painter.fillPath(path, fill);
            painter.strokePath(path, QPen(QColor(0x1f, 0x5f, 0xbf), 1.6));
        }
    }
    if (!mWorkspace->currentVillage().empty()) {
        const QPainterPath path = toPx.map(mWorkspace->villagePath(mWorkspace->currentVillage()));
        painter.strokePath(path, QPen(QColor(255, 255, 255), 5.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.strokePath(path, QPen(QColor(0x11, 0x11, 0x11), 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    }
    if (mDrag == Drag::Box) {
        painter.setPen(QPen(QColor(0x1f, 0x5f, 0xbf), 1.2, Qt::DashLine));
        painter.setBrush(QColor(0x1f, 0x5f, 0xbf, 30));
        painter.drawRect(QRectF(mPressPx, mLastPx).normalized());
    }
    if (!mMeasure.empty()) {
        QPolygonF line;
        for (const gis::Point& p : mMeasure)
            line << t.toPixel(p);
        if (!mMeasureDone && mTool == Tool::Measure)
            line << mLastPx;
        painter.setPen(QPen(QColor(0xc0, 0x10, 0x50), 2.0, Qt::DashLine));
        painter.setBrush(mMeasure.size() >= 3 ? QColor(0xc0, 0x10, 0x50, 35) : QColor(Qt::transparent));
        if (mMeasure.size() >= 3)
            painter.drawPolygon(line);
        else
            painter.drawPolyline(line);
        painter.setBrush(QColor(0xc0, 0x10, 0x50));
        for (const gis::Point& p : mMeasure)
            painter.drawEllipse(t.toPixel(p), 3.0, 3.0);
    }
}

void MapCanvas::resizeEvent(QResizeEvent*)
{
    requestRender();
}

void MapCanvas::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0 || mView.isEmpty())
        return;
    zoomAt(std::pow(0.8, steps / 120.0), event->position());
    event->accept();
}

void MapCanvas::setTool(Tool tool)
{
    mTool = tool;
    setCursor(tool == Tool::Pan ? Qt::OpenHandCursor : Qt::CrossCursor);
    if (tool != Tool::Measure)
        clearMeasure();
}

void MapCanvas::clearMeasure()
{
    mMeasure.clear();
    mMeasureDone = false;
    update();
    emit measureChanged();
}

double MapCanvas::measuredLengthM() const
{
    double m = 0.0;
    for (std::size_t i = 1; i < mMeasure.size(); ++i)
        m += gis::geodesicDistanceM(mMeasure[i - 1], mMeasure[i]);
    return m;
}

double MapCanvas::measuredAreaM2() const
{
    if (mMeasure.size() < 3)
        return 0.0;
    gis::Polygon polygon;
    polygon.exterior = mMeasure;
    polygon.exterior.push_back(mMeasure.front());
    return std::abs(gis::geodesicAreaM2(polygon));
}

void MapCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::RightButton && mTool == Tool::Measure) {
        clearMeasure();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    mPressPx = mLastPx = event->position();
    mPressLonLat = toLonLat(mPressPx);
    mPressView = mView;
    mMoved = false;
    const bool box = mTool == Tool::BoxZoom || (event->modifiers() & Qt::ShiftModifier);
    mDrag = mTool == Tool::Measure ? Drag::None : (box ? Drag::Box : Drag::Pan);
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event)
{
    mLastPx = event->position();
    emit cursorMoved(toLonLat(mLastPx));
    if ((mLastPx - mPressPx).manhattanLength() >= 4)
        mMoved = true;
    if (mDrag == Drag::Pan && mMoved) {
        // the point pressed stays under the cursor
        mView = anchored(mPressView, mPressLonLat, mLastPx);
        emit viewChanged();
        requestRender();
        update();
    } else if (mDrag == Drag::Box || (mTool == Tool::Measure && !mMeasure.empty())) {
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    mLastPx = event->position();
    const Drag drag = mDrag;
    mDrag = Drag::None;
    if (mTool == Tool::Measure) {
        if (mSkipRelease) { // the release of a double click that ended the line
            mSkipRelease = false;
            return;
        }
        if (mMeasureDone)
            mMeasure.clear();
        mMeasureDone = false;
        mMeasure.push_back(toLonLat(mLastPx));
        update();
        emit measureChanged();
        return;
    }
    if (!mMoved && (mLastPx - mPressPx).manhattanLength() < 4) {
        update();
        emit clicked(toLonLat(mLastPx));
        return;
    }
    if (drag == Drag::Box) {
        gis::Extent box;
        box.include(toLonLat(mPressPx));
        box.include(toLonLat(mLastPx));
        setView(box);
    } else if (drag == Drag::Pan) {
        mView = anchored(mPressView, mPressLonLat, mLastPx);
        emit viewChanged();
        requestRender();
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (mTool == Tool::Measure && event->button() == Qt::LeftButton) {
        mMeasureDone = true; // the first click of the double click added the last point
        mSkipRelease = true;
        update();
        emit measureChanged();
    }
}

void MapCanvas::keyPressEvent(QKeyEvent* event)
{
    const QPointF c = area().center();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(0.8, c);
        break;
    case Qt::Key_Minus:
        zoomAt(1.25, c);
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const QPointF step(event->key() == Qt::Key_Left        ? 80
                               : event->key() == Qt::Key_Right ? -80
                                                               : 0,
                           event->key() == Qt::Key_Up         ? 80
                               : event->key() == Qt::Key_Down ? -80
                                                              : 0);
        mView = anchored(mView, toLonLat(c), c + step);
        emit viewChanged();
        requestRender();
        break;
    }
    case Qt::Key_Escape:
        clearMeasure();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace ui
} // namespace app
