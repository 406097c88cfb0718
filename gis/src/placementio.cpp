// Placement IO: the run as JSON and in its stored form (the saved run), the CSV table and the
// GeoPackage with the new sites and the village polygons.
#include "gis/placement.h"

#include "detail/gpkgwriter.h"
#include "detail/textfile.h"

#include "gis/error.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace gis {

std::string placementToJson(const PlacementResult& result)
{
    const PlacementOptions& o = result.options;
    nlohmann::json j;
    j["kind"] = o.kind;
    j["count"] = o.count;
    j["method"] = o.method == PlacementMethod::MaxCover ? "mclp" : "pmedian";
    if (result.roadsUsed)
        j["minutes"] = o.minutes;
    if (result.travelUsed)
        j["travel"] = "terrain"; // minutes over terrain (walking, roads, ferries), not along roads only
    if (!result.roadsUsed)
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
        sites.push_back({{"code", s.code},
                         {"name", s.name},
                         {"lon", s.point.x},
                         {"lat", s.point.y},
                         {"gain", s.gain},
                         {"served", s.served},
                         {"within_reach", s.withinReach}});
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
        text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", detail::csvQuoted(a.code),
                            detail::csvQuoted(a.name), csvNumber(a.demand), mclp ? (a.coveredBefore ? "1" : "0") : "",
                            mclp ? (a.coveredAfter ? "1" : "0") : "", detail::csvQuoted(a.servedBy),
                            detail::csvQuoted(a.servedByName), csvNumber(a.distance), csvNumber(a.accessBefore),
                            csvNumber(a.accessAfter), it == orderOf.end() ? std::string() : std::to_string(it->second),
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
    sites.fields = {{"rank", FieldKind::Integer}, {"kode", FieldKind::Text},    {"nama", FieldKind::Text},
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
    villages.fields = {{"kode", FieldKind::Text},
                       {"nama", FieldKind::Text},
                       {"demand", FieldKind::Real},
                       {"covered_before", FieldKind::Integer},
                       {"covered_after", FieldKind::Integer},
                       {"served_by", FieldKind::Text},
                       {"served_by_name", FieldKind::Text},
                       {"distance_" + unit, FieldKind::Real},
                       {"access_before", FieldKind::Real},
                       {"access_after", FieldKind::Real},
                       {"new_site_order", FieldKind::Integer},
                       {"gain", FieldKind::Real},
                       {"served", FieldKind::Real},
                       {"unserved", FieldKind::Real}};
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
