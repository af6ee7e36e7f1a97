/// Builds a zip archive in memory (for XLSX output).
///
/// The bytes depend only on the entries added: every entry is dated 1980-01-01 00:00 (the
/// earliest DOS date), has no extra fields, "version needed" 2.0 and the UTF-8 name flag,
/// and sizes and CRC-32 sit in the local header (no data descriptors). Compressed entries
/// use `Deflater`; an entry that would not get smaller is stored instead.
///
/// Limits: no ZIP64, so at most 65,535 entries and 4 GiB in all (far above any workbook;
/// exceeding them is a programming error and traps).
struct ZipWriter: Sendable {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    init() {}

    /// The number of entries added so far.
    var entryCount: Int { count }

    /// Adds an entry called `name` holding `data`.
    ///
    /// `name` is a relative path with `/` separators and no `..` component (an archive
    /// that a careless extractor could write outside its folder is a programming error).
    mutating func add(_ name: String, _ data: [UInt8], compress: Bool = true) {
        precondition(
            !name.hasPrefix("/") && !name.split(separator: "/").contains(".."),
            "zip entry names are relative paths without '..'")
        let nameBytes = Array(name.utf8)
        precondition(nameBytes.count <= 0xFFFF, "zip entry name too long")
        precondition(count < 0xFFFF, "too many zip entries for a zip without ZIP64")
        let crc = CRC32.checksum(data)
        var method: UInt16 = 0
        var stored = data
        if compress && !data.isEmpty {
            let deflated = Deflater.deflate(data)
            if deflated.count < data.count {
                method = 8
                stored = deflated
            }
        }
        let offset = body.count
        precondition(
            UInt64(offset) + 30 + UInt64(nameBytes.count) + UInt64(stored.count) < 0xFFFF_FFFF,
            "zip archive too large without ZIP64")

        // Local file header.
        Self.append32(Self.localSignature, to: &body)
        appendCommonFields(
            to: &body, method: method, crc: crc, compressed: stored.count, size: data.count, name: nameBytes)
        Self.append16(0, to: &body)  // extra field length
        body.append(contentsOf: nameBytes)
        body.append(contentsOf: stored)

        // Central directory header.
        Self.append32(Self.centralSignature, to: &directory)
        Self.append16(Self.version, to: &directory)  // version made by: 2.0, MS-DOS
        appendCommonFields(
            to: &directory, method: method, crc: crc, compressed: stored.count, size: data.count, name: nameBytes)
        Self.append16(0, to: &directory)  // extra field length
        Self.append16(0, to: &directory)  // comment length
        Self.append16(0, to: &directory)  // disk number
        Self.append16(0, to: &directory)  // internal attributes
        Self.append32(0, to: &directory)  // external attributes
        Self.append32(UInt32(offset), to: &directory)
        directory.append(contentsOf: nameBytes)
        count += 1
    }

    /// The complete archive: the entries, the central directory and its end record.
    func finish() -> [UInt8] {
        precondition(UInt64(body.count) + UInt64(directory.count) < 0xFFFF_FFFF, "zip archive too large without ZIP64")
        var out = body
        out.reserveCapacity(body.count + directory.count + 22)
        out.append(contentsOf: directory)
        Self.append32(Self.endSignature, to: &out)
        Self.append16(0, to: &out)  // this disk
        Self.append16(0, to: &out)  // disk with the central directory
        Self.append16(UInt16(count), to: &out)
        Self.append16(UInt16(count), to: &out)
        Self.append32(UInt32(directory.count), to: &out)
        Self.append32(UInt32(body.count), to: &out)
        Self.append16(0, to: &out)  // comment length
        return out
    }

    // MARK: - Fields

    static let localSignature: UInt32 = 0x0403_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    /// Version 2.0: deflate.
    static let version: UInt16 = 20
    /// General-purpose bit 11: the name is UTF-8.
    static let utf8Flag: UInt16 = 1 << 11
    /// 1980-01-01 in DOS date format (year since 1980 << 9 | month << 5 | day); time 00:00.
    static let dosDate: UInt16 = 1 << 5 | 1

    /// The fields local and central headers share, from "version needed" to the extra
    /// field length (exclusive).
    private func appendCommonFields(
        to out: inout [UInt8], method: UInt16, crc: UInt32, compressed: Int, size: Int, name: [UInt8]
    ) {
        Self.append16(Self.version, to: &out)
        Self.append16(Self.utf8Flag, to: &out)
        Self.append16(method, to: &out)
        Self.append16(0, to: &out)  // time
        Self.append16(Self.dosDate, to: &out)
        Self.append32(crc, to: &out)
        Self.append32(UInt32(compressed), to: &out)
        Self.append32(UInt32(size), to: &out)
        Self.append16(UInt16(name.count), to: &out)
    }

    private static func append16(_ v: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    private static func append32(_ v: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }
}
