/// A zip archive held in memory: its directory, and the contents of any entry on demand.
///
/// Reads the end-of-central-directory record (found by searching backwards, so an archive
/// comment is fine), the ZIP64 end record and locator when present, and the central
/// directory with its ZIP64 extra fields. Data before the archive (a self-extractor stub)
/// is allowed. Entries are decompressed only when asked for, one at a time, after their
/// local header is checked; stored and deflated entries can be read, and every read checks
/// the CRC-32. See `ZipLimits` for the defences against bombs and lying headers.
struct ZipArchive: Sendable {
    /// The entries in central-directory order.
    private(set) var entries: [ZipEntry]
    /// The archive comment (UTF-8, or U+FFFD for bytes that are not).
    private(set) var comment: String
    let limits: ZipLimits
    private let bytes: [UInt8]

    /// Reads the directory of the archive in `bytes`.
    /// - Throws: `.notAZip`, `.truncated`, `.badCentralDirectory`, `.tooManyEntries` or
    ///   `.totalTooLarge`.
    init(_ bytes: [UInt8], limits: ZipLimits = .default) throws(ZipError) {
        self.bytes = bytes
        self.limits = limits
        guard let end = Self.endRecordOffset(in: bytes) else { throw .notAZip }
        let commentLength = min(Int(Self.u16(bytes, end + 20)), bytes.count - end - 22)
        comment = String(decoding: bytes[(end + 22)..<(end + 22 + commentLength)], as: UTF8.self)

        var entryCount = UInt64(Self.u16(bytes, end + 10))
        var directorySize = UInt64(Self.u32(bytes, end + 12))
        var directoryOffset = UInt64(Self.u32(bytes, end + 16))
        // Where the central directory ends: at the ZIP64 end record if there is one.
        var directoryEnd = end
        if let record = try Self.zip64RecordOffset(in: bytes, endRecord: end) {
            entryCount = Self.u64(bytes, record + 32)
            directorySize = Self.u64(bytes, record + 40)
            directoryOffset = Self.u64(bytes, record + 48)
            directoryEnd = record
        }
        guard entryCount <= UInt64(limits.maxEntries) else {
            throw .tooManyEntries(count: Int(clamping: entryCount), limit: limits.maxEntries)
        }
        // Each central header takes at least 46 bytes: a count that does not fit is a lie.
        guard directorySize <= UInt64(directoryEnd), entryCount * 46 <= directorySize else {
            throw .badCentralDirectory(offset: directoryEnd)
        }
        let directoryStart = directoryEnd - Int(directorySize)
        // Bytes in front of the archive shift every recorded offset by the same amount.
        guard directoryOffset <= UInt64(directoryStart) else { throw .badCentralDirectory(offset: directoryEnd) }
        let prefix = directoryStart - Int(directoryOffset)

        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(entryCount))
        var total: UInt64 = 0
        var p = directoryStart
        for _ in 0..<Int(entryCount) {
            let entry = try Self.centralHeader(in: bytes, at: &p, directoryEnd: directoryEnd, prefix: prefix)
            // Sizes are clamped to Int.max, so three of them would overflow: saturate.
            let sum = total.addingReportingOverflow(UInt64(entry.uncompressedSize))
            total = sum.overflow ? .max : sum.partialValue
            entries.append(entry)
        }
        guard total <= UInt64(limits.maxTotalSize) else {
            throw .totalTooLarge(size: Int(clamping: total), limit: limits.maxTotalSize)
        }
        self.entries = entries
    }

    /// The first entry called `name`.
    func entry(named name: String) -> ZipEntry? {
        entries.first { $0.name == name }
    }

    /// The uncompressed contents of `entry`, checked against its CRC-32 and declared size.
    /// - Throws: `.encrypted`, `.unsupportedMethod`, `.tooLarge`, `.compressionRatio`
    ///   (all before anything is allocated), `.truncated`, `.badLocalHeader`, `.badDeflate`,
    ///   `.sizeMismatch` or `.badCRC`.
    func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        let name = entry.name
        guard !entry.isEncrypted else { throw .encrypted(name: name) }
        guard entry.method == 0 || entry.method == 8 else {
            throw .unsupportedMethod(name: name, method: entry.method)
        }
        let size = entry.uncompressedSize
        guard size <= limits.maxEntrySize else {
            throw .tooLarge(name: name, size: size, limit: limits.maxEntrySize)
        }
        let compressed = entry.compressedSize
        let maxRatio = max(1, limits.maxCompressionRatio)
        if size > limits.ratioThreshold && size / maxRatio > compressed {
            throw .compressionRatio(name: name, ratio: size / max(compressed, 1), limit: maxRatio)
        }

        let start = try dataOffset(of: entry)
        guard compressed <= bytes.count - start else { throw .truncated(offset: entry.localHeaderOffset) }
        let data: [UInt8]
        if entry.method == 0 {
            guard compressed == size else { throw .sizeMismatch(name: name, declared: size) }
            data = Array(bytes[start..<(start + size)])
        } else {
            let result: Result<[UInt8], ZipError> = bytes.withUnsafeBufferPointer { all in
                do throws(ZipError) {
                    let input = UnsafeBufferPointer(rebasing: all[start..<(start + compressed)])
                    return .success(try Inflater.inflate(input, expectedSize: size, limit: size, name: name))
                } catch {
                    return .failure(error)
                }
            }
            switch result {
            case .success(let d): data = d
            case .failure(.tooLarge): throw .sizeMismatch(name: name, declared: size)
            case .failure(let e): throw e
            }
            guard data.count == size else { throw .sizeMismatch(name: name, declared: size) }
        }
        guard CRC32.checksum(data) == entry.crc32 else { throw .badCRC(name: name) }
        return data
    }

    /// The contents of the entry called `name`, or nil when there is none.
    func contents(named name: String) throws(ZipError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try contents(of: entry)
    }

    // MARK: - Records

    static let localSignature: UInt32 = 0x0403_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64EndSignature: UInt32 = 0x0606_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    /// Where the data of `entry` starts, after its local header has been checked.
    private func dataOffset(of entry: ZipEntry) throws(ZipError) -> Int {
        let p = entry.localHeaderOffset
        guard p >= 0, p <= bytes.count - 30 else { throw .truncated(offset: p) }
        guard Self.u32(bytes, p) == Self.localSignature else { throw .badLocalHeader(name: entry.name) }
        let nameLength = Int(Self.u16(bytes, p + 26))
        let extraLength = Int(Self.u16(bytes, p + 28))
        let start = p + 30 + nameLength + extraLength
        guard start <= bytes.count else { throw .truncated(offset: p) }
        let localName = String(decoding: bytes[(p + 30)..<(p + 30 + nameLength)], as: UTF8.self)
        guard localName == entry.name else { throw .badLocalHeader(name: entry.name) }
        return start
    }

    /// The end-of-central-directory record: the last signature within 64 KiB + 22 bytes of
    /// the end whose comment fits in the file.
    static func endRecordOffset(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var p = bytes.count - 22
        while p >= lowest {
            if bytes[p] == 0x50 && u32(bytes, p) == endSignature && p + 22 + Int(u16(bytes, p + 20)) <= bytes.count {
                return p
            }
            p -= 1
        }
        return nil
    }

    /// The ZIP64 end-of-central-directory record, when a ZIP64 locator precedes the end record.
    private static func zip64RecordOffset(in bytes: [UInt8], endRecord end: Int) throws(ZipError) -> Int? {
        let locator = end - 20
        guard locator >= 0, u32(bytes, locator) == zip64LocatorSignature else { return nil }
        // Normally right before the locator (56 bytes without extensible data); else where
        // the locator says (which a prefix before the archive would shift).
        let adjacent = locator - 56
        guard adjacent >= 0 else { throw .badCentralDirectory(offset: locator) }
        if u32(bytes, adjacent) == zip64EndSignature { return adjacent }
        let recorded = u64(bytes, locator + 8)
        guard recorded <= UInt64(adjacent), u32(bytes, Int(recorded)) == zip64EndSignature else {
            throw .badCentralDirectory(offset: locator)
        }
        return Int(recorded)
    }

    /// Parses the central header at `p` and moves `p` past it.
    private static func centralHeader(
        in bytes: [UInt8], at p: inout Int, directoryEnd: Int, prefix: Int
    ) throws(ZipError) -> ZipEntry {
        let start = p
        guard start + 46 <= directoryEnd else { throw .badCentralDirectory(offset: start) }
        guard u32(bytes, start) == centralSignature else { throw .badCentralDirectory(offset: start) }
        let flags = u16(bytes, start + 8)
        let method = u16(bytes, start + 10)
        let crc = u32(bytes, start + 16)
        var compressed = UInt64(u32(bytes, start + 20))
        var uncompressed = UInt64(u32(bytes, start + 24))
        let nameLength = Int(u16(bytes, start + 28))
        let extraLength = Int(u16(bytes, start + 30))
        let commentLength = Int(u16(bytes, start + 32))
        var offset = UInt64(u32(bytes, start + 42))
        let end = start + 46 + nameLength + extraLength + commentLength
        guard end <= directoryEnd else { throw .badCentralDirectory(offset: start) }
        let nameStart = start + 46
        let name = String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self)

        // ZIP64 extended information (0x0001): the 64-bit values of the fields set to all ones.
        var e = nameStart + nameLength
        let extraEnd = e + extraLength
        while e + 4 <= extraEnd {
            let id = u16(bytes, e)
            let size = Int(u16(bytes, e + 2))
            let dataEnd = e + 4 + size
            guard dataEnd <= extraEnd else { throw .badCentralDirectory(offset: start) }
            if id == 0x0001 {
                var q = e + 4
                for field in 0..<3 {
                    let value = field == 0 ? uncompressed : field == 1 ? compressed : offset
                    guard value == 0xFFFF_FFFF else { continue }
                    guard q + 8 <= dataEnd else { throw .badCentralDirectory(offset: start) }
                    let wide = u64(bytes, q)
                    q += 8
                    switch field {
                    case 0: uncompressed = wide
                    case 1: compressed = wide
                    default: offset = wide
                    }
                }
            }
            e = dataEnd
        }
        p = end
        // Values beyond what an array can hold are clamped; the limits then refuse them.
        let local = Int(clamping: offset).addingReportingOverflow(prefix)
        return ZipEntry(
            name: name, method: method, compressedSize: Int(clamping: compressed),
            uncompressedSize: Int(clamping: uncompressed), crc32: crc,
            localHeaderOffset: local.overflow ? Int.max : local.partialValue, isEncrypted: flags & 1 != 0)
    }

    // MARK: - Little-endian fields (the caller checks the bounds)

    @inline(__always)
    static func u16(_ b: [UInt8], _ p: Int) -> UInt16 {
        UInt16(b[p]) | UInt16(b[p + 1]) << 8
    }

    @inline(__always)
    static func u32(_ b: [UInt8], _ p: Int) -> UInt32 {
        UInt32(b[p]) | UInt32(b[p + 1]) << 8 | UInt32(b[p + 2]) << 16 | UInt32(b[p + 3]) << 24
    }

    @inline(__always)
    static func u64(_ b: [UInt8], _ p: Int) -> UInt64 {
        UInt64(u32(b, p)) | UInt64(u32(b, p + 4)) << 32
    }
}
