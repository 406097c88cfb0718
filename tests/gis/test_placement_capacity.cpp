// Capacitated placement (nearest-first assignment) on hand-worked instances, and the GeoPackage
// outputs of placement and the POKDARWIS ranking read back with OGR and compared with the CSV.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/placement.h"
#include "gis/pokdarwis.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

using namespace gis;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

/// Three villages, one existing facility, two candidates, capacity 60 (MCLP reach lists):
///   demand d0 = 100, d1 = 30, d2 = 20
///   existing E reaches d0 at 0.5
///   c0 reaches d0 at 1 and d2 at 2;  c1 reaches d1 at 1 and d2 at 3.
/// Without a capacity E covers d0 entirely, so c0 adds only d2 (20) and c1 adds d1 + d2 (50).
/// With capacity 60, E serves 60 of d0 and leaves 40:
///   c0 open: E->d0 60 (E full), c0->d0 40, c0->d2 20 (c0 full): served 120, a gain of 60;
///   c1 open: E->d0 60, c1->d1 30, c1->d2 20: served 110, a gain of 50.
/// So the capacity turns the choice from c1 to c0.
CapacitatedInstance threeVillages()
{
    CapacitatedInstance inst;
    inst.demand = {100, 30, 20};
    inst.existing = {{{0, 0.5}}};
    inst.candidates = {{{0, 1.0}, {2, 2.0}}, {{1, 1.0}, {2, 3.0}}};
    inst.capacity = 60;
    return inst;
}

/// A line: d0 at 0 (10), d1 at 1 (10), d2 at 5 (30); candidates c0 at 0 and c1 at 5 reach all.
CapacitatedInstance lineInstance(double capacity)
{
    const std::vector<double> x{0, 1, 5};
    CapacitatedInstance inst;
    inst.demand = {10, 10, 30};
    inst.capacity = capacity;
    for (double c : {0.0, 5.0}) {
        std::vector<FacilityReach> list;
        for (std::uint32_t d = 0; d < x.size(); ++d)
            list.push_back({d, std::fabs(c - x[d])});
        inst.candidates.push_back(list);
    }
    return inst;
}

std::vector<std::vector<std::string>> readCsv(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::vector<std::vector<std::string>> rows;
    while (std::getline(in, line))
        rows.push_back(testutil::splitCsvLine(line));
    return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name)
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name)
            return i;
    ADD_FAILURE() << "no column " << name;
    return 0;
}

GDALDatasetUniquePtr openVector(const std::string& path)
{
    GDALAllRegister();
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

} // namespace

TEST(CapacitatedAssignment, NearestFirstSplitsDemandAndStopsAtCapacity)
{
    CapacitatedInstance inst = threeVillages();
    // Both candidates open: E->d0 60, c0->d0 40 (c0 keeps 20), c1->d1 30 (c1 keeps 30),
    // c0->d2 20 (c0 full); c1->d2 finds d2 served. Cost 60*0.5 + 40*1 + 30*1 + 20*2 = 140.
    const CapacitatedAssignment a = assignNearestFirst(inst, {0, 1});
    EXPECT_DOUBLE_EQ(a.served, 150);
    EXPECT_DOUBLE_EQ(a.cost, 140);
    EXPECT_EQ(a.servedAt, (std::vector<double>{100, 30, 20}));
    EXPECT_EQ(a.servedBy, (std::vector<double>{60, 60, 30}));
    ASSERT_EQ(a.flows.size(), 4u);
    EXPECT_EQ(a.flows[0].facility, 0u);
    EXPECT_DOUBLE_EQ(a.flows[1].amount, 40);
    EXPECT_EQ(a.flows[1].facility, 1u) << "at equal distance the lower facility index goes first";
    EXPECT_EQ(a.flows[2].facility, 2u);
    // The order of the sites does not matter.
    EXPECT_EQ(assignNearestFirst(inst, {1, 0}).servedBy, a.servedBy);
    // Existing facility alone.
    const CapacitatedAssignment before = assignNearestFirst(inst, {});
    EXPECT_DOUBLE_EQ(before.served, 60);
    EXPECT_DOUBLE_EQ(before.cost, 30);
    inst.capacity = 0;
    EXPECT_THROW(assignNearestFirst(inst, {}), Error);
}

