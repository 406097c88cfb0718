// Tests of gis::readVector / gis::listLayers: small files written here, read back, compared with
// values worked out by hand.
#include "gis/error.h"
#include "gis/vectorio.h"

#include "testutil.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <numbers>
#include <regex>
#include <set>
#include <string>
#include <utility>

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

/// what() of the DataSourceError thrown by \a f, or a marker when none (or another type) is thrown.
std::string dataSourceErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const gis::DataSourceError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("<other exception: ") + e.what() + ">";
    }
    return "<no exception>";
}

/// The parameters a DataSourceError names (Error::parameters()), or {"<none>"} when none is thrown.
std::vector<std::string> parametersOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const gis::DataSourceError& e) {
        return e.parameters();
    }
    return {"<none>"};
}

/// ReadOptions without designated initialisers (which warn about the fields left out).
gis::ReadOptions readOptions(std::string layer, std::string assumedCrs = {}, std::string xField = {},
                             std::string yField = {})
{
    gis::ReadOptions o;
    o.layer = std::move(layer);
    o.assumedCrs = std::move(assumedCrs);
    o.xField = std::move(xField);
    o.yField = std::move(yField);
    return o;
}

/// Creates a dataset with GDAL's C++ API (independent of the code under test).
GDALDatasetUniquePtr createDataset(const char* driverName, const fs::path& path)
{
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver)
        return nullptr;
    return GDALDatasetUniquePtr(driver->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
}

void addFeature(OGRLayer& layer, const char* wkt, const std::function<void(OGRFeature&)>& fill = {})
{
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
    if (wkt) {
        OGRGeometry* g = nullptr;
        ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &g), OGRERR_NONE) << wkt;
        f->SetGeometryDirectly(g);
    }
    if (fill)
        fill(*f);
    ASSERT_EQ(layer.CreateFeature(f.get()), OGRERR_NONE);
}

constexpr double kWgs84A = 6378137.0;
constexpr double kWgs84F = 1.0 / 298.257223563;

/// Meridian arc (Helmert's series), independent of PROJ: UTM northing on the central meridian
/// is 10 000 000 + 0.9996 * arc in the southern hemisphere.
double meridianArc_m(double latDeg)
{
    const double n = kWgs84F / (2.0 - kWgs84F);
    const double n2 = n * n, n3 = n2 * n, n4 = n3 * n;
    const double phi = latDeg * std::numbers::pi / 180.0;
    const double a = kWgs84A / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0);
    return a
        * (phi - (1.5 * n - 9.0 / 16.0 * n3) * std::sin(2.0 * phi)
           + (15.0 / 16.0 * n2 - 15.0 / 32.0 * n4) * std::sin(4.0 * phi) - 35.0 / 48.0 * n3 * std::sin(6.0 * phi)
           + 315.0 / 512.0 * n4 * std::sin(8.0 * phi));
}

double utm48sNorthing(double latDeg)
{
    return 10000000.0 + 0.9996 * meridianArc_m(latDeg);
}

double shoelace(const gis::Ring& ring)
{
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return std::abs(twice) / 2.0;
}

double areaOf(const gis::MultiPolygon& mp)
{
    double area = 0.0;
    for (const auto& p : mp) {
        area += shoelace(p.exterior);
        for (const auto& h : p.holes)
            area -= shoelace(h);
    }
    return area;
}

