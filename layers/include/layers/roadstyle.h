#pragma once
/// \file roadstyle.h
/// How roads are drawn, shared by printed maps (ThematicMap), the legend and the desktop map:
/// the road classes of a project's road layer (gis::RoadLayer) grouped in five tiers, each with
/// its own width and colour (a dark casing under a coloured core, as on BIG's maps; paths
/// dashed; ferries dashed blue over the sea).
/// \note drawRoads() paints on the caller's QPainter (one QPainter per thread); the rest is
/// pure; any thread.
#include "gis/dataset.h"

#include <QColor>
#include <QPainter>
#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace layers {

enum class RoadTier {
    Major,     ///< jalan nasional, provinsi, arteri; OSM motorway, trunk, primary
    Collector, ///< jalan kabupaten, kolektor; OSM secondary, tertiary
    Local,     ///< jalan kota, desa, lokal, lingkungan, "jalan"; OSM residential, unclassified, service; unknown
    Path,      ///< jalan setapak; OSM track, path, footway, steps
    Ferry,     ///< ferry
};

/// \brief The tier of a road class (any spelling gis::roadClassKey reads).
RoadTier roadTierOf(const std::string& roadClass);

/// \brief One road line to draw, lon/lat.
struct MapRoad {
    gis::LineString line;
    RoadTier tier = RoadTier::Local;
};

/// \brief Every line of \a layer with its class's tier, in stored order.
std::vector<MapRoad> mapRoadsOf(const gis::RoadLayer& layer);
/// \brief Plain lines (a road file without classes) as local roads.
std::vector<MapRoad> mapRoadsOf(const std::vector<gis::LineString>& lines);

/// \brief The colour of a tier's core line (what a test looks for on the page).
QColor roadCoreColor(RoadTier tier);
/// \brief The tier's pen for the legend (its core), \a mm converts millimetres to pixels.
QPen roadLegendPen(RoadTier tier, double pxPerMm);
/// \brief Legend label of a tier in Bahasa Indonesia or English.
QString roadTierLabel(RoadTier tier, bool english);
/// \brief The tiers present in \a roads, in legend order (Major first).
std::vector<RoadTier> roadTiersPresent(const std::vector<MapRoad>& roads);

/// \brief Draws \a roads (lower tiers first, so major roads stay on top) with \a toPixel
/// mapping lon/lat to device pixels and \a pxPerMm the page's pixels per millimetre.
/// Leaves the painter state unchanged.
void drawRoads(QPainter& painter, const std::vector<MapRoad>& roads, const std::function<QPointF(gis::Point)>& toPixel,
               double pxPerMm);

} // namespace layers
