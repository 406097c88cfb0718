#pragma once
/// \file namematch.h
/// Matching area names written by people (office tables, registers) to a project's areas:
/// case, spacing, punctuation and the prefixes Pekon/Desa/Kelurahan/Kel./Kampung/Tiyuh ignored,
/// then the project's alias table, then an edit-distance (Damerau) match accepted only when it
/// is unambiguous. When several areas in scope bear the name, an alias of that name for exactly
/// one of them decides (a person matched the name by hand).
/// \note Thread safety: a NameMatcher copies the names it needs from its Dataset; once built, its
/// const match() may be called from several threads at once.
#include "gis/dataset.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gis {

/// \brief Lower case, punctuation as spaces, spaces collapsed, leading prefixes removed
/// ("Pekon  Way-Pring" -> "way pring"; "Kel. Kuripan" -> "kuripan"; "Kecamatan Kota Agung" -> "kota agung").
std::string normaliseAreaName(std::string_view name);

/// \brief Optimal-string-alignment (restricted Damerau-Levenshtein) distance, by bytes.
std::size_t damerauDistance(std::string_view a, std::string_view b);

/// \brief Largest distance a fuzzy match of a normalised name of \a length bytes may have
/// (length / 4, at least 1; names of fewer than 4 bytes are never matched fuzzily).
std::size_t fuzzyThreshold(std::size_t length);

enum class MatchKind { Exact, Fuzzy, Ambiguous, Unmatched };

/// \brief "exact", "fuzzy", "ambiguous", "unmatched".
std::string matchKindName(MatchKind kind);

struct NameMatch {
    MatchKind kind = MatchKind::Unmatched;
    std::string code;        ///< the matched area (Exact, Fuzzy)
    std::string matchedName; ///< its name in the project
    std::string how;         ///< "name", "alias", "fuzzy (distance N)", ...
    std::size_t distance = 0;
    std::vector<std::string> candidates; ///< "CODE NAME" of the candidates when ambiguous
    std::string note;                    ///< e.g. "kecamatan 'X' not found: searched the whole regency"
};

/// \brief Matches village names (within a kecamatan when one is given) against a dataset.
class NameMatcher {
public:
    explicit NameMatcher(const Dataset& ds, bool allowFuzzy = true);
    /// \brief Matches \a village; \a kecamatan (a name or code; may be empty) narrows the search.
    NameMatch match(const std::string& village, const std::string& kecamatan = {}) const;

private:
    struct Entry {
        std::string code, name, parentCode, key; ///< key = normalised name
    };
    std::vector<Entry> mVillages, mKecamatan, mAliases;
    bool mFuzzy = true;
    NameMatch matchIn(const std::vector<const Entry*>& villages, const std::string& key) const;
};

} // namespace gis
