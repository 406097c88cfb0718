#!/usr/bin/env python3
"""Regenerates data/reference/wilayah.txt.gz, the national reference of Kemendagri codes and names
(provinces, kabupaten/kota, kecamatan, desa/kelurahan) that Sasaran embeds, from the npm package
idn-area-data. Standard library only; `npm pack` fetches the package unless --package is given.

    data/tools/update_reference.py                    # idn-area-data 4.0.1
    data/tools/update_reference.py --version 4.1.0    # a newer edition
    data/tools/update_reference.py --package /tmp/idn-area-data-4.0.1.tgz   # or an unpacked package/ folder

The output is gzip (mtime 0, so the same package gives the same bytes) of UTF-8 text, one area a line
in code order (which is also parent-before-child order):

    # edition: idn-area-data 4.0.1            header lines start with '#'
    18 Lampung                                province: 2 digits, space, name
    .06 Kabupaten Tanggamus                   kabupaten/kota: '.', its 2 digits (the code is 18.06)
    :20 Gisting                               kecamatan: ':', its 2 digits (18.06.20)
    2001 Campang                              village: its 4 digits (18.06.20.2001)
     Banjar Manis                             village numbered one more than the line before (18.06.20.2002)

gis/src/reference.cpp reads this format; change both together.
"""
import argparse
import csv
import gzip
import io
import json
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "reference" / "wilayah.txt.gz"
FILES = ("provinces.csv", "regencies.csv", "districts.csv", "villages.csv")
SHAPE = {1: r"\d\d", 2: r"\d\d\.\d\d", 3: r"\d\d\.\d\d\.\d\d", 4: r"\d\d\.\d\d\.\d\d\.\d{4}"}


def read_package(path: pathlib.Path):
    """(package.json as dict, {file name: text}) from a .tgz or an unpacked package folder."""
    texts = {}
    if path.is_dir():
        meta = json.loads((path / "package.json").read_text(encoding="utf-8"))
        for f in FILES:
            texts[f] = (path / "data" / f).read_text(encoding="utf-8")
        return meta, texts
    with tarfile.open(path) as tar:
        meta = json.loads(tar.extractfile("package/package.json").read().decode("utf-8"))
        for f in FILES:
            texts[f] = tar.extractfile("package/data/" + f).read().decode("utf-8")
    return meta, texts


def fetch(version: str, folder: pathlib.Path) -> pathlib.Path:
    subprocess.run(["npm", "pack", "--loglevel=warn", f"idn-area-data@{version}"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    return folder / f"idn-area-data-{version}.tgz"


def areas(texts):
    """[(code, name)] of every level, checked: code shapes, one name per code, every parent present."""
    out = {}
    for level, f in enumerate(FILES, start=1):
        reader = csv.reader(io.StringIO(texts[f]))
        header = next(reader)
        if header[0] != "code" or header[-1] != "name":
            sys.exit(f"{f}: unexpected header {header}")
        for row_number, row in enumerate(reader, start=2):
            if not row:
                continue
            code, name = row[0].strip(), " ".join(row[-1].split())
            if not re.fullmatch(SHAPE[level], code):
                sys.exit(f"{f} row {row_number}: code '{code}' is not of level {level}")
            if not name or "\n" in name:
                sys.exit(f"{f} row {row_number}: code {code} has no usable name")
            if code in out:
                sys.exit(f"{f} row {row_number}: code {code} is given twice")
            if level > 1 and code.rsplit(".", 1)[0] not in out:
                sys.exit(f"{f} row {row_number}: code {code} has no parent {code.rsplit('.', 1)[0]}")
            out[code] = name
    return sorted(out.items())


def encode(items, edition: str, licence: str) -> bytes:
    lines = [f"# edition: {edition}", f"# licence: {licence}",
             "# format: see data/tools/update_reference.py"]
    previous_village = None
    for code, name in items:
        parts = code.split(".")
        if len(parts) == 4:
            number = int(parts[3])
            lines.append((" " if previous_village == number - 1 else parts[3] + " ") + name)
            previous_village = number
            continue
        previous_village = None
        lines.append({1: "", 2: ".", 3: ":"}[len(parts)] + parts[-1] + " " + name)
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", default="4.0.1", help="idn-area-data version to fetch with npm pack")
    parser.add_argument("--package", type=pathlib.Path, help="a downloaded .tgz or unpacked package folder")
    parser.add_argument("--out", type=pathlib.Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.package or fetch(args.version, pathlib.Path(tmp))
        meta, texts = read_package(package)
    items = areas(texts)
    edition = f"idn-area-data {meta['version']}"
    licence = f"data ODbL 1.0, package {meta.get('license', 'MIT')}; {meta.get('homepage', 'https://github.com/fityannugroho/idn-area-data')}"
    data = encode(items, edition, licence)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    counts = [sum(1 for c, _ in items if c.count(".") == n) for n in range(4)]
    print(f"{args.out}: {edition}, {counts[0]} provinces, {counts[1]} kabupaten/kota, {counts[2]} kecamatan, "
          f"{counts[3]} villages; {len(data)} bytes")


if __name__ == "__main__":
    main()
