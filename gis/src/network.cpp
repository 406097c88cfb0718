#include "gis/network.h"

#include "gis/error.h"
#include "gis/measure.h"
#include "gis/text.h"
#include "gis/vectorio.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <queue>
#include <unordered_map>
#include <utility>

namespace gis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
/// Metres per degree of latitude (mean); used only for tolerances and the grid metric.
constexpr double kMetresPerDegree = 111320.0;
constexpr double kDefaultSpeedKmh = 30.0;

double minutesFor(double lengthM, double speedKmh)
{
    return lengthM / (speedKmh * 1000.0 / 60.0);
}

bool validSpeed(double kmh)
{
    return std::isfinite(kmh) && kmh > 0.0;
}

std::string normaliseClass(const std::string& s)
{
    return asciiLower(trimmed(s));
}

/// Nearest point of segment ab to q in the local metric (x scaled by cosLat), as the
/// fraction t along ab and the squared metric distance.
std::pair<double, double> projectOnSegment(Point q, Point a, Point b, double cosLat)
{
    const double ax = (a.x - q.x) * cosLat, ay = a.y - q.y;
    const double bx = (b.x - q.x) * cosLat, by = b.y - q.y;
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0)
        t = std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0);
    const double px = ax + t * dx, py = ay + t * dy;
    return {t, px * px + py * py};
}

