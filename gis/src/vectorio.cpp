// Reading vector layers through GDAL/OGR into gis:: value types.
//
// Rules (see vectorio.h): every feature is kept; each problem is recorded against its
// feature id; geometries come back in EPSG:4326 with x = longitude; field values keep their
// source type (text stays text, so codes such as "18.06.20.2005" or "0012" are never turned
// into numbers). GDAL's own messages are captured, never printed.
#include "gis/vectorio.h"

#include "detail/ogrhandles.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/text.h"

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>

namespace gis {

namespace {

using detail::GdalErrorCollector;
using detail::OgrSrsPtr;
using detail::OgrTransformPtr;

// ---------------------------------------------------------------------------------------------
// Small text helpers

/// \a s without a UTF-8 byte-order mark, surrounding spaces and the quotes a CSV writer left.
std::string_view cleanCellText(std::string_view s)
{
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (s.substr(0, bom.size()) == bom)
        s.remove_prefix(bom.size());
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    // Quotes left by a CSV writer that quoted the header.
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"')
        s = s.substr(1, s.size() - 2);
    return s;
}

bool sameName(std::string_view a, std::string_view b)
{
    return asciiLower(std::string(cleanCellText(a))) == asciiLower(std::string(cleanCellText(b)));
}

std::string joinNames(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out.empty() ? std::string("(none)") : out;
}

/// Parses a coordinate written as "104.62", " -5.49 ", "+104.62" or with a decimal comma
/// ("104,62", common in Indonesian spreadsheets saved with ';' separators).
std::optional<double> parseCoordinate(std::string_view text)
{
    text = cleanCellText(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    std::string buffer(text);
    if (buffer.find('.') == std::string::npos && std::count(buffer.begin(), buffer.end(), ',') == 1)
        std::replace(buffer.begin(), buffer.end(), ',', '.');
    double value = 0.0;
    const char* end = buffer.data() + buffer.size();
    const auto [ptr, ec] = std::from_chars(buffer.data(), end, value);
    if (ec != std::errc{} || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

/// GDAL's message without its trailing full stops, so that a sentence can follow it.
std::string sentence(std::string text)
{
    while (!text.empty() && (text.back() == '.' || std::isspace(static_cast<unsigned char>(text.back()))))
        text.pop_back();
    return text;
}

bool looksLikeLocalPath(const std::string& path)
{
    // GDAL also opens connection strings ("PG:...", "CSV:file") and virtual paths ("/vsizip/").
    return path.rfind("/vsi", 0) != 0 && path.find(':') == std::string::npos;
}

// ---------------------------------------------------------------------------------------------
// Opening

/// Opens \a path as a vector dataset. When \a openFailures is given it receives the failures GDAL
/// reported while opening a dataset that did open (e.g. a GeoJSON "crs" member PROJ cannot
/// resolve, after which GDAL's GeoJSON driver silently falls back to WGS 84).
GDALDatasetUniquePtr openVector(const std::string& path, std::string* openFailures = nullptr)
{
    detail::ensureGdalRegistered();
    if (path.empty())
        throw DataSourceError(path, "no file name was given");
    std::error_code ec;
    if (looksLikeLocalPath(path) && !std::filesystem::exists(path, ec))
        throw DataSourceError(path, "the file does not exist; check the name and the folder");

    GdalErrorCollector errors;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!ds) {
        std::string why = sentence(errors.takeFailures());
        if (why.empty())
            why = "GDAL recognises no vector format in it";
        throw DataSourceError(path,
                              why
                                  + ". Check that it is a complete GeoPackage, Shapefile "
                                    "(with its .shx and .dbf), GeoJSON, KML or CSV file");
    }
    if (ds->GetLayerCount() == 0)
        throw DataSourceError(path, "it holds no vector layer");
    if (openFailures)
        *openFailures = errors.takeFailures();
    return ds;
}

std::vector<std::string> layerNames(GDALDataset& ds)
{
    std::vector<std::string> names;
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        if (OGRLayer* layer = ds.GetLayer(i))
            names.emplace_back(layer->GetName());
    return names;
}

OGRLayer& chooseLayer(GDALDataset& ds, const std::string& path, const std::string& name)
{
    if (name.empty()) {
        if (OGRLayer* first = ds.GetLayer(0))
            return *first;
        throw DataSourceError(path, "its first layer cannot be read");
    }
    const auto names = layerNames(ds);
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        if (names[static_cast<std::size_t>(i)] == name)
            return *ds.GetLayer(i);
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        if (sameName(names[static_cast<std::size_t>(i)], name))
            return *ds.GetLayer(i);
    throw DataSourceError(path, fmt::format("it has no layer '{}'; its layers are: {}", name, joinNames(names)));
}

bool isDriver(GDALDataset& ds, std::string_view name)
{
    GDALDriver* driver = ds.GetDriver();
    return driver && std::string_view(driver->GetDescription()) == name;
}

/// GDAL reads a shapefile whose .shp lost its tail as features without geometry, silently.
/// The .shp header states the file's length (bytes 24..27, big-endian, in 16-bit words):
/// a shorter file is truncated, which is an error, not a set of empty features.
void checkShapefileComplete(const std::string& path, const std::string& layerName)
{
    std::string shp = path;
    if (shp.size() < 4 || asciiLower(shp.substr(shp.size() - 4)) != ".shp")
        shp = (std::filesystem::path(path) / (layerName + ".shp")).string();
    VSIStatBufL stat{};
    if (VSIStatL(shp.c_str(), &stat) != 0)
        return; // not a plain file (or named differently): nothing to check
    VSILFILE* fp = VSIFOpenL(shp.c_str(), "rb");
    if (!fp)
        return;
    std::array<unsigned char, 100> header{};
    const std::size_t got = VSIFReadL(header.data(), 1, header.size(), fp);
    VSIFCloseL(fp);
    const auto actual = static_cast<unsigned long long>(stat.st_size);
    if (got < header.size())
        throw DataSourceError(path,
                              fmt::format("its .shp file is truncated ({} bytes, shorter than "
                                          "the 100-byte header); copy the complete file",
                                          actual));
    const unsigned long long words = (static_cast<unsigned long long>(header[24]) << 24)
        | (static_cast<unsigned long long>(header[25]) << 16) | (static_cast<unsigned long long>(header[26]) << 8)
        | static_cast<unsigned long long>(header[27]);
    const unsigned long long declared = words * 2;
    if (actual < declared)
        throw DataSourceError(path,
                              fmt::format("its .shp file is truncated ({} of the {} bytes its "
                                          "header declares); copy the complete file again "
                                          "with its .shx, .dbf and .prj",
                                          actual, declared));

    // GDAL reads as many features as the shorter of .shp and .dbf has records, without a word:
    // a .dbf of 10 records beside a .shp of 302 shapes gave a 10-village project.
    const std::string base = shp.substr(0, shp.size() - 4);
    auto sibling = [&](const char* lower, const char* upper) -> std::string {
        VSIStatBufL st{};
        for (const char* ext : {lower, upper})
            if (VSIStatL((base + ext).c_str(), &st) == 0)
                return base + ext;
        return {};
    };
    const std::string shx = sibling(".shx", ".SHX"), dbf = sibling(".dbf", ".DBF");
    if (shx.empty() || dbf.empty())
        return;
    VSIStatBufL shxStat{};
    if (VSIStatL(shx.c_str(), &shxStat) != 0 || shxStat.st_size < 100)
        return;
    const auto shapes = (static_cast<unsigned long long>(shxStat.st_size) - 100) / 8;
    VSILFILE* dbfFile = VSIFOpenL(dbf.c_str(), "rb");
    if (!dbfFile)
        return;
    std::array<unsigned char, 8> dbfHeader{};
    const std::size_t dbfGot = VSIFReadL(dbfHeader.data(), 1, dbfHeader.size(), dbfFile);
    VSIFCloseL(dbfFile);
    if (dbfGot < dbfHeader.size())
        return;
    const unsigned long long records = static_cast<unsigned long long>(dbfHeader[4])
        | (static_cast<unsigned long long>(dbfHeader[5]) << 8) | (static_cast<unsigned long long>(dbfHeader[6]) << 16)
        | (static_cast<unsigned long long>(dbfHeader[7]) << 24);
    if (records != shapes)
        throw DataSourceError(path,
                              fmt::format("its .dbf has {} records but its .shp has {} shapes: the parts do not "
                                          "belong together or one was cut; copy the complete Shapefile again "
                                          "(.shp, .shx, .dbf and .prj of the same export)",
                                          records, shapes));
}

// ---------------------------------------------------------------------------------------------
// CRS

/// "AUTH:CODE" when the CRS carries or confidently matches an authority code, else WKT2.
std::string crsLabel(const OGRSpatialReference& srs)
{
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth && code)
        return fmt::format("{}:{}", auth, code);
    {
        GdalErrorCollector quiet;
        OgrSrsPtr best(srs.FindBestMatch(90));
        if (best) {
            auth = best->GetAuthorityName(nullptr);
            code = best->GetAuthorityCode(nullptr);
            if (auth && code)
                return fmt::format("{}:{}", auth, code);
        }
    }
    char* wkt = nullptr;
    const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
    std::string out;
    if (srs.exportToWkt(&wkt, options) == OGRERR_NONE && wkt)
        out = wkt;
    CPLFree(wkt);
    return out;
}

OgrSrsPtr srsFromUser(const std::string& path, const std::string& definition)
{
    OgrSrsPtr srs(new OGRSpatialReference());
    GdalErrorCollector errors;
    if (srs->SetFromUserInput(definition.c_str()) != OGRERR_NONE) {
        std::string why = errors.takeFailures();
        throw DataSourceError(path,
                              fmt::format("the CRS '{}' given for it is not understood{}{}; "
                                          "give it as e.g. EPSG:4326 or EPSG:32748",
                                          definition, why.empty() ? "" : ": ", why));
    }
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

/// The "name" of the legacy "crs" member (RFC 7946 dropped it) near the start of the
/// GeoJSON file \a path, or empty when none is found there. Only for messages: GDAL parses it.
std::string geoJsonCrsMember(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(64 * 1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const std::size_t key = head.find("\"crs\"");
    if (key == std::string::npos)
        return {};
    // {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::999999"}}
    const std::size_t properties = head.find("\"properties\"", key);
    const std::size_t name = properties == std::string::npos ? properties : head.find("\"name\"", properties);
    const std::size_t colon = name == std::string::npos ? name : head.find(':', name + 6);
    const std::size_t quote = colon == std::string::npos ? colon : head.find('"', colon);
    const std::size_t end = quote == std::string::npos ? quote : head.find('"', quote + 1);
    if (end == std::string::npos || end - key > 512)
        return {};
    return std::string(cleanCellText(std::string_view(head).substr(quote + 1, end - quote - 1)));
}

/// Why the CRS \a path declares cannot be used, or empty when it can: GDAL's GeoJSON driver
/// reads an unresolvable "crs" member as WGS 84 and only says so in an error while opening.
std::string unreadableDeclaredCrs(GDALDataset& ds, const std::string& path, const std::string& openFailures)
{
    if (openFailures.empty() || !isDriver(ds, "GeoJSON"))
        return {};
    const std::string member = geoJsonCrsMember(path);
    const std::string lower = asciiLower(std::string(openFailures));
    if (member.empty() && lower.find("crs") == std::string::npos && lower.find("proj") == std::string::npos)
        return {};
    return fmt::format("its \"crs\" member{} is not a coordinate reference system GDAL/PROJ knows ({})",
                       member.empty() ? "" : " '" + member + "'", sentence(openFailures));
}

/// The extent of \a layer's coordinates as stored, when they all lie in longitude/latitude
/// range (|x| <= 180, |y| <= 90); nullopt otherwise or when the layer has no extent.
std::optional<OGREnvelope> degreeLikeExtent(OGRLayer& layer)
{
    GdalErrorCollector quiet;
    OGREnvelope e;
    if (layer.GetExtent(&e, TRUE) != OGRERR_NONE)
        return std::nullopt;
    if (!(e.MinX >= -180.0 && e.MaxX <= 180.0 && e.MinY >= -90.0 && e.MaxY <= 90.0))
        return std::nullopt; // also false for NaN: those are refused per feature
    return e;
}

std::string noCrsMessage(const std::string& layerName)
{
    return fmt::format("layer '{}' has no coordinate reference system (for a shapefile: its .prj "
                       "file is missing or not readable); give the CRS of its coordinates, e.g. EPSG:4326 "
                       "for longitude/latitude or EPSG:32748 for UTM 48S metres",
                       layerName);
}

// ---------------------------------------------------------------------------------------------
// Field values

std::string isoDateTime(const OGRFeature& f, int i, bool withTime)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, tz = 0;
    float s = 0.0F;
    f.GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &s, &tz);
    std::string out = fmt::format("{:04}-{:02}-{:02}", y, mo, d);
    if (!withTime)
        return out;
    const double whole = std::floor(static_cast<double>(s));
    if (static_cast<double>(s) - whole > 1e-4)
        out += fmt::format("T{:02}:{:02}:{:06.3f}", h, mi, static_cast<double>(s));
    else
        out += fmt::format("T{:02}:{:02}:{:02}", h, mi, static_cast<int>(whole));
    if (tz == 100) {
        out += "Z";
    } else if (tz > 1) { // GDAL: 100 = UTC, each step of 1 is 15 minutes
        const int offsetMin = (tz - 100) * 15;
        const int absMin = std::abs(offsetMin);
        out += fmt::format("{}{:02}:{:02}", offsetMin < 0 ? '-' : '+', absMin / 60, absMin % 60);
    }
    return out;
}

FieldValue valueOf(const OGRFeature& f, int i, OGRFieldType type)
{
    if (!f.IsFieldSetAndNotNull(i))
        return std::monostate{};
    switch (type) {
    case OFTInteger:
        return static_cast<long long>(f.GetFieldAsInteger(i));
    case OFTInteger64:
        return static_cast<long long>(f.GetFieldAsInteger64(i));
    case OFTReal:
        return f.GetFieldAsDouble(i);
    case OFTDate:
        return isoDateTime(f, i, false);
    case OFTDateTime:
        return isoDateTime(f, i, true);
    default:
        return std::string(f.GetFieldAsString(i));
    }
}

// ---------------------------------------------------------------------------------------------
// Geometry conversion

struct Parts {
    std::vector<Point> points;
    std::vector<LineString> lines;
    MultiPolygon polygons;
    std::vector<std::string> skipped; // names of parts that cannot be represented
};

std::vector<Point> pointsOf(const OGRSimpleCurve& curve)
{
    std::vector<Point> out;
    const int n = curve.getNumPoints();
    out.reserve(static_cast<std::size_t>(std::max(n, 0)));
    for (int i = 0; i < n; ++i)
        out.push_back({curve.getX(i), curve.getY(i)});
    return out;
}

void collectParts(const OGRGeometry& g, Parts& parts)
{
    if (g.IsEmpty())
        return;
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
        const auto* p = g.toPoint();
        parts.points.push_back({p->getX(), p->getY()});
        break;
    }
    case wkbLineString:
    case wkbLinearRing:
        parts.lines.push_back(pointsOf(*g.toSimpleCurve()));
        break;
    case wkbPolygon:
    case wkbTriangle: {
        const auto* poly = g.toPolygon();
        Polygon out;
        if (const OGRLinearRing* ext = poly->getExteriorRing())
            out.exterior = pointsOf(*ext);
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            out.holes.push_back(pointsOf(*poly->getInteriorRing(i)));
        parts.polygons.push_back(std::move(out));
        break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        const auto* gc = g.toGeometryCollection();
        for (int i = 0; i < gc->getNumGeometries(); ++i)
            if (const OGRGeometry* child = gc->getGeometryRef(i))
                collectParts(*child, parts);
        break;
    }
    case wkbPolyhedralSurface:
    case wkbTIN: {
        std::unique_ptr<OGRGeometry> mp(OGRGeometryFactory::forceToMultiPolygon(g.clone()));
        if (mp && wkbFlatten(mp->getGeometryType()) == wkbMultiPolygon)
            collectParts(*mp, parts);
        else
            parts.skipped.emplace_back(g.getGeometryName());
        break;
    }
    default:
        parts.skipped.emplace_back(g.getGeometryName());
        break;
    }
}

/// Closes open rings and removes rings with fewer than 4 points (GEOS rejects them).
/// Returns a description of what was changed, or "".
std::string tidyRings(MultiPolygon& polygons)
{
    int closed = 0;
    int droppedRings = 0;
    int droppedPolygons = 0;
    auto tidy = [&](Ring& ring) {
        if (!ring.empty() && !(ring.front() == ring.back())) {
            ring.push_back(ring.front());
            ++closed;
        }
        return ring.size() >= 4;
    };
    MultiPolygon kept;
    kept.reserve(polygons.size());
    for (Polygon& polygon : polygons) {
        if (!tidy(polygon.exterior)) {
            ++droppedPolygons;
            continue;
        }
        std::vector<Ring> holes;
        for (Ring& hole : polygon.holes) {
            if (tidy(hole))
                holes.push_back(std::move(hole));
            else
                ++droppedRings;
        }
        polygon.holes = std::move(holes);
        kept.push_back(std::move(polygon));
    }
    polygons = std::move(kept);
    std::string out;
    auto add = [&out](int n, const char* what) {
        if (n == 0)
            return;
        if (!out.empty())
            out += "; ";
        out += fmt::format("{} {}", n, what);
    };
    add(closed, closed == 1 ? "unclosed ring closed" : "unclosed rings closed");
    add(droppedRings, "degenerate hole(s) with fewer than 3 distinct points removed");
    add(droppedPolygons, "degenerate polygon part(s) with fewer than 3 distinct points removed");
    return out;
}

int dimensionOf(GeometryType t)
{
    switch (t) {
    case GeometryType::Point:
        return 0;
    case GeometryType::Line:
        return 1;
    case GeometryType::Polygon:
        return 2;
    case GeometryType::None:
        break;
    }
    return -1;
}

GeometryType typeOfLayer(OGRwkbGeometryType t)
{
    switch (wkbFlatten(t)) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryType::Point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
        return GeometryType::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbTriangle:
    case wkbTIN:
    case wkbPolyhedralSurface:
        return GeometryType::Polygon;
    default:
        return GeometryType::None;
    }
}

