// Export of villages with indicator columns through GDAL/OGR (see export.h).
#include "gis/export.h"

#include "detail/atomicoutput.h"
#include "detail/memoryoutput.h"
#include "detail/ogrhandles.h"
#include "detail/wkb.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/text.h"

#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

namespace gis {

namespace {

namespace fs = std::filesystem;

std::string driverFor(const std::string& path)
{
    const std::string ext = asciiLower(fs::path(path).extension().string());
    if (ext == ".gpkg")
        return "GPKG";
    if (ext == ".shp")
        return "ESRI Shapefile";
    if (ext == ".geojson" || ext == ".json")
        return "GeoJSON";
    if (ext == ".csv")
        return "CSV";
    if (ext == ".xlsx")
        return "XLSX";
    throw OutputError("cannot write '" + path + "': unknown export format '" + ext
                          + "'; use .gpkg, .shp, .geojson, .csv or .xlsx",
                      {"out"});
}

std::string choosePeriod(const Dataset& ds, const std::string& wanted)
{
    std::set<std::string> periods;
    for (const IndicatorValue& v : ds.indicators)
        periods.insert(v.period);
    if (!wanted.empty()) {
        if (!periods.count(wanted) && !periods.empty()) {
            std::string list;
            for (const auto& p : periods)
                list += (list.empty() ? "" : ", ") + p;
            throw Error("the project has no indicator values for period '" + wanted + "'; periods present: " + list,
                        {"period"});
        }
        return wanted;
    }
    const std::string preferred = ds.metaValue("default_period");
    if (!preferred.empty() && periods.count(preferred))
        return preferred;
    return periods.empty() ? std::string{} : *periods.rbegin();
}

OGRGeometry* toOgr(const MultiPolygon& mp)
{
    const std::string wkb = detail::multiPolygonToWkb(mp);
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &g, wkb.size()) != OGRERR_NONE)
        return nullptr;
    return g;
}

void check(bool ok, const std::string& path, detail::GdalErrorCollector& errors, const std::string& what)
{
    if (ok)
        return;
    std::string why = errors.takeFailures();
    throw OutputError("cannot write '" + path + "': " + what + (why.empty() ? "" : " (" + why + ")"));
}

} // namespace

std::vector<std::string> shortFieldNames(const std::vector<std::string>& names, std::size_t maxLength)
{
    std::vector<std::string> out(names.size());
    std::set<std::string> used;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].size() <= maxLength) {
            out[i] = names[i];
            used.insert(asciiLower(names[i]));
        }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].size() <= maxLength)
            continue;
        std::string candidate = names[i].substr(0, maxLength);
        for (int n = 1; used.count(asciiLower(candidate)); ++n) {
            const std::string suffix = std::to_string(n);
            candidate = names[i].substr(0, maxLength - suffix.size()) + suffix;
        }
        used.insert(asciiLower(candidate));
        out[i] = candidate;
    }
    return out;
}

std::string ExportReport::text() const
{
    std::string out = fmt::format("export:      {} ({}), period {}\n", path, format, period.empty() ? "-" : period);
    out += fmt::format("villages:    {} rows, {} columns: ", villages, columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? ", " : "") + columns[i];
    out += "\n";
    if (facilities > 0)
        out += fmt::format("facilities:  {} (layer fasilitas)\n", facilities);
    for (const auto& [from, to] : renamed)
        out += fmt::format("renamed:     {} -> {} (Shapefile names have at most 10 characters)\n", from, to);
    if (!restrictedNotice.empty())
        out += "restricted:  " + restrictedNotice + "\n";
    if (!noticePath.empty())
        out += "notice:      " + noticePath + " (the TERBATAS notice, beside the file: keep them together)\n";
    return out;
}

std::string restrictedNoticePath(const std::string& path)
{
    const fs::path p(path);
    return (p.parent_path() / (p.stem().string() + ".TERBATAS.txt")).string();
}

