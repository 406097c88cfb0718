#pragma once
// RAII for sqlite3 connections with SpatiaLite loaded, and prepared statements.
// Private to gis/.
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gis::detail {

/// \brief A sqlite3 connection with the SpatiaLite functions registered.
class SpatialiteConnection {
public:
    /// \param flags SQLITE_OPEN_READONLY or SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    /// \throws ProjectError naming the file.
    SpatialiteConnection(const std::string& path, int flags);
    ~SpatialiteConnection();
    SpatialiteConnection(const SpatialiteConnection&) = delete;
    SpatialiteConnection& operator=(const SpatialiteConnection&) = delete;

    sqlite3* handle() const noexcept { return mDb; }
    const std::string& path() const noexcept { return mPath; }
    /// \brief Runs SQL without results. \throws ProjectError with sqlite's message and the file.
    void exec(const std::string& sql);
    /// \brief Closes now; errors while closing are reported. Safe to call twice.
    void close();

private:
    std::string mPath;
    sqlite3* mDb = nullptr;
    void* mSpatialiteCache = nullptr;
};

/// \brief A prepared statement bound to one connection.
class Statement {
public:
    Statement(const SpatialiteConnection& db, const std::string& sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const std::string& text);
    /// \brief As bind, without a copy: \a text must stay alive and unchanged until this parameter is
    /// bound again or the statement is finalized (e.g. a field of the changes being written).
    Statement& bindStatic(int index, const std::string& text);
    Statement& bind(int index, double value);
    Statement& bind(int index, long long value);
    Statement& bindBlob(int index, const std::string& bytes);
    Statement& bindNull(int index);
    /// \brief Steps once: true while a row is available.
    bool step();
    /// \brief Steps to completion and resets, ready for new bindings.
    void run();
    void reset();

    std::string text(int column) const;
    std::string blob(int column) const;
    /// \brief The blob without a copy; valid until the next step or reset.
    std::string_view blobView(int column) const;
    double number(int column) const;
    long long integer(int column) const;
    bool isNull(int column) const;

private:
    const SpatialiteConnection& mDb;
    sqlite3_stmt* mStmt = nullptr;
    std::string mSql;
};

} // namespace gis::detail
