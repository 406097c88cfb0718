// The meeting pack's pages of the POKDARWIS ranking and the hotspot analyses: their findings
// sentences on hand-made results, and the printed pack of the Tanggamus example, where Moran's I,
// the high-high pekon and the best candidates are worked out again in the test and must be in
// the findings and in the pages after them.
#include "gis/demo.h"
#include "gis/hotspots.h"
#include "gis/pokdarwis.h"
#include "layers/meetingfindings.h"
#include "layers/meetingpack.h"
#include "layers/numberformat.h"
#include "testutil.h"

#include <QImage>
#include <QPainter>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>

using namespace layers;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

std::string pagesText(const std::filesystem::path& pdf, int first, int last)
{
    const auto txt = std::filesystem::path(pdf).replace_extension(".p" + std::to_string(first) + ".txt");
    const std::string command = "pdftotext -enc UTF-8 -f " + std::to_string(first) + " -l " + std::to_string(last)
        + " '" + pdf.string() + "' '" + txt.string() + "'";
    if (std::system(command.c_str()) != 0)
        return {};
    return std::regex_replace(testutil::readFile(txt), std::regex("\\s+"), " ");
}

gis::HotspotRow row(const std::string& kode, const std::string& kecamatan, gis::Cluster c)
{
    gis::HotspotRow r;
    r.kode = kode;
    r.nama = "P" + kode;
    r.kecamatan = kecamatan;
    r.cluster = c;
    return r;
}

} // namespace

TEST(MeetingPackAnalyses, HotspotFindingsSayWhetherTheIndicatorClustersAndWhere)
{
    gis::Dataset ds; // no indicator info needed: the key is its own label
    gis::HotspotResult r;
    r.key = "miskin";
    r.period = "2018";
    r.global.i = 0.4123;
    r.global.pValue = 0.001;
    r.global.permutations = 999;
    r.rows = {row("1", "Beta", gis::Cluster::HighHigh), row("2", "Alpha", gis::Cluster::HighHigh),
              row("3", "Beta", gis::Cluster::HighHigh), row("4", "Alpha", gis::Cluster::LowLow),
              row("5", "Alpha", gis::Cluster::NotSignificant)};
    const HotspotFigures h = hotspotFigures(ds, r);
    EXPECT_EQ(h.highHigh, 3);
    EXPECT_EQ(h.lowLow, 1);
    EXPECT_EQ(h.mostHighHighKecamatan, "Beta");
    EXPECT_EQ(h.mostHighHighCount, 2);
    MeetingFigures f;
    f.period = "2018";
    f.hotspots = {h};
    const std::vector<std::string> sentences = meetingFindings(f);
    EXPECT_EQ(sentences.back(), "Miskin mengelompok secara spasial (Moran's I 0,412; p = 0,001, 999 permutasi): 3 "
                                "pekon membentuk kantong tinggi-tinggi, terbanyak di Kecamatan Beta (2 pekon).");

    f.hotspots.front().pValue = 0.21; // above alpha 0.05
    f.hotspots.front().highHigh = 0;
    EXPECT_EQ(meetingFindings(f).back(), "Miskin tidak menunjukkan pengelompokan spasial yang bermakna (Moran's I "
                                         "0,412; p = 0,210, 999 permutasi); tidak ada pekon dalam klaster tinggi-tinggi.");
}

TEST(MeetingPackAnalyses, PokdarwisFindingsNameTheBestThreeInRankOrder)
{
    gis::PokdarwisResult r;
    auto candidate = [](const std::string& name, const std::string& kec, int rank, double score, bool group) {
        gis::PokdarwisResult::Row row;
        row.name = name;
        row.kecamatan = kec;
        row.rank = rank;
        row.score = score;
        row.hasGroup = group;
        return row;
    };
    r.rows = {candidate("Dua", "A", 2, 70.04, false), candidate("Lima", "B", 0, std::nan(""), true),
              candidate("Satu", "B", 1, 88.26, false), candidate("Empat", "A", 4, 10.0, false),
              candidate("Tiga", "A", 3, 55.55, false)};
    const PokdarwisFigures p = pokdarwisFigures(r);
    EXPECT_EQ(p.ranked, 4);
    EXPECT_EQ(p.withGroup, 1);
    MeetingFigures f;
    f.pokdarwis = p;
    EXPECT_EQ(meetingFindings(f).back(),
              "Calon POKDARWIS terbaik: Satu (Kecamatan B, skor 88,3), Dua (Kecamatan A, skor 70,0) dan Tiga "
              "(Kecamatan A, skor 55,5); 4 pekon dinilai, 1 sudah memiliki POKDARWIS.");
}

