#pragma once
/// \file rawtable.h
/// Private pieces of the raw-table module (gis/src/rawtable.cpp) that the table, record and
/// facility imports share beside the public functions of gis/tableimport.h (readRawTable,
/// findHeaderRow, decideNumberStyle, parseNumber, ...). Pure functions: any thread.
#include "gis/tableimport.h"

#include <string>
#include <vector>

namespace gis::detail {

/// Pekon name and kecamatan columns looked for by the record and facility imports.
inline const std::vector<std::string> kPekonNameColumns{"nama_pekon", "nama_desa", "nama_kelurahan", "pekon",
                                                        "desa",       "kelurahan", "desa_kelurahan", "pekon_kelurahan"};
inline const std::vector<std::string> kKecamatanColumns{"kecamatan", "nama_kecamatan", "kec", "nama_kec"};

/// \brief The cell of \a row in \a column, or "" when the row is shorter or the column is -1.
std::string cellAt(const std::vector<std::string>& row, int column);

/// \brief Index in table.rows of the row with file row number \a rowNumber, or -1.
int rowOfNumber(const RawTable& table, long rowNumber);

} // namespace gis::detail
