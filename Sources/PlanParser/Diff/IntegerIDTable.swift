/// Dense ids for 64-bit keys: the first key seen gets 0, the next new one 1, and so on.
///
/// Open addressing with linear probing and a multiplicative hash, so a lookup costs a
/// multiply and usually one probe, where `Dictionary<UInt64, Int32>` runs SipHash. The diff
/// interns millions of word pairs and title hashes with it.
struct IntegerIDTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    /// The number of keys; ids are `0..<count`.
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The id of `key`, giving it the next id when it is new.
    /// - Complexity: O(1) expected.
    mutating func id(_ key: UInt64) -> Int32 {
        var slot = self.slot(key)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        let id = Int32(count)
        keys[slot] = key
        values[slot] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    /// The id of `key`, or `nil` when it was never given one.
    func existingID(_ key: UInt64) -> Int32? {
        var slot = self.slot(key)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        for k in oldKeys.indices where oldValues[k] >= 0 {
            var slot = self.slot(oldKeys[k])
            while values[slot] >= 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = oldKeys[k]
            values[slot] = oldValues[k]
        }
    }
}
