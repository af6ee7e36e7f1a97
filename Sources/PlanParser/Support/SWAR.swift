/// Eight bytes at a time ("SIMD within a register"): the masks the escaping writers test a
/// word of text with before they look at single bytes.
///
/// Each function sets the high bit of the bytes of `x` that match. A borrow can also flag the
/// byte after a match; callers only use a nonzero result to stop and look byte by byte, so
/// that is harmless.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The bytes of `x` equal to `b`.
    @inline(__always)
    static func bytes(of x: UInt64, equalTo b: UInt8) -> UInt64 {
        let v = x ^ (ones &* UInt64(b))
        return (v &- ones) & ~v & highs
    }

    /// The bytes of `x` below `b` (`b` at most 0x80).
    @inline(__always)
    static func bytes(of x: UInt64, below b: UInt8) -> UInt64 {
        (x &- ones &* UInt64(b)) & ~x & highs
    }

    /// The bytes of `x` that are ASCII digits, exactly (no borrow reaches another byte: each
    /// sum and difference stays inside its byte's low seven bits plus the high one).
    @inline(__always)
    static func digits(of x: UInt64) -> UInt64 {
        let low = x & ~highs
        return (ones &* (127 + 0x3A) &- low) & ~x & (low &+ ones &* (127 - 0x2F)) & highs
    }

    /// Eight bytes of `raw` from `offset`, in memory order.
    @inline(__always)
    static func load(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    /// Stores a text of `n` bytes (`n` < 16) that was read as two overlapping loads: for 8 or
    /// more bytes `lo` holds its first eight and `hi` its last eight; for 4 to 7, `lo` holds its
    /// first four and (shifted up 32) its last four; below 4 the bytes are copied from `p`.
    /// The writers that check and copy short texts in one step (JSON, CSV) share it.
    @inline(__always)
    static func storeShort(lo: UInt64, hi: UInt64, from p: UnsafePointer<UInt8>, count n: Int, to d: UnsafeMutableRawPointer) {
        if n >= 8 {
            d.storeBytes(of: lo, as: UInt64.self)
            d.storeBytes(of: hi, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 {
            d.storeBytes(of: UInt32(truncatingIfNeeded: lo), as: UInt32.self)
            d.storeBytes(of: UInt32(truncatingIfNeeded: lo &>> 32), toByteOffset: n &- 4, as: UInt32.self)
        } else {
            d.storeBytes(of: p[0], as: UInt8.self)
            d.storeBytes(of: p[n &>> 1], toByteOffset: n &>> 1, as: UInt8.self)
            d.storeBytes(of: p[n &- 1], toByteOffset: n &- 1, as: UInt8.self)
        }
    }
}
