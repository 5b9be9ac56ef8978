#!/usr/bin/env bash
# Keeps the corpus of each TARGET for the next machine: minimizes fuzz/corpus/TARGET (libFuzzer's
# merge: the fewest inputs that cover what the corpus covers) and packs it as
# fuzz/seeds/TARGET.tar.xz, which fuzz/plateau.sh unpacks when it starts without a corpus.
#   fuzz/keep.sh TARGET...
# Needs cargo-fuzz and a nightly toolchain, as fuzz/plateau.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/seeds
export JARYA_GIT_DATES=0
for target in "$@"; do
  cargo +nightly fuzz cmin -O "$target" "fuzz/corpus/$target" >/dev/null 2>&1
  tar -C fuzz/corpus --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 \
    -cf - "$target" | xz -9 >"fuzz/seeds/$target.tar.xz"
  echo "$target: $(ls "fuzz/corpus/$target" | wc -l) inputs, $(wc -c <"fuzz/seeds/$target.tar.xz") bytes packed"
done
