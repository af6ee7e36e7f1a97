#!/usr/bin/env bash
# Writes samples/recovery/lost-numbering/: a plan of our own (festival-plan.md) made a Word file
# by pandoc, whose lists are Word's automatic numbering (numbering.xml) except the first heading,
# typed `I.`; then the text docx2txt and antiword (through LibreOffice's .doc) give of it — both
# drop the automatic numbers, which LostNumbering restores (numbering-lost). The .docx is the
# twin of both texts (samples/recovery/MANIFEST.tsv).
#
#   scripts/make-lost-numbering-samples.sh     # needs pandoc, docx2txt, soffice, antiword
set -euo pipefail
cd "$(dirname "$0")/../samples/recovery/lost-numbering"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pandoc festival-plan.md -o festival-plan.docx
docx2txt festival-plan.docx > festival-plan.docx2txt.text
soffice --headless --convert-to doc --outdir "$work" festival-plan.docx >/dev/null 2>&1
antiword -m UTF-8.txt "$work/festival-plan.doc" > festival-plan.antiword.text
