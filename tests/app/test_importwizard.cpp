// The import wizard driven as a user would: keys and clicks on its real widgets, then the project
// file read back through the store and checked against the numbers of the file imported.
#include "gis/store.h"
#include "testutil.h"
#include "ui/importwizard.h"
#include "ui/mainwindow.h"
#include "ui/workspace.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using app::ui::ImportWizard;
using app::ui::Workspace;
namespace fs = std::filesystem;

namespace {

using testutil::storedValue;
using testutil::valueCount;

/// A project file made from the example, opened for editing.
struct Project {
    fs::path dir;
    std::string path;
    Workspace ws;
    explicit Project(const std::string& name)
    {
        dir = testutil::tempDir(name);
        path = (dir / "proyek.sasaran.sqlite").string();
        {
            Workspace maker;
            maker.openExample();
            maker.saveCopy(QString::fromStdString(path));
        }
        ws.openProject(QString::fromStdString(path));
    }
};

const gis::AreaAlias* aliasOf(const gis::Dataset& ds, const std::string& name)
{
    for (const gis::AreaAlias& a : ds.aliases)
        if (a.name == name)
            return &a;
    return nullptr;
}

std::string readAll(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* w = parent->findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(w, nullptr) << name;
    return w;
}

void click(QAbstractButton* button)
{
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(button->isEnabled()) << button->text().toStdString();
    QTest::mouseClick(button, Qt::LeftButton);
}

/// Chooses the item of a (closed) combo box starting with \a text by typing it, as a user does.
void typeIntoCombo(QComboBox* box, const QString& text)
{
    ASSERT_NE(box, nullptr);
    box->setFocus();
    QTest::keyClicks(box, text);
    ASSERT_TRUE(box->currentText().startsWith(text)) << box->currentText().toStdString();
}

/// Clicks the cell in \a column of the first report row whose result column reads \a result.
int clickReportRow(ImportWizard& wizard, const QString& result)
{
    QTableView* view = wizard.reportView();
    const QAbstractItemModel* model = view->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 1).data().toString() == result) {
            const QRect cell = view->visualRect(model->index(r, 2));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
            return r;
        }
    }
    return -1;
}

QStringList reportColumn(const ImportWizard& wizard, int column)
{
    QStringList out;
    const QAbstractItemModel* model = wizard.reportView()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data().toString();
    return out;
}

/// Every text a user can see or hover in \a root: labels, edits, buttons, combo items, item models
/// (every role that holds text), window titles and tool tips.
QString everyVisibleText(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets << root;
    for (QWidget* w : widgets) {
        texts << w->toolTip() << w->statusTip() << w->whatsThis() << w->windowTitle();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            texts << edit->text() << edit->placeholderText();
        if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts << button->text();
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i) << combo->itemData(i).toString();
    }
    QList<QAbstractItemModel*> models;
    for (QAbstractItemView* view : root->findChildren<QAbstractItemView*>())
        if (view->model())
            models << view->model();
    for (QAbstractItemModel* model : root->findChildren<QAbstractItemModel*>())
        models << model;
    for (QAbstractItemModel* model : models) {
        for (int c = 0; c < model->columnCount(); ++c)
            texts << model->headerData(c, Qt::Horizontal).toString();
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::EditRole), int(Qt::UserRole)})
                    texts << model->index(r, c).data(role).toString();
    }
    return texts.join(QLatin1Char('\n'));
}

/// Selects the first report row reading \a result, opens the pekon list (which starts searching
/// \a firstSearch), searches \a search, takes the one pekon left (\a code) with Return, and
/// waits for the rows to be matched again.
void pickByHand(ImportWizard& wizard, const QString& result, const QString& firstSearch, const QString& search,
                const QString& code)
{
    ASSERT_GE(clickReportRow(wizard, result), 0) << result.toStdString();
    ASSERT_TRUE(wizard.pickButton()->isEnabled());
    bool picked = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<app::ui::AreaPickerDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        EXPECT_EQ(dialog->searchEdit()->text(), firstSearch);
        EXPECT_GE(dialog->list()->model()->rowCount(), 2);
        dialog->searchEdit()->clear();
        QTest::keyClicks(dialog->searchEdit(), search);
        ASSERT_EQ(dialog->list()->model()->rowCount(), 1) << "the search narrows the list";
        EXPECT_EQ(dialog->pickedCode(), code);
        QTest::keyClick(dialog->list(), Qt::Key_Return);
        EXPECT_FALSE(dialog->isVisible()) << "Return takes the pekon";
        if (dialog->isVisible())
            dialog->reject(); // never leave the test waiting on the dialog
        picked = true;
    });
    QTest::mouseClick(wizard.pickButton(), Qt::LeftButton);
    ASSERT_TRUE(picked);
    ASSERT_TRUE(wizard.waitUntilIdle());
}

