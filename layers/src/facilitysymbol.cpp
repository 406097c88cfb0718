#include "layers/facilitysymbol.h"

#include <QFont>
#include <QPaintDevice>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QPolygonF>

#include <cctype>
#include <cmath>
#include <numbers>
#include <tuple>
#include <utility>

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

namespace {

/// The symbols' fixed parts around (0, 0) for one size, made once and translated to each
/// facility: a national map draws tens of thousands of them, and simplifying the crosses and
/// building the circle for every one was most of their cost.
struct SymbolShapes {
    double size = -1.0;
    QPainterPath puskessosCross, puskesmasDisc, puskesmasCross, otherDisc;
    /// BUMDes triangle and tourism star with their white outlines already stroked (round joins
    /// cost Qt's stroker trigonometry at every symbol); used on raster pages only, as a PDF
    /// keeps the plain stroke.
    QPainterPath bumdesShape, bumdesOutline, wisataShape, wisataOutline;
};

QPolygonF bumdesTriangle(QPointF c, double r)
{
    QPolygonF tri;
    tri << QPointF(c.x(), c.y() - r) << QPointF(c.x() + r * 0.95, c.y() + r * 0.75)
        << QPointF(c.x() - r * 0.95, c.y() + r * 0.75);
    return tri;
}

QPolygonF wisataStar(QPointF c, double r)
{
    QPolygonF star;
    for (int i = 0; i < 10; ++i) {
        const double angle = -std::numbers::pi / 2.0 + i * std::numbers::pi / 5.0;
        const double radius = (i % 2 == 0) ? r * 1.1 : r * 0.45;
        star << QPointF(c.x() + radius * std::cos(angle), c.y() + radius * std::sin(angle) + r * 0.08);
    }
    return star;
}

double outlineWidth(double size)
{
    return std::max(size * 0.09, 0.5);
}

/// \a polygon closed as drawPolygon closes it, and the outline a round-joined pen of \a width makes.
std::pair<QPainterPath, QPainterPath> shapeAndOutline(const QPolygonF& polygon, double width)
{
    QPainterPath shape;
    shape.addPolygon(polygon);
    shape.closeSubpath();
    QPainterPathStroker stroker;
    stroker.setWidth(width);
    stroker.setCapStyle(Qt::RoundCap);
    stroker.setJoinStyle(Qt::RoundJoin);
    return {shape, stroker.createStroke(shape)};
}

QPainterPath crossPath(double arm, double half)
{
    QPainterPath cross;
    cross.addRect(QRectF(-half, -arm, 2 * half, 2 * arm));
    cross.addRect(QRectF(-arm, -half, 2 * arm, 2 * half));
    cross.setFillRule(Qt::WindingFill);
    return cross.simplified();
}

const SymbolShapes& symbolShapes(double size)
{
    thread_local SymbolShapes shapes;
    if (shapes.size != size) {
        const double r = size / 2.0;
        shapes.size = size;
        shapes.puskessosCross = crossPath(r * 0.62, r * 0.2);
        shapes.puskesmasCross = crossPath(r * 0.55, r * 0.16);
        shapes.puskesmasDisc = QPainterPath();
        shapes.puskesmasDisc.addEllipse(QPointF(0, 0), r, r);
        shapes.otherDisc = QPainterPath();
        shapes.otherDisc.addEllipse(QPointF(0, 0), r * 0.6, r * 0.6);
        std::tie(shapes.bumdesShape, shapes.bumdesOutline) =
            shapeAndOutline(bumdesTriangle(QPointF(0, 0), r), outlineWidth(size));
        std::tie(shapes.wisataShape, shapes.wisataOutline) =
            shapeAndOutline(wisataStar(QPointF(0, 0), r), outlineWidth(size));
    }
    return shapes;
}

} // namespace

void drawFacilitySymbol(QPainter& painter, const std::string& kind, QPointF c, double size)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double r = size / 2.0;
    const double outline = outlineWidth(size);
    const QColor color = facilityKindColor(kind);
    const bool raster = painter.device() && painter.device()->devType() == QInternal::Image;
    if (raster && (kind == "BUMDES" || kind == "WISATA")) {
        const SymbolShapes& shapes = symbolShapes(size);
        const bool bumdes = kind == "BUMDES";
        painter.fillPath((bumdes ? shapes.bumdesShape : shapes.wisataShape).translated(c), color);
        painter.fillPath((bumdes ? shapes.bumdesOutline : shapes.wisataOutline).translated(c), Qt::white);
    } else if (kind == "BUMDES") {
        painter.setPen(QPen(Qt::white, outline, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(color);
        painter.drawPolygon(bumdesTriangle(c, r));
    } else if (kind == "PUSKESSOS") {
        const QRectF box(c.x() - r, c.y() - r, size, size);
        painter.setPen(QPen(color, outline, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.setBrush(Qt::white);
        painter.drawRect(box);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(symbolShapes(size).puskessosCross.translated(c));
    } else if (kind == "PUSKESMAS") {
        painter.setPen(QPen(Qt::white, outline));
        painter.setBrush(color);
        painter.drawPath(symbolShapes(size).puskesmasDisc.translated(c));
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawPath(symbolShapes(size).puskesmasCross.translated(c));
    } else if (kind == "WISATA") {
        painter.setPen(QPen(Qt::white, outline, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(color);
        painter.drawPolygon(wisataStar(c, r));
    } else {
        painter.setPen(QPen(Qt::white, outline));
        painter.setBrush(color);
        painter.drawPath(symbolShapes(size).otherDisc.translated(c));
    }
    painter.restore();
}

QColor proposedSiteFillColor()
{
    return QColor(0x08, 0x51, 0x9c); // as the printed maps' proposed sites
}

void drawProposedSiteSymbol(QPainter& painter, QPointF c, double r, int rank)
{
    painter.save();
    painter.setPen(QPen(Qt::white, std::max(1.0, r * 0.28)));
    painter.setBrush(proposedSiteFillColor());
    painter.drawEllipse(c, r, r);
    painter.setPen(QPen(QColor(0x10, 0x10, 0x10), std::max(0.8, r * 0.1)));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(c, r * 1.16, r * 1.16);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(7, static_cast<int>(std::lround(r * (rank >= 10 ? 0.95 : 1.15)))));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(rank));
    painter.restore();
}

} // namespace layers
