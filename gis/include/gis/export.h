#pragma once
/// \file export.h
/// Exporting a project's villages with the indicator values of one period, through GDAL/OGR:
/// GeoPackage (villages + facilities as a second layer), Shapefile, GeoJSON, CSV and XLSX.
/// \note Thread safety: exportProject() reads the Dataset (it must not change meanwhile) and
/// writes its own file through a temporary beside it; it may run on a worker thread.
#include "gis/dataset.h"
#include "gis/personaldata.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace gis {

struct ExportOptions {
    std::string period; ///< indicator period; empty = meta "default_period" when present, else the latest
    /// DTSEN-derived counts from 1 to this - 1 are written empty (personaldata.h); 0 or 1 writes
    /// them all (for the office's own analysis, never for publishing).
    int smallCountThreshold = kDefaultSmallCountThreshold;
};

struct ExportReport {
    std::string path;
    std::string format; ///< GDAL driver: GPKG, ESRI Shapefile, GeoJSON, CSV, XLSX
    std::string period;
    std::size_t villages = 0;
    std::size_t facilities = 0;                               ///< written as a second layer (GPKG, XLSX), else 0
    std::vector<std::string> columns;                         ///< columns of the village layer, as written
    std::vector<std::pair<std::string, std::string>> renamed; ///< Shapefile: full name -> 10-character name
    /// Non-empty when DTSEN-derived columns were written: the TERBATAS notice, also in the file
    /// (GPKG metadata and layer description, an XLSX sheet "catatan", a GeoJSON description).
    std::string restrictedNotice;
    std::size_t suppressedValues = 0; ///< small DTSEN-derived counts written empty
    /// CSV and Shapefile with the notice: the text file beside them that carries it
    /// (restrictedNoticePath), since neither format has room for a note; empty otherwise.
    std::string noticePath;
    std::string text() const;
};

/// \brief Writes the villages (pekon/kelurahan/desa) of \a ds with every stored indicator of the
/// period as a column. Format from the extension of \a path: .gpkg, .shp, .geojson/.json, .csv, .xlsx.
///
/// Columns: kode, nama, jenis (kind), kode_kec, kecamatan, then one real column per indicator
/// key (empty/null where a village has no value). Geometry: polygons in EPSG:4326 for GPKG, SHP
/// and GeoJSON. CSV and XLSX carry no polygons: they get columns lon and lat, the village's
/// point-on-surface (a point inside it), so a spreadsheet stays readable and the file reads back
/// as points (gis::readVector finds lon/lat). GPKG and XLSX also get the facilities as a second
/// layer/sheet "fasilitas". Shapefile field names longer than 10 characters are shortened
/// without collisions (ExportReport::renamed).
///
/// The file is written in a temporary folder beside \a path and renamed into place when complete
/// (every file of a Shapefile), so an existing file is replaced only by a complete one.
/// \throws OutputError naming the file when the format is unknown or writing fails;
/// \throws Error when the dataset has no villages.
ExportReport exportProject(const Dataset& ds, const std::string& path, const ExportOptions& options = {});

/// \brief The TERBATAS notice beside a CSV or Shapefile export: "<folder>/<stem>.TERBATAS.txt"
/// ("desa.csv" -> "desa.TERBATAS.txt").
std::string restrictedNoticePath(const std::string& path);

/// \brief Rows of villages with numeric columns, for writeVillageTable.
struct VillageTable {
    std::vector<const Area*> villages;       ///< one row each, in this order
    std::vector<std::string> columns;        ///< numeric column names
    std::vector<std::vector<double>> values; ///< [row][column]; NaN is written as null
    std::vector<std::string> textColumns;          ///< text columns (categories), after the numeric ones
    std::vector<std::vector<std::string>> texts;   ///< [row][text column]; empty is written as null
    bool withFacilities = true;              ///< GPKG and XLSX: add the fasilitas layer/sheet
    std::string notice;                      ///< non-empty: written in the file as ExportReport::restrictedNotice says
};

/// \brief Writes villages with columns kode, nama, jenis, kode_kec, kecamatan and \a table's
/// columns, in the format of \a path's extension (as exportProject, which uses it).
/// \throws OutputError naming the file.
ExportReport writeVillageTable(const Dataset& ds, const std::string& path, const VillageTable& table);

/// \brief Names of at most \a maxLength characters, unique ignoring case: a longer name is cut,
/// and a cut that collides gets a number ("rumah_tan1"). Names that fit are kept.
std::vector<std::string> shortFieldNames(const std::vector<std::string>& names, std::size_t maxLength = 10);

} // namespace gis
