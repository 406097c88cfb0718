#include "layers/thematicmap.h"

#include "thematicmap_p.h"

#include "gis/categories.h"
#include "gis/referencenaming.h"
#include "gis/error.h"
#include "gis/locator.h"
#include "gis/measure.h"
#include "layers/colorramp.h"
#include "layers/facilitysymbol.h"
#include "layers/labelplacement.h"
#include "layers/maptransform.h"
#include "layers/numberformat.h"
#include "layers/travelmap.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace layers {

QColor mapSeaColor()
{
    return QColor(0xdf, 0xec, 0xf5);
}
QColor mapBackgroundLandColor()
{
    return QColor(0xf1, 0xee, 0xe8);
}

namespace {

using detail::FacilityPoint;
using detail::kMmPerInch;
using detail::PageContext;
using detail::qs;
using detail::Shape;
using detail::Units;
using Snapshot = ThematicMap::Snapshot;

/// \throws gis::Error for a class count outside 1..9, an unknown ramp or manual classes without breaks.
void checkSpec(const ThematicMapSpec& spec)
{
    if (spec.classCount < 1 || spec.classCount > 9)
        throw gis::Error("thematic map: the number of classes must be between 1 and 9 (got "
                         + std::to_string(spec.classCount) + ")");
    const auto ramps = allRampNames();
    if (std::find(ramps.begin(), ramps.end(), spec.ramp) == ramps.end()
        || rampKind(spec.ramp) == RampKind::Qualitative) {
        std::string known;
        for (const auto& n : ramps)
            if (rampKind(n) != RampKind::Qualitative)
                known += (known.empty() ? "" : ", ") + n;
        throw gis::Error("thematic map: unknown colour ramp '" + spec.ramp + "' for classes; available: " + known
                         + " (qualitative ramps are for categories)");
    }
    if (spec.method == ClassificationMethod::Manual && spec.manualBreaks.empty()
        && !(spec.layer && !spec.layer->categories.empty()))
        throw gis::Error("thematic map: manual classes need their upper bounds, ascending (e.g. 10, 15, 20, 30)");
}

/// The values to map (of the layer or the indicator), with the snapshot's info and period set.
std::map<std::string, double> takeValues(Snapshot& s, const gis::Dataset& ds)
{
    const ThematicMapSpec& spec = s.spec;
    if (spec.layer) {
        s.info = {spec.layer->key, spec.layer->label, spec.layer->unit, true};
        s.period = spec.layer->period;
        s.categorical = !spec.layer->categories.empty();
        return spec.layer->values;
    }
    s.info = gis::indicatorInfo(ds, spec.indicatorKey);
    s.period = spec.period.empty() ? gis::latestPeriod(ds, spec.indicatorKey) : spec.period;
    return gis::indicatorValues(ds, spec.indicatorKey, s.period);
}

void reserveFor(Snapshot& s, const gis::Dataset& ds, std::size_t villages)
{
    std::size_t points = 0, rings = 0;
    for (const gis::Area& a : ds.areas)
        for (const gis::Polygon& p : a.geometry) {
            rings += 1 + p.holes.size();
            points += p.exterior.size();
            for (const gis::Ring& h : p.holes)
                points += h.size();
        }
    s.store.points.reserve(points);
    s.store.rings.reserve(rings);
    s.villages.reserve(villages);
    s.villageValues.reserve(villages);
}

void setFocus(Snapshot& s, const gis::Dataset& ds)
{
    if (s.spec.focusArea.empty())
        return;
    const gis::Area* focus = nullptr;
    for (const gis::Area& a : ds.areas)
        if (a.code == s.spec.focusArea)
            focus = &a;
    if (!focus)
        throw gis::Error("thematic map: no area with code '" + s.spec.focusArea
                         + "' to focus on; use a kecamatan code of the project's boundaries");
    s.focusName = focus->name;
    s.focusExtent = gis::extentOf(focus->geometry);
}

/// What the villages hold, for classifying.
struct PresentValues {
    std::vector<double> numbers; ///< values of all villages
    std::size_t focusValued = 0; ///< villages in the focus with a value
    std::vector<std::string> categories;
};

PresentValues addVillages(Snapshot& s, const std::vector<const gis::Area*>& villageAreas,
                          const std::map<std::string, double>& values)
{
    const ThematicMapSpec& spec = s.spec;
    auto inFocus = [&spec](const gis::Area& a) {
        return spec.focusArea.empty() || a.code == spec.focusArea || a.parentCode == spec.focusArea
            || a.code.rfind(spec.focusArea + ".", 0) == 0;
    };
    PresentValues present;
    for (const gis::Area* area : villageAreas) {
        s.villageIndex[area->code] = s.villages.size();
        s.villages.push_back(detail::shapeOf(s.store, *area, spec.showVillageLabels));
        s.villageParent.push_back(area->parentCode);
        const bool focused = inFocus(*area);
        s.villageInFocus.push_back(focused ? 1 : 0);
        if (s.categorical) {
            const auto it = spec.layer->categories.find(area->code);
            s.villageValues.emplace_back(std::nullopt);
            if (it != spec.layer->categories.end() && !it->second.empty())
                present.categories.push_back(it->second);
        } else {
            const auto it = values.find(area->code);
            if (it != values.end() && std::isfinite(it->second)) {
                // classes from every village, so the pages of an atlas share their colours
                s.villageValues.emplace_back(it->second);
                present.numbers.push_back(it->second);
                if (focused)
                    ++present.focusValued;
            } else {
                s.villageValues.emplace_back(std::nullopt);
            }
        }
        s.extent.include(s.villages.back().extent);
    }
    return present;
}

void classifyCategories(Snapshot& s, const std::vector<std::string>& presentCategories)
{
    const ValueLayer& layer = *s.spec.layer;
    std::vector<std::string> order = layer.categoryOrder;
    std::set<std::string> seen(order.begin(), order.end());
    std::set<std::string> extra(presentCategories.begin(), presentCategories.end());
    for (const std::string& c : extra)
        if (!seen.contains(c))
            order.push_back(c);
    if (order.empty())
        throw gis::Error("thematic map: the layer '" + layer.key + "' has no category for any village");
    // the published Set2 colours, repeated beyond its eight
    const std::vector<QColor> qualitative = qualitativeColors("Set2", 8);
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto c = layer.categoryColors.find(order[i]);
        s.colors.push_back(c != layer.categoryColors.end() ? c->second : qualitative[i % qualitative.size()]);
        const auto label = layer.categoryLabels.find(order[i]);
        s.classLabels.push_back(label != layer.categoryLabels.end() ? label->second : order[i]);
        s.classCategories.push_back(order[i]);
    }
    std::map<std::string, int> classOf;
    for (std::size_t i = 0; i < order.size(); ++i)
        classOf[order[i]] = static_cast<int>(i);
    for (std::size_t i = 0; i < s.villages.size(); ++i) {
        const auto it = layer.categories.find(s.villages[i].code);
        const int c = it == layer.categories.end() || it->second.empty() ? -1 : classOf.at(it->second);
        s.villageClasses.push_back(c);
        if (c < 0 && s.villageInFocus[i])
            ++s.noData;
    }
}