TEST(CapacitatedSolver, CapacityTurnsTheMaxCoverChoice)
{
    const CapacitatedInstance inst = threeVillages();
    const SolverResult r = solveCapacitated(inst, 1, CapacitatedGoal::MaxServed);
    ASSERT_EQ(r.chosen.size(), 1u);
    EXPECT_EQ(r.chosen[0], 0u);
    EXPECT_DOUBLE_EQ(r.objective, 120);
    EXPECT_DOUBLE_EQ(r.gain[0], 60);
    // The same instance without a capacity (a covering instance) prefers c1.
    CoverageInstance cover;
    cover.demand = inst.demand;
    cover.alreadyCovered = {1, 0, 0};
    cover.covers = {{0, 2}, {1, 2}};
    const SolverResult free = solveMaxCover(cover, 1);
    EXPECT_EQ(free.chosen, (std::vector<std::size_t>{1}));
    EXPECT_DOUBLE_EQ(free.objective, 150);
    // Both sites: all 150 served; gains in order c0 (+60) then c1 (+30).
    const SolverResult two = solveCapacitated(inst, 2, CapacitatedGoal::MaxServed);
    EXPECT_EQ(two.chosen, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(two.gain, (std::vector<double>{60, 30}));
    EXPECT_DOUBLE_EQ(two.objective, 150);
}

TEST(CapacitatedSolver, PMedianUnderCapacityReportsUnservedDemand)
{
    // Capacity 15, N = 1. Penalty 10 * 5 + 1 = 51 per unserved unit.
    //   c0: d0 10 at 0, d1 5 at 1: served 15, cost 5, unserved 35 -> 5 + 51 * 35 = 1790
    //   c1: d2 15 at 0: served 15, cost 0 -> 0 + 51 * 35 = 1785: c1.
    const CapacitatedInstance inst = lineInstance(15);
    EXPECT_DOUBLE_EQ(unservedPenalty(inst), 51);
    const SolverResult r = solveCapacitated(inst, 1, CapacitatedGoal::MinCost);
    EXPECT_EQ(r.chosen, (std::vector<std::size_t>{1}));
    EXPECT_DOUBLE_EQ(r.objective, 1785);
    const CapacitatedAssignment a = assignNearestFirst(inst, r.chosen);
    EXPECT_DOUBLE_EQ(a.served, 15);
    EXPECT_EQ(a.servedAt, (std::vector<double>{0, 0, 15}));
    // N = 2: c0->d0 10, c1->d2 15 (c1 full), c0->d1 5 (c0 full): served 30, cost 5.
    const CapacitatedAssignment both = assignNearestFirst(inst, {0, 1});
    EXPECT_DOUBLE_EQ(both.served, 30);
    EXPECT_DOUBLE_EQ(both.cost, 5);
    EXPECT_EQ(both.servedAt, (std::vector<double>{10, 5, 15}));
}

TEST(CapacitatedSolver, UnlimitedCapacityAgreesWithTheUncapacitatedSolvers)
{
    // The hand-built covering instance of test_placement: optimum {c1, c2} = 4.
    CapacitatedInstance cover;
    cover.demand = {1, 1, 1, 1, 0.5};
    cover.candidates = {{{1, 1}, {2, 1}, {4, 1}}, {{0, 1}, {1, 1}}, {{2, 1}, {3, 1}}};
    const SolverResult c = solveCapacitated(cover, 2, CapacitatedGoal::MaxServed);
    EXPECT_DOUBLE_EQ(c.objective, 4.0);
    EXPECT_EQ((std::set<std::size_t>(c.chosen.begin(), c.chosen.end())), (std::set<std::size_t>{1, 2}));
    // The line p-median (0, 1, 2, 10, 11, 12): two sites at 1 and 11, cost 4.
    const std::vector<double> x{0, 1, 2, 10, 11, 12};
    CapacitatedInstance median;
    median.demand.assign(x.size(), 1.0);
    for (double at : x) {
        std::vector<FacilityReach> list;
        for (std::uint32_t d = 0; d < x.size(); ++d)
            list.push_back({d, std::fabs(at - x[d])});
        median.candidates.push_back(list);
    }
    const SolverResult m = solveCapacitated(median, 2, CapacitatedGoal::MinCost);
    EXPECT_DOUBLE_EQ(m.objective, 4.0);
    EXPECT_EQ((std::set<std::size_t>(m.chosen.begin(), m.chosen.end())), (std::set<std::size_t>{1, 4}));
    // Capacity 3 splits nothing there (each cluster holds 3): the same answer.
    median.capacity = 3;
    EXPECT_DOUBLE_EQ(solveCapacitated(median, 2, CapacitatedGoal::MinCost).objective, 4.0);
    // Capacity 2: each site serves 2 of its 3 points; the third of each is unserved.
    median.capacity = 2;
    const SolverResult tight = solveCapacitated(median, 2, CapacitatedGoal::MinCost);
    EXPECT_DOUBLE_EQ(assignNearestFirst(median, tight.chosen).served, 4.0);
}

TEST(CapacitatedPlacement, TanggamusWithAndWithoutCapacity)
{
    PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 10;
    o.radiusKm = 5.0;
    const PlacementResult free = placeFacilities(tanggamus(), o);
    std::vector<std::string> freeCodes;
    for (const PlacedSite& s : free.sites)
        freeCodes.push_back(s.code);
    // A capacity above the whole demand: the nearest-first assignment of the same sites gives
    // exactly the uncapacitated figures, and the capacitated search finds as good a set.
    o.capacity = 1e9;
    const PlacementResult same = evaluateSites(tanggamus(), o, freeCodes);
    EXPECT_NEAR(same.after, free.after, 1e-6);
    EXPECT_NEAR(same.before, free.before, 1e-6);
    for (std::size_t v = 0; v < free.villages.size(); ++v) {
        EXPECT_EQ(same.villages[v].servedBy, free.villages[v].servedBy) << free.villages[v].code;
        EXPECT_EQ(same.villages[v].served, free.villages[v].served) << free.villages[v].code;
    }
    for (std::size_t k = 0; k < free.sites.size(); ++k)
        EXPECT_NEAR(same.sites[k].served, free.sites[k].served, 1e-6) << free.sites[k].code;
    const PlacementResult ample = placeFacilities(tanggamus(), o);
    std::cout << "[tanggamus 5 km N=10] covered without capacity " << free.after << ", capacitated search with ample "
              << "capacity " << ample.after << "\n";
    EXPECT_GE(ample.after, 0.99 * free.after);
    EXPECT_NEAR(ample.before, free.before, 1e-6);
    // 2,000 poor per Puskessos: no facility serves more, and the books balance.
    o.capacity = 2000;
    const PlacementResult tight = placeFacilities(tanggamus(), o);
    ASSERT_EQ(tight.sites.size(), 10u);
    std::cout << "[tanggamus capacity 2000, 5 km] served before " << tight.before << ", after " << tight.after << " of "
              << tight.totalDemand << " (without capacity " << free.after << ")\n";
    EXPECT_LE(tight.before, 2 * 2000 + 1e-9);
    EXPECT_LE(tight.after, 12 * 2000 + 1e-9);
    EXPECT_LE(tight.after, free.after + 1e-9);
    double sites = 0, gains = 0;
    for (const PlacedSite& s : tight.sites) {
        EXPECT_LE(s.served, 2000 + 1e-9) << s.code;
        EXPECT_LE(s.served, s.withinReach + 1e-9) << s.code;
        sites += s.served;
        gains += s.gain;
    }
    EXPECT_NEAR(gains, tight.after - tight.before, 1e-6);
    double villages = 0;
    for (const VillageAssignment& a : tight.villages) {
        EXPECT_NEAR(a.served + a.unserved, a.demand, 1e-9) << a.code;
        if (a.served > 0) {
            EXPECT_FALSE(a.servedBy.empty()) << a.code;
            EXPECT_LE(a.distance, 5.0) << a.code;
        }
        villages += a.served;
    }
    EXPECT_NEAR(villages, tight.after, 1e-6);
    EXPECT_LE(tight.after - sites, 2 * 2000 + 1e-6) << "the rest is served by the two existing Puskessos";

    // p-median with a capacity: served and unserved add up; an ample capacity gives the
    // uncapacitated weighted distance.
    o.method = PlacementMethod::PMedian;
    o.count = 5;
    o.capacity.reset();
    const PlacementResult median = placeFacilities(tanggamus(), o);
    std::vector<std::string> medianCodes;
    for (const PlacedSite& s : median.sites)
        medianCodes.push_back(s.code);
    o.capacity = 1e9;
    EXPECT_NEAR(evaluateSites(tanggamus(), o, medianCodes).after, median.after, 1e-9 * median.after);
    const PlacementResult medianAmple = placeFacilities(tanggamus(), o);
    std::cout << "[tanggamus p-median N=5] weighted km without capacity " << median.after
              << ", capacitated search with ample capacity " << medianAmple.after << "\n";
    EXPECT_LE(medianAmple.after, 1.01 * median.after);
    o.capacity = 5000;
    const PlacementResult medianTight = placeFacilities(tanggamus(), o);
    EXPECT_NEAR(medianTight.servedAfter, std::min(7 * 5000.0, medianTight.totalDemand), 1e-6);
    EXPECT_TRUE(std::isfinite(medianTight.unservedPenalty));

    o.capacity = -1;
    EXPECT_THROW(placeFacilities(tanggamus(), o), Error);
}

TEST(PlacementGpkg, LayersMatchTheCsv)
{
    PlacementOptions o;
    o.count = 4;
    o.capacity = 3000;
    const PlacementResult r = placeFacilities(tanggamus(), o);
    const auto dir = testutil::tempDir("placement_gpkg");
    const std::string gpkg = (dir / "place.gpkg").string();
    const std::string csv = (dir / "place.csv").string();
    writePlacementGpkg(tanggamus(), r, gpkg);
    writePlacementCsv(r, csv);
    const auto rows = readCsv(csv);
    ASSERT_EQ(rows.size(), 303u);
    const auto& header = rows[0];
    std::map<std::string, std::vector<std::string>> byCode;
    for (std::size_t i = 1; i < rows.size(); ++i)
        byCode[rows[i][0]] = rows[i];

    GDALDatasetUniquePtr ds = openVector(gpkg);
    ASSERT_TRUE(ds);
    OGRLayer* sites = ds->GetLayerByName("lokasi_baru");
    ASSERT_NE(sites, nullptr);
    EXPECT_EQ(sites->GetFeatureCount(), 4);
    EXPECT_EQ(wkbFlatten(sites->GetGeomType()), wkbPoint);
    for (auto& f : *sites) {
        const int rank = f->GetFieldAsInteger("rank");
        ASSERT_GE(rank, 1);
        const PlacedSite& s = r.sites[static_cast<std::size_t>(rank - 1)];
        EXPECT_EQ(std::string(f->GetFieldAsString("kode")), s.code);
        EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("served"), s.served);
        EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("gain"), s.gain);
        EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("covered"), s.withinReach);
        const auto* p = f->GetGeometryRef()->toPoint();
        EXPECT_DOUBLE_EQ(p->getX(), s.point.x);
        EXPECT_DOUBLE_EQ(p->getY(), s.point.y);
        // The CSV marks the same pekon with the same order.
        EXPECT_EQ(byCode.at(s.code)[column(header, "new_site_order")], std::to_string(rank));
    }
    OGRLayer* villages = ds->GetLayerByName("desa");
    ASSERT_NE(villages, nullptr);
    EXPECT_EQ(villages->GetFeatureCount(), 302);
    std::size_t checked = 0;
    for (auto& f : *villages) {
        const auto& row = byCode.at(f->GetFieldAsString("kode"));
        EXPECT_EQ(std::string(f->GetFieldAsString("served_by")), row[column(header, "served_by")]);
        EXPECT_NEAR(f->GetFieldAsDouble("served"), std::stod(row[column(header, "served")]), 1e-6);
        EXPECT_NEAR(f->GetFieldAsDouble("unserved"), std::stod(row[column(header, "unserved")]), 1e-6);
        const std::string distance = row[column(header, "distance_km")];
        if (distance.empty())
            EXPECT_TRUE(f->IsFieldNull(f->GetFieldIndex("distance_km")));
        else
            EXPECT_NEAR(f->GetFieldAsDouble("distance_km"), std::stod(distance), 1e-6);
        EXPECT_EQ(f->GetFieldAsInteger("covered_after"), std::stoi(row[column(header, "covered_after")]));
        ASSERT_NE(f->GetGeometryRef(), nullptr);
        EXPECT_EQ(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbMultiPolygon);
        ++checked;
    }
    EXPECT_EQ(checked, 302u);
    ds.reset();
    EXPECT_THROW(writePlacementGpkg(tanggamus(), r, (dir / "missing" / "p.gpkg").string()), OutputError);
    // No temporary file is left beside the output.
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        (void)entry;
        ++files;
    }
    EXPECT_EQ(files, 2u);
}

