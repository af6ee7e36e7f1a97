#!/usr/bin/env bash
# Times `extract diff` on two synthetic 5,000-task plans (not a unit test: it prints numbers).
#
#   scripts/bench-diff.sh [TASKS] [SEED]      # defaults: 5000 1
#
# Builds the release binary, generates a 2024 plan (appendix table) and its 2025 successor
# (field bullets) with scripts/gen-diff-bench.py (year shift, ~5% reworded, ~3% moved,
# ~2% removed, ~2% added, some lead/time/product changes), then runs
#   1. `extract --stats` on both (parsing alone),
#   2. `extract diff --format json` (parsing + diff + JSON),
#   3. `extract diff` (text report),
# each under /usr/bin/time, best of 3 wall times, and scores the pairing against the truth.
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${1:-5000}
SEED=${2:-1}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-diff.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract
python3 scripts/gen-diff-bench.py "$WORK" --tasks "$TASKS" --seed "$SEED"
ls -l "$WORK"/plan-*.txt | awk '{print "  " $5 " bytes  " $9}'

# best_of3 LABEL COMMAND...: prints the best wall time and the peak memory of the three runs.
best_of3() {
    local label=$1; shift
    local best="" rss=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
        read -r wall kb < <(tail -n 1 "$WORK/time")
        if [[ -z $best ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        if [[ -z $rss ]] || (( kb > rss )); then rss=$kb; fi
    done
    printf '%-34s wall %5.2f s   peak memory %4d MB\n' "$label" "$best" $(( rss / 1024 ))
}

echo
best_of3 "parse both (extract --stats)" "$BIN" --stats "$WORK/plan-2024.txt" "$WORK/plan-2025.txt"
best_of3 "extract diff --format json" "$BIN" diff --format json -o "$WORK/diff.json" "$WORK/plan-2024.txt" "$WORK/plan-2025.txt"
best_of3 "extract diff (text)" "$BIN" diff -o "$WORK/diff.txt" "$WORK/plan-2024.txt" "$WORK/plan-2025.txt"
echo
python3 scripts/gen-diff-bench.py --score "$WORK/truth.json" "$WORK/diff.json"