ExportReport exportProject(const Dataset& ds, const std::string& path, const ExportOptions& options)
{
    VillageTable table;
    table.villages = ds.villages();
    if (table.villages.empty())
        throw Error("the project has no villages to export");
    const std::string period = choosePeriod(ds, options.period);

    // Indicator values of the period: key -> code -> value.
    std::map<std::string, std::map<std::string, double>> values;
    for (const IndicatorValue& v : ds.indicators)
        if (v.period == period)
            values[v.key][v.areaCode] = v.value;
    for (const auto& [key, byCode] : values)
        table.columns.push_back(key);
    // Category levels as text columns: of the period, or of the category's latest period when it
    // has none for this one (an IDM status is published for other years than the poverty figures).
    std::map<std::string, std::set<std::string>> categoryPeriods;
    for (const CategoryValue& v : ds.categories)
        categoryPeriods[v.key].insert(v.period);
    std::map<std::string, std::map<std::string, std::string>> levels;
    for (const CategoryValue& v : ds.categories) {
        const std::set<std::string>& held = categoryPeriods[v.key];
        if (v.period == (held.count(period) ? period : *held.rbegin()))
            levels[v.key][v.areaCode] = v.level;
    }
    for (const auto& [key, byCode] : levels)
        table.textColumns.push_back(key);
    bool restricted = false;
    std::size_t suppressed = 0;
    for (const Area* a : table.villages) {
        std::vector<double> row;
        for (const auto& [key, byCode] : values) {
            auto it = byCode.find(a->code);
            double v = it == byCode.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
            if (isPersonalDataDerived(key)) {
                restricted = true;
                if (isPersonalDataCount(key) && isSmallCount(v, options.smallCountThreshold)) {
                    v = std::numeric_limits<double>::quiet_NaN(); // the project keeps the true count
                    ++suppressed;
                }
            }
            row.push_back(v);
        }
        table.values.push_back(std::move(row));
        std::vector<std::string> texts;
        for (const auto& [key, byCode] : levels) {
            auto it = byCode.find(a->code);
            texts.push_back(it == byCode.end() ? std::string() : it->second);
        }
        table.texts.push_back(std::move(texts));
    }
    if (restricted)
        table.notice = restrictedNotice(options.smallCountThreshold, suppressed);
    ExportReport report = writeVillageTable(ds, path, table);
    report.period = period;
    report.suppressedValues = suppressed;
    return report;
}

namespace {

/// Writes \a facilities as the layer "fasilitas" of \a out: points in \a srs, or (no \a srs) a
/// table with lon and lat columns. Returns how many were written.
std::size_t writeFacilityLayer(GDALDataset& out, const std::vector<Facility>& facilities, OGRSpatialReference* srs,
                               const std::string& path, detail::GdalErrorCollector& errors)
{
    const bool points = srs != nullptr;
    OGRLayer* fl = out.CreateLayer("fasilitas", srs, points ? wkbPoint : wkbNone, nullptr);
    check(fl != nullptr, path, errors, "GDAL could not create the layer fasilitas");
    const char* names[] = {"id", "jenis", "nama", "status", "tahun", "lokasi", "kode"};
    const OGRFieldType types[] = {OFTInteger64, OFTString, OFTString, OFTString, OFTInteger, OFTString, OFTString};
    for (std::size_t i = 0; i < std::size(names); ++i) {
        OGRFieldDefn field(names[i], types[i]);
        check(fl->CreateField(&field) == OGRERR_NONE, path, errors, std::string("cannot create field ") + names[i]);
    }
    if (!points)
        for (const char* n : {"lon", "lat"}) {
            OGRFieldDefn field(n, OFTReal);
            check(fl->CreateField(&field) == OGRERR_NONE, path, errors, std::string("cannot create field ") + n);
        }
    std::size_t written = 0;
    const bool facilitiesInTransaction = fl->StartTransaction() == OGRERR_NONE;
    for (const Facility& fac : facilities) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(fl->GetLayerDefn()));
        f->SetField(0, static_cast<GIntBig>(fac.id));
        f->SetField(1, fac.kind.c_str());
        f->SetField(2, fac.name.c_str());
        f->SetField(3, fac.status.c_str());
        if (fac.year > 0)
            f->SetField(4, fac.year);
        else
            f->SetFieldNull(4);
        f->SetField(5, fac.locatedBy.c_str());
        f->SetField(6, fac.areaCode.c_str());
        if (points)
            f->SetGeometryDirectly(new OGRPoint(fac.location.x, fac.location.y));
        else {
            f->SetField(7, fac.location.x);
            f->SetField(8, fac.location.y);
        }
        check(fl->CreateFeature(f.get()) == OGRERR_NONE, path, errors,
              "cannot write facility " + std::to_string(fac.id));
        ++written;
    }
    check(!facilitiesInTransaction || fl->CommitTransaction() == OGRERR_NONE, path, errors,
          "cannot commit the facilities");
    return written;
}

