#pragma once
/// \file smoothing.h
/// Empirical Bayes smoothing of rates (counts over populations), for villages whose small
/// populations make raw rates noisy.
///
/// Global Empirical Bayes, method of moments (Marshall 1991, "Mapping disease and mortality
/// rates using empirical Bayes estimators", Applied Statistics 40(2):283-294). For areas
/// i = 1..n with count O_i and population P_i > 0:
///
///     r_i = O_i / P_i                           raw rate
///     b   = Σ O_i / Σ P_i                       global rate (prior mean)
///     P̄   = Σ P_i / n                           mean population
///     s²  = Σ P_i (r_i - b)² / Σ P_i            population-weighted variance of the raw rates
///     a   = s² - b / P̄                          prior variance; when negative, a = 0 (Marshall:
///                                               the rates vary no more than chance explains)
///     C_i = a / (a + b / P_i)                   shrinkage weight, in [0, 1)
///     EB_i = b + C_i (r_i - b)                  the smoothed rate
///
/// A small P_i gives a large b / P_i, so C_i is small and EB_i lies close to b; a large
/// population keeps its own rate. When a = 0 every smoothed rate equals b.
///
/// Areas with a missing (NaN) count or population, or a zero population, have no rate: they are
/// left out of the estimates and get NaN, as poverty_rate does (see indicators.h).
#include "gis/dataset.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace gis {

struct EmpiricalBayesResult {
    std::vector<double> rate;       ///< EB_i as a proportion (not %); NaN when the area has no rate
    std::vector<double> rawRate;    ///< r_i; NaN when the area has no rate
    std::vector<double> shrinkage;  ///< C_i; NaN when the area has no rate
    double globalRate = 0.0;        ///< b
    double meanPopulation = 0.0;    ///< P̄
    double rateVariance = 0.0;      ///< s²
    double priorVariance = 0.0;     ///< a after clamping (>= 0)
    bool varianceClamped = false;   ///< true when s² - b/P̄ was negative and a was set to 0
    std::size_t used = 0;           ///< n: areas with a count and a population > 0
    std::size_t zeroPopulation = 0; ///< areas left out because their population is 0
    std::size_t missing = 0;        ///< areas left out because a count or population is NaN
};

/// \brief Global Empirical Bayes smoothed rates (Marshall 1991), see the file comment.
/// \param counts O_i, e.g. poor people; NaN = missing
/// \param populations P_i, e.g. population; NaN = missing
/// \throws Error when the sizes differ, a value is negative or infinite (the message names the
/// position), or no area has a population > 0.
EmpiricalBayesResult empiricalBayesRates(const std::vector<double>& counts, const std::vector<double>& populations);

/// \brief The EB-smoothed poverty rate in percent (100 · EB_i of miskin over penduduk) for every
/// village with both values and penduduk > 0, keyed by area code. The indicator key
/// `poverty_rate_eb` of the hotspot analysis.
/// \param period empty = the latest period of "miskin"
/// \throws Error when the dataset has no miskin or penduduk values for the period.
std::map<std::string, double> empiricalBayesPovertyRate(const Dataset& ds, const std::string& period = {});

} // namespace gis
