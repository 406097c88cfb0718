#include "layers/labelplacement.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace layers {

namespace {

/// Uniform grid of placed boxes: a box is tested only against boxes sharing a cell.
class BoxGrid {
public:
    explicit BoxGrid(double cell) : mCell(std::max(cell, 1.0)) {}
    bool intersects(const QRectF& box) const
    {
        bool hit = false;
        forCells(box, [&](long long key) {
            const auto it = mCells.find(key);
            if (it == mCells.end())
                return;
            for (std::size_t i : it->second)
                if (mBoxes[i].intersects(box))
                    hit = true;
        });
        return hit;
    }
    void insert(const QRectF& box)
    {
        const std::size_t index = mBoxes.size();
        mBoxes.push_back(box);
        forCells(box, [&](long long key) { mCells[key].push_back(index); });
    }

private:
    template <typename F> void forCells(const QRectF& box, F&& f) const
    {
        const auto x0 = static_cast<long long>(std::floor(box.left() / mCell));
        const auto x1 = static_cast<long long>(std::floor(box.right() / mCell));
        const auto y0 = static_cast<long long>(std::floor(box.top() / mCell));
        const auto y1 = static_cast<long long>(std::floor(box.bottom() / mCell));
        for (long long y = y0; y <= y1; ++y)
            for (long long x = x0; x <= x1; ++x)
                f(y * 1'000'003LL + x);
    }
    double mCell;
    std::vector<QRectF> mBoxes;
    std::unordered_map<long long, std::vector<std::size_t>> mCells;
};

} // namespace

std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const QRectF& bounds,
                                     double paddingPx, const std::vector<QRectF>& obstacles)
{
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (requests[a].priority != requests[b].priority)
            return requests[a].priority > requests[b].priority;
        return requests[a].id < requests[b].id;
    });
    double typical = 0.0;
    for (const auto& r : requests)
        if (!r.positions.empty())
            typical = std::max(typical, r.positions.front().height() * 4.0);
    BoxGrid grid(typical > 0 ? typical : 64.0);
    for (const QRectF& o : obstacles)
        grid.insert(o);
    std::vector<PlacedLabel> placed;
    const double half = paddingPx / 2.0;
    for (std::size_t i : order) {
        const LabelRequest& r = requests[i];
        for (std::size_t p = 0; p < r.positions.size(); ++p) {
            const QRectF& box = r.positions[p];
            if (!bounds.contains(box))
                continue;
            const QRectF grown = box.adjusted(-half, -half, half, half);
            if (grid.intersects(grown))
                continue;
            grid.insert(grown);
            placed.push_back({r.id, static_cast<int>(p), box});
            break;
        }
    }
    return placed;
}

std::vector<QRectF> candidatePositions(QPointF anchorPx, QSizeF textSize, double offsetPx)
{
    const double w = textSize.width(), h = textSize.height();
    const double x = anchorPx.x(), y = anchorPx.y();
    return {
        QRectF(x - w / 2, y - h / 2, w, h),
        QRectF(x + offsetPx, y - h / 2, w, h),
        QRectF(x - offsetPx - w, y - h / 2, w, h),
        QRectF(x - w / 2, y - offsetPx - h, w, h),
        QRectF(x - w / 2, y + offsetPx, w, h),
    };
}

} // namespace layers
