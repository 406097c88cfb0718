// The store suite (storesuite.h): every ProjectStore passes the same tests.
#include "storesuite.h"

#include "gis/error.h"
#include "gis/geometryops.h"

#include <algorithm>
#include <thread>
#include <vector>

using namespace gis;

namespace storetest {

namespace {

MultiPolygon square(double x, double y, double side)
{
    return {Polygon{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}, {}}};
}

const IndicatorValue* findValue(const Dataset& ds, const std::string& code, const std::string& key,
                                const std::string& period)
{
    for (const IndicatorValue& v : ds.indicators)
        if (v.areaCode == code && v.key == key && v.period == period)
            return &v;
    return nullptr;
}

std::vector<std::string> codesOf(const Dataset& ds)
{
    std::vector<std::string> codes;
    for (const Area& a : ds.areas)
        codes.push_back(a.code);
    return codes;
}

/// Geodesic area of a 0.1 x 0.1 degree cell at the equator: 0.1 degree of longitude is
/// 11.1319 km on the equator, 0.1 degree of latitude 11.0574 km there (WGS 84 meridian arc),
/// so about 123.09 km²; a cell of 0.05 degree has a quarter of it.
constexpr double kCellKm2 = 11.1319 * 11.0574;

} // namespace

Dataset twoRegencies()
{
    Dataset ds;
    ds.meta["provenance"] = "illustrative";
    ds.meta["dataset_name"] = "Dua kabupaten";
    ds.areas.push_back({"18.06.01", "Kecamatan Satu", "kecamatan", "18.06", square(0.0, 0.0, 0.2)});
    ds.areas.push_back({"18.06.01.2001", "Pekon Satu", "pekon", "18.06.01", square(0.0, 0.0, 0.1)});
    ds.areas.push_back({"18.06.01.2002", "Pekon Dua", "pekon", "18.06.01", square(0.1, 0.0, 0.1)});
    ds.areas.push_back({"18.10.01.2001", "Pekon Lain", "pekon", "18.10.01", square(1.0, 0.0, 0.1)});
    for (const char* code : {"18.06.01.2001", "18.06.01.2002", "18.10.01.2001"}) {
        ds.indicators.push_back({code, "penduduk", "2024", 1000.0, "bps", "2025-01-01T00:00:00Z"});
        ds.indicators.push_back({code, "miskin", "2024", 100.0, "bps", "2025-01-01T00:00:00Z"});
    }
    ds.facilities.push_back({1, "PUSKESSOS", "Puskessos Satu", "aktif", 2020, "survey", "18.06.01.2001", {0.05, 0.05}});
    ds.facilities.push_back({2, "PUSKESSOS", "Puskessos Lain", "aktif", 0, "survey", "18.10.01.2001", {1.05, 0.05}});
    ds.aliases.push_back({"18.06.01.2001", "Pekon Kesatu", "user"});
    ds.aliases.push_back({"18.10.01.2001", "Lain", "user"});
    ds.bpsCodes["18.06.01.2001"] = "1806010001";
    ds.bpsCodes["18.10.01.2001"] = "1810010001";
    PlacementRun run;
    run.id = 1;
    run.createdUtc = "2026-12-01T10:00:00Z";
    run.kind = "PUSKESSOS";
    run.method = "mclp";
    run.count = 1;
    run.radiusKm = 5.0;
    run.demandKey = "miskin";
    run.period = "2024";
    run.candidates = "without_kind";
    run.seed = 7;
    run.totalDemand = 300.0;
    run.coveredBefore = 100.0;
    run.coveredAfter = 200.0;
    run.sites.push_back({1, "18.06.01.2002", "Pekon Dua", {0.15, 0.05}, 100.0, 100.0});
    run.json = "{}";
    ds.programs.push_back(run);
    return ds;
}

