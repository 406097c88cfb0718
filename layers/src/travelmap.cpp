// The travel-time raster of a map (travelmap.h): classes, colours, legend rows, the image the
// map draws and the raster of a project.
#include "layers/travelmap.h"

#include "thematicmap_p.h"

#include "gis/crs.h"
#include "gis/error.h"
#include "gis/terrainmodel.h"
#include "layers/colorramp.h"
#include "layers/facilitysymbol.h"
#include "layers/numberformat.h"

#include <cmath>

namespace layers {

namespace {

std::string minutesText(double m)
{
    return formatNumber(m, std::fabs(m - std::round(m)) < 1e-9 ? 0 : 1);
}

QColor unreachableColor()
{
    return QColor(0x73, 0x73, 0x73);
}

} // namespace

std::vector<double> defaultTravelBreaks()
{
    return {15.0, 30.0, 60.0, 120.0};
}

void checkTravelBreaks(const std::vector<double>& breaks)
{
    if (breaks.empty() || breaks.size() > 8)
        throw gis::Error("travel-time classes: give 1 to 8 upper bounds in minutes, ascending (e.g. 15,30,60,120)");
    for (std::size_t i = 0; i < breaks.size(); ++i)
        if (!(breaks[i] > 0) || !std::isfinite(breaks[i]) || (i > 0 && !(breaks[i] > breaks[i - 1])))
            throw gis::Error("travel-time classes: " + minutesText(breaks[i])
                             + " minutes is not above the class before it; give positive minutes, ascending "
                               "(e.g. 15,30,60,120)");
}

int travelClassOf(float minutes, const std::vector<double>& breaks)
{
    if (std::isnan(minutes))
        return -1;
    if (std::isinf(minutes))
        return static_cast<int>(breaks.size()) + 1;
    for (std::size_t i = 0; i < breaks.size(); ++i)
        if (minutes <= breaks[i])
            return static_cast<int>(i);
    return static_cast<int>(breaks.size());
}

std::vector<QColor> travelClassColors(const std::vector<double>& breaks)
{
    std::vector<QColor> colors = rampColors("YlGnBu", static_cast<int>(breaks.size()) + 1);
    colors.push_back(unreachableColor());
    return colors;
}

std::vector<LegendEntry> travelLegendEntries(const TravelRaster& travel, Lang lang)
{
    const bool en = lang == Lang::En;
    const std::string unit = en ? " minutes" : " menit";
    const std::vector<double>& b = travel.breaksMinutes;
    const std::vector<QColor> colors = travelClassColors(b);
    std::vector<LegendEntry> out;
    for (std::size_t i = 0; i <= b.size(); ++i) {
        const std::string label = i == b.size() ? "> " + minutesText(b.back()) + unit
                                                : minutesText(i == 0 ? 0.0 : b[i - 1]) + "\u2013"
                                                      + minutesText(b[i]) + unit;
        out.push_back({colors[i], label, -1, false, {}});
    }
    out.push_back({colors.back(), en ? "Unreachable" : "Tidak terjangkau", -1, false, {}});
    return out;
}

namespace detail {

QImage travelClassImage(const TravelRaster& travel)
{
    const gis::RasterGrid& g = travel.minutes;
    QImage image(g.width, g.height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    const std::vector<QColor> colors = travelClassColors(travel.breaksMinutes);
    std::vector<QRgb> rgb;
    for (const QColor& c : colors)
        rgb.push_back(c.rgba());
    for (int r = 0; r < g.height; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < g.width; ++c) {
            const int k = travelClassOf(g.values[g.index(c, r)], travel.breaksMinutes);
            if (k >= 0)
                line[c] = rgb[static_cast<std::size_t>(k)];
        }
    }
    return image;
}

} // namespace detail

TravelRaster projectTravelRaster(const gis::Dataset& ds, const std::string& projectFile, const std::string& to,
                                 const std::vector<double>& breaks, Lang lang, double resolutionM,
                                 std::stop_token stop)
{
    checkTravelBreaks(breaks);
    const gis::TravelDestination destination = gis::travelDestination(ds, to);
    gis::TerrainModelOptions options;
    options.resolutionM = resolutionM;
    options.stop = stop;
    const gis::TerrainModel model = gis::buildTerrainModel(ds, projectFile, options);
    const gis::CoordinateTransform toGrid("EPSG:4326", model.grid.shape.crs);
    std::vector<gis::Point> targets;
    for (const gis::Point& p : destination.lonLat)
        targets.push_back(toGrid.forward(p));
    gis::RasterGrid minutes = gis::travelMinutesForMap(
        model.grid,
        gis::travelTimes(model.grid, targets, false, std::numeric_limits<double>::infinity(), stop));
    if (stop.stop_requested())
        throw gis::TravelCancelled();
    // only the project's villages: the land around them is not the map's subject
    const std::vector<std::int32_t> village = gis::areaIndexGrid(minutes, ds.villages());
    for (std::size_t i = 0; i < minutes.values.size(); ++i)
        if (village[i] < 0)
            minutes.values[i] = std::numeric_limits<float>::quiet_NaN();

    const bool en = lang == Lang::En;
    TravelRaster travel;
    travel.minutes = gis::lonLatGrid(minutes);
    travel.breaksMinutes = breaks;
    const std::string kind = facilityKindLabel(destination.kind);
    const std::string target = destination.capital ? (en ? "the regency capital" : "ibu kota kabupaten")
                                                : (en ? "the nearest " + kind : kind + " terdekat");
    travel.title = (en ? "Travel time to " : "Waktu tempuh ke ") + target;
    travel.label = travel.title + (en ? " (minutes)" : " (menit)");
    const std::string cell = formatNumber(resolutionM, 0) + " m";
    std::string dem;
    if (model.demSource.empty())
        dem = en ? "no DEM (flat terrain)" : "tanpa DEM (medan datar)";
    else if (model.demIllustrative)
        dem = en ? "DEM: illustrative (generated, not measured heights)"
                 : "DEM: ilustrasi (dibuat Sasaran, bukan ketinggian terukur)";
    else
        dem = "DEM: " + model.demSource;
    const std::string roads = ds.roads.empty() ? (en ? "no roads" : "tanpa jalan")
                                               : (en ? "roads: the project's road layer at their class speeds"
                                                     : "jalan: lapisan jalan proyek menurut kelasnya");
    travel.source = std::string(en ? "Travel time: Sasaran terrain model (walking by Tobler's function, cells of "
                                   : "Waktu tempuh: model medan Sasaran (berjalan menurut fungsi Tobler, sel ")
        + cell + "), " + dem + ", " + roads;
    return travel;
}

} // namespace layers
