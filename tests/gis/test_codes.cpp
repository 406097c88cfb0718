// Area codes: Kemendagri and BPS forms, normalisation, scheme detection.
#include "gis/codes.h"

#include <gtest/gtest.h>

using namespace gis;

TEST(Codes, NormalisesKemendagriCodesWithAndWithoutDots)
{
    EXPECT_EQ(normaliseKemendagriCode("1806202005"), "18.06.20.2005");
    EXPECT_EQ(normaliseKemendagriCode("18.06.20.2005"), "18.06.20.2005");
    EXPECT_EQ(normaliseKemendagriCode(" 18.06.20.2005 "), "18.06.20.2005");
    EXPECT_EQ(normaliseKemendagriCode("180620"), "18.06.20");
    EXPECT_EQ(normaliseKemendagriCode("18.06.20"), "18.06.20");
    EXPECT_EQ(normaliseKemendagriCode("1806"), "18.06");
    EXPECT_EQ(normaliseKemendagriCode("18.06"), "18.06");
    EXPECT_EQ(normaliseKemendagriCode("18"), "18");
    EXPECT_EQ(normaliseKemendagriCode("1806202005.0"), "18.06.20.2005") << "a code a spreadsheet stored as a number";
    EXPECT_EQ(normaliseKemendagriCode("1806011001"), "18.06.01.1001");
}

TEST(Codes, LevelsParentsAndKelurahan)
{
    EXPECT_EQ(parseAreaCode("1806202005").level, 4);
    EXPECT_EQ(parseAreaCode("180620").level, 3);
    EXPECT_EQ(parseAreaCode("1806").level, 2);
    EXPECT_EQ(parentKemendagriCode("18.06.20.2005"), "18.06.20");
    EXPECT_EQ(parentKemendagriCode("18.06.20"), "18.06");
    EXPECT_EQ(parentKemendagriCode("18"), "");
    EXPECT_TRUE(isKelurahanCode("18.06.01.1001"));
    EXPECT_FALSE(isKelurahanCode("18.06.20.2005"));
    EXPECT_EQ(kemendagriLevel("18.06.20.2005"), 4);
    EXPECT_EQ(kemendagriLevel("1806202005"), 0) << "only the dotted form is a stored code";
}

TEST(Codes, LeadingZerosAreKept)
{
    const AreaCode c = parseAreaCode("0102030004");
    EXPECT_EQ(c.text, "0102030004") << "7th digit 0: BPS form, kept as written";
    EXPECT_EQ(c.scheme, CodeScheme::Bps);
    EXPECT_EQ(normaliseKemendagriCode("0106202005"), "01.06.20.2005");
    EXPECT_EQ(parseAreaCode("0012").text, "00.12");
}

TEST(Codes, DetectsBpsCodes)
{
    // Tanggamus: Kemendagri 18.06, BPS 1802; BPS kecamatan codes have 3 digits ending in 0.
    EXPECT_EQ(parseAreaCode("1802050001").scheme, CodeScheme::Bps);
    EXPECT_EQ(parseAreaCode("1802050").scheme, CodeScheme::Bps);
    EXPECT_EQ(parseAreaCode("1802050").level, 3);
    EXPECT_EQ(normaliseKemendagriCode("1802050001"), "") << "a BPS code is never read as Kemendagri";
    EXPECT_EQ(parseAreaCode("1806202005").scheme, CodeScheme::Kemendagri);

    const CodeSchemeGuess bps = detectCodeScheme({"1802050001", "1802050002", "1802060010", ""});
    EXPECT_EQ(bps.scheme, CodeScheme::Bps) << bps.explanation;
    EXPECT_NE(bps.explanation.find("crosswalk"), std::string::npos);
    EXPECT_EQ(detectCodeScheme({"1806202005", "18.06.20.2006"}).scheme, CodeScheme::Kemendagri);
    // Regency-level codes only: decided against the regencies the project knows.
    EXPECT_EQ(detectCodeScheme({"1802"}, {"18.06"}).scheme, CodeScheme::Bps);
    EXPECT_EQ(detectCodeScheme({"1806"}, {"18.06"}).scheme, CodeScheme::Kemendagri);
    EXPECT_EQ(detectCodeScheme({"1806"}).scheme, CodeScheme::Unknown);
}

TEST(Codes, RejectsWhatIsNotACode)
{
    for (const char* s : {"", "abc", "18.6.20.2005", "18.06.20.205", "12345", "18-06", "1806202005x", "1806205005"})
        EXPECT_FALSE(parseAreaCode(s).valid()) << s;
}