TEST_P(StoreSuite, CreatedProjectReadsBackWithStoredAreas)
{
    const std::string where = location("roundtrip");
    createProject(where, twoRegencies());
    const auto store = openProject(where, OpenMode::ReadOnly);
    EXPECT_TRUE(store->readOnly());
    const Dataset ds = store->read();
    EXPECT_EQ(codesOf(ds), (std::vector<std::string>{"18.06.01", "18.06.01.2001", "18.06.01.2002", "18.10.01.2001"}));
    EXPECT_EQ(ds.indicators.size(), 6u);
    ASSERT_EQ(ds.facilities.size(), 2u);
    EXPECT_EQ(ds.facilities[0].name, "Puskessos Satu");
    EXPECT_EQ(ds.facilities[0].year, 2020);
    EXPECT_DOUBLE_EQ(ds.facilities[1].location.x, 1.05);
    EXPECT_EQ(ds.aliases.size(), 2u);
    EXPECT_EQ(ds.bpsCodes.at("18.10.01.2001"), "1810010001");
    ASSERT_EQ(ds.programs.size(), 1u);
    EXPECT_EQ(ds.programs[0].sites.size(), 1u);
    EXPECT_EQ(ds.metaValue("dataset_name"), "Dua kabupaten");
    ASSERT_TRUE(ds.areaCache.count("18.06.01.2001"));
    EXPECT_NEAR(ds.areaCache.at("18.06.01.2001").km2, kCellKm2, kCellKm2 * 0.002);
    ASSERT_TRUE(ds.areaCache.at("18.06.01.2001").surfacePoint);
    const Point p = *ds.areaCache.at("18.06.01.2001").surfacePoint;
    EXPECT_TRUE(p.x > 0 && p.x < 0.1 && p.y > 0 && p.y < 0.1) << p.x << " " << p.y;
}

TEST_P(StoreSuite, ExistingProjectIsRefusedUnlessReplaced)
{
    const std::string where = location("refuse");
    createProject(where, twoRegencies());
    Dataset other;
    other.meta["dataset_name"] = "Lain";
    EXPECT_THROW(createProject(where, other), ProjectError);
    EXPECT_EQ(openProject(where, OpenMode::ReadOnly)->read().areas.size(), 4u) << "left unchanged";
    createProject(where, other, true);
    const Dataset back = openProject(where, OpenMode::ReadOnly)->read();
    EXPECT_TRUE(back.areas.empty());
    EXPECT_TRUE(back.indicators.empty());
    EXPECT_EQ(back.metaValue("dataset_name"), "Lain");
}

TEST_P(StoreSuite, WriteChangesOnlyWhatItNames)
{
    const std::string where = location("write");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    ProjectChanges c;
    c.upsertValues.push_back({"18.06.01.2001", "miskin", "2025", 90.0, "dinsos", "2026-01-01T00:00:00Z"});
    c.upsertValues.push_back({"18.06.01.2002", "miskin", "2024", 120.0, "bps", "2026-01-01T00:00:00Z"}); // replaces
    c.addAliases.push_back({"18.06.01.2002", "Pekon Kedua", "user"});
    c.addAliases.push_back({"18.06.01.2001", "Pekon Kesatu", "again"}); // already there: kept once
    c.meta["skema.uji"] = "{}";
    c.meta["dataset_name"] = std::nullopt;
    c.bpsCodes["18.06.01.2002"] = "1806010002";
    c.removeBpsCodes.push_back("18.10.01.2001");
    EXPECT_FALSE(c.empty());
    store->write(c);
    const Dataset ds = openProject(where, OpenMode::ReadOnly)->read();
    EXPECT_EQ(ds.indicators.size(), 7u);
    ASSERT_TRUE(findValue(ds, "18.06.01.2001", "miskin", "2025"));
    EXPECT_DOUBLE_EQ(findValue(ds, "18.06.01.2001", "miskin", "2025")->value, 90.0);
    EXPECT_DOUBLE_EQ(findValue(ds, "18.06.01.2002", "miskin", "2024")->value, 120.0);
    EXPECT_DOUBLE_EQ(findValue(ds, "18.10.01.2001", "miskin", "2024")->value, 100.0);
    EXPECT_EQ(ds.aliases.size(), 3u);
    EXPECT_EQ(ds.metaValue("skema.uji"), "{}");
    EXPECT_FALSE(ds.meta.count("dataset_name"));
    EXPECT_EQ(ds.metaValue("provenance"), "illustrative");
    EXPECT_EQ(ds.bpsCodes.size(), 2u);
    EXPECT_EQ(ds.bpsCodes.at("18.06.01.2002"), "1806010002");
    EXPECT_EQ(ds.areas.size(), 4u);
    EXPECT_EQ(ds.facilities.size(), 2u);
}

