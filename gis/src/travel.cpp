// The friction grid and cost distance of travel.h. The Dijkstra loop works on flat float
// arrays with one binary heap of (minutes, cell) reserved up front; the 16 moves are a table.
#include "gis/travel.h"

#include "gis/crs.h"
#include "gis/error.h"
#include "gis/network.h"

#include "detail/ogrhandles.h"
#include "detail/rasterise.h"

#include <gdal_alg.h>
#include <ogr_geometry.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>
#include <utility>

namespace gis {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
/// minutes per metre at 1 km/h
constexpr double kMinutesPerMetreAt1Kmh = 0.06;

struct Move {
    int dc, dr;
    float lengthCells;
    /// Intermediate cells the move passes (relative to the move's start), for diagonal and
    /// knight's moves; orthogonal moves have none (count 0).
    int count;
    int c1, r1, c2, r2;
};

/// The 16 moves: 4 orthogonal, 4 diagonal, 8 knight's.
std::vector<Move> makeMoves()
{
    std::vector<Move> moves;
    const int sign[2] = {-1, 1};
    for (int s : sign) {
        moves.push_back({s, 0, 1.0f, 0, 0, 0, 0, 0});
        moves.push_back({0, s, 1.0f, 0, 0, 0, 0, 0});
    }
    for (int sx : sign)
        for (int sy : sign) {
            moves.push_back({sx, sy, static_cast<float>(std::sqrt(2.0)), 2, sx, 0, 0, sy});
            // (2, 1): passes (1, 0) and (1, 1); (1, 2): passes (0, 1) and (1, 1).
            moves.push_back({2 * sx, sy, static_cast<float>(std::sqrt(5.0)), 2, sx, 0, sx, sy});
            moves.push_back({sx, 2 * sy, static_cast<float>(std::sqrt(5.0)), 2, 0, sy, sx, sy});
        }
    return moves;
}

const std::vector<Move>& moves()
{
    static const std::vector<Move> table = makeMoves();
    return table;
}

/// A monotone priority queue of (minutes, cell) for Dijkstra (a radix heap): keys are the bit
/// patterns of non-negative floats, which order like the floats; every key pushed is at least the
/// last key popped, so an item lands in the bucket of the highest bit where it differs from that
/// key. Push is O(1), pop amortised O(32); buckets keep their capacity between runs.
class RadixHeap {
public:
    bool empty() const noexcept { return mSize == 0; }
    void push(float minutes, std::uint32_t cell)
    {
        const std::uint32_t key = bitsOf(minutes);
        mBuckets[bucketOf(key)].push_back({key, cell});
        ++mSize;
    }
    /// Removes and returns an item of the smallest key.
    std::pair<float, std::uint32_t> pop()
    {
        if (mBuckets[0].empty()) {
            std::size_t i = 1;
            while (mBuckets[i].empty())
                ++i;
            std::uint32_t smallest = mBuckets[i].front().first;
            for (const auto& item : mBuckets[i])
                smallest = std::min(smallest, item.first);
            mLast = smallest;
            for (const auto& item : mBuckets[i])
                mBuckets[bucketOf(item.first)].push_back(item);
            mBuckets[i].clear();
        }
        const auto item = mBuckets[0].back();
        mBuckets[0].pop_back();
        --mSize;
        float minutes;
        std::memcpy(&minutes, &item.first, sizeof minutes);
        return {minutes, item.second};
    }

private:
    static std::uint32_t bitsOf(float v)
    {
        std::uint32_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return bits;
    }
    std::size_t bucketOf(std::uint32_t key) const noexcept
    {
        return key == mLast ? 0 : static_cast<std::size_t>(32 - __builtin_clz(key ^ mLast));
    }

