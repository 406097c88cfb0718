// Shared projects in the window, driven through the real widgets: the connection dialog filled
// with key clicks opens a server project (a throwaway PostgreSQL from scripts/pgtest.sh through
// SASARAN_TEST_PG_URI; skipped without it), a reader's project shows the read-only note with
// editing disabled, the password is kept nowhere, and the status bar names who changed the
// project last. Without a server: the last change of a file project and the date format.
#include "../../gis/src/detail/pg.h"

#include "gis/demo.h"
#include "gis/error.h"
#include "gis/project.h"
#include "gis/serveraccess.h"
#include "gis/store.h"
#include "testutil.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/serverdialog.h"
#include "ui/sharedprojects.h"
#include "ui/workspace.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>

using app::ui::MainWindow;
using app::ui::ServerProjectDialog;

namespace {

const char* const kPassword = "rahasia-uji-42";

std::string serverUri()
{
    const char* uri = std::getenv("SASARAN_TEST_PG_URI");
    return uri ? uri : "";
}

#define REQUIRE_SERVER()                                                                                               \
    if (serverUri().empty())                                                                                           \
    GTEST_SKIP() << "SASARAN_TEST_PG_URI is not set: no PostgreSQL server for the shared-project tests "               \
                    "(scripts/test.sh starts one)"

std::string projectName(const std::string& test)
{
    return "ui" + std::to_string(::getpid()) + "_" + test;
}

/// The server URI as another role (the test cluster trusts local connections).
std::string uriAs(const std::string& role)
{
    const std::string base = serverUri();
    const std::size_t start = base.find("://") + 3;
    return base.substr(0, start) + role + base.substr(base.find('@', start));
}

/// A small project: the example's first kecamatan only, to keep the server copy quick.
gis::Dataset smallProject()
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const std::string kecamatan = ds.villages().front()->parentCode;
    std::erase_if(ds.areas, [&](const gis::Area& a) {
        return a.kind != "kabupaten" && a.code != kecamatan && a.parentCode != kecamatan;
    });
    std::erase_if(ds.indicators, [&](const gis::IndicatorValue& v) { return !ds.findArea(v.areaCode); });
    std::erase_if(ds.facilities, [&](const gis::Facility& f) { return !ds.findArea(f.areaCode); });
    ds.aliases.clear();
    ds.programs.clear();
    return ds;
}

void dropProject(const std::string& name)
{
    gis::detail::PgConnection db(serverUri());
    db.exec("DROP SCHEMA IF EXISTS " + db.quoteIdentifier(name) + " CASCADE");
}

/// Runs \a fill on the dialog that \a trigger opens (modal), as the user would.
void withDialog(const std::function<void()>& trigger, const std::function<void(QWidget*)>& fill)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        seen = true;
        fill(modal);
    });
    trigger();
    EXPECT_TRUE(seen) << "the dialog opened";
}

/// Types the server of \a uri (as \a role, with \a password) into the connection dialog and clicks OK.
void fillServerDialog(QWidget* modal, const std::string& uri, const std::string& project, const QString& password)
{
    auto* dialog = qobject_cast<ServerProjectDialog*>(modal);
    ASSERT_NE(dialog, nullptr) << "the connection dialog";
    const QUrl url(QString::fromStdString(uri));
    auto type = [](QLineEdit* edit, const QString& text) {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    };
    type(dialog->hostEdit(), url.host());
    type(dialog->portEdit(), QString::number(url.port(5432)));
    type(dialog->databaseEdit(), url.path().mid(1));
    type(dialog->userEdit(), url.userName());
    type(dialog->projectEdit(), QString::fromStdString(project));
    type(dialog->passwordEdit(), password);
    EXPECT_EQ(dialog->passwordEdit()->echoMode(), QLineEdit::Password);
    ASSERT_TRUE(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
}

QAction* action(const MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QString::fromLatin1(name));
}

/// Every value kept in QSettings, as text.
QString allSettings()
{
    QSettings settings;
    QString all;
    for (const QString& key : settings.allKeys())
        all += key + QLatin1Char('=') + settings.value(key).toStringList().join(QLatin1Char(';'))
            + settings.value(key).toString() + QLatin1Char('\n');
    return all;
}

QString osUser()
{
    QString name;
    if (FILE* p = popen("id -un", "r")) {
        char buffer[256];
        if (fgets(buffer, sizeof buffer, p))
            name = QString::fromLocal8Bit(buffer).trimmed();
        pclose(p);
    }
    return name;
}

const QRegularExpression kIndonesianTime(
    QStringLiteral("\\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) "
                   "\\d{4} \\d{2}\\.\\d{2}$"));

} // namespace

