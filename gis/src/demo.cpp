#include "gis/demo.h"

#include "embedded.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/measure.h"
#include "gis/spatialindex.h"
#include "gis/text.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

namespace gis {

namespace {

// ---- reading the embedded sources -------------------------------------------------------

std::string_view embedded(std::string_view path)
{
    for (const auto& f : sasaran_data::embeddedFiles())
        if (f.path == path)
            return f.content;
    throw Error("embedded file 'data/" + std::string(path) + "' is missing from this build");
}

/// Rows of a simple comma-separated file (no quoted fields), keyed by header name.
std::vector<std::map<std::string, std::string>> readSimpleCsv(std::string_view path)
{
    std::istringstream in{std::string(embedded(path))};
    std::string line;
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> rows;
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::string cell;
        std::istringstream cells(s);
        while (std::getline(cells, cell, ','))
            out.push_back(cell);
        if (!s.empty() && s.back() == ',')
            out.emplace_back();
        return out;
    };
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        auto cells = split(line);
        if (header.empty()) {
            header = cells;
            continue;
        }
        if (cells.size() != header.size())
            throw Error(
                fmt::format("data/{} line {}: {} fields, expected {}", path, lineNo, cells.size(), header.size()));
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i)
            row[header[i]] = cells[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

// ---- deterministic sampling ------------------------------------------------------------------

std::uint64_t mixSeed(std::uint64_t seed, const std::string& key)
{
    std::uint64_t h = 1469598103934665603ULL ^ seed; // FNV-1a over the key, seeded
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

Point randomPointInside(const MultiPolygon& area, const PolygonIndex& index, std::mt19937_64& rng)
{
    const Extent e = extentOf(area);
    std::uniform_real_distribution<double> ux(e.minX, e.maxX), uy(e.minY, e.maxY);
    for (int attempt = 0; attempt < 100000; ++attempt) {
        const Point p{ux(rng), uy(rng)};
        if (index.locate(p))
            return p;
    }
    return pointOnSurface(area);
}

/// Seeds spread over \a area: random, then relaxed (Lloyd) so cells get even, compact shapes.
/// The first \a pinned seeds are kept where they are given.
std::vector<MultiPolygon> relaxedCells(std::vector<Point> seeds, std::size_t pinned, const MultiPolygon& area)
{
    std::vector<MultiPolygon> cells = voronoiCells(seeds, area);
    for (int iteration = 0; iteration < 4; ++iteration) {
        for (std::size_t i = pinned; i < seeds.size(); ++i) {
            if (cells[i].empty())
                continue;
            const Point c = centroid(cells[i]);
            PolygonIndex inside({cells[i]});
            seeds[i] = inside.locate(c) ? c : pointOnSurface(cells[i]);
        }
        cells = voronoiCells(seeds, area);
    }
    return cells;
}

/// Integers proportional to \a weights summing exactly to \a total (largest remainder).
std::vector<long long> apportion(const std::vector<double>& weights, long long total)
{
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<long long> out(weights.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    long long assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = static_cast<double>(total) * weights[i] / sum;
        out[i] = static_cast<long long>(std::floor(exact));
        assigned += out[i];
        remainders.emplace_back(exact - std::floor(exact), i);
    }
    std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (long long k = 0; k < total - assigned; ++k)
        ++out[remainders[static_cast<std::size_t>(k) % remainders.size()].second];
    return out;
}

/// Index of the largest polygon of \a mp by planar area (0 when \a mp is empty).
std::size_t largestPolygon(const MultiPolygon& mp)
{
    std::size_t best = 0;
    double bestArea = -1.0;
    for (std::size_t i = 0; i < mp.size(); ++i) {
        const double a = planarArea(MultiPolygon{mp[i]});
        if (a > bestArea) {
            best = i;
            bestArea = a;
        }
    }
    return best;
}

/// \a region without its parts that lie on the mainland (the largest polygon of \a land) apart
/// from the region's largest part. The coarse outline has a separate ring west of the regency
/// (and the coastline cut leaves slivers); on the mainland such a piece would fall into a
/// kecamatan cell and become a pekon detached from all others. Parts on islands (other land
/// polygons) are real and kept.
MultiPolygon withoutDetachedMainlandParts(const MultiPolygon& region, const MultiPolygon& land)
{
    if (region.empty() || land.empty())
        return region;
    const PolygonIndex mainland({MultiPolygon{land[largestPolygon(land)]}});
    const std::size_t mainPart = largestPolygon(region);
    MultiPolygon kept;
    for (std::size_t i = 0; i < region.size(); ++i)
        if (i == mainPart || !mainland.locate(pointOnSurface(MultiPolygon{region[i]})))
            kept.push_back(region[i]);
    return kept;
}

/// The illustrative areas: kecamatan as Voronoi cells of their centres clipped to \a region,
/// pekon as relaxed cells inside them, kecamatan and regency dissolved from their pekon.
struct DemoAreas {
    Area regency;
    std::vector<Area> kecamatan, villages;
    std::vector<Point> seeds; ///< per kecamatan: its approximate centre
};

DemoAreas illustrativeAreas(std::uint64_t seed, const MultiPolygon& region)
{
    DemoAreas out;
    std::vector<Area>& kecamatan = out.kecamatan;
    std::vector<Area>& villages = out.villages;
    Area& regency = out.regency;
    std::vector<Point>& seeds = out.seeds;
    for (const auto& row : readSimpleCsv("tanggamus/wilayah.csv")) {
        Area a{row.at("code"), row.at("name"), row.at("kind"), row.at("parent_code"), {}};
        if (a.kind == "kecamatan")
            kecamatan.push_back(a);
        else if (isVillageKind(a.kind))
            villages.push_back(a);
        else if (a.kind == "kabupaten")
            regency = a;
    }

    // Kecamatan: Voronoi cells of their approximate centres, clipped to the land.
    std::map<std::string, Point> kecamatanSeed;
    for (const auto& row : readSimpleCsv("tanggamus/kecamatan_seeds.csv"))
        kecamatanSeed[row.at("code")] = {std::stod(row.at("lon")), std::stod(row.at("lat"))};
    for (const Area& k : kecamatan) {
        auto it = kecamatanSeed.find(k.code);
        if (it == kecamatanSeed.end())
            throw Error("data/tanggamus/kecamatan_seeds.csv has no seed for kecamatan " + k.code);
        seeds.push_back(it->second);
    }
    const std::vector<MultiPolygon> kecamatanCells = voronoiCells(seeds, region);

    // Pekon: relaxed Voronoi cells inside their kecamatan; kelurahan pinned near its centre.
    std::map<std::string, MultiPolygon> villageGeometry;
    for (std::size_t k = 0; k < kecamatan.size(); ++k) {
        std::vector<const Area*> members;
        for (const Area& v : villages)
            if (v.parentCode == kecamatan[k].code)
                members.push_back(&v);
        std::stable_partition(members.begin(), members.end(), [](const Area* a) { return a->kind == "kelurahan"; });
        const std::size_t pinned = static_cast<std::size_t>(
            std::count_if(members.begin(), members.end(), [](const Area* a) { return a->kind == "kelurahan"; }));
        std::mt19937_64 rng(mixSeed(seed, kecamatan[k].code));
        PolygonIndex inside({kecamatanCells[k]});
        std::vector<Point> pekonSeeds;
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i < pinned) {
                const Point p =
                    geodesicDestination(seeds[k], 360.0 * static_cast<double>(i) / static_cast<double>(pinned), 1200.0);
                pekonSeeds.push_back(inside.locate(p) ? p : randomPointInside(kecamatanCells[k], inside, rng));
            } else {
                pekonSeeds.push_back(randomPointInside(kecamatanCells[k], inside, rng));
            }
        }
        const auto cells = relaxedCells(pekonSeeds, pinned, kecamatanCells[k]);
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (cells[i].empty())
                throw Error("illustrative boundaries: pekon " + members[i]->code + " got no area");
            villageGeometry[members[i]->code] = cells[i];
        }
    }

