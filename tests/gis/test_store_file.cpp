// The SpatiaLite file store: the store suite (storesuite.h), and what only a file has: the WAL
// journal left clean, a writer that waits its turn or says the project is busy, readers that
// neither block nor see half a write, and writers in two processes.
#include "gis/error.h"
#include "gis/project.h"
#include "gis/store.h"
#include "gis/text.h"
#include "storesuite.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace gis;
namespace fs = std::filesystem;

namespace {

storetest::StoreFactory fileStoreFactory()
{
    storetest::StoreFactory f;
    f.name = "File";
    f.location = [](const std::string& tag) {
        return (testutil::tempDir("store_file_" + tag) / "p.sasaran.sqlite").string();
    };
    return f;
}

/// A plain read-write sqlite3 connection (no SpatiaLite), independent of the store.
class RawDb {
public:
    explicit RawDb(const std::string& path)
    {
        if (sqlite3_open_v2(path.c_str(), &mDb, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        sqlite3_busy_timeout(mDb, 5000);
    }
    ~RawDb() { sqlite3_close(mDb); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    int exec(const std::string& sql) { return sqlite3_exec(mDb, sql.c_str(), nullptr, nullptr, nullptr); }
    std::string text(const std::string& sql)
    {
        sqlite3_stmt* stmt = nullptr;
        std::string out;
        if (sqlite3_prepare_v2(mDb, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            if (const auto* p = sqlite3_column_text(stmt, 0))
                out = reinterpret_cast<const char*>(p);
        sqlite3_finalize(stmt);
        return out;
    }

private:
    sqlite3* mDb = nullptr;
};

std::vector<std::string> filesIn(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

ProjectChanges onePeriod(const std::string& period, double value)
{
    ProjectChanges c;
    for (const char* code : {"18.06.01.2001", "18.06.01.2002", "18.10.01.2001"})
        c.upsertValues.push_back({code, "miskin", period, value, "test", "t"});
    return c;
}

/// Restores the default busy timeout when a test that shortened it ends.
struct BusyTimeout {
    explicit BusyTimeout(int ms) { setProjectBusyTimeout(ms); }
    ~BusyTimeout() { setProjectBusyTimeout(10000); }
};

} // namespace

using storetest::StoreSuite;
INSTANTIATE_TEST_SUITE_P(File, StoreSuite, ::testing::Values(fileStoreFactory()), storetest::storeFactoryName);

TEST(FileStore, ProjectIsOneCompleteFileAfterEachWrite)
{
    const auto dir = testutil::tempDir("store_file_complete");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    createProject(path, storetest::twoRegencies());
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"p.sasaran.sqlite"});
    {
        const auto store = openProject(path);
        store->write(onePeriod("2025", 7.0));
        EXPECT_TRUE(fs::exists(path + "-wal")) << "the write went to the WAL while the store is open";
    }
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"p.sasaran.sqlite"}) << "WAL checkpointed and removed";
    // The file alone holds the write: a copy of just the file has it.
    fs::copy_file(path, dir / "copy.sqlite");
    RawDb copy((dir / "copy.sqlite").string());
    EXPECT_EQ(copy.text("SELECT count(*) FROM indikator WHERE period = '2025'"), "3");
    EXPECT_EQ(copy.text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(copy.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(copy.text("SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(kProjectSchemaVersion));
    EXPECT_EQ(
        copy.text("SELECT count(*) FROM sqlite_master WHERE name IN ('indikator_key_period', 'fasilitas_wilayah')"),
        "2");
}

TEST(FileStore, ReaderClosingLastAlsoLeavesOneFile)
{
    const auto dir = testutil::tempDir("store_file_reader_last");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    createProject(path, storetest::twoRegencies());
    auto reader = openProject(path, OpenMode::ReadOnly);
    EXPECT_EQ(reader->read().indicators.size(), 6u);
    {
        const auto writer = openProject(path);
        writer->write(onePeriod("2025", 7.0));
    }
    EXPECT_EQ(reader->read().indicators.size(), 9u) << "a later read sees the write";
    reader.reset();
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"p.sasaran.sqlite"});
}

TEST(FileStore, WriterHeldPastTheTimeoutGivesAClearErrorAndLosesNothing)
{
    const auto dir = testutil::tempDir("store_file_busy");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    createProject(path, storetest::twoRegencies());
    const BusyTimeout shortWait(300); // before opening: a connection keeps the timeout it was opened with
    const auto store = openProject(path);
    {
        RawDb other(path);
        ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);
        ASSERT_EQ(other.exec("INSERT INTO meta VALUES ('other', 'kept')"), SQLITE_OK);
        const auto start = std::chrono::steady_clock::now();
        try {
            store->write(onePeriod("2025", 1.0));
            FAIL() << "wrote while another connection held the write lock";
        } catch (const ProjectError& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find("proyek sedang dipakai oleh proses lain"), std::string::npos) << what;
            EXPECT_NE(what.find("coba lagi"), std::string::npos) << what;
            EXPECT_NE(what.find(path), std::string::npos) << what;
            EXPECT_EQ(what.find("--"), std::string::npos) << "no CLI flag in a library message: " << what;
        }
        const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_GE(waited, 0.25) << "it waited for its turn first";
        ASSERT_EQ(other.exec("COMMIT"), SQLITE_OK);
    }
    Dataset ds = store->read();
    EXPECT_EQ(ds.metaValue("other"), "kept");
    EXPECT_TRUE(ds.periods("miskin") == std::vector<std::string>{"2024"}) << "the refused write left nothing";
    store->write(onePeriod("2025", 1.0)); // once the other is done, the same write goes through
    EXPECT_EQ(store->read().periods("miskin").size(), 2u);
}

TEST(FileStore, SecondWriterWaitsItsTurn)
{
    const auto dir = testutil::tempDir("store_file_wait");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    createProject(path, storetest::twoRegencies());
    const auto store = openProject(path);
    RawDb other(path);
    ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), SQLITE_OK);
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        other.exec("INSERT INTO meta VALUES ('other', 'kept')");
        other.exec("COMMIT");
    });
    store->write(onePeriod("2025", 1.0)); // waits (default timeout 10 s), then writes
    release.join();
    const Dataset ds = store->read();
    EXPECT_EQ(ds.metaValue("other"), "kept");
    EXPECT_EQ(ds.periods("miskin").size(), 2u);
}