TEST(SharedProjects, ChangeTimesReadAsPlannersWriteThem)
{
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    const QDateTime local = QDateTime::fromString(QStringLiteral("2026-12-01T14:05:00Z"), Qt::ISODate).toLocalTime();
    const QString expected = QStringLiteral("%1 Desember 2026 %2")
                                 .arg(local.date().day())
                                 .arg(local.time().toString(QStringLiteral("HH.mm")));
    EXPECT_EQ(app::ui::formatChangeTime(QStringLiteral("2026-12-01T14:05:00Z")), expected);
    EXPECT_TRUE(app::ui::formatChangeTime(QStringLiteral("bukan waktu")).isEmpty());
}

TEST(SharedProjects, AFileProjectNamesItsLastWriterAndTheRenameEditIsRecorded)
{
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    MainWindow window;
    window.openDefaultDataset();
    QLabel* label = window.sharedProjects()->lastChangeLabel();
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().startsWith(QStringLiteral("Terakhir diubah oleh ") + osUser() + QStringLiteral(", ")))
        << label->text().toStdString();
    EXPECT_TRUE(kIndonesianTime.match(label->text()).hasMatch()) << label->text().toStdString();
    EXPECT_TRUE(window.sharedProjects()->readOnlyBar()->isHidden()) << "the example may be edited";
    QAction* rename = action(window, "actionRenameProject");
    ASSERT_NE(rename, nullptr);
    EXPECT_TRUE(rename->isEnabled());
    withDialog([&] { rename->trigger(); },
               [](QWidget* modal) {
                   auto* input = qobject_cast<QInputDialog*>(modal);
                   ASSERT_NE(input, nullptr);
                   auto* edit = input->findChild<QLineEdit*>();
                   edit->selectAll();
                   QTest::keyClicks(edit, QStringLiteral("Rakor Desember"));
                   input->accept();
               });
    EXPECT_EQ(window.dataset()->metaValue("dataset_name"), "Rakor Desember") << "committed and read back";
    const auto stored = gis::openProject(window.workspace()->storeLocation().toStdString(), gis::OpenMode::ReadOnly);
    EXPECT_EQ(stored->read().metaValue("dataset_name"), "Rakor Desember");
    EXPECT_EQ(QString::fromStdString(stored->lastChange()->user), osUser());
}

TEST(SharedProjects, TheDialogOpensAServerProjectAndThePasswordIsKeptNowhere)
{
    REQUIRE_SERVER();
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    const std::string name = projectName("open");
    dropProject(name);
    gis::createProject(serverUri() + "?project=" + name, smallProject());
    const std::string owner = QUrl(QString::fromStdString(serverUri())).userName().toStdString();

    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    withDialog([&] { action(window, "actionOpenServer")->trigger(); },
               [&](QWidget* modal) { fillServerDialog(modal, serverUri(), name, QString::fromLatin1(kPassword)); });
    ASSERT_TRUE(window.workspace()->hasProject());
    EXPECT_EQ(window.dataset()->villages().size(), smallProject().villages().size());
    EXPECT_TRUE(window.workspace()->canEdit()) << "the owner may write";
    EXPECT_FALSE(window.sharedProjects()->readOnlyBar()->isVisible());
    EXPECT_TRUE(action(window, "actionRenameProject")->isEnabled());
    const QString location = window.workspace()->location();
    EXPECT_TRUE(location.startsWith(QStringLiteral("postgresql://"))) << location.toStdString();
    EXPECT_TRUE(location.endsWith(QStringLiteral("?project=") + QString::fromStdString(name)));
    EXPECT_TRUE(window.windowTitle().contains(QString::fromStdString(name))) << window.windowTitle().toStdString();

    // Kept nowhere: not in the location, the title, the recent list, any setting or the status bar.
    const QString recent = QSettings().value(QStringLiteral("recentProjects")).toStringList().join(QLatin1Char('\n'));
    EXPECT_TRUE(recent.contains(location)) << "the server project is a recent project, by its URI";
    for (const QString& text :
         {location, window.workspace()->storeLocation(), window.windowTitle(), recent, allSettings(),
          window.statusBar()->currentMessage(), window.sharedProjects()->lastChangeText()})
        EXPECT_FALSE(text.contains(QString::fromLatin1(kPassword))) << text.toStdString();
    EXPECT_EQ(gis::serverPassword(location.toStdString()).value_or(""), kPassword)
        << "in this process's memory, for the session's connections";

    // The status bar names the last writer: the owner who created it.
    const QString last = window.sharedProjects()->lastChangeLabel()->text();
    EXPECT_TRUE(last.startsWith(QStringLiteral("Terakhir diubah oleh %1, ").arg(QString::fromStdString(owner))))
        << last.toStdString();
    EXPECT_TRUE(kIndonesianTime.match(last).hasMatch()) << last.toStdString();
    gis::forgetServerPassword(location.toStdString());
    window.close();
    dropProject(name);
}

