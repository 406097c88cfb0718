#include "detail/sqlite.h"

#include "gis/error.h"
#include "gis/store.h"

#include <spatialite.h>

namespace gis::detail {

SpatialiteConnection::SpatialiteConnection(const std::string& path, int flags) : mPath(path)
{
    const int rc = sqlite3_open_v2(path.c_str(), &mDb, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = mDb ? sqlite3_errmsg(mDb) : sqlite3_errstr(rc);
        sqlite3_close(mDb);
        mDb = nullptr;
        throw ProjectError("cannot open project '" + path + "': " + why);
    }
    sqlite3_busy_timeout(mDb, projectBusyTimeout());
    mSpatialiteCache = spatialite_alloc_connection();
    spatialite_init_ex(mDb, mSpatialiteCache, 0);
}

SpatialiteConnection::~SpatialiteConnection()
{
    try {
        close();
    } catch (...) {
        // A destructor must not throw; close() reports errors to callers that ask.
    }
}

void SpatialiteConnection::close()
{
    if (!mDb)
        return;
    const int rc = sqlite3_close(mDb);
    mDb = nullptr;
    if (mSpatialiteCache) {
        spatialite_cleanup_ex(mSpatialiteCache);
        mSpatialiteCache = nullptr;
    }
    if (rc != SQLITE_OK)
        throw ProjectError("closing project '" + mPath + "' failed: " + sqlite3_errstr(rc));
}

void SpatialiteConnection::exec(const std::string& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(mDb, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errmsg(mDb);
        sqlite3_free(message);
        throw ProjectError("project '" + mPath + "': " + why + " (in: " + sql.substr(0, 80) + ")");
    }
}

Statement::Statement(const SpatialiteConnection& db, const std::string& sql) : mDb(db), mSql(sql)
{
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &mStmt, nullptr) != SQLITE_OK)
        throw ProjectError("project '" + db.path() + "': " + sqlite3_errmsg(db.handle()) + " (in: " + sql.substr(0, 80)
                           + ")");
}

Statement::~Statement()
{
    sqlite3_finalize(mStmt);
}

Statement& Statement::bind(int index, const std::string& text)
{
    sqlite3_bind_text(mStmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindStatic(int index, const std::string& text)
{
    sqlite3_bind_text(mStmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}
Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(mStmt, index, value);
    return *this;
}
Statement& Statement::bind(int index, long long value)
{
    sqlite3_bind_int64(mStmt, index, value);
    return *this;
}
Statement& Statement::bindBlob(int index, const std::string& bytes)
{
    sqlite3_bind_blob(mStmt, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(mStmt, index);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(mStmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    throw ProjectError("project '" + mDb.path() + "': " + sqlite3_errmsg(mDb.handle()) + " (in: " + mSql.substr(0, 80)
                       + ")");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(mStmt);
    sqlite3_clear_bindings(mStmt);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(mStmt, column);
    return p
        ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(mStmt, column)))
        : std::string{};
}

std::string Statement::blob(int column) const
{
    const void* p = sqlite3_column_blob(mStmt, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(mStmt, column)))
             : std::string{};
}

std::string_view Statement::blobView(int column) const
{
    const void* p = sqlite3_column_blob(mStmt, column);
    return p
        ? std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(mStmt, column)))
        : std::string_view{};
}

double Statement::number(int column) const
{
    return sqlite3_column_double(mStmt, column);
}
long long Statement::integer(int column) const
{
    return sqlite3_column_int64(mStmt, column);
}
bool Statement::isNull(int column) const
{
    return sqlite3_column_type(mStmt, column) == SQLITE_NULL;
}

} // namespace gis::detail
