#include "ui/hotspotspanel.h"

#include "gis/error.h"
#include "gis/indicators.h"
#include "ui/language.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <utility>

namespace app::ui {

namespace {

QString clusterLabel(gis::Cluster c)
{
    switch (c) {
    case gis::Cluster::HighHigh:
        return HotspotsPanel::tr("high-high (hotspot)");
    case gis::Cluster::LowLow:
        return HotspotsPanel::tr("low-low (cold spot)");
    case gis::Cluster::HighLow:
        return HotspotsPanel::tr("high-low (outlier)");
    case gis::Cluster::LowHigh:
        return HotspotsPanel::tr("low-high (outlier)");
    case gis::Cluster::NotSignificant:
        return HotspotsPanel::tr("not significant");
    case gis::Cluster::NotTested:
        return HotspotsPanel::tr("not tested");
    }
    return {};
}

} // namespace

HotspotsPanel::HotspotsPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    auto* form = new QFormLayout;
    mIndicator = new QComboBox(this);
    mIndicator->setObjectName(QStringLiteral("hotspotIndicator"));
    mIndicator->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mIndicator->setMinimumContentsLength(16);
    form->addRow(tr("Indicator"), mIndicator);

    mWeights = new QComboBox(this);
    mWeights->setObjectName(QStringLiteral("hotspotWeights"));
    mWeights->addItem(tr("Shared borders (queen)"), static_cast<int>(gis::WeightsKind::Queen));
    mWeights->addItem(tr("Nearest pekon (k nearest)"), static_cast<int>(gis::WeightsKind::Knn));
    form->addRow(tr("Neighbours"), mWeights);

    mTolerance = new QDoubleSpinBox(this);
    mTolerance->setObjectName(QStringLiteral("hotspotTolerance"));
    mTolerance->setRange(0.0, 2000.0);
    mTolerance->setDecimals(0);
    mTolerance->setSingleStep(10.0);
    mTolerance->setValue(50.0);
    mTolerance->setSuffix(QStringLiteral(" m"));
    mTolerance->setToolTip(tr("Pekon closer than this count as sharing a border (bridges gaps in the boundary file)."));
    form->addRow(tr("Border tolerance"), mTolerance);

    mNeighbours = new QSpinBox(this);
    mNeighbours->setObjectName(QStringLiteral("hotspotK"));
    mNeighbours->setRange(1, 30);
    mNeighbours->setValue(6);
    form->addRow(tr("Number of neighbours"), mNeighbours);

    mPermutations = new QSpinBox(this);
    mPermutations->setObjectName(QStringLiteral("hotspotPermutations"));
    mPermutations->setRange(99, 9999);
    mPermutations->setSingleStep(100);
    mPermutations->setValue(999);
    form->addRow(tr("Permutations"), mPermutations);

    mAlpha = new QComboBox(this);
    mAlpha->setObjectName(QStringLiteral("hotspotAlpha"));
    for (double a : {0.05, 0.01, 0.10})
        mAlpha->addItem(formatNumber(a, 2), a);
    form->addRow(tr("Significance level"), mAlpha);

    mFdr = new QCheckBox(tr("Correct for many tests (false discovery rate)"), this);
    mFdr->setObjectName(QStringLiteral("hotspotFdr"));
    form->addRow(QString(), mFdr);

    mCompute = new QPushButton(tr("Find hotspots"), this);
    mCompute->setObjectName(QStringLiteral("hotspotCompute"));
    mCancel = new QPushButton(tr("Cancel"), this);
    mCancel->setObjectName(QStringLiteral("hotspotCancel"));
    mCancel->setEnabled(false);
    mSummary = new QLabel(this);
    mSummary->setObjectName(QStringLiteral("hotspotSummary"));
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(mCompute, 1);
    buttons->addWidget(mCancel);
    layout->addLayout(buttons);
    layout->addWidget(mSummary);
    layout->addStretch(1);

