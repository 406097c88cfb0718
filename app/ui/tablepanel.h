#pragma once
/// \file tablepanel.h
/// The table panel: a filter line (an expression such as `poverty_rate > 20 and n_bumdes = 0`,
/// applied with Enter; an error is shown under it with its position), the village table
/// (sortable by a click on a heading), the count "N of M pekon" and "Export selection" (CSV or
/// XLSX through gis::writeAnalysisTable, so the one CSV number format).
///
/// Selection: a click selects rows and emits selectionChanged(codes); applying a filter selects
/// every row it keeps (so the map selection follows the filter); setSelectedCodes() selects
/// from the map without emitting selectionChanged back. A double click asks to zoom.
/// \note GUI thread only. Owns nothing of the project: the dataset and table given to setData()
/// must outlive the panel or be replaced first.
#include "gis/analysis.h"
#include "gis/dataset.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace app::ui {

class VillageTableModel;

class TablePanel : public QWidget {
    Q_OBJECT
public:
    explicit TablePanel(QWidget* parent = nullptr);

    /// \brief Shows \a table of \a dataset (both not owned; null = empty panel).
    void setData(const gis::Dataset* dataset, const gis::AnalysisTable* table);

    /// \brief Codes of the selected rows, in the order shown.
    QStringList selectedCodes() const;
    /// \brief Writes the selected rows (every shown row when none is selected) to \a path:
    /// .csv or .xlsx. \returns false with \a error (plain words) when it cannot.
    bool exportSelection(const QString& path, QString* error = nullptr) const;
    /// \brief Applies \a expression as if typed and Enter pressed. \returns false on an error.
    bool applyFilter(const QString& expression);

    QLineEdit* filterEdit() const { return mFilterEdit; }
    QLabel* filterErrorLabel() const { return mErrorLabel; }
    QTableView* view() const { return mView; }
    QLabel* countLabel() const { return mCountLabel; }
    QPushButton* exportButton() const { return mExportButton; }
    VillageTableModel* model() const { return mModel; }

public slots:
    /// \brief Selects the rows of \a codes (map -> table) and scrolls to the first; emits no
    /// selectionChanged. Codes not shown (unknown or filtered out) are ignored.
    void setSelectedCodes(const QStringList& codes);

signals:
    void selectionChanged(const QStringList& codes);
    void zoomToRequested(const QStringList& codes);

private:
    const gis::Dataset* mDataset = nullptr;
    VillageTableModel* mModel = nullptr;
    QLineEdit* mFilterEdit = nullptr;
    QLabel* mErrorLabel = nullptr;
    QTableView* mView = nullptr;
    QLabel* mCountLabel = nullptr;
    QPushButton* mExportButton = nullptr;
    bool mSyncing = false; ///< selecting from setSelectedCodes: no signal back

    void updateCount();
    void selectAllShown();
    void onExportClicked();
};

} // namespace app::ui
