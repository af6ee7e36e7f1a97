#!/usr/bin/env python3
"""Generate the messy variants under samples/messy/ from the clean samples.

Standard library only and deterministic: running it twice gives the same bytes.

    python3 scripts/make-messy-samples.py          # (re)write samples/messy/*.txt
    python3 scripts/make-messy-samples.py --check  # exit 1 if a committed file differs

For each of table-appendix, field-bullets and prose-bullets it writes
  <name>.wrapped.txt    prose hard-wrapped at 70-90 characters (PDF / web copy), with
                        planted line starts (year range, "4 năm 2018", "- xã hội",
                        a number followed by a word); tables (table-appendix only)
                        become `| a | b |` pipe rows with outer pipes, never wrapped;
  <name>.paginated.txt  page furniture every ~40 lines (page number or "Trang n/N",
                        then a running header), sometimes splitting a paragraph or a
                        table row across the page break;
  <name>.noblank.txt    the clean text with every blank line removed;
and also
  table-appendix.web.txt        the letterhead as web pages render it, `PHẦN I.`,
                                inline fields, pipe table without outer pipes;
  columns-reordered.pipes.txt   the columns-reordered sample with ` | ` cells and
                                no outer pipes.
What each file should give is written in samples/messy/README.md.
"""

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MESSY = SAMPLES / "messy"

# name -> (wrap width, planted line starts for the wrapped variant, running header,
#          page breaks for the paginated variant: (target clean line, mode, style))
SPECS = {
    "table-appendix": dict(
        width=82,
        planted=["2021-2025;", "4 năm 2018", "- xã hội", "500 cuốn"],
        header="Kế hoạch PBGDPL năm 2025 - Sở Tư pháp Quảng Nam",
        breaks=[(40, "split-para", "number"), (80, "between", "trang"),
                (131, "split-row", "number")],
    ),
    "field-bullets": dict(
        width=76,
        planted=["2021-2025;", "4 năm 2018", "- xã hội", "6 tháng, năm"],
        header="Kế hoạch Chuyển đổi số ngành Y tế năm 2025 - Sở Y tế Bình Định",
        breaks=[(40, "between", "number"), (80, "split-para", "trang"),
                (120, "between", "number"), (160, "split-para", "trang"),
                (200, "between", "number")],
    ),
    "prose-bullets": dict(
        width=88,
        planted=["2021-2025;", "4 năm 2018", "- xã hội", "04 huyện"],
        header="Kế hoạch CCHC năm 2025 - UBND huyện Đức Trọng",
        breaks=[(40, "split-para", "trang"), (80, "between", "number"),
                (120, "split-para", "number"), (160, "between", "trang")],
    ),
}

# A wrapped line must not start like a structural line unless it was planted there.
ACCIDENT = re.compile(
    r"^(?:[-+•*]\s|\d|[IVXLC]+\b|[a-zđ][.)]\s|Căn cứ|Nơi nhận|PHỤ LỤC|Kính gửi"
    r"|(?:Cơ quan|Đơn vị|Sản phẩm|Kết quả|Thời gian|Thời hạn|Chủ trì|Phối hợp)[^:]{0,40}:)"
)


def read(path):
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text and unicodedata.is_normalized("NFC", text), path
    return text.split("\n")[:-1]  # files end with one LF


def write(path, lines, check, problems):
    data = "\n".join(lines) + "\n"
    assert unicodedata.is_normalized("NFC", data)
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != data:
            problems.append(str(path.relative_to(ROOT)))
    else:
        path.write_text(data, encoding="utf-8")


def is_table(line):
    return "\t" in line


def pipes(line, outer):
    cells = line.split("\t")
    if outer:
        return "| " + " | ".join(cells) + " |"
    return " | ".join(cells).rstrip()


# ---------------------------------------------------------------- wrapping

def greedy(words, width, forced, allowed=frozenset()):
    """Greedy wrap of `words` at `width` characters.

    `forced`: word indexes that must start a line; `allowed`: word indexes that may
    start a line even though they look like a marker (the planted traps). Returns a
    list of (start, end) word ranges, or None when no acceptable wrap exists."""
    def accident(j):
        return j not in forced and j not in allowed and ACCIDENT.match(" ".join(words[j:j + 3]))

    lines, start, length, i = [], 0, len(words[0]), 1
    while i < len(words):
        if i not in forced and length + 1 + len(words[i]) <= width:
            length += 1 + len(words[i])
            i += 1
            continue
        j = i
        if i not in forced:
            while j > start + 1 and accident(j):
                j -= 1  # back off: move a word down so the next line starts plainly
            if accident(j):
                return None
        lines.append((start, j))
        start = j
        if j == i:
            length = len(words[i])
            i += 1
        else:
            length = len(" ".join(words[j:i]))
    lines.append((start, len(words)))
    return lines


