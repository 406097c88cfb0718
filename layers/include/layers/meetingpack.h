#pragma once
/// \file meetingpack.h
/// Multi-page PDFs for coordination meetings: the atlas (a cover and one page per kecamatan)
/// and the meeting report (priority, poverty density and facility maps, the top-N table and
/// the saved placement proposals).
/// \note Each call owns its PDF writer and painter: it may run on a worker thread (a
/// QGuiApplication must exist) while no thread writes \a ds.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/error.h"
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
#include "layers/thematicmap.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace layers {

/// \brief Told before each page is drawn, with the pages done and the pages in all (and once at
/// the end with done == total); returning false stops the export with ExportCancelled. Called on
/// the exporting thread.
using PageProgress = std::function<bool(int done, int total)>;

/// \brief A multi-page export stopped by its PageProgress; nothing was written.
class ExportCancelled : public gis::Error {
public:
    using gis::Error::Error;
};

struct AtlasOptions {
    /// Style of every page: ramp, classes, method, labels. Without a layer or another indicator
    /// than the default, pages show the priority score of \a table.
    ThematicMapSpec style;
    bool usePriorityLayer = true; ///< false: style.indicatorKey / style.layer as given
    PageProgress progress;        ///< empty = none
    /// An earlier period: a page after the cover maps the change of the poverty rate from it to
    /// the analysed period (a change map, maprecipe.h). Empty: no change page.
    std::string comparePeriod;
};

/// \brief Writes the atlas: page 1 a cover with the regency map and a table of the kecamatan
/// with their page numbers; then one page per kecamatan (in code order): zoomed to it, the
/// rest greyed, its own inset, its pekon labelled, the legend listing only the classes on the
/// page, its own scale bar and scale, and a table of its pekon ranked by priority (kode, nama,
/// poverty rate, poor people, nearest Puskessos km, score, rank). Portrait by default. A DTSEN
/// count that is mapped or weighed by the scheme is printed too, in the cover's kecamatan table
/// (sums) and the pekon tables, with counts from 1 to style.smallCountThreshold - 1 as "<N".
/// \returns the number of pages.
/// \throws gis::Error when the dataset has no kecamatan; OutputError naming the file;
/// ExportCancelled when options.progress stops it (the file is then not written).
int exportAtlas(const gis::Dataset& ds, const gis::AnalysisTable& table, const AtlasOptions& options,
                const std::string& outPdf);

struct ReportOptions {
    Lang lang = Lang::Id;
    PageSetup page;          ///< A4 landscape by default
    std::string printedDate; ///< empty = today
    double simplifyMm = 0.0; ///< e-mail preset: > 0
    std::size_t topN = 30;
    double coverageRadiusKm = 5.0; ///< Puskessos reach drawn when no run is saved
    std::string maker;
    /// A first page of findings in plain sentences and the per-kecamatan table of their figures
    /// (layers/meetingfindings.h) before the maps.
    bool findings = true;
    /// The saved placement run (PlacementRun::id) whose proposals the pack shows; none = the
    /// latest saved run.
    std::optional<long long> programId;
    PageProgress progress; ///< empty = none
    /// DTSEN-derived counts the scheme weighs are printed in the top-N table with counts from 1
    /// to this - 1 as "<N" (and the priority map says TERBATAS); 0 or 1 prints every count.
    int smallCountThreshold = gis::kDefaultSmallCountThreshold;
    /// An earlier period: after the poverty density map, a map of the change of the poverty rate
    /// from it to the analysed period. Empty: no change page.
    std::string comparePeriod;
    /// Draw the project's road layer (when it has one) on every map, with its legend rows.
    bool roads = true;
    /// A POKDARWIS ranking (gis/pokdarwis.h), for the tourism office: a page with its score map
    /// and a page with the topN best candidates; a findings sentence names the best three.
    std::optional<gis::PokdarwisResult> pokdarwis;
    /// Hotspot analyses (gis/hotspots.h): per analysis a page with the LISA cluster map (Moran's I
    /// and its p-value in the subtitle) and a page listing the high-high pekon; a findings
    /// sentence each.
    std::vector<gis::HotspotResult> hotspots;
};

/// \brief Writes the meeting pack: with options.findings (the default) first the findings page and
/// the table of its figures by kecamatan; then the priority map, the poverty density map, the facilities and
/// coverage map, the top-N priority table, and, when placement runs are saved in the project,
/// with options.comparePeriod the change of the poverty rate, the chosen run's proposals (options.programId, else the latest run; map and table) and a
/// comparison of all saved runs; then the hotspot pages (options.hotspots) and the POKDARWIS
/// pages (options.pokdarwis).
/// \returns the number of pages.
/// \throws gis::Error when options.programId names no saved run; ExportCancelled when
/// options.progress stops it (the file is then not written).
int exportReport(const gis::Dataset& ds, const gis::AnalysisTable& table, const ReportOptions& options,
                 const std::string& outPdf);

} // namespace layers