/// Builds the feature's geometry from an OGR geometry already in EPSG:4326.
void convertGeometry(OGRGeometry& source, VectorFeature& feature, VectorData& data)
{
    std::unique_ptr<OGRGeometry> linear;
    const OGRGeometry* g = &source;
    if (source.hasCurveGeometry(TRUE)) {
        linear.reset(source.getLinearGeometry());
        if (linear)
            g = linear.get();
    }
    Parts parts;
    collectParts(*g, parts);

    Geometry& out = feature.geometry;
    std::vector<std::string> dropped = std::move(parts.skipped);
    if (!parts.polygons.empty()) {
        out.type = GeometryType::Polygon;
        out.polygons = std::move(parts.polygons);
        if (!parts.lines.empty())
            dropped.push_back(fmt::format("{} line part(s)", parts.lines.size()));
        if (!parts.points.empty())
            dropped.push_back(fmt::format("{} point part(s)", parts.points.size()));
    } else if (!parts.lines.empty()) {
        out.type = GeometryType::Line;
        out.lines = std::move(parts.lines);
        if (!parts.points.empty())
            dropped.push_back(fmt::format("{} point part(s)", parts.points.size()));
    } else if (!parts.points.empty()) {
        out.type = GeometryType::Point;
        out.points = std::move(parts.points);
    }
    if (!dropped.empty())
        data.warnings.push_back({feature.fid,
                                 fmt::format("mixed geometry collection: kept the {} parts, not kept: {}",
                                             out.type == GeometryType::Polygon    ? "polygon"
                                                 : out.type == GeometryType::Line ? "line"
                                                                                  : "point",
                                             joinNames(dropped))});

    if (out.type != GeometryType::Polygon)
        return;

    // Polygons: tidy rings, then check validity with GEOS and repair when needed.
    const std::string tidied = tidyRings(out.polygons);
    if (!tidied.empty())
        data.repaired.push_back({feature.fid, tidied});
    if (out.polygons.empty()) {
        out = Geometry{};
        data.warnings.push_back({feature.fid,
                                 "polygon has no area left after removing degenerate rings; kept without "
                                 "geometry"});
        return;
    }
    try {
        RepairResult repair = makeValid(out.polygons);
        if (!repair.wasValid) {
            data.repaired.push_back({feature.fid,
                                     fmt::format("invalid polygon repaired ({})",
                                                 repair.reason.empty() ? "GEOS gave no reason" : repair.reason)});
            out.polygons = std::move(repair.geometry);
            if (out.polygons.empty()) {
                out = Geometry{};
                data.warnings.push_back(
                    {feature.fid, "invalid polygon has no area after repair; kept without geometry"});
            }
        }
    } catch (const GeometryError& e) {
        data.warnings.push_back(
            {feature.fid, fmt::format("polygon could not be checked for validity ({}); kept as read", e.what())});
    }
}

