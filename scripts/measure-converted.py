#!/usr/bin/env python3
"""Write samples/word/MANIFEST.tsv and measure `extract` on the converter outputs.

    python3 scripts/measure-converted.py --write-manifest   # (re)write samples/word/MANIFEST.tsv
    python3 scripts/measure-converted.py                    # "before" table (markdown) on stdout
    python3 scripts/measure-converted.py --extract PATH     # another extract binary
    python3 scripts/measure-converted.py --json             # one JSON line per converted file

The manifest has one row per fixture: path, text twin, producer, features exercised, and the
expected outcome for a CORRECT reader (codes in samples/converted/README.md; `same` means the
same tasks, targets and header fields as `extract` gets from the twin). The measurement runs
`extract` (default .build/debug/extract) on each converted .text and on its twin and compares
them with scripts/compare-records.py: tasks matched/expected and header fields right (of 9).
Standard library only.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "samples" / "word" / "MANIFEST.tsv"
sys.path.insert(0, str(ROOT / "scripts"))
compare_records = __import__("compare-records")

TWIN = {
    "table-appendix": "samples/table-appendix.txt",
    "field-bullets": "samples/field-bullets.txt",
    "prose-bullets": "samples/prose-bullets.txt",
    "report": "samples/report.txt",
    "columns-reordered": "samples/columns-reordered.txt",
    "plan-2024": "samples/diff/plan-2024.txt",
    "plan-2025": "samples/diff/plan-2025.txt",
    "table-appendix.letterhead": "samples/word/table-appendix.letterhead.txt",
    "table-appendix.textbox": "samples/word/table-appendix.letterhead.txt",
    "table-appendix.features": "samples/word/table-appendix.features.txt",
    "field-bullets.autonum": "samples/word/field-bullets.autonum.txt",
    "prose-bullets.styles": "samples/prose-bullets.txt",
    "field-bullets.scan": "samples/field-bullets.txt",
}
BASE_FEATURES = ("letterhead table (Số | date), kind/title centred bold, typed markers, bold/italic/"
                 "superscript runs, closing table (Nơi nhận | signature), PAGE field in the header")
TABLE_FEATURES = ("appendix table in a landscape section: w:tblHeader, group rows w:gridSpan, milestone "
                  "rows w:vMerge, two-paragraph unit/product cells, spans pages")
FEATURES = {
    "table-appendix": BASE_FEATURES + "; " + TABLE_FEATURES,
    "field-bullets": BASE_FEATURES + "; kind and title in one paragraph split by w:br",
    "prose-bullets": BASE_FEATURES + "; three-line signature",
    "report": BASE_FEATURES + "; BÁO CÁO with Kính gửi, no tasks",
    "columns-reordered": BASE_FEATURES + "; " + TABLE_FEATURES + "; 7 columns in another order, "
                         "group rows I<TAB>Title (two cells), three-paragraph product cell, STT/Nội dung/"
                         "chủ trì/phối hợp merged down on the milestone row",
    "plan-2024": BASE_FEATURES + "; " + TABLE_FEATURES,
    "plan-2025": BASE_FEATURES + "; kind and title in one paragraph split by w:br",
    "table-appendix.letterhead": "issuer (UBND TỈNH … / SỞ …) and motto in the letterhead table",
    "table-appendix.textbox": "letterhead as two text boxes: mc:AlternateContent with wps Choice and VML "
                              "Fallback holding the same w:txbxContent (read it once)",
    "table-appendix.features": "w:ins kept, w:del / w:moveFrom dropped, w:moveTo kept, complex field "
                               "(CREATEDATE, result 10) and fldSimple (REF to a bookmark), PAGE as "
                               "fldChar in the header, w:hyperlink, block and inline w:sdt, w:smartTag, "
                               "w:tab after a typed marker, w:br in the signature, w:noBreakHyphen, "
                               "w:softHyphen, w:sym (Symbol ≥), superscript m², a footnote, runs split "
                               "mid-word, proofErr, lastRenderedPageBreak",
    "field-bullets.autonum": "numbering.xml: headings upperRoman %1. / decimal %2. (suff space), letters "
                             "lowerLetter %1) restarted per section with w:lvlOverride/w:startOverride "
                             "(Word writes e) where the text had đ)), decimal w:start 2 after a typed 1., "
                             "bullets - and + (two levels), Symbol U+F0B7 and Wingdings U+F0D8 bullets",
    "prose-bullets.styles": "numbering only from paragraph styles: w:pStyle -> style w:numPr through a "
                            "w:basedOn chain (VNMuc <- VNMuc1 <- VNMuc2 <- VNMuc3, VNGach <- VNCong), "
                            "abstractNum levels linked back with w:pStyle",
}
WORD_CONVERTERS = ["pandoc-plain", "pandoc-markdown", "pandoc-gfm", "libreoffice-txt", "docx2txt", "antiword"]
PDF_CONVERTERS = ["pdftotext-layout", "pdftotext"]
CONVERTER_PRODUCER = {
    "pandoc-plain": "pandoc -t plain", "pandoc-markdown": "pandoc -t markdown", "pandoc-gfm": "pandoc -t gfm",
    "libreoffice-txt": "LibreOffice txt:Text (encoded):UTF8", "docx2txt": "docx2txt",
    "antiword": "LibreOffice doc + antiword -m UTF-8.txt", "pdftotext-layout": "pdftotext -layout -enc UTF-8",
    "pdftotext": "pdftotext -enc UTF-8",
}
HAS_TABLE = {"table-appendix", "columns-reordered", "plan-2024", "table-appendix.letterhead",
             "table-appendix.textbox", "table-appendix.features"}


def expected(conv, name):
    """Outcome codes for a correct reader of CONV's output of NAME (see samples/converted/README.md)."""
    out = []
    table = name in HAS_TABLE
    if conv in ("pandoc-plain", "pandoc-markdown"):
        if table:
            out.append("groups-lost")
    # LibreOffice "Save as Text" and docx2txt print a table one cell per line, every cell (empty
    # ones too), so its rows can be counted back (Recovery/CellLineTable.swift); plain pdftotext
    # wraps cells and leaves empty ones out: its table is lost.
    if conv == "pdftotext" and table:
        out.append("table-lost")
    if conv == "antiword" and name == "columns-reordered":
        # antiword cannot lay this 7-column table out: its cells run together in one paragraph.
        out.append("table-lost")
    elif conv in ("antiword", "pdftotext-layout") and table:
        out.append("rows-ambiguous")
    if name == "field-bullets.autonum" and conv in ("docx2txt", "antiword"):
        out.append("numbering-lost")
    if name == "prose-bullets.styles":
        if conv in ("docx2txt", "antiword"):
            out.append("numbering-lost")
        if conv.startswith("pandoc"):
            out.append("numbering-wrong")
    if name == "table-appendix.textbox":
        out.append({"pandoc-plain": "letterhead-lost", "pandoc-markdown": "letterhead-lost",
                    "pandoc-gfm": "letterhead-lost", "libreoffice-txt": "letterhead-lost",
                    "docx2txt": "letterhead-doubled", "antiword": "letterhead-moved"}[conv])
    if name == "table-appendix.features" and conv in ("libreoffice-txt", "docx2txt", "antiword"):
        out.append("revisions-shown")
    if name == "field-bullets.scan":
        out = ["no-text"]
    return ",".join(out) or "same"


