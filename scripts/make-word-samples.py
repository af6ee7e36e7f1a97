#!/usr/bin/env python3
"""Write the clean text samples as real Word documents (samples/word/).

    python3 scripts/make-word-samples.py            # (re)write samples/word/*.docx and the variant twins
    python3 scripts/make-word-samples.py --check    # exit 1 if a committed python-docx file differs
    python3 scripts/make-word-samples.py --from FILE.txt --out DIR
                                                    # one text plan (e.g. a seed) -> DIR/<stem>.docx

Needs python-docx (pip install python-docx); everything python-docx has no API for
(merged cells, repeated header rows, numbering, tracked changes, fields, content controls,
text boxes, footnotes) is written as raw WordprocessingML through docx.oxml.

How a text plan becomes a document (the text is one of ours, so its layout is known):

- the lines before the kind line ("KẾ HOẠCH" / "BÁO CÁO") are the letterhead: a borderless
  two-column table, "Số: …" on the left, "Place, ngày … tháng … năm …" on the right (no
  issuer or motto is invented when the text has none; the `letterhead` variant adds both);
- kind line and title: centred, bold ("KẾ HOẠCH Title" on one line becomes "KẾ HOẠCH",
  a line break (w:br) and the title, in one paragraph);
- every other line up to "Nơi nhận:" is a paragraph; a page-break split (blank line, then a
  line that goes on in lower case after a paragraph that has not ended) is joined again;
  "**x**", "*x*" and "^{x}" become bold, italic and superscript runs;
- tab lines are a Word table: the first row is the header (w:tblHeader, repeated on every
  page), a row with text in its first cell only is a group row (one cell, w:gridSpan over all
  columns), "I<TAB>Title" a group row of two cells, a row with an empty first cell right after
  another row is a milestone row (its STT and Nhiệm vụ cells merged down from the task above,
  w:vMerge), one after a blank line is a page-break continuation (joined to the row above:
  one row in Word); a unit or product cell holding "A; B" is two paragraphs "A;" and "B", a
  continued cell piece starting with "- " is a paragraph of its own;
- "Nơi nhận:" with its list and the signature are a borderless two-column table;
- "PHỤ LỤC …" and its table follow in a landscape section.

A correct reader of any of the documents gets the same tasks, targets and header fields as
`extract` gets from the text twin (samples/word/MANIFEST.tsv). For the variants whose text
differs from the clean sample the twin is written next to the .docx (rendered from the same
model; `--check` compares those too). Files are deterministic: fixed core properties, fixed
ids, zip entries dated 2025-01-01.
"""

import argparse
import datetime
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Twips

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
WORD = SAMPLES / "word"

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
DATE = "2025-01-01T00:00:00Z"
AUTHOR = "PlanParser fixtures"

# ---------------------------------------------------------------- the text model

RE_ROMAN = re.compile(r"^((?:PHẦN\s+)?[IVXLC]+\.)\s+")
RE_ARABIC = re.compile(r"^(\d+(?:\.\d+)*\.)\s+")
RE_LETTER = re.compile(r"^([a-zđ]\))\s+")
RE_NUMPAREN = re.compile(r"^(\d+\))\s+")
RE_DASHPLUS = re.compile(r"^(- \+)\s+")
RE_DASH = re.compile(r"^(-)\s+")
RE_PLUS = re.compile(r"^(\+)\s+")
MARKERS = [("roman", RE_ROMAN), ("arabic", RE_ARABIC), ("letter", RE_LETTER),
           ("numparen", RE_NUMPAREN), ("dashplus", RE_DASHPLUS), ("dash", RE_DASH),
           ("plus", RE_PLUS)]
RE_KIND = re.compile(r"^(KẾ HOẠCH|BÁO CÁO|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|TỜ TRÌNH)(?:\s+(.+))?$")
RE_ROWNUM = re.compile(r"^\d+(?:\.\d+)*\.?$")
RE_GROUPNUM = re.compile(r"^(?:[IVXLC]+\.?|[A-Z]\.)$")


@dataclass
class Para:
    text: str                       # as in the twin (markers typed, remnants kept)
    role: str = "p"                 # roman arabic letter numparen dash plus dashplus p
    blank_before: bool = True
    xml: str | None = None          # runs XML overriding `text` (variants)
    twin: str | None = None         # twin text when it differs from `text`
    num: tuple | None = None        # (numId, ilvl) written as w:numPr
    style: str | None = None        # w:pStyle
    label: str = ""                 # computed number label for the twin (auto numbering)
    block_xml: str | None = None    # whole paragraph XML override (e.g. inside w:sdt)
    bold: bool | None = None        # None: from the role

    @property
    def marker(self):
        for role, rx in MARKERS:
            m = rx.match(self.text)
            if m and role == self.role:
                return m.group(1), self.text[m.end():]
        return None, self.text


@dataclass
class Cell:
    paras: list                     # list of str (remnants kept) or ("xml", runs, twin)
    span: int = 1
    vmerge: str | None = None       # "restart" | "continue"


@dataclass
class Row:
    kind: str                       # header group group2 task milestone other
    cells: list


@dataclass
class Table:
    rows: list
    ncols: int
    blank_before: bool = True
    merge_down: tuple = (0, 1)      # columns merged down on milestone rows


@dataclass
class Plan:
    left: list                      # letterhead left cell lines ("" = empty paragraph)
    right: list
    kind: str
    title: str
    inline_title: bool
    body: list                      # Para | Table
    closing_left: list              # "Nơi nhận:" + items
    closing_right: list             # signature lines, "" , name
    appendix: list = field(default_factory=list)   # Para | Table after the closing
    letterhead: str = "table"       # table | textbox
    xml_left: list | None = None    # runs XML per letterhead line (variants)
    xml_right: list | None = None


def split_runs_text(text):
    """'a **b** *c* ^{d}' -> [(text, fmt)] with fmt in '', 'b', 'i', 'sup'."""
    out, pos = [], 0
    for m in re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*|\^\{(.+?)\}", text):
        if m.start() > pos:
            out.append((text[pos:m.start()], ""))
        if m.group(1) is not None:
            out.append((m.group(1), "b"))
        elif m.group(2) is not None:
            out.append((m.group(2), "i"))
        else:
            out.append((m.group(3), "sup"))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def role_of(text):
    for role, rx in MARKERS:
        if rx.match(text):
            return role
    return "p"


def ended(text):
    return bool(re.search(r"[.;:!?…)\]]\**$", text.rstrip()))


