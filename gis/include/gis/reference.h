#pragma once
/// \file reference.h
/// The national reference of Kemendagri codes and names: every province, kabupaten/kota,
/// kecamatan and desa/kelurahan of Indonesia, from the idn-area-data package (data ODbL 1.0;
/// see data/README.md). It is compiled into the program compressed (data/reference/wilayah.txt.gz)
/// and decompressed and parsed on first use, so a program that never needs a name pays nothing.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gis {

/// \brief One area of the reference.
struct ReferenceEntry {
    std::string code;      ///< dotted Kemendagri code: "18", "18.06", "18.06.20", "18.06.20.2001"
    std::string_view name; ///< as the reference writes it: "Lampung", "Kabupaten Tanggamus", "Gisting",
                           ///< "Campang"; points into the owning AreaReference
    int level = 0;         ///< 1 province, 2 kabupaten/kota, 3 kecamatan, 4 desa/kelurahan
};

/// \brief Whether a level-2 area is a Kabupaten (regency) or a Kota (city).
enum class RegencyType { Unknown, Kabupaten, Kota };

/// \brief A kabupaten/kota name taken apart.
struct RegencyName {
    RegencyType type = RegencyType::Unknown;
    std::string bare;    ///< "Tanggamus", "Bandar Lampung", "Jakarta Barat"
    std::string display; ///< "Kabupaten Tanggamus", "Kota Bandar Lampung", "Kota Administrasi Jakarta Barat"
};

/// \brief Splits "Kabupaten Tanggamus", "KOTA BANDAR LAMPUNG", "Kab. Pringsewu" or "Kota Administrasi
/// Jakarta Barat" into type, bare name and display name (title-cased when the input is all capitals).
/// A name without a prefix has type Unknown, bare = display = the name as given.
RegencyName splitRegencyName(std::string_view name);

/// \brief "Bandar Lampung" for "BANDAR LAMPUNG"; a name with any lower-case letter is returned as it is.
std::string titleCasedIfUpper(std::string_view name);

/// \brief The parsed reference: entries sorted by code (which is also parent-before-child order).
/// Immutable after construction; const member functions may be called from any thread.
class AreaReference {
public:
    /// \brief The reference compiled into the program, decompressed and parsed on the first call
    /// (std::call_once: thread-safe; a failed load throws gis::Error and is retried on the next call).
    /// The object lives until the program exits.
    static const AreaReference& national();

    /// \brief Parses the text format written by data/tools/update_reference.py (decompressed).
    /// \throws Error naming the line when the text is not of that format.
    explicit AreaReference(std::string text);

    /// Not copyable or movable: entry names point into the object's own text.
    AreaReference(const AreaReference&) = delete;
    AreaReference& operator=(const AreaReference&) = delete;

    /// \brief "idn-area-data 4.0.1" (from the file's header).
    const std::string& edition() const noexcept { return mEdition; }
    /// \brief "data ODbL 1.0, package MIT; https://github.com/fityannugroho/idn-area-data#readme".
    const std::string& licence() const noexcept { return mLicence; }

    /// \brief The entry of a code (dotted, or digits only as parseAreaCode reads them: "1806" =
    /// "18.06"), nullptr when the reference does not know it.
    const ReferenceEntry* find(std::string_view code) const;

    /// \brief The name to show for a code: the reference name, a kabupaten/kota as
    /// splitRegencyName().display ("Kabupaten Tanggamus", "Kota Bandar Lampung"), a province
    /// title-cased; "" when the code is unknown.
    std::string displayName(std::string_view code) const;

    /// \brief The direct children of a code in code order ("" = the provinces); empty when the code is
    /// unknown or a village. Pointers stay valid as long as this object.
    std::vector<const ReferenceEntry*> children(std::string_view code) const;

    /// \brief Every entry, in code order.
    std::span<const ReferenceEntry> entries() const noexcept { return mEntries; }

    /// \brief Number of entries of a level (1-4), 0 for another level.
    std::size_t count(int level) const noexcept;

private:
    std::string mText; ///< the decompressed text; entry names point into it
    std::string mEdition, mLicence;
    std::vector<ReferenceEntry> mEntries;
    std::size_t mCounts[5] = {0, 0, 0, 0, 0};
};

/// \brief A code of a file that the reference does not know (obsolete, mistyped, or newer than it).
struct ReferenceUnknownCode {
    std::string code;
    int level = 0;          ///< 1-4 as for ReferenceEntry
    std::string nameInFile; ///< "" when the file gives no name
};

/// \brief A name of a file that is not the reference's name of its code (case, spacing,
/// punctuation and prefixes such as "Kecamatan" or "Desa" are not differences).
struct ReferenceNameDifference {
    std::string code;
    int level = 0;
    std::string inFile;      ///< "Way Piring"
    std::string inReference; ///< "Way Pring"
};

/// \brief What naming areas from the reference did (gis::nameBoundariesFromReference).
struct ReferenceNamingReport {
    std::string edition;                       ///< "idn-area-data 4.0.1"; "" = the reference was not consulted
    std::size_t named[5] = {0, 0, 0, 0, 0};    ///< by level 1-4: areas the file did not name, named from it
    std::size_t recased = 0;                   ///< names the file wrote in capitals, written as the reference does
    std::vector<ReferenceUnknownCode> unknown; ///< in code order
    std::vector<ReferenceNameDifference> differences; ///< in code order; the file's names are kept
    std::string reportPath; ///< where writeReferenceReport() put both lists in full; "" = not written

    /// \brief How many entries of each list text() shows: a national file has tens of thousands,
    /// which belong in the report file, not on a terminal.
    static constexpr std::size_t listedInText = 20;

    /// \brief Lines for a terminal report ("reference: ..."): the first listedInText entries of each
    /// list, then how many more and reportPath when set; "" when not consulted.
    std::string text() const;
};

/// \brief A finding of an import besides the reference's (a repaired polygon, a multipart area,
/// a feature not imported, ...), one row of the reference report.
struct ImportFinding {
    std::string finding;           ///< "multipart", "not_imported", ...
    std::string code;              ///< the area's code, "" when the finding is about a feature
    std::optional<long long> fid;  ///< the feature, when the finding is about one
    std::string note;              ///< what was found or done
};

/// \brief Writes both lists of \a report and every entry of \a importFindings in full to the CSV
/// \a path (columns finding, level, code, name_in_file, name_in_reference, edition, fid, note;
/// finding is "not_in_reference", "name_differs" or an ImportFinding's), atomically.
/// \throws OutputError naming \a path.
void writeReferenceReport(const ReferenceNamingReport& report, const std::vector<ImportFinding>& importFindings,
                          const std::string& path);

/// \brief Where a boundary import's reference report goes when none is given: beside the project
/// file as NAME.reference.csv (NAME without .sasaran.sqlite), or "reference.csv" in the current
/// folder for a server project.
std::string defaultReferenceReportPath(const std::string& projectLocation);

/// \brief Inflates gzip or zlib bytes (RFC 1952/1950). \a what names the data in an error.
/// \throws Error when the bytes are not a complete gzip or zlib stream.
std::string inflateBytes(std::string_view compressed, const std::string& what);

} // namespace gis
