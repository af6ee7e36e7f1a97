#!/usr/bin/env bash
# Throughput benchmark for `extract` (prints numbers; not a unit test).
#
#   scripts/bench.sh            # build release, generate corpora, measure, print a Markdown report
#   scripts/bench.sh --quick    # 1 and 8 MB only, 1,000 files (a smoke run)
#
# Corpora are made from samples/ (all clean and messy sample plans, one after another): single
# files of about 1, 8 and 64 MB, and a folder of 10,000 plan files. Each is run with JSON and CSV
# output; every figure is the best of three runs, with peak memory from /usr/bin/time. Two
# reference figures are measured on the same input in the same run: `wc -l` (reading speed, the
# practical ceiling) and a naive decode-and-split in Python
# (`open(f, encoding='utf-8').read().splitlines()`, timed inside Python).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
[[ ${1:-} == --quick ]] && QUICK=1
SIZES=(1 8 64)
FILES=10000
if (( QUICK )); then SIZES=(1 8); FILES=1000; fi

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-bench.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract

python3 - "$WORK" "$FILES" "${SIZES[@]}" <<'PY'
import glob, os, sys
work, files, sizes = sys.argv[1], int(sys.argv[2]), [int(s) for s in sys.argv[3:]]
docs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('samples/**/*.txt', recursive=True))]
blob = ('\n\n'.join(docs) + '\n\n').encode()
for mb in sizes:
    with open(f'{work}/corpus-{mb}mb.txt', 'wb') as out:
        n = 0
        while n < mb * 1024 * 1024:
            out.write(blob); n += len(blob)
# About 40 KB: one plan-sized file for the start-up figure.
with open(f'{work}/plan-40kb.txt', 'wb') as out:
    out.write(blob[: 40 * 1024].rsplit(b'\n', 1)[0] + b'\n')
os.makedirs(f'{work}/folder', exist_ok=True)
raw = [d.encode() for d in docs]
for i in range(files):
    sub = f'{work}/folder/{i // 1000:02d}'
    os.makedirs(sub, exist_ok=True)
    with open(f'{sub}/plan-{i:05d}.txt', 'wb') as out:
        out.write(raw[i % len(raw)])
PY

# best WALL_SECONDS (nanosecond clock) and MAX_RSS_KB (/usr/bin/time) of three runs of a command,
# its standard output thrown away.
best_of3() {
    local best="" rss=0
    for _ in 1 2 3; do
        local t0 t1
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; return 1; }
        t1=$(date +%s%N)
        local wall kb
        wall=$(awk "BEGIN{printf \"%.3f\", ($t1 - $t0) / 1e9}")
        kb=$(tail -n 1 "$WORK/time")
        if [[ -z $best ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        (( kb > rss )) && rss=$kb
    done
    echo "$best $rss"
}

python_split() {  # seconds for the naive decode-and-split of the files given, timed inside Python
    python3 - "$@" <<'PY'
import sys, time
best = None
for _ in range(3):
    t = time.perf_counter()
    for f in sys.argv[1:]:
        open(f, encoding='utf-8').read().splitlines()
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
print(f'{best:.3f}')
PY
}

mbps() { awk "BEGIN{ if ($2 > 0) printf \"%.0f\", $1 / 1048576 / $2; else print \"-\" }"; }

echo "## Machine"
echo
echo "- $(uname -srm); $(nproc) cores; $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "- CPU: $(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo)"
echo "- $(swift --version 2>&1 | head -n 1)"
echo "- $(date -u +%Y-%m-%d)"
echo
echo "## Single files"
echo
echo "JSON, CSV and --stats with the default --jobs (a single input uses the cores for its task"
echo "extraction), and JSON with --jobs 1 (one thread); ratios are Python's time over ours."
echo
echo "| input | MB | JSON | MB/s | peak memory | JSON -j1 | MB/s | CSV | --stats | wc -l MB/s | Python split MB/s | JSON vs Python | JSON -j1 vs Python | CSV vs Python | --stats vs Python |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for mb in "${SIZES[@]}"; do
    f="$WORK/corpus-${mb}mb.txt"
    bytes=$(stat -c %s "$f")
    read -r tj mj < <(best_of3 "$BIN" "$f")
    read -r t1 _ < <(best_of3 "$BIN" --jobs 1 "$f")
    read -r tc _ < <(best_of3 "$BIN" --format csv "$f")
    read -r ts _ < <(best_of3 "$BIN" --stats "$f")
    read -r tw _ < <(best_of3 wc -l "$f")
    tp=$(python_split "$f")
    r() { awk "BEGIN{printf \"%.2f\", $tp / $1}"; }
    printf '| corpus-%smb.txt | %.1f | %s s | %s | %d MB | %s s | %s | %s s | %s s | %s | %s | %s× | %s× | %s× | %s× |\n' \
        "$mb" "$(awk "BEGIN{print $bytes/1048576}")" "$tj" "$(mbps "$bytes" "$tj")" $((mj / 1024)) \
        "$t1" "$(mbps "$bytes" "$t1")" "$tc" "$ts" "$(mbps "$bytes" "$tw")" "$(mbps "$bytes" "$tp")" \
        "$(r "$tj")" "$(r "$t1")" "$(r "$tc")" "$(r "$ts")"
done
echo
f="$WORK/plan-40kb.txt"
read -r t40 m40 < <(best_of3 "$BIN" "$f")
echo "A single $(( $(stat -c %s "$f") / 1024 )) KB plan, end to end including process start: ${t40} s (peak memory $((m40 / 1024)) MB)."
echo
echo "## A folder of $FILES plan files ($(nproc) cores, --jobs default)"
echo
total=$(du -sb "$WORK/folder" | cut -f1)
echo "| output | seconds | files/s | MB/s | peak memory |"
echo "|---|---:|---:|---:|---:|"
for fmt in ndjson csv; do
    read -r t m < <(best_of3 "$BIN" --format "$fmt" "$WORK/folder")
    printf '| %s to one stream | %s | %.0f | %s | %d MB |\n' "$fmt" "$t" "$(awk "BEGIN{print $FILES / $t}")" "$(mbps "$total" "$t")" $((m / 1024))
done
rm -rf "$WORK/out"
read -r t m < <(best_of3 "$BIN" -o "$WORK/out" "$WORK/folder")
printf '| json, one file per input (-o DIR) | %s | %.0f | %s | %d MB |\n' "$t" "$(awk "BEGIN{print $FILES / $t}")" "$(mbps "$total" "$t")" $((m / 1024))
read -r t m < <(best_of3 "$BIN" --jobs 1 --format ndjson "$WORK/folder")
printf '| ndjson, --jobs 1 | %s | %.0f | %s | %d MB |\n' "$t" "$(awk "BEGIN{print $FILES / $t}")" "$(mbps "$total" "$t")" $((m / 1024))
tp=$(python_split $(find "$WORK/folder" -name '*.txt' | sort))
printf '| (Python split of the same files) | %s | %.0f | %s | |\n' "$tp" "$(awk "BEGIN{print $FILES / $tp}")" "$(mbps "$total" "$tp")"
