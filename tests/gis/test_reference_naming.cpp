// Naming imported areas from the national reference: hand-made cases against a small reference,
// and Pringsewu (18.10), Kota Bandar Lampung (18.71) and all of Lampung from the shared desa layer
// alone (codes and village names only), checked against the shared kecamatan layer.
#include "gis/boundaryimport.h"
#include "gis/error.h"
#include "gis/referencenaming.h"
#include "gis/spatialindex.h"
#include "gis/text.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <map>

using namespace gis;

namespace {

MultiPolygon square(double x, double y)
{
    return {Polygon{{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}, {}}};
}

const AreaReference& smallReference()
{
    static const AreaReference ref("# edition: test 1\n# licence: none\n"
                                   "18 Lampung\n.06 Kabupaten Tanggamus\n:01 Kota Agung\n2001 Pekon Satu\n Way Pring\n"
                                   " Sukamaju\n:02 Gading Rejo\n.71 Kota Bandar Lampung\n");
    return ref;
}

/// Names of the kecamatan layer of the shared Lampung file, by code.
std::map<std::string, std::string> sharedKecamatanNames(const std::string& path)
{
    ReadOptions options;
    options.layer = "kecamatan";
    const VectorData layer = readVector(path, options);
    const auto code = static_cast<std::size_t>(layer.fieldIndex("kode"));
    const auto name = static_cast<std::size_t>(layer.fieldIndex("nama"));
    std::map<std::string, std::string> out;
    for (const VectorFeature& f : layer.features)
        out[fieldText(f.values[code])] = fieldText(f.values[name]);
    return out;
}

/// Imports one regency from the desa layer and checks every kecamatan name against the kecamatan layer.
BoundarySet importRegency(const std::string& path, const std::string& regency, std::size_t kecamatan)
{
    BoundaryImportOptions options;
    options.layer = "desa";
    options.filter = regency;
    BoundarySet set = readBoundaries(path, options);
    const auto expected = sharedKecamatanNames(path);
    std::size_t checked = 0;
    for (const Area& a : set.areas)
        if (a.kind == "kecamatan") {
            const auto it = expected.find(a.code);
            EXPECT_NE(it, expected.end()) << a.code;
            if (it != expected.end()) {
                EXPECT_EQ(asciiLower(a.name), asciiLower(it->second)) << a.code;
            }
            EXPECT_FALSE(isNameFromCode(a)) << a.code << " " << a.name;
            ++checked;
        }
    EXPECT_EQ(checked, kecamatan);
    EXPECT_EQ(set.report.kecamatanNamedByCode, 0u);
    EXPECT_EQ(set.report.reference.named[3], kecamatan) << "the desa layer names no kecamatan";
    EXPECT_EQ(set.report.reference.named[2], 1u);
    EXPECT_TRUE(set.report.reference.unknown.empty()) << set.report.text();
    for (const ReferenceNameDifference& d : set.report.reference.differences)
        std::printf("%s: %s in the file, %s in the reference\n", d.code.c_str(), d.inFile.c_str(),
                    d.inReference.c_str());
    return set;
}

} // namespace

