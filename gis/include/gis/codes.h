#pragma once
/// \file codes.h
/// Area codes as text: the Kemendagri scheme (PP.KK.CC.DDDD, e.g. "18.06.20.2005", also
/// written without dots "1806202005") and the BPS scheme (PPKKCCCDDD, e.g. "1802050001";
/// Tanggamus is 18.06 for Kemendagri but 1802 for BPS). Codes are never numbers: leading
/// zeros are kept and nothing is parsed as an integer.
/// \note Thread safety: all functions are pure and may be called from any thread.
#include <string>
#include <string_view>
#include <vector>

namespace gis {

enum class CodeScheme {
    Unknown,    ///< not a code, or a form both schemes share and nothing else decides
    Kemendagri, ///< PP.KK.CC.DDDD (dotted or not); village DDDD starts with 1 (kelurahan) or 2 (desa)
    Bps,        ///< PPKKCCCDDD: kecamatan has 3 digits (010, 020, ...), village 3 digits
};

/// \brief Name of a scheme for messages: "Kemendagri", "BPS" or "unknown".
std::string codeSchemeName(CodeScheme scheme);

/// \brief A code read from a file, classified and normalised.
struct AreaCode {
    std::string text; ///< normalised: dotted Kemendagri ("18.06.20.2005"), BPS as digits ("1802050001"),
                      ///< or the trimmed input when it is not a code (level 0)
    CodeScheme scheme = CodeScheme::Unknown;
    int level = 0; ///< 1 province, 2 kabupaten/kota, 3 kecamatan, 4 village; 0 = not a code
    bool valid() const noexcept { return level > 0; }
};

/// \brief Classifies and normalises one code.
///
/// - Dotted input must have segments of 2, 2, 2 and 4 digits (any prefix of them): "18.06",
///   "18.06.20", "18.06.20.2005" (Kemendagri; a 2- or 4-digit code counts as Kemendagri too).
/// - Digits only: 2 -> province, 4 -> kabupaten ("1806" -> "18.06"; the scheme is Unknown
///   because BPS kabupaten codes have the same shape), 6 -> Kemendagri kecamatan
///   ("180620" -> "18.06.20"), 7 -> BPS kecamatan, 10 -> a village: Kemendagri when the 7th
///   digit (first of DDDD) is 1 or 2, BPS when it is 0 (BPS kecamatan codes end in 0).
/// - Spaces around the code, and a trailing ".0" left by a spreadsheet that stored the code
///   as a number, are ignored. Anything else is not a code (level 0).
AreaCode parseAreaCode(std::string_view raw);

/// \brief parseAreaCode(raw).text when the code is Kemendagri or of the shared shapes
/// (province, kabupaten), else "" (BPS village/kecamatan codes and non-codes).
std::string normaliseKemendagriCode(std::string_view raw);

/// \brief Parent of a dotted Kemendagri code ("18.06.20.2005" -> "18.06.20"; "18" -> "").
std::string parentKemendagriCode(std::string_view dotted);

/// \brief Level of a dotted Kemendagri code (1-4), 0 when it is not one.
int kemendagriLevel(std::string_view dotted);

/// \brief True when a dotted Kemendagri village code is a kelurahan (DDDD starts with 1).
bool isKelurahanCode(std::string_view dotted);

/// \brief The scheme a set of codes (e.g. a column) uses.
struct CodeSchemeGuess {
    CodeScheme scheme = CodeScheme::Unknown;
    std::size_t kemendagri = 0; ///< codes that are Kemendagri only
    std::size_t bps = 0;        ///< codes that are BPS only
    std::size_t ambiguous = 0;  ///< codes of a shape both schemes share (2 or 4 digits)
    std::size_t invalid = 0;    ///< not codes
    std::string explanation;    ///< one sentence for a report
};

/// \brief Decides the scheme of a column of codes: the majority of the codes that decide
/// (Kemendagri-only or BPS-only shapes). When only 4-digit codes are present and
/// \a knownRegencies (dotted Kemendagri kabupaten codes, e.g. {"18.06"}) is given, a code
/// that is not among them is taken as BPS (Tanggamus "1802" against "18.06").
CodeSchemeGuess detectCodeScheme(const std::vector<std::string>& codes,
                                 const std::vector<std::string>& knownRegencies = {});

} // namespace gis
