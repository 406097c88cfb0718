// The shared store suite (storesuite.cpp) on the PostgreSQL/PostGIS store: the server of
// SASARAN_TEST_PG_URI (scripts/test.sh starts a throwaway one); skipped with a message without it.
#include "../../gis/src/detail/pg.h"
#include "storesuite.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace {

std::string serverUri()
{
    const char* uri = std::getenv("SASARAN_TEST_PG_URI");
    return uri ? uri : "";
}

storetest::StoreFactory serverStoreFactory()
{
    storetest::StoreFactory f;
    f.name = "PostGIS";
    f.location = [](const std::string& tag) {
        // A schema name of its own for this process and tag, dropped first if a run left it.
        std::string name = "s" + std::to_string(::getpid()) + "_";
        for (char c : tag)
            name += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c
                : (c >= 'A' && c <= 'Z')                             ? static_cast<char>(c - 'A' + 'a')
                                                                     : '_';
        name.resize(std::min<std::size_t>(name.size(), 50));
        gis::detail::PgConnection db(serverUri());
        db.exec("DROP SCHEMA IF EXISTS " + db.quoteIdentifier(name) + " CASCADE");
        return serverUri() + "?project=" + name;
    };
    f.skipReason = [] {
        return serverUri().empty() ? std::string("SASARAN_TEST_PG_URI is not set: no PostgreSQL server for the "
                                                 "PostGIS store (scripts/test.sh starts one)")
                                   : std::string();
    };
    return f;
}

} // namespace

using storetest::StoreSuite;
INSTANTIATE_TEST_SUITE_P(PostGIS, StoreSuite, ::testing::Values(serverStoreFactory()), storetest::storeFactoryName);
