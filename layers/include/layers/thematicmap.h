#pragma once
/// \file thematicmap.h
/// Thematic (choropleth) map of one indicator per village, with facility symbols, and its
/// printed page (title, legend, scale bar, north arrow, sources). A ThematicMap is an
/// immutable snapshot taken once from a gis::Dataset: it can be copied cheaply and rendered
/// from any thread (P12, P13).
/// \note ThematicMap is immutable after construction; renderMap() and renderPage() may be called
/// from any thread, one QPainter per thread. Take it where the Dataset may be read.
#include "gis/dataset.h"
#include "gis/geometry.h"
#include "gis/indicators.h"
#include "gis/personaldata.h"
#include "gis/raster.h"
#include "layers/classification.h"
#include "layers/page.h"
#include "layers/roadstyle.h"

#include <QColor>
#include <QPainter>
#include <QRectF>
#include <QSize>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace layers {

/// \brief Values to map that are not stored in the dataset (analysis results such as the
/// priority score, LISA clusters): numbers per area code, or categories per area code.
struct ValueLayer {
    std::string key;   ///< "priority_score"
    std::string label; ///< "Skor prioritas wilayah terpencil"
    std::string unit;  ///< "0–100"
    std::string period;
    std::string source;                            ///< where the values come from, printed with the sources
    std::map<std::string, double> values;          ///< numeric layer (graduated)
    std::map<std::string, std::string> categories; ///< categorical layer (when not empty)
    std::vector<std::string> categoryOrder;        ///< legend order (default: sorted)
    std::map<std::string, QColor> categoryColors;  ///< default: a qualitative ramp
    std::map<std::string, std::string> categoryLabels; ///< legend text of a category (default: the category)
    /// Computed from DTSEN/DTKS records (a score of a scheme with dtsen_* keys, a dtsen column):
    /// the page says TERBATAS and names the extract. A key that is itself a count
    /// (gis::isPersonalDataCount) also has its small values drawn as no data. A key that
    /// gis::isPersonalDataDerived names is treated so even without this flag.
    bool personalData = false;
};

/// \brief The categorical layer of a category of \a ds (gis/categories.h) in \a period (empty =
/// its latest): one class per level in the scale's order, the lowest first; IDM from red
/// (Sangat Tertinggal) to green (Mandiri), yes/no red (Tidak) and green (Ya), other scales in
/// \a ramp's sequential colours (a qualitative ramp beyond its classes). A ThematicMap of a
/// category key without a layer takes this one.
/// \throws gis::Error when \a key is no category of \a ds or has no value in the period.
ValueLayer categoryLayer(const gis::Dataset& ds, const std::string& key, const std::string& period = {},
                         const std::string& ramp = "YlOrRd");

/// \brief A site proposed by a placement run, drawn distinct from existing facilities.
struct ProposedSite {
    int rank = 0;     ///< 1 = chosen first (largest gain)
    std::string code; ///< pekon code
    std::string name;
    gis::Point location;
};

/// \brief A travel-time raster drawn under the village outlines instead of their fills, with its
/// own legend (layers/travelmap.h makes one from a project).
struct TravelRaster {
    /// EPSG:4326 grid (gis::lonLatGrid): minutes, +infinity = unreachable, NaN = nothing drawn
    gis::RasterGrid minutes;
    std::vector<double> breaksMinutes{15.0, 30.0, 60.0, 120.0}; ///< class upper bounds, ascending
    std::string label;  ///< legend heading: "Waktu tempuh ke Puskesmas terdekat (menit)"
    std::string title;  ///< the map title when the spec has none
    std::string source; ///< printed first on the sources line: the model, its DEM, roads
};

/// \brief What a thematic map shows and how it is classified.
struct ThematicMapSpec {
    std::string indicatorKey = "poverty_rate";
    std::string period; ///< empty = latest period of the indicator
    /// The earlier period of a change map (indicator change_<key>, or any indicator with this
    /// set): layers::resolveMap draws the later minus the earlier value (gis/periodchange.h).
    std::string comparePeriod;
    ClassificationMethod method = ClassificationMethod::Quantile;
    int classCount = 5;          ///< 1..9 (fewer classes result when values repeat)
    std::string ramp = "YlOrRd"; ///< see rampNames()
    bool reverseRamp = false;    ///< colours of the ramp in reverse order (RdBu: blue for the lowest class)
    std::string title;           ///< empty = from the indicator label, regency name and period
    std::string subtitle;        ///< empty = indicator label with unit and classification
    bool showFacilities = true;  ///< point symbols per facility kind
    bool showLabels = true;      ///< kecamatan names on the map
    std::string printedDate;     ///< date in the footer; empty = today ("28 November 2025")

