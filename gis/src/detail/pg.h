#pragma once
// RAII over libpq: a connection, a result, parameterised statements, transactions and COPY.
// Private to gis/ (implemented in pgstore_pg.cpp). Messages never carry a password: libpq is
// given none (they come from ~/.pgpass, PGPASSFILE or PGPASSWORD), and the location named in
// errors is the caller's redacted one.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace gis::detail {

/// \brief A value bound to a statement parameter: text, binary bytes (bytea) or NULL.
struct PgParam {
    std::optional<std::string> value; ///< nullopt = NULL
    bool binary = false;

    static PgParam text(std::string v) { return {std::move(v), false}; }
    static PgParam bytes(std::string v) { return {std::move(v), true}; }
    static PgParam null() { return {std::nullopt, false}; }
};
PgParam pgNumber(double v);
PgParam pgInteger(long long v);

/// \brief One query's result (owns the PGresult).
class PgResult {
public:
    explicit PgResult(pg_result* r = nullptr) noexcept : mResult(r) {}
    ~PgResult();
    PgResult(PgResult&& other) noexcept : mResult(other.mResult) { other.mResult = nullptr; }
    PgResult& operator=(PgResult&& other) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;

    int rows() const;
    bool isNull(int row, int column) const;
    /// \brief The value's bytes: text for text results, raw bytes for binary results.
    std::string_view view(int row, int column) const;
    std::string text(int row, int column) const { return std::string(view(row, column)); }
    /// \brief A number sent as text (columns cast to text, or text results).
    double number(int row, int column) const;
    long long integer(int row, int column) const;

private:
    pg_result* mResult = nullptr;
};

/// \brief An error from the server, with its SQLSTATE (e.g. "40001" serialization failure,
/// "42501" insufficient privilege) so callers can tell the class of failure.
class PgError : public std::runtime_error {
public:
    PgError(std::string sqlState, const std::string& message)
            : std::runtime_error(message), mSqlState(std::move(sqlState))
    {}
    const std::string& sqlState() const noexcept { return mSqlState; }

private:
    std::string mSqlState;
};

/// \brief A libpq connection. Used by one thread at a time.
class PgConnection {
public:
    /// \param conninfo a libpq URI or key=value string without a password.
    /// \param password given to libpq beside the URI (never part of it), or none: then libpq
    /// looks in ~/.pgpass, PGPASSFILE or PGPASSWORD.
    /// \throws PgError (SQLSTATE "08001") with libpq's reason when the server cannot be reached.
    explicit PgConnection(const std::string& conninfo, const std::optional<std::string>& password = std::nullopt);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    /// \brief Runs SQL without parameters (may hold several statements). \throws PgError.
    void exec(const std::string& sql);
    /// \brief Runs one statement with $1.. parameters. \a binaryResult: every column comes
    /// back in binary form (cast non-bytea columns to text in the SQL). \throws PgError.
    PgResult query(const std::string& sql, const std::vector<PgParam>& params = {}, bool binaryResult = false);

    /// \brief COPY ... FROM STDIN in text format: \a sql is the COPY statement, \a rows are
    /// lines already escaped with copyEscape() and joined by tabs. \throws PgError.
    void copyIn(const std::string& sql, const std::vector<std::string>& rows);
    /// \brief Escapes a value for COPY text format; nullopt is NULL (\N).
    static void appendCopyField(std::string& line, const std::optional<std::string_view>& value);
    /// \brief Hex digits of \a bytes (for a geometry column, which reads hex WKB).
    static void appendHex(std::string& line, std::string_view bytes);

    /// \brief Quotes an identifier ("schema"). \throws PgError.
    std::string quoteIdentifier(const std::string& name) const;

    pg_conn* handle() const noexcept { return mConn; }

private:
    pg_conn* mConn = nullptr;
};

/// \brief A transaction: BEGIN on construction, ROLLBACK on destruction unless commit() ran.
class PgTransaction {
public:
    /// \param begin e.g. "BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    PgTransaction(PgConnection& db, const std::string& begin = "BEGIN");
    ~PgTransaction();
    PgTransaction(const PgTransaction&) = delete;
    PgTransaction& operator=(const PgTransaction&) = delete;
    void commit();

private:
    PgConnection& mDb;
    bool mOpen = true;
};

/// \brief Decodes a float8 in binary form (network byte order).
double pgBinaryDouble(std::string_view bytes);

} // namespace gis::detail
