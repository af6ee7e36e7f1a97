/// A growable byte buffer written through a raw pointer: the output buffer of the writers.
///
/// `Array.append` checks uniqueness and capacity and goes through generic code on every call;
/// a writer making millions of small appends (keys, quotes, commas) spends more time there than
/// in copying. Here a caller reserves once and stores bytes directly.
final class RawBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var c = capacity
        while c < needed { c *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        fresh.update(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = c
    }

    @inline(__always)
    func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    /// Where the next byte goes, for a caller that stores bytes itself (after ``reserve(_:)``)
    /// and then counts them with ``extend(by:)``.
    var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Counts `n` bytes the caller stored at ``end``.
    @inline(__always)
    func extend(by n: Int) {
        count &+= n
    }

    /// Appends without a capacity check: the caller reserved room.
    @inline(__always)
    func appendUnchecked(_ b: UInt8) {
        base[count] = b
        count += 1
    }

    @inline(__always)
    func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(from: p, count: n)
        count += n
    }

    /// Appends `n` bytes (a key, a literal: a few bytes) without a capacity check and without
    /// a call to `memmove`: two overlapping loads and stores cover 4 to 16 bytes.
    @inline(__always)
    func appendShortUnchecked(_ p: UnsafePointer<UInt8>, _ n: Int) {
        let s = UnsafeRawPointer(p)
        let d = UnsafeMutableRawPointer(base + count)
        if n >= 8 && n <= 16 {
            let head = s.loadUnaligned(as: UInt64.self)
            let tail = s.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            d.storeBytes(of: head, as: UInt64.self)
            d.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 && n < 8 {
            let head = s.loadUnaligned(as: UInt32.self)
            let tail = s.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            d.storeBytes(of: head, as: UInt32.self)
            d.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
        } else if n < 4 {
            for k in 0..<n { (base + count)[k] = p[k] }
        } else {
            (base + count).update(from: p, count: n)
        }
        count += n
    }

    /// Appends `n` spaces without a capacity check; the caller reserved `max(n, 32) + 8` bytes
    /// (the spaces are stored eight at a time, and the last store may reach past them). The
    /// first 32 are four plain stores: a loop of them alone is turned into a `memset` call by
    /// the compiler, which costs more than the stores for the usual indentation.
    @inline(__always)
    func appendSpacesUnchecked(_ n: Int) {
        let d = UnsafeMutableRawPointer(base + count)
        let spaces: UInt64 = 0x2020_2020_2020_2020
        d.storeBytes(of: spaces, as: UInt64.self)
        d.storeBytes(of: spaces, toByteOffset: 8, as: UInt64.self)
        d.storeBytes(of: spaces, toByteOffset: 16, as: UInt64.self)
        d.storeBytes(of: spaces, toByteOffset: 24, as: UInt64.self)
        var k = 32
        while k < n {
            d.storeBytes(of: spaces, toByteOffset: k, as: UInt64.self)
            k &+= 8
        }
        count += n
    }

    @inline(__always)
    func append(_ b: UnsafeBufferPointer<UInt8>) {
        if let p = b.baseAddress { append(p, b.count) }
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends `value` (below 100) as two decimal digits without a capacity check.
    @inline(__always)
    func appendTwoDigitsUnchecked(_ value: UInt8) {
        base[count] = 0x30 &+ value / 10
        base[count &+ 1] = 0x30 &+ value % 10
        count &+= 2
    }

    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Appends `value` in decimal, zero-padded to at least `minimumDigits` (`2025`, `03`): the
    /// digits are counted by comparisons, then stored backwards in place.
    func appendDecimal(_ value: UInt, minimumDigits: Int = 1) {
        var digits = 1
        var power: UInt = 10
        while digits < 20, value >= power {
            digits &+= 1
            power &*= 10
        }
        let width = max(digits, min(minimumDigits, 24))
        reserve(width)
        let start = base + count
        var p = start + width
        var n = value
        // Two digits a division, read from a literal (a static array would cost a `swift_once`).
        let pairs = Self.digitPairs.utf8Start
        while n >= 100 {
            let r = Int(n % 100)
            n /= 100
            p -= 2
            p[0] = pairs[2 &* r]
            p[1] = pairs[2 &* r &+ 1]
        }
        if n >= 10 {
            p -= 2
            p[0] = pairs[2 &* Int(n)]
            p[1] = pairs[2 &* Int(n) &+ 1]
        } else {
            p -= 1
            p.pointee = UInt8(truncatingIfNeeded: 0x30 &+ n)
        }
        while p > start {
            p -= 1
            p.pointee = UInt8(ascii: "0")
        }
        count &+= width
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written so far.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// A copy of the bytes written so far.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets the bytes (keeps the memory).
    func removeAll() { count = 0 }
}
