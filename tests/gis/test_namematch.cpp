// Name normalisation, Damerau distance and the NameMatcher on the embedded Tanggamus names.
#include "gis/demo.h"
#include "gis/namematch.h"

#include <gtest/gtest.h>

TEST(NameMatch, NormalisesCaseSpacingAndPrefixes)
{
    EXPECT_EQ(gis::normaliseAreaName("  Pekon   WAY-Pring "), "way pring");
    EXPECT_EQ(gis::normaliseAreaName("Kel. Kuripan"), "kuripan");
    EXPECT_EQ(gis::normaliseAreaName("Desa Gisting Bawah"), "gisting bawah");
    EXPECT_EQ(gis::normaliseAreaName("Kelurahan Pasar Madang"), "pasar madang");
    EXPECT_EQ(gis::normaliseAreaName("Kampung Sukamaju"), "sukamaju");
}

TEST(NameMatch, DamerauCountsTranspositionsAsOneEdit)
{
    EXPECT_EQ(gis::damerauDistance("way piring", "way pring"), 1u);
    EXPECT_EQ(gis::damerauDistance("banjar negara", "banjar negoro"), 2u);
    EXPECT_EQ(gis::damerauDistance("gitsing", "gisting"), 1u);
    EXPECT_EQ(gis::damerauDistance("", "abc"), 3u);
    EXPECT_EQ(gis::fuzzyThreshold(3), 0u);
    EXPECT_EQ(gis::fuzzyThreshold(10), 2u);
}

TEST(NameMatch, MatchesRealTanggamusNamesExactlyFuzzilyOrNot)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::NameMatcher matcher(ds);

    auto exact = matcher.match("PEKON GISTING BAWAH", "Gisting");
    EXPECT_EQ(exact.kind, gis::MatchKind::Exact);
    EXPECT_EQ(exact.code, "18.06.20.2005");

    auto oldName = matcher.match("Way Piring", "Pugung");
    EXPECT_EQ(oldName.kind, gis::MatchKind::Fuzzy);
    EXPECT_EQ(oldName.code, "18.06.11.2020");
    EXPECT_EQ(oldName.matchedName, "Way Pring");
    EXPECT_EQ(oldName.distance, 1u);

    auto negoro = matcher.match("Banjar Negara", "Wonosobo");
    EXPECT_EQ(negoro.kind, gis::MatchKind::Fuzzy);
    EXPECT_EQ(negoro.code, "18.06.03.2019");

    // Kuripan is a kelurahan in Kota Agung and a pekon in Limau: the kecamatan decides.
    EXPECT_EQ(matcher.match("Kuripan", "Kota Agung").code, "18.06.01.1003");
    EXPECT_EQ(matcher.match("Kuripan", "Limau").code, "18.06.24.2002");

    // Without kecamatan, a name in two kecamatan is ambiguous and both are listed.
    auto twice = matcher.match("Banjar Agung");
    EXPECT_EQ(twice.kind, gis::MatchKind::Ambiguous);
    ASSERT_EQ(twice.candidates.size(), 2u);
    EXPECT_EQ(twice.candidates[0], "18.06.21.2003 Banjar Agung");
    EXPECT_EQ(twice.candidates[1], "18.06.24.2006 Banjar Agung");

    EXPECT_EQ(matcher.match("Kota Antah Berantah", "Gisting").kind, gis::MatchKind::Unmatched);
    // Fuzzy matching can be switched off.
    EXPECT_EQ(gis::NameMatcher(ds, false).match("Way Piring", "Pugung").kind, gis::MatchKind::Unmatched);
}

TEST(NameMatch, AliasMakesAnOldNameExact)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.aliases.push_back({"18.06.11.2020", "Way Piring", "user"});
    const auto m = gis::NameMatcher(ds).match("way  piring", "Pugung");
    EXPECT_EQ(m.kind, gis::MatchKind::Exact);
    EXPECT_EQ(m.how, "alias");
    EXPECT_EQ(m.code, "18.06.11.2020");
}