    std::optional<ValueLayer> layer;  ///< map these values instead of the indicator
    /// A DTSEN-derived indicator or layer (gis/personaldata.h): counts from 1 to this - 1 are
    /// drawn as "no data" (and written "<N" in the atlas tables), the page says TERBATAS and its
    /// sources line names the extract; 0 or 1 draws every count (still TERBATAS).
    int smallCountThreshold = gis::kDefaultSmallCountThreshold;
    std::vector<double> manualBreaks; ///< upper bounds, ascending: classes by hand (overrides method)
    /// Lower bound of the first manual class (a change map's -W·classes/2); none = the smallest value.
    std::optional<double> manualMinimum;
    std::string focusArea;            ///< a kecamatan code: the map fits it, other areas are greyed
    std::optional<gis::Extent> view;  ///< lon/lat box to fit (default: all areas, or the focus)
    bool showVillageLabels = false;   ///< pekon names (collisions resolved: lower priority dropped)
    bool showInset = true;            ///< locator inset on the page
    std::vector<ProposedSite> proposedSites;
    std::string proposedKind;           ///< facility kind of the proposed sites ("PUSKESSOS")
    double coverageRadiusKm = 0.0;      ///< > 0: circles of this radius around coverageKind and proposed sites
    std::string coverageKind;           ///< facility kind whose coverage is drawn
    std::vector<MapRoad> roads;         ///< road lines (lon/lat) by tier, drawn over the borders
    std::optional<TravelRaster> travel; ///< drawn instead of the village fills; its classes are the legend's
    PageSetup page;                     ///< paper and raster DPI
    Lang lang = Lang::Id;
    std::string maker; ///< "Dibuat oleh"; empty = meta "maker", else "Sasaran"
    /// E-mail size vector output: drop vertices closer than this on the page (mm) and draw label
    /// halos as soft boxes; 0 keeps full detail (print).
    double simplifyMm = 0.0;
};

/// \brief Where things landed on a rendered page, for callers and tests.
struct PageResult {
    QRectF framePx;                  ///< the map frame
    gis::Extent view;                ///< lon/lat covered by the frame
    double scaleBarKm = 0.0;         ///< ground length the bar claims
    double scaleBarPx = 0.0;         ///< its length on the page
    gis::Point scaleBarAt;           ///< the latitude (y) the bar is true at
    double scaleDenominator = 0.0;   ///< the printed 1 : N
    std::vector<QRectF> labelBoxes;  ///< every label drawn on the map (device px)
    std::vector<std::string> labels; ///< their texts
    std::string utmZone;             ///< "48S"; empty when the view is wider than a UTM zone (no metre ticks)
};

/// \brief Extra content of a page: a table under the map (or instead of it) and a page number.
struct PageExtras {
    std::optional<PageTable> table;
    bool tableOnly = false;         ///< no map: the table fills the page body (with its own title)
    std::string title;              ///< replaces the map's title on this page
    std::string subtitle;           ///< replaces the map's subtitle on this page
    std::string pageLabel;          ///< "Halaman 3 / 21"
    bool legendPresentOnly = false; ///< legend lists only classes with villages on this page
};

/// \brief One class row of the legend.
struct LegendEntry {
    QColor color;
    std::string label; ///< "12,5 – 15,0" or "Tidak ada data"
    int count = 0;     ///< number of villages in the class
    bool noData = false;
    std::string category; ///< a categorical layer's category ("high-high"); "" for a class of numbers
};

/// \brief One facility row of the legend.
struct FacilityLegendEntry {
    std::string kind;  ///< "BUMDES"
    std::string label; ///< "BUMDes"
    int count = 0;
};

class ThematicMap {
public:
    /// \brief Takes the snapshot: values, classification, colours, shapes, title and sources.
    /// Call where \a ds may be read (usually the GUI thread); \a ds is not referenced afterwards.
    /// \throws gis::Error for an unknown indicator, no values in the period, an unknown ramp or
    /// a class count outside 1..9.
    ThematicMap(const gis::Dataset& ds, const ThematicMapSpec& spec);

