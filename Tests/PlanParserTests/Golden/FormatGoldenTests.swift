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
}
