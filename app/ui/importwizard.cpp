#include "ui/importwizard.h"

#include "gis/error.h"
#include "gis/text.h"
#include "gis/vectorio.h"
#include "ui/language.h"
#include "ui/roadimportpage.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>
#include <QWizardPage>
#include <QtConcurrent>

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

namespace app {
namespace ui {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string s(const QString& text)
{
    return text.trimmed().toStdString();
}

/// A wizard page whose completeness and entry the wizard decides.
class Page : public QWizardPage {
public:
    std::function<bool()> complete;
    std::function<void()> enter;
    bool isComplete() const override { return complete ? complete() : true; }
    void initializePage() override
    {
        if (enter)
            enter();
    }
    void cleanupPage() override {} // keep what the user chose when going back
};

/// The data a combo box item holds: the column name ("" = let the import detect it).
QString columnOf(const QComboBox* box)
{
    return box ? box->currentData().toString() : QString();
}

constexpr int kPreviewRows = 10;

} // namespace

// ---------------------------------------------------------------------------------------------

AreaPickerDialog::AreaPickerDialog(const Workspace* ws, const QString& nameInFile, const QString& kecamatanInFile,
                                   QWidget* parent)
        : QDialog(parent)
{
    setWindowTitle(tr("Choose the pekon"));
    setObjectName(QStringLiteral("areaPicker"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Which pekon is “%1”? The choice is kept as another name of that pekon, so the "
                                "next import finds it by itself.")
                                 .arg(nameInFile.toHtmlEscaped()));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    mSearch = new QLineEdit;
    mSearch->setObjectName(QStringLiteral("pickSearch"));
    mSearch->setPlaceholderText(tr("Search by name, kecamatan or code"));
    mSearch->setClearButtonEnabled(true);
    layout->addWidget(mSearch);
    auto* model = new QStandardItemModel(this);
    if (const gis::Dataset* ds = ws->dataset()) {
        for (const gis::Area* v : ds->villages()) {
            auto* item =
                new QStandardItem(tr("%1 — Kec. %2 (%3)").arg(q(v->name), ws->kecamatanNameOf(v->code), q(v->code)));
            item->setData(q(v->code), Qt::UserRole);
            item->setEditable(false);
            model->appendRow(item);
        }
    }
    mFilter = new QSortFilterProxyModel(this);
    mFilter->setSourceModel(model);
    mFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    mList = new QListView;
    mList->setObjectName(QStringLiteral("pickList"));
    mList->setModel(mFilter);
    layout->addWidget(mList, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use this pekon"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mSearch, &QLineEdit::textChanged, this, [this](const QString& text) {
        mFilter->setFilterFixedString(text.trimmed());
        if (mFilter->rowCount() > 0)
            mList->setCurrentIndex(mFilter->index(0, 0));
    });
    connect(mList->selectionModel(), &QItemSelectionModel::currentChanged, this, [buttons](const QModelIndex& index) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(index.isValid());
    });
    connect(mList, &QListView::doubleClicked, this, &QDialog::accept);
    // the row's kecamatan lists its pekon; without one, the name as written (its candidates when
    // ambiguous), else its first word
    mSearch->setText(kecamatanInFile.isEmpty() ? nameInFile : kecamatanInFile);
    if (mFilter->rowCount() == 0)
        mSearch->setText(nameInFile.split(QLatin1Char(' '), Qt::SkipEmptyParts).value(0));
    resize(460, 420);
}

QString AreaPickerDialog::pickedCode() const
{
    const QModelIndex index = mList->currentIndex();
    return index.isValid() ? index.data(Qt::UserRole).toString() : QString();
}

// ---------------------------------------------------------------------------------------------

/// What the columns page shows: a table's head, or a vector layer's fields and first features.
struct ImportWizard::Preview {
    QString error;
    bool vector = false;
    gis::TablePreview table; ///< header + rows (rows empty for records)
    std::size_t features = 0;
};

/// The import decided on the worker: the report and what Finish writes.
struct ImportWizard::Plan {
    QString error;
    Kind kind = Kind::Table;
    std::vector<gis::RowMatch> matches;
    bool written = false;
    std::string stopReason;
    std::size_t values = 0, facilities = 0, userAliases = 0, fuzzyAliases = 0, replaced = 0;
    std::size_t rows = 0, pekon = 0;                      ///< records: rows counted, pekon with rows
    std::size_t villages = 0, notInList = 0, missing = 0; ///< boundaries
    std::vector<std::string> problems;                    ///< row problems (no personal data)
    gis::ProjectChanges changes;
};

ImportWizard::ImportWizard(Workspace* ws, QWidget* parent) : QWizard(parent), mWs(ws)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import data"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::FinishButton, tr("&Import"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    mPreviewWatcher = new QFutureWatcher<std::shared_ptr<Preview>>(this);
    mPlanWatcher = new QFutureWatcher<std::shared_ptr<Plan>>(this);
    connect(mPreviewWatcher, &QFutureWatcherBase::finished, this, &ImportWizard::showPreview);
    connect(mPlanWatcher, &QFutureWatcherBase::finished, this, &ImportWizard::showPlan);
    buildSourcePage();
    buildColumnsPage();
    buildReportPage();
    mRoadsPage = new RoadImportPage(mWs, [this] {
        return std::pair<QString, QString>(mFile->text().trimmed(), mSheet->currentData().toString());
    });
    setPage(RoadsPage, mRoadsPage);
    connect(mRoadsPage, &RoadImportPage::imported, this, [this](const QString& summary) {
        mResult = summary;
        emit imported(summary);
    });
    // the busy row moves to the page shown
    connect(this, &QWizard::currentIdChanged, this, [this](int) {
        if (auto* layout = currentPage() ? qobject_cast<QVBoxLayout*>(currentPage()->layout()) : nullptr)
            layout->addWidget(mProgress->parentWidget());
    });
    setBusy(false, {});
    resize(980, 700);
}