TEST(MeetingPackAnalyses, ThePackCarriesTheClusterAndCandidatePagesWithTraceableFigures)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) not installed: the pack is not read back";
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds, "2018");
    gis::HotspotOptions ho;
    ho.period = "2018";
    ho.permutations = 199;
    const gis::HotspotResult hotspots = gis::analyzeHotspots(ds, "poverty_rate", ho);
    const gis::PokdarwisResult pokdarwis = gis::rankPokdarwisSites(ds, {});

    // Moran's I again, by its formula on the same queen weights (row-standardised, S0 = n).
    std::vector<gis::MultiPolygon> polygons;
    std::vector<double> values;
    const std::map<std::string, double> rate = gis::hotspotValues(ds, "poverty_rate", "2018");
    for (const gis::Area* a : ds.villages()) {
        polygons.push_back(a->geometry);
        const auto v = rate.find(a->code);
        values.push_back(v == rate.end() ? std::nan("") : v->second);
    }
    const gis::StatisticSubset subset = gis::statisticSubset(values, gis::queenContiguity(polygons, ho.toleranceM));
    double mean = 0.0;
    for (std::size_t m : subset.members)
        mean += values[m] / static_cast<double>(subset.members.size());
    double cross = 0.0, squares = 0.0;
    for (std::size_t i = 0; i < subset.members.size(); ++i) {
        const double zi = values[subset.members[i]] - mean;
        squares += zi * zi;
        for (std::size_t k = 0; k < subset.weights.neighbours[i].size(); ++k)
            cross += subset.weights.weights[i][k] * zi * (values[subset.members[subset.weights.neighbours[i][k]]] - mean);
    }
    const double moranI = cross / squares;
    EXPECT_NEAR(hotspots.global.i, moranI, 1e-9);
    // The high-high pekon by kecamatan, from the result's rows.
    std::map<std::string, int> highHigh;
    int highHighTotal = 0;
    for (const gis::HotspotRow& r : hotspots.rows)
        if (r.cluster == gis::Cluster::HighHigh) {
            ++highHigh[r.kecamatan];
            ++highHighTotal;
        }
    ASSERT_GT(highHighTotal, 0) << "the example has pockets of poverty";
    const auto most = std::max_element(highHigh.begin(), highHigh.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    // The best candidates, by score.
    std::vector<const gis::PokdarwisResult::Row*> best;
    for (const auto& r : pokdarwis.rows)
        if (std::isfinite(r.score))
            best.push_back(&r);
    std::sort(best.begin(), best.end(), [](const auto* a, const auto* b) { return a->score > b->score; });
    ASSERT_GE(best.size(), 3u);

    const auto dir = testutil::tempDir("layers_pack_analyses");
    const auto pdf = dir / "rakor.pdf";
    ReportOptions options;
    options.printedDate = "1 Desember 2026";
    options.topN = 10;
    options.hotspots = {hotspots};
    options.pokdarwis = pokdarwis;
    const int pages = exportReport(ds, table, options, pdf.string());
    EXPECT_EQ(pages, 10) << "findings, their table, 4 report pages, 2 cluster pages, 2 POKDARWIS pages";
    const std::string first = pagesText(pdf, 1, 1);
    const std::string clusters = pagesText(pdf, 7, 8);
    const std::string candidates = pagesText(pdf, 9, 10);

    const std::string i3 = formatNumber(moranI, 3), p3 = formatNumber(hotspots.global.pValue, 3);
    EXPECT_THAT(first, HasSubstr("Tingkat kemiskinan mengelompok secara spasial (Moran's I " + i3 + "; p = " + p3
                                 + ", 199 permutasi): " + std::to_string(highHighTotal)
                                 + " pekon membentuk kantong tinggi-tinggi, terbanyak di Kecamatan " + most->first
                                 + " (" + std::to_string(most->second) + " pekon)."));
    EXPECT_THAT(clusters, HasSubstr("Moran's I global " + i3));
    EXPECT_THAT(clusters, HasSubstr("p = " + p3));
    EXPECT_THAT(clusters, HasSubstr("Pekon dalam klaster tinggi-tinggi (" + std::to_string(highHighTotal) + ")"));
    EXPECT_THAT(clusters, HasSubstr("Klaster LISA tingkat kemiskinan"));
    for (const gis::HotspotRow& r : hotspots.rows) {
        if (r.cluster == gis::Cluster::HighHigh) {
            EXPECT_THAT(clusters, HasSubstr(r.kode)) << "every high-high pekon is listed";
        }
    }

    std::string sentence = "Calon POKDARWIS terbaik: ";
    for (int i = 0; i < 3; ++i)
        sentence += std::string(i == 0 ? "" : i == 1 ? ", " : " dan ") + best[i]->name + " (Kecamatan "
            + best[i]->kecamatan + ", skor " + formatNumber(best[i]->score, 1) + ")";
    EXPECT_THAT(first, HasSubstr(sentence));
    EXPECT_THAT(candidates, HasSubstr("Calon POKDARWIS Teratas"));
    for (int i = 0; i < 3; ++i) {
        EXPECT_THAT(candidates, HasSubstr(best[i]->code));
        EXPECT_THAT(candidates, HasSubstr(formatNumber(best[i]->score, 1)));
    }
    EXPECT_THAT(first, HasSubstr("di halaman klaster, di halaman calon POKDARWIS"));
}