    std::array<std::vector<std::pair<std::uint32_t, std::uint32_t>>, 33> mBuckets;
    std::uint32_t mLast = 0;
    std::size_t mSize = 0;
};

float paceOf(double kmh)
{
    return kmh > 0 && std::isfinite(kmh) ? static_cast<float>(kMinutesPerMetreAt1Kmh / kmh) : kInf;
}

/// Burns the cells of one segment (grid coordinates in cells, x right, y down) 4-connected.
template <typename Visit>
void walkSegment(double x0, double y0, double x1, double y1, int width, int height, Visit&& visit)
{
    int c = static_cast<int>(std::floor(x0)), r = static_cast<int>(std::floor(y0));
    const int cEnd = static_cast<int>(std::floor(x1)), rEnd = static_cast<int>(std::floor(y1));
    const double dx = x1 - x0, dy = y1 - y0;
    const int stepC = dx > 0 ? 1 : -1, stepR = dy > 0 ? 1 : -1;
    // Amanatides-Woo traversal: every cell the segment passes, side neighbours only.
    double tMaxX = dx != 0 ? ((stepC > 0 ? c + 1 - x0 : x0 - c) / std::fabs(dx)) : kInf;
    double tMaxY = dy != 0 ? ((stepR > 0 ? r + 1 - y0 : y0 - r) / std::fabs(dy)) : kInf;
    const double tDeltaX = dx != 0 ? 1.0 / std::fabs(dx) : kInf;
    const double tDeltaY = dy != 0 ? 1.0 / std::fabs(dy) : kInf;
    const int maxSteps = std::abs(cEnd - c) + std::abs(rEnd - r) + 2;
    for (int i = 0; i <= maxSteps; ++i) {
        if (c >= 0 && r >= 0 && c < width && r < height)
            visit(static_cast<std::size_t>(r) * static_cast<std::size_t>(width) + static_cast<std::size_t>(c));
        if (c == cEnd && r == rEnd)
            break;
        if (tMaxX < tMaxY) {
            tMaxX += tDeltaX;
            c += stepC;
        } else {
            tMaxY += tDeltaY;
            r += stepR;
        }
    }
}

} // namespace

std::vector<std::int32_t> detail::rasteriseIds(const RasterGrid& shape,
                                               const std::vector<const MultiPolygon*>& polygons)
{
    detail::ensureGdalRegistered();
    detail::GdalErrorCollector errors;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("", shape.width, shape.height, 1, GDT_Int32, nullptr));
    if (!ds)
        throw Error("cannot create a raster in memory to burn polygons into");
    double gt[6] = {shape.originX, shape.cellSize, 0.0, shape.originY, 0.0, -shape.cellSize};
    ds->SetGeoTransform(gt);
    const CoordinateTransform toGrid("EPSG:4326", shape.crs);
    std::vector<std::unique_ptr<OGRGeometry>> owned;
    std::vector<OGRGeometryH> handles;
    std::vector<double> burn;
    auto ringOf = [](const Ring& ring) {
        auto r = std::make_unique<OGRLinearRing>();
        for (Point q : ring)
            r->addPoint(q.x, q.y);
        return r;
    };
    for (std::size_t k = 0; k < polygons.size(); ++k) {
        auto geometry = std::make_unique<OGRMultiPolygon>();
        for (const Polygon& p : toGrid.forward(*polygons[k])) {
            OGRPolygon polygon;
            polygon.addRingDirectly(ringOf(p.exterior).release());
            for (const Ring& hole : p.holes)
                polygon.addRingDirectly(ringOf(hole).release());
            geometry->addGeometry(&polygon);
        }
        handles.push_back(OGRGeometry::ToHandle(geometry.get()));
        owned.push_back(std::move(geometry));
        burn.push_back(static_cast<double>(k + 1));
    }
    int band = 1;
    if (!handles.empty()
        && GDALRasterizeGeometries(GDALDataset::ToHandle(ds.get()), 1, &band, static_cast<int>(handles.size()),
                                   handles.data(), nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr)
            != CE_None)
        throw Error("cannot burn polygons onto the grid: " + errors.takeFailures());
    std::vector<std::int32_t> ids(shape.cellCount(), 0);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, shape.width, shape.height, ids.data(), shape.width, shape.height,
                                       GDT_Int32, 0, 0)
        != CE_None)
        throw Error("cannot read the polygons burnt onto the grid");
    return ids;
}

double toblerKmh(double slope)
{
    return 6.0 * std::exp(-3.5 * std::fabs(slope + 0.05));
}

double toblerFlatKmh()
{
    return toblerKmh(0.0);
}

FrictionGrid FrictionGrid::flat(int width, int height, double cellSize, const std::string& crs, double originX,
                                double originY)
{
    FrictionGrid g;
    g.shape = RasterGrid{width, height, originX, originY, cellSize, crs, {}};
    g.walkPace.assign(g.cellCount(), paceOf(toblerFlatKmh()));
    g.roadPace.assign(g.cellCount(), kInf);
    g.barrier.assign(g.cellCount(), 0);
    return g;
}

void FrictionGrid::setWalkKmh(std::size_t cell, double kmh)
{
    walkPace.at(cell) = paceOf(kmh);
}