ImportWizard::~ImportWizard()
{
    // Results still coming are dropped; the workers own copies of all they read.
    mPreviewWatcher->disconnect(this);
    mPlanWatcher->disconnect(this);
}

ImportWizard::Kind ImportWizard::kind() const
{
    return static_cast<Kind>(mKind->currentData().toInt());
}

bool ImportWizard::isTableFile() const
{
    const QString suffix = QFileInfo(mFile->text().trimmed()).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") || suffix == QLatin1String("xlsx")
        || suffix == QLatin1String("tsv") || suffix == QLatin1String("ods");
}

bool ImportWizard::readsAsTable() const
{
    // indicator tables and records come from any source's attributes (a GeoPackage layer, a
    // Shapefile's DBF, GeoJSON properties) the way a spreadsheet is read
    return isTableFile() || kind() == Kind::Table || kind() == Kind::Records;
}

void ImportWizard::buildSourcePage()
{
    auto* page = new Page;
    mSourcePage = page;
    page->setTitle(tr("What to import"));
    page->setSubTitle(tr("Choose the kind of data and the file. Nothing is written to the project before the last "
                         "step."));
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    mKind = new QComboBox;
    mKind->setObjectName(QStringLiteral("importKind"));
    mKind->addItem(tr("Indicator table (CSV, XLSX, ODS, or a GeoPackage, Shapefile or GeoJSON layer)"),
                   static_cast<int>(Kind::Table));
    mKind->addItem(tr("DTSEN/DTKS records (one row per person or household)"), static_cast<int>(Kind::Records));
    mKind->addItem(tr("Facilities (points, or a table naming each pekon)"), static_cast<int>(Kind::Facilities));
    mKind->addItem(tr("Village boundaries (replace the project's)"), static_cast<int>(Kind::Boundaries));
    mKind->addItem(tr("Roads (a line layer, replacing the project's)"), static_cast<int>(Kind::Roads));
    form->addRow(tr("Kind of data"), mKind);
    auto* fileRow = new QHBoxLayout;
    mFile = new QLineEdit;
    mFile->setObjectName(QStringLiteral("importFile"));
    mFile->setPlaceholderText(tr("Path of the file"));
    auto* browse = new QPushButton(tr("Choose…"));
    browse->setObjectName(QStringLiteral("importBrowse"));
    fileRow->addWidget(mFile, 1);
    fileRow->addWidget(browse);
    form->addRow(tr("File"), fileRow);
    mSheet = new QComboBox;
    mSheet->setObjectName(QStringLiteral("importSheet"));
    form->addRow(tr("Sheet or layer"), mSheet);
    layout->addLayout(form);
    mSourceNote = new QLabel;
    mSourceNote->setObjectName(QStringLiteral("importSourceNote"));
    mSourceNote->setWordWrap(true);
    layout->addWidget(mSourceNote);
    layout->addStretch(1);
    addPage(page);

    page->complete = [this] { return mWs->canEdit() && QFileInfo(mFile->text().trimmed()).isFile(); };
    auto update = [this, page] {
        QString note;
        if (!mWs->canEdit())
            note = tr("This project cannot be changed: %1")
                       .arg(mWs->readOnlyReason().isEmpty() ? tr("it is not kept in a project file")
                                                            : mWs->readOnlyReason());
        else if (kind() == Kind::Records)
            note = tr("Personal data stays out: NIK, names and addresses are only counted per pekon. The wizard shows "
                      "the column headers and counts, never a person's data.");
        else if (kind() == Kind::Boundaries)
            note = tr("The values and facilities of the project are kept; pekon the file lacks keep their old "
                      "boundary.");
        mSourceNote->setText(note);
        mPreviewDirty = true;
        mPicked.clear();
        emit page->completeChanged();
    };
    connect(mKind, &QComboBox::currentIndexChanged, this, update);
    connect(mFile, &QLineEdit::textChanged, this, [this, update] {
        fillSheets();
        update();
    });
    connect(mSheet, &QComboBox::currentIndexChanged, this, [this] { mPreviewDirty = true; });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose the file to import"), QFileInfo(mFile->text()).absolutePath(),
            tr("Tables and map layers (*.csv *.txt *.xlsx *.ods *.gpkg *.shp *.dbf *.geojson *.json *.kml);;All "
               "files (*)"));
        if (!path.isEmpty())
            mFile->setText(path);
    });
    fillSheets();
    update();
}

void ImportWizard::fillSheets()
{
    mSheet->clear();
    const QString path = mFile->text().trimmed();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!QFileInfo(path).isFile() || suffix == QLatin1String("csv") || suffix == QLatin1String("txt")
        || suffix == QLatin1String("tsv")) {
        mSheet->addItem(tr("(the whole file)"), QString());
        mSheet->setEnabled(false);
        return;
    }
    mSheet->setEnabled(true);
    try {
        for (const std::string& layer : gis::listLayers(s(path)))
            mSheet->addItem(q(layer), q(layer));
    } catch (const gis::Error&) {
        // not readable: the columns page says why when it reads the file
    }
    if (mSheet->count() == 0)
        mSheet->addItem(tr("(the first)"), QString());
}

