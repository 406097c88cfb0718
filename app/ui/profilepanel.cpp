#include "ui/profilepanel.h"

#include "gis/error.h"
#include "gis/priority.h"
#include "ui/villagetablemodel.h"

#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace app::ui {

namespace {

QString esc(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QString number(double v)
{
    return VillageTableModel::formatNumber(v);
}

QString signedNumber(double v)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    return (v > 0 ? QStringLiteral("+") : QString()) + number(v);
}

} // namespace

ProfilePanel::ProfilePanel(QWidget* parent) : QWidget(parent)
{
    mBrowser = new QTextBrowser(this);
    mBrowser->setOpenLinks(false);
    mBrowser->setLineWrapMode(QTextEdit::WidgetWidth);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mBrowser);
    mBrowser->setHtml(
        QStringLiteral("<p>%1</p>").arg(tr("Click a pekon on the map or in the table to see its profile.")));
}

void ProfilePanel::setData(const gis::Dataset* dataset, const gis::AnalysisTable* table, const gis::HotspotResult* lisa,
                           const gis::IslandResult* islands)
{
    mDataset = dataset;
    mInputs = {table, lisa, islands};
    showVillage(mCode);
}

QString ProfilePanel::plainText() const
{
    return mBrowser->toPlainText();
}

void ProfilePanel::showVillage(const QString& code)
{
    mCode = code;
    mProfile.reset();
    if (code.isEmpty() || !mDataset) {
        mBrowser->setHtml(
            QStringLiteral("<p>%1</p>").arg(tr("Click a pekon on the map or in the table to see its profile.")));
        return;
    }
    try {
        mProfile = gis::villageProfile(*mDataset, code.toStdString(), mInputs);
    } catch (const gis::Error&) {
        mBrowser->setHtml(QStringLiteral("<p>%1</p>")
                              .arg(tr("The project has no pekon with the code %1.").arg(code.toHtmlEscaped())));
        return;
    }
    mBrowser->setHtml(html(*mProfile));
}

QString ProfilePanel::rankStabilityHtml(const std::string& code) const
{
    // The columns the Priority panel has the workspace add: the rank change against the scheme
    // before editing, and the rank stability (gis::prioritySensitivity).
    const gis::AnalysisTable* t = mInputs.table;
    if (!t)
        return {};
    std::size_t row = t->rows.size();
    for (std::size_t i = 0; i < t->rows.size(); ++i)
        if (t->rows[i].kode == code) {
            row = i;
            break;
        }
    if (row == t->rows.size())
        return {};
    auto valueOf = [&](const std::string& column) {
        const auto it = std::find(t->columns.begin(), t->columns.end(), column);
        return it == t->columns.end() ? std::nan("")
                                      : t->rows[row].values[static_cast<std::size_t>(it - t->columns.begin())];
    };
    QStringList lines;
    const double change = valueOf("rank_change");
    if (!std::isnan(change))
        lines
            << tr("Rank change against the scheme before editing: %1").arg(VillageTableModel::formatRankChange(change));
    const double best = valueOf("rank_best"), worst = valueOf("rank_worst");
    if (!std::isnan(best) && !std::isnan(worst)) {
        lines << tr("Rank with the weights changed a little: from %1 to %2").arg(number(best), number(worst));
        for (const std::string& c : t->columns)
            if (c.rfind("top", 0) == 0 && c.size() > 9 && c.ends_with("_share")) {
                const double share = valueOf(c);
                if (!std::isnan(share))
                    lines << tr("In the top %1 in %2 % of the draws")
                                 .arg(QString::fromStdString(c.substr(3, c.size() - 9)),
                                      QLocale().toString(share, 'f', 0));
            }
    }
    if (lines.isEmpty())
        return {};
    return QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br>")));
}

