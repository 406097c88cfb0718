#pragma once
/// \file flaghints.h
/// The CLI edge of library errors: gis/ names the parameter to change in the data's words
/// (gis::Error::parameters(), a report's stopParameters), and the CLI adds its option for it.
#include "gis/error.h"

#include <string>
#include <vector>

namespace app::cli {

/// \brief The option that gives a library parameter: "code field" -> "--code-field".
std::string flagOf(const std::string& parameter);

/// \brief " (option --period)", " (options --code-field, --name-field)", or "" for none.
std::string flagHint(const std::vector<std::string>& parameters);

/// \brief Runs \a f; a gis::Error that names parameters is rethrown (same object, same type) with
/// their options added to its message.
template <typename F>
decltype(auto) withFlagHints(F&& f)
{
    try {
        return f();
    } catch (gis::Error& e) {
        if (!e.parameters().empty())
            e.addHint(flagHint(e.parameters()));
        throw;
    }
}

} // namespace app::cli
