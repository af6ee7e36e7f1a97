#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interns words: each distinct word gets a small integer, so that comparing and hashing a
/// word costs an integer operation (hashing a non-ASCII `String` costs a normalization
/// check). One table serves both documents of a diff, so equal words get equal ids.
///
/// The words' bytes live one after another in one array, found through an open-addressing
/// table keyed by an FNV-1a hash of the bytes: no allocation per word, a multiply per byte
/// to look one up. The storage is exempt from run-time exclusivity checks (each access to a
/// class's stored property is otherwise checked, which cost more than the lookup itself); the
/// table is used from one thread, like the rest of one diff.
final class WordTable {
    @exclusivity(unchecked) private var arena: [UInt8] = []
    /// Word `k` is `arena[starts[k]..<starts[k + 1]]`.
    @exclusivity(unchecked) private var starts: [Int] = [0]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Word ids by hash slot, -1 for an empty slot.
    @exclusivity(unchecked) private var slots = [Int32](repeating: -1, count: 1024)
    private var relativeIDs: [Int: Int32] = [:]

    /// The number of distinct words; ids are `0..<count`.
    var count: Int { hashes.count }

    /// The id of the word `bytes`, a new one when it was not seen before.
    /// - Complexity: O(length) expected.
    func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        if let k = find(bytes, h) { return k.id }
        let slot = freeSlot(h)
        let id = Int32(hashes.count)
        slots[slot] = id
        hashes.append(h)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The word `bytes` with hash `h`, if present.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (id: Int32, slot: Int)? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h >> 17) & mask
        while slots[slot] >= 0 {
            let k = Int(slots[slot])
            if hashes[k] == h, starts[k + 1] - starts[k] == bytes.count,
                arena.withUnsafeBufferPointer({ a in
                    bytes.isEmpty || memcmp(a.baseAddress! + starts[k], bytes.baseAddress!, bytes.count) == 0
                })
            {
                return (Int32(k), slot)
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The first empty slot for hash `h`.
    private func freeSlot(_ h: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h >> 17) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        return slot
    }

    /// The id of the word `bytes` if it was seen before.
    func existingID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return find(bytes, h)?.id
    }

    func id(_ bytes: [UInt8]) -> Int32 { bytes.withUnsafeBufferPointer { id($0) } }

    func id(_ text: String) -> Int32 { id(Array(text.utf8)) }

    /// The id of the relative year form `y+offset` (`y+0`, `y-1`): never a word, since a word
    /// has no `+` or `-`.
    func relativeID(_ offset: Int) -> Int32 {
        if let id = relativeIDs[offset] { return id }
        let id = self.id(offset < 0 ? "y" + String(offset) : "y+" + String(offset))
        relativeIDs[offset] = id
        return id
    }

    /// The word as text (tests and debugging).
    func text(_ id: Int32) -> String {
        String(decoding: arena[starts[Int(id)]..<starts[Int(id) + 1]], as: UTF8.self)
    }

    private func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h >> 17) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(k)
        }
    }
}