void ImportWizard::buildColumnsPage()
{
    auto* page = new Page;
    mColumnsPage = page;
    page->setTitle(tr("Columns"));
    page->setSubTitle(tr("Say which column holds what. The first rows of the file are shown below."));
    auto* layout = new QVBoxLayout(page);
    mForm = new QFormLayout;
    mHeaderRow = new QSpinBox;
    mHeaderRow->setObjectName(QStringLiteral("importHeaderRow"));
    mHeaderRow->setRange(1, 1000);
    mHeaderRow->setMaximumWidth(90);
    mForm->addRow(tr("Header row"), mHeaderRow);
    mPeriod = new QLineEdit;
    mPeriod->setObjectName(QStringLiteral("importPeriod"));
    mPeriod->setPlaceholderText(tr("e.g. 2019 or 2025-S1"));
    mPeriod->setMaximumWidth(220);
    mForm->addRow(tr("Period of the values"), mPeriod);
    auto makeBox = [](const char* name) {
        auto* box = new QComboBox;
        box->setObjectName(QString::fromLatin1(name));
        return box;
    };
    mCode = makeBox("importCodeColumn");
    mName = makeBox("importNameColumn");
    mKecamatan = makeBox("importKecamatanColumn");
    mForm->addRow(tr("Pekon code column"), mCode);
    mForm->addRow(tr("Pekon name column"), mName);
    mForm->addRow(tr("Kecamatan column"), mKecamatan);
    mIndicators = new QWidget;
    auto* indicatorLayout = new QVBoxLayout(mIndicators);
    indicatorLayout->setContentsMargins(0, 0, 0, 0);
    auto* addIndicator = new QPushButton(tr("Add an indicator"));
    addIndicator->setObjectName(QStringLiteral("importAddIndicator"));
    indicatorLayout->addWidget(addIndicator, 0, Qt::AlignLeft);
    mForm->addRow(tr("Indicators (name: column)"), mIndicators);
    mHousehold = makeBox("importHouseholdColumn");
    mStatus = makeBox("importStatusColumn");
    mDesil = makeBox("importDesilColumn");
    mUnit = makeBox("importUnit");
    mUnit->addItem(tr("decide from the file"), QStringLiteral("auto"));
    mUnit->addItem(tr("a person"), QStringLiteral("person"));
    mUnit->addItem(tr("a household"), QStringLiteral("household"));
    mForm->addRow(tr("Household number column"), mHousehold);
    mForm->addRow(tr("Status column"), mStatus);
    mForm->addRow(tr("Desil column"), mDesil);
    mForm->addRow(tr("One row is"), mUnit);
    mFacilityKind = makeBox("importFacilityKind");
    mFacilityKind->setEditable(true);
    for (const char* k : {"BUMDES", "PUSKESSOS", "PUSKESMAS", "POSYANDU", "SEKOLAH", "WISATA", "KANTOR_PEKON"})
        mFacilityKind->addItem(QString::fromLatin1(k));
    mLabel = makeBox("importLabelColumn");
    mLon = makeBox("importLonColumn");
    mLat = makeBox("importLatColumn");
    mForm->addRow(tr("Kind of facility"), mFacilityKind);
    mForm->addRow(tr("Facility name column"), mLabel);
    mForm->addRow(tr("Longitude column"), mLon);
    mForm->addRow(tr("Latitude column"), mLat);
    mCrs = new QLineEdit;
    mCrs->setObjectName(QStringLiteral("importCrs"));
    mCrs->setPlaceholderText(tr("only when the file declares none, e.g. EPSG:4326"));
    mEdition = new QLineEdit;
    mEdition->setObjectName(QStringLiteral("importEdition"));
    mEdition->setPlaceholderText(tr("e.g. BIG 2023"));
    mForm->addRow(tr("Coordinate system"), mCrs);
    mForm->addRow(tr("Edition of the boundaries"), mEdition);
    mReplace = new QCheckBox(tr("Replace values the project already holds for this period"));
    mReplace->setObjectName(QStringLiteral("importReplace"));
    mForm->addRow(QString(), mReplace);
    layout->addLayout(mForm);
    mPreviewNote = new QLabel;
    mPreviewNote->setObjectName(QStringLiteral("importPreviewNote"));
    mPreviewNote->setWordWrap(true);
    layout->addWidget(mPreviewNote);
    mPreviewModel = new QStandardItemModel(this);
    mPreviewView = new QTableView;
    mPreviewView->setObjectName(QStringLiteral("importPreview"));
    mPreviewView->setModel(mPreviewModel);
    mPreviewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mPreviewView->verticalHeader()->setVisible(false);
    mPreviewView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(mPreviewView, 1);
    addPage(page);

    connect(addIndicator, &QPushButton::clicked, this, &ImportWizard::addIndicatorRow);
    connect(mHeaderRow, &QSpinBox::editingFinished, this, [this] {
        if (mPreview && mHeaderRow->value() != mPreview->table.headerRow && !mPreview->vector)
            startPreview();
    });
    connect(mPeriod, &QLineEdit::textChanged, page, &QWizardPage::completeChanged);
    page->complete = [this] { return columnsComplete(); };
    page->enter = [this] {
        updateColumnRows();
        if (mPreviewDirty)
            startPreview();
    };
}