void classifyNumbers(Snapshot& s, const std::vector<double>& present)
{
    const ThematicMapSpec& spec = s.spec;
    if (present.empty())
        throw gis::Error("thematic map: no village has a value of '" + s.info.key + "'"
                         + (s.period.empty() ? std::string{} : " for period " + s.period));
    if (!spec.manualBreaks.empty()) {
        const double minimum = *std::min_element(present.begin(), present.end());
        try {
            const double lowest = std::min(spec.manualMinimum.value_or(minimum), minimum);
            s.classification.emplace(std::min(lowest, spec.manualBreaks.front()), spec.manualBreaks, present);
        } catch (const std::invalid_argument& e) {
            throw gis::Error(std::string("thematic map: manual breaks: ") + e.what()
                             + " (give the upper bounds of the classes, ascending, e.g. 10,15,20,30)");
        }
    } else {
        s.classification.emplace(spec.method, present, spec.classCount);
    }
    s.colors = rampColors(spec.ramp, s.classification->classCount());
    if (spec.reverseRamp)
        std::reverse(s.colors.begin(), s.colors.end());
    s.classLabels = s.classification->labels();
    for (std::size_t i = 0; i < s.villageValues.size(); ++i) {
        const auto& v = s.villageValues[i];
        s.villageClasses.push_back(v ? s.classification->classOf(*v) : -1);
        if (!v && s.villageInFocus[i])
            ++s.noData;
    }
}

/// Kecamatan and regency outlines, background land, facilities, coverage circles and the inset's land.
void addSurroundings(Snapshot& s, const gis::Dataset& ds)
{
    const ThematicMapSpec& spec = s.spec;
    for (const gis::Area& area : ds.areas) {
        if (area.kind == "kecamatan")
            s.kecamatan.push_back(detail::shapeOf(s.store, area, true, detail::kSliverKm2));
        else if (area.kind == "kabupaten")
            s.kabupaten.push_back(detail::shapeOf(s.store, area, true, detail::kSliverKm2));
        else
            continue;
        s.extent.include(gis::extentOf(area.geometry));
    }
    s.backgroundLand = detail::ringsOf(ds.backgroundLand);
    for (const gis::Facility& f : ds.facilities)
        s.facilities.push_back({f.kind, f.name, f.location});
    // draw order: the many first, the rare (and important) on top
    std::stable_sort(s.facilities.begin(), s.facilities.end(), [](const FacilityPoint& a, const FacilityPoint& b) {
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
        for (const FacilityPoint& f : s.facilities)
            if (f.kind == spec.coverageKind)
                s.coverageCircles.push_back(circle(f.location));
        for (const ProposedSite& p : spec.proposedSites)
            s.coverageCircles.push_back(circle(p.location));
    }
    if (spec.showInset) {
        const gis::LocatorLand& land = gis::locatorLand();
        s.locatorIndonesia = detail::ringsOf(land.indonesia);
        s.locatorNeighbours = detail::ringsOf(land.neighbours);
    }
    s.maker = !spec.maker.empty() ? spec.maker : ds.metaValue("maker", "Sasaran");
}

} // namespace

