#pragma once
// Private to layers: the snapshot a ThematicMap draws from, and the jobs of drawing it, one file
// each: mappaths.cpp (geometry to pixels), maptexts.cpp (titles, subtitles, sources, the id/en
// strings), mapfurniture.cpp (north arrow, scale bar, UTM and degree ticks, inset, shared
// painting helpers), maplegend.cpp (the legend), thematicmap.cpp (snapshot, map and page layout).
// Everything here reads the snapshot only, so renders on several threads may share it.
#include "layers/maptransform.h"
#include "layers/thematicmap.h"

#include "hugepages.h"
#include "units.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace layers {

namespace detail {

/// The rings of many shapes in one buffer (lon/lat), so a national snapshot of 5 million
/// vertices is one allocation rather than 170,000. Read-only after the snapshot is taken, so
/// renders on several threads may share it.
struct RingStore {
    std::vector<QPointF, detail::HugePageAllocator<QPointF>> points;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rings; ///< (first point, point count)
};

/// A shape's rings in a RingStore: exteriors and holes, filled with the odd-even rule.
struct RingRange {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

struct Shape {
    std::string code;
    std::string name;
    RingRange rings; ///< in Snapshot::store
    gis::Extent extent;
    gis::Point labelAt; ///< an interior point of the largest part
};

struct FacilityPoint {
    std::string kind;
    std::string name;
    gis::Point location;
};

} // namespace detail

struct ThematicMap::Snapshot {
    detail::RingStore store; ///< rings of villages, kecamatan and kabupaten
    ThematicMapSpec spec;
    gis::IndicatorInfo info;
    std::string period;
    std::string title;
    std::string subtitle;
    std::string sources;
    std::string villageWord; ///< "pekon" or "desa"
    bool city = false;       ///< the regency is a Kota (gis::regencyTitle): legend and inset say so
    bool illustrative = false;
    std::string restrictedNotice; ///< DTSEN-derived figures: the TERBATAS note (empty otherwise)
    std::optional<Classification> classification;
    std::vector<QColor> colors;
    std::vector<detail::Shape> villages;
    std::vector<std::optional<double>> villageValues;
    std::vector<int> villageClasses;
    std::map<std::string, std::size_t> villageIndex;
    std::vector<detail::Shape> kecamatan;
    std::vector<detail::Shape> kabupaten;
    std::vector<QPolygonF> backgroundLand; ///< rings in lon/lat, filled with the odd-even rule
    std::vector<detail::FacilityPoint> facilities;
    gis::Extent extent;
    int noData = 0;

