#include "layers/facilitysymbol.h"

#include <QPainterPath>
#include <QPolygonF>

#include <cctype>
#include <cmath>
#include <numbers>

namespace layers {

std::vector<std::string> symbolisedFacilityKinds()
{
    return {"BUMDES", "PUSKESSOS", "PUSKESMAS", "WISATA"};
}

std::string facilityKindLabel(const std::string& kind)
{
    if (kind == "BUMDES")
        return "BUMDes";
    if (kind == "PUSKESSOS")
        return "Puskessos";
    if (kind == "PUSKESMAS")
        return "Puskesmas";
    if (kind == "WISATA")
        return "Objek wisata";
    std::string label;
    for (char c : kind)
        label += static_cast<char>(c == '_' ? ' ' : std::tolower(static_cast<unsigned char>(c)));
    if (!label.empty())
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

QColor facilityKindColor(const std::string& kind)
{
    if (kind == "BUMDES")
        return QColor(0x1b, 0x9e, 0x4b);
    if (kind == "PUSKESSOS")
        return QColor(0xd7, 0x19, 0x1c);
    if (kind == "PUSKESMAS")
        return QColor(0x21, 0x66, 0xac);
    if (kind == "WISATA")
        return QColor(0x7b, 0x32, 0x94);
    return QColor(0x40, 0x40, 0x40);
}

void drawFacilitySymbol(QPainter& painter, const std::string& kind, QPointF c, double size)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double r = size / 2.0;
    const double outline = std::max(size * 0.09, 0.5);
    const QColor color = facilityKindColor(kind);
    if (kind == "BUMDES") {
        QPolygonF tri;
        tri << QPointF(c.x(), c.y() - r) << QPointF(c.x() + r * 0.95, c.y() + r * 0.75)
            << QPointF(c.x() - r * 0.95, c.y() + r * 0.75);
        painter.setPen(QPen(Qt::white, outline, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(color);
        painter.drawPolygon(tri);
    } else if (kind == "PUSKESSOS") {
        const QRectF box(c.x() - r, c.y() - r, size, size);
        painter.setPen(QPen(color, outline, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.setBrush(Qt::white);
        painter.drawRect(box);
        const double arm = r * 0.62, half = r * 0.2;
        QPainterPath cross;
        cross.addRect(QRectF(c.x() - half, c.y() - arm, 2 * half, 2 * arm));
        cross.addRect(QRectF(c.x() - arm, c.y() - half, 2 * arm, 2 * half));
        cross.setFillRule(Qt::WindingFill);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(cross.simplified());
    } else if (kind == "PUSKESMAS") {
        painter.setPen(QPen(Qt::white, outline));
        painter.setBrush(color);
        painter.drawEllipse(c, r, r);
        const double arm = r * 0.55, half = r * 0.16;
        QPainterPath cross;
        cross.addRect(QRectF(c.x() - half, c.y() - arm, 2 * half, 2 * arm));
        cross.addRect(QRectF(c.x() - arm, c.y() - half, 2 * arm, 2 * half));
        cross.setFillRule(Qt::WindingFill);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawPath(cross.simplified());
    } else if (kind == "WISATA") {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double angle = -std::numbers::pi / 2.0 + i * std::numbers::pi / 5.0;
            const double radius = (i % 2 == 0) ? r * 1.1 : r * 0.45;
            star << QPointF(c.x() + radius * std::cos(angle), c.y() + radius * std::sin(angle) + r * 0.08);
        }
        painter.setPen(QPen(Qt::white, outline, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(color);
        painter.drawPolygon(star);
    } else {
        painter.setPen(QPen(Qt::white, outline));
        painter.setBrush(color);
        painter.drawEllipse(c, r * 0.6, r * 0.6);
    }
    painter.restore();
}

} // namespace layers