    for (Area& v : villages)
        v.geometry = villageGeometry.at(v.code);
    std::vector<MultiPolygon> kecamatanGeometries;
    for (Area& k : kecamatan) {
        std::vector<MultiPolygon> parts;
        for (const Area& v : villages)
            if (v.parentCode == k.code)
                parts.push_back(v.geometry);
        k.geometry = unionAll(parts);
        kecamatanGeometries.push_back(k.geometry);
    }
    regency.geometry = unionAll(kecamatanGeometries);

    return out;
}

/// Population and poor people per pekon: sizes drawn log-normally, poverty rising with the
/// distance from the capital (\a remoteness, 0..1), both apportioned to the regency's totals.
void addIllustrativeIndicators(Dataset& ds, const nlohmann::json& config, const std::vector<Area>& villages,
                               const std::vector<double>& remoteness, std::mt19937_64& rng, const std::string& stamp)
{
    const std::string period = config.at("period").get<std::string>();
    const auto& totals = config.at("totals");
    const long long totalPoor = totals.at("miskin").get<long long>();
    const double regencyRate = totals.at("poverty_rate_percent").get<double>() / 100.0;
    const long long totalPopulation = std::llround(static_cast<double>(totalPoor) / regencyRate);

    std::lognormal_distribution<double> size(std::log(1700.0), 0.45);
    std::normal_distribution<double> noise(0.0, 0.025);
    std::vector<double> populationWeights, poorWeights;
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const bool urban = villages[i].kind == "kelurahan";
        populationWeights.push_back(size(rng) * (urban ? 3.0 : 1.0));
        double rate = 0.05 + 0.17 * remoteness[i] + noise(rng);
        rate = std::clamp(rate * (urban ? 0.7 : 1.0), 0.02, 0.45);
        poorWeights.push_back(rate);
    }
    const std::vector<long long> population = apportion(populationWeights, totalPopulation);
    for (std::size_t i = 0; i < villages.size(); ++i)
        poorWeights[i] *= static_cast<double>(population[i]);
    const std::vector<long long> poor = apportion(poorWeights, totalPoor);

    const std::string indicatorSource = config.at("indicator_source").get<std::string>();
    for (std::size_t i = 0; i < villages.size(); ++i) {
        if (poor[i] > population[i])
            throw Error("illustrative indicators: pekon " + villages[i].code + " has more poor than people");
        ds.indicators.push_back(
            {villages[i].code, "penduduk", period, static_cast<double>(population[i]), indicatorSource, stamp});
        ds.indicators.push_back(
            {villages[i].code, "miskin", period, static_cast<double>(poor[i]), indicatorSource, stamp});
    }
}

