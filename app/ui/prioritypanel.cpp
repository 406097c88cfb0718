#include "ui/prioritypanel.h"

#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/store.h"
#include "ui/villagetablemodel.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace app::ui {

namespace {

constexpr int kSliderMax = 100;
constexpr int kSliderOfLargest = 50; ///< where the largest weight of a loaded scheme sits

/// Combo boxes that may be narrower than their longest item: the panel fits a narrow dock.
void letShrink(QComboBox* box)
{
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(6);
}

bool sameScheme(const gis::PriorityScheme& a, const gis::PriorityScheme& b)
{
    return gis::schemeToJson(a) == gis::schemeToJson(b);
}

} // namespace

PriorityPanel::PriorityPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    mSchemeLabel = new QLabel(this);
    mSchemeLabel->setWordWrap(true);
    mSchemeLabel->setTextFormat(Qt::RichText);

    auto* rowsHost = new QWidget;
    mRowsLayout = new QVBoxLayout(rowsHost);
    mRowsLayout->setContentsMargins(0, 0, 0, 0);
    mRowsLayout->setSpacing(4);
    auto* missingForm = new QFormLayout;
    mMissing = new QComboBox;
    mMissing->setObjectName(QStringLiteral("missingBox"));
    mMissing->addItem(tr("Leave the pekon out"), static_cast<int>(gis::MissingRule::ExcludeVillage));
    mMissing->addItem(tr("Fill in the worst value"), static_cast<int>(gis::MissingRule::FillWorst));
    mMissing->addItem(tr("Fill in the middle value (median)"), static_cast<int>(gis::MissingRule::FillMedian));
    mMissing->setToolTip(tr("What happens to a pekon that has no value for one of the indicators"));
    letShrink(mMissing);
    missingForm->addRow(tr("Pekon without a value"), mMissing);
    mStatus = new QLabel;
    mStatus->setWordWrap(true);

    auto* inner = new QWidget;
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(0, 0, 4, 0);
    innerLayout->addWidget(rowsHost);
    innerLayout->addLayout(missingForm);
    innerLayout->addWidget(mStatus);

    // keep, discard, default
    auto* schemeBox = new QGroupBox(tr("Scheme"));
    mName = new QLineEdit;
    mName->setObjectName(QStringLiteral("schemeNameEdit"));
    mName->setPlaceholderText(tr("Name of the scheme"));
    mSave = new QPushButton(tr("Save to the project"));
    mSave->setObjectName(QStringLiteral("saveSchemeButton"));
    mSave->setToolTip(tr("Keeps these weights in the project under the name given, for everyone who opens it"));
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(mName, 1);
    saveRow->addWidget(mSave);
    mSaveNote = new QLabel;
    mSaveNote->setWordWrap(true);
    mDiscard = new QPushButton(tr("Undo the changes"));
    mDiscard->setObjectName(QStringLiteral("discardSchemeButton"));
    mDefault = new QPushButton(tr("Restore the default scheme"));
    mDefault->setObjectName(QStringLiteral("defaultSchemeButton"));
    mDefault->setToolTip(tr("Goes back to the remote-area priority: five indicators with equal weights"));
    auto* resetRow = new QHBoxLayout;
    resetRow->addWidget(mDiscard);
    resetRow->addWidget(mDefault);
    auto* schemeLayout = new QVBoxLayout(schemeBox);
    schemeLayout->addLayout(saveRow);
    schemeLayout->addWidget(mSaveNote);
    schemeLayout->addLayout(resetRow);
    innerLayout->addWidget(schemeBox);

    // rank stability
    auto* stabilityBox = new QGroupBox(tr("Rank stability"));
    auto* stabilityForm = new QFormLayout;
    mDraws = new QSpinBox;
    mDraws->setObjectName(QStringLiteral("drawsBox"));
    mDraws->setRange(10, 10000);
    mDraws->setSingleStep(100);
    mDraws->setValue(500);
    mDraws->setToolTip(tr("How many times the weights are changed at random"));
    mPerturbation = new QSpinBox;
    mPerturbation->setObjectName(QStringLiteral("perturbationBox"));
    mPerturbation->setRange(1, 90);
    mPerturbation->setValue(20);
    mPerturbation->setPrefix(QStringLiteral("± "));
    mPerturbation->setSuffix(QStringLiteral(" %"));
    mTopN = new QSpinBox;
    mTopN->setObjectName(QStringLiteral("topNBox"));
    mTopN->setRange(1, 100000);
    mTopN->setValue(30);
    stabilityForm->addRow(tr("Draws"), mDraws);
    stabilityForm->addRow(tr("Each weight changed by up to"), mPerturbation);
    stabilityForm->addRow(tr("Count the top"), mTopN);
    mStability = new QPushButton(tr("Compute rank stability"));
    mStability->setObjectName(QStringLiteral("stabilityButton"));
    mStability->setToolTip(tr("Scores the pekon again many times with the weights changed a little, and shows "
                              "how far each rank moves and how often each pekon stays in the top"));
    mCancel = new QPushButton(tr("Cancel"));
    mCancel->setObjectName(QStringLiteral("cancelStabilityButton"));
    mCancel->setEnabled(false);
    mProgress = new QProgressBar;
    mProgress->setRange(0, 100);
    mProgress->setValue(0);
    mProgress->setVisible(false);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(mStability, 1);
    runRow->addWidget(mCancel);
    mStabilityLabel = new QLabel;
    mStabilityLabel->setWordWrap(true);
    auto* stabilityLayout = new QVBoxLayout(stabilityBox);
    stabilityLayout->addLayout(stabilityForm);
    stabilityLayout->addLayout(runRow);
    stabilityLayout->addWidget(mProgress);
    stabilityLayout->addWidget(mStabilityLabel);
    innerLayout->addWidget(stabilityBox);
    innerLayout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mSchemeLabel);
    layout->addWidget(scroll, 1);

    mProgressTimer = new QTimer(this);
    mProgressTimer->setInterval(100);
    connect(mProgressTimer, &QTimer::timeout, this, [this] {
        if (mDone)
            mProgress->setValue(mDone->load());
    });

    connect(mMissing, &QComboBox::currentIndexChanged, this, &PriorityPanel::onEdited);
    connect(mSave, &QPushButton::clicked, this, [this] { saveScheme(mName->text()); });
    connect(mName, &QLineEdit::returnPressed, this, [this] { saveScheme(mName->text()); });
    connect(mDiscard, &QPushButton::clicked, this, [this] { mWorkspace->setScheme(mWorkspace->schemeName()); });
    connect(mDefault, &QPushButton::clicked, this, [this] { mWorkspace->setScheme(QString()); });
    connect(mStability, &QPushButton::clicked, this, &PriorityPanel::startStability);
    connect(mCancel, &QPushButton::clicked, this, &PriorityPanel::cancelStability);
    connect(mWorkspace, &Workspace::projectChanged, this, [this] {
        cancelStability();
        mSaveNote->clear();
        mStabilityLabel->clear();
        syncFromWorkspace();
    });
    connect(mWorkspace, &Workspace::projectDataChanged, this, &PriorityPanel::syncFromWorkspace);
    connect(mWorkspace, &Workspace::analysisChanged, this, &PriorityPanel::syncFromWorkspace);
    syncFromWorkspace();
}