void FrictionGrid::setRoadKmh(std::size_t cell, double kmh)
{
    roadPace.at(cell) = paceOf(kmh);
}

void FrictionGrid::burnLine(const LineString& line, double kmh, bool asBarrier)
{
    const float pace = paceOf(kmh);
    const double cs = shape.cellSize;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double x0 = (line[i - 1].x - shape.originX) / cs, y0 = (shape.originY - line[i - 1].y) / cs;
        const double x1 = (line[i].x - shape.originX) / cs, y1 = (shape.originY - line[i].y) / cs;
        walkSegment(x0, y0, x1, y1, shape.width, shape.height, [&](std::size_t cell) {
            if (asBarrier)
                barrier[cell] = 1;
            else
                roadPace[cell] = std::min(roadPace[cell], pace);
        });
    }
}

FrictionGrid buildFrictionGrid(const RasterTarget& target, const TravelInputs& inputs)
{
    RasterGrid shape;
    shape.crs = target.crs;
    shape.cellSize = target.resolutionM;
    shape.originX = target.extent.minX;
    shape.originY = target.extent.maxY;
    shape.width = static_cast<int>(std::lround(target.extent.width() / target.resolutionM));
    shape.height = static_cast<int>(std::lround(target.extent.height() / target.resolutionM));
    FrictionGrid g =
        FrictionGrid::flat(shape.width, shape.height, shape.cellSize, shape.crs, shape.originX, shape.originY);
    const std::size_t n = g.cellCount();
    if (inputs.dem) {
        g.elevation = resampleGrid(*inputs.dem, target, RasterKind::Dem).values;
        for (std::size_t i = 0; i < n; ++i)
            if (std::isnan(g.elevation[i]))
                g.walkPace[i] = kInf;
    }
    if (inputs.landCover) {
        const RasterGrid classes = resampleGrid(*inputs.landCover, target, RasterKind::LandCover);
        checkLandCoverClasses(classes, inputs.landCoverSpeeds, "the land-cover raster");
        for (std::size_t i = 0; i < n; ++i) {
            if (std::isnan(classes.values[i])) {
                g.walkPace[i] = kInf;
                continue;
            }
            const auto& speed = inputs.landCoverSpeeds.at(static_cast<int>(std::lround(classes.values[i])));
            if (!speed)
                g.walkPace[i] = kInf;
            else if (std::isfinite(g.walkPace[i]))
                g.walkPace[i] = paceOf(*speed);
        }
    }
    if (!inputs.land.empty()) {
        std::vector<const MultiPolygon*> polygons;
        for (const MultiPolygon& mp : inputs.land)
            polygons.push_back(&mp);
        const std::vector<std::int32_t> land = detail::rasteriseIds(g.shape, polygons);
        for (std::size_t i = 0; i < n; ++i)
            if (!land[i])
                g.walkPace[i] = kInf;
    }
    if (!inputs.roads.empty() || !inputs.barriers.empty()) {
        const CoordinateTransform toGrid("EPSG:4326", g.shape.crs);
        auto project = [&](const LineString& line) {
            LineString out;
            out.reserve(line.size());
            for (Point p : line)
                out.push_back(toGrid.forward(p));
            return out;
        };
        for (const TravelInputs::Road& road : inputs.roads)
            g.burnLine(project(road.line), road.kmh);
        for (const LineString& barrier : inputs.barriers)
            g.burnLine(project(barrier), 0.0, true);
    }
    return g;
}

std::vector<TravelInputs::Road> roadsOf(const RoadNetwork& network)
{
    std::vector<TravelInputs::Road> roads;
    roads.reserve(network.edgeCount());
    for (const RoadNetwork::Edge& e : network.edges())
        roads.push_back({{network.nodes()[e.from], network.nodes()[e.to]}, e.speedKmh});
    return roads;
}

TravelCancelled::TravelCancelled() : Error("travel time: stopped before the end; nothing was computed") {}

