// The map recipe: a map template resolved against the embedded Tanggamus dataset into what a
// ThematicMap draws (layer values, focus, proposals), checked against the analyses themselves
// and against values worked out here.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/indicators.h"
#include "layers/maprecipe.h"
#include "layers/thematicmap.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace layers;
using ::testing::HasSubstr;

namespace {

const gis::Dataset& demo()
{
    static const gis::Dataset ds = gis::buildDefaultDataset();
    return ds;
}

MapTemplate layerTemplate(const std::string& layer)
{
    MapTemplate t;
    t.layer = layer;
    return t;
}

gis::PlacementRun run(long long id, const std::string& kind, std::optional<double> radiusKm,
                      std::vector<std::pair<std::string, gis::Point>> sites)
{
    gis::PlacementRun r;
    r.id = id;
    r.kind = kind;
    r.method = "mclp";
    r.radiusKm = radiusKm;
    r.count = sites.size();
    int rank = 0;
    for (const auto& [code, at] : sites)
        r.sites.push_back({++rank, code, "Pekon " + code, at, 10.0, 20.0});
    return r;
}

} // namespace

TEST(MapRecipe, PriorityLayerHoldsTheAnalysisScores)
{
    const gis::Dataset& ds = demo();
    const ResolvedMap resolved = resolveMap(ds, layerTemplate("priority"));
    ASSERT_TRUE(resolved.spec.layer);
    ASSERT_TRUE(resolved.analysis) << "the table computed for the layer is handed back";
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const std::size_t score = table.column("priority_score");
    std::size_t scored = 0;
    for (const auto& row : table.rows) {
        const double expected = row.values[score];
        const auto it = resolved.spec.layer->values.find(row.kode);
        if (!std::isfinite(expected)) {
            EXPECT_TRUE(it == resolved.spec.layer->values.end() || !std::isfinite(it->second)) << row.kode;
            continue;
        }
        ASSERT_NE(it, resolved.spec.layer->values.end()) << row.kode;
        EXPECT_DOUBLE_EQ(it->second, expected) << row.kode;
        ++scored;
    }
    EXPECT_GT(scored, 200u);
    EXPECT_EQ(resolved.spec.layer->key, "priority_score");
}

TEST(MapRecipe, KeptSchemeWithOneIndicatorScoresItsMinMaxRescaling)
{
    // one indicator, min-max, weight 1: score = 100 (x - min) / (max - min), worked out here
    gis::Dataset ds = demo();
    gis::PriorityScheme scheme;
    scheme.name = "kemiskinan_saja";
    scheme.indicators = {{"poverty_rate", gis::Direction::HigherIsWorse, gis::Normalisation::MinMax, 1.0}};
    gis::storeScheme(ds, scheme);
    MapTemplate t = layerTemplate("priority");
    t.scheme = "kemiskinan_saja";
    const ResolvedMap resolved = resolveMap(ds, t);
    ASSERT_TRUE(resolved.spec.layer);
    const std::string period = gis::latestPeriod(ds, "miskin");
    const auto rates = gis::indicatorValues(ds, "poverty_rate", period);
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& [code, v] : rates)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    ASSERT_LT(lo, hi);
    int checked = 0;
    for (const auto& [code, v] : rates) {
        if (!std::isfinite(v) || !ds.findArea(code))
            continue;
        const auto it = resolved.spec.layer->values.find(code);
        ASSERT_NE(it, resolved.spec.layer->values.end()) << code;
        EXPECT_NEAR(it->second, 100.0 * (v - lo) / (hi - lo), 1e-9) << code;
        ++checked;
    }
    EXPECT_GT(checked, 200);
}

TEST(MapRecipe, KecamatanByNameAndByCodeGiveTheSameFocusAndExtent)
{
    const gis::Dataset& ds = demo();
    const gis::Area& byName = findKecamatan(ds, "kota AGUNG");
    const gis::Area& byCode = findKecamatan(ds, byName.code);
    EXPECT_EQ(&byName, &byCode);
    EXPECT_EQ(byName.name, "Kota Agung");

    MapTemplate named;
    named.spec.focusArea = "Kota Agung";
    MapTemplate coded;
    coded.spec.focusArea = byName.code;
    const ResolvedMap a = resolveMap(ds, named);
    const ResolvedMap b = resolveMap(ds, coded);
    EXPECT_EQ(a.spec.focusArea, byName.code);
    EXPECT_EQ(b.spec.focusArea, byName.code);
    const ThematicMap mapA(ds, a.spec), mapB(ds, b.spec);
    const gis::Extent ea = mapA.pageView(), eb = mapB.pageView();
    EXPECT_EQ(ea.minX, eb.minX);
    EXPECT_EQ(ea.minY, eb.minY);
    EXPECT_EQ(ea.maxX, eb.maxX);
    EXPECT_EQ(ea.maxY, eb.maxY);
    // the page view is the kecamatan's own extent padded by 6 % of its larger side
    const gis::Extent k = gis::extentOf(byName.geometry);
    const double pad = std::max(k.width(), k.height()) * 0.06;
    EXPECT_NEAR(ea.minX, k.minX - pad, 1e-12);
    EXPECT_NEAR(ea.maxY, k.maxY + pad, 1e-12);
    EXPECT_FALSE(a.analysis) << "an indicator map needs no analysis";
}