void ImportWizard::addIndicatorRow()
{
    auto* row = new QWidget;
    auto* h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto* key = new QComboBox;
    key->setEditable(true);
    key->setObjectName(QStringLiteral("importIndicatorKey%1").arg(mIndicatorRows.size()));
    key->setToolTip(tr("The name the values get in the project, e.g. miskin or penduduk"));
    std::set<std::string> keys{"miskin", "penduduk", "kk_miskin", "pengangguran"};
    if (const gis::Dataset* ds = mWs->dataset())
        for (const gis::IndicatorValue& v : ds->indicators)
            keys.insert(v.key);
    for (const std::string& k : keys)
        key->addItem(q(k));
    key->setCurrentText(QString());
    auto* column = new QComboBox;
    column->setObjectName(QStringLiteral("importIndicatorColumn%1").arg(mIndicatorRows.size()));
    h->addWidget(key, 1);
    h->addWidget(new QLabel(QStringLiteral(":")));
    h->addWidget(column, 2);
    auto* layout = qobject_cast<QVBoxLayout*>(mIndicators->layout());
    layout->insertWidget(layout->count() - 1, row);
    mIndicatorRows.emplace_back(key, column);
    // a column named like a known key fills the key in
    connect(column, &QComboBox::currentIndexChanged, this, [this, key, column] {
        if (key->currentText().trimmed().isEmpty() && !column->currentData().toString().isEmpty())
            key->setCurrentText(q(gis::headerKey(s(column->currentData().toString()))));
        emit mColumnsPage->completeChanged();
    });
    connect(key, &QComboBox::currentTextChanged, mColumnsPage, &QWizardPage::completeChanged);
    if (mPreview) {
        column->addItem(tr("(none)"), QString());
        for (const std::string& name : mPreview->table.header)
            if (!gis::trimmed(name).empty())
                column->addItem(q(name), q(name));
    }
}

void ImportWizard::updateColumnRows()
{
    const Kind k = kind();
    const bool table = k == Kind::Table, records = k == Kind::Records, facilities = k == Kind::Facilities,
               boundaries = k == Kind::Boundaries;
    auto show = [this](QWidget* w, bool visible) { mForm->setRowVisible(w, visible); };
    show(mHeaderRow, !boundaries && readsAsTable());
    show(mPeriod, table || records);
    show(mCode, true);
    show(mName, true);
    show(mKecamatan, true);
    show(mIndicators, table);
    show(mHousehold, records);
    show(mStatus, records);
    show(mDesil, records);
    show(mUnit, records);
    show(mFacilityKind, facilities);
    show(mLabel, facilities);
    show(mLon, facilities && isTableFile());
    show(mLat, facilities && isTableFile());
    show(mCrs, boundaries || (facilities && !isTableFile()));
    show(mEdition, boundaries);
    show(mReplace, table || records);
    qobject_cast<QLabel*>(mForm->labelForField(mKecamatan))
        ->setText(boundaries ? tr("Kecamatan name field") : tr("Kecamatan column"));
    if (table && mIndicatorRows.empty())
        addIndicatorRow();
}

bool ImportWizard::columnsComplete() const
{
    if (!mPreview || !mPreview->error.isEmpty() || busy())
        return false;
    switch (kind()) {
    case Kind::Table:
        return !mPeriod->text().trimmed().isEmpty()
            && std::any_of(mIndicatorRows.begin(), mIndicatorRows.end(), [](const auto& row) {
                   return !row.first->currentText().trimmed().isEmpty()
                       && !row.second->currentData().toString().isEmpty();
               });
    case Kind::Records:
        return !mPeriod->text().trimmed().isEmpty();
    case Kind::Facilities:
        return !mFacilityKind->currentText().trimmed().isEmpty();
    case Kind::Boundaries:
        return true;
    case Kind::Roads: // the roads page decides (ui/roadimportpage.h)
        return false;
    }
    return false;
}

void ImportWizard::setBusy(bool isBusy, const QString& what)
{
    if (!mProgress) {
        auto* box = new QWidget;
        box->setObjectName(QStringLiteral("importBusy"));
        auto* h = new QHBoxLayout(box);
        h->setContentsMargins(0, 0, 0, 0);
        mProgressText = new QLabel;
        mProgress = new QProgressBar;
        mProgress->setRange(0, 0); // the library reports no steps: a busy bar
        mProgress->setMaximumWidth(220);
        mCancelWork = new QPushButton(tr("Stop"));
        mCancelWork->setObjectName(QStringLiteral("importStop"));
        h->addWidget(mProgressText, 1);
        h->addWidget(mProgress);
        h->addWidget(mCancelWork);
        connect(mCancelWork, &QPushButton::clicked, this, &ImportWizard::cancelWork);
        qobject_cast<QVBoxLayout*>(mSourcePage->layout())->addWidget(box);
    }
    mProgress->parentWidget()->setVisible(isBusy);
    mProgressText->setText(what);
    button(QWizard::BackButton)->setEnabled(!isBusy);
    if (auto* page = qobject_cast<QWizardPage*>(currentPage()))
        emit page->completeChanged();
}

bool ImportWizard::busy() const
{
    return mPreviewWatcher->isRunning() || mPlanWatcher->isRunning();
}

void ImportWizard::cancelWork()
{
    // The library cannot be interrupted mid-file: its result is dropped instead, so nothing of it
    // is shown or written.
    mPreviewWatcher->disconnect(this);
    mPlanWatcher->disconnect(this);
    mPreviewWatcher->deleteLater();
    mPlanWatcher->deleteLater();
    mPreviewWatcher = new QFutureWatcher<std::shared_ptr<Preview>>(this);
    mPlanWatcher = new QFutureWatcher<std::shared_ptr<Plan>>(this);
    connect(mPreviewWatcher, &QFutureWatcherBase::finished, this, &ImportWizard::showPreview);
    connect(mPlanWatcher, &QFutureWatcherBase::finished, this, &ImportWizard::showPlan);
    mPlan.reset();
    mPreviewDirty = true;
    setBusy(false, {});
    mSummary->setText(tr("Stopped: nothing was written. Go back to change the choices, or cancel."));
    mPreviewNote->setText(tr("Stopped: nothing was written."));
    if (auto* page = qobject_cast<QWizardPage*>(currentPage()))
        emit page->completeChanged();
}

