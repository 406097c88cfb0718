#pragma once
/// \file hotspotspanel.h
/// The hotspots panel: which indicator, which spatial weights (queen contiguity with a tolerance,
/// or k nearest neighbours), how many permutations, the significance level and the False
/// Discovery Rate correction; computes gis::analyzeHotspots off the GUI thread and shows the
/// LISA clusters as the pekon layer (Workspace::showHotspots) with a Moran's I summary.
/// \note GUI thread only. The computation reads a Workspace::datasetSnapshot(), so the workspace
/// may move on while it runs; a result for a project or period no longer shown is dropped.
#include "gis/hotspots.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>
#include <stop_token>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace app::ui {

class Workspace;

class HotspotsPanel : public QWidget {
    Q_OBJECT
public:
    explicit HotspotsPanel(Workspace* workspace, QWidget* parent = nullptr);
    ~HotspotsPanel() override;

    /// \brief The options the controls describe now.
    gis::HotspotOptions options() const;
    /// \brief The indicator key chosen.
    QString indicatorKey() const;
    /// \brief True while a computation runs.
    bool isRunning() const { return mWatcher.isRunning(); }
    /// \brief The last result shown (null before the first).
    const gis::HotspotResult* result() const { return mResult ? &*mResult : nullptr; }
    /// \brief The summary shown under the controls (plain text).
    QString summaryText() const;

public slots:
    /// \brief Starts the computation with the options shown.
    void compute();
    /// \brief Stops the running computation: nothing is shown, the map stays as it was.
    void cancel();

signals:
    /// \brief A computation ended: shown (true) or failed / dropped (false).
    void computed(bool shown);

private:
    void reload();
    /// After a commit: the result shown stays and is computed again on the new data.
    void refresh();
    void finished();
    void updateWeightsControls();
    void showSummary(const gis::HotspotResult& r);

    struct Outcome {
        std::optional<gis::HotspotResult> result;
        std::string error;
        bool cancelled = false;
    };

    Workspace* mWorkspace;
    QComboBox* mIndicator = nullptr;
    QComboBox* mWeights = nullptr;
    QDoubleSpinBox* mTolerance = nullptr;
    QSpinBox* mNeighbours = nullptr;
    QSpinBox* mPermutations = nullptr;
    QComboBox* mAlpha = nullptr;
    QCheckBox* mFdr = nullptr;
    QPushButton* mCompute = nullptr;
    QPushButton* mCancel = nullptr;
    QLabel* mSummary = nullptr;
    QFutureWatcher<Outcome> mWatcher;
    std::shared_ptr<const gis::Dataset> mRunningOn; ///< the snapshot the running job reads
    std::optional<gis::HotspotResult> mResult;
    std::stop_source mStop;     ///< of the running computation
    bool mRefreshing = false;   ///< the running computation renews a result after a commit
};

} // namespace app::ui