// ---------------------------------------------------------------------------------------------
// CSV coordinate columns

constexpr std::array<std::string_view, 6> kXNames{"lon", "lng", "long", "longitude", "bujur", "x"};
constexpr std::array<std::string_view, 4> kYNames{"lat", "latitude", "lintang", "y"};

struct CsvColumns {
    int x = -1;
    int y = -1;
};

int findField(const OGRFeatureDefn& defn, std::string_view name)
{
    for (int i = 0; i < defn.GetFieldCount(); ++i)
        if (sameName(defn.GetFieldDefn(i)->GetNameRef(), name))
            return i;
    return -1;
}

template <std::size_t N>
int detectField(const OGRFeatureDefn& defn, const std::array<std::string_view, N>& candidates)
{
    for (std::string_view c : candidates)
        if (int i = findField(defn, c); i >= 0)
            return i;
    return -1;
}

std::vector<std::string> fieldNamesOf(const OGRFeatureDefn& defn)
{
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i)
        names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    return names;
}

/// Finds the coordinate columns of a CSV layer. Returns {-1,-1} when the layer already has a
/// geometry (e.g. a WKT column) and no coordinate columns; throws when it has neither.
CsvColumns csvColumns(OGRLayer& layer, const std::string& path, const ReadOptions& options)
{
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    const auto names = fieldNamesOf(defn);
    CsvColumns cols;
    if (!options.xField.empty()) {
        cols.x = findField(defn, options.xField);
        if (cols.x < 0)
            throw DataSourceError(path,
                                  fmt::format("it has no column '{}' for the x/longitude; its "
                                              "columns are: {}",
                                              options.xField, joinNames(names)));
    } else {
        cols.x = detectField(defn, kXNames);
    }
    if (!options.yField.empty()) {
        cols.y = findField(defn, options.yField);
        if (cols.y < 0)
            throw DataSourceError(path,
                                  fmt::format("it has no column '{}' for the y/latitude; its "
                                              "columns are: {}",
                                              options.yField, joinNames(names)));
    } else {
        cols.y = detectField(defn, kYNames);
    }
    if (cols.x >= 0 && cols.y >= 0 && cols.x != cols.y)
        return cols;
    if (defn.GetGeomFieldCount() > 0 && options.xField.empty() && options.yField.empty())
        return {}; // a WKT geometry column: read it as any other layer
    throw DataSourceError(path,
                          fmt::format("no coordinate columns found (looked for a longitude column named lon, lng, "
                                      "long, longitude, bujur or x and a latitude column named lat, latitude, "
                                      "lintang or y, in any case); its columns are: {}. Rename the columns or name "
                                      "them (x field / y field)",
                                      joinNames(names)));
}