/// Writes a UTM 48S shapefile (with .prj unless \a withPrj is false) holding one square whose
/// south-west corner lies on 105 E, 5.49 S, and one point on 105 E, 0.
fs::path writeUtmShapefile(const fs::path& dir, const std::string& name, bool withPrj)
{
    const fs::path path = dir / (name + ".shp");
    auto ds = createDataset("ESRI Shapefile", path);
    EXPECT_TRUE(ds);
    if (!ds)
        return path;
    OGRSpatialReference utm;
    utm.importFromEPSG(32748);
    OGRLayer* layer = ds->CreateLayer(name.c_str(), withPrj ? &utm : nullptr, wkbPolygon, nullptr);
    EXPECT_NE(layer, nullptr);
    if (!layer)
        return path;
    OGRFieldDefn kode("kode", OFTString);
    kode.SetWidth(20);
    layer->CreateField(&kode);
    const double n0 = utm48sNorthing(-5.49);
    // Clockwise, as a shapefile stores outer rings, so the vertex order survives the write:
    // south-west, north-west, north-east, south-east.
    const std::string wkt = "POLYGON ((500000 " + std::to_string(n0) + ", 500000 " + std::to_string(n0 + 1000)
        + ", 501000 " + std::to_string(n0 + 1000) + ", 501000 " + std::to_string(n0) + ", 500000 " + std::to_string(n0)
        + "))";
    addFeature(*layer, wkt.c_str(), [](OGRFeature& f) { f.SetField("kode", "18.06.20.2005"); });
    addFeature(*layer, "POLYGON ((500000 10000000, 500100 10000100, 500100 10000000, 500000 10000000))",
               [](OGRFeature& f) { f.SetField("kode", "0012"); });
    return path;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Formats

TEST(VectorIo, GeoPackageFieldsTypesAndGeometry)
{
    const fs::path dir = testutil::tempDir("vectorio_gpkg");
    const fs::path path = dir / "wilayah.gpkg";
    {
        auto ds = createDataset("GPKG", path);
        ASSERT_TRUE(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer* desa = ds->CreateLayer("desa", &wgs84, wkbMultiPolygon, nullptr);
        ASSERT_NE(desa, nullptr);
        OGRFieldDefn kode("kode", OFTString), pop("Penduduk", OFTInteger64), luas("luas_km2", OFTReal),
            catatan("catatan", OFTString);
        for (OGRFieldDefn* d : {&kode, &pop, &luas, &catatan})
            ASSERT_EQ(desa->CreateField(d), OGRERR_NONE);
        addFeature(*desa, "MULTIPOLYGON (((104.6 -5.5, 104.7 -5.5, 104.7 -5.4, 104.6 -5.4, 104.6 -5.5)))",
                   [](OGRFeature& f) {
                       f.SetField("kode", "18.06.20.2005");
                       f.SetField("Penduduk", static_cast<GIntBig>(4321));
                       f.SetField("luas_km2", 12.5);
                       f.SetFieldNull(f.GetFieldIndex("catatan"));
                   });
        addFeature(*desa,
                   "MULTIPOLYGON (((104.7 -5.5, 104.8 -5.5, 104.8 -5.4, 104.7 -5.5)),"
                   "((104.9 -5.5, 105.0 -5.5, 105.0 -5.4, 104.9 -5.5)))",
                   [](OGRFeature& f) {
                       f.SetField("kode", "18.06.19.2001");
                       f.SetField("Penduduk", static_cast<GIntBig>(1000));
                       f.SetField("luas_km2", 3.25);
                       f.SetField("catatan", "Puskessos");
                   });
        OGRLayer* kantor = ds->CreateLayer("kantor", &wgs84, wkbPoint, nullptr);
        ASSERT_NE(kantor, nullptr);
        addFeature(*kantor, "POINT (104.62 -5.49)");
    }

    EXPECT_EQ(gis::listLayers(path.string()), (std::vector<std::string>{"desa", "kantor"}));

    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.layerName, "desa");
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    EXPECT_EQ(data.type, gis::GeometryType::Polygon);
    ASSERT_EQ(data.fieldNames, (std::vector<std::string>{"kode", "Penduduk", "luas_km2", "catatan"}));
    EXPECT_EQ(data.fieldIndex("PENDUDUK"), 1);
    EXPECT_EQ(data.fieldIndex("Kode"), 0);
    EXPECT_EQ(data.fieldIndex("nope"), -1);
    ASSERT_EQ(data.features.size(), 2u);
    EXPECT_TRUE(data.repaired.empty());
    EXPECT_TRUE(data.warnings.empty());

    const auto& f1 = data.features[0];
    EXPECT_EQ(f1.fid, 1); // GeoPackage fids start at 1
    ASSERT_EQ(f1.values.size(), 4u);
    EXPECT_EQ(std::get<std::string>(f1.values[0]), "18.06.20.2005");
    EXPECT_EQ(std::get<long long>(f1.values[1]), 4321);
    EXPECT_DOUBLE_EQ(std::get<double>(f1.values[2]), 12.5);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(f1.values[3]));
    EXPECT_EQ(gis::fieldText(f1.values[0]), "18.06.20.2005");
    EXPECT_EQ(gis::fieldText(f1.values[1]), "4321");
    EXPECT_EQ(gis::fieldText(f1.values[2]), "12.5");
    EXPECT_EQ(gis::fieldText(f1.values[3]), "");
    ASSERT_EQ(f1.geometry.type, gis::GeometryType::Polygon);
    ASSERT_EQ(f1.geometry.polygons.size(), 1u);
    ASSERT_EQ(f1.geometry.polygons[0].exterior.size(), 5u);
    EXPECT_EQ(f1.geometry.polygons[0].exterior[0], (gis::Point{104.6, -5.5})); // no reprojection
    EXPECT_EQ(f1.geometry.polygons[0].exterior[2], (gis::Point{104.7, -5.4}));

    const auto& f2 = data.features[1];
    EXPECT_EQ(f2.fid, 2);
    EXPECT_EQ(f2.geometry.polygons.size(), 2u);
    EXPECT_EQ(std::get<std::string>(f2.values[3]), "Puskessos");

    // Layer by name, case-insensitively.
    const gis::VectorData kantor = gis::readVector(path.string(), readOptions("KANTOR"));
    EXPECT_EQ(kantor.layerName, "kantor");
    EXPECT_EQ(kantor.type, gis::GeometryType::Point);
    ASSERT_EQ(kantor.features.size(), 1u);
    ASSERT_EQ(kantor.features[0].geometry.points.size(), 1u);
    EXPECT_EQ(kantor.features[0].geometry.points[0], (gis::Point{104.62, -5.49}));

    // Unknown layer: the message names the file and the layers it has.
    const std::string msg = dataSourceErrorOf([&] { gis::readVector(path.string(), readOptions("kecamatan")); });
    EXPECT_THAT(msg, HasSubstr("wilayah.gpkg"));
    EXPECT_THAT(msg, HasSubstr("kecamatan"));
    EXPECT_THAT(msg, HasSubstr("desa, kantor"));
}

