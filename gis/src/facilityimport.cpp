#include "gis/facilityimport.h"

#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/spatialindex.h"
#include "gis/vectorio.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <optional>

namespace gis {

namespace {

const std::vector<std::string> kLonNames{"lon", "lng", "long", "longitude", "bujur", "x", "koordinat_x"};
const std::vector<std::string> kLatNames{"lat", "latitude", "lintang", "y", "koordinat_y"};
const std::vector<std::string> kCodeNames{"kode", "kode_desa", "kode_pekon", "kd_desa", "kode_wilayah", "kode_kemendagri", "kdepum"};
const std::vector<std::string> kPekonNames{"nama_pekon", "nama_desa", "nama_kelurahan", "pekon", "desa", "kelurahan",
                                           "desa_kelurahan", "pekon_kelurahan"};
const std::vector<std::string> kKecNames{"kecamatan", "nama_kecamatan", "kec", "nama_kec"};
const std::vector<std::string> kLabelNames{"nama_fasilitas", "nama_unit", "nama_sarana", "nama_lokasi", "nama", "name", "label"};

struct Row {
    long number = 0;
    std::optional<Point> point;
    std::vector<std::string> cells;
};

std::string upper(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

int pick(const std::vector<std::string>& header, const std::string& given, const std::vector<std::string>& names,
         const std::string& path, const char* option)
{
    if (given.empty())
        return findColumn(header, names);
    const int i = columnIndex(header, given);
    if (i < 0)
        throw DataSourceError(path, fmt::format("it has no column '{}' ({})", given, option));
    return i;
}

bool isTableFile(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" || ext == ".txt" || ext == ".tsv" || ext == ".xlsx" || ext == ".xlsm";
}

} // namespace

std::string FacilityImportReport::text() const
{
    std::string t = fmt::format("file:        {}\nlocated by:  {}\nrows:        {} read, {} imported{}\n", path,
                                mode == "points" ? "coordinates (surveyed points)" : "pekon (point-on-surface)", rowsRead,
                                imported, alreadyPresent ? fmt::format(", {} already in the project (not added again)", alreadyPresent) : "");
    if (swappedColumns)
        t += "coordinates: the longitude and latitude columns were the other way round; read swapped so the points "
             "fall in the project's extent\n";
    if (mode == "pekon")
        t += "matched:     " + summarise(matches).text() + "\n";
    for (const RowMatch& m : matches)
        if (m.kind == MatchKind::Fuzzy)
            t += fmt::format("  fuzzy      row {}: '{}' -> {} {} ({})\n", m.row, m.nameInFile, m.code, m.matchedName, m.how);
    if (!outside.empty()) {
        std::string rows;
        for (long r : outside)
            rows += (rows.empty() ? "" : ", ") + std::to_string(r);
        t += fmt::format("outside:     {} point(s) inside no pekon, KEPT without a pekon (check them): row/feature {}\n",
                         outside.size(), rows);
    }
    for (const RowProblem& p : problems)
        t += fmt::format("  not imported row {}: {}\n", p.row, p.message);
    if (aliasesAdded)
        t += fmt::format("note:        {} fuzzy match(es) added to the alias table\n", aliasesAdded);
    if (!reportPath.empty())
        t += "report:      " + reportPath + "\n";
    return t;
}

FacilityImportReport importFacilities(Dataset& ds, const std::string& path, const FacilityImportOptions& options)
{
    if (options.kind.empty() && options.kindField.empty())
        throw Error("give the kind of the facilities with --kind KIND or the column holding it with --kind-field F");
    FacilityImportReport report;
    report.path = path;
    std::vector<std::string> header;
    std::vector<Row> rows;
    int lonCol = -1, latCol = -1;
    if (isTableFile(path)) {
        const RawTable table = readRawTable(path, options.layer);
        int h = -1;
        if (options.headerRow > 0) {
            for (std::size_t i = 0; i < table.rowNumbers.size(); ++i)
                if (table.rowNumbers[i] == options.headerRow)
                    h = static_cast<int>(i);
        } else {
            for (std::size_t i = 0; i < table.rows.size() && h < 0; ++i) {
                const auto& r = table.rows[i];
                const bool coords = (options.lonField.empty() ? findColumn(r, kLonNames) : columnIndex(r, options.lonField)) >= 0
                                    && (options.latField.empty() ? findColumn(r, kLatNames) : columnIndex(r, options.latField)) >= 0;
                const bool pekon = (!options.codeField.empty() && columnIndex(r, options.codeField) >= 0)
                                   || (!options.nameField.empty() && columnIndex(r, options.nameField) >= 0)
                                   || (options.codeField.empty() && options.nameField.empty()
                                       && (findColumn(r, kCodeNames) >= 0 || findColumn(r, kPekonNames) >= 0));
                if (coords || pekon)
                    h = static_cast<int>(i);
            }
        }
        if (h < 0)
            throw DataSourceError(path, "no header row with longitude/latitude columns or a pekon code or name column "
                                        "was found; name them (--lon-field/--lat-field, --code-field, --name-field) "
                                        "or give --header-row");
        header = table.rows[static_cast<std::size_t>(h)];
        lonCol = pick(header, options.lonField, kLonNames, path, "--lon-field");
        latCol = pick(header, options.latField, kLatNames, path, "--lat-field");
        std::vector<std::string> lonCells, latCells;
        for (std::size_t i = static_cast<std::size_t>(h) + 1; i < table.rows.size(); ++i) {
            if (isBlankRow(table.rows[i]) || isTotalRow(table.rows[i]))
                continue;
            Row row{table.rowNumbers[i], std::nullopt, table.rows[i]};
            row.cells.resize(std::max(row.cells.size(), header.size()));
            rows.push_back(std::move(row));
        }
        if (lonCol >= 0 && latCol >= 0) {
            for (const Row& r : rows) {
                lonCells.push_back(r.cells[static_cast<std::size_t>(lonCol)]);
                latCells.push_back(r.cells[static_cast<std::size_t>(latCol)]);
            }
            const NumberStyle lonStyle = decideNumberStyle(lonCells).style;
            const NumberStyle latStyle = decideNumberStyle(latCells).style;
            for (Row& r : rows) {
                const auto x = parseNumber(r.cells[static_cast<std::size_t>(lonCol)], lonStyle);
                const auto y = parseNumber(r.cells[static_cast<std::size_t>(latCol)], latStyle);
                if (x && y)
                    r.point = Point{*x, *y};
            }
            // Either order: take the one that puts more points inside the project's extent.
            Extent extent = ds.extent();
            extent.minX -= 0.5;
            extent.minY -= 0.5;
            extent.maxX += 0.5;
            extent.maxY += 0.5;
            std::size_t asIs = 0, swapped = 0;
            for (const Row& r : rows) {
                if (!r.point)
                    continue;
                asIs += extent.contains(*r.point) ? 1 : 0;
                swapped += extent.contains(Point{r.point->y, r.point->x}) ? 1 : 0;
            }
            if (swapped > asIs) {
                report.swappedColumns = true;
                for (Row& r : rows)
                    if (r.point)
                        r.point = Point{r.point->y, r.point->x};
            }
        }
    } else {
        ReadOptions read;
        read.layer = options.layer;
        read.assumedCrs = options.assumedCrs;
        const VectorData data = readVector(path, read);
        header = data.fieldNames;
        for (const VectorFeature& f : data.features) {
            Row row;
            row.number = f.fid;
            for (const FieldValue& v : f.values)
                row.cells.push_back(fieldText(v));
            if (!f.geometry.points.empty())
                row.point = f.geometry.points.front();
            else if (!f.geometry.polygons.empty())
                row.point = pointOnSurface(f.geometry.polygons);
            rows.push_back(std::move(row));
        }
        if (data.type == GeometryType::Point || data.type == GeometryType::Polygon)
            lonCol = latCol = 0; // located by geometry
    }
    const bool byPoint = lonCol >= 0 && latCol >= 0;
    report.mode = byPoint ? "points" : "pekon";
    report.rowsRead = rows.size();

    const int kindCol = options.kindField.empty() ? -1 : pick(header, options.kindField, {}, path, "--kind-field");
    JoinColumns join;
    join.code = options.codeField.empty() ? (options.nameField.empty() ? findColumn(header, kCodeNames) : -1)
                                          : pick(header, options.codeField, {}, path, "--code-field");
    join.name = pick(header, options.nameField, kPekonNames, path, "--name-field");
    join.kecamatan = pick(header, options.kecamatanField, kKecNames, path, "--kecamatan-field");
    int labelCol = options.labelField.empty() ? -1 : pick(header, options.labelField, {}, path, "--label-field");
    if (labelCol < 0 && options.labelField.empty()) {
        for (const std::string& n : kLabelNames) {
            const int i = columnIndex(header, n);
            if (i >= 0 && i != join.name && i != join.kecamatan) {
                labelCol = i;
                break;
            }
        }
    }
    const int statusCol = pick(header, options.statusField, {"status", "kondisi"}, path, "--status-field");
    const int yearCol = pick(header, options.yearField, {"tahun", "year", "tahun_berdiri"}, path, "--year-field");
    if (!byPoint && join.code < 0 && join.name < 0)
        throw DataSourceError(path, "it has neither coordinates nor a pekon code or name column; name them with "
                                    "--lon-field/--lat-field, --code-field, or --name-field and --kecamatan-field");

    std::optional<RowJoiner> joiner;
    if (!byPoint) {
        std::vector<std::string> codes;
        for (const Row& r : rows)
            codes.push_back(join.code >= 0 && static_cast<std::size_t>(join.code) < r.cells.size() ? r.cells[static_cast<std::size_t>(join.code)] : std::string{});
        joiner.emplace(ds, join, codes, std::filesystem::path(path).filename().string(), options.fuzzy);
    }
    std::vector<MultiPolygon> polygons;
    std::vector<const Area*> villages = ds.villages();
    for (const Area* a : villages)
        polygons.push_back(a->geometry);
    const PolygonIndex index(polygons);

    long long nextId = 1;
    for (const Facility& f : ds.facilities)
        nextId = std::max(nextId, f.id + 1);
    std::vector<Facility> added;
    auto cellOf = [](const Row& r, int c) {
        return c >= 0 && static_cast<std::size_t>(c) < r.cells.size() ? r.cells[static_cast<std::size_t>(c)] : std::string{};
    };
    for (const Row& r : rows) {
        Facility f;
        f.kind = upper(options.kind.empty() ? cellOf(r, kindCol) : options.kind);
        if (f.kind.empty()) {
            report.problems.push_back({r.number, "no kind in column '" + options.kindField + "'"});
            continue;
        }
        f.name = cellOf(r, labelCol);
        f.status = cellOf(r, statusCol);
        const std::string year = cellOf(r, yearCol);
        if (!year.empty() && std::all_of(year.begin(), year.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) && year.size() == 4)
            f.year = std::stoi(year);
        if (byPoint) {
            if (!r.point) {
                report.problems.push_back({r.number, "no usable coordinates"});
                continue;
            }
            f.location = *r.point;
            f.locatedBy = "survey";
            const auto hit = index.locate(f.location);
            if (hit) {
                f.areaCode = villages[*hit]->code;
            } else {
                report.outside.push_back(r.number);
            }
        } else {
            const RowMatch m = joiner->join(r.cells, r.number);
            report.matches.push_back(m);
            if (m.kind != MatchKind::Exact && m.kind != MatchKind::Fuzzy) {
                report.problems.push_back({r.number, fmt::format("pekon '{}{}' {}{}", m.codeInFile, m.nameInFile,
                                                                 matchKindName(m.kind),
                                                                 m.candidates.empty() ? "" : " (could be: " + m.candidates + ")")});
                continue;
            }
            const Area* area = ds.findArea(m.code);
            f.areaCode = m.code;
            f.location = pointOnSurface(area->geometry);
            f.locatedBy = "pekon";
        }
        const bool present = std::any_of(ds.facilities.begin(), ds.facilities.end(), [&](const Facility& e) {
            return e.kind == f.kind && e.name == f.name && std::abs(e.location.x - f.location.x) < 1e-7
                   && std::abs(e.location.y - f.location.y) < 1e-7;
        });
        if (present) {
            ++report.alreadyPresent;
            continue;
        }
        f.id = nextId++;
        added.push_back(std::move(f));
    }
    if (!byPoint) {
        report.reportPath = options.reportPath.empty() ? defaultReportPath(path) : options.reportPath;
        writeMatchReport(report.matches, report.reportPath);
        report.aliasesAdded = addFuzzyAliases(ds, report.matches, std::filesystem::path(path).filename().string());
    }
    report.imported = added.size();
    for (Facility& f : added)
        ds.facilities.push_back(std::move(f));
    return report;
}

} // namespace gis
