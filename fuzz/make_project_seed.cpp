// Writes a small real project (two pekon in one kecamatan, a facility, an indicator) as the seed
// of fuzz_project: mutations of a valid file reach SQLite pages, tables and geometry BLOBs.
#include "gis/dataset.h"
#include "gis/project.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT.sasaran.sqlite\n", argv[0]);
        return 2;
    }
    try {
        gis::Dataset ds;
        auto square = [](double x, double y) {
            gis::Polygon p;
            p.exterior = {{x, y}, {x + 0.01, y}, {x + 0.01, y + 0.01}, {x, y + 0.01}, {x, y}};
            return gis::MultiPolygon{p};
        };
        ds.areas.push_back({"18.06.01", "Wonosobo", "kecamatan", "18.06", square(104.60, -5.50)});
        ds.areas.push_back({"18.06.01.2001", "Pekon Satu", "pekon", "18.06.01", square(104.60, -5.50)});
        ds.areas.push_back({"18.06.01.2002", "Pekon Dua", "pekon", "18.06.01", square(104.61, -5.50)});
        gis::Facility f;
        f.id = 1;
        f.kind = "BUMDES";
        f.name = "BUMDES Satu";
        f.areaCode = "18.06.01.2001";
        f.locatedBy = "survey";
        f.location = {104.605, -5.495};
        ds.facilities.push_back(f);
        ds.indicators.push_back({"18.06.01.2001", "penduduk", "2024", 1200.0, "seed", "2024-01-01T00:00:00Z"});
        ds.meta["provenance"] = "illustrative";
        gis::saveProject(ds, argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
