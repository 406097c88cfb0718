// The meeting pack's findings: the sentences on a small hand-made dataset whose every figure is
// worked out by hand, and the printed pack of the Tanggamus example, where each sentence's figures
// are computed again independently from the dataset and must also be printed in the tables after.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "gis/measure.h"
#include "gis/placement.h"
#include "layers/meetingfindings.h"
#include "layers/meetingpack.h"
#include "layers/numberformat.h"
#include "testutil.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <regex>
#include <set>

using namespace layers;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Two kecamatan of two pekon. Period 2018 (the table's) and 2017 in the dataset:
///   Alpha: Satu 100 (2017: 120), BUMDES 1, Puskessos 2,0 km; Dua 50 (60), no BUMDES, 7,5 km
///   Beta:  Tiga 300 (280), no BUMDES, 12 km; Empat missing (10), no BUMDES, 4 km
gis::Dataset handDataset()
{
    gis::Dataset ds;
    auto square = [](double x) {
        return gis::MultiPolygon{gis::Polygon{{{x, 0.0}, {x + 0.1, 0.0}, {x + 0.1, 0.1}, {x, 0.1}, {x, 0.0}}, {}}};
    };
    ds.areas = {{"18.06.01", "Alpha", "kecamatan", "18.06", square(0.0)},
                {"18.06.02", "Beta", "kecamatan", "18.06", square(0.2)},
                {"18.06.01.2001", "Satu", "pekon", "18.06.01", square(0.0)},
                {"18.06.01.2002", "Dua", "pekon", "18.06.01", square(0.1)},
                {"18.06.02.2001", "Tiga", "pekon", "18.06.02", square(0.2)},
                {"18.06.02.2002", "Empat", "pekon", "18.06.02", square(0.3)}};
    const std::map<std::string, std::pair<double, double>> poor = {{"18.06.01.2001", {120, 100}},
                                                                   {"18.06.01.2002", {60, 50}},
                                                                   {"18.06.02.2001", {280, 300}},
                                                                   {"18.06.02.2002", {10, kNaN}}};
    for (const auto& [code, values] : poor) {
        ds.indicators.push_back({code, "miskin", "2017", values.first, "uji", "2026-01-01T00:00:00Z"});
        if (std::isfinite(values.second))
            ds.indicators.push_back({code, "miskin", "2018", values.second, "uji", "2026-01-01T00:00:00Z"});
    }
    return ds;
}

gis::AnalysisTable handTable()
{
    gis::AnalysisTable t;
    t.period = "2018";
    t.columns = {"miskin", "n_bumdes", "dist_puskessos_km"};
    t.rows = {{"18.06.01.2001", "Satu", "Alpha", {100, 1, 2.0}, {}},
              {"18.06.01.2002", "Dua", "Alpha", {50, 0, 7.5}, {}},
              {"18.06.02.2001", "Tiga", "Beta", {300, 0, 12.0}, {}},
              {"18.06.02.2002", "Empat", "Beta", {kNaN, 0, 4.0}, {}}};
    return t;
}

gis::PlacementRun handRun()
{
    gis::PlacementRun run;
    run.id = 1;
    run.createdUtc = "2026-12-01T14:05:00Z";
    run.kind = "PUSKESSOS";
    run.method = "mclp";
    run.count = 2;
    run.radiusKm = 5.0;
    run.demandKey = "miskin";
    run.period = "2018";
    run.totalDemand = 450;
    run.coveredBefore = 200;
    run.coveredAfter = 400;
    return run;
}

std::string squeezed(const std::string& s)
{
    return std::regex_replace(s, std::regex("\\s+"), " ");
}

/// The text of pages \a first..\a last (pdftotext -f -l), whitespace squeezed.
std::string pagesText(const std::filesystem::path& pdf, int first, int last)
{
    const auto txt = std::filesystem::path(pdf).replace_extension(".p" + std::to_string(first) + ".txt");
    const std::string command = "pdftotext -enc UTF-8 -f " + std::to_string(first) + " -l " + std::to_string(last)
        + " '" + pdf.string() + "' '" + txt.string() + "'";
    if (std::system(command.c_str()) != 0)
        return {};
    return squeezed(testutil::readFile(txt));
}

/// Every number written in \a sentence ("73.770", "5", "-30").
std::vector<std::string> numbersIn(const std::string& sentence)
{
    std::vector<std::string> out;
    const std::regex number("[0-9][0-9.,]*[0-9]|[0-9]");
    for (auto it = std::sregex_iterator(sentence.begin(), sentence.end(), number); it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
    return out;
}

} // namespace

TEST(MeetingFindings, FiguresOfTheHandMadeDataset)
{
    gis::Dataset ds = handDataset();
    ds.programs.push_back(handRun());
    const MeetingFigures f = meetingFigures(ds, handTable(), 5.0);
    EXPECT_EQ(f.villages, 4);
    EXPECT_DOUBLE_EQ(f.poor, 450.0) << "100 + 50 + 300; the missing value counts as none";
    EXPECT_EQ(f.villagesWithoutBumdes, 3);
    EXPECT_DOUBLE_EQ(f.poorBeyondReach, 350.0) << "Dua 50 at 7,5 km and Tiga 300 at 12 km";
    EXPECT_EQ(f.previousPeriod, "2017");
    ASSERT_TRUE(f.poorBefore.has_value());
    EXPECT_DOUBLE_EQ(*f.poorBefore, 470.0);
    ASSERT_EQ(f.kecamatan.size(), 2u);
    EXPECT_EQ(f.kecamatan[0].name, "Beta");
    EXPECT_DOUBLE_EQ(f.kecamatan[0].poor, 300.0);
    EXPECT_DOUBLE_EQ(*f.kecamatan[0].poorBefore, 290.0);
    EXPECT_EQ(f.kecamatan[1].name, "Alpha");
    EXPECT_DOUBLE_EQ(f.kecamatan[1].poorBeyondReach, 50.0);
    EXPECT_EQ(f.kecamatan[1].villagesWithoutBumdes, 1);
}

TEST(MeetingFindings, SentencesInPlainBahasaWithTheHandWorkedFigures)
{
    gis::Dataset ds = handDataset();
    ds.programs.push_back(handRun());
    const auto findings = meetingFindings(meetingFigures(ds, handTable(), 5.0), Lang::Id);
    ASSERT_EQ(findings.size(), 6u);
    EXPECT_EQ(findings[0], "Pada periode 2018 tercatat 450 penduduk miskin di 4 pekon/kelurahan.");
    EXPECT_EQ(findings[1], "Penduduk miskin terbanyak ada di Kecamatan Beta (300 jiwa) dan Alpha (150 jiwa).");
    EXPECT_EQ(findings[2], "3 dari 4 pekon/kelurahan belum memiliki BUMDES.");
    EXPECT_EQ(findings[3], "350 penduduk miskin tinggal lebih dari 5 km dari Puskessos terdekat.");
    EXPECT_EQ(findings[4],
              "Usulan 2 Puskessos baru (cakupan maksimal, jangkauan 5 km) menambah 200 penduduk miskin "
              "yang terjangkau: dari 200 menjadi 400 dari total 450.");
    EXPECT_EQ(findings[5],
              "Dibandingkan periode 2017, penduduk miskin turun 20 jiwa, dari 470 menjadi 450. "
              "Perubahan terbesar di Kecamatan Alpha (-30 jiwa).");
    for (const std::string& s : findings) {
        EXPECT_THAT(s, Not(HasSubstr("MCLP")));
        EXPECT_THAT(s, Not(HasSubstr("miskin_"))) << "labels, not keys";
    }
}

TEST(MeetingFindings, WithoutARunOrAPreviousPeriodOrAnyPuskessos)
{
    gis::Dataset ds = handDataset();
    std::erase_if(ds.indicators, [](const gis::IndicatorValue& v) { return v.period == "2017"; });
    gis::AnalysisTable t = handTable();
    for (auto& row : t.rows)
        row.values[2] = kNaN; // no Puskessos anywhere
    const auto findings = meetingFindings(meetingFigures(ds, t, 5.0), Lang::Id);
    ASSERT_EQ(findings.size(), 4u);
    EXPECT_EQ(findings[3], "Belum ada Puskessos: seluruh 450 penduduk miskin berada di luar jangkauan.");
    const auto english = meetingFindings(meetingFigures(ds, t, 5.0), Lang::En);
    EXPECT_EQ(english[0], "In the period 2018 there were 450 poor people in 4 villages (pekon/kelurahan).");
}

TEST(MeetingFindings, TheTableHoldsEveryFigureWithATotalRow)
{
    gis::Dataset ds = handDataset();
    const PageTable t = findingsTable(meetingFigures(ds, handTable(), 5.0), Lang::Id);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(t.columns.size(), 7u);
    EXPECT_EQ(t.columns[4].header, "Penduduk miskin lebih dari 5 km dari Puskessos");
    EXPECT_EQ(t.columns[5].header, "Penduduk miskin 2017");
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"Beta", "2", "300", "2", "300", "290", "+10"}));
    EXPECT_EQ(t.rows[1], (std::vector<std::string>{"Alpha", "2", "150", "1", "50", "180", "-30"}));
    EXPECT_EQ(t.rows[2], (std::vector<std::string>{"Jumlah", "4", "450", "3", "350", "470", "-20"}));
}

