#include "detail/textfile.h"

#include "gis/error.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace gis::detail {

void writeFileAtomically(const std::string& path, const std::string& content)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    fs::path temp = target;
    temp += ".tmp-sasaran";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw OutputError("cannot write '" + path + "': the folder does not exist or is not writable");
        out << content;
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw OutputError("cannot write '" + path + "': writing failed (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw OutputError("cannot write '" + path + "': " + ec.message());
    }
}

} // namespace gis::detail