PriorityPanel::~PriorityPanel()
{
    if (mWatcher) {
        mCancelled->store(true);
        mWatcher->waitForFinished();
    }
}

QString PriorityPanel::labelOf(const std::string& key) const
{
    const QString k = QString::fromStdString(key);
    const QString label = VillageTableModel::columnLabel(k);
    if (label != k || !mWorkspace->dataset())
        return label;
    try {
        return QString::fromStdString(gis::indicatorInfo(*mWorkspace->dataset(), key).label);
    } catch (const gis::Error&) {
        return k;
    }
}

void PriorityPanel::syncFromWorkspace()
{
    if (mSyncing)
        return;
    const gis::AnalysisTable* analysis = mWorkspace->analysis();
    if (!analysis) {
        buildRows({});
        mSchemeName.clear();
    } else {
        const gis::PriorityScheme& scored = analysis->scheme;
        bool sameKeys = scored.indicators.size() == mRows.size();
        for (std::size_t i = 0; sameKeys && i < mRows.size(); ++i)
            sameKeys = mRows[i].key == scored.indicators[i].key;
        if (!sameKeys)
            buildRows(scored);
        if (!sameKeys || !sameScheme(scored, editedScheme()))
            showScheme(scored);
    }
    updateStatus();
    updateEnabled();
}