// IDM and yes/no read from red (the lowest level, most need) to green: ColorBrewer's RdYlGn of
// five classes, and its two ends for yes/no.
ValueLayer categoryLayer(const gis::Dataset& ds, const std::string& key, const std::string& period,
                         const std::string& ramp)
{
    const std::optional<gis::CategoryScale> scale = gis::categoryScale(ds, key);
    if (!scale)
        throw gis::Error("'" + key + "' is not a category of the project");
    const std::vector<std::string> periods = gis::categoryPeriods(ds, key);
    ValueLayer layer;
    layer.key = key;
    layer.label = gis::categoryLabel(key);
    layer.period = period.empty() && !periods.empty() ? periods.back() : period;
    for (const auto& [code, level] : gis::categoryLevels(ds, key, layer.period))
        layer.categories[code] = scale->levels[level];
    if (layer.categories.empty())
        throw gis::Error("category '" + key + "' has no values"
                         + (layer.period.empty() ? std::string() : " for period " + layer.period));
    for (const gis::CategoryValue& v : ds.categories)
        if (v.key == key && v.period == layer.period) {
            layer.source = v.source;
            break;
        }
    layer.categoryOrder = scale->levels;
    const int n = static_cast<int>(scale->levels.size());
    std::vector<QColor> colors;
    if (scale->name == "idm")
        colors = {QColor("#d7191c"), QColor("#fdae61"), QColor("#ffffbf"), QColor("#a6d96a"), QColor("#1a9641")};
    else if (scale->isYesNo())
        colors = {QColor("#d7191c"), QColor("#1a9641")};
    else if (hasRamp(ramp) && rampKind(ramp) != RampKind::Qualitative && n <= maxRampClasses(ramp))
        colors = rampColors(ramp, n);
    else
        colors = qualitativeColors("Set2", n);
    for (int i = 0; i < n; ++i)
        layer.categoryColors[scale->levels[static_cast<std::size_t>(i)]] = colors[static_cast<std::size_t>(i)];
    return layer;
}

// ---------------------------------------------------------------------------------------------
// Construction and accessors

ThematicMap::ThematicMap(const gis::Dataset& ds, const ThematicMapSpec& given)
{
    ThematicMapSpec spec = given;
    // A category is drawn by level, whatever the classification asks.
    if (!spec.layer && gis::indicatorInfo(ds, spec.indicatorKey).categorical)
        spec.layer = categoryLayer(ds, spec.indicatorKey, spec.period, spec.ramp);
    checkSpec(spec);
    auto s = std::make_shared<Snapshot>();
    s->spec = spec;
    std::map<std::string, double> values = takeValues(*s, ds);
    s->illustrative = ds.isIllustrative();
    const std::string& key = spec.layer ? spec.layer->key : spec.indicatorKey;
    if (gis::isPersonalDataDerived(key) || (spec.layer && spec.layer->personalData)) {
        // small counts could point at a family: drawn as no data; the project keeps them
        const bool counts = gis::isPersonalDataCount(key);
        std::size_t suppressed = 0;
        for (auto it = values.begin(); counts && it != values.end();)
            if (gis::isSmallCount(it->second, spec.smallCountThreshold)) {
                it = values.erase(it);
                ++suppressed;
            } else {
                ++it;
            }
        s->restrictedNotice = gis::restrictedNotice(spec.smallCountThreshold, suppressed, counts);
    }
    const auto villageAreas = ds.villages();
    reserveFor(*s, ds, villageAreas.size());
    const bool anyPekon =
        std::any_of(villageAreas.begin(), villageAreas.end(), [](const gis::Area* a) { return a->kind == "pekon"; });
    s->villageWord = anyPekon ? "pekon" : "desa";
    s->city = gis::regencyTitle(ds).rfind("Kota ", 0) == 0;
    setFocus(*s, ds);
    const PresentValues present = addVillages(*s, villageAreas, values);
    if (s->categorical)
        classifyCategories(*s, present.categories);
    else
        classifyNumbers(*s, present.numbers);
    addSurroundings(*s, ds);
    if (spec.travel) {
        checkTravelBreaks(spec.travel->breaksMinutes);
        s->travelImage = detail::travelClassImage(*spec.travel);
    }
    detail::setTexts(*s, ds, present.focusValued);
    d = std::move(s);
}

const ThematicMapSpec& ThematicMap::spec() const noexcept
{
    return d->spec;
}
const gis::IndicatorInfo& ThematicMap::indicator() const noexcept
{
    return d->info;
}
const std::string& ThematicMap::period() const noexcept
{
    return d->period;
}
gis::Extent ThematicMap::fullExtent() const
{
    return d->extent;
}
const std::string& ThematicMap::title() const noexcept
{
    return d->title;
}
const std::string& ThematicMap::subtitle() const noexcept
{
    return d->subtitle;
}
const std::string& ThematicMap::sources() const noexcept
{
    return d->sources;
}
const std::string& ThematicMap::restrictedNotice() const noexcept
{
    return d->restrictedNotice;
}

bool ThematicMap::isIllustrative() const noexcept
{
    return d->illustrative;
}
const Classification& ThematicMap::classification() const
{
    if (!d->classification)
        throw gis::Error("thematic map: a categorical layer has no numeric classification");
    return *d->classification;
}
bool ThematicMap::isCategorical() const noexcept
{
    return d->categorical;
}
const std::vector<QColor>& ThematicMap::classColors() const noexcept
{
    return d->colors;
}
int ThematicMap::noDataCount() const noexcept
{
    return d->noData;
}

