// Published outputs of DTSEN/DTKS data through sasaran-cli: small counts as "<5" on the atlas
// and meeting-pack pages, the extract named in the sources line, the export log of every
// output, the record tiers (anonymised, by-name) and a search of every file written for every
// NIK, KK number, name and address of the extract.
#include "cliutil.h"
#include "gis/demo.h"
#include "gis/exportlog.h"
#include "gis/project.h"
#include "testutil.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using testutil::runCli;
namespace fs = std::filesystem;

namespace {

struct Person {
    std::string nik, kk, name, address;
};

/// A records extract of three pekon: 12 people in the first (desil 1 and 2), 3 in the second
/// (desil 1), 1 in the third (desil 4), each with a NIK, a KK number, a name and an address.
struct Extract {
    std::vector<std::string> codes; ///< the three pekon
    std::vector<Person> people;
    fs::path path;
};

Extract writeExtract(const fs::path& dir)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const auto villages = ds.villages();
    Extract e;
    e.codes = {villages[0]->code, villages[1]->code, villages[2]->code};
    e.path = dir / "dtsen_tanggamus_2025.csv";
    std::string csv = "nik;no_kk;nama;alamat;kode_desa;desil;status;jumlah_art\n";
    const int perPekon[] = {12, 3, 1};
    const int desilOf[] = {1, 1, 4};
    int n = 0;
    for (int p = 0; p < 3; ++p)
        for (int i = 0; i < perPekon[p]; ++i, ++n) {
            Person person{fmt::format("18062077{:08d}", 100 + n), fmt::format("18069911{:08d}", 500 + n / 2),
                          fmt::format("Rahasiawan{}", static_cast<char>('A' + n)),
                          fmt::format("Jl. Tersembunyi No. {}", 70 + n)};
            const int desil = p == 0 ? 1 + i % 2 : desilOf[p];
            csv += fmt::format("{};{};{};{};{};{};{};{}\n", person.nik, person.kk, person.name, person.address,
                               e.codes[p], desil, i % 3 == 0 ? "Miskin" : "Rentan Miskin", 3 + i % 2);
            e.people.push_back(person);
        }
    testutil::writeFile(e.path, csv);
    return e;
}

std::string run(const std::string& cmd)
{
    std::string text;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buffer[4096];
        while (std::size_t n = fread(buffer, 1, sizeof buffer, p))
            text.append(buffer, n);
        pclose(p);
    }
    return text;
}

/// What a reader of \a file sees: PDF text, the XML of an XLSX, the SQL dump of a GPKG or
/// project, else the bytes.
std::string readable(const fs::path& file)
{
    const std::string ext = file.extension().string();
    if (ext == ".pdf")
        return testutil::pdfText(file);
    if (ext == ".xlsx")
        return run("unzip -p '" + file.string() + "'");
    if (ext == ".gpkg" || ext == ".sqlite")
        return run("sqlite3 '" + file.string() + "' .dump");
    return testutil::readFile(file);
}

bool haveTools()
{
    return testutil::havePoppler() && std::system("which unzip sqlite3 >/dev/null 2>&1") == 0;
}

/// Imports the extract as period 2025-S1 into a fresh copy of the example.
std::string projectWithExtract(const fs::path& dir, const Extract& e, const std::string& period = "2025-S1")
{
    const std::string project = (dir / "p.sasaran.sqlite").string();
    gis::saveProject(gis::buildDefaultDataset(), project);
    const auto r = runCli({"import", "records", project, e.path.string(), "--period", period});
    EXPECT_EQ(r.code, 0) << r.err << r.out;
    return project;
}

} // namespace

