#!/bin/bash
# The planner's whole chain (../shared/bench/chain.sh: new, import table, import facilities,
# analyze, map to PNG and PDF, each a separate process) on S, M, L and the real Lampung shapes;
# prints each step's median wall time and peak RSS. Not run by CI.
#
# Usage: bench/chain_bench.sh DATADIR CLI [CLI2]
#   DATADIR  where the datasets are, made when missing (never inside the repository):
#            S.gpkg M.gpkg L.gpkg (../shared/bench/gen_synthetic.py; L takes minutes and 1.3 GiB)
#            and lampung.gpkg (bench/make_lampung_chain.py from ../shared/data/lampung)
#   CLI      a built sasaran-cli; with CLI2 the two are run interleaved (before/after on one load)
# Environment: SETS="S M lampung L" (which datasets), RUNS=3 (runs per dataset), L_RUNS=1,
#   CHAIN=path of chain.sh (default ../shared/bench/chain.sh beside the repository).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
DATA="$1"; shift
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
CHAIN="${CHAIN:-$REPO/../shared/bench/chain.sh}"
[ -f "$CHAIN" ] || CHAIN=/work/shared/bench/chain.sh
GEN="$(dirname "$CHAIN")/gen_synthetic.py"
SETS="${SETS:-S M lampung L}"
RUNS="${RUNS:-3}"; L_RUNS="${L_RUNS:-1}"
mkdir -p "$DATA"
case "$(cd "$DATA" && pwd)/" in "$REPO"/*) echo "DATADIR must be outside the repository" >&2; exit 2;; esac
CLIS=("$@")
for c in "${CLIS[@]}"; do [ -x "$c" ] || { echo "not an executable: $c" >&2; exit 2; }; done

dataset() {
  local name="$1" f="$DATA/$1.gpkg"
  if [ ! -f "$f" ]; then
    if [ "$name" = lampung ]; then
      /usr/bin/python3 "$HERE/make_lampung_chain.py" "$REPO/../shared/data/lampung/boundaries.gpkg" "$f" >&2
    else
      /usr/bin/python3 "$GEN" --scale "$name" --out "$f" >&2
    fi
  fi
  echo "$f"
}

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for set in $SETS; do
  ds="$(dataset "$set")"
  runs="$RUNS"; [ "$set" = L ] && runs="$L_RUNS"
  for ((r = 1; r <= runs; r++)); do
    for i in "${!CLIS[@]}"; do
      out="$DATA/out-$set-$i"
      rm -rf "$out"
      SASARAN_CLI="${CLIS[$i]}" bash "$CHAIN" "$ds" "$out" > "$out.log" 2>&1 \
        || { echo "chain failed on $set with ${CLIS[$i]} (see $out.log)" >&2; exit 1; }
      awk -v set="$set" -v cli="$i" '$1 == "STEP" { print set, cli, $2, $3, $4 }
        $1 == "TOTAL" { print set, cli, "TOTAL", $2, 0 }' "$out.log" >> "$RESULTS"
    done
  done
done
echo "# median of the runs per step: wall seconds, peak RSS MiB (the TOTAL's peak is its largest step's)"
/usr/bin/python3 - "$RESULTS" "${CLIS[@]}" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
clis = sys.argv[2:]
order, data = [], {}
for s, c, step, t, m in rows:
    key = (s, step)
    if key not in order:
        order.append(key)
    data.setdefault((s, step, int(c)), []).append((float(t), float(m)))
peaks = {}
for (s, step, c), v in data.items():
    if step != "TOTAL":
        peaks[(s, c)] = max(peaks.get((s, c), 0), max(m for _, m in v))
head = "data  step           " + "".join(f"  {('cli' + str(i)):>16}" for i in range(len(clis)))
print(head)
for s, step in order:
    cells = []
    for c in range(len(clis)):
        v = data.get((s, step, c), [])
        if not v:
            cells.append(" " * 18); continue
        t = statistics.median(x for x, _ in v)
        m = peaks.get((s, c), 0) if step == "TOTAL" else statistics.median(y for _, y in v)
        cells.append(f"  {t:8.3f} s {m:5.0f} MiB")
    print(f"{s:<5} {step:<15}" + "".join(cells) + f"   (n={len(data[(s, step, 0)])})")
for i, c in enumerate(clis):
    print(f"cli{i} = {c}")
PY