void PriorityPanel::buildRows(const gis::PriorityScheme& scheme)
{
    for (Row& r : mRows)
        delete r.label->parentWidget();
    mRows.clear();
    for (std::size_t i = 0; i < scheme.indicators.size(); ++i) {
        const gis::SchemeIndicator& ind = scheme.indicators[i];
        auto* frame = new QFrame;
        frame->setObjectName(QStringLiteral("indicatorRow"));
        frame->setFrameShape(QFrame::StyledPanel);
        Row r;
        r.key = ind.key;
        r.label = new QLabel(labelOf(ind.key));
        r.label->setWordWrap(true);
        QFont bold = r.label->font();
        bold.setBold(true);
        r.label->setFont(bold);
        r.share = new QLabel;
        r.share->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        r.share->setMinimumWidth(r.share->fontMetrics().horizontalAdvance(QStringLiteral("100 %")) + 4);
        r.share->setToolTip(tr("Share of the score"));
        r.slider = new QSlider(Qt::Horizontal);
        r.slider->setObjectName(QStringLiteral("weightSlider%1").arg(i));
        r.slider->setRange(0, kSliderMax);
        r.slider->setPageStep(10);
        r.slider->setToolTip(tr("Weight of %1").arg(r.label->text()));
        r.direction = new QComboBox;
        r.direction->addItem(tr("Higher means more priority"), static_cast<int>(gis::Direction::HigherIsWorse));
        r.direction->addItem(tr("Lower means more priority"), static_cast<int>(gis::Direction::HigherIsBetter));
        r.normalisation = new QComboBox;
        r.normalisation->addItem(tr("Scaled 0–1 (min–max)"), static_cast<int>(gis::Normalisation::MinMax));
        r.normalisation->addItem(tr("Standard score (z)"), static_cast<int>(gis::Normalisation::ZScore));
        r.normalisation->addItem(tr("Rank (percentile)"), static_cast<int>(gis::Normalisation::PercentileRank));
        r.normalisation->addItem(tr("Position on the scale (category)"),
                                 static_cast<int>(gis::Normalisation::ScaleRank));
        r.normalisation->setToolTip(tr("How the values are brought to one scale before they are weighted"));
        letShrink(r.direction);
        letShrink(r.normalisation);
        auto* top = new QHBoxLayout;
        top->addWidget(r.label, 1);
        top->addWidget(r.share);
        auto* bottom = new QHBoxLayout;
        bottom->addWidget(r.direction, 3);
        bottom->addWidget(r.normalisation, 2);
        auto* box = new QVBoxLayout(frame);
        box->setContentsMargins(6, 4, 6, 4);
        box->setSpacing(2);
        box->addLayout(top);
        box->addWidget(r.slider);
        box->addLayout(bottom);
        mRowsLayout->addWidget(frame);
        const std::size_t index = i;
        connect(r.slider, &QSlider::valueChanged, this, [this, index](int value) {
            if (mSyncing)
                return;
            mWeights[index] = value * mWeightStep;
            onEdited();
        });
        connect(r.direction, &QComboBox::currentIndexChanged, this, &PriorityPanel::onEdited);
        connect(r.normalisation, &QComboBox::currentIndexChanged, this, &PriorityPanel::onEdited);
        mRows.push_back(r);
    }
    mWeights.assign(mRows.size(), 0.0);
}

