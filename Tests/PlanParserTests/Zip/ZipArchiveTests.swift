import Foundation
import Testing

@testable import PlanParser

/// Writes zip archives field by field, so that tests can make headers lie.
enum RawZip {
    struct Entry {
        var name: String
        var method: UInt16 = 8
        var flags: UInt16 = 0x0800
        var data: [UInt8]  // as stored: compressed for method 8
        var crc: UInt32
        var uncompressedSize: Int
    }

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ o: inout [UInt8]) { o += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ o: inout [UInt8]) { u16(v & 0xFFFF, &o); u16(v >> 16 & 0xFFFF, &o) }
        for e in entries {
            let offset = out.count
            let name = Array(e.name.utf8)
            for target in [0, 1] {
                var h: [UInt8] = []
                u32(target == 0 ? 0x0403_4B50 : 0x0201_4B50, &h)
                if target == 1 { u16(20, &h) }
                u16(20, &h)
                u16(Int(e.flags), &h)
                u16(Int(e.method), &h)
                u16(0, &h)
                u16(0x21, &h)
                u32(Int(e.crc), &h)
                u32(e.data.count, &h)
                u32(e.uncompressedSize, &h)
                u16(name.count, &h)
                u16(0, &h)
                if target == 1 {
                    u16(0, &h)
                    u16(0, &h)
                    u16(0, &h)
                    u32(0, &h)
                    u32(offset, &h)
                }
                h += name
                if target == 0 { out += h + e.data } else { central += h }
            }
        }
        let cdOffset = out.count
        out += central
        var end: [UInt8] = []
        u32(0x0605_4B50, &end)
        u16(0, &end)
        u16(0, &end)
        u16(entries.count, &end)
        u16(entries.count, &end)
        u32(central.count, &end)
        u32(cdOffset, &end)
        u16(0, &end)
        return out + end
    }

    /// A raw DEFLATE stream of `1 + 258 × matches` zero bytes in about `matches / 4` bytes:
    /// one dynamic block whose length-258 code and distance-1 code are both the 1-bit code
    /// "0", so that the body is nothing but zero bytes — how real zip bombs are made.
    static func zeroBomb(matches: Int) -> [UInt8] {
        var lit = [UInt8](repeating: 0, count: 286)
        lit[285] = 1  // "0"
        lit[0] = 2  // "10"
        lit[256] = 2  // "11"
        var b = DeflateStreamBuilder()
        b.dynamic(literal: lit, distance: [1])
        b.literal(0)
        var bits = 2 * matches
        while bits >= 32 {
            b.bits(0, 32)
            bits -= 32
        }
        b.bits(0, bits)
        b.endOfBlock()
        return b.bytes()
    }

    static func u32(_ b: [UInt8], _ p: Int) -> UInt32 {
        UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
    }
}

@Suite struct ZipArchiveTests {
    static let vietnamese = Array("Kế hoạch cải cách hành chính năm 2024\nĐơn vị chủ trì: Ủy ban nhân dân\n".utf8)

    static func archive(_ name: String, limits: ZipLimits = .default) throws -> ZipArchive {
        try ZipArchive(ZipFixtures.bytes(name), limits: limits)
    }

    static func contents(_ archive: ZipArchive, _ name: String) throws -> [UInt8] {
        let entry = try #require(archive.entry(named: name))
        return try archive.contents(of: entry)
    }

