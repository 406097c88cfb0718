#pragma once
/// \file vectorio.h
/// Reading vector layers from any OGR source (GeoPackage, Shapefile, GeoJSON, KML, CSV with
/// coordinate columns, ...), reprojected to EPSG:4326, invalid polygons repaired and reported.
/// \note Thread safety: readVector() and the other free functions may be called from worker
/// threads at once (each call opens its own GDAL dataset and collects GDAL's errors on its own
/// thread; GDAL's drivers are registered once). A VectorData is a plain value.
#include "gis/geometry.h"

#include <string>
#include <variant>
#include <vector>

namespace gis {

using FieldValue = std::variant<std::monostate, long long, double, std::string>;

/// \brief Text form of a field value ("" for null).
std::string fieldText(const FieldValue& v);

struct ReadOptions {
    std::string layer;      ///< layer name; empty = the first layer
    std::string assumedCrs; ///< CRS to use when the source declares none ("EPSG:4326"); empty = error
    std::string xField;     ///< CSV: longitude/easting column; empty = detect (lon, lng, longitude, x, bujur)
    std::string yField;     ///< CSV: latitude/northing column; empty = detect (lat, latitude, y, lintang)
};

/// \brief Something said about one feature: a repair, an empty geometry, a skipped part.
struct FeatureNote {
    long long fid = 0;
    std::string message;
};

struct VectorFeature {
    long long fid = 0;
    Geometry geometry;              ///< EPSG:4326, x = lon, y = lat
    std::vector<FieldValue> values; ///< one per VectorData::fieldNames
};

struct VectorData {
    std::string path;
    std::string layerName;
    std::string sourceCrs; ///< the source's CRS as "AUTH:CODE" or WKT; "EPSG:4326" after an assumed CRS
    GeometryType type = GeometryType::None;
    std::vector<std::string> fieldNames;
    std::vector<VectorFeature> features;
    std::vector<FeatureNote> repaired; ///< invalid polygons that were repaired, by feature
    std::vector<FeatureNote> warnings; ///< features kept with empty geometry, etc.

    /// \brief Index of a field by name (case-insensitive), or -1.
    int fieldIndex(const std::string& name) const;
};

/// \brief Reads one layer. Every feature is kept; problems are recorded per feature.
///
/// - Geometries are reprojected to EPSG:4326 (x = lon). Points and multipoints become
///   Geometry::points, lines Geometry::lines, polygons Geometry::polygons (curves linearised).
///   Polygons are checked with GEOS; invalid ones are repaired (makeValid) and listed in
///   VectorData::repaired. A null or empty geometry is kept as GeometryType::None and listed in
///   VectorData::warnings. A layer without a geometry column is read as a table (type None).
/// - VectorData::type is the kind the features share; for a mixed layer (common in KML) it is
///   the highest dimension present, and each feature keeps its own type.
/// - Field values keep the source's type: integers -> long long, reals -> double, everything
///   else (dates as ISO 8601) -> text; a CSV's columns are all text unless a .csvt says
///   otherwise, so codes such as "18.06.20.2005" or "0012" are never turned into numbers.
/// - CSV: the point comes from two columns, named by ReadOptions::xField/yField or found by
///   name (case-insensitive: lon, lng, long, longitude, bujur, x / lat, latitude, lintang, y);
///   ',' ';' and tab separators and decimal commas ("104,62") are accepted. Those two columns
///   become the geometry and are not listed in fieldNames. A CSV declares no CRS: without
///   ReadOptions::assumedCrs its coordinates are taken as WGS 84 longitude/latitude
///   (EPSG:4326), which is what a lon/lat spreadsheet means; if any value is outside
///   [-180, 180] x [-90, 90] the read fails and asks for the CRS (e.g. UTM 48S metres).
///   A CSV with a WKT column and no coordinate columns is read through that column.
/// - ReadOptions::assumedCrs applies only when the source declares no usable CRS: none, a GeoJSON
///   "crs" member GDAL/PROJ cannot resolve (without assumedCrs that is an error, never read as
///   WGS 84; a GeoJSON without "crs" is WGS 84 by RFC 7946), or a projected CRS (e.g. a UTM .prj)
///   over coordinates that all lie in degree range (|x| <= 180, |y| <= 90; without assumedCrs
///   that is an error suggesting to remove or fix the .prj).
/// \throws DataSourceError naming the file when it cannot be opened or parsed, has no such
/// layer, a CSV has no coordinate columns, or the layer has no usable CRS and none is assumed
/// (parameters() {"crs"}).
VectorData readVector(const std::string& path, const ReadOptions& options = {});

/// \brief Reads one layer's attributes only (no geometry is read or checked): every feature with
/// its fid and values as readVector() gives them, VectorData::type from the layer's declared type
/// and VectorData::sourceCrs the CRS the layer declares ("" when none). For previews (which fields,
/// which codes) before the full read. \throws DataSourceError when the source or layer cannot be read.
VectorData readAttributes(const std::string& path, const std::string& layer = {});

/// \brief Names of the layers of a source. \throws DataSourceError.
std::vector<std::string> listLayers(const std::string& path);

} // namespace gis
