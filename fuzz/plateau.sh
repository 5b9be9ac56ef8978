#!/usr/bin/env bash
# Fuzz one target until its coverage stops growing: rounds of ROUND seconds (default 600) on
# the kept corpus, stopping after QUIET rounds in a row (default 2) that add no covered edge,
# or after MAX seconds in all (default 14400). Prints one line per round; exits non-zero on a
# crash (libFuzzer leaves the input in fuzz/artifacts/TARGET/: make it a regression test).
#   fuzz/plateau.sh TARGET [extra libFuzzer flags]
# Needs cargo-fuzz and a nightly toolchain (`cargo +nightly fuzz`, or RUSTC_BOOTSTRAP=1).
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"; shift
round="${ROUND:-600}"; quiet_needed="${QUIET:-2}"; max="${MAX:-14400}"
corpus="fuzz/corpus/$target"; mkdir -p "$corpus"
# A new corpus starts from the kept one (fuzz/seeds/TARGET.tar.xz, the minimized corpus of the
# last sessions' fuzzing, saved by fuzz/keep.sh), so that coverage grows across machines.
if [ -z "$(ls -A "$corpus")" ] && [ -f "fuzz/seeds/$target.tar.xz" ]; then
  tar -C fuzz/corpus -xJf "fuzz/seeds/$target.tar.xz"
fi
# Without one, from the sample site: whole releases and a whole site reach far more code than
# libFuzzer's first short inputs.
if [ -z "$(ls -A "$corpus")" ]; then
  i=0
  for f in content/*/*.md; do cp "$f" "$corpus/seed-$i"; i=$((i + 1)); done
  if [ "$target" = import_doc ]; then
    # The first byte picks the reader (see the target): 5 plain text, 0/1 a .docx/.odt
    # package, 2/3 its main XML part. Packages come from tests/tools/office.py when
    # python-docx and odfpy are there.
    rm -f "$corpus"/seed-*
    i=0
    for f in tests/fixtures/import/*.txt; do
      { printf '\005'; cat "$f"; } >"$corpus/seed-$i"; i=$((i + 1))
    done
    py="${JARYA_OFFICE_PYTHON:-python3}"
    if "$py" -c 'import docx, odf' 2>/dev/null; then
      tmp="$(mktemp -d)"
      "$py" tests/tools/office.py rich "$tmp/rich"
      "$py" tests/tools/office.py seed tests/fixtures/import/000_*.txt "$tmp/seed"
      for doc in "$tmp"/*.docx "$tmp"/*.odt; do
        case "$doc" in *.docx) m='\000' x='\002' part=word/document.xml ;;
                       *) m='\001' x='\003' part=content.xml ;; esac
        { printf "$m"; cat "$doc"; } >"$corpus/seed-$i"
        { printf "$x"; unzip -p "$doc" "$part"; } >"$corpus/seed-$((i + 1))"
        i=$((i + 2))
      done
      rm -rf "$tmp"
    fi
  fi
  if [ "$target" = small_site ]; then
    rm -f "$corpus"/seed-*
    ru=(content/ru/*.md); ky=(content/ky/*.md)
    for i in 0 1 2; do
      for f in content/site.yaml content/topics.yaml content/organizations.yaml \
        "${ru[$i]}" "${ky[$i]}" "${ru[$(((i + 1) % ${#ru[@]}))]}"; do
        cat "$f"; printf '\001'
      done >"$corpus/seed-$i"
    done
  fi
fi
log="$(mktemp)"; trap 'rm -f "$log"' EXIT
export JARYA_GIT_DATES=0
last=-1; quiet=0; spent=0; runs=0
while [ "$spent" -lt "$max" ]; do
  cargo +nightly fuzz run -O "$target" "$corpus" -- -max_total_time="$round" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@" >"$log" 2>&1 || {
    tail -40 "$log"; echo "$target: crash or error after ${spent}s"; exit 1; }
  spent=$((spent + round))
  cov=$(grep -oE '(DONE|INITED) +cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
  n=$(grep -oE 'number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$')
  runs=$((runs + n))
  echo "$target: ${spent}s, $runs runs, coverage $cov"
  if [ "$cov" -le "$last" ]; then quiet=$((quiet + 1)); else quiet=0; fi
  last="$cov"
  if [ "$quiet" -ge "$quiet_needed" ]; then
    echo "$target: plateau: no new coverage in $quiet rounds of ${round}s"; exit 0
  fi
done
echo "$target: stopped after ${max}s, coverage still growing"
