// Greedy label placement without overlaps, checked against hand-worked cases and a plain
// all-pairs reference.
#include "layers/labelplacement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

using namespace layers;

namespace {

std::vector<int> ids(const std::vector<PlacedLabel>& placed)
{
    std::vector<int> out;
    for (const PlacedLabel& p : placed)
        out.push_back(p.id);
    return out;
}

/// Boxes closer than `padding` (overlapping with a positive area when it is 0).
bool tooClose(const QRectF& a, const QRectF& b, double padding)
{
    const double gapX = std::max(a.left() - b.right(), b.left() - a.right());
    const double gapY = std::max(a.top() - b.bottom(), b.top() - a.bottom());
    return gapX < padding && gapY < padding;
}

bool within(const QRectF& box, const QRectF& bounds)
{
    return box.left() >= bounds.left() && box.right() <= bounds.right() && box.top() >= bounds.top()
        && box.bottom() <= bounds.bottom();
}

/// The documented greedy rule, written out directly: sort, then test every position against
/// every box taken so far.
std::vector<PlacedLabel> referencePlacement(std::vector<LabelRequest> requests, const QRectF& bounds, double padding,
                                            const std::vector<QRectF>& obstacles)
{
    std::stable_sort(requests.begin(), requests.end(), [](const LabelRequest& a, const LabelRequest& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.id < b.id;
    });
    std::vector<QRectF> taken = obstacles;
    std::vector<PlacedLabel> placed;
    for (const LabelRequest& r : requests) {
        for (std::size_t p = 0; p < r.positions.size(); ++p) {
            const QRectF& box = r.positions[p];
            if (!within(box, bounds))
                continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return tooClose(box, t, padding); }))
                continue;
            taken.push_back(box);
            placed.push_back({r.id, static_cast<int>(p), box});
            break;
        }
    }
    return placed;
}

/// `count` labels of random text sizes at random anchors in a 2000 × 1500 px page, with
/// distinct priorities when `distinctPriorities`.
std::vector<LabelRequest> randomRequests(int count, unsigned seed, bool distinctPriorities)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> x(-20.0, 2020.0), y(-20.0, 1520.0), width(20.0, 90.0), height(8.0, 14.0);
    std::uniform_int_distribution<int> priority(0, 9);
    std::vector<LabelRequest> requests;
    for (int i = 0; i < count; ++i) {
        LabelRequest r;
        r.id = i;
        r.priority = distinctPriorities ? std::fmod(i * 7919.0, 10007.0) : priority(random);
        r.positions = candidatePositions({x(random), y(random)}, {width(random), height(random)}, 3.0);
        requests.push_back(std::move(r));
    }
    return requests;
}

void expectSamePlacement(const std::vector<PlacedLabel>& actual, const std::vector<PlacedLabel>& expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        EXPECT_EQ(actual[i].id, expected[i].id) << i;
        EXPECT_EQ(actual[i].position, expected[i].position) << i;
        EXPECT_EQ(actual[i].box, expected[i].box) << i;
    }
}

const QRectF kPage(0.0, 0.0, 2000.0, 1500.0);

} // namespace

TEST(LabelPlacement, CandidatePositionsAroundTheAnchor)
{
    // anchor (100, 50), text 40 × 10, offset 4; y grows downwards
    const auto boxes = candidatePositions({100.0, 50.0}, {40.0, 10.0}, 4.0);
    ASSERT_EQ(boxes.size(), 9u);
    EXPECT_EQ(boxes[0], QRectF(80.0, 45.0, 40.0, 10.0)) << "centred";
    EXPECT_EQ(boxes[1], QRectF(104.0, 45.0, 40.0, 10.0)) << "right";
    EXPECT_EQ(boxes[2], QRectF(56.0, 45.0, 40.0, 10.0)) << "left: right edge at 96";
    EXPECT_EQ(boxes[3], QRectF(80.0, 36.0, 40.0, 10.0)) << "above: bottom edge at 46";
    EXPECT_EQ(boxes[4], QRectF(80.0, 54.0, 40.0, 10.0)) << "below";
    EXPECT_EQ(boxes[5], QRectF(104.0, 36.0, 40.0, 10.0)) << "upper right";
    EXPECT_EQ(boxes[6], QRectF(56.0, 36.0, 40.0, 10.0)) << "upper left";
    EXPECT_EQ(boxes[7], QRectF(104.0, 54.0, 40.0, 10.0)) << "lower right";
    EXPECT_EQ(boxes[8], QRectF(56.0, 54.0, 40.0, 10.0)) << "lower left";
}

