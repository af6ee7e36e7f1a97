#!/usr/bin/env bash
# Times `extract diff` (not a unit test: it prints numbers).
#
#   scripts/bench-diff.sh [TASKS] [SEED]      # defaults: 5000 1
#   BIG=1 scripts/bench-diff.sh               # also an ≈85 MB table diffed with itself (≈1.5 GB, a minute)
#
# Builds the release binary, then
#   1. the pairing benchmark: a 2024 plan (appendix table) and its 2025 successor (field
#      bullets) from scripts/gen-diff-bench.py (year shift, ~5% reworded, ~3% moved, ~2%
#      removed, ~2% added, some lead/time/product changes): `extract --stats` on both (parsing
#      alone), `extract diff --format json` and `extract diff` (text), and the pairing scored
#      against the generator's truth;
#   2. the scaling cases: `--shape small-vocab` (table tasks whose titles reuse 20 words,
#      10,000 vs 40,000 tasks a side) and `--shape long-title` (one title of 32,000 vs 128,000
#      words), with the ratio of the two times;
#   3. with BIG=1, a ≈85 MB appendix table diffed with itself.
# Every figure is the best of three wall times (clock around the process) and of three cpu
# times (user + system, from wait4), with the peak resident memory; "diff's own" is
# the peak of the diff's structures above the two parsed plans, from the PLANPARSER_TIMING
# memory probe. On a shared machine the cpu times are the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${1:-5000}
SEED=${2:-1}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-diff.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract
GEN=scripts/gen-diff-bench.py

# best_of3 COMMAND...: sets WALL (best seconds), CPU (best user + system seconds), RSS (peak
# MB) and OWN (the diff's own MB). Each run is timed by Python's os.wait4: wall clock around the
# process, its cpu time in microseconds and its peak resident size.
best_of3() {
    read -r WALL CPU RSS < <(python3 - "$WORK/stderr" "$@" <<'PY'
import os, subprocess, sys, time
err, cmd = sys.argv[1], sys.argv[2:]
env = dict(os.environ, PLANPARSER_TIMING="1")
best = cpu = None
rss = 0
for _ in range(3):
    with open(os.devnull, "wb") as out, open(err, "wb") as e:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=e, env=env)
        _, _, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
    best = wall if best is None else min(best, wall)
    c = usage.ru_utime + usage.ru_stime
    cpu = c if cpu is None else min(cpu, c)
    rss = max(rss, usage.ru_maxrss)
print(f"{best:.3f} {cpu:.3f} {rss // 1024}")
PY
)
    OWN=$(sed -n 's/.*the diff.s own \([0-9]*\) MB.*/\1/p' "$WORK/stderr" | tail -n 1)
    OWN=${OWN:--}
}

line() {  # LABEL: prints the last best_of3 figures
    printf '%-44s wall %7.3f s  cpu %7.3f s  peak %5d MB  diff'"'"'s own %4s MB\n' "$1" "$WALL" "$CPU" "$RSS" "$OWN"
}

mb() { awk "BEGIN{printf \"%.1f\", $(stat -c %s "$1") / 1048576}"; }

echo "== pairing benchmark: $TASKS tasks, seed $SEED"
python3 "$GEN" "$WORK/pair" --tasks "$TASKS" --seed "$SEED" >/dev/null
OLD=$WORK/pair/plan-2024.txt
NEW=$WORK/pair/plan-2025.txt
echo "inputs: $(mb "$OLD") MB + $(mb "$NEW") MB"
best_of3 "$BIN" --stats "$OLD" "$NEW"; line "parse both (extract --stats)"
best_of3 "$BIN" diff --format json -o "$WORK/diff.json" "$OLD" "$NEW"; line "extract diff --format json"
best_of3 "$BIN" diff -o "$WORK/diff.txt" "$OLD" "$NEW"; line "extract diff (text)"
python3 "$GEN" --score "$WORK/pair/truth.json" "$WORK/diff.json"

echo
echo "== scaling"
# scale SHAPE LABEL ARGS...: one case; prints its line and sets LAST and LASTCPU.
scale() {
    local shape=$1 label=$2; shift 2
    python3 "$GEN" "$WORK/$shape" --shape "$shape" "$@" >/dev/null
    best_of3 "$BIN" diff -o "$WORK/scale.txt" "$WORK/$shape/plan-2024.txt" "$WORK/$shape/plan-2025.txt"
    line "$label ($(mb "$WORK/$shape/plan-2024.txt") MB a side)"
    LAST=$WALL
    LASTCPU=$CPU
    rm -rf "${WORK:?}/$shape"
}
ratio() {  # A B ACPU BCPU WHAT AIM
    echo "  $(awk "BEGIN{printf \"%.1f\", $2 / $1}")× the wall time, $(awk "BEGIN{printf \"%.1f\", $4 / $3}")× the cpu time for $5 (aim: within $6)"
}
scale small-vocab "small-vocab 10,000 × 10,000 tasks" --tasks 10000 --seed "$SEED"; A=$LAST; AC=$LASTCPU
scale small-vocab "small-vocab 40,000 × 40,000 tasks" --tasks 40000 --seed "$SEED"; B=$LAST; BC=$LASTCPU
ratio "$A" "$B" "$AC" "$BC" "4× the tasks" "6×"
scale long-title "long title of 32,000 words" --words 32000 --seed "$SEED"; A=$LAST; AC=$LASTCPU
scale long-title "long title of 128,000 words" --words 128000 --seed "$SEED"; B=$LAST; BC=$LASTCPU
ratio "$A" "$B" "$AC" "$BC" "4× the words" "4×"

if [[ ${BIG:-0} == 1 ]]; then
    echo
    echo "== an appendix table diffed with itself"
    python3 "$GEN" "$WORK/big" --tasks 450000 --seed "$SEED" --only-old >/dev/null
    T=$WORK/big/plan-2024.txt
    echo "input: $(mb "$T") MB"
    best_of3 "$BIN" --stats "$T"; line "parse (extract --stats)"
    best_of3 "$BIN" diff -o "$WORK/big.txt" "$T" "$T"; line "extract diff (text)"
fi
