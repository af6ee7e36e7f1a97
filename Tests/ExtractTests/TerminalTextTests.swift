import Foundation
import Testing
@testable import extract

/// Text meant for a terminal shows control characters escaped (`\u{1B}`): document text in
/// `outline`, `units` and `diff`, file names on stderr; cutting never splits an escape.
@Suite struct TerminalTextTests {
    static let hostile = """
        KẾ HOẠCH

        II. NHIỆM VỤ \u{1B}]0;pwned\u{07} \u{1B}[2J

        1. Công tác \u{1B}[31m chỉ đạo điều hành \u{9B}31m cải cách hành chính

        a) Ban hành kế hoạch \u{1B}[2J tuyên truyền.
        - Đơn vị chủ trì: Văn phòng \u{1B}[2J Sở
        - Thời gian thực hiện: Quý I/2025

        """

    static func noRawControls(_ text: String, keepingNewlines: Bool = true) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && !(keepingNewlines && s == "\n")) || (0x7F...0x9F).contains(s.value)
        }
    }

    static func fixture() throws -> (URL, URL) {
        let dir = try ExtractRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("hostile.txt")
        try Data(hostile.utf8).write(to: file)
        return (dir, file)
    }

    @Test func outlineUnitsAndDiffEscapeDocumentText() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [["outline", file.path], ["units", "--tasks", file.path], ["diff", "samples/field-bullets.txt", file.path]] {
            let r = try ExtractRunner.run(args)
            #expect(r.status == 0 || args[0] == "diff")
            #expect(Self.noRawControls(r.stdout), "\(args[0]): \(r.stdout)")
            // (Task titles lose their control characters when parsed; headings keep them, escaped.)
            if args[0] != "diff" { #expect(r.stdout.contains("\\u{1B}"), "\(args[0])") }
        }
    }

    /// No width cuts an escape or a letter in half.
    @Test func widthNeverSplitsAnEscape() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        for width in 20...44 {
            let r = try ExtractRunner.run(["outline", "--width", String(width), file.path])
            #expect(r.status == 0)
            #expect(Self.noRawControls(r.stdout))
            for line in r.stdout.split(separator: "\n") {
                // Every `\u{` that starts is finished: `\u{` hex digits `}`.
                var rest = Substring(line)
                while let start = rest.range(of: "\\u{") {
                    let after = rest[start.upperBound...]
                    let hex = after.prefix { $0.isHexDigit }
                    #expect(!hex.isEmpty && after.dropFirst(hex.count).first == "}", "width \(width): \(line)")
                    rest = after.dropFirst(hex.count)
                }
            }
        }
    }

    /// A file name with a newline forged an error line on stderr.
    @Test func fileNamesOnStandardError() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let forged = "bad\nextract: 5 files ok, 0 failed\u{1B}[2J.txt"
        let r = try ExtractRunner.run([forged])
        #expect(r.status == 1)
        #expect(r.stderr == "bad\\u{A}extract: 5 files ok, 0 failed\\u{1B}[2J.txt: error: file not found: bad\\u{A}extract: 5 files ok, 0 failed\\u{1B}[2J.txt\n")
        // In a folder walk, and in the header of a diff report.
        let named = dir.appendingPathComponent("a\u{1B}]0;x\u{07}.txt")
        try Data([0x00]).write(to: named)
        let walk = try ExtractRunner.run([dir.path])
        #expect(walk.stderr.contains("/a\\u{1B}]0;x\\u{7}.txt: error: binary data"))
        #expect(Self.noRawControls(walk.stderr))
        let plan = dir.appendingPathComponent("p\u{1B}[2J.txt")
        try FileManager.default.copyItem(at: ExtractRunner.packageRoot.appendingPathComponent("samples/field-bullets.txt"), to: plan)
        let diff = try ExtractRunner.run(["diff", plan.path, "samples/field-bullets.txt"])
        #expect(diff.stdout.hasPrefix("--- \(dir.path)/p\\u{1B}[2J.txt ("))
        let stats = try ExtractRunner.run(["--stats", plan.path])
        #expect(stats.stdout.hasPrefix("\(dir.path)/p\\u{1B}[2J.txt\n"))
        // JSON keeps the real name (JSON escapes it its own way).
        let json = try ExtractRunner.run([plan.path])
        #expect(json.stdout.contains("\"path\": \"\(dir.path)/p\\u001b[2J.txt\"") || json.stdout.contains("\"path\": \"\(dir.path)/p\\u001B[2J.txt\""))
    }

    /// `extract text` shows control characters escaped on a terminal (run under `script`),
    /// and passes the exact bytes to a pipe.
    @Test func textOnATerminal() throws {
        let (dir, file) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let piped = try ExtractRunner.run(["text", file.path])
        #expect(piped.stdout.contains("\u{1B}[2J"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: no /usr/bin/script to run extract on a pseudo-terminal")
            return
        }
        let tty = try ExtractRunner.shell("script -qc '\"$EXTRACT\" text \(file.path)' /dev/null")
        #expect(tty.status == 0)
        #expect(tty.stdout.contains("\\u{1B}[2J"))
        #expect(Self.noRawControls(tty.stdout.replacingOccurrences(of: "\r\n", with: "\n")))
    }

    /// A workbook (a zip) is never written onto a terminal; redirected or to a file it is.
    @Test func binaryFormatsNotOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: no /usr/bin/script to run extract on a pseudo-terminal")
            return
        }
        let tty = try ExtractRunner.shell("script -qc '\"$EXTRACT\" -f xlsx samples/table-appendix.txt' /dev/null")
        #expect(tty.stdout.contains("error: 'xlsx' is a binary format: write it to a file (-o out.xlsx) or redirect standard output"))
        #expect(!tty.stdout.contains("PK"))
        let diff = try ExtractRunner.shell("script -qc '\"$EXTRACT\" diff -f xlsx samples/diff/plan-2024.txt samples/diff/plan-2025.txt' /dev/null")
        #expect(diff.stdout.contains("error: 'xlsx' is a binary format"))
        let piped = try ExtractRunner.run(["-f", "xlsx", "samples/table-appendix.txt"])
        #expect(piped.status == 0)
        #expect(piped.stdoutBytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a\nb", "a\\u{A}b"),
        ("\u{1B}[2J", "\\u{1B}[2J"),
        ("tab\there", "tab\\u{9}here"),
        ("c1 \u{9B} del \u{7F}", "c1 \\u{9B} del \\u{7F}"),
        ("Việt Nam", "Việt Nam"),
    ])
    func escaper(_ input: String, _ expected: String) {
        #expect(Console.escaped(input) == expected)
    }

    /// The CLI's filter over terminal-text outputs: the same result however the bytes are cut
    /// into chunks; colour codes pass only when colour is on.
    @Test func filterAcrossChunks() {
        let text = Array("a\u{1B}[31mred\u{1B}[0m \u{1B}]0;t\u{07} \u{9B}2J é\tb\n".utf8)
        func run(_ colour: Bool, cut: Int) -> String {
            var f = TerminalFilter(allowsColour: colour)
            var out: [UInt8] = []
            var i = 0
            while i < text.count {
                let piece = Array(text[i..<min(text.count, i + cut)])
                out += piece.withUnsafeBytes { f.filter($0) }
                i += cut
            }
            out += f.finish()
            return String(decoding: out, as: UTF8.self)
        }
        for cut in 1...text.count {
            #expect(run(false, cut: cut) == "a\\u{1B}[31mred\\u{1B}[0m \\u{1B}]0;t\\u{7} \\u{9B}2J é\\u{9}b\n", "cut \(cut)")
            #expect(run(true, cut: cut) == "a\u{1B}[31mred\u{1B}[0m \\u{1B}]0;t\\u{7} \\u{9B}2J é\\u{9}b\n", "cut \(cut)")
        }
    }
}
