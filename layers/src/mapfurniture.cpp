#include "thematicmap_p.h"

#include "gis/crs.h"
#include "gis/error.h"
#include "gis/measure.h"
#include "layers/colorramp.h"
#include "layers/numberformat.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace layers::detail {

namespace {

/// A scale-bar number: no decimals for whole numbers, else one ("2,5").
QString formatNumberQ(double value)
{
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return QString::fromStdString(formatNumber(value, whole ? 0 : 1));
}

/// "104°45' BT" / "5°30' LS"
QString formatDegrees(double value, bool longitude, double stepDeg)
{
    const char* hemisphere = longitude ? (value < 0 ? "BB" : "BT") : (value < 0 ? "LS" : "LU");
    const double a = std::fabs(value);
    int degrees = static_cast<int>(std::floor(a + 1e-9));
    int minutes = static_cast<int>(std::lround((a - degrees) * 60.0));
    if (minutes == 60) {
        ++degrees;
        minutes = 0;
    }
    QString text = QString::number(degrees) + QChar(0x00B0);
    if (stepDeg < 1.0 - 1e-9 || minutes != 0)
        text += QStringLiteral("%1'").arg(minutes, 2, 10, QLatin1Char('0'));
    return text + QLatin1Char(' ') + QLatin1String(hemisphere);
}

double niceTickStepDeg(double spanDeg, int targetTicks)
{
    static const std::array<double, 12> kSteps = {1.0 / 60, 2.0 / 60, 5.0 / 60, 10.0 / 60, 15.0 / 60, 20.0 / 60,
                                                  0.5,      1.0,      2.0,      5.0,       10.0,      15.0};
    for (double s : kSteps)
        if (spanDeg / s <= targetTicks)
            return s;
    return 30.0;
}

/// A round scale-bar length (1, 2, 2.5 or 5 × 10^k km) not longer than \a maxKm.
double niceKm(double maxKm)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxKm)));
    for (double f : {5.0, 2.5, 2.0, 1.0})
        if (f * magnitude <= maxKm)
            return f * magnitude;
    return magnitude;
}

/// Metres on the ground per device pixel, horizontally at the middle of the view.
double metresPerPixel(const MapTransform& t)
{
    const gis::Extent v = t.visibleExtent();
    const gis::Point c = v.center();
    const double dLon = std::max(v.width() / 10.0, 1e-6);
    const double metres = gis::geodesicDistanceM({c.x - dLon / 2, c.y}, {c.x + dLon / 2, c.y});
    const double pixels = dLon * t.xScale() * t.pixelsPerDegreeLat();
    return metres / pixels;
}

/// Rounds a scale denominator to three significant digits: 348 712 -> 349 000.
double roundScale(double denominator)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 2.0);
    return std::round(denominator / magnitude) * magnitude;
}

/// North arrow ("U" = utara) inside \a box: a split arrowhead, black and white.
void drawNorthArrow(PageContext& pc, const QRectF& box)
{
    const Units& u = pc.u;
    QPainter& p = pc.painter;
    const QFont font = u.font(9.0, true);
    const double letterH = pc.metrics(font).height();
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRectF(box.left(), box.top(), box.width(), letterH), Qt::AlignHCenter | Qt::AlignTop,
               QStringLiteral("U"));
    const double w = std::min(box.width(), u.mm(7.0));
    const double cx = box.center().x();
    const double top = box.top() + letterH + u.mm(0.3);
    const double bottom = box.bottom();
    const double notch = bottom - (bottom - top) * 0.22;
    QPolygonF left, right;
    left << QPointF(cx, top) << QPointF(cx - w / 2.0, bottom) << QPointF(cx, notch);
    right << QPointF(cx, top) << QPointF(cx + w / 2.0, bottom) << QPointF(cx, notch);
    p.setPen(QPen(Qt::black, u.mm(0.25), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::black);
    p.drawPolygon(left);
    p.setBrush(Qt::white);
    p.drawPolygon(right);
    p.restore();
}

/// Size of the north arrow block.
QSizeF northArrowSize(PageContext& pc)
{
    return {pc.u.mm(8.0), pc.metrics(pc.u.font(9.0, true)).height() + pc.u.mm(11.5)};
}