TEST(LabelPlacement, HigherPriorityKeepsAContestedBox)
{
    const QRectF box(10.0, 10.0, 50.0, 12.0);
    const auto placed = placeLabels({{1, 1.0, {box}}, {2, 5.0, {box}}}, kPage, 0.0);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].id, 2);
    EXPECT_EQ(placed[0].position, 0);
    EXPECT_EQ(placed[0].box, box);

    // equal priorities: the lower id first
    EXPECT_EQ(ids(placeLabels({{9, 3.0, {box}}, {4, 3.0, {box}}}, kPage, 0.0)), std::vector<int>{4});
    // NaN priority counts as the lowest
    EXPECT_EQ(ids(placeLabels({{1, NAN, {box}}, {2, -1e300, {box}}}, kPage, 0.0)), std::vector<int>{2});
}

TEST(LabelPlacement, FallsBackToTheNextFreePosition)
{
    const QRectF first(0.0, 0.0, 10.0, 10.0);
    const QRectF clash(5.0, 5.0, 10.0, 10.0);
    const QRectF free(20.0, 0.0, 10.0, 10.0);
    const auto placed = placeLabels({{1, 2.0, {first}}, {2, 1.0, {clash, free}}}, kPage, 0.0);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[0].id, 1);
    EXPECT_EQ(placed[1].id, 2);
    EXPECT_EQ(placed[1].position, 1);
    EXPECT_EQ(placed[1].box, free);
}

TEST(LabelPlacement, PaddingAndTouchingBoxes)
{
    const QRectF a(0.0, 0.0, 10.0, 10.0);
    const QRectF touching(10.0, 0.0, 10.0, 10.0);
    const QRectF twoAway(12.0, 0.0, 10.0, 10.0);
    const QRectF threeAway(13.0, 0.0, 10.0, 10.0);
    EXPECT_EQ(placeLabels({{1, 2.0, {a}}, {2, 1.0, {touching}}}, kPage, 0.0).size(), 2u)
        << "touching is not overlapping";
    EXPECT_EQ(placeLabels({{1, 2.0, {a}}, {2, 1.0, {twoAway}}}, kPage, 3.0).size(), 1u) << "2 px gap < 3 px padding";
    EXPECT_EQ(placeLabels({{1, 2.0, {a}}, {2, 1.0, {threeAway}}}, kPage, 3.0).size(), 2u) << "exactly the padding";
    // diagonal neighbours: 2 px apart on x, 5 px on y — far enough with 3 px padding
    EXPECT_EQ(placeLabels({{1, 2.0, {a}}, {2, 1.0, {QRectF(12.0, 15.0, 10.0, 10.0)}}}, kPage, 3.0).size(), 2u);
    EXPECT_THROW(placeLabels({}, kPage, -1.0), std::invalid_argument);
    EXPECT_THROW(placeLabels({}, kPage, NAN), std::invalid_argument);
    EXPECT_TRUE(placeLabels({}, kPage, 0.0).empty());
}

