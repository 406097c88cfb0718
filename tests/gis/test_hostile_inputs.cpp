// Issue 15: regressions of the hostile-input corpus and of the fuzz targets (fuzz/), at the level
// of the library call that failed: each input here once crashed, exhausted memory or gave a
// library's raw message.
#include "../../gis/src/detail/wkb.h"
#include "gis/error.h"
#include "gis/priority.h"
#include "gis/tableimport.h"
#include "testutil.h"

#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string le32(std::uint32_t v)
{
    std::string s(4, '\0');
    std::memcpy(s.data(), &v, 4);
    return s;
}

std::string le64(double v)
{
    std::string s(8, '\0');
    std::memcpy(s.data(), &v, 8);
    return s;
}

std::string messageOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const gis::Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(HostileInputs, AWkbRingCountBeyondTheBytesIsAnErrorNotAnAllocation)
{
    // A polygon whose ring claims 0x7fffffff points (three flipped bits) and holds one.
    const std::string wkb = std::string("\x01", 1) + le32(3) + le32(1) + le32(0x7fffffff) + le64(1) + le64(2);
    const std::string message = messageOf([&] { (void)gis::detail::geometryFromWkb(wkb); });
    EXPECT_NE(message.find("truncated WKB"), std::string::npos) << message;
    EXPECT_NE(message.find("2147483647 points"), std::string::npos) << message;
    // the polygon's ring count itself
    const std::string rings = std::string("\x01", 1) + le32(3) + le32(0xfffffff0) + le32(0);
    EXPECT_NE(messageOf([&] { (void)gis::detail::geometryFromWkb(rings); }).find("rings"), std::string::npos);
}

TEST(HostileInputs, DeeplyNestedWkbCollectionsAreRefusedNotRecursedInto)
{
    // 100,000 nested GeometryCollections: unbounded recursion overflowed the stack.
    std::string wkb;
    for (int i = 0; i < 100'000; ++i)
        wkb += std::string("\x01", 1) + le32(7) + le32(1);
    const std::string message = messageOf([&] { (void)gis::detail::geometryFromWkb(wkb); });
    EXPECT_NE(message.find("nested more than"), std::string::npos) << message;
    // a multipolygon of two levels still reads
    const std::string ring = le32(4) + le64(0) + le64(0) + le64(1) + le64(0) + le64(1) + le64(1) + le64(0) + le64(0);
    const std::string ok = std::string("\x01", 1) + le32(6) + le32(1) + std::string("\x01", 1) + le32(3) + le32(1) + ring;
    const gis::Geometry g = gis::detail::geometryFromWkb(ok);
    ASSERT_EQ(g.polygons.size(), 1u);
    EXPECT_EQ(g.polygons[0].exterior.size(), 4u);
    EXPECT_EQ(g.polygons[0].exterior[2].y, 1.0);
}

TEST(HostileInputs, NumberOverflowInASchemeNamesTheFileWithoutTheLibrarysTag)
{
    const std::string message = messageOf([] {
        (void)gis::schemeFromJson(R"({"name":"s","indicators":[{"key":"miskin","weight":1e999}]})", "skema.json");
    });
    EXPECT_NE(message.find("skema.json"), std::string::npos) << message;
    EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
    EXPECT_NE(message.find("1e999"), std::string::npos) << message;
    EXPECT_EQ(message.find("json.exception"), std::string::npos) << message;
    const std::string nan = messageOf([] { (void)gis::schemeFromJson(R"({"name":"s","indicators":NaN})", "n.json"); });
    EXPECT_NE(nan.find("'n.json': not valid JSON"), std::string::npos) << nan;
}

TEST(HostileInputs, AnXlsxZipBombIsRefusedBeforeItIsUnpacked)
{
    const fs::path dir = testutil::tempDir("hostile_zipbomb");
    const fs::path bomb = dir / "bom.xlsx";
    {
        // 600 MB of spaces deflate to well under 1 MB.
        VSILFILE* out = VSIFOpenL(("/vsizip/" + bomb.string() + "/xl/worksheets/sheet1.xml").c_str(), "wb");
        ASSERT_NE(out, nullptr);
        const std::string spaces(1 << 20, ' ');
        for (int i = 0; i < 600; ++i)
            ASSERT_EQ(VSIFWriteL(spaces.data(), 1, spaces.size(), out), spaces.size());
        VSIFCloseL(out);
    }
    EXPECT_LT(fs::file_size(bomb), 4u << 20);
    const std::string message = messageOf([&] { (void)gis::readRawTable(bomb.string()); });
    EXPECT_NE(message.find("bom.xlsx"), std::string::npos) << message;
    EXPECT_NE(message.find("unpack to 600 MB"), std::string::npos) << message;
    fs::remove(bomb);
}