Point lerp(Point a, Point b, double t)
{
    return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

/// A uniform grid over segments, for nearest-segment queries. Segments are given by an
/// accessor returning their two end points.
struct Grid {
    double minX = 0.0, minY = 0.0, cell = 1.0, cosLat = 1.0;
    long long nx = 0, ny = 0;
    std::vector<std::size_t> start;
    std::vector<std::size_t> items;

    template <typename Seg>
    void build(std::size_t count, Seg seg)
    {
        start.clear();
        items.clear();
        nx = ny = 0;
        if (count == 0)
            return;
        Extent ext;
        for (std::size_t i = 0; i < count; ++i) {
            const auto [a, b] = seg(i);
            ext.include(a);
            ext.include(b);
        }
        cosLat = std::max(std::cos(ext.center().y * std::numbers::pi / 180.0), 0.01);
        const double w = ext.width(), h = ext.height();
        const double n = static_cast<double>(count);
        cell = std::max({std::sqrt(w * h / n), std::max(w, h) / n, 1e-7});
        const double maxCells = std::max(4.0 * n, 1024.0);
        auto cellsFor = [&](double c) { return (std::floor(w / c) + 1.0) * (std::floor(h / c) + 1.0); };
        while (cellsFor(cell) > maxCells)
            cell *= 1.5;
        minX = ext.minX;
        minY = ext.minY;
        nx = static_cast<long long>(std::floor(w / cell)) + 1;
        ny = static_cast<long long>(std::floor(h / cell)) + 1;
        const auto cells = static_cast<std::size_t>(nx * ny);
        std::vector<std::size_t> counts(cells + 1, 0);
        auto forCells = [&](std::size_t i, const std::function<void(std::size_t)>& f) {
            const auto [a, b] = seg(i);
            const long long x0 = cellX(std::min(a.x, b.x)), x1 = cellX(std::max(a.x, b.x));
            const long long y0 = cellY(std::min(a.y, b.y)), y1 = cellY(std::max(a.y, b.y));
            for (long long y = y0; y <= y1; ++y)
                for (long long x = x0; x <= x1; ++x)
                    f(static_cast<std::size_t>(y * nx + x));
        };
        for (std::size_t i = 0; i < count; ++i)
            forCells(i, [&](std::size_t c) { ++counts[c + 1]; });
        for (std::size_t c = 0; c < cells; ++c)
            counts[c + 1] += counts[c];
        start = counts;
        items.assign(start.back(), 0);
        std::vector<std::size_t> fill(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < count; ++i)
            forCells(i, [&](std::size_t c) { items[fill[c]++] = i; });
    }

    long long cellX(double x) const
    {
        return std::clamp(static_cast<long long>(std::floor((x - minX) / cell)), 0LL, nx - 1);
    }
    long long cellY(double y) const
    {
        return std::clamp(static_cast<long long>(std::floor((y - minY) / cell)), 0LL, ny - 1);
    }

    struct Hit {
        bool found = false;
        std::size_t segment = 0;
        double t = 0.0;
        double dist2 = kInf;
    };

    /// Nearest segment to q for which accept(i) is true.
    template <typename Seg, typename Accept>
    Hit nearest(Point q, Seg seg, Accept accept) const
    {
        Hit best;
        if (nx == 0)
            return best;
        // Query cell, unclamped (the point may lie outside the grid).
        const auto cx = static_cast<long long>(std::floor((q.x - minX) / cell));
        const auto cy = static_cast<long long>(std::floor((q.y - minY) / cell));
        const long long maxRing =
            std::max({std::llabs(cx), std::llabs(cx - (nx - 1)), std::llabs(cy), std::llabs(cy - (ny - 1))});
        auto visit = [&](long long x, long long y) {
            if (x < 0 || y < 0 || x >= nx || y >= ny)
                return;
            const auto c = static_cast<std::size_t>(y * nx + x);
            for (std::size_t k = start[c]; k < start[c + 1]; ++k) {
                const std::size_t i = items[k];
                if (!accept(i))
                    continue;
                const auto [a, b] = seg(i);
                const auto [t, d2] = projectOnSegment(q, a, b, cosLat);
                if (d2 < best.dist2 || (d2 == best.dist2 && i < best.segment)) {
                    best = {true, i, t, d2};
                }
            }
        };
        // Rings of cells around the query cell, clipped to the grid; the first rings may lie
        // wholly outside when the point is outside the grid.
        const long long outX = cx < 0 ? -cx : std::max(cx - (nx - 1), 0LL);
        const long long outY = cy < 0 ? -cy : std::max(cy - (ny - 1), 0LL);
        for (long long k = std::max(outX, outY); k <= maxRing; ++k) {
            const long long x0 = std::max(cx - k, 0LL), x1 = std::min(cx + k, nx - 1);
            const long long y0 = std::max(cy - k + 1, 0LL), y1 = std::min(cy + k - 1, ny - 1);
            for (long long x = x0; x <= x1; ++x) {
                visit(x, cy - k);
                if (k > 0)
                    visit(x, cy + k);
            }
            if (k > 0)
                for (long long y = y0; y <= y1; ++y) {
                    visit(cx - k, y);
                    visit(cx + k, y);
                }
            // Anything not yet seen lies at least k cells away along one axis.
            const double reach = static_cast<double>(k) * cell * std::min(cosLat, 1.0);
            if (best.found && best.dist2 <= reach * reach)
                break;
        }
        return best;
    }
};

/// Approximate metric distance in metres between nearby points (for tolerances only).
double approxMetres(Point a, Point b, double cosLat)
{
    const double dx = (a.x - b.x) * cosLat * kMetresPerDegree;
    const double dy = (a.y - b.y) * kMetresPerDegree;
    return std::sqrt(dx * dx + dy * dy);
}

} // namespace

// --- building ---------------------------------------------------------------------------------

namespace {

bool allFinite(const LineString& line)
{
    return std::all_of(line.begin(), line.end(),
                       [](const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); });
}

} // namespace

RoadNetwork RoadNetwork::fromLines(const std::vector<LineString>& lines, const std::vector<double>& speedsKmh,
                                   const Options& options)
{
    if (!speedsKmh.empty() && speedsKmh.size() != lines.size())
        throw Error(fmt::format("road network: {} speeds given for {} lines; give one speed per line, or none "
                                "for the default {} km/h",
                                speedsKmh.size(), lines.size(), kDefaultSpeedKmh));
    RoadNetwork net;
    net.mOptions = options;
    std::vector<LineString> kept;
    std::vector<double> speeds;
    std::vector<std::size_t> ids;
    std::size_t badSpeed = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!allFinite(lines[i]))
            throw Error(fmt::format("road network: line {} has a coordinate that is not a number (NaN or infinite); "
                                    "fix or remove the line",
                                    i + 1));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double s = speedsKmh.empty() ? kDefaultSpeedKmh : speedsKmh[i];
        if (!validSpeed(s)) {
            ++badSpeed;
            continue;
        }
        kept.push_back(lines[i]);
        speeds.push_back(s);
        ids.push_back(i);
    }
    if (badSpeed > 0)
        net.mNotes.push_back(fmt::format("{} line(s) left out: speed not a positive number of km/h", badSpeed));
    net.build(std::move(kept), speeds, ids);
    return net;
}