TEST(VectorIo, ShapefileInUtm48SComesBackInLonLat)
{
    const fs::path dir = testutil::tempDir("vectorio_shp_utm");
    const fs::path path = writeUtmShapefile(dir, "petak", true);
    ASSERT_TRUE(fs::exists(dir / "petak.prj"));

    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.sourceCrs, "EPSG:32748");
    EXPECT_EQ(data.type, gis::GeometryType::Polygon);
    ASSERT_EQ(data.features.size(), 2u);
    EXPECT_EQ(data.features[0].fid, 0); // shapefile fids start at 0
    EXPECT_EQ(std::get<std::string>(data.features[0].values.at(0)), "18.06.20.2005");
    EXPECT_EQ(std::get<std::string>(data.features[1].values.at(0)), "0012"); // stays text

    const gis::Ring& ring = data.features[0].geometry.polygons.at(0).exterior;
    ASSERT_EQ(ring.size(), 5u);
    // The south-west corner was put at E 500000 (central meridian 105 E), N of 5.49 S.
    EXPECT_NEAR(ring[0].x, 105.0, 1e-6);
    EXPECT_NEAR(ring[0].y, -5.49, 1e-6);
    // 1000 m north on the central meridian is 1000 / (0.9996 * M'(phi)) degrees; the arc for
    // 1000 m near 5.5 S is ~0.00904 degrees.
    EXPECT_NEAR(ring[1].x, 105.0, 1e-6);
    EXPECT_NEAR(ring[1].y - ring[0].y, 0.009045, 5e-5);
    // The south-east corner: east of the central meridian, and slightly south of the
    // south-west one (grid north converges towards the meridian away from it).
    EXPECT_GT(ring[3].x, 105.0);
    EXPECT_NEAR(ring[3].x - ring[0].x, 0.009, 2e-4);

    // Second polygon: its first vertex is the false origin of zone 48S: 105 E on the equator.
    const gis::Ring& tri = data.features[1].geometry.polygons.at(0).exterior;
    EXPECT_NEAR(tri[0].x, 105.0, 1e-9);
    EXPECT_NEAR(tri[0].y, 0.0, 1e-9);
}

TEST(VectorIo, GeoJsonTypesCodesAndNullGeometry)
{
    const fs::path dir = testutil::tempDir("vectorio_geojson");
    const fs::path path = dir / "fasilitas.geojson";
    testutil::writeFile(path, R"({
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "id": 10, "properties": {"kode": "18.06.20.2005", "nomor": "0012", "unit": 5, "skor": 2.5, "kosong": null},
     "geometry": {"type": "Point", "coordinates": [104.62, -5.49]}},
    {"type": "Feature", "id": 11, "properties": {"kode": "1806", "nomor": "7", "unit": 6, "skor": 0.1, "kosong": null},
     "geometry": {"type": "MultiPoint", "coordinates": [[104.5, -5.4], [104.6, -5.3]]}},
    {"type": "Feature", "id": 12, "properties": {"kode": "18.06.19.2001", "nomor": "8", "unit": 7, "skor": 1.0, "kosong": null},
     "geometry": null}
  ]
})");
    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    EXPECT_EQ(data.type, gis::GeometryType::Point);
    ASSERT_EQ(data.features.size(), 3u); // the null-geometry feature is kept
    const int kode = data.fieldIndex("kode");
    const int nomor = data.fieldIndex("nomor");
    const int unit = data.fieldIndex("unit");
    const int skor = data.fieldIndex("skor");
    const int kosong = data.fieldIndex("kosong");
    ASSERT_GE(kode, 0);
    ASSERT_GE(nomor, 0);
    ASSERT_GE(unit, 0);
    ASSERT_GE(skor, 0);
    ASSERT_GE(kosong, 0);
    const auto& f0 = data.features[0];
    EXPECT_EQ(f0.fid, 10);
    EXPECT_EQ(std::get<std::string>(f0.values[kode]), "18.06.20.2005");
    EXPECT_EQ(std::get<std::string>(f0.values[nomor]), "0012");
    EXPECT_EQ(std::get<long long>(f0.values[unit]), 5);
    EXPECT_DOUBLE_EQ(std::get<double>(f0.values[skor]), 2.5);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(f0.values[kosong]));
    EXPECT_EQ(std::get<std::string>(data.features[1].values[kode]), "1806"); // text, not a number
    EXPECT_EQ(f0.geometry.points, (std::vector<gis::Point>{{104.62, -5.49}}));
    EXPECT_EQ(data.features[1].geometry.points, (std::vector<gis::Point>{{104.5, -5.4}, {104.6, -5.3}}));

    const auto& f2 = data.features[2];
    EXPECT_EQ(f2.fid, 12);
    EXPECT_EQ(f2.geometry.type, gis::GeometryType::None);
    EXPECT_TRUE(f2.geometry.isEmpty());
    EXPECT_EQ(std::get<std::string>(f2.values[kode]), "18.06.19.2001");
    ASSERT_EQ(data.warnings.size(), 1u);
    EXPECT_EQ(data.warnings[0].fid, 12);
    EXPECT_THAT(data.warnings[0].message, HasSubstr("no geometry"));
}

