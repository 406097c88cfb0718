#pragma once
/// \file personaldata.h
/// Which figures derive from DTSEN/DTKS personal data, and how published outputs protect the
/// families behind them (UU 27/2022 on personal data; Permen PPN 7/2025 counts maps of DTSEN
/// figures as DTSEN data). The project keeps the true counts; outputs that others read (exports,
/// tables) show a small count (1 to threshold - 1 people or households) as empty, say so, and are
/// marked TERBATAS (restricted).
/// \note Pure functions; any thread.
#include "gis/dataset.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis {

/// \brief Counts below this (and above zero) are suppressed in published outputs by default.
inline constexpr int kDefaultSmallCountThreshold = 5;

/// \brief True for keys whose values derive from a DTSEN/DTKS records file: the counts
/// (isPersonalDataCount) and what is computed from them, named with the count's key inside
/// (contrib_dtsen_desil_1, lisa_dtsen_jiwa, a share such as dtsen_desil_1_pct).
bool isPersonalDataDerived(const std::string& key);

/// \brief True for the counts of a records import (dtsen_jiwa, dtsen_kk, dtsen_desil_N,
/// dtsen_status_S): people, households or rows, whose small values could point at a family.
/// A derived key that is not itself a count (a contribution, a cluster) is not.
bool isPersonalDataCount(const std::string& key);

/// \brief True when any of \a keys is personal-data derived (e.g. a priority scheme's keys).
bool anyPersonalDataDerived(const std::vector<std::string>& keys);

/// \brief How a published table writes a DTSEN-derived count: "<5" for a small count (see
/// isSmallCount), else \a formatted (the count as the table writes it).
std::string publishedCount(double value, int threshold, const std::string& formatted);

/// \brief The extract(s) the DTSEN-derived values of \a period come from, for a sources line:
/// "DTSEN/DTKS: dtsen_2025.csv, periode 2025-S1" (the source names stored at import, distinct,
/// in order; every period when \a period is empty). Empty when the dataset holds none.
std::string personalDataSources(const Dataset& ds, const std::string& period);

/// \brief True when \a value is a count from 1 up to (not including) \a threshold; a threshold
/// of 1 or less suppresses nothing.
bool isSmallCount(double value, int threshold);

/// \brief The notice an output carrying DTSEN-derived figures gets (Indonesian): TERBATAS, where
/// the figures come from, and how many values were suppressed below \a threshold. \a counts
/// false: the figures are scores or categories computed from the counts (nothing to suppress).
std::string restrictedNotice(int threshold, std::size_t suppressedValues, bool counts = true);

} // namespace gis
