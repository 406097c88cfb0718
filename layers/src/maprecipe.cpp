#include "layers/maprecipe.h"

#include "gis/categories.h"
#include "gis/hotspots.h"
#include "gis/indicators.h"
#include "gis/periodchange.h"
#include "layers/colorramp.h"
#include "gis/text.h"
#include "layers/maplayers.h"

#include <filesystem>
#include <stdexcept>

namespace layers {

namespace {

/// The priority scheme \a fileOrName names: empty = the default remote-area scheme; an existing
/// file or a name with an extension = a JSON file; else a scheme kept in the project. The same
/// rule as the analyze command's scheme option.
gis::PriorityScheme schemeNamed(const gis::Dataset& ds, const std::string& fileOrName)
{
    if (fileOrName.empty())
        return gis::defaultPriorityScheme();
    const bool isFile = std::filesystem::exists(fileOrName) || !std::filesystem::path(fileOrName).extension().empty();
    return isFile ? gis::loadScheme(fileOrName) : gis::storedScheme(ds, fileOrName);
}

/// The template's layer as values on \a spec (nothing for an indicator map).
void resolveLayer(const gis::Dataset& ds, const MapTemplate& t, ThematicMapSpec& spec, const gis::AnalysisTable* given,
                  std::optional<gis::AnalysisTable>& table)
{
    auto analysis = [&]() -> const gis::AnalysisTable& {
        if (given)
            return *given;
        if (!table)
            table = templateAnalysis(ds, t);
        return *table;
    };
    if (t.layer.empty())
        return;
    if (t.layer == "priority") {
        spec.layer = priorityLayer(analysis(), spec.lang);
    } else if (t.layer == "lisa") {
        gis::HotspotOptions options;
        options.period = spec.period;
        std::string label;
        try {
            label = gis::indicatorInfo(ds, spec.indicatorKey).label;
        } catch (const gis::Error&) {
            label = spec.indicatorKey; // poverty_rate_eb and other hotspot-only keys
        }
        spec.layer = lisaLayer(gis::analyzeHotspots(ds, spec.indicatorKey, options), spec.lang, label);
    } else if (t.layer == "base") {
        spec.layer = baseLayer(ds, spec.lang);
    } else {
        const gis::AnalysisTable& columns = analysis();
        try {
            spec.layer = analysisColumnLayer(columns, t.layer, spec.lang);
        } catch (const gis::Error& e) {
            throw TemplateError("layer", e.what());
        }
    }
}

/// A change map (indicator or layer change_<key>, or an indicator with a compare period): the
/// change layer, symmetric classes around zero unless breaks are given, and a diverging ramp
/// (RdBu reversed: decreases blue, increases red, no change the light midpoint) unless one is
/// chosen. Returns false when the template draws no change.
bool resolveChange(const gis::Dataset& ds, const MapTemplate& t, ThematicMapSpec& spec)
{
    const std::string named = t.layer.empty() ? spec.indicatorKey : t.layer;
    std::string key = gis::changedIndicator(named);
    if (key.empty()) {
        if (spec.comparePeriod.empty())
            return false;
        if (!t.layer.empty())
            throw TemplateError("compare", "the change between two periods is drawn for an indicator, not for the "
                                           "layer '" + t.layer + "'");
        key = named;
    }
    if (spec.comparePeriod.empty())
        throw TemplateError("compare", "the map of '" + named
                                           + "' shows the change between two periods: name the earlier period to "
                                             "compare with");
    const std::string later = spec.period.empty() ? gis::latestPeriod(ds, key) : spec.period;
    try {
        spec.layer = changeLayer(ds, key, later, spec.comparePeriod, spec.lang);
    } catch (const gis::Error& e) {
        throw TemplateError("compare", e.what());
    }
    if (spec.layer->values.empty())
        throw TemplateError("compare", "no pekon holds '" + key + "' in both period " + spec.comparePeriod
                                           + " and period " + later + ", so there is no change to draw");
    if (spec.manualBreaks.empty()) {
        std::vector<double> values;
        for (const auto& [code, v] : spec.layer->values)
            values.push_back(v);
        spec.manualBreaks = symmetricBreaks(values, spec.classCount);
        spec.method = ClassificationMethod::Manual;
        // the first class starts as far below zero as the last ends above it
        spec.manualMinimum = -spec.manualBreaks.back();
    }
    bool diverging = true; // an unknown ramp is kept for ThematicMap to refuse with the list
    try {
        diverging = rampKind(spec.ramp) == RampKind::Diverging;
    } catch (const std::invalid_argument&) {
    }
    if (!diverging) {
        spec.ramp = "RdBu";
        spec.reverseRamp = true;
    }
    return true;
}

/// Only the pekon at one level of the category shown are coloured.
void resolveOnlyLevel(const gis::Dataset& ds, const MapTemplate& t, ThematicMapSpec& spec)
{
    const std::string& key = spec.indicatorKey;
    if (!t.layer.empty() || spec.layer || !gis::categoryScale(ds, key))
        throw TemplateError("only-level", "a map of one level is drawn for a category (such as a yes/no "
                                          "indicator), and '"
                                              + (t.layer.empty() ? key : t.layer) + "' is none");
    try {
        spec.layer = onlyLevelLayer(categoryLayer(ds, key, spec.period, spec.ramp), t.onlyLevel, spec.lang);
    } catch (const TemplateError&) {
        throw;
    } catch (const gis::Error& e) {
        throw TemplateError("only-level", e.what());
    }
}

void addProposals(const gis::Dataset& ds, ThematicMapSpec& spec)
{
    if (ds.programs.empty())
        throw TemplateError("proposals",
                            "the project keeps no placement run to draw proposed sites from; save a "
                            "placement run in the project first");
    const gis::PlacementRun& run = ds.programs.back();
    spec.proposedSites = proposedSites(run);
    spec.proposedKind = run.kind;
    if (spec.coverageRadiusKm <= 0 && run.radiusKm) {
        spec.coverageKind = run.kind;
        spec.coverageRadiusKm = *run.radiusKm;
    }
}

} // namespace

const gis::Area& findKecamatan(const gis::Dataset& ds, const std::string& codeOrName)
{
    const std::string wanted = gis::asciiLower(codeOrName);
    for (const gis::Area& a : ds.areas)
        if (a.kind == "kecamatan" && (a.code == codeOrName || gis::asciiLower(a.name) == wanted))
            return a;
    std::string known;
    for (const gis::Area& a : ds.areas)
        if (a.kind == "kecamatan")
            known += (known.empty() ? "" : ", ") + a.code + " " + a.name;
    throw TemplateError("kecamatan", "no kecamatan '" + codeOrName + "' in the project; kecamatan: " + known);
}

gis::AnalysisTable templateAnalysis(const gis::Dataset& ds, const MapTemplate& t)
{
    return gis::analyzeVillages(ds, t.spec.period, schemeNamed(ds, t.scheme));
}

ResolvedMap resolveMap(const gis::Dataset& ds, const MapTemplate& t, const gis::AnalysisTable* analysis)
{
    ResolvedMap resolved;
    resolved.spec = t.spec;
    if (!resolved.spec.focusArea.empty())
        resolved.spec.focusArea = findKecamatan(ds, resolved.spec.focusArea).code;
    if (!resolveChange(ds, t, resolved.spec))
        resolveLayer(ds, t, resolved.spec, analysis, resolved.analysis);
    if (!t.onlyLevel.empty())
        resolveOnlyLevel(ds, t, resolved.spec);
    if (t.proposals)
        addProposals(ds, resolved.spec);
    return resolved;
}

} // namespace layers
