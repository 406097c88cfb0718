#pragma once
/// \file priority.h
/// The composite priority score: how indicators are normalised, weighted and combined, what
/// happens to missing values, the scheme as JSON (a file, or kept in the project's metadata),
/// the rank sensitivity to the weights, and the "why" of a village's score.
///
/// \note Thread safety: no function here keeps state. scorePriority, prioritySensitivity,
/// topContributions, villagesByRank and the JSON functions are pure (the result depends only on
/// the arguments) and may be called from any thread at once; storedScheme(Names) and
/// resolvePriorityScheme only read the Dataset; storeScheme() writes into the Dataset it is
/// given (so not at the same time as another use of it); loadScheme, saveScheme and
/// resolvePriorityScheme read or write files.
#include "gis/dataset.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gis {

// ---------------------------------------------------------------------------------------
// Priority score
// ---------------------------------------------------------------------------------------

enum class Direction { HigherIsWorse, HigherIsBetter };

/// How an indicator's values are brought to a common scale, oriented so that higher means
/// more priority (for HigherIsBetter the scale is reversed):
/// - MinMax: (x - min) / (max - min), in [0, 1]; 0 for every village when max == min.
/// - ZScore: (x - mean) / sd with the population standard deviation (divide by n); 0 when sd == 0.
/// - PercentileRank: (below + (equal - 1) / 2) / (n - 1), in [0, 1] (ties get the mid rank);
///   0 when n == 1.
/// - ScaleRank: the value is already a rank on a scale in [0, 1] (an ordered category's
///   level index / (levels - 1), gis::scaleRank) and is taken as it is; a scheme indicator
///   naming an ordered category is always normalised so (AnalysisTable::categoryKeys).
enum class Normalisation { MinMax, ZScore, PercentileRank, ScaleRank };

/// What happens to a village that lacks a value of a scheme indicator. Every case is reported.
/// Statistics (min, max, mean, ...) are always computed over the villages that have a value.
enum class MissingRule {
    ExcludeVillage, ///< the village gets no score and no rank
    FillWorst,      ///< the indicator's worst observed value (max if higher is worse, else min)
    FillMedian,     ///< the indicator's median observed value
};

struct SchemeIndicator {
    std::string key; ///< a column of the analysis table (e.g. poverty_rate, dist_puskessos_km),
                     ///< no_<kind> (1 when the village has none inside), or a stored indicator key
    Direction direction = Direction::HigherIsWorse;
    Normalisation normalisation = Normalisation::MinMax;
    double weight = 1.0; ///< >= 0; weights are divided by their sum
};

struct PriorityScheme {
    std::string name;
    std::vector<SchemeIndicator> indicators;
    MissingRule missing = MissingRule::ExcludeVillage;
};

/// \brief The default "remote-area priority" scheme: poverty_rate, poor_density_km2,
/// dist_puskessos_km, no_bumdes, dist_capital_km; all higher-is-worse, min-max, equal weights;
/// villages missing a value are excluded (and reported).
PriorityScheme defaultPriorityScheme();

/// \brief A filled or excluded missing value.
struct MissingValue {
    std::string code;  ///< village code
    std::string key;   ///< indicator key
    double filledWith; ///< NaN when the village was excluded
};

/// \brief The score of each village, in the order of the codes given.
///
/// composite = Σ wᵢ·nᵢ with nᵢ the oriented normalised value and Σ wᵢ = 1.
/// - When no indicator uses ZScore, every nᵢ is in [0, 1]: score = 100·composite and the
///   contribution of indicator i is 100·wᵢ·nᵢ points.
/// - When any indicator uses ZScore the composite is unbounded, so it is mapped to 0-100 by
///   min-max over the scored villages: score = 100·(c - c_min)/(c_max - c_min), and the
///   contribution of indicator i is 100·wᵢ·(nᵢ - nᵢ of the lowest-scoring village)/(c_max - c_min),
///   i.e. points relative to the lowest-priority village (may be negative). All score 0 when
///   c_max == c_min.
/// In both cases the contributions of a village sum to its score.
/// Rank 1 = highest priority; equal scores (to 1e-9 points) are ordered by code.
struct PriorityResult {
    std::vector<double> score;                     ///< NaN when excluded
    std::vector<int> rank;                         ///< 0 when excluded
    std::vector<std::vector<double>> contribution; ///< [village][indicator], NaN when excluded
    std::vector<MissingValue> missing;             ///< every missing value and what was done
    bool rescaled = false;                         ///< true when the composite was min-max rescaled
    std::size_t excludedCount() const;
    /// \brief One-paragraph report of the missing-value rule and what it did.
    std::string missingReport(MissingRule rule) const;
};

/// \brief Scores villages with a scheme.
/// \param codes village codes (ties in score are broken by code)
/// \param values indicator key -> one value per code (NaN = missing)
/// \throws Error when the scheme is empty, a weight is negative or not finite, the weights sum
/// to 0, a key is repeated, or a key has no column in \a values (the message lists the keys).
PriorityResult scorePriority(const PriorityScheme& scheme, const std::vector<std::string>& codes,
                             const std::map<std::string, std::vector<double>>& values);