TEST(ReferenceNaming, NamesMadeFromCodesAreRecognised)
{
    EXPECT_TRUE(isNameFromCode({"18.10.01", "", "kecamatan", "18.10", {}}));
    EXPECT_TRUE(isNameFromCode({"18.10.01", "18.10.01", "kecamatan", "18.10", {}}));
    EXPECT_TRUE(isNameFromCode({"18.10.01", "Kecamatan 18.10.01", "kecamatan", "18.10", {}}));
    EXPECT_TRUE(isNameFromCode({"18.11.06", "KECAMATAN 18.11.06", "kecamatan", "18.11", {}}));
    EXPECT_TRUE(isNameFromCode({"18.10", "Kabupaten 18.10", "kabupaten", "18", {}}));
    EXPECT_TRUE(isNameFromCode({"18.10.01.2001", "1810012001", "desa", "18.10.01", {}}));
    EXPECT_FALSE(isNameFromCode({"18.10.01", "Pringsewu", "kecamatan", "18.10", {}}));
    EXPECT_FALSE(isNameFromCode({"18.10.01", "Kecamatan 18.10.02", "kecamatan", "18.10", {}})) << "another code";
    EXPECT_FALSE(isNameFromCode({"18.06.01", "Kota Agung", "kecamatan", "18.06", {}}));

    EXPECT_EQ(referenceNameKey("Gading Rejo", 3), referenceNameKey("GADINGREJO", 3));
    EXPECT_EQ(referenceNameKey("Kecamatan Kota Agung", 3), "kotaagung") << "Kota is part of a kecamatan name";
    EXPECT_EQ(referenceNameKey("Kota Bandar Lampung", 2), "bandarlampung");
    EXPECT_EQ(referenceNameKey("Pekon Way Pring", 4), "waypring");
    EXPECT_NE(referenceNameKey("Way Piring", 4), referenceNameKey("Way Pring", 4));
}