def wrap_words(words, width, allowed):
    res = greedy(words, width, set(), allowed)
    assert res, " ".join(words)
    return [" ".join(words[a:b]) for a, b in res]


def wrap_prefix(words, base):
    """Wrap the words before a planted line start so that the last line is long.

    Tries every width in 70..90 and keeps the one whose last line is longest
    (ties: closest to `base`), so the planted break looks like an ordinary one."""
    best = None
    for w in range(70, 91):
        res = greedy(words, w, set())
        if not res:
            continue
        out = [" ".join(words[a:b]) for a, b in res]
        key = (-len(out[-1]), abs(w - base), w)
        if best is None or key < best[0]:
            best = (key, out)
    assert best, " ".join(words)
    return best[1]


MIN_LAST = 60  # the line before a planted line start is at least this long


def wrap_line(line, width, todo, planted_at, lineno):
    """Wrap one paragraph line; plant the phrases of `todo` found in it at line starts."""
    if len(line) <= width:
        return [line]
    words = line.split(" ")
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    cuts = []
    for p in list(todo):
        k = line.find(p)
        if k > 0 and k in starts:
            cuts.append((starts.index(k), p))
    cuts.sort()
    out, begin = [], 0
    for idx, p in cuts:
        if idx <= begin:
            continue
        prefix = wrap_prefix(words[begin:idx], width)
        if len(prefix[-1]) < MIN_LAST:
            continue  # would look odd here; try the phrase in a later paragraph
        out.extend(prefix)
        begin = idx
        todo.remove(p)
        planted_at.append((lineno, p))
    allowed = {0} if begin else set()
    out.extend(wrap_words(words[begin:], width, allowed))
    return out


def make_wrapped(name, lines, spec):
    out, todo, planted_at = [], list(spec["planted"]), []
    for n, line in enumerate(lines, 1):
        if is_table(line):
            out.append(pipes(line, outer=True))
        else:
            out.extend(wrap_line(line, spec["width"], todo, planted_at, n))
    assert not todo, (name, todo)
    for p in spec["planted"]:
        assert sum(l.startswith(p) for l in out) == 1, (name, p)
    return out


# ---------------------------------------------------------------- pagination

def split_point(text):
    """A word boundary near the middle of `text` before a lower-case word."""
    words = text.split(" ")
    mid = len(words) // 2
    for d in range(len(words)):
        for k in (mid + d, mid - d):
            if 2 <= k < len(words) - 2:
                w = words[k]
                if w[:1].islower() and not ACCIDENT.match(" ".join(words[k:k + 3])):
                    return " ".join(words[:k]), " ".join(words[k:])
    raise ValueError(text)


def candidates(lines, mode):
    """Clean line indexes (0-based) where a break of `mode` can go."""
    res = []
    for i, l in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        prv = lines[i - 1] if i > 0 else None
        if mode == "between":
            # a blank line between two prose paragraphs
            if l == "" and prv and nxt and not is_table(prv) and not is_table(nxt) \
                    and not nxt[:1].islower() and i > 12:
                res.append(i)
        elif mode == "split-para":
            if not is_table(l) and len(l) > 140 and re.match(r"^([a-zđ]\) |- |\d+\. )", l):
                res.append(i)
        elif mode == "split-row":
            cells = l.split("\t")
            if is_table(l) and cells[0].isdigit() and len(cells[1]) > 60 and nxt \
                    and not nxt.startswith("\t") and nxt != "":
                res.append(i)
    return res


def make_paginated(name, lines, spec):
    header = spec["header"]
    total = len(spec["breaks"]) + 1
    chosen = []
    for target, mode, style in spec["breaks"]:
        cands = candidates(lines, mode)
        best = min(cands, key=lambda i: (abs(i + 1 - target), i))
        chosen.append((best, mode, style))
    chosen.sort()
    out = [header, ""]
    page = 1
    at = {i: (mode, style) for i, mode, style in chosen}
    for i, l in enumerate(lines):
        if i not in at:
            out.append(l)
            continue
        mode, style = at[i]
        page += 1
        furniture = ["", str(page), "", header, ""] if style == "number" \
            else ["", f"Trang {page}/{total}", header, ""]
        if mode == "between":
            out.extend(furniture)
        elif mode == "split-para":
            a, b = split_point(l)
            out.append(a)
            out.extend(furniture)
            out.append(b)
        elif mode == "split-row":
            cells = l.split("\t")
            a, b = split_point(cells[1])
            first = [cells[0], a] + cells[2:]
            cont = ["", b] + [""] * (len(cells) - 2)
            out.append("\t".join(first))
            out.extend(furniture)
            out.append("\t".join(cont))
    return out


