#pragma once
/// \file facilitysymbol.h
/// Point symbols of the facility kinds, shared by the map, the legend and the GUI.
/// \note drawFacilitySymbol() paints on the caller's QPainter (one QPainter per thread); the rest is
/// pure; any thread.
#include <QColor>
#include <QPainter>
#include <QPointF>

#include <string>
#include <vector>

namespace layers {

/// \brief The kinds with a dedicated symbol, in legend order: BUMDES, PUSKESSOS, PUSKESMAS, WISATA.
std::vector<std::string> symbolisedFacilityKinds();

/// \brief Legend name of a facility kind: "BUMDes", "Puskessos", "Puskesmas", "Objek wisata";
/// other kinds are returned with only the first letter capitalised.
std::string facilityKindLabel(const std::string& kind);

/// \brief Main colour of a kind's symbol (BUMDES green, PUSKESSOS red, PUSKESMAS blue,
/// WISATA purple, others dark grey).
QColor facilityKindColor(const std::string& kind);

/// \brief Draws the symbol of \a kind centred at \a centerPx, \a sizePx wide (device pixels):
/// BUMDES a green triangle, PUSKESSOS a red cross on a white square, PUSKESMAS a blue disc
/// with a white cross, WISATA a purple star, anything else a dark grey dot. Each has a
/// contrasting outline so it stays visible on every fill. Leaves the painter state unchanged.
void drawFacilitySymbol(QPainter& painter, const std::string& kind, QPointF centerPx, double sizePx);

/// \brief Fill of a proposed (not yet built) site's symbol: a deep blue no facility kind uses.
QColor proposedSiteFillColor();

/// \brief Draws a proposed site: a deep blue disc of \a radiusPx (device pixels) with a white
/// edge, a thin dark ring around it and \a rank in white in its middle. Leaves the painter
/// state unchanged.
void drawProposedSiteSymbol(QPainter& painter, QPointF centerPx, double radiusPx, int rank);

} // namespace layers
