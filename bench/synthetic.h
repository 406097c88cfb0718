#pragma once
// A deterministic synthetic country: villages that tile a jittered grid (neighbours share
// their boundaries exactly), indicator values and facilities, for benchmarks at national scale.
#include "gis/dataset.h"

#include <cstdint>
#include <string>

namespace bench {

struct SyntheticSpec {
    int columns = 300;        ///< villages per row
    int rows = 280;           ///< rows of villages (300 x 280 = 84,000)
    int verticesPerEdge = 15; ///< segments per cell side: 4 x 15 = 60 vertices a village
    int facilities = 60000;
    double west = 95.0, south = -11.0, east = 141.0, north = 6.0; ///< Indonesia's extent, degrees
    std::uint64_t seed = 84000;
};

/// \brief Builds the synthetic dataset: villages grouped 20 to a kecamatan (a row of 20 cells),
/// "penduduk" and "miskin" for period 2024, facilities of kinds BUMDES, PUSKESSOS, PUSKESMAS,
/// WISATA at random points with their village code, and a capital at the centre.
gis::Dataset makeSyntheticDataset(const SyntheticSpec& spec = {});

/// \brief The default synthetic dataset saved as a project file in the temp folder
/// (sasaran_bench_84k.sasaran.sqlite), written once, and again when its schema is older than
/// this program's (it would measure an older format than this program saves).
std::string syntheticProjectFile();

} // namespace bench
