#!/usr/bin/env bash
# Benchmark: what the PDF handouts cost. A benchmark, not a test.
#
#   benches/handouts.sh            # N = 1,000 generated notices (examples/generate_site:
#   N=100 benches/handouts.sh      # one version each, ~2,000 words, an easy-read text)
#
# Prints the median wall time of RUNS (default 3) of each kind of build:
#   clean, no handouts      --no-handouts, output folder moved aside first
#   clean, handouts         output folder and the handout cache moved aside first
#   rebuild, no handouts    nothing changed since the last build
#   rebuild, handouts       nothing changed: every handout comes from the cache
# and ms per handout: (clean with - clean without) / handouts made, on all cores.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-1000}"
RUNS="${RUNS:-3}"
work="$(mktemp -d -p "${BENCH_DIR:-/tmp}")"
trap 'rm -rf "$work"' EXIT
(cd "$repo" && cargo build --release --quiet --bin clearnotice --example generate_site)
target="${CARGO_TARGET_DIR:-$repo/target}"
bin="$target/release/clearnotice"
"$target/release/examples/generate_site" --notices "$N" --versions 1 --out "$work/site" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # label, prepare command, build arguments...
  local label=$1 prepare=$2; shift 2
  for _ in $(seq "$RUNS"); do
    eval "$prepare"
    local start=$(date +%s%N)
    "$bin" build --root "$work/site" --output-dir "$work/out/public" --date 2026-11-24 "$@" >/dev/null 2>&1
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | median | { read -r ms; printf '%-24s %8s ms\n' "$label" "$ms"; echo "$ms" > "$work/$label.ms"; }
}
aside='rm -rf "$work/old"; mkdir -p "$work/old" "$work/out"; mv "$work/out" "$work/old/$RANDOM"; mkdir -p "$work/out"'
timed "clean-no-handouts" "$aside" --no-handouts
timed "clean-handouts" "$aside"
handouts=$(find "$work/out/public" -name '*.pdf' -path '*/easy-read/*' -o -name '*.pdf' -path '*/large-print/*' | wc -l)
made=$(ls "$work/out/.public.clearnotice-handouts" | wc -l)
timed "rebuild-handouts" ":"
# Once untimed: the first build without handouts removes the PDFs.
"$bin" build --root "$work/site" --output-dir "$work/out/public" --date 2026-11-24 --no-handouts >/dev/null 2>&1
timed "rebuild-no-handouts" ":" --no-handouts
with=$(cat "$work/clean-handouts.ms"); without=$(cat "$work/clean-no-handouts.ms")
echo "notices: $N; handout files written: $handouts; PDFs made: $made"
echo "ms per handout made (wall, all cores): $(( (with - without) * 1000 / made ))e-3"
