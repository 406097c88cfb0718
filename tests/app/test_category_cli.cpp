// Categories end to end: sasaran-cli import table --category / --levels into a project file (checked
// with SQL), info's counts per level and per kecamatan, analyze's text column, the categorical map,
// and the desktop's profile and table showing the level.
#include "cliutil.h"
#include "gis/analysis.h"
#include "gis/categories.h"
#include "gis/demo.h"
#include "gis/project.h"
#include "layers/maprecipe.h"
#include "layers/thematicmap.h"
#include "testutil.h"
#include "ui/profilepanel.h"
#include "ui/stylepanel.h"
#include "ui/tablepanel.h"
#include "ui/villagetablemodel.h"
#include "ui/workspace.h"

#include <QColor>
#include <QComboBox>
#include <QHeaderView>
#include <QImage>
#include <QTableView>
#include <QTest>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

using testutil::runCli;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The Kemendesa rekap's columns for six pekon (NILAI IDM the mean of IKS, IKE and IKL).
std::string idmCsv(const std::string& sixthStatus = "BERKEMBANG")
{
    return "STATUS IDM TAHUN 2024;;;;;;;;;;;\n"
           "NO;PROVINSI;KABUPATEN;KECAMATAN;KODE DESA;DESA;IKS;IKE;IKL;NILAI IDM;STATUS IDM;TARGET STATUS\n"
           "1;LAMPUNG;TANGGAMUS;KOTA AGUNG;1806012016;NEGERI RATU;0,7543;0,6000;0,5333;0,6292;BERKEMBANG;MAJU\n"
           "2;LAMPUNG;TANGGAMUS;KOTA AGUNG;1806012019;PENANGGUNGAN;0,8229;0,7167;0,8000;0,7799;MAJU;MANDIRI\n"
           "3;LAMPUNG;TANGGAMUS;WONOSOBO;1806032001;KARANG ANYAR;0,5143;0,4000;0,4667;0,4603;SANGAT "
           "TERTINGGAL;TERTINGGAL\n"
           "4;LAMPUNG;TANGGAMUS;PUGUNG;1806112020;WAY PRING;0,9086;0,8333;0,8667;0,8695;MANDIRI;MANDIRI\n"
           "5;LAMPUNG;TANGGAMUS;KOTA AGUNG TIMUR;1806192001;BATU KRAMAT;0,6457;0,5333;0,6000;0,5930;TERTINGGAL;BERKEMBANG\n"
           "6;LAMPUNG;TANGGAMUS;GISTING;1806202005;GISTING BAWAH;0,7086;0,6500;0,6000;0,6529;"
        + sixthStatus + ";MAJU\n";
}

/// One SQL answer from the project file, read with SQLite itself (not through the store).
std::string sqlText(const std::string& project, const std::string& sql)
{
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(project.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        if (const unsigned char* t = sqlite3_column_text(q, 0))
            out = reinterpret_cast<const char*>(t);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return out;
}

struct IdmProject {
    fs::path dir;
    std::string project;
};

IdmProject idmProject(const std::string& name)
{
    IdmProject p;
    p.dir = testutil::tempDir(name);
    p.project = (p.dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), p.project);
    testutil::writeFile(p.dir / "idm 2024.csv", idmCsv());
    const auto r = runCli({"import", "table", p.project, (p.dir / "idm 2024.csv").string(), "--period", "2024",
                           "--category", "status_idm=STATUS IDM", "--indicator", "nilai_idm=NILAI IDM"});
    EXPECT_EQ(r.code, 0) << r.err << r.out;
    return p;
}

} // namespace

