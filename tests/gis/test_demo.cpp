// The embedded Tanggamus dataset against the facts of the Rakor 2019 report (DESIGN.md).
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/indicators.h"
#include "gis/measure.h"
#include "gis/spatialindex.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

using namespace gis;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

double sumOf(const std::map<std::string, double>& values)
{
    return std::accumulate(values.begin(), values.end(), 0.0, [](double s, const auto& kv) { return s + kv.second; });
}

} // namespace

TEST(DefaultDataset, Has302VillagesWithUniqueOfficialCodes)
{
    const auto villages = tanggamus().villages();
    ASSERT_EQ(villages.size(), 302u);
    std::set<std::string> codes;
    int kelurahan = 0;
    for (const Area* a : villages) {
        codes.insert(a->code);
        EXPECT_EQ(a->code.size(), 13u) << a->code;
        EXPECT_EQ(a->code.rfind("18.06.", 0), 0u) << a->code;
        EXPECT_FALSE(a->geometry.empty()) << a->code;
        if (a->kind == "kelurahan") {
            ++kelurahan;
            EXPECT_EQ(a->code[9], '1') << "kelurahan codes have 1 as the first digit of DDDD: " << a->code;
        }
    }
    EXPECT_EQ(codes.size(), 302u);
    EXPECT_EQ(kelurahan, 3);
    EXPECT_TRUE(codes.count("18.06.01.1001") && codes.count("18.06.01.1002") && codes.count("18.06.01.1003"));
    EXPECT_EQ(tanggamus().findArea("18.06.20.2005")->name, "Gisting Bawah");
    EXPECT_EQ(tanggamus().findArea("18.06.19.2001")->name, "Batu Kramat");
}

TEST(DefaultDataset, Has20KecamatanEachTheUnionOfItsPekon)
{
    const auto kecamatan = tanggamus().areasOfKind("kecamatan");
    ASSERT_EQ(kecamatan.size(), 20u);
    for (const Area* k : kecamatan) {
        std::vector<MultiPolygon> parts;
        double sumKm2 = 0.0;
        for (const Area* v : tanggamus().villages())
            if (v->parentCode == k->code) {
                parts.push_back(v->geometry);
                sumKm2 += geodesicAreaKm2(v->geometry);
            }
        ASSERT_FALSE(parts.empty()) << k->code;
        EXPECT_NEAR(geodesicAreaKm2(k->geometry), sumKm2, sumKm2 * 1e-6) << k->code << " " << k->name;
    }
    ASSERT_EQ(tanggamus().areasOfKind("kabupaten").size(), 1u);
}

TEST(DefaultDataset, PekonDoNotOverlap)
{
    // Pekon areas add up to the area of their union only when no two overlap.
    std::vector<MultiPolygon> parts;
    double sumKm2 = 0.0;
    for (const Area* v : tanggamus().villages()) {
        parts.push_back(v->geometry);
        sumKm2 += geodesicAreaKm2(v->geometry);
        EXPECT_TRUE(isValid(v->geometry)) << v->code;
    }
    const double unionKm2 = geodesicAreaKm2(unionAll(parts));
    EXPECT_NEAR(sumKm2, unionKm2, unionKm2 * 1e-5) << "overlaps beyond rounding of the clipping";
    const double regencyKm2 = geodesicAreaKm2(tanggamus().areasOfKind("kabupaten").front()->geometry);
    EXPECT_NEAR(sumKm2, regencyKm2, regencyKm2 * 0.001) << "pekon areas sum to the regency within 0.1 %";
    // An illustrative outline of about the official size (BIG: 2,947 km²), not a measured one.
    EXPECT_GT(regencyKm2, 2500.0);
    EXPECT_LT(regencyKm2, 3600.0);
}

