import Foundation
import Testing
@testable import PlanParser

/// Every converter output we keep (`samples/converted/<tool>/`, `samples/recovery/`) against
/// its text twin: the same tasks, targets and header, or — where the converter lost the table
/// (`table-lost` in the manifest) — the warning that says so.
///
/// What each file gives is recorded in `ConverterExpectations.tsv` (tasks matched of expected,
/// of them exact, header fields equal, the `table-lost` warning) and must not get worse:
/// `RECORD_SNAPSHOTS=1 swift test --filter ConverterFixtureTests` rewrites the record (and
/// fails once, so the change is reviewed).
@Suite struct ConverterFixtureTests {
    struct Case: CustomStringConvertible, Sendable {
        var path: String
        var twin: String
        var expected: String
        var description: String { path }
    }

    /// The manifests' rows for converter text.
    static let cases: [Case] = {
        var out: [Case] = []
        for manifest in ["word/MANIFEST.tsv", "recovery/MANIFEST.tsv"] {
            guard let text = try? String(contentsOf: Fixtures.samples.appendingPathComponent(manifest), encoding: .utf8) else { continue }
            for row in text.split(separator: "\n").dropFirst() {
                let cols = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cols.count >= 3, cols[0].hasSuffix(".text") else { continue }
                out.append(Case(path: cols[0], twin: cols[1], expected: cols[cols.count - 1]))
            }
        }
        return out
    }()

    /// What a converter loses that no reader of its text can get back, by file: the checks
    /// that need it are skipped there (the record still guards the rest).
    static let knownLosses: [String: String] = [
        "samples/converted/pandoc-gfm/field-bullets.autonum.text": "gfm lists are numbered: letter items d), e) print as 4), 5)",
        "samples/converted/antiword/columns-reordered.text": "antiword garbles this table: its rows run together in one paragraph",
    ].merging(["libreoffice-txt", "docx2txt", "antiword", "pdftotext-layout", "pdftotext"].map {
        ("samples/converted/\($0)/report.text", "the recipients' superscript HT is run into their text (PBGDPLHT)")
    } + ["libreoffice-txt", "docx2txt"].flatMap { conv in
        ["table-appendix", "table-appendix.letterhead"].map {
            ("samples/converted/\(conv)/\($0).text", "the recipients' superscript HT is run into their text (PBGDPLHT)")
        }
    }, uniquingKeysWith: { a, _ in a })

    static let recordURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ConverterExpectations.tsv")

    struct Outcome: Equatable {
        var matched: Int
        var expected: Int
        var exact: Int
        var header: Int
        var lost: Bool

        var line: String { "\(matched)\t\(expected)\t\(exact)\t\(header)\t\(lost ? "table-lost" : "-")" }
    }

    static func outcome(_ c: Case) throws -> Outcome? {
        let root = Fixtures.packageRoot
        let twin = try PlanDocument.parse(contentsOf: root.appendingPathComponent(c.twin).path)
        let converted: PlanDocument
        do {
            converted = try PlanDocument.parse(contentsOf: root.appendingPathComponent(c.path).path)
        } catch {
            return nil  // refused (a scan's empty text)
        }
        let cmp = RecordComparison(twin: twin, converted: converted)
        return Outcome(matched: cmp.matched, expected: cmp.expected, exact: cmp.exact, header: cmp.header,
                       lost: converted.warnings.contains { $0.code == "table-lost" })
    }

    static func recorded() -> [String: Outcome] {
        guard let text = try? String(contentsOf: recordURL, encoding: .utf8) else { return [:] }
        var out: [String: Outcome] = [:]
        for row in text.split(separator: "\n") where !row.hasPrefix("#") && !row.hasPrefix("path") {
            let c = row.split(separator: "\t").map(String.init)
            guard c.count == 6, let m = Int(c[1]), let e = Int(c[2]), let x = Int(c[3]), let h = Int(c[4]) else { continue }
            out[c[0]] = Outcome(matched: m, expected: e, exact: x, header: h, lost: c[5] == "table-lost")
        }
        return out
    }

    @Test func manifestsAreRead() {
        #expect(Self.cases.count >= 90)
    }

    @Test(arguments: cases)
    func converterOutput(_ c: Case) throws {
        guard let got = try Self.outcome(c) else {
            #expect(c.expected == "no-text", "\(c.path) was refused")
            return
        }
        if c.expected.contains("table-lost") || c.expected.contains("table-squeezed") {
            #expect(got.lost, "\(c.path): the lost table must be reported")
        } else {
            #expect(!got.lost, "\(c.path): no table was lost")
        }
        // Whatever a converter keeps of the text, no task of the twin is lost where the table
        // survives (rows-ambiguous and groups-lost tables are read too).
        let keepsTasks = !["table-lost", "table-squeezed", "numbering-lost", "numbering-wrong"].contains { c.expected.contains($0) }
        let known = Self.knownLosses[c.path] != nil
        if keepsTasks, !known { #expect(got.matched == got.expected, "\(c.path): \(got.matched)/\(got.expected) tasks") }
        if c.expected == "same" || c.expected == "groups-lost" || c.expected == "table-squeezed", !known {
            #expect(got.header == 9, "\(c.path): \(got.header)/9 header fields")
        }
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil { return }
        guard let was = Self.recorded()[c.path] else {
            Issue.record("\(c.path) has no recorded outcome: RECORD_SNAPSHOTS=1 swift test --filter ConverterFixtureTests")
            return
        }
        #expect(got.matched >= was.matched && got.exact >= was.exact && got.header >= was.header,
                "\(c.path) got worse: \(got.line) (recorded \(was.line))")
        #expect(got.lost == was.lost)
    }

    /// Where Word's automatic numbering was lost (antiword, docx2txt), the outline is restored
    /// (every task of the twin found) and the document says so; nowhere else is it claimed.
    @Test(arguments: cases)
    func lostNumbering(_ c: Case) throws {
        let root = Fixtures.packageRoot
        guard let converted = try? PlanDocument.parse(contentsOf: root.appendingPathComponent(c.path).path) else { return }
        let warned = converted.warnings.filter { $0.code == "numbering-lost" }
        guard c.expected.contains("numbering-lost") else {
            #expect(warned.isEmpty, "\(c.path): numbering-lost claimed for a text that keeps its numbering")
            return
        }
        #expect(warned.count == 1, "\(c.path): the lost numbering must be reported once")
        let twin = try PlanDocument.parse(contentsOf: root.appendingPathComponent(c.twin).path)
        let cmp = RecordComparison(twin: twin, converted: converted)
        #expect(cmp.matched == cmp.expected, "\(c.path): \(cmp.matched)/\(cmp.expected) tasks")
    }

    @Test func record() throws {
        guard ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil else { return }
        var lines = ["# tasks matched, of expected, of them exact, header fields equal (of 9), table-lost warning",
                     "path\tmatched\texpected\texact\theader\twarning"]
        for c in Self.cases {
            guard let o = try Self.outcome(c) else { continue }
            lines.append("\(c.path)\t\(o.line)")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: Self.recordURL, atomically: true, encoding: .utf8)
        Issue.record("ConverterExpectations.tsv rewritten: review the change, then run the tests again")
    }
}