TEST(VectorIo, GeoJsonLinesAndMixedCollection)
{
    const fs::path dir = testutil::tempDir("vectorio_geojson_lines");
    const fs::path path = dir / "jalan.geojson";
    testutil::writeFile(path, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 1, "properties": {"nama": "Jalan A"},
  "geometry": {"type": "LineString", "coordinates": [[104.6, -5.5], [104.7, -5.45]]}},
 {"type": "Feature", "id": 2, "properties": {"nama": "Jalan B"},
  "geometry": {"type": "MultiLineString", "coordinates": [[[104.6, -5.5], [104.6, -5.4]], [[104.7, -5.5], [104.7, -5.4]]]}},
 {"type": "Feature", "id": 3, "properties": {"nama": "campur"},
  "geometry": {"type": "GeometryCollection", "geometries": [
     {"type": "LineString", "coordinates": [[104.0, -5.0], [104.1, -5.0]]},
     {"type": "Point", "coordinates": [104.2, -5.2]}]}}
]})");
    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.type, gis::GeometryType::Line);
    ASSERT_EQ(data.features.size(), 3u);
    EXPECT_EQ(data.features[0].geometry.lines, (std::vector<gis::LineString>{{{104.6, -5.5}, {104.7, -5.45}}}));
    EXPECT_EQ(data.features[1].geometry.lines.size(), 2u);
    EXPECT_EQ(data.features[2].geometry.type, gis::GeometryType::Line);
    EXPECT_EQ(data.features[2].geometry.lines.size(), 1u);
    // The point part of the collection is not silently lost: it is reported.
    ASSERT_EQ(data.warnings.size(), 1u);
    EXPECT_EQ(data.warnings[0].fid, 3);
    EXPECT_THAT(data.warnings[0].message, HasSubstr("1 point part"));
}

TEST(VectorIo, KmlPlacemarksInLonLat)
{
    const fs::path dir = testutil::tempDir("vectorio_kml");
    const fs::path path = dir / "wisata.kml";
    testutil::writeFile(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <Folder><name>wisata</name>
  <Placemark>
    <name>Air Terjun</name>
    <Point><coordinates>104.62,-5.49,0</coordinates></Point>
  </Placemark>
  <Placemark>
    <name>Teluk</name>
    <Point><coordinates>104.75,-5.55</coordinates></Point>
  </Placemark>
  </Folder>
</Document>
</kml>)");
    const auto layers = gis::listLayers(path.string());
    ASSERT_EQ(layers.size(), 1u);
    EXPECT_EQ(layers[0], "wisata");
    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.type, gis::GeometryType::Point);
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    ASSERT_EQ(data.features.size(), 2u);
    const int name = data.fieldIndex("name");
    ASSERT_GE(name, 0);
    EXPECT_EQ(gis::fieldText(data.features[0].values[name]), "Air Terjun");
    EXPECT_EQ(gis::fieldText(data.features[1].values[name]), "Teluk");
    ASSERT_EQ(data.features[0].geometry.points.size(), 1u);
    EXPECT_NEAR(data.features[0].geometry.points[0].x, 104.62, 1e-12);
    EXPECT_NEAR(data.features[0].geometry.points[0].y, -5.49, 1e-12);
    EXPECT_NEAR(data.features[1].geometry.points[0].x, 104.75, 1e-12);
    EXPECT_NEAR(data.features[1].geometry.points[0].y, -5.55, 1e-12);
}

TEST(VectorIo, KmlPolygon)
{
    const fs::path dir = testutil::tempDir("vectorio_kml_poly");
    const fs::path path = dir / "batas.kml";
    testutil::writeFile(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Kotak</name>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
104.0,-5.0 104.1,-5.0 104.1,-5.1 104.0,-5.1 104.0,-5.0
</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>)");
    const gis::VectorData data = gis::readVector(path.string());
    ASSERT_EQ(data.features.size(), 1u);
    EXPECT_EQ(data.type, gis::GeometryType::Polygon);
    ASSERT_EQ(data.features[0].geometry.polygons.size(), 1u);
    EXPECT_NEAR(areaOf(data.features[0].geometry.polygons), 0.01, 1e-12); // 0.1 x 0.1 degree
}

