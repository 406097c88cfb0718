#pragma once
/// \file villagetablemodel.h
/// The village table: one row per pekon of an AnalysisTable (kode, nama, kecamatan and every
/// analysis column), filtered with a gis::FilterExpression and sorted in the model itself (an
/// index vector sorted by the column's doubles: 84,000 rows well under 200 ms; no QVariant per
/// comparison). QtCore only: usable headless.
/// \note Not thread-safe (a Qt model: GUI thread). The model does not own the table; it must
/// outlive the model or be replaced with setTable() first.
#include "gis/analysis.h"
#include "gis/filterexpression.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace app::ui {

class VillageTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Qt::UserRole: the raw value (double, NaN for missing; QString for the text columns).
    static constexpr int RawValueRole = Qt::UserRole;
    /// Qt::UserRole + 1: the pekon's code (any column).
    static constexpr int CodeRole = Qt::UserRole + 1;
    static constexpr int kTextColumns = 3; ///< kode, nama, kecamatan come first

    explicit VillageTableModel(QObject* parent = nullptr);

    /// \brief Shows \a table (not owned; null = empty). Keeps the filter text when it still
    /// compiles against the new columns, else clears it. Resets the sort to table order.
    void setTable(const gis::AnalysisTable* table);
    const gis::AnalysisTable* table() const { return mTable; }

    /// \brief Filters with \a expression (empty = every row). On an error the previous filter
    /// stays and \a error (when given) gets the gis::FilterError.
    /// \returns false on an error.
    bool setFilterExpression(const QString& expression, QString* error = nullptr, int* position = nullptr);
    QString filterExpression() const { return mFilterText; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// \brief Sorts the shown rows; missing values last in either order, ties in table order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// \brief Rows of the whole table (before the filter).
    int totalCount() const;
    /// \brief Index into AnalysisTable::rows of shown row \a row.
    int tableRow(int row) const { return mOrder.at(static_cast<std::size_t>(row)); }
    QString codeAt(int row) const;
    /// \brief The shown row of \a code, -1 when it is filtered out or unknown.
    int rowOfCode(const QString& code) const;
    /// \brief The column showing analysis column \a key ("poverty_rate"), -1 when none.
    int columnOfKey(const QString& key) const;
    /// \brief The key of a column: "kode", "nama", "kecamatan" or the analysis column.
    QString keyOfColumn(int column) const;

    /// \brief The readable heading of an analysis column key (translated), e.g.
    /// "poverty_rate" -> "Poverty rate (%)", "dist_puskessos_km" -> "Distance to PUSKESSOS (km)".
    static QString columnLabel(const QString& key);
    /// \brief \a value in the application's locale: whole numbers with group separators
    /// (1.735 in Indonesian), others with 2 decimals (12,48); empty for NaN.
    static QString formatNumber(double value);
    /// \brief A rank change for people: "▲3" (3 places higher), "▼2" (lower), "=" (the same);
    /// empty for NaN.
    static QString formatRankChange(double change);

private:
    const gis::AnalysisTable* mTable = nullptr;
    gis::FilterExpression mFilter;
    QString mFilterText;
    std::vector<int> mOrder;        ///< shown rows: indices into mTable->rows
    std::vector<int> mPosition;     ///< table row -> shown row, -1 when filtered out
    QHash<QString, int> mRowOfCode; ///< code -> table row
    int mSortColumn = -1;
    Qt::SortOrder mSortOrder = Qt::AscendingOrder;

    void rebuildRows();
    void sortRows(std::vector<int>& rows) const;
    void rebuildPositions();
};

} // namespace app::ui