TEST(ReferenceNaming, NamesReportsUnknownCodesAndDifferences)
{
    std::vector<Area> areas = {
        {"18.06.01.2001", "PEKON SATU", "pekon", "18.06.01", square(0, 0)},    // capitals -> reference form
        {"18.06.01.2002", "Way Piring", "pekon", "18.06.01", square(1, 0)},    // a real difference, kept
        {"18.06.01.2003", "", "pekon", "18.06.01", square(2, 0)},              // no name -> Sukamaju
        {"18.06.01.2099", "Baru", "pekon", "18.06.01", square(3, 0)},          // unknown code
        {"18.06.02.2001", "18.06.02.2001", "pekon", "18.06.02", square(4, 0)}, // unknown, named by code
        {"18.06.01", "Kecamatan 18.06.01", "kecamatan", "18.06", square(0, 0)},
        {"18.06.02", "Gadingrejo", "kecamatan", "18.06", square(4, 0)}, // spacing only: kept
        {"18.06", "TANGGAMUS", "kabupaten", "18", square(0, 0)},
        {"18.71", "Bandar Lampung", "kabupaten", "18", square(9, 0)},
    };
    const ReferenceNamingReport r = nameAreasFromReference(areas, smallReference());
    EXPECT_EQ(r.edition, "test 1");
    EXPECT_EQ(areas[0].name, "Pekon Satu");
    EXPECT_EQ(areas[1].name, "Way Piring") << "the file's name is kept";
    EXPECT_EQ(areas[2].name, "Sukamaju");
    EXPECT_EQ(areas[3].name, "Baru");
    EXPECT_EQ(areas[4].name, "18.06.02.2001") << "nothing better is known";
    EXPECT_EQ(areas[5].name, "Kota Agung");
    EXPECT_EQ(areas[6].name, "Gadingrejo");
    EXPECT_EQ(areas[7].name, "Kabupaten Tanggamus");
    EXPECT_EQ(areas[8].name, "Kota Bandar Lampung") << "a Kota, not a Kabupaten";
    EXPECT_EQ(r.named[3], 1u);
    EXPECT_EQ(r.named[4], 1u);
    EXPECT_EQ(r.recased, 3u) << "PEKON SATU, TANGGAMUS, Bandar Lampung";
    ASSERT_EQ(r.unknown.size(), 2u);
    EXPECT_EQ(r.unknown[0].code, "18.06.01.2099");
    EXPECT_EQ(r.unknown[0].nameInFile, "Baru");
    EXPECT_EQ(r.unknown[1].code, "18.06.02.2001");
    EXPECT_EQ(r.unknown[1].nameInFile, "");
    ASSERT_EQ(r.differences.size(), 1u);
    EXPECT_EQ(r.differences[0].code, "18.06.01.2002");
    const std::string text = r.text();
    EXPECT_NE(text.find("village 18.06.01.2002: Way Piring in the file, Way Pring in the reference (test 1)"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("not in the reference: village 18.06.01.2099 ('Baru' in the file"), std::string::npos) << text;
    EXPECT_NE(text.find("2 codes it does not know, 1 names that differ"), std::string::npos) << text;
}

TEST(ReferenceNaming, ProjectMetaAndOldPlaceholderNames)
{
    Dataset ds;
    ds.areas = {{"18.06.01", "Kecamatan 18.06.01", "kecamatan", "18.06", square(0, 0)},
                {"18.06", "Kabupaten 18.06", "kabupaten", "18", square(0, 0)}};
    ds.meta["regency_code"] = "18.06";
    ds.meta["regency_name"] = "Kabupaten 18.06";
    ds.meta["dataset_name"] = "Kabupaten 18.06";
    nameProjectFromReference(ds, {}, smallReference());
    EXPECT_EQ(ds.findArea("18.06.01")->name, "Kota Agung");
    EXPECT_EQ(ds.findArea("18.06")->name, "Kabupaten Tanggamus");
    EXPECT_EQ(ds.metaValue("regency_name"), "Kabupaten Tanggamus");
    EXPECT_EQ(ds.metaValue("dataset_name"), "Kabupaten Tanggamus");
    EXPECT_EQ(ds.metaValue("province"), "Lampung");
    EXPECT_EQ(ds.metaValue("names_source"), "test 1 (ODbL), kode Kemendagri");

    // A project's own dataset name is kept; several regencies of one province make a province project.
    Dataset two;
    two.areas = {{"18.06", "Kabupaten Tanggamus", "kabupaten", "18", square(0, 0)},
                 {"18.71", "Kota Bandar Lampung", "kabupaten", "18", square(9, 0)}};
    nameProjectFromReference(two, {}, smallReference());
    EXPECT_EQ(two.metaValue("dataset_name"), "Provinsi Lampung");
    EXPECT_EQ(two.metaValue("names_source"), "") << "nothing was named from the reference";
}

TEST(ReferenceNaming, CapitalByKecamatanOrVillageName)
{
    const std::vector<Area> areas = {
        {"18.10.01", "Pringsewu", "kecamatan", "18.10", square(0, 0)},
        {"18.10.04", "Pardasuka", "kecamatan", "18.10", square(5, 0)},
        {"18.10.05", "Pagelaran", "kecamatan", "18.10", square(6, 0)},
        {"18.10.01.1004", "Pringsewu Barat", "kelurahan", "18.10.01", square(0, 0)},
        {"18.10.04.2010", "Sidodadi", "desa", "18.10.04", square(5, 0)},
        {"18.10.05.2029", "Sidodadi", "desa", "18.10.05", square(6, 0)},
    };
    Capital c = resolveCapital(areas, "Pringsewu");
    EXPECT_EQ(c.name, "Pringsewu");
    EXPECT_EQ(c.how, "point-on-surface of 18.10.01 Pringsewu (kecamatan)");
    c = resolveCapital(areas, "kecamatan  PRINGSEWU");
    EXPECT_EQ(c.name, "Pringsewu");
    c = resolveCapital(areas, "Kelurahan Pringsewu Barat");
    EXPECT_EQ(c.name, "Pringsewu Barat");
    EXPECT_EQ(c.how, "point-on-surface of 18.10.01.1004 Pringsewu Barat (kelurahan, Kecamatan Pringsewu)");
    EXPECT_GT(c.location.x, 0.0);
    EXPECT_LT(c.location.x, 1.0);
    EXPECT_EQ(resolveCapital(areas, "104.9,-5.3").location, (Point{104.9, -5.3}));
    EXPECT_EQ(resolveCapital(areas, "18.10.05.2029").location.x, resolveCapital(areas, "18.10.05").location.x);
    try {
        resolveCapital(areas, "Sidodadi");
        FAIL() << "two villages are called Sidodadi";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("matches 2 villages: 18.10.04.2010 Sidodadi (desa, Kecamatan "
                                             "Pardasuka); 18.10.05.2029 Sidodadi (desa, Kecamatan Pagelaran)"),
                  std::string::npos)
            << e.what();
    }
    try {
        resolveCapital(areas, "Sido");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("names containing it: 18.10.04.2010 Sidodadi"), std::string::npos)
            << e.what();
    }
}

