#include "ui/roadimportpage.h"

#include "gis/error.h"
#include "gis/measure.h"
#include "gis/store.h"
#include "ui/language.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace app {
namespace ui {

namespace {

QTableWidgetItem* numberItem(double value, int decimals)
{
    auto* item = new QTableWidgetItem(formatNumber(value, decimals));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

RoadImportPage::RoadImportPage(Workspace* ws, std::function<std::pair<QString, QString>()> source, QWidget* parent)
        : QWizardPage(parent), mWs(ws), mSource(std::move(source))
{
    setObjectName(QStringLiteral("roadsPage"));
    setTitle(tr("Roads"));
    setSubTitle(tr("The road layer is drawn on the map and gives travel minutes for analysis and placement. Import "
                   "replaces the roads the project has."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    mFileLabel = new QLabel;
    mFileLabel->setObjectName(QStringLiteral("roadsFile"));
    mFileLabel->setWordWrap(true);
    form->addRow(tr("File"), mFileLabel);
    mClassField = new QComboBox;
    mClassField->setObjectName(QStringLiteral("roadsClassField"));
    form->addRow(tr("Road class field"), mClassField);
    auto* speedsRow = new QHBoxLayout;
    mSpeeds = new QLineEdit;
    mSpeeds->setObjectName(QStringLiteral("roadsSpeedsFile"));
    mSpeeds->setPlaceholderText(tr("Default speeds (see the README); or a JSON file of class and km/h"));
    auto* browse = new QPushButton(tr("Choose…"));
    browse->setObjectName(QStringLiteral("roadsSpeedsBrowse"));
    speedsRow->addWidget(mSpeeds, 1);
    speedsRow->addWidget(browse);
    form->addRow(tr("Speeds"), speedsRow);
    layout->addLayout(form);
    mNote = new QLabel;
    mNote->setObjectName(QStringLiteral("roadsNote"));
    mNote->setWordWrap(true);
    layout->addWidget(mNote);
    mClasses = new QTableWidget;
    mClasses->setObjectName(QStringLiteral("roadsClasses"));
    mClasses->setColumnCount(4);
    mClasses->setHorizontalHeaderLabels({tr("Class"), tr("Roads"), tr("Length (km)"), tr("Speed (km/h)")});
    mClasses->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mClasses->verticalHeader()->hide();
    mClasses->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(mClasses, 1);

    connect(mClassField, &QComboBox::currentIndexChanged, this, &RoadImportPage::refresh);
    connect(mSpeeds, &QLineEdit::editingFinished, this, &RoadImportPage::refresh);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose the speed table"), QString(),
                                                          tr("Speed tables (*.json);;All files (*)"));
        if (!path.isEmpty()) {
            mSpeeds->setText(path);
            refresh();
        }
    });
}

void RoadImportPage::initializePage()
{
    const auto [file, layer] = mSource();
    mFileLabel->setText(layer.isEmpty() ? file : tr("%1, layer %2").arg(file, layer));
    if (mReadFor != file + QLatin1Char('|') + layer)
        readFile();
    refresh();
}

void RoadImportPage::readFile()
{
    const auto [file, layer] = mSource();
    mReadFor = file + QLatin1Char('|') + layer;
    mData.reset();
    mReadError.clear();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        gis::ReadOptions read;
        read.layer = layer.toStdString();
        mData = std::make_shared<const gis::VectorData>(gis::readVector(file.toStdString(), read));
    } catch (const std::exception& e) {
        mReadError = QString::fromUtf8(e.what());
    }
    QGuiApplication::restoreOverrideCursor();
    const QSignalBlocker block(mClassField);
    mClassField->clear();
    mClassField->addItem(tr("(detect: highway, fclass, kelas, …)"), QString());
    if (mData)
        for (const std::string& name : mData->fieldNames)
            mClassField->addItem(QString::fromStdString(name), QString::fromStdString(name));
}

void RoadImportPage::refresh()
{
    mMade.reset();
    mClasses->setRowCount(0);
    if (!mData) {
        mNote->setText(tr("The file cannot be read: %1").arg(mReadError));
        emit completeChanged();
        return;
    }
    try {
        std::map<std::string, double> speeds = gis::defaultRoadSpeeds();
        const QString speedsPath = mSpeeds->text().trimmed();
        if (!speedsPath.isEmpty()) {
            QFile f(speedsPath);
            if (!f.open(QIODevice::ReadOnly))
                throw gis::DataSourceError(speedsPath.toStdString(), "cannot open the speed table");
            speeds = gis::roadSpeedsFromJson(f.readAll().toStdString(), speedsPath.toStdString());
        }
        const gis::Extent regency = mWs->dataset() ? mWs->dataset()->extent() : gis::Extent{};
        mMade = gis::roadLayerFromVector(*mData, mClassField->currentData().toString().toStdString(), speeds, regency);
    } catch (const std::exception& e) {
        mNote->setText(tr("These roads cannot be imported: %1").arg(QString::fromUtf8(e.what())));
        emit completeChanged();
        return;
    }
    std::map<std::string, double> km;
    for (const gis::Road& road : mMade->layer.roads)
        for (const gis::LineString& line : road.lines)
            for (std::size_t i = 1; i < line.size(); ++i)
                km[gis::roadClassKey(road.roadClass)] += gis::geodesicDistanceM(line[i - 1], line[i]) / 1000.0;
    mClasses->setRowCount(static_cast<int>(mMade->roadsByClass.size()));
    int row = 0;
    for (const auto& [cls, n] : mMade->roadsByClass) {
        mClasses->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(cls)));
        mClasses->setItem(row, 1, numberItem(static_cast<double>(n), 0));
        mClasses->setItem(row, 2, numberItem(km[cls], 1));
        mClasses->setItem(row, 3, numberItem(mMade->layer.speedsKmh.at(cls), 0));
        ++row;
    }
    mNote->setText(tr("%n road(s) in %1 class(es), class from %2. Import replaces the roads of the project.", nullptr,
                      static_cast<int>(mMade->layer.roads.size()))
                       .arg(formatCount(static_cast<long long>(mMade->roadsByClass.size())),
                            mMade->classField.empty() ? tr("no field (every road is \"jalan\")")
                                                      : tr("field %1").arg(QString::fromStdString(mMade->classField))));
    emit completeChanged();
}

bool RoadImportPage::isComplete() const
{
    return mMade.has_value() && mWs->canEdit();
}

bool RoadImportPage::validatePage()
{
    if (!mMade)
        return false;
    gis::ProjectChanges changes;
    changes.roads = mMade->layer;
    const auto [file, layer] = mSource();
    changes.meta["jalan_sumber"] =
        QFileInfo(file).fileName().toStdString() + (layer.isEmpty() ? std::string() : ":" + layer.toStdString());
    try {
        mWs->commit(changes);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Import data"),
                             tr("Nothing was written to the project: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    emit imported(tr("Imported into the project: %n road(s).", nullptr, static_cast<int>(mMade->layer.roads.size())));
    return true;
}

} // namespace ui
} // namespace app
