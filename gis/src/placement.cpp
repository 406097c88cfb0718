#include "gis/placement.h"

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



std::string csvNumber(double v)
{
    if (std::isnan(v))
        return {};
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return fmt::format("{:.0f}", v);
    return fmt::format("{:.6f}", v);
}

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
            const std::size_t k = 1 + static_cast<std::size_t>(rng() % std::max<std::size_t>(1, openSites.size() / 4));
            for (std::size_t r = 0; r < k; ++r) {
                const std::size_t pos = static_cast<std::size_t>(rng() % openSites.size());
                std::size_t c = static_cast<std::size_t>(rng() % nC);
                while (open[c])
                    c = static_cast<std::size_t>(rng() % nC);
                open[openSites[pos]] = 0;
                open[c] = 1;
                openSites[pos] = c;
            }
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
    PlacementResult result;
    result.options = options;
    result.options.roads = nullptr;
    result.roadsUsed = options.roads != nullptr;
    result.period = p.period;
    result.candidateCount = p.candidates.size();
    result.existingCount = p.existing.size();
    result.totalDemand = std::accumulate(p.demand.begin(), p.demand.end(), 0.0);
    const double reach = options.roads ? options.minutes : options.radiusKm;

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
    // Per chosen candidate (index into p.candidates): distance to each village it reaches.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> reachOf(p.candidates.size());
    std::vector<std::vector<std::uint32_t>> covers;
    std::vector<std::vector<double>> candMinutes;
    if (options.roads)
        candMinutes = minutesFrom(*options.roads, candPoints, p.points);

    if (options.method == PlacementMethod::MaxCover) {
        CoverageInstance inst;
        inst.demand = p.demand;
        inst.alreadyCovered.resize(nV, 0);
        for (std::size_t v = 0; v < nV; ++v)
            inst.alreadyCovered[v] = existingDist[v] <= reach ? 1 : 0;
        if (options.roads) {
            inst.covers.resize(p.candidates.size());
            for (std::size_t c = 0; c < p.candidates.size(); ++c)
                for (std::size_t v = 0; v < nV; ++v)
                    if (candMinutes[c][v] <= reach)
                        inst.covers[c].push_back(static_cast<std::uint32_t>(v));
        } else {
            inst.covers = coverageLists(candPoints, p.points, reach, 0);
        }
        if (fixedCodes) {
            std::vector<std::size_t> all(p.candidates.size());
            std::iota(all.begin(), all.end(), std::size_t{0});
            solved.chosen = all;
            std::vector<char> cov(inst.alreadyCovered);
            for (std::size_t c : all) {
                double g = 0.0;
                for (std::uint32_t d : inst.covers[c])
                    if (!cov[d]) {
                        g += p.demand[d];
                        cov[d] = 1;
                    }
                solved.gain.push_back(g);
            }
            solved.objective = solved.greedyObjective = coveredDemand(inst, all);
        } else {
            solved = solveMaxCover(inst, options.count, solverOptions);
        }
        result.before = coveredDemand(inst, {});
        result.after = solved.objective;
        covers = std::move(inst.covers);
        for (std::size_t c : solved.chosen)
            for (std::uint32_t v : covers[c])
                reachOf[c].emplace_back(v, options.roads ? candMinutes[c][v]
                                                         : geodesicDistanceM(candPoints[c], p.points[v]) / 1000.0);
    } else {
        if (p.candidates.size() * nV > 60'000'000)
            throw Error(fmt::format("placement: p-median keeps a full distance matrix and {} candidates x {} pekon "
                                    "is too large; narrow the candidates with --candidates",
                                    p.candidates.size(), nV));
        MedianInstance inst;
        inst.demand = p.demand;
        inst.candidateCount = p.candidates.size();
        inst.existingDistance = existingDist;
        inst.distance.resize(p.candidates.size() * nV);
        double maxFinite = 0.0;
        for (std::size_t c = 0; c < p.candidates.size(); ++c)
            for (std::size_t v = 0; v < nV; ++v) {
                const double d = options.roads ? candMinutes[c][v] : geodesicDistanceM(candPoints[c], p.points[v]) / 1000.0;
                inst.distance[c * nV + v] = d;
                if (std::isfinite(d))
                    maxFinite = std::max(maxFinite, d);
            }
        // Unreachable pairs (roads only) get a penalty above every real distance.
        for (double& d : inst.distance)
            if (!std::isfinite(d))
                d = 10.0 * maxFinite + 1.0;
        if (fixedCodes) {
            std::vector<std::size_t> all(p.candidates.size());
            std::iota(all.begin(), all.end(), std::size_t{0});
            solved.chosen = all;
            std::vector<std::size_t> sofar;
            double prev = medianCost(inst, {});
            for (std::size_t c : all) {
                sofar.push_back(c);
                const double now = medianCost(inst, sofar);
                solved.gain.push_back(prev - now);
                prev = now;
            }
        } else {
            solved = solvePMedian(inst, options.count, solverOptions);
        }
        for (std::size_t c : solved.chosen)
            for (std::size_t v = 0; v < nV; ++v)
                reachOf[c].emplace_back(static_cast<std::uint32_t>(v),
                                        options.roads ? candMinutes[c][v] : inst.distance[c * nV + v]);
    }
    result.swaps = solved.swaps;

    // Assign each village to its nearest facility (within reach for MCLP).
    const bool mclp = options.method == PlacementMethod::MaxCover;
    result.villages.resize(nV);
    for (std::size_t v = 0; v < nV; ++v) {
        VillageAssignment& a = result.villages[v];
        a.code = p.villages[v]->code;
        a.name = p.villages[v]->name;
        a.demand = p.demand[v];
        a.coveredBefore = existingDist[v] <= reach;
        if (existingIdx[v] >= 0 && std::isfinite(existingDist[v]) && (!mclp || a.coveredBefore)) {
            const Facility* f = p.existing[static_cast<std::size_t>(existingIdx[v])];
            a.servedBy = fmt::format("existing:{}", f->id);
            a.servedByName = f->name;
            a.distance = existingDist[v];
        }
    }
    std::vector<double> servedBySite(p.candidates.size(), 0.0);
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
    j["candidate_count"] = result.candidateCount;
    j["existing_count"] = result.existingCount;
    j["total_demand"] = result.totalDemand;
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    j["before"] = num(result.before);
    j["after"] = num(result.after);
    j["swaps"] = result.swaps;
    nlohmann::json sites = nlohmann::json::array();
    for (const PlacedSite& s : result.sites)
        sites.push_back({{"code", s.code}, {"name", s.name}, {"lon", s.point.x}, {"lat", s.point.y},
                         {"gain", s.gain}, {"served", s.served}});
    j["sites"] = sites;
    return j.dump();
}

std::string savePlacementRun(Dataset& ds, const PlacementResult& result, const std::string& timestampUtc)
{
    std::string key = "program." + timestampUtc;
    for (int k = 2; ds.meta.count(key); ++k)
        key = fmt::format("program.{}-{}", timestampUtc, k);
    ds.meta[key] = placementToJson(result);
    return key;
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
                                   "access_before,access_after,new_site_order,gain\n",
                                   unit);
    const bool mclp = result.options.method == PlacementMethod::MaxCover;
    for (const VillageAssignment& a : result.villages) {
        auto it = orderOf.find(a.code);
        text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", detail::csvQuoted(a.code), detail::csvQuoted(a.name),
                            csvNumber(a.demand), mclp ? (a.coveredBefore ? "1" : "0") : "",
                            mclp ? (a.coveredAfter ? "1" : "0") : "", detail::csvQuoted(a.servedBy), detail::csvQuoted(a.servedByName),
                            csvNumber(a.distance), csvNumber(a.accessBefore), csvNumber(a.accessAfter),
                            it == orderOf.end() ? std::string() : std::to_string(it->second),
                            it == orderOf.end() ? std::string() : csvNumber(gainOf[a.code]));
    }
    detail::writeFileAtomically(path, text);
}

} // namespace gis
