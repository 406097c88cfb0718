// Issue 15, item 1: a hostile-input corpus, generated here (no binary file is committed). Each
// case writes one broken, huge or odd input, runs the real sasaran-cli on it in a child process
// (so a crash or hang is seen, not suffered) and checks the outcome:
//   Refuse  - exit code 3 (input error) or 1 (failed) with a message naming the file (and the
//             row, feature or area where the case says so);
//   Repair  - exit 0 with the documented repair said in the output (a "repaired:", "warning:" or
//             similar line);
//   Accept  - valid input that used to be misread: exit 0 and the values checked in the project.
// Always a failure: a signal, a sanitizer report, a timeout, an unexpected exit code, a library's
// raw text (bad_alloc, json.exception, GEOS exception names) or an exit 0 that says nothing.
#include "gis/dataset.h"
#include "gis/demo.h"
#include "gis/geometryops.h"
#include "gis/project.h"
#include "testutil.h"

#include <cpl_vsi.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <limits>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

// The cases below name only the fields they need (designated order, the rest default).
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

struct ChildRun {
    int exitCode = -1; ///< -1 when killed by a signal
    int signal = 0;
    bool timedOut = false;
    std::string out, err;
};

/// Runs sasaran-cli with \a args in a child process, killing it after \a timeout.
ChildRun runChild(const std::vector<std::string>& args, const fs::path& dir, std::chrono::seconds timeout)
{
    const fs::path outFile = dir / "stdout.txt", errFile = dir / "stderr.txt";
    std::vector<std::string> argv{SASARAN_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargs;
    for (std::string& a : argv)
        cargs.push_back(a.data());
    cargs.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int o = open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(o, 1);
        dup2(e, 2);
        // A sanitizer report must not look like an ordinary failure (exit 1).
        const std::string asan = std::string("exitcode=86:") + (std::getenv("ASAN_OPTIONS") ? std::getenv("ASAN_OPTIONS") : "");
        const std::string ubsan = std::string("exitcode=86:") + (std::getenv("UBSAN_OPTIONS") ? std::getenv("UBSAN_OPTIONS") : "");
        setenv("ASAN_OPTIONS", asan.c_str(), 1);
        setenv("UBSAN_OPTIONS", ubsan.c_str(), 1);
        execv(cargs[0], cargs.data());
        _exit(127);
    }
    ChildRun r;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            r.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status))
        r.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        r.signal = WTERMSIG(status);
    r.out = testutil::readFile(outFile.string());
    r.err = testutil::readFile(errFile.string());
    return r;
}

enum class Expect { Refuse, Repair, Accept };

struct Case {
    std::string name;
    Expect expect = Expect::Refuse;
    /// Writes the input(s) into the folder and returns the command line.
    std::function<std::vector<std::string>(const fs::path& dir)> prepare;
    /// Refuse: texts the message must hold besides the file name; Repair: texts the output must hold.
    std::vector<std::string> mustSay;
    /// Accept (and Repair, optionally): checks the result; returns "" when right, else what is wrong.
    std::function<std::string(const fs::path& dir)> check;
    std::string fileNamed; ///< Refuse: the file the message must name ("" = the first FILE argument)
};

// ---------------------------------------------------------------- inputs

std::string demoProject(const fs::path& dir)
{
    static const gis::Dataset demo = gis::buildDefaultDataset();
    const fs::path p = dir / "p.sasaran.sqlite";
    gis::saveProject(demo, p.string());
    return p.string();
}

/// A GeoJSON FeatureCollection of features with kode/nama and the given geometry texts.
std::string featureCollection(const std::vector<std::pair<std::string, std::string>>& codeAndGeometry)
{
    std::string features;
    int n = 0;
    for (const auto& [code, geometry] : codeAndGeometry)
        features += fmt::format("{}{{\"type\":\"Feature\",\"properties\":{{\"kode\":\"{}\",\"nama\":\"Pekon {}\"}},"
                                "\"geometry\":{}}}",
                                features.empty() ? "" : ",\n", code, ++n, geometry);
    return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features + "]}\n";
}

std::string square(double x, double y, double size = 0.01)
{
    return fmt::format("{{\"type\":\"Polygon\",\"coordinates\":[[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]]}}",
                       x, y, x + size, y + size);
}

