// Issue 15: a map template with a typo or an impossible value is refused, naming the key; the
// meeting pack suppresses small DTSEN counts in its placement pages too.
#include "layers/maptemplate.h"
#include "layers/meetingpack.h"

#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/placement.h"
#include "testutil.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using namespace layers;
using ::testing::HasSubstr;

namespace {

std::string messageOf(const std::string& json)
{
    try {
        (void)mapTemplateFromJson(json, "'peta.json'");
    } catch (const gis::Error& e) {
        return e.what();
    }
    return "(accepted)";
}

} // namespace

TEST(MapTemplateChecks, UnknownKeysAreRefusedNamingTheClosestValidOne)
{
    const std::string why = messageOf(R"({"title": "Peta", "clases": 5})");
    EXPECT_THAT(why, HasSubstr("'peta.json'"));
    EXPECT_THAT(why, HasSubstr("unknown key 'clases'"));
    EXPECT_THAT(why, HasSubstr("did you mean 'classes'?"));
    EXPECT_THAT(messageOf(R"({"coverage": {"kind": "PUSKESSOS", "radius": 5}})"),
                HasSubstr("unknown key 'coverage.radius'; did you mean 'coverage.radius_km'?"));
    EXPECT_THAT(messageOf(R"({"labels": {"desa": true}})"), HasSubstr("unknown key 'labels.desa'"));
    // A correct template still reads.
    const MapTemplate t = mapTemplateFromJson(R"({"title": "Peta", "classes": 4})", "'peta.json'");
    EXPECT_EQ(t.spec.classCount, 4);
    EXPECT_EQ(t.spec.title, "Peta");
    // What mapTemplateToJson writes reads back (every written key is known).
    EXPECT_EQ(mapTemplateFromJson(mapTemplateToJson(t), "again").spec.classCount, 4);
}

TEST(MapTemplateChecks, NegativeCoverageRadiusIsRefused)
{
    EXPECT_THAT(messageOf(R"({"coverage": {"kind": "PUSKESSOS", "radius_km": -5}})"),
                HasSubstr("radius_km must be a distance of 0 km or more"));
    const MapTemplate t = mapTemplateFromJson(R"({"coverage": {"kind": "PUSKESSOS", "radius_km": 2.5}})", "t");
    EXPECT_DOUBLE_EQ(t.spec.coverageRadiusKm, 2.5);
}

TEST(MapTemplateChecks, NanAndNumberOverflowSayNotValidJsonNamingTheFile)
{
    EXPECT_THAT(messageOf(R"({"classes": NaN})"), HasSubstr("'peta.json': not valid JSON"));
    const std::string overflow = messageOf(R"({"dpi": 1e999})");
    EXPECT_THAT(overflow, HasSubstr("'peta.json': not valid JSON"));
    EXPECT_THAT(overflow, HasSubstr("1e999"));
    EXPECT_THAT(overflow, ::testing::Not(HasSubstr("json.exception")));
}

TEST(MeetingPackPrivacy, PlacementFiguresOfADtsenDemandAreSmallCountSuppressed)
{
    // One DTSEN person per pekon: a site within 1 km reaches fewer than 5 of them.
    gis::Dataset ds = gis::buildDefaultDataset();
    for (const gis::Area* v : ds.villages())
        ds.indicators.push_back({v->code, "dtsen_jiwa", "2025-S1", 1.0, "dtsen.csv", "2025-07-01T00:00:00Z"});
    gis::PlacementOptions o;
    o.kind = "PUSKESSOS";
    o.count = 1;
    o.radiusKm = 1.0;
    o.demandKey = "dtsen_jiwa";
    const gis::PlacementResult result = gis::placeFacilities(ds, o);
    ASSERT_FALSE(result.sites.empty());
    ASSERT_LT(result.sites.front().gain, 5.0) << "the case needs a small count";
    ASSERT_GT(result.sites.front().gain, 0.0);
    gis::savePlacementRun(ds, result, "2026-12-01T08:00:00Z");
    const auto dir = testutil::tempDir("layers_pack_dtsen_placement");
    ReportOptions options;
    options.lang = Lang::En;
    options.printedDate = "1 December 2026";
    const auto pdf = dir / "pack.pdf";
    exportReport(ds, gis::analyzeVillages(ds), options, pdf.string());
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext not installed: the pack's text is not checked";
    const std::string text = testutil::pdfText(pdf);
    EXPECT_THAT(text, HasSubstr("<5"));
    EXPECT_THAT(text, HasSubstr("RESTRICTED: DTSEN counts from 1 to 4"));
}
