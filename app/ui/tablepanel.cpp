#include "ui/tablepanel.h"

#include "gis/error.h"
#include "ui/villagetablemodel.h"

#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace app::ui {

TablePanel::TablePanel(QWidget* parent) : QWidget(parent)
{
    mModel = new VillageTableModel(this);
    mFilterEdit = new QLineEdit(this);
    mFilterEdit->setPlaceholderText(tr("Filter, e.g. poverty_rate > 20 and n_bumdes = 0 (press Enter)"));
    mFilterEdit->setClearButtonEnabled(true);
    mErrorLabel = new QLabel(this);
    mErrorLabel->setWordWrap(true);
    mErrorLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    mErrorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mErrorLabel->hide();
    mView = new QTableView(this);
    mView->setModel(mModel);
    mView->setSortingEnabled(true);
    mView->sortByColumn(-1, Qt::AscendingOrder);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setAlternatingRowColors(true);
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 6);
    mView->verticalHeader()->hide();
    mView->horizontalHeader()->setSectionsMovable(true);
    mView->horizontalHeader()->setSortIndicatorShown(true);
    mCountLabel = new QLabel(this);
    mExportButton = new QPushButton(tr("Export selection…"), this);
    mExportButton->setToolTip(tr("Writes the selected pekon (or every pekon shown when none is selected) "
                                 "to a CSV or Excel file"));

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(mCountLabel, 1);
    bottom->addWidget(mExportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(mFilterEdit);
    layout->addWidget(mErrorLabel);
    layout->addWidget(mView, 1);
    layout->addLayout(bottom);

    connect(mFilterEdit, &QLineEdit::returnPressed, this, [this] { applyFilter(mFilterEdit->text()); });
    connect(mView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!mSyncing)
            emit selectionChanged(selectedCodes());
    });
    connect(mView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString code = mModel->codeAt(index.row());
        QStringList codes = selectedCodes();
        if (!codes.contains(code))
            codes = {code};
        emit zoomToRequested(codes);
    });
    connect(mExportButton, &QPushButton::clicked, this, &TablePanel::onExportClicked);
    updateCount();
}

void TablePanel::setData(const gis::Dataset* dataset, const gis::AnalysisTable* table)
{
    const QStringList selected = selectedCodes();
    // The same project scored again (a weight moved): the sort and the column widths stay.
    const bool sameRows =
        table && mModel->table() == table && mModel->totalCount() == static_cast<int>(table->rows.size());
    const QHeaderView* header = mView->horizontalHeader();
    const QString sortKey = mModel->keyOfColumn(header->sortIndicatorSection());
    const Qt::SortOrder sortOrder = header->sortIndicatorOrder();
    const int columnsBefore = mModel->columnCount();
    mDataset = dataset;
    mModel->setTable(table);
    mFilterEdit->setText(mModel->filterExpression());
    mErrorLabel->hide();
    if (!sameRows || mModel->columnCount() != columnsBefore)
        mView->resizeColumnsToContents();
    if (const int column = sortKey.isEmpty() ? -1 : mModel->columnOfKey(sortKey); column >= 0)
        mView->sortByColumn(column, sortOrder);
    else
        mView->sortByColumn(-1, Qt::AscendingOrder);
    setSelectedCodes(selected);
    updateCount();
}

bool TablePanel::applyFilter(const QString& expression)
{
    QString error;
    int position = 0;
    if (!mModel->setFilterExpression(expression, &error, &position)) {
        mErrorLabel->setText(tr("The filter is not understood at character %1: %2").arg(position).arg(error));
        mErrorLabel->show();
        mFilterEdit->setFocus();
        mFilterEdit->setCursorPosition(std::max(0, position - 1));
        return false;
    }
    mErrorLabel->hide();
    if (mFilterEdit->text() != expression)
        mFilterEdit->setText(expression);
    updateCount();
    // The model was reset (no selection left): a filter selects what it keeps, so the map follows.
    if (mModel->filterExpression().isEmpty())
        emit selectionChanged({});
    else
        selectAllShown();
    return true;
}

void TablePanel::selectAllShown()
{
    mSyncing = true;
    mView->selectAll();
    mSyncing = false;
    emit selectionChanged(selectedCodes());
}

void TablePanel::updateCount()
{
    const QLocale locale;
    mCountLabel->setText(
        tr("%1 of %2 pekon").arg(locale.toString(mModel->rowCount())).arg(locale.toString(mModel->totalCount())));
}

QStringList TablePanel::selectedCodes() const
{
    QModelIndexList rows = mView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList codes;
    codes.reserve(rows.size());
    for (const QModelIndex& i : rows)
        codes.push_back(mModel->codeAt(i.row()));
    return codes;
}

void TablePanel::setSelectedCodes(const QStringList& codes)
{
    QItemSelection selection;
    int first = -1;
    const int lastColumn = mModel->columnCount() - 1;
    for (const QString& code : codes) {
        const int row = mModel->rowOfCode(code);
        if (row < 0 || lastColumn < 0)
            continue;
        selection.select(mModel->index(row, 0), mModel->index(row, lastColumn));
        first = first < 0 ? row : std::min(first, row);
    }
    mSyncing = true;
    mView->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    mSyncing = false;
    if (first >= 0)
        mView->scrollTo(mModel->index(first, 0));
}

bool TablePanel::exportSelection(const QString& path, QString* error) const
{
    const gis::AnalysisTable* table = mModel->table();
    if (!table || !mDataset) {
        if (error)
            *error = tr("There is no table to export.");
        return false;
    }
    gis::AnalysisTable part;
    part.period = table->period;
    part.scheme = table->scheme;
    part.columns = table->columns;
    part.textColumns = table->textColumns;
    const QStringList selected = selectedCodes();
    if (selected.isEmpty()) {
        for (int r = 0; r < mModel->rowCount(); ++r)
            part.rows.push_back(table->rows[static_cast<std::size_t>(mModel->tableRow(r))]);
    } else {
        for (const QString& code : selected)
            part.rows.push_back(table->rows[static_cast<std::size_t>(mModel->tableRow(mModel->rowOfCode(code)))]);
    }
    const QString lower = path.toLower();
    if (!lower.endsWith(QLatin1String(".csv")) && !lower.endsWith(QLatin1String(".xlsx"))) {
        if (error)
            *error = tr("Choose a file name ending in .csv or .xlsx.");
        return false;
    }
    try {
        gis::writeAnalysisTable(part, *mDataset, path.toStdString());
    } catch (const gis::Error& e) {
        if (error)
            *error = tr("The file %1 could not be written: %2").arg(path, QString::fromStdString(e.what()));
        return false;
    }
    return true;
}

void TablePanel::onExportClicked()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export selection"), QString(),
                                                      tr("CSV table (*.csv);;Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportSelection(path, &error))
        QMessageBox::warning(this, tr("Export selection"), error);
}

} // namespace app::ui