TEST(VectorIo, CsvWithLonLatColumns)
{
    const fs::path dir = testutil::tempDir("vectorio_csv");
    const fs::path path = dir / "puskesmas.csv";
    testutil::writeFile(path,
                        "nama,Lon,LAT,kode,tahun\n"
                        "Puskesmas Gisting,104.72,-5.45,18.06.20.2005,2019\n"
                        "Puskesmas Kota Agung,104.62,-5.49,0012,2020\n"
                        "Tanpa Lokasi,,,18.06.01.2001,2021\n");
    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.type, gis::GeometryType::Point);
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    // The coordinate columns become the geometry.
    EXPECT_EQ(data.fieldNames, (std::vector<std::string>{"nama", "kode", "tahun"}));
    ASSERT_EQ(data.features.size(), 3u);
    EXPECT_EQ(data.features[0].geometry.points, (std::vector<gis::Point>{{104.72, -5.45}}));
    EXPECT_EQ(data.features[1].geometry.points, (std::vector<gis::Point>{{104.62, -5.49}}));
    // CSV values are text: codes keep their dots and leading zeros.
    EXPECT_EQ(std::get<std::string>(data.features[0].values[1]), "18.06.20.2005");
    EXPECT_EQ(std::get<std::string>(data.features[1].values[1]), "0012");
    EXPECT_EQ(gis::fieldText(data.features[1].values[2]), "2020");
    // A row without coordinates is kept and reported.
    EXPECT_EQ(data.features[2].geometry.type, gis::GeometryType::None);
    EXPECT_EQ(std::get<std::string>(data.features[2].values[0]), "Tanpa Lokasi");
    ASSERT_EQ(data.warnings.size(), 1u);
    EXPECT_EQ(data.warnings[0].fid, data.features[2].fid);
}

TEST(VectorIo, CsvWithIndonesianColumnNamesAndDecimalCommas)
{
    const fs::path dir = testutil::tempDir("vectorio_csv_id");
    const fs::path path = dir / "bumdes.csv";
    testutil::writeFile(path,
                        "nama;lintang;bujur\n"
                        "BUMDES Maju;-5,49;104,62\n"
                        "BUMDES Jaya;-5.45;104.72\n");
    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.fieldNames, (std::vector<std::string>{"nama"}));
    ASSERT_EQ(data.features.size(), 2u);
    EXPECT_EQ(data.features[0].geometry.points, (std::vector<gis::Point>{{104.62, -5.49}}));
    EXPECT_EQ(data.features[1].geometry.points, (std::vector<gis::Point>{{104.72, -5.45}}));
    EXPECT_TRUE(data.warnings.empty());
}

TEST(VectorIo, CsvWithNamedColumnsAndAssumedUtm)
{
    const fs::path dir = testutil::tempDir("vectorio_csv_utm");
    const fs::path path = dir / "titik_utm.csv";
    testutil::writeFile(path,
                        "id,timur,utara\n"
                        "A,500000,10000000\n"
                        "B,500000,"
                            + std::to_string(utm48sNorthing(-5.49)) + "\n");
    // UTM metres are not lon/lat: without a CRS the read fails and says what to do.
    const std::string msg =
        dataSourceErrorOf([&] { gis::readVector(path.string(), readOptions("", "", "timur", "utara")); });
    EXPECT_THAT(msg, HasSubstr("titik_utm.csv"));
    // The CRS to give is named as data; the CLI adds "--crs" (test_import_cli).
    EXPECT_THAT(msg, HasSubstr("give the CRS of the columns, e.g. EPSG:32748"));
    EXPECT_THAT(msg, Not(HasSubstr("--")));
    EXPECT_EQ(parametersOf([&] { gis::readVector(path.string(), readOptions("", "", "timur", "utara")); }),
              (std::vector<std::string>{"crs"}));

    const gis::VectorData data = gis::readVector(path.string(), readOptions("", "EPSG:32748", "timur", "utara"));
    EXPECT_EQ(data.sourceCrs, "EPSG:32748");
    ASSERT_EQ(data.features.size(), 2u);
    const gis::Point a = data.features[0].geometry.points.at(0);
    EXPECT_NEAR(a.x, 105.0, 1e-9);
    EXPECT_NEAR(a.y, 0.0, 1e-9);
    const gis::Point b = data.features[1].geometry.points.at(0);
    EXPECT_NEAR(b.x, 105.0, 1e-6);
    EXPECT_NEAR(b.y, -5.49, 1e-6);

    // A named column that does not exist: the message lists the columns.
    const std::string missing =
        dataSourceErrorOf([&] { gis::readVector(path.string(), readOptions("", "", "bujur")); });
    EXPECT_THAT(missing, HasSubstr("titik_utm.csv"));
    EXPECT_THAT(missing, HasSubstr("id, timur, utara"));
}

// ---------------------------------------------------------------------------------------------
// Repairs

