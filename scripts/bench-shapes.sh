#!/usr/bin/env bash
# Time per MB of `extract` on the adversarial shapes of the speed issue, against the sample
# corpus in the same run (prints numbers; not a unit test).
#
#   scripts/bench-shapes.sh [BINARY]
#
# Shapes, made from our own words (never the seeds):
#   corpus      the sample plans one after another, about 16 MB (the reference)
#   table       one appendix table of 200,000 rows
#   headings    100,000 numbered headings, each with one line of text
#   citations   100,000 distinct citations (`Quyết định số N/QĐ-UBND ngày …`)
#   bullets     one item followed by 800,000 field bullets
#   paragraph   one 50 MB paragraph hard-wrapped at 80 columns
# Each runs as `extract FILE` (JSON to /dev/null), best of three; the ratio is its time per MB
# over the corpus's (the issue asks for at most 3×), the memory its peak over 3 × input + 50 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-shapes.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT
if [[ -n ${1:-} ]]; then
    BIN=$(realpath "$1")
else
    swift build -c release --product extract >/dev/null
    BIN=$(swift build -c release --show-bin-path)/extract
fi

python3 - "$WORK" <<'PY'
import glob, os, random, sys
work = sys.argv[1]
def write(name, text_iter):
    path = f'{work}/{name}.txt'
    if os.path.exists(path):
        return
    with open(path, 'w', encoding='utf-8') as f:
        for t in text_iter:
            f.write(t)
docs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('samples/**/*.txt', recursive=True))]
blob = '\n\n'.join(docs) + '\n\n'
write('corpus', (blob for _ in range(max(1, (16 << 20) // len(blob.encode())))))
random.seed(7)
words = 'xây dựng kế hoạch triển khai thực hiện cải cách hành chính năm văn bản kiểm tra báo cáo'.split()
def title(n):
    return ' '.join(random.choice(words) for _ in range(n))
head = 'KẾ HOẠCH\n\nThử nghiệm năm 2025\n\n'
write('table', [head, 'PHỤ LỤC\n\nSTT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm\tThời gian\n']
      + [f'{n}\t{title(10)}\tVăn phòng Sở\tThanh tra Sở\tBáo cáo\tQuý {n % 4 + 1}/2025\n' for n in range(1, 200_001)])
write('headings', [head, 'II. NHIỆM VỤ\n\n'] + [f'{n}. {title(6)}\n\n{title(14)}.\n\n' for n in range(1, 100_001)])
write('citations', [head, 'I. CĂN CỨ\n\n']
      + [f'- Quyết định số {n}/QĐ-UBND ngày {n % 28 + 1}/{n % 12 + 1}/2024 của UBND tỉnh về {title(5)}.\n' for n in range(1, 100_001)])
write('bullets', [head, 'II. NHIỆM VỤ\n\n1. Công tác chỉ đạo\n\na) Xây dựng kế hoạch kiểm tra.\n']
      + [f'- Đơn vị phối hợp: Phòng {n}\n' for n in range(800_000)])
def wrapped():
    yield head + 'II. NHIỆM VỤ\n\n1. Nội dung\n\n'
    line, size = [], 0
    while size < 50 * 1000 * 1000:
        w = random.choice(words)
        if sum(len(x) + 1 for x in line) + len(w) > 80:
            text = ' '.join(line) + '\n'
            size += len(text.encode())
            yield text
            line = []
        line.append(w)
    yield ' '.join(line) + '.\n'
write('paragraph', wrapped())
PY

best() {  # FILE → "seconds peakMB"
    local b="" m=0
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" "$1" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; return 1; }
        read -r s kb < "$WORK/time"
        if [[ -z $b ]] || awk "BEGIN{exit !($s < $b)}"; then b=$s; fi
        (( kb / 1024 > m )) && m=$((kb / 1024))
    done
    echo "$b $m"
}

printf '# Adversarial shapes — %s, %s\n\n' "$(uname -srm)" "$(date +%F)"
printf '| input | MB | seconds | ms/MB | vs corpus | peak MB | budget 3×+50 |\n|---|---:|---:|---:|---:|---:|---:|\n'
ref=""
for shape in corpus table headings citations bullets paragraph; do
    f="$WORK/$shape.txt"
    mb=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$f") / 1048576}")
    read -r s m < <(best "$f")
    per=$(awk "BEGIN{printf \"%.1f\", $s * 1000 / $mb}")
    [[ -z $ref ]] && ref=$per
    printf '| %s | %s | %s | %s | %s× | %s | %s |\n' "$shape" "$mb" "$s" "$per" \
        "$(awk "BEGIN{printf \"%.2f\", $per / $ref}")" "$m" "$(awk "BEGIN{printf \"%.0f\", 3 * $mb + 50}")"
done
