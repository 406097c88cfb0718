#include "layers/maplayers.h"

#include "gis/error.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace layers {

namespace {

std::string tr(Lang lang, const char* id, const char* en) { return lang == Lang::En ? en : id; }

} // namespace

ValueLayer priorityLayer(const gis::AnalysisTable& table, Lang lang)
{
    ValueLayer layer = analysisColumnLayer(table, "priority_score", lang);
    layer.label = tr(lang, "Skor prioritas", "Priority score");
    layer.unit = "0–100";
    layer.source = tr(lang, "skor prioritas Sasaran, skema \"", "Sasaran priority score, scheme \"") + table.scheme.name
                   + "\"";
    return layer;
}

ValueLayer analysisColumnLayer(const gis::AnalysisTable& table, const std::string& column, Lang lang)
{
    const std::size_t c = table.column(column);
    ValueLayer layer;
    layer.key = column;
    layer.label = column;
    if (column.ends_with("_km")) {
        layer.unit = "km";
        if (column.rfind("dist_", 0) == 0)
            layer.label = tr(lang, "Jarak ke ", "Distance to ") + column.substr(5, column.size() - 8);
    }
    layer.period = table.period;
    layer.source = tr(lang, "analisis Sasaran (", "Sasaran analysis (") + column + ")";
    for (const auto& row : table.rows) {
        const double v = row.values.at(c);
        if (std::isfinite(v))
            layer.values[row.kode] = v;
    }
    return layer;
}

QColor lisaColor(const std::string& cluster)
{
    if (cluster == "high-high") return QColor(0xd7, 0x19, 0x1c);
    if (cluster == "low-low") return QColor(0x2c, 0x7b, 0xb6);
    if (cluster == "low-high") return QColor(0xab, 0xd9, 0xe9);
    if (cluster == "high-low") return QColor(0xfd, 0xae, 0x61);
    if (cluster == "not significant") return QColor(0xf0, 0xf0, 0xf0);
    return QColor(0xbd, 0xbd, 0xbd);
}

ValueLayer lisaLayer(const gis::HotspotResult& result, Lang lang)
{
    ValueLayer layer;
    layer.key = "lisa_" + result.key;
    layer.label = tr(lang, "Klaster LISA ", "LISA clusters of ") + result.key;
    layer.period = result.period;
    layer.source = tr(lang, "Moran lokal (LISA), ", "local Moran (LISA), ") + std::to_string(result.options.permutations)
                   + tr(lang, " permutasi", " permutations");
    for (const gis::Cluster c : {gis::Cluster::HighHigh, gis::Cluster::LowLow, gis::Cluster::HighLow,
                                 gis::Cluster::LowHigh, gis::Cluster::NotSignificant, gis::Cluster::NotTested}) {
        const std::string name = gis::clusterName(c);
        layer.categoryOrder.push_back(name);
        layer.categoryColors[name] = lisaColor(name);
    }
    for (const gis::HotspotRow& row : result.rows)
        layer.categories[row.kode] = gis::clusterName(row.cluster);
    return layer;
}

ValueLayer baseLayer(const gis::Dataset& ds, Lang lang)
{
    ValueLayer layer;
    layer.key = "wilayah";
    layer.label = tr(lang, "Wilayah", "Area");
    const std::string name = tr(lang, "Pekon/kelurahan", "Village");
    layer.categoryOrder = {name};
    layer.categoryColors[name] = QColor(0xf4, 0xf1, 0xea);
    for (const gis::Area* a : ds.villages())
        layer.categories[a->code] = name;
    return layer;
}

std::vector<SavedPlacementRun> savedPlacementRuns(const gis::Dataset& ds)
{
    std::vector<SavedPlacementRun> runs;
    for (const auto& [key, text] : ds.meta) {
        if (key.rfind("program.", 0) != 0)
            continue;
        const auto j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded() || !j.is_object())
            throw gis::Error("project: the saved placement run '" + key + "' is not valid JSON; run `place` again");
        SavedPlacementRun r;
        r.id = key.substr(8);
        r.kind = j.value("kind", "");
        r.method = j.value("method", "mclp");
        r.count = j.value("count", std::size_t{0});
        r.radiusKm = j.contains("radius_km") ? j.value("radius_km", 0.0) : 0.0;
        r.minutes = j.contains("minutes") ? j.value("minutes", 0.0) : 0.0;
        r.demand = j.value("demand", "");
        r.period = j.value("period", "");
        r.totalDemand = j.value("total_demand", 0.0);
        auto number = [&j](const char* k) {
            return j.contains(k) && j[k].is_number() ? j[k].get<double>() : std::nan("");
        };
        r.before = number("before");
        r.after = number("after");
        for (const auto& s : j.value("sites", nlohmann::json::array()))
            r.sites.push_back({s.value("code", ""), s.value("name", ""), {s.value("lon", 0.0), s.value("lat", 0.0)},
                               s.value("gain", 0.0), s.value("served", 0.0)});
        runs.push_back(std::move(r));
    }
    return runs; // meta is ordered by key, and keys carry the UTC time: oldest first
}

std::vector<ProposedSite> proposedSites(const SavedPlacementRun& run)
{
    std::vector<ProposedSite> out;
    int rank = 0;
    for (const auto& s : run.sites)
        out.push_back({++rank, s.code, s.name, s.point});
    return out;
}

} // namespace layers
