import Foundation
import Testing

@testable import PlanParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct SourceDecoderTests {
    /// Line feeds in long clean runs are counted per vector lane and summed every 255 blocks:
    /// the count stays exact across those sums and across a stop for a changed byte.
    @Test func lineFeedsCountedAcrossLongRuns() throws {
        let line = "Sở Tư pháp chủ trì thực hiện\n"  // 40 bytes: line feeds at offsets 7 and 15 mod 16
        for lines in [1, 110, 111, 2_000] {
            let text = String(repeating: line, count: lines)
            #expect(try SourceDecoder.decode(Array(text.utf8)).lineCount == lines)
            // A CR in the middle makes the cleaner stop, copy and go on.
            let half = String(repeating: line, count: lines / 2)
            let mixed = half + "Dòng\r\n" + half
            #expect(try SourceDecoder.decode(Array(mixed.utf8)).lineCount == 2 * (lines / 2) + 1)
        }
    }

    // MARK: - Encodings, line endings and normalization forms

    /// One way of writing the same text to a file.
    enum Form: String, CaseIterable, Sendable {
        case utf8, utf8BOM, utf16LE, utf16BE, crlf, cr, nfd, composite, allAtOnce

        /// The file bytes for `text` (NFC, LF) written this way.
        func bytes(for text: String) -> [UInt8] {
            switch self {
            case .utf8: return Array(text.utf8)
            case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case .utf16LE: return [0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!)
            case .utf16BE: return [0xFE, 0xFF] + Array(text.data(using: .utf16BigEndian)!)
            case .crlf: return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case .cr: return Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
            case .nfd: return Array(text.decomposedStringWithCanonicalMapping.utf8)
            case .composite: return Array(SourceDecoderTests.compositeForm(text).utf8)
            case .allAtOnce:
                let nfd = text.decomposedStringWithCanonicalMapping
                return [0xFE, 0xFF]
                    + Array(nfd.replacingOccurrences(of: "\n", with: "\r\n").data(using: .utf16BigEndian)!)
            }
        }
    }

    /// The "Unicode tổ hợp" form: `ă â ê ô ơ ư` stay precomposed, tones become marks.
    static func compositeForm(_ text: String) -> String {
        let shapes: Set<UInt32> = [0x302, 0x306, 0x31B]
        var out = ""
        var letter = ""  // the starter and its shape marks
        var tones = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.canonicalCombiningClass == .notReordered {
                out += letter.precomposedStringWithCanonicalMapping + tones
                letter = ""
                tones = ""
            }
            if shapes.contains(scalar.value) || letter.isEmpty {
                letter.unicodeScalars.append(scalar)
            } else {
                tones.unicodeScalars.append(scalar)
            }
        }
        return out + letter.precomposedStringWithCanonicalMapping + tones
    }

    /// Every Vietnamese vowel in both cases, plus `đ`, tabs, a blank line and no final LF.
    static let vietnamese = """
        KẾ HOẠCH Thực hiện công tác Cải cách hành chính năm 2024
        aàáãảạ ăằắẵẳặ âầấẫẩậ eèéẽẻẹ êềếễểệ iìíĩỉị oòóõỏọ ôồốỗổộ ơờớỡởợ uùúũủụ ưừứữửự yỳýỹỷỵ đ
        AÀÁÃẢẠ ĂẰẮẴẲẶ ÂẦẤẪẨẬ EÈÉẼẺẸ ÊỀẾỄỂỆ IÌÍĨỈỊ OÒÓÕỎỌ ÔỒỐỖỔỘ ƠỜỚỠỞỢ UÙÚŨỦỤ ƯỪỨỮỬỰ YỲÝỸỶỴ Đ

        1.\tXây dựng kế hoạch\tSở Khoa học và Công nghệ\tQuý I/2024 – “ưu tiên”
        """

    @Test(arguments: Form.allCases)
    func everyFormGivesTheSameBytes(form: Form) throws {
        let expected = Array(Self.vietnamese.utf8)
        let decoded = try SourceDecoder.decode(form.bytes(for: Self.vietnamese))
        #expect(decoded.bytes == expected)
        #expect(decoded.lineCount == 5)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.vietnamese)
    }

    @Test(arguments: [
        (Form.utf8, SourceEncoding.utf8, false), (.utf8BOM, .utf8BOM, false),
        (.utf16LE, .utf16LE, false), (.utf16BE, .utf16BE, false),
        (.nfd, .utf8, true), (.composite, .utf8, true), (.allAtOnce, .utf16BE, true),
    ])
    func reportsEncodingAndNormalization(form: Form, encoding: SourceEncoding, normalized: Bool) throws {
        let decoded = try SourceDecoder.decode(form.bytes(for: Self.vietnamese))
        #expect(decoded.encoding == encoding)
        #expect(decoded.wasNormalized == normalized)
    }

    // MARK: - Seeds

    static let seedDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/seeds").standardized

    static let seedFiles: [URL] =
        ((try? FileManager.default.contentsOfDirectory(at: seedDirectory, includingPropertiesForKeys: nil))
        ?? []).filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }

    @Test(
        .enabled(if: !seedFiles.isEmpty, "no seed files in ../shared/seeds next to the package"),
        arguments: Form.allCases)
    func seedsRoundTrip(form: Form) throws {
        for url in Self.seedFiles {
            let original = try SourceDecoder.read(path: url.path)
            let text = String(decoding: original.bytes, as: UTF8.self)
            let decoded = try SourceDecoder.decode(form.bytes(for: text))
            #expect(decoded.bytes == original.bytes, "\(url.lastPathComponent)")
            #expect(decoded.lineCount == original.lineCount, "\(url.lastPathComponent)")
        }
    }

    @Test(.enabled(if: !seedFiles.isEmpty, "no seed files in ../shared/seeds next to the package"))
    func cleanSeedsComeBackUnchanged() throws {
        for url in Self.seedFiles {
            let raw = Array(try Data(contentsOf: url))
            let decoded = try SourceDecoder.decode(raw)
            let text = String(decoding: raw, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(decoded.bytes == raw, "\(url.lastPathComponent)")
            #expect(decoded.lineCount == (text.hasSuffix("\n") ? lines - 1 : lines))
            #expect(decoded.encoding == .utf8)
            #expect(!decoded.wasNormalized)
        }
    }

    // MARK: - Cleaning

    @Test(arguments: [
        ("a\u{A0}b", "a b", #line),
        ("\u{1680}\u{2000}\u{2001}\u{2005}\u{200A}\u{202F}\u{205F}\u{3000}x", "        x", #line),
        ("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f", "abcdef", #line),
        ("a\tb\t\tc", "a\tb\t\tc", #line),
        ("a\u{0C}b\u{0B}c", "a b c", #line),
        ("a\r\nb\rc\n", "a\nb\nc\n", #line),
        ("a\r\r\nb\n\r", "a\n\nb\n\n", #line),
        ("\u{01}\u{1B}\u{7F}\u{85}\u{2028}", "\u{01}\u{1B}\u{7F}\u{85}\u{2028}", #line),
        ("“ưu tiên” – 100%", "“ưu tiên” – 100%", #line),
        ("Quy\u{200B}ết\u{A0}định\r\n", "Quyết định\n", #line),
    ])
    func cleansText(input: String, expected: String, line: Int) throws {
        let decoded = try SourceDecoder.decode(Array(input.utf8))
        #expect(
            String(decoding: decoded.bytes, as: UTF8.self) == expected,
            sourceLocation: SourceLocation(fileID: #fileID, filePath: #filePath, line: line, column: 1))
    }

    @Test(arguments: [
        ("a", 1), ("a\n", 1), ("a\nb", 2), ("a\nb\n", 2), ("a\n\n", 2), ("\na", 2),
        ("a\r\nb\r\n", 2), ("a\rb", 2), ("a\r", 1), ("a\r\r\nb", 3), ("a\u{0C}b\u{0B}c\n", 1),
        ("a\n\u{200B}", 2),
    ])
    func countsLinesOfTheOriginal(input: String, lines: Int) throws {
        #expect(try SourceDecoder.decode(Array(input.utf8)).lineCount == lines)
    }

    // MARK: - Normalization

    @Test(arguments: [
        ("Vie\u{302}\u{323}t", "Việt"),  // NFD in non-canonical order
        ("Viê\u{323}t", "Việt"),  // "Unicode tổ hợp"
        ("ơ\u{301} o\u{323}\u{31B} ư\u{323}", "ớ ợ ự"),
        ("a\u{301}\u{302}", "á\u{302}"),  // same class: the second mark stays
        ("n\u{303} o\u{303}\u{301} a\u{304}", "ñ ṍ ā"),  // Foundation fallback
        ("\u{301}abc x\u{301}", "\u{301}abc x\u{301}"),  // nothing to compose with
        ("e\u{301}\u{1DC4}", "é\u{1DC4}"),  // a non-starter after the run
        ("ệ\u{0323}", "ệ\u{0323}"),
    ])
    func composesLikeFoundation(input: String, expected: String) throws {
        let decoded = try SourceDecoder.decode(Array(input.utf8))
        #expect(String(decoding: decoded.bytes, as: UTF8.self).unicodeScalars.elementsEqual(expected.unicodeScalars))
        #expect(expected.unicodeScalars.elementsEqual(input.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// Every vowel and a few consonants, precomposed or not, with every one or two marks
    /// that Vietnamese uses, in every order: one line each, compared with Foundation.
    @Test func composesEveryMarkCombinationLikeFoundation() throws {
        let letters = Self.vietnamese.split(separator: "\n")[1...2].joined().filter { $0 != " " } + "bdnxđ"
        let marks: [Unicode.Scalar] = [
            "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31B}",
        ]
        var lines: [String] = []
        for letter in letters {
            for first in marks {
                lines.append("\(letter)\(first) ")
                for second in marks { lines.append("\(letter)\(first)\(second)x") }
            }
        }
        // One document per line: a chunk with one unknown sequence goes to Foundation whole,
        // which would hide mistakes of the composer in the lines around it.
        for line in lines {
            let decoded = try SourceDecoder.decode(Array(line.utf8))
            let expected = line.precomposedStringWithCanonicalMapping
            #expect(
                String(decoding: decoded.bytes, as: UTF8.self).unicodeScalars.elementsEqual(expected.unicodeScalars),
                "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func normalizesAMegabyteLine() throws {
        // Decomposed piece by piece: Foundation is slow on one large string (our reason to
        // exist), and the pieces are separated by ASCII, so the result is the same.
        let line = Self.vietnamese.replacingOccurrences(of: "\n", with: " ") + " "
        let count = 1 << 20 / line.utf8.count
        let nfd = String(repeating: line.decomposedStringWithCanonicalMapping, count: count)
        let decoded = try SourceDecoder.decode(Array(nfd.utf8))
        #expect(decoded.bytes == Array(String(repeating: line, count: count).utf8))
        #expect(decoded.lineCount == 1)
        #expect(decoded.wasNormalized)
    }

    @Test func normalizesALongLineThroughFoundation() throws {
        // ñ is not Vietnamese, so every chunk takes the Foundation path.
        let line = "Ñandú y ñu señor "
        let nfd = String(repeating: line.decomposedStringWithCanonicalMapping, count: 1 << 15)
        let decoded = try SourceDecoder.decode(Array(nfd.utf8))
        #expect(decoded.bytes == Array(String(repeating: line, count: 1 << 15).utf8))
    }

    // MARK: - Refusals

    /// A row: what the file holds, the error expected, its message.
    @Test(arguments: [
        (
            Array("ab\ncd\nxy".utf8) + [0xFF, 0x7A], PlanParseError.invalidUTF8(byteOffset: 8, line: 3),
            "invalid UTF-8 at byte 8 (line 3)", #line
        ),
        (
            Array("abc\n".utf8) + [0xE1, 0xBB], .invalidUTF8(byteOffset: 4, line: 2),
            "invalid UTF-8 at byte 4 (line 2)", #line
        ),
        ([0x61, 0xC0, 0x80], .invalidUTF8(byteOffset: 1, line: 1), "invalid UTF-8 at byte 1 (line 1)", #line),
        ([0x61, 0xC1, 0xBF], .invalidUTF8(byteOffset: 1, line: 1), "invalid UTF-8 at byte 1 (line 1)", #line),
        ([0xE0, 0x9F, 0xBF], .invalidUTF8(byteOffset: 0, line: 1), "invalid UTF-8 at byte 0 (line 1)", #line),
        ([0xF0, 0x8F, 0xBF, 0xBF], .invalidUTF8(byteOffset: 0, line: 1), "invalid UTF-8 at byte 0 (line 1)", #line),
        ([0xED, 0xA0, 0x80], .invalidUTF8(byteOffset: 0, line: 1), "invalid UTF-8 at byte 0 (line 1)", #line),
        (
            [0x0A, 0xF4, 0x90, 0x80, 0x80], .invalidUTF8(byteOffset: 1, line: 2), "invalid UTF-8 at byte 1 (line 2)",
            #line
        ),
        (
            [0x0A, 0x0A, 0xF5, 0x80, 0x80, 0x80], .invalidUTF8(byteOffset: 2, line: 3),
            "invalid UTF-8 at byte 2 (line 3)", #line
        ),
        ([0x61, 0x80], .invalidUTF8(byteOffset: 1, line: 1), "invalid UTF-8 at byte 1 (line 1)", #line),
        ([0xC3, 0x41], .invalidUTF8(byteOffset: 0, line: 1), "invalid UTF-8 at byte 0 (line 1)", #line),
        (
            [0xEF, 0xBB, 0xBF, 0x61, 0x0D, 0x0A, 0x62, 0x0D, 0xFF], .invalidUTF8(byteOffset: 8, line: 3),
            "invalid UTF-8 at byte 8 (line 3)", #line
        ),
        (
            Array("abc\ndef\0ghi".utf8), .binary(byteOffset: 7, line: 2), "binary data (NUL byte) at byte 7 (line 2)",
            #line
        ),
        (
            [0xFF, 0xFE] + Array("a\n\0".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            .binary(byteOffset: 6, line: 2), "binary data (NUL byte) at byte 6 (line 2)", #line
        ),
        (
            Array("Kế hoạch\nabc".data(using: .utf16LittleEndian)!),
            .binary(byteOffset: 1, line: 1, looksLikeUTF16: true),
            "binary data (NUL byte) at byte 1 (line 1); UTF-16 without a byte-order mark?", #line
        ),
        (
            Array("Kế hoạch\nabc".data(using: .utf16BigEndian)!), .binary(byteOffset: 0, line: 1, looksLikeUTF16: true),
            "binary data (NUL byte) at byte 0 (line 1); UTF-16 without a byte-order mark?", #line
        ),
        ([], .empty, "the input has no text", #line),
        (Array("  \n\t\n".utf8), .empty, "the input has no text", #line),
        ([0xEF, 0xBB, 0xBF], .empty, "the input has no text", #line),
        ([0xFF, 0xFE], .empty, "the input has no text", #line),
        (Array("\u{FEFF}\u{A0}\u{200B}\u{3000}\r\n\u{0C}\u{0B}".utf8), .empty, "the input has no text", #line),
        (
            [0xFF, 0xFE, 0x61, 0x00, 0x62, 0x00, 0x63], .invalidUTF16(byteOffset: 6, line: 1),
            "invalid UTF-16 at byte 6 (line 1)", #line
        ),
        (
            [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x62, 0x00], .invalidUTF16(byteOffset: 6, line: 2),
            "invalid UTF-16 at byte 6 (line 2)", #line
        ),
        (
            [0xFE, 0xFF, 0x00, 0x0D, 0xDC, 0x00], .invalidUTF16(byteOffset: 4, line: 2),
            "invalid UTF-16 at byte 4 (line 2)", #line
        ),
        (
            [0xFE, 0xFF, 0x00, 0x61, 0xD8, 0x3D], .invalidUTF16(byteOffset: 4, line: 1),
            "invalid UTF-16 at byte 4 (line 1)", #line
        ),
    ])
    func refuses(bytes: [UInt8], error: PlanParseError, message: String, line: Int) {
        let location = SourceLocation(fileID: #fileID, filePath: #filePath, line: line, column: 1)
        #expect(throws: error, sourceLocation: location) { try SourceDecoder.decode(bytes) }
        #expect(error.description == message, sourceLocation: location)
    }

    @Test func refusesMoreThanTheLimit() throws {
        #expect(throws: PlanParseError.tooLarge(byteCount: 10, limit: 9)) {
            try SourceDecoder.decode(Array("0123456789".utf8), limit: 9)
        }
        #expect(try SourceDecoder.decode(Array("0123456789".utf8), limit: 10).lineCount == 1)
        #expect(PlanParseError.tooLarge(byteCount: 10, limit: 9).description == "input too large: 10 bytes (limit 9)")
    }

    /// Random files built from pieces that matter to the decoder, long enough to cross the
    /// 8-byte words of the fast path at every alignment, compared with a slow reference
    /// built on the standard library and Foundation.
    @Test func agreesWithAReferenceModel() {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("Kế ".utf8), Array("hoạch".utf8), Array("ư".utf8), Array("đ".utf8),
            Array(" ".utf8), Array("\t".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8),
            [0x0B], [0x0C], [0x00], Array("\u{A0}".utf8), Array("\u{200B}".utf8), Array("\u{2060}".utf8),
            Array("\u{FEFF}".utf8), Array("\u{3000}".utf8), Array("\u{1680}".utf8), Array("\u{2003}".utf8),
            Array("“–”".utf8), Array("\u{2028}".utf8), Array("\u{1F600}".utf8), Array("e\u{302}\u{301}".utf8),
            Array("\u{301}".utf8), Array("\u{1E9A}".utf8), Array("\u{D7FF}".utf8), Array("\u{E000}".utf8),
            [0x80], [0xBF], [0xC0], [0xC1], [0xC2], [0xE0], [0xE1], [0xE2], [0xED], [0xEF],
            [0xF0], [0xF4], [0xF5], [0xFF], [0x9A], [0x9F], [0xA0], [0x8F], [0x90],
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
            [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xE1, 0xBB], [0xF0, 0x9F, 0x98], [0xE1, 0x9A, 0x81], [0xE2, 0x80, 0x8E], [0xE2, 0x81, 0xA1],
        ]
        var generator = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            let count = generator.next(below: 40)
            var bytes: [UInt8] = Array("x".utf8)
            for _ in 0..<count {
                // Mostly text, sometimes a raw byte that may break the encoding.
                let index =
                    generator.next(below: 10) == 0 ? generator.next(below: pieces.count) : generator.next(below: 28)
                bytes += pieces[index]
            }
            let expected = Self.reference(bytes)
            let got: Result<DecodedSource, PlanParseError> = Result { () throws(PlanParseError) in
                try SourceDecoder.decode(bytes)
            }
            switch (got, expected) {
            case (.success(let decoded), .success(let (text, lines))):
                #expect(decoded.bytes == text, "\(bytes)")
                #expect(decoded.lineCount == lines, "\(bytes)")
            case (.failure(.binary(let offset, let line, _)), .failure(.binary(let offset2, let line2, _))):
                #expect(offset == offset2 && line == line2, "\(bytes)")
            case (.failure(let error), .failure(let error2)):
                #expect(error == error2, "\(bytes)")
            default:
                Issue.record("\(bytes): got \(got), expected \(expected)")
            }
        }
    }

    /// What `decode` should give for `bytes` (UTF-8 without BOM), the slow and obvious way.
    static func reference(_ bytes: [UInt8]) -> Result<([UInt8], Int), PlanParseError> {
        func line(at offset: Int) -> Int {
            let text = bytes[..<offset]
            return 1 + text.filter { $0 == 0x0A }.count
                + zip(text, text.dropFirst().map(Optional.some) + [offset < bytes.count ? bytes[offset] : nil])
                .filter { $0.0 == 0x0D && $0.1 != 0x0A }.count
        }
        // The longest valid prefix ends where the first ill-formed sequence starts.
        let validLength = (0...bytes.count).last { String(validating: bytes[..<$0], as: UTF8.self) != nil }!
        let nul = bytes.firstIndex(of: 0)
        if let nul, nul < validLength { return .failure(.binary(byteOffset: nul, line: line(at: nul))) }
        if validLength < bytes.count {
            return .failure(.invalidUTF8(byteOffset: validLength, line: line(at: validLength)))
        }
        // Scalars, not Characters: Foundation's search does not see "\r" before a mark.
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var cleaned = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x0D where index + 1 < scalars.count && scalars[index + 1] == "\n": break
            case 0x0D: cleaned.append("\n")
            case 0x0B, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: cleaned.append(" ")
            case 0x200B...0x200D, 0x2060, 0xFEFF: break
            default: cleaned.append(scalar)
            }
        }
        let result = Array(String(cleaned).precomposedStringWithCanonicalMapping.utf8)
        if result.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) { return .failure(.empty) }
        let lineFeeds = result.filter { $0 == 0x0A }.count
        return .success((result, lineFeeds + (bytes.last == 0x0A || bytes.last == 0x0D ? 0 : 1)))
    }

    @Test(arguments: 0..<20)
    func refusesASequenceCutOffAfterPlainText(length: Int) {
        let bytes = Array(String(repeating: "ạ", count: length).utf8) + [0xE1, 0xBB]
        #expect(throws: PlanParseError.invalidUTF8(byteOffset: length * 3, line: 1)) {
            try SourceDecoder.decode(bytes)
        }
    }

    // MARK: - Files

    @Test func readsAFile() throws {
        let path = try Self.temporaryFile(contents: [0xEF, 0xBB, 0xBF] + Array("Kế hoạch\r\n".utf8))
        defer { unlink(path) }
        let decoded = try SourceDecoder.read(path: path)
        #expect(decoded.bytes == Array("Kế hoạch\n".utf8))
        #expect(decoded.encoding == .utf8BOM)
        #expect(decoded.lineCount == 1)
    }

    @Test func refusesAMissingFile() {
        let path = "/nonexistent-dir/plan.txt"
        #expect(throws: PlanParseError.fileNotFound(path: path)) { try SourceDecoder.read(path: path) }
        #expect(PlanParseError.fileNotFound(path: path).description == "file not found: /nonexistent-dir/plan.txt")
    }

    @Test func refusesADirectory() {
        let error = PlanParseError.unreadable(path: "/tmp", reason: "is a directory")
        #expect(throws: error) { try SourceDecoder.read(path: "/tmp") }
        #expect(error.description == "cannot read /tmp: is a directory")
    }

    @Test func refusesAFileOverTheLimitWithoutDecodingIt() throws {
        let path = try Self.temporaryFile(contents: Array("0123456789".utf8))
        defer { unlink(path) }
        #expect(throws: PlanParseError.tooLarge(byteCount: 10, limit: 4)) {
            try SourceDecoder.read(path: path, limit: 4)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func refusesAFileWithoutPermission() throws {
        let path = try Self.temporaryFile(contents: Array("x".utf8))
        defer { unlink(path) }
        chmod(path, 0)
        #expect(throws: PlanParseError.unreadable(path: path, reason: "permission denied")) {
            try SourceDecoder.read(path: path)
        }
    }

    static func temporaryFile(contents: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "SourceDecoderTests-\(UUID().uuidString).txt"
        try Data(contents).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// A small deterministic random number generator (SplitMix64), so failures reproduce.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
