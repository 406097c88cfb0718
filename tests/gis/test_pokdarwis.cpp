// POKDARWIS site ranking: attractions, access and poverty as a priority scheme.
#include "gis/pokdarwis.h"

#include "gis/demo.h"
#include "gis/error.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

using namespace gis;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

std::size_t col(const PokdarwisResult& r, const std::string& name)
{
    for (std::size_t c = 0; c < r.columns.size(); ++c)
        if (r.columns[c] == name)
            return c;
    ADD_FAILURE() << "no column " << name;
    return 0;
}

} // namespace

TEST(Pokdarwis, RanksTanggamusWithContributionsThatSumToTheScore)
{
    const PokdarwisResult r = rankPokdarwisSites(tanggamus());
    ASSERT_EQ(r.rows.size(), tanggamus().villages().size());
    EXPECT_EQ(r.attractionCount, 7u);
    std::size_t ranked = 0;
    double insideTotal = 0;
    for (const auto& row : r.rows) {
        insideTotal += row.values[col(r, "attractions_inside")];
        EXPECT_GE(row.values[col(r, "attractions_near")], row.values[col(r, "attractions_inside")]);
        if (row.rank == 0)
            continue;
        ++ranked;
        double sum = 0;
        for (double c : row.contribution)
            sum += c;
        EXPECT_NEAR(sum, row.score, 1e-9) << row.code;
    }
    EXPECT_GT(ranked, 250u);
    // Six of the seven attractions name their pekon; Pulau Tabuan is placed in one by its point.
    EXPECT_EQ(insideTotal, 7.0);
    // The best candidate has an attraction near it.
    for (const auto& row : r.rows)
        if (row.rank == 1) {
            EXPECT_GE(row.values[col(r, "attractions_near")], 1.0);
        }
}

TEST(Pokdarwis, PekonWithAGroupIsNotRanked)
{
    Dataset ds = tanggamus();
    const PokdarwisResult before = rankPokdarwisSites(ds);
    std::string best;
    for (const auto& row : before.rows)
        if (row.rank == 1)
            best = row.code;
    ASSERT_FALSE(best.empty());
    Facility group;
    group.id = 999999;
    group.kind = "POKDARWIS";
    group.name = "Pokdarwis uji";
    group.areaCode = best;
    group.location = ds.facilities.front().location;
    ds.facilities.push_back(group);
    const PokdarwisResult after = rankPokdarwisSites(ds);
    for (const auto& row : after.rows) {
        if (row.code == best) {
            EXPECT_TRUE(row.hasGroup);
            EXPECT_EQ(row.rank, 0);
            EXPECT_TRUE(std::isnan(row.score));
        }
    }
}

TEST(Pokdarwis, CustomWeightsAndErrors)
{
    PriorityScheme attractionsOnly;
    attractionsOnly.name = "attractions";
    attractionsOnly.indicators.push_back({"attractions_near", Direction::HigherIsWorse, Normalisation::MinMax, 1.0});
    const PokdarwisResult r = rankPokdarwisSites(tanggamus(), {}, attractionsOnly);
    double maxNear = 0;
    for (const auto& row : r.rows)
        maxNear = std::max(maxNear, row.values[col(r, "attractions_near")]);
    for (const auto& row : r.rows)
        if (row.rank == 1) {
            EXPECT_EQ(row.values[col(r, "attractions_near")], maxNear);
        }
    PriorityScheme unknown = attractionsOnly;
    unknown.indicators[0].key = "travel_capital_min"; // needs roads
    EXPECT_THROW(rankPokdarwisSites(tanggamus(), {}, unknown), Error);
    PokdarwisOptions bad;
    bad.radiusKm = 0;
    EXPECT_THROW(rankPokdarwisSites(tanggamus(), bad), Error);
}

TEST(Pokdarwis, CsvHasScoresAndContributions)
{
    const PokdarwisResult r = rankPokdarwisSites(tanggamus());
    const auto dir = testutil::tempDir("pokdarwis_csv");
    const std::string path = (dir / "p.csv").string();
    writePokdarwisCsv(r, path);
    std::ifstream in(path);
    std::string header;
    std::getline(in, header);
    EXPECT_EQ(header,
              "kode,nama,kecamatan,has_pokdarwis,attractions_inside,attractions_near,nearest_attraction_km,"
              "dist_capital_km,poverty_rate,miskin,score,rank,contrib_attractions_near,"
              "contrib_dist_capital_km,contrib_poverty_rate");
    EXPECT_THROW(writePokdarwisCsv(r, (dir / "no" / "p.csv").string()), OutputError);
}
