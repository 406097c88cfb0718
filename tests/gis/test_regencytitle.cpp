// The regency's name as titles print it: Kabupaten or Kota as its code says.
#include "gis/dataset.h"
#include "gis/referencenaming.h"

#include <gtest/gtest.h>

namespace {

gis::Dataset withRegency(const std::string& code, const std::string& name)
{
    gis::Dataset ds;
    ds.meta["regency_code"] = code;
    ds.meta["regency_name"] = name;
    return ds;
}

} // namespace

TEST(RegencyTitle, KotaOrKabupatenAsTheCodeSays)
{
    // no prefix: the reference's type of the code
    EXPECT_EQ(gis::regencyTitle(withRegency("18.71", "Bandar Lampung")), "Kota Bandar Lampung");
    EXPECT_EQ(gis::regencyTitle(withRegency("18.06", "Tanggamus")), "Kabupaten Tanggamus");
    // a prefix the reference contradicts: the reference's name
    EXPECT_EQ(gis::regencyTitle(withRegency("18.71", "Kabupaten Bandar Lampung")), "Kota Bandar Lampung");
    EXPECT_EQ(gis::regencyTitle(withRegency("18.72", "Kota Metro")), "Kota Metro");
    EXPECT_EQ(gis::regencyTitle(withRegency("18.10", "Kab. Pringsewu")), "Kabupaten Pringsewu");
    // a code the reference does not know: Kemendagri's numbering (cities from 71), a given prefix kept
    EXPECT_EQ(gis::regencyTitle(withRegency("99.71", "Uji")), "Kota Uji");
    EXPECT_EQ(gis::regencyTitle(withRegency("99.01", "Uji")), "Kabupaten Uji");
    EXPECT_EQ(gis::regencyTitle(withRegency("99.01", "Kota Uji")), "Kota Uji");
    // a province-wide project keeps its name; no name, no title
    EXPECT_EQ(gis::regencyTitle(withRegency("", "Provinsi Lampung")), "Provinsi Lampung");
    EXPECT_EQ(gis::regencyTitle(gis::Dataset{}), "");
    // from the one kabupaten area when meta names none
    gis::Dataset fromArea;
    fromArea.areas.push_back({"18.71", "BANDAR LAMPUNG", "kabupaten", "18", {}});
    EXPECT_EQ(gis::regencyTitle(fromArea), "Kota Bandar Lampung");
}
