#include "gis/geodesicsearch.h"

#include "gis/error.h"
#include "gis/geodesy.h"
#include "gis/measure.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <thread>
#include <utility>

namespace gis {

namespace {

constexpr std::size_t kLeafSize = 8;
constexpr double kInf = std::numeric_limits<double>::infinity();

std::array<double, 3> unitVector(Point p)
{
    const double lat = geodesy::radians(p.y), lon = geodesy::radians(p.x);
    return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

/// The squared chord between unit vectors beyond which every point is farther than \a limitM:
/// the bound kMinMeridianRadiusM * angle * (1 - 1e-9) > limitM (geodesicsearch.h) solved for the
/// chord once per change of the limit, so that pruning compares squared chords without asin.
double prunableChord2(double limitM)
{
    const double maxAngle = limitM / (geodesy::kMinMeridianRadiusM * (1.0 - 1e-9));
    if (!(maxAngle < std::numbers::pi))
        return kInf; // no chord (at most 2) can rule a point out
    const double chord = 2.0 * std::sin(maxAngle / 2.0);
    return chord * chord;
}

template <class Box>
double boxChord2(const Box& box, const double q[3])
{
    double chord2 = 0.0;
    for (int k = 0; k < 3; ++k) {
        const double d = q[k] < box.lo[k] ? box.lo[k] - q[k] : q[k] > box.hi[k] ? q[k] - box.hi[k] : 0.0;
        chord2 += d * d;
    }
    return chord2;
}

bool before(const GeodesicPointIndex::Hit& a, const GeodesicPointIndex::Hit& b)
{
    return a.distanceM < b.distanceM || (a.distanceM == b.distanceM && a.index < b.index);
}

} // namespace

/// One search in progress: the query, the limit a point must not exceed to matter (as the
/// squared chord of its lower bound) and the result so far.
struct GeodesicPointIndex::Query {
    enum Mode { Nearest, KNearest, Radius };
    Query(Point at, Mode m) : point(at), mode(m)
    {
        const auto u = unitVector(at);
        q[0] = u[0];
        q[1] = u[1];
        q[2] = u[2];
    }
    Point point;
    Mode mode;
    double q[3] = {0, 0, 0};
    double limitChord2 = kInf;
    std::size_t skip = kNoPoint;
    std::size_t k = 0;     ///< KNearest
    double radiusM = 0.0;  ///< Radius
    Hit best{0, kInf};     ///< Nearest
    std::vector<Hit> hits; ///< KNearest: a max-heap by before(); Radius: in visiting order