/// Walks the wizard to its report page for a CP1252 ';' table.
void importTableUpToReport(ImportWizard& wizard, const fs::path& file)
{
    wizard.show();
    QTest::keyClicks(wizard.fileEdit(), QString::fromStdString(file.string()));
    click(wizard.button(QWizard::NextButton));
    ASSERT_TRUE(wizard.waitUntilIdle());
    QTest::keyClicks(child<QLineEdit>(&wizard, "importPeriod"), QStringLiteral("2019"));
    typeIntoCombo(child<QComboBox>(&wizard, "importIndicatorColumn0"), QStringLiteral("Jumlah"));
    auto* key = child<QComboBox>(&wizard, "importIndicatorKey0");
    key->lineEdit()->clear();
    QTest::keyClicks(key->lineEdit(), QStringLiteral("miskin"));
    click(wizard.button(QWizard::NextButton));
    ASSERT_TRUE(wizard.waitUntilIdle());
}

/// The table of the tests: a title row, a blank row, the header, a fuzzy name (Way Piring for
/// Way Pring), an exact one (Kalirejo, 18.06.03.2002), one no pekon of Wonosobo resembles, one
/// without kecamatan whose name two pekon bear (Banjar Agung), and a total row;
/// Windows-1252 text
/// ("\x96" is an en dash, "\xe9" an e with acute).
const char* const kTable = "Tabel 1. Penduduk miskin \x96 2019;;\r\n;;\r\nKecamatan;Nama Pekon;Jumlah Miskin\r\n"
                           "Pugung;Way Piring;1.204\r\nWonosobo;Kalirejo;98\r\n"
                           "Wonosobo;Ujung Pelita S\xe9jahtera;55\r\n;Banjar Agung;7\r\nJUMLAH;;1.364\r\n";

} // namespace

