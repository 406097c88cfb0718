// XLSX reader (GDAL's XLSX driver behind readRawTable, and our formula scan of the sheet XML).
#include "fuzzutil.h"
#include "gis/error.h"
#include "gis/tableimport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeInput(data, size, ".xlsx");
    try {
        (void)gis::readRawTable(path);
    } catch (const gis::Error&) {
    }
    return 0;
}
