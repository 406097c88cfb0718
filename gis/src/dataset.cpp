#include "gis/dataset.h"

#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/measure.h"

#include <set>

namespace gis {

const Area* AreaCodeIndex::find(const std::vector<Area>& areas, const std::string& code) const
{
    std::lock_guard lock(mMutex);
    auto rebuild = [&] {
        // The first of equal codes wins, as the linear search did.
        mPosition.clear();
        mPosition.reserve(areas.size());
        for (std::size_t i = 0; i < areas.size(); ++i)
            mPosition.emplace(areas[i].code, i);
        mBuiltFor = areas.data();
        mBuiltSize = areas.size();
    };
    if (mBuiltFor != areas.data() || mBuiltSize != areas.size())
        rebuild();
    auto it = mPosition.find(code);
    if (it != mPosition.end() && areas[it->second].code == code)
        return &areas[it->second];
    // Not indexed, or the entry moved: the areas were edited in place since the index was built.
    // One pass tells a truly absent code (imports look up mostly codes that exist) from a stale index.
    for (const Area& a : areas)
        if (a.code == code) {
            rebuild();
            return &areas[mPosition.at(code)];
        }
    return nullptr;
}

const Area* Dataset::findArea(const std::string& code) const
{
    return areaIndex.find(areas, code);
}

namespace {

/// The cache entry of \a area when it was computed from this very geometry, else null.
const CachedArea* cacheOf(const Dataset& ds, const Area& area)
{
    auto it = ds.areaCache.find(area.code);
    if (it != ds.areaCache.end() && it->second.vertices == vertexCount(area.geometry)
        && it->second.coordinateSum == coordinateSum(area.geometry))
        return &it->second;
    return nullptr;
}

} // namespace

double Dataset::areaKm2(const Area& area) const
{
    if (const CachedArea* cached = cacheOf(*this, area))
        return cached->km2;
    return geodesicAreaKm2(area.geometry);
}

Point Dataset::surfacePoint(const Area& area) const
{
    if (const CachedArea* cached = cacheOf(*this, area); cached && cached->surfacePoint)
        return *cached->surfacePoint;
    if (area.geometry.empty())
        throw GeometryError("area " + area.code + " (" + area.name
                            + ") has no boundary polygon, so it has no point to measure from; import its boundary again");
    return pointOnSurface(area.geometry);
}

std::vector<const Area*> Dataset::villages() const
{
    std::vector<const Area*> out;
    for (const Area& a : areas)
        if (isVillageKind(a.kind))
            out.push_back(&a);
    return out;
}

std::vector<const Area*> Dataset::areasOfKind(const std::string& kind) const
{
    std::vector<const Area*> out;
    for (const Area& a : areas)
        if (a.kind == kind)
            out.push_back(&a);
    return out;
}

std::vector<std::string> Dataset::periods(const std::string& key) const
{
    std::set<std::string> found;
    for (const IndicatorValue& v : indicators)
        if (v.key == key)
            found.insert(v.period);
    return {found.begin(), found.end()};
}

bool Dataset::isIllustrative() const
{
    return metaValue("provenance") == "illustrative" || metaValue("values_provenance") == "illustrative";
}

std::string Dataset::metaValue(const std::string& key, const std::string& fallback) const
{
    auto it = meta.find(key);
    return it == meta.end() ? fallback : it->second;
}

Extent Dataset::extent() const
{
    Extent e;
    for (const Area& a : areas)
        e.include(extentOf(a.geometry));
    for (const Facility& f : facilities)
        e.include(f.location);
    return e;
}

} // namespace gis
