#!/usr/bin/env bash
# Fuzzes the core for a short, bounded time: every cargo-fuzz target in fuzz/ runs on a
# scratch copy of its checked-in corpus (fuzz/corpus/<target>/, never modified here).
# Fails on any crash, panic, per-input timeout or out-of-memory, printing the reproducer.
#
#   scripts/fuzz.sh            install what is missing, build once, run every target
#   scripts/fuzz.sh --setup    only install what is missing (nightly, cargo-fuzz)
#
#   FUZZ_SECONDS=20            seconds per target (default 20)
#   FUZZ_TARGETS="ladder edit" which targets (default: all of them)
#
# Run one target longer: cargo +nightly fuzz run -s none -a ladder -- -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
FUZZ_TARGETS=${FUZZ_TARGETS:-"ladder share_decode parse_values simulate edit import"}
# No sanitizer (the core is safe Rust; ASan only slows the build and the runs), but with
# debug assertions, so an arithmetic overflow is a crash. `cargo fuzz run` must get the
# same flags or it rebuilds.
BUILD_FLAGS=(-s none -a)

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export PATH="$HOME/.cargo/bin:$PATH"
command -v rustup >/dev/null 2>&1 || { echo "error: rustup not found (https://rustup.rs)" >&2; exit 1; }
command -v c++ >/dev/null 2>&1 || { echo "error: no C++ compiler for libFuzzer; install g++ (or run .ci/setup test)" >&2; exit 1; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "rustup toolchain install nightly (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
[ "${1:-}" = "--setup" ] && exit 0

say "cargo +nightly fuzz build ${BUILD_FLAGS[*]}"
cargo +nightly fuzz build "${BUILD_FLAGS[@]}"
bin_dir="fuzz/target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release"

work=$(mktemp -d "${TMPDIR:-/tmp}/rungs-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
failed=()
for t in $FUZZ_TARGETS; do
  say "fuzz $t for ${FUZZ_SECONDS} s"
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  cp -R "fuzz/corpus/$t/." "$work/$t/corpus/" 2>/dev/null || true
  # -timeout: one input running longer fails like a crash; -rss_limit_mb: so does memory.
  if "$bin_dir/$t" "$work/$t/corpus" \
      -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$work/$t/artifacts/" -print_final_stats=1 \
      >"$work/$t/log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$work/$t/log" | tr '\n' ' '
    echo
  else
    tail -n 40 "$work/$t/log"
    mkdir -p "fuzz/artifacts/$t"
    for a in "$work/$t/artifacts"/*; do
      [ -e "$a" ] || continue
      cp "$a" "fuzz/artifacts/$t/"
      echo "reproducer: fuzz/artifacts/$t/$(basename "$a")" >&2
      echo "  rerun it: cargo +nightly fuzz run ${BUILD_FLAGS[*]} $t fuzz/artifacts/$t/$(basename "$a")" >&2
    done
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "error: fuzzing found a failure in: ${failed[*]} (reproducers under fuzz/artifacts/)" >&2
  exit 1
fi
say "fuzzing passed: ${FUZZ_TARGETS}"