TEST_P(StoreSuite, CategoryValuesAndTheirScaleAreStoredReplacedAndReadByKeyPeriod)
{
    const std::string where = location("categories");
    Dataset start = twoRegencies();
    start.meta["kategori.status_idm"] = R"({"levels":["Sangat Tertinggal","Tertinggal","Berkembang","Maju","Mandiri"],"scale":"idm"})";
    start.categories.push_back({"18.06.01.2001", "status_idm", "2024", "Berkembang", "idm.csv", "2025-01-01T00:00:00Z"});
    start.categories.push_back({"18.06.01.2002", "status_idm", "2024", "Maju", "idm.csv", "2025-01-01T00:00:00Z"});
    createProject(where, start);
    {
        const Dataset ds = openProject(where, OpenMode::ReadOnly)->read();
        ASSERT_EQ(ds.categories.size(), 2u);
        EXPECT_EQ(ds.categories[0].areaCode, "18.06.01.2001");
        EXPECT_EQ(ds.categories[0].level, "Berkembang");
        EXPECT_EQ(ds.categories[1].level, "Maju");
        EXPECT_EQ(ds.categories[1].source, "idm.csv");
        EXPECT_EQ(ds.metaValue("kategori.status_idm"), start.meta.at("kategori.status_idm"));
    }
    const auto store = openProject(where);
    ProjectChanges c;
    // One level per area, key and period: a new source replaces the held level.
    c.upsertCategories.push_back({"18.06.01.2001", "status_idm", "2024", "Mandiri", "idm 2.csv", "2026-01-01T00:00:00Z"});
    c.upsertCategories.push_back({"18.10.01.2001", "operator_siks", "2025", "Tidak", "siks.csv", "2026-01-01T00:00:00Z"});
    c.removeCategories.push_back({"18.06.01.2002", "status_idm", "2024", "", "", ""});
    EXPECT_FALSE(c.empty());
    store->write(c);
    const Dataset ds = store->read();
    ASSERT_EQ(ds.categories.size(), 2u);
    const auto find = [&](const std::string& code, const std::string& key) -> const CategoryValue* {
        for (const CategoryValue& v : ds.categories)
            if (v.areaCode == code && v.key == key)
                return &v;
        return nullptr;
    };
    ASSERT_TRUE(find("18.06.01.2001", "status_idm"));
    EXPECT_EQ(find("18.06.01.2001", "status_idm")->level, "Mandiri");
    EXPECT_EQ(find("18.06.01.2001", "status_idm")->source, "idm 2.csv");
    EXPECT_FALSE(find("18.06.01.2002", "status_idm"));
    ASSERT_TRUE(find("18.10.01.2001", "operator_siks"));
    // A read for some (key, period) pairs gets only their category values; a prefix only its areas.
    ProjectReadOptions only;
    only.valueKeyPeriods = {{"operator_siks", "2025"}};
    const Dataset some = store->read(only);
    ASSERT_EQ(some.categories.size(), 1u);
    EXPECT_EQ(some.categories[0].key, "operator_siks");
    ProjectReadOptions prefix;
    prefix.codePrefix = "18.06";
    const Dataset regency = store->read(prefix);
    ASSERT_EQ(regency.categories.size(), 1u);
    EXPECT_EQ(regency.categories[0].areaCode, "18.06.01.2001");
    // changesBetween sees an edited level and a removed one.
    Dataset edited = ds;
    edited.categories.erase(edited.categories.begin() + 1);
    edited.categories[0].level = "Maju";
    const ProjectChanges diff = changesBetween(ds, edited, ProjectPart::Indicators);
    ASSERT_EQ(diff.upsertCategories.size(), 1u);
    EXPECT_EQ(diff.upsertCategories[0].level, "Maju");
    ASSERT_EQ(diff.removeCategories.size(), 1u);
    EXPECT_EQ(diff.removeCategories[0].key, ds.categories[1].key);
}

TEST_P(StoreSuite, RemovedValuesGoOthersStay)
{
    const std::string where = location("remove_values");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    ProjectChanges c;
    c.removeValuesOfKeyPeriod.push_back({"miskin", "2024"});
    c.removeValues.push_back({"18.10.01.2001", "penduduk", "2024", 0.0, "bps", ""});
    c.removeValues.push_back({"18.06.01.2001", "penduduk", "2024", 0.0, "other source", ""}); // not there
    store->write(c);
    const Dataset ds = store->read();
    EXPECT_EQ(ds.indicators.size(), 2u);
    EXPECT_TRUE(findValue(ds, "18.06.01.2001", "penduduk", "2024"));
    EXPECT_TRUE(findValue(ds, "18.06.01.2002", "penduduk", "2024"));
}

