#include "cli/mapcmd.h"

#include "cli/common.h"
#include "cli/exportlogcmd.h"
#include "cli/roads.h"
#include "cli/travel.h"

#include "gis/analysis.h"
#include "gis/error.h"
#include "gis/hotspots.h"
#include "gis/network.h"
#include "gis/periodchange.h"
#include "gis/pokdarwis.h"
#include "gis/project.h"
#include "gis/roadlayer.h"
#include "gis/text.h"
#include "layers/maprecipe.h"
#include "layers/maptemplate.h"
#include "layers/meetingpack.h"
#include "layers/thematicmap.h"
#include "layers/travelmap.h"

#include <CLI/CLI.hpp>
#include <QGuiApplication>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

namespace app::cli {

void ensureGuiApplication()
{
    if (QGuiApplication::instance())
        return;
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    // Qt warns on every run ("XDG_RUNTIME_DIR not set") when there is no runtime folder, as in
    // a cron job or a container: give it a private one (owner only, as Qt requires).
    if (!std::getenv("XDG_RUNTIME_DIR")) {
        const std::string dir =
            (std::filesystem::temp_directory_path() / ("sasaran-runtime-" + std::to_string(::getuid()))).string();
        ::mkdir(dir.c_str(), 0700);
        struct stat st {};
        if (::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::getuid()
            && (st.st_mode & 0777) == 0700)
            setenv("XDG_RUNTIME_DIR", dir.c_str(), 0);
    }
    static int argc = 1;
    static char name[] = "sasaran-cli";
    static char* argv[] = {name, nullptr};
    static std::unique_ptr<QGuiApplication> application = std::make_unique<QGuiApplication>(argc, argv);
}

namespace {

std::vector<double> parseNumbers(const std::string& text, const std::string& option)
{
    std::vector<double> numbers;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            std::size_t used = 0;
            numbers.push_back(std::stod(part, &used));
            if (used != part.size())
                throw std::invalid_argument(part);
        } catch (const std::exception&) {
            throw gis::Error(option + ": '" + part
                             + "' is not a number (write numbers with a decimal point, "
                               "separated by commas, e.g. 10,15.5,20)");
        }
    }
    return numbers;
}

