import Foundation
import Testing
@testable import PlanParser

/// The five real plans with their heading numbers taken out (`I. `, `2. `, `a) ` at a line's
/// start, outside the appendix), as antiword or docx2txt leave a Word file whose numbering is
/// automatic: the restored outline gives the same tasks, fields and sections.
@Suite(.enabled(if: Fixtures.seedsAvailable, Fixtures.skipMessage))
struct SeedLostNumberingTests {
    /// The text with the markers of headings and items removed.
    static func withoutNumbers(_ text: String) -> String {
        var inAppendix = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("PHỤ LỤC") { inAppendix = true }
            guard !inAppendix, !line.contains("\t") else { return String(line) }
            var s = Substring(line)
            let indent = s.prefix { $0 == " " }
            s = s.dropFirst(indent.count)
            if let r = s.firstMatch(of: /^(PHẦN [IVX]+\.? |[IVX]+\. |[0-9]+(\.[0-9]+)*\. |[a-zđ]\) )/) { s = s[r.range.upperBound...] }
            return String(indent) + s
        }.joined(separator: "\n")
    }

    /// (seed, tasks found of the original's, of them with the same lead and times, and with the
    /// same section path)
    @Test(arguments: [("000", 69, 69, 69), ("001", 57, 57, 57), ("002", 24, 24, 24), ("003", 42, 41, 40)])
    func restored(_ prefix: String, _ found: Int, _ sameFields: Int, _ sameSection: Int) throws {
        let original = try Fixtures.seed(prefix)
        let text = try String(contentsOf: Fixtures.seedURL(prefix), encoding: .utf8)
        let stripped = try PlanDocument.parse(bytes: Array(Self.withoutNumbers(text).utf8), path: "stripped")
        #expect(stripped.warnings.contains { $0.code == "numbering-lost" })
        var byTitle: [String: PlanTask] = [:]
        for t in stripped.tasks { byTitle[t.title] = t }
        var matched = 0
        var fields = 0
        var sections = 0
        for t in original.tasks {
            guard let s = byTitle[t.title] else { continue }
            matched += 1
            if s.lead == t.lead, s.support == t.support, s.time == t.time, s.products == t.products { fields += 1 }
            if s.headings.map(\.text) == t.headings.map(\.text) { sections += 1 }
        }
        #expect(matched >= found, "\(prefix): \(matched) of \(original.tasks.count) tasks")
        #expect(fields >= sameFields, "\(prefix): \(fields) with the same fields")
        #expect(sections >= sameSection, "\(prefix): \(sections) with the same section path")
    }
}
