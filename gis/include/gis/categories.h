#pragma once
/// \file categories.h
/// Text (categorical) indicators: the scale of a category (its levels in order, lowest first),
/// the known scales recognised from the values (the IDM status of Kemendesa; yes/no), levels
/// read in any case and spacing, the scale kept in the project's meta "kategori.<key>", the
/// values of a key per village, its rank on the scale, and counts of villages at a level per
/// kecamatan (e.g. the pekon without a SIKS-NG operator).
/// \note Thread safety: every function is pure or only reads the Dataset it is given.
#include "gis/dataset.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gis {

/// \brief The ordered levels of a category, lowest first.
struct CategoryScale {
    /// "idm" (Indeks Desa Membangun), "ya_tidak" (yes/no) or "levels" (given by the user)
    std::string name;
    std::vector<std::string> levels; ///< the scale's own spelling, lowest first
    /// \brief Position of \a text among the levels: case, spaces and underscores are ignored
    /// ("SANGAT  TERTINGGAL" is Sangat Tertinggal); for yes/no also ada/tidak, ya/tidak, y/t, 1/0.
    /// nullopt when \a text is no level of the scale.
    std::optional<std::size_t> levelOf(std::string_view text) const;
    /// \brief For messages: "IDM (Sangat Tertinggal < ... < Mandiri)".
    std::string description() const;
    bool isYesNo() const { return name == "ya_tidak"; }
};

/// \brief The IDM status of Kemendesa: Sangat Tertinggal < Tertinggal < Berkembang < Maju < Mandiri.
CategoryScale idmScale();
/// \brief Yes/no as two levels: Tidak < Ya (ada/tidak, ya/tidak, y/t, 1/0 are read as these).
CategoryScale yesNoScale();
/// \brief A scale of the levels given in order, lowest first, separated by commas ("A,B,C").
/// \throws Error when fewer than two levels are given or one is repeated.
CategoryScale scaleOfLevels(std::string_view commaSeparated);

/// \brief The known scale (IDM, else yes/no) that holds the most of \a values (empty ones
/// ignored); nullopt when neither holds any of them.
std::optional<CategoryScale> recogniseScale(const std::vector<std::string>& values);

/// \brief A label for titles and legends: "Status IDM" for status_idm (or idm, status_idm_*),
/// else the key with spaces for underscores.
std::string categoryLabel(const std::string& key);

/// \brief The meta key that keeps the scale of category \a key: "kategori.<key>".
std::string categoryMetaKey(const std::string& key);
/// \brief The scale as meta text (JSON: {"scale": "idm", "levels": [...]}).
std::string scaleToJson(const CategoryScale& scale);
/// \brief Parses scaleToJson's text. \throws Error naming \a what when it is not a scale.
CategoryScale scaleFromJson(const std::string& json, const std::string& what);

/// \brief The scale of category \a key kept in the project, or nullopt when \a key is no category.
std::optional<CategoryScale> categoryScale(const Dataset& ds, const std::string& key);
/// \brief Keys of the project's categories (those with a scale in meta), sorted.
std::vector<std::string> categoryKeys(const Dataset& ds);
/// \brief Periods of category \a key present in the project, sorted; latest = the last.
std::vector<std::string> categoryPeriods(const Dataset& ds, const std::string& key);

/// \brief Levels (positions in the scale) of \a key per village code for \a period (empty = the
/// latest). Values that are no level of the scale (never imported so) are left out.
/// \throws Error when \a key is no category of the project.
std::map<std::string, std::size_t> categoryLevels(const Dataset& ds, const std::string& key,
                                                  const std::string& period = {});

/// \brief The rank of level \a index on a scale of \a levelCount levels, in [0, 1]:
/// index / (levelCount - 1) (Sangat Tertinggal 0, Tertinggal 0.25, ..., Mandiri 1).
double scaleRank(std::size_t index, std::size_t levelCount);

/// \brief Villages of one kecamatan at a level of a category.
struct KecamatanLevelCount {
    std::string kecamatanCode;
    std::string kecamatanName; ///< empty when the kecamatan is not in the project
    std::size_t villages = 0;  ///< villages of the kecamatan
    std::size_t atLevel = 0;   ///< of them, at the level asked for
    std::size_t noValue = 0;   ///< of them, with no value of the category for the period
};

/// \brief For each kecamatan (in code order), how many of its villages are at \a level of
/// category \a key in \a period (empty = latest), e.g. the pekon with "Tidak" for a yes/no key.
/// \throws Error when \a key is no category or \a level is no level of its scale.
std::vector<KecamatanLevelCount> countLevelByKecamatan(const Dataset& ds, const std::string& key,
                                                       const std::string& level, const std::string& period = {});

} // namespace gis
