#include "ui/pokdarwispanel.h"

#include "gis/error.h"
#include "gis/network.h"
#include "gis/roadlayer.h"
#include "ui/language.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <utility>

namespace app::ui {

namespace {

QString indicatorLabel(const std::string& key)
{
    if (key == "attractions_near")
        return PokdarwisPanel::tr("Attractions near");
    if (key == "dist_capital_km")
        return PokdarwisPanel::tr("Closeness to the regency capital");
    if (key == "poverty_rate")
        return PokdarwisPanel::tr("Poverty rate");
    return QString::fromStdString(key);
}

double columnValue(const gis::PokdarwisResult& r, const gis::PokdarwisResult::Row& row, const char* column)
{
    auto it = std::find(r.columns.begin(), r.columns.end(), column);
    return it == r.columns.end() ? NAN : row.values[static_cast<std::size_t>(it - r.columns.begin())];
}

QTableWidgetItem* numberItem(double value, int decimals)
{
    auto* item = new QTableWidgetItem(formatNumber(value, decimals));
    item->setData(Qt::UserRole, value); // sorts by the number, not the text
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

PokdarwisPanel::PokdarwisPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    auto* form = new QFormLayout;
    mRadius = new QDoubleSpinBox(this);
    mRadius->setObjectName(QStringLiteral("pokdarwisRadius"));
    mRadius->setRange(0.5, 50.0);
    mRadius->setDecimals(1);
    mRadius->setValue(10.0);
    mRadius->setSuffix(QStringLiteral(" km"));
    form->addRow(tr("Attractions within"), mRadius);
    for (const gis::SchemeIndicator& ind : gis::defaultPokdarwisScheme(false).indicators) {
        auto* weight = new QSpinBox(this);
        weight->setObjectName(QStringLiteral("pokdarwisWeight_") + QString::fromStdString(ind.key));
        weight->setRange(0, 100);
        weight->setSuffix(QStringLiteral(" %"));
        weight->setValue(static_cast<int>(std::lround(ind.weight * 100.0)));
        form->addRow(tr("Weight: %1").arg(indicatorLabel(ind.key)), weight);
        mWeights.push_back(weight);
    }
    mByRoads = new QCheckBox(tr("Access by road: travel minutes to the capital and the distance to a road"), this);
    mByRoads->setObjectName(QStringLiteral("pokdarwisByRoads"));
    form->addRow(mByRoads);
    mRoadGapWeight = new QSpinBox(this);
    mRoadGapWeight->setObjectName(QStringLiteral("pokdarwisWeight_road_gap_km"));
    mRoadGapWeight->setRange(0, 100);
    mRoadGapWeight->setSuffix(QStringLiteral(" %"));
    mRoadGapWeight->setValue(10);
    form->addRow(tr("Weight: Closeness to a road"), mRoadGapWeight);
    mRoadsNote = new QLabel(this);
    mRoadsNote->setObjectName(QStringLiteral("pokdarwisRoadsNote"));
    mRoadsNote->setWordWrap(true);
    mRoadsNote->setStyleSheet(QStringLiteral("color: #666;"));
    form->addRow(mRoadsNote);
    mRank = new QPushButton(tr("Rank candidate pekon"), this);
    mRank->setObjectName(QStringLiteral("pokdarwisRank"));
    mCancel = new QPushButton(tr("Cancel"), this);
    mCancel->setObjectName(QStringLiteral("pokdarwisCancel"));
    mCancel->setEnabled(false);
    mSummary = new QLabel(this);
    mSummary->setObjectName(QStringLiteral("pokdarwisSummary"));
    mSummary->setWordWrap(true);
    mTable = new QTableWidget(this);
    mTable->setObjectName(QStringLiteral("pokdarwisTable"));
    mTable->setColumnCount(7);
    mTable->setHorizontalHeaderLabels({tr("Rank"), tr("Pekon"), tr("Kecamatan"), tr("Score"), tr("Attractions"),
                                       tr("To the capital (km)"), tr("Poverty rate (%)")});
    mTable->horizontalHeaderItem(4)->setToolTip(tr("Attractions (WISATA) within the chosen distance"));
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 6);
    mTable->setAlternatingRowColors(true);
    mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(mRank, 1);
    buttons->addWidget(mCancel);
    layout->addLayout(buttons);
    layout->addWidget(mSummary);
    layout->addWidget(mTable, 1);

