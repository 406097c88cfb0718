#pragma once
// A plain sqlite3 connection with SpatiaLite, independent of the project code, so tests can
// check the library's answers against SpatiaLite SQL.
#include <gtest/gtest.h>
#include <sqlite3.h>
// spatialite.h needs sqlite3.h first
#include <spatialite.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace testutil {

class SqlProbe {
public:
    explicit SqlProbe(const std::string& path)
    {
        if (sqlite3_open_v2(path.c_str(), &mDb, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        mCache = spatialite_alloc_connection();
        spatialite_init_ex(mDb, mCache, 0);
    }
    ~SqlProbe()
    {
        sqlite3_close(mDb);
        spatialite_cleanup_ex(mCache);
    }
    SqlProbe(const SqlProbe&) = delete;
    SqlProbe& operator=(const SqlProbe&) = delete;

    /// The first column of the first row, as a number (the query must return a row).
    double number(const std::string& sql)
    {
        Statement stmt = prepare(sql);
        EXPECT_EQ(sqlite3_step(stmt.get()), SQLITE_ROW) << sql;
        return sqlite3_column_double(stmt.get(), 0);
    }
    /// The first column of the first row as text, or "" when there is no row.
    std::string text(const std::string& sql)
    {
        Statement stmt = prepare(sql);
        if (sqlite3_step(stmt.get()) != SQLITE_ROW)
            return {};
        const auto* p = sqlite3_column_text(stmt.get(), 0);
        return p ? reinterpret_cast<const char*>(p) : "";
    }

private:
    using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;
    Statement prepare(const std::string& sql)
    {
        sqlite3_stmt* stmt = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(mDb, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(mDb);
        return Statement(stmt, sqlite3_finalize);
    }
    sqlite3* mDb = nullptr;
    void* mCache = nullptr;
};

/// Runs \a statements on the file at \a path, writable and with SpatiaLite loaded (to build
/// or damage a project the way an older version or another tool would).
inline void execAll(const std::string& path, const std::vector<std::string>& statements)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    void* cache = spatialite_alloc_connection();
    spatialite_init_ex(db, cache, 0);
    for (const std::string& sql : statements) {
        char* message = nullptr;
        EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
            << sql << ": " << (message ? message : "");
        sqlite3_free(message);
    }
    sqlite3_close(db);
    spatialite_cleanup_ex(cache);
}

} // namespace testutil