QString ProfilePanel::html(const gis::VillageProfile& p) const
{
    QString h;
    h += QStringLiteral("<h2>%1</h2>").arg(esc(p.name));
    h += QStringLiteral("<p>%1<br>%2<br>%3</p>")
             .arg(tr("Code: %1").arg(esc(p.code)),
                  tr("Kecamatan: %1").arg(p.kecamatanName.empty() ? esc(p.kecamatanCode) : esc(p.kecamatanName)),
                  tr("Area: %1 km²").arg(number(p.areaKm2)));

    if (p.analysed) {
        h += QStringLiteral("<h3>%1</h3>").arg(tr("Priority"));
        if (p.scored) {
            h += QStringLiteral("<p>%1<br>%2</p>")
                     .arg(tr("Score: %1 of 100").arg(number(p.score)),
                          tr("Rank: %1 of %2")
                              .arg(QLocale().toString(p.rank))
                              .arg(QLocale().toString(static_cast<qlonglong>(p.rankedCount))));
            h += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th>"
                                "<th align='right'>%2</th><th align='right'>%3</th></tr>")
                     .arg(tr("Indicator"), tr("Value"), tr("Points"));
            for (const gis::ProfileContribution& c : p.contributions)
                h += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td></tr>")
                         .arg(VillageTableModel::columnLabel(QString::fromStdString(c.key)).toHtmlEscaped(),
                              number(c.input), number(c.points));
            h += QStringLiteral("</table>");
            h += rankStabilityHtml(p.code);
        } else {
            h += QStringLiteral("<p>%1</p>").arg(tr("Not scored: a value the scheme needs is missing."));
        }
    }

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Indicators"));
    if (p.indicators.empty())
        h += QStringLiteral("<p>%1</p>").arg(tr("No values."));
    else {
        h +=
            QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th><th align='left'>%2</th>"
                           "<th align='right'>%3</th><th align='right'>%4</th></tr>")
                .arg(tr("Indicator"), tr("Period"), tr("Value"), tr("Change"));
        for (const gis::ProfileIndicator& ind : p.indicators) {
            const QString key = QString::fromStdString(ind.key);
            QString label = VillageTableModel::columnLabel(key);
            if (label == key)
                label = QString::fromStdString(ind.label);
            for (const auto& period : ind.periods)
                h += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td><td align='right'>%4</td></tr>")
                         .arg(label.toHtmlEscaped(), esc(period.period), number(period.value),
                              signedNumber(period.change));
        }
        h += QStringLiteral("</table>");
    }
    if (!p.categories.empty()) {
        h += QStringLiteral("<h3>%1</h3>").arg(tr("Categories"));
        h += QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th>"
                            "<th align='left'>%2</th><th align='left'>%3</th><th align='right'>%4</th></tr>")
                 .arg(tr("Indicator"), tr("Period"), tr("Level"), tr("Position on the scale"));
        for (const gis::ProfileCategory& c : p.categories)
            for (const auto& period : c.periods)
                h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align='right'>%4</td></tr>")
                         .arg(esc(c.label), esc(period.period), esc(period.level),
                              tr("%1 of %2")
                                  .arg(QLocale().toString(static_cast<qlonglong>(period.rank + 1)))
                                  .arg(QLocale().toString(static_cast<qlonglong>(period.levels))));
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h3>%1</h3>").arg(tr("Facilities"));
    if (p.nearest.empty())
        h += QStringLiteral("<p>%1</p>").arg(tr("The project has no facilities."));
    else {
        h += QStringLiteral(
                 "<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th><th align='right'>%2</th>"
                 "<th align='right'>%3</th><th align='left'>%4</th></tr>")
                 .arg(tr("Kind"), tr("Inside"), tr("Nearest (km)"), tr("Nearest facility"));
        for (const gis::ProfileNearest& n : p.nearest)
            h += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td><td>%4</td></tr>")
                     .arg(esc(n.kind), QLocale().toString(n.inside), number(n.distanceKm), esc(n.name));
        h += QStringLiteral("</table>");
    }

    QStringList other;
    if (p.cluster) {
        QString name;
        switch (*p.cluster) {
        case gis::Cluster::HighHigh:
            name = tr("high-high (a hotspot)");
            break;
        case gis::Cluster::LowLow:
            name = tr("low-low (a cold spot)");
            break;
        case gis::Cluster::HighLow:
            name = tr("high-low (high among low neighbours)");
            break;
        case gis::Cluster::LowHigh:
            name = tr("low-high (low among high neighbours)");
            break;
        case gis::Cluster::NotSignificant:
            name = tr("not significant");
            break;
        case gis::Cluster::NotTested:
            name = tr("not tested (no value or no neighbours)");
            break;
        }
        other << tr("Cluster of %1: %2")
                     .arg(VillageTableModel::columnLabel(QString::fromStdString(p.clusterKey)).toHtmlEscaped(), name);
    }
    if (p.island) {
        switch (*p.island) {
        case gis::IslandStatus::Mainland:
            other << tr("On the mainland");
            break;
        case gis::IslandStatus::PartlyIsland:
            other << tr("Partly on an island (%1 km² off the mainland)").arg(number(p.offMainlandKm2));
            break;
        case gis::IslandStatus::Island:
            other << tr("On an island");
            break;
        case gis::IslandStatus::NoGeometry:
            other << tr("No boundary");
            break;
        }
    }
    if (!other.isEmpty())
        h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("Location"), other.join(QStringLiteral("<br>")));
    if (p.analysed)
        h += QStringLiteral("<p><small>%1</small></p>")
                 .arg(tr("Analysis period %1, scheme \"%2\".").arg(esc(p.period), esc(p.schemeName)));
    return h;
}

} // namespace app::ui
