#include "layers/page.h"

#include "units.h"

#include "gis/text.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace layers {

using detail::Units;

namespace {} // namespace

std::optional<Paper> paperFromName(const std::string& name)
{
    const std::string n = gis::asciiLower(name);
    if (n == "a4")
        return Paper::A4;
    if (n == "a3")
        return Paper::A3;
    if (n == "a2")
        return Paper::A2;
    if (n == "a1")
        return Paper::A1;
    if (n == "a0")
        return Paper::A0;
    if (n == "letter")
        return Paper::Letter;
    return std::nullopt;
}

std::string paperName(Paper paper)
{
    switch (paper) {
    case Paper::A4:
        return "A4";
    case Paper::A3:
        return "A3";
    case Paper::A2:
        return "A2";
    case Paper::A1:
        return "A1";
    case Paper::A0:
        return "A0";
    case Paper::Letter:
        return "Letter";
    }
    return "A4";
}

QSizeF paperSizeMm(Paper paper, bool landscape)
{
    QSizeF portrait;
    switch (paper) {
    case Paper::A4:
        portrait = {210, 297};
        break;
    case Paper::A3:
        portrait = {297, 420};
        break;
    case Paper::A2:
        portrait = {420, 594};
        break;
    case Paper::A1:
        portrait = {594, 841};
        break;
    case Paper::A0:
        portrait = {841, 1189};
        break;
    case Paper::Letter:
        portrait = {215.9, 279.4};
        break;
    }
    return landscape ? portrait.transposed() : portrait;
}

QSizeF PageSetup::sizePx(double atDpi) const
{
    const QSizeF mm = paperSizeMm(paper, landscape);
    return {mm.width() * atDpi / detail::kMmPerInch, mm.height() * atDpi / detail::kMmPerInch};
}

std::optional<Lang> langFromName(const std::string& name)
{
    const std::string n = gis::asciiLower(name);
    if (n == "id" || n == "indonesia" || n == "bahasa")
        return Lang::Id;
    if (n == "en" || n == "english")
        return Lang::En;
    return std::nullopt;
}

