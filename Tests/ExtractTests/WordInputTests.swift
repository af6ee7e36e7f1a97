import Foundation
import Testing

/// Word and OpenDocument files on the command line: every subcommand reads them, folders
/// pick them up, refusals name the file.
@Suite struct WordInputTests {
    static let docx = "samples/word/table-appendix.docx"

    @Test func extractReadsDocx() throws {
        let r = try ExtractRunner.run(["--compact", Self.docx])
        #expect(r.status == 0)
        #expect(r.stdout.contains(#""source":{"path":"samples/word/table-appendix.docx","format":"docx""#))
        let stdin = try ExtractRunner.run(["--stats", "-"],
                                          stdin: [UInt8](try Data(contentsOf: ExtractRunner.packageRoot.appendingPathComponent(Self.docx))))
        #expect(stdin.status == 0)
        #expect(stdin.stdout.contains("tasks: 35 (table 18, fields 0, prose 17)"))
    }

    @Test(arguments: [["outline"], ["tables"], ["units"]])
    func subcommandsReadDocx(_ command: [String]) throws {
        let word = try ExtractRunner.run(command + ["samples/word/columns-reordered.docx"])
        let text = try ExtractRunner.run(command + ["samples/columns-reordered.txt"])
        #expect(word.status == 0)
        #expect(!word.stdout.isEmpty)
        // Line numbers differ (they refer to each file's own text); the content does not.
        func withoutNumbers(_ s: String) -> String {
            s.split(separator: "\n").map { $0.drop(while: { $0 == " " || $0.isNumber }) }.joined(separator: "\n")
        }
        if command[0] == "outline" {
            #expect(withoutNumbers(word.stdout) == withoutNumbers(text.stdout))
        } else {
            #expect(word.stdout == text.stdout)
        }
    }

    @Test func diffOfTwinsIsNoChange() throws {
        let r = try ExtractRunner.run(["diff", "samples/diff/plan-2024.txt", "samples/word/plan-2024.docx"])
        #expect(r.status == 0)
        let changed = try ExtractRunner.run(["diff", "samples/word/plan-2024.docx", "samples/word/plan-2025.docx"])
        let text = try ExtractRunner.run(["diff", "samples/diff/plan-2024.txt", "samples/diff/plan-2025.txt"])
        #expect(changed.status == 1)
        // The same changes, whatever the files are called.
        func body(_ s: String) -> [Substring] { s.split(separator: "\n").dropFirst(2).map { $0 } }
        #expect(body(changed.stdout) == body(text.stdout))
    }

    @Test func foldersPickUpWordFiles() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = ExtractRunner.packageRoot
        for (from, to) in [("samples/table-appendix.txt", "table-appendix.txt"), (Self.docx, "table-appendix.docx"),
                           ("samples/word/field-bullets.odt", "sub/field-bullets.odt"), ("samples/README.md", "README.md")]
        {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(to).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(from), to: dir.appendingPathComponent(to))
        }
        let out = dir.appendingPathComponent("out")
        let r = try ExtractRunner.run([dir.path, "-o", out.path])
        #expect(r.status == 0)
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        // plan.txt and plan.docx side by side: the Word file's output keeps its extension.
        #expect(written == ["sub", "sub/field-bullets.json", "table-appendix.docx.json", "table-appendix.json"])
    }

    @Test func refusalNamesTheFile() throws {
        let r = try ExtractRunner.run(["samples/word/refuse/table-appendix.doc"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "samples/word/refuse/table-appendix.doc: error: a Word 97–2003 document (.doc) cannot be read: "
            + "save it as .docx — in Word File › Save As, or `soffice --headless --convert-to docx FILE.doc`\n")
        let crc = try ExtractRunner.run(["samples/word/refuse/badcrc.docx"])
        #expect(crc.stderr == "samples/word/refuse/badcrc.docx: error: not a valid .docx: zip entry 'word/document.xml': bad CRC-32\n")
    }
}
