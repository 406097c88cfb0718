#include "ui/layerspanel.h"

#include "ui/layerlist.h"
#include "ui/workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace app {
namespace ui {

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

} // namespace ui
} // namespace app
