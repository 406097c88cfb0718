#include "detail/textfile.h"

#include "detail/atomicoutput.h"
#include "gis/error.h"

#include <filesystem>

namespace gis::detail {

void writeFileAtomically(const std::string& path, const std::string& content)
{
    AtomicOutput output(path, AtomicOutput::Kind::File);
    output.write(content);
    output.commit();
}

} // namespace gis::detail

namespace gis {

void writeTextFileAtomically(const std::string& path, const std::string& content)
{
    detail::writeFileAtomically(path, content);
}

} // namespace gis