/// The scale bar: 4 alternating segments of a round length in km (true at the map's middle
/// latitude) and the nominal scale. Drawn with its top-left at \a origin, at most \a maxWidthPx
/// wide; returns the size used. With \a paint false only measures.
QSizeF drawScaleBar(PageContext& pc, QPointF origin, double maxWidthPx, const MapTransform& t, double dpi, bool paint,
                    ScaleInfo* info = nullptr)
{
    const Units& u = pc.u;
    QPainter& p = pc.painter;
    const double mPerPx = metresPerPixel(t);
    const QFont font = u.font(7.0);
    const QFontMetricsF fm = pc.metrics(font);
    const QString unitText = QStringLiteral(" km");
    // leave room for the last label and its unit
    const double reserve = fm.horizontalAdvance(QStringLiteral("000") + unitText);
    const double km = niceKm(std::max(maxWidthPx - reserve, 1.0) * mPerPx / 1000.0);
    const double barPx = km * 1000.0 / mPerPx;
    const double barH = u.mm(1.6);
    const double yBar = origin.y() + fm.height();
    const double denominator = roundScale(mPerPx * dpi / 0.0254);
    const QString scaleText = QStringLiteral("Skala 1 : ") + qs(formatNumber(denominator, 0));
    if (info)
        *info = {km, barPx, denominator, t.visibleExtent().center().y};
    const double height = fm.height() + barH + u.mm(1.0) + fm.height();
    const double width =
        std::max(barPx + fm.horizontalAdvance(formatNumberQ(km) + unitText) / 2.0 + fm.horizontalAdvance(unitText),
                 fm.horizontalAdvance(scaleText));
    if (!paint)
        return {width, height};
    const double x0 = origin.x() + fm.horizontalAdvance(QStringLiteral("0")) / 2.0;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    constexpr int kSegments = 4;
    p.setPen(QPen(Qt::black, u.mm(0.2)));
    for (int i = 0; i < kSegments; ++i) {
        p.setBrush(i % 2 == 0 ? Qt::black : Qt::white);
        p.drawRect(QRectF(x0 + barPx * i / kSegments, yBar, barPx / kSegments, barH));
    }
    p.setFont(font);
    p.setPen(Qt::black);
    auto label = [&](double fraction, const QString& text, bool withUnit) {
        const double x = x0 + barPx * fraction;
        const double w = fm.horizontalAdvance(text);
        p.drawText(QPointF(x - w / 2.0, yBar - u.mm(0.8)), text);
        if (withUnit)
            p.drawText(QPointF(x + w / 2.0, yBar - u.mm(0.8)), unitText);
    };
    label(0.0, QStringLiteral("0"), false);
    label(0.5, formatNumberQ(km / 2.0), false);
    label(1.0, formatNumberQ(km), true);
    p.drawText(QPointF(origin.x(), yBar + barH + u.mm(1.0) + fm.ascent()), scaleText);
    p.restore();
    return {width, height};
}

/// "480 000" (metres, thin-space groups as BIG's maps print them).
QString formatMetres(double metres)
{
    return qs(formatNumber(std::round(metres), 0)).replace(QLatin1Char('.'), QChar(0x2009));
}

/// The longitude on parallel \a lat where the UTM easting is \a easting (bisection; easting
/// grows with longitude inside a zone).
double lonAtEasting(const gis::CoordinateTransform& utm, double lat, double easting, double lon0, double lon1)
{
    for (int i = 0; i < 50; ++i) {
        const double mid = (lon0 + lon1) / 2.0;
        (utm.forward({mid, lat}).x < easting ? lon0 : lon1) = mid;
    }
    return (lon0 + lon1) / 2.0;
}

/// The latitude on meridian \a lon where the UTM northing is \a northing.
double latAtNorthing(const gis::CoordinateTransform& utm, double lon, double northing, double lat0, double lat1)
{
    for (int i = 0; i < 50; ++i) {
        const double mid = (lat0 + lat1) / 2.0;
        (utm.forward({lon, mid}).y < northing ? lat0 : lat1) = mid;
    }
    return (lat0 + lat1) / 2.0;
}

} // namespace

double deviceDpi(const QPainter& painter)
{
    const QPaintDevice* device = painter.device();
    const int dpi = device ? device->logicalDpiY() : 0;
    return dpi > 0 ? dpi : 96.0;
}