TEST(CategoryCli, IdmRekapImportsWithOrdinaryOptionsAndIsStoredAsText)
{
    const IdmProject p = idmProject("cli_category_idm");
    // Read back with SQL: one text level per pekon in table kategori, the scale in meta.
    EXPECT_EQ(sqlText(p.project, "SELECT count(*) FROM kategori WHERE key = 'status_idm' AND period = '2024'"), "6");
    EXPECT_EQ(sqlText(p.project, "SELECT level FROM kategori WHERE wilayah_code = '18.06.11.2020'"), "Mandiri");
    EXPECT_EQ(sqlText(p.project, "SELECT level FROM kategori WHERE wilayah_code = '18.06.03.2001'"),
              "Sangat Tertinggal");
    EXPECT_EQ(sqlText(p.project, "SELECT source FROM kategori WHERE wilayah_code = '18.06.03.2001'"), "idm 2024.csv");
    EXPECT_EQ(sqlText(p.project, "SELECT value FROM indikator WHERE key = 'nilai_idm' AND wilayah_code = "
                                 "'18.06.01.2016'"),
              "0.6292");
    EXPECT_NE(sqlText(p.project, "SELECT value FROM meta WHERE key = 'kategori.status_idm'").find("\"idm\""),
              std::string::npos);
    EXPECT_EQ(sqlText(p.project, "SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(gis::kProjectSchemaVersion));

    // info: pekon per level (1 + 1 + 2 + 1 + 1 of 302; the rest without a level)
    const gis::Dataset ds = gis::loadProject(p.project);
    const std::size_t villages = ds.villages().size();
    auto r = runCli({"info", p.project});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(fmt::format("category:    status_idm 2024 (IDM): 1 Sangat Tertinggal, 1 Tertinggal, "
                                     "2 Berkembang, 1 Maju, 1 Mandiri; {} without a level",
                                     villages - 6)),
              std::string::npos)
        << r.out;

    // analyze: the level as a text column after the numbers
    const std::string csv = (p.dir / "analisis.csv").string();
    r = runCli({"analyze", p.project, "--out", csv});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string text = readAll(csv);
    const std::string header = text.substr(0, text.find('\n'));
    EXPECT_EQ(header.substr(header.size() - std::string(",status_idm").size()), ",status_idm") << header;
    const auto wayPring = text.find("\"18.06.11.2020\"");
    ASSERT_NE(wayPring, std::string::npos);
    const std::string line = text.substr(wayPring, text.find('\n', wayPring) - wayPring);
    EXPECT_EQ(line.substr(line.size() - std::string(",\"Mandiri\"").size()), ",\"Mandiri\"") << line;

    // export: GPKG keeps the text column (read back with GDAL's SQLite SQL through sqlite3)
    const std::string gpkg = (p.dir / "ekspor.gpkg").string();
    r = runCli({"export", p.project, "--out", gpkg, "--period", "2024"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_EQ(sqlText(gpkg, "SELECT status_idm FROM desa WHERE kode = '18.06.19.2001'"), "Tertinggal");
    EXPECT_EQ(sqlText(gpkg, "SELECT count(status_idm) FROM desa"), "6");

    // the categorical map is drawn
    const std::string png = (p.dir / "idm.png").string();
    r = runCli({"map", p.project, "--indicator", "status_idm", "--out", png});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_FALSE(QImage(QString::fromStdString(png)).isNull());
}

TEST(CategoryCli, OutOfScaleValueStopsTheImportWithItsRowAndLevelsOrderOtherScales)
{
    const auto dir = testutil::tempDir("cli_category_refused");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    testutil::writeFile(dir / "idm.csv", idmCsv("MAJU SEKALI"));
    const std::string before = readAll(project);
    auto r = runCli({"import", "table", project, (dir / "idm.csv").string(), "--period", "2024", "--category",
                     "status_idm=STATUS IDM"});
    EXPECT_EQ(r.code, 3) << r.out;
    EXPECT_NE(r.out.find("problem    row 8: 'MAJU SEKALI' in column 'STATUS IDM' is not a level of IDM"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.err.find("--skip-invalid"), std::string::npos) << r.err;
    EXPECT_EQ(readAll(project), before) << "nothing written";

    testutil::writeFile(dir / "jalan.csv", "kode,kondisi jalan\n18.06.01.2016,sedang\n18.06.01.2019,Baik\n");
    r = runCli({"import", "table", project, (dir / "jalan.csv").string(), "--period", "2025", "--category",
                "jalan=kondisi jalan"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("(option --levels)"), std::string::npos) << r.err;
    r = runCli({"import", "table", project, (dir / "jalan.csv").string(), "--period", "2025", "--category",
                "jalan=kondisi jalan", "--levels", "jalan=Buruk,Sedang,Baik"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    ASSERT_TRUE(gis::categoryScale(ds, "jalan"));
    EXPECT_EQ(gis::categoryScale(ds, "jalan")->levels, (std::vector<std::string>{"Buruk", "Sedang", "Baik"}));
    EXPECT_EQ(gis::categoryLevels(ds, "jalan").at("18.06.01.2016"), 1u);

    r = runCli({"import", "table", project, (dir / "jalan.csv").string(), "--period", "2025", "--category", "jalan"});
    EXPECT_EQ(r.code, 2) << "KEY=COLUMN is required";
}

TEST(CategoryCli, InfoCountsPekonWithoutAnOperatorPerKecamatan)
{
    const auto dir = testutil::tempDir("cli_category_yes_no");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    testutil::writeFile(dir / "operator.csv", "kode;Operator SIKS-NG\n18.06.01.2016;ada\n18.06.01.2019;tidak\n"
                                              "18.06.01.2020;TIDAK\n18.06.03.2001;0\n");
    auto r = runCli({"import", "table", project, (dir / "operator.csv").string(), "--period", "2025", "--category",
                     "operator_siks=Operator SIKS-NG"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    const gis::Dataset ds = gis::loadProject(project);
    std::size_t kotaAgung = 0, wonosobo = 0;
    for (const gis::Area* a : ds.villages()) {
        kotaAgung += a->parentCode == "18.06.01";
        wonosobo += a->parentCode == "18.06.03";
    }
    r = runCli({"info", project});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("pekon 'Tidak' per kecamatan (operator_siks):"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(fmt::format("    {:<24} {:>4} of {:>3} ({} without a level)", "Kota Agung", 2, kotaAgung,
                                     kotaAgung - 3)),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find(fmt::format("    {:<24} {:>4} of {:>3} ({} without a level)", "Wonosobo", 1,
                                     wonosobo, wonosobo - 1)),
              std::string::npos)
        << r.out;
}

TEST(CategoryDesktop, ProfileAndTableShowTheLevel)
{
    const IdmProject p = idmProject("desktop_category");
    const gis::Dataset ds = gis::loadProject(p.project);
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    app::ui::TablePanel tablePanel;
    app::ui::ProfilePanel profile;
    tablePanel.resize(1200, 500);
    tablePanel.setData(&ds, &table);
    profile.setData(&ds, &table);
    QObject::connect(&tablePanel, &app::ui::TablePanel::selectionChanged, &profile, [&](const QStringList& codes) {
        if (!codes.isEmpty())
            profile.showVillage(codes.front());
    });
    tablePanel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&tablePanel));
    auto* model = tablePanel.model();
    const int column = model->columnOfKey(QStringLiteral("status_idm"));
    ASSERT_GE(column, 0);
    EXPECT_EQ(model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("IDM status"));
    const int wayPring = model->rowOfCode(QStringLiteral("18.06.11.2020"));
    ASSERT_GE(wayPring, 0);
    EXPECT_EQ(model->data(model->index(wayPring, column)).toString(), QStringLiteral("Mandiri"));

    // A click on the column header sorts by the scale's order: Sangat Tertinggal first.
    QHeaderView* header = tablePanel.view()->horizontalHeader();
    tablePanel.view()->scrollTo(model->index(0, column));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, 5));
    const QString first = model->data(model->index(0, column)).toString();
    const QString second = model->data(model->index(1, column)).toString();
    EXPECT_TRUE((first == QStringLiteral("Sangat Tertinggal") && second == QStringLiteral("Tertinggal"))
                || (first == QStringLiteral("Mandiri") && second == QStringLiteral("Maju")))
        << first.toStdString() << ", " << second.toStdString();

    // A click on Way Pring's row shows its profile with the level and its position on the scale.
    const int row = model->rowOfCode(QStringLiteral("18.06.11.2020"));
    tablePanel.view()->scrollTo(model->index(row, 1));
    QTest::mouseClick(tablePanel.view()->viewport(), Qt::LeftButton, {},
                      tablePanel.view()->visualRect(model->index(row, 1)).center());
    ASSERT_EQ(profile.currentCode(), QStringLiteral("18.06.11.2020"));
    ASSERT_NE(profile.profile(), nullptr);
    ASSERT_EQ(profile.profile()->categories.size(), 1u);
    EXPECT_EQ(profile.profile()->categories[0].periods.at(0).level, "Mandiri");
    const QString text = profile.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Status IDM"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Mandiri")));
    EXPECT_TRUE(text.contains(QStringLiteral("5 of 5"))) << text.toStdString();
}

TEST(CategoryCli, AMapOfOneLevelColoursOnlyThePekonWithoutIt)
{
    const auto dir = testutil::tempDir("cli_category_only_level");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    testutil::writeFile(dir / "bumdes.csv", "kode;BUMDES aktif\n18.06.01.2016;ya\n18.06.01.2019;tidak\n"
                                            "18.06.01.2020;TIDAK\n18.06.03.2001;0\n18.06.03.2002;1\n");
    auto r = runCli({"import", "table", project, (dir / "bumdes.csv").string(), "--period", "2025", "--category",
                     "bumdes_aktif=BUMDES aktif"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    const std::string png = (dir / "tanpa.png").string();
    r = runCli({"map", project, "--indicator", "bumdes_aktif", "--only-level", "tidak", "--out", png, "--width",
                "800", "--height", "560"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_TRUE(fs::exists(png));

    // the same map in the library: the three "Tidak" pekon in the level's red, the two others plain
    const gis::Dataset ds = gis::loadProject(project);
    layers::MapTemplate t;
    t.spec.indicatorKey = "bumdes_aktif";
    t.onlyLevel = "tidak";
    const layers::ThematicMapSpec spec = layers::resolveMap(ds, t).spec;
    ASSERT_TRUE(spec.layer.has_value());
    EXPECT_EQ(spec.layer->categoryOrder, (std::vector<std::string>{"Tidak", "lainnya"}));
    EXPECT_EQ(spec.layer->categories.at("18.06.01.2019"), "Tidak");
    EXPECT_EQ(spec.layer->categories.at("18.06.03.2001"), "Tidak");
    EXPECT_EQ(spec.layer->categories.at("18.06.01.2016"), "lainnya");
    const layers::ThematicMap map(ds, spec);
    const std::vector<layers::LegendEntry> legend = map.legendEntries();
    ASSERT_GE(legend.size(), 2u);
    EXPECT_EQ(legend[0].label, "Tidak");
    EXPECT_EQ(legend[0].count, 3);
    EXPECT_EQ(legend[0].color, QColor("#d7191c"));
    EXPECT_EQ(legend[1].label, "lainnya");
    EXPECT_EQ(legend[1].count, 2);
    const QImage image(QString::fromStdString(png));
    ASSERT_FALSE(image.isNull());
    int red = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            red += image.pixelColor(x, y) == QColor("#d7191c") ? 1 : 0;
    EXPECT_GT(red, 0) << "the pekon without it are drawn in red";

    // a level the scale lacks, and an indicator that is no category, are refused by name
    r = runCli({"map", project, "--indicator", "bumdes_aktif", "--only-level", "kadang", "--out", png});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("--only-level"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Ya"), std::string::npos) << "lists the levels: " << r.err;
    r = runCli({"map", project, "--indicator", "poverty_rate", "--only-level", "Tidak", "--out", png});
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.err.find("--only-level"), std::string::npos) << r.err;
}

TEST(CategoryDesktop, ShowOnlyColoursThePekonAtOneLevel)
{
    const auto dir = testutil::tempDir("desktop_category_only_level");
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    testutil::writeFile(dir / "bumdes.csv", "kode;BUMDES aktif\n18.06.01.2016;ya\n18.06.01.2019;tidak\n"
                                            "18.06.01.2020;TIDAK\n18.06.03.2001;0\n18.06.03.2002;1\n");
    const auto r = runCli({"import", "table", project, (dir / "bumdes.csv").string(), "--period", "2025",
                           "--category", "bumdes_aktif=BUMDES aktif"});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    app::ui::Workspace ws;
    ws.openProject(QString::fromStdString(project));
    app::ui::StylePanel style(&ws);
    style.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&style));
    QComboBox* only = style.onlyLevelBox();
    EXPECT_FALSE(only->isEnabled()) << "the poverty rate has no levels";
    QComboBox* theme = style.themeBox();
    theme->setCurrentIndex(theme->findData(QStringLiteral("bumdes_aktif")));
    ASSERT_EQ(ws.themeKey(), QStringLiteral("bumdes_aktif"));
    ASSERT_TRUE(only->isEnabled());
    ASSERT_EQ(only->count(), 3) << "every level, Tidak, Ya";
    only->setFocus();
    QTest::keyClick(only, Qt::Key_Down); // Tidak
    ASSERT_EQ(ws.onlyLevel(), QStringLiteral("Tidak"));
    ASSERT_NE(ws.map(), nullptr);
    const std::vector<layers::LegendEntry> legend = ws.map()->legendEntries();
    ASSERT_GE(legend.size(), 2u);
    EXPECT_EQ(legend[0].label, "Tidak");
    EXPECT_EQ(legend[0].count, 3);
    EXPECT_EQ(legend[1].label, "lainnya");
    EXPECT_EQ(legend[1].count, 2);
    EXPECT_EQ(ws.map()->colorForArea("18.06.01.2019"), QColor("#d7191c"));
    EXPECT_NE(ws.map()->colorForArea("18.06.01.2016"), QColor("#1a9641")) << "a Ya pekon is plain, not green";
    QTest::keyClick(only, Qt::Key_Up); // every level again
    EXPECT_TRUE(ws.onlyLevel().isEmpty());
    EXPECT_EQ(ws.map()->colorForArea("18.06.01.2016"), QColor("#1a9641"));
}
