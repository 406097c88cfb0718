// The national reference of codes and names (idn-area-data 4.0.1): lookups with real values
// read off the package's CSV files, its format, its lazy thread-safe load, and agreement with the
// embedded Tanggamus list and the shared Lampung kecamatan layer.
#include "gis/codes.h"
#include "gis/demo.h"
#include "gis/error.h"
#include "gis/reference.h"
#include "gis/text.h"
#include "gis/vectorio.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <thread>

using namespace gis;

TEST(Reference, EditionAndCountsOfEveryLevel)
{
    const auto start = std::chrono::steady_clock::now();
    const AreaReference& ref = AreaReference::national();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("national reference loaded in %.1f ms (first use in this process, or already loaded)\n", ms);
    EXPECT_EQ(ref.edition(), "idn-area-data 4.0.1");
    EXPECT_NE(ref.licence().find("ODbL"), std::string::npos) << ref.licence();
    // Rows of provinces.csv, regencies.csv, districts.csv, villages.csv (header excluded).
    EXPECT_EQ(ref.count(1), 38u);
    EXPECT_EQ(ref.count(2), 514u);
    EXPECT_EQ(ref.count(3), 7285u);
    EXPECT_EQ(ref.count(4), 83762u);
    EXPECT_EQ(ref.count(0), 0u);
    EXPECT_EQ(ref.entries().size(), 38u + 514u + 7285u + 83762u);
}

TEST(Reference, NamesAndLevelsOfLampungCodes)
{
    const AreaReference& ref = AreaReference::national();
    ASSERT_NE(ref.find("18"), nullptr);
    EXPECT_EQ(ref.find("18")->name, "Lampung");
    EXPECT_EQ(ref.find("18")->level, 1);
    EXPECT_EQ(ref.displayName("18.06"), "Kabupaten Tanggamus");
    EXPECT_EQ(ref.displayName("18.71"), "Kota Bandar Lampung");
    EXPECT_EQ(ref.displayName("18.10"), "Kabupaten Pringsewu");
    EXPECT_EQ(ref.displayName("18.72"), "Kota Metro");
    EXPECT_EQ(ref.find("18.10")->level, 2);
    EXPECT_EQ(ref.displayName("18.06.20"), "Gisting");
    EXPECT_EQ(ref.find("18.06.20")->level, 3);
    EXPECT_EQ(ref.displayName("18.10.01"), "Pringsewu");
    EXPECT_EQ(ref.displayName("18.06.20.2001"), "Banjar Manis");
    EXPECT_EQ(ref.displayName("18.06.20.2005"), "Gisting Bawah") << "a numbered-on village line";
    EXPECT_EQ(ref.find("18.06.20.2005")->level, 4);
    EXPECT_EQ(ref.displayName("18.10.01.1004"), "Pringsewu Barat");
    // Undotted codes as files write them.
    EXPECT_EQ(ref.displayName("1806"), "Kabupaten Tanggamus");
    EXPECT_EQ(ref.displayName("1806202005"), "Gisting Bawah");
    // Quoted CSV names keep their commas and quotes.
    EXPECT_EQ(ref.displayName("12.07.28.1007"), "Lubuk Pakam I,II");
    EXPECT_EQ(ref.displayName("94.04.10.2004"), "T\"Singa");
    // Unknown: not a code, a code no one has, a BPS code.
    EXPECT_EQ(ref.find("18.99"), nullptr);
    EXPECT_EQ(ref.find("18.06.20.2999"), nullptr);
    EXPECT_EQ(ref.find("1802050001"), nullptr);
    EXPECT_EQ(ref.find("Tanggamus"), nullptr);
    EXPECT_EQ(ref.displayName(""), "");
}