TEST_P(StoreSuite, FacilitiesGetTheNextFreeIdAndAreUpdatedById)
{
    const std::string where = location("facilities");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    ProjectChanges c;
    c.addFacilities.push_back({0, "BUMDES", "Bumdes Dua", "", 0, "pekon", "18.06.01.2002", {0.15, 0.05}});
    c.addFacilities.push_back({0, "BUMDES", "Bumdes Tiga", "", 2021, "survey", "18.06.01.2002", {0.16, 0.06}});
    Facility moved{2, "PUSKESSOS", "Puskessos Lain", "tutup", 0, "survey", "18.10.01.2001", {1.06, 0.04}};
    c.updateFacilities.push_back(moved);
    c.removeFacilityIds.push_back(1);
    store->write(c);
    const Dataset ds = store->read();
    ASSERT_EQ(ds.facilities.size(), 3u);
    EXPECT_EQ(ds.facilities[0].id, 2);
    EXPECT_EQ(ds.facilities[0].status, "tutup");
    EXPECT_DOUBLE_EQ(ds.facilities[0].location.x, 1.06);
    EXPECT_EQ(ds.facilities[1].id, 3); // max id 2 + 1
    EXPECT_EQ(ds.facilities[1].name, "Bumdes Dua");
    EXPECT_EQ(ds.facilities[2].id, 4);
    EXPECT_EQ(ds.facilities[2].year, 2021);
}

TEST_P(StoreSuite, ProgramsAreNumberedByTheStore)
{
    const std::string where = location("programs");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    PlacementRun run = twoRegencies().programs.front();
    run.id = 1; // taken: the store numbers it
    run.count = 2;
    ProjectChanges c;
    c.addPrograms = {run, run};
    EXPECT_EQ(store->write(c), (std::vector<long long>{2, 3}));
    const Dataset ds = store->read();
    ASSERT_EQ(ds.programs.size(), 3u);
    EXPECT_EQ(ds.programs[2].id, 3);
    EXPECT_EQ(ds.programs[2].count, 2u);
    EXPECT_EQ(ds.programs[2].sites.size(), 1u);
}

TEST_P(StoreSuite, UpsertedAreaIsMeasuredAnewAndRemovedAreaKeepsItsValues)
{
    const std::string where = location("areas");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    ProjectChanges c;
    // Pekon Dua shrinks to a cell of half the side: a quarter of the area.
    c.upsertAreas.push_back({"18.06.01.2002", "Pekon Dua Baru", "pekon", "18.06.01", square(0.1, 0.0, 0.05)});
    c.upsertAreas.push_back({"18.06.01.2003", "Pekon Tiga", "pekon", "18.06.01", square(0.15, 0.05, 0.05)});
    c.removeAreaCodes.push_back("18.10.01.2001");
    store->write(c);
    const Dataset ds = store->read();
    EXPECT_EQ(codesOf(ds), (std::vector<std::string>{"18.06.01", "18.06.01.2001", "18.06.01.2002", "18.06.01.2003"}));
    EXPECT_EQ(ds.findArea("18.06.01.2002")->name, "Pekon Dua Baru");
    EXPECT_NEAR(ds.areaCache.at("18.06.01.2002").km2, kCellKm2 / 4, kCellKm2 * 0.001);
    EXPECT_NEAR(ds.areaKm2(*ds.findArea("18.06.01.2002")), kCellKm2 / 4, kCellKm2 * 0.001);
    EXPECT_EQ(ds.areaCache.at("18.06.01.2003").vertices, 5u);
    const Point p = *ds.areaCache.at("18.06.01.2002").surfacePoint;
    EXPECT_TRUE(p.x > 0.1 && p.x < 0.15 && p.y > 0 && p.y < 0.05) << p.x << " " << p.y;
    EXPECT_TRUE(findValue(ds, "18.10.01.2001", "miskin", "2024")) << "values of a removed area are kept";
}

TEST_P(StoreSuite, ReadsOnlyTheAreasUnderAPrefix)
{
    const std::string where = location("prefix");
    createProject(where, twoRegencies());
    const auto store = openProject(where, OpenMode::ReadOnly);
    ProjectReadOptions options;
    options.codePrefix = "18.06";
    const Dataset ds = store->read(options);
    EXPECT_EQ(codesOf(ds), (std::vector<std::string>{"18.06.01", "18.06.01.2001", "18.06.01.2002"}));
    EXPECT_EQ(ds.indicators.size(), 4u);
    ASSERT_EQ(ds.facilities.size(), 1u);
    EXPECT_EQ(ds.facilities[0].areaCode, "18.06.01.2001");
    EXPECT_EQ(ds.aliases.size(), 1u);
    EXPECT_EQ(ds.bpsCodes.size(), 1u);
    options.codePrefix = "18.0"; // a prefix is a whole code: 18.06 is not under 18.0
    EXPECT_TRUE(store->read(options).areas.empty());
    options.codePrefix = "18.10.01.2001";
    EXPECT_EQ(codesOf(store->read(options)), (std::vector<std::string>{"18.10.01.2001"}));
}

