// The village profile checked against analyzeVillages, analyzeHotspots and islandFlags on the
// embedded Tanggamus dataset, and its period changes on a hand-made second period.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/hotspots.h"
#include "gis/islands.h"
#include "gis/measure.h"
#include "gis/villageprofile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

namespace {

std::size_t rowOf(const gis::AnalysisTable& t, const std::string& code)
{
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        if (t.rows[i].kode == code)
            return i;
    return t.rows.size();
}

} // namespace

TEST(VillageProfile, AgreesWithTheAnalysisForGistingBawah)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const gis::IslandResult islands = gis::islandFlags(ds);
    gis::HotspotOptions ho;
    ho.permutations = 99;
    const gis::HotspotResult lisa = gis::analyzeHotspots(ds, "poverty_rate", ho);
    const std::string code = "18.06.20.2005";
    const std::size_t row = rowOf(table, code);
    ASSERT_LT(row, table.rows.size());

    const gis::VillageProfile p = gis::villageProfile(ds, code, {&table, &lisa, &islands});
    EXPECT_EQ(p.code, code);
    EXPECT_EQ(p.name, table.rows[row].nama);
    EXPECT_EQ(p.kecamatanName, table.rows[row].kecamatan);
    EXPECT_EQ(p.kecamatanCode, "18.06.20");
    EXPECT_DOUBLE_EQ(p.areaKm2, table.value(row, "area_km2"));

    // the poverty rate of the analysis period, as analyze gives it
    const gis::ProfileIndicator* rate = nullptr;
    for (const auto& i : p.indicators)
        if (i.key == "poverty_rate")
            rate = &i;
    ASSERT_NE(rate, nullptr);
    EXPECT_EQ(rate->unit, "%");
    ASSERT_FALSE(rate->periods.empty());
    EXPECT_EQ(rate->periods.back().period, table.period);
    EXPECT_NEAR(rate->periods.back().value, table.value(row, "poverty_rate"), 1e-9);

    // Gisting Bawah holds one of the two Puskessos (DESIGN.md)
    bool puskessosSeen = false;
    for (const gis::ProfileNearest& n : p.nearest) {
        const std::string c = gis::kindColumnName(n.kind);
        EXPECT_EQ(n.inside, static_cast<int>(table.value(row, "n_" + c))) << n.kind;
        EXPECT_DOUBLE_EQ(n.distanceKm, table.value(row, "dist_" + c + "_km")) << n.kind;
        if (n.kind == "PUSKESSOS") {
            puskessosSeen = true;
            EXPECT_EQ(n.inside, 1);
            EXPECT_EQ(n.distanceKm, 0.0);
        }
        if (n.inside == 0) {
            // the named facility is the nearest by a brute-force scan, at the analysis's distance
            double best = INFINITY;
            std::string bestName;
            for (const gis::Facility& f : ds.facilities)
                if (f.kind == n.kind) {
                    const double d = gis::geodesicDistanceM(p.point, f.location) / 1000.0;
                    if (d < best) {
                        best = d;
                        bestName = f.name;
                    }
                }
            EXPECT_EQ(n.name, bestName) << n.kind;
            EXPECT_NEAR(n.distanceKm, best, 1e-9) << n.kind;
        }
    }
    EXPECT_TRUE(puskessosSeen);
    int insideTotal = 0;
    for (const gis::ProfileNearest& n : p.nearest)
        insideTotal += n.inside;
    EXPECT_EQ(static_cast<int>(p.facilitiesInside.size()), insideTotal);

    // score, rank and contributions
    ASSERT_TRUE(p.analysed);
    EXPECT_DOUBLE_EQ(p.score, table.value(row, "priority_score"));
    EXPECT_EQ(p.rank, static_cast<int>(table.value(row, "priority_rank")));
    EXPECT_EQ(p.rankedCount, table.rows.size() - table.priority.excludedCount());
    ASSERT_EQ(p.contributions.size(), table.scheme.indicators.size());
    double sum = 0;
    for (std::size_t k = 0; k < p.contributions.size(); ++k) {
        sum += p.contributions[k].points;
        EXPECT_DOUBLE_EQ(p.contributions[k].points, table.value(row, "contrib_" + p.contributions[k].key));
        if (k > 0) {
            EXPECT_GE(p.contributions[k - 1].points, p.contributions[k].points);
        }
    }
    EXPECT_NEAR(sum, p.score, 1e-9);
    EXPECT_NEAR(p.contributions.front().input, table.inputs.at(p.contributions.front().key)[row], 1e-12);

    // cluster and island status from the results given
    ASSERT_TRUE(p.cluster.has_value());
    for (const auto& r : lisa.rows)
        if (r.kode == code) {
            EXPECT_EQ(*p.cluster, r.cluster);
        }
    EXPECT_EQ(p.clusterKey, "poverty_rate");
    ASSERT_TRUE(p.island.has_value());
    EXPECT_EQ(*p.island, islands.find(code)->status);
}

TEST(VillageProfile, ChangeSincePreviousPeriodAndWithoutAnalysis)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const std::string code = "18.06.20.2005";
    std::map<std::string, double> v2018;
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.areaCode == code && v.period == "2018")
            v2018[v.key] = v.value;
    ASSERT_TRUE(v2018.count("miskin"));
    ASSERT_TRUE(v2018.count("penduduk"));
    ds.indicators.push_back({code, "miskin", "2019", v2018["miskin"] - 40, "test", ""});
    ds.indicators.push_back({code, "penduduk", "2019", v2018["penduduk"] + 100, "test", ""});

    const gis::VillageProfile p = gis::villageProfile(ds, code);
    EXPECT_FALSE(p.analysed);
    EXPECT_FALSE(p.cluster.has_value());
    EXPECT_FALSE(p.island.has_value());
    std::map<std::string, const gis::ProfileIndicator*> byKey;
    for (const auto& i : p.indicators)
        byKey[i.key] = &i;
    ASSERT_TRUE(byKey.count("miskin"));
    const auto& miskin = byKey["miskin"]->periods;
    ASSERT_EQ(miskin.size(), 2u);
    EXPECT_EQ(miskin[0].period, "2018");
    EXPECT_TRUE(std::isnan(miskin[0].change));
    EXPECT_EQ(miskin[1].period, "2019");
    EXPECT_DOUBLE_EQ(miskin[1].change, -40.0);
    const auto& rate = byKey.at("poverty_rate")->periods;
    ASSERT_EQ(rate.size(), 2u);
    const double before = 100.0 * v2018["miskin"] / v2018["penduduk"];
    const double after = 100.0 * (v2018["miskin"] - 40) / (v2018["penduduk"] + 100);
    EXPECT_NEAR(rate[1].value, after, 1e-9);
    EXPECT_NEAR(rate[1].change, after - before, 1e-9);
    // without a table, distances come from the same nearest search
    for (const gis::ProfileNearest& n : p.nearest)
        EXPECT_EQ(n.inside > 0, n.distanceKm == 0.0) << n.kind;

    EXPECT_THROW(gis::villageProfile(ds, "18.06.20"), gis::Error); // a kecamatan
    EXPECT_THROW(gis::villageProfile(ds, "99.99.99.9999"), gis::Error);
}
