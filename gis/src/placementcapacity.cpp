// Capacitated placement on abstract instances: the nearest-first assignment and the search
// that evaluates each candidate set by running it (the local search of detail/placementsearch.h).
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

/// Runs the nearest-first assignment many times on one instance: the reach lists are checked
/// and sorted once, and the buffers are reused between runs.
class NearestFirstAssigner {
public:
    explicit NearestFirstAssigner(const CapacitatedInstance& instance)
            : mDemand(instance.demand), mExisting(instance.existing.size()), mCapacity(instance.capacity)
    {
        if (!(instance.capacity > 0.0))
            throw Error(fmt::format("placement: the capacity must be a positive number of demand units (got {})",
                                    instance.capacity));
        mLists.reserve(instance.existing.size() + instance.candidates.size());
        for (const auto* group : {&instance.existing, &instance.candidates})
            for (const auto& list : *group) {
                for (const FacilityReach& r : list)
                    if (r.point >= mDemand.size())
                        throw Error(fmt::format("placement: a reach list names demand point {} of {}", r.point,
                                                mDemand.size()));
                std::vector<FacilityReach> sorted = list;
                std::sort(sorted.begin(), sorted.end(), [](const FacilityReach& a, const FacilityReach& b) {
                    return a.distance < b.distance || (a.distance == b.distance && a.point < b.point);
                });
                mLists.push_back(std::move(sorted));
            }
        mRemainingDemand.resize(mDemand.size());
        mRemainingCapacity.resize(mLists.size());
    }

    std::size_t candidateCount() const noexcept { return mLists.size() - mExisting; }

    /// Assigns with the existing facilities and \a sites (candidate indices) open; fills \a out
    /// when given. Returns {served, cost}.
    std::pair<double, double> run(const std::vector<std::size_t>& sites, CapacitatedAssignment* out)
    {
        std::size_t needy = resetDemand();
        mHeap.clear();
        for (std::size_t e = 0; e < mExisting; ++e)
            open(e);
        for (std::size_t c : sites) {
            if (c >= candidateCount())
                throw Error(fmt::format("placement: site {} is not one of the {} candidates", c, candidateCount()));
            open(mExisting + c);
        }
        if (out) {
            out->flows.clear();
            out->servedAt.assign(mDemand.size(), 0.0);
            out->servedBy.assign(mLists.size(), 0.0);
        }
        double served = 0.0, cost = 0.0;
        while (!mHeap.empty() && needy > 0) {
            std::pop_heap(mHeap.begin(), mHeap.end(), Later{mLists});
            const Head head = mHeap.back();
            mHeap.pop_back();
            const FacilityReach& r = mLists[head.facility][head.position];
            double& remaining = mRemainingDemand[r.point];
            double& capacity = mRemainingCapacity[head.facility];
            if (remaining > 0.0 && capacity > 0.0) {
                const double amount = std::min(remaining, capacity);
                // Exact zero for whichever ran out (x - x == 0), so no crumbs are left behind.
                remaining = amount == remaining ? 0.0 : remaining - amount;
                capacity = amount == capacity ? 0.0 : capacity - amount;
                if (remaining == 0.0)
                    --needy;
                served += amount;
                cost += amount * r.distance;
                if (out) {
                    out->flows.push_back({head.facility, r.point, amount, r.distance});
                    out->servedAt[r.point] += amount;
                    out->servedBy[head.facility] += amount;
                }
            }
            if (capacity > 0.0 && head.position + 1 < mLists[head.facility].size()) {
                mHeap.push_back({head.facility, head.position + 1});
                std::push_heap(mHeap.begin(), mHeap.end(), Later{mLists});
            }
        }
        if (out) {
            out->served = served;
            out->cost = cost;
        }
        return {served, cost};
    }

private:
    struct Head {
        std::size_t facility;
        std::size_t position;
    };
    /// Heap order: the pair of larger distance (then facility, then point) comes later.
    struct Later {
        const std::vector<std::vector<FacilityReach>>& lists;
        bool operator()(const Head& a, const Head& b) const
        {
            const FacilityReach& ra = lists[a.facility][a.position];
            const FacilityReach& rb = lists[b.facility][b.position];
            if (ra.distance != rb.distance)
                return ra.distance > rb.distance;
            if (a.facility != b.facility)
                return a.facility > b.facility;
            return ra.point > rb.point;
        }
    };

    /// Every point's remaining demand back to its demand (not positive = none); returns how many need some.
    std::size_t resetDemand()
    {
        mRemainingDemand = mDemand;
        std::size_t needy = 0;
        for (double& d : mRemainingDemand) {
            if (!(d > 0.0))
                d = 0.0;
            else
                ++needy;
        }
        return needy;
    }
    void open(std::size_t facility)
    {
        mRemainingCapacity[facility] = mCapacity;
        if (!mLists[facility].empty()) {
            mHeap.push_back({facility, 0});
            std::push_heap(mHeap.begin(), mHeap.end(), Later{mLists});
        }
    }

    std::vector<double> mDemand;
    std::size_t mExisting;
    double mCapacity;
    std::vector<std::vector<FacilityReach>> mLists; ///< existing facilities, then candidates
    std::vector<double> mRemainingDemand;
    std::vector<double> mRemainingCapacity;
    std::vector<Head> mHeap;
};

double totalOf(const std::vector<double>& v)
{
    double total = 0.0;
    for (double x : v)
        if (x > 0.0)
            total += x;
    return total;
}

