import Foundation
import Testing

@testable import PlanParser

/// Fixed-seed mutations of small archives and raw DEFLATE streams: every one must either
/// read or throw a `ZipError` — no crash, no hang, no large allocation (the limits are set
/// low, so a mutated size field cannot make a big buffer either).
@Suite struct ZipFuzzTests {
    static let limits = ZipLimits(maxEntries: 100, maxEntrySize: 1 << 20, maxTotalSize: 4 << 20)

    /// Offsets of the fields worth lying in: sizes, lengths, counts and offsets.
    static func fieldOffsets(_ zip: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        for p in 0..<max(0, zip.count - 4) where zip[p] == 0x50 && zip[p + 1] == 0x4B {
            switch (zip[p + 2], zip[p + 3]) {
            case (3, 4): offsets += [14, 18, 22, 26, 28].map { p + $0 }
            case (1, 2): offsets += [16, 20, 24, 28, 30, 32, 42].map { p + $0 }
            case (5, 6): offsets += [8, 10, 12, 16, 20].map { p + $0 }
            case (6, 6): offsets += [24, 32, 40, 48].map { p + $0 }
            case (6, 7): offsets += [8].map { p + $0 }
            default: break
            }
        }
        return offsets.filter { $0 + 4 <= zip.count }
    }

    static func mutate(_ input: [UInt8], fields: [Int], using rng: inout SeededGenerator) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            guard !b.isEmpty else { break }
            switch Int.random(in: 0..<8, using: &rng) {
            case 0:  // flip a bit
                b[Int.random(in: 0..<b.count, using: &rng)] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            case 1:  // a random byte
                b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 2:  // truncate
                b.removeLast(Int.random(in: 0..<b.count, using: &rng))
            case 3:  // insert bytes
                let at = Int.random(in: 0...b.count, using: &rng)
                b.insert(contentsOf: (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
            case 4:  // delete a range
                let at = Int.random(in: 0..<b.count, using: &rng)
                b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...16, using: &rng)))
            case 5 where b.count >= 8:  // a lying 64-bit field (ZIP64 records and extra fields)
                let wide: [UInt64] = [.max, UInt64(Int.max), 1 << 32, 0xFFFF_FFFF, 1 << 62, 0]
                let value = wide.randomElement(using: &rng)!
                let at = Int.random(in: 0...(b.count - 8), using: &rng)
                for k in 0..<8 { b[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
            default:  // a lying size, length, count or offset field
                let interesting: [UInt32] = [0, 1, 2, 0xFF, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFE]
                let value = Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt32.random(in: 0...UInt32.max, using: &rng)
                let valid = fields.filter { $0 + 4 <= b.count }
                let at = valid.randomElement(using: &rng) ?? Int.random(in: 0..<max(1, b.count - 4), using: &rng)
                for k in 0..<min(4, b.count - at) { b[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            }
        }
        return b
    }

    @Test func mutatedArchives() throws {
        var writer = ZipWriter()
        writer.add("[Content_Types].xml", Array(String(repeating: "<Override PartName=\"/x\"/>", count: 20).utf8))
        writer.add("word/document.xml", Array(ZipFixtures.text[0..<3000]))
        writer.add("empty", [])
        let seeds = try [
            writer.finish(), ZipFixtures.bytes("comment.zip"), ZipFixtures.bytes("zip64-infozip.zip"),
            ZipFixtures.bytes("zip64-handmade.zip"), ZipFixtures.bytes("descriptor-infozip.zip"),
            ZipFixtures.bytes("methods.zip"),
        ]
        var rng = SeededGenerator(seed: 0x5A1F)
        var read = 0
        var kinds: Set<String> = []
        for round in 0..<5_000 {
            let seed = seeds[round % seeds.count]
            let mutated = Self.mutate(seed, fields: Self.fieldOffsets(seed), using: &rng)
            do {
                let archive = try ZipArchive(mutated, limits: Self.limits)
                for entry in archive.entries {
                    do {
                        let data = try archive.contents(of: entry)
                        #expect(data.count == entry.uncompressedSize)
                        read += 1
                    } catch {
                        kinds.insert(Self.kind(error))
                    }
                }
            } catch {
                kinds.insert(Self.kind(error))
            }
        }
        #expect(read > 500, "many mutations leave some entries readable")
        // Mutations reach every layer: directory, local headers, methods, sizes, CRC, DEFLATE.
        for kind in ["notAZip", "badCentralDirectory", "badLocalHeader", "badCRC", "sizeMismatch", "truncated"] {
            #expect(kinds.contains(kind), "no \(kind) among \(kinds.sorted())")
        }
        #expect(kinds.filter { $0.hasPrefix("deflate:") }.count >= 3)
    }

    @Test func mutatedDeflateStreams() throws {
        let text = Array(ZipFixtures.text[0..<4000])
        var fixed = DeflateStreamBuilder()
        fixed.fixed()
        for c in "Kế hoạch cải cách hành chính".utf8 { fixed.literal(Int(c)) }
        fixed.match(length: 20, distance: 10)
        fixed.endOfBlock()
        let seeds: [[UInt8]] = [
            Deflater.deflate(text), fixed.bytes(), [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8),
            Deflater.deflate(Array(repeating: text[0..<300], count: 5).flatMap { $0 }),
            try ZipFixtures.bytes("empty.deflate"),
        ]
        var rng = SeededGenerator(seed: 0xDEF1)
        var kinds: Set<String> = []
        var decoded = 0
        for round in 0..<6_000 {
            let mutated = Self.mutate(seeds[round % seeds.count], fields: [], using: &rng)
            do {
                let out = try Inflater.inflate(mutated, expectedSize: text.count, limit: 1 << 20)
                #expect(out.count <= 1 << 20)
                decoded += 1
            } catch {
                kinds.insert(Self.kind(error))
            }
        }
        #expect(decoded > 50)
        #expect(kinds.count >= 8, "errors seen: \(kinds.sorted())")
    }

    static func kind(_ error: ZipError) -> String {
        switch error {
        case .badDeflate(_, _, let reason): return "deflate: \(reason.rawValue)"
        case .notAZip: return "notAZip"
        case .truncated: return "truncated"
        case .badCentralDirectory: return "badCentralDirectory"
        case .badLocalHeader: return "badLocalHeader"
        case .unsupportedMethod: return "unsupportedMethod"
        case .encrypted: return "encrypted"
        case .badCRC: return "badCRC"
        case .tooLarge: return "tooLarge"
        case .totalTooLarge: return "totalTooLarge"
        case .tooManyEntries: return "tooManyEntries"
        case .compressionRatio: return "compressionRatio"
        case .sizeMismatch: return "sizeMismatch"
        }
    }
}
