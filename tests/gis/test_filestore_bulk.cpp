// The file store's bulk path for facilities (filestore_facilities.cpp): a large batch writes its
// R*Tree rows itself instead of through SpatiaLite's per-row trigger; the result must be the
// index the trigger builds, checked with SpatiaLite SQL.
#include "gis/store.h"
#include "sqlprobe.h"
#include "storesuite.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace gis;

namespace {

std::vector<Facility> points(int count)
{
    std::vector<Facility> out;
    for (int i = 0; i < count; ++i) {
        // Irregular decimals, so the 32-bit boxes of the R*Tree are rounded, not exact.
        const double x = 0.000123457 * (i % 1600) + 1e-9 * i, y = 0.0000987651 * (i % 1000);
        out.push_back({0, "BUMDES", "Bumdes " + std::to_string(i), "aktif", 2024, "survey", "18.06.01.2001", {x, y}});
    }
    return out;
}

std::string indexRows(const std::string& path)
{
    testutil::SqlProbe sql(path);
    return sql.text("SELECT group_concat(pkid || ':' || xmin || ':' || xmax || ':' || ymin || ':' || ymax, ';') "
                    "FROM (SELECT * FROM idx_fasilitas_geom ORDER BY pkid)");
}

} // namespace

TEST(FileStoreBulk, ALargeBatchOfFacilitiesIsIndexedAsTheTriggerIndexesThem)
{
    const auto dir = testutil::tempDir("filestore_bulk");
    const std::string bulk = (dir / "bulk.sasaran.sqlite").string();
    const std::string rowByRow = (dir / "rows.sasaran.sqlite").string();
    createProject(bulk, storetest::twoRegencies());
    createProject(rowByRow, storetest::twoRegencies());
    const std::vector<Facility> added = points(1200);
    {
        ProjectChanges c;
        c.addFacilities = added;
        openProject(bulk)->write(c); // one batch: the bulk path
    }
    {
        const auto store = openProject(rowByRow);
        for (std::size_t start = 0; start < added.size(); start += 100) { // batches below the bulk size
            ProjectChanges c;
            c.addFacilities.assign(added.begin() + static_cast<long>(start),
                                   added.begin() + static_cast<long>(start + 100));
            store->write(c);
        }
    }
    const std::string expected = indexRows(rowByRow);
    ASSERT_GT(expected.size(), 1200u * 10);
    EXPECT_EQ(indexRows(bulk), expected) << "the same ids and the same 32-bit boxes as SpatiaLite's trigger gives";

    testutil::SqlProbe sql(bulk);
    EXPECT_EQ(sql.number("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                         "('gii_fasilitas_geom', 'tmi_fasilitas_geom')"),
              2)
        << "the per-row triggers are back after the batch";
    // SpatiaLite's own spatial query through the index finds every facility in a frame.
    const double inFrame = sql.number("SELECT count(*) FROM fasilitas WHERE X(geom) <= 0.1 AND Y(geom) <= 0.05");
    EXPECT_GT(inFrame, 100);
    EXPECT_EQ(sql.number("SELECT count(*) FROM fasilitas WHERE ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
                         "f_table_name = 'fasilitas' AND search_frame = BuildMbr(-0.001, -0.001, 0.1, 0.05, 4326)) "
                         "AND X(geom) <= 0.1 AND Y(geom) <= 0.05"),
              inFrame);
    EXPECT_EQ(sql.text("SELECT CheckSpatialIndex('fasilitas', 'geom')"), "1");

    // A small write afterwards is indexed by the trigger again.
    ProjectChanges one;
    one.addFacilities.push_back({0, "PUSKESSOS", "Baru", "aktif", 2025, "survey", "18.06.01.2002", {0.15, 0.05}});
    openProject(bulk)->write(one);
    testutil::SqlProbe after(bulk);
    EXPECT_EQ(after.number("SELECT count(*) FROM idx_fasilitas_geom"), 2 + 1200 + 1);
    const Dataset ds = openProject(bulk, OpenMode::ReadOnly)->read();
    ASSERT_EQ(ds.facilities.size(), 2u + 1200 + 1);
    EXPECT_EQ(ds.facilities[2].id, 3);
    EXPECT_EQ(ds.facilities[2].name, "Bumdes 0");
    EXPECT_EQ(ds.facilities.back().id, 1203);
}
