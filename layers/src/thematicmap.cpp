#include "layers/thematicmap.h"

#include "gis/error.h"
#include "gis/measure.h"
#include "layers/colorramp.h"
#include "layers/facilitysymbol.h"
#include "layers/maptransform.h"
#include "layers/labelplacement.h"
#include "layers/numberformat.h"

#include "gis/crs.h"
#include "gis/locator.h"
#include "hugepages.h"
#include "units.h"

#include <QDate>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>

namespace layers {

// ---------------------------------------------------------------------------------------------
// Snapshot

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
    gis::Point labelAt;  ///< an interior point of the largest part
};

struct FacilityPoint {
    std::string kind;
    std::string name;
    gis::Point location;
};

QColor mapSeaColor() { return QColor(0xdf, 0xec, 0xf5); }
QColor mapBackgroundLandColor() { return QColor(0xf1, 0xee, 0xe8); }

struct ThematicMap::Snapshot {
    RingStore store; ///< rings of villages, kecamatan and kabupaten
    ThematicMapSpec spec;
    gis::IndicatorInfo info;
    std::string period;
    std::string title;
    std::string subtitle;
    std::string sources;
    std::string villageWord;   ///< "pekon" or "desa"
    bool illustrative = false;
    std::optional<Classification> classification;
    std::vector<QColor> colors;
    std::vector<Shape> villages;
    std::vector<std::optional<double>> villageValues;
    std::vector<int> villageClasses;
    std::map<std::string, std::size_t> villageIndex;
    std::vector<Shape> kecamatan;
    std::vector<Shape> kabupaten;
    std::vector<QPolygonF> backgroundLand;   ///< rings in lon/lat, filled with the odd-even rule
    std::vector<FacilityPoint> facilities;
    gis::Extent extent;
    int noData = 0;

    bool categorical = false;
    std::vector<std::string> classLabels;    ///< legend text per class
    std::vector<std::string> villageParent;  ///< kecamatan code per village
    std::vector<char> villageInFocus;        ///< 1 when the village is in the focus (all without one)
    std::string focusName;
    gis::Extent focusExtent;                 ///< empty without a focus
    std::vector<std::vector<QPolygonF>> coverageCircles; ///< lon/lat rings around covering points
    std::vector<QPolygonF> locatorIndonesia;
    std::vector<QPolygonF> locatorNeighbours;
    std::string maker;
    std::string printedYear;
};

namespace {

using detail::kMmPerInch;
using detail::Units;

/// Holes and parts of dissolved kecamatan/regency outlines below this are slivers, not borders.
constexpr double kSliverKm2 = 0.05;

QColor seaColor() { return mapSeaColor(); }
QColor landColor() { return mapBackgroundLandColor(); }
QColor kecamatanBorderColor() { return QColor(0x4d, 0x4d, 0x4d); }
QColor regencyBorderColor() { return QColor(0x1a, 0x1a, 0x1a); }
QColor villageOutlineColor() { return QColor(0xf4, 0xf4, 0xf4); } // opaque: a translucent stroke reaches PDF as its filled outline
QColor illustrativeColor() { return QColor(0xb0, 0x1c, 0x1c); }
QColor outsideFocusColor() { return QColor(0xdc, 0xdc, 0xdc); }
QColor focusBorderColor() { return QColor(0x08, 0x30, 0x6b); }
QColor proposedSiteColor() { return QColor(0x08, 0x51, 0x9c); }

QString qs(const std::string& s) { return QString::fromStdString(s); }

/// A scale-bar number: no decimals for whole numbers, else one ("2,5").
QString formatNumberQ(double value)
{
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return QString::fromStdString(formatNumber(value, whole ? 0 : 1));
}

double deviceDpi(const QPainter& painter)
{
    const QPaintDevice* device = painter.device();
    const int dpi = device ? device->logicalDpiY() : 0;
    return dpi > 0 ? dpi : 96.0;
}

std::vector<QPolygonF> ringsOf(const gis::MultiPolygon& mp)
{
    std::vector<QPolygonF> rings;
    auto addRing = [&rings](const gis::Ring& ring) {
        if (ring.size() < 3)
            return;
        QPolygonF polygon;
        polygon.reserve(static_cast<qsizetype>(ring.size()));
        for (const gis::Point& p : ring)
            polygon << QPointF(p.x, p.y);
        rings.push_back(std::move(polygon));
    };
    for (const gis::Polygon& polygon : mp) {
        addRing(polygon.exterior);
        for (const gis::Ring& hole : polygon.holes)
            addRing(hole);
    }
    return rings;
}

/// \a ring cut to \a clip (Sutherland–Hodgman, one rectangle side at a time). Parts outside
/// become runs along the rectangle's sides; with \a clip a little larger than the painter's clip
/// they are never seen, and a kecamatan page no longer carries the whole regency's vertices.
QPolygonF clipToRect(const QPolygonF& ring, const QRectF& clip)
{
    QPolygonF current = ring;
    auto pass = [&current](auto inside, auto cross) {
        if (current.isEmpty())
            return;
        QPolygonF out;
        out.reserve(current.size());
        QPointF previous = current.back();
        for (const QPointF& p : current) {
            if (inside(p)) {
                if (!inside(previous))
                    out << cross(previous, p);
                out << p;
            } else if (inside(previous)) {
                out << cross(previous, p);
            }
            previous = p;
        }
        current = std::move(out);
    };
    auto atX = [](QPointF a, QPointF b, double x) { return QPointF(x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x())); };
    auto atY = [](QPointF a, QPointF b, double y) { return QPointF(a.x() + (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()), y); };
    pass([&](QPointF p) { return p.x() >= clip.left(); }, [&](QPointF a, QPointF b) { return atX(a, b, clip.left()); });
    pass([&](QPointF p) { return p.x() <= clip.right(); }, [&](QPointF a, QPointF b) { return atX(a, b, clip.right()); });
    pass([&](QPointF p) { return p.y() >= clip.top(); }, [&](QPointF a, QPointF b) { return atY(a, b, clip.top()); });
    pass([&](QPointF p) { return p.y() <= clip.bottom(); }, [&](QPointF a, QPointF b) { return atY(a, b, clip.bottom()); });
    return current;
}

/// The shape in device pixels, built per render (odd-even fill keeps holes open). Vertices
/// closer than \a minStepPx to the last kept one are dropped (smaller vector files); a valid
/// \a clip cuts rings reaching outside it.
/// Adds one ring, already in device pixels, to \a path: cut to \a clip when valid, thinned to
/// \a minStepPx when positive.
void addPixelRing(QPainterPath& path, QPolygonF px, double minStepPx, const QRectF& clip)
{
    if (clip.isValid() && !clip.contains(px.boundingRect())) {
        px = clipToRect(px, clip);
        if (px.size() < 3)
            return;
    }
    if (minStepPx > 0.0 && px.size() > 8) {
        QPolygonF kept;
        kept.reserve(px.size());
        kept << px.front();
        const double min2 = minStepPx * minStepPx;
        for (qsizetype i = 1; i + 1 < px.size(); ++i) {
            const QPointF delta = px[i] - kept.back();
            if (delta.x() * delta.x() + delta.y() * delta.y() >= min2)
                kept << px[i];
        }
        kept << px.back();
        if (kept.size() >= 4)
            px = std::move(kept);
    }
    path.addPolygon(px);
    path.closeSubpath();
}

QPainterPath pixelPath(const std::vector<QPolygonF>& rings, const QTransform& xf, double minStepPx = 0.0,
                       const QRectF& clip = QRectF())
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF& ring : rings)
        addPixelRing(path, xf.map(ring), minStepPx, clip);
    return path;
}

