import Foundation
import Testing
@testable import PlanParser

/// Every sample's document JSON (pretty, compact and as NDJSON) is valid against
/// `docs/plan.schema.json`, checked by python's `jsonschema` (Draft 2020-12).
@Suite(.enabled(if: ExternalTool.runs(ExternalTool.pythonJSONSchema), "python3 with jsonschema not found: schema check skipped"))
struct SchemaTests {
    @Test func everySampleValidates() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        var documents: [PlanDocument] = []
        for input in GoldenTests.inputs {
            let d = try GoldenTests.parse(input)
            documents.append(d)
            let url = dir.appendingPathComponent(input.replacingOccurrences(of: "/", with: "__") + ".json")
            try Data(d.jsonBytes()).write(to: url)
            files.append(url.path)
        }
        var compact = ExportOptions()
        compact.pretty = false
        let ndjson = dir.appendingPathComponent("all.ndjson")
        try Data(PlanDocument.export(documents, as: format("ndjson", .documents), options: compact)).write(to: ndjson)
        var array = ExportOptions()
        array.collection = true
        let all = dir.appendingPathComponent("all.json")
        try Data(PlanDocument.export(documents, as: format("json", .documents), options: array)).write(to: all)
        files += [ndjson.path, all.path]
        let r = try ExternalTool.pythonScript("schema.py", ["docs/plan.schema.json"] + files)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.stdout.contains("\(documents.count * 3) documents, 0 problems"), "\(r.output)")
    }

    /// The schema is strict: a key it does not know is a problem (so it cannot fall behind the writer).
    @Test func schemaRejectsUnknownKeys() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = try Fixtures.sample("field-bullets.txt")
        var text = String(decoding: d.jsonBytes(pretty: false), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"origin\":", with: "\"extra\":1,\"origin\":")
        let url = dir.appendingPathComponent("bad.json")
        try Data(text.utf8).write(to: url)
        let r = try ExternalTool.pythonScript("schema.py", ["docs/plan.schema.json", url.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("Additional properties are not allowed"), "\(r.output)")
    }
}
