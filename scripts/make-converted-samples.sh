#!/usr/bin/env bash
# Run the usual converters over the Word and PDF fixtures and keep their text output as fixtures.
#
#   scripts/make-converted-samples.sh                 # samples/word + samples/pdf -> samples/converted
#   scripts/make-converted-samples.sh --word DIR --pdf DIR --out DIR
#                                                     # any folders (e.g. /tmp/seed-fixtures)
#
# Output: OUT/<converter>/<name>.text, <name> being the input's file name without .docx/.pdf
# (table-appendix.features.docx -> table-appendix.features.text). The extension is .text, not
# .txt, on purpose: every samples/**/*.txt is a golden-test input (Tests/PlanParserTests/Golden),
# and these outputs are not. Converters and their exact
# commands (default options, as a user would run them):
#
#   pandoc-plain      pandoc -f docx -t plain IN -o OUT
#   pandoc-markdown   pandoc -f docx -t markdown IN -o OUT
#   pandoc-gfm        pandoc -f docx -t gfm IN -o OUT
#   libreoffice-txt   soffice --headless --convert-to "txt:Text (encoded):UTF8" IN
#   docx2txt          docx2txt IN > OUT
#   antiword          soffice --headless --convert-to "doc:MS Word 97" IN;  antiword -m UTF-8.txt IN.doc > OUT
#   pdftotext-layout  pdftotext -layout -enc UTF-8 IN.pdf OUT
#   pdftotext         pdftotext -enc UTF-8 IN.pdf OUT
#
# Word inputs: every *.docx in the word folder except *.lo.docx (LibreOffice's own re-save is
# a Word reader fixture, not a converter input). PDF inputs: every *.pdf in the pdf folder.
# The tool versions are printed at the end (they go into samples/converted/README.md).
# Outputs are deterministic for a given tool version, except that LibreOffice may differ between
# versions.
set -euo pipefail
cd "$(dirname "$0")/.."
WORD=samples/word PDF=samples/pdf OUT=samples/converted
while [ $# -gt 0 ]; do
  case "$1" in
    --word) WORD=$2; shift 2 ;;
    --pdf) PDF=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "make-converted-samples.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
PROFILE="-env:UserInstallation=file://$TMP/profile"

docs=()
for f in "$WORD"/*.docx; do
  case "$f" in *.lo.docx) continue ;; esac
  [ -e "$f" ] && docs+=("$f")
done
pdfs=()
for f in "$PDF"/*.pdf; do [ -e "$f" ] && pdfs+=("$f"); done

mkdir -p "$OUT"/{pandoc-plain,pandoc-markdown,pandoc-gfm,libreoffice-txt,docx2txt,antiword,pdftotext-layout,pdftotext}

for f in "${docs[@]}"; do
  n=$(basename "$f" .docx)
  pandoc -f docx -t plain "$f" -o "$OUT/pandoc-plain/$n.text"
  pandoc -f docx -t markdown "$f" -o "$OUT/pandoc-markdown/$n.text"
  pandoc -f docx -t gfm "$f" -o "$OUT/pandoc-gfm/$n.text"
  docx2txt "$f" > "$OUT/docx2txt/$n.text"
done

if [ ${#docs[@]} -gt 0 ]; then
  mkdir -p "$TMP/txt" "$TMP/doc"
  soffice "$PROFILE" --headless --convert-to "txt:Text (encoded):UTF8" --outdir "$TMP/txt" "${docs[@]}" >/dev/null 2>&1
  soffice "$PROFILE" --headless --convert-to "doc:MS Word 97" --outdir "$TMP/doc" "${docs[@]}" >/dev/null 2>&1
  for f in "${docs[@]}"; do
    n=$(basename "$f" .docx)
    cp "$TMP/txt/$n.txt" "$OUT/libreoffice-txt/$n.text"
    antiword -m UTF-8.txt "$TMP/doc/$n.doc" > "$OUT/antiword/$n.text"
  done
fi

for f in "${pdfs[@]}"; do
  n=$(basename "$f" .pdf)
  pdftotext -layout -enc UTF-8 "$f" "$OUT/pdftotext-layout/$n.text"
  pdftotext -enc UTF-8 "$f" "$OUT/pdftotext/$n.text"
done

echo "converted ${#docs[@]} Word and ${#pdfs[@]} PDF files into $OUT"
echo "tools:"
echo "  $(pandoc --version | head -1)"
echo "  $(soffice --version)"
echo "  docx2txt $(python3 -c 'import importlib.metadata as m; print(m.version("docx2txt"))')"
echo "  antiword $(dpkg-query -W -f '${Version}' antiword 2>/dev/null || echo '?')"
echo "  $(pdftotext -v 2>&1 | head -1)"
