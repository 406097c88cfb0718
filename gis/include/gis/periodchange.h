#pragma once
/// \file periodchange.h
/// Change between two periods of the values a project holds (SIKS-NG data is updated every
/// month or quarter; the Rakor asks whether poverty went down): per village the later value
/// minus the earlier one, for every indicator held in both periods. A village lacking either
/// value has no change (NaN / absent), never 0. poverty_rate is a percentage, so its change is
/// in percentage points.
/// \note Pure functions of their arguments; any thread while no thread writes the Dataset.
#include "gis/analysis.h"
#include "gis/dataset.h"

#include <map>
#include <string>
#include <vector>

namespace gis {

/// \brief "change_" + \a key: the column and map key of the change of \a key.
std::string changeKey(const std::string& key);
/// \brief The indicator a change key names ("change_poverty_rate" -> "poverty_rate"); "" when
/// \a key is not a change key.
std::string changedIndicator(const std::string& key);
/// \brief The column of the earlier period's value: \a key + "_" + \a period with characters
/// other than [A-Za-z0-9] as '_' ("poverty_rate_2023", "miskin_2024_03").
std::string earlierColumn(const std::string& key, const std::string& period);

/// \brief The indicators held in both periods, in order: every stored key with a value in each
/// of them (sorted), then the derived poverty_rate, poor_density_km2 and pop_density_km2 whose
/// stored inputs (miskin, penduduk) are held in both.
std::vector<std::string> comparableIndicators(const Dataset& ds, const std::string& later, const std::string& earlier);

/// \brief One indicator's values in two periods and their change.
struct PeriodChange {
    std::string key, later, earlier;
    std::string label; ///< "Perubahan tingkat kemiskinan"
    std::string unit;  ///< the indicator's unit, "poin persen" for a percentage
    std::map<std::string, double> laterValues, earlierValues;
    std::map<std::string, double> change; ///< later - earlier, only for villages holding both
};

/// \brief The change of \a key (stored or derived, gis::indicatorValues) from \a earlier to
/// \a later. \throws Error when the periods are equal, or \a key has no value in either period
/// (naming the periods that have values).
PeriodChange periodChange(const Dataset& ds, const std::string& key, const std::string& later,
                          const std::string& earlier);

/// \brief Appends, for every comparableIndicators() key K of \a table.period and \a earlier:
/// K itself when \a table has no such column (the later value), earlierColumn(K, earlier) and
/// changeKey(K) (later - earlier; NaN when a village lacks either value).
/// Ordered categories (text indicators with a scale, issue 16 item 3) would add their step
/// change in levels here, from the same two periods, once the Dataset carries them.
/// \returns the keys compared. \throws Error when \a earlier equals the table's period or no
/// indicator is held in both (naming the periods the project holds).
std::vector<std::string> addChangeColumns(AnalysisTable& table, const Dataset& ds, const std::string& earlier);

} // namespace gis
