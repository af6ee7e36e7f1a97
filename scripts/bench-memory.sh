#!/usr/bin/env bash
# Peak memory of `extract` on the input shapes of the reliability issue (prints numbers; not a
# unit test), each against the budget "4 × input + 50 MB".
#
#   scripts/bench-memory.sh [--quick] [OTHER_BINARY]
#
# Shapes, made from samples/ (our own text, never the seeds):
#   table      an appendix table of long rows (the rows of samples/table-appendix.txt repeated)
#   short      a table of short task rows (about 90 bytes a row, every row a task)
#   citations  one citation repeated on every line (the quadratic case)
#   prose      the sample plans one after another
# Each runs as `extract FILE` (JSON to /dev/null), `extract tables FILE` and `extract -j 1 -f
# ndjson FILE`; `diff` runs on the table with itself. Sizes: 250 MB (25 MB with --quick).
# With OTHER_BINARY (an older extract) the same runs are measured for it on the same files.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=250
if [[ ${1:-} == --quick ]]; then MB=25; shift; fi
OTHER=${1:-}
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-memory.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract

python3 - "$WORK" "$MB" <<'PY'
import glob, os, random, sys
work, mb = sys.argv[1], int(sys.argv[2])
limit = mb * 1000 * 1000
def write(name, head, rows):
    path = f'{work}/{name}-{mb}mb.txt'
    if os.path.exists(path):
        return
    with open(path, 'w', encoding='utf-8') as f:
        f.write(head)
        size = len(head.encode())
        while size < limit:
            for r in rows:
                f.write(r + '\n')
                size += len(r.encode()) + 1
                if size >= limit:
                    break
lines = open('samples/table-appendix.txt', encoding='utf-8').read().split('\n')
i = next(k for k, l in enumerate(lines) if l.startswith(('STT\t', 'TT\t')))
write('table', '\n'.join(lines[:i + 1]) + '\n', [l for l in lines[i + 1:] if '\t' in l])
random.seed(3)
words = 'xây dựng kế hoạch triển khai thực hiện cải cách hành chính năm văn bản'.split()
short = [f'{n % 90 + 1}\t' + ' '.join(random.choice(words) for _ in range(6))
         + '\tBáo cáo\tVăn phòng Sở\tThanh tra Sở\tQuý I/2024' for n in range(9000)]
write('short', 'PHỤ LỤC\nSTT\tNhiệm vụ\tKết quả\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n', short)
write('citations', 'KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n',
      [f'{n % 9 + 1}. Thực hiện Quyết định số 12/QĐ-UBND ngày 1/2/2024 của UBND tỉnh, mục {n}.' for n in range(1000)])
docs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('samples/*.txt'))]
write('prose', '', ('\n\n'.join(docs)).split('\n'))
PY

# Peak RSS in MB of a command, its output thrown away.
peak() {
    /usr/bin/time -f "%M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || true
    awk '{printf "%.0f", $1 / 1024}' "$WORK/time"
}

report() {  # label binary
    local label=$1 bin=$2
    printf '\n%s (%s)\n\n' "$label" "$bin"
    printf '| input | MB | extract JSON | tables | -j1 ndjson | budget 4×+50 | worst ratio |\n|---|---:|---:|---:|---:|---:|---:|\n'
    for shape in table short citations prose; do
        local f="$WORK/$shape-${MB}mb.txt"
        local size json tables nd budget worst
        size=$(awk "BEGIN{printf \"%.0f\", $(stat -c %s "$f") / 1048576}")
        json=$(peak "$bin" "$f")
        tables=$(peak "$bin" tables "$f")
        nd=$(peak "$bin" -j 1 -f ndjson "$f")
        budget=$((4 * size + 50))
        worst=$(printf '%s\n' "$json" "$tables" "$nd" | sort -n | tail -1)
        printf '| %s | %s | %s MB | %s MB | %s MB | %s MB | %s× |\n' "$shape" "$size" "$json" "$tables" "$nd" "$budget" \
            "$(awk "BEGIN{printf \"%.1f\", $worst / $size}")"
    done
    local t="$WORK/table-${MB}mb.txt"
    printf '\n`diff` of the table with itself: %s MB peak (budget %s MB)\n' "$(peak "$bin" diff "$t" "$t")" \
        $((4 * $(awk "BEGIN{printf \"%.0f\", $(stat -c %s "$t") / 1048576}") + 50))
}

printf '# Peak memory, %s MB inputs — %s, %s\n' "$MB" "$(uname -srm)" "$(date +%F)"
report "this build" "$BIN"
[[ -n $OTHER ]] && report "other build" "$OTHER"
exit 0
