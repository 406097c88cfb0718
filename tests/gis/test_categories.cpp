// Text categories: scale recognition, the IDM rekap as Kemendesa publishes it (10-digit village
// codes, decimal commas, upper-case statuses, a partial village list), values outside the scale,
// yes/no counts per kecamatan, and an ordered category in a priority score.
#include "gis/analysis.h"
#include "gis/categories.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/indicators.h"
#include "gis/tableimport.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <cmath>

namespace {

using testutil::storedValue;

const gis::CategoryValue* findCategory(const gis::Dataset& ds, const std::string& code, const std::string& key,
                                       const std::string& period)
{
    for (const gis::CategoryValue& v : ds.categories)
        if (v.areaCode == code && v.key == key && v.period == period)
            return &v;
    return nullptr;
}

/// The Kemendesa IDM rekap columns, for six pekon of Tanggamus only. NILAI IDM is the mean of
/// IKS, IKE and IKL to four decimals, and each STATUS IDM follows Kemendesa's thresholds
/// (Mandiri > 0,8155 > Maju > 0,7072 > Berkembang > 0,5989 > Tertinggal > 0,4907).
const std::vector<std::vector<std::string>> kIdmRows = {
    {"NO", "PROVINSI", "KABUPATEN", "KECAMATAN", "KODE DESA", "DESA", "IKS", "IKE", "IKL", "NILAI IDM", "STATUS IDM",
     "TARGET STATUS"},
    {"1", "LAMPUNG", "TANGGAMUS", "KOTA AGUNG", "1806012016", "NEGERI RATU", "0,7543", "0,6000", "0,5333", "0,6292",
     "BERKEMBANG", "MAJU"},
    {"2", "LAMPUNG", "TANGGAMUS", "KOTA AGUNG", "1806012019", "PENANGGUNGAN", "0,8229", "0,7167", "0,8000", "0,7799",
     "MAJU", "MANDIRI"},
    {"3", "LAMPUNG", "TANGGAMUS", "WONOSOBO", "1806032001", "KARANG ANYAR", "0,5143", "0,4000", "0,4667",
     "0,4603", "SANGAT TERTINGGAL", "TERTINGGAL"},
    {"4", "LAMPUNG", "TANGGAMUS", "PUGUNG", "1806112020", "WAY PRING", "0,9086", "0,8333", "0,8667", "0,8695", "MANDIRI",
     "MANDIRI"},
    {"5", "LAMPUNG", "TANGGAMUS", "KOTA AGUNG TIMUR", "1806192001", "BATU KRAMAT", "0,6457", "0,5333", "0,6000", "0,5930",
     "TERTINGGAL", "BERKEMBANG"},
    {"6", "LAMPUNG", "TANGGAMUS", "GISTING", "1806202005", "GISTING BAWAH", "0,7086", "0,6500", "0,6000", "0,6529",
     "sangat  Berkembang", "MAJU"},
};

std::string idmCsv(const std::vector<std::vector<std::string>>& rows)
{
    std::string text = "STATUS INDEKS DESA MEMBANGUN (IDM) TAHUN 2024;;;;;;;;;;;\r\n";
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            text += (i ? ";" : "") + row[i];
        text += "\r\n";
    }
    return text;
}

/// The rows with the sixth status written as Kemendesa does (upper case) or as a clerk might.
std::vector<std::vector<std::string>> idmRows(const std::string& sixthStatus)
{
    auto rows = kIdmRows;
    rows[6][10] = sixthStatus;
    return rows;
}

gis::TableImportOptions idmOptions(const std::string& period)
{
    gis::TableImportOptions o;
    o.period = period;
    o.indicators = {{"iks", "IKS"}, {"ike", "IKE"}, {"ikl", "IKL"}, {"nilai_idm", "NILAI IDM"}};
    o.categories = {{"status_idm", "STATUS IDM"}};
    return o;
}

} // namespace

TEST(CategoryScale, IdmLevelsAreReadInAnyCaseAndSpacing)
{
    const gis::CategoryScale idm = gis::idmScale();
    ASSERT_EQ(idm.levels.size(), 5u);
    EXPECT_EQ(idm.levelOf("SANGAT TERTINGGAL"), 0u);
    EXPECT_EQ(idm.levelOf("sangat  tertinggal"), 0u);
    EXPECT_EQ(idm.levelOf(" Sangat_Tertinggal "), 0u);
    EXPECT_EQ(idm.levelOf("TERTINGGAL"), 1u);
    EXPECT_EQ(idm.levelOf("berkembang"), 2u);
    EXPECT_EQ(idm.levelOf("Maju"), 3u);
    EXPECT_EQ(idm.levelOf("MANDIRI"), 4u);
    EXPECT_FALSE(idm.levelOf("Maju Sekali"));
    EXPECT_FALSE(idm.levelOf(""));

    const auto recognised = gis::recogniseScale({"SANGAT TERTINGGAL", "", "maju", "Mandiri"});
    ASSERT_TRUE(recognised);
    EXPECT_EQ(recognised->name, "idm");
    EXPECT_FALSE(gis::recogniseScale({"merah", "biru"}));
}