TEST(Reference, ChildrenOfACode)
{
    const AreaReference& ref = AreaReference::national();
    EXPECT_EQ(ref.children("").size(), 38u) << "the provinces";
    const auto lampung = ref.children("18");
    ASSERT_EQ(lampung.size(), 15u) << "13 kabupaten and 2 kota";
    EXPECT_EQ(lampung.front()->code, "18.01");
    EXPECT_EQ(lampung.back()->code, "18.72");
    const auto pringsewu = ref.children("18.10");
    ASSERT_EQ(pringsewu.size(), 9u);
    EXPECT_EQ(pringsewu.front()->name, "Pringsewu");
    EXPECT_EQ(pringsewu.back()->name, "Pagelaran Utara");
    EXPECT_EQ(ref.children("18.71").size(), 20u);
    EXPECT_EQ(ref.children("18.06").size(), 20u);
    EXPECT_EQ(ref.children("18.06.20").size(), 9u) << "villages.csv rows 18.06.20.*";
    EXPECT_EQ(ref.children("18.10.01").size(), 15u);
    EXPECT_TRUE(ref.children("18.06.20.2001").empty()) << "a village has no children";
    EXPECT_TRUE(ref.children("18.99").empty());
    for (const ReferenceEntry* k : pringsewu)
        EXPECT_EQ(parentKemendagriCode(k->code), "18.10");
}

TEST(Reference, RegencyNamesTakenApart)
{
    RegencyName r = splitRegencyName("KABUPATEN TANGGAMUS");
    EXPECT_EQ(r.type, RegencyType::Kabupaten);
    EXPECT_EQ(r.bare, "Tanggamus");
    EXPECT_EQ(r.display, "Kabupaten Tanggamus");
    r = splitRegencyName("KOTA BANDAR LAMPUNG");
    EXPECT_EQ(r.type, RegencyType::Kota);
    EXPECT_EQ(r.bare, "Bandar Lampung");
    EXPECT_EQ(r.display, "Kota Bandar Lampung");
    r = splitRegencyName("Kab. Pringsewu");
    EXPECT_EQ(r.type, RegencyType::Kabupaten);
    EXPECT_EQ(r.display, "Kabupaten Pringsewu");
    r = splitRegencyName(AreaReference::national().find("31.73")->name);
    EXPECT_EQ(r.type, RegencyType::Kota);
    EXPECT_EQ(r.bare, "Jakarta Barat");
    EXPECT_EQ(r.display, "Kota Administrasi Jakarta Barat");
    r = splitRegencyName("Tanggamus");
    EXPECT_EQ(r.type, RegencyType::Unknown);
    EXPECT_EQ(r.display, "Tanggamus");
    EXPECT_EQ(titleCasedIfUpper("TULANG BAWANG-BARAT"), "Tulang Bawang-Barat");
    EXPECT_EQ(titleCasedIfUpper("KI'E"), "Ki'e");
    EXPECT_EQ(titleCasedIfUpper("Ki'E"), "Ki'E") << "a name with lower case is kept as written";
    // Every kabupaten/kota of the reference is one or the other.
    std::size_t kabupaten = 0, kota = 0;
    for (const ReferenceEntry& e : AreaReference::national().entries())
        if (e.level == 2) {
            const RegencyType t = splitRegencyName(e.name).type;
            EXPECT_NE(t, RegencyType::Unknown) << e.code << " " << e.name;
            (t == RegencyType::Kota ? kota : kabupaten) += 1;
        }
    EXPECT_EQ(kabupaten, 416u);
    EXPECT_EQ(kota, 98u);
}

