#pragma once
/// \file meetingpack_p.h
/// The meeting pack's pages of the analyses the user ran beside the priority: the POKDARWIS
/// ranking and the hotspot (LISA) analyses (meetinganalysispages.cpp). Private to layers/.
#include "gis/dataset.h"
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
#include "layers/page.h"
#include "layers/thematicmap.h"

#include <cstddef>
#include <string>

namespace layers::detail {

/// \brief The POKDARWIS candidate score map on \a base's page: title, weights in the subtitle.
ThematicMapSpec pokdarwisMapSpec(const gis::Dataset& ds, const ThematicMapSpec& base, const gis::PokdarwisResult& r);
/// \brief The best \a topN candidates (rank, kode, name, kecamatan, score, attractions near,
/// distance or travel to the capital, poverty rate), with the counts of ranked pekon and of
/// pekon with a group in the note.
PageTable pokdarwisTable(const gis::PokdarwisResult& r, std::size_t topN, Lang lang);

/// \brief The LISA cluster map of \a r; the subtitle gives Moran's I with its p-value.
ThematicMapSpec hotspotMapSpec(const gis::Dataset& ds, const ThematicMapSpec& base, const gis::HotspotResult& r);
/// \brief The pekon of the high-high clusters (by kecamatan, then the highest value first),
/// with the cluster counts and Moran's I in the note.
PageTable hotspotTable(const gis::Dataset& ds, const gis::HotspotResult& r, Lang lang);
/// \brief "Moran's I global 0,412 (E[I] -0,008), p = 0,001 dari 999 permutasi; bobot …".
std::string moranSummary(const gis::HotspotResult& r, Lang lang);

} // namespace layers::detail
