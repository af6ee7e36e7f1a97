/// Converts UTF-16 (after its BOM) to UTF-8, refusing what cannot be text.
///
/// Only converts: line breaks, spaces and the rest are left to `UTF8Cleaner`, which runs
/// on the result, so there is one place that decides what clean text is. NUL is refused
/// here because only here is its offset in the original file known.
enum UTF16Transcoder {
    /// Where and why the conversion stopped.
    struct Failure: Error {
        enum Kind { case invalidUTF16, nul }
        var kind: Kind
        /// Offset of the offending code unit (or lone last byte) in the original bytes.
        var byteOffset: Int
    }

    /// The UTF-8 form of the UTF-16 code units in `data[start...]`.
    /// - Complexity: O(n), one pass, one allocation.
    static func transcode(_ data: [UInt8], from start: Int, bigEndian: Bool) throws(Failure) -> [UInt8] {
        let n = data.count
        var failure: Failure?
        // Each 2-byte unit gives at most 3 bytes; a surrogate pair (4 bytes) gives 4.
        let capacity = (n - start) / 2 * 3
        let out = data.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: capacity) { dst, count in
                func unit(_ k: Int) -> UInt32 {
                    bigEndian
                        ? UInt32(src[k]) << 8 | UInt32(src[k + 1])
                        : UInt32(src[k + 1]) << 8 | UInt32(src[k])
                }
                var i = start
                var o = 0
                while i + 1 < n {
                    let u = unit(i)
                    if u < 0x80 {
                        if u == 0 {
                            failure = Failure(kind: .nul, byteOffset: i)
                            break
                        }
                        dst[o] = UInt8(u)
                        o += 1
                        i += 2
                    } else if u < 0x800 {
                        dst[o] = UInt8(0xC0 | u >> 6)
                        dst[o + 1] = UInt8(0x80 | u & 0x3F)
                        o += 2
                        i += 2
                    } else if u & 0xF800 != 0xD800 {
                        dst[o] = UInt8(0xE0 | u >> 12)
                        dst[o + 1] = UInt8(0x80 | u >> 6 & 0x3F)
                        dst[o + 2] = UInt8(0x80 | u & 0x3F)
                        o += 3
                        i += 2
                    } else {
                        // A high surrogate must be followed by a low one.
                        guard u < 0xDC00, i + 3 < n, unit(i + 2) & 0xFC00 == 0xDC00 else {
                            failure = Failure(kind: .invalidUTF16, byteOffset: i)
                            break
                        }
                        let s = 0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00)
                        dst[o] = UInt8(0xF0 | s >> 18)
                        dst[o + 1] = UInt8(0x80 | s >> 12 & 0x3F)
                        dst[o + 2] = UInt8(0x80 | s >> 6 & 0x3F)
                        dst[o + 3] = UInt8(0x80 | s & 0x3F)
                        o += 4
                        i += 4
                    }
                }
                if failure == nil, i < n {
                    failure = Failure(kind: .invalidUTF16, byteOffset: i)  // odd length
                }
                count = o
            }
        }
        if let failure { throw failure }
        return out
    }
}
