#include "detail/textfile.h"

#include "detail/atomicoutput.h"
#include "gis/error.h"

#include <filesystem>
#include <fstream>

namespace gis::detail {

void writeFileAtomically(const std::string& path, const std::string& content)
{
    AtomicOutput output(path, AtomicOutput::Kind::File);
    {
        std::ofstream out(output.tempPath(), std::ios::binary | std::ios::trunc);
        if (!out)
            throw OutputError("cannot write '" + path + "': the folder does not exist or is not writable");
        out << content;
        out.flush();
        if (!out)
            throw OutputError("cannot write '" + path + "': writing failed (disk full?)");
    }
    output.commit();
}

} // namespace gis::detail

namespace gis {

void writeTextFileAtomically(const std::string& path, const std::string& content)
{
    detail::writeFileAtomically(path, content);
}

} // namespace gis
