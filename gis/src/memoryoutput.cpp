#include "detail/memoryoutput.h"

#include "gis/error.h"

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <atomic>
#include <string_view>
#include <unistd.h>

namespace gis::detail {

namespace {

std::atomic<unsigned long> gNextFolder{0};

std::string_view bytesOf(const std::string& path)
{
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(path.c_str(), &length, FALSE);
    if (!data)
        return {};
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(length)};
}

} // namespace

MemoryFolder::MemoryFolder()
        : mFolder("/vsimem/sasaran-output-" + std::to_string(::getpid()) + "-" + std::to_string(gNextFolder++))
{
    VSIMkdir(mFolder.c_str(), 0755);
}

MemoryFolder::~MemoryFolder()
{
    VSIRmdirRecursive(mFolder.c_str());
}

std::string MemoryFolder::pathOf(const std::string& name) const
{
    return mFolder + "/" + name;
}

void MemoryFolder::saveTo(AtomicOutput& output, const std::string& fileName) const
{
    if (output.kind() == AtomicOutput::Kind::File) {
        const std::string path = pathOf(fileName);
        VSIStatBufL st;
        if (VSIStatL(path.c_str(), &st) != 0)
            throw OutputError("cannot write '" + output.target().string() + "': GDAL wrote nothing");
        output.write(bytesOf(path));
        return;
    }
    char** names = VSIReadDir(mFolder.c_str());
    const CPLStringList list(names, TRUE);
    bool any = false;
    for (int i = 0; i < list.size(); ++i) {
        const std::string name = list[i];
        if (name == "." || name == "..")
            continue;
        output.write(bytesOf(pathOf(name)), name);
        any = true;
    }
    if (!any)
        throw OutputError("cannot write '" + output.target().string() + "': GDAL wrote nothing");
}

} // namespace gis::detail
