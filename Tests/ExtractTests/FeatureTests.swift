import Foundation
import PlanParser
import Testing
@testable import extract

/// `extract text`, `--delimiter`, `--strict`, `--encoding`, formats chosen by `-o FILE`'s
/// extension, and the ordered pipeline behind batch runs.
@Suite struct FeatureTests {
    static let plan = "samples/field-bullets.txt"

    @Test func textOfAPlainFileIsItsCleanedText() throws {
        let r = try ExtractRunner.run(["text", Self.plan])
        #expect(r.status == 0)
        let original = try Data(contentsOf: ExtractRunner.packageRoot.appendingPathComponent(Self.plan))
        #expect(r.stdoutBytes == [UInt8](original))
        // UTF-16 with BOM and CRLF: the decoded UTF-8 text with LF line ends.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Kế hoạch\r\nDòng hai\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = try ExtractRunner.run(["text", "-"], stdin: utf16)
        #expect(decoded.stdout == "Kế hoạch\nDòng hai\n")
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.txt")
        let toFile = try ExtractRunner.run(["text", "-o", out.path, "-"], stdin: utf16)
        #expect(toFile.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == "Kế hoạch\nDòng hai\n")
        let refused = try ExtractRunner.run(["text", "-"], stdin: [0x00])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("<stdin>: error: binary data"))
    }

    @Test func delimiters() throws {
        let semicolon = try ExtractRunner.run(["-f", "csv", "--delimiter", ";", Self.plan])
        let header = semicolon.stdout.split(separator: "\r\n").first
        #expect(header == "source;document;id;origin;section;number;title;lead;lead_keys;support;support_keys;products;time;start;end;line")
        // Multi-values are joined with "; ": such cells are quoted now that ';' is the delimiter.
        #expect(semicolon.stdout.contains("; "), "there are cells holding the delimiter")
        let rows = semicolon.stdout.split(separator: "\r\n").dropFirst()
        for row in rows {
            // Outside quotes, a row has exactly 15 delimiters.
            var quoted = false
            var count = 0
            for c in row {
                if c == "\"" { quoted.toggle() } else if c == ";", !quoted { count += 1 }
            }
            #expect(count == 15, "\(row)")
        }
        let tab = try ExtractRunner.run(["units", "-f", "csv", "--delimiter", "tab", Self.plan])
        #expect(tab.stdout.hasPrefix("unit\tkey\tlead\tsupport\r\n"))
        let tables = try ExtractRunner.run(["tables", "--delimiter=;", "samples/table-appendix.txt"])
        #expect(tables.stdout.hasPrefix("group;STT;"))
        let diff = try ExtractRunner.run(["diff", "-f", "csv", "--delimiter", "tab", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"])
        #expect(diff.stdout.hasPrefix("change\tfields\tsimilarity\t"))
        let bad = try ExtractRunner.run(["--delimiter", "|", Self.plan])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("Error: '|' is not a valid value for '--delimiter' (one of: ,, ;, tab)\n"))
    }

    @Test func strictStatus() throws {
        let clean = try ExtractRunner.run(["--strict", "-f", "ndjson", "samples/messy"])
        #expect(clean.status == 0)
        // The samples have no lost content; a document with a `table-lost` warning makes the
        // run's status 3 (the decision, tested without a process).
        var document = try PlanDocument.parse(bytes: Array("Nội dung.\n".utf8), path: "x.txt")
        #expect(!document.hasStrictWarnings)
        document.warnings.append(Diagnostic(line: 1, code: "table-lost", message: "a table could not be read"))
        #expect(document.hasStrictWarnings)
        #expect(PlanDocument.strictWarningCodes == ["table-lost"])
        #expect(Extract.Status.strict == 3)
    }

    @Test func encodings() throws {
        let auto = try ExtractRunner.run(["--encoding", "utf-8", "--stats", Self.plan])
        #expect(auto.status == 0)
        // The legacy encodings read the bytes as such (an ASCII-only plan reads the same).
        for name in ["cp1258", "tcvn3", "vni"] {
            let r = try ExtractRunner.run(["--stats", "--encoding", name, "samples/encodings/field-bullets.cp1258.text"])
            #expect(r.status == 0, "\(name)")
            // Read as cp1258 it is the sample itself; as the others, other letters.
            #expect(name != "cp1258" || r.stdout.contains("tasks: 18 (table 0, fields 17, prose 1)"))
        }
    }

    /// `-o FILE` picks the format by its extension unless `--format` is given.
    @Test func formatFromTheOutputExtension() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String, String)] = [
            ([Self.plan], "x.csv", "source,document,id,origin,section"),
            ([Self.plan], "x.CSV", "source,document,id,origin,section"),
            ([Self.plan], "x.ndjson", "{\"schemaVersion\":1,"),
            ([Self.plan], "x.jsonl", "{\"schemaVersion\":1,"),
            ([Self.plan], "x.json", "{\n  \"schemaVersion\": 1,"),
            ([Self.plan], "x.out", "{\n  \"schemaVersion\": 1,"),
            (["-f", "json", Self.plan], "y.csv", "{\n  \"schemaVersion\": 1,"),
            (["units", Self.plan], "u.csv", "unit,key,lead,support"),
            (["units", Self.plan], "u.json", "{"),
            (["diff", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"], "d.csv", "change,fields"),
            (["diff", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"], "d.json", "{"),
        ]
        for (args, name, prefix) in cases {
            let out = dir.appendingPathComponent(name)
            let r = try ExtractRunner.run(args + ["-o", out.path])
            #expect(r.status == 0 || args.first == "diff", "\(args) \(name): \(r.stderr)")
            let text = try String(contentsOf: out, encoding: .utf8)
            #expect(text.hasPrefix(prefix), "\(args) \(name): \(text.prefix(40))")
            try FileManager.default.removeItem(at: out)
        }
    }

    /// Batch runs go through one exporter: one CSV header (and BOM), one JSON array.
    @Test func oneExporterForTheRun() throws {
        let csv = try ExtractRunner.run(["-f", "csv", "--bom", "-j", "2", "samples/messy"])
        #expect(csv.status == 0)
        #expect(csv.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("source,document,id,origin,section".utf8)))
        #expect(csv.stdout.components(separatedBy: "\u{FEFF}").count == 2)
        #expect(csv.stdout.components(separatedBy: "source,document,id,origin,section").count == 2)
        let json = try ExtractRunner.run(["--compact", "-j2", "samples/messy"])
        let array = try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [[String: Any]]
        #expect(array?.count == 11, "the text files in samples/messy")
        // One input that fails: nothing on stdout; two inputs, one failing: a valid array.
        let one = try ExtractRunner.run(["-f", "csv", "missing.txt"])
        #expect(one.stdout.isEmpty)
        let two = try ExtractRunner.run(["missing.txt", Self.plan])
        #expect(two.status == 1)
        #expect((try JSONSerialization.jsonObject(with: Data(two.stdoutBytes)) as? [Any])?.count == 1)
    }

    /// Results come in order, with at most about `2 × jobs` alive at a time.
    @Test(arguments: [1, 2, 3, 8])
    func orderedPipeline(jobs: Int) {
        final class Counter: @unchecked Sendable {
            var lock = NSLock()
            var alive = 0
            var peak = 0
            func change(_ d: Int) {
                lock.lock()
                alive += d
                peak = max(peak, alive)
                lock.unlock()
            }
        }
        let counter = Counter()
        var order: [Int] = []
        OrderedPipeline.run(count: 300, jobs: jobs, work: { k in
            counter.change(1)
            if k % 7 == 0 { usleep(2000) }  // some items are slow, so later ones wait for them
            return k
        }, consume: { k, value in
            #expect(k == value)
            order.append(value)
            counter.change(-1)
            return true
        })
        #expect(order == Array(0..<300))
        #expect(counter.peak <= 2 * jobs + 1, "peak \(counter.peak)")
        // Stopping early ends the run.
        var taken = 0
        OrderedPipeline.run(count: 1000, jobs: jobs, work: { $0 }, consume: { _, _ in
            taken += 1
            return taken < 5
        })
        #expect(taken == 5)
    }
}
