// RAII over libpq (detail/pg.h).
#include "detail/pg.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>

namespace gis::detail {

namespace {

std::string trimmedMessage(const char* message)
{
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    // libpq's multi-line messages (DETAIL, HINT) read as one line in ours.
    for (char& c : s)
        if (c == '\n')
            c = ' ';
    return s;
}

PgError errorOf(const PGresult* r, pg_conn* conn)
{
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = primary ? trimmedMessage(primary) : trimmedMessage(PQerrorMessage(conn));
    return PgError(state ? state : "", message);
}

void check(PGresult* r, pg_conn* conn)
{
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN)
        return;
    PgError e = errorOf(r, conn);
    PQclear(r);
    throw e;
}

} // namespace

PgParam pgNumber(double v)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    (void)ec;
    return PgParam::text(std::string(buffer, end));
}

PgParam pgInteger(long long v)
{
    return PgParam::text(std::to_string(v));
}

PgResult::~PgResult()
{
    if (mResult)
        PQclear(mResult);
}

PgResult& PgResult::operator=(PgResult&& other) noexcept
{
    if (this != &other) {
        if (mResult)
            PQclear(mResult);
        mResult = other.mResult;
        other.mResult = nullptr;
    }
    return *this;
}

int PgResult::rows() const
{
    return mResult ? PQntuples(mResult) : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(mResult, row, column) != 0;
}

std::string_view PgResult::view(int row, int column) const
{
    return {PQgetvalue(mResult, row, column), static_cast<std::size_t>(PQgetlength(mResult, row, column))};
}

double PgResult::number(int row, int column) const
{
    const std::string_view v = view(row, column);
    double out = 0.0;
    std::from_chars(v.data(), v.data() + v.size(), out);
    return out;
}

long long PgResult::integer(int row, int column) const
{
    const std::string_view v = view(row, column);
    long long out = 0;
    std::from_chars(v.data(), v.data() + v.size(), out);
    return out;
}

PgConnection::PgConnection(const std::string& conninfo, const std::optional<std::string>& password)
{
    if (password) {
        // expand_dbname: the URI given as dbname is read whole; the password rides beside it.
        const char* const keywords[] = {"dbname", "password", nullptr};
        const char* const values[] = {conninfo.c_str(), password->c_str(), nullptr};
        mConn = PQconnectdbParams(keywords, values, 1);
    } else {
        mConn = PQconnectdb(conninfo.c_str());
    }
    if (!mConn)
        throw PgError("08001", "out of memory while connecting");
    if (PQstatus(mConn) != CONNECTION_OK) {
        std::string why = trimmedMessage(PQerrorMessage(mConn));
        PQfinish(mConn);
        mConn = nullptr;
        throw PgError("08001", why);
    }
    // Our own messages are what the user sees; the server's notices (e.g. "table does not
    // exist, skipping") are not.
    PQsetNoticeProcessor(
        mConn, [](void*, const char*) {}, nullptr);
    exec("SET client_min_messages = warning; SET client_encoding = 'UTF8'");
}

PgConnection::~PgConnection()
{
    if (mConn)
        PQfinish(mConn);
}

void PgConnection::exec(const std::string& sql)
{
    PGresult* r = PQexec(mConn, sql.c_str());
    check(r, mConn);
    PQclear(r);
}

PgResult PgConnection::query(const std::string& sql, const std::vector<PgParam>& params, bool binaryResult)
{
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        values[i] = params[i].value ? params[i].value->data() : nullptr;
        lengths[i] = params[i].value ? static_cast<int>(params[i].value->size()) : 0;
        formats[i] = params[i].binary ? 1 : 0;
    }
    PGresult* r = PQexecParams(mConn, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                               lengths.data(), formats.data(), binaryResult ? 1 : 0);
    check(r, mConn);
    return PgResult(r);
}

void PgConnection::copyIn(const std::string& sql, const std::vector<std::string>& rows)
{
    PGresult* r = PQexec(mConn, sql.c_str());
    check(r, mConn);
    PQclear(r);
    std::string chunk;
    auto flush = [&] {
        if (!chunk.empty() && PQputCopyData(mConn, chunk.data(), static_cast<int>(chunk.size())) != 1)
            throw PgError("08006", trimmedMessage(PQerrorMessage(mConn)));
        chunk.clear();
    };
    for (const std::string& row : rows) {
        chunk += row;
        chunk += '\n';
        if (chunk.size() > (1u << 20))
            flush();
    }
    flush();
    if (PQputCopyEnd(mConn, nullptr) != 1)
        throw PgError("08006", trimmedMessage(PQerrorMessage(mConn)));
    // The COPY's own result, then the end of the command.
    while (PGresult* done = PQgetResult(mConn)) {
        const ExecStatusType status = PQresultStatus(done);
        if (status != PGRES_COMMAND_OK) {
            PgError e = errorOf(done, mConn);
            PQclear(done);
            while (PGresult* rest = PQgetResult(mConn))
                PQclear(rest);
            throw e;
        }
        PQclear(done);
    }
}

void PgConnection::appendCopyField(std::string& line, const std::optional<std::string_view>& value)
{
    if (!value) {
        line += "\\N";
        return;
    }
    for (char c : *value) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
}

void PgConnection::appendHex(std::string& line, std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    const std::size_t start = line.size();
    line.resize(start + 2 * bytes.size());
    char* out = line.data() + start;
    for (unsigned char b : bytes) {
        *out++ = kDigits[b >> 4];
        *out++ = kDigits[b & 15];
    }
}

std::string PgConnection::quoteIdentifier(const std::string& name) const
{
    char* quoted = PQescapeIdentifier(mConn, name.c_str(), name.size());
    if (!quoted)
        throw PgError("22000", trimmedMessage(PQerrorMessage(mConn)));
    std::string out(quoted);
    PQfreemem(quoted);
    return out;
}

PgTransaction::PgTransaction(PgConnection& db, const std::string& begin) : mDb(db)
{
    mDb.exec(begin);
}

PgTransaction::~PgTransaction()
{
    if (mOpen) {
        try {
            mDb.exec("ROLLBACK");
        } catch (...) {
            // The connection is gone: the server rolls back on its own.
        }
    }
}

void PgTransaction::commit()
{
    mDb.exec("COMMIT");
    mOpen = false;
}

double pgBinaryDouble(std::string_view bytes)
{
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < 8 && i < bytes.size(); ++i)
        bits = (bits << 8) | static_cast<unsigned char>(bytes[i]);
    double out;
    std::memcpy(&out, &bits, sizeof out);
    return out;
}

} // namespace gis::detail