RoadNetwork RoadNetwork::fromVector(const VectorData& data, const std::string& classField,
                                    const std::map<std::string, double>& speedByClass, double defaultSpeedKmh,
                                    const Options& options)
{
    if (!validSpeed(defaultSpeedKmh))
        throw Error(fmt::format("road network from '{}': the default speed {} km/h is not a positive number", data.path,
                                defaultSpeedKmh));
    std::map<std::string, double> speeds;
    for (const auto& [cls, kmh] : speedByClass) {
        if (!validSpeed(kmh))
            throw Error(
                fmt::format("road network from '{}': the speed of class '{}' ({} km/h) is not a positive number",
                            data.path, cls, kmh));
        speeds[normaliseClass(cls)] = kmh;
    }
    int field = -1;
    if (!classField.empty()) {
        field = data.fieldIndex(classField);
        if (field < 0) {
            std::string names;
            for (const auto& n : data.fieldNames)
                names += (names.empty() ? "" : ", ") + n;
            throw Error(
                fmt::format("road network from '{}': no field '{}' for the road class; the layer's fields are: {}",
                            data.path, classField, names.empty() ? "(none)" : names));
        }
    }
    RoadNetwork net;
    net.mOptions = options;
    std::vector<LineString> lines;
    std::vector<double> lineSpeeds;
    std::vector<std::size_t> ids;
    std::map<std::string, std::size_t> defaulted;
    std::size_t notLines = 0;
    for (std::size_t i = 0; i < data.features.size(); ++i) {
        const auto& f = data.features[i];
        if (f.geometry.type != GeometryType::Line || f.geometry.lines.empty()) {
            ++notLines;
            continue;
        }
        double kmh = defaultSpeedKmh;
        if (field >= 0) {
            const auto idx = static_cast<std::size_t>(field);
            const std::string cls = idx < f.values.size() ? normaliseClass(fieldText(f.values[idx])) : std::string{};
            if (auto it = speeds.find(cls); it != speeds.end())
                kmh = it->second;
            else
                ++defaulted[cls];
        }
        for (const auto& line : f.geometry.lines) {
            lines.push_back(line);
            lineSpeeds.push_back(kmh);
            ids.push_back(i);
        }
    }
    const std::size_t usable =
        static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), [](const LineString& l) {
            return std::adjacent_find(l.begin(), l.end(), std::not_equal_to<>()) != l.end();
        }));
    if (usable == 0)
        throw Error(fmt::format("road network from '{}': none of its {} features is a line with two or more distinct "
                                "points ({} are points, polygons or empty); give a file of road lines",
                                data.path, data.features.size(), notLines));
    for (const LineString& line : lines)
        if (!allFinite(line))
            throw Error(fmt::format("road network from '{}': a line has a coordinate that is not a number; fix or "
                                    "remove it",
                                    data.path));
    if (notLines > 0)
        net.mNotes.push_back(fmt::format("{} feature(s) of '{}' left out: not lines (or empty)", notLines, data.path));
    for (const auto& [cls, n] : defaulted)
        net.mNotes.push_back(fmt::format("{} feature(s) of class '{}' (not in the speed table) at the default {} km/h",
                                         n, cls.empty() ? "(empty)" : cls, defaultSpeedKmh));
    net.build(std::move(lines), lineSpeeds, ids);
    return net;
}