TEST(OutputsCli, AtlasTablesWriteSmallDtsenCountsAsLessThanFiveAndNameTheExtract)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext not installed";
    const auto dir = testutil::tempDir("outputs_atlas");
    const Extract e = writeExtract(dir);
    const std::string project = projectWithExtract(dir, e);

    const auto atlas = dir / "atlas.pdf";
    auto r = runCli({"atlas", project, "--indicator", "dtsen_jiwa", "--period", "2025-S1", "--preset", "email",
                     "--out", atlas.string()});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("TERBATAS"), std::string::npos) << r.out;
    const std::string text = testutil::pdfText(atlas);
    EXPECT_NE(text.find("Jumlah jiwa DTSEN"), std::string::npos) << "the count's column in the tables";
    EXPECT_NE(text.find("<5"), std::string::npos) << "3 and 1 people are written <5";
    EXPECT_NE(text.find("12"), std::string::npos);
    EXPECT_NE(text.find("ditulis \"<5\""), std::string::npos) << "the note under the tables";
    EXPECT_NE(text.find("dtsen_tanggamus_2025.csv"), std::string::npos) << "the sources line names the extract";
    EXPECT_NE(text.find("periode 2025-S1"), std::string::npos);
    EXPECT_EQ(text.find("Indikator: Ilustrasi"), std::string::npos)
        << "the illustrative indicator source is not credited for DTSEN values";
    EXPECT_NE(text.find("TERBATAS"), std::string::npos);

    // threshold 0: the counts are printed as they are
    const auto all = dir / "atlas_semua.pdf";
    r = runCli({"atlas", project, "--indicator", "dtsen_jiwa", "--period", "2025-S1", "--preset", "email",
                "--small-count-threshold", "0", "--out", all.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(testutil::pdfText(all).find("<5"), std::string::npos);
}

TEST(OutputsCli, MapAndMeetingPackOfDtsenValuesSayTerbatasAndSuppressSmallCounts)
{
    if (!testutil::havePoppler())
        GTEST_SKIP() << "pdftotext not installed";
    const auto dir = testutil::tempDir("outputs_map_report");
    const Extract e = writeExtract(dir);
    // the period of the example, so that the pack finds its other figures
    const std::string project = projectWithExtract(dir, e, "2018");

    const auto map = dir / "peta.pdf";
    auto r = runCli({"map", project, "--indicator", "dtsen_jiwa", "--period", "2018", "--out", map.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(": 2 nilai"), std::string::npos) << "3 and 1 people drawn as no data: " << r.out;
    std::string text = testutil::pdfText(map);
    EXPECT_NE(text.find("TERBATAS"), std::string::npos);
    EXPECT_NE(text.find("dtsen_tanggamus_2025.csv"), std::string::npos) << text;
    r = runCli({"map", project, "--indicator", "dtsen_jiwa", "--period", "2018", "--small-count-threshold", "1",
                "--out", (dir / "semua.png").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("TIDAK disembunyikan"), std::string::npos) << r.out;

    // a scheme weighing the DTSEN count: the pack's top table prints it, small ones as <5
    const auto scheme = dir / "skema.json";
    testutil::writeFile(scheme, R"({"name": "uji DTSEN", "missing": "exclude_village", "indicators": [
        {"key": "dtsen_jiwa", "direction": "higher_is_worse", "normalisation": "minmax", "weight": 1}]})");
    const auto pack = dir / "rakor.pdf";
    r = runCli({"report", project, "--scheme", scheme.string(), "--top", "5", "--out",
                pack.string()});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("TERBATAS"), std::string::npos) << r.out;
    text = testutil::pdfText(pack);
    EXPECT_NE(text.find("ditulis \"<5\""), std::string::npos) << "the note under the top table";
    EXPECT_NE(text.find("<5"), std::string::npos);
    EXPECT_NE(text.find("TERBATAS"), std::string::npos);
    EXPECT_NE(text.find("dtsen_tanggamus_2025.csv"), std::string::npos) << "the priority map's sources";
}

