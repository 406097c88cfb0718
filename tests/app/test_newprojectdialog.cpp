// File > New project through its dialog, driven with key and mouse events: a boundary file whose
// fields the detection does not know (kd, nm, kec) and which holds two regencies; the user names
// the fields, keeps one regency, calls a village "pekon", gives the capital, and the project
// opened holds exactly what the file says for that regency. Also: the preview of the real
// Lampung village layer (shared data) lists its 15 regencies with their reference names.
#include "gis/boundaryimport.h"
#include "gis/dataset.h"
#include "testutil.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/newprojectdialog.h"
#include "ui/projectactions.h"
#include "ui/usermessage.h"
#include "gis/error.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

using app::ui::MainWindow;
using app::ui::NewProjectDialog;

namespace {

/// A square village polygon at column \a i of a row: neighbours share an edge.
std::string square(int i)
{
    const double x = 104.5 + 0.02 * i, y = -5.5;
    return "[[[" + std::to_string(x) + "," + std::to_string(y) + "],[" + std::to_string(x + 0.02) + ","
        + std::to_string(y) + "],[" + std::to_string(x + 0.02) + "," + std::to_string(y + 0.02) + "],["
        + std::to_string(x) + "," + std::to_string(y + 0.02) + "],[" + std::to_string(x) + "," + std::to_string(y)
        + "]]]";
}

/// Four villages: three of Tanggamus (18.06) in two kecamatan, one of Lampung Selatan (18.01);
/// fields named as no detection expects.
std::string writeBoundaries(const std::filesystem::path& dir)
{
    struct Row {
        const char *code, *name, *kec;
    };
    const Row rows[] = {{"18.01.04.2001", "Hajimena Lama", "Natar Kota"},
                        {"18.06.20.2001", "Kuripan", "Kota Agung"},
                        {"18.06.20.2002", "Pasar Madang", "Kota Agung"},
                        {"18.06.21.2001", "Sukamara", "Pugung"}};
    std::string json = R"({"type":"FeatureCollection","features":[)";
    int i = 0;
    for (const Row& r : rows) {
        json += std::string(i ? "," : "") + R"({"type":"Feature","properties":{"kd":")" + r.code + R"(","nm":")"
            + r.name + R"(","kec":")" + r.kec + R"("},"geometry":{"type":"Polygon","coordinates":)" + square(i)
            + "}}";
        ++i;
    }
    json += "]}";
    const auto path = dir / "batas_kabupaten.geojson";
    std::ofstream(path) << json;
    return path.string();
}

/// Runs \a fill on the dialog that \a trigger opens (modal), as the user would.
void withDialog(const std::function<void()>& trigger, const std::function<void(NewProjectDialog*)>& fill)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<NewProjectDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        fill(dialog);
        if (dialog->isVisible())
            dialog->reject(); // a failed expectation above must not leave the test waiting
    });
    trigger();
    EXPECT_TRUE(seen) << "the new-project dialog opened";
}

/// Chooses the item of \a box starting with \a text by typing it, as a keyboard user does.
void choose(QComboBox* box, const QString& text)
{
    box->setFocus();
    QTest::keyClicks(box, text);
    ASSERT_TRUE(box->currentText().startsWith(text)) << box->currentText().toStdString();
}

void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

