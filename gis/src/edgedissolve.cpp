#include "detail/edgedissolve.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace gis::detail {

namespace {

bool pointLess(Point a, Point b) noexcept
{
    return a.x < b.x || (a.x == b.x && a.y < b.y);
}

/// The ring's vertices without the closing repeat of the first.
std::size_t openSize(const Ring& ring) noexcept
{
    return ring.size() > 1 && ring.front() == ring.back() ? ring.size() - 1 : ring.size();
}

/// Twice the signed shoelace area (positive counter-clockwise), taken about the first vertex so
/// that longitudes near 100 degrees do not cost the small rings their sign.
double twiceSignedArea(const Ring& ring) noexcept
{
    const std::size_t n = openSize(ring);
    if (n < 3)
        return 0.0;
    const Point o = ring[0];
    double sum = 0.0;
    for (std::size_t i = 1; i + 1 < n; ++i)
        sum += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    return sum;
}

/// Whether \a p lies inside \a ring (crossing count; the rings here never pass through p's vertices).
bool inside(const Ring& ring, Point p) noexcept
{
    bool in = false;
    const std::size_t n = openSize(ring);
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Point a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            in = !in;
    }
    return in;
}

/// An edge keyed by its lower and higher end, remembering which way its ring ran.
struct KeyedEdge {
    Point lo, hi;
    bool loToHi;
};

struct DirectedEdge {
    Point from, to;
};

} // namespace

CancelledEdges dissolveByCancellingEdges(const MultiPolygon& parts)
{
    CancelledEdges result;
    std::vector<KeyedEdge> edges;
    std::size_t total = 0;
    for (const Polygon& p : parts) {
        total += p.exterior.size();
        for (const Ring& h : p.holes)
            total += h.size();
    }
    edges.reserve(total);
    bool clean = true;
    std::size_t ringEdges = 0;
    // Every shell counter-clockwise and every hole clockwise: an edge two parts share then runs
    // once each way.
    auto add = [&](const Ring& ring, bool shell) {
        const double area = twiceSignedArea(ring);
        clean = clean && area != 0.0;
        const bool reverse = area != 0.0 && (area > 0.0) != shell;
        const std::size_t n = openSize(ring);
        ringEdges += n;
        for (std::size_t i = 0; i < n; ++i) {
            Point a = ring[i], b = ring[(i + 1) % n];
            if (a == b)
                continue;
            if (reverse)
                std::swap(a, b);
            edges.push_back(pointLess(a, b) ? KeyedEdge{a, b, true} : KeyedEdge{b, a, false});
        }
    };
    for (const Polygon& p : parts) {
        add(p.exterior, true);
        for (const Ring& h : p.holes)
            add(h, false);
    }
    std::sort(edges.begin(), edges.end(), [](const KeyedEdge& a, const KeyedEdge& b) {
        return pointLess(a.lo, b.lo) || (a.lo == b.lo && pointLess(a.hi, b.hi));
    });

    // A pair running both ways cancels; a single edge is on the union's boundary; anything else
    // (the same edge twice one way, three times) is an overlap.
    std::vector<DirectedEdge> left;
    std::size_t shared = 0;
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i + 1;
        while (j < edges.size() && edges[j].lo == edges[i].lo && edges[j].hi == edges[i].hi)
            ++j;
        if (j - i == 1)
            left.push_back(edges[i].loToHi ? DirectedEdge{edges[i].lo, edges[i].hi}
                                           : DirectedEdge{edges[i].hi, edges[i].lo});
        else if (j - i == 2)
            shared += 2;
        if (j - i > 2 || (j - i == 2 && edges[i].loToHi == edges[i + 1].loToHi))
            clean = false;
        i = j;
    }
    result.sharesMostEdges = 4 * shared >= ringEdges;
    if (!clean || !result.sharesMostEdges || left.empty())
        return result;
    edges = {};

    // Chain the remaining edges: each node starts one edge at most (else rings touch there and
    // the way round is ambiguous: GEOS decides).
    std::sort(left.begin(), left.end(),
              [](const DirectedEdge& a, const DirectedEdge& b) { return pointLess(a.from, b.from); });
    for (std::size_t i = 1; i < left.size(); ++i)
        if (left[i].from == left[i - 1].from)
            return result;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> next(left.size(), kNone);
    for (std::size_t i = 0; i < left.size(); ++i) {
        auto it = std::lower_bound(left.begin(), left.end(), left[i].to,
                                   [](const DirectedEdge& e, Point p) { return pointLess(e.from, p); });
        if (it == left.end() || !(it->from == left[i].to))
            return result;
        next[i] = static_cast<std::uint32_t>(it - left.begin());
    }
    std::vector<Ring> shells, holes;
    std::vector<double> shellAreas;
    std::vector<bool> used(left.size(), false);
    for (std::size_t start = 0; start < left.size(); ++start) {
        if (used[start])
            continue;
        Ring ring{left[start].from};
        std::size_t e = start;
        do {
            if (used[e])
                return result;
            used[e] = true;
            ring.push_back(left[e].to);
            e = next[e];
        } while (e != start);
        const double area = twiceSignedArea(ring);
        if (area == 0.0)
            return result;
        if (area > 0.0) {
            shellAreas.push_back(area);
            shells.push_back(std::move(ring));
        } else {
            holes.push_back(std::move(ring));
        }
    }
    if (shells.empty())
        return result;

    // Each hole belongs to the smallest shell around it (an island in a lake has its own shell).
    std::vector<Extent> shellExtents;
    for (const Ring& s : shells) {
        Extent e;
        for (const Point& p : s)
            e.include(p);
        shellExtents.push_back(e);
    }
    MultiPolygon out(shells.size());
    for (Ring& hole : holes) {
        std::size_t owner = shells.size();
        if (shells.size() == 1) {
            owner = 0;
        } else {
            const Point p = hole.front();
            for (std::size_t s = 0; s < shells.size(); ++s)
                if (shellExtents[s].contains(p) && (owner == shells.size() || shellAreas[s] < shellAreas[owner])
                    && inside(shells[s], p))
                    owner = s;
            if (owner == shells.size())
                return result;
        }
        std::reverse(hole.begin(), hole.end()); // counter-clockwise, as GEOS writes holes
        out[owner].holes.push_back(std::move(hole));
    }
    for (std::size_t s = 0; s < shells.size(); ++s) {
        std::reverse(shells[s].begin(), shells[s].end()); // clockwise, as GEOS writes shells
        out[s].exterior = std::move(shells[s]);
    }
    result.dissolved = std::move(out);
    return result;
}

} // namespace gis::detail
