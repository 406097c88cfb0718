#pragma once
/// \file pokdarwispanel.h
/// The POKDARWIS panel, for the tourism office: which pekon are the best candidates for a new
/// tourism-awareness group, from the attractions near (WISATA facilities within a radius), the
/// distance to the regency capital (or, when the project has roads, the travel minutes to it
/// and the distance to a road) and the poverty rate, each with a weight. Ranks with
/// gis::rankPokdarwisSites off the GUI thread, shows the score as the pekon layer
/// (Workspace::showPokdarwis) and the ranking in a table; a click on a row selects the pekon.
/// \note GUI thread only; the ranking reads a Workspace::datasetSnapshot().
#include "gis/pokdarwis.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace app::ui {

class Workspace;

class PokdarwisPanel : public QWidget {
    Q_OBJECT
public:
    explicit PokdarwisPanel(Workspace* workspace, QWidget* parent = nullptr);
    ~PokdarwisPanel() override;

    /// \brief The weights the controls describe (gis::defaultPokdarwisScheme with their weights).
    gis::PriorityScheme scheme() const;
    gis::PokdarwisOptions options() const;
    bool isRunning() const { return mWatcher.isRunning(); }
    /// \brief True when the road criterion is on (the project has roads and it is checked).
    bool byRoads() const;
    QCheckBox* roadsBox() const { return mByRoads; }
    QLabel* roadsNote() const { return mRoadsNote; }
    QTableWidget* table() const { return mTable; }
    QString summaryText() const;
    /// \brief Runs at the start of each ranking job, on its worker thread, with the job's stop token.
    /// Tests hold a job there until they press Cancel, so the click cannot come after the end.
    void setJobStartHook(std::function<void(const std::stop_token&)> hook) { mJobStartHook = std::move(hook); }

public slots:
    void rank();
    /// \brief Stops the running ranking: nothing is shown, the map stays as it was.
    void cancel();

signals:
    void ranked(bool shown);

private:
    void reload();
    /// After a commit: the ranking shown stays and is computed again on the new data.
    void refresh();
    void finished();
    void fillTable(const gis::PokdarwisResult& r);
    void rowClicked(int row);

    struct Outcome {
        std::optional<gis::PokdarwisResult> result;
        std::string error;
        bool cancelled = false;
    };

    Workspace* mWorkspace;
    QDoubleSpinBox* mRadius = nullptr;
    std::vector<QSpinBox*> mWeights; ///< one per indicator of gis::defaultPokdarwisScheme()
    QCheckBox* mByRoads = nullptr;
    QSpinBox* mRoadGapWeight = nullptr;
    QLabel* mRoadsNote = nullptr;
    QPushButton* mRank = nullptr;
    QPushButton* mCancel = nullptr;
    QLabel* mSummary = nullptr;
    QTableWidget* mTable = nullptr;
    QFutureWatcher<Outcome> mWatcher;
    std::shared_ptr<const gis::Dataset> mRunningOn;
    std::stop_source mStop;   ///< of the running ranking
    bool mRefreshing = false; ///< the running ranking renews the one shown after a commit
    std::function<void(const std::stop_token&)> mJobStartHook;
};

} // namespace app::ui