TEST(CategoryScale, YesNoIsTwoLevelsAndOtherOrdersAreGiven)
{
    const auto yesNo = gis::recogniseScale({"ada", "tidak", "1", "0", "Y", "T", "ya", "Tidak Ada"});
    ASSERT_TRUE(yesNo);
    EXPECT_EQ(yesNo->name, "ya_tidak");
    EXPECT_EQ(yesNo->levels, (std::vector<std::string>{"Tidak", "Ya"}));
    for (const char* no : {"tidak", "TIDAK", "0", "t", "Tidak Ada"})
        EXPECT_EQ(yesNo->levelOf(no), 0u) << no;
    for (const char* yes : {"ada", "Ya", "1", "Y"})
        EXPECT_EQ(yesNo->levelOf(yes), 1u) << yes;

    const gis::CategoryScale given = gis::scaleOfLevels(" Rendah, Sedang ,TINGGI");
    EXPECT_EQ(given.levels, (std::vector<std::string>{"Rendah", "Sedang", "TINGGI"}));
    EXPECT_EQ(given.levelOf("tinggi"), 2u);
    EXPECT_THROW(gis::scaleOfLevels("Rendah"), gis::Error);
    EXPECT_THROW(gis::scaleOfLevels("Rendah,,Tinggi"), gis::Error);
    EXPECT_THROW(gis::scaleOfLevels("Rendah,rendah"), gis::Error);

    // The scale survives the meta text it is kept in.
    const gis::CategoryScale back = gis::scaleFromJson(gis::scaleToJson(given), "test");
    EXPECT_EQ(back.name, "levels");
    EXPECT_EQ(back.levels, given.levels);
    EXPECT_DOUBLE_EQ(gis::scaleRank(0, 5), 0.0);
    EXPECT_DOUBLE_EQ(gis::scaleRank(1, 5), 0.25);
    EXPECT_DOUBLE_EQ(gis::scaleRank(4, 5), 1.0);
}

TEST(CategoryImport, IdmRekapWithTenDigitCodesDecimalCommasAndAPartialVillageList)
{
    const auto dir = testutil::tempDir("category_idm_csv");
    const auto file = dir / "Status IDM 2024.csv";
    testutil::writeFile(file, idmCsv(idmRows("BERKEMBANG")));
    gis::Dataset ds = gis::buildDefaultDataset();
    const std::size_t villages = ds.villages().size();
    const std::size_t valuesBefore = ds.indicators.size();
    const auto report = gis::importTable(ds, file.string(), idmOptions("2024"));
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(report.headerRow, 2);
    EXPECT_EQ(report.joinedBy, "code (Kemendagri)");
    EXPECT_EQ(gis::summarise(report.matches).exact, 6u);

    // Each 10-digit code is the dotted Kemendagri code 2+2+2+4.
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"18.06.01.2016", "Berkembang"}, {"18.06.01.2019", "Maju"},       {"18.06.03.2001", "Sangat Tertinggal"},
        {"18.06.11.2020", "Mandiri"},    {"18.06.19.2001", "Tertinggal"}, {"18.06.20.2005", "Berkembang"},
    };
    ASSERT_EQ(ds.categories.size(), expected.size());
    for (const auto& [code, level] : expected) {
        const gis::CategoryValue* v = findCategory(ds, code, "status_idm", "2024");
        ASSERT_TRUE(v) << code;
        EXPECT_EQ(v->level, level) << code;
        EXPECT_EQ(v->source, "Status IDM 2024.csv");
    }
    // Decimal commas read as numbers; NILAI IDM is the mean of the three indices (to 4 decimals).
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.01.2016", "nilai_idm", "2024"), 0.6292);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.03.2001", "iks", "2024"), 0.5143);
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.11.2020", "nilai_idm", "2024"), 0.8695);
    for (const auto& [code, level] : expected) {
        const double mean = (storedValue(ds, code, "iks", "2024") + storedValue(ds, code, "ike", "2024")
                             + storedValue(ds, code, "ikl", "2024"))
            / 3.0;
        EXPECT_NEAR(storedValue(ds, code, "nilai_idm", "2024"), mean, 5e-5) << code;
    }
    EXPECT_EQ(ds.indicators.size(), valuesBefore + 4 * expected.size());
    // The scale is kept with the category; the other villages simply have no value.
    const auto scale = gis::categoryScale(ds, "status_idm");
    ASSERT_TRUE(scale);
    EXPECT_EQ(scale->name, "idm");
    EXPECT_EQ(gis::categoryLevels(ds, "status_idm").size(), 6u);
    EXPECT_NE(report.text().find(fmt::format("status_idm: 6 of {} villages of the project get a level, {} get none",
                                             villages, villages - 6)),
              std::string::npos)
        << report.text();
    EXPECT_TRUE(gis::indicatorInfo(ds, "status_idm").categorical);
    EXPECT_DOUBLE_EQ(gis::indicatorValues(ds, "status_idm").at("18.06.11.2020"), 4.0);
}

