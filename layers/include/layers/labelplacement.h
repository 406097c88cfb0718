#pragma once
/// \file labelplacement.h
/// Pure placement of map labels without overlaps (no painting): each label offers candidate
/// boxes in device pixels, and a greedy pass by priority keeps the first free one. Used for
/// pekon and kecamatan names. Deterministic: the same requests give the same result.
/// \note Pure functions; any thread.
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace layers {

/// \brief A label to place: \a positions are its candidate boxes in device pixels, in order
/// of preference (see candidatePositions()).
struct LabelRequest {
    int id = 0;
    double priority = 0.0; ///< higher is placed first; NaN counts as lowest
    std::vector<QRectF> positions;
};

/// \brief A placed label: its request's id, the index of the position it took, and that box.
struct PlacedLabel {
    int id = 0;
    int position = 0;
    QRectF box;
};

/// \brief Greedy by priority (higher first; ties by id, lower first; equal id and priority in
/// input order) — each label takes its first position that lies inside \a bounds and does not
/// overlap any placed label or any of the \a obstacles, with a gap of at least \a paddingPx
/// between them (boxes exactly \a paddingPx apart, or touching when it is 0, are fine); a
/// label with no free position is dropped. Positions with a negative or non-finite size are
/// skipped. The result is in placement order. Collisions are found through a uniform grid over
/// \a bounds, so each test looks only at nearby boxes: 84,000 labels place in well under a
/// second.
/// \throws std::invalid_argument when \a paddingPx is negative or not finite.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const QRectF& bounds, double paddingPx,
                                     const std::vector<QRectF>& obstacles = {});

/// \brief Nine candidate boxes of size \a textSize around \a anchorPx (y down), in order of
/// preference: centred on the anchor; then right, left, above and below it, \a offsetPx away
/// and centred on the other axis; then the corners upper right, upper left, lower right, lower
/// left (Imhof's order), \a offsetPx away on both axes. Take the first five for a label that
/// should stay on its anchor's axes.
std::vector<QRectF> candidatePositions(QPointF anchorPx, QSizeF textSize, double offsetPx);

} // namespace layers
