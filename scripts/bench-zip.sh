#!/usr/bin/env bash
# ZIP and DEFLATE throughput (prints numbers; not a unit test).
#
#   scripts/bench-zip.sh
#
# Builds the tests in release mode (with -enable-testing, for @testable import) and runs the
# ZipBenchmark suite, which is skipped unless PLANPARSER_BENCH=1. It measures, on a 32 MB
# worksheet XML, 16 MB of document XML and 8 MB of random bytes: our DEFLATE encoder, our
# inflate of our own stream, and CRC-32 — and, in the same run on the same bytes, Python's
# zlib (compress level 6, decompress, crc32, timed inside Python). Best of five runs each
# (nine for CRC-32); "×" is zlib's time divided by ours, so above 1 means we are faster.
# Needs python3. Takes about four minutes on two cores, most of it the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
echo "Machine: $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
echo "Swift: $(swift --version 2>&1 | head -1)"
echo "Python: $(python3 -c 'import sys, zlib; print(sys.version.split()[0], "zlib", zlib.ZLIB_RUNTIME_VERSION)')"
echo "Date: $(date -u +%Y-%m-%d)"
echo
PLANPARSER_BENCH=1 swift test -c release -Xswiftc -enable-testing --skip-build --filter ZipBenchmark 2>&1 \
    | grep -E '^\|'