/// Two good pekon plus \a extra features: most cases break one feature among sound ones.
std::string withGoodPekon(const std::vector<std::pair<std::string, std::string>>& extra)
{
    std::vector<std::pair<std::string, std::string>> all{{"18.06.01.2001", square(104.60, -5.50)},
                                                         {"18.06.01.2002", square(104.62, -5.50)}};
    all.insert(all.end(), extra.begin(), extra.end());
    return featureCollection(all);
}

/// A shapefile of three square pekon written by GDAL; returns the .shp path.
fs::path writeShapefile(const fs::path& dir)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    const fs::path shp = dir / "batas.shp";
    GDALDatasetUniquePtr out(driver->Create(shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    OGRLayer* layer = out->CreateLayer("batas", &srs, wkbPolygon, nullptr);
    OGRFieldDefn code("kode", OFTString), name("nama", OFTString);
    layer->CreateField(&code);
    layer->CreateField(&name);
    for (int i = 0; i < 3; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, fmt::format("18.06.01.200{}", i + 1).c_str());
        f.SetField(1, fmt::format("Pekon {}", i + 1).c_str());
        OGRLinearRing ring;
        const double x = 104.6 + 0.02 * i, y = -5.5;
        for (const auto& [px, py] : std::vector<std::pair<double, double>>{
                 {x, y}, {x + 0.01, y}, {x + 0.01, y + 0.01}, {x, y + 0.01}, {x, y}})
            ring.addPoint(px, py);
        OGRPolygon poly;
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        [[maybe_unused]] const OGRErr written = layer->CreateFeature(&f);
    }
    return shp;
}

/// A GeoPackage of pekon squares with one vertex of the last feature replaced by (x, y).
fs::path writeGpkgWithVertex(const fs::path& dir, double x, double y)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    const fs::path file = dir / "batas.gpkg";
    GDALDatasetUniquePtr out(driver->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = out->CreateLayer("batas", &srs, wkbPolygon, nullptr);
    OGRFieldDefn code("kode", OFTString);
    layer->CreateField(&code);
    for (int i = 0; i < 3; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField(0, fmt::format("18.06.01.200{}", i + 1).c_str());
        OGRLinearRing ring;
        const double x0 = 104.6 + 0.02 * i, y0 = -5.5;
        ring.addPoint(x0, y0);
        ring.addPoint(x0 + 0.01, y0);
        if (i == 2)
            ring.addPoint(x, y);
        else
            ring.addPoint(x0 + 0.01, y0 + 0.01);
        ring.addPoint(x0, y0 + 0.01);
        ring.addPoint(x0, y0);
        OGRPolygon poly;
        poly.addRing(&ring);
        f.SetGeometry(&poly);
        [[maybe_unused]] const OGRErr written = layer->CreateFeature(&f);
    }
    return file;
}

/// A zip of \a members (name -> bytes); \a padding bytes of zeros appended to the member named
/// by \a padded (a zip bomb: deflated zeros take almost no room).
void writeZip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& members,
              const std::string& padded = {}, std::size_t padding = 0)
{
    for (const auto& [name, bytes] : members) {
        VSILFILE* out = VSIFOpenL(("/vsizip/" + path.string() + "/" + name).c_str(), "wb");
        ASSERT_NE(out, nullptr) << name;
        VSIFWriteL(bytes.data(), 1, bytes.size(), out);
        if (name == padded) {
            const std::string zeros(1 << 20, ' ');
            for (std::size_t done = 0; done < padding; done += zeros.size())
                VSIFWriteL(zeros.data(), 1, zeros.size(), out);
        }
        VSIFCloseL(out);
    }
}

/// An XLSX workbook of one sheet whose <sheetData> (and what follows it) is \a sheetXml.
void writeXlsx(const fs::path& path, const std::string& sheetXml, std::size_t padding = 0)
{
    const std::string types =
        R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
        R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
        R"(</Types>)";
    const std::string rels =
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
        R"(</Relationships>)";
    const std::string workbook =
        R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
        R"(<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    const std::string workbookRels =
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
        R"(</Relationships>)";
    const std::string sheet =
        R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        + sheetXml;
    writeZip(path,
             {{"[Content_Types].xml", types},
              {"_rels/.rels", rels},
              {"xl/workbook.xml", workbook},
              {"xl/_rels/workbook.xml.rels", workbookRels},
              {"xl/worksheets/sheet1.xml", sheet + (padding ? "" : "</worksheet>")}},
             padding ? "xl/worksheets/sheet1.xml" : "", padding);
}

