#include "layers/thematicmap.h"

#include "gis/error.h"
#include "gis/measure.h"
#include "layers/colorramp.h"
#include "layers/facilitysymbol.h"
#include "layers/maptransform.h"
#include "layers/numberformat.h"

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

struct Shape {
    std::string code;
    std::string name;
    std::vector<QPolygonF> rings; ///< lon/lat; exteriors and holes (odd-even fill). QPolygonF, not
                                  ///< QPainterPath: its const reads are thread-safe (no lazy caches)
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
};

namespace {

constexpr double kMmPerInch = 25.4;

QColor seaColor() { return mapSeaColor(); }
QColor landColor() { return mapBackgroundLandColor(); }
QColor kecamatanBorderColor() { return QColor(0x4d, 0x4d, 0x4d); }
QColor regencyBorderColor() { return QColor(0x1a, 0x1a, 0x1a); }
QColor villageOutlineColor() { return QColor(255, 255, 255, 200); }
QColor illustrativeColor() { return QColor(0xb0, 0x1c, 0x1c); }

QString qs(const std::string& s) { return QString::fromStdString(s); }

/// A scale-bar number: no decimals for whole numbers, else one ("2,5").
QString formatNumberQ(double value)
{
    const bool whole = std::fabs(value - std::round(value)) < 1e-9;
    return QString::fromStdString(formatNumber(value, whole ? 0 : 1));
}

/// Converts physical sizes to device pixels for one paint device resolution.
struct Units {
    double dpi = 96.0;
    double mm(double millimetres) const { return millimetres * dpi / kMmPerInch; }
    QFont font(double points, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(std::max(1, static_cast<int>(std::lround(points * dpi / 72.0))));
        f.setBold(bold);
        f.setHintingPreference(QFont::PreferNoHinting);
        return f;
    }
};

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

/// The shape in device pixels, built per render (odd-even fill keeps holes open).
QPainterPath pixelPath(const std::vector<QPolygonF>& rings, const QTransform& xf)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF& ring : rings) {
        path.addPolygon(xf.map(ring));
        path.closeSubpath();
    }
    return path;
}