def parse_table(lines):
    """lines: tab lines and '' (page breaks) -> Table."""
    rows, blank = [], False
    ncols = max(len(line.split("\t")) for line in lines if line)
    for line in lines:
        if not line.strip():
            blank = True
            continue
        cells = line.split("\t") + [""] * ncols
        cells = [c.strip() for c in cells[:ncols]]
        if not rows:
            rows.append(Row("header", [Cell([c]) for c in cells]))
        elif cells[0] and not any(cells[1:]):
            rows.append(Row("group", [Cell([cells[0]], span=ncols)]))
        elif RE_GROUPNUM.match(cells[0]) and cells[1] and not any(cells[2:]):
            rows.append(Row("group2", [Cell([cells[0]]), Cell([cells[1]], span=ncols - 1)]))
        elif not cells[0] and blank and rows[-1].kind in ("task", "milestone", "other"):
            prev = rows[-1]
            for i, piece in enumerate(cells):
                if not piece:
                    continue
                cell = prev.cells[i]
                if cell.paras == [""]:
                    cell.paras = [piece]
                elif piece.startswith("- "):
                    cell.paras.append(piece)
                else:
                    cell.paras[-1] = cell.paras[-1] + " " + piece
        elif not cells[0] and rows[-1].kind in ("task", "milestone"):
            rows.append(Row("milestone", [Cell([c]) for c in cells]))
        else:
            rows.append(Row("task" if RE_ROWNUM.match(cells[0]) else "other",
                            [Cell([c]) for c in cells]))
        blank = False
    table = Table(rows, ncols)
    # unit and product cells "A; B" -> paragraphs "A;" "B"
    header = [c.paras[0].lower() for c in rows[0].cells]
    listcols = [i for i, h in enumerate(header)
                if any(k in h for k in ("chủ trì", "phối hợp", "sản phẩm", "kết quả"))]
    for row in rows:
        if row.kind not in ("task", "milestone", "other"):
            continue
        for i in listcols:
            cell = row.cells[i]
            paras = []
            for p in cell.paras:
                parts = p.split("; ")
                paras += [x + ";" for x in parts[:-1]] + [parts[-1]]
            cell.paras = paras
    return table


def parse_plan(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    head = []
    while i < len(lines) and not RE_KIND.match(lines[i].strip()):
        head.append(lines[i])
        i += 1
    if i == len(lines):
        raise SystemExit("no kind line (KẾ HOẠCH / BÁO CÁO …) found")
    head = [h for h in head if h.strip()]
    left = [h for h in head if not re.search(r"ngày.*tháng.*năm", h)]
    right = [h for h in head if re.search(r"ngày.*tháng.*năm", h)]
    m = RE_KIND.match(lines[i].strip())
    kind, title, inline = m.group(1), m.group(2), bool(m.group(2))
    i += 1
    if not inline:
        while i < len(lines) and not lines[i].strip():
            i += 1
        title = lines[i].strip()
        i += 1
    # body until "Nơi nhận:"
    body, blank, tbl = [], True, None
    end = next((k for k in range(i, len(lines)) if lines[k].strip().startswith("Nơi nhận")), len(lines))

    def blocks(rng, out):
        nonlocal blank
        k = rng[0]
        while k < rng[1]:
            line = lines[k]
            if not line.strip():
                blank = True
                k += 1
                continue
            if "\t" in line:
                j, tl = k, []
                while j < rng[1] and ("\t" in lines[j] or (not lines[j].strip() and j + 1 < rng[1]
                                                          and "\t" in lines[j + 1])):
                    tl.append(lines[j])
                    j += 1
                out.append(Table(**{**parse_table(tl).__dict__, "blank_before": blank}))
                k, blank = j, False
                continue
            s = line.strip()
            prev = out[-1] if out else None
            if blank and isinstance(prev, Para) and s[:1].islower() and not ended(prev.text) \
                    and role_of(s) == "p":
                prev.text += " " + s          # page-break split
            else:
                out.append(Para(s, role_of(s), blank))
            blank = False
            k += 1

    blocks((i, end), body)
    # closing
    k = end
    appendix_at = next((j for j in range(end, len(lines)) if lines[j].startswith("PHỤ LỤC")), len(lines))
    cl = [x.strip() for x in lines[end:appendix_at]]
    closing_left, closing_right = [], []
    if cl:
        closing_left.append(cl[0])
        rest = cl[1:]
        j = 0
        while j < len(rest) and (not rest[j] or rest[j].startswith("- ")):
            if rest[j]:
                closing_left.append(rest[j])
            j += 1
        sig = [x for x in rest[j:]]
        while sig and not sig[-1]:
            sig.pop()
        closing_right = sig
    appendix = []
    if appendix_at < len(lines):
        blank = True
        blocks((appendix_at, len(lines)), appendix)
    return Plan(left, right, kind, title, inline, body, closing_left, closing_right, appendix)


# ---------------------------------------------------------------- twin rendering

def render(plan):
    """The plan as text, in the samples' layout (what a correct reader reads)."""
    out = []
    for cell in (plan.left, plan.right):
        if cell:
            out += cell + [""]
    if plan.inline_title:
        out += [f"{plan.kind} {plan.title}", ""]
    else:
        out += [plan.kind, "", plan.title, ""]

    def blocks(items):
        for b in items:
            if b.blank_before and out and out[-1] != "":
                out.append("")
            if isinstance(b, Para):
                t = b.twin if b.twin is not None else b.text
                out.append((b.label + " " + t) if b.label else t)
            else:
                for row in b.rows:
                    cells = []
                    for c in row.cells:
                        texts = [p if isinstance(p, str) else p[2] for p in c.paras]
                        cells.append("" if c.vmerge == "continue" else " ".join(t for t in texts if t))
                        cells += [""] * (c.span - 1)
                    out.append("\t".join(cells))

    blocks(plan.body)
    if plan.closing_left:
        out.append("")
        out += [plan.closing_left[0], ""] + plan.closing_left[1:] + [""]
        out += [x[2] if isinstance(x, tuple) else x for x in plan.closing_right]
    if plan.appendix:
        out.append("")
        blocks(plan.appendix)
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return text


# ---------------------------------------------------------------- XML helpers

def run(text, fmt="", size=None, extra=""):
    """One w:r; fmt letters: b bold, i italic, u underline, sup superscript."""
    rpr = ""
    if "b" in fmt.replace("sup", ""):
        rpr += "<w:b/><w:bCs/>"
    if "i" in fmt.replace("sup", ""):
        rpr += "<w:i/><w:iCs/>"
    if "u" in fmt.replace("sup", ""):
        rpr += '<w:u w:val="single"/>'
    if size:
        rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    if "sup" in fmt:
        rpr += '<w:vertAlign w:val="superscript"/>'
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr}{extra}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def runs(text, fmt="", size=None):
    return "".join(run(t, (fmt + f) if f != "sup" else fmt + "sup", size)
                   for t, f in split_runs_text(text))


