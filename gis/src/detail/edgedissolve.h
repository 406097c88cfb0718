#pragma once
/// \file edgedissolve.h
/// Dissolving a clean coverage by cancelling the edges its parts share (gis::unionCoverage's
/// first path).
#include "gis/geometry.h"

#include <optional>

namespace gis::detail {

/// \brief The union of \a parts when they form a clean coverage: every ring oriented alike, each
/// edge that two parts share (vertex for vertex, in opposite directions) cancels, and the edges
/// left are chained into the outer rings and holes. Null when that cannot give the union: an edge
/// used twice in one direction (overlapping parts), a node where more than two of the remaining
/// edges meet, a ring that does not close, or a hole outside every shell. The result still has
/// to be checked for validity (crossing rings): only a valid result is the union.
/// Shells come out clockwise and holes counter-clockwise, as GEOS's overlay writes them.
struct CancelledEdges {
    std::optional<MultiPolygon> dissolved;
    /// Whether at least a quarter of the rings' edges are each shared by two rings vertex for
    /// vertex, as in a coverage (where every inner edge is). A layer that is not noded as a
    /// coverage shares almost none, and GEOSCoverageUnion_r would only fail on it after its work.
    bool sharesMostEdges = false;
};
CancelledEdges dissolveByCancellingEdges(const MultiPolygon& parts);

} // namespace gis::detail
