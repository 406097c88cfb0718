#pragma once
/// \file boundaryimport.h
/// Importing administrative boundaries from any OGR vector source: a regency's own village
/// layer (BIG/RBI, BPS or cahyadsn files), with codes normalised to the dotted Kemendagri form,
/// kecamatan and kabupaten dissolved from the villages when the file does not give them, and a
/// report that lists every feature that needed attention (nothing is dropped silently).
/// \note Thread safety: readBoundaries() reads a file into a new BoundarySet and may run on a
/// worker thread (the slow part: reading and dissolving). Functions taking a Dataset& change it:
/// call them with exclusive access to that Dataset.
#include "gis/dataset.h"
#include "gis/reference.h"
#include "gis/vectorio.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace gis {

struct BoundaryImportOptions {
    std::string layer;                ///< layer name; empty = the first layer
    std::string codeField;            ///< Kemendagri code field; empty = detect (KDEPUM, kode, ...; see readBoundaries)
    std::string nameField;            ///< name field; empty = detect (NAMOBJ, WADMKD, NMDESA, nama, ...)
    std::string parentField;          ///< kecamatan NAME field; empty = detect (WADMKC, NMKEC, ...)
    std::string bpsField;             ///< BPS code field kept as the crosswalk; empty = detect (KDEBPS)
    std::string regencyField;         ///< kabupaten name field; empty = detect (WADMKK, NMKAB)
    std::string assumedCrs;           ///< CRS when the file declares none, e.g. "EPSG:4326"; empty = error
    std::string edition;              ///< edition/vintage of the boundaries, recorded in meta "boundary_edition"
    std::string filter;               ///< keep only areas whose code starts with this prefix ("18.10"); the
                                      ///< others are counted in BoundaryImportReport::filteredOut
    std::string villageKind = "desa"; ///< kind of a desa-coded village in a new project ("desa", "pekon",
                                      ///< "kampung", ...); kelurahan codes (DDDD = 1xxx) become "kelurahan"
};

/// \brief Features that share one code: merged into one area (their polygons unioned).
struct DuplicateCode {
    std::string code;
    std::vector<long long> fids;
};

struct BoundaryImportReport {
    std::string path;
    std::string layer;
    std::string sourceCrs;
    std::string codeField, nameField, parentField, bpsField, regencyField; ///< fields used ("" = none)
    std::string codeScheme; ///< "Kemendagri" (BPS-coded files are refused)
    std::size_t featuresRead = 0;
    std::size_t villages = 0, kecamatan = 0, kabupaten = 0;     ///< areas built, by level
    std::size_t kecamatanDissolved = 0, kabupatenDissolved = 0; ///< of those, built by dissolving
    std::size_t kecamatanNamedByCode = 0;                       ///< dissolved kecamatan without a name in the file
    std::size_t filteredOut = 0;                                ///< features outside BoundaryImportOptions::filter
    std::size_t bpsPairs = 0;                                   ///< Kemendagri -> BPS pairs kept as crosswalk
    std::vector<FeatureNote> repaired;                          ///< invalid polygons repaired (from readVector)
    std::vector<FeatureNote> warnings;                          ///< empty geometries and other notes per feature
    std::vector<FeatureNote> rejected;     ///< features without a usable code (not imported), by fid
    std::vector<std::string> multipart;    ///< codes of areas with more than one polygon
    std::vector<DuplicateCode> duplicates; ///< codes given by more than one feature (merged)
    ReferenceNamingReport reference;       ///< names from the national reference (gis/referencenaming.h)
    /// Filled when compared with a project's area list (replaceBoundaries / compareWithList):
    bool comparedWithList = false;
    std::vector<std::string> notInList;       ///< village codes of the file not in the list
    std::vector<std::string> missingFromFile; ///< village codes of the list not in the file

    std::string reportPath; ///< where every list went in full (writeReferenceReport); "" = not written