TEST(NewProjectDialog, TheUserNamesTheFieldsKeepsOneRegencyAndGetsExactlyThoseVillages)
{
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    const auto dir = testutil::tempDir("new_project_dialog");
    const QString boundaries = QString::fromStdString(writeBoundaries(dir));
    const QString project = QString::fromStdString((dir / "tanggamus_baru.sasaran.sqlite").string());
    MainWindow window;
    window.show();

    bool created = false;
    withDialog([&] { created = window.projectActions()->newWithDialog(boundaries); },
               [&](NewProjectDialog* dialog) {
                   // nothing detected: the code must be chosen before anything can be made
                   EXPECT_EQ(dialog->preview().problemKind, gis::BoundaryFilePreview::Problem::NoCodeField);
                   EXPECT_FALSE(dialog->createButton()->isEnabled());
                   EXPECT_TRUE(dialog->problemLabel()->text().startsWith(QStringLiteral("Kolom kode desa tidak")))
                       << dialog->problemLabel()->text().toStdString();
                   EXPECT_EQ(dialog->preview().fields, (std::vector<std::string>{"kd", "nm", "kec"}));

                   choose(dialog->codeBox(), QStringLiteral("kd"));
                   EXPECT_EQ(dialog->preview().problemKind, gis::BoundaryFilePreview::Problem::None);
                   EXPECT_EQ(dialog->preview().villages, 4u);
                   ASSERT_EQ(dialog->preview().regencies.size(), 2u);
                   EXPECT_EQ(dialog->preview().regencies[0].name, "Kabupaten Lampung Selatan");
                   EXPECT_EQ(dialog->preview().regencies[1].name, "Kabupaten Tanggamus");
                   EXPECT_EQ(dialog->preview().regencies[1].villages, 3u);
                   // the names are not detected either: the preview says where they will come from
                   // the first village is 18.01.04.2001: Hajimena in kecamatan Natar by the reference
                   EXPECT_EQ(dialog->sampleTable()->item(0, 1)->text(), QStringLiteral("Hajimena (referensi nasional)"));
                   EXPECT_EQ(dialog->sampleTable()->item(0, 2)->text(), QStringLiteral("Natar (referensi nasional)"));
                   choose(dialog->nameBox(), QStringLiteral("nm"));
                   choose(dialog->kecamatanBox(), QStringLiteral("kec"));
                   EXPECT_EQ(dialog->sampleTable()->item(0, 1)->text(), QStringLiteral("Hajimena Lama"));
                   EXPECT_EQ(dialog->sampleTable()->item(0, 2)->text(), QStringLiteral("Natar Kota"));

                   choose(dialog->regencyBox(), QStringLiteral("18.06"));
                   EXPECT_EQ(dialog->regencyBox()->currentText(), QStringLiteral("18.06 Kabupaten Tanggamus (3 desa)"));
                   ASSERT_EQ(dialog->sampleTable()->rowCount(), 3);
                   EXPECT_EQ(dialog->sampleTable()->item(0, 0)->text(), QStringLiteral("18.06.20.2001"));
                   EXPECT_EQ(dialog->sampleTable()->item(2, 2)->text(), QStringLiteral("Pugung"));

                   choose(dialog->villageKindBox(), QStringLiteral("pekon"));
                   retype(dialog->capitalEdit(), QStringLiteral("Kota Agung"));
                   retype(dialog->projectEdit(), project);
                   ASSERT_TRUE(dialog->createButton()->isEnabled());
                   QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
               });
    ASSERT_TRUE(created);

    const gis::Dataset* ds = window.dataset();
    ASSERT_NE(ds, nullptr);
    const auto villages = ds->villages();
    ASSERT_EQ(villages.size(), 3u);
    EXPECT_EQ(villages[0]->code, "18.06.20.2001");
    EXPECT_EQ(villages[0]->name, "Kuripan");
    EXPECT_EQ(villages[0]->kind, "pekon");
    EXPECT_EQ(villages[2]->name, "Sukamara");
    const gis::Area* kotaAgung = ds->findArea("18.06.20");
    ASSERT_NE(kotaAgung, nullptr);
    EXPECT_EQ(kotaAgung->name, "Kota Agung");
    EXPECT_EQ(ds->findArea("18.01.04.2001"), nullptr) << "the other regency is not in the project";
    EXPECT_EQ(ds->meta.at("regency_code"), "18.06");
    EXPECT_EQ(ds->meta.at("capital_name"), "Kota Agung");
    EXPECT_TRUE(std::filesystem::exists(project.toStdString()));
}

TEST(NewProjectDialog, CancelMakesNothing)
{
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    const auto dir = testutil::tempDir("new_project_cancel");
    const QString boundaries = QString::fromStdString(writeBoundaries(dir));
    MainWindow window;
    bool created = true;
    withDialog([&] { created = window.projectActions()->newWithDialog(boundaries); },
               [&](NewProjectDialog* dialog) { QTest::keyClick(dialog, Qt::Key_Escape); });
    EXPECT_FALSE(created);
    EXPECT_FALSE(std::filesystem::exists(dir / "batas_kabupaten.sasaran.sqlite"));
}

