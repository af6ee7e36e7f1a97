#!/usr/bin/env python3
"""Compare two `extract` JSON outputs of the same plan.

    python3 scripts/compare-records.py OLD.json NEW.json          # short table on stdout
    python3 scripts/compare-records.py --json OLD.json NEW.json   # machine-readable report
    extract samples/table-appendix.txt > old.json
    extract converted.txt | python3 scripts/compare-records.py old.json -

OLD is the reference (normally `extract` on the clean text twin), NEW the output to judge
(a Word reader, a converter's text, …). Either may be `-` for standard input. A file may hold
one document, a JSON array with one document, or NDJSON with one line.

What is compared
  tasks     matched one to one by title similarity, whatever their origin (table / fields /
            prose) or id: normalized titles that are equal pair first, then the remaining pairs
            in order of similarity (word-bigram Dice, ties by position), pairs below
            --threshold (default 0.6) stay unmatched. Reported: expected (OLD), found (NEW),
            matched, missing (OLD only), extra (NEW only), and for matched pairs the agreement
            of title, lead names, support names, products, time texts and section.
  targets   matched the same way on their text; agreement of text and section.
  header    kind, number, issuer, place, date, title, planYear, recipients, signer.
  warnings  the codes of both sides as multisets (reported, never part of the verdict).

Normalization (unless --strict): Unicode NFC, case folded, whitespace collapsed, dashes and
quotes unified, the markdown remnants `**`, `*`, `^{…}` dropped, a trailing `.;:,` dropped.
Unit lists compare as sets of unit keys (the `key` of each name), products and time texts as
sets of normalized texts, a section as its list of normalized headings (with numbers; use
--section-words to compare headings without their markers).

Cost: pairing is quadratic in the number of unmatched tasks (fine for plans of a few hundred
tasks; a few seconds at 2,000). Standard library only, Python 3.9+.

Exit status: 0 when tasks, targets and header agree completely (same count, every task and
target matched, every compared field equal); 1 when they differ; 2 on a usage or input error.
"""

import argparse
import json
import re
import sys
import unicodedata

TASK_FIELDS = ["title", "lead", "support", "products", "time", "section"]
HEADER_FIELDS = ["kind", "number", "issuer", "place", "date", "title", "planYear", "recipients", "signer"]
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
QUOTES = {ord(c): '"' for c in "\u201c\u201d\u201e\u00ab\u00bb"} | {ord(c): "'" for c in "\u2018\u2019"}
MARKER = re.compile(r"^(?:(?:PHẦN\s+)?[IVXLC]+\.|[A-Z]\.|\d+(?:\.\d+)*\.|[a-zđ]\)|\d+\)|[-+•▪➢*]+)\s+", re.I)


class Options:
    strict = False
    section_words = False


def norm(text, opts=Options):
    if text is None:
        return None
    if not isinstance(text, str):
        text = json.dumps(text, ensure_ascii=False, sort_keys=True)
    text = unicodedata.normalize("NFC", text)
    if opts.strict:
        return text
    text = re.sub(r"\^\{[^}]*\}", "", text)
    text = text.replace("**", "").replace("*", "")
    text = text.translate(DASHES).translate(QUOTES)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"[.;:,]+$", "", text).strip()
    return text.casefold()


def words(text):
    return re.findall(r"\w+", norm(text) or "")


def similarity(a, b):
    """Dice coefficient over words and adjacent word pairs (0..1)."""
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    fa = wa + [x + " " + y for x, y in zip(wa, wa[1:])]
    fb = wb + [x + " " + y for x, y in zip(wb, wb[1:])]
    ca, cb = {}, {}
    for f in fa:
        ca[f] = ca.get(f, 0) + 1
    for f in fb:
        cb[f] = cb.get(f, 0) + 1
    common = sum(min(n, cb.get(f, 0)) for f, n in ca.items())
    return 2 * common / (len(fa) + len(fb))


def match(old, new, key, threshold):
    """One-to-one pairs (i, j, similarity): equal texts first, then best similarity."""
    pairs, used_o, used_n = [], set(), set()
    index = {}
    for j, n in enumerate(new):
        index.setdefault(norm(key(n)), []).append(j)
    for i, o in enumerate(old):
        for j in index.get(norm(key(o)), []):
            if j not in used_n:
                pairs.append((i, j, 1.0))
                used_o.add(i)
                used_n.add(j)
                break
    cands = []
    for i, o in enumerate(old):
        if i in used_o:
            continue
        for j, n in enumerate(new):
            if j in used_n:
                continue
            s = similarity(key(o), key(n))
            if s >= threshold:
                cands.append((-s, abs(i - j), i, j))
    for s, _, i, j in sorted(cands):
        if i not in used_o and j not in used_n:
            pairs.append((i, j, -s))
            used_o.add(i)
            used_n.add(j)
    pairs.sort()
    return pairs


