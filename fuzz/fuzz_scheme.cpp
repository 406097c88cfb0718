// Priority scheme JSON (files given with --scheme, and schemes stored in a project).
#include "gis/error.h"
#include "gis/priority.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string json(reinterpret_cast<const char*>(data), size);
    try {
        const gis::PriorityScheme scheme = gis::schemeFromJson(json, "fuzz.json");
        (void)gis::schemeToJson(scheme);
    } catch (const gis::Error&) {
    }
    return 0;
}