/// An XLSX sheet "catatan" with the notice, so it travels with the workbook.
void writeNoticeSheet(GDALDataset& out, const std::string& notice, const std::string& path,
                      detail::GdalErrorCollector& errors)
{
    OGRLayer* sheet = out.CreateLayer("catatan", nullptr, wkbNone, nullptr);
    check(sheet != nullptr, path, errors, "cannot create the sheet catatan");
    OGRFieldDefn field("catatan", OFTString);
    check(sheet->CreateField(&field) == OGRERR_NONE, path, errors, "cannot create the field catatan");
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(sheet->GetLayerDefn()));
    f->SetField(0, notice.c_str());
    check(sheet->CreateFeature(f.get()) == OGRERR_NONE, path, errors, "cannot write the notice");
}

} // namespace

ExportReport writeVillageTable(const Dataset& ds, const std::string& path, const VillageTable& table)
{
    ExportReport report;
    report.path = path;
    report.format = driverFor(path);
    const std::vector<const Area*>& villages = table.villages;
    if (table.values.size() != villages.size())
        throw Error("village table for '" + path + "': " + std::to_string(table.values.size()) + " rows of values for "
                    + std::to_string(villages.size()) + " villages");

    const bool withGeometry = report.format != "CSV" && report.format != "XLSX";
    std::vector<std::string> columns = {"kode", "nama", "jenis", "kode_kec", "kecamatan"};
    const std::size_t fixedColumns = columns.size();
    columns.insert(columns.end(), table.columns.begin(), table.columns.end());
    const std::size_t firstText = columns.size(); // category levels: text columns after the numbers
    columns.insert(columns.end(), table.textColumns.begin(), table.textColumns.end());
    const std::size_t endText = columns.size();
    if (!withGeometry) {
        columns.push_back("lon");
        columns.push_back("lat");
    }
    std::vector<std::string> written = columns;
    if (report.format == "ESRI Shapefile") {
        written = shortFieldNames(columns);
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (written[i] != columns[i])
                report.renamed.emplace_back(columns[i], written[i]);
    }
    report.columns = written;

    // A folder: a Shapefile is several files, each moved into place by commit().
    detail::AtomicOutput temp(path, detail::AtomicOutput::Kind::Folder);
    const fs::path& target = temp.target();
    detail::ensureGdalRegistered();
    detail::GdalErrorCollector errors;
    // GDAL writes into memory; saveTo() then writes every byte with checked writes.
    const detail::MemoryFolder memory;
    const std::string tempFile = memory.pathOf(target.filename().string());
    {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(report.format.c_str());
        check(driver != nullptr, path, errors, "GDAL has no " + report.format + " driver");
        GDALDatasetUniquePtr out(driver->Create(tempFile.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        check(out != nullptr, path, errors, "GDAL could not create the file");

        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

        char** layerOptions = nullptr;
        if (report.format == "ESRI Shapefile")
            layerOptions = CSLSetNameValue(layerOptions, "ENCODING", "UTF-8");
        if (!table.notice.empty() && (report.format == "GeoJSON" || report.format == "GPKG"))
            layerOptions = CSLSetNameValue(layerOptions, "DESCRIPTION", table.notice.c_str());
        const std::string layerName = report.format == "ESRI Shapefile" ? target.stem().string() : "desa";
        OGRLayer* layer = out->CreateLayer(layerName.c_str(), withGeometry ? &srs : nullptr,
                                           withGeometry ? wkbMultiPolygon : wkbNone, layerOptions);
        CSLDestroy(layerOptions);
        check(layer != nullptr, path, errors, "GDAL could not create the layer");
        for (std::size_t i = 0; i < written.size(); ++i) {
            const bool text = i < fixedColumns || (i >= firstText && i < endText);
            OGRFieldDefn field(written[i].c_str(), text ? OFTString : OFTReal);
            if (text && report.format == "ESRI Shapefile")
                field.SetWidth(i == 1 || i == 4 ? 100 : i >= firstText ? 40 : 20);
            check(layer->CreateField(&field) == OGRERR_NONE, path, errors, "cannot create field " + written[i]);
        }
        const bool inTransaction = layer->StartTransaction() == OGRERR_NONE;
        std::map<std::string, const Area*> kecamatan;
        for (const Area* k : ds.areasOfKind("kecamatan"))
            kecamatan[k->code] = k;
        for (std::size_t row = 0; row < villages.size(); ++row) {
            const Area* a = villages[row];
            OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
            const auto kecIt = kecamatan.find(a->parentCode);
            const Area* kec = kecIt == kecamatan.end() ? nullptr : kecIt->second;
            // CSV opens in a spreadsheet: a name such as "=HYPERLINK(...)" must stay text
            const auto text = [csv = report.format == "CSV"](const std::string& t) {
                return csv ? csvSafeText(t) : t;
            };
            f->SetField(0, text(a->code).c_str());
            f->SetField(1, text(a->name).c_str());
            f->SetField(2, text(a->kind).c_str());
            f->SetField(3, text(a->parentCode).c_str());
            f->SetField(4, text(kec ? kec->name : std::string()).c_str());
            int i = static_cast<int>(fixedColumns);
            for (double v : table.values[row]) {
                if (std::isfinite(v))
                    f->SetField(i, v);
                else
                    f->SetFieldNull(i);
                ++i;
            }
            for (std::size_t t = 0; t < table.textColumns.size(); ++t, ++i) {
                const std::string* level =
                    row < table.texts.size() && t < table.texts[row].size() ? &table.texts[row][t] : nullptr;
                if (level && !level->empty())
                    f->SetField(i, level->c_str());
                else
                    f->SetFieldNull(i);
            }
            if (withGeometry) {
                if (!a->geometry.empty()) {
                    OGRGeometry* g = toOgr(a->geometry);
                    check(g != nullptr, path, errors, "cannot convert the polygon of " + a->code);
                    f->SetGeometryDirectly(g);
                }
            } else if (!a->geometry.empty()) {
                const Point p = pointOnSurface(a->geometry);
                f->SetField(i, p.x);
                f->SetField(i + 1, p.y);
            }
            check(layer->CreateFeature(f.get()) == OGRERR_NONE, path, errors, "cannot write the village " + a->code);
            ++report.villages;
        }
        check(!inTransaction || layer->CommitTransaction() == OGRERR_NONE, path, errors, "cannot commit the villages");

        if (table.withFacilities && (report.format == "GPKG" || report.format == "XLSX") && !ds.facilities.empty())
            report.facilities +=
                writeFacilityLayer(*out, ds.facilities, report.format == "GPKG" ? &srs : nullptr, path, errors);
        if (!table.notice.empty()) {
            report.restrictedNotice = table.notice;
            if (report.format == "GPKG")
                check(out->SetMetadataItem("TERBATAS", table.notice.c_str()) == CE_None, path, errors,
                      "cannot write the restricted-data notice");
            if (report.format == "XLSX")
                writeNoticeSheet(*out, table.notice, path, errors);
        }
        // Closing writes everything (an explicit FlushCache would make the XLSX driver save twice and fail).
        check(errors.failureCount() == 0, path, errors, "GDAL reported an error");
        out.reset(); // closes and completes the file
        check(errors.failureCount() == 0, path, errors, "GDAL reported an error while closing");
    }

    memory.saveTo(temp, target.filename().string());
    if (!table.notice.empty() && (report.format == "CSV" || report.format == "ESRI Shapefile")) {
        // neither format has a place for a note inside the file: a text file beside it, moved
        // into place with it
        const std::string sidecar = restrictedNoticePath(target.string());
        temp.write(table.notice + "\n", fs::path(sidecar).filename().string());
        report.noticePath = sidecar;
    }
    temp.commit();
    return report;
}

} // namespace gis
