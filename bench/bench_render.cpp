// Map rendering at national scale and the Tanggamus atlas: a full-extent choropleth of 84,000
// synthetic villages into a 3000 × 2000 PNG, and the 21-page atlas PDF. Reports wall time;
// asserts nothing.
#include "gis/analysis.h"
#include "gis/demo.h"
#include "layers/mapexport.h"
#include "layers/meetingpack.h"
#include "layers/thematicmap.h"
#include "synthetic.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

namespace {

const gis::Dataset& nationalDataset()
{
    static const gis::Dataset ds = bench::makeSyntheticDataset();
    return ds;
}

layers::ThematicMapSpec nationalSpec()
{
    layers::ThematicMapSpec spec;
    spec.indicatorKey = "poverty_rate";
    spec.method = layers::ClassificationMethod::NaturalBreaks;
    spec.showFacilities = false; // 60,000 symbols would hide the fills at this scale
    spec.showLabels = false;
    return spec;
}

void BM_ChoroplethSnapshot84k(benchmark::State& state)
{
    const gis::Dataset& ds = nationalDataset();
    for (auto _ : state)
        benchmark::DoNotOptimize(layers::ThematicMap(ds, nationalSpec()));
}
BENCHMARK(BM_ChoroplethSnapshot84k)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_Choropleth84kPageTo3000x2000Png(benchmark::State& state)
{
    // what `sasaran-cli map` does after reading the project: snapshot, page, PNG file
    const gis::Dataset& ds = nationalDataset();
    const auto path = std::filesystem::temp_directory_path() / "sasaran_bench_84k.png";
    for (auto _ : state) {
        const layers::ThematicMap map(ds, nationalSpec());
        layers::exportMap(map, path.string(), QSize(3000, 2000));
    }
    state.counters["png_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_Choropleth84kPageTo3000x2000Png)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_Choropleth84kRenderOnly(benchmark::State& state)
{
    const layers::ThematicMap map(nationalDataset(), nationalSpec());
    for (auto _ : state) {
        QImage image(3000, 2000, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        map.renderMap(painter, QRectF(0, 0, 3000, 2000), map.fullExtent());
    }
}
BENCHMARK(BM_Choropleth84kRenderOnly)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_TanggamusAtlas21Pages(benchmark::State& state)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const auto path = std::filesystem::temp_directory_path() / "sasaran_bench_atlas.pdf";
    layers::AtlasOptions options;
    options.style.page.landscape = false;
    for (auto _ : state)
        benchmark::DoNotOptimize(layers::exportAtlas(ds, table, options, path.string()));
    state.counters["pdf_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_TanggamusAtlas21Pages)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_TanggamusAtlas21PagesEmail(benchmark::State& state)
{
    const gis::Dataset ds = gis::buildDefaultDataset();
    const gis::AnalysisTable table = gis::analyzeVillages(ds);
    const auto path = std::filesystem::temp_directory_path() / "sasaran_bench_atlas_email.pdf";
    layers::AtlasOptions options;
    options.style.page.landscape = false;
    options.style.simplifyMm = 0.3;
    for (auto _ : state)
        benchmark::DoNotOptimize(layers::exportAtlas(ds, table, options, path.string()));
    state.counters["pdf_MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
}
BENCHMARK(BM_TanggamusAtlas21PagesEmail)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QGuiApplication application(argc, argv); // fonts
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
