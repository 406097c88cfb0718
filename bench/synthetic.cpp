#include "synthetic.h"

#include "gis/project.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <random>

namespace bench {

namespace {

/// A hash of integers to [0, 1): the same edge gets the same wiggle from both of its cells.
double unitHash(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    std::uint64_t h = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (c * 0x165667B19E3779F9ULL);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return static_cast<double>(h >> 11) / static_cast<double>(1ULL << 53);
}

} // namespace

gis::Dataset makeSyntheticDataset(const SyntheticSpec& spec)
{
    const double dx = (spec.east - spec.west) / spec.columns;
    const double dy = (spec.north - spec.south) / spec.rows;
    // Grid nodes, jittered (but not on the outer frame) so cells are irregular quadrilaterals.
    auto node = [&](int i, int j) {
        const bool frame = i == 0 || j == 0 || i == spec.columns || j == spec.rows;
        const double jx = frame
            ? 0.0
            : (unitHash(spec.seed, 1, static_cast<std::uint64_t>(i), static_cast<std::uint64_t>(j)) - 0.5) * 0.3 * dx;
        const double jy = frame
            ? 0.0
            : (unitHash(spec.seed, 2, static_cast<std::uint64_t>(i), static_cast<std::uint64_t>(j)) - 0.5) * 0.3 * dy;
        return gis::Point{spec.west + i * dx + jx, spec.south + j * dy + jy};
    };
    // Interior points of the edge from node a to node b, wiggled sideways by a hash of the
    // edge, the same whichever cell asks; returned in the a -> b direction.
    auto edgePoints = [&](int ai, int aj, int bi, int bj) {
        const bool reversed = std::make_pair(ai, aj) > std::make_pair(bi, bj);
        const int pi = reversed ? bi : ai, pj = reversed ? bj : aj, qi = reversed ? ai : bi, qj = reversed ? aj : bj;
        const gis::Point p = node(pi, pj), q = node(qi, qj);
        const std::uint64_t edgeId = (static_cast<std::uint64_t>(pi) << 40) ^ (static_cast<std::uint64_t>(pj) << 20)
            ^ static_cast<std::uint64_t>(qi * 3 + qj);
        std::vector<gis::Point> pts;
        const double nx = -(q.y - p.y), ny = q.x - p.x; // normal, same length as the edge
        for (int k = 1; k < spec.verticesPerEdge; ++k) {
            const double t = static_cast<double>(k) / spec.verticesPerEdge;
            const double wiggle = (unitHash(spec.seed, edgeId, static_cast<std::uint64_t>(k), 3) - 0.5) * 0.04;
            pts.push_back({p.x + t * (q.x - p.x) + wiggle * nx, p.y + t * (q.y - p.y) + wiggle * ny});
        }
        if (reversed)
            std::reverse(pts.begin(), pts.end());
        return pts;
    };

    gis::Dataset ds;
    ds.meta = {{"provenance", "synthetic"},
               {"dataset_name", "Synthetic benchmark country"},
               {"regency_name", "Synthetic"},
               {"capital_name", "Centre"},
               {"capital_lon", fmt::format("{}", (spec.west + spec.east) / 2)},
               {"capital_lat", fmt::format("{}", (spec.south + spec.north) / 2)}};
    std::mt19937_64 rng(spec.seed);
    std::lognormal_distribution<double> size(std::log(2000.0), 0.5);
    std::uniform_real_distribution<double> rate(0.03, 0.35);
    const int perKecamatan = 20;
    for (int j = 0; j < spec.rows; ++j) {
        for (int i = 0; i < spec.columns; ++i) {
            const int index = j * spec.columns + i;
            const std::string kecamatanCode =
                fmt::format("99.{:02}.{:03}", j % 100, (j / 100) * 100 + i / perKecamatan);
            gis::Ring ring;
            auto side = [&](int ai, int aj, int bi, int bj) {
                ring.push_back(node(ai, aj));
                const auto mid = edgePoints(ai, aj, bi, bj);
                ring.insert(ring.end(), mid.begin(), mid.end());
            };
            side(i, j, i + 1, j);
            side(i + 1, j, i + 1, j + 1);
            side(i + 1, j + 1, i, j + 1);
            side(i, j + 1, i, j);
            ring.push_back(ring.front());
            gis::Area area;
            area.code = fmt::format("{}.{}", kecamatanCode, 2000000 + index); // unique across the grid
            area.name = fmt::format("Desa {}", index);
            area.kind = "pekon";
            area.parentCode = kecamatanCode;
            area.geometry = {gis::Polygon{std::move(ring), {}}};
            const double population = std::round(size(rng));
            ds.indicators.push_back({area.code, "penduduk", "2024", population, "synthetic", "2024-01-01T00:00:00Z"});
            ds.indicators.push_back(
                {area.code, "miskin", "2024", std::round(population * rate(rng)), "synthetic", "2024-01-01T00:00:00Z"});
            ds.areas.push_back(std::move(area));
        }
    }
    const char* kinds[] = {"BUMDES", "BUMDES", "BUMDES", "PUSKESSOS", "PUSKESMAS", "WISATA"};
    std::uniform_int_distribution<int> anyCell(0, spec.columns * spec.rows - 1);
    std::uniform_real_distribution<double> inner(0.35, 0.65);
    for (int f = 0; f < spec.facilities; ++f) {
        const int cell = anyCell(rng);
        const int i = cell % spec.columns, j = cell / spec.columns;
        gis::Facility facility;
        facility.id = f + 1;
        facility.kind = kinds[f % 6];
        facility.name = fmt::format("{} {}", facility.kind, f + 1);
        facility.locatedBy = "survey";
        facility.areaCode = ds.areas[static_cast<std::size_t>(cell)].code;
        // Near the cell's middle, well inside the jittered quadrilateral.
        facility.location = {spec.west + (i + inner(rng)) * dx, spec.south + (j + inner(rng)) * dy};
        ds.facilities.push_back(std::move(facility));
    }
    return ds;
}

std::string syntheticProjectFile()
{
    static const std::string path = [] {
        const auto file = std::filesystem::temp_directory_path() / "sasaran_bench_84k.sasaran.sqlite";
        if (!std::filesystem::exists(file) || gis::projectSchemaVersion(file.string()) < gis::kProjectSchemaVersion)
            gis::saveProject(makeSyntheticDataset(), file.string());
        return file.string();
    }();
    return path;
}

} // namespace bench
