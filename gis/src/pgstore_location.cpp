// A PostgreSQL project location: the libpq URI with its `project` query parameter taken out
// and checked. Passwords are refused in the location (they come from ~/.pgpass, PGPASSFILE or
// PGPASSWORD), so no location string can carry one into a log or a message.
#include "detail/pgstore.h"

#include "gis/error.h"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <set>

namespace gis::detail {

namespace {

std::string percentDecoded(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            int v = 0;
            const auto [end, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
            if (ec == std::errc() && end == s.data() + i + 3) {
                out += static_cast<char>(v);
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

bool validProjectName(const std::string& name)
{
    if (name.empty() || name.size() > 50 || !(name[0] >= 'a' && name[0] <= 'z'))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

} // namespace

bool isPostgresUri(const std::string& location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

ServerLocation parseServerLocation(const std::string& location)
{
    ServerLocation loc;
    loc.display = location;
    const std::size_t scheme = location.find("://");
    if (!isPostgresUri(location) || scheme == std::string::npos)
        throw ProjectError("'" + location
                           + "' is not a PostgreSQL URI; write postgresql://USER@HOST:PORT/DATABASE?project=NAME");
    const std::size_t query = location.find('?');
    const std::string authority = location.substr(scheme + 3, location.find_first_of("/?", scheme + 3) - (scheme + 3));
    const std::size_t at = authority.rfind('@');
    if (at != std::string::npos && authority.substr(0, at).find(':') != std::string::npos) {
        // Never echo it: the location shown is cut before the user part.
        loc.display = location.substr(0, scheme + 3) + "…" + location.substr(scheme + 3 + at);
        throw ProjectError("the PostgreSQL URI '" + loc.display
                           + "' carries a password; remove it and keep the "
                             "password in ~/.pgpass (or PGPASSFILE, PGPASSWORD)");
    }
    {
        // libpq reads a bad port only when connecting, with a message about the connection.
        const std::string hosts = at == std::string::npos ? authority : authority.substr(at + 1);
        const std::size_t colon = hosts.rfind(':');
        const std::size_t bracket = hosts.rfind(']');
        if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
            const std::string port = hosts.substr(colon + 1);
            if (port.empty() || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
                throw ProjectError("malformed PostgreSQL URI '" + location + "': port '" + port
                                   + "' is not a number; write postgresql://USER@HOST:PORT/DATABASE?project=NAME");
        }
    }
    std::string base = location.substr(0, query);
    std::vector<std::string> kept;
    if (query != std::string::npos) {
        const std::string params = location.substr(query + 1);
        std::size_t start = 0;
        while (start <= params.size()) {
            const std::size_t amp = std::min(params.find('&', start), params.size());
            const std::string param = params.substr(start, amp - start);
            start = amp + 1;
            if (param.empty())
                continue;
            const std::size_t eq = param.find('=');
            const std::string key = param.substr(0, eq);
            if (key == "project")
                loc.project = eq == std::string::npos ? std::string() : percentDecoded(param.substr(eq + 1));
            else if (key == "password")
                throw ProjectError("the PostgreSQL URI carries a password; remove it and keep the password in "
                                   "~/.pgpass (or PGPASSFILE, PGPASSWORD)");
            else
                kept.push_back(param);
        }
    }
    if (loc.project.empty())
        throw ProjectError("the PostgreSQL URI '" + location
                           + "' names no project; add ?project=NAME "
                             "(e.g. postgresql://sasaran@127.0.0.1:5432/sasaran?project=tanggamus)");
    if (!validProjectName(loc.project))
        throw ProjectError("project name '" + loc.project + "' in '" + location
                           + "' is not usable as a schema "
                             "name; use lower-case letters, digits and _ (starting with a letter, at most 50)");
    bool timeout = false;
    for (const std::string& p : kept)
        timeout = timeout || p.rfind("connect_timeout=", 0) == 0;
    if (!timeout)
        kept.emplace_back("connect_timeout=10");
    kept.emplace_back("application_name=sasaran");
    loc.conninfo = base;
    for (std::size_t i = 0; i < kept.size(); ++i)
        loc.conninfo += (i == 0 ? "?" : "&") + kept[i];

    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(loc.conninfo.c_str(), &error);
    if (!options) {
        std::string why = error ? error : "not a connection URI";
        if (error)
            PQfreemem(error);
        while (!why.empty() && why.back() == '\n')
            why.pop_back();
        throw ProjectError("malformed PostgreSQL URI '" + location + "': " + why
                           + "; write postgresql://USER@HOST:PORT/DATABASE?project=NAME");
    }
    PQconninfoFree(options);
    return loc;
}

} // namespace gis::detail