TEST(Reference, ParsesItsFormatAndNamesTheBadLine)
{
    const AreaReference ref("# edition: test 1\n# licence: none\n"
                            "18 Lampung\n.06 Kabupaten Tanggamus\n:01 Kota Agung\n1001 Kuripan\n Baros\n"
                            "2001 Pekon Satu\n Pekon Dua\n:02 Talang Padang\n2005 Sinar Banten\n"
                            ".71 Kota Bandar Lampung\n");
    EXPECT_EQ(ref.edition(), "test 1");
    EXPECT_EQ(ref.licence(), "none");
    EXPECT_EQ(ref.entries().size(), 10u);
    EXPECT_EQ(ref.displayName("18.06.01.1002"), "Baros") << "numbered one after 1001";
    EXPECT_EQ(ref.displayName("18.06.01.2002"), "Pekon Dua");
    EXPECT_EQ(ref.displayName("18.06.02.2005"), "Sinar Banten");
    EXPECT_EQ(ref.children("18.06.01").size(), 4u);
    EXPECT_EQ(ref.children("18").size(), 2u);
    EXPECT_EQ(ref.count(4), 5u);

    const auto errorOf = [](const std::string& text) {
        try {
            AreaReference bad(text);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(errorOf("# edition: x\n18 Lampung\n2001 Desa\n").find("line 3"), std::string::npos)
        << "a village outside a kecamatan";
    EXPECT_NE(errorOf("# edition: x\n18 Lampung\n.06 A\n.05 B\n").find("line 4"), std::string::npos)
        << "out of code order";
    EXPECT_NE(errorOf("# edition: x\n18 Lampung\n Desa\n").find("line 3"), std::string::npos);
    EXPECT_NE(errorOf("# edition: x\n18Lampung\n").find("line 2"), std::string::npos);
    EXPECT_NE(errorOf("18 Lampung\n").find("edition"), std::string::npos);
    EXPECT_THROW(inflateBytes("not gzip at all", "test bytes"), Error);
    EXPECT_THROW(inflateBytes(std::string("\x1f\x8b\x08\x00", 4), "test bytes"), Error) << "a truncated stream";
}

TEST(Reference, LoadedOnceFromManyThreads)
{
    std::vector<const AreaReference*> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&seen, i] { seen[i] = &AreaReference::national(); });
    for (auto& t : threads)
        t.join();
    for (const AreaReference* r : seen)
        EXPECT_EQ(r, seen.front());
    EXPECT_EQ(seen.front()->displayName("18.71"), "Kota Bandar Lampung");
}

TEST(Reference, AgreesWithTheEmbeddedTanggamusList)
{
    // data/tanggamus/wilayah.csv was cut from the same package: every code and name must agree.
    const Dataset ds = buildDefaultDataset();
    const AreaReference& ref = AreaReference::national();
    std::size_t checked = 0;
    for (const Area& a : ds.areas) {
        const ReferenceEntry* e = ref.find(a.code);
        ASSERT_NE(e, nullptr) << a.code;
        if (a.kind == "kabupaten")
            EXPECT_EQ(splitRegencyName(e->name).bare, a.name);
        else
            EXPECT_EQ(e->name, a.name) << a.code;
        ++checked;
    }
    EXPECT_EQ(checked, 1u + 20u + 302u);
    EXPECT_EQ(ref.children("18.06").size(), ds.areasOfKind("kecamatan").size());
}

TEST(Reference, AgreesWithTheSharedLampungKecamatanLayer)
{
    const std::string path = testutil::sharedData("lampung/boundaries.gpkg");
    if (path.empty())
        GTEST_SKIP() << "../shared/data/lampung/boundaries.gpkg is not present";
    ReadOptions options;
    options.layer = "kecamatan";
    const VectorData layer = readVector(path, options);
    const int code = layer.fieldIndex("kode"), name = layer.fieldIndex("nama");
    ASSERT_GE(code, 0);
    ASSERT_GE(name, 0);
    const AreaReference& ref = AreaReference::national();
    std::map<std::string, std::size_t> perRegency;
    std::size_t differences = 0;
    for (const VectorFeature& f : layer.features) {
        const std::string c = fieldText(f.values[static_cast<std::size_t>(code)]);
        const std::string n = fieldText(f.values[static_cast<std::size_t>(name)]);
        ++perRegency[parentKemendagriCode(c)];
        const ReferenceEntry* e = ref.find(c);
        ASSERT_NE(e, nullptr) << c << " " << n << " is not in the reference";
        if (asciiLower(n) != asciiLower(std::string(e->name))) {
            ++differences;
            std::printf("kecamatan %s: %s in the layer, %s in the reference\n", c.c_str(), n.c_str(),
                        std::string(e->name).c_str());
        }
    }
    EXPECT_EQ(layer.features.size(), 229u);
    EXPECT_EQ(perRegency["18.10"], ref.children("18.10").size());
    EXPECT_EQ(perRegency["18.71"], ref.children("18.71").size());
    EXPECT_EQ(perRegency["18.10"], 9u);
    EXPECT_EQ(perRegency["18.71"], 20u);
    std::size_t lampung = 0;
    for (const ReferenceEntry* k : ref.children("18"))
        lampung += ref.children(k->code).size();
    EXPECT_EQ(lampung, layer.features.size()) << "the reference has as many kecamatan in Lampung as the layer";
    EXPECT_EQ(differences, 0u);
}