/// Appends \a mp's rings (of at least 3 points) to \a store.
RingRange appendRings(RingStore& store, const gis::MultiPolygon& mp)
{
    RingRange range{static_cast<std::uint32_t>(store.rings.size()), 0};
    auto add = [&store, &range](const gis::Ring& ring) {
        if (ring.size() < 3)
            return;
        store.rings.emplace_back(static_cast<std::uint32_t>(store.points.size()), static_cast<std::uint32_t>(ring.size()));
        for (const gis::Point& p : ring)
            store.points.emplace_back(p.x, p.y);
        ++range.count;
    };
    for (const gis::Polygon& polygon : mp) {
        add(polygon.exterior);
        for (const gis::Ring& hole : polygon.holes)
            add(hole);
    }
    return range;
}

QPainterPath pixelPath(const RingStore& store, RingRange range, const QTransform& xf, double minStepPx = 0.0,
                       const QRectF& clip = QRectF())
{
    // copied, then mapped as a whole: QTransform's polygon map is faster than point by point
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    QPolygonF lonLat;
    for (std::uint32_t r = range.first; r < range.first + range.count; ++r) {
        const auto [first, count] = store.rings[r];
        lonLat.resize(static_cast<qsizetype>(count));
        std::copy(store.points.begin() + first, store.points.begin() + first + count, lonLat.begin());
        addPixelRing(path, xf.map(lonLat), minStepPx, clip);
    }
    return path;
}

/// Odd-even point in polygon over a shape's rings (crossing number).
bool ringsContain(const RingStore& store, RingRange range, QPointF p)
{
    bool inside = false;
    for (std::uint32_t r = range.first; r < range.first + range.count; ++r) {
        const auto [first, count] = store.rings[r];
        const QPointF* v = store.points.data() + first;
        for (std::uint32_t i = 0, j = count - 1; i < count; j = i++)
            if ((v[i].y() > p.y()) != (v[j].y() > p.y())
                && p.x() < (v[j].x() - v[i].x()) * (p.y() - v[i].y()) / (v[j].y() - v[i].y()) + v[i].x())
                inside = !inside;
    }
    return inside;
}

double ringAreaDeg2(const gis::Ring& ring)
{
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return std::fabs(twice) / 2.0;
}

/// An interior point for a label: the middle of the widest inside run of a few horizontal scan
/// lines through the largest part (robust for concave shapes, unlike the centroid).
gis::Point labelPointOf(const gis::MultiPolygon& mp)
{
    const gis::Polygon* largest = nullptr;
    double largestArea = -1.0;
    for (const gis::Polygon& p : mp) {
        const double a = ringAreaDeg2(p.exterior);
        if (a > largestArea) {
            largestArea = a;
            largest = &p;
        }
    }
    if (!largest || largest->exterior.empty())
        return {};
    gis::Extent e;
    for (const gis::Point& p : largest->exterior)
        e.include(p);
    gis::Point best = e.center();
    double bestScore = -1.0;
    constexpr int kLines = 15;
    for (int k = 1; k < kLines; ++k) {
        const double fraction = static_cast<double>(k) / kLines;
        const double y = e.minY + e.height() * fraction;
        std::vector<double> xs;
        auto scan = [&xs, y](const gis::Ring& ring) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const gis::Point a = ring[i], b = ring[i + 1];
                if ((a.y <= y && b.y > y) || (b.y <= y && a.y > y))
                    xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        };
        scan(largest->exterior);
        for (const gis::Ring& hole : largest->holes)
            scan(hole);
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
            const double width = xs[i + 1] - xs[i];
            // prefer runs near the vertical middle
            const double score = width * (1.0 - 0.6 * std::fabs(fraction - 0.5));
            if (score > bestScore) {
                bestScore = score;
                best = {(xs[i] + xs[i + 1]) / 2.0, y};
            }
        }
    }
    return best;
}

/// \a withLabelPoint false skips the label point (a scan of every ring), for shapes that are
/// never labelled: national maps have 84,000 villages.
/// \a mp without holes and parts smaller than \a minKm2 (approximately, from degrees): a
/// kecamatan or regency dissolved from real village boundaries keeps the sliver gaps between
/// them as holes and crumbs, which its heavy border would draw as stray strokes.
gis::MultiPolygon withoutSlivers(const gis::MultiPolygon& mp, double minKm2)
{
    gis::MultiPolygon out;
    for (const gis::Polygon& p : mp) {
        if (p.exterior.empty())
            continue;
        const double kmPerDegLat = 110.574, kmPerDegLon = 111.320 * std::cos(p.exterior.front().y * M_PI / 180.0);
        auto km2 = [&](const gis::Ring& r) { return ringAreaDeg2(r) * kmPerDegLat * kmPerDegLon; };
        if (km2(p.exterior) < minKm2)
            continue;
        gis::Polygon kept;
        kept.exterior = p.exterior;
        for (const gis::Ring& hole : p.holes)
            if (km2(hole) >= minKm2)
                kept.holes.push_back(hole);
        out.push_back(std::move(kept));
    }
    return out.empty() ? mp : out;
}

Shape shapeOf(RingStore& store, const gis::Area& area, bool withLabelPoint = true, double minPartKm2 = 0.0)
{
    Shape s;
    s.code = area.code;
    s.name = area.name;
    s.rings = appendRings(store, minPartKm2 > 0.0 ? withoutSlivers(area.geometry, minPartKm2) : area.geometry);
    s.extent = gis::extentOf(area.geometry);
    if (withLabelPoint)
        s.labelAt = labelPointOf(area.geometry);
    return s;
}

std::string titleCase(const std::string& text)
{
    static const std::set<std::string> kSmall = {"per", "dan", "di", "ke", "dari", "yang", "untuk", "atau", "dengan"};
    std::string out;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && !kSmall.contains(word) && std::islower(static_cast<unsigned char>(word[0])))
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        out += word;
        word.clear();
    };
    for (char c : text) {
        if (c == ' ') {
            flush();
            out += c;
        } else {
            word += c;
        }
    }
    flush();
    if (!out.empty() && std::islower(static_cast<unsigned char>(out[0])))
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string labelWithUnit(const gis::IndicatorInfo& info)
{
    if (info.unit.empty() || info.label.find('(') != std::string::npos)
        return info.label;
    return info.label + " (" + info.unit + ")";
}

std::string regencyNameOf(const gis::Dataset& ds)
{
    std::string name = ds.metaValue("regency_name");
    if (name.empty()) {
        const auto regencies = ds.areasOfKind("kabupaten");
        if (!regencies.empty())
            name = regencies.front()->name;
    }
    if (name.empty())
        return {};
    if (name.rfind("Kabupaten ", 0) == 0 || name.rfind("Kota ", 0) == 0 || name.rfind("Kab. ", 0) == 0)
        return name;
    return "Kabupaten " + name;
}

std::string periodPhrase(const std::string& period)
{
    if (period.empty())
        return {};
    const bool year = period.size() == 4 && std::all_of(period.begin(), period.end(), [](char c) {
                          return std::isdigit(static_cast<unsigned char>(c));
                      });
    return (year ? "tahun " : "periode ") + period;
}

