// A map of a DTSEN-derived count: small counts drawn as no data, the true values kept in the
// project, a TERBATAS badge and notice on the page, and the indicator's proper label as title.
#include "gis/demo.h"
#include "layers/thematicmap.h"
#include "testutil.h"

#include <gtest/gtest.h>

using layers::ThematicMap;
using layers::ThematicMapSpec;

namespace {

gis::Dataset withDtsenCounts(std::vector<std::string>& codes)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const auto villages = ds.villages();
    const double counts[] = {0, 1, 4, 5, 12};
    for (std::size_t i = 0; i < 5; ++i) {
        codes.push_back(villages[i]->code);
        ds.indicators.push_back({villages[i]->code, "dtsen_jiwa", "2025-S1", counts[i], "dtsen_uji.csv", ""});
    }
    return ds;
}

} // namespace

TEST(RestrictedMap, SmallDtsenCountsAreNoDataAndThePageSaysTerbatas)
{
    std::vector<std::string> codes;
    const gis::Dataset ds = withDtsenCounts(codes);
    ThematicMapSpec spec;
    spec.indicatorKey = "dtsen_jiwa";
    spec.period = "2025-S1";
    spec.printedDate = "2 Desember 2026";
    const ThematicMap map(ds, spec);
    EXPECT_EQ(map.valueForArea(codes[0]), 0.0);
    EXPECT_FALSE(map.valueForArea(codes[1]).has_value()) << "1 person: suppressed";
    EXPECT_FALSE(map.valueForArea(codes[2]).has_value()) << "4 people: suppressed";
    EXPECT_EQ(map.valueForArea(codes[3]), 5.0);
    EXPECT_EQ(map.valueForArea(codes[4]), 12.0);
    EXPECT_NE(map.restrictedNotice().find("TERBATAS"), std::string::npos);
    EXPECT_NE(map.restrictedNotice().find(": 2 nilai"), std::string::npos) << map.restrictedNotice();
    EXPECT_NE(map.title().find("Jumlah Jiwa DTSEN"), std::string::npos) << map.title();

    const auto dir = testutil::tempDir("restricted_map");
    const auto pdf = dir / "dtsen.pdf";
    layers::exportMap(map, pdf.string());
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext not installed: the page's text is not checked";
    const std::string text = testutil::pdfText(pdf);
    EXPECT_NE(text.find("TERBATAS"), std::string::npos) << text;

    // a map of another indicator is not restricted
    ThematicMapSpec plain;
    plain.indicatorKey = "miskin";
    EXPECT_TRUE(ThematicMap(ds, plain).restrictedNotice().empty());
}

TEST(RestrictedMap, ThresholdOneDrawsEveryCountButStaysRestricted)
{
    std::vector<std::string> codes;
    const gis::Dataset ds = withDtsenCounts(codes);
    ThematicMapSpec spec;
    spec.indicatorKey = "dtsen_jiwa";
    spec.period = "2025-S1";
    spec.smallCountThreshold = 1;
    const ThematicMap map(ds, spec);
    EXPECT_EQ(map.valueForArea(codes[1]), 1.0);
    EXPECT_EQ(map.valueForArea(codes[2]), 4.0);
    EXPECT_NE(map.restrictedNotice().find("TERBATAS"), std::string::npos);
}