    /// Takes a measured point into the result and tightens the limit.
    void offer(Hit hit)
    {
        switch (mode) {
        case Nearest:
            if (before(hit, best)) {
                best = hit;
                limitChord2 = prunableChord2(hit.distanceM);
            }
            break;
        case KNearest:
            if (hits.size() < k) {
                hits.push_back(hit);
                std::push_heap(hits.begin(), hits.end(), before);
            } else if (before(hit, hits.front())) {
                std::pop_heap(hits.begin(), hits.end(), before);
                hits.back() = hit;
                std::push_heap(hits.begin(), hits.end(), before);
            }
            if (hits.size() == k)
                limitChord2 = prunableChord2(hits.front().distanceM);
            break;
        case Radius:
            if (hit.distanceM <= radiusM)
                hits.push_back(hit);
            break;
        }
    }
};

GeodesicPointIndex::GeodesicPointIndex(std::vector<Point> points) : mPoints(std::move(points))
{
    mUnit.reserve(mPoints.size());
    for (Point p : mPoints)
        mUnit.push_back(unitVector(p));
    mOrder.resize(mPoints.size());
    std::iota(mOrder.begin(), mOrder.end(), std::size_t{0});
    if (!mPoints.empty())
        build(0, mPoints.size());
}

std::size_t GeodesicPointIndex::build(std::size_t begin, std::size_t end)
{
    const std::size_t id = mNodes.size();
    mNodes.push_back({{1e9, 1e9, 1e9}, {-1e9, -1e9, -1e9}, begin, end, 0, 0});
    Node box = mNodes[id];
    for (std::size_t i = begin; i < end; ++i)
        for (int k = 0; k < 3; ++k) {
            box.lo[k] = std::min(box.lo[k], mUnit[mOrder[i]][static_cast<std::size_t>(k)]);
            box.hi[k] = std::max(box.hi[k], mUnit[mOrder[i]][static_cast<std::size_t>(k)]);
        }
    if (end - begin > kLeafSize) {
        int axis = 0;
        for (int k = 1; k < 3; ++k)
            if (box.hi[k] - box.lo[k] > box.hi[axis] - box.lo[axis])
                axis = k;
        const std::size_t mid = begin + (end - begin) / 2;
        const auto a = static_cast<std::size_t>(axis);
        std::nth_element(mOrder.begin() + static_cast<std::ptrdiff_t>(begin),
                         mOrder.begin() + static_cast<std::ptrdiff_t>(mid),
                         mOrder.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](std::size_t x, std::size_t y) { return mUnit[x][a] < mUnit[y][a]; });
        box.left = build(begin, mid);
        box.right = build(mid, end);
    }
    mNodes[id] = box;
    return id;
}

void GeodesicPointIndex::search(std::size_t nodeId, Query& query) const
{
    const Node& node = mNodes[nodeId];
    // Nearest possible squared chord from the query to the box: when even that is beyond the
    // limit, the geodesic lower bound of every point in the box exceeds what a result may have.
    if (boxChord2(node, query.q) > query.limitChord2)
        return;
    if (node.left == 0) {
        // Nearest by angle first, so the first geodesics measured tighten the limit and the
        // bound rules out the rest without computing theirs.
        std::array<std::pair<double, std::size_t>, kLeafSize> candidates{};
        std::size_t count = 0;
        for (std::size_t i = node.begin; i < node.end; ++i) {
            const std::size_t idx = mOrder[i];
            if (idx == query.skip)
                continue;
            const auto& u = mUnit[idx];
            const double* q = query.q;
            const double c2 =
                (u[0] - q[0]) * (u[0] - q[0]) + (u[1] - q[1]) * (u[1] - q[1]) + (u[2] - q[2]) * (u[2] - q[2]);
            // Insertion sort by (chord², index): a leaf holds at most kLeafSize points.
            std::size_t at = count++;
            for (; at > 0 && std::pair(c2, idx) < candidates[at - 1]; --at)
                candidates[at] = candidates[at - 1];
            candidates[at] = {c2, idx};
        }
        for (std::size_t k = 0; k < count; ++k) {
            const auto [c2, idx] = candidates[k];
            if (c2 > query.limitChord2)
                break; // sorted: every later candidate is at least as far
            query.offer({idx, geodesicDistanceM(query.point, mPoints[idx])});
        }
        return;
    }
    // Visit the child whose box is nearer first, so the limit tightens early.
    const bool leftFirst = boxChord2(mNodes[node.left], query.q) <= boxChord2(mNodes[node.right], query.q);
    search(leftFirst ? node.left : node.right, query);
    search(leftFirst ? node.right : node.left, query);
}

GeodesicPointIndex::Hit GeodesicPointIndex::nearest(Point query) const
{
    if (mPoints.empty())
        throw Error("nearest-point search over an empty set of points");
    Query q(query, Query::Nearest);
    search(0, q);
    return q.best;
}

std::vector<GeodesicPointIndex::Hit> GeodesicPointIndex::nearestK(Point query, std::size_t k, std::size_t skip) const
{
    Query q(query, Query::KNearest);
    q.k = k;
    q.skip = skip;
    if (k == 0 || mPoints.empty())
        return {};
    search(0, q);
    std::sort_heap(q.hits.begin(), q.hits.end(), before);
    return std::move(q.hits);
}

std::vector<GeodesicPointIndex::Hit> GeodesicPointIndex::withinRadius(Point query, double radiusM) const
{
    if (!(radiusM >= 0.0) || mPoints.empty())
        return {};
    Query q(query, Query::Radius);
    q.radiusM = radiusM;
    q.limitChord2 = prunableChord2(radiusM);
    search(0, q);
    std::sort(q.hits.begin(), q.hits.end(), [](const Hit& a, const Hit& b) { return a.index < b.index; });
    return std::move(q.hits);
}

std::vector<std::vector<GeodesicPointIndex::Hit>> GeodesicPointIndex::withinRadiusOfEach(
    const std::vector<Point>& queries, double radiusM, unsigned threads) const
{
    std::vector<std::vector<Hit>> out(queries.size());
    auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            out[i] = withinRadius(queries[i], radiusM);
    };
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, queries.size() / 64)));
    if (threads <= 1) {
        work(0, queries.size());
        return out;
    }
    // Each thread writes only its own range of out; the index is read-only.
    std::vector<std::thread> pool;
    const std::size_t chunk = (queries.size() + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t) {
        const std::size_t b = std::min(queries.size(), t * chunk);
        pool.emplace_back(work, b, std::min(queries.size(), b + chunk));
    }
    for (auto& th : pool)
        th.join();
    return out;
}

} // namespace gis