std::vector<LegendEntry> ThematicMap::legendEntries() const
{
    if (d->spec.travel) // the raster's classes replace the villages'
        return travelLegendEntries(*d->spec.travel, d->spec.lang);
    // counted over the villages on the map (the focus area, or all)
    std::vector<int> counts(d->colors.size(), 0);
    for (std::size_t i = 0; i < d->villages.size(); ++i)
        if (d->villageInFocus[i] && d->villageClasses[i] >= 0)
            ++counts[static_cast<std::size_t>(d->villageClasses[i])];
    std::vector<LegendEntry> out;
    for (std::size_t i = 0; i < d->colors.size(); ++i)
        out.push_back({d->colors[i], d->classLabels[i], counts[i], false,
                       i < d->classCategories.size() ? d->classCategories[i] : std::string()});
    out.push_back({noDataColor(), d->spec.lang == Lang::En ? "No data" : "Tidak ada data", d->noData, true, {}});
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
        if (!focus
            || (focus->extent.contains(f.location)
                && detail::ringsContain(d->store, focus->rings, QPointF(f.location.x, f.location.y))))
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
        if (v.extent.contains(lonLat) && detail::ringsContain(d->store, v.rings, p))
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

// ---------------------------------------------------------------------------------------------
// Map drawing

namespace {

/// One render of the map: the frame, its transform and sizes, shared by the drawing steps.
struct MapFrame {
    Units u;
    MapTransform t;
    gis::Extent visible;
    double simplifyPx = 0.0;
    QRectF targetPx;
    QRectF clipPx; ///< a little larger than the painter's clip: rings are cut to it
    bool focused = false;
    double gridPx = 0.0; ///< vertices rounded to this device grid (detail::vertexGridPx), 0 = as they are
};

/// A border pen: bevelled joins, which Qt's stroker makes without the trigonometry of round
/// joins (the strokes are closed rings, so the cap never shows); at these widths a bevel differs
/// from a round join by well under a pixel.
QPen borderPen(const QColor& color, double widthPx)
{
    return QPen(color, widthPx, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
}

/// Village fills (outside the focus greyed, so the eye stays on the focus) and their outlines.
/// Only each path's box is kept between the two passes (a national map's paths would take
/// hundreds of MB at once); the outline pass, drawn on regency-scale maps, makes them again.
void drawVillages(QPainter& painter, const Snapshot& d, const MapFrame& f)
{
    const QTransform& xf = f.t.transform();
    std::vector<std::optional<QRectF>> villageBoxPx(d.villages.size()); // none: nothing drawn
    painter.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < d.villages.size(); ++i) {
        const Shape& v = d.villages[i];
        if (!v.extent.intersects(f.visible))
            continue;
        const QPainterPath path = detail::pixelPath(d.store, v.rings, xf, f.simplifyPx, f.clipPx, f.gridPx);
        if (!path.isEmpty())
            villageBoxPx[i] = path.controlPointRect();
        if (!d.villageInFocus[i]) {
            painter.fillPath(path, detail::outsideFocusColor());
            continue;
        }
        if (d.spec.travel)
            continue; // the travel raster under the outlines is the fill
        const int c = d.villageClasses[i];
        painter.fillPath(path, c < 0 ? noDataColor() : d.colors[static_cast<std::size_t>(c)]);
        if (c < 0) // hatched inside the exact outline: the lines' ends do not follow the pixel grid
            detail::drawHatching(painter, detail::pixelPath(d.store, v.rings, xf, f.simplifyPx, f.clipPx), f.u);
    }
    // village outlines, unless most villages are only a few pixels across (a national map):
    // there the outlines would wash the fills out and the kecamatan borders carry the pattern
    std::size_t drawn = 0, tiny = 0;
    for (const auto& box : villageBoxPx)
        if (box) {
            ++drawn;
            tiny += std::max(box->width(), box->height()) < f.u.mm(3.0);
        }
    if (tiny * 2 <= drawn || d.spec.travel) {
        painter.setBrush(Qt::NoBrush);
        // over the travel raster's colours a light outline would vanish in the pale classes
        painter.setPen(borderPen(d.spec.travel ? QColor(0x4a, 0x4a, 0x4a) : detail::villageOutlineColor(),
                                 f.u.mm(d.spec.travel ? 0.15 : 0.12)));
        for (std::size_t i = 0; i < d.villages.size(); ++i)
            // a speck's outline would only cover it
            if (villageBoxPx[i] && std::max(villageBoxPx[i]->width(), villageBoxPx[i]->height()) >= 1.0)
                painter.drawPath(detail::pixelPath(d.store, d.villages[i].rings, xf, f.simplifyPx, f.clipPx, f.gridPx));
    }
}

/// The travel raster: its lon/lat cells placed by the map's (affine) transform, each cell one
/// flat colour (no smoothing: a cell's colour is its class's).
void drawTravelRaster(QPainter& painter, const Snapshot& d, const MapFrame& f)
{
    const gis::RasterGrid& g = d.spec.travel->minutes;
    const QPointF topLeft = f.t.toPixel({g.originX, g.originY});
    const QPointF bottomRight = f.t.toPixel({g.originX + g.width * g.cellSize, g.originY - g.height * g.cellSize});
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(topLeft, bottomRight), d.travelImage);
    painter.restore();
}

/// Kecamatan and regency borders, heavier, and the focus kecamatan's.
void drawBorders(QPainter& painter, const Snapshot& d, const MapFrame& f)
{
    const QTransform& xf = f.t.transform();
    auto stroke = [&](const std::vector<Shape>& shapes, const QPen& pen) {
        painter.setPen(pen);
        for (const Shape& sh : shapes)
            if (sh.extent.intersects(f.visible))
                painter.drawPath(detail::pixelPath(d.store, sh.rings, xf, f.simplifyPx, f.clipPx, f.gridPx));
    };
    const Units& u = f.u;
    stroke(d.kecamatan, borderPen(detail::kecamatanBorderColor(), u.mm(0.4)));
    stroke(d.kabupaten, borderPen(detail::regencyBorderColor(), u.mm(0.8)));
    if (f.focused)
        for (const Shape& k : d.kecamatan)
            if (k.code == d.spec.focusArea) {
                painter.setPen(borderPen(detail::focusBorderColor(), u.mm(1.0)));
                painter.drawPath(detail::pixelPath(d.store, k.rings, xf, f.simplifyPx, f.clipPx, f.gridPx));
            }
}

/// Roads over the borders, under the symbols: a casing and a light core, as on BIG's maps.
/// Then the coverage circles, under the symbols too.
void drawRoadsAndCoverage(QPainter& painter, const Snapshot& d, const MapFrame& f)
{
    const Units& u = f.u;
    drawRoads(painter, d.spec.roads, [&f](gis::Point p) { return f.t.toPixel(p); }, u.mm(1.0));
    if (!d.coverageCircles.empty()) {
        const QColor kindColor = facilityKindColor(d.spec.coverageKind);
        QColor fill = kindColor;
        fill.setAlpha(28);
        painter.setPen(QPen(kindColor, u.mm(0.25), Qt::DashLine));
        painter.setBrush(fill);
        for (const auto& circle : d.coverageCircles)
            painter.drawPath(detail::pixelPath(circle, f.t.transform(), 0.0, f.clipPx));
        painter.setBrush(Qt::NoBrush);
    }
}

/// Facility symbols and the proposed sites (a numbered ring, unlike any existing facility
/// symbol); returns their boxes, which labels avoid.
std::vector<QRectF> drawSymbols(QPainter& painter, const Snapshot& d, const MapFrame& f)
{
    const Units& u = f.u;
    std::vector<QRectF> symbolBoxes;
    if (d.spec.showFacilities) {
        const double size = u.mm(2.3);
        for (const FacilityPoint& fp : d.facilities)
            if (f.visible.contains(fp.location)) {
                const QPointF at = f.t.toPixel(fp.location);
                drawFacilitySymbol(painter, fp.kind, at, size);
                symbolBoxes.emplace_back(at.x() - size / 2, at.y() - size / 2, size, size);
            }
    }
    for (const ProposedSite& p : d.spec.proposedSites) {
        if (!f.visible.contains(p.location))
            continue;
        const QPointF at = f.t.toPixel(p.location);
        const double r = u.mm(2.1);
        painter.setPen(QPen(Qt::white, u.mm(0.6)));
        painter.setBrush(detail::proposedSiteColor());
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
    return symbolBoxes;
}

/// Labels: kecamatan names first (higher priority), then pekon names by area; a label that
/// would overlap a placed one or a symbol is moved to another side or dropped.
void drawLabels(QPainter& painter, const Snapshot& d, const MapFrame& f, const std::vector<QRectF>& symbolBoxes,
                std::vector<QRectF>& boxes, std::vector<std::string>& labels)
{
    const Units& u = f.u;
    struct Text {
        QString text;
        QFont font;
        QColor color;
    };
    std::vector<Text> texts;
    std::vector<LabelRequest> requests;
    const QFont kecFont = u.font(f.focused ? 7.5 : 6.5, true);
    const QFont villageFont = u.font(5.5);
    auto request = [&](const QString& text, const QFont& font, const QColor& color, gis::Point at, double priority) {
        const QFontMetricsF fm(font, painter.device());
        const QSizeF size(fm.horizontalAdvance(text) + u.mm(0.6), fm.height());
        LabelRequest r;
        r.id = static_cast<int>(texts.size());
        r.priority = priority;
        r.positions = candidatePositions(f.t.toPixel(at), size, u.mm(1.2));
        requests.push_back(std::move(r));
        texts.push_back({text, font, color});
    };
    if (d.spec.showLabels)
        for (const Shape& k : d.kecamatan)
            if (!k.name.empty() && f.visible.contains(k.labelAt) && (!f.focused || k.code != d.spec.focusArea))
                request(qs(k.name).toUpper(), kecFont, f.focused ? QColor(0x70, 0x70, 0x70) : QColor(0x26, 0x26, 0x26),
                        k.labelAt, 1e12);
    if (d.spec.showVillageLabels)
        for (std::size_t i = 0; i < d.villages.size(); ++i) {
            const Shape& v = d.villages[i];
            if (v.name.empty() || !d.villageInFocus[i] || !f.visible.contains(v.labelAt))
                continue;
            request(qs(v.name), villageFont, QColor(0x1a, 0x1a, 0x1a), v.labelAt, v.extent.width() * v.extent.height());
        }
    const auto placed = placeLabels(requests, f.targetPx, u.mm(0.4), symbolBoxes);
    for (const PlacedLabel& pl : placed) {
        const Text& tx = texts[static_cast<std::size_t>(pl.id)];
        detail::drawHaloText(painter, pl.box.center(), tx.text, tx.font, tx.color, u.mm(0.35), d.spec.simplifyMm > 0.0);
        boxes.push_back(pl.box);
        labels.push_back(tx.text.toStdString());
    }
}

} // namespace

void ThematicMap::renderMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view) const
{
    (void)drawMap(painter, targetPx, view, detail::deviceDpi(painter));
}

