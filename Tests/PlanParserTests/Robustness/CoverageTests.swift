import Foundation
import Testing
@testable import PlanParser

/// Every non-blank line of every sample and seed ends up in an element or a reported leftover.
@Suite struct CoverageTests {
    static let samples = GoldenTests.inputs

    @Test(arguments: samples)
    func sample(_ name: String) throws {
        let url = Fixtures.samples.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let d = try PlanDocument.parse(bytes: Array(text.utf8), path: name)
        #expect(Coverage.uncoveredLines(d, text: text) == [])
    }

    @Test(.enabled(if: Fixtures.seedsAvailable, Fixtures.skipMessage), arguments: ["000", "001", "002", "003", "004"])
    func seed(_ prefix: String) throws {
        let text = try String(contentsOf: Fixtures.seedURL(prefix), encoding: .utf8)
        let d = try PlanDocument.parse(bytes: Array(text.utf8), path: prefix)
        #expect(Coverage.uncoveredLines(d, text: text) == [])
        #expect(d.leftovers.isEmpty)
    }

    /// Lines of markdown remnants only are furniture, never lost; a file of nothing else has no text.
    @Test func remnantOnlyLines() throws {
        let text = "KẾ HOẠCH\n** **\nNăm 2025\n^{XT}\n*\n\nI. NHIỆM VỤ\n\n1. Ban hành kế hoạch.\n"
        let d = try Fixtures.parse(text)
        #expect(d.furniture == [SourceLine(line: 2, text: "** **"), SourceLine(line: 4, text: "^{XT}"), SourceLine(line: 5, text: "*")])
        #expect(Coverage.uncoveredLines(d, text: text) == [])
        for only in ["**", "*", "^{XT}", "** **", "**\n\n*\n"] {
            #expect(throws: PlanParseError.empty, "\(only)") { try PlanDocument.parse(bytes: Array(only.utf8)) }
        }
    }

    @Test func leftoversAfterTheClosingBlock() throws {
        let text = """
            KẾ HOẠCH

            Thử nghiệm năm 2025

            I. NHIỆM VỤ

            1. Ban hành kế hoạch.

            Nơi nhận:
            - Lưu: VT.

            GIÁM ĐỐC

            Nguyễn Văn An

            Dòng lạc sau chữ ký.
            """
        let d = try Fixtures.parse(text)
        #expect(d.leftovers == [SourceLine(line: 16, text: "Dòng lạc sau chữ ký.")])
        #expect(Coverage.uncoveredLines(d, text: text) == [])
    }
}
