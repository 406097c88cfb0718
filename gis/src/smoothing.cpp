#include "gis/smoothing.h"

#include "gis/error.h"
#include "gis/indicators.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void checkValue(double v, std::size_t i, const char* what)
{
    if (std::isnan(v))
        return;
    if (!std::isfinite(v) || v < 0.0)
        throw Error(fmt::format("Empirical Bayes smoothing: {} at position {} is {}; counts and populations must "
                                "be finite and not negative",
                                what, i, v));
}

} // namespace

EmpiricalBayesResult empiricalBayesRates(const std::vector<double>& counts, const std::vector<double>& populations)
{
    if (counts.size() != populations.size())
        throw Error(fmt::format("Empirical Bayes smoothing: {} counts but {} populations; give one of each per area",
                                counts.size(), populations.size()));
    const std::size_t n = counts.size();
    EmpiricalBayesResult r;
    r.rate.assign(n, kNaN);
    r.rawRate.assign(n, kNaN);
    r.shrinkage.assign(n, kNaN);

    double sumO = 0.0, sumP = 0.0;
    std::vector<bool> used(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        checkValue(counts[i], i, "the count");
        checkValue(populations[i], i, "the population");
        if (std::isnan(counts[i]) || std::isnan(populations[i])) {
            ++r.missing;
            continue;
        }
        if (populations[i] == 0.0) {
            ++r.zeroPopulation;
            continue;
        }
        used[i] = true;
        ++r.used;
        sumO += counts[i];
        sumP += populations[i];
        r.rawRate[i] = counts[i] / populations[i];
    }
    if (r.used == 0)
        throw Error("Empirical Bayes smoothing: no area has both a count and a population above 0");

    const double b = sumO / sumP;
    const double meanP = sumP / static_cast<double>(r.used);
    double ss = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (used[i])
            ss += populations[i] * (r.rawRate[i] - b) * (r.rawRate[i] - b);
    const double s2 = ss / sumP;
    double a = s2 - b / meanP;
    if (a < 0.0) {
        a = 0.0;
        r.varianceClamped = true;
    }
    r.globalRate = b;
    r.meanPopulation = meanP;
    r.rateVariance = s2;
    r.priorVariance = a;
    for (std::size_t i = 0; i < n; ++i) {
        if (!used[i])
            continue;
        const double denominator = a + b / populations[i];
        // b = 0 (no counts anywhere) gives a = 0 too: every rate is 0, shrinkage is moot.
        const double c = denominator > 0.0 ? a / denominator : 0.0;
        r.shrinkage[i] = c;
        r.rate[i] = b + c * (r.rawRate[i] - b);
    }
    return r;
}

std::map<std::string, double> empiricalBayesPovertyRate(const Dataset& ds, const std::string& period)
{
    const std::string p = period.empty() ? latestPeriod(ds, "miskin") : period;
    const std::map<std::string, double> miskin = indicatorValues(ds, "miskin", p);
    const std::map<std::string, double> penduduk = indicatorValues(ds, "penduduk", p);
    std::vector<std::string> codes;
    std::vector<double> counts, populations;
    for (const Area* a : ds.villages()) {
        const auto m = miskin.find(a->code);
        const auto q = penduduk.find(a->code);
        codes.push_back(a->code);
        counts.push_back(m == miskin.end() ? kNaN : m->second);
        populations.push_back(q == penduduk.end() ? kNaN : q->second);
    }
    const EmpiricalBayesResult eb = empiricalBayesRates(counts, populations);
    std::map<std::string, double> out;
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (!std::isnan(eb.rate[i]))
            out[codes[i]] = 100.0 * eb.rate[i];
    return out;
}

} // namespace gis