    /// The error reading `bytes` (directory, then every entry) gives, or nil.
    static func firstError(_ bytes: [UInt8], limits: ZipLimits = .default) -> ZipError? {
        do {
            let archive = try ZipArchive(bytes, limits: limits)
            for entry in archive.entries { _ = try archive.contents(of: entry) }
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Archives made by Python and Info-ZIP

    @Test func storedEntries() throws {
        let archive = try Self.archive("stored.zip")
        #expect(archive.entries.map(\.name) == ["mimetype", "content.xml", "tài liệu/kế hoạch.txt"])
        #expect(archive.entries.map(\.method) == [0, 0, 0])
        #expect(archive.entries.map(\.uncompressedSize) == [39, 4000, Self.vietnamese.count])
        #expect(archive.entries.map(\.compressedSize) == archive.entries.map(\.uncompressedSize))
        #expect(archive.entries[0].localHeaderOffset == 0)
        #expect(archive.entries[1].localHeaderOffset == 30 + 8 + 39)
        #expect(try Self.contents(archive, "mimetype") == Array("application/vnd.oasis.opendocument.text".utf8))
        #expect(try Self.contents(archive, "content.xml") == Array(ZipFixtures.text[0..<4000]))
        #expect(try Self.contents(archive, "tài liệu/kế hoạch.txt") == Self.vietnamese)
        #expect(archive.entries.allSatisfy { !$0.isEncrypted })
        #expect(archive.comment == "")
    }

    @Test func deflatedEntries() throws {
        let archive = try Self.archive("deflated.zip")
        #expect(
            archive.entries.map(\.name) == [
                "[Content_Types].xml", "word/", "word/document.xml", "empty.txt", "media/random.bin",
            ])
        let document = try #require(archive.entry(named: "word/document.xml"))
        #expect(document.method == 8)
        #expect(document.uncompressedSize == 65_762)
        #expect(document.compressedSize < 12_000)
        #expect(document.crc32 == CRC32.checksum(ZipFixtures.text))
        #expect(try archive.contents(of: document) == ZipFixtures.text)
        #expect(try Self.contents(archive, "empty.txt") == [])
        #expect(try Self.contents(archive, "word/") == [])
        #expect(try Self.contents(archive, "media/random.bin") == ZipFixtures.random)
        #expect(
            try Self.contents(archive, "[Content_Types].xml")
                == Array(String(repeating: "<?xml version=\"1.0\"?><Types/>\n", count: 3).utf8))
        #expect(archive.entry(named: "word/missing.xml") == nil)
        #expect(try archive.contents(named: "word/missing.xml") == nil)
        #expect(try archive.contents(named: "empty.txt") == [])
    }

    @Test func dataDescriptors() throws {
        let python = try ZipFixtures.bytes("descriptor-python.zip")
        #expect(python[6] & 0x08 != 0, "the fixture has general-purpose bit 3 set")
        #expect(RawZip.u32(python, 18) == 0 && RawZip.u32(python, 22) == 0, "and no sizes in the local header")
        let archive = try ZipArchive(python)
        #expect(archive.entries.map(\.name) == ["word/document.xml", "notes.txt"])
        #expect(try Self.contents(archive, "word/document.xml") == ZipFixtures.text)
        #expect(try Self.contents(archive, "notes.txt") == Self.vietnamese)

        let piped = try ZipFixtures.bytes("descriptor-infozip.zip")
        #expect(piped[6] & 0x08 != 0)
        let fromPipe = try ZipArchive(piped)
        #expect(fromPipe.entries.map(\.name) == ["-"])
        #expect(try Self.contents(fromPipe, "-") == Array(repeating: Self.vietnamese, count: 50).flatMap { $0 })
    }

    @Test func zip64() throws {
        // zipfile's force_zip64: a ZIP64 extra field in the local header only.
        let python = try ZipFixtures.bytes("zip64-python.zip")
        #expect(python[28] == 20, "local extra field: ZIP64 sizes")
        #expect(try Self.contents(ZipArchive(python), "word/document.xml") == ZipFixtures.text)

        // Info-ZIP's -fz: ZIP64 end record and locator, offset 0xFFFFFFFF in the end record.
        let infozip = try ZipFixtures.bytes("zip64-infozip.zip")
        #expect(RawZip.u32(infozip, infozip.count - 22 - 20) == 0x0706_4B50)
        #expect(RawZip.u32(infozip, infozip.count - 22 + 16) == 0xFFFF_FFFF)
        let fz = try ZipArchive(infozip)
        #expect(fz.entries.map(\.name) == ["ke-hoach.txt"])
        #expect(try Self.contents(fz, "ke-hoach.txt") == Array(repeating: Self.vietnamese, count: 20).flatMap { $0 })

        // Handmade: sizes and offset all in the central ZIP64 extra field.
        let handmade = try Self.archive("zip64-handmade.zip")
        let part = try #require(handmade.entry(named: "big/part.bin"))
        #expect(part.uncompressedSize == Self.vietnamese.count)
        #expect(part.compressedSize == Self.vietnamese.count)
        #expect(part.localHeaderOffset == 0)
        #expect(try handmade.contents(of: part) == Self.vietnamese)
    }