    bool categorical = false;
    std::vector<std::string> classLabels;   ///< legend text per class
    std::vector<std::string> classCategories; ///< a categorical layer's category per class
    std::vector<std::string> villageParent; ///< kecamatan code per village
    std::vector<char> villageInFocus;       ///< 1 when the village is in the focus (all without one)
    std::string focusName;
    gis::Extent focusExtent;                             ///< empty without a focus
    std::vector<std::vector<QPolygonF>> coverageCircles; ///< lon/lat rings around covering points
    std::vector<QPolygonF> locatorIndonesia;
    std::vector<QPolygonF> locatorNeighbours;
    std::string maker;
    std::string printedYear;
    QImage travelImage; ///< the travel raster's classes (spec.travel), one pixel per lon/lat cell
};

namespace detail {

// --- colours of the map and its page

/// Holes and parts of dissolved kecamatan/regency outlines below this are slivers, not borders.
inline constexpr double kSliverKm2 = 0.05;

inline QColor seaColor()
{
    return mapSeaColor();
}
inline QColor landColor()
{
    return mapBackgroundLandColor();
}
inline QColor kecamatanBorderColor()
{
    return QColor(0x4d, 0x4d, 0x4d);
}
inline QColor regencyBorderColor()
{
    return QColor(0x1a, 0x1a, 0x1a);
}
inline QColor villageOutlineColor()
{
    return QColor(0xf4, 0xf4, 0xf4);
} // opaque: a translucent stroke reaches PDF as its filled outline
inline QColor illustrativeColor()
{
    return QColor(0xb0, 0x1c, 0x1c);
}
inline QColor outsideFocusColor()
{
    return QColor(0xdc, 0xdc, 0xdc);
}
inline QColor focusBorderColor()
{
    return QColor(0x08, 0x30, 0x6b);
}
inline QColor proposedSiteColor()
{
    return QColor(0x08, 0x51, 0x9c);
}

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

// --- paths: geometry to pixels (mappaths.cpp)

/// \a mp's rings of at least 3 points as lon/lat polygons.
std::vector<QPolygonF> ringsOf(const gis::MultiPolygon& mp);
/// \a ring cut to \a clip (Sutherland–Hodgman, one rectangle side at a time).
QPolygonF clipToRect(const QPolygonF& ring, const QRectF& clip);
/// Lon/lat rings in device pixels (odd-even fill keeps holes open): vertices closer than
/// \a minStepPx to the last kept one are dropped; a valid \a clip cuts rings reaching outside it;
/// a positive \a gridPx rounds every vertex to that pixel grid and drops repeats (a raster page
/// cannot show more, and neighbours' shared edges stay identical).
QPainterPath pixelPath(const std::vector<QPolygonF>& rings, const QTransform& xf, double minStepPx = 0.0,
                       const QRectF& clip = QRectF(), double gridPx = 0.0);
/// As above, for a shape's rings in a RingStore.
QPainterPath pixelPath(const RingStore& store, RingRange range, const QTransform& xf, double minStepPx = 0.0,
                       const QRectF& clip = QRectF(), double gridPx = 0.0);
/// The device grid that map vertices are rounded to on \a painter's device: half a pixel on a
/// raster image (finer detail cannot show), an eighth of a device unit on PDF (1/2400 inch at
/// 300 dpi, 0.01 mm, far below what print or zoom shows; short numbers make the page's content
/// stream a fraction of its size, and compressing it was most of a national PDF's time), none
/// elsewhere (SVG).
double vertexGridPx(const QPainter& painter);
/// Odd-even point in polygon over a shape's rings (crossing number).
bool ringsContain(const RingStore& store, RingRange range, QPointF p);
/// \a mp without holes and parts smaller than \a minKm2 (approximately, from degrees).
gis::MultiPolygon withoutSlivers(const gis::MultiPolygon& mp, double minKm2);
/// The area's rings appended to \a store, its extent and (\a withLabelPoint) a label point;
/// \a minPartKm2 > 0 drops slivers first.
Shape shapeOf(RingStore& store, const gis::Area& area, bool withLabelPoint = true, double minPartKm2 = 0.0);

// --- texts (maptexts.cpp)

std::string titleCase(const std::string& text);
/// "Tingkat kemiskinan (%)": the label with its unit unless the label has one.
std::string labelWithUnit(const gis::IndicatorInfo& info);
/// "tahun 2018" or "periode 2018-S1".
std::string periodPhrase(const std::string& period);
/// "Indikator: ...; Batas wilayah: ..." from the meta *_source entries; without the indicator
/// source when the values come from elsewhere (a DTSEN extract).
std::string sourcesOf(const gis::Dataset& ds, bool withIndicatorSource = true);
/// Today as "28 November 2025".
std::string todayId();
/// Title, subtitle and sources of the snapshot \a s (its values, classes and focus taken).
/// \a focusValued: villages in the focus with a value.
void setTexts(ThematicMap::Snapshot& s, const gis::Dataset& ds, std::size_t focusValued);
/// The page strings in the page's language.
inline QString tr(Lang lang, const char* id, const char* english)
{
    return QString::fromUtf8(lang == Lang::En ? english : id);
}
/// The footer line: sources, period, maker, printing date.
QString footerText(const ThematicMap::Snapshot& s);
QString illustrativeFooterText(Lang lang);
QString illustrativeWarningText(Lang lang);
/// The projection and grid note under the legend; \a utmZone empty = degrees only.
QString projectionNote(Lang lang, const std::string& utmZone);

// --- shared painting helpers and furniture (mapfurniture.cpp)

struct PageContext {
    QPainter& painter;
    Units u;
    QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, painter.device()); }
};

