#pragma once
/// \file labelplacement.h
/// Label collision avoidance: labels take free candidate positions by priority.
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace layers {

struct LabelRequest {
    int id = 0;
    double priority = 0.0;          ///< higher is placed first
    std::vector<QRectF> positions;  ///< device px, in order of preference
};

struct PlacedLabel {
    int id = 0;
    int position = 0; ///< index into the request's positions
    QRectF box;
};

/// \brief Greedy by priority (higher first; ties by id): each label takes its first position
/// inside \a bounds that overlaps (grown by \a paddingPx) no placed label and no obstacle; a
/// label with no free position is dropped. Deterministic.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const QRectF& bounds,
                                     double paddingPx, const std::vector<QRectF>& obstacles = {});

/// \brief Candidate boxes for text of \a textSize around \a anchorPx: centred first, then right,
/// left, above and below at \a offsetPx.
std::vector<QRectF> candidatePositions(QPointF anchorPx, QSizeF textSize, double offsetPx);

} // namespace layers
