#!/usr/bin/env bash
# Batch memory and linearity of `extract` (prints numbers; not a unit test).
#
#   scripts/bench-batch.sh [OTHER_BINARY]   # OTHER_BINARY: an older extract to compare with
#
# Makes a folder of N copies of every sample plan (N×18 files) for N = 56, 112, 224 (about
# 1,000, 2,000 and 4,000 files), and reports wall time and peak memory (/usr/bin/time -v,
# best of three) of `-j 1 -f ndjson` and `-j 2 -f ndjson` to /dev/null and of `-o DIR`; then
# the peak memory of refusing an endless standard input (`--max-size 1 - < /dev/zero`) and a
# 300 MB pipe with the default limit.
set -euo pipefail
cd "$(dirname "$0")/.."

OTHER=${1:-}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-batch.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract

mapfile -t SAMPLES < <(find samples -name '*.txt' | sort)
for n in 56 112 224; do
    dir="$WORK/folder-$n"
    [[ -d $dir ]] && continue
    for ((c = 1; c <= n; c++)); do
        mkdir -p "$dir/c$c"
        for f in "${SAMPLES[@]}"; do cp "$f" "$dir/c$c/${f//\//_}"; done
    done
done

# "seconds peak-MB" of the best of three runs of a command.
measure() {
    local best="" peak=0
    for _ in 1 2 3; do
        /usr/bin/time -v -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || true
        local wall kb
        wall=$(awk -F': ' '/Elapsed/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time")
        kb=$(awk -F': ' '/Maximum resident/ { print $2 }' "$WORK/time")
        if [[ -z $best ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        (( kb > peak )) && peak=$kb
    done
    echo "$best $(( peak / 1024 ))"
}

echo "| binary | files | command | seconds | peak memory |"
echo "|---|---:|---|---:|---:|"
for bin in "$BIN" ${OTHER:+"$OTHER"}; do
    label=$([[ $bin == "$BIN" ]] && echo "this build" || echo "$(basename "$bin")")
    for n in 56 112 224; do
        dir="$WORK/folder-$n"
        files=$(find "$dir" -type f | wc -l)
        for args in "-j 1 -f ndjson" "-j 2 -f ndjson" "-j 2 -f csv"; do
            # shellcheck disable=SC2086
            read -r s mb < <(measure "$bin" $args "$dir")
            echo "| $label | $files | \`$args\` | $s | $mb MB |"
        done
        rm -rf "$WORK/out"
        read -r s mb < <(measure "$bin" -j 2 -o "$WORK/out" "$dir")
        echo "| $label | $files | \`-j 2 -o DIR\` | $s | $mb MB |"
    done
done

echo
echo "| binary | input | seconds | peak memory | status |"
echo "|---|---|---:|---:|---|"
for bin in "$BIN" ${OTHER:+"$OTHER"}; do
    label=$([[ $bin == "$BIN" ]] && echo "this build" || echo "$(basename "$bin")")
    /usr/bin/time -v -o "$WORK/time" bash -c "ulimit -v 3145728; timeout 20 '$bin' --max-size 1 - < /dev/zero" >/dev/null 2>&1 && st=0 || st=$?
    echo "| $label | \`--max-size 1 - < /dev/zero\` (3 GiB cap) | $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/time") | $(( $(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time") / 1024 )) MB | $st |"
    /usr/bin/time -v -o "$WORK/time" bash -c "head -c 300000000 /dev/zero | tr '\\0' a | '$bin' -" >/dev/null 2>&1 && st=0 || st=$?
    echo "| $label | 300 MB pipe, default limit | $(awk -F': ' '/Elapsed/ {print $2}' "$WORK/time") | $(( $(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time") / 1024 )) MB | $st |"
done
