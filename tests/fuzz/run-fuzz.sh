#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer target (the loader and the renderer, with
# AddressSanitizer and UndefinedBehaviorSanitizer) with clang, straight
# from src/core/*.c, and runs it.
#
#   tests/fuzz/run-fuzz.sh [-t SECONDS] [-j JOBS] [-o DIR] [-b] [-- LIBFUZZER-ARGS…]
#
#   -t SECONDS  how long to fuzz (default 60)
#   -j JOBS     parallel fuzzing processes (default 1)
#   -o DIR      where to build and keep the growing corpus (default build-fuzz)
#   -b          only build
#
# libFuzzer runs without its leak checks (see replay.c); afterwards every
# input in the corpus is replayed in one process under LeakSanitizer.
#
# Needs clang and libclang-rt-14-dev (apt-get install -y clang
# libclang-rt-14-dev). Seeds: the bundled datasets, tests/corpus and
# tests/fuzz/seeds. Crashes land in DIR/findings; turn each into a file
# in tests/corpus with its line in tests/corpus/expected.txt.
set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
seconds=60
jobs=1
out="$srcdir/build-fuzz"
build_only=0

while getopts "t:j:o:bh" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    j) jobs=$OPTARG ;;
    o) out=$OPTARG ;;
    b) build_only=1 ;;
    *) sed -n '4,20p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "${1:-}" = "--" ] && shift

CC=${CC:-clang}
command -v "$CC" >/dev/null || { echo "run-fuzz.sh: $CC not found: apt-get install -y clang libclang-rt-14-dev" >&2; exit 1; }

mkdir -p "$out/gen" "$out/obj" "$out/corpus" "$out/findings" "$out/seeds"
out=$(cd "$out" && pwd)

# What meson would generate: the embedded schema and config.h.
glib-compile-resources --generate-source --manual-register --c-name karavan_core \
  --sourcedir "$srcdir/data" --target "$out/gen/karavan-core-resources.c" \
  "$srcdir/src/core/karavan-core.gresource.xml"
glib-compile-resources --generate-header --manual-register --c-name karavan_core \
  --sourcedir "$srcdir/data" --target "$out/gen/karavan-core-resources.h" \
  "$srcdir/src/core/karavan-core.gresource.xml"
# Every name meson's config.h defines; the values do not matter here.
sed -n "s/^config_h\.set_quoted('\([A-Z_]*\)'.*/\1/p" "$srcdir/meson.build" |
  while read -r name; do
    case $name in
      PKGDATADIR) echo "#define $name \"$srcdir/data\"" ;;
      *) echo "#define $name \"fuzz\"" ;;
    esac
  done > "$out/gen/config.h.new"
cmp -s "$out/gen/config.h.new" "$out/gen/config.h" || mv "$out/gen/config.h.new" "$out/gen/config.h"
rm -f "$out/gen/config.h.new"

pkgs="glib-2.0 gio-2.0 gobject-2.0 libxml-2.0 cairo cairo-pdf cairo-svg pangocairo libpng"
# shellcheck disable=SC2086
incs=$(pkg-config --cflags $pkgs)
# shellcheck disable=SC2086
libs=$(pkg-config --libs $pkgs)
cflags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -I$out/gen -I$srcdir/src/core -Wall -Wno-unused-parameter"

# Coverage for the library, the fuzzing driver only for the target.
objs=""
for c in "$srcdir"/src/core/*.c "$out/gen/karavan-core-resources.c"; do
  o="$out/obj/$(basename "$c" .c).o"
  if [ ! -e "$o" ] || [ "$c" -nt "$o" ] || [ "$out/gen/config.h" -nt "$o" ] ||
     [ -n "$(find "$srcdir/src/core" -name '*.h' -newer "$o")" ]; then
    # shellcheck disable=SC2086
    $CC $cflags -fsanitize=fuzzer-no-link $incs -c "$c" -o "$o"
  fi
  objs="$objs $o"
done
# shellcheck disable=SC2086
$CC $cflags -fsanitize=fuzzer $incs "$srcdir/tests/fuzz/fuzz-loader.c" $objs $libs -lm -o "$out/fuzz-loader"
# shellcheck disable=SC2086
$CC $cflags $incs "$srcdir/tests/fuzz/fuzz-loader.c" "$srcdir/tests/fuzz/replay.c" $objs $libs -lm \
  -fsanitize=fuzzer-no-link -o "$out/replay-loader"
echo "built $out/fuzz-loader and $out/replay-loader"
[ "$build_only" = 1 ] && exit 0

# Seeds, refreshed each run; the corpus libFuzzer grows stays in $out/corpus.
rm -f "$out"/seeds/*
for f in "$srcdir"/data/datasets/*.xml "$srcdir"/tests/fuzz/seeds/* "$srcdir"/tests/corpus/*; do
  case $(basename "$f") in expected.txt|meson.build|*.c) continue ;; esac
  [ -f "$f" ] && cp "$f" "$out/seeds/$(basename "$f")"
done

# Text is measured with DejaVu only, as in the tests; LSan knows
# fontconfig's caches.
export FONTCONFIG_FILE="$srcdir/tests/fonts.conf"
export ASAN_OPTIONS="${ASAN_OPTIONS:-allocator_may_return_null=1}"
export LSAN_OPTIONS="suppressions=$srcdir/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_DEBUG=fatal-warnings

cd "$out"
# Leaks are looked for afterwards, by replay-loader (see replay.c). Inputs
# up to 16 KB: twice the executions of 64 KB, and every kind of view fits
# (seeds/every-view.xml is 7 KB); -- -max_len=N overrides it.
set -- -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
  -dict="$srcdir/tests/fuzz/karavan.dict" -artifact_prefix="$out/findings/" \
  -print_final_stats=1 "$@"
if [ "$jobs" -gt 1 ]; then
  set -- -jobs="$jobs" -workers="$jobs" "$@"
fi
status=0
ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" "$out/fuzz-loader" "$@" "$out/corpus" "$out/seeds" || status=$?

# Every input kept, in one ordinary process: LeakSanitizer reports at exit.
find "$out/corpus" "$out/seeds" -type f -print0 |
  ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=30" \
  xargs -0 "$out/replay-loader" || status=$?
exit $status
