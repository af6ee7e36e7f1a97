#!/usr/bin/env python3
"""Reads a calendar of `extract --format ics` with the `icalendar` package and checks it.

    python3 scripts/check/ics.py plans.ics plan-1.json [plan-2.json …]

Checks the raw lines (CRLF ends, at most 75 octets, folded lines start with a space, every
physical line is UTF-8 on its own, so no fold splits a character), that icalendar parses the
file, and that the events are exactly the dated milestones of the JSON documents: one
all-day event per milestone of kind deadline, date, month, quarter, half, year or range that
has an end, on that day, titled with the task's title; UIDs unique. Exits 1 on a problem.
"""
import datetime
import json
import sys

import icalendar

EVENT_KINDS = {"deadline", "date", "month", "quarter", "half", "year", "range"}


def main():
    path, jsons = sys.argv[1], sys.argv[2:]
    raw = open(path, "rb").read()
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: not UTF-8 on its own (a fold inside a character?)")
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        problems.append("UIDs repeat")
    have = []
    for e in events:
        start = e.decoded("DTSTART")
        end = e.decoded("DTEND")
        if isinstance(start, datetime.datetime) or not isinstance(start, datetime.date):
            problems.append(f"{e['UID']}: DTSTART is not a date")
            continue
        if end - start != datetime.timedelta(days=1):
            problems.append(f"{e['UID']}: not a one-day event")
        for key in ("DTSTAMP", "SUMMARY", "DESCRIPTION"):
            if key not in e:
                problems.append(f"{e['UID']}: no {key}")
        have.append((str(e["SUMMARY"]), start.isoformat()))
    want = []
    for p in jsons:
        doc = json.load(open(p, encoding="utf-8"))
        for t in doc["tasks"]:
            for m in t["time"]:
                if m["kind"] in EVENT_KINDS and m["end"]:
                    want.append((t["title"], m["end"]))
                    d = [e for e in events if str(e["SUMMARY"]) == t["title"]]
                    desc = " ".join(str(e["DESCRIPTION"]) for e in d)
                    for u in t["lead"] + t["support"]:
                        if u["name"] not in desc:
                            problems.append(f"{t['id']}: unit {u['name']!r} not in the description")
                    if m["text"] not in desc:
                        problems.append(f"{t['id']}: time {m['text']!r} not in the description")
    if sorted(have) != sorted(want):
        missing = [x for x in want if x not in have][:5]
        extra = [x for x in have if x not in want][:5]
        problems.append(f"events differ from the milestones: missing {missing}, extra {extra}")
    for p in problems[:40]:
        print(p)
    print(f"{len(events)} events, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