TEST(VectorIo, BowTiePolygonIsRepairedAndReported)
{
    const fs::path dir = testutil::tempDir("vectorio_bowtie");
    const fs::path path = dir / "bowtie.geojson";
    // The ring 0,0 -> 2,2 -> 2,0 -> 0,2 -> 0,0 crosses itself at (1,1): two triangles,
    // (0,0)-(1,1)-(0,2) and (2,2)-(2,0)-(1,1), each with base 2 and height 1: area 1 + 1 = 2.
    testutil::writeFile(path, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 4, "properties": {"nama": "sah"},
  "geometry": {"type": "Polygon", "coordinates": [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]]}},
 {"type": "Feature", "id": 7, "properties": {"nama": "dasi kupu-kupu"},
  "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}}
]})");
    const gis::VectorData data = gis::readVector(path.string());
    ASSERT_EQ(data.features.size(), 2u);
    ASSERT_EQ(data.repaired.size(), 1u);
    EXPECT_EQ(data.repaired[0].fid, 7);
    EXPECT_THAT(data.repaired[0].message, HasSubstr("Self-intersection"));
    const gis::Geometry& fixed = data.features[1].geometry;
    EXPECT_EQ(fixed.type, gis::GeometryType::Polygon);
    EXPECT_EQ(fixed.polygons.size(), 2u);
    EXPECT_NEAR(areaOf(fixed.polygons), 2.0, 1e-12);
    // The valid one is untouched.
    EXPECT_NEAR(areaOf(data.features[0].geometry.polygons), 1.0, 1e-12);
}

// ---------------------------------------------------------------------------------------------
// Bad input: a DataSourceError that names the file

TEST(VectorIo, MissingFileThrowsNamingIt)
{
    const fs::path path = testutil::tempDir("vectorio_missing") / "tidak_ada.gpkg";
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    const std::string msg = dataSourceErrorOf([&] { gis::readVector(path.string()); });
    EXPECT_THAT(msg, HasSubstr("tidak_ada.gpkg"));
    EXPECT_THAT(msg, HasSubstr("does not exist"));
    EXPECT_THROW(gis::listLayers(path.string()), gis::DataSourceError);
}

TEST(VectorIo, TruncatedShapefileThrowsNamingIt)
{
    const fs::path dir = testutil::tempDir("vectorio_truncated");
    const fs::path path = writeUtmShapefile(dir, "rusak", true);
    ASSERT_GT(fs::file_size(path), 100u);
    fs::resize_file(path, 12);
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    EXPECT_THAT(dataSourceErrorOf([&] { gis::readVector(path.string()); }), HasSubstr("rusak.shp"));
}

TEST(VectorIo, ShapefileWithTruncatedRecordsThrowsNamingIt)
{
    // Header intact, records cut off in the middle of the first polygon.
    const fs::path dir = testutil::tempDir("vectorio_truncated_records");
    const fs::path path = writeUtmShapefile(dir, "terpotong", true);
    fs::resize_file(path, 100 + 8 + 30);
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    EXPECT_THAT(dataSourceErrorOf([&] { gis::readVector(path.string()); }), HasSubstr("terpotong.shp"));
}