// ---------------------------------------------------------------------------------------------
// Reading

struct Plan {
    std::vector<int> fields; // OGR field indices kept, in VectorData::fieldNames order
    std::vector<OGRFieldType> types;
    CsvColumns csv; // >= 0 when points are built from two columns
    bool hasGeometry = true;
    OgrTransformPtr transform; // null when the source already is EPSG:4326 (or no geometry)
    std::string sourceLabel;
};

/// For a CSV without a declared CRS: scans the coordinate columns; when every value lies in
/// longitude/latitude range they are taken as WGS 84 (EPSG:4326), else throws.
void checkCsvLonLat(OGRLayer& layer, const std::string& path, const CsvColumns& cols)
{
    GdalErrorCollector quiet;
    layer.ResetReading();
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
        const auto x = parseCoordinate(f->GetFieldAsString(cols.x));
        const auto y = parseCoordinate(f->GetFieldAsString(cols.y));
        if (!x || !y)
            continue;
        if (*x < -180.0 || *x > 180.0 || *y < -90.0 || *y > 90.0)
            throw DataSourceError(path,
                                  fmt::format("its coordinates are not longitude/latitude degrees (row {} has {}={}, "
                                              "{}={}) and a CSV declares no CRS; give the CRS of the columns, e.g. "
                                              "EPSG:32748 for UTM 48S metres",
                                              f->GetFID(), defn.GetFieldDefn(cols.x)->GetNameRef(), *x,
                                              defn.GetFieldDefn(cols.y)->GetNameRef(), *y),
                                  {"crs"});
    }
    layer.ResetReading();
}

