/// A byte string folded eight bytes at a time into one word, for the byte-keyed caches
/// (``BytesKey``, ``TextKey``) to hand to `Hasher`, which mixes it with its seed.
///
/// `Hasher.combine(bytes:)` costs a few hundred instructions for a table cell or a unit's
/// name, and every cell and name is looked up; this costs a few per eight bytes. Equal bytes
/// give equal digests, and the keys compare the bytes themselves, so a collision only costs
/// a comparison.
enum ByteDigest {
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h = UInt64(truncatingIfNeeded: n) &* multiplier
        guard let base = bytes.baseAddress, n > 0 else { return h }
        if n < 8 {
            var w: UInt64 = 0
            for k in 0..<n { w |= UInt64(base[k]) << (8 * UInt64(k)) }
            return mix(h, w)
        }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = mix(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        // The last eight bytes, overlapping the word before when the length is no multiple of 8.
        if i < n { h = mix(h, raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) }
        return h
    }

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    private static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let m = (h ^ w) &* multiplier
        return m ^ (m >> 32)
    }
}
