#include "gis/roadlayer.h"

#include "gis/error.h"
#include "gis/text.h"
#include "gis/vectorio.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace gis {

namespace {

constexpr double kRegencyMarginDegrees = 0.045; // about 5 km

bool finiteLine(const LineString& line)
{
    return std::all_of(line.begin(), line.end(),
                       [](const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); });
}

bool hasTwoDistinctPoints(const LineString& line)
{
    return std::adjacent_find(line.begin(), line.end(), std::not_equal_to<>()) != line.end();
}

std::string featureName(const VectorData& data, std::size_t index)
{
    return fmt::format("feature {} (fid {})", index + 1, data.features[index].fid);
}

const char* geometryWord(GeometryType type)
{
    switch (type) {
    case GeometryType::Point:
        return "a point";
    case GeometryType::Polygon:
        return "a polygon";
    default:
        return "without geometry";
    }
}

} // namespace

std::string roadClassKey(const std::string& roadClass)
{
    std::string lower = asciiLower(trimmed(roadClass));
    std::replace(lower.begin(), lower.end(), '_', ' ');
    std::string out;
    for (char c : lower)
        if (c != ' ' || (!out.empty() && out.back() != ' '))
            out.push_back(c);
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::map<std::string, double> defaultRoadSpeeds()
{
    std::map<std::string, double> s = {
        {"jalan nasional", 60},  {"jalan provinsi", 50}, {"jalan kabupaten", 40}, {"jalan kota", 30},
        {"jalan desa", 25},      {"jalan setapak", 5},   {"nasional", 60},        {"provinsi", 50},
        {"kabupaten", 40},       {"kota", 30},           {"desa", 25},            {"setapak", 5},
        {"arteri", 60},          {"kolektor", 50},       {"lokal", 30},           {"lingkungan", 20},
        {"jalan arteri", 60},    {"jalan kolektor", 50}, {"jalan lokal", 30},     {"jalan lingkungan", 20},
        {"jalan", 30},           {"motorway", 80},       {"trunk", 60},           {"primary", 60},
        {"secondary", 50},       {"tertiary", 40},       {"unclassified", 30},    {"residential", 25},
        {"service", 20},         {"living street", 15},  {"track", 15},           {"path", 5},
        {"footway", 5},          {"steps", 3},           {"motorway link", 80},   {"trunk link", 60},
        {"primary link", 60},    {"secondary link", 50}, {"tertiary link", 40},   {"ferry", 15},
    };
    return s;
}

std::map<std::string, double> roadSpeedsFromJson(const std::string& json, const std::string& source)
{
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw DataSourceError(source, "the speed table is not a JSON object of class -> km/h, e.g. "
                                      "{\"jalan kabupaten\": 40, \"ferry\": 15}");
    std::map<std::string, double> speeds = defaultRoadSpeeds();
    for (const auto& [cls, value] : j.items()) {
        const double kmh = value.is_number() ? value.get<double>() : std::nan("");
        if (!(std::isfinite(kmh) && kmh > 0.0))
            throw DataSourceError(source, fmt::format("the speed of class '{}' ({}) is not a positive number of km/h",
                                                      cls, value.dump()));
        if (roadClassKey(cls).empty())
            throw DataSourceError(source, "a class name in the speed table is empty");
        speeds[roadClassKey(cls)] = kmh;
    }
    return speeds;
}

const std::vector<std::string>& roadClassFieldCandidates()
{
    static const std::vector<std::string> names = {"highway", "fclass", "kelas", "class", "fungsi", "jenis", "remark"};
    return names;
}

RoadLayerImport roadLayerFromVector(const VectorData& data, const std::string& classField,
                                    const std::map<std::string, double>& speedsKmh, const Extent& regency)
{
    RoadLayerImport out;
    int field = -1;
    if (!classField.empty()) {
        field = data.fieldIndex(classField);
        if (field < 0) {
            std::string names;
            for (const auto& n : data.fieldNames)
                names += (names.empty() ? "" : ", ") + n;
            throw DataSourceError(data.path, fmt::format("no field '{}' for the road class; the layer's fields are: {}",
                                                         classField, names.empty() ? "(none)" : names));
        }
    } else {
        for (const std::string& name : roadClassFieldCandidates())
            if ((field = data.fieldIndex(name)) >= 0)
                break;
        if (field >= 0)
            out.notes.push_back(fmt::format("road class from field '{}'", data.fieldNames[static_cast<std::size_t>(field)]));
        else
            out.notes.push_back("no class field: every road is of class 'jalan'");
    }
    out.classField = field >= 0 ? data.fieldNames[static_cast<std::size_t>(field)] : std::string();
    if (data.features.empty())
        throw DataSourceError(data.path, "the layer has no features; give a layer of road lines");

    std::map<std::string, std::size_t> missing; // class -> features
    std::map<std::string, std::string> spelling; // class key -> first spelling seen
    Extent extent;
    for (std::size_t i = 0; i < data.features.size(); ++i) {
        const VectorFeature& f = data.features[i];
        if (f.geometry.type != GeometryType::Line || f.geometry.lines.empty())
            throw DataSourceError(data.path, fmt::format("{} is {}, not a road line; give a line layer (LineString "
                                                         "or MultiLineString), or pick the line layer of the file",
                                                         featureName(data, i), geometryWord(f.geometry.type)));
        for (const LineString& line : f.geometry.lines) {
            if (!finiteLine(line))
                throw DataSourceError(data.path, fmt::format("{} has a vertex that is not a number (NaN or "
                                                             "infinite); fix or remove that feature",
                                                             featureName(data, i)));
            if (!hasTwoDistinctPoints(line))
                throw DataSourceError(data.path, fmt::format("{} has a line of fewer than two distinct points ({} "
                                                             "{}); fix or remove that feature",
                                                             featureName(data, i), line.size(),
                                                             line.size() == 1 ? "vertex" : "vertices"));
            for (const Point& p : line)
                extent.include(p);
        }
        Road road;
        road.roadClass = "jalan";
        if (field >= 0) {
            const auto idx = static_cast<std::size_t>(field);
            road.roadClass = trimmed(idx < f.values.size() ? fieldText(f.values[idx]) : std::string());
        }
        const std::string key = roadClassKey(road.roadClass);
        spelling.emplace(key, road.roadClass);
        if (!speedsKmh.count(key))
            ++missing[key];
        else
            out.layer.speedsKmh[key] = speedsKmh.at(key);
        ++out.roadsByClass[key];
        road.lines = f.geometry.lines;
        out.layer.roads.push_back(std::move(road));
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& [key, n] : missing)
            list += fmt::format("{}'{}' ({} feature{})", list.empty() ? "" : ", ",
                                key.empty() ? "(empty)" : spelling[key], n, n == 1 ? "" : "s");
        throw DataSourceError(data.path,
                              fmt::format("{} road class{} of field '{}' ha{} no speed: {}; add {} to the speed table "
                                          "(a JSON object of class -> km/h, e.g. {{\"{}\": 30}}), or choose another "
                                          "class field",
                                          missing.size(), missing.size() == 1 ? "" : "es", out.classField,
                                          missing.size() == 1 ? "s" : "ve", list, missing.size() == 1 ? "it" : "them",
                                          spelling[missing.begin()->first]));
    }
    if (!regency.isEmpty()) {
        const bool overlaps = extent.maxX >= regency.minX - kRegencyMarginDegrees
            && extent.minX <= regency.maxX + kRegencyMarginDegrees && extent.maxY >= regency.minY - kRegencyMarginDegrees
            && extent.minY <= regency.maxY + kRegencyMarginDegrees;
        if (!overlaps)
            throw DataSourceError(data.path,
                                  fmt::format("the roads lie at lon {:.3f}..{:.3f}, lat {:.3f}..{:.3f}, nowhere near "
                                              "the project's areas (lon {:.3f}..{:.3f}, lat {:.3f}..{:.3f}); is it the "
                                              "right file, or does it declare the wrong CRS?",
                                              extent.minX, extent.maxX, extent.minY, extent.maxY, regency.minX,
                                              regency.maxX, regency.minY, regency.maxY));
    }
    return out;
}

RoadNetwork roadNetworkOf(const RoadLayer& layer, const RoadNetworkOptions& options)
{
    std::vector<LineString> lines;
    std::vector<double> speeds;
    for (const Road& road : layer.roads) {
        const auto it = layer.speedsKmh.find(roadClassKey(road.roadClass));
        if (it == layer.speedsKmh.end())
            throw Error(fmt::format("the project's road class '{}' has no speed; import the roads again with a speed "
                                    "table that has it",
                                    road.roadClass));
        for (const LineString& line : road.lines) {
            lines.push_back(line);
            speeds.push_back(it->second);
        }
    }
    return RoadNetwork::fromLines(lines, speeds, options);
}

std::vector<TravelInputs::Road> travelRoadsOf(const RoadLayer& layer)
{
    return roadsOf(roadNetworkOf(layer));
}

std::vector<LineString> roadLinesOf(const RoadLayer& layer)
{
    std::vector<LineString> lines;
    for (const Road& road : layer.roads)
        lines.insert(lines.end(), road.lines.begin(), road.lines.end());
    return lines;
}

} // namespace gis
