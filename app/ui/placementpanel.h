#pragma once
/// \file placementpanel.h
/// The placement panel ("Penempatan"): where N new facilities of a kind should go, by maximal
/// covering or p-median (gis/placement.h, the library the CLI's `place` uses). The run goes on a
/// worker thread on the project read through its own store (or an immutable copy), with progress
/// and cancel; the proposed sites are shown on the map (Workspace::setProposals) numbered in
/// order of gain with their reach, with the figures of gis::summarisePlacement. Runs are saved in
/// the project (Workspace::commit), listed, two compared side by side, and one chosen for the
/// meeting pack (reportRunChosen).
/// \note GUI thread only. The worker touches only its own copy of the project.
#include "gis/placement.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace app {
namespace ui {

class Workspace;

class PlacementPanel : public QWidget {
    Q_OBJECT
public:
    /// \brief Where the candidates come from.
    enum class CandidateSource { WithoutKind, Rule, Selection };

    explicit PlacementPanel(Workspace* workspace, QWidget* parent = nullptr);
    /// Stops a run still going and waits for it (it checks its stop between steps).
    ~PlacementPanel() override;

    /// \brief The library options the controls describe (candidates from the rule or the
    /// workspace's selection). Roads are never set: projects keep no road network yet.
    gis::PlacementOptions options() const;
    bool running() const;
    /// \brief The last finished run (none before one finished, after a cancel or an error).
    const std::optional<gis::PlacementResult>& result() const { return mResult; }
    const gis::PlacementSummary& summary() const { return mSummary; }
    /// \brief The saved run the meeting pack shows (none = the latest saved).
    std::optional<long long> reportRunId() const { return mReportRun; }

    // controls, for tests and the main window
    QComboBox* kindBox() const { return mKind; }
    QSpinBox* countSpin() const { return mCount; }
    QRadioButton* distanceButton() const { return mByDistance; }
    QRadioButton* roadsButton() const { return mByRoads; }
    QDoubleSpinBox* radiusSpin() const { return mRadius; }
    QLabel* roadsNote() const { return mRoadsNote; }
    QComboBox* candidateBox() const { return mCandidates; }
    QComboBox* ruleColumnBox() const { return mRuleColumn; }
    QComboBox* ruleOperatorBox() const { return mRuleOperator; }
    QDoubleSpinBox* ruleValueSpin() const { return mRuleValue; }
    QComboBox* methodBox() const { return mMethod; }
    QCheckBox* capacityCheck() const { return mCapacityOn; }
    QDoubleSpinBox* capacitySpin() const { return mCapacity; }
    QLabel* existingLabel() const { return mExisting; }
    QPushButton* runButton() const { return mRun; }
    QPushButton* cancelButton() const { return mCancel; }
    QProgressBar* progressBar() const { return mProgress; }
    QLabel* statusLabel() const { return mStatus; }
    QLabel* figuresLabel() const { return mFigures; }
    QTableWidget* sitesTable() const { return mSites; }
    QPushButton* saveButton() const { return mSave; }
    QLabel* saveNote() const { return mSaveNote; }
    QTableWidget* runsTable() const { return mRuns; }
    QPushButton* showRunButton() const { return mShowRun; }
    QPushButton* reportRunButton() const { return mUseInReport; }
    QTableWidget* compareTable() const { return mCompare; }

public slots:
    /// \brief Starts a run with the controls' options (nothing when one is running).
    void startRun();
    void updateRoadsChoice();
    /// \brief Asks the running run to stop; it ends without a result.
    void cancelRun();
    /// \brief Saves the last result as a run in the project. Returns its id (0 when not saved).
    long long saveResult();

signals:
    /// \brief A run finished (with a result, or cancelled, or failed: see statusLabel()).
    void runFinished();
    /// \brief The run chosen for the meeting pack (0 = the latest saved).
    void reportRunChosen(long long id);

private:
    struct Job;
    struct Outcome;

    void rebuildForProject();
    void refreshRuns();
    void updateControls();
    void updateExistingNote();
    void finishRun();
    void showResult();
    void showSavedRun();
    void chooseReportRun();
    void updateComparison();
    std::vector<long long> selectedRunIds() const;

    Workspace* mWorkspace;
    QComboBox* mKind = nullptr;
    QSpinBox* mCount = nullptr;
    QButtonGroup* mReach = nullptr;
    QRadioButton* mByDistance = nullptr;
    QRadioButton* mByRoads = nullptr;
    QDoubleSpinBox* mRadius = nullptr;
    QSpinBox* mMinutes = nullptr;
    QLabel* mRoadsNote = nullptr;
    QComboBox* mCandidates = nullptr;
    QWidget* mRuleRow = nullptr;
    QComboBox* mRuleColumn = nullptr;
    QComboBox* mRuleOperator = nullptr;
    QDoubleSpinBox* mRuleValue = nullptr;
    QLabel* mSelectionNote = nullptr;
    QComboBox* mMethod = nullptr;
    QLabel* mMethodNote = nullptr;
    QCheckBox* mCapacityOn = nullptr;
    QDoubleSpinBox* mCapacity = nullptr;
    QLabel* mExisting = nullptr;
    QPushButton* mRun = nullptr;
    QPushButton* mCancel = nullptr;
    QProgressBar* mProgress = nullptr;
    QLabel* mStatus = nullptr;
    QLabel* mFigures = nullptr;
    QTableWidget* mSites = nullptr;
    QPushButton* mSave = nullptr;
    QLabel* mSaveNote = nullptr;
    QTableWidget* mRuns = nullptr;
    QPushButton* mShowRun = nullptr;
    QPushButton* mUseInReport = nullptr;
    QTableWidget* mCompare = nullptr;
    QTimer* mProgressTimer = nullptr;

    std::shared_ptr<Job> mJob;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<Outcome>>> mWatcher;
    std::optional<gis::PlacementResult> mResult;
    gis::PlacementSummary mSummary;
    bool mResultSaved = false;
    std::optional<long long> mReportRun;
};

} // namespace ui
} // namespace app
