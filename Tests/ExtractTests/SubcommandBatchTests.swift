import Foundation
import Testing
@testable import extract

/// `extract outline`, `tables` and `units` take several files and folders like `extract`:
/// one exporter for standard output or `-o FILE`, one output per input with `-o DIR`, the same
/// folder walk, refusals, statuses and `--jobs`.
@Suite struct SubcommandBatchTests {
    static let messy = "samples/messy"
    /// The plan files of samples/messy, in the order a folder walk lists them.
    static let messyFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(
            atPath: ExtractRunner.packageRoot.appendingPathComponent(messy).path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { messy + "/" + $0 }
    }()

    static let commands = ["outline", "tables", "units"]

    static func run(_ args: [String], in directory: URL? = nil) throws -> ExtractRun {
        try ExtractRunner.run(args, directory: directory)
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Every file below `dir` (relative path → contents).
    static func tree(_ dir: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for rel in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            let url = dir.appendingPathComponent(rel)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                files[rel] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// A folder `in` with samples/messy as `in/messy` and two more plans in `in/sub`.
    static func inputTree() throws -> URL {
        let dir = try ExtractRunner.temporaryDirectory()
        let root = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExtractRunner.packageRoot.appendingPathComponent(messy),
                                         to: root.appendingPathComponent("messy"))
        for (from, to) in [("samples/table-appendix.txt", "sub/t.txt"), ("samples/field-bullets.txt", "sub/f.TXT")] {
            try FileManager.default.copyItem(at: ExtractRunner.packageRoot.appendingPathComponent(from),
                                             to: root.appendingPathComponent(to))
        }
        return dir
    }

    // MARK: - One output for all inputs

    /// A folder to standard output is the single-file outputs one after another, each headed
    /// with `== path ==` for the text formats, in the folder walk's order.
    @Test(arguments: [("outline", "text"), ("units", "text")])
    func textFormatsHeadEachDocument(command: String, format: String) throws {
        let all = try Self.run([command, "-f", format, Self.messy])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.hasPrefix("extract: 11 files ok, 0 failed, "))
        var expected: [String] = []
        for file in Self.messyFiles {
            let one = try Self.run([command, "-f", format, file])
            #expect(one.status == 0)
            #expect(!one.stdout.hasPrefix("=="), "one input: no heading, as before")
            expected.append("== \(file) ==\n" + one.stdout)
        }
        #expect(all.stdout == expected.joined(separator: "\n"))
        // Several files given one by one: the same.
        let files = try Self.run([command, "-f", format] + Self.messyFiles)
        #expect(files.stdout == all.stdout)
    }

    /// Tables CSV: every table of every input, an empty line between tables, one BOM.
    @Test func tablesOfAFolder() throws {
        let all = try Self.run(["tables", "--bom", Self.messy])
        #expect(all.status == 0)
        var expected: [[UInt8]] = []
        var withoutTables: [String] = []
        for file in Self.messyFiles {
            let one = try Self.run(["tables", file])
            if one.stdoutBytes.isEmpty { withoutTables.append(file) } else { expected.append(one.stdoutBytes) }
        }
        #expect(expected.count == 5)
        #expect(all.stdoutBytes == [0xEF, 0xBB, 0xBF] + Array(expected.joined(separator: Array("\r\n".utf8))))
        #expect(all.stderr.hasPrefix(withoutTables.map { "warning: \($0) has no tables\n" }.joined()))
        #expect(all.stderr.contains("extract: 11 files ok, 0 failed, "))
    }