# ---------------------------------------------------------------- the web variant

def replace_once(lines, old, new):
    idx = [i for i, l in enumerate(lines) if l == old]
    assert len(idx) == 1, old
    i = idx[0]
    return lines[:i] + new + lines[i + 1:]


def make_web(lines):
    L = list(lines)
    # letterhead rendered as a two-column table; the date line split in two
    assert L[:9] == ["", "", "Số: 05/KH-STP", "", "Quảng Nam, ngày 10 tháng 01 năm 2025", "",
                     "KẾ HOẠCH", "", L[8]]
    L = [
        "SỞ TƯ PHÁP TỈNH QUẢNG NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "------- | Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-STP | Quảng Nam, ngày",
        "10 tháng 01 năm 2025",
        "",
        "KẾ HOẠCH",
        L[8],
    ] + L[9:]
    L = replace_once(L, "I. MỤC ĐÍCH, YÊU CẦU", ["PHẦN I. NỘI DUNG KẾ HOẠCH", "", "I. MỤC ĐÍCH, YÊU CẦU"])
    # inline fields after a task sentence, in the same paragraph
    a = [l for l in L if l.startswith("a) Tham mưu UBND tỉnh ban hành kịp thời")]
    assert len(a) == 1
    L = replace_once(L, a[0], [a[0] + " Cơ quan chủ trì: Phòng Phổ biến, giáo dục pháp luật; "
                               "cơ quan phối hợp: Văn phòng Sở, Thanh tra Sở; "
                               "thời gian hoàn thành: Tháng 01-02/2025."])
    # all three fields on one line, as the next paragraph
    c = [l for l in L if l.startswith("c) Đẩy mạnh trợ giúp pháp lý lưu động")]
    assert len(c) == 1
    L = replace_once(L, c[0], [c[0], "", "Chủ trì: Trung tâm Trợ giúp pháp lý nhà nước. "
                               "Phối hợp: Phòng Phổ biến, giáo dục pháp luật; UBND các huyện miền núi. "
                               "Thời gian: Hằng quý."])
    # a web page has no page breaks: join the split paragraph and the split table rows
    out = []
    i = 0
    while i < len(L):
        l = L[i]
        if l == "" and i + 1 < len(L) and out and out[-1] and L[i + 1][:1].islower() \
                and not re.match(r"[a-zđ]\) ", L[i + 1]) and not is_table(out[-1]):
            out[-1] = out[-1] + " " + L[i + 1]
            i += 2
            continue
        if l == "" and i + 1 < len(L) and L[i + 1].startswith("\t") and out and is_table(out[-1]):
            prev = out[-1].split("\t")
            cont = L[i + 1].split("\t")
            out[-1] = "\t".join((p + " " + c).strip() if c else p for p, c in zip(prev, cont))
            i += 2
            continue
        if l == "" and i + 1 < len(L) and is_table(L[i + 1]) and out and is_table(out[-1]):
            i += 1  # a page break between two rows leaves nothing on a web page
            continue
        out.append(l)
        i += 1
    # bold and superscript are rendered, not written as markup
    out = [l.replace("**", "").replace("^{HT}", "") for l in out]
    return [pipes(l, outer=False) if is_table(l) else l for l in out]


def main():
    check = "--check" in sys.argv[1:]
    problems = []
    MESSY.mkdir(exist_ok=True)
    for name, spec in SPECS.items():
        lines = read(SAMPLES / f"{name}.txt")
        write(MESSY / f"{name}.wrapped.txt", make_wrapped(name, lines, spec), check, problems)
        write(MESSY / f"{name}.paginated.txt", make_paginated(name, lines, spec), check, problems)
        write(MESSY / f"{name}.noblank.txt", [l for l in lines if l != ""], check, problems)
    write(MESSY / "table-appendix.web.txt", make_web(read(SAMPLES / "table-appendix.txt")),
          check, problems)
    cr = read(SAMPLES / "columns-reordered.txt")
    write(MESSY / "columns-reordered.pipes.txt",
          [pipes(l, outer=False) if is_table(l) else l for l in cr], check, problems)
    if problems:
        print("out of date: " + ", ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