    @Test func comments() throws {
        let archive = try Self.archive("comment.zip")
        #expect(archive.comment == "Kế hoạch năm 2024 — bản chính thức")
        #expect(try Self.contents(archive, "a.txt") == Self.vietnamese)
        // A comment that holds an end-record signature whose own comment could not fit:
        // passed over (Python's zipfile and Info-ZIP's unzip both fail here).
        let tricky = try Self.archive("comment-signature.zip")
        #expect(tricky.comment.hasPrefix("Kế hoạch PK\u{5}\u{6}xxx"))
        #expect(try Self.contents(tricky, "a.txt") == Self.vietnamese)
    }

    @Test func dataBeforeTheArchive() throws {
        let plain = try Self.archive("deflated.zip")
        let prefixed = try Self.archive("prefixed.zip")
        let shift = try ZipFixtures.bytes("prefixed.zip").count - ZipFixtures.bytes("deflated.zip").count
        #expect(shift == 8 * 43)
        #expect(prefixed.entries.map(\.name) == plain.entries.map(\.name))
        #expect(prefixed.entries.map(\.localHeaderOffset) == plain.entries.map { $0.localHeaderOffset + shift })
        #expect(try Self.contents(prefixed, "word/document.xml") == ZipFixtures.text)
    }

    @Test func encryptedEntries() throws {
        let archive = try Self.archive("encrypted.zip")
        let entry = try #require(archive.entry(named: "ke-hoach.txt"))
        #expect(entry.isEncrypted)
        #expect(throws: ZipError.encrypted(name: "ke-hoach.txt")) { try archive.contents(of: entry) }
        #expect(
            ZipError.encrypted(name: "ke-hoach.txt").description
                == "zip entry 'ke-hoach.txt': encrypted entries are not supported")
    }

    @Test func unsupportedMethods() throws {
        let archive = try Self.archive("methods.zip")
        #expect(try Self.contents(archive, "plain.txt") == Self.vietnamese)
        #expect(throws: ZipError.unsupportedMethod(name: "bzip2.txt", method: 12)) {
            try Self.contents(archive, "bzip2.txt")
        }
        #expect(throws: ZipError.unsupportedMethod(name: "lzma.txt", method: 14)) {
            try Self.contents(archive, "lzma.txt")
        }
    }

    // MARK: - Damaged archives

    @Test func badCRC() throws {
        // A stored entry with one byte of its data changed.
        var bytes = try ZipFixtures.bytes("stored.zip")
        let archive = try ZipArchive(bytes)
        let entry = try #require(archive.entry(named: "content.xml"))
        bytes[entry.localHeaderOffset + 30 + 11 + 100] ^= 0x20
        let damaged = try ZipArchive(bytes)
        #expect(throws: ZipError.badCRC(name: "content.xml")) { try damaged.contents(of: entry) }
        #expect(ZipError.badCRC(name: "word/document.xml").description == "zip entry 'word/document.xml': bad CRC-32")

        // A deflated entry whose recorded CRC is wrong.
        let text = ZipFixtures.text
        let zip = RawZip.archive([
            .init(name: "word/document.xml", data: Deflater.deflate(text), crc: CRC32.checksum(text) ^ 1,
                  uncompressedSize: text.count)
        ])
        #expect(Self.firstError(zip) == .badCRC(name: "word/document.xml"))
    }

    @Test func truncatedArchives() throws {
        // Every prefix of a small archive: a clean error, never a crash.
        for name in ["comment.zip", "stored.zip", "zip64-infozip.zip", "descriptor-infozip.zip"] {
            let bytes = try ZipFixtures.bytes(name)
            for cut in 0..<bytes.count {
                #expect(Self.firstError(Array(bytes[0..<cut])) != nil, "\(name) cut at \(cut)")
            }
        }
        #expect(Self.firstError([]) == .notAZip)
        #expect(Self.firstError(Array("PK".utf8)) == .notAZip)
        #expect(ZipError.notAZip.description == "not a zip archive (no end of central directory record)")
    }

    @Test func cutWithTheEndRecordKept() throws {
        // Bytes cut out before the end record: offsets point past the data.
        let bytes = try ZipFixtures.bytes("stored.zip")
        let end = Array(bytes[(bytes.count - 22)...])
        for cut in 0..<(bytes.count - 22) {
            #expect(Self.firstError(Array(bytes[0..<cut]) + end) != nil, "cut at \(cut)")
        }
        #expect(Self.firstError(Array(bytes[0..<(bytes.count - 22)]) + end) == nil)
        // Without the whole central directory.
        let archive = try ZipArchive(bytes)
        let directoryStart = try #require(archive.entries.last).localHeaderOffset + 30 + 25 + Self.vietnamese.count
        let error = Self.firstError(Array(bytes[0..<directoryStart]) + end)
        #expect(error == .badCentralDirectory(offset: directoryStart))
        // A local header cut off behind a complete directory.
        let data = RawZip.archive([.init(name: "a", method: 0, data: [1, 2, 3], crc: CRC32.checksum([1, 2, 3]), uncompressedSize: 3)])
        var lying = data
        lying[data.count - 22 + 16] = 200  // central directory offset
        #expect(Self.firstError(lying) == .badCentralDirectory(offset: data.count - 22))
    }

    @Test func badLocalHeaders() throws {
        let good = try ZipFixtures.bytes("stored.zip")
        var signature = good
        signature[0] = 0x51
        #expect(Self.firstError(signature) == .badLocalHeader(name: "mimetype"))
        var name = good
        name[30] ^= 0x20  // "Mimetype"
        #expect(Self.firstError(name) == .badLocalHeader(name: "mimetype"))
        var nameLength = good
        nameLength[26] = 9
        #expect(Self.firstError(nameLength) == .badLocalHeader(name: "mimetype"))
        var extraLength = good
        extraLength[28] = 0xFF
        extraLength[29] = 0xFF
        #expect(Self.firstError(extraLength) == .truncated(offset: 0))
    }

    @Test func storedSizeMustMatch() {
        let zip = RawZip.archive([.init(name: "a.txt", method: 0, data: [1, 2, 3], crc: CRC32.checksum([1, 2, 3]), uncompressedSize: 4)])
        #expect(Self.firstError(zip) == .sizeMismatch(name: "a.txt", declared: 4))
    }

    @Test func deflateErrorsNameTheEntry() {
        let zip = RawZip.archive([.init(name: "word/document.xml", data: [0x07], crc: 0, uncompressedSize: 10)])
        #expect(Self.firstError(zip) == .badDeflate(name: "word/document.xml", offset: 0, reason: .badBlockType))
    }

    // MARK: - Limits

    @Test func tooManyEntries() throws {
        var writer = ZipWriter()
        for k in 0..<50 { writer.add("sheet\(k).xml", []) }
        let zip = writer.finish()
        #expect(try ZipArchive(zip, limits: ZipLimits(maxEntries: 50)).entries.count == 50)
        #expect(throws: ZipError.tooManyEntries(count: 50, limit: 49)) {
            try ZipArchive(zip, limits: ZipLimits(maxEntries: 49))
        }
        #expect(ZipLimits.default.maxEntries == 10_000)
        // An end record that claims more entries than its directory can hold.
        var lying = zip
        lying[zip.count - 22 + 10] = 0xFF
        lying[zip.count - 22 + 11] = 0x0F  // 4095 entries in 50 × 58 bytes
        #expect(Self.firstError(lying) == .badCentralDirectory(offset: zip.count - 22))
    }

    @Test func totalSize() throws {
        var writer = ZipWriter()
        for k in 0..<3 { writer.add("part\(k)", [UInt8](repeating: UInt8(k), count: 1000)) }
        let zip = writer.finish()
        #expect(try ZipArchive(zip, limits: ZipLimits(maxTotalSize: 3000)).entries.count == 3)
        #expect(throws: ZipError.totalTooLarge(size: 3000, limit: 2999)) {
            try ZipArchive(zip, limits: ZipLimits(maxTotalSize: 2999))
        }
    }

    @Test func entrySize() throws {
        var writer = ZipWriter()
        writer.add("big.xml", [UInt8](repeating: 0x41, count: 5000))
        let archive = try ZipArchive(writer.finish(), limits: ZipLimits(maxEntrySize: 4999))
        #expect(throws: ZipError.tooLarge(name: "big.xml", size: 5000, limit: 4999)) {
            try archive.contents(of: archive.entries[0])
        }
    }

    @Test func compressionRatio() throws {
        // 2 MiB of one letter compresses about 1000 times: above the ratio limit.
        var writer = ZipWriter()
        let run = [UInt8](repeating: 0x41, count: 2 << 20)
        writer.add("sheet.xml", run)
        writer.add("small.xml", [UInt8](repeating: 0x41, count: 1 << 20))  // exempt: ≤ 1 MiB
        let archive = try ZipArchive(writer.finish())
        let entry = archive.entries[0]
        #expect(entry.compressedSize < 3_000)
        #expect(throws: ZipError.compressionRatio(name: "sheet.xml", ratio: run.count / entry.compressedSize, limit: 200)) {
            try archive.contents(of: entry)
        }
        #expect(try archive.contents(of: archive.entries[1]).count == 1 << 20)
        let relaxed = try ZipArchive(writer.finish(), limits: ZipLimits(maxCompressionRatio: 2000))
        #expect(try relaxed.contents(of: relaxed.entries[0]) == run)
    }

    @Test func zipBombIsRefusedQuickly() throws {
        // 1 GiB of zeros in about 1 MB.
        let matches = 4_161_790
        let bomb = RawZip.zeroBomb(matches: matches)
        let size = 1 + 258 * matches
        #expect(size > 1_073_000_000)
        #expect(bomb.count < 1_100_000)
        let zip = RawZip.archive([.init(name: "xl/worksheets/sheet1.xml", data: bomb, crc: 0, uncompressedSize: size)])
        let clock = ContinuousClock()
        let start = clock.now
        // Declared honestly: refused before anything is allocated, by size or by ratio.
        #expect(Self.firstError(zip) == .tooLarge(name: "xl/worksheets/sheet1.xml", size: size, limit: 256 << 20))
        let roomy = ZipLimits(maxEntrySize: 2 << 30, maxTotalSize: 2 << 30)
        #expect(
            Self.firstError(zip, limits: roomy)
                == .compressionRatio(name: "xl/worksheets/sheet1.xml", ratio: size / bomb.count, limit: 200))
        #expect(clock.now - start < .seconds(2))

        // Declared as 8 MiB (a plausible 8:1): inflating stops at the declared size.
        let liar = RawZip.archive([.init(name: "xl/worksheets/sheet1.xml", data: bomb, crc: 0, uncompressedSize: 8 << 20)])
        #expect(Self.firstError(liar) == .sizeMismatch(name: "xl/worksheets/sheet1.xml", declared: 8 << 20))
        // The raw decoder with a 16 MiB limit stops there too, whatever size is expected.
        #expect(throws: ZipError.self) { try Inflater.inflate(bomb, expectedSize: size, limit: 16 << 20) }
        do {
            _ = try Inflater.inflate(bomb, expectedSize: size, limit: 16 << 20)
        } catch {
            guard case .tooLarge(_, let reached, 16 << 20) = error else {
                Issue.record("expected tooLarge, got \(error)")
                return
            }
            #expect(reached > 16 << 20 && reached <= (16 << 20) + 258)
        }
        #expect(clock.now - start < .seconds(20))
    }

    @Test func errorDescriptions() {
        #expect(ZipError.truncated(offset: 77).description == "zip archive truncated: record at byte 77 runs past the end")
        #expect(
            ZipError.tooLarge(name: "word/document.xml", size: 300, limit: 200).description
                == "zip entry 'word/document.xml': too large: 300 bytes (limit 200)")
        #expect(
            ZipError.compressionRatio(name: "xl/sharedStrings.xml", ratio: 1030, limit: 200).description
                == "zip entry 'xl/sharedStrings.xml': compression ratio 1030:1 is above the limit of 200:1")
        #expect(
            ZipError.badDeflate(name: "", offset: 5, reason: .incomplete).description
                == "deflate data: incomplete code lengths at byte 5 of the compressed data")
    }
}