void PriorityPanel::showScheme(const gis::PriorityScheme& scheme)
{
    mSyncing = true;
    mSchemeName = scheme.name;
    double largest = 0.0;
    for (const gis::SchemeIndicator& ind : scheme.indicators)
        largest = std::max(largest, ind.weight);
    mWeightStep = largest > 0.0 ? largest / kSliderOfLargest : 0.02;
    for (std::size_t i = 0; i < mRows.size() && i < scheme.indicators.size(); ++i) {
        const gis::SchemeIndicator& ind = scheme.indicators[i];
        mWeights[i] = ind.weight;
        mRows[i].slider->setValue(std::clamp(static_cast<int>(std::lround(ind.weight / mWeightStep)), 0, kSliderMax));
        mRows[i].direction->setCurrentIndex(mRows[i].direction->findData(static_cast<int>(ind.direction)));
        mRows[i].normalisation->setCurrentIndex(mRows[i].normalisation->findData(static_cast<int>(ind.normalisation)));
    }
    mMissing->setCurrentIndex(mMissing->findData(static_cast<int>(scheme.missing)));
    mSyncing = false;
    updateShares();
}

gis::PriorityScheme PriorityPanel::editedScheme() const
{
    gis::PriorityScheme s;
    s.name = mSchemeName;
    for (std::size_t i = 0; i < mRows.size(); ++i) {
        gis::SchemeIndicator ind;
        ind.key = mRows[i].key;
        ind.weight = mWeights[i];
        ind.direction = static_cast<gis::Direction>(mRows[i].direction->currentData().toInt());
        ind.normalisation = static_cast<gis::Normalisation>(mRows[i].normalisation->currentData().toInt());
        s.indicators.push_back(ind);
    }
    s.missing = static_cast<gis::MissingRule>(mMissing->currentData().toInt());
    return s;
}

void PriorityPanel::updateShares()
{
    double sum = 0.0;
    for (double w : mWeights)
        sum += w;
    for (std::size_t i = 0; i < mRows.size(); ++i)
        mRows[i].share->setText(sum > 0.0
                                    ? QStringLiteral("%1 %").arg(QLocale().toString(100.0 * mWeights[i] / sum, 'f', 0))
                                    : QStringLiteral("–"));
}

void PriorityPanel::onEdited()
{
    if (mSyncing || mRows.empty())
        return;
    updateShares();
    const gis::PriorityScheme scheme = editedScheme();
    double sum = 0.0;
    for (double w : mWeights)
        sum += w;
    if (sum <= 0.0) {
        mStatus->setText(tr("Give at least one indicator a weight above zero."));
        return;
    }
    cancelStability(); // it was computing for the weights before
    QElapsedTimer timer;
    timer.start();
    mSyncing = true; // the workspace's signals come back here: the widgets are already right
    try {
        mWorkspace->setEditedScheme(scheme);
        if (mWorkspace->themeKey() != QLatin1String("priority"))
            mWorkspace->setTheme(QStringLiteral("priority")); // the map shows what is being weighed
    } catch (const gis::Error& e) {
        mStatus->setText(
            tr("The pekon cannot be scored with these settings: %1").arg(QString::fromStdString(e.what())));
    }
    mSyncing = false;
    mLastRescoreMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    updateStatus();
    updateEnabled();
}

