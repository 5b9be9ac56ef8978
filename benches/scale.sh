#!/usr/bin/env bash
# Scale benchmark: builds generated sites of increasing size and prints time and peak memory,
# with the ratio to the smallest size, all measured in this one run (shared machines are noisy:
# compare ratios, not seconds). Optionally builds the same corpus with Hugo for a ratio against
# a peer (`BENCH_HUGO=1`, needs the `hugo` command).
#
#   bash benches/scale.sh                 # 1 000 and 10 000 releases
#   SIZES="1000 10000 100000" bash benches/scale.sh
#
# The corpus comes from ../shared/bench/gencorpus.py (deterministic: same --n, same releases).
set -euo pipefail
cd "$(dirname "$0")/.."
GEN="${GEN:-../shared/bench/gencorpus.py}"
SIZES="${SIZES:-1000 10000}"
WORK="${WORK:-${TMPDIR:-/tmp}/jarya-bench}"
export SOURCE_DATE_EPOCH=1749988800
mkdir -p "$WORK"
cargo build --release --quiet
BIN="$PWD/target/release/jarya"

measure() { # label command... -> "seconds maxrss_kb"
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || {
    cat "$WORK/err.txt" >&2
    return 1
  }
  cat "$WORK/time.txt"
}

printf '%-10s %-8s %10s %10s %12s %10s\n' tool releases seconds "x time" "peak MB" "x memory"
base_t="" base_m=""
for n in $SIZES; do
  corpus="$WORK/corpus-$n"
  [ -d "$corpus/content" ] || python3 "$GEN" --n "$n" --format neutral --out "$corpus" >/dev/null
  # Warm the file cache once, then measure.
  "$BIN" build --site "$corpus" --out "$WORK/out-$n" >/dev/null
  read -r t m < <(measure "$BIN" build --site "$corpus" --out "$WORK/out-$n")
  [ -n "$base_t" ] || { base_t=$t; base_m=$m; }
  awk -v n="$n" -v t="$t" -v m="$m" -v bt="$base_t" -v bm="$base_m" \
    'BEGIN { printf "%-10s %-8s %10s %10.1f %12.1f %10.1f\n", "jarya", n, t, t / bt, m / 1024, m / bm }'
  # The sanitizer's share: the same corpus with `unsafe_html: true` (bodies not cleaned).
  unsafe="$WORK/unsafe-$n"
  if [ ! -d "$unsafe/content" ]; then
    mkdir -p "$unsafe" && cp -r "$corpus/content" "$unsafe/"
    echo "unsafe_html: true" >>"$unsafe/content/site.yaml"
  fi
  "$BIN" build --site "$unsafe" --out "$WORK/unsafe-out-$n" >/dev/null 2>&1
  read -r ut um < <(measure "$BIN" build --site "$unsafe" --out "$WORK/unsafe-out-$n")
  awk -v n="$n" -v t="$t" -v ut="$ut" -v um="$um" \
    'BEGIN { printf "%-10s %-8s %10s %10s %12.1f %10s   sanitizer: %.0f%% of the build\n", "no-clean", n, ut, "-", um / 1024, "-", (t - ut) / t * 100 }'
  if [ "${BENCH_HUGO:-0}" = 1 ] && command -v hugo >/dev/null; then
    hcorpus="$WORK/hugo-$n"
    [ -d "$hcorpus" ] || python3 "$GEN" --n "$n" --format hugo --out "$hcorpus" >/dev/null
    (cd "$hcorpus" && hugo --quiet -d "$WORK/hugo-out-$n" >/dev/null 2>&1 || true)
    read -r ht hm < <(cd "$hcorpus" && measure hugo --quiet -d "$WORK/hugo-out-$n")
    awk -v n="$n" -v t="$t" -v ht="$ht" -v hm="$hm" -v m="$m" \
      'BEGIN { printf "%-10s %-8s %10s %10s %12.1f %10s   jarya/hugo: time %.2f, memory %.2f\n", "hugo", n, ht, "-", hm / 1024, "-", t / ht, m / hm }'
  fi
done
