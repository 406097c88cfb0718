// CSV reader (encoding and separator detection, quoting) and the number reading after it.
#include "fuzzutil.h"
#include "gis/error.h"
#include "gis/tableimport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeInput(data, size, ".csv");
    try {
        const gis::RawTable t = gis::readRawTable(path);
        (void)gis::findHeaderRow(t, {"kode"});
        for (const auto& row : t.rows) {
            (void)gis::isTotalRow(row);
            const gis::NumberColumn style = gis::decideNumberStyle(row);
            for (const std::string& cell : row)
                (void)gis::parseNumber(cell, style.style);
        }
    } catch (const gis::Error&) {
    }
    return 0;
}
