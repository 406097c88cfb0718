#!/usr/bin/python3
"""Builds data/tanggamus/outline.wkt: a coarse, approximate outline of Kabupaten Tanggamus.

Run once by a developer, from the public cahyadsn/wilayah_boundaries kabupaten polygon
(MIT licence, (c) 2024 Cahya DSN), which ../shared/data/tanggamus/kabupaten.gpkg carries:

  ogr2ogr -f CSV kab.csv ../shared/data/tanggamus/kabupaten.gpkg -lco GEOMETRY=AS_WKT
  data/tools/make_outline.py kab.csv > data/tanggamus/outline.wkt

The outline is widened by about 1 km and simplified to about 1 km, so it is no boundary
anyone should measure: it only frames the illustrative pekon. The seaward side is cut by
the GSHHG coastline (land.wkt) when the dataset is built.
"""
import csv, sys
from shapely import wkt
from shapely.geometry import Polygon
csv.field_size_limit(1 << 30)
row = next(csv.DictReader(open(sys.argv[1])))
g = wkt.loads(row["WKT"]).buffer(0)
g = g.buffer(0.01, join_style=2).buffer(-0.002, join_style=2)
parts = sorted(getattr(g, "geoms", [g]), key=lambda p: -p.area)
kept = [Polygon(p.exterior).simplify(0.01, preserve_topology=True) for p in parts if p.area > 0.0005]
rings = ", ".join("((" + ", ".join(f"{x:.3f} {y:.3f}" for x, y in p.exterior.coords) + "))" for p in kept)
print(f"MULTIPOLYGON({rings})")
print(f"outline parts kept: {len(kept)} of {len(parts)}", file=sys.stderr)
