// The meeting pack shows the placement run it is asked for (ReportOptions::programId), not only
// the latest one, and says so when the project keeps no run with that id.
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
using ::testing::Not;

namespace {

/// Tanggamus with two saved runs: 3 BUMDES (id 1), then 2 Puskessos (id 2, the latest).
gis::Dataset withTwoRuns()
{
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::PlacementOptions bumdes;
    bumdes.kind = "BUMDES";
    bumdes.count = 3;
    bumdes.radiusKm = 5.0;
    gis::savePlacementRun(ds, gis::placeFacilities(ds, bumdes), "2026-12-01T08:00:00Z");
    gis::PlacementOptions puskessos = bumdes;
    puskessos.kind = "PUSKESSOS";
    puskessos.count = 2;
    gis::savePlacementRun(ds, gis::placeFacilities(ds, puskessos), "2026-12-01T09:00:00Z");
    return ds;
}

} // namespace

TEST(ReportRun, TheChosenRunIsThePacksProposal)
{
    const gis::Dataset ds = withTwoRuns();
    ASSERT_EQ(ds.programs.size(), 2u);
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const auto dir = testutil::tempDir("layers_report_run");
    ReportOptions options;
    options.lang = Lang::En;
    options.printedDate = "1 December 2026";
    options.programId = ds.programs.front().id;
    const auto chosen = dir / "chosen.pdf";
    // 2 pages of findings, 4 pages, the chosen run's map and table, the comparison of the two runs
    EXPECT_EQ(exportReport(ds, table, options, chosen.string()), 9);

    options.programId = 99;
    try {
        exportReport(ds, table, options, (dir / "unknown.pdf").string());
        ADD_FAILURE() << "an unknown run id is an error";
    } catch (const gis::Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("no placement run with id 99"));
    }

    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext not installed: the pack's text is not checked";
    const std::string text = testutil::pdfText(chosen);
    EXPECT_THAT(text, HasSubstr("Proposed Sites for 3 BUMDes"));
    EXPECT_THAT(text, Not(HasSubstr("Proposed Sites for 2 Puskessos")));
    EXPECT_THAT(text, HasSubstr("Maximal covering, reach 5,0 km")) << "plain words, not MCLP";
    EXPECT_THAT(text, HasSubstr("The proposed 3 BUMDes")) << "the findings speak of the chosen run too";
    EXPECT_THAT(text, HasSubstr("(proposal " + std::to_string(ds.programs.front().id) + ", 1 December 2026)"));
    for (const gis::ProgramSite& s : ds.programs.front().sites)
        EXPECT_THAT(text, HasSubstr(s.name));

    options.programId.reset(); // none: the latest, as before
    const auto latest = dir / "latest.pdf";
    EXPECT_EQ(exportReport(ds, table, options, latest.string()), 9);
    EXPECT_THAT(testutil::pdfText(latest), HasSubstr("Proposed Sites for 2 Puskessos"));
}
