#!/usr/bin/env bash
# What the spreadsheet, report and calendar formats cost against JSON (prints numbers; not a
# unit test).
#
#   scripts/bench-formats.sh
#
# Makes the 8 MB corpus the way scripts/bench.sh does (all clean and messy sample plans, one
# after another, repeated to about 8 MB), builds the tests in release mode (with
# -enable-testing, for @testable import) and runs the FormatBenchmark suite, which parses the
# corpus once and writes it in every format to a counting sink, best of three: "write" is the
# exporter alone, "parse + write" what a run of `extract --format F corpus` spends apart from
# reading the file and starting the process; both as ratios to JSON, in one run, so the load
# of a shared machine weighs on all formats alike. When the built `extract` knows
# `--format xlsx`, the ratios are also measured end to end with the binary (best of five
# rounds in which the formats take turns).
# Takes about four minutes on two cores, most of it the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-bench-formats.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT

python3 - "$WORK" <<'PY'
import glob, sys
work = sys.argv[1]
docs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('samples/**/*.txt', recursive=True))]
blob = ('\n\n'.join(docs) + '\n\n').encode()
with open(f'{work}/corpus-8mb.txt', 'wb') as out:
    n = 0
    while n < 8 * 1024 * 1024:
        out.write(blob); n += len(blob)
PY

swift build -c release --build-tests -Xswiftc -enable-testing >/dev/null
swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract

echo "Machine: $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
echo "Swift: $(swift --version 2>&1 | head -1)"
echo "Date: $(date -u +%Y-%m-%d)"
echo
echo "### In process: parse once, write each format (best of 3)"
echo
PLANPARSER_BENCH_CORPUS="$WORK/corpus-8mb.txt" PLANPARSER_BENCH_FORMATS=json,xlsx,html,csv,tasks-ndjson,ics \
    swift test -c release -Xswiftc -enable-testing --skip-build --filter FormatBenchmark 2>&1 \
    | sed -n '/^FORMAT-BENCH$/,/^FORMAT-BENCH-END$/p' | sed '1d;$d'

if "$BIN" --help 2>&1 | grep -q xlsx; then
    echo
    echo "### End to end: \`extract --format F corpus-8mb.txt -o FILE\` (best of 5, process start included)"
    echo
    # The formats take turns, five rounds, so that the load of a shared machine weighs on all.
    declare -A best
    for _ in 1 2 3 4 5; do
        for fmt in json xlsx html; do
            t0=$(date +%s%N)
            "$BIN" --format "$fmt" -o "$WORK/out.$fmt" "$WORK/corpus-8mb.txt" >/dev/null 2>&1
            t1=$(date +%s%N)
            wall=$(awk "BEGIN{printf \"%.3f\", ($t1 - $t0) / 1e9}")
            if [[ -z ${best[$fmt]:-} ]] || awk "BEGIN{exit !($wall < ${best[$fmt]})}"; then best[$fmt]=$wall; fi
        done
    done
    echo "| format | seconds | output MB | vs JSON |"
    echo "|---|---:|---:|---:|"
    for fmt in json xlsx html; do
        printf '| %s | %s | %.1f | %s× |\n' "$fmt" "${best[$fmt]}" \
            "$(awk "BEGIN{print $(stat -c %s "$WORK/out.$fmt") / 1048576}")" \
            "$(awk "BEGIN{printf \"%.2f\", ${best[$fmt]} / ${best[json]}}")"
    done
else
    echo
    echo "(The built extract has no --format xlsx yet: end-to-end figures need the CLI branch.)"
fi
