#pragma once
/// \file personaldata.h
/// Which figures derive from DTSEN/DTKS personal data, and how published outputs protect the
/// families behind them (UU 27/2022 on personal data; Permen PPN 7/2025 counts maps of DTSEN
/// figures as DTSEN data). The project keeps the true counts; outputs that others read (exports,
/// tables) show a small count (1 to threshold - 1 people or households) as empty, say so, and are
/// marked TERBATAS (restricted).
/// \note Pure functions; any thread.
#include <cstddef>
#include <string>

namespace gis {

/// \brief Counts below this (and above zero) are suppressed in published outputs by default.
inline constexpr int kDefaultSmallCountThreshold = 5;

/// \brief True for indicator keys counted from a DTSEN/DTKS records file (dtsen_jiwa,
/// dtsen_kk, dtsen_desil_N, dtsen_status_S).
bool isPersonalDataDerived(const std::string& key);

/// \brief True when \a value is a count from 1 up to (not including) \a threshold; a threshold
/// of 1 or less suppresses nothing.
bool isSmallCount(double value, int threshold);

/// \brief The notice an output carrying DTSEN-derived figures gets (Indonesian): TERBATAS, where
/// the figures come from, and how many values were suppressed below \a threshold.
std::string restrictedNotice(int threshold, std::size_t suppressedValues);

} // namespace gis
