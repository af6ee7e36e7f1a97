#!/usr/bin/env python3
"""Converter × sample table for the recovery of converter text (tables, letterheads, wraps).

    python3 scripts/measure-recovery.py                         # samples/converted, markdown table
    python3 scripts/measure-recovery.py --seeds /tmp/seed-fixtures   # converter outputs of the seeds
    python3 scripts/measure-recovery.py --verbose NAME          # compare-records -v for cells matching NAME
    python3 scripts/measure-recovery.py --extract PATH          # another extract binary

A cell is *tasks matched/expected* (`+n`: found tasks that match none; `(n exact)`: matched
tasks whose title, units, products, times and section are all equal, when not all are) · *header
fields equal of 9* · the warning codes that say something was lost (`table-lost`); ✓ = identical tasks,
targets and header (scripts/compare-records.py). `--seeds DIR` reads DIR/twin/<seed>.txt and
DIR/converted/<tool>/<seed>.text (made like samples/converted, never committed).
Standard library only.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
compare_records = __import__("compare-records")
measure_converted = __import__("measure-converted")

CONVERTERS = ["pandoc-plain", "pandoc-markdown", "pandoc-gfm", "libreoffice-txt", "docx2txt", "antiword",
              "pdftotext-layout", "pdftotext"]
LOSS_CODES = {"table-lost"}


def extract(binary, path):
    r = subprocess.run([binary, str(path)], capture_output=True, timeout=300)
    if r.returncode != 0 or not r.stdout.strip():
        return None, r.stderr.decode("utf-8", "replace").strip()
    return json.loads(r.stdout), None


def cases(seeds):
    """(converter, name, converted path, twin path)"""
    if seeds:
        base = Path(seeds)
        for conv in CONVERTERS:
            for p in sorted((base / "converted" / conv).glob("*.text")):
                yield conv, p.stem, p, base / "twin" / (p.stem + ".txt")
        return
    for conv in CONVERTERS:
        for p in sorted((ROOT / "samples" / "converted" / conv).glob("*.text")):
            twin = measure_converted.TWIN.get(p.stem)
            if twin:
                yield conv, p.stem, p, ROOT / twin
    # Our own converter text (samples/recovery/MANIFEST.tsv): HTML pages, multiline tables, …
    manifest = ROOT / "samples" / "recovery" / "MANIFEST.tsv"
    if manifest.exists():
        for row in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            path, twin, _ = row.split("\t")
            p = ROOT / path
            yield "recovery/" + p.parent.name, p.name[:-len(".text")], p, ROOT / twin


def measure(binary, seeds, verbose):
    results, cache = [], {}
    for conv, name, path, twin in cases(seeds):
        if twin not in cache:
            cache[twin] = extract(binary, twin)[0]
        new, err = extract(binary, path)
        if new is None:
            results.append({"converter": conv, "name": name, "error": err})
            continue
        rep = compare_records.compare(cache[twin], new, compare_records.Options)
        lost = sorted({w["code"] for w in new.get("warnings") or [] if w["code"] in LOSS_CODES})
        results.append({"converter": conv, "name": name,
                        "matched": rep["tasks"]["matched"], "expected": rep["tasks"]["expected"],
                        "found": rep["tasks"]["found"], "exact": rep["summary"]["tasksExact"],
                        "header": sum(h["equal"] for h in rep["header"].values()),
                        "headerDiff": [f for f, h in rep["header"].items() if not h["equal"]],
                        "targets": rep["summary"]["targets"], "lost": lost, "identical": rep["identical"]})
        if verbose and verbose in f"{conv}/{name}":
            print(f"== {conv}/{name}")
            sys.stdout.write(compare_records.table(rep, True))
    return results


def cell(r):
    if r is None:
        return ""
    if "error" in r:
        return "error"
    extra = r["found"] - r["matched"]
    s = f'{r["matched"]}/{r["expected"]}' + (f"+{extra}" if extra else "")
    if r["exact"] != r["matched"]:
        s += f' ({r["exact"]} exact)'
    s += f' · {r["header"]}/9'
    if r["lost"]:
        s += " · " + ",".join(r["lost"])
    return s + (" ✓" if r["identical"] else "")


def table(results):
    convs = [c for c in CONVERTERS if any(r["converter"] == c for r in results)]
    if not convs:
        convs = sorted({r["converter"] for r in results})
    names = sorted({r["name"] for r in results if r["converter"] in convs})
    out = ["| sample | " + " | ".join(convs) + " |", "|---|" + "---:|" * len(convs)]
    for n in names:
        row = [next((r for r in results if r["converter"] == c and r["name"] == n), None) for c in convs]
        out.append(f"| {n} | " + " | ".join(cell(r) for r in row) + " |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--extract", default=str(ROOT / ".build" / "debug" / "extract"))
    ap.add_argument("--seeds", help="folder with twin/ and converted/<tool>/ of the seeds")
    ap.add_argument("--verbose", help="print the compare-records report of cells whose converter/name contains this")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = measure(args.extract, args.seeds, args.verbose)
    if args.json:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
    else:
        print(table(results))
        own = [r for r in results if r["converter"].startswith("recovery/")]
        if own:
            print("\n| samples/recovery | tasks · header · warnings |\n|---|---:|")
            for r in own:
                print(f'| {r["converter"][len("recovery/"):]}/{r["name"]} | {cell(r)} |')
    return 0


if __name__ == "__main__":
    sys.exit(main())
