#pragma once
/// \file maprecipe.h
/// The map recipe: a map template (an indicator or an analysis layer, the priority scheme and
/// period, classes, the latest saved placement run's proposals, a kecamatan by name or code, a
/// lon/lat box …) resolved against a dataset into the ThematicMapSpec a ThematicMap draws. The
/// map, atlas and report commands, the meeting pack and the desktop all go through it.
/// \note Functions of their arguments only: call where \a ds may be read (no other thread
/// writing it); the results are values owned by the caller.
#include "gis/analysis.h"
#include "gis/dataset.h"
#include "gis/error.h"
#include "layers/maptemplate.h"

#include <optional>
#include <string>
#include <utility>

namespace layers {

/// \brief A template value that does not fit the dataset. parameter() names the template field
/// ("kecamatan", "layer", "proposals"), so a caller can name its own option or control for it.
class TemplateError : public gis::Error {
public:
    TemplateError(std::string parameter, const std::string& what) : gis::Error(what), mParameter(std::move(parameter))
    {}
    const std::string& parameter() const noexcept { return mParameter; }

private:
    std::string mParameter;
};

/// \brief The kecamatan whose code is \a codeOrName or whose name it is (ASCII case-insensitive).
/// \throws TemplateError ("kecamatan") listing the project's kecamatan when none matches.
const gis::Area& findKecamatan(const gis::Dataset& ds, const std::string& codeOrName);

/// \brief The village analysis a template asks for: its period (empty = the latest) and its
/// priority scheme (MapTemplate::scheme). \throws gis::Error (DataSourceError for an unreadable
/// scheme file) naming the scheme.
gis::AnalysisTable templateAnalysis(const gis::Dataset& ds, const MapTemplate& t);

/// \brief A template resolved against a dataset.
struct ResolvedMap {
    /// What ThematicMap draws: the layer's values, the focus as a kecamatan code, the proposed
    /// sites and their reach.
    ThematicMapSpec spec;
    /// The village analysis computed for the layer (none when one was given or the layer needed
    /// none): reuse it for tables.
    std::optional<gis::AnalysisTable> analysis;
};

/// \brief Resolves \a t: the focus kecamatan (name or code) to its code; the layer ("priority"
/// = the priority score, "lisa" = LISA clusters of the indicator, "base" = plain, else an
/// analysis column) to values; with MapTemplate::proposals the sites of the latest saved
/// placement run (and their reach circles when the template draws none).
/// \param analysis the village analysis to use instead of computing templateAnalysis().
/// \throws TemplateError for an unknown kecamatan or analysis column, or proposals without a
/// saved run; gis::Error from the analyses.
ResolvedMap resolveMap(const gis::Dataset& ds, const MapTemplate& t, const gis::AnalysisTable* analysis = nullptr);

} // namespace layers