ThematicMap::DrawResult ThematicMap::drawMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view,
                                             double dpi) const
{
    const Units u{dpi};
    const MapTransform t(view, targetPx);
    const MapFrame frame{u,
                         t,
                         t.visibleExtent(),
                         u.mm(d->spec.simplifyMm),
                         targetPx,
                         targetPx.adjusted(-u.mm(3), -u.mm(3), u.mm(3), u.mm(3)),
                         !d->spec.focusArea.empty(),
                         detail::vertexGridPx(painter)};
    DrawResult result;
    painter.save();
    painter.setClipRect(targetPx, Qt::IntersectClip);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(targetPx, detail::seaColor());
    if (!d->backgroundLand.empty())
        painter.fillPath(
            detail::pixelPath(d->backgroundLand, t.transform(), frame.simplifyPx, frame.clipPx, frame.gridPx),
            detail::landColor());
    if (!d->travelImage.isNull())
        drawTravelRaster(painter, *d, frame);
    drawVillages(painter, *d, frame);
    drawBorders(painter, *d, frame);
    drawRoadsAndCoverage(painter, *d, frame);
    const std::vector<QRectF> symbolBoxes = drawSymbols(painter, *d, frame);
    drawLabels(painter, *d, frame, symbolBoxes, result.labelBoxes, result.labels);
    painter.restore();
    return result;
}

