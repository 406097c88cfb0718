#include "layers/labelplacement.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace layers {

namespace {

bool isFiniteBox(const QRectF& r)
{
    return std::isfinite(r.x()) && std::isfinite(r.y()) && std::isfinite(r.width()) && std::isfinite(r.height());
}

/// Open-interval overlap: boxes that only touch do not overlap (QRectF::intersects agrees,
/// but ignores boxes of zero width or height altogether, which this keeps exact).
bool overlaps(const QRectF& a, const QRectF& b)
{
    return a.left() < b.right() && b.left() < a.right() && a.top() < b.bottom() && b.top() < a.bottom();
}

bool inside(const QRectF& box, const QRectF& bounds)
{
    return box.left() >= bounds.left() && box.right() <= bounds.right() && box.top() >= bounds.top()
        && box.bottom() <= bounds.bottom();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

/// The boxes taken so far (placed labels and obstacles), bucketed in a uniform grid over the
/// bounds. A box is listed in every cell it touches; boxes reaching beyond the bounds are
/// clamped to the border cells, which keeps every overlap findable because queries are clamped
/// the same way.
class BoxGrid {
public:
    BoxGrid(const QRectF& bounds, double cellWidth, double cellHeight, std::size_t maxCells) : mOrigin(bounds.topLeft())
    {
        // Coarser cells when the bounds are huge compared to the labels: memory stays bounded.
        for (;;) {
            mColumns = cellsAlong(bounds.width(), cellWidth);
            mRows = cellsAlong(bounds.height(), cellHeight);
            if (mColumns * mRows <= maxCells)
                break;
            cellWidth *= 2.0;
            cellHeight *= 2.0;
        }
        mCellWidth = cellWidth;
        mCellHeight = cellHeight;
        mCells.resize(mColumns * mRows);
    }

    void add(const QRectF& box)
    {
        const auto index = static_cast<std::uint32_t>(mBoxes.size());
        mBoxes.push_back(box);
        mChecked.push_back(0);
        forCells(box, [&](std::vector<std::uint32_t>& cell) {
            cell.push_back(index);
            return true;
        });
    }

    /// True when \a box overlaps (open intervals) any box added so far.
    bool collides(const QRectF& box)
    {
        ++mQuery;
        bool hit = false;
        forCells(box, [&](std::vector<std::uint32_t>& cell) {
            for (std::uint32_t index : cell) {
                // a box spanning several cells is tested once per query
                if (mChecked[index] == mQuery)
                    continue;
                mChecked[index] = mQuery;
                if (overlaps(box, mBoxes[index])) {
                    hit = true;
                    return false;
                }
            }
            return true;
        });
        return hit;
    }

private:
    static std::size_t cellsAlong(double extent, double cell)
    {
        const double n = std::ceil(extent / cell);
        return n < 1.0 ? 1 : static_cast<std::size_t>(n);
    }

    std::size_t clampedCell(double offset, double cell, std::size_t count) const
    {
        const double i = std::floor(offset / cell);
        if (!(i > 0.0))
            return 0;
        return std::min(count - 1, static_cast<std::size_t>(std::min(i, 1e15)));
    }

    /// Calls \a visit(cell) for every cell \a box touches until it returns false.
    template <typename Visit>
    void forCells(const QRectF& box, Visit visit)
    {
        const std::size_t c0 = clampedCell(box.left() - mOrigin.x(), mCellWidth, mColumns);
        const std::size_t c1 = clampedCell(box.right() - mOrigin.x(), mCellWidth, mColumns);
        const std::size_t r0 = clampedCell(box.top() - mOrigin.y(), mCellHeight, mRows);
        const std::size_t r1 = clampedCell(box.bottom() - mOrigin.y(), mCellHeight, mRows);
        for (std::size_t r = r0; r <= r1; ++r) {
            for (std::size_t c = c0; c <= c1; ++c) {
                if (!visit(mCells[r * mColumns + c]))
                    return;
            }
        }
    }

    QPointF mOrigin;
    double mCellWidth = 1.0;
    double mCellHeight = 1.0;
    std::size_t mColumns = 1;
    std::size_t mRows = 1;
    std::vector<std::vector<std::uint32_t>> mCells;
    std::vector<QRectF> mBoxes;
    std::vector<std::uint64_t> mChecked; // query stamp per box
    std::uint64_t mQuery = 0;
};

} // namespace

std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const QRectF& bounds, double paddingPx,
                                     const std::vector<QRectF>& obstacles)
{
    if (!std::isfinite(paddingPx) || paddingPx < 0.0)
        throw std::invalid_argument("placeLabels: padding must be a finite number >= 0 (got "
                                    + std::to_string(paddingPx) + ")");
    const QRectF area = bounds.normalized();
    if (!isFiniteBox(area) || requests.empty())
        return {};

    // Cells about one typical label (plus padding) across: a query then touches a few cells
    // holding a few boxes each.
    std::vector<double> widths, heights;
    widths.reserve(requests.size());
    heights.reserve(requests.size());
    for (const LabelRequest& r : requests) {
        if (!r.positions.empty() && isFiniteBox(r.positions.front())) {
            widths.push_back(std::fabs(r.positions.front().width()));
            heights.push_back(std::fabs(r.positions.front().height()));
        }
    }
    const double fallback = std::max({area.width(), area.height(), 1.0}) / 64.0;
    const double cellWidth = std::max(median(widths) + paddingPx, fallback / 16.0);
    const double cellHeight = std::max(median(heights) + paddingPx, fallback / 16.0);
    const std::size_t maxCells = 4 * (requests.size() + obstacles.size()) + 1024;
    BoxGrid grid(area, cellWidth, cellHeight, maxCells);
    for (const QRectF& obstacle : obstacles) {
        if (isFiniteBox(obstacle))
            grid.add(obstacle.normalized());
    }

    const auto rank = [&](std::size_t i) {
        const double p = requests[i].priority;
        return std::isnan(p) ? -std::numeric_limits<double>::infinity() : p;
    };
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (rank(a) != rank(b))
            return rank(a) > rank(b);
        if (requests[a].id != requests[b].id)
            return requests[a].id < requests[b].id;
        return a < b;
    });

    std::vector<PlacedLabel> placed;
    for (std::size_t i : order) {
        const LabelRequest& request = requests[i];
        for (std::size_t p = 0; p < request.positions.size(); ++p) {
            const QRectF& box = request.positions[p];
            if (!isFiniteBox(box) || box.width() < 0.0 || box.height() < 0.0 || !inside(box, area))
                continue;
            if (grid.collides(box.adjusted(-paddingPx, -paddingPx, paddingPx, paddingPx)))
                continue;
            grid.add(box);
            placed.push_back({request.id, static_cast<int>(p), box});
            break;
        }
    }
    return placed;
}

std::vector<QRectF> candidatePositions(QPointF anchorPx, QSizeF textSize, double offsetPx)
{
    const double x = anchorPx.x();
    const double y = anchorPx.y();
    const double w = textSize.width();
    const double h = textSize.height();
    const double o = offsetPx;
    const double right = x + o;     // left edge of a box right of the anchor
    const double left = x - o - w;  // left edge of a box left of it
    const double above = y - o - h; // top edge of a box above it
    const double below = y + o;     // top edge of a box below it
    const double centreX = x - w / 2.0;
    const double centreY = y - h / 2.0;
    return {
        QRectF(centreX, centreY, w, h), QRectF(right, centreY, w, h), QRectF(left, centreY, w, h),
        QRectF(centreX, above, w, h),   QRectF(centreX, below, w, h), QRectF(right, above, w, h),
        QRectF(left, above, w, h),      QRectF(right, below, w, h),   QRectF(left, below, w, h),
    };
}

} // namespace layers