bool ImportWizard::waitUntilIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (busy() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    QCoreApplication::processEvents(); // deliver the finished signal
    return !busy();
}

// --- preview ---------------------------------------------------------------------------------

void ImportWizard::startPreview()
{
    const std::string path = s(mFile->text());
    const std::string sheet = s(mSheet->currentData().toString());
    const bool vector = !readsAsTable();
    const bool personal = kind() == Kind::Records;
    const long headerRow = mPreview && !mPreviewDirty ? mHeaderRow->value() : 0;
    const std::string crs = mCrs->text().trimmed().isEmpty() ? std::string("EPSG:4326") : s(mCrs->text());
    mPreview.reset();
    mPreviewModel->clear();
    mPreviewDirty = false;
    setBusy(true, tr("Reading the file…"));
    mPreviewWatcher->setFuture(QtConcurrent::run([=] {
        auto preview = std::make_shared<Preview>();
        try {
            if (vector) {
                gis::ReadOptions read;
                read.layer = sheet;
                read.assumedCrs = crs; // only to list the fields; the import asks again
                const gis::VectorData layer = gis::readVector(path, read);
                preview->vector = true;
                preview->table.header = layer.fieldNames;
                preview->features = layer.features.size();
                preview->table.dataRows = layer.features.size();
                for (std::size_t i = 0; i < layer.features.size() && i < kPreviewRows; ++i) {
                    std::vector<std::string> row;
                    for (const gis::FieldValue& v : layer.features[i].values)
                        row.push_back(gis::fieldText(v));
                    preview->table.rows.push_back(std::move(row));
                }
            } else {
                preview->table = gis::previewTable(path, sheet, headerRow, kPreviewRows, personal);
            }
        } catch (const std::exception& e) {
            preview->error = QString::fromUtf8(e.what());
        }
        return preview;
    }));
}

void ImportWizard::fillColumnBoxes()
{
    const std::vector<std::string>& header = mPreview->table.header;
    auto fill = [&](QComboBox* box, const QString& none) {
        const QString was = box->currentData().toString();
        box->clear();
        box->addItem(none, QString());
        for (const std::string& h : header)
            if (!gis::trimmed(h).empty())
                box->addItem(q(h), q(h));
        const int keep = box->findData(was);
        box->setCurrentIndex(keep > 0 ? keep : 0);
    };
    for (QComboBox* box : {mCode, mName, mKecamatan, mHousehold, mStatus, mDesil, mLabel, mLon, mLat})
        fill(box, tr("(found by itself)"));
    for (auto& [key, column] : mIndicatorRows)
        fill(column, tr("(none)"));
}

void ImportWizard::showPreview()
{
    mPreview = mPreviewWatcher->result();
    setBusy(false, {});
    mPreviewModel->clear();
    if (!mPreview->error.isEmpty()) {
        mPreviewNote->setText(tr("The file cannot be read: %1").arg(mPreview->error));
        emit mColumnsPage->completeChanged();
        return;
    }
    const gis::TablePreview& t = mPreview->table;
    mHeaderRow->blockSignals(true);
    mHeaderRow->setValue(static_cast<int>(std::max<long>(t.headerRow, 1)));
    mHeaderRow->blockSignals(false);
    fillColumnBoxes();
    if (kind() == Kind::Records || t.personalData) {
        // Headers and counts only: a records extract holds NIK, names and addresses.
        mPreviewModel->setHorizontalHeaderLabels({tr("Columns of the file")});
        for (const std::string& h : t.header)
            if (!gis::trimmed(h).empty())
                mPreviewModel->appendRow(new QStandardItem(q(h)));
        mPreviewNote->setText(tr("%n data row(s) below the header (row %1). The rows hold personal data and are not "
                                 "shown: only their counts per pekon are imported.",
                                 nullptr, static_cast<int>(t.dataRows))
                                  .arg(t.headerRow));
    } else {
        QStringList labels;
        for (const std::string& h : t.header)
            labels << q(h);
        mPreviewModel->setHorizontalHeaderLabels(labels);
        for (const auto& row : t.rows) {
            QList<QStandardItem*> items;
            for (std::size_t c = 0; c < t.header.size(); ++c)
                items << new QStandardItem(c < row.size() ? q(row[c]) : QString());
            mPreviewModel->appendRow(items);
        }
        if (mPreview->vector)
            mPreviewNote->setText(
                tr("%n feature(s); the first are shown.", nullptr, static_cast<int>(mPreview->features)));
        else
            mPreviewNote->setText(
                tr("%n data row(s) below the header (row %1, %2); the first are shown.", nullptr,
                   static_cast<int>(t.dataRows))
                    .arg(t.headerRow)
                    .arg(t.separator ? tr("%1, separated by “%2”").arg(q(t.encoding), QString(QLatin1Char(t.separator)))
                                     : q(t.encoding)));
        mPreviewView->resizeColumnsToContents();
    }
    emit mColumnsPage->completeChanged();
}

// --- plan ------------------------------------------------------------------------------------

