#include "ui/placementpanel.h"

#include "gis/error.h"
#include "gis/network.h"
#include "gis/roadlayer.h"
#include "gis/store.h"
#include "gis/text.h"
#include "layers/facilitysymbol.h"
#include "layers/maplayers.h"
#include "layers/numberformat.h"
#include "ui/language.h"
#include "ui/usermessage.h"
#include "ui/villagetablemodel.h"
#include "ui/workspace.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>
#include <atomic>
#include <cmath>
#include <stop_token>

namespace app {
namespace ui {

/// What the worker and the GUI share: the stop and how far the run is (per mille).
struct PlacementPanel::Job {
    std::stop_source stop;
    std::atomic<int> permille{0};
    bool discard = false; ///< GUI thread only: the project changed, the outcome is not shown
};

/// What the worker hands back.
struct PlacementPanel::Outcome {
    std::optional<gis::PlacementResult> result;
    gis::PlacementSummary summary;
    bool cancelled = false;
    QString error;
};

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString kindLabel(const std::string& kind)
{
    return qs(layers::facilityKindLabel(kind));
}

/// "28 November 2026, 22.40" (UTC as stored) in the UI language.
QString savedDate(const std::string& createdUtc)
{
    const QDateTime t = QDateTime::fromString(qs(createdUtc), Qt::ISODate);
    if (!t.isValid())
        return qs(createdUtc);
    const QDate d = t.date();
    const QString day = currentLanguage() == UiLanguage::Indonesian
        ? qs(layers::formatDateId(d.year(), d.month(), d.day()))
        : uiLocale().toString(d, QStringLiteral("d MMMM yyyy"));
    return day + QStringLiteral(", ") + uiLocale().toString(t.time(), QStringLiteral("HH.mm"));
}

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setupTable(QTableWidget* table, const QStringList& headers)
{
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
}

} // namespace

PlacementPanel::PlacementPanel(Workspace* workspace, QWidget* parent)
        : QWidget(parent), mWorkspace(workspace), mProgressTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("placementPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    // --- what and how many ---------------------------------------------------------------
    auto* what = new QGroupBox(tr("New facilities"), this);
    auto* whatForm = new QFormLayout(what);
    mKind = new QComboBox(what);
    mKind->setObjectName(QStringLiteral("placementKind"));
    mKind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mKind->setMinimumContentsLength(10);
    mCount = new QSpinBox(what);
    mCount->setObjectName(QStringLiteral("placementCount"));
    mCount->setRange(1, 500);
    mCount->setValue(5);
    mMethod = new QComboBox(what);
    mMethod->setObjectName(QStringLiteral("placementMethod"));
    mMethod->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mMethod->setMinimumContentsLength(14);
    mMethod->addItem(tr("Maximal covering"), QStringLiteral("mclp"));
    mMethod->addItem(tr("Shortest distance (p-median)"), QStringLiteral("pmedian"));
    whatForm->addRow(tr("Kind"), mKind);
    whatForm->addRow(tr("How many"), mCount);
    whatForm->addRow(tr("Method"), mMethod);
    mMethodNote = new QLabel(what);
    mMethodNote->setWordWrap(true);
    mMethodNote->setStyleSheet(QStringLiteral("color: #555;"));
    whatForm->addRow(mMethodNote);
    mExisting = new QLabel(what);
    mExisting->setWordWrap(true);
    mExisting->setObjectName(QStringLiteral("placementExisting"));
    whatForm->addRow(mExisting);
    layout->addWidget(what);

    // --- reach ---------------------------------------------------------------------------
    auto* reach = new QGroupBox(tr("Reach of one facility"), this);
    auto* reachGrid = new QGridLayout(reach);
    mReach = new QButtonGroup(this);
    mByDistance = new QRadioButton(tr("Distance"), reach);
    mByDistance->setObjectName(QStringLiteral("placementByDistance"));
    mByDistance->setChecked(true);
    mRadius = new QDoubleSpinBox(reach);
    mRadius->setObjectName(QStringLiteral("placementRadius"));
    mRadius->setRange(0.5, 100.0);
    mRadius->setSingleStep(0.5);
    mRadius->setDecimals(1);
    mRadius->setValue(5.0);
    mRadius->setSuffix(QStringLiteral(" km"));
    mByRoads = new QRadioButton(tr("Travel time by road"), reach);
    mByRoads->setObjectName(QStringLiteral("placementByRoads"));
    mMinutes = new QSpinBox(reach);
    mMinutes->setRange(1, 240);
    mMinutes->setValue(30);
    mMinutes->setSuffix(tr(" min"));
    mReach->addButton(mByDistance);
    mReach->addButton(mByRoads);
    reachGrid->addWidget(mByDistance, 0, 0);
    reachGrid->addWidget(mRadius, 0, 1);
    reachGrid->addWidget(mByRoads, 1, 0);
    reachGrid->addWidget(mMinutes, 1, 1);
    mRoadsNote = new QLabel(reach);
    mRoadsNote->setObjectName(QStringLiteral("placementRoadsNote"));
    mRoadsNote->setWordWrap(true);
    mRoadsNote->setStyleSheet(QStringLiteral("color: #666;"));
    reachGrid->addWidget(mRoadsNote, 2, 0, 1, 2);
    layout->addWidget(reach);

    // --- candidates ----------------------------------------------------------------------
    auto* where = new QGroupBox(tr("Candidate pekon"), this);
    auto* whereLayout = new QVBoxLayout(where);
    mCandidates = new QComboBox(where);
    mCandidates->setObjectName(QStringLiteral("placementCandidates"));
    mCandidates->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mCandidates->setMinimumContentsLength(16);
    mCandidates->addItem(tr("Pekon without this kind of facility"), static_cast<int>(CandidateSource::WithoutKind));
    mCandidates->addItem(tr("Pekon matching a rule on a column"), static_cast<int>(CandidateSource::Rule));
    mCandidates->addItem(tr("Pekon selected on the map or in the table"), static_cast<int>(CandidateSource::Selection));
    whereLayout->addWidget(mCandidates);
    mRuleRow = new QWidget(where);
    auto* ruleLayout = new QHBoxLayout(mRuleRow);
    ruleLayout->setContentsMargins(0, 0, 0, 0);
    mRuleColumn = new QComboBox(mRuleRow);
    mRuleColumn->setObjectName(QStringLiteral("placementRuleColumn"));
    mRuleColumn->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mRuleColumn->setMinimumContentsLength(14);
    mRuleOperator = new QComboBox(mRuleRow);
    mRuleOperator->setObjectName(QStringLiteral("placementRuleOperator"));
    const std::initializer_list<std::pair<const char*, const char*>> operators = {
        {"≤", "<="}, {"<", "<"}, {"≥", ">="}, {">", ">"}, {"=", "=="}};
    for (const auto& [shown, op] : operators)
        mRuleOperator->addItem(QString::fromUtf8(shown), QString::fromLatin1(op));
    mRuleValue = new QDoubleSpinBox(mRuleRow);
    mRuleValue->setObjectName(QStringLiteral("placementRuleValue"));
    mRuleValue->setRange(-1e6, 1e6);
    mRuleValue->setDecimals(1);
    mRuleValue->setValue(50.0);
    ruleLayout->addWidget(mRuleColumn, 1);
    ruleLayout->addWidget(mRuleOperator);
    ruleLayout->addWidget(mRuleValue);
    whereLayout->addWidget(mRuleRow);
    mSelectionNote = new QLabel(where);
    mSelectionNote->setWordWrap(true);
    whereLayout->addWidget(mSelectionNote);
    layout->addWidget(where);

    // --- capacity ------------------------------------------------------------------------
    auto* capacityRow = new QHBoxLayout;
    mCapacityOn = new QCheckBox(tr("Capacity"), this);
    mCapacityOn->setToolTip(tr("Each facility, existing or new, serves at most this many poor people"));
    mCapacityOn->setObjectName(QStringLiteral("placementCapacityOn"));
    mCapacity = new QDoubleSpinBox(this);
    mCapacity->setObjectName(QStringLiteral("placementCapacity"));
    mCapacity->setRange(1.0, 1e6);
    mCapacity->setDecimals(0);
    mCapacity->setValue(500.0);
    mCapacity->setSuffix(tr(" poor people per facility"));
    capacityRow->addWidget(mCapacityOn);
    capacityRow->addWidget(mCapacity, 1);
    layout->addLayout(capacityRow);

    // --- run -----------------------------------------------------------------------------
    auto* runRow = new QHBoxLayout;
    mRun = new QPushButton(tr("Find sites"), this);
    mRun->setObjectName(QStringLiteral("placementRun"));
    mRun->setDefault(true);
    mCancel = new QPushButton(tr("Cancel"), this);
    mCancel->setObjectName(QStringLiteral("placementCancel"));
    mProgress = new QProgressBar(this);
    mProgress->setObjectName(QStringLiteral("placementProgress"));
    mProgress->setRange(0, 1000);
    mProgress->setTextVisible(false);
    mProgress->setMaximumHeight(14);
    runRow->addWidget(mRun);
    runRow->addWidget(mCancel);
    runRow->addWidget(mProgress, 1);
    layout->addLayout(runRow);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("placementStatus"));
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);

    // --- result --------------------------------------------------------------------------
    auto* result = new QGroupBox(tr("Proposal"), this);
    auto* resultLayout = new QVBoxLayout(result);
    mFigures = new QLabel(result);
    mFigures->setObjectName(QStringLiteral("placementFigures"));
    mFigures->setWordWrap(true);
    mFigures->setTextFormat(Qt::RichText);
    resultLayout->addWidget(mFigures);
    mSites = new QTableWidget(result);
    mSites->setObjectName(QStringLiteral("placementSites"));
    setupTable(mSites, {tr("No."), tr("Pekon"), tr("Kecamatan"), tr("Added"), tr("Served")});
    mSites->horizontalHeader()->setStretchLastSection(false);
    mSites->setMinimumHeight(130);
    resultLayout->addWidget(mSites);
    auto* saveRow = new QHBoxLayout;
    mSave = new QPushButton(tr("Save in the project"), result);
    mSave->setObjectName(QStringLiteral("placementSave"));
    mSaveNote = new QLabel(result);
    mSaveNote->setObjectName(QStringLiteral("placementSaveNote"));
    mSaveNote->setWordWrap(true);
    mSaveNote->setStyleSheet(QStringLiteral("color: #666;"));
    saveRow->addWidget(mSave);
    saveRow->addWidget(mSaveNote, 1);
    resultLayout->addLayout(saveRow);
    layout->addWidget(result);

    // --- saved runs ----------------------------------------------------------------------
    auto* saved = new QGroupBox(tr("Saved proposals"), this);
    auto* savedLayout = new QVBoxLayout(saved);
    mRuns = new QTableWidget(saved);
    mRuns->setObjectName(QStringLiteral("placementRuns"));
    setupTable(mRuns,
               {tr("No."), tr("Saved"), tr("Kind"), tr("Method"), tr("Sites"), tr("Reach"),
                tr("Reached before → after"), tr("Meeting pack")});
    mRuns->setSelectionBehavior(QAbstractItemView::SelectRows);
    mRuns->setSelectionMode(QAbstractItemView::MultiSelection);
    mRuns->setMinimumHeight(110);
    savedLayout->addWidget(mRuns);
    auto* savedButtons = new QHBoxLayout;
    mShowRun = new QPushButton(tr("Show on the map"), saved);
    mShowRun->setObjectName(QStringLiteral("placementShowRun"));
    mUseInReport = new QPushButton(tr("Use in the meeting pack"), saved);
    mUseInReport->setObjectName(QStringLiteral("placementUseInReport"));
    savedButtons->addWidget(mShowRun);
    savedButtons->addWidget(mUseInReport);
    savedButtons->addStretch(1);
    savedLayout->addLayout(savedButtons);
    auto* compareHint = new QLabel(tr("Select two proposals to compare them side by side."), saved);
    compareHint->setStyleSheet(QStringLiteral("color: #666;"));
    savedLayout->addWidget(compareHint);
    mCompare = new QTableWidget(saved);
    mCompare->setObjectName(QStringLiteral("placementCompare"));
    mCompare->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mCompare->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mCompare->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    mCompare->setMinimumHeight(150);
    mCompare->hide();
    savedLayout->addWidget(mCompare);
    layout->addWidget(saved);
    layout->addStretch(1);

    connect(mRun, &QPushButton::clicked, this, &PlacementPanel::startRun);
    connect(mCancel, &QPushButton::clicked, this, &PlacementPanel::cancelRun);
    connect(mSave, &QPushButton::clicked, this, &PlacementPanel::saveResult);
    connect(mShowRun, &QPushButton::clicked, this, &PlacementPanel::showSavedRun);
    connect(mUseInReport, &QPushButton::clicked, this, &PlacementPanel::chooseReportRun);
    connect(mRuns, &QTableWidget::itemSelectionChanged, this, [this] {
        updateComparison();
        updateControls();
    });
    for (QComboBox* box : {mCandidates, mMethod})
        connect(box, &QComboBox::currentIndexChanged, this, &PlacementPanel::updateControls);
    connect(mKind, &QComboBox::currentIndexChanged, this, &PlacementPanel::updateExistingNote);
    connect(mReach, &QButtonGroup::buttonToggled, this, &PlacementPanel::updateControls);
    connect(mCapacityOn, &QCheckBox::toggled, this, &PlacementPanel::updateControls);
    connect(mProgressTimer, &QTimer::timeout, this, [this] {
        if (mJob)
            mProgress->setValue(mJob->permille.load());
    });
    connect(mWorkspace, &Workspace::projectChanged, this, &PlacementPanel::rebuildForProject);
    connect(mWorkspace, &Workspace::projectDataChanged, this, [this] {
        refreshRuns();
        updateRoadsChoice(); // an import may have brought roads
        updateExistingNote();
        updateControls();
    });
    connect(mWorkspace, &Workspace::selectionChanged, this, &PlacementPanel::updateControls);
    rebuildForProject();
    // a panel built again (another language) shows the result the workspace kept
    if (const std::optional<PlacementShown>& kept = mWorkspace->keptPlacement()) {
        mResult = kept->result;
        mSummary = kept->summary;
        mResultSaved = kept->saved;
        showResult();
        updateControls();
    }
}

