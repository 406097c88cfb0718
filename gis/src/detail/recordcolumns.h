#pragma once
// The columns of a DTSEN/DTKS records file as the records import finds them, shared with the
// records export (recordexport.cpp). Private to gis/.
#include "gis/recordimport.h"
#include "gis/tableimport.h"

#include <cstddef>
#include <string>
#include <vector>

namespace gis::detail {

struct RecordColumns {
    std::size_t header = 0; ///< index in table.rows
    JoinColumns join;
    int household = -1, status = -1, desil = -1, members = -1;
};

/// The header row (given, or the first with a pekon column) and the columns it names.
/// \throws DataSourceError naming \a path.
RecordColumns recordColumns(const RawTable& table, const std::string& path, const RecordImportOptions& options);

/// The status of a row as one of recordStatusCategories(), never the cell itself.
std::string statusCategory(const std::string& cell);

/// Header names (headerKey form) of the columns a records file keeps personal data in: NIK,
/// family card (KK) number, household ids, names, addresses, birth data, phone.
const std::vector<std::string>& personalColumnNames();

} // namespace gis::detail
