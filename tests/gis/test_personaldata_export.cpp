// DTSEN-derived counts in exports: small counts (1-4) written empty, larger ones and other
// indicators unchanged, the project untouched, and a TERBATAS notice inside every file format
// that can carry one (read back with GDAL, not searched as bytes).
#include "gis/demo.h"
#include "gis/export.h"
#include "gis/personaldata.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <string>

namespace fs = std::filesystem;

namespace {

/// The example with dtsen_jiwa for four pekon (0, 1, 4, 5 people) in period 2018.
gis::Dataset withDtsenCounts(std::vector<std::string>& codes)
{
    gis::Dataset ds = gis::buildDefaultDataset();
    const auto villages = ds.villages();
    const double counts[] = {0, 1, 4, 5};
    for (std::size_t i = 0; i < 4; ++i) {
        codes.push_back(villages[i]->code);
        ds.indicators.push_back({villages[i]->code, "dtsen_jiwa", "2018", counts[i], "dtsen_uji.csv", ""});
    }
    return ds;
}

/// The value of \a field for village \a code in the file read back; NaN when null or absent.
double valueIn(const gis::VectorData& back, const std::string& code, const std::string& field)
{
    const int kode = back.fieldIndex("kode");
    const int column = back.fieldIndex(field);
    if (kode < 0 || column < 0)
        return -999.0;
    for (const gis::VectorFeature& f : back.features)
        if (gis::fieldText(f.values[static_cast<std::size_t>(kode)]) == code) {
            const std::string text = gis::fieldText(f.values[static_cast<std::size_t>(column)]);
            return text.empty() ? std::nan("") : std::stod(text);
        }
    return -999.0;
}

} // namespace

TEST(PersonalDataExport, SmallCountsAreEmptyLargerOnesKeptAndTheFileSaysTerbatas)
{
    std::vector<std::string> codes;
    const gis::Dataset ds = withDtsenCounts(codes);
    const auto dir = testutil::tempDir("personal_export");
    for (const char* name : {"p.gpkg", "p.xlsx", "p.csv", "p.geojson"}) {
        const std::string path = (dir / name).string();
        const gis::ExportReport report = gis::exportProject(ds, path);
        EXPECT_EQ(report.suppressedValues, 2u) << name << ": the pekon with 1 and 4 people";
        EXPECT_NE(report.restrictedNotice.find("TERBATAS"), std::string::npos);
        EXPECT_NE(report.text().find("TERBATAS"), std::string::npos);
        const gis::VectorData back = gis::readVector(path);
        EXPECT_EQ(valueIn(back, codes[0], "dtsen_jiwa"), 0.0) << name << ": zero is not a small count";
        EXPECT_TRUE(std::isnan(valueIn(back, codes[1], "dtsen_jiwa"))) << name;
        EXPECT_TRUE(std::isnan(valueIn(back, codes[2], "dtsen_jiwa"))) << name;
        EXPECT_EQ(valueIn(back, codes[3], "dtsen_jiwa"), 5.0) << name;
        EXPECT_GT(valueIn(back, codes[1], "penduduk"), 100.0) << name << ": other indicators are not DTSEN data";
    }
    // GeoPackage: in the dataset metadata and the layer's description
    {
        GDALDatasetUniquePtr gpkg(GDALDataset::Open((dir / "p.gpkg").string().c_str(), GDAL_OF_VECTOR));
        ASSERT_NE(gpkg, nullptr);
        const char* item = gpkg->GetMetadataItem("TERBATAS");
        ASSERT_NE(item, nullptr);
        EXPECT_NE(std::string(item).find("DTSEN"), std::string::npos);
        const char* description = gpkg->GetLayerByName("desa")->GetMetadataItem("DESCRIPTION");
        ASSERT_NE(description, nullptr);
        EXPECT_NE(std::string(description).find("TERBATAS"), std::string::npos);
    }
    // XLSX: a sheet "catatan" that travels with the workbook
    gis::ReadOptions sheet;
    sheet.layer = "catatan";
    const gis::VectorData notes = gis::readVector((dir / "p.xlsx").string(), sheet);
    // (a one-column sheet of text: GDAL may read its header cell as a row too)
    std::string noteText;
    for (const gis::VectorFeature& f : notes.features)
        noteText += gis::fieldText(f.values[0]) + "\n";
    EXPECT_NE(noteText.find("TERBATAS"), std::string::npos) << noteText;
    EXPECT_NE(noteText.find("1 sampai 4"), std::string::npos) << noteText;

    // the project keeps the true counts
    int kept = 0;
    for (const gis::IndicatorValue& v : ds.indicators)
        if (v.key == "dtsen_jiwa" && (v.value == 1.0 || v.value == 4.0))
            ++kept;
    EXPECT_EQ(kept, 2);
}

TEST(PersonalDataExport, ThresholdZeroWritesEveryCountAndNoDtsenMeansNoNotice)
{
    std::vector<std::string> codes;
    const gis::Dataset ds = withDtsenCounts(codes);
    const auto dir = testutil::tempDir("personal_export_all");
    gis::ExportOptions all;
    all.smallCountThreshold = 0;
    const gis::ExportReport report = gis::exportProject(ds, (dir / "semua.csv").string(), all);
    EXPECT_EQ(report.suppressedValues, 0u);
    EXPECT_NE(report.restrictedNotice.find("TIDAK disembunyikan"), std::string::npos) << "still restricted";
    const gis::VectorData back = gis::readVector((dir / "semua.csv").string());
    EXPECT_EQ(valueIn(back, codes[1], "dtsen_jiwa"), 1.0);
    EXPECT_EQ(valueIn(back, codes[2], "dtsen_jiwa"), 4.0);

    const gis::ExportReport plain = gis::exportProject(gis::buildDefaultDataset(), (dir / "biasa.csv").string());
    EXPECT_TRUE(plain.restrictedNotice.empty());
    EXPECT_EQ(plain.text().find("TERBATAS"), std::string::npos);
}

TEST(PersonalData, SmallCountsAndDerivedKeys)
{
    EXPECT_TRUE(gis::isPersonalDataDerived("dtsen_desil_3"));
    EXPECT_FALSE(gis::isPersonalDataDerived("miskin"));
    EXPECT_FALSE(gis::isSmallCount(0.0, 5));
    EXPECT_TRUE(gis::isSmallCount(1.0, 5));
    EXPECT_TRUE(gis::isSmallCount(4.0, 5));
    EXPECT_FALSE(gis::isSmallCount(5.0, 5));
    EXPECT_FALSE(gis::isSmallCount(3.0, 0));
    EXPECT_FALSE(gis::isSmallCount(std::nan(""), 5));
}