/// \a unreadableCrs: why the CRS the file declares cannot be used (unreadableDeclaredCrs()),
/// or empty.
Plan makePlan(GDALDataset& ds, OGRLayer& layer, const std::string& path, const ReadOptions& options, VectorData& data,
              const std::string& unreadableCrs)
{
    Plan plan;
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    const bool csv = isDriver(ds, "CSV");
    if (csv)
        plan.csv = csvColumns(layer, path, options);
    const bool fromColumns = plan.csv.x >= 0;
    plan.hasGeometry = fromColumns || defn.GetGeomFieldCount() > 0;

    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (fromColumns && (i == plan.csv.x || i == plan.csv.y))
            continue; // the coordinates become the point geometry
        plan.fields.push_back(i);
        plan.types.push_back(defn.GetFieldDefn(i)->GetType());
        data.fieldNames.emplace_back(cleanCellText(defn.GetFieldDefn(i)->GetNameRef()));
    }
    if (!plan.hasGeometry)
        return plan; // an attribute table: no CRS needed

    // The source CRS: declared by the layer, else assumed by the caller, else (CSV only) WGS 84
    // when the values are longitude/latitude.
    OgrSrsPtr source;
    const OGRSpatialReference* declared = fromColumns ? nullptr : layer.GetSpatialRef();
    if (!unreadableCrs.empty()) {
        if (options.assumedCrs.empty())
            throw DataSourceError(path,
                                  fmt::format("{}; it is not taken as WGS 84 longitude/latitude, which may be "
                                              "wrong; give the CRS of its coordinates, e.g. EPSG:4326 for "
                                              "longitude/latitude or EPSG:32748 for UTM 48S metres, or fix the "
                                              "member",
                                              unreadableCrs),
                                  {"crs"});
        declared = nullptr; // the CRS given replaces the unreadable one
    }
    // A projected CRS (metres) over numbers that all look like degrees: the .prj belongs to
    // another export. Projected, they would land near the projection's origin, far from the
    // data's real place.
    if (declared && !declared->IsEmpty() && declared->IsProjected()) {
        if (const auto e = degreeLikeExtent(layer)) {
            if (options.assumedCrs.empty()) {
                OgrSrsPtr copy(declared->Clone());
                std::string label = crsLabel(*copy);
                if (label.size() > 60 && copy->GetName())
                    label = copy->GetName();
                throw DataSourceError(
                    path,
                    fmt::format("the coordinates look like degrees (x {:.6g}..{:.6g}, y {:.6g}..{:.6g}) but the "
                                "file's CRS (its .prj for a Shapefile) says {}{}, which is in {}; remove or fix "
                                "the .prj, or give the CRS of the coordinates (EPSG:4326 for "
                                "longitude/latitude)",
                                e->MinX, e->MaxX, e->MinY, e->MaxY, label,
                                copy->GetName() && label != copy->GetName() ? fmt::format(" ({})", copy->GetName())
                                                                            : std::string{},
                                [&] {
                                    const char* unit = nullptr;
                                    copy->GetLinearUnits(&unit);
                                    return std::string(unit ? unit : "metres");
                                }()),
                    {"crs"});
            }
            declared = nullptr; // the CRS given for the coordinates wins over the contradicted one
        }
    }
    if (!options.assumedCrs.empty() && (!declared || declared->IsEmpty())) {
        source = srsFromUser(path, options.assumedCrs);
        data.sourceCrs = options.assumedCrs;
    } else if (declared && !declared->IsEmpty()) {
        source.reset(declared->Clone());
        data.sourceCrs = crsLabel(*source);
    } else if (csv) {
        if (fromColumns)
            checkCsvLonLat(layer, path, plan.csv);
        source = srsFromUser(path, "EPSG:4326");
        data.sourceCrs = "EPSG:4326";
    } else {
        throw DataSourceError(path, noCrsMessage(layer.GetName()), {"crs"});
    }
    // Vector formats store x = easting/longitude whatever the CRS's official axis order.
    source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // A short name for messages: the code, or the CRS's name when the label is a long WKT.
    plan.sourceLabel = data.sourceCrs;
    if (plan.sourceLabel.size() > 60 && source->GetName())
        plan.sourceLabel = source->GetName();

    OGRSpatialReference target;
    target.importFromEPSG(4326);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source->IsSame(&target))
        return plan;
    GdalErrorCollector errors;
    plan.transform.reset(OGRCreateCoordinateTransformation(source.get(), &target));
    if (!plan.transform) {
        std::string why = errors.takeFailures();
        throw DataSourceError(path,
                              fmt::format("its CRS ({}) cannot be transformed to EPSG:4326{}{}", plan.sourceLabel,
                                          why.empty() ? "" : ": ", why));
    }
    return plan;
}