/// Scores are maximised and compared lexicographically. MaxServed: served demand, then minus
/// the weighted distance (a binding capacity makes many sets serve exactly as much; among them
/// the one nearer its demand). MinCost: minus the penalised cost only.
struct CapacityScore {
    double primary = -kInf;
    double secondary = -kInf;
};

/// The capacitated objective: every candidate set is scored by running the assignment.
class CapacitatedObjective {
public:
    using Value = CapacityScore;
    static constexpr bool kGainsOnlyShrink = false;
    static constexpr detail::Kick kKick = detail::Kick::ReplaceInPlace;

    CapacitatedObjective(const CapacitatedInstance& instance, CapacitatedGoal goal)
            : mAssigner(instance), mGoal(goal), mTotalDemand(totalOf(instance.demand)),
              mPenalty(unservedPenalty(instance)), mOpen(mAssigner.candidateCount(), 0),
              mEpsPrimary(detail::improvementEpsilon(mTotalDemand))
    {
        mCurrent = score(mOpenSites);
    }

    CapacityScore score(const std::vector<std::size_t>& sites)
    {
        const auto [served, cost] = mAssigner.run(sites, nullptr);
        if (mGoal == CapacitatedGoal::MaxServed)
            return {served, -cost};
        return {-(cost + mPenalty * std::max(0.0, mTotalDemand - served)), 0.0};
    }

    std::size_t candidateCount() const noexcept { return mOpen.size(); }
    bool isOpen(std::size_t c) const { return mOpen[c] != 0; }
    const std::vector<std::size_t>& openSites() const noexcept { return mOpenSites; }

    /// The score of the open sites with c added.
    CapacityScore greedyValue(std::size_t c)
    {
        mTrial = mOpenSites;
        mTrial.push_back(c);
        return score(mTrial);
    }
    bool greedyBetter(const CapacityScore& a, const CapacityScore& b) const { return better(a, b); }
    void openSite(std::size_t c)
    {
        mOpen[c] = 1;
        mOpenSites.push_back(c);
    }
    void replaceAt(std::size_t pos, std::size_t c)
    {
        mOpen[mOpenSites[pos]] = 0;
        mOpen[c] = 1;
        mOpenSites[pos] = c;
    }
    void settle() { mCurrent = score(mOpenSites); }
    void beginSwaps()
    {
        mEpsPrimary = detail::improvementEpsilon(mCurrent.primary);
        mEpsSecondary = detail::improvementEpsilon(mCurrent.secondary);
    }

    bool trySwapIn(std::size_t i)
    {
        std::size_t bestPos = mOpenSites.size();
        CapacityScore bestScore;
        for (std::size_t pos = 0; pos < mOpenSites.size(); ++pos) {
            mTrial = mOpenSites;
            mTrial[pos] = i;
            const CapacityScore v = score(mTrial);
            if (bestPos == mOpenSites.size() || better(v, bestScore)) {
                bestScore = v;
                bestPos = pos;
            }
        }
        if (!better(bestScore, mCurrent))
            return false;
        replaceAt(bestPos, i);
        mCurrent = bestScore;
        return true;
    }

    CapacityScore value() const { return mCurrent; }
    bool better(const CapacityScore& a, const CapacityScore& b) const
    {
        if (a.primary > b.primary + mEpsPrimary)
            return true;
        return a.primary >= b.primary - mEpsPrimary && a.secondary > b.secondary + mEpsSecondary;
    }
    void restore(const std::vector<std::size_t>& sites, const CapacityScore& value)
    {
        for (std::size_t c : mOpenSites)
            mOpen[c] = 0;
        mOpenSites = sites;
        for (std::size_t c : mOpenSites)
            mOpen[c] = 1;
        mCurrent = value;
    }
    /// Served demand (MaxServed) or the penalised cost (MinCost).
    double objective() const { return mGoal == CapacitatedGoal::MaxServed ? mCurrent.primary : -mCurrent.primary; }

private:
    NearestFirstAssigner mAssigner;
    CapacitatedGoal mGoal;
    double mTotalDemand;
    double mPenalty;
    std::vector<char> mOpen;
    std::vector<std::size_t> mOpenSites;
    std::vector<std::size_t> mTrial;
    CapacityScore mCurrent;
    double mEpsPrimary;
    double mEpsSecondary = 0.0;
};

} // namespace

CapacitatedAssignment assignNearestFirst(const CapacitatedInstance& instance, const std::vector<std::size_t>& sites)
{
    NearestFirstAssigner assigner(instance);
    CapacitatedAssignment out;
    assigner.run(sites, &out);
    return out;
}

double unservedPenalty(const CapacitatedInstance& instance)
{
    double maxD = 0.0;
    for (const auto* group : {&instance.existing, &instance.candidates})
        for (const auto& list : *group)
            for (const FacilityReach& r : list)
                if (std::isfinite(r.distance))
                    maxD = std::max(maxD, r.distance);
    return 10.0 * maxD + 1.0;
}

SolverResult solveCapacitated(const CapacitatedInstance& instance, std::size_t count, CapacitatedGoal goal,
                              const SolverOptions& options)
{
    CapacitatedObjective objective(instance, goal);
    SolverResult result = detail::searchSites(objective, count, options);

    std::vector<std::size_t> sofar;
    std::vector<std::size_t> trial;
    double sofarValue = objective.score(sofar).primary;
    detail::orderByMarginalGain(
        result.chosen, result.gain,
        [&](std::size_t c) {
            trial = sofar;
            trial.push_back(c);
            return objective.score(trial).primary - sofarValue;
        },
        [&](std::size_t c) {
            sofar.push_back(c);
            sofarValue = objective.score(sofar).primary;
        });
    return result;
}

} // namespace gis
