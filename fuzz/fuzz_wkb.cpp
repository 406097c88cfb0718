// WKB (geometryFromWkb) and SpatiaLite BLOB (polygonsFromSpatialiteBlob) geometry decoders:
// every project read goes through them, with bytes that a damaged file may hold.
#include "detail/wkb.h"
#include "gis/error.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)gis::detail::geometryFromWkb(bytes);
    } catch (const gis::Error&) {
    }
    (void)gis::detail::polygonsFromSpatialiteBlob(bytes);
    return 0;
}
