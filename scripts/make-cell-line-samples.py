#!/usr/bin/env python3
"""Write samples/recovery/cell-lines/: Word plans whose appendix table LibreOffice's "Save as
Text" and docx2txt print one cell per line (Recovery/CellLineTable.swift reads them back).

    python3 scripts/make-cell-line-samples.py     # needs python-docx, soffice, docx2txt

- flood-plan.docx: a table with a group row merged over the table (`I` / `CÔNG TÁC CHUẨN BỊ`),
  a product cell of two paragraphs with no `;` between (`Quyết định kiện toàn` / `Quy chế hoạt
  động`), a lead cell of two after a `;`, empty support cells: every row can be placed, so
  the converters' text gives the same tasks as the .docx (MANIFEST: same).
- civil-service-plan.docx: the table in a body section, `1.`-style numbers, a title of two
  paragraphs, a milestone row, and one row whose lines could be two leads and a support or a
  lead and two supports: that row cannot be placed, so the table is reported lost (table-lost).

Each .docx is the twin of its two .text outputs (`*.libreoffice-txt.text`, `*.docx2txt.text`).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent.parent / "samples" / "recovery" / "cell-lines"


def table(doc, rows, columns):
    t = doc.add_table(rows=0, cols=columns)
    t.style = "Table Grid"
    for r in rows:
        cells = t.add_row().cells
        if len(r) == 2 and columns > 2:
            cells[0].text = r[0]
            merged = cells[1].merge(cells[columns - 1])
            merged.text = r[1]
            continue
        for i, v in enumerate(r):
            parts = v if isinstance(v, list) else [v]
            cells[i].text = parts[0]
            for extra in parts[1:]:
                cells[i].add_paragraph(extra)


def flood_plan():
    d = Document()
    for p in ["ỦY BAN NHÂN DÂN TỈNH KON TUM", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 215/KH-SNNMT",
              "Kon Tum, ngày 14 tháng 3 năm 2026", "KẾ HOẠCH", "Triển khai công tác phòng, chống thiên tai năm 2026",
              "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
              "- Chủ động phòng ngừa, giảm thiểu thiệt hại do thiên tai gây ra.", "II. NHIỆM VỤ",
              "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.", "III. TỔ CHỨC THỰC HIỆN",
              "Các phòng, đơn vị căn cứ Kế hoạch này triển khai thực hiện.", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026"]:
        d.add_paragraph(p)
    table(d, [
        ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành"],
        ["I", "CÔNG TÁC CHUẨN BỊ"],
        ["1", "Kiện toàn Ban Chỉ huy phòng chống thiên tai cấp tỉnh", "Chi cục Thủy lợi", "Văn phòng Sở",
         ["Quyết định kiện toàn", "Quy chế hoạt động"], "Tháng 3/2026"],
        ["2", "Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro", ["Chi cục Thủy lợi;", "UBND các huyện"],
         "Các sở, ngành liên quan", "Phương án được phê duyệt", "Quý II/2026"],
        ["3", "Tổ chức diễn tập phòng chống thiên tai", "UBND huyện Đăk Hà", "", "Báo cáo kết quả diễn tập", "Tháng 6/2026"],
        ["II", "CÔNG TÁC ỨNG PHÓ"],
        ["1", "Trực ban 24/24 giờ trong mùa mưa bão", "Văn phòng Ban Chỉ huy", "Các đơn vị trực thuộc Sở", "Sổ trực ban",
         "Thường xuyên"],
        ["2", "Tổng hợp thiệt hại, báo cáo UBND tỉnh", "Chi cục Thủy lợi", "", ["Báo cáo nhanh;", "Báo cáo tổng hợp"],
         "Sau mỗi đợt thiên tai"],
    ], 6)
    for p in ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn Hùng"]:
        d.add_paragraph(p)
    return d


def civil_service_plan():
    d = Document()
    for p in ["UBND HUYỆN ĐỨC PHỔ", "PHÒNG NỘI VỤ", "Số: 18/KH-PNV", "Đức Phổ, ngày 05 tháng 02 năm 2026", "KẾ HOẠCH",
              "Cải cách hành chính năm 2026", "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2026 của UBND huyện;",
              "I. MỤC TIÊU", "- 100% thủ tục hành chính được công khai.", "II. NHIỆM VỤ CỤ THỂ"]:
        d.add_paragraph(p)
    table(d, [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm", "Ghi chú"],
        ["1.", ["Xây dựng kế hoạch kiểm tra công vụ", "(trình UBND huyện phê duyệt)"], "Phòng Nội vụ",
         ["Văn phòng HĐND và UBND huyện", "Thanh tra huyện"], "Tháng 02/2026", "Kế hoạch", ""],
        ["2.", "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính", "Phòng Nội vụ", "Các cơ quan chuyên môn",
         "Quý II/2026", "Thông báo kết quả", ""],
        ["", "", "", "", "Quý IV/2026", "Báo cáo tổng hợp", ""],
        ["3.", "Đánh giá, xếp loại công chức cuối năm", ["Phòng Nội vụ", "Các cơ quan chuyên môn"], "", "Tháng 12/2026",
         ["Báo cáo", "Quyết định xếp loại"], "Nhiệm vụ thường xuyên"],
    ], 7)
    for p in ["III. TỔ CHỨC THỰC HIỆN", "Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này.", "Nơi nhận:",
              "- UBND huyện;", "- Lưu: VT.", "TRƯỞNG PHÒNG", "Trần Thị Mai"]:
        d.add_paragraph(p)
    return d


def main():
    for tool in ("soffice", "docx2txt"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in [("flood-plan", flood_plan), ("civil-service-plan", civil_service_plan)]:
        docx = OUT / f"{name}.docx"
        make().save(docx)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(docx)],
                           check=True, capture_output=True)
            shutil.copy(Path(tmp) / f"{name}.txt", OUT / f"{name}.libreoffice-txt.text")
        text = subprocess.run(["docx2txt", str(docx)], check=True, capture_output=True).stdout
        (OUT / f"{name}.docx2txt.text").write_bytes(text)


if __name__ == "__main__":
    main()
