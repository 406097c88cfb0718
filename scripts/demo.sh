#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the embedded Tanggamus data:
# a project file, a poverty-rate map of the regency as PNG and PDF, the atlas per kecamatan and
# the meeting pack, and the travel time on foot to the nearest Puskesmas (GeoTIFF, isochrones and a
# travel-time map as PNG and PDF), in ./out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
mkdir -p out
cli=build/app/sasaran-cli
"$cli" demo out/tanggamus.sasaran.sqlite
"$cli" map out/tanggamus.sasaran.sqlite --indicator poverty_rate --out out/peta_kemiskinan_tanggamus.png
"$cli" map out/tanggamus.sasaran.sqlite --indicator poverty_rate --out out/peta_kemiskinan_tanggamus.pdf
"$cli" atlas out/tanggamus.sasaran.sqlite --by kecamatan --preset email --out out/atlas_kecamatan_tanggamus.pdf
"$cli" report out/tanggamus.sasaran.sqlite --out out/bahan_rakor_tanggamus.pdf
"$cli" travel out/tanggamus.sasaran.sqlite --to PUSKESMAS --out out/waktu_tempuh_puskesmas.tif
"$cli" travel out/tanggamus.sasaran.sqlite --to PUSKESMAS --isochrones 30,60,120 --out out/isokron_puskesmas.gpkg
"$cli" map out/tanggamus.sasaran.sqlite --travel PUSKESMAS --out out/peta_waktu_tempuh_puskesmas.png
"$cli" map out/tanggamus.sasaran.sqlite --travel PUSKESMAS --out out/peta_waktu_tempuh_puskesmas.pdf
echo
echo "Maps of Kabupaten Tanggamus (illustrative data):"
echo "  $(pwd)/out/peta_kemiskinan_tanggamus.png   poverty rate per pekon"
echo "  $(pwd)/out/peta_kemiskinan_tanggamus.pdf"
echo "  $(pwd)/out/atlas_kecamatan_tanggamus.pdf   one page per kecamatan, pekon ranked by priority"
echo "  $(pwd)/out/bahan_rakor_tanggamus.pdf       meeting pack: priority, density, facilities, top 30"
echo "  $(pwd)/out/waktu_tempuh_puskesmas.tif      minutes on foot to the nearest Puskesmas (GeoTIFF, illustrative DEM)"
echo "  $(pwd)/out/isokron_puskesmas.gpkg          30/60/120-minute isochrones around the Puskesmas"
echo "  $(pwd)/out/peta_waktu_tempuh_puskesmas.png  map of those minutes under the pekon outlines (also .pdf)"
