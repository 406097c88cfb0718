#pragma once
/// \file referencenaming.h
/// Naming imported areas from the national reference (gis/reference.h): kecamatan, kabupaten/kota
/// and province names for files that give only codes (a village layer with codes and village names),
/// codes the reference does not know and names that differ from it for the import report, and the
/// regency capital found by a kecamatan or village name.
/// \note Functions use AreaReference::national() unless given another reference; they may be called
/// from any thread on distinct arguments.
#include "gis/boundaryimport.h"
#include "gis/dataset.h"
#include "gis/reference.h"

#include <string>
#include <vector>

namespace gis {

/// \brief True when an area's name is missing or made from its code: "", "18.10.01", "1810010001",
/// "Kecamatan 18.10.01", "KABUPATEN 18.10" (one word before the code).
bool isNameFromCode(const Area& area);

/// \brief The key two names are compared by: ASCII lower case, letters and digits only, without a
/// leading administrative word (kecamatan, kabupaten, kab., kota for level 2 only, desa, pekon,
/// kelurahan, kel., kampung, tiyuh, nagari, gampong). "Gading Rejo" and "GADINGREJO" share a key.
std::string referenceNameKey(std::string_view name, int level);

/// \brief Names \a areas from \a reference and reports on them (into the returned report):
/// - an area whose name is missing or made from its code (isNameFromCode) gets the reference name
///   (kecamatan and villages as the reference writes them, a kabupaten/kota as "Kabupaten X" or
///   "Kota X", a province title-cased);
/// - a name of the file equal to the reference's but for case/spacing is kept, except that one
///   written in capitals, and every kabupaten/kota name, takes the reference's form;
/// - other names of the file are kept and listed as differences;
/// - codes the reference lacks are listed (and keep the file's name or their placeholder).
ReferenceNamingReport nameAreasFromReference(std::vector<Area>& areas,
                                             const AreaReference& reference = AreaReference::national());

/// \brief nameAreasFromReference() on the areas of a boundary import, kept in set.report.reference;
/// then BoundaryImportReport::kecamatanNamedByCode counts the kecamatan still named by code, and
/// BoundarySet::regencyName is the regency's "Kabupaten X" / "Kota X" name.
void nameBoundariesFromReference(BoundarySet& set, const AreaReference& reference = AreaReference::national());

/// \brief The project's names after a boundary import: areas still named by code get the reference
/// name; meta regency_name and dataset_name (when missing or made from a code) say "Kabupaten X" or
/// "Kota X", or "Provinsi X" for a project of several regencies of one province; meta province is
/// filled when missing; when \a naming named any area, meta names_source says the edition, and meta
/// reference_edition records the edition the names were compared with.
void nameProjectFromReference(Dataset& ds, const ReferenceNamingReport& naming,
                              const AreaReference& reference = AreaReference::national());

/// \brief The regency's name as titles, legends, the atlas and the meeting pack print it:
/// "Kabupaten X" or "Kota X" as the regency's code says (the reference's type of meta
/// regency_code or of the one kabupaten area, else Kemendagri's numbering: 71 and above are
/// cities), from meta regency_name or else the kabupaten area's name, whatever prefix that name
/// carries; a "Provinsi X" name, or dataset_name for a project of several regencies, as it is;
/// "" when the project names no regency.
std::string regencyTitle(const Dataset& ds, const AreaReference& reference = AreaReference::national());

/// \brief The regency capital from \a spec: "LON,LAT" or an area code as gis::findCapital reads them;
/// otherwise a name (case, spacing and prefixes such as Kecamatan/Desa/Kelurahan ignored) matched
/// against the kecamatan first, then the villages; the point is the area's point-on-surface.
/// \throws Error when nothing matches (listing up to 10 areas whose names contain it, with their
/// kecamatan) or several do (listing code, name, kind and kecamatan of each).
Capital resolveCapital(const std::vector<Area>& areas, const std::string& spec);

} // namespace gis
