#pragma once
/// \file roadimportpage.h
/// The import wizard's roads page: a line layer (the file and layer chosen on the wizard's
/// first page) as the project's road layer (gis/roadlayer.h), with its class field and a speed
/// table (JSON, over the documented defaults). It lists the classes found with their number of
/// roads, length and speed, or says plainly what is wrong (a polygon given as roads, a class
/// without a speed, no overlap with the regency); Import replaces the project's roads in one
/// transaction through Workspace::commit.
/// \note GUI thread only. The file is read when the page is entered (a regency's road layer reads
/// in well under a second).
#include "gis/roadlayer.h"
#include "gis/vectorio.h"

#include <QWizardPage>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace app {
namespace ui {

class Workspace;

class RoadImportPage : public QWizardPage {
    Q_OBJECT
public:
    /// \a source gives the file and layer chosen on the wizard's first page ("" layer = the first).
    RoadImportPage(Workspace* ws, std::function<std::pair<QString, QString>()> source, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override {} // keep the class field and speeds when going back
    bool isComplete() const override;
    bool validatePage() override;

    QComboBox* classFieldBox() const { return mClassField; }
    QLineEdit* speedsEdit() const { return mSpeeds; }
    QTableWidget* classTable() const { return mClasses; }
    QLabel* note() const { return mNote; }
    /// \brief The layer Import would store (nullopt while the input has a problem).
    const std::optional<gis::RoadLayerImport>& planned() const { return mMade; }

signals:
    /// \brief The roads were written; \a summary says how many.
    void imported(const QString& summary);

private:
    void readFile();
    void refresh();

    Workspace* mWs;
    std::function<std::pair<QString, QString>()> mSource;
    QLabel* mFileLabel = nullptr;
    QComboBox* mClassField = nullptr;
    QLineEdit* mSpeeds = nullptr;
    QTableWidget* mClasses = nullptr;
    QLabel* mNote = nullptr;
    std::shared_ptr<const gis::VectorData> mData;
    QString mReadError;
    QString mReadFor; ///< file|layer mData was read from
    std::optional<gis::RoadLayerImport> mMade;
};

} // namespace ui
} // namespace app
