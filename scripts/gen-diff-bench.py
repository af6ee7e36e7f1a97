#!/usr/bin/env python3
"""Generate two synthetic successive plans for benchmarking `extract diff`, with the truth.

Standard library only and deterministic for a given --seed.

    python3 scripts/gen-diff-bench.py OUTDIR [--tasks 5000] [--seed 1] [--only-old]
    python3 scripts/gen-diff-bench.py OUTDIR --shape small-vocab [--tasks 10000] [--seed 1]
    python3 scripts/gen-diff-bench.py OUTDIR --shape long-title [--words 32000] [--edits 0.1] [--seed 1]
    python3 scripts/gen-diff-bench.py --score TRUTH.json DIFF.json

writes
  OUTDIR/plan-2024.txt  a 2024 plan: PHỤ LỤC tab table, 39 groups (I. … XXXIX.), numbered rows
  OUTDIR/plan-2025.txt  its 2025 successor in the field-bullet layout: `k. Group` headings,
                        `k.j. Nhiệm vụ …` sub-groups of 23 lettered items `a) Title:` with
                        `- Đơn vị chủ trì …` bullets
  OUTDIR/truth.json     the intended change of every task

Titles are built from realistic vocabulary (verb + object + domain + scope, scopes naming
districts), so many titles differ only in a word or a place: the hard case for matching.
The 2025 plan shifts every year by one (a rolling period `03 năm 2024 - 2026` moves with the
plan; a named period such as `giai đoạn 2026 - 2030` would be a fixed reference) and then changes about 5% of titles (reworded),
3% of sections (moved), 3% of lead units, 3% of deadlines, 2% of products, drops 2% of the
tasks and adds 2% new ones.

--only-old writes the 2024 plan alone (for a large table diffed with itself).

--shape small-vocab (a scaling case): both plans are appendix tables of --tasks rows whose titles
are 3 to 9 words drawn from a vocabulary of 20 words (`năm {y}` sometimes added), so every word is
in a large share of the titles, many titles repeat and many differ in one word. The 2025 plan shifts
the years, rewords 5% of the titles (one word replaced), drops 2% and adds 2%.

--shape long-title (a scaling case): both plans hold a few ordinary rows and one row whose title has
--words words (drawn from 400 words); in the 2025 title a share --edits (default 0.1) of the words
is edited, spread over the whole title: half of it replaced, a quarter deleted, a quarter inserted.

--score compares `extract diff --format json` output with the truth and prints the share
of intended pairs found (recall), of found pairs that are intended (precision), and the
change counts.
"""

import json
import random
import sys
from pathlib import Path

