#pragma once
/// \file maptemplate.h
/// Map templates: what a planner changes between maps (title, period, layer, classes, paper,
/// labels …) as JSON, in files or kept in the project (meta "template.<name>"), so a new map
/// needs no code. resolveMap() (maprecipe.h) turns one into what a ThematicMap draws.
/// \note Functions of their arguments; storeMapTemplate() writes \a ds, so no other thread may
/// read it meanwhile.
#include "gis/dataset.h"
#include "layers/thematicmap.h"

#include <string>
#include <vector>

namespace layers {

struct MapTemplate {
    std::string name;
    /// "" = spec.indicatorKey; else a layer the command resolves: "priority", "lisa",
    /// "base" or an analysis column.
    std::string layer;
    ThematicMapSpec spec;
    /// The priority scheme of analysis layers: empty = the default remote-area scheme; a JSON
    /// file; or the name of a scheme kept in the project. Not written to the JSON.
    std::string scheme;
    /// Draw the sites of the latest placement run saved in the project. Not written to the JSON.
    bool proposals = false;
    /// A level of the category shown ("Tidak"): only the pekon at that level are coloured (e.g.
    /// the pekon without a BUMDES), the others drawn plain. "" = every level. Not written to the JSON.
    std::string onlyLevel;
};

/// \brief The template as JSON, e.g.
/// {"name": "rakor", "title": "...", "indicator": "poverty_rate", "layer": "", "period": "2018",
///  "method": "quantile", "classes": 5, "ramp": "YlOrRd", "breaks": [], "paper": "A3",
///  "landscape": true, "dpi": 200, "labels": {"kecamatan": true, "pekon": false},
///  "facilities": true, "inset": true, "kecamatan": "", "lang": "id", "maker": "",
///  "coverage": {"kind": "", "radius_km": 0}}
std::string mapTemplateToJson(const MapTemplate& t);
/// \brief Reads a template; missing keys keep their defaults.
/// \throws gis::Error naming \a source and the key for bad JSON or a bad value.
MapTemplate mapTemplateFromJson(const std::string& json, const std::string& source);
/// \brief Reads a template file. \throws gis::DataSourceError naming the file.
MapTemplate loadMapTemplate(const std::string& path);

void storeMapTemplate(gis::Dataset& ds, const MapTemplate& t);
std::vector<std::string> storedMapTemplateNames(const gis::Dataset& ds);
/// \throws gis::Error listing the kept names when \a name is not kept.
MapTemplate storedMapTemplate(const gis::Dataset& ds, const std::string& name);

/// \brief methodFromName() for the command line and JSON. \throws gis::Error listing the names.
ClassificationMethod classificationFromKey(const std::string& key);

} // namespace layers
