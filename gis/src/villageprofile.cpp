#include "gis/villageprofile.h"

#include "gis/error.h"
#include "gis/geodesicsearch.h"
#include "gis/categories.h"
#include "gis/indicators.h"
#include "gis/spatialindex.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace gis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<std::size_t> columnOf(const AnalysisTable& table, const std::string& name)
{
    const auto it = std::find(table.columns.begin(), table.columns.end(), name);
    if (it == table.columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - table.columns.begin());
}

std::vector<ProfileIndicator> indicatorsOf(const Dataset& ds, const std::string& code)
{
    std::map<std::string, std::map<std::string, double>> byKey; // key -> period -> value
    for (const IndicatorValue& v : ds.indicators)
        if (v.areaCode == code)
            byKey[v.key][v.period] = v.value; // the last of a key and period wins, as indicatorValues
    if (byKey.count("miskin") && byKey.count("penduduk")) {
        std::map<std::string, double> rate;
        for (const auto& [period, poor] : byKey["miskin"]) {
            const auto p = byKey["penduduk"].find(period);
            if (p != byKey["penduduk"].end() && p->second > 0)
                rate[period] = 100.0 * poor / p->second; // indicators.h's poverty_rate
        }
        if (!rate.empty())
            byKey["poverty_rate"] = std::move(rate);
    }
    const std::vector<IndicatorInfo> infos = availableIndicators(ds);
    std::vector<ProfileIndicator> out;
    auto append = [&](const std::string& key, const std::map<std::string, double>& periods) {
        ProfileIndicator indicator;
        indicator.key = key;
        indicator.label = key;
        for (const IndicatorInfo& info : infos)
            if (info.key == key) {
                indicator.label = info.label;
                indicator.unit = info.unit;
            }
        double previous = kNaN;
        for (const auto& [period, value] : periods) {
            indicator.periods.push_back({period, value, value - previous});
            previous = value;
        }
        out.push_back(std::move(indicator));
    };
    for (const auto& [key, periods] : byKey)
        if (key != "poverty_rate")
            append(key, periods);
    if (const auto it = byKey.find("poverty_rate"); it != byKey.end())
        append(it->first, it->second);
    return out;
}

} // namespace

