#!/usr/bin/env python3
"""Write samples/recovery/: converter text the fixtures of samples/converted/ do not cover.

    python3 scripts/make-recovery-fixtures.py           # (re)write samples/recovery/*
    python3 scripts/make-recovery-fixtures.py --check   # exit 1 if a synthetic file is out of date

- html/      HTML pages of the Word fixtures, as a browser or a converter saves them:
             `pandoc -s -t html` and LibreOffice's `--convert-to html` (needs pandoc, soffice).
- multiline/ pandoc multiline tables: plan-2024.single.txt is samples/diff/plan-2024.txt with
             one paragraph per table cell (`A; B` written `A, B`), so pandoc writes a multiline
             table, not a grid table; its Word file (scripts/make-word-samples.py --from) through
             `pandoc -t plain` and `-t markdown` (needs python-docx, pandoc).
- layout/    the appendix tables of samples/table-appendix.txt and samples/columns-reordered.txt
             as `pdftotext -layout` prints them (scripts/layout_render.py), cells centred and
             hung from the top, the text before the table as it is (synthetic, no tools).
- wrapped/   samples/prose-bullets.txt and samples/field-bullets.txt as `pdftotext` prints a
             Word PDF: paragraphs wrapped at 78 columns with no blank lines between them, the
             first line indented, each bullet a Symbol glyph (U+F0B7) on a line of its own, a
             word too long for the line broken after its hyphen (`NĐ-` / `CP`) (synthetic).

Every file is named `.text` (not a golden-test input) and has a text twin (MANIFEST.tsv: path,
twin, what a correct reader gives: `same`). The synthetic files are deterministic; --check
rewrites them in memory and compares. Standard library only (plus the tools named above).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "recovery"
sys.path.insert(0, str(ROOT / "scripts"))
import layout_render  # noqa: E402

GLYPH = "\uf0b7"


def split_table(text):
    """(lines before the table, header cells, rows, lines after the table) of a text sample."""
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if "\t" in l)
    end = start
    while end < len(lines) and ("\t" in lines[end] or not lines[end].strip()):
        end += 1
    header = lines[start].split("\t")
    rows = []
    for l in lines[start + 1:end]:
        if not l.strip():
            continue
        cells = l.split("\t") + [""] * (len(header) - len(l.split("\t")))
        filled = [c for c in cells if c.strip()]
        if cells[0].strip() and len(filled) == 1:
            rows.append(("group", cells[0]))
        elif cells[0].strip() and not cells[1].strip() and len(filled) == 2 and cells[2:] == [""] * (len(cells) - 2):
            rows.append(("group", cells[0]))
        elif len(filled) == 2 and cells[0].strip() and cells[1].strip() and all(not c.strip() for c in cells[2:]):
            rows.append(("group", cells[0] + ". " + cells[1] if not cells[0].endswith(".") else cells[0] + " " + cells[1]))
        elif not cells[0].strip() and cells[1].strip() and rows and rows[-1][0] == "row":
            # A page-break continuation row: part of the row above.
            prev = rows[-1][1]
            rows[-1] = ("row", [(p + " " + c).strip() if c.strip() else p for p, c in zip(prev, cells)])
        else:
            rows.append(("row", cells))
    return lines[:start], header, rows, lines[end:]


def layout(src, align, widths):
    before, header, rows, after = split_table(src.read_text(encoding="utf-8"))
    table = layout_render.render_rows(header, rows, widths, align=align, page_lines=34)
    return "\n".join(before).rstrip("\n") + "\n\n" + table + "\n".join(after)


def wrap_line(text, width, indent):
    """Greedy wrap; a token longer than the room left breaks after a hyphen inside it."""
    out, line = [], " " * indent
    for token in text.split(" "):
        room = width - len(line) - (0 if line.strip() == "" else 1)
        if len(token) <= room:
            line = (line + " " + token) if line.strip() else line + token
            continue
        cut = token.rfind("-", 0, room)
        if cut > 0 and cut + 1 < len(token) and line.strip():
            line += " " + token[:cut + 1]
            token = token[cut + 1:]
        if line.strip():
            out.append(line)
        line = token
    if line.strip():
        out.append(line)
    return out


def wrapped(src):
    """The body without blank lines; the header block and the closing keep theirs, as
    pdftotext prints a Word PDF (vertical space there), and the closing's typed dashes stay."""
    out = []
    lines = src.read_text(encoding="utf-8").split("\n")
    body = next(i for i, l in enumerate(lines) if l.startswith(("Căn cứ", "Thực hiện", "Triển khai")))
    closing = next((i for i, l in enumerate(lines) if l.startswith("Nơi nhận")), len(lines))
    for i, line in enumerate(lines):
        if not line.strip():
            if i < body or i >= closing:
                out.append("")
            continue
        if body <= i < closing and line.startswith("- ") and not line.startswith("- +"):
            out.append("     " + GLYPH)
            line = line[2:]
        if i == closing:
            out.append("")
        out.extend(wrap_line(line, 78, 5 if body <= i < closing else 0))
    return "\n".join(out) + "\n"


