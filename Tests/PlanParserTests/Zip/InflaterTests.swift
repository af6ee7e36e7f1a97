import Foundation
import Testing

@testable import PlanParser

@Suite struct InflaterTests {
    static func inflate(_ data: [UInt8], limit: Int = 1 << 24) throws(ZipError) -> [UInt8] {
        try Inflater.inflate(data, limit: limit)
    }

    /// The error `data` gives, or nil when it inflates.
    static func error(_ data: [UInt8], limit: Int = 1 << 24) -> ZipError? {
        do {
            _ = try inflate(data, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    static func bad(_ offset: Int, _ reason: ZipError.DeflateProblem) -> ZipError {
        .badDeflate(name: "", offset: offset, reason: reason)
    }

    // MARK: - Streams made by zlib

    static let textStreams = [
        "text.level0.deflate", "text.level1.deflate", "text.level6.deflate", "text.level9.deflate",
        "text.fixed.deflate", "text.huffman.deflate", "text.rle.deflate", "text.filtered.deflate",
        "text.memlevel1.deflate", "text.window9.deflate", "text.flushes.deflate",
    ]

    @Test(arguments: textStreams)
    func zlibTextStreams(_ name: String) throws {
        let text = ZipFixtures.text
        #expect(text.count == 65_762)
        let out = try Self.inflate(ZipFixtures.bytes(name))
        #expect(out.count == text.count)
        #expect(out == text)
        #expect(CRC32.checksum(out) == CRC32.checksum(text))
    }

    @Test(arguments: ["random.level6.deflate", "random.fixed.deflate"])
    func zlibRandomStreams(_ name: String) throws {
        #expect(try Self.inflate(ZipFixtures.bytes(name)) == ZipFixtures.random)
    }

    /// Streams zlib makes at run time: every level and strategy, window sizes 9–15, over
    /// text, runs, binary and mixed data of many sizes.
    @Test(.enabled(if: ZipFixtures.python != nil, ZipFixtures.pythonMissing))
    func zlibAtRunTime() throws {
        let script = """
            import random, struct, sys, zlib
            rng = random.Random(1951)
            words = 'Kế hoạch cải cách hành chính năm 2024 Đơn vị chủ trì <w:t> </w:t> Ủy ban'.encode().split()
            out = bytearray()
            for k in range(120):
                kind = k % 4
                n = rng.choice([0, 1, 2, 3, 10, 100, 258, 259, 1000, 32768, 40000, 100000])
                if kind == 0: data = b' '.join(rng.choice(words) for _ in range(n // 6 + 1))[:n]
                elif kind == 1: data = bytes(rng.getrandbits(8) for _ in range(n))
                elif kind == 2: data = bytes([rng.randrange(3)]) * n
                else: data = bytes(rng.choice(b'abcab\\x00\\xff') for _ in range(n))
                c = zlib.compressobj(rng.randrange(10), zlib.DEFLATED, -rng.randrange(9, 16), rng.randrange(1, 10),
                                     rng.choice([zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY,
                                                 zlib.Z_RLE, zlib.Z_FIXED]))
                z = c.compress(data) + c.flush()
                out += struct.pack('<II', len(data), len(z)) + data + z
            sys.stdout.buffer.write(out)
            """
        let (status, out) = try ZipFixtures.runPython(script)
        #expect(status == 0)
        var p = 0
        var count = 0
        func u32(_ at: Int) -> Int { Int(RawZip.u32(out, at)) }
        while p + 8 <= out.count {
            let n = u32(p)
            let z = u32(p + 4)
            let data = Array(out[(p + 8)..<(p + 8 + n)])
            let stream = Array(out[(p + 8 + n)..<(p + 8 + n + z)])
            #expect(try Inflater.inflate(stream, expectedSize: n, limit: n) == data, "stream \(count)")
            #expect(try Inflater.inflate(stream, limit: 1 << 20) == data, "stream \(count), no size")
            p += 8 + n + z
            count += 1
        }
        #expect(count == 120)
    }

    @Test func emptyStream() throws {
        #expect(try ZipFixtures.bytes("empty.deflate") == [0x03, 0x00])
        #expect(try Self.inflate([0x03, 0x00]) == [])
    }

    /// The size hint only affects the first allocation: too small, too large or absent,
    /// the output is the same.
    @Test func expectedSizeIsOnlyAHint() throws {
        let stream = try ZipFixtures.bytes("text.level6.deflate")
        for hint in [nil, 0, 1, 100, 65_761, 65_762, 65_763, 10_000_000] as [Int?] {
            let out = try stream.withUnsafeBufferPointer { (buffer) throws(ZipError) in
                try Inflater.inflate(buffer, expectedSize: hint, limit: 1 << 24)
            }
            #expect(out == ZipFixtures.text, "hint \(String(describing: hint))")
        }
    }

    @Test func limitStopsTheOutput() throws {
        let stream = try ZipFixtures.bytes("text.level6.deflate")
        #expect(try Inflater.inflate(stream, limit: 65_762) == ZipFixtures.text)
        guard case .tooLarge(let name, let size, let limit)? = Self.error(stream, limit: 65_761) else {
            Issue.record("expected tooLarge")
            return
        }
        #expect(name == "" && limit == 65_761 && size > 65_761 && size <= 65_762 + 258)
        // The same for stored blocks, with the stored block's length as the first step over.
        let stored = try ZipFixtures.bytes("text.level0.deflate")
        let firstBlock = Int(stored[1]) | Int(stored[2]) << 8
        #expect(firstBlock == 65_531)
        #expect(Self.error(stored, limit: 1000) == .tooLarge(name: "", size: firstBlock, limit: 1000))
        #expect(Self.error(stored, limit: 0) == .tooLarge(name: "", size: firstBlock, limit: 0))
    }

    @Test func errorsNameTheEntry() {
        #expect(
            throws: ZipError.badDeflate(name: "word/document.xml", offset: 0, reason: .badBlockType)
        ) {
            try Inflater.inflate([0x07], limit: 100, name: "word/document.xml")
        }
        #expect(
            ZipError.badDeflate(name: "word/document.xml", offset: 7, reason: .distanceTooFar).description
                == "zip entry 'word/document.xml': distance too far back at byte 7 of the compressed data")
    }

    // MARK: - Hand-made blocks

    @Test func storedBlock() throws {
        #expect(try Self.inflate([0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8)) == Array("hello".utf8))
        // An empty stored block, then a final one.
        #expect(
            try Self.inflate([0x00, 0x00, 0x00, 0xFF, 0xFF, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x41, 0x42]) == [0x41, 0x42])
    }

