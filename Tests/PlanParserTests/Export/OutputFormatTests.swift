import Testing
@testable import PlanParser

@Suite struct OutputFormatTests {
    @Test(arguments: [
        ("plan.json", "json"), ("out/plan.ndjson", "ndjson"), ("plan.tasks.ndjson", "tasks-ndjson"),
        ("PLAN.TASKS.JSONL", "tasks-ndjson"), ("plan.jsonl", "ndjson"), ("plan.csv", "csv"),
    ])
    func fileExtensionPicksTheFormat(path: String, name: String) {
        #expect(OutputFormat.forFile(path, subject: .documents)?.name == name)
    }

    @Test(arguments: ["plan", "plan.txt.d/out", ".tasks", "plan.xyz"])
    func noFormatForOtherNames(path: String) {
        #expect(OutputFormat.forFile(path, subject: .documents) == nil)
    }

    @Test func formatNamesAreUniquePerSubject() {
        for s in ExportSubject.allCases {
            let names = OutputFormat.formats(for: s).map(\.name)
            #expect(Set(names).count == names.count, "\(s)")
        }
    }

    @Test func tasksNDJSONKeysInOrder() throws {
        let d = try Fixtures.sample("field-bullets.txt")
        let bytes = PlanDocument.export([d], as: format("tasks-ndjson", .documents))
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == d.tasks.count)
        // Every key once, in the documented order, and nothing nested.
        let first = String(lines[0])
        var last = first.startIndex
        for key in TasksNDJSONExporter.keys {
            guard let r = first.range(of: "\"\(key)\":") else {
                Issue.record("no key \(key)")
                continue
            }
            #expect(r.lowerBound >= last, "\(key) out of order")
            last = r.upperBound
        }
        #expect(first.filter { $0 == "{" }.count == 1 && !first.contains("["))
    }
}

extension OutputFormatTests {
    @Test func onlyWorkbooksAreBinary() {
        #expect(Set(OutputFormat.all.filter { $0.isBinary }.map(\.name)) == ["xlsx"])
        #expect(OutputFormat.all.filter { $0.isBinary }.count == 4, "documents, tables, units, diff")
    }
}
