import Foundation
import Testing
@testable import PlanParser

/// The citation-heavy sample pair `samples/diff/citations-2024.txt` → `citations-2025.txt`
/// (`samples/diff/CITATIONS.md`): citations are fixed references, and every slip of the
/// year-shift rule it plants is no change.
@Suite struct CitationSampleDiffTests {
    static func pair() throws -> PlanDiff {
        PlanDiff.compare(
            try SampleDiffTests.load("diff/citations-2024.txt"), try SampleDiffTests.load("diff/citations-2025.txt"))
    }

    /// Every row of CITATIONS.md: the 2024 id, the 2025 id, the change and the fields.
    static let expected: [(old: String?, new: String?, change: TaskChange.Kind, fields: [TaskChange.Field])] = [
        ("PL.I.1", "II.1.a", .unchanged, []), ("PL.I.2", "II.1.b", .unchanged, []),
        ("PL.I.3", "II.1.c", .unchanged, []), ("PL.I.4", "II.1.d", .modified, [.title]),
        ("PL.I.5", "II.1.đ", .modified, [.title]), ("PL.II.1", "II.2.a", .unchanged, []),
        ("PL.II.2", "II.2.b", .unchanged, []), ("PL.II.3", "II.2.c", .modified, [.title]),
        ("PL.II.4", "II.2.d", .modified, [.time]), ("PL.III.1", "II.3.a", .unchanged, []),
        ("PL.III.2", "II.3.b", .unchanged, []), ("PL.IV.1", "II.4.a", .unchanged, []),
        ("PL.IV.2", "II.4.b", .unchanged, []), ("PL.IV.3", "II.4.c", .modified, [.title]),
        ("PL.IV.4", nil, .removed, []), (nil, "II.4.d", .added, []),
    ]

    @Test func everyExpectedChange() throws {
        let d = try Self.pair()
        #expect(d.summary == PlanDiff.Summary(added: 1, removed: 1, modified: 5, moved: 0, unchanged: 9))
        #expect(d.changes.count == Self.expected.count)
        for e in Self.expected {
            let c = d.changes.first { $0.old?.id == e.old && $0.new?.id == e.new }
            #expect(c?.change == e.change, "\(e.old ?? "-") → \(e.new ?? "-")")
            #expect(c?.fields == e.fields, "\(e.old ?? "-") → \(e.new ?? "-")")
        }
        // A renewed citation shows as one word, with its date.
        let renewed = try #require(d.changes.first { $0.old?.id == "PL.I.5" })
        #expect(renewed.titleDiff.contains(WordRun(kind: .removed, text: "231/KH-UBND ngày 22/12/2023")))
        #expect(renewed.titleDiff.contains(WordRun(kind: .inserted, text: "254/KH-UBND ngày 19/12/2024")))
    }

    /// Titles that only moved with the plan year score as the same title, citations and all
    /// (before citations were single fixed tokens: 0.78–0.93), and the reworded ones pair
    /// clearly above the threshold (before: 0.54–0.78).
    @Test func similarities() throws {
        let d = try Self.pair()
        for c in d.changes where c.change == .unchanged {
            #expect((c.similarity ?? 0) >= 0.95, "\(c.old?.id ?? "-"): \(c.similarity ?? 0)")
        }
        for id in ["PL.I.4", "PL.II.3", "PL.IV.3"] {
            let c = try #require(d.changes.first { $0.old?.id == id })
            #expect((c.similarity ?? 0) >= 0.6, "\(id): \(c.similarity ?? 0)")
        }
    }

    /// Every task of the 2024 plan against the same plan moved on by one year (every `2024`
    /// in it is the plan year; 29 February becomes 28 February): unchanged, similarity ≥ 0.95.
    @Test func yearShiftedSelf() throws {
        let url = Fixtures.samples.appendingPathComponent("diff/citations-2024.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let shifted = text.replacingOccurrences(of: "29/02/2024", with: "28/02/2025")
            .replacingOccurrences(of: "2024", with: "2025")
        let old = try SampleDiffTests.load("diff/citations-2024.txt")
        let new = try PlanDocument.parse(bytes: Array(shifted.utf8), path: "shifted.txt")
        #expect(new.header.planYear == 2025)
        let d = PlanDiff.compare(old, new)
        #expect(d.summary.unchanged == old.tasks.count, "\(d.summary)")
        for c in d.changes {
            #expect(c.change == .unchanged && (c.similarity ?? 0) >= 0.95, "\(c.old?.id ?? "-"): \(c.similarity ?? 0)")
        }
    }
}