/// Whether any vertex of \a g has a NaN or infinite coordinate (GEOS and the road graph must
/// never see one: repairs and searches on NaN do not end).
bool hasNonFiniteCoordinate(const OGRGeometry& g)
{
    if (const auto* point = dynamic_cast<const OGRPoint*>(&g))
        return !std::isfinite(point->getX()) || !std::isfinite(point->getY());
    if (const auto* curve = dynamic_cast<const OGRSimpleCurve*>(&g)) {
        for (int i = 0; i < curve->getNumPoints(); ++i)
            if (!std::isfinite(curve->getX(i)) || !std::isfinite(curve->getY(i)))
                return true;
        return false;
    }
    if (const auto* compound = dynamic_cast<const OGRCompoundCurve*>(&g)) {
        for (int i = 0; i < compound->getNumCurves(); ++i)
            if (hasNonFiniteCoordinate(*compound->getCurve(i)))
                return true;
        return false;
    }
    if (const auto* polygon = dynamic_cast<const OGRCurvePolygon*>(&g)) {
        if (polygon->getExteriorRingCurve() && hasNonFiniteCoordinate(*polygon->getExteriorRingCurve()))
            return true;
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i)
            if (hasNonFiniteCoordinate(*polygon->getInteriorRingCurve(i)))
                return true;
        return false;
    }
    if (const auto* collection = dynamic_cast<const OGRGeometryCollection*>(&g)) {
        for (int i = 0; i < collection->getNumGeometries(); ++i)
            if (hasNonFiniteCoordinate(*collection->getGeometryRef(i)))
                return true;
        return false;
    }
    return false;
}