VillageProfile villageProfile(const Dataset& ds, const std::string& code, const VillageProfileInputs& inputs)
{
    const Area* area = ds.findArea(code);
    if (!area || !isVillageKind(area->kind))
        throw Error("the project has no pekon or kelurahan with code '" + code + "'");

    VillageProfile p;
    p.code = area->code;
    p.name = area->name;
    p.kind = area->kind;
    p.kecamatanCode = area->parentCode;
    if (const Area* k = ds.findArea(area->parentCode))
        p.kecamatanName = k->name;
    p.areaKm2 = ds.areaKm2(*area);
    if (!area->geometry.empty())
        p.point = ds.surfacePoint(*area);
    p.indicators = indicatorsOf(ds, code);
    for (const std::string& key : categoryKeys(ds)) {
        const std::optional<CategoryScale> scale = categoryScale(ds, key);
        std::map<std::string, std::string> byPeriod;
        for (const CategoryValue& v : ds.categories)
            if (v.areaCode == code && v.key == key)
                byPeriod[v.period] = v.level;
        ProfileCategory category{key, categoryLabel(key), {}};
        for (const auto& [period, level] : byPeriod)
            if (const std::optional<std::size_t> rank = scale->levelOf(level))
                category.periods.push_back({period, scale->levels[*rank], *rank, scale->levels.size()});
        if (!category.periods.empty())
            p.categories.push_back(std::move(category));
    }

    // Inside: by the facility's pekon when it names one, else by point-in-polygon, as
    // computeVillageMeasures counts them.
    std::vector<const Facility*> unplaced;
    for (const Facility& f : ds.facilities) {
        const Area* in = f.areaCode.empty() ? nullptr : ds.findArea(f.areaCode);
        if (in && isVillageKind(in->kind)) {
            if (in->code == code)
                p.facilitiesInside.push_back(&f);
        } else
            unplaced.push_back(&f);
    }
    if (!unplaced.empty() && !area->geometry.empty()) {
        std::vector<Point> points;
        for (const Facility* f : unplaced)
            points.push_back(f->location);
        const auto where = joinPointsToPolygons(points, {area->geometry});
        for (std::size_t i = 0; i < unplaced.size(); ++i)
            if (where[i])
                p.facilitiesInside.push_back(unplaced[i]);
    }

    std::optional<std::size_t> row;
    if (inputs.table)
        for (std::size_t i = 0; i < inputs.table->rows.size(); ++i)
            if (inputs.table->rows[i].kode == code)
                row = i;

    std::set<std::string> kinds;
    for (const Facility& f : ds.facilities)
        kinds.insert(f.kind);
    for (const std::string& kind : kinds) {
        ProfileNearest n;
        n.kind = kind;
        std::vector<const Facility*> ofKind;
        std::vector<Point> points;
        for (const Facility& f : ds.facilities)
            if (f.kind == kind) {
                ofKind.push_back(&f);
                points.push_back(f.location);
            }
        for (const Facility* f : p.facilitiesInside)
            n.inside += f->kind == kind ? 1 : 0;
        const Facility* nearest = nullptr;
        double nearestKm = kNaN;
        for (const Facility* f : p.facilitiesInside)
            if (f->kind == kind && !nearest) {
                nearest = f;
                nearestKm = 0.0;
            }
        if (!nearest && !area->geometry.empty()) {
            const GeodesicPointIndex index(std::move(points));
            const GeodesicPointIndex::Hit hit = index.nearest(p.point);
            nearest = ofKind[hit.index];
            nearestKm = hit.distanceM / 1000.0;
        }
        n.distanceKm = nearestKm;
        if (row) {
            const std::string c = kindColumnName(kind);
            if (const auto col = columnOf(*inputs.table, "dist_" + c + "_km"))
                n.distanceKm = inputs.table->rows[*row].values[*col];
            if (const auto col = columnOf(*inputs.table, "n_" + c))
                n.inside = static_cast<int>(inputs.table->rows[*row].values[*col]);
        }
        if (nearest) {
            n.name = nearest->name;
            n.facilityId = nearest->id;
        }
        p.nearest.push_back(std::move(n));
    }

    if (row) {
        const AnalysisTable& t = *inputs.table;
        p.analysed = true;
        p.period = t.period;
        p.schemeName = t.scheme.name;
        p.score = t.priority.score.at(*row);
        p.rank = t.priority.rank.at(*row);
        p.scored = p.rank > 0;
        p.rankedCount = villagesByRank(t.priority).size();
        for (const ScoreContribution& c : topContributions(t.scheme, t.priority, *row, t.scheme.indicators.size())) {
            const auto input = t.inputs.find(c.key);
            p.contributions.push_back(
                {c.key, input != t.inputs.end() && *row < input->second.size() ? input->second[*row] : kNaN, c.points});
        }
        if (const auto col = columnOf(t, "island_status")) {
            const double status = t.rows[*row].values[*col];
            if (status == 0 || status == 1 || status == 2)
                p.island = static_cast<IslandStatus>(static_cast<int>(status));
            if (const auto km2 = columnOf(t, "island_km2"))
                p.offMainlandKm2 = t.rows[*row].values[*km2];
        }
    }
    if (inputs.islands)
        if (const IslandFlag* flag = inputs.islands->find(code)) {
            p.island = flag->status;
            p.offMainlandKm2 = flag->offMainlandKm2;
        }
    if (inputs.lisa) {
        p.clusterKey = inputs.lisa->key;
        for (const HotspotRow& r : inputs.lisa->rows)
            if (r.kode == code)
                p.cluster = r.cluster;
    }
    return p;
}

} // namespace gis
