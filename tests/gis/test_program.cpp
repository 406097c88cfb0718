// Saved placement runs: tables program and program_site (schema 4), the migration of the meta
// "program.*" entries of older files, the round trip, and SQL over the stored rows.
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/placement.h"
#include "gis/project.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <spatialite.h>
#include <sqlite3.h>

using namespace gis;
using testutil::execAll;

namespace {

const Dataset& tanggamus()
{
    static const Dataset ds = buildDefaultDataset();
    return ds;
}

// Runs as the first release's savePlacementRun wrote them into meta.
const char* kOldMclp =
    R"({"kind":"PUSKESSOS","count":2,"method":"mclp","radius_km":5.0,"demand":"miskin","period":"2018",)"
    R"("candidates":"without_kind","seed":20190,"candidate_count":300,"existing_count":2,"total_demand":73770.0,)"
    R"("before":1234.0,"after":5678.0,"swaps":1,"sites":[{"code":"18.06.20.2001","name":"Kuta Dalom","lon":104.71,)"
    R"("lat":-5.41,"gain":3000.0,"served":3100.0},{"code":"18.06.01.2003","name":"Banjar Agung","lon":104.55,)"
    R"("lat":-5.52,"gain":1444.0,"served":1500.0}]})";
const char* kOldPMedian =
    R"({"kind":"BUMDES","count":1,"method":"pmedian","minutes":30.0,"demand":"miskin","period":"2018",)"
    R"("candidates":"priority_rank<=100","seed":7,"candidate_count":100,"existing_count":132,"total_demand":73770.0,)"
    R"("before":250000.5,"after":240000.25,"swaps":0,"sites":[{"code":"18.06.05.2002","name":"Way Ilahan",)"
    R"("lon":104.6,"lat":-5.3,"gain":10000.25,"served":800.0}]})";

/// A version-3 project: as saveProject writes one today, less the program tables, with runs in meta.
std::string writeVersion3WithMetaRuns(const std::filesystem::path& dir)
{
    const std::string path = (dir / "v3.sasaran.sqlite").string();
    saveProject(tanggamus(), path);
    execAll(path,
            {
                "BEGIN",
                "DROP TABLE program_site",
                "DROP TABLE program",
                "UPDATE meta SET value = '3' WHERE key = 'schema_version'",
                std::string("INSERT INTO meta VALUES ('program.2026-11-28T12:00:00Z', '") + kOldMclp + "')",
                std::string("INSERT INTO meta VALUES ('program.2026-11-28T12:00:00Z-2', '") + kOldPMedian + "')",
                "INSERT INTO meta VALUES ('program.2026-11-29T08:00:00Z', 'not json at all')",
                "COMMIT",
            });
    return path;
}

PlacementResult run(PlacementOptions o)
{
    return placeFacilities(tanggamus(), o);
}

} // namespace

