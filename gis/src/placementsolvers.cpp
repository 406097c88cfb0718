// Index-only placement solvers: maximal covering (MCLP) and p-median on abstract instances,
// both through the one local search of detail/placementsearch.h, and the 2SFCA access ratio.
#include "gis/placement.h"

#include "detail/placementsearch.h"

#include "gis/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// MCLP state: how many open sites cover each point (cnt) and, while one does, which (sumId is
/// the sum of the covering sites' ids, so it is that site's id when cnt == 1); loss[j] is the
/// demand only site j covers, lost if j closes.
class MaxCoverObjective {
public:
    using Value = double;
    static constexpr bool kGainsOnlyShrink = true;
    static constexpr detail::Kick kKick = detail::Kick::RemoveThenRefill;

    MaxCoverObjective(const CoverageInstance& instance, const std::vector<double>& weight, double base)
            : mCovers(instance.covers), mWeight(weight), mBase(base), mCount(weight.size(), 0),
              mSumId(weight.size(), 0), mLoss(instance.covers.size(), 0.0), mOpen(instance.covers.size(), 0),
              mOverlap(instance.covers.size(), 0.0)
    {}

    std::size_t candidateCount() const noexcept { return mCovers.size(); }
    bool isOpen(std::size_t c) const { return mOpen[c] != 0; }
    const std::vector<std::size_t>& openSites() const noexcept { return mOpenSites; }

    double greedyValue(std::size_t i) const
    {
        double g = 0.0;
        for (std::uint32_t d : mCovers[i])
            if (mCount[d] == 0)
                g += mWeight[d];
        return g;
    }
    bool greedyBetter(double a, double b) const { return a > b; }

    void openSite(std::size_t i)
    {
        for (std::uint32_t d : mCovers[i]) {
            if (mCount[d] == 1)
                mLoss[static_cast<std::size_t>(mSumId[d])] -= mWeight[d];
            ++mCount[d];
            mSumId[d] += i;
            if (mCount[d] == 1)
                mLoss[i] += mWeight[d];
        }
        mOpen[i] = 1;
        mOpenSites.push_back(i);
    }
    void closeSite(std::size_t j)
    {
        for (std::uint32_t d : mCovers[j]) {
            --mCount[d];
            mSumId[d] -= j;
            if (mCount[d] == 1)
                mLoss[static_cast<std::size_t>(mSumId[d])] += mWeight[d];
        }
        mLoss[j] = 0.0;
        mOpen[j] = 0;
        mOpenSites.erase(std::find(mOpenSites.begin(), mOpenSites.end(), j));
    }
    void settle() {}
    void beginSwaps() { mEps = detail::improvementEpsilon(objective()); }

    bool trySwapIn(std::size_t i)
    {
        double gain = 0.0;
        for (std::uint32_t d : mCovers[i]) {
            if (mCount[d] == 0) {
                gain += mWeight[d];
            } else if (mCount[d] == 1 && mWeight[d] > 0.0) {
                const auto j = static_cast<std::size_t>(mSumId[d]);
                if (mOverlap[j] == 0.0)
                    mTouched.push_back(j);
                mOverlap[j] += mWeight[d];
            }
        }
        std::size_t bestOut = mOpenSites.front();
        double bestDelta = -kInf;
        for (std::size_t j : mOpenSites) {
            const double delta = gain + mOverlap[j] - mLoss[j];
            if (delta > bestDelta) {
                bestDelta = delta;
                bestOut = j;
            }
        }
        for (std::size_t j : mTouched)
            mOverlap[j] = 0.0;
        mTouched.clear();
        if (!(bestDelta > mEps))
            return false;
        closeSite(bestOut);
        openSite(i);
        return true;
    }

    double value() const { return objective(); }
    bool better(double a, double b) const { return a > b + mEps; }
    void restore(const std::vector<std::size_t>& sites, double /*value*/)
    {
        while (!mOpenSites.empty())
            closeSite(mOpenSites.back());
        for (std::size_t c : sites)
            openSite(c);
    }
    /// Covered demand, what the existing facilities cover included.
    double objective() const
    {
        double total = mBase;
        for (std::size_t d = 0; d < mWeight.size(); ++d)
            if (mCount[d] > 0)
                total += mWeight[d];
        return total;
    }

private:
    const std::vector<std::vector<std::uint32_t>>& mCovers;
    const std::vector<double>& mWeight;
    double mBase;
    std::vector<std::uint32_t> mCount;
    std::vector<std::uint64_t> mSumId;
    std::vector<double> mLoss;
    std::vector<char> mOpen;
    std::vector<std::size_t> mOpenSites;
    std::vector<double> mOverlap; ///< scratch of trySwapIn, zero between calls
    std::vector<std::size_t> mTouched;
    double mEps = 0.0;
};

/// The penalty distance used inside the p-median solver for "no facility": above every real distance.
double medianPenalty(const MedianInstance& instance)
{
    double maxD = 0.0;
    for (double v : instance.distance)
        maxD = std::max(maxD, v);
    for (double v : instance.existingDistance)
        if (std::isfinite(v))
            maxD = std::max(maxD, v);
    return 10.0 * maxD + 1.0;
}

