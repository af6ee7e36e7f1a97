import Foundation
import Testing

@testable import PlanParser

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

    @Test func zip64LocatorWithoutRoomForTheRecord() throws {
        // A locator right at the start: no ZIP64 end record can precede it.
        var bytes: [UInt8] = [0x50, 0x4B, 0x06, 0x07] + [UInt8](repeating: 0, count: 16)
        bytes += [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        #expect(throws: ZipError.badCentralDirectory(offset: 0)) { try ZipArchive(bytes) }
        // A locator whose record offset points nowhere.
        let infozip = try ZipFixtures.bytes("zip64-infozip.zip")
        var moved = infozip
        let locator = infozip.count - 22 - 20
        moved[locator - 56] = 0  // spoil the record's signature where it should be
        #expect(throws: ZipError.badCentralDirectory(offset: locator)) { try ZipArchive(moved) }
    }

    @Test func hugeDeclaredSizes() throws {
        // ZIP64 sizes of 2^64 − 1: clamped, summed without overflow, refused.
        let entries = (0..<3).map {
            RawZip.Entry(name: "part\($0)", method: 0, data: [1], crc: 0, uncompressedSize: 1, zip64Size: .max)
        }
        let zip = RawZip.archive(entries)
        #expect(throws: ZipError.totalTooLarge(size: .max, limit: 1 << 30)) { try ZipArchive(zip) }
        #expect(throws: ZipError.totalTooLarge(size: .max, limit: .max)) {
            try ZipArchive(zip, limits: ZipLimits(maxTotalSize: .max))
        }
        let roomy = try ZipArchive(RawZip.archive([entries[0]]), limits: ZipLimits(maxTotalSize: .max))
        #expect(roomy.entries.map(\.uncompressedSize) == [.max])
        #expect(throws: ZipError.tooLarge(name: "part0", size: .max, limit: 256 << 20)) {
            try roomy.contents(of: roomy.entries[0])
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
