// Writes the synthetic national-scale project used by the benchmarks:
//   build/bench/make_synthetic OUT.sasaran.sqlite [columns rows facilities]
#include "gis/error.h"
#include "gis/project.h"
#include "synthetic.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: make_synthetic OUT.sasaran.sqlite [columns rows facilities]\n");
        return 2;
    }
    bench::SyntheticSpec spec;
    if (argc >= 5) {
        spec.columns = std::atoi(argv[2]);
        spec.rows = std::atoi(argv[3]);
        spec.facilities = std::atoi(argv[4]);
    }
    try {
        const gis::Dataset ds = bench::makeSyntheticDataset(spec);
        gis::saveProject(ds, argv[1]);
        std::printf("wrote %s: %zu villages, %zu facilities\n", argv[1], ds.areas.size(), ds.facilities.size());
    } catch (const gis::Error& e) {
        std::fprintf(stderr, "make_synthetic: %s\n", e.what());
        return 1;
    }
    return 0;
}