/// p-median state (fast interchange): each point's nearest (d1, f1) and second nearest (d2)
/// facility, f1 == candidateCount() for an existing one; baseLoss[s] is what closing s costs.
class MedianObjective {
public:
    using Value = double;
    static constexpr bool kGainsOnlyShrink = false;
    static constexpr detail::Kick kKick = detail::Kick::ReplaceInPlace;

    MedianObjective(const MedianInstance& instance, std::vector<double> existing, double penalty)
            : mInstance(instance), mW(instance.demand), mNd(instance.demand.size()), mNc(instance.candidateCount),
              mPenalty(penalty), mExisting(std::move(existing)), mOpen(mNc, 0), mD1(mExisting), mD2(mNd), mF1(mNd, mNc),
              mBaseLoss(mNc, 0.0), mAdjust(mNc, 0.0)
    {}

    std::size_t candidateCount() const noexcept { return mNc; }
    bool isOpen(std::size_t c) const { return mOpen[c] != 0; }
    const std::vector<std::size_t>& openSites() const noexcept { return mOpenSites; }

    /// Reduction of the weighted distance if c opened now.
    double greedyValue(std::size_t c) const
    {
        double g = 0.0;
        for (std::size_t d = 0; d < mNd; ++d)
            g += mW[d] * std::max(0.0, mD1[d] - dist(c, d));
        return g;
    }
    bool greedyBetter(double a, double b) const { return a > b; }
    /// Greedy only: the nearest distances follow at once; settle() rebuilds the rest.
    void openSite(std::size_t c)
    {
        mOpen[c] = 1;
        mOpenSites.push_back(c);
        for (std::size_t d = 0; d < mNd; ++d)
            mD1[d] = std::min(mD1[d], dist(c, d));
    }
    void replaceAt(std::size_t pos, std::size_t c)
    {
        mOpen[mOpenSites[pos]] = 0;
        mOpen[c] = 1;
        mOpenSites[pos] = c;
    }
    void settle()
    {
        for (std::size_t d = 0; d < mNd; ++d) {
            double a = mExisting[d], b = mPenalty;
            std::size_t fa = mNc;
            for (std::size_t s : mOpenSites) {
                const double v = dist(s, d);
                if (v < a) {
                    b = a;
                    a = v;
                    fa = s;
                } else if (v < b) {
                    b = v;
                }
            }
            mD1[d] = a;
            mD2[d] = b;
            mF1[d] = fa;
        }
        // Loss of closing each open site: its points fall back to their second nearest.
        for (std::size_t s : mOpenSites)
            mBaseLoss[s] = 0.0;
        for (std::size_t d = 0; d < mNd; ++d)
            if (mF1[d] < mNc)
                mBaseLoss[mF1[d]] += mW[d] * (mD2[d] - mD1[d]);
    }
    void beginSwaps() { mEps = detail::improvementEpsilon(objective()); }

    bool trySwapIn(std::size_t i)
    {
        double profit = 0.0;
        for (std::size_t j : mOpenSites)
            mAdjust[j] = 0.0;
        for (std::size_t d = 0; d < mNd; ++d) {
            const double v = dist(i, d);
            if (v < mD1[d]) {
                profit += mW[d] * (mD1[d] - v);
                if (mF1[d] < mNc)
                    mAdjust[mF1[d]] += mW[d] * (mD2[d] - mD1[d]);
            } else if (v < mD2[d] && mF1[d] < mNc) {
                mAdjust[mF1[d]] += mW[d] * (mD2[d] - v);
            }
        }
        std::size_t bestOut = mOpenSites.front();
        double bestDelta = -kInf;
        for (std::size_t j : mOpenSites) {
            const double delta = profit - (mBaseLoss[j] - mAdjust[j]);
            if (delta > bestDelta) {
                bestDelta = delta;
                bestOut = j;
            }
        }
        if (!(bestDelta > mEps))
            return false;
        mOpen[bestOut] = 0;
        mOpen[i] = 1;
        *std::find(mOpenSites.begin(), mOpenSites.end(), bestOut) = i;
        settle();
        return true;
    }

    /// Minus the weighted distance, so that larger is better.
    double value() const { return -objective(); }
    bool better(double a, double b) const { return a > b + mEps; }
    void restore(const std::vector<std::size_t>& sites, double /*value*/)
    {
        for (std::size_t c : mOpenSites)
            mOpen[c] = 0;
        mOpenSites = sites;
        for (std::size_t c : mOpenSites)
            mOpen[c] = 1;
        settle();
    }
    /// Demand-weighted distance to the nearest facility (the penalty where none).
    double objective() const
    {
        double total = 0.0;
        for (std::size_t d = 0; d < mNd; ++d)
            total += mW[d] * mD1[d];
        return total;
    }

private:
    double dist(std::size_t c, std::size_t d) const { return mInstance.distance[c * mNd + d]; }