TEST(CategoryImport, ValueOutsideTheScaleIsListedByRowAndNothingIsWritten)
{
    const auto dir = testutil::tempDir("category_out_of_scale");
    const auto file = dir / "idm.csv";
    testutil::writeFile(file, idmCsv(idmRows("sangat  Berkembang")));
    gis::Dataset ds = gis::buildDefaultDataset();
    const std::size_t valuesBefore = ds.indicators.size();
    const auto report = gis::importTable(ds, file.string(), idmOptions("2024"));
    EXPECT_FALSE(report.written);
    ASSERT_EQ(report.problems.size(), 1u) << report.text();
    EXPECT_EQ(report.problems[0].row, 8); // the title, the header, then the sixth data row
    EXPECT_NE(report.problems[0].message.find("'sangat  Berkembang' in column 'STATUS IDM' is not a level of IDM"),
              std::string::npos)
        << report.problems[0].message;
    EXPECT_NE(report.stopReason.find("1 row(s) with invalid values"), std::string::npos) << report.stopReason;
    EXPECT_TRUE(ds.categories.empty());
    EXPECT_EQ(ds.indicators.size(), valuesBefore);
    EXPECT_FALSE(ds.meta.count("kategori.status_idm"));
    EXPECT_TRUE(report.changes.empty());
}

TEST(CategoryImport, UnknownValuesNeedTheirLevelsAndGivenLevelsOrderThem)
{
    const auto dir = testutil::tempDir("category_levels");
    const auto file = dir / "akses.csv";
    testutil::writeFile(file, "kode,akses_jalan\n18.06.01.2016,Sedang\n18.06.01.2019,BAIK\n18.06.03.2001,buruk\n");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2025";
    o.categories = {{"akses_jalan", "akses_jalan"}};
    try {
        gis::importTable(ds, file.string(), o);
        FAIL() << "values of no known scale were accepted";
    } catch (const gis::Error& e) {
        EXPECT_NE(std::string(e.what()).find("need their levels given in order"), std::string::npos) << e.what();
        EXPECT_EQ(e.parameters(), std::vector<std::string>{"levels"});
    }
    EXPECT_TRUE(ds.categories.empty());
    o.levels[""] = "Buruk,Sedang,Baik";
    const auto report = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(findCategory(ds, "18.06.01.2019", "akses_jalan", "2025")->level, "Baik");
    EXPECT_EQ(findCategory(ds, "18.06.03.2001", "akses_jalan", "2025")->level, "Buruk");
    EXPECT_EQ(gis::categoryLevels(ds, "akses_jalan").at("18.06.01.2016"), 1u);
    // A second import of the same period without replace is refused like numbers are.
    const auto again = gis::importTable(ds, file.string(), o);
    EXPECT_FALSE(again.written);
    EXPECT_NE(again.stopReason.find("already holds 3 of these category values"), std::string::npos)
        << again.stopReason;
}

