#pragma once
/// \file exportdialog.h
/// The map export dialog: template, paper, orientation, title, extent (the current view, the
/// whole regency or one kecamatan), format (PDF, PNG, SVG) and a preview of the page. The map
/// shows what the workspace shows (layer, style, visible facilities, labels and reach).
/// \note GUI thread only; the page is drawn through layers' ThematicMap (maprecipe for templates).
#include "gis/geometry.h"
#include "layers/thematicmap.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace app {
namespace ui {

class Workspace;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    /// \param currentView the canvas' visible lon/lat extent
    ExportDialog(Workspace* workspace, const gis::Extent& currentView, QWidget* parent = nullptr);

    /// \brief The spec the page is drawn from with the choices made.
    layers::ThematicMapSpec spec() const;
    /// \brief Writes the page to \a path (its extension is replaced by the chosen format's).
    /// \throws gis::Error as layers::exportMap does.
    /// Writes the map and records it in the project's export log; logNote() then says when the
    /// log could not be written.
    void exportTo(const QString& path);
    const QString& logNote() const { return mLogNote; }
    /// \brief "pdf", "png" or "svg".
    QString format() const;

    QComboBox* extentBox() const { return mExtent; }
    QComboBox* formatBox() const { return mFormat; }
    QComboBox* paperBox() const { return mPaper; }
    QComboBox* orientationBox() const { return mOrientation; }
    QLineEdit* titleEdit() const { return mTitle; }
    QLabel* preview() const { return mPreview; }

private:
    void updatePreview();
    void chooseFileAndExport();

    Workspace* mWorkspace;
    QString mLogNote;
    gis::Extent mCurrentView;
    QComboBox* mTemplate = nullptr;
    QComboBox* mPaper = nullptr;
    QComboBox* mOrientation = nullptr;
    QLineEdit* mTitle = nullptr;
    QComboBox* mExtent = nullptr;
    QComboBox* mFormat = nullptr;
    QLabel* mPreview = nullptr;
};

} // namespace ui
} // namespace app
