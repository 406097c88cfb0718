#pragma once
/// \file layerlist.h
/// The map's layer list as a Qt model (QtCore only, testable headless): the pekon layer,
/// labels, facilities by kind and reach circles, each with visibility and opacity, top first.
/// \note GUI thread only; render jobs get a copy of entries().
#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace app {
namespace ui {

/// \brief One layer of the map. \a id says what it draws: "pekon", "labels:pekon",
/// "labels:kecamatan", "facility:<KIND>", "reach:<KIND>".
struct LayerEntry {
    QString id;
    QString name;
    bool visible = true;
    double opacity = 1.0; ///< 0..1
};

class LayerListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, OpacityRole };
    explicit LayerListModel(QObject* parent = nullptr);

    /// \brief Replaces the list (after a project opened), keeping the visibility, opacity and
    /// order of layers with the same id.
    void setEntries(std::vector<LayerEntry> entries);
    const std::vector<LayerEntry>& entries() const { return mEntries; }
    /// \brief Row of \a id, -1 when absent.
    int rowOf(const QString& id) const;
    const LayerEntry* entry(const QString& id) const;

    void setVisible(const QString& id, bool visible);
    void setOpacity(const QString& id, double opacity);
    /// \brief Moves the layer up (towards the top, \a delta < 0) or down in the drawing order.
    void move(const QString& id, int delta);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    /// \brief Visibility, opacity or order changed (not emitted by setEntries, which resets).
    void layersEdited();

private:
    std::vector<LayerEntry> mEntries;
};

} // namespace ui
} // namespace app
