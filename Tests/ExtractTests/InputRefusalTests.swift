import Foundation
import Testing

/// Every refused input: a message on stderr naming the file and the byte/line, status 1,
/// nothing on stdout (never half a JSON document).
@Suite struct InputRefusalTests {
    static func utf16LE(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for unit in text.utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return out
    }

    static let cases: [(String, [UInt8], String)] = [
        ("binary.txt", [0x4B, 0xE1, 0xBA, 0xBF, 0x0A, 0x61, 0x00, 0x62] as [UInt8], "binary.txt: error: binary data (NUL byte) at byte 6 (line 2)\n"),
        ("utf16-no-bom.txt", utf16LE("Kế hoạch\n"),
         "utf16-no-bom.txt: error: binary data (NUL byte) at byte 1 (line 1); UTF-16 without a byte-order mark?\n"),
        ("invalid.txt", Array("Dòng một\nDòng hai \u{FFFD}".utf8.dropLast(3)) + [0xC3, 0x28], "invalid.txt: error: invalid UTF-8 at byte 22 (line 2)\n"),
        ("empty.txt", [], "empty.txt: error: the input has no text\n"),
        ("blank.txt", Array(" \t\n\u{00A0}\r\n\n".utf8), "blank.txt: error: the input has no text\n"),
        ("odd-utf16.txt", [0xFF, 0xFE, 0x61, 0x00, 0x62], "odd-utf16.txt: error: invalid UTF-16 at byte 4 (line 1)\n"),
    ]

    @Test(arguments: cases)
    func refused(name: String, bytes: [UInt8], message: String) throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let r = try ExtractRunner.run([file.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == dir.path + "/" + message)
    }

    @Test func missingFile() throws {
        let r = try ExtractRunner.run(["no-such-plan.txt"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "no-such-plan.txt: error: file not found: no-such-plan.txt\n")
    }

    @Test func tooLarge() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: (1 << 20) + 1).write(to: file)
        let r = try ExtractRunner.run(["--max-size", "1", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == file.path + ": error: input too large: 1048577 bytes (limit 1048576)\n")
    }

    @Test func standardInputRefused() throws {
        let r = try ExtractRunner.run(["-"], stdin: [0x00, 0x01])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("<stdin>: error: binary data (NUL byte) at byte 0 (line 1)"))
    }

    @Test func folderWithoutPlans() throws {
        let dir = try ExtractRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExtractRunner.run([dir.path])
        #expect(r.status == 1)
        #expect(r.stderr == "error: no .txt, .docx, .docm, .odt, .pdf, .html or .htm files found in \(dir.path)\n")
    }
}
