#!/usr/bin/env bash
# Writes samples/word/table-appendix.features.odt: LibreOffice's OpenDocument version of
# table-appendix.features.docx (footnote, fields, tracked changes, soft and non-breaking
# hyphens, content controls as LibreOffice keeps them). Its text twin is
# samples/word/table-appendix.features.txt.
#
#   scripts/make-odt-features.sh        # needs LibreOffice (soffice)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
soffice --headless --convert-to odt --outdir "$tmp" samples/word/table-appendix.features.docx >/dev/null
cp "$tmp/table-appendix.features.odt" samples/word/table-appendix.features.odt
