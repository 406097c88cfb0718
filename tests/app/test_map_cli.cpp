// sasaran-cli map, atlas and report as a planner runs them: paper, focus, layers, templates,
// the atlas for e-mail and the meeting pack with a saved placement run.
#include "cliutil.h"
#include "testutil.h"

#include "gis/project.h"
#include "layers/maptemplate.h"

#include <QFile>
#include <QImage>
#include <QXmlStreamReader>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

using ::testing::HasSubstr;
using testutil::runCli;

namespace {

std::string demoProject(const std::filesystem::path& dir)
{
    const std::string path = (dir / "tanggamus.sasaran.sqlite").string();
    EXPECT_EQ(runCli({"demo", path}).code, 0);
    return path;
}

} // namespace

TEST(MapCli, PaperAndDpiSetThePngSize)
{
    const auto dir = testutil::tempDir("cli_map_paper");
    const auto png = dir / "a3.png";
    const auto r = runCli({"map", ":default", "--paper", "A3", "--landscape", "--dpi", "60", "--out", png.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("A3 landscape"));
    const QImage image(QString::fromStdString(png.string()));
    // 420 × 297 mm at 60 dots per inch
    EXPECT_EQ(image.width(), static_cast<int>(std::lround(420 / 25.4 * 60)));
    EXPECT_EQ(image.height(), static_cast<int>(std::lround(297 / 25.4 * 60)));
}

TEST(MapCli, KecamatanPageNamesItsPekonAndPriorityLayer)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "poppler-utils not installed: PDF text not checked";
    const auto dir = testutil::tempDir("cli_map_focus");
    const auto pdf = dir / "kota_agung.pdf";
    const auto r = runCli({"map", ":default", "--kecamatan", "kota agung", "--labels", "all", "--layer", "priority",
                           "--portrait", "--out", pdf.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string text = testutil::pdfText(pdf);
    EXPECT_THAT(text, HasSubstr("Skor Prioritas per Pekon — Kecamatan Kota Agung, Kabupaten Tanggamus, 2018"));
    EXPECT_THAT(text, HasSubstr("Pardasuka"));
    EXPECT_THAT(text, HasSubstr("Di luar kecamatan ini"));
    EXPECT_THAT(text, HasSubstr("UTM zona 48S"));
    EXPECT_THAT(text, HasSubstr("mU")); // northing ticks
}

TEST(MapCli, TemplateKeptInTheProjectIsReused)
{
    const auto dir = testutil::tempDir("cli_map_template");
    const std::string project = demoProject(dir);
    auto r = runCli({"map", project, "--indicator", "poor_density_km2", "--title", "Kepadatan Miskin Rakor", "--paper",
                     "A3", "--method", "natural", "--classes", "4", "--save-template", "rakor", "--out",
                     (dir / "first.svg").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("kept map template 'rakor'"));
    const gis::Dataset ds = gis::loadProject(project);
    const layers::MapTemplate kept = layers::storedMapTemplate(ds, "rakor");
    EXPECT_EQ(kept.spec.title, "Kepadatan Miskin Rakor");
    EXPECT_EQ(kept.spec.indicatorKey, "poor_density_km2");
    EXPECT_EQ(kept.spec.classCount, 4);
    EXPECT_EQ(kept.spec.page.paper, layers::Paper::A3);

    // reused with one change: the title stays, the paper changes
    r = runCli({"map", project, "--template", "rakor", "--paper", "A4", "--out", (dir / "second.png").string(), "--dpi",
                "40"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("A4 landscape, Kepadatan Miskin Rakor"));

    r = runCli({"map", project, "--template", "nothing", "--out", (dir / "x.png").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("kept: rakor"));
}

TEST(MapCli, BadOptionsSayWhatToDo)
{
    const auto dir = testutil::tempDir("cli_map_errors");
    auto r = runCli({"map", ":default", "--paper", "B5", "--out", (dir / "x.png").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("A4, A3, A2, A1, A0 or letter"));
    r = runCli({"map", ":default", "--kecamatan", "Atlantis", "--out", (dir / "x.png").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("Kota Agung")) << "lists the kecamatan";
    r = runCli({"map", ":default", "--breaks", "10,abc", "--out", (dir / "x.png").string()});
    EXPECT_NE(r.code, 0);
    EXPECT_THAT(r.err, HasSubstr("'abc' is not a number"));
    r = runCli({"atlas", ":default", "--out", (dir / "atlas.png").string()});
    EXPECT_EQ(r.code, 4);
    EXPECT_THAT(r.err, HasSubstr("atlas.png"));
}

TEST(AtlasCli, EmailAtlasHasCoverAndTwentyKecamatanUnderFiveMegabytes)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "poppler-utils not installed: PDF not checked";
    const auto dir = testutil::tempDir("cli_atlas");
    const auto pdf = dir / "atlas.pdf";
    const auto r = runCli({"atlas", ":default", "--by", "kecamatan", "--preset", "email", "--out", pdf.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("21 pages: cover + 20 kecamatan"));
    EXPECT_EQ(testutil::pdfPageCount(pdf), 21);
    EXPECT_LT(std::filesystem::file_size(pdf), 5u * 1000 * 1000);
    const std::string text = testutil::pdfText(pdf);
    EXPECT_THAT(text, HasSubstr("Daftar kecamatan"));
    EXPECT_THAT(text, HasSubstr("Pekon di Kecamatan Ulu Belu, menurut prioritas"));
}

TEST(ReportCli, MeetingPackInEnglishWithTheSavedRun)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "poppler-utils not installed: PDF not checked";
    const auto dir = testutil::tempDir("cli_report");
    const std::string project = demoProject(dir);
    auto r = runCli({"place", project, "--kind", "PUSKESSOS", "--count", "5", "--radius-km", "5", "--save", "--out",
                     (dir / "usulan.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto pdf = dir / "rakor.pdf";
    r = runCli({"report", project, "--lang", "en", "--top", "20", "--out", pdf.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("8 pages")) << "2 findings pages + 6";
    EXPECT_EQ(testutil::pdfPageCount(pdf), 8);
    const std::string text = testutil::pdfText(pdf);
    EXPECT_THAT(text, HasSubstr("Top Priority Villages (20)"));
    EXPECT_THAT(text, HasSubstr("Proposed Sites for 5 Puskessos"));
    EXPECT_THAT(text, HasSubstr("Data ilustrasi"));
}

TEST(MapCli, SvgIsWellFormedXmlWithTextAndPaths)
{
    const auto dir = testutil::tempDir("cli_map_svg");
    const auto svg = dir / "peta.svg";
    const auto r = runCli({"map", ":default", "--paper", "A3", "--out", svg.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    QFile file(QString::fromStdString(svg.string()));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int texts = 0, paths = 0;
    QString width;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"svg")
            width = xml.attributes().value(QStringLiteral("width")).toString();
        texts += xml.name() == u"text";
        paths += xml.name() == u"path";
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(texts, 20) << "text stays text";
    EXPECT_GT(paths, 300) << "pekon stay vector paths";
    ASSERT_TRUE(width.endsWith(QStringLiteral("mm"))) << width.toStdString();
    EXPECT_NEAR(width.chopped(2).toDouble(), 420.0, 0.5) << "A3 landscape";
}

TEST(AtlasCli, RealBoundariesAtlasForEmailStaysUnderFiveMegabytes)
{
    const std::string desa = testutil::sharedData("tanggamus/desa.gpkg");
    if (desa.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg not present: real-boundary atlas not checked";
    if (!testutil::havePoppler())
        GTEST_SKIP() << "poppler-utils not installed: PDF not checked";
    const auto dir = testutil::tempDir("cli_atlas_real");
    const std::string project = demoProject(dir);
    ASSERT_EQ(runCli({"import", "boundaries", project, desa}).code, 0);
    const auto pdf = dir / "atlas.pdf";
    const auto r = runCli({"atlas", project, "--preset", "email", "--out", pdf.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(testutil::pdfPageCount(pdf), 21);
    // the real pekon outlines have ~30,000 vertices; clipped to each page and thinned below 0.3 mm
    EXPECT_LT(std::filesystem::file_size(pdf), 5u * 1000 * 1000);
}

TEST(MapCli, OptionNamesAreAddedAtTheCommandLineEdge)
{
    const auto dir = testutil::tempDir("cli_map_option_names");
    // a template error from the library gets the option that gave the value
    auto r = runCli({"map", ":default", "--kecamatan", "Atlantis", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_THAT(r.err, HasSubstr("--kecamatan: no kecamatan 'Atlantis'"));
    r = runCli({"map", ":default", "--proposals", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_THAT(r.err, HasSubstr("--proposals: the project keeps no placement run"));
    EXPECT_THAT(r.err, HasSubstr("sasaran-cli place"));
    r = runCli({"map", ":default", "--layer", "no_such_column", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_THAT(r.err, HasSubstr("--layer: "));
    // usage errors exit with 2
    r = runCli({"map", ":default", "--width", "800", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.err, HasSubstr("give --width and --height together"));
    r = runCli({"map", ":default", "--save-template", "rakor", "--out", (dir / "x.png").string(), "--dpi", "40"});
    EXPECT_EQ(r.code, 2);
    EXPECT_THAT(r.err, HasSubstr("--save-template needs a project file"));
}

TEST(MapCli, KeptTemplateStoresTheFocusAsAKecamatanCode)
{
    const auto dir = testutil::tempDir("cli_map_template_focus");
    const std::string project = demoProject(dir);
    const auto r = runCli({"map", project, "--kecamatan", "kota agung", "--save-template", "kota", "--dpi", "40",
                           "--out", (dir / "kota.png").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    const gis::Dataset ds = gis::loadProject(project);
    const layers::MapTemplate kept = layers::storedMapTemplate(ds, "kota");
    const gis::Area* area = ds.findArea(kept.spec.focusArea);
    ASSERT_NE(area, nullptr) << kept.spec.focusArea;
    EXPECT_EQ(area->kind, "kecamatan");
    EXPECT_EQ(area->name, "Kota Agung");
}