TEST_P(StoreSuite, ReadsOnlyThePartsAskedFor)
{
    const std::string where = location("parts");
    createProject(where, twoRegencies());
    const auto store = openProject(where, OpenMode::ReadOnly);
    ProjectReadOptions options;
    options.parts = ProjectPart::Meta | ProjectPart::Indicators;
    Dataset ds = store->read(options);
    EXPECT_TRUE(ds.areas.empty());
    EXPECT_TRUE(ds.facilities.empty());
    EXPECT_TRUE(ds.programs.empty());
    EXPECT_EQ(ds.indicators.size(), 6u);
    EXPECT_EQ(ds.metaValue("dataset_name"), "Dua kabupaten");

    options.parts = ProjectPart::Meta | ProjectPart::Areas;
    options.areaGeometry = false;
    ds = store->read(options);
    ASSERT_EQ(ds.areas.size(), 4u);
    EXPECT_TRUE(ds.areas[1].geometry.empty());
    EXPECT_EQ(ds.areas[1].parentCode, "18.06.01");
    EXPECT_NEAR(ds.areaCache.at("18.06.01.2001").km2, kCellKm2, kCellKm2 * 0.002);
    EXPECT_TRUE(ds.indicators.empty());
}

TEST_P(StoreSuite, ChangesBetweenReadAndEditedDatasetAreWrittenExactly)
{
    const std::string where = location("diff");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    const Dataset before = store->read();
    Dataset after = before;
    after.indicators.erase(after.indicators.begin()); // 18.06.01.2001 penduduk 2024
    after.indicators.push_back({"18.10.01.2001", "miskin", "2025", 5.0, "x", "t"});
    after.facilities.push_back({3, "WISATA", "Pantai", "", 0, "survey", "18.10.01.2001", {1.02, 0.02}});
    after.areas[2].name = "Pekon Dua (ubah)";
    after.meta["capital_name"] = "Satu";
    const ProjectChanges c = changesBetween(before, after);
    EXPECT_EQ(c.upsertValues.size(), 1u);
    EXPECT_EQ(c.removeValues.size(), 1u);
    EXPECT_EQ(c.addFacilities.size(), 1u);
    EXPECT_EQ(c.upsertAreas.size(), 1u);
    EXPECT_TRUE(c.removeAreaCodes.empty());
    EXPECT_EQ(c.meta.size(), 1u);
    EXPECT_TRUE(c.addPrograms.empty());
    store->write(c);
    const Dataset back = store->read();
    EXPECT_EQ(back.indicators.size(), 6u);
    EXPECT_FALSE(findValue(back, "18.06.01.2001", "penduduk", "2024"));
    EXPECT_TRUE(findValue(back, "18.10.01.2001", "miskin", "2025"));
    EXPECT_EQ(back.facilities.size(), 3u);
    EXPECT_EQ(back.areas[2].name, "Pekon Dua (ubah)");
    EXPECT_EQ(back.metaValue("capital_name"), "Satu");
    EXPECT_TRUE(changesBetween(back, after).upsertValues.empty()) << "nothing left to write";

    // A new order of the areas is stored.
    Dataset reordered = back;
    std::reverse(reordered.areas.begin(), reordered.areas.end());
    store->write(changesBetween(back, reordered, ProjectPart::Areas));
    EXPECT_EQ(codesOf(store->read()),
              (std::vector<std::string>{"18.10.01.2001", "18.06.01.2002", "18.06.01.2001", "18.06.01"}));
}

TEST_P(StoreSuite, ReadOnlyStoreRefusesWrites)
{
    const std::string where = location("readonly");
    createProject(where, twoRegencies());
    const auto store = openProject(where, OpenMode::ReadOnly);
    ProjectChanges c;
    c.meta["x"] = "y";
    EXPECT_THROW(store->write(c), ProjectError);
    EXPECT_FALSE(openProject(where, OpenMode::ReadOnly)->read().meta.count("x"));
}

TEST_P(StoreSuite, MissingProjectIsAClearError)
{
    const std::string where = location("missing");
    try {
        openProject(where, OpenMode::ReadOnly);
        FAIL() << "opened a project that does not exist";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
        EXPECT_EQ(e.problem(), ProjectProblem::Missing);
    }
}

