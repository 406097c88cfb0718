// test_app's main: a QApplication (offscreen) for the widget tests, then GoogleTest.
#include <QApplication>
#include <QSettings>
#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication application(argc, argv);
    // the desktop keeps its language and recent projects in QSettings: keep the tests' apart
    QApplication::setOrganizationName("SasaranTest");
    QApplication::setApplicationName("test_app");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, SASARAN_TEST_TMP_DIR "/settings");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