PlacementPanel::~PlacementPanel()
{
    if (mJob)
        mJob->stop.request_stop();
    if (mWatcher)
        mWatcher->waitForFinished(); // the run checks its stop between steps: this is short
}

// ---------------------------------------------------------------------------------------
// Controls
// ---------------------------------------------------------------------------------------

void PlacementPanel::rebuildForProject()
{
    if (mJob) {
        mJob->discard = true;
        mJob->stop.request_stop();
    }
    mResult.reset();
    mSummary = {};
    mResultSaved = false;
    mFigures->clear();
    mSites->setRowCount(0);
    mStatus->clear();
    if (mReportRun) {
        mReportRun.reset();
        emit reportRunChosen(0);
    }

    const gis::Dataset* ds = mWorkspace->dataset();
    const QString previousKind = mKind->currentData().toString();
    {
        const QSignalBlocker block(mKind);
        mKind->clear();
        std::vector<std::string> kinds = {"BUMDES", "PUSKESSOS", "PUSKESMAS"};
        if (ds)
            for (const gis::Facility& f : ds->facilities)
                if (f.kind != "WISATA" && std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end())
                    kinds.push_back(f.kind);
        for (const std::string& k : kinds)
            mKind->addItem(kindLabel(k), qs(k));
        const int keep = mKind->findData(previousKind);
        mKind->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    {
        const QSignalBlocker block(mRuleColumn);
        const QString previousColumn = mRuleColumn->currentData().toString();
        mRuleColumn->clear();
        if (const gis::AnalysisTable* table = mWorkspace->analysis())
            for (const std::string& c : table->columns)
                if (c.rfind("contrib_", 0) != 0)
                    mRuleColumn->addItem(VillageTableModel::columnLabel(qs(c)), qs(c));
        int keep = mRuleColumn->findData(previousColumn.isEmpty() ? QStringLiteral("priority_rank") : previousColumn);
        mRuleColumn->setCurrentIndex(std::max(0, keep));
    }
    updateRoadsChoice();
    updateExistingNote();
    refreshRuns();
    updateControls();
}

void PlacementPanel::updateRoadsChoice()
{
    // Travel minutes need the project's road layer: without one that choice stays off and says why.
    const bool hasRoads = mWorkspace->hasRoads();
    mByRoads->setEnabled(hasRoads);
    mRoadsNote->setText(hasRoads ? QString()
                                 : tr("This project has no road network, so reach is measured as distance. Import "
                                      "a road layer (Import data, Roads) to plan by travel time."));
    mRoadsNote->setVisible(!hasRoads);
    if (!hasRoads)
        mByDistance->setChecked(true);
}

void PlacementPanel::updateExistingNote()
{
    const gis::Dataset* ds = mWorkspace->dataset();
    const std::string kind = mKind->currentData().toString().toStdString();
    long long n = 0;
    if (ds)
        n = std::count_if(ds->facilities.begin(), ds->facilities.end(),
                          [&](const gis::Facility& f) { return f.kind == kind; });
    mExisting->setText(n == 0 ? tr("There is no %1 yet: every site is new.").arg(kindLabel(kind))
                              : tr("The %1 existing %2 stay where they are and count as reaching what they reach.")
                                    .arg(formatCount(n), kindLabel(kind)));
    updateControls();
}

void PlacementPanel::updateControls()
{
    const bool project = mWorkspace->hasProject();
    const bool busy = running();
    const auto source = static_cast<CandidateSource>(mCandidates->currentData().toInt());
    mRuleRow->setVisible(source == CandidateSource::Rule);
    mMethodNote->setText(mMethod->currentData().toString() == QLatin1String("pmedian")
                             ? tr("Brings the poor people closer to the nearest facility on average.")
                             : tr("Reaches as many poor people as possible within the reach."));
    const std::size_t selected = mWorkspace->selection().size();
    mSelectionNote->setVisible(source == CandidateSource::Selection);
    mSelectionNote->setText(selected == 0
                                ? tr("Select pekon on the map or in the table first.")
                                : tr("%1 pekon selected.").arg(formatCount(static_cast<long long>(selected))));
    mRadius->setEnabled(mByDistance->isChecked());
    mMinutes->setEnabled(mByRoads->isEnabled() && mByRoads->isChecked());
    mCapacity->setEnabled(mCapacityOn->isChecked());
    const bool ready = project && (source != CandidateSource::Selection || selected > 0)
        && (source != CandidateSource::Rule || mRuleColumn->count() > 0);
    mRun->setEnabled(ready && !busy);
    mCancel->setEnabled(busy);
    mProgress->setVisible(busy);
    const bool canEdit = mWorkspace->canEdit();
    mSave->setEnabled(mResult.has_value() && !mResultSaved && canEdit && !busy);
    mSaveNote->setText(!canEdit && project ? mWorkspace->readOnlyReason()
                           : mResultSaved  ? tr("Saved in the project.")
                                           : QString());
    const std::size_t chosen = selectedRunIds().size();
    mShowRun->setEnabled(chosen == 1);
    mUseInReport->setEnabled(chosen == 1);
}

gis::PlacementOptions PlacementPanel::options() const
{
    gis::PlacementOptions o;
    o.kind = mKind->currentData().toString().toStdString();
    o.count = static_cast<std::size_t>(mCount->value());
    o.method = mMethod->currentData().toString() == QLatin1String("pmedian") ? gis::PlacementMethod::PMedian
                                                                             : gis::PlacementMethod::MaxCover;
    o.radiusKm = mRadius->value();
    o.minutes = mMinutes->value();
    o.period = mWorkspace->period().toStdString();
    switch (static_cast<CandidateSource>(mCandidates->currentData().toInt())) {
    case CandidateSource::WithoutKind:
        break;
    case CandidateSource::Rule:
        o.candidates = mRuleColumn->currentData().toString().toStdString()
            + mRuleOperator->currentData().toString().toStdString()
            + QString::number(mRuleValue->value(), 'g', 12).toStdString();
        break;
    case CandidateSource::Selection: {
        std::string codes;
        for (const std::string& c : mWorkspace->selection())
            codes += (codes.empty() ? "" : ",") + c;
        o.candidates = codes;
        break;
    }
    }
    if (mCapacityOn->isChecked())
        o.capacity = mCapacity->value();
    return o;
}

bool PlacementPanel::running() const
{
    return mWatcher && mWatcher->isRunning();
}

// ---------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------

void PlacementPanel::startRun()
{
    if (running() || !mWorkspace->hasProject())
        return;
    const gis::PlacementOptions po = options();
    // The worker reads the project through its own store; a project without one (no file) is
    // copied, and the copy is the worker's alone.
    const QString location = mWorkspace->storeLocation();
    std::shared_ptr<const gis::Dataset> copy;
    if (location.isEmpty())
        copy = std::make_shared<const gis::Dataset>(*mWorkspace->dataset());
    mJob = std::make_shared<Job>();
    mResult.reset();
    mResultSaved = false;
    mWorkspace->keepPlacement(std::nullopt);
    mFigures->clear();
    mSites->setRowCount(0);
    mStatus->setText(tr("Looking for the best sites (%1)…").arg(po.count));
    mProgress->setValue(0);
    mWatcher = std::make_unique<QFutureWatcher<std::shared_ptr<Outcome>>>();
    connect(mWatcher.get(), &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this, &PlacementPanel::finishRun);
    std::shared_ptr<Job> job = mJob;
    const bool byRoads = mByRoads->isEnabled() && mByRoads->isChecked();
    mWatcher->setFuture(QtConcurrent::run([job, po, byRoads, location, copy]() {
        auto out = std::make_shared<Outcome>();
        try {
            gis::Dataset own;
            const gis::Dataset* ds = copy.get();
            if (!ds) {
                own = gis::openProject(location.toStdString(), gis::OpenMode::ReadOnly)->read();
                ds = &own;
            }
            gis::PlacementOptions run = po;
            std::optional<gis::RoadNetwork> roads; // the project's road layer at its class speeds
            if (byRoads) {
                roads = gis::roadNetworkOf(ds->roads);
                run.roads = &*roads;
            }
            gis::PlacementControl control;
            control.stop = job->stop.get_token();
            // the run is 90 % of the work, the comparison with the priority pekon the rest
            control.progress = [job](double f) { job->permille = static_cast<int>(f * 900.0); };
            gis::PlacementResult result = gis::placeFacilities(*ds, run, control);
            if (job->stop.stop_requested())
                throw gis::PlacementCancelled();
            out->summary = gis::summarisePlacement(*ds, run, result);
            if (job->stop.stop_requested())
                throw gis::PlacementCancelled();
            job->permille = 1000;
            out->result = std::move(result);
        } catch (const gis::PlacementCancelled&) {
            out->cancelled = true;
        } catch (const gis::PlacementError& e) {
            switch (e.parameter()) {
            case gis::PlacementParameter::Count:
                out->error = PlacementPanel::tr("Choose at least one new site.");
                break;
            case gis::PlacementParameter::RadiusKm:
            case gis::PlacementParameter::Minutes:
                out->error = PlacementPanel::tr("The reach must be more than zero.");
                break;
            case gis::PlacementParameter::Capacity:
                out->error = PlacementPanel::tr("The capacity must be more than zero.");
                break;
            case gis::PlacementParameter::Candidates:
                out->error = PlacementPanel::tr("The candidates give no pekon to place a site in (or too many for "
                                                "the shortest-distance method): change the rule or the selection.");
                break;
            }
        } catch (const std::exception& e) {
            out->error = UserMessages::forError(e, UserAction::ShowMap, location);
        }
        return out;
    }));
    mProgressTimer->start(50);
    updateControls();
}

void PlacementPanel::cancelRun()
{
    if (!running())
        return;
    mJob->stop.request_stop();
    mStatus->setText(tr("Stopping…"));
    mCancel->setEnabled(false);
}

void PlacementPanel::finishRun()
{
    mProgressTimer->stop();
    const std::shared_ptr<Outcome> out = mWatcher->result();
    const bool discard = mJob && mJob->discard;
    mJob.reset();
    if (discard) {
        updateControls();
        emit runFinished();
        return;
    }
    if (out->cancelled) {
        mStatus->setText(tr("Stopped: nothing was proposed or saved."));
    } else if (!out->error.isEmpty()) {
        mStatus->setText(out->error);
    } else {
        mResult = std::move(out->result);
        mSummary = out->summary;
        mStatus->clear();
        mWorkspace->keepPlacement(PlacementShown{*mResult, mSummary, false});
        showResult();
    }
    updateControls();
    emit runFinished();
}

void PlacementPanel::showResult()
{
    const gis::PlacementResult& r = *mResult;
    const gis::PlacementSummary& s = mSummary;
    const QString kind = kindLabel(r.options.kind);
    const QString reach = r.roadsUsed ? tr("%1 min").arg(formatNumber(r.options.minutes, 0))
                                      : tr("%1 km").arg(formatNumber(r.options.radiusKm, 1));
    auto count = [](double v) { return formatCount(std::llround(v)); };
    auto percent = [](double v) { return formatNumber(v, 1) + QStringLiteral(" %"); };
    QStringList lines;
    lines << tr("<b>%1 new %2</b> within %3, among %4 candidate pekon; %5 poor people in all.")
                 .arg(QString::number(r.sites.size()), kind, reach,
                      formatCount(static_cast<long long>(r.candidateCount)), count(r.totalDemand));
    if (s.maxCover) {
        const QString what = s.capacitated ? tr("Served") : tr("Reached");
        lines << tr("%1 before: <b>%2</b> (%3); after: <b>%4</b> (%5); newly %6.")
                     .arg(what, count(r.before), percent(s.beforePercent), count(r.after), percent(s.afterPercent),
                          count(s.newly));
        if (s.capacitated)
            lines << tr("Under the capacity %1 poor people are left unserved; %2 pekon are served in part, %3 not "
                        "at all.")
                         .arg(count(s.unserved), formatCount(static_cast<long long>(s.partlyServed)),
                              formatCount(static_cast<long long>(s.notServed)));
        if (const auto& a = s.access)
            lines << tr("Access (2SFCA, %1 per 1,000 poor people within reach): before %2, after <b>%3</b>; pekon "
                        "with none within reach: %4 → %5.")
                         .arg(kind, formatNumber(a->meanBefore, 3), formatNumber(a->meanAfter, 3),
                              formatCount(static_cast<long long>(a->noneBefore)),
                              formatCount(static_cast<long long>(a->noneAfter)));
        if (const auto& p = s.priority)
            lines << tr("The same %1 sites in the highest-priority pekon would reach %2 (%3), newly %4, against %5 "
                        "by this proposal.")
                         .arg(QString::number(p->count), count(p->after), percent(p->afterPercent), count(p->newly),
                              count(s.newly));
    } else {
        const QString unit = r.roadsUsed ? tr("min") : QStringLiteral("km");
        const QString before =
            std::isnan(s.meanDistanceBefore) ? tr("none exist") : formatNumber(s.meanDistanceBefore, 2) + " " + unit;
        lines << tr("Mean distance of a poor person to the nearest %1: before %2, after <b>%3 %4</b>.")
                     .arg(kind, before, formatNumber(s.meanDistanceAfter, 2), unit);
        if (r.unreachable)
            lines << tr("%1 pekon cannot be reached.").arg(r.unreachable);
    }
    QString html;
    for (const QString& line : lines)
        html += QStringLiteral("<p style=\"margin:0 0 5px 0\">") + line + QStringLiteral("</p>");
    mFigures->setText(html);

    mSites->setHorizontalHeaderItem(3, new QTableWidgetItem(s.maxCover ? tr("Added") : tr("Gain")));
    mSites->setRowCount(static_cast<int>(r.sites.size()));
    ProposalOverlay overlay;
    overlay.kind = r.options.kind;
    overlay.reachKm = r.roadsUsed ? 0.0 : r.options.radiusKm;
    overlay.name = tr("Proposed %1 (%2)").arg(kind).arg(r.sites.size());
    for (std::size_t k = 0; k < r.sites.size(); ++k) {
        const gis::PlacedSite& site = r.sites[k];
        const int row = static_cast<int>(k);
        mSites->setItem(row, 0, cell(QString::number(k + 1), true));
        mSites->setItem(row, 1, cell(qs(site.name)));
        mSites->setItem(row, 2, cell(mWorkspace->kecamatanNameOf(site.code)));
        mSites->setItem(row, 3, cell(formatNumber(site.gain, s.maxCover ? 0 : 1), true));
        mSites->setItem(row, 4, cell(count(site.served), true));
        overlay.sites.push_back({static_cast<int>(k + 1), site.code, site.name, site.point});
    }
    mSites->resizeColumnsToContents();
    mSites->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    mWorkspace->setProposals(std::move(overlay));
}

// ---------------------------------------------------------------------------------------
// Saved runs
// ---------------------------------------------------------------------------------------

long long PlacementPanel::saveResult()
{
    if (!mResult || mResultSaved || !mWorkspace->canEdit() || running())
        return 0;
    gis::ProjectChanges changes;
    changes.addPrograms.push_back(gis::placementRunOf(*mResult, gis::isoUtcNow()));
    try {
        const std::vector<long long> ids = mWorkspace->commit(changes);
        mResultSaved = true;
        mWorkspace->keepPlacement(PlacementShown{*mResult, mSummary, true});
        const long long id = ids.empty() ? 0 : ids.front();
        mStatus->setText(tr("Saved as proposal %1.").arg(id));
        refreshRuns();
        updateControls();
        return id;
    } catch (const std::exception& e) {
        mStatus->setText(UserMessages::forError(e, UserAction::SaveProject, mWorkspace->location()));
        return 0;
    }
}

void PlacementPanel::refreshRuns()
{
    const gis::Dataset* ds = mWorkspace->dataset();
    const std::vector<long long> keep = selectedRunIds();
    if (mReportRun && ds && std::none_of(ds->programs.begin(), ds->programs.end(), [&](const gis::PlacementRun& r) {
            return r.id == *mReportRun;
        })) {
        mReportRun.reset();
        emit reportRunChosen(0);
    }
    const QSignalBlocker block(mRuns);
    mRuns->clearSelection();
    mRuns->setRowCount(ds ? static_cast<int>(ds->programs.size()) : 0);
    if (!ds) {
        updateComparison();
        return;
    }
    const long long reportId = mReportRun.value_or(ds->programs.empty() ? 0 : ds->programs.back().id);
    for (std::size_t i = 0; i < ds->programs.size(); ++i) {
        const gis::PlacementRun& run = ds->programs[i];
        const int row = static_cast<int>(i);
        auto* id = cell(QString::number(run.id), true);
        id->setData(Qt::UserRole, run.id);
        mRuns->setItem(row, 0, id);
        mRuns->setItem(row, 1, cell(savedDate(run.createdUtc)));
        mRuns->setItem(row, 2, cell(kindLabel(run.kind)));
        mRuns->setItem(row, 3, cell(run.method == "pmedian" ? tr("shortest distance") : tr("maximal covering")));
        mRuns->setItem(row, 4, cell(QString::number(run.count), true));
        mRuns->setItem(row, 5,
                       cell(run.minutes ? tr("%1 min").arg(formatNumber(*run.minutes, 0))
                                        : tr("%1 km").arg(formatNumber(run.radiusKm.value_or(0.0), 1)),
                            true));
        const auto number = [](const std::optional<double>& v) {
            return v ? formatCount(std::llround(*v)) : QStringLiteral("–");
        };
        mRuns->setItem(row, 6,
                       cell(number(run.coveredBefore) + QStringLiteral(" → ") + number(run.coveredAfter), true));
        mRuns->setItem(row, 7, cell(run.id == reportId ? tr("✓ in the pack") : QString()));
        if (std::find(keep.begin(), keep.end(), run.id) != keep.end())
            mRuns->selectionModel()->select(mRuns->model()->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    mRuns->resizeColumnsToContents();
    updateComparison();
}

std::vector<long long> PlacementPanel::selectedRunIds() const
{
    std::vector<long long> ids;
    for (const QModelIndex& index : mRuns->selectionModel()->selectedRows())
        if (const QTableWidgetItem* item = mRuns->item(index.row(), 0))
            ids.push_back(item->data(Qt::UserRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void PlacementPanel::showSavedRun()
{
    const std::vector<long long> ids = selectedRunIds();
    const gis::Dataset* ds = mWorkspace->dataset();
    if (ids.size() != 1 || !ds)
        return;
    for (const gis::PlacementRun& run : ds->programs)
        if (run.id == ids.front()) {
            ProposalOverlay overlay;
            overlay.kind = run.kind;
            overlay.sites = layers::proposedSites(run);
            std::sort(overlay.sites.begin(), overlay.sites.end(),
                      [](const layers::ProposedSite& a, const layers::ProposedSite& b) { return a.rank < b.rank; });
            overlay.reachKm = run.radiusKm.value_or(0.0);
            overlay.name =
                tr("Proposal %1: %2 (%3)")
                    .arg(QString::number(run.id), kindLabel(run.kind), QString::number(overlay.sites.size()));
            mWorkspace->setProposals(std::move(overlay));
            mStatus->setText(tr("Proposal %1 is on the map.").arg(run.id));
        }
}

void PlacementPanel::chooseReportRun()
{
    const std::vector<long long> ids = selectedRunIds();
    if (ids.size() != 1)
        return;
    mReportRun = ids.front();
    refreshRuns();
    mStatus->setText(tr("The meeting pack will show proposal %1.").arg(*mReportRun));
    emit reportRunChosen(*mReportRun);
}

void PlacementPanel::updateComparison()
{
    const std::vector<long long> ids = selectedRunIds();
    const gis::Dataset* ds = mWorkspace->dataset();
    if (ids.size() != 2 || !ds) {
        mCompare->hide();
        return;
    }
    std::vector<const gis::PlacementRun*> runs;
    for (long long id : ids)
        for (const gis::PlacementRun& r : ds->programs)
            if (r.id == id)
                runs.push_back(&r);
    if (runs.size() != 2) {
        mCompare->hide();
        return;
    }
    const QStringList rows = {tr("Saved"),
                              tr("Kind"),
                              tr("Method"),
                              tr("Sites"),
                              tr("Reach"),
                              tr("Capacity"),
                              tr("Candidates"),
                              tr("Reached before"),
                              tr("Reached after"),
                              tr("Newly reached"),
                              tr("Mean distance after"),
                              tr("Sites (in order)")};
    mCompare->clear();
    mCompare->setRowCount(static_cast<int>(rows.size()));
    mCompare->setColumnCount(2);
    mCompare->setVerticalHeaderLabels(rows);
    mCompare->setHorizontalHeaderLabels({tr("Proposal %1").arg(runs[0]->id), tr("Proposal %1").arg(runs[1]->id)});
    const auto number = [](const std::optional<double>& v) {
        return v ? formatCount(std::llround(*v)) : QStringLiteral("–");
    };
    for (int c = 0; c < 2; ++c) {
        const gis::PlacementRun& r = *runs[static_cast<std::size_t>(c)];
        QStringList names;
        for (const gis::ProgramSite& s : r.sites)
            names << QString::number(s.rank) + QStringLiteral(". ") + qs(s.name);
        const bool mclp = r.method != "pmedian";
        const QString meanAfter = !mclp && r.costAfter && r.totalDemand > 0
            ? formatNumber(*r.costAfter / r.totalDemand, 2) + (r.minutes ? tr(" min") : QStringLiteral(" km"))
            : QStringLiteral("–");
        const QString newly = r.coveredBefore && r.coveredAfter
            ? formatCount(std::llround(*r.coveredAfter - *r.coveredBefore))
            : QStringLiteral("–");
        const QString candidates = r.candidates == "without_kind" || r.candidates.empty()
            ? tr("pekon without the kind")
            : (r.candidates.find_first_of("<>=") != std::string::npos ? qs(r.candidates)
                                                                      : tr("%1 chosen pekon").arg(r.candidateCount));
        const QStringList values = {savedDate(r.createdUtc),
                                    kindLabel(r.kind),
                                    mclp ? tr("maximal covering") : tr("shortest distance"),
                                    QString::number(r.count),
                                    r.minutes ? tr("%1 min").arg(formatNumber(*r.minutes, 0))
                                              : tr("%1 km").arg(formatNumber(r.radiusKm.value_or(0.0), 1)),
                                    r.capacity ? formatCount(std::llround(*r.capacity)) : tr("unlimited"),
                                    candidates,
                                    number(r.coveredBefore),
                                    number(r.coveredAfter),
                                    newly,
                                    meanAfter,
                                    names.join(QStringLiteral(", "))};
        for (int row = 0; row < values.size(); ++row) {
            auto* item = cell(values[row]);
            item->setToolTip(values[row]);
            mCompare->setItem(row, c, item);
        }
    }
    mCompare->show();
}

} // namespace ui
} // namespace app