VERBS = [
    "Xây dựng", "Ban hành", "Triển khai", "Rà soát", "Tổ chức", "Kiểm tra", "Đánh giá", "Cập nhật",
    "Nâng cao chất lượng", "Tuyên truyền", "Hướng dẫn", "Tổng hợp", "Theo dõi", "Thẩm định", "Số hóa",
    "Đôn đốc", "Hoàn thiện", "Vận hành", "Tập huấn", "Phối hợp thực hiện", "Thanh tra", "Giám sát",
    "Điều tra", "Quan trắc", "Lập",
]
OBJECTS = [
    "kế hoạch", "báo cáo", "cơ sở dữ liệu", "hồ sơ", "quy trình nội bộ", "thủ tục hành chính",
    "văn bản quy phạm pháp luật", "hệ thống thông tin", "bản đồ", "quy hoạch", "phương án", "đề án",
    "chỉ số cải cách", "dịch vụ công trực tuyến", "quy chế phối hợp", "đội ngũ công chức",
    "mạng lưới quan trắc", "danh mục dự án", "kho lưu trữ", "bộ tiêu chí", "chương trình hành động",
    "cổng thông tin", "sổ tay nghiệp vụ", "hạ tầng kỹ thuật", "giấy phép", "hồ sơ địa chính",
    "kết quả kiểm kê", "số liệu thống kê", "tài liệu hướng dẫn", "phần mềm quản lý",
]
DOMAINS = [
    "đất đai", "môi trường", "tài nguyên nước", "khoáng sản", "khí tượng thủy văn", "biến đổi khí hậu",
    "đo đạc và bản đồ", "biển và hải đảo", "viễn thám", "chất thải rắn", "đa dạng sinh học",
    "đánh giá tác động môi trường", "giá đất", "bồi thường, giải phóng mặt bằng", "nước thải công nghiệp",
    "quan trắc môi trường", "làng nghề", "khu công nghiệp", "nước sinh hoạt nông thôn", "đê điều",
]
PLACES = [
    "thành phố Thái Bình", "huyện Đông Hưng", "huyện Hưng Hà", "huyện Quỳnh Phụ", "huyện Thái Thụy",
    "huyện Tiền Hải", "huyện Kiến Xương", "huyện Vũ Thư", "xã Đông Hợp", "xã Thái Hưng", "xã Vũ Hội",
    "xã Nam Cao", "xã An Ninh", "xã Minh Tân", "xã Quỳnh Hồng", "xã Tây Sơn", "phường Tiền Phong",
    "phường Bồ Xuyên", "xã Hồng Minh", "xã Thụy Trường",
]
SCOPES = [
    "trên địa bàn {place}", "tại {place}", "của Sở", "theo quy định", "năm {y}", "trong 03 năm {y} - {y2}",
    "6 tháng đầu năm {y}", "phục vụ người dân, doanh nghiệp", "cho cấp xã", "trong lĩnh vực {domain2}",
]
GROUPS = [
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG CHÍNH QUYỀN SỐ", "QUẢN LÝ ĐẤT ĐAI", "BẢO VỆ MÔI TRƯỜNG", "TÀI NGUYÊN NƯỚC",
    "ĐỊA CHẤT VÀ KHOÁNG SẢN", "KHÍ TƯỢNG THỦY VĂN", "BIẾN ĐỔI KHÍ HẬU", "ĐO ĐẠC VÀ BẢN ĐỒ",
    "BIỂN VÀ HẢI ĐẢO", "THANH TRA, KIỂM TRA", "TIẾP CÔNG DÂN, GIẢI QUYẾT KHIẾU NẠI",
    "PHÁP CHẾ", "THI ĐUA, KHEN THƯỞNG", "HỢP TÁC QUỐC TẾ", "KHOA HỌC VÀ CÔNG NGHỆ",
    "ĐÀO TẠO, BỒI DƯỠNG", "TÀI CHÍNH, KẾ HOẠCH", "VĂN PHÒNG VÀ LƯU TRỮ", "CÔNG TÁC KHÁC",
]
UNITS = [
    "Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính", "Chi cục Quản lý đất đai",
    "Chi cục Bảo vệ môi trường", "Phòng Tài nguyên nước", "Phòng Khoáng sản", "Văn phòng Đăng ký đất đai",
    "Trung tâm Công nghệ thông tin tài nguyên và môi trường", "Trung tâm Quan trắc môi trường",
    "Trung tâm Phát triển quỹ đất", "Phòng Đo đạc, bản đồ và viễn thám", "Chi cục Biển và Hải đảo",
    "Quỹ Bảo vệ môi trường", "Các phòng, đơn vị thuộc Sở",
]
TIMES = ["Quý I/{y}", "Quý II/{y}", "Quý III/{y}", "Quý IV/{y}", "Tháng 01/{y}", "Tháng 03/{y}",
         "Tháng 06/{y}", "Tháng 12/{y}", "Thường xuyên", "Hằng quý", "6 tháng đầu năm {y}"]
PRODUCTS = ["Kế hoạch", "Báo cáo", "Quyết định", "Cơ sở dữ liệu được cập nhật", "Văn bản hướng dẫn",
            "Hồ sơ được số hóa", "Tờ trình", "Bản đồ", "Kết quả kiểm tra", "Đề án"]
