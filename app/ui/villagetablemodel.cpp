#include "ui/villagetablemodel.h"

#include "gis/text.h"

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace app::ui {

namespace {

QString kindLabel(const QString& column)
{
    if (column == QLatin1String("bumdes"))
        return QStringLiteral("BUMDes");
    if (column == QLatin1String("puskessos"))
        return QStringLiteral("Puskessos");
    if (column == QLatin1String("capital"))
        return VillageTableModel::tr("the regency capital");
    if (column == QLatin1String("kecamatan"))
        return VillageTableModel::tr("the kecamatan");
    return column.toUpper();
}

} // namespace

VillageTableModel::VillageTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString VillageTableModel::columnLabel(const QString& key)
{
    struct Known {
        const char* key;
        const char* label;
    };
    static const Known known[] = {
        {"kode", QT_TR_NOOP("Code")},
        {"nama", QT_TR_NOOP("Name")},
        {"kecamatan", QT_TR_NOOP("Kecamatan")},
        {"area_km2", QT_TR_NOOP("Area (km²)")},
        {"penduduk", QT_TR_NOOP("Population")},
        {"miskin", QT_TR_NOOP("Poor people")},
        {"poverty_rate", QT_TR_NOOP("Poverty rate (%)")},
        {"poor_density_km2", QT_TR_NOOP("Poor people per km²")},
        {"priority_score", QT_TR_NOOP("Priority score")},
        {"priority_rank", QT_TR_NOOP("Priority rank")},
        {"poverty_rate_eb", QT_TR_NOOP("Poverty rate, smoothed (%)")},
        {"status_idm", QT_TR_NOOP("IDM status")},
        {"island_status", QT_TR_NOOP("Island (0 mainland, 1 partly, 2 wholly)")},
        {"island_km2", QT_TR_NOOP("Area off the mainland (km²)")},
        {"rank_change", QT_TR_NOOP("Rank change")},
        {"rank_best", QT_TR_NOOP("Best rank in the draws")},
        {"rank_worst", QT_TR_NOOP("Worst rank in the draws")},
    };
    for (const Known& k : known)
        if (key == QLatin1String(k.key))
            return tr(k.label);
    if (key.startsWith(QLatin1String("top")) && key.endsWith(QLatin1String("_share"))) {
        bool ok = false;
        const int n = key.mid(3, key.size() - 9).toInt(&ok);
        if (ok)
            return tr("In the top %1 (% of draws)").arg(n);
    }
    if (key.startsWith(QLatin1String("contrib_")))
        return tr("Contribution: %1").arg(columnLabel(key.mid(8)));
    if (key.startsWith(QLatin1String("dist_")) && key.endsWith(QLatin1String("_km")))
        return tr("Distance to %1 (km)").arg(kindLabel(key.mid(5, key.size() - 8)));
    if (key.startsWith(QLatin1String("travel_")) && key.endsWith(QLatin1String("_min")))
        return tr("Travel time to %1 (min)").arg(kindLabel(key.mid(7, key.size() - 11)));
    if (key.startsWith(QLatin1String("n_")))
        return tr("%1 inside").arg(kindLabel(key.mid(2)));
    if (key.startsWith(QLatin1String("no_")))
        return tr("No %1 inside").arg(kindLabel(key.mid(3)));
    return key;
}

QString VillageTableModel::formatRankChange(double change)
{
    if (std::isnan(change))
        return {};
    const QLocale locale;
    if (change > 0)
        return QStringLiteral("▲") + locale.toString(static_cast<qlonglong>(change));
    if (change < 0)
        return QStringLiteral("▼") + locale.toString(static_cast<qlonglong>(-change));
    return QStringLiteral("=");
}

QString VillageTableModel::formatNumber(double value)
{
    if (std::isnan(value))
        return {};
    const QLocale locale;
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return locale.toString(static_cast<qlonglong>(value));
    return locale.toString(value, 'f', 2);
}

void VillageTableModel::setTable(const gis::AnalysisTable* table)
{
    beginResetModel();
    mTable = table;
    mSortColumn = -1;
    mRowOfCode.clear();
    if (mTable) {
        mRowOfCode.reserve(static_cast<qsizetype>(mTable->rows.size()));
        for (std::size_t i = 0; i < mTable->rows.size(); ++i)
            mRowOfCode.insert(QString::fromStdString(mTable->rows[i].kode), static_cast<int>(i));
    }
    mFilter = {};
    if (mTable && !mFilterText.isEmpty()) {
        try {
            mFilter = gis::FilterExpression::compile(mFilterText.toStdString(), *mTable);
        } catch (const gis::FilterError&) {
            mFilterText.clear();
        }
    }
    rebuildRows();
    endResetModel();
}

bool VillageTableModel::setFilterExpression(const QString& expression, QString* error, int* position)
{
    gis::FilterExpression compiled;
    try {
        compiled = mTable ? gis::FilterExpression::compile(expression.toStdString(), *mTable)
                          : gis::FilterExpression::compile(expression.toStdString(), std::vector<gis::FilterColumn>{});
    } catch (const gis::FilterError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        if (position)
            *position = static_cast<int>(e.position());
        return false;
    }
    beginResetModel();
    mFilter = std::move(compiled);
    mFilterText = expression.trimmed();
    rebuildRows();
    endResetModel();
    return true;
}

void VillageTableModel::rebuildRows()
{
    mOrder.clear();
    if (mTable) {
        mOrder.reserve(mTable->rows.size());
        for (std::size_t i = 0; i < mTable->rows.size(); ++i)
            if (mFilter.matches(mTable->rows[i]))
                mOrder.push_back(static_cast<int>(i));
        sortRows(mOrder);
    }
    rebuildPositions();
}

void VillageTableModel::rebuildPositions()
{
    mPosition.assign(mTable ? mTable->rows.size() : 0, -1);
    for (std::size_t r = 0; r < mOrder.size(); ++r)
        mPosition[static_cast<std::size_t>(mOrder[r])] = static_cast<int>(r);
}

void VillageTableModel::sortRows(std::vector<int>& rows) const
{
    if (!mTable || mSortColumn < 0)
        return; // table order (rows are built ascending)
    const bool descending = mSortOrder == Qt::DescendingOrder;
    const auto& t = mTable->rows;
    if (mSortColumn < kTextColumns) {
        auto text = [&](int i) -> const std::string& {
            const auto& row = t[static_cast<std::size_t>(i)];
            return mSortColumn == 0 ? row.kode : (mSortColumn == 1 ? row.nama : row.kecamatan);
        };
        // Lowered once per row, not once per comparison (names are compared ignoring ASCII case).
        std::vector<std::pair<std::string, int>> keyed;
        keyed.reserve(rows.size());
        for (int i : rows)
            keyed.emplace_back(gis::asciiLower(text(i)), i);
        std::sort(keyed.begin(), keyed.end(), [descending](const auto& a, const auto& b) {
            const int c = a.first.compare(b.first);
            if (c != 0)
                return descending ? c > 0 : c < 0;
            return a.second < b.second;
        });
        for (std::size_t i = 0; i < rows.size(); ++i)
            rows[i] = keyed[i].second;
        return;
    }
    const std::size_t c = static_cast<std::size_t>(mSortColumn - kTextColumns);
    // A category sorts by its level's rank on the scale (the analysis keeps it as an input).
    const std::vector<double>* ranks = nullptr;
    if (c >= mTable->columns.size())
        ranks = &mTable->inputs.at(mTable->textColumns[c - mTable->columns.size()]);
    // Values copied once beside their rows: the comparisons then read contiguous doubles.
    std::vector<std::pair<double, int>> keyed;
    keyed.reserve(rows.size());
    for (int i : rows)
        keyed.emplace_back(ranks ? (*ranks)[static_cast<std::size_t>(i)] : t[static_cast<std::size_t>(i)].values[c], i);
    std::sort(keyed.begin(), keyed.end(),
              [descending](const std::pair<double, int>& a, const std::pair<double, int>& b) {
                  const bool na = std::isnan(a.first), nb = std::isnan(b.first);
                  if (na || nb)
                      return na == nb ? a.second < b.second : nb; // missing values last
                  if (a.first != b.first)
                      return descending ? a.first > b.first : a.first < b.first;
                  return a.second < b.second;
              });
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = keyed[i].second;
}

void VillageTableModel::sort(int column, Qt::SortOrder order)
{
    if (!mTable || column >= columnCount())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> tableRows;
    tableRows.reserve(static_cast<std::size_t>(before.size()));
    for (const QModelIndex& i : before)
        tableRows.push_back(mOrder[static_cast<std::size_t>(i.row())]);
    mSortColumn = column;
    mSortOrder = order;
    if (column < 0) {
        std::sort(mOrder.begin(), mOrder.end());
    } else
        sortRows(mOrder);
    rebuildPositions();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.push_back(
            index(mPosition[static_cast<std::size_t>(tableRows[static_cast<std::size_t>(i)])], before[i].column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int VillageTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mOrder.size());
}

int VillageTableModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !mTable)
        return 0;
    return kTextColumns + static_cast<int>(mTable->columns.size() + mTable->textColumns.size());
}

