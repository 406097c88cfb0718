#include "meetingpack_p.h"

#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/referencenaming.h"
#include "layers/maplayers.h"
#include "layers/numberformat.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace layers::detail {

namespace {

std::string tr(Lang lang, const char* id, const char* en)
{
    return lang == Lang::En ? en : id;
}

std::string number(double v, int decimals)
{
    return std::isfinite(v) ? formatNumber(v, decimals) : std::string("–");
}

std::string withRegency(const gis::Dataset& ds, const std::string& title)
{
    const std::string regency = gis::regencyTitle(ds);
    return regency.empty() ? title : title + " — " + regency;
}

/// What a POKDARWIS criterion measures, in plain words.
std::string criterionLabel(const std::string& key, Lang lang)
{
    if (key == "attractions_near")
        return tr(lang, "objek wisata dekat", "attractions near");
    if (key == "attractions_inside")
        return tr(lang, "objek wisata di dalam pekon", "attractions inside");
    if (key == "nearest_attraction_km")
        return tr(lang, "jarak ke objek wisata terdekat", "distance to the nearest attraction");
    if (key == "dist_capital_km")
        return tr(lang, "kedekatan ke ibu kota", "closeness to the capital");
    if (key == "travel_capital_min")
        return tr(lang, "waktu tempuh ke ibu kota", "travel time to the capital");
    if (key == "road_gap_km")
        return tr(lang, "kedekatan ke jalan", "closeness to a road");
    if (key == "poverty_rate")
        return tr(lang, "tingkat kemiskinan", "poverty rate");
    if (key == "miskin")
        return tr(lang, "penduduk miskin", "poor people");
    return key;
}

std::string indicatorLabel(const gis::Dataset& ds, const std::string& key)
{
    if (key == "poverty_rate_eb")
        return "Tingkat kemiskinan (dihaluskan Empirical Bayes)";
    try {
        return gis::indicatorInfo(ds, key).label;
    } catch (const gis::Error&) {
        return key;
    }
}

std::size_t columnOf(const gis::PokdarwisResult& r, const char* key)
{
    const auto it = std::find(r.columns.begin(), r.columns.end(), key);
    return static_cast<std::size_t>(it - r.columns.begin()); // == size() when absent
}

} // namespace

ThematicMapSpec pokdarwisMapSpec(const gis::Dataset& ds, const ThematicMapSpec& base, const gis::PokdarwisResult& r)
{
    ThematicMapSpec spec = base;
    spec.layer = pokdarwisLayer(r, base.lang);
    spec.ramp = "Greens";
    spec.showFacilities = true; // the attractions (WISATA) and the groups there are
    spec.title = withRegency(ds, tr(base.lang, "Calon POKDARWIS", "POKDARWIS Candidates"));
    double total = 0.0;
    for (const gis::SchemeIndicator& i : r.scheme.indicators)
        total += i.weight;
    std::string weights;
    for (const gis::SchemeIndicator& i : r.scheme.indicators)
        weights += (weights.empty() ? "" : ", ") + criterionLabel(i.key, base.lang) + " "
            + formatNumber(total > 0 ? 100.0 * i.weight / total : 0.0, 0) + " %";
    spec.subtitle = tr(base.lang, "Skor 0–100; bobot: ", "Score 0–100; weights: ") + weights
        + tr(base.lang, ". Pekon yang sudah memiliki POKDARWIS tidak dinilai.",
             ". Villages that already have a POKDARWIS are not ranked.");
    return spec;
}

PageTable pokdarwisTable(const gis::PokdarwisResult& r, std::size_t topN, Lang lang)
{
    PageTable t;
    const std::size_t near = columnOf(r, "attractions_near"), rate = columnOf(r, "poverty_rate");
    const bool byRoad = columnOf(r, "travel_capital_min") < r.columns.size();
    const std::size_t capital = columnOf(r, byRoad ? "travel_capital_min" : "dist_capital_km");
    t.columns = {{tr(lang, "Peringkat", "Rank"), true, 0.8},
                 {"Kode", false, 1.3},
                 {tr(lang, "Nama", "Name"), false, 2.0, true},
                 {"Kecamatan", false, 1.7, true},
                 {tr(lang, "Skor", "Score"), true, 0.8},
                 {tr(lang, "Objek wisata dekat", "Attractions near"), true, 1.1},
                 {byRoad ? tr(lang, "Ke ibu kota (menit)", "To the capital (min)")
                         : tr(lang, "Ke ibu kota (km)", "To the capital (km)"),
                  true, 1.1},
                 {tr(lang, "Tingkat kemiskinan (%)", "Poverty rate (%)"), true, 1.1}};
    std::vector<const gis::PokdarwisResult::Row*> ranked;
    int withGroup = 0;
    for (const gis::PokdarwisResult::Row& row : r.rows) {
        withGroup += row.hasGroup ? 1 : 0;
        if (row.rank > 0)
            ranked.push_back(&row);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto* a, const auto* b) { return a->rank < b->rank; });
    auto value = [](const gis::PokdarwisResult::Row& row, std::size_t c) {
        return c < row.values.size() ? row.values[c] : std::nan("");
    };
    for (std::size_t i = 0; i < ranked.size() && i < topN; ++i) {
        const auto& row = *ranked[i];
        t.rows.push_back({std::to_string(row.rank), row.code, row.name, row.kecamatan, number(row.score, 1),
                          number(value(row, near), 0), number(value(row, capital), byRoad ? 0 : 1),
                          number(value(row, rate), 1)});
    }
    t.note = std::to_string(ranked.size()) + tr(lang, " pekon dinilai; ", " villages ranked; ")
        + std::to_string(withGroup) + tr(lang, " sudah memiliki POKDARWIS (tidak dinilai); ",
                                         " already have a POKDARWIS (not ranked); ")
        + std::to_string(r.attractionCount) + tr(lang, " objek wisata (WISATA) di proyek. Periode ",
                                                 " attractions (WISATA) in the project. Period ")
        + r.period + ".";
    if (r.attractionCount == 0)
        t.note += tr(lang, " Tanpa objek wisata, peringkat hanya menurut akses dan kemiskinan.",
                     " Without attractions the ranking rests on access and poverty only.");
    return t;
}