    @Test func storedBlockLengthMustMatchItsComplement() {
        #expect(Self.error([0x01, 0x05, 0x00, 0xFB, 0xFF] + Array("hello".utf8)) == Self.bad(1, .storedLengthMismatch))
        #expect(Self.error([0x01, 0x05, 0x00, 0x00, 0x00]) == Self.bad(1, .storedLengthMismatch))
    }

    @Test func storedBlockCutShort() {
        #expect(Self.error([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41, 0x42]) == Self.bad(7, .endOfInput))
        #expect(Self.error([0x01, 0x05, 0x00, 0xFA]) == Self.bad(4, .endOfInput))
        #expect(Self.error([0x01]) == Self.bad(1, .endOfInput))
    }

    @Test func emptyInput() {
        #expect(Self.error([]) == Self.bad(0, .endOfInput))
    }

    @Test func reservedBlockType() {
        #expect(Self.error([0x07]) == Self.bad(0, .badBlockType))
        // After a complete non-final stored block.
        #expect(Self.error([0x00, 0x01, 0x00, 0xFE, 0xFF, 0x41, 0x07]) == Self.bad(6, .badBlockType))
    }

    @Test func fixedBlockWithMatches() throws {
        var b = DeflateStreamBuilder()
        b.fixed()
        for c in "abc".utf8 { b.literal(Int(c)) }
        b.match(length: 6, distance: 3)  // overlapping copy
        b.match(length: 258, distance: 1)  // run of the last byte
        b.literal(0xFF)  // a 9-bit literal
        b.endOfBlock()
        let expected = Array("abcabcabc".utf8) + [UInt8](repeating: 0x63, count: 258) + [0xFF]
        #expect(try Self.inflate(b.bytes()) == expected)
    }