std::string inlineCell(const std::string& ref, const std::string& text)
{
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

/// Overwrites the geometry BLOB of every row of \a table (the areas' by default) with \a damage
/// applied to the stored bytes.
void damageEveryBoundary(const std::string& project, const std::function<void(std::string&)>& damage,
                         const std::string& table = "wilayah")
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(project.c_str(), &db), SQLITE_OK);
    std::vector<std::pair<long long, std::string>> blobs;
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, ("SELECT rowid, geom FROM " + table + " WHERE geom IS NOT NULL").c_str(), -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
        blobs.push_back({sqlite3_column_int64(q, 0),
                         std::string(static_cast<const char*>(sqlite3_column_blob(q, 1)),
                                     static_cast<std::size_t>(sqlite3_column_bytes(q, 1)))});
    sqlite3_finalize(q);
    // Triggers of the spatial index would parse the new bytes: write them without.
    sqlite3_exec(db, "PRAGMA recursive_triggers=OFF", nullptr, nullptr, nullptr);
    std::vector<std::string> triggers;
    sqlite3_prepare_v2(db, ("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='" + table + "'").c_str(),
                       -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
        triggers.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    sqlite3_finalize(q);
    for (const std::string& t : triggers)
        sqlite3_exec(db, ("DROP TRIGGER \"" + t + "\"").c_str(), nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db, ("UPDATE " + table + " SET geom = ? WHERE rowid = ?").c_str(), -1, &q, nullptr);
    for (auto& [rowid, blob] : blobs) {
        damage(blob);
        sqlite3_bind_blob(q, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(q, 2, rowid);
        sqlite3_step(q);
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

double stored(const fs::path& dir, const std::string& code, const std::string& key, const std::string& period)
{
    return testutil::storedValue(gis::loadProject((dir / "p.sasaran.sqlite").string()), code, key, period);
}

// ---------------------------------------------------------------- the cases

std::vector<Case> boundaryCases()
{
    auto newFrom = [](const std::string& file) {
        return [file](const fs::path& dir) {
            return std::vector<std::string>{"new", (dir / "baru.sasaran.sqlite").string(), "--boundaries",
                                            (dir / file).string()};
        };
    };
    auto geojson = [newFrom](const std::string& text) {
        return [text, newFrom](const fs::path& dir) {
            testutil::writeFile(dir / "batas.geojson", text);
            return newFrom("batas.geojson")(dir);
        };
    };
    std::vector<Case> cases;
    cases.push_back({"shapefile with zero-byte .shp, .shx and .dbf", Expect::Refuse, [newFrom](const fs::path& dir) {
                         for (const char* ext : {".shp", ".shx", ".dbf"})
                             testutil::writeFile(dir / (std::string("batas") + ext), "");
                         return newFrom("batas.shp")(dir);
                     }});
    cases.push_back({"shapefile whose .shp is cut in half", Expect::Refuse, [newFrom](const fs::path& dir) {
                         const fs::path shp = writeShapefile(dir);
                         fs::resize_file(shp, fs::file_size(shp) / 2);
                         return newFrom("batas.shp")(dir);
                     }});
    cases.push_back({"shapefile with a zero-byte .dbf", Expect::Refuse, [newFrom](const fs::path& dir) {
                         const fs::path shp = writeShapefile(dir);
                         testutil::writeFile(dir / "batas.dbf", "");
                         return newFrom("batas.shp")(dir);
                     }});
    cases.push_back({"shapefile without its .shx", Expect::Refuse, [newFrom](const fs::path& dir) {
                         writeShapefile(dir);
                         fs::remove(dir / "batas.shx");
                         return newFrom("batas.shp")(dir);
                     }});
    cases.push_back({"GeoJSON whose features is an object, not an array", Expect::Refuse,
                     geojson("{\"type\":\"FeatureCollection\",\"features\":{\"type\":\"Feature\",\"properties\":"
                             "{\"kode\":\"18.06.01.2001\"},\"geometry\":"
                             + square(104.6, -5.5) + "}}")});
    cases.push_back({"GeoJSON polygon coordinates one level too shallow", Expect::Refuse,
                     geojson(featureCollection({{"18.06.01.2001", "{\"type\":\"Polygon\",\"coordinates\":[[104.6,-5.5],"
                                                                  "[104.61,-5.5],[104.61,-5.49],[104.6,-5.5]]}"}}))});
    cases.push_back({"GeoJSON truncated in the middle", Expect::Refuse,
                     geojson(withGoodPekon({}).substr(0, withGoodPekon({}).size() / 2))});
    cases.push_back({"huge coordinates (1e300)", Expect::Refuse,
                     geojson(withGoodPekon({{"18.06.01.2003", square(1e300, -5.5)}})), {"fid 2"}});
    cases.push_back({"latitude beyond 90", Expect::Refuse, geojson(withGoodPekon({{"18.06.01.2003", square(104.6, 95)}})),
                     {"fid 2"}});
    cases.push_back({"a NaN vertex", Expect::Refuse, [newFrom](const fs::path& dir) {
                         writeGpkgWithVertex(dir, std::nan(""), -5.49);
                         return newFrom("batas.gpkg")(dir);
                     }});
    cases.push_back({"an infinite vertex", Expect::Refuse, [newFrom](const fs::path& dir) {
                         writeGpkgWithVertex(dir, std::numeric_limits<double>::infinity(), -5.49);
                         return newFrom("batas.gpkg")(dir);
                     }});
    cases.push_back({"an unclosed ring", Expect::Repair,
                     geojson(withGoodPekon({{"18.06.01.2003", "{\"type\":\"Polygon\",\"coordinates\":[[[104.64,-5.5],"
                                                              "[104.65,-5.5],[104.65,-5.49],[104.64,-5.49]]]}"}})),
                     {"fid 2"}});
    cases.push_back({"a self-intersecting (bow-tie) ring", Expect::Repair,
                     geojson(withGoodPekon({{"18.06.01.2003", "{\"type\":\"Polygon\",\"coordinates\":[[[104.64,-5.5],"
                                                              "[104.65,-5.49],[104.65,-5.5],[104.64,-5.49],[104.64,-5.5]]]}"}})),
                     {"repaired:    1", "fid 2"}});
    cases.push_back({"an empty polygon", Expect::Repair,
                     geojson(withGoodPekon({{"18.06.01.2003", "{\"type\":\"Polygon\",\"coordinates\":[]}"}})),
                     {"18.06.01.2003"}});
    cases.push_back({"every polygon empty", Expect::Refuse,
                     geojson(featureCollection({{"18.06.01.2001", "{\"type\":\"Polygon\",\"coordinates\":[]}"},
                                                {"18.06.01.2002", "{\"type\":\"Polygon\",\"coordinates\":[[]]}"}}))});
    cases.push_back({"mixed geometry types (a point among polygons)", Expect::Repair,
                     geojson(withGoodPekon({{"18.06.01.2003", "{\"type\":\"Point\",\"coordinates\":[104.6,-5.5]}"}})),
                     {"warning: fid 2", "not a polygon"}});
    cases.push_back({"duplicate codes", Expect::Repair,
                     geojson(withGoodPekon({{"18.06.01.2001", square(104.60, -5.49)}})),
                     {"duplicates:  1", "18.06.01.2001"}});
    cases.push_back({"an unknown CRS in the .prj", Expect::Refuse, [newFrom](const fs::path& dir) {
                         writeShapefile(dir);
                         testutil::writeFile(dir / "batas.prj", "PROJCS[\"made up\",GEOGCS[\"x\"],UNIT[\"furlong\",201]]");
                         return newFrom("batas.shp")(dir);
                     }});
    cases.push_back({"an unknown CRS named in GeoJSON", Expect::Refuse,
                     geojson("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                             "\"urn:ogc:def:crs:EPSG::999999\"}},\"features\":[{\"type\":\"Feature\",\"properties\":"
                             "{\"kode\":\"18.06.01.2001\"},\"geometry\":"
                             + square(104.6, -5.5) + "}]}")});
    cases.push_back({"NUL bytes inside a GeoJSON name", Expect::Refuse,
                     geojson(std::string("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                                         "\"properties\":{\"kode\":\"18.06.01.2001\",\"nama\":\"Pe\0kon\"},\"geometry\":",
                                         120)
                             + square(104.6, -5.5) + "}]}")});
    return cases;
}

std::vector<Case> tableCases()
{
    auto importCsv = [](const std::string& bytes, const std::vector<std::string>& extra = {}) {
        return [bytes, extra](const fs::path& dir) {
            const std::string project = demoProject(dir);
            testutil::writeFile(dir / "tabel.csv", bytes);
            std::vector<std::string> args{"import", "table", project, (dir / "tabel.csv").string(), "--period", "2031",
                                          "--indicator", "miskin=miskin"};
            args.insert(args.end(), extra.begin(), extra.end());
            return args;
        };
    };
    auto importXlsx = [](const std::string& sheetXml, std::size_t padding = 0) {
        return [sheetXml, padding](const fs::path& dir) {
            const std::string project = demoProject(dir);
            writeXlsx(dir / "tabel.xlsx", sheetXml, padding);
            return std::vector<std::string>{"import", "table", project, (dir / "tabel.xlsx").string(), "--period",
                                            "2031", "--indicator", "miskin=miskin"};
        };
    };
    auto valueIs = [](const std::string& code, double expected) {
        return [code, expected](const fs::path& dir) -> std::string {
            const double v = stored(dir, code, "miskin", "2031");
            return v == expected ? "" : fmt::format("{} miskin 2031 is {}, not {}", code, v, expected);
        };
    };
    std::vector<Case> cases;
    cases.push_back({"a NUL byte inside a CSV cell", Expect::Refuse,
                     importCsv(std::string("kode,miskin\n18.06.20.2005,1\0" "2\n", 25)), {"nothing imported from ", "tabel.csv: "}, {}, "row"});
    cases.push_back({"a 100,000-character CSV cell", Expect::Refuse,
                     importCsv("kode,miskin\n18.06.20.2005," + std::string(100'000, '7') + "\n"), {"invalid values"}, {}, "row"});
    cases.push_back({"a 100,000-character pekon name", Expect::Refuse,
                     importCsv("nama_pekon,kecamatan,miskin\n" + std::string(100'000, 'x') + ",Pugung,4\n",
                               {"--name-field", "nama_pekon", "--kecamatan-field", "kecamatan"}),
                     {"0 of 1 data row"}, {}, "row"});
    cases.push_back({"a UTF-8 BOM before the header", Expect::Accept,
                     importCsv("\xEF\xBB\xBFkode,miskin\n18.06.20.2005,41\n"), {}, valueIs("18.06.20.2005", 41)});
    cases.push_back({"a Windows-1252 CSV", Expect::Accept,
                     importCsv("kode;keterangan;miskin\n18.06.20.2005;caf\xE9;42\n"), {},
                     valueIs("18.06.20.2005", 42)});
    cases.push_back({"duplicate codes in a table", Expect::Refuse,
                     importCsv("kode,miskin\n18.06.20.2005,1\n18.06.20.2005,2\n"), {"duplicate"}, {}, "row"});
    cases.push_back({"BPS 10-digit codes without a crosswalk", Expect::Refuse,
                     importCsv("kode,miskin\n1802010001,1\n1802010002,2\n1802010003,3\n"), {"BPS"}});
    cases.push_back({"XLSX with a merged title row above the header", Expect::Accept,
                     importXlsx("<sheetData><row r=\"1\">" + inlineCell("A1", "Tabel 3. Penduduk miskin")
                                + "</row><row r=\"2\">" + inlineCell("A2", "kode") + inlineCell("B2", "miskin")
                                + "</row><row r=\"3\">" + inlineCell("A3", "18.06.20.2005")
                                + "<c r=\"B3\"><v>43</v></c></row></sheetData>"
                                  "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>"),
                     {}, valueIs("18.06.20.2005", 43)});
    cases.push_back({"XLSX zip bomb (a sheet unpacking to 600 MB)", Expect::Refuse,
                     importXlsx("<sheetData><row r=\"1\">" + inlineCell("A1", "kode") + "</row>", 600u << 20),
                     {"MB"}});
    cases.push_back({"XLSX that is not a zip", Expect::Refuse, [](const fs::path& dir) {
                         const std::string project = demoProject(dir);
                         testutil::writeFile(dir / "tabel.xlsx", "kode,miskin\n18.06.20.2005,1\n");
                         return std::vector<std::string>{"import", "table", project, (dir / "tabel.xlsx").string(),
                                                         "--period", "2031", "--indicator", "miskin=miskin"};
                     }});
    return cases;
}

std::vector<Case> projectAndSettingsCases()
{
    auto damaged = [](const std::function<void(const std::string&)>& damage, const std::string& command) {
        return [damage, command](const fs::path& dir) {
            const std::string project = demoProject(dir);
            damage(project);
            if (command == "map")
                return std::vector<std::string>{"map", project, "--out", (dir / "peta.png").string()};
            return std::vector<std::string>{command, project};
        };
    };
    auto randomBlobs = [](const std::string& project) {
        std::mt19937 random(15);
        damageEveryBoundary(project, [&](std::string& blob) {
            for (char& c : blob)
                c = static_cast<char>(random());
        });
    };
    // Flips three bits in the ring count of the first polygon (offset 43 + 4 + 4: after the
    // header, the class, the polygon count, the entity mark and class... of a MultiPolygon BLOB).
    auto hugeRingCount = [](const std::string& project) {
        damageEveryBoundary(project, [](std::string& blob) {
            constexpr std::size_t kRingCount = 39 + 4 + 4 + 1 + 4; // header+MBR+0x7C, class, count, 0x69, class
            if (blob.size() > kRingCount + 4)
                blob[kRingCount + 3] = static_cast<char>(blob[kRingCount + 3] ^ 0x70);
        });
    };
    auto corruptPage = [](const std::string& project) {
        // A page in the middle of the file (the areas' table) overwritten with noise.
        std::string bytes = testutil::readFile(project);
        const std::size_t page = 4096, at = (bytes.size() / page / 2) * page;
        std::mt19937 random(15);
        for (std::size_t i = at; i < at + page && i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(random());
        testutil::writeFile(project, bytes);
    };
    auto withFile = [](const std::string& name, const std::string& text, const std::vector<std::string>& command) {
        return [name, text, command](const fs::path& dir) {
            const std::string project = demoProject(dir);
            testutil::writeFile(dir / name, text);
            std::vector<std::string> args;
            for (const std::string& a : command)
                args.push_back(a == "P" ? project : a == "F" ? (dir / name).string() : a == "O" ? (dir / "out.png").string() : a == "C" ? (dir / "out.csv").string() : a);
            return args;
        };
    };
    auto withoutBoundary = [](const std::string& command) {
        return [command](const fs::path& dir) {
            gis::Dataset ds = gis::buildDefaultDataset();
            for (gis::Area& a : ds.areas)
                if (a.code == "18.06.20.2005")
                    a.geometry.clear();
            ds.areaCache.clear();
            const fs::path project = dir / "p.sasaran.sqlite";
            gis::saveProject(ds, project.string());
            if (command == "place")
                return std::vector<std::string>{"place", project.string(), "--kind", "PUSKESSOS", "--count", "2",
                                                "--radius-km", "5", "--out", (dir / "usulan.csv").string()};
            return std::vector<std::string>{command, project.string(), "--out", (dir / "analisis.csv").string()};
        };
    };
    // The demo project with two roads whose stored lines are then damaged.
    auto damagedRoads = [](const std::function<void(std::string&)>& damage) {
        return [damage](const fs::path& dir) {
            gis::Dataset ds = gis::buildDefaultDataset();
            const gis::Point a = gis::pointOnSurface(ds.areas.front().geometry);
            ds.roads.roads.push_back({"jalan_provinsi", {{a, {a.x + 0.05, a.y + 0.02}, {a.x + 0.1, a.y}}}});
            ds.roads.roads.push_back({"jalan_desa", {{a, {a.x - 0.03, a.y - 0.04}}}});
            const fs::path project = dir / "p.sasaran.sqlite";
            gis::saveProject(ds, project.string());
            damageEveryBoundary(project.string(), damage, "jalan");
            return std::vector<std::string>{"info", project.string()};
        };
    };
    std::vector<Case> cases;
    cases.push_back({"random bytes in every road BLOB", Expect::Refuse, damagedRoads([](std::string& blob) {
                         std::mt19937 random(17);
                         for (char& c : blob)
                             c = static_cast<char>(random());
                     }),
                     {"road 1 (class 'jalan_provinsi') is damaged"}, {}, "p.sasaran.sqlite"});
    cases.push_back({"a huge point count in every road BLOB", Expect::Refuse, damagedRoads([](std::string& blob) {
                         constexpr std::size_t kPointCount = 39 + 4 + 4 + 1 + 4; // as the ring count above
                         if (blob.size() > kPointCount + 4)
                             blob[kPointCount + 3] = static_cast<char>(blob[kPointCount + 3] ^ 0x70);
                     }),
                     {"road 1 (class 'jalan_provinsi') is damaged"}, {}, "p.sasaran.sqlite"});
    cases.push_back({"random bytes in every facility point", Expect::Refuse, [](const fs::path& dir) {
                         const std::string project = demoProject(dir);
                         std::mt19937 random(19);
                         damageEveryBoundary(project, [&](std::string& blob) {
                             for (char& c : blob)
                                 c = static_cast<char>(random());
                         }, "fasilitas");
                         return std::vector<std::string>{"info", project};
                     }, {"the stored point of facility 1 ", "is damaged"}, {}, "p.sasaran.sqlite"});
    cases.push_back({"a pekon without a boundary polygon (analyze)", Expect::Refuse, withoutBoundary("analyze"),
                     {"no boundary"}, {}, "18.06.20.2005"});
    cases.push_back({"a pekon without a boundary polygon (place)", Expect::Refuse, withoutBoundary("place"),
                     {"no boundary"}, {}, "18.06.20.2005"});
    cases.push_back({"random bytes in every boundary BLOB (info)", Expect::Refuse, damaged(randomBlobs, "info"),
                     {"area 18."}, {}, "p.sasaran.sqlite"});
    cases.push_back({"random bytes in every boundary BLOB (map)", Expect::Refuse, damaged(randomBlobs, "map"),
                     {"area 18."}, {}, "p.sasaran.sqlite"});
    cases.push_back({"a huge ring count in every boundary BLOB", Expect::Refuse, damaged(hugeRingCount, "info"),
                     {"area 18."}, {}, "p.sasaran.sqlite"});
    cases.push_back({"a corrupt b-tree page (info)", Expect::Refuse, damaged(corruptPage, "info"), {}, {},
                     "p.sasaran.sqlite"});
    cases.push_back({"a project cut in half", Expect::Refuse,
                     damaged([](const std::string& p) { fs::resize_file(p, fs::file_size(p) / 2); }, "info"), {}, {},
                     "p.sasaran.sqlite"});
    cases.push_back({"a NaN in a map template", Expect::Refuse,
                     withFile("t.json", "{\"classes\": NaN}", {"map", "P", "--template", "F", "--out", "O"}),
                     {"not valid JSON"}, {}, "t.json"});
    cases.push_back({"1e999 in a map template", Expect::Refuse,
                     withFile("t.json", "{\"dpi\": 1e999}", {"map", "P", "--template", "F", "--out", "O"}),
                     {"1e999"}, {}, "t.json"});
    cases.push_back({"a misspelt key in a map template", Expect::Refuse,
                     withFile("t.json", "{\"clases\": 5}", {"map", "P", "--template", "F", "--out", "O"}),
                     {"clases", "classes"}, {}, "t.json"});
    cases.push_back({"a negative coverage radius in a map template", Expect::Refuse,
                     withFile("t.json", "{\"coverage\": {\"kind\": \"BUMDES\", \"radius_km\": -3}}",
                              {"map", "P", "--template", "F", "--out", "O"}),
                     {"radius"}, {}, "t.json"});
    cases.push_back({"1e999 in a priority scheme", Expect::Refuse,
                     withFile("s.json",
                              "{\"name\":\"s\",\"indicators\":[{\"key\":\"miskin\",\"weight\":1e999}]}",
                              {"analyze", "P", "--scheme", "F", "--out", "C"}),
                     {"1e999"}, {}, "s.json"});
    return cases;
}

/// The verdict on one case: "" when it passed, else why not.
std::string judge(const Case& c, const ChildRun& r, const std::vector<std::string>& args, const fs::path& dir)
{
    if (r.timedOut)
        return "HANG (killed after the timeout)";
    if (r.signal != 0)
        return fmt::format("CRASH (signal {})", r.signal);
    const std::string all = r.out + r.err;
    if (r.exitCode == 86 || all.find("Sanitizer") != std::string::npos || all.find("runtime error:") != std::string::npos)
        return "SANITIZER REPORT";
    for (const char* raw : {"bad_alloc", "json.exception", "IllegalArgumentException", "terminate called",
                            "unexpected failure", "point on surface of an empty"})
        if (all.find(raw) != std::string::npos)
            return std::string("a library's raw message (") + raw + ")";
    if (all.size() > 20'000) // a 100,000-character cell is clipped wherever a message quotes it
        return fmt::format("{} bytes of output (a cell echoed?)", all.size());
    auto missing = [&](const std::string& text, const std::string& where) -> std::string {
        return where.find(text) == std::string::npos ? "does not say '" + text + "'" : "";
    };
    if (c.expect == Expect::Refuse) {
        if (r.exitCode == 0)
            return "SILENTLY ACCEPTED (exit 0)";
        if (r.exitCode != 3 && r.exitCode != 1)
            return fmt::format("exit {} (an input error is 3, a failure 1)", r.exitCode);
        std::string file = c.fileNamed;
        if (file.empty())
            for (std::size_t i = 1; i < args.size(); ++i)
                if (args[i].rfind(dir.string(), 0) == 0 && fs::path(args[i]).filename() != "baru.sasaran.sqlite"
                    && fs::path(args[i]).filename() != "p.sasaran.sqlite") {
                    file = fs::path(args[i]).filename().string();
                    break;
                }
        if (auto m = missing(file, r.err); !m.empty())
            return "the message " + m;
        for (const std::string& text : c.mustSay)
            if (auto m = missing(text, r.err); !m.empty())
                return "the message " + m;
        return "";
    }
    if (r.exitCode != 0)
        return fmt::format("exit {}: {}", r.exitCode, r.err.substr(0, 400));
    for (const std::string& text : c.mustSay)
        if (auto m = missing(text, r.out + r.err); !m.empty())
            return "the output " + m + " (a silent repair)";
    if (c.check)
        return c.check(dir);
    return "";
}

} // namespace

TEST(HostileCorpus, EveryCaseIsRefusedClearlyOrRepairedWithAWord)
{
    std::vector<Case> cases = boundaryCases();
    for (auto* more : {tableCases, projectAndSettingsCases})
        for (Case& c : more())
            cases.push_back(std::move(c));
    const fs::path root = testutil::tempDir("hostile_corpus");
    std::size_t passed = 0, index = 0;
    std::string failures;
    for (const Case& c : cases) {
        const fs::path dir = root / fmt::format("case{:02}", ++index);
        fs::create_directories(dir);
        const std::vector<std::string> args = c.prepare(dir);
        if (::testing::Test::HasFatalFailure())
            return;
        const ChildRun r = runChild(args, dir, std::chrono::seconds(120));
        const std::string verdict = judge(c, r, args, dir);
        if (verdict.empty()) {
            ++passed;
            fs::remove_all(dir); // big inputs (the zip bomb, 100,000-character cells) go at once
        } else {
            failures += fmt::format("  case {:02} {}: {}\n    exit {}; stderr: {}\n", index, c.name, verdict,
                                    r.exitCode, r.err.substr(0, 600));
        }
    }
    std::printf("hostile corpus: %zu cases run, %zu passed, %zu failed\n", cases.size(), passed,
                cases.size() - passed);
    EXPECT_EQ(passed, cases.size()) << failures;
}
