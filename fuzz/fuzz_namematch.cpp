// Name matcher: normalisation, Damerau distance and matching against the embedded Tanggamus areas.
// Input: "village\nkecamatan".
#include "gis/demo.h"
#include "gis/namematch.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const gis::Dataset ds = gis::buildDefaultDataset();
    static const gis::NameMatcher matcher(ds);
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t cut = input.find('\n');
    const std::string village = input.substr(0, cut);
    const std::string kecamatan = cut == std::string::npos ? std::string{} : input.substr(cut + 1);
    (void)gis::normaliseAreaName(input);
    (void)gis::damerauDistance(village, kecamatan);
    (void)matcher.match(village, kecamatan);
    return 0;
}