TEST(CategoryImport, YesNoCountsPerKecamatan)
{
    const auto dir = testutil::tempDir("category_yes_no");
    const auto file = dir / "operator.csv";
    // Kota Agung (18.06.01) has 16 pekon and 3 kelurahan; four of them are in the file.
    testutil::writeFile(file, "kode;operator siks-ng\n"
                              "18.06.01.2016;ada\n"
                              "18.06.01.2019;TIDAK\n"
                              "18.06.01.2020;0\n"
                              "18.06.01.1001;1\n"
                              "18.06.03.2001;t\n");
    gis::Dataset ds = gis::buildDefaultDataset();
    gis::TableImportOptions o;
    o.period = "2025";
    o.categories = {{"operator_siks", "operator siks-ng"}};
    const auto report = gis::importTable(ds, file.string(), o);
    ASSERT_TRUE(report.written) << report.text();
    EXPECT_EQ(gis::categoryScale(ds, "operator_siks")->name, "ya_tidak");
    EXPECT_EQ(findCategory(ds, "18.06.01.2019", "operator_siks", "2025")->level, "Tidak");
    EXPECT_EQ(findCategory(ds, "18.06.01.1001", "operator_siks", "2025")->level, "Ya");
    const auto counts = gis::countLevelByKecamatan(ds, "operator_siks", "tidak");
    std::size_t kotaAgungVillages = 0;
    for (const gis::Area* a : ds.villages())
        kotaAgungVillages += a->parentCode == "18.06.01";
    bool sawKotaAgung = false, sawWonosobo = false;
    for (const gis::KecamatanLevelCount& k : counts) {
        if (k.kecamatanCode == "18.06.01") {
            sawKotaAgung = true;
            EXPECT_EQ(k.kecamatanName, "Kota Agung");
            EXPECT_EQ(k.atLevel, 2u);
            EXPECT_EQ(k.villages, kotaAgungVillages);
            EXPECT_EQ(k.noValue, kotaAgungVillages - 4);
        } else if (k.kecamatanCode == "18.06.03") {
            sawWonosobo = true;
            EXPECT_EQ(k.atLevel, 1u);
        } else {
            EXPECT_EQ(k.atLevel, 0u) << k.kecamatanCode;
            EXPECT_EQ(k.noValue, k.villages) << k.kecamatanCode;
        }
    }
    EXPECT_TRUE(sawKotaAgung);
    EXPECT_TRUE(sawWonosobo);
    EXPECT_EQ(counts.size(), ds.areasOfKind("kecamatan").size());
    EXPECT_THROW(gis::countLevelByKecamatan(ds, "operator_siks", "mungkin"), gis::Error);
}

TEST(CategoryImport, XlsxYearlySheetsOfTheIdmRekap)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    if (!driver || !driver->GetMetadataItem(GDAL_DCAP_CREATE))
        GTEST_SKIP() << "GDAL's XLSX driver cannot write here (ogrinfo --formats); XLSX import not tested";
    const auto dir = testutil::tempDir("category_idm_xlsx");
    const auto file = dir / "Rekap IDM Tanggamus.xlsx";
    {
        GDALDatasetUniquePtr out(driver->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(out);
        for (const char* year : {"2023", "2024"}) {
            OGRLayer* layer = out->CreateLayer(year, nullptr, wkbNone, nullptr);
            ASSERT_NE(layer, nullptr);
            for (std::size_t i = 0; i < kIdmRows[0].size(); ++i) {
                OGRFieldDefn field(std::string(1, static_cast<char>('A' + i)).c_str(), OFTString);
                ASSERT_EQ(layer->CreateField(&field), OGRERR_NONE);
            }
            auto rows = idmRows("BERKEMBANG");
            if (std::string(year) == "2023") { // a year earlier: Negeri Ratu was Tertinggal, Way Pring not listed
                rows[1][10] = "TERTINGGAL";
                rows.erase(rows.begin() + 4);
            }
            rows.insert(rows.begin(), std::vector<std::string>{std::string("STATUS IDM ") + year});
            for (const auto& r : rows) {
                OGRFeature feature(layer->GetLayerDefn());
                for (std::size_t i = 0; i < r.size(); ++i)
                    feature.SetField(static_cast<int>(i), r[i].c_str());
                ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
            }
        }
    }
    gis::Dataset ds = gis::buildDefaultDataset();
    for (const char* year : {"2023", "2024"}) {
        gis::TableImportOptions o = idmOptions(year);
        o.sheet = year;
        const auto report = gis::importTable(ds, file.string(), o);
        ASSERT_TRUE(report.written) << report.text();
        EXPECT_EQ(report.encoding, "XLSX");
    }
    EXPECT_EQ(findCategory(ds, "18.06.01.2016", "status_idm", "2023")->level, "Tertinggal");
    EXPECT_EQ(findCategory(ds, "18.06.01.2016", "status_idm", "2024")->level, "Berkembang");
    EXPECT_FALSE(findCategory(ds, "18.06.11.2020", "status_idm", "2023"));
    EXPECT_EQ(findCategory(ds, "18.06.11.2020", "status_idm", "2024")->level, "Mandiri");
    EXPECT_DOUBLE_EQ(storedValue(ds, "18.06.20.2005", "nilai_idm", "2023"), 0.6529);
    EXPECT_EQ(gis::categoryPeriods(ds, "status_idm"), (std::vector<std::string>{"2023", "2024"}));
    EXPECT_EQ(gis::categoryLevels(ds, "status_idm").size(), 6u);         // the latest: 2024
    EXPECT_EQ(gis::categoryLevels(ds, "status_idm", "2023").size(), 5u);
}

