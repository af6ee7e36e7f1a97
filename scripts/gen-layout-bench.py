#!/usr/bin/env python3
"""Write a plan with a long appendix table twice: as a tab table and as pdftotext -layout text.

    python3 scripts/gen-layout-bench.py --pages 200 --out DIR     # DIR/tab.txt, DIR/layout.txt
    python3 scripts/gen-layout-bench.py --align top ...            # cells hung from the row's top

Same header, same rows, same words: the layout version is what poppler prints for a PDF of the
table (scripts/layout_render.py: columns at fixed positions, cells wrapped and centred, form
feeds, page numbers and the header repeated on every page). scripts/bench-layout.sh times the
parser on both. Deterministic (fixed seed). Standard library only.
"""

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import layout_render  # noqa: E402

HEADER = ["STT", "Nhiệm vụ", "Kết quả/ Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
WIDTHS = [4, 42, 22, 20, 20, 18]
VERBS = ["Xây dựng", "Tham mưu ban hành", "Tổ chức triển khai", "Kiểm tra, đôn đốc", "Rà soát, đánh giá", "Cập nhật"]
OBJECTS = ["kế hoạch cải cách hành chính", "văn bản quy phạm pháp luật", "thủ tục hành chính", "cơ sở dữ liệu chuyên ngành",
           "hệ thống quản lý chất lượng", "dịch vụ công trực tuyến", "chỉ số hài lòng của người dân"]
TAILS = ["của Sở năm 2025", "trên địa bàn tỉnh", "tại các phòng, đơn vị thuộc Sở", "theo quy định", "giai đoạn 2025 - 2026"]
PRODUCTS = ["Kế hoạch", "Báo cáo kết quả", "Quyết định", "Công văn, báo cáo", "Tờ trình, dự thảo Quyết định"]
UNITS = ["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính", "Phòng Quản lý chuyên ngành",
         "Trung tâm Thông tin và Ứng dụng khoa học công nghệ", "Các phòng, đơn vị thuộc Sở"]
TIMES = ["Tháng 01/2025", "Quý I/2025", "Quý II/2025", "6 tháng đầu năm 2025", "Thường xuyên", "Tháng 10-11/2025", "Hằng quý"]
GROUPS = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CẢI CÁCH TỔ CHỨC BỘ MÁY",
          "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG", "XÂY DỰNG CHÍNH QUYỀN SỐ"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

FRONT = """Số: 12/KH-SKHCN

Hưng Yên, ngày 10 tháng 01 năm 2025

KẾ HOẠCH

Cải cách hành chính năm 2025

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Triển khai đồng bộ các nhiệm vụ cải cách hành chính năm 2025.

II. NHIỆM VỤ CỤ THỂ

(Chi tiết tại Phụ lục kèm theo)

PHỤ LỤC
NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025
"""


def rows(pages, rng):
    """About eight rows a page: groups of 6-14 tasks, some with a second milestone."""
    out = []
    target = pages * 8
    g = 0
    while sum(1 for k, _ in out if k == "row") < target:
        out.append(("group", f"{ROMAN[g % len(ROMAN)]}. {GROUPS[g % len(GROUPS)]}"))
        for n in range(1, rng.randint(6, 14) + 1):
            title = " ".join([rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)])
            if rng.random() < 0.4:
                title += " và " + rng.choice(OBJECTS)
            support = rng.choice(UNITS) if rng.random() < 0.6 else rng.choice(UNITS) + "; " + rng.choice(UNITS)
            out.append(("row", [str(n), title, rng.choice(PRODUCTS), rng.choice(UNITS), support, rng.choice(TIMES)]))
            if rng.random() < 0.15:
                out.append(("row", ["", "", rng.choice(PRODUCTS), "", "", rng.choice(TIMES)]))
        g += 1
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--align", choices=["center", "top"], default="center")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--out", default=".")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    table = rows(args.pages, rng)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tab = [FRONT, "\t".join(HEADER)]
    for kind, content in table:
        tab.append(content + "\t" * (len(HEADER) - 1) if kind == "group" else "\t".join(content))
    (out / "tab.txt").write_text("\n".join(tab) + "\n", encoding="utf-8")
    front = "\n".join(line for line in FRONT.split("\n") if line) + "\n\n"
    layout = front + layout_render.render_rows(HEADER, table, WIDTHS, align=args.align)
    (out / "layout.txt").write_text(layout, encoding="utf-8")
    tasks = sum(1 for k, c in table if k == "row" and c[0])
    print(f"{out / 'tab.txt'}: {len(tab)} lines; {out / 'layout.txt'}: {layout.count(chr(12)) + 1} pages; {tasks} tasks")


if __name__ == "__main__":
    main()
