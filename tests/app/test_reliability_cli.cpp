// Issue 15: outputs never destroy the project or an input, never replace a device, FIFO or
// folder; boundary files without polygons never erase stored boundaries.
#include "../../gis/src/detail/atomicoutput.h"
#include "cliutil.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/project.h"
#include "gis/text.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

using testutil::runCli;
namespace fs = std::filesystem;

namespace {

std::string demoProject(const fs::path& dir)
{
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    return project;
}

/// A GeoJSON FeatureCollection of the demo's villages: codes and names, and \a geometry for each.
std::string villagesGeoJson(const gis::Dataset& ds, const std::string& geometry, std::size_t limit = 1'000'000)
{
    std::string features;
    std::size_t n = 0;
    for (const gis::Area* v : ds.villages()) {
        if (n++ >= limit)
            break;
        features += fmt::format("{}{{\"type\":\"Feature\",\"properties\":{{\"kode\":\"{}\",\"nama\":\"{}\"}},"
                                "\"geometry\":{}}}",
                                features.empty() ? "" : ",\n", v->code, v->name, geometry);
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features + "]}\n";
}

bool sameGeometry(const gis::MultiPolygon& a, const gis::MultiPolygon& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].exterior != b[i].exterior || a[i].holes != b[i].holes)
            return false;
    return true;
}

} // namespace