std::string sourcesOf(const gis::Dataset& ds)
{
    static const std::array<std::pair<const char*, const char*>, 5> kKnown = {{
        {"indicator_source", "Indikator"},
        {"boundary_source", "Batas wilayah"},
        {"facility_source", "Fasilitas"},
        {"names_source", "Nama dan kode wilayah"},
        {"coastline_source", "Garis pantai"},
    }};
    std::vector<std::string> parts;
    std::set<std::string> used;
    for (const auto& [key, label] : kKnown) {
        const std::string value = ds.metaValue(key);
        used.insert(key);
        if (!value.empty())
            parts.push_back(std::string(label) + ": " + value);
    }
    for (const auto& [key, value] : ds.meta) {
        const bool isSource = key == "source" || (key.size() > 7 && key.ends_with("_source"));
        if (!isSource || used.contains(key) || value.empty())
            continue;
        std::string label = key == "source" ? std::string("Data") : key.substr(0, key.size() - 7);
        std::replace(label.begin(), label.end(), '_', ' ');
        parts.push_back(titleCase(label) + ": " + value);
    }
    std::string joined;
    for (const auto& p : parts)
        joined += (joined.empty() ? "" : "; ") + p;
    return joined.empty() ? std::string("tidak disebutkan dalam data") : joined;
}

std::string todayId()
{
    const QDate today = QDate::currentDate();
    return formatDateId(today.year(), today.month(), today.day());
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
        painter.strokePath(outline, QPen(QColor(255, 255, 255), haloPx * 2.0, Qt::SolidLine, Qt::RoundCap,
                                         Qt::RoundJoin));
    }
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(origin, text);
    painter.restore();
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

} // namespace

// ---------------------------------------------------------------------------------------------
// Construction and accessors

ThematicMap::ThematicMap(const gis::Dataset& ds, const ThematicMapSpec& spec)
{
    auto s = std::make_shared<Snapshot>();
    s->spec = spec;
    if (spec.classCount < 1 || spec.classCount > 9)
        throw gis::Error("thematic map: the number of classes must be between 1 and 9 (got "
                         + std::to_string(spec.classCount) + ")");
    const auto ramps = allRampNames();
    if (std::find(ramps.begin(), ramps.end(), spec.ramp) == ramps.end() || rampKind(spec.ramp) == RampKind::Qualitative) {
        std::string known;
        for (const auto& n : ramps)
            if (rampKind(n) != RampKind::Qualitative)
                known += (known.empty() ? "" : ", ") + n;
        throw gis::Error("thematic map: unknown colour ramp '" + spec.ramp + "' for classes; available: " + known
                         + " (qualitative ramps are for categories)");
    }
    if (spec.method == ClassificationMethod::Manual && spec.manualBreaks.empty() && !(spec.layer && !spec.layer->categories.empty()))
        throw gis::Error("thematic map: manual classes need their upper bounds (e.g. --breaks 10,15,20,30)");
    std::map<std::string, double> values;
    if (spec.layer) {
        s->info = {spec.layer->key, spec.layer->label, spec.layer->unit, true};
        s->period = spec.layer->period;
        values = spec.layer->values;
        s->categorical = !spec.layer->categories.empty();
    } else {
        s->info = gis::indicatorInfo(ds, spec.indicatorKey);
        s->period = spec.period.empty() ? gis::latestPeriod(ds, spec.indicatorKey) : spec.period;
        values = gis::indicatorValues(ds, spec.indicatorKey, s->period);
    }
    s->illustrative = ds.isIllustrative();

    const auto villageAreas = ds.villages();
    {
        std::size_t points = 0, rings = 0;
        for (const gis::Area& a : ds.areas)
            for (const gis::Polygon& p : a.geometry) {
                rings += 1 + p.holes.size();
                points += p.exterior.size();
                for (const gis::Ring& h : p.holes)
                    points += h.size();
            }
        s->store.points.reserve(points);
        s->store.rings.reserve(rings);
        s->villages.reserve(villageAreas.size());
        s->villageValues.reserve(villageAreas.size());
    }
    const bool anyPekon = std::any_of(villageAreas.begin(), villageAreas.end(),
                                      [](const gis::Area* a) { return a->kind == "pekon"; });
    s->villageWord = anyPekon ? "pekon" : "desa";

    if (!spec.focusArea.empty()) {
        const gis::Area* focus = nullptr;
        for (const gis::Area& a : ds.areas)
            if (a.code == spec.focusArea)
                focus = &a;
        if (!focus)
            throw gis::Error("thematic map: no area with code '" + spec.focusArea
                             + "' to focus on; see the kode column of `sasaran-cli export`");
        s->focusName = focus->name;
        s->focusExtent = gis::extentOf(focus->geometry);
    }
    auto inFocus = [&spec](const gis::Area& a) {
        return spec.focusArea.empty() || a.code == spec.focusArea || a.parentCode == spec.focusArea
               || a.code.rfind(spec.focusArea + ".", 0) == 0;
    };

    std::vector<double> present;            // values of all villages
    std::size_t focusValued = 0;            // villages in the focus with a value
    std::vector<std::string> presentCategories;
    for (const gis::Area* area : villageAreas) {
        s->villageIndex[area->code] = s->villages.size();
        s->villages.push_back(shapeOf(s->store, *area, spec.showVillageLabels));
        s->villageParent.push_back(area->parentCode);
        const bool focused = inFocus(*area);
        s->villageInFocus.push_back(focused ? 1 : 0);
        if (s->categorical) {
            const auto it = spec.layer->categories.find(area->code);
            s->villageValues.emplace_back(std::nullopt);
            if (it != spec.layer->categories.end() && !it->second.empty())
                presentCategories.push_back(it->second);
        } else {
            const auto it = values.find(area->code);
            if (it != values.end() && std::isfinite(it->second)) {
                // classes from every village, so the pages of an atlas share their colours
                s->villageValues.emplace_back(it->second);
                present.push_back(it->second);
                if (focused)
                    ++focusValued;
            } else {
                s->villageValues.emplace_back(std::nullopt);
            }
        }
        s->extent.include(s->villages.back().extent);
    }
    if (s->categorical) {
        std::vector<std::string> order = spec.layer->categoryOrder;
        std::set<std::string> seen(order.begin(), order.end());
        std::set<std::string> extra(presentCategories.begin(), presentCategories.end());
        for (const std::string& c : extra)
            if (!seen.contains(c))
                order.push_back(c);
        if (order.empty())
            throw gis::Error("thematic map: the layer '" + spec.layer->key + "' has no category for any village");
        static const std::array<QColor, 8> kQualitative = {QColor(0x66, 0xc2, 0xa5), QColor(0xfc, 0x8d, 0x62),
                                                           QColor(0x8d, 0xa0, 0xcb), QColor(0xe7, 0x8a, 0xc3),
                                                           QColor(0xa6, 0xd8, 0x54), QColor(0xff, 0xd9, 0x2f),
                                                           QColor(0xe5, 0xc4, 0x94), QColor(0xb3, 0xb3, 0xb3)};
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto c = spec.layer->categoryColors.find(order[i]);
            s->colors.push_back(c != spec.layer->categoryColors.end() ? c->second : kQualitative[i % kQualitative.size()]);
            s->classLabels.push_back(order[i]);
        }
        std::map<std::string, int> classOf;
        for (std::size_t i = 0; i < order.size(); ++i)
            classOf[order[i]] = static_cast<int>(i);
        for (std::size_t i = 0; i < s->villages.size(); ++i) {
            const auto it = spec.layer->categories.find(s->villages[i].code);
            const int c = it == spec.layer->categories.end() || it->second.empty() ? -1 : classOf.at(it->second);
            s->villageClasses.push_back(c);
            if (c < 0 && s->villageInFocus[i])
                ++s->noData;
        }
    } else {
        if (present.empty())
            throw gis::Error("thematic map: no village has a value of '" + s->info.key + "'"
                             + (s->period.empty() ? std::string{} : " for period " + s->period));
        if (!spec.manualBreaks.empty()) {
            const double minimum = *std::min_element(present.begin(), present.end());
            try {
                s->classification.emplace(std::min(minimum, spec.manualBreaks.front()), spec.manualBreaks, present);
            } catch (const std::invalid_argument& e) {
                throw gis::Error(std::string("thematic map: manual breaks: ") + e.what()
                                 + " (give the upper bounds of the classes, ascending, e.g. 10,15,20,30)");
            }
        } else {
            s->classification.emplace(spec.method, present, spec.classCount);
        }
        s->colors = rampColors(spec.ramp, s->classification->classCount());
        s->classLabels = s->classification->labels();
        for (std::size_t i = 0; i < s->villageValues.size(); ++i) {
            const auto& v = s->villageValues[i];
            s->villageClasses.push_back(v ? s->classification->classOf(*v) : -1);
            if (!v && s->villageInFocus[i])
                ++s->noData;
        }
    }

    for (const gis::Area& area : ds.areas) {
        if (area.kind == "kecamatan")
            s->kecamatan.push_back(shapeOf(s->store, area, true, kSliverKm2));
        else if (area.kind == "kabupaten")
            s->kabupaten.push_back(shapeOf(s->store, area, true, kSliverKm2));
        else
            continue;
        s->extent.include(gis::extentOf(area.geometry));
    }
    s->backgroundLand = ringsOf(ds.backgroundLand);
    for (const gis::Facility& f : ds.facilities)
        s->facilities.push_back({f.kind, f.name, f.location});
    // draw order: the many first, the rare (and important) on top
    std::stable_sort(s->facilities.begin(), s->facilities.end(), [](const FacilityPoint& a, const FacilityPoint& b) {
        auto rank = [](const std::string& k) {
            return k == "BUMDES" ? 0 : k == "PUSKESMAS" ? 1 : k == "WISATA" ? 2 : k == "PUSKESSOS" ? 3 : -1;
        };
        return rank(a.kind) < rank(b.kind);
    });
    if (spec.coverageRadiusKm > 0.0) {
        // geodesic circles: true ground radius at any latitude
        auto circle = [&spec](gis::Point centre) {
            QPolygonF ring;
            for (int k = 0; k <= 72; ++k) {
                const gis::Point p = gis::geodesicDestination(centre, k * 5.0, spec.coverageRadiusKm * 1000.0);
                ring << QPointF(p.x, p.y);
            }
            return std::vector<QPolygonF>{ring};
        };
        for (const FacilityPoint& f : s->facilities)
            if (f.kind == spec.coverageKind)
                s->coverageCircles.push_back(circle(f.location));
        for (const ProposedSite& p : spec.proposedSites)
            s->coverageCircles.push_back(circle(p.location));
    }
    if (spec.showInset) {
        const gis::LocatorLand& land = gis::locatorLand();
        s->locatorIndonesia = ringsOf(land.indonesia);
        s->locatorNeighbours = ringsOf(land.neighbours);
    }
    s->maker = !spec.maker.empty() ? spec.maker : ds.metaValue("maker", "Sasaran");

    const bool en = spec.lang == Lang::En;
    const std::string regency = regencyNameOf(ds);
    const std::string place = s->focusName.empty() ? regency
                                                   : "Kecamatan " + s->focusName
                                                         + (regency.empty() ? "" : ", " + regency);
    if (spec.title.empty()) {
        s->title = titleCase(s->info.label) + (en ? " by " : " per ") + titleCase(s->villageWord);
        if (!place.empty())
            s->title += " — " + place;
        if (!s->period.empty())
            s->title += (place.empty() ? " — " : ", ") + s->period;
    } else {
        s->title = spec.title;
    }
    if (spec.subtitle.empty()) {
        s->subtitle = labelWithUnit(s->info);
        if (!s->period.empty())
            s->subtitle += ", " + (en ? "period " + s->period : periodPhrase(s->period));
        const std::size_t shown = static_cast<std::size_t>(
            std::count(s->villageInFocus.begin(), s->villageInFocus.end(), char{1}));
        const std::size_t valued = s->categorical ? shown - static_cast<std::size_t>(s->noData) : focusValued;
        if (s->categorical)
            s->subtitle += en ? " · " + std::to_string(valued) + " of " + std::to_string(shown) + " villages with a category"
                              : " · " + std::to_string(valued) + " dari " + std::to_string(shown) + " " + s->villageWord
                                    + " berkategori";
        else
            s->subtitle += en ? " · " + std::to_string(valued) + " of " + std::to_string(shown)
                                    + " villages with a value · classes: "
                                    + (spec.manualBreaks.empty() ? methodKey(spec.method) : std::string("manual"))
                                    + ", " + std::to_string(s->classification->classCount())
                              : " · " + std::to_string(valued) + " dari " + std::to_string(shown) + " "
                                    + s->villageWord + " bernilai · klasifikasi "
                                    + methodName(s->classification->method())
                                    + ", " + std::to_string(s->classification->classCount()) + " kelas";
    } else {
        s->subtitle = spec.subtitle;
    }
    s->sources = sourcesOf(ds);
    if (spec.layer && !spec.layer->source.empty())
        s->sources = (en ? "Map values: " : "Nilai peta: ") + spec.layer->source + "; " + s->sources;
    d = std::move(s);
}

