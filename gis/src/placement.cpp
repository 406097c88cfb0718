#include "gis/placement.h"

#include "detail/gpkgwriter.h"
#include "detail/textfile.h"

#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/network.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <sstream>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Indices 0..n-1 shuffled by an explicit Fisher-Yates with mt19937_64 (portable).
std::vector<std::size_t> shuffledOrder(std::size_t n, std::uint64_t seed)
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

double improvementEpsilon(double scale) { return 1e-9 * std::max(1.0, std::fabs(scale)); }




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

namespace {

/// Orders sites by marginal gain: each next the one adding most to those before it.
/// \a gainOf(site, state) returns the gain given the state; \a add(site) updates the state.
template <typename GainFn, typename AddFn>
void orderByMarginalGain(std::vector<std::size_t>& sites, std::vector<double>& gains, GainFn gainOf, AddFn add)
{
    std::vector<std::size_t> remaining = sites;
    sites.clear();
    gains.clear();
    while (!remaining.empty()) {
        std::size_t bestPos = 0;
        double best = -kInf;
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

} // namespace

SolverResult solveMaxCover(const CoverageInstance& instance, std::size_t count, const SolverOptions& options)
{
    const std::size_t nDemand = instance.demand.size();
    const std::size_t nCand = instance.covers.size();
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
    count = std::min(count, nCand);

    std::vector<std::uint32_t> cnt(nDemand, 0);
    std::vector<std::uint64_t> sumId(nDemand, 0);
    std::vector<double> loss(nCand, 0.0);
    std::vector<char> open(nCand, 0);
    std::vector<std::size_t> openSites;

    auto gainOf = [&](std::size_t i) {
        double g = 0.0;
        for (std::uint32_t d : instance.covers[i])
            if (cnt[d] == 0)
                g += w[d];
        return g;
    };
    auto addSite = [&](std::size_t i) {
        for (std::uint32_t d : instance.covers[i]) {
            if (cnt[d] == 1)
                loss[static_cast<std::size_t>(sumId[d])] -= w[d];
            ++cnt[d];
            sumId[d] += i;
            if (cnt[d] == 1)
                loss[i] += w[d];
        }
        open[i] = 1;
        openSites.push_back(i);
    };
    auto removeSite = [&](std::size_t j) {
        for (std::uint32_t d : instance.covers[j]) {
            --cnt[d];
            sumId[d] -= j;
            if (cnt[d] == 1)
                loss[static_cast<std::size_t>(sumId[d])] += w[d];
        }
        loss[j] = 0.0;
        open[j] = 0;
        openSites.erase(std::find(openSites.begin(), openSites.end(), j));
    };

    // Greedy, lazily re-evaluated (coverage gains only shrink as sites are added).
    using Entry = std::pair<double, std::size_t>;
    auto worse = [](const Entry& a, const Entry& b) { return a.first < b.first || (a.first == b.first && a.second > b.second); };
    std::priority_queue<Entry, std::vector<Entry>, decltype(worse)> heap(worse);
    for (std::size_t i = 0; i < nCand; ++i)
        heap.emplace(gainOf(i), i);
    while (openSites.size() < count && !heap.empty()) {
        Entry top = heap.top();
        heap.pop();
        const double g = gainOf(top.second);
        if (heap.empty() || g > heap.top().first || (g == heap.top().first && top.second < heap.top().second)) {
            addSite(top.second);
        } else {
            heap.emplace(g, top.second);
        }
    }
    auto objectiveNow = [&] {
        double total = base;
        for (std::size_t d = 0; d < nDemand; ++d)
            if (cnt[d] > 0)
                total += w[d];
        return total;
    };
    SolverResult result;
    result.greedyObjective = objectiveNow();

    if (options.swap && !openSites.empty() && openSites.size() < nCand) {
        const double eps = improvementEpsilon(result.greedyObjective);
        const std::vector<std::size_t> order = shuffledOrder(nCand, options.seed);
        std::vector<double> overlap(nCand, 0.0);
        std::vector<std::size_t> touched;
        auto localSearch = [&] {
            bool improved = true;
            for (int pass = 0; improved && pass < 10000; ++pass) {
                improved = false;
                for (std::size_t i : order) {
                    if (open[i])
                        continue;
                    double gain = 0.0;
                    for (std::uint32_t d : instance.covers[i]) {
                        if (cnt[d] == 0) {
                            gain += w[d];
                        } else if (cnt[d] == 1 && w[d] > 0.0) {
                            const auto j = static_cast<std::size_t>(sumId[d]);
                            if (overlap[j] == 0.0)
                                touched.push_back(j);
                            overlap[j] += w[d];
                        }
                    }
                    std::size_t bestOut = openSites.front();
                    double bestDelta = -kInf;
                    for (std::size_t j : openSites) {
                        const double delta = gain + overlap[j] - loss[j];
                        if (delta > bestDelta) {
                            bestDelta = delta;
                            bestOut = j;
                        }
                    }
                    for (std::size_t j : touched)
                        overlap[j] = 0.0;
                    touched.clear();
                    if (bestDelta > eps) {
                        removeSite(bestOut);
                        addSite(i);
                        ++result.swaps;
                        improved = true;
                    }
                }
            }
        };
        localSearch();
        // Iterated local search: replace a few random sites, swap again, keep what is better.
        std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
        double best = objectiveNow();
        std::vector<std::size_t> bestSites = openSites;
        for (int round = 0; round < options.perturbations; ++round) {
            const std::size_t k = 1 + static_cast<std::size_t>(rng() % std::max<std::size_t>(1, openSites.size() / 4));
            for (std::size_t r = 0; r < k && openSites.size() > 0; ++r)
                removeSite(openSites[static_cast<std::size_t>(rng() % openSites.size())]);
            while (openSites.size() < bestSites.size()) {
                const std::size_t c = static_cast<std::size_t>(rng() % nCand);
                if (!open[c])
                    addSite(c);
            }
            localSearch();
            const double now = objectiveNow();
            if (now > best + eps) {
                best = now;
                bestSites = openSites;
            } else {
                while (!openSites.empty())
                    removeSite(openSites.back());
                for (std::size_t c : bestSites)
                    addSite(c);
            }
        }
    }

    // Order by marginal gain, from the existing coverage.
    std::vector<char> cov(nDemand, 0);
    result.chosen = openSites;
    orderByMarginalGain(
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
    result.objective = objectiveNow();
    return result;
}

std::vector<std::vector<std::uint32_t>> coverageLists(const std::vector<Point>& candidates,
                                                      const std::vector<Point>& demandPoints, double radiusKm,
                                                      unsigned threads)
{
    if (!(radiusKm > 0.0) || !std::isfinite(radiusKm))
        throw Error(fmt::format("placement: the radius must be a positive number of km (got {})", radiusKm));
    std::vector<std::vector<std::uint32_t>> out(candidates.size());
    if (demandPoints.empty())
        return out;
    // A degree of latitude is at least 110.57 km on WGS 84; 110 leaves a margin.
    const double dLat = radiusKm / 110.0;
    const double cell = std::max(dLat, 1e-4);
    auto cellOf = [&](double v) { return static_cast<long long>(std::floor(v / cell)); };
    auto key = [](long long ix, long long iy) { return (ix << 32) ^ (iy & 0xffffffffLL); };
    std::unordered_map<long long, std::vector<std::uint32_t>> grid;
    for (std::size_t d = 0; d < demandPoints.size(); ++d)
        grid[key(cellOf(demandPoints[d].x), cellOf(demandPoints[d].y))].push_back(static_cast<std::uint32_t>(d));
    const double radiusM = radiusKm * 1000.0;

    auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
            const Point p = candidates[c];
            const double maxLat = std::min(89.999, std::fabs(p.y) + dLat);
            const double cosLat = std::cos(maxLat * 3.14159265358979323846 / 180.0);
            // A degree of longitude is at least 111.32 cos(lat) km (the parallel's length).
            const double dLon = cosLat > 1e-6 ? radiusKm / (111.0 * cosLat) : 360.0;
            std::vector<std::uint32_t>& list = out[c];
            if (dLon >= 180.0) {
                for (std::size_t d = 0; d < demandPoints.size(); ++d)
                    if (geodesicDistanceM(p, demandPoints[d]) <= radiusM)
                        list.push_back(static_cast<std::uint32_t>(d));
                continue;
            }
            for (long long ix = cellOf(p.x - dLon); ix <= cellOf(p.x + dLon); ++ix)
                for (long long iy = cellOf(p.y - dLat); iy <= cellOf(p.y + dLat); ++iy) {
                    auto it = grid.find(key(ix, iy));
                    if (it == grid.end())
                        continue;
                    for (std::uint32_t d : it->second) {
                        const Point q = demandPoints[d];
                        if (std::fabs(q.y - p.y) > dLat || std::fabs(q.x - p.x) > dLon)
                            continue;
                        if (geodesicDistanceM(p, q) <= radiusM)
                            list.push_back(d);
                    }
                }
            std::sort(list.begin(), list.end());
        }
    };
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, candidates.size() / 64)));
    if (threads <= 1) {
        work(0, candidates.size());
    } else {
        std::vector<std::thread> pool;
        const std::size_t chunk = (candidates.size() + threads - 1) / threads;
        for (unsigned t = 0; t < threads; ++t) {
            const std::size_t b = std::min(candidates.size(), t * chunk);
            const std::size_t e = std::min(candidates.size(), b + chunk);
            pool.emplace_back(work, b, e);
        }
        for (auto& th : pool)
            th.join();
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// p-median
// ---------------------------------------------------------------------------------------

namespace {

/// The perturbation of the iterated local search: up to a quarter of the open sites (at least
/// one) move to random closed candidates.
void kickSites(std::mt19937_64& rng, std::vector<std::size_t>& openSites, std::vector<char>& open)
{
    const std::size_t k = 1 + static_cast<std::size_t>(rng() % std::max<std::size_t>(1, openSites.size() / 4));
    for (std::size_t r = 0; r < k; ++r) {
        const std::size_t pos = static_cast<std::size_t>(rng() % openSites.size());
        std::size_t c = static_cast<std::size_t>(rng() % open.size());
        while (open[c])
            c = static_cast<std::size_t>(rng() % open.size());
        open[openSites[pos]] = 0;
        open[c] = 1;
        openSites[pos] = c;
    }
}

/// The penalty distance used inside the solver for "no facility": above every real distance.
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

} // namespace

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
    count = std::min(count, nC);
    const double penalty = medianPenalty(instance);
    std::vector<double> existing(nD, penalty);
    for (std::size_t d = 0; d < nD && d < instance.existingDistance.size(); ++d)
        if (std::isfinite(instance.existingDistance[d]))
            existing[d] = std::min(penalty, instance.existingDistance[d]);
    const std::vector<double>& w = instance.demand;
    auto dist = [&](std::size_t c, std::size_t d) { return instance.distance[c * nD + d]; };

    std::vector<char> open(nC, 0);
    std::vector<std::size_t> openSites;
    std::vector<double> cur = existing;
    // Greedy.
    while (openSites.size() < count) {
        std::size_t best = nC;
        double bestGain = -1.0;
        for (std::size_t c = 0; c < nC; ++c) {
            if (open[c])
                continue;
            double g = 0.0;
            for (std::size_t d = 0; d < nD; ++d)
                g += w[d] * std::max(0.0, cur[d] - dist(c, d));
            if (g > bestGain) {
                bestGain = g;
                best = c;
            }
        }
        if (best == nC)
            break;
        open[best] = 1;
        openSites.push_back(best);
        for (std::size_t d = 0; d < nD; ++d)
            cur[d] = std::min(cur[d], dist(best, d));
    }
    auto costNow = [&] {
        double total = 0.0;
        for (std::size_t d = 0; d < nD; ++d)
            total += w[d] * cur[d];
        return total;
    };
    SolverResult result;
    result.greedyObjective = costNow();

    if (options.swap && !openSites.empty() && openSites.size() < nC) {
        // Nearest (d1, f1) and second nearest (d2) facility of each point; f1 == nC = existing.
        std::vector<double> d1(nD), d2(nD);
        std::vector<std::size_t> f1(nD);
        std::vector<double> baseLoss(nC, 0.0), adjust(nC, 0.0);
        auto refresh = [&] {
            for (std::size_t d = 0; d < nD; ++d) {
                double a = existing[d], b = penalty;
                std::size_t fa = nC;
                for (std::size_t s : openSites) {
                    const double v = dist(s, d);
                    if (v < a) {
                        b = a;
                        a = v;
                        fa = s;
                    } else if (v < b) {
                        b = v;
                    }
                }
                d1[d] = a;
                d2[d] = b;
                f1[d] = fa;
            }
            // Loss of closing each open site: its points fall back to their second nearest.
            for (std::size_t s : openSites)
                baseLoss[s] = 0.0;
            for (std::size_t d = 0; d < nD; ++d)
                if (f1[d] < nC)
                    baseLoss[f1[d]] += w[d] * (d2[d] - d1[d]);
        };
        refresh();
        const double eps = improvementEpsilon(result.greedyObjective);
        const std::vector<std::size_t> order = shuffledOrder(nC, options.seed);
        auto localSearch = [&] {
            bool improved = true;
            for (int pass = 0; improved && pass < 10000; ++pass) {
                improved = false;
                for (std::size_t i : order) {
                    if (open[i])
                        continue;
                    double profit = 0.0;
                    for (std::size_t j : openSites)
                        adjust[j] = 0.0;
                    for (std::size_t d = 0; d < nD; ++d) {
                        const double v = dist(i, d);
                        if (v < d1[d]) {
                            profit += w[d] * (d1[d] - v);
                            if (f1[d] < nC)
                                adjust[f1[d]] += w[d] * (d2[d] - d1[d]);
                        } else if (v < d2[d] && f1[d] < nC) {
                            adjust[f1[d]] += w[d] * (d2[d] - v);
                        }
                    }
                    std::size_t bestOut = openSites.front();
                    double bestDelta = -kInf;
                    for (std::size_t j : openSites) {
                        const double delta = profit - (baseLoss[j] - adjust[j]);
                        if (delta > bestDelta) {
                            bestDelta = delta;
                            bestOut = j;
                        }
                    }
                    if (bestDelta > eps) {
                        open[bestOut] = 0;
                        open[i] = 1;
                        *std::find(openSites.begin(), openSites.end(), bestOut) = i;
                        refresh();
                        ++result.swaps;
                        improved = true;
                    }
                }
            }
        };
        localSearch();
        auto costOf = [&] {
            double total = 0.0;
            for (std::size_t d = 0; d < nD; ++d)
                total += w[d] * d1[d];
            return total;
        };
        std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
        double best = costOf();
        std::vector<std::size_t> bestSites = openSites;
        for (int round = 0; round < options.perturbations; ++round) {
            kickSites(rng, openSites, open);
            refresh();
            localSearch();
            const double now = costOf();
            if (now < best - eps) {
                best = now;
                bestSites = openSites;
            } else {
                for (std::size_t c : openSites)
                    open[c] = 0;
                openSites = bestSites;
                for (std::size_t c : openSites)
                    open[c] = 1;
                refresh();
            }
        }
        for (std::size_t d = 0; d < nD; ++d)
            cur[d] = d1[d];
    }
    result.objective = costNow();

    std::vector<double> now = existing;
    result.chosen = openSites;
    orderByMarginalGain(
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
// Capacitated placement: nearest-first assignment
// ---------------------------------------------------------------------------------------

namespace {

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
        mRemainingDemand = mDemand;
        std::size_t needy = 0;
        for (double& d : mRemainingDemand) {
            if (!(d > 0.0))
                d = 0.0;
            else
                ++needy;
        }
        mHeap.clear();
        auto later = [this](const Head& a, const Head& b) {
            const FacilityReach& ra = mLists[a.facility][a.position];
            const FacilityReach& rb = mLists[b.facility][b.position];
            if (ra.distance != rb.distance)
                return ra.distance > rb.distance;
            if (a.facility != b.facility)
                return a.facility > b.facility;
            return ra.point > rb.point;
        };
        auto open = [&](std::size_t facility) {
            mRemainingCapacity[facility] = mCapacity;
            if (!mLists[facility].empty()) {
                mHeap.push_back({facility, 0});
                std::push_heap(mHeap.begin(), mHeap.end(), later);
            }
        };
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
            std::pop_heap(mHeap.begin(), mHeap.end(), later);
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
                std::push_heap(mHeap.begin(), mHeap.end(), later);
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
    NearestFirstAssigner assigner(instance);
    const std::size_t nC = assigner.candidateCount();
    const double totalDemand = totalOf(instance.demand);
    const double penalty = unservedPenalty(instance);
    // Scores are maximised and compared lexicographically. MaxServed: served demand, then minus
    // the weighted distance (a binding capacity makes many sets serve exactly as much; among
    // them the one nearer its demand). MinCost: minus the penalised cost only.
    struct Score {
        double primary = -kInf;
        double secondary = -kInf;
    };
    auto score = [&](const std::vector<std::size_t>& sites) {
        const auto [served, cost] = assigner.run(sites, nullptr);
        if (goal == CapacitatedGoal::MaxServed)
            return Score{served, -cost};
        return Score{-(cost + penalty * std::max(0.0, totalDemand - served)), 0.0};
    };
    double epsPrimary = improvementEpsilon(totalDemand);
    double epsSecondary = 0.0;
    auto better = [&](const Score& a, const Score& b) {
        if (a.primary > b.primary + epsPrimary)
            return true;
        return a.primary >= b.primary - epsPrimary && a.secondary > b.secondary + epsSecondary;
    };
    auto toObjective = [&](const Score& v) { return goal == CapacitatedGoal::MaxServed ? v.primary : -v.primary; };
    count = std::min(count, nC);

    std::vector<char> open(nC, 0);
    std::vector<std::size_t> openSites;
    std::vector<std::size_t> trial;
    // Greedy: each time the candidate whose opening is worth most (ties: the lower index).
    Score current = score(openSites);
    while (openSites.size() < count) {
        std::size_t best = nC;
        Score bestScore;
        trial = openSites;
        trial.push_back(0);
        for (std::size_t c = 0; c < nC; ++c) {
            if (open[c])
                continue;
            trial.back() = c;
            const Score v = score(trial);
            if (best == nC || better(v, bestScore)) {
                bestScore = v;
                best = c;
            }
        }
        open[best] = 1;
        openSites.push_back(best);
        current = bestScore;
    }
    SolverResult result;
    result.greedyObjective = toObjective(current);

    if (options.swap && !openSites.empty() && openSites.size() < nC) {
        epsPrimary = improvementEpsilon(current.primary);
        epsSecondary = improvementEpsilon(current.secondary);
        const std::vector<std::size_t> order = shuffledOrder(nC, options.seed);
        auto localSearch = [&] {
            bool improved = true;
            for (int pass = 0; improved && pass < 10000; ++pass) {
                improved = false;
                for (std::size_t i : order) {
                    if (open[i])
                        continue;
                    std::size_t bestPos = openSites.size();
                    Score bestScore;
                    for (std::size_t pos = 0; pos < openSites.size(); ++pos) {
                        trial = openSites;
                        trial[pos] = i;
                        const Score v = score(trial);
                        if (bestPos == openSites.size() || better(v, bestScore)) {
                            bestScore = v;
                            bestPos = pos;
                        }
                    }
                    if (better(bestScore, current)) {
                        open[openSites[bestPos]] = 0;
                        open[i] = 1;
                        openSites[bestPos] = i;
                        current = bestScore;
                        ++result.swaps;
                        improved = true;
                    }
                }
            }
        };
        localSearch();
        std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
        Score best = current;
        std::vector<std::size_t> bestSites = openSites;
        for (int round = 0; round < options.perturbations; ++round) {
            kickSites(rng, openSites, open);
            current = score(openSites);
            localSearch();
            if (better(current, best)) {
                best = current;
                bestSites = openSites;
            } else {
                for (std::size_t c : openSites)
                    open[c] = 0;
                openSites = bestSites;
                for (std::size_t c : openSites)
                    open[c] = 1;
                current = best;
            }
        }
    }
    result.objective = toObjective(current);

    std::vector<std::size_t> sofar;
    double sofarValue = score(sofar).primary;
    result.chosen = openSites;
    orderByMarginalGain(
        result.chosen, result.gain,
        [&](std::size_t c) {
            trial = sofar;
            trial.push_back(c);
            return score(trial).primary - sofarValue;
        },
        [&](std::size_t c) {
            sofar.push_back(c);
            sofarValue = score(sofar).primary;
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

// ---------------------------------------------------------------------------------------
// Placement on a dataset
// ---------------------------------------------------------------------------------------

namespace {

struct Prepared {
    std::vector<const Area*> villages;
    std::vector<Point> points;
    std::vector<double> demand;
    std::string period;
    std::vector<const Facility*> existing;
    std::vector<Point> existingPoints;
    std::vector<std::size_t> candidates;   ///< village indices
};

std::vector<std::string> splitCodes(std::string text)
{
    if (text.rfind("codes:", 0) == 0)
        text = text.substr(6);
    std::vector<std::string> codes;
    std::stringstream items(text);
    std::string item;
    while (std::getline(items, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty())
            codes.push_back(item);
    }
    return codes;
}

std::size_t villageIndexOf(const Prepared& p, const std::unordered_map<std::string, std::size_t>& byCode,
                           const std::string& code)
{
    auto it = byCode.find(code);
    if (it == byCode.end())
        throw Error("placement: '" + code + "' is not the code of a pekon or kelurahan in the project");
    (void)p;
    return it->second;
}

std::vector<std::size_t> selectCandidates(const Dataset& ds, const Prepared& p, const PlacementOptions& options,
                                          const std::unordered_map<std::string, std::size_t>& byCode)
{
    std::vector<std::size_t> out;
    const std::string& rule = options.candidates;
    if (rule.empty()) {
        std::vector<char> has(p.villages.size(), 0);
        for (const Facility* f : p.existing) {
            auto it = byCode.find(f->areaCode);
            if (it != byCode.end())
                has[it->second] = 1;
        }
        for (std::size_t i = 0; i < p.villages.size(); ++i)
            if (!has[i])
                out.push_back(i);
        return out;
    }
    std::size_t opPos = std::string::npos, opLen = 0;
    for (const char* op : {"<=", ">=", "==", "<", ">"}) {
        const auto pos = rule.find(op);
        if (pos != std::string::npos && (opPos == std::string::npos || pos < opPos)) {
            opPos = pos;
            opLen = std::string(op).size();
        }
    }
    if (opPos == std::string::npos) {
        for (const std::string& code : splitCodes(rule))
            out.push_back(villageIndexOf(p, byCode, code));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    std::string column = rule.substr(0, opPos);
    const std::string op = rule.substr(opPos, opLen);
    std::string number = rule.substr(opPos + opLen);
    column.erase(0, column.find_first_not_of(" \t"));
    column.erase(column.find_last_not_of(" \t") + 1);
    double threshold = 0.0;
    try {
        std::size_t used = 0;
        threshold = std::stod(number, &used);
        if (number.find_first_not_of(" \t", used) != std::string::npos)
            throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
        throw Error("placement: candidate rule '" + rule + "' must be COLUMN" + op + "NUMBER, e.g. priority_rank<=100");
    }
    const AnalysisTable table = analyzeVillages(ds, p.period);
    const std::size_t col = table.column(column);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const double v = table.rows[r].values[col];
        if (std::isnan(v) || (column == "priority_rank" && v == 0.0))
            continue;
        const bool keep = op == "<=" ? v <= threshold
                          : op == ">=" ? v >= threshold
                          : op == "==" ? v == threshold
                          : op == "<"  ? v < threshold
                                       : v > threshold;
        if (keep)
            out.push_back(villageIndexOf(p, byCode, table.rows[r].kode));
    }
    std::sort(out.begin(), out.end());
    return out;
}

Prepared prepare(const Dataset& ds, const PlacementOptions& options)
{
    if (options.count == 0)
        throw Error("placement: the number of new sites must be at least 1");
    if (options.roads ? !(options.minutes > 0.0) : !(options.radiusKm > 0.0))
        throw Error(options.roads ? "placement: --minutes must be a positive number"
                                  : "placement: --radius-km must be a positive number");
    if (options.capacity && !(*options.capacity > 0.0 && std::isfinite(*options.capacity)))
        throw Error(fmt::format("placement: --capacity must be a positive number of demand units (got {})",
                                *options.capacity));
    Prepared p;
    p.villages = ds.villages();
    if (p.villages.empty())
        throw Error("placement: the project has no pekon or kelurahan");
    p.period = options.period.empty() ? latestPeriod(ds, options.demandKey) : options.period;
    const std::map<std::string, double> values = indicatorValues(ds, options.demandKey, p.period);
    for (const Area* a : p.villages) {
        p.points.push_back(pointOnSurface(a->geometry));
        auto it = values.find(a->code);
        const double v = it == values.end() ? 0.0 : it->second;
        p.demand.push_back(std::isfinite(v) && v > 0.0 ? v : 0.0);
    }
    for (const Facility& f : ds.facilities)
        if (f.kind == options.kind) {
            p.existing.push_back(&f);
            p.existingPoints.push_back(f.location);
        }
    return p;
}

/// Minutes from each source to every target (one Dijkstra per source).
std::vector<std::vector<double>> minutesFrom(const RoadNetwork& roads, const std::vector<Point>& sources,
                                             const std::vector<Point>& targets)
{
    std::vector<std::vector<double>> out;
    out.reserve(sources.size());
    for (const Point& s : sources)
        out.push_back(roads.travelMinutesFrom(s, targets));
    return out;
}

/// The label of a facility in VillageAssignment::servedBy.
std::string existingLabel(const Facility& f) { return fmt::format("existing:{}", f.id); }

/// Fixed sites (evaluateSites): every candidate open, gains marginal in the order given.
template <typename CostAfter>
SolverResult fixedSitesResult(std::size_t n, double startValue, CostAfter valueWith)
{
    SolverResult solved;
    std::vector<std::size_t> sofar;
    double prev = startValue;
    for (std::size_t c = 0; c < n; ++c) {
        sofar.push_back(c);
        const double now = valueWith(sofar);
        solved.chosen.push_back(c);
        solved.gain.push_back(now - prev);
        prev = now;
    }
    solved.objective = solved.greedyObjective = prev;
    return solved;
}

PlacementResult run(const Dataset& ds, const PlacementOptions& options, const std::vector<std::string>* fixedCodes)
{
    Prepared p = prepare(ds, options);
    std::unordered_map<std::string, std::size_t> byCode;
    for (std::size_t i = 0; i < p.villages.size(); ++i)
        byCode.emplace(p.villages[i]->code, i);
    if (fixedCodes) {
        for (const std::string& code : *fixedCodes)
            p.candidates.push_back(villageIndexOf(p, byCode, code));
    } else {
        p.candidates = selectCandidates(ds, p, options, byCode);
    }
    if (p.candidates.empty())
        throw Error("placement: no candidate pekon (every pekon already has a " + options.kind +
                    ", or the candidate rule selects none)");
    std::vector<Point> candPoints;
    for (std::size_t i : p.candidates)
        candPoints.push_back(p.points[i]);

    const std::size_t nV = p.villages.size();
    const std::size_t nC = p.candidates.size();
    const bool mclp = options.method == PlacementMethod::MaxCover;
    const bool capacitated = options.capacity.has_value();
    PlacementResult result;
    result.options = options;
    result.options.roads = nullptr;
    result.roadsUsed = options.roads != nullptr;
    result.period = p.period;
    result.candidateCount = nC;
    result.existingCount = p.existing.size();
    result.totalDemand = std::accumulate(p.demand.begin(), p.demand.end(), 0.0);
    const double reach = options.roads ? options.minutes : options.radiusKm;

    if (!mclp && nC * nV > 60'000'000)
        throw Error(fmt::format("placement: p-median keeps a full distance matrix and {} candidates x {} pekon "
                                "is too large; narrow the candidates with --candidates",
                                nC, nV));

    // Distance (km or minutes) from each village to its nearest existing facility.
    std::vector<double> existingDist(nV, kInf);
    std::vector<long long> existingIdx(nV, -1);
    if (!p.existing.empty()) {
        if (options.roads) {
            const auto nearest = options.roads->nearestTravel(p.existingPoints, p.points);
            for (std::size_t v = 0; v < nV; ++v) {
                existingDist[v] = nearest[v].minutes;
                existingIdx[v] = nearest[v].source;
            }
        } else {
            const NearestPointIndex index(p.existingPoints);
            for (std::size_t v = 0; v < nV; ++v) {
                const auto hit = index.nearest(p.points[v]);
                existingDist[v] = hit.distanceM / 1000.0;
                existingIdx[v] = static_cast<long long>(hit.index);
            }
        }
    }

    SolverOptions solverOptions;
    solverOptions.seed = options.seed;
    SolverResult solved;
    std::vector<std::vector<double>> candMinutes;
    if (options.roads)
        candMinutes = minutesFrom(*options.roads, candPoints, p.points);
    // Distance from candidate c to village v: km, or minutes (+infinity when no road leads there).
    auto candDistance = [&](std::size_t c, std::size_t v) {
        return options.roads ? candMinutes[c][v] : geodesicDistanceM(candPoints[c], p.points[v]) / 1000.0;
    };
    // MCLP: per candidate, the villages within reach (also for the 2SFCA access ratio).
    std::vector<std::vector<std::uint32_t>> covers;
    if (mclp) {
        if (options.roads) {
            covers.resize(nC);
            for (std::size_t c = 0; c < nC; ++c)
                for (std::size_t v = 0; v < nV; ++v)
                    if (candMinutes[c][v] <= reach)
                        covers[c].push_back(static_cast<std::uint32_t>(v));
        } else {
            covers = coverageLists(candPoints, p.points, reach, 0);
        }
    }
    result.villages.resize(nV);
    for (std::size_t v = 0; v < nV; ++v) {
        VillageAssignment& a = result.villages[v];
        a.code = p.villages[v]->code;
        a.name = p.villages[v]->name;
        a.demand = p.demand[v];
        a.coveredBefore = existingDist[v] <= reach;
    }
    std::vector<double> servedBySite(nC, 0.0);

    if (capacitated) {
        // Every facility's reach list: MCLP the villages within reach, p-median all it reaches.
        CapacitatedInstance inst;
        inst.demand = p.demand;
        inst.capacity = *options.capacity;
        inst.candidates.resize(nC);
        for (std::size_t c = 0; c < nC; ++c) {
            if (mclp) {
                for (std::uint32_t v : covers[c])
                    inst.candidates[c].push_back({v, candDistance(c, v)});
            } else {
                for (std::size_t v = 0; v < nV; ++v)
                    if (const double d = candDistance(c, v); std::isfinite(d))
                        inst.candidates[c].push_back({static_cast<std::uint32_t>(v), d});
            }
        }
        inst.existing.resize(p.existing.size());
        const std::vector<std::vector<double>> existingMinutes =
            options.roads ? minutesFrom(*options.roads, p.existingPoints, p.points) : std::vector<std::vector<double>>{};
        for (std::size_t f = 0; f < p.existing.size(); ++f)
            for (std::size_t v = 0; v < nV; ++v) {
                const double d = options.roads ? existingMinutes[f][v]
                                               : geodesicDistanceM(p.existingPoints[f], p.points[v]) / 1000.0;
                if (mclp ? d <= reach : std::isfinite(d))
                    inst.existing[f].push_back({static_cast<std::uint32_t>(v), d});
            }
        const CapacitatedGoal goal = mclp ? CapacitatedGoal::MaxServed : CapacitatedGoal::MinCost;
        const double penalty = unservedPenalty(inst);
        if (fixedCodes) {
            auto valueWith = [&](const std::vector<std::size_t>& sites) {
                const CapacitatedAssignment a = assignNearestFirst(inst, sites);
                return mclp ? a.served : -(a.cost + penalty * std::max(0.0, result.totalDemand - a.served));
            };
            solved = fixedSitesResult(nC, valueWith({}), valueWith);
            if (!mclp)
                solved.objective = solved.greedyObjective = -solved.objective;
        } else {
            solved = solveCapacitated(inst, options.count, goal, solverOptions);
        }
        const CapacitatedAssignment before = assignNearestFirst(inst, {});
        const CapacitatedAssignment after = assignNearestFirst(inst, solved.chosen);
        result.servedBefore = before.served;
        result.servedAfter = after.served;
        if (mclp) {
            result.before = before.served;
            result.after = after.served;
            result.greedyAfter = solved.greedyObjective;
        } else {
            result.before = p.existing.empty() ? kNaN : before.cost;
            result.after = after.cost;
            result.greedyAfter = kNaN;
            result.unservedPenalty = penalty;
        }
        // Flows come nearest first: a village's first flow is from its nearest serving facility.
        const std::size_t nE = p.existing.size();
        for (const ServiceFlow& flow : after.flows) {
            VillageAssignment& a = result.villages[flow.point];
            if (a.servingFacilities++ > 0)
                continue;
            a.distance = flow.distance;
            if (flow.facility < nE) {
                a.servedBy = existingLabel(*p.existing[flow.facility]);
                a.servedByName = p.existing[flow.facility]->name;
            } else {
                const Area* site = p.villages[p.candidates[flow.facility - nE]];
                a.servedBy = site->code;
                a.servedByName = site->name;
            }
        }
        std::vector<char> reachedAfter(nV, 0);
        for (std::size_t c : solved.chosen)
            for (const FacilityReach& r : inst.candidates[c])
                if (!mclp || r.distance <= reach)
                    reachedAfter[r.point] = 1;
        for (std::size_t v = 0; v < nV; ++v) {
            VillageAssignment& a = result.villages[v];
            a.served = after.servedAt[v];
            a.unserved = std::max(0.0, a.demand - a.served);
            // Covered = within reach (MCLP) or reached at all (p-median), whatever the capacity.
            a.coveredAfter = mclp ? (a.coveredBefore || reachedAfter[v]) : (std::isfinite(existingDist[v]) || reachedAfter[v]);
            if (!mclp && !a.coveredAfter)
                ++result.unreachable;
        }
        for (std::size_t c = 0; c < nC; ++c)
            servedBySite[c] = after.servedBy[nE + c];
    } else {
        // Per chosen candidate: distance to each village it reaches.
        std::vector<std::vector<std::pair<std::uint32_t, double>>> reachOf(nC);
        if (mclp) {
            CoverageInstance inst;
            inst.demand = p.demand;
            inst.alreadyCovered.resize(nV, 0);
            for (std::size_t v = 0; v < nV; ++v)
                inst.alreadyCovered[v] = existingDist[v] <= reach ? 1 : 0;
            inst.covers = std::move(covers);
            if (fixedCodes) {
                std::vector<char> cov(inst.alreadyCovered);
                for (std::size_t c = 0; c < nC; ++c) {
                    double g = 0.0;
                    for (std::uint32_t d : inst.covers[c])
                        if (!cov[d]) {
                            g += p.demand[d];
                            cov[d] = 1;
                        }
                    solved.chosen.push_back(c);
                    solved.gain.push_back(g);
                }
                solved.objective = solved.greedyObjective = coveredDemand(inst, solved.chosen);
            } else {
                solved = solveMaxCover(inst, options.count, solverOptions);
            }
            result.before = coveredDemand(inst, {});
            result.after = solved.objective;
            covers = std::move(inst.covers);
            for (std::size_t c : solved.chosen)
                for (std::uint32_t v : covers[c])
                    reachOf[c].emplace_back(v, candDistance(c, v));
        } else {
            MedianInstance inst;
            inst.demand = p.demand;
            inst.candidateCount = nC;
            inst.existingDistance = existingDist;
            inst.distance.resize(nC * nV);
            double maxFinite = 0.0;
            for (std::size_t c = 0; c < nC; ++c)
                for (std::size_t v = 0; v < nV; ++v) {
                    const double d = candDistance(c, v);
                    inst.distance[c * nV + v] = d;
                    if (std::isfinite(d))
                        maxFinite = std::max(maxFinite, d);
                }
            // Unreachable pairs (roads only) get a penalty above every real distance.
            for (double& d : inst.distance)
                if (!std::isfinite(d))
                    d = 10.0 * maxFinite + 1.0;
            if (fixedCodes) {
                solved = fixedSitesResult(nC, -medianCost(inst, {}),
                                          [&](const std::vector<std::size_t>& sites) { return -medianCost(inst, sites); });
            } else {
                solved = solvePMedian(inst, options.count, solverOptions);
            }
            for (std::size_t c : solved.chosen)
                for (std::size_t v = 0; v < nV; ++v)
                    reachOf[c].emplace_back(static_cast<std::uint32_t>(v),
                                            options.roads ? candMinutes[c][v] : inst.distance[c * nV + v]);
        }

        // Assign each village to its nearest facility (within reach for MCLP).
        for (std::size_t v = 0; v < nV; ++v) {
            VillageAssignment& a = result.villages[v];
            if (existingIdx[v] >= 0 && std::isfinite(existingDist[v]) && (!mclp || a.coveredBefore)) {
                const Facility* f = p.existing[static_cast<std::size_t>(existingIdx[v])];
                a.servedBy = existingLabel(*f);
                a.servedByName = f->name;
                a.distance = existingDist[v];
            }
        }
        std::vector<long long> siteOf(nV, -1);
        for (std::size_t c : solved.chosen)
            for (const auto& [v, d] : reachOf[c]) {
                VillageAssignment& a = result.villages[v];
                if (mclp && !(d <= reach))
                    continue;
                if (!std::isfinite(d))
                    continue;
                if (std::isnan(a.distance) || d < a.distance) {
                    a.distance = d;
                    a.servedBy = p.villages[p.candidates[c]]->code;
                    a.servedByName = p.villages[p.candidates[c]]->name;
                    siteOf[v] = static_cast<long long>(c);
                }
            }
        for (std::size_t v = 0; v < nV; ++v) {
            VillageAssignment& a = result.villages[v];
            a.coveredAfter = mclp ? (a.coveredBefore || siteOf[v] >= 0) : !std::isnan(a.distance);
            if (siteOf[v] >= 0)
                servedBySite[static_cast<std::size_t>(siteOf[v])] += a.demand;
            a.served = a.coveredAfter ? a.demand : 0.0;
            a.unserved = a.demand - a.served;
            a.servingFacilities = a.served > 0.0 ? 1 : 0;
            result.servedAfter += a.served;
            if (mclp ? a.coveredBefore : std::isfinite(existingDist[v]))
                result.servedBefore += a.demand;
        }
        if (!mclp) {
            // Costs over the villages some facility reaches (real distances, no penalty).
            double before = 0.0, after = 0.0;
            for (std::size_t v = 0; v < nV; ++v) {
                const VillageAssignment& a = result.villages[v];
                if (std::isnan(a.distance)) {
                    ++result.unreachable;
                    continue;
                }
                after += a.demand * a.distance;
                if (std::isfinite(existingDist[v]))
                    before += a.demand * existingDist[v];
            }
            result.before = p.existing.empty() ? kNaN : before;
            result.after = after;
        }
        result.greedyAfter = mclp ? solved.greedyObjective : kNaN;
    }
    result.swaps = solved.swaps;

    // 2SFCA access (MCLP reach): facilities per 1,000 demand within reach, before and after.
    if (mclp) {
        std::vector<std::vector<std::uint32_t>> existingCovers;
        if (!p.existing.empty()) {
            if (options.roads) {
                const auto mins = minutesFrom(*options.roads, p.existingPoints, p.points);
                existingCovers.resize(mins.size());
                for (std::size_t f = 0; f < mins.size(); ++f)
                    for (std::size_t v = 0; v < nV; ++v)
                        if (mins[f][v] <= reach)
                            existingCovers[f].push_back(static_cast<std::uint32_t>(v));
            } else {
                existingCovers = coverageLists(p.existingPoints, p.points, reach, 0);
            }
        }
        const std::vector<double> before = accessRatio2sfca(p.demand, existingCovers);
        for (std::size_t c : solved.chosen)
            existingCovers.push_back(covers[c]);
        const std::vector<double> after = accessRatio2sfca(p.demand, existingCovers);
        for (std::size_t v = 0; v < nV; ++v) {
            result.villages[v].accessBefore = before[v];
            result.villages[v].accessAfter = after[v];
        }
    }

    for (std::size_t k = 0; k < solved.chosen.size(); ++k) {
        const std::size_t c = solved.chosen[k];
        PlacedSite site;
        site.code = p.villages[p.candidates[c]]->code;
        site.name = p.villages[p.candidates[c]]->name;
        site.point = candPoints[c];
        site.gain = solved.gain[k];
        site.served = servedBySite[c];
        if (mclp) {
            for (std::uint32_t v : covers[c])
                site.withinReach += p.demand[v];
        } else {
            for (std::size_t v = 0; v < nV; ++v)
                if (candDistance(c, v) <= reach)
                    site.withinReach += p.demand[v];
        }
        result.sites.push_back(site);
    }
    return result;
}

} // namespace

PlacementResult placeFacilities(const Dataset& ds, const PlacementOptions& options)
{
    return run(ds, options, nullptr);
}

PlacementResult evaluateSites(const Dataset& ds, const PlacementOptions& options, const std::vector<std::string>& codes)
{
    return run(ds, options, &codes);
}

std::vector<std::string> topPriorityCodes(const Dataset& ds, std::size_t n, const std::string& period)
{
    const AnalysisTable table = analyzeVillages(ds, period);
    std::vector<std::pair<int, std::string>> ranked;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        if (table.priority.rank[r] > 0)
            ranked.emplace_back(table.priority.rank[r], table.rows[r].kode);
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t k = 0; k < ranked.size() && k < n; ++k)
        out.push_back(ranked[k].second);
    return out;
}

std::string placementToJson(const PlacementResult& result)
{
    const PlacementOptions& o = result.options;
    nlohmann::json j;
    j["kind"] = o.kind;
    j["count"] = o.count;
    j["method"] = o.method == PlacementMethod::MaxCover ? "mclp" : "pmedian";
    if (result.roadsUsed)
        j["minutes"] = o.minutes;
    else
        j["radius_km"] = o.radiusKm;
    j["demand"] = o.demandKey;
    j["period"] = result.period;
    j["candidates"] = o.candidates.empty() ? std::string("without_kind") : o.candidates;
    j["seed"] = o.seed;
    if (o.capacity)
        j["capacity"] = *o.capacity;
    j["candidate_count"] = result.candidateCount;
    j["existing_count"] = result.existingCount;
    j["total_demand"] = result.totalDemand;
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    // before/after: covered demand (MCLP) or demand-weighted distance (p-median), as since the first release.
    j["before"] = num(result.before);
    j["after"] = num(result.after);
    j["served_before"] = num(result.servedBefore);
    j["served_after"] = num(result.servedAfter);
    if (std::isfinite(result.unservedPenalty))
        j["unserved_penalty"] = result.unservedPenalty;
    j["swaps"] = result.swaps;
    nlohmann::json sites = nlohmann::json::array();
    for (const PlacedSite& s : result.sites)
        sites.push_back({{"code", s.code}, {"name", s.name}, {"lon", s.point.x}, {"lat", s.point.y},
                         {"gain", s.gain}, {"served", s.served}, {"within_reach", s.withinReach}});
    j["sites"] = sites;
    return j.dump();
}

PlacementRun placementRunOf(const PlacementResult& result, const std::string& timestampUtc)
{
    // Through the JSON, so a stored run and one read back from JSON can never disagree.
    return placementRunFromJson(placementToJson(result), timestampUtc);
}

long long savePlacementRun(Dataset& ds, const PlacementResult& result, const std::string& timestampUtc)
{
    PlacementRun run = placementRunOf(result, timestampUtc);
    long long maxId = 0;
    for (const PlacementRun& r : ds.programs)
        maxId = std::max(maxId, r.id);
    run.id = maxId + 1;
    ds.programs.push_back(std::move(run));
    return ds.programs.back().id;
}

void writePlacementCsv(const PlacementResult& result, const std::string& path)
{
    std::map<std::string, std::size_t> orderOf;
    std::map<std::string, double> gainOf;
    for (std::size_t k = 0; k < result.sites.size(); ++k) {
        orderOf[result.sites[k].code] = k + 1;
        gainOf[result.sites[k].code] = result.sites[k].gain;
    }
    const std::string unit = result.roadsUsed ? "min" : "km";
    std::string text = fmt::format("kode,nama,demand,covered_before,covered_after,served_by,served_by_name,distance_{},"
                                   "access_before,access_after,new_site_order,gain,served,unserved\n",
                                   unit);
    const bool mclp = result.options.method == PlacementMethod::MaxCover;
    for (const VillageAssignment& a : result.villages) {
        auto it = orderOf.find(a.code);
        text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", detail::csvQuoted(a.code), detail::csvQuoted(a.name),
                            csvNumber(a.demand), mclp ? (a.coveredBefore ? "1" : "0") : "",
                            mclp ? (a.coveredAfter ? "1" : "0") : "", detail::csvQuoted(a.servedBy), detail::csvQuoted(a.servedByName),
                            csvNumber(a.distance), csvNumber(a.accessBefore), csvNumber(a.accessAfter),
                            it == orderOf.end() ? std::string() : std::to_string(it->second),
                            it == orderOf.end() ? std::string() : csvNumber(gainOf[a.code]), csvNumber(a.served),
                            csvNumber(a.unserved));
    }
    detail::writeFileAtomically(path, text);
}

void writePlacementGpkg(const Dataset& ds, const PlacementResult& result, const std::string& path)
{
    using detail::FieldKind;
    using detail::FieldValue;
    const std::string unit = result.roadsUsed ? "min" : "km";
    const bool mclp = result.options.method == PlacementMethod::MaxCover;

    detail::OutputLayer sites;
    sites.name = "lokasi_baru";
    sites.geometry = detail::LayerGeometry::Point;
    sites.fields = {{"rank", FieldKind::Integer}, {"kode", FieldKind::Text},  {"nama", FieldKind::Text},
                    {"gain", FieldKind::Real},    {"covered", FieldKind::Real}, {"served", FieldKind::Real}};
    std::map<std::string, std::size_t> orderOf;
    for (std::size_t k = 0; k < result.sites.size(); ++k) {
        const PlacedSite& s = result.sites[k];
        orderOf[s.code] = k + 1;
        detail::OutputFeature f;
        f.values = {static_cast<long long>(k + 1), s.code, s.name, s.gain, s.withinReach, s.served};
        f.point = s.point;
        sites.features.push_back(std::move(f));
    }

    detail::OutputLayer villages;
    villages.name = "desa";
    villages.geometry = detail::LayerGeometry::MultiPolygon;
    villages.fields = {{"kode", FieldKind::Text},           {"nama", FieldKind::Text},
                       {"demand", FieldKind::Real},         {"covered_before", FieldKind::Integer},
                       {"covered_after", FieldKind::Integer}, {"served_by", FieldKind::Text},
                       {"served_by_name", FieldKind::Text}, {"distance_" + unit, FieldKind::Real},
                       {"access_before", FieldKind::Real},  {"access_after", FieldKind::Real},
                       {"new_site_order", FieldKind::Integer}, {"gain", FieldKind::Real},
                       {"served", FieldKind::Real},         {"unserved", FieldKind::Real}};
    for (const VillageAssignment& a : result.villages) {
        const Area* area = ds.findArea(a.code);
        if (!area)
            throw Error("placement: '" + path + "': the pekon " + a.code + " of the result is not in the project");
        auto it = orderOf.find(a.code);
        const bool isSite = it != orderOf.end();
        detail::OutputFeature f;
        auto flag = [&](bool v) { return mclp ? FieldValue(static_cast<long long>(v ? 1 : 0)) : FieldValue(); };
        f.values = {a.code,
                    a.name,
                    a.demand,
                    flag(a.coveredBefore),
                    flag(a.coveredAfter),
                    a.servedBy.empty() ? FieldValue() : FieldValue(a.servedBy),
                    a.servedByName.empty() ? FieldValue() : FieldValue(a.servedByName),
                    a.distance,
                    a.accessBefore,
                    a.accessAfter,
                    isSite ? FieldValue(static_cast<long long>(it->second)) : FieldValue(),
                    isSite ? FieldValue(result.sites[it->second - 1].gain) : FieldValue(),
                    a.served,
                    a.unserved};
        f.polygons = area->geometry;
        villages.features.push_back(std::move(f));
    }
    std::vector<detail::OutputLayer> layers;
    layers.push_back(std::move(sites));
    layers.push_back(std::move(villages));
    detail::writeGeoPackage(path, layers);
}

} // namespace gis