// ---------------------------------------------------------------------------------------------
// Page layout

namespace {

const QColor kTextColor(0x1a, 0x1a, 0x1a);
const QColor kMutedColor(0x55, 0x55, 0x55);

/// Title (shrunk to fit one line), subtitle and the rule under them; returns the y below.
double drawTitleBlock(PageContext& pc, const QRectF& content, const QString& title, const std::string& subtitle)
{
    const Units& u = pc.u;
    QPainter& painter = pc.painter;
    QFont titleFont = u.font(17.0, true);
    for (double pt = 17.0; pt > 9.0 && pc.metrics(titleFont).horizontalAdvance(title) > content.width(); pt -= 0.5)
        titleFont = u.font(pt, true);
    const QFontMetricsF titleFm = pc.metrics(titleFont);
    painter.setFont(titleFont);
    painter.setPen(kTextColor);
    painter.drawText(QPointF(content.left(), content.top() + titleFm.ascent()), title);
    double y = content.top() + titleFm.height() + u.mm(1.0);
    if (!subtitle.empty())
        y += detail::drawWrapped(pc, QRectF(content.left(), y, content.width(), 0), qs(subtitle), u.font(10.0),
                                 kMutedColor);
    y += u.mm(1.5);
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.3)));
    painter.drawLine(QPointF(content.left(), y), QPointF(content.right(), y));
    return y + u.mm(3.0);
}

/// The footer at the bottom of \a content (sources, period, maker, dates, the page label);
/// returns its top.
double drawFooter(PageContext& pc, const QRectF& content, const Snapshot& d, const std::string& pageLabel)
{
    const Units& u = pc.u;
    QPainter& painter = pc.painter;
    const QFont footerFont = u.font(6.5);
    const QFont footerBold = u.font(7.5, true);
    const QString footerText = detail::footerText(d);
    const double pageLabelW =
        pageLabel.empty() ? 0.0 : pc.metrics(footerBold).horizontalAdvance(qs(pageLabel)) + u.mm(4.0);
    const double footerTextW = content.width() - pageLabelW;
    const double footerTextH = detail::wrappedHeight(pc, footerTextW, footerText, footerFont);
    const double footerH =
        footerTextH + (d.illustrative ? pc.metrics(footerBold).height() + u.mm(0.8) : 0.0) + u.mm(2.0);
    const double footerTop = content.bottom() - footerH;
    painter.setPen(QPen(QColor(0x99, 0x99, 0x99), u.mm(0.3)));
    painter.drawLine(QPointF(content.left(), footerTop), QPointF(content.right(), footerTop));
    double fy = footerTop + u.mm(1.5);
    fy += detail::drawWrapped(pc, QRectF(content.left(), fy, footerTextW, 0), footerText, footerFont, kMutedColor);
    if (d.illustrative) {
        fy += u.mm(0.8);
        detail::drawWrapped(pc, QRectF(content.left(), fy, footerTextW, 0), detail::illustrativeFooterText(d.spec.lang),
                            footerBold, detail::illustrativeColor());
    }
    if (!pageLabel.empty())
        detail::drawWrapped(pc, QRectF(content.right() - pageLabelW, footerTop + u.mm(1.5), pageLabelW, 0),
                            qs(pageLabel), footerBold, kTextColor, Qt::AlignRight);
    return footerTop;
}

