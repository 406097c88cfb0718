#pragma once
/// \file sharedprojects.h
/// Shared (PostgreSQL/PostGIS) projects in the window: "open a server project…" through the
/// connection dialog, copying the open project to the server and a server project to a file
/// (gis/projectcopy.h, the code of the CLI's `copy`), the read-only note shown above the map
/// when the project cannot be changed (with every editing action disabled), and who last
/// changed the project and when in the status bar.
///
/// Passwords typed in the dialog go to gis::setServerPassword (this process's memory) and
/// nowhere else: not in a location, the recent list, QSettings, the title or a message.
/// \note GUI thread only.
#include "gis/store.h"

#include <QLabel>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QToolBar>

#include <optional>

class QAction;
class QMainWindow;
class QMenu;

namespace app {
namespace ui {

class ProjectActions;
class Workspace;

/// \brief Marks \a actionOrWidget as changing the project: it is disabled (with the reason as its
/// tooltip) while the open project cannot be edited. Panels mark their save/import/commit actions.
void markEditing(QObject* actionOrWidget);
/// \brief True when \a object was marked with markEditing().
bool isMarkedEditing(const QObject* object);

/// \brief "1 Desember 2026 14.05" (Indonesian UI) or "1 December 2026 14:05" of an ISO 8601 UTC
/// time, in the local time zone; "" when \a isoUtc is not a time.
QString formatChangeTime(const QString& isoUtc);

class SharedProjects : public QObject {
    Q_OBJECT
public:
    SharedProjects(Workspace* workspace, ProjectActions* projects, QMainWindow* window);

    /// \brief Adds the server actions and the project-name edit to the File menu.
    void addActions(QMenu* file);
    /// \brief (Re)creates the read-only note and the status-bar line in the window (after its
    /// toolbars and status bar were rebuilt) and applies the current state.
    void install();

    /// \brief Opens the server project at \a location, giving libpq \a password (kept in memory only;
    /// "" = ~/.pgpass) for this session. False (with a message box) on error.
    bool openServer(const QString& location, const QString& password);
    /// \brief Copies the open project to a new server project at \a location. \a replace: over an
    /// existing one. False (with a message box) on error.
    bool copyToServer(const QString& location, const QString& password, bool replace = false);
    /// \brief Copies the server project at \a location to the project file \a path (replaced when it exists).
    bool copyFromServer(const QString& location, const QString& password, const QString& path);

    /// \brief The status bar's line: "Terakhir diubah oleh budi, 1 Desember 2026 14.05" ("" when unknown).
    QString lastChangeText() const;
    QLabel* lastChangeLabel() const { return mLastChange; }
    QToolBar* readOnlyBar() const { return mReadOnlyBar; }
    QLabel* readOnlyNote() const { return mReadOnlyNote; }

    /// \brief Shows or hides the note, enables or disables the marked actions and refreshes the
    /// last-change line.
    void refresh();

private:
    void chooseOpenServer();
    void chooseCopyToServer();
    void chooseCopyFromServer();
    void renameProject();
    QString rememberedLocation() const;
    void rememberLocation(const QString& location);

    Workspace* mWorkspace;
    ProjectActions* mProjects;
    QMainWindow* mWindow;
    QPointer<QToolBar> mReadOnlyBar;
    QPointer<QLabel> mReadOnlyNote;
    QPointer<QLabel> mLastChange;
};

} // namespace ui
} // namespace app
