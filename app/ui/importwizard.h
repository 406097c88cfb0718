#pragma once
/// \file importwizard.h
/// The import wizard ("Impor data"): a table (CSV, XLSX), a DTSEN/DTKS records extract,
/// facilities, boundaries or roads (a page of its own, ui/roadimportpage.h) into the open project, on the library's import plans
/// (gis/importplan.h, the same the command line writes). Pages: the file and its sheet or layer;
/// the columns with a preview of the first rows; the match report, where an ambiguous or
/// unmatched row is matched by hand to a pekon picked from a searchable list (kept as an alias
/// with source "user"). Nothing is written before Finish, which commits the plan through
/// Workspace::commit in one transaction.
///
/// Reading and matching run on a worker thread with their own store (the GUI never waits on
/// them); cancelling drops the worker's result, so nothing is written.
///
/// PRIVACY: for a records extract only the column headers and counts are shown: no cell below the
/// header reaches a widget (see gis::previewTable), and its match report lists pekon only.
/// \note GUI thread only.
#include "gis/importplan.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QWizard>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QWizardPage;

namespace app {
namespace ui {

class RoadImportPage;
class Workspace;

/// \brief Picks a pekon from a list searched by name, kecamatan or code.
class AreaPickerDialog : public QDialog {
    Q_OBJECT
public:
    /// \a ws: the project whose villages are listed; \a nameInFile: the name being matched;
    /// \a kecamatanInFile: its kecamatan as written ("" = none), the list's first search (a name
    /// picked by hand is kept as an alias, which later matches within that kecamatan).
    AreaPickerDialog(const Workspace* ws, const QString& nameInFile, const QString& kecamatanInFile,
                     QWidget* parent = nullptr);
    /// \brief The code picked ("" when none).
    QString pickedCode() const;
    QLineEdit* searchEdit() const { return mSearch; }
    QListView* list() const { return mList; }

private:
    QLineEdit* mSearch = nullptr;
    QListView* mList = nullptr;
    QSortFilterProxyModel* mFilter = nullptr;
};

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum class Kind { Table, Records, Facilities, Boundaries, Roads };
    enum PageId { SourcePage, ColumnsPage, ReportPage, RoadsPage };

    /// \a ws must outlive the wizard.
    explicit ImportWizard(Workspace* ws, QWidget* parent = nullptr);
    ~ImportWizard() override;

    /// \brief True while a worker reads or matches.
    bool busy() const;
    /// \brief Drops the running worker's result (nothing is written) and says so.
    void cancelWork();
    /// \brief Blocks (processing events) until no worker runs or \a timeoutMs passed; for tests.
    bool waitUntilIdle(int timeoutMs = 30000);
    /// \brief Matches the report row \a reportRow by hand to \a code (as the pick dialog does) and
    /// matches again.
    void matchByHand(int reportRow, const QString& code);
    /// \brief What Finish would write (null before a report allows it).
    const gis::ProjectChanges* plannedChanges() const;
    /// \brief A sentence about what the last Finish wrote ("" before).
    const QString& resultText() const { return mResult; }

    QComboBox* kindBox() const { return mKind; }
    QLineEdit* fileEdit() const { return mFile; }
    QTableView* reportView() const { return mReportView; }
    QPushButton* pickButton() const { return mPick; }
    /// \brief The roads page (Kind::Roads: the first page leads there, ui/roadimportpage.h).
    RoadImportPage* roadsPage() const { return mRoadsPage; }
    int nextId() const override;

signals:
    /// \brief The import was written; \a summary says what it added.
    void imported(const QString& summary);

protected:
    bool validateCurrentPage() override;

private:
    struct Preview;
    struct Plan;
    Kind kind() const;
    bool isTableFile() const;
    /// CSV/XLSX/ODS, or any file read for an indicator table or records (its attributes as rows).
    bool readsAsTable() const;
    void buildSourcePage();
    void buildColumnsPage();
    void buildReportPage();
    void fillSheets();
    void startPreview();
    void showPreview();
    void startPlan();
    void showPlan();
    void setBusy(bool busy, const QString& what);
    void updateColumnRows();
    void fillColumnBoxes();
    void addIndicatorRow();
    void pickForSelectedRow();
    bool columnsComplete() const;
    bool commitPlan();
    QString matchHow(const std::string& how) const;
    QString matchNote(const std::string& note) const;

    Workspace* mWs = nullptr;
    QTemporaryDir mReportDir; ///< match reports of previews: never beside the user's file
    // source
    QWizardPage* mSourcePage = nullptr;
    QComboBox* mKind = nullptr;
    QLineEdit* mFile = nullptr;
    QComboBox* mSheet = nullptr;
    QLabel* mSourceNote = nullptr;
    // columns
    QWizardPage* mColumnsPage = nullptr;
    QFormLayout* mForm = nullptr;
    QSpinBox* mHeaderRow = nullptr;
    QLineEdit* mPeriod = nullptr;
    QComboBox *mCode = nullptr, *mName = nullptr, *mKecamatan = nullptr;
    QWidget* mIndicators = nullptr;
    std::vector<std::pair<QComboBox*, QComboBox*>> mIndicatorRows; ///< key, column
    QComboBox *mHousehold = nullptr, *mStatus = nullptr, *mDesil = nullptr, *mUnit = nullptr;
    QComboBox *mFacilityKind = nullptr, *mLabel = nullptr, *mLon = nullptr, *mLat = nullptr;
    QLineEdit *mCrs = nullptr, *mEdition = nullptr;
    QCheckBox* mReplace = nullptr;
    QLabel* mPreviewNote = nullptr;
    QTableView* mPreviewView = nullptr;
    QStandardItemModel* mPreviewModel = nullptr;
    // report
    QWizardPage* mReportPage = nullptr;
    QLabel* mSummary = nullptr;
    QLabel* mStop = nullptr;
    QTableView* mReportView = nullptr;
    QStandardItemModel* mReportModel = nullptr;
    QPushButton* mPick = nullptr;
    RoadImportPage* mRoadsPage = nullptr;
    // work
    QProgressBar* mProgress = nullptr;
    QLabel* mProgressText = nullptr;
    QPushButton* mCancelWork = nullptr;
    QFutureWatcher<std::shared_ptr<Preview>>* mPreviewWatcher = nullptr;
    QFutureWatcher<std::shared_ptr<Plan>>* mPlanWatcher = nullptr;
    std::shared_ptr<Preview> mPreview;
    std::shared_ptr<Plan> mPlan;
    std::vector<gis::AreaAlias> mPicked; ///< hand matches (code, name as written)
    bool mPreviewDirty = true;
    QString mResult;
};

} // namespace ui
} // namespace app
