#!/usr/bin/env python3
"""Write samples/recovery/print-header/: portal pages printed by a browser, with its header.

    python3 scripts/make-print-header-samples.py     # (re)write samples/recovery/print-header/*

Two plans written for this purpose (not copied from any portal), each a provincial portal's
page: a navigation bar, a breadcrumb, the letterhead (an HTML table in the first, two floated
divs in the second), the body, the closing and a PHỤ LỤC table. Each page is saved as
<name>.portal.text (the HTML itself: the text twin, read by extract's HTML reader) and printed
with `chromium --headless --print-to-pdf` — its header (date and time, the page's <title>) and
footer (the address, `1/3`) are on by default — then put through `pdftotext -layout` and plain
`pdftotext`: <name>.chromium-pdftotext-layout.text and <name>.chromium-pdftotext.text.

The stamp is the time of the run, in en-US (`12/2/26, 1:10 AM`: headless chromium ignores
--lang); the plan is printed once more in the Vietnamese locale (`01:16 2/12/26`, the time
first: the LANGUAGE=vi environment variable, which needs Debian's chromium-l10n for vi.pak) as
<name>.chromium-vi-pdftotext-layout.text. Lines are written to samples/recovery/MANIFEST.tsv
by hand (path, twin, expected). Needs chromium, pdftotext.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "recovery" / "print-header"

PORTAL_TOP = """<div class="top-nav"><a href="/">Trang chủ</a> | <a href="/gioithieu">Giới thiệu</a> | <a href="/vanban">Văn bản</a> | <a href="/lienhe">Liên hệ</a></div>
<div class="breadcrumb">Trang chủ &gt; Văn bản &gt; {kind}</div>
"""

PLAN = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Kế hoạch số 152/KH-UBND phòng, chống thiên tai năm 2025 - Cổng thông tin điện tử tỉnh Bình Định</title>
<style>td{vertical-align:top} .appendix td{border:1px solid #000;padding:3px}</style>
</head>
<body>
""" + PORTAL_TOP.format(kind="Kế hoạch") + """<table class="letterhead" width="100%">
<tr><td align="center" width="40%"><b>ỦY BAN NHÂN DÂN<br>TỈNH BÌNH ĐỊNH</b><br>-------<br>Số: 152/KH-UBND</td>
<td align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------<br><i>Bình Định, ngày 17 tháng 3 năm 2025</i></td></tr>
</table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn tỉnh năm 2025</b></p>
<p>Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;</p>
<p>Ủy ban nhân dân tỉnh ban hành Kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025 như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>- Chủ động phòng ngừa, ứng phó kịp thời, giảm thiểu thiệt hại do thiên tai gây ra.</p>
<p>- Phân công rõ trách nhiệm của từng cơ quan, đơn vị, địa phương.</p>
<p><b>II. NHIỆM VỤ CỤ THỂ</b></p>
<p><b>1. Công tác chuẩn bị</b></p>
<p>a) Sở Nông nghiệp và Môi trường chủ trì rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro, trình UBND tỉnh trước ngày 30/4/2025.</p>
<p>b) Bộ Chỉ huy Quân sự tỉnh chủ trì xây dựng kế hoạch huy động lực lượng, phương tiện tìm kiếm cứu nạn; hoàn thành trong tháng 5/2025.</p>
<p>c) UBND các huyện, thị xã, thành phố kiểm tra các công trình đê điều, hồ chứa trước mùa mưa bão, báo cáo kết quả trước ngày 15/8/2025.</p>
<p><b>2. Công tác ứng phó</b></p>
<p>a) Đài Khí tượng thủy văn tỉnh cung cấp kịp thời bản tin dự báo, cảnh báo thiên tai cho Ban Chỉ huy phòng, chống thiên tai tỉnh; thời gian thực hiện: thường xuyên.</p>
<p>b) Sở Y tế chủ trì, phối hợp với UBND các huyện chuẩn bị thuốc, trang thiết bị y tế phục vụ cấp cứu người bị nạn, hoàn thành trước ngày 31/7/2025.</p>
<p>c) Công an tỉnh bảo đảm an ninh trật tự tại khu vực sơ tán dân; thời gian thực hiện: khi có thiên tai xảy ra.</p>
<p><b>3. Khắc phục hậu quả</b></p>
<p>a) Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí khắc phục hậu quả thiên tai theo quy định.</p>
<p>b) Sở Xây dựng hướng dẫn các địa phương sửa chữa nhà ở, công trình công cộng bị hư hỏng sau thiên tai.</p>
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
<p>1. Văn phòng thường trực Ban Chỉ huy phòng, chống thiên tai tỉnh theo dõi, tổng hợp tình hình thực hiện Kế hoạch, báo cáo UBND tỉnh trước ngày 15/12/2025.</p>
<p>2. Các sở, ban, ngành và UBND các huyện, thị xã, thành phố căn cứ Kế hoạch này xây dựng kế hoạch của cơ quan, địa phương mình.</p>
<p>Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị báo cáo UBND tỉnh để xem xét, giải quyết./.</p>
<table class="closing" width="100%">
<tr><td width="50%"><b><i>Nơi nhận:</i></b><br>- Ban Chỉ đạo quốc gia về PCTT (b/c);<br>- TT. Tỉnh ủy, TT. HĐND tỉnh;<br>- Các sở, ban, ngành;<br>- UBND các huyện, thị xã, thành phố;<br>- Lưu: VT, KT.</td>
<td align="center"><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br><br>Lâm Hải Giang</b></td></tr>
</table>
<p align="center"><b>PHỤ LỤC</b></p>
<p align="center"><b>PHÂN CÔNG NHIỆM VỤ PHÒNG, CHỐNG THIÊN TAI NĂM 2025</b><br><i>(Kèm theo Kế hoạch số 152/KH-UBND ngày 17/3/2025 của UBND tỉnh Bình Định)</i></p>
<table class="appendix" cellspacing="0" width="100%">
<tr><td><b>STT</b></td><td><b>Nhiệm vụ</b></td><td><b>Đơn vị chủ trì</b></td><td><b>Đơn vị phối hợp</b></td><td><b>Thời gian hoàn thành</b></td></tr>
<tr><td>1</td><td>Cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro</td><td>Sở Nông nghiệp và Môi trường</td><td>Các sở, ngành</td><td>Tháng 4/2025</td></tr>
<tr><td>2</td><td>Diễn tập tìm kiếm cứu nạn cấp tỉnh</td><td>Bộ Chỉ huy Quân sự tỉnh</td><td>Công an tỉnh</td><td>Quý III/2025</td></tr>
<tr><td>3</td><td>Kiểm tra công trình đê điều, hồ chứa</td><td>UBND các huyện</td><td>Sở Nông nghiệp và Môi trường</td><td>Tháng 8/2025</td></tr>
<tr><td>4</td><td>Tập huấn kỹ năng ứng phó thiên tai cho cộng đồng</td><td>Hội Chữ thập đỏ tỉnh</td><td>UBND các xã</td><td>Quý II/2025</td></tr>
</table>
<div class="footer">© Cổng thông tin điện tử tỉnh Bình Định. Địa chỉ: 02 Trần Phú, TP. Quy Nhơn.</div>
</body>
</html>
"""

