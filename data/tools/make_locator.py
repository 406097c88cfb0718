#!/usr/bin/python3
"""Builds data/locator/indonesia.wkt and data/locator/neighbours.wkt: coarse land of Indonesia
and its neighbours for the inset locator map of every printed page (any regency).

Run once by a developer (needs Debian's gmt, gmt-dcw and python3-shapely); the result is
committed, so building Sasaran needs none of them.

  gmt coast -E<ISO> -M   (DCW-GMT 2.1.1 country polygons, LGPL-3+)

Simplified to about 2 km and islands under ~30 km² dropped: the inset shows a few hundred
kilometres around the regency in a box of a few centimetres.
"""
import subprocess, sys
from shapely.geometry import Polygon, MultiPolygon, box
from shapely.ops import unary_union
from shapely import wkt as shapely_wkt

REGION = box(92.0, -12.0, 143.0, 9.0)
TOLERANCE_DEG = 0.018
MIN_AREA_DEG2 = 0.0025


def country(iso):
    out = subprocess.run(["gmt", "coast", f"-E{iso}", "-M"], check=True, capture_output=True, text=True).stdout
    polys, cur = [], []
    for line in out.splitlines():
        if line.startswith(">"):
            if len(cur) >= 4:
                polys.append(Polygon(cur).buffer(0))
            cur = []
        else:
            x, y = map(float, line.split()[:2])
            cur.append((x, y))
    if len(cur) >= 4:
        polys.append(Polygon(cur).buffer(0))
    land = unary_union(polys).intersection(REGION)
    parts = getattr(land, "geoms", [land])
    kept = [p.simplify(TOLERANCE_DEG, preserve_topology=True) for p in parts
            if p.geom_type == "Polygon" and p.area >= MIN_AREA_DEG2]
    return MultiPolygon([p for p in kept if not p.is_empty and p.geom_type == "Polygon"])


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "data/locator"
    indonesia = country("ID")
    neighbours = unary_union([country(c) for c in ("MY", "SG", "BN", "TL", "PG", "PH", "TH", "AU")])
    if neighbours.geom_type == "Polygon":
        neighbours = MultiPolygon([neighbours])
    for name, geom in (("indonesia", indonesia), ("neighbours", neighbours)):
        text = shapely_wkt.dumps(geom, rounding_precision=3)
        with open(f"{target}/{name}.wkt", "w") as f:
            f.write(text + "\n")
        points = sum(len(p.exterior.coords) for p in geom.geoms)
        print(f"{name}: {len(geom.geoms)} parts, {points} points, {len(text)} bytes", file=sys.stderr)