/// \brief Scheme as JSON text:
/// {"name": ..., "missing": "exclude_village"|"fill_worst"|"fill_median",
///  "indicators": [{"key": ..., "direction": "higher_is_worse"|"higher_is_better",
///                  "normalisation": "minmax"|"zscore"|"percentile_rank"|"scale_rank", "weight": 1.0}, ...]}
std::string schemeToJson(const PriorityScheme& scheme);
/// \brief Parses scheme JSON; \a source names the file in messages.
/// \throws DataSourceError naming \a source and the bad field (e.g. indicators[2].direction).
PriorityScheme schemeFromJson(const std::string& json, const std::string& source);
/// \brief Reads a scheme file. \throws DataSourceError naming the file and the bad field.
PriorityScheme loadScheme(const std::string& path);

/// \brief Keeps \a scheme in the project's metadata (key "skema.<name>", JSON), replacing one of
/// the same name; saved with the project. \throws Error when the scheme has no name.
void storeScheme(Dataset& ds, const PriorityScheme& scheme);
/// \brief Names of the schemes kept in the project, sorted.
std::vector<std::string> storedSchemeNames(const Dataset& ds);
/// \brief A scheme kept in the project. \throws Error listing the kept names when there is none.
PriorityScheme storedScheme(const Dataset& ds, const std::string& name);
/// \brief Writes a scheme file atomically. \throws OutputError naming the file.
void saveScheme(const PriorityScheme& scheme, const std::string& path);

/// \brief The scheme a caller names by \a fileOrName: empty = defaultPriorityScheme(); a path
/// that exists or has an extension (".json") = that scheme file (loadScheme); otherwise the
/// name of a scheme kept in the project (storedScheme).
/// \throws DataSourceError naming the file and the bad field; Error listing the kept schemes
/// when the project keeps none of that name.
PriorityScheme resolvePriorityScheme(const Dataset& ds, const std::string& fileOrName);

// ---------------------------------------------------------------------------------------
// Why a village scores high
// ---------------------------------------------------------------------------------------

/// \brief One indicator's part of a village's score.
struct ScoreContribution {
    std::size_t indicator = 0; ///< position in PriorityScheme::indicators
    std::string key;           ///< that indicator's key
    double points = 0.0;       ///< PriorityResult::contribution of the village (score points)
};

/// \brief The \a count largest contributions to the score of village \a village (an index into
/// \a result), largest first; equal contributions in the scheme's order. Empty when the village
/// has no score (excluded). \throws Error when \a village is out of range or \a result was not
/// scored with \a scheme (a different number of indicators).
std::vector<ScoreContribution> topContributions(const PriorityScheme& scheme, const PriorityResult& result,
                                                std::size_t village, std::size_t count = 3);

/// \brief The villages that have a rank (indices into \a result), by rank: highest priority first.
std::vector<std::size_t> villagesByRank(const PriorityResult& result);

// ---------------------------------------------------------------------------------------
// Rank sensitivity
// ---------------------------------------------------------------------------------------

struct SensitivityOptions {
    int draws = 500;            ///< Monte Carlo draws of perturbed weights
    double perturbation = 0.2;  ///< each weight drawn uniformly in [w(1-p), w(1+p)]
    int topN = 30;              ///< "stays in the top N" is counted against this N
    std::uint64_t seed = 20190; ///< same seed, same result
};

struct SensitivityResult {
    std::vector<int> rankMin; ///< per village (row order); 0 when the village is never ranked
    std::vector<int> rankMax;
    std::vector<double> topShare; ///< fraction of draws (0-1) in which the village ranks <= topN
    SensitivityOptions options;
};

/// \brief Scores the villages again with each scheme weight perturbed at random (seeded), and
/// reports for each village the range of ranks it takes and how often it stays in the top N.
/// The unperturbed ranking (scorePriority(scheme, codes, values)) is counted as one of the draws.
/// \param codes, values as for scorePriority
/// \throws Error for options out of range (draws < 1, perturbation outside [0, 1), topN < 1)
/// and as scorePriority does.
SensitivityResult prioritySensitivity(const PriorityScheme& scheme, const std::vector<std::string>& codes,
                                      const std::map<std::string, std::vector<double>>& values,
                                      const SensitivityOptions& options = {});

/// \brief Told after each draw of prioritySensitivity how many draws are done (1..total); it
/// returns false to stop the run. Called on the thread that runs prioritySensitivity.
using SensitivityProgress = std::function<bool(int done, int total)>;

/// \brief prioritySensitivity with progress and cancellation: the same draws in the same order
/// (so the same result for the same seed) while \a progress returns true; std::nullopt once it
/// returns false. \throws as prioritySensitivity does.
std::optional<SensitivityResult> prioritySensitivity(const PriorityScheme& scheme,
                                                     const std::vector<std::string>& codes,
                                                     const std::map<std::string, std::vector<double>>& values,
                                                     const SensitivityOptions& options,
                                                     const SensitivityProgress& progress);

} // namespace gis