SYNONYMS = {
    "Xây dựng": "Xây dựng, ban hành", "Rà soát": "Rà soát, đánh giá", "Kiểm tra": "Kiểm tra, giám sát",
    "Tổ chức": "Tổ chức triển khai", "Cập nhật": "Cập nhật, chuẩn hóa", "Tuyên truyền": "Tuyên truyền, phổ biến",
    "Theo dõi": "Theo dõi, đôn đốc", "Lập": "Lập, điều chỉnh", "Số hóa": "Số hóa, lưu trữ",
}
INSERTS = ["kịp thời", "đầy đủ", "và công khai", "bảo đảm chất lượng", "theo hướng hiện đại"]
# 39 groups: the parser reads Roman numerals up to XXXIX.
GROUPS += [f"QUẢN LÝ NHÀ NƯỚC VỀ {d.upper()}" for d in DOMAINS[:14]]
# Items of a group in the field-bullet layout are lettered (23 letters), in sub-groups.
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()
SUBGROUPS = ["Nhiệm vụ thường xuyên", "Nhiệm vụ trọng tâm", "Nhiệm vụ phối hợp", "Nhiệm vụ chuyên môn",
             "Nhiệm vụ bổ sung", "Nhiệm vụ khác", "Nhiệm vụ phát sinh", "Nhiệm vụ kiểm tra", "Nhiệm vụ tổng hợp"]