void PriorityPanel::updateStatus()
{
    const gis::AnalysisTable* analysis = mWorkspace->analysis();
    const QString scheme =
        mWorkspace->schemeName().isEmpty() ? tr("Remote-area priority (default)") : mWorkspace->schemeName();
    if (!analysis) {
        mSchemeLabel->setText(tr("No analysis yet: the project needs boundaries, poverty figures and the regency "
                                 "capital."));
        mStatus->clear();
        return;
    }
    mSchemeLabel->setText(mWorkspace->schemeEdited()
                              ? tr("Scheme: <b>%1</b> — <span style='color:#b36b00'>changed, not saved</span>")
                                    .arg(scheme.toHtmlEscaped())
                              : tr("Scheme: <b>%1</b>").arg(scheme.toHtmlEscaped()));
    const std::size_t excluded = analysis->priority.excludedCount();
    const QLocale locale;
    const QString scored = tr("%1 pekon scored")
                               .arg(locale.toString(static_cast<qlonglong>(
                                   analysis->rows.size() - std::min(excluded, analysis->rows.size()))));
    mStatus->setText(excluded == 0 ? scored + QLatin1Char('.')
                                   : tr("%1; %2 left out for a missing value.")
                                         .arg(scored, locale.toString(static_cast<qlonglong>(excluded))));
}

void PriorityPanel::updateEnabled()
{
    const bool analysed = mWorkspace->analysis() != nullptr;
    const bool editable = mWorkspace->canEdit();
    mMissing->setEnabled(analysed);
    mName->setEnabled(analysed && editable);
    mSave->setEnabled(analysed && editable);
    if (analysed && !editable)
        mSaveNote->setText(tr("Schemes cannot be saved: %1").arg(mWorkspace->readOnlyReason()));
    else if (mSaveNote->text().startsWith(tr("Schemes cannot be saved: %1").arg(QString())))
        mSaveNote->clear();
    mDiscard->setEnabled(mWorkspace->schemeEdited());
    mDefault->setEnabled(analysed && (mWorkspace->schemeEdited() || !mWorkspace->schemeName().isEmpty()));
    const bool running = mWatcher != nullptr;
    mStability->setEnabled(analysed && !running);
    mCancel->setEnabled(running);
    mDraws->setEnabled(!running);
    mPerturbation->setEnabled(!running);
    mTopN->setEnabled(!running);
    mSaveNote->setVisible(!mSaveNote->text().isEmpty()); // no empty gap in the group
    if (analysed)
        mTopN->setMaximum(std::max(1, static_cast<int>(mWorkspace->analysis()->rows.size())));
}