/// Where the body of a map page goes: the map frame (left, with the table under it) and the
/// marginalia column (right).
struct BodyLayout {
    QRectF frame;
    QRectF tableArea;    ///< invalid without a table
    QRectF legendArea;   ///< the marginalia column
    double bottom = 0.0; ///< of the body, above the footer
};

BodyLayout layoutBody(const Units& u, const QRectF& content, double top, double bodyBottom, const PageExtras& extras)
{
    const double legendW = std::clamp(content.width() * 0.25, u.mm(55.0), u.mm(72.0));
    const double gap = u.mm(7.0);
    const double tickLabelSpace = u.mm(4.5);
    const double frameLeft = content.left() + tickLabelSpace;
    const double frameW = content.width() - legendW - gap - 2.0 * tickLabelSpace;
    const double frameTop = top + tickLabelSpace;
    double frameBottom = bodyBottom - tickLabelSpace;
    BodyLayout layout;
    if (extras.table) {
        const double bodyH = bodyBottom - frameTop;
        const double tableShare = std::clamp(0.14 + 0.035 * static_cast<double>(extras.table->rows.size()), 0.28, 0.5);
        frameBottom = frameTop + bodyH * (1.0 - tableShare) - tickLabelSpace;
        layout.tableArea = QRectF(frameLeft, frameBottom + tickLabelSpace + u.mm(2.5), frameW,
                                  bodyBottom - frameBottom - tickLabelSpace - u.mm(2.5));
    }
    layout.frame = QRectF(frameLeft, frameTop, frameW, frameBottom - frameTop);
    layout.legendArea = QRectF(content.right() - legendW, top, legendW, bodyBottom - top);
    layout.bottom = bodyBottom;
    return layout;
}