    const ThematicMapSpec& spec() const noexcept;
    const gis::IndicatorInfo& indicator() const noexcept;
    /// \brief The period shown (spec period or the latest one).
    const std::string& period() const noexcept;
    /// \brief Extent of all areas, lon/lat degrees.
    gis::Extent fullExtent() const;

    const std::string& title() const noexcept;
    const std::string& subtitle() const noexcept;
    /// \brief "Indikator: …; Batas wilayah: …" from the dataset's meta *_source entries.
    const std::string& sources() const noexcept;
    bool isIllustrative() const noexcept;

    /// \throws gis::Error for a categorical layer (see isCategorical()).
    const Classification& classification() const;
    bool isCategorical() const noexcept;
    /// \brief Fill colour of each class, lightest first (one per class or category).
    const std::vector<QColor>& classColors() const noexcept;
    /// \brief Class rows then the no-data row (always present, count may be 0).
    std::vector<LegendEntry> legendEntries() const;
    /// \brief Facility kinds present in the dataset with their counts (symbolised kinds first);
    /// with a focus area, only the facilities inside it.
    std::vector<FacilityLegendEntry> facilityLegendEntries() const;

    /// \brief Code of the village containing \a lonLat (EPSG:4326), for tooltips and clicks.
    std::optional<std::string> villageAt(gis::Point lonLat) const;
    /// \brief The village's value, or nullopt when it has none (or is not a village).
    std::optional<double> valueForArea(const std::string& areaCode) const;
    /// \brief The village's class, -1 when it has no value.
    int classForArea(const std::string& areaCode) const;
    /// \brief The class colour of a village (noDataColor() when it has no value).
    QColor colorForArea(const std::string& areaCode) const;
    /// \brief Number of villages without a value.
    int noDataCount() const noexcept;
    /// \brief Non-empty when the map shows DTSEN-derived figures: the TERBATAS notice printed on
    /// the page (with how many small counts were left out).
    const std::string& restrictedNotice() const noexcept;

    /// \brief Draws the map only into \a targetPx showing \a view (lon/lat, fitted keeping the
    /// aspect ratio): sea, village fills, kecamatan and regency borders, labels, facility
    /// symbols. Line widths and fonts follow the paint device's DPI. Clips to \a targetPx and
    /// restores the painter state. Thread-safe (const, touches only the snapshot).
    void renderMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view) const;
    /// \brief Draws a whole page into \a pagePx (device pixels, \a dpi device pixels per inch):
    /// title, subtitle, framed map with coordinate ticks, legend with counts, scale bar (km,
    /// true at the map's latitude), north arrow, footer with sources, period, printing date and,
    /// for an illustrative dataset, "Data ilustrasi". Thread-safe.
    PageResult renderPage(QPainter& painter, const QRectF& pagePx, double dpi, const PageExtras& extras = {}) const;

    /// \brief The view a page shows: spec view, else the focus area, else all areas (padded).
    gis::Extent pageView() const;
    /// \brief Code → name of the kecamatan (for atlases and labels).
    std::vector<std::pair<std::string, std::string>> kecamatanList() const;
    /// \brief Codes of the villages in the focus area (all villages without a focus).
    std::vector<std::string> focusVillageCodes() const;

    struct Snapshot;

private:
    struct DrawResult {
        std::vector<QRectF> labelBoxes;
        std::vector<std::string> labels;
    };
    DrawResult drawMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view, double dpi) const;
    std::shared_ptr<const Snapshot> d;
};

/// \brief The map's sea (behind everything) and the land outside the areas (Dataset::backgroundLand).
QColor mapSeaColor();
QColor mapBackgroundLandColor();

/// \brief Writes the page of the map to \a outPath: ".png" (\a pngSizePx pixels), ".pdf"
/// (the spec's paper, vector, text kept as text) or ".svg" (the spec's paper), by extension
/// (case-insensitive). Needs a QGuiApplication (fonts).
/// \throws gis::Error naming the file when the extension is unknown or the file can't be
/// written; the ThematicMap constructor's errors otherwise.
/// An empty \a pngSizePx means the spec's paper at its DPI.
void exportMap(const gis::Dataset& ds, const ThematicMapSpec& spec, const std::string& outPath,
               QSize pngSizePx = QSize());
/// \brief As above, from a snapshot already taken.
void exportMap(const ThematicMap& map, const std::string& outPath, QSize pngSizePx = QSize());

} // namespace layers
