// A writer killed in the middle of a save leaves the project as it was: the file still opens
// with the data it had before (SQLite's WAL journal rolls the unfinished transaction back),
// integrity_check is ok, and nothing is left beside the file once it has been opened again.
#include "gis/demo.h"
#include "gis/project.h"
#include "sqlprobe.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace gis;
namespace fs = std::filesystem;

TEST(Crash, KilledWriterLeavesThePreviousProject)
{
    const auto dir = testutil::tempDir("crash");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    // Before: a small project. The killed writer tries to replace it with a big one.
    Dataset before;
    before.meta["provenance"] = "real";
    before.meta["marker"] = "before";
    before.areas.push_back({"18.06.99.2001",
                            "Contoh",
                            "pekon",
                            "18.06.99",
                            {Polygon{{{104, -5}, {104.1, -5}, {104.1, -5.1}, {104, -5}}, {}}}});
    saveProject(before, path);

    Dataset big = buildDefaultDataset();
    const Dataset base = big;
    for (int copy = 0; copy < 10; ++copy) // about 6,000 indicator values more, so a save takes a while
        for (const Area* v : base.villages())
            big.indicators.push_back({v->code, "extra" + std::to_string(copy), "2018", 1.0, "test", "now"});

    int killedMidWrite = 0;
    for (int delayMs = 1; delayMs <= 400 && killedMidWrite < 3; delayMs = delayMs * 3 / 2 + 1) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        const fs::path started = dir / ("started-" + std::to_string(delayMs));
        if (child == 0) {
            try {
                testutil::writeFile(started, "x"); // the save starts now
                saveProject(big, path);
            } catch (...) {
            }
            ::_exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        const bool wasKilled = WIFSIGNALED(status);
        const bool wasStarted = fs::exists(started);
        fs::remove(started);

        const Dataset now = loadProject(path); // always opens
        // The writer died after it started and before its commit.
        const bool inProgress = wasKilled && wasStarted && now.metaValue("marker") == "before";
        if (inProgress)
            ++killedMidWrite;
        {
            testutil::SqlProbe probe(path);
            EXPECT_EQ(probe.text("PRAGMA integrity_check"), "ok") << "delay " << delayMs << " ms";
        }
        if (inProgress || now.metaValue("marker") == "before") {
            EXPECT_EQ(now.metaValue("marker"), "before") << "delay " << delayMs << " ms";
            EXPECT_EQ(now.areas.size(), 1u);
            EXPECT_TRUE(now.indicators.empty());
        } else {
            // The writer finished before the kill: the complete new project, never a mix.
            EXPECT_EQ(now.indicators.size(), big.indicators.size());
            saveProject(before, path);
        }
    }
    EXPECT_GE(killedMidWrite, 1) << "no kill landed while the project was being written";

    // The next save (and the reopening above) cleans up what the killed writers left.
    saveProject(before, path);
    { // the probe's read-only connection may leave -shm: reopened through the store, it goes
        const Dataset last = loadProject(path);
        EXPECT_EQ(last.metaValue("marker"), "before");
    }
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename(), "p.sasaran.sqlite") << "left behind: " << entry.path();
}