TEST(SharedProjects, AReadersProjectOpensReadOnlyWithTheNoteAndEditingDisabled)
{
    REQUIRE_SERVER();
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    const std::string name = projectName("reader");
    const std::string reader = name + "_pembaca", editor = name + "_editor";
    dropProject(name);
    gis::detail::PgConnection db(serverUri());
    db.exec("DROP ROLE IF EXISTS " + reader + "; CREATE ROLE " + reader + " LOGIN");
    db.exec("DROP ROLE IF EXISTS " + editor + "; CREATE ROLE " + editor + " LOGIN");
    const std::string location = serverUri() + "?project=" + name;
    gis::createProject(location, smallProject());
    gis::grantProjectAccess(location, reader, gis::ProjectAccess::Reader);
    gis::grantProjectAccess(location, editor, gis::ProjectAccess::Editor);
    {
        // The editor writes last: the reader's window names the editor.
        auto asEditor = gis::openProject(uriAs(editor) + "?project=" + name, gis::OpenMode::ReadWrite);
        gis::ProjectChanges c;
        c.meta["catatan"] = "diubah editor";
        asEditor->write(c);
    }

    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    withDialog([&] { action(window, "actionOpenServer")->trigger(); },
               [&](QWidget* modal) { fillServerDialog(modal, uriAs(reader), name, QString()); });
    ASSERT_TRUE(window.workspace()->hasProject());
    EXPECT_FALSE(window.workspace()->canEdit());
    const QString reason = window.workspace()->readOnlyReason();
    EXPECT_FALSE(reason.isEmpty());
    // A visible note above the map says why.
    QToolBar* bar = window.sharedProjects()->readOnlyBar();
    EXPECT_TRUE(bar->isVisible());
    EXPECT_TRUE(window.sharedProjects()->readOnlyNote()->text().contains(reason))
        << window.sharedProjects()->readOnlyNote()->text().toStdString();
    EXPECT_TRUE(window.sharedProjects()->readOnlyNote()->text().startsWith(QStringLiteral("Hanya baca")))
        << window.sharedProjects()->readOnlyNote()->text().toStdString();
    // Every action marked as editing is disabled, with the reason as its tooltip.
    int marked = 0;
    for (QAction* a : window.findChildren<QAction*>())
        if (app::ui::isMarkedEditing(a)) {
            ++marked;
            EXPECT_FALSE(a->isEnabled()) << a->objectName().toStdString();
            EXPECT_EQ(a->toolTip(), reason);
        }
    EXPECT_GE(marked, 1);
    EXPECT_FALSE(action(window, "actionRenameProject")->isEnabled());
    EXPECT_TRUE(action(window, "actionOpenServer")->isEnabled()) << "opening another project is not editing";
    gis::ProjectChanges c;
    c.meta["catatan"] = "pembaca";
    EXPECT_THROW(window.workspace()->commit(c), gis::ProjectError);
    EXPECT_EQ(window.dataset()->metaValue("catatan"), "diubah editor");
    const QString last = window.sharedProjects()->lastChangeLabel()->text();
    EXPECT_TRUE(last.startsWith(QStringLiteral("Terakhir diubah oleh %1, ").arg(QString::fromStdString(editor))))
        << last.toStdString();

    // Opening a project the user may write turns editing on again and hides the note.
    window.openDefaultDataset();
    EXPECT_FALSE(bar->isVisible());
    EXPECT_TRUE(action(window, "actionRenameProject")->isEnabled());
    window.close();
    dropProject(name);
    db.exec("DROP ROLE " + reader + "; DROP ROLE " + editor);
}

TEST(SharedProjects, CopyTheOpenProjectToTheServerAndBackToAFile)
{
    REQUIRE_SERVER();
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    const std::string name = projectName("copy");
    dropProject(name);
    const auto dir = testutil::tempDir("ui_shared_copy");
    const std::string file = (dir / "kecil.sasaran.sqlite").string();
    gis::createProject(file, smallProject(), true);

    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.openProject(QString::fromStdString(file)));
    withDialog([&] { action(window, "actionCopyToServer")->trigger(); },
               [&](QWidget* modal) { fillServerDialog(modal, serverUri(), name, QString()); });
    const std::string location = serverUri() + "?project=" + name;
    const gis::Dataset onServer = gis::openProject(location, gis::OpenMode::ReadOnly)->read();
    EXPECT_EQ(onServer.areas.size(), smallProject().areas.size());
    EXPECT_EQ(onServer.indicators.size(), smallProject().indicators.size());
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QString::number(onServer.areas.size())))
        << window.statusBar()->currentMessage().toStdString();
    EXPECT_EQ(window.workspace()->location(), QString::fromStdString(file)) << "the open project stays";

    const std::string back = (dir / "kembali.sasaran.sqlite").string();
    ASSERT_TRUE(window.sharedProjects()->copyFromServer(QString::fromStdString(location), QString(),
                                                        QString::fromStdString(back)));
    const gis::Dataset copied = gis::openProject(back, gis::OpenMode::ReadOnly)->read();
    EXPECT_EQ(copied.areas.size(), onServer.areas.size());
    EXPECT_EQ(copied.facilities.size(), onServer.facilities.size());
    EXPECT_EQ(copied.indicators.size(), onServer.indicators.size());
    window.close();
    dropProject(name);
}