void addSmallCountOption(CLI::App* c, MapCommandOptions& o)
{
    c->add_option("--small-count-threshold", o.smallCountThreshold,
                  "DTSEN/DTKS-derived counts from 1 to N-1 are drawn as no data and printed \"<N\" in tables so no "
                  "family can be recognised; 0 shows them all (only for the office's own use)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
}

/// True when the pages show DTSEN-derived values: a mapped dtsen count or a score weighing one.
bool showsPersonalData(const layers::ThematicMapSpec& spec, const gis::AnalysisTable* table)
{
    if (spec.layer ? spec.layer->personalData || gis::isPersonalDataDerived(spec.layer->key)
                   : gis::isPersonalDataDerived(spec.indicatorKey))
        return true;
    if (!table)
        return false;
    std::vector<std::string> keys;
    for (const gis::SchemeIndicator& i : table->scheme.indicators)
        keys.push_back(i.key);
    return gis::anyPersonalDataDerived(keys);
}

void addPageOptions(CLI::App* c, MapCommandOptions& o)
{
    c->add_option("--paper", o.paper, "Paper: A4, A3, A2, A1, A0 or letter")->capture_default_str();
    c->add_flag("--landscape", o.landscape, "Landscape page");
    c->add_flag("--portrait", o.portrait, "Portrait page");
    c->add_option("--lang", o.lang, "Language of the page texts: id (Bahasa Indonesia) or en")->capture_default_str();
    c->add_option("--preset", o.preset,
                  "email: smaller files (vector detail below 0.3 mm dropped, PNG at 110 dpi); print: full detail, "
                  "PNG at 300 dpi")
        ->check(CLI::IsMember({"email", "print"}));
    c->add_option("--maker", o.maker, "Who made the map, printed in the margin (default: the project's 'maker')");
    c->add_option("--printed-date", o.printedDate, "Printing date to show (default: today)");
    c->add_option("--scheme", o.scheme, "Priority scheme: JSON file or the name of one kept in the project");
    c->add_option("--period", o.period, "Period, e.g. 2018 (default: the latest)");
    c->add_option("--compare", o.compare,
                  "Earlier period to compare with: map draws --indicator change_<key> (or <key>) as later minus "
                  "earlier on a diverging ramp centred on zero; atlas and report add a page with the change of "
                  "the poverty rate");
}

void addStyleOptions(CLI::App* c, MapCommandOptions& o)
{
    c->add_option("--indicator", o.indicator,
                  "Indicator key: penduduk, miskin, poverty_rate, poor_density_km2, pop_density_km2, area_km2, any "
                  "<key>_per_km2 or <key>_per_1000")
        ->capture_default_str();
    c->add_option("--layer", o.layer,
                  "Analysis layer instead of an indicator: priority (score), lisa (clusters of --indicator), base "
                  "(plain), or an analyze column such as dist_puskessos_km");
    c->add_option("--classes", o.classes, "Number of classes")->check(CLI::Range(1, 9))->capture_default_str();
    c->add_option("--method", o.method,
                  "Classification: quantile, equal (interval), natural (Jenks breaks, exact) or stddev (standard "
                  "deviations from the mean)")
        ->check(CLI::IsMember({"quantile", "equal", "natural", "stddev"}))
        ->capture_default_str();
    c->add_option("--breaks", o.breaks, "Manual class upper bounds, ascending: 10,15,20,30 (overrides --method)");
    c->add_option("--ramp", o.ramp,
                  "ColorBrewer ramp: sequential YlOrRd, OrRd, Reds, Blues, Greens, YlGnBu, Purples; diverging RdBu, "
                  "RdYlBu, PuOr, BrBG, PiYG (for stddev)")
        ->capture_default_str();
    c->add_flag("--no-facilities", o.noFacilities, "Do not draw facility symbols");
    c->add_flag("--no-inset", o.noInset, "Do not draw the locator inset");
}

/// The template (kept in the project or a file), then the options given on the command line.
layers::MapTemplate buildTemplate(const gis::Dataset& ds, const MapCommandOptions& o, const CLI::App& c)
{
    layers::MapTemplate t;
    if (!o.templateName.empty()) {
        const bool isFile =
            std::filesystem::exists(o.templateName) || std::filesystem::path(o.templateName).extension() == ".json";
        t = isFile ? layers::loadMapTemplate(o.templateName) : layers::storedMapTemplate(ds, o.templateName);
    } else {
        t.spec.page.landscape = true;
    }
    layers::ThematicMapSpec& s = t.spec;
    auto given = [&c](const char* name) { return c.get_option_no_throw(name) && c.count(name) > 0; };
    if (given("--indicator") || o.templateName.empty())
        s.indicatorKey = o.indicator;
    if (given("--layer"))
        t.layer = o.layer;
    if (given("--period"))
        s.period = o.period;
    if (given("--compare"))
        s.comparePeriod = o.compare;
    if (given("--classes") || o.templateName.empty())
        s.classCount = o.classes;
    if (given("--method") || o.templateName.empty())
        s.method = layers::classificationFromKey(o.method);
    if (given("--breaks")) {
        s.manualBreaks = parseNumbers(o.breaks, "--breaks");
        s.method = layers::ClassificationMethod::Manual;
    }
    if (given("--ramp") || o.templateName.empty())
        s.ramp = o.ramp;
    if (given("--title"))
        s.title = o.title;
    if (given("--subtitle"))
        s.subtitle = o.subtitle;
    if (given("--paper")) {
        const auto paper = layers::paperFromName(o.paper);
        if (!paper)
            throw gis::Error("--paper: unknown paper '" + o.paper + "'; use A4, A3, A2, A1, A0 or letter");
        s.page.paper = *paper;
    }
    if (o.landscape && o.portrait)
        throw gis::Error("--landscape and --portrait exclude each other");
    if (o.landscape)
        s.page.landscape = true;
    if (o.portrait)
        s.page.landscape = false;
    if (given("--dpi"))
        s.page.dpi = o.dpi;
    if (given("--kecamatan"))
        s.focusArea = o.kecamatan;
    if (given("--labels") || o.templateName.empty()) {
        if (o.labels != "none" && o.labels != "kecamatan" && o.labels != "pekon" && o.labels != "all")
            throw gis::Error("--labels: use none, kecamatan, pekon or all");
        s.showLabels = o.labels == "kecamatan" || o.labels == "all";
        s.showVillageLabels = o.labels == "pekon" || o.labels == "all";
    }
    if (o.noFacilities)
        s.showFacilities = false;
    if (o.noInset)
        s.showInset = false;
    if (given("--lang")) {
        const auto lang = layers::langFromName(o.lang);
        if (!lang)
            throw gis::Error("--lang: use id or en");
        s.lang = *lang;
    }
    if (given("--maker"))
        s.maker = o.maker;
    if (given("--printed-date"))
        s.printedDate = o.printedDate;
    if (given("--coverage")) {
        const auto colon = o.coverage.find(':');
        if (colon == std::string::npos)
            throw gis::Error("--coverage: write KIND:KM, e.g. PUSKESSOS:5");
        s.coverageKind = o.coverage.substr(0, colon);
        s.coverageRadiusKm = parseNumbers(o.coverage.substr(colon + 1), "--coverage").at(0);
        if (!(s.coverageRadiusKm > 0))
            throw gis::Error("--coverage: the radius must be positive");
    }
    if (given("--bbox")) {
        const auto v = parseNumbers(o.bbox, "--bbox");
        if (v.size() != 4 || !(v[0] < v[2]) || !(v[1] < v[3]))
            throw gis::Error("--bbox: write minlon,minlat,maxlon,maxlat with min < max, e.g. 104.4,-5.7,104.9,-5.3");
        s.view = gis::Extent{v[0], v[1], v[2], v[3]};
    }
    if (o.preset == "email") {
        s.simplifyMm = 0.3;
        if (!given("--dpi"))
            s.page.dpi = 110;
    } else if (o.preset == "print" && !given("--dpi")) {
        s.page.dpi = 300;
    }
    t.scheme = o.scheme;
    t.proposals = o.proposals;
    t.onlyLevel = o.onlyLevel;
    return t;
}

/// resolveMap(), with the option of \a command that gave a wrong template value named.
layers::ResolvedMap resolveWithOptionNames(const gis::Dataset& ds, const layers::MapTemplate& t,
                                           const CLI::App& command)
{
    try {
        return layers::resolveMap(ds, t);
    } catch (const layers::TemplateError& e) {
        const std::string option = "--" + e.parameter();
        if (!command.get_option_no_throw(option))
            throw; // from a template file or name: its message names the value
        const std::string hint = e.parameter() == "proposals" ? " (sasaran-cli place PROJECT ... --save)" : "";
        throw gis::Error(option + ": " + e.what() + hint);
    }
}

std::string extensionOf(const std::string& path)
{
    return gis::asciiLower(std::filesystem::path(path).extension().string());
}

} // namespace

