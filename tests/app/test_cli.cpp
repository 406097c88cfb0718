// sasaran-cli run in-process: the commands a planner types, their files and their errors.
#include "cliutil.h"
#include "gis/demo.h"
#include "gis/indicators.h"
#include "gis/project.h"
#include "layers/colorramp.h"
#include "testutil.h"

#include <QColor>
#include <QImage>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using testutil::CliResult;
using testutil::runCli;

std::string readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string pdfText(const fs::path& pdf)
{
    const std::string command = "pdftotext -layout '" + pdf.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string text;
    char buffer[4096];
    while (pipe && fgets(buffer, sizeof buffer, pipe.get()))
        text += buffer;
    return text;
}

bool havePdftotext()
{
    return std::system("command -v pdftotext >/dev/null 2>&1") == 0;
}

} // namespace

TEST(Cli, DemoWritesAProjectWithTheRakorTotals)
{
    const auto dir = testutil::tempDir("cli_demo");
    const auto project = dir / "tanggamus.sasaran.sqlite";
    const CliResult r = runCli({"demo", project.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("20 kecamatan, 299 pekon, 3 kelurahan"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("miskin 2018 total 73.770"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("12.48 %"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("132 BUMDES"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 PUSKESSOS"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ILLUSTRATIVE"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(project.string());
    EXPECT_EQ(ds.villages().size(), 302u);
}

TEST(Cli, InfoOnTheEmbeddedDataset)
{
    const CliResult r = runCli({"info", ":default"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("EPSG:4326"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("penduduk 2018 total 591.106"), std::string::npos) << r.out;
}

TEST(Cli, MapPngShowsPekonInTheirClassColoursAndTheFacilities)
{
    const auto dir = testutil::tempDir("cli_map_png");
    const auto png = dir / "peta.png";
    const CliResult r = runCli({"map", ":default", "--indicator", "poverty_rate", "--out", png.string(), "--width",
                                "1600", "--height", "1100"});
    ASSERT_EQ(r.code, 0) << r.err;
    QImage image(QString::fromStdString(png.string()));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.width(), 1600);
    EXPECT_EQ(image.height(), 1100);
    // Every one of the five quantile colours fills a good number of pixels.
    std::map<QRgb, long> pixels;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++pixels[image.pixel(x, y) | 0xff000000u];
    for (const QColor& c : layers::rampColors("YlOrRd", 5))
        EXPECT_GT(pixels[c.rgb()], 2000) << "class colour " << c.name().toStdString();
}

TEST(Cli, MapPdfIsSearchableAndSaysTheDataIsIllustrative)
{
    if (!havePdftotext())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const auto dir = testutil::tempDir("cli_map_pdf");
    const auto project = dir / "t.sasaran.sqlite";
    ASSERT_EQ(runCli({"demo", project.string()}).code, 0);
    const auto pdf = dir / "peta.pdf";
    const CliResult r = runCli({"map", project.string(), "--indicator", "poverty_rate", "--out", pdf.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(readAll(pdf).substr(0, 5), "%PDF-");
    const std::string text = pdfText(pdf);
    EXPECT_NE(text.find("Tanggamus"), std::string::npos) << text;
    EXPECT_NE(text.find("Data ilustrasi"), std::string::npos) << text;
    EXPECT_NE(text.find("2018"), std::string::npos) << text;
}

TEST(Cli, ErrorsSayWhatWentWrongWithDistinctExitCodes)
{
    const auto dir = testutil::tempDir("cli_errors");
    CliResult r = runCli({"map", (dir / "missing.sasaran.sqlite").string(), "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("missing.sasaran.sqlite"), std::string::npos) << r.err;

    r = runCli({"map", ":default", "--indicator", "no_such_key", "--out", (dir / "x.png").string()});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("unknown indicator 'no_such_key'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("poverty_rate"), std::string::npos) << "lists the keys that exist: " << r.err;

    r = runCli({"map", ":default", "--out", (dir / "x.bmpx").string()});
    EXPECT_EQ(r.code, 4);
    EXPECT_NE(r.err.find("x.bmpx"), std::string::npos) << r.err;

    r = runCli({"map", ":default", "--out", (dir / "no_such_folder" / "x.png").string()});
    EXPECT_EQ(r.code, 4);
    EXPECT_NE(r.err.find("no_such_folder"), std::string::npos) << r.err;

    r = runCli({"frobnicate"});
    EXPECT_EQ(r.code, 2);
    r = runCli({"map", ":default"});
    EXPECT_EQ(r.code, 2) << "--out is required";
    EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
}

TEST(Cli, HelpListsTheCommandsAndExitCodes)
{
    const CliResult r = runCli({"--help"});
    EXPECT_EQ(r.code, 0);
    for (const char* word : {"demo", "info", "map", "Exit codes"})
        EXPECT_NE(r.out.find(word), std::string::npos) << word << " in " << r.out;
}