SYNTHETIC = {
    "layout/table-appendix.centred.text": (lambda: layout(ROOT / "samples/table-appendix.txt", "center", [4, 40, 20, 20, 20, 16]),
                                           "samples/table-appendix.txt"),
    "layout/table-appendix.top.text": (lambda: layout(ROOT / "samples/table-appendix.txt", "top", [4, 40, 20, 20, 20, 16]),
                                       "samples/table-appendix.txt"),
    "layout/columns-reordered.top.text": (lambda: layout(ROOT / "samples/columns-reordered.txt", "top", [4, 34, 18, 18, 16, 18, 14]),
                                          "samples/columns-reordered.txt"),
    "wrapped/prose-bullets.text": (lambda: wrapped(ROOT / "samples/prose-bullets.txt"), "samples/prose-bullets.txt"),
    "wrapped/field-bullets.text": (lambda: wrapped(ROOT / "samples/field-bullets.txt"), "samples/field-bullets.txt"),
}
CONVERTED = {
    "html/table-appendix.pandoc.text": "samples/table-appendix.txt",
    "html/table-appendix.libreoffice.text": "samples/table-appendix.txt",
    "html/plan-2024.pandoc.text": "samples/diff/plan-2024.txt",
    "multiline/plan-2024.single.pandoc-plain.text": "samples/recovery/multiline/plan-2024.single.txt",
    "multiline/plan-2024.single.pandoc-markdown.text": "samples/recovery/multiline/plan-2024.single.txt",
}


def run(cmd, **kw):
    subprocess.run(cmd, check=True, capture_output=True, **kw)


def converted():
    for tool in ("pandoc", "soffice"):
        if not shutil.which(tool):
            sys.exit(f"make-recovery-fixtures: {tool} is needed for html/ and multiline/")
    (OUT / "html").mkdir(parents=True, exist_ok=True)
    (OUT / "multiline").mkdir(parents=True, exist_ok=True)
    word = ROOT / "samples" / "word"
    run(["pandoc", "-s", "-f", "docx", "-t", "html", "--metadata", "title=Kế hoạch", str(word / "table-appendix.docx"),
         "-o", str(OUT / "html/table-appendix.pandoc.text")])
    run(["pandoc", "-s", "-f", "docx", "-t", "html", "--metadata", "title=Kế hoạch", str(word / "plan-2024.docx"),
         "-o", str(OUT / "html/plan-2024.pandoc.text")])
    with tempfile.TemporaryDirectory() as tmp:
        run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "html", "--outdir", tmp,
             str(word / "table-appendix.docx")])
        shutil.copy(Path(tmp) / "table-appendix.html", OUT / "html/table-appendix.libreoffice.text")
        # One paragraph per cell: the semicolon lists of samples/diff/plan-2024.txt written with commas.
        single = []
        for line in (ROOT / "samples/diff/plan-2024.txt").read_text(encoding="utf-8").split("\n"):
            if "\t" in line:
                line = "\t".join(c.replace("; ", ", ").rstrip(";") for c in line.split("\t"))
            single.append(line)
        twin = OUT / "multiline/plan-2024.single.txt"
        twin.write_text("\n".join(single), encoding="utf-8")
        run([sys.executable, str(ROOT / "scripts/make-word-samples.py"), "--from", str(twin), "--out", tmp])
        docx = Path(tmp) / "plan-2024.single.docx"
        shutil.copy(docx, OUT / "multiline/plan-2024.single.docx")
        run(["pandoc", "-f", "docx", "-t", "plain", str(docx), "-o", str(OUT / "multiline/plan-2024.single.pandoc-plain.text")])
        run(["pandoc", "-f", "docx", "-t", "markdown", str(docx), "-o",
             str(OUT / "multiline/plan-2024.single.pandoc-markdown.text")])


def manifest():
    rows = ["path\ttwin\texpected"]
    for name, (_, twin) in SYNTHETIC.items():
        rows.append(f"samples/recovery/{name}\t{twin}\tsame")
    for name, twin in CONVERTED.items():
        rows.append(f"samples/recovery/{name}\t{twin}\tsame")
    return "\n".join(rows) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale = []
    for name, (make, _) in SYNTHETIC.items():
        path = OUT / name
        text = make()
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if args.check:
        if (OUT / "MANIFEST.tsv").read_text(encoding="utf-8") != manifest():
            stale.append("MANIFEST.tsv")
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    converted()
    (OUT / "MANIFEST.tsv").write_text(manifest(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