TEST(MeetingFindings, PlainWordsForMethodsAndDates)
{
    EXPECT_EQ(placementMethodLabel("mclp"), "cakupan maksimal");
    EXPECT_EQ(placementMethodLabel("mclp", Lang::En), "maximal covering");
    EXPECT_EQ(longDate("2026-12-01T14:05:00Z"), "1 Desember 2026");
    EXPECT_EQ(longDate("2026-02-28", Lang::En), "28 February 2026");
    EXPECT_EQ(longDate("2019-S1"), "2019-S1") << "a period is not a date";
}

TEST(MeetingFindings, EveryFigureOfThePrintedFindingsIsComputedAgainAndPrintedInTheTablesAfter)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) not installed: the pack is not read back";
    gis::Dataset ds = gis::buildDefaultDataset();
    // A second, earlier period: each pekon 7 % more poor people (rounded) in 2017.
    std::vector<gis::IndicatorValue> earlier;
    for (const auto& v : ds.indicators)
        if (v.key == "miskin" && v.period == "2018")
            earlier.push_back({v.areaCode, "miskin", "2017", std::round(v.value * 1.07), v.source, v.importedAt});
    ds.indicators.insert(ds.indicators.end(), earlier.begin(), earlier.end());
    gis::PlacementOptions place;
    place.kind = "PUSKESSOS";
    place.count = 3;
    place.radiusKm = 5.0;
    (void)gis::savePlacementRun(ds, gis::placeFacilities(ds, place), "2026-12-01T14:05:00Z");
    const gis::PlacementRun& run = ds.programs.back();
    const gis::AnalysisTable table = gis::analyzeVillages(ds, "2018");

    // Independently of the findings code: straight from the dataset's values, areas and facilities.
    std::map<std::string, double> poor2018, poor2017;
    for (const auto& v : ds.indicators)
        if (v.key == "miskin")
            (v.period == "2018" ? poor2018 : poor2017)[v.areaCode] += v.value;
    double total = 0.0, totalBefore = 0.0, beyond = 0.0;
    std::map<std::string, double> byKecamatan;
    std::set<std::string> withBumdes;
    for (const auto& f : ds.facilities)
        if (f.kind == "BUMDES")
            withBumdes.insert(f.areaCode);
    int villages = 0, withoutBumdes = 0;
    for (const gis::Area* a : ds.villages()) {
        ++villages;
        total += poor2018[a->code];
        totalBefore += poor2017[a->code];
        byKecamatan[ds.findArea(a->parentCode)->name] += poor2018[a->code];
        withoutBumdes += withBumdes.count(a->code) ? 0 : 1;
        double nearest = std::numeric_limits<double>::infinity();
        for (const auto& f : ds.facilities)
            if (f.kind == "PUSKESSOS")
                nearest = std::min(nearest, gis::geodesicDistanceM(ds.surfacePoint(*a), f.location) / 1000.0);
        if (nearest > 5.0)
            beyond += poor2018[a->code];
    }
    EXPECT_EQ(total, 73770.0) << "the Rakor 2019 figure";
    EXPECT_EQ(villages, 302);
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [name, p] : byKecamatan)
        ranked.push_back({-p, name});
    std::sort(ranked.begin(), ranked.end());

    const auto dir = testutil::tempDir("layers_findings");
    const auto pdf = dir / "rakor.pdf";
    ReportOptions options;
    options.printedDate = "1 Desember 2026";
    const int pages = exportReport(ds, table, options, pdf.string());
    EXPECT_EQ(pages, 8) << "findings, their table, 4 report pages, 2 run pages, no comparison (one run)";
    const std::string first = pagesText(pdf, 1, 1);
    const std::string rest = pagesText(pdf, 2, pages);
    auto n = [](double v) { return formatNumber(v, 0); };
    const std::vector<std::string> expected = {
        "Pada periode 2018 tercatat " + n(total) + " penduduk miskin di " + n(villages) + " pekon/kelurahan.",
        "Penduduk miskin terbanyak ada di Kecamatan " + ranked[0].second + " (" + n(-ranked[0].first) + " jiwa), "
            + ranked[1].second + " (" + n(-ranked[1].first) + " jiwa) dan " + ranked[2].second + " ("
            + n(-ranked[2].first) + " jiwa).",
        n(withoutBumdes) + " dari " + n(villages) + " pekon/kelurahan belum memiliki BUMDES.",
        n(beyond) + " penduduk miskin tinggal lebih dari 5 km dari Puskessos terdekat.",
        "Usulan 3 Puskessos baru (cakupan maksimal, jangkauan 5 km) menambah "
            + n(*run.coveredAfter - *run.coveredBefore) + " penduduk miskin yang terjangkau: dari "
            + n(*run.coveredBefore) + " menjadi " + n(*run.coveredAfter) + " dari total " + n(run.totalDemand) + ".",
        "Dibandingkan periode 2017, penduduk miskin turun " + n(totalBefore - total) + " jiwa, dari " + n(totalBefore)
            + " menjadi " + n(total) + ".",
    };
    for (const std::string& sentence : expected) {
        EXPECT_THAT(first, HasSubstr(sentence));
        for (const std::string& figure : numbersIn(sentence))
            EXPECT_THAT(rest, HasSubstr(figure)) << "'" << figure << "' of \"" << sentence << "\" is in a table after";
    }
    EXPECT_THAT(first, HasSubstr("Temuan Utama"));
    const std::string all = first + rest;
    EXPECT_THAT(all, HasSubstr("cakupan maksimal"));
    EXPECT_THAT(all, Not(HasSubstr("MCLP")));
    EXPECT_THAT(all, Not(HasSubstr("2026-12-01T"))) << "dates as 1 Desember 2026";
    EXPECT_THAT(all, HasSubstr("1 Desember 2026"));
}
