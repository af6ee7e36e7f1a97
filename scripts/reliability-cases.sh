#!/usr/bin/env bash
# Runs every case of the reliability issue ("Never lose or corrupt a user's files") against the
# release `extract` and prints one Markdown row per case: the command, its exit status, the
# bytes it left on disk, seconds and peak memory (prints numbers; not a unit test — the unit
# tests are in Tests/ExtractTests).
#
#   scripts/reliability-cases.sh [BINARY]
#
# Cases that need root (a tmpfs full disk, running as `nobody`) are marked "skipped" without it.
# Memory on large inputs: scripts/bench-memory.sh; diff scaling: scripts/bench-diff.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [[ -n ${1:-} ]]; then
    BIN=$(realpath "$1")
else
    swift build -c release --product extract >/dev/null || exit 1
    BIN=$(swift build -c release --show-bin-path)/extract
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/reliability.XXXXXX")
chmod 755 "$W"
cleanup() { mountpoint -q "$W/full" 2>/dev/null && umount "$W/full"; rm -rf "$W"; }
trap cleanup EXIT
cd "$W"
PLAN=$ROOT/samples/table-appendix.txt
cp "$ROOT/samples/field-bullets.txt" plan.txt
cp "$ROOT/samples/diff/plan-2025.txt" new.txt
ROOT_USER=0; [[ $(id -u) == 0 ]] && ROOT_USER=1

# row DESCRIPTION COMMAND…: runs the command under /usr/bin/time, prints status, seconds, peak MB
# and the first line of stderr; `BYTES` (a path glob) names what to measure on disk after it.
row() {
    local what=$1; shift
    /usr/bin/time -f "%e %M" -o time.out bash -c "$*" >stdout.out 2>stderr.out
    local status=$?
    read -r secs kb < <(tail -1 time.out)
    local bytes=""
    # The bytes of the regular files under BYTES (a file or a folder).
    if [[ -n ${BYTES:-} ]]; then bytes=$(find $BYTES -type f -printf '%s\n' 2>/dev/null | awk '{s += $1} END {print s + 0}'); fi
    local err; err=$(grep -v '^Command exited' stderr.out | head -3 | sed -E 's/^(.{40}).{10,}(.{60})$/\1…\2/' | paste -sd '~' | sed 's/~/ ⏎ /g; s/|/\\|/g')
    printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$what" "$(sed 's/|/\\|/g' <<<"$*" | sed "s#$BIN#extract#g; s#$ROOT/##g")" \
        "$status" "${bytes:--}" "$secs" "$((kb / 1024))" "${err:--}"
    BYTES=""
}

echo "| case | command | status | bytes on disk | s | peak MB | stderr (first line) |"
echo "|---|---|---:|---:|---:|---:|---|"

# Write errors.
if (( ROOT_USER )); then
    mkdir full && mount -t tmpfs -o size=64k tmpfs full
    BYTES="full" row "full disk, one file" "$BIN -o full/x.json $PLAN"
    mkdir five; for i in 1 2 3 4 5; do cp "$PLAN" five/p$i.txt; done
    BYTES="full" row "full disk, folder of 5" "$BIN -o full/out five"
    # The diff's JSON (49 KB) fits in 64 KB: most of the disk is taken first.
    head -c 40000 /dev/zero > full/filler
    BYTES="full" row "full disk, diff -o (40 KB filler on it)" "$BIN diff -o full/d.json $ROOT/samples/diff/plan-2024.txt new.txt"
    umount full
else
    echo "| full disk (tmpfs) | — | skipped: needs root to mount | | | | |"
fi
for sub in "" "diff $ROOT/samples/diff/plan-2024.txt" "tables" "units" "outline" "-f csv"; do
    if [[ $sub == diff* ]]; then row "/dev/full" "$BIN $sub new.txt > /dev/full"
    else row "/dev/full" "$BIN $sub $PLAN > /dev/full"; fi
done
row "closed pipe" "$BIN $PLAN | head -c 10 >/dev/null; echo \${PIPESTATUS[0]} >&2"

# Inputs never overwritten.
mkdir s && cp plan.txt s/a.txt
BYTES="s/a.txt" row "--stats -o input folder" "$BIN --stats -o s s && cmp -s s/a.txt plan.txt && ls s >&2"
cp plan.txt in.txt
BYTES="in.txt" row "output is the input" "$BIN -f json -o in.txt in.txt"
BYTES="in.txt" row "stdout appended onto the input" "$BIN in.txt >> in.txt"

