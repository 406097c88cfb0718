// Import plans: the head of a table for choosing columns (never a records extract's cells), hand
// matches as user aliases, and a plan that writes nothing until the store is asked to.
#include "gis/demo.h"
#include "gis/importplan.h"
#include "gis/namematch.h"
#include "gis/store.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace {

std::string readAll(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(ImportPlan, PreviewFindsTheHeaderBelowTitleRowsAndKeepsNoCellOfPersonalData)
{
    const auto dir = testutil::tempDir("importplan_preview");
    testutil::writeFile(dir / "t.csv",
                        "Tabel 1;;\n;;\nKecamatan;Nama Pekon;Miskin\nPugung;Way Pring;12\n\n"
                        "Wonosobo;Kalirejo;3\n");
    const gis::TablePreview t = gis::previewTable((dir / "t.csv").string(), {}, 0, 1, false);
    EXPECT_EQ(t.headerRow, 3);
    EXPECT_EQ(t.header, (std::vector<std::string>{"Kecamatan", "Nama Pekon", "Miskin"}));
    EXPECT_EQ(t.dataRows, 2u) << "the blank row is not counted";
    ASSERT_EQ(t.rows.size(), 1u) << "at most the rows asked for";
    EXPECT_EQ(t.rows[0][1], "Way Pring");
    EXPECT_FALSE(t.personalData);
    EXPECT_EQ(gis::previewTable((dir / "t.csv").string(), {}, 4, 5, false).header[1], "Way Pring")
        << "a header row given is taken";

    testutil::writeFile(dir / "r.csv", "NIK;Nama Lengkap;kode_desa\n1806207777000001;Rahasia;1806202005\n");
    for (bool asked : {true, false}) {
        const gis::TablePreview r = gis::previewTable((dir / "r.csv").string(), {}, 0, 10, asked);
        EXPECT_TRUE(r.personalData) << "asked, or told by the NIK column";
        EXPECT_TRUE(r.rows.empty());
        EXPECT_EQ(r.dataRows, 1u);
        EXPECT_EQ(r.header[0], "NIK");
    }
    EXPECT_TRUE(gis::hasPersonalDataColumns({"no_kk", "desa"}));
    EXPECT_TRUE(gis::hasPersonalDataColumns({"Alamat"}));
    EXPECT_FALSE(gis::hasPersonalDataColumns({"kode", "nama_pekon", "miskin"}));
}

TEST(ImportPlan, AHandMatchIsAUserAliasAndTheFileIsUnchangedUntilWritten)
{
    const auto dir = testutil::tempDir("importplan_plan");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::createProject(project, gis::buildDefaultDataset());
    testutil::writeFile(dir / "m.csv",
                        "kecamatan;nama pekon;miskin\nWonosobo;Kalirejo;98\nWonosobo;Entah Apa;5\n"
                        ";Banjar Agung;7\n");
    gis::TableImportOptions options;
    options.period = "2019";
    options.indicators = {{"miskin", "miskin"}};
    options.reportPath = (dir / "laporan.csv").string();
    const auto store = gis::openProject(project);
    const std::string bytes = readAll(project);

    gis::TableImportPlan plan = gis::planTableImport(*store, (dir / "m.csv").string(), options);
    ASSERT_TRUE(plan.report.written);
    ASSERT_EQ(plan.report.matches.size(), 3u);
    EXPECT_EQ(plan.report.matches[1].kind, gis::MatchKind::Unmatched);
    EXPECT_EQ(plan.report.matches[2].kind, gis::MatchKind::Ambiguous) << "Banjar Agung is in Gunung Alip and Limau";
    EXPECT_EQ(plan.changes.upsertValues.size(), 1u);

    // by hand: Entah Apa is Sridadi (Wonosobo), this Banjar Agung the one of Gunung Alip
    const std::vector<gis::AreaAlias> picked{{"18.06.03.2010", "Entah Apa", ""}, {"18.06.21.2003", "Banjar Agung", ""}};
    plan = gis::planTableImport(*store, (dir / "m.csv").string(), options, picked);
    ASSERT_TRUE(plan.report.written);
    for (const gis::RowMatch& m : plan.report.matches)
        EXPECT_EQ(m.kind, gis::MatchKind::Exact) << m.nameInFile;
    EXPECT_EQ(plan.report.matches[2].code, "18.06.21.2003");
    ASSERT_EQ(plan.userAliases.size(), 2u);
    EXPECT_EQ(plan.userAliases[0].source, "user");
    EXPECT_EQ(plan.changes.upsertValues.size(), 3u);
    EXPECT_EQ(plan.changes.addAliases.size(), 2u);
    EXPECT_EQ(readAll(project), bytes) << "a plan writes nothing";

    store->write(plan.changes);
    const gis::Dataset ds = store->read();
    std::size_t values = 0;
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.key == "miskin" && v.period == "2019") {
            ++values;
            if (v.areaCode == "18.06.21.2003") {
                EXPECT_DOUBLE_EQ(v.value, 7.0);
            }
        }
    EXPECT_EQ(values, 3u);
    // the same picks again add no alias twice
    EXPECT_TRUE(gis::userAliases(ds, picked).empty());
    // and the alias now settles the ambiguous name for a whole-regency match
    const gis::NameMatch again = gis::NameMatcher(ds).match("Banjar Agung");
    EXPECT_EQ(again.kind, gis::MatchKind::Exact);
    EXPECT_EQ(again.code, "18.06.21.2003");
    EXPECT_EQ(gis::NameMatcher(ds).match("Banjar Agung", "Limau").code, "18.06.24.2006")
        << "within its own kecamatan the other Banjar Agung is still found by name";
}