namespace {

/// Step 1 of RoadNetwork::build, T-junctions: a line end within \a tolM of another segment's
/// interior gets a vertex inserted into that segment, so the vertex snapping joins them.
/// Returns how many ends were joined so.
std::size_t insertTJunctions(std::vector<LineString>& lines, double tolM, double cosLat)
{
    std::size_t joins = 0;
    std::vector<std::pair<std::size_t, std::size_t>> segs; // (line, first vertex)
    for (std::size_t l = 0; l < lines.size(); ++l)
        for (std::size_t v = 0; v + 1 < lines[l].size(); ++v)
            segs.emplace_back(l, v);
    auto seg = [&](std::size_t i) {
        const auto& [l, v] = segs[i];
        return std::pair<Point, Point>{lines[l][v], lines[l][v + 1]};
    };
    Grid grid;
    grid.build(segs.size(), seg);
    struct Insert {
        std::size_t vertex;
        double t;
        Point p;
    };
    std::vector<std::vector<Insert>> inserts(lines.size());
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const auto& line = lines[l];
        if (line.empty())
            continue;
        for (const bool atStart : {true, false}) {
            const Point end = atStart ? line.front() : line.back();
            const std::size_t ownSeg = atStart ? 0 : line.size() - 2;
            const auto hit = grid.nearest(
                end, seg, [&](std::size_t i) { return !(segs[i].first == l && segs[i].second == ownSeg); });
            if (!hit.found)
                continue;
            const auto [a, b] = seg(hit.segment);
            const Point p = lerp(a, b, hit.t);
            if (approxMetres(p, end, cosLat) > tolM)
                continue;
            if (approxMetres(p, a, cosLat) <= tolM || approxMetres(p, b, cosLat) <= tolM)
                continue; // the vertex snapping joins it
            inserts[segs[hit.segment].first].push_back({segs[hit.segment].second, hit.t, p});
            ++joins;
        }
    }
    for (std::size_t l = 0; l < lines.size(); ++l) {
        auto& ins = inserts[l];
        if (ins.empty())
            continue;
        std::sort(ins.begin(), ins.end(), [](const Insert& x, const Insert& y) {
            return x.vertex != y.vertex ? x.vertex < y.vertex : x.t < y.t;
        });
        LineString out;
        std::size_t k = 0;
        for (std::size_t v = 0; v < lines[l].size(); ++v) {
            out.push_back(lines[l][v]);
            while (k < ins.size() && ins[k].vertex == v)
                out.push_back(ins[k++].p);
        }
        lines[l] = std::move(out);
    }
    return joins;
}

} // namespace

void RoadNetwork::build(std::vector<LineString> lines, const std::vector<double>& speeds,
                        const std::vector<std::size_t>& lineIds)
{
    const double tolM = std::max(mOptions.snapToleranceM, 0.0);
    // Drop consecutive duplicate vertices; leave out lines with fewer than two points.
    std::size_t degenerate = 0;
    for (auto& line : lines) {
        line.erase(std::unique(line.begin(), line.end()), line.end());
        if (line.size() < 2) {
            line.clear();
            ++degenerate;
        }
    }
    if (degenerate > 0)
        mNotes.push_back(fmt::format("{} line(s) left out: fewer than two distinct points", degenerate));

    Extent ext;
    for (const auto& line : lines)
        for (const Point& p : line)
            ext.include(p);
    if (ext.isEmpty()) {
        mAdjStart.assign(1, 0);
        return;
    }
    const double cosLat = std::max(std::cos(ext.center().y * std::numbers::pi / 180.0), 0.01);

    // 1. T-junctions joined by a vertex inserted into the segment.
    if (tolM > 0.0)
        mSnappedJoins += insertTJunctions(lines, tolM, cosLat);

    // 2. Nodes: vertices within the tolerance of an existing node join it (hash grid of cells
    //    one tolerance wide, so a match lies in the 3x3 cells around).
    const double cellDeg = std::max(tolM, 1e-3) / kMetresPerDegree;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> cells;
    auto key = [](long long ix, long long iy) {
        return (static_cast<std::uint64_t>(ix + (1LL << 31)) << 32) ^ static_cast<std::uint64_t>(iy + (1LL << 31));
    };
    auto nodeFor = [&](Point p) {
        const auto ix = static_cast<long long>(std::floor(p.x * cosLat / cellDeg));
        const auto iy = static_cast<long long>(std::floor(p.y / cellDeg));
        std::size_t best = mNodes.size();
        double bestD = kInf;
        for (long long dy = -1; dy <= 1; ++dy)
            for (long long dx = -1; dx <= 1; ++dx) {
                auto it = cells.find(key(ix + dx, iy + dy));
                if (it == cells.end())
                    continue;
                for (std::size_t n : it->second) {
                    const double d = approxMetres(p, mNodes[n], cosLat);
                    if (d <= tolM && d < bestD) {
                        best = n;
                        bestD = d;
                    }
                }
            }
        if (best < mNodes.size()) {
            if (!(mNodes[best] == p))
                ++mSnappedJoins;
            return best;
        }
        mNodes.push_back(p);
        cells[key(ix, iy)].push_back(mNodes.size() - 1);
        return mNodes.size() - 1;
    };

    // 3. Edges between consecutive vertices.
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const auto& line = lines[l];
        if (line.empty())
            continue;
        std::size_t prev = nodeFor(line.front());
        for (std::size_t v = 1; v < line.size(); ++v) {
            const std::size_t cur = nodeFor(line[v]);
            if (cur != prev) {
                Edge e;
                e.from = prev;
                e.to = cur;
                e.lengthM = geodesicDistanceM(mNodes[prev], mNodes[cur]);
                e.speedKmh = speeds[l];
                e.minutes = minutesFor(e.lengthM, e.speedKmh);
                e.line = lineIds[l];
                mEdges.push_back(e);
            }
            prev = cur;
        }
    }

    linkAdjacency();
    buildGrid();
}

