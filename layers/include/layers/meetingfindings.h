#pragma once
/// \file meetingfindings.h
/// The meeting pack's first page: the findings in plain sentences built from the numbers (the
/// way InaSAFE writes its impact summaries), and the per-kecamatan table that every figure of
/// those sentences is printed in again, so each traces to a table.
/// \note Pure functions of their arguments; any thread.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
#include "layers/page.h"
#include "layers/thematicmap.h"

#include <optional>
#include <string>
#include <vector>

namespace layers {

/// \brief The figures of one kecamatan (village rows of the analysis grouped by their kecamatan name).
struct KecamatanFigures {
    std::string name;
    int villages = 0;
    double poor = 0.0;                ///< sum of miskin of the period (missing values count as none)
    int villagesWithoutBumdes = 0;    ///< n_bumdes == 0
    double poorBeyondReach = 0.0;     ///< miskin of the villages farther than the reach from a Puskessos
    std::optional<double> poorBefore; ///< sum of miskin of the previous period (when there is one)
};

/// \brief A hotspot analysis (gis/hotspots.h) as the findings say it.
struct HotspotFigures {
    std::string key;
    std::string label; ///< the indicator's label ("Tingkat kemiskinan")
    std::string period;
    double moranI = 0.0;
    double pValue = 0.0;
    int permutations = 0;
    double alpha = 0.05;
    int highHigh = 0;                  ///< pekon in a high-high cluster
    int lowLow = 0;                    ///< pekon in a low-low cluster
    std::string mostHighHighKecamatan; ///< the kecamatan with the most high-high pekon ("" when none; ties by name)
    int mostHighHighCount = 0;
};

/// \brief A POKDARWIS ranking (gis/pokdarwis.h) as the findings say it.
struct PokdarwisFigures {
    int ranked = 0;
    int withGroup = 0; ///< pekon that already have a POKDARWIS (not ranked)
    std::size_t attractions = 0;
    struct Candidate {
        std::string name;
        std::string kecamatan;
        double score = 0.0;
    };
    std::vector<Candidate> top; ///< the three best candidates, rank 1 first
};

/// \brief The figures of a hotspot analysis of \a ds (the indicator label from \a ds).
HotspotFigures hotspotFigures(const gis::Dataset& ds, const gis::HotspotResult& result);
/// \brief The figures of a POKDARWIS ranking.
PokdarwisFigures pokdarwisFigures(const gis::PokdarwisResult& result);

/// \brief Everything the findings say, computed once from the analysis table.
struct MeetingFigures {
    std::string period;               ///< the analysis period
    std::string previousPeriod;       ///< the period of miskin before it ("" when none)
    int villages = 0;                 ///< rows of the analysis
    double poor = 0.0;                ///< sum over the villages
    std::optional<double> poorBefore; ///< the previous period's sum
    int villagesWithoutBumdes = 0;
    double reachKm = 5.0; ///< Puskessos reach used for poorBeyondReach
    double poorBeyondReach = 0.0;
    bool anyPuskessos = false;               ///< false: every village counts as beyond reach
    std::vector<KecamatanFigures> kecamatan; ///< most poor people first (ties by name)
    std::optional<gis::PlacementRun> run;    ///< the run the pack shows (the latest), if any
    std::vector<HotspotFigures> hotspots;    ///< the hotspot analyses the pack shows
    std::optional<PokdarwisFigures> pokdarwis; ///< the POKDARWIS ranking the pack shows
};

/// \brief The figures of \a table (and, for the previous period and the run, of \a ds).
/// \param reachKm the Puskessos reach (a village beyond it when its nearest Puskessos is farther)
MeetingFigures meetingFigures(const gis::Dataset& ds, const gis::AnalysisTable& table, double reachKm = 5.0);

/// \brief The findings as sentences, in order: poor people and villages; the kecamatan holding
/// the most; villages without a BUMDES; poor people beyond the Puskessos reach; what the run's
/// proposed sites change (with a run); what changed since the previous period (with two); for
/// each hotspot analysis whether the indicator clusters (Moran's I, p) and where the high-high
/// pekon are; the best POKDARWIS candidates. Every number in them is printed in findingsTable()
/// or in the run's, the hotspot or the POKDARWIS pages.
std::vector<std::string> meetingFindings(const MeetingFigures& figures, Lang lang = Lang::Id);

/// \brief The table behind the findings: one row per kecamatan (most poor first) and a total row:
/// villages, poor people, villages without BUMDES, poor beyond the reach, and with a previous
/// period its poor people and the change.
PageTable findingsTable(const MeetingFigures& figures, Lang lang = Lang::Id);

/// \brief "cakupan maksimal" / "maximal covering" for "mclp", "median-p" / "p-median" for "pmedian".
std::string placementMethodLabel(const std::string& method, Lang lang = Lang::Id);
/// \brief "1 Desember 2026" / "1 December 2026" of an ISO 8601 date or time ("2026-12-01T14:05:00Z");
/// \a iso unchanged when it is not one.
std::string longDate(const std::string& iso, Lang lang = Lang::Id);

} // namespace layers
