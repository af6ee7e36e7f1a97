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

    /// The offset of the first run of `count` (2 or 3) bytes equal to `byte` in `hay` at or
    /// after `from`, or `nil`: eight positions at a time (each 8-byte word compared with itself
    /// one and two bytes on), for bytes too common for `memchr` (three spaces, `--`).
    static func findRun(of byte: UInt8, count: Int, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = hay.baseAddress, count >= 1, count <= 3 else { return nil }
        let n = hay.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* UInt64(byte)
        @inline(__always) func equal(_ x: UInt64) -> UInt64 {
            let y = x ^ pattern
            return ~(((y & ~high) &+ ~high) | y) & high
        }
        @inline(__always) func load(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
        }
        var i = from
        // Each word compared once: the run's later bytes are the same masks shifted down a
        // byte or two, topped up from the next word (kept for the next round).
        if i >= 0, i + 16 <= n {
            var current = equal(load(i))
            while i + 16 <= n {
                let next = equal(load(i + 8))
                var m = current
                if count > 1 { m &= (current &>> 8) | (next &<< 56) }
                if count > 2 { m &= (current &>> 16) | (next &<< 48) }
                if m != 0 { return i + m.trailingZeroBitCount >> 3 }
                current = next
                i += 8
            }
        }
        while i + 8 + count - 1 <= n {
            var m = equal(load(i))
            if count > 1 { m &= equal(load(i + 1)) }
            if count > 2 { m &= equal(load(i + 2)) }
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i + count <= n {
            var k = 0
            while k < count, hay[i + k] == byte { k += 1 }
            if k == count { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the first place at or after `from` where two `pair` bytes or three
    /// `triple` bytes start, or `nil`: ``findRun(of:count:in:from:)`` for both at once, so a
    /// text is read once for two kinds of run (`--` and three spaces).
    static func findPairOrTriple(pair: UInt8, triple: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = hay.baseAddress, from >= 0 else { return nil }
        let n = hay.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let pairPattern = ones &* UInt64(pair)
        let triplePattern = ones &* UInt64(triple)
        @inline(__always) func equal(_ x: UInt64, _ pattern: UInt64) -> UInt64 {
            let y = x ^ pattern
            return ~(((y & ~high) &+ ~high) | y) & high
        }
        @inline(__always) func load(_ at: Int) -> UInt64 {
            UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
        }
        var i = from
        if i + 16 <= n {
            var word = load(i)
            var a = equal(word, pairPattern)
            var b = equal(word, triplePattern)
            while i + 16 <= n {
                word = load(i + 8)
                let nextA = equal(word, pairPattern)
                let nextB = equal(word, triplePattern)
                let m = (a & ((a &>> 8) | (nextA &<< 56)))
                    | (b & ((b &>> 8) | (nextB &<< 56)) & ((b &>> 16) | (nextB &<< 48)))
                if m != 0 { return i + m.trailingZeroBitCount >> 3 }
                a = nextA
                b = nextB
                i += 8
            }
        }
        while i < n {
            if i + 1 < n, hay[i] == pair, hay[i + 1] == pair { return i }
            if i + 2 < n, hay[i] == triple, hay[i + 1] == triple, hay[i + 2] == triple { return i }
            i += 1
        }
        return nil
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
