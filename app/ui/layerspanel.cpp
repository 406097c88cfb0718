#include "ui/layerspanel.h"

#include "gis/error.h"
#include "layers/facilitysymbol.h"
#include "layers/travelmap.h"
#include "ui/language.h"
#include "ui/layerlist.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace app {
namespace ui {

namespace {

/// Whole minutes, ascending, as the field shows them: "15, 30, 60, 120".
QString classesText(const std::vector<double>& breaks)
{
    QStringList parts;
    for (double b : breaks)
        parts << QString::number(std::llround(b)); // no group separator: the field reads it back
    return parts.join(QStringLiteral(", "));
}

/// The minutes of the field; empty when a part is not a whole number.
std::vector<double> parseClasses(const QString& text)
{
    std::vector<double> out;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[\\s,;]+")), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int minutes = part.toInt(&ok);
        if (!ok)
            return {};
        out.push_back(minutes);
    }
    return out;
}

} // namespace

LayersPanel::LayersPanel(Workspace* workspace, QWidget* parent) : QWidget(parent), mWorkspace(workspace)
{
    setObjectName(QStringLiteral("layersPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    mList = new QListView(this);
    mList->setObjectName(QStringLiteral("layerList"));
    mList->setModel(mWorkspace->layerList());
    mList->setSelectionMode(QAbstractItemView::SingleSelection);
    mList->setToolTip(tr("Tick a layer to show it; the top layer is drawn above the others"));
    layout->addWidget(mList);

    auto* row = new QHBoxLayout;
    mUp = new QToolButton(this);
    mUp->setArrowType(Qt::UpArrow);
    mUp->setToolTip(tr("Move the layer up"));
    mDown = new QToolButton(this);
    mDown->setArrowType(Qt::DownArrow);
    mDown->setToolTip(tr("Move the layer down"));
    row->addWidget(mUp);
    row->addWidget(mDown);
    row->addWidget(new QLabel(tr("Opacity"), this));
    mOpacity = new QSlider(Qt::Horizontal, this);
    mOpacity->setObjectName(QStringLiteral("layerOpacity"));
    mOpacity->setRange(0, 100);
    mOpacity->setToolTip(tr("Opacity of the chosen layer"));
    row->addWidget(mOpacity, 1);
    layout->addLayout(row);

    mTravel = new QGroupBox(tr("Travel time over the terrain"), this);
    mTravel->setObjectName(QStringLiteral("travelGroup"));
    mTravel->setCheckable(true);
    mTravel->setChecked(false);
    mTravel->setToolTip(tr("Colours the pekon by the minutes on foot and by road to the nearest destination "
                           "(slopes by Tobler's hiking function, roads at their class speeds)"));
    auto* travelForm = new QFormLayout(mTravel);
    travelForm->setContentsMargins(6, 4, 6, 4);
    mTravelTo = new QComboBox(mTravel);
    mTravelTo->setObjectName(QStringLiteral("travelDestination"));
    travelForm->addRow(tr("To"), mTravelTo);
    mTravelClasses = new QLineEdit(mTravel);
    mTravelClasses->setObjectName(QStringLiteral("travelClasses"));
    mTravelClasses->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ,;]*")), mTravelClasses));
    mTravelClasses->setToolTip(tr("Upper bounds of the classes in whole minutes, ascending"));
    mTravelClasses->setText(classesText(layers::defaultTravelBreaks()));
    travelForm->addRow(tr("Classes (minutes)"), mTravelClasses);
    mTravelResolution = new QSpinBox(mTravel);
    mTravelResolution->setObjectName(QStringLiteral("travelResolution"));
    // 50 m over a regency is about 12 million cells (a few hundred MB); finer belongs to the CLI
    // over one kecamatan
    mTravelResolution->setRange(50, 1000);
    mTravelResolution->setSingleStep(50);
    mTravelResolution->setValue(100);
    mTravelResolution->setSuffix(QStringLiteral(" m"));
    mTravelResolution->setKeyboardTracking(false); // one computation per value entered, not per digit
    mTravelResolution->setToolTip(tr("Cell size of the terrain model: smaller cells follow the terrain more "
                                     "closely and take longer (100 m: about a second for a regency)"));
    travelForm->addRow(tr("Cell size"), mTravelResolution);
    mTravelCancel = new QPushButton(tr("Cancel"), mTravel);
    mTravelCancel->setObjectName(QStringLiteral("travelCancel"));
    mTravelCancel->setToolTip(tr("Stops computing the travel times; the layer goes off"));
    mTravelCancel->setVisible(false);
    travelForm->addRow(mTravelCancel);
    mTravelStatus = new QLabel(mTravel);
    mTravelStatus->setObjectName(QStringLiteral("travelStatus"));
    mTravelStatus->setWordWrap(true);
    mTravelStatus->setStyleSheet(QStringLiteral("color: #555;"));
    travelForm->addRow(mTravelStatus);
    layout->addWidget(mTravel);

    connect(mTravel, &QGroupBox::toggled, this, &LayersPanel::applyTravel);
    connect(mTravelTo, &QComboBox::activated, this, &LayersPanel::applyTravel);
    connect(mTravelClasses, &QLineEdit::editingFinished, this, &LayersPanel::applyTravel);
    connect(mTravelResolution, &QSpinBox::valueChanged, this, &LayersPanel::applyTravel);
    connect(mTravelCancel, &QPushButton::clicked, mWorkspace, &Workspace::cancelTravel);
    connect(mWorkspace, &Workspace::travelChanged, this, &LayersPanel::syncTravel);
    connect(mWorkspace, &Workspace::projectChanged, this, &LayersPanel::fillTravelDestinations);
    fillTravelDestinations();

    connect(mUp, &QToolButton::clicked, this, [this] {
        const QString id = currentId();
        mWorkspace->layerList()->move(id, -1);
        mList->setCurrentIndex(mWorkspace->layerList()->index(mWorkspace->layerList()->rowOf(id)));
    });
    connect(mDown, &QToolButton::clicked, this, [this] {
        const QString id = currentId();
        mWorkspace->layerList()->move(id, +1);
        mList->setCurrentIndex(mWorkspace->layerList()->index(mWorkspace->layerList()->rowOf(id)));
    });
    connect(mOpacity, &QSlider::valueChanged, this,
            [this](int value) { mWorkspace->layerList()->setOpacity(currentId(), value / 100.0); });
    connect(mList->selectionModel(), &QItemSelectionModel::currentChanged, this, &LayersPanel::syncOpacity);
    connect(mWorkspace->layerList(), &QAbstractItemModel::modelReset, this, &LayersPanel::syncOpacity);
    syncOpacity();
}

QString LayersPanel::currentId() const
{
    return mList->currentIndex().data(LayerListModel::IdRole).toString();
}

void LayersPanel::syncOpacity()
{
    const LayerEntry* e = mWorkspace->layerList()->entry(currentId());
    const QSignalBlocker blocker(mOpacity);
    mOpacity->setEnabled(e != nullptr);
    mUp->setEnabled(e != nullptr);
    mDown->setEnabled(e != nullptr);
    mOpacity->setValue(e ? static_cast<int>(std::lround(e->opacity * 100)) : 100);
}

void LayersPanel::fillTravelDestinations()
{
    const QSignalBlocker blocker(mTravelTo);
    mTravelTo->clear();
    for (const std::string& to : mWorkspace->travelDestinations())
        mTravelTo->addItem(to == "capital"
                               ? tr("the regency capital")
                               : tr("the nearest %1").arg(QString::fromStdString(layers::facilityKindLabel(to))),
                           QString::fromStdString(to));
    mTravel->setEnabled(mTravelTo->count() > 0);
    syncTravel();
}

void LayersPanel::syncTravel()
{
    const QSignalBlocker blockBox(mTravel);
    const std::optional<TravelLayerRequest>& request = mWorkspace->travelRequest();
    mTravel->setChecked(request.has_value());
    if (request) {
        const int row = mTravelTo->findData(QString::fromStdString(request->destination));
        if (row >= 0)
            mTravelTo->setCurrentIndex(row);
        if (parseClasses(mTravelClasses->text()) != request->breaks)
            mTravelClasses->setText(classesText(request->breaks));
        const QSignalBlocker blockResolution(mTravelResolution);
        mTravelResolution->setValue(static_cast<int>(std::lround(request->resolutionM)));
    }
    mTravelCancel->setVisible(mWorkspace->travelComputing());
    if (!mWorkspace->travelError().isEmpty())
        mTravelStatus->setText(mWorkspace->travelError());
    else if (mWorkspace->travelComputing())
        mTravelStatus->setText(tr("Computing the travel times…"));
    else if (mWorkspace->travelCancelled())
        mTravelStatus->setText(tr("Cancelled; switch the layer on to compute it again."));
    else if (mTravelTo->count() == 0)
        mTravelStatus->setText(tr("The project has no facilities and no regency capital to travel to."));
    else
        mTravelStatus->clear();
    mTravelStatus->setVisible(!mTravelStatus->text().isEmpty());
}

void LayersPanel::applyTravel()
{
    if (!mTravel->isChecked()) {
        mWorkspace->hideTravel();
        syncTravel();
        return;
    }
    TravelLayerRequest request;
    request.destination = mTravelTo->currentData().toString().toStdString();
    request.breaks = parseClasses(mTravelClasses->text());
    request.resolutionM = mTravelResolution->value();
    try {
        layers::checkTravelBreaks(request.breaks);
    } catch (const gis::Error&) {
        mTravelStatus->setText(tr("Give 1 to 8 class limits in whole minutes, ascending, e.g. 15, 30, 60, 120."));
        mTravelStatus->setVisible(true);
        return;
    }
    mWorkspace->showTravel(request);
    syncTravel();
}

} // namespace ui
} // namespace app