/// Geometries refused by readFeatures(): the first one and how many.
struct BadCoordinates {
    std::size_t count = 0;
    long long firstFid = 0;
    std::string firstWhat;
    void add(long long fid, std::string what)
    {
        if (count++ == 0) {
            firstFid = fid;
            firstWhat = std::move(what);
        }
    }
};

/// Indonesia's extent with a margin (longitude 94..142, latitude -11..6.5).
bool insideIndonesia(const Extent& e)
{
    return e.minX >= 94.0 && e.maxX <= 142.0 && e.minY >= -11.0 && e.maxY <= 6.5;
}

/// Why the longitude/latitude extent \a e of a feature is impossible, or empty when it is fine.
std::string outOfRange(const Extent& e)
{
    if (e.isEmpty() || (e.minX >= -180.0 && e.maxX <= 180.0 && e.minY >= -90.0 && e.maxY <= 90.0))
        return {};
    std::string hint;
    Extent swapped;
    swapped.include(Point{e.minY, e.minX});
    swapped.include(Point{e.maxY, e.maxX});
    if (insideIndonesia(swapped))
        hint = "; it looks like latitude and longitude are swapped (x must be the longitude)";
    else if (std::max({std::abs(e.minX), std::abs(e.maxX), std::abs(e.minY), std::abs(e.maxY)}) > 1000.0)
        hint = "; the numbers look like metres (a projected CRS such as UTM 48S) labelled as degrees: declare the "
               "file's real CRS (a .prj beside a Shapefile, or the CRS of the layer)";
    else if (e.minX > 180.0 && e.maxX <= 540.0)
        hint = "; longitudes above 180 look like 0..360 degrees: subtract 360";
    return fmt::format("coordinates outside longitude -180..180 / latitude -90..90 (x {:.6g}..{:.6g}, y "
                       "{:.6g}..{:.6g}){}",
                       e.minX, e.maxX, e.minY, e.maxY, hint);
}

void readFeatures(OGRLayer& layer, const std::string& path, Plan& plan, VectorData& data)
{
    GdalErrorCollector errors;
    layer.ResetReading();
    long long index = 0;
    BadCoordinates notFinite, outside;
    for (;;) {
        OGRFeatureUniquePtr f(layer.GetNextFeature());
        if (!f) {
            if (errors.failureCount() > 0)
                throw DataSourceError(path,
                                      fmt::format("reading layer '{}' failed after {} "
                                                  "feature(s): {}. The file may be truncated "
                                                  "or damaged",
                                                  layer.GetName(), index, sentence(errors.takeFailures())));
            break;
        }
        VectorFeature feature;
        feature.fid = f->GetFID() != OGRNullFID ? static_cast<long long>(f->GetFID()) : index;
        ++index;
        if (errors.failureCount() > 0)
            data.warnings.push_back(
                {feature.fid, fmt::format("GDAL reported while reading it: {}", errors.takeFailures())});

        feature.values.reserve(plan.fields.size());
        for (std::size_t k = 0; k < plan.fields.size(); ++k)
            feature.values.push_back(valueOf(*f, plan.fields[k], plan.types[k]));

        if (plan.hasGeometry) {
            std::unique_ptr<OGRGeometry> geometry;
            if (plan.csv.x >= 0) {
                const auto x = parseCoordinate(f->GetFieldAsString(plan.csv.x));
                const auto y = parseCoordinate(f->GetFieldAsString(plan.csv.y));
                if (x && y)
                    geometry = std::make_unique<OGRPoint>(*x, *y);
                else
                    data.warnings.push_back(
                        {feature.fid,
                         fmt::format("row has no valid coordinates ({}='{}', {}='{}'); kept "
                                     "without a location",
                                     f->GetFieldDefnRef(plan.csv.x)->GetNameRef(), f->GetFieldAsString(plan.csv.x),
                                     f->GetFieldDefnRef(plan.csv.y)->GetNameRef(), f->GetFieldAsString(plan.csv.y))});
            } else {
                geometry.reset(f->StealGeometry());
                if (!geometry || geometry->IsEmpty())
                    data.warnings.push_back({feature.fid,
                                             "feature has no geometry (null or empty); kept without a "
                                             "location"});
            }
            if (geometry && !geometry->IsEmpty() && hasNonFiniteCoordinate(*geometry)) {
                notFinite.add(feature.fid, "a coordinate that is not a number (NaN or infinite)");
                geometry.reset();
            }
            if (geometry && !geometry->IsEmpty()) {
                if (plan.transform && geometry->transform(plan.transform.get()) != OGRERR_NONE) {
                    std::string why = errors.takeFailures();
                    data.warnings.push_back({feature.fid,
                                             fmt::format("geometry cannot be transformed from {} to "
                                                         "EPSG:4326{}{}; kept without a location",
                                                         plan.sourceLabel, why.empty() ? "" : ": ", why)});
                } else if (hasNonFiniteCoordinate(*geometry)) {
                    notFinite.add(feature.fid,
                                  "a coordinate that is not a number after the transformation from "
                                      + plan.sourceLabel);
                } else {
                    OGREnvelope envelope;
                    geometry->getEnvelope(&envelope);
                    Extent e;
                    e.include(Point{envelope.MinX, envelope.MinY});
                    e.include(Point{envelope.MaxX, envelope.MaxY});
                    if (std::string why = outOfRange(e); !why.empty())
                        outside.add(feature.fid, std::move(why));
                    else
                        convertGeometry(*geometry, feature, data);
                }
            }
        }
        data.features.push_back(std::move(feature));
    }
    for (const BadCoordinates* bad : {&notFinite, &outside})
        if (bad->count > 0)
            throw DataSourceError(path,
                                  fmt::format("feature fid {} of layer '{}' has {}{}; nothing was imported. Fix or "
                                              "remove the feature{}",
                                              bad->firstFid, layer.GetName(), bad->firstWhat,
                                              bad->count > 1
                                                  ? fmt::format(" ({} of {} features are like it)", bad->count, index)
                                                  : std::string{},
                                              bad->count > 1 ? "s" : ""));
    // Warnings GDAL raised along the way (not tied to a feature) are not errors: dropped with
    // the collector.
}

