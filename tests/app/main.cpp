// test_app's main: a QApplication (offscreen) for the widget tests, then GoogleTest.
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication application(argc, argv);
    // the desktop keeps its language and recent projects in QSettings: keep the tests' apart from
    // the user's, and each test process apart from the others (ctest runs them side by side; one
    // switching the language to English must not be read by another)
    QApplication::setOrganizationName("SasaranTest");
    QApplication::setApplicationName("test_app");
    const std::string settingsDir = SASARAN_TEST_TMP_DIR "/settings-" + std::to_string(getpid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, QString::fromStdString(settingsDir));
    ::testing::InitGoogleTest(&argc, argv);
    const int result = RUN_ALL_TESTS();
    QDir(QString::fromStdString(settingsDir)).removeRecursively();
    return result;
}