bool ringsContain(const std::vector<QPolygonF>& rings, QPointF p)
{
    bool inside = false; // odd-even over all rings: holes flip it back
    for (const QPolygonF& ring : rings)
        if (ring.containsPoint(p, Qt::OddEvenFill))
            inside = !inside;
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

Shape shapeOf(const gis::Area& area)
{
    Shape s;
    s.code = area.code;
    s.name = area.name;
    s.rings = ringsOf(area.geometry);
    s.extent = gis::extentOf(area.geometry);
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

/// Text with a light halo (vector stroke) under real text, so PDF text stays searchable.
void drawHaloText(QPainter& painter, QPointF centre, const QString& text, const QFont& font, const QColor& color,
                  double haloPx)
{
    const QFontMetricsF fm(font, painter.device());
    const QRectF br = fm.tightBoundingRect(text);
    const QPointF origin(centre.x() - br.center().x(), centre.y() - br.center().y());
    QPainterPath outline;
    outline.addText(origin, font, text);
    painter.save();
    painter.strokePath(outline, QPen(QColor(255, 255, 255, 220), haloPx * 2.0, Qt::SolidLine, Qt::RoundCap,
                                     Qt::RoundJoin));
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
    if (!hasRamp(spec.ramp)) {
        std::string known;
        for (const auto& n : rampNames())
            known += (known.empty() ? "" : ", ") + n;
        throw gis::Error("thematic map: unknown colour ramp '" + spec.ramp + "'; available: " + known);
    }
    s->info = gis::indicatorInfo(ds, spec.indicatorKey);
    s->period = spec.period.empty() ? gis::latestPeriod(ds, spec.indicatorKey) : spec.period;
    const std::map<std::string, double> values = gis::indicatorValues(ds, spec.indicatorKey, s->period);
    s->illustrative = ds.isIllustrative();

    const auto villageAreas = ds.villages();
    const bool anyPekon = std::any_of(villageAreas.begin(), villageAreas.end(),
                                      [](const gis::Area* a) { return a->kind == "pekon"; });
    s->villageWord = anyPekon ? "pekon" : "desa";

    std::vector<double> present;
    for (const gis::Area* area : villageAreas) {
        s->villageIndex[area->code] = s->villages.size();
        s->villages.push_back(shapeOf(*area));
        const auto it = values.find(area->code);
        if (it != values.end() && std::isfinite(it->second)) {
            s->villageValues.emplace_back(it->second);
            present.push_back(it->second);
        } else {
            s->villageValues.emplace_back(std::nullopt);
        }
        s->extent.include(s->villages.back().extent);
    }
    if (present.empty())
        throw gis::Error("thematic map: no village has a value of '" + spec.indicatorKey + "'"
                         + (s->period.empty() ? std::string{} : " for period " + s->period));
    s->classification.emplace(spec.method, present, spec.classCount);
    s->colors = rampColors(spec.ramp, s->classification->classCount());
    for (const auto& v : s->villageValues) {
        s->villageClasses.push_back(v ? s->classification->classOf(*v) : -1);
        if (!v)
            ++s->noData;
    }

    for (const gis::Area& area : ds.areas) {
        if (area.kind == "kecamatan")
            s->kecamatan.push_back(shapeOf(area));
        else if (area.kind == "kabupaten")
            s->kabupaten.push_back(shapeOf(area));
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

    const std::string regency = regencyNameOf(ds);
    if (spec.title.empty()) {
        s->title = titleCase(s->info.label) + " per " + titleCase(s->villageWord);
        if (!regency.empty())
            s->title += " — " + regency;
        if (!s->period.empty())
            s->title += (regency.empty() ? " — " : ", ") + s->period;
    } else {
        s->title = spec.title;
    }
    if (spec.subtitle.empty()) {
        s->subtitle = labelWithUnit(s->info);
        if (!s->period.empty())
            s->subtitle += ", " + periodPhrase(s->period);
        s->subtitle += " · " + std::to_string(present.size()) + " dari " + std::to_string(s->villages.size()) + " "
                       + s->villageWord + " bernilai · klasifikasi " + methodName(spec.method) + ", "
                       + std::to_string(s->classification->classCount()) + " kelas";
    } else {
        s->subtitle = spec.subtitle;
    }
    s->sources = sourcesOf(ds);
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
const Classification& ThematicMap::classification() const noexcept { return *d->classification; }
const std::vector<QColor>& ThematicMap::classColors() const noexcept { return d->colors; }
int ThematicMap::noDataCount() const noexcept { return d->noData; }

std::vector<LegendEntry> ThematicMap::legendEntries() const
{
    std::vector<LegendEntry> out;
    const Classification& c = *d->classification;
    for (int i = 0; i < c.classCount(); ++i)
        out.push_back({d->colors[static_cast<std::size_t>(i)], c.label(i), c.count(i), false});
    out.push_back({noDataColor(), "Tidak ada data", d->noData, true});
    return out;
}

std::vector<FacilityLegendEntry> ThematicMap::facilityLegendEntries() const
{
    std::map<std::string, int> counts;
    for (const FacilityPoint& f : d->facilities)
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
        if (v.extent.contains(lonLat) && ringsContain(v.rings, p))
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
    drawMap(painter, targetPx, view, deviceDpi(painter));
}

void ThematicMap::drawMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view, double dpi) const
{
    const Units u{dpi};
    const MapTransform t(view, targetPx);
    const QTransform& xf = t.transform();
    const gis::Extent visible = t.visibleExtent();

    painter.save();
    painter.setClipRect(targetPx, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(targetPx, seaColor());
    if (!d->backgroundLand.empty())
        painter.fillPath(pixelPath(d->backgroundLand, xf), landColor());

    // village fills
    std::vector<QPainterPath> villagePx(d->villages.size());
    painter.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < d->villages.size(); ++i) {
        const Shape& v = d->villages[i];
        if (!v.extent.intersects(visible))
            continue;
        villagePx[i] = pixelPath(v.rings, xf);
        const int c = d->villageClasses[i];
        painter.fillPath(villagePx[i], c < 0 ? noDataColor() : d->colors[static_cast<std::size_t>(c)]);
        if (c < 0)
            drawHatching(painter, villagePx[i], u);
    }
    // village outlines
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(villageOutlineColor(), u.mm(0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    for (const QPainterPath& p : villagePx)
        if (!p.isEmpty())
            painter.drawPath(p);
    // kecamatan and regency borders
    auto stroke = [&](const std::vector<Shape>& shapes, const QPen& pen) {
        painter.setPen(pen);
        for (const Shape& s : shapes)
            if (s.extent.intersects(visible))
                painter.drawPath(pixelPath(s.rings, xf));
    };
    stroke(d->kecamatan, QPen(kecamatanBorderColor(), u.mm(0.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    stroke(d->kabupaten, QPen(regencyBorderColor(), u.mm(0.8), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));

    if (d->spec.showFacilities) {
        const double size = u.mm(2.3);
        for (const FacilityPoint& f : d->facilities)
            if (visible.contains(f.location))
                drawFacilitySymbol(painter, f.kind, t.toPixel(f.location), size);
    }
    // kecamatan names (skipped where they would collide)
    if (d->spec.showLabels) {
        const QFont font = u.font(6.5, true);
        const QFontMetricsF fm(font, painter.device());
        std::vector<QRectF> placed;
        for (const Shape& s : d->kecamatan) {
            if (s.name.empty() || !visible.contains(s.labelAt))
                continue;
            const QString text = qs(s.name).toUpper();
            const QPointF at = t.toPixel(s.labelAt);
            QRectF box = fm.boundingRect(text);
            box.moveCenter(at);
            box.adjust(-u.mm(0.5), -u.mm(0.3), u.mm(0.5), u.mm(0.3));
            if (std::any_of(placed.begin(), placed.end(), [&](const QRectF& r) { return r.intersects(box); }))
                continue;
            placed.push_back(box);
            drawHaloText(painter, at, text, font, QColor(0x26, 0x26, 0x26), u.mm(0.35));
        }
    }

    painter.restore();
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
QSizeF drawScaleBar(PageContext& pc, QPointF origin, double maxWidthPx, const MapTransform& t, double dpi,
                    bool paint)
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
    const QString scaleText = QStringLiteral("Skala 1 : ") + qs(formatNumber(roundScale(mPerPx * dpi / 0.0254), 0));
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
                            bool paint, bool translucent)
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
                 barMax, t, dpi, true);
    return height;
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
        p.drawLine(QPointF(x, frame.top()), QPointF(x, frame.top() + tick));
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
        p.drawLine(QPointF(frame.right(), y), QPointF(frame.right() - tick, y));
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

void ThematicMap::renderPage(QPainter& painter, const QRectF& pagePx, double dpi) const
{
    if (!(dpi > 0.0))
        dpi = deviceDpi(painter);
    PageContext pc{painter, Units{dpi}};
    const Units& u = pc.u;
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
    const QString title = qs(d->title);
    for (double pt = 17.0; pt > 9.0 && pc.metrics(titleFont).horizontalAdvance(title) > content.width(); pt -= 0.5)
        titleFont = u.font(pt, true);
    const QFontMetricsF titleFm = pc.metrics(titleFont);
    painter.setFont(titleFont);
    painter.setPen(textColor);
    painter.drawText(QPointF(content.left(), content.top() + titleFm.ascent()), title);
    double y = content.top() + titleFm.height() + u.mm(1.0);
    if (!d->subtitle.empty())
        y += drawWrapped(pc, QRectF(content.left(), y, content.width(), 0), qs(d->subtitle), u.font(10.0), mutedColor);
    y += u.mm(1.5);
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.3)));
    painter.drawLine(QPointF(content.left(), y), QPointF(content.right(), y));
    y += u.mm(3.0);

    // --- footer (measured first, drawn at the bottom)
    const QFont footerFont = u.font(6.5);
    const QFont footerBold = u.font(7.5, true);
    const std::string printed = d->spec.printedDate.empty() ? todayId() : d->spec.printedDate;
    const QString footerText = QStringLiteral("Sumber: ") + qs(d->sources)
                               + (d->period.empty() ? QString() : QStringLiteral(" | Periode data: ") + qs(d->period))
                               + QStringLiteral(" | Dicetak: ") + qs(printed)
                               + QStringLiteral(" | Dibuat dengan Sasaran");
    const QString illustrativeText = QStringLiteral("Data ilustrasi — batas dan angka bukan data resmi");
    const QFontMetricsF footerFm = pc.metrics(footerFont);
    const double footerTextH =
        footerFm.boundingRect(QRectF(0, 0, content.width(), 1e6), Qt::TextWordWrap, footerText).height();
    const double footerH = footerTextH + (d->illustrative ? pc.metrics(footerBold).height() + u.mm(0.8) : 0.0)
                           + u.mm(2.0);
    const double footerTop = content.bottom() - footerH;
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.3)));
    painter.drawLine(QPointF(content.left(), footerTop), QPointF(content.right(), footerTop));
    double fy = footerTop + u.mm(1.5);
    fy += drawWrapped(pc, QRectF(content.left(), fy, content.width(), 0), footerText, footerFont, mutedColor);
    if (d->illustrative) {
        fy += u.mm(0.8);
        drawWrapped(pc, QRectF(content.left(), fy, content.width(), 0), illustrativeText, footerBold,
                    illustrativeColor());
    }

    // --- body: map frame (left) and legend column (right)
    const double bodyBottom = footerTop - u.mm(3.0);
    const double legendW = std::clamp(content.width() * 0.25, u.mm(55.0), u.mm(72.0));
    const double gap = u.mm(6.0);
    const double tickLabelSpace = u.mm(4.5);
    const QRectF frame(content.left() + tickLabelSpace, y, content.width() - legendW - gap - tickLabelSpace,
                       bodyBottom - y - tickLabelSpace);
    const gis::Extent view = paddedExtent(d->extent, 0.03);
    drawMap(painter, frame, view, dpi);
    const MapTransform t(view, frame);
    painter.setPen(QPen(Qt::black, u.mm(0.35)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    drawGraticuleTicks(pc, frame, t);
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

    // Drawn twice: first on a scratch image to measure (so no hidden text reaches a PDF), then
    // for real on its box.
    auto drawLegend = [&](QPainter& lp) -> double {
        PageContext lpc{lp, u};
        lp.save();
        double ly = legendArea.top() + pad;
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), QStringLiteral("Legenda"), headFont, textColor);
        ly += u.mm(1.5);
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), qs(labelWithUnit(d->info)), sectionFont, textColor);
        if (!d->period.empty())
            ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), qs(periodPhrase(d->period)), noteFont, mutedColor);
        ly += u.mm(1.2);
        lp.setFont(noteFont);
        lp.setPen(mutedColor);
        const QFontMetricsF noteFm = lpc.metrics(noteFont);
        lp.drawText(QRectF(left, ly, innerW, noteFm.height()), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("jumlah ") + qs(d->villageWord));
        ly += noteFm.height() + u.mm(0.5);
        for (const LegendEntry& e : legendEntries()) {
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
            lp.drawText(QRectF(left, ly, innerW, rowH), Qt::AlignRight | Qt::AlignVCenter,
                             qs(formatNumber(e.count, 0)));
            ly += rowH;
        }
        ly += u.mm(0.8);
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0),
                          QStringLiteral("Klasifikasi ") + qs(methodName(d->spec.method)) + QStringLiteral(", ")
                              + QString::number(d->classification->classCount()) + QStringLiteral(" kelas"),
                          noteFont, mutedColor);

        // boundaries
        ly += u.mm(3.0);
        ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), QStringLiteral("Batas wilayah"), sectionFont, textColor);
        ly += u.mm(0.8);
        auto lineRow = [&](const QPen& pen, const QString& text) {
            const double cy = ly + rowH / 2.0;
            lp.setPen(pen);
            lp.drawLine(QPointF(left, cy), QPointF(left + swatchW, cy));
            lp.setFont(rowFont);
            lp.setPen(textColor);
            lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW, rowH),
                             Qt::AlignLeft | Qt::AlignVCenter, text);
            ly += rowH;
        };
        if (!d->kabupaten.empty())
            lineRow(QPen(regencyBorderColor(), u.mm(0.8)), QStringLiteral("Kabupaten"));
        if (!d->kecamatan.empty())
            lineRow(QPen(kecamatanBorderColor(), u.mm(0.4)), QStringLiteral("Kecamatan"));
        lineRow(QPen(QColor(0xa0, 0xa0, 0xa0), u.mm(0.15)),
                d->villageWord == "pekon" ? QStringLiteral("Pekon/kelurahan") : QStringLiteral("Desa/kelurahan"));

        // facilities
        const auto facilities = facilityLegendEntries();
        if (d->spec.showFacilities && !facilities.empty()) {
            ly += u.mm(3.0);
            ly += drawWrapped(lpc, QRectF(left, ly, innerW, 0), QStringLiteral("Fasilitas"), sectionFont, textColor);
            ly += u.mm(0.8);
            for (const FacilityLegendEntry& f : facilities) {
                drawFacilitySymbol(lp, f.kind, QPointF(left + swatchW / 2.0, ly + rowH / 2.0), u.mm(3.0));
                lp.setFont(rowFont);
                lp.setPen(textColor);
                lp.drawText(QRectF(left + swatchW + u.mm(2.5), ly, innerW - swatchW - u.mm(2.5), rowH),
                                 Qt::AlignLeft | Qt::AlignVCenter, qs(f.label));
                lp.drawText(QRectF(left, ly, innerW, rowH), Qt::AlignRight | Qt::AlignVCenter,
                                 qs(formatNumber(f.count, 0)));
                ly += rowH;
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

    // north arrow and scale bar under the legend (or, when the column is full, inside the map)
    double ny = legendArea.top() + legendH + u.mm(3.0);
    const double panelH = drawOrientationPanel(pc, QPointF(), legendW, t, dpi, false, false);
    if (ny + panelH <= bodyBottom) {
        drawOrientationPanel(pc, QPointF(legendArea.left(), ny), legendW, t, dpi, true, false);
        ny += panelH + u.mm(3.0);
    } else {
        const double w = std::min(legendW, frame.width() * 0.45);
        const double h = drawOrientationPanel(pc, QPointF(), w, t, dpi, false, true);
        drawOrientationPanel(pc, QPointF(frame.left() + u.mm(3.0), frame.bottom() - u.mm(3.0) - h), w, t, dpi, true,
                             true);
    }
    // notes: projection and, when illustrative, a warning box
    ny += drawWrapped(pc, QRectF(legendArea.left(), ny, legendW, 0),
                      QStringLiteral("Koordinat geografis WGS 84 (EPSG:4326); peta digambar dengan skala bujur "
                                     "× cos(lintang tengah)."),
                      noteFont, mutedColor);
    if (d->illustrative) {
        ny += u.mm(2.5);
        const QString warning = QStringLiteral("DATA ILUSTRASI\nBatas wilayah dan angka pada peta ini dibuat untuk "
                                               "peragaan; bukan data resmi.");
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
}

} // namespace layers