GeometryType layerType(OGRLayer& layer, const VectorData& data, const Plan& plan)
{
    if (!plan.hasGeometry)
        return GeometryType::None;
    if (plan.csv.x >= 0)
        return GeometryType::Point;
    // The features decide: one kind if they agree, the highest dimension if they are mixed.
    GeometryType seen = GeometryType::None;
    for (const VectorFeature& f : data.features)
        if (dimensionOf(f.geometry.type) > dimensionOf(seen))
            seen = f.geometry.type;
    if (seen != GeometryType::None)
        return seen;
    return typeOfLayer(layer.GetGeomType());
}

} // namespace

// -------------------------------------------------------------------------------------------------

std::string fieldText(const FieldValue& v)
{
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>)
                return {};
            else if constexpr (std::is_same_v<T, std::string>)
                return x;
            else
                return fmt::format("{}", x); // shortest text that reads back to the same double
        },
        v);
}

int VectorData::fieldIndex(const std::string& name) const
{
    const std::string wanted = asciiLower(std::string(name));
    for (std::size_t i = 0; i < fieldNames.size(); ++i)
        if (asciiLower(std::string(fieldNames[i])) == wanted)
            return static_cast<int>(i);
    return -1;
}

VectorData readVector(const std::string& path, const ReadOptions& options)
{
    std::string openFailures;
    GDALDatasetUniquePtr ds = openVector(path, &openFailures);
    OGRLayer& layer = chooseLayer(*ds, path, options.layer);

    if (isDriver(*ds, "ESRI Shapefile"))
        checkShapefileComplete(path, layer.GetName());

    VectorData data;
    data.path = path;
    data.layerName = layer.GetName();
    Plan plan = makePlan(*ds, layer, path, options, data, unreadableDeclaredCrs(*ds, path, openFailures));
    readFeatures(layer, path, plan, data);
    data.type = layerType(layer, data, plan);
    return data;
}

VectorData readAttributes(const std::string& path, const std::string& layerName)
{
    GDALDatasetUniquePtr ds = openVector(path);
    OGRLayer& layer = chooseLayer(*ds, path, layerName);
    VectorData data;
    data.path = path;
    data.layerName = layer.GetName();
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    std::vector<OGRFieldType> types;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        types.push_back(defn.GetFieldDefn(i)->GetType());
        data.fieldNames.emplace_back(cleanCellText(defn.GetFieldDefn(i)->GetNameRef()));
    }
    if (defn.GetGeomFieldCount() > 0) {
        data.type = typeOfLayer(layer.GetGeomType());
        if (const OGRSpatialReference* srs = layer.GetSpatialRef(); srs && !srs->IsEmpty())
            data.sourceCrs = crsLabel(*srs);
    }
    // Skipping the geometry makes a national village layer's attributes a fraction of a second.
    const char* ignored[] = {"OGR_GEOMETRY", nullptr};
    layer.SetIgnoredFields(ignored);
    GdalErrorCollector errors;
    layer.ResetReading();
    long long index = 0;
    for (OGRFeatureUniquePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature()), ++index) {
        VectorFeature feature;
        feature.fid = f->GetFID() != OGRNullFID ? static_cast<long long>(f->GetFID()) : index;
        feature.values.reserve(types.size());
        for (std::size_t k = 0; k < types.size(); ++k)
            feature.values.push_back(valueOf(*f, static_cast<int>(k), types[k]));
        data.features.push_back(std::move(feature));
    }
    layer.SetIgnoredFields(nullptr);
    if (errors.failureCount() > 0)
        throw DataSourceError(path, fmt::format("reading layer '{}' failed after {} feature(s): {}. The file may be "
                                                "truncated or damaged",
                                                data.layerName, index, sentence(errors.takeFailures())));
    return data;
}

std::vector<std::string> listLayers(const std::string& path)
{
    GDALDatasetUniquePtr ds = openVector(path);
    return layerNames(*ds);
}

} // namespace gis
