import Foundation
import Testing
@testable import PlanParser

/// Golden files of the spreadsheet, report and calendar formats on the clean samples
/// (`samples/*.txt` and `samples/diff/*.txt`): tasks NDJSON, the HTML report and the ICS
/// calendar byte for byte, the XLSX workbook part by part (its XML, read back through
/// `ZipArchive`, never its zip bytes). Record with `RECORD_SNAPSHOTS=1 swift test --filter FormatGoldenTests`.
@Suite struct FormatGoldenTests {
    static let inputs: [String] = GoldenTests.inputs.filter { !$0.contains("/") || $0.hasPrefix("diff/") }

    static func expectedURL(_ input: String, _ ext: String) -> URL {
        GoldenTests.expectedURL(input, ext)
    }

    static func export(_ input: String, _ name: String, _ subject: ExportSubject = .documents) throws -> [UInt8] {
        PlanDocument.export([try GoldenTests.parse(input)], as: format(name, subject))
    }

    @Test func inputsExist() {
        #expect(Self.inputs.count >= 7)
    }

    @Test(arguments: inputs)
    func tasksNDJSON(_ input: String) throws {
        assertGolden(try Self.export(input, "tasks-ndjson"), at: Self.expectedURL(input, "tasks.ndjson"))
    }

    /// The workbook's parts in zip order, each after a `==> name <==` line.
    static func xlsxParts(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        for p in try XLSXTests.parts(bytes) {
            out += Array("==> \(p.name) <==\n".utf8)
            out += Array(p.text.utf8)
            if !p.text.hasSuffix("\n") { out.append(0x0A) }
        }
        return out
    }

    @Test(arguments: inputs)
    func xlsx(_ input: String) throws {
        assertGolden(try Self.xlsxParts(try Self.export(input, "xlsx")), at: Self.expectedURL(input, "xlsx.txt"))
    }

    @Test func xlsxTables() throws {
        let d = try GoldenTests.parse("table-appendix.txt")
        let bytes = PlanDocument.export([d], as: format("xlsx", .tables))
        assertGolden(try Self.xlsxParts(bytes), at: Self.expectedURL("table-appendix.tables.txt", "xlsx.txt"))
    }

    @Test func xlsxDiff() throws {
        let diff = PlanDiff.compare(try GoldenTests.parse("diff/plan-2024.txt"), try GoldenTests.parse("diff/plan-2025.txt"))
        assertGolden(try Self.xlsxParts(diff.export(as: format("xlsx", .diff))), at: Self.expectedURL("diff/diff.txt", "xlsx.txt"))
    }

    @Test(arguments: inputs)
    func html(_ input: String) throws {
        assertGolden(try Self.export(input, "html"), at: Self.expectedURL(input, "html"))
    }

    @Test(arguments: inputs)
    func ics(_ input: String) throws {
        assertGolden(try Self.export(input, "ics"), at: Self.expectedURL(input, "ics"))
    }

    @Test func htmlDiff() throws {
        let diff = PlanDiff.compare(try GoldenTests.parse("diff/plan-2024.txt"), try GoldenTests.parse("diff/plan-2025.txt"))
        assertGolden(diff.export(as: format("html", .diff)), at: Self.expectedURL("diff/diff.txt", "html"))
    }
}
