import Foundation
import Testing

@testable import PlanParser

@Suite struct DeflaterTests {
    static func roundTrip(_ data: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let compressed = Deflater.deflate(data)
        let back = try Inflater.inflate(compressed, expectedSize: data.count, limit: data.count)
        #expect(back == data, sourceLocation: sourceLocation)
        return compressed
    }

    /// BTYPE of the first block.
    static func firstBlockType(_ stream: [UInt8]) -> Int { Int(stream[0] >> 1) & 3 }

    @Test func emptyInput() throws {
        #expect(Deflater.deflate([]) == [0x03, 0x00])
        #expect(try Self.roundTrip([]) == [0x03, 0x00])
    }

    @Test func shortInputsUseTheFixedCode() throws {
        for text in ["a", "ab", "abc", "abcd", "Kế hoạch", "hello hello hello hello"] {
            let compressed = try Self.roundTrip(Array(text.utf8))
            #expect(Self.firstBlockType(compressed) == 1, "\(text)")
        }
    }

    @Test func randomDataIsStored() throws {
        var rng = SeededGenerator(seed: 11)
        for count in [1_000, 65_535, 65_536, 200_000] {
            let data = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let compressed = try Self.roundTrip(data)
            #expect(Self.firstBlockType(compressed) == 0)
            // Stored blocks cost 5 bytes per 64 KiB, plus at most one per block of symbols.
            #expect(compressed.count <= count + 5 * (count / 65_535 + 2) + 5)
        }
    }

    @Test func xmlUsesDynamicBlocksAndCompressesLikeZlib() throws {
        let text = ZipFixtures.text
        let compressed = try Self.roundTrip(text)
        #expect(Self.firstBlockType(compressed) == 2)
        // zlib -6 makes 9,692 bytes of this text (text.level6.deflate); stay within 15 %.
        let zlib6 = try ZipFixtures.bytes("text.level6.deflate").count
        #expect(zlib6 == 9_692)
        #expect(compressed.count < zlib6 * 115 / 100, "\(compressed.count) bytes vs zlib \(zlib6)")
    }

    @Test func runsAndRepeats() throws {
        #expect(try Self.roundTrip([UInt8](repeating: 0, count: 1 << 20)).count < 2_100)
        #expect(try Self.roundTrip([UInt8](repeating: 0x41, count: 259)).count < 12)
        // Period p for every p around the match limits, so that every length and many
        // distances occur.
        for period in [1, 2, 3, 4, 7, 8, 9, 257, 258, 259, 1000, 32_767, 32_768, 32_769, 40_000] {
            var rng = SeededGenerator(seed: UInt64(period))
            let unit = (0..<period).map { _ in UInt8.random(in: 0x61...0x64, using: &rng) }
            var data: [UInt8] = []
            while data.count < 3 * period + 1_000 { data += unit }
            _ = try Self.roundTrip(data)
        }
    }

    @Test func manyBlocks() throws {
        // More symbols than one block holds, mixing text, random bytes and runs.
        var rng = SeededGenerator(seed: 5)
        var data: [UInt8] = []
        let words = ["<c r=\"A1\" t=\"s\"><v>", "</v></c>", "Kế hoạch", "năm 2024", "Ủy ban nhân dân", "\n"]
        while data.count < 3 << 20 {
            switch UInt8.random(in: 0...9, using: &rng) {
            case 0: data += (0..<50).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1: data += [UInt8](repeating: 0x20, count: Int.random(in: 1...600, using: &rng))
            default: data += Array(words.randomElement(using: &rng)!.utf8)
            }
        }
        let compressed = try Self.roundTrip(data)
        #expect(compressed.count < data.count / 3)
    }

    @Test func segments() throws {
        // Inputs past 1 GiB are cut into segments with fresh hash chains; the same with
        // 64 KiB segments (the smallest allowed) over 300 KB of repetitive text.
        var data: [UInt8] = []
        while data.count < 300_000 { data += ZipFixtures.text[0..<20_000] }
        let cut = Deflater.deflate(data, segmentLength: 1 << 16)
        #expect(try Inflater.inflate(cut, limit: data.count) == data)
        #expect(cut != Deflater.deflate(data), "segments lose the matches across their start")
        #expect(cut.count < data.count / 10)
    }

    @Test func deterministic() {
        let text = ZipFixtures.text
        #expect(Deflater.deflate(text) == Deflater.deflate(text))
    }

    @Test(.enabled(if: ZipFixtures.python != nil, ZipFixtures.pythonMissing))
    func zlibDecompressesOurStreams() throws {
        var rng = SeededGenerator(seed: 9)
        let random = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let samples: [[UInt8]] = [[], Array("a".utf8), ZipFixtures.text, random, [UInt8](repeating: 7, count: 100_000)]
        for data in samples {
            let (status, out) = try ZipFixtures.runPython(
                "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read(), -15))",
                input: Deflater.deflate(data))
            #expect(status == 0)
            #expect(out == data, "\(data.count) bytes")
        }
    }

    @Test func distanceCodes() {
        let expected: [(Int, Int)] = [
            (1, 0), (2, 1), (4, 3), (5, 4), (6, 4), (7, 5), (8, 5), (9, 6), (12, 6), (13, 7), (24_577, 29), (32_768, 29),
            (24_576, 28), (16_385, 28), (16_384, 27),
        ]
        for (d, code) in expected { #expect(Deflater.distanceCode(d) == code, "distance \(d)") }
        for d in 1...32_768 {
            let c = Deflater.distanceCode(d)
            let base = Int(InflateTable.distanceBase[c])
            #expect(d >= base && d < base + (1 << Int(InflateTable.distanceExtra[c])))
            if d != base { continue }
        }
        for length in 3...258 {
            let c = Int(Deflater.lengthCode[length])
            let base = Int(InflateTable.lengthBase[c])
            #expect(length >= base && length - base < (1 << Int(InflateTable.lengthExtra[c])) || length == 258 && c == 28)
        }
    }
}