def para(inner, align=None, ind=None, spacing=(40, 40), style=None, num=None, keep=False,
         sect=None, bold_mark=False):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if spacing:
        ppr += f'<w:spacing w:before="{spacing[0]}" w:after="{spacing[1]}"/>'
    if ind is not None:
        ppr += ind
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    if bold_mark:
        ppr += "<w:rPr><w:b/></w:rPr>"
    if sect:
        ppr += sect
    return f"<w:p {NSDECL}><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


FIRST = '<w:ind w:firstLine="567"/>'
NO_BORDERS = ("<w:tblBorders>" + "".join(f'<w:{e} w:val="nil"/>' for e in
              ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
BORDERS = ("<w:tblBorders>" + "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
           for e in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")


def tc(width, paras_xml, span=1, vmerge=None, valign=None):
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    if valign:
        pr += f'<w:vAlign w:val="{valign}"/>'
    body = "".join(paras_xml) or para("")
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>"


def tbl(widths, rows_xml, borders=True):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    pr = (f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>' + (BORDERS if borders else NO_BORDERS)
          + '<w:tblLayout w:type="fixed"/>'
          + '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
          + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
    return f"<w:tbl {NSDECL}><w:tblPr>{pr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"


def tr(cells_xml, header=False):
    pr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{pr}{''.join(cells_xml)}</w:tr>"


# ---------------------------------------------------------------- styles and numbering

STYLES = f"""<w:styles {NSDECL}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>
<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0000FF"/><w:u w:val="single"/></w:rPr></w:style>
{{extra}}
</w:styles>"""

# Styles whose numbering comes from w:numPr in the style, through a w:basedOn chain
# (prose-bullets.styles): VNMuc (numId 20) <- VNMuc1 (lvl 0, inherits numId) <- VNMuc2 (ilvl 1)
# <- VNMuc3 (ilvl 2); VNGach (numId 21) <- VNCong (ilvl 1).
NUM_STYLES = """
<w:style w:type="paragraph" w:styleId="VNMuc"><w:name w:val="VN Muc"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr><w:spacing w:before="60" w:after="60"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="VNMuc1"><w:name w:val="VN Muc 1"/><w:basedOn w:val="VNMuc"/><w:next w:val="Normal"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="VNMuc2"><w:name w:val="VN Muc 2"/><w:basedOn w:val="VNMuc1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="VNMuc3"><w:name w:val="VN Muc 3"/><w:basedOn w:val="VNMuc2"/><w:pPr><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr><w:rPr><w:b w:val="0"/><w:bCs w:val="0"/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="VNGach"><w:name w:val="VN Gach"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="21"/></w:numPr><w:spacing w:before="60" w:after="60"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="VNCong"><w:name w:val="VN Cong"/><w:basedOn w:val="VNGach"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
"""


def lvl(ilvl, fmt, text, start=1, font=None, suff=None, pstyle=None, bold=False):
    rpr = ""
    if font:
        rpr += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/>'
    if bold:
        rpr += "<w:b/>"
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            + (f'<w:pStyle w:val="{pstyle}"/>' if pstyle else "")
            + (f'<w:suff w:val="{suff}"/>' if suff else "")
            + f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
            + f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>{rpr}</w:lvl>')


def abstract(aid, levels, multi=True):
    kind = "multilevel" if multi else "singleLevel"
    return (f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{0x1A2B3C00 + aid:08X}"/>'
            f'<w:multiLevelType w:val="{kind}"/>{"".join(levels)}</w:abstractNum>')


def num(nid, aid, restart=None):
    over = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
            if restart is not None else "")
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>'


# ---------------------------------------------------------------- documents

DROP_RELS = {RT.THUMBNAIL, RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}


class Builder:
    def __init__(self, plan, extra_styles="", numbering=None):
        self.plan = plan
        self.d = d = docx.Document()
        for rels in (d.part.package.rels, d.part.rels):
            for rid in [k for k, r in rels.items() if r.reltype in DROP_RELS]:
                del rels[rid]
                rels._target_parts_by_rId.pop(rid, None)
        st = d.styles.element
        for c in list(st):
            st.remove(c)
        for c in parse_xml(STYLES.replace("{extra}", extra_styles)):
            st.append(c)
        npart = d.part.numbering_part.element
        for c in list(npart):
            npart.remove(c)
        if numbering:
            for c in parse_xml(f"<w:numbering {NSDECL}>{numbering}</w:numbering>"):
                npart.append(c)
        cp = d.core_properties
        cp.author = cp.last_modified_by = AUTHOR
        cp.created = cp.modified = datetime.datetime(2025, 1, 1)
        cp.revision = 1
        cp.title = plan.title
        cp.comments = "Generated by scripts/make-word-samples.py from a PlanParser text sample"
        s = d.sections[0]
        s.page_width, s.page_height = Twips(11906), Twips(16838)
        s.top_margin = s.bottom_margin = Twips(1134)
        s.left_margin, s.right_margin = Twips(1701), Twips(850)
        s.header_distance = s.footer_distance = Twips(567)
        s.different_first_page_header_footer = True
        self.page_number_header(s)
        self.body = d.element.body
        self.footnotes = []

    def page_number_header(self, section):
        hdr = section.header
        hdr.is_linked_to_previous = False
        p = hdr.paragraphs[0]._p
        p.addprevious(parse_xml(para('<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>',
                                     align="center", style="Header", spacing=None)))
        p.getparent().remove(p)

    def add(self, xml):
        el = parse_xml(xml) if isinstance(xml, str) else xml
        self.body.find(qn("w:sectPr")).addprevious(el)

    # -- blocks
    def letterhead(self):
        pl = self.plan
        if pl.letterhead == "textbox":
            return self.letterhead_textboxes()
        def cell(lines, xmls, w):
            ps = []
            for k, line in enumerate(lines):
                inner = xmls[k] if xmls and k < len(xmls) and xmls[k] is not None else self.letterhead_runs(line, lines)
                ps.append(para(inner, align="center", spacing=(0, 0)))
            return tc(w, ps)
        self.add(tbl([3969, 5386], [tr([cell(pl.left, pl.xml_left, 3969),
                                         cell(pl.right, pl.xml_right, 5386)])], borders=False))

    def letterhead_runs(self, line, cell):
        if not line:
            return ""
        if line.startswith("Số:"):
            return run(line, size=26)
        if re.search(r"ngày.*tháng.*năm", line):
            return run(line, "i", size=26)
        if line.startswith("CỘNG HÒA"):
            return run(line, "b", size=24)
        if line.startswith("Độc lập"):
            return run(line, "bu", size=26)
        # issuer: the superior body plain, the issuing office bold (the last issuer line)
        issuer = [x for x in cell if x and not x.startswith("Số:")]
        return run(line, "b" if line == issuer[-1] and len(issuer) > 1 else "", size=24)

    def letterhead_textboxes(self):
        """Two text boxes (wps shapes with a VML fallback, as Word 2010+ writes them)."""
        pl = self.plan
        boxes = []
        for n, (lines, x, w) in enumerate(((pl.left, 0, 3969), (pl.right, 4100, 5386)), start=1):
            content = "".join(para(self.letterhead_runs(l, lines), align="center", spacing=(0, 0)) for l in lines)
            cx, cy = w * 635, 1500 * 635
            choice = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
                      f'relativeHeight="{251659264 + n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
                      f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x * 635}</wp:posOffset></wp:positionH>'
                      f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
                      f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                      f'<wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
                      f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                      f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
                      f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
                      f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
                      f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
                      f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
            fallback = (f'<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
                        f'<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
                        f'<v:shape id="Text Box {n}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" filled="f" stroked="f" '
                        f'style="position:absolute;margin-left:{x / 20:.1f}pt;margin-top:0;width:{w / 20:.1f}pt;height:75pt;z-index:{n}">'
                        f'<v:textbox inset="0,0,0,0"><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict>')
            boxes.append(f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                         f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')
        self.add(para("".join(boxes), spacing=(0, 1600)))

    def kind_title(self):
        pl = self.plan
        if pl.inline_title:
            self.add(para(run(pl.kind, "b") + '<w:r><w:rPr><w:b/></w:rPr><w:br/></w:r>' + runs(pl.title, "b"),
                          align="center", spacing=(240, 240), keep=True))
        else:
            self.add(para(run(pl.kind, "b", size=30), align="center", spacing=(240, 0), keep=True))
            self.add(para(runs(pl.title, "b"), align="center", spacing=(0, 240)))

    def paragraph(self, p, size=None):
        if p.block_xml:
            self.add(p.block_xml)
            return
        inner = p.xml if p.xml is not None else runs(p.text, size=size)
        bold = p.bold if p.bold is not None else \
            p.role == "roman" or (p.role == "arabic" and len(p.text) < 110 and not ended(p.text))
        if p.xml is None and bold:
            inner = runs(p.text, "b", size=size)
        if p.style:
            self.add(para(inner, style=p.style, spacing=None))
        elif p.text.startswith("Kính gửi"):
            self.add(para(inner, align="center", spacing=(120, 120)))
        else:
            self.add(para(inner, align="both", ind=FIRST, num=p.num, keep=bold))

    def table(self, t, landscape):
        total = 14570 if landscape else 9355
        header = [" ".join(c.paras).lower() for c in t.rows[0].cells]
        weights = []
        for h in header:
            if h in ("stt", "tt"):
                weights.append(1)
            elif "nhiệm vụ" in h or "nội dung" in h:
                weights.append(6)
            elif "ghi chú" in h:
                weights.append(2)
            else:
                weights.append(3)
        widths = [total * w // sum(weights) for w in weights]
        widths[1 if len(widths) > 1 else 0] += total - sum(widths)
        rows_xml = []
        for ri, row in enumerate(t.rows):
            # vertical merges: a task row followed by milestone rows restarts its merged columns
            nxt = t.rows[ri + 1] if ri + 1 < len(t.rows) else None
            cells, col = [], 0
            for c in row.cells:
                w = sum(widths[col:col + c.span])
                vm = c.vmerge
                if row.kind == "milestone" and col in t.merge_down:
                    vm = "continue"
                elif row.kind in ("task", "milestone", "other") and nxt is not None and nxt.kind == "milestone" \
                        and col in t.merge_down and vm is None:
                    vm = "restart" if row.kind != "milestone" else "continue"
                c.vmerge = vm
                ps = []
                if vm != "continue":
                    for p in c.paras:
                        if isinstance(p, tuple):
                            ps.append(para(p[1], align="left", spacing=(20, 20)))
                            continue
                        if row.kind == "header":
                            ps.append(para(runs(p, "b", 24), align="center", spacing=(20, 20)))
                        elif row.kind in ("group", "group2"):
                            ps.append(para(runs(p, "b", 24), align="left" if c.span > 1 else "center", spacing=(20, 20)))
                        else:
                            center = col == 0 or header[col].startswith("thời")
                            ps.append(para(runs(p, size=24), align="center" if center else "left", spacing=(20, 20)))
                cells.append(tc(w, ps, c.span, vm, "center" if row.kind != "header" else "center"))
                col += c.span
            rows_xml.append(tr(cells, header=row.kind == "header"))
        self.add(tbl(widths, rows_xml))

    def closing(self):
        pl = self.plan
        left = [para(run(pl.closing_left[0], "bi", 24), spacing=(0, 0))]
        left += [para(runs(x, size=22), spacing=(0, 0)) for x in pl.closing_left[1:]]
        right = []
        for x in pl.closing_right:
            if isinstance(x, tuple):
                right.append(para(x[1], align="center", spacing=(0, 0)))
            else:
                right.append(para(run(x.replace("**", ""), "b") if x else "", align="center", spacing=(0, 0)))
        if "" in pl.closing_right:
            k = pl.closing_right.index("")
            right[k:k + 1] = [para("", align="center", spacing=(0, 0))] * 4
        self.add(para("", spacing=(120, 0)))
        self.add(tbl([4400, 4955], [tr([tc(4400, left), tc(4955, right)])], borders=False))

    def build(self):
        pl = self.plan
        self.letterhead()
        self.kind_title()
        for b in pl.body:
            self.paragraph(b) if isinstance(b, Para) else self.table(b, landscape=False)
        if pl.closing_left:
            self.closing()
        if pl.appendix:
            s = self.d.add_section(WD_SECTION.NEW_PAGE)
            s.orientation = WD_ORIENT.LANDSCAPE
            s.page_width, s.page_height = Twips(16838), Twips(11906)
            s.left_margin = s.right_margin = Twips(1134)
            s.top_margin = s.bottom_margin = Twips(1134)
            s.different_first_page_header_footer = False
            # the new section keeps the previous header (linked)
            first = True
            for b in pl.appendix:
                if isinstance(b, Para):
                    centered = b.text.isupper() or b.text.startswith("(") or first
                    inner = b.xml if b.xml is not None else runs(b.text, "i" if b.text.startswith("(") else "b")
                    self.add(para(inner, align="center" if centered else "both", spacing=(0, 0), keep=True))
                    first = False
                else:
                    self.add(para("", spacing=(0, 0)))
                    self.table(b, landscape=True)
        if self.footnotes:
            self.add_footnotes()
        return self

    def add_footnotes(self):
        notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                        f'<w:r><w:t xml:space="preserve"> {escape(t)}</w:t></w:r></w:p></w:footnote>'
                        for i, t in enumerate(self.footnotes, start=1))
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NSDECL}>'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
               f"{notes}</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                    xml.encode("utf-8"), self.d.part.package)
        self.d.part.relate_to(part, RT.FOOTNOTES)
        settings = self.d.settings.element
        settings.append(parse_xml(f'<w:footnotePr {NSDECL}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'))

    def bytes(self):
        buf = io.BytesIO()
        self.d.save(buf)
        return normalize_zip(buf.getvalue())


def normalize_zip(data):
    """Same entries, fixed dates, deflated: byte-identical output on every run (and a fixed
    dcterms:modified, which openpyxl sets to the time of saving)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", blob)
            dst.writestr(zi, blob, compresslevel=9)
    return out.getvalue()


# ---------------------------------------------------------------- variants

def find(plan, start, where="body"):
    for b in getattr(plan, where):
        if isinstance(b, Para) and (b.text.startswith(start)):
            return b
    raise KeyError(start)


def find_row(plan, first_cell, title_start):
    for b in plan.appendix + plan.body:
        if isinstance(b, Table):
            for row in b.rows:
                if row.cells[0].paras[0] == first_cell and row.cells[1].paras[0].startswith(title_start):
                    return row
    raise KeyError(title_start)


def t(text):
    """w:t run without formatting."""
    return run(text)


INS = 'w:id="{id}" w:author="Nguyễn Văn An" w:date="2025-01-08T09:00:00Z"'


class Ids:
    n = 100

    @classmethod
    def next(cls):
        cls.n += 1
        return cls.n


def ins(text):
    return f'<w:ins {INS.format(id=Ids.next())}>{run(text)}</w:ins>'


def dele(text):
    return (f'<w:del {INS.format(id=Ids.next())}><w:r><w:delText xml:space="preserve">{escape(text)}'
            f'</w:delText></w:r></w:del>')


def variant_letterhead(plan, issuer, textbox=False):
    plan.left = issuer + [""] + plan.left
    plan.right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""] + plan.right
    plan.letterhead = "textbox" if textbox else "table"
    return plan


def variant_features(plan, b):
    """table-appendix.features: tracked changes, fields, hyperlink, content controls, …"""
    Ids.n = 100
    # letterhead: bookmark + non-breaking hyphen; smartTag + complex DATE field
    plan.xml_left = [(t("Số: ") + '<w:bookmarkStart w:id="0" w:name="SoKH"/>' + t("05/KH") + "<w:r><w:noBreakHyphen/></w:r>"
                      + t("STP") + '<w:bookmarkEnd w:id="0"/>')]
    plan.xml_right = [('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">'
                       + run("Quảng Nam", "i", 26) + "</w:smartTag>" + run(", ngày ", "i", 26)
                       + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                       + '<w:r><w:instrText xml:space="preserve"> CREATEDATE \\@ "dd" </w:instrText></w:r>'
                       + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("10", "i", 26)
                       + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" tháng 01 năm 2025", "i", 26))]
    # title with a tracked replacement
    plan.title_xml = (run("Phổ biến, giáo dục pháp luật ", "b") + dele("năm 2024 ").replace("<w:r>", "<w:r><w:rPr><w:b/></w:rPr>")
                      + ins("năm 2025 ").replace("<w:r>", "<w:r><w:rPr><w:b/></w:rPr>")
                      + run("của Sở Tư pháp tỉnh Quảng Nam", "b"))
    # footnote on the first "Căn cứ"
    p = find(plan, "Căn cứ Luật Phổ biến")
    b.footnotes.append("Luật số 14/2012/QH13 được Quốc hội khóa XIII thông qua ngày 20 tháng 6 năm 2012.")
    p.xml = (t("Căn cứ Luật Phổ biến, giáo dục pháp luật")
             + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
             + t(" ngày 20 tháng 6 năm 2012;"))
    # w:sym (Symbol ≥) in a requirement (not a task)
    p = find(plan, "d) Việc tổ chức thực hiện")
    p.twin = p.text[len("d) "):-1] + "; phấn đấu ≥ 95% công chức, viên chức được phổ biến văn bản mới."
    p.xml = (t("d)") + "<w:r><w:tab/></w:r>" + t(p.twin.split("≥")[0]) + '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'
             + t(p.twin.split("≥")[1]))
    p.twin = "d) " + p.twin
    # a) + tab; split runs mid-word, proofErr, rsids, lastRenderedPageBreak (Word noise)
    p = find(plan, "a) Tham mưu UBND tỉnh ban hành")
    rest = p.text[3:]
    cut = rest.index("giáo dục") + 2
    p.xml = (t("a)") + "<w:r><w:tab/></w:r>" + '<w:r w:rsidR="00A1B2C3">' + f'<w:t xml:space="preserve">{escape(rest[:cut])}</w:t></w:r>'
             + '<w:proofErr w:type="spellStart"/><w:r w:rsidR="00D4E5F6"><w:lastRenderedPageBreak/>'
             + f'<w:t xml:space="preserve">{escape(rest[cut:])}</w:t></w:r><w:proofErr w:type="spellEnd"/>')
    # moveFrom / moveTo
    p = find(plan, "b) Phát huy vai trò")
    moved = "triển khai nhiệm vụ năm 2025 của Hội đồng"
    before, after = p.text.split(", " + moved)
    head, tail = before.split("; ")
    mid = 'w:author="Nguyễn Văn An" w:date="2025-01-08T09:00:00Z"'
    p.xml = (t(head + "; ")
             + f'<w:moveFromRangeStart w:id="{Ids.next()}" w:name="move1" {mid}/>'
             + f'<w:moveFrom w:id="{Ids.next()}" {mid}>{t(moved + ", ")}</w:moveFrom>'
             + f'<w:moveFromRangeEnd w:id="{Ids.n - 1}"/>'
             + t(tail + ", ")
             + f'<w:moveToRangeStart w:id="{Ids.next()}" w:name="move1" {mid}/>'
             + f'<w:moveTo w:id="{Ids.next()}" {mid}>{t(moved)}</w:moveTo>'
             + f'<w:moveToRangeEnd w:id="{Ids.n - 1}"/>' + t(after))
    # ins/del inside a task
    p = find(plan, "c) Tăng cường kiểm tra")
    a, z = p.text.split("kịp thời chấn chỉnh")
    p.xml = t(a) + dele("từng bước ") + ins("kịp thời ") + t("chấn chỉnh" + z)
    # hyperlink + soft hyphen
    p = find(plan, "a) Cập nhật thường xuyên")
    link = "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh"
    a, z = p.text.split(link)
    z1, z2 = z.split("infographic")
    rid = b.d.part.relate_to("https://pbgdpl.quangnam.example.vn/", RT.HYPERLINK, is_external=True)
    p.xml = (t(a) + f'<w:hyperlink r:id="{rid}" w:history="1">'
             + f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{escape(link)}</w:t></w:r></w:hyperlink>'
             + t(z1 + "info") + "<w:r><w:softHyphen/></w:r>" + t("graphic" + z2))
    # a whole task paragraph inside a block-level content control
    p = find(plan, "a) Tổ chức quán triệt")
    p.block_xml = (f'<w:sdt {NSDECL}><w:sdtPr><w:alias w:val="Nhiệm vụ"/><w:tag w:val="nv-2a"/><w:id w:val="1001"/></w:sdtPr>'
                   f'<w:sdtContent>{para(runs(p.text), align="both", ind=FIRST)}</w:sdtContent></w:sdt>')
    # w:sup in a non-task paragraph (m²)
    p = find(plan, "2. Văn phòng Sở bố trí")
    p.twin = p.text[:-1] + "; bố trí hội trường 120 m^{2} phục vụ các hội nghị phổ biến pháp luật."
    p.xml = t(p.twin.split("^{2}")[0]) + run("2", "sup") + t(p.twin.split("^{2}")[1])
    # signature with w:br in one paragraph
    sig = plan.closing_right
    k = next(i for i, x in enumerate(sig) if x.startswith("**KT."))
    sig[k:k + 2] = [("xml", run("KT. GIÁM ĐỐC", "b") + "<w:r><w:br/></w:r>" + run("PHÓ GIÁM ĐỐC", "b"),
                     "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")]
    # appendix: fldSimple REF to the bookmark
    p = find(plan, "(Kèm theo Kế hoạch", "appendix")
    a, z = p.text.split("05/KH-STP")
    p.xml = run(a, "i") + f'<w:fldSimple w:instr=" REF SoKH \\h ">{run("05/KH-STP", "i")}</w:fldSimple>' + run(z, "i")
    # table cells: inline sdt, noBreakHyphen, ins/del
    row = find_row(plan, "1", "Xây dựng, ban hành Kế hoạch phổ biến")
    lead = row.cells[3].paras[0]
    row.cells[3].paras = [("xml", '<w:sdt><w:sdtPr><w:alias w:val="Đơn vị chủ trì"/><w:id w:val="1002"/><w:text/></w:sdtPr>'
                                  f'<w:sdtContent>{run(lead, size=24)}</w:sdtContent></w:sdt>', lead)]
    row = find_row(plan, "2", "Tham mưu UBND tỉnh ban hành Kế hoạch")
    row.cells[5].paras = [("xml", run("Tháng 01", size=24) + '<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:noBreakHyphen/></w:r>'
                           + run("02/2025", size=24), "Tháng 01-02/2025")]
    row = find_row(plan, "1", "Hướng dẫn, kiểm tra việc đánh giá")
    row.cells[5].paras = [("xml", dele("Quý II/2025") + ins("Theo quy định"), "Theo quy định")]
    return plan


class FeatureBuilder(Builder):
    def kind_title(self):
        pl = self.plan
        self.add(para(run(pl.kind, "b", size=30), align="center", spacing=(240, 0), keep=True))
        self.add(para(pl.title_xml, align="center", spacing=(0, 240)))

    def page_number_header(self, section):
        hdr = section.header
        hdr.is_linked_to_previous = False
        p = hdr.paragraphs[0]._p
        p.addprevious(parse_xml(para('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                                     '<w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
                                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
                                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>', align="center", style="Header",
                                     spacing=None)))
        p.getparent().remove(p)


# Word numbering for field-bullets.autonum: headings (abstract 10: I. / 1.), letters (abstract 11,
# one w:num per section restarted with w:startOverride), "2." "3." of TỔ CHỨC THỰC HIỆN after a
# typed "1." (abstract 12, w:start 2), "-"/"+" bullets (13), Symbol bullets (14), Wingdings (15).
AUTONUM = (
    abstract(10, [lvl(0, "upperRoman", "%1.", suff="space", bold=True),
                  lvl(1, "decimal", "%2.", suff="space", bold=True)])
    + abstract(11, [lvl(0, "lowerLetter", "%1)")], multi=False)
    + abstract(12, [lvl(0, "decimal", "%1.", start=2, suff="space")], multi=False)
    + abstract(13, [lvl(0, "bullet", "-", font="Times New Roman", suff="space"),
                    lvl(1, "bullet", "+", font="Times New Roman", suff="space")])
    + abstract(14, [lvl(0, "bullet", "\uf0b7", font="Symbol")], multi=False)
    + abstract(15, [lvl(0, "bullet", "\uf0d8", font="Wingdings")], multi=False)
    + num(1, 10) + num(3, 12) + num(4, 13) + num(5, 14) + num(6, 15)
)
VIET = "abcdeghiklmnopqrstuvxy"  # Word's lowerLetter never writes đ
ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def variant_autonum(plan):
    """Numbers and bullets from numbering.xml; the twin shows what Word displays."""
    nums, letters_num, sec = [], 9, {"roman": 0, "arabic": 0, "letter": 0}
    in_tcth = False
    for p in plan.body:
        if not isinstance(p, Para):
            continue
        marker, rest = p.marker
        if p.role == "roman":
            sec["roman"] += 1
            sec["arabic"] = 0
            in_tcth = "TỔ CHỨC THỰC HIỆN" in rest
            p.num, p.label, p.text = (1, 0), f"{ROMAN[sec['roman']]}.", rest
        elif p.role == "arabic" and not in_tcth:
            sec["arabic"] += 1
            p.num, p.label, p.text = (1, 1), f"{sec['arabic']}.", rest
            letters_num += 1
            nums.append(num(letters_num, 11, restart=1 if letters_num > 10 else None))
            sec["letter"] = 0
        elif p.role == "arabic" and in_tcth and marker != "1.":
            p.num, p.label, p.text = (3, 0), marker, rest
        elif p.role == "letter":
            sec["letter"] += 1
            p.num, p.label, p.text = (letters_num, 0), f"{VIET[sec['letter'] - 1]})", rest
        elif p.role in ("dash", "dashplus"):
            if in_tcth:
                p.num, p.label, p.text = (6, 0), "➢", rest
            elif sec["roman"] == 1:
                p.num, p.label, p.text = (5, 0), "•", rest
            else:
                p.num, p.label = (4, 0), "-"
                p.text = rest if p.role == "dash" else "+ " + rest
        elif p.role == "plus":
            p.num, p.label, p.text = (4, 1), "+", rest
        if p.label:
            p.bold = p.role in ("roman", "arabic") and p.num and p.num[0] == 1
            p.role = "p"
    plan.numbering = AUTONUM + "".join(nums)
    return plan


# prose-bullets.styles: numbering from paragraph styles
STYLENUM = (
    abstract(20, [lvl(0, "upperRoman", "%1.", suff="space", pstyle="VNMuc1"),
                  lvl(1, "decimal", "%2.", suff="space", pstyle="VNMuc2"),
                  lvl(2, "lowerLetter", "%3)", suff="space", pstyle="VNMuc3")])
    + abstract(21, [lvl(0, "bullet", "-", font="Times New Roman", suff="space", pstyle="VNGach"),
                    lvl(1, "bullet", "+", font="Times New Roman", suff="space", pstyle="VNCong")])
    + num(20, 20) + num(21, 21)
)


def variant_styles(plan):
    style = {"roman": "VNMuc1", "arabic": "VNMuc2", "letter": "VNMuc3", "dash": "VNGach", "plus": "VNCong"}
    for p in plan.body:
        if isinstance(p, Para) and p.role in style:
            marker, rest = p.marker
            p.style, p.label, p.text = style[p.role], marker, rest
            p.role = "p"
    plan.numbering = STYLENUM
    return plan


# ---------------------------------------------------------------- the fixtures

BASE = [("table-appendix", "table-appendix.txt"), ("field-bullets", "field-bullets.txt"),
        ("prose-bullets", "prose-bullets.txt"), ("report", "report.txt"),
        ("columns-reordered", "columns-reordered.txt"), ("plan-2024", "diff/plan-2024.txt"),
        ("plan-2025", "diff/plan-2025.txt")]


def build_plan(src):
    return parse_plan((SAMPLES / src).read_text(encoding="utf-8"))


def fixtures():
    """-> list of (docx name, bytes, twin name, twin text or None)."""
    out = []
    for name, src in BASE:
        plan = build_plan(src)
        if name == "columns-reordered":
            for b in plan.appendix:
                if isinstance(b, Table):
                    b.merge_down = (0, 1, 2, 3)   # STT, Nội dung, chủ trì, phối hợp
        out.append((f"{name}.docx", Builder(plan).build().bytes(), None, None))
    # letterhead variants: issuer + motto, as a table and as text boxes
    for kind in ("letterhead", "textbox"):
        plan = variant_letterhead(build_plan("table-appendix.txt"), ["UBND TỈNH QUẢNG NAM", "SỞ TƯ PHÁP"],
                                  textbox=kind == "textbox")
        out.append((f"table-appendix.{kind}.docx", Builder(plan).build().bytes(),
                    "table-appendix.letterhead.txt", render(plan)))
    # features
    plan = build_plan("table-appendix.txt")
    b = FeatureBuilder(plan)
    b.d.core_properties.created = datetime.datetime(2025, 1, 10, 8, 0, 0)   # CREATEDATE field: "10"
    variant_features(plan, b)
    out.append(("table-appendix.features.docx", b.build().bytes(), "table-appendix.features.txt", render(plan)))
    # auto numbering
    plan = variant_autonum(build_plan("field-bullets.txt"))
    out.append(("field-bullets.autonum.docx", Builder(plan, numbering=plan.numbering).build().bytes(),
                "field-bullets.autonum.txt", render(plan)))
    # numbering from styles
    plan = variant_styles(build_plan("prose-bullets.txt"))
    out.append(("prose-bullets.styles.docx", Builder(plan, NUM_STYLES, plan.numbering).build().bytes(),
                None, None))   # same text as samples/prose-bullets.txt
    return out



# ---------------------------------------------------------------- LibreOffice, refusals, PDFs

LO_SOURCES = ["table-appendix", "field-bullets", "field-bullets.autonum"]
PDF_SOURCES = ["table-appendix", "field-bullets", "prose-bullets", "report", "plan-2024"]
REFUSE = WORD / "refuse"
PDF = SAMPLES / "pdf"


def soffice(target, files, outdir):
    """soffice --headless --convert-to TARGET FILES --outdir OUTDIR (own profile dir)."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as profile:
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
               "--outdir", str(outdir)] + [str(f) for f in files]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


def normalize_zip_keep(data):
    """Fixed dates, each entry's compression kept (ODF needs `mimetype` first and stored)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = info.compress_type
            zi.external_attr = 0o644 << 16
            blob = src.read(info.filename)
            if info.filename == "settings.xml":   # LibreOffice seeds its rsids at random
                blob = re.sub(rb'(config:name="Rsid(?:Root)?" config:type="int">)\d+', rb"\g<1>1048576", blob)
            dst.writestr(zi, blob)
    return out.getvalue()


def normalize_pdf(path):
    """Fixed creation/modification dates and a deterministic /ID (pikepdf, installed with img2pdf)."""
    try:
        import pikepdf
    except ImportError:
        return
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            for k in list(meta.keys()):
                if "Date" in k:
                    del meta[k]
        for k in ("/CreationDate", "/ModDate"):
            if k in pdf.docinfo:
                pdf.docinfo[k] = "D:20250101000000Z"
        if "/DocChecksum" in pdf.trailer:          # LibreOffice: changes on every run
            del pdf.trailer["/DocChecksum"]
        del pdf.trailer["/ID"]
        pdf.save(path, deterministic_id=True)


def make_libreoffice():
    """.odt and .lo.docx (docx -> odt -> docx) of LO_SOURCES, written by LibreOffice."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        soffice("odt", [WORD / f"{n}.docx" for n in LO_SOURCES], tmp)
        (tmp / "back").mkdir()
        soffice("docx:MS Word 2007 XML", [tmp / f"{n}.odt" for n in LO_SOURCES], tmp / "back")
        for n in LO_SOURCES:
            (WORD / f"{n}.odt").write_bytes(normalize_zip_keep((tmp / f"{n}.odt").read_bytes()))
            (WORD / f"{n}.lo.docx").write_bytes(normalize_zip_keep((tmp / "back" / f"{n}.docx").read_bytes()))


def make_refuse():
    """Files a .docx reader must refuse with a clear error (samples/word/refuse/)."""
    import random
    import subprocess
    import tempfile
    REFUSE.mkdir(parents=True, exist_ok=True)
    src = (WORD / "table-appendix.docx").read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        soffice("doc:MS Word 97", [WORD / "table-appendix.docx"], tmp)
        (REFUSE / "table-appendix.doc").write_bytes((tmp / "table-appendix.doc").read_bytes())
        # password "planparser": an OLE2 compound file holding EncryptionInfo + EncryptedPackage
        subprocess.run(["msoffcrypto-tool", "-e", "-p", "planparser", str(WORD / "table-appendix.docx"),
                        str(REFUSE / "encrypted.docx")], check=True)
    # a spreadsheet and a presentation: right container, wrong kind
    import openpyxl
    plan = build_plan("table-appendix.txt")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    for b in plan.appendix:
        if isinstance(b, Table):
            for row in b.rows:
                cells = []
                for c in row.cells:
                    cells += [" ".join(p for p in c.paras if isinstance(p, str))] + [""] * (c.span - 1)
                ws.append(cells)
    wb.properties.creator = AUTHOR
    wb.properties.created = wb.properties.modified = datetime.datetime(2025, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    (REFUSE / "table-appendix.xlsx").write_bytes(normalize_zip(buf.getvalue()))
    try:
        import pptx
        prs = pptx.Presentation()
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = "KẾ HOẠCH " + plan.title
        slide.placeholders[1].text = "\n".join(p.text for p in plan.body[:6] if isinstance(p, Para))
        prs.core_properties.author = AUTHOR
        prs.core_properties.created = prs.core_properties.modified = datetime.datetime(2025, 1, 1)
        prs.core_properties.revision = 1
        buf = io.BytesIO()
        prs.save(buf)
        (REFUSE / "table-appendix.pptx").write_bytes(normalize_zip(buf.getvalue()))
    except ImportError:
        print("python-pptx not installed: refuse/table-appendix.pptx not written", file=sys.stderr)
    # damaged zips
    (REFUSE / "truncated.docx").write_bytes(src[:len(src) // 2])
    z = zipfile.ZipFile(io.BytesIO(src))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in z.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            dst.writestr(zi, z.read(info.filename))
    data = bytearray(out.getvalue())
    doc = z.read("word/document.xml")
    at = bytes(data).index(doc) + doc.index("Phổ biến".encode()) + 1   # inside the stored data
    data[at] ^= 0x20                                              # "Phổ" -> "PHổ": CRC-32 no longer matches
    (REFUSE / "badcrc.docx").write_bytes(bytes(data))
    # zip bomb: word/document.xml is ~1 GiB (spaces inside one w:t), deflated to ~1 MB
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NSDECL}><w:body><w:p><w:r>'
            '<w:t xml:space="preserve">').encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    parts = {n: z.read(n) for n in ("[Content_Types].xml", "_rels/.rels")}
    with zipfile.ZipFile(REFUSE / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for n, blob in parts.items():
            dst.writestr(zipfile.ZipInfo(n, date_time=(2025, 1, 1, 0, 0, 0)), blob, zipfile.ZIP_DEFLATED)
        zi = zipfile.ZipInfo("word/document.xml", date_time=(2025, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        chunk = b" " * (1 << 20)
        with dst.open(zi, "w") as f:
            f.write(head)
            for _ in range(1024):
                f.write(chunk)
            f.write(tail)
    # not a zip at all, an empty file, a zip that holds no Word document
    (REFUSE / "random.docx").write_bytes(random.Random(2025).randbytes(8192))
    (REFUSE / "empty.docx").write_bytes(b"")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr(zipfile.ZipInfo("notes.txt", date_time=(2025, 1, 1, 0, 0, 0)),
                     "Không phải văn bản Word.\n".encode(), zipfile.ZIP_DEFLATED)
    (REFUSE / "not-word.docx").write_bytes(out.getvalue())


def make_pdf():
    """LibreOffice PDFs of PDF_SOURCES and a one-page scan without a text layer."""
    import subprocess
    import tempfile
    PDF.mkdir(parents=True, exist_ok=True)
    soffice("pdf", [WORD / f"{n}.docx" for n in PDF_SOURCES], PDF)
    for n in PDF_SOURCES:
        normalize_pdf(PDF / f"{n}.pdf")
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-gray", "-jpeg", "-jpegopt", "quality=50",
                        "-singlefile",
                        str(PDF / "field-bullets.pdf"), str(png)], check=True)
        subprocess.run(["img2pdf", "--creationdate", "2025-01-01T00:00:00", "--moddate", "2025-01-01T00:00:00",
                        "-o", str(PDF / "field-bullets.scan.pdf"), str(png) + ".jpg"], check=True)
    normalize_pdf(PDF / "field-bullets.scan.pdf")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--check", action="store_true", help="exit 1 if a committed file differs")
    ap.add_argument("--from", dest="src", help="convert one text plan instead of the samples")
    ap.add_argument("--out", help="output folder for --from (default: current folder)")
    ap.add_argument("--render", action="store_true", help="with --from: print the model as text (self-check)")
    ap.add_argument("--only", choices=["docx", "libreoffice", "refuse", "pdf"], action="append",
                    help="run only these stages (default: all; --check: docx)")
    args = ap.parse_args()
    stages = args.only or (["docx"] if args.check else ["docx", "libreoffice", "refuse", "pdf"])
    if args.src:
        plan = parse_plan(Path(args.src).read_text(encoding="utf-8"))
        if args.render:
            sys.stdout.write(render(plan))
            return 0
        out = Path(args.out or ".")
        out.mkdir(parents=True, exist_ok=True)
        (out / (Path(args.src).stem + ".docx")).write_bytes(Builder(plan).build().bytes())
        return 0
    WORD.mkdir(parents=True, exist_ok=True)
    if "docx" not in stages:
        return run_stages(stages)
    problems = []
    written = {}
    for name, data, twin, twin_text in fixtures():
        items = [(WORD / name, data)]
        if twin and twin not in written:
            written[twin] = True
            items.append((WORD / twin, twin_text.encode("utf-8")))
        for path, blob in items:
            if args.check:
                if not path.exists() or path.read_bytes() != blob:
                    problems.append(str(path.relative_to(ROOT)))
            else:
                path.write_bytes(blob)
    if problems:
        print("out of date:", *problems, sep="\n  ")
        return 1
    return 0 if args.check else run_stages(stages)


def run_stages(stages):
    for stage, fn in (("libreoffice", make_libreoffice), ("refuse", make_refuse), ("pdf", make_pdf)):
        if stage in stages:
            fn()
    return 0


if __name__ == "__main__":
    sys.exit(main())