TEST(CategoryPriority, AnOrderedCategoryIsNormalisedByItsRankOnTheScale)
{
    // Hand-worked: ranks r/(5-1) are Sangat Tertinggal 0, Tertinggal 0.25, Berkembang 0.5, Maju
    // 0.75, Mandiri 1; "higher is better" turns them into need 1 - r, so with IDM alone the score
    // is 100 (1 - r). Only Berkembang and Maju are present: min-max over them would give 100 and
    // 0, the rank on the scale gives 50 and 25.
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.meta[gis::categoryMetaKey("status_idm")] = gis::scaleToJson(gis::idmScale());
    ds.categories.push_back({"18.06.01.2016", "status_idm", "2024", "Berkembang", "t", "2026-01-01T00:00:00Z"});
    ds.categories.push_back({"18.06.01.2019", "status_idm", "2024", "Maju", "t", "2026-01-01T00:00:00Z"});
    gis::PriorityScheme idmOnly;
    idmOnly.name = "idm";
    idmOnly.indicators = {{"status_idm", gis::Direction::HigherIsBetter, gis::Normalisation::MinMax, 1.0}};
    const gis::AnalysisTable t = gis::analyzeVillages(ds, "", idmOnly);
    EXPECT_EQ(t.scheme.indicators[0].normalisation, gis::Normalisation::ScaleRank);
    std::size_t scored = 0;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const double score = t.value(i, "priority_score");
        if (t.rows[i].kode == "18.06.01.2016")
            EXPECT_NEAR(score, 50.0, 1e-9);
        else if (t.rows[i].kode == "18.06.01.2019")
            EXPECT_NEAR(score, 25.0, 1e-9);
        else
            EXPECT_TRUE(std::isnan(score)) << t.rows[i].kode; // no status: excluded, as the rule says
        scored += !std::isnan(score);
    }
    EXPECT_EQ(scored, 2u);
    // The level is a text column of the table.
    ASSERT_EQ(t.textColumns, std::vector<std::string>{"status_idm"});
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        if (t.rows[i].kode == "18.06.01.2019") {
            EXPECT_EQ(t.rows[i].texts.at(0), "Maju");
        }
    }

    // With poverty_rate beside it (equal weights): 50 x its min-max over the two pekon scored (the
    // others lack a status and are excluded) + 50 (1 - r).
    gis::PriorityScheme both = idmOnly;
    both.indicators.push_back({"poverty_rate", gis::Direction::HigherIsWorse, gis::Normalisation::MinMax, 1.0});
    gis::AnalysisTable t2 = gis::analyzeVillages(ds, "", both);
    const std::size_t rate = t2.column("poverty_rate");
    double a = 0, b = 0, lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < t2.rows.size(); ++i) {
        const double x = t2.rows[i].values[rate];
        if (t2.rows[i].kode == "18.06.01.2016")
            a = x;
        else if (t2.rows[i].kode == "18.06.01.2019")
            b = x;
        else
            continue;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    ASSERT_GT(hi, lo);
    for (std::size_t i = 0; i < t2.rows.size(); ++i) {
        const double r = t2.rows[i].kode == "18.06.01.2016" ? 0.5 : 0.75;
        const double x = t2.rows[i].kode == "18.06.01.2016" ? a : b;
        if (t2.rows[i].kode == "18.06.01.2016" || t2.rows[i].kode == "18.06.01.2019") {
            EXPECT_NEAR(t2.value(i, "priority_score"), 50.0 * (x - lo) / (hi - lo) + 50.0 * (1.0 - r), 1e-9);
        }
    }
    // Scoring again from the cached inputs keeps the rank normalisation whatever the scheme says.
    gis::rescoreAnalysis(t2, idmOnly);
    for (std::size_t i = 0; i < t2.rows.size(); ++i) {
        if (t2.rows[i].kode == "18.06.01.2016") {
            EXPECT_NEAR(t2.value(i, "priority_score"), 50.0, 1e-9);
        }
    }
    // The scheme's JSON names the normalisation.
    EXPECT_EQ(gis::schemeFromJson(gis::schemeToJson(t.scheme), "t").indicators[0].normalisation,
              gis::Normalisation::ScaleRank);
}