TEST(ReliabilityCli, ReportPathEqualToTheProjectIsRefusedBeforeAnythingIsWritten)
{
    const auto dir = testutil::tempDir("rel_report_project");
    const std::string project = demoProject(dir);
    const std::string before = testutil::readFile(project);
    const auto table = dir / "miskin.csv";
    testutil::writeFile(table, "kode,miskin\n18.06.20.2005,12\n");
    // The project spelled another way (relative to another folder) is still the project.
    const std::string spelled = (dir / "." / "p.sasaran.sqlite").string();
    auto r = runCli({"import", "table", project, table.string(), "--period", "2030", "--indicator", "miskin=miskin",
                     "--code-field", "kode", "--report", spelled});
    EXPECT_EQ(r.code, 4) << r.out << r.err;
    EXPECT_NE(r.err.find("p.sasaran.sqlite"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--report"), std::string::npos) << r.err;
    EXPECT_EQ(testutil::readFile(project), before) << "the project is untouched";
    EXPECT_EQ(gis::loadProject(project).villages().size(), 302u);

    // The input table as the report, and the project as an export: refused as well.
    r = runCli({"import", "table", project, table.string(), "--period", "2030", "--indicator", "miskin=miskin",
                "--code-field", "kode", "--report", table.string()});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_EQ(testutil::readFile(table), "kode,miskin\n18.06.20.2005,12\n");
    r = runCli({"export", project, "--out", project});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_EQ(testutil::readFile(project), before);
    // A hard link to the project is the same file.
    const fs::path link = dir / "link.csv";
    fs::create_hard_link(project, link);
    r = runCli({"analyze", project, "--out", link.string()});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_EQ(testutil::readFile(project), before);
}

TEST(ReliabilityCli, DevicesFifosAndFoldersAtTheOutputPathAreNotReplaced)
{
    const auto dir = testutil::tempDir("rel_output_kinds");
    const std::string project = demoProject(dir);
    const fs::path fifo = dir / "pipe.json";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto r = runCli({"analyze", project, "--write-scheme", fifo.string()});
    EXPECT_EQ(r.code, 4) << r.out << r.err;
    EXPECT_NE(r.err.find("FIFO"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_fifo(fifo)) << "the FIFO is still a FIFO";

    const fs::path folder = dir / "out.csv";
    fs::create_directory(folder);
    r = runCli({"analyze", project, "--out", folder.string()});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("folder"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_directory(folder));

    // A device: /dev/full must stay a character device (the test may run as root).
    r = runCli({"analyze", project, "--write-scheme", "/dev/full"});
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("device"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_character_file("/dev/full"));

    // Library writers check too (the match report of a library import, a CSV table).
    EXPECT_THROW(gis::writeTextFileAtomically(fifo.string(), "x"), gis::OutputError);
    EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST(ReliabilityCli, BoundaryFileWithOnlyNullGeometriesIsRefusedAndErasesNothing)
{
    const auto dir = testutil::tempDir("rel_null_boundaries");
    const std::string project = demoProject(dir);
    const gis::Dataset before = gis::loadProject(project);
    const fs::path file = dir / "kosong.geojson";
    testutil::writeFile(file, villagesGeoJson(before, "null"));
    auto r = runCli({"import", "boundaries", project, file.string()});
    EXPECT_EQ(r.code, 3) << r.out << r.err;
    EXPECT_NE(r.err.find("kosong.geojson"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("302 of 302 features have a null or empty geometry"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("warning: fid"), std::string::npos) << "one summary, not a warning per feature";
    const gis::Dataset after = gis::loadProject(project);
    std::size_t withPolygon = 0;
    for (const gis::Area* v : after.villages())
        withPolygon += v->geometry.empty() ? 0 : 1;
    EXPECT_EQ(withPolygon, 302u);

    // A new project from it: refused with the same summary.
    r = runCli({"new", (dir / "q.sasaran.sqlite").string(), "--boundaries", file.string()});
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("has a usable polygon"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "q.sasaran.sqlite"));
}

TEST(ReliabilityCli, NullGeometryFeaturesKeepTheStoredBoundaryOfTheirCode)
{
    const auto dir = testutil::tempDir("rel_some_null_boundaries");
    const std::string project = demoProject(dir);
    const gis::Dataset before = gis::loadProject(project);
    // Every village with null geometry except the first, which gets a 0.01 degree square.
    std::string json = villagesGeoJson(before, "null");
    const gis::Area* first = before.villages().front();
    const std::string square = "{\"type\":\"Polygon\",\"coordinates\":[[[104.60,-5.40],[104.61,-5.40],[104.61,-5.39],"
                               "[104.60,-5.39],[104.60,-5.40]]]}";
    const std::string firstNull =
        fmt::format("\"kode\":\"{}\",\"nama\":\"{}\"}},\"geometry\":null", first->code, first->name);
    const std::size_t at = json.find(firstNull);
    ASSERT_NE(at, std::string::npos);
    json.replace(at, firstNull.size(),
                 fmt::format("\"kode\":\"{}\",\"nama\":\"{}\"}},\"geometry\":{}", first->code, first->name, square));
    const fs::path file = dir / "sebagian.geojson";
    testutil::writeFile(file, json);
    auto r = runCli({"import", "boundaries", project, file.string()});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    // 301 villages and the 19 kecamatan dissolved from only them (all 20 but the first village's).
    EXPECT_NE(r.out.find("320 areas without a polygon in the file keep their previous boundary"), std::string::npos)
        << r.out;
    const gis::Dataset after = gis::loadProject(project);
    std::size_t same = 0;
    for (const gis::Area* v : after.villages()) {
        ASSERT_FALSE(v->geometry.empty()) << v->code;
        if (v->code != first->code)
            same += sameGeometry(v->geometry, before.findArea(v->code)->geometry) ? 1 : 0;
    }
    EXPECT_EQ(same, 301u);
    const gis::MultiPolygon& replaced = after.findArea(first->code)->geometry;
    ASSERT_EQ(replaced.size(), 1u);
    EXPECT_DOUBLE_EQ(replaced[0].exterior[0].x, 104.60);
}

namespace {

/// Names in \a dir that look like a temporary of an output (".name.tmp-PID...").
std::vector<std::string> temporariesIn(const fs::path& dir)
{
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().find(".tmp-") != std::string::npos)
            found.push_back(entry.path().filename().string());
    return found;
}

/// While it lives, every checked write of this process sees a disk with \a bytes free.
struct SimulatedFullDisk {
    explicit SimulatedFullDisk(long long bytes) { gis::detail::setSimulatedFreeBytesForTesting(bytes); }
    ~SimulatedFullDisk() { gis::detail::setSimulatedFreeBytesForTesting(-1); }
};

} // namespace

TEST(ReliabilityCli, EveryWriterReportsAFullDiskAndLeavesNoCutFile)
{
    const auto dir = testutil::tempDir("rel_full_disk_cli");
    const std::string project = demoProject(dir);
    const std::string before = testutil::readFile(project);
    const auto table = dir / "miskin.csv";
    testutil::writeFile(table, "kode,miskin\n18.06.20.2005,12\n");
    struct Case {
        std::string output;
        std::vector<std::string> args;
        long long freeBytes = 2048; ///< less than the output needs
    };
    const std::vector<Case> cases = {
        {"t.geojson", {"export", project, "--out"}},
        {"t.xlsx", {"export", project, "--out"}},
        {"t.csv", {"export", project, "--out"}},
        {"a.csv", {"analyze", project, "--out"}},
        {"a.geojson", {"analyze", project, "--out"}},
        {"s.json", {"analyze", "--write-scheme"}, 100},
        {"m.png", {"map", project, "--width", "400", "--height", "300", "--out"}},
        {"m.pdf", {"map", project, "--out"}},
        {"m.svg", {"map", project, "--out"}},
        {"atlas.pdf", {"atlas", project, "--out"}},
        {"rakor.pdf", {"report", project, "--out"}},
        {"laporan.csv",
         {"import", "table", project, table.string(), "--period", "2031", "--indicator", "miskin=miskin",
          "--code-field", "kode", "--report"},
         100},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        const fs::path out = dir / c.output;
        args.push_back(out.string());
        testutil::CliResult r;
        {
            const SimulatedFullDisk disk(c.freeBytes);
            r = runCli(args);
        }
        EXPECT_EQ(r.code, 4) << c.output << ": " << r.out << r.err;
        EXPECT_EQ(r.out.find("wrote"), std::string::npos) << c.output << ": " << r.out;
        EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << c.output << ": " << r.err;
        EXPECT_FALSE(fs::exists(out)) << c.output << " must not be left cut";
        EXPECT_EQ(temporariesIn(dir), std::vector<std::string>{}) << c.output;
    }
    EXPECT_EQ(testutil::readFile(project), before) << "the project is unchanged (the import stopped at its report)";
    // With the disk free again each writer works (the cases are real commands).
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        args.push_back((dir / c.output).string());
        const auto r = runCli(args);
        EXPECT_EQ(r.code, 0) << c.output << ": " << r.err;
        EXPECT_GT(fs::file_size(dir / c.output), static_cast<std::uintmax_t>(c.freeBytes)) << c.output;
    }
}