TEST_P(StoreSuite, ReadsOnlyTheValuesOfTheKeyPeriodsAskedFor)
{
    const std::string where = location("value_key_periods");
    Dataset made = twoRegencies();
    made.indicators.push_back({"18.06.01.2001", "miskin", "2025", 90.0, "bps", "2026-01-01T00:00:00Z"});
    made.indicators.push_back({"18.10.01.2001", "miskin", "2025", 80.0, "bps", "2026-01-01T00:00:00Z"});
    createProject(where, made);
    const auto store = openProject(where, OpenMode::ReadOnly);
    ProjectReadOptions options;
    options.valueKeyPeriods = {{"miskin", "2025"}, {"penduduk", "2024"}, {"miskin", "2025"}, {"absent", "1999"}};
    const Dataset ds = store->read(options);
    // 2 values of miskin 2025 and 3 of penduduk 2024, in stored order; miskin 2024 is not read.
    ASSERT_EQ(ds.indicators.size(), 5u);
    std::vector<std::string> order;
    for (const IndicatorValue& v : ds.indicators)
        order.push_back(v.areaCode + " " + v.key + " " + v.period);
    EXPECT_EQ(order,
              (std::vector<std::string>{"18.06.01.2001 penduduk 2024", "18.06.01.2002 penduduk 2024",
                                        "18.10.01.2001 penduduk 2024", "18.06.01.2001 miskin 2025",
                                        "18.10.01.2001 miskin 2025"}));
    EXPECT_EQ(ds.areas.size(), made.areas.size()) << "the filter is on values only";
    options.codePrefix = "18.10";
    const Dataset under = store->read(options);
    ASSERT_EQ(under.indicators.size(), 2u);
    EXPECT_DOUBLE_EQ(findValue(under, "18.10.01.2001", "miskin", "2025")->value, 80.0);
}

TEST_P(StoreSuite, AnImportsChangesAreWrittenWithoutComparingTheProject)
{
    const std::string where = location("import_changes");
    createProject(where, twoRegencies());
    const auto store = openProject(where);
    ProjectReadOptions options;
    options.valueKeyPeriods = {{"miskin", "2024"}};
    const Dataset before = store->read(options);
    ImportChanges changes;
    // One value replaced from another source, one re-imported from the same source, one new.
    changes.values.push_back({"18.06.01.2001", "miskin", "2024", 111.0, "dinsos", "2026-12-02T00:00:00Z"});
    changes.values.push_back({"18.06.01.2002", "miskin", "2024", 122.0, "bps", "2026-12-02T00:00:00Z"});
    changes.values.push_back({"18.06.01.2001", "miskin", "2025", 99.0, "dinsos", "2026-12-02T00:00:00Z"});
    changes.aliases.push_back({"18.06.01.2002", "Pekon Kedua", "t.csv"});
    const ProjectChanges c = changesOfImport(before, changes);
    ASSERT_EQ(c.removeValues.size(), 1u) << "only the held value of another source is removed";
    EXPECT_EQ(c.removeValues[0].source, "bps");
    EXPECT_EQ(c.removeValues[0].areaCode, "18.06.01.2001");
    store->write(c);
    const Dataset after = store->read();
    std::size_t miskin2024 = 0;
    for (const IndicatorValue& v : after.indicators)
        miskin2024 += v.key == "miskin" && v.period == "2024";
    EXPECT_EQ(miskin2024, 3u) << "one value per pekon, no duplicate from two sources";
    EXPECT_EQ(findValue(after, "18.06.01.2001", "miskin", "2024")->source, "dinsos");
    EXPECT_DOUBLE_EQ(findValue(after, "18.06.01.2001", "miskin", "2024")->value, 111.0);
    EXPECT_DOUBLE_EQ(findValue(after, "18.06.01.2002", "miskin", "2024")->value, 122.0);
    EXPECT_DOUBLE_EQ(findValue(after, "18.10.01.2001", "miskin", "2024")->value, 100.0);
    EXPECT_DOUBLE_EQ(findValue(after, "18.06.01.2001", "miskin", "2025")->value, 99.0);
    EXPECT_DOUBLE_EQ(findValue(after, "18.06.01.2001", "penduduk", "2024")->value, 1000.0);
    EXPECT_EQ(after.aliases.size(), 3u);
}