CLI::App* addMapCommand(CLI::App& cli, MapCommandOptions& o)
{
    auto* c = cli.add_subcommand("map",
                                 "Draw a printed map (choropleth of an indicator or an analysis layer) to PNG, "
                                 "PDF or SVG");
    c->add_option("PROJECT", o.project, "Project file or :default")->required();
    c->add_option("--out", o.out, "Output file: .png, .pdf or .svg")->required();
    addStyleOptions(c, o);
    addPageOptions(c, o);
    c->add_option("--title", o.title, "Map title (default: from the indicator, place and period)");
    c->add_option("--subtitle", o.subtitle, "Subtitle (default: the indicator, period and classification)");
    c->add_option("--dpi", o.dpi, "PNG resolution in dots per inch")
        ->check(CLI::Range(30.0, 1200.0))
        ->capture_default_str();
    c->add_option("--width", o.widthPx, "PNG width in pixels (with --height; default: the paper at --dpi)")
        ->check(CLI::Range(200, 20000));
    c->add_option("--height", o.heightPx, "PNG height in pixels")->check(CLI::Range(200, 20000));
    c->add_option("--kecamatan", o.kecamatan, "Fit the map to one kecamatan (code or name); the rest is greyed");
    c->add_option("--bbox", o.bbox, "Fit the map to minlon,minlat,maxlon,maxlat");
    c->add_option("--labels", o.labels, "Names on the map: none, kecamatan, pekon or all")->capture_default_str();
    c->add_option("--coverage", o.coverage, "Draw reach circles: KIND:KM, e.g. PUSKESSOS:5");
    c->add_option("--roads", o.roads,
                  "Draw the roads of a line layer FILE[:LAYER] (any OGR format) instead of the project's road layer");
    c->add_flag("--no-roads", o.noRoads, "Leave out the project's road layer (drawn by default when it has one)");
    c->add_flag("--proposals", o.proposals, "Draw the sites of the latest placement run saved in the project");
    c->add_option("--travel", o.travel,
                  "Draw the travel time over terrain (DEM, roads) to the nearest facility of a KIND, or to the "
                  "capital, under the pekon outlines, classed in minutes");
    c->add_option("--travel-classes", o.travelClasses, "Upper bounds of the travel-time classes, minutes")
        ->default_str("15,30,60,120");
    c->add_option("--travel-resolution-m", o.travelResolutionM, "Cell size of the travel grid, metres")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    c->add_option("--only-level", o.onlyLevel,
                  "With a category --indicator: colour only the pekon at this level, e.g. Tidak for the pekon "
                  "without it (the others plain)");
    c->add_option("--template", o.templateName, "Start from a map template: a name kept in the project or a JSON file");
    c->add_option("--save-template", o.saveTemplate, "Keep this map's settings in the project under NAME");
    addSmallCountOption(c, o);
    return c;
}

