// Project opening: the input is a whole project file (SQLite/SpatiaLite bytes). Seeds are real
// projects (fuzz/make_seeds.py), so the mutations reach pages, tables and geometry BLOBs.
#include "fuzzutil.h"
#include "gis/error.h"
#include "gis/project.h"

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeInput(data, size, ".sasaran.sqlite");
    try {
        (void)gis::loadProject(path);
    } catch (const gis::Error&) {
    }
    unlink((path + "-journal").c_str());
    return 0;
}
