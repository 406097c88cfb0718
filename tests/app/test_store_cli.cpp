// Commands writing one project at the same time (two processes started together): both
// changes are kept, and a writer kept waiting too long gets a clear message and a non-zero exit.
#include "cliutil.h"
#include "gis/demo.h"
#include "gis/project.h"
#include "gis/store.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>
#include <sys/wait.h>
#include <unistd.h>

using testutil::runCli;
namespace fs = std::filesystem;

namespace {

/// Runs each of \a commands in its own child process, all started together; their exit codes.
std::vector<int> runTogether(const std::vector<std::vector<std::string>>& commands)
{
    std::vector<pid_t> children;
    for (const auto& args : commands) {
        const pid_t child = ::fork();
        if (child == 0) {
            int code = 99;
            try {
                code = runCli(args).code;
            } catch (...) {
            }
            ::_exit(code);
        }
        children.push_back(child);
    }
    std::vector<int> codes;
    for (pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    return codes;
}

/// A table of miskin for three demo pekon by code.
std::string miskinTable(int base)
{
    return "kode,miskin\n18.06.11.2020," + std::to_string(base) + "\n18.06.03.2019," + std::to_string(base + 1)
        + "\n18.06.19.2001," + std::to_string(base + 2) + "\n";
}

double valueOf(const gis::Dataset& ds, const std::string& code, const std::string& period)
{
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.areaCode == code && v.key == "miskin" && v.period == period)
            return v.value;
    return -1;
}

} // namespace

TEST(StoreCli, TwoTableImportsTogetherKeepBothPeriodsTwentyRounds)
{
    const auto dir = testutil::tempDir("cli_store_tables");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", project}).code, 0);
    constexpr int kRounds = 20;
    int bothExitZero = 0;
    for (int round = 0; round < kRounds; ++round) {
        std::vector<std::vector<std::string>> commands;
        for (int w = 0; w < 2; ++w) {
            const std::string period = std::to_string(2100 + 2 * round + w);
            const auto file = dir / ("t" + period + ".csv");
            testutil::writeFile(file, miskinTable(10 * round + w));
            commands.push_back({"import", "table", project, file.string(), "--period", period, "--indicator",
                                "miskin=miskin", "--code-field", "kode", "--report",
                                (dir / (period + ".match.csv")).string()});
        }
        const std::vector<int> codes = runTogether(commands);
        bothExitZero += codes == std::vector<int>{0, 0};
    }
    EXPECT_EQ(bothExitZero, kRounds);
    const gis::Dataset ds = gis::loadProject(project);
    int kept = 0;
    for (int round = 0; round < kRounds; ++round)
        for (int w = 0; w < 2; ++w)
            kept += valueOf(ds, "18.06.03.2019", std::to_string(2100 + 2 * round + w)) == 10 * round + w + 1;
    EXPECT_EQ(kept, 2 * kRounds) << "every period of every round is there, with its own values";
    EXPECT_EQ(ds.periods("miskin").size(), gis::buildDefaultDataset().periods("miskin").size() + 2 * kRounds);
}

TEST(StoreCli, TwoPlaceSavesTogetherAreBothKept)
{
    const auto dir = testutil::tempDir("cli_store_place");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", project}).code, 0);
    constexpr int kRounds = 10;
    int bothExitZero = 0;
    for (int round = 0; round < kRounds; ++round) {
        std::vector<std::vector<std::string>> commands;
        for (int w = 0; w < 2; ++w)
            commands.push_back({"place", project, "--kind", "PUSKESSOS", "--count", std::to_string(1 + w),
                                "--radius-km", "5", "--save", "--out",
                                (dir / ("r" + std::to_string(round) + "_" + std::to_string(w) + ".csv")).string()});
        bothExitZero += runTogether(commands) == std::vector<int>{0, 0};
    }
    EXPECT_EQ(bothExitZero, kRounds);
    const std::vector<gis::PlacementRun> runs = gis::loadPlacementRuns(project);
    ASSERT_EQ(runs.size(), 2u * kRounds) << "every saved program is kept";
    std::size_t ones = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        EXPECT_EQ(runs[i].id, static_cast<long long>(i + 1)) << "numbered in order of saving";
        ones += runs[i].count == 1;
    }
    EXPECT_EQ(ones, static_cast<std::size_t>(kRounds));
}

TEST(StoreCli, TableImportBesideBoundaryImportKeepsBoth)
{
    const std::string real = testutil::sharedData("tanggamus/desa.gpkg");
    if (real.empty())
        GTEST_SKIP() << "../shared/data/tanggamus/desa.gpkg is not present";
    const auto dir = testutil::tempDir("cli_store_boundaries");
    constexpr int kRounds = 5;
    int bothKept = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::string project = (dir / ("p" + std::to_string(round) + ".sasaran.sqlite")).string();
        ASSERT_EQ(runCli({"demo", project}).code, 0);
        const auto file = dir / "t.csv";
        testutil::writeFile(file, miskinTable(500));
        const std::vector<int> codes = runTogether({
            {"import", "boundaries", project, real + ":desa", "--edition", "uji " + std::to_string(round)},
            {"import", "table", project, file.string(), "--period", "2031", "--indicator", "miskin=miskin",
             "--code-field", "kode", "--report", (dir / "t.match.csv").string()},
        });
        EXPECT_EQ(codes, (std::vector<int>{0, 0}));
        const gis::Dataset ds = gis::loadProject(project);
        const bool boundariesKept =
            ds.metaValue("boundary_edition") == "uji " + std::to_string(round) && ds.metaValue("provenance") == "real";
        const bool valuesKept = valueOf(ds, "18.06.03.2019", "2031") == 501;
        EXPECT_TRUE(boundariesKept) << "round " << round;
        EXPECT_TRUE(valuesKept) << "round " << round;
        EXPECT_EQ(ds.facilities.size(), 161u);
        bothKept += boundariesKept && valuesKept;
    }
    EXPECT_EQ(bothKept, kRounds);
}

TEST(StoreCli, ProjectHeldByAnotherWriterFailsClearlyWithNothingLost)
{
    const auto dir = testutil::tempDir("cli_store_busy");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    ASSERT_EQ(runCli({"demo", project}).code, 0);
    const auto file = dir / "t.csv";
    testutil::writeFile(file, miskinTable(70));
    gis::setProjectBusyTimeout(300);
    sqlite3* other = nullptr;
    ASSERT_EQ(sqlite3_open_v2(project.c_str(), &other, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "INSERT INTO meta VALUES ('held', 'yes')", nullptr, nullptr, nullptr), SQLITE_OK);
    const auto r = runCli({"import", "table", project, file.string(), "--period", "2040", "--indicator",
                           "miskin=miskin", "--code-field", "kode"});
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    gis::setProjectBusyTimeout(10000);
    EXPECT_EQ(r.code, 5) << "busy: the 'try again' exit code";
    EXPECT_NE(r.err.find("proyek sedang dipakai oleh proses lain"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("coba lagi"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("wrote project"), std::string::npos) << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    EXPECT_EQ(ds.metaValue("held"), "yes") << "the other writer's change is kept";
    EXPECT_EQ(valueOf(ds, "18.06.03.2019", "2040"), -1) << "the refused import wrote nothing";
    // Tried again once the other is done, it goes through.
    const auto again = runCli({"import", "table", project, file.string(), "--period", "2040", "--indicator",
                               "miskin=miskin", "--code-field", "kode"});
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(valueOf(gis::loadProject(project), "18.06.03.2019", "2040"), 71);
}
