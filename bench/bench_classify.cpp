// Styling at national scale: natural breaks (Ckmeans) of 84,000 village values into 7
// classes, and placement of 84,000 village labels on a large page. Reports wall time; asserts
// nothing. The values are synthetic poverty rates (log-normal, %, like BPS's), once rounded to
// two decimals as published (many repeats) and once unrounded (84,000 distinct values, the
// worst case for the programme).
#include "layers/classification.h"
#include "layers/labelplacement.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace {

std::vector<double> povertyRates(std::size_t count, bool rounded)
{
    std::mt19937 random(84000);
    std::lognormal_distribution<double> rate(2.3, 0.55);
    std::vector<double> values(count);
    for (double& v : values) {
        v = std::min(rate(random), 95.0);
        if (rounded)
            v = std::round(v * 100.0) / 100.0;
    }
    return values;
}

void naturalBreaksOf(benchmark::State& state, bool rounded)
{
    const std::vector<double> values = povertyRates(84000, rounded);
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> breaks;
    for (auto _ : state) {
        breaks = layers::naturalBreaks(values, 7);
        benchmark::DoNotOptimize(breaks);
    }
    state.counters["values"] = static_cast<double>(values.size());
    state.counters["distinct"] = static_cast<double>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
    state.counters["classes"] = static_cast<double>(breaks.size());
}

void BM_NaturalBreaks84kRoundedTo7(benchmark::State& state)
{
    naturalBreaksOf(state, true);
}
BENCHMARK(BM_NaturalBreaks84kRoundedTo7)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_NaturalBreaks84kDistinctTo7(benchmark::State& state)
{
    naturalBreaksOf(state, false);
}
BENCHMARK(BM_NaturalBreaks84kDistinctTo7)->Unit(benchmark::kMillisecond)->UseRealTime();

/// 84,000 names at village anchors jittered on a 300 × 280 grid over an A0 page at 150 dpi
/// (7016 × 4961 px), 8-pt text 30-110 px wide, nine candidate positions each, 1 px padding, a
/// title and a legend as obstacles. Most labels cannot fit at this density; the figure is the
/// cost of deciding that.
void BM_PlaceLabels84k(benchmark::State& state)
{
    const QRectF page(0.0, 0.0, 7016.0, 4961.0);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> jitter(-0.4, 0.4), width(30.0, 110.0), priority(0.0, 100.0);
    std::vector<layers::LabelRequest> requests;
    requests.reserve(84000);
    for (int row = 0; row < 280; ++row) {
        for (int column = 0; column < 300; ++column) {
            const QPointF anchor((column + 0.5 + jitter(random)) * page.width() / 300.0,
                                 (row + 0.5 + jitter(random)) * page.height() / 280.0);
            requests.push_back({row * 300 + column, priority(random),
                                layers::candidatePositions(anchor, QSizeF(width(random), 13.0), 2.0)});
        }
    }
    const std::vector<QRectF> obstacles{QRectF(0.0, 0.0, 2500.0, 220.0), QRectF(5600.0, 3600.0, 1416.0, 1361.0)};
    std::vector<layers::PlacedLabel> placed;
    for (auto _ : state) {
        placed = layers::placeLabels(requests, page, 1.0, obstacles);
        benchmark::DoNotOptimize(placed);
    }
    state.counters["requests"] = static_cast<double>(requests.size());
    state.counters["placed"] = static_cast<double>(placed.size());
}
BENCHMARK(BM_PlaceLabels84k)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