# Bounded reading.
row "stdin /dev/zero, --max-size 1" "ulimit -v 3145728; $BIN --max-size 1 - < /dev/zero"
row "stdin /dev/zero, default limit" "ulimit -v 3145728; $BIN - < /dev/zero"
row "file /dev/zero" "$BIN /dev/zero"
head -c 300000000 /dev/zero | tr '\0' 'a' > big.txt
row "300 MB on stdin" "$BIN - < big.txt"
row "300 MB file" "$BIN big.txt"
rm -f big.txt

# Name clashes.
mkdir -p d1 d2 c && cp plan.txt d1/plan.txt && cp plan.txt d2/plan.txt && cp plan.txt c/a.txt && cp plan.txt c/a.TXT
BYTES="out1" row "two inputs, one output name" "$BIN -o out1 d1/plan.txt d2/plan.txt"
BYTES="out2" row "a.txt and a.TXT" "$BIN -o out2 c"

# Folder walks.
mkdir -p walk/sub && cp plan.txt walk/a.txt && cp plan.txt walk/sub/b.txt
ln -s .. walk/sub/up; ln -s . walk/me; mkfifo walk/p.txt
row "link loop, ln -s . me, FIFO p.txt" "timeout 60 $BIN -f ndjson walk | wc -l >&2"
if (( ROOT_USER )) && command -v runuser >/dev/null; then
    mkdir -p nob/locked && cp plan.txt nob/a.txt && cp plan.txt nob/locked/b.txt && chmod 700 nob/locked
    row "unreadable sub-folder as nobody" "runuser -u nobody -- $BIN --stats nob"
else
    echo "| unreadable sub-folder as nobody | — | skipped: needs root | | | | |"
fi
# 45 folders of 95 letters, made one level at a time (a single mkdir -p would pass PATH_MAX).
(mkdir deep && cd deep && name=$(printf 'd%.0s' $(seq 1 95)) && for _ in $(seq 1 45); do mkdir "$name" && cd "$name"; done && cp "$W/plan.txt" x.txt)
row "path longer than PATH_MAX" "$BIN --stats deep"
mkdir -p out3 outside && echo keep > outside/keep.json && ln -s ../outside/keep.json out3/a.json && cp plan.txt a.txt
BYTES="outside/keep.json" row "symlink planted in -o DIR" "$BIN -o out3 a.txt && cat outside/keep.json >&2"

# Terminal text.
printf 'KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Tiêu đề \033]0;pwned\007 và \033[2J xóa màn hình\n\na) Sở Nội vụ chủ trì \033[31m đỏ\n' > esc.txt
# stderr: how many raw ESC bytes reached the terminal text, then its last lines.
row "escapes in outline" "$BIN outline esc.txt > o.txt; s=\$?; grep -c \$'\\033' o.txt >&2; tail -2 o.txt >&2; exit \$s"
row "escapes in units" "$BIN units esc.txt > o.txt; s=\$?; grep -c \$'\\033' o.txt >&2; exit \$s"
row "escapes in diff" "$BIN diff esc.txt plan.txt > o.txt; s=\$?; grep -c \$'\\033' o.txt >&2; exit \$s"
row "--width cuts no escape" "$BIN outline --width 24 esc.txt | tail -1 >&2"
row "missing file named with a newline" "$BIN -f json $'bad\\nerror: forged.txt' plan.txt >/dev/null"

# Nothing lost.
for t in '**' '*' '^{XT}' '** **'; do
    printf '%s\n' "$t" > remnant.txt
    row "file of only '$t'" "$BIN remnant.txt"
done

# Repeated citations: time per MB at 2.6 and 26 MB.
python3 - <<'PY'
line = "Căn cứ Quyết định số 12/QĐ-UBND ngày 1/2/2024 của UBND tỉnh về việc ban hành kế hoạch.\n"
for mb in (2.6, 26):
    with open(f"cite-{mb}.txt", "w", encoding="utf-8") as f:
        f.write("KẾ HOẠCH\n\n" + line * int(mb * 1e6 / len(line.encode())))
PY
row "citation on every line, 2.6 MB" "$BIN cite-2.6.txt >/dev/null"
row "citation on every line, 26 MB" "$BIN cite-26.txt >/dev/null"

# CSV guard and JSON escapes.
printf 'KẾ HOẠCH\n\nPHỤ LỤC\n\nSTT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n1\t"=HYPERLINK(1)\t＝SUM(A1)\tQuý I\n2\t−1+2\t\xc2\xad=1+1\tQuý II\n3\t\xe2\x80\xae=cmd\t ＠x\tQuý III\n4\tA\xe2\x80\xa8B\tSở Nội vụ\tQuý IV\n' > guard.txt
row "CSV guard (\"=, ＝, −, soft hyphen, RLO, ＠)" "$BIN -f csv guard.txt | cut -d, -f7,8 | tail -4 >&2"
row "JSON escapes U+2028" "$BIN guard.txt | grep -c 'u2028' >&2"
