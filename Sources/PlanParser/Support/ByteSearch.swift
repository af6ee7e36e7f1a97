#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search on UTF-8 bytes — the one implementation every stage uses.
///
/// Needles are short keywords; the first byte is found with `memchr` (SIMD in libc) and the
/// rest compared with `memcmp`.
enum ByteSearch {
    /// The offset of the first `needle` in `hay` at or after `from`, or `nil`.
    @inline(__always)
    static func find(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], from: Int = 0) -> Int? {
        let m = needle.count
        guard m > 0, let base = hay.baseAddress, from >= 0, hay.count - from >= m else { return nil }
        return needle.withUnsafeBufferPointer { n -> Int? in
            let first = Int32(n[0])
            var i = from
            let last = hay.count - m
            while i <= last {
                guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
                let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if m == 1 || memcmp(base + k + 1, n.baseAddress! + 1, m - 1) == 0 { return k }
                i = k + 1
            }
            return nil
        }
    }

    /// Whether `hay` contains `needle` (an empty needle is contained everywhere).
    @inline(__always)
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.isEmpty || find(hay, needle) != nil
    }

    /// Whether `hay` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ hay: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard prefix.count <= hay.count else { return false }
        for k in 0..<prefix.count where hay[k] != prefix[k] { return false }
        return true
    }

    /// ``find(_:_:from:)`` on an array.
    static func find(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0) -> Int? {
        hay.withUnsafeBufferPointer { find($0, needle, from: from) }
    }

    /// ``contains(_:_:)`` on an array.
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        hay.withUnsafeBufferPointer { contains($0, needle) }
    }
}