def unit_set(units):
    return sorted({norm(u.get("key") or u.get("name")) for u in units or []})


def text_set(items):
    return sorted({norm(x) for x in items or [] if norm(x)})


def section_of(sec, opts):
    out = []
    for h in sec or []:
        h = norm(h, opts)
        if opts.section_words and h:
            h = MARKER.sub("", h)
        out.append(h)
    return out


def task_field(task, name, opts):
    if name == "title":
        return norm(task.get("title"), opts)
    if name in ("lead", "support"):
        return unit_set(task.get(name))
    if name == "products":
        return text_set(task.get("products"))
    if name == "time":
        return text_set([m.get("text") for m in task.get("time") or []])
    if name == "section":
        return section_of(task.get("section"), opts)
    raise KeyError(name)


def header_field(doc, name, opts):
    value = doc.get(name)
    if name == "recipients":
        return [norm(x, opts) for x in value or []]
    if name == "signer":
        if not value:
            return None
        return {"title": norm(value.get("title"), opts), "name": norm(value.get("name"), opts)}
    if name == "date":
        return value
    if name == "planYear":
        return value
    return norm(value, opts)


def load(path):
    try:
        raw = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    except OSError as e:
        raise SystemExit(f"compare-records: cannot read {path}: {e.strerror}")
    raw = raw.strip()
    if not raw:
        raise SystemExit(f"compare-records: {path} is empty (did extract refuse the input?)")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        lines = [line for line in raw.splitlines() if line.strip()]
        try:
            data = [json.loads(line) for line in lines]
        except json.JSONDecodeError as e:
            raise SystemExit(f"compare-records: {path} is not JSON: {e}")
    if isinstance(data, list):
        if len(data) != 1:
            raise SystemExit(f"compare-records: {path} holds {len(data)} documents, expected one")
        data = data[0]
    if not isinstance(data, dict) or "tasks" not in data or "document" not in data:
        raise SystemExit(f"compare-records: {path} is not an extract document (no 'tasks'/'document')")
    return data


def compare(old, new, opts, threshold=0.6):
    rep = {"tasks": {}, "targets": {}, "header": {}, "warnings": {}}
    ot, nt = old.get("tasks") or [], new.get("tasks") or []
    pairs = match(ot, nt, lambda t: t.get("title") or "", threshold)
    agree = {f: 0 for f in TASK_FIELDS}
    diffs = []
    for i, j, s in pairs:
        row = {"old": ot[i].get("id"), "new": nt[j].get("id"), "similarity": round(s, 3), "fields": {}}
        for f in TASK_FIELDS:
            a, b = task_field(ot[i], f, opts), task_field(nt[j], f, opts)
            if a == b:
                agree[f] += 1
            else:
                row["fields"][f] = {"old": a, "new": b}
        if row["fields"]:
            diffs.append(row)
    mo = {i for i, _, _ in pairs}
    mn = {j for _, j, _ in pairs}
    rep["tasks"] = {
        "expected": len(ot), "found": len(nt), "matched": len(pairs),
        "missing": [{"id": ot[i].get("id"), "title": ot[i].get("title")} for i in range(len(ot)) if i not in mo],
        "extra": [{"id": nt[j].get("id"), "title": nt[j].get("title")} for j in range(len(nt)) if j not in mn],
        "agree": agree, "differences": diffs,
    }
    og, ng = old.get("targets") or [], new.get("targets") or []
    tpairs = match(og, ng, lambda t: t.get("text") or "", threshold)
    tagree = {"text": 0, "section": 0}
    tdiffs = []
    for i, j, s in tpairs:
        fields = {}
        for f in ("text", "section"):
            a = norm(og[i].get(f), opts) if f == "text" else section_of(og[i].get(f), opts)
            b = norm(ng[j].get(f), opts) if f == "text" else section_of(ng[j].get(f), opts)
            if a == b:
                tagree[f] += 1
            else:
                fields[f] = {"old": a, "new": b}
        if fields:
            tdiffs.append({"old": og[i].get("id"), "new": ng[j].get("id"), "fields": fields})
    rep["targets"] = {"expected": len(og), "found": len(ng), "matched": len(tpairs), "agree": tagree,
                      "missing": [og[i].get("text") for i in range(len(og)) if i not in {a for a, _, _ in tpairs}],
                      "extra": [ng[j].get("text") for j in range(len(ng)) if j not in {b for _, b, _ in tpairs}],
                      "differences": tdiffs}
    od, nd = old.get("document") or {}, new.get("document") or {}
    for f in HEADER_FIELDS:
        a, b = header_field(od, f, opts), header_field(nd, f, opts)
        rep["header"][f] = {"equal": a == b, "old": a, "new": b}
    ow = sorted(w.get("code") for w in old.get("warnings") or [])
    nw = sorted(w.get("code") for w in new.get("warnings") or [])
    rep["warnings"] = {"old": ow, "new": nw, "equal": ow == nw}
    t, g = rep["tasks"], rep["targets"]
    rep["identical"] = (
        t["expected"] == t["found"] == t["matched"] and not t["differences"]
        and g["expected"] == g["found"] == g["matched"] and not g["differences"]
        and all(h["equal"] for h in rep["header"].values()))
    rep["summary"] = {
        "tasks": f'{t["matched"]}/{t["expected"]}' + (f' (+{len(t["extra"])} extra)' if t["extra"] else ""),
        "tasksExact": t["matched"] - len(t["differences"]),
        "targets": f'{g["matched"]}/{g["expected"]}' + (f' (+{len(g["extra"])} extra)' if g["extra"] else ""),
        "header": f'{sum(h["equal"] for h in rep["header"].values())}/{len(HEADER_FIELDS)}',
    }
    return rep


