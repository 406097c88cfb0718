#pragma once
#include "gis/dataset.h"

#include <QMainWindow>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;

namespace app::ui {

class MapCanvas;

/// \brief The desktop application's main window: a map of the project's indicators.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// \brief Opens a *.sasaran.sqlite project; shows a message box on error. Returns success.
    bool openProject(const QString& path);
    /// \brief Shows the embedded Tanggamus dataset (illustrative).
    void openDefaultDataset();

    MapCanvas* canvas() const { return mCanvas; }
    QComboBox* indicatorBox() const { return mIndicator; }
    QListWidget* legend() const { return mLegend; }
    /// \brief Describes the village at a lon/lat in the status bar; returns the text shown.
    QString identify(gis::Point lonLat);
    const gis::Dataset* dataset() const { return mDataset.get(); }
    /// \brief Writes the atlas per kecamatan (PDF) of the project; a message box on error.
    bool exportAtlasTo(const QString& path);
    /// \brief Writes the meeting pack (PDF) of the project; a message box on error.
    bool exportReportTo(const QString& path);

private:
    void setDataset(std::unique_ptr<gis::Dataset> ds, const QString& title);
    void showIndicator();
    void chooseProject();
    void exportMap();
    void exportAtlas();
    void exportReport();

    std::unique_ptr<gis::Dataset> mDataset;
    MapCanvas* mCanvas = nullptr;
    QComboBox* mIndicator = nullptr;
    QLabel* mProvenance = nullptr;
    QListWidget* mLegend = nullptr;
    void updateLegend();
};

} // namespace app::ui
