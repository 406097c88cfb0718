#pragma once
/// \file maplayers.h
/// Map layers made from analysis results (priority score, any analysis column, LISA clusters,
/// a plain base map) and from saved placement runs, for maps, atlases and meeting reports.
/// \note Pure functions of their arguments; any thread while no thread writes them.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
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
/// \brief A LISA cluster as a legend says it: "tinggi-tinggi (titik panas)", "high-high (hotspot)".
std::string lisaClusterLabel(gis::Cluster cluster, Lang lang);
/// \brief LISA clusters as categories (high-high, low-low, …) in GeoDa's colours (lisaClusterColor),
/// their legend text in \a lang (lisaClusterLabel).
/// \a valueLabel names what was tested ("Tingkat kemiskinan (%)"); empty = the key.
ValueLayer lisaLayer(const gis::HotspotResult& result, Lang lang = Lang::Id, const std::string& valueLabel = {});
/// \brief The POKDARWIS candidate score (0–100) of the ranked pekon; pekon that already have a
/// group, or miss a value, are left out (drawn as "no data").
ValueLayer pokdarwisLayer(const gis::PokdarwisResult& result, Lang lang = Lang::Id);
/// \brief The change of indicator \a key from period \a earlier to \a later (gis::periodChange):
/// later minus earlier per village holding both (the others drawn as no data), labelled
/// "Perubahan …" with the unit (poin persen for a percentage) and the period "2023 → 2024".
/// \throws gis::Error as gis::periodChange does.
ValueLayer changeLayer(const gis::Dataset& ds, const std::string& key, const std::string& later,
                       const std::string& earlier, Lang lang = Lang::Id);
/// \brief The text a change map shows for its periods: "2023 → 2024".
std::string changePeriodText(const std::string& later, const std::string& earlier);

/// \brief \a category (categoryLayer) with only the pekon at \a level coloured (in its colour) and
/// every other pekon with a level in one plain class "lainnya" / "other"; labelled "… : hanya
/// <level>". \a level is matched ignoring ASCII case and spacing.
/// \throws gis::Error listing the levels when \a level is none of the category's.
ValueLayer onlyLevelLayer(const ValueLayer& category, const std::string& level, Lang lang = Lang::Id);

/// \brief One category for every village: a base map for facilities and coverage.
ValueLayer baseLayer(const gis::Dataset& ds, Lang lang = Lang::Id);

/// \brief The sites of a saved placement run (Dataset::programs) as map symbols.
std::vector<ProposedSite> proposedSites(const gis::PlacementRun& run);

} // namespace layers
