#include "gis/pokdarwis.h"

#include "detail/gpkgwriter.h"
#include "detail/textfile.h"

#include "gis/error.h"
#include "gis/network.h"
#include "gis/placement.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <system_error>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

PriorityScheme defaultPokdarwisScheme(bool withRoads)
{
    PriorityScheme s;
    s.name = withRoads ? "POKDARWIS suitability (roads)" : "POKDARWIS suitability";
    s.missing = MissingRule::ExcludeVillage;
    // HigherIsWorse = a higher value raises the score (more suitable, more need).
    s.indicators.push_back({"attractions_near", Direction::HigherIsWorse, Normalisation::MinMax, 0.4});
    if (withRoads) {
        s.indicators.push_back({"travel_capital_min", Direction::HigherIsBetter, Normalisation::MinMax, 0.2});
        s.indicators.push_back({"road_gap_km", Direction::HigherIsBetter, Normalisation::MinMax, 0.1});
    } else {
        s.indicators.push_back({"dist_capital_km", Direction::HigherIsBetter, Normalisation::MinMax, 0.3});
    }
    s.indicators.push_back({"poverty_rate", Direction::HigherIsWorse, Normalisation::MinMax, 0.3});
    return s;
}

PokdarwisCancelled::PokdarwisCancelled() : Error("pokdarwis: stopped before the end; nothing was ranked") {}

PokdarwisResult rankPokdarwisSites(const Dataset& ds, const PokdarwisOptions& options)
{
    return rankPokdarwisSites(ds, options, defaultPokdarwisScheme(options.roads != nullptr));
}

PokdarwisResult rankPokdarwisSites(const Dataset& ds, const PokdarwisOptions& options, const PriorityScheme& scheme)
{
    if (!(options.radiusKm > 0.0) || !std::isfinite(options.radiusKm))
        throw Error("pokdarwis: the attraction radius must be a positive number of km");
    const auto check = [&options] {
        if (options.stop.stop_requested())
            throw PokdarwisCancelled();
    };
    check();
    const VillageMeasuresResult measures = computeVillageMeasures(ds, options.period);
    check();
    const std::size_t n = measures.villages.size();
    PokdarwisResult result;
    result.period = measures.period;
    result.scheme = scheme;
    result.columns = {"attractions_inside", "attractions_near", "nearest_attraction_km",
                      "dist_capital_km",    "poverty_rate",     "miskin"};
    if (options.roads) {
        result.columns.push_back("travel_capital_min");
        result.columns.push_back("road_gap_km");
    }

    std::map<std::string, std::size_t> byCode;
    std::vector<Point> points;
    for (std::size_t i = 0; i < n; ++i) {
        byCode.emplace(measures.villages[i].code, i);
        points.push_back(measures.villages[i].point);
    }
    std::vector<const Facility*> attractions;
    std::vector<Point> attractionPoints;
    std::vector<char> hasGroup(n, 0);
    for (const Facility& f : ds.facilities) {
        if (f.kind == options.attractionKind) {
            attractions.push_back(&f);
            attractionPoints.push_back(f.location);
        } else if (f.kind == options.groupKind) {
            auto it = byCode.find(f.areaCode);
            if (it != byCode.end())
                hasGroup[it->second] = 1;
        }
    }
    result.attractionCount = attractions.size();
    // Attractions inside (by the facility's pekon) or within the radius of the pekon's point.
    std::vector<double> inside(n, 0.0), near(n, 0.0);
    const auto within = coverageLists(attractionPoints, points, options.radiusKm);
    for (std::size_t a = 0; a < attractions.size(); ++a) {
        auto it = byCode.find(attractions[a]->areaCode);
        std::size_t home = n;
        if (it != byCode.end()) {
            home = it->second;
            inside[home] += 1.0;
            near[home] += 1.0;
        }
        for (std::uint32_t v : within[a])
            if (v != home)
                near[v] += 1.0;
    }
    std::vector<double> travel, gap;
    if (options.roads) {
        travel = options.roads->travelMinutesFrom(measures.capital, points);
        check();
        for (const Point& p : points) {
            const RoadSnap snap = options.roads->snap(p);
            gap.push_back(snap.onNetwork ? snap.offRoadM / 1000.0 : kNaN);
        }
    }

    std::map<std::string, std::vector<double>> values;
    std::vector<std::string> codes;
    std::vector<std::size_t> ranked;
    const std::optional<std::size_t> attraction = measures.kindIndex(options.attractionKind);
    for (std::size_t i = 0; i < n; ++i) {
        const VillageMeasures& m = measures.villages[i];
        PokdarwisResult::Row row;
        row.code = m.code;
        row.name = m.name;
        row.kecamatan = m.kecamatanName;
        row.hasGroup = hasGroup[i] != 0;
        row.values = {inside[i],       near[i],       attraction ? m.nearestKm[*attraction] : kNaN,
                      m.distCapitalKm, m.povertyRate, m.miskin};
        if (options.roads) {
            row.values.push_back(std::isfinite(travel[i]) ? travel[i] : kNaN);
            row.values.push_back(gap[i]);
        }
        row.score = kNaN;
        row.contribution.assign(scheme.indicators.size(), kNaN);
        if (!row.hasGroup) {
            codes.push_back(m.code);
            ranked.push_back(i);
            for (std::size_t c = 0; c < result.columns.size(); ++c)
                values[result.columns[c]].push_back(row.values[c]);
        }
        result.rows.push_back(std::move(row));
    }
    if (codes.empty())
        throw Error("pokdarwis: every pekon already has a " + options.groupKind);
    check();
    const PriorityResult scored = scorePriority(scheme, codes, values);
    for (std::size_t k = 0; k < ranked.size(); ++k) {
        PokdarwisResult::Row& row = result.rows[ranked[k]];
        row.score = scored.score[k];
        row.rank = scored.rank[k];
        row.contribution = scored.contribution[k];
    }
    result.missingReport = scored.missingReport(scheme.missing);
    return result;
}

