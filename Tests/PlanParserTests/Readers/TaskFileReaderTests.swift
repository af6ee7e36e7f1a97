import Foundation
import Testing
@testable import PlanParser

/// The task CSV with each delimiter, the tasks NDJSON and the ICS calendar, read back by
/// python (`csv`, `json`, `icalendar`) and compared with the JSON of the same documents.
@Suite(.enabled(if: ExternalTool.runs(ExternalTool.python != nil), "python3 not found: reader checks skipped"))
struct TaskFileReaderTests {
    static let inputs = ["table-appendix.txt", "field-bullets.txt", "prose-bullets.txt", "diff/plan-2025.txt",
                         "messy/table-appendix.web.txt"]

    /// The documents and their JSON files in `dir`.
    static func documents(in dir: URL) throws -> ([PlanDocument], [String]) {
        var docs: [PlanDocument] = []
        var paths: [String] = []
        for (i, input) in inputs.enumerated() {
            let d = try GoldenTests.parse(input)
            let url = dir.appendingPathComponent("\(i).json")
            try Data(d.jsonBytes()).write(to: url)
            docs.append(d)
            paths.append(url.path)
        }
        return (docs, paths)
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\\t", UInt8(0x09))])
    func csvWithEachDelimiter(name: String, delimiter: UInt8) throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (docs, jsons) = try Self.documents(in: dir)
        var o = ExportOptions()
        o.delimiter = delimiter
        o.byteOrderMark = true
        let url = dir.appendingPathComponent("tasks.csv")
        try Data(PlanDocument.export(docs, as: format("csv", .documents), options: o)).write(to: url)
        let r = try ExternalTool.pythonScript("tasks.py", ["csv", name, url.path] + jsons)
        #expect(r.status == 0, "\(r.output)")
    }

    @Test func tasksNDJSON() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (docs, jsons) = try Self.documents(in: dir)
        let url = dir.appendingPathComponent("tasks.ndjson")
        try Data(PlanDocument.export(docs, as: format("tasks-ndjson", .documents))).write(to: url)
        let r = try ExternalTool.pythonScript("tasks.py", ["ndjson", "-", url.path] + jsons)
        #expect(r.status == 0, "\(r.output)")
    }

    @Test(.enabled(if: ExternalTool.runs(ExternalTool.pythonICalendar), "python3 with icalendar not found: ICS check skipped"))
    func icsReadByICalendar() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (docs, jsons) = try Self.documents(in: dir)
        let url = dir.appendingPathComponent("plans.ics")
        try Data(PlanDocument.export(docs, as: format("ics", .documents))).write(to: url)
        let r = try ExternalTool.pythonScript("ics.py", [url.path] + jsons)
        #expect(r.status == 0, "\(r.output)")
        let events = docs.flatMap { $0.tasks.flatMap { $0.time.filter { ICSExporter.eventKinds.contains($0.kind) && $0.end != nil } } }
        #expect(r.stdout.contains("\(events.count) events, 0 problems"), "\(r.output)")
    }
}