TEST(MeetingPackAnalyses, AProjectWithoutFacilitiesGetsItsPackAndAtlasWithoutTheScore)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) not installed: the pack is not read back";
    gis::Dataset ds = gis::buildDefaultDataset();
    ds.facilities.clear(); // a city whose facilities are not imported yet
    const gis::AnalysisTable table = gis::analyzeVillages(ds, "2018");
    const std::size_t score = table.column("priority_score");
    ASSERT_TRUE(std::none_of(table.rows.begin(), table.rows.end(),
                             [score](const auto& r) { return std::isfinite(r.values[score]); }))
        << "no village can be scored without the distances to facilities";
    // the pekon with the highest poverty rate, worked out from the table
    const std::size_t rate = table.column("poverty_rate");
    const auto highest = std::max_element(table.rows.begin(), table.rows.end(), [rate](const auto& a, const auto& b) {
        return a.values[rate] < b.values[rate];
    });

    const auto dir = testutil::tempDir("layers_pack_unscored");
    ReportOptions options;
    options.printedDate = "1 Desember 2026";
    const auto pdf = dir / "rakor.pdf";
    const int pages = exportReport(ds, table, options, pdf.string());
    EXPECT_EQ(pages, 6) << "findings, their table and the 4 report pages";
    const std::string text = pagesText(pdf, 1, pages);
    EXPECT_THAT(text, HasSubstr("Skor prioritas belum dapat dihitung: tidak ada pekon yang memiliki nilai"));
    EXPECT_THAT(text, HasSubstr("Halaman ini menampilkan tingkat kemiskinan."));
    EXPECT_THAT(text, HasSubstr("Pekon dengan Tingkat Kemiskinan Tertinggi (30)"));
    EXPECT_THAT(text, HasSubstr(highest->kode)) << "the poorest pekon heads the table";
    EXPECT_THAT(text, HasSubstr("Belum ada Puskessos")) << "the findings say so";

    AtlasOptions atlas;
    const auto atlasPdf = dir / "atlas.pdf";
    const int atlasPages = exportAtlas(ds, table, atlas, atlasPdf.string());
    EXPECT_GT(atlasPages, 1);
    EXPECT_THAT(pagesText(atlasPdf, 1, 1), HasSubstr("Skor prioritas belum dapat dihitung"));
}

TEST(MeetingPackAnalyses, TheLegendListsTheProposedSitesWithTheNumberedDisc)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    ThematicMapSpec spec;
    spec.period = "2018";
    spec.proposedKind = "PUSKESSOS";
    const std::vector<const gis::Area*> villages = ds.villages();
    for (int rank = 1; rank <= 3; ++rank) {
        const gis::Area* a = villages[static_cast<std::size_t>(rank * 40)];
        spec.proposedSites.push_back({rank, a->code, a->name, ds.surfacePoint(*a)});
    }
    const QColor disc(0x08, 0x51, 0x9c);
    // the disc's blue outside the map frame: in the legend only
    auto legendDiscPixels = [&](const ThematicMapSpec& s) {
        const ThematicMap map(ds, s);
        QImage image(1600, 1130, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        const PageResult page = map.renderPage(painter, QRectF(0, 0, 1600, 1130), 140.0);
        painter.end();
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (!page.framePx.contains(QPointF(x, y)) && image.pixelColor(x, y) == disc)
                    ++n;
        return n;
    };
    EXPECT_GT(legendDiscPixels(spec), 10) << "the legend draws the numbered disc";
    ThematicMapSpec without = spec;
    without.proposedSites.clear();
    EXPECT_EQ(legendDiscPixels(without), 0);

    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) not installed: the legend text is not read back";
    const auto pdf = testutil::tempDir("layers_proposal_legend") / "usulan.pdf";
    exportMap(ds, spec, pdf.string());
    EXPECT_THAT(pagesText(pdf, 1, 1), HasSubstr("Usulan lokasi baru (3)"));
}