DECISION = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Quyết định số 845/QĐ-UBND ban hành Kế hoạch chuyển đổi số năm 2025 - Cổng thông tin điện tử tỉnh Lạng Sơn</title>
<style>.left{float:left;width:40%;text-align:center}.right{float:right;width:58%;text-align:center}.clear{clear:both}
.appendix td{border:1px solid #000;padding:3px;vertical-align:top}</style>
</head>
<body>
""" + PORTAL_TOP.format(kind="Quyết định") + """<div class="letterhead">
<div class="left"><b>ỦY BAN NHÂN DÂN<br>TỈNH LẠNG SƠN</b><br>-------<br>Số: 845/QĐ-UBND</div>
<div class="right"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>---------------<br><i>Lạng Sơn, ngày 09 tháng 5 năm 2025</i></div>
<div class="clear"></div>
</div>
<p align="center"><b>QUYẾT ĐỊNH</b></p>
<p align="center"><b>Về việc ban hành Kế hoạch chuyển đổi số tỉnh Lạng Sơn năm 2025</b></p>
<p align="center"><b>CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN</b></p>
<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>
<p>Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 61/TTr-SKHCN ngày 02/5/2025.</p>
<p align="center"><b>QUYẾT ĐỊNH:</b></p>
<p><b>Điều 1.</b> Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số tỉnh Lạng Sơn năm 2025.</p>
<p><b>Điều 2.</b> Tổ chức thực hiện</p>
<p>1. Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ hằng quý báo cáo UBND tỉnh.</p>
<p>2. Sở Tài chính cân đối, bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số theo quy định.</p>
<p>3. Văn phòng UBND tỉnh chủ trì nâng cấp Hệ thống quản lý văn bản và điều hành, hoàn thành trước ngày 30/9/2025.</p>
<p>4. UBND các huyện, thành phố triển khai nền tảng số cấp xã, báo cáo kết quả trước ngày 20/11/2025.</p>
<p><b>Điều 3.</b> Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Khoa học và Công nghệ, Tài chính; Chủ tịch UBND các huyện, thành phố và Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.</p>
<div class="closing">
<div class="left" style="text-align:left"><b><i>Nơi nhận:</i></b><br>- Như Điều 3;<br>- Bộ Khoa học và Công nghệ (b/c);<br>- CT, các PCT UBND tỉnh;<br>- Lưu: VT, KGVX.</div>
<div class="right"><b>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br><br>Đoàn Thu Hà</b></div>
<div class="clear"></div>
</div>
<p align="center"><b>PHỤ LỤC</b></p>
<p align="center"><b>DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2025</b><br><i>(Kèm theo Quyết định số 845/QĐ-UBND ngày 09/5/2025 của Chủ tịch UBND tỉnh Lạng Sơn)</i></p>
<table class="appendix" cellspacing="0" width="100%">
<tr><td><b>STT</b></td><td><b>Nhiệm vụ</b></td><td><b>Cơ quan chủ trì</b></td><td><b>Cơ quan phối hợp</b></td><td><b>Thời gian hoàn thành</b></td></tr>
<tr><td>1</td><td>Nâng cấp Hệ thống quản lý văn bản và điều hành</td><td>Văn phòng UBND tỉnh</td><td>Sở Khoa học và Công nghệ</td><td>Quý III/2025</td></tr>
<tr><td>2</td><td>Triển khai nền tảng số cấp xã</td><td>UBND các huyện, thành phố</td><td>Sở Khoa học và Công nghệ</td><td>Tháng 11/2025</td></tr>
<tr><td>3</td><td>Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính</td><td>Sở Nội vụ</td><td>Các sở, ngành</td><td>Năm 2025</td></tr>
</table>
<div class="footer">© Cổng thông tin điện tử tỉnh Lạng Sơn</div>
</body>
</html>
"""

PAGES = {"plan-disaster": PLAN, "decision-digital": DECISION}
# Pages printed once more in another locale: (page, locale, name of the output).
LOCALES = [("plan-disaster", "vi", "chromium-vi-pdftotext-layout")]


def print_pdf(page, pdf, tmp, language=None):
    env = dict(os.environ, HOME=str(tmp))
    if language:
        env["LANGUAGE"] = language  # the browser's locale: the print header's date format
    profile = tmp / ("profile-" + (language or "default"))
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + str(profile),
                    "--print-to-pdf=" + str(pdf), page.as_uri()], env=env, check=True, capture_output=True, timeout=120)


def pdftotext(pdf, *args):
    return subprocess.run(["pdftotext", *args, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True).stdout


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    # A fixed folder, so the footer's address (file:///tmp/print-header-samples/…) is the same
    # from run to run.
    tmp = Path(tempfile.gettempdir()) / "print-header-samples"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        for name, html in PAGES.items():
            (OUT / f"{name}.portal.text").write_text(html, encoding="utf-8")
            page = tmp / f"{name}.html"
            page.write_text(html, encoding="utf-8")
            pdf = tmp / f"{name}.pdf"
            print_pdf(page, pdf, tmp)
            (OUT / f"{name}.chromium-pdftotext-layout.text").write_bytes(pdftotext(pdf, "-layout"))
            (OUT / f"{name}.chromium-pdftotext.text").write_bytes(pdftotext(pdf))
        for name, language, tool in LOCALES:
            pdf = tmp / f"{name}.{language}.pdf"
            print_pdf(tmp / f"{name}.html", pdf, tmp, language)
            (OUT / f"{name}.{tool}.text").write_bytes(pdftotext(pdf, "-layout"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if shutil.which("chromium") is None or shutil.which("pdftotext") is None:
        sys.exit("needs chromium and pdftotext")
    sys.exit(main())