    connect(mWeights, &QComboBox::currentIndexChanged, this, &HotspotsPanel::updateWeightsControls);
    connect(mCompute, &QPushButton::clicked, this, &HotspotsPanel::compute);
    connect(mCancel, &QPushButton::clicked, this, &HotspotsPanel::cancel);
    connect(&mWatcher, &QFutureWatcher<Outcome>::finished, this, &HotspotsPanel::finished);
    connect(mWorkspace, &Workspace::projectChanged, this, &HotspotsPanel::reload);
    connect(mWorkspace, &Workspace::projectDataChanged, this, &HotspotsPanel::refresh);
    reload();
    // a panel built again (another language) shows the result the map shows, else one computed
    const std::vector<gis::HotspotResult> computed = mWorkspace->computedHotspots();
    const gis::HotspotResult* shown = mWorkspace->hotspots() ? mWorkspace->hotspots()
        : computed.empty()                                   ? nullptr
                                                             : &computed.front();
    if (shown) {
        const int row = mIndicator->findData(QString::fromStdString(shown->key));
        if (row >= 0) {
            mIndicator->setCurrentIndex(row);
            mResult = *shown;
            showSummary(*shown);
        }
    }
}

HotspotsPanel::~HotspotsPanel()
{
    mStop.request_stop();
    mWatcher.waitForFinished(); // the job reads mRunningOn, which this panel keeps alive
}

void HotspotsPanel::refresh()
{
    const bool had = mResult.has_value();
    const gis::HotspotResult before = had ? *mResult : gis::HotspotResult{};
    reload();
    if (!had || mIndicator->findData(QString::fromStdString(before.key)) < 0)
        return;
    mResult = before;
    showSummary(before);
    if (isRunning())
        return; // a job on the old data is still going: its result is dropped when it ends
    mRefreshing = true;
    compute();
}

void HotspotsPanel::cancel()
{
    if (!isRunning())
        return;
    mStop.request_stop();
    mCancel->setEnabled(false);
    mSummary->setText(tr("Stopping…"));
}

void HotspotsPanel::reload()
{
    const QString before = indicatorKey();
    mIndicator->clear();
    for (const ThemeInfo& t : mWorkspace->themes())
        if (t.kind == ThemeInfo::Kind::Indicator && t.key != QLatin1String("base"))
            mIndicator->addItem(t.unit.isEmpty() ? t.label : tr("%1 (%2)").arg(t.label, t.unit), t.key);
    int index = mIndicator->findData(before.isEmpty() ? QStringLiteral("poverty_rate") : before);
    if (index < 0)
        index = mIndicator->findData(QStringLiteral("poverty_rate"));
    mIndicator->setCurrentIndex(std::max(index, 0));
    mCompute->setEnabled(mWorkspace->hasProject() && mIndicator->count() > 0 && !isRunning());
    mResult.reset();
    mSummary->setText(mWorkspace->hasProject() && mIndicator->count() == 0
                          ? tr("This project has no values to look for hotspots in.")
                          : QString());
    updateWeightsControls();
}

void HotspotsPanel::updateWeightsControls()
{
    const bool queen = mWeights->currentData().toInt() == static_cast<int>(gis::WeightsKind::Queen);
    mTolerance->setEnabled(queen);
    mNeighbours->setEnabled(!queen);
}

QString HotspotsPanel::indicatorKey() const
{
    return mIndicator->currentData().toString();
}

gis::HotspotOptions HotspotsPanel::options() const
{
    gis::HotspotOptions o;
    o.period = mWorkspace->period().toStdString();
    o.weights = static_cast<gis::WeightsKind>(mWeights->currentData().toInt());
    o.toleranceM = mTolerance->value();
    o.k = static_cast<std::size_t>(mNeighbours->value());
    o.permutations = mPermutations->value();
    o.alpha = mAlpha->currentData().toDouble();
    o.fdr = mFdr->isChecked();
    return o;
}