const ThematicMapSpec& ThematicMap::spec() const noexcept { return d->spec; }
const gis::IndicatorInfo& ThematicMap::indicator() const noexcept { return d->info; }
const std::string& ThematicMap::period() const noexcept { return d->period; }
gis::Extent ThematicMap::fullExtent() const { return d->extent; }
const std::string& ThematicMap::title() const noexcept { return d->title; }
const std::string& ThematicMap::subtitle() const noexcept { return d->subtitle; }
const std::string& ThematicMap::sources() const noexcept { return d->sources; }
bool ThematicMap::isIllustrative() const noexcept { return d->illustrative; }
const Classification& ThematicMap::classification() const
{
    if (!d->classification)
        throw gis::Error("thematic map: a categorical layer has no numeric classification");
    return *d->classification;
}
bool ThematicMap::isCategorical() const noexcept { return d->categorical; }
const std::vector<QColor>& ThematicMap::classColors() const noexcept { return d->colors; }
int ThematicMap::noDataCount() const noexcept { return d->noData; }

std::vector<LegendEntry> ThematicMap::legendEntries() const
{
    // counted over the villages on the map (the focus area, or all)
    std::vector<int> counts(d->colors.size(), 0);
    for (std::size_t i = 0; i < d->villages.size(); ++i)
        if (d->villageInFocus[i] && d->villageClasses[i] >= 0)
            ++counts[static_cast<std::size_t>(d->villageClasses[i])];
    std::vector<LegendEntry> out;
    for (std::size_t i = 0; i < d->colors.size(); ++i)
        out.push_back({d->colors[i], d->classLabels[i], counts[i], false});
    out.push_back({noDataColor(), d->spec.lang == Lang::En ? "No data" : "Tidak ada data", d->noData, true});
    return out;
}

std::vector<FacilityLegendEntry> ThematicMap::facilityLegendEntries() const
{
    // with a focus, the facilities inside it (the page's own counts)
    const Shape* focus = nullptr;
    for (const Shape& k : d->kecamatan)
        if (!d->spec.focusArea.empty() && k.code == d->spec.focusArea)
            focus = &k;
    std::map<std::string, int> counts;
    for (const FacilityPoint& f : d->facilities)
        if (!focus || (focus->extent.contains(f.location) && ringsContain(d->store, focus->rings, QPointF(f.location.x, f.location.y))))
            ++counts[f.kind];
    std::vector<FacilityLegendEntry> out;
    for (const std::string& kind : symbolisedFacilityKinds()) {
        const auto it = counts.find(kind);
        if (it != counts.end()) {
            out.push_back({kind, facilityKindLabel(kind), it->second});
            counts.erase(it);
        }
    }
    for (const auto& [kind, n] : counts)
        out.push_back({kind, facilityKindLabel(kind), n});
    return out;
}

