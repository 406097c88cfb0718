#include "ui/sharedprojects.h"

#include "gis/error.h"
#include "gis/projectcopy.h"
#include "gis/serveraccess.h"
#include "layers/numberformat.h"
#include "ui/language.h"
#include "ui/projectactions.h"
#include "ui/serverdialog.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimeZone>
#include <QToolBar>
#include <QWidget>

namespace app {
namespace ui {

namespace {

constexpr const char* kEditingProperty = "sasaranEdits";
const QString kLastServerKey = QStringLiteral("server/lastLocation");

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

void markEditing(QObject* actionOrWidget)
{
    if (actionOrWidget)
        actionOrWidget->setProperty(kEditingProperty, true);
}

bool isMarkedEditing(const QObject* object)
{
    return object && object->property(kEditingProperty).toBool();
}

QString formatChangeTime(const QString& isoUtc)
{
    QDateTime utc = QDateTime::fromString(isoUtc, Qt::ISODate);
    if (!utc.isValid())
        return {};
    utc.setTimeZone(QTimeZone::utc());
    const QDateTime local = utc.toLocalTime();
    const QDate d = local.date();
    if (currentLanguage() == UiLanguage::Indonesian)
        return qs(layers::formatDateId(d.year(), d.month(), d.day())) + QLatin1Char(' ')
            + local.time().toString(QStringLiteral("HH.mm"));
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(local, QStringLiteral("d MMMM yyyy HH:mm"));
}

SharedProjects::SharedProjects(Workspace* workspace, ProjectActions* projects, QMainWindow* window)
        : QObject(window), mWorkspace(workspace), mProjects(projects), mWindow(window)
{
    connect(mWorkspace, &Workspace::projectChanged, this, &SharedProjects::refresh);
    connect(mWorkspace, &Workspace::projectDataChanged, this, &SharedProjects::refresh);
}

void SharedProjects::addActions(QMenu* file)
{
    auto add = [&](const QString& text, const char* name, void (SharedProjects::*slot)()) {
        QAction* a = file->addAction(text, this, slot);
        a->setObjectName(QString::fromLatin1(name));
        return a;
    };
    file->addSeparator();
    add(tr("Open a &server project…"), "actionOpenServer", &SharedProjects::chooseOpenServer);
    add(tr("Copy this project &to the server…"), "actionCopyToServer", &SharedProjects::chooseCopyToServer);
    add(tr("Copy a server project to a &file…"), "actionCopyFromServer", &SharedProjects::chooseCopyFromServer);
    markEditing(add(tr("&Rename the project…"), "actionRenameProject", &SharedProjects::renameProject));
}

void SharedProjects::install()
{
    // The window rebuilt its toolbars and status bar (a language switch): make ours again.
    delete mReadOnlyBar;
    delete mLastChange;
    mReadOnlyBar = new QToolBar(tr("Read-only note"), mWindow);
    mReadOnlyBar->setObjectName(QStringLiteral("readOnlyBar"));
    mReadOnlyBar->setMovable(false);
    mReadOnlyBar->setFloatable(false);
    mReadOnlyBar->setStyleSheet(
        QStringLiteral("QToolBar#readOnlyBar { background: #fff4c2; border-bottom: 1px solid #e0c060; }"));
    mReadOnlyNote = new QLabel(mReadOnlyBar);
    mReadOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    mReadOnlyNote->setContentsMargins(8, 4, 8, 4);
    mReadOnlyNote->setStyleSheet(QStringLiteral("color: #5a4300;"));
    mReadOnlyBar->addWidget(mReadOnlyNote);
    mWindow->addToolBarBreak(Qt::TopToolBarArea);
    mWindow->addToolBar(Qt::TopToolBarArea, mReadOnlyBar);
    mLastChange = new QLabel(mWindow);
    mLastChange->setObjectName(QStringLiteral("lastChangeLabel"));
    mWindow->statusBar()->addPermanentWidget(mLastChange);
    refresh();
}

QString SharedProjects::lastChangeText() const
{
    const auto stamp = mWorkspace->lastChange();
    if (!stamp)
        return {};
    const QString when = formatChangeTime(qs(stamp->utc));
    if (stamp->user.empty())
        return tr("Last changed %1").arg(when);
    return tr("Last changed by %1, %2").arg(qs(stamp->user), when);
}

void SharedProjects::refresh()
{
    const bool editable = mWorkspace->canEdit();
    const QString reason = mWorkspace->hasProject() && !editable ? mWorkspace->readOnlyReason() : QString();
    if (mReadOnlyNote) {
        mReadOnlyNote->setText(tr("Read only: %1 Editing is turned off.").arg(reason));
        mReadOnlyBar->setVisible(!reason.isEmpty());
    }
    for (QAction* a : mWindow->findChildren<QAction*>())
        if (isMarkedEditing(a)) {
            a->setEnabled(editable);
            a->setToolTip(reason);
        }
    for (QWidget* w : mWindow->findChildren<QWidget*>())
        if (isMarkedEditing(w)) {
            w->setEnabled(editable);
            w->setToolTip(reason);
        }
    if (mLastChange)
        mLastChange->setText(lastChangeText());
}

QString SharedProjects::rememberedLocation() const
{
    return QSettings().value(kLastServerKey).toString();
}

void SharedProjects::rememberLocation(const QString& location)
{
    // The location carries no password (the dialog never puts one in it).
    QSettings().setValue(kLastServerKey, location);
}

bool SharedProjects::openServer(const QString& location, const QString& password)
{
    const std::string where = location.toStdString();
    const bool given = !password.isEmpty();
    if (given)
        gis::setServerPassword(where, password.toStdString());
    if (!mProjects->open(location)) {
        if (given)
            gis::forgetServerPassword(where);
        return false;
    }
    rememberLocation(location);
    return true;
}

bool SharedProjects::copyToServer(const QString& location, const QString& password, bool replace)
{
    if (!mWorkspace->hasProject())
        return false;
    if (!password.isEmpty())
        gis::setServerPassword(location.toStdString(), password.toStdString());
    const std::string source = mWorkspace->storeLocation().toStdString();
    // A project with no store (set in memory) is copied from what the window holds.
    std::optional<gis::Dataset> held;
    if (source.empty())
        held = *mWorkspace->dataset();
    auto result = std::make_shared<gis::ProjectCopyResult>();
    const bool copied = mProjects->runInBackground(
        tr("Copying the project to the server…"),
        [source, held, result, to = location.toStdString(), replace] {
            *result = held ? gis::copyDatasetToProject(*held, to, replace) : gis::copyProject(source, to, replace);
        },
        location, static_cast<int>(UserAction::SaveProject));
    if (!copied)
        return false;
    rememberLocation(location);
    mProjects->addRecent(location);
    QString text = tr("Copied %1 areas, %2 facilities and %3 values to %4")
                       .arg(formatCount(static_cast<long long>(result->areas)),
                            formatCount(static_cast<long long>(result->facilities)),
                            formatCount(static_cast<long long>(result->values)), qs(result->destination));
    if (result->rastersCopied > 0)
        text += tr("; %n raster(s) (elevation, land cover, population)", "", static_cast<int>(result->rastersCopied));
    emit mProjects->message(text);
    return true;
}

bool SharedProjects::copyFromServer(const QString& location, const QString& password, const QString& path)
{
    if (!password.isEmpty())
        gis::setServerPassword(location.toStdString(), password.toStdString());
    auto result = std::make_shared<gis::ProjectCopyResult>();
    const bool copied = mProjects->runInBackground(
        tr("Copying the server project to a file…"),
        [result, from = location.toStdString(), to = path.toStdString()] {
            *result = gis::copyProject(from, to, true);
        },
        path, static_cast<int>(UserAction::SaveProject));
    if (!copied)
        return false;
    rememberLocation(location);
    mProjects->addRecent(path);
    emit mProjects->message(tr("Copied %1 areas, %2 facilities and %3 values to %4")
                                .arg(formatCount(static_cast<long long>(result->areas)),
                                     formatCount(static_cast<long long>(result->facilities)),
                                     formatCount(static_cast<long long>(result->values)), QFileInfo(path).fileName()));
    return true;
}

void SharedProjects::chooseOpenServer()
{
    ServerProjectDialog dialog(tr("Open a server project"),
                               tr("A project shared on the office's PostgreSQL server. You see what your user may "
                                  "see; if you may only read it, editing is turned off."),
                               mWindow);
    dialog.setLocation(rememberedLocation());
    if (dialog.exec() == QDialog::Accepted)
        openServer(dialog.location(), dialog.password());
}

void SharedProjects::chooseCopyToServer()
{
    if (!mWorkspace->hasProject())
        return;
    ServerProjectDialog dialog(tr("Copy this project to the server"),
                               tr("The whole project is copied in one step to a new project on the server; the "
                                  "project open here stays as it is."),
                               mWindow);
    dialog.setLocation(rememberedLocation());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString location = dialog.location();
    bool replace = false;
    try {
        if (!dialog.password().isEmpty())
            gis::setServerPassword(location.toStdString(), dialog.password().toStdString());
        replace = gis::projectExists(location.toStdString());
    } catch (const std::exception&) {
        // Said by the copy itself, with the server's reason.
    }
    if (replace
        && QMessageBox::question(mWindow, tr("Copy this project to the server"),
                                 tr("A project named %1 already exists on the server. Replace it with this one?")
                                     .arg(dialog.projectEdit()->text()))
            != QMessageBox::Yes)
        return;
    copyToServer(location, dialog.password(), replace);
}

void SharedProjects::chooseCopyFromServer()
{
    ServerProjectDialog dialog(tr("Copy a server project to a file"),
                               tr("The whole server project is copied into a project file on this computer, to "
                                  "work on it without the network."),
                               mWindow);
    dialog.setLocation(rememberedLocation());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(mWindow, tr("Save the copy as"),
                                                      dialog.projectEdit()->text() + QStringLiteral(".sasaran.sqlite"),
                                                      tr("Sasaran projects (*.sasaran.sqlite)"));
    if (!path.isEmpty())
        copyFromServer(dialog.location(), dialog.password(), path);
}

void SharedProjects::renameProject()
{
    if (!mWorkspace->canEdit())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(mWindow, tr("Rename the project"), tr("Name shown on maps and in the meeting pack:"),
                              QLineEdit::Normal, qs(mWorkspace->dataset()->metaValue("dataset_name")), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    gis::ProjectChanges changes;
    changes.meta["dataset_name"] = name.toStdString();
    try {
        mWorkspace->commit(changes);
        emit mProjects->message(tr("The project is now named %1").arg(name));
    } catch (const std::exception& e) {
        QMessageBox::warning(mWindow, UserMessages::title(UserAction::SaveProject),
                             UserMessages::forError(e, UserAction::SaveProject, mWorkspace->location()));
    }
}

} // namespace ui
} // namespace app