void ImportWizard::buildReportPage()
{
    auto* page = new Page;
    mReportPage = page;
    page->setTitle(tr("Match report"));
    page->setSubTitle(tr("How the rows of the file were matched to the pekon of the project. Nothing is written "
                         "until you press Import."));
    auto* layout = new QVBoxLayout(page);
    mSummary = new QLabel;
    mSummary->setObjectName(QStringLiteral("importSummary"));
    mSummary->setWordWrap(true);
    mSummary->setTextFormat(Qt::RichText);
    // rich text with word wrap under-reports its height in a layout: room for three lines
    mSummary->setMinimumHeight(3 * mSummary->fontMetrics().lineSpacing() + 4);
    mSummary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(mSummary);
    mStop = new QLabel;
    mStop->setObjectName(QStringLiteral("importStopReason"));
    mStop->setWordWrap(true);
    mStop->setStyleSheet(QStringLiteral("color: #a0301c;"));
    layout->addWidget(mStop);
    mReportModel = new QStandardItemModel(this);
    mReportView = new QTableView;
    mReportView->setObjectName(QStringLiteral("importMatches"));
    mReportView->setModel(mReportModel);
    mReportView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mReportView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mReportView->setSelectionMode(QAbstractItemView::SingleSelection);
    mReportView->verticalHeader()->setVisible(false);
    mReportView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(mReportView, 1);
    auto* row = new QHBoxLayout;
    auto* hint = new QLabel(tr("A row marked ambiguous or not found is not imported: select it and choose its pekon."));
    hint->setWordWrap(true);
    mPick = new QPushButton(tr("Choose the pekon…"));
    mPick->setObjectName(QStringLiteral("importPickArea"));
    mPick->setEnabled(false);
    row->addWidget(hint, 1);
    row->addWidget(mPick);
    layout->addLayout(row);
    addPage(page);

    page->complete = [this] {
        return !busy() && mPlan && mPlan->error.isEmpty() && mPlan->written && !mPlan->changes.empty();
    };
    page->enter = [this] { startPlan(); };
    connect(mPick, &QPushButton::clicked, this, &ImportWizard::pickForSelectedRow);
    connect(mReportView, &QTableView::doubleClicked, this, [this] {
        if (mPick->isEnabled())
            pickForSelectedRow();
    });
    connect(mReportView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) {
                bool open = false;
                if (mPlan && index.isValid() && index.row() < static_cast<int>(mPlan->matches.size())) {
                    const gis::MatchKind k = mPlan->matches[static_cast<std::size_t>(index.row())].kind;
                    open = k == gis::MatchKind::Ambiguous || k == gis::MatchKind::Unmatched;
                }
                mPick->setEnabled(open && !busy());
            });
}

void ImportWizard::startPlan()
{
    const std::string location = s(mWs->storeLocation());
    const std::string path = s(mFile->text());
    const std::string sheet = s(mSheet->currentData().toString());
    const std::string report = s(mReportDir.filePath(QStringLiteral("laporan.match.csv")));
    const Kind k = kind();
    const bool vector = !readsAsTable();
    const std::vector<gis::AreaAlias> picked = mPicked;
    const bool fuzzy = true;
    // options of every kind from the columns page
    gis::TableImportOptions table;
    gis::RecordImportOptions records;
    gis::FacilityImportOptions facilities;
    gis::BoundaryImportOptions boundaries;
    const std::string code = s(columnOf(mCode)), name = s(columnOf(mName)), kec = s(columnOf(mKecamatan));
    const int headerRow = vector ? 0 : mHeaderRow->value();
    table.period = records.period = s(mPeriod->text());
    table.codeField = records.codeField = facilities.codeField = boundaries.codeField = code;
    table.nameField = records.nameField = facilities.nameField = boundaries.nameField = name;
    table.kecamatanField = records.kecamatanField = facilities.kecamatanField = kec;
    boundaries.parentField = kec;
    table.headerRow = records.headerRow = facilities.headerRow = headerRow;
    table.sheet = records.sheet = facilities.layer = boundaries.layer = sheet;
    table.reportPath = records.reportPath = facilities.reportPath = report;
    table.replace = records.replace = mReplace->isChecked();
    table.fuzzy = records.fuzzy = facilities.fuzzy = fuzzy;
    for (const auto& [key, column] : mIndicatorRows)
        if (!key->currentText().trimmed().isEmpty() && !column->currentData().toString().isEmpty())
            table.indicators.emplace_back(s(key->currentText()), s(column->currentData().toString()));
    records.householdField = s(columnOf(mHousehold));
    records.statusField = s(columnOf(mStatus));
    records.desilField = s(columnOf(mDesil));
    records.unit = s(mUnit->currentData().toString());
    facilities.kind = s(mFacilityKind->currentText().toUpper());
    facilities.labelField = s(columnOf(mLabel));
    facilities.lonField = s(columnOf(mLon));
    facilities.latField = s(columnOf(mLat));
    facilities.assumedCrs = boundaries.assumedCrs = s(mCrs->text());
    boundaries.edition = s(mEdition->text());

    mPlan.reset();
    mReportModel->clear();
    mSummary->clear();
    mStop->clear();
    mPick->setEnabled(false);
    setBusy(true, tr("Matching the rows to the pekon of the project…"));
    mPlanWatcher->setFuture(QtConcurrent::run([=] {
        auto plan = std::make_shared<Plan>();
        plan->kind = k;
        try {
            // this thread's own store: a ProjectStore is one thread's
            const auto store = gis::openProject(location, gis::OpenMode::ReadOnly);
            auto takeOutcome = [&](const gis::ImportOutcome& o) {
                plan->matches = o.matches;
                plan->written = o.written;
                plan->stopReason = o.stopReason;
                plan->values = o.changes.values.size();
                plan->replaced = o.changes.replaced;
                plan->fuzzyAliases = o.changes.aliases.size();
            };
            switch (k) {
            case Kind::Table: {
                gis::TableImportPlan p = gis::planTableImport(*store, path, table, picked);
                takeOutcome(p.report);
                for (const gis::RowProblem& pr : p.report.problems)
                    plan->problems.push_back(fmt::format("{}: {}", pr.row, pr.message));
                plan->userAliases = p.userAliases.size();
                plan->changes = std::move(p.changes);
                break;
            }
            case Kind::Records: {
                gis::RecordImportPlan p = gis::planRecordImport(*store, path, records, picked);
                takeOutcome(p.report);
                plan->rows = p.report.rows;
                plan->pekon = p.report.pekon;
                for (const gis::RowProblem& pr : p.report.problems)
                    plan->problems.push_back(fmt::format("{}: {}", pr.row, pr.message));
                plan->userAliases = p.userAliases.size();
                plan->changes = std::move(p.changes);
                break;
            }
            case Kind::Facilities: {
                gis::FacilityImportPlan p = gis::planFacilityImport(*store, path, facilities, picked);
                plan->matches = p.report.matches;
                plan->facilities = p.report.changes.facilities.size();
                plan->fuzzyAliases = p.report.changes.aliases.size();
                plan->userAliases = p.userAliases.size();
                plan->written = true;
                for (const gis::RowProblem& pr : p.report.problems)
                    plan->problems.push_back(fmt::format("{}: {}", pr.row, pr.message));
                if (plan->changes.empty() && p.report.changes.empty() && p.userAliases.empty())
                    plan->stopReason = fmt::format("no new facility: {} row(s) read, {} already in the project",
                                                   p.report.rowsRead, p.report.alreadyPresent);
                plan->changes = std::move(p.changes);
                break;
            }
            case Kind::Boundaries: {
                gis::BoundaryImportPlan p = gis::planBoundaryImport(*store, path, boundaries);
                plan->villages = p.report.villages;
                plan->notInList = p.report.notInList.size();
                plan->missing = p.report.missingFromFile.size();
                plan->written = true;
                for (const gis::FeatureNote& n : p.report.rejected)
                    plan->problems.push_back(fmt::format("{}: {}", n.fid, n.message));
                plan->changes = std::move(p.changes);
                break;
            }
            case Kind::Roads: // never planned here: the roads page imports them
                break;
            }
        } catch (const std::exception& e) {
            plan->error = QString::fromUtf8(e.what());
        }
        return plan;
    }));
}