void drawHatching(QPainter& painter, const QPainterPath& pathPx, const Units& u)
{
    const QRectF box = pathPx.boundingRect();
    const double spacing = u.mm(1.1);
    painter.save();
    painter.setClipPath(pathPx, Qt::IntersectClip);
    painter.setPen(QPen(noDataHatchColor(), u.mm(0.12)));
    // 45° lines: x - y = const, aligned to a global grid so neighbours join up
    const double start = std::floor((box.left() - box.bottom()) / spacing) * spacing;
    for (double c = start; c <= box.right() - box.top(); c += spacing)
        painter.drawLine(QPointF(box.top() + c, box.top()), QPointF(box.bottom() + c, box.bottom()));
    painter.restore();
}

/// Text with a light halo under real text, so PDF text stays searchable. The halo is the
/// stroked glyph outline; \a compact draws a soft box instead, which costs a few bytes rather
/// than every glyph's curves (e-mail size PDFs).
void drawHaloText(QPainter& painter, QPointF centre, const QString& text, const QFont& font, const QColor& color,
                  double haloPx, bool compact)
{
    const QFontMetricsF fm(font, painter.device());
    const QRectF br = fm.tightBoundingRect(text);
    const QPointF origin(centre.x() - br.center().x(), centre.y() - br.center().y());
    painter.save();
    if (compact) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 190));
        painter.drawRoundedRect(br.translated(origin).adjusted(-haloPx, -haloPx, haloPx, haloPx), haloPx, haloPx);
    } else {
        QPainterPath outline;
        outline.addText(origin, font, text);
        painter.strokePath(outline,
                           QPen(QColor(255, 255, 255), haloPx * 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    }
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(origin, text);
    painter.restore();
}

/// Draws \a text wrapped into \a width from \a top; returns the height used.
double drawWrapped(PageContext& pc, const QRectF& area, const QString& text, const QFont& font, const QColor& color,
                   int flags)
{
    const QFontMetricsF fm = pc.metrics(font);
    const QRectF needed =
        fm.boundingRect(QRectF(area.left(), area.top(), area.width(), 1e6), flags | Qt::TextWordWrap, text);
    pc.painter.setFont(font);
    pc.painter.setPen(color);
    pc.painter.drawText(QRectF(area.left(), area.top(), area.width(), needed.height()), flags | Qt::TextWordWrap, text);
    return needed.height();
}

double wrappedHeight(PageContext& pc, double width, const QString& text, const QFont& font)
{
    return pc.metrics(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

double drawOrientationPanel(PageContext& pc, QPointF topLeft, double width, const MapTransform& t, double dpi,
                            bool paint, bool translucent, ScaleInfo* info)
{
    const Units& u = pc.u;
    const double pad = u.mm(2.5);
    const QSizeF arrow = northArrowSize(pc);
    const double barMax = width - 3.0 * pad - arrow.width();
    const QSizeF bar = drawScaleBar(pc, QPointF(), barMax, t, dpi, false);
    const double height = std::max(arrow.height(), bar.height()) + 2.0 * pad;
    if (!paint)
        return height;
    const QRectF panel(topLeft, QSizeF(width, height));
    QPainter& p = pc.painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    if (translucent) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 215));
        p.drawRoundedRect(panel, u.mm(1.0), u.mm(1.0));
    } else {
        p.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), u.mm(0.25)));
        p.setBrush(QColor(0xfa, 0xfa, 0xfa));
        p.drawRect(panel);
    }
    p.restore();
    drawNorthArrow(pc, QRectF(QPointF(panel.left() + pad, panel.top() + pad), arrow));
    drawScaleBar(pc, QPointF(panel.left() + 2.0 * pad + arrow.width(), panel.center().y() - bar.height() / 2.0), barMax,
                 t, dpi, true, info);
    return height;
}