    @Test func everyLengthAndDistanceCode() throws {
        // 32 KiB of pseudo-random letters, then one match of every length at every distance code.
        var rng = SeededGenerator(seed: 7)
        var expected = (0..<32_768).map { _ in UInt8.random(in: 0x61...0x7A, using: &rng) }
        var b = DeflateStreamBuilder()
        b.fixed()
        for c in expected { b.literal(Int(c)) }
        let distances = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                         2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577, 32768, 24576, 100, 1000, 10000]
        for (k, d) in distances.enumerated() {
            for length in [3, 4, 10, 11, 18, 19, 34, 35, 66, 67, 130, 131, 257, 258, 3 + k] {
                b.match(length: length, distance: d)
                for _ in 0..<length { expected.append(expected[expected.count - d]) }
            }
        }
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == expected)
    }

    @Test func distanceBeyondTheOutput() {
        var b = DeflateStreamBuilder()
        b.fixed()
        b.literal(0x61)
        b.match(length: 3, distance: 2)
        b.endOfBlock()
        #expect(Self.error(b.bytes()) == Self.bad((3 + 8 + 7 + 5) / 8, .distanceTooFar))
        // At the very start, distance 1.
        var c = DeflateStreamBuilder()
        c.fixed()
        c.match(length: 3, distance: 1)
        c.endOfBlock()
        #expect(Self.error(c.bytes()) == Self.bad((3 + 7 + 5) / 8, .distanceTooFar))
    }

    @Test func invalidFixedSymbols() {
        // Distance symbols 30 and 31 have fixed codes but no meaning.
        for symbol in [30, 31] {
            var b = DeflateStreamBuilder()
            b.fixed()
            b.literal(0x61)
            b.literal(257)
            b.distanceSymbol(symbol)
            b.endOfBlock()
            #expect(Self.error(b.bytes()) == Self.bad(2, .badDistance))
        }
        // Literal/length symbols 286 and 287 likewise.
        for symbol in [286, 287] {
            var b = DeflateStreamBuilder()
            b.fixed()
            b.literal(0x61)
            b.literal(symbol)
            b.endOfBlock()
            #expect(Self.error(b.bytes()) == Self.bad(2, .badLiteralLength))
        }
    }

    @Test func endOfInputMidBlock() {
        var b = DeflateStreamBuilder()
        b.fixed()
        for c in "abcdefgh".utf8 { b.literal(Int(c)) }
        let bytes = b.bytes()  // no end-of-block code
        #expect(Self.error(bytes) == Self.bad(bytes.count, .endOfInput))
        // A non-final block that ends properly, then nothing.
        var c = DeflateStreamBuilder()
        c.fixed(final: false)
        c.literal(0x61)
        c.endOfBlock()
        let nonFinal = c.bytes()
        #expect(Self.error(nonFinal) == Self.bad(nonFinal.count, .endOfInput))
    }

    @Test func everyTruncationOfAStreamFails() throws {
        let stream = try ZipFixtures.bytes("text.level9.deflate")
        for cut in [0, 1, 2, 3, 10, 100, 1000, stream.count / 2, stream.count - 2, stream.count - 1] {
            let error = Self.error(Array(stream[0..<cut]))
            #expect(error == Self.bad(cut, .endOfInput), "cut at \(cut): \(String(describing: error))")
        }
    }

    // MARK: - Dynamic headers

    /// Complete codes over all 286 literal/length and 30 distance symbols (8 and 9 bits, 4 and 5 bits).
    static let literalLengths: [UInt8] = HuffmanCode.lengths([Int](repeating: 1, count: 286), maxBits: 15)
    static let distanceLengths: [UInt8] = HuffmanCode.lengths([Int](repeating: 1, count: 30), maxBits: 15)

    @Test func dynamicBlock() throws {
        var b = DeflateStreamBuilder()
        b.dynamic(literal: Self.literalLengths, distance: Self.distanceLengths)
        for c in "Kế hoạch".utf8 { b.literal(Int(c)) }
        let word = Array("Kế hoạch".utf8)
        b.match(length: word.count, distance: word.count)
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == word + word)
    }

    @Test func repeatCodes() throws {
        // 0x61–0x67 and end-of-block: eight codes of length 3, sent with all three repeat codes.
        var lengths = [UInt8](repeating: 0, count: 257)
        for c in 0x61...0x67 { lengths[c] = 3 }
        lengths[256] = 3
        let runs: [(Int, Int)] = [
            (18, 97 - 11),  // 0x00–0x60
            (3, 0), (16, 3),  // 0x61, then 0x62–0x67 repeat it
            (18, 138 - 11),  // 0x68–0xF1
            (17, 7), (17, 1),  // 0xF2–0xFF: 10 + 4 zeros
            (3, 0),  // end of block
            (0, 0),  // no distance codes
        ]
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lengths, distance: [0], runs: runs)
        for c in "abcdefg".utf8 { b.literal(Int(c)) }
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == Array("abcdefg".utf8))
    }

    @Test func repeatAcrossTheDistanceLengths() throws {
        // Code 16 after the last literal/length symbol repeats into the distance lengths.
        var literal = [UInt8](repeating: 0, count: 258)
        for s in [0x61, 0x62, 256, 257] { literal[s] = 2 }
        let runs: [(Int, Int)] = [
            (18, 97 - 11), (2, 0), (2, 0), (18, 138 - 11), (18, 19 - 11),  // up to 0xFF
            (2, 0), (2, 0),  // 256, 257
            (16, 1),  // four distance codes of length 2
        ]
        var b = DeflateStreamBuilder()
        b.dynamic(literal: literal, distance: [2, 2, 2, 2], runs: runs)
        b.literal(0x61)
        b.literal(0x62)
        b.match(length: 3, distance: 2)
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == Array("ababa".utf8))
    }

    @Test func repeatWithNothingBefore() {
        var b = DeflateStreamBuilder()
        b.dynamic(literal: Self.literalLengths, distance: Self.distanceLengths, runs: [(16, 0)])
        // Found right after the 3-bit code of symbol 16, before its extra bits.
        let headerBits = 3 + 14 + 19 * 3
        #expect(Self.error(b.bytes()) == Self.bad((headerBits + 3) / 8, .repeatWithoutLength))
    }

    @Test func repeatRunsPastTheEnd() {
        // 257 + 1 lengths to send.
        var b = DeflateStreamBuilder()
        b.dynamic(
            literal: [UInt8](repeating: 0, count: 257), distance: [0],
            runs: [(18, 127), (18, 108), (18, 0)])  // 138 + 119 + 11 > 258
        #expect(Self.error(b.bytes()) == Self.bad(b.position / 8, .codeLengthsOverrun))
        // A 16 repeat that crosses the end by one.
        var c = DeflateStreamBuilder()
        c.dynamic(
            literal: [UInt8](repeating: 0, count: 257), distance: [0],
            runs: [(18, 127), (18, 105), (8, 0), (16, 3)])  // 138 + 116 + 1 + 6 = 261 > 258
        #expect(Self.error(c.bytes()) == Self.bad(c.position / 8, .codeLengthsOverrun))
    }

    @Test func tooManyLiteralOrDistanceCodes() throws {
        for (hlit, hdist) in [(287, 1), (288, 1), (257, 31), (257, 32)] {
            var b = DeflateStreamBuilder()
            b.header(type: 2)
            b.bits(hlit - 257, 5)
            b.bits(hdist - 1, 5)
            b.bits(0, 4)
            b.bits(0, 30)
            #expect(Self.error(b.bytes()) == Self.bad(2, .tooManyCodes), "HLIT \(hlit), HDIST \(hdist)")
        }
        // 286 and 30 are the largest allowed.
        var lit = [UInt8](repeating: 0, count: 286)
        lit[0x61] = 1
        lit[256] = 1
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lit, distance: [UInt8](repeating: 0, count: 29) + [1])
        b.literal(0x61)
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == [0x61])
    }

    @Test func codeLengthCodeMustBeComplete() {
        // Three code-length codes of length 1: oversubscribed.
        var over = [UInt8](repeating: 0, count: 19)
        over[0] = 1
        over[8] = 1
        over[1] = 1
        var b = DeflateStreamBuilder()
        b.header(type: 2)
        b.bits(0, 5)
        b.bits(0, 5)
        b.bits(19 - 4, 4)
        for i in 0..<19 { b.bits(Int(over[InflateTable.codeLengthOrder[i]]), 3) }
        b.bits(0, 16)
        #expect(Self.error(b.bytes()) == Self.bad((3 + 14 + 19 * 3) / 8, .oversubscribed))
        // One code-length code of length 1: incomplete (unlike the distance code, not allowed).
        var c = DeflateStreamBuilder()
        c.header(type: 2)
        c.bits(0, 5)
        c.bits(0, 5)
        c.bits(0, 4)
        c.bits(0, 3)  // 16
        c.bits(0, 3)  // 17
        c.bits(0, 3)  // 18
        c.bits(1, 3)  // 0
        c.bits(0, 16)
        #expect(Self.error(c.bytes()) == Self.bad(3, .incomplete))
        // No code-length codes at all.
        var d = DeflateStreamBuilder()
        d.header(type: 2)
        d.bits(0, 5 + 5 + 4 + 12)
        d.bits(0, 16)
        #expect(Self.error(d.bytes()) == Self.bad(3, .incomplete))
    }

    @Test func literalCodeMustBeCompleteAndNotOversubscribed() {
        var incomplete = [UInt8](repeating: 0, count: 257)
        incomplete[0x61] = 2
        incomplete[256] = 2  // two codes of length 2: half the code space unused
        var b = DeflateStreamBuilder()
        b.dynamic(literal: incomplete, distance: [0])
        // Found once all lengths are read: at the end of the header.
        #expect(Self.error(b.bytes()) == Self.bad(b.position / 8, .incomplete))
        let over = [UInt8](repeating: 1, count: 257)  // 257 codes of length 1
        var c = DeflateStreamBuilder()
        c.dynamic(literal: over, distance: [0])
        #expect(Self.error(c.bytes()) == Self.bad(c.position / 8, .oversubscribed))
        // An incomplete distance code with more than one code is refused too.
        var lit = [UInt8](repeating: 0, count: 258)
        lit[0x61] = 1
        lit[256] = 2
        lit[257] = 2
        var d = DeflateStreamBuilder()
        d.dynamic(literal: lit, distance: [2, 2])
        #expect(Self.error(d.bytes()) == Self.bad(d.position / 8, .incomplete))
    }

    @Test func endOfBlockCodeMissing() {
        var lengths = [UInt8](repeating: 0, count: 257)
        lengths[0x61] = 1
        lengths[0x62] = 1
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lengths, distance: [0])
        #expect(Self.error(b.bytes()) == Self.bad(b.position / 8, .missingEndOfBlock))
    }

    @Test func singleDistanceCode() throws {
        // RFC 1951 allows one distance code of one bit; the other bit pattern is invalid.
        var lit = [UInt8](repeating: 0, count: 258)
        lit[0x61] = 1
        lit[256] = 2
        lit[257] = 2  // length 3
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lit, distance: [1])
        b.literal(0x61)
        b.literal(257)
        b.distanceSymbol(0)  // distance 1
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == [0x61, 0x61, 0x61, 0x61])
        // The unused pattern "1".
        var c = DeflateStreamBuilder()
        c.dynamic(literal: lit, distance: [1])
        c.literal(0x61)
        c.literal(257)
        let at = c.position
        c.bits(1, 1)
        c.endOfBlock()
        #expect(Self.error(c.bytes()) == Self.bad(at / 8, .badDistance))
    }

    @Test func literalsOnlyWithNoDistanceCodes() throws {
        var lit = [UInt8](repeating: 0, count: 257)
        lit[0x61] = 1
        lit[256] = 1
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lit, distance: [0])
        for _ in 0..<5 { b.literal(0x61) }
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == [0x61, 0x61, 0x61, 0x61, 0x61])
    }

    @Test func longCodesUseSubtables() throws {
        // Frequencies 1, 1, 2, 4, … make codes up to 15 bits, beyond the 10-bit root table.
        var f = [Int](repeating: 0, count: 286)
        for k in 0..<16 { f[0x41 + k] = 1 << max(0, k - 1) }
        f[256] = 1
        let lengths = HuffmanCode.lengths(f, maxBits: 15)
        #expect(lengths.max() == 15)
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lengths, distance: [0])
        let text = (0..<16).map { UInt8(0x41 + $0) } + [0x41, 0x50, 0x42]
        for c in text { b.literal(Int(c)) }
        b.endOfBlock()
        #expect(try Self.inflate(b.bytes()) == text)
    }
}
