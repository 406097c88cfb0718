#pragma once
/// \file importcmd.h
/// `sasaran-cli new PROJECT --boundaries FILE[:LAYER]` and `sasaran-cli import boundaries
/// PROJECT FILE[:LAYER]`: a project from a regency's own boundary file, and replacing the
/// boundaries of an existing project (indicators and facilities kept).
#include "gis/boundaryimport.h"
#include "gis/facilityimport.h"
#include "gis/recordimport.h"
#include "gis/tableimport.h"

#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace app::cli {

struct BoundaryCommandOptions {
    std::string project;             ///< project file to create or update
    std::string source;              ///< FILE or FILE:LAYER
    gis::BoundaryImportOptions read; ///< field names, CRS, edition, filter
    std::string capital;             ///< "NAME", area code, or "LON,LAT"; empty = none/keep
    bool force = false;              ///< new: replace an existing file
    std::string referenceReport;     ///< CSV of the reference's findings; "" = beside the project
};

/// \brief Adds `new` to \a cli, bound to \a options; returns it.
CLI::App* addNewCommand(CLI::App& cli, BoundaryCommandOptions& options);

/// \brief Adds `import` with its `boundaries` subcommand; returns `import` (other import kinds
/// add their own subcommands to it). \a boundaries receives the `boundaries` subcommand.
CLI::App* addImportCommand(CLI::App& cli, BoundaryCommandOptions& options, CLI::App*& boundaries);

/// \brief Runs `new`. Returns an exit code; \throws gis::Error for the caller to map.
int runNew(const BoundaryCommandOptions& options, std::ostream& out, std::ostream& err);

/// \brief Runs `import boundaries`. Returns an exit code; \throws gis::Error for the caller to map.
int runImportBoundaries(const BoundaryCommandOptions& options, std::ostream& out, std::ostream& err);

/// \brief Options of `import table`, `import records` and `import facilities`.
struct DataImportOptions {
    std::string project;
    std::string file;
    std::vector<std::string> indicators; ///< table: KEY=COLUMN
    std::vector<std::string> categories; ///< table: KEY=COLUMN of text levels
    std::vector<std::string> levels;     ///< table: "A,B,C" (every category) or KEY=A,B,C
    gis::TableImportOptions table;
    gis::RecordImportOptions records;
    gis::FacilityImportOptions facilities;
    bool noFuzzy = false; ///< --no-fuzzy
};

/// \brief Adds `table`, `records` and `facilities` under \a importCmd (from addImportCommand).
void addDataImportCommands(CLI::App* importCmd, DataImportOptions& options, CLI::App*& table, CLI::App*& records,
                           CLI::App*& facilities);

/// \brief Runs `import table`: 0 when written, 3 when the import stopped (nothing written).
int runImportTable(const DataImportOptions& options, std::ostream& out, std::ostream& err);
/// \brief Runs `import records`: 0 when written, 3 when the import stopped (nothing written).
int runImportRecords(const DataImportOptions& options, std::ostream& out, std::ostream& err);
/// \brief Runs `import facilities`.
int runImportFacilities(const DataImportOptions& options, std::ostream& out, std::ostream& err);

} // namespace app::cli