TEST(DefaultDataset, MainlandPekonTouchAnotherAndNoneLiesApartFromTheRegency)
{
    // The mainland is the largest polygon of the coastline land; the other land polygons are islands.
    const MultiPolygon land = makeValid(tanggamus().backgroundLand).geometry;
    ASSERT_GT(land.size(), 1u);
    const auto polygonArea = [](const Polygon& p) { return planarArea(MultiPolygon{p}); };
    const std::size_t mainlandAt = static_cast<std::size_t>(
        std::max_element(land.begin(), land.end(),
                         [&](const Polygon& a, const Polygon& b) { return polygonArea(a) < polygonArea(b); })
        - land.begin());
    std::vector<MultiPolygon> landPolygons;
    for (const Polygon& p : land)
        landPolygons.push_back({p});
    const PolygonIndex landIndex(landPolygons);
    const auto landPolygonOf = [&](const Polygon& p) { return landIndex.locate(pointOnSurface(MultiPolygon{p})); };

    // The regency: one part on the mainland and ten small islands (counted independently with
    // SpatiaLite from outline.wkt ∩ land.wkt: 13 parts, of which 2 lie on the mainland apart
    // from the main part, each of the other 10 on its own island).
    const MultiPolygon& regency = tanggamus().areasOfKind("kabupaten").front()->geometry;
    std::vector<Polygon> mainlandParts;
    std::set<std::size_t> islands;
    for (const Polygon& p : regency) {
        const auto where = landPolygonOf(p);
        ASSERT_TRUE(where.has_value()) << "a regency part lies off the land";
        if (*where == mainlandAt)
            mainlandParts.push_back(p);
        else
            islands.insert(*where);
    }
    ASSERT_EQ(mainlandParts.size(), 1u) << "the regency has a detached piece on the mainland";
    EXPECT_EQ(islands.size(), 10u);
    EXPECT_EQ(regency.size(), 11u);
    const MultiPolygon mainPart{mainlandParts.front()};
    // The coarse outline's main ring reaches west to 104.303°; its separate ring near 104.27° E is gone.
    EXPECT_NEAR(extentOf(mainPart).minX, 104.303, 0.001);

    const auto villages = tanggamus().villages();
    std::vector<Extent> extents;
    for (const Area* v : villages)
        extents.push_back(extentOf(v->geometry));
    const auto extentsMeet = [](const Extent& a, const Extent& b) {
        return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
    };
    int mainlandPekon = 0;
    for (std::size_t i = 0; i < villages.size(); ++i) {
        bool onMainland = false;
        for (const Polygon& part : villages[i]->geometry) {
            const auto where = landPolygonOf(part);
            ASSERT_TRUE(where.has_value()) << villages[i]->code << " has a part off the land";
            if (*where != mainlandAt)
                continue; // islands may stand alone
            onMainland = true;
            const MultiPolygon piece{part};
            const double pieceArea = planarArea(piece);
            EXPECT_NEAR(planarArea(intersection(piece, mainPart)), pieceArea, pieceArea * 1e-6)
                << villages[i]->code << " " << villages[i]->name << " has a part outside the regency's main part";
            // Pekon sharing a boundary merge into fewer polygons than they have together.
            int neighbours = 0;
            for (std::size_t j = 0; j < villages.size(); ++j) {
                if (j == i || !extentsMeet(extentOf(piece), extents[j]))
                    continue;
                if (unionAll({piece, villages[j]->geometry}).size() < 1 + villages[j]->geometry.size())
                    ++neighbours;
            }
            EXPECT_GE(neighbours, 1) << villages[i]->code << " " << villages[i]->name
                                     << " has a mainland part that touches no other pekon";
        }
        mainlandPekon += onMainland ? 1 : 0;
    }
    // All but the two pekon of the island in the south-east bay near 104.82° E, 5.80° S, Suka
    // Banjar and Guring (counted with SpatiaLite: pekon not intersecting the mainland polygon).
    EXPECT_EQ(mainlandPekon, 300);

    // Sri Katon (Semaka), once the detached star west of the regency, now lies inside it.
    const Area* sriKaton = tanggamus().findArea("18.06.12.2017");
    ASSERT_NE(sriKaton, nullptr);
    EXPECT_EQ(sriKaton->name, "Sri Katon");
    EXPECT_GT(extentOf(sriKaton->geometry).minX, 104.303);
}

TEST(DefaultDataset, PoorPeopleSumTo73770AtARateOf12Point48Percent)
{
    const auto poor = indicatorValues(tanggamus(), "miskin", "2018");
    const auto population = indicatorValues(tanggamus(), "penduduk", "2018");
    ASSERT_EQ(poor.size(), 302u);
    ASSERT_EQ(population.size(), 302u);
    EXPECT_EQ(sumOf(poor), 73770.0);
    EXPECT_NEAR(100.0 * sumOf(poor) / sumOf(population), 12.48, 0.005);
    for (const auto& [code, n] : poor) {
        EXPECT_EQ(n, std::floor(n)) << code << " counts people in whole numbers";
        EXPECT_LE(n, population.at(code)) << code;
        EXPECT_GT(n, 0.0) << code;
    }
}

TEST(DefaultDataset, RatesAreHigherInRemotePekonThanNearKotaAgung)
{
    const Point capital{std::stod(tanggamus().metaValue("capital_lon")),
                        std::stod(tanggamus().metaValue("capital_lat"))};
    const auto rate = indicatorValues(tanggamus(), "poverty_rate", "2018");
    std::vector<std::pair<double, double>> byDistance; // (km to the capital, rate)
    for (const Area* v : tanggamus().villages())
        byDistance.emplace_back(geodesicDistanceM(pointOnSurface(v->geometry), capital) / 1000.0, rate.at(v->code));
    std::sort(byDistance.begin(), byDistance.end());
    double nearest = 0, farthest = 0;
    for (std::size_t i = 0; i < 50; ++i) {
        nearest += byDistance[i].second / 50.0;
        farthest += byDistance[byDistance.size() - 1 - i].second / 50.0;
    }
    EXPECT_GT(farthest, nearest + 5.0) << "mean rate of the 50 farthest vs the 50 nearest pekon, in points";
}

