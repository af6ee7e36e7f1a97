#!/usr/bin/env bash
# Layout-table benchmark (prints numbers; not a unit test).
#
#   scripts/bench-layout.sh              # 200-page appendix: tab table vs pdftotext -layout text
#   scripts/bench-layout.sh --pages 50   # another size
#
# scripts/gen-layout-bench.py writes one appendix twice — as a tab table and as the layout text
# poppler prints for a PDF of it (cells wrapped and centred, form feeds, page numbers, the header
# repeated on every page). The same content is parsed from both; the layout text is larger (the
# columns are padded with spaces), so time is compared per MB of input. The target: layout text
# within 3x the time per MB of the tab table. Linearity: the same at 50, 100 and 200 pages (the
# time per page stays flat). A third figure times clean text (the samples, repeated) with and
# without the recovery scan's shapes, to show the scan costs clean text nothing visible.
# Every figure is the best of five runs (PLANPARSER_TIMING stage times, summed).
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=(50 100 200)
[[ ${1:-} == --pages ]] && PAGES=("$2")

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-layout.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract

# best_of5 FILE: the least total parse time (seconds) over five runs, and the recovery stage's.
best_of5() {
    local best="" rec=""
    for _ in 1 2 3 4 5; do
        PLANPARSER_TIMING=1 "$BIN" --compact "$1" >/dev/null 2>"$WORK/timing"
        local total stage
        total=$(awk -F': ' '{ split($2, a, " "); s += a[1] } END { printf "%.6f", s / 1e6 }' "$WORK/timing")
        stage=$(awk -F': ' '$1 == "recovery" { split($2, a, " "); printf "%.6f", a[1] / 1e6 }' "$WORK/timing")
        if [[ -z $best ]] || awk "BEGIN { exit !($total < $best) }"; then best=$total; rec=${stage:-0}; fi
    done
    echo "$best ${rec:-0}"
}

mb() { awk "BEGIN { printf \"%.3f\", $(stat -c %s "$1") / 1048576 }"; }

echo "| pages | tab table: MB · s · s/MB | layout text: MB · s · s/MB (recovery s) | layout / tab per MB |"
echo "|---:|---|---|---:|"
for p in "${PAGES[@]}"; do
    python3 scripts/gen-layout-bench.py --pages "$p" --out "$WORK/$p" >/dev/null
    read -r tt _ < <(best_of5 "$WORK/$p/tab.txt")
    read -r lt lr < <(best_of5 "$WORK/$p/layout.txt")
    tm=$(mb "$WORK/$p/tab.txt")
    lm=$(mb "$WORK/$p/layout.txt")
    awk -v p="$p" -v tm="$tm" -v tt="$tt" -v lm="$lm" -v lt="$lt" -v lr="$lr" 'BEGIN {
        printf "| %d | %.2f · %.3f · %.3f | %.2f · %.3f · %.3f (%.3f) | %.2f× |\n", p, tm, tt, tt / tm, lm, lt, lt / lm, lr, (lt / lm) / (tt / tm) }'
done

# Clean text: the samples one after another (about 8 MB); the recovery scan finds no shape.
python3 - "$WORK/clean.txt" <<'PY'
import glob, sys
docs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('samples/*.txt')) + sorted(glob.glob('samples/diff/*.txt'))]
blob = ('\n\n'.join(docs) + '\n\n').encode()
with open(sys.argv[1], 'wb') as out:
    n = 0
    while n < 8 * 1024 * 1024:
        out.write(blob); n += len(blob)
PY
read -r ct cr < <(best_of5 "$WORK/clean.txt")
awk -v m="$(mb "$WORK/clean.txt")" -v t="$ct" -v r="$cr" 'BEGIN {
    printf "\nclean text: %.2f MB in %.3f s; the recovery scan %.4f s (%.1f%% of the parse)\n", m, t, r, 100 * r / t }'
