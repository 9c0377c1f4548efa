#!/usr/bin/env bash
# Benchmark: how long `clearnotice serve` takes before the first page opens, cold
# (no preview kept yet: the site is built first) and warm (the last preview is served
# from disk while the site is built again in the background). A benchmark, not a test.
#
#   benches/serve_start.sh                  # N = 10,000 generated notices, 3 warm starts
#   N=1000 RUNS=5 BENCH_DIR=/dev/shm benches/serve_start.sh
#
# Prints, for each start: the time until a notice's page answers 200, the time until
# the terminal says the site was built, and the server's memory then.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-10000}"
RUNS="${RUNS:-3}"
PORT="${PORT:-1231}"
work="$(mktemp -d -p "${BENCH_DIR:-/tmp}")"
trap 'rm -rf "$work"' EXIT
(cd "$repo" && cargo build --release --quiet --bin clearnotice --example generate_site)
target="${CARGO_TARGET_DIR:-$repo/target}"
bin="$target/release/clearnotice"
"$target/release/examples/generate_site" --notices "$N" --versions 1 --out "$work/site" >/dev/null
list="$work/site/.public.clearnotice-preview.clearnotice-files"
now() { date +%s%N; }

start_once() { # label: one start, timed to the first page and to "Built"
  local label=$1 log="$work/serve.log" started pid first built
  started=$(now)
  "$bin" serve --root "$work/site" --port "$PORT" --date 2026-11-24 >"$log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/notice-00001/" 2>/dev/null | grep -q 200; do sleep 0.01; done
  first=$(( ($(now) - started) / 1000000 ))
  until grep -q '^Built' "$log"; do sleep 0.02; done
  built=$(( ($(now) - started) / 1000000 ))
  echo "$label: first page ${first} ms, site built ${built} ms, memory $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
  # A cold start keeps its preview in the background: wait for it before stopping.
  if [ "$label" = cold ]; then until [ -f "$list" ]; do sleep 0.2; done; sleep 1; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "clearnotice serve, $N notices, $(nproc) cores"
start_once cold
for run in $(seq "$RUNS"); do start_once "warm $run"; done
