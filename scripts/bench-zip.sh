#!/usr/bin/env bash
# ZIP and DEFLATE throughput (prints numbers; not a unit test).
#
#   scripts/bench-zip.sh
#
# Builds the tests in release mode (with -enable-testing, for @testable import) and runs the
# ZipBenchmark suite, which is skipped unless PLANPARSER_BENCH=1. It measures, on a 32 MB
# worksheet XML, 16 MB of document XML and 8 MB of random bytes: our DEFLATE encoder, our
# inflate of our own stream and of zlib's, and CRC-32 — and, on the same bytes, Python's zlib
# (compress level 6, decompress told the output size, crc32; timed inside Python). Our runs and
# zlib's alternate, seven rounds, and the best of each counts, so that the load of a shared
# machine weighs on both alike; "×" is zlib's time divided by ours (above 1: we are faster).
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
