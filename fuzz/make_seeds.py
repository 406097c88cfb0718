#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into DIR/<target>/ (one small file per seed).

Usage: make_seeds.py DIR. Seeds are generated here so that no binary file is committed; the
project seed is written by the make_project_seed program (scripts/fuzz.sh runs it)."""
import io
import os
import struct
import sys
import zipfile


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def wkb_ring(points):
    return struct.pack("<I", len(points)) + b"".join(struct.pack("<dd", x, y) for x, y in points)


def wkb_polygon(rings, big=False):
    order = ">" if big else "<"
    out = struct.pack(order + "bI", 0 if big else 1, 3)
    out += struct.pack(order + "I", len(rings))
    for ring in rings:
        out += struct.pack(order + "I", len(ring)) + b"".join(struct.pack(order + "dd", x, y) for x, y in ring)
    return out


SQUARE = [(104.6, -5.5), (104.61, -5.5), (104.61, -5.49), (104.6, -5.49), (104.6, -5.5)]


def wkb_seeds(d):
    write(d, "point", struct.pack("<bIdd", 1, 1, 104.6, -5.5))
    write(d, "line", struct.pack("<bI", 1, 2) + wkb_ring(SQUARE[:3]))
    write(d, "polygon", wkb_polygon([SQUARE]))
    write(d, "polygon_be", wkb_polygon([SQUARE], big=True))
    write(d, "multipolygon", struct.pack("<bII", 1, 6, 2) + wkb_polygon([SQUARE]) + wkb_polygon([SQUARE, SQUARE]))
    write(d, "multiline", struct.pack("<bII", 1, 5, 1) + struct.pack("<bI", 1, 2) + wkb_ring(SQUARE))
    # SpatiaLite BLOB: 0x00, order, SRID, MBR, 0x7C, class, data, 0xFE
    head = struct.pack("<BBi4dB", 0, 1, 4326, 104.6, -5.5, 104.61, -5.49, 0x7C)
    poly = struct.pack("<I", 1) + wkb_ring(SQUARE)
    write(d, "blob_polygon", head + struct.pack("<I", 3) + poly + b"\xfe")
    write(d, "blob_multipolygon",
          head + struct.pack("<II", 6, 2) + b"\x69" + struct.pack("<I", 3) + poly + b"\x69" + struct.pack("<I", 3)
          + poly + b"\xfe")


def csv_seeds(d):
    write(d, "simple", "kode,nama,miskin\n18.06.01.2001,Pekon Satu,120\n18.06.01.2002,Pekon Dua,\"1.735\"\n")
    write(d, "semicolon", "Tabel 1\n\nkode;nama;persen\n1806012001;Satu;12,48\nJUMLAH;;12\n")
    write(d, "quoted", "nama,catatan\n\"Way, Pring\",\"baris\nkedua\"\n\"a \"\"b\"\"\",-\n")
    write(d, "bom_tab", "\ufeffkode\tnama\n1806012001\tSatu\n")
    write(d, "cp1252", "kode,nama\n1,Pekon S\xe9kar\n".encode("latin-1"))
    write(d, "ragged", "a,b,c\n1,2\n3,4,5,6\n=HYPERLINK(\"x\"),@SUM(1),+1\n")


def xlsx(rows, shared=False, merged=False, formula=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>')
        cells = []
        for r, row in enumerate(rows, 1):
            cs = []
            for c, v in enumerate(row):
                ref = f"{chr(65 + c)}{r}"
                if isinstance(v, (int, float)):
                    cs.append(f'<c r="{ref}"><v>{v}</v></c>')
                elif formula and v.startswith("="):
                    cs.append(f'<c r="{ref}"><f>{v[1:]}</f></c>')
                else:
                    cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
            cells.append(f'<row r="{r}">{"".join(cs)}</row>')
        extra = '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' if merged else ""
        z.writestr("xl/worksheets/sheet1.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   f'<sheetData>{"".join(cells)}</sheetData>{extra}</worksheet>')
    return buf.getvalue()


def xlsx_seeds(d):
    write(d, "simple", xlsx([["kode", "nama", "miskin"], ["1806012001", "Satu", 120], ["1806012002", "Dua", 7.5]]))
    write(d, "merged", xlsx([["Tabel 1", "", ""], ["kode", "nama", "miskin"], ["1806012001", "Satu", 3]], merged=True))
    write(d, "formula", xlsx([["kode", "jumlah"], ["1806012001", "=SUM(B3:B4)"], ["x", 2]], formula=True))


def text_seeds(d, items):
    for i, text in enumerate(items):
        write(d, f"seed{i}", text)


def main():
    out = sys.argv[1]
    wkb_seeds(os.path.join(out, "fuzz_wkb"))
    csv_seeds(os.path.join(out, "fuzz_csv"))
    xlsx_seeds(os.path.join(out, "fuzz_xlsx"))
    text_seeds(os.path.join(out, "fuzz_namematch"),
               ["Pekon Way Pring\nPugung", "Kel. Kuripan\nKota Agung", "KOTA AGUNG TIMUR", "Sukamara\n18.06.01",
                "Tiyuh  Gisting-Atas\n"])
    text_seeds(os.path.join(out, "fuzz_scheme"),
               ['{"name":"a","missing":"fill_worst","indicators":[{"key":"miskin","direction":"higher_is_worse",'
                '"normalisation":"minmax","weight":2},{"key":"jarak","normalisation":"zscore","weight":1e-3}]}',
                '{"name":"b","indicators":[{"key":"x","normalisation":"scale_rank","weight":0}]}'])
    text_seeds(os.path.join(out, "fuzz_template"),
               ['{"name":"t","title":"Kemiskinan","indicator":"miskin","method":"quantile","classes":5,"paper":"A4",'
                '"landscape":true,"dpi":150,"labels":{"kecamatan":true,"pekon":false},"lang":"id",'
                '"coverage":{"kind":"BUMDES","radius_km":3},"breaks":[1,2.5,10]}',
                '{"method":"manual","breaks":[],"ramp":"Reds","inset":false,"facilities":true}'])
    text_seeds(os.path.join(out, "fuzz_filter"),
               ["poverty_rate > 20 and n_bumdes = 0",
                "kecamatan in ('Pugung', 'Wonosobo') or not (poverty_rate between 10 and 40)",
                "nama != \"a\"\"b\" and poverty_rate >= -3.5e2", "not not (n_bumdes <> 1)"])


if __name__ == "__main__":
    main()
