#pragma once
/// \file placementsearch.h
/// The local search shared by the placement solvers (private to sasaran_gis): a greedy start,
/// then swaps until none helps, then seeded rounds of perturbation + swaps that keep the better
/// set. The solvers (MCLP, p-median, capacitated) differ only in the objective they plug in.
///
/// An Objective owns the open set and its incremental state. It provides:
///   using Value = ...;                               // what is compared (double, or a score)
///   static constexpr bool kGainsOnlyShrink;          // greedy may re-evaluate lazily (MCLP)
///   static constexpr Kick kKick;                     // the perturbation it has always used
///   std::size_t candidateCount() const;
///   bool isOpen(std::size_t c) const;
///   const std::vector<std::size_t>& openSites() const;
///   Value greedyValue(std::size_t c);                // worth of opening c now (gain or score)
///   bool greedyBetter(const Value& a, const Value& b) const;
///   void openSite(std::size_t c);                    // closeSite(j) too for Kick::RemoveThenRefill,
///   void closeSite(std::size_t j);                   // replaceAt(pos, c) for Kick::ReplaceInPlace
///   void settle();                                   // after the greedy start and after a kick
///   void beginSwaps();                               // fixes the improvement tolerance
///   bool trySwapIn(std::size_t i);                   // best swap bringing closed i in, made if it improves
///   Value value() const;                             // current objective, larger is better
///   bool better(const Value& a, const Value& b) const;
///   void restore(const std::vector<std::size_t>& sites, const Value& value);
///   double objective() const;                        // SolverResult::objective of the current set
/// All of this runs on the caller's thread; nothing is shared between calls.
#include "gis/placement.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <utility>
#include <vector>

