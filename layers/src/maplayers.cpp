#include "layers/maplayers.h"

#include "gis/error.h"
#include "gis/periodchange.h"
#include "layers/colorramp.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace layers {

namespace {

std::string tr(Lang lang, const char* id, const char* en)
{
    return lang == Lang::En ? en : id;
}

} // namespace

ValueLayer priorityLayer(const gis::AnalysisTable& table, Lang lang)
{
    ValueLayer layer = analysisColumnLayer(table, "priority_score", lang);
    layer.label = tr(lang, "Skor prioritas", "Priority score");
    layer.unit = "0–100";
    layer.source =
        tr(lang, "skor prioritas Sasaran, skema \"", "Sasaran priority score, scheme \"") + table.scheme.name + "\"";
    std::vector<std::string> keys;
    for (const gis::SchemeIndicator& i : table.scheme.indicators)
        keys.push_back(i.key);
    layer.personalData = gis::anyPersonalDataDerived(keys); // a score weighing DTSEN counts
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

std::string changePeriodText(const std::string& later, const std::string& earlier)
{
    return earlier + " \u2192 " + later;
}

ValueLayer changeLayer(const gis::Dataset& ds, const std::string& key, const std::string& later,
                       const std::string& earlier, Lang lang)
{
    const gis::PeriodChange change = gis::periodChange(ds, key, later, earlier);
    ValueLayer layer;
    layer.key = gis::changeKey(key);
    static const std::string kPerubahan = "Perubahan ";
    layer.label = lang == Lang::En ? "Change in " + change.label.substr(kPerubahan.size()) : change.label;
    layer.unit = lang == Lang::En && change.unit == "poin persen" ? std::string("percentage points") : change.unit;
    layer.period = changePeriodText(later, earlier);
    layer.source = tr(lang, "perubahan ", "change ") + earlier + " \u2192 " + later
        + tr(lang, " (periode akhir dikurangi periode awal)", " (later period minus earlier)");
    layer.values = change.change;
    return layer;
}

std::string lisaClusterLabel(gis::Cluster cluster, Lang lang)
{
    switch (cluster) {
    case gis::Cluster::HighHigh:
        return tr(lang, "tinggi-tinggi (titik panas)", "high-high (hotspot)");
    case gis::Cluster::LowLow:
        return tr(lang, "rendah-rendah (titik dingin)", "low-low (cold spot)");
    case gis::Cluster::HighLow:
        return tr(lang, "tinggi-rendah (pencilan)", "high-low (outlier)");
    case gis::Cluster::LowHigh:
        return tr(lang, "rendah-tinggi (pencilan)", "low-high (outlier)");
    case gis::Cluster::NotSignificant:
        return tr(lang, "tidak signifikan", "not significant");
    case gis::Cluster::NotTested:
        break;
    }
    return tr(lang, "tidak diuji (tanpa tetangga/nilai)", "not tested (no neighbour/value)"); // fits the legend
}

ValueLayer lisaLayer(const gis::HotspotResult& result, Lang lang, const std::string& valueLabel)
{
    ValueLayer layer;
    layer.key = "lisa_" + result.key;
    std::string what = valueLabel.empty() ? result.key : valueLabel;
    if (!what.empty() && lang == Lang::Id)
        what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    layer.label = tr(lang, "Klaster LISA ", "LISA clusters of ") + what;
    layer.period = result.period;
    layer.source = tr(lang, "Moran lokal (LISA), ", "local Moran (LISA), ")
        + std::to_string(result.options.permutations) + tr(lang, " permutasi", " permutations");
    for (const gis::Cluster c : {gis::Cluster::HighHigh, gis::Cluster::LowLow, gis::Cluster::HighLow,
                                 gis::Cluster::LowHigh, gis::Cluster::NotSignificant, gis::Cluster::NotTested}) {
        const std::string name = gis::clusterName(c);
        layer.categoryOrder.push_back(name);
        layer.categoryColors[name] = lisaClusterColor(name);
        layer.categoryLabels[name] = lisaClusterLabel(c, lang);
    }
    for (const gis::HotspotRow& row : result.rows)
        layer.categories[row.kode] = gis::clusterName(row.cluster);
    return layer;
}

ValueLayer pokdarwisLayer(const gis::PokdarwisResult& result, Lang lang)
{
    ValueLayer layer;
    layer.key = "pokdarwis_score";
    layer.label = tr(lang, "Skor calon POKDARWIS", "POKDARWIS candidate score");
    layer.unit = "0–100";
    layer.period = result.period;
    layer.source = tr(lang, "peringkat calon POKDARWIS: objek wisata, akses, kemiskinan",
                      "POKDARWIS candidate ranking: attractions, access, poverty");
    for (const gis::PokdarwisResult::Row& row : result.rows)
        if (row.rank > 0 && std::isfinite(row.score))
            layer.values[row.code] = row.score;
    return layer;
}

ValueLayer onlyLevelLayer(const ValueLayer& category, const std::string& level, Lang lang)
{
    auto plain = [](const std::string& s) {
        std::string out;
        for (char c : s)
            if (c != ' ' && c != '_' && c != '-')
                out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const auto chosen = std::find_if(category.categoryOrder.begin(), category.categoryOrder.end(),
                                     [&](const std::string& l) { return plain(l) == plain(level); });
    if (chosen == category.categoryOrder.end()) {
        std::string known;
        for (const std::string& l : category.categoryOrder)
            known += (known.empty() ? "" : ", ") + l;
        throw gis::Error("'" + level + "' is no level of " + category.label + "; its levels: " + known);
    }
    ValueLayer layer = category;
    const std::string other = tr(lang, "lainnya", "other");
    layer.label = category.label + tr(lang, ": hanya ", ": only ") + *chosen;
    layer.categoryOrder = {*chosen, other};
    layer.categoryColors = {{*chosen, category.categoryColors.count(*chosen) ? category.categoryColors.at(*chosen)
                                                                               : QColor(0xd7, 0x19, 0x1c)},
                            {other, QColor(0xf4, 0xf1, 0xea)}};
    for (auto& [code, value] : layer.categories)
        if (value != *chosen)
            value = other;
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

std::vector<ProposedSite> proposedSites(const gis::PlacementRun& run)
{
    std::vector<ProposedSite> out;
    for (const gis::ProgramSite& s : run.sites)
        out.push_back({s.rank, s.code, s.name, s.point});
    return out;
}

} // namespace layers
