#include "layers/roadstyle.h"

#include "gis/roadlayer.h"

#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <array>
#include <map>

namespace layers {

namespace {

struct TierStyle {
    QColor core;
    double coreMm;
    double casingMm; ///< 0 = no casing
    Qt::PenStyle pattern;
};

TierStyle styleOf(RoadTier tier)
{
    switch (tier) {
    case RoadTier::Major:
        return {QColor(0xdb, 0x32, 0x2a), 0.55, 0.85, Qt::SolidLine}; // no ColorBrewer ramp has it
    case RoadTier::Collector:
        return {QColor(0xf5, 0xa0, 0x1e), 0.42, 0.68, Qt::SolidLine};
    case RoadTier::Local:
        return {QColor(0xff, 0xe0, 0x9a), 0.3, 0.55, Qt::SolidLine};
    case RoadTier::Path:
        return {QColor(0x80, 0x50, 0x30), 0.22, 0.0, Qt::DashLine};
    case RoadTier::Ferry:
        return {QColor(0x1f, 0x5f, 0xa8), 0.3, 0.0, Qt::DashLine};
    }
    return {QColor(0xff, 0xe0, 0x9a), 0.3, 0.55, Qt::SolidLine};
}

const QColor kCasing(0x80, 0x50, 0x30);

} // namespace

RoadTier roadTierOf(const std::string& roadClass)
{
    static const std::map<std::string, RoadTier> tiers = {
        {"jalan nasional", RoadTier::Major},  {"nasional", RoadTier::Major},       {"jalan provinsi", RoadTier::Major},
        {"provinsi", RoadTier::Major},        {"arteri", RoadTier::Major},         {"jalan arteri", RoadTier::Major},
        {"motorway", RoadTier::Major},        {"motorway link", RoadTier::Major},  {"trunk", RoadTier::Major},
        {"trunk link", RoadTier::Major},      {"primary", RoadTier::Major},        {"primary link", RoadTier::Major},
        {"jalan kabupaten", RoadTier::Collector}, {"kabupaten", RoadTier::Collector}, {"kolektor", RoadTier::Collector},
        {"jalan kolektor", RoadTier::Collector}, {"secondary", RoadTier::Collector}, {"secondary link", RoadTier::Collector},
        {"tertiary", RoadTier::Collector},    {"tertiary link", RoadTier::Collector}, {"jalan setapak", RoadTier::Path},
        {"setapak", RoadTier::Path},          {"track", RoadTier::Path},           {"path", RoadTier::Path},
        {"footway", RoadTier::Path},          {"steps", RoadTier::Path},           {"ferry", RoadTier::Ferry},
    };
    const auto it = tiers.find(gis::roadClassKey(roadClass));
    return it == tiers.end() ? RoadTier::Local : it->second;
}

std::vector<MapRoad> mapRoadsOf(const gis::RoadLayer& layer)
{
    std::vector<MapRoad> out;
    for (const gis::Road& road : layer.roads) {
        const RoadTier tier = roadTierOf(road.roadClass);
        for (const gis::LineString& line : road.lines)
            out.push_back({line, tier});
    }
    return out;
}

std::vector<MapRoad> mapRoadsOf(const std::vector<gis::LineString>& lines)
{
    std::vector<MapRoad> out;
    out.reserve(lines.size());
    for (const gis::LineString& line : lines)
        out.push_back({line, RoadTier::Local});
    return out;
}

QColor roadCoreColor(RoadTier tier)
{
    return styleOf(tier).core;
}

QPen roadLegendPen(RoadTier tier, double pxPerMm)
{
    const TierStyle s = styleOf(tier);
    return QPen(s.core, std::max(s.casingMm, s.coreMm * 1.6) * pxPerMm, s.pattern, Qt::FlatCap);
}

QString roadTierLabel(RoadTier tier, bool english)
{
    switch (tier) {
    case RoadTier::Major:
        return english ? QStringLiteral("National/provincial road") : QStringLiteral("Jalan nasional/provinsi");
    case RoadTier::Collector:
        return english ? QStringLiteral("Regency road") : QStringLiteral("Jalan kabupaten");
    case RoadTier::Local:
        return english ? QStringLiteral("Local road") : QStringLiteral("Jalan lokal/desa");
    case RoadTier::Path:
        return english ? QStringLiteral("Footpath, track") : QStringLiteral("Jalan setapak");
    case RoadTier::Ferry:
        return english ? QStringLiteral("Ferry") : QStringLiteral("Penyeberangan");
    }
    return {};
}

std::vector<RoadTier> roadTiersPresent(const std::vector<MapRoad>& roads)
{
    std::array<bool, 5> present{};
    for (const MapRoad& r : roads)
        present[static_cast<std::size_t>(r.tier)] = true;
    std::vector<RoadTier> out;
    for (std::size_t i = 0; i < present.size(); ++i)
        if (present[i])
            out.push_back(static_cast<RoadTier>(i));
    return out;
}

void drawRoads(QPainter& painter, const std::vector<MapRoad>& roads, const std::function<QPointF(gis::Point)>& toPixel,
               double pxPerMm)
{
    if (roads.empty())
        return;
    std::array<QPainterPath, 5> paths;
    for (const MapRoad& r : roads) {
        QPolygonF px;
        px.reserve(static_cast<qsizetype>(r.line.size()));
        for (const gis::Point& p : r.line)
            px << toPixel(p);
        paths[static_cast<std::size_t>(r.tier)].addPolygon(px);
    }
    painter.save();
    painter.setBrush(Qt::NoBrush);
    // lowest tier first: ferries and paths, then local, collector and major roads on top
    for (RoadTier tier : {RoadTier::Ferry, RoadTier::Path, RoadTier::Local, RoadTier::Collector, RoadTier::Major}) {
        const QPainterPath& path = paths[static_cast<std::size_t>(tier)];
        if (path.isEmpty())
            continue;
        const TierStyle s = styleOf(tier);
        if (s.casingMm > 0.0) {
            painter.setPen(QPen(kCasing, s.casingMm * pxPerMm, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPath(path);
        }
        painter.setPen(QPen(s.core, s.coreMm * pxPerMm, s.pattern, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
    }
    painter.restore();
}

} // namespace layers