namespace {

/// The writes of a table import of miskin for the two pekon of 18.06 in \a period, planned on \a before.
ProjectChanges miskinImport(const Dataset& before, const std::string& period, const std::string& source, double value,
                            HeldValueRule rule)
{
    ImportChanges changes;
    for (const char* code : {"18.06.01.2001", "18.06.01.2002"})
        changes.values.push_back({code, "miskin", period, value, source, "2026-12-03T00:00:00Z"});
    ProjectChanges c = changesOfImport(before, changes);
    c.heldValues = rule;
    return c;
}

std::vector<const IndicatorValue*> valuesOf(const Dataset& ds, const std::string& key, const std::string& period)
{
    std::vector<const IndicatorValue*> out;
    for (const IndicatorValue& v : ds.indicators)
        if (v.key == key && v.period == period)
            out.push_back(&v);
    return out;
}

} // namespace

TEST_P(StoreSuite, AnImportMeetsTheValuesWrittenSinceItReadTheProject)
{
    const std::string where = location("held_meanwhile");
    createProject(where, twoRegencies());
    const auto first = openProject(where);
    const auto second = openProject(where);
    ProjectReadOptions options;
    options.valueKeyPeriods = {{"miskin", "2030"}, {"miskin", "2031"}};
    // Both read before either writes: neither sees the other's values.
    const Dataset readByFirst = first->read(options);
    const Dataset readBySecond = second->read(options);
    ASSERT_TRUE(valuesOf(readBySecond, "miskin", "2030").empty());

    // Two imports with replace: the later write replaces what the earlier one wrote.
    first->write(miskinImport(readByFirst, "2030", "a.csv", 10.0, HeldValueRule::Replace));
    second->write(miskinImport(readBySecond, "2030", "b.csv", 20.0, HeldValueRule::Replace));
    Dataset after = openProject(where, OpenMode::ReadOnly)->read();
    const auto replaced = valuesOf(after, "miskin", "2030");
    ASSERT_EQ(replaced.size(), 2u) << "one value per pekon, not one from each import";
    for (const IndicatorValue* v : replaced) {
        EXPECT_EQ(v->source, "b.csv");
        EXPECT_DOUBLE_EQ(v->value, 20.0);
    }

    // Without replace, the later import is refused whole and the earlier one's values stay.
    first->write(miskinImport(readByFirst, "2031", "a.csv", 10.0, HeldValueRule::Refuse));
    try {
        second->write(miskinImport(readBySecond, "2031", "c.csv", 30.0, HeldValueRule::Refuse));
        FAIL() << "values written since the read must not be overwritten without replace";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("now holds 2 values"), std::string::npos) << e.what();
    }
    after = openProject(where, OpenMode::ReadOnly)->read();
    const auto kept = valuesOf(after, "miskin", "2031");
    ASSERT_EQ(kept.size(), 2u);
    for (const IndicatorValue* v : kept) {
        EXPECT_EQ(v->source, "a.csv");
        EXPECT_DOUBLE_EQ(v->value, 10.0);
    }
    EXPECT_EQ(after.indicators.size(), 6u + 2 + 2) << "nothing else written or lost";

    // A category level written meanwhile is refused the same way.
    ProjectChanges level;
    level.upsertCategories.push_back({"18.06.01.2001", "status_idm", "2024", "Maju", "a.csv", "t"});
    first->write(level);
    level.upsertCategories[0].level = "Mandiri";
    level.heldValues = HeldValueRule::Refuse;
    EXPECT_THROW(second->write(level), ProjectError);
    after = openProject(where, OpenMode::ReadOnly)->read();
    ASSERT_EQ(after.categories.size(), 1u);
    EXPECT_EQ(after.categories[0].level, "Maju");
}

TEST_P(StoreSuite, ConcurrentWritersKeepEveryChange)
{
    const std::string where = location("concurrent");
    createProject(where, twoRegencies());
    constexpr int kRounds = 20;
    for (int round = 0; round < kRounds; ++round) {
        std::vector<std::thread> writers;
        for (int w = 0; w < 2; ++w)
            writers.emplace_back([&, w] {
                // Each writer reads, then writes its own period: a read-modify-write of the whole
                // project would lose the other's.
                const auto store = openProject(where);
                const Dataset ds = store->read();
                ProjectChanges c;
                for (const Area* v : ds.villages())
                    c.upsertValues.push_back({v->code, "miskin", std::to_string(3000 + round * 2 + w), 1.0 + w,
                                              "writer" + std::to_string(w), "t"});
                c.meta["writer" + std::to_string(w)] = std::to_string(round);
                store->write(c);
            });
        for (std::thread& t : writers)
            t.join();
    }
    const Dataset ds = openProject(where, OpenMode::ReadOnly)->read();
    EXPECT_EQ(ds.periods("miskin").size(), 1u + 2 * kRounds);
    EXPECT_EQ(ds.indicators.size(), 6u + 2 * kRounds * 3);
    EXPECT_EQ(ds.metaValue("writer0"), std::to_string(kRounds - 1));
    EXPECT_EQ(ds.metaValue("writer1"), std::to_string(kRounds - 1));
}

