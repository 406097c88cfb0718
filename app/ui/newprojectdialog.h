#pragma once
/// \file newprojectdialog.h
/// The dialog of File > New project: the boundary file's layer and the fields `new` would read
/// (code, village name, kecamatan name, BPS code, regency name) as detected, each changeable; the
/// regency to keep when the file holds several; what a village is called; the capital; the
/// edition; the CRS when the file declares none; where to save. A preview of the first villages
/// and the counts follows every change (gis::previewBoundaries, attributes only).
/// \note GUI thread only.
#include "gis/boundaryimport.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace app {
namespace ui {

class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(const QString& boundaryFile, QWidget* parent = nullptr);

    QString boundaryFile() const { return mFile; }
    QString projectPath() const;
    /// \brief The import options of the fields as chosen (empty field = none).
    gis::BoundaryImportOptions options() const;
    /// \brief The capital (kecamatan or village name, or "LON,LAT"); "" = none.
    QString capital() const;
    const gis::BoundaryFilePreview& preview() const { return mPreview; }

    QComboBox* layerBox() const { return mLayer; }
    QComboBox* codeBox() const { return mCode; }
    QComboBox* nameBox() const { return mName; }
    QComboBox* kecamatanBox() const { return mKecamatan; }
    QComboBox* regencyBox() const { return mRegency; }
    QComboBox* villageKindBox() const { return mVillageKind; }
    QLineEdit* capitalEdit() const { return mCapital; }
    QLineEdit* projectEdit() const { return mProject; }
    QTableWidget* sampleTable() const { return mSamples; }
    QLabel* summaryLabel() const { return mSummary; }
    QLabel* problemLabel() const { return mProblem; }
    QPushButton* createButton() const { return mCreate; }

private:
    /// Reads the preview for the layer and fields chosen and refills everything that depends on it.
    void refresh();
    void fillFieldBox(QComboBox* box, const std::string& chosen, bool allowNone);
    QString problemText() const;

    QString mFile;
    gis::BoundaryFilePreview mPreview;
    bool mFilling = false;
    QComboBox* mLayer = nullptr;
    QComboBox* mCode = nullptr;
    QComboBox* mName = nullptr;
    QComboBox* mKecamatan = nullptr;
    QComboBox* mBps = nullptr;
    QComboBox* mRegencyName = nullptr;
    QComboBox* mRegency = nullptr;
    QComboBox* mVillageKind = nullptr;
    QLineEdit* mCapital = nullptr;
    QLineEdit* mEdition = nullptr;
    QLineEdit* mCrs = nullptr;
    QLabel* mCrsNote = nullptr;
    QLineEdit* mProject = nullptr;
    QTableWidget* mSamples = nullptr;
    QLabel* mSummary = nullptr;
    QLabel* mProblem = nullptr;
    QPushButton* mCreate = nullptr;
};

} // namespace ui
} // namespace app
