// A writer killed in the middle of a save leaves the project as it was: the file still opens
// with the data it had before.
#include "gis/demo.h"
#include "gis/project.h"
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
    before.areas.push_back({"18.06.99.2001", "Contoh", "pekon", "18.06.99",
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
        if (child == 0) {
            try {
                saveProject(big, path);
            } catch (...) {
            }
            ::_exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        const fs::path temp = dir / ("p.sasaran.sqlite.tmp-" + std::to_string(child));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        const bool wasKilled = WIFSIGNALED(status);
        const bool inProgress = fs::exists(temp); // the writer died before its rename
        if (wasKilled && inProgress)
            ++killedMidWrite;

        const Dataset now = loadProject(path); // always opens
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
    EXPECT_GE(killedMidWrite, 1) << "no kill landed while the temporary file was being written";

    // The next save cleans up what the killed writers left.
    saveProject(before, path);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(entry.path().filename(), "p.sasaran.sqlite") << "left behind: " << entry.path();
}
