#pragma once
/// \file legendpanel.h
/// The live legend: the pekon layer's heading (with unit and period), one row per class with its
/// colour, bounds in the UI's number format and the number of pekon, the no-data row, and the
/// facility layers shown with their symbols and counts. Over the travel-time layer: its classes in
/// minutes (counts -1: cells, not pekon, carry them), the unreachable class and the model's
/// sources. Headings wrap: nothing is cut off.
/// \note GUI thread only.
#include "layers/thematicmap.h"

#include <QWidget>

#include <vector>

class QLabel;
class QVBoxLayout;

namespace app {
namespace ui {

class Workspace;

class LegendPanel : public QWidget {
    Q_OBJECT
public:
    /// \brief One class row as shown.
    struct Row {
        QString text;
        int count = 0;      ///< -1 for the travel-time classes (cells, not pekon, carry them)
        double lower = 0.0; ///< NaN for categories and no data
        double upper = 0.0;
        bool noData = false;
    };

    explicit LegendPanel(Workspace* workspace, QWidget* parent = nullptr);
    /// \brief A category of the map (e.g. a LISA cluster name) in the UI language.
    static QString categoryLabel(const QString& category);
    QString heading() const;
    const std::vector<Row>& rows() const { return mRows; }
    /// \brief Every text shown (heading, rows, facilities, notes), in order.
    QStringList texts() const;

public slots:
    void rebuild();

private:
    void addRow(const QPixmap& swatch, const QString& text);
    /// The travel raster's heading, and with \a shown its classes and sources.
    void addTravelRows(const layers::TravelRaster& travel, bool shown);

    Workspace* mWorkspace;
    QLabel* mHeading = nullptr;
    QVBoxLayout* mRowsLayout = nullptr;
    QWidget* mRowsHost = nullptr;
    std::vector<Row> mRows;
    QStringList mTexts;
};

} // namespace ui
} // namespace app
