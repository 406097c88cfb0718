// Importing facilities: surveyed points (either column order, points outside kept and reported)
// and facilities placed at their pekon's point-on-surface.
#include "gis/demo.h"
#include "gis/facilityimport.h"
#include "gis/geometryops.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

const gis::Facility* findFacility(const gis::Dataset& ds, const std::string& name)
{
    for (const gis::Facility& f : ds.facilities)
        if (f.name == name)
            return &f;
    return nullptr;
}

} // namespace

TEST(FacilityImport, PointsInEitherColumnOrderWithPointsOutsideKept)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const gis::Point gisting = gis::pointOnSurface(ds.findArea("18.06.20.2005")->geometry);
    const gis::Point batu = gis::pointOnSurface(ds.findArea("18.06.19.2001")->geometry);
    const auto dir = testutil::tempDir("facility_points");
    // Columns named lon,lat but holding latitude first (a common spreadsheet mistake); decimal commas.
    const auto file = dir / "bumdes.csv";
    auto dec = [](double v) {
        std::string s = fmt::format("{:.6f}", v);
        s[s.find('.')] = ',';
        return s;
    };
    testutil::writeFile(file,
                        fmt::format("Daftar BUMDES;;\nnama;lon;lat\nBUMDES Maju;{};{}\nBUMDES Jaya;{};{}\n"
                                    "BUMDES Seberang;{};{}\n",
                                    dec(gisting.y), dec(gisting.x), dec(batu.y), dec(batu.x), dec(-7.0), dec(110.0)));
    const std::size_t before = ds.facilities.size();
    gis::FacilityImportOptions o;
    o.kind = "bumdes";
    const auto report = gis::importFacilities(ds, file.string(), o);
    EXPECT_EQ(report.mode, "points");
    EXPECT_TRUE(report.swappedColumns) << report.text();
    EXPECT_EQ(report.imported, 3u);
    ASSERT_EQ(ds.facilities.size(), before + 3);
    const gis::Facility* maju = findFacility(ds, "BUMDES Maju");
    ASSERT_NE(maju, nullptr);
    EXPECT_EQ(maju->kind, "BUMDES");
    EXPECT_EQ(maju->areaCode, "18.06.20.2005");
    EXPECT_EQ(maju->locatedBy, "survey");
    EXPECT_NEAR(maju->location.x, gisting.x, 1e-6);
    EXPECT_EQ(findFacility(ds, "BUMDES Jaya")->areaCode, "18.06.19.2001");
    const gis::Facility* outside = findFacility(ds, "BUMDES Seberang");
    ASSERT_NE(outside, nullptr); // kept, not silently dropped
    EXPECT_EQ(outside->areaCode, "");
    EXPECT_EQ(report.outside, std::vector<long>{5});
    EXPECT_NE(report.text().find("KEPT"), std::string::npos);
    // The same file again adds nothing.
    const auto again = gis::importFacilities(ds, file.string(), o);
    EXPECT_EQ(again.imported, 0u);
    EXPECT_EQ(again.alreadyPresent, 3u);
}

TEST(FacilityImport, GeoJsonPointsWithKindField)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const gis::Point p = gis::pointOnSurface(ds.findArea("18.06.03.2019")->geometry);
    const auto dir = testutil::tempDir("facility_geojson");
    const auto file = dir / "fasilitas.geojson";
    testutil::writeFile(
        file,
        fmt::format("{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\","
                    "\"properties\":{{\"jenis\":\"Puskesmas\",\"nama\":\"PKM Wonosobo\",\"tahun\":\"2015\"}},"
                    "\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{},{}]}}}}]}}",
                    p.x, p.y));
    gis::FacilityImportOptions o;
    o.kindField = "jenis";
    const auto report = gis::importFacilities(ds, file.string(), o);
    ASSERT_EQ(report.imported, 1u) << report.text();
    const gis::Facility* f = findFacility(ds, "PKM Wonosobo");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->kind, "PUSKESMAS");
    EXPECT_EQ(f->year, 2015);
    EXPECT_EQ(f->areaCode, "18.06.03.2019");
}

TEST(FacilityImport, PlacedAtThePekonWhenOnlyItsNameIsKnown)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const auto dir = testutil::tempDir("facility_pekon");
    const auto file = dir / "posyandu.csv";
    testutil::writeFile(file,
                        "Nama Fasilitas,Pekon,Kecamatan\n"
                        "Posyandu Batu Kramat,Batu Keramat,Kota Agung Timur\n"
                        "Posyandu Way Pring,Pekon Way Pring,Pugung\n"
                        "Posyandu Banjar Agung,Banjar Agung,\n");
    gis::FacilityImportOptions o;
    o.kind = "POSYANDU";
    const auto report = gis::importFacilities(ds, file.string(), o);
    EXPECT_EQ(report.mode, "pekon");
    EXPECT_EQ(report.imported, 2u) << report.text();
    const gis::Facility* f = findFacility(ds, "Posyandu Batu Kramat");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->locatedBy, "pekon");
    EXPECT_EQ(f->areaCode, "18.06.19.2001");
    const gis::Point expected = gis::pointOnSurface(ds.findArea("18.06.19.2001")->geometry);
    EXPECT_NEAR(f->location.x, expected.x, 1e-9);
    EXPECT_NEAR(f->location.y, expected.y, 1e-9);
    EXPECT_EQ(findFacility(ds, "Posyandu Way Pring")->areaCode, "18.06.11.2020");
    EXPECT_EQ(findFacility(ds, "Posyandu Banjar Agung"), nullptr); // ambiguous: not placed
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].row, 4);
    EXPECT_NE(report.problems[0].message.find("ambiguous"), std::string::npos);
    EXPECT_EQ(report.aliasesAdded, 1u);
}