def short(value, width=60):
    s = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return s if len(s) <= width else s[:width - 1] + "…"


def table(rep, verbose):
    t, g = rep["tasks"], rep["targets"]
    out = []
    out.append(f'tasks    expected {t["expected"]:>4}  found {t["found"]:>4}  matched {t["matched"]:>4}'
               f'  missing {len(t["missing"]):>3}  extra {len(t["extra"]):>3}')
    m = t["matched"] or 1
    out.append("  field      agree")
    for f in TASK_FIELDS:
        pct = f"{100 * t['agree'][f] / m:5.1f}%" if t["matched"] else "    -"
        out.append(f'  {f:<10} {t["agree"][f]:>4}/{t["matched"]:<4} {pct}')
    out.append(f'targets  expected {g["expected"]:>4}  found {g["found"]:>4}  matched {g["matched"]:>4}'
               f'  text {g["agree"]["text"]}/{g["matched"]}  section {g["agree"]["section"]}/{g["matched"]}')
    out.append("header")
    for f, h in rep["header"].items():
        mark = "ok  " if h["equal"] else "DIFF"
        extra = "" if h["equal"] else f'  {short(h["old"], 40)} -> {short(h["new"], 40)}'
        out.append(f"  {f:<10} {mark}{extra}")
    w = rep["warnings"]
    out.append(f'warnings old {",".join(w["old"]) or "-"}  new {",".join(w["new"]) or "-"}')
    if verbose:
        for x in t["missing"][:20]:
            out.append(f'  missing {x["id"]}: {short(x["title"])}')
        for x in t["extra"][:20]:
            out.append(f'  extra   {x["id"]}: {short(x["title"])}')
        for d in t["differences"][:20]:
            for f, v in d["fields"].items():
                out.append(f'  {d["old"]} ~ {d["new"]} {f}: {short(v["old"], 50)} -> {short(v["new"], 50)}')
    out.append("identical" if rep["identical"] else "different")
    return "\n".join(out) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(prog="compare-records.py", description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old", help="reference extract JSON (e.g. of the text twin), or -")
    ap.add_argument("new", help="extract JSON to judge, or -")
    ap.add_argument("--json", action="store_true", help="write the full report as JSON")
    ap.add_argument("--strict", action="store_true", help="compare texts exactly (NFC only)")
    ap.add_argument("--section-words", action="store_true", help="compare section headings without markers")
    ap.add_argument("--threshold", type=float, default=0.6, help="minimum title similarity of a pair (0.6)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missing, extra and differing tasks")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    if args.old == "-" and args.new == "-":
        print("compare-records: only one of OLD and NEW can be -", file=sys.stderr)
        return 2
    opts = Options
    Options.strict, Options.section_words = args.strict, args.section_words
    try:
        old, new = load(args.old), load(args.new)
    except SystemExit as e:
        print(e, file=sys.stderr)
        return 2
    rep = compare(old, new, opts, args.threshold)
    if args.json:
        json.dump(rep, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(table(rep, args.verbose))
    return 0 if rep["identical"] else 1


if __name__ == "__main__":
    sys.exit(main())