int VillageTableModel::totalCount() const
{
    return mTable ? static_cast<int>(mTable->rows.size()) : 0;
}

QString VillageTableModel::codeAt(int row) const
{
    if (!mTable || row < 0 || row >= rowCount())
        return {};
    return QString::fromStdString(mTable->rows[static_cast<std::size_t>(mOrder[static_cast<std::size_t>(row)])].kode);
}

int VillageTableModel::rowOfCode(const QString& code) const
{
    const auto it = mRowOfCode.constFind(code);
    return it == mRowOfCode.constEnd() ? -1 : mPosition[static_cast<std::size_t>(*it)];
}

int VillageTableModel::columnOfKey(const QString& key) const
{
    for (int c = 0; c < columnCount(); ++c)
        if (keyOfColumn(c) == key)
            return c;
    return -1;
}

QString VillageTableModel::keyOfColumn(int column) const
{
    static const char* const text[] = {"kode", "nama", "kecamatan"};
    if (column >= 0 && column < kTextColumns)
        return QLatin1String(text[column]);
    if (!mTable || column < 0 || column >= columnCount())
        return {};
    const auto c = static_cast<std::size_t>(column - kTextColumns);
    return QString::fromStdString(c < mTable->columns.size() ? mTable->columns[c]
                                                             : mTable->textColumns[c - mTable->columns.size()]);
}