def roman(n):
    out = ""
    for value, numeral in [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= value:
            out += numeral
            n -= value
    return out


ROMAN = [roman(k + 1) for k in range(len(GROUPS))]


def make_title(rng, used):
    while True:
        verb = rng.choice(VERBS)
        obj = rng.choice(OBJECTS)
        domain = rng.choice(DOMAINS)
        scope = rng.choice(SCOPES)
        place = rng.choice(PLACES)
        domain2 = rng.choice(DOMAINS)
        key = (verb, obj, domain, scope, place if "{place}" in scope else "", domain2 if "{domain2}" in scope else "")
        if key not in used:
            used.add(key)
            return {"verb": verb, "obj": obj, "domain": domain, "scope": scope, "place": place, "domain2": domain2,
                    "insert": None}


def render_title(t, year):
    scope = t["scope"].format(place=t["place"], y=year, y2=year + 2, domain2=t["domain2"])
    words = [t["verb"], t["obj"], t["domain"]]
    if t["insert"]:
        words.append(t["insert"])
    return " ".join(words + [scope])


def reword(rng, t):
    t = dict(t)
    if t["verb"] in SYNONYMS and rng.random() < 0.5:
        t["verb"] = SYNONYMS[t["verb"]]
    else:
        t["insert"] = rng.choice(INSERTS)
    return t


def resolve(truth, new):
    """Truth entries name new tasks by object while tasks are inserted; make them indices."""
    index = {id(u): k for k, u in enumerate(new)}
    for e in truth:
        if e["new"] is not None:
            e["new"] = index[id(e["new"])]
    return truth


def generate(n, seed):
    rng = random.Random(seed)
    used = set()
    groups = len(GROUPS)
    old = []
    for k in range(n):
        old.append({
            "group": k * groups // n, "title": make_title(rng, used), "lead": rng.choice(UNITS[:14]),
            "support": rng.choice(UNITS), "product": rng.choice(PRODUCTS), "time": rng.choice(TIMES),
        })
    new = []
    truth = []
    for k, t in enumerate(old):
        r = rng.random()
        if r < 0.02:
            truth.append({"old": k, "new": None, "change": "removed"})
            continue
        u = dict(t)
        fields = []
        r = rng.random()
        if r < 0.05:
            u["title"] = reword(rng, t["title"]); fields.append("title")
        elif r < 0.08:
            u["group"] = (t["group"] + rng.randrange(1, groups)) % groups; fields.append("section")
        elif r < 0.11:
            u["lead"] = rng.choice([x for x in UNITS[:14] if x != t["lead"]]); fields.append("lead")
        elif r < 0.14:
            u["time"] = rng.choice([x for x in TIMES[:8] if x != t["time"]]); fields.append("time")
        elif r < 0.16:
            u["product"] = rng.choice([x for x in PRODUCTS if x != t["product"]]); fields.append("products")
        truth.append({"old": k, "new": u, "fields": fields})
        new.append(u)
    # Added tasks go to random places.
    for _ in range(n * 2 // 100):
        pos = rng.randrange(len(new) + 1)
        u = {"group": rng.randrange(groups), "title": make_title(rng, used), "lead": rng.choice(UNITS[:14]),
             "support": rng.choice(UNITS), "product": rng.choice(PRODUCTS), "time": rng.choice(TIMES), "added": True}
        new.insert(pos, u)
        truth.append({"old": None, "new": u, "change": "added"})
    return old, new, resolve(truth, new)


def write_old(path, old, year):
    ids = []
    lines = ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "", "Số: 01/KH-STNMT", "", f"Thái Bình, ngày 15 tháng 01 năm {year}", "",
             "KẾ HOẠCH", "", f"Công tác năm {year} của Sở Tài nguyên và Môi trường", "",
             "I. MỤC ĐÍCH, YÊU CẦU", "", f"- Triển khai có hiệu quả các nhiệm vụ năm {year}.", "",
             "II. NHIỆM VỤ, GIẢI PHÁP", "", "Chi tiết nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.", "",
             "Nơi nhận:", "- Lưu: VT.", "", "GIÁM ĐỐC", "", "Nguyễn Văn An", "", "PHỤ LỤC",
             f"NHIỆM VỤ NĂM {year}", "",
             "STT\tNhiệm vụ\tKết quả/ Sản phẩm\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện"]
    group = -1
    row = 0
    for t in old:
        if t["group"] != group:
            group = t["group"]
            row = 0
            lines.append(f"{ROMAN[group]}. {GROUPS[group]}\t\t\t\t\t")
        row += 1
        lines.append("\t".join([str(row), render_title(t["title"], year), t["product"], t["lead"], t["support"],
                                t["time"].format(y=year)]))
        ids.append(f"PL.{ROMAN[group]}.{row}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def write_new(path, new, year):
    # Tasks are written group by group (a moved task appears in its new group), 23 lettered
    # items per sub-group `k.j. Nhiệm vụ …`.
    order = sorted(range(len(new)), key=lambda k: (new[k]["group"], k))
    ids = [None] * len(new)
    lines = ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "", "Số: 02/KH-STNMT", "", f"Thái Bình, ngày 10 tháng 01 năm {year}", "",
             f"KẾ HOẠCH Công tác năm {year} của Sở Tài nguyên và Môi trường", "",
             "I. MỤC ĐÍCH, YÊU CẦU", "", f"- Triển khai có hiệu quả các nhiệm vụ năm {year}.", "",
             "II. NHIỆM VỤ CỤ THỂ", ""]
    group = -1
    item = 0
    for k in order:
        t = new[k]
        if t["group"] != group:
            group = t["group"]
            item = 0
            lines += [f"{group + 1}. {GROUPS[group].capitalize()}", ""]
        sub, letter = divmod(item, len(LETTERS))
        if letter == 0:
            name = SUBGROUPS[sub % len(SUBGROUPS)] + (f" {sub // len(SUBGROUPS) + 1}" if sub >= len(SUBGROUPS) else "")
            lines += [f"{group + 1}.{sub + 1}. {name}", ""]
        item += 1
        lines += [f"{LETTERS[letter]}) {render_title(t['title'], year)}:", "",
                  f"- Đơn vị chủ trì thực hiện: {t['lead']}.", f"- Đơn vị phối hợp: {t['support']}.",
                  f"- Sản phẩm: {t['product']}.", f"- Thời gian thực hiện: {t['time'].format(y=year)}.", ""]
        ids[k] = f"II.{group + 1}.{group + 1}.{sub + 1}.{LETTERS[letter]}"
    lines += ["III. TỔ CHỨC THỰC HIỆN", "", "Các phòng, đơn vị triển khai thực hiện./.", "", "Nơi nhận:",
              "- Lưu: VT.", "", "GIÁM ĐỐC", "", "Nguyễn Văn An"]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def score(truth_path, diff_path):
    truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    diff = json.loads(Path(diff_path).read_text(encoding="utf-8"))
    want = {(e["old"], e["new"]) for e in truth if e.get("old") and e.get("new")}
    got = {(c["old"]["id"], c["new"]["id"]) for c in diff["changes"] if c["old"] and c["new"]}
    right = len(want & got)
    print(f"pairs: intended {len(want)}, found {len(got)}, right {right}; "
          f"recall {right / max(1, len(want)):.4f}, precision {right / max(1, len(got)):.4f}")
    kinds = {}
    for e in truth:
        kind = e.get("change") or ("unchanged" if not e["fields"] else
                                   "moved" if "section" in e["fields"] else "modified")
        kinds[kind] = kinds.get(kind, 0) + 1
    print("intended:", ", ".join(f"{k} {kinds.get(k, 0)}" for k in ["added", "removed", "moved", "modified", "unchanged"]))
    s = diff["summary"]
    print("found:   ", ", ".join(f"{k} {s[k]}" for k in ["added", "removed", "moved", "modified", "unchanged"]))


SMALL_VOCAB = ["xây", "dựng", "kế", "hoạch", "báo", "cáo", "kiểm", "tra", "thực", "hiện", "công", "tác",
               "tổ", "chức", "đánh", "giá", "hồ", "sơ", "rà", "soát"]


def small_vocab_title(rng):
    words = [rng.choice(SMALL_VOCAB) for _ in range(rng.randint(4, 10))]
    if rng.random() < 0.3:
        words += ["năm", "{y}"]
    return words


def generate_small_vocab(n, seed, reword):
    """Tasks whose titles share a 20-word vocabulary; many repeat, many differ in one word."""
    rng = random.Random(seed)
    groups = len(GROUPS)
    old = []
    for k in range(n):
        old.append({"group": k * groups // n, "words": small_vocab_title(rng), "lead": rng.choice(UNITS[:14]),
                    "support": rng.choice(UNITS), "product": rng.choice(PRODUCTS), "time": rng.choice(TIMES)})
    new = []
    truth = []
    for k, t in enumerate(old):
        if rng.random() < 0.02:
            truth.append({"old": k, "new": None, "change": "removed"})
            continue
        u = dict(t)
        fields = []
        if rng.random() < reword:
            words = list(t["words"])
            i = rng.randrange(len(words) - (2 if words[-1] == "{y}" else 0))
            words[i] = rng.choice([w for w in SMALL_VOCAB if w != words[i]])
            u["words"] = words
            fields.append("title")
        truth.append({"old": k, "new": u, "fields": fields})
        new.append(u)
    for _ in range(n * 2 // 100):
        pos = rng.randrange(len(new) + 1)
        u = {"group": new[min(pos, len(new) - 1)]["group"] if new else 0, "words": small_vocab_title(rng),
             "lead": rng.choice(UNITS[:14]), "support": rng.choice(UNITS), "product": rng.choice(PRODUCTS),
             "time": rng.choice(TIMES)}
        new.insert(pos, u)
        truth.append({"old": None, "new": u, "change": "added"})
    return old, new, resolve(truth, new)


def write_table(path, tasks, year, number):
    """An appendix-table plan; each task has `words` (a title template) or `text`."""
    ids = []
    lines = ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "", f"Số: {number}/KH-STNMT", "",
             f"Thái Bình, ngày 15 tháng 01 năm {year}", "", "KẾ HOẠCH", "",
             f"Công tác năm {year} của Sở Tài nguyên và Môi trường", "", "PHỤ LỤC", f"NHIỆM VỤ NĂM {year}", "",
             "STT\tNhiệm vụ\tKết quả/ Sản phẩm\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện"]
    group = -1
    row = 0
    for t in tasks:
        if t["group"] != group:
            group = t["group"]
            row = 0
            lines.append(f"{ROMAN[group]}. {GROUPS[group]}\t\t\t\t\t")
        row += 1
        title = t["text"] if "text" in t else " ".join(t["words"]).format(y=year)
        title = title[0].upper() + title[1:]
        lines.append("\t".join([str(row), title, t["product"], t["lead"], t["support"], t["time"].format(y=year)]))
        ids.append(f"PL.{ROMAN[group]}.{row}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def generate_long_title(words, seed, edits):
    """A few ordinary rows and one row with a title of `words` words; `edits` of them edited."""
    rng = random.Random(seed)
    vocab = sorted({w for phrase in VERBS + OBJECTS + DOMAINS + PLACES for w in phrase.lower().replace(",", "").split()})
    vocab = (vocab * 4)[:400] if len(vocab) < 400 else vocab[:400]
    vocab = [w if i < len(set(vocab)) else f"{w}{i}" for i, w in enumerate(vocab)]
    long_old = [rng.choice(vocab) for _ in range(words)]
    long_new = []
    for w in long_old:
        r = rng.random()
        if r < edits / 4:
            continue  # deleted
        if r < edits * 3 / 4:
            long_new.append(rng.choice(vocab))  # replaced
        else:
            long_new.append(w)
        if rng.random() < edits / 4:
            long_new.append(rng.choice(vocab))  # inserted
    used = set()
    old = []
    for k in range(20):
        t = make_title(rng, used)
        old.append({"group": k // 5, "text": render_title(t, 2024), "text_new": render_title(t, 2025),
                    "lead": rng.choice(UNITS[:14]), "support": rng.choice(UNITS), "product": rng.choice(PRODUCTS),
                    "time": rng.choice(TIMES)})
    long_task = {"group": 1, "text": "Nhiệm vụ " + " ".join(long_old), "text_new": "Nhiệm vụ " + " ".join(long_new),
                 "lead": UNITS[0], "support": UNITS[1], "product": PRODUCTS[0], "time": TIMES[0]}
    old.insert(7, long_task)
    new = [dict(t, text=t["text_new"]) for t in old]
    truth = [{"old": k, "new": k, "fields": ["title"] if t is long_task else []} for k, t in enumerate(old)]
    return old, new, truth


def main(argv):
    if len(argv) >= 1 and argv[0] == "--score":
        score(argv[1], argv[2])
        return 0
    if not argv:
        print(__doc__)
        return 2
    out = Path(argv[0])
    n = int(argv[argv.index("--tasks") + 1]) if "--tasks" in argv else 5000
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    shape = argv[argv.index("--shape") + 1] if "--shape" in argv else "default"
    words = int(argv[argv.index("--words") + 1]) if "--words" in argv else 32000
    out.mkdir(parents=True, exist_ok=True)
    if shape == "small-vocab":
        old, new, truth = generate_small_vocab(n, seed, float(argv[argv.index("--reword") + 1]) if "--reword" in argv else 0.5)
        old_ids = write_table(out / "plan-2024.txt", old, 2024, "01")
        new_ids = write_table(out / "plan-2025.txt", new, 2025, "02")
    elif shape == "long-title":
        edits = float(argv[argv.index("--edits") + 1]) if "--edits" in argv else 0.1
        old, new, truth = generate_long_title(words, seed, edits)
        old_ids = write_table(out / "plan-2024.txt", old, 2024, "01")
        new_ids = write_table(out / "plan-2025.txt", new, 2025, "02")
    elif shape == "default":
        old, new, truth = generate(n, seed)
        old_ids = write_old(out / "plan-2024.txt", old, 2024)
        if "--only-old" in argv:
            print(f"{out}/plan-2024.txt: {len(old)} tasks")
            return 0
        new_ids = write_new(out / "plan-2025.txt", new, 2025)
    else:
        print(f"unknown --shape {shape}: default, small-vocab or long-title", file=sys.stderr)
        return 2
    for e in truth:
        e["old"] = old_ids[e["old"]] if e["old"] is not None else None
        e["new"] = new_ids[e["new"]] if e["new"] is not None else None
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{out}/plan-2024.txt: {len(old)} tasks; {out}/plan-2025.txt: {len(new)} tasks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
