#include "ui/legendpanel.h"

#include "layers/colorramp.h"
#include "layers/facilitysymbol.h"
#include "layers/roadstyle.h"
#include "layers/travelmap.h"
#include "ui/language.h"
#include "ui/workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace app {
namespace ui {

namespace {

QPixmap fillSwatch(const QColor& colour, bool hatched)
{
    QPixmap pixmap(26, 16);
    pixmap.fill(colour);
    QPainter painter(&pixmap);
    if (hatched)
        painter.fillRect(pixmap.rect(), QBrush(layers::noDataHatchColor(), Qt::BDiagPattern));
    painter.setPen(QColor(0x70, 0x70, 0x70));
    painter.drawRect(0, 0, 25, 15);
    return pixmap;
}

QPixmap symbolSwatch(const std::string& kind)
{
    QPixmap pixmap(26, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    layers::drawFacilitySymbol(painter, kind, QPointF(13, 8), 13.0);
    return pixmap;
}

QPixmap proposalSwatch()
{
    QPixmap pixmap(26, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    layers::drawProposedSiteSymbol(painter, QPointF(13, 8), 6.5, 1); // as on the map, numbered 1
    return pixmap;
}

QPixmap roadSwatch(layers::RoadTier tier)
{
    QPixmap pixmap(26, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    layers::drawRoads(painter, {{{{0.0, 0.0}, {1.0, 0.0}}, tier}},
                      [](gis::Point p) { return QPointF(3.0 + 20.0 * p.x, 8.0); }, 3.78);
    return pixmap;
}

/// Whole minutes in the UI's number format, one decimal when a limit has one.
QString minutesText(double minutes)
{
    return formatNumber(minutes, std::fabs(minutes - std::round(minutes)) < 1e-9 ? 0 : 1);
}

QString roadTierText(layers::RoadTier tier)
{
    switch (tier) {
    case layers::RoadTier::Major:
        return LegendPanel::tr("National or provincial road");
    case layers::RoadTier::Collector:
        return LegendPanel::tr("Regency road");
    case layers::RoadTier::Local:
        return LegendPanel::tr("Local or village road");
    case layers::RoadTier::Path:
        return LegendPanel::tr("Footpath or track");
    case layers::RoadTier::Ferry:
        return LegendPanel::tr("Ferry");
    }
    return {};
}

} // namespace

LegendPanel::LegendPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    setObjectName(QStringLiteral("legendPanel"));
    setMinimumWidth(230);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    mRowsHost = new QWidget(scroll);
    mRowsLayout = new QVBoxLayout(mRowsHost);
    mRowsLayout->setContentsMargins(8, 6, 8, 6);
    mRowsLayout->setSpacing(3);
    mHeading = new QLabel(mRowsHost);
    mHeading->setObjectName(QStringLiteral("legendHeading"));
    mHeading->setWordWrap(true);
    QFont bold = mHeading->font();
    bold.setBold(true);
    mHeading->setFont(bold);
    mRowsLayout->addWidget(mHeading);
    mRowsLayout->addStretch(1);
    scroll->setWidget(mRowsHost);
    outer->addWidget(scroll);
    connect(mWorkspace, &Workspace::mapChanged, this, &LegendPanel::rebuild);
    connect(mWorkspace, &Workspace::layersChanged, this, &LegendPanel::rebuild);
    rebuild();
}

QString LegendPanel::categoryLabel(const QString& category)
{
    // LISA clusters come with GeoDa's names (gis::clusterName): say them in the UI language
    if (category == QLatin1String("high-high"))
        return tr("high-high (hotspot)");
    if (category == QLatin1String("low-low"))
        return tr("low-low (cold spot)");
    if (category == QLatin1String("high-low"))
        return tr("high-low (outlier)");
    if (category == QLatin1String("low-high"))
        return tr("low-high (outlier)");
    if (category == QLatin1String("not significant"))
        return tr("not significant");
    if (category == QLatin1String("not tested"))
        return tr("not tested (no neighbour or no value)");
    return category;
}

QString LegendPanel::heading() const
{
    return mHeading->text();
}

QStringList LegendPanel::texts() const
{
    return QStringList{mHeading->text()} + mTexts;
}

void LegendPanel::addRow(const QPixmap& swatch, const QString& text)
{
    auto* row = new QWidget(mRowsHost);
    row->setProperty("legendRow", true);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* icon = new QLabel(row);
    icon->setPixmap(swatch);
    icon->setFixedSize(swatch.size());
    auto* label = new QLabel(text, row);
    label->setWordWrap(true);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(label, 1);
    mRowsLayout->insertWidget(mRowsLayout->count() - 1, row);
    mTexts << text;
}

void LegendPanel::addTravelRows(const layers::TravelRaster& travel, bool shown)
{
    const std::optional<TravelLayerRequest>& request = mWorkspace->travelRequest();
    QString to;
    if (request && request->destination == "capital")
        to = tr("the regency capital");
    else if (request)
        to = tr("the nearest %1").arg(QString::fromStdString(layers::facilityKindLabel(request->destination)));
    mHeading->setText(tr("Travel time to %1 (minutes)").arg(to));
    if (!shown)
        return;
    // the classes of layers::travelClassOf with its colours: the timed classes, then unreachable
    const std::vector<double>& b = travel.breaksMinutes;
    const std::vector<QColor> colours = layers::travelClassColors(b);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i <= b.size(); ++i) {
        Row row{QString(), -1, i == 0 ? 0.0 : b[i - 1], i == b.size() ? nan : b[i], false};
        row.text = i == b.size() ? tr("> %1 minutes").arg(minutesText(b.back()))
                                 : tr("%1–%2 minutes").arg(minutesText(row.lower), minutesText(row.upper));
        mRows.push_back(row);
        addRow(fillSwatch(colours[i], false), row.text);
    }
    Row unreachable{tr("Unreachable"), -1, nan, nan, true};
    mRows.push_back(unreachable);
    addRow(fillSwatch(colours.back(), false), unreachable.text);
    addRow(QPixmap(), QString::fromStdString(travel.source));
}

void LegendPanel::rebuild()
{
    for (QWidget* w : mRowsHost->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (w->property("legendRow").toBool())
            delete w;
    mRows.clear();
    mTexts.clear();
    const auto map = mWorkspace->map();
    const ThemeInfo* theme = mWorkspace->theme();
    if (!map || !theme) {
        mHeading->setText(tr("No project open"));
        return;
    }
    // a change map names what changed ("Perubahan tingkat kemiskinan", poin persen), not the theme
    const bool change = map->indicator().key.rfind("change_", 0) == 0;
    const QString unit = change ? QString::fromStdString(map->indicator().unit) : theme->unit;
    QString heading = change ? QString::fromStdString(map->indicator().label) : theme->label;
    if (!unit.isEmpty() && !heading.contains(unit))
        heading = tr("%1 (%2)").arg(heading, unit);
    if (!map->period().empty())
        heading = tr("%1, %2").arg(heading, QString::fromStdString(map->period()));
    mHeading->setText(heading);

    const LayerEntry* pekon = mWorkspace->layerList()->entry(QStringLiteral("pekon"));
    const std::optional<layers::TravelRaster>& travel = mWorkspace->mapSpec().travel;
    if (travel)
        addTravelRows(*travel, !pekon || pekon->visible);
    else if (!pekon || pekon->visible) {
        const std::vector<layers::LegendEntry> entries = map->legendEntries();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const layers::LegendEntry& e = entries[i];
            Row row{QString(), e.count, nan, nan, e.noData};
            QString label;
            if (e.noData) {
                label = tr("No data");
            } else if (!map->isCategorical()) {
                const layers::Classification& c = map->classification();
                const int k = static_cast<int>(i);
                row.lower = c.lowerBound(k);
                row.upper = c.upperBound(k);
                label = tr("%1 – %2").arg(formatNumber(row.lower, c.decimals()), formatNumber(row.upper, c.decimals()));
            } else {
                // a LISA cluster in the UI's language; another category as the map writes it
                const QString said = categoryLabel(QString::fromStdString(e.category));
                label = said == QString::fromStdString(e.category) ? QString::fromStdString(e.label) : said;
            }
            if (e.noData && e.count == 0)
                continue;
            row.text = tr("%1   (%2 pekon)").arg(label, formatCount(e.count));
            mRows.push_back(row);
            addRow(fillSwatch(e.color, e.noData), row.text);
        }
    }
    for (const layers::FacilityLegendEntry& f : map->facilityLegendEntries()) {
        const LayerEntry* layer =
            mWorkspace->layerList()->entry(QStringLiteral("facility:") + QString::fromStdString(f.kind));
        if (layer && !layer->visible)
            continue;
        addRow(symbolSwatch(f.kind), tr("%1   (%2)").arg(QString::fromStdString(f.label), formatCount(f.count)));
    }
    const LayerEntry* proposals = mWorkspace->layerList()->entry(QStringLiteral("proposals"));
    if (proposals && proposals->visible && !mWorkspace->proposals().sites.empty())
        addRow(proposalSwatch(), tr("Proposed new sites (%1)")
                                     .arg(formatCount(static_cast<long long>(mWorkspace->proposals().sites.size()))));
    const LayerEntry* roads = mWorkspace->layerList()->entry(QStringLiteral("roads"));
    if (roads && roads->visible && mWorkspace->hasRoads())
        for (layers::RoadTier tier : layers::roadTiersPresent(layers::mapRoadsOf(mWorkspace->dataset()->roads)))
            addRow(roadSwatch(tier), roadTierText(tier));
    if (map->isIllustrative())
        addRow(QPixmap(), mWorkspace->valueProvenance());
}

} // namespace ui
} // namespace app
