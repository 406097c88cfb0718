#include "cli/roads.h"

#include "cli/common.h"
#include "gis/error.h"
#include "gis/measure.h"
#include "gis/roadlayer.h"
#include "gis/store.h"
#include "gis/vectorio.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <fstream>
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

std::optional<CommandRoads> commandRoads(const gis::Dataset& ds, const RoadOptions& options)
{
    if (!options.file.empty())
        return CommandRoads{readRoadLayer(options.file, options.classField, options.speeds, options.defaultSpeedKmh,
                                          options.offroadSpeedKmh),
                            "file " + options.file};
    if (ds.roads.empty())
        return std::nullopt;
    gis::RoadNetworkOptions network;
    network.offRoadSpeedKmh = options.offroadSpeedKmh;
    return CommandRoads{gis::roadNetworkOf(ds.roads, network),
                        fmt::format("the project's road layer ({} roads)", ds.roads.roads.size())};
}

CLI::App* addImportRoadsCommand(CLI::App* importCmd, RoadImportCommandOptions& options)
{
    auto* cmd = importCmd->add_subcommand(
        "roads", "Keep a road layer in the project (lines with a class and speeds), replacing the one it has");
    cmd->add_option("PROJECT", options.project, "Project file or postgresql:// project")->required();
    cmd->add_option("FILE", options.source, "Road lines, FILE or FILE:LAYER (any OGR format, any CRS)")->required();
    cmd->add_option("--class-field", options.classField,
                    "Field holding the road class (default: highway, fclass, kelas, class, fungsi, jenis or remark, "
                    "whichever the layer has)");
    cmd->add_option("--speeds", options.speeds,
                    "JSON file of class -> km/h, over the default table (README: Roads)");
    return cmd;
}

int runImportRoads(const RoadImportCommandOptions& options, std::ostream& out, std::ostream&)
{
    std::map<std::string, double> speeds = gis::defaultRoadSpeeds();
    if (!options.speeds.empty()) {
        std::ifstream in(options.speeds, std::ios::binary);
        if (!in)
            throw gis::DataSourceError(options.speeds, "cannot open the speed table (--speeds)");
        std::stringstream text;
        text << in.rdbuf();
        speeds = gis::roadSpeedsFromJson(text.str(), options.speeds);
    }
    const auto store = gis::openProject(options.project, gis::OpenMode::ReadWrite);
    gis::ProjectReadOptions read;
    read.parts = gis::ProjectPart::Meta | gis::ProjectPart::Areas;
    const gis::Dataset ds = store->read(read);
    const gis::VectorData lines = readLineLayer(options.source);
    gis::RoadLayerImport made;
    try {
        made = gis::roadLayerFromVector(lines, options.classField, speeds, ds.extent());
    } catch (const gis::DataSourceError& e) {
        const std::string what = e.what();
        if (what.find("no speed") != std::string::npos)
            throw gis::DataSourceError(e.path(), what.substr(what.find(": ") + 2) + " (--speeds FILE.json, or --class-field)");
        if (what.find("for the road class") != std::string::npos)
            throw gis::DataSourceError(e.path(), what.substr(what.find(": ") + 2) + " (--class-field)");
        throw;
    }
    gis::ProjectChanges changes;
    changes.roads = made.layer;
    changes.meta["jalan_sumber"] = std::filesystem::path(options.source).filename().string(); // FILE[:LAYER] as given
    store->write(changes);

    if (ds.isIllustrative())
        fmt::print(out, "ILLUSTRATIVE project (Data ilustrasi): the roads are kept beside illustrative data\n");
    for (const std::string& note : made.notes)
        fmt::print(out, "{}\n", note);
    std::map<std::string, double> kmByClass;
    for (const gis::Road& road : made.layer.roads)
        for (const gis::LineString& line : road.lines)
            for (std::size_t i = 1; i < line.size(); ++i)
                kmByClass[gis::roadClassKey(road.roadClass)] += gis::geodesicDistanceM(line[i - 1], line[i]) / 1000.0;
    fmt::print(out, "roads: {} features in {} classes (class: features, km, km/h)\n", made.layer.roads.size(),
               made.roadsByClass.size());
    for (const auto& [cls, n] : made.roadsByClass)
        fmt::print(out, "  {}: {}, {:.1f} km, {:g} km/h\n", cls.empty() ? "(empty)" : cls, n, kmByClass[cls],
                   made.layer.speedsKmh.at(cls));
    fmt::print(out, "kept in {} (table jalan, replacing the roads it had)\n", store->location());
    return 0;
}

} // namespace app::cli
