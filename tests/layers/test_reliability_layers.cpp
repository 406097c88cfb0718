// Issue 15: a map template with a typo or an impossible value is refused, naming the key.
#include "layers/maptemplate.h"

#include "gis/error.h"

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
