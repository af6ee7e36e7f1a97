import Foundation
import Testing

@testable import PlanParser

@Suite struct ZipWriterTests {
    static let sheet: [UInt8] = {
        var rows = "<worksheet><sheetData>"
        for r in 1...2000 {
            rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>\(r % 37)</v></c><c r=\"B\(r)\"><v>\(r * 7919 % 100_000)</v></c></row>"
        }
        return Array((rows + "</sheetData></worksheet>").utf8)
    }()

    static let random: [UInt8] = {
        var rng = SeededGenerator(seed: 42)
        return (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
    }()

    static let contentTypes = Array(
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types>"
            + (1...4).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/xml\"/>" }
            .joined() + "</Types>").utf8)

    static func workbook() -> [UInt8] {
        var w = ZipWriter()
        w.add("[Content_Types].xml", contentTypes)
        w.add("xl/worksheets/sheet1.xml", sheet)
        w.add("xl/media/image1.bin", random)
        w.add("xl/empty.xml", [])
        w.add("xl/raw.xml", sheet, compress: false)
        w.add("tài liệu/Kế hoạch.xml", Array("Kế hoạch".utf8))
        return w.finish()
    }

    @Test func roundTrip() throws {
        let zip = Self.workbook()
        let archive = try ZipArchive(zip)
        #expect(
            archive.entries.map(\.name) == [
                "[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/media/image1.bin", "xl/empty.xml", "xl/raw.xml",
                "tài liệu/Kế hoạch.xml",
            ])
        // Deflated only where that helps: the sheet; random bytes, the empty entry and
        // the entry added with compress: false are stored.
        #expect(archive.entries.map(\.method) == [8, 8, 0, 0, 0, 0])
        let sheet = archive.entries[1]
        #expect(sheet.uncompressedSize == Self.sheet.count)
        #expect(sheet.compressedSize < Self.sheet.count / 4)
        #expect(sheet.crc32 == CRC32.checksum(Self.sheet))
        #expect(try archive.contents(of: sheet) == Self.sheet)
        #expect(try archive.contents(of: archive.entries[2]) == Self.random)
        #expect(archive.entries[2].compressedSize == Self.random.count)
        #expect(try archive.contents(of: archive.entries[3]) == [])
        #expect(try archive.contents(of: archive.entries[4]) == Self.sheet)
        #expect(try archive.contents(named: "tài liệu/Kế hoạch.xml") == Array("Kế hoạch".utf8))
        #expect(archive.comment == "")
    }

    @Test func fixedHeaderFields() throws {
        let zip = Self.workbook()
        #expect(Array(zip[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(Array(zip[4..<14]) == [20, 0, 0x00, 0x08, 8, 0, 0, 0, 0x21, 0])  // version, flags, method, time, date
        #expect(zip[28] == 0 && zip[29] == 0)  // no extra field
        #expect(Self.workbook() == zip, "deterministic")
        var empty = ZipWriter()
        #expect(empty.entryCount == 0)
        #expect(empty.finish() == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
        empty.add("a", [])
        #expect(empty.entryCount == 1)
    }

    @Test func largeEntry() throws {
        // About 20 MB of worksheet rows: several thousand DEFLATE blocks.
        var big: [UInt8] = []
        big.reserveCapacity(21 << 20)
        while big.count < 20 << 20 { big += Self.sheet }
        var w = ZipWriter()
        w.add("xl/worksheets/sheet1.xml", big)
        let zip = w.finish()
        #expect(zip.count < big.count / 5)
        let archive = try ZipArchive(zip)
        #expect(try archive.contents(of: archive.entries[0]) == big)
    }

    @Test(.enabled(if: ZipFixtures.python != nil, ZipFixtures.pythonMissing))
    func pythonZipfileReadsIt() throws {
        let url = try ZipFixtures.temporaryFile(Self.workbook())
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import sys, zipfile, zlib
            with zipfile.ZipFile(sys.argv[1]) as z:
                assert z.testzip() is None
                for i in z.infolist():
                    data = z.read(i)
                    print(i.filename, i.compress_type, i.file_size, zlib.crc32(data), i.flag_bits, i.date_time[:3])
            """
        let (status, out) = try ZipFixtures.runPython(script, arguments: [url.path])
        #expect(status == 0)
        let sheetCRC = CRC32.checksum(Self.sheet)
        let expected = """
            [Content_Types].xml 8 \(Self.contentTypes.count) \(CRC32.checksum(Self.contentTypes)) 2048 (1980, 1, 1)
            xl/worksheets/sheet1.xml 8 \(Self.sheet.count) \(sheetCRC) 2048 (1980, 1, 1)
            xl/media/image1.bin 0 50000 \(CRC32.checksum(Self.random)) 2048 (1980, 1, 1)
            xl/empty.xml 0 0 0 2048 (1980, 1, 1)
            xl/raw.xml 0 \(Self.sheet.count) \(sheetCRC) 2048 (1980, 1, 1)
            tài liệu/Kế hoạch.xml 0 12 \(CRC32.checksum(Array("Kế hoạch".utf8))) 2048 (1980, 1, 1)

            """
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    static let unzip = ["/usr/bin/unzip", "/usr/local/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: unzip != nil, "unzip not found: Info-ZIP cross-check skipped"))
    func unzipTestsIt() throws {
        var w = ZipWriter()
        w.add("xl/worksheets/sheet1.xml", Self.sheet)
        w.add("xl/media/image1.bin", Self.random)
        w.add("xl/empty.xml", [])
        let url = try ZipFixtures.temporaryFile(w.finish())
        defer { try? FileManager.default.removeItem(at: url) }
        let (status, out) = try ZipFixtures.run(Self.unzip!, ["-t", url.path])
        #expect(status == 0)
        #expect(String(decoding: out, as: UTF8.self).contains("No errors detected in compressed data"))
    }
}
