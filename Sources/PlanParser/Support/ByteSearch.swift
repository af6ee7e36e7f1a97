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
        needle.withUnsafeBufferPointer { find(hay, $0, from: from) }
    }

    /// ``find(_:_:from:)`` with a needle in place (a table's bytes).
    @inline(__always)
    static func find(_ hay: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let m = n.count
        guard m > 0, let base = hay.baseAddress, from >= 0, hay.count - from >= m else { return nil }
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

    /// Whether `hay` contains `needle` (an empty needle is contained everywhere).
    @inline(__always)
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.isEmpty || find(hay, needle) != nil
    }

    /// ``contains(_:_:)`` with a needle in place.
    @inline(__always)
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.isEmpty || find(hay, needle) != nil
    }

    /// Whether `hay` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ hay: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        prefix.withUnsafeBufferPointer { hasPrefix(hay, $0) }
    }

    /// ``hasPrefix(_:_:)`` with a prefix in place.
    @inline(__always)
    static func hasPrefix(_ hay: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        guard prefix.count <= hay.count else { return false }
        for k in 0..<prefix.count where hay[k] != prefix[k] { return false }
        return true
    }

    /// The offset of the first run of `count` (1 to 3) bytes equal to `byte` in `hay` at or
    /// after `from`, or `nil`: sixteen positions at a time, for bytes too common for `memchr`
    /// (three spaces, `--`).
    static func findRun(of byte: UInt8, count: Int, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = hay.baseAddress, count >= 1, count <= 3, from >= 0 else { return nil }
        let n = hay.count
        let pattern = Block(repeating: byte)
        var i = from
        // Each block compared with itself one and two bytes on (unaligned loads are cheap).
        while i &+ 16 &+ count &- 1 <= n {
            let raw = UnsafeRawPointer(base + i)
            var m = raw.loadUnaligned(as: Block.self) .== pattern
            if count > 1 { m .&= raw.loadUnaligned(fromByteOffset: 1, as: Block.self) .== pattern }
            if count > 2 { m .&= raw.loadUnaligned(fromByteOffset: 2, as: Block.self) .== pattern }
            if let lane = firstLane(m) { return i &+ lane }
            i &+= 16
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
        let pairs = Block(repeating: pair)
        let triples = Block(repeating: triple)
        var i = from
        // A run starts where a byte equals the next one and is `pair`, or is `triple` and the
        // next equals the one after.
        @inline(__always)
        func starts(_ offset: Int) -> SIMDMask<SIMD16<Int8>> {
            let raw = UnsafeRawPointer(base + offset)
            let x = raw.loadUnaligned(as: Block.self)
            let x1 = raw.loadUnaligned(fromByteOffset: 1, as: Block.self)
            let x2 = raw.loadUnaligned(fromByteOffset: 2, as: Block.self)
            return (x .== x1) .& ((x .== pairs) .| ((x .== triples) .& (x1 .== x2)))
        }
        // Thirty-two bytes a round, their two masks tested as one: runs are rare, and a test
        // costs as much as a block's compares.
        while i &+ 34 <= n {
            let a = starts(i)
            let b = starts(i &+ 16)
            let w = unsafeBitCast(a .| b, to: SIMD2<UInt64>.self)
            if w[0] | w[1] != 0 {
                if let lane = firstLane(a) { return i &+ lane }
                if let lane = firstLane(b) { return i &+ 16 &+ lane }
            }
            i &+= 32
        }
        while i &+ 18 <= n {
            if let lane = firstLane(starts(i)) { return i &+ lane }
            i &+= 16
        }
        while i < n {
            if i + 1 < n, hay[i] == pair, hay[i + 1] == pair { return i }
            if i + 2 < n, hay[i] == triple, hay[i + 1] == triple, hay[i + 2] == triple { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the first ASCII digit in `hay` at or after `from`, or `hay.count`:
    /// sixteen bytes at a time, then eight (most of a line is words).
    static func firstDigit(in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard let base = hay.baseAddress else { return hay.count }
        let n = hay.count
        var i = from
        while i &+ 16 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: Block.self)
            if let lane = firstLane(x &- Block(repeating: 0x30) .< Block(repeating: 10)) { return i &+ lane }
            i &+= 16
        }
        if i &+ 8 <= n {
            let d = SWAR.digits(of: UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            if d != 0 { return i &+ d.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < n, hay[i] &- 0x30 >= 10 { i &+= 1 }
        return i
    }

    /// How many bytes of `hay[from..<to]` equal `byte`: sixteen at a time, each lane's matches
    /// summed in a byte for up to 255 blocks before the lanes are added up.
    static func count(of byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        guard let base = hay.baseAddress, from < end else { return 0 }
        let pattern = Block(repeating: byte)
        var total = 0
        var i = from
        while i &+ 16 <= end {
            var lanes = Block(repeating: 0)
            let stop = min(end, i &+ 255 &* 16)
            while i &+ 16 <= stop {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: Block.self)
                // A match is FF (minus one) in the mask.
                lanes &-= unsafeBitCast(x .== pattern, to: Block.self)
                i &+= 16
            }
            total &+= sum(of: lanes)
        }
        while i < end {
            if hay[i] == byte { total &+= 1 }
            i &+= 1
        }
        return total
    }

    /// The sum of the sixteen bytes of `lanes` (counts, kept per lane by a vector loop): the
    /// bytes as two words, pairs summed into 16-bit fields, then the fields summed by a
    /// multiply into the top one.
    @inline(__always)
    static func sum(of lanes: SIMD16<UInt8>) -> Int {
        let w = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let evens: UInt64 = 0x00FF_00FF_00FF_00FF
        let pairs = (w[0] & evens) &+ ((w[0] &>> 8) & evens) &+ (w[1] & evens) &+ ((w[1] &>> 8) & evens)
        return Int((pairs &* 0x0001_0001_0001_0001) &>> 48)
    }

    private typealias Block = SIMD16<UInt8>

    /// The first set lane of `m`, or `nil`. The mask is read as two words (each byte FF or 00):
    /// the standard library's `any` is a reduction it does not inline here.
    @inline(__always)
    private static func firstLane(_ m: SIMDMask<SIMD16<Int8>>) -> Int? {
        let w = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        if w[0] != 0 { return w[0].trailingZeroBitCount >> 3 }
        if w[1] != 0 { return 8 &+ w[1].trailingZeroBitCount >> 3 }
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