TEST(PokdarwisGpkg, LayerMatchesTheCsv)
{
    const PokdarwisResult r = rankPokdarwisSites(tanggamus());
    const auto dir = testutil::tempDir("pokdarwis_gpkg");
    const std::string gpkg = (dir / "p.gpkg").string();
    const std::string csv = (dir / "p.csv").string();
    writePokdarwisGpkg(tanggamus(), r, gpkg);
    writePokdarwisCsv(r, csv);
    const auto rows = readCsv(csv);
    ASSERT_EQ(rows.size(), 303u);
    const auto& header = rows[0];
    std::map<std::string, std::vector<std::string>> byCode;
    for (std::size_t i = 1; i < rows.size(); ++i)
        byCode[rows[i][0]] = rows[i];
    GDALDatasetUniquePtr ds = openVector(gpkg);
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("pokdarwis");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 302);
    std::size_t ranked = 0;
    for (auto& f : *layer) {
        const auto& row = byCode.at(f->GetFieldAsString("kode"));
        const std::string rank = row[column(header, "rank")];
        if (rank.empty()) {
            EXPECT_TRUE(f->IsFieldNull(f->GetFieldIndex("rank")));
            continue;
        }
        ++ranked;
        EXPECT_EQ(f->GetFieldAsInteger("rank"), std::stoi(rank));
        EXPECT_NEAR(f->GetFieldAsDouble("score"), std::stod(row[column(header, "score")]), 1e-5);
        for (const SchemeIndicator& ind : r.scheme.indicators)
            EXPECT_NEAR(f->GetFieldAsDouble(("contrib_" + ind.key).c_str()),
                        std::stod(row[column(header, "contrib_" + ind.key)]), 1e-5);
        EXPECT_EQ(f->GetFieldAsInteger("has_pokdarwis"), 0);
    }
    std::size_t rankedInResult = 0;
    for (const auto& row : r.rows)
        rankedInResult += row.rank > 0 ? 1 : 0;
    EXPECT_EQ(ranked, rankedInResult);
    EXPECT_GT(ranked, 200u);
}