TEST(Program, Version3MetaRunsAreMovedIntoTheProgramTable)
{
    const auto dir = testutil::tempDir("program_migration");
    const std::string path = writeVersion3WithMetaRuns(dir);
    ASSERT_EQ(projectSchemaVersion(path), 3);
    {
        // Read without upgrading: the runs are already in their typed form, the file is unchanged.
        const Dataset old = loadProject(path);
        ASSERT_EQ(old.programs.size(), 2u);
        EXPECT_EQ(old.programs[0].coveredAfter, 5678.0);
        EXPECT_EQ(old.meta.count("program.2026-11-28T12:00:00Z"), 0u);
        EXPECT_EQ(old.meta.count("program.2026-11-29T08:00:00Z"), 1u) << "an unreadable entry stays in meta";
        EXPECT_EQ(loadPlacementRuns(path).size(), 2u);
        EXPECT_EQ(projectSchemaVersion(path), 3);
    }
    const Dataset ds = openProjectForWriting(path);
    EXPECT_EQ(projectSchemaVersion(path), kProjectSchemaVersion);
    ASSERT_EQ(ds.programs.size(), 2u);
    const PlacementRun& mclp = ds.programs[0];
    EXPECT_EQ(mclp.id, 1);
    EXPECT_EQ(mclp.createdUtc, "2026-11-28T12:00:00Z");
    EXPECT_EQ(mclp.method, "mclp");
    EXPECT_EQ(mclp.radiusKm, 5.0);
    EXPECT_FALSE(mclp.minutes);
    EXPECT_EQ(mclp.coveredBefore, 1234.0);
    EXPECT_EQ(mclp.coveredAfter, 5678.0);
    EXPECT_FALSE(mclp.costAfter);
    EXPECT_FALSE(mclp.capacity);
    ASSERT_EQ(mclp.sites.size(), 2u);
    EXPECT_EQ(mclp.sites[1].rank, 2);
    EXPECT_EQ(mclp.sites[1].code, "18.06.01.2003");
    EXPECT_EQ(mclp.sites[1].served, 1500.0);
    EXPECT_EQ(mclp.json, kOldMclp);
    const PlacementRun& median = ds.programs[1];
    EXPECT_EQ(median.id, 2);
    EXPECT_EQ(median.createdUtc, "2026-11-28T12:00:00Z") << "the -2 suffix only made the meta key unique";
    EXPECT_EQ(median.kind, "BUMDES");
    EXPECT_EQ(median.minutes, 30.0);
    EXPECT_FALSE(median.radiusKm);
    EXPECT_EQ(median.costBefore, 250000.5);
    EXPECT_EQ(median.costAfter, 240000.25);
    EXPECT_FALSE(median.coveredAfter) << "old p-median JSON did not carry the covered demand";
    EXPECT_EQ(median.seed, 7u);
    EXPECT_EQ(median.candidates, "priority_rank<=100");

    testutil::SqlProbe sql(path);
    EXPECT_EQ(sql.number("SELECT count(*) FROM program"), 2);
    EXPECT_EQ(sql.number("SELECT count(*) FROM program_site"), 3);
    EXPECT_EQ(sql.number("SELECT count(*) FROM meta WHERE key LIKE 'program.%'"), 1) << "only the unreadable one";
    EXPECT_EQ(sql.text("SELECT value FROM meta WHERE key LIKE 'program.%'"), "not json at all");
    EXPECT_EQ(sql.number("SELECT covered_after FROM program WHERE method = 'mclp'"), 5678);
    EXPECT_EQ(sql.number("SELECT cost_after FROM program WHERE kind = 'BUMDES'"), 240000.25);
    EXPECT_EQ(sql.number("SELECT radius_km IS NULL FROM program WHERE id = 2"), 1);
    EXPECT_EQ(sql.text("SELECT kode FROM program_site WHERE program_id = 1 AND rank = 1"), "18.06.20.2001");
    EXPECT_EQ(ds.areas.size(), tanggamus().areas.size()) << "the rest of the project is untouched";
    EXPECT_EQ(upgradeProject(path), kProjectSchemaVersion);
}

