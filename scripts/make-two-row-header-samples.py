#!/usr/bin/env python3
"""Write samples/recovery/two-row-header/: a Word plan of our own whose appendix table has a
header of two rows — `Đơn vị thực hiện` merged over `Chủ trì | Phối hợp`, the other header cells
merged down — and the text the common converters make of it.

    python3 scripts/make-two-row-header-samples.py   # needs python-docx, docx2txt (PyPI), soffice, pandoc, antiword

- digital-plan.docx: the letterhead and closing in borderless tables, field bullets, duty
  sentences (`Giao Văn phòng … chủ trì, phối hợp với Phòng Tài chính - Kế hoạch …`), agency
  sections, and the appendix table with group rows merged across (`I` / `Hạ tầng số`), rows
  numbered on across the groups (`3` after `II`), a budget and a notes column.
- Its converter text: LibreOffice "Save as Text" and docx2txt print one cell per line with the
  lower header row as a row of its own; pandoc's plain and gfm print it as a first body row;
  antiword (of LibreOffice's .doc) wraps `Phòng Tài chính` / `- Kế hoạch` at its dash and loses
  rows of the table (reported: table-lost); `pdftotext -layout` of LibreOffice's PDF prints the
  lower row as the header's second line.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import docx2txt
from docx.enum.text import WD_ALIGN_PARAGRAPH

OUT = Path(__file__).resolve().parent.parent / "samples" / "recovery" / "two-row-header"


def digital_plan():
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "UỶ BAN NHÂN DÂN\nHUYỆN ĐỒNG XUÂN"
    t.cell(0, 1).text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 217/KH-UBND"
    t.cell(1, 1).text = "Đồng Xuân, ngày 09 tháng 3 năm 2026"

    def p(text, bold=False, center=False):
        para = d.add_paragraph()
        para.add_run(text).bold = bold
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER

    p("KẾ HOẠCH", True, True)
    p("Chuyển đổi số trong cơ quan hành chính nhà nước huyện Đồng Xuân năm 2026", True, True)
    for text in [
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số "
        "quốc gia đến năm 2025, định hướng đến năm 2030;",
        "Căn cứ Kế hoạch số 35/KH-UBND ngày 20/01/2026 của UBND tỉnh về chuyển đổi số năm 2026;",
        "Ủy ban nhân dân huyện ban hành Kế hoạch chuyển đổi số năm 2026 như sau:",
    ]:
        p(text)
    p("I. MỤC ĐÍCH, YÊU CẦU", True)
    p("1. Mục đích", True)
    p("Đẩy mạnh ứng dụng công nghệ thông tin, xây dựng chính quyền số, nâng cao chất lượng phục vụ người dân và doanh nghiệp.")
    p("2. Yêu cầu", True)
    p("Các cơ quan, đơn vị xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của người đứng đầu.")
    p("II. NHIỆM VỤ TRỌNG TÂM", True)
    p("1. Hoàn thiện hạ tầng số", True)
    p("a) Nâng cấp mạng nội bộ (LAN) tại trụ sở UBND huyện và 11 xã, thị trấn.")
    p("- Đơn vị chủ trì: Phòng Văn hóa và Thông tin.")
    p("- Đơn vị phối hợp: Văn phòng HĐND và UBND huyện; UBND các xã, thị trấn.")
    p("- Thời gian hoàn thành: Quý II/2026.")
    p("b) Giao Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Phòng Tài chính - Kế hoạch bố trí kinh phí mua sắm "
      "thiết bị ký số cho cán bộ, công chức; hoàn thành trước ngày 30/6/2026.")
    p("2. Phát triển dữ liệu số", True)
    p("Phòng Nội vụ chủ trì số hóa hồ sơ cán bộ, công chức, viên chức của huyện; thời gian thực hiện từ tháng 4 đến "
      "tháng 10/2026.")
    p("Phòng Tài nguyên và Môi trường cập nhật cơ sở dữ liệu đất đai vào hệ thống dùng chung của tỉnh, hoàn thành "
      "trong năm 2026.")
    p("III. TỔ CHỨC THỰC HIỆN", True)
    p("1. Phòng Văn hóa và Thông tin", True)
    p("Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về UBND huyện "
      "trước ngày 15/12/2026.")
    p("2. Phòng Tài chính - Kế hoạch", True)
    p("Tham mưu UBND huyện bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách huyện năm 2026.")
    p("3. UBND các xã, thị trấn", True)
    p("Xây dựng kế hoạch chuyển đổi số của địa phương, gửi về Phòng Văn hóa và Thông tin trước ngày 31/3/2026.")
    p("Trên đây là Kế hoạch chuyển đổi số năm 2026 của UBND huyện Đồng Xuân./.")
    closing = d.add_table(rows=1, cols=2)
    closing.cell(0, 0).text = ("Nơi nhận:\n- UBND tỉnh (b/c);\n- Sở Khoa học và Công nghệ;\n- Các phòng, ban thuộc huyện;\n"
                               "- UBND các xã, thị trấn;\n- Lưu: VT.")
    closing.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nTrần Văn Hùng"
    d.add_page_break()
    p("PHỤ LỤC", True, True)
    p("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", True, True)
    p("(Kèm theo Kế hoạch số 217/KH-UBND ngày 09/3/2026 của UBND huyện Đồng Xuân)", False, True)
    table = d.add_table(rows=2, cols=7)
    table.style = "Table Grid"
    for i, title in enumerate(["STT", "Nội dung nhiệm vụ", None, None, "Thời gian hoàn thành", "Kinh phí (triệu đồng)",
                               "Ghi chú"]):
        if title:
            table.cell(0, i).text = title
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Đơn vị thực hiện"
    table.cell(1, 2).text = "Chủ trì"
    table.cell(1, 3).text = "Phối hợp"
    for i in (0, 1, 4, 5, 6):
        table.cell(0, i).merge(table.cell(1, i))
    for row in [
        ("I", "Hạ tầng số"),
        ("1", "Trang bị máy tính cho bộ phận một cửa cấp xã", "Phòng Văn hóa và Thông tin", "UBND các xã, thị trấn",
         "Tháng 5/2026", "120", "Ngân sách huyện"),
        ("2", "Kết nối mạng truyền số liệu chuyên dùng đến 11 xã", "Văn phòng HĐND và UBND huyện", "Viễn thông Phú Yên",
         "Quý III/2026", "85", ""),
        ("II", "Dữ liệu số"),
        ("3", "Số hóa hồ sơ hộ tịch giai đoạn 2015-2020", "Phòng Tư pháp", "UBND các xã, thị trấn", "Trước 30/9/2026", "60", ""),
        ("4", "Xây dựng kho dữ liệu dùng chung của huyện", "Phòng Văn hóa và Thông tin", "Các phòng, ban chuyên môn",
         "Năm 2026", "", "Lồng ghép"),
    ]:
        cells = table.add_row().cells
        if len(row) == 2:
            cells[0].text = row[0]
            cells[1].merge(cells[6]).text = row[1]
        else:
            for i, text in enumerate(row):
                cells[i].text = text
    return d


def run(*args):
    return subprocess.run(list(args), check=True, capture_output=True).stdout


def main():
    for tool in ("soffice", "pandoc", "antiword", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed")
    OUT.mkdir(parents=True, exist_ok=True)
    name = "digital-plan"
    source = OUT / f"{name}.docx"
    digital_plan().save(source)
    with tempfile.TemporaryDirectory() as tmp:
        run("soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(source))
        shutil.copy(Path(tmp) / f"{name}.txt", OUT / f"{name}.libreoffice-txt.text")
        run("soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, str(source))
        (OUT / f"{name}.antiword.text").write_bytes(run("antiword", "-m", "UTF-8.txt", str(Path(tmp) / f"{name}.doc")))
        run("soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source))
        run("pdftotext", "-layout", "-enc", "UTF-8", str(Path(tmp) / f"{name}.pdf"), str(OUT / f"{name}.pdftotext-layout.text"))
    (OUT / f"{name}.docx2txt.text").write_text(docx2txt.process(str(source)), encoding="utf-8")
    for to in ("plain", "gfm"):
        (OUT / f"{name}.pandoc-{to}.text").write_bytes(run("pandoc", str(source), "-t", to))


if __name__ == "__main__":
    main()