def manifest_rows():
    rows = []
    word = ROOT / "samples" / "word"
    for p in sorted(word.glob("*.docx")) + sorted(word.glob("*.odt")):
        stem = p.name.rsplit(".", 1)[0]
        if stem.endswith(".lo"):
            base, producer = stem[:-3], "LibreOffice 7.4 (python-docx .docx -> .odt -> .docx)"
            feats = "LibreOffice's own numbering, styles, merges and rsids; " + FEATURES[base].split(";")[0]
        elif p.suffix == ".odt":
            base, producer = stem, "LibreOffice 7.4 (--convert-to odt of the python-docx .docx)"
            feats = "ODF: text:list numbering, table:covered-table-cell merges; from " + base + ".docx"
        else:
            base, producer, feats = stem, "python-docx + docx.oxml (scripts/make-word-samples.py)", FEATURES[stem]
        rows.append((f"samples/word/{p.name}", TWIN[base], producer, feats, "same"))
    refuse = {
        "table-appendix.doc": ("Word 97-2003 binary (OLE2) from LibreOffice", "refuse: old .doc format"),
        "encrypted.docx": ("msoffcrypto-tool -e -p planparser (OLE2 with EncryptedPackage)",
                           "refuse: password-protected"),
        "table-appendix.xlsx": ("openpyxl", "refuse: a spreadsheet, not a Word document"),
        "table-appendix.pptx": ("python-pptx", "refuse: a presentation, not a Word document"),
        "truncated.docx": ("first half of table-appendix.docx", "refuse: damaged zip (no central directory)"),
        "badcrc.docx": ("stored zip, one byte of word/document.xml flipped", "refuse: CRC mismatch"),
        "bomb.docx": ("python zipfile: word/document.xml of 1 GiB of spaces, deflated",
                      "refuse: entry larger than the size limit (stop early, don't inflate)"),
        "random.docx": ("8192 random bytes (seed 2025)", "refuse: not a zip"),
        "empty.docx": ("0 bytes", "refuse: empty file"),
        "not-word.docx": ("zip holding only notes.txt", "refuse: no word/document.xml"),
    }
    for name, (producer, outcome) in refuse.items():
        if (word / "refuse" / name).exists():
            rows.append((f"samples/word/refuse/{name}", "-", producer, outcome.split(": ", 1)[1], "refuse"))
    for p in sorted((ROOT / "samples" / "pdf").glob("*.pdf")):
        stem = p.stem
        if stem.endswith(".scan"):
            rows.append((f"samples/pdf/{p.name}", TWIN[stem], "pdftoppm -r 60 -gray -jpeg + img2pdf",
                         "one page image, no text layer", "no-text"))
        else:
            rows.append((f"samples/pdf/{p.name}", TWIN[stem], "LibreOffice 7.4 --convert-to pdf of "
                         f"samples/word/{stem}.docx", "PDF of the Word fixture: page numbers, repeated "
                         "table header, rows split across pages", "same"))
    conv_dir = ROOT / "samples" / "converted"
    for conv in WORD_CONVERTERS + PDF_CONVERTERS:
        for p in sorted((conv_dir / conv).glob("*.text")):
            rows.append((f"samples/converted/{conv}/{p.name}", TWIN[p.stem], CONVERTER_PRODUCER[conv],
                         f"converter output of {'samples/pdf' if conv in PDF_CONVERTERS else 'samples/word'}"
                         f"/{p.stem}", expected(conv, p.stem)))
    return rows


