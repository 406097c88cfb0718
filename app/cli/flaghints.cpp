#include "cli/flaghints.h"

namespace app::cli {

std::string flagOf(const std::string& parameter)
{
    std::string flag = "--";
    for (char c : parameter)
        flag += c == ' ' || c == '_' ? '-' : c;
    return flag;
}

std::string flagHint(const std::vector<std::string>& parameters)
{
    if (parameters.empty())
        return {};
    std::string hint = parameters.size() == 1 ? " (option " : " (options ";
    for (std::size_t i = 0; i < parameters.size(); ++i)
        hint += (i ? ", " : "") + flagOf(parameters[i]);
    return hint + ")";
}

} // namespace app::cli
