#include "ui/projectactions.h"

#include "gis/boundaryimport.h"
#include "gis/store.h"
#include "layers/meetingpack.h"
#include "ui/language.h"
#include "ui/newprojectdialog.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <memory>

namespace app {
namespace ui {

ProjectActions::ProjectActions(Workspace* workspace, QWidget* window)
        : QObject(window), mWorkspace(workspace), mWindow(window)
{}

void ProjectActions::showError(const QString& title, const QString& text)
{
    emit message(text);
    QMessageBox::warning(mWindow, title, text);
}

bool ProjectActions::open(const QString& location)
{
    try {
        mWorkspace->openProject(location);
        addRecent(location);
        return true;
    } catch (const std::exception& e) {
        showError(UserMessages::title(UserAction::OpenProject),
                  UserMessages::forError(e, UserAction::OpenProject, location));
        return false;
    }
}

bool ProjectActions::newFrom(const QString& boundaryFile, const QString& projectPath)
{
    return newFrom(boundaryFile, projectPath, gis::BoundaryImportOptions{}, QString());
}

bool ProjectActions::newFrom(const QString& boundaryFile, const QString& projectPath,
                             const gis::BoundaryImportOptions& options, const QString& capital, bool replace)
{
    // reading and dissolving the boundaries is the slow part: on a worker, the window stays live
    const bool made = runInBackground(
        tr("Making the project from %1…").arg(QFileInfo(boundaryFile).fileName()),
        [b = boundaryFile.toStdString(), p = projectPath.toStdString(), options, c = capital.toStdString(), replace] {
            gis::BoundarySet set = gis::readBoundaries(b, options);
            gis::createProject(p, gis::newProjectFromBoundaries(std::move(set), c), replace);
        },
        boundaryFile, static_cast<int>(UserAction::NewProject));
    return made && open(projectPath);
}

bool ProjectActions::newWithDialog(const QString& boundaryFile)
{
    NewProjectDialog dialog(boundaryFile, mWindow);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString project = dialog.projectPath();
    if (QFileInfo::exists(project)
        && QMessageBox::question(mWindow, tr("New project"),
                                 tr("%1 exists. Replace it with the new project?").arg(QFileInfo(project).fileName()))
            != QMessageBox::Yes)
        return false;
    return newFrom(boundaryFile, project, dialog.options(), dialog.capital(), QFileInfo::exists(project));
}

void ProjectActions::chooseOpen()
{
    const QString path = QFileDialog::getOpenFileName(mWindow, tr("Open project"), QString(),
                                                      tr("Sasaran projects (*.sasaran.sqlite);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void ProjectActions::chooseNew()
{
    const QString boundaries =
        QFileDialog::getOpenFileName(mWindow, tr("Village boundaries"), QString(),
                                     tr("Boundary files (*.gpkg *.shp *.geojson *.json);;All files (*)"));
    if (!boundaries.isEmpty())
        newWithDialog(boundaries);
}

void ProjectActions::chooseSaveCopy()
{
    const QString path =
        QFileDialog::getSaveFileName(mWindow, tr("Save a copy"), QStringLiteral("salinan.sasaran.sqlite"),
                                     tr("Sasaran projects (*.sasaran.sqlite)"));
    if (path.isEmpty())
        return;
    try {
        mWorkspace->saveCopy(path);
        emit message(tr("Saved a copy as %1").arg(QFileInfo(path).fileName()));
        addRecent(path);
    } catch (const std::exception& e) {
        showError(UserMessages::title(UserAction::SaveProject),
                  UserMessages::forError(e, UserAction::SaveProject, path));
    }
}

void ProjectActions::chooseAtlas()
{
    const QString path = QFileDialog::getSaveFileName(mWindow, tr("Export atlas"),
                                                      QStringLiteral("atlas_kecamatan.pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportAtlasTo(path);
}

void ProjectActions::chooseReport()
{
    const QString path = QFileDialog::getSaveFileName(mWindow, tr("Export meeting pack"),
                                                      QStringLiteral("bahan_rakor.pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportReportTo(path);
}

void ProjectActions::addRecent(const QString& location)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
    recent.removeAll(location);
    recent.prepend(location);
    settings.setValue(QStringLiteral("recentProjects"), recent.mid(0, 8));
    emit recentChanged();
}

void ProjectActions::fillRecentMenu(QMenu* menu)
{
    menu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
    for (const QString& location : recent)
        menu->addAction(gis::isServerLocation(location.toStdString()) ? location : QFileInfo(location).fileName(), this,
                        [this, location] { open(location); });
    menu->setEnabled(!recent.isEmpty());
}

bool ProjectActions::runInBackground(const QString& label, const std::function<void()>& work, const QString& target,
                                     int action)
{
    return runPaged(
        label, [work](const layers::PageProgress&) { work(); }, target, action, false);
}

bool ProjectActions::runPaged(const QString& label, const std::function<void(const layers::PageProgress&)>& work,
                              const QString& target, int action, bool cancellable)
{
    QProgressDialog progress(label, cancellable ? tr("Cancel") : QString(), 0, 0, mWindow);
    progress.setObjectName(QStringLiteral("workProgress"));
    progress.setWindowModality(Qt::WindowModal);
    // a multi-page export takes seconds: its count and Cancel button are shown at once
    progress.setMinimumDuration(cancellable ? 0 : 400);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    auto stop = std::make_shared<std::atomic<bool>>(false);
    connect(&progress, &QProgressDialog::canceled, this, [stop] { *stop = true; });
    QProgressDialog* dialog = &progress;
    // on the worker: the page count is posted to the dialog (queued; dropped if it is gone)
    const QString pageText = tr("page %1 of %2");
    layers::PageProgress onPage = [stop, dialog, label, pageText](int done, int total) {
        QMetaObject::invokeMethod(
            dialog,
            [dialog, done, total, label, pageText] {
                dialog->setMaximum(total);
                dialog->setValue(done);
                dialog->setLabelText(label + QLatin1Char('\n') + pageText.arg(std::min(done + 1, total)).arg(total));
            },
            Qt::QueuedConnection);
        return !*stop;
    };
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    // the worker reads the dataset only; the GUI thread does not change it meanwhile
    watcher.setFuture(QtConcurrent::run([work, onPage, target, action]() -> QString {
        try {
            work(onPage);
            return {};
        } catch (const layers::ExportCancelled&) {
            return QStringLiteral("cancelled");
        } catch (const std::exception& e) {
            return UserMessages::forError(e, static_cast<UserAction>(action), target);
        }
    }));
    loop.exec();
    const QString error = watcher.result();
    if (error == QLatin1String("cancelled")) {
        emit message(tr("Stopped: %1 was not written.").arg(QFileInfo(target).fileName()));
        return false;
    }
    if (!error.isEmpty()) {
        showError(UserMessages::title(static_cast<UserAction>(action)), error);
        return false;
    }
    return true;
}

namespace {

/// The atlas and the pack show the priority score: DTSEN-derived when the scheme weighs a dtsen key.
bool schemeUsesDtsen(const gis::AnalysisTable& table)
{
    std::vector<std::string> keys;
    for (const gis::SchemeIndicator& i : table.scheme.indicators)
        keys.push_back(i.key);
    return gis::anyPersonalDataDerived(keys);
}

QString withLogNote(const QString& done, const QString& logNote)
{
    return logNote.isEmpty() ? done : done + QStringLiteral(" — ") + logNote;
}

} // namespace

bool ProjectActions::exportAtlasTo(const QString& path)
{
    const gis::Dataset* ds = mWorkspace->dataset();
    const gis::AnalysisTable* table = mWorkspace->analysis();
    if (!ds || !table)
        return false;
    layers::AtlasOptions options;
    options.style.page.landscape = false;
    options.style.lang = pageLanguage();
    const bool written = runPaged(
        tr("Writing the atlas per kecamatan…"),
        [ds, table, options, p = path.toStdString()](const layers::PageProgress& progress) {
            layers::AtlasOptions withProgress = options;
            withProgress.progress = progress;
            layers::exportAtlas(*ds, *table, withProgress, p);
        },
        path, static_cast<int>(UserAction::ExportAtlas), true);
    if (written)
        emit message(withLogNote(tr("Wrote %1").arg(QFileInfo(path).fileName()),
                                 mWorkspace->recordExport(QStringLiteral("atlas"), path, schemeUsesDtsen(*table))));
    return written;
}

bool ProjectActions::exportReportTo(const QString& path)
{
    const gis::Dataset* ds = mWorkspace->dataset();
    const gis::AnalysisTable* table = mWorkspace->analysis();
    if (!ds || !table)
        return false;
    layers::ReportOptions options;
    options.lang = pageLanguage();
    if (std::any_of(ds->programs.begin(), ds->programs.end(),
                    [this](const gis::PlacementRun& r) { return r.id == mReportProgram; }))
        options.programId = mReportProgram;
    // the analyses the user ran in their panels go into the pack with their pages and findings
    options.hotspots = mWorkspace->computedHotspots();
    if (const gis::PokdarwisResult* ranking = mWorkspace->pokdarwis())
        options.pokdarwis = *ranking;
    const bool written = runPaged(
        tr("Writing the meeting pack…"),
        [ds, table, options, p = path.toStdString()](const layers::PageProgress& progress) {
            layers::ReportOptions withProgress = options;
            withProgress.progress = progress;
            layers::exportReport(*ds, *table, withProgress, p);
        },
        path, static_cast<int>(UserAction::ExportReport), true);
    if (written)
        emit message(withLogNote(tr("Wrote %1").arg(QFileInfo(path).fileName()),
                                 mWorkspace->recordExport(QStringLiteral("report"), path, schemeUsesDtsen(*table))));
    return written;
}

} // namespace ui
} // namespace app