TEST_P(StoreSuite, ExportLogRowsAreKeptInOrderAndChangeNoData)
{
    const std::string where = location("exportlog");
    createProject(where, twoRegencies());
    const auto before = openProject(where, OpenMode::ReadOnly)->lastChange();
    EXPECT_TRUE(readExportLog(where).empty());
    recordExport(where, {"", "atlas", "aggregate", "/data/atlas.pdf", "", false});
    recordExport(where, {"", "export", "aggregate", "/data/desa.xlsx", "", true});
    const auto log = readExportLog(where);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].what, "atlas");
    EXPECT_EQ(log[0].path, "/data/atlas.pdf");
    EXPECT_FALSE(log[0].personalData);
    EXPECT_EQ(log[1].what, "export");
    EXPECT_TRUE(log[1].personalData);
    EXPECT_LE(log[0].utc, log[1].utc);
    EXPECT_FALSE(log[1].user.empty());
    EXPECT_EQ(openProject(where, OpenMode::ReadOnly)->lastChange(), before) << "an export is not a change";
    EXPECT_EQ(openProject(where, OpenMode::ReadOnly)->read().areas.size(), 4u);
}

namespace {

RoadLayer twoRoads()
{
    RoadLayer layer;
    layer.roads.push_back({"Jalan Kabupaten", {{{0.01, 0.05}, {0.05, 0.05}, {0.15, 0.06}}}});
    // a MultiLineString feature: two parts, kept together as one road
    layer.roads.push_back({"ferry", {{{0.15, 0.06}, {0.3, 0.02}}, {{0.3, 0.02}, {1.05, 0.05}}}});
    layer.speedsKmh = {{"jalan kabupaten", 40.0}, {"ferry", 15.0}};
    return layer;
}

} // namespace

TEST_P(StoreSuite, RoadLayerRoundTripsAndIsReplacedWhole)
{
    const std::string where = location("roads");
    Dataset ds = twoRegencies();
    ds.roads = twoRoads();
    createProject(where, ds);
    {
        const Dataset back = openProject(where, OpenMode::ReadOnly)->read();
        EXPECT_EQ(back.roads, ds.roads) << "classes, parts, vertices (bit for bit) and speeds";
        ProjectReadOptions without;
        without.parts = ProjectPart::Meta | ProjectPart::Areas;
        EXPECT_TRUE(openProject(where, OpenMode::ReadOnly)->read(without).roads.empty()) << "read only when asked";
    }
    // Replacing: the old roads and speeds go, in the same write as a meta entry
    RoadLayer other;
    other.roads.push_back({"track", {{{0.0, 0.0}, {0.0, 0.1}}}});
    other.speedsKmh = {{"track", 15.0}};
    ProjectChanges c;
    c.roads = other;
    c.meta["jalan_sumber"] = "jalan.gpkg";
    EXPECT_FALSE(c.empty());
    openProject(where)->write(c);
    Dataset back = openProject(where, OpenMode::ReadOnly)->read();
    EXPECT_EQ(back.roads, other);
    EXPECT_EQ(back.metaValue("jalan_sumber"), "jalan.gpkg");
    EXPECT_EQ(back.facilities.size(), 2u) << "the rest of the project stays";
    // changesBetween sees a changed road layer (and only with the Roads part)
    Dataset edited = back;
    edited.roads = twoRoads();
    EXPECT_TRUE(changesBetween(back, edited, ProjectPart::Meta).empty());
    const ProjectChanges diff = changesBetween(back, edited, ProjectPart::Meta | ProjectPart::Roads);
    ASSERT_TRUE(diff.roads.has_value());
    openProject(where)->write(diff);
    EXPECT_EQ(openProject(where, OpenMode::ReadOnly)->read().roads, twoRoads());
    // an empty layer removes the roads
    ProjectChanges none;
    none.roads = RoadLayer{};
    openProject(where)->write(none);
    EXPECT_TRUE(openProject(where, OpenMode::ReadOnly)->read().roads.empty());
}

} // namespace storetest