/// The facilities of facilities.csv, then BUMDES and PUSKESMAS placed by rule.
void addIllustrativeFacilities(Dataset& ds, const nlohmann::json& config, const DemoAreas& areas,
                               const std::vector<Point>& villagePoints, const std::vector<double>& remoteness,
                               std::mt19937_64& rng)
{
    const std::vector<Area>& villages = areas.villages;
    const std::vector<Area>& kecamatan = areas.kecamatan;
    const std::vector<Point>& seeds = areas.seeds;
    const auto& totals = config.at("totals");
    std::map<std::string, Point> villagePoint;
    for (std::size_t i = 0; i < villages.size(); ++i)
        villagePoint[villages[i].code] = villagePoints[i];
    long long nextId = 1;

    std::vector<MultiPolygon> villagePolygons;
    for (const Area& v : villages)
        villagePolygons.push_back(v.geometry);
    PolygonIndex villageIndex(villagePolygons);

    for (const auto& row : readSimpleCsv("tanggamus/facilities.csv")) {
        Facility f;
        f.id = nextId++;
        f.kind = row.at("kind");
        f.name = row.at("name");
        f.status = row.at("status");
        f.year = row.at("year").empty() ? 0 : std::stoi(row.at("year"));
        if (!row.at("lon").empty()) {
            f.location = {std::stod(row.at("lon")), std::stod(row.at("lat"))};
            f.locatedBy = "approximate";
            auto where = villageIndex.locate(f.location);
            if (!where)
                throw Error("data/tanggamus/facilities.csv: '" + f.name + "' lies in no pekon");
            f.areaCode = villages[*where].code;
        } else {
            f.areaCode = row.at("pekon_code");
            auto it = villagePoint.find(f.areaCode);
            if (it == villagePoint.end())
                throw Error("data/tanggamus/facilities.csv: '" + f.name + "' names unknown pekon " + f.areaCode);
            f.location = it->second;
            f.locatedBy = "pekon";
        }
        ds.facilities.push_back(std::move(f));
    }

    // BUMDES: one in each of 132 different pekon (not kelurahan), chosen with a mild
    // preference for pekon near the capital (weighted sampling without replacement).
    const int bumdesCount = totals.at("bumdes").get<int>();
    std::vector<std::pair<double, std::size_t>> keys;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (std::size_t i = 0; i < villages.size(); ++i) {
        if (villages[i].kind != "pekon")
            continue;
        const double weight = 1.0 - 0.6 * remoteness[i];
        keys.emplace_back(std::pow(unit(rng), 1.0 / weight), i);
    }
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (static_cast<int>(keys.size()) < bumdesCount)
        throw Error("illustrative facilities: fewer pekon than BUMDES");
    std::vector<std::size_t> chosen;
    for (int k = 0; k < bumdesCount; ++k)
        chosen.push_back(keys[static_cast<std::size_t>(k)].second);
    std::sort(chosen.begin(), chosen.end());
    for (std::size_t i : chosen)
        ds.facilities.push_back({nextId++, "BUMDES", "BUMDes " + villages[i].name, "aktif", 0, "pekon",
                                 villages[i].code, villagePoints[i]});

    // PUSKESMAS: one per kecamatan, in the pekon nearest the kecamatan's centre.
    for (std::size_t k = 0; k < kecamatan.size(); ++k) {
        std::size_t best = villages.size();
        double bestDistance = 0.0;
        for (std::size_t i = 0; i < villages.size(); ++i) {
            if (villages[i].parentCode != kecamatan[k].code)
                continue;
            const double d = geodesicDistanceM(villagePoints[i], seeds[k]);
            if (best == villages.size() || d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        ds.facilities.push_back({nextId++, "PUSKESMAS", "Puskesmas " + kecamatan[k].name, "aktif", 0, "pekon",
                                 villages[best].code, villagePoints[best]});
    }
}

} // namespace

Dataset buildDefaultDataset()
{
    const auto config = nlohmann::json::parse(embedded("tanggamus/dataset.json"));
    const std::uint64_t seed = config.at("seed").get<std::uint64_t>();
    const std::string period = config.at("period").get<std::string>();
    const Point capital{config.at("capital").at("lon").get<double>(), config.at("capital").at("lat").get<double>()};

    // Land of the regency: the rough outline cut by the real coastline.
    const MultiPolygon land = multiPolygonFromWkt(std::string(embedded("tanggamus/land.wkt")));
    const MultiPolygon outline = multiPolygonFromWkt(std::string(embedded("tanggamus/outline.wkt")));
    const MultiPolygon validLand = makeValid(land).geometry;
    const MultiPolygon region = withoutDetachedMainlandParts(
        makeValid(intersection(makeValid(outline).geometry, validLand)).geometry, validLand);

    Dataset ds;
    ds.backgroundLand = land;
    const DemoAreas areas = illustrativeAreas(seed, region);
    const Area& regency = areas.regency;
    ds.areas.push_back(regency);
    ds.areas.insert(ds.areas.end(), areas.kecamatan.begin(), areas.kecamatan.end());
    ds.areas.insert(ds.areas.end(), areas.villages.begin(), areas.villages.end());

    std::vector<Point> villagePoints;
    std::vector<double> remoteness; // 0 at the capital, 1 at the farthest pekon
    for (const Area& v : areas.villages) {
        villagePoints.push_back(pointOnSurface(v.geometry));
        remoteness.push_back(geodesicDistanceM(villagePoints.back(), capital));
    }
    const double farthest = *std::max_element(remoteness.begin(), remoteness.end());
    for (double& r : remoteness)
        r /= farthest;

    // One random stream for the indicators and then the BUMDES sites.
    std::mt19937_64 rng(mixSeed(seed, "indicators"));
    const std::string stamp = isoUtcNow();
    addIllustrativeIndicators(ds, config, areas.villages, remoteness, rng, stamp);
    addIllustrativeFacilities(ds, config, areas, villagePoints, remoteness, rng);

    const std::string indicatorSource = config.at("indicator_source").get<std::string>();
    const std::string facilitySource = config.at("facility_source").get<std::string>();
    ds.meta = {
        {"provenance", config.at("provenance").get<std::string>()},
        {"dataset_name", config.at("name").get<std::string>()},
        {"regency_code", config.at("regency_code").get<std::string>()},
        {"regency_name", regency.name.rfind("Kabupaten", 0) == 0 ? regency.name : "Kabupaten " + regency.name},
        {"province", config.at("province").get<std::string>()},
        {"capital_name", config.at("capital").at("name").get<std::string>()},
        {"capital_lon", fmt::format("{}", capital.x)},
        {"capital_lat", fmt::format("{}", capital.y)},
        {"default_period", period},
        {"indicator_source", indicatorSource},
        {"facility_source", facilitySource},
        {"boundary_source", config.at("boundary_source").get<std::string>()},
        {"names_source", config.at("names_source").get<std::string>()},
        {"coastline_source", config.at("coastline_source").get<std::string>()},
        {"notice", "Data ilustrasi: batas pekon dan angka indikator bukan data resmi"},
        {"created_at", stamp},
    };
    return ds;
}

} // namespace gis
