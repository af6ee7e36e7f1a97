import Foundation
import Testing

/// Many files in one run: order, failures in the middle, NDJSON, one output per input.
@Suite struct BatchTests {
    static let samples = ["samples/table-appendix.txt", "samples/field-bullets.txt", "samples/prose-bullets.txt",
                          "samples/report.txt", "samples/columns-reordered.txt"]

    static func lines(_ s: String) -> [Substring] { s.split(separator: "\n") }

    @Test(arguments: [1, 2, 4, 8])
    func ndjsonKeepsInputOrder(jobs: Int) throws {
        // Twenty inputs so that several windows and threads are involved.
        let inputs = (0..<4).flatMap { _ in Self.samples }
        let r = try ExtractRunner.run(["--format", "ndjson", "--jobs", String(jobs)] + inputs)
        #expect(r.status == 0)
        let docs = try Self.lines(r.stdout).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(docs.map { ($0["source"] as! [String: Any])["path"] as! String } == inputs)
        #expect(r.stderr.hasPrefix("extract: 20 files ok, 0 failed, "))
    }

    @Test func failingFileInTheMiddle() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.txt")
        try Data([0x4B, 0x00, 0x48]).write(to: bad)
        let r = try ExtractRunner.run(["--format", "ndjson", "-j", "3", Self.samples[0], bad.path, "missing.txt", Self.samples[3]])
        #expect(r.status == 1)
        let paths = try Self.lines(r.stdout).map {
            ((try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["source"] as! [String: Any])["path"] as! String
        }
        #expect(paths == [Self.samples[0], Self.samples[3]])
        let errors = Self.lines(r.stderr)
        try #require(errors.count == 3)
        #expect(errors[0].hasPrefix("\(bad.path): error: "))
        #expect(errors[1].hasPrefix("missing.txt: error: "))
        #expect(errors[2].hasPrefix("extract: 2 files ok, 2 failed, "))
    }

    @Test func jsonArrayOfDocuments() throws {
        let r = try ExtractRunner.run(Array(Self.samples.prefix(2)))
        #expect(r.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(r.stdoutBytes)) as? [[String: Any]]
        #expect(array?.count == 2)
    }

    @Test func outputDirectoryMirrorsTheInputFolder() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try ExtractRunner.run(["samples/messy", "-o", out.path, "--format", "csv", "--bom"])
        #expect(r.status == 0)
        let csv = try Data(contentsOf: out.appendingPathComponent("field-bullets.noblank.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("source,document,id,origin,section".utf8)))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("table-appendix.web.csv").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("README.csv").path))
    }

    @Test func csvOfManyFilesHasOneHeader() throws {
        let r = try ExtractRunner.run(["--format", "csv"] + Self.samples)
        #expect(r.status == 0)
        #expect(r.stdout.components(separatedBy: "source,document,id,origin,section").count == 2)
        #expect(r.stdout.components(separatedBy: "\r\n").count - 2 == 35 + 18 + 24 + 0 + 14)
    }

    @Test func noProgressWhenStderrIsNotATerminal() throws {
        let r = try ExtractRunner.run(["--format", "ndjson"] + Self.samples)
        #expect(!r.stderr.contains("\r"))
    }
}
