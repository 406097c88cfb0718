#!/usr/bin/python3
"""The real Lampung desa (../shared/data/lampung/boundaries.gpkg) as a chain benchmark GeoPackage.

Writes the layers chain.sh reads, like gen_synthetic.py's: `pekon` (the real polygons with kode,
nama, kecamatan = the name of the kecamatan layer's feature with the same code prefix, and
seeded penduduk, miskin) and `fasilitas` (seeded points on desa surfaces, jenis BUMDES,
PUSKESMAS, PUSKESSOS, WISATA). The values are illustrative, made from --seed; the boundaries
are read only. Debian: python3-gdal python3-numpy.

Usage: /usr/bin/python3 make_lampung_chain.py SOURCE.gpkg OUT.gpkg [--seed 42] [--facilities 1500]
"""
import argparse
import math
import os

import numpy as np
from osgeo import ogr, osr

ogr.UseExceptions()
JENIS = [("BUMDES", 0.45), ("PUSKESMAS", 0.25), ("PUSKESSOS", 0.15), ("WISATA", 0.15)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--facilities", type=int, default=1500)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)
    src = ogr.Open(a.source)
    kec_names = {f.GetField("kode"): f.GetField("nama") for f in src.GetLayerByName("kecamatan")}
    desa = src.GetLayerByName("desa")
    if os.path.exists(a.out):
        os.remove(a.out)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(a.out)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    pekon = out.CreateLayer("pekon", srs, ogr.wkbMultiPolygon, options=["FID=fid", "GEOMETRY_NAME=geom"])
    for name, kind in [("kode", ogr.OFTString), ("nama", ogr.OFTString), ("kecamatan", ogr.OFTString),
                       ("penduduk", ogr.OFTInteger), ("miskin", ogr.OFTInteger)]:
        pekon.CreateField(ogr.FieldDefn(name, kind))
    surfaces = []
    pekon.StartTransaction()
    for f in desa:
        g = f.GetGeometryRef()
        if g is None or g.IsEmpty():
            continue
        kode = f.GetField("kode")
        penduduk = int(min(max(round(rng.lognormal(math.log(2200), 0.55)), 150), 60000))
        miskin = int(rng.binomial(penduduk, float(np.clip(rng.normal(0.12, 0.05), 0.01, 0.6))))
        o = ogr.Feature(pekon.GetLayerDefn())
        o.SetField("kode", kode)
        o.SetField("nama", f.GetField("nama"))
        o.SetField("kecamatan", kec_names.get(kode[:8], ""))
        o.SetField("penduduk", penduduk)
        o.SetField("miskin", miskin)
        o.SetGeometry(ogr.ForceToMultiPolygon(g.Clone()))
        pekon.CreateFeature(o)
        surfaces.append(g.PointOnSurface())
    pekon.CommitTransaction()
    fas = out.CreateLayer("fasilitas", srs, ogr.wkbPoint, options=["FID=fid", "GEOMETRY_NAME=geom"])
    fas.CreateField(ogr.FieldDefn("jenis", ogr.OFTString))
    fas.CreateField(ogr.FieldDefn("nama", ogr.OFTString))
    kinds = rng.choice([k for k, _ in JENIS], size=a.facilities, p=[p for _, p in JENIS])
    at = rng.integers(0, len(surfaces), size=a.facilities)
    fas.StartTransaction()
    for i in range(a.facilities):
        o = ogr.Feature(fas.GetLayerDefn())
        o.SetField("jenis", str(kinds[i]))
        o.SetField("nama", f"{kinds[i].title()} {i + 1}")
        p = surfaces[int(at[i])]
        o.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({p.GetX()} {p.GetY()})"))
        fas.CreateFeature(o)
    fas.CommitTransaction()
    print(f"wrote {a.out}: {len(surfaces)} pekon, {a.facilities} facilities (seed {a.seed})")


if __name__ == "__main__":
    main()
