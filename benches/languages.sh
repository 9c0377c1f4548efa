#!/usr/bin/env bash
# Benchmark: what a second language costs. A benchmark, not a test.
#
#   BENCH_DIR=/dev/shm benches/languages.sh   # N = 1,000 generated notices (examples/generate_site),
#                                             # in memory: on ext4, creating files right after
#                                             # deleting many costs more than the build
#   N=100 RUNS=5 benches/languages.sh
#   REFERENCE=path/to/clearnotice benches/languages.sh   # also time another build of
#                                                        # clearnotice on the one-language site
#
# Every notice gets a "Welsh translation" that is a copy of its text with translated
# front-matter only: the timing depends on the amount of text, not on its words.
# Prints the median wall time of RUNS (default 3) clean builds without handouts:
#   one language             languages = ["en-GB"]
#   two languages            languages = ["en-GB", "cy"]: twice the pages
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
N="${N:-1000}"
RUNS="${RUNS:-3}"
work="$(mktemp -d -p "${BENCH_DIR:-/tmp}")"
trap 'rm -rf "$work"' EXIT
(cd "$repo" && cargo build --release --quiet --bin clearnotice --example generate_site)
target="${CARGO_TARGET_DIR:-$repo/target}"
bin="$target/release/clearnotice"
"$target/release/examples/generate_site" --notices "$N" --versions 1 --out "$work/one" >/dev/null
cp -r "$work/one" "$work/two"
for file in "$work"/two/content/*/1.0.md; do
  {
    printf '+++\ntitle = "Hysbysiad prawf"\nservice = "Gwasanaeth prawf"\n+++\n'
    awk 'n >= 2 { print } /^\+\+\+$/ { n++ }' "$file"
  } > "${file%.md}.cy.md"
done
sed -i 's/^language = .*$//' "$work/two/site.toml"
sed -i '1i languages = ["en-GB", "cy"]' "$work/two/site.toml"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { # label, binary, site
  for _ in $(seq "$RUNS"); do
    rm -rf "$work/out"
    local start=$(date +%s%N)
    "$2" build --root "$work/$3" --output-dir "$work/out" --date 2026-11-24 --no-handouts >/dev/null 2>&1
    echo $(( ($(date +%s%N) - start) / 1000000 ))
  done | median | { read -r ms; printf '%-28s %8s ms\n' "$1" "$ms"; }
}
timed "one language" "$bin" one
if [ -n "${REFERENCE:-}" ]; then timed "one language (reference)" "$REFERENCE" one; fi
timed "two languages" "$bin" two
echo "files of the two-language site: $(find "$work/out" -type f | wc -l)"
