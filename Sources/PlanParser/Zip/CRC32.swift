/// The CRC-32 of zip, gzip and PNG (ISO 3309, polynomial 0xEDB88320 reflected).
///
/// Table-driven, sixteen bytes per step ("slicing by 16"): sixteen 256-entry tables turn
/// four little-endian words into the next CRC with sixteen lookups and no dependency
/// between them, several times faster than the byte-at-a-time loop.
enum CRC32 {
    /// `tables[k * 256 + b]`: the CRC of byte `b` followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 16 * 256)
        for b in 0..<256 {
            var c = UInt32(b)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[b] = c
        }
        for k in 1..<16 {
            for b in 0..<256 {
                let previous = t[(k - 1) * 256 + b]
                t[k * 256 + b] = (previous >> 8) ^ t[Int(previous & 0xFF)]
            }
        }
        return t
    }()

    /// The CRC-32 of `bytes`, continuing from `initial`, the CRC of the bytes before them
    /// (0 for none): `checksum(b, initial: checksum(a))` is the CRC of `a` then `b`.
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, initial: UInt32 = 0) -> UInt32 {
        guard var p = bytes.baseAddress, !bytes.isEmpty else { return initial }
        var n = bytes.count
        var crc = ~initial
        tables.withUnsafeBufferPointer { tables in
            let t = tables.baseAddress!
            @inline(__always) func word(_ q: UnsafePointer<UInt8>) -> UInt32 {
                UInt32(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt32.self))
            }
            @inline(__always) func look(_ k: Int, _ v: UInt32) -> UInt32 {
                t[k &* 256 &+ Int(v & 0xFF)]
            }
            while n >= 16 {
                let a = word(p) ^ crc
                let b = word(p + 4)
                let c = word(p + 8)
                let d = word(p + 12)
                crc = look(15, a) ^ look(14, a >> 8) ^ look(13, a >> 16) ^ look(12, a >> 24)
                    ^ look(11, b) ^ look(10, b >> 8) ^ look(9, b >> 16) ^ look(8, b >> 24)
                    ^ look(7, c) ^ look(6, c >> 8) ^ look(5, c >> 16) ^ look(4, c >> 24)
                    ^ look(3, d) ^ look(2, d >> 8) ^ look(1, d >> 16) ^ look(0, d >> 24)
                p += 16
                n -= 16
            }
            while n > 0 {
                crc = look(0, crc ^ UInt32(p.pointee)) ^ (crc >> 8)
                p += 1
                n -= 1
            }
        }
        return ~crc
    }

    /// The CRC-32 of `bytes`, continuing from `initial`.
    static func checksum(_ bytes: [UInt8], initial: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBufferPointer { checksum($0, initial: initial) }
    }
}
