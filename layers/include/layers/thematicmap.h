#pragma once
/// \file thematicmap.h
/// Thematic (choropleth) map of one indicator per village, with facility symbols, and its
/// printed page (title, legend, scale bar, north arrow, sources). A ThematicMap is an
/// immutable snapshot taken once from a gis::Dataset: it can be copied cheaply and rendered
/// from any thread (P12, P13).
#include "gis/dataset.h"
#include "gis/geometry.h"
#include "gis/indicators.h"
#include "layers/classification.h"

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

/// \brief What a thematic map shows and how it is classified.
struct ThematicMapSpec {
    std::string indicatorKey = "poverty_rate";
    std::string period;                 ///< empty = latest period of the indicator
    ClassificationMethod method = ClassificationMethod::Quantile;
    int classCount = 5;                 ///< 1..9 (fewer classes result when values repeat)
    std::string ramp = "YlOrRd";        ///< see rampNames()
    std::string title;                  ///< empty = from the indicator label, regency name and period
    std::string subtitle;               ///< empty = indicator label with unit and classification
    bool showFacilities = true;         ///< point symbols per facility kind
    bool showLabels = true;             ///< kecamatan names on the map
    std::string printedDate;            ///< date in the footer; empty = today ("28 November 2025")
};

/// \brief One class row of the legend.
struct LegendEntry {
    QColor color;
    std::string label;   ///< "12,5 – 15,0" or "Tidak ada data"
    int count = 0;       ///< number of villages in the class
    bool noData = false;
};

/// \brief One facility row of the legend.
struct FacilityLegendEntry {
    std::string kind;    ///< "BUMDES"
    std::string label;   ///< "BUMDes"
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

    const Classification& classification() const noexcept;
    /// \brief Fill colour of each class, lightest first (classification().classCount() colours).
    const std::vector<QColor>& classColors() const noexcept;
    /// \brief Class rows then the no-data row (always present, count may be 0).
    std::vector<LegendEntry> legendEntries() const;
    /// \brief Facility kinds present in the dataset with their counts (symbolised kinds first).
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

    /// \brief Draws the map only into \a targetPx showing \a view (lon/lat, fitted keeping the
    /// aspect ratio): sea, village fills, kecamatan and regency borders, labels, facility
    /// symbols. Line widths and fonts follow the paint device's DPI. Clips to \a targetPx and
    /// restores the painter state. Thread-safe (const, touches only the snapshot).
    void renderMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view) const;
    /// \brief Draws a whole page into \a pagePx (device pixels, \a dpi device pixels per inch):
    /// title, subtitle, framed map with coordinate ticks, legend with counts, scale bar (km,
    /// true at the map's latitude), north arrow, footer with sources, period, printing date and,
    /// for an illustrative dataset, "Data ilustrasi". Thread-safe.
    void renderPage(QPainter& painter, const QRectF& pagePx, double dpi) const;

    struct Snapshot;

private:
    void drawMap(QPainter& painter, const QRectF& targetPx, const gis::Extent& view, double dpi) const;
    std::shared_ptr<const Snapshot> d;
};

/// \brief The map's sea (behind everything) and the land outside the areas (Dataset::backgroundLand).
QColor mapSeaColor();
QColor mapBackgroundLandColor();

/// \brief Writes the page of the map to \a outPath: ".png" (\a pngSizePx pixels), ".pdf"
/// (A4 landscape, vector, text kept as text) or ".svg" (A4 landscape), by extension
/// (case-insensitive). Needs a QGuiApplication (fonts).
/// \throws gis::Error naming the file when the extension is unknown or the file can't be
/// written; the ThematicMap constructor's errors otherwise.
void exportMap(const gis::Dataset& ds, const ThematicMapSpec& spec, const std::string& outPath,
               QSize pngSizePx = QSize(2400, 1700));
/// \brief As above, from a snapshot already taken.
void exportMap(const ThematicMap& map, const std::string& outPath, QSize pngSizePx = QSize(2400, 1700));

} // namespace layers
