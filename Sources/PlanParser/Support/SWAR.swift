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
}
