#pragma once
/// \file statuspanel.h
/// The status bar's permanent part: map scale 1 : N, the cursor in lon/lat and in UTM, and the
/// provenance of the boundaries and of the values, each said separately.
/// \note GUI thread only.
#include "gis/geometry.h"

#include <QWidget>

#include <memory>
#include <string>

class QLabel;

namespace gis {
class CoordinateTransform;
}

namespace app {
namespace ui {

class MapCanvas;
class Workspace;

class StatusPanel : public QWidget {
    Q_OBJECT
public:
    StatusPanel(Workspace* workspace, MapCanvas* canvas, QWidget* parent = nullptr);
    ~StatusPanel() override;

    QString scaleText() const;
    QString cursorText() const;
    QString utmText() const;
    QString boundaryText() const;
    QString valueText() const;

    /// \brief "48S 512.345 m T, 9.390.123 m U" for \a lonLat (UTM zone of the point).
    QString utmFor(gis::Point lonLat);

private:
    void showCursor(gis::Point lonLat);
    void showScale();
    void showProvenance();

    Workspace* mWorkspace;
    MapCanvas* mCanvas;
    QLabel* mScale = nullptr;
    QLabel* mCursor = nullptr;
    QLabel* mUtm = nullptr;
    QLabel* mBoundaries = nullptr;
    QLabel* mValues = nullptr;
    std::string mUtmCrs;
    std::unique_ptr<gis::CoordinateTransform> mToUtm;
};

} // namespace ui
} // namespace app
