#pragma once
/// \file importchanges.h
/// What an import changes in a project, listed explicitly: the table, record and facility imports
/// decide it from the file and the project, applyImportChanges() makes it so in memory, and a
/// project store can write exactly these rows (and nothing else) in one transaction.
/// \note Plain values: build and read them on any thread; applyImportChanges() changes \a ds and
/// needs the same exclusive access as any other write to a Dataset.
#include "gis/dataset.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace gis {

struct ImportChanges {
    /// Indicator values to add. Each replaces the value the project holds for the same area, key
    /// and period, if any (there are \a replaced of those).
    std::vector<IndicatorValue> values;
    std::size_t replaced = 0;
    /// Aliases to add (accepted fuzzy matches; none is already in Dataset::aliases).
    std::vector<AreaAlias> aliases;
    /// Facilities to add, ids already assigned above the project's highest.
    std::vector<Facility> facilities;
    /// Category values to add. Each replaces the level the project holds for the same area, key
    /// and period, if any (there are \a categoriesReplaced of those).
    std::vector<CategoryValue> categories;
    std::size_t categoriesReplaced = 0;
    /// Meta entries set: the scale of each imported category ("kategori.<key>").
    std::map<std::string, std::string> meta;

    bool empty() const
    {
        return values.empty() && aliases.empty() && facilities.empty() && categories.empty() && meta.empty();
    }
};

/// \brief Applies \a changes to \a ds: held values of the same (area, key, period) as a new value
/// are removed, then the new values, aliases and facilities are appended in their order.
void applyImportChanges(Dataset& ds, const ImportChanges& changes);

} // namespace gis
