#!/usr/bin/env python3
"""Write samples/recovery/narrow-layout/: Word files of our own whose appendix tables are too
narrow for their words, and what `pdftotext -layout` prints of LibreOffice's PDF of them.

    python3 scripts/make-narrow-layout-samples.py   # needs python-docx (PyPI), soffice, pdftotext

- narrow-table.docx: six equal columns over a portrait page, 24 rows of long task cells. In its
  layout text the header cells run together one space apart (`Nội dung Đơn vị` / `nhiệm vụ chủ
  trì`), and pdftotext lays out each block of rows at its own scale (`1         Tổ chức     Sở
  Tư` above, `4   Tổ chức     Sở Xây` further down: every column a different amount to the left).
- decision-plan.docx: a decision, its signature, then the plan it adopts (`KẾ HOẠCH` / title /
  `(Ban hành kèm theo Quyết định số …)`) with duty sentences, responsibilities and an appendix
  whose last row goes over to a page of its own, laid out narrower than the first.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

OUT = Path(__file__).resolve().parent.parent / "samples" / "recovery" / "narrow-layout"
UNITS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Văn phòng UBND tỉnh"]


def new_document(size):
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(size)
    return d


def paragraph(d, text, bold=False, center=False):
    p = d.add_paragraph()
    p.add_run(text).bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def paragraphs(d, items):
    for text, bold, center in items:
        paragraph(d, text, bold, center)


def grid(d, rows, merged=()):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            t.cell(i, j).text = value
    for i in merged:  # a group row: its title across the columns after the number
        t.cell(i, 1).merge(t.cell(i, len(rows[0]) - 1)).text = rows[i][1]


def narrow_table():
    d = new_document(13)
    paragraph(d, "PHỤ LỤC")
    paragraph(d, "DANH MỤC NHIỆM VỤ NĂM 2027")
    rows = [("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành")]
    for i in range(1, 25):
        rows.append((str(i), f"Tổ chức kiểm tra, đánh giá việc thực hiện nhiệm vụ số {i} tại các cơ quan, đơn vị trên địa bàn tỉnh",
                     UNITS[i % 6], UNITS[(i + 1) % 6] + "; UBND các huyện", f"Báo cáo kết quả số {i}", f"Tháng {i % 12 + 1}/2027"))
    grid(d, rows)
    return d


def decision_plan():
    d = new_document(14)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH LONG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 2314/QĐ-UBND"
    t.cell(1, 1).text = "Hòa Bình Long, ngày 14 tháng 3 năm 2027"
    paragraphs(d, [
        ("QUYẾT ĐỊNH", True, True),
        ("Ban hành Kế hoạch thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Hòa Bình Long năm 2027", True, True),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", True, True),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", False, False),
        ("Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 45/TTr-SKHCN ngày 02 tháng 3 năm 2027.", False, False),
        ("QUYẾT ĐỊNH:", True, True),
        ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Hòa Bình Long năm 2027.", False, False),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", False, False),
        ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố chịu trách nhiệm thi hành Quyết định này./.", False, False),
    ])
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Nơi nhận:\n- Như Điều 3;\n- Bộ Khoa học và Công nghệ;\n- Lưu: VT, KGVX."
    t.cell(0, 1).text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nTrần Văn Minh"
    d.add_page_break()
    paragraphs(d, [
        ("KẾ HOẠCH", True, True),
        ("Thực hiện chuyển đổi số trong cơ quan nhà nước tỉnh Hòa Bình Long năm 2027", True, True),
        ("(Ban hành kèm theo Quyết định số 2314/QĐ-UBND ngày 14/3/2027 của Chủ tịch UBND tỉnh)", False, True),
        ("I. MỤC ĐÍCH, YÊU CẦU", True, False),
        ("Các cơ quan, đơn vị xác định rõ nhiệm vụ, thời gian hoàn thành và sản phẩm cụ thể.", False, False),
        ("II. NHIỆM VỤ VÀ GIẢI PHÁP", True, False),
        ("1. Hoàn thiện thể chế", False, False),
        ("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tư pháp rà soát, tham mưu ban hành Quy chế quản lý, vận hành Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, hoàn thành trước ngày 30/6/2027.", False, False),
        ("2. Phát triển hạ tầng số", False, False),
        ("a) Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông Hòa Bình Long nâng cấp mạng truyền số liệu chuyên dùng đến cấp xã; thời gian thực hiện: Quý III/2027.", False, False),
        ("b) UBND các huyện, thành phố bố trí kinh phí trang bị máy tính cho cán bộ, công chức cấp xã; hoàn thành trong năm 2027.", False, False),
        ("III. TỔ CHỨC THỰC HIỆN", True, False),
        ("1. Sở Khoa học và Công nghệ", False, False),
        ("- Chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này.", False, False),
        ("- Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/12/2027.", False, False),
        ("2. Sở Tài chính", False, False),
        ("Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.", False, False),
    ])
    d.add_page_break()
    paragraph(d, "PHỤ LỤC", True, True)
    paragraph(d, "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2027", True, True)
    rows = [
        ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả/Sản phẩm", "Thời gian hoàn thành"),
        ("I", "Chính quyền số", "", "", "", ""),
        ("1", "Triển khai nền tảng họp trực tuyến đến cấp xã", "Sở Khoa học và Công nghệ", "- UBND các huyện, thành phố;\n- Viễn thông tỉnh",
         "Hệ thống họp trực tuyến được vận hành", "Tháng 6/2027"),
        ("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", "Văn phòng UBND tỉnh", "Các sở, ban, ngành; UBND cấp huyện",
         "Tỷ lệ số hóa đạt 100%", "Thường xuyên"),
        ("II", "Kinh tế số", "", "", "", ""),
        ("3", "Phát triển sàn thương mại điện tử cho sản phẩm OCOP", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
         "Sàn thương mại điện tử", "Quý IV/2027"),
        ("4", "Tổ chức đào tạo kỹ năng số cho doanh nghiệp nhỏ và vừa", "Sở Tài chính", "Hiệp hội Doanh nghiệp tỉnh",
         "Báo cáo kết quả đào tạo", "Trước 31/10/2027"),
    ]
    grid(d, rows, merged=(1, 4))
    return d


def main():
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (Debian: libreoffice-writer-nogui, poppler-utils)")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (("narrow-table", narrow_table), ("decision-plan", decision_plan)):
        path = OUT / f"{name}.docx"
        make().save(path)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(path)],
                           check=True, capture_output=True)
            subprocess.run(["pdftotext", "-layout", f"{tmp}/{name}.pdf", str(OUT / f"{name}.pdftotext-layout.text")], check=True)


if __name__ == "__main__":
    main()