TEST(NewProjectDialog, TheLampungVillageLayerPreviewsItsRegenciesByReferenceName)
{
    const auto lampung = testutil::sharedData("lampung/boundaries.gpkg");
    if (lampung.empty())
        GTEST_SKIP() << "shared Lampung boundaries (../shared/data/lampung/boundaries.gpkg) not present";
    gis::BoundaryImportOptions options;
    options.layer = "desa";
    const gis::BoundaryFilePreview preview = gis::previewBoundaries(lampung, options);
    EXPECT_EQ(preview.problemKind, gis::BoundaryFilePreview::Problem::None) << preview.problem;
    EXPECT_EQ(preview.regencies.size(), 15u);
    std::size_t villages = 0;
    for (const auto& r : preview.regencies) {
        villages += r.villages;
        EXPECT_FALSE(r.name.empty()) << r.code;
        if (r.code == "18.10") {
            EXPECT_EQ(r.name, "Kabupaten Pringsewu");
        }
        if (r.code == "18.71") {
            EXPECT_EQ(r.name, "Kota Bandar Lampung");
        }
    }
    EXPECT_EQ(villages, preview.villages);
    EXPECT_EQ(preview.villages + preview.otherLevels + preview.unreadable, preview.features);
}

TEST(NewProjectDialog, PringsewuFromTheLampungVillageLayerWithItsCapitalByName)
{
    const auto lampung = testutil::sharedData("lampung/boundaries.gpkg");
    if (lampung.empty())
        GTEST_SKIP() << "shared Lampung boundaries (../shared/data/lampung/boundaries.gpkg) not present";
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    NewProjectDialog dialog(QString::fromStdString(lampung));
    dialog.show();
    EXPECT_EQ(dialog.layerBox()->currentText(), QStringLiteral("desa"));
    EXPECT_EQ(dialog.codeBox()->currentText(), QStringLiteral("kode"));
    EXPECT_EQ(dialog.nameBox()->currentText(), QStringLiteral("nama"));
    choose(dialog.regencyBox(), QStringLiteral("18.10"));
    choose(dialog.villageKindBox(), QStringLiteral("pekon"));
    retype(dialog.capitalEdit(), QStringLiteral("Pringsewu"));
    const gis::BoundaryImportOptions options = dialog.options();
    EXPECT_EQ(options.filter, "18.10");
    gis::BoundarySet set = gis::readBoundaries(lampung, options);
    const gis::Dataset ds = gis::newProjectFromBoundaries(std::move(set), dialog.capital().toStdString());
    EXPECT_EQ(ds.meta.at("regency_name"), "Kabupaten Pringsewu");
    EXPECT_EQ(ds.meta.at("capital_name"), "Pringsewu");
}

TEST(NewProjectDialog, ACapitalThatMatchesSeveralAreasIsExplainedInBahasaWithTheirNames)
{
    app::ui::applyLanguage(app::ui::UiLanguage::Indonesian);
    // the message gis::findCapital gives, as the dialog's worker receives it
    const gis::Error several("capital 'Sukamaju' matches several areas: Sukamaju (18.06.01.2001), Sukamaju "
                             "(18.06.02.2003); give the code of one of them or LON,LAT");
    const QString text =
        app::ui::UserMessages::forError(several, app::ui::UserAction::NewProject, QStringLiteral("/data/batas.gpkg"));
    EXPECT_EQ(text, QStringLiteral("Beberapa wilayah bernama seperti ibu kota yang diisi: Sukamaju (18.06.01.2001), "
                                   "Sukamaju (18.06.02.2003). Isi nama satu kecamatan, atau kodenya, lalu coba lagi."));
    const gis::Error none("capital 'Kota Agungg' matches no kecamatan or village name or code; give its name");
    EXPECT_TRUE(app::ui::UserMessages::forError(none, app::ui::UserAction::NewProject, QStringLiteral("b.gpkg"))
                    .startsWith(QStringLiteral("Tidak ada kecamatan atau desa")));
}