QVariant VillageTableModel::data(const QModelIndex& index, int role) const
{
    if (!mTable || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const auto& row = mTable->rows[static_cast<std::size_t>(mOrder[static_cast<std::size_t>(index.row())])];
    if (role == CodeRole)
        return QString::fromStdString(row.kode);
    const int c = index.column();
    if (c < kTextColumns) {
        if (role != Qt::DisplayRole && role != RawValueRole && role != Qt::ToolTipRole)
            return {};
        const std::string& s = c == 0 ? row.kode : (c == 1 ? row.nama : row.kecamatan);
        return QString::fromStdString(s);
    }
    if (const auto t = static_cast<std::size_t>(c - kTextColumns); t >= mTable->columns.size()) {
        // a category: its level as text
        const std::string& level = row.texts.at(t - mTable->columns.size());
        if (role == Qt::DisplayRole || role == RawValueRole)
            return QString::fromStdString(level);
        if (role == Qt::ToolTipRole && level.empty())
            return tr("no value");
        return {};
    }
    const double v = row.values[static_cast<std::size_t>(c - kTextColumns)];
    const bool rankChange = mTable->columns[static_cast<std::size_t>(c - kTextColumns)] == "rank_change";
    switch (role) {
    case Qt::DisplayRole:
        return rankChange ? formatRankChange(v) : formatNumber(v);
    case Qt::ForegroundRole:
        if (rankChange && !std::isnan(v) && v != 0.0)
            return QVariant::fromValue(QColor(v > 0 ? 0x1b7f3a : 0xb3261e)); // up: green, down: red
        return {};
    case RawValueRole:
        return v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (rankChange && v > 0)
            return tr("%n place(s) higher than with the scheme before editing", nullptr, static_cast<int>(v));
        if (rankChange && v < 0)
            return tr("%n place(s) lower than with the scheme before editing", nullptr, static_cast<int>(-v));
        if (rankChange && v == 0.0)
            return tr("the same rank as with the scheme before editing");
        return std::isnan(v) ? tr("no value") : QVariant{};
    default:
        return {};
    }
}

QVariant VillageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnLabel(keyOfColumn(section));
    if (role == Qt::ToolTipRole) // the name to write in a filter
        return tr("In a filter: %1").arg(keyOfColumn(section));
    return {};
}

} // namespace app::ui
