#include "gis/locator.h"

#include "embedded.h"
#include "gis/error.h"
#include "gis/geometryops.h"

namespace gis {

namespace {

std::string embeddedText(std::string_view path)
{
    for (const auto& f : sasaran_data::embeddedFiles())
        if (f.path == path)
            return std::string(f.content);
    throw Error("embedded file missing from the build: data/" + std::string(path));
}

} // namespace

const LocatorLand& locatorLand()
{
    static const LocatorLand land{multiPolygonFromWkt(embeddedText("locator/indonesia.wkt")),
                                  multiPolygonFromWkt(embeddedText("locator/neighbours.wkt"))};
    return land;
}

} // namespace gis
