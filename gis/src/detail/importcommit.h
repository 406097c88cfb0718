#pragma once
/// \file importcommit.h
/// The one commit step of the table and record imports (gis/src/importcommit.cpp): the match
/// report, the values (refused or replacing held ones), the accepted fuzzy names into the alias
/// table, all described as ImportChanges and then applied. Not thread-safe beyond Dataset's own
/// rule: it changes \a ds.
#include "gis/importchanges.h"
#include "gis/tableimport.h"

#include <map>
#include <string>
#include <vector>

namespace gis::detail {

struct CommitRequest {
    std::string inputPath;              ///< the imported file (default match report beside it)
    std::string reportPath;             ///< match report; empty = defaultReportPath(inputPath, projectLocation)
    std::string projectLocation;        ///< the project: the default report goes beside it, never over it
    std::string fileLabel;              ///< the file name, recorded as the alias source
    std::vector<IndicatorValue> values; ///< what the rows say
    std::vector<CategoryValue> categories;   ///< the rows' category levels
    std::map<std::string, std::string> meta; ///< the scales of the categories ("kategori.<key>")
    bool replace = false;               ///< replace held values of the same area, key and period
    std::string aliasNote;              ///< appended to the "fuzzy match(es) added" note
    std::string blockedReason;          ///< the caller's own checks refused: write the report only
    std::vector<std::string> blockedParameters;
    std::vector<std::string> notes; ///< the caller's notes, added once its checks passed
};

/// \brief Writes the match report, then (unless blocked or refused) the values and aliases into
/// \a ds; \a outcome says what happened and lists the changes. \throws OutputError for the report.
void commitImport(Dataset& ds, ImportOutcome& outcome, CommitRequest request);

/// \brief The values part of the commit without changing \a ds: fills changes.values and
/// changes.replaced, or says in the result why nothing may be written.
StoreResult planValues(const Dataset& ds, std::vector<IndicatorValue> values, bool replace, ImportChanges& changes);

/// \brief The accepted fuzzy matches that are not yet aliases of their area (once per code and name).
std::vector<AreaAlias> planFuzzyAliases(const Dataset& ds, const std::vector<RowMatch>& matches,
                                        const std::string& fileLabel);

} // namespace gis::detail