/// The frame round the map, its coordinate ticks and, for illustrative data, a badge in its corner.
void drawFrame(PageContext& pc, const QRectF& frame, const MapTransform& t, bool illustrative, bool restricted,
               PageResult& result)
{
    const Units& u = pc.u;
    QPainter& painter = pc.painter;
    painter.setPen(QPen(Qt::black, u.mm(0.35)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    detail::drawGraticuleTicks(pc, frame, t);
    result.utmZone = detail::drawUtmTicks(pc, frame, t);
    double badgeTop = frame.top() + u.mm(4.0);
    if (restricted) {
        // DTSEN-derived figures: restricted, first in the corner (the inset may take the other)
        const QFont font = u.font(9.0, true);
        const QString badge = QStringLiteral("TERBATAS");
        const QFontMetricsF fm = pc.metrics(font);
        const QRectF box(frame.left() + u.mm(4.0), badgeTop, fm.horizontalAdvance(badge) + u.mm(4.0),
                         fm.height() + u.mm(2.0));
        const QColor red(0xa0, 0x10, 0x10);
        painter.setPen(QPen(red, u.mm(0.5)));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRect(box);
        painter.setFont(font);
        painter.setPen(red);
        painter.drawText(box, Qt::AlignCenter, badge);
        badgeTop = box.bottom() + u.mm(2.0);
    }
    if (!illustrative)
        return;
    const QFont badgeFont = u.font(8.0, true);
    const QFontMetricsF bfm = pc.metrics(badgeFont);
    const QString badge = QStringLiteral("DATA ILUSTRASI");
    const QRectF badgeBox(frame.left() + u.mm(4.0), badgeTop, bfm.horizontalAdvance(badge) + u.mm(4.0),
                          bfm.height() + u.mm(2.0));
    painter.setPen(QPen(detail::illustrativeColor(), u.mm(0.4)));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(badgeBox);
    painter.setFont(badgeFont);
    painter.setPen(detail::illustrativeColor());
    painter.drawText(badgeBox, Qt::AlignCenter, badge);
}

/// Under the legend: north arrow and scale bar, the inset, then the notes; what does not fit in
/// the column goes into the map's corners. \a ny is the top of the free column.
void drawMarginalia(PageContext& pc, const Snapshot& d, const BodyLayout& body, const MapTransform& t, double dpi,
                    double ny, PageResult& result)
{
    const Units& u = pc.u;
    QPainter& painter = pc.painter;
    const QRectF& frame = body.frame;
    const double legendW = body.legendArea.width();
    const double left = body.legendArea.left();
    const double bodyBottom = body.bottom;
    detail::ScaleInfo scale;
    const double panelH = detail::drawOrientationPanel(pc, QPointF(), legendW, t, dpi, false, false);
    if (ny + panelH <= bodyBottom) {
        detail::drawOrientationPanel(pc, QPointF(left, ny), legendW, t, dpi, true, false, &scale);
        ny += panelH + u.mm(3.0);
    } else {
        const double w = std::min(legendW, frame.width() * 0.45);
        const double h = detail::drawOrientationPanel(pc, QPointF(), w, t, dpi, false, true);
        detail::drawOrientationPanel(pc, QPointF(frame.left() + u.mm(3.0), frame.bottom() - u.mm(3.0) - h), w, t, dpi,
                                     true, true, &scale);
    }
    result.scaleBarKm = scale.km;
    result.scaleBarPx = scale.px;
    result.scaleDenominator = scale.denominator;
    result.scaleBarAt = {t.visibleExtent().center().x, scale.latitude};
    // an inset locates a regency or province; a map of half the country locates itself
    if (d.spec.showInset && d.extent.width() < 12.0) {
        const double insetH = legendW * 0.72;
        if (ny + insetH <= bodyBottom) {
            detail::drawInset(pc, QRectF(left, ny, legendW, insetH), d, d.spec.lang);
            ny += insetH + u.mm(3.0);
        } else {
            const double w = std::min(u.mm(45.0), frame.width() * 0.3);
            detail::drawInset(pc, QRectF(frame.right() - u.mm(3.0) - w, frame.top() + u.mm(3.0), w, w * 0.72), d,
                              d.spec.lang);
        }
    }
    // notes: projection and datum, then, when illustrative, a warning box
    const QFont noteFont = u.font(6.5);
    const QString projection = detail::projectionNote(d.spec.lang, result.utmZone);
    if (ny + detail::wrappedHeight(pc, legendW, projection, noteFont) <= bodyBottom)
        ny += detail::drawWrapped(pc, QRectF(left, ny, legendW, 0), projection, noteFont, kMutedColor);
    if (!d.restrictedNotice.empty()) {
        const QString notice = QString::fromStdString(d.restrictedNotice);
        ny += u.mm(2.0);
        if (ny + detail::wrappedHeight(pc, legendW, notice, noteFont) <= bodyBottom)
            ny += detail::drawWrapped(pc, QRectF(left, ny, legendW, 0), notice, noteFont, QColor(0xa0, 0x10, 0x10));
    }
    if (!d.illustrative)
        return;
    ny += u.mm(2.5);
    const double pad = u.mm(3.0);
    const QString warning = detail::illustrativeWarningText(d.spec.lang);
    const double wh = detail::wrappedHeight(pc, legendW - 2 * pad, warning, noteFont);
    const QRectF box(left, ny, legendW, wh + 2.0 * u.mm(2.0));
    if (box.bottom() <= bodyBottom) {
        painter.setPen(QPen(detail::illustrativeColor(), u.mm(0.4)));
        painter.setBrush(QColor(0xfd, 0xf0, 0xf0));
        painter.drawRect(box);
        detail::drawWrapped(pc, box.adjusted(pad, u.mm(2.0), -pad, -u.mm(2.0)), warning, noteFont,
                            detail::illustrativeColor());
    }
}

} // namespace

PageResult ThematicMap::renderPage(QPainter& painter, const QRectF& pagePx, double dpi, const PageExtras& extras) const
{
    if (!(dpi > 0.0))
        dpi = detail::deviceDpi(painter);
    // Larger paper is read from further away: type and lines grow with the short side (A4 = 1).
    const double shortSideMm = std::min(pagePx.width(), pagePx.height()) / dpi * kMmPerInch;
    const double pageScale = std::clamp(std::sqrt(shortSideMm / 210.0), 1.0, 2.2);
    PageContext pc{painter, Units{dpi * pageScale}};
    const Units& u = pc.u;
    PageResult result;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(pagePx, Qt::white);

    const double margin = u.mm(9.0);
    const QRectF content = pagePx.adjusted(margin, margin, -margin, -margin);
    const std::string& subtitle = extras.title.empty() && extras.subtitle.empty() ? d->subtitle : extras.subtitle;
    const double y = drawTitleBlock(pc, content, qs(extras.title.empty() ? d->title : extras.title), subtitle);
    const double footerTop = drawFooter(pc, content, *d, extras.pageLabel);
    const double bodyBottom = footerTop - u.mm(3.0);
    if (extras.tableOnly) {
        if (extras.table)
            drawPageTable(painter, QRectF(content.left(), y, content.width(), bodyBottom - y), dpi * pageScale,
                          *extras.table);
        painter.restore();
        return result;
    }
    const BodyLayout body = layoutBody(u, content, y, bodyBottom, extras);
    const gis::Extent view = pageView();
    const DrawResult drawn = drawMap(painter, body.frame, view, dpi * pageScale);
    result.labelBoxes = drawn.labelBoxes;
    result.labels = drawn.labels;
    const MapTransform t(view, body.frame);
    result.framePx = body.frame;
    result.view = t.visibleExtent();
    drawFrame(pc, body.frame, t, d->illustrative, !d->restrictedNotice.empty(), result);
    if (extras.table)
        drawPageTable(painter, body.tableArea, dpi * pageScale, *extras.table);

    const QRectF& legendArea = body.legendArea;
    const detail::LegendDescription legend = detail::describeLegend(*d, *this, pc, extras.legendPresentOnly);
    const double legendH = std::min(detail::measureLegend(u, dpi, legendArea, legend), legendArea.height());
    painter.setPen(QPen(QColor(0xb0, 0xb0, 0xb0), u.mm(0.25)));
    painter.setBrush(QColor(0xfa, 0xfa, 0xfa));
    painter.drawRect(QRectF(legendArea.left(), legendArea.top(), legendArea.width(), legendH));
    detail::drawLegend(painter, u, legendArea, legend);
    drawMarginalia(pc, *d, body, t, dpi, legendArea.top() + legendH + u.mm(3.0), result);
    painter.restore();
    return result;
}

} // namespace layers
