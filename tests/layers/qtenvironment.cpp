// A QGuiApplication for the whole test_layers run (text rendering needs one). test_layers links
// GTest::gtest_main, so the application is created by a global test environment registered
// from a static initializer; QT_QPA_PLATFORM=offscreen comes from ctest (set here if missing).
#include <QGuiApplication>

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>

namespace {

class QtEnvironment : public ::testing::Environment {
public:
    void SetUp() override
    {
        if (QGuiApplication::instance())
            return;
        if (!std::getenv("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        mApp = std::make_unique<QGuiApplication>(sArgc, sArgv);
    }
    void TearDown() override { mApp.reset(); }

private:
    static inline char sName[] = "test_layers";
    static inline char* sArgv[] = {sName, nullptr};
    static inline int sArgc = 1;
    std::unique_ptr<QGuiApplication> mApp;
};

[[maybe_unused]] ::testing::Environment* const kQtEnvironment = ::testing::AddGlobalTestEnvironment(new QtEnvironment);

} // namespace
