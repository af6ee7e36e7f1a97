#!/usr/bin/env bash
# Makes README's pictures in docs/ from the samples: the HTML report (top, task table,
# workload and timeline, phone), the HTML diff, and the XLSX workbook as LibreOffice prints it.
#
#   scripts/make-doc-pictures.sh
#
# Runs the browser and LibreOffice tests with their artifacts in a scratch folder (they write
# the report, the diff, the workbook and its PDF), then takes the screenshots with headless
# Chromium (a style rule hides the parts above the view wanted, since a headless screenshot
# is always of the top of the page) and renders PDF pages with pdftoppm. Needs chromium,
# soffice and pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

ART=$(mktemp -d "${TMPDIR:-/tmp}/planparser-pictures.XXXXXX")
trap 'rm -rf "$ART"' EXIT
PLANPARSER_ARTIFACTS="$ART" swift test --filter 'HTMLBrowserTests/screenshots|XLSXLibreOfficeTests' >/dev/null
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

shot() {  # shot OUT.png WIDTH,HEIGHT FILE.html [css to hide what is above]
    local page=$3
    if [[ -n ${4:-} ]]; then
        page="$ART/view-$(basename "$1" .png).html"
        sed "s|</head>|<style>$4</style></head>|" "$3" >"$page"
    fi
    "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$ART/profile" \
        --window-size="$2" --virtual-time-budget=5000 --screenshot="$1" "file://$page" 2>/dev/null
}

mkdir -p docs
shot docs/report.png 1280,1100 "$ART/report.html"
shot docs/report-tasks.png 1280,1300 "$ART/report.html" 'article>header,nav.jump,.outline{display:none}'
shot docs/report-timeline.png 1280,1500 "$ART/report.html" 'article>header,nav.jump,.outline,.tasks{display:none}'
shot docs/report-phone.png 390,1300 "$ART/report.html" 'article>header,nav.jump,.outline{display:none}'
shot docs/diff.png 1280,1250 "$ART/diff.html" "section#added,section#removed{display:none}"

# The workbook as LibreOffice prints it: the first page of the task sheet and of the first table.
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$ART/samples.xlsx.pdf" docs/xlsx-tasks
pages=$(pdfinfo "$ART/samples.xlsx.pdf" | awk '/^Pages:/ {print $2}')
for ((p = 1; p <= pages; p++)); do
    text=$(pdftotext -f "$p" -l "$p" "$ART/samples.xlsx.pdf" -)
    if [[ $text == *"PHỤ LỤC —"* ]]; then
        pdftoppm -png -r 80 -f "$p" -l "$p" -singlefile "$ART/samples.xlsx.pdf" docs/xlsx-table
        break
    fi
done
ls -l docs/*.png
