#include "detail/gpkgwriter.h"

#include "detail/atomicoutput.h"
#include "detail/ogrhandles.h"
#include "detail/wkb.h"
#include "gis/error.h"

#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>

namespace gis::detail {

namespace {

OGRFieldType ogrType(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Text:
        return OFTString;
    case FieldKind::Integer:
        return OFTInteger64;
    case FieldKind::Real:
        break;
    }
    return OFTReal;
}

} // namespace

void writeGeoPackage(const std::string& path, const std::vector<OutputLayer>& layers)
{
    // The temporary keeps the .gpkg extension, which the GPKG driver expects.
    AtomicOutput temp(path, AtomicOutput::Kind::File);

    ensureGdalRegistered();
    GdalErrorCollector errors;
    auto check = [&](bool ok, const std::string& what) {
        if (ok)
            return;
        const std::string why = errors.takeFailures();
        throw OutputError("cannot write '" + path + "': " + what + (why.empty() ? "" : " (" + why + ")"));
    };
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        check(driver != nullptr, "GDAL has no GPKG driver");
        GDALDatasetUniquePtr out(driver->Create(temp.tempPath().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        check(out != nullptr, "GDAL could not create the file");
        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

        for (const OutputLayer& spec : layers) {
            const bool points = spec.geometry == LayerGeometry::Point;
            OGRLayer* layer = out->CreateLayer(spec.name.c_str(), &srs, points ? wkbPoint : wkbMultiPolygon, nullptr);
            check(layer != nullptr, "GDAL could not create the layer " + spec.name);
            for (const OutputField& f : spec.fields) {
                OGRFieldDefn field(f.name.c_str(), ogrType(f.kind));
                check(layer->CreateField(&field) == OGRERR_NONE, "cannot create field " + f.name + " of " + spec.name);
            }
            const bool inTransaction = layer->StartTransaction() == OGRERR_NONE;
            std::size_t row = 0;
            for (const OutputFeature& feature : spec.features) {
                ++row;
                check(feature.values.size() == spec.fields.size(),
                      "feature " + std::to_string(row) + " of " + spec.name + " has the wrong number of values");
                OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
                for (std::size_t i = 0; i < feature.values.size(); ++i) {
                    const int index = static_cast<int>(i);
                    const FieldValue& v = feature.values[i];
                    if (const auto* text = std::get_if<std::string>(&v))
                        f->SetField(index, text->c_str());
                    else if (const auto* number = std::get_if<double>(&v); number && std::isfinite(*number))
                        f->SetField(index, *number);
                    else if (const auto* integer = std::get_if<long long>(&v))
                        f->SetField(index, static_cast<GIntBig>(*integer));
                    else
                        f->SetFieldNull(index);
                }
                if (points && feature.point) {
                    f->SetGeometryDirectly(new OGRPoint(feature.point->x, feature.point->y));
                } else if (!points && !feature.polygons.empty()) {
                    const std::string wkb = multiPolygonToWkb(feature.polygons);
                    OGRGeometry* g = nullptr;
                    check(OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) == OGRERR_NONE,
                          "cannot convert the polygon of feature " + std::to_string(row) + " of " + spec.name);
                    f->SetGeometryDirectly(g);
                }
                check(layer->CreateFeature(f.get()) == OGRERR_NONE,
                      "cannot write feature " + std::to_string(row) + " of " + spec.name);
            }
            check(!inTransaction || layer->CommitTransaction() == OGRERR_NONE, "cannot commit the layer " + spec.name);
        }
        check(errors.failureCount() == 0, "GDAL reported an error");
        out.reset(); // closes and completes the file
        check(errors.failureCount() == 0, "GDAL reported an error while closing");
    }
    temp.commit();
}

} // namespace gis::detail
