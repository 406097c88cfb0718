#pragma once
/// \file numberformat.h
/// Numbers and dates written the Indonesian way, for legends, labels and footers.
#include <string>

namespace layers {

/// \brief Formats \a value with \a decimals decimal places, a decimal comma and a thousands
/// dot: formatNumber(12345.678, 1) == "12.345,7"; formatNumber(-0.04, 1) == "0,0".
/// \note Pure; any thread.
std::string formatNumber(double value, int decimals);

/// \brief A date as "28 November 2025" (Indonesian month names).
/// \param year four-digit year \param month 1..12 \param day 1..31
std::string formatDateId(int year, int month, int day);

} // namespace layers
