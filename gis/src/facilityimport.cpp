#include "gis/facilityimport.h"

#include "detail/importcommit.h"
#include "detail/rawtable.h"
#include "gis/error.h"
#include "gis/geometryops.h"
#include "gis/outputpath.h"
#include "gis/spatialindex.h"
#include "gis/text.h"
#include "gis/vectorio.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <optional>
#include <unordered_map>

namespace gis {

namespace {

const std::vector<std::string> kLonNames{"lon", "lng", "long", "longitude", "bujur", "x", "koordinat_x"};
const std::vector<std::string> kLatNames{"lat", "latitude", "lintang", "y", "koordinat_y"};
const std::vector<std::string> kCodeNames{"kode",         "kode_desa",       "kode_pekon", "kd_desa",
                                          "kode_wilayah", "kode_kemendagri", "kdepum"};
const std::vector<std::string>& kPekonNames = detail::kPekonNameColumns;
const std::vector<std::string>& kKecNames = detail::kKecamatanColumns;
const std::vector<std::string> kLabelNames{"nama_fasilitas", "nama_unit", "nama_sarana", "nama_lokasi",
                                           "nama",           "name",      "label"};

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
        throw DataSourceError(path, fmt::format("it has no column '{}' (the {} given)", given, option), {option});
    return i;
}

bool isTableFile(const std::string& path)
{
    const std::string ext = asciiLower(std::filesystem::path(path).extension().string());
    return ext == ".csv" || ext == ".txt" || ext == ".tsv" || ext == ".xlsx" || ext == ".xlsm";
}

} // namespace

