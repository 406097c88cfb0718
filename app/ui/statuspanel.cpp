#include "ui/statuspanel.h"

#include "gis/crs.h"
#include "gis/error.h"
#include "ui/language.h"
#include "ui/mapcanvas.h"
#include "ui/workspace.h"

#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace app {
namespace ui {

StatusPanel::StatusPanel(Workspace* workspace, MapCanvas* canvas, QWidget* parent)
        : QWidget(parent), mWorkspace(workspace), mCanvas(canvas)
{
    setObjectName(QStringLiteral("statusPanel"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    auto make = [this, layout](const char* name) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        layout->addWidget(label);
        return label;
    };
    mScale = make("scaleLabel");
    mCursor = make("cursorLabel");
    mUtm = make("utmLabel");
    mBoundaries = make("boundaryLabel");
    mValues = make("valueLabel");
    mScale->setMinimumWidth(90);
    mCursor->setMinimumWidth(150);
    mUtm->setMinimumWidth(200);
    connect(mCanvas, &MapCanvas::cursorMoved, this, &StatusPanel::showCursor);
    connect(mCanvas, &MapCanvas::viewChanged, this, &StatusPanel::showScale);
    connect(mWorkspace, &Workspace::projectChanged, this, &StatusPanel::showProvenance);
    showScale();
    showProvenance();
}

StatusPanel::~StatusPanel() = default;

QString StatusPanel::scaleText() const
{
    return mScale->text();
}
QString StatusPanel::cursorText() const
{
    return mCursor->text();
}
QString StatusPanel::utmText() const
{
    return mUtm->text();
}
QString StatusPanel::boundaryText() const
{
    return mBoundaries->text();
}
QString StatusPanel::valueText() const
{
    return mValues->text();
}

void StatusPanel::showScale()
{
    const double n = mCanvas->scaleDenominator();
    if (!(n > 0)) {
        mScale->clear();
        return;
    }
    // round to three significant digits, as a printed scale would be
    const double magnitude = std::pow(10.0, std::floor(std::log10(n)) - 2);
    mScale->setText(tr("Scale 1:%1").arg(formatCount(static_cast<long long>(std::llround(n / magnitude) * magnitude))));
}

QString StatusPanel::utmFor(gis::Point lonLat)
{
    const std::string crs = gis::utmCrsFor(lonLat);
    if (crs != mUtmCrs || !mToUtm) {
        mToUtm = std::make_unique<gis::CoordinateTransform>("EPSG:4326", crs);
        mUtmCrs = crs;
    }
    const gis::Point p = mToUtm->forward(lonLat);
    const int zone = std::stoi(crs.substr(crs.size() - 2));
    const QString zoneName = QString::number(zone) + (lonLat.y < 0 ? QStringLiteral("S") : QStringLiteral("N"));
    return tr("UTM %1: %2 m E, %3 m N").arg(zoneName, formatCount(std::llround(p.x)), formatCount(std::llround(p.y)));
}

void StatusPanel::showCursor(gis::Point lonLat)
{
    mCursor->setText(tr("%1°, %2°").arg(formatNumber(lonLat.x, 5), formatNumber(lonLat.y, 5)));
    try {
        mUtm->setText(utmFor(lonLat));
    } catch (const gis::Error&) {
        mUtm->clear(); // outside the UTM zones
    }
}

void StatusPanel::showProvenance()
{
    mBoundaries->setText(mWorkspace->boundaryProvenance());
    mValues->setText(mWorkspace->valueProvenance());
}

} // namespace ui
} // namespace app
