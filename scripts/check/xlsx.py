#!/usr/bin/env python3
"""Reads a workbook of `extract --format xlsx` with openpyxl and compares it with the JSON.

    python3 scripts/check/xlsx.py plans.xlsx plan-1.json [plan-2.json …]

The JSON files are the documents of the workbook, in order. Every field of every task record
must be found in its cell of the Tasks sheet (and every milestone in Milestones), every table
as printed in its Table sheet, every warning in Warnings, the workload in Units; text cells
must be text (no formula, no leading apostrophe, `1.` not turned into a number), dates real
dates. Prints one line per problem, then a count, and exits 1 when there is any.

    python3 scripts/check/xlsx.py --diff changes.xlsx diff.json

checks a workbook of `extract diff --format xlsx` against the diff JSON instead.
"""
import datetime
import json
import sys

import openpyxl

from records import document_id

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def expect(where, actual, wanted):
    if actual != wanted:
        problem(where, f"{actual!r} != {wanted!r}")


NL = "\n"


def text(value):
    """What a text cell should read back as: None for an empty cell."""
    return value if value not in ("", None) else None


def date(iso):
    return None if iso is None else datetime.datetime.fromisoformat(iso)


def citation(c):
    details = []
    if c["date"]:
        details.append(c["date"])
    if c["issuer"]:
        details.append(c["issuer"])
    if c["lines"]:
        details.append(("line " if len(c["lines"]) == 1 else "lines ") + ", ".join(map(str, c["lines"])))
    return f"{c['kind']} {c['number']}" + (f" ({'; '.join(details)})" if details else "")


def rows(ws):
    """Header names and the rows below as dicts of cell objects."""
    header = [c.value for c in ws[1]]
    out = []
    for r in ws.iter_rows(min_row=2):
        out.append({h: c for h, c in zip(header, r)})
    return header, out


