#!/usr/bin/python3
"""Builds data/tanggamus/land.wkt: land polygons of Teluk Semaka and the Sumatran shore.

Run once by a developer (needs Debian's gmt, gmt-gshhg-full and python3-shapely); the
result is committed, so building Sasaran needs none of them.

  gmt coast -R104.2/105.3/-5.95/-5.0 -Df -A0/1/1 -W -M  (GSHHG full resolution, shoreline level 1)

Open shoreline pieces are closed against the region's frame; a frame piece is land or sea
by parity: the north-west corner is inland Sumatra, and every shoreline end on the frame
switches between land and sea.
"""
import subprocess, sys
from shapely.geometry import LineString, Polygon, Point, box, MultiPolygon
from shapely.ops import polygonize, unary_union

W, E, S, N = 104.2, 105.3, -5.95, -5.0
out = subprocess.run(["gmt", "coast", f"-R{W}/{E}/{S}/{N}", "-Df", "-A0/1/1", "-W", "-M"],
                     check=True, capture_output=True, text=True).stdout
segments, cur = [], []
for line in out.splitlines():
    if line.startswith(">"):
        if cur: segments.append(cur)
        cur = []
    else:
        x, y = map(float, line.split()[:2])
        if not cur or cur[-1] != (x, y):
            cur.append((x, y))
if cur: segments.append(cur)

frame = box(W, S, E, N)
islands, open_lines = [], []
for seg in segments:
    if len(seg) >= 4 and seg[0] == seg[-1]:
        islands.append(Polygon(seg))
    elif len(seg) >= 2:
        open_lines.append(LineString(seg))

faces = list(polygonize(unary_union(open_lines + [frame.exterior])))

# perimeter position, clockwise from the north-west corner
def perimeter_pos(p):
    x, y = p
    if abs(y - N) < 1e-9: return x - W
    if abs(x - E) < 1e-9: return (E - W) + (N - y)
    if abs(y - S) < 1e-9: return (E - W) + (N - S) + (E - x)
    return 2 * (E - W) + (N - S) + (y - S)

ends = sorted(perimeter_pos(c) for l in open_lines for c in (l.coords[0], l.coords[-1]))
def frame_is_land(pos):
    return sum(1 for e in ends if e < pos) % 2 == 0

land = []
for f in faces:
    touching = f.exterior.intersection(frame.exterior)
    pts = []
    for g in getattr(touching, "geoms", [touching]):
        if g.geom_type == "LineString" and g.length > 1e-6:
            pts.append(g.interpolate(0.5, normalized=True))
    if not pts:
        continue
    if frame_is_land(perimeter_pos((pts[0].x, pts[0].y))):
        land.append(f)
land += islands
result = unary_union(land)
if result.geom_type == "Polygon":
    result = MultiPolygon([result])
result = result.simplify(0.0004, preserve_topology=True)  # ~45 m, below the map's drawing scale
sys.stdout.write(result.wkt + "\n")
print(f"land parts: {len(result.geoms)}, area deg2: {result.area:.4f}, islands: {len(islands)}",
      file=sys.stderr)
