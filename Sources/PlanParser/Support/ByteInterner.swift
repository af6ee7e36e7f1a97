/// Dense ids for byte strings: the first distinct string seen gets 0, the next new one 1, and
/// so on. The strings are kept back to back in one arena and found again by a 64-bit hash in
/// an open-addressing table, then compared eight bytes at a time — never hashed as Swift
/// `String`s or through `Dictionary` (SipHash). The workbook's shared strings and the heading
/// spell check intern with it.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32]

    /// Room for about `capacity` strings before the table grows. A caller that knows about how
    /// many bytes its strings take (`arenaBytes`) gets the arena and the per-string lists made
    /// that large up front: on a small input, regrowing them from empty costs more than the
    /// interning (the spell check of a short plan's headings).
    init(capacity: Int = 2048, arenaBytes: Int? = nil) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        if let arenaBytes {
            arena.reserveCapacity(arenaBytes)
            starts.reserveCapacity(capacity + 1)
            hashes.reserveCapacity(capacity)
        }
    }

    /// The number of distinct strings; ids are `0..<count`.
    var count: Int { hashes.count }

    /// The id of `bytes`, given the next one when they are new; `hash` is ``hash(_:)`` of them.
    /// - Complexity: O(length) expected.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let k = Int(slots[slot])
            if k < 0 { break }
            if hashes[k] == hash, starts[k + 1] - starts[k] == bytes.count,
                arena.withUnsafeBufferPointer({ a in
                    Self.equal(UnsafeBufferPointer(rebasing: a[starts[k]..<starts[k + 1]]), bytes)
                })
            {
                return (k, false)
            }
            slot = (slot + 1) & mask
        }
        let k = hashes.count
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = Int32(k)
        if hashes.count * 2 > slots.count { grow() }
        return (k, true)
    }

    /// ``id(of:hash:)`` with the hash worked out here.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        id(of: bytes, hash: Self.hash(bytes))
    }

    /// Calls `body` with the bytes of string `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]])) }
    }

    /// The string `id` decoded.
    func string(_ id: Int) -> String { withBytes(id) { String(decoding: $0, as: UTF8.self) } }

    /// Twice the slots, every string placed again by its hash.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (i, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(i)
        }
    }

    /// A 64-bit hash of `bytes`, eight at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        h ^= h >> 29
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }

    /// Whether two byte runs of the same length are equal, eight bytes at a time.
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        let x = UnsafeRawBufferPointer(a)
        let y = UnsafeRawBufferPointer(b)
        var i = 0
        while i + 8 <= n {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