TEST(Program, RunsRoundTripAndSqlReadsTheSites)
{
    Dataset ds = tanggamus();
    PlacementOptions o;
    o.count = 3;
    const PlacementResult byDistance = run(o);
    o.capacity = 2500;
    const PlacementResult capped = run(o);
    o.method = PlacementMethod::PMedian;
    o.count = 2;
    o.candidates = "priority_rank<=40";
    const PlacementResult median = run(o);
    EXPECT_EQ(savePlacementRun(ds, byDistance, "2026-12-01T09:00:00Z"), 1);
    EXPECT_EQ(savePlacementRun(ds, capped, "2026-12-01T09:05:00Z"), 2);
    EXPECT_EQ(savePlacementRun(ds, median, "2026-12-01T09:10:00Z"), 3);

    const auto dir = testutil::tempDir("program_roundtrip");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    saveProject(ds, path);
    const Dataset back = loadProject(path);
    ASSERT_EQ(back.programs.size(), 3u);
    const std::vector<PlacementRun> listed = loadPlacementRuns(path);
    ASSERT_EQ(listed.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const PlacementRun& a = ds.programs[i];
        for (const PlacementRun* b : {&back.programs[i], &listed[i]}) {
            EXPECT_EQ(b->id, a.id);
            EXPECT_EQ(b->createdUtc, a.createdUtc);
            EXPECT_EQ(b->kind, a.kind);
            EXPECT_EQ(b->method, a.method);
            EXPECT_EQ(b->count, a.count);
            EXPECT_EQ(b->radiusKm, a.radiusKm);
            EXPECT_EQ(b->minutes, a.minutes);
            EXPECT_EQ(b->demandKey, a.demandKey);
            EXPECT_EQ(b->period, a.period);
            EXPECT_EQ(b->candidates, a.candidates);
            EXPECT_EQ(b->capacity, a.capacity);
            EXPECT_EQ(b->seed, a.seed);
            EXPECT_EQ(b->candidateCount, a.candidateCount);
            EXPECT_EQ(b->existingCount, a.existingCount);
            EXPECT_EQ(b->totalDemand, a.totalDemand);
            EXPECT_EQ(b->coveredBefore, a.coveredBefore);
            EXPECT_EQ(b->coveredAfter, a.coveredAfter);
            EXPECT_EQ(b->costBefore, a.costBefore);
            EXPECT_EQ(b->costAfter, a.costAfter);
            EXPECT_EQ(b->json, a.json);
            ASSERT_EQ(b->sites.size(), a.sites.size());
            for (std::size_t k = 0; k < a.sites.size(); ++k) {
                EXPECT_EQ(b->sites[k].rank, a.sites[k].rank);
                EXPECT_EQ(b->sites[k].code, a.sites[k].code);
                EXPECT_EQ(b->sites[k].point, a.sites[k].point);
                EXPECT_EQ(b->sites[k].served, a.sites[k].served);
                EXPECT_EQ(b->sites[k].gain, a.sites[k].gain);
            }
        }
    }
    EXPECT_EQ(back.programs[1].capacity, 2500.0);
    EXPECT_EQ(back.programs[2].costAfter, median.after);
    EXPECT_EQ(back.programs[2].coveredAfter, median.servedAfter);

    // SQL over the stored rows agrees with the runs computed in memory.
    testutil::SqlProbe sql(path);
    EXPECT_EQ(sql.number("SELECT count(*) FROM program"), 3);
    double served = 0;
    for (const PlacedSite& s : capped.sites)
        served += s.served;
    EXPECT_NEAR(sql.number("SELECT sum(served) FROM program_site WHERE program_id = 2"), served, 1e-6);
    EXPECT_NEAR(sql.number("SELECT covered_after - covered_before FROM program WHERE id = 1"),
                byDistance.after - byDistance.before, 1e-6);
    EXPECT_NEAR(sql.number("SELECT sum(gain) FROM program_site WHERE program_id = 1"),
                byDistance.after - byDistance.before, 1e-6);
    EXPECT_EQ(sql.number("SELECT capacity FROM program WHERE id = 2"), 2500);
    EXPECT_EQ(sql.number("SELECT capacity IS NULL FROM program WHERE id = 1"), 1);
    EXPECT_EQ(sql.text("SELECT kode FROM program_site WHERE program_id = 3 AND rank = 1"), median.sites[0].code);
    EXPECT_EQ(sql.text("SELECT method || ' ' || count || ' ' || demand_key FROM program WHERE id = 3"),
              "pmedian 2 miskin");
    // The runs compare side by side in one query: "10 within 5 km" against the same with a capacity.
    EXPECT_EQ(sql.number("SELECT count(*) FROM program a JOIN program b ON a.kind = b.kind AND a.count = b.count "
                         "AND a.id < b.id WHERE a.covered_after >= b.covered_after"),
              1);
    EXPECT_EQ(sql.number("SELECT count(*) FROM program_site s LEFT JOIN wilayah w ON w.code = s.kode "
                         "WHERE w.code IS NULL"),
              0)
        << "every site names a pekon of the project";
}