void writePokdarwisCsv(const PokdarwisResult& result, const std::string& path)
{
    std::string text = "kode,nama,kecamatan,has_pokdarwis";
    for (const std::string& c : result.columns)
        text += "," + c;
    text += ",score,rank";
    for (const SchemeIndicator& ind : result.scheme.indicators)
        text += ",contrib_" + ind.key;
    text += "\n";
    for (const PokdarwisResult::Row& row : result.rows) {
        text += detail::csvQuoted(row.code) + "," + detail::csvQuoted(row.name) + "," + detail::csvQuoted(row.kecamatan)
            + "," + (row.hasGroup ? "1" : "0");
        for (double v : row.values)
            text += "," + csvNumber(v);
        text += "," + csvNumber(row.score) + "," + (row.rank > 0 ? std::to_string(row.rank) : std::string());
        for (double v : row.contribution)
            text += "," + csvNumber(v);
        text += "\n";
    }
    detail::writeFileAtomically(path, text);
}

void writePokdarwisGpkg(const Dataset& ds, const PokdarwisResult& result, const std::string& path)
{
    using detail::FieldKind;
    detail::OutputLayer layer;
    layer.name = "pokdarwis";
    layer.fields = {{"kode", FieldKind::Text},
                    {"nama", FieldKind::Text},
                    {"kecamatan", FieldKind::Text},
                    {"has_pokdarwis", FieldKind::Integer}};
    for (const std::string& c : result.columns)
        layer.fields.push_back({c, FieldKind::Real});
    layer.fields.push_back({"score", FieldKind::Real});
    layer.fields.push_back({"rank", FieldKind::Integer});
    for (const SchemeIndicator& ind : result.scheme.indicators)
        layer.fields.push_back({"contrib_" + ind.key, FieldKind::Real});
    for (const PokdarwisResult::Row& row : result.rows) {
        const Area* area = ds.findArea(row.code);
        if (!area)
            throw Error("pokdarwis: '" + path + "': the pekon " + row.code + " of the ranking is not in the project");
        detail::OutputFeature f;
        f.values = {row.code, row.name, row.kecamatan, static_cast<long long>(row.hasGroup ? 1 : 0)};
        for (double v : row.values)
            f.values.emplace_back(v);
        f.values.emplace_back(row.score);
        if (row.rank > 0)
            f.values.emplace_back(static_cast<long long>(row.rank));
        else
            f.values.emplace_back(); // NULL: not ranked
        for (double v : row.contribution)
            f.values.emplace_back(v);
        f.polygons = area->geometry;
        layer.features.push_back(std::move(f));
    }
    std::vector<detail::OutputLayer> layers;
    layers.push_back(std::move(layer));
    detail::writeGeoPackage(path, layers);
}

} // namespace gis
