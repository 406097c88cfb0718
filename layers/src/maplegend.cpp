#include "thematicmap_p.h"

#include "layers/facilitysymbol.h"
#include "layers/numberformat.h"

#include <QImage>

#include <algorithm>
#include <cmath>

namespace layers::detail {

namespace {

const QColor kTextColor(0x1a, 0x1a, 0x1a);
const QColor kMutedColor(0x55, 0x55, 0x55);

/// Fonts and sizes of the legend (device px for one Units).
struct LegendStyle {
    explicit LegendStyle(const Units& u)
            : pad(u.mm(3.0)), headFont(u.font(10.5, true)), sectionFont(u.font(8.0, true)), rowFont(u.font(7.5)),
              noteFont(u.font(6.5)), swatchW(u.mm(8.0)), swatchH(u.mm(4.6))
    {}
    double pad;
    QFont headFont, sectionFont, rowFont, noteFont;
    double swatchW, swatchH;
};

} // namespace

LegendDescription describeLegend(const ThematicMap::Snapshot& s, const ThematicMap& map, PageContext& pc,
                                 bool presentOnly)
{
    const Units& u = pc.u;
    const Lang lang = s.spec.lang;
    const bool en = lang == Lang::En;
    LegendDescription legend;
    legend.heading = tr(lang, "Legenda", "Legend");
    legend.valueLabel = qs(labelWithUnit(s.info));
    if (!s.period.empty())
        legend.period = en ? QStringLiteral("period ") + qs(s.period) : qs(periodPhrase(s.period));
    legend.countHeading = tr(lang, "jumlah ", "number of ") + qs(en ? "villages" : s.villageWord);
    legend.classes = map.legendEntries();
    if (presentOnly)
        std::erase_if(legend.classes, [](const LegendEntry& e) { return e.count == 0; });
    else
        std::erase_if(legend.classes, [](const LegendEntry& e) { return e.noData && e.count == 0; });
    if (s.spec.travel) {
        legend.valueLabel = qs(s.spec.travel->label);
        legend.period.clear();
        legend.countHeading.clear();
    }
    if (!s.spec.focusArea.empty())
        legend.outsideFocus = tr(lang, "Di luar kecamatan ini", "Outside this kecamatan");
    if (s.spec.travel) {
        legend.classificationNote = tr(lang, "Menit per sel dari model medan (berjalan menurut lereng, lewat jalan)",
                                       "Minutes per cell of the terrain model (walking by slope, by road)");
    } else if (!s.categorical) {
        const ClassificationMethod m = s.classification->method();
        const QString method = en ? qs(methodKey(m)) : qs(methodName(m));
        legend.classificationNote = tr(lang, "Klasifikasi ", "Classification: ") + method + QStringLiteral(", ")
            + QString::number(s.classification->classCount()) + tr(lang, " kelas", " classes");
    }
    legend.boundariesHeading = tr(lang, "Batas wilayah", "Boundaries");
    if (!s.kabupaten.empty())
        legend.lines.push_back({QPen(regencyBorderColor(), u.mm(0.8)), s.city ? tr(lang, "Kota", "City") : tr(lang, "Kabupaten", "Regency")});
    if (!s.kecamatan.empty())
        legend.lines.push_back({QPen(kecamatanBorderColor(), u.mm(0.4)), QStringLiteral("Kecamatan")});
    // over a travel raster the pekon outlines are drawn dark (thematicmap.cpp)
    legend.lines.push_back({QPen(s.spec.travel ? QColor(0x4a, 0x4a, 0x4a) : QColor(0xa0, 0xa0, 0xa0), u.mm(0.15)),
                            en                             ? QStringLiteral("Village (pekon/desa/kelurahan)")
                                : s.villageWord == "pekon" ? QStringLiteral("Pekon/kelurahan")
                                                           : QStringLiteral("Desa/kelurahan")});
    for (RoadTier tier : roadTiersPresent(s.spec.roads))
        legend.lines.push_back({roadLegendPen(tier, u.mm(1.0)), roadTierLabel(tier, en)});
    legend.facilitiesHeading = tr(lang, "Fasilitas", "Facilities");
    if (s.spec.showFacilities)
        legend.facilities = map.facilityLegendEntries();
    if (!s.spec.proposedSites.empty()) {
        // the count is in the text: the count column counts villages, not sites
        legend.proposedCount = static_cast<int>(s.spec.proposedSites.size());
        legend.proposedText = tr(lang, "Usulan lokasi baru (", "Proposed new sites (")
            + QString::number(legend.proposedCount) + QStringLiteral(")");
        legend.proposedNote = tr(lang, "nomor = urutan manfaat; ", "number = order of gain; ")
            + qs(facilityKindLabel(s.spec.proposedKind));
    }
    if (!s.coverageCircles.empty()) {
        legend.reachText =
            tr(lang, "Jangkauan ", "Reach ") + qs(formatNumber(s.spec.coverageRadiusKm, 0)) + QStringLiteral(" km");
        legend.reachColor = facilityKindColor(s.spec.coverageKind);
    }
    const LegendStyle st(u);
    legend.rowHeight = std::max(st.swatchH, pc.metrics(st.rowFont).height()) + u.mm(1.3);
    return legend;
}

double drawLegend(QPainter& lp, const Units& u, const QRectF& area, const LegendDescription& legend)
{
    const LegendStyle st(u);
    PageContext lpc{lp, u};
    const double innerW = area.width() - 2.0 * st.pad;
    const double left = area.left() + st.pad;
    const double rowH = legend.rowHeight;
    const double swatchW = st.swatchW, swatchH = st.swatchH;
    lp.save();
    double ly = area.top() + st.pad;
    ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), legend.heading, st.headFont, kTextColor);
    ly += u.mm(1.5);
    ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), legend.valueLabel, st.sectionFont, kTextColor);
    if (!legend.period.isEmpty())
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), legend.period, st.noteFont, kMutedColor);
    ly += u.mm(1.2);
    lp.setFont(st.noteFont);
    lp.setPen(kMutedColor);
    const QFontMetricsF noteFm = lpc.metrics(st.noteFont);
    lp.drawText(QRectF(left, ly, innerW, noteFm.height()), Qt::AlignRight | Qt::AlignVCenter, legend.countHeading);
    ly += noteFm.height() + u.mm(0.5);
    // a row: a symbol drawn by the caller, the text after it, and the count at the right
    auto textRow = [&](const QString& text, int count) {
        lp.setFont(st.rowFont);
        lp.setPen(kTextColor);
        lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW - u.mm(2.5), rowH),
                    Qt::AlignLeft | Qt::AlignVCenter, text);
        if (count >= 0)
            lp.drawText(QRectF(left, ly, innerW, rowH), Qt::AlignRight | Qt::AlignVCenter, qs(formatNumber(count, 0)));
        ly += rowH;
    };
    for (const LegendEntry& e : legend.classes) {
        const QRectF swatch(left, ly + (rowH - swatchH) / 2.0, swatchW, swatchH);
        lp.setPen(Qt::NoPen);
        lp.fillRect(swatch, e.color);
        if (e.noData) {
            QPainterPath sp;
            sp.addRect(swatch);
            drawHatching(lp, sp, u);
        }
        lp.setPen(QPen(QColor(0x80, 0x80, 0x80), u.mm(0.15)));
        lp.setBrush(Qt::NoBrush);
        lp.drawRect(swatch);
        textRow(qs(e.label), e.count);
    }
    if (!legend.outsideFocus.isEmpty()) {
        lp.fillRect(QRectF(left, ly + (rowH - swatchH) / 2.0, swatchW, swatchH), outsideFocusColor());
        textRow(legend.outsideFocus, -1);
    }
    ly += u.mm(0.8);
    if (!legend.classificationNote.isEmpty())
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), legend.classificationNote, st.noteFont, kMutedColor);

    ly += u.mm(3.0);
    ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), legend.boundariesHeading, st.sectionFont, kTextColor);
    ly += u.mm(0.8);
    for (const LegendDescription::LineRow& row : legend.lines) {
        const double cy = ly + rowH / 2.0;
        lp.setPen(row.pen);
        lp.drawLine(QPointF(left, cy), QPointF(left + swatchW, cy));
        lp.setFont(st.rowFont);
        lp.setPen(kTextColor);
        lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                    row.text);
        ly += rowH;
    }

    if (!legend.facilities.empty() || !legend.proposedText.isEmpty() || !legend.reachText.isEmpty()) {
        ly += u.mm(3.0);
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), legend.facilitiesHeading, st.sectionFont, kTextColor);
        ly += u.mm(0.8);
        for (const FacilityLegendEntry& f : legend.facilities) {
            drawFacilitySymbol(lp, f.kind, QPointF(left + swatchW / 2.0, ly + rowH / 2.0), u.mm(3.0));
            textRow(qs(f.label), f.count);
        }
        if (!legend.proposedText.isEmpty()) {
            // the numbered disc the map draws, numbered 1
            drawProposedSiteSymbol(lp, QPointF(left + swatchW / 2.0, ly + rowH / 2.0), u.mm(1.8), 1);
            textRow(legend.proposedText, -1);
            ly += drawWrapped(lpc, QRectF(left + swatchW + u.mm(2.5), ly - u.mm(0.6), innerW - swatchW - u.mm(2.5), 0),
                              legend.proposedNote, st.noteFont, kMutedColor);
        }
        if (!legend.reachText.isEmpty()) {
            QColor fill = legend.reachColor;
            fill.setAlpha(40);
            lp.setPen(QPen(legend.reachColor, u.mm(0.25), Qt::DashLine));
            lp.setBrush(fill);
            lp.drawEllipse(QPointF(left + swatchW / 2.0, ly + rowH / 2.0), u.mm(2.2), u.mm(2.2));
            textRow(legend.reachText, -1);
        }
    }
    ly += st.pad;
    lp.restore();
    return ly - area.top();
}

double measureLegend(const Units& u, double dpi, const QRectF& area, const LegendDescription& legend)
{
    QImage scratch(8, 8, QImage::Format_ARGB32_Premultiplied);
    scratch.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    scratch.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    QPainter measure(&scratch);
    return drawLegend(measure, u, area, legend);
}

} // namespace layers::detail
