#!/usr/bin/env python3
"""samples/assignments/plan-duty-sentences.txt as a Word user writes it, and what converters make of it.

    python3 scripts/make-duty-sentences-docx.py OUT.docx            # the document only
    python3 scripts/make-duty-sentences-docx.py --converted         # also samples/recovery/duty-sentences/*.text

Written independently of make-word-samples.py (python-docx's default template, its own
numbering and merges): a two-column letterhead table, Word list numbering (numbering.xml) for
I. / 1. / a), a footnote on the first `Căn cứ`, a closing table (Nơi nhận | TM. / KT. CHỦ TỊCH /
PHÓ CHỦ TỊCH), and in a landscape section a PHỤ LỤC table: w:tblHeader, group rows I., II.,
III. as one cell with w:gridSpan over all six columns, a milestone row whose STT, Nhiệm vụ,
chủ trì and phối hợp cells are w:vMerge continued, unit cells of several paragraphs, and STT
cells of groups II and III numbered by Word (a list restarting at 1 per group).

--converted runs LibreOffice (doc, pdf, txt), antiword, pdftotext (-layout and plain) and pandoc
(plain, markdown) on it, and prints the portal page samples/recovery/html/plan-duty-sentences.portal.text
with chromium (its header and footer on) for pdftotext -layout; samples/recovery/MANIFEST.tsv names the
twin and what each loses. Needs python-docx, soffice, antiword, pdftotext, pandoc, chromium.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Cm

W = nsdecls("w")

d = docx.Document()
st = d.styles["Normal"]
st.font.name = "Times New Roman"
st.font.size = Pt(14)

# ---- numbering: abstract 90: I. / 1. / a) ; abstract 91: table STT "1" restarting
numbering = d.part.numbering_part.element


def lvl(i, fmt, text, ind):
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{ind}"/></w:pPr></w:lvl>')


abs90 = parse_xml(f'<w:abstractNum {W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
                  + lvl(0, "upperRoman", "%1.", 567) + lvl(1, "decimal", "%2.", 567)
                  + lvl(2, "lowerLetter", "%3)", 567) + '</w:abstractNum>')
abs91 = parse_xml(f'<w:abstractNum {W} w:abstractNumId="91"><w:multiLevelType w:val="singleLevel"/>'
                  + lvl(0, "decimal", "%1", 0) + '</w:abstractNum>')
# abstractNum elements must come before num elements
first_num = numbering.find(qn("w:num"))
for a in (abs90, abs91):
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)
for nid, aid in ((90, 90), (91, 91), (92, 91)):
    over = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if nid != 90 else "")
    numbering.append(parse_xml(f'<w:num {W} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>'))


def numpr(p, nid, ilvl):
    pPr = p._p.get_or_add_pPr()
    pPr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{nid}"/></w:numPr>'))


def par(text, bold=False, italic=False, align=None, num=None, container=None, size=None):
    p = (container or d).add_paragraph()
    if num is not None:
        numpr(p, 90, num)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "j":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    return p


def no_borders(t):
    tblPr = t._tbl.tblPr
    tblPr.append(parse_xml(f'<w:tblBorders {W}>' + "".join(
        f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders>'))


def cell_par(cell, text, bold=False, italic=False, align="c", first=True, size=None):
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
    return p


# ---- letterhead
lh = d.add_table(rows=2, cols=2)
no_borders(lh)
lh.autofit = False
for row in lh.rows:
    row.cells[0].width, row.cells[1].width = Cm(6.5), Cm(10.5)
cell_par(lh.cell(0, 0), "ỦY BAN NHÂN DÂN", bold=True, size=13)
cell_par(lh.cell(0, 0), "TỈNH NINH THUẬN", bold=True, first=False, size=13)
cell_par(lh.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13)
cell_par(lh.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", bold=True, first=False)
cell_par(lh.cell(1, 0), "Số: 87/KH-UBND", size=13)
cell_par(lh.cell(1, 1), "Ninh Thuận, ngày 24 tháng 02 năm 2025", italic=True)

par("")
par("KẾ HOẠCH", bold=True, align="c")
par("Triển khai ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số trên địa bàn tỉnh năm 2025", bold=True, align="c")
par("")
p = par("Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030", align="j")
p._p.append(parse_xml(f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'))
p.add_run(";")
par("Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai năm 2025 như sau:", align="j")

par("MỤC ĐÍCH, YÊU CẦU", bold=True, num=0)
par("Mục đích", bold=True, num=1)
par("- Triển khai đồng bộ, hiệu quả các nhiệm vụ của Đề án 06 trên địa bàn tỉnh, gắn với cải cách thủ tục hành chính.", align="j")
par("Yêu cầu", bold=True, num=1)
par("- Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của cơ quan, đơn vị chủ trì.", align="j")

par("NHIỆM VỤ, GIẢI PHÁP", bold=True, num=0)
par("Hoàn thiện thể chế, chính sách", bold=True, num=1)
par("Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành có quy định về giấy tờ công dân để sửa đổi, bổ sung phù hợp với việc khai thác dữ liệu dân cư.", num=2, align="j")
par("- Cơ quan chủ trì: Sở Tư pháp.", align="j")
par("- Cơ quan phối hợp: Công an tỉnh; các sở, ban, ngành.", align="j")
par("- Sản phẩm: Báo cáo kết quả rà soát.", align="j")
par("- Thời gian hoàn thành: Quý II/2025.", align="j")
par("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tham mưu UBND tỉnh ban hành Quy chế khai thác, sử dụng dữ liệu dân cư trong giải quyết thủ tục hành chính, hoàn thành trước ngày 30/6/2025.", num=2, align="j")
par("Phát triển hạ tầng, nền tảng số", bold=True, num=1)
par("Sở Thông tin và Truyền thông: Chủ trì nâng cấp Trung tâm tích hợp dữ liệu tỉnh bảo đảm kết nối với Cơ sở dữ liệu quốc gia về dân cư; báo cáo UBND tỉnh trước ngày 15 tháng 12 năm 2025.", num=2, align="j")
par("Công an tỉnh chủ trì, phối hợp với Viễn thông Ninh Thuận, Viettel Ninh Thuận triển khai thu nhận hồ sơ cấp căn cước và kích hoạt tài khoản định danh điện tử mức độ 2 cho người dân, hoàn thành trong quý III/2025.", num=2, align="j")
par("Sở Công Thương chủ trì, phối hợp với Bưu điện tỉnh, Công ty Điện lực Ninh Thuận triển khai thanh toán không dùng tiền mặt đối với dịch vụ điện, bưu chính; thời gian thực hiện: năm 2025.", num=2, align="j")
par("Tuyên truyền, nâng cao nhận thức", bold=True, num=1)
par("Đài Phát thanh và Truyền hình tỉnh, Báo Ninh Thuận mở chuyên trang, chuyên mục tuyên truyền về lợi ích của định danh điện tử; thời gian thực hiện: thường xuyên.", num=2, align="j")
par("Tổ chức hội nghị tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ, công chức cấp xã.", num=2, align="j")

par("KINH PHÍ THỰC HIỆN", bold=True, num=0)
par("Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách năm 2025 của các cơ quan, đơn vị theo phân cấp ngân sách hiện hành.", align="j")

par("TỔ CHỨC THỰC HIỆN", bold=True, num=0)
par("Công an tỉnh", bold=True, num=1)
par("- Là cơ quan thường trực, theo dõi, đôn đốc việc triển khai Kế hoạch; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 10/12/2025.", align="j")
par("Sở Tài chính", bold=True, num=1)
par("- Tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch theo quy định.", align="j")
par("UBND các huyện, thành phố", bold=True, num=1)
par("- Căn cứ Kế hoạch này xây dựng kế hoạch thực hiện tại địa phương, gửi Công an tỉnh trước ngày 31/3/2025.", align="j")
par("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo UBND tỉnh (qua Công an tỉnh) để xem xét, giải quyết./.", align="j")
par("")

# ---- closing
cl = d.add_table(rows=1, cols=2)
no_borders(cl)
c0, c1 = cl.cell(0, 0), cl.cell(0, 1)
p = cell_par(c0, "Nơi nhận:", bold=True, italic=True, align=None, size=12)
for i, line in enumerate(["- Bộ Công an (b/c);", "- TT. Tỉnh ủy, TT. HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                          "- Các sở, ban, ngành;", "- UBND các huyện, thành phố;", "- Lưu: VT, KGVX."]):
    cell_par(c0, line, align=None, first=False, size=11)
for i, line in enumerate(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Trịnh Minh Hoàng"]):
    cell_par(c1, line, bold=True, first=(i == 0))

# ---- appendix in a landscape section
sec = d.add_section()
sec.orientation = WD_ORIENT.LANDSCAPE
sec.page_width, sec.page_height = sec.page_height, sec.page_width
par("PHỤ LỤC", bold=True, align="c")
par("DANH MỤC NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN 06 NĂM 2025", bold=True, align="c")
par("(Kèm theo Kế hoạch số 87/KH-UBND ngày 24/02/2025 của UBND tỉnh Ninh Thuận)", italic=True, align="c")

HEAD = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành"]
WID = [600, 4300, 1900, 2200, 2000, 1800]
ROWS = [
    ("I", "HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH"),
    ("1", "Rà soát các văn bản quy phạm pháp luật của tỉnh có quy định về giấy tờ công dân", "Sở Tư pháp", ["Công an tỉnh;", "Các sở, ban, ngành"], "Báo cáo kết quả rà soát", "Quý II/2025"),
    ("2", "Tham mưu ban hành Quy chế khai thác, sử dụng dữ liệu dân cư trong giải quyết thủ tục hành chính", "Sở Nội vụ", "Sở Tài chính, Công an tỉnh", "Quyết định ban hành Quy chế", "Trước ngày 30/6/2025"),
    ("II", "PHÁT TRIỂN HẠ TẦNG, NỀN TẢNG SỐ"),
    ("#", "Nâng cấp Trung tâm tích hợp dữ liệu tỉnh, kết nối Cơ sở dữ liệu quốc gia về dân cư", "Sở Thông tin và Truyền thông", "Công an tỉnh", "Hệ thống được nâng cấp", "Tháng 9/2025"),
    ("^", None, None, None, "Báo cáo kết quả vận hành", "Tháng 12/2025"),
    ("#", "Thu nhận hồ sơ cấp căn cước, kích hoạt tài khoản định danh điện tử mức độ 2", "Công an tỉnh", ["Viễn thông Ninh Thuận;", "Viettel Ninh Thuận;", "UBND các huyện, thành phố"], "Tài khoản được kích hoạt", "Quý III/2025"),
    ("III", "TUYÊN TRUYỀN, NÂNG CAO NHẬN THỨC"),
    ("#", "Mở chuyên trang, chuyên mục tuyên truyền về lợi ích của định danh điện tử", "Đài Phát thanh và Truyền hình tỉnh", "Báo Ninh Thuận", "Tin, bài, phóng sự", "Thường xuyên"),
    ("#", "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ, công chức cấp xã", "Sở Thông tin và Truyền thông", "UBND các huyện, thành phố", "Hội nghị tập huấn", "Quý II/2025"),
]
t = d.add_table(rows=0, cols=6)
t.style = "Table Grid"
for i, w in enumerate(WID):
    t.columns[i].width = w * 635


def add_row(cells, header=False):
    r = t.add_row()
    if header:
        trPr = r._tr.get_or_add_trPr()
        trPr.append(parse_xml(f'<w:tblHeader {W}/>'))
    return r


r = add_row(HEAD, header=True)
for i, h in enumerate(HEAD):
    cell_par(r.cells[i], h, bold=True, size=12)
group_num = 0
for row in ROWS:
    r = add_row(row)
    if len(row) == 2:
        a = r.cells[0].merge(r.cells[5])  # gridSpan over all columns
        cell_par(a, f"{row[0]}. {row[1]}", bold=True, align=None, size=12)
        group_num += 1
        continue
    stt, title, lead, sup, prod, time = row
    if stt == "^":
        # milestone row: STT, title, lead, support merged down from the row above
        for i in range(4):
            tcPr = r.cells[i]._tc.get_or_add_tcPr()
            tcPr.append(parse_xml(f'<w:vMerge {W}/>'))
        prev = t.rows[len(t.rows) - 2]
        for i in range(4):
            prev.cells[i]._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {W} w:val="restart"/>'))
    elif stt == "#":
        p = r.cells[0].paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        numpr(p, 90 + group_num - 1, 0)  # auto-numbered STT (groups II and III), restarting at 1
    else:
        cell_par(r.cells[0], stt, size=12)
    if title:
        cell_par(r.cells[1], title, align=None, size=12)
    for i, v in ((2, lead), (3, sup)):
        if v is None:
            continue
        for j, x in enumerate(v if isinstance(v, list) else [v]):
            cell_par(r.cells[i], x, first=(j == 0), size=12)
    cell_par(r.cells[4], prod, size=12)
    cell_par(r.cells[5], time, size=12)

# ---- footnote part
notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
         '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
         '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
         '<w:r><w:t xml:space="preserve"> Đề án 06 được gọi tắt trong Kế hoạch này là “Đề án”.</w:t></w:r></w:p></w:footnote>')
xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>{notes}</w:footnotes>'
part = Part(PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            xml.encode("utf-8"), d.part.package)
d.part.relate_to(part, RT.FOOTNOTES)

ROOT = Path(__file__).resolve().parent.parent


def converted(docx_path):
    """The converter outputs of the document, as samples/recovery/duty-sentences/*.text."""
    out = ROOT / "samples" / "recovery" / "duty-sentences"
    out.mkdir(parents=True, exist_ok=True)
    stem = "plan-duty-sentences"
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp)
        src = Path(tmp) / (stem + ".docx")
        shutil.copy(docx_path, src)
        for target in ("doc", "pdf", "txt:Text (encoded):UTF8"):
            subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", tmp, str(src)],
                           env=env, check=True, capture_output=True)
        run = lambda args: subprocess.run(args, check=True, capture_output=True).stdout
        outputs = {
            "pandoc-plain": run(["pandoc", "-f", "docx", "-t", "plain", str(src)]),
            "pandoc-markdown": run(["pandoc", "-f", "docx", "-t", "markdown", str(src)]),
            "libreoffice-txt": (Path(tmp) / (stem + ".txt")).read_bytes(),
            "antiword": run(["antiword", "-m", "UTF-8.txt", str(Path(tmp) / (stem + ".doc"))]),
            "pdftotext-layout": run(["pdftotext", "-layout", "-enc", "UTF-8", str(Path(tmp) / (stem + ".pdf")), "-"]),
            "pdftotext": run(["pdftotext", "-enc", "UTF-8", str(Path(tmp) / (stem + ".pdf")), "-"]),
        }
        # The same plan as a portal page (hand-written: samples/recovery/html/*.portal.text),
        # printed by the browser with its header and footer, then pdftotext -layout.
        page = Path(tmp) / (stem + ".html")
        shutil.copy(ROOT / "samples" / "recovery" / "html" / (stem + ".portal.text"), page)
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--print-to-pdf=" + str(Path(tmp) / "page.pdf"),
                        page.as_uri()], env=env, check=True, capture_output=True, timeout=120)
        outputs["chromium-pdftotext-layout"] = run(["pdftotext", "-layout", "-enc", "UTF-8", str(Path(tmp) / "page.pdf"), "-"])
    for tool, data in outputs.items():
        (out / f"{stem}.{tool}.text").write_bytes(data)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--converted"]:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plan.docx"
            d.save(path)
            converted(path)
    elif len(args) == 1:
        d.save(args[0])
    else:
        sys.exit(__doc__)