/// Ticks in metres of the view's UTM zone on the top and right edges of the frame (degrees are on
/// the bottom and left), each where the grid line crosses the edge. Returns the zone, "48S".
std::string drawUtmTicks(PageContext& pc, const QRectF& frame, const MapTransform& t)
{
    const Units& u = pc.u;
    QPainter& p = pc.painter;
    const gis::Extent v = t.visibleExtent();
    // a UTM grid is only meaningful inside its zone (6° of longitude); national maps get degrees alone
    if (v.width() > 7.0)
        return {};
    const std::string crs = gis::utmCrsFor(v.center());
    const int code = std::stoi(crs.substr(5));
    const std::string zone = std::to_string(code % 100) + (code >= 32700 ? "S" : "N");
    std::optional<gis::CoordinateTransform> utm;
    try {
        utm.emplace("EPSG:4326", crs);
    } catch (const gis::Error&) {
        return zone; // no PROJ database entry: degree ticks alone still locate the map
    }
    const QFont font = u.font(5.5);
    const QFontMetricsF fm = pc.metrics(font);
    const double tick = u.mm(1.6);
    const QColor color(0x1f, 0x4e, 0x79);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(font);
    auto niceMetres = [](double span) {
        for (double step : {1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 50000.0, 100000.0, 200000.0, 500000.0})
            if (span / step <= 6)
                return step;
        return 1000000.0;
    };
    // eastings along the top edge
    const double eWest = utm->forward({v.minX, v.maxY}).x, eEast = utm->forward({v.maxX, v.maxY}).x;
    const double eStep = niceMetres(eEast - eWest);
    for (double e = std::ceil(eWest / eStep) * eStep; e <= eEast; e += eStep) {
        const double lon = lonAtEasting(*utm, v.maxY, e, v.minX, v.maxX);
        const double x = t.toPixel({lon, v.maxY}).x();
        if (x < frame.left() + u.mm(3) || x > frame.right() - u.mm(3))
            continue;
        p.setPen(QPen(color, u.mm(0.2)));
        p.drawLine(QPointF(x, frame.top()), QPointF(x, frame.top() + tick));
        const QString text = formatMetres(e) + QStringLiteral(" mT");
        p.drawText(QPointF(x - fm.horizontalAdvance(text) / 2.0, frame.top() - u.mm(0.8) - fm.descent()), text);
    }
    // northings along the right edge
    const double nSouth = utm->forward({v.maxX, v.minY}).y, nNorth = utm->forward({v.maxX, v.maxY}).y;
    const double nStep = niceMetres(nNorth - nSouth);
    for (double n = std::ceil(nSouth / nStep) * nStep; n <= nNorth; n += nStep) {
        const double lat = latAtNorthing(*utm, v.maxX, n, v.minY, v.maxY);
        const double y = t.toPixel({v.maxX, lat}).y();
        if (y < frame.top() + u.mm(3) || y > frame.bottom() - u.mm(3))
            continue;
        p.setPen(QPen(color, u.mm(0.2)));
        p.drawLine(QPointF(frame.right(), y), QPointF(frame.right() - tick, y));
        const QString text = formatMetres(n) + QStringLiteral(" mU");
        p.save();
        p.translate(frame.right() + u.mm(0.8) + fm.ascent(), y + fm.horizontalAdvance(text) / 2.0);
        p.rotate(-90.0);
        p.drawText(QPointF(0, 0), text);
        p.restore();
    }
    p.restore();
    return zone;
}

void drawGraticuleTicks(PageContext& pc, const QRectF& frame, const MapTransform& t)
{
    const Units& u = pc.u;
    QPainter& p = pc.painter;
    const gis::Extent v = t.visibleExtent();
    const QFont font = u.font(6.0);
    const QFontMetricsF fm = pc.metrics(font);
    const double tick = u.mm(1.6);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(font);
    const QPen tickPen(Qt::black, u.mm(0.2));
    const double lonStep = niceTickStepDeg(v.width(), 6);
    for (double lon = std::ceil(v.minX / lonStep - 1e-9) * lonStep; lon <= v.maxX + 1e-12; lon += lonStep) {
        const double x = t.toPixel({lon, v.minY}).x();
        if (x < frame.left() + u.mm(2) || x > frame.right() - u.mm(2))
            continue;
        p.setPen(tickPen);
        p.drawLine(QPointF(x, frame.bottom()), QPointF(x, frame.bottom() - tick));
        const QString text = formatDegrees(lon, true, lonStep);
        p.setPen(QColor(0x33, 0x33, 0x33));
        p.drawText(QPointF(x - fm.horizontalAdvance(text) / 2.0, frame.bottom() + u.mm(0.8) + fm.ascent()), text);
    }
    const double latStep = niceTickStepDeg(v.height(), 6);
    for (double lat = std::ceil(v.minY / latStep - 1e-9) * latStep; lat <= v.maxY + 1e-12; lat += latStep) {
        const double y = t.toPixel({v.minX, lat}).y();
        if (y < frame.top() + u.mm(2) || y > frame.bottom() - u.mm(2))
            continue;
        p.setPen(tickPen);
        p.drawLine(QPointF(frame.left(), y), QPointF(frame.left() + tick, y));
        const QString text = formatDegrees(lat, false, latStep);
        p.setPen(QColor(0x33, 0x33, 0x33));
        p.save();
        p.translate(frame.left() - u.mm(0.8) - fm.descent(), y + fm.horizontalAdvance(text) / 2.0);
        p.rotate(-90.0);
        p.drawText(QPointF(0, 0), text);
        p.restore();
    }
    p.restore();
}