    const MedianInstance& mInstance;
    const std::vector<double>& mW;
    std::size_t mNd;
    std::size_t mNc;
    double mPenalty;
    std::vector<double> mExisting;
    std::vector<char> mOpen;
    std::vector<std::size_t> mOpenSites;
    std::vector<double> mD1, mD2;
    std::vector<std::size_t> mF1;
    std::vector<double> mBaseLoss, mAdjust;
    double mEps = 0.0;
};

} // namespace

// ---------------------------------------------------------------------------------------
// Maximal covering
// ---------------------------------------------------------------------------------------

double coveredDemand(const CoverageInstance& instance, const std::vector<std::size_t>& sites)
{
    const std::size_t n = instance.demand.size();
    std::vector<char> covered(n, 0);
    for (std::size_t d = 0; d < n && d < instance.alreadyCovered.size(); ++d)
        covered[d] = instance.alreadyCovered[d];
    for (std::size_t s : sites)
        for (std::uint32_t d : instance.covers.at(s))
            covered.at(d) = 1;
    double total = 0.0;
    for (std::size_t d = 0; d < n; ++d)
        if (covered[d])
            total += instance.demand[d];
    return total;
}

SolverResult solveMaxCover(const CoverageInstance& instance, std::size_t count, const SolverOptions& options)
{
    const std::size_t nDemand = instance.demand.size();
    for (const auto& list : instance.covers)
        for (std::uint32_t d : list)
            if (d >= nDemand)
                throw Error(fmt::format("placement: a coverage list names demand point {} of {}", d, nDemand));
    // Effective weight: demand that existing facilities cover is already counted.
    std::vector<double> w(nDemand);
    double base = 0.0;
    for (std::size_t d = 0; d < nDemand; ++d) {
        const bool pre = d < instance.alreadyCovered.size() && instance.alreadyCovered[d];
        w[d] = pre ? 0.0 : instance.demand[d];
        if (pre)
            base += instance.demand[d];
    }
    MaxCoverObjective objective(instance, w, base);
    SolverResult result = detail::searchSites(objective, count, options);

    // Order by marginal gain, from the existing coverage.
    std::vector<char> cov(nDemand, 0);
    detail::orderByMarginalGain(
        result.chosen, result.gain,
        [&](std::size_t i) {
            double g = 0.0;
            for (std::uint32_t d : instance.covers[i])
                if (!cov[d])
                    g += w[d];
            return g;
        },
        [&](std::size_t i) {
            for (std::uint32_t d : instance.covers[i])
                cov[d] = 1;
        });
    return result;
}

// ---------------------------------------------------------------------------------------
// p-median
// ---------------------------------------------------------------------------------------

double medianCost(const MedianInstance& instance, const std::vector<std::size_t>& sites)
{
    const std::size_t n = instance.demand.size();
    double total = 0.0;
    for (std::size_t d = 0; d < n; ++d) {
        double best = d < instance.existingDistance.size() ? instance.existingDistance[d] : kInf;
        for (std::size_t s : sites)
            best = std::min(best, instance.distance.at(s * n + d));
        if (std::isfinite(best))
            total += instance.demand[d] * best;
    }
    return total;
}

SolverResult solvePMedian(const MedianInstance& instance, std::size_t count, const SolverOptions& options)
{
    const std::size_t nD = instance.demand.size();
    const std::size_t nC = instance.candidateCount;
    if (instance.distance.size() != nC * nD)
        throw Error(fmt::format("placement: the distance matrix has {} values, not {} candidates x {} points",
                                instance.distance.size(), nC, nD));
    const double penalty = medianPenalty(instance);
    std::vector<double> existing(nD, penalty);
    for (std::size_t d = 0; d < nD && d < instance.existingDistance.size(); ++d)
        if (std::isfinite(instance.existingDistance[d]))
            existing[d] = std::min(penalty, instance.existingDistance[d]);
    const std::vector<double>& w = instance.demand;
    auto dist = [&](std::size_t c, std::size_t d) { return instance.distance[c * nD + d]; };

    MedianObjective objective(instance, existing, penalty);
    SolverResult result = detail::searchSites(objective, count, options);

    std::vector<double> now = existing;
    detail::orderByMarginalGain(
        result.chosen, result.gain,
        [&](std::size_t c) {
            double g = 0.0;
            for (std::size_t d = 0; d < nD; ++d)
                g += w[d] * std::max(0.0, now[d] - dist(c, d));
            return g;
        },
        [&](std::size_t c) {
            for (std::size_t d = 0; d < nD; ++d)
                now[d] = std::min(now[d], dist(c, d));
        });
    return result;
}

// ---------------------------------------------------------------------------------------
// 2SFCA
// ---------------------------------------------------------------------------------------

std::vector<double> accessRatio2sfca(const std::vector<double>& demand,
                                     const std::vector<std::vector<std::uint32_t>>& facilityCovers)
{
    std::vector<double> access(demand.size(), 0.0);
    for (const auto& list : facilityCovers) {
        double reached = 0.0;
        for (std::uint32_t d : list)
            reached += demand.at(d);
        if (!(reached > 0.0))
            continue;
        const double ratio = 1000.0 / reached;
        for (std::uint32_t d : list)
            access[d] += ratio;
    }
    return access;
}

} // namespace gis
