#pragma once
// Physical sizes on a paint device: millimetres and points to device pixels (private to layers).
#include <QFont>

#include <algorithm>
#include <cmath>

namespace layers::detail {

inline constexpr double kMmPerInch = 25.4;

/// Converts physical sizes to device pixels for one paint device resolution.
struct Units {
    double dpi = 96.0;
    double mm(double millimetres) const { return millimetres * dpi / kMmPerInch; }
    double pt(double points) const { return points * dpi / 72.0; }
    QFont font(double points, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(std::max(1, static_cast<int>(std::lround(pt(points)))));
        f.setBold(bold);
        f.setHintingPreference(QFont::PreferNoHinting);
        return f;
    }
};

} // namespace layers::detail