CLI::App* addAtlasCommand(CLI::App& cli, MapCommandOptions& o)
{
    auto* c = cli.add_subcommand("atlas",
                                 "Atlas PDF: a cover and one page per kecamatan with its pekon ranked by "
                                 "priority");
    c->add_option("PROJECT", o.project, "Project file or :default")->required();
    c->add_option("--out", o.out, "Output PDF")->required();
    c->add_option("--by", o.by, "Pages per: kecamatan")->check(CLI::IsMember({"kecamatan"}))->capture_default_str();
    addStyleOptions(c, o);
    addPageOptions(c, o);
    c->add_option("--template", o.templateName, "Style the pages with a map template (name or JSON file)");
    addSmallCountOption(c, o);
    return c;
}

CLI::App* addReportCommand(CLI::App& cli, MapCommandOptions& o)
{
    auto* c = cli.add_subcommand("report",
                                 "Meeting pack PDF: priority, poverty density and facility maps, the top "
                                 "priority table and saved placement proposals");
    c->add_option("PROJECT", o.project, "Project file or :default")->required();
    c->add_option("--out", o.out, "Output PDF")->required();
    c->add_option("--top", o.top, "Rows of the priority table (and of the POKDARWIS table)")
        ->check(CLI::Range(1, 500))
        ->capture_default_str();
    c->add_flag("--pokdarwis", o.pokdarwis,
                "Add the POKDARWIS candidate ranking (map and top table, default weights; access by road when the "
                "project has a road layer)");
    c->add_option("--pokdarwis-radius-km", o.pokdarwisRadiusKm,
                  "With --pokdarwis: attractions (WISATA) within this distance count as near")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    c->add_option("--hotspots", o.hotspots,
                  "Add a LISA hotspot map with Moran's I and its p-value for this indicator (e.g. poverty_rate, "
                  "poverty_rate_eb); repeat for more (queen weights, 999 permutations, seed 12345)");
    addPageOptions(c, o);
    addSmallCountOption(c, o);
    return c;
}

