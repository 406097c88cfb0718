#!/usr/bin/env bash
# Store benchmark (issue 11): whole `sasaran-cli import table` processes on the national
# synthetic project (84,000 villages), measured with /usr/bin/time -v. Not a timed test: the
# figures go to bench/README.md.
#   bench/bench_store.sh BUILD_DIR PROJECT   (PROJECT made by BUILD_DIR/bench/make_synthetic)
set -euo pipefail
build=${1:?build dir}
project=${2:?national project made by make_synthetic}
cli="$build/app/sasaran-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$project" "$work/p.sasaran.sqlite"
p="$work/p.sasaran.sqlite"

# Two indicator columns for every village, by code.
{
    echo "kode,miskin,penduduk"
    sqlite3 "$p" "SELECT code || ',' || (rowid % 500) || ',' || (1000 + rowid % 3000) FROM wilayah \
                  WHERE kind IN ('pekon', 'kelurahan', 'desa')"
} > "$work/two.csv"
echo "village rows: $(($(wc -l < "$work/two.csv") - 1))"
# One value.
{ echo "kode,miskin"; sed -n 2p "$work/two.csv" | cut -d, -f1,2; } > "$work/one.csv"

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt" || { cat "$work/out.txt" "$work/time.txt"; exit 1; }
    local wall rss
    wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
    printf '%-44s wall %8s   peak RSS %6d MB\n' "$label" "$wall" $((rss / 1024))
}

# The first write upgrades an older file in place (schema 5 -> 6): not part of the figures.
"$cli" import table "$p" "$work/one.csv" --period 1999 --indicator miskin=miskin --code-field kode \
    --report "$work/r0.csv" > /dev/null
for round in 1 2 3; do
    measure "import table, two columns ($round)" "$cli" import table "$p" "$work/two.csv" --period "20$((40 + round))" \
        --indicator miskin=miskin --indicator penduduk=penduduk --code-field kode --report "$work/r.csv"
done
for round in 1 2 3; do
    measure "import table, one value ($round)" "$cli" import table "$p" "$work/one.csv" --period "21$((40 + round))" \
        --indicator miskin=miskin --code-field kode --report "$work/r1.csv"
done
ls "$work"
