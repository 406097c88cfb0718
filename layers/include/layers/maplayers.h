#pragma once
/// \file maplayers.h
/// Map layers made from analysis results (priority score, any analysis column, LISA clusters,
/// a plain base map) and from saved placement runs, for maps, atlases and meeting reports.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/hotspots.h"
#include "layers/thematicmap.h"

#include <optional>
#include <string>
#include <vector>

namespace layers {

/// \brief priority_score (0–100) per village from an analysis table.
ValueLayer priorityLayer(const gis::AnalysisTable& table, Lang lang = Lang::Id);
/// \brief Any numeric column of the analysis table (dist_puskessos_km, contrib_…).
/// \throws gis::Error listing the columns when \a column is unknown.
ValueLayer analysisColumnLayer(const gis::AnalysisTable& table, const std::string& column, Lang lang = Lang::Id);
/// \brief LISA clusters as categories (high-high, low-low, …) in GeoDa's colours.
ValueLayer lisaLayer(const gis::HotspotResult& result, Lang lang = Lang::Id);
/// \brief One category for every village: a base map for facilities and coverage.
ValueLayer baseLayer(const gis::Dataset& ds, Lang lang = Lang::Id);

/// \brief The colour of a LISA cluster name ("high-high" red, "low-low" blue, "low-high" light
/// blue, "high-low" light red, "not significant" light grey, "not tested" grey), GeoDa's convention.
QColor lisaColor(const std::string& cluster);

/// \brief A placement run saved in the project, as the report needs it.
struct SavedPlacementRun {
    std::string id;            ///< when it was run (UTC) or the program table id
    std::string kind;
    std::string method;        ///< "mclp" or "pmedian"
    std::size_t count = 0;
    double radiusKm = 0.0;     ///< 0 when by travel time
    double minutes = 0.0;      ///< 0 when by distance
    std::string demand;
    std::string period;
    double totalDemand = 0.0;
    double before = 0.0;
    double after = 0.0;
    struct Site {
        std::string code;
        std::string name;
        gis::Point point;
        double gain = 0.0;
        double served = 0.0;
    };
    std::vector<Site> sites;   ///< in order of marginal gain
};

/// \brief Saved placement runs, oldest first.
std::vector<SavedPlacementRun> savedPlacementRuns(const gis::Dataset& ds);
/// \brief The sites of a run as map symbols.
std::vector<ProposedSite> proposedSites(const SavedPlacementRun& run);

} // namespace layers
