#include "cli/roads.h"

#include "gis/error.h"
#include "gis/vectorio.h"

#include <filesystem>
#include <map>
#include <sstream>

namespace app::cli {

gis::VectorData readLineLayer(const std::string& fileAndLayer)
{
    std::string path = fileAndLayer, layer;
    const auto colon = path.rfind(':');
    if (colon != std::string::npos && colon > 1 && !std::filesystem::exists(path)) {
        layer = path.substr(colon + 1);
        path = path.substr(0, colon);
    }
    gis::ReadOptions read;
    read.layer = layer;
    return gis::readVector(path, read);
}

std::vector<gis::LineString> readRoadLines(const std::string& fileAndLayer)
{
    const gis::VectorData data = readLineLayer(fileAndLayer);
    std::vector<gis::LineString> lines;
    for (const gis::VectorFeature& f : data.features)
        for (const gis::LineString& line : f.geometry.lines)
            if (line.size() >= 2)
                lines.push_back(line);
    if (lines.empty())
        throw gis::DataSourceError(fileAndLayer,
                                   "no lines to draw as roads (is it a line layer? pick one as FILE:LAYER)");
    return lines;
}

gis::RoadNetwork readRoadLayer(const std::string& fileAndLayer, const std::string& classField,
                               const std::string& speeds, double defaultSpeedKmh, double offroadSpeedKmh)
{
    std::map<std::string, double> speedByClass;
    std::stringstream items(speeds);
    std::string item;
    while (std::getline(items, item, ',')) {
        const auto eq = item.find('=');
        double value = 0;
        try {
            value = eq == std::string::npos ? 0.0 : std::stod(item.substr(eq + 1));
        } catch (const std::exception&) {
        }
        std::string name = eq == std::string::npos ? item : item.substr(0, eq);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (name.empty() || value <= 0)
            throw gis::Error("--road-speeds: '" + item + "' is not CLASS=KMH with a positive speed");
        speedByClass[name] = value;
    }
    const gis::VectorData lines = readLineLayer(fileAndLayer);
    gis::RoadNetworkOptions network;
    network.offRoadSpeedKmh = offroadSpeedKmh;
    return gis::RoadNetwork::fromVector(lines, classField, speedByClass, defaultSpeedKmh, network);
}

} // namespace app::cli