    connect(mRank, &QPushButton::clicked, this, &PokdarwisPanel::rank);
    connect(mCancel, &QPushButton::clicked, this, &PokdarwisPanel::cancel);
    connect(mByRoads, &QCheckBox::toggled, this, [this] { mRoadGapWeight->setEnabled(byRoads()); });
    connect(&mWatcher, &QFutureWatcher<Outcome>::finished, this, &PokdarwisPanel::finished);
    connect(mTable, &QTableWidget::cellClicked, this, [this](int row, int) { rowClicked(row); });
    connect(mWorkspace, &Workspace::projectChanged, this, &PokdarwisPanel::reload);
    connect(mWorkspace, &Workspace::projectDataChanged, this, &PokdarwisPanel::refresh);
    reload();
    if (mWorkspace->pokdarwis()) // a panel built again (another language) shows the ranking kept
        fillTable(*mWorkspace->pokdarwis());
}

PokdarwisPanel::~PokdarwisPanel()
{
    mStop.request_stop();
    mWatcher.waitForFinished();
}

void PokdarwisPanel::refresh()
{
    reload();
    if (!mWorkspace->pokdarwis())
        return;
    fillTable(*mWorkspace->pokdarwis());
    if (isRunning())
        return; // a job on the old data is still going: its result is dropped when it ends
    mRefreshing = true;
    rank();
}

void PokdarwisPanel::cancel()
{
    if (!isRunning())
        return;
    mStop.request_stop();
    mCancel->setEnabled(false);
    mSummary->setText(tr("Stopping…"));
}

void PokdarwisPanel::reload()
{
    mTable->setRowCount(0);
    mSummary->clear();
    mRank->setEnabled(mWorkspace->hasProject() && !isRunning());
    // The road criterion needs the project's road layer: without one it stays off and says why.
    const bool hasRoads = mWorkspace->hasRoads();
    mByRoads->setEnabled(hasRoads);
    if (!hasRoads)
        mByRoads->setChecked(false);
    mRoadGapWeight->setEnabled(byRoads());
    mRoadsNote->setText(hasRoads ? QString()
                                 : tr("This project has no road network, so access is the distance to the capital. "
                                      "Import a road layer (Import data, Roads) to rank by travel time."));
    mRoadsNote->setVisible(!hasRoads);
}

bool PokdarwisPanel::byRoads() const
{
    return mByRoads->isEnabled() && mByRoads->isChecked();
}

gis::PriorityScheme PokdarwisPanel::scheme() const
{
    gis::PriorityScheme s = gis::defaultPokdarwisScheme(false);
    for (std::size_t i = 0; i < s.indicators.size() && i < mWeights.size(); ++i)
        s.indicators[i].weight = mWeights[i]->value() / 100.0;
    if (!byRoads())
        return s;
    // By road: the closeness weight goes to the travel minutes, and the road gap has its own.
    gis::PriorityScheme roads = gis::defaultPokdarwisScheme(true);
    for (gis::SchemeIndicator& ind : roads.indicators) {
        if (ind.key == "travel_capital_min")
            ind.weight = s.indicators[1].weight;
        else if (ind.key == "road_gap_km")
            ind.weight = mRoadGapWeight->value() / 100.0;
        else
            for (const gis::SchemeIndicator& same : s.indicators)
                if (same.key == ind.key)
                    ind.weight = same.weight;
    }
    return roads;
}

gis::PokdarwisOptions PokdarwisPanel::options() const
{
    gis::PokdarwisOptions o;
    o.radiusKm = mRadius->value();
    o.period = mWorkspace->period().toStdString();
    return o;
}

void PokdarwisPanel::rank()
{
    if (isRunning() || !mWorkspace->hasProject())
        return;
    const gis::PriorityScheme s = scheme();
    if (std::all_of(s.indicators.begin(), s.indicators.end(), [](const auto& i) { return i.weight == 0.0; })) {
        mSummary->setText(tr("Give at least one weight above zero."));
        return;
    }
    mRunningOn = mWorkspace->datasetSnapshot();
    mRank->setEnabled(false);
    mCancel->setEnabled(true);
    if (!mRefreshing)
        mSummary->setText(tr("Ranking…"));
    mStop = std::stop_source();
    mWatcher.setFuture(QtConcurrent::run([ds = mRunningOn, o = options(), s, roads = byRoads(),
                                          stop = mStop.get_token(), hook = mJobStartHook]() -> Outcome {
        Outcome out;
        if (hook)
            hook(stop);
        try {
            gis::PokdarwisOptions run = o;
            run.stop = stop;
            std::optional<gis::RoadNetwork> network; // the project's road layer at its class speeds
            if (roads) {
                network = gis::roadNetworkOf(ds->roads);
                run.roads = &*network;
            }
            out.result = gis::rankPokdarwisSites(*ds, run, s);
        } catch (const gis::PokdarwisCancelled&) {
            out.cancelled = true;
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        return out;
    }));
}

void PokdarwisPanel::finished()
{
    Outcome out = mWatcher.result();
    const bool sameProject = mRunningOn && mRunningOn == mWorkspace->datasetSnapshot();
    const bool refreshing = std::exchange(mRefreshing, false);
    mRunningOn.reset();
    mRank->setEnabled(mWorkspace->hasProject());
    mCancel->setEnabled(false);
    if (out.cancelled) {
        mSummary->setText(refreshing ? tr("Stopped: the ranking shown was made before the last change.")
                                     : tr("Stopped: nothing was ranked; the map is unchanged."));
        emit ranked(false);
        return;
    }
    if (!sameProject) {
        emit ranked(false);
        return;
    }
    if (!out.result) {
        mSummary->setText(UserMessages::forError(gis::Error(out.error), UserAction::ShowMap, mWorkspace->location()));
        emit ranked(false);
        return;
    }
    fillTable(*out.result);
    mWorkspace->showPokdarwis(std::move(*out.result), !refreshing);
    emit ranked(true);
}

void PokdarwisPanel::fillTable(const gis::PokdarwisResult& r)
{
    std::vector<const gis::PokdarwisResult::Row*> rows;
    for (const auto& row : r.rows)
        rows.push_back(&row);
    // ranked first (1, 2, ...), then the pekon that already have a group, then those not ranked
    std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
        auto order = [](const gis::PokdarwisResult::Row* row) {
            return row->rank > 0 ? row->rank : (row->hasGroup ? 1'000'000 : 2'000'000);
        };
        return order(a) < order(b);
    });
    mTable->setSortingEnabled(false);
    mTable->setRowCount(static_cast<int>(rows.size()));
    std::size_t withGroup = 0, ranked = 0;
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const auto& row = *rows[static_cast<std::size_t>(i)];
        withGroup += row.hasGroup ? 1 : 0;
        ranked += row.rank > 0 ? 1 : 0;
        auto* rankItem = new QTableWidgetItem(row.rank > 0 ? formatCount(row.rank)
                                                           : (row.hasGroup ? tr("has a group") : tr("not ranked")));
        rankItem->setData(Qt::UserRole + 1, QString::fromStdString(row.code));
        mTable->setItem(i, 0, rankItem);
        mTable->setItem(i, 1, new QTableWidgetItem(QString::fromStdString(row.name)));
        mTable->setItem(i, 2, new QTableWidgetItem(QString::fromStdString(row.kecamatan)));
        mTable->setItem(i, 3, numberItem(row.score, 1));
        mTable->setItem(i, 4, numberItem(columnValue(r, row, "attractions_near"), 0));
        mTable->setItem(i, 5, numberItem(columnValue(r, row, "dist_capital_km"), 1));
        mTable->setItem(i, 6, numberItem(columnValue(r, row, "poverty_rate"), 2));
    }
    QString text =
        tr("%1 pekon ranked; %2 already have a POKDARWIS (not ranked); %3 attractions (WISATA) in the project.")
            .arg(formatCount(static_cast<long long>(ranked)), formatCount(static_cast<long long>(withGroup)),
                 formatCount(static_cast<long long>(r.attractionCount)));
    if (r.attractionCount == 0)
        text += QLatin1Char(' ')
            + tr("Without attractions the ranking rests on access and poverty only: import the tourism sites as "
                 "facilities of kind WISATA.");
    mSummary->setText(text);
}

void PokdarwisPanel::rowClicked(int row)
{
    const QTableWidgetItem* item = mTable->item(row, 0);
    if (!item)
        return;
    const std::string code = item->data(Qt::UserRole + 1).toString().toStdString();
    mWorkspace->setSelection({code});
    mWorkspace->setCurrentVillage(code);
}

QString PokdarwisPanel::summaryText() const
{
    return mSummary->text();
}

} // namespace app::ui