bool PriorityPanel::saveScheme(const QString& name)
{
    struct ShowNoteOnReturn {
        QLabel* note;
        ~ShowNoteOnReturn() { note->setVisible(!note->text().isEmpty()); }
    } showNote{mSaveNote};
    const QString trimmed = name.trimmed();
    if (!mWorkspace->analysis())
        return false;
    if (!mWorkspace->canEdit()) {
        mSaveNote->setText(tr("Schemes cannot be saved: %1").arg(mWorkspace->readOnlyReason()));
        return false;
    }
    if (trimmed.isEmpty()) {
        mSaveNote->setText(tr("Give the scheme a name first."));
        mName->setFocus();
        return false;
    }
    gis::PriorityScheme scheme = editedScheme();
    scheme.name = trimmed.toStdString();
    gis::ProjectChanges changes;
    changes.meta["skema." + scheme.name] = gis::schemeToJson(scheme);
    try {
        mWorkspace->commit(changes);
    } catch (const gis::Error& e) {
        mSaveNote->setText(tr("The scheme was not saved: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    mWorkspace->setScheme(trimmed);
    mSaveNote->setText(tr("Saved in the project as \"%1\".").arg(trimmed));
    return true;
}

void PriorityPanel::startStability()
{
    const gis::AnalysisTable* analysis = mWorkspace->analysis();
    if (!analysis || mWatcher)
        return;
    gis::SensitivityOptions options;
    options.draws = mDraws->value();
    options.perturbation = mPerturbation->value() / 100.0;
    options.topN = mTopN->value();
    options.seed = kSeed;
    // The worker reads its own copy: the analysis may be scored again while it runs.
    auto codes = std::make_shared<std::vector<std::string>>();
    codes->reserve(analysis->rows.size());
    for (const gis::AnalysisTable::Row& row : analysis->rows)
        codes->push_back(row.kode);
    auto inputs = std::make_shared<std::map<std::string, std::vector<double>>>();
    for (const gis::SchemeIndicator& ind : analysis->scheme.indicators)
        if (auto it = analysis->inputs.find(ind.key); it != analysis->inputs.end())
            inputs->insert(*it);
    mJobScheme = analysis->scheme;
    mDone = std::make_shared<std::atomic<int>>(0);
    mCancelled = std::make_shared<std::atomic<bool>>(false);
    auto done = mDone;
    auto cancelled = mCancelled;
    const gis::PriorityScheme scheme = mJobScheme;
    mWatcher = new QFutureWatcher<StabilityOutcome>(this);
    connect(mWatcher, &QFutureWatcherBase::finished, this, &PriorityPanel::onStabilityFinished);
    mWatcher->setFuture(QtConcurrent::run([scheme, codes, inputs, options, done, cancelled] {
        StabilityOutcome outcome;
        try {
            outcome.result = gis::prioritySensitivity(scheme, *codes, *inputs, options, [&](int d, int) {
                done->store(d);
                return !cancelled->load();
            });
        } catch (const gis::Error& e) {
            outcome.error = e.what(); // an exception would not cross QtConcurrent::run as itself
        }
        return outcome;
    }));
    mProgress->setRange(0, options.draws);
    mProgress->setValue(0);
    mProgress->setVisible(true);
    mStabilityLabel->setText(tr("Computing…"));
    mProgressTimer->start();
    updateEnabled();
}

void PriorityPanel::cancelStability()
{
    if (!mWatcher)
        return;
    mCancelled->store(true); // the job stops after its current draw; finished() follows
    mWatcher->waitForFinished();
    onStabilityFinished();
}

void PriorityPanel::onStabilityFinished()
{
    if (!mWatcher)
        return;
    auto* watcher = mWatcher;
    mWatcher = nullptr;
    mProgressTimer->stop();
    mProgress->setVisible(false);
    watcher->disconnect(this); // a cancelled job's finished() must not end the next job
    const StabilityOutcome outcome = watcher->result();
    const std::optional<gis::SensitivityResult>& result = outcome.result;
    const QString error = QString::fromStdString(outcome.error);
    watcher->deleteLater();
    if (!error.isEmpty()) {
        mStabilityLabel->setText(tr("Rank stability could not be computed: %1").arg(error));
    } else if (!result) {
        mStabilityLabel->setText(tr("Cancelled."));
    } else {
        mSyncing = true;
        const bool shown = mWorkspace->setSensitivity(mJobScheme, *result);
        mSyncing = false;
        if (!shown) {
            mStabilityLabel->setText(tr("The weights changed meanwhile: compute again."));
        } else {
            int always = 0, mostly = 0;
            for (std::size_t i = 0; i < result->topShare.size(); ++i) {
                if (result->rankMin[i] == 0)
                    continue;
                if (result->topShare[i] >= 1.0)
                    ++always;
                else if (result->topShare[i] >= 0.5)
                    ++mostly;
            }
            const QLocale locale;
            mStabilityLabel->setText(
                tr("%1 draws with each weight changed by up to %2 %: %3 pekon stay in the top %4 in every draw, "
                   "%5 more in at least half of them. The table shows each pekon's best and worst rank.")
                    .arg(locale.toString(result->options.draws), locale.toString(mPerturbation->value()),
                         locale.toString(always), locale.toString(result->options.topN), locale.toString(mostly)));
        }
    }
    updateEnabled();
}

} // namespace app::ui
