import Foundation
import Testing

@testable import PlanParser

/// Every Word and OpenDocument fixture in `samples/word/` gives the records of its text twin: the same
/// tasks (id, origin, section, title, lead, support, products, time), targets, header
/// fields and warnings.
@Suite struct WordFixtureTests {
    /// (fixture, twin), paths under `samples/`.
    static let pairs: [(String, String)] = [
        ("word/columns-reordered.docx", "columns-reordered.txt"),
        ("word/field-bullets.docx", "field-bullets.txt"),
        ("word/field-bullets.lo.docx", "field-bullets.txt"),
        ("word/field-bullets.autonum.docx", "word/field-bullets.autonum.txt"),
        ("word/field-bullets.autonum.lo.docx", "word/field-bullets.autonum.txt"),
        ("word/plan-2024.docx", "diff/plan-2024.txt"),
        ("word/plan-2025.docx", "diff/plan-2025.txt"),
        ("word/prose-bullets.docx", "prose-bullets.txt"),
        ("word/prose-bullets.styles.docx", "prose-bullets.txt"),
        ("word/report.docx", "report.txt"),
        ("word/table-appendix.docx", "table-appendix.txt"),
        ("word/table-appendix.lo.docx", "table-appendix.txt"),
        ("word/table-appendix.features.docx", "word/table-appendix.features.txt"),
        ("word/table-appendix.letterhead.docx", "word/table-appendix.letterhead.txt"),
        ("word/table-appendix.textbox.docx", "word/table-appendix.letterhead.txt"),
        ("word/field-bullets.odt", "field-bullets.txt"),
        ("word/field-bullets.autonum.odt", "word/field-bullets.autonum.txt"),
        ("word/table-appendix.odt", "table-appendix.txt"),
        ("word/table-appendix.features.odt", "word/table-appendix.features.txt"),
    ]

    @Test(arguments: pairs)
    func sameRecordsAsTextTwin(_ fixture: String, _ twin: String) throws {
        let word = try Fixtures.sample(fixture)
        let text = try Fixtures.sample(twin)
        #expect(word.source.format.name == (fixture.hasSuffix(".odt") ? "odt" : "docx"))
        #expect(!word.tasks.isEmpty || fixture.contains("report"))
        let a = Records.of(text)
        let b = Records.of(word)
        #expect(a == b, "\(fixture) vs \(twin):\n\(lineDiff(Array(a.joined(separator: "\n").utf8), Array(b.joined(separator: "\n").utf8)))")
    }

    /// The same plan as Word and as text is no change to `diff`.
    @Test(arguments: pairs)
    func noDifferencesFromTextTwin(_ fixture: String, _ twin: String) throws {
        let diff = PlanDiff.compare(try Fixtures.sample(twin), try Fixtures.sample(fixture))
        #expect(!diff.hasDifferences, "\(fixture): \(diff.text())")
    }

    /// Every non-blank line of the canonical text is accounted for ("nothing is lost").
    @Test(arguments: pairs.map(\.0))
    func everyLineCovered(_ fixture: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.samples.appendingPathComponent(fixture)))
        let document = try PlanDocument.parse(bytes: bytes, path: fixture)
        let text = String(decoding: try PlanDocument.canonicalText(bytes: bytes), as: UTF8.self)
        #expect(Coverage.uncoveredLines(document, text: text) == [])
        #expect(document.source.lines == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    /// The footnote of the features fixture is a note on the line that cites it; its page
    /// header holds only a page number, which is not worth a note.
    @Test func footnoteIsANote() throws {
        let url = Fixtures.samples.appendingPathComponent("word/table-appendix.features.docx")
        let bytes = [UInt8](try Data(contentsOf: url))
        let d = try PlanDocument.parse(bytes: bytes)
        let notes = d.warnings.filter { $0.code.hasPrefix("docx-") }
        #expect(notes.map(\.code) == ["docx-footnote"])
        #expect(notes.first?.message
            == "footnote 1 is not part of the text: Luật số 14/2012/QH13 được Quốc hội khóa XIII thông qua ngày 20 tháng 6 năm 2012.")
        let lines = String(decoding: try PlanDocument.canonicalText(bytes: bytes), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let cited = String(lines[(notes.first?.line ?? 1) - 1])
        #expect(cited.hasPrefix("Căn cứ Luật Phổ biến"))
    }
}
