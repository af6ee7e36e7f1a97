#!/usr/bin/env bash
# Byte-identity check for speed work (prints a summary; not a unit test).
#
#   scripts/check-identical.sh REF_BINARY NEW_BINARY [FILE ...]
#
# Runs both builds of `extract` on every file under samples/ (text and converter output, Word,
# PDF, HTML, the refused formats), the seeds in ../shared/seeds when present and any FILE given
# (e.g. the benchmark corpora), in each
# output format that parses the whole document (json, ndjson, csv, tasks-ndjson, html, ics,
# --stats, outline, units, tables), and compares the outputs byte for byte. Exits 1 on the first
# difference, naming the file and format.
set -uo pipefail
cd "$(dirname "$0")/.."
REF=$1 NEW=$2
shift 2
mapfile -t FILES < <(find samples -type f \( -name '*.txt' -o -name '*.text' -o -name '*.md' -o -name '*.tsv' -o -name '*.docx' \
    -o -name '*.doc' -o -name '*.odt' -o -name '*.pdf' -o -name '*.html' -o -name '*.htm' -o -name '*.xlsx' -o -name '*.pptx' \) | sort)
if [[ -d ../shared/seeds ]]; then FILES+=(../shared/seeds/*.txt); fi
FILES+=("$@")
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
n=0
for f in "${FILES[@]}"; do
    for mode in "-f json" "-f ndjson" "-f csv" "-f tasks-ndjson" "-f html" "-f ics" "--stats" "outline" "units" "tables"; do
        case $mode in outline|units|tables) args=("$mode" "$f");; *) read -ra opts <<<"$mode"; args=("${opts[@]}" "$f");; esac
        "$REF" "${args[@]}" >"$WORK/a" 2>"$WORK/ae"; ra=$?
        "$NEW" "${args[@]}" >"$WORK/b" 2>"$WORK/be"; rb=$?
        if (( ra != rb )) || ! cmp -s "$WORK/a" "$WORK/b" || ! cmp -s "$WORK/ae" "$WORK/be"; then
            echo "DIFFERENT: $mode $f (status $ra vs $rb)"; diff <(head -c 2000000 "$WORK/a") <(head -c 2000000 "$WORK/b") | head -20
            exit 1
        fi
        n=$((n + 1))
    done
done
echo "identical: $n runs over ${#FILES[@]} files"
