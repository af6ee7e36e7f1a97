/// The shared-string table of a workbook (`xl/sharedStrings.xml`): each distinct text once,
/// cells naming it by number.
///
/// Every text cell of a workbook names its text here, as Excel itself writes workbooks: the
/// texts that repeat — sections, units and their keys, times, products, sources, kinds — are
/// stored once, so a workbook is smaller and faster to compress, and a text that does not
/// repeat costs about what an inline string would. Texts are found again by their bytes (a
/// hash table with open addressing over one byte arena), never hashed as Swift `String`s.
final class XLSXSharedStrings {
    /// The `<si>` elements, one per line, in number order.
    private(set) var items: [UInt8] = []
    private(set) var uniqueCount = 0
    /// How many cells name a shared string.
    private(set) var referenceCount = 0

    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)

    var isEmpty: Bool { uniqueCount == 0 }

    /// The number of the text in `bytes`, added when new (`writeItem` then writes its
    /// `<t>…</t>` element for the table).
    func index(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, writeItem: (inout [UInt8]) -> Void) -> Int {
        referenceCount += 1
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let k = Int(slots[slot])
            if k < 0 { break }
            if hashes[k] == hash, starts[k + 1] - starts[k] == bytes.count,
                arena.withUnsafeBufferPointer({ a in
                    Self.equal(UnsafeBufferPointer(rebasing: a[starts[k]..<starts[k + 1]]), bytes)
                })
            {
                return k
            }
            slot = (slot + 1) & mask
        }
        let k = uniqueCount
        uniqueCount += 1
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = Int32(k)
        items.append(contentsOf: Self.itemOpen)
        writeItem(&items)
        items.append(contentsOf: Self.itemClose)
        if uniqueCount * 2 > slots.count {
            // Grow: twice the slots, every text placed again by its hash.
            slots = Array(repeating: -1, count: slots.count * 2)
            mask = slots.count - 1
            for (i, h) in hashes.enumerated() {
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] >= 0 { s = (s + 1) & mask }
                slots[s] = Int32(i)
            }
        }
        return k
    }

    /// The part `xl/sharedStrings.xml`.
    func xml() -> [UInt8] {
        var out = XMLText.declaration
        out += Array(("<sst xmlns=\"\(XLSXWorkbook.mainNamespace)\" count=\"\(referenceCount)\""
            + " uniqueCount=\"\(uniqueCount)\">\n").utf8)
        out += items
        out += Array("</sst>\n".utf8)
        return out
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

    private static let itemOpen = Array("<si><t".utf8)
    private static let itemClose = Array("</si>\n".utf8)
}
