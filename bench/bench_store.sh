#!/usr/bin/env bash
# Store benchmark (issue 11): whole `sasaran-cli` processes on a national project (84,000
# villages), each measured with /usr/bin/time -v (wall time, peak RSS). Not a timed test: the
# figures go to bench/README.md.
#
#   bench/bench_store.sh PROJECT CLI [CLI2]
#
# PROJECT  a national project, e.g. made by `sasaran-cli new` from gen_synthetic.py --scale L
#          (chain.sh's T1_new) or by build/bench/make_synthetic; it is copied, never changed.
# CLI      a built sasaran-cli; with CLI2 (e.g. main's, the "before") the two run interleaved,
#          each step on its own fresh copy of PROJECT, so both see the same load.
# Environment:
#   ROUNDS=3                 rounds of every step per binary
#   TABLE=FILE.csv           the two-column table (kode,penduduk,miskin); default: made from PROJECT
#   FACILITIES=L.gpkg        its layer fasilitas imported as chain.sh T1_fac does; none: skipped
#   PG_URI=postgresql://USER@HOST:PORT/DB   a server for `copy` both ways (e.g. scripts/pgtest.sh's); none: skipped
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,18p' "$0" >&2; exit 2; }
project=$1; shift
clis=("$@")
rounds=${ROUNDS:-3}
work=$(mktemp -d /tmp/bench_store.XXXXXX)
trap 'rm -rf "$work"' EXIT

table=${TABLE:-}
if [ -z "$table" ]; then
    table="$work/two.csv"
    {
        echo "kode,penduduk,miskin"
        sqlite3 "$project" "SELECT code || ',' || (1000 + rowid % 3000) || ',' || (rowid % 500) FROM wilayah \
                            WHERE kind NOT IN ('kecamatan', 'kabupaten', 'provinsi')"
    } > "$table"
fi
{ echo "kode,miskin"; sed -n 2p "$table" | cut -d, -f1,3; } > "$work/one.csv"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# table rows: $(($(wc -l < "$table") - 1)); project $(du -m "$project" | cut -f1) MB"

measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -v "$@" > "$work/out.txt" 2> "$work/time.txt" || { cat "$work/out.txt" "$work/time.txt" >&2; exit 1; }
    local wall rss user sys
    wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
    user=$(grep "User time" "$work/time.txt" | awk '{print $NF}')
    sys=$(grep "System time" "$work/time.txt" | awk '{print $NF}')
    printf '%-34s %-8s wall %8s  cpu %5.2f s  peak RSS %5d MiB\n' "$label" "$tag" "$wall" \
        "$(echo "$user + $sys" | bc -l)" $((rss / 1024))
}

for ((round = 1; round <= rounds; round++)); do
    for i in "${!clis[@]}"; do
        cli=${clis[$i]}
        tag="cli$((i + 1))"
        p="$work/p.sasaran.sqlite"
        rm -f "$p" "$p-wal" "$p-shm"
        cp "$project" "$p"
        measure "import table, two columns" "$cli" import table "$p" "$table" --period 2024 \
            --indicator penduduk=penduduk --indicator miskin=miskin --code-field kode --report "$work/r2.csv"
        measure "import table, one value" "$cli" import table "$p" "$work/one.csv" --period 2025 \
            --indicator miskin=miskin --code-field kode --report "$work/r1.csv"
        measure "import table, one value --replace" "$cli" import table "$p" "$work/one.csv" --period 2024 \
            --indicator miskin=miskin --code-field kode --replace --report "$work/r1.csv"
        if [ -n "${FACILITIES:-}" ]; then
            measure "import facilities" "$cli" import facilities "$p" "$FACILITIES" --layer fasilitas --kind-field jenis \
                --label-field nama
        fi
        if [ -n "${PG_URI:-}" ]; then
            measure "copy file -> server" "$cli" copy "$p" "$PG_URI?project=bench_store" --replace
            rm -f "$work/back.sasaran.sqlite"
            measure "copy server -> file" "$cli" copy "$PG_URI?project=bench_store" "$work/back.sasaran.sqlite"
        fi
    done
done