QString ImportWizard::matchHow(const std::string& how) const
{
    static const QRegularExpression fuzzy(QStringLiteral("^fuzzy \\(distance (\\d+)\\)$"));
    const QString text = q(how);
    if (const auto m = fuzzy.match(text); m.hasMatch())
        return tr("similar name (%n letter(s) differ)", nullptr, m.captured(1).toInt());
    if (how == "code")
        return tr("code");
    if (how == "name")
        return tr("name");
    if (how == "alias")
        return tr("another name of the pekon");
    if (how == "same name in several areas")
        return tr("the same name in several kecamatan");
    return text;
}

QString ImportWizard::matchNote(const std::string& note) const
{
    static const QRegularExpression rows(QStringLiteral("^(\\d+) rows?$"));
    const QString text = q(note);
    if (const auto m = rows.match(text); m.hasMatch())
        return tr("%n row(s)", nullptr, m.captured(1).toInt());
    return text;
}

void ImportWizard::showPlan()
{
    mPlan = mPlanWatcher->result();
    setBusy(false, {});
    mReportModel->clear();
    const Plan& p = *mPlan;
    if (!p.error.isEmpty()) {
        mSummary->setText(tr("The import cannot go ahead."));
        mStop->setText(p.error);
        mStop->setVisible(true);
        emit mReportPage->completeChanged();
        return;
    }
    std::size_t exact = 0, fuzzy = 0, ambiguous = 0, unmatched = 0;
    for (const gis::RowMatch& m : p.matches) {
        switch (m.kind) {
        case gis::MatchKind::Exact:
            ++exact;
            break;
        case gis::MatchKind::Fuzzy:
            ++fuzzy;
            break;
        case gis::MatchKind::Ambiguous:
            ++ambiguous;
            break;
        case gis::MatchKind::Unmatched:
            ++unmatched;
            break;
        }
    }
    QStringList lines;
    if (p.kind == Kind::Boundaries) {
        lines << tr("%n village(s) in the file.", nullptr, static_cast<int>(p.villages));
        lines << tr("%n village(s) of the file are new to the project; %1 of the project are not in the file and keep "
                    "their boundary.",
                    nullptr, static_cast<int>(p.notInList))
                     .arg(p.missing);
    } else {
        lines << tr("<b>%1</b> exact · <b>%2</b> similar name · <b>%3</b> ambiguous · <b>%4</b> not found")
                     .arg(exact)
                     .arg(fuzzy)
                     .arg(ambiguous)
                     .arg(unmatched);
        if (p.kind == Kind::Records)
            lines << tr("%n row(s) of the extract counted for %1 pekon; no NIK, name or address is kept.", nullptr,
                        static_cast<int>(p.rows))
                         .arg(p.pekon);
    }
    QStringList write;
    if (p.values)
        write << tr("%n value(s)", nullptr, static_cast<int>(p.values));
    if (p.replaced)
        write << tr("%n of them replacing held values", nullptr, static_cast<int>(p.replaced));
    if (p.facilities)
        write << tr("%n facility(ies)", nullptr, static_cast<int>(p.facilities));
    if (p.fuzzyAliases + p.userAliases)
        write << tr("%n other name(s) of pekon", nullptr, static_cast<int>(p.fuzzyAliases + p.userAliases));
    if (p.kind == Kind::Boundaries && !p.changes.empty())
        write << tr("the new boundaries");
    if (p.written && !p.changes.empty())
        lines << tr("Import writes: %1.").arg(write.join(QStringLiteral(", ")));
    mSummary->setText(lines.join(QStringLiteral("<br>")));
    QStringList stop;
    if (!p.written || p.changes.empty())
        stop << tr("Nothing can be imported yet: %1")
                    .arg(p.stopReason.empty() ? tr("the file adds nothing to the project") : q(p.stopReason));
    for (std::size_t i = 0; i < p.problems.size() && i < 5; ++i)
        stop << tr("Row %1").arg(q(p.problems[i]));
    mStop->setText(stop.join(QLatin1Char('\n')));
    mStop->setVisible(!stop.isEmpty());

    mReportModel->setHorizontalHeaderLabels({tr("Row"), tr("Result"), tr("In the file"), tr("Kecamatan in the file"),
                                             tr("Pekon of the project"), tr("How")});
    for (const gis::RowMatch& m : p.matches) {
        QString result;
        QColor colour;
        switch (m.kind) {
        case gis::MatchKind::Exact:
            result = tr("exact");
            colour = QColor(0xe6, 0xf4, 0xe6);
            break;
        case gis::MatchKind::Fuzzy:
            result = tr("similar name");
            colour = QColor(0xfd, 0xf3, 0xd6);
            break;
        case gis::MatchKind::Ambiguous:
            result = tr("ambiguous");
            colour = QColor(0xfb, 0xdf, 0xd8);
            break;
        case gis::MatchKind::Unmatched:
            result = tr("not found");
            colour = QColor(0xfb, 0xdf, 0xd8);
            break;
        }
        QString inFile = q(m.nameInFile);
        if (!m.codeInFile.empty())
            inFile = inFile.isEmpty() ? q(m.codeInFile) : tr("%1 (%2)").arg(inFile, q(m.codeInFile));
        QString matched = m.code.empty() ? q(m.candidates) : tr("%1 (%2)").arg(q(m.matchedName), q(m.code));
        if (matched.isEmpty())
            matched = tr("— choose the pekon");
        QString how = matchHow(m.how);
        if (!m.note.empty())
            how = how.isEmpty() ? matchNote(m.note) : tr("%1; %2").arg(how, matchNote(m.note));
        QList<QStandardItem*> items{
            new QStandardItem(QString::number(m.row)), new QStandardItem(result),  new QStandardItem(inFile),
            new QStandardItem(q(m.kecamatanInFile)),   new QStandardItem(matched), new QStandardItem(how)};
        for (QStandardItem* item : items)
            item->setBackground(colour);
        mReportModel->appendRow(items);
    }
    mReportView->resizeColumnsToContents();
    emit mReportPage->completeChanged();
}

