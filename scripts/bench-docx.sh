#!/usr/bin/env bash
# Word reader benchmark (prints numbers; not a unit test).
#
#   scripts/bench-docx.sh
#
# Builds `extract` in release mode and makes, in a temporary folder:
# - plan-40kb.docx: about 40 KB of sample text (all clean samples, one after another) made a
#   Word document by scripts/make-word-samples.py (python-docx) — one plan-sized file;
# - big.docx: the body of samples/word/table-appendix.features.docx repeated to about 24 MB of
#   document.xml, zipped at level 6 by Python — for throughput.
# It reports, best of five runs: inflate and XML-reading throughput (from the reader's stages,
# PLANPARSER_TIMING=1), the whole 40 KB plan end to end including process start, and peak
# memory (/usr/bin/time) against the budget of 4 × document.xml + 50 MB. For the choice of XML
# reader it also times Foundation's XMLParser (FoundationXML, libxml2) over the same
# document.xml with a delegate that only collects w:t text, compiled with swiftc -O.
# Needs python3 with python-docx. Takes about three minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/planparser-docx-bench.XXXXXX")}
mkdir -p "$WORK"
trap '[[ -z ${BENCH_DIR:-} ]] && rm -rf "$WORK"' EXIT

swift build -c release --product extract >/dev/null
BIN=$(swift build -c release --show-bin-path)/extract

python3 - "$WORK" <<'PY'
import glob, re, sys, zipfile
work = sys.argv[1]
docs = [open(f, encoding='utf-8').read() for f in sorted(glob.glob('samples/*.txt'))]
blob = '\n\n'.join(docs)
with open(f'{work}/plan-40kb.txt', 'w', encoding='utf-8') as out:
    out.write(blob[: 40 * 1024].rsplit('\n', 1)[0] + '\n')
src = zipfile.ZipFile('samples/word/table-appendix.features.docx')
xml = src.read('word/document.xml').decode('utf-8')
head, rest = xml.split('<w:body>', 1)
body, tail = rest.rsplit('<w:sectPr', 1)
reps = max(1, 24 * 1024 * 1024 // len(body))
big = head + '<w:body>' + body * reps + '<w:sectPr' + tail
with zipfile.ZipFile(f'{work}/big.docx', 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as out:
    for item in src.infolist():
        data = big.encode('utf-8') if item.filename == 'word/document.xml' else src.read(item.filename)
        out.writestr(item.filename, data)
with open(f'{work}/big-document.xml', 'w', encoding='utf-8') as out:
    out.write(big)
PY
python3 scripts/make-word-samples.py --from "$WORK/plan-40kb.txt" --out "$WORK" >/dev/null

XMLSIZE=$(stat -c %s "$WORK/big-document.xml")
SMALLXML=$(python3 -c "import zipfile,sys; print(len(zipfile.ZipFile(sys.argv[1]).read('word/document.xml')))" "$WORK/plan-40kb.docx")

# Stage times (µs) of the best of five runs over big.docx.
best_unzip=""; best_xml=""; best_text=""
for _ in 1 2 3 4 5; do
    PLANPARSER_TIMING=1 "$BIN" --compact "$WORK/big.docx" 2>"$WORK/stages" >/dev/null
    u=$(awk -F': ' '/^unzip:/{print $2+0}' "$WORK/stages")
    x=$(awk -F': ' '/^xml:/{print $2+0}' "$WORK/stages")
    c=$(awk -F': ' '/^canonical text:/{print $2+0}' "$WORK/stages")
    [[ -z $best_unzip || $u -lt $best_unzip ]] && best_unzip=$u
    [[ -z $best_xml || $x -lt $best_xml ]] && best_xml=$x
    [[ -z $best_text || $c -lt $best_text ]] && best_text=$c
done

# Wall time (nanosecond clock around the process) and peak memory, best of five.
wall_rss() {
    local best="" rss=0
    for _ in 1 2 3 4 5; do
        local t0 t1 wall kb
        t0=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$WORK/time" "$@" >/dev/null 2>/dev/null
        t1=$(date +%s%N)
        wall=$(awk "BEGIN{printf \"%.4f\", ($t1 - $t0) / 1e9}")
        kb=$(tail -n 1 "$WORK/time")
        if [[ -z $best ]] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        (( kb > rss )) && rss=$kb
    done
    echo "$best $rss"
}
read -r small_wall small_rss < <(wall_rss "$BIN" "$WORK/plan-40kb.docx")
read -r txt_wall txt_rss < <(wall_rss "$BIN" "$WORK/plan-40kb.txt")
read -r big_wall big_rss < <(wall_rss "$BIN" --compact "$WORK/big.docx")

# Foundation's XMLParser over the same document.xml.
cat > "$WORK/xmlparser.swift" <<'SWIFT'
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
final class Collector: NSObject, XMLParserDelegate {
    var inText = false
    var bytes = 0
    func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if e == "w:t" { inText = true }
    }
    func parser(_ p: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        if e == "w:t" { inText = false }
    }
    func parser(_ p: XMLParser, foundCharacters s: String) { if inText { bytes += s.utf8.count } }
}
let data = try! Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
var best = Double.infinity
for _ in 0..<3 {
    let start = Date()
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    let c = Collector()
    parser.delegate = c
    _ = parser.parse()
    best = min(best, Date().timeIntervalSince(start))
}
print(best)
SWIFT
XMLPARSER=""
if swiftc -O "$WORK/xmlparser.swift" -o "$WORK/xmlparser" >/dev/null 2>&1; then
    XMLPARSER=$("$WORK/xmlparser" "$WORK/big-document.xml")
fi

mb() { awk "BEGIN{printf \"%.1f\", $1 / 1048576}"; }
rate() { awk "BEGIN{printf \"%.0f\", ($1 / 1048576) / ($2 / 1e6)}"; }
echo "Machine: $(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //')"
echo "Swift: $(swift --version 2>&1 | head -1)"
echo "Date: $(date -u +%Y-%m-%d)"
echo
echo "| measure | input | figure |"
echo "|---|---|---:|"
echo "| inflate (zip directory, document.xml and the small parts) | big.docx, $(mb "$XMLSIZE") MB document.xml | $(rate "$XMLSIZE" "$best_unzip") MB/s |"
echo "| XML reading (document.xml → paragraphs and tables) | same | $(rate "$XMLSIZE" "$best_xml") MB/s |"
if [[ -n $XMLPARSER ]]; then
    echo "| Foundation XMLParser, collecting w:t text only | same | $(awk "BEGIN{printf \"%.0f\", ($XMLSIZE / 1048576) / $XMLPARSER}") MB/s |"
fi
echo "| canonical text (numbering, tables, lines) | same | $(rate "$XMLSIZE" "$best_text") MB/s of XML |"
echo "| whole file end to end, incl. process start | big.docx | ${big_wall} s, peak $(( big_rss / 1024 )) MB (budget $(( 4 * XMLSIZE / 1048576 + 50 )) MB) |"
echo "| a 40 KB-text plan end to end, incl. process start | plan-40kb.docx ($(stat -c %s "$WORK/plan-40kb.docx") bytes, $(mb "$SMALLXML") MB document.xml) | $(awk "BEGIN{printf \"%.1f\", $small_wall * 1000}") ms, peak $(( small_rss / 1024 )) MB |"
echo "| the same plan as text | plan-40kb.txt | $(awk "BEGIN{printf \"%.1f\", $txt_wall * 1000}") ms, peak $(( txt_rss / 1024 )) MB |"