std::optional<std::string> ThematicMap::villageAt(gis::Point lonLat) const
{
    const QPointF p(lonLat.x, lonLat.y);
    for (const Shape& v : d->villages)
        if (v.extent.contains(lonLat) && ringsContain(d->store, v.rings, p))
            return v.code;
    return std::nullopt;
}

std::optional<double> ThematicMap::valueForArea(const std::string& areaCode) const
{
    const auto it = d->villageIndex.find(areaCode);
    return it == d->villageIndex.end() ? std::nullopt : d->villageValues[it->second];
}

int ThematicMap::classForArea(const std::string& areaCode) const
{
    const auto it = d->villageIndex.find(areaCode);
    return it == d->villageIndex.end() ? -1 : d->villageClasses[it->second];
}

QColor ThematicMap::colorForArea(const std::string& areaCode) const
{
    const int c = classForArea(areaCode);
    return c < 0 ? noDataColor() : d->colors[static_cast<std::size_t>(c)];
}

// ---------------------------------------------------------------------------------------------
// Map drawing

void ThematicMap::renderMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view) const
{
    (void)drawMap(painter, targetPx, view, deviceDpi(painter));
}

ThematicMap::DrawResult ThematicMap::drawMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view,
                                             double dpi) const
{
    const Units u{dpi};
    const MapTransform t(view, targetPx);
    const QTransform& xf = t.transform();
    const gis::Extent visible = t.visibleExtent();
    const double simplifyPx = u.mm(d->spec.simplifyMm);
    const QRectF clipPx = targetPx.adjusted(-u.mm(3), -u.mm(3), u.mm(3), u.mm(3));
    const bool focused = !d->spec.focusArea.empty();
    DrawResult result;

    painter.save();
    painter.setClipRect(targetPx, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(targetPx, seaColor());
    if (!d->backgroundLand.empty())
        painter.fillPath(pixelPath(d->backgroundLand, xf, simplifyPx, clipPx), landColor());

    // village fills; outside the focus area greyed, so the eye stays on the focus
    std::vector<QPainterPath> villagePx(d->villages.size());
    painter.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < d->villages.size(); ++i) {
        const Shape& v = d->villages[i];
        if (!v.extent.intersects(visible))
            continue;
        villagePx[i] = pixelPath(d->store, v.rings, xf, simplifyPx, clipPx);
        if (!d->villageInFocus[i]) {
            painter.fillPath(villagePx[i], outsideFocusColor());
            continue;
        }
        const int c = d->villageClasses[i];
        painter.fillPath(villagePx[i], c < 0 ? noDataColor() : d->colors[static_cast<std::size_t>(c)]);
        if (c < 0)
            drawHatching(painter, villagePx[i], u);
    }
    // village outlines, unless most villages are only a few pixels across (a national map):
    // there the outlines would wash the fills out and the kecamatan borders carry the pattern
    std::size_t drawn = 0, tiny = 0;
    for (const QPainterPath& p : villagePx)
        if (!p.isEmpty()) {
            ++drawn;
            const QRectF box = p.controlPointRect();
            tiny += std::max(box.width(), box.height()) < u.mm(3.0);
        }
    if (tiny * 2 <= drawn) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(villageOutlineColor(), u.mm(0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        for (const QPainterPath& p : villagePx)
            if (!p.isEmpty())
                painter.drawPath(p);
    }
    // kecamatan and regency borders, heavier
    auto stroke = [&](const std::vector<Shape>& shapes, const QPen& pen) {
        painter.setPen(pen);
        for (const Shape& sh : shapes)
            if (sh.extent.intersects(visible))
                painter.drawPath(pixelPath(d->store, sh.rings, xf, simplifyPx, clipPx));
    };
    stroke(d->kecamatan, QPen(kecamatanBorderColor(), u.mm(0.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    stroke(d->kabupaten, QPen(regencyBorderColor(), u.mm(0.8), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (focused)
        for (const Shape& k : d->kecamatan)
            if (k.code == d->spec.focusArea) {
                painter.setPen(QPen(focusBorderColor(), u.mm(1.0), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter.drawPath(pixelPath(d->store, k.rings, xf, simplifyPx, clipPx));
            }

    // roads over the borders, under the symbols: a casing and a light core, as on BIG's maps
    if (!d->spec.roads.empty()) {
        QPainterPath roadsPx;
        for (const gis::LineString& line : d->spec.roads) {
            QPolygonF px;
            px.reserve(static_cast<qsizetype>(line.size()));
            for (const gis::Point& p : line)
                px << t.toPixel(p);
            roadsPx.addPolygon(px);
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0x80, 0x50, 0x30), u.mm(0.55), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(roadsPx);
        painter.setPen(QPen(QColor(0xff, 0xe0, 0x9a), u.mm(0.3), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(roadsPx);
    }

    // coverage circles under the symbols
    if (!d->coverageCircles.empty()) {
        const QColor kindColor = facilityKindColor(d->spec.coverageKind);
        QColor fill = kindColor;
        fill.setAlpha(28);
        painter.setPen(QPen(kindColor, u.mm(0.25), Qt::DashLine));
        painter.setBrush(fill);
        for (const auto& circle : d->coverageCircles)
            painter.drawPath(pixelPath(circle, xf, 0.0, clipPx));
        painter.setBrush(Qt::NoBrush);
    }

    std::vector<QRectF> symbolBoxes;
    if (d->spec.showFacilities) {
        const double size = u.mm(2.3);
        for (const FacilityPoint& f : d->facilities)
            if (visible.contains(f.location)) {
                const QPointF at = t.toPixel(f.location);
                drawFacilitySymbol(painter, f.kind, at, size);
                symbolBoxes.emplace_back(at.x() - size / 2, at.y() - size / 2, size, size);
            }
    }
    // proposed sites: a numbered ring, unlike any existing facility symbol
    for (const ProposedSite& p : d->spec.proposedSites) {
        if (!visible.contains(p.location))
            continue;
        const QPointF at = t.toPixel(p.location);
        const double r = u.mm(2.1);
        painter.setPen(QPen(Qt::white, u.mm(0.6)));
        painter.setBrush(proposedSiteColor());
        painter.drawEllipse(at, r, r);
        painter.setPen(QPen(Qt::black, u.mm(0.2)));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(at, r + u.mm(0.3), r + u.mm(0.3));
        const QFont font = u.font(5.5, true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r), Qt::AlignCenter, QString::number(p.rank));
        symbolBoxes.emplace_back(at.x() - r, at.y() - r, 2 * r, 2 * r);
    }

    // labels: kecamatan names first (higher priority), then pekon names by area; a label that
    // would overlap a placed one or a symbol is moved to another side or dropped
    struct Text {
        QString text;
        QFont font;
        QColor color;
    };
    std::vector<Text> texts;
    std::vector<LabelRequest> requests;
    const QFont kecFont = u.font(focused ? 7.5 : 6.5, true);
    const QFont villageFont = u.font(5.5);
    auto request = [&](const QString& text, const QFont& font, const QColor& color, gis::Point at, double priority) {
        const QFontMetricsF fm(font, painter.device());
        const QSizeF size(fm.horizontalAdvance(text) + u.mm(0.6), fm.height());
        LabelRequest r;
        r.id = static_cast<int>(texts.size());
        r.priority = priority;
        r.positions = candidatePositions(t.toPixel(at), size, u.mm(1.2));
        requests.push_back(std::move(r));
        texts.push_back({text, font, color});
    };
    if (d->spec.showLabels)
        for (const Shape& k : d->kecamatan)
            if (!k.name.empty() && visible.contains(k.labelAt) && (!focused || k.code != d->spec.focusArea))
                request(qs(k.name).toUpper(), kecFont, focused ? QColor(0x70, 0x70, 0x70) : QColor(0x26, 0x26, 0x26),
                        k.labelAt, 1e12);
    if (d->spec.showVillageLabels)
        for (std::size_t i = 0; i < d->villages.size(); ++i) {
            const Shape& v = d->villages[i];
            if (v.name.empty() || !d->villageInFocus[i] || !visible.contains(v.labelAt))
                continue;
            request(qs(v.name), villageFont, QColor(0x1a, 0x1a, 0x1a), v.labelAt, v.extent.width() * v.extent.height());
        }
    const auto placed = placeLabels(requests, targetPx, u.mm(0.4), symbolBoxes);
    for (const PlacedLabel& pl : placed) {
        const Text& tx = texts[static_cast<std::size_t>(pl.id)];
        drawHaloText(painter, pl.box.center(), tx.text, tx.font, tx.color, u.mm(0.35), d->spec.simplifyMm > 0.0);
        result.labelBoxes.push_back(pl.box);
        result.labels.push_back(tx.text.toStdString());
    }

    painter.restore();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Page layout

namespace {

struct PageContext {
    QPainter& painter;
    Units u;
    QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, painter.device()); }
};

/// Draws \a text wrapped into \a width from \a top; returns the height used.
double drawWrapped(PageContext& pc, const QRectF& area, const QString& text, const QFont& font, const QColor& color,
                   int flags = Qt::AlignLeft)
{
    const QFontMetricsF fm = pc.metrics(font);
    const QRectF needed = fm.boundingRect(QRectF(area.left(), area.top(), area.width(), 1e6),
                                          flags | Qt::TextWordWrap, text);
    pc.painter.setFont(font);
    pc.painter.setPen(color);
    pc.painter.drawText(QRectF(area.left(), area.top(), area.width(), needed.height()), flags | Qt::TextWordWrap,
                        text);
    return needed.height();
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
struct ScaleInfo {
    double km = 0.0;
    double px = 0.0;
    double denominator = 0.0;
    double latitude = 0.0;
};

QSizeF drawScaleBar(PageContext& pc, QPointF origin, double maxWidthPx, const MapTransform& t, double dpi,
                    bool paint, ScaleInfo* info = nullptr)
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
    const double width = std::max(barPx + fm.horizontalAdvance(formatNumberQ(km) + unitText) / 2.0
                                      + fm.horizontalAdvance(unitText),
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

/// North arrow and scale bar side by side on a panel at \a topLeft, \a width wide; returns its height.
double drawOrientationPanel(PageContext& pc, QPointF topLeft, double width, const MapTransform& t, double dpi,
                            bool paint, bool translucent, ScaleInfo* info = nullptr)
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
    drawScaleBar(pc, QPointF(panel.left() + 2.0 * pad + arrow.width(), panel.center().y() - bar.height() / 2.0),
                 barMax, t, dpi, true, info);
    return height;
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

} // namespace

gis::Extent ThematicMap::pageView() const
{
    if (d->spec.view)
        return paddedExtent(*d->spec.view, 0.02);
    if (!d->focusExtent.isEmpty())
        return paddedExtent(d->focusExtent, 0.06);
    return paddedExtent(d->extent, 0.03);
}

std::vector<std::pair<std::string, std::string>> ThematicMap::kecamatanList() const
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const Shape& k : d->kecamatan)
        out.emplace_back(k.code, k.name);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> ThematicMap::focusVillageCodes() const
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < d->villages.size(); ++i)
        if (d->villageInFocus[i])
            out.push_back(d->villages[i].code);
    return out;
}

namespace {

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
    const QString caption = focused ? (lang == Lang::En ? QStringLiteral("Location in the regency")
                                                        : QStringLiteral("Letak dalam kabupaten"))
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

} // namespace

PageResult ThematicMap::renderPage(QPainter& painter, const QRectF& pagePx, double dpi, const PageExtras& extras) const
{
    if (!(dpi > 0.0))
        dpi = deviceDpi(painter);
    // Larger paper is read from further away: type and lines grow with the short side (A4 = 1).
    const double shortSideMm = std::min(pagePx.width(), pagePx.height()) / dpi * kMmPerInch;
    const double pageScale = std::clamp(std::sqrt(shortSideMm / 210.0), 1.0, 2.2);
    PageContext pc{painter, Units{dpi * pageScale}};
    const Units& u = pc.u;
    const bool en = d->spec.lang == Lang::En;
    auto L = [en](const char* id, const char* english) { return QString::fromUtf8(en ? english : id); };
    PageResult result;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(pagePx, Qt::white);

    const double margin = u.mm(9.0);
    const QRectF content = pagePx.adjusted(margin, margin, -margin, -margin);
    const QColor textColor(0x1a, 0x1a, 0x1a);
    const QColor mutedColor(0x55, 0x55, 0x55);

    // --- title block (the title shrinks to fit one line)
    QFont titleFont = u.font(17.0, true);
    const QString title = qs(extras.title.empty() ? d->title : extras.title);
    for (double pt = 17.0; pt > 9.0 && pc.metrics(titleFont).horizontalAdvance(title) > content.width(); pt -= 0.5)
        titleFont = u.font(pt, true);
    const QFontMetricsF titleFm = pc.metrics(titleFont);
    painter.setFont(titleFont);
    painter.setPen(textColor);
    painter.drawText(QPointF(content.left(), content.top() + titleFm.ascent()), title);
    double y = content.top() + titleFm.height() + u.mm(1.0);
    const std::string& subtitle = extras.title.empty() && extras.subtitle.empty() ? d->subtitle : extras.subtitle;
    if (!subtitle.empty())
        y += drawWrapped(pc, QRectF(content.left(), y, content.width(), 0), qs(subtitle), u.font(10.0), mutedColor);
    y += u.mm(1.5);
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.3)));
    painter.drawLine(QPointF(content.left(), y), QPointF(content.right(), y));
    y += u.mm(3.0);

    // --- footer (measured first, drawn at the bottom)
    const QFont footerFont = u.font(6.5);
    const QFont footerBold = u.font(7.5, true);
    const std::string printed = d->spec.printedDate.empty() ? todayId() : d->spec.printedDate;
    const std::string printedYear = printed.size() >= 4 ? printed.substr(printed.size() - 4) : printed;
    const QString footerText = L("Sumber data: ", "Data sources: ") + qs(d->sources)
                               + (d->period.empty() ? QString() : L(" | Periode data: ", " | Data period: ") + qs(d->period))
                               + L(" | Pembuat: ", " | Made by: ") + qs(d->maker) + QStringLiteral(", ")
                               + qs(printedYear) + L(" | Dicetak: ", " | Printed: ") + qs(printed)
                               + L(" | Dibuat dengan Sasaran", " | Made with Sasaran");
    const QString illustrativeText =
        L("Data ilustrasi — batas dan angka bukan data resmi", "Data ilustrasi (illustrative data) — boundaries and figures are not official");
    const QFontMetricsF footerFm = pc.metrics(footerFont);
    const double pageLabelW = extras.pageLabel.empty() ? 0.0
                                                       : pc.metrics(footerBold).horizontalAdvance(qs(extras.pageLabel))
                                                             + u.mm(4.0);
    const double footerTextW = content.width() - pageLabelW;
    const double footerTextH =
        footerFm.boundingRect(QRectF(0, 0, footerTextW, 1e6), Qt::TextWordWrap, footerText).height();
    const double footerH = footerTextH + (d->illustrative ? pc.metrics(footerBold).height() + u.mm(0.8) : 0.0)
                           + u.mm(2.0);
    const double footerTop = content.bottom() - footerH;
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.3)));
    painter.drawLine(QPointF(content.left(), footerTop), QPointF(content.right(), footerTop));
    double fy = footerTop + u.mm(1.5);
    fy += drawWrapped(pc, QRectF(content.left(), fy, footerTextW, 0), footerText, footerFont, mutedColor);
    if (d->illustrative) {
        fy += u.mm(0.8);
        drawWrapped(pc, QRectF(content.left(), fy, footerTextW, 0), illustrativeText, footerBold, illustrativeColor());
    }
    if (!extras.pageLabel.empty())
        drawWrapped(pc, QRectF(content.right() - pageLabelW, footerTop + u.mm(1.5), pageLabelW, 0),
                    qs(extras.pageLabel), footerBold, textColor, Qt::AlignRight);

    // --- body: map frame (left, with the table under it) and the marginalia column (right)
    const double bodyBottom = footerTop - u.mm(3.0);
    if (extras.tableOnly) {
        if (extras.table)
            drawPageTable(painter, QRectF(content.left(), y, content.width(), bodyBottom - y), dpi * pageScale,
                          *extras.table);
        painter.restore();
        return result;
    }
    const double legendW = std::clamp(content.width() * 0.25, u.mm(55.0), u.mm(72.0));
    const double gap = u.mm(7.0);
    const double tickLabelSpace = u.mm(4.5);
    const double frameLeft = content.left() + tickLabelSpace;
    const double frameW = content.width() - legendW - gap - 2.0 * tickLabelSpace;
    const double frameTop = y + tickLabelSpace;
    double frameBottom = bodyBottom - tickLabelSpace;
    QRectF tableArea;
    if (extras.table) {
        const double bodyH = bodyBottom - frameTop;
        const double tableShare = std::clamp(0.14 + 0.035 * static_cast<double>(extras.table->rows.size()), 0.28, 0.5);
        frameBottom = frameTop + bodyH * (1.0 - tableShare) - tickLabelSpace;
        tableArea = QRectF(frameLeft, frameBottom + tickLabelSpace + u.mm(2.5), frameW,
                           bodyBottom - frameBottom - tickLabelSpace - u.mm(2.5));
    }
    const QRectF frame(frameLeft, frameTop, frameW, frameBottom - frameTop);
    const gis::Extent view = pageView();
    const DrawResult drawn = drawMap(painter, frame, view, dpi * pageScale);
    result.labelBoxes = drawn.labelBoxes;
    result.labels = drawn.labels;
    const MapTransform t(view, frame);
    result.framePx = frame;
    result.view = t.visibleExtent();
    painter.setPen(QPen(Qt::black, u.mm(0.35)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    drawGraticuleTicks(pc, frame, t);
    result.utmZone = drawUtmTicks(pc, frame, t);
    if (d->illustrative) {
        const QFont badgeFont = u.font(8.0, true);
        const QFontMetricsF bfm = pc.metrics(badgeFont);
        const QString badge = QStringLiteral("DATA ILUSTRASI");
        const QRectF badgeBox(frame.left() + u.mm(4.0), frame.top() + u.mm(4.0),
                              bfm.horizontalAdvance(badge) + u.mm(4.0), bfm.height() + u.mm(2.0));
        painter.setPen(QPen(illustrativeColor(), u.mm(0.4)));
        painter.setBrush(QColor(255, 255, 255, 225));
        painter.drawRect(badgeBox);
        painter.setFont(badgeFont);
        painter.setPen(illustrativeColor());
        painter.drawText(badgeBox, Qt::AlignCenter, badge);
    }
    if (extras.table)
        drawPageTable(painter, tableArea, dpi * pageScale, *extras.table);

    // --- legend
    const QRectF legendArea(content.right() - legendW, y, legendW, bodyBottom - y);
    const double pad = u.mm(3.0);
    const double innerW = legendW - 2.0 * pad;
    const double left = legendArea.left() + pad;
    const QFont headFont = u.font(10.5, true);
    const QFont sectionFont = u.font(8.0, true);
    const QFont rowFont = u.font(7.5);
    const QFont noteFont = u.font(6.5);
    const QFontMetricsF rowFm = pc.metrics(rowFont);
    const double swatchW = u.mm(8.0), swatchH = u.mm(4.6);
    const double rowH = std::max(swatchH, rowFm.height()) + u.mm(1.3);
    std::vector<LegendEntry> entries = legendEntries();
    if (extras.legendPresentOnly)
        std::erase_if(entries, [](const LegendEntry& e) { return e.count == 0; });
    else
        std::erase_if(entries, [](const LegendEntry& e) { return e.noData && e.count == 0; });
    const std::string villagePlural = en ? "villages" : d->villageWord;

    // Drawn twice: first on a scratch image to measure (so no hidden text reaches a PDF), then
    // for real on its box.
    auto drawLegend = [&](QPainter& lp) -> double {
        PageContext lpc{lp, u};
        lp.save();
        double ly = legendArea.top() + pad;
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), L("Legenda", "Legend"), headFont, textColor);
        ly += u.mm(1.5);
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), qs(labelWithUnit(d->info)), sectionFont, textColor);
        if (!d->period.empty())
            ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0),
                              en ? QStringLiteral("period ") + qs(d->period) : qs(periodPhrase(d->period)), noteFont,
                              mutedColor);
        ly += u.mm(1.2);
        lp.setFont(noteFont);
        lp.setPen(mutedColor);
        const QFontMetricsF noteFm = lpc.metrics(noteFont);
        lp.drawText(QRectF(left, ly, innerW, noteFm.height()), Qt::AlignRight | Qt::AlignVCenter,
                    L("jumlah ", "number of ") + qs(villagePlural));
        ly += noteFm.height() + u.mm(0.5);
        for (const LegendEntry& e : entries) {
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
            lp.setFont(rowFont);
            lp.setPen(textColor);
            lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW - u.mm(2.5), rowH),
                        Qt::AlignLeft | Qt::AlignVCenter, qs(e.label));
            lp.drawText(QRectF(left, ly, innerW, rowH), Qt::AlignRight | Qt::AlignVCenter, qs(formatNumber(e.count, 0)));
            ly += rowH;
        }
        if (!d->spec.focusArea.empty()) {
            const QRectF swatch(left, ly + (rowH - swatchH) / 2.0, swatchW, swatchH);
            lp.fillRect(swatch, outsideFocusColor());
            lp.setFont(rowFont);
            lp.setPen(textColor);
            lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW - u.mm(2.5), rowH),
                        Qt::AlignLeft | Qt::AlignVCenter, L("Di luar kecamatan ini", "Outside this kecamatan"));
            ly += rowH;
        }
        ly += u.mm(0.8);
        if (!d->categorical) {
            const ClassificationMethod m = d->classification->method();
            const QString method = en ? qs(methodKey(m)) : qs(methodName(m));
            ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0),
                              L("Klasifikasi ", "Classification: ") + method + QStringLiteral(", ")
                                  + QString::number(d->classification->classCount()) + L(" kelas", " classes"),
                              noteFont, mutedColor);
        }

        // boundaries
        ly += u.mm(3.0);
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), L("Batas wilayah", "Boundaries"), sectionFont, textColor);
        ly += u.mm(0.8);
        auto lineRow = [&](const QPen& pen, const QString& text) {
            const double cy = ly + rowH / 2.0;
            lp.setPen(pen);
            lp.drawLine(QPointF(left, cy), QPointF(left + swatchW, cy));
            lp.setFont(rowFont);
            lp.setPen(textColor);
            lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                        text);
            ly += rowH;
        };
        if (!d->kabupaten.empty())
            lineRow(QPen(regencyBorderColor(), u.mm(0.8)), L("Kabupaten", "Regency"));
        if (!d->kecamatan.empty())
            lineRow(QPen(kecamatanBorderColor(), u.mm(0.4)), QStringLiteral("Kecamatan"));
        lineRow(QPen(QColor(0xa0, 0xa0, 0xa0), u.mm(0.15)),
                en ? QStringLiteral("Village (pekon/desa/kelurahan)")
                   : d->villageWord == "pekon" ? QStringLiteral("Pekon/kelurahan") : QStringLiteral("Desa/kelurahan"));
        if (!d->spec.roads.empty())
            lineRow(QPen(QColor(0x80, 0x50, 0x30), u.mm(0.55)), L("Jalan", "Road"));

        // facilities
        auto facilities = facilityLegendEntries();
        if (!d->spec.showFacilities)
            facilities.clear();
        if (!facilities.empty() || !d->spec.proposedSites.empty() || !d->coverageCircles.empty()) {
            ly += u.mm(3.0);
            ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), L("Fasilitas", "Facilities"), sectionFont, textColor);
            ly += u.mm(0.8);
            auto textRow = [&](const QString& text, int count) {
                lp.setFont(rowFont);
                lp.setPen(textColor);
                lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW - u.mm(2.5), rowH),
                            Qt::AlignLeft | Qt::AlignVCenter, text);
                if (count >= 0)
                    lp.drawText(QRectF(left, ly, innerW, rowH), Qt::AlignRight | Qt::AlignVCenter,
                                qs(formatNumber(count, 0)));
                ly += rowH;
            };
            for (const FacilityLegendEntry& f : facilities) {
                drawFacilitySymbol(lp, f.kind, QPointF(left + swatchW / 2.0, ly + rowH / 2.0), u.mm(3.0));
                textRow(qs(f.label), f.count);
            }
            if (!d->spec.proposedSites.empty()) {
                const QPointF at(left + swatchW / 2.0, ly + rowH / 2.0);
                lp.setPen(QPen(Qt::white, u.mm(0.4)));
                lp.setBrush(proposedSiteColor());
                lp.drawEllipse(at, u.mm(1.8), u.mm(1.8));
                const QString kind = qs(facilityKindLabel(d->spec.proposedKind));
                textRow(L("Usulan ", "Proposed ") + kind + L(" (nomor = urutan)", " (number = order)"),
                        static_cast<int>(d->spec.proposedSites.size()));
            }
            if (!d->coverageCircles.empty()) {
                const QColor kc = facilityKindColor(d->spec.coverageKind);
                QColor fill = kc;
                fill.setAlpha(40);
                lp.setPen(QPen(kc, u.mm(0.25), Qt::DashLine));
                lp.setBrush(fill);
                lp.drawEllipse(QPointF(left + swatchW / 2.0, ly + rowH / 2.0), u.mm(2.2), u.mm(2.2));
                textRow(L("Jangkauan ", "Reach ") + qs(formatNumber(d->spec.coverageRadiusKm, 0))
                            + QStringLiteral(" km"),
                        -1);
            }
        }
        ly += pad;
        lp.restore();
        return ly - legendArea.top();
    };
    double measuredH = 0.0;
    {
        QImage scratch(8, 8, QImage::Format_ARGB32_Premultiplied);
        scratch.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
        scratch.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
        QPainter measure(&scratch);
        measuredH = drawLegend(measure);
    }
    const double legendH = std::min(measuredH, legendArea.height());
    painter.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), u.mm(0.25)));
    painter.setBrush(QColor(0xfa, 0xfa, 0xfa));
    painter.drawRect(QRectF(legendArea.left(), legendArea.top(), legendArea.width(), legendH));
    drawLegend(painter);

    // north arrow and scale bar, the inset, then the notes; what does not fit in the column goes
    // into the map's corners
    ScaleInfo scale;
    double ny = legendArea.top() + legendH + u.mm(3.0);
    const double panelH = drawOrientationPanel(pc, QPointF(), legendW, t, dpi, false, false);
    if (ny + panelH <= bodyBottom) {
        drawOrientationPanel(pc, QPointF(legendArea.left(), ny), legendW, t, dpi, true, false, &scale);
        ny += panelH + u.mm(3.0);
    } else {
        const double w = std::min(legendW, frame.width() * 0.45);
        const double h = drawOrientationPanel(pc, QPointF(), w, t, dpi, false, true);
        drawOrientationPanel(pc, QPointF(frame.left() + u.mm(3.0), frame.bottom() - u.mm(3.0) - h), w, t, dpi, true,
                             true, &scale);
    }
    result.scaleBarKm = scale.km;
    result.scaleBarPx = scale.px;
    result.scaleDenominator = scale.denominator;
    result.scaleBarAt = {t.visibleExtent().center().x, scale.latitude};
    // an inset locates a regency or province; a map of half the country locates itself
    if (d->spec.showInset && d->extent.width() < 12.0) {
        const double insetH = legendW * 0.72;
        if (ny + insetH <= bodyBottom) {
            drawInset(pc, QRectF(legendArea.left(), ny, legendW, insetH), *d, d->spec.lang);
            ny += insetH + u.mm(3.0);
        } else {
            const double w = std::min(u.mm(45.0), frame.width() * 0.3);
            drawInset(pc, QRectF(frame.right() - u.mm(3.0) - w, frame.top() + u.mm(3.0), w, w * 0.72), *d,
                      d->spec.lang);
        }
    }
    // notes: projection and datum, then, when illustrative, a warning box
    const QString projection =
        L("Proyeksi: geografis (lintang/bujur), skala bujur × cos(lintang tengah). Datum: WGS 84 (EPSG:4326). ",
          "Projection: geographic (lat/lon), longitude scaled by cos(mid-latitude). Datum: WGS 84 (EPSG:4326). ")
        + (result.utmZone.empty()
               ? L("Grid: derajat.", "Grid: degrees.")
               : L("Grid: derajat (bawah, kiri) dan meter UTM zona ", "Grid: degrees (bottom, left) and metres of UTM zone ")
                     + qs(result.utmZone) + L(" (atas, kanan).", " (top, right)."));
    const double projH = pc.metrics(noteFont).boundingRect(QRectF(0, 0, legendW, 1e6), Qt::TextWordWrap, projection).height();
    if (ny + projH <= bodyBottom)
        ny += drawWrapped(pc, QRectF(legendArea.left(), ny, legendW, 0), projection, noteFont, mutedColor);
    if (d->illustrative) {
        ny += u.mm(2.5);
        const QString warning = L("DATA ILUSTRASI\nBatas wilayah dan angka pada peta ini dibuat untuk peragaan; "
                                  "bukan data resmi.",
                                  "DATA ILUSTRASI (illustrative data)\nBoundaries and figures on this map were made "
                                  "for demonstration; they are not official.");
        const QFontMetricsF wfm = pc.metrics(noteFont);
        const double wh = wfm.boundingRect(QRectF(0, 0, legendW - 2 * pad, 1e6), Qt::TextWordWrap, warning).height();
        const QRectF box(legendArea.left(), ny, legendW, wh + 2.0 * u.mm(2.0));
        if (box.bottom() <= bodyBottom) {
            painter.setPen(QPen(illustrativeColor(), u.mm(0.4)));
            painter.setBrush(QColor(0xfd, 0xf0, 0xf0));
            painter.drawRect(box);
            drawWrapped(pc, box.adjusted(pad, u.mm(2.0), -pad, -u.mm(2.0)), warning, noteFont, illustrativeColor());
        }
    }
    painter.restore();
    return result;
}

} // namespace layers
