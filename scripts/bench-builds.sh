#!/usr/bin/env bash
# Several builds of `extract` on the same corpora, interleaved (prints a Markdown table; not a
# unit test). The before/after table of BENCHMARKS.md comes from it.
#
#   scripts/bench-builds.sh DIR LABEL=BINARY [LABEL=BINARY ...]
#
# DIR holds corpus-1mb.txt, corpus-8mb.txt and corpus-64mb.txt (made by scripts/bench.sh with
# BENCH_DIR=DIR). For every corpus and output (JSON, CSV, --stats), each binary runs three times
# in turn with the others (A B C A B C …, so a drift of the machine's speed hits all alike) and
# its best wall time is printed in ms, next to the naive Python split of the same file timed
# inside Python in the same run; the last column is Python's time over the last binary's.
set -euo pipefail
DIR=$1
shift
labels=() bins=()
for a in "$@"; do labels+=("${a%%=*}"); bins+=("${a#*=}"); done
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }
header="| input | output | Python split |"
rule="|---|---|---:|"
for l in "${labels[@]}"; do header+=" $l |"; rule+="---:|"; done
echo "$header ${labels[-1]} vs Python |"
echo "$rule---:|"
for mb in 1 8 64; do
    f="$DIR/corpus-${mb}mb.txt"
    [[ -f $f ]] || continue
    py=$(python3 - "$f" <<'PY'
import sys, time
best = 1e9
for _ in range(3):
    t = time.perf_counter()
    open(sys.argv[1], encoding='utf-8').read().splitlines()
    best = min(best, time.perf_counter() - t)
print(round(best * 1000))
PY
)
    for out in JSON CSV --stats; do
        case $out in JSON) args=();; CSV) args=(--format csv);; --stats) args=(--stats);; esac
        best=()
        for i in "${!bins[@]}"; do best[i]=999999999; done
        for _ in 1 2 3; do
            for i in "${!bins[@]}"; do
                t=$(ms "${bins[i]}" "${args[@]}" "$f")
                (( t < best[i] )) && best[i]=$t
            done
        done
        row="| $mb MB | $out | $py |"
        for i in "${!bins[@]}"; do row+=" ${best[i]} |"; done
        ratio=$(awk "BEGIN{printf \"%.2f\", $py / ${best[-1]}}")
        echo "$row ${ratio}× |"
    done
done
