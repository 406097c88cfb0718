#!/usr/bin/python3
"""Compares two `analyze --out` CSVs (e.g. before/after a change) row by row: every numeric
column must agree to a relative tolerance (default 1e-9), every text column exactly.
Usage: compare_results.py A.csv B.csv [--tolerance 1e-9]"""
import argparse
import csv
import sys

ap = argparse.ArgumentParser()
ap.add_argument("a")
ap.add_argument("b")
ap.add_argument("--tolerance", type=float, default=1e-9)
args = ap.parse_args()
ra = list(csv.DictReader(open(args.a, encoding="utf-8")))
rb = list(csv.DictReader(open(args.b, encoding="utf-8")))
if len(ra) != len(rb) or (ra and ra[0].keys() != rb[0].keys()):
    sys.exit(f"different shapes: {len(ra)} vs {len(rb)} rows")
worst, bad = {}, 0
for x, y in zip(ra, rb):
    for k in x:
        if x[k] == y[k]:
            continue
        try:
            fx, fy = float(x[k]), float(y[k])
        except ValueError:
            bad += 1
            print(f"{x.get('kode', '?')} {k}: '{x[k]}' vs '{y[k]}'")
            continue
        rel = abs(fx - fy) / max(abs(fx), abs(fy), 1e-300)
        worst[k] = max(worst.get(k, 0.0), rel)
        if rel > args.tolerance:
            bad += 1
print(f"{len(ra)} rows; columns differing at all: {worst or 'none'}; beyond {args.tolerance}: {bad}")
sys.exit(1 if bad else 0)