def write_manifest():
    lines = ["path\ttwin\tproducer\tfeatures\texpected"]
    lines += ["\t".join(r) for r in manifest_rows()]
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")


def extract(binary, path):
    r = subprocess.run([binary, str(path)], capture_output=True, timeout=120)
    if r.returncode != 0 or not r.stdout.strip():
        return None, r.stderr.decode("utf-8", "replace").strip()
    return json.loads(r.stdout), None


def measure(binary):
    results, cache = [], {}
    for path, twin, _, _, outcome in manifest_rows():
        if not path.startswith("samples/converted/"):
            continue
        if twin not in cache:
            cache[twin] = extract(binary, ROOT / twin)[0]
        new, err = extract(binary, ROOT / path)
        conv, name = path.split("/")[2], Path(path).stem
        if new is None:
            results.append({"converter": conv, "name": name, "expected": outcome, "error": err})
            continue
        rep = compare_records.compare(cache[twin], new, compare_records.Options)
        results.append({"converter": conv, "name": name, "expected": outcome,
                        "tasksMatched": rep["tasks"]["matched"], "tasksExpected": rep["tasks"]["expected"],
                        "tasksFound": rep["tasks"]["found"], "tasksExact": rep["summary"]["tasksExact"],
                        "targets": rep["summary"]["targets"],
                        "header": sum(h["equal"] for h in rep["header"].values()),
                        "identical": rep["identical"]})
    return results


def table(results):
    def cell(r):
        if r is None:
            return ""
        if "error" in r:
            return "error"
        extra = r["tasksFound"] - r["tasksMatched"]
        s = f'{r["tasksMatched"]}/{r["tasksExpected"]}'
        if extra:
            s += f"+{extra}"
        return s + f' · {r["header"]}/9' + (" ✓" if r["identical"] else "")
    out = []
    for convs in (WORD_CONVERTERS, PDF_CONVERTERS):
        names = sorted({r["name"] for r in results if r["converter"] in convs})
        out.append("| sample | " + " | ".join(convs) + " |")
        out.append("|---|" + "---:|" * len(convs))
        for n in names:
            row = [next((r for r in results if r["converter"] == c and r["name"] == n), None) for c in convs]
            out.append(f"| {n} | " + " | ".join(cell(r) for r in row) + " |")
        out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-manifest", action="store_true")
    ap.add_argument("--extract", default=str(ROOT / ".build" / "debug" / "extract"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.write_manifest:
        write_manifest()
        return 0
    results = measure(args.extract)
    if args.json:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
    else:
        print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
