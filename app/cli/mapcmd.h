#pragma once
/// \file mapcmd.h
/// `sasaran-cli map`, `atlas` and `report`: printed maps, the atlas per kecamatan and the
/// meeting pack.
#include "gis/personaldata.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace app::cli {

/// \brief Options shared by map, atlas and report (given ones override a template's).
struct MapCommandOptions {
    std::string project;
    std::string out;
    std::string indicator = "poverty_rate";
    std::string layer; ///< priority, lisa, base, or an analysis column
    std::string period;
    std::string compare; ///< earlier period: change map (map), change page (atlas, report)
    int classes = 5;
    std::string method = "quantile";
    std::string breaks; ///< "10,15,20,30": manual upper bounds
    std::string ramp = "YlOrRd";
    std::string title;
    std::string subtitle;
    std::string paper = "A4";
    bool landscape = false;
    bool portrait = false;
    double dpi = 200.0;
    int widthPx = 0; ///< PNG size override
    int heightPx = 0;
    std::string kecamatan;            ///< focus: code or name
    std::string bbox;                 ///< "minlon,minlat,maxlon,maxlat"
    std::string labels = "kecamatan"; ///< none, kecamatan, pekon, all
    bool noFacilities = false;
    bool noInset = false;
    std::string coverage;     ///< KIND:KM, e.g. PUSKESSOS:5
    std::string roads;        ///< road lines FILE[:LAYER] to draw
    bool noRoads = false;     ///< leave out the project's road layer
    std::string travel;              ///< map --travel KIND|capital: the travel-time raster
    std::string travelClasses;       ///< "15,30,60,120" (minutes, class upper bounds)
    double travelResolutionM = 100.0;
    bool proposals = false;   ///< the latest saved placement run
    std::string onlyLevel;    ///< a category level: only the pekon at it coloured
    std::string templateName; ///< NAME kept in the project, or FILE.json
    std::string saveTemplate; ///< keep the resulting template under this name
    std::string lang = "id";
    std::string preset; ///< email or print
    std::string scheme; ///< priority scheme (file or kept name)
    std::string maker;
    std::string by = "kecamatan"; ///< atlas
    int top = 30;                 ///< report
    bool pokdarwis = false;       ///< report: POKDARWIS ranking pages
    double pokdarwisRadiusKm = 10.0;
    std::vector<std::string> hotspots; ///< report: a LISA cluster page per indicator key
    std::string printedDate;      ///< fixed printing date (tests, reproducible packs)
    /// DTSEN-derived counts from 1 to this - 1 are drawn as no data / printed "<N"; 0 or 1: all
    int smallCountThreshold = gis::kDefaultSmallCountThreshold;
};

CLI::App* addMapCommand(CLI::App& cli, MapCommandOptions& options);
CLI::App* addAtlasCommand(CLI::App& cli, MapCommandOptions& options);
CLI::App* addReportCommand(CLI::App& cli, MapCommandOptions& options);

/// \brief Run the commands: options into a map template, layers::resolveMap() for the rest.
/// \throws UsageError for conflicting options; gis::Error (option names added to the library's
/// template errors) for the caller to turn into an exit code.
int runMap(const MapCommandOptions& options, const CLI::App& command, std::ostream& out, std::ostream& err);
int runAtlas(const MapCommandOptions& options, const CLI::App& command, std::ostream& out, std::ostream& err);
int runReport(const MapCommandOptions& options, const CLI::App& command, std::ostream& out, std::ostream& err);

/// \brief Rendering text needs a QGuiApplication; makes an offscreen one when none exists.
void ensureGuiApplication();

} // namespace app::cli