std::string FacilityImportReport::text() const
{
    std::string t =
        fmt::format("file:        {}\nlocated by:  {}\nrows:        {} read, {} imported{}\n", path,
                    mode == "points" ? "coordinates (surveyed points)" : "pekon (point-on-surface)", rowsRead, imported,
                    alreadyPresent ? fmt::format(", {} already in the project (not added again)", alreadyPresent) : "");
    if (swappedColumns)
        t += "coordinates: the longitude and latitude columns were the other way round; read swapped so the points "
             "fall in the project's extent\n";
    if (mode == "pekon")
        t += "matched:     " + summarise(matches).text() + "\n";
    for (const RowMatch& m : matches)
        if (m.kind == MatchKind::Fuzzy)
            t += fmt::format("  fuzzy      row {}: '{}' -> {} {} ({})\n", m.row, clippedForMessage(m.nameInFile), m.code, m.matchedName,
                             m.how);
    if (!outside.empty()) {
        std::string rows;
        for (long r : outside)
            rows += (rows.empty() ? "" : ", ") + std::to_string(r);
        t +=
            fmt::format("outside:     {} point(s) inside no pekon, KEPT without a pekon (check them): row/feature {}\n",
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

namespace {

/// The rows of a facility file as text cells, with a point where the file gives one.
struct FacilityRows {
    std::vector<std::string> header;
    std::vector<Row> rows;
    int lonCol = -1, latCol = -1; ///< both >= 0: located by point
};

/// Index of the header row of a CSV/XLSX: the one given, or the first with coordinates or a pekon column.
int facilityHeaderRow(const RawTable& table, const FacilityImportOptions& options)
{
    if (options.headerRow > 0)
        return detail::rowOfNumber(table, options.headerRow);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& r = table.rows[i];
        const bool coords =
            (options.lonField.empty() ? findColumn(r, kLonNames) : columnIndex(r, options.lonField)) >= 0
            && (options.latField.empty() ? findColumn(r, kLatNames) : columnIndex(r, options.latField)) >= 0;
        const bool pekon = (!options.codeField.empty() && columnIndex(r, options.codeField) >= 0)
            || (!options.nameField.empty() && columnIndex(r, options.nameField) >= 0)
            || (options.codeField.empty() && options.nameField.empty()
                && (findColumn(r, kCodeNames) >= 0 || findColumn(r, kPekonNames) >= 0));
        if (coords || pekon)
            return static_cast<int>(i);
    }
    return -1;
}

/// Reads the coordinates of table rows (number style per column); takes lon and lat the other
/// way round when that puts more points inside the project's extent.
void readTablePoints(const Dataset& ds, FacilityRows& in, FacilityImportReport& report)
{
    std::vector<std::string> lonCells, latCells;
    for (const Row& r : in.rows) {
        lonCells.push_back(r.cells[static_cast<std::size_t>(in.lonCol)]);
        latCells.push_back(r.cells[static_cast<std::size_t>(in.latCol)]);
    }
    const NumberStyle lonStyle = decideNumberStyle(lonCells).style;
    const NumberStyle latStyle = decideNumberStyle(latCells).style;
    for (Row& r : in.rows) {
        const auto x = parseNumber(r.cells[static_cast<std::size_t>(in.lonCol)], lonStyle);
        const auto y = parseNumber(r.cells[static_cast<std::size_t>(in.latCol)], latStyle);
        if (x && y)
            r.point = Point{*x, *y};
    }
    Extent extent = ds.extent();
    extent.minX -= 0.5;
    extent.minY -= 0.5;
    extent.maxX += 0.5;
    extent.maxY += 0.5;
    std::size_t asIs = 0, swapped = 0;
    for (const Row& r : in.rows) {
        if (!r.point)
            continue;
        asIs += extent.contains(*r.point) ? 1 : 0;
        swapped += extent.contains(Point{r.point->y, r.point->x}) ? 1 : 0;
    }
    if (swapped > asIs) {
        report.swappedColumns = true;
        for (Row& r : in.rows)
            if (r.point)
                r.point = Point{r.point->y, r.point->x};
    }
}

FacilityRows readFacilityTable(const Dataset& ds, const std::string& path, const FacilityImportOptions& options,
                               FacilityImportReport& report)
{
    const RawTable table = readRawTable(path, options.layer);
    const int h = facilityHeaderRow(table, options);
    if (h < 0)
        throw DataSourceError(path,
                              "no header row with longitude/latitude columns or a pekon code or name column "
                              "was found; name them (the lon and lat fields, the code field, the name "
                              "field) or give the header row",
                              {"lon field", "lat field", "code field", "name field", "header row"});
    FacilityRows in;
    in.header = table.rows[static_cast<std::size_t>(h)];
    in.lonCol = pick(in.header, options.lonField, kLonNames, path, "lon field");
    in.latCol = pick(in.header, options.latField, kLatNames, path, "lat field");
    for (std::size_t i = static_cast<std::size_t>(h) + 1; i < table.rows.size(); ++i) {
        if (isBlankRow(table.rows[i]) || isTotalRow(table.rows[i]))
            continue;
        Row row{table.rowNumbers[i], std::nullopt, table.rows[i]};
        row.cells.resize(std::max(row.cells.size(), in.header.size()));
        in.rows.push_back(std::move(row));
    }
    if (in.lonCol >= 0 && in.latCol >= 0)
        readTablePoints(ds, in, report);
    return in;
}

FacilityRows readFacilityVector(const std::string& path, const FacilityImportOptions& options)
{
    ReadOptions read;
    read.layer = options.layer;
    read.assumedCrs = options.assumedCrs;
    const VectorData data = readVector(path, read);
    FacilityRows in;
    in.header = data.fieldNames;
    for (const VectorFeature& f : data.features) {
        Row row;
        row.number = f.fid;
        for (const FieldValue& v : f.values)
            row.cells.push_back(fieldText(v));
        if (!f.geometry.points.empty())
            row.point = f.geometry.points.front();
        else if (!f.geometry.polygons.empty())
            row.point = pointOnSurface(f.geometry.polygons);
        in.rows.push_back(std::move(row));
    }
    if (data.type == GeometryType::Point || data.type == GeometryType::Polygon)
        in.lonCol = in.latCol = 0; // located by geometry
    return in;
}

struct FacilityColumns {
    int kind = -1, label = -1, status = -1, year = -1;
    JoinColumns join;
};

FacilityColumns facilityColumns(const std::vector<std::string>& header, const std::string& path,
                                const FacilityImportOptions& options, bool byPoint)
{
    FacilityColumns c;
    c.kind = options.kindField.empty() ? -1 : pick(header, options.kindField, {}, path, "kind field");
    c.join.code = options.codeField.empty() ? (options.nameField.empty() ? findColumn(header, kCodeNames) : -1)
                                            : pick(header, options.codeField, {}, path, "code field");
    c.join.name = pick(header, options.nameField, kPekonNames, path, "name field");
    c.join.kecamatan = pick(header, options.kecamatanField, kKecNames, path, "kecamatan field");
    c.label = options.labelField.empty() ? -1 : pick(header, options.labelField, {}, path, "label field");
    if (c.label < 0 && options.labelField.empty()) {
        for (const std::string& n : kLabelNames) {
            const int i = columnIndex(header, n);
            if (i >= 0 && i != c.join.name && i != c.join.kecamatan) {
                c.label = i;
                break;
            }
        }
    }
    c.status = pick(header, options.statusField, {"status", "kondisi"}, path, "status field");
    c.year = pick(header, options.yearField, {"tahun", "year", "tahun_berdiri"}, path, "year field");
    if (!byPoint && c.join.code < 0 && c.join.name < 0)
        throw DataSourceError(path,
                              "it has neither coordinates nor a pekon code or name column; name the lon and "
                              "lat fields, the code field, or the name field and the kecamatan field",
                              {"lon field", "lat field", "code field", "name field", "kecamatan field"});
    return c;
}

/// The project's facilities by kind, name and a grid of cells larger than the tolerance, so a
/// row asks only its own and the neighbouring cells whether the project already holds it.
class HeldFacilities {
public:
    explicit HeldFacilities(const std::vector<Facility>& facilities)
    {
        mByCell.reserve(facilities.size());
        for (const Facility& f : facilities)
            mByCell[cellKey(f.kind, f.name, cellOf(f.location.x), cellOf(f.location.y))].push_back(f.location);
    }

    /// Same kind and name, and both coordinates within kTolerance.
    bool contains(const Facility& f) const
    {
        if (mByCell.empty())
            return false;
        const long long cx = cellOf(f.location.x), cy = cellOf(f.location.y);
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                auto it = mByCell.find(cellKey(f.kind, f.name, cx + dx, cy + dy));
                if (it == mByCell.end())
                    continue;
                for (const Point& p : it->second)
                    if (std::abs(p.x - f.location.x) < kTolerance && std::abs(p.y - f.location.y) < kTolerance)
                        return true;
            }
        return false;
    }

private:
    static constexpr double kTolerance = 1e-7; // degrees: the same point, written with fewer decimals
    static constexpr double kCell = 1e-6;      // > kTolerance, so a match lies in a neighbouring cell

    static long long cellOf(double degrees) { return static_cast<long long>(std::floor(degrees / kCell)); }
    static std::string cellKey(const std::string& kind, const std::string& name, long long cx, long long cy)
    {
        return fmt::format("{}\x1f{}\x1f{}\x1f{}", kind, name, cx, cy);
    }

    std::unordered_map<std::string, std::vector<Point>> mByCell;
};

} // namespace

FacilityImportReport importFacilities(Dataset& ds, const std::string& path, const FacilityImportOptions& options)
{
    if (options.kind.empty() && options.kindField.empty())
        throw Error("give the kind of the facilities, or the column holding it (the kind field)",
                    {"kind", "kind field"});
    FacilityImportReport report;
    report.path = path;
    const FacilityRows in =
        isTableFile(path) ? readFacilityTable(ds, path, options, report) : readFacilityVector(path, options);
    const bool byPoint = in.lonCol >= 0 && in.latCol >= 0;
    report.mode = byPoint ? "points" : "pekon";
    report.rowsRead = in.rows.size();
    const FacilityColumns cols = facilityColumns(in.header, path, options, byPoint);

    std::optional<RowJoiner> joiner;
    if (!byPoint) {
        std::vector<std::string> codes;
        for (const Row& r : in.rows)
            codes.push_back(detail::cellAt(r.cells, cols.join.code));
        joiner.emplace(ds, cols.join, codes, std::filesystem::path(path).filename().string(), options.fuzzy);
    }
    const std::vector<const Area*> villages = ds.villages();
    std::optional<PolygonIndex> index; // only points need it: indexed in place, not copied
    if (byPoint) {
        std::vector<const MultiPolygon*> polygons;
        polygons.reserve(villages.size());
        for (const Area* a : villages)
            polygons.push_back(&a->geometry);
        index.emplace(polygons);
    }
    const HeldFacilities held(ds.facilities);

    long long nextId = 1;
    for (const Facility& f : ds.facilities)
        nextId = std::max(nextId, f.id + 1);
    ImportChanges changes;
    for (const Row& r : in.rows) {
        Facility f;
        f.kind = upper(options.kind.empty() ? detail::cellAt(r.cells, cols.kind) : options.kind);
        if (f.kind.empty()) {
            report.problems.push_back({r.number, "no kind in column '" + options.kindField + "'"});
            continue;
        }
        f.name = detail::cellAt(r.cells, cols.label);
        f.status = detail::cellAt(r.cells, cols.status);
        const std::string year = detail::cellAt(r.cells, cols.year);
        if (!year.empty()
            && std::all_of(year.begin(), year.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })
            && year.size() == 4)
            f.year = std::stoi(year);
        if (byPoint) {
            if (!r.point) {
                report.problems.push_back({r.number, "no usable coordinates"});
                continue;
            }
            f.location = *r.point;
            f.locatedBy = "survey";
            const auto hit = index->locate(f.location);
            if (hit) {
                f.areaCode = villages[*hit]->code;
            } else {
                report.outside.push_back(r.number);
            }
        } else {
            const RowMatch m = joiner->join(r.cells, r.number);
            report.matches.push_back(m);
            if (m.kind != MatchKind::Exact && m.kind != MatchKind::Fuzzy) {
                report.problems.push_back(
                    {r.number,
                     fmt::format("pekon '{}' {}{}", clippedForMessage(m.codeInFile + m.nameInFile), matchKindName(m.kind),
                                 m.candidates.empty() ? "" : " (could be: " + m.candidates + ")")});
                continue;
            }
            const Area* area = ds.findArea(m.code);
            f.areaCode = m.code;
            f.location = pointOnSurface(area->geometry);
            f.locatedBy = "pekon";
        }
        if (held.contains(f)) {
            ++report.alreadyPresent;
            continue;
        }
        f.id = nextId++;
        changes.facilities.push_back(std::move(f));
    }
    if (!byPoint) {
        report.reportPath =
            options.reportPath.empty() ? defaultReportPath(path, options.projectLocation) : options.reportPath;
        checkOutputPath(report.reportPath, {path, options.projectLocation});
        writeMatchReport(report.matches, report.reportPath);
        changes.aliases = detail::planFuzzyAliases(ds, report.matches, std::filesystem::path(path).filename().string());
        report.aliasesAdded = changes.aliases.size();
    }
    report.imported = changes.facilities.size();
    applyImportChanges(ds, changes);
    report.changes = std::move(changes);
    return report;
}

} // namespace gis
