#include "ui/newprojectdialog.h"

#include "ui/language.h"
#include "ui/usermessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace app {
namespace ui {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QComboBox* fieldBox(QWidget* parent, const char* name)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setMinimumWidth(240);
    return box;
}

/// The field a box names: its item data ("" for "none").
std::string chosenField(const QComboBox* box)
{
    return box->currentData().toString().toStdString();
}

} // namespace

NewProjectDialog::NewProjectDialog(const QString& boundaryFile, QWidget* parent) : QDialog(parent), mFile(boundaryFile)
{
    setWindowTitle(tr("New project from a boundary file"));
    setObjectName(QStringLiteral("newProjectDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The fields below were detected in %1. Change any that are wrong; the preview "
                                "shows the villages as the project will hold them.")
                                 .arg(QFileInfo(boundaryFile).fileName()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    mLayer = fieldBox(this, "newLayer");
    mCode = fieldBox(this, "newCodeField");
    mName = fieldBox(this, "newNameField");
    mKecamatan = fieldBox(this, "newKecamatanField");
    mBps = fieldBox(this, "newBpsField");
    mRegencyName = fieldBox(this, "newRegencyField");
    mRegency = fieldBox(this, "newRegency");
    mVillageKind = fieldBox(this, "newVillageKind");
    for (const char* kind : {"desa", "pekon", "kampung", "nagari", "gampong", "tiyuh", "lembang"})
        mVillageKind->addItem(QString::fromLatin1(kind), QString::fromLatin1(kind));
    mCapital = new QLineEdit(this);
    mCapital->setObjectName(QStringLiteral("newCapital"));
    mCapital->setPlaceholderText(tr("name of a kecamatan or village, e.g. Kota Agung (optional)"));
    mEdition = new QLineEdit(this);
    mEdition->setObjectName(QStringLiteral("newEdition"));
    mEdition->setPlaceholderText(tr("e.g. BIG RBI 2023 (optional)"));
    mCrs = new QLineEdit(this);
    mCrs->setObjectName(QStringLiteral("newCrs"));
    mCrs->setPlaceholderText(tr("e.g. EPSG:4326 or EPSG:32748"));
    mCrsNote = new QLabel(this);
    mCrsNote->setObjectName(QStringLiteral("newCrsNote"));
    mCrsNote->setWordWrap(true);

    mProject = new QLineEdit(this);
    mProject->setObjectName(QStringLiteral("newProjectPath"));
    const QFileInfo info(boundaryFile);
    mProject->setText(QDir(info.absolutePath()).filePath(info.completeBaseName() + QStringLiteral(".sasaran.sqlite")));
    auto* browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the new project as"), mProject->text(),
                                                          tr("Sasaran projects (*.sasaran.sqlite)"));
        if (!path.isEmpty())
            mProject->setText(path);
    });
    auto* projectRow = new QHBoxLayout;
    projectRow->addWidget(mProject, 1);
    projectRow->addWidget(browse);

    form->addRow(tr("Layer"), mLayer);
    form->addRow(tr("Village code field (Kemendagri)"), mCode);
    form->addRow(tr("Village name field"), mName);
    form->addRow(tr("Kecamatan name field"), mKecamatan);
    form->addRow(tr("BPS code field"), mBps);
    form->addRow(tr("Regency name field"), mRegencyName);
    form->addRow(tr("Area to keep"), mRegency);
    form->addRow(tr("A village is called"), mVillageKind);
    form->addRow(tr("Regency capital"), mCapital);
    form->addRow(tr("Edition of the boundaries"), mEdition);
    form->addRow(tr("CRS of the coordinates"), mCrs);
    form->addRow(QString(), mCrsNote);
    form->addRow(tr("Save the project as"), projectRow);
    layout->addLayout(form);

    mSamples = new QTableWidget(0, 3, this);
    mSamples->setObjectName(QStringLiteral("newSamples"));
    mSamples->setHorizontalHeaderLabels({tr("Code"), tr("Name"), tr("Kecamatan")});
    mSamples->horizontalHeader()->setStretchLastSection(true);
    mSamples->verticalHeader()->hide();
    mSamples->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mSamples->setMinimumHeight(170);
    layout->addWidget(mSamples);
    mSummary = new QLabel(this);
    mSummary->setObjectName(QStringLiteral("newSummary"));
    mSummary->setWordWrap(true);
    layout->addWidget(mSummary);
    mProblem = new QLabel(this);
    mProblem->setObjectName(QStringLiteral("newProblem"));
    mProblem->setWordWrap(true);
    mProblem->setStyleSheet(QStringLiteral("color: #7a5c00;"));
    layout->addWidget(mProblem);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mCreate = buttons->button(QDialogButtonBox::Ok);
    mCreate->setObjectName(QStringLiteral("newCreate"));
    mCreate->setText(tr("Create project"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (QComboBox* box : {mLayer, mCode, mName, mKecamatan, mBps, mRegencyName, mRegency})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!mFilling)
                refresh();
        });
    connect(mProject, &QLineEdit::textChanged, this, [this] { mCreate->setEnabled(problemText().isEmpty()); });
    refresh();
    resize(620, 760);
}