/// Step 4 of build: the CSR adjacency of the edges and the connected components of the nodes.
void RoadNetwork::linkAdjacency()
{
    mAdjStart.assign(mNodes.size() + 1, 0);
    for (const auto& e : mEdges) {
        ++mAdjStart[e.from + 1];
        ++mAdjStart[e.to + 1];
    }
    for (std::size_t n = 0; n < mNodes.size(); ++n)
        mAdjStart[n + 1] += mAdjStart[n];
    mAdj.assign(mAdjStart.back(), 0);
    std::vector<std::size_t> fill(mAdjStart.begin(), mAdjStart.end() - 1);
    for (std::size_t i = 0; i < mEdges.size(); ++i) {
        mAdj[fill[mEdges[i].from]++] = i;
        mAdj[fill[mEdges[i].to]++] = i;
    }
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    mComponent.assign(mNodes.size(), kNone);
    mComponentCount = 0;
    std::vector<std::size_t> stack;
    for (std::size_t n = 0; n < mNodes.size(); ++n) {
        if (mComponent[n] != kNone)
            continue;
        const std::size_t id = mComponentCount++;
        mComponent[n] = id;
        stack.push_back(n);
        while (!stack.empty()) {
            const std::size_t u = stack.back();
            stack.pop_back();
            for (std::size_t k = mAdjStart[u]; k < mAdjStart[u + 1]; ++k) {
                const auto& e = mEdges[mAdj[k]];
                const std::size_t v = e.from == u ? e.to : e.from;
                if (mComponent[v] == kNone) {
                    mComponent[v] = id;
                    stack.push_back(v);
                }
            }
        }
    }
}

struct RoadNetwork::SegmentGrid : Grid {};

void RoadNetwork::buildGrid()
{
    auto grid = std::make_shared<SegmentGrid>();
    grid->build(mEdges.size(), [&](std::size_t i) {
        return std::pair<Point, Point>{mNodes[mEdges[i].from], mNodes[mEdges[i].to]};
    });
    mGrid = std::move(grid);
}

// --- queries ----------------------------------------------------------------------------------

RoadSnap RoadNetwork::snap(Point p) const
{
    RoadSnap result;
    if (mEdges.empty() || !mGrid)
        return result;
    auto seg = [&](std::size_t i) { return std::pair<Point, Point>{mNodes[mEdges[i].from], mNodes[mEdges[i].to]}; };
    const auto best = mGrid->nearest(p, seg, [](std::size_t) { return true; });
    if (!best.found)
        return result;
    const auto [a, b] = seg(best.segment);
    result.point = lerp(a, b, best.t);
    result.offRoadM = geodesicDistanceM(p, result.point);
    result.edge = best.segment;
    result.fraction = best.t;
    result.onNetwork = result.offRoadM <= mOptions.maxSnapDistanceM;
    return result;
}