TEST(VectorIo, MalformedGeoJsonThrowsNamingIt)
{
    const fs::path dir = testutil::tempDir("vectorio_badjson");
    const fs::path path = dir / "rusak.geojson";
    testutil::writeFile(path, R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"nama": "x"}, "geometry": {"type": "Point", "coordinates": [104.6, )");
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    EXPECT_THAT(dataSourceErrorOf([&] { gis::readVector(path.string()); }), HasSubstr("rusak.geojson"));
}

TEST(VectorIo, CsvWithoutCoordinateColumnsThrowsListingColumns)
{
    const fs::path dir = testutil::tempDir("vectorio_csv_nocoords");
    const fs::path path = dir / "kemiskinan.csv";
    testutil::writeFile(path, "kode,nama,penduduk_miskin\n18.06.20.2005,Gisting Bawah,120\n");
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    const std::string msg = dataSourceErrorOf([&] { gis::readVector(path.string()); });
    EXPECT_THAT(msg, HasSubstr("kemiskinan.csv"));
    EXPECT_THAT(msg, HasSubstr("kode, nama, penduduk_miskin"));
}

TEST(VectorIo, LayerWithoutCrsThrowsUnlessAssumed)
{
    const fs::path dir = testutil::tempDir("vectorio_noprj");
    const fs::path path = writeUtmShapefile(dir, "tanpa_prj", false);
    ASSERT_FALSE(fs::exists(dir / "tanpa_prj.prj"));
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    const std::string msg = dataSourceErrorOf([&] { gis::readVector(path.string()); });
    EXPECT_THAT(msg, HasSubstr("tanpa_prj.shp"));
    EXPECT_THAT(msg, HasSubstr("no coordinate reference system"));
    // The CRS to give is named as data; the CLI adds "--crs" (test_import_cli).
    EXPECT_THAT(msg, HasSubstr("give the CRS of its coordinates, e.g. EPSG:4326"));
    EXPECT_EQ(parametersOf([&] { gis::readVector(path.string()); }), (std::vector<std::string>{"crs"}));

    // With the CRS given, the same file reads and lands in the same place as with a .prj.
    const gis::VectorData data = gis::readVector(path.string(), readOptions("", "EPSG:32748"));
    EXPECT_EQ(data.sourceCrs, "EPSG:32748");
    ASSERT_EQ(data.features.size(), 2u);
    EXPECT_NEAR(data.features[0].geometry.polygons.at(0).exterior.at(0).x, 105.0, 1e-6);
    EXPECT_NEAR(data.features[0].geometry.polygons.at(0).exterior.at(0).y, -5.49, 1e-6);

    // An assumed CRS that is not a CRS.
    const std::string bad = dataSourceErrorOf([&] { gis::readVector(path.string(), readOptions("", "EPSG:bukan")); });
    EXPECT_THAT(bad, HasSubstr("tanpa_prj.shp"));
    EXPECT_THAT(bad, HasSubstr("EPSG:bukan"));
}

TEST(VectorIo, NotAVectorFileThrowsNamingIt)
{
    const fs::path dir = testutil::tempDir("vectorio_notvector");
    const fs::path path = dir / "catatan.txt";
    testutil::writeFile(path, std::string("\x01\x02\x03 bukan data spasial"));
    EXPECT_THROW(gis::readVector(path.string()), gis::DataSourceError);
    EXPECT_THAT(dataSourceErrorOf([&] { gis::readVector(path.string()); }), HasSubstr("catatan.txt"));
}

// ---------------------------------------------------------------------------------------------
// Real data (skipped when ../shared/data is absent)

TEST(VectorIo, TanggamusDesaFromSharedData)
{
    const std::string path = testutil::sharedData("tanggamus/desa.gpkg");
    if (path.empty())
        GTEST_SKIP() << "shared data tanggamus/desa.gpkg not present (set SASARAN_SHARED_DATA)";
    const gis::VectorData data = gis::readVector(path);
    EXPECT_EQ(data.layerName, "desa");
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    EXPECT_EQ(data.type, gis::GeometryType::Polygon);
    ASSERT_EQ(data.features.size(), 302u); // no feature dropped
    EXPECT_TRUE(data.warnings.empty());
    const int kode = data.fieldIndex("KODE");
    ASSERT_GE(kode, 0);
    const std::regex pattern(R"(18\.06\.\d{2}\.\d{4})");
    std::set<std::string> codes;
    gis::Extent extent;
    for (const auto& f : data.features) {
        ASSERT_TRUE(std::holds_alternative<std::string>(f.values[kode])) << "fid " << f.fid;
        const std::string& code = std::get<std::string>(f.values[kode]);
        EXPECT_TRUE(std::regex_match(code, pattern)) << code;
        codes.insert(code);
        EXPECT_EQ(f.geometry.type, gis::GeometryType::Polygon) << "fid " << f.fid;
        for (const auto& p : f.geometry.polygons)
            for (const auto& v : p.exterior)
                extent.include(v);
    }
    EXPECT_EQ(codes.size(), 302u);
    EXPECT_EQ(codes.count("18.06.20.2005"), 1u); // Gisting Bawah
    EXPECT_EQ(codes.count("18.06.19.2001"), 1u); // Batu Kramat
    // x = longitude: the regency lies about 104.26..105.20 E, 5.09..5.94 S.
    EXPECT_NEAR(extent.minX, 104.260344, 1e-5);
    EXPECT_NEAR(extent.maxX, 105.196072, 1e-5);
    EXPECT_NEAR(extent.minY, -5.936375, 1e-5);
    EXPECT_NEAR(extent.maxY, -5.090998, 1e-5);
}

// ---------------------------------------------------------------------------------------------
// Issue 15: a CRS that is unknown, or that the coordinates contradict, is refused, never read as
// EPSG:4326 or projected into the sea.

namespace {

/// A one-point GeoJSON at 105.2 E, 5.4 S; \a crsMember is inserted as the collection's "crs"
/// member when not empty.
fs::path writePointGeoJson(const fs::path& dir, const std::string& name, const std::string& crsMember)
{
    const fs::path path = dir / name;
    testutil::writeFile(path,
                        R"({"type": "FeatureCollection", )" + (crsMember.empty() ? "" : crsMember + ", ")
                            + R"("features": [{"type": "Feature", "properties": {"kode": "18.06.20.2005"},
                                     "geometry": {"type": "Point", "coordinates": [105.2, -5.4]}}]})");
    return path;
}

/// A point shapefile with a UTM 48S .prj holding the points \a xy (x, y pairs).
fs::path writeUtmPointShapefile(const fs::path& dir, const std::string& name,
                                const std::vector<std::pair<double, double>>& xy)
{
    const fs::path path = dir / (name + ".shp");
    auto ds = createDataset("ESRI Shapefile", path);
    EXPECT_TRUE(ds);
    if (!ds)
        return path;
    OGRSpatialReference utm;
    utm.importFromEPSG(32748);
    OGRLayer* layer = ds->CreateLayer(name.c_str(), &utm, wkbPoint, nullptr);
    EXPECT_NE(layer, nullptr);
    if (!layer)
        return path;
    for (const auto& [x, y] : xy)
        addFeature(*layer, ("POINT (" + std::to_string(x) + " " + std::to_string(y) + ")").c_str());
    return path;
}

} // namespace