TEST(LabelPlacement, BoundsRespected)
{
    const QRectF bounds(0.0, 0.0, 100.0, 50.0);
    const QRectF overLeft(-1.0, 10.0, 20.0, 10.0);
    const QRectF overBottom(40.0, 45.0, 20.0, 10.0);
    const QRectF inCorner(80.0, 40.0, 20.0, 10.0); // touches the right and bottom edges: inside
    const auto placed = placeLabels({{1, 1.0, {overLeft, overBottom, inCorner}}, {2, 0.0, {overBottom}}}, bounds, 0.0);
    ASSERT_EQ(placed.size(), 1u) << "label 2 has no position inside";
    EXPECT_EQ(placed[0].id, 1);
    EXPECT_EQ(placed[0].position, 2);
    EXPECT_EQ(placed[0].box, inCorner);
    // bounds given with a negative size are normalised
    EXPECT_EQ(placeLabels({{1, 1.0, {inCorner}}}, QRectF(100.0, 50.0, -100.0, -50.0), 0.0).size(), 1u);
    // invalid positions are skipped
    EXPECT_EQ(placeLabels({{1, 1.0, {QRectF(NAN, 0.0, 5.0, 5.0), QRectF(10.0, 10.0, -5.0, 5.0)}}}, bounds, 0.0).size(),
              0u);
}

TEST(LabelPlacement, ObstaclesRespected)
{
    const std::vector<QRectF> obstacles{QRectF(0.0, 0.0, 200.0, 40.0), QRectF(1900.0, 1400.0, 300.0, 300.0)};
    const QRectF underTitle(50.0, 30.0, 40.0, 12.0);
    const QRectF nearTitle(50.0, 41.0, 40.0, 12.0); // 1 px below the obstacle
    const QRectF clearOfTitle(50.0, 42.0, 40.0, 12.0);
    const QRectF underLegend(1950.0, 1450.0, 40.0, 12.0);
    const auto placed =
        placeLabels({{1, 3.0, {underTitle, nearTitle, clearOfTitle}}, {2, 2.0, {underLegend}}}, kPage, 2.0, obstacles);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].id, 1);
    EXPECT_EQ(placed[0].box, clearOfTitle) << "2 px padding keeps it off the obstacle too";
}

TEST(LabelPlacement, RandomLabelsNeverOverlapAndMatchTheReference)
{
    const std::vector<QRectF> obstacles{QRectF(0.0, 0.0, 600.0, 80.0), QRectF(1600.0, 1100.0, 400.0, 400.0)};
    const double padding = 1.5;
    const std::vector<LabelRequest> requests = randomRequests(5000, 17, false);
    const auto placed = placeLabels(requests, kPage, padding, obstacles);
    ASSERT_GT(placed.size(), 1000u);
    EXPECT_LT(placed.size(), requests.size());

    std::set<int> seen;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const PlacedLabel& p = placed[i];
        EXPECT_TRUE(seen.insert(p.id).second) << "label " << p.id << " placed twice";
        EXPECT_EQ(p.box, requests[static_cast<std::size_t>(p.id)].positions[static_cast<std::size_t>(p.position)]);
        EXPECT_TRUE(within(p.box, kPage)) << p.id;
        for (const QRectF& o : obstacles)
            EXPECT_FALSE(tooClose(p.box, o, padding)) << p.id;
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            ASSERT_FALSE(tooClose(p.box, placed[j].box, padding)) << p.id << " and " << placed[j].id;
    }
    expectSamePlacement(placed, referencePlacement(requests, kPage, padding, obstacles));
}

TEST(LabelPlacement, IndependentOfInputOrderForDistinctPriorities)
{
    std::vector<LabelRequest> requests = randomRequests(3000, 99, true);
    const auto placed = placeLabels(requests, kPage, 1.0);
    std::mt19937 random(5);
    for (int round = 0; round < 3; ++round) {
        std::shuffle(requests.begin(), requests.end(), random);
        expectSamePlacement(placeLabels(requests, kPage, 1.0), placed);
    }
}

TEST(LabelPlacement, HugeBoundsWithTinyLabels)
{
    // cells are coarsened so memory stays bounded; the answer is unchanged
    const QRectF bounds(-1e7, -1e7, 2e7, 2e7);
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 200; ++i)
        requests.push_back({i, 0.0, candidatePositions({i * 3.0, 0.0}, {10.0, 4.0}, 1.0)});
    expectSamePlacement(placeLabels(requests, bounds, 0.5), referencePlacement(requests, bounds, 0.5, {}));
}