TravelResult travelTimes(const FrictionGrid& grid, const std::vector<Point>& targets, bool withNearest,
                         double maxMinutes, std::stop_token stop)
{
    const int w = grid.shape.width, h = grid.shape.height;
    const std::size_t n = grid.cellCount();
    if (grid.walkPace.size() != n || grid.roadPace.size() != n || grid.barrier.size() != n
        || (!grid.elevation.empty() && grid.elevation.size() != n))
        throw Error("the friction grid's layers do not match its size");
    if (n >= std::numeric_limits<std::uint32_t>::max())
        throw Error(fmt::format("a travel grid of {} cells is too large: use coarser cells", n));

    // Everything a move reads about a cell in one 16-byte record (one cache line holds four), so
    // that the scattered accesses along the Dijkstra front cost one miss per neighbour.
    // walk: pace for walking, +inf also on barrier cells; road: pace, +inf without road, -inf on
    // a barrier cell without road (intermediate cells of road moves must not be that).
    struct Cell {
        float minutes;
        float walk;
        float road;
        float elevation;
    };
    std::vector<Cell> cells(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool barrier = grid.barrier[i] != 0;
        const bool hasRoad = std::isfinite(grid.roadPace[i]);
        cells[i] = {kInf, barrier ? kInf : grid.walkPace[i], hasRoad ? grid.roadPace[i] : (barrier ? -kInf : kInf),
                    grid.elevation.empty() ? 0.0f : grid.elevation[i]};
    }
    auto passable = [&](std::size_t i) { return std::isfinite(grid.walkPace[i]) || std::isfinite(grid.roadPace[i]); };

    TravelResult result;
    if (withNearest)
        result.nearest.assign(n, -1);
    RadixHeap heap;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        int col = 0, row = 0;
        if (!grid.shape.cellOf(targets[t], col, row)) {
            result.unplaced.push_back(t);
            continue;
        }
        // A target on an impassable cell (a coarse coastline): the nearest passable cell within 5.
        std::size_t best = n;
        double bestD = kInf;
        for (int radius = 0; radius <= 5 && best == n; ++radius)
            for (int dr = -radius; dr <= radius; ++dr)
                for (int dc = -radius; dc <= radius; ++dc) {
                    const int c = col + dc, r = row + dr;
                    if (c < 0 || r < 0 || c >= w || r >= h || std::max(std::abs(dc), std::abs(dr)) != radius)
                        continue;
                    const std::size_t i = grid.shape.index(c, r);
                    const double d = dc * dc + dr * dr;
                    if (passable(i) && d < bestD) {
                        best = i;
                        bestD = d;
                    }
                }
        if (best == n) {
            result.unplaced.push_back(t);
            continue;
        }
        if (cells[best].minutes > 0.0f) {
            cells[best].minutes = 0.0f;
            if (withNearest)
                result.nearest[best] = static_cast<std::int32_t>(t);
            heap.push(0.0f, static_cast<std::uint32_t>(best));
        }
    }

    const float cs = static_cast<float>(grid.shape.cellSize);
    const float limit = static_cast<float>(maxMinutes);
    const float inverseFlatTobler = static_cast<float>(1.0 / toblerFlatKmh());
    const bool flatGround = grid.elevation.empty();
    struct Step {
        std::ptrdiff_t offset, i1, i2; // a = b - offset; intermediates relative to a
        int dc, dr;
        float length;
        bool straight;
    };
    std::vector<Step> steps;
    for (const Move& m : moves())
        steps.push_back({static_cast<std::ptrdiff_t>(m.dr) * w + m.dc, static_cast<std::ptrdiff_t>(m.r1) * w + m.c1,
                         static_cast<std::ptrdiff_t>(m.r2) * w + m.c2, m.dc, m.dr, m.lengthCells * cs, m.count == 0});
    Cell* cell = cells.data();
    // 2^16 settled cells take about a millisecond: often enough for a Cancel button, rarely
    // enough to cost nothing.
    const bool stoppable = stop.stop_possible();
    std::uint32_t popped = 0;
    while (!heap.empty()) {
        if (stoppable && (++popped & 0xFFFF) == 0 && stop.stop_requested())
            throw TravelCancelled();
        const auto [db, bu] = heap.pop();
        const std::size_t b = bu;
        const Cell cb = cell[b];
        if (db > cb.minutes)
            continue;
        const int bc = static_cast<int>(b % static_cast<std::size_t>(w));
        const int br = static_cast<int>(b / static_cast<std::size_t>(w));
        const bool bWalk = std::isfinite(cb.walk);
        const bool bRoad = cb.road > 0.0f && std::isfinite(cb.road);
        const bool interior = bc >= 2 && br >= 2 && bc < w - 2 && br < h - 2;
        for (const Step& m : steps) {
            // The move goes from a to b: a = b - (dc, dr).
            if (!interior) {
                const int ac = bc - m.dc, ar = br - m.dr;
                if (ac < 0 || ar < 0 || ac >= w || ar >= h)
                    continue;
            }
            const std::size_t a = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(b) - m.offset);
            Cell& ca = cell[a];
            if (ca.minutes <= db)
                continue; // settled (or as near): no move can improve it
            bool walkOk = bWalk && std::isfinite(ca.walk);
            bool roadOk = bRoad && ca.road > 0.0f && std::isfinite(ca.road);
            if (!m.straight && (walkOk || roadOk)) {
                const Cell& c1 = cell[static_cast<std::ptrdiff_t>(a) + m.i1];
                const Cell& c2 = cell[static_cast<std::ptrdiff_t>(a) + m.i2];
                walkOk = walkOk && std::isfinite(c1.walk) && std::isfinite(c2.walk);
                roadOk = roadOk && c1.road != -kInf && c2.road != -kInf;
            }
            float cost = kInf;
            if (walkOk) {
                float inverseFactor = 1.0f;
                if (!flatGround) {
                    const float slope = (cb.elevation - ca.elevation) / m.length;
                    inverseFactor = 1.0f / (6.0f * std::exp(-3.5f * std::fabs(slope + 0.05f)) * inverseFlatTobler);
                }
                cost = 0.5f * m.length * (ca.walk + cb.walk) * inverseFactor;
            }
            if (roadOk)
                cost = std::min(cost, 0.5f * m.length * (ca.road + cb.road));
            const float candidate = db + cost;
            if (candidate < ca.minutes && candidate <= limit) {
                ca.minutes = candidate;
                if (withNearest)
                    result.nearest[a] = result.nearest[b];
                heap.push(candidate, static_cast<std::uint32_t>(a));
            }
        }
    }
    result.minutes = grid.shape.sameShape(kNaNf);
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(cells[i].minutes))
            result.minutes.values[i] = cells[i].minutes;
    return result;
}

