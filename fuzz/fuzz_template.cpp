// Map template JSON (map --template, and templates stored in a project).
#include "gis/error.h"
#include "layers/maptemplate.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string json(reinterpret_cast<const char*>(data), size);
    try {
        const layers::MapTemplate t = layers::mapTemplateFromJson(json, "fuzz.json");
        (void)layers::mapTemplateToJson(t);
    } catch (const gis::Error&) {
    }
    return 0;
}
