#include "ui/layerlist.h"

#include <algorithm>

namespace app {
namespace ui {

LayerListModel::LayerListModel(QObject* parent) : QAbstractListModel(parent) {}

void LayerListModel::setEntries(std::vector<LayerEntry> entries)
{
    // keep what the user chose for layers that are still there, in the order they had
    std::vector<LayerEntry> kept;
    for (const LayerEntry& old : mEntries) {
        auto it = std::find_if(entries.begin(), entries.end(), [&](const LayerEntry& e) { return e.id == old.id; });
        if (it == entries.end())
            continue;
        LayerEntry e = *it;
        e.visible = old.visible;
        e.opacity = old.opacity;
        kept.push_back(e);
        entries.erase(it);
    }
    // new layers keep their given place relative to the start
    for (LayerEntry& e : entries)
        kept.push_back(std::move(e));
    beginResetModel();
    mEntries = std::move(kept);
    endResetModel();
}

int LayerListModel::rowOf(const QString& id) const
{
    for (std::size_t i = 0; i < mEntries.size(); ++i)
        if (mEntries[i].id == id)
            return static_cast<int>(i);
    return -1;
}

const LayerEntry* LayerListModel::entry(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &mEntries[static_cast<std::size_t>(row)];
}

void LayerListModel::setVisible(const QString& id, bool visible)
{
    const int row = rowOf(id);
    if (row < 0 || mEntries[static_cast<std::size_t>(row)].visible == visible)
        return;
    mEntries[static_cast<std::size_t>(row)].visible = visible;
    emit dataChanged(index(row), index(row), {Qt::CheckStateRole});
    emit layersEdited();
}

void LayerListModel::setOpacity(const QString& id, double opacity)
{
    const int row = rowOf(id);
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (row < 0 || mEntries[static_cast<std::size_t>(row)].opacity == opacity)
        return;
    mEntries[static_cast<std::size_t>(row)].opacity = opacity;
    emit dataChanged(index(row), index(row), {OpacityRole});
    emit layersEdited();
}

void LayerListModel::move(const QString& id, int delta)
{
    const int row = rowOf(id);
    const int target = row + delta;
    if (row < 0 || delta == 0 || target < 0 || target >= static_cast<int>(mEntries.size()))
        return;
    // beginMoveRows counts the destination before the move
    if (!beginMoveRows({}, row, row, {}, delta > 0 ? target + 1 : target))
        return;
    LayerEntry e = mEntries[static_cast<std::size_t>(row)];
    mEntries.erase(mEntries.begin() + row);
    mEntries.insert(mEntries.begin() + target, e);
    endMoveRows();
    emit layersEdited();
}

int LayerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mEntries.size());
}

QVariant LayerListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(mEntries.size()))
        return {};
    const LayerEntry& e = mEntries[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return e.name;
    case Qt::CheckStateRole:
        return e.visible ? Qt::Checked : Qt::Unchecked;
    case IdRole:
        return e.id;
    case OpacityRole:
        return e.opacity;
    default:
        return {};
    }
}

bool LayerListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= static_cast<int>(mEntries.size()))
        return false;
    const QString id = mEntries[static_cast<std::size_t>(index.row())].id;
    if (role == Qt::CheckStateRole) {
        setVisible(id, value.toInt() == Qt::Checked);
        return true;
    }
    if (role == OpacityRole) {
        setOpacity(id, value.toDouble());
        return true;
    }
    return false;
}

Qt::ItemFlags LayerListModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

} // namespace ui
} // namespace app