    /// \brief The report as text lines for a terminal: the first ReferenceNamingReport::listedInText
    /// entries of each list, then how many more and reportPath when set.
    std::string text() const;
    /// \brief Whether some list has more entries than text() shows.
    bool listsLongerThanText() const;
    /// \brief Every entry of every list, as rows for writeReferenceReport().
    std::vector<ImportFinding> findings() const;
};

/// \brief Boundaries read from a file: the areas (villages, then kecamatan, then kabupaten,
/// each sorted by code) with the code crosswalk and the report.
struct BoundarySet {
    std::vector<Area> areas;
    std::map<std::string, std::string> bpsCodes; ///< Kemendagri -> BPS
    std::string regencyCode;                     ///< the single kabupaten code, "" when several
    std::string regencyName;
    std::string edition; ///< BoundaryImportOptions::edition
    BoundaryImportReport report;
    /// Geodesic areas measured while reading (the villages; a kecamatan or kabupaten dissolved
    /// from parts that do not overlap as the sum of theirs), with the fingerprint of the geometry
    /// they belong to: a new project stores them instead of measuring again (Dataset::areaCache).
    std::map<std::string, CachedArea> areaCache;
};

/// \brief Reads boundaries with gis::readVector and builds the area list.
///
/// Field recognition (case-insensitive; an option names a field explicitly):
/// - code: KDEPUM, kode, kode_desa, kd_desa, kode_wilayah, kode_kemendagri, code, kdcpum
///   (kecamatan layer), kdpkab (kabupaten layer); IDDESA (BPS) and KDEBPS are BPS codes;
/// - name: NAMOBJ, WADMKD, NMDESA, nama, nama_desa, name, desa;
/// - kecamatan name: WADMKC, NMKEC, kecamatan, nama_kec; kabupaten name: WADMKK, NMKAB.
/// Codes are text, normalised with parseAreaCode (1806202005 -> 18.06.20.2005). A feature's
/// level comes from its code (village, kecamatan or kabupaten); kecamatan and kabupaten missing
/// from the file are dissolved from their villages (gis::unionCoverage) and named from the kecamatan
/// name field (the most common value among its villages), else "Kecamatan <code>"; then every area
/// the file does not name gets its name from the national reference (gis::nameBoundariesFromReference,
/// which also reports codes the reference lacks and names that differ from it in report.reference).
/// \throws DataSourceError naming the file when it cannot be read, has no code field, or its
/// codes are BPS codes (which need a crosswalk to become Kemendagri codes).
BoundarySet readBoundaries(const std::string& path, const BoundaryImportOptions& options = {});

/// \brief What a boundary file holds, read from its attributes only: for choosing the layer, the
/// fields and the regency before the (slow) full read of a new project.
struct BoundaryFilePreview {
    std::string path;
    std::vector<std::string> layers; ///< every layer of the file
    std::string layer;               ///< the layer previewed
    std::vector<std::string> fields; ///< that layer's fields
    std::string sourceCrs;           ///< the CRS the layer declares, "" when it declares none
    /// The fields the import would read: the ones named in the options, else those detected
    /// (as readBoundaries chooses them); "" = none.
    std::string codeField, nameField, parentField, bpsField, regencyField;
    enum class Problem {
        None,
        NoCodeField,    ///< no code field detected: the user must name one
        UnknownField,   ///< a field named in the options is not in the layer
        BpsCodes,       ///< the code field holds BPS codes, not Kemendagri codes
        NoVillageCodes, ///< no feature has a village-level Kemendagri code
    };
    Problem problemKind = Problem::None;
    /// Why the layer cannot be imported with these fields, as a sentence; "" when it can.
    std::string problem;
    std::size_t features = 0;
    std::size_t villages = 0;    ///< features with a village-level Kemendagri code
    std::size_t otherLevels = 0; ///< features with a kecamatan/kabupaten/province code
    std::size_t unreadable = 0;  ///< features whose code is not a Kemendagri code
    struct Regency {
        std::string code; ///< "18.10"
        std::string name; ///< "Kabupaten Pringsewu": the national reference, else the file's regency field
        std::size_t villages = 0;
    };
    std::vector<Regency> regencies; ///< regencies of the villages, by code
    struct Sample {
        std::string code, name, kecamatan; ///< as the file gives them (code normalised), else from the reference
        bool nameFromReference = false, kecamatanFromReference = false;
    };
    std::vector<Sample> samples; ///< the first villages under BoundaryImportOptions::filter (up to the maximum)
};

