#pragma once
/// \file islands.h
/// Which villages lie on land not connected to the mainland (the land part holding the regency
/// capital), e.g. the pekon of Pulau Tabuan in Teluk Semaka, reached by boat.
///
/// The land parts are the union of all village polygons (and, by default, of the dataset's
/// background land, the coastline's land around the regency, so that a village joined to the
/// capital only through a neighbouring regency's land is not taken for an island), buffered by half of
/// IslandOptions::gapToleranceM (converted to degrees at the data's latitude) so that sliver
/// gaps and near-misses between neighbouring villages, as real boundary files have, do not
/// split the mainland; a strait narrower than the tolerance joins an island to the mainland.
#include "gis/dataset.h"
#include "gis/geometry.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis {

enum class IslandStatus {
    Mainland,     ///< all of the village's area is on the mainland
    PartlyIsland, ///< some of it is on land parts off the mainland
    Island,       ///< all of it is off the mainland
    NoGeometry,   ///< the village has no polygon
};

/// \brief "mainland", "partly_island", "island" or "no_geometry" (for table columns).
std::string islandStatusName(IslandStatus status);

struct IslandOptions {
    /// Gaps between villages narrower than this (metres) are closed before splitting the land
    /// into parts. Default 100 m: wider than digitising slivers, far narrower than the straits
    /// of Teluk Semaka (Pulau Tabuan is several km off the Sumatran shore).
    double gapToleranceM = 100.0;
    /// A village partly off the mainland by less than this (km²) is counted as mainland, with
    /// 0 km² off (a village wholly on an island is always "island"): slivers and rocks left by clipping to a coastline
    /// are not islands anyone lives on. Default 0.01 km² (1 ha).
    double minOffMainlandKm2 = 0.01;
    /// Add Dataset::backgroundLand (when present) to the land before splitting it into parts.
    bool useBackgroundLand = true;
};

struct IslandFlag {
    std::string code; ///< the village's area code
    IslandStatus status = IslandStatus::Mainland;
    double offMainlandKm2 = 0.0; ///< ellipsoidal area off the mainland (0 for mainland villages)
    double areaKm2 = 0.0;        ///< ellipsoidal area of the whole village
};

struct IslandResult {
    std::vector<IslandFlag> villages; ///< one per Dataset::villages(), in that order
    std::size_t landParts = 0;        ///< land parts after closing gaps (1 = no islands)
    Point mainlandPoint;              ///< the point that chose the mainland
    /// False when the point is on no land part: the nearest part was taken as the mainland.
    bool mainlandPointOnLand = true;
    std::vector<std::string> notes;

    /// \brief The flag of a village code, or nullptr.
    const IslandFlag* find(const std::string& code) const;
    std::size_t count(IslandStatus status) const;
};

/// \brief Flags the villages of \a ds against the land part that holds the regency capital
/// (meta capital_lon / capital_lat).
/// \throws Error when the capital is not set; GeometryError when GEOS fails.
IslandResult islandFlags(const Dataset& ds, const IslandOptions& options = {});
/// \brief Same, with the mainland chosen by \a mainlandPoint (any point on the mainland).
IslandResult islandFlags(const Dataset& ds, Point mainlandPoint, const IslandOptions& options = {});

} // namespace gis
