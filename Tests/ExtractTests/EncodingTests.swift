import Foundation
import Testing
import PlanParser

/// Plain text saved by Vietnamese Windows (`samples/encodings`, made by
/// `scripts/make-encoding-samples.py`): refused with a hint, read with `--encoding cp1258`.
@Suite struct EncodingTests {
    static let samples = ["field-bullets", "table-appendix"]

    @Test(arguments: samples)
    func refusedWithAHint(_ name: String) throws {
        let r = try ExtractRunner.run(["samples/encodings/\(name).cp1258.text"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("samples/encodings/\(name).cp1258.text: error: invalid UTF-8 at byte "))
        #expect(r.stderr.hasSuffix("; it reads as Windows-1258 (Vietnamese Windows): try --encoding cp1258\n"))
    }

    /// The same records as the UTF-8 sample (CRLF line ends and all).
    @Test(arguments: samples)
    func readAsCP1258(_ name: String) throws {
        let legacy = try ExtractRunner.run(["--encoding", "cp1258", "--compact", "samples/encodings/\(name).cp1258.text"])
        let utf8 = try ExtractRunner.run(["--compact", "samples/\(name).txt"])
        #expect(legacy.status == 0)
        let a = try JSONSerialization.jsonObject(with: Data(legacy.stdoutBytes)) as? [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(utf8.stdoutBytes)) as? [String: Any]
        for key in ["document", "sections", "tasks", "targets", "warnings", "leftovers", "furniture"] {
            let x = try JSONSerialization.data(withJSONObject: a?[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
            let y = try JSONSerialization.data(withJSONObject: b?[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
            #expect(x == y, "\(key)")
        }
        #expect((a?["tasks"] as? [Any])?.count == (name == "field-bullets" ? 18 : 35))
    }

    @Test func theLibraryReadsEachLegacyEncoding() throws {
        // "Kế hoạch" in cp1258 (ê then the acute mark 0xEC), TCVN3 and VNI.
        let cp1258: [UInt8] = [0x4B, 0xEA, 0xEC, 0x20, 0x68, 0x6F, 0x61, 0xF2, 0x63, 0x68, 0x0A]
        let d = try PlanDocument.canonicalText(bytes: cp1258, options: ParseOptions(encoding: .cp1258))
        #expect(String(decoding: d, as: UTF8.self) == "Kế hoạch\n")
        #expect(throws: PlanParseError.invalidUTF8(byteOffset: 1, line: 1, likely: .cp1258)) {
            try PlanDocument.canonicalText(bytes: Array(repeating: cp1258, count: 4).flatMap { $0 })
        }
    }
}