int drawPageTable(QPainter& painter, const QRectF& area, double dpi, const PageTable& table)
{
    const Units u{dpi};
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    double y = area.top();
    if (!table.title.empty()) {
        const QFont titleFont = u.font(9.5, true);
        painter.setFont(titleFont);
        painter.setPen(QColor(0x1a, 0x1a, 0x1a));
        const QFontMetricsF fm(titleFont, painter.device());
        painter.drawText(QPointF(area.left(), y + fm.ascent()), QString::fromStdString(table.title));
        y += fm.height() + u.mm(1.2);
    }
    const double totalWeight = std::accumulate(table.columns.begin(), table.columns.end(), 0.0,
                                               [](double s, const PageTable::Column& c) { return s + c.widthWeight; });
    // Each column gets what its widest cell and longest header word need (at the largest row
    // font); the room left is shared by the weights; when even the needs do not fit, all shrink.
    const double cellPad = u.mm(1.2);
    std::vector<double> widths;
    {
        const QFontMetricsF cellFm(u.font(7.5), painter.device());
        const QFontMetricsF wordFm(u.font(6.5, true), painter.device());
        double needSum = 0.0;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            double need = 0.0;
            for (const auto& row : table.rows)
                if (c < row.size())
                    need = std::max(need, cellFm.horizontalAdvance(QString::fromStdString(row[c])));
            for (const QString& word : QString::fromStdString(table.columns[c].header).split(QLatin1Char(' ')))
                need = std::max(need, wordFm.horizontalAdvance(word));
            widths.push_back(need + 2 * cellPad);
            needSum += widths.back();
        }
        if (needSum <= area.width()) {
            const double spare = area.width() - needSum;
            for (std::size_t c = 0; c < widths.size(); ++c)
                widths[c] += spare * table.columns[c].widthWeight / std::max(totalWeight, 1e-9);
        } else {
            double fixed = 0.0, elastic = 0.0;
            for (std::size_t c = 0; c < widths.size(); ++c)
                (table.columns[c].mayElide ? elastic : fixed) += widths[c];
            const double scale = elastic > 0.0 && fixed < area.width() ? (area.width() - fixed) / elastic : 0.0;
            for (std::size_t c = 0; c < widths.size(); ++c)
                if (scale > 0.0)
                    widths[c] *= table.columns[c].mayElide ? scale : 1.0;
                else
                    widths[c] *= area.width() / needSum;
        }
    }

    QFont noteFont = u.font(6.5);
    const QFontMetricsF noteFm(noteFont, painter.device());
    const double noteH = table.note.empty()
        ? 0.0
        : noteFm.boundingRect(QRectF(0, 0, area.width(), 1e6), Qt::TextWordWrap, QString::fromStdString(table.note))
                .height()
            + u.mm(1.5);
    // Headers wrap onto as many lines as the narrowest needs.
    const QFont headFont = u.font(6.5, true);
    const QFontMetricsF headFm(headFont, painter.device());
    double headerTextH = headFm.height();
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        headerTextH = std::max(headerTextH,
                               headFm
                                   .boundingRect(QRectF(0, 0, std::max(widths[c] - 2 * cellPad, 1.0), 1e6),
                                                 Qt::TextWordWrap, QString::fromStdString(table.columns[c].header))
                                   .height());
    // Row height from the room left: 4.6 mm at 7.5 pt, shrinking to 3.2 mm at 5.5 pt.
    const double headerH = headerTextH + u.mm(1.6);
    const double room = area.bottom() - y - headerH - noteH;
    const std::size_t n = table.rows.size();
    double rowMm = n == 0 ? 4.6 : std::clamp(room / u.mm(1.0) / static_cast<double>(n), 3.2, 4.6);
    const double rowH = u.mm(rowMm);
    const double fontPt = 5.5 + (rowMm - 3.2) / (4.6 - 3.2) * 2.0;
    std::size_t fits = rowH > 0 ? static_cast<std::size_t>(std::max(0.0, std::floor(room / rowH + 1e-6))) : 0;
    if (fits < n && fits > 0)
        --fits; // room for the "… more rows" line
    const std::size_t shown = std::min(n, fits);

    const QFont rowFont = u.font(fontPt);
    auto drawCells = [&](double top, double h, const std::vector<std::string>& cells, bool wrap) {
        double x = area.left();
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const QRectF cell(x + cellPad, top, widths[c] - 2 * cellPad, h);
            const QString text = c < cells.size() ? QString::fromStdString(cells[c]) : QString();
            const QFontMetricsF fm(painter.font(), painter.device());
            const int align = (table.columns[c].alignRight ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
            if (wrap)
                painter.drawText(cell, align | Qt::TextWordWrap, text);
            else
                painter.drawText(cell, align, fm.elidedText(text, Qt::ElideRight, cell.width()));
            x += widths[c];
        }
    };
    // header
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xe8, 0xe8, 0xe8));
    painter.drawRect(QRectF(area.left(), y, area.width(), headerH));
    painter.setFont(headFont);
    painter.setPen(QColor(0x1a, 0x1a, 0x1a));
    std::vector<std::string> headers;
    for (const auto& c : table.columns)
        headers.push_back(c.header);
    drawCells(y, headerH, headers, true);
    y += headerH;
    painter.setFont(rowFont);
    const QPen rule(QColor(0xcc, 0xcc, 0xcc), u.mm(0.12));
    for (std::size_t r = 0; r < shown; ++r) {
        if (r % 2 == 1) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0xf6, 0xf6, 0xf6));
            painter.drawRect(QRectF(area.left(), y, area.width(), rowH));
        }
        painter.setPen(QColor(0x1a, 0x1a, 0x1a));
        drawCells(y, rowH, table.rows[r], false);
        y += rowH;
        painter.setPen(rule);
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    if (shown < n) {
        painter.setFont(noteFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QPointF(area.left(), y + noteFm.ascent() + u.mm(0.5)),
                         QStringLiteral("… %1 baris lagi tidak muat / %1 more rows not shown").arg(n - shown));
        y += noteFm.height() + u.mm(0.5);
    }
    if (!table.note.empty()) {
        painter.setFont(noteFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QRectF(area.left(), y + u.mm(1.0), area.width(), noteH), Qt::TextWordWrap,
                         QString::fromStdString(table.note));
    }
    painter.restore();
    return static_cast<int>(shown);
}

} // namespace layers