QString NewProjectDialog::projectPath() const
{
    return mProject->text().trimmed();
}

QString NewProjectDialog::capital() const
{
    return mCapital->text().trimmed();
}

gis::BoundaryImportOptions NewProjectDialog::options() const
{
    gis::BoundaryImportOptions o;
    o.layer = mLayer->currentText().toStdString();
    o.codeField = chosenField(mCode);
    o.nameField = chosenField(mName);
    o.parentField = chosenField(mKecamatan);
    o.bpsField = chosenField(mBps);
    o.regencyField = chosenField(mRegencyName);
    o.filter = mRegency->currentData().toString().toStdString();
    o.villageKind = mVillageKind->currentData().toString().toStdString();
    o.edition = mEdition->text().trimmed().toStdString();
    o.assumedCrs = mCrs->text().trimmed().toStdString();
    return o;
}

void NewProjectDialog::fillFieldBox(QComboBox* box, const std::string& chosen, bool allowNone)
{
    box->clear();
    if (allowNone)
        box->addItem(tr("(none)"), QString());
    for (const std::string& f : mPreview.fields)
        box->addItem(q(f), q(f));
    const int at = box->findData(q(chosen));
    box->setCurrentIndex(at >= 0 ? at : 0);
}

void NewProjectDialog::refresh()
{
    gis::BoundaryImportOptions asked;
    if (mLayer->count() > 0) {
        // the fields chosen so far; a layer change detects them afresh
        asked.layer = mLayer->currentText().toStdString();
        if (asked.layer == mPreview.layer) {
            asked.codeField = chosenField(mCode);
            asked.nameField = chosenField(mName);
            asked.parentField = chosenField(mKecamatan);
            asked.bpsField = chosenField(mBps);
            asked.regencyField = chosenField(mRegencyName);
        }
    }
    const QString keptRegency = mRegency->currentData().toString();
    asked.filter = keptRegency.toStdString();
    try {
        mPreview = gis::previewBoundaries(mFile.toStdString(), asked);
    } catch (const std::exception& e) {
        mPreview = {};
        mPreview.problem = e.what();
        mSummary->setText(UserMessages::forError(e, UserAction::NewProject, mFile));
    }
    mFilling = true;
    if (mLayer->count() == 0)
        for (const std::string& l : mPreview.layers)
            mLayer->addItem(q(l));
    mLayer->setCurrentText(q(mPreview.layer));
    fillFieldBox(mCode, mPreview.codeField, false);
    if (mPreview.codeField.empty())
        mCode->setCurrentIndex(-1); // nothing detected: the user must choose
    fillFieldBox(mName, mPreview.nameField, true);
    fillFieldBox(mKecamatan, mPreview.parentField, true);
    fillFieldBox(mBps, mPreview.bpsField, true);
    fillFieldBox(mRegencyName, mPreview.regencyField, true);

    const QLocale locale = uiLocale();
    mRegency->clear();
    mRegency->addItem(tr("All (%1 villages)").arg(locale.toString(static_cast<qlonglong>(mPreview.villages))),
                      QString());
    for (const auto& r : mPreview.regencies)
        mRegency->addItem(tr("%1 %2 (%3 villages)")
                              .arg(q(r.code), r.name.empty() ? tr("(name unknown)") : q(r.name),
                                   locale.toString(static_cast<qlonglong>(r.villages))),
                          q(r.code));
    // one regency in the file: it is the one kept; several: the one chosen before, else all
    const int kept = mRegency->findData(keptRegency);
    mRegency->setCurrentIndex(mPreview.regencies.size() == 1 ? 1 : std::max(kept, 0));
    mFilling = false;

    if (mPreview.sourceCrs.empty()) {
        mCrsNote->setText(tr("The file does not say the CRS of its coordinates: give it above."));
    } else {
        mCrsNote->setText(tr("From the file: %1 (fill in only to replace it).")
                              .arg(q(mPreview.sourceCrs.size() > 60 ? mPreview.sourceCrs.substr(0, 60) + "…"
                                                                    : mPreview.sourceCrs)));
    }

    mSamples->setRowCount(static_cast<int>(mPreview.samples.size()));
    for (int row = 0; row < static_cast<int>(mPreview.samples.size()); ++row) {
        const auto& s = mPreview.samples[static_cast<std::size_t>(row)];
        // where the file says nothing: the reference's name, marked as such, or that there is none
        auto cell = [this](const std::string& value, bool fromReference) {
            if (value.empty())
                return tr("(none: the code is shown)");
            return fromReference ? tr("%1 (national reference)").arg(q(value)) : q(value);
        };
        const QString cells[] = {q(s.code), cell(s.name, s.nameFromReference),
                                 cell(s.kecamatan, s.kecamatanFromReference)};
        for (int col = 0; col < 3; ++col)
            mSamples->setItem(row, col, new QTableWidgetItem(cells[col]));
    }
    mSamples->resizeColumnsToContents();
    if (mPreview.features > 0 || mPreview.problem.empty())
        mSummary->setText(tr("%1 features: %2 villages, %3 kecamatan/regency features, %4 without a Kemendagri "
                             "code (not imported).")
                              .arg(locale.toString(static_cast<qlonglong>(mPreview.features)),
                                   locale.toString(static_cast<qlonglong>(mPreview.villages)),
                                   locale.toString(static_cast<qlonglong>(mPreview.otherLevels)),
                                   locale.toString(static_cast<qlonglong>(mPreview.unreadable))));
    mProblem->setText(problemText());
    mCreate->setEnabled(problemText().isEmpty());
}

QString NewProjectDialog::problemText() const
{
    using Problem = gis::BoundaryFilePreview::Problem;
    switch (mPreview.problemKind) {
    case Problem::NoCodeField:
        return tr("No village code field was found: choose the field that holds the Kemendagri code (such as "
                  "KDEPUM, 18.06.20.2001 or 1806202001).");
    case Problem::UnknownField:
        return tr("A field chosen is not in this layer: choose the fields again.");
    case Problem::BpsCodes:
        return tr("The code field holds BPS codes, not Kemendagri codes: choose the field with the Kemendagri "
                  "code.");
    case Problem::NoVillageCodes:
        return tr("No feature has a village code in this field: choose the field with the village codes.");
    case Problem::None:
        break;
    }
    if (mPreview.layers.empty() && !mPreview.problem.empty())
        return tr("The file cannot be read as boundaries.");
    if (projectPath().isEmpty())
        return tr("Say where to save the project.");
    return {};
}

} // namespace ui
} // namespace app