    /// Units CSV is one table with a `source` column; units JSON an array of `{path, units}`.
    @Test func unitsCSVAndJSONOfSeveralInputs() throws {
        let csv = try Self.run(["units", "-f", "csv", "--bom", Self.messy])
        #expect(csv.status == 0)
        #expect(csv.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("source,unit,key,lead,support\r\n".utf8)))
        #expect(csv.stdout.components(separatedBy: "\u{FEFF}").count == 2)
        var rows: [String] = []
        for file in Self.messyFiles {
            let one = try Self.run(["units", "-f", "csv", file])
            rows += one.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { file + "," + $0 }
        }
        #expect(csv.stdout.dropFirst().components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty } == rows)

        let json = try Self.run(["units", "-f", "json", "--tasks", Self.messy])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [[String: Any]])
        #expect(array.map { $0["path"] as? String } == Self.messyFiles)
        let single = try JSONSerialization.jsonObject(with: Data(try Self.run(["units", "-f", "json", "--tasks", Self.messyFiles[0]]).stdoutBytes)) as? [String: Any]
        #expect((array[0]["units"] as? [[String: Any]])?.count == (single?["units"] as? [[String: Any]])?.count)
        #expect(single?["path"] == nil, "one input: as before")
    }

    /// `-o FILE` whose extension names a format: one file, the same bytes as standard output —
    /// for `extract` too, which wrote a directory `all.ndjson/` before.
    @Test func oneOutputFileForSeveralInputs() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], String, [String])] = [
            (["outline"], "all.txt", ["outline"]),
            (["units"], "all.csv", ["units", "-f", "csv"]),
            (["units"], "all.json", ["units", "-f", "json"]),
            (["tables"], "all.csv", ["tables"]),
            ([], "all.ndjson", ["-f", "ndjson"]),
        ]
        for (args, name, stdoutArgs) in cases {
            let out = dir.appendingPathComponent(name)
            let r = try Self.run(args + ["-j", "2", "-o", out.path, Self.messy])
            #expect(r.status == 0, "\(args) \(name): \(r.stderr)")
            let expected = try Self.run(stdoutArgs + [Self.messy])
            #expect(try Data(contentsOf: out) == Data(expected.stdoutBytes), "\(args) \(name)")
            try FileManager.default.removeItem(at: out)
        }
    }

    // MARK: - One output per input

    /// `-o DIR` mirrors the relative paths; each file is what the single input gives.
    @Test func outputDirectoryMirrorsTheFolders() throws {
        let dir = try Self.inputTree()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try Self.tree(dir.appendingPathComponent("in")).keys.filter(FileSystem.isPlanFile).sorted()
        #expect(inputs.count == 13, "samples/messy and sub/t.txt, sub/f.TXT")

        let outline = try Self.run(["outline", "-o", "out1", "in"], in: dir)
        #expect(outline.status == 0, "\(outline.stderr)")
        let units = try Self.run(["units", "-f", "json", "-o", "out2", "in"], in: dir)
        #expect(units.status == 0)
        let tables = try Self.run(["tables", "-o", "out3", "in"], in: dir)
        #expect(tables.status == 0)
        let outlines = try Self.tree(dir.appendingPathComponent("out1"))
        let unitFiles = try Self.tree(dir.appendingPathComponent("out2"))
        let tableFiles = try Self.tree(dir.appendingPathComponent("out3"))
        // `.txt` outputs name their subject: never `plan.txt`, which could be taken for a plan.
        #expect(outlines.keys.sorted() == inputs.map { FileSystem.droppingExtension($0) + ".outline.txt" }.sorted())
        #expect(unitFiles.keys.sorted() == inputs.map { FileSystem.droppingExtension($0) + ".json" }.sorted())
        for input in inputs {
            let stem = FileSystem.droppingExtension(input)
            let path = "in/" + input
            #expect(outlines[stem + ".outline.txt"] == Data(try Self.run(["outline", path], in: dir).stdoutBytes), "\(input)")
            #expect(unitFiles[stem + ".json"] == Data(try Self.run(["units", "-f", "json", path], in: dir).stdoutBytes), "\(input)")
            let one = try Self.run(["tables", "--table", "1", path], in: dir)
            #expect(tableFiles[stem + ".table-1.csv"] == (one.status == 0 ? Data(one.stdoutBytes) : nil), "\(input)")
        }
        #expect(tableFiles.keys.sorted() == ["messy/columns-reordered.pipes.table-1.csv", "messy/table-appendix.noblank.table-1.csv",
                                             "messy/table-appendix.paginated.table-1.csv", "messy/table-appendix.web.table-1.csv",
                                             "messy/table-appendix.wrapped.table-1.csv", "sub/t.table-1.csv"])
        // Several files (not a folder): one output each, by file name.
        let two = try Self.run(["units", "-o", "out4", "in/sub/t.txt", "in/messy/field-bullets.wrapped.txt"], in: dir)
        #expect(two.status == 0)
        #expect(try Self.tree(dir.appendingPathComponent("out4")).keys.sorted() == ["field-bullets.wrapped.units.txt", "t.units.txt"])
        // One file and `-o DIR` for tables, as before: one file per table.
        let single = try Self.run(["tables", "-o", "out5", "in/sub/t.txt"], in: dir)
        #expect(single.status == 0)
        #expect(try Self.tree(dir.appendingPathComponent("out5")).keys.sorted() == ["t.table-1.csv"])
    }

    /// The folder walk is the same for every subcommand: notes and problems alike.
    @Test(arguments: commands)
    func sameFolderWalk(command: String) throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = dir.appendingPathComponent("w")
        try FolderWalkTests.write(w.appendingPathComponent("a.txt"))
        try FolderWalkTests.write(w.appendingPathComponent("sub/b.TXT"))
        try FolderWalkTests.link(w.appendingPathComponent("sub/up"), to: "..")
        try FolderWalkTests.link(w.appendingPathComponent("again.txt"), to: "a.txt")
        try FolderWalkTests.link(w.appendingPathComponent("gone.txt"), to: "/nonexistent/gone.txt")
        #expect(mkfifo(w.appendingPathComponent("p.txt").path, 0o644) == 0)
        let r = try Self.run([command, "-o", "out", "w"], in: dir)
        #expect(r.status == 1, "the dangling link is a problem")
        #expect(r.stderr.hasPrefix("""
            w/again.txt: note: skipped: same file as w/a.txt
            w/p.txt: note: skipped: not a regular file
            w/sub/up: note: skipped: folder already searched (a link loop or a second link)
            w/gone.txt: error: cannot read: No such file or directory

            """), "\(r.stderr)")
        #expect(r.stderr.contains("extract: 2 files ok, 1 failed, "))
        let parse = try Self.run(["-o", "out0", "w"], in: dir)
        let parseLines = Array(parse.stderr.split(separator: "\n").dropLast())
        let lines = Array(r.stderr.split(separator: "\n").dropLast()).filter { !$0.hasPrefix("warning: ") }
        #expect(parseLines == lines)
    }

    // MARK: - Failures and refusals

    /// A failing input in the middle: reported in order, status 1, every other input written.
    @Test(arguments: commands)
    func failingInputInTheMiddle(command: String) throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x4B, 0x00, 0x48]).write(to: dir.appendingPathComponent("bad.txt"))
        let first = ExtractRunner.packageRoot.appendingPathComponent("samples/table-appendix.txt").path
        let last = ExtractRunner.packageRoot.appendingPathComponent("samples/columns-reordered.txt").path
        let inputs = [first, "bad.txt", "missing.txt", last]
        let r = try Self.run([command, "-j", "3"] + inputs, in: dir)
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n")
        try #require(errors.count == 3, "\(r.stderr)")
        #expect(errors[0].hasPrefix("bad.txt: error: binary data"))
        #expect(errors[1].hasPrefix("missing.txt: error: "))
        #expect(errors[2].hasPrefix("extract: 2 files ok, 2 failed, "))
        let good = try Self.run([command, first, last], in: dir)
        #expect(r.stdout == good.stdout, "the other inputs, as if alone")

        let out = try Self.run([command, "-j", "3", "-o", "out"] + inputs, in: dir)
        #expect(out.status == 1)
        let written = try Self.tree(dir.appendingPathComponent("out")).keys.sorted()
        let ext = command == "tables" ? ".table-1.csv" : command == "outline" ? ".outline.txt" : ".units.txt"
        #expect(written == ["columns-reordered" + ext, "table-appendix" + ext])
    }

    /// `--table N` beyond a document's tables fails that input only.
    @Test func tableNumberBeyondADocument() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let two = try Self.text(ExtractRunner.packageRoot.appendingPathComponent("samples/table-appendix.txt"))
        try (two + "\n\nPHỤ LỤC 2\n\n" + two.components(separatedBy: "\n").filter { $0.contains("\t") }.joined(separator: "\n") + "\n")
            .write(to: dir.appendingPathComponent("two.txt"), atomically: true, encoding: .utf8)
        let tables = try Self.run(["tables", "two.txt"], in: dir)
        try #require(tables.stdout.components(separatedBy: "group,").count == 3, "two.txt has two tables")
        try FileManager.default.copyItem(at: ExtractRunner.packageRoot.appendingPathComponent("samples/table-appendix.txt"),
                                         to: dir.appendingPathComponent("one.txt"))
        let r = try Self.run(["tables", "--table", "2", "-o", "out", "one.txt", "two.txt"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: one.txt has 1 table; there is no table 2\nextract: 1 file ok, 1 failed, "))
        #expect(try Self.tree(dir.appendingPathComponent("out")).keys.sorted() == ["two.table-2.csv"])
    }

    /// Outputs that would be an input, or two inputs that would write one file: refused up
    /// front, nothing written, status 1; `-o` naming a file that cannot be a folder: status 2.
    @Test func refusals() throws {
        let dir = try Self.inputTree()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = "in/sub/t.txt"
        let b = "in/messy/field-bullets.wrapped.txt"
        let before = try Self.tree(dir.appendingPathComponent("in"))
        let cases: [([String], String)] = [
            (["outline", "-o", a, a, b], "error: the output '\(a)' is the input '\(a)'; nothing was written"),
            (["units", "-o", b, a, "in"], "error: the output '\(b)' is the input '\(b)'; nothing was written"),
            (["tables", "-o", "in/sub", "in/sub/t.txt", "in/sub/t.table-1.csv"],
             "error: the output 'in/sub/t.table-1.csv' is the input 'in/sub/t.table-1.csv'; nothing was written"),
        ]
        try Data(try Self.text(dir.appendingPathComponent(a)).utf8).write(to: dir.appendingPathComponent("in/sub/t.table-1.csv"))
        let withCSV = try Self.tree(dir.appendingPathComponent("in"))
        for (args, message) in cases {
            let r = try Self.run(args, in: dir)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr == message + "\n", "\(args)")
            #expect(try Self.tree(dir.appendingPathComponent("in")) == withCSV, "\(args)")
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("in/sub/t.table-1.csv"))
        #expect(try Self.tree(dir.appendingPathComponent("in")) == before)

        // Standard output is an input.
        let stdout = try ExtractRunner.run(["units", a, b], stdoutPath: dir.appendingPathComponent(a).path, directory: dir)
        #expect(stdout.status == 1)
        #expect(stdout.stderr == "error: standard output is the input '\(a)'; nothing was written\n")

        // Two inputs, one output name.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("d1"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("d2"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: dir.appendingPathComponent(a), to: dir.appendingPathComponent("d1/plan.txt"))
        try FileManager.default.copyItem(at: dir.appendingPathComponent(a), to: dir.appendingPathComponent("d2/plan.txt"))
        for (command, name) in [("outline", "plan.outline.txt"), ("units", "plan.units.txt"), ("tables", "plan.table-<n>.csv")] {
            let r = try Self.run([command, "-o", "out", "d1/plan.txt", "d2/plan.txt"], in: dir)
            #expect(r.status == 1)
            #expect(r.stderr == "error: 'd1/plan.txt' and 'd2/plan.txt' would both be written to 'out/\(name)'; nothing was written\n")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        }

        // `-o` an existing file without a format's extension cannot become a folder.
        try Data("x".utf8).write(to: dir.appendingPathComponent("plain"))
        for args in [["units", a, b], ["outline", "in"], ["tables", a]] {
            let r = try Self.run(args + ["-o", "plain"], in: dir)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.hasPrefix("error: 'plain' is not a directory ("), "\(args)")
            #expect(try Self.text(dir.appendingPathComponent("plain")) == "x")
        }
    }

    // MARK: - Jobs

    /// `--jobs 1` and `--jobs 4` write the same bytes, to standard output and to `-o DIR`.
    @Test(arguments: [["outline"], ["tables"], ["units"], ["units", "-f", "csv"], ["units", "-f", "json", "--tasks"]])
    func jobsDoNotChangeTheOutput(args: [String]) throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = ExtractRunner.packageRoot.path
        let one = try Self.run(args + ["-j", "1", root + "/" + Self.messy, root + "/samples/report.txt"], in: dir)
        let four = try Self.run(args + ["-j", "4", root + "/" + Self.messy, root + "/samples/report.txt"], in: dir)
        #expect(one.status == 0)
        #expect(!one.stdoutBytes.isEmpty)
        #expect(one.stdoutBytes == four.stdoutBytes)
        _ = try Self.run(args + ["-j", "1", "-o", "o1", root + "/" + Self.messy], in: dir)
        _ = try Self.run(args + ["-j", "4", "-o", "o4", root + "/" + Self.messy], in: dir)
        let o1 = try Self.tree(dir.appendingPathComponent("o1"))
        #expect(!o1.isEmpty)
        #expect(o1 == (try Self.tree(dir.appendingPathComponent("o4"))))
    }
}