TEST(DefaultDataset, Has132BumdesInDifferentPekonAndTheTwoPuskessos)
{
    const Dataset& ds = tanggamus();
    std::vector<MultiPolygon> polygons;
    std::vector<std::string> codes;
    for (const Area* v : ds.villages()) {
        polygons.push_back(v->geometry);
        codes.push_back(v->code);
    }
    PolygonIndex index(polygons);
    std::set<std::string> bumdesPekon;
    std::set<std::string> puskessosPekon;
    int bumdes = 0;
    for (const Facility& f : ds.facilities) {
        const auto where = index.locate(f.location);
        ASSERT_TRUE(where.has_value()) << f.name << " lies in no pekon";
        EXPECT_EQ(codes[*where], f.areaCode) << f.name << " lies in the pekon it names";
        if (f.kind == "BUMDES") {
            ++bumdes;
            bumdesPekon.insert(f.areaCode);
            EXPECT_EQ(ds.findArea(f.areaCode)->kind, "pekon") << "a BUMDES belongs to a desa, not a kelurahan";
        } else if (f.kind == "PUSKESSOS") {
            puskessosPekon.insert(f.areaCode);
        }
    }
    EXPECT_EQ(bumdes, 132);
    EXPECT_EQ(bumdesPekon.size(), 132u);
    EXPECT_EQ(puskessosPekon, (std::set<std::string>{"18.06.20.2005", "18.06.19.2001"}));
}

TEST(DefaultDataset, SaysItIsIllustrativeAndNamesItsSources)
{
    const Dataset& ds = tanggamus();
    EXPECT_TRUE(ds.isIllustrative());
    EXPECT_NE(ds.metaValue("notice").find("Data ilustrasi"), std::string::npos);
    EXPECT_NE(ds.metaValue("names_source").find("ODbL"), std::string::npos);
    EXPECT_NE(ds.metaValue("coastline_source").find("GSHHG"), std::string::npos);
    EXPECT_EQ(ds.metaValue("capital_name"), "Kota Agung");
}

TEST(DefaultDataset, IsTheSameEveryTime)
{
    const Dataset again = buildDefaultDataset();
    ASSERT_EQ(again.areas.size(), tanggamus().areas.size());
    for (std::size_t i = 0; i < again.areas.size(); ++i) {
        EXPECT_EQ(again.areas[i].code, tanggamus().areas[i].code);
        EXPECT_EQ(vertexCount(again.areas[i].geometry), vertexCount(tanggamus().areas[i].geometry));
        EXPECT_DOUBLE_EQ(geodesicAreaKm2(again.areas[i].geometry), geodesicAreaKm2(tanggamus().areas[i].geometry));
    }
    ASSERT_EQ(again.indicators.size(), tanggamus().indicators.size());
    for (std::size_t i = 0; i < again.indicators.size(); ++i)
        EXPECT_EQ(again.indicators[i].value, tanggamus().indicators[i].value);
}

TEST(DefaultDataset, CodesMatchTheRealTanggamusBoundaries)
{
    const std::string path = testutil::sharedData("tanggamus/desa.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg is not present";
    const VectorData real = readVector(path);
    const int codeField = real.fieldIndex("kode");
    const int nameField = real.fieldIndex("nama");
    ASSERT_GE(codeField, 0);
    std::map<std::string, std::string> realNames;
    for (const VectorFeature& f : real.features)
        realNames[fieldText(f.values[static_cast<std::size_t>(codeField)])] =
            fieldText(f.values[static_cast<std::size_t>(nameField)]);
    ASSERT_EQ(realNames.size(), 302u);
    std::map<std::string, std::string> embeddedNames;
    for (const Area* v : tanggamus().villages())
        embeddedNames[v->code] = v->name;
    for (const auto& [code, name] : realNames) {
        ASSERT_TRUE(embeddedNames.count(code)) << code << " " << name << " is missing from the embedded list";
    }
    EXPECT_EQ(embeddedNames.size(), realNames.size());
}

TEST(Indicators, AnyCountPerKm2AndPer1000People)
{
    const Dataset& ds = tanggamus();
    const auto poor = indicatorValues(ds, "miskin", "2018");
    const auto people = indicatorValues(ds, "penduduk", "2018");
    const auto perKm2 = indicatorValues(ds, "miskin_per_km2", "2018");
    const auto per1000 = indicatorValues(ds, "miskin_per_1000");
    const auto density = indicatorValues(ds, "poor_density_km2", "2018");
    ASSERT_EQ(perKm2.size(), 302u);
    ASSERT_EQ(per1000.size(), 302u);
    const std::string code = "18.06.20.2005";
    EXPECT_DOUBLE_EQ(perKm2.at(code), poor.at(code) / geodesicAreaKm2(ds.findArea(code)->geometry));
    EXPECT_DOUBLE_EQ(perKm2.at(code), density.at(code));
    EXPECT_DOUBLE_EQ(per1000.at(code), 1000.0 * poor.at(code) / people.at(code));
    EXPECT_NO_THROW(indicatorInfo(ds, "penduduk_per_km2"));
    EXPECT_THROW(indicatorInfo(ds, "penduduk_per_1000"), Error) << "people per 1,000 people means nothing";
}