TEST(VectorIo, GeoJsonWithUnknownCrsIsRefusedNotReadAsWgs84)
{
    const fs::path dir = testutil::tempDir("vectorio_unknown_crs");
    const fs::path path = writePointGeoJson(
        dir, "crs_asing.geojson", R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}})");
    const std::string msg = dataSourceErrorOf([&] { gis::readVector(path.string()); });
    EXPECT_THAT(msg, HasSubstr("crs_asing.geojson"));
    EXPECT_THAT(msg, HasSubstr("urn:ogc:def:crs:EPSG::999999"));
    EXPECT_THAT(msg, HasSubstr("give the CRS of its coordinates"));
    EXPECT_EQ(parametersOf([&] { gis::readVector(path.string()); }), (std::vector<std::string>{"crs"}));

    // With the CRS given, the file reads in that CRS.
    const gis::VectorData data = gis::readVector(path.string(), readOptions("", "EPSG:4326"));
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    ASSERT_EQ(data.features.size(), 1u);
    EXPECT_DOUBLE_EQ(data.features[0].geometry.points.at(0).x, 105.2);
    EXPECT_DOUBLE_EQ(data.features[0].geometry.points.at(0).y, -5.4);
}

TEST(VectorIo, GeoJsonWithoutCrsIsWgs84AndKnownCrsIsHonoured)
{
    const fs::path dir = testutil::tempDir("vectorio_geojson_crs");
    // RFC 7946: no "crs" member means WGS 84 longitude/latitude.
    const gis::VectorData plain = gis::readVector(writePointGeoJson(dir, "tanpa_crs.geojson", "").string());
    EXPECT_EQ(plain.sourceCrs, "EPSG:4326");
    ASSERT_EQ(plain.features.size(), 1u);
    EXPECT_DOUBLE_EQ(plain.features[0].geometry.points.at(0).x, 105.2);
    EXPECT_DOUBLE_EQ(plain.features[0].geometry.points.at(0).y, -5.4);

    // A resolvable legacy "crs" member (OGC CRS84 = lon/lat WGS 84) is not an error.
    const gis::VectorData crs84 = gis::readVector(
        writePointGeoJson(dir, "crs84.geojson",
                          R"("crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}})")
            .string());
    ASSERT_EQ(crs84.features.size(), 1u);
    EXPECT_DOUBLE_EQ(crs84.features[0].geometry.points.at(0).x, 105.2);
    EXPECT_DOUBLE_EQ(crs84.features[0].geometry.points.at(0).y, -5.4);
}

TEST(VectorIo, UtmPrjOverDegreeCoordinatesIsRefusedWithHint)
{
    const fs::path dir = testutil::tempDir("vectorio_utm_degrees");
    const fs::path path = writeUtmPointShapefile(dir, "derajat", {{105.2, -5.4}, {104.9, -5.1}});
    ASSERT_TRUE(fs::exists(dir / "derajat.prj"));
    const std::string msg = dataSourceErrorOf([&] { gis::readVector(path.string()); });
    EXPECT_THAT(msg, HasSubstr("derajat.shp"));
    EXPECT_THAT(msg, HasSubstr("look like degrees"));
    EXPECT_THAT(msg, HasSubstr("EPSG:32748"));
    EXPECT_THAT(msg, HasSubstr("remove or fix the .prj, or give the CRS"));
    EXPECT_EQ(parametersOf([&] { gis::readVector(path.string()); }), (std::vector<std::string>{"crs"}));

    // The CRS given for the coordinates wins over the .prj they contradict.
    const gis::VectorData data = gis::readVector(path.string(), readOptions("", "EPSG:4326"));
    EXPECT_EQ(data.sourceCrs, "EPSG:4326");
    ASSERT_EQ(data.features.size(), 2u);
    EXPECT_DOUBLE_EQ(data.features[0].geometry.points.at(0).x, 105.2);
    EXPECT_DOUBLE_EQ(data.features[1].geometry.points.at(0).y, -5.1);
}

TEST(VectorIo, UtmShapefileInMetresLandsWhereProjPutsIt)
{
    const fs::path dir = testutil::tempDir("vectorio_utm_metres");
    // Off the central meridian, so that the whole projection (not only the arc) is exercised.
    const double easting = 523456.0, northing = 9402345.0;
    const fs::path path = writeUtmPointShapefile(dir, "meter", {{easting, northing}});
    const gis::VectorData data = gis::readVector(path.string());
    EXPECT_EQ(data.sourceCrs, "EPSG:32748");
    ASSERT_EQ(data.features.size(), 1u);

    OGRSpatialReference utm, wgs84;
    utm.importFromEPSG(32748);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toLonLat(OGRCreateCoordinateTransformation(&utm, &wgs84));
    ASSERT_TRUE(toLonLat);
    double x = easting, y = northing;
    ASSERT_TRUE(toLonLat->Transform(1, &x, &y));
    EXPECT_NEAR(x, 105.213, 0.01); // sanity: in Lampung
    EXPECT_NEAR(y, -5.40, 0.01);
    EXPECT_NEAR(data.features[0].geometry.points.at(0).x, x, 1e-6);
    EXPECT_NEAR(data.features[0].geometry.points.at(0).y, y, 1e-6);
}