void RoadNetwork::dijkstra(const std::vector<std::pair<std::size_t, double>>& seeds,
                           const std::vector<long long>& seedLabels, std::vector<double>& dist,
                           std::vector<long long>& label) const
{
    dist.assign(mNodes.size(), kInf);
    label.assign(mNodes.size(), -1);
    using Item = std::pair<double, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        const auto [node, minutes] = seeds[i];
        if (node < dist.size() && std::isfinite(minutes) && minutes >= 0.0 && minutes < dist[node]) {
            dist[node] = minutes;
            label[node] = seedLabels[i];
            queue.emplace(minutes, node);
        }
    }
    while (!queue.empty()) {
        const auto [d, u] = queue.top();
        queue.pop();
        if (d > dist[u])
            continue;
        for (std::size_t k = mAdjStart[u]; k < mAdjStart[u + 1]; ++k) {
            const auto& e = mEdges[mAdj[k]];
            if (!(e.minutes >= 0.0) || !std::isfinite(e.minutes))
                continue; // a NaN or negative weight would break the order of the queue
            const std::size_t v = e.from == u ? e.to : e.from;
            const double nd = d + e.minutes;
            if (nd < dist[v]) {
                dist[v] = nd;
                label[v] = label[u];
                queue.emplace(nd, v);
            }
        }
    }
}

double RoadNetwork::travelMinutes(Point from, Point to) const
{
    return travelMinutesFrom(from, {to}).front();
}

std::vector<double> RoadNetwork::travelMinutesFrom(Point source, const std::vector<Point>& targets) const
{
    const auto all = nearestTravel({source}, targets);
    std::vector<double> out;
    out.reserve(all.size());
    for (const auto& r : all)
        out.push_back(r.minutes);
    return out;
}

std::vector<double> RoadNetwork::nearestMinutes(const std::vector<Point>& sources,
                                                const std::vector<Point>& queries) const
{
    const auto all = nearestTravel(sources, queries);
    std::vector<double> out;
    out.reserve(all.size());
    for (const auto& r : all)
        out.push_back(r.minutes);
    return out;
}

std::vector<NearestTravel> RoadNetwork::nearestTravel(const std::vector<Point>& sources,
                                                      const std::vector<Point>& queries) const
{
    std::vector<NearestTravel> out(queries.size());
    if (mEdges.empty() || sources.empty())
        return out;
    const double offSpeed = mOptions.offRoadSpeedKmh;
    auto offMinutes = [&](const RoadSnap& s) {
        return validSpeed(offSpeed) ? minutesFor(s.offRoadM, offSpeed) : (s.offRoadM > 0 ? kInf : 0.0);
    };

    std::vector<std::pair<std::size_t, double>> seeds;
    std::vector<long long> seedLabels;
    // Sources per edge, for a query on the same edge (the direct way along it).
    std::unordered_map<std::size_t, std::vector<std::pair<long long, RoadSnap>>> onEdge;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const RoadSnap s = snap(sources[i]);
        if (!s.onNetwork)
            continue;
        const double off = offMinutes(s);
        const auto& e = mEdges[s.edge];
        const auto label = static_cast<long long>(i);
        seeds.emplace_back(e.from, off + s.fraction * e.minutes);
        seedLabels.push_back(label);
        seeds.emplace_back(e.to, off + (1.0 - s.fraction) * e.minutes);
        seedLabels.push_back(label);
        onEdge[s.edge].emplace_back(label, s);
    }
    if (seeds.empty())
        return out;
    std::vector<double> dist;
    std::vector<long long> label;
    dijkstra(seeds, seedLabels, dist, label);

    for (std::size_t q = 0; q < queries.size(); ++q) {
        const RoadSnap s = snap(queries[q]);
        if (!s.onNetwork)
            continue;
        const double off = offMinutes(s);
        const auto& e = mEdges[s.edge];
        NearestTravel best;
        auto consider = [&](double minutes, long long src) {
            if (src >= 0 && (minutes < best.minutes || (minutes == best.minutes && src < best.source))) {
                best.minutes = minutes;
                best.source = src;
            }
        };
        consider(dist[e.from] + s.fraction * e.minutes + off, label[e.from]);
        consider(dist[e.to] + (1.0 - s.fraction) * e.minutes + off, label[e.to]);
        if (auto it = onEdge.find(s.edge); it != onEdge.end())
            for (const auto& [src, ss] : it->second)
                consider(offMinutes(ss) + std::abs(ss.fraction - s.fraction) * e.minutes + off, src);
        if (std::isfinite(best.minutes))
            out[q] = best;
    }
    return out;
}

} // namespace gis