TEST(OutputsCli, EveryOutputIsRecordedInTheExportLog)
{
    const auto dir = testutil::tempDir("outputs_log");
    const Extract e = writeExtract(dir);
    const std::string project = projectWithExtract(dir, e);
    ASSERT_EQ(runCli({"export", project, "--period", "2025-S1", "--out", (dir / "desa.gpkg").string()}).code, 0);
    ASSERT_EQ(runCli({"export", project, "--period", "2018", "--out", (dir / "biasa.geojson").string()}).code, 0);
    ASSERT_EQ(runCli({"map", project, "--out", (dir / "peta.png").string(), "--width", "800", "--height", "600"}).code,
              0);
    ASSERT_EQ(runCli({"report", project, "--preset", "email", "--out", (dir / "rakor.pdf").string()}).code, 0);
    ASSERT_EQ(runCli({"export-records", e.path.string(), "--project", project, "--out", (dir / "anonim.csv").string()})
                  .code,
              0);
    const auto log = gis::readExportLog(project);
    ASSERT_EQ(log.size(), 5u);
    EXPECT_EQ(log[0].what, "export");
    EXPECT_EQ(log[0].path, fs::absolute(dir / "desa.gpkg").lexically_normal().string());
    EXPECT_TRUE(log[0].personalData) << "2025-S1 holds the DTSEN counts";
    EXPECT_FALSE(log[1].personalData) << "2018 holds none";
    EXPECT_EQ(log[2].what, "map");
    EXPECT_FALSE(log[2].personalData);
    EXPECT_EQ(log[3].what, "report");
    EXPECT_EQ(log[4].what, "export-records");
    EXPECT_EQ(log[4].tier, "anonymised");
    EXPECT_TRUE(log[4].personalData);
    for (const auto& entry : log)
        EXPECT_EQ(entry.tier == "aggregate", entry.what != "export-records") << entry.what;

    const auto r = runCli({"log", project});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("5 entries"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("export-records  anonymised"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("anonim.csv"), std::string::npos);

    // the embedded example has no project to log to: said, not an error
    const auto d = runCli({"export", ":default", "--out", (dir / "contoh.csv").string()});
    EXPECT_EQ(d.code, 0) << d.err;
    EXPECT_NE(d.out.find("export log:  not kept"), std::string::npos) << d.out;
}

TEST(OutputsCli, AnonymisedTierKeepsPekonDesilAndStatusOnlyAndRefusesPersonalColumns)
{
    const auto dir = testutil::tempDir("outputs_anonymised");
    const Extract e = writeExtract(dir);
    const std::string project = projectWithExtract(dir, e);
    const auto out = dir / "anonim.csv";
    auto r = runCli({"export-records", e.path.string(), "--project", project, "--keep", "jumlah_art", "--out",
                     out.string()});
    ASSERT_EQ(r.code, 0) << r.err << r.out;
    EXPECT_NE(r.out.find("16 read, 16 written, 0 without a pekon"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("warning"), std::string::npos);
    const std::string text = testutil::readFile(out);
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "\"kode\",\"pekon\",\"kode_kec\",\"kecamatan\",\"desil\",\"status\",\"jumlah_art\"");
    std::map<std::string, int> rowsOf, desil1Of;
    std::set<std::string> statuses;
    while (std::getline(lines, line)) {
        const auto cells = testutil::splitCsvLine(line);
        ASSERT_EQ(cells.size(), 7u) << line;
        rowsOf[cells[0]]++;
        desil1Of[cells[0]] += cells[4] == "1";
        statuses.insert(cells[5]);
    }
    EXPECT_EQ(rowsOf[e.codes[0]], 12);
    EXPECT_EQ(rowsOf[e.codes[1]], 3);
    EXPECT_EQ(rowsOf[e.codes[2]], 1);
    EXPECT_EQ(desil1Of[e.codes[0]], 6);
    EXPECT_EQ(desil1Of[e.codes[1]], 3);
    EXPECT_EQ(statuses, (std::set<std::string>{"miskin", "rentan_miskin"}));
    for (const Person& p : e.people)
        for (const std::string& secret : {p.nik, p.kk, p.name, p.address})
            EXPECT_EQ(text.find(secret), std::string::npos) << secret;
    EXPECT_TRUE(fs::exists(dir / "anonim.TERBATAS.txt"));

    // filters: desil 1 of the first pekon only
    r = runCli({"export-records", e.path.string(), "--project", project, "--desil", "1", "--area", e.codes[0],
                "--out", (dir / "d1.csv").string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("16 read, 6 written, 0 without a pekon of the project (not written), 10 left out"),
              std::string::npos)
        << r.out;

    // columns that identify a person are refused, by header or by content
    for (const char* column : {"nama", "no_kk", "nik", "alamat"}) {
        r = runCli({"export-records", e.path.string(), "--project", project, "--keep", column, "--out",
                    (dir / "tolak.csv").string()});
        EXPECT_EQ(r.code, 3) << column << r.out;
        EXPECT_NE(r.err.find("personal data"), std::string::npos) << r.err;
        EXPECT_FALSE(fs::exists(dir / "tolak.csv"));
    }
    const auto shifted = dir / "geser.csv";
    testutil::writeFile(shifted, "kode_desa;desil;catatan\n" + e.codes[0] + ";1;" + e.people[0].nik + "\n");
    r = runCli({"export-records", shifted.string(), "--project", project, "--keep", "catatan", "--out",
                (dir / "tolak.csv").string()});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("16-digit number in row 2"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(e.people[0].nik), std::string::npos) << "the cell itself is not echoed";
}

TEST(OutputsCli, ByNameTierNeedsItsConfirmationAndALocalFileOutsideTheProject)
{
    const auto dir = testutil::tempDir("outputs_byname");
    const Extract e = writeExtract(dir);
    const std::string project = projectWithExtract(dir, e);
    const auto out = dir / "verifikasi.csv";
    auto r = runCli({"export-records", e.path.string(), "--project", project, "--tier", "by-name", "--out",
                     out.string()});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--confirm-personal-data"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
    for (const std::string& bad : {project, std::string("postgresql://u@h/db?project=p"), std::string("//server/share/x.csv")}) {
        r = runCli({"export-records", e.path.string(), "--project", project, "--tier", "by-name",
                    "--confirm-personal-data", "--out", bad});
        EXPECT_NE(r.code, 0) << bad;
        EXPECT_FALSE(r.err.empty());
        EXPECT_EQ(r.out.find("wrote records"), std::string::npos) << r.out;
    }
    EXPECT_EQ(gis::loadProject(project).villages().size(), 302u) << "the project is intact";

    r = runCli({"export-records", e.path.string(), "--project", project, "--tier", "by-name",
                "--confirm-personal-data", "--out", out.string()});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("holds names, NIK and addresses of 16 people"), std::string::npos) << r.err;
    const std::string text = testutil::readFile(out);
    EXPECT_NE(text.find(e.people[5].name), std::string::npos);
    EXPECT_NE(text.find(e.people[5].nik), std::string::npos);
    EXPECT_NE(text.find("\"kode_sasaran\",\"pekon_sasaran\",\"nik\""), std::string::npos);
    EXPECT_NE(testutil::readFile(dir / "verifikasi.TERBATAS.txt").find("BY NAME BY ADDRESS"), std::string::npos);
    const auto log = gis::readExportLog(project);
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log.back().tier, "by-name");
    for (const Person& p : e.people)
        EXPECT_EQ(readable(project).find(p.nik), std::string::npos) << "the log holds no personal data";
}

