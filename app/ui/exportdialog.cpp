#include "ui/exportdialog.h"

#include "gis/error.h"
#include "layers/maprecipe.h"
#include "layers/maptemplate.h"
#include "ui/language.h"
#include "ui/usermessage.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>

namespace app {
namespace ui {

ExportDialog::ExportDialog(Workspace* workspace, const gis::Extent& currentView, QWidget* parent)
        : QDialog(parent), mWorkspace(workspace), mCurrentView(currentView)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export map"));
    auto* outer = new QHBoxLayout(this);
    auto* form = new QFormLayout;
    outer->addLayout(form);

    mTemplate = new QComboBox(this);
    mTemplate->addItem(tr("As shown on screen"), QString());
    if (const gis::Dataset* ds = mWorkspace->dataset())
        for (const std::string& name : layers::storedMapTemplateNames(*ds))
            mTemplate->addItem(QString::fromStdString(name), QString::fromStdString(name));
    form->addRow(tr("Template"), mTemplate);
    mPaper = new QComboBox(this);
    for (layers::Paper p : {layers::Paper::A4, layers::Paper::A3, layers::Paper::A2, layers::Paper::A1,
                            layers::Paper::A0, layers::Paper::Letter})
        mPaper->addItem(QString::fromStdString(layers::paperName(p)), static_cast<int>(p));
    form->addRow(tr("Paper"), mPaper);
    mOrientation = new QComboBox(this);
    mOrientation->addItem(tr("Landscape"), true);
    mOrientation->addItem(tr("Portrait"), false);
    form->addRow(tr("Orientation"), mOrientation);
    mTitle = new QLineEdit(this);
    mTitle->setPlaceholderText(tr("From the layer, the regency and the period"));
    form->addRow(tr("Title"), mTitle);
    mExtent = new QComboBox(this);
    mExtent->setObjectName(QStringLiteral("extentBox"));
    mExtent->addItem(tr("Current view"), QStringLiteral("view"));
    mExtent->addItem(tr("Whole regency"), QStringLiteral("all"));
    for (const auto& [code, name] : mWorkspace->kecamatanList())
        mExtent->addItem(tr("Kecamatan %1").arg(name), code);
    form->addRow(tr("Extent"), mExtent);
    mFormat = new QComboBox(this);
    mFormat->addItem(QStringLiteral("PDF"), QStringLiteral("pdf"));
    mFormat->addItem(QStringLiteral("PNG"), QStringLiteral("png"));
    mFormat->addItem(QStringLiteral("SVG"), QStringLiteral("svg"));
    form->addRow(tr("Format"), mFormat);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    form->addRow(buttons);

    mPreview = new QLabel(this);
    mPreview->setObjectName(QStringLiteral("exportPreview"));
    mPreview->setMinimumSize(620, 440);
    mPreview->setAlignment(Qt::AlignCenter);
    mPreview->setFrameShape(QFrame::StyledPanel);
    outer->addWidget(mPreview, 1);

    for (QComboBox* box : {mTemplate, mPaper, mOrientation, mExtent})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    connect(mTitle, &QLineEdit::editingFinished, this, &ExportDialog::updatePreview);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::chooseFileAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
}

QString ExportDialog::format() const
{
    return mFormat->currentData().toString();
}

layers::ThematicMapSpec ExportDialog::spec() const
{
    layers::ThematicMapSpec spec = mWorkspace->mapSpec();
    const gis::Dataset* ds = mWorkspace->dataset();
    if (ds && !mTemplate->currentData().toString().isEmpty()) {
        const layers::MapTemplate t = layers::storedMapTemplate(*ds, mTemplate->currentData().toString().toStdString());
        spec = layers::resolveMap(*ds, t, mWorkspace->analysis()).spec;
    } else {
        // what the screen shows: the visible point layers, labels and reach circles
        spec.showFacilities = false;
        spec.coverageRadiusKm = 0.0;
        for (const LayerEntry& e : mWorkspace->layerList()->entries()) {
            if (!e.visible)
                continue;
            if (e.id.startsWith(QStringLiteral("facility:")))
                spec.showFacilities = true;
            if (e.id == QStringLiteral("labels:kecamatan"))
                spec.showLabels = true;
            if (e.id == QStringLiteral("labels:pekon"))
                spec.showVillageLabels = true;
            if (e.id.startsWith(QStringLiteral("reach:")) && spec.coverageRadiusKm == 0.0) {
                spec.coverageKind = e.id.mid(6).toStdString();
                spec.coverageRadiusKm = 5.0;
            }
        }
    }
    // the project's roads when their layer is shown, with their legend rows (as the map command)
    spec.roads.clear();
    if (ds && !ds->roads.empty())
        for (const LayerEntry& e : mWorkspace->layerList()->entries())
            if (e.visible && e.id == QStringLiteral("roads"))
                spec.roads = layers::mapRoadsOf(ds->roads);
    spec.lang = pageLanguage();
    spec.page.paper = static_cast<layers::Paper>(mPaper->currentData().toInt());
    spec.page.landscape = mOrientation->currentData().toBool();
    if (!mTitle->text().trimmed().isEmpty())
        spec.title = mTitle->text().trimmed().toStdString();
    const QString extent = mExtent->currentData().toString();
    spec.view.reset();
    spec.focusArea.clear();
    if (extent == QStringLiteral("view")) {
        spec.view = mCurrentView;
        spec.showVillageLabels = spec.showVillageLabels && mCurrentView.height() < 0.25;
    } else if (extent == QStringLiteral("all")) {
        spec.showVillageLabels = false;
    } else {
        spec.focusArea = extent.toStdString();
    }
    return spec;
}

void ExportDialog::updatePreview()
{
    const gis::Dataset* ds = mWorkspace->dataset();
    if (!ds)
        return;
    try {
        const layers::ThematicMapSpec s = spec();
        const layers::ThematicMap map(*ds, s);
        const QSizeF mm = layers::paperSizeMm(s.page.paper, s.page.landscape);
        const QSize box = mPreview->size().expandedTo(QSize(620, 440)) - QSize(12, 12);
        const double scale = std::min(box.width() / mm.width(), box.height() / mm.height());
        QImage image((mm * scale).toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const double dpi = scale * 25.4; // pixels per mm -> per inch
        map.renderPage(painter, QRectF(QPointF(0, 0), QSizeF(image.size())), dpi);
        painter.end();
        mPreview->setPixmap(QPixmap::fromImage(image));
    } catch (const std::exception& e) {
        mPreview->setText(UserMessages::forError(e, UserAction::ShowMap, mWorkspace->location()));
    }
}

void ExportDialog::exportTo(const QString& path)
{
    const gis::Dataset* ds = mWorkspace->dataset();
    if (!ds)
        return;
    const QFileInfo info(path);
    const QString target = info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.') + format();
    const layers::ThematicMap map(*ds, spec());
    layers::exportMap(map, target.toStdString());
    mLogNote = mWorkspace->recordExport(QStringLiteral("map"), target, !map.restrictedNotice().empty());
}

void ExportDialog::chooseFileAndExport()
{
    const QString filter = tr("%1 files (*.%2)").arg(mFormat->currentText(), format());
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export map"), QStringLiteral("peta.") + format(), filter);
    if (path.isEmpty())
        return;
    try {
        exportTo(path);
        accept();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, UserMessages::title(UserAction::ExportMap),
                             UserMessages::forError(e, UserAction::ExportMap, path));
    }
}

} // namespace ui
} // namespace app
