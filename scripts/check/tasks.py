#!/usr/bin/env python3
"""Reads the task CSV (any delimiter) or the tasks NDJSON back and compares it with the JSON.

    python3 scripts/check/tasks.py csv ';' tasks.csv plan-1.json [plan-2.json …]
    python3 scripts/check/tasks.py ndjson - tasks.ndjson plan-1.json [plan-2.json …]

The CSV is read by python's `csv` module with the delimiter given (`\\t` for a tab), the
NDJSON line by line with `json` (as `pandas.read_json(lines=True)` and `sqlite-utils --nl`
read it). Every row must hold its task's fields as README documents them. Exits 1 on a problem.
"""
import csv
import io
import json
import sys

from records import document_id

SEP = "; "


def expected(doc, t):
    starts = [m["start"] for m in t["time"] if m["start"]]
    ends = [m["end"] for m in t["time"] if m["end"]]
    return {
        "source": doc["source"]["path"],
        "document": document_id(doc),
        "id": t["id"],
        "origin": t["origin"],
        "section": " > ".join(t["section"]),
        "number": t["number"],
        "title": t["title"],
        "lead": SEP.join(u["name"] for u in t["lead"]),
        "lead_keys": SEP.join(u["key"] for u in t["lead"]),
        "support": SEP.join(u["name"] for u in t["support"]),
        "support_keys": SEP.join(u["key"] for u in t["support"]),
        "products": SEP.join(t["products"]),
        "time": SEP.join(m["text"] for m in t["time"]),
        "start": min(starts) if starts else None,
        "end": max(ends) if ends else None,
        "line": t["line"],
    }


def main():
    kind, delimiter, path, jsons = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    docs = [json.load(open(p, encoding="utf-8")) for p in jsons]
    want = [expected(d, t) for d in docs for t in d["tasks"]]
    if kind != "csv":
        # Tasks NDJSON also says where each lead comes from.
        sources = [t["leadSource"] for d in docs for t in d["tasks"]]
        for w, s in zip(want, sources):
            w["lead_source"] = s["kind"] if s else None
            w["lead_source_line"] = s["line"] if s else None
    problems = []
    if kind == "csv":
        delimiter = "\t" if delimiter in ("\\t", "tab") else delimiter
        text = open(path, encoding="utf-8-sig", newline="").read()
        rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
        for r in rows:
            for k in ("number", "start", "end"):
                r[k] = r[k] or None
            r["line"] = int(r["line"])
    else:
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        for r in rows:
            for k, v in r.items():
                if isinstance(v, (list, dict)):
                    problems.append(f"{r.get('uid')}: {k} is nested")
    if len(rows) != len(want):
        problems.append(f"{len(rows)} rows for {len(want)} tasks")
    for r, w in zip(rows, want):
        for k, v in w.items():
            if r.get(k) != v:
                problems.append(f"{w['id']} {k}: {r.get(k)!r} != {v!r}")
    for p in problems[:40]:
        print(p)
    print(f"{len(rows)} rows, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