int runMap(const MapCommandOptions& o, const CLI::App& command, std::ostream& out, std::ostream& err)
{
    const std::string ext = extensionOf(o.out);
    if (ext != ".png" && ext != ".pdf" && ext != ".svg")
        throw gis::OutputError("cannot write map '" + o.out + "': unknown extension '" + ext
                               + "'; use .png, .pdf or .svg");
    if ((o.widthPx > 0) != (o.heightPx > 0))
        throw UsageError("give --width and --height together");
    if (o.travel.empty() && command.count("--travel-classes"))
        throw UsageError("--travel-classes classes the travel-time raster: give --travel KIND or --travel capital");
    if (!o.travel.empty() && (command.count("--layer") || command.count("--indicator")))
        throw UsageError("--travel draws the travel-time raster in place of the pekon fills: leave out --layer "
                         "and --indicator");
    gis::Dataset ds = openProjectOrDefault(o.project);
    layers::MapTemplate t = buildTemplate(ds, o, command);
    if (!o.travel.empty())
        t.layer = "base";
    layers::ResolvedMap resolved = resolveWithOptionNames(ds, t, command);
    if (!o.travel.empty()) {
        std::vector<double> breaks = layers::defaultTravelBreaks();
        if (!o.travelClasses.empty())
            breaks = parseNumbers(o.travelClasses, "--travel-classes");
        try {
            resolved.spec.travel = layers::projectTravelRaster(ds, rasterProjectFile(o.project), o.travel, breaks,
                                                               resolved.spec.lang, o.travelResolutionM);
        } catch (const gis::ProjectError&) {
            throw;
        } catch (const gis::DataSourceError&) {
            throw;
        } catch (const gis::Error& e) {
            const std::string what = e.what();
            throw gis::Error((what.rfind("travel-time classes", 0) == 0 ? "--travel-classes: " : "--travel: ") + what);
        }
    }
    if (!o.roads.empty())
        resolved.spec.roads = layers::mapRoadsOf(readRoadLines(o.roads));
    else if (!o.noRoads)
        resolved.spec.roads = layers::mapRoadsOf(ds.roads);
    resolved.spec.smallCountThreshold = o.smallCountThreshold;
    ensureGuiApplication();
    const layers::ThematicMap map(ds, resolved.spec);
    layers::exportMap(map, o.out, o.widthPx > 0 ? QSize(o.widthPx, o.heightPx) : QSize());
    fmt::print(out, "wrote map: {} ({} {}, {})\n", std::filesystem::absolute(o.out).string(),
               layers::paperName(t.spec.page.paper), t.spec.page.landscape ? "landscape" : "portrait", map.title());
    if (!map.restrictedNotice().empty())
        fmt::print(out, "restricted:  {}\n", map.restrictedNotice());
    logOutput(o.project, "map", "aggregate", o.out, !map.restrictedNotice().empty(), out, err);
    if (!o.saveTemplate.empty()) {
        if (o.project == kDefaultProjectName)
            throw UsageError(fmt::format("--save-template needs a project file, not {}", kDefaultProjectName));
        // the settings, not the values resolved from data; the focus as its kecamatan code
        layers::MapTemplate kept = t;
        kept.spec.focusArea = resolved.spec.focusArea;
        kept.name = o.saveTemplate;
        const gis::Dataset before = copyOfParts(ds, gis::ProjectPart::Meta);
        layers::storeMapTemplate(ds, kept);
        writeChanges(o.project, before, ds, gis::ProjectPart::Meta);
        fmt::print(out, "kept map template '{}' in {}\n", kept.name, o.project);
    }
    return 0;
}