/// \brief Previews layer BoundaryImportOptions::layer (empty = the first) of \a path with the
/// fields of \a options (empty = detect). Field problems are reported in
/// BoundaryFilePreview::problem, not thrown. \throws DataSourceError when the file or layer
/// cannot be read.
BoundaryFilePreview previewBoundaries(const std::string& path, const BoundaryImportOptions& options = {},
                                      std::size_t maxSamples = 8);

/// \brief Splits "FILE:LAYER" into file and layer when FILE exists and LAYER is given.
std::pair<std::string, std::string> splitSourceAndLayer(const std::string& text);

/// \brief Fills BoundaryImportReport::notInList and missingFromFile by comparing the village
/// codes of \a set with \a villageCodes (a project's area list, e.g. buildDefaultDataset()).
void compareWithList(BoundarySet& set, const std::vector<std::string>& villageCodes);

/// \brief The capital of the regency.
struct Capital {
    std::string name;
    Point location;
    std::string how; ///< "point-on-surface of pekon 18.06.20.1001 Kuripan", "coordinates given", ...
};

/// \brief Finds the capital: "LON,LAT" (decimal degrees), an area code, or a name matched
/// (ignoring case, spacing and the prefixes Pekon/Desa/Kelurahan/Kel./Kecamatan) against
/// kecamatan first, then villages; the point is the area's point-on-surface.
/// \throws Error when nothing or more than one area matches (the message lists them).
Capital findCapital(const std::vector<Area>& areas, const std::string& spec);

/// \brief Creates a new project from boundaries: areas, crosswalk, meta (provenance real,
/// boundary source/edition, regency code/name, capital when \a capitalSpec is given).
Dataset newProjectFromBoundaries(BoundarySet set, const std::string& capitalSpec = {});

/// \brief What replacing boundaries changed besides the areas.
struct ReplaceReport {
    std::size_t areasBefore = 0, areasAfter = 0;
    std::size_t keptFromBefore = 0;       ///< areas missing from the file, kept with their previous boundary
    std::size_t keptGeometry = 0;         ///< areas the file gives without a polygon: their previous boundary is kept
    std::size_t facilitiesReassigned = 0; ///< surveyed facilities whose area code changed
    std::size_t facilitiesMoved = 0;      ///< located_by = pekon facilities moved to their pekon's new point
    std::vector<long long> facilitiesOutside; ///< facility ids inside no village (area code kept)
    std::size_t indicatorsKept = 0;
    std::size_t indicatorsWithoutArea = 0; ///< values whose code is not an area after the import
    std::string text() const;
};

/// \brief Replaces the areas of \a ds by those of \a set, keyed by code: every indicator and
/// facility is kept. Areas of the project that the file lacks are kept with their previous
/// boundary (and listed in the report); so are areas the file gives without a polygon (a null or
/// empty geometry never replaces a stored boundary). Names and kinds of the project are kept for codes the
/// file names only by code. Facilities located at a pekon's point move to the new point;
/// surveyed facilities get their area code re-derived by point-in-polygon. Meta then says
/// provenance "real", boundary_source/boundary_edition/boundary_imported_at; when the project was
/// illustrative, meta "values_provenance" stays "illustrative" for its figures.
ReplaceReport replaceBoundaries(Dataset& ds, BoundarySet& set, const std::string& capitalSpec = {});

} // namespace gis