void ImportWizard::matchByHand(int reportRow, const QString& code)
{
    if (!mPlan || reportRow < 0 || reportRow >= static_cast<int>(mPlan->matches.size()) || code.isEmpty())
        return;
    const gis::RowMatch& m = mPlan->matches[static_cast<std::size_t>(reportRow)];
    const std::string name = m.nameInFile.empty() ? m.codeInFile : m.nameInFile;
    mPicked.push_back({s(code), name, "user"});
    startPlan();
}

void ImportWizard::pickForSelectedRow()
{
    const QModelIndex index = mReportView->currentIndex();
    if (!mPlan || !index.isValid() || index.row() >= static_cast<int>(mPlan->matches.size()))
        return;
    const gis::RowMatch& m = mPlan->matches[static_cast<std::size_t>(index.row())];
    AreaPickerDialog dialog(mWs, q(m.nameInFile.empty() ? m.codeInFile : m.nameInFile), q(m.kecamatanInFile), this);
    if (dialog.exec() == QDialog::Accepted)
        matchByHand(index.row(), dialog.pickedCode());
}

const gis::ProjectChanges* ImportWizard::plannedChanges() const
{
    if (!mPlan || busy() || !mPlan->error.isEmpty() || !mPlan->written || mPlan->changes.empty())
        return nullptr;
    return &mPlan->changes;
}

int ImportWizard::nextId() const
{
    // Roads have a page of their own after the first; the other kinds go on as before.
    if (currentId() == SourcePage && kind() == Kind::Roads)
        return RoadsPage;
    if (currentId() == RoadsPage || currentId() == ReportPage)
        return -1;
    return QWizard::nextId();
}

bool ImportWizard::validateCurrentPage()
{
    if (currentPage() == mReportPage)
        return commitPlan();
    return QWizard::validateCurrentPage();
}

bool ImportWizard::commitPlan()
{
    const gis::ProjectChanges* changes = plannedChanges();
    if (!changes)
        return false;
    try {
        mWs->commit(*changes);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Import data"),
                             tr("Nothing was written to the project: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    QStringList parts;
    if (!changes->upsertValues.empty())
        parts << tr("%n value(s)", nullptr, static_cast<int>(changes->upsertValues.size()));
    if (!changes->addFacilities.empty())
        parts << tr("%n facility(ies)", nullptr, static_cast<int>(changes->addFacilities.size()));
    if (!changes->addAliases.empty())
        parts << tr("%n other name(s) of pekon", nullptr, static_cast<int>(changes->addAliases.size()));
    if (!changes->upsertAreas.empty())
        parts << tr("%n area(s)", nullptr, static_cast<int>(changes->upsertAreas.size()));
    mResult = tr("Imported into the project: %1.").arg(parts.join(QStringLiteral(", ")));
    emit imported(mResult);
    return true;
}

} // namespace ui
} // namespace app