std::vector<TravelResult> travelTimesMany(const FrictionGrid& grid, const std::vector<std::vector<Point>>& targetSets)
{
    std::vector<TravelResult> results(targetSets.size());
    // One run per set; two threads (the machine's cores) split the sets cleanly.
    const std::size_t threads = std::min<std::size_t>(2, std::max<std::size_t>(1, targetSets.size()));
    std::vector<std::exception_ptr> failures(threads);
    auto work = [&](std::size_t worker) {
        try {
            for (std::size_t s = worker; s < targetSets.size(); s += threads)
                results[s] = travelTimes(grid, targetSets[s]);
        } catch (...) {
            failures[worker] = std::current_exception();
        }
    };
    if (threads > 1) {
        std::thread second(work, 1);
        work(0);
        second.join();
    } else {
        work(0);
    }
    for (const auto& f : failures)
        if (f)
            std::rethrow_exception(f);
    return results;
}

} // namespace gis

namespace gis {

std::vector<std::vector<double>> TerrainTravelMinutes::minutesFrom(const std::vector<Point>& sources,
                                                                   const std::vector<Point>& targets,
                                                                   double reachMinutes) const
{
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> out(sources.size(), std::vector<double>(targets.size(), kInf));
    if (sources.empty() || targets.empty())
        return out;
    const CoordinateTransform toGrid("EPSG:4326", mGrid.shape.crs);
    std::vector<long long> targetCell(targets.size(), -1);
    for (std::size_t t = 0; t < targets.size(); ++t) {
        int col = 0, row = 0;
        if (mGrid.shape.cellOf(toGrid.forward(targets[t]), col, row))
            targetCell[t] = static_cast<long long>(mGrid.shape.index(col, row));
    }
    std::vector<Point> sourcesInGrid;
    sourcesInGrid.reserve(sources.size());
    for (const Point& s : sources)
        sourcesInGrid.push_back(toGrid.forward(s));
    // One search per source, on up to two threads (each writes only its own rows).
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t s = next++; s < sources.size(); s = next++) {
            const TravelResult r = travelTimes(mGrid, {sourcesInGrid[s]}, false, reachMinutes);
            for (std::size_t t = 0; t < targets.size(); ++t)
                if (targetCell[t] >= 0) {
                    const float v = r.minutes.values[static_cast<std::size_t>(targetCell[t])];
                    if (!std::isnan(v))
                        out[s][t] = v;
                }
        }
    };
    std::exception_ptr failed;
    std::thread helper([&] {
        try {
            work();
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        work();
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failed)
        std::rethrow_exception(failed);
    return out;
}

} // namespace gis
