#pragma once
/// \file exportrecords.h
/// `sasaran-cli export-records RECORDS --project P --tier anonymised|by-name --out FILE.csv`:
/// the record tiers of gis/recordexport.h at the CLI's edge.
#include "gis/recordexport.h"

#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace app::cli {

struct ExportRecordsOptions {
    std::string records; ///< the DTSEN/DTKS extract (CSV or XLSX)
    std::string project; ///< for the pekon and the export log
    std::string out;
    std::string tier = "anonymised";
    std::string keep;   ///< columns to keep, separated by commas
    std::string area;   ///< code prefix
    std::string desil;  ///< "1,2"
    bool confirmPersonalData = false;
    bool noFuzzy = false;
    gis::RecordExportOptions library;
};

CLI::App* addExportRecordsCommand(CLI::App& cli, ExportRecordsOptions& options);

/// \throws UsageError (by-name without its confirmation), gis::Error for the caller to map.
int runExportRecords(const ExportRecordsOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