TEST(ImportWizard, ImportsACp1252TableWithAFuzzyNameAndARowMatchedByHand)
{
    Project p("importwizard_table");
    ASSERT_TRUE(p.ws.canEdit()) << p.ws.readOnlyReason().toStdString();
    const fs::path file = p.dir / "miskin 2019.csv";
    testutil::writeFile(file, kTable);
    ImportWizard wizard(&p.ws);
    importTableUpToReport(wizard, file);

    EXPECT_EQ(reportColumn(wizard, 1),
              (QStringList{QStringLiteral("similar name"), QStringLiteral("exact"), QStringLiteral("not found"),
                           QStringLiteral("ambiguous")}));
    EXPECT_EQ(reportColumn(wizard, 0),
              (QStringList{QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")}))
        << "rows as numbered in the file; the total row is no pekon";
    EXPECT_TRUE(reportColumn(wizard, 2).contains(QStringLiteral("Ujung Pelita Séjahtera"))) << "Windows-1252 read";
    EXPECT_TRUE(reportColumn(wizard, 4).contains(QStringLiteral("Way Pring (18.06.11.2020)")));
    ASSERT_NE(wizard.plannedChanges(), nullptr) << "two rows can be imported already";
    EXPECT_EQ(wizard.plannedChanges()->upsertValues.size(), 2u);
    EXPECT_EQ(valueCount(gis::openProject(p.path)->read(), "miskin", "2019"), 0u) << "nothing written before Finish";

    // the row nothing matched: select it, choose its pekon from the searchable list
    pickByHand(wizard, QStringLiteral("not found"), QStringLiteral("Wonosobo"), QStringLiteral("sridadi"),
               QStringLiteral("18.06.03.2010"));
    EXPECT_EQ(reportColumn(wizard, 1),
              (QStringList{QStringLiteral("similar name"), QStringLiteral("exact"), QStringLiteral("exact"),
                           QStringLiteral("ambiguous")}));
    EXPECT_EQ(reportColumn(wizard, 5).value(2), QStringLiteral("another name of the pekon"));
    // the row whose name two pekon bear (no kecamatan given): the list starts with the candidates
    pickByHand(wizard, QStringLiteral("ambiguous"), QStringLiteral("Banjar Agung"),
               QStringLiteral("Gunung Alip (18.06.21.2003"), QStringLiteral("18.06.21.2003"));
    EXPECT_EQ(reportColumn(wizard, 1),
              (QStringList{QStringLiteral("similar name"), QStringLiteral("exact"), QStringLiteral("exact"),
                           QStringLiteral("exact")}));
    ASSERT_NE(wizard.plannedChanges(), nullptr);
    EXPECT_EQ(wizard.plannedChanges()->upsertValues.size(), 4u);

    click(wizard.button(QWizard::FinishButton));
    EXPECT_FALSE(wizard.isVisible()) << "the wizard closes once written";
    EXPECT_FALSE(wizard.resultText().isEmpty());

    // the project file, read again through the store: the table's numbers and both aliases
    const gis::Dataset stored = gis::openProject(p.path)->read();
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.11.2020", "miskin", "2019"), 1204.0) << "1.204 is Indonesian";
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.03.2002", "miskin", "2019"), 98.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.03.2010", "miskin", "2019"), 55.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.21.2003", "miskin", "2019"), 7.0);
    EXPECT_EQ(valueCount(stored, "miskin", "2019"), 4u) << "the total row 1.364 is no value";
    const gis::AreaAlias* ambiguous = aliasOf(stored, "Banjar Agung");
    ASSERT_NE(ambiguous, nullptr);
    EXPECT_EQ(ambiguous->areaCode, "18.06.21.2003");
    EXPECT_EQ(ambiguous->source, "user");
    const gis::AreaAlias* byHand = aliasOf(stored, "Ujung Pelita Séjahtera");
    ASSERT_NE(byHand, nullptr) << "the hand match is kept as an alias";
    EXPECT_EQ(byHand->areaCode, "18.06.03.2010");
    EXPECT_EQ(byHand->source, "user");
    const gis::AreaAlias* fuzzy = aliasOf(stored, "Way Piring");
    ASSERT_NE(fuzzy, nullptr);
    EXPECT_EQ(fuzzy->areaCode, "18.06.11.2020");
    // and the workspace shows it without reopening
    EXPECT_TRUE(p.ws.periods().contains(QStringLiteral("2019")));
}

TEST(ImportWizard, ARecordsFileShowsNoPersonalDataAndStoresOnlyCountsPerPekon)
{
    Project p("importwizard_records");
    const fs::path file = p.dir / "dtsen.csv";
    testutil::writeFile(file,
                        "nik;nama;alamat;kode_desa;desil\n"
                        "1806207777000001;Kartolo Rahasiawan;Jl. Sembunyi 1;1806202005;1\n"
                        "1806207777000002;Sumirah Rahasiawati;Jl. Sembunyi 2;1806202005;3\n"
                        "1806197777000003;Paijo Tersembunyi;Dusun Senyap;1806192001;1\n");
    ImportWizard wizard(&p.ws);
    wizard.show();
    wizard.kindBox()->setFocus();
    QTest::keyClick(wizard.kindBox(), Qt::Key_Down);
    ASSERT_EQ(wizard.kindBox()->currentIndex(), 1) << "records";
    QTest::keyClicks(wizard.fileEdit(), QString::fromStdString(file.string()));
    const QStringList secrets{QStringLiteral("1806207777000001"), QStringLiteral("7777"),  QStringLiteral("Kartolo"),
                              QStringLiteral("Sumirah"),          QStringLiteral("Paijo"), QStringLiteral("Rahasia"),
                              QStringLiteral("Sembunyi"),         QStringLiteral("Senyap")};
    auto expectNoSecret = [&](const char* where) {
        const QString all = everyVisibleText(&wizard);
        for (const QString& secret : secrets)
            EXPECT_FALSE(all.contains(secret, Qt::CaseInsensitive)) << where << ": " << secret.toStdString();
    };
    click(wizard.button(QWizard::NextButton));
    ASSERT_TRUE(wizard.waitUntilIdle());
    expectNoSecret("columns page");
    const QString columns = everyVisibleText(&wizard);
    EXPECT_TRUE(columns.contains(QStringLiteral("nik"))) << "the headers are shown";
    EXPECT_TRUE(columns.contains(QStringLiteral("3 data row(s)"))) << "and the count of rows";
    QTest::keyClicks(child<QLineEdit>(&wizard, "importPeriod"), QStringLiteral("2025-S1"));
    click(wizard.button(QWizard::NextButton));
    ASSERT_TRUE(wizard.waitUntilIdle());
    expectNoSecret("report page");
    EXPECT_EQ(reportColumn(wizard, 1), (QStringList{QStringLiteral("exact"), QStringLiteral("exact")}))
        << "one report row per pekon, not per person";
    click(wizard.button(QWizard::FinishButton));
    expectNoSecret("after import");

    const gis::Dataset stored = gis::openProject(p.path)->read();
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.20.2005", "dtsen_jiwa", "2025-S1"), 2.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.19.2001", "dtsen_jiwa", "2025-S1"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.20.2005", "dtsen_desil_1", "2025-S1"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.20.2005", "dtsen_desil_3", "2025-S1"), 1.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.19.2001", "dtsen_desil_1", "2025-S1"), 1.0);
    EXPECT_EQ(valueCount(stored, "dtsen_jiwa", "2025-S1"), 2u) << "only the pekon with rows";
    const std::string bytes = readAll(p.path);
    for (const QString& secret : secrets)
        EXPECT_EQ(bytes.find(secret.toStdString()), std::string::npos) << secret.toStdString();
}

TEST(ImportWizard, CancellingWritesNothing)
{
    Project p("importwizard_cancel");
    const fs::path file = p.dir / "miskin.csv";
    testutil::writeFile(file, kTable);
    const std::size_t aliasesBefore = gis::openProject(p.path)->read().aliases.size();
    {
        ImportWizard wizard(&p.ws);
        importTableUpToReport(wizard, file);
        ASSERT_NE(wizard.plannedChanges(), nullptr);
        // go back, forward again, and stop the matching while it runs
        click(wizard.button(QWizard::BackButton));
        click(wizard.button(QWizard::NextButton));
        EXPECT_TRUE(wizard.busy());
        click(child<QAbstractButton>(&wizard, "importStop"));
        EXPECT_FALSE(wizard.busy());
        EXPECT_EQ(wizard.plannedChanges(), nullptr);
        EXPECT_FALSE(wizard.button(QWizard::FinishButton)->isEnabled()) << "stopped: nothing to import";
        // then cancel the wizard
        click(wizard.button(QWizard::CancelButton));
        EXPECT_FALSE(wizard.isVisible());
    }
    QTest::qWait(50); // a dropped worker may still finish: it must not write
    const gis::Dataset stored = gis::openProject(p.path)->read();
    EXPECT_EQ(valueCount(stored, "miskin", "2019"), 0u);
    EXPECT_EQ(stored.aliases.size(), aliasesBefore);
    EXPECT_EQ(p.ws.periods().contains(QStringLiteral("2019")), false);
}

TEST(ImportWizard, IsOffWithANoteWhenTheProjectCannotBeChanged)
{
    Workspace ws;
    ws.openExample();
    gis::Dataset copy = *ws.dataset();
    ws.setDataset(std::move(copy), QStringLiteral("salinan"), QString()); // no store: read-only
    ASSERT_FALSE(ws.canEdit());
    const auto dir = testutil::tempDir("importwizard_readonly");
    testutil::writeFile(dir / "t.csv", kTable);
    ImportWizard wizard(&ws);
    wizard.show();
    QTest::keyClicks(wizard.fileEdit(), QString::fromStdString((dir / "t.csv").string()));
    EXPECT_FALSE(wizard.button(QWizard::NextButton)->isEnabled());
    EXPECT_TRUE(child<QLabel>(&wizard, "importSourceNote")->text().contains(QStringLiteral("cannot be changed")));
}

TEST(ImportWizard, TheFileMenuOffersItOnlyForAProjectThatCanBeChanged)
{
    app::ui::MainWindow window;
    window.openDefaultDataset();
    auto* action = window.findChild<QAction*>(QStringLiteral("actionImport"));
    ASSERT_NE(action, nullptr);
    EXPECT_TRUE(action->isEnabled()) << "the example is editable";
    gis::Dataset copy = *window.workspace()->dataset();
    window.workspace()->setDataset(std::move(copy), QStringLiteral("salinan"), QString());
    EXPECT_FALSE(action->isEnabled());
    EXPECT_TRUE(action->statusTip().contains(QStringLiteral("cannot be changed"))) << action->statusTip().toStdString();
}

TEST(ImportWizard, ImportsAnIndicatorTableFromAGeoPackageLayerChosenAmongSeveral)
{
    Project p("importwizard_gpkg");
    const fs::path csv = p.dir / "rekap.csv";
    testutil::writeFile(csv, "kode,nama,miskin\n18.06.01.1003,Kuripan,140\n18.06.03.2019,Banjar Negoro,200\n");
    const fs::path points = p.dir / "titik.geojson";
    testutil::writeFile(points, R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"nama": "kantor"}, "geometry": {"type": "Point", "coordinates": [104.6, -5.5]}}]})");
    const fs::path gpkg = p.dir / "rekap.gpkg";
    ASSERT_EQ(std::system(("ogr2ogr -f GPKG '" + gpkg.string() + "' '" + points.string()
                           + "' -nln kantor >/dev/null 2>&1")
                              .c_str()),
              0);
    ASSERT_EQ(std::system(("ogr2ogr -update -f GPKG '" + gpkg.string() + "' '" + csv.string()
                           + "' -nln miskin_2019 -oo AUTODETECT_TYPE=YES >/dev/null 2>&1")
                              .c_str()),
              0);

    ImportWizard wizard(&p.ws);
    wizard.show();
    EXPECT_TRUE(wizard.kindBox()->currentText().contains(QStringLiteral("GeoPackage")));
    QTest::keyClicks(wizard.fileEdit(), QString::fromStdString(gpkg.string()));
    auto* sheet = child<QComboBox>(&wizard, "importSheet");
    ASSERT_TRUE(sheet->isEnabled());
    ASSERT_EQ(sheet->count(), 2) << "both layers offered";
    typeIntoCombo(sheet, QStringLiteral("miskin"));
    click(wizard.button(QWizard::NextButton));
    ASSERT_TRUE(wizard.waitUntilIdle());
    // the layer's fields are the header row, its features the rows
    auto* column = child<QComboBox>(&wizard, "importIndicatorColumn0");
    EXPECT_GE(column->findData(QStringLiteral("miskin")), 0);
    QTest::keyClicks(child<QLineEdit>(&wizard, "importPeriod"), QStringLiteral("2019"));
    typeIntoCombo(column, QStringLiteral("miskin"));
    auto* key = child<QComboBox>(&wizard, "importIndicatorKey0");
    key->lineEdit()->clear();
    QTest::keyClicks(key->lineEdit(), QStringLiteral("miskin"));
    click(wizard.button(QWizard::NextButton));
    ASSERT_TRUE(wizard.waitUntilIdle());
    EXPECT_EQ(reportColumn(wizard, 1), (QStringList{QStringLiteral("exact"), QStringLiteral("exact")}));
    EXPECT_EQ(reportColumn(wizard, 0), (QStringList{QStringLiteral("2"), QStringLiteral("3")}))
        << "rows numbered as the layer saved as CSV";
    click(wizard.button(QWizard::FinishButton));
    const gis::Dataset stored = gis::openProject(p.path)->read();
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.01.1003", "miskin", "2019"), 140.0);
    EXPECT_DOUBLE_EQ(storedValue(stored, "18.06.03.2019", "miskin", "2019"), 200.0);
    EXPECT_EQ(valueCount(stored, "miskin", "2019"), 2u);
    EXPECT_FALSE(fs::exists(p.dir / "rekap.match.csv")) << "no report beside the input";
}