def check_cell_types(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                where = f"{ws.title}!{c.coordinate}"
                if c.data_type == "f":
                    problem(where, f"a formula: {c.value!r}")
                if isinstance(c.value, str) and c.value.startswith("'"):
                    problem(where, f"a leading apostrophe: {c.value!r}")
                if c.data_type == "n" and not isinstance(c.value, (int, datetime.datetime)):
                    problem(where, f"an unexpected number: {c.value!r}")


TASK_FIELDS = {
    # column → how the task record gives its value
    "id": lambda d, t: t["id"],
    "section": lambda d, t: text(NL.join(t["section"])),
    "number": lambda d, t: text(t["number"]),
    "title": lambda d, t: text(t["title"]),
    "lead": lambda d, t: text(NL.join(u["name"] for u in t["lead"])),
    "support": lambda d, t: text(NL.join(u["name"] for u in t["support"])),
    "products": lambda d, t: text(NL.join(t["products"])),
    "time": lambda d, t: text(NL.join(m["text"] for m in t["time"])),
    "start": lambda d, t: date(min((m["start"] for m in t["time"] if m["start"]), default=None)),
    "end": lambda d, t: date(max((m["end"] for m in t["time"] if m["end"]), default=None)),
    "origin": lambda d, t: t["origin"],
    "line": lambda d, t: t["line"],
    "end_line": lambda d, t: t["endLine"],
    "notes": lambda d, t: text(NL.join(t["notes"])),
    "references": lambda d, t: text(NL.join(citation(c) for c in t["references"])),
    "lead_keys": lambda d, t: text(NL.join(u["key"] for u in t["lead"])),
    "support_keys": lambda d, t: text(NL.join(u["key"] for u in t["support"])),
    "lead_source": lambda d, t: text(t["leadSource"]["kind"] if t.get("leadSource") else None),
    "lead_source_line": lambda d, t: t["leadSource"]["line"] if t.get("leadSource") else None,
    "source": lambda d, t: d["source"]["path"],
    "document": lambda d, t: document_id(d),
}

MILESTONE_FIELDS = {
    "source": lambda d, t, m: d["source"]["path"],
    "document": lambda d, t, m: document_id(d),
    "task": lambda d, t, m: t["id"],
    "text": lambda d, t, m: text(m["text"]),
    "kind": lambda d, t, m: m["kind"],
    "start": lambda d, t, m: date(m["start"]),
    "end": lambda d, t, m: date(m["end"]),
    "every": lambda d, t, m: m["every"],
    "action": lambda d, t, m: text(m["action"]),
    "line": lambda d, t, m: t["line"],
}


def check_tasks(wb, docs):
    header, got = rows(wb["Tasks"])
    expect("Tasks header", set(header), set(TASK_FIELDS))
    tasks = [(d, t) for d in docs for t in d["tasks"]]
    expect("Tasks rows", len(got), len(tasks))
    # Every key of the task record is shown somewhere (the map above covers the record).
    covered = {"id", "origin", "line", "endLine", "section", "number", "title", "lead", "support", "leadSource",
               "products", "time", "references", "notes"}
    for d, t in tasks:
        expect("task record keys", set(t) - covered, set())
    for k, ((d, t), row) in enumerate(zip(tasks, got)):
        for column, value in TASK_FIELDS.items():
            cell = row[column]
            expect(f"Tasks!{cell.coordinate} ({t['id']} {column})", cell.value, value(d, t))
            if isinstance(value(d, t), str):
                expect(f"Tasks!{cell.coordinate} type", cell.data_type, "s")
            if column in ("start", "end") and cell.value is not None and not cell.is_date:
                problem(f"Tasks!{cell.coordinate}", "not a date cell")
    ws = wb["Tasks"]
    expect("Tasks frozen", ws.freeze_panes, "A2")
    expect("Tasks autofilter", ws.auto_filter.ref is not None, True)
    expect("Tasks print titles", ws.print_title_rows, "$1:$1")
    expect("Tasks orientation", ws.page_setup.orientation, "landscape")
    expect("Tasks fit to width", (ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToWidth), (True, 1))
    if not all(c.font.b for c in ws[1]):
        problem("Tasks header", "not bold")

    header, got = rows(wb["Milestones"])
    expect("Milestones header", set(header), set(MILESTONE_FIELDS))
    ms = [(d, t, m) for d in docs for t in d["tasks"] for m in t["time"]]
    expect("Milestones rows", len(got), len(ms))
    for (d, t, m), row in zip(ms, got):
        for column, value in MILESTONE_FIELDS.items():
            expect(f"Milestones!{row[column].coordinate} ({t['id']} {column})", row[column].value, value(d, t, m))


def walk_tables(sections, path):
    for s in sections:
        heading = s["marker"] + (" " + s["title"] if s["title"] else "") if s["marker"] else s["title"]
        here = path + [heading]
        for t in s["tables"]:
            yield t, " > ".join(here)
        yield from walk_tables(s["children"], here)


def check_tables(wb, docs, table_sheets=None):
    tables = [(d, t, h) for d in docs for t, h in walk_tables(d["sections"], [])]
    names = table_sheets or [n for n in wb.sheetnames if n.startswith("Table ")]
    expect("table sheets", len(names), len(tables))
    for name, (d, table, heading) in zip(names, tables):
        ws = wb[name]
        caption = ws["A1"].value or ""
        if d["source"]["path"] not in caption or (heading and heading not in caption):
            problem(f"{name}!A1", f"caption {caption!r} names neither {heading!r} nor the source")
        header_row = next((r for r in table["rows"] if r["kind"] == "header"), None)
        header = header_row["cells"] if header_row else [c["title"] for c in table["columns"]]
        width = max([len(header), len(table["columns"])] + [len(r["cells"]) for r in table["rows"]])
        got_header = [c.value for c in ws[2]][:width]
        expect(f"{name} header", got_header, [text(h) for h in header] + [None] * (width - len(header)))
        if not all(c.font.b for c in ws[2] if c.value):
            problem(f"{name} header", "not bold")
        expect(f"{name} frozen", ws.freeze_panes, "A3")
        merged = {str(r) for r in ws.merged_cells.ranges}
        roles = [c["role"] for c in table["columns"]]
        body = [r for r in table["rows"] if r["kind"] != "header"]
        expect(f"{name} rows", ws.max_row - 2, len(body))
        for k, r in enumerate(body):
            n = k + 3
            cells = [c for c in ws[n]]
            if r["kind"] == "group":
                want = " ".join(c for c in r["cells"] if c)
                expect(f"{name}!A{n} group", cells[0].value, text(want))
                last = openpyxl.utils.get_column_letter(width)
                if width > 1 and f"A{n}:{last}{n}" not in merged:
                    problem(f"{name}!A{n}", f"group row not merged A{n}:{last}{n}")
                if not cells[0].font.b:
                    problem(f"{name}!A{n}", "group row not bold")
                continue
            for i in range(width):
                want = r["cells"][i] if i < len(r["cells"]) else ""
                got = cells[i].value if i < len(cells) else None
                role = roles[i] if i < len(roles) else "other"
                if role in ("lead", "support") and got and NL in got:
                    # one unit per line: the pieces, in order, are the cell's text
                    pieces = got.split(NL)
                    pos = 0
                    for p in pieces:
                        at = want.find(p, pos)
                        if at < 0:
                            problem(f"{name}!{cells[i].coordinate}", f"unit {p!r} not in {want!r}")
                            break
                        pos = at + len(p)
                    continue
                expect(f"{name}!{cells[i].coordinate if i < len(cells) else i}", got, text(want))
                if got is not None and cells[i].data_type != "s":
                    problem(f"{name}!{cells[i].coordinate}", f"not a text cell: {got!r}")
            if r["kind"] == "milestone" and r["cells"] and not any(c.font.i for c in cells if c.value):
                problem(f"{name} row {n}", "milestone row not in italics")


def check_units(wb, docs):
    header, got = rows(wb["Units"])
    want = {}
    for d in docs:
        for t in d["tasks"]:
            for role in ("lead", "support"):
                for u in t[role]:
                    entry = want.setdefault((d["source"]["path"], u["key"]), {"lead": [], "support": []})
                    if t["id"] not in entry[role]:
                        entry[role].append(t["id"])
    seen = set()
    for row in got:
        key = (row["source"].value, row["key"].value)
        seen.add(key)
        w = want.get(key)
        if w is None:
            problem(f"Units {key}", "a unit no task names")
            continue
        for role in ("lead", "support"):
            cell = row[f"{role}_tasks"].value or ""
            ids = cell.split(NL) if cell else []
            expect(f"Units {key} {role} count", row[role].value, len(w[role]))
            if cell.endswith("…"):
                # Cut at Excel's cell limit: what is there is the start of the list.
                expect(f"Units {key} {role}_tasks (cut)", ids[:-1], w[role][: len(ids) - 1])
            else:
                expect(f"Units {key} {role}_tasks", ids, w[role])
    expect("Units", seen, set(want))


def check_warnings(wb, docs):
    header, got = rows(wb["Warnings"])
    want = [(d["source"]["path"], w["line"], w["code"], w["message"]) for d in docs for w in d["warnings"]]
    have = [(r["source"].value, r["line"].value, r["code"].value, r["message"].value) for r in got]
    expect("Warnings", have, want)


def check_documents(wb, docs):
    header, got = rows(wb["Documents"])
    expect("Documents rows", len(got), len(docs))
    for d, r in zip(docs, got):
        h = d["document"]
        expect("Documents source", r["source"].value, d["source"]["path"])
        expect("Documents title", r["title"].value, text(h["title"]))
        expect("Documents tasks", r["tasks"].value, len(d["tasks"]))


def check_diff(wb, diff):
    header, got = rows(wb["Pairs"])
    expect("Pairs rows", len(got), len(diff["changes"]))
    for c, r in zip(diff["changes"], got):
        expect("Pairs change", r["change"].value, c["change"])
        for side in ("old", "new"):
            t = c[side]
            expect(f"Pairs {side}_id", r[f"{side}_id"].value, t["id"] if t else None)
            expect(f"Pairs {side}_title", r[f"{side}_title"].value, text(t["title"]) if t else None)
            expect(f"Pairs {side}_lead", r[f"{side}_lead"].value,
                   text(NL.join(u["name"] for u in t["lead"])) if t else None)
    header, got = rows(wb["Changes"])
    want = []
    for c in diff["changes"]:
        if c["change"] in ("added", "removed"):
            want.append((c["change"], (c["old"] or {}).get("id"), (c["new"] or {}).get("id"), None))
        elif c["change"] in ("moved", "modified"):
            for f in c["fields"]:
                want.append((c["change"], c["old"]["id"], c["new"]["id"], f))
    have = [(r["change"].value, r["old_id"].value, r["new_id"].value, r["field"].value) for r in got]
    expect("Changes", have, want)
    fills = {}
    for r in got:
        fills.setdefault(r["change"].value, set()).add(r["change"].fill.fgColor.rgb)
    colours = [next(iter(v)) for v in fills.values() if len(v) == 1]
    if len(colours) != len(fills) or len(set(colours)) != len(colours):
        problem("Changes", f"kinds not coloured one colour each: {fills}")
    for r in got:
        if r["field"].value == "title" and r["words"].value is None:
            problem(f"Changes!{r['words'].coordinate}", "no word diff for a changed title")


def main():
    args = sys.argv[1:]
    if args and args[0] == "--diff":
        wb = openpyxl.load_workbook(args[1], rich_text=False)
        check_cell_types(wb)
        check_diff(wb, json.load(open(args[2], encoding="utf-8")))
    elif args and args[0] == "--tables":
        wb = openpyxl.load_workbook(args[1])
        docs = [json.load(open(p, encoding="utf-8")) for p in args[2:]]
        check_cell_types(wb)
        check_tables(wb, docs, table_sheets=wb.sheetnames)
    else:
        wb = openpyxl.load_workbook(args[0])
        docs = [json.load(open(p, encoding="utf-8")) for p in args[1:]]
        expect("sheets", [n for n in wb.sheetnames if not n.startswith("Table ")],
               ["Tasks", "Milestones", "Units", "Warnings", "Documents"])
        check_cell_types(wb)
        check_tasks(wb, docs)
        check_tables(wb, docs)
        check_units(wb, docs)
        check_warnings(wb, docs)
        check_documents(wb, docs)
    for p in problems[:60]:
        print(p)
    print(f"{len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