double deviceDpi(const QPainter& painter);
/// 45° hatching of no-data areas, clipped to \a pathPx.
void drawHatching(QPainter& painter, const QPainterPath& pathPx, const Units& u);
/// Text with a light halo (the stroked glyphs, or with \a compact a soft box).
void drawHaloText(QPainter& painter, QPointF centre, const QString& text, const QFont& font, const QColor& color,
                  double haloPx, bool compact);
/// Draws \a text wrapped into \a area's width from its top; returns the height used.
double drawWrapped(PageContext& pc, const QRectF& area, const QString& text, const QFont& font, const QColor& color,
                   int flags = Qt::AlignLeft);
/// The height \a text takes wrapped into \a width.
double wrappedHeight(PageContext& pc, double width, const QString& text, const QFont& font);

/// What the scale bar claims, for PageResult.
struct ScaleInfo {
    double km = 0.0;
    double px = 0.0;
    double denominator = 0.0;
    double latitude = 0.0;
};
/// North arrow and scale bar side by side on a panel at \a topLeft, \a width wide; returns its
/// height. With \a paint false only measures.
double drawOrientationPanel(PageContext& pc, QPointF topLeft, double width, const MapTransform& t, double dpi,
                            bool paint, bool translucent, ScaleInfo* info = nullptr);
/// Ticks in metres of the view's UTM zone on the top and right edges; returns the zone, "48S"
/// (empty when the view is wider than a zone).
std::string drawUtmTicks(PageContext& pc, const QRectF& frame, const MapTransform& t);
/// Degree ticks on the bottom and left edges.
void drawGraticuleTicks(PageContext& pc, const QRectF& frame, const MapTransform& t);
/// The inset locator, framed, at \a box.
void drawInset(PageContext& pc, const QRectF& box, const ThematicMap::Snapshot& d, Lang lang);

// --- the travel-time raster (travelmap.cpp)

/// One pixel per cell of \a travel's lon/lat grid in its class colour; transparent where NaN.
QImage travelClassImage(const TravelRaster& travel);

// --- legend (maplegend.cpp)

/// Everything the legend shows, decided once; drawLegend() measures and draws from it.
struct LegendDescription {
    QString heading;      ///< "Legenda"
    QString valueLabel;   ///< the indicator with its unit
    QString period;       ///< "tahun 2018"; empty = none
    QString countHeading; ///< "jumlah pekon"
    std::vector<LegendEntry> classes;
    QString outsideFocus;       ///< empty without a focus
    QString classificationNote; ///< empty for categories
    QString boundariesHeading;
    struct LineRow {
        QPen pen;
        QString text;
    };
    std::vector<LineRow> lines;
    QString facilitiesHeading;
    std::vector<FacilityLegendEntry> facilities;
    QString proposedText; ///< empty = no proposed sites
    int proposedCount = 0;
    QString proposedNote; ///< what the numbers mean and the kind of the sites
    QString reachText; ///< empty = no coverage circles
    QColor reachColor;
    double rowHeight = 0.0; ///< device px, from the page's own font metrics
};
/// The legend of \a s on a page in its language.
LegendDescription describeLegend(const ThematicMap::Snapshot& s, const ThematicMap& map, PageContext& pc,
                                 bool presentOnly);
/// Draws the legend in \a area (its box is drawn by the caller); returns the height it takes.
double drawLegend(QPainter& painter, const Units& u, const QRectF& area, const LegendDescription& legend);
/// The height drawLegend() takes, measured on a scratch image of \a dpi so no hidden text
/// reaches a PDF.
double measureLegend(const Units& u, double dpi, const QRectF& area, const LegendDescription& legend);

} // namespace detail

} // namespace layers