TEST(FileStore, ReaderNeitherBlocksAWriterNorSeesItHalfway)
{
    const auto dir = testutil::tempDir("store_file_snapshot");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    createProject(path, storetest::twoRegencies());
    const BusyTimeout shortWait(200);
    const auto store = openProject(path);
    RawDb reader(path);
    ASSERT_EQ(reader.exec("BEGIN"), SQLITE_OK);
    EXPECT_EQ(reader.text("SELECT count(*) FROM indikator"), "6"); // the reader's snapshot starts here
    const auto start = std::chrono::steady_clock::now();
    store->write(onePeriod("2025", 1.0)); // not blocked by the open read
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 0.2);
    EXPECT_EQ(reader.text("SELECT count(*) FROM indikator"), "6") << "the reader keeps its consistent state";
    ASSERT_EQ(reader.exec("COMMIT"), SQLITE_OK);
    EXPECT_EQ(reader.text("SELECT count(*) FROM indikator"), "9");
}

TEST(FileStore, TwoProcessesWritingTogetherKeepBothTwentyRounds)
{
    const auto dir = testutil::tempDir("store_file_processes");
    const std::string path = (dir / "p.sasaran.sqlite").string();
    createProject(path, storetest::twoRegencies());
    constexpr int kRounds = 20;
    int bothOk = 0;
    for (int round = 0; round < kRounds; ++round) {
        pid_t children[2];
        for (int w = 0; w < 2; ++w) {
            children[w] = ::fork();
            ASSERT_GE(children[w], 0);
            if (children[w] == 0) {
                int code = 0;
                try {
                    const auto store = openProject(path);
                    const Dataset ds = store->read(); // read, compute, write: as a command does
                    store->write(onePeriod(std::to_string(4000 + 2 * round + w), static_cast<double>(ds.areas.size())));
                } catch (...) {
                    code = 1;
                }
                ::_exit(code);
            }
        }
        int ok = 0;
        for (pid_t child : children) {
            int status = 0;
            ::waitpid(child, &status, 0);
            ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        bothOk += ok == 2;
    }
    EXPECT_EQ(bothOk, kRounds);
    const Dataset ds = loadProject(path);
    EXPECT_EQ(ds.periods("miskin").size(), 1u + 2 * kRounds) << "no write lost";
    EXPECT_DOUBLE_EQ(ds.indicators.back().value, 4.0);
    EXPECT_EQ(filesIn(dir), std::vector<std::string>{"p.sasaran.sqlite"});
}

namespace {

/// The OS user running the tests, asked of the system independently (`id -un`).
std::string osUserFromId()
{
    std::string name;
    if (FILE* p = popen("id -un", "r")) {
        char buffer[256];
        while (fgets(buffer, sizeof buffer, p))
            name += buffer;
        pclose(p);
    }
    while (!name.empty() && (name.back() == '\n' || name.back() == '\r'))
        name.pop_back();
    return name;
}

} // namespace

TEST(FileStore, EveryWriteRecordsTheOsUserAndTheUtcTimeOutsideTheProjectMeta)
{
    const std::string path = (testutil::tempDir("store_file_stamp") / "p.sasaran.sqlite").string();
    const std::string before = isoUtcNow();
    auto store = createProject(path, storetest::twoRegencies());
    const auto created = store->lastChange();
    ASSERT_TRUE(created.has_value()) << "creating a project is a write";
    EXPECT_EQ(created->user, osUserFromId());
    EXPECT_GE(created->utc, before);
    EXPECT_LE(created->utc, isoUtcNow());
    EXPECT_EQ(created->utc.size(), 20u) << created->utc;
    EXPECT_EQ(store->read().meta.count("changed_by"), 0u) << "bookkeeping, not project meta";
    EXPECT_EQ(store->read().meta.count("changed_utc"), 0u);

    // A later write stamps its own time; the stored values are what an independent SQL read sees.
    {
        RawDb raw(path);
        raw.exec("UPDATE meta SET value = '2000-01-01T00:00:00Z' WHERE key = 'changed_utc'");
        raw.exec("UPDATE meta SET value = 'orang_lain' WHERE key = 'changed_by'");
    }
    EXPECT_EQ(store->lastChange()->user, "orang_lain") << "read afresh, not cached";
    ProjectChanges c;
    c.meta["marker"] = "x";
    store->write(c);
    EXPECT_EQ(store->lastChange()->user, osUserFromId());
    EXPECT_GE(store->lastChange()->utc, before);
    RawDb raw(path);
    EXPECT_EQ(raw.text("SELECT value FROM meta WHERE key = 'changed_by'"), osUserFromId());
    EXPECT_EQ(raw.text("SELECT value FROM meta WHERE key = 'changed_utc'"), store->lastChange()->utc);
    // A copy of a dataset read from it does not carry the old stamp into the changes.
    EXPECT_TRUE(changesBetween(store->read(), store->read()).empty());
}