TEST(OutputsCli, NoNikKkNameOrAddressInAnyAggregateOrAnonymisedOutput)
{
    if (!haveTools())
        GTEST_SKIP() << "pdftotext, unzip or sqlite3 not installed: the outputs cannot be read back";
    const auto dir = testutil::tempDir("outputs_search");
    const Extract e = writeExtract(dir);
    const std::string project = projectWithExtract(dir, e);
    std::vector<fs::path> written = {dir / "p.sasaran.sqlite", dir / "dtsen_tanggamus_2025.match.csv"};
    std::string printed;
    auto cli = [&](std::vector<std::string> args, const fs::path& out) {
        args.push_back("--out");
        args.push_back(out.string());
        const auto r = runCli(args);
        EXPECT_EQ(r.code, 0) << r.err << r.out;
        printed += r.out + r.err;
        written.push_back(out);
    };
    for (const char* name : {"desa.gpkg", "desa.xlsx", "desa.csv", "desa.shp", "desa.geojson"})
        cli({"export", project, "--period", "2025-S1"}, dir / name);
    written.push_back(dir / "desa.dbf");
    written.push_back(dir / "desa.TERBATAS.txt");
    cli({"map", project, "--indicator", "dtsen_desil_1", "--period", "2025-S1", "--labels", "all"}, dir / "peta.pdf");
    cli({"map", project, "--indicator", "dtsen_kk", "--period", "2025-S1"}, dir / "peta.svg");
    cli({"atlas", project, "--indicator", "dtsen_jiwa", "--period", "2025-S1", "--preset", "email"}, dir / "atlas.pdf");
    cli({"report", project, "--preset", "email"}, dir / "rakor.pdf");
    cli({"analyze", project}, dir / "analisis.csv");
    cli({"export-records", e.path.string(), "--project", project, "--keep", "jumlah_art"}, dir / "anonim.csv");
    const auto logged = runCli({"log", project});
    printed += logged.out + logged.err;
    for (const fs::path& file : written) {
        ASSERT_TRUE(fs::exists(file)) << file;
        const std::string text = readable(file);
        EXPECT_GT(text.size(), 20u) << file << " was read back";
        for (const Person& p : e.people)
            for (const std::string& secret : {p.nik, p.kk, p.name, p.address})
                EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << file;
    }
    for (const Person& p : e.people)
        for (const std::string& secret : {p.nik, p.kk, p.name, p.address})
            EXPECT_EQ(printed.find(secret), std::string::npos) << secret << " printed";
    // the XLSX really is read: its sheet text holds a pekon name of the example
    EXPECT_NE(readable(dir / "desa.xlsx").find("TERBATAS"), std::string::npos);
}