TEST(MapRecipe, UnknownKecamatanIsATemplateErrorListingTheKecamatan)
{
    MapTemplate t;
    t.spec.focusArea = "Atlantis";
    try {
        (void)resolveMap(demo(), t);
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        EXPECT_EQ(e.parameter(), "kecamatan");
        EXPECT_THAT(e.what(), HasSubstr("'Atlantis'"));
        EXPECT_THAT(e.what(), HasSubstr("Kota Agung"));
        EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("--")));
    }
}

TEST(MapRecipe, ProposalsComeFromTheLatestSavedRun)
{
    gis::Dataset ds = demo();
    MapTemplate t;
    t.proposals = true;
    try {
        (void)resolveMap(ds, t);
        FAIL() << "no error without a saved run";
    } catch (const TemplateError& e) {
        EXPECT_EQ(e.parameter(), "proposals");
        EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("sasaran-cli")));
    }
    ds.programs.push_back(run(1, "PUSKESMAS", 3.0, {{"18.06.01.1001", {104.6, -5.5}}}));
    ds.programs.push_back(
        run(2, "PUSKESSOS", 7.5, {{"18.06.20.2005", {104.7, -5.4}}, {"18.06.19.2001", {104.8, -5.3}}}));
    const ResolvedMap resolved = resolveMap(ds, t);
    ASSERT_EQ(resolved.spec.proposedSites.size(), 2u);
    EXPECT_EQ(resolved.spec.proposedSites[0].code, "18.06.20.2005");
    EXPECT_EQ(resolved.spec.proposedSites[0].rank, 1);
    EXPECT_EQ(resolved.spec.proposedSites[1].code, "18.06.19.2001");
    EXPECT_DOUBLE_EQ(resolved.spec.proposedSites[1].location.x, 104.8);
    EXPECT_EQ(resolved.spec.proposedKind, "PUSKESSOS");
    EXPECT_EQ(resolved.spec.coverageKind, "PUSKESSOS") << "the run's reach when the template draws none";
    EXPECT_DOUBLE_EQ(resolved.spec.coverageRadiusKm, 7.5);

    t.spec.coverageKind = "BUMDES";
    t.spec.coverageRadiusKm = 2.0;
    const ResolvedMap own = resolveMap(ds, t);
    EXPECT_EQ(own.spec.coverageKind, "BUMDES") << "the template's own reach stays";
    EXPECT_DOUBLE_EQ(own.spec.coverageRadiusKm, 2.0);
}

TEST(MapRecipe, AnalysisColumnLayerAndAGivenTable)
{
    const gis::Dataset& ds = demo();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const ResolvedMap resolved = resolveMap(ds, layerTemplate("dist_puskessos_km"), &table);
    EXPECT_FALSE(resolved.analysis) << "the given table is used, not copied";
    ASSERT_TRUE(resolved.spec.layer);
    const std::size_t col = table.column("dist_puskessos_km");
    for (const auto& row : table.rows) {
        if (std::isfinite(row.values[col])) {
            EXPECT_DOUBLE_EQ(resolved.spec.layer->values.at(row.kode), row.values[col]) << row.kode;
        }
    }
    try {
        (void)resolveMap(ds, layerTemplate("no_such_column"), &table);
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        EXPECT_EQ(e.parameter(), "layer");
        EXPECT_THAT(e.what(), HasSubstr("dist_puskessos_km")) << "lists the columns";
    }
}

TEST(MapRecipe, BaseAndLisaLayersAreCategories)
{
    const gis::Dataset& ds = demo();
    const ResolvedMap base = resolveMap(ds, layerTemplate("base"));
    ASSERT_TRUE(base.spec.layer);
    EXPECT_EQ(base.spec.layer->categories.size(), ds.villages().size()) << "one category for every village";
    MapTemplate lisa = layerTemplate("lisa");
    lisa.spec.indicatorKey = "poverty_rate";
    const ResolvedMap clusters = resolveMap(ds, lisa);
    ASSERT_TRUE(clusters.spec.layer);
    EXPECT_FALSE(clusters.spec.layer->categories.empty());
    EXPECT_FALSE(clusters.analysis) << "LISA needs no village analysis";
}