TEST(ReferenceNaming, PringsewuFromTheLampungDesaLayerAlone)
{
    const std::string path = testutil::sharedData("lampung/boundaries.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/lampung/boundaries.gpkg is not present";
    BoundarySet set = importRegency(path, "18.10", 9);
    EXPECT_EQ(set.regencyCode, "18.10");
    EXPECT_EQ(set.regencyName, "Kabupaten Pringsewu");
    EXPECT_EQ(set.report.villages, 131u);
    EXPECT_NE(set.report.text().find("reference:   idn-area-data 4.0.1: named 0 province, 1 kabupaten/kota, 9 "
                                     "kecamatan and 0 villages"),
              std::string::npos)
        << set.report.text();

    // The regency capital by its kecamatan's name, inside that kecamatan.
    const Dataset ds = newProjectFromBoundaries(set, "Pringsewu");
    EXPECT_EQ(ds.metaValue("regency_name"), "Kabupaten Pringsewu");
    EXPECT_EQ(ds.metaValue("dataset_name"), "Kabupaten Pringsewu");
    EXPECT_EQ(ds.metaValue("province"), "Lampung");
    EXPECT_EQ(ds.metaValue("names_source"), "idn-area-data 4.0.1 (ODbL), kode Kemendagri");
    EXPECT_EQ(ds.metaValue("reference_edition"), "idn-area-data 4.0.1");
    EXPECT_EQ(ds.metaValue("capital_name"), "Pringsewu");
    EXPECT_EQ(ds.metaValue("capital_source"),
              "point-on-surface of 18.10.01 Pringsewu (kecamatan, Kabupaten Pringsewu)");
    const Point capital{std::stod(ds.metaValue("capital_lon")), std::stod(ds.metaValue("capital_lat"))};
    const PolygonIndex kecamatan(std::vector<MultiPolygon>{ds.findArea("18.10.01")->geometry});
    EXPECT_TRUE(kecamatan.locate(capital).has_value());

    // A village name works too; a name two villages share is refused with both listed.
    const Capital village = resolveCapital(ds.areas, "Pringsewu Barat");
    EXPECT_EQ(village.how, "point-on-surface of 18.10.01.1004 Pringsewu Barat (kelurahan, Kecamatan Pringsewu)");
    try {
        resolveCapital(ds.areas, "Sidodadi");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("18.10.04.2010 Sidodadi (desa, Kecamatan Pardasuka); 18.10.05.2029 "
                                             "Sidodadi (desa, Kecamatan Pagelaran)"),
                  std::string::npos)
            << e.what();
    }
}

TEST(ReferenceNaming, KotaBandarLampungFromTheLampungDesaLayerAlone)
{
    const std::string path = testutil::sharedData("lampung/boundaries.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/lampung/boundaries.gpkg is not present";
    BoundarySet set = importRegency(path, "18.71", 20);
    EXPECT_EQ(set.regencyName, "Kota Bandar Lampung");
    EXPECT_EQ(set.report.villages, 126u);
    const Dataset ds = newProjectFromBoundaries(set, "Tanjungkarang Pusat");
    EXPECT_EQ(ds.metaValue("regency_name"), "Kota Bandar Lampung");
    EXPECT_EQ(ds.metaValue("dataset_name"), "Kota Bandar Lampung");
    EXPECT_EQ(ds.findArea("18.71")->name, "Kota Bandar Lampung");
    EXPECT_EQ(ds.findArea("18.71.06")->name, "Tanjungkarang Pusat");
    EXPECT_EQ(ds.metaValue("capital_name"), "Tanjungkarang Pusat");
}