namespace gis::detail {

/// How the iterated local search perturbs the open set. Both move up to a quarter of the sites
/// (at least one); each solver keeps the variant it always had so seeded runs stay reproducible.
enum class Kick {
    RemoveThenRefill, ///< close k random open sites, then open random closed candidates until full
    ReplaceInPlace    ///< k times: one random open site moves to a random closed candidate
};

/// Indices 0..n-1 shuffled by an explicit Fisher-Yates with mt19937_64 (portable).
inline std::vector<std::size_t> shuffledOrder(std::size_t n, std::uint64_t seed)
{
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 rng(seed);
    for (std::size_t i = n; i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

/// The smallest change counted as an improvement of an objective of size \a scale.
inline double improvementEpsilon(double scale)
{
    return 1e-9 * std::max(1.0, std::fabs(scale));
}

/// Where a search may stop (SolverOptions::control): throws PlacementCancelled once a stop is
/// requested and, for \a fraction >= 0 (of the search), reports progress.
inline void checkpoint(const SolverOptions& options, double fraction = -1.0)
{
    const PlacementControl* control = options.control;
    if (!control)
        return;
    if (control->stop.stop_requested())
        throw PlacementCancelled();
    if (fraction >= 0.0 && control->progress)
        control->progress(options.progressFrom + (options.progressTo - options.progressFrom) * std::min(1.0, fraction));
}

/// Orders sites by marginal gain: each next the one adding most to those before it (ties: the
/// lower index). \a gainOf(site) returns the gain given the state; \a add(site) updates the state.
template <typename GainFn, typename AddFn>
void orderByMarginalGain(std::vector<std::size_t>& sites, std::vector<double>& gains, GainFn gainOf, AddFn add)
{
    std::vector<std::size_t> remaining = sites;
    sites.clear();
    gains.clear();
    while (!remaining.empty()) {
        std::size_t bestPos = 0;
        double best = -std::numeric_limits<double>::infinity();
        for (std::size_t p = 0; p < remaining.size(); ++p) {
            const double g = gainOf(remaining[p]);
            if (g > best || (g == best && remaining[p] < remaining[bestPos])) {
                best = g;
                bestPos = p;
            }
        }
        sites.push_back(remaining[bestPos]);
        gains.push_back(best);
        add(remaining[bestPos]);
        remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(bestPos));
    }
}

/// Greedy start: until \a count are open, open the closed candidate worth most (ties: the lower
/// index). With gains that only shrink as sites open, stale gains in a heap are upper bounds,
/// so re-evaluating only the top gives the same choice with far fewer evaluations.
template <typename Objective>
void openGreedily(Objective& obj, std::size_t count, const SolverOptions& options)
{
    // the greedy start is the first 30 % of the search's progress
    auto opened = [&] {
        checkpoint(options, 0.3 * double(obj.openSites().size()) / double(std::max<std::size_t>(1, count)));
    };
    const std::size_t n = obj.candidateCount();
    if constexpr (Objective::kGainsOnlyShrink) {
        using Entry = std::pair<typename Objective::Value, std::size_t>;
        auto worse = [](const Entry& a, const Entry& b) {
            return a.first < b.first || (a.first == b.first && a.second > b.second);
        };
        std::priority_queue<Entry, std::vector<Entry>, decltype(worse)> heap(worse);
        for (std::size_t i = 0; i < n; ++i)
            heap.emplace(obj.greedyValue(i), i);
        while (obj.openSites().size() < count && !heap.empty()) {
            const Entry top = heap.top();
            heap.pop();
            const auto g = obj.greedyValue(top.second);
            if (heap.empty() || g > heap.top().first || (g == heap.top().first && top.second < heap.top().second)) {
                obj.openSite(top.second);
                opened();
            } else
                heap.emplace(g, top.second);
        }
    } else {
        while (obj.openSites().size() < count) {
            std::size_t best = n;
            typename Objective::Value bestValue{};
            for (std::size_t c = 0; c < n; ++c) {
                if (obj.isOpen(c))
                    continue;
                checkpoint(options);
                const auto v = obj.greedyValue(c);
                if (best == n || obj.greedyBetter(v, bestValue)) {
                    bestValue = v;
                    best = c;
                }
            }
            if (best == n)
                break;
            obj.openSite(best);
            opened();
        }
    }
    obj.settle();
}

/// Swaps until none helps: scans the closed candidates in \a order, each time making the best
/// swap that brings one in if it improves. Returns the number of swaps made.
template <typename Objective>
std::size_t swapUntilNoneHelps(Objective& obj, const std::vector<std::size_t>& order, const SolverOptions& options)
{
    std::size_t swaps = 0;
    bool improved = true;
    for (int pass = 0; improved && pass < 10000; ++pass) {
        improved = false;
        for (std::size_t i : order) {
            checkpoint(options);
            if (obj.isOpen(i) || !obj.trySwapIn(i))
                continue;
            ++swaps;
            improved = true;
        }
    }
    return swaps;
}

/// The perturbation: up to a quarter of the open sites (at least one) move, as \a Objective::kKick says.
template <typename Objective>
void kick(Objective& obj, std::mt19937_64& rng)
{
    const std::size_t n = obj.candidateCount();
    const std::size_t size = obj.openSites().size();
    const std::size_t k = 1 + static_cast<std::size_t>(rng() % std::max<std::size_t>(1, size / 4));
    if constexpr (Objective::kKick == Kick::RemoveThenRefill) {
        for (std::size_t r = 0; r < k && !obj.openSites().empty(); ++r)
            obj.closeSite(obj.openSites()[static_cast<std::size_t>(rng() % obj.openSites().size())]);
        while (obj.openSites().size() < size) {
            const std::size_t c = static_cast<std::size_t>(rng() % n);
            if (!obj.isOpen(c))
                obj.openSite(c);
        }
    } else {
        for (std::size_t r = 0; r < k; ++r) {
            const std::size_t pos = static_cast<std::size_t>(rng() % size);
            std::size_t c = static_cast<std::size_t>(rng() % n);
            while (obj.isOpen(c))
                c = static_cast<std::size_t>(rng() % n);
            obj.replaceAt(pos, c);
        }
    }
    obj.settle();
}

/// The whole search: greedy start, swaps, then options.perturbations rounds of kick + swaps,
/// keeping the best set. Fills chosen (unordered: the open set), greedyObjective, objective and
/// swaps (all swaps made, in kept rounds or not); the caller orders the sites by marginal gain.
template <typename Objective>
SolverResult searchSites(Objective& obj, std::size_t count, const SolverOptions& options)
{
    SolverResult result;
    checkpoint(options, 0.0);
    openGreedily(obj, std::min(count, obj.candidateCount()), options);
    result.greedyObjective = obj.objective();
    if (options.swap && !obj.openSites().empty() && obj.openSites().size() < obj.candidateCount()) {
        obj.beginSwaps();
        const std::vector<std::size_t> order = shuffledOrder(obj.candidateCount(), options.seed);
        result.swaps += swapUntilNoneHelps(obj, order, options);
        checkpoint(options, 0.4);
        std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
        auto best = obj.value();
        std::vector<std::size_t> bestSites = obj.openSites();
        for (int round = 0; round < options.perturbations; ++round) {
            kick(obj, rng);
            result.swaps += swapUntilNoneHelps(obj, order, options);
            const auto now = obj.value();
            if (obj.better(now, best)) {
                best = now;
                bestSites = obj.openSites();
            } else {
                obj.restore(bestSites, best);
            }
            checkpoint(options, 0.4 + 0.6 * double(round + 1) / double(options.perturbations));
        }
    }
    checkpoint(options, 1.0);
    result.objective = obj.objective();
    result.chosen = obj.openSites();
    return result;
}

} // namespace gis::detail
