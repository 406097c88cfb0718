#pragma once
// The project store suite: the same tests for every ProjectStore (the SpatiaLite file, the
// PostgreSQL server). A backend instantiates it with its own factory:
//
//   using storetest::StoreSuite;
//   INSTANTIATE_TEST_SUITE_P(File, StoreSuite, ::testing::Values(fileStoreFactory()), storeFactoryName);
//
// The tests are in storesuite.cpp; a factory that cannot run (no server) makes location() call
// GTEST_SKIP through skipReason.
#include "gis/store.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace storetest {

struct StoreFactory {
    std::string name;
    /// A location where no project exists yet, unique for \a tag within one test run.
    std::function<std::string(const std::string& tag)> location;
    /// Non-empty: why this store cannot be tested here (the suite then skips with it).
    std::function<std::string()> skipReason = [] { return std::string(); };
};

inline std::string storeFactoryName(const ::testing::TestParamInfo<StoreFactory>& info)
{
    return info.param.name;
}

class StoreSuite : public ::testing::TestWithParam<StoreFactory> {
protected:
    void SetUp() override
    {
        if (const std::string why = GetParam().skipReason(); !why.empty())
            GTEST_SKIP() << why;
    }
    std::string location(const std::string& tag) const { return GetParam().location(tag); }
};

/// A small two-regency project: 18.06 (two pekon under kecamatan 18.06.01) and 18.10 (one
/// pekon), squares of 0.1 degree at the equator, two values each, one facility each.
gis::Dataset twoRegencies();

} // namespace storetest
