#pragma once
/// \file text.h
/// Small text helpers every part of gis/ and layers/ shares: ASCII case and spacing, the ISO
/// time stamp, and the one number and quoting format of every CSV file Sasaran writes.
/// \note All functions are pure and may be called from any thread.
#include <string>
#include <string_view>

namespace gis {

/// \brief \a s with ASCII letters in lower case (other bytes, UTF-8 included, unchanged).
std::string asciiLower(std::string s);

/// \brief \a s without leading and trailing ASCII white space.
std::string trimmed(std::string_view s);

/// \brief The current time as ISO 8601 UTC to the second, e.g. "2026-12-01T21:40:00Z".
std::string isoUtcNow();

/// \brief Appends \a v the way every CSV of Sasaran writes a number: nothing for NaN, whole
/// numbers (below 1e15) without decimals, others rounded to 6 decimals with trailing zeros
/// dropped; "-0" from rounding is written "0". The decimal separator is always '.'.
void appendCsvNumber(std::string& out, double v);

/// \brief appendCsvNumber() into a new string.
std::string csvNumber(double v);

/// \brief \a text made safe to open in a spreadsheet (OWASP "CSV injection"): a text cell that
/// starts with = + - @, a tab or a carriage return gets a leading single quote, so Excel and
/// LibreOffice show it as text instead of running it as a formula (`=HYPERLINK(...)`,
/// `@SUM(A1)`). Only for text cells: numbers are written by appendCsvNumber and keep their sign.
std::string csvSafeText(std::string_view text);

/// \brief A CSV text field: csvSafeText(), always quoted, inner quotes doubled.
std::string csvQuoted(std::string_view text);

/// \brief A cell's text as a message quotes it: unchanged up to \a maxBytes, else its first
/// characters (cut at a UTF-8 character boundary) and "... (N characters)". A 100,000-character
/// cell is data for the match report, not a screenful of terminal.
std::string clippedForMessage(std::string_view text, std::size_t maxBytes = 80);

/// \brief Writes \a content to \a path through a temporary file beside it and a rename, so
/// \a path is either the old file or the complete new one. \throws OutputError naming \a path.
/// \note Safe from any thread for different paths.
void writeTextFileAtomically(const std::string& path, const std::string& content);

} // namespace gis