int runAtlas(const MapCommandOptions& o, const CLI::App& command, std::ostream& out, std::ostream& err)
{
    if (extensionOf(o.out) != ".pdf")
        throw gis::OutputError("cannot write atlas '" + o.out + "': an atlas is a .pdf");
    const gis::Dataset ds = openProjectOrDefault(o.project);
    layers::MapTemplate t = buildTemplate(ds, o, command);
    if (!o.landscape && o.templateName.empty())
        t.spec.page.landscape = false; // an atlas page is portrait: map above, table below
    auto given = [&command](const char* name) { return command.count(name) > 0; };
    const bool ownValues = given("--indicator") || given("--layer") || !t.layer.empty();
    // --compare with a change_<key> indicator maps the change on every page; else one change page.
    const bool changePages = !gis::changedIndicator(t.layer.empty() ? t.spec.indicatorKey : t.layer).empty();
    std::string changePage;
    if (!changePages && !t.spec.comparePeriod.empty())
        changePage = std::exchange(t.spec.comparePeriod, std::string());
    layers::ResolvedMap resolved = resolveWithOptionNames(ds, t, command);
    if (!resolved.analysis)
        resolved.analysis = layers::templateAnalysis(ds, t);
    layers::AtlasOptions atlas;
    atlas.style = resolved.spec;
    atlas.style.smallCountThreshold = o.smallCountThreshold;
    atlas.usePriorityLayer = !ownValues;
    atlas.comparePeriod = changePage;
    ensureGuiApplication();
    const int pages = layers::exportAtlas(ds, *resolved.analysis, atlas, o.out);
    const int kecamatanPages = pages - 1 - (changePage.empty() ? 0 : 1);
    fmt::print(out, "wrote atlas: {} ({} pages: cover{} + {} kecamatan)\n", std::filesystem::absolute(o.out).string(),
               pages, changePage.empty() ? "" : " + change " + changePage + " -> " + resolved.analysis->period,
               kecamatanPages);
    const bool personal = showsPersonalData(atlas.style, atlas.usePriorityLayer ? &*resolved.analysis : nullptr);
    if (personal)
        fmt::print(out, "restricted:  TERBATAS: the pages show DTSEN-derived values (counts from 1 to {} as <{})\n",
                   std::max(o.smallCountThreshold - 1, 0), o.smallCountThreshold);
    logOutput(o.project, "atlas", "aggregate", o.out, personal, out, err);
    return 0;
}

int runReport(const MapCommandOptions& o, const CLI::App& command, std::ostream& out, std::ostream& err)
{
    if (extensionOf(o.out) != ".pdf")
        throw gis::OutputError("cannot write report '" + o.out + "': a report is a .pdf");
    const gis::Dataset ds = openProjectOrDefault(o.project);
    const layers::MapTemplate t = buildTemplate(ds, o, command);
    const gis::AnalysisTable table = layers::templateAnalysis(ds, t);
    layers::ReportOptions report;
    report.lang = t.spec.lang;
    report.page = t.spec.page;
    report.printedDate = t.spec.printedDate;
    report.simplifyMm = t.spec.simplifyMm;
    report.maker = t.spec.maker;
    report.topN = static_cast<std::size_t>(o.top);
    report.smallCountThreshold = o.smallCountThreshold;
    report.comparePeriod = t.spec.comparePeriod;
    for (const std::string& key : o.hotspots) {
        gis::HotspotOptions ho;
        ho.period = table.period;
        try {
            report.hotspots.push_back(gis::analyzeHotspots(ds, key, ho));
        } catch (const gis::Error& e) {
            throw gis::Error(fmt::format("--hotspots {}: {}", key, e.what()));
        }
    }
    if (o.pokdarwis) {
        gis::PokdarwisOptions po;
        po.period = table.period;
        po.radiusKm = o.pokdarwisRadiusKm;
        std::optional<gis::RoadNetwork> roads; // the project's road layer, as `pokdarwis` uses by default
        if (!ds.roads.empty()) {
            roads = gis::roadNetworkOf(ds.roads);
            po.roads = &*roads;
        }
        report.pokdarwis = gis::rankPokdarwisSites(ds, po);
    }
    ensureGuiApplication();
    const int pages = layers::exportReport(ds, table, report, o.out);
    std::string extras;
    for (const gis::HotspotResult& h : report.hotspots)
        extras += fmt::format(", hotspots of {} (Moran's I {:.3f}, p {:.3f})", h.key, h.global.i, h.global.pValue);
    if (report.pokdarwis)
        extras += ", POKDARWIS candidates";
    fmt::print(out, "wrote report: {} ({} pages{}{})\n", std::filesystem::absolute(o.out).string(), pages,
               ds.programs.empty() ? ", no placement run saved"
                                   : ", with placement program " + std::to_string(ds.programs.back().id),
               extras);
    const bool personal = showsPersonalData(layers::ThematicMapSpec{}, &table);
    if (personal)
        fmt::print(out, "restricted:  TERBATAS: the scheme weighs DTSEN-derived values (counts from 1 to {} as <{})\n",
                   std::max(o.smallCountThreshold - 1, 0), o.smallCountThreshold);
    logOutput(o.project, "report", "aggregate", o.out, personal, out, err);
    return 0;
}

} // namespace app::cli
