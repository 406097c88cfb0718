#pragma once
/// \file villageprofile.h
/// Everything known about one village, for the desktop's profile panel and reports: code, name,
/// kecamatan; every indicator by period with the change since the previous period; facilities
/// inside and the nearest of each kind with its distance; the priority score with each
/// indicator's contribution and the rank; the LISA cluster; the island status.
///
/// The figures are those of the analyses (analyzeVillages, analyzeHotspots, islandFlags) when
/// their results are given, never recomputed another way: distances, counts, score, rank and
/// contributions are read from the AnalysisTable; the names of the nearest facilities come from
/// the same GeodesicPointIndex search computeVillageMeasures uses.
///
/// \note Thread safety: villageProfile() only reads its arguments; it may run on any thread
/// while no thread changes them.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/hotspots.h"
#include "gis/islands.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gis {

/// \brief One indicator of a village over the periods.
struct ProfileIndicator {
    std::string key;   ///< "miskin", "penduduk", "poverty_rate", ...
    std::string label; ///< gis::indicatorInfo label ("Tingkat kemiskinan")
    std::string unit;  ///< "%", "jiwa", ...
    struct Period {
        std::string period;
        double value = 0.0;
        double change = 0.0; ///< value minus the previous period's value; NaN for the first period
    };
    std::vector<Period> periods; ///< ascending by period
};

/// \brief One category of a village over the periods (gis/categories.h).
struct ProfileCategory {
    std::string key;   ///< "status_idm"
    std::string label; ///< gis::categoryLabel ("Status IDM")
    struct Period {
        std::string period;
        std::string level;      ///< the scale's spelling ("Berkembang")
        std::size_t rank = 0;   ///< position on the scale, 0 = lowest
        std::size_t levels = 0; ///< levels of the scale
    };
    std::vector<Period> periods; ///< ascending by period
};

/// \brief The nearest facility of one kind.
struct ProfileNearest {
    std::string kind;        ///< as stored (BUMDES, PUSKESSOS, ...)
    int inside = 0;          ///< facilities of the kind inside the village
    double distanceKm = 0.0; ///< to the nearest (0 when one is inside); NaN when the project has none
    std::string name;        ///< the nearest facility's name (empty when none)
    long long facilityId = 0;
};

struct ProfileContribution {
    std::string key;     ///< scheme indicator key
    double input = 0.0;  ///< the village's value of the indicator as scored (NaN when missing)
    double points = 0.0; ///< score points (PriorityResult::contribution)
};

struct VillageProfile {
    std::string code;
    std::string name;
    std::string kind; ///< pekon, kelurahan, desa
    std::string kecamatanCode;
    std::string kecamatanName; ///< empty when the kecamatan is not in the dataset
    double areaKm2 = 0.0;
    Point point; ///< point-on-surface

    std::vector<ProfileIndicator> indicators; ///< stored keys (sorted) then poverty_rate when computable
    std::vector<ProfileCategory> categories;  ///< the village's categories, by key

    std::vector<const Facility*> facilitiesInside; ///< into the Dataset given (valid while it lives)
    std::vector<ProfileNearest> nearest;           ///< one per facility kind of the project, sorted by kind

    bool analysed = false; ///< an AnalysisTable was given and holds the village
    std::string period;    ///< the analysis period
    std::string schemeName;
    bool scored = false;                            ///< false when the scheme excluded the village (a missing value)
    double score = 0.0;                             ///< 0-100
    int rank = 0;                                   ///< 1 = highest priority; 0 when not scored
    std::size_t rankedCount = 0;                    ///< villages with a rank
    std::vector<ProfileContribution> contributions; ///< largest first (topContributions)

    std::optional<Cluster> cluster;     ///< when a LISA result was given
    std::string clusterKey;             ///< the tested indicator
    std::optional<IslandStatus> island; ///< when islands were given (or the table has island_status)
    double offMainlandKm2 = 0.0;
};

/// \brief Results already computed for the dataset; each may be null.
struct VillageProfileInputs {
    const AnalysisTable* table = nullptr; ///< analyzeVillages(ds, ...) of the same Dataset
    const HotspotResult* lisa = nullptr;
    const IslandResult* islands = nullptr;
};

/// \brief The profile of the village with \a code.
/// \throws Error naming the code when the dataset has no village with it.
VillageProfile villageProfile(const Dataset& ds, const std::string& code, const VillageProfileInputs& inputs = {});

} // namespace gis