std::string moranSummary(const gis::HotspotResult& r, Lang lang)
{
    const gis::HotspotOptions& o = r.options;
    const std::string weights = o.weights == gis::WeightsKind::Queen
        ? tr(lang, "ketetanggaan queen (toleransi ", "queen contiguity (tolerance ") + formatNumber(o.toleranceM, 0)
            + " m)"
        : std::to_string(o.k) + tr(lang, " tetangga terdekat", " nearest neighbours");
    return tr(lang, "Moran's I global ", "Global Moran's I ") + formatNumber(r.global.i, 3) + " (E[I] "
        + formatNumber(r.global.expected, 3) + "), p = " + formatNumber(r.global.pValue, 3)
        + tr(lang, " dari ", " from ") + std::to_string(r.global.permutations) + tr(lang, " permutasi", " permutations")
        + "; " + tr(lang, "bobot ", "weights: ") + weights + "; α = " + formatNumber(o.alpha, 2)
        + (o.fdr ? tr(lang, " dengan koreksi FDR", " with FDR correction") : std::string());
}

ThematicMapSpec hotspotMapSpec(const gis::Dataset& ds, const ThematicMapSpec& base, const gis::HotspotResult& r)
{
    ThematicMapSpec spec = base;
    spec.layer = lisaLayer(r, base.lang, indicatorLabel(ds, r.key));
    spec.showFacilities = false; // the clusters alone: symbols would hide small pekon
    spec.title = withRegency(ds, tr(base.lang, "Kantong dan Klaster: ", "Pockets and Clusters: ") + spec.layer->label);
    spec.subtitle = moranSummary(r, base.lang);
    return spec;
}

PageTable hotspotTable(const gis::Dataset& ds, const gis::HotspotResult& r, Lang lang)
{
    PageTable t;
    std::vector<const gis::HotspotRow*> rows;
    for (const gis::HotspotRow& row : r.rows)
        if (row.cluster == gis::Cluster::HighHigh)
            rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        if (a->kecamatan != b->kecamatan)
            return a->kecamatan < b->kecamatan;
        return a->value != b->value ? a->value > b->value : a->kode < b->kode;
    });
    const std::string label = indicatorLabel(ds, r.key);
    t.title = tr(lang, "Pekon dalam klaster tinggi-tinggi (", "Villages in high-high clusters (")
        + std::to_string(rows.size()) + ")";
    t.columns = {{"Kode", false, 1.3},
                 {tr(lang, "Nama", "Name"), false, 2.0, true},
                 {"Kecamatan", false, 1.7, true},
                 {label, true, 1.3},
                 {tr(lang, "Rata-rata tetangga", "Neighbours' mean"), true, 1.2},
                 {"I lokal", true, 0.9},
                 {"p", true, 0.8}};
    const int decimals = std::any_of(rows.begin(), rows.end(),
                                     [](const auto* row) { return std::fabs(row->value) < 100.0; })
        ? 2
        : 0;
    for (const gis::HotspotRow* row : rows)
        t.rows.push_back({row->kode, row->nama, row->kecamatan, number(row->value, decimals),
                          number(row->lag, decimals), number(row->localI, 2), number(row->pValue, 3)});
    auto n = [&r](gis::Cluster c) {
        const auto it = r.clusterCounts.find(c);
        return std::to_string(it == r.clusterCounts.end() ? 0 : it->second);
    };
    t.note = tr(lang, "Klaster: tinggi-tinggi ", "Clusters: high-high ") + n(gis::Cluster::HighHigh)
        + tr(lang, ", rendah-rendah ", ", low-low ") + n(gis::Cluster::LowLow)
        + tr(lang, ", tinggi-rendah ", ", high-low ") + n(gis::Cluster::HighLow)
        + tr(lang, ", rendah-tinggi ", ", low-high ") + n(gis::Cluster::LowHigh)
        + tr(lang, ", tidak signifikan ", ", not significant ") + n(gis::Cluster::NotSignificant)
        + tr(lang, ", tidak diuji ", ", not tested ") + n(gis::Cluster::NotTested) + " pekon. "
        + moranSummary(r, lang) + tr(lang, ". Periode ", ". Period ") + r.period + ".";
    return t;
}

} // namespace layers::detail
