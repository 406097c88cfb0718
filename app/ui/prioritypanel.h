#pragma once
/// \file prioritypanel.h
/// The priority panel ("Prioritas"): the indicators of the scheme the analysis is scored with,
/// each with a weight slider (its share of the score shown beside it), its direction and its
/// normalisation; the rule for pekon without a value. Every change scores the analysis again
/// from the values it cached (Workspace::setEditedScheme: nothing is measured again), so the
/// map (the priority score) and the table (with each pekon's rank change) follow at once.
/// The scheme can be saved to the project under a name (one commit of meta "skema.NAME"),
/// the edits discarded, or the default scheme restored. Rank stability (gis::prioritySensitivity)
/// is computed on request on a worker thread, with progress and cancel, and is shown in the
/// table and the pekon profile.
/// \note GUI thread only. The worker reads only its own copy of the scores' inputs.
#include "gis/priority.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;
class QVBoxLayout;

namespace app::ui {

class Workspace;

class PriorityPanel : public QWidget {
    Q_OBJECT
public:
    explicit PriorityPanel(Workspace* workspace, QWidget* parent = nullptr);
    /// Cancels a running rank-stability job and waits for it (it stops within one draw).
    ~PriorityPanel() override;

    /// \brief The scheme the widgets describe (the weights as the sliders set them).
    gis::PriorityScheme editedScheme() const;
    int indicatorCount() const { return static_cast<int>(mRows.size()); }
    QLabel* indicatorLabel(int i) const { return mRows.at(static_cast<std::size_t>(i)).label; }
    QSlider* weightSlider(int i) const { return mRows.at(static_cast<std::size_t>(i)).slider; }
    QLabel* shareLabel(int i) const { return mRows.at(static_cast<std::size_t>(i)).share; }
    QComboBox* directionBox(int i) const { return mRows.at(static_cast<std::size_t>(i)).direction; }
    QComboBox* normalisationBox(int i) const { return mRows.at(static_cast<std::size_t>(i)).normalisation; }
    QComboBox* missingBox() const { return mMissing; }
    QLabel* schemeLabel() const { return mSchemeLabel; }
    QLabel* statusLabel() const { return mStatus; }
    QLineEdit* nameEdit() const { return mName; }
    QPushButton* saveButton() const { return mSave; }
    QLabel* saveNote() const { return mSaveNote; }
    QPushButton* discardButton() const { return mDiscard; }
    QPushButton* defaultButton() const { return mDefault; }
    QSpinBox* drawsBox() const { return mDraws; }
    QSpinBox* perturbationBox() const { return mPerturbation; }
    QSpinBox* topNBox() const { return mTopN; }
    QPushButton* stabilityButton() const { return mStability; }
    QPushButton* cancelButton() const { return mCancel; }
    QProgressBar* progressBar() const { return mProgress; }
    QLabel* stabilityLabel() const { return mStabilityLabel; }
    /// \brief True while rank stability is being computed.
    bool stabilityRunning() const { return mWatcher != nullptr; }
    /// \brief Wall time of the last re-score through the workspace (ms): scores, table, map.
    double lastRescoreMs() const { return mLastRescoreMs; }

    /// \brief The seed of the rank-stability draws (the same seed, the same result).
    static constexpr std::uint64_t kSeed = 20190;

public slots:
    /// \brief Saves the edited scheme to the project as \a name (replacing one of that name) and
    /// makes it the chosen scheme. \returns false with the reason in saveNote() when it cannot.
    bool saveScheme(const QString& name);
    /// \brief Starts computing rank stability with the options in the boxes (no-op while running).
    void startStability();
    void cancelStability();

private:
    struct Row {
        std::string key;
        QLabel* label = nullptr;
        QSlider* slider = nullptr;
        QLabel* share = nullptr;
        QComboBox* direction = nullptr;
        QComboBox* normalisation = nullptr;
    };

    void syncFromWorkspace();
    void buildRows(const gis::PriorityScheme& scheme);
    void showScheme(const gis::PriorityScheme& scheme);
    void updateShares();
    void updateStatus();
    void updateEnabled();
    void onEdited();
    void onStabilityFinished();
    QString labelOf(const std::string& key) const;

    Workspace* mWorkspace;
    std::vector<Row> mRows;
    std::vector<double> mWeights; ///< exact weights (a slider step is mWeightStep)
    double mWeightStep = 0.02;
    std::string mSchemeName;
    QVBoxLayout* mRowsLayout = nullptr;
    QLabel* mSchemeLabel = nullptr;
    QComboBox* mMissing = nullptr;
    QLabel* mStatus = nullptr;
    QLineEdit* mName = nullptr;
    QPushButton* mSave = nullptr;
    QLabel* mSaveNote = nullptr;
    QPushButton* mDiscard = nullptr;
    QPushButton* mDefault = nullptr;
    QSpinBox* mDraws = nullptr;
    QSpinBox* mPerturbation = nullptr;
    QSpinBox* mTopN = nullptr;
    QPushButton* mStability = nullptr;
    QPushButton* mCancel = nullptr;
    QProgressBar* mProgress = nullptr;
    QLabel* mStabilityLabel = nullptr;
    QTimer* mProgressTimer = nullptr;
    bool mSyncing = false;
    double mLastRescoreMs = 0.0;

    // the running rank-stability job
    struct StabilityOutcome {
        std::optional<gis::SensitivityResult> result; ///< none when cancelled or failed
        std::string error;                            ///< why it failed
    };
    QFutureWatcher<StabilityOutcome>* mWatcher = nullptr;
    std::shared_ptr<std::atomic<int>> mDone;
    std::shared_ptr<std::atomic<bool>> mCancelled;
    gis::PriorityScheme mJobScheme;
};

} // namespace app::ui