void HotspotsPanel::compute()
{
    if (isRunning() || !mWorkspace->hasProject() || indicatorKey().isEmpty())
        return;
    mRunningOn = mWorkspace->datasetSnapshot();
    const std::string key = indicatorKey().toStdString();
    mStop = std::stop_source();
    gis::HotspotOptions opts = options();
    opts.stop = mStop.get_token();
    mCompute->setEnabled(false);
    mCancel->setEnabled(true);
    if (!mRefreshing)
        mSummary->setText(tr("Computing hotspots…"));
    mWatcher.setFuture(QtConcurrent::run([ds = mRunningOn, key, opts]() -> Outcome {
        Outcome out;
        try {
            out.result = gis::analyzeHotspots(*ds, key, opts);
            out.result->options.stop = {}; // the result keeps the options, not the stop
        } catch (const gis::HotspotsCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        return out;
    }));
}

void HotspotsPanel::finished()
{
    Outcome out = mWatcher.result();
    const bool sameProject = mRunningOn && mRunningOn == mWorkspace->datasetSnapshot();
    const bool refreshing = std::exchange(mRefreshing, false);
    mRunningOn.reset();
    mCompute->setEnabled(mWorkspace->hasProject() && mIndicator->count() > 0);
    mCancel->setEnabled(false);
    if (out.cancelled) {
        mSummary->setText(refreshing ? tr("Stopped: the hotspots shown were computed before the last change.")
                                     : tr("Stopped: no hotspots were computed; the map is unchanged."));
        emit computed(false);
        return;
    }
    if (!sameProject) {
        mSummary->clear(); // the project changed while it ran: the result is of another one
        emit computed(false);
        return;
    }
    if (!out.result) {
        mSummary->setText(UserMessages::forError(gis::Error(out.error), UserAction::ShowMap, mWorkspace->location()));
        emit computed(false);
        return;
    }
    mResult = *out.result;
    if (!mWorkspace->showHotspots(std::move(*out.result), !refreshing)) {
        mSummary->setText(tr("The period changed while the hotspots were computed: compute them again."));
        emit computed(false);
        return;
    }
    showSummary(*mResult);
    emit computed(true);
}

void HotspotsPanel::showSummary(const gis::HotspotResult& r)
{
    const gis::MoranResult& m = r.global;
    QString pattern;
    const double alpha = r.options.alpha;
    if (std::isfinite(m.pValue) && m.pValue <= alpha)
        pattern = m.i > m.expected ? tr("Pekon with similar values (high next to high, low next to low) lie together "
                                        "more than chance would give: there are real clusters.")
                                   : tr("Neighbouring pekon differ more than chance would give (a scattered pattern).");
    else
        pattern = tr("No spatial pattern beyond chance at this significance level.");
    QStringList counts;
    for (gis::Cluster c : {gis::Cluster::HighHigh, gis::Cluster::LowLow, gis::Cluster::HighLow, gis::Cluster::LowHigh,
                           gis::Cluster::NotSignificant, gis::Cluster::NotTested}) {
        auto it = r.clusterCounts.find(c);
        const long long n = it == r.clusterCounts.end() ? 0 : static_cast<long long>(it->second);
        counts << tr("%1: %2").arg(clusterLabel(c), formatCount(n));
    }
    QString text = tr("Global Moran's I: %1 (expected without pattern %2), pseudo p = %3 from %4 permutations, "
                      "z = %5.")
                       .arg(formatNumber(m.i, 3), formatNumber(m.expected, 3), formatNumber(m.pValue, 3),
                            formatCount(m.permutations), formatNumber(m.zPermutation, 2));
    text += QLatin1Char('\n') + pattern;
    text += QLatin1Char('\n')
        + tr("%1 pekon tested, %2 without neighbours, %3 without a value.")
              .arg(formatCount(static_cast<long long>(m.n)), formatCount(static_cast<long long>(r.islandCodes.size())),
                   formatCount(static_cast<long long>(r.missingCodes.size())));
    text += QLatin1Char('\n')
        + tr("Clusters (period %1): %2.").arg(QString::fromStdString(r.period), counts.join(QStringLiteral("; ")));
    mSummary->setText(text);
}

QString HotspotsPanel::summaryText() const
{
    return mSummary->text();
}

} // namespace app::ui
