import Foundation
import Testing
@testable import PlanParser

/// Workbooks read by real readers: openpyxl compares every cell with the JSON
/// (`scripts/check/xlsx.py`), LibreOffice opens one and prints it to PDF.
@Suite(.enabled(if: ExternalTool.runs(ExternalTool.pythonOpenpyxl), "python3 with openpyxl not found: XLSX reader checks skipped"))
struct XLSXReaderTests {
    /// Every sample alone, then all of them in one workbook.
    @Test func openpyxlReadsWhatTheJSONSays() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var documents: [PlanDocument] = []
        var jsons: [String] = []
        for input in GoldenTests.inputs {
            let d = try GoldenTests.parse(input)
            let stem = dir.appendingPathComponent(input.replacingOccurrences(of: "/", with: "__"))
            try Data(d.jsonBytes()).write(to: stem.appendingPathExtension("json"))
            try Data(PlanDocument.export([d], as: format("xlsx", .documents))).write(to: stem.appendingPathExtension("xlsx"))
            let r = try ExternalTool.pythonScript("xlsx.py", [stem.appendingPathExtension("xlsx").path, stem.appendingPathExtension("json").path])
            #expect(r.status == 0, "\(input):\n\(r.output)")
            documents.append(d)
            jsons.append(stem.appendingPathExtension("json").path)
        }
        let all = dir.appendingPathComponent("all.xlsx")
        try Data(PlanDocument.export(documents, as: format("xlsx", .documents))).write(to: all)
        let r = try ExternalTool.pythonScript("xlsx.py", [all.path] + jsons)
        #expect(r.status == 0, "\(r.output)")
        #expect(r.stdout.hasSuffix("0 problems\n"), "\(r.output)")
    }

    @Test func tablesWorkbook() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = ["table-appendix.txt", "columns-reordered.txt", "messy/table-appendix.paginated.txt"]
        let documents = try inputs.map(GoldenTests.parse)
        var jsons: [String] = []
        for (i, d) in documents.enumerated() {
            let url = dir.appendingPathComponent("\(i).json")
            try Data(d.jsonBytes()).write(to: url)
            jsons.append(url.path)
        }
        let book = dir.appendingPathComponent("tables.xlsx")
        try Data(PlanDocument.export(documents, as: format("xlsx", .tables))).write(to: book)
        let r = try ExternalTool.pythonScript("xlsx.py", ["--tables", book.path] + jsons)
        #expect(r.status == 0, "\(r.output)")
    }

    @Test func diffWorkbook() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let diff = PlanDiff.compare(try GoldenTests.parse("diff/plan-2024.txt"), try GoldenTests.parse("diff/plan-2025.txt"))
        let json = dir.appendingPathComponent("diff.json")
        try Data(diff.jsonBytes()).write(to: json)
        let book = dir.appendingPathComponent("diff.xlsx")
        try Data(diff.export(as: format("xlsx", .diff))).write(to: book)
        let r = try ExternalTool.pythonScript("xlsx.py", ["--diff", book.path, json.path])
        #expect(r.status == 0, "\(r.output)")
    }
}

/// LibreOffice (headless) opens a workbook of the samples and prints it to PDF, kept in the
/// test artifacts (`samples.xlsx.pdf`).
@Suite(.enabled(if: ExternalTool.runs(ExternalTool.soffice != nil), "LibreOffice (soffice) not found: XLSX open check skipped"))
struct XLSXLibreOfficeTests {
    @Test func libreOfficeOpensTheWorkbook() throws {
        let dir = try ExternalTool.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let documents = try ["field-bullets.txt", "table-appendix.txt", "prose-bullets.txt"].map(GoldenTests.parse)
        let book = dir.appendingPathComponent("samples.xlsx")
        try Data(PlanDocument.export(documents, as: format("xlsx", .documents))).write(to: book)
        let pdf = try LibreOffice.convert(book, to: "pdf", in: dir)
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Array("%PDF".utf8)))
        #expect(bytes.count > 20_000, "a PDF of \(bytes.count) bytes is too small for the workbook")
        for (file, name) in [(pdf, "samples.xlsx.pdf"), (book, "samples.xlsx")] {
            let copy = ExternalTool.artifacts.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: file, to: copy)
        }
    }
}

enum LibreOffice {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Converts `file` with `soffice --headless --convert-to` into `dir`, with a profile of its
    /// own (so it never waits for another LibreOffice running on the machine).
    static func convert(_ file: URL, to format: String, in dir: URL) throws -> URL {
        guard let soffice = ExternalTool.soffice else { throw Failure(description: "soffice not found") }
        let profile = dir.appendingPathComponent("lo-profile")
        let r = try ExternalTool.run(soffice, [
            "-env:UserInstallation=file://" + profile.path, "--headless", "--norestore",
            "--convert-to", format, "--outdir", dir.path, file.path,
        ], timeout: 180)
        let out = dir.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + format.prefix { $0 != ":" })
        guard r.status == 0, FileManager.default.fileExists(atPath: out.path) else {
            throw Failure(description: "soffice failed (\(r.status)): \(r.output)")
        }
        return out
    }
}
