#!/usr/bin/env bash
# README command 1: set up, build, and run the main job on the embedded Tanggamus data:
# a project file and a poverty-rate map of the regency as PNG and PDF, in ./out.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
mkdir -p out
cli=build/app/sasaran-cli
"$cli" demo out/tanggamus.sasaran.sqlite
"$cli" map out/tanggamus.sasaran.sqlite --indicator poverty_rate --out out/peta_kemiskinan_tanggamus.png
"$cli" map out/tanggamus.sasaran.sqlite --indicator poverty_rate --out out/peta_kemiskinan_tanggamus.pdf
echo
echo "The poverty map of Kabupaten Tanggamus (illustrative data) is in:"
echo "  $(pwd)/out/peta_kemiskinan_tanggamus.png"
echo "  $(pwd)/out/peta_kemiskinan_tanggamus.pdf"
