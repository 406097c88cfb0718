#pragma once
/// \file projectactions.h
/// What the File menu does with projects and exports: open (path or server URI), a new project
/// from a boundary file, recent projects, save a copy, and the atlas and meeting pack written on
/// a worker thread with a progress dialog. Errors become plain sentences (usermessage.h) in a
/// message box over \a window.
/// \note GUI thread only; the workers only read the workspace's dataset.
#include "layers/meetingpack.h"

#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace gis {
struct BoundaryImportOptions;
}

namespace app {
namespace ui {

class Workspace;

class ProjectActions : public QObject {
    Q_OBJECT
public:
    ProjectActions(Workspace* workspace, QWidget* window);

    bool open(const QString& location);
    bool newFrom(const QString& boundaryFile, const QString& projectPath);
    /// \brief A new project from \a boundaryFile read with \a options (fields, regency filter,
    /// village kind, edition, CRS) and \a capital; then opened. An existing \a projectPath is
    /// replaced only when \a replace is set.
    bool newFrom(const QString& boundaryFile, const QString& projectPath, const gis::BoundaryImportOptions& options,
                 const QString& capital, bool replace = false);
    /// \brief The new-project dialog (fields as detected, preview) for \a boundaryFile; creates
    /// and opens the project when the user accepts it.
    bool newWithDialog(const QString& boundaryFile);
    void chooseOpen();
    void chooseNew();
    void chooseSaveCopy();
    void chooseAtlas();
    void chooseReport();
    bool exportAtlasTo(const QString& path);
    bool exportReportTo(const QString& path);
    /// \brief Fills \a menu with the recent projects (kept in QSettings "recentProjects").
    void fillRecentMenu(QMenu* menu);
    /// \brief Runs \a work on a worker thread behind a progress dialog (the window stays live);
    /// an exception becomes a plain message box for \a action (a UserAction) on \a target.
    /// Returns true when \a work finished without one.
    bool runInBackground(const QString& label, const std::function<void()>& work, const QString& target, int action);
    /// \brief As runInBackground for a multi-page export: the dialog counts the pages \a work
    /// reports through its PageProgress and, when \a cancellable, has a Cancel button that stops
    /// it (ExportCancelled: a line in the status bar, no error box). Returns true when finished.
    bool runPaged(const QString& label, const std::function<void(const layers::PageProgress&)>& work,
                  const QString& target, int action, bool cancellable);
    /// \brief Remembers \a location (a path, or a server URI without password) as recent.
    void addRecent(const QString& location);
    /// \brief The saved placement run the meeting pack shows (0 = the latest saved; a run no
    /// longer in the project falls back to the latest).
    void setReportProgram(long long id) { mReportProgram = id; }
    long long reportProgram() const { return mReportProgram; }

signals:
    /// \brief A line for the status bar.
    void message(const QString& text);
    void recentChanged();

private:
    void showError(const QString& title, const QString& text);

    Workspace* mWorkspace;
    QWidget* mWindow;
    long long mReportProgram = 0;
};

} // namespace ui
} // namespace app