/// The inset locator: with a focus, the regency with the focus kecamatan in red; otherwise the
/// land of Indonesia around the regency with the regency in red. Framed, at \a box.
void drawInset(PageContext& pc, const QRectF& box, const ThematicMap::Snapshot& d, Lang lang)
{
    const Units& u = pc.u;
    QPainter& p = pc.painter;
    const bool focused = !d.spec.focusArea.empty();
    gis::Extent window;
    if (focused) {
        window = paddedExtent(d.extent, 0.08);
    } else {
        // a few hundred kilometres around the regency: enough coast to recognise the island
        const gis::Point c = d.extent.center();
        const double half = std::max({d.extent.width(), d.extent.height(), 0.5}) * 3.0;
        window = gis::Extent{c.x - half, c.y - half * 0.75, c.x + half, c.y + half * 0.75};
    }
    const MapTransform t(window, box);
    const QTransform& xf = t.transform();
    // a few centimetres wide: detail under 0.2 mm is invisible, and cut to the box
    const double step = u.mm(0.2);
    const QRectF clip = box.adjusted(-u.mm(1), -u.mm(1), u.mm(1), u.mm(1));
    auto path = [&](const std::vector<QPolygonF>& rings) { return pixelPath(rings, xf, step, clip); };
    auto shapePath = [&](const Shape& k) { return pixelPath(d.store, k.rings, xf, step, clip); };
    p.save();
    p.setClipRect(box);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(box, seaColor());
    const QColor red(0xcb, 0x18, 0x1d);
    if (focused) {
        if (!d.backgroundLand.empty())
            p.fillPath(path(d.backgroundLand), landColor());
        p.setPen(QPen(QColor(0x80, 0x80, 0x80), u.mm(0.12)));
        for (const Shape& k : d.kecamatan) {
            p.setBrush(k.code == d.spec.focusArea ? red : QColor(0xe6, 0xe2, 0xda));
            p.drawPath(shapePath(k));
        }
    } else {
        p.setPen(Qt::NoPen);
        p.fillPath(path(d.locatorNeighbours), QColor(0xe9, 0xe9, 0xe9));
        p.fillPath(path(d.locatorIndonesia), landColor().darker(104));
        p.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.1)));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path(d.locatorIndonesia));
        p.setPen(QPen(red.darker(130), u.mm(0.15)));
        p.setBrush(red);
        for (const Shape& k : d.kabupaten)
            p.drawPath(shapePath(k));
        if (d.kabupaten.empty())
            for (const Shape& k : d.kecamatan)
                p.drawPath(shapePath(k));
        // a box round the regency, since a small regency is only a few pixels here
        const QRectF r = QRectF(t.toPixel({d.extent.minX, d.extent.maxY}), t.toPixel({d.extent.maxX, d.extent.minY}))
                             .normalized()
                             .adjusted(-u.mm(1.2), -u.mm(1.2), u.mm(1.2), u.mm(1.2));
        p.setPen(QPen(red, u.mm(0.35)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
    }
    p.restore();
    p.save();
    p.setPen(QPen(QColor(0x40, 0x40, 0x40), u.mm(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(box);
    const QFont font = u.font(6.0, true);
    p.setFont(font);
    const QString caption = focused
        ? (d.city ? (lang == Lang::En ? QStringLiteral("Location in the city") : QStringLiteral("Letak dalam kota"))
                  : (lang == Lang::En ? QStringLiteral("Location in the regency")
                                      : QStringLiteral("Letak dalam kabupaten")))
        : (lang == Lang::En ? QStringLiteral("Location") : QStringLiteral("Letak wilayah"));
    const QFontMetricsF fm = pc.metrics(font);
    const QRectF tag(box.left(), box.top(), fm.horizontalAdvance(caption) + u.mm(2.0), fm.height() + u.mm(0.8));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 220));
    p.drawRect(tag);
    p.setPen(QColor(0x1a, 0x1a, 0x1a));
    p.drawText(tag, Qt::AlignCenter, caption);
    p.restore();
}

} // namespace layers::detail
